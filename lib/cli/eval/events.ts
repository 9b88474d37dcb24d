/**
 * `npm run eval -- events FILE [--idf PATH] [--ner PATH] [--folds N] [--no-cv] [--fit] [--max-per-cluster N]`
 *
 * FILE: JSONL with `id`, `title`, `text`, `cluster` and optionally `date` (ISO 8601) and `topic`.
 * Each document is analysed as the extension analyses an article: text = title + text split into
 * paragraphs on newlines (a first line equal to the title is not repeated), named entities with
 * `findMentions` (public/models/ner.bin), actors with `buildActors` + `canonicalName`, then
 * `computeFingerprint`. Protocol (see shared/data/README.md): when every document has a date,
 * documents are added in date order to an empty archive, each first asking for its earlier
 * coverage; otherwise each document asks leave-one-out against all others. In both cases the
 * archive's own document frequencies are layered on the shipped IDF table (in the dated protocol,
 * only those of the documents added so far). The right answers are the other documents in the
 * archive with the same `cluster`. Every query goes through `findEarlierCoverage`.
 *
 * Figures: precision, recall and F1 of tier "same" (what the panel shows), micro over pairs; mean
 * average precision of the full ranking (queries with at least one right answer); recall at 5
 * (right answers in the top 5 over min(5, right answers)); ms per query; where there is a `topic`,
 * the share of false positives that are same-topic other-event documents.
 *
 * Headline: cross-validated figures. When every document has a `topic` (ECB+), folds are topics;
 * otherwise, on a dated file, they are events (clusters), dealt in the order of their first
 * article, and each query still asks the whole growing archive built before it (N folds, default
 * 5: a fold's queries are scored with the model fitted on the pairs of the other folds' queries and
 * candidates). `--with FILE` adds another labelled file: the model is fitted on the training folds
 * of both (its dated regime on dated pairs, its undated one on the others, see MatchModel.dated)
 * and each file's figures are reported, the others' as with2_*. The shipped model (DEFAULT_MODEL)
 * is reported beside it as `shipped_*`. Without folds (or with --no-cv) the headline is the shipped
 * model. The baselines, fitted the same way: TF-IDF cosine alone (`baseline_*`), and on dated files
 * cosine with the publication-date gap (`gap_baseline_*`; before issue #19 the cosine baseline
 * carried the model's fixed gap prior, so it was this one). --fit prints the model fitted on all
 * pairs, to paste into lib/events/match.ts.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  computeFingerprint,
  findEarlierCoverage,
  LayeredIdf,
  loadIdfTable,
  MemoryCandidateSource,
  parseDay,
  termCounts,
  CONTENT_FLOOR,
  DEFAULT_MODEL,
  DATED_FLOOR_CHOICES,
  DATED_MIN_ACTORS,
  FEATURES,
  FLOOR_CHOICES,
  type EarlierCoverage,
  type FeatureName,
  type Fingerprint,
  type MatchModel,
  type MatchRegime,
  type Logistic,
  type IdfTable,
} from '../../events/index.ts';
import { DATED_L2, fitRegimes, type Pair } from '../../events/tune.ts';
import { buildActors } from '../../nlp/actors.ts';
import { canonicalName } from '../../nlp/canonical-names.ts';
import { findMentions, loadNerModel, nameFacts } from '../../nlp/ner/index.ts';
import type { Actor } from '../../types.ts';
import { round, table, type EvalTask } from './task.ts';

const DEFAULT_IDF = 'public/models/idf.json';
const DEFAULT_NER = 'public/models/ner.bin';
const MODEL_FEATURES: FeatureName[] = ['cosine', 'actors', 'places', 'dateMatch', 'dateConflict', 'gap', 'near1', 'near', 'near7'];
/**
 * The dated regime's features, by default: the content and date signals, with closeness in time
 * only as it strengthens the content (`cosNear`, `actorsNear`, `placesNear`, `cosNear1`,
 * `actorsNear1`) instead of the bare `near1`/`near`/`near7` flags, which let any story of the same
 * days in (see match.ts). Without `neighbours`: on the dated stream (5-fold CV by event, fitted
 * with ECB+) adding it took F1 from about 0.53 to 0.50 and MAP from 0.82 to 0.81: among the
 * candidates of dated news, the near neighbours are the other stories of the same days. The dates
 * the texts name agree (`datesSaid`) in place of `dateMatch`, which counts each article's own day
 * and so gives any two articles a day apart its full weight (issue #19: 5-fold CV F1 on the stream
 * 0.549 → 0.572, precision 0.444 → 0.479, recall 0.718 → 0.712, MAP 0.829 → 0.830).
 * The headline-and-lede signals (`headCos`, `kindClash`, `ledeDaySame`, `ledeDayClash`, see
 * lib/events/happening.ts) were added for issue #19: on the stream (5-fold CV by event, fitted with
 * ECB+) F1 0.565 → 0.589 (precision 0.471 → 0.505, recall 0.706 both), MAP 0.834 → 0.866; ECB+
 * unchanged (0.888). `kindSame`, `kindOne` and `happening` (a kind in common on days that agree)
 * were tried beside them in a quicker CV of the dated regime alone and gave no more (F1 0.57–0.59).
 * The dated regime is fitted with a lighter L2 penalty than ECB+'s (DATED_L2 in tune.ts; issue
 * #19: MAP 0.866 → 0.891, F1 0.589 → 0.590); --dated-l2 X tries another.
 * --dated-features a,b,c tries another set.
 */
const DATED_FEATURES: FeatureName[] = [
  'cosine',
  'actors',
  'places',
  'datesSaid',
  'dateConflict',
  'gap',
  'cosNear',
  'actorsNear',
  'placesNear',
  'cosNear1',
  'actorsNear1',
  'headCos',
  'kindClash',
  'ledeDaySame',
  'ledeDayClash',
];
const BASELINE_FEATURES: FeatureName[] = ['cosine'];
/** The form of the baseline reported before issue #19: cosine and the publication-date gap (then a fixed prior, here fitted). */
const GAP_BASELINE_FEATURES: FeatureName[] = ['cosine', 'gap'];

interface Doc {
  id: string;
  title: string;
  paragraphs: string[];
  cluster: string;
  topic: string | null;
  /** Where the article comes from (the line's "source": wikinews, polnear, extraction …), for figures by source. */
  source: string | null;
  date: string | null;
  line: number;
}

function readText(path: string, what: string): string {
  if (!existsSync(path)) throw new Error(`${what} not found: ${path}`);
  if (!statSync(path).isFile()) throw new Error(`${what} is not a file: ${path}`);
  return readFileSync(path, 'utf8');
}

function asKey(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * Parses the JSONL file; malformed lines are counted and described, not fatal. `unlabeled`: lines
 * need no "id" (the "url", else the line number) nor "cluster" (each its own).
 */
export function parseEventsJsonl(text: string, unlabeled = false): { docs: Doc[]; malformed: number; problems: string[] } {
  const docs: Doc[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let malformed = 0;
  const bad = (line: number, why: string) => {
    malformed++;
    if (problems.length < 5) problems.push(`line ${line}: ${why}`);
  };
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let o: unknown;
    try {
      o = JSON.parse(raw);
    } catch {
      return bad(line, 'not valid JSON');
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) return bad(line, 'not a JSON object');
    const r = o as Record<string, unknown>;
    const id = asKey(r.id) ?? (unlabeled ? (asKey(r.url) ?? `line ${line}`) : null);
    const cluster = asKey(r.cluster) ?? (unlabeled ? id : null);
    if (id === null) return bad(line, 'no "id"');
    if (seen.has(id)) return bad(line, `duplicate id ${id}`);
    if (cluster === null) return bad(line, 'no "cluster"');
    if (typeof r.title !== 'string' || typeof r.text !== 'string') return bad(line, '"title" and "text" must be strings');
    if (r.date !== undefined && r.date !== null && (typeof r.date !== 'string' || parseDay(r.date) === null)) return bad(line, `"date" is not an ISO 8601 date: ${JSON.stringify(r.date)}`);
    const lines = r.text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const title = r.title.trim();
    const paragraphs = lines[0] === title ? lines : [title, ...lines].filter(Boolean);
    if (paragraphs.length === 0) return bad(line, 'empty title and text');
    seen.add(id);
    docs.push({ id, title, paragraphs, cluster, topic: asKey(r.topic), source: asKey(r.source), date: typeof r.date === 'string' ? r.date : null, line });
  });
  return { docs, malformed, problems };
}

interface QueryResult {
  q: number;
  /** Ranked candidates (document indexes) with tier and features. */
  ranked: EarlierCoverage[];
  /** Indexes of the right answers present in the archive at query time. */
  relevant: Set<number>;
  ms: number;
}

/**
 * Runs the protocol once: for each query, calls findEarlierCoverage with the model `modelFor(q)`
 * (all candidates kept, so the ranking is complete). Ids in the source are document indexes.
 */
async function runProtocol(docs: Doc[], actors: Actor[][], base: IdfTable, dated: boolean, modelFor: (q: number) => MatchModel): Promise<QueryResult[]> {
  const idf = new LayeredIdf(base);
  const source = new MemoryCandidateSource();
  const out: QueryResult[] = [];
  const input = (d: Doc) => ({ title: d.title, paragraphs: d.paragraphs, published: d.date });
  if (!dated) {
    for (const d of docs) idf.add(termCounts(input(d)).keys());
    const fps: Fingerprint[] = docs.map((d, i) => computeFingerprint(input(d), actors[i]!, idf));
    fps.forEach((fp, i) => source.add(i, fp));
    for (let q = 0; q < docs.length; q++) {
      const t0 = performance.now();
      const ranked = await findEarlierCoverage(fps[q]!, source, { idf, model: modelFor(q), exclude: [q], keepAll: true });
      const ms = performance.now() - t0;
      const relevant = new Set<number>();
      docs.forEach((d, i) => i !== q && d.cluster === docs[q]!.cluster && relevant.add(i));
      out.push({ q, ranked, relevant, ms });
    }
    return out;
  }
  const order = docs.map((_, i) => i).sort((a, b) => parseDay(docs[a]!.date)! - parseDay(docs[b]!.date)! || a - b);
  const added: number[] = [];
  for (const q of order) {
    const fp = computeFingerprint(input(docs[q]!), actors[q]!, idf);
    const t0 = performance.now();
    const ranked = await findEarlierCoverage(fp, source, { idf, model: modelFor(q), keepAll: true });
    const ms = performance.now() - t0;
    const relevant = new Set(added.filter((i) => docs[i]!.cluster === docs[q]!.cluster));
    out.push({ q, ranked, relevant, ms });
    source.add(q, fp);
    idf.add(termCounts(input(docs[q]!)).keys());
    added.push(q);
  }
  return out;
}

interface Figures {
  precision: number;
  recall: number;
  f1: number;
  map: number;
  recall_at_5: number;
  tp: number;
  fp: number;
  fn: number;
  fp_same_topic: number | null;
  related_precision: number | null;
}

function figures(docs: Doc[], results: QueryResult[], tierOf: (r: QueryResult, c: EarlierCoverage) => 'same' | 'related' | 'none'): Figures {
  let tp = 0,
    fp = 0,
    fn = 0,
    fpTopic = 0,
    relTopic = 0,
    rel = 0;
  let apSum = 0,
    r5Sum = 0,
    withRel = 0;
  for (const r of results) {
    const qd = docs[r.q]!;
    let found = 0;
    for (const c of r.ranked) {
      const i = c.id as number;
      const tier = tierOf(r, c);
      const right = r.relevant.has(i);
      const sameTopic = qd.topic !== null && docs[i]!.topic === qd.topic;
      if (tier === 'same') {
        if (right) {
          tp++;
          found++;
        } else {
          fp++;
          if (sameTopic) fpTopic++;
        }
      } else if (tier === 'related') {
        rel++;
        if (sameTopic && !right) relTopic++;
      }
    }
    fn += r.relevant.size - found;
    if (r.relevant.size === 0) continue;
    withRel++;
    let hits = 0;
    let ap = 0;
    r.ranked.forEach((c, k) => {
      if (r.relevant.has(c.id as number)) {
        hits++;
        ap += hits / (k + 1);
      }
    });
    apSum += ap / r.relevant.size;
    const top5 = r.ranked.slice(0, 5).filter((c) => r.relevant.has(c.id as number)).length;
    r5Sum += top5 / Math.min(5, r.relevant.size);
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const hasTopic = docs.every((d) => d.topic !== null);
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    map: withRel ? apSum / withRel : 0,
    recall_at_5: withRel ? r5Sum / withRel : 0,
    tp,
    fp,
    fn,
    fp_same_topic: hasTopic ? (fp ? fpTopic / fp : 0) : null,
    related_precision: hasTopic ? (rel ? relTopic / rel : 0) : null,
  };
}

/**
 * The figures of the queries from each source of a file (its lines' "source"), when it has more
 * than one: a query's wrong joins count for its own source, whatever the candidate's.
 */
export function figuresBySource(docs: Doc[], results: QueryResult[], tierOf: (r: QueryResult, c: EarlierCoverage) => 'same' | 'related' | 'none'): Map<string, Figures> {
  const sources = [...new Set(docs.map((d) => d.source).filter((x): x is string => x !== null))].sort();
  const out = new Map<string, Figures>();
  if (sources.length < 2) return out;
  for (const src of sources)
    out.set(
      src,
      figures(
        docs,
        results.filter((r) => docs[r.q]!.source === src),
        tierOf,
      ),
    );
  return out;
}

/** Pairs for fitting: every candidate a query retrieved, with its labels. */
function pairsOf(docs: Doc[], results: QueryResult[], keep: (q: number, c: number) => boolean, group = 0): Pair[] {
  const out: Pair[] = [];
  for (const r of results) {
    const qd = docs[r.q]!;
    for (const c of r.ranked) {
      const i = c.id as number;
      if (!keep(r.q, i)) continue;
      out.push({ features: c.features, same: r.relevant.has(i), group, ...(qd.topic !== null ? { topic: docs[i]!.topic === qd.topic } : {}) });
    }
  }
  return out;
}

function describeLogistic(m: Logistic): string {
  const w = Object.entries(m.weights)
    .filter(([, v]) => v !== 0)
    .map(([k, v]) => `${k} ${round(v, 3)}`)
    .join(', ');
  return `bias ${round(m.bias, 3)}; ${w}`;
}

function describeModel(m: MatchRegime): string {
  return `${describeLogistic(m)}; same ≥ ${round(m.same, 4)}, related ≥ ${round(m.related, 4)} (first stage: ${describeLogistic(m.direct)})`;
}

/**
 * `--unlabeled`: no right answers to score against, so the pairs the shipped model puts in a tier
 * are listed for a reader to judge (the "same" ones in full), with counts.
 */
function listPairs(docs: Doc[], results: QueryResult[], msPerQuery: number): Record<string, number | string> {
  const label = (i: number) => `${docs[i]!.date ?? '(no date)'} ${docs[i]!.title}`;
  let same = 0,
    related = 0,
    lowSame = 0,
    lowRelated = 0;
  const withSame = new Set<number>();
  const dated = docs.every((d) => d.date !== null);
  console.log(`\n"same event" pairs: score, cosine | the article read || ${dated ? 'the earlier one' : 'the other one (leave-one-out: not every line has a date)'}`);
  for (const r of results) {
    for (const c of r.ranked) {
      if (c.tier === 'none') continue;
      const low = c.features.cosine < CONTENT_FLOOR;
      if (c.tier === 'related') {
        related++;
        if (low) lowRelated++;
        continue;
      }
      same++;
      if (low) lowSame++;
      withSame.add(r.q);
      console.log(`  ${round(c.score, 3)}  ${round(c.features.cosine, 3)} | ${label(r.q)} || ${label(Number(c.id))}`);
    }
  }
  console.log(
    `\n${docs.length} articles: ${same} "same event" pairs (${withSame.size} articles with any), ${related} "related"; under a cosine of ${CONTENT_FLOOR} (CONTENT_FLOOR): ${lowSame} same, ${lowRelated} related. ${round(msPerQuery, 3)} ms per query.`,
  );
  return {
    protocol: dated ? 'date-order' : 'leave-one-out',
    documents: docs.length,
    same_pairs: same,
    related_pairs: related,
    articles_with_same: withSame.size,
    same_under_floor: lowSame,
    related_under_floor: lowRelated,
    ms_per_query: round(msPerQuery, 3),
  };
}

/** One labelled file, analysed, with its cross-validation folds. */
interface Dataset {
  path: string;
  docs: Doc[];
  actors: Actor[][];
  dated: boolean;
  /** How its folds are made: by topic (ECB+), by event cluster (a dated stream), or none. */
  cvBy: 'topic' | 'event' | null;
  foldOf: (i: number) => number;
  malformed: number;
  problems: string[];
  nerMs: number;
}

/**
 * Reads and analyses one file. Folds: topics dealt round-robin in natural order when every document
 * has a topic; otherwise, on a dated file, events (clusters) dealt round-robin in the order of their
 * first article, so every fold spans the whole period and a fold's events are held out whole (the
 * growing archive still holds every earlier article: the held-out fold's queries are scored against
 * it with a model fitted on the other folds' pairs).
 */
function loadDataset(path: string, ner: ReturnType<typeof loadNerModel>, folds: number, cv: boolean, unlabeled: boolean, maxPerCluster: number): Dataset {
  const parsed = parseEventsJsonl(readText(path, 'events file'), unlabeled);
  // --max-per-cluster N keeps the first N documents of each cluster: a check of how the rule does
  // when events have few articles, as in a reader's archive.
  const perCluster = new Map<string, number>();
  const docs = parsed.docs.filter((d) => {
    const n = (perCluster.get(d.cluster) ?? 0) + 1;
    perCluster.set(d.cluster, n);
    return n <= maxPerCluster;
  });
  if (docs.length < 2)
    throw new Error(
      `${path}: ${docs.length} usable document(s); need at least 2 JSONL lines with "id", "title", "text" and "cluster"${parsed.problems.length ? ' (' + parsed.problems.join('; ') + ')' : ''}`,
    );
  const tNer = performance.now();
  // The actors as the extension's analyser finds them (lib/background/analyser.ts): with the
  // gazetteers' facts and the title, which rule out peoples, things and bylines.
  const facts = nameFacts(ner);
  const actors = docs.map((d) => buildActors(d.paragraphs, findMentions(ner, d.paragraphs), { canonical: canonicalName, facts, title: d.title }).actors);
  const nerMs = performance.now() - tNer;
  const dated = docs.every((d) => d.date !== null);
  const hasTopic = docs.every((d) => d.topic !== null);
  const topics = [...new Set(docs.map((d) => d.topic ?? ''))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  let cvBy: Dataset['cvBy'] = null;
  let foldOf = (_: number) => 0;
  if (cv && hasTopic && topics.length >= folds) {
    cvBy = 'topic';
    const foldOfTopic = new Map(topics.map((t, i) => [t, i % folds]));
    foldOf = (i) => foldOfTopic.get(docs[i]!.topic ?? '')!;
  } else if (cv && dated && !unlabeled) {
    const order = docs.map((_, i) => i).sort((a, b) => parseDay(docs[a]!.date)! - parseDay(docs[b]!.date)! || a - b);
    const foldOfCluster = new Map<string, number>();
    for (const i of order) if (!foldOfCluster.has(docs[i]!.cluster)) foldOfCluster.set(docs[i]!.cluster, foldOfCluster.size % folds);
    if (foldOfCluster.size >= folds) {
      cvBy = 'event';
      foldOf = (i) => foldOfCluster.get(docs[i]!.cluster)!;
    }
  }
  const clusters = new Set(docs.map((d) => d.cluster)).size;
  console.log(
    `${path}: ${docs.length} documents, ${clusters} clusters${hasTopic ? `, ${topics.length} topics` : ''}; protocol: ${dated ? 'date order, growing archive' : 'leave-one-out (no dates)'}${cvBy ? `; ${folds}-fold CV by ${cvBy}` : ''}`,
  );
  if (parsed.malformed) console.log(`skipped ${parsed.malformed} malformed line(s): ${parsed.problems.join('; ')}`);
  console.log(`NER + actors: ${round(nerMs / docs.length, 2)} ms per document`);
  return { path, docs, actors, dated, cvBy, foldOf, malformed: parsed.malformed, problems: parsed.problems, nerMs };
}

function dumpPairs(ds: Dataset, results: QueryResult[], out: string): void {
  const lines: string[] = [];
  for (const r of results)
    for (const c of r.ranked) {
      const q = ds.docs[r.q]!;
      const d = ds.docs[c.id as number]!;
      lines.push(
        JSON.stringify({
          q: q.id,
          c: d.id,
          qc: q.cluster,
          cc: d.cluster,
          qt: q.topic,
          ct: d.topic,
          qd: q.date,
          cd: d.date,
          same: r.relevant.has(c.id as number),
          score: c.score,
          tier: c.tier,
          f: c.features,
        }),
      );
    }
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${lines.length} pairs → ${out}`);
}

/**
 * `--dump-errors OUT`: the wrong answers of a run (the headline's, by cross-validation), one JSON
 * line each, for reading and classifying: "false join" (in tier "same", another event) and
 * "miss" (an earlier article of the same event not in tier "same"; `retrieved` false when no
 * index key brought it in, and then no signals).
 */
function dumpErrors(ds: Dataset, results: QueryResult[], out: string): void {
  const lines: string[] = [];
  const about = (i: number) => ({ id: ds.docs[i]!.id, date: ds.docs[i]!.date, title: ds.docs[i]!.title, event: ds.docs[i]!.cluster });
  const days = (a: number, b: number) => {
    const x = parseDay(ds.docs[a]!.date);
    const y = parseDay(ds.docs[b]!.date);
    return x === null || y === null ? null : Math.abs(x - y);
  };
  let joins = 0;
  let misses = 0;
  for (const r of results) {
    const byId = new Map(r.ranked.map((c) => [c.id as number, c]));
    for (const c of r.ranked) {
      if (c.tier !== 'same' || r.relevant.has(c.id as number)) continue;
      joins++;
      lines.push(JSON.stringify({ kind: 'false join', query: about(r.q), other: about(c.id as number), days: days(r.q, c.id as number), score: c.score, features: c.features }));
    }
    for (const i of r.relevant) {
      const c = byId.get(i);
      if (c?.tier === 'same') continue;
      misses++;
      lines.push(
        JSON.stringify({ kind: 'miss', query: about(r.q), other: about(i), days: days(r.q, i), retrieved: !!c, score: c?.score ?? null, tier: c?.tier ?? null, features: c?.features ?? null }),
      );
    }
  }
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${joins} false joins and ${misses} misses → ${out}`);
}

/** `f` on each item, one after the other (so that each query's time is its own). */
async function inTurn<T, R>(items: T[], f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const x of items) out.push(await f(x));
  return out;
}

/** `same` and `related` thresholds as a cosine, for a cosine-only model. */
function cosineThreshold(m: MatchRegime): number {
  return -Math.log(1 / m.same - 1) / m.weights.cosine - m.bias / m.weights.cosine;
}

const task: EvalTask = {
  describe:
    'same-event matching: P/R/F1 of tier "same", MAP, recall@5, ms/query (JSONL id,title,text,cluster[,date,topic]) [--with FILE: fit on both files together, report each] [--folds N] [--no-cv] [--fit] [--max-per-cluster N] [--min-cosine X: the floor of both regimes] [--dated-min-cosine X] [--dated-min-actors X|none] [--dated-features a,b] [--dated-l2 X: the L2 penalty of the dated regime] [--dump-pairs OUT] [--dump-errors OUT: the headline run’s false joins and misses] [--unlabeled: no clusters; lists what the shipped model pairs]',
  async run(path, args) {
    let idfPath = DEFAULT_IDF;
    let nerPath = DEFAULT_NER;
    let folds = 5;
    let cv = true;
    let fit = false;
    let maxPerCluster = Infinity;
    let modelPath: string | null = null;
    let minCosine: number | null = null;
    let unlabeled = false;
    let dumpPath: string | null = null;
    let errorsPath: string | null = null;
    const withPaths: string[] = [];
    let datedFeatures: FeatureName[] = DATED_FEATURES;
    let datedMinCosine: number | null = null;
    let datedMinActors: number | undefined = DATED_MIN_ACTORS;
    let datedL2 = DATED_L2;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--idf') idfPath = args[++i] ?? '';
      else if (a === '--ner') nerPath = args[++i] ?? '';
      else if (a === '--folds') folds = Number(args[++i]);
      else if (a === '--no-cv') cv = false;
      else if (a === '--fit') fit = true;
      else if (a === '--model') modelPath = args[++i] ?? '';
      else if (a === '--max-per-cluster') maxPerCluster = Number(args[++i]);
      else if (a === '--min-cosine') minCosine = Number(args[++i]);
      else if (a === '--unlabeled') unlabeled = true;
      else if (a === '--dump-pairs') dumpPath = args[++i] ?? '';
      else if (a === '--dump-errors') errorsPath = args[++i] ?? '';
      else if (a === '--with') withPaths.push(args[++i] ?? '');
      else if (a === '--dated-min-cosine') datedMinCosine = Number(args[++i]);
      else if (a === '--dated-l2') {
        datedL2 = Number(args[++i]);
        if (!(datedL2 >= 0)) throw new Error('--dated-l2 takes a number ≥ 0');
      } else if (a === '--dated-min-actors') {
        const v = args[++i] ?? '';
        datedMinActors = v === 'none' ? undefined : Number(v);
        if (datedMinActors !== undefined && !(datedMinActors >= 0 && datedMinActors <= 1)) throw new Error('--dated-min-actors takes a number in [0, 1] or "none"');
      } else if (a === '--dated-features') {
        const list = (args[++i] ?? '').split(',').filter(Boolean);
        const bad = list.filter((f) => !(FEATURES as readonly string[]).includes(f) || f === 'undated');
        if (!list.length || bad.length)
          throw new Error(`--dated-features takes a comma-separated list of ${FEATURES.filter((f) => f !== 'undated').join(', ')}${bad.length ? ` (not: ${bad.join(', ')})` : ''}`);
        datedFeatures = list as FeatureName[];
      } else throw new Error(`unknown option for events: ${a}`);
    }
    if (!idfPath || !nerPath) throw new Error('--idf and --ner take a path');
    if (withPaths.some((p) => !p)) throw new Error('--with takes a path');
    if (unlabeled && withPaths.length) throw new Error('--with is for labelled files; --unlabeled lists one file');
    if (datedMinCosine !== null && !(datedMinCosine >= 0 && datedMinCosine < 1)) throw new Error('--dated-min-cosine takes a number in [0, 1)');
    if (minCosine !== null && !(minCosine >= 0 && minCosine < 1)) throw new Error('--min-cosine takes a number in [0, 1)');
    if (!Number.isInteger(folds) || folds < 2) throw new Error('--folds takes an integer ≥ 2');
    if (maxPerCluster !== Infinity && (!Number.isInteger(maxPerCluster) || maxPerCluster < 1)) throw new Error('--max-per-cluster takes a positive integer');
    let base: IdfTable;
    try {
      base = loadIdfTable(readText(idfPath, 'IDF table'));
    } catch (err) {
      throw new Error(`${idfPath}: ${err instanceof Error ? err.message : String(err)} (rebuild it with lib/cli/train-idf.ts)`, { cause: err });
    }
    if (!existsSync(nerPath) || !statSync(nerPath).isFile()) throw new Error(`NER model not found: ${nerPath} (train one with npm run train:ner)`);
    const ner = loadNerModel(readFileSync(nerPath));
    const sets = [path, ...withPaths].map((p) => loadDataset(p, ner, folds, cv, unlabeled, maxPerCluster));
    const main = sets[0]!;
    // Cross-validation needs every file to have folds; then fold k of the whole is fold k of each file.
    const doCv = sets.every((d) => d.cvBy !== null);
    if (cv && !doCv && !unlabeled)
      console.log(
        `no cross-validation: ${sets
          .filter((d) => d.cvBy === null)
          .map((d) => d.path)
          .join(', ')} has neither topics nor dates (or too few)`,
      );

    let shippedModel = DEFAULT_MODEL;
    if (modelPath !== null) {
      try {
        shippedModel = JSON.parse(readText(modelPath, 'model file')) as MatchModel;
      } catch (err) {
        throw new Error(`--model ${modelPath}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    }
    if (minCosine !== null) shippedModel = { ...shippedModel, minCosine };
    else if (shippedModel.minCosine === undefined) console.log(`--model ${modelPath}: no "minCosine", so no content floor`);
    // The floor the fits choose from: --min-cosine fixes it.
    const floors = minCosine !== null ? [minCosine] : FLOOR_CHOICES;
    const datedFloors = datedMinCosine !== null ? [datedMinCosine] : minCosine !== null ? [minCosine] : DATED_FLOOR_CHOICES;
    // Pass 1: the shipped model, all candidates kept (their signals are what the fits use).
    const shipped = await inTurn(sets, (d) => runProtocol(d.docs, d.actors, base, d.dated, () => shippedModel));
    const shippedFig = sets.map((d, j) => figures(d.docs, shipped[j]!, (_, c) => c.tier));
    const msPerQuery = shipped[0]!.reduce((a, r) => a + r.ms, 0) / shipped[0]!.length;
    const candidates = shipped[0]!.reduce((a, r) => a + r.ranked.length, 0) / shipped[0]!.length;
    if (dumpPath) dumpPairs(main, shipped[0]!, dumpPath);
    if (unlabeled) {
      if (fit || !cv) console.log('--unlabeled: nothing to fit or cross-validate without clusters; --fit and --no-cv are ignored');
      return listPairs(main.docs, shipped[0]!, msPerQuery);
    }

    const inFold = (d: Dataset, k: number | null) => (q: number, c: number) => k === null || (d.foldOf(q) !== k && d.foldOf(c) !== k);
    /**
     * Training pairs from every file, each file weighing the same in the logistic fit (a file's pairs
     * share a weight: its share of all pairs, inverted), and tagged with the file so that the
     * thresholds maximise the mean of the files' F1s.
     */
    const trainingPairs = (results: QueryResult[][], k: number | null): Pair[] => {
      const per = sets.map((d, j) => pairsOf(d.docs, results[j]!, inFold(d, k), j));
      const total = per.reduce((a, p) => a + p.length, 0);
      return per.flatMap((p) => p.map((x) => ({ ...x, weight: total / (per.length * Math.max(1, p.length)) })));
    };
    // Two stages: the direct signals are fitted on pass 1's pairs; the `neighbours` signal depends on
    // that first stage, so it is computed in a second pass with it, and the final weights fitted then.
    const fitTwoStage = async (ks: (number | null)[]): Promise<MatchModel[]> => {
      const directDated = datedFeatures.filter((f) => f !== 'neighbours');
      const direct = ks.map((k) => fitRegimes(trainingPairs(shipped, k), MODEL_FEATURES, undefined, floors, directDated, datedFloors, datedMinActors, datedL2));
      // A negligible `neighbours` weight, so that findEarlierCoverage computes the signal.
      const probe: MatchModel[] = direct.map((m) => ({
        ...m,
        weights: { ...m.weights, neighbours: 1e-9 },
        ...(m.dated ? { dated: { ...m.dated, weights: { ...m.dated.weights, neighbours: 1e-9 } } } : {}),
      }));
      const pass2 = await inTurn(sets, (d) => runProtocol(d.docs, d.actors, base, d.dated, (q) => probe[ks.length > 1 ? d.foldOf(q) : 0]!));
      return ks.map((k, j) => fitRegimes(trainingPairs(pass2, k), [...MODEL_FEATURES, 'neighbours'], direct[j]!, floors, datedFeatures, datedFloors, datedMinActors, datedL2));
    };

    const ks: (number | null)[] = doCv ? Array.from({ length: folds }, (_, k) => k) : [null];
    const models = doCv ? await fitTwoStage(ks) : [];
    const baselineModels = ks.map((k) => fitRegimes(trainingPairs(shipped, k), BASELINE_FEATURES, undefined, 0));
    const gapModels = ks.map((k) => fitRegimes(trainingPairs(shipped, k), GAP_BASELINE_FEATURES, undefined, 0));
    const modelOf = (d: Dataset, ms: MatchModel[]) => (q: number) => ms[doCv ? d.foldOf(q) : 0]!;
    const cvRuns = doCv ? await inTurn(sets, (d) => runProtocol(d.docs, d.actors, base, d.dated, modelOf(d, models))) : [];
    const cvFig = cvRuns.map((r, j) => figures(sets[j]!.docs, r, (_, c) => c.tier));
    if (errorsPath) dumpErrors(main, doCv ? cvRuns[0]! : shipped[0]!, errorsPath);
    const baseRuns = await inTurn(sets, (d) => runProtocol(d.docs, d.actors, base, d.dated, modelOf(d, baselineModels)));
    const baseFig = baseRuns.map((r, j) => figures(sets[j]!.docs, r, (_, c) => c.tier));
    const gapFig = await inTurn(sets, async (d) => (d.dated ? figures(d.docs, await runProtocol(d.docs, d.actors, base, d.dated, modelOf(d, gapModels)), (_, c) => c.tier) : null));

    const rows: (string | number)[][] = [];
    const row = (name: string, f: Figures) =>
      rows.push([name, round(f.precision), round(f.recall), round(f.f1), round(f.map), round(f.recall_at_5), f.tp, f.fp, f.fn, f.fp_same_topic === null ? '-' : round(f.fp_same_topic)]);
    const cvName = (d: Dataset) => `${folds}-fold CV by ${d.cvBy}${sets.length > 1 ? ', fitted on all files' : ''}`;
    sets.forEach((d, j) => {
      const tag = sets.length > 1 ? `[${j + 1}] ` : '';
      if (doCv) {
        row(`${tag}combined, ${cvName(d)} (headline)`, cvFig[j]!);
        row(`${tag}baseline: TF-IDF cosine only, same CV`, baseFig[j]!);
        if (gapFig[j]) row(`${tag}baseline: cosine + date gap, same CV`, gapFig[j]!);
        row(`${tag}shipped model`, shippedFig[j]!);
      } else {
        row(`${tag}shipped model (headline)`, shippedFig[j]!);
        row(`${tag}baseline: TF-IDF cosine only, threshold fitted on ${sets.length > 1 ? 'these files' : 'this file'}`, baseFig[j]!);
        if (gapFig[j]) row(`${tag}baseline: cosine + date gap, fitted the same way`, gapFig[j]!);
      }
    });
    if (sets.length > 1) sets.forEach((d, j) => console.log(`[${j + 1}] ${d.path}`));
    if (doCv) {
      console.log('\nper-fold models (fitted on the other folds):');
      models.forEach((m, k) => console.log(`  fold ${k}: ${describeModel(m)}; floor ${m.minCosine}${m.dated ? `\n          dated: ${describeModel(m.dated)}; floor ${m.dated.minCosine}` : ''}`));
    }
    console.log(
      `\nshipped model${modelPath ? ` (${modelPath})` : ''}: ${describeModel(shippedModel)}; floor ${shippedModel.minCosine ?? 0}${shippedModel.dated ? `\n  dated: ${describeModel(shippedModel.dated)}; floor ${shippedModel.dated.minCosine ?? 0}` : ''}`,
    );
    console.log(
      `baseline cosine threshold${baselineModels.length > 1 ? 's' : ''}: ${baselineModels.map((m) => [m, ...(m.dated ? [m.dated] : [])].map((r) => round(cosineThreshold(r), 4)).join(' / ')).join(', ')}`,
    );
    console.log('');
    console.log(table(['run', 'precision', 'recall', 'F1', 'MAP', 'R@5', 'TP', 'FP', 'FN', 'FP same topic'], rows));
    // The first file's figures by source (the dev stream's Wikinews, PolNeAR and real pages).
    const bySource = figuresBySource(main.docs, doCv ? cvRuns[0]! : shipped[0]!, (_, c) => c.tier);
    const baseBySource = figuresBySource(main.docs, baseRuns[0]!, (_, c) => c.tier);
    if (bySource.size) {
      const srcRows: (string | number)[][] = [];
      for (const [src, f] of bySource) {
        const b = baseBySource.get(src)!;
        srcRows.push([src, round(f.precision), round(f.recall), round(f.f1), round(f.map), f.tp, f.fp, f.fn, round(b.f1), round(b.map)]);
      }
      console.log(`\n${sets.length > 1 ? '[1] ' : ''}by source of the query (${doCv ? 'the CV run' : 'the shipped model'}; beside it the TF-IDF baseline, with the whole file's threshold):`);
      console.log(table(['source', 'precision', 'recall', 'F1', 'MAP', 'TP', 'FP', 'FN', 'baseline F1', 'baseline MAP'], srcRows));
    }
    console.log(`\n${round(msPerQuery, 3)} ms per query (retrieve → score → decide, in memory), ${round(candidates, 1)} candidates scored per query on average`);
    if (fit) {
      const [all] = await fitTwoStage([null]);
      console.log(`\nmodel fitted on all pairs${sets.length > 1 ? ' of all files' : ''} (for DEFAULT_MODEL):\n${JSON.stringify(all, (_, v: unknown) => (typeof v === 'number' ? round(v, 4) : v))}`);
    }
    const headline = doCv ? cvFig[0]! : shippedFig[0]!;
    const out: Record<string, number | string | null> = {
      precision: round(headline.precision),
      recall: round(headline.recall),
      f1: round(headline.f1),
      map: round(headline.map),
      recall_at_5: round(headline.recall_at_5),
      ms_per_query: round(msPerQuery, 3),
      headline: doCv ? `cv${folds}-by-${main.cvBy}${sets.length > 1 ? '-joint' : ''}` : 'shipped',
      documents: main.docs.length,
      malformed: main.malformed,
      protocol: main.dated ? 'date-order' : 'leave-one-out',
      fp_same_topic: headline.fp_same_topic === null ? null : round(headline.fp_same_topic),
      related_precision: headline.related_precision === null ? null : round(headline.related_precision),
      baseline_precision: round(baseFig[0]!.precision),
      baseline_recall: round(baseFig[0]!.recall),
      baseline_f1: round(baseFig[0]!.f1),
      baseline_map: round(baseFig[0]!.map),
      gap_baseline_f1: gapFig[0] ? round(gapFig[0].f1) : null,
      gap_baseline_map: gapFig[0] ? round(gapFig[0].map) : null,
      baseline_fp_same_topic: baseFig[0]!.fp_same_topic === null ? null : round(baseFig[0]!.fp_same_topic),
      shipped_f1: round(shippedFig[0]!.f1),
      shipped_precision: round(shippedFig[0]!.precision),
      shipped_recall: round(shippedFig[0]!.recall),
      shipped_map: round(shippedFig[0]!.map),
      candidates_per_query: round(candidates, 1),
      ner_ms_per_doc: round(main.nerMs / main.docs.length, 2),
    };
    for (const [src, f] of bySource) {
      const key = src.replace(/[^a-z0-9]+/gi, '_').toLowerCase();
      Object.assign(out, {
        [`source_${key}_f1`]: round(f.f1),
        [`source_${key}_map`]: round(f.map),
        [`source_${key}_precision`]: round(f.precision),
        [`source_${key}_recall`]: round(f.recall),
        [`source_${key}_baseline_f1`]: round(baseBySource.get(src)!.f1),
      });
    }
    // The other files' figures, as with<N>_<figure> (N from 2, in the order given).
    sets.slice(1).forEach((_, j) => {
      const f = doCv ? cvFig[j + 1]! : shippedFig[j + 1]!;
      const b = baseFig[j + 1]!;
      Object.assign(out, {
        [`with${j + 2}_f1`]: round(f.f1),
        [`with${j + 2}_map`]: round(f.map),
        [`with${j + 2}_precision`]: round(f.precision),
        [`with${j + 2}_recall`]: round(f.recall),
        [`with${j + 2}_baseline_f1`]: round(b.f1),
        [`with${j + 2}_baseline_map`]: round(b.map),
      });
    });
    return out;
  },
};

export default task;

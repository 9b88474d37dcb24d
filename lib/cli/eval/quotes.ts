/**
 * `npm run eval -- quotes DIR [--no-ner] [--model PATH] [--examples N]`
 *
 * DIR has the PolNeAR brat layout: `DIR/text/NAME.txt` and `DIR/attributions/NAME_xxxx.ann` (the
 * suffix names the annotator). Runs `findAttributions` on every text, with NER mentions from
 * `findMentions` and public/models/ner.bin unless `--no-ner` is given, and scores it against the
 * gold attributions.
 *
 * Alignment: predicted and gold attributions are paired one to one, greedily, by the number of
 * content characters they share (largest first); attributions still unpaired are then paired by
 * shared cue characters. For each field (source, content, cue), a pair counts as a hit when the
 * predicted span and the gold span(s) share at least one character ("overlap") or when they are
 * the same after trimming white space, punctuation and quote marks at both ends ("exact"; for a
 * gold span in several pieces, its outer bounds are compared). Precision divides the hits by the
 * predictions that have that field, recall by the gold attributions that have it. "attribution"
 * counts the pairs themselves.
 *
 * Brat offsets count Unicode code points; they are converted to UTF-16 offsets here. An article
 * annotated by several annotators is scored against the first annotation file in name order.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findAttributions, type Attribution, type MentionHint, type Span } from '../../nlp/claims/attribution.ts';
import { findMentions, loadNerModel, type NerModel } from '../../nlp/ner/index.ts';
import { round, table, type EvalTask } from './task.ts';

const DEFAULT_MODEL = 'public/models/ner.bin';

export interface GoldAttribution {
  source: Span[] | null;
  cue: Span[] | null;
  content: Span[] | null;
}

export interface ParsedAnn {
  attributions: GoldAttribution[];
  /** Lines that could not be read (skipped). */
  malformed: number;
  problems: string[];
  /** Events with a source but neither content nor cue (not scored). */
  sourceOnly: number;
}

/** UTF-16 offset of every code point offset in `text` (identity when there are no astral characters). */
function codePointMap(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[Math.min(cp, map.length - 1)]!;
}

/** Parses one brat .ann file: T lines (text-bound spans) and E lines (the attribution events). */
export function parseAnn(ann: string, text: string, name = 'ann'): ParsedAnn {
  const toU16 = codePointMap(text);
  const spans = new Map<string, { label: string; spans: Span[] }>();
  const events: { args: Map<string, string>; line: number }[] = [];
  const problems: string[] = [];
  let malformed = 0;
  let sourceOnly = 0;
  const bad = (line: number, why: string): void => {
    malformed++;
    if (problems.length < 10) problems.push(`${name}:${line}: ${why}`);
  };
  const lines = ann.split(/\r?\n/);
  /** Characters of T-line text still expected on continuation lines (a span's text may contain line breaks). */
  let pending = 0;
  lines.forEach((raw, idx) => {
    const line = idx + 1;
    if (raw === '' && pending > 0) {
      pending--;
      return;
    }
    if (raw.trim() === '') return;
    const tab = raw.split('\t');
    const id = tab[0] ?? '';
    if (pending > 0 && !/^[TERAMN#]\d*$/.test(id)) {
      pending = Math.max(0, pending - raw.length - 1);
      return;
    }
    pending = 0;
    if (id.startsWith('#') || /^[ARMN]\d+$/.test(id)) return;
    if (/^T\d+$/.test(id)) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(tab[1] ?? '');
      if (!m) return bad(line, `cannot read span "${tab[1] ?? ''}"`);
      const parts = m[2]!.split(';').map((p) => {
        const [a, b] = p.split(' ').map(Number);
        return { start: toU16(a!), end: toU16(b!) };
      });
      if (parts.some((p) => !(p.end >= p.start) || p.end > text.length)) return bad(line, `span outside the text (${m[2]})`);
      spans.set(id, { label: m[1]!, spans: parts });
      // The text column may run over several lines when the span contains line breaks.
      const expected = parts.reduce((a, p) => a + (p.end - p.start), 0) + parts.length - 1;
      pending = Math.max(0, expected - tab.slice(2).join('\t').length);
      return;
    }
    if (/^E\d+$/.test(id)) {
      const args = new Map<string, string>();
      for (const a of (tab[1] ?? '').trim().split(/\s+/)) {
        const k = a.indexOf(':');
        if (k <= 0) return bad(line, `cannot read event argument "${a}"`);
        args.set(a.slice(0, k), a.slice(k + 1));
      }
      events.push({ args, line });
      return;
    }
    bad(line, `unknown line "${raw.slice(0, 40)}"`);
  });
  const attributions: GoldAttribution[] = [];
  for (const ev of events) {
    const get = (role: string): Span[] | null => {
      const ref = ev.args.get(role);
      if (!ref) return null;
      const t = spans.get(ref);
      if (!t) {
        bad(ev.line, `event refers to unknown ${ref}`);
        return null;
      }
      return t.spans;
    };
    const a = { source: get('Source'), cue: get('Cue'), content: get('Content') };
    if (!a.content && !a.cue) {
      sourceOnly++;
      continue;
    }
    attributions.push(a);
  }
  return { attributions, malformed, problems, sourceOnly };
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

const overlap = (a: Span, bs: readonly Span[]): number => bs.reduce((n, b) => n + Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)), 0);

const TRIM = /[\s\p{P}\p{S}]/u;
function trimmed(text: string, s: number, e: number): [number, number] {
  while (s < e && TRIM.test(text[s]!)) s++;
  while (e > s && TRIM.test(text[e - 1]!)) e--;
  return [s, e];
}

function exact(text: string, p: Span, g: readonly Span[]): boolean {
  const [ps, pe] = trimmed(text, p.start, p.end);
  const [gs, ge] = trimmed(text, Math.min(...g.map((x) => x.start)), Math.max(...g.map((x) => x.end)));
  return ps === gs && pe === ge && pe > ps;
}

interface Counts {
  pred: number;
  gold: number;
  hit: number;
  exact: number;
}

/**
 * Gold cues that are plain verbs of saying (or "according to"): the part of PolNeAR that a statement
 * finder aims at. Recall on this subset is reported next to overall recall, which also counts beliefs,
 * intentions, nominal cues ("criticism of") and the like.
 */
const SPEECH_CUE =
  /^(?:(?:has|have|had|also|later|then|would|will|previously|repeatedly)\s+)*(?:said|says|say|told|tells|according to|added|adds|wrote|writes|asked|noted|notes|argued|argues|claimed|claims|insisted|warned|explained|stressed|announced|suggested|suggests|tweeted|declared|acknowledged|admitted|confirmed|denied|reported|reports|saying|adding|noting)\b/i;

const FIELDS = ['source', 'content', 'cue'] as const;
type Field = (typeof FIELDS)[number];

function prf(hit: number, pred: number, gold: number): { p: number; r: number; f: number } {
  const p = pred ? hit / pred : 0;
  const r = gold ? hit / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Greedy one-to-one alignment: by shared content characters, then by shared cue characters. */
export function align(pred: readonly Attribution[], gold: readonly GoldAttribution[]): [number, number][] {
  const pairs: [number, number][] = [];
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const field of ['content', 'cue'] as const) {
    const cands: { pi: number; gi: number; n: number }[] = [];
    pred.forEach((p, pi) => {
      if (usedP.has(pi)) return;
      const ps = p[field];
      if (!ps) return;
      gold.forEach((g, gi) => {
        if (usedG.has(gi)) return;
        const gs = g[field];
        if (!gs) return;
        const n = overlap(ps, gs);
        if (n > 0) cands.push({ pi, gi, n });
      });
    });
    cands.sort((a, b) => b.n - a.n || a.pi - b.pi || a.gi - b.gi);
    for (const c of cands) {
      if (usedP.has(c.pi) || usedG.has(c.gi)) continue;
      usedP.add(c.pi);
      usedG.add(c.gi);
      pairs.push([c.pi, c.gi]);
    }
  }
  return pairs;
}

function readDir(dir: string, what: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${what} not found: ${dir} (expected the PolNeAR layout DIR/text/*.txt and DIR/attributions/*.ann)`);
  return readdirSync(dir).sort();
}

const task: EvalTask = {
  describe: 'attributions (who said what) on PolNeAR brat data DIR/{text,attributions}: source/content/cue P/R/F1, overlap and exact  [--no-ner] [--model PATH] [--examples N]',
  async run(path: string, args: string[]): Promise<Record<string, unknown>> {
    let useNer = true;
    let modelPath = DEFAULT_MODEL;
    let examples = 0;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--no-ner') useNer = false;
      else if (a === '--model') {
        const v = args[++i];
        if (!v) throw new Error('--model needs a path');
        modelPath = v;
      } else if (a === '--examples') {
        examples = Number(args[++i]);
        if (!Number.isInteger(examples) || examples < 0) throw new Error('--examples needs a whole number');
      } else throw new Error(`unknown option for quotes: ${a}`);
    }
    if (!existsSync(path) || !statSync(path).isDirectory()) throw new Error(`no such directory: ${path}`);
    const textNames = readDir(join(path, 'text'), 'text folder').filter((f) => f.endsWith('.txt'));
    const annNames = readDir(join(path, 'attributions'), 'attributions folder').filter((f) => f.endsWith('.ann'));
    if (textNames.length === 0) throw new Error(`${join(path, 'text')}: no .txt files`);
    if (annNames.length === 0) throw new Error(`${join(path, 'attributions')}: no .ann files`);
    const texts = new Set(textNames.map((f) => f.slice(0, -4)));
    const byDoc = new Map<string, string>();
    let extraAnnotations = 0;
    let orphans = 0;
    for (const f of annNames) {
      const m = /^(.*)_[^_]+\.ann$/.exec(f);
      const doc = m && texts.has(m[1]!) ? m[1]! : texts.has(f.slice(0, -4)) ? f.slice(0, -4) : null;
      if (!doc) {
        orphans++;
        continue;
      }
      if (byDoc.has(doc)) extraAnnotations++;
      else byDoc.set(doc, f);
    }
    if (byDoc.size === 0) throw new Error(`${path}: no .ann file matches a .txt file (NAME_xxxx.ann pairs with text/NAME.txt)`);

    let model: NerModel | null = null;
    if (useNer) {
      if (!existsSync(modelPath)) throw new Error(`no NER model at ${modelPath} (train one with npm run train:ner, or pass --no-ner)`);
      model = loadNerModel(readFileSync(modelPath));
    }

    const counts: Record<Field, Counts> = {
      source: { pred: 0, gold: 0, hit: 0, exact: 0 },
      content: { pred: 0, gold: 0, hit: 0, exact: 0 },
      cue: { pred: 0, gold: 0, hit: 0, exact: 0 },
    };
    const byKind = { quote: { pred: 0, hit: 0 }, reported: { pred: 0, hit: 0 } };
    let nGold = 0;
    let nPred = 0;
    let nPairs = 0;
    let speechGold = 0;
    let speechHit = 0;
    let malformed = 0;
    let sourceOnly = 0;
    const problems: string[] = [];
    let ms = 0;
    let nerMs = 0;
    const missed: string[] = [];
    const wrong: string[] = [];
    const docs = [...byDoc.keys()];
    // Warm-up, not timed.
    for (const d of docs.slice(0, 3)) findAttributions(readFileSync(join(path, 'text', `${d}.txt`), 'utf8'));

    for (const doc of docs) {
      const text = readFileSync(join(path, 'text', `${doc}.txt`), 'utf8');
      const annFile = byDoc.get(doc)!;
      const parsed = parseAnn(readFileSync(join(path, 'attributions', annFile), 'utf8'), text, annFile);
      malformed += parsed.malformed;
      sourceOnly += parsed.sourceOnly;
      problems.push(...parsed.problems.slice(0, Math.max(0, 10 - problems.length)));
      const gold = parsed.attributions;

      let mentions: MentionHint[] | undefined;
      if (model) {
        const t0 = performance.now();
        mentions = mentionsFor(model, text);
        nerMs += performance.now() - t0;
      }
      const t0 = performance.now();
      const pred = findAttributions(text, { mentions });
      ms += performance.now() - t0;

      nGold += gold.length;
      nPred += pred.length;
      for (const f of FIELDS) {
        counts[f].gold += gold.filter((g) => g[f]).length;
        counts[f].pred += pred.filter((p) => p[f]).length;
      }
      for (const p of pred) byKind[p.kind].pred++;
      const pairs = align(pred, gold);
      nPairs += pairs.length;
      const pairedGold = new Set(pairs.map(([, gi]) => gi));
      gold.forEach((g, gi) => {
        const cue = g.cue
          ? g.cue
              .map((c) => text.slice(c.start, c.end))
              .join(' ')
              .trim()
          : '';
        if (!SPEECH_CUE.test(cue)) return;
        speechGold++;
        if (pairedGold.has(gi)) speechHit++;
      });
      for (const [pi, gi] of pairs) {
        const p = pred[pi]!;
        const g = gold[gi]!;
        byKind[p.kind].hit++;
        for (const f of FIELDS) {
          const ps = p[f];
          const gs = g[f];
          if (!ps || !gs) continue;
          if (overlap(ps, gs) > 0) counts[f].hit++;
          if (exact(text, ps, gs)) counts[f].exact++;
        }
      }
      if (examples > 0) {
        const sl = (s: Span | readonly Span[] | null): string => (s === null ? '-' : 'start' in s ? text.slice(s.start, s.end) : s.map((x) => text.slice(x.start, x.end)).join(' … '));
        const pairedG = new Set(pairs.map(([, gi]) => gi));
        const pairedP = new Set(pairs.map(([pi]) => pi));
        gold.forEach((g, gi) => {
          if (!pairedG.has(gi)) missed.push(`${doc}\n    source: ${sl(g.source)}\n    cue: ${sl(g.cue)}\n    content: ${sl(g.content).slice(0, 200)}`);
        });
        pred.forEach((p, pi) => {
          if (!pairedP.has(pi)) wrong.push(`${doc} [${p.kind}]\n    source: ${sl(p.source)}\n    cue: ${sl(p.cue)}\n    content: ${sl(p.content).slice(0, 200)}`);
        });
      }
    }

    if (examples > 0) {
      const pick = (xs: string[]): string[] => {
        const step = Math.max(1, Math.floor(xs.length / examples));
        return xs.filter((_, i) => i % step === 0).slice(0, examples);
      };
      console.log(`\nmissed gold attributions (${missed.length}), a sample:`);
      for (const m of pick(missed)) console.log(`  ${m}`);
      console.log(`\npredictions with no gold attribution (${wrong.length}), a sample:`);
      for (const w of pick(wrong)) console.log(`  ${w}`);
      console.log('');
    }

    console.log(`${path}: ${docs.length} articles, ${nGold} gold attributions, ${nPred} predicted; NER ${model ? `on (${modelPath})` : 'off'}`);
    if (extraAnnotations) console.log(`${extraAnnotations} further annotation file(s) of already-paired articles were not used (first annotator in name order is scored)`);
    if (orphans) console.log(`${orphans} .ann file(s) had no matching .txt and were skipped`);
    if (sourceOnly) console.log(`${sourceOnly} gold event(s) with a source but neither cue nor content were not scored`);
    if (malformed) {
      console.log(`skipped ${malformed} malformed .ann line(s)${problems.length ? ', e.g.:' : ''}`);
      for (const pr of problems) console.log(`  ${pr}`);
    }
    const rows: (string | number)[][] = [];
    const out: Record<string, number> = {};
    for (const f of FIELDS) {
      const c = counts[f];
      const o = prf(c.hit, c.pred, c.gold);
      const x = prf(c.exact, c.pred, c.gold);
      rows.push([f, c.gold, c.pred, round(o.p), round(o.r), round(o.f), round(x.p), round(x.r), round(x.f)]);
      out[`${f}_f1`] = round(o.f);
      out[`${f}_precision`] = round(o.p);
      out[`${f}_recall`] = round(o.r);
      out[`${f}_exact_f1`] = round(x.f);
    }
    const att = prf(nPairs, nPred, nGold);
    rows.push(['attribution', nGold, nPred, round(att.p), round(att.r), round(att.f), '', '', '']);
    console.log(table(['field', 'gold', 'predicted', 'P overlap', 'R overlap', 'F1 overlap', 'P exact', 'R exact', 'F1 exact'], rows));
    console.log(
      `precision by predicted kind (paired with a gold attribution): quote ${byKind.quote.hit}/${byKind.quote.pred} = ${round(byKind.quote.pred ? byKind.quote.hit / byKind.quote.pred : 0)}, ` +
        `reported ${byKind.reported.hit}/${byKind.reported.pred} = ${round(byKind.reported.pred ? byKind.reported.hit / byKind.reported.pred : 0)}`,
    );
    const speechRecall = speechGold ? speechHit / speechGold : 0;
    console.log(`recall on gold attributions whose cue is a verb of saying or "according to": ${speechHit}/${speechGold} = ${round(speechRecall)}`);
    const msPerDoc = ms / docs.length;
    console.log(`findAttributions: ${round(msPerDoc, 3)} ms per article${model ? `; NER ${round(nerMs / docs.length, 2)} ms per article` : ''}`);
    return {
      source_f1: out.source_f1,
      content_f1: out.content_f1,
      cue_f1: out.cue_f1,
      source_exact_f1: out.source_exact_f1,
      content_exact_f1: out.content_exact_f1,
      cue_exact_f1: out.cue_exact_f1,
      source_precision: out.source_precision,
      source_recall: out.source_recall,
      content_precision: out.content_precision,
      content_recall: out.content_recall,
      cue_precision: out.cue_precision,
      cue_recall: out.cue_recall,
      attribution_precision: round(att.p),
      attribution_recall: round(att.r),
      attribution_f1: round(att.f),
      speech_cue_recall: round(speechRecall),
      n_gold_speech_cue: speechGold,
      n_docs: docs.length,
      n_gold: nGold,
      n_pred: nPred,
      malformed_lines: malformed,
      ner: model !== null,
      ms_per_doc: round(msPerDoc, 3),
    };
  },
};

/** NER mentions for a raw text: its lines are the paragraphs; offsets are moved back into the whole text. */
function mentionsFor(model: NerModel, text: string): MentionHint[] {
  const paragraphs: string[] = [];
  const starts: number[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    paragraphs.push(m[0]);
    starts.push(m.index);
  }
  return findMentions(model, paragraphs).map((m) => ({ start: starts[m.paragraph]! + m.start, end: starts[m.paragraph]! + m.end, type: m.type }));
}

export default task;

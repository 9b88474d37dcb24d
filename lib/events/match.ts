/**
 * Earlier coverage of the same event (issue #5): retrieve candidates through the index keys, score
 * each against the article being read, decide a tier.
 *
 * A candidate's score is a logistic combination of a few explainable signals:
 *   - `cosine`: TF-IDF cosine of the two term vectors (weights from the current IDF table);
 *   - `actors`: overlap of people and organisations, each weighted by how distinctive its name is
 *     (the IDF of its words, so "PER:tara reid" counts more than "ORG:police");
 *   - `places`: the same for places;
 *   - `dateMatch`: how precisely the dates the two articles talk about (and their own dates) agree:
 *     1 for the same day (±1), 0.5 within a month, 0.25 within a year, 0 otherwise;
 *   - `dateConflict`: 1 when both articles name dates and none of them agree;
 *   - `gap`: distance between the two articles' own dates, ln(1 + days) / ln(366), capped at 1
 *     (0 when either date is unknown);
 *   - `neighbours`: whether the candidate has the same close matches among the other candidates
 *     as the query (see `neighbourSignals`); needs a first-stage combination of the signals above.
 * Tier "same" (same event) when the score reaches `model.same`, "related" when it reaches
 * `model.related`, neither when the cosine is under `model.minCosine` (CONTENT_FLOOR). The weights
 * and thresholds were fitted on ECB+ and measured there by cross-validation over topics (see
 * lib/cli/eval/events.ts and DEFAULT_MODEL below); `gap` cannot be measured there (ECB+ has no
 * dates), so its weight is a stated prior.
 */
import type { Fingerprint } from './fingerprint.ts';
import { termWeight } from './fingerprint.ts';
import { idf, maxIdf, type IdfTable } from './idf.ts';
import type { CandidateSource, FingerprintId } from './source.ts';
import { terms as termsOf } from './terms.ts';

export const FEATURES = ['cosine', 'actors', 'places', 'dateMatch', 'dateConflict', 'gap', 'neighbours'] as const;
export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

/** A logistic combination of signals: score = 1 / (1 + e^-(bias + Σ weight × signal)). */
export interface Logistic {
  bias: number;
  weights: Features;
}

export interface MatchModel extends Logistic {
  /**
   * The first-stage combination (without `neighbours`), used to weigh the other candidates when
   * computing the `neighbours` signal.
   */
  direct: Logistic;
  /** Score from which a candidate is the same event. */
  same: number;
  /** Score from which a candidate is related (same story or topic, another event). */
  related: number;
  /**
   * TF-IDF cosine below which a candidate is in neither tier, whatever its other signals (absent:
   * no floor). See CONTENT_FLOOR.
   */
  minCosine?: number;
}


/** First-stage score from which another article counts as a near neighbour (see `neighbourSignals`). */
export const NEIGHBOUR_MIN = 0.3;

/** Prior weight of the publication-date gap (not measurable on ECB+, which has no dates). */
export const GAP_WEIGHT = -2.5;

/**
 * The texts must share some of their words before anything else counts. ECB+ cannot teach this: its
 * candidates are all about the same kind of event, so agreeing dates and places are strong evidence
 * there. In a stream of dated news (293 Wikinews articles of 2019–20, in date order) they are not:
 * any two stories of one week talk about neighbouring days, and half the pairs the model called the
 * same event had a cosine under 0.1 (a fire in Catalonia and one in Poland; a court case and a
 * butterfly count), as had 95% of the related ones. A stated prior, like GAP_WEIGHT, checked on
 * ECB+ by cross-validation (see docs/evaluations.md); `npm run eval -- events FILE --unlabeled`
 * lists what the model pairs in a file without labels.
 */
export const CONTENT_FLOOR = 0.1;

/**
 * The shipped model: weights and thresholds fitted on all of ECB+ by `npm run eval -- events FILE
 * --fit` (the cross-validated figures, by topic, are the ones reported), except `gap`, a prior.
 */
export const DEFAULT_MODEL: MatchModel = {
  direct: { bias: -3.6505, weights: { cosine: 6.4225, actors: 4.3045, places: 1.9213, dateMatch: 2.3988, dateConflict: -0.4344, gap: GAP_WEIGHT, neighbours: 0 } },
  bias: -3.8718,
  weights: { cosine: 3.7283, actors: 1.4726, places: 0.7365, dateMatch: 1.1639, dateConflict: -0.2015, gap: GAP_WEIGHT, neighbours: 6.0152 },
  same: 0.3146,
  related: 0.0326,
  minCosine: CONTENT_FLOOR,
};

export interface Prepared {
  fp: Fingerprint;
  /** Term → TF-IDF weight. */
  vec: Map<string, number>;
  norm: number;
  /** Actor match key → [display key, weight]. */
  actors: Map<string, [string, number]>;
  places: Map<string, [string, number]>;
  /** Date intervals, own date included. */
  dates: [number, number][];
}

/** How distinctive a name is: the mean IDF of its words over the highest possible IDF, in (0, 1]. */
function nameWeight(table: IdfTable, key: string): number {
  const ts = termsOf(key.slice(key.indexOf(':') + 1));
  if (ts.length === 0) return 0.5;
  const top = maxIdf(table);
  return ts.reduce((a, t) => a + idf(table, t), 0) / ts.length / top;
}

/**
 * `nameWeight` remembered per key, for one table as it is now: the candidates of one lookup share
 * most of their names, and tokenising each again was a fifth of the scoring time.
 */
export class NameWeights {
  private readonly known = new Map<string, number>();
  constructor(readonly table: IdfTable) {}
  of(key: string): number {
    let w = this.known.get(key);
    if (w === undefined) this.known.set(key, (w = nameWeight(this.table, key)));
    return w;
  }
}

/** People match on surname across articles ("PER:reid" and "PER:tara reid"); others on the full key. */
export function matchKey(key: string): string {
  if (!key.startsWith('PER:')) return key;
  const words = key.slice(4).split(' ');
  return 'PER~' + (words[words.length - 1] ?? '');
}

function prepareActors(names: NameWeights, list: [string, number][]): Map<string, [string, number]> {
  const out = new Map<string, [string, number]>();
  for (const [key, mentions] of list) {
    const mk = matchKey(key);
    const w = names.of(key) * (1 + Math.log(Math.max(1, mentions)));
    const prev = out.get(mk);
    if (!prev) out.set(mk, [key, w]);
    else prev[1] += w;
  }
  return out;
}

/** Precomputes what scoring needs from one fingerprint under the current IDF table (`names`: share one across a lookup). */
export function prepare(fp: Fingerprint, table: IdfTable, names = new NameWeights(table)): Prepared {
  const vec = new Map<string, number>();
  let sq = 0;
  const n = Math.min(fp.terms.length, fp.counts.length);
  for (let i = 0; i < n; i++) {
    const w = termWeight(table, fp.terms[i]!, Math.max(1, fp.counts[i]!));
    vec.set(fp.terms[i]!, w);
    sq += w * w;
  }
  const dates: [number, number][] = [];
  if (fp.day !== null) dates.push([fp.day, fp.day]);
  for (let i = 0; i + 1 < fp.dates.length; i += 2) dates.push([fp.dates[i]!, fp.dates[i + 1]!]);
  return { fp, vec, norm: Math.sqrt(sq), actors: prepareActors(names, fp.actors), places: prepareActors(names, fp.places), dates };
}

function cosine(a: Prepared, b: Prepared): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.vec.size <= b.vec.size ? [a.vec, b.vec] : [b.vec, a.vec];
  let dot = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v !== undefined) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}

/** Weighted set overlap (cosine of two weighted binary sets) and the shared display keys. */
function overlap(a: Map<string, [string, number]>, b: Map<string, [string, number]>): { sim: number; shared: string[] } {
  if (a.size === 0 || b.size === 0) return { sim: 0, shared: [] };
  let sa = 0;
  let sb = 0;
  let both = 0;
  const shared: string[] = [];
  for (const [, [, w]] of a) sa += w * w;
  for (const [mk, [key, w]] of b) {
    sb += w * w;
    const other = a.get(mk);
    if (other) {
      both += w * other[1];
      // Show the fuller of the two names ("PER:tara reid" rather than "PER:reid").
      shared.push(other[0].length >= key.length ? other[0] : key);
    }
  }
  return { sim: sa && sb ? both / Math.sqrt(sa * sb) : 0, shared };
}

function specificity(len: number): number {
  return len <= 3 ? 1 : len <= 31 ? 0.5 : len <= 366 ? 0.25 : 0;
}

function dateSignals(a: [number, number][], b: [number, number][]): { match: number; conflict: number } {
  if (a.length === 0 || b.length === 0) return { match: 0, conflict: 0 };
  let best = 0;
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      if (a0 <= b1 + 1 && b0 <= a1 + 1) {
        const s = specificity(Math.max(a1 - a0, b1 - b0) + 1);
        if (s > best) best = s;
      }
    }
  }
  return { match: best, conflict: best === 0 ? 1 : 0 };
}

export interface PairSignals {
  /** All signals but `neighbours` (0 here; it depends on the other candidates). */
  features: Features;
  shared: { actors: string[]; places: string[] };
}

/** The signals between the article being read (`q`) and one candidate (`c`). */
export function pairSignals(q: Prepared, c: Prepared): PairSignals {
  const act = overlap(q.actors, c.actors);
  const pl = overlap(q.places, c.places);
  const d = dateSignals(q.dates, c.dates);
  const gap = q.fp.day !== null && c.fp.day !== null ? Math.min(1, Math.log1p(Math.abs(q.fp.day - c.fp.day)) / Math.log(366)) : 0;
  return {
    features: { cosine: cosine(q, c), actors: act.sim, places: pl.sim, dateMatch: d.match, dateConflict: d.conflict, gap, neighbours: 0 },
    shared: { actors: act.shared, places: pl.shared },
  };
}

/** The score in [0, 1] of signals under a logistic combination. */
export function scorePair(model: Logistic, f: Features): number {
  let z = model.bias;
  for (const k of FEATURES) z += model.weights[k] * f[k];
  return 1 / (1 + Math.exp(-z));
}

/**
 * The `neighbours` signal (shared near neighbours, after Jarvis and Patrick, 1973), computed within
 * the pool of the `m` best candidates by first-stage score `s1`. Each member of the pool and the
 * query get their near neighbours among the query and the pool: at most `k`, the closest, with a
 * first-stage score of at least `min`. A candidate's signal is the Jaccard overlap of its near
 * neighbours and the query's (the two themselves left out), or 0.5 when neither has any (no
 * evidence either way). Articles about the same event have the same close matches; an article about
 * another event of the same kind has its own. Candidates outside the pool get 0. Costs m(m−1)/2 pair
 * comparisons.
 */
export function neighbourSignals(prepared: readonly Prepared[], s1: readonly number[], direct: Logistic, m: number, k: number, min: number): number[] {
  const out = new Array<number>(prepared.length).fill(0);
  const pool = prepared.map((_, i) => i).sort((a, b) => s1[b]! - s1[a]! || a - b).slice(0, m);
  const n = pool.length;
  if (n < 2) return out;
  // sim[a][b] over members: index 0 is the query, 1..n the pool.
  const sim = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(-1));
  for (let a = 0; a < n; a++) {
    sim[0]![a + 1] = s1[pool[a]!]!;
    sim[a + 1]![0] = s1[pool[a]!]!;
    for (let b = a + 1; b < n; b++) {
      const v = scorePair(direct, pairSignals(prepared[pool[a]!]!, prepared[pool[b]!]!).features);
      sim[a + 1]![b + 1] = v;
      sim[b + 1]![a + 1] = v;
    }
  }
  const nearest = sim.map((row, a) =>
    new Set(
      row
        .map((v, b) => [v, b] as const)
        .filter(([v, b]) => b !== a && v >= min)
        .sort((x, y) => y[0] - x[0] || x[1] - y[1])
        .slice(0, k)
        .map(([, b]) => b),
    ),
  );
  const mine = nearest[0]!;
  for (let a = 1; a <= n; a++) {
    let shared = 0;
    let union = 0;
    for (const b of nearest[a]!) if (b !== 0) {
      union++;
      if (mine.has(b)) shared++;
    }
    for (const b of mine) if (b !== a && !nearest[a]!.has(b)) union++;
    out[pool[a - 1]!] = union === 0 ? 0.5 : shared / union;
  }
  return out;
}

export type Tier = 'same' | 'related' | 'none';

export interface EarlierCoverage {
  id: FingerprintId;
  score: number;
  /** "same" event, or "related" (same story or topic); "none" only when `keepAll` is set. */
  tier: Tier;
  /** What the two articles share, for the UI ("shares: Zelensky, Kyiv"). */
  shared: { actors: string[]; places: string[] };
  /** The signals behind the score. */
  features: Features;
}

export interface FindOptions {
  idf: IdfTable;
  model?: MatchModel;
  /** Ids to leave out (the article itself when it is already saved). */
  exclude?: FingerprintId[];
  /** Ids per key from the index (default 200). */
  limitPerKey?: number;
  /** Candidates scored, those matching the most keys (default 100). */
  maxCandidates?: number;
  /** Candidates compared with each other for the `neighbours` signal (default 40). */
  neighbourPool?: number;
  /** Nearest neighbours per article for the `neighbours` signal (default 10). */
  neighbourK?: number;
  /** First-stage score a neighbour must reach to count (default NEIGHBOUR_MIN). */
  neighbourMin?: number;
  /** Results returned at most (default 50). */
  maxResults?: number;
  /** Also return candidates below the "related" threshold, with tier "none" (for evaluation). */
  keepAll?: boolean;
}

/**
 * The archive's earlier coverage of the event an article is about: retrieves candidates that share
 * index keys with it, scores them, and returns those in tier "same" or "related", best first.
 */
export async function findEarlierCoverage(query: Fingerprint, source: CandidateSource, opts: FindOptions): Promise<EarlierCoverage[]> {
  const model = opts.model ?? DEFAULT_MODEL;
  const exclude = new Set(opts.exclude ?? []);
  const hits = await source.byKeys(query.keys, opts.limitPerKey ?? 200);
  const counts = new Map<FingerprintId, number>();
  for (const id of hits) if (!exclude.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  // Most keys in common first; among equals, the order the source gave (newest first).
  const ids = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, opts.maxCandidates ?? 100)
    .map(([id]) => id);
  if (ids.length === 0) return [];
  const stored = (await source.get(ids)).filter((s) => !exclude.has(s.id));
  const names = new NameWeights(opts.idf);
  const q = prepare(query, opts.idf, names);
  const prepared = stored.map((s) => prepare(s.fingerprint, opts.idf, names));
  const signals = prepared.map((c) => pairSignals(q, c));
  if (model.weights.neighbours !== 0) {
    const s1 = signals.map((s) => scorePair(model.direct, s.features));
    const nb = neighbourSignals(prepared, s1, model.direct, opts.neighbourPool ?? 40, opts.neighbourK ?? 10, opts.neighbourMin ?? NEIGHBOUR_MIN);
    signals.forEach((s, i) => (s.features.neighbours = nb[i]!));
  }
  const out: EarlierCoverage[] = [];
  stored.forEach((s, i) => {
    const sig = signals[i]!;
    const score = scorePair(model, sig.features);
    const tier: Tier = sig.features.cosine < (model.minCosine ?? 0) ? 'none' : score >= model.same ? 'same' : score >= model.related ? 'related' : 'none';
    if (tier === 'none' && !opts.keepAll) return;
    out.push({ id: s.id, score, tier, shared: sig.shared, features: sig.features });
  });
  out.sort((a, b) => b.score - a.score || String(a.id).localeCompare(String(b.id)));
  return out.slice(0, opts.keepAll ? out.length : opts.maxResults ?? 50);
}

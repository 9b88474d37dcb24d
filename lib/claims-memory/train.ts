/**
 * Fitting the re-ranker of match.ts: pairwise logistic loss (RankNet, Burges et al. 2005) between
 * each query's relevant candidates and its other candidates, L2-regularised, by full-batch
 * gradient descent from zero, so the same data always gives the same weights. Pure.
 */
import { FEATURES, type FeatureName, type MatchModel } from './match';

export interface TrainingQuery {
  /** Feature rows of the candidates, and which are relevant. */
  rows: number[][];
  relevant: boolean[];
}

export interface FitOptions {
  candidates: number;
  dense?: number;
  context?: number;
  features?: readonly FeatureName[];
  l2?: number;
  iterations?: number;
  rate?: number;
}

export function fitMatchModel(queries: readonly TrainingQuery[], opts: FitOptions): MatchModel {
  const features = opts.features ?? FEATURES;
  const n = features.length;
  const l2 = opts.l2 ?? 1e-3;
  const iterations = opts.iterations ?? 400;
  const rate = opts.rate ?? 0.5;
  // Standardise on every candidate row.
  const mean = new Array<number>(n).fill(0);
  const sq = new Array<number>(n).fill(0);
  let count = 0;
  for (const q of queries)
    for (const r of q.rows) {
      count++;
      for (let j = 0; j < n; j++) mean[j]! += r[j]!;
    }
  for (let j = 0; j < n; j++) mean[j]! /= Math.max(1, count);
  for (const q of queries) for (const r of q.rows) for (let j = 0; j < n; j++) sq[j]! += (r[j]! - mean[j]!) ** 2;
  const scale = sq.map((s) => Math.sqrt(s / Math.max(1, count)) || 1);
  // Pair differences (relevant minus other), weighted so that each query counts once.
  const diffs: { x: Float64Array; w: number }[] = [];
  for (const q of queries) {
    const pos = q.rows.filter((_, i) => q.relevant[i]);
    const neg = q.rows.filter((_, i) => !q.relevant[i]);
    if (!pos.length || !neg.length) continue;
    const w = 1 / (pos.length * neg.length);
    for (const p of pos)
      for (const o of neg) {
        const x = new Float64Array(n);
        for (let j = 0; j < n; j++) x[j] = (p[j]! - o[j]!) / scale[j]!;
        diffs.push({ x, w });
      }
  }
  const totalW = diffs.reduce((a, d) => a + d.w, 0) || 1;
  const w = new Float64Array(n);
  const g = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    g.fill(0);
    for (const d of diffs) {
      let s = 0;
      for (let j = 0; j < n; j++) s += w[j]! * d.x[j]!;
      const p = 1 / (1 + Math.exp(s)); // gradient of log(1 + e^-s)
      for (let j = 0; j < n; j++) g[j]! -= (d.w * p * d.x[j]!) / totalW;
    }
    for (let j = 0; j < n; j++) w[j]! -= rate * (g[j]! + l2 * w[j]!);
  }
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return { candidates: opts.candidates, dense: opts.dense ?? 0, context: opts.context ?? 0, features: [...features], mean: mean.map(r6), scale: scale.map(r6), weights: Array.from(w, r6) };
}

/** A query with its relevant claim ids. */
export interface LabelledQuery {
  id: string;
  query: import('./match').MatchQuery;
  relevant: ReadonlySet<string>;
}

/** Candidates and feature rows of each query, as the matcher finds them (for fitting and cross-validation). */
export function trainingQueries(matcher: import('./match').ClaimMatcher, queries: readonly LabelledQuery[]): TrainingQuery[] {
  return queries.map((q) => {
    const p = matcher.prepare(q.query);
    const cands = matcher.candidates(p, matcher.model.candidates);
    return { rows: matcher.featureRows(p, cands), relevant: cands.map(([d]) => q.relevant.has(matcher.index.docs[d]!.id)) };
  });
}

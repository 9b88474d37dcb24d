/**
 * Ranking and classification measures for check-worthiness (pure; used by training, the eval task
 * and the tests).
 */

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of the positive class for predictions `score >= threshold`. */
export function prf(scores: readonly number[], labels: readonly number[], threshold: number): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const pred = scores[i]! >= threshold;
    const gold = labels[i] === 1;
    if (pred && gold) tp++;
    else if (pred) fp++;
    else if (gold) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Average precision of the ranking by descending score: the mean, over positive items, of the
 * precision at each positive's rank. Ties are broken pessimistically (negatives first) so a
 * constant scorer gets no credit for input order. NaN when there are no positives.
 */
export function averagePrecision(scores: readonly number[], labels: readonly number[]): number {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]! || labels[a]! - labels[b]!);
  let hits = 0;
  let sum = 0;
  order.forEach((i, rank) => {
    if (labels[i] === 1) {
      hits++;
      sum += hits / (rank + 1);
    }
  });
  return hits ? sum / hits : NaN;
}

/**
 * Mean over documents of average precision (the CheckThat! measure). Documents without any
 * positive are skipped (their AP is undefined), as in the official scorer.
 */
export function meanAveragePrecision(
  scores: readonly number[],
  labels: readonly number[],
  docs: readonly string[],
): { map: number; docs: { doc: string; n: number; positives: number; ap: number }[] } {
  const by = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const list = by.get(d);
    if (list) list.push(i);
    else by.set(d, [i]);
  });
  const out: { doc: string; n: number; positives: number; ap: number }[] = [];
  for (const [doc, idx] of by) {
    const s = idx.map((i) => scores[i]!);
    const l = idx.map((i) => labels[i]!);
    const positives = l.filter((x) => x === 1).length;
    out.push({ doc, n: idx.length, positives, ap: averagePrecision(s, l) });
  }
  const valid = out.filter((d) => d.positives > 0);
  const map = valid.length ? valid.reduce((a, d) => a + d.ap, 0) / valid.length : NaN;
  return { map, docs: out };
}

/** The threshold (midpoint between adjacent distinct scores) that maximises F1 on the given data. */
export function bestF1Threshold(scores: readonly number[], labels: readonly number[]): { threshold: number; f1: number } {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!);
  const positives = labels.filter((l) => l === 1).length;
  let tp = 0;
  let fp = 0;
  let best = { threshold: 0.5, f1: 0 };
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    if (labels[i] === 1) tp++;
    else fp++;
    const nextScore = r + 1 < order.length ? scores[order[r + 1]!]! : -Infinity;
    if (nextScore === scores[i]) continue; // cut only between distinct scores
    const p = tp / (tp + fp);
    const rec = positives ? tp / positives : 0;
    const f1 = p + rec ? (2 * p * rec) / (p + rec) : 0;
    if (f1 > best.f1) best = { threshold: Number.isFinite(nextScore) ? (scores[i]! + nextScore) / 2 : scores[i]!, f1 };
  }
  return best;
}

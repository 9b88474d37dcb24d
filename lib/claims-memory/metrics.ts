/**
 * Ranking measures for claim retrieval (CLEF 2020 CheckThat! task 2): average precision at k (the
 * official measure is its mean over queries at k = 5), reciprocal rank and recall at k. Pure.
 */

/**
 * Average precision at k of one ranking: the sum, over the relevant items found in the first k, of
 * the precision at their rank, divided by min(k, number of relevant items). 0 when nothing
 * relevant is ranked in the first k; NaN when there is nothing relevant at all.
 */
export function averagePrecisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return NaN;
  let hits = 0;
  let sum = 0;
  const n = Math.min(k, ranked.length);
  for (let i = 0; i < n; i++) {
    if (relevant.has(ranked[i]!)) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return sum / Math.min(k, relevant.size);
}

/** 1 / rank of the first relevant item (0 when none is ranked). */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  for (let i = 0; i < ranked.length; i++) if (relevant.has(ranked[i]!)) return 1 / (i + 1);
  return 0;
}

/** The share of the relevant items ranked in the first k. */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return NaN;
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) hits++;
  return hits / relevant.size;
}

/** 1-based rank of the first relevant item, or null. */
export function firstRelevantRank(ranked: readonly string[], relevant: ReadonlySet<string>): number | null {
  const i = ranked.findIndex((id) => relevant.has(id));
  return i < 0 ? null : i + 1;
}

export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
}

/**
 * L2-regularised logistic regression on sparse binary features, trained by AdaGrad SGD
 * (Duchi, Hazan & Singer 2011) with a seeded shuffle, so the same data and options always give the
 * same weights. Examples can belong to groups (data sets) that each get their own intercept, so
 * that different label rates across corpora do not leak into the word weights; the shipped model
 * keeps one of those intercepts. Pure: runs in Node and in the browser.
 */

export interface SparseExample {
  /** Indices of active features (value = `scale` each). */
  idx: Int32Array;
  scale: number;
  label: 0 | 1;
  /** Importance weight of the example (default 1). */
  weight?: number;
  /** Group (data set) index for the per-group intercept (default 0). */
  group?: number;
}

export interface LogRegOptions {
  dim: number;
  groups?: number;
  epochs?: number;
  /** L2 strength (per example, applied lazily to the active features). */
  l2?: number;
  /** AdaGrad base learning rate. */
  eta?: number;
  seed?: number;
  /** Return the average of the weights after each epoch from this epoch on (0-based; default: no averaging). */
  averageFrom?: number;
}

export interface LogRegModel {
  w: Float64Array;
  /** Intercept per group. */
  bias: Float64Array;
}

/** Mulberry32: a tiny seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function trainLogReg(data: readonly SparseExample[], opts: LogRegOptions): LogRegModel {
  const { dim, groups = 1, epochs = 12, l2 = 1e-4, eta = 0.2, seed = 1, averageFrom = epochs } = opts;
  const avgW = new Float64Array(dim);
  const avgB = new Float64Array(groups);
  let averaged = 0;
  const w = new Float64Array(dim);
  const g2 = new Float64Array(dim);
  const bias = new Float64Array(groups);
  const bg2 = new Float64Array(groups);
  const order = Array.from(data.keys());
  const rand = rng(seed);
  const eps = 1e-8;
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (const k of order) {
      const ex = data[k]!;
      const grp = ex.group ?? 0;
      let z = bias[grp]!;
      for (const f of ex.idx) z += w[f]! * ex.scale;
      const g = (sigmoid(z) - ex.label) * (ex.weight ?? 1);
      for (const f of ex.idx) {
        const grad = g * ex.scale + l2 * w[f]!;
        g2[f]! += grad * grad;
        w[f]! -= (eta * grad) / Math.sqrt(g2[f]! + eps);
      }
      bg2[grp]! += g * g;
      bias[grp]! -= (eta * g) / Math.sqrt(bg2[grp]! + eps);
    }
    if (ep >= averageFrom) {
      averaged++;
      for (let f = 0; f < dim; f++) avgW[f]! += w[f]!;
      for (let b = 0; b < groups; b++) avgB[b]! += bias[b]!;
    }
  }
  if (averaged === 0) return { w, bias };
  for (let f = 0; f < dim; f++) avgW[f]! /= averaged;
  for (let b = 0; b < groups; b++) avgB[b]! /= averaged;
  return { w: avgW, bias: avgB };
}

export function predictLogReg(m: LogRegModel, ex: SparseExample): number {
  let z = m.bias[ex.group ?? 0]!;
  for (const f of ex.idx) z += m.w[f]! * ex.scale;
  return sigmoid(z);
}

/**
 * Batch learners for sparse linear models, used by training (lib/cli/train-claims.ts):
 *
 * - `trainLinear`: L2-regularised logistic regression or squared-hinge (L2-loss) linear SVM,
 *   minimised to convergence by L-BFGS (Nocedal 1980; Liu & Nocedal 1989) with a backtracking
 *   line search. The objective is convex and smooth, and nothing is random, so the same data gives
 *   the same weights.
 * - `trainSvmDcd`: the L1-loss (hinge) linear SVM by dual coordinate descent (Hsieh, Chang, Lin,
 *   Keerthi & Sundararajan 2008), visiting the examples in a seeded shuffled order.
 *
 * Objective (per example i with importance c_i, label y_i in {-1,+1}, margin m_i = w·x_i + b_g(i)):
 *   0.5 * ||w||^2 + C * sum_i c_i * loss(y_i * m_i)
 * The intercepts (one per group, that is per data set) are not regularised.
 *
 * Pure: no Node or DOM APIs.
 */
import { rng } from './logreg';

export interface LinearExample {
  /** Indices of active features. */
  idx: Int32Array;
  /** Their values (same length as idx). */
  val: Float64Array;
  label: 0 | 1;
  /** Importance weight (default 1). */
  weight?: number;
  /** Group (data set) for the per-group intercept (default 0). */
  group?: number;
}

export type Loss = 'logistic' | 'sqhinge';

export interface LinearOptions {
  dim: number;
  groups?: number;
  loss: Loss;
  /** Inverse regularisation strength (as in LIBLINEAR). */
  C: number;
  /** Stop when the gradient norm falls below tol * initial gradient norm (default 1e-4). */
  tol?: number;
  maxIter?: number;
  /** L-BFGS memory (default 10). */
  memory?: number;
}

export interface LinearModel {
  w: Float64Array;
  bias: Float64Array;
  iterations: number;
}

export function margin(m: { w: Float64Array; bias: Float64Array }, ex: LinearExample): number {
  let z = m.bias[ex.group ?? 0]!;
  const { idx, val } = ex;
  for (let k = 0; k < idx.length; k++) z += m.w[idx[k]!]! * val[k]!;
  return z;
}

/**
 * Objective and gradient at `theta` = [w (dim), bias (groups)]. Writes the gradient into `grad`.
 */
function objective(data: readonly LinearExample[], theta: Float64Array, grad: Float64Array, dim: number, loss: Loss, C: number): number {
  let f = 0;
  for (let j = 0; j < dim; j++) {
    f += 0.5 * theta[j]! * theta[j]!;
    grad[j] = theta[j]!;
  }
  for (let j = dim; j < grad.length; j++) grad[j] = 0;
  for (const ex of data) {
    const y = ex.label === 1 ? 1 : -1;
    let z = theta[dim + (ex.group ?? 0)]!;
    const { idx, val } = ex;
    for (let k = 0; k < idx.length; k++) z += theta[idx[k]!]! * val[k]!;
    const yz = y * z;
    const c = C * (ex.weight ?? 1);
    let d: number; // d loss / d z
    if (loss === 'logistic') {
      // log(1 + exp(-yz)), computed stably
      f += c * (yz > 0 ? Math.log1p(Math.exp(-yz)) : -yz + Math.log1p(Math.exp(yz)));
      const s = yz > 0 ? Math.exp(-yz) / (1 + Math.exp(-yz)) : 1 / (1 + Math.exp(yz));
      d = -c * y * s;
    } else {
      const h = 1 - yz;
      if (h <= 0) continue;
      f += c * h * h;
      d = -2 * c * y * h;
    }
    for (let k = 0; k < idx.length; k++) grad[idx[k]!]! += d * val[k]!;
    grad[dim + (ex.group ?? 0)]! += d;
  }
  return f;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** L-BFGS with a backtracking (Armijo) line search. Deterministic. */
export function trainLinear(data: readonly LinearExample[], opts: LinearOptions): LinearModel {
  const { dim, groups = 1, loss, C, tol = 1e-4, maxIter = 500, memory = 10 } = opts;
  const n = dim + groups;
  let x = new Float64Array(n);
  let g = new Float64Array(n);
  let f = objective(data, x, g, dim, loss, C);
  const g0 = Math.sqrt(dot(g, g));
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const dir = new Float64Array(n);
  const alpha = new Array<number>(memory).fill(0);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    if (Math.sqrt(dot(g, g)) <= tol * g0) break;
    // Two-loop recursion: dir = -H g.
    for (let i = 0; i < n; i++) dir[i] = -g[i]!;
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(S[k]!, dir);
      const y = Y[k]!;
      for (let i = 0; i < n; i++) dir[i]! -= alpha[k]! * y[i]!;
    }
    if (S.length) {
      const last = S.length - 1;
      const gamma = dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!);
      for (let i = 0; i < n; i++) dir[i]! *= gamma;
    }
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k]! * dot(Y[k]!, dir);
      const s = S[k]!;
      for (let i = 0; i < n; i++) dir[i]! += (alpha[k]! - beta) * s[i]!;
    }
    let slope = dot(g, dir);
    if (slope >= 0) {
      // Not a descent direction (should not happen on a convex problem): restart from -g.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) dir[i] = -g[i]!;
      slope = dot(g, dir);
    }
    let step = iter === 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : 1;
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let fNew = Infinity;
    for (let ls = 0; ls < 40; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * dir[i]!;
      fNew = objective(data, xNew, gNew, dim, loss, C);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < f)) break; // no progress possible
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (S.length === memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    const rel = (f - fNew) / Math.max(1, Math.abs(f));
    x = xNew;
    g = gNew;
    f = fNew;
    if (rel < 1e-10) break;
  }
  return { w: x.slice(0, dim), bias: x.slice(dim), iterations: iter };
}

/**
 * Hinge-loss linear SVM by dual coordinate descent. The intercepts are modelled as extra features
 * of constant value `biasValue` (so they are regularised lightly, as in LIBLINEAR's -B option).
 */
export function trainSvmDcd(data: readonly LinearExample[], opts: { dim: number; groups?: number; C: number; epochs?: number; seed?: number; biasValue?: number; l2loss?: boolean }): LinearModel {
  const { dim, groups = 1, C, epochs = 50, seed = 1, biasValue = 1, l2loss = false } = opts;
  const w = new Float64Array(dim);
  const wb = new Float64Array(groups);
  const a = new Float64Array(data.length);
  const qd = new Float64Array(data.length);
  const upper = new Float64Array(data.length);
  const diag = new Float64Array(data.length);
  data.forEach((ex, i) => {
    let q = biasValue * biasValue;
    for (let k = 0; k < ex.val.length; k++) q += ex.val[k]! * ex.val[k]!;
    const c = C * (ex.weight ?? 1);
    diag[i] = l2loss ? 1 / (2 * c) : 0;
    upper[i] = l2loss ? Infinity : c;
    qd[i] = q + diag[i]!;
  });
  const order = Array.from(data.keys());
  const rand = rng(seed);
  let ep = 0;
  for (; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (const i of order) {
      const ex = data[i]!;
      const y = ex.label === 1 ? 1 : -1;
      const grp = ex.group ?? 0;
      let z = wb[grp]! * biasValue;
      for (let k = 0; k < ex.idx.length; k++) z += w[ex.idx[k]!]! * ex.val[k]!;
      const G = y * z - 1 + diag[i]! * a[i]!;
      let pg = G;
      if (a[i] === 0) pg = Math.min(G, 0);
      else if (a[i] === upper[i]) pg = Math.max(G, 0);
      maxPg = Math.max(maxPg, pg);
      minPg = Math.min(minPg, pg);
      if (pg !== 0) {
        const old = a[i]!;
        a[i] = Math.min(Math.max(old - G / qd[i]!, 0), upper[i]!);
        const d = (a[i]! - old) * y;
        for (let k = 0; k < ex.idx.length; k++) w[ex.idx[k]!]! += d * ex.val[k]!;
        wb[grp]! += d * biasValue;
      }
    }
    if (maxPg - minPg < 1e-3) break;
  }
  const bias = new Float64Array(groups);
  for (let g = 0; g < groups; g++) bias[g] = wb[g]! * biasValue;
  return { w, bias, iterations: ep };
}

/**
 * Platt scaling (Platt 1999, with the target smoothing of Lin, Lin & Weng 2007): fits
 * P(y=1 | s) = sigmoid(a * s + b) to held-out scores by Newton's method. Deterministic.
 */
export function fitPlatt(scores: readonly number[], labels: readonly number[]): { a: number; b: number } {
  const pos = labels.filter((l) => l === 1).length;
  const neg = labels.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const t = labels.map((l) => (l === 1 ? hi : lo));
  let a = 0;
  let b = Math.log((neg + 1) / (pos + 1)) * -1;
  const nll = (A: number, B: number): number => {
    let s = 0;
    for (let i = 0; i < scores.length; i++) {
      const z = A * scores[i]! + B;
      // -[t log p + (1-t) log(1-p)] with p = sigmoid(z)
      s += z >= 0 ? (1 - t[i]!) * z + Math.log1p(Math.exp(-z)) : -t[i]! * z + Math.log1p(Math.exp(z));
    }
    return s;
  };
  let f = nll(a, b);
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < scores.length; i++) {
      const z = a * scores[i]! + b;
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const d = p - t[i]!;
      const h = p * (1 - p);
      const s = scores[i]!;
      ga += d * s;
      gb += d;
      haa += h * s * s;
      hab += h * s;
      hbb += h;
    }
    if (Math.abs(ga) < 1e-9 && Math.abs(gb) < 1e-9) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(-hab * ga + haa * gb) / det;
    let step = 1;
    let improved = false;
    for (let ls = 0; ls < 30; ls++) {
      const fn = nll(a + step * da, b + step * db);
      if (fn < f + 1e-4 * step * (ga * da + gb * db)) {
        a += step * da;
        b += step * db;
        f = fn;
        improved = true;
        break;
      }
      step *= 0.5;
    }
    if (!improved) break;
  }
  return { a, b };
}

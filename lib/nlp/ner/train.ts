/**
 * Structured averaged perceptron training (Collins 2002) for one stage of the tagger. Pure: takes extracted
 * features and gold tags, returns float weights; the CLI (lib/cli/train-ner.ts) does the I/O.
 *
 * - Features seen fewer than `minCount` times in the training data are dropped before training (smaller model,
 *   better generalisation).
 * - Each epoch visits the sentences in a seeded random order (mulberry32), so training is deterministic.
 * - Averaging uses the usual trick: keep w and u = Σ c·Δw; the average is w − u / c.
 */
import type { DocFeatures } from './features.ts';
import { buildTable, constrainTransitions, lookup, NT, viterbi, type StageData } from './model.ts';

export interface TrainDoc {
  features: DocFeatures;
  /** Gold tag indices in document order. */
  gold: Uint8Array;
  /**
   * How much one occurrence of a feature in this document counts towards `minCount` (default 1). Augmented copies
   * of documents count 0.5, so that a feature seen once in the original data and once in its copy stays rare.
   */
  countWeight?: number;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  minCount: number;
  /** Called after every epoch with the averaged weights so far. */
  onEpoch?: (epoch: number, data: StageData, stats: { errors: number; tokens: number; ms: number }) => void;
  log?: (msg: string) => void;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sent {
  /** Row ids of the features of each token: rows[offs[i]..offs[i+1]). */
  rows: Int32Array;
  offs: Int32Array;
  gold: Uint8Array;
}

export function trainStage(docs: TrainDoc[], opts: TrainOptions): StageData {
  const log = opts.log ?? (() => {});
  // 1. Count features and keep the frequent ones (deterministic row order: first occurrence).
  const counts = new Map<number, number>();
  for (const d of docs) {
    const w = d.countWeight ?? 1;
    for (const h of d.features.feats) counts.set(h, (counts.get(h) ?? 0) + w);
  }
  const keyList: number[] = [];
  for (const [h, c] of counts) if (c >= opts.minCount) keyList.push(h);
  const keys = Int32Array.from(keyList);
  const table = buildTable(keys);
  log(`features: ${counts.size} distinct, ${keys.length} kept (seen ≥ ${opts.minCount}×)`);
  counts.clear();

  // 2. Sentences as arrays of row ids.
  const sents: Sent[] = [];
  let tokens = 0;
  for (const d of docs) {
    const { feats, offs, lengths } = d.features;
    let k = 0;
    for (const n of lengths) {
      const rows: number[] = [];
      const o = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) {
        o[i] = rows.length;
        for (let j = offs[k + i]!; j < offs[k + i + 1]!; j++) {
          const r = lookup(table, feats[j]!);
          if (r >= 0) rows.push(r);
        }
      }
      o[n] = rows.length;
      sents.push({ rows: Int32Array.from(rows), offs: o, gold: d.gold.slice(k, k + n) });
      tokens += n;
      k += n;
    }
  }

  // 3. Perceptron.
  const W = new Float64Array(keys.length * NT);
  const U = new Float64Array(keys.length * NT);
  const TR = new Float64Array((NT + 1) * NT);
  const TU = new Float64Array((NT + 1) * NT);
  const trans = new Float64Array((NT + 1) * NT);
  let c = 1;
  const rand = mulberry32(opts.seed);
  const order = sents.map((_, i) => i);
  let maxLen = 0;
  for (const s of sents) maxLen = Math.max(maxLen, s.gold.length);
  const em = new Float64Array(maxLen * NT);
  const pred = new Uint8Array(maxLen);

  const average = (): StageData => {
    const w = new Float32Array(W.length);
    for (let i = 0; i < W.length; i++) w[i] = W[i]! - U[i]! / c;
    const t = new Float64Array(TR.length);
    for (let i = 0; i < TR.length; i++) t[i] = TR[i]! - TU[i]! / c;
    return { keys, weights: w, trans: t };
  };

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const t0 = Date.now();
    // Fisher–Yates with the seeded generator.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    let errors = 0;
    for (const si of order) {
      const s = sents[si]!;
      const n = s.gold.length;
      // emissions with current weights
      em.fill(0, 0, n * NT);
      for (let i = 0; i < n; i++) {
        const o = i * NT;
        for (let j = s.offs[i]!; j < s.offs[i + 1]!; j++) {
          const b = s.rows[j]! * NT;
          for (let t = 0; t < NT; t++) em[o + t] = em[o + t]! + W[b + t]!;
        }
      }
      trans.set(TR);
      constrainTransitions(trans);
      const p = pred.subarray(0, n);
      viterbi(em, n, trans, p);
      let wrong = false;
      for (let i = 0; i < n; i++) if (p[i] !== s.gold[i]) wrong = true;
      if (wrong) {
        for (let i = 0; i < n; i++) {
          const g = s.gold[i]!;
          const q = p[i]!;
          if (g !== q) {
            errors++;
            for (let j = s.offs[i]!; j < s.offs[i + 1]!; j++) {
              const b = s.rows[j]! * NT;
              W[b + g] = W[b + g]! + 1;
              U[b + g] = U[b + g]! + c;
              W[b + q] = W[b + q]! - 1;
              U[b + q] = U[b + q]! - c;
            }
          }
          const gp = i === 0 ? NT : s.gold[i - 1]!;
          const qp = i === 0 ? NT : p[i - 1]!;
          if (gp !== qp || g !== q) {
            TR[gp * NT + g] = TR[gp * NT + g]! + 1;
            TU[gp * NT + g] = TU[gp * NT + g]! + c;
            TR[qp * NT + q] = TR[qp * NT + q]! - 1;
            TU[qp * NT + q] = TU[qp * NT + q]! - c;
          }
        }
      }
      c++;
    }
    const ms = Date.now() - t0;
    if (opts.onEpoch) opts.onEpoch(epoch, average(), { errors, tokens, ms });
    else log(`epoch ${epoch}: ${errors} token errors / ${tokens} (${ms} ms)`);
  }
  return average();
}

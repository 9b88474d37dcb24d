import { describe, expect, it } from 'vitest';
import { fitPlatt, margin, trainLinear, trainSvmDcd, type LinearExample } from '../../lib/nlp/claims/linear';
import { rng, trainLogReg } from '../../lib/nlp/claims/logreg';
import { extractFeatures, featureScale } from '../../lib/nlp/claims/features';

/** A small noisy problem: feature 0 pushes positive, 1 negative, 2..9 are noise; 5 % labels flipped. */
function toyData(n: number, seed: number): LinearExample[] {
  const r = rng(seed);
  const out: LinearExample[] = [];
  for (let i = 0; i < n; i++) {
    const idx: number[] = [];
    const pos = r() < 0.5;
    idx.push(pos ? 0 : 1);
    for (let f = 2; f < 10; f++) if (r() < 0.3) idx.push(f);
    const flip = r() < 0.05;
    out.push({ idx: Int32Array.from(idx), val: new Float64Array(idx.length).fill(1 / Math.sqrt(idx.length)), label: pos !== flip ? 1 : 0, group: i % 2 });
  }
  return out;
}

const accuracy = (m: { w: Float64Array; bias: Float64Array }, data: LinearExample[]): number => data.filter((ex) => (margin(m, ex) >= 0 ? 1 : 0) === ex.label).length / data.length;

describe('batch linear learners', () => {
  const train = toyData(400, 1);
  const test = toyData(400, 2);

  it('L-BFGS logistic regression converges, generalises, and is deterministic', () => {
    const a = trainLinear(train, { dim: 10, groups: 2, loss: 'logistic', C: 1 });
    const b = trainLinear(train, { dim: 10, groups: 2, loss: 'logistic', C: 1 });
    expect(Array.from(a.w)).toEqual(Array.from(b.w));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
    expect(a.iterations).toBeLessThan(500);
    expect(a.w[0]!).toBeGreaterThan(1);
    expect(a.w[1]!).toBeLessThan(-1);
    expect(accuracy(a, test)).toBeGreaterThan(0.9);
  });

  it('stronger regularisation (smaller C) gives smaller weights', () => {
    const weak = trainLinear(train, { dim: 10, groups: 2, loss: 'logistic', C: 10 });
    const strong = trainLinear(train, { dim: 10, groups: 2, loss: 'logistic', C: 0.01 });
    const norm = (w: Float64Array) => Math.hypot(...w);
    expect(norm(strong.w)).toBeLessThan(norm(weak.w) / 3);
  });

  it('the squared-hinge SVM and the dual coordinate descent hinge SVM both separate the toy data', () => {
    const sq = trainLinear(train, { dim: 10, groups: 2, loss: 'sqhinge', C: 1 });
    expect(accuracy(sq, test)).toBeGreaterThan(0.9);
    const h1 = trainSvmDcd(train, { dim: 10, groups: 2, C: 1, seed: 3 });
    const h2 = trainSvmDcd(train, { dim: 10, groups: 2, C: 1, seed: 3 });
    expect(Array.from(h1.w)).toEqual(Array.from(h2.w));
    expect(accuracy(h1, test)).toBeGreaterThan(0.9);
  });
});

describe('Platt scaling', () => {
  it('recovers a known calibration from simulated scores', () => {
    // Labels drawn with P(y=1 | s) = sigmoid(2 s - 1).
    const r = rng(11);
    const scores: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const s = r() * 6 - 3;
      scores.push(s);
      labels.push(r() < 1 / (1 + Math.exp(-(2 * s - 1))) ? 1 : 0);
    }
    const { a, b } = fitPlatt(scores, labels);
    expect(a).toBeGreaterThan(1.8);
    expect(a).toBeLessThan(2.2);
    expect(b).toBeGreaterThan(-1.2);
    expect(b).toBeLessThan(-0.8);
    expect(fitPlatt(scores, labels)).toEqual({ a, b });
  });

  it('flips the sign for scores that rank the wrong way', () => {
    expect(fitPlatt([3, 2, 1, -1, -2, -3], [0, 0, 1, 0, 1, 1]).a).toBeLessThan(0);
  });
});

describe('a tiny end-to-end training run', () => {
  const rows: [string, 0 | 1][] = [
    ['Unemployment fell to 3.5 percent last year.', 1],
    ['The deficit doubled to $1.2 trillion under his administration.', 1],
    ['We lost 40,000 manufacturing jobs in 2019.', 1],
    ['Crime rose 12 percent in Chicago since 2015.', 1],
    ['Thank you all for coming tonight.', 0],
    ['I think we should talk about the future.', 0],
    ['Good evening and welcome to the debate.', 0],
    ['Will you answer the question?', 0],
  ];

  function trainTiny(seed: number) {
    const feats = rows.map(([t]) => extractFeatures(t));
    const names = [...new Set(feats.flat())].sort();
    const vocab = new Map(names.map((n, i) => [n, i]));
    const data = feats.map((fs, i) => ({ idx: Int32Array.from(fs.map((f) => vocab.get(f)!)), scale: featureScale(fs.length), label: rows[i]![1] }));
    const m = trainLogReg(data, { dim: names.length, epochs: 25, l2: 1e-5, eta: 0.1, seed });
    return { names, m };
  }

  it('gives identical weights for the same seed, different ones for another seed', () => {
    const a = trainTiny(1);
    const b = trainTiny(1);
    const c = trainTiny(2);
    expect(Array.from(a.m.w)).toEqual(Array.from(b.m.w));
    expect(Array.from(a.m.w)).not.toEqual(Array.from(c.m.w));
    // The cue features generalise: an unseen numeric sentence outscores unseen small talk.
    const score = (s: string) => {
      const fs = extractFeatures(s);
      let z = a.m.bias[0]!;
      for (const f of fs) {
        const j = a.names.indexOf(f);
        if (j >= 0) z += a.m.w[j]! * featureScale(fs.length);
      }
      return z;
    };
    expect(score('Prices increased 7 percent in 2021.')).toBeGreaterThan(score('Thanks, and good night.'));
  });
});

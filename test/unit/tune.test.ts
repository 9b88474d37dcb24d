import { describe, expect, it } from 'vitest';
import { FEATURES, type Features } from '../../lib/events/match.ts';
import { bestThreshold, fitModel, type Pair } from '../../lib/events/tune.ts';

const features = (cosine: number): Features => ({ ...(Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features), cosine });

describe('bestThreshold', () => {
  it('picks the cut that maximises F1, midway between neighbouring scores', () => {
    const { threshold, f1 } = bestThreshold([0.9, 0.8, 0.3, 0.2], [true, true, false, false]);
    expect(threshold).toBeCloseTo(0.55);
    expect(f1).toBe(1);
  });
  it('never reaches a pair under the floor, but counts the positive it misses', () => {
    // Reachable, the last positive would be worth taking (F1 6/7 against 4/5).
    expect(bestThreshold([0.9, 0.8, 0.3, 0.1], [true, true, false, true]).threshold).toBeLessThan(0.3);
    const floored = bestThreshold([0.9, 0.8, 0.3, -Infinity], [true, true, false, true]);
    expect(floored.threshold).toBeCloseTo(0.55);
    expect(floored.f1).toBeCloseTo(0.8);
  });
});

describe('fitModel', () => {
  const pairs: Pair[] = [0.9, 0.7, 0.6, 0.5, 0.4, 0.35, 0.3, 0.2, 0.15, 0.12, 0.05, 0.02].map((c, i) => ({ features: features(c), same: i < 5 || i === 10 }));
  it('records the floor it was fitted with, and its thresholds stay above zero', () => {
    const m = fitModel(pairs, ['cosine'], undefined, 0.1);
    expect(m.minCosine).toBe(0.1);
    expect(m.same).toBeGreaterThan(0);
    expect(m.related).toBeGreaterThan(0);
    expect(fitModel(pairs, ['cosine'], undefined, 0).minCosine).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, FEATURES, decide, passesFloor, regimeOf, scorePair, type Features } from '../../lib/events/match.ts';
import { DATED_L2, L2, bestThreshold, fitModel, fitRegimes, type Pair } from '../../lib/events/tune.ts';

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
  // Among close neighbours, many shared words mean another event of the same kind here, so the
  // fitted weight of the words is negative, and the two neighbours that share almost no words
  // score highest: only a content floor can keep them out.
  const pairs: Pair[] = [
    ...[0.15, 0.2, 0.25, 0.3].map((c) => ({ features: { ...features(c), near: 1 }, same: true })),
    ...[0.6, 0.7, 0.8, 0.9].map((c) => ({ features: { ...features(c), near: 1 }, same: false })),
    ...[0.2, 0.3].map((c) => ({ features: features(c), same: false })),
    ...[0.02, 0.05].map((c) => ({ features: { ...features(c), near: 1 }, same: false })),
  ];
  it('chooses, among the floors offered, the one that separates the pairs best, and keeps thresholds above zero', () => {
    const m = fitModel(pairs, ['cosine', 'near'], undefined, [0, 0.1]);
    expect(m.minCosine).toBe(0.1);
    expect(m.same).toBeGreaterThan(0);
    expect(m.related).toBeGreaterThan(0);
    const passes = (p: Pair) => p.features.cosine >= (m.minCosine ?? 0) && scorePair(m, p.features) >= m.same;
    expect(pairs.map(passes)).toEqual(pairs.map((p) => p.same));
  });
  it('without a floor to choose, cannot keep out the close neighbours that share no words', () => {
    const m = fitModel(pairs, ['cosine', 'near'], undefined, 0);
    expect(m.minCosine).toBe(0);
    const passes = (p: Pair) => scorePair(m, p.features) >= m.same;
    expect(pairs.map(passes)).not.toEqual(pairs.map((p) => p.same));
  });
});

describe('fitRegimes', () => {
  // Undated pairs: the words decide. Dated pairs: the words say little, the days apart decide.
  const undated: Pair[] = [0.9, 0.8, 0.7, 0.6, 0.3, 0.25, 0.2, 0.1].map((c, i) => ({ features: { ...features(c), undated: 1 }, same: i < 4 }));
  const dated: Pair[] = [];
  for (let i = 0; i < 24; i++) {
    const close = i % 2 === 0;
    const c = 0.1 + ((i * 7) % 10) / 100;
    dated.push({ features: { ...features(c), gap: close ? 0.1 : 0.7, near: close ? 1 : 0 }, same: close });
  }
  it('fits the dated pairs apart, where the date gap decides and not the words', () => {
    const m = fitRegimes([...undated, ...dated], ['cosine', 'gap', 'near']);
    expect(m.dated).toBeDefined();
    expect(m.weights.cosine).toBeGreaterThan(0);
    expect(m.weights.gap).toBe(0);
    expect(m.dated!.weights.gap + m.dated!.weights.near * -1).toBeLessThan(0);
    // Scored by the right regime, a close pair with few shared words is the same event and a
    // distant one is not.
    const close = { ...features(0.12), gap: 0.1, near: 1 };
    const far = { ...features(0.12), gap: 0.7 };
    expect(scorePair(regimeOf(m, close), close)).toBeGreaterThanOrEqual(m.dated!.same);
    expect(scorePair(regimeOf(m, far), far)).toBeLessThan(m.dated!.same);
  });
  it('fits the dated regime with its own L2 penalty, and leaves the undated one as it was', () => {
    // Noisy dated pairs (a few close pairs of other events, a few distant ones of the same), so
    // that the weights stay finite and the penalty is what holds them.
    const noisy = dated.map((p, i) => (i % 5 === 0 ? { ...p, same: !p.same } : p));
    const light = fitRegimes([...undated, ...noisy], ['cosine', 'gap'], undefined, 0, ['cosine', 'gap'], 0, undefined, 1e-4);
    const heavy = fitRegimes([...undated, ...noisy], ['cosine', 'gap'], undefined, 0, ['cosine', 'gap'], 0, undefined, 1e-1);
    expect(light.dated!.weights.gap).toBeLessThan(heavy.dated!.weights.gap);
    expect(heavy.dated!.weights.gap).toBeLessThan(0);
    expect(light.weights).toEqual(heavy.weights);
    expect(light.bias).toBe(heavy.bias);
    // The default is DATED_L2, weaker than the undated regime's L2.
    expect(DATED_L2).toBeLessThan(L2);
    expect(fitRegimes([...undated, ...noisy], ['cosine', 'gap'], undefined, 0).dated).toEqual(light.dated);
  });
  it('is one model when every pair is of one kind', () => {
    expect(fitRegimes(undated, ['cosine'], undefined, 0).dated).toBeUndefined();
    expect(fitRegimes(dated, ['cosine', 'gap'], undefined, 0).dated).toBeUndefined();
  });
});

describe('decide', () => {
  // Two reports of one collapse, two days apart, sharing half their words and the minister's name,
  // but naming different days (the signals of the Genoa fixtures' 15 and 17 August reports).
  const reports: Features = { ...features(0.5), actors: 0.4, dateConflict: 1, gap: Math.log1p(2) / Math.log(366), near: 1, near7: 1, neighbours: 1 };
  it('calls dated reports close in time the same event when their content says so, whatever the dated regime says', () => {
    expect(scorePair(DEFAULT_MODEL.dated!, reports)).toBeLessThan(DEFAULT_MODEL.dated!.same);
    expect(decide(DEFAULT_MODEL, reports).tier).toBe('same');
    // The score stays the dated regime's.
    expect(decide(DEFAULT_MODEL, reports).score).toBeCloseTo(scorePair(DEFAULT_MODEL.dated!, reports));
  });
  it('does not do so more than a few days apart, nor for pairs whose content is not enough', () => {
    const later: Features = { ...reports, near: 0, near7: 0, gap: Math.log1p(30) / Math.log(366) };
    expect(decide(DEFAULT_MODEL, later).tier).not.toBe('same');
    const thin: Features = { ...reports, cosine: 0.12, actors: 0, neighbours: 0 };
    expect(decide(DEFAULT_MODEL, thin).tier).not.toBe('same');
  });
});

describe('passesFloor', () => {
  const regime = { minCosine: 0.05, minActors: 0.1 };
  it('lets a pair that shares few words through when it names the same people and organisations', () => {
    expect(passesFloor(regime, { ...features(0.02), actors: 0.3 })).toBe(true);
    expect(passesFloor(regime, { ...features(0.06), actors: 0 })).toBe(true);
  });
  it('keeps out a pair that shares only a place, or nothing', () => {
    expect(passesFloor(regime, { ...features(0.02), places: 1 })).toBe(false);
    expect(passesFloor(regime, { ...features(0.02), actors: 0.05 })).toBe(false);
    // Without minActors the cosine alone decides.
    expect(passesFloor({ minCosine: 0.05 }, { ...features(0.02), actors: 0.9 })).toBe(false);
  });
  it('is trained with: fitModel ignores pairs under the floor and records minActors', () => {
    const pairs: Pair[] = [
      { features: { ...features(0.01), actors: 0.5 }, same: true },
      { features: { ...features(0.01), places: 1 }, same: false },
      { features: { ...features(0.3), actors: 0.2 }, same: true },
      { features: features(0.2), same: false },
    ];
    const m = fitModel(pairs, ['cosine', 'actors'], undefined, 0.05, 0.1);
    expect(m.minActors).toBe(0.1);
    expect(fitModel(pairs, ['cosine', 'actors'], undefined, 0.05).minActors).toBeUndefined();
  });
});

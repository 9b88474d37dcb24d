import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Associations, learnAssociations, type AlignedPair } from '../../lib/claims-memory/assoc.ts';
import { ClaimIndex } from '../../lib/claims-memory/index.ts';
import { ClaimMatcher, loadMatchModel, type MatchModel } from '../../lib/claims-memory/match.ts';
import { claimTerms } from '../../lib/claims-memory/tokens.ts';

const keys = (s: string) => claimTerms(s).map((t) => t.key);
const pair = (a: string, b: string): AlignedPair => ({ a: keys(a), b: keys(b) });

describe('learnAssociations', () => {
  // Written for the test: "Gitmo" is what the headlines say, "Guantanamo" what the claims say.
  const pairs = [
    pair('Gitmo detainees freed', 'Guantanamo detainees released'),
    pair('Gitmo prison closing', 'Guantanamo prison will close'),
    pair('Gitmo costs', 'Guantanamo costs taxpayers'),
    pair('Senator says taxes rise', 'Senator claims taxes will rise'),
    pair('Mayor says bridge falls', 'Mayor claims the bridge fell'),
    pair('Photo of a shark on a highway', 'Image shows a shark on a flooded highway'),
  ];

  it('pairs the different words that two wordings of one assertion use, once they recur', () => {
    const learnt = learnAssociations(pairs, { minCount: 2, minDice: 0.1, max: 100 });
    const a = new Associations(learnt);
    expect(a.of('gitmo')).toContain('guantanamo');
    expect(a.of('guantanamo')).toContain('gitmo');
    expect(a.of('sai')).toContain('claim');
    // Seen once only: not kept at a count of 2; kept at 1.
    expect(a.of('photo')).toEqual([]);
    expect(new Associations(learnAssociations(pairs, { minCount: 1, minDice: 0.1, max: 100 })).of('photo')).toContain('imag');
    // Terms both wordings share are never associated with anything for that pair.
    expect(a.of('detaine')).toEqual([]);
  });

  it('keeps a term seen with many partners with none (Dice), the strongest first, at most `max`', () => {
    // "report" is one-sided in every pair, with a different partner each time.
    const noisy = [...pairs, pair('report a', 'x1'), pair('report b', 'x2'), pair('report c', 'x3'), pair('report d', 'gitmo')];
    const a = new Associations(learnAssociations(noisy, { minCount: 1, minDice: 0.4, max: 100 }));
    expect(a.of('report')).toEqual([]);
    expect(a.of('gitmo')).toContain('guantanamo');
    const top = learnAssociations(pairs, { minCount: 2, minDice: 0, max: 1 });
    expect(top).toHaveLength(1);
    expect(top[0]).toBe('gitmo guantanamo');
  });

  it('leaves numbers out and gives the same list every time, whatever the order of the pairs', () => {
    const withNumbers = [pair('122 freed', '120 released'), pair('122 freed', '120 released')];
    const learnt = learnAssociations(withNumbers, { minCount: 2, minDice: 0, max: 100 });
    expect(learnt.some((p) => /\d/.test(p))).toBe(false);
    expect(learnt).toContain('freed releas');
    const o = { minCount: 1, minDice: 0, max: 1000 };
    expect(learnAssociations([...pairs].reverse(), o)).toEqual(learnAssociations(pairs, o));
  });
});

describe('ClaimMatcher with associations', () => {
  const collection = [
    { id: 'gitmo', text: 'Detainees released from Guantanamo returned to terrorism.' },
    { id: 'other', text: 'Detainees released from a county jail returned to crime.' },
  ];
  const model: MatchModel = { candidates: 10, features: ['query_cover', 'assoc_query', 'assoc_doc'], mean: [0, 0, 0], scale: [1, 1, 1], weights: [1, 1, 1], assoc: ['gitmo guantanamo'] };

  it('credits a claim holding a word associated with the query’s, and says which', () => {
    const m = new ClaimMatcher(new ClaimIndex(collection), model);
    const [top, next] = m.rank({ text: 'Gitmo detainees released went back to terrorism' }, 2);
    expect(top?.id).toBe('gitmo');
    expect(top!.explanation.related).toEqual([{ query: 'Gitmo', claim: 'Guantanamo', kind: 'word' }]);
    expect(next?.explanation.related).toEqual([]);
    const p = m.prepare({ text: 'Gitmo detainees' });
    const [g, o] = m.featureRows(p, [
      [0, 1],
      [1, 1],
    ]);
    // assoc_query: the idf share of the query's terms the claim lacks but has an associate of.
    expect(g![1]!).toBeGreaterThan(0);
    expect(o![1]).toBe(0);
    expect(g![2]!).toBeGreaterThan(0);
    expect(o![2]).toBe(0);
  });

  it('without associations, the association features are 0', () => {
    const m = new ClaimMatcher(new ClaimIndex(collection), { ...model, assoc: undefined });
    const rows = m.featureRows(m.prepare({ text: 'Gitmo detainees' }), [[0, 1]]);
    expect(rows[0]!.slice(1)).toEqual([0, 0]);
  });

  it('finds candidates by the associates only when asked to (expand)', () => {
    const idx = new ClaimIndex([{ id: 'g', text: 'Guantanamo will close.' }]);
    expect(new ClaimMatcher(idx, model).rank({ text: 'Gitmo' }, 1)).toEqual([]);
    expect(new ClaimMatcher(idx, { ...model, expand: 0.3 }).rank({ text: 'Gitmo' }, 1)[0]?.id).toBe('g');
  });

  it('checks the associations of a model file', () => {
    const shipped = loadMatchModel(JSON.parse(readFileSync('public/models/claim-match.json', 'utf8')));
    expect(shipped.assoc?.length).toBeGreaterThan(0);
    expect(() => loadMatchModel({ ...shipped, assoc: ['one'] })).toThrow(/assoc/);
    expect(() => loadMatchModel({ ...shipped, assoc: 'gitmo guantanamo' })).toThrow(/assoc/);
    expect(() => loadMatchModel({ ...shipped, expand: 2 })).toThrow(/expand/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { porterStem } from '../../lib/claims-memory/porter.ts';
import { canonicalNumber, claimTerms } from '../../lib/claims-memory/tokens.ts';
import { ClaimIndex } from '../../lib/claims-memory/index.ts';
import { ClaimMatcher, FEATURES, LEXICAL_FEATURES, loadMatchModel, type MatchModel } from '../../lib/claims-memory/match.ts';
import { averagePrecisionAt, recallAt, reciprocalRank } from '../../lib/claims-memory/metrics.ts';
import { parseQrels, parseTsv, parseTweets, parseVerifiedClaims, tweetQuery } from '../../lib/claims-memory/clef.ts';
import { fitMatchModel, type TrainingQuery } from '../../lib/claims-memory/train.ts';
import { PlainBm25 } from '../../lib/claims-memory/baseline.ts';
import { MapVectors } from '../../lib/claims-memory/vectors.ts';

const shipped = loadMatchModel(JSON.parse(readFileSync('public/models/claim-match.json', 'utf8')));

describe('porterStem', () => {
  it('gives the stems of the examples in Porter (1980)', () => {
    const pairs: [string, string][] = [
      ['caresses', 'caress'],
      ['ponies', 'poni'],
      ['cats', 'cat'],
      ['agreed', 'agre'],
      ['plastered', 'plaster'],
      ['motoring', 'motor'],
      ['sing', 'sing'],
      ['conflated', 'conflat'],
      ['hopping', 'hop'],
      ['falling', 'fall'],
      ['filing', 'file'],
      ['happy', 'happi'],
      ['relational', 'relat'],
      ['conditional', 'condit'],
      ['rational', 'ration'],
      ['digitizer', 'digit'],
      ['triplicate', 'triplic'],
      ['formative', 'form'],
      ['hopeful', 'hope'],
      ['goodness', 'good'],
      ['revival', 'reviv'],
      ['allowance', 'allow'],
      ['adjustable', 'adjust'],
      ['replacement', 'replac'],
      ['adoption', 'adopt'],
      ['homologous', 'homolog'],
      ['effective', 'effect'],
      ['probate', 'probat'],
      ['rate', 'rate'],
      ['cease', 'ceas'],
      ['controll', 'control'],
      ['roll', 'roll'],
      ['generalizations', 'gener'],
    ];
    for (const [w, s] of pairs) expect(porterStem(w), w).toBe(s);
  });

  it('leaves short and non-ASCII words alone', () => {
    expect(porterStem('is')).toBe('is');
    expect(porterStem('zürich')).toBe('zürich');
  });
});

describe('claimTerms', () => {
  const keys = (s: string) => claimTerms(s).map((t) => t.key);

  it('drops web addresses and a tweet signature date, splits hashtags and handles', () => {
    const terms = claimTerms('Outrage! #DefundTheCBChttps://t.co/CsHG8R9cHp pic.twitter.com/abc — Brad Trost (@BradTrostCPC) December 26, 2019');
    const k = terms.map((t) => t.key);
    expect(k).toEqual(expect.arrayContaining(['defund', 'cbc', 'brad', 'trost', 'cpc']));
    expect(k).not.toContain('2019');
    expect(k).not.toContain('26');
    expect(k.some((x) => x.includes('http') || x.includes('co/'))).toBe(false);
    expect(terms.find((t) => t.key === 'cbc')?.kind).toBe('name');
  });

  it('keeps camel-case names and brands whole in running text, and name particles in a hashtag', () => {
    // Split, "McDonald" would match every Donald and "DeVos" would lose to "Devos".
    expect(keys("McDonald's new menu")).not.toContain('donald');
    expect(keys('Betsy DeVos ordered it')).toEqual(expect.arrayContaining(keys('Devos ordered it')));
    expect(keys('WikiLeaks')).toEqual(keys('Wikileaks'));
    expect(keys('iPhone')).toEqual(keys('iphone'));
    // Letters and digits still part everywhere.
    expect(keys('COVID19')).toEqual(keys('COVID 19'));
    // A hashtag's run-together words part, its particles stay on their names.
    expect(keys('#BetsyDeVos')).toEqual(keys('Betsy DeVos'));
    expect(keys('#FireMcConnell')).toEqual(keys('fire McConnell'));
  });

  it('gives inflections one stem and numbers one form', () => {
    expect(keys('vaccinated')).toEqual(keys('vaccines'));
    expect(keys('The 1,000 migrants')).toEqual(['1000', 'migrant']);
    expect(keys('70 per cent')).toEqual(keys('70%'));
    expect(canonicalNumber('2.50')).toBe('2.5');
    expect(canonicalNumber('1,5')).toBe('1.5');
  });

  it('reads number words as numbers, "one" aside', () => {
    expect(keys('ten times more')).toEqual(keys('10 times more'));
    expect(claimTerms('Fourteen-year-old').map((t) => [t.key, t.kind])).toEqual([
      ['14', 'number'],
      ['year', 'word'],
      ['old', 'word'],
    ]);
    expect(keys('one man')).toEqual(['man']);
  });

  it('strips possessives and contractions instead of gluing them on', () => {
    expect(keys("Trump's wall")).toEqual(['trump', 'wall']);
    expect(keys('He’ll refuse')).toEqual(['refus']);
  });

  it('gives the same terms for a text seen before, in a list of the caller’s own', () => {
    const text = 'Officials said 1,000 vaccinated Workers were #BackAtWork on Monday';
    const first = claimTerms(text);
    const want = first.map((t) => ({ ...t }));
    first.splice(0, first.length);
    expect(claimTerms(text)).toEqual(want);
    // The text's own words, freshly folded and stemmed, whether or not they were seen before.
    expect(claimTerms(`${text} again`).slice(0, want.length)).toEqual(want);
    expect(want.map((t) => t.key)).toEqual(['offici', 'said', '1000', 'vaccin', 'worker', 'back', 'work', 'mondai']);
  });

  it('does not take title-case headlines or shouting for names', () => {
    expect(claimTerms('Did Israel Bomb Syria in Late April?').filter((t) => t.kind === 'name')).toEqual([]);
    expect(claimTerms('STOP POSING AS MY DAD').filter((t) => t.kind === 'name')).toEqual([]);
    expect(
      claimTerms('A photo shows Barack Obama with Rouhani.')
        .filter((t) => t.kind === 'name')
        .map((t) => t.surface),
    ).toEqual(['Barack', 'Obama', 'Rouhani']);
  });
});

describe('metrics', () => {
  const rel = new Set(['a', 'c']);

  it('computes average precision at 5 as in CLEF 2020 task 2 (by hand)', () => {
    // Relevant at ranks 1 and 3: (1/1 + 2/3) / min(5, 2) = 0.8333…
    expect(averagePrecisionAt(['a', 'x', 'c', 'y', 'z', 'w'], rel, 5)).toBeCloseTo((1 + 2 / 3) / 2, 10);
    // One relevant claim at rank 2: 1/2.
    expect(averagePrecisionAt(['x', 'a', 'y'], new Set(['a']), 5)).toBe(0.5);
    // Below rank 5 it does not count.
    expect(averagePrecisionAt(['x', 'y', 'z', 'v', 'w', 'a'], new Set(['a']), 5)).toBe(0);
    // Only one of two relevant claims found, at rank 1: 1/2.
    expect(averagePrecisionAt(['a', 'x'], rel, 5)).toBe(0.5);
    expect(Number.isNaN(averagePrecisionAt(['a'], new Set(), 5))).toBe(true);
  });

  it('computes reciprocal rank and recall at k', () => {
    expect(reciprocalRank(['x', 'y', 'c'], rel)).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRank(['x'], rel)).toBe(0);
    expect(recallAt(['x', 'c', 'y', 'z', 'v', 'a'], rel, 5)).toBe(0.5);
  });
});

describe('CLEF 2020 task 2 files', () => {
  it('reads quoted fields with tabs, line breaks and doubled quotes', () => {
    const rows = parseTsv('\tvclaim\ttitle\n0\t"He said ""no""\tthen\nleft"\tT0\n1\tplain\tT1\n');
    expect(rows).toEqual([
      ['', 'vclaim', 'title'],
      ['0', 'He said "no"\tthen\nleft', 'T0'],
      ['1', 'plain', 'T1'],
    ]);
    const claims = parseVerifiedClaims('\tvclaim\ttitle\n0\t"He said ""no"""\tT0\n');
    expect(claims).toEqual([{ id: '0', text: 'He said "no"', title: 'T0' }]);
    expect(parseTweets('\ttweet_content\n7\thello\n')).toEqual([{ id: '7', text: 'hello' }]);
    expect(() => parseVerifiedClaims('\tfoo\tbar\n0\tx\ty\n')).toThrow(/vclaim/);
  });

  it('reads qrels, keeping only positive judgements', () => {
    const q = parseQrels('730\t0\t288\t1\n730\t0\t286\t1\n5\t0\t9\t0\nbad line\n');
    expect([...q.get('730')!]).toEqual(['288', '286']);
    expect(q.has('5')).toBe(false);
  });

  it('splits a tweet into its text, its author and its year', () => {
    const q = tweetQuery('Minecraft is NOT stopping. — Helen Z (@HelenAngel) January 2, 2020');
    expect(q).toEqual({ text: 'Minecraft is NOT stopping.', context: 'Helen Z @HelenAngel', year: 2020 });
    expect(tweetQuery('no signature here')).toEqual({ text: 'no signature here' });
  });
});

const COLLECTION = [
  {
    id: 'guantanamo',
    text: '122 detainees released from Guantanamo Bay under President Obama have re-engaged in terrorist activities.',
    title: 'Did 122 Prisoners Released from Guantanamo by President Obama Return to the Battlefield?',
  },
  { id: 'charlotte', text: '70 per cent of the persons arrested during protests in Charlotte had out-of-state IDs.', title: '70% of Arrested Charlotte Protesters Are Out-of-State Criminals' },
  { id: 'minecraft', text: 'The popular video game Minecraft is shutting down in 2020.', title: 'Is Minecraft Shutting Down?' },
  { id: 'pelosi', text: 'A video shows Nancy Pelosi drunkenly slurring her speech during an event in May 2019.', title: 'Does This Video Show Nancy Pelosi Drunk and Slurring Her Speech?' },
  {
    id: 'dorian',
    text: 'U.S. President Donald Trump displayed an altered graphic purporting to show Hurricane Dorian potentially hitting Alabama.',
    title: 'Did Trump Display an Altered Hurricane Dorian Map Showing Alabama in Its Path?',
  },
  {
    id: 'cnn-map',
    text: 'CNN mislabeled the state of Alabama as Mississippi on a weather map of Hurricane Dorian.',
    title: 'Did CNN Mislabel Alabama as Mississippi on Hurricane Dorian Weather Map?',
  },
  { id: 'amazon', text: 'Portions of the Amazon rainforest were on fire in August 2019.', title: 'Was the Amazon Rainforest on Fire in August 2019?' },
  { id: 'flood-deaths', text: 'The floods in the region killed 39 people.', title: 'Did the Floods Kill 39 People?' },
  { id: 'stadium', text: 'The new stadium will cost taxpayers 2 billion dollars.', title: 'Will the Stadium Cost Taxpayers $2 Billion?' },
  { id: 'pence', text: 'Mike Pence credited gay conversion therapy with saving his marriage.', title: 'Mike Pence: Gay Conversion Therapy Saved My Marriage' },
];

describe('ClaimMatcher (shipped model)', () => {
  const index = new ClaimIndex(COLLECTION);
  const matcher = new ClaimMatcher(index, shipped);

  it('finds the same assertion in other words', () => {
    const cases: [string, string][] = [
      ['Reports say Minecraft will shut down next year. Mojang is closing the game.', 'minecraft'],
      ['Obama let 122 Gitmo prisoners go and they went straight back to terrorism', 'guantanamo'],
      ['Trump showed a doctored map of Hurricane Dorian with Alabama in the path', 'dorian'],
      ['The Amazon rainforest has been burning for weeks', 'amazon'],
      ['Most of the Charlotte protesters arrested were from out of state: 70%', 'charlotte'],
    ];
    for (const [q, want] of cases) expect(matcher.rank({ text: q }, 3)[0]?.id, q).toBe(want);
  });

  it('does not put a different claim about the same names first', () => {
    // Same storm, same state, different claim: CNN's map, not Trump's.
    const r = matcher.rank({ text: 'CNN put Mississippi where Alabama is on its Dorian weather map' }, 2);
    expect(r[0]?.id).toBe('cnn-map');
    expect(matcher.rank({ text: 'Pence visited Iceland and saw rainbow flags everywhere' }, 1)[0]?.id).toBe('pence');
  });

  it('says what matched, and which numbers differ', () => {
    const [top] = matcher.rank({ text: 'The flood in the region killed 26 people' }, 1);
    expect(top?.id).toBe('flood-deaths');
    const e = top!.explanation;
    expect(e.terms.map((t) => t.claim.toLowerCase())).toEqual(expect.arrayContaining(['floods', 'killed', 'region']));
    expect(e.terms.find((t) => t.claim === 'floods')?.query).toBe('flood');
    expect(e.numbers).toEqual([]);
    expect(e.numbersDiffer).toEqual({ claim: ['39'], query: ['26'] });

    const [same] = matcher.rank({ text: 'Floods killed 39 people in the region' }, 1);
    expect(same?.explanation.numbers).toEqual(['39']);
    expect(same?.explanation.numbersDiffer).toBeNull();
    expect(same?.explanation.phrases.length).toBeGreaterThan(0);
  });

  it('names what the speaker has in common with the claim', () => {
    const [top] = matcher.rank({ text: 'Conversion therapy saved my marriage', context: 'Mike Pence @mike_pence' }, 1);
    expect(top?.id).toBe('pence');
    expect(top?.explanation.context).toEqual(expect.arrayContaining(['Mike', 'Pence']));
  });

  it('ranks a matching number above a differing one, all else equal', () => {
    const idx = new ClaimIndex([{ id: 'a', text: 'The floods killed 39 people in the valley.' }, { id: 'b', text: 'The floods killed 12 people in the valley.' }, ...COLLECTION]);
    const m = new ClaimMatcher(idx, shipped);
    expect(m.rank({ text: 'floods in the valley killed 12 people' }, 1)[0]?.id).toBe('b');
    expect(m.rank({ text: 'floods in the valley killed 39 people' }, 1)[0]?.id).toBe('a');
  });

  it('scores only the candidates a caller keeps, and ranks those as before', () => {
    const idx = new ClaimIndex([{ id: 'a', text: 'The floods killed 39 people in the valley.' }, { id: 'b', text: 'The floods killed 12 people in the valley.' }, ...COLLECTION]);
    const m = new ClaimMatcher(idx, shipped);
    const q = { text: 'floods in the valley killed 12 people' };
    expect(m.rank(q, 2).map((r) => r.id)).toEqual(['b', 'a']);
    const asked: string[] = [];
    const kept = m.rank(q, 2, (id) => (asked.push(id), id !== 'b'));
    expect(kept.map((r) => r.id)[0]).toBe('a');
    expect(kept.map((r) => r.id)).not.toContain('b');
    // Every candidate of the first stage was asked about, once.
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).toEqual(expect.arrayContaining(['a', 'b']));
  });

  it('splits a run-together hashtag into words the collection knows, and only then', () => {
    const idx = new ClaimIndex([
      { id: 'flakes', text: 'Corn Flakes were invented to curb desire.' },
      { id: 'fund', text: 'A man died after starting a GoFundMe for insulin.' },
    ]);
    const m = new ClaimMatcher(idx, shipped);
    const split = (s: string) => m.splitRuns(claimTerms(s)).map((t) => t.key);
    expect(split('why were #cornflakes invented')).toEqual(['corn', 'flake', 'invent']);
    // The collection has "GoFundMe" whole (camel case in running text is not split): so the hashtag is left whole.
    expect(split('a #gofundme for him')).toEqual(['gofundm']);
    // A word the collection has is left alone; so is one it cannot split.
    expect(split('corn')).toEqual(['corn']);
    expect(split('#qwertyuiop')).toEqual(['qwertyuiop']);
    expect(m.rank({ text: 'Google “why were cornflakes invented” #cornflakes' }, 1)[0]?.id).toBe('flakes');
  });

  it('tolerates misspelt names (character trigrams) and prefers a picture claim for a tweet with a picture', () => {
    const idx = new ClaimIndex([
      { id: 'model', text: 'Instagram model Kristyna Martelli died during surgery.' },
      { id: 'other', text: 'A model died during surgery in Miami.' },
    ]);
    const m = new ClaimMatcher(idx, shipped);
    const p = m.prepare({ text: 'RIP beautiful, can’t believe it #krystinamartelli' });
    const [model, other] = m.featureRows(p, [
      [0, 1],
      [1, 1],
    ]);
    const cc = shipped.features.indexOf('char_cos');
    expect(model![cc]!).toBeGreaterThan(0.1);
    expect(other![cc]!).toBeLessThan(model![cc]! / 2);
    const pics = new ClaimIndex([
      { id: 'said', text: 'The mayor said the bridge collapsed in the storm.' },
      { id: 'photo', text: 'A photograph shows the bridge that collapsed in the storm.' },
    ]);
    const pm = new ClaimMatcher(pics, shipped);
    const row = (text: string, id: string) => {
      const p = pm.prepare({ text });
      const d = pics.docs.findIndex((x) => x.id === id);
      return pm.featureRows(p, [[d, 1]])[0]!;
    };
    const at = shipped.features.indexOf('media_both');
    expect(row('The bridge collapsed in the storm pic.twitter.com/abc', 'photo')[at]).toBe(1);
    expect(row('The bridge collapsed in the storm', 'photo')[at]).toBe(0);
    expect(row('The bridge collapsed in the storm pic.twitter.com/abc', 'said')[at]).toBe(0);
  });

  it('returns nothing for a query that shares no term', () => {
    expect(matcher.rank({ text: 'qwertyuiop zxcvbnm' }, 5)).toEqual([]);
  });

  it('is what BM25 finds when the model only looks at the BM25 rank', () => {
    const bm25Only: MatchModel = { ...shipped, features: ['rank_rr'], mean: [0], scale: [1], weights: [1] };
    const plain = new PlainBm25(COLLECTION.map((c) => ({ id: c.id, text: `${c.text} ${c.title}` })));
    expect(new ClaimMatcher(index, bm25Only).rank({ text: 'Amazon fire' }, 1)[0]?.id).toBe(plain.rank('Amazon fire', 1)[0]);
  });

  it('uses word vectors, when given, for near-synonyms', () => {
    const vecs = new MapVectors([
      ['wig', [1, 0.1, 0]],
      ['toupee', [0.95, 0.15, 0]],
      ['hat', [0, 1, 0]],
      ['trump', [0, 0, 1]],
    ]);
    const idx = new ClaimIndex([
      { id: 'toupee', text: 'Trump wears a toupee.' },
      { id: 'hat', text: 'Trump wears a hat.' },
    ]);
    const model: MatchModel = { candidates: 10, features: ['soft_cover'], mean: [0], scale: [1], weights: [1] };
    expect(new ClaimMatcher(idx, model, vecs).rank({ text: 'Trump forgot his wig' }, 1)[0]?.id).toBe('toupee');
  });
});

describe('fitMatchModel', () => {
  it('learns to weigh the feature that separates relevant candidates, the same way every time', () => {
    // Feature 0 is noise, feature 1 marks the relevant candidate.
    const queries: TrainingQuery[] = [];
    for (let q = 0; q < 30; q++) {
      const rows: number[][] = [];
      const relevant: boolean[] = [];
      for (let c = 0; c < 6; c++) {
        rows.push([((q * 7 + c * 13) % 10) / 10, c === q % 6 ? 1 : 0]);
        relevant.push(c === q % 6);
      }
      queries.push({ rows, relevant });
    }
    const features = ['bm25_rel', 'names'] as const;
    const a = fitMatchModel(queries, { candidates: 6, features });
    const b = fitMatchModel(queries, { candidates: 6, features });
    expect(a).toEqual(b);
    expect(a.weights[1]!).toBeGreaterThan(0.5);
    expect(Math.abs(a.weights[0]!)).toBeLessThan(a.weights[1]! / 4);
  });

  it('the shipped model is lexical and loads', () => {
    expect(shipped.features).toEqual(LEXICAL_FEATURES);
    expect(FEATURES).toEqual(expect.arrayContaining([...shipped.features]));
    expect(() => loadMatchModel({ ...shipped, weights: [1] })).toThrow(/weights/);
    expect(() => loadMatchModel({ ...shipped, features: ['nope'] })).toThrow(/features/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildIdfFile,
  computeFingerprint,
  dayOf,
  EMPTY_IDF,
  extractDates,
  findEarlierCoverage,
  fingerprintBytes,
  idf,
  isoDay,
  LayeredIdf,
  loadIdfTable,
  CONTENT_FLOOR,
  DAY_WINDOW,
  DEFAULT_MODEL,
  contentSame,
  THIN_COSINE,
  THIN_HEAD,
  decide,
  matchKey,
  samePerson,
  sharesHappening,
  storyRelated,
  type MatchModel,
  FEATURES,
  type Features,
  NEAR_DAYS,
  FAR_DAYS,
  WEEKS_DAYS,
  FAR_MIN_COSINE,
  CLASH_MIN_COSINE,
  lookupKeys,
  rankCandidates,
  CROWD_REF,
  crowdSignal,
  MemoryCandidateSource,
  pairSignals,
  neighbourSignals,
  scorePair,
  scorerOf,
  parseDay,
  prepare,
  NameWeights,
  weigh,
  terms,
  type Fingerprint,
  type FingerprintInput,
} from '../../lib/events/index.ts';
import type { Actor } from '../../lib/types.ts';

interface FixtureArticle extends FingerprintInput {
  id: string;
  actors: Actor[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/events/earthquakes.json', import.meta.url), 'utf8')) as { articles: FixtureArticle[] };
/** The `gap` signal of two articles `n` days apart (see pairSignals). */
const gapOf = (n: number) => Math.log1p(n) / Math.log(366);
const article = (id: string) => fixture.articles.find((a) => a.id === id)!;
const shipped = loadIdfTable(readFileSync(new URL('../../public/models/idf.json', import.meta.url), 'utf8'));

describe('terms', () => {
  it('lower-cases, folds diacritics, drops stop words and stems plurals', () => {
    expect(terms('The Earthquakes hit São Paulo cities')).toEqual(['earthquake', 'hit', 'sao', 'paulo', 'city']);
  });
  it('treats Penn Treebank quotes and split possessives like plain text', () => {
    expect(terms("Reid 's role in `` American Pie ''")).toEqual(terms('Reid’s role in "American Pie"'));
  });
  it('keeps numbers of two or more digits, with their decimal point', () => {
    expect(terms('A 6.1 quake killed 1,000 and 7 more in 2009')).toEqual(['6.1', 'quake', 'killed', '1000', '2009']);
  });
});

describe('extractDates', () => {
  const ref = parseDay('2019-03-06T10:00:00Z')!; // a Wednesday
  const days = (text: string, r: number | null = ref) => extractDates(text, { ref: r }).map(([a, b]) => (a === b ? isoDay(a) : `${isoDay(a)}..${isoDay(b)}`));

  it('resolves weekdays and relative words against the article date', () => {
    expect(days('The minister resigned on Monday.')).toEqual(['2019-03-04']);
    expect(days('It happened yesterday, not last Wednesday.')).toEqual(['2019-03-05', '2019-02-27']);
    expect(days('Talks began last week.')).toEqual(['2019-02-25..2019-03-03']);
  });
  it('reads explicit dates, with and without a year', () => {
    expect(days('On March 3 the polls closed; on 4 April 2018 they opened.')).toEqual(['2019-03-03', '2018-04-04']);
    expect(days('Published 2019-01-31.')).toEqual(['2019-01-31']);
    expect(days('In December, prices rose.')).toEqual([]);
    expect(days('By November 2017 the plan had failed.')).toEqual(['2017-11-01..2017-11-30']);
  });
  it('takes last year for a month and day well after the article date', () => {
    expect(days('The fire of December 20 destroyed the hall.')).toEqual(['2018-12-20']);
  });
  it('reads years written as years, not quantities', () => {
    expect(days('The law passed in 2015 and was repealed in 2017.')).toEqual(['2015-01-01..2015-12-31', '2017-01-01..2017-12-31']);
    expect(days('Police said 2000 people marched.')).toEqual([]);
  });
  it('drops relative expressions when the article has no date', () => {
    expect(days('On Monday, in 2009, yesterday.', null)).toEqual(['2009-01-01..2009-12-31']);
    expect(days('He arrived on March 3.', null)).toEqual([]);
  });
  it('handles tokenised text', () => {
    expect(days('on March 3 , 2009 .', null)).toEqual(['2009-03-03']);
  });
  it('parses ISO dates and rejects junk', () => {
    expect(parseDay('2019-03-06')).toBe(dayOf(2019, 3, 6));
    expect(parseDay(null)).toBeNull();
    expect(parseDay('not a date')).toBeNull();
  });
});

describe('computeFingerprint', () => {
  const a = article('qeshm-a');

  it('is deterministic', () => {
    const f1 = computeFingerprint(a, a.actors, shipped);
    const f2 = computeFingerprint(structuredClone(a), [...a.actors].reverse(), shipped);
    expect(JSON.stringify(f2)).toBe(JSON.stringify(f1));
  });
  it('keeps actors, places, dates and index keys', () => {
    const fp = computeFingerprint(a, a.actors, shipped);
    expect(fp.day).toBe(dayOf(2005, 11, 28));
    expect(fp.places[0]).toEqual(['LOC:qeshm', 3]);
    expect(fp.actors.map(([k]) => k)).toContain('PER:mohammad reza karimi');
    expect(fp.dates).toContain(dayOf(2005, 11, 27));
    expect(fp.keys).toContain('LOC:qeshm');
    expect(fp.keys.some((k) => k === 't:qeshm')).toBe(true);
    expect(fp.terms.length).toBe(fp.counts.length);
  });
  it('leaves out a party named only by its members, keeps it named in full', () => {
    const party = (aliases: string[]): Actor => ({ key: 'ORG:democratic party', name: 'Democratic Party', type: 'ORG', aliases, mentions: 4, role: null });
    const keysOf = (x: Actor) => computeFingerprint(a, [...a.actors, x], shipped).actors.map(([k]) => k);
    expect(keysOf(party(['Democrats']))).not.toContain('ORG:democratic party');
    expect(keysOf(party(['Democratic Party', 'Democrats']))).toContain('ORG:democratic party');
  });
  it('lists the news organisations the article only cites, and keeps comparing them', () => {
    const wire = (key: string, outlet: boolean): Actor => ({ key, name: 'Reuters', type: 'ORG', aliases: ['Reuters'], mentions: 2, role: null, ...(outlet ? { outlet: true as const } : {}) });
    const fp = computeFingerprint(a, [...a.actors, wire('ORG:reuters', true)], shipped);
    expect(fp.actors.map(([k]) => k)).toContain('ORG:reuters');
    expect(fp.outlets).toEqual(['ORG:reuters']);
    expect(computeFingerprint(a, a.actors, shipped).outlets).toBeUndefined();
    // Two actors under one key: an outlet only when both are.
    expect(computeFingerprint(a, [...a.actors, wire('ORG:reuters', true), wire('ORG:Reuters ', false)], shipped).outlets).toBeUndefined();
    expect(computeFingerprint(a, [...a.actors, wire('ORG:reuters', true), wire('ORG:Reuters ', true)], shipped).outlets).toEqual(['ORG:reuters']);
  });
  it('stays small on a huge article', () => {
    const words = Array.from({ length: 60_000 }, (_, i) => `word${i.toString(36)}`);
    const paragraphs = Array.from({ length: 3000 }, (_, i) => words.slice(i * 20, i * 20 + 20).join(' ') + ` on ${1 + (i % 28)} March 2019.`);
    const actors: Actor[] = Array.from({ length: 200 }, (_, i) => ({ key: `PER:person number${i}`, name: `Person ${i}`, type: 'PER', aliases: [], mentions: 1 + (i % 7), role: null }));
    const fp = computeFingerprint({ title: 'A very long page', paragraphs, published: '2019-04-01' }, actors, shipped);
    expect(fingerprintBytes(fp)).toBeLessThanOrEqual(3000);
    expect(fp.actors.length).toBeLessThanOrEqual(16);
  });
  it('does not crash on empty or odd text', () => {
    for (const input of [
      { title: '', paragraphs: [], published: null },
      { title: '   ', paragraphs: ['', '!!!', '🙂🙂 —— ……'], published: 'garbage' },
      { title: 'Ω', paragraphs: ['\u0000\uFFFF', 'x'.repeat(300_000)], published: '2019-13-45' },
    ]) {
      const fp = computeFingerprint(input, [], EMPTY_IDF);
      expect(fp.day).toBeNull();
      expect(Array.isArray(fp.keys)).toBe(true);
      expect(fingerprintBytes(fp)).toBeLessThanOrEqual(3000);
    }
  });
});

describe('findEarlierCoverage', () => {
  const fps = new Map<string, Fingerprint>(fixture.articles.map((x) => [x.id, computeFingerprint(x, x.actors, shipped)]));

  it('ranks the same earthquake above another earthquake and says what is shared', async () => {
    const source = new MemoryCandidateSource();
    source.add('qeshm-a', fps.get('qeshm-a')!);
    source.add('aquila', fps.get('aquila')!);
    const found = await findEarlierCoverage(fps.get('qeshm-b')!, source, { idf: shipped, keepAll: true });
    expect(found.map((f) => f.id)).toEqual(['qeshm-a', 'aquila']);
    const [same, other] = found as [(typeof found)[0], (typeof found)[0]];
    expect(same.tier).toBe('same');
    expect(other.tier).not.toBe('same');
    expect(same.score).toBeGreaterThan(other.score);
    expect(same.shared.places).toEqual(expect.arrayContaining(['LOC:qeshm', 'LOC:dargahan']));
    expect(same.shared.actors).toContain('PER:mohammad reza karimi');
    expect(other.shared.places).toEqual([]);
  });
  it('lists the same event before related articles, whatever their scores', async () => {
    const q = fps.get('qeshm-b')!;
    const source = new MemoryCandidateSource();
    // The same earthquake's first report ten days before: its dated score falls with the gap, but
    // its text makes it the same event (contentSame). Another earthquake five days before, related.
    source.add('qeshm-a', { ...fps.get('qeshm-a')!, day: q.day! - 10 });
    source.add('aquila', { ...fps.get('aquila')!, day: q.day! - 5 });
    const zero = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features;
    const fit = { bias: 0, weights: { ...zero, gap: -5 } };
    const model: MatchModel = { ...DEFAULT_MODEL, dated: { ...fit, direct: fit, same: 0.99, related: 0.01, minCosine: 0.05 } };
    const found = await findEarlierCoverage(q, source, { idf: shipped, model });
    expect(found.map((f) => [f.id, f.tier])).toEqual([
      ['qeshm-a', 'same'],
      ['aquila', 'related'],
    ]);
    expect(found[0]!.score).toBeLessThan(found[1]!.score);
  });
  it('leaves out excluded ids and returns nothing from an empty archive', async () => {
    const source = new MemoryCandidateSource();
    expect(await findEarlierCoverage(fps.get('qeshm-b')!, source, { idf: shipped })).toEqual([]);
    source.add('qeshm-b', fps.get('qeshm-b')!);
    expect(await findEarlierCoverage(fps.get('qeshm-b')!, source, { idf: shipped, exclude: ['qeshm-b'] })).toEqual([]);
  });
});

describe('stored norms', () => {
  const a = article('qeshm-a');
  const b = article('qeshm-b');
  // The archive grown by other articles since the two were saved: their IDF has moved.
  const grown = new LayeredIdf(shipped);
  for (const x of fixture.articles) for (let i = 0; i < 50; i++) grown.add(terms(x.paragraphs.join(' ')));
  const fa = computeFingerprint(a, a.actors, shipped);
  const fb = computeFingerprint(b, b.actors, shipped);
  const without = (fp: Fingerprint): Fingerprint => {
    const { norm: _n, headNorm: _h, ...rest } = fp;
    return rest;
  };

  it('are the norms of the fingerprint under the table it was made with', () => {
    const exact = prepare(fa, shipped, undefined, true);
    expect(fa.norm).toBeGreaterThan(0);
    expect(fa.headNorm).toBeGreaterThan(0);
    expect(fa.norm).toBeCloseTo(exact.norm, 9);
    expect(fa.headNorm).toBeCloseTo(exact.headNorm, 9);
  });
  it('are taken as they are under a grown table, and computed when asked for or missing', () => {
    expect(prepare(fa, grown).norm).toBe(fa.norm);
    const now = prepare(fa, grown, undefined, true).norm;
    expect(Math.abs(now - fa.norm!)).toBeGreaterThan(1e-6);
    expect(prepare(without(fa), grown).norm).toBeCloseTo(now, 12);
  });
  it('give the same scores as norms computed anew while the table has not changed', async () => {
    const run = async (x: Fingerprint, y: Fingerprint) => {
      const source = new MemoryCandidateSource();
      source.add('a', x);
      for (const o of fixture.articles.filter((o) => o.id !== 'qeshm-a' && o.id !== 'qeshm-b')) source.add(o.id, computeFingerprint(o, o.actors, shipped));
      return findEarlierCoverage(y, source, { idf: shipped, keepAll: true });
    };
    const stored = await run(fa, fb);
    const anew = await run(without(fa), without(fb));
    expect(stored.map((c) => c.id)).toEqual(anew.map((c) => c.id));
    stored.forEach((c, i) => expect(c.score).toBeCloseTo(anew[i]!.score, 9));
  });
  it('weigh the terms two articles share under the table now, the same whether or not both were weighed', () => {
    const names = new NameWeights(grown);
    const p = prepare(fa, grown, names);
    const q = prepare(fb, grown, names, true);
    const plain = pairSignals(q, p).features.cosine;
    weigh(p);
    weigh(q);
    expect(pairSignals(q, p).features.cosine).toBeCloseTo(plain, 12);
    expect(plain).toBeGreaterThan(0.1);
  });
  it('are computed anew when outside what the counts allow (a damaged or tampered record)', () => {
    const now = prepare(fa, grown, undefined, true).norm;
    for (const norm of [1e-3, 0, -5, 1e9, Number.NaN]) expect(prepare({ ...fa, norm }, grown).norm).toBeCloseTo(now, 12);
    const head = prepare(fa, grown, undefined, true).headNorm;
    expect(prepare({ ...fa, headNorm: 1e-3 }, grown).headNorm).toBeCloseTo(head, 12);
  });
  it('never give a cosine above 1, however stale', () => {
    // The lowest norm the counts allow (every IDF 1): far below the norm under any real table.
    const stale = { ...fa, norm: Math.sqrt(fa.counts.reduce((a, c) => a + (1 + Math.log(Math.max(1, c))) ** 2, 0)) };
    const names = new NameWeights(grown);
    expect(pairSignals(prepare(fb, grown, names, true), prepare(stale, grown, names)).features.cosine).toBe(1);
  });
});

describe('dated articles', () => {
  // Stories of one week in one city, sharing the place and little else: a stream of dated news is
  // full of such pairs.
  const lisbon: Actor = { key: 'LOC:lisbon', name: 'Lisbon', type: 'LOC', aliases: ['Lisbon'], mentions: 2, role: null };
  const budget = {
    published: '2019-01-04',
    title: 'Council approves its budget for the year',
    paragraphs: [
      'Friday, January 4, 2019',
      'The city council of Lisbon approved a budget of 900 million euros today, after a debate that lasted since Wednesday.',
      'Most of the money goes to housing, schools and the tram network; opposition members voted against, saying taxes on small shops would rise.',
      'The mayor said the new spending would be paid for by tourism levies and by selling two municipal buildings.',
    ],
  };
  const concert = {
    published: '2019-01-05',
    title: 'Orchestra plays Mahler to a full house',
    paragraphs: [
      'Saturday, January 5, 2019',
      'An orchestra from Vienna played Mahler to an audience of 2,000 in Lisbon on Friday night; tickets sold out in an hour.',
      'The conductor, making her debut with the ensemble, was called back for three encores, and critics praised the brass section.',
      'The tour continues with concerts in Porto, Seville and Madrid before the musicians return to Austria in February.',
    ],
  };
  const strike = {
    published: '2019-01-05',
    title: 'Dock workers walk out over pay',
    paragraphs: [
      'Saturday, January 5, 2019',
      'Dock workers in Lisbon began a strike at midnight, leaving container ships waiting at anchor off the river mouth.',
      'Their union asks for a rise of eight per cent and permanent contracts; the port operator offered four.',
    ],
  };
  const fpBudget = computeFingerprint(budget, [lisbon], shipped);
  const fpConcert = computeFingerprint(concert, [lisbon], shipped);

  it('agree when a later report names the day an earlier one was written', () => {
    const first = computeFingerprint(
      { published: '2019-03-01', title: 'Bridge collapses', paragraphs: ['Friday, March 1, 2019', 'A road bridge collapsed today; repairs to it had begun on Monday.'] },
      [],
      shipped,
    );
    const later = computeFingerprint({ published: '2019-03-08', title: 'Bridge inquiry', paragraphs: ['An inquiry into the collapse of 1 March opened.'] }, [], shipped);
    const { features } = pairSignals(prepare(later, shipped), prepare(first, shipped));
    expect(features.dateMatch).toBe(1);
    expect(features.dateConflict).toBe(0);
  });
  it('still agree on an earlier day both talk about', () => {
    const a = computeFingerprint({ published: '2019-01-04', title: 'Storm damage', paragraphs: ['The storm of 28 December flooded the port.'] }, [], shipped);
    const b = computeFingerprint({ published: '2019-01-09', title: 'Storm repairs', paragraphs: ['Repairs after the storm of 28 December began.'] }, [], shipped);
    expect(pairSignals(prepare(a, shipped), prepare(b, shipped)).features.dateMatch).toBe(1);
  });
  it('agree on the dates their texts name only (datesSaid), not on being published a day apart', () => {
    const a = computeFingerprint({ published: '2019-01-04', title: 'Port reopens', paragraphs: ['The port reopened to ships.'] }, [], shipped);
    const b = computeFingerprint({ published: '2019-01-05', title: 'Museum opens', paragraphs: ['A museum of tiles opened its doors.'] }, [], shipped);
    const f = pairSignals(prepare(b, shipped), prepare(a, shipped)).features;
    expect(f.dateMatch).toBe(1);
    expect(f.datesSaid).toBe(0);
    const c = computeFingerprint({ published: '2019-01-04', title: 'Storm damage', paragraphs: ['The storm of 28 December flooded the port.'] }, [], shipped);
    const d = computeFingerprint({ published: '2019-01-09', title: 'Storm repairs', paragraphs: ['Repairs after the storm of 28 December began.'] }, [], shipped);
    expect(pairSignals(prepare(d, shipped), prepare(c, shipped)).features.datesSaid).toBe(1);
  });
  it('are in no tier when their texts share too little, whatever the place and days', async () => {
    const source = new MemoryCandidateSource();
    source.add('budget', fpBudget);
    source.add('strike', computeFingerprint(strike, [lisbon], shipped));
    const all = await findEarlierCoverage(fpConcert, source, { idf: shipped, keepAll: true });
    expect(all.map((c) => c.id).sort()).toEqual(['budget', 'strike']);
    for (const c of all) {
      expect(c.features.cosine).toBeLessThan(CONTENT_FLOOR);
      expect(c.tier).toBe('none');
    }
    expect(await findEarlierCoverage(fpConcert, source, { idf: shipped })).toEqual([]);
    // Without the floor, the shared place and the closeness in time alone would list them.
    const unfloored = await findEarlierCoverage(fpConcert, source, {
      idf: shipped,
      model: { ...DEFAULT_MODEL, minCosine: 0, ...(DEFAULT_MODEL.dated ? { dated: { ...DEFAULT_MODEL.dated, minCosine: 0 } } : {}) },
    });
    expect(unfloored.length).toBeGreaterThan(0);
  });
});

describe('retrieval by publication day', () => {
  const dated = (published: string, title: string, text: string) => computeFingerprint({ published, title, paragraphs: [text] }, [], shipped);
  const read = dated('2019-06-10', 'Ferry sinks off the coast', 'A ferry carrying 300 passengers sank off the coast; rescuers pulled survivors from the water.');

  it('gives a dated article the key of its day, and looks up the days around it', () => {
    expect(read.keys).toContain('d:' + read.day);
    expect(computeFingerprint({ published: null, title: 'Ferry sinks', paragraphs: ['A ferry sank.'] }, [], shipped).keys.some((k) => k.startsWith('d:'))).toBe(false);
    const keys = lookupKeys(read);
    for (let d = -DAY_WINDOW; d <= DAY_WINDOW; d++) expect(keys).toContain('d:' + (read.day! + d));
    expect(keys).not.toContain('d:' + (read.day! + DAY_WINDOW + 1));
  });
  it('finds an article of the days around that shares no other key, and none further away', async () => {
    const source = new MemoryCandidateSource();
    const near = dated('2019-06-08', 'Parliament debates pension reform', 'Members of parliament debated the pension bill late into the night.');
    const far = dated('2019-06-10', 'Parliament debates pension reform', 'Members of parliament debated the pension bill late into the night.');
    far.day = read.day! - DAY_WINDOW - 1;
    far.keys = far.keys.map((k) => (k.startsWith('d:') ? 'd:' + far.day : k));
    expect(near.keys.filter((k) => read.keys.includes(k))).toEqual([]);
    source.add('near', near);
    source.add('far', far);
    const found = await findEarlierCoverage(read, source, { idf: shipped, keepAll: true });
    expect(found.map((c) => c.id)).toEqual(['near']);
  });
  it('keeps the articles of the days around among the candidates when a common key brings in more than it scores', async () => {
    const source = new MemoryCandidateSource();
    const ferry: Actor = { key: 'ORG:ferry line', name: 'Ferry Line', type: 'ORG', aliases: ['Ferry Line'], mentions: 3, role: null };
    const withLine = (published: string, title: string, text: string) => computeFingerprint({ published, title, paragraphs: [text] }, [ferry], shipped);
    const query = withLine('2019-06-10', 'Ferry sinks off the coast', 'A ferry of the Ferry Line carrying 300 passengers sank off the coast.');
    const sameDay = dated('2019-06-10', 'Parliament debates pension reform', 'Members of parliament debated the pension bill late into the night.');
    source.add('same-day', sameDay);
    // Older articles that share only the company's name with the query, added last so the source lists them first.
    for (let i = 0; i < 4; i++) source.add(`old-${i}`, withLine(`2019-0${1 + i}-02`, 'Quarterly accounts', 'The company published its quarterly accounts.'));
    const found = await findEarlierCoverage(query, source, { idf: shipped, keepAll: true, maxCandidates: 2 });
    expect(found.map((c) => c.id)).toContain('same-day');
  });
  it('lets closeness in time strengthen shared content, not stand in for it', () => {
    const later = dated('2019-06-11', 'Ferry survivors recount the sinking', 'Survivors of the ferry that sank off the coast told rescuers how the passengers jumped into the water.');
    const f = pairSignals(prepare(later, shipped), prepare(read, shipped)).features;
    expect(f.cosine).toBeGreaterThan(0);
    expect(f.cosNear).toBe(f.cosine);
    expect(f.cosNear1).toBe(f.cosine);
    const weekLater = dated('2019-06-10', 'x', 'Survivors of the ferry that sank off the coast told rescuers how the passengers jumped into the water.');
    weekLater.day = read.day! + NEAR_DAYS + 1;
    const g = pairSignals(prepare(weekLater, shipped), prepare(read, shipped)).features;
    expect(g.cosine).toBeGreaterThan(0);
    expect([g.cosNear, g.cosNear1, g.actorsNear, g.placesNear]).toEqual([0, 0, 0, 0]);
  });
});

describe('the dated floor', () => {
  // Wikinews: a block of flats on fire in Catalonia and an escape room on fire in Koszalin, two days
  // apart; the texts share 7% of their weighted words and no person or organisation.
  const zero = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features;
  const twoFires: Features = { ...zero, cosine: 0.069, dateMatch: 1, gap: 0.186, near: 1, near7: 1, neighbours: 0.5, cosNear: 0.069, datesSaid: 1, headCos: 0.123, kindOne: 1, ledeDaySame: 1 };
  it('keeps out of "same event" two stories of neighbouring days that share almost no words and no one', () => {
    expect(scorePair(DEFAULT_MODEL.dated!, twoFires)).toBeGreaterThanOrEqual(DEFAULT_MODEL.dated!.same);
    expect(decide(DEFAULT_MODEL, twoFires).tier).not.toBe('same');
  });
  it('but not two that name the same people, or share more of their words', () => {
    expect(decide(DEFAULT_MODEL, { ...twoFires, actors: 0.4, actorsNear: 0.4 }).tier).toBe('same');
    expect(decide(DEFAULT_MODEL, { ...twoFires, cosine: 0.09, cosNear: 0.09 }).tier).toBe('same');
  });
});

describe('crowded days', () => {
  it('count the articles of the days around the one read, against the crowd the model was fitted for', async () => {
    expect(crowdSignal(1, CROWD_REF)).toBe(0);
    expect(crowdSignal(1, 2)).toBe(0);
    expect(crowdSignal(1, 4 * CROWD_REF)).toBeCloseTo(Math.log(4));
    expect(crowdSignal(0, 4 * CROWD_REF)).toBe(0);
    const read = computeFingerprint({ published: '2019-06-10', title: 'Ferry sinks off the coast', paragraphs: ['A ferry carrying 300 passengers sank off the coast.'] }, [], shipped);
    const source = new MemoryCandidateSource();
    const topics = ['harvest', 'orchestra', 'museum', 'election', 'tariff', 'vaccine', 'marathon', 'satellite', 'bakery', 'glacier'];
    topics.forEach((t, i) =>
      source.add(
        `d${i}`,
        computeFingerprint({ published: `2019-06-${String(9 + (i % 3)).padStart(2, '0')}`, title: `A story about the ${t}`, paragraphs: [`The ${t} was in the news.`] }, [], shipped),
      ),
    );
    source.add('far', computeFingerprint({ published: '2019-05-01', title: 'Ferry sinks off the coast', paragraphs: ['A ferry carrying 300 passengers sank off the coast.'] }, [], shipped));
    const found = await findEarlierCoverage(read, source, { idf: shipped, keepAll: true });
    const near = found.filter((c) => c.features.near === 1);
    expect(near.length).toBeGreaterThan(0);
    for (const c of near) expect(c.features.crowd).toBeCloseTo(Math.log(topics.length / CROWD_REF));
    expect(found.find((c) => c.id === 'far')!.features.crowd).toBe(0);
  });
});

describe('MemoryCandidateSource', () => {
  const fp = (keys: string[]): Fingerprint => ({ v: 1, day: null, terms: [], counts: [], actors: [], places: [], dates: [], keys });

  it('returns ids per key, newest first, up to the limit, and forgets deleted ones', async () => {
    const s = new MemoryCandidateSource();
    s.add(1, fp(['a', 'b']));
    s.add(2, fp(['a']));
    s.add(3, fp(['a', 'c']));
    expect(await s.byKeys(['a'], 2)).toEqual([3, 2]);
    expect(await s.byKeys(['a', 'b', 'zzz'], 10)).toEqual([3, 2, 1, 1]);
    s.delete(2);
    expect(await s.byKeys(['a'], 10)).toEqual([3, 1]);
    expect((await s.get([1, 2, 99])).map((r) => r.id)).toEqual([1]);
    expect(s.size).toBe(2);
  });

  it('gives each key its newest ids and its whole count, in the order asked, with the size', async () => {
    const s = new MemoryCandidateSource();
    for (let i = 1; i <= 5; i++) s.add(i, fp(i % 2 ? ['odd', 'all'] : ['all']));
    expect(await s.keyHits(['odd', 'zzz', 'all'], 2)).toEqual({
      hits: [
        { ids: [5, 3], total: 3 },
        { ids: [], total: 0 },
        { ids: [5, 4], total: 5 },
      ],
      size: 5,
    });
  });
});

describe('scoring many pairs', () => {
  const fps = fixture.articles.map((x) => computeFingerprint(x, x.actors, shipped));
  const names = new NameWeights(shipped);
  const prepared = fps.map((f) => prepare(f, shipped, names));

  it('scores with only the signals a combination weighs, as scorePair does', () => {
    for (const m of [DEFAULT_MODEL.direct, DEFAULT_MODEL, DEFAULT_MODEL.dated!]) {
      const score = scorerOf(m);
      for (const p of prepared) {
        const f = pairSignals(prepared[0]!, p).features;
        f.neighbours = 0.4;
        f.crowd = 0.7;
        expect(score(f)).toBeCloseTo(scorePair(m, f), 12);
      }
    }
  });

  it('a lean pair leaves out only the shared names and datesSaid', () => {
    // The two Qeshm reports name the same day in their texts and share people and places.
    const full = pairSignals(prepared[0]!, prepared[1]!, false);
    const lean = pairSignals(prepared[0]!, prepared[1]!, false, true);
    expect(full.features.datesSaid).toBe(1);
    expect(full.shared.places.length).toBeGreaterThan(0);
    expect(lean.features.datesSaid).toBe(0);
    expect(lean.shared).toEqual({ actors: [], places: [], kinds: [] });
    expect({ ...lean.features, datesSaid: 1 }).toEqual(full.features);
  });

  it('gives the same neighbours signal with lean pairs to a first stage that does not weigh datesSaid', () => {
    const direct = { ...DEFAULT_MODEL.direct, weights: { ...DEFAULT_MODEL.direct.weights, datesSaid: 0 } };
    const q = prepare(computeFingerprint(fixture.articles[1]!, fixture.articles[1]!.actors, shipped), shipped, names, true);
    const s1 = prepared.map((p) => scorerOf(direct)(pairSignals(q, p).features));
    const nb = (said: boolean) => neighbourSignals(prepared, s1, scorerOf(direct), 30, 10, 0.3, false, said);
    expect(nb(false)).toEqual(nb(true));
    expect(nb(false).some((v) => v > 0)).toBe(true);
  });
});

describe('contentSame', () => {
  // Two dated reports a day apart that share half their words, their people and their place.
  const close = (kinds: Partial<Features>): Features => ({
    ...(Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features),
    cosine: 0.5,
    actors: 0.5,
    places: 1,
    dateMatch: 1,
    neighbours: 0.5,
    near1: 1,
    near: 1,
    near7: 1,
    ...kinds,
  });

  it('lets the content regime join a dated pair close in time', () => {
    expect(contentSame(DEFAULT_MODEL, close({}))).toBe(true);
    expect(contentSame(DEFAULT_MODEL, close({ kindSame: 1, happening: 1 }))).toBe(true);
  });

  it('not when their headlines and ledes name different kinds of happening, unless the texts share much', () => {
    // A vote and a storm in one city: the city and its common words.
    expect(contentSame(DEFAULT_MODEL, close({ kindClash: 1, cosine: CLASH_MIN_COSINE - 0.05 }))).toBe(false);
    // Reports of one nomination whose ledes also name an appointment.
    expect(contentSame(DEFAULT_MODEL, close({ kindClash: 1, cosine: CLASH_MIN_COSINE }))).toBe(true);
    // Days apart, two kinds are two happenings whatever the words.
    expect(contentSame(DEFAULT_MODEL, close({ kindClash: 1, near1: 0, near: 0, gap: gapOf(6), cosine: 0.6 }))).toBe(false);
    expect(contentSame(DEFAULT_MODEL, close({ near1: 0, near: 0, gap: gapOf(6), cosine: 0.6 }))).toBe(true);
  });

  it('not when their headlines and ledes share almost nothing and their texts little', () => {
    // Saturn's Titan mapped the day after Europa's water plumes: NASA, space and each other's neighbours.
    const field = close({ cosine: 0.165, actors: 0.29, places: 0.12, neighbours: 0.83, headCos: 0.035 });
    expect(contentSame(DEFAULT_MODEL, field)).toBe(false);
    expect(contentSame(DEFAULT_MODEL, { ...field, headCos: THIN_HEAD })).toBe(true);
    expect(contentSame(DEFAULT_MODEL, { ...field, cosine: THIN_COSINE })).toBe(true);
  });

  it('not when they are more than FAR_DAYS apart, or undated', () => {
    // Three weeks apart, a third of their words and people in common is not enough (FAR_PENALTY); beyond FAR_DAYS nothing is.
    expect(contentSame(DEFAULT_MODEL, close({ near: 0, near1: 0, near7: 0, gap: gapOf(21), cosine: 0.3, actors: 0.3, neighbours: 0.3 }))).toBe(false);
    expect(contentSame(DEFAULT_MODEL, close({ near: 0, near1: 0, near7: 0, gap: gapOf(FAR_DAYS + 1), cosine: 0.9, actors: 0.9 }))).toBe(false);
    expect(contentSame(DEFAULT_MODEL, close({ undated: 1 }))).toBe(false);
  });

  it('weeks apart, a report that shares most of its text, unless it names another day', () => {
    // A report three weeks on that retells the happening: most of its words, its people, its place.
    const retold = close({ near: 0, near1: 0, near7: 0, gap: gapOf(21), cosine: 0.8, actors: 0.8, places: 1, neighbours: 0.8 });
    expect(contentSame(DEFAULT_MODEL, retold)).toBe(true);
    expect(decide(DEFAULT_MODEL, retold).tier).toBe('same');
    // Its lede names a day the other's does not, or its dates conflict: a new happening of the story.
    expect(contentSame(DEFAULT_MODEL, { ...retold, ledeDayClash: 1 })).toBe(false);
    expect(contentSame(DEFAULT_MODEL, { ...retold, dateConflict: 1 })).toBe(false);
    // Within WEEKS_DAYS a lede's other day alone does not stop it (the same kind on two days does).
    expect(contentSame(DEFAULT_MODEL, { ...retold, gap: gapOf(WEEKS_DAYS), ledeDayClash: 1 })).toBe(true);
  });

  it('days apart, only when the texts share more the further apart they are', () => {
    const apart = (n: number, content: Partial<Features>) => close({ near1: 0, near: 0, near7: n <= 7 ? 1 : 0, gap: gapOf(n), ...content });
    // A follow-up a week or two on that shares much of its text, its people and its place.
    const followUp = { cosine: 0.64, actors: 0.62, places: 0.75 };
    expect(contentSame(DEFAULT_MODEL, apart(6, followUp))).toBe(true);
    expect(contentSame(DEFAULT_MODEL, apart(FAR_DAYS, followUp))).toBe(true);
    expect(contentSame(DEFAULT_MODEL, apart(FAR_DAYS + 1, followUp))).toBe(false);
    // What the content regime calls one event two days apart, it does at a week but not at two, nor under FAR_MIN_COSINE.
    const fair = { cosine: 0.3, actors: 0.3, places: 0.5, neighbours: 0.3 };
    expect(contentSame(DEFAULT_MODEL, close(fair))).toBe(true);
    expect(contentSame(DEFAULT_MODEL, apart(7, fair))).toBe(true);
    expect(contentSame(DEFAULT_MODEL, apart(FAR_DAYS, fair))).toBe(false);
    expect(contentSame(DEFAULT_MODEL, apart(6, { ...followUp, cosine: FAR_MIN_COSINE - 0.01, neighbours: 1 }))).toBe(false);
    expect(contentSame(DEFAULT_MODEL, apart(6, { ...followUp, kindClash: 1 }))).toBe(false);
  });

  it('days apart, not when both name the same kind of happening on different days: the next primary', () => {
    const later = close({ near1: 0, near: 0, near7: 1, gap: gapOf(6), cosine: 0.5, actors: 0.6, places: 0.5, kindSame: 1 });
    expect(contentSame(DEFAULT_MODEL, { ...later, ledeDayClash: 1 })).toBe(false);
    expect(contentSame(DEFAULT_MODEL, { ...later, ledeDaySame: 1 })).toBe(true);
    expect(contentSame(DEFAULT_MODEL, { ...later, kindSame: 0 })).toBe(true);
    // A lede that names no day ("last week's earthquake"): a follow-up, unless the headlines name
    // two happenings (the next interview of a series names another person: `headClash`).
    expect(contentSame(DEFAULT_MODEL, later)).toBe(true);
    expect(decide(DEFAULT_MODEL, later).tier).toBe('same');
    expect(decide(DEFAULT_MODEL, { ...later, headClash: 1 }).tier).toBe('related');
    // Within NEAR_DAYS the content regime decides as before.
    expect(contentSame(DEFAULT_MODEL, close({ kindSame: 1, ledeDayClash: 1 }))).toBe(true);
  });

  it('not when they share fewer words than the dated regime’s floor, whatever the content regime’s own floor', () => {
    // A content regime fitted with no floor, that joins on shared neighbours alone.
    const loose: MatchModel = { ...DEFAULT_MODEL, minCosine: 0, weights: { ...DEFAULT_MODEL.weights, neighbours: 50 } };
    const thin = close({ cosine: 0.01, neighbours: 1 });
    expect(decide({ ...loose, dated: undefined }, thin).tier).toBe('same');
    expect(contentSame(loose, thin)).toBe(false);
    expect(contentSame(loose, close({ neighbours: 1 }))).toBe(true);
  });
});

describe('storyRelated', () => {
  // Two dated articles three weeks apart whose ledes put their happenings on different days: the
  // dated regime calls no such pair the same event, nor related.
  const apart = (content: Partial<Features>): Features => ({
    ...(Object.fromEntries(FEATURES.map((f) => [f, 0])) as Features),
    gap: gapOf(21),
    ledeDayClash: 1,
    ...content,
  });
  // Much of their text, people, places and headline words in common, and shared close matches.
  const strong = apart({ cosine: 0.64, actors: 0.62, places: 0.75, headCos: 0.52, neighbours: 0.5 });
  const weak = apart({ cosine: 0.12, places: 0.3, headCos: 0.1 });

  it('shows a pair weeks apart whose texts are one story as related, never as the same event', () => {
    expect(scorePair(DEFAULT_MODEL.dated!, strong)).toBeLessThan(DEFAULT_MODEL.dated!.related);
    expect(storyRelated(DEFAULT_MODEL, strong)).toBe(true);
    expect(decide(DEFAULT_MODEL, strong).tier).toBe('related');
  });

  it('leaves out a pair weeks apart that shares little, and undated pairs to their regime', () => {
    expect(storyRelated(DEFAULT_MODEL, weak)).toBe(false);
    expect(decide(DEFAULT_MODEL, weak).tier).toBe('none');
    expect(storyRelated(DEFAULT_MODEL, { ...strong, undated: 1 })).toBe(false);
  });
});

describe('sharesHappening', () => {
  // Two dated stories of one country a day apart, sharing its place and its common words only.
  const placeOnly = (f: Partial<Features>): Features => ({
    ...(Object.fromEntries(FEATURES.map((k) => [k, 0])) as Features),
    cosine: 0.17,
    places: 1,
    dateMatch: 1,
    datesSaid: 1,
    near1: 1,
    near: 1,
    near7: 1,
    cosNear: 0.17,
    placesNear: 1,
    cosNear1: 0.17,
    neighbours: 0.8,
    headCos: 0.04,
    ...f,
  });
  // A dated regime that calls anything "same" that passes its floor.
  const eager: MatchModel = { ...DEFAULT_MODEL, dated: { ...DEFAULT_MODEL.dated!, same: 0, related: 0 } };

  it('a place and neighbouring days are not enough for "same"; the pair stays related', () => {
    expect(sharesHappening(placeOnly({}))).toBe(false);
    expect(decide(eager, placeOnly({})).tier).toBe('related');
  });

  it('a person or organisation, the headline and lede, or much of the text in common are', () => {
    for (const f of [{ actors: 0.2 }, { headCos: 0.3 }, { cosine: 0.4 }]) {
      expect(sharesHappening(placeOnly(f))).toBe(true);
      expect(decide(eager, placeOnly(f)).tier).toBe('same');
    }
  });

  it('undated pairs are left to their regime', () => {
    expect(sharesHappening(placeOnly({ undated: 1 }))).toBe(true);
  });
});

describe('matchKey', () => {
  const org = (key: string, mentions: number): Actor => ({ key, name: key.slice(4), type: 'ORG', aliases: [], mentions, role: null });
  it('compares an organisation without the legal form at its end and without spaces, hyphens and dots', () => {
    expect(matchKey('ORG:sierra nevada corp.')).toBe(matchKey('ORG:sierra nevada corporation'));
    expect(matchKey('ORG:tyvak nano-satellite systems, inc.')).toBe(matchKey('ORG:tyvak nano-satellite systems'));
    expect(matchKey('ORG:orbit beyond')).toBe(matchKey('ORG:orbitbeyond'));
    expect(matchKey('ORG:u.s. army')).toBe(matchKey('ORG:us army'));
    expect(matchKey('ORG:islamic state group')).toBe(matchKey('ORG:islamic state'));
    expect(matchKey('ORG:huawei technologies co., ltd.')).toBe(matchKey('ORG:huawei technologies'));
    expect(matchKey('ORG:acme l.l.c.')).toBe(matchKey('ORG:acme llc'));
  });

  it('matches a person on the surname, not on a generational suffix after it', () => {
    expect(matchKey('PER:patrick carlineo jr.')).toBe(matchKey('PER:carlineo'));
    expect(matchKey('PER:martin luther king jr')).toBe('PER~king');
    expect(matchKey('PER:james kennedy jr.')).not.toBe(matchKey('PER:patrick carlineo jr.'));
    // a regnal number is no generational suffix
    expect(matchKey('PER:john paul ii')).not.toBe(matchKey('PER:paul'));
    expect(samePerson('PER:carlineo jr.', 'PER:patrick carlineo')).toBe(true);
    // one surname, but a father and his son
    expect(samePerson('PER:donald trump', 'PER:donald trump jr.')).toBe(false);
    expect(samePerson('PER:patrick carlineo jr.', 'PER:patrick w. carlineo jr.')).toBe(true);
    expect(samePerson('PER:carlineo', 'PER:patrick carlineo jr.')).toBe(true);
  });

  it('keeps apart what only looks alike', () => {
    // a name that is nothing but a legal form keeps it; a legal form inside a name is part of it
    expect(matchKey('ORG:company')).not.toBe(matchKey('ORG:co'));
    expect(matchKey('ORG:group of seven')).not.toBe(matchKey('ORG:seven'));
    // "AG" is as often an attorney general as a German company's form, "SA" South Australia
    expect(matchKey('ORG:texas ag')).not.toBe(matchKey('ORG:texas'));
    expect(matchKey('ORG:cricket sa')).not.toBe(matchKey('ORG:cricket'));
    // a company named after its newspaper is not the newspaper
    expect(matchKey('ORG:new york times company')).not.toBe(matchKey('ORG:new york times'));
    expect(matchKey('ORG:washington post co.')).not.toBe(matchKey('ORG:washington post'));
    // another body, another type
    expect(matchKey('ORG:united nations security council')).not.toBe(matchKey('ORG:united nations'));
    expect(matchKey('ORG:sierra nevada corporation')).not.toBe(matchKey('LOC:sierra nevada'));
    expect(matchKey('LOC:sierra nevada')).toBe('LOC:sierra nevada');
  });

  it('so that two reports naming a company each their own way share it', () => {
    const a = computeFingerprint({ title: 'NASA picks landers', paragraphs: ['Sierra Nevada Corp. joins.'], published: '2019-11-18' }, [org('ORG:sierra nevada corp.', 2)], EMPTY_IDF);
    const b = computeFingerprint({ title: 'NASA adds five', paragraphs: ['Sierra Nevada Corporation joins.'], published: '2019-11-19' }, [org('ORG:sierra nevada corporation', 4)], EMPTY_IDF);
    const signals = pairSignals(prepare(b, EMPTY_IDF), prepare(a, EMPTY_IDF));
    expect(signals.features.actors).toBeGreaterThan(0.9);
    expect(signals.shared.actors).toHaveLength(1);
  });
});

describe('samePerson', () => {
  const actor = (key: string, mentions: number): Actor => ({ key, name: key.slice(4), type: 'PER', aliases: [], mentions, role: null });
  it('joins a surname to any name of it, and names whose given names agree', () => {
    expect(samePerson('PER:reid', 'PER:tara reid')).toBe(true);
    expect(samePerson('PER:donald j. trump', 'PER:donald trump')).toBe(true);
    expect(samePerson('PER:j. edgar hoover', 'PER:john edgar hoover')).toBe(true);
    expect(samePerson('ORG:bush foundation', 'ORG:bush foundation')).toBe(true);
  });

  it('keeps apart two people of one surname', () => {
    expect(samePerson('PER:jeb bush', 'PER:george w. bush')).toBe(false);
    expect(samePerson('PER:bill clinton', 'PER:hillary clinton')).toBe(false);
  });

  it('so that two articles about different Bushes share no actor', () => {
    const a = computeFingerprint({ title: 'Jeb Bush in Iowa', paragraphs: ['Jeb Bush spoke in Iowa.'], published: '2015-11-01' }, [actor('PER:jeb bush', 3)], EMPTY_IDF);
    const b = computeFingerprint({ title: 'George W. Bush library', paragraphs: ['George W. Bush opened a library.'], published: '2015-11-02' }, [actor('PER:george w. bush', 3)], EMPTY_IDF);
    const c = computeFingerprint({ title: 'Bush in Iowa', paragraphs: ['Bush spoke in Iowa.'], published: '2015-11-02' }, [actor('PER:bush', 2)], EMPTY_IDF);
    expect(pairSignals(prepare(a, EMPTY_IDF), prepare(b, EMPTY_IDF)).features.actors).toBe(0);
    expect(pairSignals(prepare(a, EMPTY_IDF), prepare(c, EMPTY_IDF)).features.actors).toBeGreaterThan(0.9);
    // An article naming both shares George W. Bush with one about him, whichever of the two it names most.
    const both = computeFingerprint(
      { title: 'Two Bushes', paragraphs: ['Jeb Bush and George W. Bush spoke.'], published: '2015-11-02' },
      [actor('PER:jeb bush', 5), actor('PER:george w. bush', 1)],
      EMPTY_IDF,
    );
    expect(pairSignals(prepare(both, EMPTY_IDF), prepare(b, EMPTY_IDF)).features.actors).toBeGreaterThan(0.9);
    expect(pairSignals(prepare(b, EMPTY_IDF), prepare(both, EMPTY_IDF)).features.actors).toBeGreaterThan(0.9);
    // What the panel says is shared is the person who matched, not the one named most.
    const georgeMost = computeFingerprint(
      { title: 'Two Bushes', paragraphs: ['George W. Bush and Jeb Bush spoke.'], published: '2015-11-02' },
      [actor('PER:george w. bush', 5), actor('PER:jeb bush', 1)],
      EMPTY_IDF,
    );
    expect(pairSignals(prepare(georgeMost, EMPTY_IDF), prepare(a, EMPTY_IDF)).shared.actors).toEqual(['PER:jeb bush']);
    expect(pairSignals(prepare(both, EMPTY_IDF), prepare(b, EMPTY_IDF)).shared.actors).toEqual(['PER:george w. bush']);
  });
});

describe('rankCandidates', () => {
  // Of 1,000 articles, 'PER:rare' is held by 2, each LOC key by 500, the day key by 3.
  const keys = ['PER:rare', 'LOC:a', 'LOC:b', 'LOC:c', 'd:100'];
  const hits = [
    { ids: [1], total: 2 },
    { ids: [2, 1], total: 500 },
    { ids: [2], total: 500 },
    { ids: [2], total: 500 },
    { ids: [3], total: 3 },
  ];

  it("'keys': most keys in common first", () => {
    expect(rankCandidates(keys, hits, 1000, new Set(), 'keys')).toEqual([2, 1, 3]);
  });

  it("'keys': among equals, the articles of the days around first, then the source's order", () => {
    const h = [
      { ids: [7, 8], total: 2 },
      { ids: [9, 8], total: 2 },
      { ids: [9], total: 1 },
    ];
    expect(rankCandidates(['t:a', 't:b', 'd:5'], h, 10, new Set(), 'keys')).toEqual([9, 8, 7]);
    expect(rankCandidates(['t:a', 't:b', 't:c'], h, 10, new Set(), 'keys')).toEqual([8, 9, 7]);
  });

  it("'idf': a key few articles have outweighs several that many have", () => {
    // 1: ln 501 + ln 3 = 7.3; 3: ln 334.3 = 5.8; 2: 3 ln 3 = 3.3.
    expect(rankCandidates(keys, hits, 1000, new Set(), 'idf')).toEqual([1, 3, 2]);
  });

  it('leaves out the excluded ids', () => {
    expect(rankCandidates(keys, hits, 1000, new Set([1]), 'idf')).toEqual([3, 2]);
    expect(rankCandidates(keys, hits, 1000, new Set([2]), 'keys')).toEqual([1, 3]);
  });
});

describe('IDF table', () => {
  it('round-trips through the file format', () => {
    const file = buildIdfFile(
      10,
      new Map([
        ['quake', 3],
        ['the', 9],
        ['rare', 1],
        ['iran', 3],
      ]),
    );
    expect(file.terms).toBe('the iran quake');
    expect(file.runs).toEqual([9, 1, 3, 2]);
    const t = loadIdfTable(JSON.stringify(file));
    expect(t.df('iran')).toBe(3);
    expect(t.df('rare')).toBe(0);
    expect(idf(t, 'rare')).toBeGreaterThan(idf(t, 'quake'));
    expect(idf(t, 'quake')).toBeGreaterThan(idf(t, 'the'));
  });
  it('rejects bad input with a clear message', () => {
    const good = { format: 'backstory-idf', version: 1, docs: 5, terms: 'a b', runs: [3, 1, 1, 1] };
    expect(() => loadIdfTable('{not json')).toThrow(/not valid JSON/);
    expect(() => loadIdfTable([])).toThrow(/JSON object/);
    expect(() => loadIdfTable({ ...good, format: 'x' })).toThrow(/format/);
    expect(() => loadIdfTable({ ...good, version: 2 })).toThrow(/version/);
    expect(() => loadIdfTable({ ...good, docs: 0 })).toThrow(/docs/);
    expect(() => loadIdfTable({ ...good, runs: [3, 1] })).toThrow(/runs cover 1 terms/);
    expect(() => loadIdfTable({ ...good, runs: [3, 3] })).toThrow(/more terms/);
    expect(() => loadIdfTable({ ...good, runs: [1, 1, 3, 1] })).toThrow(/decreasing/);
    expect(() => loadIdfTable({ ...good, runs: [9, 2] })).toThrow(/df 9/);
    expect(() => loadIdfTable({ ...good, terms: 'a a', runs: [3, 2] })).toThrow(/twice/);
    expect(loadIdfTable(good).df('b')).toBe(1);
  });
  it('loads the shipped table', () => {
    expect(shipped.docs).toBeGreaterThan(1000);
    expect(shipped.size).toBeLessThanOrEqual(40_000);
    expect(shipped.df('said')).toBe(0); // a stop word is not a term
    expect(shipped.df('government')).toBeGreaterThan(100);
  });
  it('layers the archive counts on the shipped ones', () => {
    const base = loadIdfTable({ format: 'backstory-idf', version: 1, docs: 10, terms: 'quake', runs: [2, 1] });
    const l = new LayeredIdf(base);
    l.add(['quake', 'qeshm', 'quake']);
    l.add(['qeshm']);
    expect(l.docs).toBe(12);
    expect(l.df('quake')).toBe(3);
    expect(l.df('qeshm')).toBe(2);
    l.remove(['qeshm']);
    expect(l.df('qeshm')).toBe(1);
    const back = LayeredIdf.fromJSON(base, JSON.parse(JSON.stringify(l.toJSON())) as { docs: number; df: Record<string, number> });
    expect(back.docs).toBe(11);
    expect(back.df('quake')).toBe(3);
  });
});

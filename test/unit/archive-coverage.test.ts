import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveStats, deleteArticles, restoreArticles, saveArticle } from '../../lib/archive/articles';
import { ArchiveIdf, earlierCoverage, fillFingerprints, fingerprintOf, namer, placeFormOf, repeats, shortFormOf, wordings } from '../../lib/archive/coverage';
import { ArchiveDB } from '../../lib/archive/db';
import { archiveFacets, parseSearch, searchArticles as search, tagArticles } from '../../lib/archive/search';
import { TERM_SNAPSHOT } from '../../lib/archive/rows';
import { readTermCounts } from '../../lib/archive/terms';
import { loadIdfTable } from '../../lib/events/idf';
import type { Actor, Analysis, Article, Claim } from '../../lib/types';

interface FixtureArticle {
  id: string;
  title: string;
  published: string;
  paragraphs: string[];
  actors: Actor[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/events/earthquakes.json', import.meta.url), 'utf8')) as { articles: FixtureArticle[] };
const byId = (id: string) => fixture.articles.find((a) => a.id === id)!;
const shipped = loadIdfTable(readFileSync(new URL('../../public/models/idf.json', import.meta.url), 'utf8'));

let db: ArchiveDB;
let idf: ArchiveIdf;
let n = 0;

function articleOf(f: FixtureArticle, publisher = 'Example News'): Article {
  return {
    url: `https://news.example/${f.id}`,
    pageUrl: `https://news.example/${f.id}`,
    title: f.title,
    byline: null,
    publisher,
    aggregator: null,
    published: f.published,
    lang: 'en',
    excerpt: null,
    wordCount: f.paragraphs.join(' ').split(/\s+/).length,
    paragraphs: f.paragraphs,
    truncated: false,
  };
}

function quote(id: string, speaker: string, speakerKey: string, text: string): Claim {
  return { id, spans: [{ paragraph: 0, start: 0, end: 5 }], text, kind: 'quote', speaker, speakerKey, cue: 'said', checkworthiness: 0.5, checkworthy: true, unverified: false, signals: [] };
}

async function analysisOf(f: FixtureArticle, claims: Claim[] = []): Promise<Analysis> {
  const fingerprint = await fingerprintOf(idf, { title: f.title, paragraphs: f.paragraphs, published: f.published, actors: f.actors });
  return { actors: f.actors, mentions: [], claims, fingerprint, timings: {} };
}

async function save(f: FixtureArticle, claims: Claim[] = [], publisher?: string) {
  return saveArticle(db, articleOf(f, publisher), await analysisOf(f, claims), Date.parse(f.published) + 3600_000);
}

/** The archive's count of a term, as stored (snapshot and log). */
async function termCount(term: string): Promise<number | undefined> {
  return (await readTermCounts(db)).counts.get(term);
}

beforeEach(() => {
  db = new ArchiveDB(`coverage-${++n}`);
  idf = new ArchiveIdf(db, shipped);
});
afterEach(async () => {
  await db.delete();
});

describe('earlier coverage from the archive', () => {
  it('puts the same event on the timeline and leaves out another event of the same kind', async () => {
    const a = await save(byId('qeshm-a'));
    const other = await save(byId('aquila'));
    const b = byId('qeshm-b');
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(b)).fingerprint!, actors: b.actors });
    expect(cov.archived).toBe(2);
    expect(cov.same.map((i) => i.id)).toEqual([a.id]);
    // Where the time went, in the order the steps run.
    const at = cov.at!;
    expect(at.keys).toBeGreaterThan(0);
    expect(at.keys).toBeLessThanOrEqual(at.rows);
    expect(at.rows).toBeLessThanOrEqual(at.scored);
    expect(at.scored).toBeLessThanOrEqual(cov.ms);
    expect(cov.same.concat(cov.related).map((i) => i.id)).not.toContain(other.id);
    const item = cov.same[0]!;
    expect(item).toMatchObject({ title: byId('qeshm-a').title, publisher: 'Example News', tier: 'same', url: 'https://news.example/qeshm-a' });
    expect(item.shared.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Qeshm', 'Dargahan']));
    // "Karimi" in the article being read names the governor the earlier piece called in full.
    expect(item.shared.actors.map((p) => p.key)).toContain('PER:mohammad reza karimi');
  });

  it('orders the timeline by the articles’ own dates, not by when they were saved', async () => {
    const later = await save(byId('qeshm-b'));
    const earlier = await save(byId('qeshm-a'));
    const q = byId('qeshm-a');
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(q)).fingerprint!, actors: q.actors, excludeId: earlier.id });
    expect(cov.same.map((i) => i.id)).toEqual([later.id]);
    // The 29 November report came after the one being read: "This article" stands before it.
    expect(cov.before).toBe(0);
    expect(cov.hereDate).toBe(Date.parse('2005-11-28'));
    // Now read a third report: both are on the timeline, the 28 November one first.
    const third = { ...byId('qeshm-b'), id: 'qeshm-c', published: '2005-11-30', title: 'Qeshm quake: aid reaches Dargahan' };
    const cov3 = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(third)).fingerprint!, actors: third.actors });
    expect(cov3.same.map((i) => i.id)).toEqual([earlier.id, later.id]);
    expect(cov3.same[0]!.date).toBeLessThan(cov3.same[1]!.date);
    expect(cov3.before).toBe(2);
  });

  it('places this article between an earlier and a later report, and lists nothing as both shared and new', async () => {
    const a = await save(byId('qeshm-a'));
    const who: Actor = { key: 'ORG:world health organization', name: 'World Health Organization', type: 'ORG', aliases: [], mentions: 3, role: null };
    const hormozgan: Actor = { key: 'LOC:hormozgan', name: 'Hormozgan', type: 'LOC', aliases: [], mentions: 2, role: null };
    const laterFx = { ...byId('qeshm-b'), id: 'qeshm-later', published: '2005-12-01', title: 'Qeshm quake: the WHO sends tents', actors: [...byId('qeshm-b').actors, who, hormozgan] };
    laterFx.paragraphs = [...laterFx.paragraphs, 'The World Health Organization sent tents to Hormozgan province.'];
    const later = await save(laterFx);
    // The article read names Hormozgan first; the later report brings in only the WHO.
    const b = { ...byId('qeshm-b'), actors: [...byId('qeshm-b').actors, hormozgan] };
    b.paragraphs = [...b.paragraphs, 'Hormozgan province declared three days of mourning.'];
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(b)).fingerprint!, actors: b.actors });
    expect(cov.same.map((i) => i.id)).toEqual([a.id, later.id]);
    expect(cov.before).toBe(1);
    expect(cov.newHere.actors.map((x) => x.key)).toEqual(['LOC:hormozgan']);
    expect(cov.same[1]!.added.map((x) => x.key)).toEqual(['ORG:world health organization']);
    for (const it of cov.same) {
      const added = new Set(it.added.map((x) => x.key));
      expect([...it.shared.actors, ...it.shared.places].filter((x) => added.has(x.key))).toEqual([]);
    }
  });

  it('leaves the article itself out of its own coverage', async () => {
    const a = await save(byId('qeshm-a'));
    const f = byId('qeshm-a');
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(f)).fingerprint!, actors: f.actors, excludeId: a.id });
    expect(cov.same).toEqual([]);
    expect(cov.related).toEqual([]);
  });

  it('lists earlier statements by the people in the article, newest first, not the article’s own', async () => {
    const a = byId('qeshm-a');
    const saved = await save(a, [quote('q1', 'Mohammad Reza Karimi', 'PER:mohammad reza karimi', '“About 400 homes were damaged,” he said.')]);
    const b = byId('qeshm-b');
    const reader = [...b.actors, { key: 'PER:mohammad reza karimi', name: 'Mohammad Reza Karimi', type: 'PER' as const, aliases: [], mentions: 5, role: null }];
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(b)).fingerprint!, actors: reader });
    expect(cov.statements).toHaveLength(1);
    expect(cov.statements[0]).toMatchObject({ articleId: saved.id, speaker: 'Mohammad Reza Karimi', kind: 'quote', title: a.title, status: null });
    const own = await earlierCoverage(db, idf, { fingerprint: saved.fingerprint!, actors: reader, excludeId: saved.id });
    expect(own.statements).toEqual([]);
  });

  it('lists the statements of an undated article after the dated ones, marked as dated by their saving', async () => {
    const a = byId('qeshm-a');
    const dated = await save(a, [quote('q1', 'Mohammad Reza Karimi', 'PER:mohammad reza karimi', '“About 400 homes were damaged,” he said.')]);
    const undatedFx = { ...byId('qeshm-b'), id: 'qeshm-undated' };
    // Saved long after the dated one, with no publication date of its own.
    const undated = await saveArticle(
      db,
      { ...articleOf(undatedFx), published: null },
      // (as many as a speaker's list holds: they must not crowd out the dated one)
      await analysisOf(
        undatedFx,
        ['Friday', 'Saturday', 'Sunday'].map((d, i) => quote(`u${i + 1}`, 'Mohammad Reza Karimi', 'PER:mohammad reza karimi', `“The roads will open by ${d},” he said.`)),
      ),
      Date.parse('2026-01-01'),
    );
    const reader = [{ key: 'PER:mohammad reza karimi', name: 'Mohammad Reza Karimi', type: 'PER' as const, aliases: [], mentions: 5, role: null }];
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(byId('aquila'))).fingerprint!, actors: reader });
    expect(cov.statements.map((x) => [x.articleId, x.undated ?? false])).toEqual([
      [dated.id, false],
      [undated.id, true],
      [undated.id, true],
    ]);
  });

  it('lists what a speaker said on the article’s story before their newer words on other matters', async () => {
    const karimi = (id: string, text: string) => quote(id, 'Mohammad Reza Karimi', 'PER:mohammad reza karimi', text);
    // (the second shares no word with the article read, but its article reports the same quake)
    const onStory = await save(byId('qeshm-a'), [
      karimi('q1', '“The earthquake destroyed homes in seven villages on Qeshm island,” Karimi said.'),
      karimi('q2', '“We thank everyone who came,” Karimi said.'),
    ]);
    // Newer articles in which he speaks of other things, more of them than a speaker's list holds.
    const other = [];
    for (const [i, topic] of ['the stadium budget vote', 'the ferry timetable', 'the school canteen tender', 'the new bus lanes'].entries()) {
      const f = { ...byId('aquila'), id: `other-${i}`, published: `2012-0${i + 1}-10` };
      other.push(await save(f, [karimi(`o${i}`, `“We will settle ${topic} before spring,” Karimi said.`)]));
    }
    const reader = [{ key: 'PER:mohammad reza karimi', name: 'Mohammad Reza Karimi', type: 'PER' as const, aliases: [], mentions: 5, role: null }];
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(byId('qeshm-b'))).fingerprint!, actors: reader });
    expect(cov.same.map((x) => x.id)).toEqual([onStory.id]);
    expect(cov.statements.map((x) => [x.articleId, x.claimId, x.onStory ?? false])).toEqual([
      [onStory.id, 'q1', true],
      [onStory.id, 'q2', true],
      [other[3]!.id, 'o3', false],
    ]);
    // On other matters, three at most in all: here from three more speakers, one each.
    const more = ['PER:ana ruiz', 'PER:tom vale', 'PER:liu wen'];
    await save({ ...byId('aquila'), id: 'other-more', published: '2013-01-10' }, [...more.map((k, i) => quote(`m${i}`, k, k, `“We will settle the ferry timetable ${i} before spring,” she said.`))]);
    const speakers = [...reader, ...more.map((key) => ({ key, name: key.slice(4), type: 'PER' as const, aliases: [], mentions: 4, role: null }))];
    const wider = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(byId('qeshm-b'))).fingerprint!, actors: speakers });
    expect(wider.statements.map((x) => x.claimId)).toEqual(['q1', 'q2', 'm0', 'm1', 'm2']);
    // one a speaker first: a prolific one does not take every place
    await save(
      { ...byId('aquila'), id: 'ruiz-more', published: '2014-01-10' },
      [0, 1, 2].map((i) => quote(`r${i}`, 'PER:ana ruiz', 'PER:ana ruiz', `“The bus lanes ${i} will open before spring,” she said.`)),
    );
    const prolific = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(byId('qeshm-b'))).fingerprint!, actors: [...reader, ...speakers.slice(1, 2)] });
    expect(prolific.statements.map((x) => x.claimId)).toEqual(['q1', 'q2', 'r0', 'r1', 'o3']);
  });

  it('leaves out a statement another article reports in the same words as this one', async () => {
    const a = byId('qeshm-a');
    const line = '“About 400 homes were damaged and the clinic in Dargahan is closed,” he said.';
    const other = '“The roads to the villages will open by Friday,” he said.';
    const saved = await save(a, [quote('q1', 'Mohammad Reza Karimi', 'PER:mohammad reza karimi', line), quote('q2', 'Mohammad Reza Karimi', 'PER:mohammad reza karimi', other)]);
    const b = byId('qeshm-b');
    const reader = [...b.actors, { key: 'PER:mohammad reza karimi', name: 'Mohammad Reza Karimi', type: 'PER' as const, aliases: [], mentions: 5, role: null }];
    const fp = (await analysisOf(b)).fingerprint!;
    // The article read quotes the first line itself, attributed otherwise.
    const claims = [{ text: '“About 400 homes were damaged and the clinic in Dargahan is closed,” the governor, Mohammad Reza Karimi, told reporters.' }];
    const cov = await earlierCoverage(db, idf, { fingerprint: fp, actors: reader, claims });
    expect(cov.statements.map((x) => [x.articleId, x.claimId])).toEqual([[saved.id, 'q2']]);
    expect((await earlierCoverage(db, idf, { fingerprint: fp, actors: reader })).statements).toHaveLength(2);
  });

  it('takes for a repeat only the same words, numbers and negation on both sides', () => {
    const own = wordings([{ text: 'Smith said he would not resign from the harbour board before the budget vote in Brakia.' }]);
    expect(repeats('“I will not resign from the harbour board before the budget vote in Brakia,” Smith said.', own)).toBe(true);
    // a reversal, another number, or a longer statement that holds the short one are other statements
    expect(repeats('Smith said he would resign from the harbour board before the budget vote in Brakia.', own)).toBe(false);
    const toll = wordings([{ text: 'The death toll from the dam collapse had risen to 39 people, officials said.' }]);
    expect(repeats('The death toll from the dam collapse had risen to 12 people, officials said.', toll)).toBe(false);
    expect(repeats('The death toll from the dam collapse had risen to 39 people, and the inquiry into its builders will open in Brakia next week.', toll)).toBe(false);
    expect(repeats('Damaged homes', wordings([{ text: 'Damaged homes' }]))).toBe(false);
  });

  it('lists no statements of a news organisation the article only cites', async () => {
    await save(byId('qeshm-a'), [quote('r1', 'Reuters', 'ORG:reuters', 'Reuters reported that 400 homes were damaged.')]);
    const b = byId('qeshm-b');
    const wire = (outlet: boolean): Actor => ({ key: 'ORG:reuters', name: 'Reuters', type: 'ORG', aliases: ['Reuters'], mentions: 3, role: null, ...(outlet ? { outlet: true as const } : {}) });
    const fp = (await analysisOf(b)).fingerprint!;
    expect((await earlierCoverage(db, idf, { fingerprint: fp, actors: [...b.actors, wire(false)] })).statements.map((x) => x.speaker)).toEqual(['Reuters']);
    expect((await earlierCoverage(db, idf, { fingerprint: fp, actors: [...b.actors, wire(true)] })).statements).toEqual([]);
  });

  it('finds a speaker’s other statements when the article itself holds many of their newest', async () => {
    const a = byId('qeshm-a');
    const b = byId('qeshm-b');
    expect(Date.parse(b.published)).toBeGreaterThan(Date.parse(a.published));
    const karimi = (id: string, n: number) => quote(id, 'Mohammad Reza Karimi', 'PER:mohammad reza karimi', `“Damage report number ${n} is in,” he said.`);
    const older = await save(a, [karimi('q1', 1)]);
    // Fifteen statements in the newer article: more than one request's room for the article's own.
    const newer = await save(
      b,
      Array.from({ length: 15 }, (_, i) => karimi(`n${i}`, i + 2)),
    );
    const reader = [...b.actors, { key: 'PER:mohammad reza karimi', name: 'Mohammad Reza Karimi', type: 'PER' as const, aliases: [], mentions: 5, role: null }];
    const cov = await earlierCoverage(db, idf, { fingerprint: newer.fingerprint!, actors: reader, excludeId: newer.id });
    expect(cov.statements.map((x) => [x.articleId, x.claimId])).toEqual([[older.id, 'q1']]);
  });

  it('says what each piece brought in and what is new in this one', async () => {
    await save(byId('qeshm-a'));
    await save({
      ...byId('qeshm-b'),
      id: 'qeshm-later',
      published: '2005-11-29',
      actors: [...byId('qeshm-b').actors, { key: 'LOC:hormozgan', name: 'Hormozgan', type: 'LOC', aliases: [], mentions: 1, role: null }],
    });
    const b = { ...byId('qeshm-b') };
    b.actors = [...b.actors, { key: 'ORG:world health organization', name: 'World Health Organization', type: 'ORG', aliases: [], mentions: 2, role: null }];
    b.paragraphs = [...b.paragraphs, 'The World Health Organization sent tents and water purification kits.'];
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(b)).fingerprint!, actors: b.actors });
    expect(cov.same).toHaveLength(2);
    // The first report names everything first: nothing to say. The second brought in Hormozgan.
    expect(cov.same[0]!.added).toEqual([]);
    expect(cov.same[1]!.added.map((x) => x.key)).toEqual(['LOC:hormozgan']);
    expect(cov.newHere.actors.map((x) => x.name)).toContain('World Health Organization');
    expect(cov.newHere.actors.map((x) => x.key)).not.toContain('LOC:qeshm');
  });

  it('does not name the news organisations the pieces only cite, as brought in, shared or new', async () => {
    const wire = (mentions: number): Actor => ({ key: 'ORG:reuters', name: 'Reuters', type: 'ORG', aliases: ['Reuters'], mentions, role: null, outlet: true });
    const agency = (mentions: number): Actor => ({ key: 'ORG:brakia daily news', name: 'Brakia Daily News', type: 'ORG', aliases: [], mentions, role: null, outlet: true });
    await save({ ...byId('qeshm-a'), actors: [...byId('qeshm-a').actors, wire(1)] });
    const later = { ...byId('qeshm-b'), id: 'qeshm-later', published: '2005-11-29', actors: [...byId('qeshm-b').actors, wire(2), agency(2)] };
    later.paragraphs = [...later.paragraphs, 'Reuters reported the toll had risen, according to the Brakia Daily News.'];
    const saved = await save(later);
    // Compared like any name: the fingerprint keeps them, and says which they are.
    expect(saved.fingerprint!.actors.map(([k]) => k)).toEqual(expect.arrayContaining(['ORG:reuters', 'ORG:brakia daily news']));
    expect(saved.fingerprint!.outlets).toEqual(['ORG:brakia daily news', 'ORG:reuters']);
    const b = { ...byId('qeshm-b'), published: '2005-11-30', actors: [...byId('qeshm-b').actors, wire(3)] };
    b.paragraphs = [...b.paragraphs, 'Reuters said more tents were on the way, according to the same source.'];
    const fp = (await analysisOf(b)).fingerprint!;
    expect(fp.outlets).toEqual(['ORG:reuters']);
    const cov = await earlierCoverage(db, idf, { fingerprint: fp, actors: b.actors });
    expect(cov.same).toHaveLength(2);
    const all = [...cov.same.flatMap((x) => [...x.added, ...x.shared.actors]), ...cov.newHere.actors].map((x) => x.key);
    expect(all).not.toContain('ORG:reuters');
    expect(all).not.toContain('ORG:brakia daily news');
  });

  it('does not share a news organisation that only one of the two pieces cites', async () => {
    const reuters = (outlet: boolean): Actor => ({ key: 'ORG:reuters', name: 'Reuters', type: 'ORG', aliases: ['Reuters'], mentions: 2, role: null, ...(outlet ? { outlet: true as const } : {}) });
    const sharedOf = async (savedCites: boolean, readCites: boolean) => {
      const d = new ArchiveDB(`coverage-${++n}`);
      const i = new ArchiveIdf(d, shipped);
      try {
        const a = { ...byId('qeshm-a'), actors: [...byId('qeshm-a').actors, reuters(savedCites)] };
        await saveArticle(d, articleOf(a), { actors: a.actors, mentions: [], claims: [], fingerprint: await fingerprintOf(i, a), timings: {} }, Date.parse(a.published));
        const b = { ...byId('qeshm-b'), actors: [...byId('qeshm-b').actors, reuters(readCites)] };
        const cov = await earlierCoverage(d, i, { fingerprint: await fingerprintOf(i, b), actors: b.actors });
        expect(cov.same).toHaveLength(1);
        return cov.same[0]!.shared.actors.map((x) => x.key);
      } finally {
        await d.delete();
      }
    };
    expect(await sharedOf(false, false)).toContain('ORG:reuters');
    expect(await sharedOf(true, false)).not.toContain('ORG:reuters');
    expect(await sharedOf(false, true)).not.toContain('ORG:reuters');
  });

  it('leaves out of "new here" an outlet the article cites, also when its fingerprint was made before fingerprints said so', async () => {
    await save(byId('qeshm-a'));
    const wire: Actor = { key: 'ORG:reuters', name: 'Reuters', type: 'ORG', aliases: ['Reuters'], mentions: 2, role: null, outlet: true };
    const b = { ...byId('qeshm-b'), actors: [...byId('qeshm-b').actors, wire] };
    const { outlets: _outlets, ...old } = (await analysisOf(b)).fingerprint!;
    expect(_outlets).toEqual(['ORG:reuters']);
    expect(old.actors.map(([k]) => k)).toContain('ORG:reuters');
    const cov = await earlierCoverage(db, idf, { fingerprint: old, actors: b.actors });
    expect(cov.newHere.actors.map((x) => x.key)).not.toContain('ORG:reuters');
    // Named as an actor, it is new here.
    const plainB = { ...b, actors: [...byId('qeshm-b').actors, { ...wire, outlet: undefined }] };
    const cov2 = await earlierCoverage(db, idf, { fingerprint: old, actors: plainB.actors });
    expect(cov2.newHere.actors.map((x) => x.key)).toContain('ORG:reuters');
  });

  it('an organisation one piece names in full and another by its short name is brought in once, not new again', async () => {
    await save(byId('qeshm-a'));
    const full: Actor = { key: 'ORG:red crescent society of iran', name: 'Red Crescent Society of Iran', type: 'ORG', aliases: [], mentions: 2, role: null };
    const later = { ...byId('qeshm-b'), id: 'qeshm-later', published: '2005-11-29', actors: [...byId('qeshm-b').actors, full] };
    later.paragraphs = [...later.paragraphs, 'The Red Crescent Society of Iran sent tents to Dargahan.'];
    await save(later);
    const short: Actor = { key: 'ORG:red crescent society', name: 'Red Crescent Society', type: 'ORG', aliases: [], mentions: 3, role: null };
    const b = { ...byId('qeshm-b'), published: '2005-11-30', actors: [...byId('qeshm-b').actors, short] };
    b.paragraphs = [...b.paragraphs, 'The Red Crescent Society said more tents were on the way.'];
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(b)).fingerprint!, actors: b.actors });
    expect(cov.same).toHaveLength(2);
    expect(cov.same[1]!.added.map((x) => x.key)).toContain('ORG:red crescent society of iran');
    expect(cov.newHere.actors.map((x) => x.key)).not.toContain('ORG:red crescent society');
    // A body whose name goes on with another name is another body.
    expect(shortFormOf('ORG:united nations', 'ORG:united nations security council')).toBe(false);
    expect(shortFormOf('ORG:house', 'ORG:house of representatives')).toBe(true);
    // The legal forms the actor merging knows too (lib/nlp/org-words.ts).
    expect(shortFormOf('ORG:acme', 'ORG:acme holding')).toBe(true);
    expect(shortFormOf('ORG:acme', 'ORG:acme limited')).toBe(true);
  });

  it('a body one piece names with its city and the next without is brought in once, not new again', async () => {
    await save(byId('qeshm-a'));
    const full: Actor = { key: 'ORG:qeshm red crescent society', name: 'Qeshm Red Crescent Society', type: 'ORG', aliases: [], mentions: 2, role: null };
    const later = { ...byId('qeshm-b'), id: 'qeshm-later', published: '2005-11-29', actors: [...byId('qeshm-b').actors, full] };
    later.paragraphs = [...later.paragraphs, 'The Qeshm Red Crescent Society sent tents to Dargahan.'];
    await save(later);
    const short: Actor = { key: 'ORG:red crescent society', name: 'Red Crescent Society', type: 'ORG', aliases: [], mentions: 3, role: null };
    const b = { ...byId('qeshm-b'), published: '2005-11-30', actors: [...byId('qeshm-b').actors, short] };
    b.paragraphs = [...b.paragraphs, 'The Red Crescent Society said more tents were on the way.'];
    const fp = (await analysisOf(b)).fingerprint!;
    expect(fp.places.map(([k]) => k)).toContain('LOC:qeshm');
    const cov = await earlierCoverage(db, idf, { fingerprint: fp, actors: b.actors });
    expect(cov.same).toHaveLength(2);
    expect(cov.same[1]!.added.map((x) => x.key)).toContain('ORG:qeshm red crescent society');
    expect(cov.newHere.actors.map((x) => x.key)).not.toContain('ORG:red crescent society');
  });

  it("takes the words before a body's name for its place only when the event names that place", () => {
    const places = new Set(['LOC:hong kong']);
    expect(placeFormOf('ORG:polytechnic university', 'ORG:hong kong polytechnic university', places)).toBe(true);
    expect(placeFormOf('ORG:polytechnic university', 'ORG:manchester polytechnic university', places)).toBe(false);
    // one word is too little to go on: the Hong Kong police are not every police force
    expect(placeFormOf('ORG:police', 'ORG:hong kong police', places)).toBe(false);
    expect(placeFormOf('ORG:hong kong polytechnic university', 'ORG:polytechnic university', places)).toBe(false);
    // a body every level of government has is the place's own
    expect(placeFormOf('ORG:supreme court', 'ORG:texas supreme court', new Set(['LOC:texas']))).toBe(false);
    expect(placeFormOf('ORG:democratic party', 'ORG:texas democratic party', new Set(['LOC:texas']))).toBe(false);
  });

  it('an organisation one piece names with its legal form and another without it is brought in once, not new again', async () => {
    await save(byId('qeshm-a'));
    const formal: Actor = { key: 'ORG:tyvak nano-satellite systems, inc.', name: 'Tyvak Nano-Satellite Systems, Inc.', type: 'ORG', aliases: [], mentions: 2, role: null };
    const later = { ...byId('qeshm-b'), id: 'qeshm-later', published: '2005-11-29', actors: [...byId('qeshm-b').actors, formal] };
    later.paragraphs = [...later.paragraphs, 'Tyvak Nano-Satellite Systems, Inc. sent a satellite over Qeshm.'];
    await save(later);
    const plain: Actor = { key: 'ORG:tyvak nano-satellite systems', name: 'Tyvak Nano-Satellite Systems', type: 'ORG', aliases: [], mentions: 3, role: null };
    const b = { ...byId('qeshm-b'), published: '2005-11-30', actors: [...byId('qeshm-b').actors, plain] };
    b.paragraphs = [...b.paragraphs, 'Tyvak Nano-Satellite Systems said its images showed the damage.'];
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(b)).fingerprint!, actors: b.actors });
    expect(cov.same).toHaveLength(2);
    expect(cov.same[1]!.added.map((x) => x.key)).toContain('ORG:tyvak nano-satellite systems, inc.');
    expect(cov.newHere.actors.map((x) => x.key)).not.toContain('ORG:tyvak nano-satellite systems');
  });

  it('names what another piece brought in as that piece wrote it, not from its lower-case key', async () => {
    await save(byId('qeshm-a'));
    const unicef: Actor = { key: 'ORG:unicef', name: 'UNICEF', type: 'ORG', aliases: [], mentions: 2, role: null };
    const bandar: Actor = { key: 'LOC:bandar abbas', name: 'Bandar ‘Abbās', type: 'LOC', aliases: [], mentions: 1, role: null };
    const later = { ...byId('qeshm-b'), id: 'qeshm-later', published: '2005-11-29', actors: [...byId('qeshm-b').actors, unicef, bandar] };
    later.paragraphs = [...later.paragraphs, 'UNICEF flew blankets from Bandar ‘Abbās.'];
    const saved = await save(later);
    // Only the names the key does not give back are kept beside it.
    expect(saved.fingerprint!.names).toEqual(expect.arrayContaining([['ORG:unicef', 'UNICEF']]));
    expect(saved.fingerprint!.names!.map(([k]) => k)).not.toContain('LOC:qeshm');
    const b = byId('qeshm-b');
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(b)).fingerprint!, actors: b.actors });
    expect(cov.same).toHaveLength(2);
    const brought = cov.same[1]!.added.map((x) => x.name);
    expect(brought).toContain('UNICEF');
    expect(brought).not.toContain('Unicef');
  });
});

describe('names on the timeline', () => {
  const actor = (key: string, name: string, mentions = 1): Actor => ({ key, name, type: key.startsWith('LOC:') ? 'LOC' : key.startsWith('ORG:') ? 'ORG' : 'PER', aliases: [], mentions, role: null });
  const row = (names: [string, string][]) => ({ fingerprint: { v: 1 as const, day: null, terms: [], counts: [], actors: [], places: [], dates: [], keys: [], names } });
  const reader = [
    actor('PER:Hillary Rodham Clinton', 'Hillary Rodham Clinton', 9),
    actor('ORG:CNN', 'CNN', 2),
    actor('LOC:Zürich', 'Zürich'),
    actor('PER:Barack Obama', 'Barack Obama', 5),
    actor('PER:Biden', 'Biden'),
  ];

  it('gives an actor of the article being read the name it uses there', () => {
    const name = namer(reader, []);
    expect(name('ORG:cnn').name).toBe('CNN');
    expect(name('LOC:zurich').name).toBe('Zürich');
    expect(name('PER:hillary clinton').name).toBe('Hillary Rodham Clinton');
    expect(name('PER:obama').name).toBe('Barack Obama');
    // A shorter name is not given to a fuller one: "Biden" could be Jill Biden.
    expect(name('PER:jill biden').name).toBe('Jill Biden');
  });

  it('does not name another person of the same surname after the reader’s', () => {
    const name = namer(reader, [row([['PER:bill clinton', 'BILL CLINTON']])]);
    expect(name('PER:bill clinton').name).toBe('BILL CLINTON');
    expect(namer(reader, [])('PER:bill clinton').name).toBe('Bill Clinton');
    expect(namer(reader, [])('PER:michelle obama').name).toBe('Michelle Obama');
  });

  it('takes an earlier article’s name as written before one made from the key', () => {
    const name = namer([], [row([['ORG:gop', 'GOP']]), row([['ORG:gop', 'Gop']])]);
    expect(name('ORG:gop').name).toBe('GOP');
    expect(name('ORG:msnbc').name).toBe('Msnbc');
  });
});

describe('the archive’s own document frequencies', () => {
  it('count each saved article once, follow re-saves and deletes, and refresh the IDF cache', async () => {
    const f = byId('qeshm-a');
    await idf.load(['qeshm']);
    const before = idf.df('qeshm');
    const saved = await save(f);
    expect(await termCount('qeshm')).toBe(1);
    await idf.load(['qeshm']);
    expect(idf.df('qeshm')).toBe(before + 1);
    expect(idf.docs).toBe(shipped.docs + 1);
    // Saving the same URL again does not count it twice; a word removed from the text is uncounted.
    await saveArticle(db, { ...articleOf(f), paragraphs: f.paragraphs.map((p) => p.replace(/Dargahan/g, 'the village')) }, null, 5);
    expect(await termCount('qeshm')).toBe(1);
    expect(await termCount('dargahan')).toBeUndefined();
    const [removed] = await deleteArticles(db, [saved.id]);
    expect((await readTermCounts(db)).counts.size).toBe(0);
    await idf.load(['qeshm']);
    expect(idf.df('qeshm')).toBe(before);
    await restoreArticles(db, [removed!]);
    expect(await termCount('qeshm')).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it('are logged one row per save, and compacting the log into the snapshot changes no count', async () => {
    const a = await save(byId('qeshm-a'));
    await save(byId('aquila'));
    expect(await db.termLog.count()).toBe(2);
    await idf.load([]);
    const before = [...(await readTermCounts(db)).counts].sort();
    const dfBefore = idf.df('qeshm');
    await idf.compact();
    expect(await db.termLog.count()).toBe(0);
    expect((await db.termCounts.count()) > 0).toBe(true);
    expect((await db.meta.get(TERM_SNAPSHOT))?.seq).toBe(2);
    expect([...(await readTermCounts(db)).counts].sort()).toEqual(before);
    expect(idf.df('qeshm')).toBe(dfBefore);
    // After the compaction, changes go on in the log, on top of the snapshot.
    await deleteArticles(db, [a.id]);
    expect(await db.termLog.count()).toBe(1);
    expect(await termCount('qeshm')).toBeUndefined();
    await idf.load([]);
    expect(idf.df('qeshm')).toBe(dfBefore - 1);
  });

  it('stay exact in a context that did not write them, across another context’s compaction', async () => {
    // A second connection to the same database (another extension page, or a second worker).
    const other = new ArchiveDB(db.name);
    const otherIdf = new ArchiveIdf(other, shipped);
    try {
      await idf.load([]);
      const base = idf.df('qeshm');
      await saveArticle(other, articleOf(byId('qeshm-a')), await analysisOf(byId('qeshm-a')), 1);
      await idf.load([]);
      expect(idf.df('qeshm')).toBe(base + 1);
      expect(idf.docs).toBe(shipped.docs + 1);
      // The other context folds the log into a new snapshot and logs another save: this one
      // has not seen the folded rows' successor, so it reads everything again.
      await otherIdf.compact();
      await saveArticle(other, articleOf(byId('qeshm-b')), await analysisOf(byId('qeshm-b')), 2);
      await otherIdf.compact();
      await idf.load([]);
      expect(idf.df('qeshm')).toBe(base + 2);
      expect(idf.docs).toBe(shipped.docs + 2);
    } finally {
      other.close();
    }
  });

  it('keeps running totals, so statistics need no scan', async () => {
    const a = await save(byId('qeshm-a'));
    const b = await save(byId('aquila'));
    let stats = await archiveStats(db, undefined);
    expect(stats.articles).toBe(2);
    expect(stats.bytes).toBe(a.bytes + b.bytes);
    await deleteArticles(db, [a.id]);
    stats = await archiveStats(db, undefined);
    expect(stats).toMatchObject({ articles: 1, bytes: b.bytes });
  });
});

describe('search', () => {
  const searchArticles = (d: ArchiveDB, q: Parameters<typeof search>[2]) => search(d, idf, q);
  beforeEach(async () => {
    await save(byId('qeshm-a'), [], 'Iran Daily');
    await save(byId('qeshm-b'), [], 'Gulf Times');
    await save(byId('aquila'), [], 'Roma News');
  });

  it('finds every word, plural or not, and the start of the last one', async () => {
    const titles = async (text: string) => (await searchArticles(db, { text, offset: 0, limit: 50 })).items.map((i) => i.url.split('/').pop());
    expect(await titles('earthquakes')).toEqual(['aquila', 'qeshm-b', 'qeshm-a']);
    expect(await titles('earthquake Italy ')).toEqual(['aquila']);
    expect(await titles('Dargahan Qeshm flattened ')).toEqual(['qeshm-b']);
    expect(await titles('qesh')).toEqual(['qeshm-b', 'qeshm-a']);
    expect(await titles('Berlusconi')).toEqual(['aquila']);
    expect(await titles('Berlusconi qeshm')).toEqual([]);
  });

  it('combines words with filters', async () => {
    const q = { offset: 0, limit: 50 };
    expect((await searchArticles(db, { ...q, text: 'qeshm', publisher: 'Gulf Times' })).items.map((i) => i.publisher)).toEqual(['Gulf Times']);
    expect((await searchArticles(db, { ...q, actorKey: 'LOC:italy' })).total).toBe(1);
    expect((await searchArticles(db, { ...q, from: Date.parse('2005-11-29'), to: Date.parse('2005-12-31') })).items.map((i) => i.url)).toEqual(['https://news.example/qeshm-b']);
    expect((await searchArticles(db, { ...q, from: Date.parse('2010-01-01') })).total).toBe(0);
  });

  it('tags articles and filters by tag and by claim status', async () => {
    const { items } = await searchArticles(db, { text: 'qeshm ', offset: 0, limit: 50 });
    expect(
      await tagArticles(
        db,
        items.map((i) => i.id),
        ['  Iran Quake ', 'follow up'],
        [],
      ),
    ).toBe(2);
    expect(await tagArticles(db, [items[0]!.id], [], ['follow up'])).toBe(1);
    expect((await searchArticles(db, { tag: 'iran quake', offset: 0, limit: 50 })).total).toBe(2);
    expect((await searchArticles(db, { tag: 'follow up', offset: 0, limit: 50 })).items.map((i) => i.id)).toEqual([items[1]!.id]);
    expect(await archiveFacets(db)).toEqual({ publishers: ['Gulf Times', 'Iran Daily', 'Roma News'], tags: ['follow up', 'iran quake'] });
    expect((await searchArticles(db, { claimStatus: 'disputed', offset: 0, limit: 50 })).total).toBe(0);
  });

  it('says when the words are too common to search for', async () => {
    await expect(searchArticles(db, { text: 'the and of ', offset: 0, limit: 10 })).rejects.toThrow(/too common/);
    expect(parseSearch('Quakes in Ital')).toEqual({ words: ['quake'], prefix: 'ital', dropped: ['in'] });
  });
});

describe('fingerprints for records that have none', () => {
  it('are filled in by the background, after which the records are found', async () => {
    const f = byId('qeshm-a');
    const saved = await saveArticle(db, articleOf(f), { actors: f.actors, mentions: [], timings: {} }, 1);
    expect(await db.events.count()).toBe(0);
    expect(await fillFingerprints(db, idf)).toBe(1);
    expect((await db.articles.get(saved.id))?.fingerprint?.keys.length).toBeGreaterThan(0);
    expect(await fillFingerprints(db, idf)).toBe(0);
    const b = byId('qeshm-b');
    const cov = await earlierCoverage(db, idf, { fingerprint: (await analysisOf(b)).fingerprint!, actors: b.actors });
    expect(cov.same.map((i) => i.id)).toEqual([saved.id]);
  });
});

describe('the archive and the evaluation run the same matching', () => {
  it('gives the same results, scores and IDF through IndexedDB as through the in-memory source of `npm run eval -- events`', async () => {
    const { LayeredIdf } = await import('../../lib/events/idf');
    const { MemoryCandidateSource } = await import('../../lib/events/source');
    const { findEarlierCoverage } = await import('../../lib/events/match');
    const { documentTerms, computeFingerprint } = await import('../../lib/events/fingerprint');
    const docs = [byId('qeshm-a'), byId('aquila'), { ...byId('qeshm-b'), id: 'qeshm-b' }];
    const mem = new MemoryCandidateSource();
    const layered = new LayeredIdf(shipped);
    for (const d of docs) {
      const input = { title: d.title, paragraphs: d.paragraphs, published: d.published };
      // As in the extension and the eval's dated protocol: fingerprint first (analysis), then add (save).
      const inMemory = computeFingerprint(input, d.actors, layered);
      const saved = await save(d);
      expect(saved.fingerprint).toEqual(inMemory);
      mem.add(saved.id, inMemory);
      layered.add(documentTerms(input));
    }
    const q = { ...byId('qeshm-b'), id: 'q', published: '2005-11-30' };
    const fp = (await analysisOf(q)).fingerprint!;
    expect(fp).toEqual(computeFingerprint({ title: q.title, paragraphs: q.paragraphs, published: q.published }, q.actors, layered));
    const inMemory = await findEarlierCoverage(fp, mem, { idf: layered });
    const cov = await earlierCoverage(db, idf, { fingerprint: fp, actors: q.actors });
    expect(inMemory.length).toBeGreaterThan(0);
    expect([...cov.same, ...cov.related].map((c) => [c.id, c.tier, c.score.toFixed(12)]).sort()).toEqual(inMemory.map((c) => [c.id, c.tier, c.score.toFixed(12)]).sort());
  });
});

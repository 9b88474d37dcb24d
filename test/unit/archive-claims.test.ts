import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteArticle, restoreArticle, saveArticle } from '../../lib/archive/articles';
import { claimSpeakers, cleanReview, listClaims, mergeClaims, reviewClaim } from '../../lib/archive/claims';
import { ArchiveDB } from '../../lib/archive/db';
import { speakerGroup } from '../../lib/archive/speakers';
import type { Analysis, Article, Claim } from '../../lib/types';
import { testArticle, testClaim } from '../support/builders';

let db: ArchiveDB;
let n = 0;

const article = (over: Partial<Article> = {}): Article =>
  testArticle({
    published: '2025-08-19T18:30:00.000Z',
    paragraphs: ['Sources said the deal was done. The minister said prices rose 5%.', '“We are ready,” she said.'],
    ...over,
  });

const claim = testClaim;

const unnamed = claim('c1', { unverified: true, signals: [{ code: 'unnamed-sources', reason: 'Attributed to unnamed sources', words: 'Sources said' }] });
const minister = claim('c2', { speaker: 'Jane Doe', speakerKey: 'PER:jane doe', spans: [{ paragraph: 0, start: 32, end: 64 }] });
const analysis = (claims: Claim[]): Analysis => ({ actors: [], mentions: [], claims, timings: {} });

beforeEach(() => {
  db = new ArchiveDB(`claims-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('claims in the archive', () => {
  it('indexes unverified claims on save, and reviewed ones once reviewed', async () => {
    const saved = await saveArticle(db, article(), analysis([unnamed, minister]), 1000);
    expect((await db.claims.toArray()).map((r) => [r.claimId, r.status, r.reviewed])).toEqual([['c1', 'unverified', false]]);
    await reviewClaim(db, saved.id, 'c2', { status: 'disputed', note: 'Figures say 3%', evidence: ['https://stats.example/cpi'] }, 2000);
    const rows = (await db.claims.toArray()).sort((x, y) => x.claimId.localeCompare(y.claimId));
    expect(rows.map((r) => [r.claimId, r.status, r.reviewed, r.speaker])).toEqual([
      ['c1', 'unverified', false, ''],
      ['c2', 'disputed', true, 'Jane Doe'],
    ]);
    const rec = await db.articles.get(saved.id);
    expect(rec!.claims!.find((c) => c.id === 'c2')!.review).toEqual({ status: 'disputed', note: 'Figures say 3%', evidence: ['https://stats.example/cpi'], updatedAt: 2000 });
    expect(rec!.updatedAt).toBe(2000);
  });

  it('keeps reviews when the article is read and saved again, even for a claim no longer found', async () => {
    const saved = await saveArticle(db, article(), analysis([unnamed, minister]), 1000);
    await reviewClaim(db, saved.id, 'c2', { status: 'verified', note: '', evidence: [] }, 2000);
    await saveArticle(db, article(), analysis([unnamed]), 3000); // the new analysis misses c2
    const rec = await db.articles.get(saved.id);
    expect(rec!.claims!.map((c) => [c.id, c.review?.status ?? null])).toEqual([
      ['c1', null],
      ['c2', 'verified'],
    ]);
    expect(await db.claims.count()).toBe(2);
  });

  it('clearing a review puts the claim back to what the text says; a missed claim goes away', async () => {
    const saved = await saveArticle(db, article(), analysis([unnamed]), 1000);
    await reviewClaim(db, saved.id, 'c1', { status: 'false', note: '', evidence: [] }, 2000);
    await reviewClaim(db, saved.id, 'c1', null, 2500);
    expect((await db.claims.get(`${saved.id}:c1`))!.status).toBe('unverified');
    const added = claim('m1', { missed: true, kind: 'factual', spans: [{ paragraph: 1, start: 0, end: 5 }] });
    await reviewClaim(db, saved.id, 'm1', { status: 'unverified', note: 'check this', evidence: [] }, 3000, added);
    expect((await db.articles.get(saved.id))!.claims!.map((c) => c.id)).toEqual(['c1', 'm1']);
    await reviewClaim(db, saved.id, 'm1', null, 4000);
    expect((await db.articles.get(saved.id))!.claims!.map((c) => c.id)).toEqual(['c1']);
    expect(await db.claims.get(`${saved.id}:m1`)).toBeUndefined();
  });

  it('refuses to review a claim the article does not have', async () => {
    const saved = await saveArticle(db, article(), analysis([unnamed]), 1000);
    await expect(reviewClaim(db, saved.id, 'nope', { status: 'verified', note: '', evidence: [] }, 2000)).rejects.toThrow(/no longer/);
    expect(await reviewClaim(db, 999, 'c1', { status: 'verified', note: '', evidence: [] }, 2000)).toBeNull();
  });

  it('removes the claims with their article and brings them back on undo', async () => {
    const saved = await saveArticle(db, article(), analysis([unnamed, minister]), 1000);
    await reviewClaim(db, saved.id, 'c2', { status: 'verified', note: '', evidence: [] }, 2000);
    const rec = await deleteArticle(db, saved.id);
    expect(await db.claims.count()).toBe(0);
    await restoreArticle(db, rec!);
    expect((await db.claims.toArray()).map((r) => r.claimId).sort()).toEqual(['c1', 'c2']);
  });

  it('lists claims across articles by status, speaker and date, newest article first', async () => {
    const a = await saveArticle(db, article({ url: 'https://n.example/a', published: '2025-01-10T00:00:00Z' }), analysis([unnamed, minister]), 1);
    const b = await saveArticle(db, article({ url: 'https://n.example/b', published: '2025-03-10T00:00:00Z' }), analysis([unnamed, minister]), 2);
    await reviewClaim(db, a.id, 'c2', { status: 'verified', note: '', evidence: [] }, 3);
    await reviewClaim(db, b.id, 'c2', { status: 'false', note: '', evidence: [] }, 4);
    const all = await listClaims(db, { offset: 0, limit: 10 });
    expect(all.total).toBe(4);
    expect(all.items.map((r) => r.articleId)).toEqual([b.id, b.id, a.id, a.id]);
    expect((await listClaims(db, { status: 'unverified', offset: 0, limit: 10 })).items.map((r) => r.articleId)).toEqual([b.id, a.id]);
    const jane = await listClaims(db, { speaker: 'Jane Doe', offset: 0, limit: 10 });
    expect(jane.items.map((r) => r.status)).toEqual(['false', 'verified']);
    const march = await listClaims(db, { from: Date.parse('2025-03-01'), to: Date.parse('2025-03-31'), offset: 0, limit: 10 });
    expect(march.items.every((r) => r.articleId === b.id)).toBe(true);
    expect(march.total).toBe(2);
    expect((await listClaims(db, { status: 'false', speaker: 'Jane Doe', offset: 0, limit: 1 })).items[0]!.article.url).toBe('https://n.example/b');
    expect(await claimSpeakers(db)).toEqual(['Jane Doe']);
  });

  it('lists speakers that differ only in case, plural or possessive once, and filters by the whole group', async () => {
    const said = (id: string, speaker: string) => claim(id, { speaker, speakerKey: null, unverified: true, text: `${speaker} claim ${id}` });
    await saveArticle(db, article({ url: 'https://n.example/a' }), analysis([said('c1', 'Officials'), said('c2', 'officials'), said('c3', 'Agency officials'), said('c4', 'Jane Doe')]), 1);
    await saveArticle(db, article({ url: 'https://n.example/b' }), analysis([said('c1', 'official’s'), said('c2', 'Officials'), said('c3', 'JANE DOE')]), 2);
    expect(await claimSpeakers(db)).toEqual(['Agency officials', 'Jane Doe', 'Officials']);
    const officials = await listClaims(db, { speaker: 'Officials', offset: 0, limit: 10 });
    expect(officials.items.map((r) => r.speaker).sort()).toEqual(['Officials', 'Officials', 'officials', 'official’s']);
    expect((await listClaims(db, { speaker: 'officials', offset: 0, limit: 10 })).total).toBe(4);
    expect((await listClaims(db, { speaker: 'Jane Doe', offset: 0, limit: 10 })).total).toBe(2);
    expect((await listClaims(db, { speaker: 'Agency officials', offset: 0, limit: 10 })).total).toBe(1);
  });
});

describe('speaker groups', () => {
  it('joins case, spacing, possessive and plural forms and keeps different words apart', () => {
    expect(speakerGroup('Officials')).toBe(speakerGroup('official'));
    expect(speakerGroup('the officials’')).toBe(speakerGroup('Officials'));
    expect(speakerGroup("Trump's")).toBe(speakerGroup('TRUMP'));
    expect(speakerGroup('  Health   ministries ')).toBe(speakerGroup('health ministry'));
    expect(speakerGroup('Agency officials')).not.toBe(speakerGroup('officials'));
    expect(speakerGroup('Boris Johnson')).not.toBe(speakerGroup('Boris'));
    // An "s" that belongs to the word stays: these are not plurals of anything.
    expect(speakerGroup('Paris')).toBe('paris');
    expect(speakerGroup('the boss')).toBe('boss');
    expect(speakerGroup('Census Bureau')).toBe('census bureau');
  });
});

describe('reviews from the UI', () => {
  it('accepts a status, a note and http(s) evidence links', () => {
    expect(cleanReview({ status: 'verified', note: '  ok  ', evidence: ['https://a.example/x', '', 'https://a.example/x'] })).toEqual({
      status: 'verified',
      note: 'ok',
      evidence: ['https://a.example/x'],
    });
  });
  it('rejects unknown statuses, scripts as links and oversized notes with a reason', () => {
    expect(() => cleanReview({ status: 'maybe' })).toThrow(/Choose a status/);
    expect(() => cleanReview({ status: 'false', evidence: ['javascript:alert(1)'] })).toThrow(/web addresses/);
    expect(() => cleanReview({ status: 'false', evidence: ['not a url'] })).toThrow(/not a web address/);
    expect(() => cleanReview({ status: 'false', note: 'x'.repeat(5001) })).toThrow(/too long/);
    expect(() => cleanReview(null)).toThrow(/empty/);
  });
  it('merges earlier reviews into a fresh analysis by claim id, in reading order', () => {
    const old = [{ ...minister, review: { status: 'verified' as const, note: '', evidence: [], updatedAt: 1 } }, claim('m', { missed: true, spans: [{ paragraph: 1, start: 0, end: 3 }] })];
    expect(mergeClaims([unnamed, minister], old).map((c) => [c.id, c.review?.status ?? null])).toEqual([
      ['c1', null],
      ['c2', 'verified'],
      ['m', null],
    ]);
  });
});

describe('a reviewed claim whose wording the analysis has since trimmed', () => {
  it('keeps its review on the same sentence, not beside it', () => {
    const review = { status: 'disputed' as const, note: 'no', evidence: [], updatedAt: 1 };
    const before = claim('old', { text: 'WASHINGTON (AP) — Two prison officers were charged on Tuesday.', spans: [{ paragraph: 2, start: 0, end: 62 }], review });
    const after = claim('new', { text: 'Two prison officers were charged on Tuesday.', spans: [{ paragraph: 2, start: 18, end: 62 }] });
    expect(mergeClaims([after], [before]).map((c) => [c.id, c.review?.status ?? null])).toEqual([['new', 'disputed']]);
    // Another paragraph's sentence is another claim: the review stays with the old one.
    const elsewhere = { ...after, spans: [{ paragraph: 5, start: 0, end: 44 }] };
    expect(mergeClaims([elsewhere], [before]).map((c) => [c.id, c.review?.status ?? null])).toEqual([
      ['old', 'disputed'],
      ['new', null],
    ]);
  });
});

describe('schema migration', () => {
  it('opens an archive written by version 1 and keeps every article', async () => {
    const name = `migrate-${++n}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ articles: '++id, &url, savedAt, published, publisher, *actorKeys' });
    const old = { ...article(), savedAt: 5, updatedAt: 5, actorKeys: ['PER:jane doe'], actors: [], bytes: 100 };
    await v1.table('articles').bulkAdd([old, { ...old, url: 'https://news.example/other' }]);
    v1.close();

    const v2 = new ArchiveDB(name);
    try {
      const rows = await v2.articles.orderBy('id').toArray();
      expect(v2.verno).toBe(7);
      expect(rows.map((r) => r.url)).toEqual(['https://news.example/story', 'https://news.example/other']);
      expect(rows[0]).toMatchObject({ title: 'A story', actorKeys: ['PER:jane doe'], bytes: 100 });
      expect(await v2.claims.count()).toBe(0);
      // A version 1 record (no claims) can be reviewed once the analysis supplies the claim.
      await expect(reviewClaim(v2, rows[0]!.id!, 'c1', { status: 'verified', note: '', evidence: [] }, 9, unnamed)).resolves.toMatchObject({ claims: [expect.objectContaining({ id: 'c1' })] });
      expect(await v2.claims.count()).toBe(1);
    } finally {
      await v2.delete();
    }
  });
});

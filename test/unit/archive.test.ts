import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorArchiveInfo, archiveStats, deleteArticle, deleteArticles, findByUrl, listArticles, restoreArticle, restoreArticles, saveArticle, saveMany } from '../../lib/archive/articles';
import { ArchiveDB } from '../../lib/archive/db';
import type { Analysis, Article } from '../../lib/types';
import { testArticle } from '../support/builders';
import { derivedOf, dumpArchive, rebuildFrom, sampleAnalysis, sampleArticle } from '../archive-consistency';

let db: ArchiveDB;
let n = 0;

const article = (over: Partial<Article> = {}): Article =>
  testArticle({ pageUrl: 'https://news.example/story?utm_source=x', byline: 'A. Writer', published: '2025-08-19T18:30:00.000Z', excerpt: 'First lines.', ...over });

const analysis: Analysis = {
  actors: [{ key: 'PER:keir starmer', name: 'Keir Starmer', type: 'PER', aliases: ['Sir Keir'], mentions: 2, role: null }],
  mentions: [],
  timings: {},
};

beforeEach(() => {
  db = new ArchiveDB(`test-archive-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('archive', () => {
  it('saves an article with its actors and finds it by URL', async () => {
    const saved = await saveArticle(db, article(), analysis, 1000);
    expect(saved.id).toBeTypeOf('number');
    const found = await findByUrl(db, 'https://news.example/story');
    expect(found?.title).toBe('A story');
    expect(found?.actorKeys).toEqual(['PER:keir starmer']);
    expect(found?.savedAt).toBe(1000);
    expect(found?.bytes).toBeGreaterThan(0);
    // The multi-entry index answers "which saved articles mention this actor".
    expect(await db.articles.where('actorKeys').equals('PER:keir starmer').count()).toBe(1);
  });

  it('updates instead of duplicating when the same URL is saved again', async () => {
    const first = await saveArticle(db, article(), analysis, 1000);
    const second = await saveArticle(db, article({ title: 'A story, updated' }), null, 2000);
    expect(second.id).toBe(first.id);
    expect(await db.articles.count()).toBe(1);
    const rec = await db.articles.get(first.id!);
    expect(rec?.title).toBe('A story, updated');
    expect(rec?.savedAt).toBe(1000);
    expect(rec?.updatedAt).toBe(2000);
    // Saved without a fresh analysis, it keeps the actors it had.
    expect(rec?.actorKeys).toEqual(['PER:keir starmer']);
  });

  it('lists newest saved first, with paging and a total', async () => {
    for (let i = 0; i < 5; i++) await saveArticle(db, article({ url: `https://news.example/${i}`, title: `Story ${i}` }), null, 1000 + i);
    const page1 = await listArticles(db, 0, 2);
    expect(page1.total).toBe(5);
    expect(page1.items.map((i) => i.title)).toEqual(['Story 4', 'Story 3']);
    const page3 = await listArticles(db, 4, 2);
    expect(page3.items.map((i) => i.title)).toEqual(['Story 0']);
  });

  it('filters by actor through the actorKeys index, and summarises the main actors', async () => {
    await saveArticle(db, article({ url: 'https://news.example/1', title: 'With Starmer' }), analysis, 1);
    await saveArticle(db, article({ url: 'https://news.example/2', title: 'Without' }), { actors: [], mentions: [], timings: {} }, 2);
    await saveArticle(db, article({ url: 'https://news.example/3', title: 'Starmer again' }), analysis, 3);
    const only = await listArticles(db, 0, 10, 'PER:keir starmer');
    expect(only.total).toBe(2);
    expect(only.items.map((i) => i.title)).toEqual(['Starmer again', 'With Starmer']);
    expect(only.items[0]!.actors).toEqual([{ key: 'PER:keir starmer', name: 'Keir Starmer', type: 'PER' }]);
    expect((await listArticles(db, 0, 10, 'PER:nobody')).total).toBe(0);
    expect((await listArticles(db, 1, 10, 'PER:keir starmer')).items.map((i) => i.title)).toEqual(['With Starmer']);
    const info = await actorArchiveInfo(db, 'PER:keir starmer', 1);
    expect(info).toEqual({ count: 2, latest: [{ id: 3, title: 'Starmer again', url: 'https://news.example/3', savedAt: 3 }] });
  });

  it('deletes and restores exactly, and an undo never duplicates a re-saved article', async () => {
    const saved = await saveArticle(db, article(), analysis, 1000);
    const removed = await deleteArticle(db, saved.id!);
    expect(removed?.title).toBe('A story');
    expect(await db.articles.count()).toBe(0);
    expect(await deleteArticle(db, saved.id!)).toBeNull();
    const id = await restoreArticle(db, removed!);
    expect(id).toBe(saved.id);
    expect(await db.articles.get(id)).toEqual(removed);
    // Deleted, saved again, then "undo": the newer copy stays and there is still one record.
    await deleteArticle(db, id);
    const again = await saveArticle(db, article({ title: 'Newer' }), null, 5000);
    expect(await restoreArticle(db, removed!)).toBe(again.id);
    expect(await db.articles.count()).toBe(1);
    expect((await db.articles.get(again.id!))?.title).toBe('Newer');
  });

  it('counts articles and bytes, and survives a storage manager that throws', async () => {
    await saveArticle(db, article(), null, 1);
    await saveArticle(db, article({ url: 'https://news.example/2' }), null, 2);
    const stats = await archiveStats(db, { estimate: () => Promise.reject(new Error('not here')) });
    expect(stats.articles).toBe(2);
    expect(stats.bytes).toBeGreaterThan(100);
    expect(stats.usage).toBeNull();
    const withEstimate = await archiveStats(db, { estimate: async () => ({ usage: 42, quota: 1000 }), persisted: async () => true });
    expect(withEstimate).toMatchObject({ usage: 42, quota: 1000, persisted: true });
  });

  it('rejects a second record with the same URL at the database level', async () => {
    await saveArticle(db, article(), null, 1);
    const { id: _id, ...rec } = (await findByUrl(db, 'https://news.example/story'))!;
    await expect(db.transaction('rw', db.articles, db.outbox, () => db.articles.add({ ...rec }))).rejects.toMatchObject({ name: 'ConstraintError' });
  });
});

describe('saving, deleting and restoring many at once', () => {
  const entry = async (i: number, over: Partial<Article> = {}) => {
    const a = sampleArticle(i, over);
    return { article: a, analysis: await sampleAnalysis(a) };
  };
  /** The archive's tables without the term log's sequence numbers, which count writes, not contents. */
  const contents = async (d: ArchiveDB) => {
    const dump = await dumpArchive(d);
    expect(derivedOf(dump)).toEqual(rebuildFrom(dump.articles));
    return { ...dump, meta: dump.meta.filter((m) => m.key !== 'term-counts') };
  };

  it('gives the same archive as saving one by one, new articles and updates alike', async () => {
    const first = await Promise.all([1, 2, 3].map((i) => entry(i)));
    const second = await Promise.all([
      entry(2, { title: 'Report 2, corrected', paragraphs: ['Ferries will run again in June, officials said.', ...sampleArticle(2).paragraphs.slice(1)] }),
      entry(4),
      entry(5),
    ]);
    const other = new ArchiveDB(`test-archive-${++n}`);
    try {
      for (const e of first) await saveArticle(other, e.article, e.analysis, 100);
      for (const e of second) await saveArticle(other, e.article, e.analysis, 200);
      expect(await saveMany(db, first, 100)).toEqual([1, 2, 3]);
      expect(await saveMany(db, second, 200)).toEqual([2, 4, 5]);
      expect(await contents(db)).toEqual(await contents(other));
      expect((await findByUrl(db, sampleArticle(2).url))!.title).toBe('Report 2, corrected');
    } finally {
      await other.delete();
    }
  });

  it('saves a URL that comes twice in one batch once, the later entry updating the earlier', async () => {
    const twice = [await entry(1), await entry(2), await entry(1, { title: 'Report 1, updated' })];
    const ids = await saveMany(db, twice, 300);
    expect(ids[0]).toBe(ids[2]);
    const dump = await contents(db);
    expect(dump.articles.map((r) => r.title)).toEqual(['Report 1, updated', sampleArticle(2).title]);
    expect(dump.articles[0]!.savedAt).toBe(300);
    expect(dump.meta.find((m) => m.key === 'totals')).toMatchObject({ articles: 2 });
  });

  it('deletes several and restores them with every index row as before', async () => {
    await saveMany(db, await Promise.all([1, 2, 3, 4].map((i) => entry(i))), 100);
    const before = await contents(db);
    const gone = await deleteArticles(db, [2, 4, 4, 99]);
    expect(gone.map((r) => r.id)).toEqual([2, 4]);
    expect((await contents(db)).articles.map((r) => r.id)).toEqual([1, 3]);
    expect(await restoreArticles(db, gone)).toEqual([2, 4]);
    expect(await contents(db)).toEqual(before);
  });
});

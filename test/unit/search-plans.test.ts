/**
 * The search index (lib/archive/postings.ts) and search plans (lib/archive/search.ts): whatever the
 * state of the posting lists (articles pending, folded in, re-saved, deleted, a fold cut short, the
 * lists still being built after an upgrade) and whatever the plan, the answer is what a scan of
 * every article's search words gives.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteArticles, saveMany } from '../../lib/archive/articles';
import { ArchiveIdf } from '../../lib/archive/coverage';
import { buildPostings } from '../../lib/archive/postings';
import { ArchiveDB } from '../../lib/archive/db';
import { parseSearch, searchArticles } from '../../lib/archive/search';
import { POSTINGS } from '../../lib/archive/rows';
import { EMPTY_IDF } from '../../lib/events/idf';
import type { ArchiveQuery } from '../../lib/messaging/protocol';
import type { Article } from '../../lib/types';
import { derivedOf, dumpArchive, rebuildFrom, sampleAnalysis, sampleArticle } from '../archive-consistency';
import { withLayer } from '../support/dexie-layer';

let n = 0;
let db: ArchiveDB;
let idf: ArchiveIdf;
/** Reads of the posting lists (terms asked for) and of search rows (how many), since the last reset. */
let postingReads: string[] = [];
let searchRowReads = 0;
/** When set, the posting-list write after this many lets through fails (a worker stopped mid-fold). */
let failPostingWrite: number | null = null;

function instrumented(d: ArchiveDB): ArchiveDB {
  return withLayer(d, 'count-reads', {
    getMany(table, req) {
      if (table === 'postings') postingReads.push(...(req.keys as string[]));
      else if (table === 'search') searchRowReads += req.keys.length;
    },
    mutate(table, req, down) {
      if (table === 'postings' && failPostingWrite !== null && failPostingWrite-- <= 0) {
        failPostingWrite = null;
        throw new Error('stopped');
      }
      return down(req);
    },
  });
}

const PUBLISHERS = ['Example News', 'Harbour Herald', 'Valley Voice'];
/** An article with its analysis (a fingerprint, so an event row and keys too). */
async function entry(i: number, over: Partial<Article> = {}) {
  const article = sampleArticle(i, { publisher: PUBLISHERS[i % 3]!, ...over });
  return { article, analysis: await sampleAnalysis(article) };
}

beforeEach(async () => {
  db = instrumented(new ArchiveDB(`search-plans-${++n}`));
  idf = new ArchiveIdf(db, EMPTY_IDF);
  await saveMany(db, await Promise.all(Array.from({ length: 150 }, (_, i) => entry(i))), 1000);
  postingReads = [];
  searchRowReads = 0;
  failPostingWrite = null;
});
afterEach(async () => {
  await db.delete();
});

/** The answer by reading every article: all words, the prefix, the publisher; newest first. */
async function scan(q: ArchiveQuery): Promise<{ ids: number[]; total: number }> {
  const p = parseSearch(q.text ?? '');
  const [rows, articles] = await Promise.all([db.search.toArray(), db.articles.toArray()]);
  const publisher = new Map(articles.map((a) => [a.id!, a.publisher]));
  const ids = rows
    .filter((r) => p.words.every((w) => r.words.includes(w)) && (p.prefix === null || r.words.some((w) => w.startsWith(p.prefix!))))
    .filter((r) => !q.publisher || publisher.get(r.id) === q.publisher)
    .map((r) => r.id)
    .sort((a, b) => b - a);
  return { ids: ids.slice(q.offset, q.offset + q.limit), total: ids.length };
}

const QUERIES = [
  'bridge',
  'council bridge',
  'harbour',
  'harbour 17',
  '17 bridge',
  'valley repa',
  'repa',
  'bridge valley ',
  'rid',
  'lakeside ridge',
  'silva 7',
  'ferries',
  'nothingsuch',
  'bridge nothingsuch',
];

/** Every query, on three pages, with and without a publisher: as a scan answers it. */
async function expectAllAsScan(label: string): Promise<void> {
  for (const text of QUERIES) {
    for (const [offset, limit] of [
      [0, 10],
      [10, 10],
      [140, 20],
    ] as const) {
      for (const publisher of [undefined, 'Valley Voice']) {
        const q: ArchiveQuery = { text, publisher, offset, limit };
        const got = await searchArticles(db, idf, q);
        expect({ label, text, offset, publisher, ids: got.items.map((i) => i.id), total: got.total }).toEqual({ label, text, offset, publisher, ...(await scan(q)) });
      }
    }
  }
}

/** Some articles re-saved with other words, some deleted: what the posting lists must follow. */
async function churn(): Promise<void> {
  const changed = { paragraphs: ['Ferries will run again in June, officials said.', '“We will reopen the pier,” Mayor Ana Silva said.'] };
  await saveMany(db, await Promise.all([3, 4, 5, 40, 41].map((i) => entry(i, { title: `Ferries return to the harbour, report ${i}`, ...changed }))), 2000);
  await deleteArticles(db, [6, 7, 42, 150]);
  await saveMany(db, [await entry(300), await entry(301, { title: 'Ridge ferries' })], 3000);
}

/** The event-key lists as a reader gets them, against the keys of every event row. */
async function expectKeysAsScan(label: string): Promise<void> {
  const events = await db.events.toArray();
  const keys = [...new Set(events.flatMap((e) => e.keys))].sort();
  const want = keys.map((k) =>
    events
      .filter((e) => e.keys.includes(k))
      .map((e) => e.id)
      .sort((a, b) => b - a),
  );
  expect({ label, lists: await idf.newestWithKeys(keys, 1000) }).toEqual({ label, lists: want });
  // The newest few, as a coverage lookup asks for them.
  expect(await idf.newestWithKeys(keys, 3)).toEqual(want.map((l) => l.slice(0, 3)));
}

describe('the search index', () => {
  it('answers as a scan does with every article pending, after a fold, and after re-saves and deletes on top', async () => {
    await expectAllAsScan('all pending');
    await expectKeysAsScan('all pending');
    await idf.compact();
    expect(idf.postingsStatus).toEqual({ pending: 0, building: false });
    await expectAllAsScan('folded');
    await expectKeysAsScan('folded');
    await churn();
    await expectAllAsScan('changes pending');
    await expectKeysAsScan('changes pending');
    await idf.compact();
    await expectAllAsScan('changes folded');
    await expectKeysAsScan('changes folded');
    expect(await db.termLog.count()).toBe(0);
  });

  it('holds, once folded, exactly the lists the search and event rows give', async () => {
    await idf.compact();
    await churn();
    await idf.compact();
    const dump = await dumpArchive(db);
    expect(derivedOf(dump)).toEqual(rebuildFrom(dump.articles));
    const stored = async (t: typeof db.postings) => (await t.toArray()).map((p) => ({ term: p.term, ids: [...p.ids] }));
    // Nothing pending: the stored lists are the lists.
    expect(await stored(db.postings)).toEqual(rebuildFrom(dump.articles).postings);
    expect(await stored(db.keyPostings)).toEqual(rebuildFrom(dump.articles).keyPostings);
    expect(dump.keyPostings.length).toBeGreaterThan(10);
  });

  it('sees the changes of another context, and its folds', async () => {
    const other = instrumented(new ArchiveDB(db.name));
    const otherIdf = new ArchiveIdf(other, EMPTY_IDF);
    try {
      await idf.compact();
      await expectAllAsScan('before');
      await saveMany(other, [await entry(1, { title: 'Zanzibar ferry report' })], 5000);
      expect((await searchArticles(db, idf, { text: 'zanzibar', offset: 0, limit: 5 })).items.map((i) => i.id)).toEqual([2]);
      await otherIdf.compact();
      await deleteArticles(other, [2]);
      await expectAllAsScan('after the other context folded and deleted');
      expect((await searchArticles(db, idf, { text: 'zanzibar', offset: 0, limit: 5 })).total).toBe(0);
    } finally {
      other.close();
    }
  });

  it('loses nothing when a fold stops halfway, and the next fold finishes it', async () => {
    await idf.compact();
    await churn();
    failPostingWrite = 1;
    await expect(idf.compact()).rejects.toThrow('stopped');
    await expectAllAsScan('fold cut short');
    await expectKeysAsScan('fold cut short');
    await idf.compact();
    await expectAllAsScan('fold done');
    await expectKeysAsScan('fold done');
  });

  it('after an upgrade, answers while the lists are unbuilt, and the background builds them', async () => {
    // As the version 5 upgrade leaves an archive that had articles: lists to be built from id 0.
    await Promise.all([db.postings.clear(), db.keyPostings.clear()]);
    await db.meta.put({ key: POSTINGS, seq: (await db.termLog.orderBy(':id').last())!.seq!, built: 0 });
    const fresh = new ArchiveIdf(db, EMPTY_IDF);
    idf = fresh;
    await fresh.load();
    expect(fresh.postingsStatus.building).toBe(true);
    await expectAllAsScan('not built');
    await expectKeysAsScan('not built');
    await fresh.compact();
    expect(fresh.postingsStatus).toEqual({ pending: 0, building: false });
    expect((await db.meta.get(POSTINGS))?.built).toBeNull();
    await expectAllAsScan('built');
    await expectKeysAsScan('built');
  });

  it('answers as a scan does at every step of the build', async () => {
    await Promise.all([db.postings.clear(), db.keyPostings.clear()]);
    const seq = (await db.termLog.orderBy(':id').last())!.seq!;
    let built: number | null = 0;
    const steps: (number | null)[] = [];
    while (built !== null) {
      built = await buildPostings(db, built, 60);
      steps.push(built);
      await db.meta.put({ key: POSTINGS, seq, built });
      // A new context each time: as a worker started at that point of the build.
      idf = new ArchiveIdf(db, EMPTY_IDF);
      await expectAllAsScan(`built to ${built}`);
      await expectKeysAsScan(`built to ${built}`);
    }
    expect(steps).toEqual([60, 120, null]);
  });
});

describe('search plans', () => {
  beforeEach(async () => {
    await idf.compact();
    postingReads = [];
    searchRowReads = 0;
  });

  it('answer a lone word from its posting list, reading only the page of articles', async () => {
    const res = await searchArticles(db, idf, { text: 'bridge', offset: 0, limit: 5 });
    expect(res.total).toBe(150);
    expect(res.items.map((i) => i.id)).toEqual([150, 149, 148, 147, 146]);
    expect(postingReads).toEqual(['bridge']);
    expect(searchRowReads).toBe(0);
  });

  it('check the few candidates against their words rather than read every word an unfinished one may be', async () => {
    // "17" is in two articles (report 17, and 15 "had waited 17 years"); "re…" is the start of
    // "reopen", "repair", "report" and "resident": two search rows are checked instead.
    const res = await searchArticles(db, idf, { text: '17 re', offset: 0, limit: 50 });
    expect(res.items.map((i) => i.url)).toEqual([sampleArticle(17).url, sampleArticle(15).url]);
    expect(postingReads).toEqual(['17']);
    expect(searchRowReads).toBe(2);
  });

  it('read the lists of an unfinished word when they are fewer than the candidates', async () => {
    const res = await searchArticles(db, idf, { text: 'bridge lakesi', offset: 0, limit: 50 });
    expect(res.total).toBe(30);
    expect(postingReads.sort()).toEqual(['bridge', 'lakeside']);
    expect(searchRowReads).toBe(0);
  });

  it('know a word the archive does not have', async () => {
    expect((await searchArticles(db, idf, { text: 'bridge nothingsuch', offset: 0, limit: 5 })).total).toBe(0);
    expect((await searchArticles(db, idf, { text: 'bridge nothings', offset: 0, limit: 5 })).total).toBe(0);
    expect(searchRowReads).toBe(0);
  });
});

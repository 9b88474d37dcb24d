/**
 * An archive that lost its database is noticed on start and the reader told (issue #15). The count
 * of articles lives in `storage.local`, apart from IndexedDB; here the database is deleted under
 * the extension, as Chromium does when it finds it corrupted after a full disk.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteArticles, saveArticle } from '../../lib/archive/articles';
import { ArchiveDB } from '../../lib/archive/db';
import { CENSUS_KEY, censusKeeper, checkCensus, dismissLoss, LOSS_KEY, lossMessage, parseLoss, recordCensus } from '../../lib/background/census';
import type { Article } from '../../lib/types';
import { testArticle } from '../support/builders';

const article = (i: number): Article =>
  testArticle({ url: `https://news.example/story-${i}`, pageUrl: `https://news.example/story-${i}`, title: `Story ${i}`, publisher: null, wordCount: 3, paragraphs: ['The bridge closes.'] });

let n = 0;
let name: string;
let db: ArchiveDB;
const area = () => fakeBrowser.storage.local;
const stored = async (key: string) => (await area().get(key))[key];

beforeEach(async () => {
  fakeBrowser.reset();
  name = `census-${++n}`;
  db = new ArchiveDB(name);
  for (let i = 0; i < 3; i++) await saveArticle(db, article(i), null, 1000 + i);
});
afterEach(async () => {
  await db.delete();
});

describe('the archive’s census', () => {
  it('notices on start that the database came back empty, keeps the notice until dismissed, and does not notice it twice', async () => {
    await recordCensus(area(), db, 5000);
    expect(await checkCensus(area(), db, 6000)).toBeNull(); // a normal start
    // The browser discards the database; the worker starts on a fresh, empty one.
    await db.delete();
    db = new ArchiveDB(name);
    const loss = await checkCensus(area(), db, 7000);
    expect(loss).toEqual({ expected: 3, found: 0, countedAt: 6000, noticedAt: 7000 });
    expect(parseLoss(await stored(LOSS_KEY))).toEqual(loss);
    // The next start: the notice stays for the reader, and is not raised again.
    expect(await checkCensus(area(), db, 8000)).toBeNull();
    expect(parseLoss(await stored(LOSS_KEY))).toEqual(loss);
    await dismissLoss(area());
    expect(await stored(LOSS_KEY)).toBeUndefined();
  });

  it('notices an archive that came back smaller, not one the reader made smaller', async () => {
    const keep = censusKeeper(area(), db, () => 9000);
    const ids = (await db.articles.toCollection().primaryKeys()) as number[];
    await deleteArticles(db, [ids[0]!]);
    keep(); // what the background does after every change it announces
    await expect.poll(async () => (await stored(CENSUS_KEY)) as unknown).toEqual({ articles: 2, at: 9000 });
    expect(await checkCensus(area(), db, 9500)).toBeNull();
    // Now articles vanish without the background knowing (a damaged database, partly recovered).
    await db.transaction('rw', db.articles, db.outbox, () => db.articles.delete(ids[1]!));
    expect(await checkCensus(area(), db, 10_000)).toMatchObject({ expected: 2, found: 1 });
  });

  it('leaves everything as it was when the database cannot be read on start', async () => {
    await recordCensus(area(), db, 5000);
    db.close();
    const closed = new ArchiveDB(name, { autoOpen: false } as never);
    await expect(checkCensus(area(), closed, 6000)).rejects.toThrow();
    expect(await stored(CENSUS_KEY)).toEqual({ articles: 3, at: 5000 });
    expect(await stored(LOSS_KEY)).toBeUndefined();
    db = new ArchiveDB(name);
  });

  it('tells the reader what happened and what to do, pointing to the newest backup', () => {
    const date = (ms: number) => `day ${ms}`;
    const loss = { expected: 1200, found: 0, countedAt: 5, noticedAt: 6 };
    expect(lossMessage(loss, 4, date)).toBe(
      'Backstory’s archive held 1,200 articles (counted day 5), but it was empty when Backstory started again. The browser may have discarded its damaged database, which can happen after the disk was full. Your newest backup from this browser was made day 4: import it on the Backup page to restore the articles in it (articles you still have are kept).',
    );
    expect(lossMessage({ ...loss, found: 7 }, null, date)).toMatch(/but only 7 when Backstory started again\. .* No backup was made from this browser\./);
  });
});

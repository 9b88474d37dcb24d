/**
 * A disk that fills up (issue #15): saves and imports are refused with the storage-full message
 * while a safety margin is left, judged from `navigator.storage.estimate()` and from what the
 * background wrote since the browser's figure last moved; deletes still work, and once there is
 * room again the same background saves again, without a restart.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveDB } from '../../lib/archive/db';
import { Room, SAFETY_MARGIN, WRITE_FACTOR } from '../../lib/background/room';
import { createService, REOPENING, reopener, type TabAccess } from '../../lib/background/service';
import { TabStore } from '../../lib/background/tab-store';
import { describeStorageError, isWriteFailure, STORAGE_FULL, WRITE_FAILED } from '../../lib/messaging/transport';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { Article } from '../../lib/types';
import { testArticle } from '../support/builders';

const MB = 1024 * 1024;

/** A fake `navigator.storage` whose figures the test sets. */
function disk(quota: number, usage: number) {
  const d = { quota, usage, asked: 0, estimate: async () => (d.asked++, { quota: d.quota, usage: d.usage }) };
  return d;
}

describe('the room check', () => {
  it('refuses a write that would leave less than the margin, and lets one through that leaves more', async () => {
    const d = disk(1000 * MB, 1000 * MB - SAFETY_MARGIN - 10 * MB);
    const room = new Room(d);
    await expect(room.ensure(1 * MB)).resolves.toBeUndefined();
    await expect(room.ensure(10 * MB)).rejects.toThrow(STORAGE_FULL);
    d.usage = 100 * MB;
    await expect(room.ensure(10 * MB)).resolves.toBeUndefined();
  });

  it('counts its own writes while the browser’s figure lags behind, and stops when the figure moves', async () => {
    const d = disk(1000 * MB, 1000 * MB - SAFETY_MARGIN - 10 * MB);
    const room = new Room(d);
    await room.ensure(1 * MB);
    room.wrote(2 * MB); // 2 MB × WRITE_FACTOR on disk, which the estimate does not show yet
    await expect(room.ensure(1 * MB)).rejects.toThrow(STORAGE_FULL); // would pass but for the 8 MB it knows it wrote
    d.usage += 2 * MB * WRITE_FACTOR - 1; // the browser caught up (its own figure now)
    await expect(room.ensure(0.1 * MB)).resolves.toBeUndefined();
  });

  it('lets writes go when the browser gives no figures', async () => {
    await expect(new Room(undefined).ensure(1e12)).resolves.toBeUndefined();
    await expect(new Room({ estimate: async () => ({}) }).ensure(1e12)).resolves.toBeUndefined();
    await expect(new Room({ estimate: async () => Promise.reject(new Error('no')) }).ensure(1e12)).resolves.toBeUndefined();
  });
});

const article = (i: number): Article =>
  testArticle({
    url: `https://news.example/story-${i}`,
    pageUrl: `https://news.example/story-${i}`,
    title: `Story ${i}`,
    wordCount: 200,
    paragraphs: ['The council said the bridge will close in May.', 'x'.repeat(20_000)],
  });

let n = 0;
let db: ArchiveDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new ArchiveDB(`room-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('the background near a full disk', () => {
  it('says storage is full before the browser fails, writes nothing, still deletes, and saves again once there is room', async () => {
    const d = disk(1000 * MB, 100 * MB);
    const urls = new Map<number, string>();
    const access = { url: async (id: number) => urls.get(id) ?? null, canAccess: async () => true } as unknown as TabAccess;
    const s = createService({
      db,
      tabs: new TabStore(fakeBrowser.storage.session),
      access,
      analyse: async () => ({ actors: [], mentions: [], claims: [], timings: {} }),
      storage: d,
      notify: () => undefined,
      now: () => 1_700_000_000_000,
      settings: async () => DEFAULT_SETTINGS,
    });
    const sender = (tab: number) => ({ id: 'x', tab: { id: tab } as never, frameId: 0 });
    for (const tab of [1, 2]) {
      urls.set(tab, article(tab).url);
      await s['content/report']({ url: article(tab).url, result: { ok: true, article: article(tab), ms: 1 } }, sender(tab));
    }
    await s['panel/save']({ tabId: 1 });
    expect(await db.articles.count()).toBe(1);

    // The disk fills up (another program): less than the margin is left.
    d.usage = d.quota - SAFETY_MARGIN + MB;
    const tables = async () => Promise.all(db.tables.map((t) => t.toArray()));
    const before = await tables();
    await expect(s['panel/save']({ tabId: 2 })).rejects.toThrow(STORAGE_FULL);
    await expect(s['panel/review']({ tabId: 2, claimId: 'x', review: { status: 'verified', note: '', evidence: [] } })).rejects.toThrow(STORAGE_FULL);
    expect(await tables()).toEqual(before);

    // Deleting is how the reader makes room: never refused.
    await s['panel/remove']({ tabId: 1 });
    expect(await db.articles.count()).toBe(0);

    // Space is back: the same background saves again, no restart.
    d.usage = 200 * MB;
    await s['panel/save']({ tabId: 2 });
    expect((await db.articles.toArray()).map((r) => r.url)).toEqual([article(2).url]);
  });
});

describe('the background after the browser closed the archive', () => {
  it('says so, opens it again by itself, and the next request works: no browser restart', async () => {
    const urls = new Map([[1, article(1).url]]);
    const access = { url: async (id: number) => urls.get(id) ?? null, canAccess: async () => true } as unknown as TabAccess;
    const s = createService({
      db,
      tabs: new TabStore(fakeBrowser.storage.session),
      access,
      analyse: async () => ({ actors: [], mentions: [], claims: [], timings: {} }),
      storage: undefined,
      notify: () => undefined,
      now: () => 1,
      settings: async () => DEFAULT_SETTINGS,
    });
    await s['content/report']({ url: article(1).url, result: { ok: true, article: article(1), ms: 1 } }, { id: 'x', tab: { id: 1 } as never, frameId: 0 });
    db.close(); // as the browser does after a storage failure
    await expect(s['panel/save']({ tabId: 1 })).rejects.toThrow(REOPENING);
    await expect.poll(() => db.isOpen()).toBe(true);
    await s['panel/save']({ tabId: 1 });
    expect(await db.articles.count()).toBe(1);
  });

  it('keeps trying while the browser refuses to open it, one reopening at a time', async () => {
    let refusals = 2;
    const open = db.open.bind(db);
    db.open = (() => (refusals-- > 0 ? Promise.reject(Object.assign(new Error('busy'), { name: 'OpenFailedError' })) : open())) as typeof db.open;
    const waits: number[] = [];
    const reopen = reopener(db, async (ms) => void waits.push(ms));
    const [a, b] = [reopen(), reopen()];
    expect(a).toBe(b);
    expect(await a).toBe(true);
    expect(waits).toEqual([1000, 5000]);
    expect(db.isOpen()).toBe(true);
  });

  it('tries again at once when asked while it waits (space came back: the next save works, no minute-long pause)', async () => {
    let refusals = 1;
    const open = db.open.bind(db);
    db.open = (() => (refusals-- > 0 ? Promise.reject(Object.assign(new Error('busy'), { name: 'OpenFailedError' })) : open())) as typeof db.open;
    const reopen = reopener(db, () => new Promise<void>(() => undefined)); // a pause that never ends by itself
    const first = reopen();
    await new Promise((r) => setTimeout(r, 20));
    expect(db.isOpen()).toBe(false);
    expect(reopen()).toBe(first);
    expect(await first).toBe(true);
    expect(db.isOpen()).toBe(true);
  });
});

describe('a write the disk failed without a quota error', () => {
  it('is told as the disk being full, in every shape Chromium gave it', () => {
    const io = Object.assign(new Error('Failed to write blobs (IOError)'), { name: 'UnknownError' });
    const shapes = [
      io,
      { name: 'AbortError', inner: io },
      { name: 'BulkError', failures: [io] },
      { name: 'AbortError', message: 'Transaction aborted', inner: { name: 'UnknownError', message: 'Internal error committing transaction.' } },
      // The first failure on a really full disk (test/e2e/disk.test.ts): the transaction aborted, nothing more said.
      { name: 'BulkError', message: 'articles.bulkPut(): 1 of 1 operations failed.', failures: [{ name: 'AbortError', message: 'The transaction was aborted, so the request cannot be fulfilled.' }] },
    ];
    for (const e of shapes) {
      expect(isWriteFailure(e)).toBe(true);
      expect(describeStorageError(e)).toBe(WRITE_FAILED);
    }
    expect(isWriteFailure(new TypeError('x is undefined'))).toBe(false);
    // An abort that names another cause is that cause's: a database closed for an upgrade is no full disk.
    expect(isWriteFailure({ name: 'AbortError', inner: { name: 'DatabaseClosedError', message: 'Database has been closed' } })).toBe(false);
    expect(isWriteFailure({ name: 'BulkError', failures: [{ name: 'AbortError', inner: { name: 'VersionError' } }] })).toBe(false);
    expect(describeStorageError({ name: 'ConstraintError' })).not.toBe(WRITE_FAILED);
  });
});

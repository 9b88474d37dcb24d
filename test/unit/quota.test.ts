/**
 * Storage full. The browser refuses a write (QuotaExceededError) in the middle of a save, an update,
 * a review, an import or a restore: every table must be exactly as before (the writes are one
 * transaction), and the reader is told, in one sentence, that Backstory's storage is full and what
 * to do.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreArticles, saveArticle, saveMany } from '../../lib/archive/articles';
import { importBackup } from '../../lib/archive/backup';
import { exportBackup } from '../../lib/archive/backup-export';
import { reviewClaim } from '../../lib/archive/claims';
import { ArchiveDB } from '../../lib/archive/db';
import { createService, type TabAccess } from '../../lib/background/service';
import { TabStore } from '../../lib/background/tab-store';
import { describeStorageError, isQuotaError, STORAGE_FULL, UserFacingError } from '../../lib/messaging/transport';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { Article } from '../../lib/types';
import { ARCHIVE_TABLES, derivedOf, dumpArchive, rebuildFrom, sampleAnalysis, sampleArticle } from '../archive-consistency';
import { withLayer } from '../support/dexie-layer';

type Table = (typeof ARCHIVE_TABLES)[number] | 'outbox';

/**
 * How the next write fails: `request`, the put or add on `table` is refused the way IndexedDB
 * refuses a request (the DOMException, which Dexie wraps in its QuotaExceededError); `commit`, the
 * whole transaction is aborted with the quota error once `table` has been written, as Chrome does
 * when the disk fills while it commits (Dexie then reports an AbortError with the quota error inside).
 */
let trap: { table: Table; how: 'request' | 'commit'; skip: number; sprung: boolean } | null = null;
/** Tables written since the trap was set, in order: proof that the failure came mid-transaction. */
let written: string[] = [];

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

function withQuotaTrap(db: ArchiveDB): ArchiveDB {
  return withLayer(db, 'quota-trap', {
    mutate(name, req, down) {
      const growing = req.type === 'put' || req.type === 'add';
      if (growing && trap && !trap.sprung && trap.table === name && trap.skip-- <= 0) {
        trap.sprung = true;
        if (trap.how === 'request') return Dexie.Promise.reject(quotaError());
        return down(req).then((res) => {
          written.push(name);
          // fake-indexeddb's own abort, with the error a browser sets on a transaction
          // that ran out of room; Dexie hears it as the transaction's 'abort' event.
          (req.trans as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
          return res;
        });
      }
      return down(req).then((res) => {
        if (growing) written.push(name);
        return res;
      });
    },
  });
}

let n = 0;
let db: ArchiveDB;

beforeEach(() => {
  fakeBrowser.reset();
  trap = null;
  written = [];
  db = withQuotaTrap(new ArchiveDB(`quota-${++n}`));
});
afterEach(async () => {
  await db.delete();
});

/** A backup file (the real format) holding articles `ids`, made from another database. */
async function backupOf(ids: number[]): Promise<string> {
  const other = new ArchiveDB(`quota-source-${n}`);
  try {
    for (const i of ids) await saveArticle(other, sampleArticle(i), await sampleAnalysis(sampleArticle(i)), 500 + i);
    return (await exportBackup(other, { settings: null, now: 5000 })).text;
  } finally {
    await other.delete();
  }
}

/** Two saved articles, one of them about to be saved again. */
async function fill(): Promise<void> {
  for (const i of [1, 2]) {
    const a = sampleArticle(i);
    await saveArticle(db, a, await sampleAnalysis(a), 1000 + i);
  }
}

/** Fails the write to `table` after letting `skip` of them through. */
function arm(table: Table, how: 'request' | 'commit' = 'request', skip = 0): void {
  trap = { table, how, skip, sprung: false };
  written = [];
}

async function expectQuotaFailure(p: Promise<unknown>): Promise<unknown> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'the write should have failed').not.toBeNull();
  expect(isQuotaError(err), `not recognised as a quota error: ${String(err)}`).toBe(true);
  expect(trap?.sprung).toBe(true);
  return err;
}

/** Tables a save writes, in the order it writes them. Statements and claim memory's rows are written with the claims. */
const SAVE_WRITES: Table[] = ['articles', 'claims', 'statements', 'memory', 'events', 'search', 'termLog', 'meta'];

describe('a quota error in the middle of a write leaves every table as it was', () => {
  it.each(SAVE_WRITES)('a first save, refused at its write to %s', async (table) => {
    await fill();
    const before = await dumpArchive(db);
    const a = sampleArticle(3);
    const analysis = await sampleAnalysis(a);
    arm(table);
    await expectQuotaFailure(saveArticle(db, a, analysis, 2000));
    // Past the first table, the article row itself had been written when the failure came (its outbox row goes with it: lib/archive/db.ts).
    if (table !== 'articles') expect(written.filter((t) => t !== 'outbox')[0]).toBe('articles');
    expect(await dumpArchive(db)).toEqual(before);
  });

  it.each(SAVE_WRITES)('an update of a saved article, refused at its write to %s', async (table) => {
    await fill();
    const before = await dumpArchive(db);
    const a = sampleArticle(2, { title: 'A new headline for report 2', paragraphs: ['Entirely new words about ferries.', ...sampleArticle(2).paragraphs.slice(1)] });
    const analysis = await sampleAnalysis(a);
    arm(table);
    await expectQuotaFailure(saveArticle(db, a, analysis, 3000));
    expect(await dumpArchive(db)).toEqual(before);
  });

  it('a transaction aborted at commit, after its last write (how Chrome reports a disk that filled meanwhile)', async () => {
    await fill();
    const before = await dumpArchive(db);
    const a = sampleArticle(4);
    const analysis = await sampleAnalysis(a);
    arm('meta', 'commit');
    const err = await expectQuotaFailure(saveArticle(db, a, analysis, 2000));
    expect((err as { name?: string }).name).toBe('AbortError');
    expect(await dumpArchive(db)).toEqual(before);
  });

  it('a review, refused at its write to statements', async () => {
    await fill();
    const before = await dumpArchive(db);
    const id = before.articles[0]!.id;
    arm('statements');
    await expectQuotaFailure(reviewClaim(db, id, 'q-reopen', { status: 'disputed', note: 'Council says May', evidence: [] }, 5000));
    expect(written.filter((t) => t !== 'outbox')[0]).toBe('articles');
    expect(await dumpArchive(db)).toEqual(before);
  });

  it('a first save, refused at its note in the sync outbox: no article, no note', async () => {
    await fill();
    const before = await dumpArchive(db);
    const notes = await db.outbox.toArray();
    const a = sampleArticle(3);
    const analysis = await sampleAnalysis(a);
    arm('outbox');
    // The hook aborts the transaction: the save fails (as an AbortError, not recognised as a full disk).
    await expect(saveArticle(db, a, analysis, 2000)).rejects.toThrow(/AbortError/);
    expect(trap?.sprung).toBe(true);
    expect(await dumpArchive(db)).toEqual(before);
    expect(await db.outbox.toArray()).toEqual(notes);
  });

  it('an import of several articles, refused at its last write (the totals): none of them is kept', async () => {
    await fill();
    const before = await dumpArchive(db);
    const entries = await Promise.all([5, 6, 7].map(async (i) => ({ article: sampleArticle(i), analysis: await sampleAnalysis(sampleArticle(i)) })));
    // The three articles and their index rows are written (one bulk put each); the totals are refused.
    arm('meta', 'request');
    await expectQuotaFailure(saveMany(db, entries, 6000));
    expect(written).toEqual(expect.arrayContaining(['articles', 'claims', 'statements', 'events', 'search', 'termLog']));
    expect(await dumpArchive(db)).toEqual(before);
  });

  it('an import of a backup file, refused at its term counts: none of it is kept', async () => {
    await fill();
    const before = await dumpArchive(db);
    arm('termLog');
    await expectQuotaFailure(importBackup(db, await backupOf([5, 6, 7]), { now: () => 6000 }));
    expect(await dumpArchive(db)).toEqual(before);
  });

  it('putting back deleted articles (undo), refused at the totals', async () => {
    await fill();
    const gone = (await dumpArchive(db)).articles;
    await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
    await db.meta.put({ key: 'totals', articles: 0, bytes: 0 });
    const before = await dumpArchive(db);
    arm('meta');
    await expectQuotaFailure(restoreArticles(db, gone));
    expect(await dumpArchive(db)).toEqual(before);
  });

  it('and the archive is whole afterwards: the same save succeeds once there is room', async () => {
    await fill();
    const a = sampleArticle(3);
    const analysis = await sampleAnalysis(a);
    arm('termLog');
    await expectQuotaFailure(saveArticle(db, a, analysis, 2000));
    trap = null;
    await saveArticle(db, a, analysis, 2001);
    const after = await dumpArchive(db);
    expect(after.articles.map((r) => r.url).sort()).toEqual([1, 2, 3].map((i) => sampleArticle(i).url));
    expect(derivedOf(after)).toEqual(rebuildFrom(after.articles));
  });
});

describe('the reader is told that the storage is full', () => {
  const tabUrl = sampleArticle(9).pageUrl;

  function service() {
    const access: TabAccess = {
      url: async () => tabUrl,
      reanalyse: async () => true,
      inject: async () => undefined,
      canAccess: async () => true,
      reveal: async () => false,
      revealClaim: async () => false,
      sendClaims: async () => undefined,
      selection: async () => null,
    };
    return createService({
      db,
      tabs: new TabStore(fakeBrowser.storage.session),
      access,
      analyse: (a: Article) => sampleAnalysis(a),
      storage: undefined,
      notify: () => undefined,
      now: () => 7000,
      settings: async () => DEFAULT_SETTINGS,
    });
  }

  const sender = { tab: { id: 1 } as never, frameId: 0, id: 'x' };

  async function expectStorageFull(p: Promise<unknown>): Promise<void> {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as Error).message).toBe(STORAGE_FULL);
  }

  it('when saving from the side panel, and nothing is written', async () => {
    await fill();
    const s = service();
    await s['content/report']({ url: tabUrl, result: { ok: true, article: sampleArticle(9), ms: 1 } }, sender);
    const before = await dumpArchive(db);
    arm('search');
    await expectStorageFull(s['panel/save']({ tabId: 1 }));
    expect(await dumpArchive(db)).toEqual(before);
    // The tab keeps its article: once there is room, Save works.
    trap = null;
    const after = await s['panel/save']({ tabId: 1 });
    expect(after.saved).not.toBeNull();
  });

  it('when a review from the side panel must first save the article', async () => {
    const s = service();
    await s['content/report']({ url: tabUrl, result: { ok: true, article: sampleArticle(9), ms: 1 } }, sender);
    arm('meta');
    await expectStorageFull(s['panel/review']({ tabId: 1, claimId: 'q-reopen', review: { status: 'verified', note: '', evidence: [] } }));
    expect((await dumpArchive(db)).articles).toEqual([]);
  });

  it('when a review from the archive page is refused', async () => {
    await fill();
    const s = service();
    const before = await dumpArchive(db);
    arm('statements');
    await expectStorageFull(s['archive/review']({ articleId: before.articles[0]!.id, claimId: 'q-reopen', review: { status: 'false', note: '', evidence: [] } }));
    expect(await dumpArchive(db)).toEqual(before);
  });

  it('when an undo (restore) is refused', async () => {
    await fill();
    const s = service();
    const { records } = await s['archive/delete-many']({ ids: (await db.articles.toCollection().primaryKeys()) as number[] });
    const before = await dumpArchive(db);
    arm('search');
    await expectStorageFull(s['archive/restore-many']({ records }));
    expect(await dumpArchive(db)).toEqual(before);
  });

  it('when an import of a backup file is refused', async () => {
    await fill();
    const s = service();
    const text = await backupOf([5, 6]);
    const transfer = crypto.randomUUID();
    await s['archive/import-part']({ transfer, part: 0, parts: 1, text });
    const before = await dumpArchive(db);
    arm('search');
    await expectStorageFull(s['archive/import']({ transfer }));
    expect(await dumpArchive(db)).toEqual(before);
  });

  it('but other failures keep their own message', async () => {
    const s = service();
    await expect(s['panel/save']({ tabId: 1 })).rejects.toThrow(/no article on this tab/);
  });
});

describe('recognising a quota error in every shape it comes in', () => {
  const dom = quotaError();
  it.each([
    ['the DOMException', dom],
    ['Dexie’s QuotaExceededError', new Dexie.QuotaExceededError(dom)],
    ['a transaction aborted with it', new Dexie.AbortError(dom)],
    ['a bulk write that failed with it', new Dexie.BulkError('bulkPut failed', { 0: new Dexie.QuotaExceededError(dom) })],
    ['an error caused by it', new Error('save failed', { cause: dom })],
  ])('%s', (_, err) => {
    expect(isQuotaError(err)).toBe(true);
    expect(describeStorageError(err)).toBe(STORAGE_FULL);
  });

  it.each([
    ['a constraint error', new Dexie.ConstraintError('duplicate')],
    ['a plain abort', new Dexie.AbortError()],
    ['an error that merely mentions quota', new Error('QuotaExceededError happened elsewhere')],
    ['nothing', null],
  ])('not %s', (_, err) => {
    expect(isQuotaError(err)).toBe(false);
    expect(describeStorageError(err)).not.toBe(STORAGE_FULL);
  });

  it('says what is full and what to do', () => {
    expect(STORAGE_FULL).toMatch(/storage for Backstory is full/);
    expect(STORAGE_FULL).toMatch(/nothing was saved/);
    expect(STORAGE_FULL).toMatch(/[Dd]elete articles/);
  });
});

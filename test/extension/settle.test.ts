/**
 * After a write the disk refused, the background settles the database's log once writes go through
 * again (issue #15, lib/background/settle.ts): filler rows written and deleted, the archive itself
 * unchanged, the need remembered in `storage.local` until then. Whether this really makes Chromium
 * keep the archive across a restart is shown end to end in test/e2e/disk.test.ts.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle } from '../../lib/archive/articles';
import { ArchiveDB } from '../../lib/archive/db';
import { FILLER_PREFIX, SETTLE_BYTES, settleLog, Settler, UNSETTLED_KEY } from '../../lib/background/settle';
import { STORAGE_FULL, UserFacingError } from '../../lib/messaging/transport';
import { sampleArticle } from '../archive-consistency';

let n = 0;
let db: ArchiveDB;
const area = () => fakeBrowser.storage.local;
const stored = async (key: string) => (await area().get(key))[key];
const tables = async () => Promise.all(db.tables.map((t) => t.toArray()));

beforeEach(async () => {
  fakeBrowser.reset();
  db = new ArchiveDB(`settle-${++n}`);
  await saveArticle(db, sampleArticle(1), null, 1000);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('settling the log', () => {
  it('writes more filler than the largest write buffer, then leaves the archive exactly as it was', async () => {
    const before = await tables();
    let written = 0;
    db.meta.hook('creating', (_k, row: { key: string; filler?: string }) => {
      if (row.key.startsWith(FILLER_PREFIX)) written += row.filler!.length;
    });
    await settleLog(db);
    expect(written).toBeGreaterThanOrEqual(SETTLE_BYTES);
    expect(await tables()).toEqual(before);
  });

  it('leaves no filler behind when a write fails halfway', async () => {
    const before = await tables();
    let calls = 0;
    const put = db.meta.bulkPut.bind(db.meta);
    db.meta.bulkPut = ((rows: never) => (++calls === 3 ? Promise.reject(Object.assign(new Error('IOError'), { name: 'UnknownError' })) : put(rows))) as typeof db.meta.bulkPut;
    await expect(settleLog(db)).rejects.toThrow('IOError');
    expect(await tables()).toEqual(before);
  });
});

describe('the settler', () => {
  it('does nothing while no write failed', async () => {
    let asked = 0;
    const s = new Settler(area(), db, async () => void asked++);
    expect(await s.load()).toBe(false);
    expect(await s.check()).toBe(true);
    expect(asked).toBe(0);
  });

  it('after a failure: remembers it, waits while there is no room, settles once there is, then forgets it', async () => {
    let room = false;
    const s = new Settler(area(), db, async () => {
      if (!room) throw new UserFacingError(STORAGE_FULL);
    });
    s.noteFailure();
    expect(s.pending).toBe(true);
    expect(await s.check()).toBe(false);
    expect(await stored(UNSETTLED_KEY)).toBe(true);
    room = true;
    const [a, b] = [s.check(), s.check()];
    expect(a).toBe(b); // one settling at a time
    expect(await a).toBe(true);
    expect(s.pending).toBe(false);
    expect(await stored(UNSETTLED_KEY)).toBeUndefined();
  });

  it('a worker that stopped before settling settles on its next start', async () => {
    new Settler(area(), db, async () => undefined).noteFailure();
    await expect.poll(() => stored(UNSETTLED_KEY)).toBe(true);
    const next = new Settler(area(), db, async () => undefined);
    expect(await next.load()).toBe(true);
    expect(await next.check()).toBe(true);
    expect(await stored(UNSETTLED_KEY)).toBeUndefined();
  });

  it('a failure noted while the filler is being written keeps the need to settle', async () => {
    const s = new Settler(area(), db, async () => undefined);
    s.noteFailure();
    const put = db.meta.bulkPut.bind(db.meta);
    let calls = 0;
    db.meta.bulkPut = ((rows: never) => {
      if (++calls === 2) s.noteFailure(); // a save fails on the full disk meanwhile
      return put(rows);
    }) as typeof db.meta.bulkPut;
    expect(await s.check()).toBe(false);
    expect(s.pending).toBe(true);
    expect(await stored(UNSETTLED_KEY)).toBe(true);
    expect(await s.check()).toBe(true); // the next settling, with no new failure, clears it
    expect(s.pending).toBe(false);
    expect(await stored(UNSETTLED_KEY)).toBeUndefined();
  });
});

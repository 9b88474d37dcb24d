/**
 * Settings the reader marks as shared (issue #23, lib/sync/shared-settings.ts) travelling between two
 * "devices" through the CouchDB-compatible test server on 127.0.0.1 (test/sync-server.ts): only the
 * groups a device ticks, never the sites read automatically, sealed like the articles, and the newer
 * change winning when both devices changed a group between syncs.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { ArchiveDB } from '../../lib/archive/db';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../lib/settings';
import { createSyncController, SYNC_SHARED_KEY } from '../../lib/sync/controller';
import { connect, SyncEngine, type PouchDatabase, type PouchFactory } from '../../lib/sync/engine';
import { cleanValues, mergeShared, type GroupValues, type SharedGroup } from '../../lib/sync/shared-settings';
import { startCouch, type TestCouch } from '../sync-server';

const AUTH = { username: 'reader', password: 'pw-on-the-server' };
const PASSPHRASE = 'correct horse battery staple';
const Pouch = (PouchDB.plugin(memory) as typeof PouchDB).plugin(http).plugin(replication);
const openPouch: PouchFactory = (name, opts = {}) => new Pouch(name, { adapter: /^https?:\/\//.test(name) ? 'http' : 'memory', ...opts }) as PouchDatabase;
let couch: TestCouch;
let n = 0;

beforeAll(async () => {
  couch = await startCouch(AUTH);
});
afterAll(async () => {
  await couch.close();
});

/** A device's settings and the groups it shares, as plain values, with a clock the test moves. */
interface Device {
  db: ArchiveDB;
  engine: SyncEngine;
  settings: Settings;
  groups: SharedGroup[];
  clock: { now: number };
}

async function device(url: string, label: string): Promise<Device> {
  const db = new ArchiveDB(`sync-settings-${label}-${++n}`);
  await db.open();
  const server = { url, ...AUTH };
  const joined = await connect(openPouch, server, PASSPHRASE, { iterations: 100_000 });
  const d = { db, settings: { ...DEFAULT_SETTINGS }, groups: [] as SharedGroup[], clock: { now: 1_700_000_000_000 } } as Device;
  d.engine = new SyncEngine({
    db,
    Pouch: openPouch,
    server,
    joined,
    localName: `pouch-settings-${label}-${n}`,
    now: () => d.clock.now,
    settings: {
      groups: async () => d.groups,
      read: async () => structuredClone(d.settings),
      write: async (change: GroupValues) => void (d.settings = parseSettings({ ...d.settings, ...change })),
    },
  });
  return d;
}

async function pair(): Promise<[Device, Device]> {
  const url = `${couch.origin}/settings-${++n}`;
  const a = await device(url, 'a');
  return [a, await device(url, 'b')];
}

async function sync(d: Device): Promise<void> {
  const st = await d.engine.syncOnce();
  expect(st.lastError).toBeNull();
}

describe('settings marked as shared', () => {
  it('travel for the groups a device ticks, never the sites read automatically, and nothing readable reaches the server', async () => {
    const [a, b] = await pair();
    a.groups = ['reading', 'saving'];
    a.settings = { ...a.settings, highlights: false, allClaims: true, autoSave: true, neverSave: ['https://tabloid-gossip.example'], autoRun: 'sites', sites: ['https://harbour-news.example'] };
    await sync(a);
    b.groups = ['reading'];
    await sync(b);
    expect(b.settings).toEqual({ ...DEFAULT_SETTINGS, highlights: false, allClaims: true });

    // B ticks saving too: it takes what the others share.
    b.groups = ['reading', 'saving'];
    await sync(b);
    expect(b.settings).toEqual({ ...DEFAULT_SETTINGS, highlights: false, allClaims: true, autoSave: true, neverSave: ['https://tabloid-gossip.example'] });
    // Never shared: which sites are read without a click (each browser grants its own permission).
    expect(b.settings.autoRun).toBe('off');
    expect(b.settings.sites).toEqual([]);

    // A change on B reaches A; A's own sites stay as they are.
    b.settings = { ...b.settings, allClaims: false, neverSave: [] };
    b.clock.now += 60_000;
    await sync(b);
    await sync(a);
    expect(a.settings).toMatchObject({ highlights: false, allClaims: false, autoSave: true, neverSave: [], autoRun: 'sites', sites: ['https://harbour-news.example'] });

    const raw = await couch.rawStorage();
    for (const word of ['tabloid-gossip', 'harbour-news', 'highlights', 'allClaims', 'neverSave', 'autoSave', 'reading', 'saving']) expect(raw).not.toContain(word);
    await Promise.all([a.engine.close(), b.engine.close(), a.db.delete(), b.db.delete()]);
  });

  it('a device that shares nothing neither sends nor takes settings', async () => {
    const [a, b] = await pair();
    a.groups = ['reading'];
    a.settings = { ...a.settings, highlights: false };
    await sync(a);
    b.settings = { ...b.settings, allClaims: true };
    await sync(b);
    expect(b.settings).toEqual({ ...DEFAULT_SETTINGS, allClaims: true });
    await sync(a);
    expect(a.settings).toEqual({ ...DEFAULT_SETTINGS, highlights: false });
    await Promise.all([a.engine.close(), b.engine.close(), a.db.delete(), b.db.delete()]);
  });

  it('changed on both devices between syncs: the newer change of each group wins on both', async () => {
    const [a, b] = await pair();
    a.groups = b.groups = ['reading', 'saving'];
    await sync(a);
    await sync(b);
    // Both change between syncs: A the reading display first, then B later; B also changes saving.
    a.settings = { ...a.settings, highlights: false };
    a.clock.now += 1_000;
    b.settings = { ...b.settings, allClaims: true, autoSave: true };
    b.clock.now += 5_000;
    await sync(a);
    await sync(b); // B's revision conflicts with A's on the server; B folds them
    await sync(a);
    await sync(b);
    const want = { ...DEFAULT_SETTINGS, allClaims: true, autoSave: true };
    expect(a.settings).toEqual(want);
    expect(b.settings).toEqual(want);
    await Promise.all([a.engine.close(), b.engine.close(), a.db.delete(), b.db.delete()]);
  });

  it('folds document versions per group and checks values as stored settings are', () => {
    const x = { v: 1 as const, groups: { reading: { at: 5, values: { highlights: false, allClaims: false } }, saving: { at: 9, values: { autoSave: true, neverSave: [] } } } };
    const y = { v: 1 as const, groups: { reading: { at: 7, values: { highlights: true, allClaims: true } } } };
    expect(mergeShared(x, y).groups).toEqual({ reading: y.groups.reading, saving: x.groups.saving });
    expect(mergeShared(y, x).groups).toEqual({ reading: y.groups.reading, saving: x.groups.saving });
    // A document cannot slip in a setting outside its group, nor a value that is not one.
    expect(cleanValues('saving', { autoSave: 'yes', neverSave: ['javascript:alert(1)', 'https://a.example'], autoRun: 'all' })).toEqual({ autoSave: false, neverSave: ['https://a.example'] });
  });
});

describe('the controller with shared settings', () => {
  function fakeBrowser() {
    const data = new Map<string, unknown>();
    let settings: Settings = { ...DEFAULT_SETTINGS };
    return {
      data,
      get settings() {
        return settings;
      },
      set settings(s: Settings) {
        settings = s;
      },
      deps: {
        storage: {
          get: async (k: string) => (data.has(k) ? { [k]: structuredClone(data.get(k)) } : {}),
          set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
          remove: async (k: string) => void data.delete(k),
        },
        alarms: { create: () => undefined, clear: () => undefined },
        mayContact: async () => true,
        settings: { read: async () => settings, write: async (c: GroupValues) => void (settings = parseSettings({ ...settings, ...c })) },
      },
    };
  }

  it('keeps the groups a device ticks (none by default) and carries them between two browsers', { timeout: 60_000 }, async () => {
    const url = `${couch.origin}/settings-ctl-${++n}`;
    const [ba, bb] = [fakeBrowser(), fakeBrowser()];
    const dbs = [new ArchiveDB(`ctl-settings-a-${n}`), new ArchiveDB(`ctl-settings-b-${n}`)];
    // Each browser has its own local databases: the in-memory adapter shares a store between equal names.
    const own =
      (prefix: string): PouchFactory =>
      (name, opts) =>
        openPouch(/^https?:\/\//.test(name) ? name : `${prefix}${name}`, opts);
    const a = createSyncController({ db: dbs[0]!, Pouch: own(`a${n}-`), ...ba.deps });
    const b = createSyncController({ db: dbs[1]!, Pouch: own(`b${n}-`), ...bb.deps });
    expect((await a.view()).shared).toEqual([]);
    await a.turnOn({ url, ...AUTH, passphrase: PASSPHRASE });
    await a.share(['saving', 'nonsense']);
    expect((await a.view()).shared).toEqual(['saving']);
    expect(ba.data.get(SYNC_SHARED_KEY)).toEqual(['saving']);
    ba.settings = { ...ba.settings, autoSave: true, neverSave: ['https://a.example'] };
    expect((await a.cycle()).lastError).toBeNull();

    await b.turnOn({ url, ...AUTH, passphrase: PASSPHRASE });
    expect(bb.settings.autoSave).toBe(false);
    await b.share(['saving']);
    expect((await b.cycle()).lastError).toBeNull();
    expect(bb.settings).toEqual({ ...DEFAULT_SETTINGS, autoSave: true, neverSave: ['https://a.example'] });
    await a.turnOff({ deleteRemote: true });
    await b.turnOff();
    // The choice is the device's, kept when sync is off.
    expect((await b.view()).shared).toEqual(['saving']);
    await Promise.all(dbs.map((d) => d.delete()));
  });
});

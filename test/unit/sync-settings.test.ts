/**
 * Settings the reader marks as shared (issue #23, lib/sync/shared-settings.ts) travelling between two
 * "devices" through the CouchDB-compatible test server on 127.0.0.1 (test/sync-server.ts): only the
 * groups a device ticks, never the sites read automatically, sealed like the articles, and the newer
 * change winning when both devices changed a group between syncs.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { ArchiveDB } from '../../lib/archive/db';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../lib/settings';
import { createSyncController, SYNC_SHARED_KEY } from '../../lib/sync/controller';
import { keysFrom, settingsId } from '../../lib/sync/crypto';
import { connect, SyncEngine, type Joined, type PouchDatabase, type PouchFactory } from '../../lib/sync/engine';
import {
  capStamps,
  cleanValues,
  mergeShared,
  readShared,
  sharedDoc,
  type GroupValues,
  type SettingStamps,
  type SharedGroup,
  type SharedPlain,
  type SharedSettingsPort,
} from '../../lib/sync/shared-settings';
import { getSettings, getSettingsStamps, updateSettings } from '../../lib/settings-item';
import { startCouch, startGate, type TestCouch } from '../sync-server';

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
  /** When each setting was changed here (`change` stamps them, as lib/settings-item.ts does). */
  stamps: SettingStamps;
  groups: SharedGroup[];
  clock: { now: number };
  joined: Joined;
  url: string;
}

const T0 = 1_700_000_000_000;

async function device(url: string, label: string, port?: (d: Device) => Omit<SharedSettingsPort, 'groups'>): Promise<Device> {
  const db = new ArchiveDB(`sync-settings-${label}-${++n}`);
  await db.open();
  const server = { url, ...AUTH };
  const joined = await connect(openPouch, server, PASSPHRASE, { iterations: 100_000 });
  const d = { db, settings: { ...DEFAULT_SETTINGS }, stamps: {}, groups: [] as SharedGroup[], clock: { now: T0 }, joined, url } as Device;
  d.engine = new SyncEngine({
    db,
    Pouch: openPouch,
    server,
    joined,
    localName: `pouch-settings-${label}-${n}`,
    now: () => d.clock.now,
    settings: {
      groups: async () => d.groups,
      ...(port?.(d) ?? {
        read: async () => structuredClone(d.settings),
        stamps: async () => ({ ...d.stamps }),
        update: async (decide) => void (d.settings = parseSettings({ ...d.settings, ...decide(structuredClone(d.settings)) })),
      }),
    },
  });
  return d;
}

/** The reader changes settings on a device: written and stamped with the device's clock. */
function change(d: Device, c: Partial<Settings>): void {
  d.settings = parseSettings({ ...d.settings, ...c });
  for (const k of Object.keys(c) as (keyof Settings)[]) d.stamps[k] = d.clock.now;
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

/** The settings document as the server holds it: its winning revision, its conflicts, and what it says. */
async function onServer(d: Device): Promise<{ rev: string; conflicts: string[]; plain: SharedPlain }> {
  const keys = await keysFrom(d.joined.bits);
  const remote = openPouch(d.url, { auth: AUTH });
  const doc = await remote.get(await settingsId(keys), { conflicts: true });
  await remote.close();
  return { rev: doc._rev!, conflicts: doc._conflicts ?? [], plain: await readShared(keys, doc) };
}

const generation = (rev: string) => Number(rev.split('-')[0]);

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

  it('a change is stamped when it was made, not when a cycle noticed it: the later change wins a conflict', async () => {
    const [a, b] = await pair();
    a.groups = b.groups = ['reading'];
    await sync(a);
    await sync(b);
    // A changes first but syncs last (it was asleep); B changes later and syncs at once.
    a.clock.now = b.clock.now = T0 + 1_000;
    change(a, { allClaims: true });
    b.clock.now = T0 + 5_000;
    change(b, { highlights: false, allClaims: false });
    await sync(b);
    a.clock.now = T0 + 9_000;
    await sync(a); // A's version conflicts with B's on the server; A folds them
    await sync(b);
    await sync(a);
    for (const d of [a, b]) expect(d.settings).toEqual({ ...DEFAULT_SETTINGS, highlights: false, allClaims: false });
    await Promise.all([a.engine.close(), b.engine.close(), a.db.delete(), b.db.delete()]);
  });

  it('a device whose clock runs a year ahead does not win against changes made after its own, and leaves no stamp from the future', async () => {
    const [a, b] = await pair();
    const YEAR = 365 * 24 * 3600 * 1000;
    a.clock.now = T0 + YEAR;
    a.groups = b.groups = ['reading', 'saving'];
    await sync(a);
    await sync(b);
    change(a, { highlights: false });
    await sync(a);
    await sync(b); // B takes A's change (stamped a year ahead)
    expect(b.settings.highlights).toBe(false);
    // Then, between syncs: B changes the reading display again, A (still a year ahead) the saving group.
    b.clock.now += 60_000;
    change(b, { highlights: true, allClaims: true });
    a.clock.now += 60_000;
    change(a, { autoSave: true });
    await sync(b);
    await sync(a); // conflict: A's version still holds its old reading values, stamped a year ahead
    await sync(b);
    await sync(a);
    const want = { ...DEFAULT_SETTINGS, highlights: true, allClaims: true, autoSave: true };
    expect(a.settings).toEqual(want);
    expect(b.settings).toEqual(want);
    // B writes the document once more: no stamp in it is later than B's clock.
    b.clock.now += 60_000;
    change(b, { neverSave: ['https://b.example'] });
    await sync(b);
    const { plain } = await onServer(b);
    for (const e of Object.values(plain.groups)) expect(e.at).toBeLessThanOrEqual(b.clock.now);
    expect(capStamps({ v: 1, groups: { reading: { n: 2, at: T0 + YEAR, values: {} } } }, T0).groups.reading!.at).toBe(T0);
    await Promise.all([a.engine.close(), b.engine.close(), a.db.delete(), b.db.delete()]);
  });

  it('a setting missing from a document another version wrote keeps this device’s value', async () => {
    const [a, b] = await pair();
    a.groups = b.groups = ['reading'];
    change(b, { allClaims: true });
    await sync(b);
    await sync(a);
    expect(a.settings.allClaims).toBe(true);
    // Another version writes the reading group without `allClaims`.
    const keys = await keysFrom(a.joined.bits);
    const remote = openPouch(a.url, { auth: AUTH });
    const current = await remote.get(await settingsId(keys));
    const older: SharedPlain = { v: 1, groups: { reading: { n: 7, at: T0 + 10_000, values: { highlights: false } } } };
    await remote.put({ ...(await sharedDoc(keys, older)), _rev: current._rev } as never);
    await remote.close();
    await sync(a);
    expect(a.settings).toEqual({ ...DEFAULT_SETTINGS, highlights: false, allClaims: true });
    expect(cleanValues('reading', { highlights: false })).toEqual({ highlights: false });
    // Folding it with a version that has the key keeps that key's value.
    const full = { n: 1, at: T0, values: { highlights: true, allClaims: true } };
    expect(mergeShared({ v: 1, groups: { reading: full } }, older).groups.reading!.values).toEqual({ highlights: false, allClaims: true });
    await Promise.all([a.engine.close(), b.engine.close(), a.db.delete(), b.db.delete()]);
  });

  it('two devices folding one conflict at once converge on one version, without writing it back and forth', async () => {
    const url = `settings-${++n}`;
    const [gateA, gateB] = [await startGate(couch), await startGate(couch)];
    const a = await device(`${gateA.origin}/${url}`, 'a');
    const b = await device(`${gateB.origin}/${url}`, 'b');
    a.groups = b.groups = ['reading', 'saving'];
    await sync(a);
    await sync(b);
    change(a, { allClaims: true });
    change(b, { autoSave: true });
    await sync(a);
    // B sends its version (a conflict on the server), takes A's, folds them, and loses the network
    // before it can send the fold.
    let posts = 0;
    gateB.onRequest = (req) => {
      if (req.method === 'POST' && /_bulk_docs/.test(req.url ?? '') && ++posts === 2) void gateB.stop();
    };
    expect((await b.engine.syncOnce()).lastError).toMatch(/could not be reached/);
    gateB.onRequest = null;
    expect(posts).toBe(2);
    const split = await onServer(a);
    expect(split.conflicts.length).toBe(1);
    // A folds the same conflict on its own, and sends its fold.
    await sync(a);
    const folded = await onServer(a);
    expect(folded.conflicts).toEqual([]);
    expect(generation(folded.rev)).toBe(generation(split.rev) + 1);
    // B is back and sends its own fold: the two folds say the same, so the conflict between them
    // folds to the winner without a new revision.
    await gateB.start();
    await sync(b);
    for (let i = 0; i < 3; i++) {
      await sync(a);
      await sync(b);
    }
    const end = await onServer(a);
    expect(end.conflicts).toEqual([]);
    expect(generation(end.rev)).toBe(generation(split.rev) + 1);
    const want = { ...DEFAULT_SETTINGS, allClaims: true, autoSave: true };
    expect(a.settings).toEqual(want);
    expect(b.settings).toEqual(want);
    await Promise.all([a.engine.close(), b.engine.close(), a.db.delete(), b.db.delete(), gateA.close(), gateB.close()]);
  });

  it('folds document versions per group and checks values as stored settings are', () => {
    const x = { v: 1 as const, groups: { reading: { n: 1, at: 5, values: { highlights: false, allClaims: false } }, saving: { n: 1, at: 9, values: { autoSave: true, neverSave: [] } } } };
    const y = { v: 1 as const, groups: { reading: { n: 1, at: 7, values: { highlights: true, allClaims: true } } } };
    expect(mergeShared(x, y).groups).toEqual({ reading: y.groups.reading, saving: x.groups.saving });
    expect(mergeShared(y, x).groups).toEqual({ reading: y.groups.reading, saving: x.groups.saving });
    // A document cannot slip in a setting outside its group, nor a value that is not one.
    expect(cleanValues('saving', { autoSave: 'yes', neverSave: ['javascript:alert(1)', 'https://a.example'], autoRun: 'all' })).toEqual({ autoSave: false, neverSave: ['https://a.example'] });
  });
});

describe('settings written on the options page while sync takes another device’s (lib/settings-item.ts)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('writes one at a time, each stamped when it was made', async () => {
    const before = Date.now();
    await Promise.all([updateSettings({ highlights: false }), updateSettings((s) => ({ allClaims: !s.allClaims })), updateSettings({ autoSave: true })]);
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, highlights: false, allClaims: true, autoSave: true });
    const stamps = await getSettingsStamps();
    expect(Object.keys(stamps).sort()).toEqual(['allClaims', 'autoSave', 'highlights']);
    for (const at of Object.values(stamps)) expect(at).toBeGreaterThanOrEqual(before);
  });

  it('neither a sync pull nor an options write racing it loses its change, whichever starts first', async () => {
    for (const optionsFirst of [false, true]) {
      fakeBrowser.reset();
      const url = `${couch.origin}/settings-race-${++n}`;
      const a = await device(url, 'a');
      // B's settings are the extension's (lib/settings-item.ts over the test browser's storage).
      let racing: Promise<unknown> | null = null;
      let armed = false;
      const b = await device(url, 'b', () => ({
        read: getSettings,
        stamps: getSettingsStamps,
        async update(decide) {
          // The reader ticks "mark every claim" on the options page while the pull writes.
          const race = armed;
          armed = false;
          if (race && optionsFirst) racing = updateSettings({ allClaims: true });
          const pull = updateSettings(decide);
          if (race && !optionsFirst) racing = updateSettings({ allClaims: true });
          await pull;
        },
      }));
      a.groups = b.groups = ['reading'];
      await sync(a);
      await sync(b);
      change(a, { highlights: false });
      await sync(a);
      armed = true;
      await sync(b);
      expect(racing).not.toBeNull();
      await racing;
      expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, highlights: false, allClaims: true });
      await sync(b);
      await sync(a);
      expect(a.settings).toEqual({ ...DEFAULT_SETTINGS, highlights: false, allClaims: true });
      await Promise.all([a.engine.close(), b.engine.close(), a.db.delete(), b.db.delete()]);
    }
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
        settings: { read: async () => settings, update: async (decide: (s: Settings) => GroupValues) => void (settings = parseSettings({ ...settings, ...decide(settings) })) },
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

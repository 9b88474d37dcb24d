/**
 * Sync (issue #23) between two "devices" — two archives, each with its own local PouchDB — through
 * a real CouchDB-compatible server on 127.0.0.1 (test/sync-server.ts). Each test gets its own
 * database on the server.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteArticles, restoreArticles, saveArticle, saveMany } from '../../lib/archive/articles';
import { reviewClaim } from '../../lib/archive/claims';
import { ArchiveDB } from '../../lib/archive/db';
import { tagArticles } from '../../lib/archive/search';
import { articleId, ITERATIONS, keysFrom, MIN_ITERATIONS, newKeyInfo, open, seal, unlock } from '../../lib/sync/crypto';
import { connect, errorWords, META_FORMAT, META_ID, SyncEngine, SyncError, WRONG_PASSPHRASE, type PouchDatabase, type PouchFactory, type ServerConfig } from '../../lib/sync/engine';
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { createSyncController, serverAddress, SYNC_ALARM, SYNC_STATE_KEY } from '../../lib/sync/controller';
import { payloadOf } from '../../lib/sync/records';
import type { SavedArticle } from '../../lib/types';
import { derivedOf, dumpArchive, rebuildFrom, sampleAnalysis, sampleArticle } from '../archive-consistency';
import { startCouch, type TestCouch } from '../sync-server';

const AUTH = { username: 'reader', password: 'pw-on-the-server' };
const PASSPHRASE = 'correct horse battery staple';
/** The minimum the meta document may ask for: the tests create many archives (the first test checks the real default). */
const ITER = 100_000;
let couch: TestCouch;
let n = 0;

/**
 * Devices' local databases in memory: PouchDB's IndexedDB adapters (which the extension uses,
 * lib/sync/pouch.ts) do not run on fake-indexeddb. The engine is the same whatever the adapter.
 */
const Pouch = (PouchDB.plugin(memory) as typeof PouchDB).plugin(http).plugin(replication);
const openPouch: PouchFactory = (name, opts = {}) => new Pouch(name, { adapter: /^https?:\/\//.test(name) ? 'http' : 'memory', ...opts }) as PouchDatabase;

beforeAll(async () => {
  couch = await startCouch(AUTH);
});
afterAll(async () => {
  await couch.close();
});

interface Device {
  db: ArchiveDB;
  engine: SyncEngine;
}

function serverFor(name: string): ServerConfig {
  return { url: `${couch.origin}/${name}`, ...AUTH };
}

async function device(server: ServerConfig, label: string, passphrase = PASSPHRASE): Promise<Device> {
  const db = new ArchiveDB(`sync-${label}-${++n}`);
  await db.open();
  const joined = await connect(openPouch, server, passphrase, { iterations: ITER });
  const engine = new SyncEngine({ db, Pouch: openPouch, server, joined, localName: `pouch-${label}-${n}` });
  return { db, engine };
}

async function pair(): Promise<{ server: ServerConfig; a: Device; b: Device }> {
  const server = serverFor(`archive-${++n}`);
  const a = await device(server, 'a');
  const b = await device(server, 'b');
  return { server, a, b };
}

async function save(d: Device, i: number, now = 1_700_000_000_000 + i): Promise<SavedArticle & { id: number }> {
  const art = sampleArticle(i);
  return saveArticle(d.db, art, await sampleAnalysis(art), now);
}

async function sync(d: Device) {
  const st = await d.engine.syncOnce();
  return { ...st };
}

/** The archive's records without what is local to a device, by URL. */
async function contents(d: Device): Promise<Map<string, unknown>> {
  return new Map((await d.db.articles.toArray()).map((r) => [r.url, JSON.parse(JSON.stringify(payloadOf(r)))]));
}

async function expectConsistent(d: Device): Promise<void> {
  const dump = await dumpArchive(d.db);
  const { totals, ...want } = rebuildFrom(dump.articles);
  const { totals: _t, ...got } = { ...derivedOf(dump), totals: null };
  expect(got).toEqual(want);
  expect(dump.meta.find((m) => m.key === totals.key)).toMatchObject({ articles: totals.articles, bytes: totals.bytes });
}

describe('sync keys and documents', () => {
  it('derives the same ids on every device with the passphrase, other ids with another, and refuses moved or altered ciphertext', async () => {
    const { info, bits } = await newKeyInfo(PASSPHRASE);
    expect(info.iterations).toBeGreaterThanOrEqual(600_000);
    const again = await unlock(info, PASSPHRASE);
    expect(again).toEqual(bits);
    expect(await unlock(info, 'Correct horse battery staple')).toBeNull();
    const keys = await keysFrom(bits);
    const other = await keysFrom((await newKeyInfo(PASSPHRASE)).bits); // same passphrase, another archive's salt
    const url = 'https://news.example/story-1';
    const id = await articleId(keys, url);
    expect(id).toMatch(/^a[A-Za-z0-9_-]{43}$/);
    expect(await articleId(await keysFrom(again!), url)).toBe(id);
    expect(await articleId(other, url)).not.toBe(id);
    const sealed = await seal(keys, id, 'Harbour bridge');
    expect(await open(keys, id, sealed)).toBe('Harbour bridge');
    expect((await seal(keys, id, 'Harbour bridge')).iv).not.toBe(sealed.iv);
    expect(await open(keys, await articleId(keys, 'https://news.example/story-2'), sealed)).toBeNull();
    expect(await open(other, id, sealed)).toBeNull();
    const flipped = sealed.ct.startsWith('A') ? `B${sealed.ct.slice(1)}` : `A${sealed.ct.slice(1)}`;
    expect(await open(keys, id, { ...sealed, ct: flipped })).toBeNull();
  });

  it('says what went wrong with the server in words', () => {
    const at = { url: 'https://couch.example.net/backstory' };
    const err = (status: number | undefined, message: string, name = 'Error') => Object.assign(new Error(message), { status, name });
    expect(errorWords(err(401, 'unauthorized'), at)).toBe("The sync server (couch.example.net) refused the user name or password (error 401). Check them in Backstory's options.");
    expect(errorWords(err(503, 'unavailable'), at)).toMatch(/^The sync server \(couch\.example\.net\) had a problem \(error 503\)\. Backstory will try again/);
    expect(errorWords(new TypeError('Failed to fetch'), at)).toMatch(/could not be reached/);
    expect(errorWords(new TypeError('NetworkError when attempting to fetch resource.'), at)).toMatch(/could not be reached/);
    expect(errorWords(err(undefined, 'connect refused', 'FetchError'), at)).toMatch(/could not be reached/);
    expect(errorWords(new TypeError("Cannot read properties of undefined (reading 'x')"), at)).toMatch(/^Sync stopped because of a problem in Backstory/);
    expect(errorWords(new SyncError(WRONG_PASSPHRASE), at)).toBe(WRONG_PASSPHRASE);
  });

  it('notes every save, review, tag change, delete and undo in the outbox, in the same transaction', async () => {
    const db = new ArchiveDB(`outbox-${++n}`);
    const art = sampleArticle(1);
    const rec = await saveArticle(db, art, await sampleAnalysis(art), 1);
    expect((await db.outbox.toArray()).map((r) => r.url)).toEqual([art.url]);
    await db.outbox.clear();
    await reviewClaim(db, rec.id, 'q-reopen', { status: 'disputed', note: '', evidence: [] }, 2);
    expect(await db.outbox.count()).toBe(1);
    await db.outbox.clear();
    await tagArticles(db, [rec.id], ['bridges'], []);
    expect(await db.outbox.count()).toBe(1);
    await db.outbox.clear();
    const [gone] = await deleteArticles(db, [rec.id]);
    expect(await db.outbox.get(art.url)).toBeTruthy();
    await db.outbox.clear();
    await restoreArticles(db, [gone]);
    expect(await db.outbox.get(art.url)).toBeTruthy();
    await db.delete();
  });
});

describe('two devices through a CouchDB-compatible server on 127.0.0.1', () => {
  it('a save on one appears on the other, with every derived table rebuilt there', async () => {
    const { a, b } = await pair();
    await save(a, 1);
    await save(a, 2);
    const sa = await sync(a);
    expect(sa.lastError).toBeNull();
    expect(sa.pending).toBe(0);
    expect(sa.last?.sent).toBe(2);
    const sb = await sync(b);
    expect(sb.lastError).toBeNull();
    expect(sb.last?.applied.added).toBe(2);
    expect(await contents(b)).toEqual(await contents(a));
    await expectConsistent(b);
    // Nothing to send back from B, nothing new for A.
    expect(await b.db.outbox.count()).toBe(0);
    expect((await sync(a)).last?.received).toBe(0);
  });

  it('an archive saved before sync was turned on sends all of it on the first sync', async () => {
    const { a, b } = await pair();
    await save(a, 12);
    await save(a, 13);
    // As an archive from before the outbox existed (schema version 5) has no rows in it.
    await a.db.outbox.clear();
    expect((await sync(a)).last?.sent).toBe(2);
    await sync(b);
    expect(await contents(b)).toEqual(await contents(a));
    // Later cycles send only what changed.
    await save(a, 14);
    expect((await sync(a)).last?.sent).toBe(1);
  });

  it('a review made while offline reaches the other device after reconnecting', async () => {
    const { a, b } = await pair();
    const rec = await save(a, 3);
    await sync(a);
    await sync(b);
    await couch.stop();
    try {
      await reviewClaim(a.db, rec.id, 'r-cost', { status: 'false', note: 'The budget office says otherwise', evidence: ['https://budget.example/report'] }, 1_800_000_000_000);
      const offline = await sync(a);
      expect(offline.lastError).toMatch(/could not be reached\. Backstory will try again; nothing is lost meanwhile\./);
      expect(offline.pending).toBe(1);
    } finally {
      await couch.start();
    }
    const back = await sync(a);
    expect(back.lastError).toBeNull();
    expect(back.pending).toBe(0);
    await sync(b);
    const onB = (await b.db.articles.where('url').equals(rec.url).first())!;
    expect(onB.claims!.find((c) => c.id === 'r-cost')!.review).toMatchObject({ status: 'false', note: 'The budget office says otherwise', updatedAt: 1_800_000_000_000 });
    expect(await b.db.claims.where('[status+date]').between(['false', -Infinity], ['false', Infinity]).count()).toBe(1);
    await expectConsistent(b);
  });

  it('a delete propagates, and undo brings the article back everywhere with its reviews and tags', async () => {
    const { a, b } = await pair();
    const rec = await save(a, 4);
    await save(a, 5);
    await tagArticles(a.db, [rec.id], ['bridges'], []);
    await reviewClaim(a.db, rec.id, 'q-reopen', { status: 'disputed', note: '', evidence: [] }, 1_750_000_000_000);
    await sync(a);
    await sync(b);
    expect(await b.db.articles.count()).toBe(2);
    const [gone] = await deleteArticles(a.db, [rec.id]);
    await sync(a);
    const sb = await sync(b);
    expect(sb.last?.applied.deleted).toBe(1);
    expect(await b.db.articles.where('url').equals(rec.url).count()).toBe(0);
    await expectConsistent(b);
    // Undo on A: the record is saved again and travels again.
    await restoreArticles(a.db, [gone]);
    await sync(a);
    await sync(b);
    const back = (await b.db.articles.where('url').equals(rec.url).first())!;
    expect(back.tags).toEqual(['bridges']);
    expect(back.claims!.find((c) => c.id === 'q-reopen')!.review?.status).toBe('disputed');
    expect(await contents(b)).toEqual(await contents(a));
    await expectConsistent(b);
  });

  it('two conflicting reviews end as the import rule says on both devices: the newer wins, tags are united', async () => {
    const { a, b } = await pair();
    const recA = await save(a, 6);
    await sync(a);
    await sync(b);
    const recB = (await b.db.articles.where('url').equals(recA.url).first())!;
    // Both edit the same article between syncs; B's review is the newer one.
    await reviewClaim(a.db, recA.id, 'q-reopen', { status: 'verified', note: 'Seen on the council site', evidence: [] }, 1_800_000_000_000);
    await tagArticles(a.db, [recA.id], ['council'], []);
    await reviewClaim(b.db, recB.id!, 'q-reopen', { status: 'disputed', note: 'The council now says May', evidence: [] }, 1_800_000_500_000);
    await tagArticles(b.db, [recB.id!], ['bridges'], []);
    await sync(a);
    const sb = await sync(b);
    expect(sb.lastError).toBeNull();
    await sync(a);
    await sync(b);
    for (const d of [a, b]) {
      const r = (await d.db.articles.where('url').equals(recA.url).first())!;
      expect(r.claims!.find((c) => c.id === 'q-reopen')!.review).toMatchObject({ status: 'disputed', note: 'The council now says May', updatedAt: 1_800_000_500_000 });
      expect([...r.tags!].sort()).toEqual(['bridges', 'council']);
      await expectConsistent(d);
    }
    expect(await contents(b)).toEqual(await contents(a));
    // The conflict is listed for the reader on the device that resolved it.
    expect([...a.engine.state.conflicts, ...b.engine.state.conflicts].some((c) => c.title === recA.title)).toBe(true);
  });

  it('the server stores none of the articles’ words, titles, addresses or tags', async () => {
    const { a, b } = await pair();
    const recs = [await save(a, 7), await save(a, 8), await save(a, 9)];
    await tagArticles(a.db, [recs[0]!.id], ['harbour works'], []);
    await reviewClaim(a.db, recs[1]!.id, 'r-cost', { status: 'false', note: 'Auditors disagreed', evidence: ['https://audit.example/bridge'] }, 1_800_000_000_000);
    const [gone] = await deleteArticles(a.db, [recs[2]!.id]);
    await sync(a);
    await sync(b);
    const all = [...(await a.db.articles.toArray()), gone!];
    const secrets = new Set<string>();
    for (const r of all) {
      secrets.add(r.title);
      secrets.add(r.url);
      secrets.add(new URL(r.url).pathname);
      for (const t of r.tags ?? []) secrets.add(t);
      for (const c of r.claims ?? []) if (c.review?.note) secrets.add(c.review.note);
      // Words of seven letters or more: a shorter one could turn up by chance in base64.
      for (const w of [r.title, ...r.paragraphs].join(' ').match(/\p{L}{7,}/gu) ?? []) secrets.add(w);
    }
    secrets.add('audit.example');
    const raw = await couch.rawStorage();
    expect(raw.length).toBeGreaterThan(1000);
    const leaked = [...secrets].filter((s) => raw.includes(s));
    expect(leaked).toEqual([]);
    // The scan can find them: the archive's own rows hold every one.
    const plain = JSON.stringify(await a.db.articles.toArray()) + JSON.stringify(gone);
    expect([...secrets].filter((s) => !plain.includes(s))).toEqual([]);
    // Only the sync server's database was asked for, with opaque ids.
    const paths = couch.requests.map((r) => r.url);
    expect(paths.filter((p) => /story-\d|bridge|harbour|news\.example/i.test(decodeURIComponent(p)))).toEqual([]);
  });

  it('a wrong passphrase is refused with a clear message and changes nothing, here or on the server', async () => {
    const { server, a } = await pair();
    await save(a, 10);
    await sync(a);
    const b = new ArchiveDB(`sync-wrong-${++n}`);
    const art = sampleArticle(11);
    await saveArticle(b, art, await sampleAnalysis(art), 1);
    const before = { raw: await couch.rawStorage(), dump: JSON.stringify(await dumpArchive(b)) };
    await expect(connect(openPouch, server, 'correct horse battery stapler')).rejects.toThrow(new SyncError(WRONG_PASSPHRASE));
    expect(await couch.rawStorage()).toBe(before.raw);
    expect(JSON.stringify(await dumpArchive(b))).toBe(before.dump);
    expect(WRONG_PASSPHRASE).toMatch(/^That passphrase does not open the archive on this server\..*Nothing was changed/);
  });

  it('refuses a server archive that asks for a cheaper key derivation than the minimum (each guess must stay costly)', async () => {
    // A server cannot lower the cost of guessing the passphrase: the meta document's iteration
    // count is checked before any key is derived from it.
    for (const iterations of [MIN_ITERATIONS - 1, 1000, 1, 0]) {
      const server = serverFor(`archive-cheap-${++n}`);
      const remote = openPouch(server.url, { auth: { username: server.username, password: server.password } });
      const { info } = await newKeyInfo(PASSPHRASE, MIN_ITERATIONS);
      await remote.put({ _id: META_ID, format: META_FORMAT, v: 1, keys: { ...info, iterations } });
      await remote.close();
      const before = await couch.rawStorage();
      await expect(connect(openPouch, server, PASSPHRASE)).rejects.toThrow(/asks for a key derivation Backstory does not accept/);
      expect(await couch.rawStorage()).toBe(before);
    }
    const { info } = await newKeyInfo(PASSPHRASE, MIN_ITERATIONS);
    expect(info.iterations).toBe(MIN_ITERATIONS);
    expect(ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('wrong server credentials are named as such', async () => {
    const server = { ...serverFor(`archive-${++n}`), password: 'not it' };
    await expect(connect(openPouch, server, PASSPHRASE)).rejects.toThrow(/refused the user name or password \(error 401\)/);
  });

  it('a worker stopped between steps picks up where it left off, with a new engine', async () => {
    const server = serverFor(`archive-${++n}`);
    const a = await device(server, 'a');
    for (const i of [30, 31, 32]) await save(a, i);
    // A's cycle stops after the outbox went into its local database (the server is down), and the worker ends.
    await couch.stop();
    try {
      expect((await sync(a)).lastError).toMatch(/could not be reached/);
    } finally {
      await couch.start();
    }
    expect(await a.db.outbox.count()).toBe(0);
    const localA = `pouch-a-${n}`;
    await a.engine.close();
    const joinedA = await connect(openPouch, server, PASSPHRASE);
    const a2 = new SyncEngine({ db: a.db, Pouch: openPouch, server, joined: joinedA, localName: localA });
    expect((await a2.syncOnce()).last?.sent).toBe(3);
    // B's worker ends right after replicating, before writing anything into its archive.
    const db = new ArchiveDB(`sync-b-${++n}`);
    const joinedB = await connect(openPouch, server, PASSPHRASE);
    const localB = openPouch(`pouch-b-${n}`);
    await localB.replicate.from(openPouch(server.url, { auth: AUTH }));
    await localB.close();
    expect(await db.articles.count()).toBe(0);
    const b2 = new SyncEngine({ db, Pouch: openPouch, server, joined: joinedB, localName: `pouch-b-${n}` });
    const sb = await b2.syncOnce();
    expect(sb.lastError).toBeNull();
    expect(sb.last?.applied.added).toBe(3);
    expect(await contents({ db } as Device)).toEqual(await contents({ db: a.db } as Device));
  });

  it('the server stopped mid-sync loses nothing and doubles nothing', { timeout: 120_000 }, async () => {
    const { server, a, b } = await pair();
    const entries = await Promise.all(
      Array.from({ length: 250 }, async (_x, k) => {
        const art = sampleArticle(100 + k);
        return { article: art, analysis: await sampleAnalysis(art) };
      }),
    );
    await saveMany(a.db, entries, 1_700_000_000_000);
    let bulk = 0;
    couch.onRequest = (req) => {
      if (req.method === 'POST' && req.url?.includes('/_bulk_docs') && ++bulk === 2) {
        req.socket.destroy();
        void couch.stop();
      }
    };
    const cut = await sync(a);
    couch.onRequest = null;
    expect(bulk).toBe(2);
    expect(cut.lastError).toMatch(/could not be reached/);
    expect(cut.pending).toBeGreaterThan(0);
    await couch.start();
    const done = await sync(a);
    expect(done.lastError).toBeNull();
    expect(done.pending).toBe(0);
    const sb = await sync(b);
    expect(sb.lastError).toBeNull();
    expect(await b.db.articles.count()).toBe(250);
    expect(await contents(b)).toEqual(await contents(a));
    await expectConsistent(b);
    // One document per article on the server (and the meta document), no duplicates.
    const remote = openPouch(server.url, { auth: AUTH });
    const info = await remote.info();
    expect(info.doc_count).toBe(251);
    await remote.close();
  });
});

describe('the sync controller (what the background runs)', () => {
  function fakeBrowser(granted: boolean) {
    const data = new Map<string, unknown>();
    const alarms = new Map<string, unknown>();
    return {
      data,
      alarms,
      storage: {
        get: async (k: string) => (data.has(k) ? { [k]: structuredClone(data.get(k)) } : {}),
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
        remove: async (k: string) => void data.delete(k),
      },
      alarmsApi: { create: (name: string, info: unknown) => alarms.set(name, info), clear: (name: string) => alarms.delete(name) },
      mayContact: async () => granted,
    };
  }

  it('checks the address it is given', () => {
    expect(serverAddress(' https://couch.example.net/backstory/ ')).toBe('https://couch.example.net/backstory');
    expect(serverAddress('http://127.0.0.1:5984/backstory')).toBe('http://127.0.0.1:5984/backstory');
    expect(() => serverAddress('http://couch.example.net/backstory')).toThrow(/Use https:\/\//);
    expect(() => serverAddress('https://reader:pw@couch.example.net/backstory')).toThrow(/in their own fields/);
    expect(() => serverAddress('https://couch.example.net/')).toThrow(/Add the database name/);
    expect(() => serverAddress('javascript:alert(1)')).toThrow(/must start with https:\/\//);
  });

  it('contacts no host while off or without the host permission; on, it keeps the key but never the passphrase; off deletes the remote copy', { timeout: 60_000 }, async () => {
    const db = new ArchiveDB(`ctl-${++n}`);
    await save({ db } as Device, 20);
    const url = `${couch.origin}/ctl-${n}`;
    const seen = couch.requests.length;
    const denied = fakeBrowser(false);
    const off = createSyncController({ db, Pouch: openPouch, storage: denied.storage, alarms: denied.alarmsApi, mayContact: denied.mayContact });
    expect((await off.cycle()).lastSynced).toBeNull();
    await expect(off.turnOn({ url, ...AUTH, passphrase: PASSPHRASE })).rejects.toThrow(/may not contact 127\.0\.0\.1:\d+ yet/);
    expect(couch.requests.length).toBe(seen);
    expect(denied.data.size).toBe(0);

    const b = fakeBrowser(true);
    const ctl = createSyncController({ db, Pouch: openPouch, storage: b.storage, alarms: b.alarmsApi, mayContact: b.mayContact });
    const st = await ctl.turnOn({ url, ...AUTH, passphrase: PASSPHRASE });
    expect(st.lastError).toBeNull();
    expect(st.last?.sent).toBe(1);
    expect(b.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 15 });
    expect(JSON.stringify([...b.data])).not.toContain(PASSPHRASE);
    expect(b.data.get(SYNC_STATE_KEY)).toMatchObject({ lastError: null, pending: 0 });
    // Every request went to the database given (PouchDB also asks the server's root for its version).
    expect(couch.requests.slice(seen).filter((r) => r.url !== '/' && !r.url.startsWith(`/ctl-${n}`))).toEqual([]);

    await ctl.turnOff({ deleteRemote: true });
    expect(b.data.size).toBe(0);
    expect(b.alarms.size).toBe(0);
    const res = await fetch(url, { headers: { authorization: `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}` } });
    expect(res.status).toBe(404);
    const after = couch.requests.length;
    await ctl.cycle();
    expect(couch.requests.length).toBe(after);
    expect(await db.articles.count()).toBe(1);
    await db.delete();
  });
});

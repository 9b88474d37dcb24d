/**
 * The sync driver (docs/sync.md): moves changed articles from the archive's outbox into a local
 * PouchDB that holds only sealed documents, replicates it with the reader's CouchDB (PouchDB's own
 * replication: resumable from its checkpoints, no duplicates), resolves CouchDB conflicts by the
 * import rules, and writes what arrived into the archive (lib/sync/apply.ts).
 *
 * One cycle (`syncOnce`) can stop anywhere (the worker ends, the server goes away) without losing
 * or doubling anything: an outbox row goes only after its document is in the local PouchDB;
 * replication resumes from its checkpoints; what the local PouchDB holds is applied to the archive
 * from a sequence number saved after each applied batch, and applying twice changes nothing.
 */
import type { ReviewConflict } from '../archive/backup-merge';
import type { ArchiveDB } from '../archive/db';
import type { SavedArticle } from '../types';
import { applyIncoming, emptyReport, mergeVersions, type ApplyReport } from './apply';
import { articleId, checkBits, settingsId, isArticleId, ITERATIONS, keysFrom, MIN_ITERATIONS, newKeyInfo, unlock, type KeyInfo, type SyncKeys } from './crypto';
import { articleDoc, deletionDoc, readDoc, sameContent, UnreadableDoc, type Incoming, type SyncDoc } from './records';
import {
  capStamps,
  differs,
  mergeShared,
  pick,
  readShared,
  samePlain,
  sameValues,
  sharedDoc,
  SHARED_GROUPS,
  type GroupValues,
  type SettingStamps,
  type SharedGroup,
  type SharedPlain,
  type SharedSettingsPort,
} from './shared-settings';

// ---------------------------------------------------------------------------------------------
// The part of PouchDB used here (pouchdb-core with the idb, http and replication plugins).

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  last_seq?: number | string;
}

export interface PouchDatabase {
  get(id: string, opts?: { rev?: string; conflicts?: boolean }): Promise<SyncDoc & Record<string, unknown>>;
  put(doc: Record<string, unknown> & { _id: string }): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: SyncDoc[]): Promise<{ ok?: boolean; id?: string; rev?: string; error?: unknown; status?: number; message?: string }[]>;
  changes(opts: Record<string, unknown>): Promise<{ results: { id: string; seq: number | string; doc?: SyncDoc }[]; last_seq: number | string }>;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  replicate: {
    to(target: PouchDatabase, opts?: Record<string, unknown>): Promise<ReplicationResult>;
    from(source: PouchDatabase, opts?: Record<string, unknown>): Promise<ReplicationResult>;
  };
  close(): Promise<void>;
  destroy(): Promise<unknown>;
}

/** Opens a database: a local name, or a server address (with `auth`). */
export type PouchFactory = (nameOrUrl: string, opts?: Record<string, unknown>) => PouchDatabase;

// ---------------------------------------------------------------------------------------------

/** Where the reader's CouchDB is: the database's address ("https://couch.example.net/backstory") and credentials. */
export interface ServerConfig {
  url: string;
  username?: string;
  password?: string;
}

/** A problem sync can name for the reader; nothing in the archive was changed by what failed. */
export class SyncError extends Error {}

export const META_ID = 'backstory-meta';
export const META_FORMAT = 'backstory-sync';

interface MetaDoc {
  _id: string;
  _rev?: string;
  format: string;
  v: number;
  keys: KeyInfo;
}

export const WRONG_PASSPHRASE =
  'That passphrase does not open the archive on this server. Use the passphrase you chose when sync was first turned on (on your other device). Nothing was changed, here or on the server.';
const REPLACED =
  'The archive on the sync server was removed or replaced since this device last synced (it has a different key). Sync has stopped, and nothing was changed here. Turn sync off and on again to join the archive now on the server.';

function remoteOf(Pouch: PouchFactory, server: ServerConfig): PouchDatabase {
  const opts: Record<string, unknown> = {};
  if (server.username) opts.auth = { username: server.username, password: server.password ?? '' };
  return Pouch(server.url, opts);
}

const statusOf = (err: unknown): number | undefined => (err && typeof err === 'object' && typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : undefined);

/** A sentence for the reader about what went wrong with the server. */
export function errorWords(err: unknown, server: Pick<ServerConfig, 'url'>): string {
  if (err instanceof SyncError || err instanceof UnreadableDoc) return err.message;
  let host = server.url;
  try {
    host = new URL(server.url).host;
  } catch {
    // keep the text as given
  }
  const status = statusOf(err);
  if (status === 401 || status === 403) return `The sync server (${host}) refused the user name or password (error ${status}). Check them in Backstory's options.`;
  if (status === 404) return `The sync server (${host}) has no database at that address, and could not create one (error 404). Check the address in Backstory's options.`;
  if (status !== undefined && status >= 500) return `The sync server (${host}) had a problem (error ${status}). Backstory will try again; nothing is lost meanwhile.`;
  if (status === 413) return `The sync server (${host}) refused an article as too large (error 413). Raise its maximum document size (max_document_size in CouchDB).`;
  const msg = err instanceof Error ? err.message : String(err);
  // Chrome: "Failed to fetch"; Firefox: "NetworkError when attempting to fetch resource."; Node: FetchError.
  if (/fetch|network|ECONNREFUSED|ECONNRESET|socket|timed? ?out/i.test(msg) || (err instanceof Error && err.name === 'FetchError')) {
    return `The sync server (${host}) could not be reached. Backstory will try again; nothing is lost meanwhile.`;
  }
  return status === undefined ? `Sync stopped because of a problem in Backstory: ${msg}` : `Sync stopped: the server answered with error ${status} (${msg}).`;
}

async function getOrNull(db: PouchDatabase, id: string, opts?: { rev?: string; conflicts?: boolean }): Promise<(SyncDoc & Record<string, unknown>) | null> {
  try {
    return await db.get(id, opts ?? {});
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw err;
  }
}

function readMeta(doc: Record<string, unknown> | null): MetaDoc | null {
  if (!doc) return null;
  const m = doc as unknown as MetaDoc;
  const k = m.keys;
  if (
    m.format !== META_FORMAT ||
    m.v !== 1 ||
    !k ||
    k.kdf !== 'PBKDF2-SHA-256' ||
    typeof k.salt !== 'string' ||
    typeof k.iterations !== 'number' ||
    !k.check ||
    typeof k.check.iv !== 'string' ||
    typeof k.check.ct !== 'string'
  ) {
    throw new SyncError('The database at that address holds something other than a Backstory archive. Choose an empty database, or one another Backstory device syncs with.');
  }
  if (k.iterations < MIN_ITERATIONS || k.iterations > 100_000_000) throw new SyncError('The archive on the server asks for a key derivation Backstory does not accept. Choose another database.');
  return m;
}

/** What `connect` gives back, to keep (in the extension's local storage) for later syncs. */
export interface Joined {
  /** The 512 key bits (never the passphrase). */
  bits: Uint8Array;
  /** The archive's salt, which names it: a server archive with another salt is another archive. */
  salt: string;
  /** Whether this device created the archive on the server. */
  created: boolean;
}

/**
 * Joins the archive on the server, or creates it there when the database holds none: reads the
 * meta document, derives the key from the passphrase with its salt, and checks it. A wrong
 * passphrase throws a SyncError (WRONG_PASSPHRASE) before anything is read or written, here or
 * there. Contacts only `server.url`.
 */
export async function connect(Pouch: PouchFactory, server: ServerConfig, passphrase: string, opts: { iterations?: number } = {}): Promise<Joined> {
  if (!passphrase) throw new SyncError('Choose a passphrase: it encrypts everything sent to the server, and your other devices need it to join.');
  const remote = remoteOf(Pouch, server);
  try {
    let meta: MetaDoc | null;
    try {
      meta = readMeta(await getOrNull(remote, META_ID));
    } catch (err) {
      if (err instanceof SyncError) throw err;
      throw new SyncError(errorWords(err, server));
    }
    if (meta) {
      const bits = await unlock(meta.keys, passphrase);
      if (!bits) throw new SyncError(WRONG_PASSPHRASE);
      return { bits, salt: meta.keys.salt, created: false };
    }
    const { info, bits } = await newKeyInfo(passphrase, opts.iterations ?? ITERATIONS);
    try {
      await remote.put({ _id: META_ID, format: META_FORMAT, v: 1, keys: info });
    } catch (err) {
      // Another device created it in the meantime: join that one.
      if (statusOf(err) === 409) return connect(Pouch, server, passphrase, opts);
      throw new SyncError(errorWords(err, server));
    }
    return { bits, salt: info.salt, created: true };
  } finally {
    await remote.close().catch(() => undefined);
  }
}

/** Sync's state, for the options page: last synced, pending, the last error in words, recent review conflicts. */
export interface SyncState {
  running: boolean;
  /** When a cycle last completed with the server (ms since 1970), or null. */
  lastSynced: number | null;
  /** Changes of this device not yet on the server (articles). */
  pending: number;
  lastError: string | null;
  /** Reviews edited on two devices between syncs, and which one was kept (the newer); the latest 50. */
  conflicts: ReviewConflict[];
  /** What the last cycle did. */
  last: { sent: number; received: number; applied: ApplyReport } | null;
}

interface LocalState {
  _id: string;
  _rev?: string;
  /** The local PouchDB's sequence up to which its documents are in the archive. */
  appliedSeq: number | string;
  /** Its sequence when everything in it was last known to be on the server. */
  pushedSeq: number | string;
  lastSynced: number | null;
  /** Whether every article of the archive was put in the outbox once (the first cycle): articles saved before the outbox existed have no row. */
  seeded?: boolean;
}

const STATE_ID = '_local/backstory-sync-state';
/** Per shared group, the values this device last agreed with the settings document on (not replicated). */
const SHARED_BASE_ID = '_local/backstory-sync-shared';

interface SharedBase {
  _id: string;
  _rev?: string;
  /** Per group, the values this device and the document last agreed on. */
  base: Partial<Record<SharedGroup, GroupValues>>;
  /** Per group, when they agreed (a setting stamped no later was not changed since). */
  seen: Partial<Record<SharedGroup, number>>;
}
const BATCH = 100;
const MAX_CONFLICTS = 50;

export interface EngineOptions {
  db: ArchiveDB;
  Pouch: PouchFactory;
  server: ServerConfig;
  joined: Pick<Joined, 'bits' | 'salt'>;
  /** The local PouchDB's name (one per server archive). */
  localName: string;
  /** The settings the reader marks as shared; without it, no settings travel. */
  settings?: SharedSettingsPort;
  now?: () => number;
}

export class SyncEngine {
  readonly state: SyncState = { running: false, lastSynced: null, pending: 0, lastError: null, conflicts: [], last: null };
  private keys: SyncKeys | null = null;
  private readonly local: PouchDatabase;
  private readonly now: () => number;
  /** Revisions this engine wrote to the local PouchDB: already in the archive, not to be applied again. */
  private readonly own = new Set<string>();
  private cycle: Promise<SyncState> | null = null;

  constructor(private readonly opts: EngineOptions) {
    // Old revisions are of no use here: the server keeps the history replication needs.
    this.local = opts.Pouch(opts.localName, { auto_compaction: true });
    this.now = opts.now ?? Date.now;
  }

  private async keysNow(): Promise<SyncKeys> {
    return (this.keys ??= await keysFrom(this.opts.joined.bits));
  }

  /** One sync cycle; a call while one runs waits for it. Never throws: the outcome is in the state. */
  syncOnce(): Promise<SyncState> {
    this.cycle ??= this.run().finally(() => {
      this.cycle = null;
    });
    return this.cycle;
  }

  private async run(): Promise<SyncState> {
    this.state.running = true;
    const applied = emptyReport();
    let sent = 0;
    let received = 0;
    const remote = remoteOf(this.opts.Pouch, this.opts.server);
    try {
      await this.seed();
      // What an earlier cycle replicated but did not get to apply, then this device's changes.
      await this.applyLocal(applied);
      await this.pushOutbox();
      await this.pushSettings();
      await this.checkServer(remote);
      sent += (await this.local.replicate.to(remote, { batch_size: BATCH })).docs_written;
      received += (await this.local.replicate.from(remote, { batch_size: BATCH })).docs_written;
      const resolved = (await this.applyLocal(applied)) + (await this.pullSettings());
      // Conflicts resolved, or changes made here while the cycle ran: send them now rather than next time.
      if (resolved || (await this.opts.db.outbox.count())) {
        await this.pushOutbox();
        sent += (await this.local.replicate.to(remote, { batch_size: BATCH })).docs_written;
      }
      const st = await this.localState();
      st.pushedSeq = (await this.local.info()).update_seq;
      st.lastSynced = this.now();
      await this.saveState(st);
      this.state.lastSynced = st.lastSynced;
      this.state.lastError = null;
    } catch (err) {
      this.state.lastError = errorWords(err, this.opts.server);
      if (this.state.lastSynced === null) this.state.lastSynced = (await this.localState().catch(() => null))?.lastSynced ?? null;
    } finally {
      await remote.close().catch(() => undefined);
    }
    this.state.conflicts = [...applied.conflicts, ...this.state.conflicts].slice(0, MAX_CONFLICTS);
    this.state.last = { sent, received, applied };
    this.state.pending = await this.pendingCount().catch(() => this.state.pending);
    this.state.running = false;
    return this.state;
  }

  /**
   * On the first cycle, every article goes in the outbox: the archive may hold articles saved before
   * it had one, or while the outbox was cleared. Sending one the server already has costs a
   * comparison, not a document.
   */
  private async seed(): Promise<void> {
    const st = await this.localState();
    if (st.seeded) return;
    const db = this.opts.db;
    await db.transaction('rw', db.articles, db.outbox, async () => {
      const urls = (await db.articles.orderBy('url').keys()) as string[];
      const noted = new Set((await db.outbox.toCollection().primaryKeys()) as string[]);
      const at = this.now();
      await db.outbox.bulkPut(urls.filter((u) => !noted.has(u)).map((url) => ({ url, at })));
    });
    st.seeded = true;
    await this.saveState(st);
  }

  /** Refuses to go on when the server's archive is not the one this device joined. */
  private async checkServer(remote: PouchDatabase): Promise<void> {
    const meta = readMeta(await getOrNull(remote, META_ID));
    if (!meta || meta.keys.salt !== this.opts.joined.salt || !(await checkBits(meta.keys, this.opts.joined.bits))) throw new SyncError(REPLACED);
  }

  private async localState(): Promise<LocalState> {
    const doc = (await getOrNull(this.local, STATE_ID)) as unknown as LocalState | null;
    return doc ?? { _id: STATE_ID, appliedSeq: 0, pushedSeq: 0, lastSynced: null };
  }

  private async saveState(st: LocalState): Promise<void> {
    const res = await this.local.put(st as unknown as Record<string, unknown> & { _id: string });
    st._rev = res.rev;
  }

  /** Changes of this device not on the server yet: the outbox, and documents written locally since the last full push. */
  async pendingCount(): Promise<number> {
    const st = await this.localState();
    const since = await this.local.changes({ since: st.pushedSeq, limit: 10_000 });
    const ids = new Set(since.results.map((r) => r.id).filter(isArticleId));
    return (await this.opts.db.outbox.count()) + ids.size;
  }

  /**
   * Moves the outbox into the local PouchDB, in batches: each changed article as a sealed document
   * (a new revision of its document), each deleted one as a deletion. A row goes only once its
   * document is written, and only if it was not noted again meanwhile.
   */
  private async pushOutbox(): Promise<void> {
    const keys = await this.keysNow();
    const db = this.opts.db;
    for (;;) {
      const rows = await db.outbox.limit(BATCH).toArray();
      if (!rows.length) return;
      const urls = rows.map((r) => r.url);
      const records = new Map((await db.articles.where('url').anyOf(urls).toArray()).map((r) => [r.url, r]));
      const docs: SyncDoc[] = [];
      for (const url of urls) {
        const id = await articleId(keys, url);
        const current = await getOrNull(this.local, id);
        const record = records.get(url);
        if (record) {
          if (current && !current._deleted && (await this.sameAsDoc(keys, current, record))) continue;
          docs.push({ ...(await articleDoc(keys, record)), ...(current ? { _rev: current._rev } : {}) });
        } else if (current && !current._deleted) {
          docs.push({ ...(await deletionDoc(keys, url, this.now())), _rev: current._rev });
        }
      }
      if (docs.length) {
        const res = await this.local.bulkDocs(docs);
        const failed = res.find((r) => r.error);
        if (failed) throw new Error(`The local sync database refused a document (${String(failed.message ?? failed.error)}).`);
        for (const r of res) if (r.rev) this.own.add(r.rev);
      }
      await db.transaction('rw', db.outbox, async () => {
        const now = await db.outbox.bulkGet(urls);
        await db.outbox.bulkDelete(rows.filter((r, i) => now[i]?.at === r.at).map((r) => r.url));
      });
    }
  }

  private async sameAsDoc(keys: SyncKeys, doc: SyncDoc, record: SavedArticle): Promise<boolean> {
    try {
      const inc = await readDoc(keys, doc);
      return inc.record !== null && sameContent(inc.record, record);
    } catch {
      return false;
    }
  }

  /**
   * Applies the local PouchDB's changes since the last applied sequence to the archive, batch by
   * batch, resolving conflicts on the way. Returns how many conflicts it resolved (each wrote a
   * revision to send).
   */
  private async applyLocal(report: ApplyReport): Promise<number> {
    const keys = await this.keysNow();
    const st = await this.localState();
    let resolved = 0;
    for (;;) {
      const res = await this.local.changes({ since: st.appliedSeq, limit: BATCH, include_docs: true, conflicts: true, style: 'all_docs' });
      if (!res.results.length) break;
      const items: Incoming[] = [];
      for (const ch of res.results) {
        const doc = ch.doc;
        if (!doc || !isArticleId(ch.id)) continue;
        if (doc._conflicts?.length) {
          const item = await this.resolve(keys, doc);
          resolved++;
          if (item) items.push(item);
          continue;
        }
        if (doc._rev && this.own.has(doc._rev)) continue;
        const item = await this.incoming(keys, doc);
        if (item) items.push(item);
      }
      const r = await applyIncoming(this.opts.db, items);
      report.added += r.added;
      report.updated += r.updated;
      report.merged += r.merged;
      report.deleted += r.deleted;
      report.keptChanged += r.keptChanged;
      report.conflicts.push(...r.conflicts);
      st.appliedSeq = res.last_seq;
      await this.saveState(st);
    }
    return resolved;
  }

  /** A document as an incoming change; null when it is unreadable (noted in the state, the others go on). */
  private async incoming(keys: SyncKeys, doc: SyncDoc): Promise<Incoming | null> {
    try {
      const x = await readDoc(keys, doc);
      if (x.url !== null) return x;
      const url = await this.urlOf(keys, doc._id);
      return url ? { url, record: null } : null;
    } catch (err) {
      if (err instanceof UnreadableDoc) {
        this.state.lastError = err.message;
        return null;
      }
      throw err;
    }
  }

  /** The URL of an archived article with this document id (for a deletion without a body): a scan of the URLs. */
  private async urlOf(keys: SyncKeys, id: string): Promise<string | null> {
    for (const url of (await this.opts.db.articles.orderBy('url').keys()) as string[]) if ((await articleId(keys, url)) === id) return url;
    return null;
  }

  /**
   * A document CouchDB holds in conflict: its live versions folded into one by the import rules
   * (`mergeVersions`), written as the next revision of the winner, the other versions deleted.
   */
  private async resolve(keys: SyncKeys, doc: SyncDoc): Promise<Incoming | null> {
    const losers = doc._conflicts ?? [];
    const versions: SavedArticle[] = [];
    let url: string | null = null;
    for (const rev of [doc._rev!, ...losers]) {
      const d = rev === doc._rev ? doc : await getOrNull(this.local, doc._id, { rev });
      if (!d) continue;
      const x = await this.incoming(keys, d);
      if (x?.record) versions.push(x.record);
      url ??= x?.url ?? null;
    }
    const [winner, ...others] = versions;
    const writes: SyncDoc[] = losers.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true }));
    let item: Incoming | null = null;
    if (winner) {
      const m = mergeVersions(winner, others);
      this.state.conflicts = [...m.conflicts, ...this.state.conflicts].slice(0, MAX_CONFLICTS);
      if (m.changed) writes.push({ ...(await articleDoc(keys, m.record)), _rev: doc._rev });
      item = { url: winner.url, record: m.record };
    }
    const res = await this.local.bulkDocs(writes);
    for (const r of res) if (r.rev) this.own.add(r.rev);
    return item ?? (url ? { url, record: null } : null);
  }

  private async sharedBase(): Promise<SharedBase> {
    const doc = (await getOrNull(this.local, SHARED_BASE_ID)) as unknown as SharedBase | null;
    return { _id: SHARED_BASE_ID, ...doc, base: doc?.base ?? {}, seen: doc?.seen ?? {} };
  }

  private async saveBase(base: SharedBase): Promise<void> {
    const res = await this.local.put(base as unknown as Record<string, unknown> & { _id: string });
    base._rev = res.rev;
  }

  private async writeShared(keys: SyncKeys, plain: SharedPlain, rev: string | undefined): Promise<void> {
    const res = await this.local.put({ ...(await sharedDoc(keys, plain)), ...(rev ? { _rev: rev } : {}) } as SyncDoc & Record<string, unknown>);
    this.own.add(res.rev);
  }

  /**
   * When a group was changed here: the latest stamp of the settings that differ from the values
   * agreed on (lib/settings-item.ts stamps each write), never later than now. A change no stamp
   * followed (written by something that does not stamp, or before stamps were kept) counts as made
   * now, when the cycle notices it.
   */
  private changedAt(group: SharedGroup, mine: GroupValues, agreed: GroupValues | undefined, stamps: SettingStamps, seen: number | undefined): number {
    const now = this.now();
    const ats = SHARED_GROUPS[group].filter((k) => !agreed || !sameValues({ [k]: mine[k] }, { [k]: agreed[k] })).map((k) => stamps[k]);
    const at = Math.max(...ats.map((x) => (typeof x === 'number' ? x : -Infinity)));
    if (!Number.isFinite(at) || (seen !== undefined && at <= seen)) return now;
    return Math.min(at, now);
  }

  /**
   * The shared groups whose values changed here since this device last agreed with the settings
   * document go into it (a new revision), stamped with when they were changed and counted one change
   * after the document's. A group this device has not agreed on yet (just ticked, or just joined)
   * takes the document's values if it has some (pullSettings), else sends its own.
   */
  private async pushSettings(): Promise<void> {
    const port = this.opts.settings;
    const groups = port ? await port.groups() : [];
    if (!port || !groups.length) return;
    const keys = await this.keysNow();
    const [settings, stamps, doc, base] = await Promise.all([port.read(), port.stamps?.() ?? {}, getOrNull(this.local, await settingsId(keys)), this.sharedBase()]);
    const plain = await readShared(keys, doc);
    let changed = false;
    for (const g of groups) {
      const mine = pick(settings, g);
      const agreed = base.base[g];
      if (agreed ? sameValues(mine, agreed) : plain.groups[g]) continue;
      plain.groups[g] = { n: (plain.groups[g]?.n ?? 0) + 1, at: this.changedAt(g, mine, agreed, stamps, base.seen[g]), values: mine };
      base.base[g] = mine;
      base.seen[g] = this.now();
      changed = true;
    }
    if (!changed) return;
    await this.writeShared(keys, capStamps(plain, this.now()), doc?._rev);
    await this.saveBase(base);
  }

  /**
   * After replication: a settings document held in conflict is folded into one (per group the later
   * change wins, `mergeShared`), the other versions deleted, and the fold written as the winner's
   * next revision only when it differs from the winner: two devices folding one conflict at once
   * get the same fold, and the conflict between their two writes folds to the winner with no write.
   * Then, under the settings lock (the options page may be writing), each setting of a shared group
   * that changed in the document since this device agreed with it is written here, unless it
   * changed here too (then the change here, newer, is sent next cycle). Returns 1 when it wrote
   * revisions to send.
   */
  private async pullSettings(): Promise<number> {
    const port = this.opts.settings;
    const groups = port ? await port.groups() : [];
    if (!port || !groups.length) return 0;
    const keys = await this.keysNow();
    const id = await settingsId(keys);
    const doc = await getOrNull(this.local, id, { conflicts: true });
    if (!doc) return 0;
    let plain = await readShared(keys, doc);
    let wrote = 0;
    if (doc._conflicts?.length) {
      let folded = plain;
      for (const rev of doc._conflicts) folded = mergeShared(folded, await readShared(keys, await getOrNull(this.local, id, { rev })));
      folded = capStamps(folded, this.now());
      const res = await this.local.bulkDocs(doc._conflicts.map((rev) => ({ _id: id, _rev: rev, _deleted: true })));
      for (const r of res) if (r.rev) this.own.add(r.rev);
      if (!samePlain(folded, plain)) await this.writeShared(keys, folded, doc._rev);
      plain = folded;
      wrote = 1;
    }
    const base = await this.sharedBase();
    const agreedNow: Partial<Record<SharedGroup, GroupValues>> = {};
    await port.update((settings) => {
      const change: GroupValues = {};
      for (const g of groups) {
        const there = plain.groups[g];
        const agreed = base.base[g];
        if (!there || (agreed && !differs(there.values, agreed))) continue;
        const mine = pick(settings, g);
        for (const k of Object.keys(there.values) as (keyof GroupValues)[]) {
          // Changed there, and not here since this device agreed (else the change here, newer, goes next).
          if (!agreed || sameValues({ [k]: mine[k] }, { [k]: agreed[k] })) Object.assign(change, { [k]: there.values[k] });
        }
        agreedNow[g] = { ...(agreed ?? mine), ...there.values };
      }
      return change;
    });
    if (Object.keys(agreedNow).length) {
      for (const g of Object.keys(agreedNow) as SharedGroup[]) {
        base.base[g] = agreedNow[g];
        base.seen[g] = this.now();
      }
      await this.saveBase(base);
    }
    return wrote;
  }

  async close(): Promise<void> {
    await this.local.close();
  }

  /** Removes the local PouchDB (sync turned off). The archive is not touched. */
  async forget(): Promise<void> {
    await this.local.destroy();
  }
}

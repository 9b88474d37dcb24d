/**
 * Sync as the background runs it (entrypoints/background.ts creates it): the reader's
 * choice kept in the extension's local storage, cycles on an alarm (the MV3 worker may stop at any
 * time; an alarm wakes it) and shortly after each change, the state kept where the options page can
 * read it. Everything the browser provides is passed in, so it runs in Node tests.
 *
 * While sync is off nothing here contacts any host. Turning it on contacts only the address the
 * reader gave, and only once the browser has granted the host permission for it (asked for by the
 * options page, on the reader's click).
 */
import type { ArchiveDB } from '../archive/db';
import { fromBase64, toBase64 } from './crypto';
import { connect, errorWords, SyncEngine, SyncError, type PouchFactory, type ServerConfig, type SyncState } from './engine';
import { GROUP_NAMES, type SharedGroup, type SharedSettingsPort } from './shared-settings';

export const SYNC_KEY = 'sync';
export const SYNC_STATE_KEY = 'syncState';
export const SYNC_ALARM = 'backstory-sync';
/** The groups of settings this device shares (lib/sync/shared-settings.ts); none by default. Kept when sync is turned off. */
export const SYNC_SHARED_KEY = 'syncShared';
/** Minutes between cycles when nothing changes here (changes from other devices arrive then). */
export const PERIOD_MINUTES = 15;
/** A cycle this long after the last change here (several quick changes make one cycle). */
export const AFTER_CHANGE_MS = 10_000;

/** What is kept while sync is on: never the passphrase, only the key bits derived from it. */
export interface StoredSync {
  server: ServerConfig;
  bits: string;
  salt: string;
  localName: string;
}

export interface SyncControllerDeps {
  db: ArchiveDB;
  Pouch: PouchFactory;
  storage: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> };
  alarms: { create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown; clear(name: string): unknown };
  /** Whether the browser lets the extension contact this server (its host permission is granted). */
  mayContact(url: string): Promise<boolean>;
  now?: () => number;
  /** This device's settings, for the groups the reader shares; without it no settings travel. */
  settings?: Omit<SharedSettingsPort, 'groups'>;
  /** After each cycle (the background tells open pages when articles arrived). */
  cycled?: (state: SyncState) => void;
}

/** Sync as the options page shows it: on or off, the server (never the password), the state. */
export interface SyncView {
  on: boolean;
  server: { url: string; username: string | null } | null;
  state: SyncState | null;
  /** The groups of settings this device shares. */
  shared: SharedGroup[];
}

/** The address of a CouchDB database as the reader typed it, checked: http(s), no credentials in it, a database name. */
export function serverAddress(input: string): string {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    throw new SyncError('That is not a web address. Give the address of a database on your CouchDB, such as https://couch.example.net/backstory.');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new SyncError('The sync server’s address must start with https:// (or http:// for a server on this computer).');
  if (u.protocol === 'http:' && u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') {
    throw new SyncError('Use https:// for a sync server on another machine: with http:// your user name and password would cross the network readable.');
  }
  if (u.username || u.password) throw new SyncError('Give the user name and password in their own fields, not in the address.');
  if (u.search || u.hash) throw new SyncError('The sync server’s address should end with the database name, without ? or #.');
  const path = u.pathname.replace(/\/+$/, '');
  if (!path || path === '/') throw new SyncError('Add the database name to the address, such as https://couch.example.net/backstory.');
  return `${u.origin}${path}`;
}

export function createSyncController(deps: SyncControllerDeps) {
  const now = deps.now ?? Date.now;
  let engine: SyncEngine | null = null;
  let engineFor: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function stored(): Promise<StoredSync | null> {
    return ((await deps.storage.get(SYNC_KEY))[SYNC_KEY] as StoredSync | undefined) ?? null;
  }

  async function engineNow(): Promise<SyncEngine | null> {
    const s = await stored();
    if (!s) return null;
    const key = `${s.localName} ${s.server.url} ${s.server.username ?? ''} ${s.salt}`;
    if (engine && engineFor === key) return engine;
    await engine?.close().catch(() => undefined);
    const settings = deps.settings ? { ...deps.settings, groups: sharedGroups } : undefined;
    engine = new SyncEngine({ db: deps.db, Pouch: deps.Pouch, server: s.server, joined: { bits: fromBase64(s.bits), salt: s.salt }, localName: s.localName, settings, now });
    engineFor = key;
    return engine;
  }

  async function sharedGroups(): Promise<SharedGroup[]> {
    const raw = (await deps.storage.get(SYNC_SHARED_KEY))[SYNC_SHARED_KEY];
    return Array.isArray(raw) ? GROUP_NAMES.filter((g) => raw.includes(g)) : [];
  }

  async function keep(state: SyncState): Promise<SyncState> {
    await deps.storage.set({ [SYNC_STATE_KEY]: { ...state, running: false } });
    deps.cycled?.(state);
    return state;
  }

  return {
    /**
     * Turns sync on: checks the address and the permission, joins (or creates) the archive on the
     * server with the passphrase, keeps the key bits, starts the alarm and runs a first cycle. A
     * wrong passphrase or an unreachable server throws a SyncError and leaves sync as it was.
     */
    async turnOn(input: { url: string; username?: string; password?: string; passphrase: string }): Promise<SyncState> {
      const url = serverAddress(input.url);
      if (!(await deps.mayContact(url))) throw new SyncError(`Backstory may not contact ${new URL(url).host} yet. Allow it when your browser asks, then try again.`);
      const server: ServerConfig = { url, ...(input.username ? { username: input.username, password: input.password ?? '' } : {}) };
      const joined = await connect(deps.Pouch, server, input.passphrase);
      const localName = `backstory-sync-${joined.salt.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}`;
      await deps.storage.set({ [SYNC_KEY]: { server, bits: toBase64(joined.bits), salt: joined.salt, localName } satisfies StoredSync });
      deps.alarms.create(SYNC_ALARM, { periodInMinutes: PERIOD_MINUTES, delayInMinutes: PERIOD_MINUTES });
      return this.cycle();
    },

    /** Turns sync off: no more contact; the local copy of sealed documents goes; with `deleteRemote`, the server's database too. */
    async turnOff(opts: { deleteRemote?: boolean } = {}): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      await deps.alarms.clear(SYNC_ALARM);
      const s = await stored();
      const e = await engineNow();
      await e?.forget().catch(() => undefined);
      engine = null;
      engineFor = null;
      await deps.storage.remove(SYNC_KEY);
      await deps.storage.remove(SYNC_STATE_KEY);
      if (opts.deleteRemote && s) {
        const remote = deps.Pouch(s.server.url, s.server.username ? { auth: { username: s.server.username, password: s.server.password ?? '' } } : {});
        try {
          await remote.destroy();
        } catch (err) {
          throw new SyncError(`Sync is off, but the copy on the server could not be deleted: ${errorWords(err, s.server)}`);
        }
      }
    },

    /** One cycle now, when sync is on (else nothing, and no contact). */
    async cycle(): Promise<SyncState> {
      const e = await engineNow();
      if (!e) return { running: false, lastSynced: null, pending: 0, lastError: null, conflicts: [], last: null };
      const s = await stored();
      if (s && !(await deps.mayContact(s.server.url))) {
        return keep({ ...e.state, lastError: `Backstory may no longer contact ${new URL(s.server.url).host} (its permission was removed). Allow it again in the options to sync.` });
      }
      return keep(await e.syncOnce());
    },

    /** The archive changed here: a cycle soon, once the changes stop for a moment. */
    changed(): void {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void this.cycle();
      }, AFTER_CHANGE_MS);
    },

    async onAlarm(name: string): Promise<void> {
      if (name === SYNC_ALARM) await this.cycle();
    },

    async isOn(): Promise<boolean> {
      return (await stored()) !== null;
    },

    /** What the options page shows; contacts no server. Pending is counted now, not at the last cycle. */
    async view(): Promise<SyncView> {
      const s = await stored();
      const shared = await sharedGroups();
      if (!s) return { on: false, server: null, state: null, shared };
      const kept = ((await deps.storage.get(SYNC_STATE_KEY))[SYNC_STATE_KEY] as SyncState | undefined) ?? null;
      const e = await engineNow();
      const live = e?.state.running ? { ...e.state } : kept;
      const pending = await e?.pendingCount().catch(() => null);
      const state = live ? { ...live, pending: pending ?? live.pending } : null;
      return { on: true, server: { url: s.server.url, username: s.server.username ?? null }, state, shared };
    },

    /** Chooses the groups of settings this device shares; when sync is on, a cycle follows soon. */
    async share(groups: readonly string[]): Promise<void> {
      await deps.storage.set({ [SYNC_SHARED_KEY]: GROUP_NAMES.filter((g) => groups.includes(g)) });
      if (await this.isOn()) this.changed();
    },

    /** The settings changed here: a cycle soon if this device shares some (and sync is on). */
    async settingsChanged(): Promise<void> {
      if ((await sharedGroups()).length && (await this.isOn())) this.changed();
    },
  };
}

/**
 * The reader's settings as one typed storage item, for the extension's pages and its background:
 * read, written and watched here only, always through `parseSettings`, so a stored value from an
 * older version or a hand-edited backup reads as valid settings. (The content script reads the same
 * key with `browser.storage` directly: WXT's storage module would cost it bytes it does not have.)
 *
 * Writes are serialised: the options page, the side panel and the background (sync taking another
 * device's settings) each read, change and write the settings, and two of them interleaving would
 * lose one change. Every write here holds one lock, the browser's Web Locks where it has them (shared
 * by the extension's pages and its worker, which are one origin), else a queue in this context.
 * Each write also notes when each setting changed (`settingsStamps`), in the same storage write: sync
 * stamps a shared change with the time it was made, not the time a cycle noticed it.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from './settings';

const item = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, { fallback: DEFAULT_SETTINGS });

/** When each setting last changed on this device (ms since 1970); absent: not since stamps were kept. */
export type SettingsStamps = Partial<Record<keyof Settings, number>>;
export const SETTINGS_STAMPS_KEY = 'settingsStamps';
const stampsItem = storage.defineItem<unknown>(`local:${SETTINGS_STAMPS_KEY}`, { fallback: {} });

export const SETTINGS_LOCK = 'backstory-settings';
let queue: Promise<unknown> = Promise.resolve();

interface LockManagerLike {
  request<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** Runs `fn` with no other settings write running, in this context or (with Web Locks) in any of the extension's. */
export function withSettingsLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (locks && typeof locks.request === 'function') return locks.request(SETTINGS_LOCK, fn);
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

export async function getSettings(): Promise<Settings> {
  return parseSettings(await item.getValue());
}

export async function getSettingsStamps(): Promise<SettingsStamps> {
  const raw = await stampsItem.getValue();
  const out: SettingsStamps = {};
  if (raw && typeof raw === 'object') {
    for (const k of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const v = (raw as Record<string, unknown>)[k];
      if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
    }
  }
  return out;
}

/** Writes `next` with the changed settings stamped `at`; nothing when nothing changed. */
async function write(now: Settings, next: Settings, at: number): Promise<void> {
  const changed = (Object.keys(next) as (keyof Settings)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(now[k]));
  if (!changed.length && JSON.stringify(await item.getValue()) === JSON.stringify(next)) return;
  const stamps = await getSettingsStamps();
  for (const k of changed) stamps[k] = at;
  await storage.setItems([
    { item, value: next },
    { item: stampsItem, value: stamps },
  ]);
}

export async function setSettings(s: Settings): Promise<void> {
  await withSettingsLock(async () => write(await getSettings(), parseSettings(s), Date.now()));
}

/**
 * Changes some settings, keeping the others as they are stored now. A function is called with the
 * settings as they are when the lock is held (no other write can come between its reading and the
 * write); it may return an empty change.
 */
export async function updateSettings(change: Partial<Settings> | ((s: Settings) => Partial<Settings>)): Promise<Settings> {
  return withSettingsLock(async () => {
    const now = await getSettings();
    const next = parseSettings({ ...now, ...(typeof change === 'function' ? change(now) : change) });
    await write(now, next, Date.now());
    return next;
  });
}

/** Calls `fn` with the settings whenever they change; returns the function that stops watching. */
export function watchSettings(fn: (s: Settings) => void): () => void {
  return item.watch((v) => fn(parseSettings(v)));
}

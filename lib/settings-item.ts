/**
 * The reader's settings as one typed storage item, for the extension's pages and its background:
 * read, written and watched here only, always through `parseSettings`, so a stored value from an
 * older version or a hand-edited backup reads as valid settings. (The content script reads the same
 * key with `browser.storage` directly: WXT's storage module would cost it bytes it does not have.)
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from './settings';

const item = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, { fallback: DEFAULT_SETTINGS });

export async function getSettings(): Promise<Settings> {
  return parseSettings(await item.getValue());
}

export async function setSettings(s: Settings): Promise<void> {
  await item.setValue(parseSettings(s));
}

/** Changes some settings, keeping the others as they are stored now. */
export async function updateSettings(change: Partial<Settings> | ((s: Settings) => Partial<Settings>)): Promise<Settings> {
  const now = await getSettings();
  const next = parseSettings({ ...now, ...(typeof change === 'function' ? change(now) : change) });
  await item.setValue(next);
  return next;
}

/** Calls `fn` with the settings whenever they change; returns the function that stops watching. */
export function watchSettings(fn: (s: Settings) => void): () => void {
  return item.watch((v) => fn(parseSettings(v)));
}

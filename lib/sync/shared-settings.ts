/**
 * Settings the reader marks as shared (issue #23, docs/sync.md): one more sealed document on the
 * server, holding the values of the groups of settings that devices share, each with the time the
 * change was noticed. A device sends a group's values when they changed here since it last agreed
 * with the document, and takes the document's values when they changed there; for a CouchDB
 * conflict (both changed between syncs) the newer change of each group wins.
 *
 * What can be shared is a fixed list of groups, chosen per device (none by default): the reading
 * display and the saving preferences. Never shared: which sites are read automatically (`autoRun`,
 * `sites`), because each needs a host permission that only that browser's own prompt can grant,
 * and a page read without a click must stay the reader's decision on that device; and sync's own
 * address, credentials and keys, which are not settings at all.
 */
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings';
import { open, seal, settingsId, type SyncKeys } from './crypto';
import { canonical, type SyncDoc } from './records';

export const SHARED_GROUPS = {
  /** How pages are marked: named actors highlighted, every claim marked. */
  reading: ['highlights', 'allClaims'],
  /** Saving every page read, and the sites never saved by themselves. */
  saving: ['autoSave', 'neverSave'],
} as const satisfies Record<string, readonly (keyof Settings)[]>;

export type SharedGroup = keyof typeof SHARED_GROUPS;
export const GROUP_NAMES = Object.keys(SHARED_GROUPS) as SharedGroup[];
export const isSharedGroup = (x: unknown): x is SharedGroup => typeof x === 'string' && Object.hasOwn(SHARED_GROUPS, x);

/** The values of one group. */
export type GroupValues = Partial<Settings>;

/** What the settings document says, once opened. */
export interface SharedPlain {
  v: 1;
  groups: Partial<Record<SharedGroup, { at: number; values: GroupValues }>>;
}

/** How the engine reaches this device's settings and the groups it shares (the background's storage; plain objects in tests). */
export interface SharedSettingsPort {
  groups(): Promise<SharedGroup[]>;
  read(): Promise<Settings>;
  write(change: GroupValues): Promise<void>;
}

/** A group's values out of whole settings. */
export function pick(s: Settings, group: SharedGroup): GroupValues {
  return Object.fromEntries(SHARED_GROUPS[group].map((k) => [k, s[k]])) as GroupValues;
}

/** A group's values from a document, checked as stored settings are (what does not fit takes the default). */
export function cleanValues(group: SharedGroup, raw: unknown): GroupValues {
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const only = Object.fromEntries(SHARED_GROUPS[group].filter((k) => k in given).map((k) => [k, given[k]]));
  return pick(parseSettings({ ...DEFAULT_SETTINGS, ...only }), group);
}

export const sameValues = (a: GroupValues | undefined, b: GroupValues | undefined) => canonical(a ?? null) === canonical(b ?? null);

/** Two versions of the document folded into one: per group, the newer change wins (ties: the larger text, the same choice on every device). */
export function mergeShared(a: SharedPlain, b: SharedPlain): SharedPlain {
  const groups: SharedPlain['groups'] = { ...a.groups };
  for (const g of GROUP_NAMES) {
    const x = a.groups[g];
    const y = b.groups[g];
    if (!y) continue;
    if (!x || y.at > x.at || (y.at === x.at && canonical(y.values) > canonical(x.values))) groups[g] = y;
  }
  return { v: 1, groups };
}

export async function sharedDoc(keys: SyncKeys, plain: SharedPlain): Promise<SyncDoc> {
  const _id = await settingsId(keys);
  return { _id, v: 1, ...(await seal(keys, _id, JSON.stringify(plain))) };
}

/** The document's content; an empty one when it cannot be opened (written by another archive, or damaged: the next change here replaces it). */
export async function readShared(keys: SyncKeys, doc: SyncDoc | null): Promise<SharedPlain> {
  const empty: SharedPlain = { v: 1, groups: {} };
  if (!doc || doc._deleted || typeof doc.iv !== 'string' || typeof doc.ct !== 'string') return empty;
  const text = await open(keys, doc._id, { iv: doc.iv, ct: doc.ct });
  if (text === null) return empty;
  let raw: { groups?: Record<string, unknown> };
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch {
    return empty;
  }
  const groups: SharedPlain['groups'] = {};
  for (const g of GROUP_NAMES) {
    const e = raw?.groups?.[g] as { at?: unknown; values?: unknown } | undefined;
    if (e && typeof e.at === 'number' && Number.isFinite(e.at)) groups[g] = { at: e.at, values: cleanValues(g, e.values) };
  }
  return { v: 1, groups };
}

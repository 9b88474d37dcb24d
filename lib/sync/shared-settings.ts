/**
 * Settings the reader marks as shared (issue #23, docs/sync.md): one more sealed document on the
 * server, holding the values of the groups of settings that devices share, each with the time the
 * change was made and a count of the group's changes. A device sends a group's values when they
 * changed here since it last agreed with the document, and takes the document's values, key by key,
 * where they changed there and not here; for a CouchDB conflict (both changed between syncs) the
 * later change of each group wins (`mergeShared`).
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

/** The values of one group; a document written by another version may lack some of its keys. */
export type GroupValues = Partial<Settings>;

/**
 * One group in the document: its values, how many changes of the group this value follows (`n`: a
 * device that changes the group writes one more than the document it changed it from, so a change
 * made after seeing another always wins over it, whatever the devices' clocks say), and when it was
 * changed (`at`, ms: never later than the writing device's clock), which decides only between two
 * changes made without seeing each other.
 */
export interface GroupEntry {
  n: number;
  at: number;
  values: GroupValues;
}

/** What the settings document says, once opened. */
export interface SharedPlain {
  v: 1;
  groups: Partial<Record<SharedGroup, GroupEntry>>;
}

/** When each setting was last changed on this device (lib/settings-item.ts keeps them). */
export type SettingStamps = Partial<Record<keyof Settings, number>>;

/** How the engine reaches this device's settings and the groups it shares (the background's storage; plain objects in tests). */
export interface SharedSettingsPort {
  groups(): Promise<SharedGroup[]>;
  read(): Promise<Settings>;
  /** When each setting last changed here; without it, a change counts as made when a cycle notices it. */
  stamps?(): Promise<SettingStamps>;
  /**
   * Calls `decide` with the settings as they are now and writes the change it returns, with no other
   * write of the settings between the two (the settings lock: the options page may be writing).
   */
  update(decide: (now: Settings) => GroupValues): Promise<void>;
}

/** A group's values out of whole settings. */
export function pick(s: Settings, group: SharedGroup): GroupValues {
  return Object.fromEntries(SHARED_GROUPS[group].map((k) => [k, s[k]])) as GroupValues;
}

/**
 * A group's values from a document, checked as stored settings are (a value that does not fit takes
 * the default). Only the group's own keys, and only those the document has: a key it lacks (written
 * by a version without it) is left out, so the device keeps its own value for it.
 */
export function cleanValues(group: SharedGroup, raw: unknown): GroupValues {
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const present = SHARED_GROUPS[group].filter((k) => Object.hasOwn(given, k));
  const parsed = parseSettings({ ...DEFAULT_SETTINGS, ...Object.fromEntries(present.map((k) => [k, given[k]])) });
  return Object.fromEntries(present.map((k) => [k, parsed[k]])) as GroupValues;
}

export const sameValues = (a: GroupValues | undefined, b: GroupValues | undefined) => canonical(a ?? null) === canonical(b ?? null);

/** Whether `there` says something other than `agreed` for any key it has. */
export function differs(there: GroupValues, agreed: GroupValues | undefined): boolean {
  return (Object.keys(there) as (keyof Settings)[]).some((k) => canonical(there[k] ?? null) !== canonical(agreed?.[k] ?? null));
}

/** The entry the fold keeps of two versions of one group (the same choice on every device). */
function newer(x: GroupEntry, y: GroupEntry): GroupEntry {
  if (sameValues(x.values, y.values)) return x;
  const yWins = y.n !== x.n ? y.n > x.n : y.at !== x.at ? y.at > x.at : canonical(y.values) > canonical(x.values);
  const [w, l] = yWins ? [y, x] : [x, y];
  // A key the kept version lacks (an older version wrote it) keeps the other's value.
  return { ...w, values: { ...l.values, ...w.values } };
}

/**
 * Two versions of the document folded into one, per group: equal values stay as the first version
 * has them (so folding a conflict between two writes of the same fold changes nothing); else the
 * change made after the other wins (`n`), then the newer stamp, then the larger text. The result
 * depends only on the versions and their order, so every device folding one conflict gets the same.
 */
export function mergeShared(a: SharedPlain, b: SharedPlain): SharedPlain {
  const groups: SharedPlain['groups'] = { ...a.groups };
  for (const g of GROUP_NAMES) {
    const x = a.groups[g];
    const y = b.groups[g];
    if (y) groups[g] = x ? newer(x, y) : y;
  }
  return { v: 1, groups };
}

/** The document with no stamp later than `now`: a device whose clock runs ahead leaves no stamp from the future once another device writes. */
export function capStamps(plain: SharedPlain, now: number): SharedPlain {
  const groups: SharedPlain['groups'] = {};
  for (const g of GROUP_NAMES) {
    const e = plain.groups[g];
    if (e) groups[g] = e.at > now ? { ...e, at: now } : e;
  }
  return { v: 1, groups };
}

export const samePlain = (a: SharedPlain, b: SharedPlain) => canonical(a) === canonical(b);

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
    const e = raw?.groups?.[g] as { n?: unknown; at?: unknown; values?: unknown } | undefined;
    if (!e || typeof e.at !== 'number' || !Number.isFinite(e.at)) continue;
    // Documents written before `n` existed: every change counts as the first.
    const n = typeof e.n === 'number' && Number.isSafeInteger(e.n) && e.n >= 0 ? e.n : 0;
    groups[g] = { n, at: e.at, values: cleanValues(g, e.values) };
  }
  return { v: 1, groups };
}

/**
 * What the archive page needs to know about backups without loading the archive code: the size
 * limits of a backup file, how it travels between the page and the background, and when to remind
 * the reader to make one. No imports with side effects: the archive page bundles this file.
 */

/** The largest backup file Backstory reads, in bytes (a file's size on disk; said in the error). */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/**
 * Text travels between the archive page and the background in parts of at most this many
 * characters. Runtime messages are JSON-serialised and Chrome refuses one over 64 MiB; a part of
 * 4 Mi characters stays far below that even when every character needs escaping.
 */
export const PART_CHARS = 4 * 1024 * 1024;

/** The key, in `storage.local`, of the reminder's state. */
export const BACKUP_KEY = 'backup';

/** After this long without a backup, the archive page offers one. */
export const REMIND_AFTER_MS = 30 * 86_400_000;

/** "Not now" hides the reminder for this long. */
export const SNOOZE_MS = 7 * 86_400_000;

export interface BackupState {
  /** When the reader last saved a backup file from this browser (ms), or null. */
  lastAt: number | null;
  /** The reminder stays hidden until then (ms), or null. */
  snoozedUntil: number | null;
}

export const NO_BACKUP: BackupState = { lastAt: null, snoozedUntil: null };

/** The stored state, tolerating anything (an older or damaged value counts as "never"). */
export function parseBackupState(raw: unknown): BackupState {
  const r = (raw ?? {}) as Partial<Record<keyof BackupState, unknown>>;
  const time = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : null);
  return { lastAt: time(r.lastAt), snoozedUntil: time(r.snoozedUntil) };
}

/** Whether to offer a backup: there is something to lose, the last backup is old or missing, and no snooze runs. */
export function backupDue(state: BackupState, articles: number, now: number): boolean {
  if (articles <= 0) return false;
  if (state.snoozedUntil !== null && state.snoozedUntil > now) return false;
  return state.lastAt === null || now - state.lastAt > REMIND_AFTER_MS;
}

/** From this many articles, an archive is worth a backup reminder however new it is. */
export const WORTH_ARTICLES = 20;
/** ...or from this long after its first save. */
export const WORTH_AFTER_MS = 7 * 86_400_000;

/**
 * Whether the archive is worth nagging about at all: enough articles, or a week since the first
 * save. A reader who saved their first article a minute ago is not asked to back it up.
 */
export function backupWorthIt(articles: number, firstSavedAt: number | null, now: number): boolean {
  return articles >= WORTH_ARTICLES || (firstSavedAt !== null && articles > 0 && now - firstSavedAt >= WORTH_AFTER_MS);
}

/** Splits text into parts of at most `size` characters, never between the halves of a surrogate pair. */
export function splitParts(text: string, size = PART_CHARS): string[] {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + size);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff && end - 1 > at) end--;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts.length ? parts : [''];
}

/** What the archive page asks the background to export: the backup file, or a file for other tools. */
export type ExportRequest =
  | { format: 'backup' }
  | {
      format: 'markdown' | 'json' | 'annotations';
      /** These articles, in this order; every article when absent. */
      ids?: number[];
      /** Annotations only: also annotate the named people, organisations and places. */
      actors?: boolean;
    };

/** An export waiting in the background, to be read part by part (`archive/transfer`). */
export interface ExportTicket {
  transfer: string;
  parts: number;
  chars: number;
  articles: number;
  filename: string;
  mime: string;
  /**
   * Backups only: what checking the file with the importer found wrong (issue #15), as a sentence
   * for the reader; absent when every article in it restores.
   */
  warning?: string;
}

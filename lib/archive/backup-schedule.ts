/**
 * Automatic backups on a schedule the reader chooses (issue #15): the newest backup should exist
 * when it is needed (lib/background/census.ts points to it after a lost archive). What the archive
 * page and the background share, without side effects: the schedule's state in `storage.local`
 * and when a backup is due. The background checks hourly (`browser.alarms`) and writes the file
 * into the downloads folder through the optional `downloads` permission, asked when the reader
 * turns the schedule on.
 */

/** The schedule and what the last automatic backup did, in `storage.local`. */
export const AUTO_BACKUP_KEY = 'autoBackup';
/** When the archive last changed (ms), in `storage.local`: a backup of an unchanged archive is skipped. */
export const ARCHIVE_CHANGED_KEY = 'archiveChangedAt';
/** The alarm that checks hourly whether a backup is due. */
export const AUTO_BACKUP_ALARM = 'backstory-auto-backup';
/** The optional permission automatic backups need. */
export const DOWNLOADS_PERMISSION = 'downloads';
/** Files go into this folder inside the downloads folder. */
export const AUTO_BACKUP_FOLDER = 'Backstory';

export type BackupEvery = 'off' | 'daily' | 'weekly';

export const PERIOD_MS: Record<Exclude<BackupEvery, 'off'>, number> = { daily: 86_400_000, weekly: 7 * 86_400_000 };
/** A backup counts as on time this much early, so that an hourly check does not push a daily backup an hour later each day. */
export const EARLY_MS = 3_600_000;

export interface AutoBackupState {
  every: BackupEvery;
  /** When the last automatic backup was written (ms), or null. */
  lastAt: number | null;
  /** Its file, as the downloads folder has it (Backstory/…), or null. */
  lastFile: string | null;
  /** What went wrong the last time one was due, in words for the reader; null when it went through. */
  lastError: string | null;
}

export const AUTO_BACKUP_OFF: AutoBackupState = { every: 'off', lastAt: null, lastFile: null, lastError: null };

export function parseAutoBackup(raw: unknown): AutoBackupState {
  const r = (raw ?? {}) as Partial<Record<keyof AutoBackupState, unknown>>;
  const time = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : null);
  const str = (x: unknown): string | null => (typeof x === 'string' && x ? x.slice(0, 2000) : null);
  return {
    every: r.every === 'daily' || r.every === 'weekly' ? r.every : 'off',
    lastAt: time(r.lastAt),
    lastFile: str(r.lastFile),
    lastError: str(r.lastError),
  };
}

export type BackupDecision = 'off' | 'no-permission' | 'empty' | 'not-yet' | 'unchanged' | 'due';

/**
 * Whether the scheduled backup is due now. `lastBackupAt`: the newest backup of any kind (a manual
 * one counts too); `changedAt`: when the archive last changed, null when unknown (counted as changed).
 */
export function scheduledBackup(s: { every: BackupEvery; permitted: boolean; articles: number; lastBackupAt: number | null; changedAt: number | null; now: number }): BackupDecision {
  if (s.every === 'off') return 'off';
  if (!s.permitted) return 'no-permission';
  if (s.articles <= 0) return 'empty';
  if (s.lastBackupAt === null) return 'due';
  if (s.now - s.lastBackupAt < PERIOD_MS[s.every] - EARLY_MS) return 'not-yet';
  if (s.changedAt !== null && s.changedAt <= s.lastBackupAt) return 'unchanged';
  return 'due';
}

/** Where the file goes, inside the downloads folder. */
export function autoBackupPath(filename: string): string {
  return `${AUTO_BACKUP_FOLDER}/${filename}`;
}

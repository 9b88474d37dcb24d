/**
 * Writes the scheduled backup (lib/archive/backup-schedule.ts): the same file as the manual
 * export, checked with the importer first, into the downloads folder. Built from ports so tests can
 * hand it fakes; the background supplies `browser.downloads` and `browser.permissions`.
 */
import { checkExport, exportBackup } from '../archive/backup';
import { BACKUP_KEY, parseBackupState } from '../archive/backup-state';
import {
  ARCHIVE_CHANGED_KEY,
  AUTO_BACKUP_KEY,
  autoBackupPath,
  parseAutoBackup,
  scheduledBackup,
  type BackupDecision,
} from '../archive/backup-schedule';
import type { ArchiveDB } from '../archive/db';
import type { Settings } from '../settings';
import type { KeyValueArea } from './census';

export interface AutoBackupDeps {
  db: ArchiveDB;
  area: KeyValueArea;
  /** Whether the optional `downloads` permission is granted. */
  permitted(): Promise<boolean>;
  /** Saves `text` as `path` inside the downloads folder (a new name when one exists). */
  download(text: string, path: string): Promise<void>;
  now(): number;
  settings?(): Promise<Settings | null>;
}

/** Checks whether a backup is due and writes it when it is. Returns what it decided, or that it wrote or failed. */
export async function runScheduledBackup(d: AutoBackupDeps): Promise<BackupDecision | 'written' | 'failed'> {
  const stored = await d.area.get(AUTO_BACKUP_KEY);
  const auto = parseAutoBackup(stored[AUTO_BACKUP_KEY]);
  if (auto.every === 'off') return 'off';
  const [permitted, articles, backups, changed] = await Promise.all([d.permitted(), d.db.articles.count(), d.area.get(BACKUP_KEY), d.area.get(ARCHIVE_CHANGED_KEY)]);
  const backup = parseBackupState(backups[BACKUP_KEY]);
  const changedAt = typeof changed[ARCHIVE_CHANGED_KEY] === 'number' ? (changed[ARCHIVE_CHANGED_KEY] as number) : null;
  const now = d.now();
  const decision = scheduledBackup({ every: auto.every, permitted, articles, lastBackupAt: backup.lastAt, changedAt, now });
  if (decision === 'no-permission') {
    await d.area.set({ [AUTO_BACKUP_KEY]: { ...auto, lastError: 'Backstory may no longer save files in your downloads folder, so no automatic backup was made. Choose the schedule again to allow it.' } });
  }
  if (decision !== 'due') return decision;
  try {
    const settings = (await d.settings?.().catch(() => null)) ?? null;
    const file = await exportBackup(d.db, { settings, now });
    const warning = checkExport(file.text, d.db.verno);
    const path = autoBackupPath(file.filename);
    await d.download(file.text, path);
    await d.area.set({
      [BACKUP_KEY]: { ...backup, lastAt: now, snoozedUntil: null },
      [AUTO_BACKUP_KEY]: { ...auto, lastAt: now, lastFile: path, lastError: warning },
    });
    return 'written';
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    await d.area.set({ [AUTO_BACKUP_KEY]: { ...auto, lastError: `The automatic backup could not be saved: ${why}` } }).catch(() => undefined);
    return 'failed';
  }
}

/** The file as a URL the downloads API takes: a blob URL where the page can make one (Firefox), else a data URL (Chrome's service worker). */
export function fileUrl(text: string): { url: string; release(): void } {
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    return { url, release: () => setTimeout(() => URL.revokeObjectURL(url), 60_000) };
  }
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { url: `data:application/json;base64,${btoa(bin)}`, release: () => undefined };
}

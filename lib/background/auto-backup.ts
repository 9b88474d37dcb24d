/**
 * Writes the scheduled backup (lib/archive/backup-schedule.ts): the same file as the manual
 * export, checked with the importer first, into the downloads folder. Built from ports so tests can
 * hand it fakes; the background supplies `browser.downloads` and `browser.permissions`.
 */
import { exportBackup } from '../archive/backup-export';
import { checkExport } from '../archive/backup-file';
import { BACKUP_KEY, parseBackupState } from '../archive/backup-state';
import { ARCHIVE_CHANGED_KEY, AUTO_BACKUP_KEY, autoBackupPath, parseAutoBackup, scheduledBackup, type BackupDecision } from '../archive/backup-schedule';
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
    // Turned off, so that choosing a schedule again is a click that asks for the permission again.
    await d.area.set({
      [AUTO_BACKUP_KEY]: {
        ...auto,
        every: 'off',
        lastError: 'Backstory may no longer save files in your downloads folder, so automatic backups were turned off. Choose a schedule again to allow it.',
      },
    });
  }
  if (decision !== 'due') return decision;
  try {
    const settings = (await d.settings?.().catch(() => null)) ?? null;
    const file = await exportBackup(d.db, { settings, now });
    const warning = checkExport(file.text, d.db.verno);
    const path = autoBackupPath(file.filename);
    await d.download(file.text, path);
    if (warning) {
      // The file is written, but the importer would not restore all of it: not counted as the newest backup.
      await d.area.set({ [AUTO_BACKUP_KEY]: { ...auto, lastError: warning } });
      return 'failed';
    }
    await d.area.set({
      [BACKUP_KEY]: { ...backup, lastAt: now, snoozedUntil: null },
      [AUTO_BACKUP_KEY]: { ...auto, lastAt: now, lastFile: path, lastError: null },
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

/** What `downloads.onChanged` reports of a download (the part used here). */
export interface DownloadDelta {
  id: number;
  state?: { current?: string };
  error?: { current?: string };
}

/** The part of the downloads API that tells when a download ended. */
export interface DownloadWatch {
  onChanged: { addListener(fn: (d: DownloadDelta) => void): void; removeListener(fn: (d: DownloadDelta) => void): void };
  search(query: { id: number }): Promise<{ state?: string; error?: string }[]>;
}

/** Reasons the downloads API gives, in the reader's words. */
function downloadProblem(code: string | undefined): string {
  if (code === 'FILE_NO_SPACE') return 'the disk is full';
  if (code === 'FILE_ACCESS_DENIED' || code === 'FILE_NAME_TOO_LONG' || code === 'FILE_TOO_LARGE' || code === 'FILE_BLOCKED') return `the browser could not write the file (${code})`;
  return `the download was interrupted (${code ?? 'no reason given'})`;
}

/**
 * Resolves when download `id` completed, and fails with the reason when it was interrupted: the
 * downloads API answers as soon as a download starts, and a full disk stops it only later.
 */
export function downloadFinished(api: DownloadWatch, id: number, timeoutMs = 10 * 60_000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const end = (state: string | undefined, error: string | undefined) => {
      if (done || (state !== 'complete' && state !== 'interrupted')) return;
      done = true;
      api.onChanged.removeListener(listen);
      clearTimeout(timer);
      if (state === 'complete') resolve();
      else reject(new Error(downloadProblem(error)));
    };
    const listen = (delta: DownloadDelta) => {
      if (delta.id === id) end(delta.state?.current, delta.error?.current);
    };
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      api.onChanged.removeListener(listen);
      reject(new Error('the download did not finish within 10 minutes'));
    }, timeoutMs);
    api.onChanged.addListener(listen);
    // It may have ended before the listener was added.
    api.search({ id }).then(
      ([item]) => end(item?.state, item?.error),
      () => undefined,
    );
  });
}

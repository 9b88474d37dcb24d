/**
 * The scheduled backup as the background writes it (issue #15, lib/background/auto-backup.ts): the
 * same file as the manual export, restorable into a fresh archive, into Backstory/ in the downloads
 * folder; the newest backup's time recorded for the reminder and the lost-archive notice; skipped
 * when nothing changed, and said when the permission is gone or the download fails.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle } from '../../lib/archive/articles';
import { importBackup } from '../../lib/archive/backup';
import { ARCHIVE_CHANGED_KEY, AUTO_BACKUP_KEY, parseAutoBackup } from '../../lib/archive/backup-schedule';
import { BACKUP_KEY, parseBackupState } from '../../lib/archive/backup-state';
import { ArchiveDB } from '../../lib/archive/db';
import { downloadFinished, fileUrl, type DownloadDelta, runScheduledBackup, type AutoBackupDeps } from '../../lib/background/auto-backup';
import { sampleAnalysis, sampleArticle } from '../archive-consistency';

const DAY = 86_400_000;
let n = 0;
let db: ArchiveDB;
let files: { text: string; path: string }[];
let clock: number;
let permitted: boolean;
const area = () => fakeBrowser.storage.local;

function deps(over: Partial<AutoBackupDeps> = {}): AutoBackupDeps {
  return {
    db,
    area: area(),
    permitted: async () => permitted,
    download: async (text, path) => void files.push({ text, path }),
    now: () => clock,
    ...over,
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = new ArchiveDB(`auto-backup-${++n}`);
  files = [];
  clock = Date.UTC(2026, 11, 5, 12);
  permitted = true;
  for (let i = 0; i < 3; i++) {
    const a = sampleArticle(i, { title: i === 1 ? 'T'.repeat(1990) + ' long title' : sampleArticle(i).title });
    await saveArticle(db, a, await sampleAnalysis(a), clock - DAY);
  }
  await area().set({ [AUTO_BACKUP_KEY]: { every: 'daily' }, [ARCHIVE_CHANGED_KEY]: clock - DAY });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('the scheduled backup', () => {
  it('writes the backup file into Backstory/, restorable whole into a fresh archive, and records its time', async () => {
    expect(await runScheduledBackup(deps())).toBe('written');
    expect(files.map((f) => f.path)).toEqual(['Backstory/backstory-backup-2026-12-05.json']);
    const fresh = new ArchiveDB(`auto-backup-restore-${n}`);
    const report = await importBackup(fresh, files[0]!.text);
    expect(report.added).toBe(3);
    expect(report.rejectedCount).toBe(0);
    expect((await fresh.articles.toArray()).map((r) => r.title).sort()).toEqual((await db.articles.toArray()).map((r) => r.title).sort());
    fresh.close();
    await Dexie.delete(fresh.name);
    expect(parseBackupState((await area().get(BACKUP_KEY))[BACKUP_KEY]).lastAt).toBe(clock);
    expect(parseAutoBackup((await area().get(AUTO_BACKUP_KEY))[AUTO_BACKUP_KEY])).toEqual({ every: 'daily', lastAt: clock, lastFile: 'Backstory/backstory-backup-2026-12-05.json', lastError: null });
  });

  it('skips until the period passed, then skips an unchanged archive, then writes again after a change', async () => {
    await runScheduledBackup(deps());
    clock += 3_600_000;
    expect(await runScheduledBackup(deps())).toBe('not-yet');
    clock += DAY;
    expect(await runScheduledBackup(deps())).toBe('unchanged');
    await area().set({ [ARCHIVE_CHANGED_KEY]: clock - 1000 });
    expect(await runScheduledBackup(deps())).toBe('written');
    expect(files).toHaveLength(2);
  });

  it('does nothing when off, and says so when the downloads permission was withdrawn', async () => {
    await area().set({ [AUTO_BACKUP_KEY]: { every: 'off' } });
    expect(await runScheduledBackup(deps())).toBe('off');
    await area().set({ [AUTO_BACKUP_KEY]: { every: 'weekly' } });
    permitted = false;
    expect(await runScheduledBackup(deps())).toBe('no-permission');
    const after = parseAutoBackup((await area().get(AUTO_BACKUP_KEY))[AUTO_BACKUP_KEY]);
    expect(after.lastError).toMatch(/downloads folder/);
    // Turned off, so that choosing a schedule again asks for the permission again.
    expect(after.every).toBe('off');
    expect(files).toEqual([]);
  });

  it('keeps the reader told when the download fails, and records no backup', async () => {
    expect(await runScheduledBackup(deps({ download: async () => Promise.reject(new Error('Download failed: disk full')) }))).toBe('failed');
    expect(parseAutoBackup((await area().get(AUTO_BACKUP_KEY))[AUTO_BACKUP_KEY]).lastError).toBe('The automatic backup could not be saved: Download failed: disk full');
    expect(parseBackupState((await area().get(BACKUP_KEY))[BACKUP_KEY]).lastAt).toBeNull();
  });
});

describe('waiting for the download to end', () => {
  function fakeDownloads(initial: { state?: string; error?: string } = { state: 'in_progress' }) {
    const listeners = new Set<(d: DownloadDelta) => void>();
    return {
      listeners,
      api: {
        onChanged: { addListener: (fn: (d: DownloadDelta) => void) => void listeners.add(fn), removeListener: (fn: (d: DownloadDelta) => void) => void listeners.delete(fn) },
        search: async () => [initial],
      },
      emit: (d: DownloadDelta) => listeners.forEach((fn) => fn(d)),
    };
  }

  it('resolves when the download completes, ignoring other downloads', async () => {
    const f = fakeDownloads();
    let ended = false;
    const done = downloadFinished(f.api, 7).then(() => (ended = true));
    await Promise.resolve();
    f.emit({ id: 8, state: { current: 'interrupted' }, error: { current: 'FILE_NO_SPACE' } });
    await Promise.resolve();
    expect(ended).toBe(false);
    f.emit({ id: 7, state: { current: 'complete' } });
    await done;
    expect(f.listeners.size).toBe(0);
  });

  it('fails with the reason when a full disk interrupts it after it started', async () => {
    const f = fakeDownloads();
    const done = downloadFinished(f.api, 3);
    f.emit({ id: 3, state: { current: 'interrupted' }, error: { current: 'FILE_NO_SPACE' } });
    await expect(done).rejects.toThrow('the disk is full');
  });

  it('sees a download that ended before it started listening', async () => {
    await expect(downloadFinished(fakeDownloads({ state: 'complete' }).api, 1)).resolves.toBeUndefined();
  });

  it('records no backup when the written file would not restore in full', async () => {
    const first = (await db.articles.toCollection().first())!;
    // Every write to the articles includes the sync outbox (lib/archive/db.ts's hooks refuse one that does not).
    await db.transaction('rw', db.articles, db.outbox, () => db.articles.update(first.id!, { url: 'javascript:alert(1)' }));
    expect(await runScheduledBackup(deps())).toBe('failed');
    expect(parseBackupState((await area().get(BACKUP_KEY))[BACKUP_KEY]).lastAt).toBeNull();
    expect(parseAutoBackup((await area().get(AUTO_BACKUP_KEY))[AUTO_BACKUP_KEY]).lastError).toMatch(/checked this backup the way an import reads it|could not be restored|cannot be restored/i);
    expect(files).toHaveLength(1); // the file is still written: it holds the other articles
  });
});

describe('the file’s address for the downloads API', () => {
  it('is a data URL of the UTF-8 text where no blob URL can be made (Chrome’s service worker)', () => {
    const text = `{"title":"Zürich – 北京 ${'x'.repeat(70_000)}"}`;
    const make = URL.createObjectURL;
    try {
      (URL as unknown as { createObjectURL?: unknown }).createObjectURL = undefined;
      const { url } = fileUrl(text);
      expect(url.startsWith('data:application/json;base64,')).toBe(true);
      expect(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')).toBe(text);
    } finally {
      URL.createObjectURL = make;
    }
  });
});

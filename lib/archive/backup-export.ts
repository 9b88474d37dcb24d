/**
 * The export of the archive as a backup file (lib/archive/backup-file.ts describes the file).
 *
 * It uses the add-on's `exportDB`: one read transaction over the database, so the file is a
 * consistent snapshot. The add-on reads the global `self` when it is loaded and a Blob with
 * `FileReader` after every export; browsers and the extension's service worker have both (Node,
 * where the tests run, is given them by the tests' setup: test/support/export-env.ts).
 */
import { exportDB } from 'dexie-export-import';
import { parseSettings, type Settings } from '../settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from './backup-file';
import type { ArchiveDB } from './db';

/** The backup file of the archive: its text, how many articles it holds, and a file name. */
export async function exportBackup(db: ArchiveDB, opts: { settings: Settings | null; now: number }): Promise<{ text: string; articles: number; filename: string }> {
  let articles = 0;
  const blob = await exportDB(db, {
    skipTables: db.tables.map((t) => t.name).filter((n) => n !== 'articles'),
    progressCallback: (p) => {
      articles = p.completedRows;
      return true;
    },
  });
  const body = await blob.text();
  if (!body.startsWith('{')) throw new Error('The export add-on returned something other than a JSON object.');
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_VERSION,
    schemaVersion: db.verno,
    exportedAt: new Date(opts.now).toISOString(),
    articles,
    settings: opts.settings ? parseSettings(opts.settings) : null,
  };
  // The header goes first so that a reader of the file (and `readBackup`) meets it before the rows.
  const text = `{"backstory":${JSON.stringify(header)},${body.slice(1)}`;
  return { text, articles, filename: `backstory-backup-${header.exportedAt.slice(0, 10)}.json` };
}

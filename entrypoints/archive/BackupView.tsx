/**
 * Backup, restore and exports on the archive page (issue #6): the Backup view (#/backup), the
 * reminder above the article list, and the export buttons of the reader view.
 *
 * The background builds and reads the files (it owns the database); this page only moves text to
 * and from it in parts and saves downloads with a Blob, an object URL and <a download>. Whatever
 * came from a file (titles, messages) is rendered as text.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDate, plural } from '@/components/format';
import { ArchiveLossNotice } from '@/components/ArchiveLossNotice';
import { Notice } from '@/components/Notice';
import { useBroadcast } from '@/components/useBroadcast';
import type { ImportReport } from '@/lib/archive/backup';
import { BACKUP_KEY, backupDue, backupWorthIt, MAX_BACKUP_BYTES, parseBackupState, SNOOZE_MS, splitParts, type BackupState, type ExportRequest } from '@/lib/archive/backup-state';
import { toolExport, type ToolFormat } from '@/lib/archive/exports';
import { AUTO_BACKUP_FOLDER, AUTO_BACKUP_KEY, DOWNLOADS_PERMISSION, parseAutoBackup, type AutoBackupState, type BackupEvery } from '@/lib/archive/backup-schedule';
import { request } from '@/lib/messaging/transport';
import { isOrigin, type Settings } from '@/lib/settings';
import { setSettings } from '@/lib/settings-item';
import type { SavedArticle } from '@/lib/types';
import type { ArchiveStats } from '@/lib/messaging/protocol';
import { StorageStats } from './StorageStats';

const FORMAT_LABEL: Record<ToolFormat, string> = { markdown: 'Markdown', json: 'JSON', annotations: 'Web Annotations' };

/** Saves a file the way a link with `download` does. */
function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has started the download by now; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Asks the background for a file and reads it part by part. Returns an error sentence, or the file saved. */
async function exportAndDownload(req: ExportRequest, progress?: (text: string) => void): Promise<{ error: string } | { articles: number; filename: string; warning: string | null }> {
  const t = await request('archive/export', req);
  if (!t.ok) return { error: t.error };
  const parts: string[] = [];
  for (let i = 0; i < t.value.parts; i++) {
    if (t.value.parts > 1) progress?.(`Receiving the file… ${i + 1} of ${t.value.parts}`);
    const r = await request('archive/transfer', { transfer: t.value.transfer, part: i });
    if (!r.ok) return { error: r.error };
    parts.push(r.value.text);
  }
  download(new Blob(parts, { type: t.value.mime }), t.value.filename);
  return { articles: t.value.articles, filename: t.value.filename, warning: t.value.warning ?? null };
}

async function readBackupState(): Promise<BackupState> {
  return parseBackupState((await browser.storage.local.get(BACKUP_KEY))[BACKUP_KEY]);
}

async function writeBackupState(patch: Partial<BackupState>): Promise<void> {
  const next = { ...(await readBackupState()), ...patch };
  await browser.storage.local.set({ [BACKUP_KEY]: next });
}

/**
 * Makes the backup file, saves it, and notes the time for the reminder. Returns an error sentence,
 * or what checking the file as an import would read it found (null: all of it restores).
 */
async function backUpNow(progress?: (text: string) => void): Promise<{ error: string } | { warning: string | null }> {
  const r = await exportAndDownload({ format: 'backup' }, progress);
  if ('error' in r) return { error: r.error };
  await writeBackupState({ lastAt: Date.now(), snoozedUntil: null });
  return { warning: r.warning };
}

/** The reminder's state in `storage.local`, kept current when another page changes it. */
function useBackupState(): BackupState | null {
  const [state, setState] = useState<BackupState | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void readBackupState().then((s) => live && setState(s));
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && BACKUP_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}

/** How many articles the archive holds (null until known), kept current. */
function useArticleCount(): number | null {
  return useArchiveAge()?.articles ?? null;
}

/** How many articles the archive holds and when the first of them was saved (null until known), kept current. */
function useArchiveAge(): { articles: number; firstSavedAt: number | null } | null {
  const [age, setAge] = useState<{ articles: number; firstSavedAt: number | null } | null>(null);
  const load = useCallback(async () => {
    const r = await request('archive/stats', {});
    if (!r.ok) return;
    const n = r.value.articles;
    // The list is newest first: its last item is the first save.
    const oldest = n > 0 ? await request('archive/list', { offset: n - 1, limit: 1 }) : null;
    setAge({ articles: n, firstSavedAt: oldest?.ok ? (oldest.value.items[0]?.savedAt ?? null) : null });
  }, []);
  useEffect(() => void load(), [load]);
  useBroadcast((msg) => msg.kind === 'archive/changed' && void load(), [load]);
  return age;
}

/** The archive's size and the browser's room for it, in plain words (Backup view). */
function StorageSection() {
  const [stats, setStats] = useState<ArchiveStats | null>(null);
  const load = useCallback(async () => {
    const r = await request('archive/stats', {});
    if (r.ok) setStats(r.value);
  }, []);
  useEffect(() => void load(), [load]);
  useBroadcast((msg) => msg.kind === 'archive/changed' && void load(), [load]);
  if (!stats) return null;
  return (
    <section class="card backup-section" aria-labelledby="backup-storage">
      <h2 id="backup-storage">Your archive on this device</h2>
      <StorageStats stats={stats} />
    </section>
  );
}

export { ArchiveLossNotice };

const EVERY_LABEL: Record<BackupEvery, string> = { off: 'Off', daily: 'Every day', weekly: 'Every week' };

/**
 * Scheduled backups (issue #15): off, daily or weekly. Turning them on asks, at that moment, for
 * the optional permission to save files into the downloads folder; the background then writes the
 * backup there (lib/background/auto-backup.ts) when one is due and the archive changed.
 */
function AutoBackupChoice() {
  const [auto, setAuto] = useState<AutoBackupState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void browser.storage.local.get(AUTO_BACKUP_KEY).then((r) => live && setAuto(parseAutoBackup(r[AUTO_BACKUP_KEY])));
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && AUTO_BACKUP_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  async function chooseSchedule(every: BackupEvery) {
    setProblem(null);
    if (every !== 'off') {
      // Asked first, inside the reader's click: the browser allows the request only then.
      let granted: boolean;
      try {
        granted = await browser.permissions.request({ permissions: [DOWNLOADS_PERMISSION] });
      } catch {
        granted = false;
      }
      if (!granted) {
        setProblem('Automatic backups need permission to save files in your downloads folder; without it they stay off. You can still export a backup yourself.');
        return;
      }
    }
    const current = parseAutoBackup((await browser.storage.local.get(AUTO_BACKUP_KEY))[AUTO_BACKUP_KEY]);
    await browser.storage.local.set({ [AUTO_BACKUP_KEY]: { ...current, every, lastError: null } });
    // Off needs no downloads: the permission is given back.
    if (every === 'off') await browser.permissions.remove({ permissions: [DOWNLOADS_PERMISSION] }).catch(() => false);
  }

  if (!auto) return null;
  return (
    <section class="card backup-section" aria-labelledby="backup-auto">
      <h2 id="backup-auto">Automatic backups</h2>
      <p>
        Backstory can save a backup file into your downloads folder (in “{AUTO_BACKUP_FOLDER}”) on a schedule, so that a recent backup exists if this browser ever loses the archive. It skips a backup
        when nothing changed since the last one.
      </p>
      <p class="backup-actions" role="radiogroup" aria-label="Automatic backups">
        {(['off', 'daily', 'weekly'] as const).map((every) => (
          <label class="backup-check" key={every}>
            <input type="radio" name="auto-backup" checked={auto.every === every} onChange={() => void chooseSchedule(every)} data-testid={`auto-backup-${every}`} />
            {EVERY_LABEL[every]}
          </label>
        ))}
      </p>
      <p class="muted" data-testid="auto-backup-status">
        {auto.lastAt ? `Last automatic backup: ${formatDate(auto.lastAt, true)}${auto.lastFile ? ` (${auto.lastFile})` : ''}.` : 'No automatic backup made yet.'}
      </p>
      {(problem ?? auto.lastError) && (
        <p class="error" role="alert" data-testid="auto-backup-problem">
          {problem ?? auto.lastError}
        </p>
      )}
    </section>
  );
}

/**
 * Below the article list: offers a backup when the archive is worth one (20 articles, or a week
 * since the first save) and the last backup is old or missing.
 */
export function BackupReminder() {
  const state = useBackupState();
  const age = useArchiveAge();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const at = Date.now();
  if (!state || !age || !backupWorthIt(age.articles, age.firstSavedAt, at) || !backupDue(state, age.articles, at)) return null;
  const articles = age.articles;

  async function now() {
    setBusy('Preparing the backup…');
    setProblem(null);
    const r = await backUpNow(setBusy);
    setBusy(null);
    setProblem('error' in r ? r.error : r.warning);
  }

  return (
    <Notice tone="warn" title={state.lastAt ? `Your last backup is from ${formatDate(state.lastAt)}` : 'Your archive has never been backed up'} testId="backup-reminder">
      <p>{plural(articles, 'article')} with your reviews and tags live only in this browser. A backup file keeps them if the browser’s data is lost, and moves them to another browser.</p>
      <p class="backup-actions">
        <button type="button" class="primary" disabled={!!busy} onClick={() => void now()} data-testid="backup-now">
          Back up now
        </button>
        <button type="button" disabled={!!busy} onClick={() => void writeBackupState({ snoozedUntil: Date.now() + SNOOZE_MS })} data-testid="backup-snooze">
          Not now
        </button>
        <a href="#/backup">More about backups</a>
      </p>
      {busy && <p class="muted">{busy}</p>}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </Notice>
  );
}

/** Export buttons for one article, in the reader view. The record is here already: no round trip. */
export function ArticleExports({ record }: { record: SavedArticle }) {
  function save(format: ToolFormat) {
    const f = toolExport(format, [record], { now: Date.now() });
    download(new Blob([f.text], { type: f.mime }), f.filename);
  }
  return (
    <p class="article-exports muted" data-testid="article-exports">
      Export this article:{' '}
      {(['markdown', 'json', 'annotations'] as const).map((f) => (
        <button key={f} type="button" class="link" onClick={() => save(f)} data-testid={`article-export-${f}`}>
          {FORMAT_LABEL[f]}
        </button>
      ))}
    </p>
  );
}

/** Selected article ids from the address (#/backup?ids=3,5,8), as the list's "Export selected" sends them. */
function idsFrom(query: string): number[] | null {
  const raw = new URLSearchParams(query).get('ids');
  if (!raw) return null;
  const ids = [...new Set(raw.split(',').map(Number))].filter((x) => Number.isInteger(x) && x > 0).slice(0, 5000);
  return ids.length ? ids : null;
}

type ImportState = { phase: 'idle' } | { phase: 'busy'; text: string } | { phase: 'done'; report: ImportReport; settings: string | null } | { phase: 'failed'; error: string };

export function BackupView({ query }: { query: string }) {
  const state = useBackupState();
  const articles = useArticleCount();
  const selection = idsFrom(query);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [exportWarning, setExportWarning] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [withSettings, setWithSettings] = useState(false);
  const [imp, setImp] = useState<ImportState>({ phase: 'idle' });
  const [scope, setScope] = useState<'selection' | 'all'>(selection ? 'selection' : 'all');
  const [withActors, setWithActors] = useState(false);

  async function backup() {
    setExporting('Preparing the backup…');
    setExportProblem(null);
    setExportWarning(null);
    setExported(null);
    const r = await backUpNow(setExporting);
    setExporting(null);
    if ('error' in r) return setExportProblem(r.error);
    setExported('The backup file is in your downloads. Keep it somewhere other than this computer’s browser.');
    setExportWarning(r.warning);
  }

  async function exportFor(format: ToolFormat) {
    setExporting(`Preparing the ${FORMAT_LABEL[format]} file…`);
    setExportProblem(null);
    setExported(null);
    const ids = scope === 'selection' && selection ? selection : undefined;
    const r = await exportAndDownload({ format, ...(ids ? { ids } : {}), ...(format === 'annotations' ? { actors: withActors } : {}) }, setExporting);
    setExporting(null);
    if ('error' in r) setExportProblem(r.error);
    else setExported(`Saved ${plural(r.articles, 'article')} as ${FORMAT_LABEL[format]}: ${r.filename}`);
  }

  async function runImport() {
    if (!file || imp.phase === 'busy') return;
    if (file.size > MAX_BACKUP_BYTES) {
      return setImp({ phase: 'failed', error: `This file is too large (${Math.round(file.size / 1024 / 1024)} MB). Backstory reads backup files of up to ${MAX_BACKUP_BYTES / 1024 / 1024} MB.` });
    }
    if (file.size === 0) return setImp({ phase: 'failed', error: 'This file is empty.' });
    setImp({ phase: 'busy', text: 'Reading the file…' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setImp({ phase: 'failed', error: 'The file could not be read. Choose it again.' });
    }
    const parts = splitParts(text);
    const transfer = crypto.randomUUID();
    for (const [i, part] of parts.entries()) {
      if (parts.length > 1) setImp({ phase: 'busy', text: `Sending the file to the extension… ${i + 1} of ${parts.length}` });
      const r = await request('archive/import-part', { transfer, part: i, parts: parts.length, text: part });
      if (!r.ok) return setImp({ phase: 'failed', error: r.error });
    }
    setImp({ phase: 'busy', text: 'Checking and importing…' });
    const r = await request('archive/import', { transfer });
    if (!r.ok) return setImp({ phase: 'failed', error: r.error });
    const report = r.value;
    let settings: string | null = null;
    if (withSettings) settings = await restoreSettings(report.settings);
    // A restore into an empty archive leaves it exactly as the file: that file is a current backup.
    const made = Date.parse(report.exportedAt);
    if (report.intoEmpty && report.added > 0 && report.rejectedCount === 0 && Number.isFinite(made) && (state?.lastAt ?? 0) < made) await writeBackupState({ lastAt: made });
    setImp({ phase: 'done', report, settings });
  }

  return (
    <>
      <header class="page-header">
        <h1>Backup</h1>
      </header>
      <ArchiveLossNotice />
      <StorageSection />

      <section class="card backup-section" aria-labelledby="backup-export">
        <h2 id="backup-export">Back up your archive</h2>
        <p>
          One file with every saved article, your claim reviews, tags and settings. Keep it somewhere safe (not only in this browser); import it here to restore the archive or to move it to another
          browser.
        </p>
        <p class="muted" data-testid="last-backup">
          {state === null ? '' : state.lastAt ? `Last backup from this browser: ${formatDate(state.lastAt, true)}` : 'No backup made from this browser yet.'}
          {articles !== null && ` Your archive holds ${plural(articles, 'article')}.`}
        </p>
        <p class="backup-actions">
          <button type="button" class="primary" disabled={!!exporting} onClick={() => void backup()} data-testid="export-backup">
            Export archive
          </button>
        </p>
      </section>

      <AutoBackupChoice />

      <section class="card backup-section" aria-labelledby="backup-import">
        <h2 id="backup-import">Restore from a backup</h2>
        <p>
          Into an empty archive, a backup is restored exactly as it was. Into this one, it is merged: an article you already have stays one article; for each claim the newer review wins; tags are
          combined. A file that is damaged or not a Backstory backup is refused and changes nothing; articles in a file that Backstory cannot restore are listed and left out, and the others are
          restored.
        </p>
        <p class="backup-actions">
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setImp({ phase: 'idle' });
            }}
            aria-label="Backup file"
            data-testid="import-file"
          />
          <label class="backup-check">
            <input type="checkbox" checked={withSettings} onChange={(e) => setWithSettings(e.currentTarget.checked)} data-testid="restore-settings" />
            Also restore the settings saved in the file
          </label>
          <button type="button" disabled={!file || imp.phase === 'busy'} onClick={() => void runImport()} data-testid="import-start">
            Import
          </button>
        </p>
        {imp.phase === 'busy' && <Notice tone="busy" title={imp.text} testId="import-busy" />}
        {imp.phase === 'failed' && (
          <Notice tone="error" title="Nothing was imported: your archive is unchanged" testId="import-error">
            <p data-testid="import-error-text">{imp.error}</p>
          </Notice>
        )}
        {imp.phase === 'done' && <ImportSummary report={imp.report} settings={imp.settings} />}
      </section>

      <section class="card backup-section" aria-labelledby="backup-tools">
        <h2 id="backup-tools">Export for other tools</h2>
        <ul class="backup-formats">
          <li>
            <strong>Markdown</strong>: each article’s title, details, text and claims with your reviews, to read or paste anywhere.
          </li>
          <li>
            <strong>JSON</strong>: the articles as data for scripts and spreadsheets.
          </li>
          <li>
            <strong>Web Annotations</strong>: your claim reviews in the W3C annotation format (JSON-LD), for annotation tools.
          </li>
        </ul>
        {selection && (
          <fieldset class="backup-scope">
            <legend>Which articles</legend>
            <label>
              <input type="radio" name="scope" checked={scope === 'selection'} onChange={() => setScope('selection')} data-testid="scope-selection" />
              The {plural(selection.length, 'article')} you selected
            </label>
            <label>
              <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} data-testid="scope-all" />
              The whole archive
            </label>
          </fieldset>
        )}
        <p class="backup-actions">
          {(['markdown', 'json', 'annotations'] as const).map((f) => (
            <button key={f} type="button" disabled={!!exporting || articles === 0} onClick={() => void exportFor(f)} data-testid={`export-${f}`}>
              {FORMAT_LABEL[f]}
            </button>
          ))}
          <label class="backup-check">
            <input type="checkbox" checked={withActors} onChange={(e) => setWithActors(e.currentTarget.checked)} data-testid="export-actors" />
            Annotations: also mark the people, organisations and places named
          </label>
        </p>
      </section>

      {exporting && <Notice tone="busy" title={exporting} testId="export-busy" />}
      {exportProblem && (
        <Notice tone="error" title="The export did not work" testId="export-error">
          <p>{exportProblem}</p>
        </Notice>
      )}
      {exported && (
        <p class="flash" role="status" data-testid="export-done">
          {exported}
        </p>
      )}
      {exportWarning && (
        <Notice tone="warn" title="Not all of this backup can be restored" testId="export-warning">
          <p>{exportWarning}</p>
        </Notice>
      )}
    </>
  );
}

/** Writes the file's settings (already checked by the background) and says what the reader may still have to do. */
async function restoreSettings(settings: Settings | null): Promise<string> {
  if (!settings) return 'The file holds no settings; yours are unchanged.';
  try {
    await setSettings(settings);
  } catch {
    return 'Your settings could not be restored (the browser refused to store them).';
  }
  const needs = settings.autoRun === 'all' || (settings.autoRun === 'sites' && settings.sites.some(isOrigin));
  return needs ? 'Your settings were restored. Reading pages by itself needs your permission again in this browser: open Backstory’s options to give it.' : 'Your settings were restored.';
}

function ImportSummary({ report: r, settings }: { report: ImportReport; settings: string | null }) {
  const made = formatDate(r.exportedAt, true);
  return (
    <Notice title={r.intoEmpty ? 'Your archive was restored' : 'The backup was merged into your archive'} testId="import-summary">
      <p data-testid="import-counts">
        {r.intoEmpty
          ? `Restored ${plural(r.added, 'article')} from the backup of ${made}.`
          : `From the backup of ${made}: ${plural(r.added, 'new article')}, ${plural(r.merged, 'article')} updated, ${plural(r.unchanged, 'article')} already up to date.`}
      </p>
      {(r.reviewsTaken > 0 || r.reviewsKept > 0) && (
        <p data-testid="import-reviews">
          {plural(r.reviewsTaken, 'review')} taken from the file (newer there, or missing here); {plural(r.reviewsKept, 'review')} kept from this browser (newer here).
        </p>
      )}
      {r.tagsAdded > 0 && <p>{plural(r.tagsAdded, 'tag')} added to articles you already had.</p>}
      {r.rejectedCount > 0 && (
        <div data-testid="import-rejected">
          <p>
            <strong>
              {plural(r.rejectedCount, 'article')} of the {plural(r.articles, 'article')} in the file could not be restored
            </strong>{' '}
            and {r.rejectedCount === 1 ? 'was' : 'were'} left out; everything else was imported.
          </p>
          <ul class="import-conflicts">
            {r.rejected.map((x) => (
              <li key={x.article}>{x.problem}</li>
            ))}
          </ul>
          {r.rejectedCount > r.rejected.length && <p class="muted">And {(r.rejectedCount - r.rejected.length).toLocaleString()} more.</p>}
        </div>
      )}
      {r.conflicts.length > 0 && (
        <details>
          <summary>Where the two reviews differed</summary>
          <ul class="import-conflicts">
            {r.conflicts.map((c, i) => (
              <li key={i}>
                “{c.claim.length > 120 ? `${c.claim.slice(0, 119)}…` : c.claim}” in <em>{c.title}</em>: {c.winner === 'file' ? 'the file’s review (newer)' : 'your review here (newer)'}
              </li>
            ))}
          </ul>
        </details>
      )}
      {settings && <p data-testid="import-settings">{settings}</p>}
      <p class="muted">Took {r.ms < 1000 ? `${r.ms} ms` : `${(r.ms / 1000).toFixed(1)} s`}.</p>
    </Notice>
  );
}

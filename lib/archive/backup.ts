/**
 * Backup and restore of the whole archive (issue #6).
 *
 * The file. A backup is one JSON file in the format of Dexie's own export add-on
 * (dexie-export-import: `formatName: "dexie"`, the schema, then the rows), holding the `articles`
 * table only, with a `backstory` header in front:
 *
 *   {"backstory":{"format":"backstory-backup","formatVersion":1,"schemaVersion":5,
 *     "exportedAt":"2025-08-19T10:00:00.000Z","articles":12,"settings":{…}},
 *    "formatName":"dexie","formatVersion":1,"data":{"databaseName":"backstory","databaseVersion":5,
 *     "tables":[{"name":"articles","schema":"++id,&url,…","rowCount":12}],
 *     "data":[{"tableName":"articles","inbound":true,"rows":[{…},…]}]}}
 *
 * The articles are the archive's source of truth; every other table (claims, events, search,
 * term counts, statements, meta) is derived from them and is rebuilt on import by the same code that
 * writes it on save (`indexArticles`), so a file can never bring in an index that disagrees with
 * its records. Settings travel in the header and are restored only when the reader asks.
 *
 * Export uses the add-on's `exportDB` (one read transaction over the database, so the file is a
 * consistent snapshot). Import does not use its `importInto`, for three reasons: it writes rows
 * into tables as they come (bulkAdd/bulkPut), while a merge must read the record already saved
 * for the same URL and combine the two per claim; the derived tables must be rebuilt in the same
 * transaction, which `importInto` knows nothing about; and its reviver turns typed values
 * (`$types`: dates, blobs, maps, typed arrays…) from the file into live objects before anything
 * could check them. So the file is read here: parsed, checked record by record against what
 * Backstory stores (lib/archive/schema.ts, the same schema a save applies: types, sizes, web
 * addresses only), and written in ONE transaction over `articleTables(db)`: a bad file changes
 * nothing; a file with some bad records restores the others and lists the bad ones.
 */
import './backup-env';
import Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import { parseSettings, type Settings } from '../settings';
import type { Claim, ClaimReview, SavedArticle } from '../types';
import { articleTables, indexArticles, recordBytes, type PutRecord } from './articles';
import { MAX_BACKUP_BYTES, splitParts } from './backup-state';
import type { ArchiveDB } from './db';
import { articleLabel, At, checkRecord, clipped, count, FORBIDDEN_KEYS, forbiddenKey, HOSTILE_KEY, HostileKeyError, isPlainObject, RecordError, type Obj } from './schema';
import { MAX_TAGS } from './tags';

export const BACKUP_FORMAT = 'backstory-backup';
/** Raised when the file's layout changes in a way an older Backstory could not read. */
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The archive's Dexie schema version the records follow. */
  schemaVersion: number;
  exportedAt: string;
  /** How many article records follow (a check against truncation). */
  articles: number;
  /** The reader's settings at export time (lib/settings.ts), or null. */
  settings: Settings | null;
}

/** A problem with a backup file, in words for the reader. The archive is unchanged when it is thrown. */
export class BackupError extends RecordError {}

/** What an import did. */
export interface ImportReport {
  /** Article records in the file. */
  articles: number;
  /** New articles. */
  added: number;
  /** Articles already in the archive that took something from the file (reviews, tags, claims). */
  merged: number;
  /** Articles already in the archive that the file had nothing new for. */
  unchanged: number;
  /** Reviews taken from the file: the archive had none for the claim, or an older one. */
  reviewsTaken: number;
  /** Reviews kept from the archive because they are newer than the file's. */
  reviewsKept: number;
  /** Tags added to articles that were already in the archive. */
  tagsAdded: number;
  /** Records of the file that were not restored, and why (at most MAX_REJECTED listed); the others were. */
  rejected: RejectedRecord[];
  /** How many records were not restored (`rejected` may list fewer). */
  rejectedCount: number;
  /** Where the two disagreed about a review: which one won (at most MAX_CONFLICTS listed). */
  conflicts: ReviewConflict[];
  /** The archive was empty: records keep their ids, the archive is the file's exactly. */
  intoEmpty: boolean;
  exportedAt: string;
  schemaVersion: number;
  /** The file's settings, checked, for the page to restore when the reader asked (null: none in the file). */
  settings: Settings | null;
  ms: number;
}

export interface ReviewConflict {
  title: string;
  claim: string;
  /** 'file': the file's review was newer and replaced this browser's; 'here': this browser's was newer. */
  winner: 'file' | 'here';
}

/** A record of a backup file that could not be restored. */
export interface RejectedRecord {
  /** Its place in the file, from 1. */
  article: number;
  title: string | null;
  /** The sentence saying what is wrong ("Article 3 (“…”): “url” is not a web address …"). */
  problem: string;
}

const MAX_CONFLICTS = 50;
const MAX_REJECTED = 100;

// ---------------------------------------------------------------------------------------------
// Export

/** The backup file of the archive: its text, how many articles it holds, and a file name. */
export async function exportBackup(
  db: ArchiveDB,
  opts: { settings: Settings | null; now: number },
): Promise<{ text: string; articles: number; filename: string }> {
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


// ---------------------------------------------------------------------------------------------
// Reading and checking a file

/** A size in characters (at most bytes, for UTF-8) as the reader knows sizes: "200 MB", "1.5 MB", "800 KB". */
const sizeText = (n: number) => (n >= 1024 * 1024 ? `${count(Math.round((n / 1024 / 1024) * 10) / 10)} MB` : `${count(Math.ceil(n / 1024))} KB`);

/** One row of the file as a record (lib/archive/schema.ts), or a RecordError naming the article and what is wrong. */
function readRecord(row: unknown, i: number): SavedArticle {
  const at = new At(articleLabel(row, i), '');
  return checkRecord(untype(row, at), at);
}

/**
 * Dexie's export lists, per row, the values plain JSON would not give back as they were, in a
 * `$types` map (keypath → type). Two can occur in a Backstory record: "arrayNonindexKeys", which the
 * add-on writes for every list (nothing to undo while the value is a plain list), and "undef", an
 * optional field that is there but undefined (dropped: it reads back as absent). Any other type (a
 * date, a blob, a map…) is something Backstory never stores, and the record is refused.
 */
function untype(row: unknown, at: At): unknown {
  if (!isPlainObject(row) || !('$types' in row)) return row;
  const types = row.$types;
  if (!isPlainObject(types)) return at.fail('has a damaged type map (“$types”)');
  const copy: Obj = { ...row };
  delete copy.$types;
  for (const [path, type] of Object.entries(types)) {
    if (type !== 'undef' && type !== 'arrayNonindexKeys') {
      return at.fail(`holds a value of a kind Backstory never stores (“${clipped(String(type), 40)}” at “${clipped(path, 60)}”)`);
    }
    const keys = path.split('.').map((k) => k.replace(/~1/g, '.').replace(/~0/g, '~'));
    for (const k of keys) if (FORBIDDEN_KEYS.has(k)) throw new HostileKeyError(HOSTILE_KEY(k));
    let parent: unknown = copy;
    for (const k of keys.slice(0, -1)) parent = isPlainObject(parent) || Array.isArray(parent) ? (parent as Obj)[k] : undefined;
    const last = keys[keys.length - 1]!;
    const holder = isPlainObject(parent) || Array.isArray(parent) ? (parent as Obj) : null;
    if (type === 'arrayNonindexKeys') {
      if (holder && last in holder && !Array.isArray(holder[last])) at.fail(`holds a list with named entries at “${clipped(path, 60)}”, which Backstory never stores`);
    } else if (holder && isPlainObject(holder) && Object.prototype.hasOwnProperty.call(holder, last)) {
      delete holder[last];
    }
  }
  return copy;
}

const NOT_BACKUP = 'This file is not a Backstory backup. Choose a file made with “Export archive” (its name starts with “backstory-backup”).';
const TRUNCATED =
  'This backup file is incomplete: it ends in the middle, as if it had been cut off while downloading or copying. Export the archive again, or use an older copy of the file.';

/** Parses JSON, turning the parser's error into a sentence (a cut-off file says so). */
function parseJson(t: string): unknown {
  try {
    return JSON.parse(t);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const at = pos ? Number(pos[1]) : -1;
    if (/end of JSON|Unterminated/i.test(msg) || at >= t.trimEnd().length - 1) throw new BackupError(TRUNCATED);
    let where = '';
    if (at >= 0) {
      const before = t.slice(0, at);
      const line = before.split('\n').length;
      where = ` (line ${count(line)}, column ${count(at - before.lastIndexOf('\n'))})`;
    }
    throw new BackupError(`This file is damaged: it is not valid JSON${where}. Nothing was read from it.`);
  }
}

export interface ParsedBackup {
  header: BackupHeader;
  /** The records that passed, checked and fitted to the schema (lib/archive/schema.ts). */
  records: SavedArticle[];
  /** The rows that did not, each with the reason (every one of them). */
  rejected: RejectedRecord[];
}

/**
 * Reads and checks a backup file completely. A problem with the file as a whole (not a backup, cut
 * off, a newer version, a field named to attack the reader) throws a BackupError with a
 * reader-facing sentence; a record that does not fit the schema is listed in `rejected` and the
 * others are kept. `schemaVersion`: the archive's own (a newer file is refused).
 */
export function readBackup(raw: string, opts: { schemaVersion: number; maxChars?: number; noneIsError?: boolean }): ParsedBackup {
  const maxChars = opts.maxChars ?? MAX_BACKUP_BYTES;
  if (raw.length > maxChars) {
    throw new BackupError(`This file is too large (${sizeText(raw.length)}). Backstory reads backup files of up to ${sizeText(maxChars)}.`);
  }
  const t = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!t.trim()) throw new BackupError('This file is empty.');
  if (t.slice(0, 4096).includes('\u0000')) throw new BackupError(`${NOT_BACKUP} (It is not even a text file.)`);
  if (!t.trimStart().startsWith('{')) throw new BackupError(NOT_BACKUP);
  const root = parseJson(t);
  // A quick look first: a key can only be "__proto__" etc. if the text has it in quotes before a colon.
  if (/"(?:__proto__|constructor|prototype)"\s*:/.test(t)) {
    const k = forbiddenKey(root);
    if (k) throw new BackupError(HOSTILE_KEY(k));
  }
  if (!isPlainObject(root)) throw new BackupError(NOT_BACKUP);

  const head = root.backstory;
  if (!isPlainObject(head) || head.format !== BACKUP_FORMAT) {
    if (root.formatName === 'dexie' && isPlainObject(root.data)) {
      const name = typeof root.data.databaseName === 'string' ? clipped(root.data.databaseName, 60) : 'unknown';
      throw new BackupError(`This is a database export made by another program (the Dexie database “${name}”), not a Backstory backup.`);
    }
    throw new BackupError(NOT_BACKUP);
  }
  const version = head.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new BackupError('This backup file is damaged: its format version is missing or wrong.');
  if (version > BACKUP_VERSION) {
    throw new BackupError(`This backup was made by a newer version of Backstory (backup format ${version}; this one reads format ${BACKUP_VERSION}). Update Backstory, then import it again.`);
  }
  const schema = head.schemaVersion;
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) throw new BackupError('This backup file is damaged: its archive version is missing or wrong.');
  if (schema > opts.schemaVersion) {
    throw new BackupError(`This backup was made by a newer version of Backstory (archive version ${schema}; this one has version ${opts.schemaVersion}). Update Backstory, then import it again.`);
  }
  const declared = head.articles;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) throw new BackupError('This backup file is damaged: it does not say how many articles it holds.');
  const exportedAt = typeof head.exportedAt === 'string' && !Number.isNaN(Date.parse(head.exportedAt)) ? head.exportedAt : null;
  if (!exportedAt) throw new BackupError('This backup file is damaged: it does not say when it was made.');
  let settings: Settings | null = null;
  if (head.settings !== null && head.settings !== undefined) {
    if (!isPlainObject(head.settings)) throw new BackupError('This backup file is damaged: its settings are not readable.');
    const s = head.settings as { sites?: unknown; neverSave?: unknown };
    if ((Array.isArray(s.sites) && s.sites.length > 10_000) || (Array.isArray(s.neverSave) && s.neverSave.length > 10_000)) {
      throw new BackupError('The settings in this file list too many sites (at most 10,000).');
    }
    settings = parseSettings(head.settings);
  }

  if (root.formatName !== 'dexie' || !isPlainObject(root.data)) throw new BackupError('This backup file is damaged: the articles part is missing.');
  if (root.formatVersion !== 1) throw new BackupError('This backup file holds its articles in a layout this version of Backstory does not read. Update Backstory, then import it again.');
  const data = root.data;
  if (data.databaseVersion !== schema) throw new BackupError('This backup file is damaged: its two version numbers disagree.');
  const tables = Array.isArray(data.tables) ? data.tables : null;
  const meta = tables?.find((x): x is Obj => isPlainObject(x) && x.name === 'articles');
  const rowsPart = Array.isArray(data.data) ? data.data.find((x): x is Obj => isPlainObject(x) && x.tableName === 'articles') : undefined;
  if (!meta || !rowsPart || !Array.isArray(rowsPart.rows) || rowsPart.inbound !== true) throw new BackupError('This backup file is damaged: the articles part is missing.');
  const rows: unknown[] = rowsPart.rows;
  const plural = (n: number) => `${count(n)} article${n === 1 ? '' : 's'}`;
  // Each count names the part of the file that gives it, so the two numbers always differ.
  const lie =
    declared !== rows.length
      ? `its header says it holds ${plural(declared)} but it has ${count(rows.length)}`
      : meta.rowCount !== rows.length
        ? `its list of tables says it holds ${typeof meta.rowCount === 'number' ? plural(meta.rowCount) : 'an unreadable number of articles'} but it has ${count(rows.length)}`
        : null;
  if (lie) throw new BackupError(`This backup file is incomplete or was edited: ${lie}. Export the archive again, or use an older copy of the file.`);

  const records: SavedArticle[] = [];
  const rejected: RejectedRecord[] = [];
  const ids = new Map<number, number>();
  const urls = new Map<string, number>();
  rows.forEach((row, i) => {
    const reject = (problem: string) => rejected.push({ article: i + 1, title: isPlainObject(row) && typeof row.title === 'string' ? clipped(row.title, 200) : null, problem });
    let r: SavedArticle;
    try {
      r = readRecord(row, i);
    } catch (err) {
      // A field named to attack the reader refuses the whole file: nothing from it is trusted.
      if (err instanceof HostileKeyError) throw new BackupError(err.message);
      if (err instanceof RecordError) return void reject(err.message);
      throw err;
    }
    const sameUrl = urls.get(r.url);
    if (sameUrl !== undefined) return void reject(`${articleLabel(row, i)}: it has the same address as article ${sameUrl + 1} (${clipped(r.url, 80)}), so only that one is restored.`);
    if (r.id !== undefined && ids.has(r.id)) return void reject(`${articleLabel(row, i)}: it has the same number (${r.id}) as article ${ids.get(r.id)! + 1}, so only that one is restored.`);
    urls.set(r.url, i);
    if (r.id !== undefined) ids.set(r.id, i);
    records.push(r);
  });
  if (rows.length > 0 && records.length === 0 && opts.noneIsError !== false) {
    const first = rejected[0]!.problem;
    throw new BackupError(rows.length === 1 ? first : `None of the ${count(rows.length)} articles in this file can be restored. The first: ${first}`);
  }
  return {
    header: { format: BACKUP_FORMAT, formatVersion: version, schemaVersion: schema, exportedAt, articles: declared, settings },
    records,
    rejected,
  };
}

/**
 * An export checked with the importer before it is offered (issue #15): null when every article in
 * it restores, else a sentence saying which do not, or why an import would refuse the file.
 */
export function checkExport(text: string, schemaVersion: number): string | null {
  let parsed: ParsedBackup;
  try {
    parsed = readBackup(text, { schemaVersion, noneIsError: false });
  } catch (err) {
    if (!(err instanceof RecordError)) throw err;
    return `Backstory checked this backup the way an import reads it, and an import would refuse it: ${err.message} The file was saved anyway; keep your older backups too.`;
  }
  const bad = parsed.rejected;
  if (!bad.length) return null;
  const total = bad.length + parsed.records.length;
  const listed = bad.slice(0, 5).map((r) => r.problem).join(' ');
  const more = bad.length > 5 ? ` And ${count(bad.length - 5)} more.` : '';
  return `Backstory checked this backup the way an import reads it: ${count(bad.length)} of its ${count(total)} articles could not be restored from it, the others can. ${listed}${more}`;
}

// ---------------------------------------------------------------------------------------------
// Merging and writing

const readingOrder = (c: Claim): number => (c.spans[0]?.paragraph ?? 0) * 1e7 + (c.spans[0]?.start ?? 0);

function sameReview(a: ClaimReview, b: ClaimReview): boolean {
  return a.status === b.status && a.note === b.note && a.updatedAt === b.updatedAt && a.evidence.length === b.evidence.length && a.evidence.every((e, i) => e === b.evidence[i]);
}

export interface MergeResult {
  record: SavedArticle;
  changed: boolean;
  reviewsTaken: number;
  reviewsKept: number;
  tagsAdded: number;
  conflicts: ReviewConflict[];
}

/**
 * The archive's record for a URL combined with the file's record for it. The archive's record stays
 * the base (its id, text and analysis); from the file it takes, per claim, the review when the
 * archive has none or an older one (`updatedAt`), the claims the reader reviewed or marked that the
 * archive does not have, and the tags it lacks. A review the archive holds is never dropped.
 */
export function mergeRecord(here: SavedArticle, file: SavedArticle): MergeResult {
  const out: MergeResult = { record: here, changed: false, reviewsTaken: 0, reviewsKept: 0, tagsAdded: 0, conflicts: [] };
  const claims = (here.claims ?? []).slice();
  const index = new Map(claims.map((c, i) => [c.id, i]));
  let added = false;
  let claimsChanged = false;
  for (const c of file.claims ?? []) {
    const i = index.get(c.id);
    if (i === undefined) {
      if (!c.review && !c.missed) continue;
      index.set(c.id, claims.length);
      claims.push(c);
      added = claimsChanged = true;
      if (c.review) out.reviewsTaken++;
      continue;
    }
    const mine = claims[i]!;
    if (!c.review) continue;
    if (!mine.review) {
      claims[i] = { ...mine, review: c.review };
      out.reviewsTaken++;
      claimsChanged = true;
      continue;
    }
    if (sameReview(mine.review, c.review)) continue;
    const fileWins = c.review.updatedAt > mine.review.updatedAt;
    if (fileWins) {
      claims[i] = { ...mine, review: c.review };
      out.reviewsTaken++;
      claimsChanged = true;
    } else {
      out.reviewsKept++;
    }
    out.conflicts.push({ title: here.title, claim: mine.text, winner: fileWins ? 'file' : 'here' });
  }
  if (added) claims.sort((a, b) => readingOrder(a) - readingOrder(b));

  const tags = (here.tags ?? []).slice();
  for (const t of file.tags ?? []) {
    if (tags.length >= MAX_TAGS) break;
    if (!tags.includes(t)) {
      tags.push(t);
      out.tagsAdded++;
    }
  }
  const takeFingerprint = !here.fingerprint && !!file.fingerprint;
  if (!claimsChanged && !out.tagsAdded && !takeFingerprint) return out;

  const { id: _id, bytes: _bytes, ...rest } = here;
  const base: Omit<SavedArticle, 'id' | 'bytes'> = { ...rest, claims, tags, updatedAt: Math.max(here.updatedAt, file.updatedAt) };
  if (takeFingerprint) base.fingerprint = file.fingerprint;
  const record: SavedArticle = { ...base, bytes: recordBytes(base) };
  if (here.id !== undefined) record.id = here.id;
  return { ...out, record, changed: true };
}

/**
 * Imports a backup file: checks all of it first, then writes in one transaction over the articles
 * and every table derived from them. Into an empty archive the records keep their ids, so the
 * archive becomes the exported one exactly; into a non-empty one, an article already saved (same
 * normalised URL) is merged (`mergeRecord`, then `indexArticle`), a new one gets a new id. Records
 * that do not fit the schema are left out and listed in the report (`rejected`); the rest are
 * restored.
 */
export async function importBackup(db: ArchiveDB, raw: string, opts: { now?: () => number; maxChars?: number } = {}): Promise<ImportReport> {
  const clock = opts.now ?? Date.now;
  const started = clock();
  if (!db.isOpen()) await db.open();
  const { header, records, rejected } = readBackup(raw, { schemaVersion: db.verno, maxChars: opts.maxChars });
  const report: ImportReport = {
    articles: records.length + rejected.length,
    rejected: rejected.slice(0, MAX_REJECTED),
    rejectedCount: rejected.length,
    added: 0,
    merged: 0,
    unchanged: 0,
    reviewsTaken: 0,
    reviewsKept: 0,
    tagsAdded: 0,
    conflicts: [],
    intoEmpty: false,
    exportedAt: header.exportedAt,
    schemaVersion: header.schemaVersion,
    settings: header.settings,
    ms: 0,
  };
  await db.transaction('rw', articleTables(db), async () => {
    const empty = (await db.articles.count()) === 0;
    report.intoEmpty = empty;
    const saved = new Map<string, SavedArticle>();
    if (!empty && records.length) for (const r of await db.articles.where('url').anyOf(records.map((x) => x.url)).toArray()) saved.set(r.url, r);
    const added: SavedArticle[] = [];
    const toIndex: PutRecord[] = [];
    for (const rec of records) {
      const here = saved.get(rec.url);
      if (!here) {
        const fresh: SavedArticle = { ...rec };
        if (!empty) delete fresh.id;
        added.push(fresh);
        continue;
      }
      const m = mergeRecord(here, rec);
      report.reviewsTaken += m.reviewsTaken;
      report.reviewsKept += m.reviewsKept;
      report.tagsAdded += m.tagsAdded;
      for (const c of m.conflicts) if (report.conflicts.length < MAX_CONFLICTS) report.conflicts.push(c);
      if (!m.changed) {
        report.unchanged++;
        continue;
      }
      await db.articles.put(m.record);
      toIndex.push({ record: { ...m.record, id: here.id! }, previousBytes: here.bytes ?? 0 });
      report.merged++;
    }
    if (added.length) {
      // Records with ids first, so that one without cannot be given an id another record still needs.
      added.sort((a, b) => (a.id === undefined ? 1 : 0) - (b.id === undefined ? 1 : 0));
      const ids = (await db.articles.bulkAdd(added, { allKeys: true })) as number[];
      toIndex.push(...added.map((r, i) => ({ record: { ...r, id: ids[i]! }, previousBytes: 0 })));
      report.added = added.length;
    }
    // Every index row in one go: per record this took 85 s for 1,000 articles in Chromium.
    await indexArticles(db, toIndex);
  });
  report.ms = Math.round(clock() - started);
  return report;
}

// ---------------------------------------------------------------------------------------------
// Moving text between the archive page and the background

interface Transfer {
  dir: 'out' | 'in';
  parts: (string | null)[];
  at: number;
  chars: number;
}

const SUPERSEDED = 'Another import was started meanwhile (in this or another archive page), and replaced this one. Choose the file again to import it.';

const TRANSFER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Text on its way between the archive page and the background, in parts small enough for one
 * runtime message each (PART_CHARS). Kept by the service that owns it, for a few minutes at most: a
 * worker that stops meanwhile loses it, and the page then says to start again.
 */
export class Transfers {
  private readonly items = new Map<string, Transfer>();
  /** Imports replaced by a newer one, so that their next part is told so rather than starting over. */
  private readonly superseded = new Set<string>();

  constructor(
    private readonly now: () => number,
    private readonly maxChars = MAX_BACKUP_BYTES,
    private readonly ttl = 10 * 60_000,
  ) {}

  private sweep(): void {
    const t = this.now();
    for (const [id, x] of this.items) if (t - x.at > this.ttl) this.items.delete(id);
  }

  /** Keeps `text` for the page to read part by part; the last read drops it. */
  offer(text: string, partChars?: number): { transfer: string; parts: number; chars: number } {
    this.sweep();
    const transfer = crypto.randomUUID();
    const parts = splitParts(text, partChars);
    this.items.set(transfer, { dir: 'out', parts, at: this.now(), chars: text.length });
    return { transfer, parts: parts.length, chars: text.length };
  }

  read(transfer: unknown, part: unknown): string {
    const x = typeof transfer === 'string' ? this.items.get(transfer) : undefined;
    if (!x || x.dir !== 'out') throw new BackupError('The export is no longer waiting (it took too long, or the extension restarted). Start it again.');
    if (typeof part !== 'number' || !Number.isInteger(part) || part < 0 || part >= x.parts.length || x.parts[part] === null) throw new BackupError('That part of the export does not exist.');
    const text = x.parts[part]!;
    x.parts[part] = null;
    x.at = this.now();
    if (x.parts.every((p) => p === null)) this.items.delete(transfer as string);
    return text;
  }

  /** Stores one part of a file the page sends; returns the characters received so far. */
  receive(transfer: unknown, part: unknown, parts: unknown, text: unknown): number {
    this.sweep();
    if (typeof transfer !== 'string' || !TRANSFER_ID.test(transfer)) throw new BackupError('The file could not be sent to the extension (bad transfer id).');
    if (typeof parts !== 'number' || !Number.isInteger(parts) || parts < 1 || parts > 10_000) throw new BackupError('The file could not be sent to the extension (bad part count).');
    if (typeof part !== 'number' || !Number.isInteger(part) || part < 0 || part >= parts || typeof text !== 'string') throw new BackupError('The file could not be sent to the extension (bad part).');
    let x = this.items.get(transfer);
    if (!x) {
      if (this.superseded.has(transfer)) throw new BackupError(SUPERSEDED);
      // A reader sends one file at a time: a new import replaces one that was abandoned part-way (a
      // page closed or reloaded while sending), instead of waiting for it to expire (issue #15).
      for (const [id, y] of this.items) {
        if (y.dir !== 'in') continue;
        this.items.delete(id);
        this.superseded.add(id);
        if (this.superseded.size > 100) this.superseded.delete(this.superseded.values().next().value!);
      }
      x = { dir: 'in', parts: new Array<string | null>(parts).fill(null), at: this.now(), chars: 0 };
      this.items.set(transfer, x);
    }
    if (x.dir !== 'in' || x.parts.length !== parts) throw new BackupError('The file could not be sent to the extension (parts do not match).');
    x.chars += text.length - (x.parts[part]?.length ?? 0);
    x.parts[part] = text;
    x.at = this.now();
    if (x.chars > this.maxChars) {
      this.items.delete(transfer);
      throw new BackupError(`This file is too large. Backstory reads backup files of up to ${sizeText(this.maxChars)}.`);
    }
    return x.chars;
  }

  /** The whole text of a file the page sent, once every part is there; dropped from the store. */
  take(transfer: unknown): string {
    if (typeof transfer === 'string' && this.superseded.has(transfer)) throw new BackupError(SUPERSEDED);
    const x = typeof transfer === 'string' ? this.items.get(transfer) : undefined;
    if (!x || x.dir !== 'in') throw new BackupError('The file did not reach the extension (it took too long, or the extension restarted). Choose it again.');
    this.items.delete(transfer as string);
    if (x.parts.some((p) => p === null)) throw new BackupError('The file did not reach the extension completely. Choose it again.');
    return x.parts.join('');
  }
}

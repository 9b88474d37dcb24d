/**
 * The backup file (issue #6): its layout, its header, and reading and checking it, for an import
 * (lib/archive/backup.ts) and for the check of an export before it is offered (`checkExport`).
 *
 * A backup is one JSON file in the format of Dexie's own export add-on (dexie-export-import:
 * `formatName: "dexie"`, the schema, then the rows), holding the `articles` table only, with a
 * `backstory` header in front:
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
 * The file is read here, not by the add-on's reviver, which turns typed values (`$types`: dates,
 * blobs, maps, typed arrays…) into live objects before anything could check them: it is parsed,
 * and checked record by record against what Backstory stores (lib/archive/schema.ts, the same
 * schema a save applies: types, sizes, web addresses only). A problem with the file as a whole
 * throws a BackupError; a record that does not fit is listed, and the others are kept.
 */
import { parseSettings, type Settings } from '../settings';
import type { SavedArticle } from '../types';
import { MAX_BACKUP_BYTES } from './backup-state';
import { articleLabel, At, checkRecord, clipped, count, FORBIDDEN_KEYS, forbiddenKey, HOSTILE_KEY, HostileKeyError, isPlainObject, RecordError, type Obj } from './schema';

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

/** A record of a backup file that could not be restored. */
export interface RejectedRecord {
  /** Its place in the file, from 1. */
  article: number;
  title: string | null;
  /** The sentence saying what is wrong ("Article 3 (“…”): “url” is not a web address …"). */
  problem: string;
}

/** A size in characters (at most bytes, for UTF-8) as the reader knows sizes: "200 MB", "1.5 MB", "800 KB". */
export const sizeText = (n: number) => (n >= 1024 * 1024 ? `${count(Math.round((n / 1024 / 1024) * 10) / 10)} MB` : `${count(Math.ceil(n / 1024))} KB`);

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
const TRUNCATED = 'This backup file is incomplete: it ends in the middle, as if it had been cut off while downloading or copying. Export the archive again, or use an older copy of the file.';

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
  const listed = bad
    .slice(0, 5)
    .map((r) => r.problem)
    .join(' ');
  const more = bad.length > 5 ? ` And ${count(bad.length - 5)} more.` : '';
  return `Backstory checked this backup the way an import reads it: ${count(bad.length)} of its ${count(total)} articles could not be restored from it, the others can. ${listed}${more}`;
}

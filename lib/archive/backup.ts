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
 * Backstory stores (types, sizes, web addresses only), and only when every record passes is
 * anything written, in ONE transaction over `articleTables(db)`: a bad file changes nothing.
 */
import './backup-env';
import Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import { isClaimStatus } from '../claim-status';
import { parseSettings, type Settings } from '../settings';
import type { Actor, ArticleFingerprint, Claim, ClaimReview, SavedArticle } from '../types';
import { articleTables, indexArticles, recordBytes, type PutRecord } from './articles';
import { MAX_BACKUP_BYTES, splitParts } from './backup-state';
import { articleDate } from './derived';
import { MAX_EVIDENCE, MAX_NOTE } from './claims';
import type { ArchiveDB } from './db';
import { MAX_TAGS, normaliseTag } from './search';

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
export class BackupError extends Error {}

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

const MAX_CONFLICTS = 50;

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

/** Limits on what one record may hold. Generous against what extraction produces (200,000 characters of text). */
export const LIMITS = {
  url: 8192,
  title: 2000,
  short: 2000,
  lang: 35,
  published: 100,
  paragraphs: 20_000,
  text: 1_000_000,
  actors: 5000,
  aliases: 200,
  name: 400,
  role: 1000,
  claims: 5000,
  claimId: 200,
  spans: 1000,
  signals: 50,
  reason: 1000,
  evidenceUrl: 2000,
  fingerprintList: 4000,
  term: 400,
} as const;

/** The latest time a record may carry (ECMAScript's largest date). */
const MAX_TIME = 8.64e15;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const HOSTILE_KEY = (k: string) =>
  `This file contains a field named “${k}”, which no Backstory backup has. Such fields are used to attack programs that read files, so the file was refused.`;

/** A place in the file, for messages: "Article 3 (“Title”): claims[2].review.note …". */
class At {
  constructor(
    readonly label: string,
    readonly path: string,
  ) {}
  field(name: string): At {
    return new At(this.label, this.path ? `${this.path}.${name}` : name);
  }
  item(i: number): At {
    return new At(this.label, `${this.path}[${i}]`);
  }
  fail(problem: string): never {
    throw new BackupError(`${this.label}: ${this.path ? `“${this.path}” ` : ''}${problem}.`);
  }
}

type Check<T> = (x: unknown, at: At) => T;
type Obj = Record<string, unknown>;

function kindOf(x: unknown): string {
  if (x === null) return 'empty (null)';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'string') return 'text';
  if (typeof x === 'number') return 'a number';
  if (typeof x === 'boolean') return 'true or false';
  return 'an object';
}

function isPlainObject(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const clipped = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const count = (n: number) => n.toLocaleString('en');
/** A size in characters (at most bytes, for UTF-8) as the reader knows sizes: "200 MB", "1.5 MB", "800 KB". */
const sizeText = (n: number) => (n >= 1024 * 1024 ? `${count(Math.round((n / 1024 / 1024) * 10) / 10)} MB` : `${count(Math.ceil(n / 1024))} KB`);

const text =
  (max: number): Check<string> =>
  (x, at) => {
    if (typeof x !== 'string') return at.fail(`should be text, not ${kindOf(x)}`);
    if (x.length > max) return at.fail(`is too long (${count(x.length)} characters; at most ${count(max)})`);
    return x;
  };

const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (x, at) =>
    x === null ? null : check(x, at);

const integer =
  (min: number, max: number): Check<number> =>
  (x, at) => {
    if (typeof x !== 'number') return at.fail(`should be a number, not ${kindOf(x)}`);
    if (!Number.isInteger(x) || x < min || x > max) return at.fail(`should be a whole number from ${count(min)} to ${count(max)}, not ${x}`);
    return x;
  };

const decimal =
  (min: number, max: number): Check<number> =>
  (x, at) => {
    if (typeof x !== 'number') return at.fail(`should be a number, not ${kindOf(x)}`);
    if (!Number.isFinite(x) || x < min || x > max) return at.fail(`should be a number from ${count(min)} to ${count(max)}, not ${x}`);
    return x;
  };

const time = decimal(0, MAX_TIME);

const boolean: Check<boolean> = (x, at) => (typeof x === 'boolean' ? x : at.fail(`should be true or false, not ${kindOf(x)}`));

const oneOf =
  <T extends string | number>(values: readonly T[]): Check<T> =>
  (x, at) =>
    values.includes(x as T) ? (x as T) : at.fail(`should be one of ${values.map((v) => `“${v}”`).join(', ')}, not ${typeof x === 'string' ? `“${clipped(x, 40)}”` : kindOf(x)}`);

const list =
  <T>(check: Check<T>, max: number): Check<T[]> =>
  (x, at) => {
    if (!Array.isArray(x)) return at.fail(`should be a list, not ${kindOf(x)}`);
    if (x.length > max) return at.fail(`has too many entries (${count(x.length)}; at most ${count(max)})`);
    return x.map((v, i) => check(v, at.item(i)));
  };

/** An http(s) address; anything else (javascript:, data:, file:…) is refused. */
const webUrl =
  (max: number): Check<string> =>
  (x, at) => {
    const s = text(max)(x, at);
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      return at.fail(`is not a web address (“${clipped(s, 80)}”)`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      return at.fail(`is not a web address (“${clipped(s, 80)}”): only http and https addresses are accepted`);
    }
    return s;
  };

/**
 * An object with known fields only, checked one by one, in the file's own key order (so that a
 * restored record is the same record, key for key). Missing fields get `defaults`.
 */
function shape<T>(fields: { [K in keyof T]-?: Check<T[K]> }, required: readonly (keyof T)[], defaults: Partial<{ [K in keyof T]: (o: Obj) => T[K] }> = {}): Check<T> {
  return (x, at) => {
    if (!isPlainObject(x)) return at.fail(`should be an object, not ${kindOf(x)}`);
    const out: Obj = {};
    for (const k of Object.keys(x)) {
      if (FORBIDDEN_KEYS.has(k)) throw new BackupError(HOSTILE_KEY(k));
      if (!Object.prototype.hasOwnProperty.call(fields, k)) return at.fail(`has a field Backstory does not know (“${clipped(k, 40)}”)`);
      const v = x[k];
      if (v === undefined) continue;
      out[k] = (fields as Record<string, Check<unknown>>)[k]!(v, at.field(k));
    }
    for (const k of required) if (!(k in out)) at.fail(`has no “${String(k)}”`);
    for (const [k, make] of Object.entries(defaults) as [string, (o: Obj) => unknown][]) if (!(k in out)) out[k] = make(out);
    return out as T;
  };
}

const span = shape<{ paragraph: number; start: number; end: number }>(
  { paragraph: integer(0, LIMITS.paragraphs), start: integer(0, LIMITS.text), end: integer(0, LIMITS.text) },
  ['paragraph', 'start', 'end'],
);

const spanChecked: Check<{ paragraph: number; start: number; end: number }> = (x, at) => {
  const s = span(x, at);
  if (s.end < s.start) at.fail('ends before it starts');
  return s;
};

const review = shape<ClaimReview>(
  {
    status: (x, at) => (isClaimStatus(x) ? x : at.fail(`is not a claim status Backstory knows (${typeof x === 'string' ? `“${clipped(x, 40)}”` : kindOf(x)})`)),
    note: text(MAX_NOTE),
    evidence: list(webUrl(LIMITS.evidenceUrl), MAX_EVIDENCE),
    updatedAt: time,
  },
  ['status', 'updatedAt'],
  { note: () => '', evidence: () => [] },
);

const signal = shape<Claim['signals'][number]>(
  {
    // Checked as a word rather than against today's list, so that a code added later still reads.
    code: (x, at) => (typeof x === 'string' && /^[a-z][a-z-]{0,39}$/.test(x) ? (x as Claim['signals'][number]['code']) : at.fail('is not a signal code')),
    reason: text(LIMITS.reason),
    words: text(LIMITS.reason),
  },
  ['code', 'reason'],
  { words: () => '' },
);

const claim = shape<Claim>(
  {
    id: text(LIMITS.claimId),
    spans: list(spanChecked, LIMITS.spans),
    text: text(LIMITS.text),
    kind: oneOf(['quote', 'reported', 'factual'] as const),
    speaker: nullable(text(LIMITS.name)),
    speakerKey: nullable(text(LIMITS.name)),
    cue: nullable(text(LIMITS.name)),
    checkworthiness: decimal(0, 1),
    checkworthy: boolean,
    unverified: boolean,
    signals: list(signal, LIMITS.signals),
    review,
    missed: boolean,
  },
  ['id', 'spans', 'text', 'kind'],
  { speaker: () => null, speakerKey: () => null, cue: () => null, checkworthiness: () => 0, checkworthy: () => false, unverified: () => false, signals: () => [] },
);

const actor = shape<Actor>(
  {
    key: text(LIMITS.name),
    name: text(LIMITS.name),
    type: oneOf(['PER', 'ORG', 'LOC'] as const),
    aliases: list(text(LIMITS.name), LIMITS.aliases),
    mentions: integer(0, 10_000_000),
    role: nullable(text(LIMITS.role)),
  },
  ['key', 'name', 'type'],
  { aliases: () => [], mentions: () => 0, role: () => null },
);

const keyCount: Check<[string, number]> = (x, at) => {
  if (!Array.isArray(x) || x.length !== 2) return at.fail('should be a pair of a key and a number');
  return [text(LIMITS.name)(x[0], at.item(0)), decimal(0, 1e9)(x[1], at.item(1))];
};

const fingerprint = shape<ArticleFingerprint>(
  {
    v: oneOf([1] as const),
    day: nullable(integer(-1e8, 1e8)),
    terms: list(text(LIMITS.term), LIMITS.fingerprintList),
    counts: list(decimal(0, 1e9), LIMITS.fingerprintList),
    actors: list(keyCount, LIMITS.fingerprintList),
    places: list(keyCount, LIMITS.fingerprintList),
    dates: list(integer(-1e8, 1e8), LIMITS.fingerprintList),
    keys: list(text(LIMITS.term), LIMITS.fingerprintList),
  },
  ['v', 'day', 'terms', 'counts', 'actors', 'places', 'dates', 'keys'],
);

const tag: Check<string> = (x, at) => {
  const s = text(LIMITS.short)(x, at);
  if (normaliseTag(s) !== s) at.fail(`is not a tag as Backstory keeps them (“${clipped(s, 40)}”: trimmed, lower-case, at most 40 characters)`);
  return s;
};

/**
 * Every field of a saved record, with its check. A field added to `SavedArticle` must be added here,
 * or backups holding it are refused (test/unit/backup.test.ts checks a fully filled record).
 */
const article = shape<SavedArticle>(
  {
    id: integer(1, Number.MAX_SAFE_INTEGER),
    url: webUrl(LIMITS.url),
    pageUrl: webUrl(LIMITS.url),
    title: text(LIMITS.title),
    byline: nullable(text(LIMITS.short)),
    publisher: nullable(text(LIMITS.short)),
    aggregator: nullable(text(LIMITS.short)),
    published: nullable(text(LIMITS.published)),
    lang: nullable(text(LIMITS.lang)),
    excerpt: nullable(text(LIMITS.short)),
    wordCount: integer(0, LIMITS.text),
    paragraphs: list(text(LIMITS.text), LIMITS.paragraphs),
    captions: list(integer(0, LIMITS.paragraphs), LIMITS.paragraphs),
    truncated: boolean,
    savedAt: time,
    updatedAt: time,
    actorKeys: list(text(LIMITS.name), LIMITS.actors),
    actors: list(actor, LIMITS.actors),
    claims: list(claim, LIMITS.claims),
    bytes: integer(0, 1e10),
    tags: (x, at) => {
      const tags = list(tag, MAX_TAGS)(x, at);
      if (new Set(tags).size !== tags.length) at.fail('lists a tag twice');
      return tags;
    },
    date: decimal(-MAX_TIME, MAX_TIME),
    fingerprint,
  },
  ['url', 'title', 'paragraphs', 'savedAt'],
  {
    pageUrl: (o) => o.url as string,
    byline: () => null,
    publisher: () => null,
    aggregator: () => null,
    published: () => null,
    lang: () => null,
    excerpt: () => null,
    wordCount: (o) => (o.paragraphs as string[]).join(' ').split(/\s+/).filter(Boolean).length,
    truncated: () => false,
    updatedAt: (o) => o.savedAt as number,
    actors: () => [],
    actorKeys: (o) => ((o.actors as Actor[] | undefined) ?? []).map((a) => a.key),
    tags: () => [],
    date: (o) => articleDate(o as unknown as SavedArticle),
  },
);

/** One row of the file as a record, or a BackupError naming the article and what is wrong. */
function readRecord(row: unknown, i: number): SavedArticle {
  const title = isPlainObject(row) && typeof row.title === 'string' ? row.title : null;
  const at = new At(title ? `Article ${i + 1} (“${clipped(title)}”)` : `Article ${i + 1}`, '');
  const r = article(untype(row, at), at);
  let chars = 0;
  for (const p of r.paragraphs) chars += p.length;
  if (chars > LIMITS.text) at.fail(`its text is too long (${count(chars)} characters; at most ${count(LIMITS.text)})`);
  // Our own estimate of the record's size; the file's is kept (the record is restored as it was)
  // unless it is missing.
  if (r.bytes === undefined) r.bytes = recordBytes(r);
  return r;
}

/**
 * Dexie's export lists, per row, the values plain JSON would not give back as they were, in a
 * `$types` map (keypath → type). Two can occur in a Backstory record: "arrayNonindexKeys", which the
 * add-on writes for every list (nothing to undo while the value is a plain list), and "undef", an
 * optional field that is there but undefined (dropped: it reads back as absent). Any other type (a
 * date, a blob, a map…) is something Backstory never stores, and the file is refused.
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
    for (const k of keys) if (FORBIDDEN_KEYS.has(k)) throw new BackupError(HOSTILE_KEY(k));
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

/** The first forbidden key anywhere in a parsed value, or null. Iterative: a deep file cannot overflow the stack. */
function forbiddenKey(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' && x !== null) stack.push(x);
    } else if (isPlainObject(v)) {
      for (const k of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(k)) return k;
        const x = v[k];
        if (typeof x === 'object' && x !== null) stack.push(x);
      }
    }
  }
  return null;
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
  records: SavedArticle[];
}

/**
 * Reads and checks a backup file completely; throws a BackupError with a reader-facing sentence on
 * the first problem. `schemaVersion`: the archive's own (a newer file is refused).
 */
export function readBackup(raw: string, opts: { schemaVersion: number; maxChars?: number }): ParsedBackup {
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
  if (meta.rowCount !== rows.length || declared !== rows.length) {
    throw new BackupError(
      `This backup file is incomplete or was edited: it says it holds ${count(declared)} article${declared === 1 ? '' : 's'} but has ${count(rows.length)}. Export the archive again, or use an older copy of the file.`,
    );
  }

  const records = rows.map(readRecord);
  const ids = new Map<number, number>();
  const urls = new Map<string, number>();
  records.forEach((r, i) => {
    const sameUrl = urls.get(r.url);
    if (sameUrl !== undefined) throw new BackupError(`This backup file is damaged: articles ${sameUrl + 1} and ${i + 1} have the same address (${clipped(r.url, 80)}).`);
    urls.set(r.url, i);
    if (r.id === undefined) return;
    const sameId = ids.get(r.id);
    if (sameId !== undefined) throw new BackupError(`This backup file is damaged: articles ${sameId + 1} and ${i + 1} have the same number (${r.id}).`);
    ids.set(r.id, i);
  });
  return {
    header: { format: BACKUP_FORMAT, formatVersion: version, schemaVersion: schema, exportedAt, articles: declared, settings },
    records,
  };
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
 * normalised URL) is merged (`mergeRecord`, then `indexArticle`), a new one gets a new id.
 */
export async function importBackup(db: ArchiveDB, raw: string, opts: { now?: () => number; maxChars?: number } = {}): Promise<ImportReport> {
  const clock = opts.now ?? Date.now;
  const started = clock();
  if (!db.isOpen()) await db.open();
  const { header, records } = readBackup(raw, { schemaVersion: db.verno, maxChars: opts.maxChars });
  const report: ImportReport = {
    articles: records.length,
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

const TRANSFER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Text on its way between the archive page and the background, in parts small enough for one
 * runtime message each (PART_CHARS). Kept by the service that owns it, for a few minutes at most: a
 * worker that stops meanwhile loses it, and the page then says to start again.
 */
export class Transfers {
  private readonly items = new Map<string, Transfer>();

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
      if ([...this.items.values()].filter((y) => y.dir === 'in').length >= 2) throw new BackupError('Another import is being sent already. Wait for it to finish.');
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
    const x = typeof transfer === 'string' ? this.items.get(transfer) : undefined;
    if (!x || x.dir !== 'in') throw new BackupError('The file did not reach the extension (it took too long, or the extension restarted). Choose it again.');
    this.items.delete(transfer as string);
    if (x.parts.some((p) => p === null)) throw new BackupError('The file did not reach the extension completely. Choose it again.');
    return x.parts.join('');
  }
}

/**
 * The one schema of a saved article (issue #15), declared once and applied everywhere a record
 * enters the archive: a save (`saveArticle`, from the side panel or automatically), an undo
 * (`restoreArticles`), an import (lib/archive/backup.ts) and an article a content script reports.
 * Because save and import apply the same limits the same way, whatever the extension stores it can
 * also restore from its own backup.
 *
 * What may be shortened is shortened, the same way every time (so a record passed through twice is
 * unchanged): display text (title, byline, publisher, excerpt, names, roles, signal reasons) is cut
 * and ends in "…"; keys are cut at the same length wherever they occur, so they still match; a
 * language tag keeps the subtags that fit; a publication date too long to be a date is dropped;
 * over-long lists of actors, aliases or signals keep their first entries. What may not be shortened
 * is refused with a sentence naming the article and the field: addresses that are not http(s), the
 * text, claims and their places, reviews, tags, fingerprints, numbers and types.
 *
 * A record's `bytes` is always computed here, never taken from the caller or the file.
 *
 * Used by the background and the archive page only: the content script must not carry it.
 */
import { isClaimStatus } from '../claim-status';
import type { Actor, Article, ArticleFingerprint, Claim, ClaimReview, SavedArticle } from '../types';
import { articleDate } from './derived';
import { MAX_TAGS, normaliseTag } from './tags';

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

/** A review's note, in characters, and its evidence links. */
export const MAX_NOTE = 5000;
export const MAX_EVIDENCE = 20;

/** Tags: one definition, in lib/archive/tags.ts (the archive page loads it without Dexie). */
export { MAX_TAG, MAX_TAGS, normaliseTag } from './tags';

/** The latest time a record may carry (ECMAScript's largest date). */
export const MAX_TIME = 8.64e15;

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const HOSTILE_KEY = (k: string) => `This file contains a field named “${k}”, which no Backstory backup has. Such fields are used to attack programs that read files, so the file was refused.`;

/** A record or request that does not fit the schema, in words for the reader. Nothing was written when it is thrown. */
export class RecordError extends Error {}

/** A field named like a prototype attack: the whole file or request is refused, not just the record. */
export class HostileKeyError extends RecordError {}

/** A place in a record, for messages: "Article 3 (“Title”): claims[2].review.note …". */
export class At {
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
    throw new RecordError(`${this.label}: ${this.path ? `“${this.path}”` : 'it'} ${problem}.`);
  }
}

export type Check<T> = (x: unknown, at: At) => T;
export type Obj = Record<string, unknown>;

export function kindOf(x: unknown): string {
  if (x === null) return 'empty (null)';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'string') return 'text';
  if (typeof x === 'number') return 'a number';
  if (typeof x === 'boolean') return 'true or false';
  return 'an object';
}

export function isPlainObject(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export const clipped = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
export const count = (n: number) => n.toLocaleString('en');

/** The first `max` UTF-16 units of `s`, one fewer when the last would split a surrogate pair. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end);
}

/**
 * What a text field does when it is too long: refuse the record (the default); `shorten` it and end
 * it in "…" (text the reader reads); `clip` it (keys, which must stay equal wherever they occur).
 */
type Overflow = 'refuse' | 'shorten' | 'clip';

export const text =
  (max: number, overflow: Overflow = 'refuse'): Check<string> =>
  (x, at) => {
    if (typeof x !== 'string') return at.fail(`should be text, not ${kindOf(x)}`);
    if (x.length <= max) return x;
    if (overflow === 'shorten') return `${cutText(x, max - 1).trimEnd()}…`;
    if (overflow === 'clip') return cutText(x, max);
    return at.fail(`is too long (${count(x.length)} characters; at most ${count(max)})`);
  };

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (x, at) =>
    x === null ? null : check(x, at);

/** Text, or null when there is none or it is too long to mean what it says (a date of 500 characters). */
const textOrNull =
  (max: number): Check<string | null> =>
  (x, at) => {
    if (x === null) return null;
    if (typeof x !== 'string') return at.fail(`should be text, not ${kindOf(x)}`);
    return x.length <= max ? x : null;
  };

/** A language tag: the subtags that fit within the limit ("en-gb-…" keeps "en-gb"), or null when not even the first does. */
const langTag: Check<string | null> = (x, at) => {
  if (x === null) return null;
  if (typeof x !== 'string') return at.fail(`should be text, not ${kindOf(x)}`);
  if (x.length <= LIMITS.lang) return x;
  let out = '';
  for (const part of x.split('-')) {
    const next = out ? `${out}-${part}` : part;
    if (next.length > LIMITS.lang) break;
    out = next;
  }
  return out || null;
};

export const integer =
  (min: number, max: number): Check<number> =>
  (x, at) => {
    if (typeof x !== 'number') return at.fail(`should be a number, not ${kindOf(x)}`);
    if (!Number.isInteger(x) || x < min || x > max) return at.fail(`should be a whole number from ${count(min)} to ${count(max)}, not ${x}`);
    return x;
  };

export const decimal =
  (min: number, max: number): Check<number> =>
  (x, at) => {
    if (typeof x !== 'number') return at.fail(`should be a number, not ${kindOf(x)}`);
    if (!Number.isFinite(x) || x < min || x > max) return at.fail(`should be a number from ${count(min)} to ${count(max)}, not ${x}`);
    return x;
  };

export const time = decimal(0, MAX_TIME);

export const boolean: Check<boolean> = (x, at) => (typeof x === 'boolean' ? x : at.fail(`should be true or false, not ${kindOf(x)}`));

export const oneOf =
  <T extends string | number>(values: readonly T[]): Check<T> =>
  (x, at) =>
    values.includes(x as T) ? (x as T) : at.fail(`should be one of ${values.map((v) => `“${v}”`).join(', ')}, not ${typeof x === 'string' ? `“${clipped(x, 40)}”` : kindOf(x)}`);

/** A list of at most `max` entries; with `keepFirst`, a longer one keeps its first `max` instead of being refused. */
export const list =
  <T>(check: Check<T>, max: number, keepFirst = false): Check<T[]> =>
  (x, at) => {
    if (!Array.isArray(x)) return at.fail(`should be a list, not ${kindOf(x)}`);
    if (x.length > max) {
      if (!keepFirst) return at.fail(`has too many entries (${count(x.length)}; at most ${count(max)})`);
      x = x.slice(0, max);
    }
    return (x as unknown[]).map((v, i) => check(v, at.item(i)));
  };

/** An http(s) address; anything else (javascript:, data:, file:…) is refused. */
export const webUrl =
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
 * An object with known fields only, checked one by one, in its own key order (so that a restored
 * record is the same record, key for key). Missing fields get `defaults`. With `unknown: 'drop'`
 * (requests), fields it does not know are left out instead of refused.
 */
export function shape<T>(
  fields: { [K in keyof T]-?: Check<T[K]> },
  required: readonly (keyof T)[],
  defaults: Partial<{ [K in keyof T]: (o: Obj) => T[K] }> = {},
  unknown: 'refuse' | 'drop' = 'refuse',
): Check<T> {
  return (x, at) => {
    if (!isPlainObject(x)) return at.fail(`should be an object, not ${kindOf(x)}`);
    const out: Obj = {};
    for (const k of Object.keys(x)) {
      if (FORBIDDEN_KEYS.has(k)) throw new HostileKeyError(HOSTILE_KEY(k));
      if (!Object.prototype.hasOwnProperty.call(fields, k)) {
        if (unknown === 'drop') continue;
        return at.fail(`has a field Backstory does not know (“${clipped(k, 40)}”)`);
      }
      const v = x[k];
      if (v === undefined) continue;
      out[k] = (fields as Record<string, Check<unknown>>)[k]!(v, at.field(k));
    }
    for (const k of required) if (!(k in out)) at.fail(`has no “${String(k)}”`);
    for (const [k, make] of Object.entries(defaults) as [string, (o: Obj) => unknown][]) if (!(k in out)) out[k] = make(out);
    return out as T;
  };
}

/** The first forbidden key anywhere in a value, or null. Iterative: a deep value cannot overflow the stack. */
export function forbiddenKey(value: unknown): string | null {
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

/** Approximate stored size of a record: strings as UTF-16, plus a fixed overhead. */
export function recordBytes(r: Omit<SavedArticle, 'bytes' | 'id'>): number {
  let chars = 0;
  for (const p of r.paragraphs) chars += p.length;
  chars += r.title.length + r.url.length + r.pageUrl.length + (r.byline?.length ?? 0) + (r.excerpt?.length ?? 0);
  chars += (r.publisher?.length ?? 0) + (r.aggregator?.length ?? 0);
  for (const a of r.actors) chars += a.key.length + a.name.length + a.aliases.join('').length + (a.role?.length ?? 0);
  for (const c of r.claims ?? []) {
    chars += c.text.length + (c.speaker?.length ?? 0) + 120;
    for (const g of c.signals) chars += g.reason.length + g.words.length;
    if (c.review) chars += c.review.note.length + c.review.evidence.join('').length;
  }
  for (const t of r.tags ?? []) chars += t.length;
  if (r.fingerprint) {
    const fp = r.fingerprint;
    chars += fp.terms.join(' ').length + fp.keys.join(' ').length + 8 * (fp.counts.length + fp.dates.length);
    for (const [k] of [...fp.actors, ...fp.places]) chars += k.length + 8;
    for (const [k, n] of fp.names ?? []) chars += k.length + n.length + 8;
  }
  return chars * 2 + 256;
}

// ---------------------------------------------------------------------------------------------
// The record

type Span = { paragraph: number; start: number; end: number };

/**
 * Built on first use, not when the module loads: lib/archive/search.ts (tags) imports the articles
 * module, which imports this one, so the constants it needs may not be there yet at load time.
 */
function build() {
  const key = text(LIMITS.name, 'clip');
  const term = text(LIMITS.term, 'clip');

  const span = shape<Span>({ paragraph: integer(0, LIMITS.paragraphs), start: integer(0, LIMITS.text), end: integer(0, LIMITS.text) }, ['paragraph', 'start', 'end']);
  const spanChecked: Check<Span> = (x, at) => {
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
      reason: text(LIMITS.reason, 'shorten'),
      words: text(LIMITS.reason, 'shorten'),
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
      speaker: nullable(text(LIMITS.name, 'shorten')),
      speakerKey: nullable(key),
      speakerKeys: list(key, 8, true),
      cue: nullable(text(LIMITS.name, 'shorten')),
      checkworthiness: decimal(0, 1),
      checkworthy: boolean,
      unverified: boolean,
      signals: list(signal, LIMITS.signals, true),
      review,
      missed: boolean,
    },
    ['id', 'spans', 'text', 'kind'],
    { speaker: () => null, speakerKey: () => null, cue: () => null, checkworthiness: () => 0, checkworthy: () => false, unverified: () => false, signals: () => [] },
  );

  const actor = shape<Actor>(
    {
      key,
      name: text(LIMITS.name, 'shorten'),
      type: oneOf(['PER', 'ORG', 'LOC'] as const),
      aliases: list(text(LIMITS.name, 'shorten'), LIMITS.aliases, true),
      mentions: integer(0, 10_000_000),
      role: nullable(text(LIMITS.role, 'shorten')),
      outlet: (x, at) => (x === true ? true : at.fail(`should be true or left out, not ${kindOf(x)}`)),
    },
    ['key', 'name', 'type'],
    { aliases: () => [], mentions: () => 0, role: () => null },
  );

  const keyCount: Check<[string, number]> = (x, at) => {
    if (!Array.isArray(x) || x.length !== 2) return at.fail('should be a pair of a key and a number');
    return [key(x[0], at.item(0)), decimal(0, 1e9)(x[1], at.item(1))];
  };

  const keyName: Check<[string, string]> = (x, at) => {
    if (!Array.isArray(x) || x.length !== 2) return at.fail('should be a pair of a key and a name');
    return [key(x[0], at.item(0)), text(LIMITS.name, 'shorten')(x[1], at.item(1))];
  };

  const fingerprint = shape<ArticleFingerprint>(
    {
      v: oneOf([1] as const),
      day: nullable(integer(-1e8, 1e8)),
      terms: list(term, LIMITS.fingerprintList),
      counts: list(decimal(0, 1e9), LIMITS.fingerprintList),
      actors: list(keyCount, LIMITS.fingerprintList),
      places: list(keyCount, LIMITS.fingerprintList),
      dates: list(integer(-1e8, 1e8), LIMITS.fingerprintList),
      keys: list(term, LIMITS.fingerprintList),
      kinds: list(term, LIMITS.fingerprintList),
      kindsV: integer(1, 1000),
      kindDays: list(integer(-1e8, 1e8), LIMITS.fingerprintList),
      head: list(term, LIMITS.fingerprintList),
      norm: decimal(0, 1e9),
      headNorm: decimal(0, 1e9),
      names: list(keyName, LIMITS.fingerprintList),
      subject: shape<{ kinds: string[]; people: string[] }>({ kinds: list(term, LIMITS.fingerprintList), people: list(key, LIMITS.fingerprintList) }, ['kinds', 'people']),
      series: list(term, LIMITS.fingerprintList),
      outlets: list(key, LIMITS.fingerprintList),
    },
    ['v', 'day', 'terms', 'counts', 'actors', 'places', 'dates', 'keys'],
  );

  const tag: Check<string> = (x, at) => {
    const s = text(LIMITS.short)(x, at);
    if (normaliseTag(s) !== s) at.fail(`is not a tag as Backstory keeps them (“${clipped(s, 40)}”: trimmed, lower-case, at most 40 characters)`);
    return s;
  };

  /** The fields of an article as extracted. */
  const articleFields = {
    url: webUrl(LIMITS.url),
    pageUrl: webUrl(LIMITS.url),
    title: text(LIMITS.title, 'shorten'),
    byline: nullable(text(LIMITS.short, 'shorten')),
    publisher: nullable(text(LIMITS.short, 'shorten')),
    aggregator: nullable(text(LIMITS.short, 'shorten')),
    published: textOrNull(LIMITS.published),
    lang: langTag,
    excerpt: nullable(text(LIMITS.short, 'shorten')),
    wordCount: integer(0, LIMITS.text),
    paragraphs: list(text(LIMITS.text), LIMITS.paragraphs),
    // Optional: records saved before captions were marked have none.
    captions: list(integer(0, LIMITS.paragraphs), LIMITS.paragraphs),
    // Optional: absent when the article has no block quotations, and on records saved before they were marked.
    quoteBlocks: list(integer(0, LIMITS.paragraphs), LIMITS.paragraphs),
    truncated: boolean,
  } satisfies { [K in keyof Article]-?: Check<Article[K]> };

  /**
   * Every field of a saved record, with its check. A field added to `SavedArticle` must be added
   * here, or the type check fails (and backups holding it would be refused).
   */
  const saved = shape<SavedArticle>(
    {
      ...articleFields,
      id: integer(1, Number.MAX_SAFE_INTEGER),
      savedAt: time,
      updatedAt: time,
      actorKeys: list(key, LIMITS.actors, true),
      actors: list(actor, LIMITS.actors, true),
      claims: list(claim, LIMITS.claims),
      // Never trusted: `checkRecord` computes it.
      bytes: (x) => (typeof x === 'number' ? x : 0),
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

  // A page read from a file (file:) can be read and shown, though not saved: its addresses are only text here.
  const required = (Object.keys(articleFields) as (keyof Article)[]).filter((k) => k !== 'captions' && k !== 'quoteBlocks');
  const extracted = shape<Article>({ ...articleFields, url: text(LIMITS.url), pageUrl: text(LIMITS.url) }, required, {}, 'drop');
  return { saved, extracted };
}

let schema: ReturnType<typeof build> | null = null;
const schemaOf = () => (schema ??= build());

function textTooLong(paragraphs: readonly string[], at: At): void {
  let chars = 0;
  for (const p of paragraphs) chars += p.length;
  if (chars > LIMITS.text) at.fail(`has too much text (${count(chars)} characters; at most ${count(LIMITS.text)})`);
}

/**
 * A record as the archive keeps it, from anything claiming to be one (a record about to be saved, a
 * backup file's row, a record a page sends back for undo): checked, shortened where it may be, its
 * size computed. Throws a RecordError naming `at`'s article and the field otherwise.
 */
export function checkRecord(x: unknown, at: At | string): SavedArticle {
  const where = typeof at === 'string' ? new At(at, '') : at;
  const r = schemaOf().saved(x, where);
  textTooLong(r.paragraphs, where);
  r.bytes = recordBytes(r);
  return r;
}

/** An extracted article (what a content script reports), checked and shortened like a record's fields. */
export function checkArticle(x: unknown, at: At | string): Article {
  const where = typeof at === 'string' ? new At(at, '') : at;
  const a = schemaOf().extracted(x, where);
  textTooLong(a.paragraphs, where);
  return a;
}

/** "Article 3 (“Title”)", or "Article 3" when the row has no title to show. */
export function articleLabel(row: unknown, i: number): string {
  const title = isPlainObject(row) && typeof row.title === 'string' ? row.title : null;
  return title ? `Article ${i + 1} (“${clipped(title)}”)` : `Article ${i + 1}`;
}

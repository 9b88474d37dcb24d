/**
 * Full-text search and filters over the archive (issue #5), answered from indexes, never by
 * reading every article: the words from their posting lists (lib/archive/postings.ts), the filters
 * from the articles' IndexedDB indexes; only the page of results shown is read in full.
 *
 * Words are matched the way event matching tokenises (lib/events/terms.ts): folded, light plural
 * stem, stop words dropped, so "Earthquakes" finds "earthquake". The last word, unless followed by
 * a space, also matches as the start of a word ("earthq").
 */
import Dexie, { type Collection } from 'dexie';
import { fold, normaliseWord, stem } from '../events/terms';
import type { ArchiveQuery, ArticleSummary } from './views';
import { isClaimStatus } from '../claim-status';
import type { SavedArticle } from '../types';
import { listArticles, summarise } from './articles';
import { adjustTotals, resize } from './totals';
import type { ArchiveDB } from './db';
import { MAX_TAGS, normaliseTag } from './tags';

const WORD = /\p{N}+(?:[.,]\p{N}+)*|\p{L}[\p{L}\p{N}]*/gu;

/** Words in a query at most; more are ignored (each costs an index read). */
export const MAX_QUERY_WORDS = 8;

export interface ParsedQuery {
  /** Whole terms, all required. */
  words: string[];
  /** The start of a word (the last word as typed), or null. */
  prefix: string | null;
  /** Query words dropped as too common to search for ("the", "said"). */
  dropped: string[];
}

/** Splits what the reader typed into index terms. */
export function parseSearch(text: string): ParsedQuery {
  const raw = [...fold(text.slice(0, 500)).matchAll(WORD)].map((m) => m[0]);
  const open = raw.length > 0 && !/\s$/.test(text);
  const words: string[] = [];
  const dropped: string[] = [];
  let prefix: string | null = null;
  raw.forEach((w, i) => {
    if (open && i === raw.length - 1 && w.length >= 2 && !/^\d/.test(w)) {
      // A partial word: as a prefix of stored (stemmed) terms. Stemming a complete plural keeps the
      // prefix valid ("quakes" → "quake"); a stop word typed in full is still a usable prefix.
      prefix = w.length >= 4 ? stem(w) : w;
      return;
    }
    const t = normaliseWord(w);
    if (t === null) dropped.push(w);
    else if (!words.includes(t)) words.push(t);
  });
  return { words: words.slice(0, MAX_QUERY_WORDS), prefix, dropped };
}

/** The search index as the background keeps it (ArchiveIdf in coverage.ts, over lib/archive/postings.ts). */
export interface SearchIndex {
  /** Brings what it knows of the archive up to date (a few small reads once it is loaded). */
  load(): Promise<void>;
  /** The archive's terms that start with `prefix` (as of the last `load`). */
  termsWithPrefix(prefix: string): string[];
  /** The saved articles whose search words hold any of `terms`, ascending. */
  articlesWithAny(terms: readonly string[]): Promise<number[]>;
}

/**
 * Candidates at most that are checked against their search rows for an unfinished word, rather
 * than reading the posting list of every word it may be the start of (a search row costs about
 * as much as a posting list to read).
 */
const CHECK_MAX = 2000;

/** A filter on the articles' own indexes: its ids, and (an equality) its newest ids by one short read. */
interface Filter {
  ids(): Promise<number[]>;
  count(): Promise<number>;
  page?(offset: number, limit: number): Promise<number[]>;
}

function indexFilter(coll: () => Collection<unknown, unknown>, ordered: boolean): Filter {
  const f: Filter = { ids: async () => (await coll().primaryKeys()) as number[], count: () => coll().count() };
  // Within one key of an index, entries are in primary-key order: newest first when reversed.
  if (ordered) f.page = async (offset, limit) => (await coll().reverse().offset(offset).limit(limit).primaryKeys()) as number[];
  return f;
}

/** Ascending, without repeats. */
function ascending(xs: number[]): number[] {
  const s = [...new Set(xs)];
  return s.sort((a, b) => a - b);
}

/** The ids in both ascending lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

export interface SearchResult {
  items: ArticleSummary[];
  total: number;
  ms: number;
}

/**
 * Articles matching every given condition, newest saved first (a higher id is a later first save).
 *
 * Words are read from their posting lists (one row each) and intersected; an unfinished last word
 * is then checked against the few candidates' search rows, or its words' lists are read when there
 * are many; the filters read their indexes. A lone filter is answered by its count and one short
 * read of its newest ids. Only the page of results shown is read in full.
 */
export async function searchArticles(db: ArchiveDB, index: SearchIndex, q: ArchiveQuery): Promise<SearchResult> {
  const t0 = performance.now();
  const parsed = typeof q.text === 'string' && q.text.trim() ? parseSearch(q.text) : null;
  if (parsed && parsed.words.length === 0 && parsed.prefix === null) throw new SearchError('Those words are too common to search for. Try a name or a less common word.');
  const filters: Filter[] = [];
  if (q.actorKey) {
    const k = q.actorKey;
    filters.push(indexFilter(() => db.articles.where('actorKeys').equals(k), true));
  }
  if (q.publisher) {
    const p = q.publisher;
    filters.push(indexFilter(() => db.articles.where('publisher').equals(p), true));
  }
  if (q.tag) {
    const t = normaliseTag(q.tag);
    if (t) filters.push(indexFilter(() => db.articles.where('tags').equals(t), true));
  }
  const from = Number.isFinite(q.from) ? q.from! : -8.64e15;
  const to = Number.isFinite(q.to) ? q.to! : 8.64e15;
  if (Number.isFinite(q.from) || Number.isFinite(q.to)) filters.push(indexFilter(() => db.articles.where('date').between(from, to, true, true), false));
  if (isClaimStatus(q.claimStatus)) {
    const s = q.claimStatus;
    const coll = () => db.claims.where('[status+date]').between([s, Dexie.minKey], [s, Dexie.maxKey]);
    // Keyed by claim ("12:q-3"): an article may come more than once.
    filters.push({ ids: async () => ((await coll().primaryKeys()) as string[]).map((k) => parseInt(k, 10)), count: () => coll().count() });
  }
  const offset = Math.max(0, q.offset | 0);
  const limit = Math.min(500, Math.max(1, q.limit | 0));
  const done = async (ids: readonly number[], total: number): Promise<SearchResult> => {
    const rows = (await db.articles.bulkGet([...ids])).filter((r): r is SavedArticle => !!r);
    return { items: rows.map(summarise), total, ms: performance.now() - t0 };
  };
  if (!parsed) {
    if (filters.length === 0) return { ...(await listArticles(db, offset, limit)), ms: performance.now() - t0 };
    const only = filters.length === 1 ? filters[0]! : null;
    if (only?.page) {
      const total = await only.count();
      return done(total > offset ? await only.page(offset, limit) : [], total);
    }
  }

  let set: number[] | null = null;
  if (parsed) {
    await index.load();
    const lists = await Promise.all(parsed.words.map((w) => index.articlesWithAny([w])));
    for (const l of lists.sort((a, b) => a.length - b.length)) set = set === null ? l : intersect(set, l);
  }
  for (const f of filters) {
    if (set?.length === 0) break;
    const ids = ascending(await f.ids());
    set = set === null ? ids : intersect(set, ids);
  }
  const prefix = parsed?.prefix ?? null;
  if (prefix !== null && set?.length !== 0) {
    const starts = index.termsWithPrefix(prefix);
    if (starts.length === 0) set = [];
    else if (set !== null && set.length <= CHECK_MAX && set.length < starts.length) {
      const rows = await db.search.bulkGet(set);
      set = set.filter((_, i) => rows[i]?.words.some((w) => w.startsWith(prefix)) ?? false);
    } else {
      const ids = await index.articlesWithAny(starts);
      set = set === null ? ids : intersect(set, ids);
    }
  }
  const all = set ?? [];
  // Newest first: from the end of the ascending list.
  const end = Math.max(0, all.length - offset);
  return done(all.slice(Math.max(0, end - limit), end).reverse(), all.length);
}

/** A reader-facing reason a search cannot run. */
export class SearchError extends Error {}

/** The publishers and tags in the archive, for the filters (read from index keys only). */
export async function archiveFacets(db: ArchiveDB): Promise<{ publishers: string[]; tags: string[] }> {
  const [publishers, tags] = await Promise.all([db.articles.orderBy('publisher').uniqueKeys(), db.articles.orderBy('tags').uniqueKeys()]);
  const strings = (xs: unknown[]) => xs.filter((x): x is string => typeof x === 'string' && x !== '').sort((a, b) => a.localeCompare(b));
  return { publishers: strings(publishers), tags: strings(tags) };
}

export { MAX_TAG, MAX_TAGS, normaliseTag } from './tags';

/** Adds and removes tags on articles, in one transaction. Returns how many articles changed. */
export async function tagArticles(db: ArchiveDB, ids: readonly number[], add: readonly unknown[], remove: readonly unknown[]): Promise<number> {
  const plus = [...new Set(add.map(normaliseTag).filter((t): t is string => !!t))];
  const minus = new Set(remove.map(normaliseTag).filter((t): t is string => !!t));
  return db.transaction('rw', db.articles, db.meta, db.outbox, async () => {
    const recs = (await db.articles.bulkGet([...new Set(ids)])).filter((r): r is SavedArticle => !!r);
    const was: SavedArticle[] = [];
    const changed: SavedArticle[] = [];
    for (const r of recs) {
      const before = r.tags ?? [];
      const next = [...before.filter((t) => !minus.has(t)), ...plus.filter((t) => !before.includes(t))];
      if (next.length > MAX_TAGS) throw new SearchError(`An article can have at most ${MAX_TAGS} tags.`);
      if (next.length === before.length && next.every((t, i) => t === before[i])) continue;
      was.push(r);
      changed.push({ ...r, tags: next });
    }
    if (changed.length) {
      const delta = resize(was, changed);
      await db.articles.bulkPut(changed);
      await adjustTotals(db, 0, delta);
    }
    return changed.length;
  });
}

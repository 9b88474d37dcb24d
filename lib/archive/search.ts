/**
 * Full-text search and filters over the archive (issue #5), answered from IndexedDB indexes, never
 * by reading every article: each word and each filter is one index range read of primary keys, and
 * the sets are intersected smallest first. Only the page of results shown is read in full.
 *
 * Words are matched the way event matching tokenises (lib/events/terms.ts): folded, light plural
 * stem, stop words dropped, so "Earthquakes" finds "earthquake". The last word, unless followed by
 * a space, also matches as the start of a word ("earthq").
 */
import Dexie, { type Collection } from 'dexie';
import { fold, normaliseWord, stem } from '../events/terms';
import type { ArchiveQuery, ArticleSummary } from '../messaging/protocol';
import { isClaimStatus } from '../claim-status';
import type { SavedArticle } from '../types';
import { listArticles, summarise } from './articles';
import type { ArchiveDB } from './db';

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

/** One condition of a query: how many index entries it covers, and the article ids it allows. */
interface Condition {
  size(): Promise<number>;
  ids(): Promise<number[]>;
}

function fromCollection(coll: () => Collection<unknown, unknown>): Condition {
  return { size: () => coll().count(), ids: async () => (await coll().primaryKeys()) as number[] };
}

export interface SearchResult {
  items: ArticleSummary[];
  total: number;
  ms: number;
}

/** Articles matching every given condition, newest saved first (a higher id is a later first save). */
export async function searchArticles(db: ArchiveDB, q: ArchiveQuery): Promise<SearchResult> {
  const t0 = performance.now();
  const conds: Condition[] = [];
  if (typeof q.text === 'string' && q.text.trim()) {
    const parsed = parseSearch(q.text);
    for (const w of parsed.words) conds.push(fromCollection(() => db.search.where('words').equals(w)));
    const prefix = parsed.prefix;
    if (prefix !== null) conds.push(fromCollection(() => db.search.where('words').startsWith(prefix)));
    if (parsed.words.length === 0 && prefix === null) throw new SearchError('Those words are too common to search for. Try a name or a less common word.');
  }
  if (q.actorKey) {
    const k = q.actorKey;
    conds.push(fromCollection(() => db.articles.where('actorKeys').equals(k)));
  }
  if (q.publisher) {
    const p = q.publisher;
    conds.push(fromCollection(() => db.articles.where('publisher').equals(p)));
  }
  if (q.tag) {
    const t = normaliseTag(q.tag);
    if (t) conds.push(fromCollection(() => db.articles.where('tags').equals(t)));
  }
  const from = Number.isFinite(q.from) ? q.from! : -8.64e15;
  const to = Number.isFinite(q.to) ? q.to! : 8.64e15;
  if (Number.isFinite(q.from) || Number.isFinite(q.to)) conds.push(fromCollection(() => db.articles.where('date').between(from, to, true, true)));
  if (isClaimStatus(q.claimStatus)) {
    const s = q.claimStatus;
    const coll = () => db.claims.where('[status+date]').between([s, Dexie.minKey], [s, Dexie.maxKey]);
    conds.push({
      size: () => coll().count(),
      ids: async () => ((await coll().primaryKeys()) as string[]).map((k) => parseInt(k, 10)),
    });
  }

  if (conds.length === 0) {
    const page = await listArticles(db, Math.max(0, q.offset | 0), Math.min(500, Math.max(1, q.limit | 0)));
    return { ...page, ms: performance.now() - t0 };
  }
  let ids: number[];
  {
    const sizes = await Promise.all(conds.map((c) => c.size()));
    const order = conds.map((_, i) => i).sort((a, b) => sizes[a]! - sizes[b]!);
    let set: Set<number> | null = null;
    for (const i of order) {
      if (sizes[i] === 0) {
        set = new Set();
        break;
      }
      const next: number[] = await conds[i]!.ids();
      if (set === null) set = new Set(next);
      else {
        const keep = new Set<number>();
        for (const id of next) if (set.has(id)) keep.add(id);
        set = keep;
      }
      if (set.size === 0) break;
    }
    ids = [...(set ?? [])].sort((a, b) => b - a);
  }
  const offset = Math.max(0, q.offset | 0);
  const limit = Math.min(500, Math.max(1, q.limit | 0));
  const rows = (await db.articles.bulkGet(ids.slice(offset, offset + limit))).filter((r): r is SavedArticle => !!r);
  return { items: rows.map(summarise), total: ids.length, ms: performance.now() - t0 };
}

/** A reader-facing reason a search cannot run. */
export class SearchError extends Error {}

/** The publishers and tags in the archive, for the filters (read from index keys only). */
export async function archiveFacets(db: ArchiveDB): Promise<{ publishers: string[]; tags: string[] }> {
  const [publishers, tags] = await Promise.all([db.articles.orderBy('publisher').uniqueKeys(), db.articles.orderBy('tags').uniqueKeys()]);
  const strings = (xs: unknown[]) => xs.filter((x): x is string => typeof x === 'string' && x !== '').sort((a, b) => a.localeCompare(b));
  return { publishers: strings(publishers), tags: strings(tags) };
}

export const MAX_TAG = 40;
export const MAX_TAGS = 30;

/** A tag as stored: trimmed, lower-case, single spaces, no control characters, at most 40 characters; null when empty. */
export function normaliseTag(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const t = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase().slice(0, MAX_TAG).trim();
  return t || null;
}

/** Adds and removes tags on articles, in one transaction. Returns how many articles changed. */
export async function tagArticles(db: ArchiveDB, ids: readonly number[], add: readonly unknown[], remove: readonly unknown[]): Promise<number> {
  const plus = [...new Set(add.map(normaliseTag).filter((t): t is string => !!t))];
  const minus = new Set(remove.map(normaliseTag).filter((t): t is string => !!t));
  return db.transaction('rw', db.articles, async () => {
    const recs = (await db.articles.bulkGet([...new Set(ids)])).filter((r): r is SavedArticle => !!r);
    const changed: SavedArticle[] = [];
    for (const r of recs) {
      const before = r.tags ?? [];
      const next = [...before.filter((t) => !minus.has(t)), ...plus.filter((t) => !before.includes(t))];
      if (next.length > MAX_TAGS) throw new SearchError(`An article can have at most ${MAX_TAGS} tags.`);
      if (next.length === before.length && next.every((t, i) => t === before[i])) continue;
      changed.push({ ...r, tags: next });
    }
    if (changed.length) await db.articles.bulkPut(changed);
    return changed.length;
  });
}

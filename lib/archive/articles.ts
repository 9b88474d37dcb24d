/** Queries and writes on the archive's articles. Pure functions of a Dexie instance. */
import type { ActorArchiveInfo, ArticleSummary, ArchiveStats } from './views';
import type { Analysis, Article, SavedArticle } from '../types';
import { claimRows, mergeClaims } from './claims';
import type { ArchiveDB, ClaimRow, EventRow, MemoryRow, MetaRow, SearchRow, StatementRow } from './db';
import { articleDate, eventRow, FILL, memoryRow, searchWords, statementRows, TOTALS } from './derived';
import { logChanges } from './terms';
import { checkRecord } from './schema';
import { adjustTotals } from './totals';

/** Every table an article's writes touch, for transactions (the outbox: lib/archive/db.ts). */
export function articleTables(db: ArchiveDB) {
  return [db.articles, db.claims, db.events, db.search, db.termLog, db.statements, db.memory, db.meta, db.outbox];
}

/** Totals by a scan: a fallback for reading when the running totals are missing. */
async function countTotals(db: ArchiveDB): Promise<MetaRow> {
  let articles = 0;
  let bytes = 0;
  await db.articles.each((r) => {
    articles++;
    bytes += r.bytes ?? 0;
  });
  return { key: TOTALS, articles, bytes };
}

/** A record just put, and the size of the record it replaced (0 for a new one). */
export interface PutRecord {
  record: SavedArticle & { id: number };
  previousBytes: number;
}

/**
 * Deletes the claim, statement and claim-memory rows of these articles (rewritten or gone) and reads the search
 * and event rows indexed for them now, which the log's changes are worked out from.
 */
async function clearIndexed(db: ArchiveDB, ids: number[]) {
  const [olds, oldEvents] = await Promise.all([
    db.search.bulkGet(ids),
    db.events.bulkGet(ids),
    db.claims.where('articleId').anyOf(ids).delete(),
    db.statements.where('articleId').anyOf(ids).delete(),
    db.memory.bulkDelete(ids),
  ]);
  return { olds, oldEvents };
}

/**
 * Writes the index rows of records that were just put: claims, statements, claim memory's rows, event rows, search words,
 * one log row for them all (the words and event keys that changed against what was indexed before,
 * and the articles they changed for: lib/archive/terms.ts) and the totals. The same requests for one
 * record or a thousand: bulk reads of the rows they replace, bulk deletes and bulk puts. Each id
 * once. Call inside a transaction over `articleTables(db)`.
 */
export async function indexArticles(db: ArchiveDB, put: readonly PutRecord[]): Promise<void> {
  if (put.length === 0) return;
  const { olds, oldEvents } = await clearIndexed(
    db,
    put.map((p) => p.record.id),
  );
  const deltas = new Map<string, number>();
  const add = (w: string, d: number) => deltas.set(w, (deltas.get(w) ?? 0) + d);
  const keys = new Set<string>();
  const changed: number[] = [];
  const search: SearchRow[] = [];
  const events: EventRow[] = [];
  const unfingerprinted: number[] = [];
  let articles = 0;
  let bytes = 0;
  put.forEach(({ record: r, previousBytes }, i) => {
    const words = searchWords(r);
    const old = olds[i];
    const before = new Set(old?.words ?? []);
    const now = new Set(words);
    // New, or its words or event keys changed: the posting lists must hear of it (lib/archive/postings.ts).
    let changedWords = !old;
    for (const w of now) {
      if (before.has(w)) continue;
      add(w, 1);
      changedWords = true;
    }
    for (const w of before) {
      if (now.has(w)) continue;
      add(w, -1);
      changedWords = true;
    }
    if (changedWords) search.push({ id: r.id, words });
    const ev = eventRow(r);
    // Without a fingerprint (no analysis, an older backup), the background computes one later.
    if (ev) events.push(ev);
    else unfingerprinted.push(r.id);
    const keysChanged = changedKeys(oldEvents[i]?.keys ?? [], ev?.keys ?? [], keys);
    if (changedWords || keysChanged) changed.push(r.id);
    articles += old ? 0 : 1;
    bytes += r.bytes - (old ? previousBytes : 0);
  });
  const claims: ClaimRow[] = [];
  const statements: StatementRow[] = [];
  const memory: MemoryRow[] = [];
  for (const p of put) {
    const rows = claimRows(p.record);
    const said = statementRows(p.record);
    claims.push(...rows);
    statements.push(...said);
    const m = memoryRow(said, rows);
    if (m) memory.push(m);
  }
  await Promise.all([
    db.claims.bulkPut(claims),
    db.statements.bulkPut(statements),
    db.memory.bulkPut(memory),
    db.events.bulkPut(events),
    unfingerprinted.length ? Promise.all([db.events.bulkDelete(unfingerprinted), db.meta.put({ key: FILL })]) : null,
    db.search.bulkPut(search),
    logChanges(db, { deltas, keys, ids: changed }),
    adjustTotals(db, articles, bytes),
  ]);
}

/** Adds to `into` the keys in one list and not the other; says whether there were any. */
export function changedKeys(before: readonly string[], after: readonly string[], into: Set<string>): boolean {
  const a = new Set(before);
  const b = new Set(after);
  const differ = [...a].filter((k) => !b.has(k)).concat([...b].filter((k) => !a.has(k)));
  for (const k of differ) into.add(k);
  return differ.length > 0;
}

/** `indexArticles` for one record. */
export async function indexArticle(db: ArchiveDB, r: SavedArticle & { id: number }, previousBytes: number): Promise<void> {
  await indexArticles(db, [{ record: r, previousBytes }]);
}

/** Removes every index row of these articles. Call inside a transaction over `articleTables(db)`. */
async function unindexArticles(db: ArchiveDB, recs: readonly (SavedArticle & { id: number })[]): Promise<void> {
  if (recs.length === 0) return;
  const ids = recs.map((r) => r.id);
  const { olds, oldEvents } = await clearIndexed(db, ids);
  const deltas = new Map<string, number>();
  const keys = new Set<string>();
  const gone: number[] = [];
  let articles = 0;
  let bytes = 0;
  recs.forEach((r, i) => {
    for (const k of oldEvents[i]?.keys ?? []) keys.add(k);
    const old = olds[i];
    if (old) {
      for (const w of old.words) deltas.set(w, (deltas.get(w) ?? 0) - 1);
      articles--;
      bytes -= r.bytes ?? 0;
    }
    if (old || oldEvents[i]) gone.push(r.id);
  });
  await Promise.all([db.search.bulkDelete(ids), db.events.bulkDelete(ids), logChanges(db, { deltas, keys, ids: gone }), adjustTotals(db, articles, bytes)]);
}

/** The record to store for an article, merged with what the archive already has for its URL. */
function recordFor(article: Article, analysis: Analysis | null, existing: SavedArticle | undefined, now: number): SavedArticle {
  const actors = analysis?.actors ?? existing?.actors ?? [];
  const claims = analysis?.claims ? mergeClaims(analysis.claims, existing?.claims) : (existing?.claims ?? []);
  const savedAt = existing?.savedAt ?? now;
  const base: Omit<SavedArticle, 'bytes' | 'id'> = {
    ...article,
    savedAt,
    updatedAt: now,
    actors,
    actorKeys: actors.map((a) => a.key),
    claims,
    tags: existing?.tags ?? [],
    date: articleDate({ published: article.published, savedAt }),
  };
  const fingerprint = analysis?.fingerprint ?? existing?.fingerprint;
  if (fingerprint) base.fingerprint = fingerprint;
  const record: SavedArticle = { ...base, bytes: 0 };
  if (existing?.id !== undefined) record.id = existing.id;
  // The schema an import applies (lib/archive/schema.ts): what is saved can be restored from a backup.
  return checkRecord(record, 'This article cannot be saved');
}

/**
 * Saves articles, each updating the record already saved for its URL (or an earlier entry of the
 * same batch): one read of the records there, one bulk put, one bulk indexing. Returns each entry's
 * record as saved. Call inside a transaction over `articleTables(db)`.
 */
async function saveInTransaction(db: ArchiveDB, entries: readonly { article: Article; analysis: Analysis | null }[], now: number): Promise<(SavedArticle & { id: number })[]> {
  const urls = [...new Set(entries.map((e) => e.article.url))];
  const existing = new Map<string, SavedArticle>();
  for (const r of urls.length === 1 ? await db.articles.where('url').equals(urls[0]!).toArray() : await db.articles.where('url').anyOf(urls).toArray()) existing.set(r.url, r);
  const latest = new Map<string, SavedArticle>();
  for (const e of entries) {
    const url = e.article.url;
    latest.set(url, recordFor(e.article, e.analysis, latest.get(url) ?? existing.get(url), now));
  }
  const records = [...latest.values()];
  const keys = (await db.articles.bulkPut(records, { allKeys: true })) as number[];
  const saved = new Map<string, SavedArticle & { id: number }>();
  const put = records.map((r, i) => {
    const record = { ...r, id: keys[i]! };
    saved.set(r.url, record);
    return { record, previousBytes: existing.get(r.url)?.bytes ?? 0 };
  });
  await indexArticles(db, put);
  return entries.map((e) => saved.get(e.article.url)!);
}

/**
 * Saves an article, or updates it when one with the same normalised URL is already there (the
 * reader's claim reviews and tags carry over to the new analysis). One transaction over the record
 * and every index derived from it: either all of it is written or nothing is.
 */
export async function saveArticle(db: ArchiveDB, article: Article, analysis: Analysis | null, now = Date.now()): Promise<SavedArticle & { id: number }> {
  // The scope must be declared `async`: Dexie follows native awaits only from async scopes, and a
  // plain one returning a promise upsets that tracking for every other transaction running at the
  // same time, whose later writes then escape into transactions of their own (PrematureCommitError,
  // half an import or a delete committed). test/unit/concurrency.test.ts races them.
  return db.transaction('rw', articleTables(db), async () => (await saveInTransaction(db, [{ article, analysis }], now))[0]!);
}

/**
 * Saves several articles in one transaction (bulk loading): all or none. An article whose URL
 * comes twice is saved once, the later entry updating the earlier as a second save would.
 */
export async function saveMany(db: ArchiveDB, entries: readonly { article: Article; analysis: Analysis | null }[], now = Date.now()): Promise<number[]> {
  return db.transaction('rw', articleTables(db), async () => (await saveInTransaction(db, entries, now)).map((r) => r.id));
}

export async function findByUrl(db: ArchiveDB, url: string): Promise<SavedArticle | undefined> {
  return db.articles.where('url').equals(url).first();
}

/** Removes an article and returns it, so the caller can offer to undo. */
export async function deleteArticle(db: ArchiveDB, id: number): Promise<SavedArticle | null> {
  return (await deleteArticles(db, [id]))[0] ?? null;
}

/** Removes articles in one transaction and returns the records that were there, for undo. */
export async function deleteArticles(db: ArchiveDB, ids: readonly number[]): Promise<SavedArticle[]> {
  return db.transaction('rw', articleTables(db), async () => {
    const recs = (await db.articles.bulkGet([...new Set(ids)])).filter((r): r is SavedArticle & { id: number } => r?.id !== undefined);
    await unindexArticles(db, recs);
    await db.articles.bulkDelete(recs.map((r) => r.id));
    return recs;
  });
}

/** Puts back a record returned by `deleteArticle`. If the URL was saved again meanwhile, the newer one wins. */
export async function restoreArticle(db: ArchiveDB, record: unknown): Promise<number> {
  return (await restoreArticles(db, [record]))[0]!;
}

/**
 * Puts back records in one transaction; returns their ids (the newer record's id where the URL was
 * saved again). They come back from a page, so they are checked as an import checks a backup's
 * (lib/archive/schema.ts) before anything is written: one that does not fit refuses them all.
 */
export async function restoreArticles(db: ArchiveDB, given: readonly unknown[]): Promise<number[]> {
  const records = given.map((r, i) => checkRecord(r, given.length === 1 ? 'That article cannot be put back' : `Article ${i + 1} of those to put back`));
  return db.transaction('rw', articleTables(db), async () => {
    const ids: number[] = [];
    const put: PutRecord[] = [];
    for (const record of records) {
      const current = await db.articles.where('url').equals(record.url).first();
      if (current?.id !== undefined) {
        ids.push(current.id);
        continue;
      }
      const rec: SavedArticle = record;
      const id = (await db.articles.put(rec)) as number;
      put.push({ record: { ...rec, id }, previousBytes: 0 });
      ids.push(id);
    }
    await indexArticles(db, put);
    return ids;
  });
}

export function summarise(r: SavedArticle): ArticleSummary {
  return {
    id: r.id!,
    url: r.url,
    title: r.title,
    publisher: r.publisher,
    aggregator: r.aggregator,
    byline: r.byline,
    published: r.published,
    savedAt: r.savedAt,
    wordCount: r.wordCount,
    excerpt: r.excerpt,
    actors: [...r.actors]
      .sort((a, b) => b.mentions - a.mentions)
      .slice(0, SUMMARY_ACTORS)
      .map((a) => ({ key: a.key, name: a.name, type: a.type })),
    tags: r.tags ?? [],
  };
}

const SUMMARY_ACTORS = 6;

/** Saved articles, newest saved first; with `actorKey`, only those naming that actor (through the index). */
export async function listArticles(db: ArchiveDB, offset: number, limit: number, actorKey?: string): Promise<{ items: ArticleSummary[]; total: number }> {
  if (actorKey) {
    const { ids, rows } = await newestNaming(db, actorKey, offset, limit);
    return { items: rows.map(summarise), total: ids.length };
  }
  const [rows, total] = await Promise.all([db.articles.orderBy('savedAt').reverse().offset(offset).limit(limit).toArray(), db.articles.count()]);
  return { items: rows.map(summarise), total };
}

export async function archiveStats(db: ArchiveDB, storage: (Pick<StorageManager, 'estimate'> & Partial<Pick<StorageManager, 'persisted'>>) | undefined): Promise<ArchiveStats> {
  const totals = (await db.meta.get(TOTALS)) ?? (await countTotals(db));
  const articles = totals.articles ?? 0;
  const bytes = totals.bytes ?? 0;
  let usage: number | null = null;
  let quota: number | null = null;
  let persisted: boolean | null = null;
  try {
    const est = await storage?.estimate();
    usage = est?.usage ?? null;
    quota = est?.quota ?? null;
    persisted = storage?.persisted ? await storage.persisted() : null;
  } catch {
    // Some browsers do not give estimates to extension workers; the UI says "unknown".
  }
  return { articles, bytes, usage, quota, persisted };
}

/**
 * The saved articles naming an actor, newest first, reading only the keys of the index and then the
 * records of the page asked for (an actor such as "United States" may be in thousands of articles).
 * Ids grow with each first save, so a higher id is a later save.
 */
async function newestNaming(db: ArchiveDB, actorKey: string, offset: number, limit: number): Promise<{ ids: number[]; rows: SavedArticle[] }> {
  const ids = (await db.articles.where('actorKeys').equals(actorKey).primaryKeys()) as number[];
  ids.sort((a, b) => b - a);
  const rows = (await db.articles.bulkGet(ids.slice(offset, offset + limit))).filter((r): r is SavedArticle => !!r);
  return { ids, rows };
}

/** How many saved articles mention an actor, and the latest few. */
export async function actorArchiveInfo(db: ArchiveDB, key: string, latest: number): Promise<ActorArchiveInfo> {
  const { ids, rows } = await newestNaming(db, key, 0, latest);
  return {
    count: ids.length,
    latest: rows.map((r) => ({ id: r.id!, title: r.title, url: r.url, savedAt: r.savedAt })),
  };
}

/** Queries and writes on the archive's articles. Pure functions of a Dexie instance. */
import type { ActorArchiveInfo, ArticleSummary, ArchiveStats } from '../messaging/protocol';
import type { Analysis, Article, SavedArticle } from '../types';
import { mergeClaims, reindexClaims } from './claims';
import type { ArchiveDB, MetaRow } from './db';
import { articleDate, eventRow, FILL, searchWords, TOTALS } from './derived';
import { logTermChanges } from './terms';

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
  }
  return chars * 2 + 256;
}

/** Every table an article's writes touch, for transactions. */
export function articleTables(db: ArchiveDB) {
  return [db.articles, db.claims, db.events, db.search, db.termLog, db.statements, db.meta];
}

async function adjustTotals(db: ArchiveDB, articles: number, bytes: number): Promise<void> {
  if (articles === 0 && bytes === 0) return;
  // The totals exist from the database's creation (populate) or its upgrade to v3.
  const t = (await db.meta.get(TOTALS)) ?? { key: TOTALS, articles: 0, bytes: 0 };
  await db.meta.put({ ...t, key: TOTALS, articles: Math.max(0, (t.articles ?? 0) + articles), bytes: Math.max(0, (t.bytes ?? 0) + bytes) });
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

/**
 * Writes the index rows of a record that was just put: claims, statements, the event row, search
 * words and term counts (only the difference with what was indexed before), and the totals.
 * `previousBytes` is the size of the record it replaced (0 for a new one). Call inside a
 * transaction over `articleTables(db)`.
 */
export async function indexArticle(db: ArchiveDB, r: SavedArticle & { id: number }, previousBytes: number): Promise<void> {
  const ev = eventRow(r);
  const words = searchWords(r);
  const [old] = await Promise.all([
    db.search.get(r.id),
    reindexClaims(db, r),
    // Without a fingerprint (no analysis), the background computes one later.
    ev ? db.events.put(ev) : Promise.all([db.events.delete(r.id), db.meta.put({ key: FILL })]),
  ]);
  const before = new Set(old?.words ?? []);
  const now = new Set(words);
  await Promise.all([
    db.search.put({ id: r.id, words }),
    logTermChanges(
      db,
      words.filter((w) => !before.has(w)),
      [...before].filter((w) => !now.has(w)),
    ),
  ]);
  await adjustTotals(db, old ? 0 : 1, r.bytes - (old ? previousBytes : 0));
}

/** Removes every index row of an article. Call inside a transaction over `articleTables(db)`. */
async function unindexArticle(db: ArchiveDB, r: SavedArticle & { id: number }): Promise<void> {
  const [old] = await Promise.all([
    db.search.get(r.id),
    db.claims.where('articleId').equals(r.id).delete(),
    db.statements.where('articleId').equals(r.id).delete(),
    db.events.delete(r.id),
  ]);
  if (!old) return;
  await Promise.all([db.search.delete(r.id), logTermChanges(db, [], old.words)]);
  await adjustTotals(db, -1, -(r.bytes ?? 0));
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
  const record: SavedArticle = { ...base, bytes: recordBytes(base) };
  if (existing?.id !== undefined) record.id = existing.id;
  return record;
}

async function saveInTransaction(db: ArchiveDB, article: Article, analysis: Analysis | null, now: number): Promise<SavedArticle & { id: number }> {
  const existing = await db.articles.where('url').equals(article.url).first();
  const record = recordFor(article, analysis, existing, now);
  const id = (await db.articles.put(record)) as number;
  const saved = { ...record, id };
  await indexArticle(db, saved, existing?.bytes ?? 0);
  return saved;
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
  return db.transaction('rw', articleTables(db), async () => saveInTransaction(db, article, analysis, now));
}

/** Saves several articles in one transaction (bulk loading, imports): all or none. */
export async function saveMany(db: ArchiveDB, entries: readonly { article: Article; analysis: Analysis | null }[], now = Date.now()): Promise<number[]> {
  return db.transaction('rw', articleTables(db), async () => {
    const ids: number[] = [];
    for (const e of entries) ids.push((await saveInTransaction(db, e.article, e.analysis, now)).id);
    return ids;
  });
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
    for (const r of recs) await unindexArticle(db, r);
    await db.articles.bulkDelete(recs.map((r) => r.id));
    return recs;
  });
}

/** Puts back a record returned by `deleteArticle`. If the URL was saved again meanwhile, the newer one wins. */
export async function restoreArticle(db: ArchiveDB, record: SavedArticle): Promise<number> {
  return (await restoreArticles(db, [record]))[0]!;
}

/** Puts back records in one transaction; returns their ids (the newer record's id where the URL was saved again). */
export async function restoreArticles(db: ArchiveDB, records: readonly SavedArticle[]): Promise<number[]> {
  return db.transaction('rw', articleTables(db), async () => {
    const ids: number[] = [];
    for (const record of records) {
      const current = await db.articles.where('url').equals(record.url).first();
      if (current?.id !== undefined) {
        ids.push(current.id);
        continue;
      }
      const rec: SavedArticle = { ...record, tags: record.tags ?? [], date: record.date ?? articleDate(record) };
      const id = (await db.articles.put(rec)) as number;
      await indexArticle(db, { ...rec, id }, 0);
      ids.push(id);
    }
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
  const [rows, total] = await Promise.all([
    db.articles.orderBy('savedAt').reverse().offset(offset).limit(limit).toArray(),
    db.articles.count(),
  ]);
  return { items: rows.map(summarise), total };
}

export async function archiveStats(
  db: ArchiveDB,
  storage: Pick<StorageManager, 'estimate'> & Partial<Pick<StorageManager, 'persisted'>> | undefined,
): Promise<ArchiveStats> {
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

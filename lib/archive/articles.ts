/** Queries and writes on the archive's articles. Pure functions of a Dexie instance. */
import type { ActorArchiveInfo, ArticleSummary, ArchiveStats } from '../messaging/protocol';
import type { Analysis, Article, SavedArticle } from '../types';
import { mergeClaims, reindexClaims } from './claims';
import type { ArchiveDB } from './db';

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
  return chars * 2 + 256;
}

/**
 * Saves an article, or updates it when one with the same normalised URL is already there (the
 * reader's claim reviews carry over to the new analysis). One transaction over the article and its
 * claim index: either all of it is written or nothing is.
 */
export async function saveArticle(db: ArchiveDB, article: Article, analysis: Analysis | null, now = Date.now()): Promise<SavedArticle & { id: number }> {
  return db.transaction('rw', db.articles, db.claims, async () => {
    const existing = await db.articles.where('url').equals(article.url).first();
    const actors = analysis?.actors ?? existing?.actors ?? [];
    const claims = analysis?.claims ? mergeClaims(analysis.claims, existing?.claims) : (existing?.claims ?? []);
    const base: Omit<SavedArticle, 'bytes' | 'id'> = {
      ...article,
      savedAt: existing?.savedAt ?? now,
      updatedAt: now,
      actors,
      actorKeys: actors.map((a) => a.key),
      claims,
    };
    const record: SavedArticle = { ...base, bytes: recordBytes(base) };
    if (existing?.id !== undefined) record.id = existing.id;
    const id = (await db.articles.put(record)) as number;
    const saved = { ...record, id };
    await reindexClaims(db, saved);
    return saved;
  });
}

export async function findByUrl(db: ArchiveDB, url: string): Promise<SavedArticle | undefined> {
  return db.articles.where('url').equals(url).first();
}

/** Removes an article and returns it, so the caller can offer to undo. */
export async function deleteArticle(db: ArchiveDB, id: number): Promise<SavedArticle | null> {
  return db.transaction('rw', db.articles, db.claims, async () => {
    const rec = await db.articles.get(id);
    if (!rec) return null;
    await db.articles.delete(id);
    await db.claims.where('articleId').equals(id).delete();
    return rec;
  });
}

/** Puts back a record returned by `deleteArticle`. If the URL was saved again meanwhile, the newer one wins. */
export async function restoreArticle(db: ArchiveDB, record: SavedArticle): Promise<number> {
  return db.transaction('rw', db.articles, db.claims, async () => {
    const current = await db.articles.where('url').equals(record.url).first();
    if (current?.id !== undefined) return current.id;
    const id = (await db.articles.put(record)) as number;
    await reindexClaims(db, { ...record, id });
    return id;
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
  let bytes = 0;
  let articles = 0;
  await db.articles.each((r) => {
    articles++;
    bytes += r.bytes ?? 0;
  });
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

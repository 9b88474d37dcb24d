/**
 * What the archive derives from an article record for its indexes: the article's date, its search
 * words, the statements of named actors, the event row. Pure functions of the record, so every
 * index can be rebuilt from the articles alone (after an upgrade, an import, or a repair).
 */
import { claimStatus } from '../claim-status';
import { documentTerms } from '../events/fingerprint';
export { nameFromKey } from '../events/names';
import type { Claim, SavedArticle } from '../types';
import type { ClaimRow, EventRow, MemoryClaim, MemoryRow, StatementRow } from './rows';

/** The key of the running totals in the meta table. */
export const TOTALS = 'totals';

/** The key of the flag, in the meta table, saying that some records still lack a fingerprint. */
export const FILL = 'fill-fingerprints';

/** Statement text kept in the index (the whole claim stays in the article record). */
export const MAX_STATEMENT = 400;

/** The article's publication time (ms since 1970), or null when it gives none that can be read. */
function publishedAt(r: Pick<SavedArticle, 'published'>): number | null {
  const t = r.published ? Date.parse(r.published) : NaN;
  return Number.isFinite(t) ? t : null;
}

/** The article's date: published time when known and plausible, else when it was saved (ms since 1970). */
export function articleDate(r: Pick<SavedArticle, 'published' | 'savedAt'>): number {
  return publishedAt(r) ?? r.savedAt;
}

/**
 * The distinct terms of the title and text (the tokeniser of event matching: folded, light plural
 * stem, no stop words). They are both the search index and the archive's document frequencies.
 */
export function searchWords(r: Pick<SavedArticle, 'title' | 'paragraphs' | 'published'>): string[] {
  return documentTerms({ title: r.title, paragraphs: r.paragraphs, published: r.published });
}

/** Where a claim starts in the article, as one number that sorts claims in reading order. */
export const readingOrder = (c: Claim): number => (c.spans[0]?.paragraph ?? 0) * 1e7 + (c.spans[0]?.start ?? 0);

/** Quotes and reported statements attributed to a named actor of the article. */
export function statementRows(r: SavedArticle & { id: number }): StatementRow[] {
  const out: StatementRow[] = [];
  const date = r.date ?? articleDate(r);
  const undated = publishedAt(r) === null;
  for (const c of r.claims ?? []) {
    if (!c.speakerKey || !c.speaker || c.kind === 'factual') continue;
    if (c.review?.status === 'not-claim') continue;
    // A statement made by several speakers together is on each one's page.
    const keys = c.speakerKeys?.length ? [...new Set([c.speakerKey, ...c.speakerKeys])] : [c.speakerKey];
    for (const [i, speakerKey] of keys.entries())
      out.push({
        key: i ? `${r.id}:${c.id}:${i}` : `${r.id}:${c.id}`,
        articleId: r.id,
        claimId: c.id,
        speakerKey,
        speaker: c.speaker,
        date,
        text: c.text.length > MAX_STATEMENT ? c.text.slice(0, MAX_STATEMENT - 1) + '…' : c.text,
        kind: c.kind,
        status: c.review?.status ?? null,
        claimStatus: claimStatus(c),
        note: c.review?.note || null,
        article: { title: r.title, url: r.url, publisher: r.publisher },
        ...(undated ? { undated: true as const } : {}),
        order: readingOrder(c),
      });
  }
  return out;
}

const byKey = <T extends { key: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/**
 * Claim memory's row of one article (MemoryRow) from its statement and claim rows: each statement,
 * replaced by the claim row of the same claim when there is one (which carries the review and the
 * place), plus the other claim rows; a claim the reader marked as not a claim is left out. Null
 * when nothing is left. The rows may come in any order (an article's own, or read from the tables
 * by key): the claims come out as claim memory read them before this table, the statements in key
 * order, then the claims index's other rows in key order.
 */
export function memoryRow(said: readonly StatementRow[], rows: readonly ClaimRow[]): MemoryRow | null {
  const out = new Map<string, MemoryClaim>();
  let head: Pick<MemoryRow, 'id' | 'date' | 'article'> | null = null;
  for (const s of byKey(said)) {
    head ??= { id: s.articleId, date: s.date, article: s.article };
    // one entry a claim: a statement of several speakers has a row on each one's page
    const k = `${s.articleId}:${s.claimId}`;
    if (!out.has(k)) out.set(k, { claimId: s.claimId, text: s.text, speaker: s.speaker, status: s.status, review: null, order: s.order ?? 0 });
  }
  for (const r of byKey(rows)) {
    if (r.status === 'not-claim') {
      out.delete(r.key);
      continue;
    }
    const c = r.claim;
    head ??= { id: r.articleId, date: r.date, article: { title: r.article.title, url: r.article.url, publisher: r.article.publisher } };
    out.set(r.key, {
      claimId: r.claimId,
      text: c.text.length > MAX_STATEMENT ? `${c.text.slice(0, MAX_STATEMENT - 1)}…` : c.text,
      speaker: c.speaker,
      status: r.status,
      review: c.review ? { status: c.review.status, note: c.review.note, updatedAt: c.review.updatedAt } : null,
      order: readingOrder(c),
    });
  }
  if (!head || out.size === 0) return null;
  return { ...head, claims: [...out.values()] };
}

/** The event row of a record, or null when it has no fingerprint yet. */
export function eventRow(r: SavedArticle & { id: number }): EventRow | null {
  const fp = r.fingerprint;
  if (!fp) return null;
  return {
    id: r.id,
    day: fp.day,
    keys: fp.keys,
    fingerprint: fp,
    head: { title: r.title, url: r.url, publisher: r.publisher, published: r.published, savedAt: r.savedAt, date: r.date ?? articleDate(r) },
  };
}

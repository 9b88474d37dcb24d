/**
 * What the archive derives from an article record for its indexes: the article's date, its search
 * words, the statements of named actors, the event row. Pure functions of the record, so every
 * index can be rebuilt from the articles alone (after an upgrade, an import, or a repair).
 */
import { documentTerms } from '../events/fingerprint';
import type { SavedArticle } from '../types';
import type { EventRow, StatementRow } from './rows';

/** The key of the running totals in the meta table. */
export const TOTALS = 'totals';

/** The key of the flag, in the meta table, saying that some records still lack a fingerprint. */
export const FILL = 'fill-fingerprints';

/** Statement text kept in the index (the whole claim stays in the article record). */
export const MAX_STATEMENT = 400;

/** The article's date: published time when known and plausible, else when it was saved (ms since 1970). */
export function articleDate(r: Pick<SavedArticle, 'published' | 'savedAt'>): number {
  const t = r.published ? Date.parse(r.published) : NaN;
  return Number.isFinite(t) ? t : r.savedAt;
}

/**
 * The distinct terms of the title and text (the tokeniser of event matching: folded, light plural
 * stem, no stop words). They are both the search index and the archive's document frequencies.
 */
export function searchWords(r: Pick<SavedArticle, 'title' | 'paragraphs' | 'published'>): string[] {
  return documentTerms({ title: r.title, paragraphs: r.paragraphs, published: r.published });
}

/** Quotes and reported statements attributed to a named actor of the article. */
export function statementRows(r: SavedArticle & { id: number }): StatementRow[] {
  const out: StatementRow[] = [];
  const date = r.date ?? articleDate(r);
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
        article: { title: r.title, url: r.url, publisher: r.publisher },
      });
  }
  return out;
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

/**
 * The rows of the archive's tables (lib/archive/db.ts), the keys of its meta rows, and how the
 * term counts are cut into snapshot rows. Nothing here reads the database, so the modules that
 * derive or fold rows (derived.ts, terms.ts) and the migrations (migrations.ts) import them without
 * the database class, which itself needs the migrations.
 */
import type { ArticleFingerprint, Claim, ClaimKind, ClaimStatus } from '../types';

/** The key of the snapshot's row in the meta table: `{ key, seq }`, the last log row it folds in (lib/archive/terms.ts). */
export const TERM_SNAPSHOT = 'term-counts';

/** The key of the posting lists' row in the meta table: `{ key, seq, built }` (MetaRow). */
export const POSTINGS = 'postings';

/** Terms per snapshot row. */
export const CHUNK = 20_000;

/** The snapshot rows for `counts`, in term order (so the same counts always give the same rows). */
export function snapshotChunks(counts: ReadonlyMap<string, number>): TermChunk[] {
  return chunksOf(counts, [...counts.keys()].sort());
}

/** The snapshot rows for `counts`, given its terms in sorted order. */
export function chunksOf(counts: ReadonlyMap<string, number>, terms: readonly string[]): TermChunk[] {
  const chunks: TermChunk[] = [];
  for (let i = 0; i < terms.length; i += CHUNK) {
    const part = terms.slice(i, i + CHUNK);
    chunks.push({ id: chunks.length, terms: part, counts: part.map((t) => counts.get(t)!) });
  }
  return chunks;
}

/**
 * One row per claim worth finding again across articles: every claim the reader reviewed or
 * marked, and every claim with a signal that the text does not establish it. It is an index
 * derived from the article records (which hold the claims and reviews) and is rewritten with the
 * record in the same transaction, so it can always be rebuilt from the articles.
 */
export interface ClaimRow {
  /** `${articleId}:${claimId}` */
  key: string;
  articleId: number;
  claimId: string;
  /** The reader's status, or 'unverified' for a claim with signals that nobody reviewed yet. */
  status: ClaimStatus;
  reviewed: boolean;
  /** The speaker's name, '' when there is none (so it can be indexed and listed). */
  speaker: string;
  /** The article's date: published time when known, else when it was saved (ms since 1970). */
  date: number;
  claim: Claim;
  article: { title: string; url: string; publisher: string | null; published: string | null };
}

/**
 * An article's event fingerprint, for scoring candidates without reading the article's text; its
 * `keys` are indexed in `keyPostings` (lib/archive/postings.ts); `head` is what the "Earlier
 * coverage" list shows. Keyed by the article's id.
 */
export interface EventRow {
  id: number;
  day: number | null;
  keys: string[];
  fingerprint: ArticleFingerprint;
  head: { title: string; url: string; publisher: string | null; published: string | null; savedAt: number; date: number };
}

/**
 * The distinct search terms of an article's title and text (lib/events/terms.ts). Not indexed:
 * the posting lists (`postings`) are the index; these rows are what they are built from, and what
 * a search checks its last few candidates against.
 */
export interface SearchRow {
  id: number;
  words: string[];
}

/** A posting list (lib/archive/postings.ts): the ids of the articles whose search words (or event keys) hold `term`, ascending. */
export interface PostingRow {
  term: string;
  ids: Uint32Array;
}

/** Part of the snapshot of the archive's term counts (lib/archive/terms.ts): `counts[i]` articles contain `terms[i]`. */
export interface TermChunk {
  id: number;
  terms: string[];
  counts: number[];
}

/**
 * One write's changes to the archive's search words and event keys (lib/archive/terms.ts):
 * `terms[i]` occurs in `deltas[i]` more articles (0 when one article gained it and another lost
 * it); `keys` are the event keys some article gained or lost; `ids` are the articles whose words or
 * keys changed. Rows written before schema version 5 have neither `ids` nor `keys`.
 */
export interface TermLogRow {
  seq?: number;
  terms: string[];
  deltas: number[];
  ids?: number[];
  keys?: string[];
}

/** A statement attributed to a named actor, for "earlier statements by the people in this article". */
export interface StatementRow {
  /** `${articleId}:${claimId}` */
  key: string;
  articleId: number;
  claimId: string;
  speakerKey: string;
  speaker: string;
  date: number;
  text: string;
  kind: ClaimKind;
  /** The reader's review's status, or null (earlier statements show only what the reader decided). */
  status: ClaimStatus | null;
  /**
   * The claim's status as the claims index lists it (`claimStatus`: the review, else "unverified"
   * for a claim the text flags or the reader marked), and the review's note (null when none), so
   * that an actor page need not read the claims index for them (schema version 7).
   */
  claimStatus: ClaimStatus | null;
  note: string | null;
  article: { title: string; url: string; publisher: string | null };
  /**
   * True when the article gives no publication date: `date` is then when it was saved, not when
   * the statement was reported. Absent in rows written before it was kept (read as dated).
   */
  undated?: true;
  /**
   * Where the claim stands in its article (paragraph × 10,000,000 + offset, as `MemoryClaim.order`),
   * so that an article's statements are listed as they were written. Absent in rows written before it was kept.
   */
  order?: number;
}

/** One claim of an article that claim memory can match (a `MemoryRow`'s): what it shows and matches of it. */
export interface MemoryClaim {
  claimId: string;
  /** The claim's text, cut at MAX_STATEMENT characters as in the statements index. */
  text: string;
  speaker: string | null;
  status: ClaimStatus | null;
  review: { status: ClaimStatus; note: string; updatedAt: number } | null;
  /** Where it stands in its article (paragraph, then offset); 0 for a statement the claims index does not hold. */
  order: number;
}

/**
 * Claim memory's row of one article (schema version 7), keyed by the article's id: its claims that
 * can be matched, that is its statements by named actors and its rows in the claims index, less
 * those the reader marked as not a claim, so that claim memory reads one row per candidate article
 * instead of two ranges of two tables. Derived from those rows (`memoryRow`), rewritten with them.
 * An article with none has no row.
 */
export interface MemoryRow {
  id: number;
  date: number;
  article: { title: string; url: string; publisher: string | null };
  claims: MemoryClaim[];
}

/** Running totals (key "totals"), so that statistics and the IDF need no scan of the archive. */
export interface MetaRow {
  key: string;
  articles?: number;
  bytes?: number;
  /** For the term-count snapshot (`TERM_SNAPSHOT`) and the posting lists (`POSTINGS`): the last log row they fold in. */
  seq?: number;
  /**
   * For the posting lists (`POSTINGS`): null when they hold every article; else they are being
   * built, and hold the articles up to this id only.
   */
  built?: number | null;
}

/**
 * An article record that changed since sync last took it (lib/sync/): written by hooks on the
 * articles table in the same transaction as the change, so no change can be missed, even when the
 * worker stops right after. Keyed by the article's URL, which is the same on every device (ids are
 * not); the row stays after a delete, which is how deletions reach the other devices. `at` tells a
 * row noted again meanwhile from the one sync read. Recorded whether sync is on or not, so
 * deletions made while it was off still travel when it is turned on; there is at most one row per
 * URL the archive ever held.
 */
export interface OutboxRow {
  url: string;
  at: number;
}

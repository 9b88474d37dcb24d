/**
 * The archive: one Dexie database in the extension's own origin, owned by the background.
 *
 * Only what is queried is indexed (ids, URLs, dates, actor keys, claim status); body text is
 * stored unindexed. Every schema version stays declared here, oldest first, each with its upgrade,
 * because a reader's archive must survive every update of the extension; test/unit/migrations
 * opens a database filled at each earlier version with the current code.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Claim, ClaimStatus, SavedArticle } from '../types';

export const DB_NAME = 'backstory';

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

export class ArchiveDB extends Dexie {
  articles!: EntityTable<SavedArticle, 'id'>;
  claims!: EntityTable<ClaimRow, 'key'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Version 1: articles keyed by auto-increment id; the normalised URL is unique.
    this.version(1).stores({
      articles: '++id, &url, savedAt, published, publisher, *actorKeys',
    });
    // Version 2: claims. Articles gain an optional `claims` array (no index change); the claims
    // table indexes reviewed and unverified claims across articles. Version 1 records have no
    // claims, so there is nothing to copy: the table starts empty.
    this.version(2).stores({
      claims: '&key, articleId, [status+date], speaker, date',
    });
  }
}

/**
 * The archive: one Dexie database in the extension's own origin, owned by the background.
 *
 * Only what is queried is indexed (ids, URLs, dates, actor keys, claim status); body text is
 * stored unindexed. Every schema version stays declared here, oldest first, each with its upgrade,
 * because a reader's archive must survive every update of the extension; test/unit/migrations
 * opens a database filled at each earlier version with the current code.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ArticleFingerprint, Claim, ClaimKind, ClaimStatus, SavedArticle } from '../types';
import { articleDate, FILL, searchWords, statementRows, TOTALS } from './derived';
import { POSTINGS, snapshotChunks, TERM_SNAPSHOT } from './terms';

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
  status: ClaimStatus | null;
  article: { title: string; url: string; publisher: string | null };
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

export class ArchiveDB extends Dexie {
  articles!: EntityTable<SavedArticle, 'id'>;
  claims!: EntityTable<ClaimRow, 'key'>;
  events!: EntityTable<EventRow, 'id'>;
  search!: EntityTable<SearchRow, 'id'>;
  termCounts!: EntityTable<TermChunk, 'id'>;
  termLog!: EntityTable<TermLogRow, 'seq'>;
  postings!: EntityTable<PostingRow, 'term'>;
  keyPostings!: EntityTable<PostingRow, 'term'>;
  statements!: EntityTable<StatementRow, 'key'>;
  meta!: EntityTable<MetaRow, 'key'>;
  outbox!: EntityTable<OutboxRow, 'url'>;

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
    // Version 3: earlier coverage and search. Articles gain tags, a numeric date and their event
    // fingerprint; new tables hold the fingerprints' index keys (events), the search words, the
    // archive's term counts (the IDF layer), statements by named actors, and running totals. The
    // upgrade fills every table but events from the records; fingerprints need the IDF table,
    // which only the background has, so it computes them after opening (`fillFingerprints`).
    this.version(3)
      .stores({
        articles: '++id, &url, savedAt, published, publisher, *actorKeys, *tags, date',
        events: 'id, day, *keys',
        search: 'id, *words',
        // The archive's term counts, one row per term: replaced in version 4.
        terms: 'term',
        statements: '&key, articleId, [speakerKey+date]',
        meta: 'key',
      })
      .upgrade((tx) => upgradeTo3(tx));
    // Version 4: the term counts become a snapshot in large rows plus a log of changes
    // (lib/archive/terms.ts), so that a save writes one row for them instead of ~300. The upgrade
    // builds the snapshot from the search words, which hold the same counts.
    this.version(4)
      .stores({ terms: null, termCounts: 'id', termLog: '++seq' })
      .upgrade((tx) => upgradeTo4(tx));
    // Version 5: the search words and the event keys lose their multi-entry indexes, which cost a
    // save ~420 index entries (30 of its 55 ms at 100,000 articles), a search ~10 µs per article
    // read from a word's list and a coverage lookup 70 ms; posting lists of our own replace them
    // (lib/archive/postings.ts). The unused `day` index goes too. The upgrade leaves the lists to
    // be built by the background (`built: 0`); searches and lookups read the rows meanwhile.
    this.version(5)
      .stores({ search: 'id', events: 'id', postings: 'term', keyPostings: 'term' })
      .upgrade((tx) => upgradeTo5(tx));
    // Version 6: the outbox of changed articles, for sync (lib/sync/). Nothing to copy: the first
    // sync of an archive sends every article anyway.
    this.version(6).stores({ outbox: 'url' });
    noteArticleChanges(this);
    this.on('populate', (tx) => {
      void tx.table('meta').bulkAdd([
        { key: TOTALS, articles: 0, bytes: 0 },
        { key: TERM_SNAPSHOT, seq: 0 },
        { key: POSTINGS, seq: 0, built: null },
      ]);
    });
  }
}

let lastStamp = 0;
/** A time that only grows within this worker, so two notes of one URL in the same millisecond differ. */
function stamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

/**
 * Hooks that put a row in the outbox for every article created, changed or deleted, inside the
 * transaction that does it. A transaction that writes articles must therefore include the outbox
 * (`articleTables(db)` does); one that does not fails with a sentence saying so, instead of a
 * change that sync would never hear of.
 */
function noteArticleChanges(db: ArchiveDB): void {
  const note = (tx: Transaction, url: unknown) => {
    // An upgrade rewrites records without changing them; the first sync sends every article anyway.
    if (typeof url !== 'string' || tx.idbtrans?.mode === 'versionchange') return;
    if (!tx.storeNames.includes('outbox')) throw new Error('Articles were written in a transaction without the sync outbox (db.outbox): include it, as articleTables(db) does.');
    // A note that cannot be written (a full disk) must fail the change with it, not let it commit
    // unnoted. The write then fails with an AbortError, not the quota error itself.
    tx.table('outbox')
      .put({ url, at: stamp() })
      .catch(() => tx.abort());
  };
  const articles = db.table('articles');
  articles.hook('creating', (_key, obj: SavedArticle, tx) => note(tx, obj.url));
  articles.hook('updating', (mods: Partial<SavedArticle>, _key, obj: SavedArticle, tx) => {
    note(tx, obj.url);
    if (typeof mods.url === 'string' && mods.url !== obj.url) note(tx, mods.url);
  });
  articles.hook('deleting', (_key, obj: SavedArticle, tx) => note(tx, obj?.url));
}

async function upgradeTo3(tx: Transaction): Promise<void> {
  const df = new Map<string, number>();
  let articles = 0;
  let bytes = 0;
  const search: SearchRow[] = [];
  const statements: StatementRow[] = [];
  await tx
    .table('articles')
    .toCollection()
    .modify((r: SavedArticle) => {
      r.tags ??= [];
      r.date = articleDate(r);
      articles++;
      bytes += r.bytes ?? 0;
      const words = searchWords(r);
      for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
      search.push({ id: r.id!, words });
      statements.push(...statementRows(r as SavedArticle & { id: number }));
    });
  await tx.table('search').bulkPut(search);
  await tx.table('statements').bulkPut(statements);
  await tx.table('terms').bulkPut([...df].map(([term, n]) => ({ term, n })));
  await tx.table('meta').put({ key: TOTALS, articles, bytes });
  if (articles > 0) await tx.table('meta').put({ key: FILL });
}

async function upgradeTo4(tx: Transaction): Promise<void> {
  const df = new Map<string, number>();
  await tx
    .table('search')
    .toCollection()
    .each((r: SearchRow) => {
      for (const w of r.words) df.set(w, (df.get(w) ?? 0) + 1);
    });
  await tx.table('termCounts').bulkPut(snapshotChunks(df));
  await tx.table('meta').put({ key: TERM_SNAPSHOT, seq: 0 });
}

async function upgradeTo5(tx: Transaction): Promise<void> {
  const [articles, last] = await Promise.all([tx.table('search').count(), tx.table('termLog').orderBy(':id').last() as Promise<TermLogRow | undefined>]);
  // Log rows up to here name no articles; the posting lists are built from the search rows instead.
  await tx.table('meta').put({ key: POSTINGS, seq: last?.seq ?? 0, built: articles > 0 ? 0 : null });
}

/**
 * The archive: one Dexie database in the extension's own origin, owned by the background.
 *
 * Only what is queried is indexed (ids, URLs, dates, actor keys, claim status); body text is
 * stored unindexed. Every schema version stays declared here, oldest first, each with its upgrade,
 * because a reader's archive must survive every update of the extension; test/unit/migrations
 * opens a database filled at each earlier version with the current code.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { SavedArticle } from '../types';
import { initialMeta, upgradeTo3, upgradeTo4, upgradeTo5, upgradeTo7 } from './migrations';
import type { ClaimRow, EventRow, MemoryRow, MetaRow, OutboxRow, PostingRow, SearchRow, StatementRow, TermChunk, TermLogRow } from './rows';

export type { ClaimRow, EventRow, MemoryClaim, MemoryRow, MetaRow, OutboxRow, PostingRow, SearchRow, StatementRow, TermChunk, TermLogRow } from './rows';

export const DB_NAME = 'backstory';

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
  memory!: EntityTable<MemoryRow, 'id'>;

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
    // Version 7: claim memory's table, one row per article holding its claims that can be matched
    // (lib/archive/rows.ts, MemoryRow), so that claim memory reads one row per candidate article
    // instead of two key ranges of `statements` and `claims` (52 of its 91 ms at 50,000 articles);
    // and statements carry their claim's status and note, so that an actor page does not look up
    // each one in `claims`. The upgrade derives both from the statement and claim rows.
    this.version(7)
      .stores({ memory: 'id' })
      .upgrade((tx) => upgradeTo7(tx));
    noteArticleChanges(this);
    this.on('populate', (tx) => {
      void tx.table('meta').bulkAdd(initialMeta());
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

/**
 * The archive: one Dexie database in the extension's own origin, owned by the background.
 *
 * Only what is queried is indexed (ids, URLs, dates, actor keys); body text is stored unindexed.
 * Every schema version stays declared here, newest last, each with its upgrade (see migrations in
 * the test suite), because a reader's archive must survive every update of the extension.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { SavedArticle } from '../types';

export const DB_NAME = 'backstory';

export class ArchiveDB extends Dexie {
  articles!: EntityTable<SavedArticle, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Version 1: articles keyed by auto-increment id; the normalised URL is unique.
    this.version(1).stores({
      articles: '++id, &url, savedAt, published, publisher, *actorKeys',
    });
  }
}

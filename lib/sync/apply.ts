/**
 * What arrives from the other devices, written into the archive through the archive's own paths:
 * records are put and indexed by `indexArticles`, deletions go through `deleteArticles`, so every
 * derived table is rebuilt on arrival exactly as a local save or delete would rebuild it.
 *
 * The rule per article (docs/sync.md):
 * - Nothing changed here since sync last took this article (no outbox row): the incoming version
 *   replaces ours (it descends from it: CouchDB resolved any concurrency before), a deletion
 *   deletes it.
 * - It changed here meanwhile (an outbox row, not yet sent): the two are merged by the import rules
 *   (`mergeRecord`: the newer review wins, tags are united, nothing reviewed here is dropped) and
 *   the row stays, so the merge is sent next. An incoming deletion does not delete a record
 *   changed here: the change is sent and brings the article back on the other devices.
 * - An incoming record for an article deleted here and not yet sent brings it back (an edit wins
 *   over a delete, as in CouchDB, where a live revision wins over a deleted one).
 */
import { articleTables, deleteArticles, indexArticles, type PutRecord } from '../archive/articles';
import { mergeRecord, type ReviewConflict } from '../archive/backup-merge';
import type { ArchiveDB } from '../archive/db';
import type { SavedArticle } from '../types';
import { type Incoming, sameContent } from './records';

export interface ApplyReport {
  added: number;
  updated: number;
  merged: number;
  deleted: number;
  /** Incoming deletions not applied because the article changed here meanwhile. */
  keptChanged: number;
  conflicts: ReviewConflict[];
}

export const emptyReport = (): ApplyReport => ({ added: 0, updated: 0, merged: 0, deleted: 0, keptChanged: 0, conflicts: [] });

/** Writes incoming articles and deletions in one transaction (all or nothing). One entry per URL: the last wins. */
export async function applyIncoming(db: ArchiveDB, given: readonly Incoming[]): Promise<ApplyReport> {
  const report = emptyReport();
  const byUrl = new Map<string, Incoming>();
  for (const x of given) byUrl.set(x.url, x);
  const items = [...byUrl.values()];
  if (!items.length) return report;
  await db.transaction('rw', articleTables(db), async () => {
    const urls = items.map((x) => x.url);
    const [rows, pendingRows] = await Promise.all([db.articles.where('url').anyOf(urls).toArray(), db.outbox.bulkGet(urls)]);
    const here = new Map(rows.map((r) => [r.url, r as SavedArticle & { id: number }]));
    const pending = new Set(pendingRows.filter((r) => !!r).map((r) => r!.url));
    const deletes: number[] = [];
    const replace: { record: SavedArticle; previousBytes: number }[] = [];
    const fresh: SavedArticle[] = [];
    /** URLs whose outbox row goes: what the archive holds for them now is what the server has. */
    const settled: string[] = [];
    for (const item of items) {
      const mine = here.get(item.url);
      const changedHere = pending.has(item.url);
      if (item.record === null) {
        if (!mine) {
          if (!changedHere) settled.push(item.url);
          continue;
        }
        if (changedHere) {
          report.keptChanged++;
          continue;
        }
        deletes.push(mine.id);
        settled.push(item.url);
        report.deleted++;
        continue;
      }
      if (!mine) {
        fresh.push({ ...item.record });
        settled.push(item.url);
        report.added++;
        continue;
      }
      if (!changedHere) {
        settled.push(item.url);
        if (sameContent(mine, item.record)) continue;
        replace.push({ record: { ...item.record, id: mine.id }, previousBytes: mine.bytes ?? 0 });
        report.updated++;
        continue;
      }
      const m = mergeRecord(mine, item.record);
      report.conflicts.push(...m.conflicts);
      if (!m.changed) continue;
      replace.push({ record: { ...m.record, id: mine.id }, previousBytes: mine.bytes ?? 0 });
      report.merged++;
    }
    if (deletes.length) await deleteArticles(db, deletes);
    const toIndex: PutRecord[] = [];
    if (replace.length) {
      await db.articles.bulkPut(replace.map((x) => x.record));
      toIndex.push(...replace.map((x) => ({ record: x.record as SavedArticle & { id: number }, previousBytes: x.previousBytes })));
    }
    if (fresh.length) {
      const ids = (await db.articles.bulkAdd(fresh, { allKeys: true })) as number[];
      toIndex.push(...fresh.map((r, i) => ({ record: { ...r, id: ids[i]! }, previousBytes: 0 })));
    }
    await indexArticles(db, toIndex);
    // After the writes, whose hooks noted them in the outbox: what came from the server need not go back.
    if (settled.length) await db.outbox.bulkDelete(settled);
  });
  return report;
}

/**
 * The versions of one article that CouchDB holds as a conflict (edited on two devices between
 * syncs), folded into one by the import rules, starting from the winner CouchDB chose (the same on
 * every replica, so every device that resolves the conflict gets the same record).
 */
export function mergeVersions(winner: SavedArticle, others: readonly SavedArticle[]): { record: SavedArticle; conflicts: ReviewConflict[]; changed: boolean } {
  let record = winner;
  let changed = false;
  const conflicts: ReviewConflict[] = [];
  for (const o of others) {
    const m = mergeRecord(record, o);
    conflicts.push(...m.conflicts);
    if (m.changed) {
      record = m.record;
      changed = true;
    }
  }
  return { record, conflicts, changed };
}

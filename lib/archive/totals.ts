/**
 * The archive's running totals (articles and bytes, the meta row TOTALS), which statistics and the
 * quota read instead of scanning. Every write that adds, removes or resizes records adjusts them in
 * its own transaction.
 */
import type { SavedArticle } from '../types';
import type { ArchiveDB } from './db';
import { TOTALS } from './derived';
import { recordBytes } from './schema';

/**
 * Records rewritten in place (a review, tags, a fingerprint filled in) with their size computed
 * again; returns how much the total changes, for `adjustTotals` once they are put.
 */
export function resize(before: readonly SavedArticle[], after: readonly SavedArticle[]): number {
  let delta = 0;
  after.forEach((r, i) => {
    r.bytes = recordBytes(r);
    delta += r.bytes - (before[i]?.bytes ?? 0);
  });
  return delta;
}

/** Adds to the running totals. Call inside a transaction that includes `db.meta`. */
export async function adjustTotals(db: ArchiveDB, articles: number, bytes: number): Promise<void> {
  if (articles === 0 && bytes === 0) return;
  // The totals exist from the database's creation (populate) or its upgrade to v3.
  const t = (await db.meta.get(TOTALS)) ?? { key: TOTALS, articles: 0, bytes: 0 };
  await db.meta.put({ ...t, key: TOTALS, articles: Math.max(0, (t.articles ?? 0) + articles), bytes: Math.max(0, (t.bytes ?? 0) + bytes) });
}

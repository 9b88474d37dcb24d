/**
 * The archive's term counts: in how many saved articles each search term occurs, the archive's
 * layer of the IDF table (lib/events/idf.ts).
 *
 * Stored as a snapshot plus a log, so that a save writes one small row instead of one row per
 * word. Version 3 kept one row per term, and a save read and wrote ~300 of them (one IndexedDB
 * request each): saving took 117 ms at 10,000 articles, and a lookup read ~2,000 of them.
 *
 * - `termLog`: one row per write (a save, a delete, an import): the terms whose count changed and
 *   by how much. Written in the same transaction as the article, so the counts never disagree with
 *   the `search` table they are derived from.
 * - `termCounts`: a snapshot of every count, in chunks of CHUNK terms, which folds in the log up to
 *   `meta[TERM_SNAPSHOT].seq`. Rewritten now and then from memory (`compactTermCounts`), when the log
 *   has grown, and the log rows it folded in are then deleted.
 *
 * The counts are snapshot + log; the background keeps them in memory (ArchiveIdf in coverage.ts),
 * reads them whole once and then only the log rows added since.
 */
import type { ArchiveDB, MetaRow, TermChunk, TermLogRow } from './db';

/** The key of the snapshot's row in the meta table: `{ key, seq }`, the last log row it folds in. */
export const TERM_SNAPSHOT = 'term-counts';

/** Terms per snapshot row. */
export const CHUNK = 20_000;

export interface TermCounts {
  counts: Map<string, number>;
  /** The last log row folded into `counts` (0: none). */
  seq: number;
  /** The snapshot's `seq` when these counts were read. */
  snapshotSeq: number;
  /** Log rows after the snapshot, folded in. */
  logRows: number;
}

/**
 * Records that each term occurs in `deltas.get(term)` more articles (fewer when negative); zeros are
 * left out. Call inside a transaction covering `db.termLog`.
 */
export async function logTermDeltas(db: ArchiveDB, deltas: ReadonlyMap<string, number>): Promise<void> {
  const terms: string[] = [];
  const ds: number[] = [];
  for (const [t, d] of deltas) {
    if (d === 0) continue;
    terms.push(t);
    ds.push(d);
  }
  if (terms.length) await db.termLog.add({ terms, deltas: ds });
}

/** Adds a log row's changes to `counts`; counts that reach 0 are removed. */
export function applyLogRow(counts: Map<string, number>, row: Pick<TermLogRow, 'terms' | 'deltas'>): void {
  const { terms, deltas } = row;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const n = (counts.get(t) ?? 0) + deltas[i]!;
    if (n > 0) counts.set(t, n);
    else counts.delete(t);
  }
}

/** The counts a snapshot and the log rows after it give. */
export function foldTermCounts(chunks: readonly TermChunk[], log: readonly TermLogRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of chunks) for (let i = 0; i < c.terms.length; i++) counts.set(c.terms[i]!, c.counts[i]!);
  for (const row of log) applyLogRow(counts, row);
  return counts;
}

/** Every count, read in one transaction. */
export async function readTermCounts(db: ArchiveDB): Promise<TermCounts> {
  return db.transaction('r', db.termCounts, db.termLog, db.meta, async () => {
    const [chunks, log, snap] = await Promise.all([db.termCounts.toArray(), db.termLog.toArray(), db.meta.get(TERM_SNAPSHOT)]);
    const snapshotSeq = snap?.seq ?? 0;
    const later = log.filter((r) => r.seq! > snapshotSeq);
    const seq = later.reduce((m, r) => Math.max(m, r.seq!), snapshotSeq);
    return { counts: foldTermCounts(chunks, later), seq, snapshotSeq, logRows: later.length };
  });
}

/**
 * Brings `state` up to date with the log: the rows added since `state.seq`, or everything again
 * when a compaction has folded rows it has not seen. One read transaction of a few requests.
 */
export async function refreshTermCounts(db: ArchiveDB, state: TermCounts): Promise<TermCounts> {
  const fresh = await db.transaction('r', db.termLog, db.meta, async () => {
    const [snap, rows] = await Promise.all([db.meta.get(TERM_SNAPSHOT), db.termLog.where(':id').above(state.seq).toArray()]);
    return { snapshotSeq: snap?.seq ?? 0, rows };
  });
  if (fresh.snapshotSeq > state.seq) return readTermCounts(db);
  for (const row of fresh.rows) applyLogRow(state.counts, row);
  if (fresh.rows.length) state.seq = fresh.rows[fresh.rows.length - 1]!.seq!;
  state.logRows += fresh.rows.length;
  return state;
}

/** The snapshot rows for `counts`, in term order (so the same counts always give the same rows). */
export function snapshotChunks(counts: ReadonlyMap<string, number>): TermChunk[] {
  const terms = [...counts.keys()].sort();
  const chunks: TermChunk[] = [];
  for (let i = 0; i < terms.length; i += CHUNK) {
    const part = terms.slice(i, i + CHUNK);
    chunks.push({ id: chunks.length, terms: part, counts: part.map((t) => counts.get(t)!) });
  }
  return chunks;
}

/**
 * Writes the snapshot anew from `state` (first catching up with the log, inside the transaction)
 * and deletes the log rows it now holds. Returns the state, up to date.
 */
export async function compactTermCounts(db: ArchiveDB, state: TermCounts): Promise<TermCounts> {
  return db.transaction('rw', db.termCounts, db.termLog, db.meta, async () => {
    const current = await refreshTermCounts(db, state);
    await Promise.all([db.termCounts.clear(), db.termLog.clear()]);
    const snap: MetaRow = { key: TERM_SNAPSHOT, seq: current.seq };
    await Promise.all([db.termCounts.bulkPut(snapshotChunks(current.counts)), db.meta.put(snap)]);
    current.snapshotSeq = current.seq;
    current.logRows = 0;
    return current;
  });
}

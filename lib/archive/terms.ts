/**
 * The log of changes to the archive's search words, and the term counts kept from it: in how many
 * saved articles each search term occurs, the archive's layer of the IDF table (lib/events/idf.ts).
 *
 * Stored as a snapshot plus a log, so that a save writes one small row instead of one row per
 * word. Version 3 kept one row per term, and a save read and wrote ~300 of them (one IndexedDB
 * request each): saving took 117 ms at 10,000 articles, and a lookup read ~2,000 of them.
 *
 * - `termLog`: one row per write (a save, a delete, an import): the terms whose count changed and
 *   by how much, and the articles whose words changed. Written in the same transaction as the
 *   article, so nothing derived from it can disagree with the `search` rows.
 * - `termCounts`: a snapshot of every count, in chunks of CHUNK terms, which folds in the log up to
 *   `meta[TERM_SNAPSHOT].seq`.
 * - The posting lists (lib/archive/postings.ts) fold in the log up to `meta[POSTINGS].seq`; the
 *   articles named by later rows are "pending", and are looked up in their search rows instead.
 *
 * Both are rewritten now and then by the background (`compactTermLog`, after the posting lists are
 * brought up to date), and the log rows both have folded in are then deleted. The background keeps
 * the counts and the pending articles in memory (ArchiveIdf in coverage.ts): it reads them whole
 * once, then only the log rows added since.
 */
import type { ArchiveDB } from './db';
import { chunksOf, POSTINGS, TERM_SNAPSHOT, type MetaRow, type TermChunk, type TermLogRow } from './rows';

export interface TermCounts {
  counts: Map<string, number>;
  /**
   * The snapshot's terms in sorted order (as stored), for prefix search by bisection; terms the
   * log brought in since are in `added`. Either may hold terms whose count has fallen to 0.
   */
  sorted: string[];
  added: Set<string>;
  /** The last log row read (0: none). */
  seq: number;
  /** The snapshot's `seq` when these counts were read. */
  snapshotSeq: number;
  /** Log rows after the snapshot, and the terms they hold in all. */
  logRows: number;
  logTerms: number;
  /** The posting lists' `seq` and `built` (MetaRow) as last read. */
  postingsSeq: number;
  built: number | null;
  /** Articles named by log rows after `postingsSeq`, with the last such row. */
  pending: Map<number, number>;
}

/** What a read of the log changed: the articles newly pending, or `reset` when every pending article must be read again. */
export interface LogChanges {
  ids: number[];
  reset: boolean;
}

/** One write's changes (TermLogRow). */
export interface LogEntry {
  /** Term → change in the number of articles holding it (0 for a term one article gained and another lost, which the posting lists must still hear of). */
  deltas: ReadonlyMap<string, number>;
  /** Event keys some article gained or lost. */
  keys: Iterable<string>;
  /** Articles whose words or keys changed. */
  ids: readonly number[];
}

/** Records one write (nothing when nothing changed). Call inside a transaction covering `db.termLog`. */
export async function logChanges(db: ArchiveDB, e: LogEntry): Promise<void> {
  if (e.ids.length === 0) return;
  await db.termLog.add({ terms: [...e.deltas.keys()], deltas: [...e.deltas.values()], ids: [...e.ids], keys: [...e.keys] });
}

/** Adds a log row's changes to `counts`; counts that reach 0 are removed. Calls `created` for each term that was not counted. */
export function applyLogRow(counts: Map<string, number>, row: Pick<TermLogRow, 'terms' | 'deltas'>, created?: (term: string) => void): void {
  const { terms, deltas } = row;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const was = counts.get(t);
    const n = (was ?? 0) + deltas[i]!;
    if (n > 0) {
      counts.set(t, n);
      if (was === undefined) created?.(t);
    } else counts.delete(t);
  }
}

/** The first index of `sorted` whose term is not below `term`. */
function lowerBound(sorted: readonly string[], term: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The counted terms that start with `prefix`, in no particular order. */
export function termsWithPrefix(state: Pick<TermCounts, 'counts' | 'sorted' | 'added'>, prefix: string): string[] {
  const out: string[] = [];
  const { sorted, counts } = state;
  for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) if (counts.has(sorted[i]!)) out.push(sorted[i]!);
  for (const t of state.added) if (t.startsWith(prefix) && counts.has(t)) out.push(t);
  return out;
}

/** The counts a snapshot and the log rows after it give. */
export function foldTermCounts(chunks: readonly TermChunk[], log: readonly TermLogRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of chunks) for (let i = 0; i < c.terms.length; i++) counts.set(c.terms[i]!, c.counts[i]!);
  for (const row of log) applyLogRow(counts, row);
  return counts;
}

/** Folds log rows into the counts (those after the snapshot) and the pending articles (those after the posting lists). */
function applyLog(state: TermCounts, rows: readonly TermLogRow[], changes: LogChanges): void {
  const created = (t: string) => {
    const i = lowerBound(state.sorted, t);
    if (state.sorted[i] !== t) state.added.add(t);
  };
  for (const row of rows) {
    const seq = row.seq!;
    if (seq > state.snapshotSeq) {
      applyLogRow(state.counts, row, created);
      state.logRows++;
      state.logTerms += row.terms.length + (row.keys?.length ?? 0);
    }
    if (seq > state.postingsSeq) {
      for (const id of row.ids ?? []) {
        // An article already pending changed again: its earlier words are no longer known here.
        if (state.pending.has(id)) changes.reset = true;
        else changes.ids.push(id);
        state.pending.set(id, seq);
      }
    }
    if (seq > state.seq) state.seq = seq;
  }
}

/** Takes the posting lists' new position: articles they now hold are no longer pending. */
function applyPostingsMeta(state: TermCounts, meta: MetaRow | undefined, changes: LogChanges): void {
  const seq = meta?.seq ?? 0;
  // A missing row (which a populated or upgraded database never lacks) means: build them.
  state.built = meta ? (meta.built ?? null) : 0;
  if (seq <= state.postingsSeq) return;
  state.postingsSeq = seq;
  for (const [id, last] of state.pending) if (last <= seq) state.pending.delete(id);
  changes.reset = true;
}

/** Everything, read in one transaction. */
export async function readTermCounts(db: ArchiveDB): Promise<TermCounts & { changes: LogChanges }> {
  return db.transaction('r', db.termCounts, db.termLog, db.meta, async () => {
    const [chunks, log, snap, post] = await Promise.all([db.termCounts.toArray(), db.termLog.toArray(), db.meta.get(TERM_SNAPSHOT), db.meta.get(POSTINGS)]);
    const snapshotSeq = snap?.seq ?? 0;
    const changes: LogChanges = { ids: [], reset: true };
    // Chunks come in id order, each sorted, and every term of one chunk sorts before the next's.
    const state: TermCounts = {
      counts: foldTermCounts(chunks, []),
      sorted: chunks.flatMap((c) => c.terms),
      added: new Set(),
      seq: snapshotSeq,
      snapshotSeq,
      logRows: 0,
      logTerms: 0,
      postingsSeq: post?.seq ?? 0,
      built: post ? (post.built ?? null) : 0,
      pending: new Map(),
    };
    applyLog(state, log, changes);
    return { ...state, changes };
  });
}

/**
 * Brings `state` up to date with the log: the rows added since `state.seq`, or everything again
 * when a compaction has folded rows it has not seen. One read transaction of a few requests.
 * Returns what changed for the pending articles.
 */
export async function refreshTermCounts(db: ArchiveDB, state: TermCounts): Promise<{ state: TermCounts; changes: LogChanges }> {
  const fresh = await db.transaction('r', db.termLog, db.meta, async () => {
    const [snap, post, rows] = await Promise.all([db.meta.get(TERM_SNAPSHOT), db.meta.get(POSTINGS), db.termLog.where(':id').above(state.seq).toArray()]);
    return { snapshotSeq: snap?.seq ?? 0, post, rows };
  });
  if (fresh.snapshotSeq > state.seq) {
    const { changes, ...whole } = await readTermCounts(db);
    return { state: whole, changes };
  }
  const changes: LogChanges = { ids: [], reset: false };
  applyPostingsMeta(state, fresh.post, changes);
  applyLog(state, fresh.rows, changes);
  return { state, changes };
}

/**
 * Writes the snapshot of the counts anew from `state` (first catching up with the log, inside the
 * transaction), records that the posting lists now fold in the log up to `postings.seq` (with
 * `postings.built`), and deletes the log rows both now hold. Returns the state, up to date.
 */
export async function compactTermLog(db: ArchiveDB, state: TermCounts, postings: { seq: number; built: number | null }): Promise<{ state: TermCounts; changes: LogChanges }> {
  return db.transaction('rw', db.termCounts, db.termLog, db.meta, async () => {
    const { state: current, changes } = await refreshTermCounts(db, state);
    const sorted = [...current.counts.keys()].sort();
    const post: MetaRow = { key: POSTINGS, seq: Math.max(postings.seq, current.postingsSeq), built: postings.built };
    await Promise.all([
      db.termCounts.clear().then(() => db.termCounts.bulkPut(chunksOf(current.counts, sorted))),
      db.meta.bulkPut([{ key: TERM_SNAPSHOT, seq: current.seq }, post]),
      // The snapshot holds every row up to current.seq, which the posting lists' seq never passes.
      db.termLog.where(':id').belowOrEqual(post.seq!).delete(),
    ]);
    current.sorted = sorted;
    current.added = new Set();
    current.snapshotSeq = current.seq;
    current.logRows = 0;
    current.logTerms = 0;
    applyPostingsMeta(current, post, changes);
    return { state: current, changes };
  });
}

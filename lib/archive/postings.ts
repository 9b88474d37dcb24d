/**
 * The archive's two inverted indexes, as posting lists of our own: for each search word
 * (`postings`) and each event-fingerprint key (`keyPostings`), the ids of the articles that hold
 * it, ascending, as a Uint32Array. They are kept up to date from the term log (lib/archive/terms.ts).
 *
 * Why not multi-entry indexes, as before schema version 5: Chromium reads an index entry at about
 * 10 µs (a word in 50,000 articles took 0.5 s, a three-letter prefix 1.7 s, and the 24 keys of an
 * earlier-coverage lookup 70 ms, at 100,000 articles), and the ~420 entries an article adds cost a
 * save 30 of its 55 ms. A posting list is one row: 50,000 ids read in 6 ms.
 *
 * A save does not touch the posting lists. It writes the article's search and event rows and a log
 * row naming the article and the words and keys that changed. Articles named by log rows after
 * `meta[POSTINGS].seq` are pending: their entries in the lists may be out of date, so a reader
 * leaves them out there and takes them from their own rows instead, which the background keeps in
 * memory, inverted (`Pending`). Now and then the background folds them in (`foldPostings`): for
 * each word and key the log rows name, the list loses the pending ids and gains those that now hold
 * it. A list that changed for an article is named in the log row of that write, so no other list
 * needs touching. A fold is written in chunks, each its own transaction; a chunk written twice gives
 * the same list, and until the last step moves `seq` on, the articles are still pending, so a reader
 * never sees a fold half done.
 *
 * `meta[POSTINGS].built` (after an upgrade from version 4): the lists hold only the articles up to
 * that id, and the background builds the rest a batch at a time (`buildPostings`); meanwhile a
 * reader takes the articles above it from their rows.
 */
import type { ArchiveDB, EventRow, PostingRow, SearchRow } from './db';
import type { TermCounts } from './terms';

const NONE = new Uint32Array(0);

/** Lists per transaction when folding. */
const FOLD_CHUNK = 2000;

/** Articles per step when building the lists. */
export const BUILD_BATCH = 2000;

/** Which index: search words (from `search` rows) or event keys (from `events` rows). */
export type ListKind = 'words' | 'keys';

/** A small inverted index in memory: term → ids. */
export class Inverted {
  readonly byTerm = new Map<string, number[]>();

  add(id: number, terms: readonly string[]): void {
    for (const t of terms) {
      const list = this.byTerm.get(t);
      if (list) list.push(id);
      else this.byTerm.set(t, [id]);
    }
  }

  get(term: string): readonly number[] {
    return this.byTerm.get(term) ?? [];
  }
}

/** The pending articles' words and keys, inverted. */
export class Pending {
  readonly words = new Inverted();
  readonly keys = new Inverted();

  of(kind: ListKind): Inverted {
    return kind === 'words' ? this.words : this.keys;
  }

  addRows(search: readonly (SearchRow | undefined)[], events: readonly (EventRow | undefined)[]): void {
    for (const r of search) if (r) this.words.add(r.id, r.words);
    for (const e of events) if (e) this.keys.add(e.id, e.keys);
  }
}

/** Reads the search and event rows of these articles into `into` (missing ones were deleted, or have no fingerprint). */
export async function readPending(db: ArchiveDB, ids: Iterable<number>, into = new Pending()): Promise<Pending> {
  const list = [...ids];
  for (let i = 0; i < list.length; i += 1000) {
    const part = list.slice(i, i + 1000);
    const [search, events] = await Promise.all([db.search.bulkGet(part), db.events.bulkGet(part)]);
    into.addRows(search, events);
  }
  return into;
}

/** What a reader needs from the background's state, taken at one moment. */
export interface PostingsView {
  pending: ReadonlyMap<number, number>;
  rows: Pending;
  built: number | null;
}

/** Ascending, without repeats, in place. */
export function sortUnique(xs: number[]): number[] {
  xs.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (i === 0 || xs[i] !== xs[n - 1]) xs[n++] = xs[i]!;
  xs.length = n;
  return xs;
}

const tableOf = (db: ArchiveDB, kind: ListKind) => (kind === 'words' ? db.postings : db.keyPostings);

/**
 * The articles holding each of `terms` (words or keys), ascending: the posting list (less the
 * pending articles and, while the lists are being built, those above `built`), the pending articles
 * holding it, and (while building) the articles above `built` that hold it.
 */
export async function postingLists(db: ArchiveDB, view: PostingsView, kind: ListKind, terms: readonly string[]): Promise<number[][]> {
  if (terms.length === 0) return [];
  const [rows, unbuilt] = await Promise.all([
    tableOf(db, kind).bulkGet([...terms]),
    view.built === null ? null : kind === 'words' ? db.search.where(':id').above(view.built).toArray() : db.events.where(':id').above(view.built).toArray(),
  ]);
  const { pending, built } = view;
  const clean = pending.size === 0 && built === null;
  const mine = view.rows.of(kind);
  const above = new Map<string, number[]>();
  for (const r of unbuilt ?? []) {
    if (pending.has(r.id)) continue;
    for (const t of 'words' in r ? r.words : r.keys) {
      const l = above.get(t);
      if (l) l.push(r.id);
      else above.set(t, [r.id]);
    }
  }
  return terms.map((t, i) => {
    const ids = rows[i]?.ids ?? NONE;
    if (clean) return Array.from(ids);
    const out: number[] = [];
    for (const id of ids) if (!pending.has(id) && (built === null || id <= built)) out.push(id);
    out.push(...mine.get(t), ...(above.get(t) ?? []));
    return sortUnique(out);
  });
}

/** A posting list with `drop` taken out and `add` put in. */
function merge(old: Uint32Array, drop: ReadonlySet<number>, add: readonly number[]): Uint32Array {
  const out: number[] = [];
  for (const id of old) if (!drop.has(id)) out.push(id);
  for (const id of add) out.push(id);
  return Uint32Array.from(sortUnique(out));
}

/**
 * Rewrites the lists of `terms` for the articles `ids`: each list loses those ids and gains the
 * ones `holders` has for it. In chunks of FOLD_CHUNK lists, a transaction each.
 */
async function rewriteLists(db: ArchiveDB, kind: ListKind, terms: readonly string[], ids: ReadonlySet<number>, holders: Inverted): Promise<void> {
  const table = tableOf(db, kind);
  for (let i = 0; i < terms.length; i += FOLD_CHUNK) {
    const chunk = terms.slice(i, i + FOLD_CHUNK);
    await db.transaction('rw', table, async () => {
      const cur = await table.bulkGet(chunk);
      const put: PostingRow[] = [];
      const gone: string[] = [];
      chunk.forEach((term, j) => {
        const next = merge(cur[j]?.ids ?? NONE, ids, holders.get(term));
        if (next.length) put.push({ term, ids: next });
        else if (cur[j]) gone.push(term);
      });
      await Promise.all([put.length ? table.bulkPut(put) : null, gone.length ? table.bulkDelete(gone) : null]);
    });
  }
}

/**
 * Folds the pending articles into the lists: reads the log rows after the lists' `seq` up to
 * `state.seq`, and rewrites the list of every word and key they name. Returns the `seq` the lists
 * now hold, for the caller to record (with the counts' snapshot, in `compactTermLog`); until then
 * the articles stay pending. `rows` must hold the pending articles' current words and keys.
 */
export async function foldPostings(db: ArchiveDB, state: Pick<TermCounts, 'seq' | 'postingsSeq' | 'pending'>, rows: Pending): Promise<number> {
  const upTo = state.seq;
  if (upTo <= state.postingsSeq) return state.postingsSeq;
  const ids = new Set<number>();
  for (const [id, last] of state.pending) if (last <= upTo) ids.add(id);
  const log = await db.termLog.where(':id').between(state.postingsSeq, upTo, false, true).toArray();
  const words = new Set<string>();
  const keys = new Set<string>();
  for (const r of log) {
    for (const t of r.terms) words.add(t);
    for (const k of r.keys ?? []) keys.add(k);
  }
  await rewriteLists(db, 'words', [...words].sort(), ids, rows.words);
  await rewriteLists(db, 'keys', [...keys].sort(), ids, rows.keys);
  return upTo;
}

/**
 * One step of building the lists (after an upgrade): adds the next BUILD_BATCH articles above
 * `built` and returns the new `built` (null when every article is in). The caller records it.
 */
export async function buildPostings(db: ArchiveDB, built: number, batch = BUILD_BATCH): Promise<number | null> {
  const search = await db.search.where(':id').above(built).limit(batch).toArray();
  if (search.length === 0) return null;
  const ids = search.map((r) => r.id);
  const rows = new Pending();
  rows.addRows(search, await db.events.bulkGet(ids));
  const these = new Set(ids);
  await rewriteLists(db, 'words', [...rows.words.byTerm.keys()].sort(), these, rows.words);
  await rewriteLists(db, 'keys', [...rows.keys.byTerm.keys()].sort(), these, rows.keys);
  return search.length < batch ? null : ids[ids.length - 1]!;
}

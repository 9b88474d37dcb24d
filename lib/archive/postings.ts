/**
 * The search index: one posting list per term (`postings`: the ids of the articles whose search
 * words hold it, ascending, as a Uint32Array), kept up to date from the term log (lib/archive/terms.ts).
 *
 * Why not a multi-entry index on the search words, as before schema version 5: Chromium reads an
 * index entry at about 10 µs (a word in 50,000 articles took 0.5 s, a three-letter prefix 1.7 s, at
 * 100,000 articles), and the ~400 entries an article adds cost a save 30 of its 55 ms. A posting
 * list is one row: 50,000 ids read in 6 ms.
 *
 * A save does not touch the posting lists. It writes the article's search row and a log row naming
 * the article and the terms whose counts changed. Articles named by log rows after
 * `meta[POSTINGS].seq` are pending: their entries in the posting lists may be out of date, so a
 * search leaves them out there and looks them up in their search rows instead, which the background
 * keeps in memory, inverted (`PendingWords`). Now and then the background folds them in
 * (`foldPostings`): for each term the log rows name, the list loses the pending ids and gains those
 * whose words now hold it. Any term whose list changed for an article is in the log row of that
 * write, so no other list needs touching. A fold is written in chunks, each its own transaction; a
 * chunk written twice gives the same list, and until the last step moves `seq` on, the articles are
 * still pending, so a search never sees a fold half done.
 *
 * `meta[POSTINGS].built` (after an upgrade from version 4): the lists hold only the articles up to
 * that id, and the background builds the rest a batch at a time (`buildPostings`); meanwhile a
 * search reads the search rows of the articles above it.
 */
import type { ArchiveDB, PostingRow, SearchRow } from './db';
import type { TermCounts } from './terms';

const NONE = new Uint32Array(0);

/** Terms per transaction when folding. */
const FOLD_CHUNK = 2000;

/** Search rows per step when building the lists. */
export const BUILD_BATCH = 1000;

/** The pending articles' search words, inverted: term → ids. */
export class PendingWords {
  readonly byTerm = new Map<string, number[]>();

  /** Adds the words of these search rows (of articles not yet in here). */
  add(rows: readonly (SearchRow | undefined)[]): void {
    for (const r of rows) {
      if (!r) continue;
      for (const w of r.words) {
        const list = this.byTerm.get(w);
        if (list) list.push(r.id);
        else this.byTerm.set(w, [r.id]);
      }
    }
  }

  /** The pending articles holding `term`. */
  get(term: string): readonly number[] {
    return this.byTerm.get(term) ?? [];
  }
}

/** Reads the search rows of these articles (missing ones were deleted). */
export async function pendingWords(db: ArchiveDB, ids: Iterable<number>, into = new PendingWords()): Promise<PendingWords> {
  const list = [...ids];
  for (let i = 0; i < list.length; i += 1000) into.add(await db.search.bulkGet(list.slice(i, i + 1000)));
  return into;
}

/** What a search needs from the background's state, taken at one moment. */
export interface PostingsView {
  pending: ReadonlyMap<number, number>;
  words: PendingWords;
  built: number | null;
}

/** Ascending, without repeats, in place. */
function sortUnique(xs: number[]): number[] {
  xs.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (i === 0 || xs[i] !== xs[n - 1]) xs[n++] = xs[i]!;
  xs.length = n;
  return xs;
}

/**
 * The articles whose search words hold any of `terms`, ascending: the posting lists (less the
 * pending articles and, while the lists are being built, those above `built`), the pending
 * articles holding them, and (while building) the articles above `built` that hold them.
 */
export async function articlesWithAny(db: ArchiveDB, view: PostingsView, terms: readonly string[]): Promise<number[]> {
  if (terms.length === 0) return [];
  const [rows, unbuilt] = await Promise.all([
    db.postings.bulkGet([...terms]),
    view.built === null ? null : db.search.where(':id').above(view.built).toArray(),
  ]);
  const { pending, built } = view;
  const out: number[] = [];
  const clean = pending.size === 0 && built === null;
  for (const r of rows) {
    if (!r) continue;
    if (clean) {
      for (const id of r.ids) out.push(id);
      continue;
    }
    for (const id of r.ids) if (!pending.has(id) && (built === null || id <= built)) out.push(id);
  }
  for (const t of terms) for (const id of view.words.get(t)) out.push(id);
  if (unbuilt) {
    const want = new Set(terms);
    for (const r of unbuilt) if (!pending.has(r.id) && r.words.some((w) => want.has(w))) out.push(r.id);
  }
  // One list of one term is already in order and without repeats.
  return terms.length === 1 && clean ? out : sortUnique(out);
}

/** A posting list with `drop` taken out and `add` put in. */
function merge(old: Uint32Array, drop: ReadonlySet<number>, add: readonly number[]): Uint32Array {
  const out: number[] = [];
  for (const id of old) if (!drop.has(id)) out.push(id);
  for (const id of add) out.push(id);
  return Uint32Array.from(sortUnique(out));
}

/**
 * Rewrites the posting lists of `terms` for the articles `ids`: each list loses those ids and gains
 * the ones whose words (`words`) hold the term. In chunks of FOLD_CHUNK terms, a transaction each.
 */
async function rewriteLists(db: ArchiveDB, terms: readonly string[], ids: ReadonlySet<number>, words: PendingWords): Promise<void> {
  for (let i = 0; i < terms.length; i += FOLD_CHUNK) {
    const chunk = terms.slice(i, i + FOLD_CHUNK);
    await db.transaction('rw', db.postings, async () => {
      const cur = await db.postings.bulkGet(chunk);
      const put: PostingRow[] = [];
      const gone: string[] = [];
      chunk.forEach((term, j) => {
        const ids2 = merge(cur[j]?.ids ?? NONE, ids, words.get(term));
        if (ids2.length) put.push({ term, ids: ids2 });
        else if (cur[j]) gone.push(term);
      });
      await Promise.all([put.length ? db.postings.bulkPut(put) : null, gone.length ? db.postings.bulkDelete(gone) : null]);
    });
  }
}

/**
 * Folds the pending articles into the posting lists: reads the log rows after the lists' `seq`
 * up to `state.seq`, and rewrites the lists of every term they name. Returns the `seq` the lists
 * now hold, for the caller to record (with the counts' snapshot, in `compactTermLog`); until then
 * the articles stay pending. `words` must hold the pending articles' current words.
 */
export async function foldPostings(db: ArchiveDB, state: Pick<TermCounts, 'seq' | 'postingsSeq' | 'pending'>, words: PendingWords): Promise<number> {
  const upTo = state.seq;
  if (upTo <= state.postingsSeq) return state.postingsSeq;
  const ids = new Set<number>();
  for (const [id, last] of state.pending) if (last <= upTo) ids.add(id);
  const rows = await db.termLog.where(':id').between(state.postingsSeq, upTo, false, true).toArray();
  const terms = new Set<string>();
  for (const r of rows) for (const t of r.terms) terms.add(t);
  await rewriteLists(db, [...terms].sort(), ids, words);
  return upTo;
}

/**
 * One step of building the posting lists (after an upgrade): adds the next BUILD_BATCH articles
 * above `built` and returns the new `built` (null when every article is in). The caller records it.
 */
export async function buildPostings(db: ArchiveDB, built: number): Promise<number | null> {
  const rows = await db.search.where(':id').above(built).limit(BUILD_BATCH).toArray();
  if (rows.length === 0) return null;
  const words = new PendingWords();
  words.add(rows);
  await rewriteLists(db, [...words.byTerm.keys()].sort(), new Set(rows.map((r) => r.id)), words);
  return rows.length < BUILD_BATCH ? null : rows[rows.length - 1]!.id;
}

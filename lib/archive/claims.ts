/**
 * Claims in the archive (issue #4): reviews kept with their article, carried over when the article
 * is read and saved again, and the cross-article index behind the archive's Claims view.
 */
import { claimStatus, isClaimStatus } from '../claim-status';
import type { Claim, ClaimReview, ClaimStatus, SavedArticle } from '../types';
import type { ArchiveDB, ClaimRow } from './db';
import { speakerGroup } from './speakers';
import { articleDate, memoryRow, readingOrder, statementRows } from './derived';
import { MAX_EVIDENCE, MAX_NOTE } from './schema';
import { adjustTotals, resize } from './totals';

/** The limits of a review, declared with the record schema that applies them to every record. */
export { MAX_EVIDENCE, MAX_NOTE } from './schema';

/** What the reader sends for a review (the time is added by the archive). */
export type ReviewInput = Omit<ClaimReview, 'updatedAt'>;

/** Checks and cleans a review from the UI; throws an Error with a reader-facing message. */
export function cleanReview(input: unknown): ReviewInput {
  const r = input as Partial<ReviewInput> | null;
  if (!r || typeof r !== 'object') throw new Error('That review is empty.');
  if (!isClaimStatus(r.status)) throw new Error('Choose a status for the claim.');
  const note = typeof r.note === 'string' ? r.note.trim() : '';
  if (note.length > MAX_NOTE) throw new Error(`The note is too long (at most ${MAX_NOTE} characters).`);
  const evidence: string[] = [];
  for (const raw of Array.isArray(r.evidence) ? r.evidence : []) {
    if (typeof raw !== 'string' || !raw.trim()) continue;
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw new Error(`“${raw.slice(0, 80)}” is not a web address. Evidence links start with https://`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('Evidence links must be web addresses (http or https).');
    if (url.href.length > 2000) throw new Error('That evidence link is too long.');
    if (!evidence.includes(url.href)) evidence.push(url.href);
  }
  if (evidence.length > MAX_EVIDENCE) throw new Error(`At most ${MAX_EVIDENCE} evidence links per claim.`);
  return { status: r.status, note, evidence };
}

export { readingOrder };

/**
 * The claims of a fresh analysis with what the reader added to the earlier (saved) ones: reviews by
 * claim id, or, for a claim whose wording the analysis has since trimmed or widened (a dateline no
 * longer part of it), by the same sentence in the same paragraph; claims the reader marked as
 * missed, and reviewed claims that the new analysis no longer finds (their review is never
 * dropped). Reading order.
 */
export function mergeClaims(fresh: readonly Claim[], earlier: readonly Claim[] | undefined): Claim[] {
  if (!earlier?.length) return fresh.slice();
  const old = new Map(earlier.map((c) => [c.id, c]));
  const ids = new Set(fresh.map((c) => c.id));
  // A reviewed claim whose id the fresh analysis no longer gives, found again by its words.
  const reworded = (c: Claim): Claim | undefined => {
    if (old.has(c.id)) return undefined;
    for (const o of old.values()) if (o.review && !o.missed && !ids.has(o.id) && o.spans[0]?.paragraph === c.spans[0]?.paragraph && (o.text.includes(c.text) || c.text.includes(o.text))) return o;
    return undefined;
  };
  const out = fresh.map((c) => {
    const prev = old.get(c.id) ?? reworded(c);
    if (!prev) return c;
    old.delete(prev.id);
    // The earlier list is the archive's: its review (or the lack of one) is the reader's latest word.
    const { review: _stale, ...rest } = c;
    return prev.review ? { ...rest, review: prev.review } : rest;
  });
  for (const c of old.values()) if (c.review || c.missed) out.push(c);
  return out.sort((a, b) => readingOrder(a) - readingOrder(b));
}

/** The index rows for one saved article. */
export function claimRows(r: SavedArticle & { id: number }): ClaimRow[] {
  const rows: ClaimRow[] = [];
  for (const c of r.claims ?? []) {
    const status = claimStatus(c);
    if (!status) continue;
    rows.push({
      key: `${r.id}:${c.id}`,
      articleId: r.id,
      claimId: c.id,
      status,
      reviewed: !!c.review,
      speaker: c.speaker ?? '',
      date: articleDate(r),
      claim: c,
      article: { title: r.title, url: r.url, publisher: r.publisher, published: r.published },
    });
  }
  return rows;
}

/**
 * Rewrites an article's claim, statement and claim-memory index rows. Call inside a transaction
 * that covers `db.claims`, `db.statements` and `db.memory`.
 */
export async function reindexClaims(db: ArchiveDB, r: SavedArticle & { id: number }): Promise<void> {
  await Promise.all([db.claims.where('articleId').equals(r.id).delete(), db.statements.where('articleId').equals(r.id).delete(), db.memory.delete(r.id)]);
  const rows = claimRows(r);
  const said = statementRows(r);
  const memory = memoryRow(said, rows);
  await Promise.all([rows.length ? db.claims.bulkPut(rows) : null, said.length ? db.statements.bulkPut(said) : null, memory ? db.memory.put(memory) : null]);
}

/**
 * Sets (or with `review` null, clears) the reader's review of one claim of a saved article. A claim
 * the article does not have yet is added when given (a sentence the reader marked as missed).
 * Returns the updated record, or null when the article is not in the archive.
 */
export async function reviewClaim(db: ArchiveDB, articleId: number, claimId: string, review: ReviewInput | null, now: number, added?: Claim): Promise<SavedArticle | null> {
  return db.transaction('rw', [db.articles, db.claims, db.statements, db.memory, db.meta, db.outbox], async () => {
    const rec = await db.articles.get(articleId);
    if (!rec) return null;
    const claims = (rec.claims ?? []).slice();
    let i = claims.findIndex((c) => c.id === claimId);
    if (i < 0) {
      if (!added || added.id !== claimId) throw new Error('That claim is no longer in the saved article.');
      claims.push(added);
      claims.sort((a, b) => readingOrder(a) - readingOrder(b));
      i = claims.findIndex((c) => c.id === claimId);
    }
    const claim = { ...claims[i]! };
    if (review) claim.review = { ...review, updatedAt: now };
    else delete claim.review;
    // A missed claim with its review cleared is withdrawn altogether.
    if (!review && claim.missed) claims.splice(i, 1);
    else claims[i] = claim;
    const next: SavedArticle & { id: number } = { ...rec, id: articleId, claims, updatedAt: now };
    const delta = resize([rec], [next]);
    await db.articles.put(next);
    await adjustTotals(db, 0, delta);
    await reindexClaims(db, next);
    return next;
  });
}

export interface ClaimQuery {
  status?: ClaimStatus;
  /** Exact speaker name as listed by `claimSpeakers`. */
  speaker?: string;
  /** Article date range, ms since 1970, inclusive. */
  from?: number;
  to?: number;
  offset: number;
  limit: number;
}

/** Reviewed and unverified claims across the archive, newest article first, through the indexes. */
export async function listClaims(db: ArchiveDB, q: ClaimQuery): Promise<{ items: ClaimRow[]; total: number }> {
  const from = q.from ?? -8.64e15;
  const to = q.to ?? 8.64e15;
  let coll = q.status ? db.claims.where('[status+date]').between([q.status, from], [q.status, to], true, true).reverse() : db.claims.where('date').between(from, to, true, true).reverse();
  if (q.speaker !== undefined) {
    // A listed speaker stands for its whole group: "Officials" finds "officials" and "official's" too.
    const key = speakerGroup(q.speaker);
    coll = coll.filter((r) => speakerGroup(r.speaker) === key);
  }
  const total = await coll.clone().count();
  const items = await coll.offset(q.offset).limit(q.limit).toArray();
  return { items, total };
}

/**
 * Every speaker with a listed claim, one entry per group (see `speakerGroup`), in alphabetical
 * order. A group is listed by the spelling most of its claims use, capitalised spellings first on
 * a tie. Read from the speaker index: its keys, and counts only for groups with several spellings.
 */
export async function claimSpeakers(db: ArchiveDB): Promise<string[]> {
  const keys = ((await db.claims.orderBy('speaker').uniqueKeys()) as unknown[]).filter((k): k is string => typeof k === 'string' && k.trim() !== '');
  const groups = new Map<string, string[]>();
  for (const k of keys) {
    const g = speakerGroup(k);
    const list = groups.get(g);
    if (list) list.push(k);
    else groups.set(g, [k]);
  }
  const out: string[] = [];
  for (const names of groups.values()) {
    if (names.length === 1) {
      out.push(names[0]!);
      continue;
    }
    const counts = await Promise.all(names.map((n) => db.claims.where('speaker').equals(n).count()));
    const capital = (n: string) => (/^\p{Lu}/u.test(n) ? 1 : 0);
    const best = names.map((n, i) => ({ n, c: counts[i]! })).sort((a, b) => b.c - a.c || capital(b.n) - capital(a.n) || a.n.length - b.n.length || a.n.localeCompare(b.n))[0]!;
    out.push(best.n);
  }
  return out.sort((a, b) => a.localeCompare(b));
}

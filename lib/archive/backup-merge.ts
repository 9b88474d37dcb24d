/**
 * The merge rules of an import (lib/archive/backup.ts): what a backup's record of an article brings
 * to the record the archive already holds for the same address. Pure: no database.
 */
import type { ClaimReview, SavedArticle } from '../types';
import { readingOrder } from './claims';
import { MAX_TAGS, recordBytes } from './schema';

export interface ReviewConflict {
  title: string;
  claim: string;
  /** 'file': the file's review was newer and replaced this browser's; 'here': this browser's was newer. */
  winner: 'file' | 'here';
}

function sameReview(a: ClaimReview, b: ClaimReview): boolean {
  return a.status === b.status && a.note === b.note && a.updatedAt === b.updatedAt && a.evidence.length === b.evidence.length && a.evidence.every((e, i) => e === b.evidence[i]);
}

export interface MergeResult {
  record: SavedArticle;
  changed: boolean;
  reviewsTaken: number;
  reviewsKept: number;
  tagsAdded: number;
  conflicts: ReviewConflict[];
}

/**
 * The archive's record for a URL combined with the file's record for it. The archive's record stays
 * the base (its id, text and analysis); from the file it takes, per claim, the review when the
 * archive has none or an older one (`updatedAt`), the claims the reader reviewed or marked that the
 * archive does not have, and the tags it lacks. A review the archive holds is never dropped.
 */
export function mergeRecord(here: SavedArticle, file: SavedArticle): MergeResult {
  const out: MergeResult = { record: here, changed: false, reviewsTaken: 0, reviewsKept: 0, tagsAdded: 0, conflicts: [] };
  const claims = (here.claims ?? []).slice();
  const index = new Map(claims.map((c, i) => [c.id, i]));
  let added = false;
  let claimsChanged = false;
  for (const c of file.claims ?? []) {
    const i = index.get(c.id);
    if (i === undefined) {
      if (!c.review && !c.missed) continue;
      index.set(c.id, claims.length);
      claims.push(c);
      added = claimsChanged = true;
      if (c.review) out.reviewsTaken++;
      continue;
    }
    const mine = claims[i]!;
    if (!c.review) continue;
    if (!mine.review) {
      claims[i] = { ...mine, review: c.review };
      out.reviewsTaken++;
      claimsChanged = true;
      continue;
    }
    if (sameReview(mine.review, c.review)) continue;
    const fileWins = c.review.updatedAt > mine.review.updatedAt;
    if (fileWins) {
      claims[i] = { ...mine, review: c.review };
      out.reviewsTaken++;
      claimsChanged = true;
    } else {
      out.reviewsKept++;
    }
    out.conflicts.push({ title: here.title, claim: mine.text, winner: fileWins ? 'file' : 'here' });
  }
  if (added) claims.sort((a, b) => readingOrder(a) - readingOrder(b));

  const tags = (here.tags ?? []).slice();
  for (const t of file.tags ?? []) {
    if (tags.length >= MAX_TAGS) break;
    if (!tags.includes(t)) {
      tags.push(t);
      out.tagsAdded++;
    }
  }
  const takeFingerprint = !here.fingerprint && !!file.fingerprint;
  if (!claimsChanged && !out.tagsAdded && !takeFingerprint) return out;

  const { id: _id, bytes: _bytes, ...rest } = here;
  const base: Omit<SavedArticle, 'id' | 'bytes'> = { ...rest, claims, tags, updatedAt: Math.max(here.updatedAt, file.updatedAt) };
  if (takeFingerprint) base.fingerprint = file.fingerprint;
  const record: SavedArticle = { ...base, bytes: recordBytes(base) };
  if (here.id !== undefined) record.id = here.id;
  return { ...out, record, changed: true };
}

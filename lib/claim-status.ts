/**
 * The one rule for a claim's status, shared by the archive index, the page painter and the UI:
 * the reader's review when there is one, else "unverified" when the text gives a signal (or the
 * reader marked the claim as missed), else none.
 */
import type { Claim, ClaimStatus } from './types';

export const CLAIM_STATUSES: readonly ClaimStatus[] = ['unverified', 'verified', 'disputed', 'false', 'not-claim'];

export function isClaimStatus(x: unknown): x is ClaimStatus {
  return CLAIM_STATUSES.includes(x as ClaimStatus);
}

export function claimStatus(c: Pick<Claim, 'review' | 'unverified' | 'missed'>): ClaimStatus | null {
  return c.review?.status ?? (c.unverified || c.missed ? 'unverified' : null);
}

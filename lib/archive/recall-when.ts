/**
 * Whether a claim found again in the archive came out before or after the article read, and how
 * the panel and the hover card introduce it: the archive's matches are not all earlier, since a
 * reader can save an older article after a newer one.
 */
import type { RecallWhen } from '../types';

/** How a match without a review or moved numbers is introduced, by when it came out (`ClaimRecall.when`). */
export const REPORTED: Record<RecallWhen, string> = { earlier: 'Reported earlier', later: 'Reported later', also: 'Also reported' };

const DAY_MS = 86_400_000;

/**
 * When an article of `date` (ms) came out against the one read, published at `published` (see
 * `ClaimRecall.when`): a day or more before or after it, else "also". A window rather than calendar
 * days, which depend on the time zone: a US evening story is the next day in UTC.
 */
export function recallWhen(date: number, published: string | null | undefined): RecallWhen {
  const here = published ? Date.parse(published) : NaN;
  if (!Number.isFinite(here)) return 'also';
  return date <= here - DAY_MS ? 'earlier' : date >= here + DAY_MS ? 'later' : 'also';
}

/**
 * Tags as the archive keeps them. One definition for the background (saving, restoring, tagging)
 * and the archive page (the tag box and the filter read from the address), so the two cannot
 * disagree about what a tag is. No imports: the archive page loads it without Dexie.
 */

/** Characters in a tag at most. */
export const MAX_TAG = 40;
/** Tags on one article at most. */
export const MAX_TAGS = 30;

/** A tag as stored: control characters as spaces, single spaces, trimmed, lower-case, at most 40 characters; null when empty. */
export function normaliseTag(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const t = raw
    // eslint-disable-next-line no-control-regex -- control characters are what a tag may not hold
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .slice(0, MAX_TAG)
    .trim();
  return t || null;
}

/** Tags typed in one box, separated by commas ("eu, ukraine"), normalised and without repeats. */
export function parseTags(s: string): string[] {
  return [
    ...new Set(
      s
        .split(',')
        .map(normaliseTag)
        .filter((t): t is string => !!t),
    ),
  ];
}

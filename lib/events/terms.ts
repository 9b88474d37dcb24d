/**
 * The one tokeniser and normaliser for event-matching terms (issue #5). Training the IDF table
 * (lib/cli/train-idf.ts), fingerprinting (fingerprint.ts) and the eval all use `terms()`, so a term
 * means the same thing everywhere.
 *
 * A term is a lower-cased word with diacritics removed and a light plural stem (the "S-stemmer" of
 * Harman, 1991: "quakes" → "quake", "cities" → "city"), or a number of two or more digits
 * ("2009", "6.1", "1,000" → "1000"). Stop words, single letters, single digits and words over 40 characters are dropped.
 * Apostrophes split words, so the possessive of "Reid's" and the tokenised "Reid 's" give the same
 * "reid"; quote marks written as `` and '' (Penn Treebank style) are punctuation like any other.
 */

const STOP_WORDS = new Set(
  (
    'a about above after again against all almost also although am among an and another any anyone anything are ' +
    'around as at back be became because become been before being below between both but by came can cannot could ' +
    'did do does doing done down during each either else even ever every few for from further get gets getting got ' +
    'had has have having he her here hers herself him himself his how however if in into is it its itself just ' +
    'last least less like made make makes many may me might more most much must my myself near neither no nor not ' +
    'now of off often on once one only or other others our ours ourselves out over own per perhaps put quite rather ' +
    'really said same say saying says see seen several shall she should since so some still such take than that the ' +
    'their theirs them themselves then there therefore these they this those though through thus to too toward ' +
    'towards under until up upon us very via was way we well were what whatever when whenever where whether which ' +
    'while who whoever whole whom whose why will with within without would yet you your yours yourself ' +
    'told tell tells according including include includes told went go goes going gone come comes coming ' +
    'mr mrs ms dr st nt ll ve re don didn doesn isn wasn weren won wouldn couldn shouldn aren hasn haven hadn ' +
    'new news two three four five six seven eight nine ten first second third today yesterday tomorrow ' +
    'monday tuesday wednesday thursday friday saturday sunday week weeks month months year years day days time ' +
    'january february march april june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun ' +
    'reported reports report reuters ap afp cnn bbc http https www com'
  ).split(' '),
);

/** Words the S-stemmer must leave alone (their final "s" is not a plural). */
const KEEP_S = new Set([
  'news',
  'series',
  'species',
  'bus',
  'gas',
  'kansas',
  'texas',
  'paris',
  'los',
  'angeles',
  'christmas',
  'aids',
  'isis',
  'hamas',
  'analysis',
  'crisis',
  'thesis',
  'basis',
  'physics',
  'politics',
  'economics',
]);

/** Harman's S-stemmer: -ies → -y, -es → -e, -s → '' (with the usual exceptions). */
export function stem(word: string): string {
  if (word.length < 4 || KEEP_S.has(word)) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) return word.slice(0, -3) + 'y';
  if (word.endsWith('es') && !word.endsWith('aes') && !word.endsWith('ees') && !word.endsWith('oes')) return word.slice(0, -1);
  if (word.endsWith('s') && !word.endsWith('us') && !word.endsWith('ss') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** Longer "words" are not words (hashes, runs of letters) and are dropped. */
const MAX_TERM = 40;

const WORD_RE = /\p{N}+(?:[.,]\p{N}+)*|\p{L}[\p{L}\p{N}]*/gu;
const DIACRITICS = /\p{M}+/gu;

/** Lower-cases and strips diacritics ("Zelenskyy" stays, "São Paulo" → "sao paulo"). */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(DIACRITICS, '').toLowerCase();
}

/** Normalises one word the way `terms` does, or returns null when it is not a term. */
export function normaliseWord(raw: string): string | null {
  if (raw.length > MAX_TERM) return null;
  const w = fold(raw);
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const n = w.replace(/,/g, '');
    return n.length >= 2 ? n : null;
  }
  if (w.length < 2 || STOP_WORDS.has(w)) return null;
  const s = stem(w);
  return STOP_WORDS.has(s) ? null : s;
}

/**
 * The terms of a text in order, with repeats. Reads at most `maxChars` characters (default 200,000)
 * so that a huge page cannot stall the worker.
 */
export function terms(text: string, maxChars = 200_000): string[] {
  const src = text.length > maxChars ? text.slice(0, maxChars) : text;
  const out: string[] = [];
  for (const m of fold(src).matchAll(WORD_RE)) {
    const t = normaliseWord(m[0]);
    if (t !== null) out.push(t);
  }
  return out;
}

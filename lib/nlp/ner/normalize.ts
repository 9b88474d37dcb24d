/**
 * Token normalisation shared by training and tagging, so that raw news typography matches CoNLL's ASCII:
 * curly quotes and apostrophes become straight ones, en/em dashes become "--", non-breaking and zero-width
 * characters are dropped. Case is kept (features decide what to do with it).
 */

const MAP: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '--',
  '\u2014': '--',
  '\u2012': '--',
  '\u2015': '--',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2026': '...',
  '\u00a0': '',
  '\u200b': '',
  '\u00ad': '',
};
const RE = /[\u2018\u2019\u201a\u201b\u2032`\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014\u2012\u2015\u2212\u2010\u2011\u2026\u00a0\u200b\u00ad]/g;

/**
 * British style writes honorifics and some abbreviations without a dot ("Mr Trump", "Dr Smith", "St Albans");
 * CoNLL (Reuters) mostly with one. Both become the dotted form for the features.
 */
const DOTLESS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Messrs', 'Prof', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Capt', 'Sgt', 'Jr', 'Sr', 'Mt']);

export function normToken(t: string): string {
  if (DOTLESS.has(t)) return t + '.';
  const s = RE.test(t) ? t.replace(RE, (c) => MAP[c] ?? c) : t;
  RE.lastIndex = 0;
  return s.length ? s : t;
}

/**
 * Gazetteer matching for NER features. The name lists ship inside the model file (built by the training command
 * from /work/shared/data/ner/gazetteers); this module only matches them against token sequences.
 *
 * A match is a run of 1–MAX_GAZ_LEN tokens whose normalised, lower-cased text is a listed name and which "looks like
 * a name" in the text: the first token starts with an upper-case letter or a digit, and every other token is
 * capitalised, a digit string, a connector ("of", "de", "&") or punctuation. So "will" and "mobile" in running text
 * never fire the first-name or city lists, while "Will" and "Mobile" do (the model learns how far to trust them).
 */
import { tokenize } from '../tokenize.ts';
import { normToken } from './normalize.ts';

export const GAZ_LISTS = ['country', 'demonym', 'capital', 'city', 'usstate', 'firstname', 'intlorg', 'orgabbr', 'company', 'companycore', 'newsorg'] as const;
export type GazList = (typeof GAZ_LISTS)[number];

export const MAX_GAZ_LEN = 6;

const CONNECTORS = new Set([
  'of',
  'and',
  'the',
  'for',
  'on',
  'in',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'da',
  'di',
  'do',
  'dos',
  'del',
  'van',
  'von',
  'der',
  'den',
  'al',
  'el',
  'bin',
  'y',
  'e',
  'et',
  'und',
  'for',
  'at',
  'upon',
  '&',
  '-',
  '.',
  ',',
  "'",
  "'s",
  'a',
]);

export interface Gazetteer {
  /** Lower-cased normalised phrase (tokens joined by one space) → bit mask of GAZ_LISTS. */
  phrases: Map<string, number>;
  /** Every proper token-prefix of a phrase, to stop the scan early. */
  prefixes: Set<string>;
  /**
   * For lists read from a model file only: their accented names under their plain spelling, where that
   * spelling is not listed itself ("poznań" is also "poznan"; the city "león" does not make the first
   * name "leon" a city: Leon Panetta), kept apart from `phrases` so that a model file keeps its lists
   * as listed. Where it is set, a name written with accents is also looked up without them ("Iván" →
   * the listed "ivan"). The lists the training builds have none: the committed tagger must be exactly
   * what the training command produces, and a change to its features, however small, retrains every
   * weight differently (tried: CoNLL dev F1 0.9305 → 0.9262).
   */
  plain?: { phrases: Map<string, number>; prefixes: Set<string> };
}

/** The plain spellings of a list's accented names that it does not list itself (see `Gazetteer.plain`). */
function plainSpellings(phrases: ReadonlyMap<string, number>): { phrases: Map<string, number>; prefixes: Set<string> } {
  const out = new Map<string, number>();
  const prefixes = new Set<string>();
  for (const [key, mask] of phrases) {
    const plain = foldAccents(key);
    if (plain === key || phrases.has(plain)) continue;
    out.set(plain, (out.get(plain) ?? 0) | mask);
    for (let sp = plain.indexOf(' '); sp > 0; sp = plain.indexOf(' ', sp + 1)) prefixes.add(plain.slice(0, sp));
  }
  return { phrases: out, prefixes };
}

/** The lists a name is in, exactly as listed or, for lists read from a model file, under a plain spelling. */
export function listsOf(gaz: Gazetteer, key: string): number | undefined {
  return gaz.phrases.get(key) ?? gaz.plain?.phrases.get(key);
}

/** Splits a list entry into lower-cased normalised tokens exactly as running text would be. */
export function phraseKey(name: string): string {
  return tokenize(name)
    .map((t) => normToken(t.text).toLowerCase())
    .join(' ');
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * A lower-cased token or phrase without its letters' accents ("iván" → "ivan", "são paulo" → "sao paulo").
 * The lists and the texts spell foreign names both ways (the first-name list has "ivan" and "jose", a
 * Spanish page writes "Iván" and "José").
 */
export function foldAccents(s: string): string {
  return NON_ASCII.test(s) ? s.normalize('NFD').replace(/\p{M}+/gu, '') : s;
}

/** Builds the matcher from lists of names (index = position in GAZ_LISTS). */
export function buildGazetteer(lists: Record<string, string[]>): Gazetteer {
  const phrases = new Map<string, number>();
  const prefixes = new Set<string>();
  GAZ_LISTS.forEach((list, bit) => {
    for (const name of lists[list] ?? []) {
      const toks = tokenize(name).map((t) => normToken(t.text).toLowerCase());
      if (toks.length === 0 || toks.length > MAX_GAZ_LEN) continue;
      const key = toks.join(' ');
      phrases.set(key, (phrases.get(key) ?? 0) | (1 << bit));
      for (let k = 1; k < toks.length; k++) prefixes.add(toks.slice(0, k).join(' '));
    }
  });
  return { phrases, prefixes };
}

/** Compact form stored in the model file: phrase keys joined by "\n" and their list masks. */
export interface CompiledGazetteer {
  keys: string;
  masks: number[];
}

export function compileGazetteer(g: Gazetteer): CompiledGazetteer {
  const keys = [...g.phrases.keys()].sort();
  return { keys: keys.join('\n'), masks: keys.map((k) => g.phrases.get(k)!) };
}

export function loadGazetteer(c: CompiledGazetteer): Gazetteer {
  const phrases = new Map<string, number>();
  const prefixes = new Set<string>();
  const keys = c.keys ? c.keys.split('\n') : [];
  keys.forEach((k, i) => {
    phrases.set(k, c.masks[i]!);
    let sp = k.indexOf(' ');
    while (sp > 0) {
      prefixes.add(k.slice(0, sp));
      sp = k.indexOf(' ', sp + 1);
    }
  });
  return { phrases, prefixes, plain: plainSpellings(phrases) };
}

function nameLike(tok: string, first: boolean): boolean {
  const c = tok.charCodeAt(0);
  const f = tok[0] ?? '';
  const upperish = f !== f.toLowerCase() || (c >= 48 && c <= 57);
  if (first) return upperish;
  return upperish || CONNECTORS.has(tok.toLowerCase());
}

/**
 * Marks gazetteer matches in one sentence. Returns two masks per token: lists for which the token begins a match
 * (`begin`) and lists for which it is inside a match but not its first token (`inside`). `lower` holds the
 * lower-cased normalised tokens, `norm` the normalised tokens with their case.
 */
export function matchGazetteer(gaz: Gazetteer, norm: string[], lower: string[]): { begin: Uint32Array; inside: Uint32Array } {
  const n = norm.length;
  const begin = new Uint32Array(n);
  const inside = new Uint32Array(n);
  scan(gaz, norm, lower, begin, inside);
  // a name written with accents is also looked up without them ("Iván" → the listed "ivan")
  if (gaz.plain && lower.some((t) => NON_ASCII.test(t))) {
    const plain = lower.map(foldAccents);
    if (plain.some((t, i) => t !== lower[i])) scan(gaz, norm, plain, begin, inside);
  }
  return { begin, inside };
}

function scan(gaz: Gazetteer, norm: string[], lower: string[], begin: Uint32Array, inside: Uint32Array): void {
  const n = norm.length;
  for (let i = 0; i < n; i++) {
    if (!nameLike(norm[i]!, true)) continue;
    let key = '';
    for (let j = i; j < n && j - i < MAX_GAZ_LEN; j++) {
      if (j > i && !nameLike(norm[j]!, false)) break;
      key = j === i ? lower[i]! : key + ' ' + lower[j]!;
      const mask = listsOf(gaz, key);
      if (mask !== undefined) {
        // The last token of a match must not be a connector ("Bank of").
        if (j === i || !CONNECTORS.has(lower[j]!)) {
          begin[i] = begin[i]! | mask;
          for (let k = i + 1; k <= j; k++) inside[k] = inside[k]! | mask;
        }
      }
      if (!gaz.prefixes.has(key) && !gaz.plain?.prefixes.has(key)) break;
    }
  }
}

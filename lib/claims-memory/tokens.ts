/**
 * The terms of a claim for matching (issue 22): what two wordings of one assertion have in common
 * once spelling, inflection and social-media noise are set aside.
 *
 * - Web addresses (and `pic.twitter.com/…` links) are dropped; so is the date of a tweet's
 *   signature ("— Name (@handle) January 6, 2020"), whose numbers say nothing about the claim.
 * - Hashtags and @handles are split into words, as are camel-case runs ("#DefundTheCBC" → defund,
 *   the, cbc; "@realDonaldTrump" → real, donald, trump).
 * - Words are folded (lower case, no diacritics), stop words are dropped, and the rest are
 *   Porter-stemmed ("vaccinated", "vaccines" → "vaccin").
 * - Numbers keep their value ("1,000" → "1000", "2.50" → "2.5"), "%" and "per cent" are "percent".
 *
 * Each term keeps its kind (word, number, name) and its surface form, so that a match can say what
 * matched in the words of the text. Pure, no dependencies: runs in the background and in Node.
 */
import { porterStem } from './porter';

export type TermKind = 'word' | 'number' | 'name';

export interface Term {
  /** The normalised, stemmed term that is compared. */
  key: string;
  /** The word as written (after hashtag and camel-case splitting). */
  surface: string;
  kind: TermKind;
}

export const STOP: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers ' +
    'herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on ' +
    'once only or other our ours ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were what when where ' +
    "which while who whom why will with would you your yours yourself yourselves also its it's im ive dont doesnt " +
    'didnt isnt wasnt arent cant wont rt via amp lol omg pls please us get got one would could may might must shall ' +
    'let lets just like even still ever yet s t d ll m re ve ca wo new news'
  ).split(' '),
);

/** Number words as numbers ("ten times" and "10x", "five million" and "5 million"): one stays a stop word. */
const NUMBER_WORDS: Record<string, string> = Object.fromEntries(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i) => [w, String(i + 2)] as [string, string])
    .concat('thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, String(30 + 10 * i)] as [string, string])),
);

const URL_RE = /(?:https?:\/\/|www\.)\S+|\bpic\.twitter\.com\/\S+|\b[\w-]+\.(?:com|org|net|co|ly|gov|edu|io|me|info|news)\/\S*/gi;
/** A tweet's signature: "— Name (@handle) Month Day, Year" at the end; the date goes. */
const SIGNATURE_DATE_RE = /(\(@\w+\))\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},\s+\d{4}\s*$/i;
/** Words, numbers (with thousands separators and decimals), percent signs. */
const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}][\p{L}\p{M}\p{N}'’]*|%/gu;
/** Where a hashtag or handle's run-together words meet (#DefundTheCBC), and letters meet digits anywhere (COVID19, G7). */
const CAMEL_RE = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;
const DIGIT_RE = /(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;
/** Name particles and brand prefixes that a camel-case split must not cut off: #BetsyDeVos, #McDonalds, #iPhone. */
const PARTICLE = /^(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|O|i|e)$/;
const DIACRITICS = /\p{M}+/gu;
const UPPER_START = /^\p{Lu}/u;
const ALL_CAPS = /^\p{Lu}+$/u;

export function fold(s: string): string {
  return s.normalize('NFKD').replace(DIACRITICS, '').toLowerCase();
}

/** A number's canonical form: "1,000" → "1000", "2.50" → "2.5", "007" → "7". */
export function canonicalNumber(raw: string): string {
  let s = raw;
  // A comma followed by exactly three digits is a thousands separator; another comma is a decimal point.
  s = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) s = s.replace(/\./g, '');
  const n = Number(s);
  return Number.isFinite(n) ? String(n) : s;
}

/** Removes what never helps to match a claim: web addresses, a tweet's signature date. */
export function cleanText(text: string): string {
  return text.replace(URL_RE, ' ').replace(SIGNATURE_DATE_RE, '$1');
}

/**
 * The terms of a text, in order. A capitalised word that does not open a sentence (or any word in
 * a hashtag, handle or all-caps run of two or more letters) is a name; this is a cheap cue only
 * used to weigh overlaps, not an entity tagger.
 */
export function claimTerms(text: string, maxChars = 20_000): Term[] {
  if (maxChars !== 20_000 || text.length > MEMO_TEXT) return termsOf(text, maxChars);
  let ts = memo.get(text);
  if (!ts) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, (ts = termsOf(text, maxChars)));
  }
  // A copy of the list (the terms are shared, and nobody changes them): callers may change their list.
  return ts.slice();
}

/**
 * The terms of recent texts: claim memory tokenises the same archive claims for every article
 * read (and twice in one call: for its rule and for the matcher's index). Exact, since claimTerms
 * is pure; bounded by MEMO_SIZE texts (emptied when full), of MEMO_TEXT characters at most.
 */
const memo = new Map<string, Term[]>();
/** About 1.5 KB a text: some 8 MB at most in the background. */
const MEMO_SIZE = 5_000;
const MEMO_TEXT = 2_000;
/** Words whose fold and stem are kept. */
const WORD_MEMO = 20_000;

function termsOf(text: string, maxChars: number): Term[] {
  const src = cleanText(text.length > maxChars ? text.slice(0, maxChars) : text);
  const out: Term[] = [];
  // In a headline written in title case ("Did Israel Bomb Syria?") capitals say nothing.
  const longWords = src.replace(/[#@][\p{L}\p{N}_]+/gu, ' ').match(/[\p{L}]{4,}/gu) ?? [];
  const titleCase = longWords.length >= 3 && longWords.filter((w) => UPPER_START.test(w)).length >= 0.6 * longWords.length && !longWords.every((w) => ALL_CAPS.test(w));
  // Nor do they in shouting ("STOP POSING AS MY DAD"), where short words are not acronyms.
  const words3 = src.replace(/[#@][\p{L}\p{N}_]+/gu, ' ').match(/[\p{L}]{3,}/gu) ?? [];
  const shouting = words3.length >= 3 && words3.filter((w) => ALL_CAPS.test(w)).length >= 0.6 * words3.length;
  let sentenceStart = true;
  let prevEnd = 0;
  for (const m of src.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const at = m.index;
    const gap = src.slice(prevEnd, at);
    prevEnd = at + raw.length;
    if (/[.!?:"“]\s*$/.test(gap) || /\n/.test(gap)) sentenceStart = true;
    const tagged = /[#@]$/.test(gap);
    if (raw === '%') {
      out.push({ key: 'percent', surface: '%', kind: 'word' });
      sentenceStart = false;
      continue;
    }
    if (/^\p{N}/u.test(raw)) {
      out.push({ key: canonicalNumber(raw), surface: raw, kind: 'number' });
      sentenceStart = false;
      continue;
    }
    // Possessives and contractions lose their ending ("Trump's", "he'll", "don't" → trump, he, do).
    const bare = raw
      .replace(/n['’]t$/i, '')
      .replace(/['’](?:s|ll|re|ve|d|m)$/i, '')
      .replace(/['’]/g, '');
    // Camel case is split only where words were run together on purpose, in a hashtag or handle: in
    // running text it is a name or a brand (McDonald, DeVos, WikiLeaks, iPhone), and its parts would
    // match other words (McDonald → Donald).
    const parts = tagged ? glueParticles(bare.split(CAMEL_RE)) : bare.split(DIGIT_RE);
    for (const part of parts) {
      if (!part) continue;
      if (/^\p{N}/u.test(part)) {
        out.push({ key: canonicalNumber(part), surface: part, kind: 'number' });
        continue;
      }
      const f = foldWord(part);
      if (f.length < 2 && f !== 'i') continue;
      const spelled = NUMBER_WORDS[f];
      if (spelled) {
        out.push({ key: spelled, surface: part, kind: 'number' });
        continue;
      }
      if (STOP.has(f)) continue;
      const isName = UPPER_START.test(part) && (tagged || (!shouting && ALL_CAPS.test(part) && part.length >= 2 && part.length <= 5) || (!sentenceStart && !titleCase && !ALL_CAPS.test(part)));
      const key = f === 'per' ? f : stem(f);
      out.push({ key, surface: part, kind: isName ? 'name' : 'word' });
    }
    sentenceStart = false;
  }
  // "per cent" → "percent"
  for (let i = 0; i + 1 < out.length; i++) {
    if (out[i]!.key === 'per' && out[i + 1]!.key === 'cent') {
      out.splice(i, 2, { key: 'percent', surface: 'per cent', kind: 'word' });
    }
  }
  return out.filter((t) => t.key !== 'per');
}

/** Joins a name particle to the part after it (Mc + Donald → McDonald). */
function glueParticles(parts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (next && PARTICLE.test(p) && UPPER_START.test(next)) {
      out.push(p + next);
      i++;
    } else out.push(p);
  }
  return out;
}

/** Folded words and stems seen (bounded): words repeat across claims far more than texts do. */
const folded = new Map<string, string>();
const stems = new Map<string, string>();

function foldWord(w: string): string {
  let f = folded.get(w);
  if (f === undefined) {
    if (folded.size >= WORD_MEMO) folded.clear();
    folded.set(w, (f = fold(w)));
  }
  return f;
}

function stem(f: string): string {
  let k = stems.get(f);
  if (k === undefined) {
    if (stems.size >= WORD_MEMO) stems.clear();
    stems.set(f, (k = porterStem(f)));
  }
  return k;
}

/** Just the keys. */
export function termKeys(text: string): string[] {
  return claimTerms(text).map((t) => t.key);
}

/**
 * Tokeniser and sentence splitter for raw news text (issue #3).
 *
 * The NER model is trained on CoNLL-2003, which is tokenised in the Penn Treebank style: punctuation is split off,
 * the possessive/clitic "'s" and "n't" are tokens of their own, abbreviations such as "U.S." and "Mr." keep their
 * dots, hyphenated words ("Anglo-Dutch", "1996-08-22") stay whole. This module turns raw text into comparable tokens
 * while keeping the UTF-16 offsets of every token into the raw string, so that mentions can be anchored back to it.
 *
 * Pure, no dependencies: usable in the background, in a content script and in Node.
 */

export interface Token {
  /** The token as it appears in the raw string (text === raw.slice(start, end)). */
  text: string;
  start: number;
  end: number;
}

/** Characters split off the front of a word. */
const OPENERS = new Set(['"', "'", '“', '‘', '„', '‚', '«', '‹', '(', '[', '{', '<', '¿', '¡', '`']);
/** Characters split off the end of a word. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '}', '>', ',', ';', ':', '!', '?', '.', '…', '*']);
/** Dashes that separate words even when written without spaces ("war—and"). */
const DASH_RE = /(\u2014|\u2013|\u2012|\u2015|--+)/;

/**
 * Abbreviations that keep their final dot (compared lower-cased, without the dot). Single letters ("J.") and
 * dotted initialisms ("U.S.", "e.g.") are recognised by pattern, not listed.
 */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen lt col capt cmdr maj sgt adm gov sen rep rev hon pres supt insp det ' +
    'inc ltd co corp plc bros assn dept univ est approx no nos vol pp ed eds fig vs etc al ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun'
  ).split(' '),
);

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

function isAbbreviation(word: string): boolean {
  if (!word.endsWith('.')) return false;
  const core = word.slice(0, -1);
  if (/^(\p{L}\.)*\p{L}$/u.test(core)) return true; // "J", "U.S", "e.g"
  return ABBREVIATIONS.has(core.toLowerCase());
}

const URLISH = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$|^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
/** Clitics split off the end of a word, PTB-style ("Trump's" → "Trump" + "'s", "don't" → "do" + "n't"). */
const CLITIC_RE = /(?:['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)|[nN]['’][tT])$/u;
/**
 * The word before a clitic must hold a letter (and, like `.`, no line break). Tested apart from
 * CLITIC_RE: one pattern for both (`^(.*\p{L}.*?)(clitic)$`) backtracks quadratically on a long word.
 */
const CLITIC_HEAD = /\p{L}/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function pushWord(out: Token[], text: string, start: number): void {
  if (!text) return;
  // Clitics and possessives.
  const m = CLITIC_RE.exec(text);
  const head = m ? text.slice(0, m.index) : '';
  if (m && CLITIC_HEAD.test(head) && !LINE_BREAK.test(head)) {
    // "can't" → "ca" + "n't" in PTB; keep it simple and consistent with CoNLL, which does the same.
    out.push({ text: head, start, end: start + head.length });
    out.push({ text: m[0], start: start + head.length, end: start + text.length });
    return;
  }
  out.push({ text, start, end: start + text.length });
}

/** Splits one whitespace-free chunk into tokens. */
function splitChunk(chunk: string, base: number, out: Token[]): void {
  if (URLISH.test(chunk)) {
    // Peel trailing sentence punctuation from URLs and e-mail addresses only.
    let e = chunk.length;
    while (e > 0 && /[.,;:!?)\]”"’']/.test(chunk[e - 1]!)) e--;
    out.push({ text: chunk.slice(0, e), start: base, end: base + e });
    for (let i = e; i < chunk.length; i++) out.push({ text: chunk[i]!, start: base + i, end: base + i + 1 });
    return;
  }
  // Dashes written without spaces split the chunk.
  const dm = DASH_RE.exec(chunk);
  if (dm && dm.index !== undefined) {
    const i = dm.index;
    const d = dm[0]!;
    if (i > 0) splitChunk(chunk.slice(0, i), base, out);
    out.push({ text: d, start: base + i, end: base + i + d.length });
    if (i + d.length < chunk.length) splitChunk(chunk.slice(i + d.length), base + i + d.length, out);
    return;
  }
  // A slash between words splits them ("AFP/Getty", "Dawson/No"); between digits it stays ("24/7", "1/2").
  const sl = chunk.indexOf('/');
  if (sl > 0 && sl < chunk.length - 1 && !(/[0-9]/.test(chunk[sl - 1]!) && /[0-9]/.test(chunk[sl + 1]!))) {
    splitChunk(chunk.slice(0, sl), base, out);
    out.push({ text: '/', start: base + sl, end: base + sl + 1 });
    splitChunk(chunk.slice(sl + 1), base + sl + 1, out);
    return;
  }
  let s = 0;
  let e = chunk.length;
  const front: Token[] = [];
  const back: Token[] = [];
  // Leading punctuation.
  while (s < e && OPENERS.has(chunk[s]!)) {
    front.push({ text: chunk[s]!, start: base + s, end: base + s + 1 });
    s++;
  }
  // Trailing punctuation, innermost last.
  while (e > s) {
    const c = chunk[e - 1]!;
    if (c === '.') {
      // "..." as one token
      if (e - 3 >= s && chunk.slice(e - 3, e) === '...') {
        back.push({ text: '...', start: base + e - 3, end: base + e });
        e -= 3;
        continue;
      }
      const word = chunk.slice(s, e);
      if (isAbbreviation(word)) break;
      back.push({ text: '.', start: base + e - 1, end: base + e });
      e--;
      continue;
    }
    if (CLOSERS.has(c)) {
      // A final apostrophe after "s" is a plural possessive ("leaders’") — also split, like CoNLL's "'" token.
      back.push({ text: c, start: base + e - 1, end: base + e });
      e--;
      continue;
    }
    break;
  }
  for (const t of front) out.push(t);
  if (e > s) {
    const core = chunk.slice(s, e);
    // Inner brackets or quotes glued inside a word ("(AFP/Getty)" handled above; "word(s)" stays).
    pushWord(out, core, base + s);
  }
  for (let i = back.length - 1; i >= 0; i--) out.push(back[i]!);
}

/**
 * A run of text without white space longer than this is tokenised in pieces of this size: no word
 * is that long, and splitChunk's recursion (one level per dash or slash) and its tests of each
 * remainder must stay bounded on a 200 KB "word" of dashes or slashes.
 */
const MAX_CHUNK = 256;

/** Tokenises raw text. Every token's text equals `text.slice(token.start, token.end)`. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const chunk = m[0];
    if (chunk.length <= MAX_CHUNK) {
      splitChunk(chunk, m.index, out);
      continue;
    }
    for (let at = 0; at < chunk.length;) {
      let end = Math.min(chunk.length, at + MAX_CHUNK);
      const c = chunk.charCodeAt(end - 1);
      if (end < chunk.length && c >= 0xd800 && c <= 0xdbff) end--; // never between the halves of a surrogate pair
      splitChunk(chunk.slice(at, end), m.index + at, out);
      at = end;
    }
  }
  return out;
}

const SENT_END = new Set(['.', '!', '?', '…', '...']);
const TRAIL = new Set(['"', "'", '”', '’', ')', ']', '»']);
const MAX_SENTENCE = 120;

/**
 * Groups tokens into sentences: a sentence ends after ". ! ? …" (and any closing quotes or brackets) when the next
 * token starts with a capital letter, a digit or an opening quote/bracket. Abbreviations keep their dot inside the
 * token, so "Mr. Smith" and "the U.S. said" are not split. Very long runs are cut at MAX_SENTENCE tokens.
 */
export function splitSentences(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    cur.push(t);
    let end = false;
    if (SENT_END.has(t.text)) {
      while (i + 1 < tokens.length && TRAIL.has(tokens[i + 1]!.text)) cur.push(tokens[++i]!);
      const next = tokens[i + 1];
      if (!next) end = true;
      else {
        const c = next.text[0]!;
        end = UPPER.test(c) || /[0-9"“‘'([«]/.test(c) || !LETTER.test(c);
      }
    }
    if (end || cur.length >= MAX_SENTENCE) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Convenience: tokenise and split into sentences. */
export function tokenizeSentences(text: string): Token[][] {
  return splitSentences(tokenize(text));
}

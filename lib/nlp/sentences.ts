/**
 * Sentence splitting and quote spans for news text (issue #4, "Claims").
 *
 * Pure string functions: no DOM, no Node APIs, safe in the background worker. All offsets are
 * UTF-16 code units into the text passed in.
 *
 * The splitter is rule-based: a candidate boundary is a run of terminators (. ! ? …) followed by any
 * closing quotes or brackets, then whitespace. A candidate is rejected after abbreviations ("Mr",
 * "Dr", "St", "e.g."), initials ("J. K. Rowling"), dotted acronyms that run on ("the U.S. Senate"),
 * numbering ("No. 10"), before a lower-case word, and after "?"/"!" closing a quote that is followed
 * by a short attribution ("“Why not?” Trump asked."). Blank lines always end a sentence; a single
 * line break ends one when the next line looks like a new sentence or heading.
 *
 * Quotes that run over several sentences are still split into sentences; every sentence says
 * whether it lies wholly inside one top-level quote (`inQuote`) and which one (`quote`, an index
 * into `findQuoteSpans(text)`), so callers can tell that consecutive sentences belong together.
 */
import { SPEECH_VERBS } from './claims/lexicons';

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** True when the whole sentence lies inside one top-level quotation (quote marks aside). */
  inQuote: boolean;
  /**
   * Index into `findQuoteSpans(text)` of the top-level quotation that contains the sentence or,
   * failing that, the first one it overlaps ("“…,” he said."); null when it touches none. Consecutive
   * sentences with the same `quote` belong to one quotation.
   */
  quote: number | null;
}

export interface QuoteSpan {
  /** Offset of the opening quote mark. */
  start: number;
  /** Offset just after the closing mark; for an unclosed quote, the end of its paragraph (trimmed). */
  end: number;
  /** The opening mark: “ " ‘ ' « or „. */
  open: string;
  /** False when the paragraph (or text) ended before the quote was closed (news style for quotes that run on). */
  closed: boolean;
  /** 0 for a top-level quote, 1 for a quote inside a quote. */
  depth: number;
}

const TERMINATORS = '.!?…';
const CLOSERS = '"”’\')]»';
const OPENERS = '"“‘\'([«„';

/** Titles and abbreviations that precede a name or noun and never end a sentence. */
const NEVER_FINAL = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'rev',
  'revd',
  'hon',
  'st',
  'mt',
  'ft',
  'sgt',
  'gen',
  'col',
  'lt',
  'capt',
  'cpt',
  'cmdr',
  'adm',
  'maj',
  'gov',
  'sen',
  'rep',
  'reps',
  'pres',
  'supt',
  'insp',
  'det',
  'messrs',
  'mme',
  'mlle',
  'fr',
  'sr',
  'jr',
  'e.g',
  'i.e',
  'cf',
  'viz',
  'approx',
  'ca',
  'vs',
  'v',
]);
/** Abbreviations that can end a sentence: split only when the next word is a typical sentence opener. */
const SOMETIMES_FINAL = new Set([
  'inc',
  'ltd',
  'plc',
  'corp',
  'co',
  'bros',
  'llc',
  'etc',
  'al',
  'dept',
  'univ',
  'ave',
  'blvd',
  'rd',
  'est',
  'govt',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
]);
/** Abbreviations that precede a number ("No. 10", "Art. 5", "p. 12"). */
const BEFORE_NUMBER = new Set(['no', 'nos', 'nr', 'vol', 'vols', 'pp', 'p', 'fig', 'figs', 'art', 'arts', 'ch', 'chap', 'sec', 'para', 'op', 'tel', 'ed']);
/** Words that typically open a sentence: after an ambiguous abbreviation they signal a boundary. */
const OPENER_WORDS = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'this',
  'that',
  'these',
  'those',
  'there',
  'here',
  'but',
  'and',
  'or',
  'so',
  'yet',
  'in',
  'on',
  'at',
  'for',
  'if',
  'when',
  'while',
  'after',
  'before',
  'as',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'some',
  'many',
  'most',
  'meanwhile',
  'however',
  'also',
  'then',
  'now',
  'what',
  'why',
  'how',
  'who',
  'where',
  'one',
  'last',
  'earlier',
  'later',
  'since',
  'although',
  'though',
  'still',
  'both',
  'all',
  'each',
  'every',
  'not',
  'no',
  'officials',
  'shares',
  'analysts',
]);
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const isUpper = (c: string | undefined): boolean => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string | undefined): boolean => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean => c !== undefined && c.toLowerCase() !== c.toUpperCase();
const isWordChar = (c: string | undefined): boolean => isLetter(c) || isDigit(c);

/** The word (letters and inner dots) that ends just before offset `i`. */
function wordBefore(text: string, i: number): string {
  let s = i;
  while (s > 0 && (isLetter(text[s - 1]) || (text[s - 1] === '.' && isLetter(text[s - 2])))) s--;
  return text.slice(s, i);
}

/** The word that starts at offset `m` (after skipping opening quotes and brackets). */
function wordAt(text: string, m: number): { word: string; start: number; opened: boolean } {
  let s = m;
  while (s < text.length && OPENERS.includes(text[s]!)) s++;
  let e = s;
  while (e < text.length && (isWordChar(text[e]) || text[e] === "'" || text[e] === '’')) e++;
  return { word: text.slice(s, e), start: s, opened: s > m };
}

/** After "?"/"!" + closing quote: is what follows a short attribution ("Trump asked.", "he said")? */
function isShortAttribution(text: string, m: number): boolean {
  const rest = text.slice(m, m + 80);
  const stop = rest.search(/[.!?…\n]/);
  const clause = stop < 0 ? rest : rest.slice(0, stop);
  const words = clause.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || words.length > 6) return false;
  return words.some((w) => SPEECH_VERBS.has(w.toLowerCase()));
}

function shouldBreak(text: string, i: number, j: number, k: number, m: number): boolean {
  const term = text.slice(i, j);
  const next = wordAt(text, m);
  const first = text[next.start];
  if (first === undefined) return true;
  // A lower-case continuation is never a new sentence ("approx. five", "“Why?” he asked").
  if (isLower(first)) return false;
  if (!isUpper(first) && !isDigit(first) && !next.opened && !OPENERS.includes(text[m]!)) {
    // Bullets, dashes and symbols: treat as a new sentence unless a closer rule applies below.
    if (!/[\p{P}\p{S}]/u.test(first)) return true;
  }
  const nextIsOpener = next.opened || OPENER_WORDS.has(next.word.toLowerCase());
  const closedQuote = k > j && /["”’']/.test(text.slice(j, k));

  if (term === '.') {
    const prev = wordBefore(text, i);
    const p = prev.toLowerCase();
    if (prev === '') return true; // "in 2014.", "(see above)."
    const beforePrev = text[i - prev.length - 1];
    if (isWordChar(beforePrev)) return true; // part of a token such as "3.Jan" or "x2." – keep simple
    if (closedQuote) return true; // "… he said.” Next" – an abbreviation does not sit inside a closing quote
    if (NEVER_FINAL.has(p)) return false;
    if (BEFORE_NUMBER.has(p) && isDigit(first)) return false;
    if (SOMETIMES_FINAL.has(p)) return nextIsOpener;
    // Initials: "J. K. Rowling", "George W. Bush".
    if (prev.length === 1 && isUpper(prev)) return nextIsOpener && next.word !== 'I';
    // "at 8:51 p.m. (1451 GMT) from …": a time's parenthesis goes on with the sentence.
    if ((p === 'a.m' || p === 'p.m') && text[m] === '(') return false;
    // Dotted acronyms: "U.S.", "U.K.", "a.m.", "D.C." – split only before a typical opener.
    if (prev.includes('.')) return nextIsOpener;
    return true;
  }
  if (term.includes('…') || term.startsWith('..')) {
    // Ellipsis: a new sentence only when a capital, digit or quote follows.
    return true;
  }
  // "?" or "!" (possibly combined): keep “Why not?” Trump asked. together.
  if (closedQuote && isShortAttribution(text, m)) return false;
  return true;
}

/** From a line break at `i`: where the next non-space character is, and whether a blank line came between. */
function afterLineBreak(text: string, i: number): { next: number; blank: boolean } {
  let next = i + 1;
  let blank = false;
  while (next < text.length && isSpace(text[next])) {
    if (text[next] === '\n') blank = true;
    next++;
  }
  return { next, blank };
}

/** Offsets where sentences end (exclusive), before trimming. */
function boundaries(text: string): number[] {
  const cuts: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      // Blank line: always a boundary. Single line break: a boundary before a capital/opener/digit
      // when the line before does not end mid-phrase (comma, hyphen, colon, conjunction).
      const { next: m, blank } = afterLineBreak(text, i);
      if (blank) cuts.push(i);
      else {
        let p = i - 1;
        while (p >= 0 && isSpace(text[p])) p--;
        const last = text[p];
        const nx = text[m];
        if (last !== undefined && !/[,;:\-–—(]/.test(last) && !isLower(nx) && nx !== undefined) cuts.push(i);
      }
      i = m;
      continue;
    }
    if (TERMINATORS.includes(c)) {
      let j = i;
      while (j < n && TERMINATORS.includes(text[j]!)) j++;
      let k = j;
      while (k < n && CLOSERS.includes(text[k]!)) k++;
      if (k >= n) {
        cuts.push(k);
        break;
      }
      if (!isSpace(text[k])) {
        // "… closer to 30 percent.“We have found …": a page that lost the space before an opening
        // quotation still starts a sentence there (a typographic opening mark only: a straight one
        // may close)
        if (k === j && text[k] === '“' && isUpper(text[k + 1]) && shouldBreak(text, i, j, k, k)) cuts.push(k);
        i = Math.max(j, k);
        continue;
      }
      let m = k;
      while (m < n && isSpace(text[m])) m++;
      if (m >= n) {
        cuts.push(k);
        break;
      }
      if (shouldBreak(text, i, j, k, m)) cuts.push(k);
      i = k;
      continue;
    }
    i++;
  }
  return cuts;
}

/**
 * Splits `text` into trimmed sentences with UTF-16 offsets. Each sentence carries `inQuote`/`quote`
 * so a quotation that runs over several sentences can be reassembled by the caller.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const cuts = boundaries(text);
  cuts.push(text.length);
  let from = 0;
  for (const cut of cuts) {
    if (cut <= from) continue;
    let s = from;
    let e = cut;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), inQuote: false, quote: null });
    from = cut;
  }
  const spans = findQuoteSpans(text);
  // Top-level quotes in order of start. Sentences come in order too, so each sentence looks only at
  // the quotes from the first one that does not end before it up to the first that starts after it
  // (looking at every quote for every sentence costs 10,000² steps on a page of 10,000 quotes).
  const top: number[] = [];
  spans.forEach((sp, q) => {
    if (sp.depth === 0) top.push(q);
  });
  let first = 0;
  for (const sent of out) {
    while (first < top.length && spans[top[first]!]!.end < sent.start) first++;
    const [s, e] = withoutMarks(text, sent.start, sent.end);
    let overlap = -1;
    for (let t = first; t < top.length; t++) {
      const q = top[t]!;
      const sp = spans[q]!;
      if (sp.start > sent.end) break;
      if (innerContains(sp, s, e)) {
        sent.inQuote = true;
        sent.quote = q;
        break;
      }
      if (overlap < 0 && sp.start < sent.end && sp.end > sent.start) overlap = q;
    }
    if (!sent.inQuote && overlap >= 0) sent.quote = overlap;
  }
  return out;
}

/** [start, end) without the sentence's own leading opening marks and trailing closing marks. */
function withoutMarks(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && OPENERS.includes(text[s]!)) s++;
  while (e > s && CLOSERS.includes(text[e - 1]!)) e--;
  return [s, e];
}

/** Whether [s, e) lies inside the quote's marks. */
function innerContains(sp: QuoteSpan, s: number, e: number): boolean {
  return s >= sp.start + 1 && e <= (sp.closed ? sp.end - 1 : sp.end);
}

interface Open {
  start: number;
  open: string;
  kind: 'double' | 'single';
}

/**
 * Finds quotations: curly “…”, ‘…’, «…», „…“ and straight "…", '…' (apostrophes in "Putin’s",
 * "don't", "’90s" are not quotes). A quote still open at a blank line or at the end of the text is
 * returned with `closed: false`, ending at its paragraph's end: news style opens each paragraph of
 * a long quotation again and closes only the last. Spans are sorted by start.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: Open[] = [];
  const n = text.length;

  const closeTop = (end: number, closed: boolean): void => {
    const o = stack.pop();
    if (!o) return;
    let e = end;
    if (!closed) while (e > o.start + 1 && isSpace(text[e - 1])) e--;
    spans.push({ start: o.start, end: e, open: o.open, closed, depth: stack.length });
  };
  const closeAllUnbalanced = (end: number): void => {
    while (stack.length) closeTop(end, false);
  };
  const top = (): Open | undefined => stack[stack.length - 1];
  const has = (kind: Open['kind']): boolean => stack.some((o) => o.kind === kind);
  /** Closes (unbalanced) everything above the innermost quote of `kind`, then that quote itself. */
  const closeKind = (kind: Open['kind'], end: number): void => {
    while (stack.length && top()!.kind !== kind) closeTop(end - 1, false);
    closeTop(end, true);
  };

  /** Built on first need: see straightCloserIndex. */
  let lastCloser: Int32Array | undefined;
  /**
   * The white-space run after the last line break looked at: where it ends and its last line
   * break. Each run is scanned once, so a page of line breaks costs linear time, not quadratic.
   */
  let runEnd = -1;
  let runLastBreak = -1;

  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    const prev = text[i - 1];
    const next = text[i + 1];
    const prevOpens = prev === undefined || isSpace(prev) || /[([{\-–—/“‘"'«„:]/.test(prev);
    const nextCloses = next === undefined || isSpace(next) || /[.,;:!?)\]}\-–—…”’"']/.test(next);
    if (c === '\n') {
      if (i >= runEnd) {
        runEnd = i + 1;
        runLastBreak = i;
        while (runEnd < n && isSpace(text[runEnd])) {
          if (text[runEnd] === '\n') runLastBreak = runEnd;
          runEnd++;
        }
      }
      // A blank line (another line break before the next non-space) ends every open quote.
      if (runLastBreak > i) closeAllUnbalanced(i);
      continue;
    }
    switch (c) {
      case '“':
      case '«':
      case '„':
        // Closing „…“ (German style) is rare in English news; treat “ after a word as a closer.
        if (c === '“' && has('double') && !prevOpens && nextCloses) closeKind('double', i + 1);
        else {
          if (c !== '„' && has('double') && top()?.open !== '„') {
            // A second opening mark while one is open: the first was never closed.
            while (has('double')) closeTop(i, false);
          }
          stack.push({ start: i, open: c, kind: 'double' });
        }
        break;
      case '”':
      case '»':
        if (has('double')) closeKind('double', i + 1);
        // A closing mark typed where an opening one belongs, at the start of a paragraph ("”Fear. I am …”").
        else if (c === '”' && (prev === undefined || prev === '\n') && isLetter(next) && closesInParagraph(text, i + 1)) stack.push({ start: i, open: c, kind: 'double' });
        break;
      case '"':
        if (has('double') && (nextCloses || !prevOpens)) closeKind('double', i + 1);
        else if (!has('double') && (!nextCloses || prevOpens) && next !== undefined && !isSpace(next)) stack.push({ start: i, open: c, kind: 'double' });
        else if (has('double')) closeKind('double', i + 1);
        break;
      case '‘':
        if (prevOpens && next !== undefined && !isSpace(next)) stack.push({ start: i, open: c, kind: 'single' });
        break;
      case '’':
      case "'":
        if (c === '’' && next === '’' && has('double') && top()?.kind === 'double' && !prevOpens) {
          // Two right single quotes close a double quotation in some wire copy (“Yes,’’ he said).
          closeKind('double', i + 2);
          i++;
          break;
        }
        if (c === "'" && next === "'") {
          // Two straight single quotes stand for one double quote mark (older newswire style: ''Yes,'' he said).
          const after = text[i + 2];
          const nextCloses2 = after === undefined || isSpace(after) || /[.,;:!?)\]}\-–—…”’"]/.test(after);
          if (has('double') && (nextCloses2 || !prevOpens)) closeKind('double', i + 2);
          else if (!has('double') && after !== undefined && !isSpace(after)) stack.push({ start: i, open: "''", kind: 'double' });
          i++;
          break;
        }
        if (has('single') && !isLetter(next) && !isSpace(prev) && prev !== undefined) closeKind('single', i + 1);
        else if (c === "'" && prevOpens && isLetter(next) && !has('single')) {
          // A straight single quote opens only if a matching closer follows in the same paragraph.
          if (lastCloser === undefined) lastCloser = straightCloserIndex(text);
          if (lastCloser[i]! > i && !/^(?:tis|twas|em|cause|n)\b/i.test(text.slice(i + 1, i + 7))) stack.push({ start: i, open: c, kind: 'single' });
        }
        break;
      default:
        break;
    }
  }
  closeAllUnbalanced(n);
  spans.sort((a, b) => a.start - b.start || a.depth - b.depth);
  return spans;
}

/** Whether a ” follows from `from` before the paragraph's end (each paragraph is scanned at most once per call from its start). */
function closesInParagraph(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === '”') return true;
    if (c === '\n') return false;
  }
  return false;
}

/**
 * For every offset, the offset of the last straight single quote in the same paragraph that could
 * close a quotation (after a non-space, and not followed by a letter or digit: "word' " or ".' "), or
 * -1 when there is none. One backward pass, so deciding whether a straight single quote opens a
 * quotation stays linear in the length of the text.
 */
function straightCloserIndex(text: string): Int32Array {
  const n = text.length;
  const out = new Int32Array(n + 1).fill(-1);
  let last = -1;
  for (let i = n - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n') {
      // A blank line ends the paragraph: closers after it do not count.
      let j = i + 1;
      while (j < n && text[j] !== '\n' && isSpace(text[j])) j++;
      if (text[j] === '\n') last = -1;
      else {
        let k = i - 1;
        while (k >= 0 && text[k] !== '\n' && isSpace(text[k])) k--;
        if (text[k] === '\n') last = -1;
      }
    } else if (c === "'" && i > 0 && !isSpace(text[i - 1]) && !isWordChar(text[i + 1])) {
      const p = text[i - 1]!;
      if (isWordChar(p) ? text[i + 1] === undefined || /[\s.,;:!?)\]—–-]/.test(text[i + 1]!) : true) last = i;
    }
    out[i] = last;
  }
  return out;
}

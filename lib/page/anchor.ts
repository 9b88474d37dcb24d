/**
 * Text-quote anchoring (issue #3): find a quote `{ exact, prefix, suffix }` taken from an extracted
 * paragraph in the live page's text index, pick the best occurrence by its context and an expected
 * position, and return a DOM Range. Pure functions of the index: the DOM is read, never changed.
 *
 * The idea follows hypothesis/client's text-quote selector (exact + prefix/suffix + position hint);
 * the scoring here is a cheap outward character comparison with a few tolerated edits instead of a
 * full approximate-match search, because our quotes always come from the same text Readability read.
 */
import { normalizeWs, rangeFor, type TextIndex } from './text-index';

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export type AnchorQuote = TextQuote & {
  /** Expected relative position of the quote in the page text, 0..1 (e.g. paragraph / paragraphs). */
  hint?: number;
};

const isWs = (c: string): boolean => /\s/.test(c);

/** The quote for `paragraph.slice(start, end)`, with up to `context` characters either side (normalised). */
export function quoteFor(paragraph: string, start: number, end: number, context = 32): TextQuote {
  let s = Math.max(0, Math.min(start, paragraph.length));
  let e = Math.max(s, Math.min(end, paragraph.length));
  while (s < e && isWs(paragraph[s]!)) s++;
  while (e > s && isWs(paragraph[e - 1]!)) e--;
  // Take a little more than `context` raw characters so that collapsing whitespace still leaves enough.
  const prefix = normalizeWs(paragraph.slice(Math.max(0, s - context * 4), s));
  const suffix = normalizeWs(paragraph.slice(e, e + context * 4));
  return {
    exact: normalizeWs(paragraph.slice(s, e)),
    prefix: prefix.slice(Math.max(0, prefix.length - context)),
    suffix: suffix.slice(0, context),
  };
}

/**
 * How well `ctx` matches the text next to a match, in 0..1. `dir` -1 compares `ctx` backwards from
 * its end with the text before `pos`; `dir` 1 compares it forwards with the text from `pos`. A few
 * substitutions, insertions or deletions are tolerated (one skipped character re-synchronises).
 */
function contextScore(text: string, pos: number, ctx: string, dir: 1 | -1): number {
  const n = ctx.length;
  if (!n) {
    // The quote starts/ends its paragraph: expect a boundary on the page too.
    const c = dir < 0 ? text[pos - 1] : text[pos];
    return c === undefined || !WORD.test(c) ? 1 : 0.5;
  }
  let budget = Math.max(2, n >> 3);
  let i = dir < 0 ? n - 1 : 0; // in ctx
  let j = dir < 0 ? pos - 1 : pos; // in text
  let hits = 0;
  while (i >= 0 && i < n && j >= 0 && j < text.length) {
    if (ctx[i] === text[j]) {
      hits++;
      i += dir;
      j += dir;
      continue;
    }
    if (--budget < 0) break;
    if (ctx[i] === text[j + dir])
      j += dir; // extra character on the page
    else if (ctx[i + dir] === text[j])
      i += dir; // missing character on the page
    else {
      i += dir;
      j += dir;
    }
  }
  return hits / n;
}

const WORD = /[\p{L}\p{N}]/u;

/** Penalty when the page continues a word where the paragraph did not (e.g. "Ford" inside "Oxford"). */
function boundaryPenalty(text: string, start: number, end: number, q: TextQuote): number {
  let p = 0;
  const before = text[start - 1];
  const after = text[end];
  const qBefore = q.prefix[q.prefix.length - 1];
  const qAfter = q.suffix[0];
  if (before !== undefined && WORD.test(before) && !(qBefore !== undefined && WORD.test(qBefore))) p += 0.5;
  if (after !== undefined && WORD.test(after) && !(qAfter !== undefined && WORD.test(qAfter))) p += 0.5;
  return p;
}

/** Occurrences of one exact string kept per search (bounds memory on pathological pages). */
const MAX_OCCURRENCES = 100_000;
/**
 * Scoring work allowed for all the quotes together: when it would be exceeded, each quote only
 * looks at the occurrences near its hint (at least 64). A budget per distinct string instead lets a
 * page with a few names repeated thousands of times cost seconds.
 */
const BUDGET = 300_000;
/** Candidates kept per quote for the assignment step. */
const TOP = 6;

function occurrences(text: string, exact: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(exact); at >= 0 && out.length < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    out.push(at);
  }
  return out;
}

/**
 * Where each quote is in `index.text`, as [start, end) offsets (null when its exact text is not
 * there). Quotes with the same exact text share one search, and no two quotes get the same
 * occurrence: the pairs (quote, occurrence) are assigned best score first, so a name mentioned five
 * times lands on five different places. Pure string work, no DOM.
 */
export function locateQuotes(index: { text: string }, quotes: readonly AnchorQuote[]): ([number, number] | null)[] {
  const text = index.text;
  const result: ([number, number] | null)[] = quotes.map(() => null);
  const groups = new Map<string, number[]>();
  quotes.forEach((q, i) => {
    if (!q.exact) return;
    const g = groups.get(q.exact);
    if (g) g.push(i);
    else groups.set(q.exact, [i]);
  });

  for (const [exact, members] of groups) {
    const occ = occurrences(text, exact);
    if (!occ.length) continue;
    const len = text.length || 1;
    const scoreOf = (q: AnchorQuote, at: number): number => {
      let s = contextScore(text, at, q.prefix, -1) + contextScore(text, at + exact.length, q.suffix, 1);
      s -= boundaryPenalty(text, at, at + exact.length, q);
      if (q.hint !== undefined && Number.isFinite(q.hint)) s += 0.3 * (1 - Math.min(1, Math.abs(q.hint - at / len)));
      return s;
    };
    // The occurrences a quote considers: all of them, or (on huge pages) a window around its hint.
    const span = Math.max(64, Math.floor(BUDGET / quotes.length));
    const windowOf = (q: AnchorQuote): [number, number] => {
      if (occ.length <= span) return [0, occ.length];
      const target = (q.hint !== undefined && Number.isFinite(q.hint) ? Math.min(1, Math.max(0, q.hint)) : 0) * len;
      let lo = 0;
      let hi = occ.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (occ[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      const from = Math.max(0, Math.min(lo - (span >> 1), occ.length - span));
      return [from, from + span];
    };
    // Candidate pairs: each quote's best few occurrences.
    const pairs: { q: number; o: number; s: number }[] = [];
    for (const qi of members) {
      const q = quotes[qi]!;
      const top: { q: number; o: number; s: number }[] = [];
      const [from, to] = windowOf(q);
      for (let o = from; o < to; o++) {
        const s = scoreOf(q, occ[o]!);
        if (top.length < TOP || s > top[top.length - 1]!.s) {
          top.push({ q: qi, o, s });
          top.sort((a, b) => b.s - a.s);
          if (top.length > TOP) top.pop();
        }
      }
      pairs.push(...top);
    }
    pairs.sort((a, b) => b.s - a.s || a.o - b.o);
    const taken = new Set<number>();
    const assign = (qi: number, o: number): void => {
      taken.add(o);
      result[qi] = [occ[o]!, occ[o]! + exact.length];
    };
    for (const p of pairs) if (!result[p.q] && !taken.has(p.o)) assign(p.q, p.o);
    // Quotes whose top candidates were all taken: the best free occurrence in their window, if any.
    for (const qi of members) {
      if (result[qi] || taken.size >= occ.length) continue;
      let best = -1;
      let bestScore = -Infinity;
      const [from, to] = windowOf(quotes[qi]!);
      for (let o = from; o < to; o++) {
        if (taken.has(o)) continue;
        const s = scoreOf(quotes[qi]!, occ[o]!);
        if (s > bestScore) {
          bestScore = s;
          best = o;
        }
      }
      if (best >= 0) assign(qi, best);
    }
  }
  return result;
}

/** A DOM Range for each quote (see locateQuotes), or null when it is not on the page. */
export function anchorQuotes(index: TextIndex, quotes: readonly AnchorQuote[]): (Range | null)[] {
  return locateQuotes(index, quotes).map((at) => (at ? rangeFor(index, at[0], at[1]) : null));
}

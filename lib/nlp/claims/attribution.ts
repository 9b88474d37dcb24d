/**
 * Attribution finding (issue #4, "Claims"): who said what in a news article.
 *
 * Pure string code: no DOM, no Node APIs, safe in the background worker. All offsets are UTF-16 code
 * units into the text passed in. The text is a whole article, paragraphs joined by "\n\n".
 *
 * The method is rule-based and works on tokens of one sentence at a time (sentences and quotations
 * come from ../sentences.ts). A cue is a reporting verb or phrase outside any quotation ("said",
 * "told", "according to", "it is understood", ...). Around each cue the finder tries these frames, in
 * this order, and keeps the first that fits:
 *
 *  1. Quote first: `“…,” X said.` / `“…,” said X.` / `“…?” X asked.` The quotation (with every
 *     sentence of it, and across paragraphs when a paragraph ends with the quote still open) is the
 *     content. A quotation that goes on right after the cue clause (`“…,” X added, “…”` or
 *     `“…,” X said. “…”`) belongs to the same attribution, so its content runs to the last mark.
 *  2. Sentence end: `…, X said.` / `…, said X.` / `…, according to X.` The content runs from the
 *     start of the sentence to the comma.
 *  3. Verb first: `X said (that) …`, `X told the BBC (that) …`, `X said: “…”`, `According to X, …`,
 *     `It is understood that …` (no source). The content runs from the cue to the end of the clause.
 *  4. Naming a quotation: `X has hailed Y as “…”`, `X called it “…”`.
 *  5. Participles: `…, adding (that) …` / `…, saying …` and `… but stressed that …` take the source
 *     of the attribution just before them in the same sentence.
 *
 * A quotation with no cue of its own that fills whole sentences joins the attribution of the sentence
 * before it in the same paragraph when that one is a quotation too, and otherwise stands alone with
 * no source. A short quoted phrase inside narration with no cue nearby ("a “reassurance force”") is a
 * term or a scare quote, not speech, and is not reported.
 *
 * The source is the noun phrase next to the cue: a name (a capitalised run, or an NER mention when
 * the caller passes `mentions`), a pronoun, or a determiner phrase whose head is a role noun ("a
 * Downing Street spokesperson", "the French president", "sources", "police"), with an apposition or
 * a relative clause between commas ("Mr Trump's envoy, Steve Witkoff,"). A reported attribution
 * whose source cannot be found is dropped: precision matters more than recall for readers.
 *
 * `kind` is 'quote' when the content is a quotation, or when it holds a quoted stretch of three or
 * more words (mixed quotation: `X said the talks were a “real significant breakthrough”`); a
 * quoted word or two inside reported speech ("a “peace conference”") leaves it 'reported'.
 */
import { findQuoteSpans, splitSentences, type Sentence } from '../sentences';
import { tokenize as tokenizeText } from '../tokenize';
import {
  ABOUT_VERBS,
  ADDRESSEE_VERBS,
  KNOWING,
  PAPERS,
  ISSUED_THINGS,
  ISSUE_VERBS,
  UNINVERTED_VERBS,
  AS_VERBS,
  AUX,
  BELIEF_VERBS,
  CAP_STOP,
  CLAIM_VERBS,
  CLAUSE_ONLY_VERBS,
  CLAUSE_WORDS,
  COLON_VERBS,
  COMMISSIVE_VERBS,
  CUE_ADVERBIALS,
  DETERMINERS,
  EVIDENCE_HEADS,
  EVIDENTIAL_VERBS,
  LABELS,
  MODALS_CONDITIONAL,
  MODALS_FUTURE,
  MODALS_OBLIGATION,
  MODALS_POSSIBILITY,
  MODIFIERS,
  MONTHS,
  NAMING_VERBS,
  NEGATED_SOURCE,
  NOT_ADVERBS,
  OBJECT_PRONOUNS,
  PARTICIPLES,
  PASSIVE_AUX,
  PERFECT_AUX,
  PLAIN_ADVERBS,
  PRESENT_BE,
  PREPOSITIONS,
  REJECT_START,
  ROLE_NOUNS,
  SHARE_MODIFIERS,
  SHARE_WORDS,
  SOURCE_NUMBER_WORDS,
  SPEECH_VERBS,
  STANCE_PARTICIPLES,
  STANCE_PARTICLE_VERBS,
  STANCE_VERBS,
  SUBJECT_PRONOUNS,
  SUBJECT_START,
  SUBORDINATORS,
  THAT_VERBS,
  WEEKDAYS,
} from './lexicons';

/** UTF-16 offsets into the text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export type AttributionKind = 'quote' | 'reported';

export interface Attribution {
  /** 'quote': direct speech in quote marks (or a mixed quotation); 'reported': indirect speech. */
  kind: AttributionKind;
  /** The speaker phrase as written; null when none can be identified. */
  source: Span | null;
  /** The cue ("said", "told Paris Match", "according to", "hailed … as"); null for a quote with no cue. */
  cue: Span | null;
  /**
   * What was said. For a quotation: from just inside the first opening mark to just inside the last
   * closing mark, so a quotation interrupted by its cue, or running over paragraphs, is one span.
   */
  content: Span;
  /** True when the source is a bare pronoun (he, she, they, we, I, it, ...): the caller resolves it. */
  sourceIsPronoun?: boolean;
  /**
   * True when what is attributed is not a statement but a stance, an intention or an act ("X
   * criticized Y", "X wants to …", "X called for …"), or a poll's share ("Sixty-six percent said
   * …"). PolNeAR counts these as attributions; the claims a reader sees are not built from them.
   */
  stance?: boolean;
}

/** A named-entity mention from the NER, offsets into the same text. */
export interface MentionHint {
  start: number;
  end: number;
  type: 'PER' | 'ORG' | 'LOC';
}

export interface FindAttributionOptions {
  mentions?: readonly MentionHint[];
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

interface Tok {
  s: number;
  e: number;
  /** The token as written. */
  w: string;
  /** Lower-cased, with curly apostrophes made straight. */
  l: string;
  /** Inside a top-level quotation (the marks themselves count as outside). */
  q: boolean;
}

/**
 * The sentence's tokens: the project's one tokenizer (../tokenize.ts, Penn Treebank style: clitics
 * and possessives apart, the dots of titles and initials kept), with offsets into the whole text and
 * whether each token stands inside a quotation.
 */
function tokenize(text: string, start: number, end: number, inQuote: Uint8Array): Tok[] {
  return tokenizeText(text.slice(start, end)).map((t) => mk(text, start + t.start, start + t.end, inQuote));
}

function mk(text: string, s: number, e: number, inQuote: Uint8Array): Tok {
  const w = text.slice(s, e);
  return { s, e, w, l: w.toLowerCase().replace(/’/g, "'"), q: inQuote[s] === 1 };
}

/** A capitalised word (not a ticker symbol such as "XAU=" or ".DJI"). */
const isCap = (t: Tok | undefined): boolean => t !== undefined && /^\p{Lu}[\p{L}\p{N}.'’&-]*$/u.test(t.w);
const isWord = (t: Tok | undefined): boolean => t !== undefined && /^[\p{L}\p{N}]/u.test(t.w);
const isNumber = (t: Tok | undefined): boolean => t !== undefined && /^\p{N}/u.test(t.w);
const QUOTE_CHARS = '"“”‘’\'«»„';
const isQuoteMark = (t: Tok | undefined): boolean => t !== undefined && t.w.length === 1 && QUOTE_CHARS.includes(t.w);
const isPossessive = (t: Tok | undefined): boolean => t !== undefined && (t.l === "'s" || t.l === "'");
/** The word without a contraction ("he’s" -> "he"). */
const bare = (t: Tok): string => t.l.replace(/'(?:s|re|ve|ll|d|m)$/, '').replace(/n't$/, '');
/** Can the token open a clause that is the content of a speech verb? */
const opensClause = (t: Tok | undefined): boolean =>
  t !== undefined && (isQuoteMark(t) || SUBJECT_START.has(bare(t)) || SUBJECT_PRONOUNS.has(bare(t)) || (isCap(t) && !CAP_STOP.has(t.l)) || isNumber(t) || ROLE_NOUNS.has(t.l));
/** What can only open a clause, not an object: "that", a quotation, a colon, a subject pronoun ("he", not "his"). */
const opensPlainClause = (t: Tok | undefined): boolean => t !== undefined && (t.l === 'that' || t.w === ':' || isQuoteMark(t) || /^(?:i|he|she|we|they|you|it|there)$/.test(t.l));
const isDash = (t: Tok | undefined): boolean => t !== undefined && (t.w === '–' || t.w === '—' || t.w === '-' || t.w === '--');

// ---------------------------------------------------------------------------------------------------------------
// Quotations

interface QuoteGroup {
  /** Offset of the first opening mark. */
  start: number;
  /** Offset after the last closing mark (or the end of the last paragraph for an open quote). */
  end: number;
  /** Just inside the marks. */
  inner: Span;
  /** Word count of the inner text. */
  nWords: number;
}

const CLOSE_MARKS = '"”’\'»“';

/** Top-level quotations, with a quote left open at a paragraph end joined to its reopening in the next paragraph. */
function quoteGroups(text: string): QuoteGroup[] {
  const spans = findQuoteSpans(text).filter((s) => s.depth === 0);
  const groups: QuoteGroup[] = [];
  let cur: QuoteGroup | null = null;
  let curClosed = true;
  for (const sp of spans) {
    const openLen = sp.open.length;
    const innerStart = sp.start + openLen;
    let innerEnd = sp.end;
    if (sp.closed) {
      if (/^(?:''|’’)$/.test(text.slice(sp.end - 2, sp.end)) && sp.end - 2 > innerStart) innerEnd = sp.end - 2;
      else if (CLOSE_MARKS.includes(text[sp.end - 1]!)) innerEnd = sp.end - 1;
      if (innerEnd < innerStart) innerEnd = innerStart;
    }
    if (cur && !curClosed && /^\s*$/.test(text.slice(cur.end, sp.start)) && /\n\s*\n/.test(text.slice(cur.end, sp.start))) {
      cur.end = sp.end;
      cur.inner.end = innerEnd;
    } else {
      if (cur) groups.push(cur);
      cur = { start: sp.start, end: sp.end, inner: { start: innerStart, end: innerEnd }, nWords: 0 };
    }
    curClosed = sp.closed;
  }
  if (cur) groups.push(cur);
  for (const g of groups) g.nWords = (text.slice(g.inner.start, g.inner.end).match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return groups;
}

// ---------------------------------------------------------------------------------------------------------------
// The finder

interface Found extends Attribution {
  /** Index of the sentence the cue is in. */
  sent: number;
}

interface Ctx {
  text: string;
  sents: Sentence[];
  toks: Tok[][];
  groups: QuoteGroup[];
  /** For each offset: index of the quote group covering it, or -1. */
  groupAt: Int32Array;
  mentionEnd: Map<number, MentionHint>;
  mentionStart: Map<number, MentionHint>;
  /** Paragraph index of each sentence. */
  para: number[];
}

/**
 * Finds the attributions in an article: direct quotations with their speaker and cue, and reported
 * speech ("X said that …", "according to X, …"). Sorted by content start.
 */
export function findAttributions(text: string, opts: FindAttributionOptions = {}): Attribution[] {
  if (!text) return [];
  const groups = quoteGroups(text);
  const groupAt = new Int32Array(text.length + 1).fill(-1);
  const inQuote = new Uint8Array(text.length + 1);
  groups.forEach((g, gi) => {
    for (let i = g.start; i < g.end; i++) groupAt[i] = gi;
    for (let i = g.inner.start; i < g.inner.end; i++) inQuote[i] = 1;
  });
  const sents = splitSentences(text);
  const para: number[] = [];
  let p = 0;
  let last = 0;
  for (const s of sents) {
    if (/\n\s*\n/.test(text.slice(last, s.start))) p++;
    para.push(p);
    last = s.end;
  }
  const mentionEnd = new Map<number, MentionHint>();
  const mentionStart = new Map<number, MentionHint>();
  for (const m of opts.mentions ?? []) {
    if (m.end <= m.start || m.end > text.length) continue;
    mentionEnd.set(m.end, m);
    mentionStart.set(m.start, m);
  }
  const ctx: Ctx = {
    text,
    sents,
    toks: sents.map((s) => tokenize(text, s.start, s.end, inQuote)),
    groups,
    groupAt,
    mentionEnd,
    mentionStart,
    para,
  };

  const found: Found[] = [];
  for (let si = 0; si < sents.length; si++) found.push(...sentenceAttributions(ctx, si));
  const kept = dropOverlaps(found);
  attachLooseQuotes(ctx, kept);
  kept.sort((a, b) => a.content.start - b.content.start);
  return kept.map(({ sent: _sent, ...a }) => finish(text, a));
}

function finish(text: string, a: Attribution): Attribution {
  const out: Attribution = { kind: a.kind, source: a.source, cue: a.cue, content: trimSpan(text, a.content) };
  if (a.stance) out.stance = true;
  if (a.source) {
    const s = text.slice(a.source.start, a.source.end).toLowerCase();
    if (SUBJECT_PRONOUNS.has(s)) out.sourceIsPronoun = true;
  }
  return out;
}

/** Trims white space, and a comma or colon left at either end, from a content span. */
function trimSpan(text: string, sp: Span): Span {
  let s = sp.start;
  let e = sp.end;
  while (s < e && /[\s,:;]/.test(text[s]!)) s++;
  while (e > s && /[\s,:;–—-]/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** Keeps the first of any two attributions whose contents overlap, then the rest in order. */
function dropOverlaps(found: Found[]): Found[] {
  const kept: Found[] = [];
  // The kept contents never overlap, so sorted by start they are sorted by end too: the only one
  // that can overlap a new content is the last to start before its end (a binary search, where
  // comparing with every kept one costs quadratic time on a page of thousands of quotes).
  const byStart: Span[] = [];
  for (const f of found) {
    const c = f.content;
    if (c.end <= c.start) continue;
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.start < c.end) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && byStart[lo - 1]!.end > c.start) continue;
    byStart.splice(lo, 0, { start: c.start, end: c.end });
    kept.push(f);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------------------------
// One sentence

const span = (a: Tok, b: Tok): Span => ({ start: a.s, end: b.e });

function sentenceAttributions(ctx: Ctx, si: number): Found[] {
  const toks = ctx.toks[si]!;
  const out: Found[] = [];
  const n = toks.length;
  let i = 0;
  // A transcript line: "WALLACE: Let's start with …" (a speaker's name in capitals opening its paragraph).
  const line = transcriptLine(ctx, si) ?? colonHeadline(ctx, si);
  if (line) return [line.att];
  while (i < n) {
    const t = toks[i]!;
    if (t.q || isQuoteMark(t)) {
      i++;
      continue;
    }
    const f = tryCue(ctx, si, i, out);
    if (f) {
      // A cue clause at the end of the sentence is the outer attribution: it replaces any attribution
      // found earlier inside its content ("The PM told leaders that …, a spokesperson said.").
      if (f.outer) {
        const c = f.att.content;
        for (let k = out.length - 1; k >= 0; k--) if (out[k]!.content.start < c.end && c.start < out[k]!.content.end) out.splice(k, 1);
      }
      out.push(f.att);
      i = Math.max(i + 1, f.next);
    } else i++;
  }
  return out;
}

interface Try {
  att: Found;
  /** Token index to continue scanning from. */
  next: number;
  /** The cue closes the sentence and its content is what came before. */
  outer?: boolean;
}

function tryCue(ctx: Ctx, si: number, i: number, before: Found[]): Try | null {
  const toks = ctx.toks[si]!;
  const t = toks[i]!;
  const l = t.l;
  // "the party advocates states' rights", "the reports' authors": a plural's possessive is a noun.
  const next = toks[i + 1];
  const after = toks[i + 2];
  if (next && next.s === t.e && (next.w === "'" || next.w === '’') && l.endsWith('s') && after && after.s > next.e && isWord(after) && !after.q) return null;
  // "according to X"
  if (l === 'according' && toks[i + 1]?.l === 'to') return accordingTo(ctx, si, i);
  // "In X's words, …", "in the words of X: …", "As X put it, …"
  if (l === 'in' || (l === 'as' && i === 0)) {
    const f = inWordsOf(ctx, si, i) ?? (l === 'in' ? inPoll(ctx, si, i) : null);
    if (f) return f;
  }
  // "it is understood / believed / thought that …"
  if (l === 'it' && PASSIVE_AUX.has(toks[i + 1]?.l ?? '') && /^(?:understood|believed|thought|expected|reported|said|known)$/.test(toks[i + 2]?.l ?? '') && toks[i + 3]?.l === 'that')
    return itIsUnderstood(ctx, si, i);
  // "X has learned that …" (a news organisation's own reporting)
  if ((l === 'learned' || l === 'learnt') && AUX.has(toks[i - 1]?.l ?? '') && toks[i + 1]?.l === 'that') {
    return verbFirst(ctx, si, i - 1, i, 'speech');
  }
  // "Asked about the plan, she said …", "Smith was asked whether …": a question put to someone.
  if (l === 'asked') {
    const f = askedFrame(ctx, si, i);
    if (f) return f;
  }
  // A capitalised verb is a title-case headline word or a name ("United States"), not a cue, except
  // in a headline that names its speaker ("Clinton Says Russians Hacked DNC") and in an inverted
  // opening ("Said Dorothy Poynter, who grew up with Ali, “We were all so proud of him.”").
  if (isCap(t)) return SPEECH_VERBS.has(l) ? (i === 0 ? saidFirst(ctx, si) : titleCase(ctx, si, i)) : null;
  // The progressive: "The White House is saying that …", "Trump is warning voters that …", "He’s
  // claiming that …", "isn’t saying if …".
  if (PARTICIPLES.has(l)) {
    let b = i - 1;
    if (toks[b]?.l === "n't" || toks[b]?.l === 'not') b--;
    if (b < i - 1 || PROGRESSIVE_BE.has(toks[b]?.l ?? '')) {
      const f = PROGRESSIVE_BE.has(toks[b]?.l ?? '') && !toks[b]!.q ? verbFirst(ctx, si, b, i, 'speech') : null;
      if (f) return f;
    }
    return participle(ctx, si, i, before);
  }
  if (STANCE_PARTICIPLES.has(l)) return asStance(participle(ctx, si, i, before));
  // "staffers who reported for duty", "reported to work": not speech.
  if (/^report/.test(l) && /^(?:for|to|back)$/.test(toks[i + 1]?.l ?? '')) return null;
  // "if Trump agrees to Beijing's demands", "agreed on a deal", "agreed with the board": accepting,
  // not saying ("agreed with Ivana Trump that there was no reason …" says something)
  if (/^agree/.test(l) && /^(?:to|with|on)$/.test(toks[i + 1]?.l ?? '') && !toInfinitive(toks, i + 1) && !toks.slice(i + 2, i + 8).some((u) => u.l === 'that' && !u.q)) return null;
  if (SPEECH_VERBS.has(l)) {
    // ("went on to say" is left out for simplicity; "pointed out that" is read below.)
    const q = quoteFirst(ctx, si, i) ?? sentenceFinal(ctx, si, i);
    if (q) return q;
    // "He also agreed to return the cash", "he later asked the company to unwind the deal": a
    // promise or a request, not a statement, even where the verb can also report speech.
    const commissive = COMMISSIVE_VERBS.has(l) && toInfinitive(toks, i + 1);
    const f = commissive ? null : (verbFirst(ctx, si, i, i, 'speech') ?? naming(ctx, si, i, before) ?? coordinated(ctx, si, i, before));
    if (f || !(STANCE_VERBS.has(l) || commissive)) return f;
    // "He pledged to be …", "They urged him to resign": a promise or a request, not a statement.
    return stanceVerb(ctx, si, i);
  }
  if (COMMISSIVE_VERBS.has(l) && toInfinitive(toks, i + 1)) return stanceVerb(ctx, si, i);
  // "Trump is expected to win …", "Sanders is seen as …": a forecast or a view with no one named holding it.
  if ((l === 'expected' && toks[i + 1]?.l === 'to') || (/^(?:seen|viewed|regarded)$/.test(l) && toks[i + 1]?.l === 'as')) {
    const f = expectedTo(ctx, si, i);
    if (f) return f;
  }
  // "X pointed out that …", a statement (not "pointed out the window", nor "pointed out" a thing,
  // which STANCE_PARTICLE_VERBS reads): "that", a quotation or a colon after it, or an addressee and
  // then "that" ("pointed out to reporters that …")
  if ((l === 'pointed' || l === 'points' || l === 'point') && toks[i + 1]?.l === 'out' && !toks[i + 1]!.q && pointedOutThat(toks, i + 2)) {
    const f = verbFirst(ctx, si, i, i + 1, 'speech');
    if (f) return f;
  }
  // "X made (it) clear (that) …"
  if ((l === 'made' || l === 'makes') && (toks[i + 1]?.l === 'clear' || (toks[i + 1]?.l === 'it' && toks[i + 2]?.l === 'clear'))) {
    const f = verbFirst(ctx, si, i, toks[i + 1]!.l === 'clear' ? i + 1 : i + 2, 'speech');
    if (f) return f;
  }
  // "Trump’s criticism of …", "his call for …", "Clinton’s claim that …": a noun cue with a possessive source.
  if (NOMINAL_CUES.has(l) && (isPossessive(toks[i - 1]) || /^(?:his|her|their|its)$/.test(toks[i - 1]?.l ?? ''))) {
    const f = nominalCue(ctx, si, i);
    if (f) return f;
  }
  // "X took aim at …", "took issue with …", "went after …"
  if (/^(?:took|takes|take|taking)$/.test(l) && ((toks[i + 1]?.l === 'aim' && toks[i + 2]?.l === 'at') || (toks[i + 1]?.l === 'issue' && toks[i + 2]?.l === 'with')))
    return stanceVerb(ctx, si, i, i + 2);
  if (/^(?:went|goes|go)$/.test(l) && toks[i + 1]?.l === 'after' && !isNumber(toks[i + 2])) return stanceVerb(ctx, si, i, i + 1);
  // "X spoke about …", "talked about …"
  if (ABOUT_VERBS.has(l) && (toks[i + 1]?.l === 'about' || toks[i + 1]?.l === 'of')) return stanceVerb(ctx, si, i);
  if (BELIEF_VERBS.has(l)) return verbFirst(ctx, si, i, i, 'belief');
  if (THAT_VERBS.has(l) && toks[i + 1]?.l === 'that') return verbFirst(ctx, si, i, i, 'speech');
  // "X commented: “…”", "The tweet reads, “…”": verbs that introduce speech only before a quotation.
  if (COLON_VERBS.has(l)) {
    if ((toks[i + 1]?.w === ':' || toks[i + 1]?.w === ',') && isQuoteMark(toks[i + 2])) return verbFirst(ctx, si, i, i, 'speech');
    // After a quotation, too: "“We worked on …,” comments Robin Biesbroek", "“…,” the statement read".
    const q = quoteFirst(ctx, si, i);
    if (q) return q;
  }
  if (NAMING_VERBS.has(l)) {
    const f = naming(ctx, si, i, before);
    if (f) return f;
  }
  // "the resort, now known as Trump National Doral": a name given by no one in particular.
  if ((l === 'known' || l === 'dubbed' || l === 'nicknamed') && toks[i + 1]?.l === (l === 'known' ? 'as' : toks[i + 1]?.l)) {
    const f = knownAs(ctx, si, i);
    if (f) return f;
  }
  if (STANCE_VERBS.has(l) || (STANCE_PARTICLE_VERBS.has(l) && /^(?:for|to|on|out|against)$/.test(toks[i + 1]?.l ?? ''))) return stanceVerb(ctx, si, i);
  return null;
}

/**
 * A to-infinitive right after a verb, or after its object ("vowed to fight", "urged Congress to act",
 * "asked the court to block it"): at most five words of object, then "to" and a lower-case verb.
 */
function toInfinitive(toks: Tok[], j: number): boolean {
  for (let k = j; k < toks.length && k <= j + 5; k++) {
    const t = toks[k]!;
    if (t.q || !(isWord(t) || isPossessive(t))) return false;
    if (t.l === 'to') {
      const v = toks[k + 1];
      return v !== undefined && !v.q && /^\p{Ll}+$/u.test(v.w) && !DETERMINERS.has(v.l) && !SUBJECT_PRONOUNS.has(v.l) && !OBJECT_PRONOUNS.has(v.l);
    }
    // "warned that shortages forced guards to work": a clause after the verb holds the infinitive, not the verb.
    if (CLAUSE_WORDS.has(t.l) || (k > j && PREPOSITIONS.has(t.l))) return false;
  }
  return false;
}

/** "to" + a verb + its object at token k ("to increase the weight", "to make it"): an infinitive of purpose. */
function purposeAt(toks: Tok[], k: number): boolean {
  const v = toks[k + 1];
  const o = toks[k + 2];
  if (!v || !o || v.q || o.q || !/^\p{Ll}+$/u.test(v.w) || DETERMINERS.has(v.l) || OBJECT_PRONOUNS.has(v.l) || SUBJECT_PRONOUNS.has(v.l)) return false;
  return DETERMINERS.has(o.l) || (OBJECT_PRONOUNS.has(o.l) && !/s$/.test(o.l)) || o.l === 'it';
}

function groupOf(ctx: Ctx, tok: Tok | undefined): number {
  return tok ? ctx.groupAt[tok.s]! : -1;
}

/** The quotation that opens at the token `u` (an opening mark outside any quotation), or null. */
function quotationOpeningAt(ctx: Ctx, u: Tok): QuoteGroup | null {
  const g = isQuoteMark(u) && !u.q ? groupOf(ctx, u) : -1;
  return g >= 0 && ctx.groups[g]!.start === u.s ? ctx.groups[g]! : null;
}

function mkFound(ctx: Ctx, si: number, kind: AttributionKind | null, source: Span | null, cue: Span | null, content: Span): Found {
  // A quotation opened inside the content and left open at the paragraph's end goes on in the next
  // paragraph ("Pompeo said the release “gives us hope …¶“We see these developments …”"): the
  // content runs to its last mark.
  for (let gi = groupFrom(ctx, content.start - 1); gi < ctx.groups.length; gi++) {
    const g = ctx.groups[gi]!;
    if (g.start >= content.end) break;
    if (g.start >= content.start - 1 && g.inner.end > content.end && /\n\s*\n/.test(ctx.text.slice(content.end, g.inner.end))) content = { start: content.start, end: g.inner.end };
  }
  return { kind: kind ?? kindOf(ctx, content), source, cue, content, sent: si };
}

/**
 * A quotation that ends with a question or an exclamation and fills the sentence before, in the
 * same paragraph: its cue opens the next sentence ("“Can I give it to James?” Brooke asked.").
 */
function questionBefore(ctx: Ctx, si: number): number {
  if (si === 0 || ctx.para[si - 1] !== ctx.para[si]) return -1;
  const pt = ctx.toks[si - 1]!;
  const last = pt[pt.length - 1];
  if (!last || !isQuoteMark(last) || !/[?!]$/.test(pt[pt.length - 2]?.w ?? '')) return -1;
  const g = groupOf(ctx, last);
  if (g < 0 || ctx.groups[g]!.end !== last.e || !startsSentence(ctx, ctx.groups[g]!)) return -1;
  return g;
}

/** 'quote' when the content holds a quotation of three words or more, else 'reported'. */
/** Index of the first quote group that starts at or after `pos` (binary search: the groups are in order). */
function groupFrom(ctx: Ctx, pos: number): number {
  let lo = 0;
  let hi = ctx.groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.groups[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function kindOf(ctx: Ctx, content: Span): AttributionKind {
  for (let gi = groupFrom(ctx, content.start - 1); gi < ctx.groups.length; gi++) {
    const g = ctx.groups[gi]!;
    if (g.start >= content.end) break;
    if (g.end > content.start && g.start >= content.start - 1 && g.nWords >= 3) return 'quote';
  }
  return 'reported';
}

/** Is the token the end of a closing quote mark (a quotation's last token)? Returns the group index. */
function closedGroupBefore(ctx: Ctx, toks: Tok[], k: number): number {
  // Accept `,”`, `”,`, `?”`, `”` before position k.
  let j = k - 1;
  if (toks[j]?.w === ',') j--;
  const t = toks[j];
  if (!t || !isQuoteMark(t)) return -1;
  const g = groupOf(ctx, t);
  if (g < 0 || ctx.groups[g]!.end !== t.e) return -1;
  return g;
}

// ---------------------------------------------------------------------------------------------------------------
// Frame 1: “…,” X said. / “…,” said X.

/** A manner or time adverb between a source and its cue ("Brooke tearfully asked"). */
const isAdverb = (t: Tok | undefined): boolean =>
  t !== undefined && !t.q && !isCap(t) && (PLAIN_ADVERBS.has(t.l) || (t.l.length >= 6 && t.l.endsWith('ly') && !ROLE_NOUNS.has(t.l) && !NOT_ADVERBS.has(t.l)));

/**
 * Whether a word that can be a verb of speech or belief is a noun or part of a name where it stands:
 * capitalised ("the United States", "Claims Conference"), after a determiner ("the report", "his
 * notes") or before "tank" ("a think tank").
 */
function nounUse(toks: Tok[], k: number): boolean {
  const u = toks[k]!;
  if (isCap(u)) return true;
  const prev = toks[k - 1];
  if (prev && !prev.q && (DETERMINERS.has(prev.l) || isPossessive(prev))) return true;
  return /^tanks?$/.test(toks[k + 1]?.l ?? '');
}

/**
 * `“…,” NP said`, where the phrase between the quotation and the cue is longer than a name: a
 * description and a name ("lead researcher and NASA planetary scientist Lucas Paganini said"), or a
 * name with an apposition ("Geoffrey Berman, the U.S. attorney for the Southern District, said").
 * Returns the token range of the phrase and the quotation's group, or null.
 */
function longSourceAfterQuote(ctx: Ctx, toks: Tok[], cueStart: number): { from: number; to: number; g: number } | null {
  let named = false;
  let comma = false;
  for (let k = cueStart - 1; k >= 1 && k >= cueStart - 30; k--) {
    const u = toks[k]!;
    const abbrevDot = u.w === '.' && toks[k - 1] !== undefined && toks[k - 1]!.e === u.s && isCap(toks[k - 1]) && toks[k + 1]?.w === ',';
    if (u.q || isQuoteMark(u) || (/^[.;:!?]$/.test(u.w) && !abbrevDot) || ((SPEECH_VERBS.has(u.l) || BELIEF_VERBS.has(u.l)) && !nounUse(toks, k))) break;
    // A verb or a relative clause before any comma is a clause, not a phrase naming someone:
    // "“Meth. We’re on it” is rolling out with billboards in which people say" (an apposition may
    // hold one: "Berman, who is the U.S. attorney, said").
    if (u.w === ',') comma = true;
    if (!comma && (AUX.has(u.l) || u.l === 'which' || u.l === 'that')) break;
    if (isCap(u) || ROLE_NOUNS.has(u.l)) named = true;
    const g = closedGroupBefore(ctx, toks, k);
    if (g >= 0) {
      let to = cueStart - 1;
      if (toks[to]!.w === ',') to--;
      return named && to >= k ? { from: k, to, g } : null;
    }
  }
  return null;
}

function quoteFirst(ctx: Ctx, si: number, ci: number): Try | null {
  const toks = ctx.toks[si]!;
  let cueStart = ci;
  while (cueStart > 0 && (AUX.has(toks[cueStart - 1]!.l) || isAdverb(toks[cueStart - 1])) && !toks[cueStart - 1]!.q) cueStart--;
  // Source before the cue, right after the quotation.
  let g = -1;
  let source: Span | null = null;
  let sourceEnd = ci;
  const src = sourceBefore(ctx, toks, cueStart, true);
  if (src) {
    g = closedGroupBefore(ctx, toks, src.from);
    if (g < 0 && src.from === 0) g = questionBefore(ctx, si);
    if (g >= 0) source = src.span;
    else if (toks[src.from - 1]?.w === ',' && !toks[src.from - 1]!.q) {
      // “…,” Kurinji Selvaraj, a research analyst at the think tank told CBS News: the phrase found is
      // the apposition of a name right after the quotation, and the name with it is the source.
      const name = nameEndingAt(ctx, toks, src.from - 2);
      const h = name >= 0 ? closedGroupBefore(ctx, toks, name) : -1;
      if (h >= 0) {
        g = h;
        source = { start: toks[name]!.s, end: src.span.end };
      }
    }
  }
  if (g < 0) {
    // Inverted: “…,” said X (never “…,” told X: X is who was told).
    g = UNINVERTED_VERBS.has(toks[ci]!.l) ? -1 : closedGroupBefore(ctx, toks, cueStart);
    if (g < 0 && cueStart === 0) g = questionBefore(ctx, si);
    if (g >= 0) {
      const after = sourceAfter(ctx, toks, ci + 1);
      if (!after) return null;
      source = after.span;
      sourceEnd = after.to - 1;
    } else {
      const long = longSourceAfterQuote(ctx, toks, cueStart);
      if (!long) return null;
      g = long.g;
      source = span(toks[long.from]!, toks[long.to]!);
    }
  }
  const grp = ctx.groups[g]!;
  // The quotation must be all there is before the cue clause, or all after a lead-in that ends with
  // a colon ("Phoning in from London, Harper remembered the anxiety: “…,” Harper said."); "The PM
  // said the talks showed a “sense of unity”, a spokesperson said." is the sentence-final frame.
  if (!startsSentence(ctx, grp, true)) return null;
  const cueEnd = cueTail(toks, ci, sourceEnd);
  const cue = span(toks[cueStart]!, toks[cueEnd.last]!);
  let content: Span = { ...grp.inner };
  let next = cueEnd.next;
  // The quotation goes on after the cue clause: “…,” X added, “…” or “…,” X said. “…”
  const cont = continuation(ctx, si, next);
  if (cont) {
    content = { start: content.start, end: cont.end };
    next = cont.next;
  }
  // Include earlier sentences of the same quotation: the group already covers them.
  return { att: mkFound(ctx, si, 'quote', source, cue, content), next };
}

/**
 * Does the quotation open a sentence (possibly after a dash or bullet)? With `leadIn`, also when it
 * follows a clause of narration that ends with a colon and holds no quotation mark of its own.
 */
function startsSentence(ctx: Ctx, g: QuoteGroup, leadIn = false): boolean {
  let lo = 0;
  let hi = ctx.sents.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.sents[mid]!.start <= g.start) lo = mid;
    else hi = mid - 1;
  }
  const s = ctx.sents[lo];
  if (s === undefined) return false;
  const before = ctx.text.slice(s.start, g.start);
  return /^[\s\-–—•*]*$/.test(before) || (leadIn && /:\s*$/.test(before) && !/["“”‘«»„]/.test(before));
}

/**
 * After the cue (and source), the tokens that still belong to the cue clause: an addressee and
 * short adverbials ("told Paris Match", "said in a statement on Tuesday"). Returns the last token
 * of the cue and where scanning continues.
 */
function cueTail(toks: Tok[], ci: number, sourceEnd: number): { last: number; next: number } {
  let last = ci;
  let j = Math.max(ci, sourceEnd) + 1;
  // "told Paris Match", "told the BBC", "told reporters"
  if (ADDRESSEE_VERBS.has(toks[ci]!.l) && sourceEnd <= ci) {
    const obj = objectAfter(toks, ci + 1);
    if (obj > ci + 1) {
      last = obj - 1;
      j = obj;
    }
  }
  return { last, next: j };
}

/** The end (exclusive token index) of an addressee after `told`: a pronoun, or a noun phrase of up to five words. */
function objectAfter(toks: Tok[], j: number): number {
  const t = toks[j];
  if (!t || t.q) return j;
  if (OBJECT_PRONOUNS.has(t.l)) return j + 1;
  if (SUBJECT_PRONOUNS.has(bare(t)) || t.l === 'that') return j;
  let k = j;
  if (DETERMINERS.has(t.l)) k++;
  while (k < toks.length && k < j + 6) {
    const u = toks[k]!;
    if (u.q || !(isWord(u) || isPossessive(u))) break;
    if (
      (k > j && DETERMINERS.has(u.l)) ||
      u.l === 'that' ||
      SUBJECT_PRONOUNS.has(bare(u)) ||
      CLAUSE_WORDS.has(u.l) ||
      PREPOSITIONS.has(u.l) ||
      AUX.has(u.l) ||
      PASSIVE_AUX.has(u.l) ||
      finiteAux(toks, k)
    )
      break;
    k++;
  }
  return k > j && !(k === j + 1 && DETERMINERS.has(t.l)) ? k : j;
}

/** A finite auxiliary ("does", "will", "was"; the tokens split off "n't"): it ends an addressee ("told NPR Hamza bin Laden had …"). */
const FINITE_AUX = new Set(
  // (whole words, as tokens come: "n't" and "'s" stand apart; not "need" or "ought", nouns and full verbs too)
  ['do', 'does', 'did', 'was', 'were', ...PRESENT_BE, ...PERFECT_AUX, ...MODALS_POSSIBILITY, ...MODALS_OBLIGATION, ...MODALS_FUTURE, ...MODALS_CONDITIONAL].filter(
    (w) => /^[a-z]+$/.test(w) && !/^(?:need|needs|ought|gonna)$/.test(w),
  ),
);
/** Whether token `k` is a finite auxiliary; not a name that is spelt like one ("told Theresa May the deal …", "told Do Kwon"). */
const finiteAux = (toks: Tok[], k: number): boolean => !toks[k]!.q && (k === 0 || !isCap(toks[k])) && (FINITE_AUX.has(toks[k]!.l) || toks[k + 1]?.l === "n't");

/**
 * A quotation that continues the one just attributed: after the cue clause comes `,` or `.` (or
 * `:`), then a quotation that starts its sentence or follows the comma, in the same paragraph.
 * Further quotation-only sentences right after it join too. Returns the new content end.
 */
function continuation(ctx: Ctx, si: number, j: number): { end: number; next: number } | null {
  const toks = ctx.toks[si]!;
  // Skip short adverbials after the cue ("in an interview", "on Tuesday") up to punctuation.
  let k = j;
  let steps = 0;
  while (k < toks.length && isWord(toks[k]) && !toks[k]!.q && steps < 8) {
    k++;
    steps++;
  }
  const punct = toks[k];
  let end = -1;
  let next = k;
  if (punct && (punct.w === ',' || punct.w === ':') && isQuoteMark(toks[k + 1])) {
    const g = groupOf(ctx, toks[k + 1]);
    if (g >= 0 && ctx.groups[g]!.start === toks[k + 1]!.s) {
      end = ctx.groups[g]!.inner.end;
      next = toks.length;
    }
  } else if (punct === undefined || punct.w === '.' || (k === toks.length - 1 && /^[.!?]$/.test(punct.w))) {
    // The sentence ends after the cue clause: the next sentence may open with the quotation again.
    if (k < toks.length - 1 && punct !== undefined) return null;
  } else return null;
  // Following sentences in the same paragraph that are wholly quotation.
  let sj = si;
  while (sj + 1 < ctx.sents.length && ctx.para[sj + 1] === ctx.para[si]) {
    const s = ctx.sents[sj + 1]!;
    const g = ctx.groupAt[s.start]!;
    if (g < 0 || (end >= 0 && ctx.groups[g]!.inner.end <= end)) {
      if (g >= 0 && end >= 0 && ctx.groups[g]!.inner.end <= end) {
        sj++;
        continue;
      }
      break;
    }
    const grp = ctx.groups[g]!;
    if (grp.start !== s.start || !wholeSentencesQuote(ctx, grp, sj + 1)) break;
    end = grp.inner.end;
    sj++;
  }
  return end >= 0 ? { end, next } : null;
}

/** Does the quotation fill every sentence it touches (no narration after its close in its last sentence)? */
function wholeSentencesQuote(ctx: Ctx, g: QuoteGroup, fromSent: number): boolean {
  for (let k = fromSent; k < ctx.sents.length; k++) {
    const s = ctx.sents[k]!;
    if (s.start >= g.end) break;
    if (s.end > g.end) return /^[\s.!?…]*$/.test(ctx.text.slice(g.end, s.end));
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Frame 2: …, X said. / …, said X. (cue clause at the end of the sentence)

function sentenceFinal(ctx: Ctx, si: number, ci: number): Try | null {
  const toks = ctx.toks[si]!;
  let cueStart = ci;
  while (cueStart > 0 && AUX.has(toks[cueStart - 1]!.l)) cueStart--;
  let source: Span | null;
  let from: number;
  let sourceEnd = ci;
  // An adverb between the source and the cue ("Climate change, Mr. Obama often says, is …").
  let srcEnd = cueStart;
  while (srcEnd > 0 && isAdverb(toks[srcEnd - 1]) && !toks[srcEnd - 1]!.q) srcEnd--;
  let src = sourceBefore(ctx, toks, srcEnd, true);
  const ap = !src && toks[cueStart - 1]?.w === ',' ? appositive(ctx, toks, cueStart - 1) : null;
  // "…, a spokeswoman, Anna Richardson White, said on Saturday, and …": a source with an apposition.
  if (ap && toks[ap.from - 1]?.w === ',' && ap.from >= 3) src = ap;
  // `,”` before the cue clause closes a quotation that ends the content: “…,” said X after narration.
  // A closing mark of two apostrophes ('' in the New York Times' style) is two tokens.
  const commaQuote = (k: number): boolean => {
    if (!isQuoteMark(toks[k]) || toks[k]!.q) return false;
    const b = toks[k - 1]?.w === "'" && toks[k]!.w === "'" && toks[k - 1]!.e === toks[k]!.s ? k - 1 : k;
    return toks[b - 1]?.w === ',';
  };
  // "…, as police have said.": the cue clause opens with "as".
  const asBefore = src !== null && toks[src.from - 1]?.l === 'as' && !toks[src.from - 1]!.q && toks[src.from - 2]?.w === ',';
  if (src && (toks[src.from - 1]?.w === ',' || isDash(toks[src.from - 1]) || commaQuote(src.from - 1) || asBefore)) {
    source = src.span;
    from = asBefore ? src.from - 2 : src.from - 1;
  } else if (toks[cueStart - 1]?.w === ',' || commaQuote(cueStart - 1)) {
    // A sentence that opens with a name and its apposition up to the cue ("Charles Simpson, program
    // administrator for …, told Polygraph.info the Russian Defense Ministry’s allegations are false")
    // has its source there: what follows the cue is no source but the recipient and the content.
    if (ap && ap.from === 0) return null;
    // "…, told CBS News.": who was told, not who told.
    if (UNINVERTED_VERBS.has(toks[ci]!.l)) return null;
    const after = sourceAfter(ctx, toks, ci + 1);
    if (!after) return null;
    // "…, said Mr Smith." / "…, said Mr Smith, the party's chairman." / "…, said Mr Smith on Tuesday."
    let m = after.to;
    const nx = toks[m];
    if (nx && isWord(nx)) {
      if (!PREPOSITIONS.has(nx.l) && !CUE_ADVERBIALS.has(nx.l)) return null;
      while (m < toks.length && isWord(toks[m]) && m < after.to + 6) m++;
      if (m < toks.length - 1 || (toks[m] && !/^[.!?]$/.test(toks[m]!.w))) return null;
    }
    source = after.span;
    sourceEnd = after.to - 1;
    from = cueStart - 1;
  } else return null;
  // The content ends before the whole closing mark, both apostrophes of a ''.
  if (toks[from]?.w === "'" && toks[from - 1]?.w === "'" && toks[from - 1]!.e === toks[from]!.s) from--;
  // A short opening before the cue clause is content only when the sentence goes on after it
  // ("This campaign, he says, is different."), checked below.
  if (from < 1) return null;
  // After the cue clause: at most a few adverbial words, then the end of the sentence, or `, adding …`,
  // or a comma and the rest of the sentence (parenthetical cue: "The plan, he said, is dead").
  const tail = cueTail(toks, ci, sourceEnd);
  let k = tail.next;
  let steps = 0;
  // "In a statement, the company said the claims were false": words after the cue that do not open
  // an adverbial (a preposition, a time word, an adverb) are a clause of their own, the content of a
  // verb-first attribution, and what came before the cue is an opening phrase, not content.
  {
    const w0 = toks[k];
    if (w0 && isWord(w0) && !w0.q && !PREPOSITIONS.has(w0.l) && !CUE_ADVERBIALS.has(w0.l) && !isAdverb(w0) && !/ly$/.test(w0.l) && sourceEnd <= ci && k === ci + 1) return null;
  }
  while (k < toks.length && (isWord(toks[k]) || isPossessive(toks[k]) || (toks[k]!.w === '.' && /\w\.$/.test(toks[k]!.w))) && steps < 10) {
    // "…, he told police he supported Trump": a clause of its own after the cue is its content, not an adverbial.
    if (toks[k]!.l === 'that' || PARTICIPLES.has(toks[k]!.l) || (SUBJECT_PRONOUNS.has(toks[k]!.l) && toks[k]!.l !== 'it')) return null;
    // "…, a painkiller added to increase the product's weight": a purpose, so "added" is no saying
    // ("…, he said to reporters." goes on with no object after the noun)
    if (toks[k]!.l === 'to' && purposeAt(toks, k)) return null;
    k++;
    steps++;
  }
  const end = toks[k];
  const sentEnd = ctx.sents[si]!.end;
  let contentEnd = toks[from]!.s;
  let next = k;
  // A short quoted title ends the cue clause: "he said on MSNBC’s “Morning Joe.”"
  const titleGroup = end && isQuoteMark(end) && !end.q ? groupOf(ctx, end) : -1;
  const titleEnds = titleGroup >= 0 && ctx.groups[titleGroup]!.start === end!.s && ctx.groups[titleGroup]!.nWords <= 4 && ctx.groups[titleGroup]!.end >= ctx.sents[si]!.end - 2;
  if (end === undefined || (/^[.!?…]$/.test(end.w) && k >= toks.length - 2) || titleEnds || end.w === ';') {
    // sentence-final (or clause-final before a semicolon: "…, analysts say; in 2012 …")
    if (from < 3) return null;
    if (end?.w === ';') next = k + 1;
  } else if (end.w === ',' && (PARTICIPLES.has(toks[k + 1]?.l ?? '') || STANCE_PARTICIPLES.has(toks[k + 1]?.l ?? ''))) {
    if (from < 3) return null;
    next = k + 1;
  } else if (end.w === ',' && !isQuoteMark(toks[k + 1]) && (from >= 3 || k === tail.next)) {
    // Parenthetical: the content is the whole sentence around the cue.
    contentEnd = sentEnd;
    next = toks.length;
  } else return null;
  let contentStart = ctx.sents[si]!.start;
  // Start after an earlier attribution's cue clause in the same sentence is not handled: content runs from the sentence start.
  if (contentEnd - contentStart < 8) return null;
  // An opening adverbial is no content: "Later in the day, Kurt Volker … testified before …".
  if (contentEnd < sentEnd && openingAdverbial(toks, from)) return null;
  const cue = span(toks[cueStart]!, toks[tail.last]!);
  // A quotation right at the start: quote kind.
  const g0 = ctx.groupAt[contentStart]!;
  if (g0 >= 0 && ctx.groups[g0]!.end >= toks[from]!.s - 1) contentStart = ctx.groups[g0]!.inner.start;
  return { att: mkFound(ctx, si, null, source, cue, { start: contentStart, end: contentEnd }), next, outer: true };
}

/**
 * Whether the sentence's first `n` tokens are only a phrase of time, unquoted ("Later in the day",
 * "Early on Tuesday", "In the afternoon"): words of time, their prepositions and determiners, and
 * numbers. Anything else may be a clause ("On Tuesday prices rose, the ministry said").
 */
function openingAdverbial(toks: Tok[], n: number): boolean {
  if (n > 6 || n < 1) return false;
  const time = toks.slice(0, n).every((t) => !t.q && (TIME_NOUNS.has(t.l) || TIME_PREPOSITIONS.has(t.l) || /^(?:the|a|day|at|of|same|dawn|noon|midnight)$/.test(t.l) || /^\d+$/.test(t.w)));
  return time && toks.slice(0, n).some((t) => TIME_NOUNS.has(t.l) || t.l === 'day' || t.l === 'later' || t.l === 'earlier');
}

// ---------------------------------------------------------------------------------------------------------------
// Frame 3: X said (that) … / X told the BBC (that) … / X said: “…”

function verbFirst(ctx: Ctx, si: number, cueStartTok: number, ci: number, verbKind: 'speech' | 'belief'): Try | null {
  const toks = ctx.toks[si]!;
  let cueStart = cueStartTok;
  while (cueStart > 0 && AUX.has(toks[cueStart - 1]!.l)) cueStart--;
  // Passive "is said to", "was told": not a speaker's statement.
  if (PASSIVE_AUX.has(toks[cueStart - 1]?.l ?? '')) return null;
  // An adverb between the source and its cue is neither ("the founder always argued that …").
  // …and auxiliaries around it ("representatives have long warned that …").
  let sourceEnd = cueStart;
  while (sourceEnd > 0 && (isAdverb(toks[sourceEnd - 1]) || AUX.has(toks[sourceEnd - 1]!.l)) && !toks[sourceEnd - 1]!.q) sourceEnd--;
  const src = sourceBefore(ctx, toks, sourceEnd, false);
  if (!src) return null;
  if (verbKind === 'belief' && !src.strong) return null;
  let j = ci + 1;
  let cueLast = ci;
  let told = true;
  if (ADDRESSEE_VERBS.has(toks[ci]!.l)) {
    const obj = objectAfter(toks, j);
    if (obj > j) cueLast = obj - 1;
    told = obj > j;
    j = obj;
  }
  j = contentStart(toks, j);
  if (j < 0) return null;
  // "the story the White House is telling doesn't paint …": a verb of telling with no one told, in a
  // relative clause; the verb after it is the sentence's own.
  if (!told && finiteAux(toks, j)) return null;
  // A weak source (a determiner phrase with no known head) needs a clear clause after the cue, and so
  // does "claim" ("claimed responsibility for the attack" takes, it does not say).
  if ((!src.strong || CLAIM_VERBS.has(toks[ci]!.l)) && !opensClause(toks[j])) return null;
  if (CLAUSE_ONLY_VERBS.has(toks[ci]!.l) && !opensPlainClause(toks[j])) return null;
  // "He posted an elite 93.2 defensive grade", "posted a photo to Twitter": a record or a picture, not
  // words; "posted (on Twitter) that …" and "posted a statement on the blog: “…”" are words.
  if (/^post(?:ed|s)$/.test(toks[ci]!.l) && !opensPlainClause(toks[j]) && !quotedAfterColon(toks, j)) return null;
  // "No group claimed …", "nobody said …": a negated source says nothing.
  if (NEGATED_SOURCE.has(toks[src.from]!.l)) return null;
  if (verbKind === 'belief') {
    const u = toks[j]!;
    if (!(u.l === 'that' || SUBJECT_START.has(bare(u)) || SUBJECT_PRONOUNS.has(bare(u)) || isCap(u))) return null;
  }
  const endTok = clauseEnd(ctx, si, j, src.subordinate, src.relative);
  if (endTok - j < 3) return null;
  let content: Span = { start: toks[j]!.s, end: toks[endTok - 1]!.e };
  // A quotation that opens the content and runs past the sentence: take all of it.
  if (isQuoteMark(toks[j]) && !toks[j]!.q) {
    const g = groupOf(ctx, toks[j]);
    if (g >= 0 && ctx.groups[g]!.start === toks[j]!.s) {
      const grp = ctx.groups[g]!;
      content = { start: grp.inner.start, end: Math.max(grp.inner.end, content.end > grp.end ? content.end : grp.inner.end) };
      if (grp.end >= content.end) content.end = grp.inner.end;
    }
  }
  const cueSpan = span(toks[cueStart]!, toks[cueLast]!);
  const att = mkFound(ctx, si, null, src.span, cueSpan, content);
  // A poll's share or a piece of evidence ("The election results suggest that …") is no speaker, nor
  // a thing that only shows something ("the mid-2019 refresh suggests that …": no person's or body's noun).
  // A paper that says something in its own quoted words ("The report states: “…”") is a source.
  const paperQuoted = SPEECH_VERBS.has(toks[ci]!.l) && !EVIDENTIAL_VERBS.has(toks[ci]!.l) && isQuoteMark(toks[j]) && !toks[j]!.q;
  if (src.share || (EVIDENCE_HEADS.has(toks[sourceEnd - 1]!.l) && !paperQuoted) || (!src.strong && EVIDENTIAL_VERBS.has(toks[ci]!.l))) att.stance = true;
  return { att, next: endTok };
}

/**
 * Where the content starts after a cue at token j - 1: at "that" after a few adverbial words ("said
 * over the weekend that", "said for years that"), after a prepositional phrase before a subject
 * ("said on Friday he met"), or right away when the next word can open a clause. -1 when it cannot.
 */
function contentStart(toks: Tok[], j: number): number {
  const t = toks[j];
  if (!t || t.q) return isQuoteMark(t) ? j : -1;
  if (t.w === ',' && !isQuoteMark(toks[j + 1])) {
    // "said, however, that …", "says, win or lose, he is staying"
    for (let k = j + 1; k < toks.length && k <= j + 6; k++) {
      const u = toks[k]!;
      if (u.q || !(isWord(u) || u.w === ',')) return -1;
      if (u.w === ',') return k > j + 1 && (toks[k + 1]?.l === 'that' || opensClause(toks[k + 1])) ? k + 1 : -1;
    }
    return -1;
  }
  if (t.w === ':' || t.w === ',') return isQuoteMark(toks[j + 1]) ? j + 1 : -1;
  if (t.l === 'that') return j;
  // "reported at least 5,000 people entered …", "said more than 40 people died": a quantity opens the clause.
  if ((t.l === 'at' && toks[j + 1]?.l === 'least') || (t.l === 'more' && toks[j + 1]?.l === 'than') || (SHARE_MODIFIERS.has(t.l) && isCount(toks[j + 1]))) return j;
  const adverbial = (PREPOSITIONS.has(t.l) || CUE_ADVERBIALS.has(t.l) || /ly$/.test(t.l)) && !DETERMINERS.has(t.l);
  if (adverbial || isCap(t)) {
    for (let k = j + 1; k < toks.length && k < j + 9; k++) {
      const u = toks[k]!;
      if (u.q) break;
      if (u.l === 'that') return k;
      if (adverbial && k > j + 1 && SUBJECT_PRONOUNS.has(bare(u)) && !OBJECT_PRONOUNS.has(u.l)) return k;
      if (u.w === ',') {
        if (adverbial && opensClause(toks[k + 1])) return k + 1;
        break;
      }
      if (!isWord(u) && !isPossessive(u)) break;
      if (SPEECH_VERBS.has(u.l) || AUX.has(u.l) || PASSIVE_AUX.has(u.l)) break;
    }
    if (adverbial) return -1;
  }
  if (opensClause(t)) return j;
  if (isWord(t) && /^\p{Ll}/u.test(t.w) && !REJECT_START.has(t.l)) return j;
  return -1;
}

/**
 * Where the content of a verb-first attribution ends (exclusive token index): the end of the
 * sentence, or before `, adding …`, `, according to`, `– but stressed`, `and added`, or, when the
 * source sat in a subordinate clause ("While X said …, he …"), at the first comma.
 */
function clauseEnd(ctx: Ctx, si: number, j: number, subordinate: boolean, relative = false): number {
  const toks = ctx.toks[si]!;
  let k = j;
  let end = toks.length;
  while (end > j && /^[.!?…]$/.test(toks[end - 1]!.w) && !toks[end - 1]!.q) end--;
  for (; k < end; k++) {
    const t = toks[k]!;
    if (t.q) continue;
    const nx = toks[k + 1];
    if ((t.w === ',' || t.w === ';' || isDash(t)) && nx && !nx.q) {
      if (PARTICIPLES.has(nx.l) || (STANCE_PARTICIPLES.has(nx.l) && t.w === ',')) return k;
      if (nx.l === 'according' && toks[k + 2]?.l === 'to') return k;
      if ((nx.l === 'but' || nx.l === 'and') && (SPEECH_VERBS.has(toks[k + 2]?.l ?? '') || (AUX.has(toks[k + 2]?.l ?? '') && SPEECH_VERBS.has(toks[k + 3]?.l ?? '')))) return k;
      if (t.w === ';') return k;
      {
        let v = k + 1;
        while (v < toks.length && AUX.has(toks[v]!.l)) v++;
        if (t.w === ',' && SPEECH_VERBS.has(toks[v]?.l ?? '') && !toks[v]!.q) return k;
      }
      if (subordinate && t.w === ',' && (k - j >= 3 || relative)) return k;
    }
    // `… “should be wrapped up by Cleveland,” referring to …`: the comma inside the closing mark.
    const closingComma = isQuoteMark(t) && toks[k - 1]?.w === ',' && nx !== undefined && !nx.q;
    if (closingComma && (PARTICIPLES.has(nx.l) || STANCE_PARTICIPLES.has(nx.l)) && k > j + 2) return k;
    // `After Scalia said that students might do better at "less advanced schools," Trump said: …`:
    // a subordinate clause ends at the comma inside a closing mark too, when a new attribution
    // follows (a comma outside one, "who joked of the museum, ''I haven't …''", opens a quotation;
    // "While protesters chanted, “Red for Ed,” in a hallway, …" goes on).
    if (closingComma && toks[k - 1]!.q && subordinate && (isCap(nx) || SUBJECT_PRONOUNS.has(nx.l))) {
      let v = k + 2;
      while (v < toks.length && v < k + 5 && isCap(toks[v])) v++;
      while (v < toks.length && AUX.has(toks[v]!.l)) v++;
      if (SPEECH_VERBS.has(toks[v]?.l ?? '') && !toks[v]!.q) return k;
    }
    if ((t.l === 'but' || t.l === 'and') && k > j + 2 && SPEECH_VERBS.has(nx?.l ?? '') && !nx!.q) return k;
    // ", a spokesperson said": a cue clause of its own starts after the comma.
    if ((t.w === ',' || isDash(t)) && k > j + 2) {
      for (let v = k + 2; v < toks.length && v < k + 10; v++) {
        const u = toks[v]!;
        if (u.q || u.w === ',' || u.w === '.') break;
        if (!SPEECH_VERBS.has(u.l)) continue;
        let cs = v;
        while (cs > 0 && AUX.has(toks[cs - 1]!.l)) cs--;
        const src = sourceBefore(ctx, toks, cs, true);
        if (src && src.from === k + 1) return k;
        break;
      }
    }
    // ", and more than 4 in 10 said …", "while 60 percent said …", "64 percent who say …": a new
    // attribution with a source of its own starts.
    if ((t.w === ',' || t.l === 'and' || t.l === 'but' || t.l === 'while' || t.l === 'whereas') && k > j + 2 && nx && !nx.q) {
      let v = k + 1;
      while (v < toks.length && v < k + 12 && isWord(toks[v]) && !toks[v]!.q && !SPEECH_VERBS.has(toks[v]!.l)) v++;
      if (v > k + 1 && v < toks.length && SPEECH_VERBS.has(toks[v]!.l) && !toks[v]!.q) {
        let cs = v;
        while (cs > k + 1 && AUX.has(toks[cs - 1]!.l)) cs--;
        const src = sourceBefore(ctx, toks, cs, false);
        const first = toks[k + 1]!.l === 'and' || toks[k + 1]!.l === 'but' || toks[k + 1]!.l === 'while' ? k + 2 : k + 1;
        if (src && src.from === first && (src.strong || src.share)) return k;
      }
    }
    // ", but he said …", "and Trump said …": a new attribution starts.
    if ((t.w === ',' || t.l === 'but' || t.l === 'and' || t.l === 'while') && k > j + 2 && nx && !nx.q) {
      let m = k + 1;
      if (toks[m]?.l === 'but' || toks[m]?.l === 'and') m++;
      const head = toks[m];
      if (head && (SUBJECT_PRONOUNS.has(head.l) || (isCap(head) && !CAP_STOP.has(head.l)))) {
        let v = m + 1;
        while (v < toks.length && isCap(toks[v]) && v < m + 4) v++;
        while (v < toks.length && AUX.has(toks[v]!.l)) v++;
        if (SPEECH_VERBS.has(toks[v]?.l ?? '') && !toks[v]!.q) return k;
      }
    }
  }
  return end;
}

/** `NAME: words…` at the start of a paragraph, NAME in capitals (one to three words): a speaker's line in a transcript. */
function transcriptLine(ctx: Ctx, si: number): Try | null {
  if (si > 0 && ctx.para[si - 1] === ctx.para[si]) return null;
  const toks = ctx.toks[si]!;
  // The whole line may stand in quote marks (a transcript quoted in an article).
  const b = isQuoteMark(toks[0]) ? 1 : 0;
  let c = b;
  while (c < b + 4 && c < toks.length && isWord(toks[c]) && /^[\p{Lu}.'’-]{2,}$/u.test(toks[c]!.w) && /\p{Lu}{2}/u.test(toks[c]!.w)) c++;
  if (c === b || c > b + 3 || toks[c]?.w !== ':' || toks.slice(b, c).some((t) => LABELS.has(t.l))) return null;
  // The line runs to the end of its paragraph.
  let last = si;
  while (last + 1 < ctx.sents.length && ctx.para[last + 1] === ctx.para[si]) last++;
  const u = toks[c + 1];
  if (!u) return null;
  const end = ctx.sents[last]!.end;
  if ((ctx.text.slice(u.s, end).match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) return null;
  return { att: mkFound(ctx, si, null, span(toks[b]!, toks[c - 1]!), span(toks[c]!, toks[c]!), trimSpan(ctx.text, { start: u.s, end })), next: toks.length };
}

/**
 * `Trump: ‘I’m the Worst Thing …’`, `Clinton camp: Trump’s … threatens national security.`: a
 * headline-style line of one sentence that opens with a name (a person, a body or a role noun, one to
 * four words) and a colon; what follows the colon is what the name said. Page labels ("Photo:",
 * "Update:") are not names.
 */
function colonHeadline(ctx: Ctx, si: number): Try | null {
  if (si > 0 && ctx.para[si - 1] === ctx.para[si]) return null;
  if (si + 1 < ctx.sents.length && ctx.para[si + 1] === ctx.para[si]) return null;
  const toks = ctx.toks[si]!;
  let c = 1;
  while (c < 5 && c < toks.length && toks[c]!.w !== ':') c++;
  if (toks[c]?.w !== ':' || toks.length > 45 || toks.slice(0, c).some((t) => LABELS.has(t.l) || t.q || !isWord(t))) return null;
  const head = nounPhraseStart(ctx, toks, c - 1);
  if (!head || head.start !== 0 || !head.strong || !isCap(toks[0]) || CAP_STOP.has(toks[0]!.l) || DETERMINERS.has(toks[0]!.l)) return null;
  const m = ctx.mentionStart.get(toks[0]!.s);
  if (m?.type === 'LOC') return null;
  const u = toks[c + 1];
  if (!u) return null;
  const content = trimSpan(ctx.text, { start: u.s, end: ctx.sents[si]!.end });
  if ((ctx.text.slice(content.start, content.end).match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) return null;
  return { att: mkFound(ctx, si, null, span(toks[0]!, toks[c - 1]!), span(toks[c]!, toks[c]!), content), next: toks.length };
}

/** `Clinton Says Russians Hacked DNC`: a title-case line, a name, a capitalised verb of saying, the content up to a comma. */
function titleCase(ctx: Ctx, si: number, ci: number): Try | null {
  const toks = ctx.toks[si]!;
  const ws = toks.filter((t) => isWord(t) && /^\p{L}/u.test(t.w));
  if (ws.length < 5 || ws.filter((t) => isCap(t)).length < ws.length * 0.75) return null;
  if (si + 1 < ctx.sents.length && ctx.para[si + 1] === ctx.para[si]) return null;
  const from = nameEndingAt(ctx, toks, ci - 1);
  if (from < 0 || ci - from > 4 || !(from === 0 || atClauseEdge(toks, from))) return null;
  let e = ci + 1;
  while (e < toks.length && toks[e]!.w !== ',' && toks[e]!.w !== ';') e++;
  while (e > ci + 1 && /^[.!?…]$/.test(toks[e - 1]!.w)) e--;
  if (e - ci - 1 < 3) return null;
  return { att: mkFound(ctx, si, null, span(toks[from]!, toks[ci - 1]!), span(toks[ci]!, toks[ci]!), { start: toks[ci + 1]!.s, end: toks[e - 1]!.e }), next: e };
}

/** `Said Dorothy Poynter, who grew up with Ali, “We were all so proud of him.”` */
function saidFirst(ctx: Ctx, si: number): Try | null {
  const toks = ctx.toks[si]!;
  const after = sourceAfter(ctx, toks, 1);
  if (!after) return null;
  let k = after.to;
  let end = after.to - 1;
  for (; k < toks.length && k < after.to + 25; k++) {
    if (toks[k]!.w === ',' && isQuoteMark(toks[k + 1]) && !toks[k + 1]!.q) break;
    if (toks[k]!.q || toks[k]!.w === '.' || toks[k]!.w === ';') return null;
    end = k;
  }
  const g = groupOf(ctx, toks[k + 1]);
  if (g < 0 || ctx.groups[g]!.start !== toks[k + 1]!.s) return null;
  const source = toks[end]!.w === ',' ? span(toks[1]!, toks[end - 1]!) : span(toks[1]!, toks[end]!);
  return { att: mkFound(ctx, si, 'quote', source, span(toks[0]!, toks[0]!), { ...ctx.groups[g]!.inner }), next: toks.length };
}

// ---------------------------------------------------------------------------------------------------------------
// according to X / it is understood that

function accordingTo(ctx: Ctx, si: number, i: number): Try | null {
  const toks = ctx.toks[si]!;
  const cue = span(toks[i]!, toks[i + 1]!);
  let after = sourceAfter(ctx, toks, i + 2, true);
  let evidence = false;
  // Any noun phrase up to the next comma or the sentence end: "according to a count by The
  // Associated Press", "according to FEC filings", "according to early results of the exit poll".
  if (!after || (after.to < toks.length && (isWord(toks[after.to]) || /^[/(-]$/.test(toks[after.to]!.w)))) {
    let k = i + 2;
    while (k < toks.length && k < i + 32 && (isWord(toks[k]) || isPossessive(toks[k]) || toks[k]!.w === '/' || toks[k]!.w === '-') && !toks[k]!.q) k++;
    // A short parenthesis closing the phrase: "according to the organizer, Alliance for Schools (AfS)".
    if (toks[k]?.w === '(' && k > i + 2) {
      let c = k + 1;
      while (c < toks.length && c < k + 6 && isWord(toks[c]) && !toks[c]!.q) c++;
      if (toks[c]?.w === ')' && c > k + 1) k = c + 1;
    }
    after = k > i + 2 ? { span: span(toks[i + 2]!, toks[k - 1]!), to: k } : null;
    // A document rather than a speaker ("according to prison records", "data from MarketAxess"): the
    // statement is the article's, sourced; not a claim with a speaker (`stance`).
    evidence = after !== null && toks.slice(i + 2, k).some((t) => EVIDENCE_HEADS.has(t.l));
  }
  if (!after) return null;
  const sent = ctx.sents[si]!;
  let end = toks.length;
  while (end > 0 && /^[.!?…]$/.test(toks[end - 1]!.w)) end--;
  if (i === 0 || (i === 1 && !isWord(toks[0]))) {
    // "According to X, …"
    if (toks[after.to]?.w !== ',') return null;
    let j = after.to + 1;
    // "According to his aunt, Jane Starner, “…”": a source's role named in apposition before a quotation.
    const named = appositionName(toks, j);
    if (named > j && ROLE_NOUNS.has(toks[after.to - 1]!.l) && isQuoteMark(toks[named + 1])) {
      after = { span: span(toks[i + 2]!, toks[named - 1]!), to: named };
      j = named + 1;
    }
    if (end - j < 3) return null;
    return withEvidence({ att: mkFound(ctx, si, null, after.span, cue, { start: toks[j]!.s, end: toks[end - 1]!.e }), next: end }, evidence);
  }
  // "…, according to X." (content from the sentence start) or "…, according to X, …" (whole sentence);
  // with no comma before it, "… delegates according to a count by X, but …" ends the content there.
  const commaBefore = toks[i - 1]?.w === ',' || isDash(toks[i - 1]);
  if (!commaBefore && (i < 4 || toks[i - 1]!.q || !isWord(toks[i - 1]))) return null;
  const rest = after.to;
  if (rest < end && toks[rest]!.w !== ',') return null;
  const contentEnd = rest < end && commaBefore ? toks[end - 1]!.e : commaBefore ? toks[i - 1]!.s : toks[i - 1]!.e;
  let start = sent.start;
  const g0 = ctx.groupAt[start]!;
  if (g0 >= 0) start = ctx.groups[g0]!.inner.start;
  if (contentEnd - start < 8) return null;
  return withEvidence({ att: mkFound(ctx, si, null, after.span, cue, { start, end: contentEnd }), next: end }, evidence);
}

/** The index of the comma after one to four capitalised words from `j` ("Jane Starner,"), or -1. */
function appositionName(toks: Tok[], j: number): number {
  let k = j;
  while (k < toks.length && k < j + 4 && isCap(toks[k]) && !toks[k]!.q) k++;
  return k > j && toks[k]?.w === ',' ? k : -1;
}

function withEvidence(t: Try, evidence: boolean): Try {
  if (evidence) t.att.stance = true;
  return t;
}

/**
 * `In X's words, …` / `in the words of X: …` / `As X related, …` (at the start of the sentence):
 * the source is X, the content what follows the comma or colon (a quotation that opens there,
 * whole).
 */
function inWordsOf(ctx: Ctx, si: number, i: number): Try | null {
  const toks = ctx.toks[si]!;
  let source: Span | null;
  let cue: Span | null;
  let j: number;
  if (toks[i]!.l === 'in') {
    if (toks[i + 1]?.l === 'the' && toks[i + 2]?.l === 'words' && toks[i + 3]?.l === 'of') {
      let after = sourceAfter(ctx, toks, i + 4, true);
      if (!after && DETERMINERS.has(toks[i + 4]?.l ?? '')) {
        // "in the words of the patient:"
        let m = i + 5;
        while (m < i + 8 && isWord(toks[m]) && !toks[m]!.q && /^\p{Ll}/u.test(toks[m]!.w)) m++;
        if (m > i + 5) after = { span: span(toks[i + 4]!, toks[m - 1]!), to: m };
      }
      if (!after || !/^[,:]$/.test(toks[after.to]?.w ?? '')) return null;
      source = after.span;
      cue = span(toks[i]!, toks[i + 3]!);
      j = after.to + 1;
    } else if (i === 0 || toks[i - 1]!.w === ',') {
      // "In Dr. Shadlen's words," / "In his words,"
      let w = i + 1;
      while (w < toks.length && w < i + 6 && toks[w]!.l !== 'words') w++;
      if (toks[w]?.l !== 'words' || !/^[,:]$/.test(toks[w + 1]?.w ?? '')) return null;
      let end = w - 1;
      if (isPossessive(toks[end])) end--;
      else if (!/^(?:his|her|their)$/.test(toks[end]?.l ?? '')) return null;
      if (end <= i) return null;
      const from = /^(?:his|her|their)$/.test(toks[end]!.l) ? end : nameEndingAt(ctx, toks, end);
      if (from !== i + 1) return null;
      source = span(toks[from]!, toks[end]!);
      cue = span(toks[i]!, toks[w]!);
      j = w + 2;
    } else return null;
  } else {
    // "As X related, …": a source, a verb, a comma, within the first eight tokens.
    let c = i + 2;
    while (c < toks.length && c < i + 9 && toks[c]!.w !== ',') c++;
    if (toks[c]?.w !== ',') return null;
    let v = c - 1;
    if (toks[v]!.l === 'it' && toks[v - 1]?.l === 'put') v--;
    const verb = toks[v]!;
    if (verb.q || isCap(verb) || !(SPEECH_VERBS.has(verb.l) || AS_VERBS.has(verb.l))) return null;
    let vs = v;
    while (vs > i + 1 && AUX.has(toks[vs - 1]!.l)) vs--;
    const src = sourceBefore(ctx, toks, vs, false);
    if (!src || src.from !== i + 1) return null;
    source = src.span;
    cue = span(toks[i]!, toks[c - 1]!);
    j = c + 1;
  }
  const u = toks[j];
  if (!u) return null;
  let end = toks.length;
  while (end > j && /^[.!?…]$/.test(toks[end - 1]!.w) && !toks[end - 1]!.q) end--;
  if (end - j < 3) return null;
  let content: Span = { start: u.s, end: toks[end - 1]!.e };
  const q = quotationOpeningAt(ctx, u);
  if (q) content = { start: q.inner.start, end: Math.max(q.inner.end, content.end > q.end ? content.end : 0) };
  return { att: mkFound(ctx, si, null, source, cue, content), next: toks.length };
}

function itIsUnderstood(ctx: Ctx, si: number, i: number): Try | null {
  const toks = ctx.toks[si]!;
  const cue = span(toks[i]!, toks[i + 2]!);
  const j = i + 3;
  const endTok = clauseEnd(ctx, si, j, false);
  if (endTok - j < 4) return null;
  return { att: mkFound(ctx, si, 'reported', null, cue, { start: toks[j]!.s, end: toks[endTok - 1]!.e }), next: endTok };
}

// ---------------------------------------------------------------------------------------------------------------
// Stances: X criticized Y / X wants to … / X called for …

/**
 * A question put to someone, with the asker unsaid: `Asked about the plan, she said …`, `When asked
 * whether …`, `Smith was asked if …`. The cue is "asked" (with "about"), the content the question, up
 * to the next comma or the end of the clause; no source (the asker is not named). PolNeAR annotates
 * these; they are questions, not statements, so they are marked `stance` and never become claims.
 */
function askedFrame(ctx: Ctx, si: number, i: number): Try | null {
  const toks = ctx.toks[si]!;
  const p = toks[i - 1];
  const opening = i === 0 || (p !== undefined && (isDash(p) || p.w === '(') && i <= 2);
  if (!opening && !(p && !p.q && /^(?:when|after|once|if|was|were|being|been|is|are|be)$/.test(p.l))) return null;
  let cueLast = i;
  let j = i + 1;
  if (toks[j]?.l === 'again' || toks[j]?.l === 'later' || toks[j]?.l === 'repeatedly') j++;
  if (toks[j]?.l === 'about') {
    cueLast = j;
    j++;
  } else if (!/^(?:if|whether|why|what|how|who|when|where|which|to)$/.test(toks[j]?.l ?? '') && !isQuoteMark(toks[j])) return null;
  const u = toks[j];
  if (!u) return null;
  let content: Span;
  let next: number;
  const q = quotationOpeningAt(ctx, u);
  if (q) {
    content = { ...q.inner };
    next = j + 1;
    while (next < toks.length && toks[next]!.q) next++;
  } else {
    let e = j;
    while (e < toks.length && !(!toks[e]!.q && /^[,;:.!?]$/.test(toks[e]!.w) && !(toks[e]!.w === '.' && e < toks.length - 1 && /\w\.$/.test(toks[e]!.w)))) e++;
    if (e - j < 2) return null;
    content = { start: u.s, end: toks[e - 1]!.e };
    next = e;
  }
  const att = mkFound(ctx, si, 'reported', null, span(toks[i]!, toks[cueLast]!), content);
  att.stance = true;
  return { att, next };
}

/** Heads of a poll as the place a finding comes from: "in a CNN poll", "in the latest surveys". */
const POLL_HEADS = new Set(['poll', 'polls', 'survey', 'surveys', 'polling']);

/**
 * A finding reported from a poll: `In the latest polls, Sanders has sagged`, `Clinton leads by 5 points
 * in a CNN national poll.` The cue is "in", the source the poll (up to its head noun), the content the
 * clause the phrase opens or closes. A piece of evidence, not a speaker: marked `stance`.
 */
function inPoll(ctx: Ctx, si: number, i: number): Try | null {
  const toks = ctx.toks[si]!;
  let h = i + 1;
  while (h < toks.length && h <= i + 9 && !POLL_HEADS.has(toks[h]!.l)) {
    const t = toks[h]!;
    if (
      t.q ||
      !(isWord(t) || isPossessive(t) || t.w === '/' || t.w === '-' || t.w === '&') ||
      (h > i + 1 && DETERMINERS.has(t.l) && !isPossessive(toks[h - 1])) ||
      CLAUSE_WORDS.has(t.l) ||
      PREPOSITIONS.has(t.l) ||
      PASSIVE_AUX.has(t.l)
    )
      return null;
    h++;
  }
  if (!POLL_HEADS.has(toks[h]?.l ?? '') || toks[h]!.q) return null;
  // A particular poll, named or dated ("a CNN poll", "the latest Quinnipiac survey", "a new poll"), not
  // the polls in general ("trails in the polls", "in national polls").
  const mods = toks.slice(i + 1, h);
  if (!mods.some((t) => (isCap(t) && !CAP_STOP.has(t.l)) || isNumber(t) || /^(?:latest|recent|new|newest)$/.test(t.l))) return null;
  // "polling place", "poll workers": the head must end its noun phrase.
  const after = toks[h + 1];
  if (after && isWord(after) && !PREPOSITIONS.has(after.l) && !CLAUSE_WORDS.has(after.l) && !/(?:ed|ing)$/.test(after.l)) return null;
  let end = toks.length;
  while (end > 0 && /^[.!?…]$/.test(toks[end - 1]!.w)) end--;
  const source = span(toks[i + 1]!, toks[h]!);
  const cue = span(toks[i]!, toks[i]!);
  let content: Span;
  let next: number;
  if (i === 0 || (i === 1 && !isWord(toks[0]))) {
    // "In the latest polls, …": the clause after the phrase's comma.
    let c = h + 1;
    while (c < end && c <= h + 8 && toks[c]!.w !== ',') c++;
    if (toks[c]?.w !== ',' || end - c < 4 || SUBORDINATORS.has(toks[c + 1]!.l)) return null;
    content = { start: toks[c + 1]!.s, end: toks[end - 1]!.e };
    next = end;
  } else {
    // "… leads by 5 points in a CNN poll." / "… in a CNN poll, but …": the clause before the phrase.
    if (i < 4 || toks.slice(0, i).some((t) => t.w === ';')) return null;
    let k = h + 1;
    while (k < end && isWord(toks[k]) && !toks[k]!.q && k <= h + 8) k++;
    if (k < end && toks[k]!.w !== ',') return null;
    let start = 0;
    for (let b = i - 1; b > 0; b--)
      if (toks[b]!.w === ';' || toks[b]!.w === ':') {
        start = b + 1;
        break;
      }
    if (i - start < 4 || SUBORDINATORS.has(toks[start]!.l) || toks.slice(start, i).some((t) => t.w === ',' && !t.q)) return null;
    content = { start: toks[start]!.s, end: toks[i - 1]!.e };
    next = k;
  }
  const att = mkFound(ctx, si, 'reported', source, cue, content);
  att.stance = true;
  return { att, next, outer: i > 0 };
}

/** Does a colon and a quotation come within a few words of `j` ("a statement on the Mozilla blog: “…”")? */
function quotedAfterColon(toks: Tok[], j: number): boolean {
  for (let k = j; k < toks.length && k < j + 12; k++) {
    if (toks[k]!.q) return false;
    if (toks[k]!.w === ':') return isQuoteMark(toks[k + 1]);
  }
  return false;
}

/** Does a clause that says something start at `j`, after "pointed out": "that", a quotation, a colon, or "to" someone and "that"? */
function pointedOutThat(toks: Tok[], j: number): boolean {
  const u = toks[j];
  if (!u || u.q) return false;
  if (u.l === 'that' || u.w === ':' || isQuoteMark(u)) return true;
  return u.l === 'to' && toks.slice(j + 1, j + 5).some((x) => x.l === 'that' && !x.q);
}

/**
 * `Trump is expected to win the nomination`, `All three candidates are expected to speak`: a forecast
 * whose makers are not named. Cue "is expected", no source, the content the to-infinitive to the end of
 * the clause; a prediction, not a statement: `stance`.
 */
function expectedTo(ctx: Ctx, si: number, i: number): Try | null {
  const toks = ctx.toks[si]!;
  let cs = i;
  while (cs > 0 && /^(?:widely|also|still|now|generally|not|largely|broadly)$/.test(toks[cs - 1]!.l)) cs--;
  if (!PASSIVE_AUX.has(toks[cs - 1]?.l ?? '') || toks[cs - 1]!.q) return null;
  cs--;
  if (toks[cs - 1]?.l === 'it') return null;
  const v = toks[i + 2];
  if (!v || (toks[i]!.l === 'expected' && (v.q || !/^\p{Ll}+$/u.test(v.w)))) return null;
  const j = i + 1;
  const endTok = clauseEnd(ctx, si, j, false);
  if (endTok - j < 3) return null;
  const att = mkFound(ctx, si, 'reported', null, span(toks[cs]!, toks[i]!), { start: toks[j]!.s, end: toks[endTok - 1]!.e });
  att.stance = true;
  return { att, next: endTok };
}

/**
 * `…, now known as Trump National Doral`, `a group dubbed “the Squad”`: the name, a quotation or a
 * capitalised run up to the next comma or the clause's end. No source; not a statement (`stance`).
 */
function knownAs(ctx: Ctx, si: number, i: number): Try | null {
  const toks = ctx.toks[si]!;
  const p = toks[i - 1];
  if (!p || p.q || PASSIVE_AUX.has(p.l) || SUBJECT_PRONOUNS.has(p.l)) return null;
  const cueLast = toks[i]!.l === 'known' ? i + 1 : i;
  const j = cueLast + 1;
  const u = toks[j];
  if (!u) return null;
  let content: Span;
  let next: number;
  const q = quotationOpeningAt(ctx, u);
  if (q) {
    content = { ...q.inner };
    next = j + 1;
  } else {
    let e = j;
    while (e < toks.length && e < j + 8 && (isCap(toks[e]) || (e > j && /^(?:of|the|and|for|&)$/.test(toks[e]!.l))) && !toks[e]!.q) e++;
    while (e > j && !isCap(toks[e - 1])) e--;
    if (e === j || (e < toks.length && isWord(toks[e]))) return null;
    content = { start: u.s, end: toks[e - 1]!.e };
    next = e;
  }
  const att = mkFound(ctx, si, 'reported', null, span(toks[i]!, toks[cueLast]!), content);
  att.stance = true;
  return { att, next };
}

/** Nouns of saying and of a stance that take a possessive source: "Trump’s criticism of …", "his claim that …". */
const NOMINAL_CUES = new Set([
  'criticism',
  'criticisms',
  'attack',
  'attacks',
  'call',
  'calls',
  'claim',
  'claims',
  'assertion',
  'comments',
  'comment',
  'remarks',
  'statement',
  'praise',
  'support',
  'endorsement',
  'opposition',
  'denial',
  'denials',
  'promise',
  'promises',
  'pledge',
  'warning',
  'warnings',
  'insistence',
  'suggestion',
  'argument',
  'description',
  'characterization',
  'defense',
  'defence',
  'rejection',
  'condemnation',
  'questions',
  'concerns',
  'view',
  'views',
  'belief',
  'demand',
  'demands',
  'vow',
  'threat',
  'threats',
  'accusation',
  'accusations',
  'complaint',
  'complaints',
  'announcement',
  'admission',
  'prediction',
  'embrace',
]);

/**
 * `Trump’s criticism of the deal`, `his call for a ban`, `Clinton’s claim that …`: the owner is the
 * source, the noun (with its preposition) the cue, what follows to the end of the clause the content.
 * A stance or a mention of words, not the words themselves: `stance`.
 */
function nominalCue(ctx: Ctx, si: number, i: number): Try | null {
  const toks = ctx.toks[si]!;
  const p = toks[i - 1]!;
  if (p.q) return null;
  let source: Span;
  if (isPossessive(p)) {
    const np = nounPhraseStart(ctx, toks, i - 2);
    const from = np && np.strong ? np.start : -1;
    if (from < 0 || i - 2 - from > 5) return null;
    source = span(toks[from]!, toks[i - 2]!);
  } else source = span(p, p);
  const prep = toks[i + 1];
  if (!prep || prep.q || !/^(?:of|for|that|about|on|against|to)$/.test(prep.l)) return null;
  const j = i + 2;
  const u = toks[j];
  if (!u || !(isWord(u) || isQuoteMark(u))) return null;
  // The content: a noun phrase or clause up to the next comma, semicolon, dash or sentence end.
  let e = j;
  while (e < toks.length && (toks[e]!.q || !(/^[,;:.!?()]$/.test(toks[e]!.w) || isDash(toks[e]))) && e < j + 25) e++;
  if (e - j < 2) return null;
  const cueLast = prep.l === 'that' ? i : i + 1;
  const att = mkFound(ctx, si, null, source, span(toks[i]!, toks[cueLast]!), { start: toks[prep.l === 'that' ? i + 1 : j]!.s, end: toks[e - 1]!.e });
  att.stance = true;
  return { att, next: e };
}

function asStance(t: Try | null): Try | null {
  if (t) t.att.stance = true;
  return t;
}

/**
 * `X criticized the plan`, `X wants to …`, `X called for …`: a named, pronoun or role-noun subject, a
 * stance verb (with its particle), and what the stance is about up to the end of the clause.
 */
function stanceVerb(ctx: Ctx, si: number, ci: number, lastCueTok = -1): Try | null {
  const toks = ctx.toks[si]!;
  let cueStart = ci;
  while (cueStart > 0 && AUX.has(toks[cueStart - 1]!.l)) cueStart--;
  if (PASSIVE_AUX.has(toks[cueStart - 1]?.l ?? '')) return null;
  let sourceEnd = cueStart;
  while (sourceEnd > 0 && isAdverb(toks[sourceEnd - 1]) && !toks[sourceEnd - 1]!.q) sourceEnd--;
  const src = sourceBefore(ctx, toks, sourceEnd, false);
  if (!src || NEGATED_SOURCE.has(toks[src.from]!.l)) return null;
  // "The latest Reuters/Ipsos poll showed Trump leading": evidence stands where a speaker would.
  if (!src.strong && !EVIDENCE_HEADS.has(toks[sourceEnd - 1]!.l)) return null;
  let cueLast = ci;
  if ((STANCE_PARTICLE_VERBS.has(toks[ci]!.l) && /^(?:for|to|on|out|against)$/.test(toks[ci + 1]?.l ?? '')) || (ABOUT_VERBS.has(toks[ci]!.l) && /^(?:about|of)$/.test(toks[ci + 1]?.l ?? '')))
    cueLast = ci + 1;
  if (lastCueTok > ci) cueLast = lastCueTok;
  const j = cueLast + 1;
  const u = toks[j];
  if (!u || !(isWord(u) || isQuoteMark(u)) || (!u.q && (REJECT_START.has(u.l) || (PREPOSITIONS.has(u.l) && u.l !== 'to')))) return null;
  // "spoke about it", "talked of him": a pronoun alone is not what a stance is about.
  if (cueLast > ci && ABOUT_VERBS.has(toks[ci]!.l) && (OBJECT_PRONOUNS.has(u.l) || u.l === 'it' || u.l === 'this' || u.l === 'that')) return null;
  const endTok = clauseEnd(ctx, si, j, src.subordinate, src.relative);
  if (endTok <= j) return null;
  const att = mkFound(ctx, si, null, src.span, span(toks[cueStart]!, toks[cueLast]!), { start: u.s, end: toks[endTok - 1]!.e });
  att.stance = true;
  return { att, next: endTok };
}

// ---------------------------------------------------------------------------------------------------------------
// Frame 4: X hailed Y as “…” / X called it “…”

function naming(ctx: Ctx, si: number, ci: number, before: Found[] = []): Try | null {
  const toks = ctx.toks[si]!;
  if (!NAMING_VERBS.has(toks[ci]!.l)) return null;
  let cueStart = ci;
  while (cueStart > 0 && AUX.has(toks[cueStart - 1]!.l)) cueStart--;
  if (PASSIVE_AUX.has(toks[cueStart - 1]?.l ?? '')) return null;
  // "a poem called “Winter Solstice”", "a song titled “Glasgow”": a thing given its title, not someone
  // calling something ("the group called the attack “cowardly”" is).
  if (cueStart === ci && cueStart >= 2 && /^\p{Ll}+$/u.test(toks[ci - 1]!.w) && /^(?:a|an)$/.test(toks[ci - 2]!.l)) return null;
  let src: { span: Span } | null = sourceBefore(ctx, toks, cueStart, false);
  // "… took the stage and called the system “rotten to the core”": the subject of the first verb.
  if (!src && (toks[cueStart - 1]?.l === 'and' || toks[cueStart - 1]?.l === 'but') && !toks[cueStart - 1]!.q) {
    const prev = before[before.length - 1];
    const sub = prev ? prev.source : toks.slice(0, cueStart).some((t) => t.q || t.w === ';') ? null : sentenceSubject(ctx, toks, cueStart - 1);
    src = sub ? { span: sub } : null;
  }
  if (!src) return null;
  // The quotation within the next dozen tokens, with no clause break on the way.
  for (let k = ci + 1; k < toks.length && k < ci + 14; k++) {
    const t = toks[k]!;
    if (t.w === '.' || t.w === ';' || (t.w === ',' && !t.q)) return null;
    if (isQuoteMark(t) && !t.q) {
      const g = groupOf(ctx, t);
      if (g < 0 || ctx.groups[g]!.start !== t.s) return null;
      const grp = ctx.groups[g]!;
      const cueLast = toks[k - 1]!.l === 'as' ? k - 1 : ci;
      return { att: mkFound(ctx, si, 'quote', src.span, span(toks[cueStart]!, toks[cueLast]!), { ...grp.inner }), next: k + 1 };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Frame 5: …, adding that … / … – but stressed that …

function participle(ctx: Ctx, si: number, i: number, before: Found[]): Try | null {
  const toks = ctx.toks[si]!;
  let p = toks[i - 1];
  if (!p) return null;
  const prev = before[before.length - 1];
  // `“…,” referring to …`: the comma inside the closing mark.
  if (isQuoteMark(p) && !p.q && toks[i - 2]?.w === ',' && prev?.source) p = toks[i - 2]!;
  if (p.w !== ',' && !isDash(p) && p.l !== 'and') {
    // "The Electoral Commission issued a statement warning that …", "The group sent a letter to
    // management earlier this month stating that …": what the subject put out says it.
    const issued = issuerOf(ctx, toks, i);
    if (issued) return continueAttribution(ctx, si, i, { kind: 'reported', source: issued, cue: null, content: { start: 0, end: 0 }, sent: si });
    // "… on Friday, with former Gov. Martin O’Malley calling Trump a fascist": the name after "with".
    const src = isCap(p) && !p.q ? sourceBefore(ctx, toks, i, false) : null;
    if (!src || !src.strong || toks[src.from - 1]?.l !== 'with' || toks[src.from - 1]!.q) return null;
    return continueAttribution(ctx, si, i, { kind: 'reported', source: src.span, cue: null, content: { start: 0, end: 0 }, sent: si });
  }
  if (prev?.source) return continueAttribution(ctx, si, i, prev);
  // "Hawk Sawyer issued a statement about the charges, saying, “…”": the participle's subject is
  // the name that opens the sentence (or its main clause, after an opening phrase and a comma).
  if (prev) return null;
  if (p.w !== ',' && !isDash(p)) return null;
  const subject = sentenceSubject(ctx, toks, i);
  return subject ? continueAttribution(ctx, si, i, { kind: 'reported', source: subject, cue: null, content: { start: 0, end: 0 }, sent: si }) : null;
}

/**
 * The speaker of a participle `i` that follows a thing someone put out: "[The Electoral Commission]
 * issued a statement warning that …", "[The group] … sent a letter to management earlier this month
 * stating that …", "[he] has posted a video saying …". Up to six words of a phrase may stand between
 * the thing and the participle ("to management earlier this month"), up to three between the verb
 * and the thing ("a joint", "its own"). The speaker is the verb's subject, a name, a pronoun or a role.
 */
function issuerOf(ctx: Ctx, toks: Tok[], i: number): Span | null {
  let n = i - 1;
  while (n >= 0 && n > i - 8 && !ISSUED_THINGS.has(toks[n]!.l)) {
    const u = toks[n]!;
    if (u.q || !isWord(u) || CLAUSE_WORDS.has(u.l) || SPEECH_VERBS.has(u.l) || PARTICIPLES.has(u.l)) return null;
    n--;
  }
  if (n < 1 || !ISSUED_THINGS.has(toks[n]!.l) || toks[n]!.q) return null;
  let v = n - 1;
  while (
    v >= 0 &&
    v > n - 4 &&
    !ISSUE_VERBS.has(toks[v]!.l) &&
    !toks[v]!.q &&
    (DETERMINERS.has(toks[v]!.l) || /^(?:his|her|its|their|our|own|joint|new|brief|short|long|lengthy|open|written|formal|separate)$/.test(toks[v]!.l))
  )
    v--;
  // ("put out a statement")
  if (toks[v]?.l === 'out' && toks[v - 1]?.l === 'put') v--;
  if (v < 1 || !ISSUE_VERBS.has(toks[v]!.l) || toks[v]!.q || (toks[v]!.l === 'put' && toks[v + 1]?.l !== 'out')) return null;
  let end = v;
  while (end > 0 && (isAdverb(toks[end - 1]) || AUX.has(toks[end - 1]!.l)) && !toks[end - 1]!.q) end--;
  // "The group, WeWorkers Coalition, formed in recent weeks and sent a letter …": a second verb's
  // subject is the sentence's
  if (toks[end - 1]?.l === 'and' && !toks[end - 1]!.q) return sentenceSubject(ctx, toks, end - 1);
  const src = sourceBefore(ctx, toks, end, false);
  return src && src.strong ? src.span : null;
}

/** A name that opens the sentence, or its main clause after a short opening phrase and a comma, before token `limit`. */
function sentenceSubject(ctx: Ctx, toks: Tok[], limit: number): Span | null {
  const opens = [0];
  for (let k = 1; k < Math.min(limit, 10); k++)
    if (toks[k - 1]!.w === ',') {
      opens.push(k);
      break;
    }
  // After a dateline: "ORLANDO, Fla. (Reuters) - President Barack Obama met …".
  for (let k = 1; k < Math.min(limit, 12); k++)
    if (isDash(toks[k - 1]) && toks.slice(0, k - 1).some((t) => t.w === ')' || /^\p{Lu}{3,}$/u.test(t.w))) {
      opens.push(k);
      break;
    }
  // After an opening participial phrase: "Speaking at a town hall in Salem, New Hampshire, Trump went …".
  if (/ing$/.test(toks[0]?.l ?? '') && isCap(toks[0])) {
    let commas = 0;
    for (let k = 1; k < Math.min(limit, 16); k++) {
      if (toks[k]!.q || toks[k]!.w === ';') break;
      if (toks[k - 1]!.w === ',' && ++commas <= 2) opens.push(k);
    }
  }
  for (const o of opens) {
    for (let k = o; k < o + 5 && k < limit; k++) {
      if (nameEndingAt(ctx, toks, k) === o && !isCap(toks[k + 1]) && !isPossessive(toks[k + 1]) && isWord(toks[k + 1]) && !toks[k]!.q) return span(toks[o]!, toks[k]!);
      // "Huma Abedin, vice chairwoman for the campaign, emailed supporters …": a name with an apposition.
      if (o === 0 && toks[k + 1]?.w === ',' && nameEndingAt(ctx, toks, k) === o && k > o && !toks[k]!.q) {
        let c = k + 2;
        while (c < limit && c < k + 25 && toks[c]!.w !== ',' && !toks[c]!.q && toks[c]!.w !== ';') c++;
        const ap = c < limit && toks[c]!.w === ',' && isWord(toks[c + 1]) && !isCap(toks[c + 1]) ? appositive(ctx, toks, c) : null;
        if (ap && ap.from === o) return span(toks[o]!, toks[k]!);
      }
      // "The group, WeWorkers Coalition, formed …": a role noun phrase and the name in apposition.
      if (o === 0 && ROLE_NOUNS.has(toks[k]!.l) && !toks[k]!.q && toks[k + 1]?.w === ',') {
        let c = k + 2;
        while (c < limit && c < k + 8 && toks[c]!.w !== ',' && !toks[c]!.q) c++;
        const np0 = nounPhraseStart(ctx, toks, k);
        if (toks[c]?.w === ',' && c > k + 2 && nameEndingAt(ctx, toks, c - 1) === k + 2 && np0?.start === o && isWord(toks[c + 1]) && !isCap(toks[c + 1])) return span(toks[o]!, toks[c - 1]!);
      }
      // "A Clinton campaign official later walked back the comments, saying …": a role noun phrase.
      const np = ROLE_NOUNS.has(toks[k]!.l) && !toks[k]!.q && isWord(toks[k + 1]) && !isCap(toks[k + 1]) && !PREPOSITIONS.has(toks[k + 1]!.l) ? nounPhraseStart(ctx, toks, k) : null;
      if (np && np.start === o && np.strong) return span(toks[o]!, toks[k]!);
    }
  }
  return null;
}

/** "… – but stressed that …" / "… and added that …": a second cue sharing the subject. */
function coordinated(ctx: Ctx, si: number, ci: number, before: Found[]): Try | null {
  const toks = ctx.toks[si]!;
  const prev = before[before.length - 1];
  let k = ci - 1;
  while (k >= 0 && AUX.has(toks[k]!.l)) k--;
  if (toks[k]?.l === 'then' && toks[k - 1]?.l !== ',') k--;
  if (toks[k]?.l !== 'but' && toks[k]?.l !== 'and' && toks[k]?.l !== 'then') return null;
  if (prev?.source) return continueAttribution(ctx, si, ci, prev);
  // "The Arizona Republican survived … and says such techniques are inhumane": the verb shares the
  // sentence's subject, a name or a pronoun that opens it.
  if (prev || k < 3 || toks.slice(0, k).some((t) => t.q || t.w === ';')) return null;
  const subject = sentenceSubject(ctx, toks, k) ?? (SUBJECT_PRONOUNS.has(toks[0]!.l) && toks[0]!.l !== 'it' && toks[0]!.l !== 'you' ? span(toks[0]!, toks[0]!) : null);
  return subject ? continueAttribution(ctx, si, ci, { kind: 'reported', source: subject, cue: null, content: { start: 0, end: 0 }, sent: si }) : null;
}

function continueAttribution(ctx: Ctx, si: number, ci: number, prev: Found): Try | null {
  const toks = ctx.toks[si]!;
  let j = ci + 1;
  let cueLast = ci;
  if (ADDRESSEE_VERBS.has(toks[ci]!.l) || toks[ci]!.l === 'telling') {
    const obj = objectAfter(toks, j);
    if (obj > j) cueLast = obj - 1;
    j = obj;
  } else if (STANCE_PARTICLE_VERBS.has(toks[ci]!.l) && /^(?:to|for|on)$/.test(toks[j]?.l ?? '') && isWord(toks[j + 1])) {
    // "…, referring to the party’s convention", "calling for a ban": the particle belongs to the cue.
    cueLast = j;
    j++;
    const u = toks[j]!;
    const endTok = clauseEnd(ctx, si, j, false);
    if (u.q || endTok - j < 2) return null;
    return { att: mkFound(ctx, si, null, prev.source, span(toks[ci]!, toks[cueLast]!), { start: u.s, end: toks[endTok - 1]!.e }), next: endTok };
  }
  j = contentStart(toks, j);
  const u = toks[j];
  if (j < 0 || !u) return null;
  const endTok = clauseEnd(ctx, si, j, false);
  if (endTok - j < 3) return null;
  let content: Span = { start: u.s, end: toks[endTok - 1]!.e };
  const g = isQuoteMark(u) ? groupOf(ctx, u) : -1;
  if (g >= 0 && ctx.groups[g]!.start === u.s && ctx.groups[g]!.end >= content.end - 1) content = { ...ctx.groups[g]!.inner };
  return { att: mkFound(ctx, si, null, prev.source, span(toks[ci]!, toks[cueLast]!), content), next: endTok };
}

// ---------------------------------------------------------------------------------------------------------------
// Sources

interface SourceFound {
  span: Span;
  /** Token index where the source starts. */
  from: number;
  /** A name, a pronoun or a role noun head (not just any capitalised word). */
  strong: boolean;
  /** The source stands in a clause opened by "while", "although", "as", ... */
  subordinate: boolean;
  /** The source is the relative pronoun of a clause between commas ("X, who denies it, …"). */
  relative?: boolean;
  /** The source is a poll's share ("Sixty-six percent", "nearly half", "4 in 10"). */
  share?: boolean;
}

const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?$/;
const isCount = (t: Tok | undefined): boolean => t !== undefined && !t.q && (isNumber(t) || NUMBER_WORD.test(t.l));

/**
 * A poll's share ending at token k and opening its clause: "Sixty-six percent", "nearly half", "a
 * majority", "more than 4 in 10", "three-quarters". Returns its start or null.
 */
function shareStart(toks: Tok[], k: number): number | null {
  const t = toks[k]!;
  let s: number;
  if (t.l === '10' && toks[k - 1]?.l === 'in' && isCount(toks[k - 2])) s = k - 2;
  else if (SHARE_WORDS.has(t.l) && !t.q) {
    s = k;
    if ((t.l === 'percent' || t.l === '%') && !isCount(toks[k - 1])) return null;
    while (s > 0 && isCount(toks[s - 1])) s--;
  } else return null;
  while (s > 0 && s > k - 8 && SHARE_MODIFIERS.has(toks[s - 1]!.l) && !toks[s - 1]!.q) s--;
  return atClauseEdge(toks, s) ? s : null;
}

/** Is token k the last token of an NER mention or of a capitalised name? */
function nameEndingAt(ctx: Ctx, toks: Tok[], k: number): number {
  const t = toks[k];
  if (!t || t.q) return -1;
  const m = ctx.mentionEnd.get(t.e);
  if (m && m.type !== 'LOC') {
    let s = k;
    while (s > 0 && toks[s]!.s > m.start) s--;
    if (toks[s]!.s === m.start) {
      // a person "of" a body is the person with the body ("Kristian Andersen of Scripps Research",
      // "Dr. Joneigh Khaldun of the Michigan Department of Health")
      const o = toks[s - 1]?.l === 'the' ? s - 2 : s - 1;
      const of = toks[o];
      const person = of && of.l === 'of' && !of.q && toks[o - 1] ? ctx.mentionEnd.get(toks[o - 1]!.e) : undefined;
      if (person && person.type === 'PER') {
        let p = o - 1;
        while (p > 0 && toks[p]!.s > person.start) p--;
        if (toks[p]!.s === person.start) return p;
      }
      return s;
    }
  }
  // a number word opens a noun phrase ("Two federal prison officers were charged"), it names no one
  if (!isCap(t) || CAP_STOP.has(t.l) || DETERMINERS.has(t.l) || SOURCE_NUMBER_WORDS.has(t.l)) return -1;
  let s = k;
  while (s > 0) {
    const u = toks[s - 1]!;
    if (u.q) break;
    if (isCap(u) && !CAP_STOP.has(u.l)) s--;
    else if ((u.l === 'of' || u.l === 'for' || u.l === 'and' || u.l === 'the') && isCap(toks[s - 2]) && !CAP_STOP.has(toks[s - 2]!.l) && u.l !== 'and') s--;
    else break;
  }
  return s;
}

/**
 * The source phrase that ends just before token `end` (exclusive): a pronoun, a name, a noun phrase
 * with a role noun head, or a determiner-led noun phrase that opens its clause ("The billionaire real
 * estate magnate says"); with an apposition or relative clause between commas before the cue.
 * `afterQuote`: the phrase follows a closing quote mark, so no apposition is looked for.
 */
function sourceBefore(ctx: Ctx, toks: Tok[], end: number, afterQuote: boolean): SourceFound | null {
  const k = end - 1;
  const t = toks[k];
  if (!t || t.q) return null;
  // A source never ends in a conjunction: "Police arrested two men and said …", "the site surveyed
  // 56,000 developers but noted …" are a clause and a second verb (its subject is found by the
  // coordinated frame), not a source "… and". "who" is a relative pronoun's subject (below).
  if (CLAUSE_WORDS.has(t.l) && t.l !== 'who') return null;
  // "Clark in October revealed", "Smith last week warned": the time between the subject and its verb
  // is no source ("October" spoke for Emirates' president on a CNBC page).
  // When nothing before the time reads as a subject, the phrase ends one ("a report released last
  // year found").
  const when = timeBefore(toks, k);
  if (when) {
    const subject = sourceBefore(ctx, toks, when, afterQuote);
    if (subject) return subject;
    // …and a month there is no name ("a poll released in late August found")
    const phrase = determinerPhrase(ctx, toks, k);
    if (phrase !== null) return finishSource(toks, phrase, k, false);
  }
  // Apposition or relative clause: "Mr Trump's envoy, Steve Witkoff, suggested", "Mr. Paulson, who …, told".
  if (t.w === ',') return afterQuote ? null : appositive(ctx, toks, k);
  // A name with a short parenthesis after it: "Sen. David Perdue (R-Ga.) said".
  if (t.w === ')') {
    let o = k - 1;
    while (o > 0 && o > k - 8 && toks[o]!.w !== '(' && toks[o]!.w !== ')' && !toks[o]!.q) o--;
    if (toks[o]?.w !== '(' || o === k - 1) return null;
    const inner = sourceBefore(ctx, toks, o, afterQuote);
    if (!inner || nameEndingAt(ctx, toks, o - 1) < 0) return null;
    return { ...inner, span: { start: inner.span.start, end: t.e } };
  }
  if ((SUBJECT_PRONOUNS.has(t.l) && !(t.l === 'it' && toks[k + 1]?.l === 'is')) || t.l === 'who') {
    const found = finishSource(toks, k, k, true);
    // "Assange, who denies the accusation, has avoided …": the cue of a relative clause covers that
    // clause only, up to its closing comma, never the main clause around it.
    if (t.l === 'who' && toks[k - 1]?.w === ',') found.relative = found.subordinate = true;
    return found;
  }
  const share = shareStart(toks, k);
  if (share !== null) return { ...finishSource(toks, share, k, true), share: true };
  const head = nounPhraseStart(ctx, toks, k);
  if (head !== null) {
    // "Officials in Moscow said", "Health authorities in China's Inner Mongolia have confirmed": the
    // name closes a role's phrase, and the phrase is the source, not the place it names.
    const prep = toks[head.start - 1];
    const role = toks[head.start - 2];
    if (prep && role && !prep.q && !role.q && /^(?:in|at|from|of|for|on)$/.test(prep.l) && ROLE_NOUNS.has(role.l)) {
      const np = nounPhraseStart(ctx, toks, head.start - 2);
      if (np && atClauseEdge(toks, np.start)) return finishSource(toks, np.start, k, true);
    }
    // "Trump and his supporters claimed": the named one and his own are one source.
    const own = /^(?:his|her|their)$/.test(toks[head.start]!.l);
    const from = nameEndingAt(ctx, toks, k) === head.start || own ? coordinatedNames(ctx, toks, head.start) : head.start;
    return finishSource(toks, from === head.start ? coordinatedRoles(ctx, toks, head.start) : from, k, head.strong);
  }
  const pp = roleWithPhrase(ctx, toks, k);
  if (pp !== null) return finishSource(toks, pp, k, true);
  const weak = determinerPhrase(ctx, toks, k);
  return weak === null ? null : finishSource(toks, weak, k, false);
}

/** What a time phrase ends in: a month (abbreviated with or without its dot), a weekday, a part of the calendar or the day. */
const TIME_NOUNS = new Set([...MONTHS, ...[...MONTHS].map((m) => `${m}.`), ...WEEKDAYS, 'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night']);
const TIME_PREPOSITIONS = new Set(['in', 'on', 'during', 'since', 'by', 'early', 'late', 'last', 'this', 'next', 'earlier', 'later', 'that']);

/**
 * Where a time phrase ending at token `k` starts ("in October", "on Tuesday", "last week", "in early
 * October", "on Nov. 5", "in 2019"), or null when `k` ends none. A phrase needs a preposition or a
 * "last"/"this" before its noun, so a subject named like a month ("May said") stays a subject.
 */
function timeBefore(toks: Tok[], k: number): number | null {
  let j = k;
  // "on Nov. 5", "in October 2019": a day or year after the month
  if (/^\d{1,4}$/.test(toks[j]!.w) && j > 0 && TIME_NOUNS.has(toks[j - 1]!.l)) j--;
  const noun = toks[j]!;
  const year = /^(?:19|20)\d\d$/.test(noun.w);
  if (noun.q || (!TIME_NOUNS.has(noun.l) && !year)) return null;
  let i = j;
  while (i > 0 && i > j - 3 && !toks[i - 1]!.q && TIME_PREPOSITIONS.has(toks[i - 1]!.l)) i--;
  return i < j ? i : null;
}

/** Forms of "be" before a progressive cue ("is saying", "’s claiming", "has been telling"). */
const PROGRESSIVE_BE = new Set(['is', 'are', 'was', 'were', "'s", "'re", "'m", 'am', 'been']);

/** A capitalised word that can open a name (not an opener such as "But" or "In"). */
const isNameStart = (t: Tok | undefined): boolean => isCap(t) && !t!.q && !CAP_STOP.has(t!.l);

/**
 * Names joined by "and" (and commas) before a cue are one source: "Volker and Morrison said",
 * "Ruiz, Cole and Park told". Returns where the list starts, when it opens its clause; else `s`
 * ("Trump met Putin and Xi …" is not a list of speakers).
 */
function coordinatedNames(ctx: Ctx, toks: Tok[], s: number): number {
  const c = toks[s - 1];
  if (!c || c.q || c.l !== 'and') return s;
  let p = s - 2;
  if (toks[p]?.w === ',') p--;
  let start = nameEndingAt(ctx, toks, p);
  if (start < 0 || p - start > 4 || !atClauseEdge(toks, start)) return s;
  // "Ruiz, Cole and Park": further names before commas, as long as the list still opens its clause.
  while (toks[start - 1]?.w === ',' && !toks[start - 1]!.q) {
    const q = nameEndingAt(ctx, toks, start - 2);
    if (q < 0 || start - 2 - q > 4 || !atClauseEdge(toks, q)) break;
    start = q;
  }
  return start;
}

/**
 * Named people with their roles joined by "and" before a cue are one source: "Interior minister
 * Matteo Salvini and transport minister Danilo Toninelli said". `s` starts the last one's phrase
 * ("minister Danilo Toninelli"); returns where the first one's starts, when it opens its clause and
 * each is a role noun (with up to two words before it) and a name; else `s`.
 */
function coordinatedRoles(ctx: Ctx, toks: Tok[], s: number): number {
  const withName = (role: number) => ROLE_NOUNS.has(toks[role]?.l ?? '') && !toks[role]!.q && nameLength(ctx, toks, role + 1) > 0;
  // The last phrase: its role noun, and up to two plain words before it ("transport minister").
  if (!withName(s)) return s;
  let b = s;
  for (let n = 0; n < 2 && isPlainWord(toks[b - 1]) && toks[b - 1]!.l !== 'and'; n++) b--;
  if (toks[b - 1]?.l !== 'and' || toks[b - 1]!.q) return s;
  const end = b - 2;
  const name = nameEndingAt(ctx, toks, end);
  if (name < 0 || end - name > 3) return s;
  let start = name;
  if (!ROLE_NOUNS.has(toks[start - 1]?.l ?? '')) return s;
  start--;
  for (let n = 0; n < 2 && (isPlainWord(toks[start - 1]) || isNameStart(toks[start - 1])); n++) start--;
  return atClauseEdge(toks, start) ? start : s;
}

/** How many tokens the name starting at token `j` has (0 when none starts there). */
function nameLength(ctx: Ctx, toks: Tok[], j: number): number {
  for (let e = Math.min(toks.length - 1, j + 4); e >= j; e--) if (nameEndingAt(ctx, toks, e) === j) return e - j + 1;
  return 0;
}

/** Is the token just before index `s` a clause edge (sentence start, punctuation, a conjunction)? */
function atClauseEdge(toks: Tok[], s: number): boolean {
  const b = toks[s - 1];
  // "Yesterday Ms Ardern and her advisers said", "On Monday Mr Smith and his lawyers said": a time
  // that opens the sentence leaves the clause's subject at its edge.
  if (b && !b.q) {
    const time = OPENING_TIME.has(b.l) ? s - 1 : timeBefore(toks, s - 1);
    if (time !== null && plainEdge(toks, time)) return true;
  }
  return plainEdge(toks, s);
}

/** Words of time that open a sentence on their own ("Yesterday the minister said"). */
const OPENING_TIME = new Set(['yesterday', 'today', 'tonight', 'earlier', 'meanwhile']);

function plainEdge(toks: Tok[], s: number): boolean {
  const b = toks[s - 1];
  return b === undefined || b.w === ',' || b.w === ';' || b.w === ':' || b.w === '(' || isDash(b) || isQuoteMark(b) || CLAUSE_WORDS.has(b.l) || SUBORDINATORS.has(b.l);
}

/**
 * A role noun with a short prepositional phrase after it, ending at token k and opening its clause:
 * "Experts on jail suicide told …", "Officials in the city said …", "people familiar with the talks
 * say", "sources briefed on last weekend's phone call said". Returns its start or null.
 */
function roleWithPhrase(ctx: Ctx, toks: Tok[], k: number): number | null {
  for (let p = k - 1; p >= 2 && p >= k - 8; p--) {
    const u = toks[p]!;
    if (u.q || !(isWord(u) || isPossessive(u)) || AUX.has(u.l) || PASSIVE_AUX.has(u.l) || SPEECH_VERBS.has(u.l) || CLAUSE_WORDS.has(u.l) || SUBJECT_PRONOUNS.has(u.l)) break;
    const who = toks[p - 2]!;
    if (!/^(?:on|of|in|with|to|about)$/.test(u.l) || !KNOWING.has(toks[p - 1]!.l) || who.q || !(ROLE_NOUNS.has(who.l) || who.l === 'person')) continue;
    // "a second person briefed on …": a person is a source only with a determiner or a number before it
    const start = ROLE_NOUNS.has(who.l) ? (nounPhraseStart(ctx, toks, p - 2)?.start ?? null) : determinerPhrase(ctx, toks, p - 2);
    if (start !== null && atClauseEdge(toks, start)) return start;
  }
  for (let p = k - 1; p >= 1 && p >= k - 4; p--) {
    const u = toks[p]!;
    if (u.q || !isWord(u) || AUX.has(u.l) || PASSIVE_AUX.has(u.l) || SPEECH_VERBS.has(u.l) || CLAUSE_WORDS.has(u.l) || SUBJECT_PRONOUNS.has(u.l)) return null;
    if (!/^(?:on|of|in|at|for|from|with)$/.test(u.l) || p === k) continue;
    if (!ROLE_NOUNS.has(toks[p - 1]!.l) || toks[p - 1]!.q) return null;
    const head = nounPhraseStart(ctx, toks, p - 1);
    return head && atClauseEdge(toks, head.start) ? head.start : null;
  }
  return null;
}

/** A noun phrase led by a determiner at a clause edge, ending at token k: up to 8 plain words. Returns its start or null. */
function determinerPhrase(ctx: Ctx, toks: Tok[], k: number): number | null {
  if (!isWord(toks[k]) || isNumber(toks[k]) || PASSIVE_AUX.has(toks[k]!.l) || AUX.has(toks[k]!.l) || PREPOSITIONS.has(toks[k]!.l) || DETERMINERS.has(toks[k]!.l)) return null;
  if (/(?:ly|ing|ed)$/.test(toks[k]!.l) && !ROLE_NOUNS.has(toks[k]!.l)) return null;
  for (let s = k; s >= 0 && s > k - 8; s--) {
    const u = toks[s]!;
    // A quoted title inside the phrase ("the “Pose” actor") is part of it.
    if (s < k && (u.q || isQuoteMark(u))) {
      const g = groupOf(ctx, u);
      if (g >= 0 && ctx.groups[g]!.nWords <= 4 && ctx.groups[g]!.end <= toks[k]!.s) continue;
      return null;
    }
    if (u.q) return null;
    if (!isWord(u) && !isPossessive(u)) return null;
    if (s < k && (CLAUSE_WORDS.has(u.l) || SUBJECT_PRONOUNS.has(u.l) || AUX.has(u.l) || PASSIVE_AUX.has(u.l) || SPEECH_VERBS.has(u.l))) return null;
    if ((DETERMINERS.has(u.l) || isNumber(u) || SOURCE_NUMBER_WORDS.has(u.l)) && atClauseEdge(toks, s)) return s;
  }
  return null;
}

function finishSource(toks: Tok[], from: number, to: number, strong: boolean): SourceFound {
  let subordinate = false;
  for (let k = from - 1; k >= 0; k--) {
    const u = toks[k]!;
    if (SUBORDINATORS.has(u.l)) {
      subordinate = k === 0 || toks[k - 1]!.w === ',' || !isWord(toks[k - 1]);
      break;
    }
    if (u.w === ',' || CLAUSE_WORDS.has(u.l)) break;
  }
  return { span: span(toks[from]!, toks[to]!), from, strong, subordinate };
}

/**
 * Walks left from token k over a noun phrase: names, titles, possessives, modifiers, numbers, a
 * determiner at the left edge, and "of"/"for" inside ("a spokesman for the campaign"). The head (token
 * k) must be a name, a role noun or a number word.
 */
function nounPhraseStart(ctx: Ctx, toks: Tok[], k: number): { start: number; strong: boolean } | null {
  const t = toks[k]!;
  let s: number;
  let strong = true;
  const nameStart = nameEndingAt(ctx, toks, k);
  if (nameStart >= 0) s = nameStart;
  else if (ROLE_NOUNS.has(t.l) || (/(?:man|woman|person|people|ist|ists|ers|ors|ants|ents)$/.test(t.l) && isWord(t) && !t.q)) {
    s = k;
    strong = ROLE_NOUNS.has(t.l);
  } else return null;
  s = extendLeft(ctx, toks, s);
  // Plain noun modifiers before the head ("top black lawmakers", "the state’s campaign chairman",
  // "elected officials"): up to two lower-case words join the phrase when left of them stands a
  // determiner, a possessive, a modifier, or punctuation that opens the clause.
  for (let cur = s, plain = 0; plain < 2 && !atClauseEdge(toks, cur) && isPlainWord(toks[cur - 1]); plain++) {
    cur--;
    const w = extendLeft(ctx, toks, cur);
    // Before a name, a lower-case word between two names is more likely a verb ("Trump met Putin").
    if (nameStart >= 0 && toks.slice(w, cur).some((u) => isCap(u))) break;
    const b = toks[w - 1];
    if (w < cur ? atClauseEdge(toks, w) : b === undefined || /^[,;:(]$/.test(b.w) || isDash(b) || (isQuoteMark(b) && !b.q)) {
      s = w;
      break;
    }
    cur = w;
  }
  // A bare role noun without determiner in lower case at a clause start is fine ("police said"); a
  // bare capitalised word at the sentence start that is a common opener was excluded by CAP_STOP.
  return { start: s, strong };
}

/** A lower-case word that can modify a noun: no function word, verb of saying, pronoun or -ly adverb. */
function isPlainWord(u: Tok | undefined): boolean {
  if (!u || u.q || !/^\p{Ll}[\p{Ll}-]*$/u.test(u.w) || /ly$/.test(u.l)) return false;
  const l = u.l;
  return !(
    CLAUSE_WORDS.has(l) ||
    SUBORDINATORS.has(l) ||
    PREPOSITIONS.has(l) ||
    AUX.has(l) ||
    PASSIVE_AUX.has(l) ||
    SPEECH_VERBS.has(l) ||
    BELIEF_VERBS.has(l) ||
    STANCE_VERBS.has(l) ||
    SUBJECT_PRONOUNS.has(l) ||
    OBJECT_PRONOUNS.has(l) ||
    DETERMINERS.has(l) ||
    NEGATED_SOURCE.has(l) ||
    REJECT_START.has(l)
  );
}

/** Walks left from token s over the rest of a noun phrase: names, possessives, modifiers, a determiner. */
function extendLeft(ctx: Ctx, toks: Tok[], s: number): number {
  while (s > 0) {
    const u = toks[s - 1]!;
    if (u.q) break;
    if (isPossessive(u)) {
      const owner = nameEndingAt(ctx, toks, s - 2);
      if (owner >= 0) {
        s = owner;
        continue;
      }
      if (ROLE_NOUNS.has(toks[s - 2]?.l ?? '')) {
        s -= 2;
        continue;
      }
      // "the state’s campaign chairman": a lower-case owner after a determiner.
      if (isPlainWord(toks[s - 2]) && DETERMINERS.has(toks[s - 3]?.l ?? '') && !toks[s - 3]!.q) {
        s -= 3;
        break;
      }
      break;
    }
    if (DETERMINERS.has(u.l) && !(isCap(u) && s - 1 > 0 && isWord(toks[s - 2]))) {
      s--;
      break;
    }
    if (DETERMINERS.has(u.l)) {
      s--;
      break;
    }
    if (MODIFIERS.has(u.l) || SOURCE_NUMBER_WORDS.has(u.l) || isNumber(u) || ROLE_NOUNS.has(u.l)) {
      s--;
      continue;
    }
    if (isCap(u) && !CAP_STOP.has(u.l)) {
      const ns = nameEndingAt(ctx, toks, s - 1);
      s = ns >= 0 ? ns : s - 1;
      continue;
    }
    if ((u.l === 'of' || u.l === 'for' || u.l === 'at' || u.l === 'to') && s - 2 >= 0) {
      const v = toks[s - 2]!;
      if (ROLE_NOUNS.has(v.l) && !v.q) {
        s -= 2;
        continue;
      }
    }
    if (/^[a-z][a-z-]*(?:ian|ese|ish|ic|al|ary)$/.test(u.l) && !CLAUSE_WORDS.has(u.l) && s - 2 >= 0 && (DETERMINERS.has(toks[s - 2]!.l) || MODIFIERS.has(toks[s - 2]!.l))) {
      s--;
      continue;
    }
    break;
  }
  return s;
}

/**
 * `NP1, NP2, cue` or `NP, who …, cue` (also "Dean Johnson, a salesman from Sumter, South Carolina,
 * says" and "Sarandon, 69, told"): the stretch from NP1 to the comma before the cue is the source.
 * NP1 is a name or a role noun phrase at a clause edge.
 */
function appositive(ctx: Ctx, toks: Tok[], comma: number): SourceFound | null {
  let commas = 0;
  // The leftmost phrase that fits: in "Cmdr. Sean Robertson, a spokesperson for Inherent Resolve, the
  // U.S. military operation …, told" the source starts at the name, not at the second apposition.
  let best: SourceFound | null = null;
  for (let k = comma - 1; k >= 1 && k > comma - 35; k--) {
    const u = toks[k]!;
    // The dot of an abbreviation before a comma ("of Springfield, Va., said") is no sentence end.
    const abbrevDot = u.w === '.' && toks[k - 1] !== undefined && toks[k - 1]!.e === u.s && isCap(toks[k - 1]) && toks[k + 1]?.w === ',';
    // "veterans' families": an apostrophe closing a plural possessive is no quote mark.
    const possessiveMark = (u.w === "'" || u.w === '’') && toks[k - 1] !== undefined && toks[k - 1]!.e === u.s && /s$/i.test(toks[k - 1]!.w) && groupOf(ctx, u) < 0;
    if (u.q || (u.w === '.' && !abbrevDot) || u.w === ';' || u.w === ':' || (isQuoteMark(u) && !possessiveMark)) return best;
    if (u.w !== ',') continue;
    if (++commas > 4) return best;
    const inner = toks[k + 1];
    if (!inner || k + 1 >= comma) continue;
    // "Rep. Elijah Cummings (D-Md.), chair of the committee, said": a name with a short parenthesis.
    let nk = k - 1;
    if (toks[nk]?.w === ')') {
      let o = nk - 1;
      while (o > 0 && o > nk - 8 && toks[o]!.w !== '(' && toks[o]!.w !== ')' && !toks[o]!.q) o--;
      if (toks[o]?.w !== '(' || o === nk - 1 || nameEndingAt(ctx, toks, o - 1) < 0) continue;
      nk = o - 1;
    }
    let head = nounPhraseStart(ctx, toks, nk);
    // "A lawyer for the news outlets, David Schulz, said": a longer description, then a name that
    // fills the apposition.
    if ((!head || !atClauseEdge(toks, head.start)) && nameEndingAt(ctx, toks, comma - 1) === k + 1 && !isCap(toks[nk])) {
      const d = determinerPhrase(ctx, toks, nk);
      if (d !== null) head = { start: d, strong: true };
    }
    // "A March 2019 study by the Centre for Economic Policy Research, a London-based think tank,
    // concluded": the name after a paper's "by" or "from" is the source, as it is with no apposition.
    if (!head || (!atClauseEdge(toks, head.start) && !paperBy(ctx, toks, head.start))) continue;
    const name = nameEndingAt(ctx, toks, nk) >= 0;
    const ok =
      /^(?:who|which|whose|whom)$/.test(inner.l) ||
      DETERMINERS.has(inner.l) ||
      isNumber(inner) ||
      (isCap(inner) && !CAP_STOP.has(inner.l)) ||
      MODIFIERS.has(inner.l) ||
      ROLE_NOUNS.has(inner.l) ||
      (name && /^(?:in|at|from|speaking|writing|appearing|interviewed)$/.test(inner.l)) ||
      // After a name, any noun phrase is an apposition ("Charles Simpson, program administrator for …, told").
      (name && isWord(inner) && !CLAUSE_WORDS.has(inner.l) && !SUBJECT_PRONOUNS.has(inner.l) && !AUX.has(inner.l) && !PASSIVE_AUX.has(inner.l));
    if (!ok) continue;
    best = finishSource(toks, head.start, comma - 1, head.strong);
    k = head.start;
  }
  return best;
}

/**
 * After a thing someone puts out at token `x` (a statement, a letter, a report), who put it out, to the
 * sentence's end: "letter signed by seven physicians.", "statement from the families.". Returns where
 * that phrase ends (the end mark's token), or -1.
 */
function putOutBy(toks: Tok[], x: number): number {
  const thing = toks[x]!;
  if (thing.q || !(PAPERS.has(thing.l) || ISSUED_THINGS.has(thing.l))) return -1;
  let b = x + 1;
  if (/^(?:signed|written|sent|issued|released|posted)$/.test(toks[b]?.l ?? '') && toks[b + 1]?.l === 'by') b += 2;
  else if (toks[b]?.l === 'from' || toks[b]?.l === 'by') b++;
  else return -1;
  let e = b;
  // (not a time: "a report from last week")
  while (e < toks.length && e < b + 6 && isWord(toks[e]) && !toks[e]!.q && !CLAUSE_WORDS.has(toks[e]!.l) && !AUX.has(toks[e]!.l)) {
    if (TIME_NOUNS.has(toks[e]!.l) || /^(?:yesterday|today|tonight|ago)$/.test(toks[e]!.l)) return -1;
    e++;
  }
  return e > b && (e >= toks.length || (/^[.!?]$/.test(toks[e]!.w) && e >= toks.length - 2)) ? e : -1;
}

/**
 * Does a paper's phrase that opens its clause end in "by" or "from" right before token `s` ("A March
 * 2019 study by", "a new report from")?
 */
function paperBy(ctx: Ctx, toks: Tok[], s: number): boolean {
  const by = toks[s - 1];
  const paper = toks[s - 2];
  if (!by || !paper || by.q || paper.q || (by.l !== 'by' && by.l !== 'from') || !PAPERS.has(paper.l)) return false;
  const start = determinerPhrase(ctx, toks, s - 2) ?? nounPhraseStart(ctx, toks, s - 2)?.start ?? null;
  return start !== null && atClauseEdge(toks, start);
}

/** The source after the cue: "said Mr Smith", "said a spokesman for the campaign, who …". */
function sourceAfter(ctx: Ctx, toks: Tok[], j: number, allowOf = false): { span: Span; to: number } | null {
  let k = j;
  const t = toks[k];
  if (!t || t.q) return null;
  if (SUBJECT_PRONOUNS.has(t.l)) return { span: span(t, t), to: k + 1 };
  if (DETERMINERS.has(t.l)) k++;
  const start = k;
  let lastHead = -1;
  while (k < toks.length && k < start + 12) {
    const u = toks[k]!;
    if (u.q) break;
    if (isCap(u) && !CAP_STOP.has(u.l)) lastHead = k;
    else if (ROLE_NOUNS.has(u.l)) lastHead = k;
    else if (isPossessive(u) || MODIFIERS.has(u.l) || SOURCE_NUMBER_WORDS.has(u.l) || isNumber(u) || /^[a-z][a-z-]*(?:ian|ese|ish|ic|al|ary)$/.test(u.l)) {
      /* part of the phrase */
    } else if ((u.l === 'of' || u.l === 'for' || u.l === 'at' || u.l === 'the' || (allowOf && (u.l === 'a' || u.l === 'an' || u.l === 'from' || u.l === 'by'))) && lastHead >= 0) {
      /* inside the phrase */
    } else if ((u.l === 'from' || u.l === 'by') && lastHead >= 0 && PAPERS.has(toks[lastHead]!.l) && (isNameStart(toks[k + 1]) || (toks[k + 1]?.l === 'the' && isNameStart(toks[k + 2])))) {
      /* a paper and who wrote it: "said a report from Kotak Institutional Equities" */
    } else if (isPlainWord(u) && k < start + 6 && (isNameStart(toks[k + 1]) || (isPlainWord(toks[k + 1]) && isNameStart(toks[k + 2])))) {
      /* a description before the name: "said 9/11 widow Terry Strada", "said retired general Lloyd Newton" */
    } else break;
    k++;
  }
  if (lastHead < 0 && k === start && DETERMINERS.has(t.l) && !allowOf) {
    // "“…,” said the actor." / "said the former champion.": a description that ends the sentence.
    let m = start;
    while (
      m < toks.length &&
      m < start + 3 &&
      isWord(toks[m]) &&
      !toks[m]!.q &&
      /^\p{Ll}/u.test(toks[m]!.w) &&
      !PREPOSITIONS.has(toks[m]!.l) &&
      !CLAUSE_WORDS.has(toks[m]!.l) &&
      !AUX.has(toks[m]!.l) &&
      !PASSIVE_AUX.has(toks[m]!.l)
    )
      m++;
    // "says the letter signed by seven physicians.": a thing put out, and who put it out
    for (let x = start; x < m; x++) {
      const e = putOutBy(toks, x);
      if (e > 0) {
        m = e;
        break;
      }
    }
    if (m > start && (m >= toks.length || (/^[.!?]$/.test(toks[m]!.w) && m >= toks.length - 2))) lastHead = m - 1;
  }
  if (lastHead < 0) return null;
  // "said a statement from the families.": who put it out, whatever words name them
  if (lastHead + 1 === k) {
    const e = putOutBy(toks, lastHead);
    if (e > 0) lastHead = e - 1;
  }
  // A trailing apposition up to the end of the sentence: "said Steve Witkoff, Mr Trump's envoy."
  let to = lastHead + 1;
  if (toks[to]?.w === ',' && !allowOf) {
    let m = to + 1;
    while (m < toks.length && isWord(toks[m]) && !toks[m]!.q && m < to + 14) m++;
    if (m > to + 1 && (m >= toks.length || /^[.!?]$/.test(toks[m]!.w))) to = m;
  }
  return { span: { start: toks[j]!.s, end: toks[to - 1]!.e }, to };
}

// ---------------------------------------------------------------------------------------------------------------
// Quotations with no cue of their own

/** Index of the sentence holding offset `at` (sentences are in order and do not overlap), or -1. */
function sentenceAt(sents: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sents.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sents[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function attachLooseQuotes(ctx: Ctx, kept: Found[]): void {
  const covered = (g: QuoteGroup): boolean => kept.some((k) => k.content.start < g.inner.end && g.inner.start < k.content.end);
  for (let gi = 0; gi < ctx.groups.length; gi++) {
    const g = ctx.groups[gi]!;
    if (covered(g) || g.nWords === 0) continue;
    // Only quotations that open a sentence and fill whole sentences are speech without a cue;
    // a quoted phrase inside narration is a term or a scare quote.
    const si = sentenceAt(ctx.sents, g.start);
    if (si < 0) continue;
    const sent = ctx.sents[si]!;
    // A signature right after the closing mark ("…”― Name") runs on in the same sentence.
    if (sent.start !== g.start || !(wholeSentencesQuote(ctx, g, si) || signatureAfter(ctx, g))) continue;
    if (g.nWords < 3) continue;
    // The sentence before, in the same paragraph, holds a quote attribution: the quotation goes on.
    const prevAtt =
      si > 0 && ctx.para[si - 1] === ctx.para[si] ? kept.find((k) => k.sent === si - 1 || (k.content.end > ctx.sents[si - 1]!.start && k.content.end <= ctx.sents[si - 1]!.end)) : undefined;
    if (prevAtt && prevAtt.content.end <= g.start) {
      prevAtt.content = { start: prevAtt.content.start, end: g.inner.end };
      prevAtt.kind = 'quote';
      continue;
    }
    // The sentence before ends with a cue and a colon ("He said:").
    if (si > 0) {
      const pt = ctx.toks[si - 1]!;
      const last = pt[pt.length - 1];
      if (last?.w === ':') {
        let c = pt.length - 2;
        while (c >= 0 && !(SPEECH_VERBS.has(pt[c]!.l) && !pt[c]!.q && !isCap(pt[c])) && c > pt.length - 12) c--;
        if (c >= 0 && SPEECH_VERBS.has(pt[c]!.l)) {
          let cs = c;
          while (cs > 0 && AUX.has(pt[cs - 1]!.l)) cs--;
          const src = sourceBefore(ctx, pt, cs, false);
          if (src) {
            kept.push({ kind: 'quote', source: src.span, cue: span(pt[cs]!, pt[c]!), content: { ...g.inner }, sent: si });
            continue;
          }
        }
      }
    }
    // A signature after the quotation, alone to the paragraph's end: "“…” ― Pamela Padilla" (an epigraph's attribution).
    const sig = signatureAfter(ctx, g);
    if (sig) {
      kept.push({ kind: 'quote', source: sig.source, cue: sig.cue, content: { ...g.inner }, sent: si });
      continue;
    }
    kept.push({ kind: 'quote', source: null, cue: null, content: { ...g.inner }, sent: si });
  }
}

/**
 * `“…” ― Pamela Padilla` / `“…” — Sen. John Smith, R-Texas`: after the closing mark, a dash and a name
 * (capitalised words, then at most a short description after a comma), and nothing else to the end of
 * the paragraph. The dash is the cue.
 */
function signatureAfter(ctx: Ctx, g: QuoteGroup): { source: Span; cue: Span } | null {
  const text = ctx.text;
  let end = text.indexOf('\n', g.end);
  if (end < 0) end = text.length;
  if (end - g.end > 120) return null;
  const m = /^[ \t]*([―—–]|--?)[ \t]*((?:\p{Lu}[\p{L}.'’-]*)(?:[ \t]+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|da|bin|al))*)(?:,[^\n“”"]{0,60})?[ \t]*$/u.exec(text.slice(g.end, end));
  if (!m) return null;
  const dashAt = g.end + m[0].indexOf(m[1]!);
  const nameAt = g.end + m[0].indexOf(m[2]!, m[0].indexOf(m[1]!) + m[1]!.length);
  const words = m[2]!.split(/\s+/);
  if (words.length > 5 || words.every((w) => CAP_STOP.has(w.toLowerCase()))) return null;
  return { source: { start: nameAt, end: nameAt + m[2]!.length }, cue: { start: dashAt, end: dashAt + m[1]!.length } };
}

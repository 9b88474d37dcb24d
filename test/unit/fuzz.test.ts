/**
 * Issue #6: extraction and analysis never throw on random or adversarial input, always give
 * well-formed output, and finish in bounded time.
 *
 * Seeded and bounded: the same cases every run (mulberry32, the repository's PRNG), a fixed number
 * of them, and a time budget per call that a linear algorithm meets with a wide margin while a
 * catastrophic regular expression or a quadratic loop on a 200 KB input misses it by seconds.
 *
 * Text cases go through every stage the background runs on an article, one call at a time: the
 * tokenizer and its sentence grouping, the claim stage's sentence splitter and quote finder, the
 * named-entity tagger with the shipped model (findMentions), buildActors, findAttributions,
 * findClaims (speakers, check-worthiness, signals), claimSignals, the event terms, fingerprint and
 * dates, the archive's search parser, a reader's "mark as claim" selection and the page layer's
 * quote anchoring. HTML cases go through lib/extract on documents parsed with linkedom; markup
 * planted in scripts, styles, templates and attributes must never come out as text, and the
 * document must not change.
 */
import { readFileSync } from 'node:fs';
import { DOMParser as LinkedomParser } from 'linkedom';
import { afterAll, describe, it } from 'vitest';
import { parseSearch, MAX_QUERY_WORDS } from '../../lib/archive/search';
import { extractDates } from '../../lib/events/dates';
import { computeFingerprint, documentTerms } from '../../lib/events/fingerprint';
import { loadIdfTable } from '../../lib/events/idf';
import { terms } from '../../lib/events/terms';
import { countWords } from '../../lib/extract/blocks';
import { extractArticle, readerMessage, readPage } from '../../lib/extract/index';
import { buildActors } from '../../lib/nlp/actors';
import { canonicalName } from '../../lib/nlp/canonical-names';
import { findAttributions } from '../../lib/nlp/claims/attribution';
import { loadCheckworthyModel } from '../../lib/nlp/claims/checkworthy';
import { findClaims } from '../../lib/nlp/claims/find';
import { claimFromSelection } from '../../lib/nlp/claims/missed';
import { claimSignals } from '../../lib/nlp/claims/signals';
import { findMentions, loadNerModel } from '../../lib/nlp/ner';
import { mulberry32 } from '../../lib/nlp/ner/train';
import { findQuoteSpans, splitSentences as claimSentences } from '../../lib/nlp/sentences';
import { splitSentences, tokenize } from '../../lib/nlp/tokenize';
import { locateQuotes, quoteFor } from '../../lib/page/anchor';
import type { Article, ClaimKind, TextSpan } from '../../lib/types';

const SEED = 0x0b5e5510;
/** Random text cases on top of the fixed adversarial ones (fixed + random = TEXT_CASES). */
const TEXT_CASES = 300;
const HTML_CASES = 120;
/**
 * Per call. The biggest inputs (200 KB) take up to a second or two on a slow, loaded machine;
 * quadratic behaviour on them takes minutes (a page of line breaks took 250 s before it was fixed).
 */
const BUDGET_MS = 10_000;
const MAX_RANDOM_CHARS = 250_000;

const ner = loadNerModel(readFileSync(new URL('../../public/models/ner.bin', import.meta.url)));
const scorer = loadCheckworthyModel(JSON.parse(readFileSync(new URL('../../public/models/claims.json', import.meta.url), 'utf8')));
const idf = loadIdfTable(readFileSync(new URL('../../public/models/idf.json', import.meta.url), 'utf8'));

// ---------------------------------------------------------------------------------------------
// Timing

const figures = { calls: 0, cases: 0, slowest: { ms: 0, what: '' }, slowCase: { ms: 0, what: '' } };

/** Runs `fn`, fails when it throws or exceeds the budget, and keeps the slowest call for the report. */
function timed<T>(what: string, fn: () => T): T {
  const t0 = performance.now();
  let out: T;
  try {
    out = fn();
  } catch (err) {
    throw new Error(`${what} threw: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`, { cause: err });
  }
  const ms = performance.now() - t0;
  figures.calls++;
  if (ms > figures.slowest.ms) figures.slowest = { ms, what };
  if (ms >= BUDGET_MS) throw new Error(`${what} took ${ms.toFixed(0)} ms (budget ${BUDGET_MS} ms)`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inputs

const show = (s: string) => (s.length > 60 ? `${JSON.stringify(s.slice(0, 40))}… (${s.length.toLocaleString('en')} chars)` : JSON.stringify(s));

/** Named adversarial inputs, each a list of paragraphs. Kept as a list so the report can cite them. */
const ADVERSARIAL: [string, string[]][] = [
  ['empty article', []],
  ['one empty paragraph', ['']],
  ['white space only', [' \t\u00a0\u2028\ufeff ']],
  ['200 KB single word', ['a'.repeat(200_000)]],
  ['200 KB capitalised word ending in ’s', [`A${'b'.repeat(199_997)}’s`]],
  ['word followed by 50,000 ’s clitics', [`Trump${"'s".repeat(50_000)}`]],
  ["50,000 n't", ["n't".repeat(50_000)]],
  ['50,000 dots', ['.'.repeat(50_000)]],
  ['30,000 ". "', ['. '.repeat(30_000)]],
  ['50,000 commas', [','.repeat(50_000)]],
  ['30,000 ", "', [', '.repeat(30_000)]],
  ['30,000 "..."', ['...'.repeat(30_000)]],
  ['50,000 ellipses', ['…'.repeat(50_000)]],
  ['30,000 "?!"', ['?!'.repeat(30_000)]],
  ['30,000 capitalised words', ['Xx '.repeat(30_000)]],
  ['30,000 capitalised words, sentences', ['Xx Yy. '.repeat(15_000)]],
  ['20,000 ALL-CAPS words', ['WORD '.repeat(20_000)]],
  ['50,000 capital letters', ['A'.repeat(50_000)]],
  ['100,000 digits', ['1'.repeat(100_000)]],
  ['50,000 "1,"', ['1,'.repeat(50_000)]],
  ['50,000 "1."', ['1.'.repeat(50_000)]],
  ['mixed quote marks × 10,000', ['“‘"\'«»„‹›”’'.repeat(10_000)]],
  ['50,000 unclosed “', ['“'.repeat(50_000)]],
  ['50,000 straight "', ['"'.repeat(50_000)]],
  ["50,000 straight '", ["'".repeat(50_000)]],
  ['5,000 nested unclosed quotes with words', ['He said “she said ‘they said «'.repeat(5_000)]],
  ['quote open in one paragraph, 2,000 paragraphs', ['“It is open', ...Array.from({ length: 2_000 }, () => '“and it continues')]],
  ['20,000 unpaired high surrogates', ['\ud800'.repeat(20_000)]],
  ['20,000 unpaired low surrogates between letters', ['a\udc00'.repeat(20_000)]],
  ['surrogates split inside names', ['Donald\ud83d Trump\ude00 said \ud83d“hello\ude00”.']],
  ['50,000 combining marks on one letter', [`a${'\u0301'.repeat(50_000)}`]],
  ['combining marks inside names', ['T\u0301r\u0308u\u0300m\u20ddp said that Ma\u0301cron agreed. '.repeat(3_000)]],
  ['right-to-left override around a sentence', ['\u202eDonald Trump said the deal was done.\u202c Sources said otherwise.']],
  ['50,000 right-to-left marks', ['\u200f'.repeat(50_000)]],
  ['bidi isolates and zero-width characters in names', ['\u2066Emmanuel\u2069 \u200bMacron\u200b said “\u200dyes\u200d”, according to \u2067Nato\u2069.']],
  ['50,000 NUL characters', ['\u0000'.repeat(50_000)]],
  ['control characters in a sentence', ['Donald\u0000Trump\u0007 said\u001b[31m that \u007fthe\u0085 deal\u0008 was done.']],
  ['HTML-looking text × 5,000', ['<img src=x onerror=alert(1)> '.repeat(5_000)]],
  ['script-looking text', ['<script>alert(1)</script> said Donald Trump. <svg onload=alert(1)> “<b>bold</b>”, he said.']],
  ['30,000 "Mr. "', ['Mr. '.repeat(30_000)]],
  ['30,000 "Mr "', ['Mr '.repeat(30_000)]],
  ['30,000 initials', ['J. '.repeat(30_000)]],
  ['20,000 "U.S. "', ['U.S. '.repeat(20_000)]],
  ['20,000 "said that "', ['said that '.repeat(20_000)]],
  ['10,000 "according to "', ['according to '.repeat(10_000)]],
  ['10,000 "sources said, "', ['sources said, '.repeat(10_000)]],
  ['10,000 quoted sentences with "he said"', ['“Yes,” he said. '.repeat(10_000)]],
  ['10,000 "It is understood that "', ['It is understood that '.repeat(10_000)]],
  ['5,000 "Sir Keir Starmer, the prime minister, said "', ['Sir Keir Starmer, the prime minister, said '.repeat(5_000)]],
  ['100,000 spaces then a letter', [`${' '.repeat(100_000)}x`]],
  ['100,000 line breaks', ['\n'.repeat(100_000)]],
  ['50,000 no-break spaces', ['\u00a0'.repeat(50_000)]],
  ['50,000 tabs between words', ['a\t'.repeat(50_000)]],
  ['50,000 hyphens in one word', ['a-'.repeat(50_000)]],
  ['50,000 em dashes in one word', ['a—'.repeat(50_000)]],
  ['100,000 em dashes', ['—'.repeat(100_000)]],
  ['50,000 slashes in one word', ['a/'.repeat(50_000)]],
  ['100,000 slashes', ['/'.repeat(100_000)]],
  ['URL of 100,000 characters', [`http://${'a'.repeat(100_000)}`]],
  ['www. and 50,000 dots', [`www.${'a.'.repeat(50_000)}`]],
  ['50,000 "a@"', ['a@'.repeat(50_000)]],
  ['50,000 emoji', ['😀'.repeat(50_000)]],
  ['50,000 opening brackets', ['('.repeat(50_000)]],
  ['50,000 closing brackets', [')'.repeat(50_000)]],
  ['10,000 dates', ['March 3, 2019 '.repeat(10_000)]],
  ['10,000 ISO dates', ['2019-01-01 '.repeat(10_000)]],
  ['10,000 "last week"', ['last week '.repeat(10_000)]],
  ['10,000 "3 days ago"', ['3 days ago '.repeat(10_000)]],
  ['10,000 "in 2019"', ['in 2019 '.repeat(10_000)]],
  ['100,000 CJK characters', ['中'.repeat(100_000)]],
  ['Arabic text', ['قال الرئيس إن المحادثات ستستأنف. '.repeat(3_000)]],
  ['5,000 paragraphs "Mr Trump said."', Array.from({ length: 5_000 }, () => 'Mr Trump said.')],
  ['20,000 one-letter paragraphs', Array.from({ length: 20_000 }, () => 'x')],
  ['one sentence of 30,000 words without punctuation', ['the minister told reporters '.repeat(7_500)]],
  ['50,000 joining commas before "and"', [`He said, ${','.repeat(50_000)} and`]],
  ['50,000 joining dashes inside a claim', [`Officials said ${'-'.repeat(50_000)} the talks would resume.`]],
  ['picture credit after 50,000 spaces', [`Caption${' '.repeat(50_000)}(AFP/Getty)`]],
  ['50,000 spaces before a blank line', [`“It is${' '.repeat(50_000)}`, 'open,” he said.']],
  ['claim text with 50,000 trailing separators', [`A spokesman${' ,;:'.repeat(12_500)} said the deal was done.`]],
];

/** Sentences that make a text English and give the tagger and the claim finder something to find. */
const ENGLISH_BEFORE = 'Donald Trump, the US president, said on Monday that talks with Nato would resume in Brussels next week.';
const ENGLISH_AFTER = '“We will see,” he told reporters, according to a senior official in Washington.';

/** Fragments for random text: words, names, cues, punctuation, numbers, markup, and awkward Unicode. */
const FRAGMENTS = [
  ...'the of and to a in is that for it was on with as he be by at his have are from this not but had they were has said which will'.split(' '),
  'Donald Trump',
  'Mr Trump',
  'President Trump',
  'Sir Keir Starmer',
  'Keir Starmer',
  'Emmanuel Macron',
  'the French president',
  'Nato',
  'NATO',
  'the United Nations',
  'UN',
  'Kyiv',
  'Ukraine',
  'Moscow',
  'Reuters',
  'the BBC',
  'Downing Street',
  'Mr',
  'Dr.',
  'U.S.',
  'J.',
  'said',
  'told',
  'according to',
  'claimed',
  'suggested',
  'reportedly',
  'allegedly',
  'it is understood that',
  'sources said',
  'a senior official said',
  'he said',
  'she added',
  'they told',
  'could be',
  'may have',
  'is said to be',
  'warned',
  '“',
  '”',
  '‘',
  '’',
  '"',
  "'",
  '«',
  '»',
  '„',
  '‹',
  '›',
  '.',
  ',',
  '!',
  '?',
  '…',
  '...',
  ':',
  ';',
  '—',
  '–',
  '-',
  '(',
  ')',
  '[',
  ']',
  '/',
  '&',
  '%',
  '$',
  '£',
  '€',
  '*',
  '#',
  '@',
  '|',
  '\\',
  '2019',
  '3',
  '1,000',
  '6.1',
  '24/7',
  '2024-02-30',
  'March 3, 2019',
  'last week',
  '3 days ago',
  '1st',
  'Monday',
  '10:30 am',
  '£5bn',
  'https://x.example/a?b=c',
  'www.example.com',
  'a@b.co',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '&lt;b&gt;',
  '</p>',
  '<!--',
  '-->',
  '{{7*7}}',
  '${alert(1)}',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u202c',
  '\u2066',
  '\u2069',
  '\u0301',
  '\u0308',
  '\u20dd',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udc00',
  '\ud83d',
  '😀',
  '👩‍👩‍👧',
  '中文',
  'Ελλάδα',
  'Москва',
  'العربية',
  'İstanbul',
  'ǅ',
  'ß',
  'ﬁ',
  '\u00a0',
  '\t',
  '\n',
  '\n\n',
  '\r',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
];

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function randomParagraph(r: Rand): string {
  const n = int(r, 0, r() < 0.1 ? 600 : 80);
  let out = '';
  for (let i = 0; i < n; i++) {
    let f = pick(r, FRAGMENTS);
    const roll = r();
    if (roll < 0.05) f = f.toUpperCase();
    else if (roll < 0.08) f = f.repeat(int(r, 2, 2000));
    else if (roll < 0.1) f = String.fromCharCode(int(r, 0, 0xffff));
    out += f + pick(r, [' ', ' ', ' ', '', ', ', '. ', '\u00a0']);
  }
  return out;
}

/**
 * Random articles of up to 250,000 characters: extraction hands the analysis at most 200,000
 * (DEFAULT_MAX_TEXT_CHARS), so this covers every size the analysis can be given.
 */
function randomText(r: Rand): string[] {
  const n = r() < 0.05 ? int(r, 100, 600) : int(r, 1, 20);
  const out: string[] = [];
  let chars = 0;
  for (let i = 0; i < n && chars < MAX_RANDOM_CHARS; i++) {
    const p = randomParagraph(r).slice(0, MAX_RANDOM_CHARS - chars);
    out.push(p);
    chars += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checks (a plain throw: expect() per token is too slow for hundreds of thousands of checks)

function ok(cond: boolean, message: () => string): void {
  if (!cond) throw new Error(`not well formed: ${message()}`);
}

function checkSpanIn(text: string, start: number, end: number, what: string): void {
  ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length, () => `${what}: [${start}, ${end}) within ${text.length}`);
}

function checkClaimSpans(paragraphs: string[], spans: TextSpan[], what: string): void {
  ok(spans.length > 0, () => `${what}: has spans`);
  let prev: TextSpan | null = null;
  for (const s of spans) {
    const p = paragraphs[s.paragraph];
    ok(typeof p === 'string', () => `${what}: paragraph ${s.paragraph} exists`);
    checkSpanIn(p!, s.start, s.end, what);
    ok(s.end > s.start, () => `${what}: non-empty span`);
    if (prev) ok(s.paragraph > prev.paragraph || (s.paragraph === prev.paragraph && s.start >= prev.end), () => `${what}: spans in reading order`);
    prev = s;
  }
}

/** Every stage of the analysis on one article's paragraphs, with its checks. */
function analyseText(name: string, paragraphs: string[], r: Rand): void {
  const doc = paragraphs.join('\n\n');
  // Tokenizer (NER side): tokens are slices of the text, in order, not overlapping.
  for (let pi = 0; pi < Math.min(paragraphs.length, 50); pi++) {
    const p = paragraphs[pi]!;
    const tokens = timed(`tokenize(${name})`, () => tokenize(p));
    let end = 0;
    for (const t of tokens) {
      checkSpanIn(p, t.start, t.end, 'token');
      ok(t.start >= end && t.text.length > 0 && t.text === p.slice(t.start, t.end), () => `token ${show(t.text)} at ${t.start}: in order, non-empty, a slice of the text`);
      end = t.end;
    }
    const sents = timed(`splitSentences(tokens of ${name})`, () => splitSentences(tokens));
    ok(sents.reduce((n, s) => n + s.length, 0) === tokens.length, () => 'sentences hold every token once');
  }
  // The claim stage's sentences and quotes.
  const sentences = timed(`sentences.splitSentences(${name})`, () => claimSentences(doc));
  let last = 0;
  for (const s of sentences) {
    checkSpanIn(doc, s.start, s.end, 'sentence');
    ok(s.start >= last && s.text === doc.slice(s.start, s.end), () => `sentence at ${s.start}: in order, a slice of the text`);
    last = s.end;
  }
  const quotes = timed(`findQuoteSpans(${name})`, () => findQuoteSpans(doc));
  for (let i = 0; i < quotes.length; i++) {
    checkSpanIn(doc, quotes[i]!.start, quotes[i]!.end, 'quote span');
    if (i) ok(quotes[i]!.start >= quotes[i - 1]!.start, () => 'quote spans sorted by start');
  }
  // Names and actors.
  const found = timed(`findMentions(${name})`, () => findMentions(ner, paragraphs));
  for (const m of found) {
    const p = paragraphs[m.paragraph];
    ok(typeof p === 'string', () => `mention in paragraph ${m.paragraph}`);
    checkSpanIn(p!, m.start, m.end, 'mention');
    ok(m.end > m.start && m.text === p!.slice(m.start, m.end) && ['PER', 'ORG', 'LOC'].includes(m.type), () => `mention ${show(m.text)}: non-empty slice, known type`);
  }
  const { actors, mentions } = timed(`buildActors(${name})`, () => buildActors(paragraphs, found, { canonical: canonicalName }));
  const keys = new Set(actors.map((a) => a.key));
  ok(keys.size === actors.length, () => 'actor keys are unique');
  for (const a of actors) ok(a.mentions > 0 && typeof a.name === 'string', () => `actor ${a.key}`);
  for (const m of mentions) if (m.actorKey !== undefined) ok(keys.has(m.actorKey), () => `mention's actor ${m.actorKey} exists`);
  // Attributions and claims.
  const atts = timed(`findAttributions(${name})`, () => findAttributions(doc, { mentions: [] }));
  for (const a of atts) {
    checkSpanIn(doc, a.content.start, a.content.end, 'attribution content');
    if (a.source) checkSpanIn(doc, a.source.start, a.source.end, 'attribution source');
    if (a.cue) checkSpanIn(doc, a.cue.start, a.cue.end, 'attribution cue');
  }
  const claims = timed(`findClaims(${name})`, () => findClaims({ paragraphs, mentions, actors, model: scorer }));
  const ids = new Set<string>();
  for (const c of claims) {
    checkClaimSpans(paragraphs, c.spans, `claim ${c.id}`);
    ok(!ids.has(c.id), () => `claim id ${c.id} is unique`);
    ids.add(c.id);
    ok(Number.isFinite(c.checkworthiness) && c.checkworthiness >= 0 && c.checkworthiness <= 1, () => `claim ${c.id}: checkworthiness in 0..1`);
    ok(['quote', 'reported', 'factual'].includes(c.kind), () => `claim ${c.id}: kind`);
    ok(c.speakerKey === null || keys.has(c.speakerKey), () => `claim ${c.id}: speaker is an actor`);
  }
  for (const p of paragraphs.slice(0, 20)) {
    const kind = pick(r, ['quote', 'reported', 'factual'] as ClaimKind[]);
    const signals = timed(`claimSignals(${name})`, () =>
      claimSignals({ text: p, kind, source: r() < 0.5 ? p.slice(0, 200) : null, sourceNamed: r() < 0.5, cue: r() < 0.5 ? p.slice(0, 40) : null, noSpeaker: r() < 0.5 }),
    );
    for (const s of signals) ok(typeof s.reason === 'string' && s.reason.length > 0, () => `signal ${s.code} has a reason`);
  }
  // Events.
  const published = pick(r, [null, '2025-08-19T10:00:00Z', 'not a date', '9999-99-99', '']);
  const article = { title: paragraphs[0]?.slice(0, 300) ?? '', paragraphs, published };
  const ts = timed(`terms(${name})`, () => terms(doc));
  for (const t of ts) ok(t.length > 0, () => 'terms are non-empty');
  timed(`documentTerms(${name})`, () => documentTerms(article));
  const fp = timed(`computeFingerprint(${name})`, () => computeFingerprint(article, actors, idf));
  ok(fp.terms.length === fp.counts.length && fp.dates.length % 2 === 0 && fp.dates.every(Number.isFinite), () => 'fingerprint is well formed');
  JSON.stringify(fp);
  const dates = timed(`extractDates(${name})`, () => extractDates(doc, { ref: r() < 0.5 ? null : 20_000 }));
  for (const [from, to] of dates) ok(Number.isFinite(from) && Number.isFinite(to) && from <= to, () => `date interval [${from}, ${to}]`);
  // What the reader types and selects.
  for (const q of [doc.slice(0, 600), paragraphs[paragraphs.length - 1] ?? '']) {
    const parsed = timed(`parseSearch(${name})`, () => parseSearch(q));
    ok(parsed.words.length <= MAX_QUERY_WORDS, () => 'search words are capped');
  }
  if (paragraphs.length) {
    const pi = int(r, 0, paragraphs.length - 1);
    const p = paragraphs[pi]!;
    const a = int(r, 0, p.length);
    const selection = p.slice(a, a + int(r, 0, 6000));
    const marked = timed(`claimFromSelection(${name})`, () => claimFromSelection(paragraphs, selection));
    if (typeof marked !== 'string') checkClaimSpans(paragraphs, marked.spans, 'marked claim');
  }
  // The page layer anchors mentions and claims by text quote.
  const index = { text: paragraphs.join(' ') };
  const quotesToFind = [
    ...mentions.slice(0, 500).map((m) => ({ ...quoteFor(paragraphs[m.paragraph]!, m.start, m.end), hint: m.paragraph / Math.max(1, paragraphs.length) })),
    ...claims.slice(0, 200).flatMap((c) => c.spans.map((s) => quoteFor(paragraphs[s.paragraph]!, s.start, s.end))),
  ];
  const located = timed(`locateQuotes(${name})`, () => locateQuotes(index, quotesToFind));
  for (const at of located) if (at) checkSpanIn(index.text, at[0], at[1], 'anchored quote');
  timed(`countWords(${name})`, () => countWords(paragraphs));
}

// ---------------------------------------------------------------------------------------------
// HTML documents

const MARK = 'PWNED_MARKER';
const BLOCKS = [
  'p',
  'div',
  'article',
  'section',
  'main',
  'blockquote',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'figure',
  'figcaption',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'header',
  'footer',
  'nav',
  'aside',
  'form',
  'details',
  'summary',
];
const INLINES = ['span', 'a', 'b', 'i', 'em', 'strong', 'time', 'abbr', 'font', 'backstory-mark', 'x-widget', 'br', 'img', 'wbr', 'sup', 'q'];
const ATTRS = [
  'class="article-body"',
  'class="comment sidebar"',
  'class="byline author"',
  'class="dateline"',
  'id="main"',
  'hidden',
  'aria-hidden="true"',
  `onerror="${MARK}()"`,
  `onclick="${MARK}()"`,
  `onmouseover="${MARK}()"`,
  `onload="${MARK}()"`,
  `style="background:url(/beacon?${MARK})"`,
  `href="javascript:${MARK}()"`,
  `href="data:text/html,<script>${MARK}()</script>"`,
  'href="https://example.org/x"',
  `src="/beacon?${MARK}"`,
  'itemprop="articleBody"',
  'itemprop="author"',
  'rel="author"',
  'dir="rtl"',
  'lang="en"',
  'contenteditable',
  `data-x="${MARK}"`,
];
/** Elements whose content is never text: each carries the marker, which must never come out. */
const HOSTILE = [
  `<script>window.${MARK}=1</script>`,
  `<script src="/beacon?${MARK}"></script>`,
  `<style>@import url(/beacon?${MARK}); body{background:url(/beacon?${MARK})}</style>`,
  `<template><p>${MARK} in a template</p></template>`,
  `<iframe srcdoc="<p>${MARK}</p><script>parent.${MARK}=1</script>"></iframe>`,
  `<svg onload="${MARK}()"><script>${MARK}()</script></svg>`,
  `<object data="/beacon?${MARK}"></object>`,
  `<embed src="/beacon?${MARK}">`,
  `<textarea>${MARK}</textarea>`,
  `<select><option>${MARK}</option></select>`,
  `<img src=x onerror="${MARK}()">`,
  `<noscript><img src="/beacon?${MARK}"></noscript>`,
  `<math><mtext><script>${MARK}()</script></mtext></math>`,
];

function randomHead(r: Rand): string {
  const parts: string[] = [];
  if (r() < 0.8) parts.push(`<title>${esc(randomParagraph(r).slice(0, int(r, 0, 300)))}</title>`);
  if (r() < 0.5) parts.push('<meta property="og:type" content="article">');
  if (r() < 0.3) parts.push(`<meta name="author" content="${esc(randomParagraph(r).slice(0, 200))}">`);
  if (r() < 0.3) parts.push(`<meta property="article:published_time" content="${esc(pick(r, ['2025-08-19T10:00:00Z', 'yesterday', '9999-99-99T99:99', randomParagraph(r).slice(0, 40)]))}">`);
  if (r() < 0.3) {
    const ld = pick(r, [
      `{"@type":"NewsArticle","headline":${JSON.stringify(randomParagraph(r).slice(0, 200))},"author":{"name":${JSON.stringify(randomParagraph(r).slice(0, 60))}}}`,
      '{"@type":',
      `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      `{"@graph":[${Array.from({ length: 500 }, () => '{"@type":"Person"}').join(',')}]}`,
      `{"@type":"NewsArticle","publisher":{"name":"</script><script>${MARK}()</script>"}}`,
    ]);
    parts.push(`<script type="application/ld+json">${ld}</script>`);
  }
  if (r() < 0.3)
    parts.push(
      `<link rel="canonical" href="${esc(pick(r, ['javascript:alert(1)', 'data:text/html,x', '//evil.example/a', `/a${'/'.repeat(20_000)}x/`, 'https://news.example/story?utm_source=x', ':::']))}">`,
    );
  if (r() < 0.2) parts.push(`<base href="${pick(r, ['javascript:alert(1)//', 'https://evil.example/', '/'])}">`);
  if (r() < 0.2) parts.push(`<meta http-equiv="refresh" content="0;url=javascript:${MARK}()">`);
  if (r() < 0.3) parts.push(pick(r, HOSTILE));
  return parts.join('');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * A random body of at most `state.left` elements, nested up to 14 deep. Text is escaped, except now
 * and then (`state.raw` says so): raw text with "<", "<!--" or "&" in it breaks the markup around it,
 * as on a badly made page, and may turn attributes into visible text.
 */
function randomBody(r: Rand, depth: number, state: { left: number; raw: boolean }): string {
  let out = '';
  const n = int(r, 1, 6);
  for (let i = 0; i < n && state.left > 0; i++) {
    state.left--;
    const roll = r();
    if (roll < 0.1) out += pick(r, HOSTILE);
    else if (roll < 0.45 || depth > 14) {
      if (r() < 0.9) out += esc(randomParagraph(r).slice(0, int(r, 0, 2000)));
      else {
        out += randomParagraph(r).slice(0, 500);
        state.raw = true;
      }
    } else {
      const tag = r() < 0.6 ? pick(r, BLOCKS) : pick(r, INLINES);
      const attrs = Array.from({ length: int(r, 0, 3) }, () => pick(r, ATTRS)).join(' ');
      out += `<${tag}${attrs ? ` ${attrs}` : ''}>${randomBody(r, depth + 1, state)}${r() < 0.9 ? `</${tag}>` : ''}`;
    }
  }
  return out;
}

/** A document that reads as an article, with hostile markup everywhere. */
function hostileArticle(extra = ''): string {
  const para = (s: string) => `<p onclick="${MARK}()">${s} <img src="/beacon?${MARK}" onerror="${MARK}()"></p>`;
  return (
    `<!doctype html><html lang="en"><head><title>&lt;img src=x onerror=alert(1)&gt; \u202eevil\u202c Talks resume\u200b | News</title>` +
    `<meta property="og:type" content="article">${HOSTILE.join('')}</head>` +
    `<body onload="${MARK}()"><article><h1>Talks resume</h1><p class="byline">By &lt;script&gt;alert(1)&lt;/script&gt; Jane Doe</p>` +
    `${Array.from({ length: 8 }, (_, i) => para(`${ENGLISH_BEFORE} ${i} ${ENGLISH_AFTER}`)).join(HOSTILE.join(''))}${extra}</article></body></html>`
  );
}

/** [name, page URL, HTML, whether the markup is well formed (then nothing hostile may come out as text)] */
const ADVERSARIAL_HTML: [string, string, string, boolean][] = [
  ['hostile article', 'https://news.example/world/talks', hostileArticle(), true],
  ['10,000 nested divs', 'https://news.example/a/deep', `<html><body>${'<div>'.repeat(10_000)}${esc(ENGLISH_BEFORE.repeat(10))}${'</div>'.repeat(10_000)}</body></html>`, true],
  ['hostile article in 3,000 nested spans', 'https://news.example/a/spans', hostileArticle(`${'<span>'.repeat(3_000)}deep${'</span>'.repeat(3_000)}`), true],
  [
    '60,000 elements (over the element cap)',
    'https://news.example/a/huge',
    hostileArticle(Array.from({ length: 30_000 }, (_, i) => `<p>Paragraph ${i} says that Donald Trump met Nato.</p>`).join('')),
    true,
  ],
  ['one 300 KB paragraph (over the text cap)', 'https://news.example/a/long', hostileArticle(`<p>${'word '.repeat(60_000)}</p>`), true],
  [
    'unclosed tags and stray end tags',
    'https://news.example/a/broken',
    `<html><body><article><p>${esc(ENGLISH_BEFORE)}<div><b><i></p></div></b>${'</div>'.repeat(500)}<p>${esc(ENGLISH_AFTER.repeat(20))}</article>`,
    true,
  ],
  ['no body, only a frameset', 'https://news.example/a/frames', '<html><frameset><frame src="/beacon"></frameset></html>', true],
  ['javascript: page URL', 'javascript:alert(1)', hostileArticle(), true],
  ['data: page URL', 'data:text/html,<p>x</p>', hostileArticle(), true],
  ['unparseable page URL', '::::', hostileArticle(), true],
  [
    'markup only in attributes and comments',
    'https://news.example/a/comments',
    `<html><body><article><!-- ${ENGLISH_BEFORE.repeat(50)} --><p title="${esc(ENGLISH_AFTER)}"></p></article></body></html>`,
    true,
  ],
  [
    'SVG with text, a script and a foreignObject',
    'https://news.example/a/svg',
    hostileArticle(`<svg><text>Chart: talks by month</text><script>${MARK}()</script><foreignObject><p>${esc(ENGLISH_AFTER)}</p></foreignObject></svg>`),
    true,
  ],
  ['10,000 table cells', 'https://news.example/a/table', hostileArticle(`<table><tr>${'<td>cell</td>'.repeat(10_000)}</tr></table>`), true],
  ['empty document', 'https://news.example/a/empty', '', true],
  ['text/plain-looking document', 'https://news.example/a/plain', ENGLISH_BEFORE.repeat(100), true],
];

function parse(html: string): Document {
  return new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document;
}

function checkArticle(a: Article, name: string, wellFormed: boolean): void {
  const fields = [a.title, a.byline, a.publisher, a.aggregator, a.excerpt, a.lang, ...a.paragraphs].filter((x): x is string => typeof x === 'string');
  if (wellFormed) for (const f of fields) ok(!f.includes(MARK), () => `${name}: hostile content came out as text: ${show(f)}`);
  for (const p of a.paragraphs) ok(p.length > 0 && p === p.trim(), () => `paragraph ${show(p)} is trimmed and not empty`);
  // Metadata is shown beside Backstory's own text: no direction override may come with it.
  for (const m of [a.title, a.byline, a.publisher, a.aggregator]) ok(!/[\u202a-\u202e\u2066-\u2069]/.test(m ?? ''), () => `${name}: direction controls in ${show(m ?? '')}`);
  ok(Number.isInteger(a.wordCount) && a.wordCount >= 0 && typeof a.truncated === 'boolean', () => 'word count and truncated flag');
  ok(a.paragraphs.reduce((n, p) => n + p.length, 0) <= 200_000, () => 'text is capped at 200,000 characters');
}

function extractHtml(name: string, url: string, html: string, wellFormed: boolean, r: Rand): void {
  const doc = timed(`linkedom parse (${name})`, () => parse(html));
  const before = doc.documentElement?.outerHTML ?? '';
  const result = timed(`extractArticle(${name})`, () => extractArticle(doc, url));
  if (result.ok) checkArticle(result.article, name, wellFormed);
  else ok(typeof result.message === 'string' && readerMessage(result).length > 0, () => 'a refusal says why');
  // readPage lets bugs throw (extractArticle turns them into a message): force it past the gate.
  const reading = timed(`readPage(${name}, force)`, () => readPage(doc, url, { force: true }));
  if (reading.article) {
    checkArticle(reading.article, name, wellFormed);
    if (reading.article.paragraphs.length) analyseText(`article of ${name}`, reading.article.paragraphs.slice(0, 200), r);
  }
  ok((doc.documentElement?.outerHTML ?? '') === before, () => `${name}: the page was modified`);
}

// ---------------------------------------------------------------------------------------------

const rand = mulberry32(SEED);
const textCases: [string, string[]][] = [];
for (const [name, paragraphs] of ADVERSARIAL) {
  textCases.push([name, paragraphs]);
  const inline = paragraphs.length === 1 ? [`The minister said that ${paragraphs[0]} according to officials.`] : paragraphs;
  textCases.push([`${name}, among English sentences`, [ENGLISH_BEFORE, ...inline, ENGLISH_AFTER]]);
}
while (textCases.length < TEXT_CASES) textCases.push([`random text #${textCases.length}`, randomText(rand)]);

const htmlCases: [string, string, string, boolean][] = [...ADVERSARIAL_HTML];
while (htmlCases.length < HTML_CASES) {
  const i = htmlCases.length;
  const url = pick(rand, ['https://news.example/world/2025/story', 'http://127.0.0.1:8080/a', 'https://news.example/', 'file:///tmp/a.html']);
  const state = { left: int(rand, 5, 400), raw: false };
  const html = `<!doctype html><html${rand() < 0.5 ? ' lang="en"' : ''}><head>${randomHead(rand)}</head><body>${randomBody(rand, 0, state)}</body></html>`;
  htmlCases.push([`random document #${i}`, url, html, !state.raw]);
}

afterAll(() => {
  // The figures for the issue's report.
  console.log(
    `fuzz: ${textCases.length} text cases, ${htmlCases.length} HTML cases, ${figures.calls} timed calls; ` +
      `slowest call ${figures.slowest.ms.toFixed(0)} ms (${figures.slowest.what}); slowest case ${figures.slowCase.ms.toFixed(0)} ms (${figures.slowCase.what})`,
  );
});

function caseTimer(name: string, fn: () => void): void {
  figures.cases++;
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  if (ms > figures.slowCase.ms) figures.slowCase = { ms, what: name };
}

describe('fuzzing the analysis (seeded, bounded)', () => {
  it.each(textCases.map(([name, paragraphs], i) => [name, paragraphs, i] as const))(
    '%s',
    (name, paragraphs, i) => {
      caseTimer(name, () => analyseText(name, paragraphs, mulberry32(SEED + i)));
    },
    120_000,
  );
});

describe('fuzzing extraction (seeded, bounded)', () => {
  it.each(htmlCases.map(([name, url, html, wellFormed], i) => [name, url, html, wellFormed, i] as const))(
    '%s',
    (name, url, html, wellFormed, i) => {
      caseTimer(name, () => extractHtml(name, url, html, wellFormed, mulberry32(SEED ^ (i + 1))));
    },
    120_000,
  );
});

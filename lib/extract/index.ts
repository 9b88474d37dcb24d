/**
 * Article extraction: is this page an article, and if so its text and metadata.
 *
 * Runs in the content script on the live page and in Node (linkedom) for the evaluation. The page's
 * document is only ever read: Readability, which rewrites the DOM it is given, works on a clone.
 * Depends on @mozilla/readability and nothing else, because it is bundled into the content script.
 *
 * The gate: a page is an article when (a) it is an http(s)/file HTML page with some text, (b) the
 * metadata says so (og:type=article, JSON-LD Article/NewsArticle/BlogPosting/..., article:published_time,
 * parsely-type, schema.org microdata) or Readability's cheap `isProbablyReaderable` does, (c) it is
 * not a search/listing/profile page or a site's home page without article metadata, and (d)
 * Readability finds at least 250 characters of text (500 when only `isProbablyReaderable` vouches).
 * Dates are written in UTC (see date.ts), URLs normalised (see url.ts).
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { Article, ExtractResult, NotArticleReason } from '../types';
import { countWords, textBlocks } from './blocks';
import { cleanContent, dropRelatedBlocks, onlyDateWords, type CleanReport } from './clean';
import { dateInText } from './date';
import { documentTitle, findCanonical, findLang, findPublished, findPublisher, firstMeta, hostName, jsonName, knownAggregator, nameKey, readPageMeta, stripSiteFromTitle } from './metadata';

export { normaliseUrl } from './url';

export interface ExtractOptions {
  /** Cap on the article text; longer text is cut after a whole paragraph and flagged `truncated`. */
  maxTextChars?: number;
  /** Cap on the elements handed to Readability; a bigger page is cut to its first part. */
  maxElements?: number;
}

export const DEFAULT_MAX_TEXT_CHARS = 200_000;
export const DEFAULT_MAX_ELEMENTS = 30_000;

/** With metadata saying "article", Readability must find at least this much text... */
const MIN_CHARS_WITH_METADATA = 250;
/** ...and without it, this much (on a page `isProbablyReaderable` accepts). */
const MIN_CHARS_WITHOUT_METADATA = 500;

/**
 * A text this short that shares no word with the headline is something else the page shows in the
 * article's place: an error or "not available" notice drawn by the page's scripts, a consent or
 * sign-in wall, while the page's head still describes the article (see `aboutHeadline`).
 */
const OFF_TOPIC_MAX_CHARS = 1500;

/**
 * Whether the text shares a word of five Latin letters or more with the headline (compared on their
 * first five letters, so that "migrants" finds "migrant"), or the headline has fewer than three such
 * words to look for, or is mostly in another script. Short words are left out: "this" and "that"
 * are in any text.
 */
function aboutHeadline(headline: string, paragraphs: string[]): boolean {
  // Latin letters only: a run of Chinese or Japanese is a whole phrase, not a word to look for.
  const words = (t: string) => (t.toLowerCase().match(/[a-z\u00df-\u024f]{5,}/g) ?? []).map((w) => w.slice(0, 5));
  const wanted = new Set(words(headline));
  const latin = headline.match(/[a-z\u00c0-\u024f]/gi)?.length ?? 0;
  if (wanted.size < 3 || latin < (headline.match(/\p{L}/gu)?.length ?? 0) / 2) return true;
  return paragraphs.some((p) => words(p).some((w) => wanted.has(w)));
}

export { MESSAGES, readerMessage } from './messages';

/** The internal error's sentence; the other refusals carry no text (see messages.ts). */
const FAILED = 'Backstory could not read this page because of an internal error; the page itself was not changed.';

export interface GateDecision {
  /** True when the page is accepted as an article. */
  article: boolean;
  /** Why it was refused (when `article` is false). */
  reason: NotArticleReason | null;
  /** Readability's cheap `isProbablyReaderable` verdict. */
  readerable: boolean;
  /** What the metadata says (e.g. "og:type=article"), and any sign of another kind of page. */
  articleSignals: string[];
  otherSignals: string[];
  /** Characters of text Readability found (0 when it found none or was not run). */
  textChars: number;
}

export interface PageReading {
  gate: GateDecision;
  /** The article as extracted, also when the gate refused the page (null when there is no text at all). */
  article: Article | null;
  /** What cleanContent removed or marked, by kind (for the evaluation). */
  cleaning?: CleanReport;
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Explicit direction controls (embeddings, overrides, isolates and their ends). In a title or a name
 * an unclosed override turns the text shown after it backwards, Backstory's own included ("By X‮ ·
 * 5 min read"); the metadata is shown beside our text, so it goes without them. Paragraphs keep
 * them: they are matched against the page's text.
 */
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
function withoutDirectionControls(s: string | null): string | null {
  if (s === null) return s;
  const out = s.replace(DIRECTION_CONTROLS, '');
  return out === s ? s : out.replace(/\s+/g, ' ').trim() || null;
}

/** An element's text as a reader sees it: without the text of scripts, styles, templates and form fields. */
const visibleText = (el: Element | null): string => (el ? textBlocks(el).paragraphs.join(' ') : '');

function unsupported(doc: Document, pageUrl: string): NotArticleReason | null {
  let protocol: string;
  try {
    protocol = new URL(pageUrl).protocol;
  } catch {
    return 'unsupported-page';
  }
  if (!['http:', 'https:', 'file:'].includes(protocol)) return 'unsupported-page';
  const type = (doc.contentType || 'text/html').toLowerCase();
  if (!/^(text\/html|application\/xhtml\+xml)/.test(type)) return 'unsupported-page';
  const body = bodyOf(doc);
  if (!body) return 'empty';
  // Browser viewers for images and PDFs: a body holding just one media element.
  const kids = Array.from(body.children).filter((c) => !['script', 'style', 'link', 'meta'].includes(c.localName));
  if (kids.length === 1 && ['img', 'embed', 'video', 'audio', 'object', 'pdf-viewer'].includes(kids[0]!.localName) && !clean(body.textContent)) {
    return 'unsupported-page';
  }
  if (!/\S/.test(body.textContent ?? '')) return 'empty';
  return null;
}

/**
 * The body element, found by query: some DOM libraries (linkedom) create a <head> and <body> inside
 * the document when their `document.body` getter finds an unexpected tree, and the page must not change.
 */
function bodyOf(doc: Document): Element | null {
  return doc.querySelector('body');
}

/**
 * Elements nested deeper than this are flattened into their ancestor at this depth in Readability's
 * copy: Readability recurses over the tree, and a page of 10,000 nested elements would overflow the
 * stack (a real page nests a few dozen deep).
 */
const MAX_DEPTH = 400;

/** Elements that belong in <head>; anything else found there is moved into <body> in the copy. */
const HEAD_ONLY = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template']);

/** Element count (stopping past `max`) and nesting depth of `doc`, walked without recursion. */
function shapeOf(doc: Document, max: number): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: [Element, number][] = doc.documentElement ? [[doc.documentElement, 1]] : [];
  while (stack.length && elements <= max) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return { elements, depth };
}

/**
 * A copy of `doc` for Readability to rewrite. A page with more than `max` elements is copied only up
 * to its first `max` elements (in document order), so a huge page costs no more than a big one;
 * `cut` says whether something was left out. Elements deeper than MAX_DEPTH are flattened. The
 * copy is built node by node without ever touching `doc` beyond reading it.
 */
function cloneForReadability(doc: Document, max: number): { clone: Document; cut: boolean } {
  const shape = shapeOf(doc, max);
  if (shape.elements <= max && shape.depth <= MAX_DEPTH) return { clone: tidy(doc.cloneNode(true) as Document), cut: false };
  const clone = doc.cloneNode(false) as Document;
  let budget = max;
  // Depth-first in document order; each entry is a source node, the copy of its parent and its depth.
  const stack: [Node, Node, number][] = [];
  for (let i = doc.childNodes.length - 1; i >= 0; i--) {
    const n = doc.childNodes[i]!;
    if (n.nodeType === 1) stack.push([n, clone, 1]);
  }
  while (stack.length) {
    const [src, parent, depth] = stack.pop()!;
    if (src.nodeType === 1) {
      if (budget-- <= 0) return { clone: tidy(clone), cut: true };
    } else if (src.nodeType !== 3) continue; // comments, processing instructions: not needed
    // Too deep: the element's children go straight into the copy of its ancestor.
    const copy = src.nodeType === 1 && depth > MAX_DEPTH ? parent : parent.appendChild(clone.importNode(src, false));
    const kids = src.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, copy, Math.min(depth + 1, MAX_DEPTH + 1)]);
  }
  return { clone: tidy(clone), cut: false };
}

/** Form controls: their names and ids become properties of their form, shadowing its DOM properties. */
const FORM_CONTROLS = 'input, button, select, textarea, fieldset, object, output, img';

/**
 * Readability's copy, made safe for it: <template> contents are never page text (DOM libraries such
 * as linkedom parse them as ordinary children); form controls lose their names and ids, which make
 * properties of their form (`<input name="hasAttribute">` turns `form.hasAttribute` into that input
 * and Readability into an error); and Readability walks up from its best candidate to <body>, so
 * content a script put outside <body> (in <html> or <head>) is moved inside it.
 */
function tidy(clone: Document): Document {
  for (const t of Array.from(clone.querySelectorAll('template'))) t.remove();
  for (const c of Array.from(clone.querySelectorAll(FORM_CONTROLS))) {
    c.removeAttribute('name');
    c.removeAttribute('id');
  }
  const html = clone.documentElement;
  const body = clone.querySelector('body');
  if (!html || !body) return clone;
  for (const el of Array.from(html.children)) if (el !== body && el.localName !== 'head' && !el.contains(body)) body.appendChild(el);
  const head = clone.querySelector('head');
  if (head) for (const el of Array.from(head.children)) if (!HEAD_ONLY.has(el.localName) && !el.contains(body)) body.appendChild(el);
  return clone;
}

/** A credit label glued to the name after it, at a caption's start or after its sentence. */
const GLUED_CREDIT = /(?<=^|[.!?”’")]\s?)(Credits?|Photo(?:graph)?)(?=\p{Lu}\p{Ll})/gu;

/** A name as a byline writes it: two to four capitalised words ("Kelli Miller", "Mary-Kate O'Neil", "J. R. Smith"), with a degree ("Brenda Goodman, MA"). */
const BYLINE_NAME = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){1,3}(?:, \p{Lu}[\p{L}.]{1,4})?$/u;

/**
 * A byline over several lines whose first is a name and whose next is where the writer works or what
 * they do ("By Kelli Miller⏎WebMD Health News", "Jane Doe⏎Staff Writer"): the name. Several writers
 * ("Jane Doe⏎and John Roe") stay whole.
 */
function bylineName(raw: string): string {
  // "By" on a line of its own says nothing.
  const [first, ...rest] = raw
    .split('\n')
    .map(clean)
    .filter((l) => l && !/^(?:by|von|par|por|di|door)$/i.test(l));
  const name = first?.replace(BYLINE_LEAD, '');
  return name && rest.length > 0 && rest.length < 3 && BYLINE_NAME.test(name) && !/^(?:and|&|und|et|y|e|en)\b/i.test(rest[0]!) ? name : raw;
}

/** What a byline says before the name ("Analysis by", "Written by"): not the name. */
const BYLINE_LEAD = /^(?:(?:analysis|opinion|commentary|story|written|reporting)\s+)?(?:by|von|par|por|di|door)\s+/i;

function cleanByline(s: string | null | undefined): string | null {
  let b = clean(bylineName(s ?? ''))
    .replace(BYLINE_LEAD, '')
    // "Written by Rob Ewaschuk Edited by Betsy Beyer": the writer.
    .replace(/,? (?:edited|photos?) by .*$/i, '')
    // Lines the page broke with <br> come glued: "Lucas Nolan22 Dec 2016", "JILL LAWLESSAssociated Press".
    .replace(/(?<=\p{Ll})(?=\d)/gu, ' ')
    .replace(/(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll})/gu, ' ');
  // A button's label taken for the byline ("Follow Author"): no name.
  if (/^(?:follow|contact|about)(?:\s+(?:the\s+)?(?:author|writer|us))?$/i.test(b)) return null;
  // "Jeff Foust — November 18, 2019", "Associated Press November 19, 2019, 9:02 AM": the date is not the name.
  const at = dateInText(b)?.at;
  // The weekday before that date goes with it, even glued to the name when the page broke the line
  // with <br> ("by Jeff Foust<br>Monday, November 18, 2019").
  if (at)
    b = b
      .slice(0, at)
      .replace(/(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)[\s,]*$/, '')
      .replace(/(?<![\s,;|·—–-])[\s,;|·—–-]+$/, '');
  // A name has no figures: what follows it from the first one is a date or a count ("Lucas Nolan 22
  // Dec 2016651", the comments' count glued to the year).
  const digit = b.search(/\s\d/);
  if (digit > 0 && BYLINE_NAME.test(b.slice(0, digit))) b = b.slice(0, digit);
  if (!b || b.length > 120 || /^(?:https?:)?\/\//i.test(b)) return null;
  // Readability takes elements classed "dateline" for bylines; a line made only of a date is not a byline.
  if (onlyDateWords(b)) return null;
  b = b.replace(/(?<![,;|·])[,;|·]+$/, '').trim();
  return b || null;
}

/**
 * Reads the page. Throws only on a bug (the public `extractArticle` turns that into a result).
 * `force` runs Readability even when the cheap gate already said no (for the evaluation).
 */
export function readPage(doc: Document, pageUrl: string, opts: ExtractOptions & { force?: boolean } = {}): PageReading {
  const maxTextChars = opts.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  const maxElements = opts.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const gate: GateDecision = { article: false, reason: null, readerable: false, articleSignals: [], otherSignals: [], textChars: 0 };

  const bad = unsupported(doc, pageUrl);
  if (bad) {
    gate.reason = bad;
    return { gate, article: null };
  }

  const pm = readPageMeta(doc);
  gate.articleSignals = pm.articleSignals;
  gate.otherSignals = pm.otherSignals;
  gate.readerable = isProbablyReaderable(doc);
  const hasMeta = pm.articleSignals.length > 0;
  let path = '/';
  try {
    path = new URL(pageUrl).pathname;
  } catch {
    // unsupported() already checked the URL
  }
  // A listing, search or profile page, or a site's home page, that says nothing about an article.
  const looksOther = !hasMeta && (pm.otherSignals.length > 0 || path === '/');
  if ((!gate.readerable && !hasMeta) || looksOther) {
    gate.reason = 'not-article';
    if (!opts.force) return { gate, article: null };
  }

  // Readability rewrites the document it reads: give it a clone, never the page. It keeps the
  // page's classes in its content, for cleanContent to read.
  const { clone, cut } = cloneForReadability(doc, maxElements);
  const relatedBlocks = dropRelatedBlocks(clone);
  const parsed = new Readability<Node>(clone, { serializer: (n) => n, keepClasses: true }).parse();
  const content = parsed?.content ?? null;
  if (!parsed || !content) {
    gate.reason = 'not-article';
    return { gate, article: null };
  }

  // Metadata.
  // Readability's title already is the page's metadata title when there is one (JSON-LD name or
  // headline, whichever matches the HTML title; then dc:title, og:title, twitter:title,
  // parsely-title) and otherwise its cleaned <title>; the fallbacks cover a page it found no title on.
  const headline = clean(parsed.title) || clean(firstMeta(pm, 'og:title', 'twitter:title')) || clean(jsonName(pm.article?.headline)) || visibleText(doc.querySelector('h1')) || documentTitle(doc);
  const { publisher, aggregator } = findPublisher(doc, pm, { pageUrl, headline, readabilitySiteName: parsed.siteName });
  const siteName = firstMeta(pm, 'og:site_name') ?? clean(parsed.siteName);
  const siteNames = [siteName, publisher, aggregator, hostName(pageUrl), knownAggregator(siteName, pageUrl)?.name];
  const byline = cleanByline(parsed.byline);
  // A byline that only names the publisher ("BBC News" by BBC News) says nothing more.
  const ownByline = byline && siteNames.some((n) => n && nameKey(n) === nameKey(byline)) ? null : byline;
  // "Headline | Eleanor Ainge Roy": the author's name is no part of the title either.
  const authors = byline ? [byline, ...byline.split(/,|&|\band\b/).map((s) => s.trim())] : [];
  // A title that is the site's whole name, tagline and all, is left as it is.
  const whole = nameKey(firstMeta(pm, 'og:site_name', 'application-name') ?? '') === nameKey(headline);
  const title = whole ? headline : stripSiteFromTitle(headline, [...siteNames, ...authors]);

  // The clutter among the article's paragraphs goes; captions are marked (see clean.ts).
  const cleaning: CleanReport = content.nodeType === 1 ? cleanContent(content as Element, { pageUrl, title, headline, byline }) : {};
  if (relatedBlocks) cleaning.related = (cleaning.related ?? 0) + relatedBlocks;
  const { paragraphs: rawParagraphs, captions: rawCaptions, quotes: rawQuotes, truncated: cutText } = textBlocks(content, maxTextChars);
  const textChars = rawParagraphs.reduce((n, p) => n + p.length, 0);
  gate.textChars = textChars;
  if (!gate.reason && textChars < (hasMeta ? MIN_CHARS_WITH_METADATA : MIN_CHARS_WITHOUT_METADATA)) gate.reason = 'not-article';
  if (!gate.reason && hasMeta && textChars < OFF_TOPIC_MAX_CHARS && !aboutHeadline(headline, rawParagraphs)) gate.reason = 'not-article';
  gate.article = gate.reason === null;

  // Drop leading paragraphs that only repeat the metadata (headline, byline, publisher name).
  const repeats = new Set([title, headline, byline, publisher, aggregator, byline ? `By ${byline}` : null].filter((s): s is string => !!s).map(nameKey));
  let lead = 0;
  while (lead < rawParagraphs.length && lead < 4 && rawParagraphs[lead]!.length <= 200 && repeats.has(nameKey(rawParagraphs[lead]!))) lead++;
  const captionFlags = lead ? rawCaptions.slice(lead) : rawCaptions;
  // A caption's credit label set apart by style alone reads glued to the name ("<span>Credit</span>Kevin
  // Frayer/Getty Images", The New York Times): the label is given its colon back, so the analysis sees a
  // credit, not a name "CreditKevin Frayer". ("Image" and "Illustration" stay out: "ImageNet".)
  const paragraphs = (lead ? rawParagraphs.slice(lead) : rawParagraphs).map((p, i) => (captionFlags[i] ? p.replace(GLUED_CREDIT, '$1: ') : p));
  const captions = captionFlags.flatMap((c, i) => (c ? [i] : []));
  const quoteBlocks = (lead ? rawQuotes.slice(lead) : rawQuotes).flatMap((q, i) => (q && !captionFlags[i] ? [i] : []));

  // Readability falls back to the first <p> for the excerpt, which may be the publisher or byline line.
  let excerptRaw = clean(parsed.excerpt);
  if (!excerptRaw || repeats.has(nameKey(excerptRaw))) excerptRaw = paragraphs.find((_, i) => !captionFlags[i]) ?? '';
  const excerpt = excerptRaw ? (excerptRaw.length > 500 ? `${excerptRaw.slice(0, 497).replace(/\s+\S*$/, '')}…` : excerptRaw) : null;

  const article: Article = {
    url: findCanonical(doc, pm, pageUrl),
    pageUrl,
    title: withoutDirectionControls(title) ?? '',
    byline: withoutDirectionControls(ownByline),
    publisher: withoutDirectionControls(publisher),
    aggregator: withoutDirectionControls(aggregator),
    published: findPublished(doc, pm, parsed.publishedTime, { byline: parsed.byline, pageUrl }),
    lang: findLang(doc, pm),
    excerpt,
    wordCount: countWords(paragraphs),
    paragraphs,
    captions,
    ...(quoteBlocks.length ? { quoteBlocks } : {}),
    truncated: cut || cutText,
  };
  return { gate, article, cleaning };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Extracts the article from `doc` (never modified) read at `pageUrl`. Never throws: a page that is
 * not an article, not HTML or empty, and any internal failure, come back as `{ ok: false }` with a
 * reason; `readerMessage` (messages.ts) gives the sentence a reader understands. An internal
 * failure is reported as 'unsupported-page' with its own sentence, the error's message in brackets
 * for bug reports; the other refusals carry an empty message. Tests and the evaluation call `readPage`, which
 * lets bugs throw.
 */
export function extractArticle(doc: Document, pageUrl: string, opts: ExtractOptions = {}): ExtractResult {
  const t0 = now();
  try {
    const { gate, article } = readPage(doc, pageUrl, opts);
    const ms = now() - t0;
    if (gate.article && article) return { ok: true, article, ms };
    return { ok: false, reason: gate.reason ?? 'not-article', message: '', ms };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: 'unsupported-page', message: `${FAILED} (${detail})`, ms: now() - t0 };
  }
}

/**
 * Clutter inside the article: what Readability keeps around and among the article's paragraphs that
 * a reader does not read as the article. Works on Readability's content (run with `keepClasses`, so
 * the page's classes are still there to read), which is our own copy: elements are removed from it,
 * and captions are marked with CAPTION_ATTR for lib/extract/blocks.ts to flag their paragraphs.
 *
 * What goes, by kind (see `Clutter`), decided from the markup first:
 * - share, subscribe and newsletter prompts, sign-ups, "Read more"/"Related" blocks, comment
 *   sections, tags, breadcrumbs, ads, hover cards and screen-reader-only text ("Skip to content"):
 *   the words of their classes, ids, roles and itemprops; blocks that are nothing but a link
 *   (a headline pointing elsewhere), and short blocks linking to a subscription page;
 * - photo and agency credits: credit/copyright classes, `itemprop=copyrightHolder`, and short
 *   lines made around a © sign;
 * - bylines and contributor lines repeated in the body: byline/author classes, and (English) lines
 *   such as "Reporting by …" or "… contributed to this report";
 * - datestamps: date/time classes, blocks that are mostly a <time>, and short lines made only of
 *   date words and numbers ("Published 1 day ago", "Updated Nov 19, 9:41 AM").
 * Captions stay: the text of a <figure> (or an element classed as an image holder, caption or
 * figcaption) is marked as caption.
 *
 * Nothing is removed that holds a large share of the article's text, so a page whose whole body
 * sits in an element with an unlucky class keeps it. Word lists are only used where the markup
 * says nothing, are anchored to whole lines, and only remove: a page in another language keeps its
 * text.
 */

export const CAPTION_ATTR = 'data-backstory-caption';

export type Clutter = 'prompt' | 'related' | 'comments' | 'credit' | 'byline' | 'date' | 'hidden' | 'link-only';

/** Class/id words (split on - _ and camelCase, lower-cased) and what they mark (no prototype: a class "constructor" is no word of ours). */
const CLASS_WORDS: Record<string, Clutter> = Object.create(null) as Record<string, Clutter>;
for (const [kind, list] of [
  ['prompt', 'share sharing sharebar social newsletter newsletters signup subscribe subscription subscriptions promo cta advert advertisement ad ads sponsored paywall'],
  ['related', 'related recommended recommendations recirc rail outbrain taboola breadcrumb breadcrumbs tags'],
  ['comments', 'comment comments disqus'],
  ['credit', 'credit credits copyright attribution'],
  ['byline', 'byline bylines author authors'],
  ['date', 'dateline timestamp date time published updated'],
  ['hidden', 'tooltip popover hovercard flyout'],
] as const)
  for (const w of list.split(' ')) CLASS_WORDS[w] = kind;

/** Whole class names (and prefixes) for text meant for screen readers only, and for hover cards. */
const HIDDEN_CLASS = /(?:^|\s)(?:sr-only|screen-reader|visually-?hidden|visuallyhidden|skip-?link|skip-to|rollover-[\w-]*block)/i;

const CAPTION_WORDS = new Set(['caption', 'captions', 'figcaption']);
const FIGURE_WORDS = new Set(['figure', 'image', 'img', 'photo', 'picture', 'media', 'gallery', 'inlineimage']);

/** Itemprops that mark clutter, and the caption itemprop. */
const ITEMPROP: Record<string, Clutter> = { copyrightholder: 'credit', author: 'byline', datepublished: 'date', datemodified: 'date' };

/** Roles that are never the article's text. */
const ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog']);

/** A kind that may only remove short elements (a line or two), however it is marked. */
const SHORT_ONLY: Record<Clutter, number> = { date: 120, byline: 400, credit: 300, hidden: 2000, prompt: 3000, related: 4000, comments: 4000, 'link-only': 200 };

function words(s: string): string[] {
  return s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** What the element's own markup says it is, if anything. */
function markedAs(el: Element): Clutter | 'caption' | null {
  const tag = el.localName;
  if (tag === 'nav' || tag === 'aside') return 'related';
  const role = (el.getAttribute('role') ?? '').toLowerCase();
  if (ROLES.has(role)) return 'related';
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return 'hidden';
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (HIDDEN_CLASS.test(cls)) return 'hidden';
  for (const p of (el.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/)) {
    if (p === 'caption') return 'caption';
    const k = ITEMPROP[p];
    if (k) return k;
  }
  if (tag === 'figcaption') return 'caption';
  const ws = words(cls);
  let found: Clutter | null = null;
  for (const w of ws) {
    if (CAPTION_WORDS.has(w)) return 'caption';
    // Words run together ("relatedposts", "recommendedstories") count by their start.
    found ??= CLASS_WORDS[w] ?? (/^(?:related|recommended)/.test(w) ? 'related' : null);
  }
  return found;
}

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, dd, dt, blockquote, div, section';

/** Block elements whose removal can leave a label behind in their parent, and parents that can be left so. */
const CONTAINERS = new Set(['div', 'section', 'aside', 'nav', 'ul', 'ol', 'li', 'p', 'figure', 'table', 'header', 'footer', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const wordCount = (s: string): number => s.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0;

/** Words of `el`'s link text. */
function linkWords(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += wordCount(textOf(a));
  return n;
}

/** The share of `el`'s text that is link text. */
function linkShare(el: Element, text: string): number {
  if (!text) return 0;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += textOf(a).length;
  return Math.min(1, linked / text.length);
}

/**
 * A line that is a link to elsewhere: all link, or a short label and a link ("Related: …",
 * "READ MORE: …") to another page of the same site. Links to a place in the same page, e-mail
 * addresses and phone numbers do not count; a line linking to another site is a source, not a teaser.
 */
function isLinkLine(el: Element, text: string, sameSite: boolean): boolean {
  let linked = 0;
  let linkWords = 0;
  let links = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) {
    if (/^(?:#|mailto:|tel:)/i.test(a.getAttribute('href') ?? '')) continue;
    const t = textOf(a);
    linked += t.length;
    linkWords += wordCount(t);
    links++;
  }
  if (!linked || !sameSite) return false;
  const share = Math.min(1, linked / text.length);
  // Several headlines in one block, with their labels ("DON'T MISS", "[VIDEO]").
  if (links >= 2 && share >= 0.75 && linkWords >= 8 && text.length <= 600) return true;
  if (text.length > 200) return false;
  if (share >= 0.9) return true;
  // A label and a headline: the link reads as a headline of a few words, not a name or a handle.
  return share >= 0.5 && text.length - linked <= 20 && linkWords >= 4;
}

const HEADING = /^h[1-6]$/;

/**
 * Whether `el` is a heading with a section of the article under it (at least a long paragraph's
 * worth of text before the next heading): a linked heading over a section is the article's, one over
 * a line or two of blurb is a teaser for another page.
 */
function headsSection(el: Element): boolean {
  if (!HEADING.test(el.localName)) return false;
  let n = 0;
  for (let e = el.nextElementSibling; e && !HEADING.test(e.localName) && n < 400; e = e.nextElementSibling) n += textOf(e).length;
  return n >= 400;
}

/** Links to subscription, sign-up, sharing or app-download pages. */
const PROMPT_HREF = /(?:subscri|newsletter|signup|sign-up|\/join\b|\/account\/register|share(?:r|article)?[.?/]|intent\/tweet|facebook\.com\/sharer|whatsapp:\/\/|mailto:\?)/i;

/**
 * A credit line made around a © sign: "© Reuters", "(Image: © NASA/ESA)". A longer line with a ©
 * is the publisher's copyright notice, which some pages write as part of the article: it stays.
 */
const COPYRIGHT_SIGN = /[©ⓒ]/;
const MAX_CREDIT_WORDS = 6;
/**
 * (English) lines that are a page's furniture whatever their markup: a widget's heading left alone
 * when the widget fills in by script ("You may also like"), a sign-up or subscribe call, an ad's
 * label, a loading notice.
 */
const PROMPT_LINE =
  /^(?:you (?:may|might) (?:also )?like|(?:sign up|subscribe)(?: (?:for|to) (?:our|the) (?:free |daily |weekly )?newsletters?\b.*)?|advert(?:isement)?|sponsored content|loading(?: content| comments)?(?:\s*(?:\.{3}|…))?)[.!:]?$/i;

function isCreditLine(text: string): boolean {
  return text.length <= 160 && COPYRIGHT_SIGN.test(text) && (text.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0) <= MAX_CREDIT_WORDS;
}

/** Whether `el` is still inside `root` (not removed with an ancestor): walks up, as `contains` may walk down. */
function inside(el: Element, root: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (e === root) return true;
  return false;
}

/** English contributor and reporting lines. */
const CONTRIBUTOR_LINE =
  /^[([]?(?:(?:additional )?(?:reporting|writing|editing|research) by\b|with (?:additional )?reporting by\b)|\bcontributed (?:to )?(?:this|the) (?:report|story|article)(?:ing)?\.?[)\]]?$/i;

/** Words of a datestamp ("Published 1 day ago", "Updated Nov 19, 9:41 AM", "First Published: Tuesday, …"). */
const DATE_LINE_WORDS =
  /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|\b(?:a\.?m|p\.?m|gmt|utc|bst|est|edt|cst|cdt|pst|pdt|et|pt|ist|cet|cest)\b\.?|\b(?:updated|published|posted|modified|last|first|on|at|today|yesterday|ago|an?|about|just|now|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b|\d+(?:st|nd|rd|th)?/giu;

/** Whether a line holds nothing but the words of a datestamp ("Updated 10:30 am", "Tuesday, 24 September"). */
export const onlyDateWords = (text: string): boolean => !text.replace(DATE_LINE_WORDS, '').replace(/[\s\p{P}\p{S}]+/gu, '');

function isDateLine(text: string): boolean {
  return text.length <= 100 && /\d|\b(?:today|yesterday|ago)\b/i.test(text) && onlyDateWords(text);
}

export interface CleanOptions {
  /** The page's address: links to the same site are the ones that can be "related" headlines. */
  pageUrl?: string;
  /** The article's title, headline and byline: short blocks repeating them are repeats. */
  title?: string | null;
  headline?: string | null;
  byline?: string | null;
}

export type CleanReport = Partial<Record<Clutter | 'caption' | 'title' | 'contributor' | 'label', number>>;

const key = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Before Readability, on its copy of the page: a heading classed as the title of a related block
 * ("You may also like", class "related-posts-title") stands for the block it opens, which goes
 * whatever its size (teasers with their blurbs can outweigh a short article), unless that block
 * holds the page's headline or its schema.org articleBody. Returns how many blocks went.
 */
export function dropRelatedBlocks(doc: Document): number {
  let n = 0;
  for (const h of Array.from(doc.querySelectorAll('h2, h3, h4, h5, h6'))) {
    const parent = h.parentElement;
    if (!parent || parent.firstElementChild !== h || ['body', 'main', 'html'].includes(parent.localName)) continue;
    if (markedAs(h) !== 'related') continue;
    if (parent.querySelector('h1, [itemprop~="articleBody" i]')) continue;
    parent.remove();
    n++;
  }
  return n;
}

/**
 * Removes the clutter from `root` (Readability's content, our own copy) and marks the captions.
 * Returns how many elements of each kind it removed or marked.
 */
export function cleanContent(root: Element, opts: CleanOptions = {}): CleanReport {
  const report: CleanReport = {};
  const count = (k: keyof CleanReport) => (report[k] = (report[k] ?? 0) + 1);
  /** Parents of removed elements: a label left alone in one goes too (step 5). */
  const emptied = new Set<Element>();
  const remove = (el: Element, kind: keyof CleanReport) => {
    const parent = el.parentElement;
    if (parent && CONTAINERS.has(parent.localName) && CONTAINERS.has(el.localName) && textOf(el)) emptied.add(parent);
    el.remove();
    count(kind);
  };
  const total = textOf(root).length || 1;
  let host: string | null = null;
  try {
    host = opts.pageUrl ? new URL(opts.pageUrl).hostname.replace(/^www\./, '') : null;
  } catch {
    host = null;
  }
  /** Whether `href` is another page than this one. */
  const otherPage = (href: string): boolean => {
    try {
      const u = new URL(href, opts.pageUrl);
      const here = opts.pageUrl ? new URL(opts.pageUrl) : null;
      return !here || u.pathname !== here.pathname;
    } catch {
      return false;
    }
  };
  /** Whether `el`'s links point to pages of the site itself (true when the page's address is unknown). */
  const sameSite = (el: Element): boolean => {
    if (!host) return true;
    for (const a of Array.from(el.querySelectorAll('a[href]'))) {
      try {
        const h = new URL(a.getAttribute('href')!, opts.pageUrl!).hostname.replace(/^www\./, '');
        if (h !== host && !h.endsWith(`.${host}`) && !host.endsWith(`.${h}`)) return false;
      } catch {
        // An unreadable link says nothing.
      }
    }
    return true;
  };
  /** Never remove an element holding this much of the article. */
  const big = (len: number) => len > total * 0.3 || len > 5000;

  // 1. What the markup says, outermost first (a removed element's descendants go with it).
  const all = Array.from(root.querySelectorAll('*'));
  for (const el of all) {
    if (!inside(el, root)) continue;
    const kind = markedAs(el);
    if (!kind) continue;
    const text = textOf(el);
    if (kind === 'caption') {
      if (!big(text.length)) {
        el.setAttribute(CAPTION_ATTR, '');
        count('caption');
      }
      continue;
    }
    if (big(text.length)) continue;
    if (text.length > SHORT_ONLY[kind]) continue;
    remove(el, kind);
  }

  // Teasers: an <article> inside the article whose headline links to another page of the site.
  for (const art of Array.from(root.querySelectorAll('article'))) {
    if (!inside(art, root)) continue;
    const text = textOf(art);
    if (text.length > 800 || big(text.length)) continue;
    const head = art.querySelector('h1 a[href], h2 a[href], h3 a[href], h4 a[href], [itemprop~="headline" i] a[href]');
    if (head && sameSite(head) && otherPage(head.getAttribute('href')!)) remove(art, 'related');
  }

  // Tag lists: links the page marks as tags (rel="tag"), with their label.
  for (const a of Array.from(root.querySelectorAll('a[rel~="tag" i]'))) {
    const list = a.parentElement;
    if (!list || list === root || !inside(list, root)) continue;
    const text = textOf(list);
    let tagged = 0;
    for (const t of Array.from(list.querySelectorAll('a[rel~="tag" i]'))) tagged += textOf(t).length;
    if (text.length <= 1000 && tagged >= text.length * 0.6) remove(list, 'related');
  }

  // 2. Figures: what a <figure> or an image holder says besides its image is a caption.
  for (const el of Array.from(root.querySelectorAll('figure, div, span, p'))) {
    if (el.hasAttribute(CAPTION_ATTR) || el.closest(`[${CAPTION_ATTR}]`)) continue;
    const isFigure = el.localName === 'figure' || (words(el.getAttribute('class') ?? '').some((w) => FIGURE_WORDS.has(w)) && !!el.querySelector('img, picture'));
    if (!isFigure) continue;
    const text = textOf(el);
    if (!text || text.length > 400 || big(text.length) || el.querySelector('blockquote, pre, table')) continue;
    if (!el.querySelector(`[${CAPTION_ATTR}]`)) count('caption');
    el.setAttribute(CAPTION_ATTR, '');
  }

  // 3. Lists of headlines: most items are a link and little else.
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    if (!inside(list, root) || list.closest('blockquote')) continue;
    const items = Array.from(list.children).filter((c) => c.localName === 'li');
    if (items.length < 2) continue;
    const text = textOf(list);
    if (big(text.length) || text.length > 3000) continue;
    // A headline reads as a few words (a list of linked names or products is the article's), and
    // points to the same site (a list of sources or bug reports points elsewhere).
    const linked = items.filter((li) => {
      const t = textOf(li);
      return t.length <= 200 && linkShare(li, t) >= 0.8 && linkWords(li) >= 4 && sameSite(li);
    }).length;
    if (linked * 3 >= items.length * 2) remove(list, 'link-only');
  }

  // 4. Blocks, by their text and links.
  const title = new Set([opts.title, opts.headline].filter((s): s is string => !!s).map(key));
  const byline = opts.byline ? key(opts.byline) : null;
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    if (!inside(el, root)) continue;
    // Only blocks with no block inside: the lines a reader sees.
    if (el.querySelector(BLOCKS)) continue;
    const text = textOf(el);
    if (!text) continue;
    const k = key(text);
    let kind: keyof CleanReport | null = null;
    if (text.length <= 300 && title.has(k)) kind = 'title';
    else if (byline && text.length <= 200 && (k === byline || k.startsWith(`by ${byline}`) || k.startsWith(byline))) kind = 'byline';
    else if (isCreditLine(text)) kind = 'credit';
    else if (text.length <= 400 && CONTRIBUTOR_LINE.test(text)) kind = 'contributor';
    // "Email Jane Doe at jdoe@… or follow her on Twitter": a contact line of a sentence or two (a
    // bare name and address can be the byline a page writes as part of its text).
    else if (text.length <= 300 && (text.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0) >= 8 && el.querySelector('a[href^="mailto:" i]')) kind = 'contributor';
    else if (isDateLine(text)) kind = 'date';
    else if (text.length <= 100 && el.querySelector('time') && textOf(el.querySelector('time')!).length >= text.length * 0.5) kind = 'date';
    else if (text.length <= 600 && !el.closest('blockquote') && isLinkLine(el, text, sameSite(el)) && !headsSection(el)) kind = 'link-only';
    else if (text.length <= 300 && Array.from(el.querySelectorAll('a[href]')).some((a) => PROMPT_HREF.test(a.getAttribute('href') ?? ''))) kind = 'prompt';
    else if (text.length <= 100 && PROMPT_LINE.test(text.trim())) kind = 'prompt';
    if (!kind) continue;
    // A caption line keeps its place (marked); a credit inside it still goes.
    if (kind !== 'credit' && el.closest(`[${CAPTION_ATTR}]`)) continue;
    if (kind === 'link-only') {
      // The label just before a line of links ("Related", "DON'T MISS") goes with it.
      const prev = el.previousElementSibling;
      const label = prev ? textOf(prev) : '';
      if (prev && label && label.length <= 40 && !/[.!?:;,]["”’)]?$/.test(label) && !prev.querySelector('a, img') && !prev.querySelector(BLOCKS)) remove(prev, 'label');
    }
    remove(el, kind);
  }

  // 5. Labels left behind: a block that lost what it introduced ("You may also like", "Related")
  // and now holds a line or two at most.
  for (const parent of emptied) {
    if (!inside(parent, root) || parent === root) continue;
    const text = textOf(parent);
    if (text.length <= 60) {
      if (text) count('label');
      parent.remove();
    }
  }
  return report;
}

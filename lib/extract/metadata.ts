/**
 * What a page says about itself: meta tags, JSON-LD, microdata and a few conventional elements.
 * Read-only: every function here only queries the document it is given.
 */
import { dateInText, normaliseDate } from './date';
import { normaliseUrl } from './url';

export type JsonObject = Record<string, unknown>;

export interface PageMeta {
  /** meta tags by lower-cased name / property / itemprop / http-equiv, values in document order. */
  meta: Map<string, string[]>;
  /** Every JSON-LD node that has an @type (arrays and @graph flattened). */
  jsonld: JsonObject[];
  /** The first JSON-LD node whose type is an article type, if any. */
  article: JsonObject | null;
  /** Why the metadata says this is an article (empty when it does not). */
  articleSignals: string[];
  /** Why the metadata says this is some other kind of page (search results, listing, profile). */
  otherSignals: string[];
}

// Article, NewsArticle and its kinds (Analysis…, Opinion…, Reportage…), SatiricalArticle, ScholarlyArticle,
// TechArticle, Report, BlogPosting, LiveBlogPosting, SocialMediaPosting, DiscussionForumPosting.
const ARTICLE_TYPES =
  /^(?:(?:(?:Analysis|AskPublic|Background|Opinion|Reportage|Review)?News|Satirical|AdvertiserContent|(?:Medical)?Scholarly|Tech)?Article|Report|(?:Live)?BlogPosting|SocialMediaPosting|DiscussionForumPosting)$/;
const OTHER_PAGE_TYPES = /^(?:SearchResultsPage|CollectionPage|ItemList|ProfilePage|CheckoutPage|ContactPage|Product)$/;

const text = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function types(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
}

export function isArticleNode(node: JsonObject): boolean {
  return types(node).some((t) => ARTICLE_TYPES.test(t));
}

function collectJsonLd(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as JsonObject;
    if (o['@type'] !== undefined) out.push(o);
    if (Array.isArray(o['@graph'])) visit(o['@graph'], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const raw = (s.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '').trim();
    if (!raw || raw.length > 500_000) continue;
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Broken JSON-LD is common; the page's other metadata still counts.
    }
  }
  return out;
}

function collectMeta(doc: Document): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const content = m.getAttribute('content');
    if (content == null || !content.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const keys = m.getAttribute(attr);
      if (!keys) continue;
      // `property` may hold several space-separated names ("og:title twitter:title").
      for (const key of keys.toLowerCase().split(/\s+/)) {
        if (!key) continue;
        const list = meta.get(key);
        if (list) list.push(content.trim());
        else meta.set(key, [content.trim()]);
      }
    }
  }
  return meta;
}

export function readPageMeta(doc: Document): PageMeta {
  const meta = collectMeta(doc);
  const jsonld = collectJsonLd(doc);
  const article = jsonld.find(isArticleNode) ?? null;
  const articleSignals: string[] = [];
  const otherSignals: string[] = [];
  const ogType = (meta.get('og:type')?.[0] ?? '').toLowerCase();
  if (ogType === 'article' || ogType.startsWith('article') || ogType === 'news' || ogType.endsWith(':article')) articleSignals.push(`og:type=${ogType}`);
  if (article) articleSignals.push(`JSON-LD ${types(article).join('/')}`);
  if (meta.has('article:published_time')) articleSignals.push('article:published_time');
  const parselyType = (meta.get('parsely-type')?.[0] ?? '').toLowerCase();
  if (parselyType === 'post' || parselyType === 'article') articleSignals.push(`parsely-type=${parselyType}`);
  const micro = doc.querySelector('[itemtype*="NewsArticle" i],[itemtype*="schema.org/Article" i],[itemtype*="BlogPosting" i]');
  if (micro) articleSignals.push('microdata article');
  for (const n of jsonld) {
    const t = types(n).find((x) => OTHER_PAGE_TYPES.test(x));
    if (t) otherSignals.push(`JSON-LD ${t}`);
  }
  if (ogType === 'profile' || ogType === 'product' || ogType.startsWith('video') || ogType.startsWith('music')) otherSignals.push(`og:type=${ogType}`);
  return { meta, jsonld, article, articleSignals, otherSignals };
}

/**
 * The document's <title> text, found by query (linkedom's `document.title` getter inserts a <head>
 * when the tree has an unexpected shape, and the page must not change).
 */
export function documentTitle(doc: Document): string {
  return text(doc.querySelector('title')?.textContent);
}

export function firstMeta(pm: PageMeta, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = pm.meta.get(k.toLowerCase());
    if (v?.length) return v[0]!;
  }
  return null;
}

/** The name in a JSON-LD value that may be a string, an object with `name`, or an array of those. */
export function jsonName(v: unknown): string | null {
  if (typeof v === 'string') return text(v) || null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const n = jsonName(x);
      if (n) return n;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    const name = (v as JsonObject).name;
    if (typeof name === 'string') return text(name) || null;
    if (Array.isArray(name) || (name && typeof name === 'object')) return jsonName(name);
    const value = (v as JsonObject)['@value'];
    if (typeof value === 'string') return text(value) || null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Names: comparing publisher and site names

/** A comparable form of a site or publisher name: "The Independent (UK)" → "independentuk". */
export function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const isUrl = (s: string) => /^(?:https?:)?\/\//i.test(s);
const isUrlLike = (s: string) => isUrl(s) || /^[\w-]+(\.[\w-]+)+(\/|$)/.test(s);

/** A host name as a last-resort publisher name: "www.example.co.uk" → "example.co.uk"; null for IPs. */
export function hostName(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (!host || host === 'localhost' || /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[')) return null;
  return host.replace(/^(?:www\d*|m|amp|mobile)\./, '');
}

/** A publisher name given as a name or a URL (URLs become a host name). */
function nameOrHost(v: string | null): string | null {
  if (!v) return null;
  const s = text(v);
  if (!s) return null;
  if (isUrlLike(s)) {
    const url = /^https?:/i.test(s) ? s : `https://${s.replace(/^\/\//, '')}`;
    // Facebook / Twitter pages are where article:publisher usually points: not a name.
    const host = hostName(url);
    if (!host || /(^|\.)(facebook|twitter|x|instagram|linkedin)\.com$/.test(host)) return null;
    return host;
  }
  return s.length <= 100 ? s : null;
}

interface KnownAggregator {
  name: string;
  hosts: string[];
  aliases?: string[];
}

/**
 * Sites that carry other publishers' articles, matched by host (or a subdomain) or by name: written
 * "name|host host…|alias alias…;…" to keep the content script small.
 */
export const KNOWN_AGGREGATORS: KnownAggregator[] = (
  'inkl|inkl.com;Google News|news.google.com;Apple News|apple.news;Yahoo News|news.yahoo.com finance.yahoo.com sports.yahoo.com|Yahoo,Yahoo Finance,Yahoo Sports;' +
  'MSN|msn.com|Microsoft Start;Flipboard|flipboard.com;PressReader|pressreader.com;NewsBreak|newsbreak.com|News Break;SmartNews|smartnews.com;' +
  'Ground News|ground.news;Pocket|getpocket.com;Feedly|feedly.com;NewsNow|newsnow.co.uk newsnow.com;Upday|upday.com;Opera News|opera.news;' +
  'Squid|squidapp.co;Particle|particle.news;Readly|readly.com;Magzter|magzter.com;AOL|aol.com'
)
  .split(';')
  .map((entry) => {
    const [name, hosts, aliases] = entry.split('|');
    return { name: name!, hosts: hosts!.split(' '), aliases: aliases ? aliases.split(',') : [] };
  });

export function knownAggregator(siteName: string | null, url: string | null): KnownAggregator | null {
  const key = siteName ? nameKey(siteName) : '';
  let host = '';
  try {
    host = url ? new URL(url).hostname.toLowerCase() : '';
  } catch {
    host = '';
  }
  for (const a of KNOWN_AGGREGATORS) {
    if (key && [a.name, ...(a.aliases ?? [])].some((n) => nameKey(n) === key)) return a;
    if (host && a.hosts.some((h) => host === h || host.endsWith(`.${h}`))) return a;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Title

// Titles are split after `text()` collapsed their white space, so one `\s` each side is enough
// (`\s+` there backtracks quadratically on a long run of spaces).
const TITLE_SEPARATORS = /\s[|\-–—·»:•]{1,2}\s|\s::\s/;

/** The title split at " | ", " - ", " – ", " — ", " · ", " » ", " :: " separators. */
export function titleSegments(title: string): string[] {
  return text(title)
    .split(TITLE_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Removes leading or trailing title segments that are a known site / publisher name
 * ("Headline | The Independent UK | inkl" → "Headline"). Segments that are not a known name
 * stay: a dash inside a headline is not a separator.
 */
export function stripSiteFromTitle(title: string, names: (string | null | undefined)[]): string {
  const keys = new Set(
    names
      .filter((n): n is string => !!n)
      .map(nameKey)
      .filter(Boolean),
  );
  const t = text(title);
  if (!keys.size) return t;
  const parts = t.split(new RegExp(`(${TITLE_SEPARATORS.source})`));
  // parts alternate: segment, separator, segment, ...
  const segs: string[] = [];
  const seps: string[] = [];
  parts.forEach((p, i) => (i % 2 === 0 ? segs : seps).push(p));
  let start = 0;
  let end = segs.length;
  while (end - start > 1 && keys.has(nameKey(segs[end - 1]!))) end--;
  while (end - start > 1 && keys.has(nameKey(segs[start]!))) start++;
  let out = segs[start]!;
  for (let i = start + 1; i < end; i++) out += seps[i - 1]! + segs[i]!;
  return out.trim() || t;
}

// ---------------------------------------------------------------------------------------------
// Published time

const DATE_META_KEYS = (
  'article:published_time og:article:published_time article:published datepublished parsely-pub-date sailthru.date pubdate ' +
  'publishdate publish-date publish_date publication_date article.published dc.date.issued dcterms.issued dc.date dcterms.date ' +
  'dcterms.created dc.date.created citation_publication_date citation_date date og:published_time published_time release_date '
).split(' ');

/** Elements that hold a visible dateline or byline ("Published 16 November 2019", "Nov. 16, 2019"). */
const DATELINES = '[class*="date" i],[class*="publish" i],[class*="byline" i],[class*="timestamp" i],[id*="date" i]';

/**
 * Publication date (ISO 8601 in the page's own zone; see date.ts) from the most explicit source the
 * page offers: the JSON-LD article, meta tags, any other JSON-LD node, microdata, `<time datetime>`, then a
 * visible dateline or the byline, then a date in the URL (/2019/11/16/, /2019/nov/16/).
 */
export function findPublished(doc: Document, pm: PageMeta, readabilityTime?: string | null, more: { byline?: string | null; pageUrl?: string } = {}): string | null {
  const candidates: unknown[] = [];
  if (pm.article) candidates.push(pm.article.datePublished, pm.article.dateCreated);
  for (const k of DATE_META_KEYS) candidates.push(...(pm.meta.get(k) ?? []));
  for (const n of pm.jsonld) candidates.push(n.datePublished);
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  if (itemprop) candidates.push(itemprop.getAttribute('content'), itemprop.getAttribute('datetime'), itemprop.textContent);
  const times = [doc.querySelector('time[pubdate][datetime]'), doc.querySelector('article time[datetime], main time[datetime]'), doc.querySelector('time[datetime]')];
  for (const t of times) if (t) candidates.push(t.getAttribute('datetime'));
  candidates.push(readabilityTime);
  // A time given in UTC gives way to the same moment given in the page's own zone elsewhere
  // (JSON-LD in UTC, article:published_time with -08:00): that one has the page's calendar date.
  let found: string | null = null;
  for (const c of candidates) {
    const v = Array.isArray(c) ? c[0] : c;
    const d = typeof v === 'string' && normaliseDate(v);
    if (!d) continue;
    if (!found) found = d;
    if (!d.endsWith('+00:00') && Math.abs(Date.parse(d) - Date.parse(found)) <= 60_000) return d;
  }
  if (found) return found;
  // Visible datelines, in document order, then the byline (which often carries the date).
  const lines = Array.from(doc.querySelectorAll(DATELINES), (e) => e.textContent ?? '').slice(0, 40);
  for (const line of [...lines, more.byline ?? '']) {
    if (line.length > 200) continue;
    const d = dateInText(line);
    if (d) return d.date;
  }
  let path: string;
  try {
    path = new URL(more.pageUrl ?? '').pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d\d)\/([a-z]{3}|\d\d?)\/(\d\d?)\//i.exec(path);
  return m ? (dateInText(`${m[3]} ${m[2]} ${m[1]}`.replace(/ (\d+) /, '.$1.'))?.date ?? null) : null;
}

// ---------------------------------------------------------------------------------------------
// Canonical URL and language

function baseFor(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      return new URL(href, pageUrl).href;
    } catch {
      // fall through
    }
  }
  return pageUrl;
}

/** link rel=canonical, then og:url, then the page URL; resolved and normalised (see url.ts). */
export function findCanonical(doc: Document, pm: PageMeta, pageUrl: string): string {
  const base = baseFor(doc, pageUrl);
  let pagePath = '/';
  try {
    pagePath = new URL(pageUrl).pathname;
  } catch {
    // keep '/'
  }
  const candidates = [
    ...Array.from(doc.querySelectorAll('link[rel][href]'))
      .filter((l) => (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))
      .map((l) => l.getAttribute('href')),
    firstMeta(pm, 'og:url'),
  ];
  for (const c of candidates) {
    if (!c || !c.trim()) continue;
    let u: URL;
    try {
      u = new URL(c.trim(), base);
    } catch {
      continue;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
    // Some sites point every page's canonical at their home page: ignore that for a deeper page.
    if (u.pathname === '/' && !u.search && pagePath !== '/') continue;
    return normaliseUrl(u.href);
  }
  return normaliseUrl(pageUrl);
}

const LANG_RE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;

export function normaliseLang(v: string | null | undefined): string | null {
  if (!v) return null;
  const s = v.split(',')[0]!.trim().replace(/_/g, '-').toLowerCase();
  return LANG_RE.test(s) ? s : null;
}

export function findLang(doc: Document, pm: PageMeta): string | null {
  const candidates = [
    doc.documentElement?.getAttribute('lang'),
    doc.documentElement?.getAttribute('xml:lang'),
    firstMeta(pm, 'content-language'),
    firstMeta(pm, 'og:locale'),
    firstMeta(pm, 'language', 'dc.language', 'dcterms.language', 'inlanguage'),
    typeof pm.article?.inLanguage === 'string' ? pm.article.inLanguage : null,
  ];
  for (const c of candidates) {
    const l = normaliseLang(c);
    if (l) return l;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Publisher and aggregator

const PUBLISHER_ELEMENTS = [
  '[itemprop="publisher"] [itemprop="name"]',
  '[itemprop="sourceOrganization"] [itemprop="name"]',
  '[itemprop="publisher"]',
  '[data-publisher]',
  '.publisher-name',
  '.source-name',
  '.provider-name',
  '[class*="publisher" i]',
  '[class*="provider" i]',
  '[class*="source-name" i]',
];

/** A short publisher name written in the page (e.g. inkl's `<span class="publisher-name">`). */
function publisherFromElements(doc: Document): string | null {
  for (const sel of PUBLISHER_ELEMENTS) {
    let els: Element[];
    try {
      els = Array.from(doc.querySelectorAll(sel)).slice(0, 5);
    } catch {
      continue;
    }
    for (const el of els) {
      const v = el.getAttribute('data-publisher') || el.getAttribute('content') || el.textContent;
      const s = text(v);
      if (s && s.length <= 60 && s.split(' ').length <= 8 && /\p{L}/u.test(s)) return s;
    }
  }
  return null;
}

/** `nameKey` without a ".com"-like ending or a glued leading "the": "The Hill", "TheHill" and "thehill.com" → "hill". */
const core = (s: string): string => nameKey(s.replace(/\.[a-z]{2,3}(?:\.[a-z]{2})?$/i, '')).replace(/^the(?=.)/, '');

/**
 * How much a name looks written as its publisher writes it: 0 for an address, a handle or a slug
 * ("https://www.newsnation.in", "@politifact", "detroitnews"), 1 for words run together
 * ("TheHill", "CTVNews"), 2 otherwise.
 */
const written = (s: string): number => (isUrl(s) || s[0] === '@' || (s === s.toLowerCase() && /[a-z]/.test(s)) ? 0 : /[a-z][A-Z]|[A-Z][A-Z][a-z]/.test(s) && !s.includes(' ') ? 1 : 2);

/** Whether the words spell `key`, each giving a prefix of itself, one letter at least ("new york times" → "nytimes"). */
const spells = (key: string, words: string[]): boolean => (words.length ? [...words[0]!].some((_, n) => key.startsWith(words[0]!.slice(0, n + 1)) && spells(key.slice(n + 1), words.slice(1))) : !key);

/**
 * The leading words of `s` that spell `key`, a leading "The" aside: "PolitiFact West Virginia" and
 * "politifact" → "PolitiFact"; "The New York Times" and "nytimes" → "The New York Times".
 */
function spelling(s: string, key: string): string | null {
  const words = s.split(' ');
  for (let i = 1; i <= words.length; i++) {
    if (
      spells(
        key,
        words
          .slice(0, i)
          .map(core)
          .filter((w, j) => w && (j || w !== 'the')),
      )
    )
      return words.slice(0, i).join(' ');
  }
  return null;
}

/**
 * Names the page gives itself besides og:site_name: JSON-LD publishers,
 * application-name, publisher meta tags, the first and last title segments and the copyright line
 * ("© 2019 Cleveland.com. All rights reserved").
 */
function ownNames(doc: Document, pm: PageMeta): string[] {
  const out: (string | null | undefined)[] = [firstMeta(pm, 'application-name', 'publisher', 'dc.publisher')];
  for (const n of pm.jsonld) out.push(jsonName(n.publisher));
  const segs = titleSegments(documentTitle(doc));
  if (segs.length > 1) out.push(segs[0], segs[segs.length - 1]);
  for (const el of Array.from(doc.querySelectorAll('[class*="copyright" i],[id*="copyright" i],footer,[class*="footer" i] p')).slice(0, 20)) {
    const t = text(el.textContent);
    const i = t.search(/©|\(c\)|ⓒ|copyright/i);
    if (i >= 0)
      out.push(
        t
          .slice(i)
          .replace(/^(?:©|\(c\)|ⓒ|copyright|\d{4}(?:\s*[-–]\s*\d{4})?|[\s,])+/i, '')
          .split(/[,|©]|\.\s|\.$|\s[-–—]\s|\sall rights|\s\d{4}/i)[0],
      );
  }
  return out.map((n) => text(n)).filter((n) => n && n.length <= 60 && n.split(' ').length <= 6);
}

/**
 * The site's name as the publisher writes it. A site name that is a tagline too ("Autoracing | F1
 * | Indy") keeps its first segment; one written as a host, handle, slug or run-together words
 * ("cleveland", "TheHill") gives way to a better-written form of the same name found elsewhere
 * in the page ("Cleveland.com", "The Hill"). With no site name, a name the page gives itself that
 * spells its host's name ("Entermedia" on entermedia.co.kr) comes before the bare host.
 */
function writtenName(site: string | null, doc: Document, pm: PageMeta, pageUrl: string): string | null {
  const name = site && !isUrl(site) ? titleSegments(site)[0]! : null;
  const host = hostName(pageUrl);
  const labels = host ? host.split('.').filter((l) => !/^(?:co|com|org|net|gov|ac|edu|ne|or)$/.test(l)) : [];
  const key = core(name ?? labels[labels.length > 1 ? labels.length - 2 : 0] ?? '');
  if (!key || (name && written(name) > 1)) return name && name.replace(/^the (?=[A-Z])/, 'The ');
  let best = name;
  let score = name ? written(name) : 0;
  for (const n of ownNames(doc, pm)) {
    // Without a site name, only a whole name that spells the host will do.
    const w = name ? spelling(n, key) : core(n) === key ? n : null;
    if (w && written(w) > score) {
      best = w;
      score = written(w);
    }
  }
  return best;
}

export interface PublisherInfo {
  publisher: string | null;
  aggregator: string | null;
}

/**
 * Who published the piece, and which site carried it when that is someone else.
 *
 * A page is "carried" when its site is a known aggregator, or when its metadata names an original
 * source (JSON-LD sourceOrganization / isBasedOn, `original-source`, `syndication-source`). Then
 * aggregator = the site and publisher = the original, found in the first of: explicit source
 * metadata, JSON-LD publisher or article:publisher naming someone other than the site, a publisher
 * element in the page, a title segment naming neither the headline nor the site. Otherwise the
 * site publishes its own piece: aggregator = null, publisher = og:site_name, JSON-LD publisher or
 * the host name.
 */
export function findPublisher(doc: Document, pm: PageMeta, opts: { pageUrl: string; headline: string; readabilitySiteName?: string | null }): PublisherInfo {
  const a = pm.article;
  const jsonPublisher = a ? jsonName(a.publisher) : null;
  const websiteName = jsonName(pm.jsonld.find((n) => types(n).includes('WebSite'))?.name);
  const named = firstMeta(pm, 'og:site_name') ?? websiteName ?? firstMeta(pm, 'application-name', 'al:android:app_name', 'al:ios:app_name');
  const siteName = named && writtenName(named, doc, pm, opts.pageUrl);
  const known = knownAggregator(named, opts.pageUrl);
  const siteKey = siteName ? nameKey(siteName) : '';
  const isSite = (n: string | null) => !!n && (nameKey(n) === siteKey || (!!known && knownAggregator(n, null) === known));

  // Explicit statements that the piece comes from elsewhere.
  const basedOn = a?.isBasedOn;
  const explicit =
    [
      a ? jsonName(a.sourceOrganization) : null,
      basedOn && typeof basedOn === 'object' ? jsonName((basedOn as JsonObject).publisher) : null,
      nameOrHost(firstMeta(pm, 'original-source', 'syndication-source', 'dc.source', 'citation_publisher')),
    ].find((n) => n && !isSite(n)) ?? null;

  const carried = !!known || !!explicit;
  if (carried) {
    const aggregator = known?.name ?? siteName ?? opts.readabilitySiteName ?? hostName(opts.pageUrl);
    const headlineKey = nameKey(opts.headline);
    const titleCandidate =
      titleSegments(documentTitle(doc))
        .filter((s) => nameKey(s) !== headlineKey && !headlineKey.includes(nameKey(s)) && !isSite(s))
        .find((s) => s.length <= 60 && s.split(' ').length <= 8) ?? null;
    const original = [explicit, jsonPublisher, nameOrHost(firstMeta(pm, 'article:publisher', 'publisher', 'dc.publisher', 'dcterms.publisher')), publisherFromElements(doc), titleCandidate].find(
      (n) => n && !isSite(n) && (!aggregator || nameKey(n) !== nameKey(aggregator)),
    );
    if (original) return { publisher: original, aggregator };
    // A known aggregator with no sign of another publisher: its own piece, or an unknown source.
    const own = [jsonPublisher, publisherFromElements(doc)].find((n) => n && isSite(n));
    return own ? { publisher: siteName ?? own, aggregator: null } : { publisher: null, aggregator };
  }

  const publisher =
    siteName ??
    jsonPublisher ??
    nameOrHost(firstMeta(pm, 'article:publisher', 'publisher', 'dc.publisher')) ??
    (opts.readabilitySiteName ? text(opts.readabilitySiteName) : null) ??
    writtenName(null, doc, pm, opts.pageUrl) ??
    hostName(opts.pageUrl);
  return { publisher, aggregator: null };
}

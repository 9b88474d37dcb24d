/**
 * Exports of saved articles for other tools (issue #6): Markdown to read or paste anywhere, JSON
 * for scripts, and the reader's claim reviews as W3C Web Annotations (JSON-LD,
 * https://www.w3.org/TR/annotation-model/) so that annotation tools can read them.
 *
 * Pure functions of the records: the background uses them for the whole archive or a selection,
 * the archive page for the article in its reader view. Article text came from web pages and is
 * treated as hostile: Markdown is escaped so that no link, image or HTML can come out of it, and
 * only http(s) addresses ever become links.
 */
import { statedClock } from '../extract/date';
import { claimStatus } from '../claim-status';
import type { Actor, Claim, ClaimKind, ClaimStatus, SavedArticle, TextSpan } from '../types';

export type ToolFormat = 'markdown' | 'json' | 'annotations';
export const TOOL_FORMATS: readonly ToolFormat[] = ['markdown', 'json', 'annotations'];

export function isToolFormat(x: unknown): x is ToolFormat {
  return TOOL_FORMATS.includes(x as ToolFormat);
}

export interface ToolExportOptions {
  /** Export time (ms), stamped in the file. */
  now: number;
  /** Annotations only: also one "identifying" annotation per named person, organisation and place. */
  actors?: boolean;
}

export interface ExportedFile {
  text: string;
  filename: string;
  mime: string;
}

const STATUS_TEXT: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  verified: 'Verified',
  disputed: 'Disputed',
  false: 'False',
  'not-claim': 'Not a claim',
};
const KIND_TEXT: Record<ClaimKind, string> = { quote: 'Quote', reported: 'Reported statement', factual: 'Statement' };
const TYPE_TEXT: Record<Actor['type'], string> = { PER: 'Person', ORG: 'Organisation', LOC: 'Place' };

/** One file for the records in `format`. */
export function toolExport(format: ToolFormat, records: readonly SavedArticle[], opts: ToolExportOptions): ExportedFile {
  const stem = records.length === 1 ? slug(records[0]!.title) : `backstory-articles-${isoDay(opts.now)}`;
  if (format === 'markdown') return { text: articlesMarkdown(records, opts.now), filename: `${stem}.md`, mime: 'text/markdown;charset=utf-8' };
  if (format === 'json') return { text: JSON.stringify(articlesJson(records, opts.now), null, 2), filename: `${stem}.json`, mime: 'application/json' };
  return {
    text: JSON.stringify(annotationCollection(records, opts), null, 2),
    filename: `${stem}.annotations.jsonld`,
    mime: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
  };
}

/** A file name from a title: letters and digits joined by hyphens, at most 60 characters. */
export function slug(title: string): string {
  const s = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'article';
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoTime = (ms: number) => new Date(ms).toISOString();

/** Only http(s) addresses are ever written as addresses; null otherwise. */
function webHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * Text as literal Markdown: every character that could start emphasis, a link, an image, code, HTML,
 * a table cell or an entity is backslash-escaped (with `[` and `]` escaped, parentheses are plain), and so is whatever would make a line a heading, quote, list or
 * rule. Line breaks become spaces (a paragraph is one line).
 */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
    .replace(/^(\s*)([-+=>]|\d+(?=[.)]))/, (_, sp: string, m: string) => (/^\d/.test(m) ? `${sp}${m}\\` : `${sp}\\${m}`));
}

/**
 * The reader's own text (a note) as Markdown that keeps its line breaks, inside a list item: each
 * line escaped as `mdText` does, a line break kept as a hard break (a backslash at the line's end),
 * an empty line kept as a paragraph break; continuation lines indented so they stay in the item.
 */
export function mdLines(s: string): string {
  const paragraphs = s
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => mdText(line).trim())
    .reduce<string[][]>(
      (acc, line) => {
        if (!line) acc.push([]);
        else acc[acc.length - 1]!.push(line);
        return acc;
      },
      [[]],
    )
    .filter((p) => p.length > 0);
  return paragraphs.map((p) => p.join('\\\n  ')).join('\n\n  ');
}

/** An http(s) address as an autolink (the URL parser has already percent-encoded spaces and angle brackets). */
function mdLink(url: string | null | undefined): string | null {
  const href = webHref(url);
  return href ? `<${href.replace(/[<>\s]/g, encodeURIComponent)}>` : null;
}

/** The publication day: the page's own calendar date when the record states it, else the UTC day. */
function publishedText(published: string | null): string | null {
  if (!published) return null;
  const t = statedClock(published) ?? Date.parse(published);
  return Number.isFinite(t) ? isoDay(t) : published;
}

/** The claims worth listing: reviewed or marked by the reader, or flagged by the text's signals. */
function listedClaims(r: SavedArticle): Claim[] {
  return (r.claims ?? []).filter((c) => claimStatus(c) !== null);
}

/** One article: title, metadata, text, then its claims with the reader's reviews. */
export function articleMarkdown(r: SavedArticle): string {
  const out: string[] = [`# ${mdText(r.title) || 'Untitled'}`, ''];
  const meta: [string, string | null][] = [
    ['Address', mdLink(r.url)],
    ['Read at', r.pageUrl !== r.url ? mdLink(r.pageUrl) : null],
    ['Publisher', r.publisher ? mdText(r.publisher) + (r.aggregator ? ` (via ${mdText(r.aggregator)})` : '') : r.aggregator ? `via ${mdText(r.aggregator)}` : null],
    ['By', r.byline ? mdText(r.byline) : null],
    ['Published', r.published ? mdText(publishedText(r.published)!) : null],
    ['Saved', isoDay(r.savedAt)],
    ['Language', r.lang ? mdText(r.lang) : null],
    ['Tags', r.tags?.length ? r.tags.map(mdText).join(', ') : null],
    ['Words', r.wordCount ? r.wordCount.toLocaleString('en') : null],
  ];
  for (const [k, v] of meta) if (v) out.push(`- ${k}: ${v}`);
  if (r.truncated) out.push('- Note: the page was very long; only its first part was saved.');
  out.push('');
  for (const p of r.paragraphs) {
    const line = mdText(p).trim();
    if (line) out.push(line, '');
  }
  const claims = listedClaims(r);
  if (claims.length) {
    out.push('## Claims', '');
    for (const c of claims) out.push(...claimMarkdown(c), '');
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function claimMarkdown(c: Claim): string[] {
  const status = claimStatus(c)!;
  const lines = [`> ${mdText(c.text)}`, ''];
  const by = c.speaker ? ` by ${mdText(c.speaker)}` : '';
  lines.push(`- ${KIND_TEXT[c.kind]}${by}${c.missed ? ' (marked by the reader)' : ''}`);
  lines.push(`- Status: ${STATUS_TEXT[status]}${c.review ? ` (your review, ${isoDay(c.review.updatedAt)})` : ' (what the text itself establishes)'}`);
  if (c.review?.note) lines.push(`- Note: ${mdLines(c.review.note)}`);
  const links = (c.review?.evidence ?? []).map(mdLink).filter((l): l is string => !!l);
  if (links.length) lines.push(`- Evidence: ${links.join(', ')}`);
  if (c.signals.length) lines.push(`- Why it is flagged: ${c.signals.map((s) => mdText(s.reason)).join('; ')}`);
  return lines;
}

/** Several articles, one after the other, under a short heading. */
export function articlesMarkdown(records: readonly SavedArticle[], now: number): string {
  if (records.length === 1) return articleMarkdown(records[0]!);
  const head = `<!-- ${records.length} articles exported from Backstory on ${isoDay(now)} -->\n\n`;
  return head + records.map(articleMarkdown).join('\n---\n\n');
}

// ---------------------------------------------------------------------------------------------
// JSON

/** A record as other tools want it: without Backstory's internal fields (id, size, index keys, fingerprint), times in ISO 8601. */
export function articleJson(r: SavedArticle) {
  return {
    url: r.url,
    pageUrl: r.pageUrl,
    title: r.title,
    byline: r.byline,
    publisher: r.publisher,
    aggregator: r.aggregator,
    published: r.published,
    lang: r.lang,
    excerpt: r.excerpt,
    wordCount: r.wordCount,
    truncated: r.truncated,
    savedAt: isoTime(r.savedAt),
    updatedAt: isoTime(r.updatedAt),
    tags: r.tags ?? [],
    actors: r.actors.map((a) => ({ name: a.name, type: a.type, aliases: a.aliases, mentions: a.mentions, role: a.role })),
    claims: (r.claims ?? []).map((c) => ({
      id: c.id,
      text: c.text,
      kind: c.kind,
      speaker: c.speaker,
      cue: c.cue,
      spans: c.spans,
      status: claimStatus(c),
      checkworthiness: c.checkworthiness,
      signals: c.signals.map((s) => ({ code: s.code, reason: s.reason, words: s.words })),
      review: c.review ? { status: c.review.status, note: c.review.note, evidence: c.review.evidence, updatedAt: isoTime(c.review.updatedAt) } : null,
      missed: c.missed === true,
    })),
    paragraphs: r.paragraphs,
  };
}

export function articlesJson(records: readonly SavedArticle[], now: number) {
  return {
    format: 'backstory-articles',
    version: 1,
    exportedAt: isoTime(now),
    note: 'Times are ISO 8601. Claim spans are UTF-16 offsets into one paragraph of "paragraphs".',
    articles: records.map(articleJson),
  };
}

// ---------------------------------------------------------------------------------------------
// W3C Web Annotations

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Characters of context kept before and after a quote in a TextQuoteSelector. */
export const QUOTE_CONTEXT = 32;

/** 32-bit FNV-1a. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A UUID (version 8, "custom") derived from a string, so that the same claim of the same article
 * gets the same annotation id in every export and tools can recognise it again.
 */
export function stableUuid(s: string): string {
  const hex = [0, 1, 2, 3].map((lane) => fnv1a(`${lane}\u0000${s}\u0000${lane}`).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The quote at [start, end) of a paragraph, with up to QUOTE_CONTEXT characters either side (never half a surrogate pair). */
export function quoteSelector(paragraph: string, start: number, end: number): TextQuoteSelector {
  let from = Math.max(0, start - QUOTE_CONTEXT);
  if (from > 0 && isLow(paragraph.charCodeAt(from))) from--;
  let to = Math.min(paragraph.length, end + QUOTE_CONTEXT);
  if (to < paragraph.length && isHigh(paragraph.charCodeAt(to - 1))) to++;
  const sel: TextQuoteSelector = { type: 'TextQuoteSelector', exact: paragraph.slice(start, end) };
  const prefix = paragraph.slice(from, start);
  const suffix = paragraph.slice(end, to);
  if (prefix) sel.prefix = prefix;
  if (suffix) sel.suffix = suffix;
  return sel;
}

interface Target {
  source: string;
  scope?: string;
  selector: TextQuoteSelector;
}

function target(r: SavedArticle, selector: TextQuoteSelector): Target {
  const t: Target = { source: r.url, selector };
  // Where the reader read it, when that is another address than the article's own (an aggregator).
  if (r.pageUrl && r.pageUrl !== r.url && webHref(r.pageUrl)) t.scope = r.pageUrl;
  return t;
}

/** One target per span of the claim; the claim's own text when no span fits the saved paragraphs. */
function claimTargets(r: SavedArticle, c: Claim): Target[] {
  const valid = (s: TextSpan) => {
    const p = r.paragraphs[s.paragraph];
    return p !== undefined && s.start < s.end && s.end <= p.length;
  };
  const spans = c.spans.filter(valid);
  if (!spans.length) return [target(r, { type: 'TextQuoteSelector', exact: c.text })];
  return spans.map((s) => target(r, quoteSelector(r.paragraphs[s.paragraph]!, s.start, s.end)));
}

type Body = { type: 'TextualBody'; purpose: string; value: string; format: 'text/plain'; language?: string } | { type: 'SpecificResource'; purpose: 'linking'; source: string };

const textBody = (purpose: string, value: string, english = true): Body =>
  english ? { type: 'TextualBody', purpose, value, format: 'text/plain', language: 'en' } : { type: 'TextualBody', purpose, value, format: 'text/plain' };

/** The reader's review of a claim as an "assessing" annotation (null when the claim has no review). */
export function claimAnnotation(r: SavedArticle, c: Claim) {
  const review = c.review;
  if (!review) return null;
  const body: Body[] = [textBody('assessing', STATUS_TEXT[review.status])];
  if (review.note) body.push(textBody('commenting', review.note, false));
  if (c.speaker) body.push(textBody('describing', `${KIND_TEXT[c.kind]} by ${c.speaker}`));
  for (const e of review.evidence) {
    const href = webHref(e);
    if (href) body.push({ type: 'SpecificResource', purpose: 'linking', source: href });
  }
  const targets = claimTargets(r, c);
  return {
    id: `urn:uuid:${stableUuid(`claim\u0000${r.url}\u0000${c.id}`)}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: isoTime(review.updatedAt),
    modified: isoTime(review.updatedAt),
    body,
    target: targets.length === 1 ? targets[0]! : targets,
  };
}

const WORDISH = /[\p{L}\p{N}]/u;

/** The first place in the text where the actor is named (longest of its names first, whole words only). */
export function firstMention(r: Pick<SavedArticle, 'paragraphs'>, a: Pick<Actor, 'name' | 'aliases'>): { paragraph: number; start: number; end: number } | null {
  const names = [...new Set([a.name, ...a.aliases])].filter((n) => n.trim().length > 1).sort((x, y) => y.length - x.length);
  for (const [i, p] of r.paragraphs.entries()) {
    let best: { paragraph: number; start: number; end: number } | null = null;
    for (const n of names) {
      let at = p.indexOf(n);
      while (at >= 0) {
        const before = at > 0 ? p[at - 1]! : '';
        const after = p[at + n.length] ?? '';
        if (!WORDISH.test(before) && !WORDISH.test(after)) {
          if (!best || at < best.start) best = { paragraph: i, start: at, end: at + n.length };
          break;
        }
        at = p.indexOf(n, at + 1);
      }
    }
    if (best) return best;
  }
  return null;
}

/** A named actor as an "identifying" annotation on its first mention (or on the article when none is found). */
export function actorAnnotation(r: SavedArticle, a: Actor) {
  const body: Body[] = [textBody('identifying', a.name, false), textBody('classifying', TYPE_TEXT[a.type])];
  if (a.role) body.push(textBody('describing', a.role, false));
  const m = firstMention(r, a);
  return {
    id: `urn:uuid:${stableUuid(`actor\u0000${r.url}\u0000${a.key}`)}`,
    type: 'Annotation',
    motivation: 'identifying',
    created: isoTime(r.updatedAt),
    body,
    target: m ? target(r, quoteSelector(r.paragraphs[m.paragraph]!, m.start, m.end)) : r.url,
  };
}

/** Every reviewed claim (and, when asked, every named actor) of the records, in one AnnotationCollection. */
export function annotationCollection(records: readonly SavedArticle[], opts: ToolExportOptions) {
  const items: object[] = [];
  for (const r of records) {
    for (const c of r.claims ?? []) {
      const a = claimAnnotation(r, c);
      if (a) items.push(a);
    }
    if (opts.actors) for (const a of r.actors) items.push(actorAnnotation(r, a));
  }
  const collection: Record<string, unknown> = {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${stableUuid(`collection\u0000${opts.now}\u0000${records.map((r) => r.url).join('\u0000')}`)}`,
    type: 'AnnotationCollection',
    label: `Backstory: ${records.length === 1 ? `“${records[0]!.title}”` : `${records.length} articles`}`,
    generator: { type: 'Software', name: 'Backstory' },
    generated: isoTime(opts.now),
    total: items.length,
  };
  if (items.length) collection.first = { type: 'AnnotationPage', startIndex: 0, items };
  return collection;
}

/**
 * The fingerprint of an article for event matching (issue #5): computed once at analysis time and
 * stored with the saved article. It keeps what tells one event from another of the same kind:
 * distinctive words, who is involved, where, and when.
 *
 * Size: at most 64 terms, 16 actors, 12 places, 16 date intervals and 25 index keys (the last the publication day), about 1–2.5 KB
 * as JSON (see `fingerprintBytes`); the headline-and-lede fields (issue #19: at most 4 kinds, 6 day intervals, 40 terms)
 * add about 270 bytes (dev stream: a mean of 1,601 bytes without them, 1,866 with).
 */
import type { Actor, ArticleFingerprint } from '../types.ts';
import { extractDates, parseDay } from './dates.ts';
import { idf, type IdfTable } from './idf.ts';
import { happeningOf, KINDS_VERSION, personalKinds, seriesIn } from './happening.ts';
import { nameFromKey } from './names.ts';
import { fold, terms } from './terms.ts';
import { wholeWordsAt } from '../whole-words.ts';
import { PARTY_MEMBERS } from '../nlp/org-words.ts';

export const FINGERPRINT_VERSION = 1;

/** The fingerprint type lives in lib/types.ts (it is stored with saved articles). */
export type Fingerprint = ArticleFingerprint;

export interface FingerprintInput {
  title: string;
  paragraphs: string[];
  /** ISO 8601 date of the article, or null. */
  published: string | null;
}

export interface FingerprintLimits {
  terms: number;
  actors: number;
  places: number;
  dates: number;
  termKeys: number;
  actorKeys: number;
  placeKeys: number;
}

export const DEFAULT_LIMITS: FingerprintLimits = { terms: 64, actors: 16, places: 12, dates: 16, termKeys: 10, actorKeys: 8, placeKeys: 6 };

/** Actor keys longer than this are not names and are left out. */
const MAX_KEY = 80;

/** Caps on the text read, so that a huge page cannot stall the worker. */
const MAX_PARAGRAPHS = 2000;
const MAX_CHARS = 200_000;

/** The body paragraphs, without a first paragraph that repeats the title, cut to the caps. */
function body(input: FingerprintInput): string[] {
  const title = input.title.trim();
  const paras = input.paragraphs.slice(0, MAX_PARAGRAPHS);
  const start = paras.length > 0 && paras[0]!.trim() === title ? 1 : 0;
  const out: string[] = [];
  let chars = 0;
  for (let i = start; i < paras.length && chars < MAX_CHARS; i++) {
    const p = paras[i]!;
    out.push(p.length + chars > MAX_CHARS ? p.slice(0, MAX_CHARS - chars) : p);
    chars += p.length;
  }
  return out;
}

/** Term counts of an article: every term of the body once per occurrence, title terms twice. */
export function termCounts(input: FingerprintInput): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms(input.title, 2000)) counts.set(t, (counts.get(t) ?? 0) + 2);
  for (const p of body(input)) for (const t of terms(p)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** The distinct terms of an article: what the archive adds to its IDF counts (`LayeredIdf.add`). */
export function documentTerms(input: FingerprintInput): string[] {
  return [...termCounts(input).keys()];
}

/** TF-IDF weight of a term occurring `count` times: sublinear term frequency. */
export function termWeight(table: IdfTable, term: string, count: number): number {
  return (1 + Math.log(count)) * idf(table, term);
}

/**
 * The norms of a fingerprint's weighted terms (`termWeight` of each of `terms` with its count) and
 * of its headline-and-lede terms (weighted by IDF), under `table`: what `computeFingerprint`
 * stores, and what a lookup computes for a fingerprint that has none (lib/events/match.ts, `prepare`).
 */
export function fingerprintNorms(fp: Pick<Fingerprint, 'terms' | 'counts' | 'head'>, table: IdfTable): { norm: number; headNorm: number } {
  let sq = 0;
  const n = Math.min(fp.terms.length, fp.counts.length);
  for (let i = 0; i < n; i++) sq += termWeight(table, fp.terms[i]!, Math.max(1, fp.counts[i]!)) ** 2;
  let hq = 0;
  for (const t of new Set(fp.head ?? [])) hq += idf(table, t) ** 2;
  return { norm: Math.sqrt(sq), headNorm: Math.sqrt(hq) };
}

function byCountThenKey(a: Actor, b: Actor): number {
  return b.mentions - a.mentions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Normalises an actor key the way the analyser writes them ("PER:tara reid"), diacritics folded. */
export function normKey(key: string): string {
  const i = key.indexOf(':');
  return i < 0
    ? fold(key)
    : key.slice(0, i) +
        ':' +
        fold(key.slice(i + 1))
          .replace(/\s+/g, ' ')
          .trim();
}

/** Characters of a title read as its headline (for `subject` and `series`). */
const MAX_HEADLINE = 400;

/** People named in a headline at most. */
const MAX_HEAD_PEOPLE = 3;

/**
 * The personal kinds of happening a headline names and the people it names, first named first (see
 * `ArticleFingerprint.subject`), or undefined when it names no such kind or no person.
 */
export function headlineSubject(title: string, actors: readonly Actor[]): { kinds: string[]; people: string[] } | undefined {
  const kinds = personalKinds(title);
  if (kinds.length === 0) return undefined;
  const named: [number, string][] = [];
  for (const a of actors) {
    if (a.type !== 'PER' || !a.key || a.key.length > MAX_KEY) continue;
    let first = -1;
    for (const form of [a.name, ...a.aliases]) {
      if (form.length < 3) continue;
      const at = wholeWordsAt(title, form);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    if (first >= 0) named.push([first, normKey(a.key)]);
  }
  if (named.length === 0) return undefined;
  named.sort((x, y) => x[0] - y[0]);
  return { kinds, people: [...new Set(named.map(([, k]) => k))].slice(0, MAX_HEAD_PEOPLE) };
}

/**
 * Computes the fingerprint of an article from its text, its date and the actors the analyser found
 * (lib/nlp/actors.ts). Deterministic: the same input gives the same fingerprint.
 */
export function computeFingerprint(input: FingerprintInput, actors: readonly Actor[], table: IdfTable, limits: FingerprintLimits = DEFAULT_LIMITS): Fingerprint {
  const counts = termCounts(input);
  const ranked = [...counts.entries()]
    .map(([t, n]) => ({ t, n, w: termWeight(table, t, n) }))
    .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
    .slice(0, limits.terms);

  const merged = new Map<string, Actor>();
  for (const a of actors) {
    if (!a.key || a.key.length > MAX_KEY) continue;
    // a party named only by its members ("Democrats", "Republicans") is in nearly every report of a
    // country's politics: it tells no event from another
    if (a.aliases.length > 0 && a.aliases.every((x) => PARTY_MEMBERS.has(x))) continue;
    const k = normKey(a.key);
    const prev = merged.get(k);
    if (!prev) merged.set(k, { ...a, key: k });
    else {
      const both: Actor = { ...prev, mentions: prev.mentions + a.mentions };
      // an outlet only when every actor merged under the key is one
      if (!a.outlet) delete both.outlet;
      merged.set(k, both);
    }
  }
  const sorted = [...merged.values()].sort(byCountThenKey);
  const people = sorted.filter((a) => a.type !== 'LOC').slice(0, limits.actors);
  const places = sorted.filter((a) => a.type === 'LOC').slice(0, limits.places);

  // Kept among the actors: the outlet that broke a story is cited by every report of it (5-fold CV
  // without them: dev stream F1 0.597 → 0.589, ECB+ 0.886 → 0.884). Named, so a reader's
  // timeline can leave them out of the event's names.
  const outlets = people.filter((a) => a.outlet).map((a) => a.key);
  const day = parseDay(input.published);
  const text = [input.title, ...body(input)].join('\n');
  const dates = extractDates(text, { ref: day, max: limits.dates }).flat();

  const keys = [
    ...ranked.slice(0, limits.termKeys).map((r) => 't:' + r.t),
    ...people.slice(0, limits.actorKeys).map((a) => a.key),
    ...places.slice(0, limits.placeKeys).map((a) => a.key),
    // The publication day, so that a lookup also finds the articles of the days around it
    // (`lookupKeys` in match.ts), whatever they share.
    ...(day !== null ? ['d:' + day] : []),
  ];
  const what = happeningOf(input.title, body(input), day);
  // A headline is a line: a page's "title" that runs on is read no further than this.
  const headline = input.title.slice(0, MAX_HEADLINE);
  const subject = headlineSubject(headline, actors);
  const series = seriesIn(headline);
  const top = { terms: ranked.map((r) => r.t), counts: ranked.map((r) => r.n) };
  // Names as written where the key loses them (capitals, diacritics): the panels of other articles
  // show these actors by name.
  const names: [string, string][] = [];
  for (const a of [...people, ...places]) {
    const name = a.name?.trim();
    if (name && name.length <= MAX_KEY && name !== nameFromKey(a.key)) names.push([a.key, name]);
  }
  return {
    v: FINGERPRINT_VERSION,
    day,
    ...top,
    actors: people.map((a) => [a.key, a.mentions]),
    places: places.map((a) => [a.key, a.mentions]),
    dates,
    keys: [...new Set(keys)],
    kinds: what.kinds,
    kindsV: KINDS_VERSION,
    kindDays: what.days,
    head: what.head,
    ...fingerprintNorms({ ...top, head: what.head }, table),
    ...(names.length ? { names } : {}),
    ...(subject ? { subject } : {}),
    ...(series.length ? { series } : {}),
    ...(outlets.length ? { outlets } : {}),
  };
}

/** Size of a fingerprint as stored (JSON, UTF-8 bytes). */
export function fingerprintBytes(fp: Fingerprint): number {
  return new TextEncoder().encode(JSON.stringify(fp)).length;
}

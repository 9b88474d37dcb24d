/**
 * Test helper: the archive's tables as plain rows, and what every derived table should hold when
 * rebuilt from the article records alone. Works on a Dexie database (unit tests) and on rows read
 * with plain IndexedDB from an extension page (end-to-end tests).
 */
import { claimRows } from '../lib/archive/claims';
import { fingerprintOf } from '../lib/archive/coverage';
import { EMPTY_IDF } from '../lib/events/idf';
import type { ArchiveDB, ClaimRow, EventRow, MemoryRow, MetaRow, SearchRow, StatementRow } from '../lib/archive/db';
import { POSTINGS, TERM_SNAPSHOT } from '../lib/archive/rows';
import { foldTermCounts, readTermCounts } from '../lib/archive/terms';
import type { TermChunk, TermLogRow } from '../lib/archive/db';
import { eventRow, memoryRow, searchWords, statementRows, TOTALS } from '../lib/archive/derived';
import type { Actor, Analysis, Article, Claim, SavedArticle } from '../lib/types';

const UNWEIGHTED = { ...EMPTY_IDF, load: async () => undefined };

export interface ArchiveDump {
  articles: (SavedArticle & { id: number })[];
  claims: ClaimRow[];
  statements: StatementRow[];
  /** Claim memory's rows (schema 7). */
  memory: MemoryRow[];
  events: EventRow[];
  search: SearchRow[];
  /** The term counts (snapshot and log folded), by term. */
  terms: TermRow[];
  /** The posting lists of search words and of event keys as a reader sees them (`effectivePostings`), by term. */
  postings: PostingEntry[];
  keyPostings: PostingEntry[];
  meta: MetaRow[];
}

export interface PostingEntry {
  term: string;
  ids: number[];
}

export interface TermRow {
  term: string;
  n: number;
}

/** The stores a save writes. */
export const ARCHIVE_TABLES = ['articles', 'claims', 'statements', 'memory', 'events', 'search', 'termLog', 'meta'] as const;

/**
 * Tables read with plain IndexedDB (every store, by name; posting lists with plain arrays of ids),
 * with the term-count snapshot and log (`termCounts`, `termLog`) replaced by what they add up to,
 * as `terms`, the posting lists by what a search sees (`effectivePostings`), and the meta rows
 * that say how far those fold in the log left out (they depend on when the background last folded).
 */
export function foldStores(raw: Record<string, unknown[]>): Record<string, unknown[]> {
  // The sync outbox (schema 6) is this device's note of changes not yet sent, not archive content.
  const { termCounts = [], termLog = [], postings = [], keyPostings = [], meta = [], outbox: _outbox, ...rest } = raw;
  const metaRows = meta as MetaRow[];
  const snap = metaRows.find((m) => m.key === TERM_SNAPSHOT)?.seq ?? 0;
  const log = (termLog as TermLogRow[]).filter((r) => r.seq! > snap);
  return {
    ...rest,
    meta: metaRows.filter((m) => m.key !== TERM_SNAPSHOT && m.key !== POSTINGS),
    terms: termRows(foldTermCounts(termCounts as TermChunk[], log)),
    postings: effectivePostings(postings as PostingEntry[], termLog as TermLogRow[], metaRows, wordsOf((rest.search ?? []) as SearchRow[])),
    keyPostings: effectivePostings(keyPostings as PostingEntry[], termLog as TermLogRow[], metaRows, keysOf((rest.events ?? []) as EventRow[])),
  };
}

const wordsOf = (rows: readonly SearchRow[]) => rows.map((r) => ({ id: r.id, terms: r.words }));
const keysOf = (rows: readonly EventRow[]) => rows.map((r) => ({ id: r.id, terms: r.keys }));

/**
 * The posting lists as a search sees them (lib/archive/postings.ts): the stored lists less the
 * articles pending (named by log rows after `meta[POSTINGS].seq`) and those above `built`, plus
 * those articles as their search rows have them. By term, ids ascending.
 */
export function effectivePostings(
  postings: readonly { term: string; ids: ArrayLike<number> }[],
  log: readonly TermLogRow[],
  meta: readonly MetaRow[],
  rows: readonly { id: number; terms: readonly string[] }[],
): PostingEntry[] {
  const pm = meta.find((m) => m.key === POSTINGS);
  const seq = pm?.seq ?? 0;
  const built = pm ? (pm.built ?? null) : 0;
  const pending = new Set(log.filter((r) => r.seq! > seq).flatMap((r) => r.ids ?? []));
  const fromRow = (id: number) => pending.has(id) || (built !== null && id > built);
  const lists = new Map<string, number[]>();
  const add = (t: string, id: number) => {
    const l = lists.get(t);
    if (l) l.push(id);
    else lists.set(t, [id]);
  };
  for (const p of postings) for (const id of Array.from(p.ids)) if (!fromRow(id)) add(p.term, id);
  for (const r of rows) if (fromRow(r.id)) for (const w of r.terms) add(w, r.id);
  return postingEntries(lists);
}

function postingEntries(lists: ReadonlyMap<string, number[]>): PostingEntry[] {
  return [...lists].map(([term, ids]) => ({ term, ids: [...ids].sort((a, b) => a - b) })).sort(byKey((x) => x.term));
}

/** Term counts as rows in term order. */
export function termRows(counts: ReadonlyMap<string, number>): TermRow[] {
  return [...counts].map(([term, n]) => ({ term, n })).sort(byKey((x) => x.term));
}

/** Every table, each in primary-key order. */
export async function dumpArchive(db: ArchiveDB): Promise<ArchiveDump> {
  const [articles, claims, statements, memory, events, search, terms, postings, keyPostings, log, meta] = await Promise.all([
    db.articles.toArray(),
    db.claims.toArray(),
    db.statements.toArray(),
    db.memory.toArray(),
    db.events.toArray(),
    db.search.toArray(),
    readTermCounts(db),
    db.postings.toArray(),
    db.keyPostings.toArray(),
    db.termLog.toArray(),
    db.meta.toArray(),
  ]);
  return {
    articles: articles as ArchiveDump['articles'],
    claims,
    statements,
    memory,
    events,
    search,
    terms: termRows(terms.counts),
    postings: effectivePostings(postings, log, meta, wordsOf(search)),
    keyPostings: effectivePostings(keyPostings, log, meta, keysOf(events)),
    meta,
  };
}

const byKey =
  <T>(key: (x: T) => string | number) =>
  (a: T, b: T) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

/** The derived tables and totals as a rebuild from `articles` would write them, in key order. */
export function rebuildFrom(articles: readonly (SavedArticle & { id: number })[]) {
  const claims = articles.flatMap((r) => claimRows(r)).sort(byKey((x) => x.key));
  const statements = articles.flatMap((r) => statementRows(r)).sort(byKey((x) => x.key));
  const memory = articles
    .map((r) => memoryRow(statementRows(r), claimRows(r)))
    .filter((x): x is MemoryRow => !!x)
    .sort(byKey((x) => x.id));
  const events = articles
    .map((r) => eventRow(r))
    .filter((x): x is EventRow => !!x)
    .sort(byKey((x) => x.id));
  const search = articles.map((r) => ({ id: r.id, words: searchWords(r) })).sort(byKey((x) => x.id));
  const df = new Map<string, number>();
  for (const s of search) for (const w of s.words) df.set(w, (df.get(w) ?? 0) + 1);
  const terms = termRows(df);
  const invert = (rows: readonly { id: number; terms: readonly string[] }[]) => {
    const lists = new Map<string, number[]>();
    for (const r of rows) for (const t of r.terms) lists.set(t, [...(lists.get(t) ?? []), r.id]);
    return postingEntries(lists);
  };
  const totals = { key: TOTALS, articles: articles.length, bytes: articles.reduce((sum, r) => sum + (r.bytes ?? 0), 0) };
  return { claims, statements, memory, events, search, terms, postings: invert(wordsOf(search)), keyPostings: invert(keysOf(events)), totals };
}

/** The dump's derived tables in the same order and shape as `rebuildFrom`, for a direct comparison. */
export function derivedOf(d: ArchiveDump) {
  return {
    claims: [...d.claims].sort(byKey((x) => x.key)),
    statements: [...d.statements].sort(byKey((x) => x.key)),
    memory: [...(d.memory ?? [])].sort(byKey((x) => x.id)),
    events: [...d.events].sort(byKey((x) => x.id)),
    search: [...d.search].sort(byKey((x) => x.id)).map((s) => ({ id: s.id, words: s.words })),
    terms: [...d.terms].sort(byKey((x) => x.term)),
    postings: d.postings,
    keyPostings: d.keyPostings,
    totals: d.meta.find((m) => m.key === TOTALS) ?? null,
  };
}

/** A plain article for the archive tests; `i` makes its URL and words its own. */
export function sampleArticle(i: number, over: Partial<Article> = {}): Article {
  const place = ['Harbour', 'Valley', 'Ridge', 'Lakeside', 'Northgate'][i % 5]!;
  return {
    url: `https://news.example/story-${i}`,
    pageUrl: `https://news.example/story-${i}?utm_source=feed`,
    title: `${place} council votes on bridge repairs, report ${i}`,
    byline: 'A. Writer',
    publisher: 'Example News',
    aggregator: null,
    published: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00.000Z`,
    lang: 'en',
    excerpt: null,
    wordCount: 60,
    paragraphs: [
      `The ${place} council voted on Tuesday to repair the old bridge, report number ${i} said.`,
      `“We will reopen the bridge in March,” Mayor Ana Silva said. Officials said the cost could double.`,
      `Residents of ${place} had waited ${i + 2} years for the work.`,
    ],
    truncated: false,
    ...over,
  };
}

/**
 * An analysis that gives every index something to hold: an actor, a quote by a named speaker (a
 * statement row), an unverified claim (a claim row) and a fingerprint (an event row).
 */
export async function sampleAnalysis(article: Article): Promise<Analysis> {
  const actors: Actor[] = [{ key: 'PER:ana silva', name: 'Ana Silva', type: 'PER', aliases: ['Mayor Ana Silva'], mentions: 1, role: 'mayor' }];
  const quote: Claim = {
    id: 'q-reopen',
    spans: [{ paragraph: 1, start: 0, end: 64 }],
    text: article.paragraphs[1]!.slice(0, 64),
    kind: 'quote',
    speaker: 'Ana Silva',
    speakerKey: 'PER:ana silva',
    cue: 'said',
    checkworthiness: 0.6,
    checkworthy: true,
    unverified: false,
    signals: [],
  };
  const unnamed: Claim = {
    id: 'r-cost',
    spans: [{ paragraph: 1, start: 65, end: 98 }],
    text: 'Officials said the cost could double.',
    kind: 'reported',
    speaker: 'Officials',
    speakerKey: null,
    cue: 'said',
    checkworthiness: 0.8,
    checkworthy: true,
    unverified: true,
    signals: [{ code: 'unnamed-sources', reason: 'Attributed to unnamed sources', words: 'Officials' }],
  };
  const fingerprint = await fingerprintOf(UNWEIGHTED, { ...article, actors });
  return { actors, mentions: [], claims: [quote, unnamed], fingerprint, timings: {} };
}

/**
 * Claim memory (issue 22): for each claim of the article being read, the claims of the archive
 * that make the same assertion, with who reported them, when, the reader's review, and the numbers
 * that moved. Runs in the background, after the analysis; never in the content script.
 *
 * It must stay cheap at 100,000 articles (≈ 2M claims), so it never scans claims. Candidates come
 * from the archive's own inverted index of search words (lib/archive/postings.ts), which already
 * holds every saved article's words:
 *  1. per claim, its rarest words in the archive (at most RARE_TERMS, each in at most ~1% of the
 *     articles: a common word's list is long and says little);
 *  2. one read of those words' posting lists for all claims together; an article is a candidate
 *     for a claim when it holds at least two of the claim's rare words (or its only one), scored
 *     by their IDF; the best PER_CLAIM per claim, at most MAX_ARTICLES in all;
 *  3. the candidates' claims: one row per article in claim memory's table (`memory`, derived from
 *     the `statements`, claims attributed to a named actor, and `claims`, reviewed, marked, or
 *     flagged by the text), one `bulkGet` for them all;
 *  4. the shipped claim matcher (lib/claims-memory: BM25 and the pairwise re-ranker), over those
 *     few hundred claims with the archive's document frequencies, ranks them for each claim; a
 *     match is kept when the two wordings share enough of their rare words (`overlap`), which is
 *     also what the reader is shown as the reason.
 */
import { claimStatus } from '../claim-status';
import { ClaimIndex } from '../claims-memory/index';
import { ClaimMatcher, type MatchModel } from '../claims-memory/match';
import { claimTerms, type Term } from '../claims-memory/tokens';
import { idf as idfOf, type IdfTable } from '../events/idf';
import { normaliseWord, terms as searchTerms } from '../events/terms';
import { findQuoteSpans } from '../nlp/sentences';
import type { Claim, ClaimMemory, ClaimRecall, ClaimStatus } from '../types';
import { recallWhen, REPORTED } from './recall-when';
import type { ArchiveDB } from './db';

/** What claim memory needs of the archive's word index (ArchiveIdf). */
export interface MemoryIndex extends IdfTable {
  readonly archiveDocs: number;
  archiveCount(term: string): number;
  /** The posting lists of the words `choose` picks from the counts brought up to date first. */
  articlesWithEach(choose: () => readonly string[]): Promise<{ terms: readonly string[]; lists: number[][] }>;
}

export const RARE_TERMS = 5;
export const PER_CLAIM = 6;
export const MAX_ARTICLES = 60;
/** Candidates the re-ranker scores per claim (of the few hundred read: 20 rank as well as 50 on the CLEF data, README). */
export const RERANK = 20;
/** Matches shown per claim. */
export const MAX_RECALLS = 3;
/** A match needs this much of the shorter wording covered, and at least MIN_SHARED words in common. */
export const MIN_OVERLAP = 0.5;
export const MIN_SHARED = 3;
/** …and this much of the longer one. */
export const MIN_OVERLAP_LONGER = 0.35;

/** A claim of the archive that can be matched: what `ClaimRecall` shows of it, its key and its place in its article. */
export interface Candidate extends Pick<ClaimRecall, 'articleId' | 'claimId' | 'text' | 'speaker' | 'date' | 'title' | 'url' | 'publisher' | 'review'> {
  key: string;
  status: ClaimStatus | null;
  /** Where it stands in its article (paragraph, then offset): statements without a place come first. */
  order: number;
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export const dayOf = (ms: number) => DAY_FORMAT.format(new Date(ms));
const clip = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};
const STATUS_WORDS: Record<ClaimStatus, string> = { unverified: 'unverified', verified: 'verified', disputed: 'disputed', false: 'false', 'not-claim': 'not a claim' };

/** The sentence the page's hover card shows for a match. */
export function recallLine(r: Omit<ClaimRecall, 'line'>): string {
  const where = r.publisher ?? `“${clip(r.title, 50)}”`;
  if (r.review) {
    const note = r.review.note.trim() ? `: “${clip(r.review.note, 100)}”` : '';
    return `You marked this ${STATUS_WORDS[r.review.status]} on ${dayOf(r.review.updatedAt)}${note} (${where}, ${dayOf(r.date)})`;
  }
  if (r.numbers) return `Numbers moved: ${r.numbers.here.join(', ')} here; ${r.numbers.there.join(', ')} in ${where}, ${dayOf(r.date)}`;
  return `${REPORTED[r.when]}${r.speaker ? ` (${clip(r.speaker, 40)})` : ''} in ${where}, ${dayOf(r.date)}: “${clip(r.text, 90)}”`;
}

/**
 * The claims of these articles that can be matched (statements by named actors and the claims
 * index's rows, less those marked as not a claim): claim memory's row of each (MemoryRow), one
 * `bulkGet` for them all; in the order of `ids`, each article's claims in key order.
 */
export async function candidateClaims(db: ArchiveDB, ids: readonly number[]): Promise<Candidate[]> {
  if (ids.length === 0) return [];
  const out: Candidate[] = [];
  for (const m of await db.memory.bulkGet([...ids])) {
    if (!m) continue;
    for (const c of m.claims) {
      out.push({
        key: `${m.id}:${c.claimId}`,
        articleId: m.id,
        claimId: c.claimId,
        text: c.text,
        speaker: c.speaker,
        date: m.date,
        title: m.article.title,
        url: m.article.url,
        publisher: m.article.publisher,
        status: c.status,
        review: c.review,
        order: c.order,
      });
    }
  }
  return out;
}

/**
 * The words a claim quotes, when the rest of it is their attribution: it opens with the quote
 * ("“We saw the need to accelerate that,” Steve Clarke, deputy associate administrator for
 * exploration, said"), the quote follows the cue ("Clarke said: “…”", "he told the Guardian: ‘…’"),
 * or the quotes are most of it; and they are four words or more. The cue cannot cut off an
 * attribution that comes after the quote, and two quotes of one person would otherwise match on the
 * words of their attribution alone. Null otherwise (a few quoted words inside a claim are part of
 * it). Quotations as the claim finder reads them (`findQuoteSpans`: double and single, curly and
 * straight, not an apostrophe).
 */
function quotedWords(text: string): string | null {
  const spans = findQuoteSpans(text).filter((q) => q.depth === 0);
  if (spans.length === 0) return null;
  const parts = spans.map((q) => text.slice(q.start + q.open.length, q.closed ? q.end - 1 : q.end).trim());
  const chars = parts.reduce((n, p) => n + p.length, 0);
  const before = text.slice(0, spans[0]!.start).trim();
  const attributed = before === '' || CUE_BEFORE_QUOTE.test(before) || chars >= text.length * 0.5;
  const words = parts.join(' ');
  return attributed && words.split(/\s+/).length >= 4 ? words : null;
}

/** A cue that a quote follows ("Clarke said:", "he told reporters,", "said in a statement:"). */
const CUE_BEFORE_QUOTE = /\b(?:said|says|told|added|stated|declared|wrote|tweeted)\b[^.!?“”"‘’]{0,40}[,:]$/i;

const CUE = /\b(?:said|says|told|according to|claimed|claims|stated|announced|insisted|added)\b(?:\s+(?:on|in|at|to)\b[^,.]*?\bthat\b|\s+that\b)?/i;

/**
 * What a claim asserts, without its attribution: the words it quotes when the rest is their
 * attribution (`quotedWords`); else the words after the attribution cue ("Maria Okafor, who inspected the dam,
 * said the authority had been warned…" → "the authority had been warned…") when the cue comes in
 * the first 60% of the text and at least four words follow; else the text.
 * The speaker is weighed apart (the matcher's context), and an attribution's words ("the Water
 * Authority said in a statement") would otherwise make unrelated claims by the same people look alike.
 */
export function assertionOf(text: string): string {
  const quoted = quotedWords(text);
  if (quoted !== null) return quoted;
  const m = CUE.exec(text);
  if (!m || m.index > text.length * 0.6) return text;
  const rest = text.slice(m.index + m[0].length).replace(/^[\s,:]+/, '');
  return rest.split(/\s+/).length >= 4 ? rest : text;
}

/**
 * The claim matcher over a few claims, with the archive's document frequencies instead of their
 * own (the matcher's terms are Porter stems with surface forms; the archive counts its own light
 * stems of the same words), and the rule that says two wordings make the same claim: they share at
 * least MIN_SHARED terms, which cover at least MIN_OVERLAP of the shorter one's weight. `judge`
 * gives that coverage (0..1), or null when they do not.
 */
export function archiveMatcher(index: IdfTable, model: MatchModel, docs: { id: string; text: string }[]) {
  const surface = new Map<string, string>();
  const termsOf = new Map<string, Term[]>();
  const note = (text: string): Term[] => {
    let ts = termsOf.get(text);
    if (!ts) {
      ts = claimTerms(text);
      termsOf.set(text, ts);
      for (const t of ts) if (!surface.has(t.key)) surface.set(t.key, t.surface);
    }
    return ts;
  };
  const said = new Map<string, string>();
  const bare = (text: string): string => {
    let b = said.get(text);
    if (b === undefined) said.set(text, (b = assertionOf(text)));
    return b;
  };
  for (const d of docs) note(bare(d.text));
  const idfCache = new Map<string, number>();
  const keyIdf = (key: string): number => {
    let v = idfCache.get(key);
    if (v === undefined) {
      const w = normaliseWord(surface.get(key) ?? key);
      v = w === null ? 0.3 : Math.max(0.3, idfOf(index, w));
      idfCache.set(key, v);
    }
    return v;
  };
  const index_ = new ClaimIndex(
    docs.map((d) => ({ id: d.id, text: bare(d.text) })),
    keyIdf,
  );
  const matcher = new ClaimMatcher(index_, model);
  /** Ranks the claims for a claim as written (its assertion; the speaker as context). */
  const rank = (text: string, speaker: string | null, k: number, keep?: (id: string) => boolean) => matcher.rank({ text: bare(text), ...(speaker ? { context: speaker } : {}) }, k, keep);
  const mass = (keys: Iterable<string>) => {
    let s = 0;
    for (const k of keys) s += keyIdf(k);
    return s;
  };
  const judge = (query: string, doc: string): number | null => {
    const q = new Set(note(bare(query)).map((t) => t.key));
    const d = new Set(note(bare(doc)).map((t) => t.key));
    const shared = [...q].filter((k) => d.has(k));
    if (shared.length < MIN_SHARED) return null;
    const m = mass(shared);
    const overlap = m / Math.max(1e-9, Math.min(mass(q), mass(d)));
    // The longer wording must be covered in part too: a short claim inside a long sentence about
    // something else is not the same claim.
    if (overlap < MIN_OVERLAP || m / Math.max(1e-9, Math.max(mass(q), mass(d))) < MIN_OVERLAP_LONGER) return null;
    return Math.round(Math.min(1, overlap) * 100) / 100;
  };
  return { rank, note, judge };
}

export interface MemoryOptions {
  /** The article's own id when it is saved: its claims are not memories of themselves. */
  excludeId?: number;
  /** The article's URL: another record of it is left out too. */
  excludeUrl?: string;
  /** The article's publication time, to say whether a match came out before or after it. */
  published?: string | null;
}

export interface MemoryResult {
  memory: ClaimMemory[];
  /** Articles and claims looked at. */
  articles: number;
  candidates: number;
  ms: number;
  /** Of `ms`, the matching (the rest is reading the archive). */
  matchMs?: number;
  /** Of `ms`: the term counts and rare words; the posting lists; the candidates' claims; the matching. */
  parts?: { terms: number; lists: number; claims: number; match: number };
}

/** Claim memory for an article's claims (see the top of this file). */
export async function claimMemory(db: ArchiveDB, index: MemoryIndex, model: MatchModel, claims: readonly Claim[], opts: MemoryOptions = {}): Promise<MemoryResult> {
  const t0 = performance.now();
  const none = (articles = 0, candidates = 0): MemoryResult => ({ memory: [], articles, candidates, ms: performance.now() - t0 });
  const asked = claims.filter((c) => claimStatus(c) !== 'not-claim' && c.text.length >= 20);
  if (asked.length === 0) return none();
  const claimWords = asked.map((c) => [...new Set(searchTerms(c.text))]);
  let tTerms = t0;
  // 1. Each claim's rarest words in the archive (its counts brought up to date in the same read as the lists).
  let rare: string[][] = [];
  const { terms: words, lists } = await index.articlesWithEach(() => {
    tTerms = performance.now();
    const docs = index.archiveDocs;
    if (docs === 0) return [];
    const maxList = Math.max(100, Math.ceil(docs * 0.01));
    rare = claimWords.map((ws) =>
      ws
        .map((t) => [t, index.archiveCount(t)] as const)
        .filter(([, n]) => n > 0 && n <= maxList)
        .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, RARE_TERMS)
        .map(([t]) => t),
    );
    return [...new Set(rare.flat())];
  });
  const tLists = performance.now();
  if (words.length === 0) return none();
  // 2. Candidate articles per claim.
  const listOf = new Map(words.map((w, i) => [w, lists[i]!]));
  const best = new Map<number, number>();
  rare.forEach((ws) => {
    if (ws.length === 0) return;
    const score = new Map<number, { s: number; n: number }>();
    for (const w of ws) {
      const weight = idfOf(index, w);
      for (const id of listOf.get(w) ?? []) {
        if (id === opts.excludeId) continue;
        const e = score.get(id);
        if (e) {
          e.s += weight;
          e.n++;
        } else score.set(id, { s: weight, n: 1 });
      }
    }
    const need = Math.min(2, ws.length);
    const top = [...score]
      .filter(([, e]) => e.n >= need)
      .sort((a, b) => b[1].s - a[1].s || a[0] - b[0])
      .slice(0, PER_CLAIM);
    for (const [id, e] of top) best.set(id, Math.max(best.get(id) ?? 0, e.s));
  });
  const ids = [...best]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_ARTICLES)
    .map(([id]) => id);
  // 3. Their claims.
  const cands = (await candidateClaims(db, ids)).filter((c) => c.url !== opts.excludeUrl);
  if (cands.length === 0) return none(ids.length);
  // 4. The matcher, with the archive's document frequencies.
  const tRead = performance.now();
  const { rank, judge } = archiveMatcher(
    index,
    { ...model, candidates: Math.min(model.candidates, RERANK) },
    cands.map((c) => ({ id: c.key, text: c.text })),
  );
  const byKey = new Map(cands.map((c) => [c.key, c]));
  const memory: ClaimMemory[] = [];
  for (const c of asked) {
    const recalls: ClaimRecall[] = [];
    // The rule decides what is kept; the matcher orders only what it keeps.
    const judged = new Map<string, number | null>();
    const passes = (id: string) => {
      if (!judged.has(id)) judged.set(id, judge(c.text, byKey.get(id)!.text));
      return judged.get(id) !== null;
    };
    for (const m of rank(c.text, c.speaker, MAX_RECALLS, passes)) {
      const cand = byKey.get(m.id)!;
      const overlap = judged.get(m.id)!;
      const e = m.explanation;
      const r: Omit<ClaimRecall, 'line'> = {
        articleId: cand.articleId,
        claimId: cand.claimId,
        text: cand.text,
        speaker: cand.speaker,
        date: cand.date,
        when: recallWhen(cand.date, opts.published),
        title: cand.title,
        url: cand.url,
        publisher: cand.publisher,
        review: cand.review,
        shared: e.terms.map((t) => t.query).slice(0, 8),
        numbers: e.numbersDiffer ? { here: e.numbersDiffer.query, there: e.numbersDiffer.claim } : null,
        overlap,
      };
      recalls.push({ ...r, line: recallLine(r) });
      if (recalls.length >= MAX_RECALLS) break;
    }
    if (recalls.length === 0) continue;
    recalls.sort((a, b) => Number(!!b.review) - Number(!!a.review) || b.date - a.date);
    memory.push({ claimId: c.id, flagged: recalls.some((r) => r.review?.status === 'false' || r.review?.status === 'disputed'), recalls });
  }
  const t1 = performance.now();
  return {
    memory,
    articles: ids.length,
    candidates: cands.length,
    ms: t1 - t0,
    matchMs: t1 - tRead,
    parts: { terms: tTerms - t0, lists: tLists - tTerms, claims: tRead - tLists, match: t1 - tRead },
  };
}

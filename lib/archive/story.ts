/**
 * A story's page in the archive (issue 22): the event an article belongs to, as its articles in
 * date order, what each brought into the story (people, organisations and places no earlier piece
 * named), and its claims: which piece first made each one, which later pieces repeated it (with
 * the numbers that moved), and the reader's reviews.
 *
 * The event is the one earlier coverage finds (lib/archive/coverage.ts, tier "same"), so the story
 * page and the panel's timeline agree. Claims are those the archive indexes (statements by named
 * actors, and claims reviewed, marked or flagged by the text); repeats are found with the claim
 * matcher and the same rule as claim memory (lib/archive/memory.ts).
 */
import type { MatchModel } from '../claims-memory/match';
import type { NamedKey } from './views';
import type { ClaimStatus } from '../types';
import { earlierCoverage, fingerprintOf, type CoverageIndex } from './coverage';
import type { ArchiveDB } from './db';
import { articleDate } from './derived';
import { archiveMatcher, candidateClaims, type Candidate } from './memory';

export interface StoryClaim {
  claimId: string;
  text: string;
  speaker: string | null;
  status: ClaimStatus | null;
  /** The reader's note, when reviewed. */
  note: string | null;
  /** The earliest piece of the story that made the same claim, when one did: the claim repeats it. */
  earlier: { articleId: number; claimId: string; title: string; date: number; text: string; status: ClaimStatus | null; numbers: { before: string[]; now: string[] } | null } | null;
}

export interface StoryArticle {
  id: number;
  title: string;
  url: string;
  publisher: string | null;
  date: number;
  /** The names this piece brought into the story. */
  added: NamedKey[];
  claims: StoryClaim[];
  /** True for the article the story was opened from. */
  here: boolean;
}

export interface StoryPage {
  /** The article the story was opened from. */
  id: number;
  /** Oldest first. */
  articles: StoryArticle[];
  /** Claims in the story and how many of them were repeated, reviewed. */
  counts: { claims: number; repeated: number; reviewed: number };
  ms: number;
}

/** Claims shown per article. */
export const STORY_CLAIMS = 40;

/** The story of saved article `id`, or null when there is no such article. */
export async function storyPage(db: ArchiveDB, idf: CoverageIndex, model: MatchModel, id: number): Promise<StoryPage | null> {
  const t0 = performance.now();
  const rec = await db.articles.get(id);
  if (!rec) return null;
  const fingerprint = rec.fingerprint ?? (await fingerprintOf(idf, rec));
  const date = rec.date ?? articleDate(rec);
  const cov = await earlierCoverage(db, idf, { fingerprint, actors: rec.actors, claims: rec.claims, excludeId: id, date });
  const pieces: Omit<StoryArticle, 'claims'>[] = cov.same.map((it) => ({ id: it.id, title: it.title, url: it.url, publisher: it.publisher, date: it.date, added: it.added, here: false }));
  pieces.splice(cov.before, 0, { id, title: rec.title, url: rec.url, publisher: rec.publisher, date, added: cov.newHere.actors, here: true });
  const ids = pieces.map((p) => p.id);
  type Row = Omit<Candidate, 'review'> & { note: string | null };
  const all: Row[] = (await candidateClaims(db, ids)).map(({ review, ...c }) => ({ ...c, note: review?.note || null }));
  const claims = new Map(all.map((c) => [c.key, c]));
  const position = new Map(ids.map((x, i) => [x, i]));
  const byArticle = new Map<number, Row[]>();
  for (const c of all) {
    const l = byArticle.get(c.articleId);
    if (l) l.push(c);
    else byArticle.set(c.articleId, [c]);
  }
  const { rank, judge } = archiveMatcher(
    idf,
    model,
    all.map((c) => ({ id: c.key, text: c.text })),
  );
  let repeated = 0;
  let reviewed = 0;
  const articles: StoryArticle[] = pieces.map((p) => {
    const own = (byArticle.get(p.id) ?? []).sort((a, b) => a.order - b.order).slice(0, STORY_CLAIMS);
    const at = position.get(p.id)!;
    return {
      ...p,
      claims: own.map((c): StoryClaim => {
        if (c.note !== null || (c.status && c.status !== 'unverified')) reviewed++;
        // The earliest earlier piece with the same claim.
        let earlier: StoryClaim['earlier'] = null;
        for (const m of rank(c.text, c.speaker, 10)) {
          const o = claims.get(m.id)!;
          const oat = position.get(o.articleId)!;
          if (oat >= at || judge(c.text, o.text) === null) continue;
          if (earlier && position.get(earlier.articleId)! <= oat) continue;
          const piece = pieces[oat]!;
          const nd = m.explanation.numbersDiffer;
          earlier = { articleId: o.articleId, claimId: o.claimId, title: piece.title, date: piece.date, text: o.text, status: o.status, numbers: nd ? { before: nd.claim, now: nd.query } : null };
        }
        if (earlier) repeated++;
        return { claimId: c.claimId, text: c.text, speaker: c.speaker, status: c.status, note: c.note, earlier };
      }),
    };
  });
  return { id, articles, counts: { claims: all.length, repeated, reviewed }, ms: performance.now() - t0 };
}

/**
 * What the archive's queries return and take, as the pages see them: types only, no code. Both the
 * archive (lib/archive/*) and the message protocol (lib/messaging/protocol.ts) import them, so
 * neither imports the other for its types (no import cycle).
 */
import type { ClaimStatus } from '../types';

export interface ArticleSummary {
  id: number;
  url: string;
  title: string;
  publisher: string | null;
  aggregator: string | null;
  byline: string | null;
  published: string | null;
  savedAt: number;
  wordCount: number;
  excerpt: string | null;
  /** The most mentioned actors of the article, for display and filtering. */
  actors: { key: string; name: string; type: 'PER' | 'ORG' | 'LOC' }[];
  /** The reader's tags. */
  tags: string[];
}

/** A name shown for an actor or place key ("PER:keir starmer" → "Keir Starmer"). */
export interface NamedKey {
  key: string;
  name: string;
}

/** One article of the event's timeline (or a related one) in the "Coverage in your archive" section. */
export interface CoverageItem {
  id: number;
  url: string;
  title: string;
  publisher: string | null;
  published: string | null;
  savedAt: number;
  /** The article's date (published, else saved), ms: the timeline's order. */
  date: number;
  /** "same": the same event; "related": the same story or topic, another event. */
  tier: 'same' | 'related';
  /** 0..1, the matcher's score. */
  score: number;
  /** What it shares with the article being read (not the news organisations either only cites, `Actor.outlet`). */
  shared: { actors: NamedKey[]; places: NamedKey[]; kinds?: string[] };
  /**
   * Same-event items only: people, organisations and places this piece brought into the story
   * (named by none of the pieces before it on the timeline, this article included when it comes
   * first); never also in `shared`, nor a news organisation it only cites.
   */
  added: NamedKey[];
}

/** A statement by one of the article's actors in an earlier saved article ("Zelensky, 3 days ago: …"). */
export interface EarlierStatement {
  articleId: number;
  claimId: string;
  speaker: string;
  speakerKey: string;
  /** The claim's text, cut to at most 400 characters. */
  text: string;
  kind: 'quote' | 'reported' | 'factual';
  /** The earlier article's date (ms): when it was saved if it gives none (`undated`). */
  date: number;
  /** The article gives no publication date: `date` is when it was saved. */
  undated?: true;
  /** On the story of the article read: in its words, or from an article of its event. */
  onStory?: true;
  title: string;
  url: string;
  publisher: string | null;
  /** The reader's status for it, when reviewed. */
  status: ClaimStatus | null;
}

/** The side panel's (and the archive article page's) "Coverage in your archive". */
export interface Coverage {
  /** Same event, oldest first (a timeline), earlier and later than this article. */
  same: CoverageItem[];
  /** How many of `same` come before this article (dated on or before it): "This article" stands there. */
  before: number;
  /** This article's date (ms), when known. */
  hereDate: number | null;
  /** Related articles, best match first. */
  related: CoverageItem[];
  /** The people, organisations and places this article names that none of the same-event articles before it did (not the news organisations it only cites). */
  newHere: { actors: NamedKey[] };
  /**
   * Statements by this article's people and organisations in other saved articles (before or after
   * it): those on its story first, then the newest (lib/archive/coverage.ts, `listStatements`).
   */
  statements: EarlierStatement[];
  /** Articles in the archive (0: the panel explains how it fills). */
  archived: number;
  /** How long the lookup took, ms. */
  ms: number;
  /**
   * Where that time went, ms from the call: the key lists read (`keys`), the candidates' rows read
   * (`rows`), the candidates scored (`scored`); the rest is the statements and the timeline.
   */
  at?: LookupTimes;
}

/** Times within one lookup, ms from its start (see `Coverage.at`). */
export interface LookupTimes {
  keys: number;
  rows: number;
  scored: number;
}

/** Archive search and filters. Every field but offset/limit is optional; all given ones must hold. */
export interface ArchiveQuery {
  /** Words to find in titles and text (all of them; the last one may be the start of a word). */
  text?: string;
  actorKey?: string;
  publisher?: string;
  tag?: string;
  /** Articles with at least one claim of this status (as in the Claims view). */
  claimStatus?: ClaimStatus;
  /** Article date range, ms, inclusive. */
  from?: number;
  to?: number;
  offset: number;
  limit: number;
}

/** What the archive knows about one actor, for the hover card. */
export interface ActorArchiveInfo {
  /** Saved articles that mention the actor. */
  count: number;
  /** The latest few of them, newest saved first. */
  latest: { id: number; title: string; url: string; savedAt: number }[];
}

export interface ArchiveStats {
  articles: number;
  /** Bytes used by the saved records (our own estimate of their size). */
  bytes: number;
  /** The browser's figures for the whole extension, when it gives them. */
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

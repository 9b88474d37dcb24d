/**
 * The one message protocol of the extension. Every message is named by direction
 * (`content/…` from the content script, `panel/…` and `archive/…` from our own pages,
 * `tab/…` broadcasts from the background), payloads are typed, and errors come back as values
 * that the UI can show. Nothing here touches `browser`; the transport lives in ./transport.ts.
 */
import type { ClaimQuery, ReviewInput } from '../archive/claims';
import type { ClaimRow } from '../archive/db';
import type { ImportReport } from '../archive/backup';
import type { ExportRequest, ExportTicket } from '../archive/backup-state';
import type { Analysis, Article, Claim, ClaimStatus, ExtractResult, SavedArticle } from '../types';
import type { SyncView } from '../sync/controller';

export type { ClaimQuery, ClaimRow, ReviewInput, SyncView };

/** What the background knows about one tab. Kept in `storage.session`, so a stopped worker loses nothing. */
export type TabState =
  | { status: 'idle'; url: string | null }
  | { status: 'working'; url: string; since: number }
  | { status: 'unsupported'; url: string | null; message: string }
  | { status: 'not-article'; url: string; message: string }
  | { status: 'ready'; url: string; article: Article; analysis: Analysis; at: number }
  | { status: 'error'; url: string | null; message: string };

export interface SavedInfo {
  id: number;
  savedAt: number;
  updatedAt: number;
}

/** The tab state as the side panel sees it: plus whether the article is in the archive. */
export interface PanelState {
  tabId: number;
  state: TabState;
  saved: SavedInfo | null;
  /** Whether the extension may read this tab's site without a click on its button. */
  canAccess: boolean;
}

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
  /** What it shares with the article being read. */
  shared: { actors: NamedKey[]; places: NamedKey[] };
  /**
   * Same-event items only: people, organisations and places this piece brought into the story
   * (named by none of the pieces before it on the timeline, this article included when it comes
   * first); never also in `shared`.
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
  /** The earlier article's date (ms). */
  date: number;
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
  /** The people, organisations and places this article names that none of the same-event articles before it did. */
  newHere: { actors: NamedKey[] };
  /** Earlier statements by this article's people and organisations, newest first. */
  statements: EarlierStatement[];
  /** Articles in the archive (0: the panel explains how it fills). */
  archived: number;
  /** How long the lookup took, ms. */
  ms: number;
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

/** What the reader gives to turn sync on: the database's address, its credentials, the passphrase. */
export interface SyncSetup {
  url: string;
  username?: string;
  password?: string;
  passphrase: string;
}

/** Requests handled by the background: name → request payload and reply. */
export interface BackgroundRequests {
  'content/report': { req: { url: string; result: ExtractResult }; res: { analysis: Analysis | null } };
  'content/actor-info': { req: { key: string }; res: ActorArchiveInfo };
  'panel/state': { req: { tabId: number }; res: PanelState };
  'panel/activate': { req: { tabId: number }; res: PanelState };
  'panel/save': { req: { tabId: number }; res: PanelState };
  'panel/remove': { req: { tabId: number }; res: PanelState };
  /** Scroll the page to the first mention of an actor and flash it. False when it is not on the page. */
  'panel/reveal': { req: { tabId: number; actorKey: string }; res: { found: boolean } };
  /**
   * Sets (null: clears) the reader's review of one of the tab's claims. Saves the article first when
   * it is not in the archive yet, since reviews live with their article.
   */
  'panel/review': { req: { tabId: number; claimId: string; review: ReviewInput | null }; res: PanelState };
  /** Adds the text selected on the page (or `text`) as a claim Backstory missed, status unverified. */
  'panel/mark-claim': { req: { tabId: number; text?: string }; res: PanelState };
  /** Scrolls the page to a claim and flashes it. False when it is not on the page. */
  'panel/reveal-claim': { req: { tabId: number; claimId: string }; res: { found: boolean } };
  /** Reviewed and unverified claims across the archive, newest article first, plus every speaker for the filter. */
  'archive/claims': { req: ClaimQuery; res: { items: ClaimRow[]; total: number; speakers: string[] } };
  'archive/review': { req: { articleId: number; claimId: string; review: ReviewInput | null }; res: { found: boolean } };
  /** Saved articles, newest first; only those naming `actorKey` when given. */
  'archive/list': { req: { offset: number; limit: number; actorKey?: string }; res: { items: ArticleSummary[]; total: number } };
  /**
   * Earlier coverage of the article on a tab (null when the tab has no article read). Works whether
   * or not the article is saved; a saved one is left out of its own results.
   */
  'panel/coverage': { req: { tabId: number }; res: Coverage | null };
  /** Earlier coverage of a saved article (null when there is no such article). */
  'archive/coverage': { req: { id: number }; res: Coverage | null };
  /** Full-text search and filters, newest saved first, through the indexes. */
  'archive/search': { req: ArchiveQuery; res: { items: ArticleSummary[]; total: number; ms: number } };
  /** Values for the filters: publishers and tags in the archive, alphabetical. */
  'archive/facets': { req: Record<string, never>; res: { publishers: string[]; tags: string[] } };
  /** Adds and removes tags on articles. Tags are trimmed, lower-cased, at most 40 characters. */
  'archive/tag': { req: { ids: number[]; add: string[]; remove: string[] }; res: { updated: number } };
  /** Deletes several articles in one transaction; returns the records so the reader can undo. */
  'archive/delete-many': { req: { ids: number[] }; res: { records: SavedArticle[] } };
  /** Puts back records returned by delete or delete-many. */
  'archive/restore-many': { req: { records: SavedArticle[] }; res: { ids: number[] } };
  'archive/get': { req: { id: number }; res: SavedArticle | null };
  'archive/delete': { req: { id: number }; res: SavedArticle | null };
  'archive/restore': { req: { record: SavedArticle }; res: { id: number } };
  'archive/stats': { req: Record<string, never>; res: ArchiveStats };
  /** Backup and exports (issue #6): prepares the file in the background; the page reads it with `archive/transfer`. */
  'archive/export': { req: ExportRequest; res: ExportTicket };
  /** One part of a prepared export; reading the last one drops it from the background. */
  'archive/transfer': { req: { transfer: string; part: number }; res: { text: string } };
  /** One part of a backup file the page sends for import (`transfer`: an id the page chose, a UUID). */
  'archive/import-part': { req: { transfer: string; part: number; parts: number; text: string }; res: { received: number } };
  /** Imports the file sent in parts: all of it in one transaction, or nothing (the error says why). */
  'archive/import': { req: { transfer: string }; res: ImportReport };
  /** Sync (issue #23), from the options page only: its state. Contacts no server. */
  'sync/state': { req: Record<string, never>; res: SyncView };
  /**
   * Turns sync on (the page asked for the server's host permission first): joins the archive on the
   * server with the passphrase, or creates it, then runs a first cycle. A wrong passphrase is refused
   * with a sentence, and nothing changes here or there.
   */
  'sync/on': { req: SyncSetup; res: SyncView };
  /** Turns sync off: the local replica goes; with `deleteRemote`, the server's database too. */
  'sync/off': { req: { deleteRemote: boolean }; res: SyncView };
  /** One cycle now (when on). */
  'sync/now': { req: Record<string, never>; res: SyncView };
}

export type RequestName = keyof BackgroundRequests;
export type RequestOf<K extends RequestName> = BackgroundRequests[K]['req'];
export type ReplyOf<K extends RequestName> = BackgroundRequests[K]['res'];

/** A reply: the value, or an error sentence meant for a reader. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface RequestEnvelope<K extends RequestName = RequestName> {
  kind: K;
  payload: RequestOf<K>;
}

/** Messages the background sends to the content script of a tab. */
export type ContentCommand =
  | { kind: 'content/reanalyse' }
  | { kind: 'content/reveal'; actorKey: string }
  /** The tab's claims changed (a review): repaint them. */
  | { kind: 'content/claims'; claims: Claim[] }
  | { kind: 'content/reveal-claim'; claimId: string }
  /** What the reader has selected on the page (a string, possibly empty). */
  | { kind: 'content/selection' };

/** Broadcasts from the background to our pages. */
export type Broadcast = { kind: 'tab/changed'; tabId: number } | { kind: 'archive/changed' };

/** Every request kind; lib/background/gate.ts gives each its sender rule and payload check. */
export const REQUEST_KINDS: readonly RequestName[] = [
  'content/report',
  'content/actor-info',
  'panel/state',
  'panel/activate',
  'panel/save',
  'panel/remove',
  'panel/reveal',
  'panel/review',
  'panel/mark-claim',
  'panel/reveal-claim',
  'archive/claims',
  'archive/review',
  'archive/list',
  'panel/coverage',
  'archive/coverage',
  'archive/search',
  'archive/facets',
  'archive/tag',
  'archive/delete-many',
  'archive/restore-many',
  'archive/get',
  'archive/delete',
  'archive/restore',
  'archive/stats',
  'archive/export',
  'archive/transfer',
  'archive/import-part',
  'archive/import',
  'sync/state',
  'sync/on',
  'sync/off',
  'sync/now',
];
// Pure: a bundle that never checks envelopes (the content script) leaves the list out.
const REQUEST_NAMES: ReadonlySet<string> = /* @__PURE__ */ new Set<string>(REQUEST_KINDS);

export function isRequestEnvelope(msg: unknown): msg is RequestEnvelope {
  return (
    typeof msg === 'object' &&
    msg !== null &&
    typeof (msg as { kind?: unknown }).kind === 'string' &&
    REQUEST_NAMES.has((msg as { kind: string }).kind) &&
    typeof (msg as { payload?: unknown }).payload === 'object'
  );
}

export function isBroadcast(msg: unknown): msg is Broadcast {
  const kind = (msg as { kind?: unknown } | null)?.kind;
  return kind === 'tab/changed' || kind === 'archive/changed';
}

export function isContentCommand(msg: unknown): msg is ContentCommand {
  const m = msg as { kind?: unknown; actorKey?: unknown; claims?: unknown; claimId?: unknown } | null;
  if (m?.kind === 'content/reveal') return typeof m.actorKey === 'string';
  if (m?.kind === 'content/claims') return Array.isArray(m.claims);
  if (m?.kind === 'content/reveal-claim') return typeof m.claimId === 'string';
  return m?.kind === 'content/reanalyse' || m?.kind === 'content/selection';
}

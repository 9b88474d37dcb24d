/**
 * The one message protocol of the extension. Every message is named by direction
 * (`content/…` from the content script, `panel/…` and `archive/…` from our own pages,
 * `tab/…` broadcasts from the background), payloads are typed, and errors come back as values
 * that the UI can show. Nothing here touches `browser`; the transport lives in ./transport.ts.
 */
import type { ClaimQuery, ReviewInput } from '../archive/claims';
import type { ClaimRow } from '../archive/db';
import type { ActorArticlesPage, ActorPage, ActorStatementsPage } from '../archive/actor-page';
import type { StoryPage } from '../archive/story';
import type { ImportReport } from '../archive/backup';
import type { ExportRequest, ExportTicket } from '../archive/backup-state';
import type { SyncView } from '../sync/controller';
import type { SharedGroup } from '../sync/shared-settings';
import type { ActorArchiveInfo, ArchiveStats, ArticleSummary, Coverage, ArchiveQuery } from '../archive/views';
import type { Analysis, Article, Claim, ExtractResult, PageAnalysis, SavedArticle } from '../types';

export type { ActorArticlesPage, ActorPage, ActorStatementsPage, ClaimQuery, ClaimRow, ReviewInput, StoryPage, SyncView };
export type * from '../archive/views';

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

/** What the reader gives to turn sync on: the database's address, its credentials, the passphrase. */
export interface SyncSetup {
  url: string;
  username?: string;
  password?: string;
  passphrase: string;
}

/**
 * Requests handled by the background: name → request payload and reply. The one place a request kind
 * is named: its types come from here, and the list of kinds (`REQUEST_KINDS`) too. The gate's sender
 * rules (lib/background/gate.ts) and the service's handlers (lib/background/service.ts) must each
 * have one entry per kind, or the build fails. See docs/architecture.md, "Adding a request kind".
 */
export const REQUESTS = {
  'content/report': {} as Ask<{ url: string; result: ExtractResult }, { analysis: PageAnalysis | null }>,
  'content/actor-info': {} as Ask<{ key: string }, ActorArchiveInfo>,
  /** Opens the archive's page of an actor the article on the sender's tab names (from the hover card). */
  'content/open-actor': {} as Ask<{ key: string }, { opened: boolean }>,
  'panel/state': {} as Ask<{ tabId: number }, PanelState>,
  'panel/activate': {} as Ask<{ tabId: number }, PanelState>,
  'panel/save': {} as Ask<{ tabId: number }, PanelState>,
  'panel/remove': {} as Ask<{ tabId: number }, PanelState>,
  /** Scroll the page to the first mention of an actor and flash it. False when it is not on the page. */
  'panel/reveal': {} as Ask<{ tabId: number; actorKey: string }, { found: boolean }>,
  /**
   * Sets (null: clears) the reader's review of one of the tab's claims. Saves the article first when
   * it is not in the archive yet, since reviews live with their article.
   */
  'panel/review': {} as Ask<{ tabId: number; claimId: string; review: ReviewInput | null }, PanelState>,
  /** Adds the text selected on the page (or `text`) as a claim Backstory missed, status unverified. */
  'panel/mark-claim': {} as Ask<{ tabId: number; text?: string }, PanelState>,
  /** Scrolls the page to a claim and flashes it. False when it is not on the page. */
  'panel/reveal-claim': {} as Ask<{ tabId: number; claimId: string }, { found: boolean }>,
  /** Reviewed and unverified claims across the archive, newest article first, plus every speaker for the filter. */
  'archive/claims': {} as Ask<ClaimQuery, { items: ClaimRow[]; total: number; speakers: string[] }>,
  'archive/review': {} as Ask<{ articleId: number; claimId: string; review: ReviewInput | null }, { found: boolean }>,
  /** Saved articles, newest first; only those naming `actorKey` when given. */
  'archive/list': {} as Ask<{ offset: number; limit: number; actorKey?: string }, { items: ArticleSummary[]; total: number }>,
  /**
   * Earlier coverage of the article on a tab (null when the tab has no article read). Works whether
   * or not the article is saved; a saved one is left out of its own results.
   */
  'panel/coverage': {} as Ask<{ tabId: number }, Coverage | null>,
  /** Earlier coverage of a saved article (null when there is no such article). */
  'archive/coverage': {} as Ask<{ id: number }, Coverage | null>,
  /** Full-text search and filters, newest saved first, through the indexes. */
  'archive/search': {} as Ask<ArchiveQuery, { items: ArticleSummary[]; total: number; ms: number }>,
  /** Values for the filters: publishers and tags in the archive, alphabetical. */
  'archive/facets': {} as Ask<Record<string, never>, { publishers: string[]; tags: string[] }>,
  /** Adds and removes tags on articles. Tags are trimmed, lower-cased, at most 40 characters. */
  'archive/tag': {} as Ask<{ ids: number[]; add: string[]; remove: string[] }, { updated: number }>,
  /** Deletes several articles in one transaction; returns the records so the reader can undo. */
  'archive/delete-many': {} as Ask<{ ids: number[] }, { records: SavedArticle[] }>,
  /** Puts back records returned by delete or delete-many. */
  'archive/restore-many': {} as Ask<{ records: SavedArticle[] }, { ids: number[] }>,
  'archive/get': {} as Ask<{ id: number }, SavedArticle | null>,
  /** An actor's page: their articles as a timeline, roles, statements with status, who they appear with (null: no saved article names them). */
  'archive/actor': {} as Ask<{ key: string }, ActorPage | null>,
  /** Earlier articles naming an actor: the latest page of those saved before the article `before` (the actor page's `earlier`). */
  'archive/actor-articles': {} as Ask<{ key: string; before: number }, ActorArticlesPage>,
  'archive/actor-statements': {} as Ask<{ key: string; before: number }, ActorStatementsPage>,
  /** The story (event) of a saved article: its articles in date order, what each brought in, its claims and how they changed (null: no such article). */
  'archive/story': {} as Ask<{ id: number }, StoryPage | null>,
  /** Sync (issue #23), from the options page only: its state. Contacts no server. */
  'sync/state': {} as Ask<Record<string, never>, SyncView>,
  /**
   * Turns sync on (the page asked for the server's host permission first): joins the archive on the
   * server with the passphrase, or creates it, then runs a first cycle. A wrong passphrase is refused
   * with a sentence, and nothing changes here or there.
   */
  'sync/on': {} as Ask<SyncSetup, SyncView>,
  /** Turns sync off: the local replica goes; with `deleteRemote`, the server's database too. */
  'sync/off': {} as Ask<{ deleteRemote: boolean }, SyncView>,
  /** One cycle now (when on). */
  'sync/now': {} as Ask<Record<string, never>, SyncView>,
  /** Chooses the groups of settings this device shares with the others (lib/sync/shared-settings.ts). */
  'sync/share': {} as Ask<{ groups: SharedGroup[] }, SyncView>,
  'archive/delete': {} as Ask<{ id: number }, SavedArticle | null>,
  'archive/restore': {} as Ask<{ record: SavedArticle }, { id: number }>,
  'archive/stats': {} as Ask<Record<string, never>, ArchiveStats>,
  /** Backup and exports (issue #6): prepares the file in the background; the page reads it with `archive/transfer`. */
  'archive/export': {} as Ask<ExportRequest, ExportTicket>,
  /** One part of a prepared export; reading the last one drops it from the background. */
  'archive/transfer': {} as Ask<{ transfer: string; part: number }, { text: string }>,
  /** One part of a backup file the page sends for import (`transfer`: an id the page chose, a UUID). */
  'archive/import-part': {} as Ask<{ transfer: string; part: number; parts: number; text: string }, { received: number }>,
  /** Imports the file sent in parts: all of it in one transaction, or nothing (the error says why). */
  'archive/import': {} as Ask<{ transfer: string }, ImportReport>,
};

/** One message's payload (`req`) and reply (`res`) types; the values in the tables are empty objects, never read. */
export interface Ask<Req, Res> {
  req: Req;
  res: Res;
}

export type BackgroundRequests = typeof REQUESTS;
export type RequestName = keyof BackgroundRequests;
export type RequestOf<K extends RequestName> = BackgroundRequests[K]['req'];
export type ReplyOf<K extends RequestName> = BackgroundRequests[K]['res'];

/** A reply: the value, or an error sentence meant for a reader. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface RequestEnvelope<K extends RequestName = RequestName> {
  kind: K;
  payload: RequestOf<K>;
}

/**
 * Messages the background sends to the content script of a tab (`tabs.sendMessage`, main frame
 * only): name → payload and reply. The content script answers each in
 * entrypoints/content/lifecycle.ts; its handler table must name every one.
 */
export const CONTENT_COMMANDS = {
  /** Read the page again (the toolbar button was pressed on a tab already read). */
  'content/reanalyse': {} as Ask<Record<string, never>, true>,
  /** Scroll to an actor's first mention and flash it; false when it is not on the page. */
  'content/reveal': {} as Ask<{ actorKey: string }, boolean>,
  /** The tab's claims changed (a review): repaint them. */
  'content/claims': {} as Ask<{ claims: Claim[] }, true>,
  /** Scroll to a claim and flash it; false when it is not on the page. */
  'content/reveal-claim': {} as Ask<{ claimId: string }, boolean>,
  /** Move to the next mark in the page (the keyboard command, Alt+Shift+J); false when there is none. */
  'content/next-mark': {} as Ask<Record<string, never>, boolean>,
  /** What the reader has selected on the page (a string, possibly empty). */
  'content/selection': {} as Ask<Record<string, never>, string>,
};

export type ContentCommands = typeof CONTENT_COMMANDS;
export type CommandName = keyof ContentCommands;
export type CommandOf<K extends CommandName> = ContentCommands[K]['req'];
export type AnswerOf<K extends CommandName> = ContentCommands[K]['res'];
/** A command as it travels; a command without fields may leave `payload` out. */
export interface CommandEnvelope<K extends CommandName = CommandName> {
  kind: K;
  payload?: CommandOf<K>;
}

/** Broadcasts from the background to our pages (no reply). */
export type Broadcast = { kind: 'tab/changed'; tabId: number } | { kind: 'archive/changed' };
const BROADCASTS: { readonly [K in Broadcast['kind']]: true } = { 'tab/changed': true, 'archive/changed': true };

/** Every request kind, from `REQUESTS`; lib/background/gate.ts gives each its sender rule and payload check. */
export const REQUEST_KINDS = /* @__PURE__ */ Object.keys(REQUESTS) as readonly RequestName[];

const has = (table: object, key: unknown): boolean => typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key);

export function isRequestEnvelope(msg: unknown): msg is RequestEnvelope {
  const m = msg as { kind?: unknown; payload?: unknown } | null;
  return typeof m === 'object' && m !== null && has(REQUESTS, m.kind) && typeof m.payload === 'object';
}

export function isBroadcast(msg: unknown): msg is Broadcast {
  return has(BROADCASTS, (msg as { kind?: unknown } | null)?.kind);
}

export function isContentCommand(msg: unknown): msg is CommandEnvelope {
  const m = msg as { kind?: unknown; payload?: unknown } | null;
  return has(CONTENT_COMMANDS, m?.kind) && (m?.payload === undefined || (typeof m.payload === 'object' && m.payload !== null));
}

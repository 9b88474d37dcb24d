/**
 * The background's request handlers, built from the pieces they need so that tests can hand them
 * fakes. The entrypoint (entrypoints/background.ts) supplies the real browser and database.
 */
import { actorArchiveInfo, archiveStats, deleteArticle, deleteArticles, findByUrl, listArticles, restoreArticle, restoreArticles, saveArticle } from '../archive/articles';
import { ArchiveIdf, earlierCoverage, fingerprintOf } from '../archive/coverage';
import { claimMemory } from '../archive/memory';
import { actorArticles, actorPage, actorStatements } from '../archive/actor-page';
import { storyPage } from '../archive/story';
import type { MatchModel } from '../claims-memory/match';
import { archiveFacets, searchArticles, SearchError, tagArticles } from '../archive/search';
import { importBackup } from '../archive/backup';
import { exportBackup } from '../archive/backup-export';
import { BackupError, checkExport } from '../archive/backup-file';
import { Transfers } from '../messaging/transfers';
import { RecordError } from '../archive/schema';
import { fillFingerprints } from '../archive/coverage';
import { articleDate, FILL } from '../archive/derived';
import { isToolFormat, toolExport } from '../archive/exports';
import { EMPTY_IDF } from '../events/idf';
import { claimSpeakers, cleanReview, listClaims, mergeClaims, reviewClaim, type ReviewInput } from '../archive/claims';
import { claimFromSelection } from '../nlp/claims/missed';
import type { ArchiveDB } from '../archive/db';
import type { Broadcast, PanelState, SavedInfo, SyncSetup, SyncView, TabState } from '../messaging/protocol';
import { SyncError } from '../sync/engine';
import { isQuotaError, isWriteFailure, STORAGE_FULL, UserFacingError, WRITE_FAILED, type Handlers } from '../messaging/transport';
import { isClaimStatus } from '../claim-status';
import { readerMessage } from '../extract/messages';
import type { Analysis, Article, Claim, ExtractResult, PageAnalysis, SavedArticle } from '../types';
import { savesAutomatically, type Settings } from '../settings';
import type { TabStore } from './tab-store';
import { MAX_BULK } from './gate';
import { Room } from './room';
import { Settler } from './settle';
import type { KeyValueArea } from './census';

/** What the service needs from the browser about tabs: a port, so tests can fake it. */
export interface TabAccess {
  /** The tab's current URL, or null if the tab is gone or its URL is hidden from us. */
  url(tabId: number): Promise<string | null>;
  /** Asks an already injected content script to read the page again; false when there is none. */
  reanalyse(tabId: number): Promise<boolean>;
  /** Injects the content script. Throws when the browser refuses (no permission, protected page). */
  inject(tabId: number): Promise<void>;
  /** Whether the extension holds a host permission for this URL (activeTab grants are not visible). */
  canAccess(url: string): Promise<boolean>;
  /** Asks the tab's content script to scroll to an actor's first mention; false if it could not. */
  reveal(tabId: number, actorKey: string): Promise<boolean>;
  /** Asks the tab's content script to scroll to a claim; false if it could not. */
  revealClaim(tabId: number, claimId: string): Promise<boolean>;
  /** Hands the tab's content script the claims to paint (after a review). */
  sendClaims(tabId: number, claims: Claim[]): Promise<void>;
  /** The text selected on the tab's page, or null when it cannot be asked. */
  selection(tabId: number): Promise<string | null>;
}

export interface ServiceDeps {
  db: ArchiveDB;
  tabs: TabStore;
  access: TabAccess;
  analyse(article: Article): Promise<Analysis>;
  storage: (Pick<StorageManager, 'estimate'> & Partial<Pick<StorageManager, 'persisted'>>) | undefined;
  notify(msg: Broadcast): void;
  now(): number;
  /** The reader's settings (automatic saving); defaults when absent. */
  settings?(): Promise<Settings>;
  /**
   * The IDF for event matching (shipped table plus the archive's counts, which search uses too); one
   * without the shipped table when absent.
   */
  idf?: ArchiveIdf;
  /**
   * Where a failed write is remembered until the archive's log is settled (`storage.local`; see
   * lib/background/settle.ts); without it a failed write is not followed up.
   */
  area?: KeyValueArea;
  /** The claim matcher's model (public/models/claim-match.json); without it, analyses have no claim memory. */
  claimMatch?(): Promise<MatchModel>;
  /** Opens the archive page at `hash` in a new tab (the hover card's "actor page"). */
  openArchive?(hash: string): Promise<void>;
  /** Sync (issue #23; lib/sync/controller.ts); without it, sync is off and cannot be turned on. */
  sync?: SyncPort;
}

/** What the `sync/*` requests need of sync (the controller of lib/sync/controller.ts). */
export interface SyncPort {
  view(): Promise<SyncView>;
  isOn(): Promise<boolean>;
  turnOn(setup: SyncSetup): Promise<unknown>;
  turnOff(opts: { deleteRemote?: boolean }): Promise<void>;
  cycle(): Promise<unknown>;
  share(groups: readonly string[]): Promise<void>;
}

const SYNC_OFF: SyncView = { on: false, server: null, state: null, shared: [] };

/**
 * The analysis as the page's content script may have it: claim memory keeps only whether a claim is
 * flagged and the hover's sentences; the earlier articles' addresses, titles, wordings and the
 * reader's notes stay here (the page's context is hostile; issue #15).
 */
export function forThePage(analysis: Analysis | null): PageAnalysis | null {
  if (!analysis?.memory) return analysis;
  return { ...analysis, memory: analysis.memory.map((m) => ({ claimId: m.claimId, flagged: m.flagged, recalls: m.recalls.map((r) => ({ line: r.line })) })) };
}

export function isReadableUrl(url: string | null): url is string {
  return !!url && /^https?:\/\//i.test(url);
}

const UNSUPPORTED = 'Backstory reads web pages. This is a browser or extension page, which no extension may read. Open a news article and try again.';
const NO_PERMISSION = 'Backstory may not read this page yet. Click its toolbar button on the page (or press Alt+Shift+B), or allow this site in the options.';
export const NOT_ON_THIS_PAGE = 'Backstory answers a page only about the people, organisations and places it found in the article it read there. Nothing was read.';
const BLOCKED = 'The browser does not let extensions read this page (for example, extension stores and built-in pages).';

export function createService(
  d: ServiceDeps,
): Handlers & { activate(tabId: number): Promise<PanelState>; forgetTab(tabId: number): Promise<void>; navigated(tabId: number, url: string | null): Promise<void> } {
  const idf = d.idf ?? new ArchiveIdf(d.db, EMPTY_IDF);
  // Backups and exports travel to and from the archive page in parts (issue #6).
  const transfers = new Transfers(() => d.now());
  // Saves and imports are refused while the disk still has a margin, not when the browser fails them (issue #15).
  const room = new Room(d.storage);
  /** Bytes a save of this article will write, roughly (what `recordBytes` counts, before analysis). */
  const articleBytes = (a: Article) => a.paragraphs.reduce((n, p) => n + p.length * 2, 0) + a.title.length * 2 + 4096;
  /** A review or a tag: small, but at a full disk even a small write fails. */
  const SMALL_WRITE = 16 * 1024;
  const backupStep = <T>(f: () => T): T => {
    try {
      return f();
    } catch (err) {
      throw err instanceof BackupError ? new UserFacingError(err.message) : err;
    }
  };

  async function setState(tabId: number, state: TabState): Promise<void> {
    // The store answers with the new state at once, so the panel hears of it before it is in
    // session storage too (the write is awaited after).
    const stored = d.tabs.set(tabId, state);
    d.notify({ kind: 'tab/changed', tabId });
    await stored;
  }

  async function panelState(tabId: number): Promise<PanelState> {
    let state = await d.tabs.get(tabId);
    const url = state.url ?? (await d.access.url(tabId));
    const canAccess = isReadableUrl(url) ? await d.access.canAccess(url) : false;
    let saved: SavedInfo | null = null;
    if (state.status === 'ready') {
      const rec = await findByUrl(d.db, state.article.url);
      if (rec?.id !== undefined) {
        saved = { id: rec.id, savedAt: rec.savedAt, updatedAt: rec.updatedAt };
        // Reviews made elsewhere (the archive page) since the tab was read show here too.
        if (rec.claims?.length) state = { ...state, analysis: { ...state.analysis, claims: mergeClaims(state.analysis.claims ?? [], rec.claims) } };
      }
    }
    return { tabId, state, saved, canAccess };
  }

  /** Tabs whose content script reported since their page last loaded, while this worker lives. */
  const reported = new Set<number>();

  async function activate(tabId: number): Promise<PanelState> {
    const url = await d.access.url(tabId);
    if (!isReadableUrl(url)) {
      await setState(tabId, { status: 'unsupported', url, message: UNSUPPORTED });
      return panelState(tabId);
    }
    await setState(tabId, { status: 'working', url, since: d.now() });
    try {
      // A tab whose page has not reported since it (re)loaded has no content script to ask: inject
      // at once rather than wait for the message to fail. Where one may be, ask it to read again.
      if (!(reported.has(tabId) && (await d.access.reanalyse(tabId)))) await d.access.inject(tabId);
    } catch (err) {
      // Chrome: "The extensions gallery cannot be scripted", "Cannot access a chrome:// URL";
      // Firefox: "Missing host permission for the tab". Protected pages can never be read.
      const text = err instanceof Error ? err.message : String(err);
      const blocked = /gallery|webstore|addons\.mozilla|chrome:\/\/|cannot be scripted/i.test(text);
      await setState(tabId, blocked ? { status: 'unsupported', url, message: BLOCKED } : { status: 'error', url, message: NO_PERMISSION });
    }
    return panelState(tabId);
  }

  async function report(tabId: number, url: string, result: ExtractResult): Promise<Analysis | null> {
    if (!result.ok) {
      const status = result.reason === 'unsupported-page' ? 'unsupported' : 'not-article';
      await setState(tabId, { status, url, message: readerMessage(result) });
      return null;
    }
    // The archive's record of the page and the settings are read while the analysis runs.
    const lookups = Promise.all([findByUrl(d.db, result.article.url), d.settings?.().catch(() => null) ?? null]);
    lookups.catch(() => undefined); // awaited (and thrown) below
    let analysis: Analysis;
    try {
      analysis = await d.analyse(result.article);
    } catch (err) {
      console.error('analysis failed', err);
      analysis = { actors: [], mentions: [], claims: [], timings: {} };
    }
    analysis.timings = { ...analysis.timings, extract: result.ms };
    // Earlier coverage needs a fingerprint even when the analysis failed or came without one.
    if (!analysis.fingerprint) {
      try {
        analysis.fingerprint = await fingerprintOf(idf, { ...result.article, actors: analysis.actors });
      } catch (err) {
        console.error('fingerprint failed', err);
      }
    }
    // The reader's reviews of this article, when it is saved, go with the fresh claims.
    const [found, settings] = await lookups;
    let saved = found;
    if (saved?.claims?.length) analysis.claims = mergeClaims(analysis.claims ?? [], saved.claims);
    if (settings && savesAutomatically(settings, result.article.pageUrl || url)) {
      try {
        await room.ensure(articleBytes(result.article));
        saved = await saveArticle(d.db, result.article, analysis, d.now());
        room.wrote(saved.bytes);
        analysis.claims = saved.claims ?? analysis.claims;
        d.notify({ kind: 'archive/changed' });
      } catch (err) {
        // The page is still shown; the panel offers Save, whose error the reader then sees.
        console.error('automatic save failed', err);
      }
    }
    // Claim memory: this article's claims found again in the archive (lib/archive/memory.ts).
    if (d.claimMatch && analysis.claims?.length) {
      try {
        const found = await claimMemory(d.db, idf, await d.claimMatch(), analysis.claims, {
          excludeId: saved?.id,
          excludeUrl: result.article.url,
          published: result.article.published,
        });
        if (found.memory.length) analysis.memory = found.memory;
        analysis.timings = { ...analysis.timings, memory: found.ms };
      } catch (err) {
        console.error('claim memory failed', err);
      }
    }
    await setState(tabId, { status: 'ready', url, article: result.article, analysis, at: d.now() });
    return analysis;
  }

  async function readyState(tabId: number): Promise<Extract<TabState, { status: 'ready' }>> {
    const state = await d.tabs.get(tabId);
    if (state.status !== 'ready') throw new UserFacingError('There is no article on this tab to save. Open an article and let Backstory read it first.');
    return state;
  }

  /** Applies a review to a tab's claim (saving the article first when needed) and tells the page. */
  async function reviewOnTab(tabId: number, claimId: string, review: ReviewInput | null, added?: Claim): Promise<PanelState> {
    const state = await readyState(tabId);
    const now = d.now();
    const found = await findByUrl(d.db, state.article.url);
    await room.ensure(found ? SMALL_WRITE : articleBytes(state.article));
    const rec = found ?? (await saveArticle(d.db, state.article, state.analysis, now));
    const known = added ?? state.analysis.claims?.find((c) => c.id === claimId);
    let updated: SavedArticle | null;
    try {
      updated = await reviewClaim(d.db, rec.id!, claimId, review, now, known);
    } catch (err) {
      if (isQuotaError(err) || isWriteFailure(err)) throw err;
      throw new UserFacingError(err instanceof Error ? err.message : String(err));
    }
    if (!updated) throw new UserFacingError('The article was removed from the archive meanwhile. Save it again to review its claims.');
    const claims = mergeClaims(state.analysis.claims ?? [], updated.claims);
    await setState(tabId, { ...state, analysis: { ...state.analysis, claims } });
    await d.access.sendClaims(tabId, claims).catch(() => undefined);
    d.notify({ kind: 'archive/changed' });
    return panelState(tabId);
  }

  function reviewFrom(input: unknown): ReviewInput | null {
    if (input === null) return null;
    try {
      return cleanReview(input);
    } catch (err) {
      throw new UserFacingError(err instanceof Error ? err.message : String(err));
    }
  }

  const reopen = reopener(d.db);
  // After a write the disk refused, the log LevelDB keeps under IndexedDB may be torn, and the
  // browser would discard the archive on its next start: it is settled once writes go through again.
  const settler = d.area
    ? new Settler(
        d.area,
        d.db,
        (bytes) => room.ensure(bytes),
        (msg, err) => console.warn(msg, err ?? ''),
      )
    : null;
  if (settler)
    void settler
      .load()
      .then((pending) => pending && settler.check())
      .catch((err) => console.warn('Backstory: could not read whether the archive’s log needs settling', err));
  return storageFullSaysSo(
    {
      activate,
      async forgetTab(tabId) {
        reported.delete(tabId);
        await d.tabs.remove(tabId);
      },
      async navigated(tabId, url) {
        reported.delete(tabId);
        const state = await d.tabs.get(tabId);
        if (state.status === 'idle' && state.url === url) return;
        await setState(tabId, { status: 'idle', url });
      },
      async 'content/report'({ url, result }, sender) {
        const tabId = sender?.tab?.id;
        if (tabId === undefined) throw new UserFacingError('Only a page can report an article.');
        // Frames other than the top one never report; if one did, it must not replace the tab's article.
        if (sender?.frameId !== undefined && sender.frameId !== 0) return { analysis: null };
        reported.add(tabId);
        return { analysis: forThePage(await report(tabId, url, result)) };
      },
      async 'content/actor-info'({ key }, sender) {
        // A page (possibly hostile) learns only about the actors of the article Backstory read on it,
        // in its top frame: it cannot probe the archive for any name it likes (issue #15).
        const tabId = sender?.tab?.id;
        const state = tabId === undefined || (sender?.frameId !== undefined && sender.frameId !== 0) ? null : await d.tabs.get(tabId);
        if (state?.status !== 'ready' || !state.analysis.actors.some((a) => a.key === key)) throw new UserFacingError(NOT_ON_THIS_PAGE);
        return actorArchiveInfo(d.db, key, 3);
      },
      async 'content/open-actor'({ key }, sender) {
        // As for actor-info: only an actor of the article read on the sender's own tab, in its top frame.
        const tabId = sender?.tab?.id;
        const state = tabId === undefined || (sender?.frameId !== undefined && sender.frameId !== 0) ? null : await d.tabs.get(tabId);
        if (state?.status !== 'ready' || !state.analysis.actors.some((a) => a.key === key)) throw new UserFacingError(NOT_ON_THIS_PAGE);
        if (!d.openArchive) return { opened: false };
        await d.openArchive(`#/actor/${encodeURIComponent(key)}`);
        return { opened: true };
      },
      async 'archive/actor'({ key }) {
        return actorPage(d.db, key);
      },
      async 'archive/actor-articles'({ key, before }) {
        return actorArticles(d.db, key, before);
      },
      async 'archive/actor-statements'({ key, before }) {
        return actorStatements(d.db, key, before);
      },
      async 'archive/story'({ id }) {
        if (!d.claimMatch) throw new UserFacingError('The claim matcher is not available.');
        return storyPage(d.db, idf, await d.claimMatch(), id);
      },
      async 'panel/reveal'({ tabId, actorKey }) {
        return { found: await d.access.reveal(tabId, actorKey) };
      },
      async 'panel/state'({ tabId }) {
        return panelState(tabId);
      },
      async 'panel/activate'({ tabId }) {
        return activate(tabId);
      },
      async 'panel/save'({ tabId }) {
        const state = await readyState(tabId);
        await room.ensure(articleBytes(state.article));
        room.wrote((await saveArticle(d.db, state.article, state.analysis, d.now())).bytes);
        d.notify({ kind: 'archive/changed' });
        return panelState(tabId);
      },
      async 'panel/remove'({ tabId }) {
        const state = await readyState(tabId);
        const rec = await findByUrl(d.db, state.article.url);
        if (rec?.id !== undefined) await deleteArticle(d.db, rec.id);
        d.notify({ kind: 'archive/changed' });
        return panelState(tabId);
      },
      async 'panel/review'({ tabId, claimId, review }) {
        if (typeof claimId !== 'string') throw new UserFacingError('Which claim? The request named none.');
        return reviewOnTab(tabId, claimId, reviewFrom(review));
      },
      async 'panel/mark-claim'({ tabId, text }) {
        const state = await readyState(tabId);
        const selection = typeof text === 'string' ? text : await d.access.selection(tabId);
        const claim = claimFromSelection(state.article.paragraphs, selection ?? '');
        if (typeof claim === 'string') throw new UserFacingError(claim);
        if (state.analysis.claims?.some((c) => c.id === claim.id)) throw new UserFacingError('Backstory already lists that claim: find it in the Claims section.');
        return reviewOnTab(tabId, claim.id, { status: 'unverified', note: '', evidence: [] }, claim);
      },
      async 'panel/reveal-claim'({ tabId, claimId }) {
        return { found: await d.access.revealClaim(tabId, claimId) };
      },
      async 'archive/claims'(q) {
        const status = isClaimStatus(q.status) ? q.status : undefined;
        const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
        const [page, speakers] = await Promise.all([
          listClaims(d.db, {
            status,
            speaker: typeof q.speaker === 'string' ? q.speaker : undefined,
            from: num(q.from),
            to: num(q.to),
            offset: Math.max(0, q.offset | 0),
            limit: Math.min(500, Math.max(1, q.limit | 0)),
          }),
          claimSpeakers(d.db),
        ]);
        return { ...page, speakers };
      },
      async 'archive/review'({ articleId, claimId, review }) {
        await room.ensure(SMALL_WRITE);
        let rec: SavedArticle | null;
        try {
          rec = await reviewClaim(d.db, articleId, claimId, reviewFrom(review), d.now());
        } catch (err) {
          throw err instanceof UserFacingError || isQuotaError(err) || isWriteFailure(err) ? err : new UserFacingError(err instanceof Error ? err.message : String(err));
        }
        d.notify({ kind: 'archive/changed' });
        return { found: !!rec };
      },
      async 'archive/list'({ offset, limit, actorKey }) {
        const key = typeof actorKey === 'string' && actorKey ? actorKey : undefined;
        return listArticles(d.db, Math.max(0, offset | 0), Math.min(500, Math.max(1, limit | 0)), key);
      },
      async 'panel/coverage'({ tabId }) {
        const state = await d.tabs.get(tabId);
        if (state.status !== 'ready') return null;
        const rec = await findByUrl(d.db, state.article.url);
        const fingerprint = state.analysis.fingerprint ?? rec?.fingerprint ?? (await fingerprintOf(idf, { ...state.article, actors: state.analysis.actors }));
        // Where "This article" stands on the event's timeline: its own date, else when it was saved, else now.
        const published = state.article.published ? Date.parse(state.article.published) : NaN;
        const date = Number.isFinite(published) ? published : rec ? articleDate(rec) : d.now();
        return earlierCoverage(d.db, idf, { fingerprint, actors: state.analysis.actors, claims: state.analysis.claims, excludeId: rec?.id, date });
      },
      async 'archive/coverage'({ id }) {
        const rec = typeof id === 'number' ? await d.db.articles.get(id) : undefined;
        if (!rec) return null;
        const fingerprint = rec.fingerprint ?? (await fingerprintOf(idf, rec));
        return earlierCoverage(d.db, idf, { fingerprint, actors: rec.actors, claims: rec.claims, excludeId: id, date: articleDate(rec) });
      },
      async 'archive/search'(q) {
        const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
        const str = (x: unknown): string | undefined => (typeof x === 'string' && x ? x : undefined);
        try {
          return await searchArticles(d.db, idf, {
            text: str(q.text),
            actorKey: str(q.actorKey),
            publisher: str(q.publisher),
            tag: str(q.tag),
            claimStatus: isClaimStatus(q.claimStatus) ? q.claimStatus : undefined,
            from: num(q.from),
            to: num(q.to),
            offset: Math.max(0, q.offset | 0),
            limit: Math.min(500, Math.max(1, q.limit | 0)),
          });
        } catch (err) {
          throw err instanceof SearchError ? new UserFacingError(err.message) : err;
        }
      },
      async 'archive/facets'() {
        return archiveFacets(d.db);
      },
      async 'archive/tag'({ ids, add, remove }) {
        const list = idList(ids);
        await room.ensure(SMALL_WRITE);
        try {
          const updated = await tagArticles(d.db, list, Array.isArray(add) ? add : [], Array.isArray(remove) ? remove : []);
          if (updated) d.notify({ kind: 'archive/changed' });
          return { updated };
        } catch (err) {
          throw err instanceof SearchError ? new UserFacingError(err.message) : err;
        }
      },
      async 'archive/delete-many'({ ids }) {
        const records = await deleteArticles(d.db, idList(ids));
        d.notify({ kind: 'archive/changed' });
        return { records };
      },
      async 'archive/restore-many'({ records }) {
        if (!Array.isArray(records) || records.length > MAX_BULK) throw new UserFacingError('Those articles could not be restored: the records are incomplete.');
        // Checked as an import checks a backup's records (lib/archive/schema.ts), here and in restoreArticles.
        await room.ensure(records.reduce((n, r) => n + (r.bytes ?? 0), 0));
        const ids = await restoreArticles(d.db, records);
        d.notify({ kind: 'archive/changed' });
        return { ids };
      },
      async 'archive/get'({ id }) {
        return (await d.db.articles.get(id)) ?? null;
      },
      async 'archive/delete'({ id }) {
        const rec = await deleteArticle(d.db, id);
        d.notify({ kind: 'archive/changed' });
        return rec;
      },
      async 'archive/restore'({ record }) {
        await room.ensure(record.bytes ?? 0);
        const id = await restoreArticle(d.db, record);
        d.notify({ kind: 'archive/changed' });
        return { id };
      },
      async 'archive/stats'() {
        return archiveStats(d.db, d.storage);
      },
      /*
       * Backup and restore (issue #6). The background does the work, because it is the archive's one
       * writer: every write to the archive goes through the same transactions here. Files travel in parts of
       * PART_CHARS, since a runtime message is JSON-serialised and Chrome refuses one over 64 MiB.
       */
      async 'archive/export'(req) {
        if (req?.format === 'backup') {
          const settings = (await d.settings?.().catch(() => null)) ?? null;
          const file = await exportBackup(d.db, { settings, now: d.now() });
          // The file is read back as an import would read it before it is offered: a backup that
          // cannot be restored is worse than none, because the reader trusts it.
          const warning = checkExport(file.text, d.db.verno);
          const ticket = { ...transfers.offer(file.text), articles: file.articles, filename: file.filename, mime: 'application/json' };
          return warning ? { ...ticket, warning } : ticket;
        }
        if (!isToolFormat(req?.format)) throw new UserFacingError('Choose what to export: a backup, Markdown, JSON or annotations.');
        const ids = req.ids === undefined ? null : idList(req.ids);
        const records = ids ? (await d.db.articles.bulkGet(ids)).filter((r): r is SavedArticle => !!r) : await d.db.articles.orderBy('savedAt').reverse().toArray();
        if (!records.length) throw new UserFacingError(ids ? 'Those articles are no longer in your archive.' : 'Your archive is empty: there is nothing to export yet.');
        const file = toolExport(req.format, records, { now: d.now(), actors: req.actors === true });
        return { ...transfers.offer(file.text), articles: records.length, filename: file.filename, mime: file.mime };
      },
      async 'archive/transfer'({ transfer, part }) {
        return { text: backupStep(() => transfers.read(transfer, part)) };
      },
      async 'archive/import-part'({ transfer, part, parts, text }) {
        return { received: backupStep(() => transfers.receive(transfer, part, parts, text)) };
      },
      async 'sync/state'() {
        return d.sync ? d.sync.view() : SYNC_OFF;
      },
      async 'sync/on'(setup) {
        const sync = d.sync;
        if (!sync) throw new UserFacingError('Sync is not available in this browser.');
        if (await sync.isOn()) throw new UserFacingError('Sync is already on. Turn it off first to sync with another server. Nothing was changed.');
        await syncStep(() => sync.turnOn(setup));
        return sync.view();
      },
      async 'sync/off'({ deleteRemote }) {
        if (!d.sync) return SYNC_OFF;
        await syncStep(() => d.sync!.turnOff({ deleteRemote }));
        return d.sync.view();
      },
      async 'sync/now'() {
        if (!d.sync || !(await d.sync.isOn())) throw new UserFacingError('Sync is off. Turn it on first.');
        await d.sync.cycle();
        return d.sync.view();
      },
      async 'sync/share'({ groups }) {
        if (!d.sync) throw new UserFacingError('Sync is not available in this browser.');
        await d.sync.share(groups);
        return d.sync.view();
      },
      async 'archive/import'({ transfer }) {
        const text = backupStep(() => transfers.take(transfer));
        // The file's text is about what its records take as UTF-16, before their index rows.
        await room.ensure(text.length * 2);
        const report = await importBackup(d.db, text, { now: () => d.now() }).catch((err: unknown) => {
          throw err instanceof BackupError ? new UserFacingError(err.message) : err;
        });
        room.wrote(text.length * 2);
        d.notify({ kind: 'archive/changed' });
        // Records from older backups have no fingerprint yet: they get one in the background, as after an upgrade.
        if (report.added + report.merged > 0 && (await d.db.meta.get(FILL))) {
          void fillFingerprints(d.db, idf)
            .then((n) => n > 0 && d.notify({ kind: 'archive/changed' }))
            .catch((err: unknown) => console.error('Backstory: fingerprints not filled in after an import', err));
        }
        return report;
      },
    },
    {
      failed(err) {
        if (isWriteFailure(err)) settler?.noteFailure();
        void reopen().then((open) => open && settler?.check());
      },
      served() {
        if (settler?.pending) void settler.check();
      },
    },
  );
}

/**
 * Every handler, with a write refused for lack of room (a save, review, import, restore or tag)
 * turned into one sentence the reader can act on. The write itself was one transaction, so the
 * archive is as it was before.
 */
function storageFullSaysSo<T extends object>(handlers: T, on: { failed(err: unknown): void; served(): void }): T {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(handlers)) {
    out[name] =
      typeof fn === 'function'
        ? async (...args: unknown[]) => {
            try {
              const value = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
              on.served();
              return value;
            } catch (err) {
              if (isQuotaError(err)) throw new UserFacingError(STORAGE_FULL);
              if (isClosedError(err)) {
                on.failed(err);
                throw new UserFacingError(REOPENING);
              }
              if (isWriteFailure(err)) {
                // The browser may close the database after such a failure: open it again meanwhile.
                on.failed(err);
                throw new UserFacingError(WRITE_FAILED);
              }
              // A record that does not fit the archive's schema (lib/archive/schema.ts): the sentence says what.
              throw err instanceof RecordError ? new UserFacingError(err.message) : err;
            }
          }
        : fn;
  }
  return out as T;
}

/** The database was closed under us (the browser does so after a storage failure) or cannot be opened yet. */
export function isClosedError(err: unknown): boolean {
  const e = err as { name?: unknown; inner?: { name?: unknown } } | null;
  const names = [e?.name, e?.inner?.name];
  return names.some((n) => n === 'DatabaseClosedError' || n === 'OpenFailedError' || n === 'InvalidStateError');
}

export const REOPENING = 'The archive was closed after a storage error, and Backstory is opening it again. Nothing was lost; try again in a moment.';

/**
 * Opens the archive again after the browser closed it, without a browser restart: at once, then
 * after 1, 5, 15, 30 and 60 seconds (Chromium was seen refusing for up to a minute after a full
 * disk). One reopening at a time; asking again while it waits (a reader's request found the
 * archive closed) tries at once instead of waiting out the pause, so that saving works as soon as
 * the disk has room again.
 */
export function reopener(db: ArchiveDB, wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): () => Promise<boolean> {
  let running: Promise<boolean> | null = null;
  let wake: (() => void) | null = null;
  return () => {
    if (running) {
      wake?.();
      return running;
    }
    return (running = (async () => {
      try {
        for (const ms of [0, 1000, 5000, 15_000, 30_000, 60_000]) {
          if (ms) await Promise.race([wait(ms), new Promise<void>((r) => (wake = r))]);
          wake = null;
          try {
            if (db.isOpen()) db.close();
            await db.open();
            return true;
          } catch (err) {
            console.error('Backstory: the archive could not be opened again yet', err);
          }
        }
        return false;
      } finally {
        running = null;
        wake = null;
      }
    })());
  };
}

/** A sync step whose failure is a sentence for the reader (lib/sync says what went wrong and that nothing changed). */
async function syncStep<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    throw err instanceof SyncError ? new UserFacingError(err.message) : err;
  }
}

function idList(ids: unknown): number[] {
  if (!Array.isArray(ids) || ids.length > MAX_BULK) throw new UserFacingError(`Choose between 1 and ${MAX_BULK} articles.`);
  return ids.filter((x): x is number => Number.isInteger(x) && x > 0);
}

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ArticleMeta } from '@/components/ArticleMeta';
import { CoverageView } from '@/components/coverage';
import { clip, plural, safeHref } from '@/components/format';
import { Notice } from '@/components/Notice';
import { useBroadcast } from '@/components/useBroadcast';
import type { ArchiveStats, ArticleSummary, Coverage, Result } from '@/lib/messaging/protocol';
import { request } from '@/lib/messaging/transport';
import type { SavedArticle } from '@/lib/types';
import { ActorView } from './ActorView';
import { ArticleRow } from './ArticleRow';
import { StoryView } from './StoryView';
import { ArchiveLossNotice, ArticleExports, BackupReminder, BackupView } from './BackupView';
import { ClaimsView, parseClaimFilter } from './ClaimsView';
import { ReaderText } from './ReaderText';
import { archiveHash, filterFromHash, isFiltered, NO_FILTER, parseTags, toArchiveQuery, type ArchiveFilter } from './query';
import { actorHash, listHref, navigate, parseRoute, rememberList, storyHash, useRoute } from './route';
import { SearchBar, type Facets } from './SearchBar';
import { StorageWarning } from './StorageStats';

const PAGE = 50;
/** The most one `archive/list` or `archive/search` request may ask for. */
const MAX_LIMIT = 500;
const UNDO_MS = 10_000;
const FLASH_MS = 5_000;

export function App() {
  const hash = useRoute();
  const route = parseRoute(hash);
  const filter = (route.view === 'list' && filterFromHash(hash)) || NO_FILTER;
  if (route.view === 'list') rememberList(archiveHash(filter));
  const current = route.view === 'article' || route.view === 'actor' || route.view === 'story' ? null : route.view;
  return (
    <>
      <header class="app-header">
        <div class="app-header-inner">
          <a class="brand" href="#/">
            Backstory <span class="muted">archive</span>
          </a>
          <nav class="tabs" aria-label="Archive views">
            <a href="#/" aria-current={current === 'list' ? 'page' : undefined}>
              Articles
            </a>
            <a href="#/claims" aria-current={current === 'claims' ? 'page' : undefined} data-testid="nav-claims">
              Claims
            </a>
            <a href="#/backup" aria-current={current === 'backup' ? 'page' : undefined} data-testid="nav-backup">
              Backup
            </a>
          </nav>
        </div>
      </header>
      <main class="page">
        {route.view === 'article' ? (
          <Reader id={route.id} claimId={route.claimId} />
        ) : route.view === 'actor' ? (
          <ActorView key={route.key} actorKey={route.key} />
        ) : route.view === 'story' ? (
          <StoryView key={route.id} id={route.id} />
        ) : route.view === 'backup' ? (
          <BackupView query={route.query} />
        ) : route.view === 'claims' ? (
          <>
            <header class="page-header">
              <h1>Claims</h1>
            </header>
            <ClaimsView filter={parseClaimFilter(route.query)} />
          </>
        ) : (
          <>
            <ArchiveLossNotice />
            <ArchiveList filter={filter} />
            <BackupReminder />
          </>
        )}
      </main>
    </>
  );
}

type Page = { items: ArticleSummary[]; total: number };

/** The first `limit` articles for `filter`, in requests of at most MAX_LIMIT. Search only when something is set. */
async function fetchArticles(filter: ArchiveFilter, limit: number): Promise<Result<Page>> {
  const items: ArticleSummary[] = [];
  let total = 0;
  for (let offset = 0; offset < limit; offset += MAX_LIMIT) {
    const n = Math.min(MAX_LIMIT, limit - offset);
    const r: Result<Page> = isFiltered(filter) ? await request('archive/search', toArchiveQuery(filter, offset, n)) : await request('archive/list', { offset, limit: n });
    if (!r.ok) return r;
    items.push(...r.value.items);
    total = r.value.total;
    if (r.value.items.length < n) break;
  }
  return { ok: true, value: { items, total } };
}

/** What Undo puts back: one record from a row's Delete, or the records of "Delete selected". */
type Undo = { via: 'one'; record: SavedArticle } | { via: 'many'; records: SavedArticle[] };

function ArchiveList({ filter }: { filter: ArchiveFilter }) {
  const key = archiveHash(filter);
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  /** The search the shown items answer: while a new one runs, its count is not known yet. */
  const [shownKey, setShownKey] = useState<string | null>(null);
  const [stats, setStats] = useState<ArchiveStats | null>(null);
  const [facets, setFacets] = useState<Facets>({ publishers: [], tags: [] });
  const [problem, setProblem] = useState<string | null>(null);
  /** A failed delete, tag or undo: shown apart from load failures, whose advice differs. */
  const [actionProblem, setActionProblem] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // "Show more" belongs to one search: a new search starts again at one page.
  const [page, setPage] = useState({ key, limit: PAGE });
  const limit = page.key === key ? page.limit : PAGE;
  const [undo, setUndo] = useState<Undo | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [bulkTag, setBulkTag] = useState('');
  /** A bulk action is running: a second click must not send it again. */
  const [acting, setActing] = useState(false);
  const seq = useRef(0);
  const selectAll = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    // Searches overlap while the reader types: only the latest one may fill the list.
    const n = ++seq.current;
    setLoading(true);
    const [list, st] = await Promise.all([fetchArticles(filter, limit), request('archive/stats', {})]);
    if (n !== seq.current) return;
    setLoading(false);
    if (!list.ok) return setProblem(list.error);
    setProblem(null);
    setItems(list.value.items);
    setTotal(list.value.total);
    setShownKey(key);
    const shown = new Set(list.value.items.map((a) => a.id));
    // Never act on articles the reader can no longer see.
    setSelected((prev) => ([...prev].every((id) => shown.has(id)) ? prev : new Set([...prev].filter((id) => shown.has(id)))));
    if (st.ok) setStats(st.value);
    // `filter` is a new object each render; `key` is its hash, so the list reloads only when the filter or page size changes.
  }, [key, limit]);

  const loadFacets = useCallback(async () => {
    const r = await request('archive/facets', {});
    if (r.ok) setFacets(r.value);
  }, []);

  useEffect(() => void load(), [load]);
  useEffect(() => void loadFacets(), [loadFacets]);
  useEffect(() => setSelected(new Set()), [key]);
  useBroadcast(
    (msg) => {
      if (msg.kind !== 'archive/changed') return;
      void load();
      void loadFacets();
    },
    [load, loadFacets],
  );

  useEffect(() => {
    if (!undo) return;
    const t = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(t);
  }, [undo]);
  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(t);
  }, [flash]);

  const shownIds = items?.map((a) => a.id) ?? [];
  const allSelected = shownIds.length > 0 && shownIds.every((id) => selected.has(id));
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selected.size > 0 && !allSelected;
  });

  async function refresh() {
    await Promise.all([load(), loadFacets()]);
  }

  async function remove(id: number) {
    const r = await request('archive/delete', { id });
    if (!r.ok) return setActionProblem(r.error);
    setActionProblem(null);
    if (r.value) setUndo({ via: 'one', record: r.value });
    await refresh();
  }

  async function removeSelected() {
    const ids = [...selected];
    if (!ids.length || acting) return;
    setActing(true);
    const r = await request('archive/delete-many', { ids });
    setActing(false);
    if (!r.ok) return setActionProblem(r.error);
    setActionProblem(null);
    setSelected(new Set());
    if (r.value.records.length) setUndo({ via: 'many', records: r.value.records });
    else setFlash('Those articles were no longer in your archive.');
    await refresh();
  }

  async function restore() {
    if (!undo) return;
    setUndo(null);
    const r = undo.via === 'one' ? await request('archive/restore', { record: undo.record }) : await request('archive/restore-many', { records: undo.records });
    setActionProblem(r.ok ? null : r.error);
    await refresh();
  }

  async function tag(ids: number[], add: string[], remove: string[]): Promise<string | null> {
    const r = await request('archive/tag', { ids, add, remove });
    if (!r.ok) return r.error;
    await refresh();
    return null;
  }

  async function tagSelected() {
    const add = parseTags(bulkTag);
    const ids = [...selected];
    if (!add.length || !ids.length || acting) return;
    setActing(true);
    const err = await tag(ids, add, []);
    setActing(false);
    setActionProblem(err);
    if (err) return;
    setBulkTag('');
    setFlash(`Tagged ${plural(ids.length, 'article')} “${add.join('”, “')}”.`);
  }

  function select(id: number, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const filtered = isFiltered(filter);
  const only = (f: Partial<ArchiveFilter>) => archiveHash({ ...filter, ...f });
  const actorOnly = filtered && Object.entries(filter).every(([k, v]) => k === 'actor' || !v);
  return (
    <>
      <header class="page-header">
        <h1>Your articles</h1>
        {stats && (
          <p class="stats muted" data-testid="stats">
            {plural(stats.articles, 'article')} · <a href="#/backup">storage and backup</a>
          </p>
        )}
      </header>
      <SearchBar filter={filter} facets={facets} />
      {stats && <StorageWarning stats={stats} />}
      {problem && (
        <Notice title="The archive could not be loaded" tone="error">
          <p>{problem}</p>
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </Notice>
      )}
      {actionProblem && (
        <Notice title="That did not work" tone="error" testId="action-problem">
          <p>{actionProblem}</p>
        </Notice>
      )}
      {filter.actor && (
        <p class="filter" data-testid="filter">
          Articles naming <strong>{actorName(items, filter.actor)}</strong> ·{' '}
          <a href={actorHash(filter.actor)} data-testid="actor-page-link">
            Their page
          </a>{' '}
          · <a href={only({ actor: '' })}>Any actor</a>
        </p>
      )}
      {filtered && items !== null && shownKey === key && (
        <p class="match-count muted" role="status" data-testid="match-count">
          {total === 1 ? '1 article matches' : `${total.toLocaleString()} articles match`}
        </p>
      )}
      {filtered && items !== null && shownKey !== key && !problem && (
        <p class="match-count muted" role="status">
          Searching…
        </p>
      )}
      {items === null && !problem && <Notice title="Opening your archive…" tone="busy" />}
      {flash && (
        <p class="flash" role="status" data-testid="flash">
          {flash}
        </p>
      )}
      {items !== null && items.length === 0 && shownKey === key && filtered && (
        <Notice title={actorOnly ? 'No saved article names this actor' : 'No article matches'} testId="no-match">
          {!actorOnly && <p>Try fewer or shorter words, or another filter.</p>}
          <button type="button" onClick={() => navigate('#/')}>
            Show all articles
          </button>
        </Notice>
      )}
      {items !== null && items.length === 0 && shownKey === key && !filtered && (
        <Notice title="Nothing saved yet" testId="empty">
          <p>Open a news article, click the Backstory button in the toolbar (or press Alt+Shift+B), then choose “Save to archive”.</p>
          <p class="muted">Saved articles stay on this device. Nothing is sent anywhere.</p>
        </Notice>
      )}
      {items !== null && items.length > 0 && (
        <>
          <div class="bulk-bar" aria-label="Selected articles" role="group">
            <label class="select-all">
              <input type="checkbox" ref={selectAll} checked={allSelected} onChange={(e) => setSelected(e.currentTarget.checked ? new Set(shownIds) : new Set())} data-testid="select-all" />
              Select all on this page
            </label>
            {selected.size > 0 && (
              <>
                <span class="muted" data-testid="selected-count">
                  {selected.size.toLocaleString()} selected
                </span>
                <button type="button" class="danger" disabled={acting} onClick={() => void removeSelected()} data-testid="delete-selected">
                  Delete selected
                </button>
                <a class="button" href={`#/backup?ids=${[...selected].join(',')}`} data-testid="export-selected">
                  Export selected…
                </a>
                <form
                  class="bulk-tag"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void tagSelected();
                  }}
                >
                  <input
                    type="text"
                    value={bulkTag}
                    placeholder="tag"
                    maxLength={200}
                    onInput={(e) => setBulkTag(e.currentTarget.value)}
                    aria-label="Tag for the selected articles (separate several with commas)"
                    data-testid="tag-input"
                  />
                  <button type="submit" disabled={acting || !parseTags(bulkTag).length} data-testid="tag-add">
                    Tag selected
                  </button>
                </form>
              </>
            )}
          </div>
          <ul class={`list${loading ? ' list-busy' : ''}`} aria-busy={loading} data-testid="archive-list">
            {items.map((a) => (
              <ArticleRow
                key={a.id}
                a={a}
                selected={selected.has(a.id)}
                onSelect={(on) => select(a.id, on)}
                onDelete={() => void remove(a.id)}
                onTags={(add, rm) => tag([a.id], add, rm)}
                tagHref={(t) => only({ tag: t })}
                actorHref={(k) => only({ actor: k })}
              />
            ))}
          </ul>
        </>
      )}
      {items !== null && items.length < total && (
        <p class="more">
          <button type="button" onClick={() => setPage({ key, limit: limit + PAGE })}>
            Show more ({(total - items.length).toLocaleString()} left)
          </button>
        </p>
      )}
      {undo && (
        <div class="toast" role="status">
          <span>{undo.via === 'one' ? `Deleted “${clip(undo.record.title, 60)}”.` : `Deleted ${plural(undo.records.length, 'article')}.`}</span>
          <button type="button" onClick={() => void restore()} data-testid="undo">
            Undo
          </button>
        </div>
      )}
    </>
  );
}

function actorName(items: ArticleSummary[] | null, key: string): string {
  for (const it of items ?? []) for (const a of it.actors) if (a.key === key) return a.name;
  return key.replace(/^[A-Z]+:/, '');
}

interface CoverageState {
  coverage: Coverage | null;
  loading: boolean;
  error: string | null;
  now: number;
}

/** Earlier coverage of saved article `id`, asked again when the archive changes (a new save may belong to it). */
function useCoverage(id: number): CoverageState {
  const [state, setState] = useState<CoverageState>({ coverage: null, loading: true, error: null, now: Date.now() });
  const seq = useRef(0);
  const load = useCallback(async () => {
    const n = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    const r = await request('archive/coverage', { id });
    if (n !== seq.current) return;
    // On failure the last answer stays, with the error beside it.
    setState((s) => (r.ok ? { coverage: r.value, loading: false, error: null, now: Date.now() } : { ...s, loading: false, error: r.error }));
  }, [id]);
  useEffect(() => {
    setState({ coverage: null, loading: true, error: null, now: Date.now() });
    void load();
  }, [load]);
  useBroadcast((msg) => msg.kind === 'archive/changed' && void load(), [load]);
  return state;
}

const readerHref = (id: number) => `#/article/${id}`;

/**
 * The saved text in a clean reader view, then its earlier coverage. Text only: Preact escapes it,
 * nothing from the page can run. With a claim id, that claim is marked and scrolled to.
 */
function Reader({ id, claimId }: { id: number; claimId: string | null }) {
  const [rec, setRec] = useState<SavedArticle | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  const coverage = useCoverage(id);
  useEffect(() => {
    // Coverage links lead from one article to another in this same view: start each one afresh.
    let live = true;
    setRec(undefined);
    setProblem(null);
    scrollTo(0, 0);
    void request('archive/get', { id }).then((r) => {
      if (!live) return;
      if (r.ok) setRec(r.value);
      else setProblem(r.error);
    });
    return () => void (live = false);
  }, [id]);
  const claim = claimId ? rec?.claims?.find((c) => c.id === claimId) : undefined;
  useEffect(() => {
    root.current?.querySelector('.claim-mark')?.scrollIntoView({ block: 'center' });
  }, [claim]);
  useEffect(() => {
    if (rec) document.title = `${rec.title} · Backstory`;
    return () => void (document.title = 'Backstory archive');
  }, [rec]);

  return (
    <>
      <p>
        <a href={listHref()}>← Back to the archive</a>
      </p>
      {problem && (
        <Notice title="This article could not be opened" tone="error">
          <p>{problem}</p>
        </Notice>
      )}
      {rec === undefined && !problem && <Notice title="Opening…" tone="busy" />}
      {rec === null && <Notice title="This article is no longer in your archive">{null}</Notice>}
      {rec && claimId && !claim && <Notice title="That claim is no longer in this article">{null}</Notice>}
      {rec && (
        <article class="reader" data-testid="reader" ref={root}>
          <h1>{rec.title}</h1>
          <ArticleMeta publisher={rec.publisher} aggregator={rec.aggregator} byline={rec.byline} published={rec.published} wordCount={rec.wordCount} url={rec.url} />
          {safeHref(rec.url) && (
            <p>
              <a href={safeHref(rec.url)} target="_blank" rel="noopener noreferrer">
                Read the original
              </a>
            </p>
          )}
          <ArticleExports record={rec} />
          <p>
            <a href={storyHash(rec.id!)} data-testid="story-link">
              The whole story
            </a>
          </p>
          <ReaderText paragraphs={rec.paragraphs} claims={rec.claims ?? []} actors={rec.actors ?? []} focus={claim ? claim.id : null} />
        </article>
      )}
      {rec && (
        <div class="reader-coverage" data-testid="reader-coverage">
          <CoverageView {...coverage} context="archive" articleHref={readerHref} />
        </div>
      )}
    </>
  );
}

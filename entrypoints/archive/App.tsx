import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ArticleMeta } from '@/components/ArticleMeta';
import { formatBytes, formatDate, plural, safeHref } from '@/components/format';
import { Notice } from '@/components/Notice';
import { useBroadcast } from '@/components/useBroadcast';
import type { ArchiveStats, ArticleSummary } from '@/lib/messaging/protocol';
import { request } from '@/lib/messaging/transport';
import type { SavedArticle, TextSpan } from '@/lib/types';
import { ClaimsView, parseClaimFilter } from './ClaimsView';

const PAGE = 50;
const UNDO_MS = 10_000;

function useRoute(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

export function App() {
  const route = useRoute();
  const m = /^#\/article\/(\d+)(?:\?claim=([^&]+))?$/.exec(route);
  const actor = /^#\/actor\/(.+)$/.exec(route);
  const claims = /^#\/claims(?:\?(.*))?$/.exec(route);
  if (m) {
    return (
      <div class="page">
        <Reader id={Number(m[1])} claimId={m[2] ? decodeURIComponent(m[2]) : null} />
      </div>
    );
  }
  return (
    <div class="page">
      <nav class="tabs" aria-label="Archive views">
        <a href="#/" aria-current={claims ? undefined : 'page'}>
          Articles
        </a>
        <a href="#/claims" aria-current={claims ? 'page' : undefined} data-testid="nav-claims">
          Claims
        </a>
      </nav>
      {claims ? (
        <>
          <header class="page-header">
            <h1>Claims</h1>
          </header>
          <ClaimsView filter={parseClaimFilter(claims[1] ?? '')} />
        </>
      ) : (
        <ArchiveList actorKey={actor ? decodeURIComponent(actor[1]!) : null} />
      )}
    </div>
  );
}

const actorHref = (key: string) => `#/actor/${encodeURIComponent(key)}`;

function ArchiveList({ actorKey }: { actorKey: string | null }) {
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [stats, setStats] = useState<ArchiveStats | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [undo, setUndo] = useState<SavedArticle | null>(null);

  const load = useCallback(async () => {
    const [list, st] = await Promise.all([
      request('archive/list', { offset: 0, limit, ...(actorKey ? { actorKey } : {}) }),
      request('archive/stats', {}),
    ]);
    if (!list.ok) return setProblem(list.error);
    setProblem(null);
    setItems(list.value.items);
    setTotal(list.value.total);
    if (st.ok) setStats(st.value);
  }, [limit, actorKey]);

  useEffect(() => void load(), [load]);
  useBroadcast((msg) => msg.kind === 'archive/changed' && void load(), [load]);

  useEffect(() => {
    if (!undo) return;
    const t = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(t);
  }, [undo]);

  async function remove(id: number) {
    const r = await request('archive/delete', { id });
    if (!r.ok) return setProblem(r.error);
    setUndo(r.value);
    await load();
  }

  async function restore() {
    if (!undo) return;
    const r = await request('archive/restore', { record: undo });
    setUndo(null);
    if (!r.ok) setProblem(r.error);
    await load();
  }

  return (
    <>
      <header class="page-header">
        <h1>Your articles</h1>
        {stats && (
          <p class="stats muted" data-testid="stats">
            {plural(stats.articles, 'article')} · {formatBytes(stats.bytes)} of text
            {stats.usage !== null && ` · ${formatBytes(stats.usage)} used in all`}
            {stats.persisted === true && ' · kept safe from clean-up'}
          </p>
        )}
      </header>
      {problem && (
        <Notice title="The archive could not be loaded" tone="error">
          <p>{problem}</p>
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </Notice>
      )}
      {actorKey && (
        <p class="filter" data-testid="filter">
          Articles naming <strong>{actorName(items, actorKey)}</strong> · <a href="#/">Show all</a>
        </p>
      )}
      {items === null && !problem && <Notice title="Opening your archive…" tone="busy" />}
      {items !== null && items.length === 0 && actorKey && <Notice title="No saved article names this actor">{null}</Notice>}
      {items !== null && items.length === 0 && !actorKey && (
        <Notice title="Nothing saved yet" testId="empty">
          <p>Open a news article, click the Backstory button in the toolbar (or press Alt+Shift+B), then choose “Save to archive”.</p>
          <p class="muted">Saved articles stay on this device. Nothing is sent anywhere.</p>
        </Notice>
      )}
      {items !== null && items.length > 0 && (
        <ul class="list" data-testid="archive-list">
          {items.map((a) => (
            <li key={a.id} class="item card" data-testid="archive-item">
              <h2>
                <a href={`#/article/${a.id}`}>{a.title}</a>
              </h2>
              <div class="item-actions">
                {safeHref(a.url) && (
                  <a class="button" href={safeHref(a.url)} target="_blank" rel="noopener noreferrer">
                    Original
                  </a>
                )}
                <button type="button" class="danger" onClick={() => void remove(a.id)} aria-label={`Delete “${a.title}”`}>
                  Delete
                </button>
              </div>
              <ArticleMeta publisher={a.publisher} aggregator={a.aggregator} byline={a.byline} published={a.published} wordCount={a.wordCount} url={a.url} />
              <p class="saved-at muted">Saved {formatDate(a.savedAt, true)}</p>
              {a.excerpt && <p class="excerpt muted">{a.excerpt}</p>}
              {a.actors.length > 0 && (
                <ul class="item-actors" aria-label="Named in this article">
                  {a.actors.map((x) => (
                    <li key={x.key}>
                      <a class={`mini-chip chip-${x.type.toLowerCase()}`} href={actorHref(x.key)} title={`Show saved articles naming ${x.name}`}>
                        {x.name}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {items !== null && items.length < total && (
        <p class="more">
          <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
            Show more ({(total - items.length).toLocaleString()} left)
          </button>
        </p>
      )}
      {undo && (
        <div class="toast" role="status">
          <span>Deleted “{undo.title.length > 60 ? `${undo.title.slice(0, 57)}…` : undo.title}”.</span>
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

/** A paragraph with the parts in `spans` marked (text only). */
function Marked({ text, spans }: { text: string; spans: TextSpan[] }) {
  if (!spans.length) return <p>{text}</p>;
  const parts = [];
  let at = 0;
  for (const [i, s] of spans.entries()) {
    if (s.start < at || s.end > text.length) continue;
    parts.push(text.slice(at, s.start), <mark key={i} class="claim-mark" data-testid="claim-mark">{text.slice(s.start, s.end)}</mark>);
    at = s.end;
  }
  parts.push(text.slice(at));
  return <p>{parts}</p>;
}

/**
 * The saved text in a clean reader view. Text only: Preact escapes it, nothing from the page can
 * run. With a claim id, that claim is marked and scrolled to.
 */
function Reader({ id, claimId }: { id: number; claimId: string | null }) {
  const [rec, setRec] = useState<SavedArticle | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    void request('archive/get', { id }).then((r) => (r.ok ? setRec(r.value) : setProblem(r.error)));
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
        <a href="#/">← Back to the archive</a>
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
          {rec.paragraphs.map((p, i) => (
            <Marked key={i} text={p} spans={claim?.spans.filter((s) => s.paragraph === i) ?? []} />
          ))}
        </article>
      )}
    </>
  );
}

/**
 * An actor's page (issue 22): the articles naming them as a timeline, the roles the texts gave
 * them, their statements over time with each claim's status, and who they appear with most.
 * Reached from the hover card, the side panel's actor chips and the archive's actor filter.
 * Everything from articles is shown as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { STATUS_LABEL } from '@/components/claims';
import { clip, formatDate, plural, excerpt } from '@/components/format';
import { Notice } from '@/components/Notice';
import { useBroadcast } from '@/components/useBroadcast';
import type { ActorArticlesPage, ActorPage, Result } from '@/lib/messaging/protocol';
import { request } from '@/lib/messaging/transport';
import { archiveHash, NO_FILTER } from './query';
import { actorHash, listHref, storyHash } from './route';

const TYPE_WORDS = { PER: 'Person', ORG: 'Organisation', LOC: 'Place' } as const;
/** Timeline entries shown before "Show earlier ones". */
const FIRST = 60;

type Article = ActorArticlesPage['articles'][number];
type Statement = ActorPage['statements'][number];

export function ActorView({ actorKey }: { actorKey: string }) {
  const [page, setPage] = useState<ActorPage | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  // Earlier pages of the timeline, read when asked (the page opens with the latest articles only).
  const [older, setOlder] = useState<{ articles: Article[]; earlier: number | null } | null>(null);
  const [reading, setReading] = useState(false);
  // Earlier statements, read when asked (the page opens with the latest ones).
  const [olderSaid, setOlderSaid] = useState<{ statements: Statement[]; earlier: number | null } | null>(null);
  const [readingSaid, setReadingSaid] = useState(false);
  const [tick, setTick] = useState(0);
  const shown = useRef<ActorPage | null | undefined>(undefined);
  shown.current = page;
  useBroadcast((msg) => msg.kind === 'archive/changed' && setTick((t) => t + 1), []);
  useEffect(() => {
    let live = true;
    void request('archive/actor', { key: actorKey }).then((r) => {
      if (!live) return;
      setOlder(null);
      setOlderSaid(null);
      if (r.ok) setPage(r.value);
      else setProblem(r.error);
    });
    return () => void (live = false);
  }, [actorKey, tick]);
  useEffect(() => {
    if (page) document.title = `${page.name} · Backstory`;
    return () => void (document.title = 'Backstory archive');
  }, [page]);

  if (problem) {
    return (
      <Notice title="This page could not be opened" tone="error">
        <p>{problem}</p>
      </Notice>
    );
  }
  if (page === undefined) return <Notice title="Opening…" tone="busy" />;
  if (page === null) return <Notice title="No saved article names this actor">{null}</Notice>;
  // Pages are cut in the order articles were saved; the timeline is in date order across them.
  const read = older ? [...older.articles, ...page.articles].sort((a, b) => a.date - b.date || a.id - b.id) : page.articles;
  const cursor = older ? older.earlier : page.earlier;
  const articles = all ? read : read.slice(-FIRST);
  const hidden = page.total - articles.length;
  /** Asks for an earlier page; the reply is used only while the page it was asked from is shown. */
  const askEarlier = <T,>(ask: Promise<Result<T>>, busy: (b: boolean) => void, use: (v: T) => void) => {
    busy(true);
    const asked = page;
    void ask.then((r) => {
      busy(false);
      // The archive changed meanwhile and the page was read again: this reply belongs to the old one.
      if (shown.current !== asked) return;
      if (r.ok) use(r.value);
      else setProblem(r.error);
    });
  };
  const showEarlier = () => {
    setAll(true);
    if (articles.length < read.length || cursor === null) return;
    askEarlier(request('archive/actor-articles', { key: page.key, before: cursor }), setReading, (v) => setOlder({ articles: [...v.articles, ...(older?.articles ?? [])], earlier: v.earlier }));
  };
  const said = olderSaid ? [...olderSaid.statements, ...page.statements] : page.statements;
  const saidBefore = olderSaid ? olderSaid.earlier : page.statementsEarlier;
  const showEarlierSaid = () => {
    if (saidBefore === null) return;
    askEarlier(request('archive/actor-statements', { key: page.key, before: saidBefore }), setReadingSaid, (v) =>
      setOlderSaid({ statements: [...v.statements, ...(olderSaid?.statements ?? [])], earlier: v.earlier }),
    );
  };
  return (
    <div class="actor-page" data-testid="actor-page">
      <p>
        <a href={listHref()}>← Back to the archive</a>
      </p>
      <header class="page-header">
        <h1 data-testid="actor-name">{page.name}</h1>
        <span class="muted">
          {TYPE_WORDS[page.type]} · {plural(page.total, 'saved article')} · {plural(page.statementsTotal, 'statement')} ·{' '}
          <a href={archiveHash({ ...NO_FILTER, actor: page.key })}>search among their articles</a>
        </span>
      </header>
      {page.aliases.length > 0 && <p class="muted">Also written: {page.aliases.join(', ')}</p>}

      <div class="actor-grid">
        <section class="actor-side">
          <h2>Roles the texts gave</h2>
          {page.roles.length === 0 ? (
            <p class="muted">None named in the latest {plural(page.rolesFrom, 'article')}.</p>
          ) : (
            <ul class="roles" data-testid="actor-roles">
              {page.roles.map((r) => (
                <li key={r.role}>
                  {clip(r.role, 120)}{' '}
                  <span class="muted">
                    ({r.count}×, {formatDate(r.first)}
                    {r.last !== r.first ? ` – ${formatDate(r.last)}` : ''})
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h2>Appears most with</h2>
          {page.total > page.companionsFrom && <p class="muted">In the latest {plural(page.companionsFrom, 'article')}.</p>}
          {page.companions.length === 0 ? (
            <p class="muted">Nobody else yet.</p>
          ) : (
            <ul class="item-actors companions" data-testid="actor-companions">
              {page.companions.map((c) => (
                <li key={c.key}>
                  <a class={`mini-chip chip-${c.type.toLowerCase()}`} href={actorHash(c.key)} title={`${c.name}: in ${plural(c.articles, 'article')} with ${page.name}`}>
                    {c.name} <span class="muted">{c.articles}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section class="actor-main">
          <h2>Statements over time</h2>
          {said.length === 0 ? (
            <p class="muted">No quote or reported statement attributed to them in your archive.</p>
          ) : (
            <>
              {saidBefore !== null && (
                <button type="button" class="link" onClick={showEarlierSaid} disabled={readingSaid} data-testid="actor-statements-earlier">
                  {readingSaid ? 'Reading…' : `Show earlier statements (${page.statementsTotal - said.length} more)`}
                </button>
              )}
              <ol class="timeline statements" data-testid="actor-statements">
                {said.map((s) => (
                  <li key={`${s.articleId}:${s.claimId}`} class={`tl-item${s.status ? ` tl-${s.status}` : ''}`} data-testid="actor-statement">
                    <span class="tl-date">{formatDate(s.date)}</span>
                    <div>
                      <a class="claim-link" href={`#/article/${s.articleId}?claim=${encodeURIComponent(s.claimId)}`}>
                        {excerpt(s.text, 300)}
                      </a>{' '}
                      {s.status && <span class={`status status-${s.status}`}>{STATUS_LABEL[s.status]}</span>}
                      {s.note && <p class="note">{s.note}</p>}
                      <p class="muted claim-source">
                        {s.publisher ?? ''}
                        {s.publisher ? ' · ' : ''}
                        {clip(s.title, 100)}
                      </p>
                    </div>
                  </li>
                ))}
              </ol>
            </>
          )}

          <h2>Articles naming them</h2>
          {hidden > 0 && (articles.length < read.length || cursor !== null) && (
            <button type="button" class="link" onClick={showEarlier} disabled={reading}>
              {reading ? 'Reading…' : articles.length < read.length || cursor === null ? `Show the ${read.length - articles.length} earlier ones` : `Show earlier ones (${hidden} more)`}
            </button>
          )}
          <ol class="timeline" data-testid="actor-articles">
            {articles.map((a) => (
              <li key={a.id} class="tl-item" data-testid="actor-article">
                <span class="tl-date">{formatDate(a.date)}</span>
                <div>
                  <a href={`#/article/${a.id}`}>{clip(a.title, 160)}</a>
                  <span class="muted">
                    {' '}
                    {a.publisher ? `· ${a.publisher} ` : ''}
                    {a.mentions > 0 ? `· named ${a.mentions}×` : ''} · <a href={storyHash(a.id)}>story</a>
                  </span>
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <p class="muted small-print">Opened in {Math.round(page.ms)} ms.</p>
    </div>
  );
}

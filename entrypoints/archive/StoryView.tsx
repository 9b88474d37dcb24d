/**
 * A story's page (issue 22): the articles of one event in date order, what each brought into the
 * story, and its claims: which piece first made each, which repeated it (and the numbers that
 * moved), and the reader's reviews. Everything from articles is shown as text.
 */
import { useEffect, useState } from 'preact/hooks';
import { STATUS_LABEL } from '@/components/claims';
import { clip, formatDate, plural, excerpt } from '@/components/format';
import { Notice } from '@/components/Notice';
import { useBroadcast } from '@/components/useBroadcast';
import type { StoryPage } from '@/lib/messaging/protocol';
import { request } from '@/lib/messaging/transport';
import { actorHash, listHref } from './route';

export function StoryView({ id }: { id: number }) {
  const [page, setPage] = useState<StoryPage | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useBroadcast((msg) => msg.kind === 'archive/changed' && setTick((t) => t + 1), []);
  useEffect(() => {
    let live = true;
    void request('archive/story', { id }).then((r) => {
      if (!live) return;
      if (r.ok) setPage(r.value);
      else setProblem(r.error);
    });
    return () => void (live = false);
  }, [id, tick]);
  const first = page?.articles[0];
  useEffect(() => {
    if (first) document.title = `Story: ${first.title} · Backstory`;
    return () => void (document.title = 'Backstory archive');
  }, [first]);

  if (problem) {
    return (
      <Notice title="This story could not be opened" tone="error">
        <p>{problem}</p>
      </Notice>
    );
  }
  if (page === undefined) return <Notice title="Opening…" tone="busy" />;
  if (page === null) return <Notice title="This article is no longer in your archive">{null}</Notice>;
  const { articles, counts } = page;
  const titleOf = new Map(articles.map((a) => [a.id, a.title]));
  return (
    <div class="story-page" data-testid="story-page">
      <p>
        <a href={listHref()}>← Back to the archive</a>
      </p>
      <header class="page-header">
        <h1>The story</h1>
        <span class="muted" data-testid="story-summary">
          {plural(articles.length, 'article')}
          {articles.length > 1 ? `, ${formatDate(articles[0]!.date)} – ${formatDate(articles[articles.length - 1]!.date)}` : ''} · {plural(counts.claims, 'claim')}, {counts.repeated} repeated,{' '}
          {counts.reviewed} reviewed by you
        </span>
      </header>
      {articles.length === 1 && <p class="muted">No other saved article is about the same event yet.</p>}
      <ol class="timeline story" data-testid="story-articles">
        {articles.map((a) => (
          <li key={a.id} class={`tl-item story-item${a.here ? ' story-here' : ''}`} data-testid="story-article" data-article-id={a.id}>
            <span class="tl-date">{formatDate(a.date)}</span>
            <div>
              <h2 class="story-title">
                <a href={`#/article/${a.id}`}>{clip(a.title, 200)}</a>
              </h2>
              <p class="muted claim-source">
                {a.publisher ?? ''}
                {a.here ? ' · the article you opened this story from' : ''}
              </p>
              {a.added.length > 0 && (
                <p class="story-added">
                  Brought in:{' '}
                  {a.added.map((n, i) => (
                    <span key={n.key}>
                      {i > 0 && ', '}
                      <a href={actorHash(n.key)}>{n.name}</a>
                    </span>
                  ))}
                </p>
              )}
              {a.claims.length > 0 && (
                <ul class="story-claims">
                  {a.claims.map((c) => (
                    <li key={c.claimId} data-testid="story-claim" class={c.earlier ? 'story-repeat' : 'story-new'}>
                      <a class="claim-link" href={`#/article/${a.id}?claim=${encodeURIComponent(c.claimId)}`}>
                        {c.speaker && <span class="story-speaker">{c.speaker}</span>}
                        {excerpt(c.text, 260)}
                      </a>{' '}
                      {c.status && <span class={`status status-${c.status}`}>{STATUS_LABEL[c.status]}</span>}
                      {c.note && <p class="note">{c.note}</p>}
                      {c.earlier && (
                        <p class="muted claim-source" data-testid="story-earlier">
                          {c.earlier.numbers
                            ? `Numbers moved: ${c.earlier.numbers.before.join(', ')} on ${formatDate(c.earlier.date)} → ${c.earlier.numbers.now.join(', ')} here`
                            : `Repeats a claim first made on ${formatDate(c.earlier.date)}`}{' '}
                          (“{clip(titleOf.get(c.earlier.articleId) ?? c.earlier.title, 80)}”
                          {c.earlier.status && c.earlier.status !== c.status ? `, marked ${STATUS_LABEL[c.earlier.status].toLowerCase()} there` : ''})
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        ))}
      </ol>
      <p class="muted small-print">Opened in {Math.round(page.ms)} ms.</p>
    </div>
  );
}

import { useState } from 'preact/hooks';
import { ArticleMeta } from '@/components/ArticleMeta';
import { clip, formatDate, safeHref } from '@/components/format';
import type { ArticleSummary } from '@/lib/messaging/protocol';
import { parseTags } from './query';

/** Names shown on a row: the list stays one compact line of chips per article. */
const ACTORS_SHOWN = 5;

interface RowProps {
  a: ArticleSummary;
  selected: boolean;
  onSelect(on: boolean): void;
  onDelete(): void;
  /** Adds and removes tags on this article; resolves to an error sentence, or null when it worked. */
  onTags(add: string[], remove: string[]): Promise<string | null>;
  /** The list address filtered by a tag or an actor (keeping the other filters). */
  tagHref(tag: string): string;
  actorHref(key: string): string;
}

/** One saved article in the list. Its title, excerpt and tags came from web pages or the reader: text only. */
export function ArticleRow({ a, selected, onSelect, onDelete, onTags, tagHref, actorHref }: RowProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = clip(a.title, 80);
  const tags = a.tags ?? [];

  async function change(add: string[], remove: string[]) {
    setBusy(true);
    const err = await onTags(add, remove);
    setBusy(false);
    setProblem(err);
    if (!err && add.length) setDraft('');
  }

  return (
    <li class={`item card${selected ? ' item-selected' : ''}`} data-testid="archive-item">
      <input type="checkbox" class="row-select" checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} aria-label={`Select “${title}”`} data-testid="select-row" />
      <h2>
        <a href={`#/article/${a.id}`}>{a.title}</a>
      </h2>
      <div class="item-actions">
        {safeHref(a.url) && (
          <a class="button small" href={safeHref(a.url)} target="_blank" rel="noopener noreferrer">
            Original
          </a>
        )}
        <button type="button" class="danger small" onClick={onDelete} aria-label={`Delete “${a.title}”`}>
          Delete
        </button>
      </div>
      <ArticleMeta publisher={a.publisher} aggregator={a.aggregator} byline={a.byline} published={a.published} wordCount={a.wordCount} url={a.url} />
      <p class="saved-at muted" title={formatDate(a.savedAt, true)}>
        Saved {formatDate(a.savedAt)}
      </p>
      {a.excerpt && <p class="excerpt muted">{a.excerpt}</p>}
      <div class="item-foot">
        {a.actors.length > 0 && (
          <ul class="item-actors" aria-label="Named in this article">
            {a.actors.slice(0, ACTORS_SHOWN).map((x) => (
              <li key={x.key}>
                <a class={`mini-chip chip-${x.type.toLowerCase()}`} href={actorHref(x.key)} title={`Show saved articles naming ${x.name}`}>
                  {x.name}
                </a>
              </li>
            ))}
          </ul>
        )}
        <div class="item-tags">
          {tags.length > 0 && (
            <ul class="tag-list" aria-label="Your tags">
              {tags.map((t) => (
                <li key={t} class="tag-chip" data-testid="row-tag">
                  <a class="tag-label" href={tagHref(t)} title={`Show articles tagged “${t}”`}>
                    {t}
                  </a>
                  <button type="button" class="tag-remove" disabled={busy} onClick={() => void change([], [t])} aria-label={`Remove tag “${t}” from “${title}”`} data-testid="row-tag-remove">
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            class="tag-add"
            onSubmit={(e) => {
              e.preventDefault();
              const add = parseTags(draft);
              if (add.length) void change(add, []);
            }}
          >
            <input
              type="text"
              value={draft}
              placeholder="+ tag"
              maxLength={200}
              onInput={(e) => setDraft(e.currentTarget.value)}
              aria-label={`Add a tag to “${title}” (separate several with commas)`}
              data-testid="row-tag-input"
            />
          </form>
          {problem && (
            <p class="problem" role="alert">
              {problem}
            </p>
          )}
        </div>
      </div>
    </li>
  );
}

import { formatDate, hostOf, readingTime, withoutDirectionControls as plain } from './format';

export interface ArticleMetaProps {
  publisher: string | null;
  aggregator: string | null;
  byline: string | null;
  published: string | null;
  wordCount: number;
  url: string;
}

/** "The Independent UK · via inkl", then "Millie Cooke · 19 Aug 2025 · 5 min read". Text only. */
export function ArticleMeta(p: ArticleMetaProps) {
  const source = plain(p.publisher ?? hostOf(p.url));
  const aggregator = p.aggregator && plain(p.aggregator);
  const details = [p.byline && plain(p.byline), formatDate(p.published), readingTime(p.wordCount)].filter(Boolean);
  return (
    <div class="meta">
      <p class="meta-source">
        <span data-testid="publisher">{source}</span>
        {aggregator && aggregator !== source ? (
          <span class="muted">
            {' '}
            · via <span data-testid="aggregator">{aggregator}</span>
          </span>
        ) : null}
      </p>
      {details.length > 0 && <p class="meta-details muted">{details.join(' · ')}</p>}
    </div>
  );
}

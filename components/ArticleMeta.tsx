import { formatDate, hostOf, readingTime } from './format';

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
  const source = p.publisher ?? hostOf(p.url);
  const details = [p.byline, formatDate(p.published), readingTime(p.wordCount)].filter(Boolean);
  return (
    <div class="meta">
      <p class="meta-source">
        <span data-testid="publisher">{source}</span>
        {p.aggregator && p.aggregator !== source ? <span class="muted"> · via <span data-testid="aggregator">{p.aggregator}</span></span> : null}
      </p>
      {details.length > 0 && <p class="meta-details muted">{details.join(' · ')}</p>}
    </div>
  );
}

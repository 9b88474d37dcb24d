/**
 * Claim memory on a claim's card (issue 22): the same claim found earlier in the archive, who
 * reported it and when, the reader's review of it, the numbers that moved, and what matched.
 * Everything from articles is rendered as text; links only as http(s) or to the archive's own pages.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ClaimMemory, ClaimRecall } from '@/lib/types';
import { REPORTED } from '@/lib/archive/recall-when';
import { STATUS_LABEL } from './claims';
import { clip, formatDate, excerpt } from './format';

/** The analysis's claim memory, by claim id, for the cards below (absent: none). */
export const MemoryContext = createContext<ReadonlyMap<string, ClaimMemory> | null>(null);

export function memoryByClaim(memory: readonly ClaimMemory[] | undefined): ReadonlyMap<string, ClaimMemory> | null {
  return memory?.length ? new Map(memory.map((m) => [m.claimId, m])) : null;
}

/** The claim ids flagged by memory: an earlier wording of them was marked false or disputed. */
export function flaggedClaims(memory: readonly ClaimMemory[] | undefined): Set<string> {
  return new Set((memory ?? []).filter((m) => m.flagged).map((m) => m.claimId));
}

/** The archive's page for an earlier article (extension pages only). */
function archiveHref(articleId: number): string | undefined {
  try {
    return browser.runtime.getURL(`/archive.html#/article/${articleId}`);
  } catch {
    return undefined;
  }
}

function Recall({ r }: { r: ClaimRecall }) {
  const where = r.publisher ?? clip(r.title, 60);
  const href = archiveHref(r.articleId);
  return (
    <li class={`recall${r.review ? ` recall-${r.review.status}` : ''}`} data-testid="claim-recall" data-article-id={r.articleId}>
      <p class="recall-head">
        {r.review ? (
          <strong data-testid="recall-review">
            You marked this {STATUS_LABEL[r.review.status].toLowerCase()} on {formatDate(r.review.updatedAt)}
          </strong>
        ) : r.numbers ? (
          <strong data-testid="recall-numbers">
            Numbers moved: {r.numbers.here.join(', ')} here; {r.numbers.there.join(', ')} on {formatDate(r.date)}
          </strong>
        ) : (
          <strong data-testid="recall-when">{REPORTED[r.when]}</strong>
        )}
      </p>
      {r.review?.note && (
        <p class="note" data-testid="recall-note">
          {r.review.note}
        </p>
      )}
      <p class="recall-text">{excerpt(r.text, 220)}</p>
      <p class="muted recall-source">
        {r.speaker ? `${r.speaker} · ` : ''}
        {href ? (
          <a href={href} target="_blank" rel="noopener" title={r.title}>
            {where}
          </a>
        ) : (
          where
        )}
        {`, ${formatDate(r.date)}`}
      </p>
      {r.shared.length > 0 && (
        <p class="muted recall-why" data-testid="recall-why">
          Matched on: {r.shared.join(', ')}
          {r.numbers && r.review ? ` · numbers differ: ${r.numbers.here.join(', ')} here, ${r.numbers.there.join(', ')} there` : ''}
        </p>
      )}
    </li>
  );
}

/** What the archive remembers of one claim, under its card. */
export function ClaimMemoryNote({ claimId }: { claimId: string }) {
  const m = useContext(MemoryContext)?.get(claimId);
  if (!m) return null;
  const flag = m.recalls.find((r) => r.review?.status === 'false' || r.review?.status === 'disputed');
  return (
    <div class={`memory${m.flagged ? ' memory-flagged' : ''}`} data-testid="claim-memory">
      {flag && (
        <p class="memory-flag" role="note" data-testid="memory-flag">
          ⚠ You marked this claim {STATUS_LABEL[flag.review!.status].toLowerCase()} before, in another article.
        </p>
      )}
      <p class="memory-title">In your archive</p>
      <ul class="recalls">
        {m.recalls.map((r) => (
          <Recall key={`${r.articleId}:${r.claimId}`} r={r} />
        ))}
      </ul>
    </div>
  );
}

import { useState } from 'preact/hooks';
import { CheckworthyMeter, KIND_LABEL, ReviewEditor, ReviewSummary, SignalList, StatusBadge, type ReviewDraft } from '@/components/claims';
import { claimStatus } from '@/lib/claim-status';
import type { Claim } from '@/lib/types';

type Filter = 'all' | 'unverified' | 'checkworthy' | 'reviewed';

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'unverified', label: 'Unverified' },
  { value: 'checkworthy', label: 'Check-worthy' },
  { value: 'reviewed', label: 'Reviewed' },
];

const CLIP = 280;

interface Props {
  claims: Claim[];
  notice?: string;
  onReveal(claim: Claim): Promise<boolean>;
  onReview(claim: Claim, review: ReviewDraft | null): Promise<string | null>;
  onMarkSelection(): Promise<string | null>;
}

/** This article's claims in reading order: who said it, what kind, how check-worthy, why unverified; review each. */
export function ClaimsSection({ claims, notice, onReveal, onReview, onMarkSelection }: Props) {
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [markProblem, setMarkProblem] = useState<string | null>(null);
  const unverified = claims.filter((c) => claimStatus(c) === 'unverified').length;
  const shown = claims.filter((c) =>
    filter === 'all' ? true : filter === 'unverified' ? claimStatus(c) === 'unverified' : filter === 'reviewed' ? !!c.review : c.checkworthy,
  );

  return (
    <section class="section" aria-labelledby="claims-h" data-testid="claims">
      <h3 id="claims-h">Claims</h3>
      {claims.length === 0 ? (
        <p class="empty muted">{notice ?? 'No quotes, reported statements or check-worthy statements were found.'}</p>
      ) : (
        <>
          <p class="muted claims-count">
            {claims.length} {claims.length === 1 ? 'claim' : 'claims'}, {unverified} unverified
          </p>
          <div class="filters" role="group" aria-label="Show">
            {FILTERS.map((f) => (
              <button key={f.value} type="button" class="toggle" aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
                {f.label}
              </button>
            ))}
          </div>
          <ol class="claims">
            {shown.map((c) => {
              const status = claimStatus(c);
              return (
                <li key={c.id} class={`claim claim-${status ?? 'none'}`} data-testid="claim" data-claim-id={c.id} data-kind={c.kind}>
                  <div class="claim-head">
                    <span class="kind">{KIND_LABEL[c.kind]}</span>
                    {c.speaker && (
                      <span class="speaker" data-testid="claim-speaker">
                        {c.speaker}
                      </span>
                    )}
                    {c.missed && <span class="kind">Marked by you</span>}
                    <StatusBadge status={status} reviewed={!!c.review} />
                  </div>
                  <button
                    type="button"
                    class="claim-text"
                    title="Show in the page"
                    onClick={() => void onReveal(c).then((found) => setMissing(!found))}
                  >
                    {c.text.length > CLIP ? `${c.text.slice(0, CLIP)}…` : c.text}
                  </button>
                  {/* An unverified claim says once why to check it (its signals); a check-worthiness
                      score beside it ("Unverified · 0% check-worthy") would contradict that. */}
                  {!c.missed && status !== 'unverified' && <CheckworthyMeter value={c.checkworthiness} checkworthy={c.checkworthy} />}
                  <SignalList claim={c} />
                  <ReviewSummary review={c.review} />
                  {open === c.id ? (
                    <ReviewEditor claim={c} onSave={(r) => onReview(c, r)} onDone={() => setOpen(null)} />
                  ) : (
                    <button type="button" class="link" onClick={() => setOpen(c.id)} data-testid="review-open">
                      {c.review ? 'Edit review' : 'Review'}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
          {missing && (
            <p class="muted" role="status">
              That claim could not be found in the page any more. Read the page again to refresh.
            </p>
          )}
        </>
      )}
      <div class="mark-missed">
        <button
          type="button"
          onClick={() => void onMarkSelection().then(setMarkProblem)}
          data-testid="mark-claim"
          title="Select a sentence in the article first"
        >
          Mark selected text as a claim
        </button>
        {markProblem && (
          <p class="problem" role="alert">
            {markProblem}
          </p>
        )}
      </div>
    </section>
  );
}

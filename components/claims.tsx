/**
 * Pieces of claim UI shared by the side panel and the archive's Claims view: labels, the status
 * badge, the signals list and the review editor. Article text is only ever rendered as text, and
 * evidence links only as http(s) links.
 */
import { useEffect, useState } from 'preact/hooks';
import { CLAIM_STATUSES, claimStatus } from '@/lib/claim-status';
import type { Claim, ClaimKind, ClaimReview, ClaimStatus } from '@/lib/types';
import { safeHref } from './format';

export const STATUS_LABEL: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  verified: 'Verified',
  disputed: 'Disputed',
  false: 'False',
  'not-claim': 'Not a claim',
};

export const KIND_LABEL: Record<ClaimKind, string> = { quote: 'Quote', reported: 'Reported', factual: 'Statement' };

export function StatusBadge({ status, reviewed }: { status: ClaimStatus | null; reviewed: boolean }) {
  if (!status) return null;
  return (
    <span class={`status status-${status}`} data-testid="claim-status" title={reviewed ? 'Your review' : 'From the signals in the text'}>
      {STATUS_LABEL[status]}
    </span>
  );
}

export function CheckworthyMeter({ value, checkworthy }: { value: number; checkworthy: boolean }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <span class={`meter${checkworthy ? ' meter-on' : ''}`} title="How much this looks like a factual claim worth checking" data-testid="checkworthiness">
      <span class="meter-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
      {pct}% check-worthy
    </span>
  );
}

export function SignalList({ claim }: { claim: Claim }) {
  if (!claim.signals.length) return null;
  return (
    <ul class="signals" data-testid="signals">
      {claim.signals.map((s) => (
        <li key={s.code}>{s.reason}</li>
      ))}
    </ul>
  );
}

/** The reader's note and evidence, read-only. */
export function ReviewSummary({ review }: { review: ClaimReview | undefined }) {
  if (!review || (!review.note && !review.evidence.length)) return null;
  return (
    <div class="review-summary">
      {review.note && (
        <p class="note" data-testid="claim-note">
          {review.note}
        </p>
      )}
      {review.evidence.length > 0 && (
        <ul class="evidence">
          {review.evidence.map((u) => {
            const href = safeHref(u);
            return (
              <li key={u}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {u}
                  </a>
                ) : (
                  u
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export type ReviewDraft = Omit<ClaimReview, 'updatedAt'>;

interface EditorProps {
  claim: Claim;
  /** Saves the review (null clears it); resolves to an error sentence, or null when it worked. */
  onSave(review: ReviewDraft | null): Promise<string | null>;
  onDone?(): void;
}

/** Status, note and evidence links for one claim. */
export function ReviewEditor({ claim, onSave, onDone }: EditorProps) {
  const [status, setStatus] = useState<ClaimStatus>(claimStatus(claim) ?? 'unverified');
  const [note, setNote] = useState(claim.review?.note ?? '');
  const [links, setLinks] = useState((claim.review?.evidence ?? []).join('\n'));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setStatus(claimStatus(claim) ?? 'unverified');
    setNote(claim.review?.note ?? '');
    setLinks((claim.review?.evidence ?? []).join('\n'));
  }, [claim.id, claim.review?.updatedAt]);

  async function save(review: ReviewDraft | null) {
    setBusy(true);
    const err = await onSave(review);
    setBusy(false);
    setProblem(err);
    if (!err) onDone?.();
  }

  const id = `r-${claim.id}`;
  return (
    <form
      class="review"
      data-testid="review-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save({ status, note, evidence: links.split(/\s+/).filter(Boolean) });
      }}
    >
      <fieldset>
        <legend>Status</legend>
        <div class="status-choices">
          {CLAIM_STATUSES.map((s) => (
            <label key={s} class={`choice status-${s}`}>
              <input type="radio" name={`${id}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} data-testid={`status-${s}`} />
              {STATUS_LABEL[s]}
            </label>
          ))}
        </div>
      </fieldset>
      <label for={`${id}-note`}>Note</label>
      <textarea id={`${id}-note`} rows={2} maxLength={5000} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="review-note" />
      <label for={`${id}-links`}>Evidence links (one per line)</label>
      <textarea id={`${id}-links`} rows={2} value={links} placeholder="https://" onInput={(e) => setLinks(e.currentTarget.value)} data-testid="review-links" />
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} data-testid="review-save">
          Save review
        </button>
        {claim.review && (
          <button type="button" disabled={busy} onClick={() => void save(null)} data-testid="review-clear">
            {claim.missed ? 'Remove this claim' : 'Clear review'}
          </button>
        )}
      </div>
    </form>
  );
}

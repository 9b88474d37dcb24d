import { useContext, useState } from 'preact/hooks';
import { ClaimMemoryNote, MemoryContext } from '@/components/memory';
import { CheckworthyMeter, KIND_LABEL, ReviewEditor, ReviewSummary, SignalList, StatusBadge, type ReviewDraft } from '@/components/claims';
import { Fold } from '@/components/Fold';
import { plural, speakerLabel } from '@/components/format';
import { claimStatus } from '@/lib/claim-status';
import type { Claim } from '@/lib/types';

const CLIP = 280;

/** The claims claim memory flags (an earlier wording marked false or disputed). */
function useRemembered(): ReadonlySet<string> {
  const memory = useContext(MemoryContext);
  return new Set([...(memory?.values() ?? [])].filter((m) => m.flagged).map((m) => m.claimId));
}
/** How many check-worthy claims without a signal join the unverified ones at the top. */
const TOP_CHECKWORTHY = 3;
/** Unverified claims shown before "Show N more". */
const FIRST_UNVERIFIED = 6;

/**
 * The claims to look at first: every claim the text gives a reason to doubt (or the reader marked),
 * then the few most check-worthy of the rest. Membership does not follow the reader's review, so a
 * claim stays where it is while the reader reviews it.
 */
export function splitClaims(claims: Claim[], remembered: ReadonlySet<string> = new Set()): { toCheck: Claim[]; others: Claim[] } {
  // Claims whose earlier wording the reader marked false or disputed (claim memory) come first of all.
  const doubted = (c: Claim) => c.unverified || c.missed || remembered.has(c.id);
  const flagged = [...claims.filter((c) => remembered.has(c.id)), ...claims.filter((c) => !remembered.has(c.id) && doubted(c))];
  const top = new Set(
    claims
      .filter((c) => !doubted(c) && c.checkworthy)
      .sort((a, b) => b.checkworthiness - a.checkworthiness)
      .slice(0, TOP_CHECKWORTHY),
  );
  return {
    toCheck: [...flagged, ...claims.filter((c) => top.has(c))],
    others: claims.filter((c) => !doubted(c) && !top.has(c)),
  };
}

interface CardProps {
  claim: Claim;
  onReveal(claim: Claim): Promise<boolean>;
  onReview(claim: Claim, review: ReviewDraft | null): Promise<string | null>;
}

/** One claim: who said it, what kind, why to check it; a click shows it in the page; review it. */
function ClaimCard({ claim: c, onReveal, onReview, onMissing }: CardProps & { onMissing(missing: boolean): void }) {
  const [open, setOpen] = useState(false);
  const status = claimStatus(c);
  return (
    <li class={`claim claim-${status ?? 'none'}`} data-testid="claim" data-claim-id={c.id} data-kind={c.kind}>
      <div class="claim-head">
        {c.speaker && (
          <span class="speaker" data-testid="claim-speaker" title={c.speaker}>
            {speakerLabel(c.speaker)}
          </span>
        )}
        <span class="kind">{c.missed ? 'Marked by you' : KIND_LABEL[c.kind]}</span>
        <StatusBadge status={status} reviewed={!!c.review} />
        {/* An unverified claim says once why to check it (its signals); a check-worthiness
            score beside it ("Unverified · 0% check-worthy") would contradict that. */}
        {!c.missed && status !== 'unverified' && <CheckworthyMeter value={c.checkworthiness} checkworthy={c.checkworthy} />}
        {!open && (
          <button type="button" class="link review-open" onClick={() => setOpen(true)} data-testid="review-open" aria-label={`${c.review ? 'Edit review of' : 'Review'} this claim`}>
            {c.review ? 'Edit review' : 'Review'}
          </button>
        )}
      </div>
      <button type="button" class="claim-text" title="Show in the page" onClick={() => void onReveal(c).then((found) => onMissing(!found))}>
        {c.text.length > CLIP ? `${c.text.slice(0, CLIP).trimEnd()}…` : c.text}
      </button>
      <SignalList claim={c} />
      <ReviewSummary review={c.review} />
      <ClaimMemoryNote claimId={c.id} />
      {open && <ReviewEditor claim={c} onSave={(r) => onReview(c, r)} onDone={() => setOpen(false)} />}
    </li>
  );
}

function ClaimList({ claims, compact, ...rest }: Omit<CardProps, 'claim'> & { claims: Claim[]; compact?: boolean }) {
  const [missing, setMissing] = useState(false);
  return (
    <>
      {/* Compact: each claim's text shows two lines until it is focused (clicked), so that several
          fit on the panel's first screen; the whole text stays in the page for screen readers. */}
      <ol class={compact ? 'claims claims-compact' : 'claims'}>
        {claims.map((c) => (
          <ClaimCard key={c.id} claim={c} {...rest} onMissing={setMissing} />
        ))}
      </ol>
      {missing && (
        <p class="muted" role="status">
          That claim could not be found in the page any more. Read the page again to refresh.
        </p>
      )}
    </>
  );
}

interface SectionProps extends Omit<CardProps, 'claim'> {
  claims: Claim[];
  notice?: string;
}

/** The unverified claims, then the most check-worthy ones: what the reader came for. */
export function ToCheckSection({ claims, notice, ...rest }: SectionProps) {
  const [all, setAll] = useState(false);
  const remembered = useRemembered();
  const { toCheck } = splitClaims(claims, remembered);
  const unverified = toCheck.filter((c) => c.unverified || c.missed || remembered.has(c.id));
  const worthy = toCheck.length - unverified.length;
  const shownUnverified = all ? unverified : unverified.slice(0, FIRST_UNVERIFIED);
  const hidden = unverified.length - shownUnverified.length;
  return (
    <Fold
      id="to-check"
      title="Claims to check first"
      count={toCheck.length}
      testId="to-check"
      hint={[unverified.length && `${unverified.length} unverified`, worthy && `${worthy} check-worthy`].filter(Boolean).join(' · ')}
    >
      {toCheck.length === 0 ? (
        <p class="empty muted" data-testid="to-check-empty">
          {claims.length === 0
            ? (notice ?? 'No quotes, reported statements or check-worthy statements were found.')
            : 'Nothing here gives a reason for doubt, and no statement stands out as worth checking.'}
        </p>
      ) : (
        <>
          <ClaimList claims={[...shownUnverified, ...toCheck.slice(unverified.length)]} compact {...rest} />
          {hidden > 0 && (
            <button type="button" class="link" onClick={() => setAll(true)}>
              Show {hidden} more unverified
            </button>
          )}
        </>
      )}
    </Fold>
  );
}

interface OtherProps extends SectionProps {
  /** Whether every claim is marked in the page, not only the ones to doubt. */
  allMarked: boolean | null;
  onMarkAll(on: boolean): void;
  onMarkSelection(): Promise<string | null>;
}

/** The rest of the article's claims in reading order, and the reader's own "this is a claim". */
export function OtherClaimsSection({ claims, notice: _notice, allMarked, onMarkAll, onMarkSelection, ...rest }: OtherProps) {
  const [markProblem, setMarkProblem] = useState<string | null>(null);
  const { others } = splitClaims(claims, useRemembered());
  const reviewed = claims.filter((c) => c.review).length;
  return (
    <Fold id="claims" title="Other claims" count={others.length} testId="claims" foldedByDefault={false}>
      {claims.length > 0 && (
        <p class="muted section-note claims-count">
          {plural(claims.length, 'claim')} in all{reviewed > 0 ? `, ${reviewed} reviewed by you` : ''}; the ones above are not repeated here.
        </p>
      )}
      {allMarked !== null && claims.length > 0 && (
        <label class="switch">
          <input type="checkbox" checked={allMarked} onChange={(e) => onMarkAll(e.currentTarget.checked)} data-testid="toggle-all-claims" />
          Show all claims in the page
        </label>
      )}
      {others.length === 0 ? <p class="empty muted">{claims.length ? 'Every claim is listed above.' : 'None.'}</p> : <ClaimList claims={others} {...rest} />}
      <div class="mark-missed">
        <button type="button" onClick={() => void onMarkSelection().then(setMarkProblem)} data-testid="mark-claim" title="Select a sentence in the article first">
          Mark selected text as a claim
        </button>
        {markProblem && (
          <p class="problem" role="alert">
            {markProblem}
          </p>
        )}
      </div>
    </Fold>
  );
}

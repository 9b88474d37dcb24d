import { Fragment } from 'preact';
import type { Actor, Claim } from '@/lib/types';
import { isTeaserLine, segments, type Segment } from './reader-marks';

const STATUS_WORDS: Record<string, string> = { unverified: 'Unverified claim', verified: 'Verified', disputed: 'Disputed', false: 'False', claim: 'Claim' };
const TYPE_WORDS: Record<string, string> = { PER: 'Person', ORG: 'Organisation', LOC: 'Place' };

/** Consecutive segments under the same claim, so a claim is one mark with its names inside. */
function runs(segs: Segment[]): { claim: Segment['claim']; status: Segment['status']; parts: Segment[] }[] {
  const out: { claim: Segment['claim']; status: Segment['status']; parts: Segment[] }[] = [];
  for (const s of segs) {
    const last = out[out.length - 1];
    if (last && last.claim === s.claim) last.parts.push(s);
    else out.push({ claim: s.claim, status: s.status, parts: [s] });
  }
  return out;
}

/** What a claim mark says on hover: who said it, its status, and why it is marked. */
function claimTitle(c: Claim, status: string): string {
  const why = (c.signals ?? []).map((s) => s.reason).filter(Boolean);
  return [c.speaker || 'No speaker named', `${STATUS_WORDS[status] ?? ''}${c.review ? ' (your review)' : ''}`, ...why].join(' · ');
}

/**
 * The saved article's text as the page showed it: names marked by type, the claims to doubt
 * underlined by status (the page's colours and line styles), the claim asked for highlighted; lines
 * that only point to other stories are left out. Text only: Preact escapes every string.
 */
export function ReaderText({ paragraphs, claims, actors, focus }: { paragraphs: string[]; claims: readonly Claim[]; actors: readonly Actor[]; focus: string | null }) {
  return (
    <div class="reader-text" data-testid="reader-text">
      {paragraphs.map((p, i) => {
        if (isTeaserLine(p) && !claims.some((c) => c.id === focus && c.spans.some((s) => s.paragraph === i))) return null;
        return (
          <p key={i}>
            {runs(segments(p, i, claims, actors, focus)).map((run, j) => {
              const inner = run.parts.map((s, k) =>
                s.actor ? (
                  <span key={k} class={`rm-name rm-${s.actor.type.toLowerCase()}`} title={`${s.actor.name} · ${TYPE_WORDS[s.actor.type] ?? ''}`} data-testid="reader-name">
                    {s.text}
                  </span>
                ) : (
                  <Fragment key={k}>{s.text}</Fragment>
                ),
              );
              const c = run.claim;
              if (!c) return <Fragment key={j}>{inner}</Fragment>;
              const title = claimTitle(c, run.status ?? 'claim');
              return c.id === focus ? (
                <mark key={j} class="claim-mark" data-testid="claim-mark" title={title}>
                  {inner}
                </mark>
              ) : (
                <span key={j} class={`rm-claim rm-claim-${run.status}`} title={title} data-testid="reader-claim">
                  {inner}
                </span>
              );
            })}
          </p>
        );
      })}
    </div>
  );
}

import { Fragment } from 'preact';
import type { Actor, Claim } from '@/lib/types';
import { isTeaserLine, segments } from './reader-marks';

const STATUS_WORDS: Record<string, string> = { unverified: 'Unverified claim', verified: 'Verified', disputed: 'Disputed', false: 'False', claim: 'Claim' };
const TYPE_WORDS: Record<string, string> = { PER: 'Person', ORG: 'Organisation', LOC: 'Place' };

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
            {segments(p, i, claims, actors, focus).map((s, j) => {
              let node = s.actor ? (
                <span class={`rm-name rm-${s.actor.type.toLowerCase()}`} title={`${s.actor.name} · ${TYPE_WORDS[s.actor.type] ?? ''}`} data-testid="reader-name">
                  {s.text}
                </span>
              ) : (
                s.text
              );
              if (s.claim && s.claim.id === focus)
                node = (
                  <mark class="claim-mark" data-testid="claim-mark" title={claimTitle(s.claim, s.status ?? 'claim')}>
                    {node}
                  </mark>
                );
              else if (s.claim)
                node = (
                  <span class={`rm-claim rm-claim-${s.status}`} title={claimTitle(s.claim, s.status ?? 'claim')} data-testid="reader-claim">
                    {node}
                  </span>
                );
              return <Fragment key={j}>{node}</Fragment>;
            })}
          </p>
        );
      })}
    </div>
  );
}

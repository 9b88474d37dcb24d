import { plural } from '@/components/format';
import { claimStatus } from '@/lib/claim-status';
import type { Actor, Claim } from '@/lib/types';
import { rankActors } from './ActorsSection';
import type { CoverageState } from './CoverageSection';

/** How many names the glance line gives. */
const MAIN = 3;

/**
 * Who the article is mainly about: the most mentioned people and organisations (people first on a
 * tie), else the most mentioned names of any kind. Places are where things happen, rarely what an
 * article is about; an organisation is often its subject (the Taliban of a hostage swap, mentioned ten
 * times against the hostages' four, was left out when only people counted). Never a news
 * organisation the article cites or speaks as (`Actor.outlet`: "seen by The Real Deal").
 */
export function mainActors(actors: Actor[]): Actor[] {
  const ranked = rankActors(actors);
  const own = ranked.filter((a) => !a.outlet);
  const named = own.filter((a) => a.type !== 'LOC');
  return (named.length ? named : own).slice(0, MAIN);
}

interface Props {
  claims: Claim[];
  actors: Actor[];
  coverage: CoverageState;
  saved: boolean;
  onJump(sectionId: string): void;
}

/**
 * The article at a glance, before any list: how many claims it does not back up, what the archive
 * holds about the same event, and who it is mainly about. Each line leads to its section.
 */
export function Glance({ claims, actors, coverage, saved, onJump }: Props) {
  const unverified = claims.filter((c) => claimStatus(c) === 'unverified').length;
  const main = mainActors(actors);
  return (
    <ul class="glance" aria-label="At a glance" data-testid="glance">
      <li data-testid="glance-claims">
        <button type="button" class="glance-line" onClick={() => onJump('to-check')}>
          {unverified > 0 ? (
            <>
              <strong class="glance-figure glance-warn">{unverified}</strong> {unverified === 1 ? 'claim' : 'claims'} the article does not back up
              <span class="muted"> (of {claims.length})</span>
            </>
          ) : claims.length > 0 ? (
            <>No claim is flagged as unverified ({plural(claims.length, 'claim')} found)</>
          ) : (
            <>No claims found</>
          )}
        </button>
      </li>
      <li data-testid="glance-coverage">
        <button type="button" class="glance-line" onClick={() => onJump('coverage')}>
          <CoverageLine state={coverage} saved={saved} />
        </button>
      </li>
      {main.length > 0 && (
        <li data-testid="glance-people">
          <button type="button" class="glance-line" onClick={() => onJump('actors')}>
            Mainly about <strong>{main.map((a) => a.name).join(', ')}</strong>
          </button>
        </li>
      )}
    </ul>
  );
}

function CoverageLine({ state, saved }: { state: CoverageState; saved: boolean }) {
  const c = state.coverage;
  if (!c) return <span class="muted">{state.error ? 'Your archive could not be searched' : 'Looking through your archive…'}</span>;
  const others = Math.max(0, c.archived - (saved ? 1 : 0));
  if (others === 0) return <span class="muted">No other article in your archive yet</span>;
  const earlier = Math.max(0, Math.min(c.before, c.same.length));
  const later = c.same.length - earlier;
  if (!c.same.length) {
    return (
      <>
        No earlier report of this event in your archive
        {c.related.length > 0 && <span class="muted"> ({plural(c.related.length, 'related article')})</span>}
      </>
    );
  }
  return (
    <>
      <strong class="glance-figure">{earlier}</strong> earlier {earlier === 1 ? 'report' : 'reports'} of this event in your archive
      {later > 0 && <span class="muted">, {later} later</span>}
    </>
  );
}

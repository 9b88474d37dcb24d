import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Fold } from '@/components/Fold';
import type { Actor, Analysis } from '@/lib/types';

const TYPE_LABEL = { PER: 'People', ORG: 'Organisations', LOC: 'Places' } as const;
/** Names shown before "Show all". */
const FIRST = 8;

/** The article's names, most mentioned first, people before others on a tie, then the analysis's order. */
export function rankActors(actors: Actor[]): Actor[] {
  // People before others on a tie; a stable sort, so among people (or others) mentioned as often the
  // analysis's own order (its salience: the headline, the lead, who speaks) stands.
  const order = { PER: 0, ORG: 1, LOC: 2 } as const;
  return actors.slice().sort((x, y) => y.mentions - x.mentions || order[x.type] - order[y.type]);
}

/**
 * Who the article names: the eight most mentioned, grouped by type, the rest behind "Show all".
 * A click shows the first mention in the page.
 */
export function ActorsSection({ analysis, onReveal }: { analysis: Analysis; onReveal(actor: Actor): Promise<boolean> }) {
  const [missing, setMissing] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const ranked = rankActors(analysis.actors);
  const shown = new Set(all ? ranked : ranked.slice(0, FIRST));
  const groups = (['PER', 'ORG', 'LOC'] as const).map((type) => ({ type, actors: ranked.filter((a) => a.type === type && shown.has(a)) })).filter((g) => g.actors.length > 0);

  async function reveal(a: Actor) {
    setMissing((await onReveal(a)) ? null : a.name);
  }

  return (
    <Fold id="actors" title="Named in this article" count={ranked.length} testId="actors">
      {groups.length === 0 ? (
        <p class="empty muted">{analysis.notice ?? 'No people, organisations or places were found.'}</p>
      ) : (
        groups.map((g) => (
          <div key={g.type} class="actor-group">
            <h3 class="actor-type">{TYPE_LABEL[g.type]}</h3>
            <ul class="chips">
              {g.actors.map((a) => (
                <li key={a.key}>
                  <button
                    type="button"
                    class={`chip chip-${a.type.toLowerCase()}`}
                    data-testid="actor"
                    data-actor-key={a.key}
                    title={[a.role, a.aliases.length > 1 ? `Also: ${a.aliases.filter((x) => x !== a.name).join(', ')}` : ''].filter(Boolean).join(' · ') || undefined}
                    onClick={() => void reveal(a)}
                  >
                    <span class="chip-name">{a.name}</span>
                    {a.role && <span class="chip-role">{a.role}</span>}
                    <span class="chip-count" aria-label={`${a.mentions} mentions`}>
                      {a.mentions}
                    </span>
                  </button>
                  <a
                    class="chip-page"
                    href={browser.runtime.getURL(`/archive.html#/actor/${encodeURIComponent(a.key)}`)}
                    target="_blank"
                    rel="noopener"
                    data-testid="actor-page"
                    title={`${a.name} in your archive: articles, roles, statements`}
                    aria-label={`${a.name}'s page in your archive`}
                  >
                    ↗
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {ranked.length > FIRST && (
        <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)} data-testid="actors-all">
          {all ? `Show the first ${FIRST} only` : `Show all ${ranked.length}`}
        </button>
      )}
      {missing && (
        <p class="muted" role="status">
          “{missing}” could not be found in the page any more. Read the page again to refresh.
        </p>
      )}
    </Fold>
  );
}

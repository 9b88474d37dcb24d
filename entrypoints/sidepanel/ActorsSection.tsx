import { useState } from 'preact/hooks';
import type { Actor, Analysis } from '@/lib/types';

const TYPE_LABEL = { PER: 'People', ORG: 'Organisations', LOC: 'Places' } as const;

/** Who the article names, grouped by type, most mentioned first. A click shows the first mention in the page. */
export function ActorsSection({ analysis, onReveal }: { analysis: Analysis; onReveal(actor: Actor): Promise<boolean> }) {
  const [missing, setMissing] = useState<string | null>(null);
  const groups = (['PER', 'ORG', 'LOC'] as const)
    .map((type) => ({ type, actors: analysis.actors.filter((a) => a.type === type).sort((x, y) => y.mentions - x.mentions) }))
    .filter((g) => g.actors.length > 0);

  async function reveal(a: Actor) {
    setMissing((await onReveal(a)) ? null : a.name);
  }

  return (
    <section class="section" aria-labelledby="actors-h" data-testid="actors">
      <h3 id="actors-h">Named in this article</h3>
      {groups.length === 0 ? (
        <p class="empty muted">{analysis.notice ?? 'No people, organisations or places were found.'}</p>
      ) : (
        groups.map((g) => (
          <div key={g.type} class="actor-group">
            <h4 class="actor-type">{TYPE_LABEL[g.type]}</h4>
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
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {missing && <p class="muted" role="status">“{missing}” could not be found in the page any more. Read the page again to refresh.</p>}
    </section>
  );
}

import type { Analysis } from '@/lib/types';

const TYPE_LABEL = { PER: 'People', ORG: 'Organisations', LOC: 'Places' } as const;

/** Who the article names, grouped by type, most mentioned first. */
export function ActorsSection({ analysis }: { analysis: Analysis }) {
  const groups = (['PER', 'ORG', 'LOC'] as const)
    .map((type) => ({ type, actors: analysis.actors.filter((a) => a.type === type).sort((x, y) => y.mentions - x.mentions) }))
    .filter((g) => g.actors.length > 0);
  return (
    <section class="section" aria-labelledby="actors-h" data-testid="actors">
      <h3 id="actors-h">Named in this article</h3>
      {groups.length === 0 ? (
        <p class="empty muted">No people, organisations or places were found.</p>
      ) : (
        groups.map((g) => (
          <div key={g.type}>
            <h4 class="muted">{TYPE_LABEL[g.type]}</h4>
            <ul class="chips">
              {g.actors.map((a) => (
                <li key={a.key} class={`chip chip-${a.type.toLowerCase()}`} title={a.aliases.join(', ')}>
                  {a.name} <span class="muted">×{a.mentions}</span>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

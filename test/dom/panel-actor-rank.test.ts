/**
 * The panel's order of names: most mentioned first, people first on a tie, and among people
 * mentioned as often the analysis's own order (its salience), so that the headline's name is not
 * put behind others because of its spelling.
 */
import { describe, expect, it } from 'vitest';
import { rankActors } from '../../entrypoints/sidepanel/ActorsSection';
import { mainActors } from '../../entrypoints/sidepanel/Glance';
import type { Actor } from '../../lib/types';

const actor = (name: string, type: Actor['type'], mentions: number): Actor => ({ key: `${type}:${name.toLowerCase()}`, name, type, aliases: [], mentions, role: null });

describe('ranking the names in the panel', () => {
  // As the analysis gives them: the headline's name first among those with 3 mentions.
  const analysed = [
    actor('Nicolas Mahut', 'PER', 4),
    actor('Rafael Nadal', 'PER', 3),
    actor('Spain', 'LOC', 3),
    actor('Feliciano Lopez', 'PER', 3),
    actor('Alexander Bublik', 'PER', 3),
    actor('Croatia', 'LOC', 5),
  ];

  it('puts the most mentioned first, people first on a tie, and keeps the analysis order among those', () => {
    expect(rankActors(analysed).map((a) => a.name)).toEqual(['Croatia', 'Nicolas Mahut', 'Rafael Nadal', 'Feliciano Lopez', 'Alexander Bublik', 'Spain']);
  });

  it('names the main people in that order, and no place', () => {
    expect(mainActors(analysed).map((a) => a.name)).toEqual(['Nicolas Mahut', 'Rafael Nadal', 'Feliciano Lopez']);
  });

  it('names an organisation mentioned more often than the people among them', () => {
    const swap = [
      actor('Timothy Weeks', 'PER', 4),
      actor('United States', 'LOC', 8),
      actor('Taliban', 'ORG', 10),
      actor('Kevin King', 'PER', 3),
      actor('Kabul', 'LOC', 4),
      actor('Mike Pompeo', 'PER', 1),
    ];
    expect(mainActors(swap).map((a) => a.name)).toEqual(['Taliban', 'Timothy Weeks', 'Kevin King']);
    expect(mainActors([actor('Kabul', 'LOC', 4), actor('Qatar', 'LOC', 2)]).map((a) => a.name)).toEqual(['Kabul', 'Qatar']);
  });

  it('does not call an article about a news organisation it only cites', () => {
    const layoffs = [actor('WeWork', 'ORG', 8), actor('Marcelo Claure', 'PER', 5), { ...actor('Real Deal', 'ORG', 2), outlet: true as const }, actor('SoftBank', 'ORG', 2)];
    expect(mainActors(layoffs).map((a) => a.name)).toEqual(['WeWork', 'Marcelo Claure', 'SoftBank']);
    expect(mainActors([{ ...actor('Reuters', 'ORG', 1), outlet: true as const }, actor('Moscow', 'LOC', 1)]).map((a) => a.name)).toEqual(['Moscow']);
  });
});

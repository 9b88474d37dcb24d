/**
 * One name for the places and bodies that news writes in several ways, so that an actor gets the same
 * key in every article ("UK" in one, "United Kingdom" in another). Deliberately short: only variants
 * that are unambiguous in news text. A person is never renamed here.
 */
import type { EntityType } from '../types';

const VARIANTS: Record<string, { type: EntityType | 'ANY'; names: string[] }> = {
  'United Kingdom': { type: 'LOC', names: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'] },
  'United States': { type: 'LOC', names: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America'] },
  'European Union': { type: 'ANY', names: ['EU', 'E.U.'] },
  'United Nations': { type: 'ANY', names: ['UN', 'U.N.'] },
  Nato: { type: 'ANY', names: ['NATO', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation'] },
  'United Arab Emirates': { type: 'LOC', names: ['UAE', 'U.A.E.'] },
  'Democratic Republic of the Congo': { type: 'LOC', names: ['DRC', 'DR Congo'] },
};

const LOOKUP = new Map<string, { canonical: string; type: EntityType | 'ANY' }>();
for (const [canonical, { type, names }] of Object.entries(VARIANTS)) {
  LOOKUP.set(canonical.toLowerCase(), { canonical, type });
  for (const n of names) LOOKUP.set(n.toLowerCase(), { canonical, type });
}

/** The shared name for `name`, or null to keep the article's own. Case matters for acronyms ("us" is not "US"). */
export function canonicalName(name: string, type: EntityType): string | null {
  if (type === 'PER') return null;
  const hit = LOOKUP.get(name.toLowerCase());
  if (!hit) return null;
  // A lower-case or mixed-case form of an all-capitals acronym is a word, not the acronym ("Us", "Un").
  if (name.length <= 3 && name !== name.toUpperCase()) return null;
  return hit.type === 'ANY' || hit.type === type ? hit.canonical : null;
}

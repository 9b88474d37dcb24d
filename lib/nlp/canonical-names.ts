/**
 * One name for the places and bodies that news writes in several ways, so that an actor gets the same
 * key in every article ("UK" in one, "United Kingdom" in another). Deliberately short: only variants
 * that are unambiguous in news text. A person is never renamed here.
 */
import type { EntityType } from '../types';
import { GOVERNING_NOUNS } from './org-words';

const VARIANTS: Record<string, { type: EntityType | 'ANY'; names: string[] }> = {
  'United Kingdom': { type: 'LOC', names: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'] },
  'United States': { type: 'LOC', names: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America'] },
  'European Union': { type: 'ANY', names: ['EU', 'E.U.'] },
  'United Nations': { type: 'ANY', names: ['UN', 'U.N.'] },
  Nato: { type: 'ANY', names: ['NATO', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation'] },
  'United Arab Emirates': { type: 'LOC', names: ['UAE', 'U.A.E.'] },
  'Democratic Republic of the Congo': { type: 'LOC', names: ['DRC', 'DR Congo'] },
  // the US parties by their members and nickname ("Republicans", "GOP")
  'Republican Party': { type: 'ORG', names: ['GOP', 'G.O.P.', 'Republicans'] },
  'Democratic Party': { type: 'ORG', names: ['Democrats', 'Dems'] },
};

/**
 * The US states as news agencies abbreviate them after a town ("Fresno, Calif."), with or without the
 * final dot. Only as places: "Miss." and "Ind." are a title and a party otherwise.
 */
const STATES: Record<string, string> = {
  Ala: 'Alabama',
  Ariz: 'Arizona',
  Ark: 'Arkansas',
  Calif: 'California',
  Colo: 'Colorado',
  Conn: 'Connecticut',
  Del: 'Delaware',
  Fla: 'Florida',
  Ga: 'Georgia',
  Ill: 'Illinois',
  Ind: 'Indiana',
  Kan: 'Kansas',
  Ky: 'Kentucky',
  La: 'Louisiana',
  Md: 'Maryland',
  Mass: 'Massachusetts',
  Mich: 'Michigan',
  Minn: 'Minnesota',
  Miss: 'Mississippi',
  Mo: 'Missouri',
  Mont: 'Montana',
  Neb: 'Nebraska',
  Nev: 'Nevada',
  'N.H': 'New Hampshire',
  'N.J': 'New Jersey',
  'N.M': 'New Mexico',
  'N.Y': 'New York',
  'N.C': 'North Carolina',
  'N.D': 'North Dakota',
  Okla: 'Oklahoma',
  Ore: 'Oregon',
  Pa: 'Pennsylvania',
  'R.I': 'Rhode Island',
  'S.C': 'South Carolina',
  'S.D': 'South Dakota',
  Tenn: 'Tennessee',
  Tex: 'Texas',
  Vt: 'Vermont',
  Va: 'Virginia',
  Wash: 'Washington',
  'W.Va': 'West Virginia',
  Wis: 'Wisconsin',
  Wyo: 'Wyoming',
};

const LOOKUP = new Map<string, { canonical: string; type: EntityType | 'ANY'; abbreviation?: true }>();
for (const [canonical, { type, names }] of Object.entries(VARIANTS)) {
  LOOKUP.set(canonical.toLowerCase(), { canonical, type });
  for (const n of names) LOOKUP.set(n.toLowerCase(), { canonical, type });
}
for (const [short, state] of Object.entries(STATES)) {
  for (const form of [short, short + '.']) LOOKUP.set(form.toLowerCase(), { canonical: state, type: 'LOC', abbreviation: true });
}

const GOVERNING = new Set(GOVERNING_NOUNS);

/** A place's name and a lower-case body of it, as [place, body] ("U.S. military", "UK defence ministry"), or null. */
function bodyOfPlace(name: string): [string, string] | null {
  const words = name.split(' ');
  let cut = words.length - 1;
  if (cut < 1 || !GOVERNING.has(words[cut]!)) return null;
  if (cut >= 2 && /^[a-z]+$/.test(words[cut - 1]!)) cut--;
  return [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
}

/** The shared name for `name`, or null to keep the article's own. Case matters for acronyms ("us" is not "US"). */
export function canonicalName(name: string, type: EntityType): string | null {
  if (type === 'PER') return null;
  // A country's body goes by the country's name: "US government", "U.S. government" and "United States
  // government" are one actor.
  const body = type === 'ORG' ? bodyOfPlace(name) : null;
  if (body) {
    const place = canonicalName(body[0], 'LOC');
    if (place) return `${place} ${body[1]}`;
  }
  const hit = LOOKUP.get(name.toLowerCase());
  if (!hit) return null;
  // A state's abbreviation is written as listed ("Calif.", "Pa."; not "PA", "CALIF" or "calif").
  if (hit.abbreviation) return type === 'LOC' && STATES[name.replace(/\.$/, '')] ? hit.canonical : null;
  // A lower-case or mixed-case form of an all-capitals acronym is a word, not the acronym ("Us", "Un").
  if (name.length <= 3 && name !== name.toUpperCase()) return null;
  return hit.type === 'ANY' || hit.type === type ? hit.canonical : null;
}

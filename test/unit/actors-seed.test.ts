/**
 * The seed article (issue #3): with the shipped model, every actor the fixture lists is found with all its aliases
 * merged into one actor of the right type. Uses the repository's own copy of the article text
 * (test/fixtures/seed-text.json) and public/models/ner.bin, never /work/shared.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildActors } from '../../lib/nlp/actors.ts';
import { findMentions, loadNerModel } from '../../lib/nlp/ner/index.ts';
import type { EntityType } from '../../lib/types.ts';

const root = new URL('../../', import.meta.url);
const { paragraphs } = JSON.parse(readFileSync(new URL('test/fixtures/seed-text.json', root), 'utf8')) as {
  paragraphs: string[];
};
const model = loadNerModel(readFileSync(new URL('public/models/ner.bin', root)));

/** From the seed fixture's expected.json ("actors"). */
const EXPECTED: Record<EntityType, { name: string; aliases: string[] }[]> = {
  PER: [
    { name: 'Keir Starmer', aliases: ['Sir Keir Starmer', 'Keir Starmer', 'Sir Keir'] },
    { name: 'Donald Trump', aliases: ['Donald Trump', 'Mr Trump', 'President Trump'] },
    { name: 'Volodymyr Zelensky', aliases: ['Volodymyr Zelensky', 'President Zelensky', 'Mr Zelensky'] },
    { name: 'Vladimir Putin', aliases: ['Vladimir Putin', 'Putin'] },
    { name: 'Steve Witkoff', aliases: ['Steve Witkoff'] },
    { name: 'Emmanuel Macron', aliases: ['Emmanuel Macron'] },
    { name: 'Tony Radakin', aliases: ['Sir Tony Radakin'] },
    { name: 'Ignazio Cassis', aliases: ['Ignazio Cassis', 'Mr Cassis'] },
    { name: 'Biden', aliases: ['Biden'] },
  ],
  ORG: [
    { name: 'Nato', aliases: ['Nato'] },
    { name: 'BBC', aliases: ['BBC'] },
    { name: 'Fox News', aliases: ['Fox News'] },
    { name: 'International Criminal Court', aliases: ['International Criminal Court'] },
  ],
  LOC: [
    { name: 'UK', aliases: ['UK', 'United Kingdom'] },
    { name: 'Ukraine', aliases: ['Ukraine'] },
    { name: 'Russia', aliases: ['Russia'] },
    { name: 'US', aliases: ['US'] },
    { name: 'Washington', aliases: ['Washington'] },
    { name: 'Moscow', aliases: ['Moscow'] },
    { name: 'Kyiv', aliases: ['Kyiv'] },
    { name: 'Europe', aliases: ['Europe'] },
    { name: 'Switzerland', aliases: ['Switzerland'] },
    { name: 'Crimea', aliases: ['Crimea'] },
  ],
};
const EITHER_ORG_OR_LOC = ['Downing Street', 'White House', 'Paris Match'];

describe('seed article: actors with the shipped model', () => {
  const mentions = findMentions(model, paragraphs);
  const { actors, mentions: merged } = buildActors(paragraphs, mentions);

  it('has the article text', () => {
    expect(paragraphs.length).toBe(22);
    expect(paragraphs[1]).toMatch(/^The UK is preparing to deploy troops to Ukraine/);
  });

  for (const type of ['PER', 'ORG', 'LOC'] as EntityType[]) {
    for (const exp of EXPECTED[type]) {
      it(`${type} ${exp.name}: ${exp.aliases.join(' / ')} in one actor`, () => {
        const holders = actors.filter((a) => exp.aliases.some((x) => a.aliases.includes(x)));
        expect(holders.map((a) => `${a.type} ${a.name} [${a.aliases.join(', ')}]`)).toHaveLength(1);
        const actor = holders[0]!;
        expect(actor.type).toBe(type);
        for (const alias of exp.aliases) expect(actor.aliases).toContain(alias);
      });
    }
  }

  for (const name of EITHER_ORG_OR_LOC) {
    it(`${name} is found as ORG or LOC`, () => {
      const found = merged.filter((m) => m.text === name);
      expect(found.length).toBeGreaterThan(0);
      for (const m of found) expect(['ORG', 'LOC']).toContain(m.type);
    });
  }

  it('mentions point into their paragraphs and carry actor keys', () => {
    for (const m of merged) {
      expect(paragraphs[m.paragraph]!.slice(m.start, m.end)).toBe(m.text);
      expect(actors.some((a) => a.key === m.actorKey)).toBe(true);
    }
    expect(actors.find((a) => a.name === 'Keir Starmer')!.key).toBe('PER:keir starmer');
  });

  it('resolves roles written next to names', () => {
    expect(actors.find((a) => a.name === 'Steve Witkoff')!.role).toBe("Mr Trump's envoy");
    expect(actors.find((a) => a.name === 'Ignazio Cassis')!.role).toBe('Switzerland’s foreign minister');
  });
});

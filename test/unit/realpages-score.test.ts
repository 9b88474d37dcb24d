/**
 * The real-page scores (../shared/data/realpages/GUIDE.md, lib/cli/eval/realpages-score.ts) on small
 * gold and prediction objects written for these tests. Each case is built so that a plausible wrong
 * reading of the definition gives a different number.
 */
import { describe, expect, it } from 'vitest';
import type { GoldActor, GoldQuote } from '../../lib/cli/eval/realpages-gold.ts';
import { parseGold } from '../../lib/cli/eval/realpages-gold.ts';
import {
  addCounts,
  containsWords,
  emptyCounts,
  figures,
  normName,
  scoreActors,
  scoreFlags,
  scorePage,
  scoreQuotes,
  speakerRight,
  textWords,
  type ListedActor,
  type ScoredClaim,
} from '../../lib/cli/eval/realpages-score.ts';

const actor = (name: string, type: ListedActor['type'], mentions = 1, aliases: string[] = [name]): ListedActor => ({ name, type, mentions, aliases });
const claim = (text: string, speaker: string | null = null, unverified = false): ScoredClaim => ({ text, speaker, unverified });

describe('name forms', () => {
  it('ignore case, punctuation, a possessive, a leading "the" and an honorific', () => {
    expect(normName("Mr. Trump's")).toBe('trump');
    expect(normName('MR TRUMP')).toBe('trump');
    expect(normName('Dr Jane Goodall')).toBe('jane goodall');
    expect(normName('The BBC’s')).toBe('bbc');
    expect(normName('U.S.')).toBe(normName('US'));
    expect(normName('Al-Shabaab')).toBe(normName('al Shabaab'));
    expect(normName('Jones’')).toBe('jones');
  });
  it('keep what is not an honorific, a leading "the" or a final possessive', () => {
    expect(normName('President Trump')).toBe('president trump');
    expect(normName('Bank of the West')).toBe('bank of the west');
    expect(normName('Trumpet')).toBe('trumpet');
    // A lone honorific is not emptied.
    expect(normName('Mr')).toBe('mr');
    // A word ending in s is not a possessive.
    expect(normName('Los Angeles')).toBe('los angeles');
  });
});

const GOLD: GoldActor[] = [
  { name: 'Donald Trump', type: 'PER', aliases: ['Trump', 'Mr Trump'] },
  { name: 'BBC', type: 'ORG', aliases: ['British Broadcasting Corporation'] },
  { name: 'Seattle', type: 'LOC', aliases: [] },
];

describe('actors', () => {
  it('real, typed, recall and splits on normalised forms', () => {
    const s = scoreActors(GOLD, [
      actor("Mr. Trump's", 'PER', 5), // real and typed only through honorific + possessive normalisation
      actor('The BBC', 'ORG', 3), // through the leading "the"
      actor('Seattle', 'ORG', 4), // real, wrong type
      actor('Donald Trump', 'PER', 2), // a second entry for Trump: a split
      actor('Getty Images', 'ORG', 1), // a photo credit: not real
    ]);
    expect(s).toMatchObject({ listed: 5, real: 4, typed: 3, gold: 3, recalled: 3, splits: 1 });
    expect(s.missed).toEqual([]);
    expect(s.splitGroups.map((g) => [g.gold.name, g.actors.map((a) => a.name)])).toEqual([['Donald Trump', ["Mr. Trump's", 'Donald Trump']]]);
    const f = figures(
      addCounts(emptyCounts(), scorePage({ page: 'p', url: null, actors: GOLD, quotes: [], unverified: [], source: null, notes: null }, { actors: [], claims: [], words: 0 }).counts),
      1,
    );
    expect(f.actor_precision).toBeNaN(); // nothing listed: no precision, not 0 or 1
    expect(f.actor_recall).toBe(0);
  });

  it('splits count every entry beyond the first, per gold actor and per page', () => {
    const s = scoreActors(GOLD, [actor('Trump', 'PER'), actor('Donald Trump', 'PER'), actor('Mr Trump', 'ORG'), actor('BBC', 'ORG'), actor('British Broadcasting Corporation', 'ORG')]);
    expect(s.splits).toBe(3);
    expect(s.recalled).toBe(2);
    const c = addCounts(
      addCounts(
        emptyCounts(),
        scorePage(
          { page: 'a', url: null, actors: GOLD, quotes: [], unverified: [], source: null, notes: null },
          { actors: [actor('Trump', 'PER'), actor('Donald Trump', 'PER')], claims: [], words: 0 },
        ).counts,
      ),
      scorePage({ page: 'b', url: null, actors: GOLD, quotes: [], unverified: [], source: null, notes: null }, { actors: [actor('Seattle', 'LOC')], claims: [], words: 0 }).counts,
    );
    expect(figures(c, 2).actor_splits_per_page).toBe(0.5);
  });

  it('a listed actor stands for one gold actor: the one sharing most forms, then its own type', () => {
    const gold: GoldActor[] = [
      { name: 'George Washington', type: 'PER', aliases: ['Washington'] },
      { name: 'Washington', type: 'LOC', aliases: ['Washington, D.C.'] },
    ];
    const city = scoreActors(gold, [actor('Washington', 'LOC')]);
    expect(city.matches[0]!.gold).toBe(1);
    expect(city).toMatchObject({ real: 1, typed: 1, recalled: 1, splits: 0 });
    const person = scoreActors(gold, [actor('George Washington', 'PER', 3, ['George Washington', 'Washington'])]);
    expect(person.matches[0]!.gold).toBe(0);
    expect(person).toMatchObject({ typed: 1, recalled: 1 });
    // A person wrongly typed as a place still counts as the person when it shares more of the person's forms.
    const wrong = scoreActors(gold, [actor('George Washington', 'LOC', 3, ['George Washington', 'Washington'])]);
    expect(wrong).toMatchObject({ real: 1, typed: 0 });
  });

  it('type accuracy is typed over real actors', () => {
    const s = scoreActors(GOLD, [actor('Trump', 'PER'), actor('Seattle', 'ORG'), actor('Photo', 'PER'), actor('Subscribe', 'PER')]);
    const f = figures({ ...emptyCounts(), actors: s }, 1);
    expect(f.actor_precision).toBe(0.5);
    expect(f.actor_precision_typed).toBe(0.25);
    expect(f.actor_type_accuracy).toBe(0.5);
  });

  it('top 8 are the most mentioned actors, not the first 8 listed', () => {
    const gold: GoldActor[] = Array.from({ length: 10 }, (_, i) => ({ name: `Person ${'ABCDEFGHIJ'[i]}`, type: 'PER' as const, aliases: [] }));
    const listed = [actor('Credit Ashraf', 'PER', 1), actor('Read', 'ORG', 1), ...gold.slice(0, 8).map((g, i) => actor(g.name, 'PER', 10 - i))];
    const s = scoreActors(gold, listed);
    expect(s.top8).toBe(8);
    expect(s.top8Typed).toBe(8);
    // Junk with many mentions does reach the top 8.
    const s2 = scoreActors(gold, [actor('Getty Images', 'PER', 50), ...listed.slice(2)]);
    expect(s2.top8Typed).toBe(7);
    // Ties keep the extension's order: the junk listed first is in, the last real one is out.
    const tie = scoreActors(gold, [actor('Photo', 'PER', 2), ...gold.slice(0, 8).map((g) => actor(g.name, 'PER', 2))]);
    expect(tie.top8Typed).toBe(7);
    // Fewer than 8 actors: all of them.
    expect(scoreActors(gold, listed.slice(0, 3))).toMatchObject({ top8: 3, top8Typed: 1 });
  });
});

describe('quotes', () => {
  const actors: GoldActor[] = [
    { name: 'Hori Parata', type: 'PER', aliases: ['Parata'] },
    { name: 'Kim Jong Un', type: 'PER', aliases: ['Kim'] },
    { name: 'Northland', type: 'LOC', aliases: [] },
  ];
  const q = (speaker: string | null, accept: string[] = []): GoldQuote => ({ text: 'x', speaker, accept });

  it('speaker: a form of the gold speaker, one held as a whole word of more than 3 letters, or an accept string', () => {
    expect(speakerRight('Parata', q('Hori Parata'), actors)).toBe(true);
    expect(speakerRight("Mr Parata's", q('Hori Parata'), actors)).toBe(true);
    expect(speakerRight('Ngātiwai elder Hori Parata', q('Hori Parata'), actors)).toBe(true);
    expect(speakerRight('Northland', q('Hori Parata'), actors)).toBe(false);
    expect(speakerRight('Paratas', q('Hori Parata'), actors)).toBe(false); // not a whole word
    expect(speakerRight(null, q('Hori Parata'), actors)).toBe(false);
    expect(speakerRight('a fierce elder', q('Hori Parata', ['a fierce elder']), actors)).toBe(true);
    expect(speakerRight('a fierce elder of the tribe', q('Hori Parata', ['a fierce elder']), actors)).toBe(false); // accept strings must be equal
    // "Kim" is a form (equal is right) but has only 3 letters: holding it is not enough.
    expect(speakerRight('Kim', q('Kim Jong Un'), actors)).toBe(true);
    expect(speakerRight('Kim Yo Jong', q('Kim Jong Un'), actors)).toBe(false);
    // A speaker phrase that is no gold actor stands for itself.
    expect(speakerRight('A Downing Street spokesperson for Keir Starmer', q('a Downing Street spokesperson'), actors)).toBe(true);
    expect(speakerRight('Downing Street', q('a Downing Street spokesperson'), actors)).toBe(false);
    // A gold speaker given by an alias stands for the whole actor.
    expect(speakerRight('Hori Parata', q('Parata'), actors)).toBe(true);
  });

  it('found when a claim holds the fragment as whole words, whatever the quote marks and paragraph breaks', () => {
    const gold = {
      actors,
      quotes: [
        { text: 'we will not let them take the river from us', speaker: 'Hori Parata', accept: [] },
        { text: 'and the whales came back every single year', speaker: 'Hori Parata', accept: [] },
        { text: 'ask for it and you will get the answer', speaker: 'Hori Parata', accept: [] },
      ],
    };
    const claims = [
      claim('“We will not let them take the river from us,” said Northland’s fierce elder.', 'Northland'),
      claim('“They came every winter, and the whales came back\n\nevery single year.”', 'Parata'),
      claim('He asked for it and you will get the answer.', 'Parata'),
    ];
    const s = scoreQuotes(gold, claims);
    expect(s.results.map((r) => r.claims.length > 0)).toEqual([true, true, false]);
    expect(s).toMatchObject({ quotes: 3, found: 2, right: 1 });
    // Speaker accuracy is over gold quotes, so the missed quote counts against it.
    expect(figures({ ...emptyCounts(), quotes: s }, 1).quote_speaker_accuracy).toBeCloseTo(1 / 3);
    expect(figures({ ...emptyCounts(), quotes: s }, 1).quote_found).toBeCloseTo(2 / 3);
  });

  it('word containment is whole words in a row', () => {
    expect(containsWords(textWords('He asked for it.'), textWords('ask for it'))).toBe(false);
    expect(containsWords(textWords('He said: “I ask for it!”'), textWords('ask for it'))).toBe(true);
    expect(containsWords(textWords('for it ask'), textWords('ask for it'))).toBe(false);
    expect(containsWords(textWords('anything'), [])).toBe(false);
  });
});

describe('flags', () => {
  it('precision over flagged claims, recall over gold fragments, only flagged claims count', () => {
    const fragments = [
      'the minister is said to have known about the payments',
      'according to people familiar with the talks the deal is close',
      'a source said the vote would be delayed until spring',
    ];
    const claims = [
      claim('The minister is said to have known about the payments, and according to people familiar with the talks, the deal is close.', null, true),
      claim('Officials announced the new bridge would open in May.', 'Officials', true),
      claim('A source said the vote would be delayed until spring.', 'A source', false),
      claim('The weather was fine.', null, false),
    ];
    const s = scoreFlags(fragments, claims);
    // One flagged claim holds two fragments: it counts once for precision, both fragments count for recall.
    expect(s).toMatchObject({ flagged: 2, flaggedRight: 1, fragments: 3, fragmentsFound: 2 });
    expect(s.falseFlags.map((c) => c.text)).toEqual(['Officials announced the new bridge would open in May.']);
    // The third fragment is in a claim, but not a flagged one: missed.
    expect(s.missed).toEqual([fragments[2]]);
    const f = figures({ ...emptyCounts(), flags: s }, 1);
    expect(f.flag_precision).toBe(0.5);
    expect(f.flag_recall).toBeCloseTo(2 / 3);
  });
});

describe('pooling', () => {
  it('pools counts over pages (micro), and density is claims per 1,000 words of article', () => {
    const page = (listed: ListedActor[], claims: ScoredClaim[], words: number) =>
      scorePage({ page: 'p', url: null, actors: GOLD, quotes: [], unverified: [], source: null, notes: null }, { actors: listed, claims, words }).counts;
    const total = addCounts(
      addCounts(emptyCounts(), page([actor('Trump', 'PER')], [claim('a'), claim('b')], 100)),
      page([actor('Photo', 'PER'), actor('Read', 'PER'), actor('BBC', 'ORG')], [claim('c'), claim('d'), claim('e'), claim('f')], 900),
    );
    const f = figures(total, 2);
    // Micro: 2 real of 4 listed (a mean of page precisions would be (1 + 1/3) / 2).
    expect(f.actor_precision).toBe(0.5);
    expect(f.claims_per_1000_words).toBe(6);
  });
});

describe('gold files', () => {
  it('reads the guide format and says what is wrong', () => {
    const g = parseGold({ url: 'https://example.org/a', actors: [{ name: ' Hori Parata ', type: 'PER', aliases: ['Parata'] }] }, 'hori');
    expect(g).toMatchObject({ page: 'hori', url: 'https://example.org/a', quotes: [], unverified: [], source: null });
    expect(g.actors[0]!.name).toBe('Hori Parata');
    expect(() => parseGold({ actors: [{ name: 'Brexit', type: 'MISC' }] }, 'p1')).toThrow(/p1: actors\[0\] \("Brexit"\) has type "MISC"/);
    expect(() => parseGold({ actors: [], quotes: [{ speaker: 'x' }] }, 'p2')).toThrow(/p2: quotes\[0\] needs a "text"/);
    expect(() => parseGold([], 'p3')).toThrow(/p3/);
  });
});

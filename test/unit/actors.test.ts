import { describe, expect, it } from 'vitest';
import { buildActors } from '../../lib/nlp/actors.ts';
import type { EntityType, Mention } from '../../lib/types.ts';

/** Mentions of the given surface strings, found in order in the paragraphs (handmade "tagger output"). */
function mark(paragraphs: string[], spec: [number, string, EntityType][]): Mention[] {
  const from = new Map<number, number>();
  return spec.map(([p, text, type]) => {
    const start = paragraphs[p]!.indexOf(text, from.get(p) ?? 0);
    if (start < 0) throw new Error(`"${text}" not in paragraph ${p}`);
    from.set(p, start + text.length);
    return { paragraph: p, start, end: start + text.length, text, type };
  });
}

const byName = <A extends { name: string }>(actors: A[], name: string) => actors.find((a) => a.name === name);

describe('buildActors', () => {
  it('merges full name, surname, honorific and first-name forms (Mr, Sir, President)', () => {
    const ps = ['Sir Keir Starmer met Donald Trump in Washington.', 'Mr Trump said Sir Keir was right. Starmer agreed, and President Trump left.'];
    const ms = mark(ps, [
      [0, 'Keir Starmer', 'PER'],
      [0, 'Donald Trump', 'PER'],
      [0, 'Washington', 'LOC'],
      [1, 'Mr Trump', 'PER'], // honorific inside the span
      [1, 'Keir', 'PER'], // honorific before the span
      [1, 'Starmer', 'PER'],
      [1, 'Trump', 'PER'],
    ]);
    const { actors, mentions } = buildActors(ps, ms);
    const starmer = byName(actors, 'Keir Starmer')!;
    expect(starmer.key).toBe('PER:keir starmer');
    expect(starmer.aliases.sort()).toEqual(['Sir Keir', 'Sir Keir Starmer', 'Starmer']);
    expect(starmer.mentions).toBe(3);
    const trump = byName(actors, 'Donald Trump')!;
    expect(trump.aliases.sort()).toEqual(['Donald Trump', 'Mr Trump', 'President Trump'].sort());
    expect(trump.mentions).toBe(3);
    expect(actors.length).toBe(3);
    // most mentioned first, then first seen
    expect(actors.map((a) => a.name)).toEqual(['Keir Starmer', 'Donald Trump', 'Washington']);
    // mentions carry their actor's key; an honorific before the name joins the mention's span
    expect(mentions.every((m) => m.actorKey)).toBe(true);
    const sirKeir = mentions.find((m) => m.text === 'Sir Keir')!;
    expect(ps[1]!.slice(sirKeir.start, sirKeir.end)).toBe('Sir Keir');
  });

  it('never keeps a possessive, and a personal honorific makes a person', () => {
    const ps = ["Nato’s chief spoke. Mr Rutte's plan was backed by NATO and by Rutte."];
    const ms = mark(ps, [
      [0, 'Nato’s', 'ORG'],
      [0, "Mr Rutte's", 'ORG'], // wrong type from the tagger
      [0, 'NATO', 'ORG'],
      [0, 'Rutte', 'PER'],
    ]);
    const { actors, mentions } = buildActors(ps, ms);
    const nato = actors.find((a) => a.key === 'ORG:nato')!;
    expect(nato.mentions).toBe(2);
    expect(nato.aliases.sort()).toEqual(['NATO', 'Nato']);
    const rutte = actors.find((a) => a.type === 'PER')!;
    expect(rutte.key).toBe('PER:rutte');
    expect(rutte.aliases.sort()).toEqual(['Mr Rutte', 'Rutte']);
    expect(mentions.find((m) => m.text.startsWith('Nato'))!.text).toBe('Nato');
  });

  it('joins an acronym and its expansion when both occur', () => {
    const ps = ['The International Criminal Court issued a warrant. The ICC said the United Kingdom agreed.', 'The UK and the US did not. The ECB was silent.'];
    const ms = mark(ps, [
      [0, 'International Criminal Court', 'ORG'],
      [0, 'ICC', 'ORG'],
      [0, 'United Kingdom', 'LOC'],
      [1, 'UK', 'LOC'],
      [1, 'US', 'LOC'],
      [1, 'ECB', 'ORG'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(byName(actors, 'International Criminal Court')!.aliases.sort()).toEqual(['ICC', 'International Criminal Court']);
    expect(byName(actors, 'United Kingdom')!.aliases.sort()).toEqual(['UK', 'United Kingdom']);
    expect(byName(actors, 'US')!.mentions).toBe(1); // no expansion in the text: stays alone
    expect(byName(actors, 'ECB')!.key).toBe('ORG:ecb');
  });

  it("a surname joined to its person is not also a body's short name", () => {
    // "Trump" in "Trump's administration" is tagged a body; it is Donald Trump's surname, and the
    // Trump administration stays an organisation of its own, not the name of the person
    const ps = ['The administration of President Donald Trump acted.', "It was the latest move by Trump's administration.", 'They rejected the Trump administration as a mediator.'];
    const ms = mark(ps, [
      [0, 'Donald Trump', 'PER'],
      [1, 'Trump', 'ORG'],
      [2, 'Trump administration', 'ORG'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(actors.map((a) => [a.type, a.name, a.mentions])).toEqual([
      ['PER', 'Donald Trump', 2],
      ['ORG', 'Trump administration', 1],
    ]);
  });
  it('does not merge different people who share a surname', () => {
    const ps = ['Hillary Clinton and Bill Clinton spoke. Clinton left.'];
    const ms = mark(ps, [
      [0, 'Hillary Clinton', 'PER'],
      [0, 'Bill Clinton', 'PER'],
      [0, 'Clinton', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(actors.length).toBe(3);
  });

  it('settles a type disagreement by the surname and honorifics', () => {
    const ps = ['Talks with Volodymyr Zelensky ended. Mr Zelensky said so, and Zelensky left.'];
    const ms = mark(ps, [
      [0, 'Volodymyr Zelensky', 'ORG'],
      [0, 'Zelensky', 'PER'],
      [0, 'Zelensky', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(actors.length).toBe(1);
    expect(actors[0]).toMatchObject({ key: 'PER:volodymyr zelensky', type: 'PER', mentions: 3 });
  });

  it('finds role phrases next to a name', () => {
    const ps = [
      'French president Emmanuel Macron spoke.',
      "Mr Trump's envoy, Steve Witkoff, suggested a deal.",
      'Switzerland has offered talks, with its foreign minister, Ignazio Cassis, offering immunity.',
      'Keir Starmer, the prime minister, agreed.',
    ];
    const ms = mark(ps, [
      [0, 'Emmanuel Macron', 'PER'],
      [1, 'Mr Trump', 'PER'],
      [1, 'Steve Witkoff', 'PER'],
      [2, 'Switzerland', 'LOC'],
      [2, 'Ignazio Cassis', 'PER'],
      [3, 'Keir Starmer', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(byName(actors, 'Emmanuel Macron')!.role).toBe('French president');
    expect(byName(actors, 'Steve Witkoff')!.role).toBe("Mr Trump's envoy");
    expect(byName(actors, 'Ignazio Cassis')!.role).toBe("Switzerland's foreign minister");
    expect(byName(actors, 'Keir Starmer')!.role).toBe('prime minister');
    expect(byName(actors, 'Trump')!.role).toBeNull();
  });

  it('does not take a faith’s adjective before a lower-case word for a name, nor for the short form of one', () => {
    const ps = ['During the call, he asked about the Muslim Brotherhood.', 'Omar is one of the first two Muslim women elected to Congress.'];
    const ms = mark(ps, [
      [0, 'Muslim Brotherhood', 'ORG'],
      [1, 'Muslim', 'ORG'],
      [1, 'Congress', 'ORG'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(byName(actors, 'Muslim Brotherhood')).toMatchObject({ mentions: 1, aliases: ['Muslim Brotherhood'] });
    expect(actors.map((a) => a.name)).not.toContain('Muslim');
  });

  it('takes a role with the place or body it serves before the name', () => {
    const ps = [
      'Velloria’s ambassador to Britain Ana Brisco said talks had failed.',
      'The envoy to the United Nations Tom Price agreed.',
      'Britain Liu Wen answered.',
      'A spokesman for Velloria President Tom Hale declined to comment.',
    ];
    const ms = mark(ps, [
      [0, 'Velloria', 'LOC'],
      [0, 'Britain', 'LOC'],
      [0, 'Ana Brisco', 'PER'],
      [1, 'United Nations', 'ORG'],
      [1, 'Tom Price', 'PER'],
      [2, 'Britain', 'LOC'],
      [2, 'Liu Wen', 'PER'],
      [3, 'Velloria', 'LOC'],
      [3, 'President Tom Hale', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(byName(actors, 'Ana Brisco')!.role).toBe('Velloria’s ambassador to Britain');
    expect(byName(actors, 'Tom Price')!.role).toBe('envoy to the United Nations');
    // a place before a name is no role
    expect(byName(actors, 'Liu Wen')!.role).toBeNull();
    // a name with a title of its own: the role before it is someone else's, the place is his
    expect(byName(actors, 'Tom Hale')!.role).toBe('Velloria President');
  });

  it('takes a title before the name as the role when no role phrase is beside it, written out, with its place, not an honorific', () => {
    const ps = [
      'Governor Hal Brennan said 26 people had died.',
      'Gov. Eric Holcomb and Dr. Anne Mills will visit, as will Sir Keir Starmer.',
      'South Dakota Gov. Kristi Noem and Rep. Ilhan Omar spoke.',
      'After visiting Ukraine Sen. Tom Vale said aid would follow, and Lt Col Ana Ruiz agreed.',
    ];
    const ms = mark(ps, [
      [0, 'Governor Hal Brennan', 'PER'],
      [1, 'Gov. Eric Holcomb', 'PER'],
      [1, 'Dr. Anne Mills', 'PER'],
      [1, 'Sir Keir Starmer', 'PER'],
      [2, 'South Dakota', 'LOC'],
      [2, 'Gov. Kristi Noem', 'PER'],
      [2, 'Rep. Ilhan Omar', 'PER'],
      [3, 'Ukraine', 'LOC'],
      [3, 'Sen. Tom Vale', 'PER'],
      [3, 'Lt Col Ana Ruiz', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(byName(actors, 'Hal Brennan')!.role).toBe('Governor');
    expect(byName(actors, 'Eric Holcomb')!.role).toBe('Governor');
    expect(byName(actors, 'Kristi Noem')!.role).toBe('South Dakota Governor');
    expect(byName(actors, 'Ilhan Omar')!.role).toBe('Representative');
    // a place the sentence goes to is not the title's; an abbreviation without dots is written out too
    expect(byName(actors, 'Tom Vale')!.role).toBe('Senator');
    expect(byName(actors, 'Ana Ruiz')!.role).toBe('Lieutenant Colonel');
    expect(byName(actors, 'Anne Mills')!.role).toBeNull();
    expect(byName(actors, 'Keir Starmer')!.role).toBeNull();
  });

  it('keeps the whole office before a name: its office words, its body or place, its nationality', () => {
    const ps = [
      'Velloran Foreign Minister Ana Brisco and Harbour House Press Secretary Tom Hale spoke.',
      'On Tuesday Defence Secretary Liu Wen replied, and Committee Chairman Rep. Jo Vance, with Speaker of the Senate Sen. Al Ruiz, agreed.',
      'Harbour House press secretary Mia Lund and North Dakota governor Ed Marsh disagreed.',
    ];
    const ms = mark(ps, [
      [0, 'Minister Ana Brisco', 'PER'],
      [0, 'Harbour House', 'ORG'],
      [0, 'Secretary Tom Hale', 'PER'],
      [1, 'Secretary Liu Wen', 'PER'],
      [1, 'Committee Chairman', 'ORG'],
      [1, 'Rep. Jo Vance', 'PER'],
      [1, 'Senate', 'ORG'],
      [1, 'Sen. Al Ruiz', 'PER'],
      [2, 'Harbour House', 'ORG'],
      [2, 'Mia Lund', 'PER'],
      [2, 'North Dakota', 'LOC'],
      [2, 'Ed Marsh', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms, { facts: (n) => ({ org: false, loc: false, cityOnly: false, firstName: false, demonym: n === 'Velloran' }) });
    expect(byName(actors, 'Ana Brisco')!.role).toBe('Velloran Foreign Minister');
    expect(byName(actors, 'Tom Hale')!.role).toBe('Harbour House Press Secretary');
    // a weekday is nobody's office; another title, or the end of one, is not the owner
    expect(byName(actors, 'Liu Wen')!.role).toBe('Defence Secretary');
    expect(byName(actors, 'Jo Vance')!.role).toBe('Representative');
    expect(byName(actors, 'Al Ruiz')!.role).toBe('Senator');
    // a role in lower case takes the whole body or place before it
    expect(byName(actors, 'Mia Lund')!.role).toBe('Harbour House press secretary');
    expect(byName(actors, 'Ed Marsh')!.role).toBe('North Dakota governor');
  });

  it('reads a role in apposition with what it serves, a past office, and no clause or owner that is not the role’s', () => {
    const ps = [
      'Ana Ruiz, a senior analyst at Harbourline, said the move was risky, and Tom Vale, another top BHA aide, agreed.',
      'Jo Pak, former mayor of Brakia who is close to the family, and Ed Lund, an adviser to Mrs. Vale, spoke.',
      'Mia Lopez, who lives nearby, and Al Cole, whose teacher was ill, watched; former Governor Liu Wen and ex-Senator Ada Ng did not.',
      'They met at the beach house of investor Bo Kerr.',
    ];
    const ms = mark(ps, [
      [0, 'Ana Ruiz', 'PER'],
      [0, 'Harbourline', 'ORG'],
      [0, 'Tom Vale', 'PER'],
      [0, 'BHA', 'ORG'],
      [1, 'Jo Pak', 'PER'],
      [1, 'Brakia', 'LOC'],
      [1, 'Ed Lund', 'PER'],
      [1, 'Mrs. Vale', 'PER'],
      [2, 'Mia Lopez', 'PER'],
      [2, 'Al Cole', 'PER'],
      [2, 'Governor Liu Wen', 'PER'],
      [2, 'Senator Ada Ng', 'PER'],
      [3, 'Bo Kerr', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms);
    const role = (n: string) => byName(actors, n)!.role;
    expect(role('Ana Ruiz')).toBe('senior analyst at Harbourline');
    expect(role('Tom Vale')).toBe('top BHA aide');
    expect(role('Jo Pak')).toBe('former mayor of Brakia');
    expect(role('Ed Lund')).toBe('adviser to Mrs. Vale');
    expect(role('Mia Lopez')).toBeNull();
    expect(role('Al Cole')).toBeNull();
    expect(role('Liu Wen')).toBe('former Governor');
    expect(role('Ada Ng')).toBe('former Senator');
    expect(role('Bo Kerr')).toBe('investor');

    const qs = [
      'Lt Col Ivo Dean, a Brakia specialist on the Harbour Council (HC), and Una Bell, a top aide to Governor Vale on the governor’s call, spoke.',
      'Ola Kent, an analyst at the Council on Energy, and Pia Holm, who served as mayor of Brakia, agreed. Later Ambassador Kent left.',
    ];
    const people = buildActors(
      qs,
      mark(qs, [
        [0, 'Lt Col Ivo Dean', 'PER'],
        [0, 'Harbour Council', 'ORG'],
        [0, 'Una Bell', 'PER'],
        [0, 'Governor Vale', 'PER'],
        [1, 'Ola Kent', 'PER'],
        [1, 'Council on Energy', 'ORG'],
        [1, 'Pia Holm', 'PER'],
        [1, 'Ambassador Kent', 'PER'],
      ]),
    ).actors;
    // what the apposition says over the rank; a place's name among its modifiers; not what it goes on to say
    expect(byName(people, 'Ivo Dean')!.role).toBe('Brakia specialist on the Harbour Council');
    expect(byName(people, 'Una Bell')!.role).toBe('top aide to Governor Vale');
    // a preposition inside a body's name is the name's; of two roles given once, the first
    expect(byName(people, 'Ola Kent')!.role).toBe('analyst at the Council on Energy');
    expect(byName(people, 'Pia Holm')!.role).toBeNull();

    const rs = [
      'President Al Moss spoke, and Moss, a former TV star, smiled; then Senator Ida Fox spoke.',
      'Eli Roy, accompanied by a lawyer for the family, arrived with Kim Orr, the chief executive of Acme Corp.',
    ];
    const more = buildActors(
      rs,
      mark(rs, [
        [0, 'President Al Moss', 'PER'],
        [0, 'Moss', 'PER'],
        [0, 'Senator Ida Fox', 'PER'],
        [1, 'Eli Roy', 'PER'],
        [1, 'Kim Orr', 'PER'],
        [1, 'Acme Corp', 'ORG'],
      ]),
    ).actors;
    expect(byName(more, 'Al Moss')!.role).toBe('President');
    // "then" the adverb is no past office
    expect(byName(more, 'Ida Fox')!.role).toBe('Senator');
    // a verb's phrase is no role; a run of role words has its head last
    expect(byName(more, 'Eli Roy')!.role).toBeNull();
    expect(byName(more, 'Kim Orr')!.role).toBe('chief executive of Acme Corp.');
  });

  it('reads a rank before a body word as the body’s name, not a title', () => {
    const ps = ['They will go to the General Assembly, and General Motors will not.'];
    const ms = mark(ps, [
      [0, 'Assembly', 'PER'],
      [0, 'General Motors', 'ORG'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(actors.map((a) => [a.name, a.type, a.role])).toEqual([
      ['General Assembly', 'ORG', null],
      ['General Motors', 'ORG', null],
    ]);
    // a person whose surname is a body word keeps her title, and a news organisation cited before a
    // title is not its owner
    const qs = ['Maine Gov. Ada Mills said so in an interview with CNN Sen. Tom Vale.'];
    const people = buildActors(
      qs,
      mark(qs, [
        [0, 'Maine', 'LOC'],
        [0, 'Gov. Ada Mills', 'PER'],
        [0, 'CNN', 'ORG'],
        [0, 'Sen. Tom Vale', 'PER'],
      ]),
    ).actors;
    expect(byName(people, 'Ada Mills')).toMatchObject({ type: 'PER', role: 'Maine Governor' });
    expect(byName(people, 'Tom Vale')!.role).toBe('Senator');
  });

  it('gives the same key in every article and accepts a canonicaliser', () => {
    const a = buildActors(['Keir Starmer spoke.'], [{ paragraph: 0, start: 0, end: 12, text: 'Keir Starmer', type: 'PER' }]);
    const b = buildActors(['Sir Keir Starmer spoke.'], [{ paragraph: 0, start: 4, end: 16, text: 'Keir Starmer', type: 'PER' }]);
    expect(a.actors[0]!.key).toBe(b.actors[0]!.key);
    const c = buildActors(['The UK voted.'], [{ paragraph: 0, start: 4, end: 6, text: 'UK', type: 'LOC' }], {
      canonical: (n) => (n === 'UK' ? 'United Kingdom' : null),
    });
    expect(c.actors[0]).toMatchObject({ key: 'LOC:united kingdom', name: 'United Kingdom', aliases: ['UK'] });
  });

  it('handles no mentions', () => {
    expect(buildActors(['Nothing here.'], [])).toEqual({ actors: [], mentions: [] });
  });
});

describe('royal titles', () => {
  it('make a person of "Queen Elizabeth II" and "King Charles", not of longer names', () => {
    const p = 'Queen Elizabeth II met King Charles at Queen Mary University near Prince Edward Island.';
    const at = (text: string, type: EntityType): Mention => {
      const start = p.indexOf(text);
      return { paragraph: 0, start, end: start + text.length, text, type };
    };
    const { actors } = buildActors([p], [at('Queen Elizabeth II', 'ORG'), at('King Charles', 'LOC'), at('Queen Mary University', 'ORG'), at('Prince Edward Island', 'LOC')]);
    const typeOf = (name: string) => actors.find((a) => a.aliases.includes(name))?.type;
    expect(typeOf('Queen Elizabeth II')).toBe('PER');
    expect(typeOf('King Charles')).toBe('PER');
    expect(typeOf('Queen Mary University')).toBe('ORG');
    expect(typeOf('Prince Edward Island')).toBe('LOC');
  });

  it('takes an office or rank before a surname as a person, and never a bare title as a name', () => {
    const ps = ['Democrats grilled Lt Col Alexander Vindman, and Chairman Schiff thanked Vice President Pence for nothing.', 'Sgt. Ann Ruiz and Rep. Holt spoke; Lt Col Vindman left.'];
    const ms = mark(ps, [
      [0, 'Lt Col', 'ORG'], // a tagger's mistake: the rank alone
      [0, 'Alexander Vindman', 'PER'],
      [0, 'Schiff', 'ORG'],
      [0, 'Pence', 'ORG'],
      [1, 'Ann Ruiz', 'ORG'],
      [1, 'Holt', 'LOC'],
      [1, 'Lt Col', 'ORG'],
      [1, 'Vindman', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(actors.map((a) => `${a.type} ${a.name}`).sort()).toEqual(['PER Alexander Vindman', 'PER Ann Ruiz', 'PER Holt', 'PER Pence', 'PER Schiff']);
    expect(byName(actors, 'Alexander Vindman')!.mentions).toBe(2);
  });

  it('leaves places and bodies that start with an office as they are', () => {
    const ps = ['Trucks queued at the Ambassador Bridge, the Ambassador Theatre Group closed, and the Chairman of the Joint Chiefs of Staff flew to the Imam Reza Shrine.'];
    const ms = mark(ps, [
      [0, 'Ambassador Bridge', 'LOC'],
      [0, 'Ambassador Theatre Group', 'ORG'],
      [0, 'Chairman of the Joint Chiefs of Staff', 'ORG'],
      [0, 'Imam Reza Shrine', 'LOC'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(actors.map((a) => `${a.type} ${a.name}`).sort()).toEqual(['LOC Ambassador Bridge', 'LOC Imam Reza Shrine', 'ORG Ambassador Theatre Group', 'ORG Chairman of the Joint Chiefs of Staff']);
  });

  it('splits "X and the Y" into two bodies, but not a name that holds "and"', () => {
    const ps = ['The Bureau of Prisons and the Department of Justice must answer, said Marks and Spencer and the Bank of England.'];
    const ms = mark(ps, [
      [0, 'Bureau of Prisons and the Department of Justice', 'ORG'],
      [0, 'Marks and Spencer', 'ORG'],
      [0, 'Bank of England', 'ORG'],
    ]);
    const { actors } = buildActors(ps, ms);
    expect(actors.map((a) => a.name).sort()).toEqual(['Bank of England', 'Bureau of Prisons', 'Department of Justice', 'Marks and Spencer']);
  });
});

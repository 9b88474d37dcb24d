/**
 * Issue #17: document-level actor rules on small texts written for the tests: credits, bylines and navigation are
 * not actors; one type per actor from all its mentions, the name lists and the name's shape; surnames, surname-first
 * names, particles, shorter and longer organisation names join one actor.
 */
import { describe, expect, it } from 'vitest';
import { buildActors, type NameFacts } from '../../lib/nlp/actors.ts';
import { creditReason, isOrdinaryWord, mentionCues, nameShapeType } from '../../lib/nlp/actor-cues.ts';
import type { EntityType, Mention } from '../../lib/types.ts';

function mark(paragraphs: string[], spec: [number, string, EntityType][]): Mention[] {
  const from = new Map<number, number>();
  return spec.map(([p, text, type]) => {
    const start = paragraphs[p]!.indexOf(text, from.get(p) ?? 0);
    if (start < 0) throw new Error(`"${text}" not in paragraph ${p}`);
    from.set(p, start + text.length);
    return { paragraph: p, start, end: start + text.length, text, type };
  });
}

/** A tiny stand-in for the gazetteers. */
const LISTS: Record<string, Partial<NameFacts>> = {
  acme: { org: true },
  springfield: { loc: true, cityOnly: true },
  freedonia: { loc: true },
  maria: { firstName: true },
  tom: { firstName: true },
  ann: { firstName: true },
};
const facts = (name: string): NameFacts => ({ org: false, loc: false, cityOnly: false, firstName: false, ...LISTS[name.toLowerCase()] });

const names = (actors: { name: string; type: EntityType }[]) => actors.map((a) => `${a.type} ${a.name}`).sort();

describe('credits, bylines, navigation', () => {
  const at = (para: string, text: string, type: EntityType = 'PER') => {
    const start = para.indexOf(text);
    return creditReason(para, { start, end: start + text.length, type });
  };
  it('drops photo credits in their usual shapes', () => {
    expect(at('The mayor at the opening. (Photo: Jane Roe)', 'Jane Roe')).not.toBeNull();
    expect(at('The mayor at the opening. Credit: Jane Roe', 'Jane Roe')).not.toBeNull();
    expect(at('Image copyright Wirefoto', 'Wirefoto', 'ORG')).not.toBeNull();
    expect(at('The mayor at the opening. WIREFOTO/Jane Roe', 'Jane Roe')).not.toBeNull();
    expect(at('The mayor at the opening. (Jane Roe/Wirefoto)', 'Jane Roe')).not.toBeNull();
    expect(at('Jane Roe | Wirefoto | Stock Images', 'Wirefoto', 'ORG')).not.toBeNull();
    expect(at('The mayor at the opening. (Stock Images)', 'Stock Images', 'ORG')).not.toBeNull();
  });
  it('drops bylines, reporting credits, author notes, datelines and lone words', () => {
    expect(at('By Jane Roe - 11/18/19 11:04 PM EST', 'Jane Roe')).not.toBeNull();
    expect(at('Reporting by Jane Roe; Editing by Tom Poe', 'Tom Poe')).not.toBeNull();
    expect(at('Jane Roe is a reporter for the Daily Planet covering courts.', 'Jane Roe')).not.toBeNull();
    expect(at('Jane Roe covers the city council.', 'Jane Roe')).not.toBeNull();
    expect(at('SPRINGFIELD (Wirefoto) — The mayor resigned on Monday.', 'Wirefoto', 'ORG')).not.toBeNull();
    expect(at('Subscribe', 'Subscribe', 'ORG')).not.toBeNull();
  });
  it('keeps names in ordinary sentences, captions and parenthesised acronyms', () => {
    expect(at('Jane Roe said the council would vote on Monday.', 'Jane Roe')).toBeNull();
    expect(at('Jane Roe, the mayor, at the opening on Monday.', 'Jane Roe')).toBeNull();
    expect(at('The Springfield Water Board (SWB) said it would appeal.', 'SWB', 'ORG')).toBeNull();
    expect(at('The mayor spoke in Springfield on Monday.', 'Springfield', 'LOC')).toBeNull();
  });
  it('knows capitalised ordinary words from names', () => {
    expect(isOrdinaryWord('Again')).toBe(true);
    expect(isOrdinaryWord('Roughly')).toBe(true);
    expect(isOrdinaryWord('Springfield')).toBe(false);
    expect(isOrdinaryWord('New York')).toBe(false);
  });
  it('an abbreviation of a thing is no actor ("SUV", "EV", "DNA"), a body written in capitals is', () => {
    const ps = ['Acme unveiled an electric SUV, its third EV, at the fair.', 'The EV runs on DNA-free fuel, Acme and the UN said; the SUV ships in May.'];
    const ms = mark(ps, [
      [0, 'Acme', 'ORG'],
      [0, 'SUV', 'ORG'],
      [0, 'EV', 'ORG'],
      [1, 'EV', 'ORG'],
      [1, 'DNA', 'ORG'],
      [1, 'Acme', 'ORG'],
      [1, 'UN', 'ORG'],
      [1, 'SUV', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Acme', 'ORG UN']);
  });
  it('a product or a medicine named by its brand alone is no actor; a body named after one is', () => {
    const ps = [
      'Acme says users of Chrome and Firefox on Android can pay in Bitcoin, Android Authority reported.',
      'The lab found MDMA and traces of Xanax; an Xbox One was seized with the Xbox games.',
    ];
    const ms = mark(ps, [
      [0, 'Acme', 'ORG'],
      [0, 'Chrome', 'LOC'],
      [0, 'Firefox', 'ORG'],
      [0, 'Android', 'ORG'],
      [0, 'Bitcoin', 'LOC'],
      [0, 'Android Authority', 'ORG'],
      [1, 'MDMA', 'ORG'],
      [1, 'Xanax', 'PER'],
      [1, 'Xbox One', 'ORG'],
      [1, 'Xbox', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Acme', 'ORG Android Authority']);
  });
  it('an ordinary word named once or twice is no actor, unless the text calls it a body or it heads one', () => {
    const ordinary = new Set(['advocacy', 'overhaul', 'time', 'legislature', 'forum']);
    const f = (name: string): NameFacts => ({ ...facts(name), ordinary: ordinary.has(name.toLowerCase()) });
    const ps = ['Ola Brun, Research and Advocacy Director at Acme, wants an Overhaul of the rules.', 'She told Time magazine the Legislature would vote on Forum rules in May.'];
    const ms = mark(ps, [
      [0, 'Ola Brun', 'PER'],
      [0, 'Advocacy', 'ORG'],
      [0, 'Acme', 'ORG'],
      [0, 'Overhaul', 'ORG'],
      [1, 'Time', 'ORG'],
      [1, 'Legislature', 'ORG'],
      [1, 'Forum', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts: f }).actors)).toEqual(['ORG Acme', 'ORG Legislature', 'ORG Time', 'PER Ola Brun']);
  });
  it('connectors, networks and formats are things too ("HDMI", "USB-C", "4K", "Wi-Fi")', () => {
    const ps = ['The Acme console has HDMI, two USB-C ports and Wi-Fi, and plays games in 4K.'];
    const ms = mark(ps, [
      [0, 'Acme', 'ORG'],
      [0, 'HDMI', 'ORG'],
      [0, 'USB-C', 'ORG'],
      [0, 'Wi-Fi', 'ORG'],
      [0, '4K', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Acme']);
  });
  it('so are the web\'s languages and formats ("PHP", "JavaScript", "CSS", "JSON")', () => {
    const ps = ['Acme posted jobs asking for PHP, JavaScript and CSS, and its API answers in JSON.'];
    const ms = mark(ps, [
      [0, 'Acme', 'ORG'],
      [0, 'PHP', 'ORG'],
      [0, 'JavaScript', 'ORG'],
      [0, 'CSS', 'ORG'],
      [0, 'JSON', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Acme']);
  });
  it('a "person" that begins a company\'s names is the company named short ("Big Machine" / "Big Machine Records")', () => {
    const ps = ['Big Machine said the singer owed it millions.', 'Big Machine Records denied it, and Big Machine Label Group sued.', 'Big Machine has not paid, she said.'];
    const ms = mark(ps, [
      [0, 'Big Machine', 'PER'],
      [1, 'Big Machine Records', 'ORG'],
      [1, 'Big Machine Label Group', 'ORG'],
      [2, 'Big Machine', 'PER'],
    ]);
    const actors = buildActors(ps, ms, { facts }).actors;
    expect(actors).toHaveLength(1);
    expect(actors[0]!.type).toBe('ORG');
    // a person with a first name before a company's name is a person ("Ann Lee" / "Ann Lee Holdings")
    const ps2 = ['Ann Lee said she sold Ann Lee Holdings last year.', 'Lee now teaches.'];
    const ms2 = mark(ps2, [
      [0, 'Ann Lee', 'PER'],
      [0, 'Ann Lee Holdings', 'ORG'],
      [1, 'Lee', 'PER'],
    ]);
    expect(names(buildActors(ps2, ms2, { facts }).actors)).toEqual(['ORG Ann Lee Holdings', 'PER Ann Lee']);
  });
  it("a company's product that the tagger took for a place is no actor, when the article names the company on its own", () => {
    const ps = ['The promise of Google Stadia was high quality.', 'We traveled to Google’s offices in London to try Stadia.', 'Google Stadia launches on Tuesday.'];
    const ms = mark(ps, [
      [0, 'Google Stadia', 'LOC'],
      [1, 'Google', 'ORG'],
      [1, 'London', 'LOC'],
      [1, 'Stadia', 'LOC'],
      [2, 'Google Stadia', 'LOC'],
    ]);
    const known = (name: string): NameFacts => ({ ...facts(name), ...(name === 'Google' ? { org: true } : {}) });
    expect(names(buildActors(ps, ms, { facts: known }).actors)).toEqual(['LOC London', 'ORG Google']);
    // not without the company on its own, nor with a body's head word, nor a place first
    const alone = [ps[0]!, ps[2]!];
    expect(
      names(
        buildActors(
          alone,
          mark(alone, [
            [0, 'Google Stadia', 'LOC'],
            [1, 'Google Stadia', 'LOC'],
          ]),
          { facts: known },
        ).actors,
      ),
    ).toEqual(['LOC Google Stadia']);
    const south = ['Southern California had rain.', 'Southern said the storm cut power.'];
    const sf = (name: string): NameFacts => ({ ...facts(name), ...(name === 'Southern' ? { org: true } : {}), ...(name === 'Southern California' ? { loc: true } : {}) });
    expect(
      names(
        buildActors(
          south,
          mark(south, [
            [0, 'Southern California', 'LOC'],
            [1, 'Southern', 'ORG'],
          ]),
          { facts: sf },
        ).actors,
      ),
    ).toContain('LOC Southern California');
  });
  it("a box score's teams are organisations whatever places they name, and its players people", () => {
    // the tagger's mentions as boxScores (lib/nlp/ner) leaves them
    const ps = ['Springfield d. Freedonia 70-44', 'Springfield (1-0): Tolivert 25 points. Banks 10 points.', 'Freedonia (0-1): Quayle 2 saves, 1 assist.', 'Heritage d. Springfield 3-1'];
    const ms = mark(ps, [
      [0, 'Springfield', 'ORG'],
      [0, 'Freedonia', 'ORG'],
      [1, 'Springfield', 'ORG'],
      [1, 'Tolivert', 'PER'],
      [1, 'Banks', 'PER'],
      [2, 'Freedonia', 'ORG'],
      [2, 'Quayle', 'PER'],
      [3, 'Heritage', 'ORG'],
      [3, 'Springfield', 'ORG'],
    ]);
    const heritage = (name: string): NameFacts => ({ ...facts(name), ...(name === 'Heritage' ? { ordinary: true } : {}) });
    expect(names(buildActors(ps, ms, { facts: heritage }).actors)).toEqual(['ORG Freedonia', 'ORG Heritage', 'ORG Springfield', 'PER Banks', 'PER Quayle', 'PER Tolivert']);
    // without the box score's lines, a place is a place and a lone unknown word no person
    const prose = ['Tolivert visited Springfield.'];
    expect(
      names(
        buildActors(
          prose,
          mark(prose, [
            [0, 'Tolivert', 'PER'],
            [0, 'Springfield', 'ORG'],
          ]),
          { facts },
        ).actors,
      ),
    ).toEqual(['LOC Springfield', 'ORG Tolivert']);
  });
  it("a city's name that is also a first name, before an unknown surname, is a person's", () => {
    const f = (name: string): NameFacts => {
      const own: Record<string, Partial<NameFacts>> = { florena: { loc: true, cityOnly: true, firstName: true }, hole: { ordinary: true } };
      return { ...facts(name), ...own[name.toLowerCase()] };
    };
    const ps = ['The film stars Florena Pugg as a bride, and was shot near Florena Hole in the spring.', 'Florena County voted.'];
    const ms = mark(ps, [
      [0, 'Florena Pugg', 'LOC'],
      [0, 'Florena Hole', 'LOC'],
      [1, 'Florena County', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts: f }).actors)).toEqual(['LOC Florena County', 'LOC Florena Hole', 'PER Florena Pugg']);
  });
  it("a place's name first is a person's when the text says person more than anything else", () => {
    const ps = ['Freedonia (0-1): Freedonia Munoz 8 saves.', 'Freedonia Munoz, who is 17, played in goal.'];
    const ms = mark(ps, [
      [0, 'Freedonia', 'ORG'],
      [0, 'Freedonia Munoz', 'PER'],
      [1, 'Freedonia Munoz', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toContain('PER Freedonia Munoz');
    const bank = ['Freedonia Holdings said on Monday that Freedonia Holdings would grow.'];
    expect(
      names(
        buildActors(
          bank,
          mark(bank, [
            [0, 'Freedonia Holdings', 'PER'],
            [0, 'Freedonia Holdings', 'PER'],
          ]),
          { facts },
        ).actors,
      ),
    ).not.toContain('PER Freedonia Holdings');
  });
  it('the items of a list of works are works, not actors ("films such as Alien and Passengers")', () => {
    const ps = ['Through films such as Alien and Passengers, hibernation became familiar, Acme said.'];
    const ms = mark(ps, [
      [0, 'Alien', 'ORG'],
      [0, 'Passengers', 'ORG'],
      [0, 'Acme', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Acme']);
  });
  it('a name with a sequel\'s or model\'s number after it is a product ("Destiny 2 runs"), not a road, a score or a count', () => {
    const ps = ['Destiny 2 runs at 1080p on Acme servers, and Destiny 2 still stutters.', 'Take Route 1 north; Acme 3, Zentro 1 was the score, and Zentro 2 years ago won.'];
    const ms = mark(ps, [
      [0, 'Destiny', 'PER'],
      [0, 'Acme', 'ORG'],
      [0, 'Destiny', 'PER'],
      [1, 'Route', 'LOC'],
      [1, 'Acme', 'ORG'],
      [1, 'Zentro', 'ORG'],
      [1, 'Zentro', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Route', 'ORG Acme', 'ORG Zentro']);
  });
  it('buildActors leaves the credit and keeps the caption', () => {
    const ps = ['Mayor Jane Roe opens the Springfield bridge. (Photo: Tom Poe/Wirefoto)', 'Roe said the bridge cost $4m.'];
    const ms = mark(ps, [
      [0, 'Jane Roe', 'PER'],
      [0, 'Springfield', 'LOC'],
      [0, 'Tom Poe', 'PER'],
      [0, 'Wirefoto', 'ORG'],
      [1, 'Roe', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Springfield', 'PER Jane Roe']);
  });
});

describe('one type per actor', () => {
  it('reads type cues around a mention', () => {
    const p = 'Shares of Zentro fell after Zentro announced layoffs in Brakia, and Ola Brun, who founded it, said she would stay.';
    const cue = (t: string) => {
      const s = p.indexOf(t);
      return mentionCues(p, { start: s, end: s + t.length });
    };
    expect(cue('Zentro').ORG).toBeGreaterThan(0);
    expect(cue('Brakia').LOC).toBeGreaterThan(0);
    expect(cue('Ola Brun').PER).toBeGreaterThan(0);
  });
  it('reads a type from the name itself', () => {
    expect(nameShapeType('Ceres Robotics')).toBe('ORG');
    expect(nameShapeType('Cass County')).toBe('LOC');
    expect(nameShapeType('ZipWork')).toBe('ORG');
    expect(nameShapeType('Snoops.com')).toBe('ORG');
    expect(nameShapeType('McDonagh')).toBeNull();
    expect(nameShapeType('DeLuca')).toBeNull();
    expect(nameShapeType('The Hill')).toBeNull();
    expect(nameShapeType('Neon Museum')).toBe('ORG');
    expect(nameShapeType('Pro Football Hall of Fame')).toBe('ORG');
    // a newspaper's or a magazine's title
    for (const title of ['Condé Nast Traveller', 'Samoa Observer', 'Manila Bulletin', 'Orlando Sentinel', 'Washington Examiner', 'Christian Science Monitor']) expect(nameShapeType(title)).toBe('ORG');
    expect(nameShapeType('The Observer')).toBeNull();
  });
  it('a "person" made only of ordinary words, none a first name, is an organisation ("Big Machine")', () => {
    const ordinary = (name: string): NameFacts => ({ ...facts(name), ordinary: ['big', 'machine', 'tom', 'brown'].includes(name.toLowerCase()) });
    const ps = ['Big Machine sold the catalogue to Ithaca.', 'Tom Brown said Big Machine had asked him first.'];
    const ms = mark(ps, [
      [0, 'Big Machine', 'PER'],
      [1, 'Tom Brown', 'PER'],
      [1, 'Big Machine', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts: ordinary }).actors)).toEqual(['ORG Big Machine', 'PER Tom Brown']);
  });
  it('a one-word "person" with no first name, title or person cue is an organisation, or a place with place cues', () => {
    const ps = ['Zentro cut 40 jobs on Monday, and Zentro shares fell.', 'Most of the jobs were in Brakia.', 'Zentro declined to comment.'];
    const ms = mark(ps, [
      [0, 'Zentro', 'PER'],
      [0, 'Zentro', 'PER'],
      [1, 'Brakia', 'PER'],
      [2, 'Zentro', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Brakia', 'ORG Zentro']);
  });
  it('keeps a one-word person with person cues or a known first name', () => {
    const ps = ['Brun said he would appeal.', 'Tom was not there.'];
    const ms = mark(ps, [
      [0, 'Brun', 'PER'],
      [1, 'Tom', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['PER Brun', 'PER Tom']);
  });
  it('listed organisations and places win over the tagger, a title over the lists', () => {
    const ps = ['Acme and Freedonia signed the deal.', 'Acme said Freedonia would pay.', 'Mr Acme was not there.'];
    const ms = mark(ps, [
      [0, 'Acme', 'PER'],
      [0, 'Freedonia', 'ORG'],
      [1, 'Acme', 'LOC'],
      [1, 'Freedonia', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Freedonia', 'ORG Acme']);
    const ms2 = mark(ps, [[2, 'Acme', 'ORG']]);
    expect(names(buildActors(ps, ms2, { facts }).actors)).toEqual(['PER Acme']);
  });
});

describe('merging', () => {
  it('a surname joins the full name whatever its tag ("Brun" ORG + "Maria Brun" PER)', () => {
    const ps = ['Maria Brun won the race.', 'Brun said it was hard.'];
    const ms = mark(ps, [
      [0, 'Maria Brun', 'PER'],
      [1, 'Brun', 'ORG'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toEqual(['PER Maria Brun']);
    expect(actors[0]!.mentions).toBe(2);
  });
  it('a city-list word that is a surname joins the full name, a listed country does not', () => {
    const ps = ['Maria Springfield won.', 'Springfield said it was hard.', 'Tom Freedonia lost in Freedonia.'];
    const ms = mark(ps, [
      [0, 'Maria Springfield', 'PER'],
      [1, 'Springfield', 'LOC'],
      [2, 'Tom Freedonia', 'PER'],
      [2, 'Freedonia', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Freedonia', 'PER Maria Springfield', 'PER Tom Freedonia']);
  });
  it('a first name joins the full name whatever its tag ("Rose-Lynn" ORG + "Rose-Lynn Harlan"), a city-list word does not', () => {
    const ps = ['She plays Rose-Lynn Harlan, a singer.', 'Rose-Lynn sings it.', 'Springfield Jones moved to Springfield.'];
    const ms = mark(ps, [
      [0, 'Rose-Lynn Harlan', 'PER'],
      [1, 'Rose-Lynn', 'ORG'],
      [2, 'Springfield Jones', 'PER'],
      [2, 'Springfield', 'LOC'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toEqual(['LOC Springfield', 'PER Rose-Lynn Harlan', 'PER Springfield Jones']);
    expect(actors.find((a) => a.name === 'Rose-Lynn Harlan')!.mentions).toBe(2);
  });
  it('a party’s members named as a body are the party, never people nor another body ("Democrats", "Reagan Democrats")', () => {
    const ps = ['The Democratic Party met.', 'Democrats who spoke said so.', 'Reagan Democrats stayed home.', 'Republicans who spoke said so too.'];
    const ms = mark(ps, [
      [0, 'Democratic Party', 'ORG'],
      [1, 'Democrats', 'PER'],
      [2, 'Reagan Democrats', 'ORG'],
      [3, 'Republicans', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toEqual(['ORG Democratic Party', 'ORG Reagan Democrats', 'ORG Republicans']);
    expect(actors.find((a) => a.name === 'Democratic Party')!.mentions).toBe(2);
  });
  it('a name is shown without the running text’s "the" that the tagger took in, "The" of a title stays', () => {
    const ps = ['said Jane Roe, a fellow at the Council on Foreign Relations.', 'The Hague court agreed.'];
    const ms = mark(ps, [
      [0, 'Jane Roe', 'PER'],
      [0, 'the Council on Foreign Relations', 'ORG'],
      [1, 'The Hague', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC The Hague', 'ORG Council on Foreign Relations', 'PER Jane Roe']);
  });
  it('a country under its formal name is the one named short, a city is not ("State of Freedonia" / "Freedonia")', () => {
    const ps = ['The State of Freedonia signed the deal.', 'Freedonia will pay.', 'The Republic of Springfield is a joke in Springfield.'];
    const ms = mark(ps, [
      [0, 'State of Freedonia', 'LOC'],
      [1, 'Freedonia', 'LOC'],
      [2, 'Republic of Springfield', 'LOC'],
      [2, 'Springfield', 'LOC'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toEqual(['LOC Freedonia', 'LOC Republic of Springfield', 'LOC Springfield']);
    expect(actors.find((a) => a.name === 'Freedonia')!.aliases).toEqual(['State of Freedonia', 'Freedonia']);
  });
  it('a platform is no first name of a longer name the tagger called a person ("Google" + "Google Stadia")', () => {
    const ps = ['Stadia, Google’s streaming platform, launches today.', 'Buyers of Google Stadia get a controller.', 'Google said more games would come.'];
    const ms = mark(ps, [
      [0, 'Stadia', 'LOC'],
      [0, 'Google', 'PER'],
      [1, 'Google Stadia', 'PER'],
      [2, 'Google', 'ORG'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    const google = actors.find((a) => a.name === 'Google');
    expect(google?.type).toBe('ORG');
    expect(google?.mentions).toBe(2);
    // and the product, named after the company the article names on its own, is no actor
    expect(actors.some((a) => a.aliases.includes('Google Stadia'))).toBe(false);
  });
  it('a word capitalised only where it opens a sentence, and in lower case elsewhere, is neither an alias nor an actor', () => {
    const ps = ['She wanted to make it in Music City.', '“Music is in my genes,” she said.', 'Her brain was only music.'];
    const ms = mark(ps, [
      [0, 'Music City', 'LOC'],
      [1, 'Music', 'LOC'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toEqual(['LOC Music City']);
    expect(actors.find((a) => a.name === 'Music City')!.aliases).toEqual(['Music City']);
    // written in lower case nowhere: the short form stays an alias
    const ps2 = ['She wanted to make it in Music City.', '“Music is where I belong,” she said.'];
    const ms2 = mark(ps2, [
      [0, 'Music City', 'LOC'],
      [1, 'Music', 'LOC'],
    ]);
    expect(buildActors(ps2, ms2, { facts }).actors.map((a) => a.aliases)).toEqual([['Music City', 'Music']]);
  });
  it('so is a word that opens an answer after a transcript\'s speaker label ("((Stallman)) Well, …", "A: Well, …")', () => {
    const ps = ['((Wikinews)) What is DRM?', '((Richard Stallman)) Well, it stands for digital restrictions.', 'A: Well, it works as well as it can.', 'Stallman spoke well of it.'];
    const ms = mark(ps, [
      [1, 'Richard Stallman', 'PER'],
      [1, 'Well', 'ORG'],
      [2, 'Well', 'ORG'],
      [3, 'Stallman', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['PER Richard Stallman']);
  });
  it('a body named by its first word and its head is the one longer name with those words in order', () => {
    const ps = ['Aides testified before the House Select Committee on Intelligence on Tuesday.', 'Two more testified before the powerful House Committee.'];
    const ms = mark(ps, [
      [0, 'House Select Committee on Intelligence', 'ORG'],
      [1, 'House Committee', 'ORG'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toEqual(['ORG House Select Committee on Intelligence']);
    expect(actors[0]!.aliases).toEqual(['House Select Committee on Intelligence', 'House Committee']);
    // two committees of the House: which one is meant is not known
    const ps2 = ['The House Intelligence Committee and the House Judiciary Committee met.', 'The House Committee said no.'];
    const ms2 = mark(ps2, [
      [0, 'House Intelligence Committee', 'ORG'],
      [0, 'House Judiciary Committee', 'ORG'],
      [1, 'House Committee', 'ORG'],
    ]);
    expect(names(buildActors(ps2, ms2, { facts }).actors)).toEqual(['ORG House Committee', 'ORG House Intelligence Committee', 'ORG House Judiciary Committee']);
  });
  it("a name that is the page's publisher or the site that carried it is that organisation", () => {
    // Wikinews' interviews: the tagger reads "Wikinews" as a person or a place from its spot.
    const ps = ['Wikinews interviews Jo Jorgensen about her campaign.', '((Wikinews)) Why are you running?', '((Jo Jorgensen)) Because Wikinews asked.'];
    const ms = mark(ps, [
      [0, 'Wikinews', 'PER'],
      [0, 'Jo Jorgensen', 'PER'],
      [1, 'Wikinews', 'PER'],
      [2, 'Jo Jorgensen', 'PER'],
      [2, 'Wikinews', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['PER Jo Jorgensen', 'PER Wikinews']);
    expect(names(buildActors(ps, ms, { facts, publishers: ['Wikinews', null] }).actors)).toEqual(['ORG Wikinews', 'PER Jo Jorgensen']);
    // "The Independent UK" goes by "Independent"; a publisher named for a listed place stays the place.
    const ps2 = ['The Independent asked Springfield officials.', 'Independent readers wrote to Springfield.'];
    const ms2 = mark(ps2, [
      [0, 'Independent', 'PER'],
      [0, 'Springfield', 'LOC'],
      [1, 'Independent', 'PER'],
      [1, 'Springfield', 'LOC'],
    ]);
    expect(names(buildActors(ps2, ms2, { facts, publishers: ['The Independent UK', 'Springfield'] }).actors)).toEqual(['LOC Springfield', 'ORG Independent']);
  });
  it('a full stop after a closing capital is the sentence’s, when the name is also written without it', () => {
    const ps = ['Malcolm X spoke first.', 'The crowd cheered Malcolm X. It was late.', 'Jane Roe met John F. Kennedy.'];
    const ms = mark(ps, [
      [0, 'Malcolm X', 'PER'],
      [1, 'Malcolm X.', 'PER'],
      [2, 'Jane Roe', 'PER'],
      [2, 'John F. Kennedy', 'PER'],
    ]);
    const { actors, mentions } = buildActors(ps, ms, { facts });
    expect(actors.find((a) => a.name === 'Malcolm X')).toMatchObject({ aliases: ['Malcolm X'], mentions: 2 });
    expect(mentions.find((m) => m.paragraph === 1)!.text).toBe('Malcolm X');
    expect(names(actors)).toContain('PER John F. Kennedy');
  });
  it('a name the tagger calls an organisation is a person when the text reads it as one and names people with it as their surname', () => {
    const ps = [
      'John M. Zorn wrote novels. Dale Zorn, his brother, said Zorn was brilliant.',
      'Zorn told friends he was tired. Zorn said he would write again. Zorn, who died in 2006, wrote fast.',
      'The Navy said it would act. The Navy told reporters it was ready. The Navy said he was lost.',
    ];
    const ms = mark(ps, [
      [0, 'John M. Zorn', 'PER'],
      [0, 'Dale Zorn', 'PER'],
      [0, 'Zorn', 'ORG'],
      [1, 'Zorn', 'ORG'],
      [1, 'Zorn', 'ORG'],
      [1, 'Zorn', 'ORG'],
      [2, 'Navy', 'ORG'],
      [2, 'Navy', 'ORG'],
      [2, 'Navy', 'ORG'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toContain('PER Zorn');
    expect(names(actors)).toContain('ORG Navy');
  });
  it('a platform does not join a longer name that starts with it: that is its product', () => {
    const ps = ['Buyers of the Google Stadia Founder will get a controller.', 'Google said it would ship soon.'];
    const ms = mark(ps, [
      [0, 'Google Stadia Founder', 'ORG'],
      [1, 'Google', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Google', 'ORG Google Stadia Founder']);
  });
  it('a person’s name that begins a place’s is the place ("Martha’s Vineyard"); a person’s home is not', () => {
    const ps = ['She called a friend on Martha’s Vineyard.', 'Martha said she would come, and Maria’s house was sold.'];
    const ms = mark(ps, [
      [0, 'Martha', 'PER'],
      [1, 'Martha', 'PER'],
      [1, 'Maria', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(["LOC Martha's Vineyard", 'PER Maria', 'PER Martha']);
  });
  it('surname-first names and particles join the full name', () => {
    const ps = ['Park Min Jun met Omar bin Zayed.', 'Park said Zayed and Bin Zayed agreed.'];
    const ms = mark(ps, [
      [0, 'Park Min Jun', 'PER'],
      [0, 'Omar bin Zayed', 'PER'],
      [1, 'Park', 'PER'],
      [1, 'Zayed', 'PER'],
      [1, 'Bin Zayed', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toEqual(['PER Omar bin Zayed', 'PER Park Min Jun']);
  });
  it('a shorter organisation name joins the one longer name it begins or ends', () => {
    const ps = ['Zentro Group bought the Brakia Space Observatory.', 'Zentro said Space Observatory staff would stay.'];
    const ms = mark(ps, [
      [0, 'Zentro Group', 'ORG'],
      [0, 'Brakia Space Observatory', 'LOC'],
      [1, 'Zentro', 'ORG'],
      [1, 'Space Observatory', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Brakia Space Observatory', 'ORG Zentro Group']);
  });
  it('does not join a listed place to a longer organisation name that starts with it', () => {
    const ps = ['The Freedonia Times reported from Freedonia.'];
    const ms = mark(ps, [
      [0, 'Freedonia Times', 'ORG'],
      [0, 'Freedonia', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Freedonia', 'ORG Freedonia Times']);
  });
  it('acronyms with "The", party plurals, a leading "the", soft hyphens', () => {
    const ps = ['The Daily Planet (TDP) said the Labourist Party won; Labourists cheered.', 'The Brakia Water Board said the Brakia Water Board would pay Ola Brun\u00adsen; Brunsen agreed.'];
    const ms = mark(ps, [
      [0, 'The Daily Planet', 'ORG'],
      [0, 'TDP', 'ORG'],
      [0, 'Labourist Party', 'ORG'],
      [0, 'Labourists', 'ORG'],
      [1, 'The Brakia Water Board', 'ORG'],
      [1, 'Brakia Water Board', 'ORG'],
      [1, 'Ola Brun\u00adsen', 'PER'],
      [1, 'Brunsen', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toEqual(['ORG Brakia Water Board', 'ORG Labourist Party', 'ORG The Daily Planet', 'PER Ola Brunsen']);
  });
});

describe('credit paragraphs, particles, general knowledge', () => {
  it('a paragraph of names and credit words is credits; a caption listing people is not', () => {
    const p1 = 'Jane Roe and Tom Poe, Wirefoto';
    const p2 = 'Photo: Jane Roe, WF';
    const p3 = 'Jane Roe and Tom Poe';
    const ps = [p1, p2, p3, 'Jane Roe and Tom Poe met in Brakia.'];
    const ms = mark(ps, [
      [0, 'Jane Roe', 'PER'],
      [0, 'Tom Poe', 'PER'],
      [0, 'Wirefoto', 'ORG'],
      [1, 'Jane Roe', 'PER'],
      [1, 'WF', 'ORG'],
      [2, 'Jane Roe', 'PER'],
      [2, 'Tom Poe', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toEqual(['PER Jane Roe', 'PER Tom Poe']);
    expect(actors.every((a) => a.mentions === 1)).toBe(true);
  });
  it('joins a person name the tagger cut at a particle', () => {
    const ps = ['Sheikh Khalid bin Rashid Al Qasimi opened the port.'];
    const ms = mark(ps, [
      [0, 'Sheikh Khalid', 'PER'],
      [0, 'Rashid Al Qasimi', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['PER Khalid bin Rashid Al Qasimi']);
  });
  it('events, time zones and market codes are not actors; sky bodies are places, seats of power organisations', () => {
    const ps = ['After Brexit, at 11:04 EST, Brent LCOc1 fell while Jupiter rose and the Kremlin said so.'];
    const ms = mark(ps, [
      [0, 'Brexit', 'LOC'],
      [0, 'EST', 'ORG'],
      [0, 'Brent LCOc1', 'PER'],
      [0, 'Jupiter', 'PER'],
      [0, 'Kremlin', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Jupiter', 'ORG Kremlin']);
  });
  it('a "person" whose first word is a listed country is not a person; a known first name before a surname is', () => {
    const ps = ['The Freedonia State Police said Maria Lund was safe.'];
    const ms = mark(ps, [
      [0, 'Freedonia State Police', 'PER'],
      [0, 'Maria Lund', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Freedonia State Police', 'PER Maria Lund']);
  });
});

describe('glued names', () => {
  it('drops names glued by a page that lost its spaces, keeps brand names with an inner capital', async () => {
    const { isGluedNames } = await import('../../lib/nlp/actor-cues.ts');
    expect(isGluedNames('Jane RoeJane Mary RoeSpringfield')).toBe(true);
    expect(isGluedNames('OmarIlhan OmarSpringfield')).toBe(true);
    expect(isGluedNames('ZipWork Group Corp')).toBe(false);
    expect(isGluedNames('Jane Roe')).toBe(false);
  });
});

describe('names written several ways', () => {
  it('short and long first names with one surname are one person; different first names are not', () => {
    const ps = ['Pat Brunsen, or Patrick W. Brunsen, pleaded guilty. Patrick Brunsen Jr. said Brunsen was sorry.', 'Ola Lund and Kari Lund left.'];
    const ms = mark(ps, [
      [0, 'Pat Brunsen', 'PER'],
      [0, 'Patrick W. Brunsen', 'PER'],
      [0, 'Patrick Brunsen Jr.', 'PER'],
      [0, 'Brunsen', 'PER'],
      [1, 'Ola Lund', 'PER'],
      [1, 'Kari Lund', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toEqual(['PER Kari Lund', 'PER Ola Lund', 'PER Patrick Brunsen Jr.']);
    expect(actors.find((a) => a.name === 'Patrick Brunsen Jr.')!.mentions).toBe(4);
  });
  it('a web address and its name, "Department of X" and "X Department", a listed company and its legal name', () => {
    const ps = ['Snoops.com said Snoops checked it; the Department of Mines and the Mines Department agreed; Acme Group and Acme too.', 'Acme Daily reported it.'];
    const ms = mark(ps, [
      [0, 'Snoops.com', 'ORG'],
      [0, 'Snoops', 'ORG'],
      [0, 'Department of Mines', 'ORG'],
      [0, 'Mines Department', 'ORG'],
      [0, 'Acme Group', 'ORG'],
      [0, 'Acme', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Acme Group', 'ORG Department of Mines', 'ORG Snoops.com']);
    const ms2 = mark(ps, [
      [0, 'Acme', 'ORG'],
      [1, 'Acme Daily', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms2, { facts }).actors)).toEqual(['ORG Acme', 'ORG Acme Daily']);
  });
});

describe('sources and places kept', () => {
  it('"via" a newspaper in running text is a source, not a credit; a place beginning an organisation name stays a place', () => {
    const ps = ['Roe said, via the Brakia Herald, that the Brakia County Water Board would pay Brakia County.'];
    const ms = mark(ps, [
      [0, 'Brakia Herald', 'ORG'],
      [0, 'Brakia County Water Board', 'ORG'],
      [0, 'Brakia County', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Brakia County', 'ORG Brakia County Water Board', 'ORG Brakia Herald']);
  });
});

describe('known single names stay themselves', () => {
  it('a moon does not join a probe named after it', () => {
    const ps = ['The Europa Clipper probe will fly past Europa.', 'Europa has an ocean.'];
    const ms = mark(ps, [
      [0, 'Europa Clipper', 'LOC'],
      [0, 'Europa', 'LOC'],
      [1, 'Europa', 'LOC'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(actors.find((a) => a.name === 'Europa')).toMatchObject({ type: 'LOC', mentions: 2 });
  });
});

describe('known single names tagged as people', () => {
  it('a planet the tagger called a person does not join the probe named after it', () => {
    const ps = ['The Galileo Jupiter probe measured Jupiter.', 'Jupiter is large.'];
    const ms = mark(ps, [
      [0, 'Galileo Jupiter', 'PER'],
      [0, 'Jupiter', 'PER'],
      [1, 'Jupiter', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(actors.find((a) => a.name === 'Jupiter')).toMatchObject({ type: 'LOC', mentions: 2 });
  });
});

describe('things, peoples and notes about the writer are not actors', () => {
  const LISTS2: Record<string, Partial<NameFacts>> = { ...LISTS, brakian: { demonym: true }, 'north brakia': { loc: true } };
  const facts2 = (name: string): NameFacts => ({ org: false, loc: false, cityOnly: false, firstName: false, ...LISTS2[name.toLowerCase()] });
  it('a name ending in a thing word, or written mostly as a thing, is dropped; its owner stays', () => {
    const ps = [
      "Zentro's Zorbit Space Telescope saw the plume, and the Kestrel cargo ship docked under the Kestrel Lunar Services program.",
      'Kestrel MS-04 spacecraft burned up. Zentro said it would try again.',
    ];
    const ms = mark(ps, [
      [0, 'Zentro', 'ORG'],
      [0, 'Zorbit Space Telescope', 'ORG'],
      [0, 'Kestrel', 'ORG'],
      [0, 'Kestrel Lunar Services', 'ORG'],
      [1, 'Kestrel', 'ORG'],
      [1, 'Zentro', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['ORG Zentro']);
  });
  it('a title in quotation marks is a work, and a law is no body', () => {
    const ps = ['Zentro released “Super Brakia Run,” its first game, citing the First Amendment.'];
    const ms = mark(ps, [
      [0, 'Zentro', 'ORG'],
      [0, 'Brakia Run', 'PER'],
      [0, 'First Amendment', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['ORG Zentro']);
  });
  it('an idea or an illness named after someone, a creed, a game statistic and a market index are things', () => {
    const ps = ['The Zentro study tested the Environmental Kuznets Curve and Brakia Fever under Communism; its team had 2 TFL and 3 QH as the Sensex fell.'];
    const ms = mark(ps, [
      [0, 'Zentro', 'ORG'],
      [0, 'Environmental Kuznets Curve', 'ORG'],
      [0, 'Brakia Fever', 'LOC'],
      [0, 'Communism', 'ORG'],
      [0, 'TFL', 'ORG'],
      [0, 'QH', 'ORG'],
      [0, 'Sensex', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['ORG Zentro']);
  });
  it('a name inside a longer quoted title belongs to the work; a person named in full there stays', () => {
    const ps = [
      'In her book “A Paradise Built in Hell: The Extraordinary Communities that Arise in Disaster,” Maria Lopez wrote about Zentro.',
      'She was on “The Late Show with Tom Kestrel” and told Zentro staff “We Were Never Told” was wrong.',
      '“Zentro workers have families,” Lopez said.',
    ];
    const ms = mark(ps, [
      [0, 'Paradise Built', 'ORG'],
      [0, 'The Extraordinary Communities', 'ORG'],
      [0, 'Arise', 'ORG'],
      [0, 'Maria Lopez', 'PER'],
      [0, 'Zentro', 'ORG'],
      [1, 'Tom Kestrel', 'PER'],
      [1, 'Zentro', 'ORG'],
      [2, 'Zentro', 'ORG'],
      [2, 'Lopez', 'PER'],
    ]);
    // Quoted speech is no title ("Zentro workers have families"), and a title of two words is left to the rules above.
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['ORG Zentro', 'PER Maria Lopez', 'PER Tom Kestrel']);
  });
  it('a named storm is an event, with or without its title in the mention; a person called Storm is a person', () => {
    const ps = ['Hurricane Zelda hit North Brakia after Tropical Storm Yorick.', 'Zelda then moved north, Storm Jones said.'];
    const ms = mark(ps, [
      [0, 'Hurricane Zelda', 'PER'],
      [0, 'North Brakia', 'LOC'],
      [0, 'Storm Yorick', 'PER'],
      [1, 'Zelda', 'PER'],
      [1, 'Storm Jones', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['LOC North Brakia', 'PER Storm Jones']);
  });
  it('a work named in apposition to "his first novel" is no actor; a speaker after "the film," is', () => {
    const ps = ['He wrote his first novel, Web of Angels, a cyberpunk book.', 'In Web of Angels, the hero hacks. Web of Angels sold well.', 'She praised the film, Maria Lund said.'];
    const ms = mark(ps, [
      [0, 'Web of Angels', 'PER'],
      [1, 'Web of Angels', 'PER'],
      [1, 'Web of Angels', 'PER'],
      [2, 'Maria Lund', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['PER Maria Lund']);
  });
  it('a product named by its model is no actor; a station, a numbered road or a person is', () => {
    const ps = ['The Zentro Sportback 50 and the PS4 Pro sold well, NBC 5 and Channel 4 said.', 'Peter Max drove it on Route 66 to Area 51 with the Chromecast Ultra and a Zentro One X.'];
    const ms = mark(ps, [
      [0, 'Zentro Sportback 50', 'ORG'],
      [0, 'PS4 Pro', 'ORG'],
      [0, 'NBC 5', 'ORG'],
      [0, 'Channel 4', 'ORG'],
      [1, 'Peter Max', 'PER'],
      [1, 'Route 66', 'LOC'],
      [1, 'Area 51', 'LOC'],
      [1, 'Chromecast Ultra', 'LOC'],
      [1, 'Zentro One X', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['LOC Area 51', 'LOC Route 66', 'ORG Channel 4', 'ORG NBC 5', 'PER Peter Max']);
  });
  it('a person named as the author of a song is still a person', () => {
    const ps = ['Contrary to the Maria Lund song, things did not get better.'];
    const ms = mark(ps, [[0, 'Maria Lund', 'PER']]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['PER Maria Lund']);
  });
  it('peoples and plural demonyms are groups of people, not organisations', () => {
    const ps = ['Brakians and North Brakians, Muslims among them, protested. The Zentro Party said nothing.'];
    const ms = mark(ps, [
      [0, 'Brakians', 'ORG'],
      [0, 'North Brakians', 'LOC'],
      [0, 'Muslims', 'ORG'],
      [0, 'Zentro Party', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['ORG Zentro Party']);
  });
  it('a faith or people as an adjective or in the singular is no actor either', () => {
    const ps = ['Most of the refugees are Muslim, a Sunni imam said; a Christian charity and the Zentro Party helped them.'];
    const ms = mark(ps, [
      [0, 'Muslim', 'ORG'],
      [0, 'Sunni', 'PER'],
      [0, 'Christian', 'PER'],
      [0, 'Zentro Party', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['ORG Zentro Party']);
  });
  it('an organisation whose name the tagger cut at a particle is one organisation', () => {
    const ps = ['Autostrade per l’Italia said it had checked the bridge. Autostrade runs 3,000 km of roads.'];
    const ms = mark(ps, [
      [0, 'Autostrade', 'ORG'],
      [0, 'l’Italia', 'LOC'],
      [0, 'Autostrade', 'ORG'],
    ]);
    const { actors } = buildActors(ps, ms, { facts: facts2 });
    expect(actors.find((a) => a.type === 'ORG')).toMatchObject({ name: "Autostrade per l'Italia", mentions: 2 });
    expect(names(actors)).toEqual(["ORG Autostrade per l'Italia"]);
  });
  it('but not across English “of”', () => {
    const ps = ['Senator Ann Vale of Brakia said the Zentro Party of Brakia would lose.'];
    const ms = mark(ps, [
      [0, 'Ann Vale', 'PER'],
      [0, 'Brakia', 'LOC'],
      [0, 'Zentro Party', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(expect.arrayContaining(['ORG Zentro Party', 'LOC Brakia']));
  });
  it('an interjection of a transcript, a lone initial or letters after marks name no actor', () => {
    const ps = ['Um, yes. Oh, we went there. Y. pestis spreads in rabbits, >I said, and Ann Vale of OH agreed.'];
    const ms = mark(ps, [
      [0, 'Um', 'ORG'],
      [0, 'Oh', 'ORG'],
      [0, 'Y.', 'ORG'],
      [0, '>I', 'ORG'],
      [0, 'Ann Vale', 'PER'],
      [0, 'OH', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors).sort()).toEqual(['LOC OH', 'PER Ann Vale']);
  });
  it('an editor’s bracket the tagger cut in two is not part of the name ("Coach (Frank) Vogel")', () => {
    const ps = ['“Coach (Tom) Brun came in here and said, ‘Congratulations,’” Ann Vale said.', 'Brun has put the ball in her hands.'];
    const ms = mark(ps, [
      [0, 'Tom) Brun', 'PER'],
      [0, 'Ann Vale', 'PER'],
      [1, 'Brun', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms, { facts: facts2 });
    expect(names(actors).sort()).toEqual(['PER Ann Vale', 'PER Brun']);
    expect(actors.find((a) => a.name === 'Brun')!.mentions).toBe(2);
  });
  it('a greeting before a name is not part of it ("Hey Twitter")', () => {
    const ps = ['“Hey Zentro, the point of the campaign is to raise awareness,” Ann Vale wrote. Zentro did not answer.'];
    const ms = mark(ps, [
      [0, 'Hey Zentro', 'PER'],
      [0, 'Ann Vale', 'PER'],
      [0, 'Zentro', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors).sort()).toEqual(['ORG Zentro', 'PER Ann Vale']);
  });
  it('a day of the week before a date is a timestamp, not a name; the Sun without a date stays', () => {
    const ps = ['Served Sun, 06 Dec 2026 02:46 GMT. Posted Thurs. Nov. 21 by the desk.', 'The Sun rose over Brakia.'];
    const ms = mark(ps, [
      [0, 'Sun', 'LOC'],
      [0, 'Thurs.', 'ORG'],
      [1, 'Sun', 'LOC'],
      [1, 'Brakia', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors).sort()).toEqual(['LOC Brakia', 'LOC Sun']);
  });
  it('a member described by party and state is the person named beside, not an organisation', () => {
    const ps = ['Senator Ann Vale, Democrat of Brakia, said the bill would pass.'];
    const ms = mark(ps, [
      [0, 'Ann Vale', 'PER'],
      [0, 'Democrat of Brakia', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['PER Ann Vale']);
  });
  it('a biography or follow-me line of the writer names no actor of the story', () => {
    const ps = [
      'Maria Lund has covered economics since 2012. She joined The Brakia Herald in 2007.',
      'Jane Roe, Zentro diplomatic correspondent',
      'Follow him on Twitter @tompoe or Zentro.',
      'The mayor said Zentro would pay.',
    ];
    const ms = mark(ps, [
      [0, 'Maria Lund', 'PER'],
      [0, 'Brakia Herald', 'ORG'],
      [1, 'Jane Roe', 'PER'],
      [1, 'Zentro', 'ORG'],
      [2, 'Zentro', 'ORG'],
      [3, 'Zentro', 'ORG'],
    ]);
    expect(buildActors(ps, ms, { facts: facts2 }).actors.map((a) => `${a.type} ${a.name} ${a.mentions}`)).toEqual(['ORG Zentro 1']);
  });
  it("a lawmaker's party and state is no place", () => {
    const ps = ['Sen. Tom Poe, R-Brakia, said so.'];
    const ms = mark(ps, [
      [0, 'Tom Poe', 'PER'],
      [0, 'R-Brakia', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts: facts2 }).actors)).toEqual(['PER Tom Poe']);
  });
});

describe('names written together', () => {
  it('splits names glued by a comma, and "A and B" when both are names on their own', () => {
    const ps = ['States such as Freedonia,Brakia allow it, said Zentro News and Kestrel.', 'Zentro News said so. Kestrel agreed. Custard and Border Patrol did not.'];
    const ms = mark(ps, [
      [0, 'Freedonia,Brakia', 'LOC'],
      [0, 'Zentro News and Kestrel', 'ORG'],
      [1, 'Zentro News', 'ORG'],
      [1, 'Kestrel', 'ORG'],
      [1, 'Custard and Border Patrol', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Brakia', 'LOC Freedonia', 'ORG Custard and Border Patrol', 'ORG Kestrel', 'ORG Zentro News']);
  });
  it('joins two names cut at "and" when the whole is a listed place; number words are no names', () => {
    const listed = (name: string): NameFacts => (name === 'Freedonia and Brakia' ? { org: false, loc: true, cityOnly: false, firstName: false } : facts(name));
    const ps = ['Path B: Freedonia and Brakia, Kestrel. Fourth: Zentro News.'];
    const ms = mark(ps, [
      [0, 'Freedonia', 'LOC'],
      [0, 'Brakia', 'LOC'],
      [0, 'Kestrel', 'LOC'],
      [0, 'Fourth', 'ORG'],
      [0, 'Zentro News', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts: listed }).actors)).toEqual(['LOC Freedonia and Brakia', 'LOC Kestrel', 'ORG Zentro News']);
  });
  it('splits "A and B" when both are surnames of people the article names in full', () => {
    const ps = ['Ann Vale and Tom Brun led the field.', 'The remarks were a challenge for Vale and Brun, aides said.'];
    const ms = mark(ps, [
      [0, 'Ann Vale', 'PER'],
      [0, 'Tom Brun', 'PER'],
      [1, 'Vale and Brun', 'ORG'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(names(actors)).toEqual(['PER Ann Vale', 'PER Tom Brun']);
    expect(actors.map((a) => a.mentions)).toEqual([2, 2]);
  });
});

describe('type from the company a name keeps', () => {
  it('a first-name-looking name listed among organisations is an organisation', () => {
    const ps = ['The five companies — Maria Origin, Kestrel Robotics, Zentro Corporation and Acme — won contracts.'];
    const ms = mark(ps, [
      [0, 'Maria Origin', 'PER'],
      [0, 'Kestrel Robotics', 'ORG'],
      [0, 'Zentro Corporation', 'ORG'],
      [0, 'Acme', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toContain('ORG Maria Origin');
  });
  it('a comma between two names is no list', () => {
    const ps = ['Speaking to the Zentro, Sir Tom said so.'];
    const ms = mark(ps, [
      [0, 'Zentro', 'ORG'],
      [0, 'Tom', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Zentro', 'PER Tom']);
  });
  it('a plural noun closing a list types its names', () => {
    const ps = ['Cases were found in Barrow, Kestrel and Van Brun counties.'];
    const ms = mark(ps, [
      [0, 'Barrow', 'ORG'],
      [0, 'Kestrel', 'PER'],
      [0, 'Van Brun', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Barrow', 'LOC Kestrel', 'LOC Van Brun']);
  });
  it('a title before a first name and surname makes a person whatever the tagger said', () => {
    const ps = ['Republican Gov. Tom Brun spoke. Brun left.'];
    const ms = mark(ps, [
      [0, 'Tom Brun', 'LOC'],
      [0, 'Brun', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['PER Tom Brun']);
  });
  it('a first-named person the tagger mostly calls a person stays one beside a few organisation and place cues', () => {
    const ps = [
      'Candidate Ann Brun on Saturday posted an image of a rival.',
      'Two hours later, Brun posted another image. Ann Brun again plays to the crowd, a host who has been critical of Brun wrote.',
      "The posts came from Brun's account. Someone inside Brun's campaign made it. Tom Poe, a spokesman for Brun, did not respond.",
      'Last month, Brun fired her campaign manager. It was a reminder of the unrestrained side of Brun.',
    ];
    const ms = mark(ps, [
      [0, 'Ann Brun', 'PER'],
      [1, 'Brun', 'ORG'],
      [1, 'Ann Brun', 'PER'],
      [1, 'Brun', 'ORG'],
      [2, 'Brun', 'PER'],
      [2, 'Brun', 'PER'],
      [2, 'Tom Poe', 'PER'],
      [2, 'Brun', 'PER'],
      [3, 'Brun', 'PER'],
      [3, 'Brun', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['PER Ann Brun', 'PER Tom Poe']);
  });
  it('a legislature after "in" and a platform after "on" are organisations; a god and a bare PAC are no actors', () => {
    const ps = ['The bill stalled in Congress and in the Senate, Tom Poe wrote on Facebook.', 'A super PAC ran the ad. "God bless you all," he said.'];
    const ms = mark(ps, [
      [0, 'Congress', 'LOC'],
      [0, 'Senate', 'LOC'],
      [0, 'Tom Poe', 'PER'],
      [0, 'Facebook', 'LOC'],
      [1, 'PAC', 'ORG'],
      [1, 'God', 'PER'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Congress', 'ORG Facebook', 'ORG Senate', 'PER Tom Poe']);
  });
  it('the short name of a legislature is still the full one', () => {
    const ps = ['The House of Representatives voted on Friday.', 'The House passed the bill 230 to 197.'];
    const ms = mark(ps, [
      [0, 'House of Representatives', 'ORG'],
      [1, 'House', 'LOC'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG House of Representatives']);
  });
  it('apposition, a role at a place, a magazine and an officer say what a name is', () => {
    expect(mentionCues('Kestrel Hau-yip, the commander of the district, said so.', { start: 0, end: 15 }).PER).toBe(2);
    // the apposition after "X of Y" describes X, not Y
    const ucl = 'Dr. Tristan Smith of University College London, a shipping researcher, explained it.';
    expect(mentionCues(ucl, { start: 21, end: 46 }).PER).toBe(0);
    expect(mentionCues('Smith of the Zentro Group, who founded it, said so.', { start: 13, end: 25 }).PER).toBe(0);
    expect(mentionCues('an economist at Zentro, said', { start: 16, end: 22 }).ORG).toBe(1);
    expect(mentionCues('an article by Zentro magazine', { start: 14, end: 20 }).ORG).toBe(1);
    expect(mentionCues('Zentro President Tom Poe said', { start: 0, end: 6 }).ORG).toBe(1);
    expect(mentionCues('he told The Hill on Monday', { start: 12, end: 16 }).ORG).toBe(2);
  });
  it('a tie to someone written before the name says person', () => {
    const cue = (p: string, t: string) => mentionCues(p, { start: p.indexOf(t), end: p.indexOf(t) + t.length });
    expect(cue('Lladra and her colleague Ivar Fornas Espel have also received drugs.', 'Ivar Fornas Espel').PER).toBe(2);
    expect(cue('He was survived by his late wife Anka Moll.', 'Anka Moll').PER).toBe(2);
    // a company's partner, and a possessive's thing, are not people
    expect(cue('The deal with their partner Zentro closed.', 'Zentro').PER).toBe(0);
    expect(cue('Her colleague’s firm Zentro grew fast.', 'Zentro').PER).toBe(0);
  });
});

describe('how firmly a name is written as a thing', () => {
  it('a name the text calls a mission, or a model after its number, is a thing; an owner before a thing noun is not', () => {
    const ps = [
      'Zentro is building a probe called Kestrel Clipper. Kestrel will orbit Brakia.',
      "Acme's 787-9 Zorbliner jets and 787 Zorbliner sales grew.",
      'Zentro plans a rover Acme said would fly.',
    ];
    const ms = mark(ps, [
      [0, 'Zentro', 'ORG'],
      [0, 'Kestrel Clipper', 'PER'],
      [0, 'Kestrel', 'PER'],
      [0, 'Brakia', 'LOC'],
      [1, 'Acme', 'ORG'],
      [1, 'Zorbliner', 'PER'],
      [1, 'Zorbliner', 'ORG'],
      [2, 'Zentro', 'ORG'],
      [2, 'Acme', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['LOC Brakia', 'ORG Acme', 'ORG Zentro']);
  });
  it('one quoted word may be the word itself, not a title', () => {
    const ps = ['Zentro will take a name without “Zentro” in it.', 'Zentro said so.'];
    const ms = mark(ps, [
      [0, 'Zentro', 'ORG'],
      [0, 'Zentro', 'ORG'],
      [1, 'Zentro', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Zentro']);
  });
  it('pronouns alone do not make a person of a body the tagger called an organisation', () => {
    const ps = ['The wife of a Kestrel member said her flag was hers.', 'Her husband serves in the Kestrel, she said.'];
    const ms = mark(ps, [
      [0, 'Kestrel', 'ORG'],
      [1, 'Kestrel', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Kestrel']);
  });
});

describe('one body named several ways', () => {
  it('a head noun alone joins the one name it heads; an acronym may leave out a word or a "The"', () => {
    const ps = ['Teachers filled the Brakia Statehouse. The Statehouse was loud.', 'The Brakia State Attorney General (BAG) said so, and The Real Zentro (TRZ) reported it. BAG agreed.'];
    const ms = mark(ps, [
      [0, 'Brakia Statehouse', 'LOC'],
      [0, 'Statehouse', 'ORG'],
      [1, 'Brakia State Attorney General', 'ORG'],
      [1, 'BAG', 'ORG'],
      [1, 'Real Zentro', 'ORG'],
      [1, 'TRZ', 'ORG'],
      [1, 'BAG', 'ORG'],
    ]);
    expect(
      buildActors(ps, ms, { facts })
        .actors.map((a) => `${a.type} ${a.name} ${a.mentions}`)
        .sort(),
    ).toEqual(['LOC Brakia Statehouse 2', 'ORG Brakia State Attorney General 3', 'ORG Real Zentro 2']);
  });
  it('a department named with "of" and after its field, and a company with and without its legal form, are one', () => {
    const ps = [
      'The Department of Zentro Border Security said so, and the Zentro Border Security Department agreed.',
      'Kestrel Lunar Systems, Inc. and Acme won. Acme and Kestrel Lunar Systems will build landers.',
      'Zentro Border Security officials said Kestrel Lunar Systems Inc. is late.',
    ];
    const ms = mark(ps, [
      [0, 'Department of Zentro Border Security', 'ORG'],
      [0, 'Zentro Border Security Department', 'ORG'],
      [1, 'Kestrel Lunar Systems, Inc.', 'ORG'],
      [1, 'Acme', 'ORG'],
      [1, 'Acme and Kestrel Lunar Systems', 'ORG'],
      [2, 'Zentro Border Security', 'ORG'],
      [2, 'Kestrel Lunar Systems Inc.', 'ORG'],
    ]);
    expect(
      buildActors(ps, ms, { facts })
        .actors.map((a) => `${a.name} ${a.mentions}`)
        .sort(),
    ).toEqual(['Acme 2', 'Department of Zentro Border Security 3', 'Kestrel Lunar Systems, Inc. 3']);
  });
  it('an acronym may keep one connector and leave out another ("MOTIE" for "Ministry of Trade, Industry and Energy")', () => {
    const ps = ['The Ministry of Land, Transport and Zentro (MOLTZ) said so.', 'MOLTZ plans more roads, and MZLT is another body.'];
    const ms = mark(ps, [
      [0, 'Ministry of Land, Transport and Zentro', 'ORG'],
      [0, 'MOLTZ', 'ORG'],
      [1, 'MOLTZ', 'ORG'],
      [1, 'MZLT', 'ORG'],
    ]);
    expect(
      buildActors(ps, ms, { facts })
        .actors.map((a) => `${a.name} ${a.mentions}`)
        .sort(),
    ).toEqual(['MZLT 1', 'Ministry of Land, Transport and Zentro 3']);
  });
  it('an acronym the text spells out in lower case abbreviates a thing, not a name', () => {
    const ps = ['He had a condition called HP, short for hypersensitivity pneumonitis.', 'HP is an allergy. The Zentro Trust (ZT) treats it.'];
    const ms = mark(ps, [
      [0, 'HP', 'ORG'],
      [1, 'HP', 'ORG'],
      [1, 'Zentro Trust', 'ORG'],
      [1, 'ZT', 'ORG'],
    ]);
    expect(buildActors(ps, ms, { facts }).actors.map((a) => `${a.type} ${a.name} ${a.mentions}`)).toEqual(['ORG Zentro Trust 2']);
  });
  it('credits with a slash inside the name or "photo via" after it, and "Powered by", are no actors', () => {
    const ps = ['The ship broke up.(Tom Poe/ Zentro Space Agency Press Service photo via Wirefoto)', 'Powered by Kestrel.com', 'Zentro said so.'];
    const ms = mark(ps, [
      [0, 'Poe/ Zentro Space Agency Press Service', 'ORG'],
      [1, 'Kestrel.com', 'ORG'],
      [2, 'Zentro', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Zentro']);
  });
});

describe('nicknames, salience and teaser headlines', () => {
  it('a nickname the text introduces joins the person and is not the name shown', () => {
    const ps = ['Maria Lund, known as Gucci Maria, left. Gucci Maria said so.'];
    const ms = mark(ps, [
      [0, 'Maria Lund', 'PER'],
      [0, 'Gucci Maria', 'PER'],
      [0, 'Gucci Maria', 'PER'],
    ]);
    const { actors } = buildActors(ps, ms, { facts });
    expect(actors.map((a) => `${a.type} ${a.name} ${a.mentions}`)).toEqual(['PER Maria Lund 3']);
    expect(actors[0]!.aliases).toContain('Gucci Maria');
  });
  it('among actors with as many mentions, the one in the headline and the speaker come first', () => {
    const ps = ['Zentro opened a shop near Kestrel.', 'Brakia Robotics said it would follow.'];
    const ms = mark(ps, [
      [0, 'Zentro', 'ORG'],
      [0, 'Kestrel', 'LOC'],
      [1, 'Brakia Robotics', 'ORG'],
    ]);
    expect(buildActors(ps, ms, { facts }).actors.map((a) => a.name)).toEqual(['Brakia Robotics', 'Zentro', 'Kestrel']);
    expect(buildActors(ps, ms, { facts, title: 'Kestrel gets a shop' }).actors.map((a) => a.name)[0]).toBe('Kestrel');
  });
  it('a teaser headline of another story names no actor; a tweet signature still does', () => {
    const ps = ['Pizza Man Making Special Delivery to Freedonia During Super Bowl', '— Tom Poe (@tompoe) November 18, 2019', 'Zentro said so.'];
    const ms = mark(ps, [
      [0, 'Pizza Man', 'PER'],
      [0, 'Freedonia', 'LOC'],
      [1, 'Tom Poe', 'PER'],
      [2, 'Zentro', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Zentro', 'PER Tom Poe']);
  });
});

describe('common nouns with a capital and regions', () => {
  it('"an infected Marmot." is a common noun; "a Zentro report" is a body; a single-quoted title is a work', () => {
    const ps = ['They ate an infected Marmot.', 'A Marmot - a large rodent - was eaten, a Zentro report said.', "'GMA' Kestrel Search:", 'Zentro said so.'];
    const ms = mark(ps, [
      [0, 'Marmot', 'ORG'],
      [1, 'Marmot', 'ORG'],
      [1, 'Zentro', 'ORG'],
      [2, 'GMA', 'ORG'],
      [3, 'Zentro', 'ORG'],
    ]);
    expect(names(buildActors(ps, ms, { facts }).actors)).toEqual(['ORG Zentro']);
  });
  it('a compass point before a head word is a region', () => {
    expect(nameShapeType('West Bank')).toBe('LOC');
    expect(nameShapeType('Zentro Bank')).toBe('ORG');
  });
});

describe('display names written in capitals (datelines, shouted captions)', () => {
  const build = (paragraphs: string[], spec: [number, string, EntityType][]) =>
    buildActors(paragraphs, mark(paragraphs, spec), { facts: (n) => facts(n) })
      .actors.map((a) => a.name)
      .sort();

  it('prefers the ordinary spelling the article also uses, whichever is more frequent', () => {
    const paragraphs = ['FREEDONIA (Wirefoto) — Prices rose.', 'FREEDONIA TODAY', 'Officials in Freedonia said prices rose.'];
    expect(
      build(paragraphs, [
        [0, 'FREEDONIA', 'LOC'],
        [1, 'FREEDONIA', 'LOC'],
        [2, 'Freedonia', 'LOC'],
      ]),
    ).toEqual(['Freedonia']);
  });

  it('title-cases a name seen only in capitals, taking words the article spells elsewhere', () => {
    const paragraphs = ['Judge CARRIE ANN INABA at the gala, as seen on Monday.', 'The judge, Inaba, said the show would go on.', 'GLENMORE (Wirefoto) — The gala opened.'];
    expect(
      build(paragraphs, [
        [0, 'CARRIE ANN INABA', 'PER'],
        [1, 'Inaba', 'PER'],
        [2, 'GLENMORE', 'LOC'],
      ]),
    ).toEqual(['Carrie Ann Inaba', 'Glenmore']);
  });

  it('a dateline city that begins with a short place word is title-cased whole ("NEW YORK")', () => {
    const paragraphs = ['NEW GLENMORE - The gala opened on Saturday.', 'SAN MARCOS - The fair closed.'];
    expect(
      build(paragraphs, [
        [0, 'NEW GLENMORE', 'LOC'],
        [1, 'SAN MARCOS', 'LOC'],
      ]),
    ).toEqual(['New Glenmore', 'San Marcos']);
  });

  it('keeps acronyms as written: used inside running text, without vowels, two letters, or a listed body', () => {
    const paragraphs = ['The GLOBEX agency said on Monday that the plan would fail.', 'BBC NEWS reported it first.', 'ACME said it agreed.', 'US officials declined to comment.'];
    expect(
      build(paragraphs, [
        [0, 'GLOBEX', 'ORG'],
        [1, 'BBC NEWS', 'ORG'],
        [2, 'ACME', 'ORG'],
        [3, 'US', 'LOC'],
      ]),
    ).toEqual(['ACME', 'BBC News', 'GLOBEX', 'US']);
  });

  it('title-cases a listed body inside a shouted line of several words ("CLICK HERE TO GET THE ACME NEWS APP")', () => {
    const paragraphs = ['CLICK HERE TO GET THE ACME GAZETTE APP.', 'The gazette said so.'];
    expect(build(paragraphs, [[0, 'ACME GAZETTE', 'ORG']])).toEqual(['Acme Gazette']);
  });

  it('looks up a bounded number of words on a page that shouts many names, and title-cases the rest by shape', () => {
    const surnames = Array.from({ length: 120 }, (_, i) => `ZORB${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}AN`);
    const paragraphs = surnames.map((n) => `Judge MARIA ${n} spoke at length on Monday.`);
    const actors = buildActors(
      paragraphs,
      mark(
        paragraphs,
        paragraphs.map((_, i) => [i, `MARIA ${surnames[i]}`, 'PER'] as [number, string, EntityType]),
      ),
      { facts: (n) => facts(n) },
    ).actors;
    expect(actors).toHaveLength(120);
    for (const a of actors) expect(a.name).toMatch(/^Maria Zorb[a-z]+an$/);
  });

  it('keeps small words of a name in lower case and title-cases hyphens and apostrophes', () => {
    const paragraphs = ["The statement of BANK OF FREEDONIA GOVERNOR JEAN-PAUL O'BRIEN was read out.", 'The governor spoke.'];
    expect(
      build(paragraphs, [
        [0, 'BANK OF FREEDONIA', 'ORG'],
        [0, "JEAN-PAUL O'BRIEN", 'PER'],
      ]),
    ).toEqual(['Bank of Freedonia', "Jean-Paul O'Brien"]);
  });
});

describe('a person glued to the body or place before it', () => {
  it('splits the person off at a role word or a position, and keeps a head the article knows', () => {
    const ps = ['The ruling was read out by Acme Court Justice Maria Lund on Monday.', 'Acme Court has nine members.'];
    expect(
      names(
        buildActors(
          ps,
          mark(ps, [
            [0, 'Acme Court Justice Maria Lund', 'ORG'],
            [1, 'Acme Court', 'ORG'],
          ]),
          { facts },
        ).actors,
      ),
    ).toEqual(['ORG Acme Court', 'PER Maria Lund']);
    const ds = ['Springfield DL Tom Roe was fined for the fight.'];
    expect(names(buildActors(ds, mark(ds, [[0, 'Springfield DL Tom Roe', 'ORG']]), { facts }).actors)).toEqual(['PER Tom Roe']);
  });
  it('splits at no role word when the surname is a person elsewhere in the article', () => {
    const ps = ['Freedonia Ann Vale led the march on Saturday.', 'Vale said the march was peaceful.'];
    expect(
      names(
        buildActors(
          ps,
          mark(ps, [
            [0, 'Freedonia Ann Vale', 'LOC'],
            [1, 'Vale', 'PER'],
          ]),
          { facts },
        ).actors,
      ),
    ).toEqual(['LOC Freedonia', 'PER Ann Vale']);
  });
  it('leaves a body or place whose inner word is a first name', () => {
    const ps = ['Flights left from Springfield Maria Airport and Acme Tom Hospital on Monday.', 'Roe spoke.'];
    const actors = names(
      buildActors(
        ps,
        mark(ps, [
          [0, 'Springfield Maria Airport', 'LOC'],
          [0, 'Acme Tom Hospital', 'ORG'],
          [1, 'Roe', 'PER'],
        ]),
        { facts },
      ).actors,
    );
    expect(actors).toContain('LOC Springfield Maria Airport');
    expect(actors).toContain('ORG Acme Tom Hospital');
    const ns = ['Fans of the Springfield Tom Rovers cheered.'];
    expect(names(buildActors(ns, mark(ns, [[0, 'Springfield Tom Rovers', 'ORG']]), { facts }).actors)).toEqual(['ORG Springfield Tom Rovers']);
    const cs = ['Players met at the Saint Tom Chess Club, and Roe won.'];
    expect(
      names(
        buildActors(
          cs,
          mark(cs, [
            [0, 'Saint Tom Chess Club', 'ORG'],
            [0, 'Roe', 'PER'],
          ]),
          { facts },
        ).actors,
      ),
    ).toContain('ORG Saint Tom Chess Club');
  });
});

describe('news organisations cited as sources (issue #19)', () => {
  const ps = [
    'Brakia Water laid off 200 workers on Monday, according to the Brakia Herald.',
    'The company’s chief, Ann Roe, told Reuters the cuts were over. Reuters reported that, according to the CDC, the water had been tested.',
    'According to the CDC, the water is safe.',
  ];
  const ms = mark(ps, [
    [0, 'Brakia Water', 'ORG'],
    [0, 'Brakia Herald', 'ORG'],
    [1, 'Ann Roe', 'PER'],
    [1, 'Reuters', 'ORG'],
    [1, 'Reuters', 'ORG'],
    [1, 'CDC', 'ORG'],
    [2, 'CDC', 'ORG'],
  ]);

  it('marks a news organisation every mention of which cites it, and no body the article also cites', () => {
    const { actors } = buildActors(ps, ms, { facts });
    const marked = actors.filter((a) => a.outlet).map((a) => a.name);
    expect(marked.sort()).toEqual(['Brakia Herald', 'Reuters']);
    expect(actors.find((a) => a.name === 'CDC')?.outlet).toBeUndefined();
  });

  it('keeps a news organisation the article reports on as well as cites', () => {
    const more = [...ps, 'Reuters will close its Brakia bureau next year.'];
    const { actors } = buildActors(more, [...ms, ...mark(more, [[3, 'Reuters', 'ORG']])], { facts });
    expect(actors.find((a) => a.name === 'Reuters')?.outlet).toBeUndefined();
  });

  it('marks the page’s own publisher named as a source of its report, whatever its name', () => {
    const p = ['The email, seen by Brakia Watch, says the office will close.'];
    const ms1 = mark(p, [[0, 'Brakia Watch', 'ORG']]);
    expect(buildActors(p, ms1, { facts }).actors[0]?.outlet).toBeUndefined();
    // The publisher's name, or it and a place (an edition); not it and another word.
    expect(buildActors(p, ms1, { facts, publishers: ['Brakia Watch', null] }).actors[0]?.outlet).toBe(true);
    expect(buildActors(p, ms1, { facts, publishers: ['The Brakia Watch Freedonia'] }).actors[0]?.outlet).toBe(true);
    expect(buildActors(p, ms1, { facts, publishers: ['Brakia Watchers'] }).actors[0]?.outlet).toBeUndefined();
    expect(buildActors(p, ms1, { facts, publishers: ['Example', 'Brakia Watch News'] }).actors[0]?.outlet).toBeUndefined();
  });

  it('marks the page’s own publisher when it speaks of its own work, unless the headline names it', () => {
    const p = ['Brakia Watch has previously established that the camp is open.', 'Refugees told Brakia Watch the road is closed.'];
    const ms1 = mark(p, [
      [0, 'Brakia Watch', 'ORG'],
      [1, 'Brakia Watch', 'ORG'],
    ]);
    expect(buildActors(p, ms1, { facts }).actors[0]?.outlet).toBeUndefined();
    expect(buildActors(p, ms1, { facts, publishers: ['Brakia Watch', null] }).actors[0]?.outlet).toBe(true);
    expect(buildActors(p, ms1, { facts, publishers: ['Brakia Watch', null], title: 'Brakia Watch wins press award' }).actors[0]?.outlet).toBeUndefined();
    // a body's own page about its work, never citing it, keeps it as an actor
    const q = ['Acme Rockets launched its third lander on Monday.', 'Acme Rockets will fly again in June.'];
    const ms2 = mark(q, [
      [0, 'Acme Rockets', 'ORG'],
      [1, 'Acme Rockets', 'ORG'],
    ]);
    expect(buildActors(q, ms2, { facts, publishers: ['Acme Rockets', null] }).actors[0]?.outlet).toBeUndefined();
  });

  it('leaves unmarked a news organisation the headline names', () => {
    const title = 'Reuters journalist detained in Brakia';
    const p = ['Ann Roe, a Reuters reporter, was detained on Monday, according to Reuters.'];
    const m1 = mark(p, [
      [0, 'Ann Roe', 'PER'],
      [0, 'Reuters', 'ORG'],
      [0, 'Reuters', 'ORG'],
    ]);
    expect(buildActors(p, m1, { facts }).actors.find((a) => a.name === 'Reuters')?.outlet).toBe(true);
    expect(buildActors(p, m1, { facts, title }).actors.find((a) => a.name === 'Reuters')?.outlet).toBeUndefined();
  });
});

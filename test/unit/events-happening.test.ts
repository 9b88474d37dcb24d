import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/types.ts';
import {
  computeFingerprint,
  dayOf,
  decide,
  headlineSubject,
  loadIdfTable,
  seriesClash,
  seriesIn,
  daysAgree,
  DEFAULT_MODEL,
  EMPTY_IDF,
  findEarlierCoverage,
  MemoryCandidateSource,
  happeningOf,
  headSignals,
  kindOfWord,
  KINDS_VERSION,
  kindsAsFirst,
  kindsIn,
  lede,
  pairSignals,
  prepare,
} from '../../lib/events/index.ts';

// Small texts written for these tests (issue #19: what an article is mainly about, from its headline and lede).
const TUE = dayOf(2016, 2, 9); // a Tuesday
const WED = TUE + 1;

describe('kinds of happening', () => {
  it('maps event words to their kind, whole words only, and ignores topic words', () => {
    expect(kindOfWord('Debate')).toBe('debate');
    expect(kindOfWord('caucuses')).toBe('caucus');
    expect(kindOfWord('endorsed')).toBe('endorsement');
    expect(kindOfWord('resignation')).toBe('resignation');
    expect(kindOfWord('economy')).toBeNull();
    expect(kindOfWord('debater')).toBeNull();
  });
  it('lists the kinds a text names in order of first mention, each once, phrases included', () => {
    expect(kindsIn('After the debate, a poll; then another debate')).toEqual(['debate', 'poll']);
    expect(kindsIn('Governor steps down after the ruling')).toEqual(['resignation', 'court']);
    expect(kindsIn('Bill Clinton attacks his critics')).toEqual([]);
  });
  it('tells natural disasters apart, and does not count their dead as another happening', () => {
    // An earthquake and a storm of one week are two events; a storm's floods name both and share one.
    expect(kindsIn('Magnitude 6.1 earthquake strikes; 35 killed')).toEqual(['earthquake']);
    expect(kindsIn('Country braces for storm as hurricane season peaks')).toEqual(['storm']);
    expect(kindsIn('Storm brings flooding to the coast')).toEqual(['storm', 'flood']);
    // "died" and "killed" are the toll of a happening, not a death reported for its own sake.
    expect(kindsIn('Bus crash: 12 people died')).toEqual(['crash']);
    expect(kindsIn('Former senator dies at 91')).toEqual(['death']);
  });
  it('knows the happenings of news beyond elections, and not the words politics borrows from them', () => {
    expect(kindsIn('Envoys seek new ceasefire as peace talks stall')).toEqual(['talks']);
    expect(kindsIn('Unions call a general strike')).toEqual(['strike']);
    expect(kindsIn('Bank announces 4,000 job cuts')).toEqual(['announcement', 'layoffs']);
    expect(kindsIn('Central bank holds interest rates')).toEqual(['rates']);
    expect(kindsIn('Club sacks coach after defeat')).toEqual(['dismissal']);
    expect(kindsIn('Trump blasts Clinton over emails')).toEqual(['leak']);
  });
});

describe('lede', () => {
  it('takes whole first sentences of the body up to its length', () => {
    const body = ['Candidates met in Manchester on Saturday. The debate ran long. ' + 'More words follow here. '.repeat(30)];
    const l = lede(body);
    expect(l.startsWith('Candidates met in Manchester on Saturday.')).toBe(true);
    expect(l.length).toBeLessThanOrEqual(400);
    expect(l.endsWith('.')).toBe(true);
  });
  it('reads on into the next paragraph when the first is a short standfirst', () => {
    expect(lede(['Short.', 'The vote was held on Tuesday.'])).toBe('Short. The vote was held on Tuesday.');
  });
});

describe('happeningOf', () => {
  it('puts the headline kinds first and resolves the lede’s weekday against the article’s date', () => {
    const h = happeningOf('Sanders wins New Hampshire', ['Bernie Sanders won Tuesday’s primary after a debate on Saturday.'], WED);
    expect(h.kinds).toEqual(['primary', 'debate']);
    expect(daysAgree(h.days, [TUE, TUE], 0)).toBe(true);
    expect(h.head).toEqual(expect.arrayContaining(['sander', 'hampshire', 'primary']));
  });
  it('names no day when the lede names none, and no kind in an opinion piece', () => {
    const h = happeningOf('What the establishment still gets wrong', ['Voters are angry, and the parties have not noticed.'], WED);
    expect(h.kinds).toEqual([]);
    expect(h.days).toEqual([]);
  });
});

describe('headline-and-lede signals', () => {
  const fp = (title: string, lead: string, day: number) =>
    computeFingerprint({ title, paragraphs: [title, lead, 'Background paragraph about the campaign so far.'], published: new Date(day * 86_400_000).toISOString() }, [], EMPTY_IDF);
  const p = (title: string, lead: string, day: number) => prepare(fp(title, lead, day), EMPTY_IDF);
  const debate = p('Rubio stumbles in the Republican debate', 'Marco Rubio repeated himself in Saturday’s debate in Manchester.', TUE - 2);
  const factCheck = p('Fact check: claims from the Republican debate', 'Several claims made in Saturday night’s debate were wrong.', TUE - 1);
  const primary = p('Trump wins the New Hampshire primary', 'Donald Trump won Tuesday’s primary in New Hampshire.', WED);

  it('agree on two reports of one debate: the same kind, on the same day named in the lede', () => {
    const s = headSignals(debate, factCheck);
    expect(s.kindClash).toBe(0);
    expect(s.kinds).toEqual(['debate']);
    expect(s.ledeDaySame).toBe(1);
    expect(s.ledeDayClash).toBe(0);
    expect(s.headCos).toBeGreaterThan(0);
  });
  it('tell a debate from the primary days later: other kinds, other days', () => {
    const s = headSignals(debate, primary);
    expect(s.kindClash).toBe(1);
    expect(s.kinds).toEqual([]);
    expect(s.ledeDaySame).toBe(0);
    expect(s.ledeDayClash).toBe(1);
  });
  it('say nothing either way when a side names no kind or day (old fingerprints included)', () => {
    const opinion = p('Why voters are angry', 'The parties have not noticed.', TUE);
    const s = headSignals(debate, opinion);
    expect([s.kindClash, s.ledeDaySame, s.ledeDayClash]).toEqual([0, 0, 0]);
    const old = fp('Rubio stumbles in the Republican debate', 'Marco Rubio repeated himself in Saturday’s debate.', TUE - 2);
    delete old.kinds;
    delete old.kindDays;
    delete old.head;
    const f = pairSignals(prepare(old, EMPTY_IDF), factCheck).features;
    expect([f.headCos, f.kindClash, f.ledeDaySame, f.ledeDayClash]).toEqual([0, 0, 0, 0]);
  });
  it('compare a fingerprint saved under the first lexicon in its words: disasters are one kind there', () => {
    const quake = fp('Earthquake strikes near the coast', 'A strong earthquake struck on Tuesday.', TUE);
    const later = fp('Earthquake: rescuers search the rubble', 'Rescuers searched the rubble after Tuesday’s earthquake.', WED);
    const storm = fp('Storm batters the coast', 'A storm hit the coast on Wednesday.', WED);
    const talks = fp('Envoys seek a ceasefire', 'Envoys met on Wednesday to negotiate a ceasefire.', WED);
    const vote = fp('Parliament vote on the budget', 'Parliament voted on Wednesday.', WED);
    expect(quake.kindsV).toBe(KINDS_VERSION);
    expect(headSignals(prepare(quake, EMPTY_IDF), prepare(storm, EMPTY_IDF))).toMatchObject({ kindSame: 0, kindClash: 1 });
    // The first lexicon called the earthquake a "disaster", and wrote no version.
    const saved = { ...quake, kinds: ['disaster'] };
    delete saved.kindsV;
    const old = prepare(saved, EMPTY_IDF);
    expect(headSignals(old, prepare(later, EMPTY_IDF))).toMatchObject({ kindSame: 1, kindClash: 0, happening: 1, kinds: ['disaster'] });
    // It could not tell the earthquake from the storm; it could tell it from a vote.
    expect(headSignals(old, prepare(storm, EMPTY_IDF))).toMatchObject({ kindSame: 1, kindClash: 0 });
    expect(headSignals(prepare(vote, EMPTY_IDF), old)).toMatchObject({ kindSame: 0, kindClash: 1 });
    // A kind it had no word for is no clash with it.
    expect(headSignals(old, prepare(talks, EMPTY_IDF))).toMatchObject({ kindSame: 0, kindClash: 0, kindOne: 1 });
    expect(kindsAsFirst(['storm', 'talks', 'flood', 'vote'])).toEqual(['disaster', 'vote']);
  });
});

describe('what the panel is told', () => {
  const input = (title: string, lead: string, published: string | null) => ({ title, paragraphs: [title, lead, 'Background about the campaign and the candidates so far.'], published });
  const a = input('Rubio stumbles in the Republican debate in Manchester', 'Marco Rubio repeated himself in Saturday’s debate in Manchester, New Hampshire.', '2016-02-07');
  const b = input('Fact check: the Republican debate in Manchester', 'Marco Rubio and Chris Christie clashed in Saturday night’s debate in Manchester.', '2016-02-08');
  const lookup = async (da: string | null, db: string | null) => {
    const source = new MemoryCandidateSource();
    source.add('a', computeFingerprint({ ...a, published: da }, [], EMPTY_IDF));
    const [found] = await findEarlierCoverage(computeFingerprint({ ...b, published: db }, [], EMPTY_IDF), source, { idf: EMPTY_IDF, keepAll: true });
    return found!;
  };
  it('names the kinds of happening two dated reports share, where the shipped dated regime weighs them', async () => {
    expect(DEFAULT_MODEL.dated!.weights.kindClash).not.toBe(0);
    expect((await lookup('2016-02-07', '2016-02-08')).shared.kinds).toEqual(['debate']);
  });
  it('names none for undated pairs, whose regime does not weigh them', async () => {
    expect(DEFAULT_MODEL.weights.kindClash).toBe(0);
    expect((await lookup(null, null)).shared.kinds).toEqual([]);
  });
});

describe('two happenings of one story in the headlines', () => {
  it('reads the numbered parts of a series, in words or in figures, and not days or halves', () => {
    expect(seriesIn('Caloundra defeat Wynnum in fourth round of the season')).toEqual(['round:4']);
    expect(seriesIn('University win round five; Game 7 tonight')).toEqual(['round:5', 'game:7']);
    expect(seriesIn('Clinton and Trump meet in the second presidential debate')).toEqual(['debate:2']);
    expect(seriesIn('Froome leads after 12th-stage win')).toEqual(['stage:12']);
    expect(seriesIn('Protesters out for a fourth day; Rangers lead at the first half')).toEqual([]);
    expect(seriesClash(['round:3'], ['round:4'])).toBe(true);
    expect(seriesClash(['round:3'], ['round:3', 'game:2'])).toBe(false);
    expect(seriesClash(['round:3'], ['stage:4'])).toBe(false);
    expect(seriesClash([], ['round:4'])).toBe(false);
  });
  it('keeps who a personal happening befalls: the people a headline names, as whole words, first named first', () => {
    const actors: Actor[] = [
      { key: 'PER:joe biden', name: 'Joe Biden', type: 'PER', aliases: ['Biden'], mentions: 4, role: null },
      { key: 'PER:elizabeth warren', name: 'Elizabeth Warren', type: 'PER', aliases: ['Warren'], mentions: 6, role: null },
      { key: 'PER:lee', name: 'Lee', type: 'PER', aliases: [], mentions: 2, role: null },
      { key: 'ORG:senate', name: 'Senate', type: 'ORG', aliases: [], mentions: 2, role: null },
    ];
    expect(headlineSubject('Warren endorses Biden in Leeds speech to the Senate', actors)).toEqual({ kinds: ['endorsement'], people: ['PER:elizabeth warren', 'PER:joe biden'] });
    // No personal kind of happening, or nobody named: nothing to tell two of them apart by.
    expect(headlineSubject('Warren and Biden at the debate', actors)).toBeUndefined();
    expect(headlineSubject('Senator dies at 66', actors)).toBeUndefined();
  });

  const idf = loadIdfTable(readFileSync(new URL('../../public/models/idf.json', import.meta.url), 'utf8'));
  const person = (name: string): Actor => ({ key: `PER:${name.toLowerCase()}`, name, type: 'PER', aliases: [name.split(' ').pop()!], mentions: 3, role: null });
  const obituary = (name: string, age: number, day: string, title = `Former senator ${name} dies at ${age}`) => {
    const surname = name.split(' ').pop()!;
    const paragraphs = [
      `${name}, a former United States senator who led the Senate finance committee for a decade, died at home in Portland, Maine, after a long illness. ${surname} was ${age}.`,
      `${surname} served three terms in the Senate and was known for her work on pensions, rural hospitals and the fishing industry of the Maine coast.`,
      `Tributes came from both parties in Washington, and the governor of Maine ordered flags to fly at half-staff over the state capitol in Augusta.`,
    ];
    return computeFingerprint({ title, paragraphs, published: day }, [person(name), { key: 'LOC:maine', name: 'Maine', type: 'LOC', aliases: [], mentions: 3, role: null }], idf);
  };
  it('tell two deaths of one week apart when their headlines name two people, and keep two reports of one death together', () => {
    const lowell = prepare(obituary('Ann Lowell', 81, '2019-10-28'), idf);
    const perrin = prepare(obituary('Mary Perrin', 90, '2019-10-29'), idf);
    const again = prepare(obituary('Ann Lowell', 81, '2019-10-29', 'Ann Lowell, Maine’s longest-serving senator, dies'), idf);
    const two = pairSignals(perrin, lowell).features;
    expect(two.headClash).toBe(1);
    // All else would call them one event: the headline alone tells them apart.
    expect(decide(DEFAULT_MODEL, { ...two, headClash: 0 }).tier).toBe('same');
    expect(decide(DEFAULT_MODEL, two).tier).toBe('related');
    const one = pairSignals(again, lowell).features;
    expect(one.headClash).toBe(0);
    expect(decide(DEFAULT_MODEL, one).tier).toBe('same');
  });
  it('tell two interviews apart by the one each names that the other does not, not by the first named', () => {
    const wikinews: Actor = { key: 'PER:wikinews', name: 'Wikinews', type: 'PER', aliases: [], mentions: 3, role: null };
    const interview = (name: string, party: string, day: string) =>
      prepare(
        computeFingerprint(
          {
            title: `Wikinews interviews ${name}, ${party} presidential nominee`,
            paragraphs: [`Wikinews spoke with ${name}, the ${party} nominee for president, about the campaign, ballot access and the debates.`],
            published: day,
          },
          [wikinews, person(name)],
          idf,
        ),
        idf,
      );
    const hammons = interview('Bill Hammons', 'Unity Party', '2020-10-23');
    const blankenship = interview('Don Blankenship', 'Constitution Party', '2020-10-19');
    expect(hammons.fp.subject).toEqual({ kinds: ['interview'], people: ['PER:wikinews', 'PER:bill hammons'] });
    expect(pairSignals(hammons, blankenship).features.headClash).toBe(1);
    // One naming the same person and one more is no clash ("Roe arrested" and "Police arrest Roe's accomplice Smith").
    const roe = computeFingerprint({ title: 'John Roe arrested', paragraphs: ['Police arrested John Roe.'], published: '2020-10-19' }, [person('John Roe')], idf);
    const smith = computeFingerprint(
      { title: 'Police arrest Roe accomplice Jack Smith', paragraphs: ['Jack Smith was arrested.'], published: '2020-10-20' },
      [person('John Roe'), person('Jack Smith')],
      idf,
    );
    expect(smith.subject?.people).toEqual(['PER:john roe', 'PER:jack smith']);
    expect(pairSignals(prepare(smith, idf), prepare(roe, idf)).features.headClash).toBe(0);
  });
  it('tell two rounds of one season apart, and say nothing of fingerprints made before', () => {
    const round = (n: string, day: string) =>
      prepare(
        computeFingerprint(
          {
            title: `Caloundra defeat Wynnum in ${n} round of the Sunshine Coast rugby season`,
            paragraphs: ['Caloundra beat Wynnum at the Caloundra ground on Saturday, scoring four tries to one in front of a home crowd of supporters.'],
            published: day,
          },
          [],
          idf,
        ),
        idf,
      );
    const third = round('third', '2020-08-18');
    const fourth = round('fourth', '2020-08-25');
    expect(pairSignals(fourth, third).features.headClash).toBe(1);
    const old = { ...fourth.fp };
    delete old.series;
    expect(pairSignals(prepare(old, idf), third).features.headClash).toBe(0);
  });
});

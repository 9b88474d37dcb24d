import { describe, expect, it } from 'vitest';
import { claimId, DATELINE, findClaims } from '../../lib/nlp/claims/find';
import { claimFromSelection } from '../../lib/nlp/claims/missed';
import { blankQuotes, claimSignals, type SignalInput } from '../../lib/nlp/claims/signals';
import type { Actor, Mention } from '../../lib/types';

/** A builder of mentions of one type in paragraphs `ps`: paragraph, text, actor key, and where to search from. */
const mentionsIn =
  (ps: readonly string[], type: Mention['type']) =>
  (p: number, text: string, key: string, from = 0): Mention => ({ paragraph: p, start: ps[p]!.indexOf(text, from), end: ps[p]!.indexOf(text, from) + text.length, text, type, actorKey: key });

const sig = (text: string, over: Partial<SignalInput> = {}) => claimSignals({ text, kind: 'factual', source: null, sourceNamed: false, cue: null, noSpeaker: false, ...over }).map((s) => s.code);

describe('signals that the text does not establish a claim', () => {
  it('finds hedges and distancing in the narration', () => {
    expect(sig('The minister reportedly resigned on Monday.')).toEqual(['hedge']);
    expect(sig('It is understood that talks will resume.')).toEqual(['no-source']);
    expect(sig('The company is said to be preparing job cuts.')).toEqual(['hedge']);
    expect(sig('Putin’s reported initial suggestion of Moscow was rejected.')).toEqual(['hedge']);
    expect(sig('The alleged attacker was arrested.')).toEqual(['hedge']);
    expect(sig('He is widely suspected of asking for the delay.')).toEqual(['hedge']);
    // The article's own "could" is modality, not distance (issue #18); a suggested "could" is below.
    expect(sig('Troops could be offered by the US.')).toEqual([]);
    expect(sig('The court found that it could rule on the case.')).toEqual([]);
  });
  it('names unnamed and single unnamed sources', () => {
    expect(sig('The deal is close, sources said.')).toEqual(['unnamed-sources']);
    expect(sig('The deal is close.', { kind: 'reported', source: 'a senior official' })).toEqual(['single-unnamed-source']);
    expect(sig('The deal is close.', { kind: 'reported', source: 'officials', sourceNamed: false })).toEqual(['unnamed-sources']);
    expect(sig('The deal is close.', { kind: 'reported', source: 'Jane Doe', sourceNamed: true })).toEqual([]);
  });
  it('flags quotes without a speaker, suggestions and possibilities, with reasons in words', () => {
    const all = claimSignals({ text: 'Troops could be sent.', kind: 'reported', source: 'He', sourceNamed: true, cue: 'suggested', noSpeaker: false });
    expect(all.map((s) => s.code)).toEqual(['speculative', 'possibility']);
    expect(all[0]!.reason).toBe('The speaker only “suggested” it');
    expect(all[1]!.reason).toMatch(/possibility/);
    expect(sig('“It is over,” the statement read.', { kind: 'quote', noSpeaker: true })).toEqual(['no-speaker']);
  });
  it('leaves the speaker’s own words and plain facts alone', () => {
    expect(sig('“I think they could win, reportedly,” she said.', { kind: 'quote', source: 'she', sourceNamed: true })).toEqual([]);
    expect(sig('Unemployment fell to 3.5% in May.')).toEqual([]);
    expect(blankQuotes('a “b c” d')).toBe('a       d');
  });
});

describe('finding claims without models', () => {
  const paragraphs = [
    'Prices rose by 5% last year, the fastest rise in a decade, but Jane Doe said the worst was over.',
    '“We have turned the corner,” she told the BBC. “Wages are rising again.”',
    'Ministers are reportedly planning a tax cut.',
  ];
  const mentions: Mention[] = [
    { paragraph: 0, start: 63, end: 71, text: 'Jane Doe', type: 'PER', actorKey: 'PER:jane doe' },
    { paragraph: 1, start: 39, end: 42, text: 'BBC', type: 'ORG', actorKey: 'ORG:bbc' },
  ];
  const actors: Actor[] = [
    { key: 'PER:jane doe', name: 'Jane Doe', type: 'PER', aliases: ['Jane Doe'], mentions: 1, role: null },
    { key: 'ORG:bbc', name: 'BBC', type: 'ORG', aliases: ['BBC'], mentions: 1, role: null },
  ];
  const claims = findClaims({ paragraphs, mentions, actors, model: null });

  it('splits a sentence into its own factual part and the attributed part', () => {
    expect(paragraphs[0]!.slice(63, 71)).toBe('Jane Doe');
    const reported = claims.find((c) => c.text.includes('the worst was over'));
    expect(reported).toMatchObject({ kind: 'reported', speaker: 'Jane Doe', speakerKey: 'PER:jane doe' });
    expect(reported!.text.startsWith('Jane Doe said')).toBe(true);
  });
  it('resolves “she” to the person quoted just before and keeps a two-sentence quote whole', () => {
    const quote = claims.find((c) => c.kind === 'quote');
    expect(quote).toMatchObject({ speaker: 'Jane Doe', cue: expect.stringMatching(/told/) });
    expect(quote!.text).toContain('Wages are rising again');
  });
  it('keeps unattributed sentences only when they carry a signal (no model: no scores)', () => {
    const hedged = claims.find((c) => c.text.includes('reportedly'));
    expect(hedged).toMatchObject({ kind: 'factual', unverified: true, checkworthiness: 0 });
    expect(claims.some((c) => c.text.startsWith('Prices rose'))).toBe(false);
  });
  it('a quotation closed with two right single quotes (wire copy) still makes its sentence a claim', () => {
    const found = findClaims({
      paragraphs: ['The commission issued a statement warning that “voters are entitled to transparency and integrity from campaigners.’’ Prices rose again.'],
      mentions: [],
      actors: [],
      model: null,
    });
    expect(found.map((c) => c.text)).toEqual(['The commission issued a statement warning that “voters are entitled to transparency and integrity from campaigners.’’']);
  });
  it('gives ids that depend on the text only', () => {
    expect(claimId('A  b\nc')).toBe(claimId('a b c'));
    const again = findClaims({ paragraphs, mentions, actors, model: null });
    expect(again.map((c) => c.id)).toEqual(claims.map((c) => c.id));
  });
  it('never throws on odd input and stays bounded', () => {
    for (const text of ['', '“', '”””', '"a" "b" "c', 'said said said.', '\u0000\uffff', '“'.repeat(20_000), 'a. '.repeat(50_000)]) {
      expect(() => findClaims({ paragraphs: [text], mentions: [], actors: [], model: null })).not.toThrow();
    }
  });
});

describe('a claim the reader marks', () => {
  const paragraphs = ['The bridge  was built in 1932.', 'It cost £2m, the council says.'];
  it('is found in the paragraphs, across white space and paragraphs', () => {
    const c = claimFromSelection(paragraphs, 'The bridge was built in 1932.');
    expect(c).toMatchObject({ missed: true, kind: 'factual', spans: [{ paragraph: 0, start: 0, end: 30 }] });
    const two = claimFromSelection(paragraphs, 'built in 1932.\n\nIt cost £2m');
    expect(typeof two !== 'string' && two.spans.map((s) => s.paragraph)).toEqual([0, 1]);
  });
  it('says why when there is nothing to mark', () => {
    expect(claimFromSelection(paragraphs, '   ')).toMatch(/Select the sentence/);
    expect(claimFromSelection(paragraphs, 'The bridge')).toMatch(/at least a few words/);
    expect(claimFromSelection(paragraphs, 'Subscribe to our newsletter today')).toMatch(/not in the article text/);
  });
});

describe('"we" and "they" as sources', () => {
  it('"we" in the narration is whoever wrote the article, not a name it mentioned', () => {
    const ps = ['We traveled to the offices in London to try the service.', 'We called it “an incredible feat when it decides to work.”'];
    const ms: Mention[] = [{ paragraph: 0, start: ps[0]!.indexOf('London'), end: ps[0]!.indexOf('London') + 6, text: 'London', type: 'LOC', actorKey: 'LOC:london' }];
    const as: Actor[] = [{ key: 'LOC:london', name: 'London', type: 'LOC', aliases: ['London'], mentions: 1, role: null }];
    const c = findClaims({ paragraphs: ps, mentions: ms, actors: as, model: null }).find((x) => x.text.includes('incredible'));
    expect([c?.speaker, c?.speakerKey]).toEqual(['We', null]);
    // one spelling wherever it stands in the sentence
    const mid = findClaims({ paragraphs: ['Earlier this year, we announced that the service would close in the spring.'], mentions: [], actors: [], model: null });
    expect(mid[0]?.speaker).toBe('We');
  });
  it('"they" are people or a body, not a place', () => {
    const ps = ['Protesters marched through Hong Kong on Sunday.', 'They said that the march would go on for a week.'];
    const at = ps[0]!.indexOf('Hong Kong');
    const ms: Mention[] = [{ paragraph: 0, start: at, end: at + 9, text: 'Hong Kong', type: 'LOC', actorKey: 'LOC:hong kong' }];
    const as: Actor[] = [{ key: 'LOC:hong kong', name: 'Hong Kong', type: 'LOC', aliases: ['Hong Kong'], mentions: 1, role: null }];
    const c = findClaims({ paragraphs: ps, mentions: ms, actors: as, model: null }).find((x) => x.text.includes('march would'));
    expect(c?.speaker).toBeNull();
  });
});

describe('a body named again by its noun', () => {
  const paragraphs = [
    'The European Space Agency and Acme Corp signed a deal in Paris on Monday.',
    'Acme Corp shares rose after the deal. Acme Corp builds rocket engines in Ohio.',
    'The agency said that the first crewed mission would fly in 2030.',
    'The company said that it would hire 500 engineers next year.',
    'The group said that the deal would cost jobs in Ohio.',
    'The organization said that the deal would bring 200 jobs to Paris.',
  ];
  const at = (p: number, text: string, from = 0) => paragraphs[p]!.indexOf(text, from);
  const m = (p: number, text: string, key: string, from = 0): Mention => ({ paragraph: p, start: at(p, text, from), end: at(p, text, from) + text.length, text, type: 'ORG', actorKey: key });
  const mentions: Mention[] = [m(0, 'European Space Agency', 'ORG:esa'), m(0, 'Acme Corp', 'ORG:acme'), m(1, 'Acme Corp', 'ORG:acme'), m(1, 'Acme Corp', 'ORG:acme', 10)];
  const actors: Actor[] = [
    { key: 'ORG:esa', name: 'European Space Agency', type: 'ORG', aliases: ['European Space Agency'], mentions: 1, role: null },
    { key: 'ORG:acme', name: 'Acme Corp', type: 'ORG', aliases: ['Acme Corp'], mentions: 3, role: null },
  ];
  const claims = findClaims({ paragraphs, mentions, actors, model: null });
  const speakerOf = (words: string) => claims.find((c) => c.text.includes(words))?.speaker;

  it('"the agency" is the body named before whose name has that noun', () => {
    expect(speakerOf('first crewed mission')).toBe('European Space Agency');
  });
  it('"the company" and "the organization" are the body the article names most; "the group" is not guessed', () => {
    expect(speakerOf('hire 500 engineers')).toBe('Acme Corp');
    expect(speakerOf('200 jobs to Paris')).toBe('Acme Corp');
    expect(speakerOf('cost jobs in Ohio')).toBe('group');
  });
  it('"the organization" is no news organisation the article cites', () => {
    const ps = [
      'Brakia Watch said 40 people were held, Wire News reported.',
      'Brakia Watch said police denied it, Wire News added, citing Wire News sources.',
      'The organization said that the real toll of the arrests may be much higher.',
    ];
    const mk = (p: number, text: string, key: string, from = 0): Mention => {
      const start = ps[p]!.indexOf(text, from);
      return { paragraph: p, start, end: start + text.length, text, type: 'ORG', actorKey: key };
    };
    const ms = [mk(0, 'Brakia Watch', 'ORG:bw'), mk(0, 'Wire News', 'ORG:wn'), mk(1, 'Brakia Watch', 'ORG:bw'), mk(1, 'Wire News', 'ORG:wn'), mk(1, 'Wire News', 'ORG:wn', 40)];
    const as: Actor[] = [
      { key: 'ORG:bw', name: 'Brakia Watch', type: 'ORG', aliases: ['Brakia Watch'], mentions: 2, role: null },
      { key: 'ORG:wn', name: 'Wire News', type: 'ORG', aliases: ['Wire News'], mentions: 3, role: null, outlet: true },
    ];
    const c = findClaims({ paragraphs: ps, mentions: ms, actors: as, model: null }).find((x) => x.text.includes('real toll'));
    expect(c?.speaker).toBe('Brakia Watch');
  });
  it('a body named with the noun for what it is heads the source phrase ("the Global Times tabloid")', () => {
    const ps = ['But as the nationalist Zentro Times tabloid noted in an op-ed, the candidate has fans in Brakia.'];
    const ms = [mentionsIn(ps, 'ORG')(0, 'Zentro Times', 'ORG:zt')];
    const as: Actor[] = [{ key: 'ORG:zt', name: 'Zentro Times', type: 'ORG', aliases: ['Zentro Times'], mentions: 1, role: null }];
    expect(findClaims({ paragraphs: ps, mentions: ms, actors: as, model: null }).find((c) => c.text.includes('has fans'))?.speaker).toBe('Zentro Times');
  });
  it('a pronoun before a cue is not the person the cue is done to ("he called Rubio …")', () => {
    const ps = ['Brun spoke first in Detroit on Thursday night.', '“He is always calling me names,” Moll said of Brun.', 'Within minutes, he called Moll “Little Marco” many times.'];
    const mk = mentionsIn(ps, 'PER');
    const ms = [mk(0, 'Brun', 'PER:brun'), mk(1, 'Moll', 'PER:moll'), mk(1, 'Brun', 'PER:brun'), mk(2, 'Moll', 'PER:moll')];
    const as: Actor[] = [
      { key: 'PER:brun', name: 'Brun', type: 'PER', aliases: ['Brun'], mentions: 2, role: null },
      { key: 'PER:moll', name: 'Moll', type: 'PER', aliases: ['Moll'], mentions: 2, role: null },
    ];
    const found = findClaims({ paragraphs: ps, mentions: ms, actors: as, model: null });
    expect(found.find((c) => c.text.includes('always calling me'))?.speaker).toBe('Moll');
    expect(found.find((c) => c.text.includes('Little Marco'))?.speaker).not.toBe('Moll');
  });
  it('"the group" is the body the article introduced as a group, before the name or after it', () => {
    const ps = [
      'The group, Brakia Workers Coalition, formed in recent weeks and wrote to Acme Corp.',
      'The group said that the deal would cost jobs in Ohio.',
      'Zentro, a union of nurses, joined the talks. Acme Corp said nothing.',
      'The union said that the talks had failed.',
    ];
    const mk = mentionsIn(ps, 'ORG');
    const ms = [mk(0, 'Brakia Workers Coalition', 'ORG:bwc'), mk(0, 'Acme Corp', 'ORG:acme'), mk(2, 'Zentro', 'ORG:zentro'), mk(2, 'Acme Corp', 'ORG:acme')];
    const as: Actor[] = [
      { key: 'ORG:bwc', name: 'Brakia Workers Coalition', type: 'ORG', aliases: ['Brakia Workers Coalition'], mentions: 1, role: null },
      { key: 'ORG:acme', name: 'Acme Corp', type: 'ORG', aliases: ['Acme Corp'], mentions: 2, role: null },
      { key: 'ORG:zentro', name: 'Zentro', type: 'ORG', aliases: ['Zentro'], mentions: 1, role: null },
    ];
    const found = findClaims({ paragraphs: ps, mentions: ms, actors: as, model: null });
    expect(found.find((c) => c.text.includes('cost jobs'))?.speaker).toBe('Brakia Workers Coalition');
    expect(found.find((c) => c.text.includes('talks had failed'))?.speaker).toBe('Zentro');
  });
  it('"the agency" with no body named so is the agency the article names most by its acronym or an administration', () => {
    const ps = ['NASA and Acme Corp signed a deal on Monday.', 'NASA chose the rocket. Acme Corp builds it. Acme Corp is in Ohio.', 'The agency said that the first crewed mission would fly in 2030.'];
    const mk = mentionsIn(ps, 'ORG');
    const ms = [mk(0, 'NASA', 'ORG:nasa'), mk(0, 'Acme Corp', 'ORG:acme'), mk(1, 'NASA', 'ORG:nasa'), mk(1, 'Acme Corp', 'ORG:acme'), mk(1, 'Acme Corp', 'ORG:acme', 30)];
    const as: Actor[] = [
      { key: 'ORG:nasa', name: 'NASA', type: 'ORG', aliases: ['NASA'], mentions: 2, role: null },
      { key: 'ORG:acme', name: 'Acme Corp', type: 'ORG', aliases: ['Acme Corp'], mentions: 3, role: null },
    ];
    const found = findClaims({ paragraphs: ps, mentions: ms, actors: as, model: null });
    expect(found.find((c) => c.text.includes('first crewed'))?.speaker).toBe('NASA');
    // named once, it is not guessed
    const once = findClaims({ paragraphs: ps, mentions: ms.filter((x, i) => i !== 2), actors: as, model: null });
    expect(once.find((c) => c.text.includes('first crewed'))?.speaker).toBe('agency');
  });
});

describe('a dateline', () => {
  it('is where the report was filed, not part of its first claim', () => {
    const ps = [
      'ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a sixth fatality linked to the virus, officials said.',
      'BERLIN -- The European Space Agency says putting astronauts into hibernation could shrink their spacecraft.',
      'NATO – Russia relations have worsened since the summit, the alliance’s officials said on Tuesday.',
    ];
    const claims = findClaims({ paragraphs: ps, mentions: [], actors: [], model: null });
    const first = claims.find((c) => c.text.includes('sixth fatality'))!;
    expect(first.text).toMatch(/^Michigan health authorities are reporting/);
    expect(first.spans[0]).toMatchObject({ paragraph: 0, start: ps[0]!.indexOf('Michigan health') });
    expect(claims.find((c) => c.text.includes('hibernation'))?.text).toMatch(/^The European Space Agency says/);
    // Past the lede, a name in capitals and a dash open a sentence, not a dateline.
    expect(claims.find((c) => c.text.includes('relations'))?.text).toMatch(/^NATO – Russia relations/);
    expect(DATELINE.exec('LONDON, Nov 19 (Reuters) - Oil fell')?.[0]).toBe('LONDON, Nov 19 (Reuters) - ');
    expect(DATELINE.exec('WASHINGTON—The Senate voted')?.[0]).toBe('WASHINGTON—');
    // Not a dateline: a name in capitals going on in lower case, a two-letter word, a hyphenated pair.
    for (const t of ['NASA — the agency that runs it said', 'OK — Fine', 'US-China talks resume']) expect(DATELINE.exec(t)).toBeNull();
    expect(DATELINE.exec('(CNN)President Donald Trump')?.[0]).toBe('(CNN)');
  });
});

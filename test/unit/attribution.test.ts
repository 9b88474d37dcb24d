import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findAttributions, type Attribution, type Span } from '../../lib/nlp/claims/attribution';

/** Speed is measured in `npm run bench`; these bounds only catch a hang (linear runs take well under a second). */
const HANG_MS = 20_000;

const seed = JSON.parse(readFileSync(new URL('../fixtures/claims/seed-paragraphs.json', import.meta.url), 'utf8')) as { paragraphs: string[] };
const article = seed.paragraphs.join('\n\n');

const sl = (text: string, s: Span | null): string | null => (s ? text.slice(s.start, s.end) : null);

/** The one attribution whose content contains `fragment`. */
function about(text: string, atts: Attribution[], fragment: string): Attribution {
  const hits = atts.filter((a) => sl(text, a.content)!.includes(fragment));
  if (hits.length !== 1) throw new Error(`expected one attribution with "${fragment}", got ${hits.length}`);
  return hits[0]!;
}

describe('findAttributions on the seed article', () => {
  const atts = findAttributions(article);
  const get = (fragment: string) => about(article, atts, fragment);

  it('returns spans that index the text, sorted by content start', () => {
    expect(atts.length).toBeGreaterThan(10);
    for (let i = 1; i < atts.length; i++) expect(atts[i]!.content.start).toBeGreaterThanOrEqual(atts[i - 1]!.content.start);
    for (const a of atts) {
      expect(a.content.end).toBeGreaterThan(a.content.start);
      expect(a.content.end).toBeLessThanOrEqual(article.length);
    }
  });

  it('“a major step forward”: President Zelensky hailed it', () => {
    const a = get('a major step forward');
    expect(a.kind).toBe('quote');
    expect(sl(article, a.source)).toBe('President Zelensky');
    expect(sl(article, a.cue)).toContain('hailed');
    expect(sl(article, a.content)).toBe('a major step forward');
  });

  it('the Downing Street spokesperson on meeting US counterparts', () => {
    const a = get('meet with their US counterparts in the coming days');
    expect(a.kind).toBe('quote');
    expect(sl(article, a.source)).toBe('a Downing Street spokesperson');
    expect(sl(article, a.cue)).toBe('said');
  });

  it('Sir Keir on a “real significant breakthrough”', () => {
    const a = get('real significant breakthrough');
    expect(a.kind).toBe('quote');
    expect(sl(article, a.source)).toBe('Sir Keir');
  });

  it('the French president: one quotation over three sentences, split by its cue', () => {
    const a = get('I think we have changed President Trump');
    expect(a.kind).toBe('quote');
    expect(sl(article, a.source)).toBe('the French president');
    expect(sl(article, a.cue)).toBe('told Paris Match');
    const content = sl(article, a.content)!;
    expect(content.startsWith('I think we have changed')).toBe(true);
    expect(content).toContain('You remember the time');
    expect(content.endsWith('his unpredictability.')).toBe(true);
  });

  it('a three-sentence quotation with the cue after it: “…,” he said.', () => {
    const a = get('Everything worked out well until [President] Biden got involved');
    expect(a.kind).toBe('quote');
    expect(sl(article, a.source)).toBe('he');
    expect(a.sourceIsPronoun).toBe(true);
    expect(sl(article, a.content)!.startsWith('It was always thought')).toBe(true);
  });

  it('Steve Witkoff suggested (reported speech)', () => {
    const a = get('measures similar to Nato’s article five');
    expect(a.kind).toBe('reported');
    expect(["Mr Trump's envoy, Steve Witkoff", 'Steve Witkoff']).toContain(sl(article, a.source));
    expect(sl(article, a.cue)).toBe('suggested');
  });

  it('“It is understood that …”: reported, no source', () => {
    const a = get('the UK’s chief of defence staff');
    expect(a.kind).toBe('reported');
    expect(a.source).toBeNull();
    expect(sl(article, a.cue)).toBe('It is understood');
  });

  it('Mr Cassis said he would not be arrested (a two-word quote inside stays reported)', () => {
    const a = get('he would not be arrested');
    expect(a.kind).toBe('reported');
    expect(sl(article, a.source)).toBe('Mr Cassis');
    expect(sl(article, a.cue)).toBe('said');
  });

  it('participles and coordinated cues keep the speaker', () => {
    expect(sl(article, get('Switzerland was “ready for such a meeting').source)).toBe('Mr Cassis');
    expect(sl(article, get('Mr Zelensky had to show flexibility').source)).toBe('the US president');
    expect(sl(article, get('formalised on paper').source)).toBe('President Zelensky');
  });

  it('ignores scare quotes that nobody said', () => {
    for (const phrase of ['reassurance force', 'coalition of the willing']) {
      const p = article.indexOf(phrase);
      const para = article.slice(0, article.indexOf('\n\n', p));
      expect(atts.filter((a) => a.content.start < para.length && sl(article, a.content)!.includes(phrase) && a.content.end - a.content.start < 40)).toEqual([]);
    }
    const first = seed.paragraphs[0]!.length + 2 + seed.paragraphs[1]!.length;
    expect(atts.filter((a) => a.content.start < first)).toEqual([]);
  });
});

describe('findAttributions: patterns', () => {
  const one = (text: string, fragment: string) => {
    const atts = findAttributions(text);
    const a = about(text, atts, fragment);
    return { kind: a.kind, source: sl(text, a.source), cue: sl(text, a.cue), content: sl(text, a.content), pronoun: a.sourceIsPronoun ?? false };
  };

  it.each([
    ['“We will win,” the senator said.', 'We will win', { kind: 'quote', source: 'the senator', cue: 'said', content: 'We will win' }],
    ['“We will win,” said Senator Jane Smith.', 'We will win', { kind: 'quote', source: 'Senator Jane Smith', cue: 'said' }],
    ['The minister said: “Nothing has been decided yet.”', 'Nothing has been decided', { kind: 'quote', source: 'The minister', cue: 'said', content: 'Nothing has been decided yet.' }],
    ['Police said that the suspect had fled the scene.', 'the suspect had fled', { kind: 'reported', source: 'Police', cue: 'said', content: 'that the suspect had fled the scene' }],
    ['The mayor told the BBC the bridge would reopen in May.', 'bridge would reopen', { kind: 'reported', source: 'The mayor', cue: 'told the BBC', content: 'the bridge would reopen in May' }],
    ['According to officials, the plant will close next year.', 'the plant will close', { kind: 'reported', source: 'officials', cue: 'According to', content: 'the plant will close next year' }],
    ['The plant will close next year, according to the company.', 'The plant will close', { kind: 'reported', source: 'the company', cue: 'according to' }],
    ['The talks have stalled, sources said.', 'The talks have stalled', { kind: 'reported', source: 'sources', cue: 'said', content: 'The talks have stalled' }],
    ['The Kremlin claimed the drones had been shot down over Belgorod.', 'drones had been shot down', { kind: 'reported', source: 'The Kremlin', cue: 'claimed' }],
    ['The New York Post has learned that the deal is off.', 'the deal is off', { kind: 'reported', source: 'The New York Post', cue: 'has learned' }],
    ['She warned that prices would rise again.', 'prices would rise', { kind: 'reported', source: 'She', cue: 'warned', pronoun: true }],
  ])('%s', (text, fragment, expected) => {
    expect(one(text, fragment)).toMatchObject(expected);
  });

  it('a subordinate clause ends at the comma inside a closing mark when a new attribution follows', () => {
    const t = 'After Brun said that students might do better at "less advanced schools," Moll said: "I don\'t like what he said, no."';
    const atts = findAttributions(t).map((a) => [sl(t, a.source), sl(t, a.cue)]);
    expect(atts).toEqual([
      ['Brun', 'said'],
      ['Moll', 'said'],
    ]);
    // a chant in the clause, and the sentence goes on with no new speaker
    const u = 'While some protesters chanted, “Red for Ed,” in a hallway, the speaker defended the budget.';
    expect(findAttributions(u).map((a) => sl(u, a.content))).not.toContain('Red for Ed');
  });
  it('a verb of saying with an infinitive of purpose after it says nothing: "…, a painkiller added to increase its weight;"', () => {
    const t = 'One sample also contained phenacetin, a painkiller added to increase the product’s weight; and some caffeine.';
    expect(findAttributions(t).filter((a) => sl(t, a.cue) === 'added')).toEqual([]);
    const r = 'The bridge would reopen next week, the mayor said to the council.';
    expect(findAttributions(r).map((a) => sl(r, a.source))).toEqual(['the mayor']);
  });

  it('joins a quotation split by its cue: “…,” X added, “…”', () => {
    const t = '“We are not there yet,” the chancellor added, “but we are close.”';
    const atts = findAttributions(t);
    expect(atts).toHaveLength(1);
    expect(sl(t, atts[0]!.content)).toBe('We are not there yet,” the chancellor added, “but we are close.');
    expect(sl(t, atts[0]!.source)).toBe('the chancellor');
    expect(sl(t, atts[0]!.cue)).toBe('added');
  });

  it('gives a quotation with no speaker a null source', () => {
    const t = 'The crowd was silent.\n\n“Nobody expected this to happen so soon.”';
    const atts = findAttributions(t);
    expect(atts).toHaveLength(1);
    expect(atts[0]).toMatchObject({ kind: 'quote', source: null, cue: null });
    expect(sl(t, atts[0]!.content)).toBe('Nobody expected this to happen so soon.');
  });

  it('takes the speaker of a quotation from the sentence before when it ends with a cue and a colon', () => {
    const t = 'The prime minister said:\n\n“We will not be moved on this.”';
    const atts = findAttributions(t);
    expect(atts).toHaveLength(1);
    expect(sl(t, atts[0]!.source)).toBe('The prime minister');
  });

  it('continues a quotation in the next sentence of the same paragraph', () => {
    const t = '“It is a good day,” Ms Lee said. “We have worked for this.”';
    const atts = findAttributions(t);
    expect(atts).toHaveLength(1);
    expect(sl(t, atts[0]!.content)).toBe('It is a good day,” Ms Lee said. “We have worked for this.');
  });

  it('treats a quotation left open at a paragraph end and reopened as one attribution', () => {
    const t = '“This is the first paragraph of a long statement. It goes on.\n\n“And this is the second paragraph of it,” she said.';
    const atts = findAttributions(t);
    expect(atts).toHaveLength(1);
    const a = atts[0]!;
    expect(a.kind).toBe('quote');
    expect(sl(t, a.source)).toBe('she');
    expect(sl(t, a.content)!.startsWith('This is the first paragraph')).toBe(true);
    expect(sl(t, a.content)!.endsWith('second paragraph of it')).toBe(true);
  });

  it('keeps single quotes nested in double quotes inside one quotation', () => {
    const t = '“He told me ‘never again’, and he meant it,” she said.';
    const atts = findAttributions(t);
    expect(atts).toHaveLength(1);
    expect(sl(t, atts[0]!.content)).toBe('He told me ‘never again’, and he meant it');
    expect(sl(t, atts[0]!.source)).toBe('she');
  });

  it('attributes “…,” X said. after a lead-in of narration that ends with a colon, and the quotation after it', () => {
    const t = 'Phoning in from London, the director recalled the worry: “The script said, ‘She sings a great song. The end,’” Harper said. “I had faith that we could figure it out.”';
    const atts = findAttributions(t);
    expect(atts).toHaveLength(1);
    expect(sl(t, atts[0]!.source)).toBe('Harper');
    expect(sl(t, atts[0]!.content)!.startsWith('The script said')).toBe(true);
    expect(sl(t, atts[0]!.content)!.endsWith('we could figure it out.')).toBe(true);
    // A lead-in that holds a quotation of its own is not narration.
    const u = 'He called it “a disaster”: “We lost everything,” Harper said.';
    expect(findAttributions(u).find((a) => sl(u, a.content) === 'We lost everything')).toBeUndefined();
  });
  it('reads straight quotes and doubled apostrophes', () => {
    const t = "\"We have done our part,\" the governor said. ''It is up to them now,'' Mr. Cole said.";
    const atts = findAttributions(t);
    expect(atts.map((a) => [sl(t, a.source), sl(t, a.content)])).toEqual([
      ['the governor', 'We have done our part'],
      ['Mr. Cole', 'It is up to them now'],
    ]);
  });

  it('uses NER mentions to delimit a source', () => {
    const t = 'Bank of England governor Andrew Bailey said rates would stay on hold.';
    const mentions = [
      { start: 0, end: 15, type: 'ORG' as const },
      { start: 25, end: 38, type: 'PER' as const },
    ];
    const a = findAttributions(t, { mentions })[0]!;
    expect(sl(t, a.source)).toBe('Bank of England governor Andrew Bailey');
    expect(findAttributions(t)[0]!.kind).toBe('reported');
  });

  it('does not report scare quotes, passives or cues inside quotations', () => {
    expect(findAttributions('The so-called “peace plan” was published on Monday.')).toEqual([]);
    expect(findAttributions('He is said to be furious about the leak.')).toEqual([]);
    expect(findAttributions('Shares fell 3% after the results were released on Tuesday.')).toEqual([]);
  });
});

describe('findAttributions: robustness', () => {
  it('handles empty and odd input', () => {
    expect(findAttributions('')).toEqual([]);
    expect(findAttributions('“')).toEqual([]);
    expect(findAttributions('said said said, said: “”')).toBeInstanceOf(Array);
  });

  it.each([
    ['100k curly opening marks', '“'.repeat(100_000)],
    ['100k straight double quotes', '"'.repeat(100_000)],
    ['100k straight single quotes', "'".repeat(100_000)],
    ['alternating marks and words', '“a ”b said, '.repeat(20_000)],
    ['unbalanced quotes with cues', 'He said “we will, she said ‘no. '.repeat(5_000)],
    ['commas and cues', ', said he, '.repeat(20_000)],
  ])(
    'finishes on %s (a hang guard, not a speed test: a quadratic pass over these inputs takes minutes)',
    (_name, text) => {
      const t0 = performance.now();
      const out = findAttributions(text);
      expect(performance.now() - t0).toBeLessThan(HANG_MS);
      for (const a of out) expect(a.content.end).toBeLessThanOrEqual(text.length);
    },
    2 * HANG_MS,
  );

  it('finishes on random strings of quote marks, cues and punctuation (a hang guard)', { timeout: 10 * HANG_MS }, () => {
    let seedN = 7;
    const rand = (): number => (seedN = (seedN * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const parts = ['“', '”', '"', "'", '‘', '’', ' said ', ' he ', ', ', '. ', '\n\n', 'Mr Smith', ' according to ', ':', 'that ', 'word '];
    for (let r = 0; r < 5; r++) {
      let s = '';
      while (s.length < 50_000) s += parts[Math.floor(rand() * parts.length)]!;
      const t0 = performance.now();
      findAttributions(s);
      expect(performance.now() - t0).toBeLessThan(HANG_MS);
    }
  });
});

describe('attribution forms added for issue 18', () => {
  const one = (text: string) => {
    const atts = findAttributions(text);
    expect(atts).toHaveLength(1);
    const a = atts[0]!;
    return { source: sl(text, a.source), cue: sl(text, a.cue), content: sl(text, a.content) };
  };
  it('takes a name with a party tag in parentheses as the source', () => {
    expect(one('Sen. David Perdue (R-Ga.) said he did not believe those characterizations hurt the campaign.')).toMatchObject({ source: 'Sen. David Perdue (R-Ga.)', cue: 'said' });
  });
  it('reads a transcript line as the speaker’s words, but not a page label', () => {
    const text = 'The interview went as follows.\n\nWALLACE: Let us start with the breaking news on the debate story.\n\nUPDATE: The debate has been moved to Tuesday night.';
    const atts = findAttributions(text);
    expect(atts.map((a) => sl(text, a.source))).toEqual(['WALLACE']);
    expect(sl(text, atts[0]!.content)).toBe('Let us start with the breaking news on the debate story.');
  });
  it('takes “found that” and “shows that” with their source, and not “found” without a clause', () => {
    expect(one('A Government Accountability Office report released last year found that the agency could not trace the money.')).toMatchObject({ cue: 'found' });
    expect(findAttributions('The police found the car abandoned near the river on Sunday.')).toEqual([]);
  });
});

describe('sources with long appositions and after a cue (issue 18)', () => {
  it('takes the leftmost name of a chain of appositions, a title abbreviation and a month abbreviation included', () => {
    const text = 'Cmdr. Sean Robertson, a spokesperson for Inherent Resolve, the U.S. military operation in Iraq and Syria, told reporters on Nov. 19 that the claim was false.';
    const [a] = findAttributions(text);
    expect(sl(text, a!.source)).toMatch(/^Cmdr\. Sean Robertson, /);
    expect(sl(text, a!.content)).toBe('that the claim was false');
  });
  it('takes a role noun with a prepositional phrase as the source (“Experts on jail suicide told …”)', () => {
    const text = 'Experts on jail suicide told USA TODAY that an inmate can be removed from suicide watch only by a doctor.';
    const [a] = findAttributions(text);
    expect(sl(text, a!.source)).toBe('Experts on jail suicide');
  });
  it('does not read a clause after “told police” as an adverbial of a sentence-final cue', () => {
    const text = 'When Carlineo was approached, he told police he supported Trump and hated radical Muslims in government.';
    const atts = findAttributions(text);
    expect(atts.map((a) => sl(text, a.content))).toEqual(['he supported Trump and hated radical Muslims in government']);
  });
});

describe('more cues, and stances apart from statements (issue 18)', () => {
  const one = (text: string): Attribution[] => findAttributions(text);
  const show = (text: string, a: Attribution) => ({ source: sl(text, a.source), cue: sl(text, a.cue), content: sl(text, a.content), stance: !!a.stance });

  it('finds a stance verb with its object and marks it as a stance, not a statement', () => {
    const t = 'The senator criticized the budget deal on Tuesday.';
    const [a] = one(t);
    expect(show(t, a!)).toEqual({ source: 'The senator', cue: 'criticized', content: 'the budget deal on Tuesday', stance: true });
  });

  it('takes "wants to" and "called for" as stances, and leaves a subject-less or negated one alone', () => {
    const t = 'Mr Lopez wants to raise the minimum wage. The union called for a strike. Nobody wants to lose.';
    const atts = one(t);
    expect(atts.map((a) => show(t, a))).toEqual([
      { source: 'Mr Lopez', cue: 'wants', content: 'to raise the minimum wage', stance: true },
      { source: 'The union', cue: 'called for', content: 'a strike', stance: true },
    ]);
  });

  it('a thing that shows something is no speaker; a person who suggests something is', () => {
    const t = 'The mid-2019 refresh suggests that whatever Apple did is working. The senator suggested that the bill would fail.';
    expect(one(t).map((a) => show(t, a))).toEqual([
      { source: 'The mid-2019 refresh', cue: 'suggests', content: 'that whatever Apple did is working', stance: true },
      { source: 'The senator', cue: 'suggested', content: 'that the bill would fail', stance: false },
    ]);
    // A body speaks: a hospital, a university, a council.
    const u = 'The hospital confirmed that two patients had died.';
    expect(one(u).map((a) => show(u, a))).toEqual([{ source: 'The hospital', cue: 'confirmed', content: 'that two patients had died', stance: false }]);
  });

  it('"maintain", "recall", "conclude" and "observe" after a modal report speech only before a clause', () => {
    expect(one('The 16-inch laptop can maintain a higher clock speed for longer.')).toEqual([]);
    expect(one('The company will recall the product in May.')).toEqual([]);
    const t = 'He will maintain that the plan is sound.';
    expect(one(t).map((a) => show(t, a))).toEqual([{ source: 'He', cue: 'will maintain', content: 'that the plan is sound', stance: false }]);
  });

  it('takes a manner of saying after a quotation as its cue ("“…,” McDowell laughed"), and not before anything else', () => {
    const t = '“It drives me nuts,” McDowell laughed. “When I say it out loud it sounds insane.”';
    expect(one(t).map((a) => show(t, a))).toEqual([{ source: 'McDowell', cue: 'laughed', content: 'It drives me nuts,” McDowell laughed. “When I say it out loud it sounds insane.', stance: false }]);
    expect(one('He laughed at the idea that the plan would work.')).toEqual([]);
  });

  it('names the person of "according to his aunt, Jane Starner, “…”", and not a name that opens the content', () => {
    const t = 'According to his aunt, Jane Starner, “He was brilliant from the start, reading at an adult level.”';
    expect(sl(t, one(t)[0]!.source)).toBe('his aunt, Jane Starner');
    const u = 'According to police, John Smith, 45, was arrested on Monday.';
    expect(sl(u, one(u)[0]!.source)).toBe('police');
  });

  it('"a poem called “…”" names a thing; "the company called the move “…”" is speech', () => {
    expect(one('One card, a poem called “Winter Solstice, Camelot Station,” is among his best pieces.')).toEqual([]);
    const t = 'The company called the move “a betrayal of the people who trusted us.”';
    expect(sl(t, one(t)[0]!.source)).toBe('The company');
  });

  it('a gallery or a slideshow label before a colon is no speaker', () => {
    expect(one('Gallery: Xbox One X | 14 Photos from $610.00')).toEqual([]);
    expect(one('Slideshow: The Best Phones of the Year So Far')).toEqual([]);
  });

  it('reads a plural present verb of saying ("They argue that …") as a statement', () => {
    const t = 'Economists argue that the tax will fall on workers.';
    const [a] = one(t);
    expect(show(t, a!)).toEqual({ source: 'Economists', cue: 'argue', content: 'that the tax will fall on workers', stance: false });
  });

  it('takes any noun phrase after "according to", marks a document or a count as evidence, and needs no comma before it', () => {
    const t = 'Clinton leads by 271 delegates according to a count by the Associated Press, but Sanders fights on. The fund lost $2 million, according to tax filings.';
    const atts = one(t);
    expect(atts.map((a) => show(t, a))).toEqual([
      { source: 'a count by the Associated Press', cue: 'according to', content: 'Clinton leads by 271 delegates', stance: true },
      { source: 'tax filings', cue: 'according to', content: 'The fund lost $2 million', stance: true },
    ]);
  });

  it('attributes a headline line "Name: …" to the name, and not a page label or "The Latest:"', () => {
    const t = 'Sanders: Brexit’s message could draw Trump support in US.\n\nThe Latest: Cruz to give away engraved shotgun.\n\nUpdate: the vote was moved to Friday.';
    const atts = one(t);
    expect(atts.map((a) => show(t, a))).toEqual([{ source: 'Sanders', cue: ':', content: 'Brexit’s message could draw Trump support in US.', stance: false }]);
  });

  it('reads a title-case headline with a capitalised verb of saying', () => {
    const t = 'Clinton Says Russians Hacked DNC, Calls Remarks Troubling';
    const [a] = one(t);
    expect(show(t, a!)).toEqual({ source: 'Clinton', cue: 'Says', content: 'Russians Hacked DNC', stance: false });
  });

  it('takes a poll share as the source and marks it (not a speaker)', () => {
    const t = 'Sixty-six percent said it made no difference to them.';
    const [a] = one(t);
    expect(show(t, a!)).toEqual({ source: 'Sixty-six percent', cue: 'said', content: 'it made no difference to them', stance: true });
  });

  it('takes a parenthetical cue after a short opening, but not a cue whose clause runs on', () => {
    const t = 'This campaign, he says, is different. Previously, he wrote about banking, and also served in Paris.';
    const atts = one(t);
    expect(atts.map((a) => show(t, a))).toEqual([{ source: 'he', cue: 'says', content: 'This campaign, he says, is different.', stance: false }]);
  });

  it('gives "and says" the subject of the sentence', () => {
    const t = 'The Arizona Republican survived years in prison and says such techniques are inhumane.';
    const [a] = one(t);
    expect(show(t, a!)).toEqual({ source: 'The Arizona Republican', cue: 'says', content: 'such techniques are inhumane', stance: false });
  });

  it('never ends a source in a conjunction: a second verb after "and" or "but" shares the subject, or has none', () => {
    const police = 'Police arrested two men on Friday and said they were charged with theft.';
    expect(one(police).map((a) => show(police, a))).toEqual([{ source: 'Police', cue: 'said', content: 'they were charged with theft', stance: false }]);
    // No name or role noun opens the sentence: no speaker rather than "the site surveyed … but".
    const site = 'In 2016, the site surveyed more than 56,000 developers but noted that the survey was “biased against devs.”';
    expect(one(site).filter((a) => sl(site, a.source)?.includes('surveyed'))).toEqual([]);
  });

  it('reads a plural\'s possessive as a noun, not a cue ("advocates states\' rights")', () => {
    expect(one("The party advocates states' rights, gun rights and limited government.")).toEqual([]);
    const t = 'The report states that the plan failed.';
    expect(sl(t, one(t)[0]!.source)).toBe('The report');
  });

  it('takes someone named with their own people as one source ("Trump and his supporters claimed")', () => {
    const t = 'Trump and his supporters claimed the count was rigged.';
    expect(sl(t, one(t)[0]!.source)).toBe('Trump and his supporters');
  });

  it('reads a list of speakers after a time that opens the sentence ("Yesterday Ms Ardern and her advisers said")', () => {
    for (const [t, source] of [
      ['Yesterday Ms Ardern and her advisers said the plan would cost $2 billion.', 'Ms Ardern and her advisers'],
      ['On Monday Mr Smith and his lawyers said the fine was too high.', 'Mr Smith and his lawyers'],
      ['On Thursday the local health secretary reported one more case.', 'the local health secretary'],
    ])
      expect(sl(t!, one(t!)[0]!.source)).toBe(source);
    // A time inside a clause opens none: the name before it is the object of "met", not a speaker.
    const t = 'He met Ms Ardern yesterday and her advisers said the plan would cost $2 billion.';
    expect(one(t).map((a) => sl(t, a.source))).toEqual(['her advisers']);
  });

  it('reads an inverted "Said X, …, “…”" opening', () => {
    const t = 'Said Dorothy Poynter, who grew up nearby, “We were all so proud of him.”';
    const [a] = one(t);
    expect(show(t, a!)).toEqual({ source: 'Dorothy Poynter, who grew up nearby', cue: 'Said', content: 'We were all so proud of him.', stance: false });
  });

  it('does not read "reported for duty" as speech, nor a determiner or a ticker as a speaker', () => {
    expect(one('Ten of the staffers who reported for duty on the night shift, the one on which he died, were working overtime.')).toEqual([]);
    expect(one('Spot gold XAU= added 0.1% to $1,472.19 an ounce.')).toEqual([]);
    const t = 'The tweet from Vulture magazine reads, “Chicago show interrupted by angry supporter.”';
    expect(sl(t, one(t)[0]!.source)).toBe('The tweet from Vulture magazine');
  });

  it('starts the content at a quantity after the cue ("reported at least 5,000 people …")', () => {
    const t = 'Indiana State Police reported at least 5,000 people entered the Statehouse.';
    const [a] = one(t);
    expect(sl(t, a!.content)).toBe('at least 5,000 people entered the Statehouse');
  });

  it('reads no one telling a story in a relative clause as a speaker, and ends an addressee at a verb', () => {
    expect(one('There is every reason to suspect the story the Harbour Board is telling doesn’t match the records of the port.')).toEqual([]);
    expect(one('The account Ms Vale is telling won’t survive an audit of the accounts.')).toEqual([]);
    const t = 'Ali Ruiz told local radio the ferry had sunk.';
    const [a] = one(t);
    expect([sl(t, a!.source), sl(t, a!.cue), sl(t, a!.content)]).toEqual(['Ali Ruiz', 'told local radio', 'the ferry had sunk']);
    // a name spelt like a verb is the one told
    for (const [u, cue] of [
      ['Johnson told Theresa May the deal was dead in the water.', 'told Theresa May'],
      ['Prosecutors told Do Kwon his assets would be frozen.', 'told Do Kwon'],
    ])
      expect(sl(u!, one(u!)[0]!.cue)).toBe(cue);
    // someone told: the verb of telling is a cue
    const u = 'She is telling voters the plan works.';
    expect(sl(u, one(u)[0]!.source)).toBe('She');
  });

  it('reads an opening phrase of time or place as no content ("Later in the day, X testified before …")', () => {
    expect(one('Later in the day, Ana Ruiz and Tom Vale testified before the harbour committee.')).toEqual([]);
    // a short clause after a word of time is content
    for (const [u, content] of [
      ['On Tuesday prices rose, the ministry said.', 'On Tuesday prices rose'],
      ['Next week we will vote, the mayor said.', 'Next week we will vote'],
      ['In 2019 the economy grew, he said.', 'In 2019 the economy grew'],
    ])
      expect(sl(u!, one(u!)[0]!.content)).toBe(content);
    // a clause before the cue clause is still its content
    const u = 'In the end, nothing changed, she said.';
    expect(sl(u, one(u)[0]!.content)).toBe('In the end, nothing changed');
  });
});

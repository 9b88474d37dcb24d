/**
 * Organisations the tagger calls MISC (`rescueMisc`): its training data label some groups and a company before its
 * product MISC, and MISC is no actor. And bodies' names it cuts before their "of" part (`extendBodyNames`).
 */
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../lib/nlp/ner/gazetteer.ts';
import {
  adjectiveGroups,
  companyNames,
  extendBodyNames,
  boxScores,
  trailingTitles,
  governingBodies,
  joinCoordinatedOrgs,
  nameBounds,
  regionPrefixes,
  rescueMisc,
  teamNames,
  trimOpeningWords,
  chineseNames,
  partyMembers,
  hallsOfFame,
  coordinatedFields,
  namedAfterPeople,
} from '../../lib/nlp/ner/index.ts';
import type { NerModel } from '../../lib/nlp/ner/model.ts';

const model = { gazetteer: buildGazetteer({ company: ['Boeing', 'Southern', 'Celsius', 'PACS'], demonym: ['Thai', 'Syrian'], capital: ['Kabul'] }) } as unknown as NerModel;

/** Sentences written with MISC spans in brackets: "held by the [Taliban] ." */
function run(...sentences: string[]): string[][] {
  const words: string[][] = [];
  const tags: string[][] = [];
  for (const s of sentences) {
    const ws: string[] = [];
    const ts: string[] = [];
    let inside = false;
    for (const raw of s.split(' ')) {
      const open = raw.startsWith('[');
      const close = raw.endsWith(']');
      const w = raw.replace(/^\[|\]$/g, '');
      ws.push(w);
      ts.push(open ? 'B-MISC' : inside ? 'I-MISC' : 'O');
      if (open) inside = true;
      if (close) inside = false;
    }
    words.push(ws);
    tags.push(ts);
  }
  rescueMisc(model, words, tags);
  return tags;
}

/** A tagging rule run on sentences written as word/TAG ("American/B-ORG University/I-ORG of Kabul/B-LOC"), the results written the same way. */
const rulesOn =
  (rule: (words: string[][], tags: string[][]) => void) =>
  (...written: string[]): string[] => {
    const words = written.map((s) => s.split(' ').map((x) => x.split('/')[0]!));
    const tags = written.map((s) => s.split(' ').map((x) => x.split('/')[1] ?? 'O'));
    rule(words, tags);
    return words.map((ws, i) => ws.map((w, j) => (tags[i]![j] === 'O' ? w : `${w}/${tags[i]![j]}`)).join(' '));
  };
/** The same for one sentence. */
const ruleOn = (rule: (words: string[][], tags: string[][]) => void) => (written: string) => rulesOn(rule)(written)[0]!;

describe('MISC names that are organisations', () => {
  it('takes a name the article shows acting twice for an organisation, everywhere it is tagged MISC', () => {
    const tags = run('The men were held by the [Taliban] since 2016 .', 'The [Taliban] released two videos .', 'Three [Taliban] prisoners were freed .');
    expect(tags.map((t) => t.filter((x) => x !== 'O'))).toEqual([['B-ORG'], ['B-ORG'], ['B-ORG']]);
  });
  it('leaves a name acting once, plurals, adjectives, peoples and names tagged otherwise elsewhere', () => {
    expect(run('The [Taliban] released two videos .', 'Three [Taliban] prisoners were freed .').flat()).not.toContain('B-ORG');
    expect(run('[Democrats] said no .', '[Democrats] claimed the seat .').flat()).not.toContain('B-ORG');
    expect(run('It was claimed by the [Islamic] State .', 'The [Islamic] said so .').flat()).not.toContain('B-ORG');
    expect(run('The [Thai] said no .', 'The [Thai] warned them .').flat()).not.toContain('B-ORG');
  });
  it('takes a listed company used as a noun, not as a word before another, nor a unit or a plural of initials', () => {
    expect(
      run("It bought 30 of [Boeing] 's jets .", 'It ordered 30 [Boeing] jets .')
        .flat()
        .filter((t) => t === 'B-ORG'),
    ).toHaveLength(2);
    expect(run('It holds the first [Southern] primary .').flat()).not.toContain('B-ORG');
    expect(run('It was kept at 28° [Celsius] .').flat()).not.toContain('B-ORG');
    expect(run('Big-money super [PACs] .').flat()).not.toContain('B-ORG');
  });
  it("takes a name of two words or more ending in an organisation's head word, joining MISC spans cut apart", () => {
    expect(run('The [Democratic National Committee] met .')[0]).toEqual(['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O']);
    expect(run("A scientist at NASA 's [Goddard Space] [Flight Center] .")[0]!.slice(5, 9)).toEqual(['B-ORG', 'I-ORG', 'I-ORG', 'I-ORG']);
    expect(run('The [Center] said so .').flat()).not.toContain('B-ORG');
    expect(run('[OLYMPICS The International Olympic Committee] met .').flat()).not.toContain('B-ORG');
  });
  it('joins a body the tagger cut at its "and", not two bodies or peoples side by side', () => {
    // written with the tagger's cut: "[Customs] and Border Protection" with "Border Protection" an organisation
    const cut = (text: string, misc: number, org: [number, number]) => {
      const words = [text.split(' ')];
      const tags = [words[0]!.map((_, i) => (i === misc ? 'B-MISC' : i === org[0] ? 'B-ORG' : i > org[0] && i < org[1] ? 'I-ORG' : 'O'))];
      joinCoordinatedOrgs(words, tags);
      return tags[0]!;
    };
    expect(cut('Agents of Customs and Border Protection seized it .', 2, [4, 6])).toEqual(['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O']);
    expect(cut('Both Democratic and Republican Party leaders agreed .', 1, [3, 5]).slice(1, 5)).toEqual(['B-MISC', 'O', 'B-ORG', 'I-ORG']);
    expect(cut('Plumes of Enceladus and Europa Clipper data .', 2, [4, 6]).slice(2, 6)).toEqual(['B-MISC', 'O', 'B-ORG', 'I-ORG']);
  });
  it('joins it when the first word is a one-word name or untagged, unless that word is a listed name or written elsewhere', () => {
    const none = { org: false, loc: false, cityOnly: false, firstName: false, demonym: false };
    const facts = (name: string) => ({ ...none, loc: name === 'Britain' });
    const join = (...sentences: string[]) => {
      const words = sentences.map((s) => s.split(' ').map((w) => w.split('/')[0]!));
      const tags = sentences.map((s) => s.split(' ').map((w) => w.split('/')[1] ?? 'O'));
      joinCoordinatedOrgs(words, tags, facts);
      return tags.map((ts, i) => words[i]!.map((w, j) => (ts[j] === 'O' ? w : `${w}/${ts[j]}`)).join(' '));
    };
    // The tagger's cuts on real pages: "Customs" a person and "Border Protection" a place; "Fish" untagged.
    expect(join('at the Customs/B-PER and Border/B-LOC Protection/I-LOC facility .')).toEqual(['at the Customs/B-ORG and/I-ORG Border/I-ORG Protection/I-ORG facility .']);
    expect(join('Fish and Wildlife/B-ORG Service/I-ORG officers came .')).toEqual(['Fish/B-ORG and/I-ORG Wildlife/I-ORG Service/I-ORG officers came .']);
    // A listed place, a name the text writes on its own, a word after a capitalised one: two names.
    expect(join('Britain/B-LOC and France/B-ORG Telecom/I-ORG Company/I-ORG met .')).toEqual(['Britain/B-LOC and France/B-ORG Telecom/I-ORG Company/I-ORG met .']);
    expect(join('Trump said so .', 'Trump and Justice/B-ORG Department/I-ORG officials met .')[1]).toBe('Trump and Justice/B-ORG Department/I-ORG officials met .');
    expect(join('the New York/B-LOC and Border/B-ORG Protection/I-ORG Agency/I-ORG .')[0]).toBe('the New York/B-LOC and Border/B-ORG Protection/I-ORG Agency/I-ORG .');
    // Without the lists nothing but MISC is joined.
    const words = [['the', 'Customs', 'and', 'Border', 'Protection', '.']];
    const tags = [['O', 'B-PER', 'O', 'B-LOC', 'I-LOC', 'O']];
    joinCoordinatedOrgs(words, tags);
    expect(tags[0]).toEqual(['O', 'B-PER', 'O', 'B-LOC', 'I-LOC', 'O']);
  });
});

describe('a body\'s name cut before its "of" part', () => {
  const extend = ruleOn(extendBodyNames);
  it('runs on over "of" or "for" and the capitalised words after it', () => {
    expect(extend('at the American/B-ORG University/I-ORG of Kabul/B-LOC when')).toBe('at the American/B-ORG University/I-ORG of/I-ORG Kabul/I-ORG when');
    expect(extend('the Columbia/B-ORG University/I-ORG Mailman School of Public Health said')).toBe(
      'the Columbia/B-ORG University/I-ORG Mailman/I-ORG School/I-ORG of/I-ORG Public/I-ORG Health/I-ORG said',
    );
    expect(extend('the Max/B-ORG Planck/I-ORG Institute/I-ORG for Arts and Sciences .')).toBe('the Max/B-ORG Planck/I-ORG Institute/I-ORG for/I-ORG Arts/I-ORG and/I-ORG Sciences/I-ORG .');
  });
  it('does not run over a person, into a second body, or after a name that is no body', () => {
    expect(extend('the Acme/B-ORG Institute/I-ORG for John/B-PER Smith/I-PER')).toBe('the Acme/B-ORG Institute/I-ORG for John/B-PER Smith/I-PER');
    expect(extend('the Ministry/B-ORG of/I-ORG Defence/I-ORG and Foreign/B-ORG Office/I-ORG agreed')).toBe('the Ministry/B-ORG of/I-ORG Defence/I-ORG and Foreign/B-ORG Office/I-ORG agreed');
    expect(extend('Acme/B-ORG Holdings/I-ORG of London/B-LOC said')).toBe('Acme/B-ORG Holdings/I-ORG of London/B-LOC said');
    expect(extend('Harvard/B-ORG University/I-ORG for years')).toBe('Harvard/B-ORG University/I-ORG for years');
  });
  it('runs on after "on" for councils and committees, and from a head word the tagger took for a place', () => {
    expect(extend('the Council/B-ORG on Foreign Relations said')).toBe('the Council/B-ORG on/I-ORG Foreign/I-ORG Relations/I-ORG said');
    expect(extend('heads the Alliance/B-LOC for American Manufacturing ,')).toBe('heads the Alliance/B-ORG for/I-ORG American/I-ORG Manufacturing/I-ORG ,');
    // a day after "on" is when, not what; a university "on" a place is where it stands
    expect(extend('the Committee/B-ORG on Monday approved')).toBe('the Committee/B-ORG on Monday approved');
    expect(extend('Hofstra/B-ORG University/I-ORG on Long/B-LOC Island/I-LOC')).toBe('Hofstra/B-ORG University/I-ORG on Long/B-LOC Island/I-LOC');
    // a person named like a body word stays a person
    expect(extend('Alliance/B-PER for Peace')).toBe('Alliance/B-PER for Peace');
  });
  it('runs on from a "person" of two words that ends in a head word', () => {
    expect(extend("New/B-ORG York/I-ORG University/I-ORG 's Stern/B-PER School/I-PER of Business .")).toBe(
      "New/B-ORG York/I-ORG University/I-ORG 's Stern/B-ORG School/I-ORG of/I-ORG Business/I-ORG .",
    );
    expect(extend('said John/B-PER Smith/I-PER of Acme/B-ORG')).toBe('said John/B-PER Smith/I-PER of Acme/B-ORG');
  });
  it('takes in the head the tagger left out before the "of" part it took for the name', () => {
    expect(extend('director of the Center for Environmental/B-ORG Politics/I-ORG at')).toBe('director of the Center/B-ORG for/I-ORG Environmental/I-ORG Politics/I-ORG at');
    expect(extend("Stanford/B-ORG University/I-ORG 's Center on Poverty/B-ORG and/I-ORG Inequality/I-ORG calls")).toBe(
      "Stanford/B-ORG University/I-ORG 's Center/B-ORG on/I-ORG Poverty/I-ORG and/I-ORG Inequality/I-ORG calls",
    );
    expect(extend('a professor at the University of Tennessee/B-LOC ,')).toBe('a professor at the University/B-ORG of/I-ORG Tennessee/I-ORG ,');
    // capitalised words before the head are the name's; the sentence's opening word is not
    expect(extend('the William/B-PER Lloyd/I-PER Garrison/I-PER Center/I-PER for Libertarian/B-ORG Advocacy/I-ORG')).toBe(
      'the William/B-ORG Lloyd/I-ORG Garrison/I-ORG Center/I-ORG for/I-ORG Libertarian/I-ORG Advocacy/I-ORG',
    );
    expect(extend('at the American Sign Museum of Neon/B-ORG Art/I-ORG')).toBe('at the American/B-ORG Sign/I-ORG Museum/I-ORG of/I-ORG Neon/I-ORG Art/I-ORG');
    expect(extend('Remarked Center for Biological/B-ORG Diversity/I-ORG scientist')).toBe('Remarked Center/B-ORG for/I-ORG Biological/I-ORG Diversity/I-ORG scientist');
    // not a person after the head, nor over "on" after a head that does not take it, nor a lower-case head
    expect(extend('the Center for John/B-PER Smith/I-PER')).toBe('the Center for John/B-PER Smith/I-PER');
    expect(extend('the University on Long/B-LOC Island/I-LOC')).toBe('the University on Long/B-LOC Island/I-LOC');
    expect(extend('the center of Kabul/B-LOC')).toBe('the center of Kabul/B-LOC');
  });
});

describe('markup glued to a name', () => {
  it('is left out of the mention', async () => {
    const { findMentions, loadNerModel } = await import('../../lib/nlp/ner/index.ts');
    const { readFileSync } = await import('node:fs');
    const ner = loadNerModel(readFileSync(new URL('../../public/models/ner.bin', import.meta.url)));
    const ms = findMentions(ner, ['<tweet tweet-author="@MashableNews" tweet-date="March 4, 2016">Donald Trump knows what you mean when you say he has small hands.']);
    expect(ms.filter((m) => m.type === 'PER').map((m) => m.text)).toEqual(['Donald Trump']);
  });
});

describe('a place or a body named after someone, cut after the name', () => {
  const named = ruleOn(namedAfterPeople);
  it('joins the head word and what comes before it, typed by the head', () => {
    expect(named('apply to Joné/B-PER Marta/I-PER International Airport , for which')).toBe('apply to Joné/B-LOC Marta/I-LOC International/I-LOC Airport/I-LOC , for which');
    expect(named('on the Gerald/B-PER Washa/B-LOC Bridge/I-LOC into town')).toBe('on the Gerald/B-LOC Washa/I-LOC Bridge/I-LOC into town');
    expect(named('the shooting at Sandy/B-PER Hok/I-PER Elementary School/B-PER , she said')).toBe('the shooting at Sandy/B-ORG Hok/I-ORG Elementary/I-ORG School/I-ORG , she said');
  });
  it("leaves a person's full name before another name, a name that stops short of a head word, and headlines", () => {
    expect(named('Hilda/B-PER Clunton/I-PER Washa/B-ORG Post/I-ORG')).toBe('Hilda/B-PER Clunton/I-PER Washa/B-ORG Post/I-ORG');
    expect(named('Gerald/B-PER Washa/B-LOC Bridge/I-LOC Authority/I-LOC said')).toBe('Gerald/B-PER Washa/B-LOC Bridge/I-LOC Authority/I-LOC said');
    expect(named('met Regina/B-PER Holl/I-PER Tuesday')).toBe('met Regina/B-PER Holl/I-PER Tuesday');
    expect(named('the U.S./B-LOC Senate/B-ORG voted')).toBe('the U.S./B-LOC Senate/B-ORG voted');
    expect(named('Ted/B-PER Crux/I-PER Hints Trump/B-PER Would Get Border Wall Contract')).toBe('Ted/B-PER Crux/I-PER Hints Trump/B-PER Would Get Border Wall Contract');
  });
});

describe('a place or a body run on into the title of the person after it', () => {
  const titles = ruleOn(trailingTitles);
  it('leaves the title out', () => {
    expect(titles('second to Texas/B-LOC Sen./I-LOC Ted/B-PER Cruz/I-PER .')).toBe('second to Texas/B-LOC Sen. Ted/B-PER Cruz/I-PER .');
    expect(titles('Iowa/B-LOC Lt./I-LOC Gov./I-LOC Kim/B-PER Reynolds/I-PER')).toBe('Iowa/B-LOC Lt. Gov. Kim/B-PER Reynolds/I-PER');
    expect(titles('Iowa/B-LOC Lt./I-LOC Gov. Kim/B-PER Reynolds/I-PER')).toBe('Iowa/B-LOC Lt. Gov. Kim/B-PER Reynolds/I-PER');
    expect(titles('said PG&E/B-ORG President/I-ORG Bill/B-PER Johnson/I-PER')).toBe('said PG&E/B-ORG President Bill/B-PER Johnson/I-PER');
    expect(titles('PG&E/B-ORG President/I-ORG and CEO Andy/B-PER Vesey/I-PER said')).toBe('PG&E/B-ORG President and CEO Andy/B-PER Vesey/I-PER said');
  });
  it("keeps a person's name, a title alone and a name that does not end in one", () => {
    expect(titles('Gov./B-PER Smith/I-PER said')).toBe('Gov./B-PER Smith/I-PER said');
    expect(titles('the Senate/B-ORG Judiciary/I-ORG Committee/I-ORG said')).toBe('the Senate/B-ORG Judiciary/I-ORG Committee/I-ORG said');
    expect(titles('Sen./B-LOC Cruz/B-PER')).toBe('Sen./B-LOC Cruz/B-PER');
    // no person after it, or a title that is the head of an "of the" name
    expect(titles('at Notre/B-ORG Dame/I-ORG on Saturday')).toBe('at Notre/B-ORG Dame/I-ORG on Saturday');
    expect(titles('the Office/B-ORG of/I-ORG the/I-ORG President/I-ORG Joe/B-PER Biden/I-PER')).toBe('the Office/B-ORG of/I-ORG the/I-ORG President/I-ORG Joe/B-PER Biden/I-PER');
  });
});

describe("a sports round-up's box score", () => {
  const box = rulesOn(boxScores);
  it('names teams in its result, record and line-score lines, and players in their lines', () => {
    expect(box('Palm/B-LOC Bay/I-LOC d./I-PER Rockledge/I-PER 70-44', 'Rockledge/B-PER 14 11 6 15 — 44', 'Heritage ( 1-0 ) : Tolivert 25 points .', 'Burgher/B-ORG 10 points .')).toEqual([
      'Palm/B-ORG Bay/I-ORG d. Rockledge/B-ORG 70-44',
      'Rockledge/B-ORG 14 11 6 15 — 44',
      'Heritage/B-ORG ( 1-0 ) : Tolivert/B-PER 25 points .',
      'Burgher/B-PER 10 points .',
    ]);
    expect(box('Viera d. Melbourne/B-LOC 1-0', 'Jordan/B-LOC Spira/I-LOC and Megan/B-PER Cook/I-PER 4 total .')).toEqual([
      'Viera/B-ORG d. Melbourne/B-ORG 1-0',
      'Jordan/B-PER Spira/I-PER and Megan/B-PER Cook/I-PER 4 total .',
    ]);
  });
  it('leaves prose, and player-like lines where no team has a line', () => {
    expect(box('Clinton/B-PER beat Sanders/B-PER 52-48 in the primary .', 'Davis/B-PER 17 points .')).toEqual(['Clinton/B-PER beat Sanders/B-PER 52-48 in the primary .', 'Davis/B-PER 17 points .']);
    expect(box('Smith/B-PER d. 1932', 'Warren/B-PER d. Lee/B-PER in a close race')).toEqual(['Smith/B-PER d. 1932', 'Warren/B-PER d. Lee/B-PER in a close race']);
    expect(box('Sanders/B-PER 5 points ahead .')).toEqual(['Sanders/B-PER 5 points ahead .']);
  });
});

describe('governing bodies named with a lower-case noun', () => {
  const bodies = ruleOn((words, tags) => governingBodies(model, words, tags));
  it("takes a people's or a place's government, ministry, military or police, and a leader's administration", () => {
    expect(bodies('the Syrian/B-MISC government said')).toBe('the Syrian/B-ORG government/I-ORG said');
    expect(bodies('the Syrian/B-MISC defense ministry said')).toBe('the Syrian/B-ORG defense/I-ORG ministry/I-ORG said');
    expect(bodies('Hong/B-LOC Kong/I-LOC police fired')).toBe('Hong/B-ORG Kong/I-ORG police/I-ORG fired');
    expect(bodies('the Obama/B-PER administration said')).toBe('the Obama/B-ORG administration/I-ORG said');
  });
  it("leaves a person's government, a place's administration, a word that is no people's and a capitalised noun", () => {
    expect(bodies('the Obama/B-PER government said')).toBe('the Obama/B-PER government said');
    expect(bodies('the Kabul/B-LOC administration said')).toBe('the Kabul/B-LOC administration said');
    expect(bodies('the Olympic/B-MISC police said')).toBe('the Olympic/B-MISC police said');
    expect(bodies('the Syrian/B-MISC Government said')).toBe('the Syrian/B-MISC Government said');
  });
  it("an administration is a leader's whatever the tagger made of the name, but not a known place's, a body's or an ordinary word's", () => {
    expect(bodies('in the Carter/B-LOC administration ,')).toBe('in the Carter/B-ORG administration/I-ORG ,');
    expect(bodies('officials in the Obama/B-MISC administration said')).toBe('officials in the Obama/B-ORG administration/I-ORG said');
    // a sentence's opening "The" taken into the span is left out
    expect(bodies('The/B-LOC Carter/I-LOC administration fell')).toBe('The Carter/B-ORG administration/I-ORG fell');
    expect(bodies('The/B-MISC Syrian/I-MISC government said')).toBe('The Syrian/B-ORG government/I-ORG said');
    expect(bodies('the Kabul/B-LOC administration said')).toBe('the Kabul/B-LOC administration said');
    expect(bodies('the Boeing/B-ORG administration building')).toBe('the Boeing/B-ORG administration building');
  });
});

describe('companies named after a person or with untagged words', () => {
  const company = ruleOn(companyNames);
  it('a run of capitalised words ending in a company head is one organisation, a person tagged before the head included', () => {
    expect(company('with Dick/B-PER Clark/I-PER Productions on')).toBe('with Dick/B-ORG Clark/I-ORG Productions/I-ORG on');
    expect(company('signed to Big Machine Records in 2005')).toBe('signed to Big/B-ORG Machine/I-ORG Records/I-ORG in 2005');
  });
  it('not a title-case headline, a sentence’s first word, a day or a description before the name', () => {
    expect(company('Big Machine Records Denies Swift Claims')).toBe('Big Machine Records Denies Swift Claims');
    expect(company('Records show he lied .')).toBe('Records show he lied .');
    expect(company('said on Friday Ford/B-ORG Motor/I-ORG Company/I-ORG would pay')).toBe('said on Friday Ford/B-ORG Motor/I-ORG Company/I-ORG would pay');
    expect(company('the Virginia-based Symplicity Corporation said')).toBe('the Virginia-based Symplicity/B-ORG Corporation/I-ORG said');
  });
});

describe('names the tagger cuts after an adjective or a compass word, and company-shaped MISC words', () => {
  const groups = ruleOn(adjectiveGroups);
  const regions = ruleOn(regionPrefixes);
  it('"Islamic" + "Jihad", "Islamic" + "State": one organisation; not a people before an ordinary noun', () => {
    expect(groups('Hamas/B-ORG and Islamic/B-MISC Jihad/B-PER fired')).toBe('Hamas/B-ORG and Islamic/B-ORG Jihad/I-ORG fired');
    expect(groups('against the Islamic/B-MISC State group')).toBe('against the Islamic/B-ORG State/I-ORG group');
    expect(groups('a Syrian/B-MISC State official')).toBe('a Syrian/B-MISC State official');
    expect(groups('the Islamic/B-MISC Republic/B-LOC News/I-LOC Agency/I-LOC')).toBe('the Islamic/B-MISC Republic/B-LOC News/I-LOC Agency/I-LOC');
  });
  it('"Inner" + "Mongolia": one place; a compass word already in the name or lower case is left', () => {
    expect(regions('meat in Inner Mongolia/B-LOC on')).toBe('meat in Inner/B-LOC Mongolia/I-LOC on');
    expect(regions('flew to North/B-LOC Korea/I-LOC .')).toBe('flew to North/B-LOC Korea/I-LOC .');
    expect(regions('went north to Mongolia/B-LOC .')).toBe('went north to Mongolia/B-LOC .');
  });
  it('a one-word MISC name with a capital inside, used as a noun, is a company', () => {
    const tags = run('NASA picked [SpaceX] , Blue Origin and Draper .', "[SpaceX] 's Starship is the largest .");
    expect(tags[0]![2]).toBe('B-ORG');
    expect(run('He took the [McDonald] route .')[0]![3]).toBe('B-MISC');
  });
});

describe('teams named by a place and an ordinary word', () => {
  const sentences = rulesOn(teamNames);
  it('"Oklahoma City Thunder" and "the Thunder" in a game report are the team', () => {
    expect(
      sentences('The Lakers/B-ORG won 112-107 over the Oklahoma/B-LOC City/I-LOC Thunder on Tuesday .', 'The Thunder won their last game of the season .', 'He scored 20 points for the Thunder .'),
    ).toEqual([
      'The Lakers/B-ORG won 112-107 over the Oklahoma/B-ORG City/I-ORG Thunder/I-ORG on Tuesday .',
      'The Thunder/B-ORG won their last game of the season .',
      'He scored 20 points for the Thunder/B-ORG .',
    ]);
  });
  it('not outside sport, nor an office, a party word or a word before a noun', () => {
    const politics = sentences('The Iowa/B-LOC Republican caucuses are tonight .', 'the Republican nomination is open and the Republican won .');
    expect(politics[0]).toBe('The Iowa/B-LOC Republican caucuses are tonight .');
    const game = sentences('The U.S./B-LOC President spoke before the game .', 'the President said the season and the game and the win were great .');
    expect(game[0]).toBe('The U.S./B-LOC President spoke before the game .');
  });
});

describe('a sentence’s opening word taken into the name after it', () => {
  const trim = rulesOn(trimOpeningWords);
  it('"Within Delhi", "Although Weiner": the name only', () => {
    expect(trim('Within/B-LOC Delhi/I-LOC , the air is bad .')).toEqual(['Within Delhi/B-LOC , the air is bad .']);
    expect(trim('Although/B-PER Weiner/I-PER denied it , he resigned .')).toEqual(['Although Weiner/B-PER denied it , he resigned .']);
  });
  it('a name the article also writes mid-sentence keeps its first word ("Beyond Meat")', () => {
    expect(trim('Beyond/B-ORG Meat/I-ORG said sales rose .', 'Shares of Beyond/B-ORG Meat/I-ORG fell .')[0]).toBe('Beyond/B-ORG Meat/I-ORG said sales rose .');
  });
  it('an ordinary word before a name of two words the article writes without it ("Key Security Council powers")', () => {
    const ordinary = (w: string) => ['key', 'former', 'new', 'the', 'transport'].includes(w);
    const trimWith = (...written: string[]) => rulesOn((w, t) => trimOpeningWords(w, t, ordinary))(...written);
    expect(trimWith('Key/B-ORG Security/I-ORG Council/I-ORG powers disagreed .', 'It went to the UN/B-ORG Security/I-ORG Council/I-ORG .')[0]).toBe(
      'Key Security/B-ORG Council/I-ORG powers disagreed .',
    );
    // Not without the shorter name elsewhere, nor when the longer one holds the same word, nor before a lower-case word, nor "The".
    expect(trimWith('Key/B-ORG Security/I-ORG Council/I-ORG powers disagreed .')[0]).toBe('Key/B-ORG Security/I-ORG Council/I-ORG powers disagreed .');
    expect(trimWith('New/B-ORG York/I-ORG Times/I-ORG reporters wrote .', 'She read The/B-ORG New/I-ORG York/I-ORG Times/I-ORG .')[0]).toBe('New/B-ORG York/I-ORG Times/I-ORG reporters wrote .');
    expect(trimWith('Transport/B-ORG for/I-ORG London/I-ORG said so .', 'He left for London/B-LOC .')[0]).toBe('Transport/B-ORG for/I-ORG London/I-ORG said so .');
    expect(trimWith('The/B-ORG Washington/I-ORG Post/I-ORG said so .', 'the Washington/B-ORG Post/I-ORG .')[0]).toBe('The/B-ORG Washington/I-ORG Post/I-ORG said so .');
    // Without the list, as before.
    expect(trim('Key/B-ORG Security/I-ORG Council/I-ORG powers disagreed .', 'It went to the UN/B-ORG Security/I-ORG Council/I-ORG .')[0]).toBe(
      'Key/B-ORG Security/I-ORG Council/I-ORG powers disagreed .',
    );
  });
});

describe('Chinese names, family name first', () => {
  const names = ruleOn(chineseNames);
  it('a listed family name and a pinyin given name the tagger missed or cut', () => {
    expect(names('repression seen under Xi Jinping , most of all')).toBe('repression seen under Xi/B-PER Jinping/I-PER , most of all');
    expect(names('Chinese vice-premier Liu/B-ORG He on Friday')).toBe('Chinese vice-premier Liu/B-PER He/I-PER on Friday');
  });
  it('not a given name that is an English word without an office before it, nor a sentence’s untagged start, nor inside a longer name', () => {
    expect(names('when Li He said so')).toBe('when Li He said so');
    expect(names('Ma Long won the title')).toBe('Ma Long won the title');
    expect(names('the Wang Yi Foundation said')).toBe('the Wang Yi Foundation said');
  });
  it('a name the tagger ran into a place before it: the place, then the person', () => {
    expect(names('China ’s ambassador to Britain/B-ORG Liu/I-ORG Xiaoming/I-ORG has said')).toBe('China ’s ambassador to Britain/B-LOC Liu/B-PER Xiaoming/I-PER has said');
    expect(names('the Brakia/B-ORG Wang/I-ORG Yi/I-ORG Foundation/I-ORG said')).toBe('the Brakia/B-ORG Wang/I-ORG Yi/I-ORG Foundation/I-ORG said');
  });
});

describe('halls of fame', () => {
  const halls = ruleOn(hallsOfFame);
  it('are one body with the words that name their field, not a person "Rock" and a "Roll Hall"', () => {
    expect(halls('ride a potential Rock/B-PER and Roll/B-PER Hall/I-PER of Fame/B-ORG Induction/I-ORG into a tour')).toBe(
      'ride a potential Rock/B-ORG and/I-ORG Roll/I-ORG Hall/I-ORG of/I-ORG Fame/I-ORG Induction into a tour',
    );
    expect(halls('inducted into the Pro Football Hall of Fame in 2010')).toBe('inducted into the Pro/B-ORG Football/I-ORG Hall/I-ORG of/I-ORG Fame/I-ORG in 2010');
    expect(halls('the Hall of Mirrors at Versailles')).toBe('the Hall of Mirrors at Versailles');
  });
});

describe('party members named as a body', () => {
  const parties = ruleOn(partyMembers);
  it('are an organisation where nothing else took them in', () => {
    expect(parties('a great day for Republicans , he wrote')).toBe('a great day for Republicans/B-ORG , he wrote');
    expect(parties('the Liberal/B-ORG Democrats/I-ORG said')).toBe('the Liberal/B-ORG Democrats/I-ORG said');
    expect(parties('Republicans Overseas said')).toBe('Republicans Overseas said');
    expect(parties('Democratic lawmakers said')).toBe('Democratic lawmakers said');
  });
});

describe('a body whose "of" part lists fields', () => {
  const fields = ruleOn(coordinatedFields);
  it('"American Academy of Allergy" + ", Asthma and Immunology" is one organisation', () => {
    expect(fields('the American/B-ORG Academy/I-ORG of/I-ORG Allergy/I-ORG , Asthma/B-ORG and Immunology said')).toBe(
      'the American/B-ORG Academy/I-ORG of/I-ORG Allergy/I-ORG ,/I-ORG Asthma/I-ORG and/I-ORG Immunology/I-ORG said',
    );
    expect(fields('the Centers/B-LOC for/I-LOC Disease/I-LOC Control/I-LOC and Prevention said')).toBe('the Centers/B-LOC for/I-LOC Disease/I-LOC Control/I-LOC and Prevention said');
  });
  it('after a list with commas, the last field may be a word the tagger took alone for a person', () => {
    expect(fields('the Council/B-ORG on/I-ORG Energy/I-ORG , Environment and Water/B-PER think tank')).toBe(
      'the Council/B-ORG on/I-ORG Energy/I-ORG ,/I-ORG Environment/I-ORG and/I-ORG Water/I-ORG think tank',
    );
    expect(fields('the Council/B-ORG on/I-ORG Energy/I-ORG and Water/B-PER said')).toBe('the Council/B-ORG on/I-ORG Energy/I-ORG and Water/B-PER said');
    expect(fields('the Council/B-ORG on/I-ORG Energy/I-ORG , Environment and John/B-PER Smith/I-PER said')).toBe(
      'the Council/B-ORG on/I-ORG Energy/I-ORG , Environment and John/B-PER Smith/I-PER said',
    );
  });
  it('not two bodies side by side', () => {
    expect(fields('the University/B-ORG of/I-ORG Texas/I-ORG and Harvard/B-ORG .')).toBe('the University/B-ORG of/I-ORG Texas/I-ORG and Harvard/B-ORG .');
    expect(fields('the Department/B-ORG of/I-ORG Energy/I-ORG , and Office of Naval Research')).toBe('the Department/B-ORG of/I-ORG Energy/I-ORG , and Office of Naval Research');
  });
});

describe('the words of a tagged span that make the name', () => {
  const bounds = (text: string, a: number, b: number) => {
    const ws = text.split(' ');
    const [s, e] = nameBounds(ws, a, b);
    return ws.slice(s, e).join(' ');
  };
  it('leaves out a possessive, edge punctuation, and where the body is based or the person was born', () => {
    expect(bounds("at Acme Holdings 's plant", 1, 4)).toBe('Acme Holdings');
    expect(bounds('the Delhi-based Council on Energy think tank', 1, 5)).toBe('Council on Energy');
    expect(bounds('the New-York-based Acme said', 1, 3)).toBe('Acme');
    expect(bounds('German-born Anna Meyer said', 0, 3)).toBe('Anna Meyer');
    // a name that is only such a word stays; a hyphenated name is no origin
    expect(bounds('the Delhi-based said', 1, 2)).toBe('Delhi-based');
    expect(bounds('Jean-Claude Juncker said', 0, 2)).toBe('Jean-Claude Juncker');
  });
});

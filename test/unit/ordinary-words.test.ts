/**
 * The language's ordinary words: counted from running text (lib/nlp/ordinary-words.ts), carried in the NER model's
 * header (`withOrdinaryWords`), reported by `nameFacts` and used by the actor builder for words that only open
 * sentences.
 */
import { describe, expect, it } from 'vitest';
import { buildActors, type NameFacts } from '../../lib/nlp/actors.ts';
import { fhash, TEMPLATES } from '../../lib/nlp/ner/features.ts';
import { loadNerModel, nameFacts, tagDocument } from '../../lib/nlp/ner/index.ts';
import { NT, ordinaryWordsOf, serialiseModel, withOrdinaryWords, type StageData } from '../../lib/nlp/ner/model.ts';
import { countCases, emptyCaseCounts, ordinaryWords } from '../../lib/nlp/ordinary-words.ts';
import type { EntityType, Mention } from '../../lib/types.ts';

describe('counting how text writes a word', () => {
  it('counts words inside sentences only, and a capital only where the word stands alone', () => {
    const counts = emptyCaseCounts();
    countCases(
      [
        'Lack of sleep hurts. The lack of money hurts more, and a lack of time.',
        'He backed Citizens United. Many citizens voted; the citizens stayed home.',
        'Aides said Trump would speak. Later Trump spoke, and trump cards were played.',
      ].join('\n'),
      counts,
    );
    expect(counts.lower.get('lack')).toBe(2); // the sentence's first "Lack" says nothing
    expect(counts.alone.get('lack')).toBeUndefined();
    expect(counts.lower.get('citizens')).toBe(2);
    expect(counts.alone.get('citizens')).toBeUndefined(); // "Citizens United" names something else
    expect(counts.alone.get('trump')).toBe(2);
    expect(counts.lower.get('trump')).toBe(1);
  });

  it('calls a word ordinary when it is seen in lower case often enough and rarely alone with a capital', () => {
    const counts = emptyCaseCounts();
    counts.lower.set('lack', 40).set('white', 40).set('trump', 3).set('rare', 2).set('a', 90);
    counts.alone.set('white', 2).set('trump', 500);
    expect(ordinaryWords(counts)).toEqual(['lack', 'white']);
    expect(ordinaryWords(counts, { maxNameShare: 0.01 })).toEqual(['lack']);
    expect(ordinaryWords(counts, { minLower: 2 })).toEqual(['lack', 'rare', 'white']);
  });
});

function tinyModel(): Uint8Array {
  const keys = [fhash(TEMPLATES.bias, ''), fhash(TEMPLATES.w, 'paris')];
  const weights = new Float32Array(keys.length * NT);
  weights[0] = 1; // bias → O
  weights[NT + 5] = 5; // "paris" → B-LOC
  const data: StageData = { keys: Int32Array.from(keys), weights, trans: new Float64Array((NT + 1) * NT) };
  return serialiseModel([data], { country: ['France'] }, { test: true });
}

describe('the list in the model file', () => {
  it('is added to a trained model without touching its weights, and read back by nameFacts', () => {
    const plain = tinyModel();
    expect(ordinaryWordsOf(plain)).toEqual([]);
    expect(loadNerModel(plain).ordinary?.size).toBe(0);
    const withList = withOrdinaryWords(plain, ['lack', 'wait']);
    expect(ordinaryWordsOf(withList)).toEqual(['lack', 'wait']);
    const model = loadNerModel(withList);
    expect(tagDocument(model, [['Lack', 'in', 'Paris']])).toEqual(tagDocument(loadNerModel(plain), [['Lack', 'in', 'Paris']]));
    const facts = nameFacts(model);
    expect(facts('Lack').ordinary).toBe(true);
    expect(facts('Lack of sleep').ordinary).toBe(false); // one word only
    expect(facts('Paris').ordinary).toBe(false);
    expect(facts('France').loc).toBe(true);
    // Replacing the list, and removing it, gives back the same weights.
    expect(ordinaryWordsOf(withOrdinaryWords(withList, ['wait']))).toEqual(['wait']);
    expect(withOrdinaryWords(withList, [])).toEqual(plain);
  });

  it('is kept by a model written with it', () => {
    const keys = [fhash(TEMPLATES.bias, '')];
    const data: StageData = { keys: Int32Array.from(keys), weights: new Float32Array(NT), trans: new Float64Array((NT + 1) * NT) };
    expect(loadNerModel(serialiseModel([data], {}, {}, ['lack'])).ordinary?.has('lack')).toBe(true);
  });
});

function mark(paragraphs: string[], spec: [number, string, EntityType][]): Mention[] {
  return spec.map(([p, text, type]) => {
    const start = paragraphs[p]!.indexOf(text);
    if (start < 0) throw new Error(`"${text}" not in paragraph ${p}`);
    return { paragraph: p, start, end: start + text.length, text, type };
  });
}

describe('a word that only opens sentences', () => {
  const ORDINARY = new Set(['lack', 'citizens', 'police', 'turkey', 'common']);
  const LISTS: Record<string, Partial<NameFacts>> = { citizens: { org: true }, turkey: { loc: true } };
  const facts = (name: string): NameFacts => ({
    org: false,
    loc: false,
    cityOnly: false,
    firstName: false,
    ordinary: !/\s/.test(name) && ORDINARY.has(name.toLowerCase()),
    ...LISTS[name.toLowerCase()],
  });
  const noList = (name: string): NameFacts => ({ ...facts(name), ordinary: false });
  const ps = [
    'Lack of mentorship',
    'Student newsrooms run on the goodwill of Maria Lopez, who founded the project in Turkey.',
    'Citizens have every right to know, Lopez said.',
    'Turkey is where she began. North Wales Police were told.',
    'Police said nothing more.',
  ];
  const ms = mark(ps, [
    [0, 'Lack', 'ORG'],
    [1, 'Maria Lopez', 'PER'],
    [1, 'Turkey', 'LOC'],
    [2, 'Citizens', 'ORG'],
    [2, 'Lopez', 'PER'],
    [3, 'Turkey', 'LOC'],
    [3, 'North Wales Police', 'ORG'],
    [4, 'Police', 'ORG'],
  ]);

  it('is no actor when it is one of the language’s ordinary words, even where a list holds it', () => {
    const { actors, mentions } = buildActors(ps, ms, { facts });
    expect(actors.map((a) => a.name).sort()).toEqual(['Maria Lopez', 'North Wales Police', 'Turkey']);
    expect(mentions.some((m) => m.text === 'Lack' || m.text === 'Citizens')).toBe(false);
  });

  it('stays an actor without the list, and a country stays one with it', () => {
    const names = buildActors(ps, ms, { facts: noList }).actors.map((a) => a.name);
    expect(names).toContain('Lack');
    expect(names).toContain('Citizens');
  });

  it('still joins the longer name it is a short form of ("Police said" for the force named before)', () => {
    const police = buildActors(ps, ms, { facts }).actors.find((a) => a.name === 'North Wales Police')!;
    expect(police.aliases).toContain('Police');
  });

  it('counts a word after an emoji and a word of a heading in title case as opening, not a word inside a sentence', () => {
    const ps2 = ['📱 Torn between the latest phones?', 'Power and Performance', 'The car is fast, Maria Lopez said.', 'Nobody was Torn about it at Performance Motors.'];
    const ms2 = mark(ps2, [
      [0, 'Torn', 'ORG'],
      [1, 'Performance', 'ORG'],
      [2, 'Maria Lopez', 'PER'],
    ]);
    const facts2 = (name: string): NameFacts => ({ ...facts(name), ordinary: ['torn', 'performance'].includes(name.toLowerCase()) });
    expect(buildActors(ps2, ms2, { facts: facts2 }).actors.map((a) => a.name)).toEqual(['Maria Lopez']);
    // Inside a sentence the capital is the word's own: a name, whatever the language does with the word.
    const ms3 = mark(ps2, [
      [2, 'Maria Lopez', 'PER'],
      [3, 'Torn', 'PER'],
    ]);
    expect(
      buildActors(ps2, ms3, { facts: facts2 })
        .actors.map((a) => a.name)
        .sort(),
    ).toEqual(['Maria Lopez', 'Torn']);
  });
});

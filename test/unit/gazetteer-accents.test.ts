/**
 * The name lists and the texts spell foreign names with and without accents ("Ivan" listed, "Iván"
 * written): a name written with accents is also looked up without them, in the tagger's list
 * features (for lists read from a model file) and in the facts the actors are typed with.
 */
import { describe, expect, it } from 'vitest';
import { buildGazetteer, compileGazetteer, foldAccents, GAZ_LISTS, loadGazetteer, matchGazetteer } from '../../lib/nlp/ner/gazetteer.ts';
import { nameFacts } from '../../lib/nlp/ner/index.ts';
import type { NerModel } from '../../lib/nlp/ner/model.ts';

const bit = (l: (typeof GAZ_LISTS)[number]) => 1 << GAZ_LISTS.indexOf(l);
const lists = { firstname: ['Ivan', 'Leon'], city: ['León', 'São Paulo'] };

describe('accents in the name lists', () => {
  it('folds letters, and leaves plain text and letters with no accent to remove alone', () => {
    expect(foldAccents('iván')).toBe('ivan');
    expect(foldAccents('são paulo')).toBe('sao paulo');
    expect(foldAccents('zoë')).toBe('zoe');
    expect(foldAccents('ivan')).toBe('ivan');
    // a dotless i is its own letter, not an i with a mark
    expect(foldAccents('adıyaman')).toBe('adıyaman');
  });
  it('a model read from its file matches a written accent against a plain listing, and keeps exact matches', () => {
    const gaz = loadGazetteer(compileGazetteer(buildGazetteer(lists)));
    const norm = ['Iván', 'Espel', 'met', 'Leon', 'Moll', 'in', 'León', 'and', 'São', 'Paulo'];
    const { begin, inside } = matchGazetteer(
      gaz,
      norm,
      norm.map((w) => w.toLowerCase()),
    );
    expect(begin[0]! & bit('firstname')).not.toBe(0);
    // the plain "Leon" is only the first name; "León" is the city, and the first name written with an accent
    expect(begin[3]!).toBe(bit('firstname'));
    expect(begin[6]!).toBe(bit('city') | bit('firstname'));
    expect(begin[8]! & bit('city')).not.toBe(0);
    expect(inside[9]! & bit('city')).not.toBe(0);
    // a listed accented name written without its accents
    const plain = ['Flights', 'to', 'Sao', 'Paulo'];
    const p = matchGazetteer(
      gaz,
      plain,
      plain.map((w) => w.toLowerCase()),
    );
    expect(p.begin[2]! & bit('city')).not.toBe(0);
    expect(p.inside[3]! & bit('city')).not.toBe(0);
  });
  it('the lists the training builds look up exactly, so that the committed tagger is what training produces', () => {
    const gaz = buildGazetteer(lists);
    const norm = ['Iván', 'Espel'];
    expect(
      matchGazetteer(
        gaz,
        norm,
        norm.map((w) => w.toLowerCase()),
      ).begin[0],
    ).toBe(0);
    // and a model file keeps the lists as listed
    expect(compileGazetteer(loadGazetteer(compileGazetteer(gaz)))).toEqual(compileGazetteer(gaz));
  });
  it('facts look a written accent up without it, and an exact listing first', () => {
    const facts = nameFacts({ gazetteer: buildGazetteer(lists), ordinary: new Set<string>() } as unknown as NerModel);
    expect(facts('Iván').firstName).toBe(true);
    expect(facts('Leon').loc).toBe(false);
    expect(facts('León').loc).toBe(true);
    expect(nameFacts({ gazetteer: loadGazetteer(compileGazetteer(buildGazetteer(lists))), ordinary: new Set<string>() } as unknown as NerModel)('Sao Paulo').loc).toBe(true);
    expect(facts('Josh').firstName).toBe(false);
  });
});

/**
 * The name lists and the texts spell foreign names with and without accents ("Ivan" listed, "Iván"
 * written): both are folded before they are compared, in the tagger's list features and in the facts
 * the actors are typed with.
 */
import { describe, expect, it } from 'vitest';
import { buildGazetteer, foldAccents, GAZ_LISTS, loadGazetteer, matchGazetteer } from '../../lib/nlp/ner/gazetteer.ts';
import { nameFacts } from '../../lib/nlp/ner/index.ts';
import type { NerModel } from '../../lib/nlp/ner/model.ts';

const bit = (l: (typeof GAZ_LISTS)[number]) => 1 << GAZ_LISTS.indexOf(l);

describe('accents in the name lists', () => {
  it('folds letters, and leaves plain text and letters with no accent to remove alone', () => {
    expect(foldAccents('iván')).toBe('ivan');
    expect(foldAccents('são paulo')).toBe('sao paulo');
    expect(foldAccents('zoë')).toBe('zoe');
    expect(foldAccents('ivan')).toBe('ivan');
    // a dotless i is its own letter, not an i with a mark
    expect(foldAccents('adıyaman')).toBe('adıyaman');
  });
  it('matches a written accent against a plain listing, and a listed accent against plain text', () => {
    const gaz = buildGazetteer({ firstname: ['Ivan'], city: ['São Paulo'] });
    const norm = ['Iván', 'Espel', 'left', 'Sao', 'Paulo'];
    const { begin, inside } = matchGazetteer(
      gaz,
      norm,
      norm.map((w) => w.toLowerCase()),
    );
    expect(begin[0]! & bit('firstname')).not.toBe(0);
    expect(begin[3]! & bit('city')).not.toBe(0);
    expect(inside[4]! & bit('city')).not.toBe(0);
  });
  it('a plain listing keeps its own lists: an accented twin adds nothing to it', () => {
    // the city "león" does not make the first name "leon" a city
    const keys = ['leon', 'león', 'são paulo'].sort();
    const masks = Object.fromEntries(keys.map((k) => [k, k === 'leon' ? bit('firstname') : bit('city')]));
    const g = loadGazetteer({ keys: keys.join('\n'), masks: keys.map((k) => masks[k]!) });
    expect(g.phrases.get('leon')).toBe(bit('firstname'));
    expect(g.phrases.get('sao paulo')).toBe(bit('city'));
    expect(g.prefixes.has('sao')).toBe(true);
    const facts = nameFacts({ gazetteer: g, ordinary: new Set<string>() } as unknown as NerModel);
    expect(facts('Leon').loc).toBe(false);
    expect(facts('León').loc).toBe(true);
    expect(facts('Sao Paulo').loc).toBe(true);
  });
  it('facts look a written accent up without it', () => {
    const facts = nameFacts({ gazetteer: buildGazetteer({ firstname: ['Ivan', 'Jose'] }), ordinary: new Set<string>() } as unknown as NerModel);
    expect(facts('Iván').firstName).toBe(true);
    expect(facts('José').firstName).toBe(true);
    expect(facts('Josh').firstName).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { fhash, TEMPLATES } from '../../lib/nlp/ner/features.ts';
import { loadNerModel, tagDocument } from '../../lib/nlp/ner/index.ts';
import { allowed, NT, serialiseModel, TAGS, viterbi, type StageData } from '../../lib/nlp/ner/model.ts';

const tag = (t: string) => (TAGS as readonly string[]).indexOf(t);

/** A hand-made one-stage model: a few word features with known weights. */
function tinyModel(): Uint8Array {
  const rows: [number, Record<string, number>][] = [
    [fhash(TEMPLATES.bias, ''), { O: 1 }],
    [fhash(TEMPLATES.w, 'paris'), { 'B-LOC': 5 }],
    [fhash(TEMPLATES.w, 'john'), { 'B-PER': 5 }],
    [fhash(TEMPLATES.w, 'smith'), { 'I-PER': 5, 'B-PER': 4 }],
  ];
  const weights = new Float32Array(rows.length * NT);
  rows.forEach(([, w], r) => {
    for (const [t, v] of Object.entries(w)) weights[r * NT + tag(t)] = v;
  });
  const data: StageData = {
    keys: Int32Array.from(rows.map(([h]) => h)),
    weights,
    trans: new Float64Array((NT + 1) * NT),
  };
  return serialiseModel([data], { firstname: ['John'] }, { test: true });
}

describe('tiny model decode', () => {
  const model = loadNerModel(tinyModel());

  it('round-trips through the file format and tags by its weights', () => {
    expect(model.stages.length).toBe(1);
    expect(tagDocument(model, [['John', 'Smith', 'visited', 'Paris', '.']])).toEqual([['B-PER', 'I-PER', 'O', 'B-LOC', 'O']]);
  });

  it('never starts an entity with I- (IOB2 constraint in Viterbi)', () => {
    // "Smith" alone prefers I-PER (5) but cannot start with it: B-PER (4) wins.
    expect(tagDocument(model, [['Smith', 'visited', 'Paris']])).toEqual([['B-PER', 'O', 'B-LOC']]);
    expect(allowed(NT, tag('I-PER'))).toBe(false);
    expect(allowed(tag('B-PER'), tag('I-PER'))).toBe(true);
    expect(allowed(tag('B-ORG'), tag('I-PER'))).toBe(false);
  });

  it('accepts Uint8Array, ArrayBuffer and base64, rejects anything else', () => {
    const bytes = tinyModel();
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    expect(tagDocument(loadNerModel(ab), [['Paris']])).toEqual([['B-LOC']]);
    const b64 = Buffer.from(bytes).toString('base64');
    expect(tagDocument(loadNerModel(b64), [['Paris']])).toEqual([['B-LOC']]);
    expect(() => loadNerModel(new Uint8Array([1, 2, 3]))).toThrow(/not a Backstory NER model/);
    expect(() => loadNerModel(42 as unknown as object)).toThrow(/expected the bytes/);
  });

  it('handles empty documents and sentences', () => {
    expect(tagDocument(model, [])).toEqual([]);
    expect(tagDocument(model, [[]])).toEqual([[]]);
  });
});

describe('viterbi', () => {
  it('uses transition scores', () => {
    const em = new Float64Array(2 * NT);
    em[tag('B-ORG')] = 1;
    em[NT + tag('B-ORG')] = 1; // two B-ORG on their own…
    em[NT + tag('I-ORG')] = 0.5;
    const trans = new Float64Array((NT + 1) * NT);
    trans[tag('B-ORG') * NT + tag('I-ORG')] = 1; // …but B-ORG → I-ORG is rewarded
    const out = new Uint8Array(2);
    viterbi(em, 2, trans, out);
    expect([...out].map((t) => TAGS[t])).toEqual(['B-ORG', 'I-ORG']);
  });
});

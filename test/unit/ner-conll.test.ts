import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isIob1, keepScored, parseConll, scoreSpans, spans, toIob2 } from '../../lib/nlp/ner/conll.ts';

const fixture = readFileSync(new URL('../fixtures/ner/iob1-sample.conll', import.meta.url), 'utf8');

describe('CoNLL reading', () => {
  it('reads documents, sentences, first and last columns', () => {
    const docs = parseConll(fixture);
    expect(docs.length).toBe(2);
    expect(docs[0]!.sentences.length).toBe(2);
    expect(docs[0]!.sentences[0]!.tokens).toEqual(['U.N.', 'official', 'Ekeus', 'heads', 'for', 'Baghdad', '.']);
    expect(docs[1]!.sentences[0]!.tags).toEqual(['I-PER', 'I-PER']);
  });

  it('rejects malformed lines with a line number', () => {
    expect(() => parseConll('EU B-ORG\nrejects\n', 'x.conll')).toThrow(/x\.conll:2/);
    expect(() => parseConll('EU NNP B-NP ORG\n', 'x.conll')).toThrow(/not a BIO tag/);
  });
});

describe('IOB1 → IOB2', () => {
  it('detects IOB1', () => {
    expect(isIob1(['I-ORG', 'O'])).toBe(true);
    expect(isIob1(['B-ORG', 'I-ORG', 'O', 'B-PER'])).toBe(false);
  });

  it('converts with known answers', () => {
    const s = parseConll(fixture)[0]!.sentences[1]!.tags;
    expect(toIob2(s)).toEqual(['B-LOC', 'B-LOC', 'O', 'B-PER', 'I-PER', 'B-PER', 'O', 'O', 'O', 'B-MISC', 'B-ORG', 'O']);
    expect(toIob2(['B-ORG', 'I-ORG', 'O'])).toEqual(['B-ORG', 'I-ORG', 'O']); // IOB2 unchanged
    expect(toIob2(['S-PER', 'B-LOC', 'E-LOC'])).toEqual(['B-PER', 'B-LOC', 'I-LOC']); // IOBES too
  });
});

describe('span scoring (conlleval convention)', () => {
  it('extracts spans, MISC ignored', () => {
    expect(spans(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-ORG'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'LOC' },
      { start: 5, end: 6, type: 'ORG' },
    ]);
    expect(keepScored(['B-MISC', 'I-MISC', 'B-PER'])).toEqual(['O', 'O', 'B-PER']);
  });

  it('scores exact span + type matches', () => {
    const gold = [
      ['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-MISC'],
      ['B-ORG', 'I-ORG', 'I-ORG', 'O'],
    ];
    const pred = [
      ['B-PER', 'I-PER', 'O', 'B-ORG', 'O', 'O'], // PER right, LOC typed ORG
      ['B-ORG', 'I-ORG', 'O', 'B-PER'], // ORG span too short, spurious PER
    ];
    const s = scoreSpans(gold, pred);
    // gold: PER, LOC, ORG (3); pred: PER, ORG, ORG, PER (4); correct: PER (1)
    expect(s.tp).toBe(1);
    expect(s.fp).toBe(3);
    expect(s.fn).toBe(2);
    expect(s.precision).toBeCloseTo(0.25);
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.f1).toBeCloseTo((2 * 0.25 * (1 / 3)) / (0.25 + 1 / 3));
    expect(s.perType.PER).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(s.perType.LOC).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(s.perType.ORG).toMatchObject({ tp: 0, fp: 2, fn: 1 });
  });

  it('gives 1.0 for identical taggings', () => {
    const g = [['B-PER', 'I-PER', 'O', 'B-LOC']];
    expect(scoreSpans(g, g).f1).toBe(1);
  });
});

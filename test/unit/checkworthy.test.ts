import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainScore, isCheckworthy, loadCheckworthyModel, scoreSentence } from '../../lib/nlp/claims/checkworthy';
import { parseClaims } from '../../lib/nlp/claims/dataset';
import { capitalisedSpans, extractFeatures, numShape, tokenize } from '../../lib/nlp/claims/features';
import { predictLogReg, trainLogReg } from '../../lib/nlp/claims/logreg';
import { averagePrecision, bestF1Threshold, meanAveragePrecision, prf } from '../../lib/nlp/claims/metrics';

const shipped = loadCheckworthyModel(JSON.parse(readFileSync(new URL('../../public/models/claims.json', import.meta.url), 'utf8')));

describe('metrics', () => {
  it('precision, recall and F1 at a threshold', () => {
    // predicted positive: 0.9 (tp), 0.8 (fp), 0.6 (tp); missed: 0.2 (fn)
    const r = prf([0.9, 0.8, 0.6, 0.2, 0.1], [1, 0, 1, 1, 0], 0.5);
    expect(r).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(r.f1).toBeCloseTo(2 / 3);
    expect(prf([0.1], [1], 0.5)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('average precision on small known rankings', () => {
    expect(averagePrecision([0.9, 0.8, 0.7], [1, 1, 0])).toBe(1);
    // ranking: 1 0 1 → (1/1 + 2/3) / 2
    expect(averagePrecision([0.9, 0.8, 0.7], [1, 0, 1])).toBeCloseTo((1 + 2 / 3) / 2);
    // ranking: 0 0 1 → 1/3
    expect(averagePrecision([0.3, 0.2, 0.1], [0, 0, 1])).toBeCloseTo(1 / 3);
    expect(averagePrecision([0.5, 0.4], [0, 0])).toBeNaN();
  });

  it('breaks ties pessimistically', () => {
    expect(averagePrecision([0.5, 0.5], [1, 0])).toBeCloseTo(0.5);
    expect(averagePrecision([0.5, 0.5], [0, 1])).toBeCloseTo(0.5);
  });

  it('mean average precision over documents skips documents without positives', () => {
    const r = meanAveragePrecision([0.9, 0.1, 0.9, 0.1, 0.5], [1, 0, 0, 1, 0], ['a', 'a', 'b', 'b', 'c']);
    expect(r.map).toBeCloseTo((1 + 0.5) / 2);
    expect(r.docs.find((d) => d.doc === 'c')!.positives).toBe(0);
  });

  it('picks the F1-maximising threshold between distinct scores', () => {
    const { threshold, f1 } = bestF1Threshold([0.9, 0.7, 0.4, 0.2], [1, 1, 0, 0]);
    expect(f1).toBe(1);
    expect(threshold).toBeCloseTo(0.55);
  });
});

describe('feature extraction', () => {
  it('tokenizes words, numbers, symbols, URLs and mentions', () => {
    expect(tokenize('Unemployment fell to 3.5% in 2019, @bob said: https://t.co/x!').map((t) => t.norm)).toEqual(['unemployment', 'fell', 'to', '3.5', '%', 'in', '2019', '<user>', 'said', '<url>']);
    expect(tokenize('Putin’s aides don’t agree').map((t) => t.norm)).toEqual(["putin's", 'aides', "don't", 'agree']);
  });

  it('baseline features are word uni- and bigrams only', () => {
    const f = extractFeatures('Taxes rose.', {}, 'ngrams');
    expect(f.sort()).toEqual(['b:<s> taxes', 'b:rose </s>', 'b:taxes rose', 'w:rose', 'w:taxes']);
  });

  it('full features mark numbers, percentages, money, years and comparisons', () => {
    const f = new Set(extractFeatures('Unemployment fell to 3.5 percent last year, the lowest in 50 years.'));
    for (const name of ['f:num', 'f:num:2+', 'f:num:pct', 'f:num:decimal', 'f:sup', 'f:change', 'f:tense:past', 'f:time', 'f:x:quant&past', 'g:<dec> percent']) expect(f).toContain(name);
    const money = new Set(extractFeatures('He spent $2 billion of taxpayers’ money in 2016.'));
    for (const name of ['f:num:money', 'f:num:magnitude', 'f:num:year']) expect(money).toContain(name);
    expect(new Set(extractFeatures('Crime is higher than ever.'))).toContain('f:cmp:than');
  });

  it('marks attribution, hedges, modality, person and questions', () => {
    const a = new Set(extractFeatures('According to the report, officials said it might possibly happen.'));
    for (const name of ['f:attr', 'f:attr:according', 'f:evidence', 'f:hedge', 'f:modal:possible']) expect(a).toContain(name);
    const q = new Set(extractFeatures('Will you join us?'));
    for (const name of ['f:question', 'f:pron:2', 'f:pron:1pl', 'f:tense:future']) expect(q).toContain(name);
    const i = new Set(extractFeatures('I think we should go.'));
    for (const name of ['f:pron:1sg', 'f:hedge:ithink', 'f:modal:obligation']) expect(i).toContain(name);
  });

  it('finds named-actor-ish capitalised spans by shape, and honours the caller’s context', () => {
    expect(capitalisedSpans(tokenize('The meeting with Mr Trump and Volodymyr Zelensky in Washington'))).toMatchObject({ spans: 3, multi: 2, titled: true });
    expect(capitalisedSpans(tokenize('It rained all day'))).toMatchObject({ spans: 0, acronyms: 0 });
    expect(capitalisedSpans(tokenize('The BBC said so')).acronyms).toBe(1);
    expect(extractFeatures('it rained all day')).not.toContain('f:actor');
    expect(extractFeatures('it rained all day', { hasNamedActor: true })).toContain('f:actor');
    expect(extractFeatures('it rained all day')).not.toContain('f:quote');
    expect(extractFeatures('it rained all day', { isQuote: true })).toContain('f:quote');
  });

  it('gives numbers a shape', () => {
    expect(['2019', '1990s', '21st', '3.5', '1,200', '7'].map(numShape)).toEqual(['<year>', '<decade>', '<ord>', '<dec>', '<big>', '<num>']);
  });

  it('is deterministic and duplicate-free', () => {
    const s = 'The US spent 3% more in 2020 than in 2019, the CBO said.';
    const a = extractFeatures(s);
    expect(extractFeatures(s)).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });
});

describe('logistic regression learner', () => {
  it('learns a separable toy problem deterministically', () => {
    // feature 0 → positive, feature 1 → negative, feature 2 is noise
    const data = [
      { idx: Int32Array.of(0, 2), scale: 1, label: 1 as const },
      { idx: Int32Array.of(0), scale: 1, label: 1 as const },
      { idx: Int32Array.of(1, 2), scale: 1, label: 0 as const },
      { idx: Int32Array.of(1), scale: 1, label: 0 as const },
    ];
    const a = trainLogReg(data, { dim: 3, epochs: 30, seed: 7 });
    const b = trainLogReg(data, { dim: 3, epochs: 30, seed: 7 });
    expect(Array.from(a.w)).toEqual(Array.from(b.w));
    expect(predictLogReg(a, { idx: Int32Array.of(0), scale: 1, label: 0 })).toBeGreaterThan(0.8);
    expect(predictLogReg(a, { idx: Int32Array.of(1), scale: 1, label: 0 })).toBeLessThan(0.2);
  });
});

describe('the shipped model', () => {
  it('scores an obviously check-worthy sentence above an obviously non-check-worthy one', () => {
    const claim = scoreSentence(shipped, 'Unemployment fell to 3.5 percent last year, the lowest in 50 years.');
    const chat = scoreSentence(shipped, 'Thank you all for coming tonight.');
    expect(claim).toBeGreaterThan(chat);
    expect(claim).toBeGreaterThanOrEqual(shipped.threshold);
    expect(chat).toBeLessThan(shipped.threshold);
    expect(isCheckworthy(shipped, 'Unemployment fell to 3.5 percent last year, the lowest in 50 years.')).toBe(true);
  });

  it('returns scores in 0..1 for any input, including empty text', () => {
    for (const s of ['', '?', 'Yes.', 'x'.repeat(5000)]) {
      const v = scoreSentence(shipped, s);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('ranks the seed article’s factual claims above its chatter', () => {
    const drones = scoreSentence(shipped, 'Just hours after the meeting, Moscow launched its largest aerial attack in a month, firing 270 drones and 10 missiles at central Ukraine.');
    const icc = scoreSentence(shipped, 'Putin has been the subject of an International Criminal Court arrest warrant since 2023 for alleged war crimes in Ukraine.');
    const rhetoric = scoreSentence(shipped, 'We rose up, united as Europeans, and he took it into account.', { isQuote: true });
    expect(drones).toBeGreaterThan(rhetoric);
    expect(icc).toBeGreaterThan(rhetoric);
    expect(drones).toBeGreaterThanOrEqual(shipped.threshold);
  });

  it('explains a score with its heaviest features', () => {
    const top = explainScore(shipped, 'Unemployment fell to 3.5 percent last year.', {}, 3);
    expect(top).toHaveLength(3);
    expect(Math.abs(top[0]!.weight)).toBeGreaterThanOrEqual(Math.abs(top[2]!.weight));
  });

  it('is small enough to ship in the extension (its load time is in `npm run bench -- claims`)', () => {
    const text = readFileSync(new URL('../../public/models/claims.json', import.meta.url), 'utf8');
    expect(text.length).toBeLessThan(2_000_000);
    expect(() => loadCheckworthyModel(JSON.parse(text))).not.toThrow();
  });

  it('rejects files that are not a check-worthiness model', () => {
    expect(() => loadCheckworthyModel({ format: 'other' })).toThrow(/format/);
    expect(() => loadCheckworthyModel('{"format":"backstory-checkworthy","version":1,"featureSet":"full","threshold":0.5,"bias":0,"features":"a\\nb","weights":[1],"weightScale":1000}')).toThrow(
      /2 features but 1 weights/,
    );
    expect(() => loadCheckworthyModel(null)).toThrow(/not an object/);
    expect(() => loadCheckworthyModel('{not json')).toThrow();
    const good = { format: 'backstory-checkworthy', version: 1, featureSet: 'full', threshold: 0.5, bias: 0, features: 'w:tax\nw:thank', weights: [2000, -2000], weightScale: 1000 };
    const m = loadCheckworthyModel(good);
    expect(scoreSentence(m, 'tax')).toBeGreaterThan(0.5);
    expect(scoreSentence(m, 'thank')).toBeLessThan(0.5);
    expect(() => loadCheckworthyModel({ ...good, version: 2 })).toThrow(/version 2/);
    expect(() => loadCheckworthyModel({ ...good, featureSet: 'chars' })).toThrow(/featureSet/);
    expect(() => loadCheckworthyModel({ ...good, threshold: 1.5 })).toThrow(/outside 0\.\.1/);
    expect(() => loadCheckworthyModel({ ...good, weightScale: 0 })).toThrow(/weightScale/);
    expect(() => loadCheckworthyModel({ ...good, weights: [1, 'x'] })).toThrow(/weight 1 \(w:thank\)/);
    expect(() => loadCheckworthyModel({ ...good, weights: undefined })).toThrow(/required/);
  });

  it('separates held-out-style claims from small talk at its own threshold', () => {
    const claims = [
      'Unemployment fell to 3.5 percent last year, the lowest in 50 years.',
      'The federal deficit has tripled since 2008, to $1.4 trillion.',
      'We have lost 70,000 factories since China entered the World Trade Organization.',
      'Crime in Chicago rose 12 percent in 2016, according to police data.',
    ];
    const chatter = ['Thank you all for coming tonight.', 'Good evening, and welcome to the debate.', 'Will you answer the question?', 'I think that is a great idea.'];
    for (const c of claims) expect(scoreSentence(shipped, c), c).toBeGreaterThanOrEqual(shipped.threshold);
    for (const c of chatter) expect(scoreSentence(shipped, c), c).toBeLessThan(shipped.threshold);
  });

  it('stores its calibration and the settings it was trained with', () => {
    const cal = shipped.meta.calibration as { a: number; b: number } | undefined;
    expect(cal && Number.isFinite(cal.a) && cal.a > 0).toBe(true);
    // Calibrated on ClaimBuster (about 25 % positive): the F1-optimal cut of a calibrated score lies well below 0.5.
    expect(shipped.threshold).toBeGreaterThan(0.15);
    expect(shipped.threshold).toBeLessThan(0.5);
  });
});

describe('claims data parsing', () => {
  it('reads JSONL, skips blank lines and counts malformed ones', () => {
    const p = parseClaims('{"text":"a","label":1,"doc":"d1"}\n\nnot json\n{"text":"b"}\n[1]\n{"text":"c","label":"0","id":7}\n');
    expect(p.format).toBe('jsonl');
    expect(p.rows).toEqual([
      { id: '1', text: 'a', label: 1, doc: 'd1' },
      { id: '7', text: 'c', label: 0 },
    ]);
    expect(p.blank).toBe(1);
    expect(p.malformed).toBe(3);
    expect(p.problems[0]).toMatch(/^line 3: /);
  });

  it('reads the CLEF 2020 TSV layout', () => {
    const p = parseClaims('topic_id\ttweet_id\ttweet_url\ttweet_text\tclaim\tcheck_worthiness\ncovid-19\t12\thttp://x\tCases rose 5%.\t1\t1\ncovid-19\t13\thttp://y\tStay safe!\t0\t0\n');
    expect(p.format).toBe('tsv');
    expect(p.rows).toEqual([
      { id: '12', text: 'Cases rose 5%.', label: 1 },
      { id: '13', text: 'Stay safe!', label: 0 },
    ]);
  });

  it('names the missing columns of a TSV without text or label', () => {
    expect(() => parseClaims('a\tb\n1\t2\n')).toThrow(/text column/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCheckworthyModel, marginToScore, sentenceMargin, type CheckworthyModel } from '../../lib/nlp/claims/checkworthy';
import { CONTEXT_FEATURES, contextFeatures, contextMargins, readsAsTranscript, scoreRows, transcriptLines, type ContextLine } from '../../lib/nlp/claims/context';
import { parseClaims } from '../../lib/nlp/claims/dataset';
import { findClaims } from '../../lib/nlp/claims/find';

const col = (name: string): number => CONTEXT_FEATURES.indexOf(name as (typeof CONTEXT_FEATURES)[number]);
const line = (margin: number, speaker: string | null, turn: number, text = 'Some words here.'): ContextLine => ({ margin, speaker, turn, text });

describe('context features', () => {
  // A moderator asks, two candidates answer; B's lines score high.
  const lines: ContextLine[] = [
    line(-2, 'MOD', 0, 'What will you do about jobs?'),
    line(1, 'A', 1),
    line(0, 'A', 1),
    line(-1, 'MOD', 2, 'And you?'),
    line(3, 'B', 3),
    line(2, 'B', 3),
    line(3, 'B', 3),
  ];
  const f = contextFeatures(lines);

  it('gives one vector per line, each centred over the document', () => {
    expect(f).toHaveLength(lines.length);
    for (let k = 0; k < CONTEXT_FEATURES.length; k++) {
      const sum = f.reduce((a, v) => a + v[k]!, 0);
      expect(Math.abs(sum)).toBeLessThan(1e-9);
    }
  });

  it('sees the speaker: the one with more lines and higher scores ranks above the moderator', () => {
    const share = col('speakerShare');
    const mean = col('speakerMean');
    const questions = col('speakerQuestions');
    expect(f[4]![share]!).toBeGreaterThan(f[1]![share]!); // B has 3 lines, A 2
    expect(f[1]![share]!).toBeCloseTo(f[0]![share]!, 9); // A and MOD both have 2
    expect(f[4]![mean]!).toBeGreaterThan(f[1]![mean]!);
    expect(f[1]![mean]!).toBeGreaterThan(f[0]![mean]!);
    expect(f[0]![questions]!).toBeGreaterThan(f[1]![questions]!); // MOD's lines are questions
  });

  it('sees the neighbours and the place in the turn', () => {
    expect(f[5]![col('window')]!).toBeGreaterThan(f[1]![col('window')]!);
    expect(f[4]![col('first')]!).toBeGreaterThan(f[5]![col('first')]!);
    expect(f[6]![col('last')]!).toBeGreaterThan(f[5]![col('last')]!);
    expect(f[1]![col('answer')]!).toBeGreaterThan(f[0]![col('answer')]!); // A's turn answers MOD's question
    expect(f[2]![col('answer')]!).toBeCloseTo(f[1]![col('answer')]!, 9); // the whole turn does
    expect(f[3]![col('answer')]!).toBeCloseTo(f[0]![col('answer')]!, 9); // A asked nothing
  });

  it('weights move lines against one another and leave the document mean as it was', () => {
    const model = { features: ['speakerShare', 'speakerMean'], weights: [4, 1] };
    const z = contextMargins(model, lines);
    const before = lines.reduce((a, l) => a + l.margin, 0);
    const after = z.reduce((a, b) => a + b, 0);
    expect(after).toBeCloseTo(before, 9);
    // A's best line (margin 1) falls below B's lines; the moderator's lines fall further.
    expect(z[1]!).toBeLessThan(z[5]!);
    expect(z[0]!).toBeLessThan(lines[0]!.margin);
  });

  it('leaves margins alone without weights, for one line, and for text that is mostly narration', () => {
    expect(contextMargins(null, lines)).toEqual(lines.map((l) => l.margin));
    expect(contextMargins({ features: ['speakerShare'], weights: [5] }, [line(1.5, 'A', 0)])).toEqual([1.5]);
    const story = [line(1, null, 0), line(2, null, 1), line(0, 'X', 2), line(-1, null, 3)];
    expect(readsAsTranscript(story)).toBe(false);
    expect(contextMargins({ features: ['speakerShare'], weights: [5] }, story)).toEqual(story.map((l) => l.margin));
    expect(readsAsTranscript(lines)).toBe(true);
  });

  it('reads a transcript: a turn is a run of lines by one speaker', () => {
    const t = transcriptLines([{ text: 'a', speaker: 'A' }, { text: 'b', speaker: 'A' }, { text: 'c', speaker: 'B' }, { text: 'd' }, { text: 'e' }], [0, 0, 0, 0, 0]);
    expect(t.map((l) => l.turn)).toEqual([0, 0, 1, 2, 3]);
    expect(t.map((l) => l.speaker)).toEqual(['A', 'A', 'B', null, null]);
  });
});

describe('the shipped model with context', () => {
  const model: CheckworthyModel = loadCheckworthyModel(readFileSync('public/models/claims.json', 'utf8'));

  it('has context weights for known features only, and rejects malformed ones', () => {
    expect(model.context).not.toBeNull();
    for (const f of model.context!.features) expect(CONTEXT_FEATURES as readonly string[]).toContain(f);
    const file = JSON.parse(readFileSync('public/models/claims.json', 'utf8'));
    expect(() => loadCheckworthyModel({ ...file, context: { features: ['window'], weights: [] } })).toThrow(/context/);
    expect(() => loadCheckworthyModel({ ...file, context: { features: ['window'], weights: [NaN] } })).toThrow(/context/);
    const { context: _drop, ...plain } = file;
    expect(loadCheckworthyModel(plain).context).toBeNull();
  });

  it('scores rows without documents exactly as sentences alone', () => {
    const rows = parseClaims('{"text":"Unemployment fell to 3.5 percent.","label":1}\n{"text":"Thank you.","label":0}').rows;
    expect(scoreRows(model, rows)).toEqual(rows.map((r) => marginToScore(sentenceMargin(model, r.text))));
  });

  it('re-ranks a debate: the candidate’s claim rises against the moderator’s line', () => {
    const rows = [
      { doc: 'd', speaker: 'MODERATOR', text: 'Our economy grew by 2 percent last year, and many people lost their jobs.' },
      { doc: 'd', speaker: 'SMITH', text: 'Unemployment fell to 3.5 percent last year.' },
      { doc: 'd', speaker: 'SMITH', text: 'We created 200,000 jobs in Ohio.' },
      { doc: 'd', speaker: 'SMITH', text: 'Crime went up 10 percent in your city.' },
      { doc: 'd', speaker: 'MODERATOR', text: 'Thank you, next question.' },
    ];
    const alone = rows.map((r) => marginToScore(sentenceMargin(model, r.text)));
    const withContext = scoreRows(model, rows);
    expect(withContext).not.toEqual(alone);
    expect(withContext[2]! - withContext[0]!).toBeGreaterThan(alone[2]! - alone[0]!);
  });

  it('is used by the claim finder on a transcript page, and not on a news story', () => {
    const paragraphs = [
      'MODERATOR: Senator Smith, what did your plan do for jobs?',
      'SMITH: Unemployment fell to 3.5 percent last year, the lowest in 50 years. We created 200,000 jobs in Ohio alone.',
      'MODERATOR: Governor Jones, your response?',
      'JONES: Crime went up 10 percent in his state while he was in office. Wages fell by 4 percent.',
    ];
    const noContext: CheckworthyModel = { ...model, context: null };
    const a = findClaims({ paragraphs, mentions: [], actors: [], model });
    const b = findClaims({ paragraphs, mentions: [], actors: [], model: noContext });
    expect(a.length).toBeGreaterThan(0);
    const speakers = new Set(a.map((c) => c.speaker));
    expect(speakers.has('SMITH') || speakers.has('Smith') || speakers.has('JONES') || speakers.has('Jones')).toBe(true);
    const byId = new Map(b.map((c) => [c.id, c.checkworthiness]));
    expect(a.some((c) => byId.has(c.id) && byId.get(c.id) !== c.checkworthiness)).toBe(true);
    const story = ['The council met on Tuesday. Unemployment fell to 3.5 percent last year, the lowest in 50 years.', 'Crime went up 10 percent in the city. Wages fell by 4 percent, officials said.'];
    expect(findClaims({ paragraphs: story, mentions: [], actors: [], model }).map((c) => c.checkworthiness)).toEqual(
      findClaims({ paragraphs: story, mentions: [], actors: [], model: noContext }).map((c) => c.checkworthiness),
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuoteSpans, splitSentences } from '../../lib/nlp/sentences';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

const seed = JSON.parse(readFileSync(new URL('../fixtures/claims/seed-paragraphs.json', import.meta.url), 'utf8')) as { paragraphs: string[] };
const para = (fragment: string): string => {
  const p = seed.paragraphs.find((x) => x.includes(fragment));
  if (!p) throw new Error(`fixture paragraph with "${fragment}" missing`);
  return p;
};

describe('splitSentences: offsets', () => {
  it('returns trimmed sentences whose offsets index the input', () => {
    const t = '  First one.   Second one!\n\n  Third?  ';
    const out = splitSentences(t);
    expect(out.map((s) => s.text)).toEqual(['First one.', 'Second one!', 'Third?']);
    for (const s of out) expect(t.slice(s.start, s.end)).toBe(s.text);
  });

  it('uses UTF-16 offsets across emoji and curly quotes', () => {
    const t = 'Fans cheered 🎉. “Great,” she said. Done.';
    for (const s of splitSentences(t)) expect(t.slice(s.start, s.end)).toBe(s.text);
    expect(texts(t)).toEqual(['Fans cheered 🎉.', '“Great,” she said.', 'Done.']);
  });

  it('handles empty and whitespace-only text, and text without a full stop', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n ')).toEqual([]);
    expect(texts('No full stop here')).toEqual(['No full stop here']);
  });
});

describe('splitSentences: abbreviations, initials, numbers', () => {
  it.each([
    ['Mr Trump met Mrs May. They talked.', ['Mr Trump met Mrs May.', 'They talked.']],
    ['Mr. Trump met Dr. Fauci and Prof. Whitty. Nothing came of it.', ['Mr. Trump met Dr. Fauci and Prof. Whitty.', 'Nothing came of it.']],
    ['Sir Keir Starmer spoke at St. Paul’s Cathedral. Crowds gathered.', ['Sir Keir Starmer spoke at St. Paul’s Cathedral.', 'Crowds gathered.']],
    ['The U.S. Senate voted. The U.K. abstained.', ['The U.S. Senate voted.', 'The U.K. abstained.']],
    ['He moved to the U.S. The move was a success.', ['He moved to the U.S.', 'The move was a success.']],
    ['She lives in the U.K. She likes it.', ['She lives in the U.K.', 'She likes it.']],
    ['He went to No. 10 on Tuesday. No 10 said nothing.', ['He went to No. 10 on Tuesday.', 'No 10 said nothing.']],
    ['The law took effect on Jan. 5, 2021. It was repealed.', ['The law took effect on Jan. 5, 2021.', 'It was repealed.']],
    ['Some leaders, e.g. Macron, disagreed. Others, i.e. the rest, agreed.', ['Some leaders, e.g. Macron, disagreed.', 'Others, i.e. the rest, agreed.']],
    ['J. K. Rowling wrote it. George W. Bush read it.', ['J. K. Rowling wrote it.', 'George W. Bush read it.']],
    ['Growth was 3.5 per cent. Inflation hit 10.1%. Debt is £2.6tn.', ['Growth was 3.5 per cent.', 'Inflation hit 10.1%.', 'Debt is £2.6tn.']],
    ['Apple Inc. The company fell 2%. Apple Inc. Chief Tim Cook spoke.', ['Apple Inc.', 'The company fell 2%.', 'Apple Inc. Chief Tim Cook spoke.']],
    ['The meeting ended at 5 p.m. The leaders left.', ['The meeting ended at 5 p.m.', 'The leaders left.']],
    ['Visit bbc.co.uk/news for more. Or not.', ['Visit bbc.co.uk/news for more.', 'Or not.']],
    ['Prices rose in 2022. 2023 was calmer.', ['Prices rose in 2022.', '2023 was calmer.']],
    ['It was approx. five miles. We walked.', ['It was approx. five miles.', 'We walked.']],
  ])('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});

describe('splitSentences: ellipses, ?, !', () => {
  it('splits after an ellipsis only before a capital', () => {
    expect(texts('He paused... and went on. Then... Nothing.')).toEqual(['He paused... and went on.', 'Then...', 'Nothing.']);
    expect(texts('Wait for it… The answer came.')).toEqual(['Wait for it…', 'The answer came.']);
  });

  it('splits on ? and ! and runs of them', () => {
    expect(texts('Is it true? Yes! Really?! Absolutely.')).toEqual(['Is it true?', 'Yes!', 'Really?!', 'Absolutely.']);
  });
});

describe('splitSentences: quotes', () => {
  it('keeps a closing quote with the sentence it ends', () => {
    expect(texts('“We have moved forward,” he said.” Next sentence.')).toEqual(['“We have moved forward,” he said.”', 'Next sentence.']);
    expect(texts('He said: “It is over.” Next came the vote.')).toEqual(['He said: “It is over.”', 'Next came the vote.']);
    expect(texts('He said: "It is over." Next came the vote.')).toEqual(['He said: "It is over."', 'Next came the vote.']);
    expect(texts('She called it ‘a farce.’ Then she left.')).toEqual(['She called it ‘a farce.’', 'Then she left.']);
  });

  it('starts a sentence at an opening quotation a page wrote with no space before it', () => {
    expect(texts('It is closer to 30 percent.“We have found more,” he adds.')).toEqual(['It is closer to 30 percent.', '“We have found more,” he adds.']);
    // not after an abbreviation, nor at a straight mark, which may close
    expect(texts('He met Gov.“Big Jim” Folsom there.')).toEqual(['He met Gov.“Big Jim” Folsom there.']);
    expect(texts('It was 30 percent."We have found more," he adds.')).toEqual(['It was 30 percent."We have found more," he adds.']);
  });

  it('does not split “…?” or “…!” followed by a short attribution', () => {
    expect(texts('“Why not?” Trump asked. The room fell silent.')).toEqual(['“Why not?” Trump asked.', 'The room fell silent.']);
    expect(texts('“Get out!” he shouted. She did.')).toEqual(['“Get out!” he shouted.', 'She did.']);
    expect(texts('“What now?” The question hung in the air for a long, long time.')).toEqual(['“What now?”', 'The question hung in the air for a long, long time.']);
  });

  it('splits a quotation that runs over several sentences and marks them as one quote', () => {
    const t = para('I think we have changed President Trump');
    const out = splitSentences(t);
    expect(out.map((s) => s.text)).toEqual([
      'Meanwhile, Emmanuel Macron said he and other European leaders had succeeded in changing Mr Trump’s approach to the war in Ukraine.',
      '“I think we have changed President Trump since he arrived in power in January,” the French president told Paris Match.',
      '“You remember the time when he thought he would settle the conflict in 24 hours?',
      'We rose up, united as Europeans, and he took it into account.',
      'He also brought a fundamental asset dealing with Russia: his unpredictability.”',
    ]);
    expect(out.map((s) => s.inQuote)).toEqual([false, false, true, true, true]);
    expect(out[2]!.quote).not.toBeNull();
    expect(out[2]!.quote).toBe(out[3]!.quote);
    expect(out[3]!.quote).toBe(out[4]!.quote);
    expect(out[1]!.quote).not.toBe(out[2]!.quote); // a different, earlier quotation it overlaps
  });

  it('ties the attributed last sentence of a quotation to the same quote', () => {
    const t = para('Everything worked out well until');
    const out = splitSentences(t);
    expect(out).toHaveLength(3);
    expect(out.map((s) => s.inQuote)).toEqual([true, true, false]);
    expect(new Set(out.map((s) => s.quote)).size).toBe(1);
    expect(out[2]!.text).toBe('Everything worked out well until [President] Biden got involved,” he said.');
  });

  it('treats a quote left open at a paragraph end as one unclosed span', () => {
    const t = '“This is the first paragraph of a long quote. It goes on.\n\n“And this is the second,” she said.';
    const spans = findQuoteSpans(t);
    expect(spans.map((s) => [t.slice(s.start, s.end), s.closed])).toEqual([
      ['“This is the first paragraph of a long quote. It goes on.', false],
      ['“And this is the second,”', true],
    ]);
    const out = splitSentences(t);
    expect(out.map((s) => [s.text, s.inQuote])).toEqual([
      ['“This is the first paragraph of a long quote.', true],
      ['It goes on.', true],
      ['“And this is the second,” she said.', false],
    ]);
    expect(out[0]!.quote).toBe(out[1]!.quote);
  });

  it('closes an unbalanced quote at the end of the text', () => {
    const t = 'He said: "We will win. Nobody can stop us.';
    const spans = findQuoteSpans(t);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ start: 9, end: t.length, closed: false, depth: 0 });
    expect(splitSentences(t).map((s) => s.inQuote)).toEqual([false, true]);
  });
});

describe('findQuoteSpans', () => {
  it('finds straight and curly quotes and ignores apostrophes', () => {
    const t = 'Mr Trump\'s envoy said "a major step forward", while Putin’s aide called it ‘nonsense’ in the ’90s style.';
    expect(findQuoteSpans(t).map((s) => t.slice(s.start, s.end))).toEqual(['"a major step forward"', '‘nonsense’']);
  });

  it('nests single quotes inside double quotes', () => {
    const t = '“He told me ‘never again’, and meant it,” she said.';
    const spans = findQuoteSpans(t);
    expect(spans.map((s) => [t.slice(s.start, s.end), s.depth])).toEqual([
      ['“He told me ‘never again’, and meant it,”', 0],
      ['‘never again’', 1],
    ]);
  });

  it('reads two straight single quotes as one double mark (older newswire style)', () => {
    const t = "''It is over,'' Mr. Lou said. ''Now we wait.''";
    const spans = findQuoteSpans(t);
    expect(spans.map((s) => [t.slice(s.start, s.end), s.closed, s.depth])).toEqual([
      ["''It is over,''", true, 0],
      ["''Now we wait.''", true, 0],
    ]);
    expect(texts(t)).toEqual(["''It is over,'' Mr. Lou said.", "''Now we wait.''"]);
  });

  // A hang guard, not a speed test (speed is in `npm run bench`): a quadratic pass over these takes minutes.
  it('finishes on long runs of straight single quotes and apostrophes', { timeout: 90_000 }, () => {
    for (const t of ["'".repeat(100_000), "a'b ".repeat(30_000), "'a ".repeat(30_000) + "x' ", '”a b.\n'.repeat(30_000)]) {
      const t0 = performance.now();
      findQuoteSpans(t);
      splitSentences(t);
      expect(performance.now() - t0).toBeLessThan(20_000);
    }
  });

  it('finds the Downing Street quotation in the seed article', () => {
    const t = para('a Downing Street spokesperson said coalition');
    const spans = findQuoteSpans(t);
    expect(spans).toHaveLength(1);
    expect(t.slice(spans[0]!.start, spans[0]!.start + 39)).toBe('“meet with their US counterparts in the');
    expect(t.slice(spans[0]!.end - 25, spans[0]!.end)).toBe('if the hostilities ended”');
    expect(spans[0]!.closed).toBe(true);
  });
});

describe('splitSentences on the seed article', () => {
  it('splits every paragraph into the expected number of sentences', () => {
    const counts = seed.paragraphs.map((p) => splitSentences(p).length);
    expect(counts).toEqual([1, 1, 1, 2, 1, 2, 1, 1, 1, 1, 2, 1, 1, 3, 5, 2, 1, 3]);
  });

  it('keeps the paragraph with "Sir Tony Radakin" and "Mr Cassis" in three sentences', () => {
    const out = texts(para('It is understood that the UK’s chief of defence staff'));
    expect(out[0]).toBe(
      'It is understood that the UK’s chief of defence staff, Sir Tony Radakin, is travelling to Washington on Tuesday afternoon for talks with US officials on security arrangements.',
    );
    expect(out[2]).toMatch(/^Putin has been the subject of an International Criminal Court arrest warrant since 2023/);
    expect(out[2]).toMatch(/“ready for such a meeting”\.$/);
  });

  it('marks the quoted second sentence of the Downing Street paragraph as in a quote', () => {
    const out = splitSentences(para('The prime minister told European leaders'));
    expect(out).toHaveLength(2);
    expect(out[0]!.inQuote).toBe(false);
    expect(out[1]!.inQuote).toBe(true);
  });
});

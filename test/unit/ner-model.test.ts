/** The shipped model (public/models/ner.bin) on raw news text: typography, case, possessives, other languages. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMentions, isProbablyEnglish, loadNerModel, tagDocument } from '../../lib/nlp/ner/index.ts';

const model = loadNerModel(readFileSync(new URL('../../public/models/ner.bin', import.meta.url)));
const found = (ps: string[]) => findMentions(model, ps).map((m) => `${m.paragraph}:${m.type}:${m.text}`);

describe('shipped NER model', () => {
  it('is small and two-stage', () => {
    expect(readFileSync(new URL('../../public/models/ner.bin', import.meta.url)).length).toBeLessThan(4 * 1024 * 1024);
    expect(model.stages.length).toBe(2);
  });

  it('tags a CoNLL-style document', () => {
    const tags = tagDocument(model, [
      ['EU', 'rejects', 'German', 'call', 'to', 'boycott', 'British', 'lamb', '.'],
      ['Peter', 'Blackburn'],
    ]);
    expect(tags).toEqual([
      ['B-ORG', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O'], // MISC comes out as O
      ['B-PER', 'I-PER'],
    ]);
  });

  it('reports a group its training data call MISC when the text shows it acting', () => {
    const ms = found([
      'Two professors who had been held by the Taliban in Afghanistan since 2016 were released on Tuesday.',
      'The Taliban released two videos of them the next year, and officials said the talks would resume.',
    ]);
    expect(ms).toEqual(expect.arrayContaining(['0:ORG:Taliban', '1:ORG:Taliban']));
  });

  it('reads Title Case headlines with the body', () => {
    const ms = found(['Starmer Meets Macron In Paris As Ukraine Talks Continue', 'Keir Starmer met Emmanuel Macron in Paris on Tuesday to discuss Ukraine.']);
    expect(ms).toEqual(expect.arrayContaining(['0:PER:Starmer', '0:PER:Macron', '0:LOC:Paris', '1:PER:Keir Starmer']));
    expect(ms.some((m) => m.includes('Meets') || m.includes('Talks'))).toBe(false);
  });

  it('reads ALL-CAPS lines', () => {
    expect(found(['BORIS JOHNSON VISITS BERLIN', 'The prime minister will meet German officials.'])).toEqual(expect.arrayContaining(['0:PER:BORIS JOHNSON', '0:LOC:BERLIN']));
  });

  it('leaves possessives out, handles curly quotes, dashes, hyphens and initials', () => {
    const ps = ["Nato’s secretary general said Trump's plan was “unworkable” — and Jean-Claude Juncker agreed.", 'George W. Bush and J.K. Rowling met Mr. O’Neill at the U.S. embassy in London.'];
    const ms = findMentions(model, ps);
    for (const m of ms) expect(ps[m.paragraph]!.slice(m.start, m.end)).toBe(m.text);
    expect(ms.map((m) => `${m.paragraph}:${m.type}:${m.text}`)).toEqual(
      expect.arrayContaining(['0:ORG:Nato', '0:PER:Trump', '0:PER:Jean-Claude Juncker', '1:PER:George W. Bush', '1:PER:J.K. Rowling', '1:LOC:London']),
    );
  });

  it('finds organisations with legal suffixes', () => {
    expect(found(['Apple Inc. and Microsoft Corp. shares fell after the Federal Reserve raised rates, Reuters reported.'])).toEqual(
      expect.arrayContaining(['0:ORG:Apple Inc.', '0:ORG:Microsoft Corp.', '0:ORG:Federal Reserve', '0:ORG:Reuters']),
    );
  });

  it('does not tag other languages, and does not crash on odd input', () => {
    const de = [
      'Die Bundesregierung hat am Dienstag beschlossen, dass die Verhandlungen mit Frankreich und der Europäischen ' + 'Union fortgesetzt werden sollen, sagte Bundeskanzler Friedrich Merz in Berlin.',
    ];
    expect(isProbablyEnglish(de)).toBe(false);
    // A script written without spaces makes few "words": a Japanese review of Kindle for PC, few runs of letters but
    // many letters, is no English; a short English caption still gets the benefit of the doubt.
    const ja = [
      'Kindle書籍を読む場合は、一般的にスマホやタブレットなどのモバイル端末で読むことが多いと思いますが、パソコンでそのまま読みたい時もあります。',
      'そんな用途を考慮してか、Kindleや楽天koboにはデスクトップアプリが用意されています。今回はそのKindle for PCに関する話。',
      'さて、このKindle for PC、Amazonがあまり力を入れていないのか操作性などあまりよくありません。',
    ];
    expect(isProbablyEnglish(ja)).toBe(false);
    expect(findMentions(model, ja)).toEqual([]);
    expect(isProbablyEnglish(['Amazon releases Kindle for PC.'])).toBe(true);
    expect(isProbablyEnglish(['北京欢迎你。'])).toBe(false);
    // English with little prose, a sports round-up's results and scorers, has few function words but
    // English ones for the rest; German prose has neither
    const boxScore = [
      'GIRLS BASKETBALL',
      'Palm Bay d. Rockledge 70-44',
      'Palm Bay (1-0): Tolivert 25 points. Davis 17 points. Burgher 10 points. Bozeman 10 points.',
      'Rockledge (0-1): Blakely 15 points. Devoe 2 points. Baker 6 points. Brown 4 points. Williams 6 points.',
      'BOYS SOCCER',
      'Viera d. Rockledge 3-1',
      'Viera (4-0): K. Hupfer 1 goal. L. Patikas 1 goal. Z. Nielsen 1 goal. J. Anasa 1 assist. A. Sanger 2 saves.',
      'Melbourne (3-0): Osas Osaro 3 goals, 1 assist. Aden Hara 2 goals, 2 assists. Derek Mertz 3 saves.',
      'Heritage (1-0): Armani Sheffield 19 points and 3 steals. Kelli Howard 6 steals.',
    ];
    expect(isProbablyEnglish(boxScore)).toBe(false);
    expect(isProbablyEnglish(boxScore, model.ordinary)).toBe(true);
    expect(isProbablyEnglish(de, model.ordinary)).toBe(false);
    const tagged = found(boxScore);
    expect(tagged).toContain('1:ORG:Palm Bay');
    expect(tagged).toContain('1:ORG:Rockledge');
    expect(tagged).toContain('2:PER:Tolivert');
    expect(tagged).toContain('6:PER:K. Hupfer');
    expect(tagged).toContain('7:ORG:Melbourne');
    expect(tagged.filter((m) => / d\. /.test(m))).toEqual([]);
    expect(findMentions(model, de)).toEqual([]);
    expect(findMentions(model, [])).toEqual([]);
    expect(findMentions(model, ['', '   ', '—', '🙂 🙂', '北京欢迎你。'])).toBeInstanceOf(Array);
    const long = Array.from({ length: 300 }, () => 'he flew to Paris and').join(' '); // one 1,500-token "sentence"
    expect(findMentions(model, [long]).length).toBeGreaterThan(0);
  });
});

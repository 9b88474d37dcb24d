import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize, tokenizeSentences } from '../../lib/nlp/tokenize.ts';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('keeps offsets into the raw string', () => {
    const raw = '“Nato’s chief,” said Mr Trump — in the U.S. capital… (AFP/Getty)';
    for (const t of tokenize(raw)) expect(raw.slice(t.start, t.end)).toBe(t.text);
  });

  it('splits punctuation and quotes PTB-style', () => {
    expect(texts('“We have moved forward”, he said.')).toEqual(['“', 'We', 'have', 'moved', 'forward', '”', ',', 'he', 'said', '.']);
    expect(texts('(AFP/Getty)')).toEqual(['(', 'AFP', '/', 'Getty', ')']);
    expect(texts('Everything worked out well until [President] Biden got involved,”')).toEqual([
      'Everything',
      'worked',
      'out',
      'well',
      'until',
      '[',
      'President',
      ']',
      'Biden',
      'got',
      'involved',
      ',',
      '”',
    ]);
  });

  it('splits possessives and clitics, straight or curly', () => {
    expect(texts("Trump's envoy")).toEqual(['Trump', "'s", 'envoy']);
    expect(texts('Nato’s article five')).toEqual(['Nato', '’s', 'article', 'five']);
    expect(texts("don't")).toEqual(['do', "n't"]);
    expect(texts('the leaders’ talks')).toEqual(['the', 'leaders', '’', 'talks']);
  });

  it('keeps abbreviations, initials, hyphenated names and numbers whole', () => {
    expect(texts('the U.S. and Mr. J. Smith-Jones paid $1,000.50 on 1996-08-22.')).toEqual(['the', 'U.S.', 'and', 'Mr.', 'J.', 'Smith-Jones', 'paid', '$1,000.50', 'on', '1996-08-22', '.']);
    expect(texts('Mr Trump')).toEqual(['Mr', 'Trump']);
  });

  it('splits dashes written without spaces', () => {
    expect(texts('Russia–but')).toEqual(['Russia', '–', 'but']);
    expect(texts('war—and peace')).toEqual(['war', '—', 'and', 'peace']);
    expect(texts('a -- b')).toEqual(['a', '--', 'b']);
  });

  it('handles empty, whitespace-only and non-Latin text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t ')).toEqual([]);
    const raw = 'Владимир Путин заявил, что 北京 «да».';
    const toks = tokenize(raw);
    expect(toks.map((t) => t.text)).toEqual(['Владимир', 'Путин', 'заявил', ',', 'что', '北京', '«', 'да', '»', '.']);
    for (const t of toks) expect(raw.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends but not after abbreviations', () => {
    const s = tokenizeSentences('Mr. Smith went to the U.S. on Monday. He said: “It was fine.” Then he left! OK?');
    expect(s.map((x) => x.map((t) => t.text).join(' '))).toEqual(['Mr. Smith went to the U.S. on Monday .', 'He said : “ It was fine . ”', 'Then he left !', 'OK ?']);
  });

  it('does not split before a lower-case word', () => {
    expect(splitSentences(tokenize('It cost 5 p. m. or so.')).length).toBe(1);
  });
});

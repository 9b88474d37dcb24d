/**
 * The seed article (issue #4): every entry of claims.must_find in the project's copy of the
 * fixture's expected.json comes out with its kind, speaker, unverified flag and check-worthiness,
 * through the analyser the extension runs (shipped NER and check-worthiness models).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../lib/background/analyser';
import type { Article, Claim } from '../../lib/types';

const root = new URL('../../', import.meta.url);
const { paragraphs } = JSON.parse(readFileSync(new URL('test/fixtures/seed-text.json', root), 'utf8')) as { paragraphs: string[] };
const expected = JSON.parse(readFileSync(new URL('test/fixtures/seed/expected.json', root), 'utf8')) as {
  claims: { must_find: { contains: string; kind: string; speaker?: string; unverified?: boolean; checkworthy?: boolean }[] };
};

const analyse = createAnalyser({
  ner: async () => {
    const buf = readFileSync(new URL('public/models/ner.bin', root));
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  },
  claims: async () => JSON.parse(readFileSync(new URL('public/models/claims.json', root), 'utf8')) as unknown,
});

const article: Article = {
  url: 'https://www.inkl.com/news/seed',
  pageUrl: 'https://www.inkl.com/news/seed',
  title: 'UK preparing to send troops to Ukraine',
  byline: null,
  publisher: null,
  aggregator: null,
  published: null,
  lang: 'en',
  excerpt: null,
  wordCount: 900,
  paragraphs,
  truncated: false,
};

describe('seed article: claims.must_find', async () => {
  const { claims = [] } = await analyse(article);

  it('has the fixture and finds claims', () => {
    expect(expected.claims.must_find.length).toBe(10);
    expect(claims.length).toBeGreaterThan(10);
  });

  for (const want of expected.claims.must_find) {
    it(`“${want.contains}”`, () => {
      const found = claims.filter((c: Claim) => c.text.includes(want.contains));
      expect(found.length, 'exactly one claim holds the fragment').toBe(1);
      const c = found[0]!;
      expect(c.kind).toBe(want.kind);
      if (want.speaker) expect(c.speaker).toBe(want.speaker);
      if (want.unverified !== undefined) expect(c.unverified).toBe(want.unverified);
      if (want.unverified) expect(c.signals.length).toBeGreaterThan(0);
      if (want.checkworthy !== undefined) expect(c.checkworthy).toBe(want.checkworthy);
    });
  }

  it('does not flag plain quotes by named speakers as unverified', () => {
    const zelensky = claims.find((c) => c.text.includes('a major step forward'))!;
    expect(zelensky.unverified).toBe(false);
    expect(zelensky.speakerKey).toMatch(/^PER:/);
  });

  it('keeps image captions and the headline out of the claims', () => {
    expect(claims.some((c) => /\(AFP\/Getty\)|\(Simon Dawson/.test(c.text))).toBe(false);
    expect(claims.some((c) => c.spans[0]?.paragraph === 0)).toBe(false);
  });

  it('gives every claim spans that reproduce its text, in reading order', () => {
    let last = -1;
    for (const c of claims) {
      const pos = c.spans[0]!.paragraph * 1e6 + c.spans[0]!.start;
      expect(pos).toBeGreaterThan(last);
      last = pos;
      expect(c.spans.map((s) => paragraphs[s.paragraph]!.slice(s.start, s.end)).join(' ')).toBe(c.text);
    }
  });
});

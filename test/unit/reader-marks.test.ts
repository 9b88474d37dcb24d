import { describe, expect, it } from 'vitest';
import { isTeaserLine, nameSpans, segments } from '../../entrypoints/archive/reader-marks';
import type { Actor, Claim } from '../../lib/types';

const actor = (name: string, type: Actor['type'], aliases: string[] = []): Actor => ({ key: `${type}:${name.toLowerCase()}`, name, type, aliases: [name, ...aliases], mentions: 1, role: null });
const claim = (id: string, paragraph: number, start: number, end: number, over: Partial<Claim> = {}): Claim => ({
  id,
  spans: [{ paragraph, start, end }],
  text: '',
  kind: 'reported',
  speaker: null,
  speakerKey: null,
  cue: null,
  checkworthiness: 0.5,
  checkworthy: true,
  unverified: false,
  signals: [],
  ...over,
});

describe('the reader view marks names and the claims to doubt', () => {
  const text = 'Jane Doe said the Acme deal was done, sources in Freedonia said.';
  const jane = actor('Jane Doe', 'PER', ['Doe']);
  const acme = actor('Acme', 'ORG');
  const place = actor('Freedonia', 'LOC');

  it('finds names as whole words, longest first, without overlaps', () => {
    const spans = nameSpans('Doe and Jane Doe met Doeville officials.', [jane]);
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [0, 3],
      [8, 16],
    ]);
  });

  it('marks unverified, disputed and false claims, not plain or verified ones, and the one asked for', () => {
    const unverified = claim('u', 0, 14, 37, { unverified: true });
    const verified = claim('v', 0, 38, 63, { review: { status: 'verified', note: '', evidence: [], updatedAt: 1 } });
    const segs = segments(text, 0, [unverified, verified], [jane, acme, place], null);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.claim).map((s) => s.claim!.id)).toEqual(['u', 'u', 'u']);
    expect(segs.find((s) => s.text === 'Acme')).toMatchObject({ claim: unverified, status: 'unverified', actor: acme });
    expect(segs.find((s) => s.text === 'Freedonia')).toMatchObject({ claim: null, actor: place });
    const asked = segments(text, 0, [unverified, verified], [], 'v');
    expect(asked.filter((s) => s.claim?.id === 'v').map((s) => s.status)).toEqual(['verified']);
    expect(segments(text, 1, [unverified], [], null).every((s) => !s.claim)).toBe(true);
  });
});

describe('lines that only point to other stories', () => {
  it('drops teaser labels alone and labels with a headline', () => {
    for (const line of [
      'Read More',
      'related news',
      'Related Searches',
      "Related: Chicago is America's most segregated city",
      'READ MORE: Trump says the wall is going up',
      'Related post: Pickled Brussels Sprouts Recipe',
      'MORE: The 15 Weirdest Galaxies in Our Universe',
      'See also: A timeline of the crisis',
    ])
      expect(isTeaserLine(line), line).toBe(true);
  });
  it('keeps sentences of the article that start with the same words', () => {
    for (const line of [
      'Related to each other: for example, a caching server and a web server',
      'Read more about ad blocking here.',
      'More than 40 people died in the fire, officials said.',
      'Watch the video below.',
      'Related: the council said the plan would cost more than expected and would be voted on in March.',
    ])
      expect(isTeaserLine(line), line).toBe(false);
  });
});

/** A statement made by several speakers together is filed on each one's actor page (issue 18). */
import { describe, expect, it } from 'vitest';
import { memoryRow, statementRows } from '../../lib/archive/derived';
import type { Claim, SavedArticle } from '../../lib/types';
import { testClaim } from '../support/builders';

const claim = (over: Partial<Claim>): Claim =>
  testClaim('c1', {
    text: '“It was a routine call,” Volker and Morrison said.',
    kind: 'quote',
    speaker: 'Kurt Volker and Scott Morrison',
    speakerKey: 'PER:kurt volker',
    ...over,
  });
const article = (claims: Claim[]) => ({ id: 7, title: 'Call', url: 'https://news.example/call', publisher: 'Example', date: 1_700_000_000_000, claims }) as unknown as SavedArticle & { id: number };

describe('statements of several speakers', () => {
  it('gives every speaker of a joint statement a statement row, with one key each', () => {
    const rows = statementRows(article([claim({ speakerKeys: ['PER:kurt volker', 'PER:scott morrison'] })]));
    expect(rows.map((r) => [r.key, r.speakerKey, r.speaker])).toEqual([
      ['7:c1', 'PER:kurt volker', 'Kurt Volker and Scott Morrison'],
      ['7:c1:1', 'PER:scott morrison', 'Kurt Volker and Scott Morrison'],
    ]);
  });
  it('keeps one row for one speaker', () => {
    expect(statementRows(article([claim({ speaker: 'Scott Morrison', speakerKey: 'PER:scott morrison' })])).map((r) => r.key)).toEqual(['7:c1']);
  });
  it('keeps where each statement stands, for claim memory and the story to list them as written', () => {
    const later = claim({ speaker: 'Scott Morrison', speakerKey: 'PER:scott morrison', spans: [{ paragraph: 3, start: 10, end: 40 }] });
    const earlier = { ...claim({ speaker: 'Kurt Volker', speakerKey: 'PER:kurt volker', spans: [{ paragraph: 1, start: 0, end: 30 }] }), id: 'zz' };
    const rows = statementRows(article([later, earlier]));
    const memory = memoryRow(rows, [])!.claims;
    expect([...memory].sort((a, b) => a.order - b.order).map((c) => c.claimId)).toEqual(['zz', 'c1']);
    expect(memory.find((c) => c.claimId === 'c1')!.order).toBe(3e7 + 10);
  });
  it("lists a joint statement once in claim memory's row of the article", () => {
    const rows = statementRows(article([claim({ speakerKeys: ['PER:kurt volker', 'PER:scott morrison'] })]));
    expect(memoryRow(rows, [])?.claims.map((c) => c.claimId)).toEqual(['c1']);
  });
});

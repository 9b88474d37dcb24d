import { describe, expect, it } from 'vitest';
import { forThePage } from '../../lib/background/service';
import type { Analysis, ClaimRecall } from '../../lib/types';

const recall: ClaimRecall = {
  articleId: 7,
  claimId: 'c3',
  text: 'The dam had cracks two years ago, the engineer said.',
  speaker: 'Maria Okafor',
  date: 1_714_694_400_000,
  when: 'earlier',
  title: 'Kessling dam: engineers warned of cracks',
  url: 'https://news.example/kessling-dam-warning',
  publisher: 'Example News',
  review: { status: 'disputed', note: 'my private note about the source', updatedAt: 1_714_780_800_000 },
  shared: ['cracks', 'dam'],
  numbers: null,
  overlap: 0.8,
  line: 'You marked this disputed on 3 May 2024.',
};

const analysis: Analysis = { actors: [], mentions: [], claims: [], timings: {}, memory: [{ claimId: 'c1', flagged: true, recalls: [recall] }] };

describe('claim memory as the page gets it', () => {
  it('keeps the flag and the hover sentences, and nothing of the earlier article or the reader’s note', () => {
    const page = forThePage(analysis)!;
    expect(page.memory).toEqual([{ claimId: 'c1', flagged: true, recalls: [{ line: 'You marked this disputed on 3 May 2024.' }] }]);
    const sent = JSON.stringify(page);
    for (const secret of [recall.url, recall.title, recall.review!.note, recall.text, recall.speaker!]) expect(sent).not.toContain(secret);
  });

  it('leaves an analysis without memory as it is', () => {
    const plain: Analysis = { actors: [], mentions: [], claims: [], timings: {} };
    expect(forThePage(plain)).toBe(plain);
    expect(forThePage(null)).toBeNull();
  });
});

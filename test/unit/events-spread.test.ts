import { describe, expect, it } from 'vitest';
import { spreadDates } from '../../lib/cli/events-spread';

describe('made-up dates for an undated events file', () => {
  const docs = Array.from({ length: 60 }, (_, i) => ({ id: `d${i}`, cluster: `e${i % 6}` }));
  const day = (iso: string) => Date.parse(iso) / 86_400_000;

  it('keep every document once, oldest first, the same for a seed', () => {
    const a = spreadDates(docs, 7, 3);
    expect(a.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
    expect(a.map((d) => d.date)).toEqual([...a.map((d) => d.date)].sort());
    expect(spreadDates(docs, 7, 3)).toEqual(a);
    expect(spreadDates(docs, 7, 4)).not.toEqual(a);
  });

  it('put each event’s reports within the spread, some of them after its first day', () => {
    for (const days of [0, 2, 30]) {
      const byEvent = new Map<string, number[]>();
      for (const d of spreadDates(docs, days, 1)) byEvent.set(d.cluster, [...(byEvent.get(d.cluster) ?? []), day(d.date)]);
      const widths = [...byEvent.values()].map((ds) => Math.max(...ds) - Math.min(...ds));
      expect(Math.max(...widths)).toBeLessThanOrEqual(days);
      if (days > 0) expect(Math.max(...widths)).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { figuresBySource, parseEventsJsonl } from '../../lib/cli/eval/events.ts';

const lines = [
  JSON.stringify({ url: 'https://example.org/a', date: '2019-01-04', title: 'First', text: 'One story.' }),
  JSON.stringify({ date: '2019-01-05', title: 'Second', text: 'Another story.' }),
  '{"title": "broken',
].join('\n');

describe('events eval input', () => {
  it('needs ids and clusters unless told the file is unlabeled', () => {
    const labeled = parseEventsJsonl(lines);
    expect(labeled.docs).toEqual([]);
    expect(labeled.malformed).toBe(3);
    expect(labeled.problems[0]).toContain('no "id"');
  });
  it('gives unlabeled lines an id (the url, else the line) and a cluster of their own', () => {
    const { docs, malformed, problems } = parseEventsJsonl(lines, true);
    expect(docs.map((d) => [d.id, d.cluster, d.date])).toEqual([
      ['https://example.org/a', 'https://example.org/a', '2019-01-04'],
      ['line 2', 'line 2', '2019-01-05'],
    ]);
    expect(malformed).toBe(1);
    expect(problems).toEqual(['line 3: not valid JSON']);
  });

  it('gives the figures of each source’s queries when a file has several sources', () => {
    const line = (id: string, cluster: string, source: string) => JSON.stringify({ id, cluster, source, date: '2019-11-18', title: id, text: `${id} text.` });
    const { docs } = parseEventsJsonl([line('a', 'x', 'extraction'), line('b', 'x', 'extraction'), line('c', 'y', 'wikinews'), line('d', 'z', 'wikinews')].join('\n'));
    expect(docs.map((d) => d.source)).toEqual(['extraction', 'extraction', 'wikinews', 'wikinews']);
    // b finds a (right); d joins c (wrong, and its own source's).
    const results = [
      { q: 1, ranked: [{ id: 0, tier: 'same' }], relevant: new Set([0]), ms: 1 },
      { q: 3, ranked: [{ id: 2, tier: 'same' }], relevant: new Set<number>(), ms: 1 },
    ];
    const by = figuresBySource(docs, results as never, (_, c) => c.tier);
    expect([...by.keys()]).toEqual(['extraction', 'wikinews']);
    expect([by.get('extraction')!.tp, by.get('extraction')!.fp, by.get('extraction')!.precision]).toEqual([1, 0, 1]);
    expect([by.get('wikinews')!.tp, by.get('wikinews')!.fp, by.get('wikinews')!.precision]).toEqual([0, 1, 0]);
    // One source: nothing to break down.
    expect(figuresBySource(docs.slice(0, 2), results.slice(0, 1) as never, (_, c) => c.tier).size).toBe(0);
  });
});

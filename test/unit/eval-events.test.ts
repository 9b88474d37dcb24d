import { describe, expect, it } from 'vitest';
import { parseEventsJsonl } from '../../lib/cli/eval/events.ts';

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
});

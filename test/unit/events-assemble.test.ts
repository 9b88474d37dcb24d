import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageTitle, parseLabels } from '../../lib/cli/events-assemble';

describe('the dated dev stream’s labels', () => {
  it('reads the columns by name and refuses an incomplete line', () => {
    const tsv = 'source\tid\tdate\tevent\tnote\nwikinews\thttps://w.example/a\t2019-01-04\tcrash\t\npolnear\tfile_a\t2016-09-12\tdebate\thard negative\n';
    expect(parseLabels(tsv)).toEqual([
      { source: 'wikinews', id: 'https://w.example/a', date: '2019-01-04', event: 'crash' },
      { source: 'polnear', id: 'file_a', date: '2016-09-12', event: 'debate' },
    ]);
    expect(() => parseLabels('source\tid\tdate\tevent\nwikinews\tx\t2019-1-4\tcrash\n')).toThrow(/line 2/);
    expect(() => parseLabels('source\tid\tevent\nwikinews\tx\tcrash\n')).toThrow(/"date"/);
  });

  it('labels at least 400 dated articles, each once, with events that group several of them', () => {
    const labels = parseLabels(readFileSync('test/events-stream/labels.tsv', 'utf8'));
    expect(labels.length).toBeGreaterThanOrEqual(400);
    expect(new Set(labels.map((l) => `${l.source} ${l.id}`)).size).toBe(labels.length);
    const sizes = new Map<string, number>();
    for (const l of labels) sizes.set(l.event, (sizes.get(l.event) ?? 0) + 1);
    expect([...sizes.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(50);
  });

  it('takes a real page’s headline from its Open Graph title, else its <title>', () => {
    const og = '<html><head><title>Site | Story</title><meta property="og:title" content="Story &amp; more"></head><body><h1>x</h1></body></html>';
    expect(pageTitle(og)).toBe('Story & more');
    expect(pageTitle('<html><head>\n<title>\n  A   story\n</title></head><body></body></html>')).toBe('A story');
    expect(pageTitle('<p>no head</p>')).toBe('');
    expect(pageTitle('<html><head><meta property="og:title" content="  "><title>The title</title></head></html>')).toBe('The title');
  });
});

/**
 * `npm run eval -- realpages` end to end on a short made-up page (test/fixtures/realpages), through the
 * extension's own extraction and analyser with the shipped models; and the folder layouts around it
 * (assembled, gold folder + --data, `realpages:assemble`), broken pages and the article gate.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import task, { pageUrlFor } from '../../lib/cli/eval/realpages.ts';
import { assemble } from '../../lib/cli/realpages-assemble.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/realpages/', import.meta.url));
const PAGE = 'riverton-bridge';
const tmp = mkdtempSync(join(tmpdir(), 'backstory-realpages-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const KEYS = [
  'pages',
  'errors',
  'actor_precision',
  'actor_precision_typed',
  'actor_type_accuracy',
  'actor_recall',
  'actor_splits_per_page',
  'top8_precision_typed',
  'quote_found',
  'quote_speaker_accuracy',
  'flag_precision',
  'flag_recall',
  'claims_per_1000_words',
];

/** Runs the task quietly; returns its figures and what it printed. */
async function run(path: string, args: string[] = []): Promise<{ figures: Record<string, unknown>; out: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    const figures = await task.run(path, args);
    return { figures, out: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

function fixtureCopy(dir: string, goldEdit?: (g: Record<string, unknown>) => void): void {
  cpSync(join(FIXTURES, PAGE), join(dir, PAGE), { recursive: true });
  if (goldEdit) {
    const p = join(dir, PAGE, 'gold.json');
    const g = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
    goldEdit(g);
    writeFileSync(p, JSON.stringify(g));
  }
}

const base = await run(FIXTURES);

describe('realpages on a made-up page', () => {
  it('reports every figure of the guide, in range', () => {
    expect(Object.keys(base.figures)).toEqual(KEYS);
    expect(base.figures.pages).toBe(1);
    expect(base.figures.errors).toBe(0);
    for (const k of KEYS.slice(2)) {
      const v = base.figures[k];
      expect(typeof v === 'number' || v === null, k).toBe(true);
      if (typeof v === 'number' && k !== 'actor_splits_per_page' && k !== 'claims_per_1000_words') expect(v, k).toBeLessThanOrEqual(1);
      if (typeof v === 'number') expect(v, k).toBeGreaterThanOrEqual(0);
    }
    expect(base.out).toContain(PAGE);
    expect(base.out).toMatch(/riverton-bridge\s+article/);
  });

  it('runs the analysis: a page that names its people many times and quotes them gets actors and quotes', () => {
    // Not a quality bar, a wiring check: with no paragraphs or no models these would all be 0.
    expect(base.figures.actor_recall).toBeGreaterThan(0);
    expect(base.figures.quote_found).toBeGreaterThan(0);
    expect(base.figures.claims_per_1000_words).toBeGreaterThan(0);
  });

  it('lists the errors of each page with --verbose', async () => {
    const { figures, out } = await run(FIXTURES, ['--verbose']);
    expect(figures).toEqual(base.figures);
    expect(out).toMatch(new RegExp(`^${PAGE}:`, 'm'));
  });

  it('counts pages that throw in errors, reports them, and scores the others as before', async () => {
    const dir = join(tmp, 'broken');
    mkdirSync(dir);
    fixtureCopy(dir);
    mkdirSync(join(dir, 'bad-type'));
    writeFileSync(join(dir, 'bad-type', 'source.html'), '<html><body><p>Text.</p></body></html>');
    writeFileSync(join(dir, 'bad-type', 'gold.json'), JSON.stringify({ actors: [{ name: 'Brexit', type: 'MISC' }] }));
    mkdirSync(join(dir, 'no-source'));
    writeFileSync(join(dir, 'no-source', 'gold.json'), JSON.stringify({ actors: [] }));
    mkdirSync(join(dir, 'not-json'));
    writeFileSync(join(dir, 'not-json', 'source.html'), '<html></html>');
    writeFileSync(join(dir, 'not-json', 'gold.json'), '{"actors": [');
    const { figures, out } = await run(dir);
    expect(figures).toEqual({ ...base.figures, pages: 4, errors: 3 });
    expect(out).toContain('"Brexit"');
    expect(out).toContain('no source.html');
  });

  it('reads a gold folder whose "source" fields point into --data, with the same result', async () => {
    const data = join(tmp, 'data');
    mkdirSync(join(data, 'pages', 'riverton'), { recursive: true });
    cpSync(join(FIXTURES, PAGE, 'source.html'), join(data, 'pages', 'riverton', 'source.html'));
    const gold = join(tmp, 'gold');
    mkdirSync(gold);
    const g = JSON.parse(readFileSync(join(FIXTURES, PAGE, 'gold.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(gold, `${PAGE}.json`), JSON.stringify({ ...g, source: 'pages/riverton' }));
    writeFileSync(join(gold, 'outside.json'), JSON.stringify({ ...g, page: 'outside', source: '../../etc' }));
    const { figures, out } = await run(gold, ['--data', data]);
    expect(figures).toEqual({ ...base.figures, pages: 2, errors: 1 });
    expect(out).toContain('inside the data folder');
    // Without --data, the folder of gold files is refused with a hint.
    await expect(task.run(gold, [])).rejects.toThrow(/--data/);

    // realpages:assemble makes the same pages into an assembled folder, and removes pages no longer in the gold.
    const out2 = join(tmp, 'assembled');
    mkdirSync(join(out2, 'stale'), { recursive: true });
    writeFileSync(join(out2, 'stale', 'gold.json'), '{}');
    const r = assemble(gold, data, out2);
    expect(r.written).toEqual([PAGE]);
    expect(r.removed).toEqual(['stale']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^outside\.json: /);
    expect(existsSync(join(out2, 'stale'))).toBe(false);
    expect(readFileSync(join(out2, PAGE, 'source.html'), 'utf8')).toBe(readFileSync(join(FIXTURES, PAGE, 'source.html'), 'utf8'));
    expect((await run(out2)).figures).toEqual(base.figures);
  });

  it('reads the page at its gold url: a site root without article metadata is refused, as in the browser', async () => {
    expect(pageUrlFor({ page: 'p', url: null })).toBe('http://fakehost/test/page.html');
    expect(() => pageUrlFor({ page: 'p', url: 'not a url' })).toThrow(/not an address/);
    const dir = join(tmp, 'root-url');
    mkdirSync(dir);
    fixtureCopy(dir, (g) => {
      g.url = 'https://ledger.example/';
    });
    const refused = await run(dir);
    // The reader sees nothing: no actors listed (precision undefined), none found, no claims.
    expect(refused.figures).toMatchObject({ errors: 0, actor_precision: null, actor_recall: 0, quote_found: 0, claims_per_1000_words: null });
    expect(refused.out).toContain('refused');
    const forced = await run(dir, ['--force']);
    expect(forced.figures.actor_recall).toBe(base.figures.actor_recall);
  });
});

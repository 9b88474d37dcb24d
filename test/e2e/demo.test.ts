/**
 * `npm run demo` on the seed page: it must write the three screenshots and a summary.json whose
 * article and actors are what a reader sees.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, SEED } from './session';

let out = '';
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('writes page.png, sidepanel.png, archive.png and summary.json for the seed page', async () => {
    out = await mkdtemp(join(tmpdir(), 'backstory-demo-'));
    const r = spawnSync('npx', ['tsx', 'lib/cli/demo.ts', join(FIXTURES, SEED), '--out', out], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['page.png', 'sidepanel.png', 'archive.png']) {
      expect(existsSync(join(out, f)), f).toBe(true);
      expect(statSync(join(out, f)).size).toBeGreaterThan(2_000);
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      article: { title: string; publisher: string; aggregator: string; byline: string; wordCount: number };
      actors: { name: string; type: string; aliases: string[]; mentions: number; role: string | null }[];
      claims: { text: string; kind: string; speaker: string | null; checkworthiness: number; unverified: boolean; signals: string[] }[];
      related: unknown[];
      timings: Record<string, number>;
    };
    expect(summary.article).toMatchObject({ publisher: 'The Independent UK', aggregator: 'inkl', byline: 'Millie Cooke' });
    expect(summary.article.wordCount).toBeGreaterThan(700);
    const starmer = summary.actors.find((a) => a.name === 'Keir Starmer');
    expect(starmer).toMatchObject({ type: 'PER' });
    expect(starmer!.aliases).toEqual(expect.arrayContaining(['Sir Keir Starmer', 'Sir Keir']));
    expect(starmer!.mentions).toBeGreaterThanOrEqual(3);
    expect(summary.actors.find((a) => a.name === 'Steve Witkoff')?.role).toMatch(/envoy/);
    const macron = summary.claims.find((c) => c.text.includes('I think we have changed President Trump'));
    expect(macron).toMatchObject({ kind: 'quote', speaker: 'Emmanuel Macron', unverified: false });
    const understood = summary.claims.find((c) => c.text.startsWith('It is understood that'));
    expect(understood).toMatchObject({ kind: 'factual', unverified: true });
    expect(understood!.signals.join(' ')).toMatch(/does not say by whom/);
    for (const c of summary.claims) {
      expect(c.checkworthiness).toBeGreaterThanOrEqual(0);
      expect(c.checkworthiness).toBeLessThanOrEqual(1);
    }
    expect(Array.isArray(summary.related)).toBe(true);
    expect(summary.timings.activation_to_panel_ms).toBeGreaterThan(0);
  });
});

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
/** What each demo run's browser asked for off the machine (summary.json's network.off_machine). */
const offMachine: string[][] = [];
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('writes page.png, sidepanel.png, archive.png and summary.json for the seed page', async () => {
    out = await mkdtemp(join(tmpdir(), 'backstory-demo-'));
    const r = spawnSync('npx', ['tsx', 'lib/cli/demo.ts', join(FIXTURES, SEED), '--out', out], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['page.png', 'sidepanel.png', 'archive.png', 'claims.png']) {
      expect(existsSync(join(out, f)), f).toBe(true);
      expect(statSync(join(out, f)).size).toBeGreaterThan(2_000);
    }
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      article: { title: string; publisher: string; aggregator: string; byline: string; wordCount: number };
      actors: { name: string; type: string; aliases: string[]; mentions: number; role: string | null }[];
      claims: { text: string; kind: string; speaker: string | null; checkworthiness: number; unverified: boolean; signals: string[] }[];
      related: unknown[];
      timings: Record<string, number>;
      network: { off_machine: string[] };
    };
    offMachine.push(summary.network.off_machine);
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

  it('fills the archive first from a folder of pages, and lists the earlier coverage', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'backstory-demo-'));
    try {
      // The page itself sits in the folder too: it is not put in the archive before being read.
      const r = spawnSync('npx', ['tsx', 'lib/cli/demo.ts', join(FIXTURES, 'e2e/coverage/genoa-emergency.html'), '--archive', join(FIXTURES, 'e2e/coverage'), '--out', dir], {
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
      offMachine.push(summary.network.off_machine);
      expect(summary.archive).toMatchObject({ saved: 3, notArticles: 0, articles: 4 });
      const same = summary.related.filter((x) => x.tier === 'same');
      expect(same.map((x) => [x.date, x.publisher])).toEqual([
        ['2018-08-14', 'Harbour Courier'],
        ['2018-08-15', 'Tyne Evening Post'],
      ]);
      expect(same[0]!.shared).toEqual(expect.arrayContaining(['Giuseppe Conte', 'Danilo Toninelli']));
      expect(summary.related.map((x) => x.title).join(' ')).not.toMatch(/Baltimore/);
      for (const x of summary.related) expect(typeof x.id === 'number' && x.score > 0 && x.score <= 1).toBe(true);
      expect(statSync(join(dir, 'sidepanel.png')).size).toBeGreaterThan(2_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fills the archive from an events JSONL file, skipping broken lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'backstory-demo-'));
    try {
      const r = spawnSync('npx', ['tsx', 'lib/cli/demo.ts', join(FIXTURES, 'e2e/coverage/genoa-emergency.html'), '--archive', join(FIXTURES, 'events/bridges.jsonl'), '--out', dir], {
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
      offMachine.push(summary.network.off_machine);
      // Four usable lines (one is cut off); the one with markup in its text is escaped into a page too short to be an article.
      expect(summary.archive).toMatchObject({ skipped: 1, saved: 3, notArticles: 1 });
      const same = summary.related.filter((x) => x.tier === 'same');
      expect(same.map((x) => x.publisher)).toEqual(['harbour-courier.example', 'tyne-post.example']);
      expect(same.map((x) => x.date)).toEqual(['2018-08-14', '2018-08-15']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('made no network request of its own in any demo run', () => {
    // The demo's browser runs in a child process, so its log comes back in summary.json.
    expect(offMachine).toHaveLength(3);
    expect(offMachine.flat()).toEqual([]);
  });
});

interface Summary {
  network: { off_machine: string[] };
  archive: { saved: number; notArticles: number; skipped: number; articles: number | null } | null;
  related: { id: number; title: string; date: string; publisher: string | null; tier: 'same' | 'related'; score: number; shared: string[] }[];
}

/**
 * `npm run demo -- --browser firefox`: the same files as in Chromium, and on the seed page the same
 * article as a reader sees it in Chromium (tested in test/e2e/demo.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SEED } from './session';

const expected = JSON.parse(readFileSync(join(FIXTURES, 'seed/expected.json'), 'utf8')) as {
  extraction: { title: string; publisher: string; aggregator: string };
};

describe('npm run demo -- --browser firefox', () => {
  it('writes the pictures and a summary.json with the seed article, from Firefox', async () => {
    const out = await mkdtemp(join(tmpdir(), 'backstory-demo-firefox-'));
    try {
      const r = spawnSync('npx', ['tsx', 'lib/cli/demo.ts', join(FIXTURES, SEED), '--browser', 'firefox', '--out', out], { encoding: 'utf8', timeout: 150_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('in firefox');
      for (const f of ['page.png', 'sidepanel.png', 'archive.png']) {
        expect(existsSync(join(out, f)), f).toBe(true);
        expect(statSync(join(out, f)).size).toBeGreaterThan(2_000);
      }
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
        article: Record<string, unknown>;
        actors: { name: string; type: string }[];
        claims: { text: string; speaker: string | null }[];
        network: { off_machine: string[] };
      };
      expect(summary.article).toMatchObject({
        title: expected.extraction.title,
        publisher: expected.extraction.publisher,
        aggregator: expected.extraction.aggregator,
        byline: 'Millie Cooke',
        lang: 'en-gb',
      });
      expect(Object.keys(summary.article).sort()).toEqual(['aggregator', 'byline', 'lang', 'published', 'publisher', 'title', 'url', 'wordCount']);
      expect(summary.article.wordCount).toBeGreaterThan(700);
      expect(summary.actors.find((a) => a.name === 'Keir Starmer')?.type).toBe('PER');
      expect(summary.claims.find((c) => c.text.includes('I think we have changed President Trump'))?.speaker).toBe('Emmanuel Macron');
      expect(summary.network.off_machine).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

/**
 * `npm run demo -- [page.html|URL] [--out DIR]`
 *
 * The main job in one command, without a desktop: builds the extension if needed, starts headless
 * Chromium with it, serves the page from 127.0.0.1, reads it with the extension, saves it, and
 * writes page.png, sidepanel.png, archive.png and summary.json to DIR (default demo-output/).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

import type { PanelState, Result } from "../messaging/protocol";
import { launchWithExtension, openAndRead, serveStatic } from './browser';
import { ensureE2EBuild } from './build';

const DEFAULT_PAGE = 'test/fixtures/demo/wikinews-uk-supreme-court-prorogation.html';

interface Args {
  page: string;
  out: string;
}

function parseArgs(argv: string[]): Args {
  let page: string | undefined;
  let out = 'demo-output';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') out = argv[++i] ?? out;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run demo -- [page.html|URL] [--out DIR]');
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`Unknown option ${a}. Usage: npm run demo -- [page.html|URL] [--out DIR]`);
    else page = a;
  }
  return { page: page ?? DEFAULT_PAGE, out };
}

/** A page file is served from its own folder; a URL is downloaded once (by this tool, on your machine) and served locally. */
async function stagePage(page: string): Promise<{ root: string; path: string; cleanup(): Promise<void> }> {
  if (/^https?:\/\//i.test(page)) {
    const res = await fetch(page);
    if (!res.ok) throw new Error(`Could not download ${page}: HTTP ${res.status}.`);
    const dir = await mkdtemp(join(tmpdir(), 'backstory-demo-page-'));
    await writeFile(join(dir, 'page.html'), await res.text());
    return { root: dir, path: '/page.html', cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const file = resolve(page);
  if (!existsSync(file)) throw new Error(`No such page: ${page}`);
  return { root: dirname(file), path: `/${encodeURIComponent(basename(file))}`, cleanup: async () => undefined };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const out = resolve(args.out);
  mkdirSync(out, { recursive: true });
  const ext = ensureE2EBuild();
  const staged = await stagePage(args.page);
  const server = await serveStatic(staged.root);
  const b = await launchWithExtension({ extensionPath: ext });
  try {
    const t0 = performance.now();
    const { page, panel, ms } = await openAndRead(b, `${server.origin}${staged.path}`);
    const state = (await panel.evaluate(async (tabId: number) => chrome.runtime.sendMessage({ kind: 'panel/state', payload: { tabId } }), await b.tabIdOf(page))) as Result<PanelState>;
    if (!state.ok) throw new Error(state.error);
    const s = state.value.state;
    let saveMs: number | null = null;
    if (s.status === 'ready') {
      const t1 = performance.now();
      await panel.getByTestId('save').click();
      await panel.getByText('✓ Saved').waitFor();
      saveMs = performance.now() - t1;
    }
    await page.bringToFront();
    await page.screenshot({ path: join(out, 'page.png') });
    // A viewport as tall as the panel's content, so no scrollbar eats into the picture.
    const height = await panel.evaluate(() => document.documentElement.scrollHeight);
    await panel.setViewportSize({ width: 420, height: Math.min(4000, Math.max(600, height)) });
    await panel.screenshot({ path: join(out, 'sidepanel.png') });
    const archive = await b.openExtensionPage('archive.html', { width: 1100, height: 800 });
    await archive.locator('[data-testid="archive-item"], [data-testid="empty"]').first().waitFor();
    await archive.screenshot({ path: join(out, 'archive.png') });

    const summary = {
      article:
        s.status === 'ready'
          ? {
              title: s.article.title,
              byline: s.article.byline,
              publisher: s.article.publisher,
              aggregator: s.article.aggregator,
              published: s.article.published,
              url: s.article.url,
              lang: s.article.lang,
              wordCount: s.article.wordCount,
            }
          : null,
      status: s.status,
      message: 'message' in s ? s.message : null,
      actors:
        s.status === 'ready'
          ? s.analysis.actors.map((a) => ({ name: a.name, type: a.type, aliases: a.aliases, mentions: a.mentions, role: a.role }))
          : [],
      claims:
        s.status === 'ready'
          ? (s.analysis.claims ?? []).map((c) => ({
              text: c.text,
              kind: c.kind,
              speaker: c.speaker,
              checkworthiness: c.checkworthiness,
              unverified: c.unverified,
              signals: c.signals.map((g) => g.reason),
            }))
          : [],
      related: [],
      timings: {
        ...(s.status === 'ready' ? roundAll(s.analysis.timings) : {}),
        activation_to_panel_ms: Math.round(ms),
        save_ms: saveMs === null ? null : Math.round(saveMs),
        total_ms: Math.round(performance.now() - t0),
      },
    };
    writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`Read "${summary.article?.title ?? args.page}" (${s.status}).`);
    console.log(`Wrote ${['page.png', 'sidepanel.png', 'archive.png', 'summary.json'].map((f) => join(out, f)).join('\n      ')}`);
  } finally {
    await b.close();
    await server.close();
    await staged.cleanup();
  }
}

function roundAll(t: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [`${k}_ms`, Math.round(v * 10) / 10]));
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

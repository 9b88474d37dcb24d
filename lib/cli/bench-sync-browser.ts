/**
 * `npm run bench -- sync --browser [--sizes 1000,10000] [--runs 15]`
 *
 * Sync (issue #23) in Chromium: two browser profiles, each running the sync engine as the extension
 * does (lib/cli/bench-sync-page.ts, bundled here with esbuild: the archive on Dexie and the local
 * PouchDB on PouchDB's IndexedDB adapter, the browser's real IndexedDB), against the test
 * CouchDB-compatible server on 127.0.0.1 (test/sync-server.ts). The page is served from the
 * server's own origin (a proxy in front of it serves the page and forwards the rest), as the
 * extension's host permission lets it reach the server without CORS. Per size, from fresh profiles:
 * the first profile saves N generated articles and pushes them (first push), then the empty second
 * profile joins and runs its first sync (time, bytes on the wire between that browser and the
 * server, headers included, bytes the server stores per article), then `runs` times one save on the
 * first, a cycle there and one on the second (median: save → other device).
 */
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startCouch, startGate } from '../../test/sync-server';
import { CHROMIUM, QUIET_FLAGS } from './browser';
import { median, round, table } from './eval/task';
import type { SyncPageApi } from './bench-sync-page';

const AUTH = { username: 'bench', password: 'bench' };
const PASSPHRASE = 'bench passphrase for the browser';

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [resolve('lib/cli/bench-sync-page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
    // PouchDB's modules read `global` (Node's name for globalThis).
    define: { global: 'globalThis' },
  });
  return out.outputFiles[0]!.text;
}

function call<K extends keyof SyncPageApi>(page: Page, method: K, ...args: Parameters<SyncPageApi[K]>): Promise<Awaited<ReturnType<SyncPageApi[K]>>> {
  return page.evaluate(
    ([m, a]) => {
      const api = (window as unknown as { syncBench: Record<string, (...xs: unknown[]) => unknown> }).syncBench;
      return api[m as string]!(...(a as unknown[]));
    },
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<SyncPageApi[K]>>>;
}

async function profile(origin: string): Promise<{ context: BrowserContext; page: Page; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-sync-bench-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: false, args: ['--headless=new', ...QUIET_FLAGS, '--disable-extensions'] });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/bench/`);
  await page
    .waitForFunction(() => 'syncBench' in window, undefined, { timeout: 30_000 })
    .catch(() => {
      throw new Error(`The sync bench page did not start: ${errors.join('; ') || 'no error reported'}`);
    });
  return { context, page, dir };
}

async function one(size: number, runs: number, script: string): Promise<Record<string, number>> {
  const couch = await startCouch(AUTH);
  const html = '<!doctype html><meta charset="utf-8"><title>Backstory sync bench</title><script type="module" src="/bench/page.js"></script>\n';
  const front = await startGate(couch, (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/bench/' || path === '/bench/page.js') {
      res.writeHead(200, { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html' });
      res.end(path.endsWith('.js') ? script : html);
      return true;
    }
    return false;
  });
  const devices: { context: BrowserContext; dir: string }[] = [];
  try {
    const server = { url: `${front.origin}/bench-${size}`, ...AUTH };
    const a = await profile(front.origin);
    devices.push(a);
    await call(a.page, 'start', server, PASSPHRASE, 1);
    const filled = await call(a.page, 'fill', size);
    console.log(`sync --browser ${size}: first profile filled in ${round(filled.ms / 1000, 1)} s`);
    const up = await call(a.page, 'cycle');
    if (up.lastError) throw new Error(up.lastError);
    const b = await profile(front.origin);
    devices.push(b);
    await call(b.page, 'start', server, PASSPHRASE, 2);
    const before = front.traffic();
    const down = await call(b.page, 'cycle');
    const after = front.traffic();
    if (down.lastError) throw new Error(down.lastError);
    if (down.articles !== size) throw new Error(`The second profile has ${down.articles} articles, not ${size}.`);
    const wire = after.sent - before.sent + (after.received - before.received);
    const stored = Buffer.byteLength(await couch.rawStorage());
    const usage = await call(b.page, 'usage');
    const delays: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const url = await call(a.page, 'saveOne');
      await call(a.page, 'cycle');
      await call(b.page, 'cycle');
      if (!(await call(b.page, 'has', url))) throw new Error('A save did not reach the second profile.');
      delays.push(performance.now() - t0);
    }
    console.log(`sync --browser ${size}: first push ${round(up.ms / 1000, 1)} s, first sync of the empty profile ${round(down.ms / 1000, 1)} s`);
    return {
      [`sync_browser_${size}_push_ms`]: round(up.ms, 0),
      [`sync_browser_${size}_first_sync_ms`]: round(down.ms, 0),
      [`sync_browser_${size}_first_sync_ms_per_article`]: round(down.ms / size, 2),
      [`sync_browser_${size}_wire_bytes_per_article`]: round(wire / size, 0),
      [`sync_browser_${size}_server_bytes_per_article`]: round(stored / size, 0),
      [`sync_browser_${size}_plain_bytes_per_article`]: round(filled.plainBytes / size, 0),
      ...(usage === null ? {} : { [`sync_browser_${size}_second_profile_storage_bytes_per_article`]: round(usage / size, 0) }),
      [`sync_browser_${size}_save_to_other_device_median_ms`]: round(median(delays), 1),
    };
  } finally {
    for (const d of devices) {
      await d.context.close().catch(() => undefined);
      await rm(d.dir, { recursive: true, force: true }).catch(() => undefined);
    }
    await front.close();
    await couch.close();
  }
}

export async function syncBrowserBench(argv: string[]): Promise<Record<string, number>> {
  const sizesAt = argv.indexOf('--sizes');
  const sizes = sizesAt >= 0 ? argv[sizesAt + 1]!.split(',').map(Number) : [1000];
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 15) : 15;
  const script = await bundle();
  const figures: Record<string, number> = {};
  for (const size of sizes) Object.assign(figures, await one(size, runs, script));
  const f = (s: number, k: string) => figures[`sync_browser_${s}_${k}`] ?? NaN;
  console.log(
    table(
      [
        'articles (Chromium, IndexedDB)',
        'first push ms',
        'first sync, empty profile ms',
        'ms/article',
        'wire B/article',
        'server B/article',
        'plain record B/article',
        'second profile storage B/article',
        'save → other profile, median ms (one cycle each)',
      ],
      sizes.map((s) => [
        s,
        f(s, 'push_ms'),
        f(s, 'first_sync_ms'),
        f(s, 'first_sync_ms_per_article'),
        f(s, 'wire_bytes_per_article'),
        f(s, 'server_bytes_per_article'),
        f(s, 'plain_bytes_per_article'),
        f(s, 'second_profile_storage_bytes_per_article'),
        f(s, 'save_to_other_device_median_ms'),
      ]),
    ),
  );
  return figures;
}

/**
 * `npm run bench -- [activation|sizes|ner|claims|all] [--runs N]`
 * `npm run bench -- scale [--sizes 1000,10000,100000] [--runs 30]` (not part of `all`: it takes long)
 * `npm run bench -- sync [--sizes 1000,10000] [--runs 15]` (not part of `all`; lib/cli/bench-sync.ts)
 * `npm run bench -- sync --browser [--sizes 1000,10000] [--runs 15]` (the same in two Chromium profiles; lib/cli/bench-sync-browser.ts)
 *
 * Benchmarks that print figures (medians, not asserts: the machines are shared and noisy).
 * - activation: time from pressing "Read this page" to the side panel showing the article, on the
 *   seed page (e2e build), over N runs: in Chromium, and in Firefox where it is installed
 *   (`--browser chromium|firefox` for one of them). Timed in the panel (click event to the first
 *   frame painted with the title: the budget), and by the driver (with its own waits added).
 * - sizes: the content script and the whole package, from a production build (`npm run build`).
 * - ner: model load time and tagging speed (lib/cli/bench-ner.ts).
 * - claims: the analyser's claim stage (attributions, speakers, check-worthiness, signals) in Node,
 *   on the seed article (median of N runs) and, when ../shared/data is there, per article over the
 *   293 unlabelled Wikinews articles.
 * - scale: the archive at 1,000 / 10,000 / 100,000 generated articles in Chromium's IndexedDB:
 *   earlier-coverage lookup, full-text search, saving one article, storage per article
 *   (lib/cli/bench-scale/run.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from './browser';
import { timeActivation, type BrowserName } from './driver';
import { FIREFOX } from './firefox';
import { launchBrowser } from './launch';
import { buildActors } from '../nlp/actors';
import { canonicalName } from '../nlp/canonical-names';
import { loadCheckworthyModel } from '../nlp/claims/checkworthy';
import { findClaims } from '../nlp/claims/find';
import { findMentions, loadNerModel } from '../nlp/ner';
import { median, round, table } from './eval/task';
import { scale } from './bench-scale/run';
import { syncBench } from './bench-sync';
import { syncBrowserBench } from './bench-sync-browser';

const SEED_DIR = 'test/fixtures/seed';
const SEED = '/inkl-independent-ukraine-reassurance-force.html';

async function activation(runs: number, browser: BrowserName): Promise<Record<string, number>> {
  const server = await serveStatic(resolve(SEED_DIR));
  const b = await launchBrowser(browser);
  const inPanel: number[] = [];
  const byDriver: number[] = [];
  try {
    const { page, panel } = await b.openWithPanel(server.origin + SEED);
    for (let i = 0; i < runs + 1; i++) {
      // A reload unloads the content script, so every run injects it and reads the page afresh.
      await page.reload();
      const { panelMs, driverMs } = await timeActivation(panel);
      if (Number.isNaN(panelMs)) throw new Error('The seed page was not read as an article.');
      if (i > 0) {
        inPanel.push(panelMs);
        byDriver.push(driverMs);
      } else console.log(`${browser}: first (cold) run: ${round(panelMs, 1)} ms in the panel, ${round(driverMs, 1)} ms by the driver`);
    }
  } finally {
    await b.close();
    await server.close();
  }
  const row = (what: string, t: number[]) => [browser, what, t.length, round(median(t), 1), round(Math.min(...t), 1), round(Math.max(...t), 1)];
  console.log(
    table(
      ['browser', 'measured', 'runs', 'median ms', 'min ms', 'max ms'],
      [row('in the panel: click to the painted article (the budget)', inPanel), row('by the driver: its click call to seeing the title', byDriver)],
    ),
  );
  const prefix = browser === 'firefox' ? 'firefox_activation' : 'activation';
  return {
    [`${prefix}_runs`]: inPanel.length,
    [`${prefix}_median_ms`]: round(median(inPanel), 1),
    [`${prefix}_max_ms`]: round(Math.max(...inPanel), 1),
    [`${prefix}_driver_median_ms`]: round(median(byDriver), 1),
  };
}

function dirSize(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    n += st.isDirectory() ? dirSize(p) : st.size;
  }
  return n;
}

function sizes(): Record<string, number> {
  const r = spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error('npm run build failed.');
  const out = resolve('.output/chrome-mv3');
  const content = statSync(join(out, 'content-scripts/content.js')).size;
  const total = dirSize(out);
  const zipDir = resolve('.output');
  const rows: (string | number)[][] = [
    ['content script (content-scripts/content.js)', `${round(content / 1024, 1)} KB`],
    ['whole package, unpacked (.output/chrome-mv3)', `${round(total / 1024, 1)} KB`],
  ];
  const zip = readdirSync(zipDir).find((f) => f.endsWith('-chrome.zip'));
  if (zip) rows.push([`store package (${zip})`, `${round(statSync(join(zipDir, zip)).size / 1024, 1)} KB`]);
  console.log(table(['what', 'size'], rows));
  return { content_script_bytes: content, package_bytes: total };
}

function ner(): Record<string, number> {
  if (!existsSync(resolve('lib/cli/bench-ner.ts'))) {
    console.log('ner: no tagger benchmark in this version.');
    return {};
  }
  const r = spawnSync('npx', ['tsx', 'lib/cli/bench-ner.ts'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('The NER benchmark failed.');
  return {};
}

const WIKINEWS = '../shared/data/unlabeled/wikinews/wikinews_2019_2020.jsonl';

function claimsBench(runs: number): Record<string, number> {
  const ner = loadNerModel(readFileSync('public/models/ner.bin'));
  const t0 = performance.now();
  const model = loadCheckworthyModel(readFileSync('public/models/claims.json', 'utf8'));
  const loadMs = performance.now() - t0;
  const prepare = (paragraphs: string[]) => {
    const { actors, mentions } = buildActors(paragraphs, findMentions(ner, paragraphs), { canonical: canonicalName });
    return { paragraphs, actors, mentions, model };
  };
  const timed = (input: ReturnType<typeof prepare>) => {
    const t = performance.now();
    const claims = findClaims(input);
    return { ms: performance.now() - t, claims };
  };
  const seed = prepare((JSON.parse(readFileSync('test/fixtures/seed-text.json', 'utf8')) as { paragraphs: string[] }).paragraphs);
  const seedTimes: number[] = [];
  let seedClaims = 0;
  for (let i = 0; i <= runs; i++) {
    const r = timed(seed);
    if (i > 0) seedTimes.push(r.ms); // the first run warms the code up
    seedClaims = r.claims.length;
  }
  const rows: string[][] = [
    ['model load (parse)', `${loadMs.toFixed(1)} ms`],
    [`seed article: ${seedClaims} claims`, `median ${median(seedTimes).toFixed(1)} ms over ${runs}`],
  ];
  const out: Record<string, number> = { claims_model_load_ms: round(loadMs, 1), claims_seed_ms: round(median(seedTimes), 1) };
  if (existsSync(WIKINEWS)) {
    const docs = readFileSync(WIKINEWS, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text.split(/\n+/).filter((p) => p.trim()));
    const times: number[] = [];
    let claims = 0;
    let unverified = 0;
    for (const d of docs) {
      const r = timed(prepare(d));
      times.push(r.ms);
      claims += r.claims.length;
      unverified += r.claims.filter((c) => c.unverified).length;
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
    rows.push([`Wikinews: ${docs.length} articles, ${claims} claims (${unverified} unverified)`, `median ${median(times).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms per article`]);
    Object.assign(out, { claims_wikinews_median_ms: round(median(times), 1), claims_wikinews_p95_ms: round(p95, 1), claims_per_article: round(claims / docs.length, 1) });
  }
  console.log(table(['claims stage (Node)', 'time'], rows));
  return out;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 7) : 7;
  const what = argv.find((a, i) => !a.startsWith('--') && !['--runs', '--sizes', '--seed', '--batch', '--browser'].includes(argv[i - 1] ?? '')) ?? 'all';
  const known = ['activation', 'sizes', 'ner', 'claims', 'scale', 'sync', 'all'];
  if (!known.includes(what)) throw new Error(`Unknown benchmark "${what}". Choose one of: ${known.join(', ')}.`);
  const figures: Record<string, number> = {};
  if (what === 'sizes' || what === 'all') Object.assign(figures, sizes());
  if (what === 'ner' || what === 'all') Object.assign(figures, ner());
  if (what === 'claims' || what === 'all') Object.assign(figures, claimsBench(runs));
  if (what === 'activation' || what === 'all') {
    // Chromium always; Firefox too where it is installed (or when asked for with --browser firefox).
    const only = argv.includes('--browser') ? argv[argv.indexOf('--browser') + 1] : null;
    const browsers: BrowserName[] = only === 'firefox' ? ['firefox'] : only === 'chromium' ? ['chromium'] : existsSync(FIREFOX) ? ['chromium', 'firefox'] : ['chromium'];
    for (const browser of browsers) Object.assign(figures, await activation(runs, browser));
  }
  if (what === 'scale') Object.assign(figures, await scale(argv)); // its own --runs default (30)
  // `--browser`: two Chromium profiles on real IndexedDB (lib/cli/bench-sync-browser.ts); else in Node.
  if (what === 'sync') Object.assign(figures, argv.includes('--browser') ? await syncBrowserBench(argv) : await syncBench(argv)); // its own --runs default (15)
  console.log(JSON.stringify({ bench: what, ...figures }));
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

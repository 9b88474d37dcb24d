/**
 * `npm run bench -- scale [--sizes 1000,10000,100000] [--runs 30] [--judged 300] [--seed 1] [--batch 500] [--fold-every 10000] [--trace] [--keep DIR]`
 *
 * The archive at scale (issue #5), in Chromium with real IndexedDB: the archive's own functions
 * (lib/archive) run in a page served from 127.0.0.1 (page.ts, bundled here with esbuild) on
 * generated articles (generate.ts). For each size, in one database filled incrementally, it
 * measures over `runs` timed calls (after one warm-up call, left out):
 * - earlier-coverage lookup: `earlierCoverage` for a new article of an event already saved, timed
 *   after `runs` lookups more (the first ones after the archive is opened, whose median is printed
 *   beside: they are slower, whatever they look up, as the browser warms to the database); and
 *   the same-event precision and recall of its answers over those lookups and `judged` more
 *   (untimed: about three answers per lookup make 30 too few for a steady figure);
 * - full-text search: `searchArticles` with 1–3 word queries, rare and common, some unfinished;
 * - saving one article: `saveArticle` of a new article;
 * - storage per article: Chromium's `navigator.storage.estimate()` usage, the IndexedDB folder on
 *   disk, and the archive's own `bytes` estimate, each divided by the articles.
 * Prints progress while filling, a table with the issue's targets beside the figures, and returns
 * the figures (bench.ts prints them as the last line, as JSON). When a target is missed (or with
 * --trace) it also prints every IndexedDB request of one such call, by store and method.
 * With --keep DIR the browser profile (and so the archive) is DIR and is kept: a later run with the
 * same DIR and seed fills it further instead of from empty (an hour saved at 100,000).
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, QUIET_FLAGS, serveStatic } from '../browser';
import { median, round, table } from '../eval/task';
import type { ActorPageRun, LookupRun, MemoryRun, ScaleBenchApi, SearchRun, Trace } from './api';

export interface ScaleOptions {
  sizes: number[];
  runs: number;
  /** Untimed lookups added to the timed ones for the same-event precision and recall. */
  judged: number;
  seed: number;
  batch: number;
  /**
   * While filling, the search index is folded every this many articles (the background folds every
   * 500, which at 100,000 rewrites the long posting lists hundreds of times); the rest is folded
   * before anything is timed. The stored rows are the same either way.
   */
  foldEvery: number;
  /** Print a trace of the IndexedDB requests of one save, lookup and search at every size. */
  trace: boolean;
  /** A browser profile to use and keep, or null for a temporary one. */
  keep: string | null;
}

/** The issue's targets, ms (medians). */
export const TARGETS = {
  /** Issue #5 asked 30 ms at 10,000 and 150 at 100,000; issue #19 and the standing budget ask 30 at 100,000 too. */
  lookup: new Map([
    [10_000, 30],
    [100_000, 30],
  ]),
  search: new Map([[100_000, 100]]),
  save: 30,
  /** Claim memory added to a page's analysis (issue 22), at 100,000. */
  memory: 30,
  /** An actor page of ACTOR_TARGET articles (issue 22). */
  actorPage: 150,
};

/** The actor size the actor-page figure is about: the actors of new articles nearest to it are timed. */
const ACTOR_TARGET = 500;

export function parseScaleArgs(argv: string[]): ScaleOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? '1000,10000,100000')
    .split(',')
    .map((s) => Number(s.replace(/[_k]/gi, (m) => (m.toLowerCase() === 'k' ? '000' : ''))))
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => a - b);
  if (sizes.length === 0) throw new Error('--sizes: give archive sizes such as 1000,10000,100000.');
  const num = (flag: string, dflt: number, min: number) => {
    const v = value(flag);
    const n = v === undefined ? dflt : Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag}: expected an integer ≥ ${min}, got ${v}.`);
    return n;
  };
  const keep = value('--keep');
  if (argv.includes('--keep') && !keep) throw new Error('--keep: give a folder for the browser profile.');
  return {
    sizes: [...new Set(sizes)],
    runs: num('--runs', 30, 1),
    judged: num('--judged', 300, 0),
    seed: num('--seed', 1, 0),
    batch: num('--batch', 500, 1),
    foldEvery: num('--fold-every', 10_000, 1),
    trace: argv.includes('--trace'),
    keep: keep ? resolve(keep) : null,
  };
}

/** Nearest-rank percentile. */
function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

function dirSize(dir: string): number {
  let n = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const p = join(dir, name);
    // LevelDB may delete a file between the listing and the stat (a compaction): it no longer counts.
    const st = statSync(p, { throwIfNoEntry: false });
    if (st) n += st.isDirectory() ? dirSize(p) : st.size;
  }
  return n;
}

/** Bundles page.ts for the browser into `dir`, with the page that loads it. */
async function bundle(dir: string): Promise<void> {
  await build({
    entryPoints: [resolve('lib/cli/bench-scale/page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(dir, 'page.js'),
    logLevel: 'warning',
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>Backstory scale bench</title><script type="module" src="/page.js"></script>\n');
}

/** Calls a method of the page's bench API. */
function call<K extends keyof ScaleBenchApi>(page: Page, method: K, ...args: Parameters<ScaleBenchApi[K]>): Promise<Awaited<ReturnType<ScaleBenchApi[K]>>> {
  return page.evaluate(
    ([m, a]) => {
      const api = (window as unknown as { scaleBench: Record<string, (...xs: unknown[]) => unknown> }).scaleBench;
      return api[m as string]!(...(a as unknown[]));
    },
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<ScaleBenchApi[K]>>>;
}

function printTrace(what: string, t: Trace): void {
  const total = t.requests.reduce((s, r) => s + r.n, 0);
  console.log(`  trace of one ${what}: ${round(t.ms, 1)} ms, ${total} IndexedDB requests; by store and method (count, summed call-to-success ms):`);
  for (const r of t.requests.slice(0, 8)) console.log(`    ${r.what.padEnd(28)} ${String(r.n).padStart(5)}  ${round(r.ms, 1)} ms`);
}

const fmtMs = (xs: number[]) => `${round(median(xs), 1)} / ${round(percentile(xs, 95), 1)}`;
const secs = (ms: number) => (ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${round(ms / 1000, 1)} s`);
const mark = (value: number, target: number | undefined) => (target === undefined ? '' : value <= target ? ` (≤ ${target} ok)` : ` (≤ ${target} MISSED)`);

/** Of the "same event" items listed, the share that are of the event; of the event's saved articles, the share listed. */
const samePrecision = (ls: readonly LookupRun[]) =>
  ls.reduce((s, l) => s + l.sameRight, 0) /
  Math.max(
    1,
    ls.reduce((s, l) => s + l.same, 0),
  );
const sameRecall = (ls: readonly LookupRun[]) =>
  ls.reduce((s, l) => s + l.sameRight, 0) /
  Math.max(
    1,
    ls.reduce((s, l) => s + l.saved, 0),
  );
interface SizeFigures {
  size: number;
  articles: number;
  fillMs: number;
  fillRate: number;
  lookups: LookupRun[];
  /** Times (ms) of the lookups before the timed ones: the first after the archive is opened. */
  opening: number[];
  /** The timed lookups and the untimed ones, for precision and recall. */
  judged: LookupRun[];
  /** Loading the term counts after a worker restart, ms. */
  cold: number[];
  searches: SearchRun[];
  saves: number[];
  savePrepare: number[];
  memories: MemoryRun[];
  actorRuns: ActorPageRun[];
  usage: number | null;
  disk: number;
  bytes: number;
  rows: Record<string, number>;
}

export async function scale(argv: string[]): Promise<Record<string, number>> {
  const opts = parseScaleArgs(argv);
  const started = performance.now();
  const work = await mkdtemp(join(tmpdir(), 'backstory-scale-'));
  const site = join(work, 'site');
  const profile = opts.keep ?? join(work, 'profile');
  const results: SizeFigures[] = [];
  console.log(
    `scale: sizes ${opts.sizes.join(', ')}; ${opts.runs} timed runs per figure; seed ${opts.seed}; batches of ${opts.batch}, folded every ${opts.foldEvery}${opts.keep ? `; profile kept in ${opts.keep}` : ''}`,
  );
  mkdirSync(site);
  await bundle(site);
  // A kept archive belongs to the page's origin, so a kept profile is always served from the same port.
  const portFile = opts.keep ? join(opts.keep, 'bench-port') : null;
  const port = portFile && existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0;
  const server = await serveStatic(site, undefined, port).catch((err: unknown) => {
    throw new Error(`The kept archive in ${opts.keep} is served from port ${port}, which is taken: ${String(err)}`);
  });
  if (portFile) {
    mkdirSync(opts.keep!, { recursive: true });
    writeFileSync(portFile, new URL(server.origin).port);
  }
  server.route('/idf.json', readFileSync('public/models/idf.json', 'utf8'), 'application/json');
  server.route('/claim-match.json', readFileSync('public/models/claim-match.json', 'utf8'), 'application/json');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // '--headless=new' below, as for the extension tests
    args: ['--headless=new', ...QUIET_FLAGS, '--disable-extensions'],
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.origin + '/');
    await page
      .waitForFunction(() => 'scaleBench' in window, undefined, { timeout: 30_000 })
      .catch(() => {
        throw new Error(`The bench page did not start: ${errors.join('; ') || 'no error reported'}`);
      });
    const opening = performance.now();
    let { articles } = await call(page, 'init', opts.seed);
    // Opening a kept archive of an older schema runs its upgrade: worth knowing how long that takes.
    if (articles > 0) console.log(`the kept archive holds ${articles.toLocaleString('en')} articles (opened in ${secs(performance.now() - opening)})`);
    const idbDir = join(profile, 'Default', 'IndexedDB');

    for (const size of opts.sizes) {
      // Fill to `size`, in steps that print progress.
      const fillStart = performance.now();
      const from = articles;
      const toAdd = Math.max(0, size - articles);
      const step = Math.min(5000, Math.max(opts.batch, Math.round(toAdd / 10 / opts.batch) * opts.batch));
      let gen = 0;
      let fp = 0;
      let save = 0;
      console.log(`\nfilling to ${size.toLocaleString('en')} articles (${toAdd.toLocaleString('en')} to add)…`);
      while (articles < size) {
        const s = await call(page, 'fill', Math.min(size, articles + step), opts.batch, opts.foldEvery);
        articles = s.articles;
        gen += s.generateMs;
        fp += s.fingerprintMs;
        save += s.saveMs;
        const el = performance.now() - fillStart;
        const done = articles - from;
        const rate = done / (el / 1000);
        const eta = (size - articles) / rate;
        console.log(
          `  ${articles.toLocaleString('en').padStart(7)} / ${size.toLocaleString('en')}  ${Math.round(rate)} articles/s  ` +
            `(per article: generate ${round(gen / done, 2)} ms, fingerprint ${round(fp / done, 2)} ms, saveMany ${round(save / done, 2)} ms)` +
            (articles < size ? `  ~${secs(eta * 1000)} left` : ''),
        );
      }
      // What the background still has to fold into the search index, done before timing anything
      // (and counted in the fill time).
      const settle = await call(page, 'settle');
      console.log(`  search index brought up to date in ${secs(settle.ms)}`);
      const fillMs = performance.now() - fillStart;

      console.log(`measuring at ${articles.toLocaleString('en')} articles: loading the term counts cold…`);
      const cold = await call(page, 'coldStarts', Math.min(opts.runs, 10));
      console.log(`  ${cold.terms.toLocaleString('en')} distinct terms, loaded in ${round(median(cold.ms), 1)} ms (median of ${cold.ms.length})`);
      console.log('  lookups…');
      // The first lookups after the archive is opened are slower (at 100,000: a median of 46-50 ms
      // for the first 30, 27-33 ms after) whatever they look up: they are timed apart.
      const opening = (await call(page, 'lookups', opts.runs)).slice(1);
      const lookups = (await call(page, 'lookups', opts.runs)).slice(1);
      const extra = opts.judged ? await call(page, 'judged', opts.judged, 5) : { runs: [], wrong: [] };
      const judged = [...opening, ...lookups, ...extra.runs];
      console.log('  searches…');
      const searches = (await call(page, 'searches', opts.runs)).slice(1);
      console.log('  saves…');
      const saveRuns = (await call(page, 'saves', opts.runs)).slice(1);
      console.log('  claim memory…');
      const memories = (await call(page, 'memories', opts.runs)).slice(1);
      console.log('  actor pages…');
      const actorRuns = (await call(page, 'actorPages', opts.runs, ACTOR_TARGET)).slice(1);
      const st = await call(page, 'storage');
      const disk = dirSize(idbDir);
      results.push({
        size,
        articles: st.articles,
        fillMs,
        fillRate: toAdd / (fillMs / 1000),
        lookups,
        opening: opening.map((l) => l.ms),
        judged,
        cold: cold.ms,
        searches,
        saves: saveRuns.map((r) => r.ms),
        memories,
        actorRuns,
        savePrepare: saveRuns.map((r) => r.prepareMs),
        usage: st.usage,
        disk,
        bytes: st.bytes,
        rows: st.rows,
      });
      articles = st.articles;
      const r = results[results.length - 1]!;
      const lk = lookups.map((l) => l.ms);
      const sameRight = judged.reduce((s, l) => s + l.sameRight, 0) / judged.length;
      console.log(
        `  lookup median ${round(median(lk), 1)} ms (p95 ${round(percentile(lk, 95), 1)}; the first ${r.opening.length} after opening ${round(median(r.opening), 1)}); same-event items found ${round(sameRight, 2)} on average ` +
          `of ${round(judged.reduce((s, l) => s + l.saved, 0) / judged.length, 2)} saved; same-event precision ${round(samePrecision(judged), 3)}, recall ${round(sameRecall(judged), 3)} ` +
          `over ${judged.length} lookups (${judged.reduce((s, l) => s + l.same, 0)} answers); ` +
          `search median ${round(median(searches.map((x) => x.ms)), 1)} ms; save median ${round(median(r.saves), 1)} ms`,
      );
      const at = (k: 'keys' | 'rows' | 'scored') => round(median(lookups.map((l) => l.at[k])), 1);
      console.log(`  lookup steps (medians, ms from the call): key lists read ${at('keys')}, candidates' rows read ${at('rows')}, scored ${at('scored')}, done ${round(median(lk), 1)}`);
      for (const w of extra.wrong) console.log(`  wrong "same event": ${w}`);
      const mm = memories.map((m) => m.ms);
      console.log(
        `  claim memory median ${round(median(mm), 1)} ms (p95 ${round(percentile(mm, 95), 1)}; target ≤ ${TARGETS.memory}; matching ${round(median(memories.map((m) => m.matchMs)), 1)} ms of it); ` +
          `parts: terms ${round(median(memories.map((m) => m.parts.terms)), 1)}, lists ${round(median(memories.map((m) => m.parts.lists)), 1)}, ` +
          `claims ${round(median(memories.map((m) => m.parts.claims)), 1)}, match ${round(median(memories.map((m) => m.parts.match)), 1)} ms; ` +
          `${round(median(memories.map((m) => m.claims)), 1)} claims per article, ${round(memories.reduce((s, m) => s + m.remembered, 0) / Math.max(1, memories.length), 2)} with a match; ` +
          `candidates median ${median(memories.map((m) => m.articles))} articles, ${median(memories.map((m) => m.candidates))} claims`,
      );
      const ap = actorRuns.map((a) => a.ms);
      console.log(
        `  actor page median ${round(median(ap), 1)} ms (p95 ${round(percentile(ap, 95), 1)}; target ≤ ${TARGETS.actorPage} at ${ACTOR_TARGET} articles; ` +
          `index keys ${round(median(actorRuns.map((a) => a.keysMs)), 1)} ms, rows ${round(median(actorRuns.map((a) => a.rowsMs)), 1)} ms) ` +
          `over actors in median ${median(actorRuns.map((a) => a.articles))} articles (${Math.min(...actorRuns.map((a) => a.articles))}–${Math.max(...actorRuns.map((a) => a.articles))}), ` +
          `${median(actorRuns.map((a) => a.listed))} of them listed on opening, ${median(actorRuns.map((a) => a.statements))} statements`,
      );
      const slow = [...searches].sort((a, b) => b.ms - a.ms).slice(0, 3);
      console.log(`  slowest searches: ${slow.map((x) => `"${x.query}" ${round(x.ms, 1)} ms (${x.total} hits)`).join('; ')}`);
      console.log(
        `  rows: ${Object.entries(st.rows)
          .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
          .join(', ')}`,
      );
      // Where the time goes, when a target is missed (or with --trace): every IndexedDB request of
      // one call of each, by store and method.
      const missed = (t: number | undefined, xs: number[]) => t !== undefined && median(xs) > t;
      if (opts.trace || missed(TARGETS.save, r.saves)) printTrace('saveArticle', await call(page, 'traceSave'));
      if (opts.trace || missed(TARGETS.lookup.get(size), lk)) printTrace('earlierCoverage', await call(page, 'traceLookup'));
      if (
        opts.trace ||
        missed(
          TARGETS.search.get(size),
          searches.map((x) => x.ms),
        )
      )
        printTrace(`searchArticles "${slow[0]!.query}"`, await call(page, 'traceSearch', slow[0]!.query));
      if (opts.trace || missed(TARGETS.memory, mm)) printTrace('claimMemory', await call(page, 'traceMemory'));
      if (opts.trace || missed(TARGETS.actorPage, ap)) printTrace(`actorPage (the actor nearest ${ACTOR_TARGET} articles)`, await call(page, 'traceActorPage', ACTOR_TARGET));
    }
    await call(page, 'close');
  } finally {
    await context.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }

  const totalMs = performance.now() - started;
  const rows = results.map((r) => {
    const lk = r.lookups.map((l) => l.ms);
    const sr = r.searches.map((s) => s.ms);
    const kb = (b: number | null) => (b === null ? '?' : String(round(b / r.articles / 1024, 1)));
    return [
      r.articles.toLocaleString('en'),
      fmtMs(lk) + mark(median(lk), TARGETS.lookup.get(r.size)),
      round(r.judged.reduce((s, l) => s + l.sameRight, 0) / r.judged.length, 2),
      `${round(samePrecision(r.judged), 3)} / ${round(sameRecall(r.judged), 3)} (${r.judged.length})`,
      fmtMs(sr) + mark(median(sr), TARGETS.search.get(r.size)),
      fmtMs(r.saves) + mark(median(r.saves), TARGETS.save),
      `${kb(r.usage)} / ${kb(r.disk)} / ${kb(r.bytes)}`,
      String(round(median(r.cold), 1)),
      `${secs(r.fillMs)} (${Math.round(r.fillRate)}/s)`,
    ];
  });
  console.log(
    '\n' +
      table(
        [
          'articles',
          'lookup ms median / p95',
          'same-event found',
          'same-event precision / recall (lookups)',
          'search ms median / p95',
          'save ms median / p95',
          'KB per article: estimate / disk / own',
          'cold start ms',
          'fill time',
        ],
        rows,
      ),
  );
  console.log(
    `targets (issues #5 and #19): lookup median ≤ 30 ms at 10,000 and 100,000; search median ≤ 100 ms at 100,000; save ≤ 30 ms. ` +
      `${opts.runs} timed runs each after a warm-up (lookups: after ${opts.runs} more). Cold start: reading the archive's term counts after the worker restarts (median), which the first lookup then pays once. ` +
      `Whole run: ${secs(totalMs)}.`,
  );

  const figures: Record<string, number> = { scale_runs: opts.runs, scale_total_s: round(totalMs / 1000, 1) };
  for (const r of results) {
    const p = `scale_${r.size}_`;
    const lk = r.lookups.map((l) => l.ms);
    const sr = r.searches.map((s) => s.ms);
    Object.assign(figures, {
      [p + 'articles']: r.articles,
      [p + 'lookup_median_ms']: round(median(lk), 1),
      [p + 'lookup_p95_ms']: round(percentile(lk, 95), 1),
      [p + 'lookup_opening_median_ms']: round(median(r.opening), 1),
      [p + 'lookup_same_found']: round(r.judged.reduce((s, l) => s + l.sameRight, 0) / r.judged.length, 2),
      [p + 'lookup_same_precision']: round(samePrecision(r.judged), 3),
      [p + 'lookup_same_recall']: round(sameRecall(r.judged), 3),
      [p + 'lookup_same_lookups']: r.judged.length,
      [p + 'cold_start_median_ms']: round(median(r.cold), 1),
      [p + 'search_median_ms']: round(median(sr), 1),
      [p + 'search_p95_ms']: round(percentile(sr, 95), 1),
      [p + 'save_median_ms']: round(median(r.saves), 1),
      [p + 'save_p95_ms']: round(percentile(r.saves, 95), 1),
      [p + 'storage_estimate_kb_per_article']: r.usage === null ? -1 : round(r.usage / r.articles / 1024, 2),
      [p + 'storage_disk_kb_per_article']: round(r.disk / r.articles / 1024, 2),
      [p + 'storage_own_kb_per_article']: round(r.bytes / r.articles / 1024, 2),
      [p + 'memory_median_ms']: round(median(r.memories.map((m) => m.ms)), 1),
      [p + 'memory_p95_ms']: round(
        percentile(
          r.memories.map((m) => m.ms),
          95,
        ),
        1,
      ),
      [p + 'memory_matched_per_article']: round(r.memories.reduce((s, m) => s + m.remembered, 0) / Math.max(1, r.memories.length), 2),
      [p + 'actor_page_median_ms']: round(median(r.actorRuns.map((a) => a.ms)), 1),
      [p + 'actor_page_p95_ms']: round(
        percentile(
          r.actorRuns.map((a) => a.ms),
          95,
        ),
        1,
      ),
      [p + 'actor_page_median_articles']: median(r.actorRuns.map((a) => a.articles)),
      [p + 'fill_s']: round(r.fillMs / 1000, 1),
      [p + 'fill_per_s']: round(r.fillRate, 1),
    });
  }
  return figures;
}

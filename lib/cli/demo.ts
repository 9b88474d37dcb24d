/**
 * `npm run demo -- [page.html|URL] [--out DIR] [--archive PATH] [--archive-limit N]`
 *
 * The main job in one command, without a desktop: builds the extension if needed, starts headless
 * Chromium (or Firefox, with --browser firefox) with it, serves the page from 127.0.0.1, reads it with the extension, saves it, and
 * writes page.png (scrolled to the article's marks), sidepanel.png (the panel's first screen, then
 * sidepanel-2.png… for the rest), archive.png, claims.png, reader.png (the saved article in the archive's
 * reader view), options.png and summary.json to DIR (default demo-output/).
 * Requests that would leave the machine (a saved page's remote resources) are refused at once.
 *
 * With --archive, the demo profile's archive is filled first, through the extension itself (each
 * article read and saved as a reader would), from PATH: a folder of pages (every .html file in it
 * and its subfolders), or a JSONL file in the events format (`id`, `title`, `text`, optional
 * `date` and `url`; lib/cli/eval/events.ts), each line turned into a plain article page. The
 * panel then shows the page's earlier coverage, and summary.json lists it under "related".
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';

import type { Coverage, PanelState } from '../messaging/protocol';
import type { SavedArticle } from '../types';
import { offMachine, serveStatic } from './browser';
import { askBackground, readWithPanel, testId, type BrowserName, type DriverBrowser, type DriverPage } from './driver';
import { parseEventsJsonl } from './eval/events';
import { launchBrowser } from './launch';

const DEFAULT_PAGE = 'test/fixtures/demo/wikinews-uk-supreme-court-prorogation.html';

const USAGE = 'usage: npm run demo -- [page.html|URL] [--out DIR] [--archive FOLDER|FILE.jsonl] [--archive-limit N] [--review "WORDS OF A SAVED CLAIM=disputed:note"] [--browser chromium|firefox]';

interface Args {
  page: string;
  out: string;
  archive: string | null;
  archiveLimit: number;
  browser: BrowserName;
  /** Reviews to make in the archive before the page is read (`--review "WORDS=status:note"`). */
  reviews: ReviewArg[];
}

interface ReviewArg {
  words: string;
  status: 'verified' | 'disputed' | 'false' | 'unverified';
  note: string;
}

function parseArgs(argv: string[]): Args {
  let page: string | undefined;
  let out = 'demo-output';
  let archive: string | null = null;
  let archiveLimit = Infinity;
  let browser: BrowserName = 'chromium';
  const reviews: ReviewArg[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') out = argv[++i] ?? out;
    else if (a === '--browser') {
      const name = argv[++i];
      if (name !== 'chromium' && name !== 'firefox') throw new Error(`--browser takes chromium or firefox. ${USAGE}`);
      browser = name;
    } else if (a === '--archive') archive = argv[++i] ?? null;
    else if (a === '--review') {
      const m = /^(.+?)=(verified|disputed|false|unverified):(.*)$/s.exec(argv[++i] ?? '');
      if (!m) throw new Error(`--review needs "WORDS OF THE CLAIM=disputed:a note". ${USAGE}`);
      reviews.push({ words: m[1]!, status: m[2] as ReviewArg['status'], note: m[3]! });
    } else if (a === '--archive-limit') {
      archiveLimit = Number(argv[++i]);
      if (!Number.isInteger(archiveLimit) || archiveLimit < 1) throw new Error(`--archive-limit needs a positive whole number. ${USAGE}`);
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`Unknown option ${a}. ${USAGE}`);
    else page = a;
  }
  if (archive !== null && !existsSync(archive)) throw new Error(`--archive: no such file or folder: ${archive}`);
  return { page: page ?? DEFAULT_PAGE, out, archive, archiveLimit, browser, reviews };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One events-format record as a plain article page (text escaped: the file may hold anything). */
function eventPage(doc: { title: string; paragraphs: string[]; date: string | null }, publisher: string): string {
  const paras = doc.paragraphs[0] === doc.title ? doc.paragraphs.slice(1) : doc.paragraphs;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<meta property="og:site_name" content="${escapeHtml(publisher)}">
${doc.date ? `<meta property="article:published_time" content="${escapeHtml(doc.date)}">` : ''}
</head><body><main><article><h1>${escapeHtml(doc.title)}</h1>
${paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main></body></html>
`;
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...htmlFiles(p));
    else if (/\.html?$/i.test(name)) out.push(p);
  }
  return out;
}

/** Where the archive's pages are served from, and their paths (relative to that folder). */
async function stageArchive(path: string, limit: number, skip: string | null): Promise<{ root: string; pages: string[]; skipped: number; cleanup(): Promise<void> }> {
  if (statSync(path).isDirectory()) {
    const root = resolve(path);
    const files = htmlFiles(root).filter((f) => f !== skip);
    return { root, pages: files.slice(0, limit).map((f) => relative(root, f)), skipped: 0, cleanup: async () => undefined };
  }
  const { docs, malformed, problems } = parseEventsJsonl(readFileSync(path, 'utf8'));
  if (docs.length === 0) throw new Error(`--archive: ${path} has no usable line in the events format${problems.length ? ` (${problems.join('; ')})` : ''}.`);
  const raw = readFileSync(path, 'utf8').split('\n');
  const dir = await mkdtemp(join(tmpdir(), 'backstory-demo-archive-'));
  const pages: string[] = [];
  for (const d of docs.slice(0, limit)) {
    let publisher = 'Events file';
    try {
      const url = (JSON.parse(raw[d.line - 1]!) as { url?: unknown }).url;
      if (typeof url === 'string') publisher = new URL(url).hostname.replace(/^www\./, '');
    } catch {
      // No usable url: the file's name stands in as the publisher.
    }
    const name = `${encodeURIComponent(d.id).replace(/%/g, '_')}.html`;
    await writeFile(join(dir, name), eventPage(d, publisher));
    pages.push(name);
  }
  return { root: dir, pages, skipped: malformed, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Asks the background, from an extension page, as the panel would. */
async function ask<T>(ext: DriverPage, kind: string, payload: unknown): Promise<T> {
  const r = await askBackground<T>(ext, kind, payload);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/**
 * Reads and saves each page in one tab through the extension (activate, wait for the reading,
 * save): the same path as the panel's buttons, without drawing the panel for each page.
 */
async function fillArchive(b: DriverBrowser, origin: string, pages: string[]): Promise<{ saved: number; notArticles: number; failed: number }> {
  const ext = await b.openExtensionPage('archive.html');
  let tab: DriverPage | null = null;
  let tabId: number | null = null;
  let saved = 0;
  let notArticles = 0;
  let failed = 0;
  const t0 = performance.now();
  for (const [i, p] of pages.entries()) {
    const url = `${origin}/${p.split('/').map(encodeURIComponent).join('/')}`;
    try {
      if (tab) await tab.goto(url);
      else tab = await b.newTab(url);
    } catch (err) {
      // One page that does not load (a script that never lets "load" fire) costs that page, not the archive.
      console.log(`archive: ${p} did not load, left out (${String((err as Error)?.message ?? err).split('\n')[0]})`);
      failed++;
      // A navigation still pending in that tab would interrupt the next page's: the next one gets a new tab.
      await tab?.close().catch(() => undefined);
      tab = null;
      tabId = null;
      continue;
    }
    // The tab keeps its id from page to page; it can be looked up once it shows a page.
    tabId ??= await b.tabIdOf(tab);
    await ask(ext, 'panel/activate', { tabId });
    let state: PanelState | null = null;
    for (let k = 0; k < 300; k++) {
      state = await ask<PanelState>(ext, 'panel/state', { tabId });
      if (state.state.status !== 'working' && state.state.status !== 'idle') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (state?.state.status === 'ready') {
      await ask(ext, 'panel/save', { tabId });
      saved++;
    } else notArticles++;
    if ((i + 1) % 50 === 0 || i + 1 === pages.length) console.log(`archive: ${i + 1}/${pages.length} pages read, ${saved} saved (${Math.round((performance.now() - t0) / (i + 1))} ms a page)`);
  }
  await tab?.close();
  await ext.close();
  return { saved, notArticles, failed };
}

/** Reviews, as a reader would in the archive, the first saved claim holding each review's words. */
async function reviewSaved(b: DriverBrowser, reviews: readonly ReviewArg[]): Promise<void> {
  const ext = await b.openExtensionPage('archive.html');
  const { items } = await ask<{ items: { id: number }[] }>(ext, 'archive/list', { offset: 0, limit: 500 });
  for (const r of reviews) {
    let done = false;
    for (const it of items) {
      const rec = await ask<SavedArticle | null>(ext, 'archive/get', { id: it.id });
      const c = rec?.claims?.find((x) => x.text.toLowerCase().includes(r.words.toLowerCase()));
      if (!c) continue;
      await ask(ext, 'archive/review', { articleId: it.id, claimId: c.id, review: { status: r.status, note: r.note, evidence: [] } });
      console.log(`archive: marked “${c.text.slice(0, 80)}…” ${r.status}`);
      done = true;
      break;
    }
    if (!done) console.log(`archive: no saved claim holds “${r.words}”: not reviewed`);
  }
  await ext.close();
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
  const staged = await stagePage(args.page);
  const server = await serveStatic(staged.root);
  // A saved page's remote scripts, images and fonts cannot load here: refuse them at once rather
  // than wait for each to fail (a BBC page asks for about 110 and took half a minute to "load").
  const b = await launchBrowser(args.browser, { refuseRemote: true });
  let filled: { saved: number; notArticles: number; failed: number; skipped: number } | null = null;
  try {
    if (args.archive) {
      const skip = /^https?:/i.test(args.page) ? null : resolve(args.page);
      const staged = await stageArchive(args.archive, args.archiveLimit, skip);
      const archiveServer = await serveStatic(staged.root);
      try {
        filled = { ...(await fillArchive(b, archiveServer.origin, staged.pages)), skipped: staged.skipped };
      } finally {
        await archiveServer.close();
        await staged.cleanup();
      }
    }
    if (args.reviews.length) await reviewSaved(b, args.reviews);
    const t0 = performance.now();
    const { page, panel, tabId } = await b.openWithPanel(`${server.origin}${staged.path}`);
    const ms = await readWithPanel(panel);
    const state = await ask<PanelState>(panel, 'panel/state', { tabId });
    const s = state.state;
    let saveMs: number | null = null;
    if (s.status === 'ready') {
      const t1 = performance.now();
      await panel.click(testId('save'));
      await panel.waitForText('✓ Saved');
      saveMs = performance.now() - t1;
    }
    let coverage: Coverage | null = null;
    if (s.status === 'ready') {
      coverage = await ask<Coverage | null>(panel, 'panel/coverage', { tabId });
      await panel.waitFor('[data-testid="coverage"][aria-busy="false"]', 20_000);
    }
    const written: string[] = [];
    const shoot = async (p: DriverPage, name: string) => {
      await p.screenshot(join(out, name));
      written.push(join(out, name));
    };
    await page.bringToFront();
    await page.setViewport(1280, 900);
    // The article with its marks, not the top of the page (menus, logos): scroll to the first mark.
    await page.evaluate(scrollToFirstMark, null);
    await shoot(page, 'page.png');
    // The whole panel, one screen-sized picture after another (a single picture of a long panel is
    // too tall to read, and some viewers cut it).
    const parts = await panelParts(panel);
    for (const [i, y] of parts.entries()) {
      await panel.evaluate((top: number) => window.scrollTo(0, top), y);
      await shoot(panel, i === 0 ? 'sidepanel.png' : `sidepanel-${i + 1}.png`);
    }
    const archive = await b.openExtensionPage('archive.html', { width: 1280, height: 900 });
    await archive.waitFor(`${testId('archive-item')}, ${testId('empty')}`);
    await shoot(archive, 'archive.png');
    // A page of its own: a change of the address's fragment alone is not a navigation in every driver (Firefox over BiDi).
    const claims = await b.openExtensionPage('archive.html#/claims', { width: 1280, height: 900 });
    await claims.waitFor(`${testId('claim-row')}, ${testId('claims-empty')}`);
    await shoot(claims, 'claims.png');
    // The saved article in the archive's reader view, with its names and the claims to doubt marked.
    if (s.status === 'ready') {
      const title = s.article.title;
      const href = await archive.evaluate((t: string) => [...document.querySelectorAll('[data-testid="archive-item"] h2 a')].find((a) => a.textContent === t)?.getAttribute('href') ?? null, title);
      if (href) {
        const reader = await b.openExtensionPage(`archive.html${href}`, { width: 1280, height: 900 });
        await reader.waitFor(testId('reader-text'));
        // Down to the first marked claim, else the first name, so the picture shows the marks.
        await reader.evaluate(() => {
          const m = document.querySelector('[data-testid="reader-claim"], [data-testid="reader-name"]');
          if (m) window.scrollTo(0, Math.max(0, m.getBoundingClientRect().top + window.scrollY - 200));
        }, null);
        await shoot(reader, 'reader.png');
      }
    }
    const options = await b.openExtensionPage('options.html', { width: 900, height: 1100 });
    await options.waitFor(testId('auto-save'));
    await shoot(options, 'options.png');
    // Issue 22's pages: the most mentioned person's page, and the story of the article read.
    const person = s.status === 'ready' ? [...s.analysis.actors].filter((a) => a.type === 'PER').sort((x, y) => y.mentions - x.mentions)[0] : undefined;
    if (person) {
      const actor = await b.openExtensionPage(`archive.html#/actor/${encodeURIComponent(person.key)}`, { width: 1280, height: 900 });
      await actor.waitFor(`${testId('actor-page')}, .notice:not(.notice-busy)`);
      await shoot(actor, 'actor.png');
    }
    const savedId = (await ask<PanelState>(panel, 'panel/state', { tabId })).saved?.id;
    if (savedId !== undefined) {
      const story = await b.openExtensionPage(`archive.html#/story/${savedId}`, { width: 1280, height: 900 });
      await story.waitFor(`${testId('story-page')}, .notice:not(.notice-busy)`);
      await shoot(story, 'story.png');
    }

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
      actors: s.status === 'ready' ? s.analysis.actors.map((a) => ({ name: a.name, type: a.type, aliases: a.aliases, mentions: a.mentions, role: a.role })) : [],
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
      related: coverage
        ? [...coverage.same, ...coverage.related].map((c) => ({
            id: c.id,
            title: c.title,
            date: new Date(c.date).toISOString().slice(0, 10),
            publisher: c.publisher,
            tier: c.tier,
            score: Math.round(c.score * 1000) / 1000,
            shared: [...c.shared.actors, ...c.shared.places].map((x) => x.name),
          }))
        : [],
      earlier_statements: (coverage?.statements ?? []).map((st) => ({ speaker: st.speaker, text: st.text, date: new Date(st.date).toISOString().slice(0, 10), title: st.title })),
      // Every address a page or worker of the demo browser asked for that is not the local server:
      // the extension's own would show here (a downloaded page's remote images and scripts do too).
      network: { off_machine: offMachine(b.requests) },
      archive: filled ? { ...filled, articles: coverage?.archived ?? null } : null,
      timings: {
        ...(s.status === 'ready' ? roundAll(s.analysis.timings) : {}),
        activation_to_panel_ms: Math.round(ms),
        save_ms: saveMs === null ? null : Math.round(saveMs),
        coverage_ms: coverage ? Math.round(coverage.ms * 10) / 10 : null,
        total_ms: Math.round(performance.now() - t0),
      },
    };
    writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    written.push(join(out, 'summary.json'));
    console.log(`Read "${summary.article?.title ?? args.page}" (${s.status}) in ${b.name}.`);
    if (s.status === 'ready') {
      const cl = s.analysis.claims ?? [];
      const by = (t: string) => s.analysis.actors.filter((a) => a.type === t).length;
      console.log(
        `Found ${by('PER')} people, ${by('ORG')} organisations, ${by('LOC')} places; ` +
          `${cl.length} claims, ${cl.filter((c) => c.unverified).length} unverified, ${cl.filter((c) => c.checkworthy).length} check-worthy.`,
      );
    }
    if (coverage) console.log(`Earlier coverage: ${coverage.same.length} same event, ${coverage.related.length} related, out of ${coverage.archived} saved articles.`);
    const t = summary.timings as Record<string, number | null>;
    console.log(
      `Timings: read to panel ${t.activation_to_panel_ms} ms, save ${t.save_ms ?? '–'} ms, coverage ${t.coverage_ms ?? '–'} ms, all ${t.total_ms} ms.` +
        (summary.network.off_machine.length ? ` ${summary.network.off_machine.length} requests off this machine were refused.` : ''),
    );
    console.log(`Wrote ${written.join('\n      ')}`);
  } finally {
    await b.close();
    await server.close();
    await staged.cleanup();
  }
}

/** Scrolls the page so its first mark (name or claim) sits near the top; runs in the page (no inner functions: tsx would name them). */
function scrollToFirstMark(): number | null {
  const rects: DOMRect[] = [];
  const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
  if (registry) for (const [name, ranges] of registry) if (name.startsWith('backstory-')) for (const r of ranges) rects.push(r.getBoundingClientRect());
  for (const el of document.querySelectorAll('backstory-mark')) rects.push(el.getBoundingClientRect());
  let best: number | null = null;
  for (const r of rects) {
    if (r.width === 0 && r.height === 0) continue;
    const y = r.top + window.scrollY;
    if (best === null || y < best) best = y;
  }
  if (best !== null) window.scrollTo(0, Math.max(0, best - 160));
  return best;
}

/** The scroll positions that show the whole panel in screens of 900 px, each overlapping the last a little. */
async function panelParts(panel: DriverPage): Promise<number[]> {
  const SCREEN = 900;
  await panel.setViewport(420, SCREEN);
  const height = await panel.evaluate(() => document.documentElement.scrollHeight, null);
  const parts = [0];
  while (parts.length < 8 && parts[parts.length - 1]! + SCREEN < height) parts.push(Math.min(height - SCREEN, parts[parts.length - 1]! + SCREEN - 60));
  return parts;
}

function roundAll(t: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [`${k}_ms`, Math.round(v * 10) / 10]));
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

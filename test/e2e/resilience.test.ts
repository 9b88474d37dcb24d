/**
 * Restarts, concurrency and privacy, end to end in Chromium with the e2e build.
 *
 * The service worker is stopped through the DevTools protocol in the middle of a save, at fixed
 * points of the save (paused there by a breakpoint, so the point is certain) and at timed delays.
 * After each stop the archive, read with plain IndexedDB from an extension page, must hold either no
 * record for the article or one whole record, with every derived row (claims, statements, event,
 * search words, term counts, totals) what a rebuild from the records gives; and saving again must
 * work. Then two tabs save at once, the extension's CSP refuses a request of its own, and the
 * network log of the whole file shows only the test server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { E2E_BUILD, readInPanel } from '../../lib/cli/browser';
import type { PanelState, Result } from '../../lib/messaging/protocol';
import type { Article } from '../../lib/types';
import { derivedOf, rebuildFrom, type ArchiveDump } from '../archive-consistency';
import { readArchive } from './archive-dump';
import { SEED, Session } from './session';

const s = new Session();
beforeAll(() => s.start());
afterAll(() => s.stop());

/** Sends a request to the background from one of the extension's pages. */
async function ask<T>(page: Page, kind: string, payload: unknown): Promise<Result<T>> {
  return page.evaluate(async ([k, p]) => chrome.runtime.sendMessage({ kind: k, payload: p }), [kind, payload] as const) as Promise<Result<T>>;
}

/** The archive holds at most one record for `article`, whole, and every derived row matches a rebuild. */
function expectWholeOrNothing(dump: ArchiveDump, article: Article): 'none' | 'whole' {
  const mine = dump.articles.filter((r) => r.url === article.url);
  expect(mine.length).toBeLessThanOrEqual(1);
  expect(new Set(dump.articles.map((r) => r.url)).size).toBe(dump.articles.length);
  expect(derivedOf(dump)).toEqual(rebuildFrom(dump.articles));
  const rec = mine[0];
  if (!rec) return 'none';
  expect(rec.title).toBe(article.title);
  expect(rec.paragraphs).toEqual(article.paragraphs);
  expect(rec.bytes).toBeGreaterThan(0);
  expect(dump.search.some((x) => x.id === rec.id)).toBe(true);
  expect(dump.events.some((x) => x.id === rec.id)).toBe(true);
  return 'whole';
}

/**
 * A DevTools session on the extension's service worker (through the browser's session: Playwright
 * gives none for workers), enough to pause it at a breakpoint.
 */
class WorkerDebugger {
  private seq = 0;
  private readonly waiting = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  private paused = false;
  private constructor(
    private readonly browser: CDPSession,
    private readonly sessionId: string,
  ) {
    browser.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== this.sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; method?: string; result?: unknown; error?: { message: string } };
      if (m.id !== undefined) this.waiting.get(m.id)?.(m);
      else if (m.method === 'Debugger.paused') this.paused = true;
    });
  }

  static async attach(browser: CDPSession, extensionId: string): Promise<WorkerDebugger> {
    const { targetInfos } = await browser.send('Target.getTargets');
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url === `chrome-extension://${extensionId}/background.js`);
    if (!sw) throw new Error('The service worker is not running.');
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
    const d = new WorkerDebugger(browser, sessionId);
    await d.send('Debugger.enable');
    return d;
  }

  /** A command to the worker; a worker that is gone never answers, so each one has a time limit. */
  send(method: string, params: Record<string, unknown> = {}, ms = 10_000): Promise<unknown> {
    const id = ++this.seq;
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        fail(new Error(`${method}: no answer from the worker in ${ms} ms`));
      }, ms);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        if (m.error) fail(new Error(`${method}: ${m.error.message}`));
        else ok(m.result);
      });
      this.browser.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch((err: unknown) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        fail(err);
      });
    });
  }

  /** Lets go of the worker: no breakpoint stays behind if it is still running. */
  async detach(): Promise<void> {
    await this.send('Debugger.disable', {}, 2_000).catch(() => undefined);
    await this.browser.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => undefined);
  }

  async waitForPause(ms = 15_000): Promise<void> {
    const t0 = Date.now();
    while (!this.paused) {
      if (Date.now() - t0 > ms) throw new Error('The worker never reached the breakpoint.');
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

/**
 * Points in a save, found in the built (minified) background.js by the code there. Each regex's
 * first group starts the expression to pause on; if the code changes shape, the test says which.
 */
// Minified names may hold "$" ("$i"), so names are matched with [\w$], not \w.
const PAUSE_POINTS = [
  {
    name: 'after the article row, before any index row',
    re: /\.articles\.bulkPut\([\w$]+,\{allKeys:!0\}\)[^]{0,200}?return await ([\w$]+\([\w$]+,[\w$]+\)),[\w$]+\.map\(/d,
    committed: false,
  },
  { name: 'with the old index rows read and deleted, before any new one', re: /(await Promise\.all\(\[[\w$]+\.claims\.bulkPut\()/d, committed: false },
  // The call that adjusts the totals (a new record adds one; an update may change nothing there),
  // the last of the index writes, which are all requested by then.
  {
    name: 'with every other index row requested, before the totals',
    re: /[\w$]+\.search\.bulkPut\([\w$]+\),[\w$]+\([\w$]+,\{deltas:[\w$]+,keys:[\w$]+,ids:[\w$]+\}\),([\w$]+\([\w$]+,[\w$]+,[\w$]+\))\]\)/d,
    committed: false,
  },
  { name: 'after the commit, before the reply', re: /"panel\/save"\(\{tabId:[\w$]+\}\)\{.*?([\w$]+\.notify\()/d, committed: true },
] as const;

function locate(src: string, re: RegExp): { lineNumber: number; columnNumber: number } {
  const m = re.exec(src);
  const at = m?.indices?.[1]?.[0];
  if (at === undefined) throw new Error(`No ${re} in background.js: the save's code changed shape; update PAUSE_POINTS.`);
  const before = src.slice(0, at);
  const lineNumber = before.split('\n').length - 1;
  return { lineNumber, columnNumber: at - (before.lastIndexOf('\n') + 1) };
}

describe('a service worker stopped in the middle of a save', () => {
  let page: Page;
  let panel: Page;
  let archive: Page;
  let tabId: number;
  let article: Article;
  let pages: CDPSession;
  let browser: CDPSession;
  const outcomes: string[] = [];

  /** Starts a save from the panel page without waiting for it; the returned promise gives what the panel heard. */
  async function startSave(): Promise<() => Promise<string>> {
    await panel.evaluate((t) => {
      (window as unknown as { pending: Promise<string> }).pending = chrome.runtime.sendMessage({ kind: 'panel/save', payload: { tabId: t } }).then(
        // A worker stopped while the message is on its way leaves the panel with no answer at all.
        (reply: unknown) => {
          const r = reply as Result<unknown> | undefined;
          return r === undefined ? 'no reply (worker gone)' : r.ok ? 'reply' : `error reply: ${r.error}`;
        },
        () => 'no reply (worker gone)',
      );
    }, tabId);
    return () => panel.evaluate(() => (window as unknown as { pending: Promise<string> }).pending);
  }

  async function stopWorker(): Promise<void> {
    await pages.send('ServiceWorker.stopAllWorkers');
  }

  /** Wakes the worker (any request does) and waits until it answers. */
  async function wake(): Promise<void> {
    await expect.poll(async () => (await ask(archive, 'archive/stats', {})).ok, { timeout: 20_000 }).toBe(true);
  }

  async function setRecord(present: boolean): Promise<void> {
    await wake();
    const dump = await readArchive(archive);
    const rec = dump.articles.find((r) => r.url === article.url);
    if (present && !rec) expect((await ask(panel, 'panel/save', { tabId })).ok).toBe(true);
    if (!present && rec) expect((await ask(archive, 'archive/delete', { id: rec.id })).ok).toBe(true);
  }

  beforeAll(async () => {
    ({ page, panel, tabId } = await s.openWithPanel(SEED));
    await readInPanel(panel);
    const state = await ask<PanelState>(panel, 'panel/state', { tabId });
    if (!state.ok || state.value.state.status !== 'ready') throw new Error('The seed page was not read.');
    article = state.value.state.article;
    archive = await s.b.openExtensionPage('archive.html');
    pages = await s.b.context.newCDPSession(archive);
    await pages.send('ServiceWorker.enable');
    const b = s.b.context.browser();
    if (!b) throw new Error('No browser-level DevTools session.');
    browser = await b.newBrowserCDPSession();
  });

  afterAll(async () => {
    console.log(`Worker stopped mid-save, ${outcomes.length} runs:\n  ${outcomes.join('\n  ')}`);
    await page?.close();
  });

  const src = () => readFileSync(join(E2E_BUILD, 'background.js'), 'utf8');

  for (const start of ['absent', 'present'] as const) {
    for (const point of PAUSE_POINTS) {
      it(`paused ${point.name}, the record ${start} before: ${point.committed ? 'the new record, whole' : start === 'absent' ? 'no record' : 'the old record, whole'}`, async () => {
        await setRecord(start === 'present');
        const before = (await readArchive(archive)).articles.find((r) => r.url === article.url);
        const dbg = await WorkerDebugger.attach(browser, s.b.extensionId);
        let heard: string;
        try {
          await dbg.send('Debugger.setBreakpointByUrl', { url: `chrome-extension://${s.b.extensionId}/background.js`, ...locate(src(), point.re) });
          const reply = await startSave();
          await dbg.waitForPause();
          await stopWorker();
          heard = await reply();
        } finally {
          await dbg.detach();
        }
        expect(heard).toBe('no reply (worker gone)');
        await wake();
        const dump = await readArchive(archive);
        const state = expectWholeOrNothing(dump, article);
        const rec = dump.articles.find((r) => r.url === article.url);
        if (point.committed) {
          expect(state).toBe('whole');
          if (before) expect(rec!.updatedAt).toBeGreaterThan(before.updatedAt);
        } else if (before) {
          // The old record, exactly as it was.
          expect(rec).toEqual(before);
        } else expect(state).toBe('none');
        outcomes.push(`${point.name} (record ${start}): ${state}${rec && before ? (rec.updatedAt === before.updatedAt ? ' (the old one)' : ' (the new one)') : ''}; panel: ${heard}`);
      });
    }
  }

  it('stopped at timed delays after the request: never a duplicate, never a half record', async () => {
    // How long a whole save takes from the panel's side, to spread the stops over it.
    await setRecord(false);
    const t0 = Date.now();
    expect((await ask(panel, 'panel/save', { tabId })).ok).toBe(true);
    const whole = Math.max(5, Date.now() - t0);
    const delays = [...new Set([0, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5].map((f) => Math.round(f * whole)))];
    for (const [i, delay] of delays.entries()) {
      const start = i % 2 ? 'present' : 'absent';
      await setRecord(start === 'present');
      const reply = await startSave();
      await new Promise((r) => setTimeout(r, delay));
      await stopWorker();
      const heard = await reply();
      await wake();
      const state = expectWholeOrNothing(await readArchive(archive), article);
      if (start === 'present') expect(state).toBe('whole');
      if (heard === 'reply') expect(state).toBe('whole');
      outcomes.push(`timed, ${delay} ms after the request (a whole save took ${whole} ms; record ${start}): ${state}; panel: ${heard}`);
    }
  });

  it('and saving again afterwards works, from the panel as a reader would', async () => {
    await setRecord(false);
    await panel.reload();
    await panel.getByTestId('save').waitFor({ timeout: 20_000 });
    await panel.getByTestId('save').click();
    await panel.getByText('✓ Saved').waitFor({ timeout: 20_000 });
    expect(expectWholeOrNothing(await readArchive(archive), article)).toBe('whole');
    await archive.close();
    await panel.close();
  });
});

describe('two tabs saving at once', () => {
  it('the same article in two tabs, Save clicked in both panels at once: one whole record', async () => {
    const archive = await s.b.openExtensionPage('archive.html');
    const before = await readArchive(archive);
    for (const r of before.articles) await ask(archive, 'archive/delete', { id: r.id });
    const a = await s.openWithPanel(SEED);
    await readInPanel(a.panel);
    // Another address for the same article (the harness finds a tab by its address); the archive
    // knows it by its normalised canonical URL, the same for both.
    const b = await s.openWithPanel(`${SEED}?utm_source=second-tab`);
    await readInPanel(b.panel);
    await Promise.all([a.panel.getByTestId('save').waitFor(), b.panel.getByTestId('save').waitFor()]);
    await Promise.all([a.panel.getByTestId('save').click(), b.panel.getByTestId('save').click()]);
    await Promise.all([a.panel.getByText('✓ Saved').waitFor(), b.panel.getByText('✓ Saved').waitFor()]);
    const articleOn = async (x: typeof a) => {
      const state = await ask<PanelState>(x.panel, 'panel/state', { tabId: x.tabId });
      return state.ok && state.value.state.status === 'ready' ? state.value.state.article : null;
    };
    const article = await articleOn(a);
    expect(article).not.toBeNull();
    expect((await articleOn(b))?.url).toBe(article!.url);
    const dump = await readArchive(archive);
    expect(dump.articles).toHaveLength(1);
    expect(expectWholeOrNothing(dump, article!)).toBe('whole');
    for (const x of [a, b]) {
      await x.panel.close();
      await x.page.close();
    }
    await archive.close();
  });

  it('two different articles in two tabs, saved at once: both land, the archive consistent', async () => {
    const archive = await s.b.openExtensionPage('archive.html');
    const a = await s.openWithPanel(SEED);
    await readInPanel(a.panel);
    const b = await s.openWithPanel('e2e/coverage/genoa-emergency.html');
    await readInPanel(b.panel);
    await Promise.all([a.panel.getByTestId('save').waitFor(), b.panel.getByTestId('save').waitFor()]);
    const replies = await Promise.all([ask(a.panel, 'panel/save', { tabId: a.tabId }), ask(b.panel, 'panel/save', { tabId: b.tabId })]);
    expect(replies.map((r) => r.ok)).toEqual([true, true]);
    const dump = await readArchive(archive);
    expect(dump.articles).toHaveLength(2);
    expect(derivedOf(dump)).toEqual(rebuildFrom(dump.articles));
    for (const x of [a, b]) {
      await x.panel.close();
      await x.page.close();
    }
    await archive.close();
  });
});

describe('privacy', () => {
  it('the extension’s own pages and worker may not reach the network but over https (for a sync server): the CSP refuses plain http off the machine', async () => {
    const archive = await s.b.openExtensionPage('archive.html');
    const refused = await archive.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      let fetched = 'fetched';
      try {
        await fetch('http://example.org/backstory-csp-probe');
      } catch (err) {
        fetched = String(err);
      }
      await new Promise((r) => setTimeout(r, 100));
      return { fetched, violations };
    });
    expect(refused.fetched).toMatch(/TypeError/);
    expect(refused.violations).toHaveLength(1);
    expect(refused.violations[0]).toMatch(/^connect-src http:\/\/example\.org/);
    const fromWorker = await s.b.liveWorker().evaluate(async () => {
      try {
        await fetch('http://example.org/backstory-csp-probe-worker');
        return 'fetched';
      } catch (err) {
        return String(err);
      }
    });
    expect(fromWorker).toMatch(/TypeError/);
    // Refused before any connection: the proxy never saw it.
    expect(s.trap.attempts.filter((a) => a.includes('example.org'))).toEqual([]);
    await archive.close();
  });

  it('made no network request of its own during the whole run', async () => {
    await s.expectNoNetworkOfItsOwn();
  });
});

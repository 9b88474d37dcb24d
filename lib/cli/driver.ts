/**
 * One small interface over the two browser drivers (Playwright for Chromium, Puppeteer over
 * WebDriver BiDi for Firefox), so the demo and the user-journey tests are written once and run in
 * either browser. It holds only what those callers need: pages addressed by CSS selectors
 * (`testId()` for ours), script evaluation, clicks, waiting and screenshots. Node-only, never bundled.
 */
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from './browser';

export type BrowserName = 'chromium' | 'firefox';

export interface DriverPage {
  url(): string;
  /** Runs `fn(arg)` in the page (for an extension page: with the extension's APIs) and returns its result. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  click(selector: string): Promise<void>;
  /** Replaces the value of a text field with `text`, typed. */
  fill(selector: string, text: string): Promise<void>;
  /** Waits until an element matching `selector` is in the page and visible. */
  waitFor(selector: string, timeout?: number): Promise<void>;
  /** Waits until the page's text contains `text`. */
  waitForText(text: string, timeout?: number): Promise<void>;
  /** Waits until `fn(arg)` is truthy in the page. */
  waitUntil<A>(fn: (arg: A) => unknown, arg: A, timeout?: number): Promise<void>;
  /** The text of the first element matching `selector`, or null when there is none. */
  text(selector: string): Promise<string | null>;
  count(selector: string): Promise<number>;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface DriverBrowser {
  name: BrowserName;
  /** Every URL that a page opened through this driver requested. */
  requests: string[];
  /** A new tab showing `url`. */
  newTab(url: string): Promise<DriverPage>;
  /** One of the extension's pages ("archive.html", "sidepanel.html?tabId=3"). */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<DriverPage>;
  /** The browser's id of the tab showing `page`. */
  tabIdOf(page: DriverPage): Promise<number>;
  /** Opens `url` in a tab, and the side panel (as a page pinned to that tab) beside it. */
  openWithPanel(url: string): Promise<{ page: DriverPage; panel: DriverPage; tabId: number }>;
  close(): Promise<void>;
}

/** The selector of one of our elements by its `data-testid`. */
export const testId = (id: string): string => `[data-testid="${id}"]`;

/** What the panel shows once "Read this page" has done its work, whatever the outcome. */
export const READ_OUTCOME = [testId('title'), testId('not-article'), testId('unsupported'), testId('error')].join(', ');

/** The background's answer to a request, asked from one of the extension's pages as the panel asks it. */
export async function askBackground<T>(ext: DriverPage, kind: string, payload: unknown): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  return ext.evaluate(
    async ([k, p]) => {
      const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
      return (g.browser ?? g.chrome).runtime.sendMessage({ kind: k, payload: p });
    },
    [kind, payload] as const,
  ) as Promise<{ ok: true; value: T } | { ok: false; error: string }>;
}

/**
 * Marks the first element matching `selector` whose text contains `text` with `data-e2e="name"`,
 * so that later selectors can reach inside it (`[data-e2e="name"] [data-testid="…"]`). Returns
 * whether one was found.
 */
export function markByText(page: DriverPage, selector: string, text: string, name: string): Promise<boolean> {
  return page.evaluate(
    ([sel, t, n]) => {
      for (const el of document.querySelectorAll(`[data-e2e="${n}"]`)) el.removeAttribute('data-e2e');
      const el = [...document.querySelectorAll(sel)].find((e) => e.textContent?.includes(t));
      el?.setAttribute('data-e2e', n);
      return !!el;
    },
    [selector, text, name] as const,
  );
}

/** Presses "Read this page" in an open panel and waits for the outcome; returns the time it took. */
export async function readWithPanel(panel: DriverPage, timeout = 30_000): Promise<number> {
  await panel.waitFor(testId('read-page'), timeout);
  const t0 = performance.now();
  await panel.click(testId('read-page'));
  await panel.waitFor(READ_OUTCOME, timeout);
  return performance.now() - t0;
}

/**
 * "Read this page" timed twice: by the panel itself, from the click event to the first frame
 * painted with the article's title in it (what a reader waits for), and by the driver, from its
 * click call to seeing the title (which adds the driver's own waits: Playwright's actionability
 * checks before the click, its polling after).
 */
export async function timeActivation(panel: DriverPage, timeout = 30_000): Promise<{ panelMs: number; driverMs: number }> {
  await panel.waitFor(testId('read-page'), timeout);
  await panel.evaluate(
    ([button, title]) => {
      const w = window as unknown as { __activation?: Promise<number> };
      w.__activation = new Promise<number>((done) => {
        let t0 = 0;
        document.addEventListener('click', (e) => void ((e.target as Element | null)?.closest?.(button) && (t0 = performance.now())), { capture: true, once: true });
        // No named functions in here: tsx would wrap them in a helper the page does not have.
        const observer = new MutationObserver(() => {
          if (!t0 || !document.querySelector(title)) return;
          observer.disconnect();
          requestAnimationFrame(() => done(performance.now() - t0));
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      });
    },
    [testId('read-page'), testId('title')] as const,
  );
  const t0 = performance.now();
  await panel.click(testId('read-page'));
  await panel.waitFor(READ_OUTCOME, timeout);
  const driverMs = performance.now() - t0;
  if ((await panel.count(testId('title'))) === 0) return { panelMs: NaN, driverMs };
  const panelMs = await panel.evaluate(() => (window as unknown as { __activation: Promise<number> }).__activation, null);
  return { panelMs, driverMs };
}

function playwrightPage(page: Page): DriverPage {
  return {
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    click: (selector) => page.locator(selector).first().click(),
    fill: (selector, text) => page.locator(selector).first().fill(text),
    waitFor: (selector, timeout = 30_000) => page.locator(selector).first().waitFor({ timeout }),
    waitForText: (text, timeout = 30_000) => page.getByText(text).first().waitFor({ timeout }),
    waitUntil: async (fn, arg, timeout = 30_000) => void (await page.waitForFunction(fn as (a: unknown) => unknown, arg, { timeout })),
    text: async (selector) => ((await page.locator(selector).count()) ? page.locator(selector).first().textContent() : null),
    count: (selector) => page.locator(selector).count(),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (path) => void (await page.screenshot({ path })),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** The Chromium launcher's browser behind the common interface. */
export function chromiumDriver(b: LaunchedBrowser): DriverBrowser {
  const pages = new WeakMap<DriverPage, Page>();
  const wrap = (p: Page): DriverPage => {
    const d = playwrightPage(p);
    pages.set(d, p);
    return d;
  };
  const driver: DriverBrowser = {
    name: 'chromium',
    requests: b.requests,
    async newTab(url) {
      const p = await b.context.newPage();
      await p.goto(url);
      return wrap(p);
    },
    async openExtensionPage(path, viewport) {
      return wrap(await b.openExtensionPage(path, viewport));
    },
    tabIdOf(page) {
      const p = pages.get(page);
      if (!p) throw new Error('Not a page of this browser');
      return b.tabIdOf(p);
    },
    async openWithPanel(url) {
      const { page, panel, tabId } = await b.openWithPanel(url);
      return { page: wrap(page), panel: wrap(panel), tabId };
    },
    close: () => b.close(),
  };
  return driver;
}

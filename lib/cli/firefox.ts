/**
 * Drives the built Firefox extension in Debian's firefox-esr, headless, with Puppeteer over
 * WebDriver BiDi: the Firefox half of the browser harness (lib/cli/browser.ts is Chromium's). The
 * static server and the network trap are shared; this file only knows how Firefox differs:
 *
 * - the build is installed as a temporary add-on (`browser.installExtension`) at every start; its
 *   `moz-extension://` UUID is fixed by a pref, so its origin (and so its IndexedDB archive) is the
 *   same after a restart on the same profile;
 * - BiDi reports no navigation inside extension pages: those are opened by navigating the browsing
 *   context without waiting, then waiting for the document to be complete;
 * - optional-permission prompts are answered yes by a pref (a headless browser has no doorhanger);
 * - the proxy goes in prefs, with loopback left direct, so that everything else the browser tries
 *   to reach ends in the trap.
 *
 * Node-only, never bundled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { DriverBrowser, DriverPage } from './driver';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Where the Firefox e2e build lands (`wxt build -b firefox --mode e2e`), relative to the project root. */
export const FIREFOX_E2E_BUILD = '.output/firefox-mv2-e2e';
/** The add-on's fixed internal UUID in test profiles (any UUID will do; it must only stay the same). */
export const FIREFOX_UUID = '6f1d3c2a-8e4b-4b7a-9c55-0b5e2a4c1d2e';

export interface FirefoxLaunchOptions {
  extensionPath: string;
  /** Reuse a profile (to test a restart); a fresh temporary one otherwise. */
  userDataDir?: string;
  /** Send everything but loopback through this proxy (lib/cli/browser.ts `trapNetwork`). */
  proxyPort?: number;
  /** Send loopback through the proxy too (a trap with `forwardLoopback` records and forwards it). */
  proxyLoopback?: boolean;
}

export interface FirefoxBrowser extends DriverBrowser {
  name: 'firefox';
  browser: Browser;
  /** `moz-extension://<uuid>` */
  extensionOrigin: string;
  userDataDir: string;
  /** What Firefox printed (its console: warnings and errors of the browser and the extension). */
  log: string[];
}

/**
 * Firefox's own services, which it contacts whatever the extension does (remote settings and their
 * signatures, captive-portal and connectivity checks, push, safe browsing lists, updates,
 * telemetry). The extension's pages run under a CSP that allows no such host, and anything of ours
 * would show here under another name.
 */
const FIREFOX_SERVICES =
  /^(CONNECT |[A-Z]+ https?:\/\/)(firefox\.settings\.services\.mozilla\.com|content-signature-2\.cdn\.mozilla\.net|push\.services\.mozilla\.com|detectportal\.firefox\.com|shavar\.services\.mozilla\.com|aus5\.mozilla\.org|incoming\.telemetry\.mozilla\.org|location\.services\.mozilla\.com|normandy\.cdn\.mozilla\.net|classify-client\.services\.mozilla\.com|tracking-protection\.cdn\.mozilla\.net|safebrowsing\.googleapis\.com)[:/]/;

/** What the proxy caught that is not one of Firefox's own services. */
export function notFirefoxServices(attempts: string[]): string[] {
  return attempts.filter((a) => !FIREFOX_SERVICES.test(a));
}

function geckoId(extensionPath: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionPath}/manifest.json has no browser_specific_settings.gecko.id: is it the Firefox build?`);
  return id;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a moz-extension:// URL in a page: BiDi reports no navigation there, so wait on the document instead. */
async function navigateExtensionPage(page: Page, url: string): Promise<void> {
  // The BiDi frame's browsing context is not in Puppeteer's public types.
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'none'): Promise<unknown> } };
  await frame.browsingContext.navigate(url, 'none');
  // The old document may still be there for a moment: wait until the new one is the one complete.
  await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', { timeout: 30_000 }, url);
}

function puppeteerPage(page: Page, extensionOrigin: string): DriverPage {
  const isExtension = () => page.url().startsWith(extensionOrigin);
  return {
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    click: async (selector) => {
      await page.waitForSelector(selector, { visible: true, timeout: 30_000 });
      await page.click(selector);
    },
    fill: async (selector, text) => {
      await page.waitForSelector(selector, { visible: true, timeout: 30_000 });
      await page.$eval(selector, (e) => (e as HTMLInputElement).select?.());
      await page.keyboard.press('Backspace');
      await page.type(selector, text);
    },
    waitFor: async (selector, timeout = 30_000) => void (await page.waitForSelector(selector, { visible: true, timeout })),
    waitForText: async (text, timeout = 30_000) => void (await page.waitForFunction((t: string) => document.body?.innerText.includes(t) ?? false, { timeout }, text)),
    waitUntil: async (fn, arg, timeout = 30_000) => void (await page.waitForFunction(fn as (a: unknown) => unknown, { timeout }, arg)),
    text: (selector) => page.$(selector).then((h) => (h ? h.evaluate((e) => e.textContent) : null)),
    count: async (selector) => (await page.$$(selector)).length,
    goto: async (url) => {
      if (url.startsWith(extensionOrigin)) await navigateExtensionPage(page, url);
      else await page.goto(url);
    },
    reload: async () => {
      if (isExtension()) await navigateExtensionPage(page, page.url());
      else await page.reload();
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** Starts firefox-esr headless with the built extension installed as a temporary add-on. */
export async function launchFirefoxWithExtension(opts: FirefoxLaunchOptions): Promise<FirefoxBrowser> {
  const extensionPath = resolve(opts.extensionPath);
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}. Run "npm run build:e2e:firefox" first.`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox is not installed at ${FIREFOX}. On Debian: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  }
  const ownProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'backstory-firefox-')));
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId(extensionPath)]: FIREFOX_UUID }),
    // No doorhanger in a headless browser: an optional-permission request is granted.
    'extensions.webextOptionalPermissionPrompts': false,
  };
  if (opts.proxyPort) {
    Object.assign(prefs, {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': opts.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': opts.proxyPort,
      'network.proxy.no_proxies_on': opts.proxyLoopback ? '' : 'localhost, 127.0.0.1',
      'network.proxy.allow_hijacking_localhost': !!opts.proxyLoopback,
      'network.proxy.share_proxy_settings': true,
    });
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir,
    dumpio: process.env.BACKSTORY_FIREFOX_LOG === '1',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs,
    defaultViewport: { width: 1200, height: 900 },
  });
  const log: string[] = [];
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) stream?.on('data', (chunk: Buffer) => void log.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  await browser.installExtension(extensionPath);
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  const requests: string[] = [];
  let control: Page | null = null;

  async function newPage(): Promise<Page> {
    const p = await browser.newPage();
    p.on('request', (r) => void requests.push(r.url()));
    return p;
  }

  const driver: FirefoxBrowser = {
    name: 'firefox',
    browser,
    extensionOrigin,
    userDataDir,
    requests,
    log,
    async newTab(url) {
      const p = await newPage();
      await p.goto(url);
      return puppeteerPage(p, extensionOrigin);
    },
    async openExtensionPage(path, viewport) {
      const p = await newPage();
      if (viewport) await p.setViewport(viewport);
      await navigateExtensionPage(p, `${extensionOrigin}/${path}`);
      return puppeteerPage(p, extensionOrigin);
    },
    async tabIdOf(page) {
      // Asked from an extension page of our own, kept open for such questions.
      if (!control) {
        control = await newPage();
        await navigateExtensionPage(control, `${extensionOrigin}/options.html`);
      }
      const url = page.url();
      for (let i = 0; i < 50; i++) {
        const id = await control.evaluate(async (u: string) => {
          const tabs = await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({});
          const shown = tabs.find((t) => t.url === u)?.id;
          if (shown !== undefined) return shown;
          // Without the "tabs" permission Firefox hides the address of a site the extension has no
          // access to yet: the page is then the newest tab whose address is hidden.
          const hidden = tabs.filter((t) => t.url === undefined && t.id !== undefined).map((t) => t.id!);
          return hidden.length ? Math.max(...hidden) : null;
        }, url);
        if (id !== null) return id;
        await sleep(100);
      }
      throw new Error(`No tab shows ${url}`);
    },
    async openWithPanel(url) {
      const page = await driver.newTab(url);
      const tabId = await driver.tabIdOf(page);
      const panel = await driver.openExtensionPage(`sidepanel.html?tabId=${tabId}`, { width: 420, height: 900 });
      return { page, panel, tabId };
    },
    async close() {
      await browser.close();
      if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return driver;
}

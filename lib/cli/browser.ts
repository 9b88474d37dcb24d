/**
 * Node-only helpers to drive the built extension in Debian's Chromium: a static file server on
 * 127.0.0.1, a proxy that records (and refuses) every request that tries to leave the machine, and
 * a launcher. Used by the end-to-end tests, the demo and the benchmarks. Never bundled.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  /** Every path requested, in order. */
  hits: string[];
  /** Serve this body at this path (in addition to the files under root). */
  route(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      ok(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections?.();
  return new Promise((ok) => server.close(() => ok()));
}

/**
 * Serves files under `root` from 127.0.0.1, on `port` (default: any free one). Paths without an
 * extension fall back to `spaFallback` (if given), so single-page-site fixtures can use pretty URLs.
 */
export async function serveStatic(root: string, spaFallback?: string, port = 0): Promise<StaticServer> {
  const base = resolve(root);
  const routes = new Map<string, { body: string; type: string }>();
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    hits.push(path);
    const routed = routes.get(path);
    if (routed) {
      res.writeHead(200, { 'content-type': routed.type });
      res.end(routed.body);
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base + sep) && file !== base) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && spaFallback && !extname(path)) file = join(base, spaFallback);
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  const bound = await listen(server, port);
  return {
    origin: `http://127.0.0.1:${bound}`,
    hits,
    route(path, body, type = 'text/html; charset=utf-8') {
      routes.set(path, { body, type });
    },
    close: () => closeServer(server),
  };
}

export interface NetworkTrap {
  /** Port of the proxy to hand to Chromium. */
  port: number;
  /** Every request that tried to reach anything but the loopback address. */
  attempts: string[];
  /** With `forwardLoopback`: every plain-http request to this machine the browser sent through the proxy (absolute URLs), forwarded. */
  loopback: string[];
  close(): Promise<void>;
}

/**
 * A proxy that Chromium must use for everything but loopback. It answers nothing: it records the
 * destination and refuses. An empty `attempts` list at the end of a run means nothing in the browser
 * (extension, pages, the browser itself) tried to reach the network.
 */
export async function trapNetwork(opts: { forwardLoopback?: boolean } = {}): Promise<NetworkTrap> {
  const attempts: string[] = [];
  const loopback: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    // A browser told to send loopback through the proxy too (Firefox: `forwardLoopback`) has those
    // requests recorded and forwarded, so that every host it contacts on this machine is seen.
    const target = opts.forwardLoopback ? loopbackUrl(req.url) : null;
    if (target) {
      loopback.push(target.href);
      const headers = { ...req.headers };
      delete headers['proxy-connection'];
      delete headers['proxy-authorization'];
      const out = httpRequest({ host: target.hostname, port: target.port || 80, method: req.method, path: `${target.pathname}${target.search}`, headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      out.on('error', () => res.destroy());
      req.pipe(out);
      return;
    }
    attempts.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    attempts.push(`CONNECT ${req.url}`);
    // The raw socket is ours once 'connect' fires: the browser may reset it after our refusal, and
    // an 'error' without a listener would crash the test run (ECONNRESET).
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  const port = await listen(server);
  return { port, attempts, loopback, close: () => closeServer(server) };
}

/** A proxied request's address when it is plain http to this machine, else null. */
function loopbackUrl(url: string | undefined): URL | null {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(u.hostname) ? u : null;
  } catch {
    return null;
  }
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** Every URL any page, frame or worker of the browser requested, as Playwright saw it. */
  requests: string[];
  /** Opens one of the extension's pages (e.g. "sidepanel.html?tabId=3"). */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** The browser's id of the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** The extension's service worker as it is now (a stopped worker is replaced by a new one). */
  liveWorker(): Worker;
  /** Opens `url` in a tab, and the side panel (as a page pinned to that tab) beside it. */
  openWithPanel(url: string): Promise<{ page: Page; panel: Page; tabId: number }>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionPath: string;
  /** Reuse a profile (to test a restart); a fresh temporary one otherwise. */
  userDataDir?: string;
  proxyPort?: number;
  /**
   * Refuse at once every http(s) request to a host other than this machine (a saved page's remote
   * scripts, images and fonts), instead of letting each one wait for the network to fail.
   */
  refuseRemote?: boolean;
}

/** Whether an address leaves this machine (http(s) to a host other than 127.0.0.1 / localhost / ::1). */
export function isRemote(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

/** Starts Chromium with the built extension loaded, headless, kept off the network. */
/** Flags that keep headless Chromium from calling home (its own services) and from doing needless work. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying',
  '--disable-client-side-phishing-detection',
  '--disable-domain-reliability',
  '--no-pings',
  '--metrics-recording-only',
  '--no-default-browser-check',
];

export async function launchWithExtension(opts: LaunchOptions): Promise<LaunchedBrowser> {
  const extensionPath = resolve(opts.extensionPath);
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}. Run "npm run build:e2e" first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. On Debian: apt-get install -y chromium`);
  }
  const ownProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'backstory-profile-')));
  const args = ['--headless=new', `--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`, ...QUIET_FLAGS];
  if (opts.proxyPort) args.push(`--proxy-server=http://127.0.0.1:${opts.proxyPort}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // '--headless=new' above: the mode in which Chromium runs extensions.
    args,
    viewport: { width: 1200, height: 900 },
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  if (opts.refuseRemote)
    await context.route(
      (u) => isRemote(u.href),
      (route) => route.abort('blockedbyclient'),
    );
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;

  const launched: LaunchedBrowser = {
    context,
    extensionId,
    worker,
    userDataDir,
    requests,
    async openExtensionPage(path, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      const id = await launched.liveWorker().evaluate(async (u: string): Promise<number | null> => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t) => t.url === u)?.id ?? null;
      }, url);
      if (id === null) throw new Error(`No tab shows ${url}`);
      return id;
    },
    liveWorker() {
      return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? worker;
    },
    async openWithPanel(url) {
      const page = await context.newPage();
      await page.goto(url);
      const tabId = await launched.tabIdOf(page);
      const panel = await launched.openExtensionPage(`sidepanel.html?tabId=${tabId}`, { width: 420, height: 900 });
      return { page, panel, tabId };
    },
    async close() {
      await context.close();
      if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return launched;
}

/**
 * Chromium's own background services, which it contacts whatever flags it is given (network time,
 * component and extension updates, account checks). They are the browser's, not the extension's:
 * the extension's pages and worker are recorded separately (Playwright attributes every request to
 * its page or worker), and there nothing may leave the machine at all.
 */
const BROWSER_SERVICES =
  /^(CONNECT |[A-Z]+ https?:\/\/)(update\.googleapis\.com|accounts\.google\.com|clients\d*\.google\.com|content-autofill\.googleapis\.com|optimizationguide-pa\.googleapis\.com)[:/]/;

/** What the proxy caught that is not one of Chromium's own services. */
export function notBrowserServices(attempts: string[]): string[] {
  return attempts.filter((a) => !BROWSER_SERVICES.test(a));
}

/** Addresses that are not the local test server, from a list of requested URLs. */
export function offMachine(urls: string[]): string[] {
  return urls.filter((u) => {
    if (/^(chrome-extension|moz-extension|data|blob|about|chrome):/i.test(u)) return false;
    try {
      const h = new URL(u).hostname;
      return h !== '127.0.0.1' && h !== 'localhost' && h !== '[::1]';
    } catch {
      return true;
    }
  });
}

/** Where the e2e build lands, relative to the project root. */
export const E2E_BUILD = '.output/chrome-mv3-e2e';

/**
 * Opens `pageUrl` in a tab and the side panel (as a page pinned to that tab) beside it, presses
 * "Read this page", and waits until the article's title shows. Returns the milliseconds from the
 * press to the title being visible.
 */
export async function openAndRead(b: LaunchedBrowser, pageUrl: string): Promise<{ page: Page; panel: Page; tabId: number; ms: number }> {
  const opened = await b.openWithPanel(pageUrl);
  return { ...opened, ms: await readInPanel(opened.panel) };
}

/** Presses "Read this page" in an open panel and waits for the outcome; returns the time it took. */
export async function readInPanel(panel: Page, timeout = 30_000): Promise<number> {
  await panel.getByTestId('read-page').waitFor({ timeout });
  const t0 = performance.now();
  await panel.getByTestId('read-page').click();
  await panel.locator('[data-testid="title"], [data-testid="not-article"], [data-testid="unsupported"], [data-testid="error"]').first().waitFor({ timeout });
  return performance.now() - t0;
}

/**
 * One browser session for an end-to-end test file: the fixtures served from 127.0.0.1, a proxy
 * that records anything trying to leave the machine, and Chromium with the e2e build loaded.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E_BUILD, launchWithExtension, notBrowserServices, offMachine, serveStatic, trapNetwork, type LaunchedBrowser, type NetworkTrap, type StaticServer } from '../../lib/cli/browser';

export const FIXTURES = resolve('test/fixtures');
export const SEED = 'seed/inkl-independent-ukraine-reassurance-force.html';

/**
 * What a test file's browser session holds in either browser: the fixtures' server, the network
 * trap, a profile kept across restarts. `launch()` starts the browser on that profile.
 */
export abstract class BrowserSession<B extends { close(): Promise<void> }> {
  server!: StaticServer;
  trap!: NetworkTrap;
  profile!: string;
  b!: B;
  /** Whether the trap forwards (and records) the browser's requests to this machine: only a browser told to send them to it does. */
  protected forwardLoopback = false;

  async start(): Promise<void> {
    this.server = await serveStatic(FIXTURES, 'e2e/spa.html');
    this.trap = await trapNetwork({ forwardLoopback: this.forwardLoopback });
    this.profile = await mkdtemp(join(tmpdir(), 'backstory-e2e-'));
    await this.launch();
  }

  /** Starts the browser (again) on the same profile. */
  abstract launch(): Promise<void>;

  /** Called with the closed browser before it is started again. */
  protected closed(_b: B): void {}

  async restart(): Promise<void> {
    await this.b.close();
    this.closed(this.b);
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.b?.close();
    await this.server?.close();
    await this.trap?.close();
    if (this.profile) await rm(this.profile, { recursive: true, force: true });
  }
}

export class Session extends BrowserSession<LaunchedBrowser> {
  /** Every request any page or worker made, across restarts. */
  readonly requests: string[] = [];

  async launch(): Promise<void> {
    this.b = await launchWithExtension({ extensionPath: resolve(E2E_BUILD), userDataDir: this.profile, proxyPort: this.trap.port });
    this.b.context.on('request', (r) => this.requests.push(r.url()));
  }

  /** Opens a fixture in a tab, and the side panel (as a page pinned to that tab) beside it. */
  openWithPanel(path: string): Promise<{ page: Page; panel: Page; tabId: number }> {
    return this.b.openWithPanel(`${this.server.origin}/${path}`);
  }

  /**
   * Asserts that nothing but the test server was contacted by any page or worker, and that the proxy
   * saw nothing but Chromium's own background services. Checks first that the recording works: a
   * request from the extension's own worker must show up in it.
   */
  async expectNoNetworkOfItsOwn(): Promise<void> {
    const probe = `${this.server.origin}/recording-probe`;
    await this.b.liveWorker().evaluate((u: string) => fetch(u).then((r) => r.status), probe);
    await expect.poll(() => this.requests.includes(probe)).toBe(true);
    expect(offMachine(this.requests)).toEqual([]);
    expect(notBrowserServices(this.trap.attempts)).toEqual([]);
  }
}

/** The archive's article count, asked from one of the extension's pages. */
export async function archiveTotal(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ kind: 'archive/list', payload: { offset: 0, limit: 10 } })) as { ok: boolean; value: { total: number } };
    return r.value.total;
  });
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The text of the hover card. Its shadow root is closed to the page, so it is read through the DevTools protocol. */
export async function cardText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const texts: string[] = [];
    const walk = (n: CdpNode, inCard: boolean) => {
      const here = inCard || n.nodeName.toLowerCase() === 'backstory-card';
      if (here && n.nodeType === 3) texts.push(n.nodeValue);
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) if (c.nodeName.toLowerCase() !== 'style') walk(c, here);
    };
    walk(root, false);
    return texts.join(' ');
  } finally {
    await cdp.detach();
  }
}

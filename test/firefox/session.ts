/**
 * One Firefox session for a test file: the fixtures served from 127.0.0.1, the same proxy as the
 * Chromium harness recording anything that tries to leave the machine, and firefox-esr with the
 * Firefox e2e build installed. Firefox's twin of test/e2e/session.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { offMachine, serveStatic, trapNetwork, type NetworkTrap, type StaticServer } from '../../lib/cli/browser';
import { askBackground, type DriverPage } from '../../lib/cli/driver';
import { FIREFOX_E2E_BUILD, launchFirefoxWithExtension, notFirefoxServices, type FirefoxBrowser } from '../../lib/cli/firefox';

export const FIXTURES = resolve('test/fixtures');
export const SEED = 'seed/inkl-independent-ukraine-reassurance-force.html';
/** An address no machine answers: a page that asks for it proves the proxy sees what leaves. */
const PROBE = 'http://recording-probe.backstory.invalid/';

export class FirefoxSession {
  server!: StaticServer;
  trap!: NetworkTrap;
  profile!: string;
  b!: FirefoxBrowser;
  /** Every request a page opened by the tests made, across restarts. */
  readonly requests: string[] = [];
  /** What Firefox printed before the last restart, shutdown included. */
  previousLog: string[] = [];

  async start(): Promise<void> {
    this.server = await serveStatic(FIXTURES, 'e2e/spa.html');
    this.trap = await trapNetwork();
    this.profile = await mkdtemp(join(tmpdir(), 'backstory-firefox-e2e-'));
    await this.launch();
  }

  /** Starts Firefox (again) on the same profile. */
  async launch(): Promise<void> {
    this.b = await launchFirefoxWithExtension({ extensionPath: resolve(FIREFOX_E2E_BUILD), userDataDir: this.profile, proxyPort: this.trap.port });
  }

  async restart(): Promise<void> {
    this.requests.push(...this.b.requests);
    await this.b.close();
    this.previousLog = this.b.log;
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.b?.close();
    await this.server?.close();
    await this.trap?.close();
    if (this.profile) await rm(this.profile, { recursive: true, force: true });
  }

  openWithPanel(path: string): Promise<{ page: DriverPage; panel: DriverPage; tabId: number }> {
    return this.b.openWithPanel(`${this.server.origin}/${path}`);
  }

  /**
   * Asserts that the pages asked for nothing but the test server, and that the proxy saw nothing but
   * Firefox's own services. Checks first that the proxy is in the way: a page's request for an
   * address off the machine must show up in it.
   */
  async expectNoNetworkOfItsOwn(): Promise<void> {
    const page = await this.b.newTab(`${this.server.origin}/e2e/not-article.html`);
    await page.evaluate((u: string) => fetch(u, { mode: 'no-cors' }).then(() => 0, () => 0), PROBE);
    await expect.poll(() => this.trap.attempts.some((a) => a.includes('recording-probe.backstory.invalid'))).toBe(true);
    await page.close();
    const pages = [...this.requests, ...this.b.requests].filter((u) => u !== PROBE);
    expect(offMachine(pages).filter((u) => !u.startsWith('moz-extension:'))).toEqual([]);
    expect(notFirefoxServices(this.trap.attempts).filter((a) => !a.includes('recording-probe.backstory.invalid'))).toEqual([]);
  }
}

/** The archive's article count, asked from one of the extension's pages. */
export async function archiveTotal(page: DriverPage): Promise<number> {
  const r = await askBackground<{ total: number }>(page, 'archive/list', { offset: 0, limit: 10 });
  if (!r.ok) throw new Error(r.error);
  return r.value.total;
}

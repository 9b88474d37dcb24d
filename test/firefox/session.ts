/**
 * One Firefox session for a test file: the fixtures served from 127.0.0.1, the same proxy as the
 * Chromium harness recording anything that tries to leave the machine, and firefox-esr with the
 * Firefox e2e build installed. Firefox's twin of test/e2e/session.ts.
 */
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { offMachine } from '../../lib/cli/browser';
import { askBackground, type DriverPage } from '../../lib/cli/driver';
import { FIREFOX_E2E_BUILD, launchFirefoxWithExtension, notFirefoxServices, type FirefoxBrowser } from '../../lib/cli/firefox';
import { BrowserSession } from '../e2e/session';

export { FIXTURES, SEED } from '../e2e/session';

/** An address no machine answers: a page that asks for it proves the proxy sees what leaves. */
const PROBE = 'http://recording-probe.backstory.invalid/';

export class FirefoxSession extends BrowserSession<FirefoxBrowser> {
  /** Every request a page opened by the tests made, across restarts. */
  readonly requests: string[] = [];
  /** What Firefox printed before the last restart, shutdown included. */
  previousLog: string[] = [];

  /**
   * With `recordLoopback`, Firefox sends its requests to this machine through the trap too, which
   * records and forwards them (`trap.loopback`): the add-on's background requests, which the driver
   * cannot see, are then seen there, beside the pages'.
   */
  constructor(opts: { recordLoopback?: boolean } = {}) {
    super();
    this.forwardLoopback = !!opts.recordLoopback;
  }

  async launch(): Promise<void> {
    this.b = await launchFirefoxWithExtension({ extensionPath: resolve(FIREFOX_E2E_BUILD), userDataDir: this.profile, proxyPort: this.trap.port, proxyLoopback: this.forwardLoopback });
  }

  protected override closed(b: FirefoxBrowser): void {
    this.requests.push(...b.requests);
    this.previousLog = b.log;
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
    await page.evaluate(
      (u: string) =>
        fetch(u, { mode: 'no-cors' }).then(
          () => 0,
          () => 0,
        ),
      PROBE,
    );
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

/**
 * End to end, issue #23: sync between a Chromium profile and a Firefox profile through a
 * CouchDB-compatible server on 127.0.0.1 (the scenario is test/sync-scenario.ts, which
 * test/e2e/sync.test.ts runs with two Chromium profiles). Needs both e2e builds: `npm run
 * test:firefox` makes them.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumDriver, type DriverBrowser } from '../../lib/cli/driver';
import { syncScenario } from '../sync-scenario';
import { Session } from '../e2e/session';
import { FirefoxSession } from './session';

const chromium = new Session();
const firefox = new FirefoxSession();
let chromiumPages: DriverBrowser | null = null;

beforeAll(async () => {
  await chromium.start();
  await firefox.start();
});
afterAll(async () => {
  await chromium.stop();
  await firefox.stop();
});

describe('sync between a Chromium profile and a Firefox profile', () => {
  syncScenario(
    ['Chromium', 'Firefox'],
    {
      driver: () => (chromiumPages ??= chromiumDriver(chromium.b)),
      fixtures: () => chromium.server.origin,
      extensionRequests: () => chromium.requests,
    },
    {
      driver: () => firefox.b,
      fixtures: () => firefox.server.origin,
      // The Firefox driver records the pages it opens, not the add-on's background page: there the
      // server's own request log and the proxy (nothing off the machine) stand in.
      extensionRequests: () => null,
    },
  );

  it('sent nothing off the machine from either browser (the proxy saw only the browsers’ own services)', async () => {
    await chromium.expectNoNetworkOfItsOwn();
    await firefox.expectNoNetworkOfItsOwn();
  });
});

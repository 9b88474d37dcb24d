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
// Firefox's requests to this machine go through the trap, which records them: the add-on's included.
const firefox = new FirefoxSession({ recordLoopback: true });
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
      // Every request Firefox sent to this machine (pages and the add-on's background page alike),
      // as the trap recorded and forwarded it; what left the machine is checked below.
      extensionRequests: () => firefox.trap.loopback,
    },
  );

  it('sent nothing off the machine from either browser (the proxy saw only the browsers’ own services)', async () => {
    await chromium.expectNoNetworkOfItsOwn();
    await firefox.expectNoNetworkOfItsOwn();
  });
});

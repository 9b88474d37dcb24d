/**
 * End to end, issue #23: sync between two Chromium profiles through a CouchDB-compatible server on
 * 127.0.0.1 (the scenario is test/sync-scenario.ts; test/firefox/sync.test.ts runs it with Firefox).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { chromiumDriver, type DriverBrowser } from '../../lib/cli/driver';
import { syncScenario, type SyncDevice } from '../sync-scenario';
import { Session } from './session';

function device(s: Session): SyncDevice & { driverOf: DriverBrowser | null } {
  const d = {
    driverOf: null as DriverBrowser | null,
    driver: () => (d.driverOf ??= chromiumDriver(s.b)),
    fixtures: () => s.server.origin,
    extensionRequests: () => s.requests,
  };
  return d;
}

const a = new Session();
const b = new Session();
beforeAll(async () => {
  await a.start();
  await b.start();
});
afterAll(async () => {
  await a.stop();
  await b.stop();
});

describe('sync between two Chromium profiles', () => {
  syncScenario(['Chromium', 'Chromium'], device(a), device(b));

  it('sent nothing off the machine from either profile', async () => {
    await a.expectNoNetworkOfItsOwn();
    await b.expectNoNetworkOfItsOwn();
  });
});

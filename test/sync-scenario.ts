/**
 * Sync between two browser profiles (issue #23), written once over the driver interface
 * (lib/cli/driver.ts) and run as Chromium + Chromium (test/e2e/sync.test.ts) and Chromium + Firefox
 * (test/firefox/sync.test.ts), against a CouchDB-compatible server (express-pouchdb, test/sync-server.ts)
 * started on 127.0.0.1 by the test. Sync is turned on in each options page as a reader does it; the
 * cycles after that are asked for with the options page's "Sync now", whose request is the one the
 * alarm and the after-a-change timer run.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { askBackground, readWithPanel, testId, type DriverBrowser, type DriverPage } from '../lib/cli/driver';
import type { SyncView } from '../lib/messaging/protocol';
import type { SavedArticle } from '../lib/types';
import { startCouch, startGate, type TestCouch } from './sync-server';

export const SEED = 'seed/inkl-independent-ukraine-reassurance-force.html';
const OTHER = 'e2e/coverage/genoa-toll.html';
const THIRD = 'e2e/coverage/baltimore-bridge.html';
const AUTH = { username: 'reader', password: 'couch secret 42' };
const PASSPHRASE = 'tangerine orbit quietly seventeen';
const DB = 'backstory';

export interface SyncDevice {
  driver(): DriverBrowser;
  /** The fixtures' server ("http://127.0.0.1:port"). */
  fixtures(): string;
  /** Every address the extension's own pages and worker requested, when the driver records its worker (Chromium); null otherwise. */
  extensionRequests(): string[] | null;
}

async function ask<T>(page: DriverPage, kind: string, payload: unknown): Promise<T> {
  const r = await askBackground<T>(page, kind, payload);
  if (!r.ok) throw new Error(`${kind}: ${r.error}`);
  return r.value;
}

type StoredSettings = { highlights?: boolean; allClaims?: boolean };
type LocalStorageApi = { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } };

/** The settings as an extension page reads them from the extension's storage (Chrome's `chrome`, Firefox's `browser`). */
async function settingsOf(page: DriverPage): Promise<StoredSettings> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: LocalStorageApi; chrome: LocalStorageApi };
    const api = g.browser ?? g.chrome;
    return ((await api.storage.local.get('settings')).settings ?? {}) as StoredSettings;
  }, null);
}

async function changeSettings(page: DriverPage, change: StoredSettings): Promise<void> {
  await page.evaluate(async (c) => {
    const g = globalThis as unknown as { browser?: LocalStorageApi; chrome: LocalStorageApi };
    const api = g.browser ?? g.chrome;
    const now = ((await api.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await api.storage.local.set({ settings: { ...now, ...c } });
  }, change);
}

/** A cycle now, from the options page's button; resolves with the state it ends in. */
async function syncNow(options: DriverPage): Promise<SyncView> {
  const view = await ask<SyncView>(options, 'sync/now', {});
  return view;
}

async function readAndSave(d: SyncDevice, path: string): Promise<void> {
  const { page, panel } = await d.driver().openWithPanel(`${d.fixtures()}/${path}`);
  await readWithPanel(panel);
  await panel.click(testId('save'));
  await panel.waitForText('✓ Saved');
  await panel.close();
  await page.close();
}

async function records(options: DriverPage): Promise<SavedArticle[]> {
  const list = await ask<{ items: { id: number }[] }>(options, 'archive/list', { offset: 0, limit: 100 });
  const out: SavedArticle[] = [];
  for (const it of list.items) {
    const r = await ask<SavedArticle | null>(options, 'archive/get', { id: it.id });
    if (r) out.push(r);
  }
  return out;
}

/** The options page opened afresh (Firefox over BiDi does not reload an extension page reliably). */
async function reopen(d: SyncDevice, page: DriverPage): Promise<DriverPage> {
  await page.close();
  return d.driver().openExtensionPage('options.html');
}

const byUrl = (recs: SavedArticle[], url: string) => recs.find((r) => r.url === url) ?? null;

/** Fills in the options page's sync form and presses "Turn sync on"; waits for the outcome. */
async function turnOn(options: DriverPage, url: string, passphrase: string): Promise<void> {
  await options.waitFor(testId('sync-form'));
  await options.fill(testId('sync-url'), url);
  await options.fill(testId('sync-user'), AUTH.username);
  await options.fill(testId('sync-password'), AUTH.password);
  await options.fill(testId('sync-passphrase'), passphrase);
  await options.click(testId('sync-on'));
  // The message while it works is "Turning sync on…"; then either the state or a refusal.
  await options.waitUntil(
    () => {
      const m = document.querySelector('[data-testid="sync-message"] h2')?.textContent ?? '';
      return m && !m.endsWith('…');
    },
    null,
    90_000,
  );
}

export function syncScenario(label: [string, string], a: SyncDevice, b: SyncDevice): void {
  let couch: TestCouch;
  /** The first profile's own way to the server: stopping it takes that profile offline while the server stays up. */
  let gateA: TestCouch;
  let optA: DriverPage;
  let optB: DriverPage;
  let seedUrl = '';
  const address = () => `${couch.origin}/${DB}`;
  const addressA = () => `${gateA.origin}/${DB}`;

  beforeAll(async () => {
    couch = await startCouch(AUTH);
    gateA = await startGate(couch);
  });
  afterAll(async () => {
    await gateA?.close();
    await couch?.close();
  });

  it(`contacts no server while sync is off (${label[0]})`, async () => {
    await readAndSave(a, SEED);
    optA = await a.driver().openExtensionPage('options.html');
    optB = await b.driver().openExtensionPage('options.html');
    await optA.waitFor(testId('sync-form'));
    await optB.waitFor(testId('sync-form'));
    expect((await ask<SyncView>(optA, 'sync/state', {})).on).toBe(false);
    expect(couch.requests).toEqual([]);
    expect(gateA.requests).toEqual([]);
    seedUrl = (await records(optA))[0]!.url;
  });

  it(`turns on in the options of the ${label[0]} profile and sends the archive, encrypted`, async () => {
    await turnOn(optA, addressA(), PASSPHRASE);
    expect(await optA.text(testId('sync-message'))).toContain('Sync is on');
    await optA.waitFor(testId('sync-on-state'));
    await optA.waitUntil(() => /Last synced/.test(document.querySelector('[data-testid="sync-last"]')?.textContent ?? ''), null);
    expect(await optA.text(testId('sync-pending'))).toContain('Nothing waiting');
    const view = await ask<SyncView>(optA, 'sync/state', {});
    expect(view.server).toEqual({ url: addressA(), username: AUTH.username });
    expect(view.state?.lastError).toBeNull();
    expect(couch.requests.length).toBeGreaterThan(0);
  });

  it(`a second profile (${label[1]}) with a wrong passphrase is told so, and nothing changes there or on the server`, async () => {
    const raw = await couch.rawStorage();
    await turnOn(optB, address(), 'tangerine orbit quietly eighteen');
    expect(await optB.text(testId('sync-message'))).toContain('That passphrase does not open the archive on this server');
    expect(await optB.text(testId('sync-message'))).toContain('Nothing was changed');
    expect((await ask<SyncView>(optB, 'sync/state', {})).on).toBe(false);
    expect(await records(optB)).toEqual([]);
    expect(await couch.rawStorage()).toBe(raw);
  });

  it(`the second profile joins with the same address and passphrase, and the save appears there`, async () => {
    optB = await reopen(b, optB);
    await turnOn(optB, address(), PASSPHRASE);
    expect(await optB.text(testId('sync-message'))).toContain('Sync is on');
    const got = await records(optB);
    expect(got.map((r) => r.url)).toEqual([seedUrl]);
    const mine = byUrl(await records(optA), seedUrl)!;
    expect(got[0]!.title).toBe(mine.title);
    expect(got[0]!.paragraphs).toEqual(mine.paragraphs);
    expect(got[0]!.claims?.length).toBe(mine.claims?.length);
  });

  it('a save on the second appears on the first', async () => {
    await readAndSave(b, OTHER);
    expect((await syncNow(optB)).state?.lastError).toBeNull();
    expect((await syncNow(optA)).state?.lastError).toBeNull();
    const onA = await records(optA);
    expect(onA.length).toBe(2);
    expect(onA.some((r) => r.url.includes('genoa') || r.title.toLowerCase().includes('genoa'))).toBe(true);
  });

  it('a review made while the first profile is offline reaches the other after reconnecting, and the state says what went wrong in words', async () => {
    const rec = byUrl(await records(optA), seedUrl)!;
    const claim = rec.claims![0]!;
    // Only the first profile loses the network: the server stays up, and the second syncs meanwhile.
    await gateA.stop();
    await ask(optA, 'archive/review', { articleId: rec.id, claimId: claim.id, review: { status: 'disputed', note: 'Offline note: checked later.', evidence: [] } });
    const down = await syncNow(optA);
    expect(down.state?.lastError).toMatch(/could not be reached\. Backstory will try again; nothing is lost meanwhile\./);
    expect(down.state?.pending).toBeGreaterThan(0);
    expect((await syncNow(optB)).state?.lastError).toBeNull();
    expect(byUrl(await records(optB), seedUrl)!.claims!.find((c) => c.id === claim.id)!.review?.note).not.toBe('Offline note: checked later.');
    optA = await reopen(a, optA);
    await optA.waitFor(testId('sync-error'));
    expect(await optA.text(testId('sync-error'))).toContain('could not be reached');
    await gateA.start();
    expect((await syncNow(optA)).state?.lastError).toBeNull();
    expect((await syncNow(optB)).state?.lastError).toBeNull();
    const onB = byUrl(await records(optB), seedUrl)!;
    const review = onB.claims!.find((c) => c.id === claim.id)!.review;
    expect(review?.status).toBe('disputed');
    expect(review?.note).toBe('Offline note: checked later.');
  });

  it('a delete propagates, and undo brings the article back on both', async () => {
    const recA = byUrl(await records(optA), seedUrl)!;
    const deleted = await ask<SavedArticle>(optA, 'archive/delete', { id: recA.id });
    await syncNow(optA);
    await syncNow(optB);
    expect(byUrl(await records(optB), seedUrl)).toBeNull();
    await ask(optA, 'archive/restore', { record: deleted });
    await syncNow(optA);
    await syncNow(optB);
    const back = byUrl(await records(optB), seedUrl);
    expect(back?.title).toBe(recA.title);
    expect(back?.claims?.find((c) => c.review)?.review?.note).toBe('Offline note: checked later.');
  });

  it('two conflicting reviews and tags end as the import rule says on both: the newer review wins, tags are united', async () => {
    const onA = byUrl(await records(optA), seedUrl)!;
    const onB = byUrl(await records(optB), seedUrl)!;
    const claimId = onA.claims!.find((c) => c.review)!.id;
    await ask(optA, 'archive/review', { articleId: onA.id, claimId, review: { status: 'verified', note: 'Older review, first profile.', evidence: [] } });
    await ask(optA, 'archive/tag', { ids: [onA.id], add: ['ukraine desk'], remove: [] });
    await new Promise((r) => setTimeout(r, 50));
    await ask(optB, 'archive/review', { articleId: onB.id, claimId, review: { status: 'false', note: 'Newer review, second profile.', evidence: [] } });
    await ask(optB, 'archive/tag', { ids: [onB.id], add: ['follow up'], remove: [] });
    await syncNow(optA);
    await syncNow(optB);
    await syncNow(optA);
    await syncNow(optB);
    for (const o of [optA, optB]) {
      const r = byUrl(await records(o), seedUrl)!;
      expect(r.claims!.find((c) => c.id === claimId)!.review?.note).toBe('Newer review, second profile.');
      expect([...(r.tags ?? [])].sort()).toEqual(['follow up', 'ukraine desk']);
    }
    // The reader is told which reviews conflicted and which one was kept.
    const conflicts = [...((await ask<SyncView>(optA, 'sync/state', {})).state?.conflicts ?? []), ...((await ask<SyncView>(optB, 'sync/state', {})).state?.conflicts ?? [])];
    expect(conflicts.some((c) => c.title === onA.title)).toBe(true);
    // Also where the reader reviews claims: the archive's claims page.
    const where = (await ask<SyncView>(optA, 'sync/state', {})).state?.conflicts.length ? a : b;
    const claimsPage = await where.driver().openExtensionPage('archive.html#/claims');
    await claimsPage.waitFor(testId('claims-sync-conflicts'));
    expect(await claimsPage.text(testId('claims-sync-conflicts'))).toContain(onA.title);
    await claimsPage.close();
  });

  it('settings ticked as shared on both profiles travel both ways', async () => {
    for (const o of [optA, optB]) {
      await o.click(testId('sync-share-reading'));
      await o.waitUntil((sel) => (document.querySelector(sel) as HTMLInputElement | null)?.checked === true, testId('sync-share-reading'));
    }
    expect((await settingsOf(optB)).allClaims ?? false).toBe(false);
    await syncNow(optA);
    await syncNow(optB);
    await changeSettings(optA, { allClaims: true, highlights: false });
    await syncNow(optA);
    await syncNow(optB);
    expect(await settingsOf(optB)).toMatchObject({ allClaims: true, highlights: false });
    await changeSettings(optB, { highlights: true });
    await syncNow(optB);
    await syncNow(optA);
    expect(await settingsOf(optA)).toMatchObject({ allClaims: true, highlights: true });
  });

  it('the server stopped in the middle of a sync (a push, then a pull) loses nothing and doubles nothing', async () => {
    await readAndSave(a, THIRD);
    let stopped = false;
    couch.onRequest = (req) => {
      if (!stopped && req.method === 'POST' && /_bulk_docs/.test(req.url ?? '')) {
        stopped = true;
        void couch.stop();
      }
    };
    const cut = await syncNow(optA);
    couch.onRequest = null;
    expect(stopped).toBe(true);
    expect(cut.state?.lastError).toMatch(/could not be reached/);
    await couch.start();
    expect((await syncNow(optA)).state?.lastError).toBeNull();
    // Then in the middle of the second profile's pull: stopped when it asks for the documents.
    let cutPull = false;
    couch.onRequest = (req) => {
      if (!cutPull && /_bulk_get/.test(req.url ?? '')) {
        cutPull = true;
        void couch.stop();
      }
    };
    const cutB = await syncNow(optB);
    couch.onRequest = null;
    expect(cutPull).toBe(true);
    expect(cutB.state?.lastError).toMatch(/could not be reached/);
    expect((await records(optB)).length).toBe(2);
    await couch.start();
    expect((await syncNow(optB)).state?.lastError).toBeNull();
    const [ra, rb] = [await records(optA), await records(optB)];
    expect(rb.map((r) => r.url).sort()).toEqual(ra.map((r) => r.url).sort());
    expect(new Set(rb.map((r) => r.url)).size).toBe(rb.length);
    expect(rb.length).toBe(3);
  });

  it('the server holds none of the articles’ words, titles, addresses or tags, and was the only host contacted', async () => {
    const all = await records(optA);
    const secrets = new Set<string>();
    for (const r of all) {
      secrets.add(r.title);
      secrets.add(r.url);
      secrets.add(new URL(r.url).pathname);
      for (const t of r.tags ?? []) secrets.add(t);
      for (const c of r.claims ?? []) if (c.review?.note) secrets.add(c.review.note);
      // Words of seven letters or more: a shorter one could turn up by chance in base64.
      for (const w of [r.title, ...r.paragraphs].join(' ').match(/\p{L}{7,}/gu) ?? []) secrets.add(w);
    }
    expect(secrets.size).toBeGreaterThan(100);
    const raw = await couch.rawStorage();
    expect(raw.length).toBeGreaterThan(10_000);
    expect([...secrets].filter((s) => raw.includes(s))).toEqual([]);
    // Nothing on the server's side names an article either: every request was for the one database.
    expect(couch.requests.filter((r) => !r.url.startsWith(`/${DB}`) && r.url !== '/')).toEqual([]);
    expect(gateA.requests.filter((r) => !r.url.startsWith(`/${DB}`) && r.url !== '/')).toEqual([]);
    for (const [d, server] of [
      [a, gateA.origin],
      [b, couch.origin],
    ] as const) {
      const seen = d.extensionRequests();
      if (!seen) continue;
      const hosts = new Set(seen.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).origin));
      hosts.delete(d.fixtures());
      expect([...hosts]).toEqual([server]);
    }
  });

  it('turning off with the server’s copy deleted stops contact and keeps the archive', async () => {
    // The first profile off too (its copy kept), so that no cycle of its own reaches the server below.
    const offA = await ask<SyncView>(optA, 'sync/off', { deleteRemote: false });
    expect(offA.on).toBe(false);
    expect(await couch.rawStorage()).toContain('backstory-meta');
    const kept = (await records(optB)).length;
    optB = await reopen(b, optB);
    await optB.waitFor(testId('sync-on-state'));
    await optB.click(testId('sync-delete-remote'));
    await optB.click(testId('sync-off'));
    await optB.waitUntil(() => (document.querySelector('[data-testid="sync-message"] h2')?.textContent ?? '') === 'Sync is off', null);
    expect(await optB.text(testId('sync-message'))).toContain('The copy on the server was deleted');
    expect((await records(optB)).length).toBe(kept);
    expect(await couch.rawStorage()).not.toContain('backstory-meta');
    const n = couch.requests.length;
    await ask(optB, 'archive/tag', { ids: [(await records(optB))[0]!.id], add: ['after sync'], remove: [] });
    await new Promise((r) => setTimeout(r, 500));
    expect(couch.requests.length).toBe(n);
    await expect(askBackground(optB, 'sync/now', {})).resolves.toEqual({ ok: false, error: 'Sync is off. Turn it on first.' });
  });
}

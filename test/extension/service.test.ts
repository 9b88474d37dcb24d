import { MESSAGES } from '../../lib/extract/messages';
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveDB } from '../../lib/archive/db';
import { createService, type TabAccess } from '../../lib/background/service';
import { TabStore } from '../../lib/background/tab-store';
import type { Broadcast } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import type { ExtractResult } from '../../lib/types';
import { bridgeArticle, bridgeClaim } from '../support/bridge-story';

const article = bridgeArticle();

const bridge = bridgeClaim;

let n = 0;
let db: ArchiveDB;
let sent: Broadcast[];
let tabUrls: Map<number, string>;
let injected: number[];
let contentPresent: Set<number>;
let refuseInjection: string | null;
let painted: { tabId: number; ids: string[] }[];
let selection: string | null;
let settings: Settings;

function service() {
  const access: TabAccess = {
    url: async (id) => tabUrls.get(id) ?? null,
    reanalyse: async (id) => contentPresent.has(id),
    inject: async (id) => {
      if (refuseInjection) throw new Error(refuseInjection);
      injected.push(id);
      contentPresent.add(id);
    },
    canAccess: async () => false,
    reveal: async () => false,
    revealClaim: async () => false,
    sendClaims: async (id, claims) => {
      painted.push({ tabId: id, ids: claims.map((c) => `${c.id}:${c.review?.status ?? '-'}`) });
    },
    selection: async () => selection,
  };
  return createService({
    db,
    tabs: new TabStore(fakeBrowser.storage.session),
    access,
    analyse: async () => ({ actors: [], mentions: [], claims: [bridge], timings: { analyse: 1 } }),
    storage: undefined,
    notify: (m) => sent.push(m),
    now: () => 1234,
    settings: async () => settings,
  });
}

const sender = (tabId: number, frameId = 0) => ({ tab: { id: tabId } as never, frameId, id: 'x' });
const ok: ExtractResult = { ok: true, article, ms: 5 };

beforeEach(() => {
  fakeBrowser.reset();
  db = new ArchiveDB(`svc-${++n}`);
  sent = [];
  tabUrls = new Map([
    [1, 'https://news.example/story'],
    [2, 'chrome://extensions/'],
  ]);
  injected = [];
  contentPresent = new Set();
  refuseInjection = null;
  painted = [];
  selection = null;
  settings = DEFAULT_SETTINGS;
});
afterEach(async () => {
  await db.delete();
});

describe('background service', () => {
  it('injects the content script once, then asks it to read again; after a reload, injects again without asking', async () => {
    const s = service();
    const first = await s.activate(1);
    expect(first.state.status).toBe('working');
    expect(injected).toEqual([1]);
    await s['content/report']({ url: 'https://news.example/story', result: ok }, sender(1));
    await s.activate(1);
    expect(injected).toEqual([1]);
    expect(sent).toContainEqual({ kind: 'tab/changed', tabId: 1 });
    // A reload unloads the content script: the next read injects it at once.
    await s.navigated(1, 'https://news.example/story');
    contentPresent.delete(1);
    await s.activate(1);
    expect(injected).toEqual([1, 1]);
    // A content script that went away unnoticed is injected again too.
    await s['content/report']({ url: 'https://news.example/story', result: ok }, sender(1));
    contentPresent.delete(1);
    await s.activate(1);
    expect(injected).toEqual([1, 1, 1]);
  });

  it('says a browser page cannot be read, without trying to inject', async () => {
    const s = service();
    const r = await s.activate(2);
    expect(r.state.status).toBe('unsupported');
    expect(injected).toEqual([]);
  });

  it('turns a refused injection into a message the reader can act on', async () => {
    refuseInjection = 'Cannot access contents of url "https://news.example/story". Extension manifest must request permission to access this host.';
    const r = await service().activate(1);
    expect(r.state).toMatchObject({ status: 'error' });
    expect((r.state as { message: string }).message).toMatch(/toolbar button/);
    refuseInjection = 'The extensions gallery cannot be scripted.';
    const blocked = await service().activate(1);
    expect(blocked.state.status).toBe('unsupported');
  });

  it('keeps the report of the top frame, and ignores sub-frames', async () => {
    const s = service();
    await s['content/report']({ url: article.url, result: ok }, sender(1, 3));
    expect((await s['panel/state']({ tabId: 1 })).state.status).toBe('idle');
    const reply = await s['content/report']({ url: article.url, result: ok }, sender(1));
    expect(reply.analysis?.timings.extract).toBe(5);
    const st = await s['panel/state']({ tabId: 1 });
    expect(st.state.status).toBe('ready');
    expect(st.saved).toBeNull();
  });

  it('records a not-article report with its message', async () => {
    const s = service();
    await s['content/report']({ url: article.url, result: { ok: false, reason: 'not-article', message: 'This looks like a list of links.', ms: 1 } }, sender(1));
    const st = await s['panel/state']({ tabId: 1 });
    expect(st.state).toEqual({ status: 'not-article', url: article.url, message: 'This looks like a list of links.' });
  });

  it('gives a refusal without a message the sentence of its reason (the content script sends none)', async () => {
    const s = service();
    await s['content/report']({ url: article.url, result: { ok: false, reason: 'empty', message: '', ms: 1 } }, sender(1));
    const st = await s['panel/state']({ tabId: 1 });
    expect(st.state).toEqual({ status: 'not-article', url: article.url, message: MESSAGES.empty });
  });

  it('saves, updates and removes the tab’s article, keeping one record', async () => {
    const s = service();
    await expect(s['panel/save']({ tabId: 1 })).rejects.toThrow(/no article/);
    await s['content/report']({ url: article.url, result: ok }, sender(1));
    const saved = await s['panel/save']({ tabId: 1 });
    expect(saved.saved).toMatchObject({ savedAt: 1234 });
    await s['panel/save']({ tabId: 1 });
    expect(await db.articles.count()).toBe(1);
    expect(sent).toContainEqual({ kind: 'archive/changed' });
    const removed = await s['panel/remove']({ tabId: 1 });
    expect(removed.saved).toBeNull();
    expect(await db.articles.count()).toBe(0);
  });

  it('forgets a tab’s article on navigation and when the tab closes; state survives a new service (worker restart)', async () => {
    await service()['content/report']({ url: article.url, result: ok }, sender(1));
    // A new service object over the same session storage = a restarted worker.
    const restarted = service();
    expect((await restarted['panel/state']({ tabId: 1 })).state.status).toBe('ready');
    await restarted.navigated(1, 'https://news.example/other');
    expect((await restarted['panel/state']({ tabId: 1 })).state).toEqual({ status: 'idle', url: 'https://news.example/other' });
    await restarted['content/report']({ url: article.url, result: ok }, sender(1));
    await restarted.forgetTab(1);
    expect((await restarted['panel/state']({ tabId: 1 })).state.status).toBe('idle');
  });

  it('saves the article with a claim’s review, repaints the page, and keeps the review when the page is read again', async () => {
    const s = service();
    await s['content/report']({ url: article.url, result: ok }, sender(1));
    await expect(s['panel/review']({ tabId: 1, claimId: 'cbridge', review: { status: 'maybe' as never, note: '', evidence: [] } })).rejects.toThrow(/Choose a status/);
    const st = await s['panel/review']({ tabId: 1, claimId: 'cbridge', review: { status: 'disputed', note: 'The council says June', evidence: ['https://council.example/news'] } });
    expect(st.saved).not.toBeNull();
    expect(st.state.status === 'ready' && st.state.analysis.claims?.[0]?.review).toMatchObject({ status: 'disputed', note: 'The council says June' });
    expect(painted).toEqual([{ tabId: 1, ids: ['cbridge:disputed'] }]);
    expect((await db.claims.toArray()).map((r) => [r.claimId, r.status, r.reviewed])).toEqual([['cbridge', 'disputed', true]]);
    // Read again (reload): the fresh analysis has no review, the saved one is merged in.
    const again = await s['content/report']({ url: article.url, result: ok }, sender(1));
    expect(again.analysis?.claims?.[0]?.review?.status).toBe('disputed');
    // The archive's Claims view lists it and can filter it.
    const listed = await s['archive/claims']({ offset: 0, limit: 10, status: 'disputed' });
    expect(listed.items.map((r) => r.claim.text)).toEqual([bridge.text]);
    expect(listed.speakers).toEqual(['Officials']);
    expect((await s['archive/claims']({ offset: 0, limit: 10, status: 'verified' })).total).toBe(0);
  });

  it('marks the selected text as a missed claim, and says why when it cannot', async () => {
    const s = service();
    await s['content/report']({ url: article.url, result: ok }, sender(1));
    selection = '';
    await expect(s['panel/mark-claim']({ tabId: 1 })).rejects.toThrow(/Select the sentence/);
    selection = 'The mayor denied it.';
    const st = await s['panel/mark-claim']({ tabId: 1 });
    const claims = st.state.status === 'ready' ? (st.state.analysis.claims ?? []) : [];
    expect(claims.map((c) => [c.text, !!c.missed, c.review?.status])).toEqual([
      [bridge.text, false, undefined],
      ['The mayor denied it.', true, 'unverified'],
    ]);
    await expect(s['panel/mark-claim']({ tabId: 1 })).rejects.toThrow(/already lists/);
    expect(await db.articles.count()).toBe(1);
  });

  it('saves every article read when automatic saving is on, except on excluded sites', async () => {
    const s = service();
    await s['content/report']({ url: article.url, result: ok }, sender(1));
    expect(await db.articles.count()).toBe(0); // off by default
    settings = { ...DEFAULT_SETTINGS, autoSave: true, neverSave: ['https://news.example'] };
    await s['content/report']({ url: article.url, result: ok }, sender(1));
    expect(await db.articles.count()).toBe(0);
    settings = { ...DEFAULT_SETTINGS, autoSave: true };
    await s['content/report']({ url: article.url, result: ok }, sender(1));
    const st = await s['panel/state']({ tabId: 1 });
    expect(st.saved).toMatchObject({ savedAt: 1234 });
    expect(await db.claims.count()).toBe(1); // the unverified claim is indexed too
    await s['content/report']({ url: article.url, result: ok }, sender(1));
    expect(await db.articles.count()).toBe(1);
  });

  it('refuses to restore a record that is not one', async () => {
    await expect(service()['archive/restore']({ record: { title: 'x' } as never })).rejects.toThrow(/^That article cannot be put back: it has no “url”\.$/);
  });

  it('answers earlier coverage for the tab’s article, leaving out the article itself once saved', async () => {
    const svc = service();
    expect(await svc['panel/coverage']({ tabId: 1 })).toBeNull();
    await svc['content/report']({ url: article.url, result: ok }, sender(1));
    const empty = await svc['panel/coverage']({ tabId: 1 });
    expect(empty).toMatchObject({ archived: 0, same: [], related: [], statements: [] });
    // Another report of the same story, saved earlier, is found; the tab's own record is not.
    await svc['content/report']({ url: article.url, result: { ok: true, ms: 1, article: { ...article, url: 'https://news.example/earlier', pageUrl: 'https://news.example/earlier' } } }, sender(3));
    await svc['panel/save']({ tabId: 3 });
    await svc['panel/save']({ tabId: 1 });
    const cov = await svc['panel/coverage']({ tabId: 1 });
    expect(cov?.archived).toBe(2);
    const urls = [...cov!.same, ...cov!.related].map((i) => i.url);
    expect(urls).toContain('https://news.example/earlier');
    expect(urls).not.toContain(article.url);
    const saved = await db.articles.where('url').equals(article.url).first();
    const fromArchive = await svc['archive/coverage']({ id: saved!.id! });
    expect([...fromArchive!.same, ...fromArchive!.related].map((i) => i.url)).toEqual(urls);
    expect(await svc['archive/coverage']({ id: 999 })).toBeNull();
  });

  it('searches, tags, deletes several and restores them, telling the archive page each time', async () => {
    const svc = service();
    for (const [tab, slug] of [
      [3, 'a'],
      [4, 'b'],
    ] as const) {
      await svc['content/report'](
        { url: article.url, result: { ok: true, ms: 1, article: { ...article, url: `https://news.example/${slug}`, pageUrl: `https://news.example/${slug}` } } },
        sender(tab),
      );
      await svc['panel/save']({ tabId: tab });
    }
    const found = await svc['archive/search']({ text: 'bridge', offset: 0, limit: 10 });
    expect(found.total).toBe(2);
    await expect(svc['archive/search']({ text: 'the of ', offset: 0, limit: 10 })).rejects.toThrow(/too common/);
    sent = [];
    expect(await svc['archive/tag']({ ids: found.items.map((i) => i.id), add: ['Bridges'], remove: [] })).toEqual({ updated: 2 });
    expect(sent).toContainEqual({ kind: 'archive/changed' });
    expect(await svc['archive/facets']({})).toEqual({ publishers: ['Example News'], tags: ['bridges'] });
    const { records } = await svc['archive/delete-many']({ ids: found.items.map((i) => i.id) });
    expect(records).toHaveLength(2);
    expect(await db.articles.count()).toBe(0);
    await expect(svc['archive/restore-many']({ records: [{ title: 'x' } as never] })).rejects.toThrow(/^That article cannot be put back: it has no “url”\.$/);
    const { ids } = await svc['archive/restore-many']({ records });
    expect(ids.sort()).toEqual(found.items.map((i) => i.id).sort());
    expect((await svc['archive/search']({ tag: 'bridges', offset: 0, limit: 10 })).total).toBe(2);
    await expect(svc['archive/delete-many']({ ids: 'all' as never })).rejects.toThrow(/Choose between/);
  });
});

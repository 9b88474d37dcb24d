/**
 * Least privilege (issue #15): the background checks who sends each request. A content script runs
 * inside web pages, any of which may be hostile: every archive, backup and panel request from it is
 * refused and changes nothing. Every request kind is still served to the pages that need it. The
 * table below has one sample per request kind; a kind added to the protocol without a sample (or
 * without a sender rule) fails here.
 */
import type { SharedGroup } from '../../lib/sync/shared-settings';
import { readFileSync } from 'node:fs';
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitParts } from '../../lib/archive/backup-state';
import { ArchiveDB } from '../../lib/archive/db';
import { FROM_A_PAGE, gate, requestRules, senderKind, type GatedHandlers, type SenderKind } from '../../lib/background/gate';
import { loadMatchModel } from '../../lib/claims-memory/match';
import { createService, NOT_ON_THIS_PAGE, type SyncPort, type TabAccess } from '../../lib/background/service';
import { TabStore } from '../../lib/background/tab-store';
import { REQUEST_KINDS, type Broadcast, type RequestName, type RequestOf } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { Article, SavedArticle } from '../../lib/types';
import { bridgeArticle, bridgeClaim } from '../support/bridge-story';

const BASE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const TAB = 5;

const article = bridgeArticle({ title: 'A story about a bridge', published: '2024-05-01T10:00:00Z', wordCount: 14 });

const bridge = bridgeClaim;

type Sender = { id: string; url?: string; tab?: { id: number }; frameId?: number };
const SENDERS: Record<string, Sender> = {
  /** The content script on the article's tab: a web page's address. */
  content: { id: 'ext', url: 'https://news.example/story', tab: { id: TAB }, frameId: 0 },
  /** Chrome's side panel: the extension's page, no tab. */
  sidePanel: { id: 'ext', url: `${BASE}sidepanel.html` },
  /** The archive page, open in a tab of its own. */
  archivePage: { id: 'ext', url: `${BASE}archive.html#/backup`, tab: { id: 99 }, frameId: 0 },
};

let n = 0;
let db: ArchiveDB;
let sent: Broadcast[];
let calls: string[];
let handlers: GatedHandlers;
let savedId: number;

function build(): GatedHandlers {
  const access: TabAccess = {
    url: async () => article.url,
    reanalyse: async () => {
      calls.push('reanalyse');
      return true;
    },
    inject: async () => void calls.push('inject'),
    canAccess: async () => true,
    reveal: async () => {
      calls.push('reveal');
      return true;
    },
    revealClaim: async () => {
      calls.push('reveal-claim');
      return true;
    },
    sendClaims: async () => void calls.push('send-claims'),
    selection: async () => {
      calls.push('selection');
      return 'The mayor denied it.';
    },
  };
  const service = createService({
    db,
    tabs: new TabStore(fakeBrowser.storage.session),
    access,
    analyse: async () => ({ actors: [{ key: 'PER:jane roe', name: 'Jane Roe', type: 'PER', aliases: [], mentions: 1, role: null }], mentions: [], claims: [bridge], timings: {} }),
    storage: undefined,
    notify: (m) => sent.push(m),
    now: () => 1_700_000_000_000,
    settings: async () => DEFAULT_SETTINGS,
    claimMatch: async () => loadMatchModel(JSON.parse(readFileSync(new URL('../../public/models/claim-match.json', import.meta.url), 'utf8'))),
    openArchive: async (hash) => void calls.push(`open ${hash}`),
    sync: fakeSync(),
  });
  return gate(service, BASE);
}

/** Sync as the background runs it, minus the server: on or off, each step noted in `calls`. */
function fakeSync(): SyncPort {
  let server: { url: string; username: string | null } | null = null;
  let shared: SharedGroup[] = [];
  return {
    view: async () => ({ on: !!server, server, state: null, shared }),
    isOn: async () => !!server,
    async turnOn(setup) {
      calls.push('sync-on');
      server = { url: setup.url, username: setup.username ?? null };
    },
    async turnOff() {
      calls.push('sync-off');
      server = null;
    },
    cycle: async () => void calls.push('sync-cycle'),
    async share(groups) {
      calls.push('sync-share');
      shared = groups.filter((g): g is SharedGroup => g === 'reading' || g === 'saving');
    },
  };
}

type Call = <K extends RequestName>(kind: K, payload: RequestOf<K>, sender?: Sender) => Promise<unknown>;
const call: Call = (kind, payload, sender = SENDERS.archivePage) => (handlers[kind] as (p: unknown, s: unknown) => Promise<unknown>)(payload, sender);

/** An archive with one saved article, a second tab whose page was read (ready), and nothing else. */
beforeEach(async () => {
  fakeBrowser.reset();
  db = new ArchiveDB(`gate-${++n}`);
  sent = [];
  calls = [];
  handlers = build();
  await call(
    'content/report',
    { url: 'https://news.example/other', result: { ok: true, article: { ...article, url: 'https://news.example/other', pageUrl: 'https://news.example/other', title: 'Another story' }, ms: 1 } },
    { ...SENDERS.content!, tab: { id: 6 }, url: 'https://news.example/other' },
  );
  await call('panel/save', { tabId: 6 }, SENDERS.sidePanel);
  savedId = (await db.articles.toCollection().primaryKeys())[0] as number;
  await call('content/report', { url: article.url, result: { ok: true, article, ms: 1 } }, SENDERS.content);
  sent = [];
  calls = [];
});
afterEach(async () => {
  await db.delete();
});

async function backupText(): Promise<string> {
  const ticket = (await call('archive/export', { format: 'backup' })) as { transfer: string; parts: number };
  let text = '';
  for (let i = 0; i < ticket.parts; i++) text += ((await call('archive/transfer', { transfer: ticket.transfer, part: i })) as { text: string }).text;
  return text;
}

const review = { status: 'verified' as const, note: 'Checked with the council.', evidence: ['https://council.example/notice'] };

/**
 * One request of each kind that its rightful sender gets served, built on the archive above (some
 * need a step first: a transfer to read, a file sent in parts, a record deleted to put back).
 */
const SAMPLES: { [K in RequestName]: () => Promise<RequestOf<K>> } = {
  'content/report': async () => ({ url: article.url, result: { ok: true, article: { ...article, title: 'A story about a bridge, updated' }, ms: 2 } }),
  'content/actor-info': async () => ({ key: 'PER:jane roe' }),
  'content/open-actor': async () => ({ key: 'PER:jane roe' }),
  'panel/state': async () => ({ tabId: TAB }),
  'panel/activate': async () => ({ tabId: TAB }),
  'panel/save': async () => ({ tabId: TAB }),
  'panel/remove': async () => ({ tabId: 6 }),
  'panel/reveal': async () => ({ tabId: TAB, actorKey: 'PER:jane roe' }),
  'panel/review': async () => ({ tabId: TAB, claimId: bridge.id, review }),
  'panel/mark-claim': async () => ({ tabId: TAB }),
  'panel/reveal-claim': async () => ({ tabId: TAB, claimId: bridge.id }),
  'panel/coverage': async () => ({ tabId: TAB }),
  'archive/claims': async () => ({ offset: 0, limit: 50 }),
  'archive/review': async () => ({ articleId: savedId, claimId: bridge.id, review }),
  'archive/list': async () => ({ offset: 0, limit: 50 }),
  'archive/coverage': async () => ({ id: savedId }),
  'archive/search': async () => ({ text: 'bridge', offset: 0, limit: 50 }),
  'archive/facets': async () => ({}),
  'archive/tag': async () => ({ ids: [savedId], add: ['bridges'], remove: [] }),
  'archive/delete-many': async () => ({ ids: [savedId] }),
  'archive/restore-many': async () => {
    const { records } = (await call('archive/delete-many', { ids: [savedId] })) as { records: SavedArticle[] };
    return { records };
  },
  'archive/get': async () => ({ id: savedId }),
  'archive/actor': async () => ({ key: 'PER:jane roe' }),
  'archive/actor-articles': async () => ({ key: 'PER:jane roe', before: savedId + 1 }),
  'archive/actor-statements': async () => ({ key: 'PER:jane roe', before: Date.now() }),
  'archive/story': async () => ({ id: savedId }),
  'archive/delete': async () => ({ id: savedId }),
  'archive/restore': async () => {
    const record = (await call('archive/delete', { id: savedId })) as SavedArticle;
    return { record };
  },
  'archive/stats': async () => ({}),
  'archive/export': async () => ({ format: 'markdown' as const }),
  'archive/transfer': async () => {
    const ticket = (await call('archive/export', { format: 'json' })) as { transfer: string };
    return { transfer: ticket.transfer, part: 0 };
  },
  'archive/import-part': async () => ({ transfer: crypto.randomUUID(), part: 0, parts: 1, text: await backupText() }),
  'archive/import': async () => {
    const transfer = crypto.randomUUID();
    const parts = splitParts(await backupText(), 1000);
    for (const [i, text] of parts.entries()) await call('archive/import-part', { transfer, part: i, parts: parts.length, text });
    return { transfer };
  },
  'sync/state': async () => ({}),
  'sync/on': async () => ({ url: 'https://couch.example/backstory', username: 'reader', password: 'pw', passphrase: 'correct horse battery staple' }),
  'sync/off': async () => {
    await call('sync/on', { url: 'https://couch.example/backstory', passphrase: 'correct horse battery staple' });
    return { deleteRemote: true };
  },
  'sync/now': async () => {
    await call('sync/on', { url: 'https://couch.example/backstory', passphrase: 'correct horse battery staple' });
    return {};
  },
  'sync/share': async () => ({ groups: ['reading'] }),
};

/** Everything a request could change: every table, every tab's state, what was broadcast, what was asked of tabs. */
async function everything(): Promise<unknown> {
  const tables: Record<string, unknown[]> = {};
  for (const t of db.tables) tables[t.name] = await t.toArray();
  const tabs = await fakeBrowser.storage.session.get(null);
  return { tables, tabs, sent: [...sent], calls: [...calls] };
}

const rules = requestRules();
const kinds = Object.keys(rules) as RequestName[];
const pageOnly = kinds.filter((k) => rules[k] === 'extension');
const contentOnly = kinds.filter((k) => rules[k] === 'content');

describe('the sender rules', () => {
  it('cover every request kind of the protocol, and the samples cover every rule', () => {
    expect([...kinds].sort()).toEqual([...REQUEST_KINDS].sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...REQUEST_KINDS].sort());
  });

  it('give the content script only what the page lifecycle needs', () => {
    expect(contentOnly.sort()).toEqual(['content/actor-info', 'content/open-actor', 'content/report']);
    for (const k of kinds) if (/^(archive|panel|sync)\//.test(k)) expect(rules[k], k).toBe('extension');
  });

  it('tell the extension’s pages from content scripts by the sender’s address, tab or not', () => {
    const ff = 'moz-extension://0c8b6f0e-1b2a-4c3d-9e8f-0a1b2c3d4e5f/';
    const cases: [Sender | undefined, string, SenderKind | null][] = [
      [SENDERS.content, BASE, 'content'],
      [SENDERS.sidePanel, BASE, 'extension'],
      [SENDERS.archivePage, BASE, 'extension'],
      // Firefox's sidebar: the extension's page, and no tab.
      [{ id: 'ext', url: `${ff}sidepanel.html` }, ff, 'extension'],
      [{ id: 'ext', url: `${ff}archive.html`, tab: { id: 3 } }, ff, 'extension'],
      // A content script in a page whose address imitates the extension's.
      [{ id: 'ext', url: `https://evil.example/${BASE}`, tab: { id: 3 } }, BASE, 'content'],
      // Another extension's page, a sender without an address, none at all.
      [{ id: 'ext', url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/archive.html' }, BASE, null],
      [{ id: 'ext', tab: { id: 3 } }, BASE, null],
      [undefined, BASE, null],
    ];
    for (const [sender, base, kind] of cases) expect(senderKind(sender as never, base), JSON.stringify(sender)).toBe(kind);
  });
});

describe('a content script (inside a possibly hostile page)', () => {
  it.each(pageOnly)('is refused %s, and nothing changes', async (kind) => {
    const payload = await SAMPLES[kind]();
    const before = await everything();
    await expect(call(kind, payload, SENDERS.content)).rejects.toThrow(FROM_A_PAGE);
    expect(await everything()).toEqual(before);
    // Nothing was used up either: the same request from the archive page is served afterwards.
    await expect(call(kind, payload, SENDERS.archivePage)).resolves.toBeDefined();
  });

  it('cannot plant a record with a javascript: address even from the archive page (restore validates like an import)', async () => {
    const record = (await call('archive/delete', { id: savedId })) as SavedArticle;
    const before = await everything();
    await expect(call('archive/restore', { record: { ...record, url: 'javascript:alert(1)' } })).rejects.toThrow(/“record\.url” is not a web address .*Nothing was changed\./);
    await expect(call('archive/restore-many', { records: [record, { ...record, url: 'https://x.example/', bytes: 9_999_999_999, pageUrl: 'data:text/html,hi' }] })).rejects.toThrow(
      /“records\[1\]\.pageUrl” is not a web address/,
    );
    expect(await everything()).toEqual(before);
  });

  it('may be a page read from a file, shown though it cannot be saved', async () => {
    const local = { ...article, url: 'file:///home/reader/story.html', pageUrl: 'file:///home/reader/story.html' };
    await call('content/report', { url: local.url, result: { ok: true, article: local, ms: 1 } }, { ...SENDERS.content!, url: local.url });
    const state = (await call('panel/state', { tabId: TAB }, SENDERS.sidePanel)) as { state: { status: string } };
    expect(state.state.status).toBe('ready');
    await expect(call('panel/save', { tabId: TAB }, SENDERS.sidePanel)).rejects.toThrow(/^This article cannot be saved: “url” is not a web address/);
  });
});

describe('the extension’s own pages', () => {
  it.each(pageOnly.flatMap((k) => [[k, 'sidePanel'] as const, [k, 'archivePage'] as const]))('are served %s from the %s', async (kind, from) => {
    const payload = await SAMPLES[kind]();
    const reply = await call(kind, payload, SENDERS[from]);
    expect(reply === null || typeof reply === 'object').toBe(true);
  });

  it.each(contentOnly)('may not send %s, which only a page Backstory reads sends', async (kind) => {
    const payload = await SAMPLES[kind]();
    const before = await everything();
    await expect(call(kind, payload, SENDERS.sidePanel)).rejects.toThrow(/only a page it reads may send it/);
    expect(await everything()).toEqual(before);
    await expect(call(kind, payload, SENDERS.content)).resolves.toBeDefined();
  });

  it('have every payload checked at the door: a malformed one is refused, saying what is wrong, and changes nothing', async () => {
    const before = await everything();
    const bad: [RequestName, unknown, RegExp][] = [
      ['archive/delete-many', { ids: 'all' }, /“ids” should be a list, not text/],
      ['archive/delete-many', { ids: Array.from({ length: 5001 }, (_, i) => i + 1) }, /“ids” has too many entries \(5,001; at most 5,000\)/],
      ['archive/delete', { id: -1 }, /“id” should be a whole number from 1/],
      ['archive/list', { offset: 0, limit: '10' }, /“limit” should be a number, not text/],
      ['archive/tag', { ids: [savedId], add: ['x'.repeat(3000)], remove: [] }, /“add\[0\]” is too long/],
      ['archive/import-part', { transfer: crypto.randomUUID(), part: 0, parts: 1, text: 5 }, /“text” should be text, not a number/],
      ['panel/review', { tabId: TAB, claimId: bridge.id, review: 'verified' }, /“review” should be an object, not text/],
      ['archive/export', { format: 'pdf' }, /“format” should be one of/],
      ['archive/get', null, /should be an object, not empty/],
      ['archive/list', { offset: 0, limit: 10, __proto__: { polluted: true }, ['constructor']: 1 }, /field named “constructor”/],
      ['sync/on', { url: 'https://couch.example/backstory' }, /“passphrase”/],
      ['sync/on', { url: 'https://couch.example/backstory', passphrase: 'p'.repeat(2000) }, /“passphrase” is too long/],
      ['sync/off', { deleteRemote: 'yes' }, /“deleteRemote” should be true or false/],
    ];
    for (const [kind, payload, message] of bad) {
      await expect(call(kind, payload as never), kind).rejects.toThrow(message);
    }
    expect(await everything()).toEqual(before);
  });

  it('drop fields a request does not carry', async () => {
    const r = (await call('archive/list', { offset: 0, limit: 5, everything: true } as never)) as { items: unknown[]; total: number };
    expect(r.total).toBe(1);
  });
});

describe('what a content script may learn of the archive', () => {
  it('only about the actors of the article read on its own tab, in its top frame: any other key is refused and nothing is read', async () => {
    // Served: an actor of this tab's article (the saved article on tab 6 names her too).
    expect(await call('content/actor-info', { key: 'PER:jane roe' }, SENDERS.content)).toMatchObject({ count: 1 });
    // Refused: a name the article does not hold (the archive might), the same name from a tab with
    // no article read, and from a frame inside the article's page.
    const before = await everything();
    const refused: Sender[] = [
      { ...SENDERS.content!, tab: { id: 7 } },
      { ...SENDERS.content!, frameId: 3 },
    ];
    await expect(call('content/actor-info', { key: 'PER:someone else' }, SENDERS.content)).rejects.toThrow(NOT_ON_THIS_PAGE);
    for (const sender of refused) await expect(call('content/actor-info', { key: 'PER:jane roe' }, sender)).rejects.toThrow(NOT_ON_THIS_PAGE);
    expect(await everything()).toEqual(before);
  });

  it('may open the actor page of an actor of its own tab’s article only', async () => {
    expect(await call('content/open-actor', { key: 'PER:jane roe' }, SENDERS.content)).toEqual({ opened: true });
    expect(calls).toEqual(['open #/actor/PER%3Ajane%20roe']);
    await expect(call('content/open-actor', { key: 'PER:someone else' }, SENDERS.content)).rejects.toThrow(NOT_ON_THIS_PAGE);
    await expect(call('content/open-actor', { key: 'PER:jane roe' }, { ...SENDERS.content!, tab: { id: 7 } })).rejects.toThrow(NOT_ON_THIS_PAGE);
    expect(calls).toHaveLength(1);
  });

  it('about nothing once its tab navigated away from the article', async () => {
    await call('content/report', { url: 'https://news.example/not', result: { ok: false, reason: 'not-article', message: 'No article here.', ms: 1 } }, SENDERS.content);
    await expect(call('content/actor-info', { key: 'PER:jane roe' }, SENDERS.content)).rejects.toThrow(NOT_ON_THIS_PAGE);
  });
});

describe('what a content script reports', () => {
  it('is checked like a record: an over-long title or language tag is shortened, a refused shape changes nothing', async () => {
    const long = { ...article, title: 'T'.repeat(2529), lang: 'en-gb-x-' + 'abcdefgh-'.repeat(4) + 'z' };
    await call('content/report', { url: article.url, result: { ok: true, article: long, ms: 1 } }, SENDERS.content);
    const state = (await call('panel/state', { tabId: TAB }, SENDERS.sidePanel)) as { state: { article: Article } };
    expect(state.state.article.title.length).toBe(2000);
    expect(state.state.article.title.endsWith('…')).toBe(true);
    expect(state.state.article.lang!.length).toBeLessThanOrEqual(35);
    expect(long.lang.startsWith(state.state.article.lang!)).toBe(true);
    const before = await everything();
    await expect(call('content/report', { url: article.url, result: { ok: true, article: { ...article, paragraphs: 'text' as never }, ms: 1 } }, SENDERS.content)).rejects.toThrow(
      /“result\.article\.paragraphs” should be a list/,
    );
    expect(await everything()).toEqual(before);
  });
});

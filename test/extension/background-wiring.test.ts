/**
 * The background's wiring (entrypoints/background.ts) against WXT's fake browser: which listeners
 * it registers, that a request reaches the service through the gate (who may send what, in what
 * shape), that every request kind is answered, and that commands to a tab's content script go
 * out typed. Only the APIs the fake lacks (permissions, scripting, commands, side panel) are stubbed.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { FROM_A_PAGE, requestRules } from '../../lib/background/gate';
import { REQUEST_KINDS, type PanelState, type Result } from '../../lib/messaging/protocol';

const sent: { tabId: number; msg: unknown; options: unknown }[] = [];
const registered: string[] = [];
const scripted: number[] = [];
const hostAllowed = new Set<string>();

/** An event stand-in that records that something listened. */
function event(name: string) {
  return { addListener: () => void registered.push(name), removeListener: () => undefined, hasListener: () => false };
}

const extensionPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });
const contentScript = (tabId: number) => ({ id: fakeBrowser.runtime.id, url: 'https://news.example/story', tab: { id: tabId }, frameId: 0 });

async function ask(kind: string, payload: unknown, sender: object): Promise<Result<unknown> | undefined> {
  const replies = await fakeBrowser.runtime.onMessage.trigger({ kind, payload }, sender as never);
  return replies.find((r) => r !== undefined) as Result<unknown> | undefined;
}

let tabId: number;
const listens = (e: unknown) => (e as { hasListeners(): boolean }).hasListeners();

beforeAll(async () => {
  fakeBrowser.reset();
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.permissions = { contains: async ({ origins }: { origins?: string[] }) => (origins ?? []).every((o) => hostAllowed.has(o)), onRemoved: event('permissions.onRemoved') };
  b.scripting = {
    executeScript: async ({ target }: { target: { tabId: number } }) => void scripted.push(target.tabId),
    getRegisteredContentScripts: async () => [],
    unregisterContentScripts: async () => undefined,
    registerContentScripts: async () => undefined,
  };
  b.commands = { onCommand: event('commands.onCommand') };
  b.sidePanel = { open: async () => undefined };
  // A tab whose content script answers the background's commands.
  fakeBrowser.tabs.sendMessage = (async (id: number, msg: unknown, options: unknown) => {
    sent.push({ tabId: id, msg, options });
    return true;
  }) as never;
  tabId = (await fakeBrowser.tabs.create({ url: 'https://news.example/story' })).id!;
  const { default: background } = await import('../../entrypoints/background');
  background.main();
});

describe('the background’s wiring', () => {
  it('registers its listeners: messages, tabs, the toolbar button, alarms, commands, installs', () => {
    expect(listens(fakeBrowser.runtime.onMessage)).toBe(true);
    expect(listens(fakeBrowser.tabs.onRemoved)).toBe(true);
    expect(listens(fakeBrowser.tabs.onUpdated)).toBe(true);
    expect(listens(fakeBrowser.action.onClicked)).toBe(true);
    expect(listens(fakeBrowser.alarms.onAlarm)).toBe(true);
    expect(listens(fakeBrowser.runtime.onInstalled)).toBe(true);
    expect(listens(fakeBrowser.runtime.onStartup)).toBe(true);
    expect(registered).toEqual(expect.arrayContaining(['commands.onCommand', 'permissions.onRemoved']));
  });

  it('routes a request from one of its pages to the service and answers with a Result', async () => {
    const reply = await ask('panel/state', { tabId }, extensionPage());
    expect(reply).toEqual({ ok: true, value: { tabId, state: { status: 'idle', url: null }, saved: null, canAccess: false } satisfies PanelState });
    hostAllowed.add('https://news.example/*');
    expect(((await ask('panel/state', { tabId }, extensionPage())) as { value: PanelState }).value.canAccess).toBe(true);
  });

  it('applies the gate: a content script is refused the archive, and a malformed payload is refused before the service', async () => {
    expect(await ask('archive/list', { offset: 0, limit: 10 }, contentScript(tabId))).toEqual({ ok: false, error: FROM_A_PAGE });
    const bad = await ask('archive/list', { offset: 0, limit: 'all' }, extensionPage());
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^Backstory refused the request “archive\/list”.*“limit” should be a number, not text/) });
    // Not from this extension at all: not answered.
    expect(await ask('archive/list', { offset: 0, limit: 10 }, { id: 'someone-else', url: 'https://evil.example/' })).toBeUndefined();
  });

  it('answers every request kind from its allowed sender: none is dropped unanswered', async () => {
    const rules = requestRules();
    for (const kind of REQUEST_KINDS) {
      const reply = await ask(kind, {}, rules[kind] === 'content' ? contentScript(tabId) : extensionPage());
      expect(reply, kind).toBeDefined();
      expect(typeof reply!.ok, kind).toBe('boolean');
      // An empty payload passes for the requests that take none (their handler may still refuse in
      // words, e.g. "Sync is off"); the others are refused by name at the gate. Never the silence
      // of an unserved kind ("The extension did not answer").
      if (!reply!.ok) {
        expect(reply!.error, kind).toMatch(/\w{3,}/);
        expect(reply!.error, kind).not.toMatch(/did not answer/i);
      }
    }
  });

  it('activates a tab whose page has reported by telling its content script, typed, in the main frame only', async () => {
    const report = { url: 'https://news.example/story', result: { ok: false, reason: 'not-article', message: 'Not an article.', ms: 1 } };
    expect(await ask('content/report', report, contentScript(tabId))).toMatchObject({ ok: true });
    sent.length = 0;
    const reply = await ask('panel/activate', { tabId }, extensionPage());
    expect(reply).toMatchObject({ ok: true, value: { tabId, state: { status: 'working', url: 'https://news.example/story' } } });
    expect(sent).toEqual([{ tabId, msg: { kind: 'content/reanalyse', payload: {} }, options: { frameId: 0 } }]);
    expect(scripted).toEqual([]);
  });

  it('injects the content script at once into a tab whose page has not reported since it loaded, and forgets the tab when it closes', async () => {
    // The page reloads: its content script is gone, so none is asked (and waited for) first.
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, { id: tabId, url: 'https://news.example/story' } as never);
    sent.length = 0;
    await ask('panel/activate', { tabId }, extensionPage());
    expect(sent.filter((m) => (m.msg as { kind: string }).kind === 'content/reanalyse')).toEqual([]);
    expect(scripted).toEqual([tabId]);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).not.toEqual([]);
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 1, isWindowClosing: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

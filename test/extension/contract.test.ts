/**
 * The message contract (lib/messaging/protocol.ts): every request kind the protocol declares is
 * served, every command the background may send a content script is answered, and both directions
 * are typed end to end. The type checks below run under `npm run typecheck` (they fail the build,
 * not this run); the runtime checks send each kind through the real listeners.
 */
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { ImportReport } from '../../lib/archive/backup';
import {
  CONTENT_COMMANDS,
  isContentCommand,
  isRequestEnvelope,
  REQUEST_KINDS,
  REQUESTS,
  type Broadcast,
  type CommandName,
  type PanelState,
  type RequestName,
  type Result,
} from '../../lib/messaging/protocol';
import { answer, broadcast, call, onBroadcast, request, serve, tell, type CommandHandlers, type Handlers } from '../../lib/messaging/transport';
import type { Claim } from '../../lib/types';

const EXTENSION = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };

beforeEach(() => fakeBrowser.reset());
afterEach(() => fakeBrowser.reset());

describe('the contract’s types (checked by npm run typecheck)', () => {
  it('types each request’s payload and reply, from the sender to the handler', () => {
    expectTypeOf(request<'panel/state'>)
      .parameter(1)
      .toEqualTypeOf<{ tabId: number }>();
    expectTypeOf(request<'panel/state'>).returns.toEqualTypeOf<Promise<Result<PanelState>>>();
    expectTypeOf(call<'archive/import'>).returns.toEqualTypeOf<Promise<ImportReport>>();
    expectTypeOf<Parameters<Handlers['archive/transfer']>[0]>().toEqualTypeOf<{ transfer: string; part: number }>();
    expectTypeOf<ReturnType<Handlers['archive/transfer']>>().toEqualTypeOf<Promise<{ text: string }>>();
    expectTypeOf<keyof Handlers>().toEqualTypeOf<RequestName>();
    expectTypeOf<RequestName>().toEqualTypeOf<keyof typeof REQUESTS>();
    const never = () => {
      // @ts-expect-error: a payload of the wrong shape does not compile
      void request('panel/state', { tabId: 'one' });
      // @ts-expect-error: neither does a kind the protocol does not declare
      void request('panel/evil', {});
    };
    expect(typeof never).toBe('function');
  });

  it('types each command to the content script and its answer, both ways', () => {
    expectTypeOf(tell<'content/reveal'>).returns.toEqualTypeOf<Promise<boolean | undefined>>();
    expectTypeOf(tell<'content/selection'>).returns.toEqualTypeOf<Promise<string | undefined>>();
    expectTypeOf<Parameters<CommandHandlers['content/claims']>[0]>().toEqualTypeOf<{ claims: Claim[] }>();
    expectTypeOf<ReturnType<CommandHandlers['content/reveal-claim']>>().toEqualTypeOf<boolean>();
    expectTypeOf<keyof CommandHandlers>().toEqualTypeOf<CommandName>();
    const never = () => {
      // @ts-expect-error: a command's fields are required
      void tell(1, 'content/reveal');
      // @ts-expect-error: a command without fields takes none
      void tell(1, 'content/reanalyse', { actorKey: 'x' });
      // @ts-expect-error: a handler table that leaves a command out does not compile
      const partial: CommandHandlers = { 'content/reanalyse': () => true };
      return partial;
    };
    expect(typeof never).toBe('function');
  });
});

/** A handler table that records which kind reached it; branded as gated (the gate has its own test). */
function recording(reached: string[]): Handlers & { readonly gated: true } {
  const table: Record<string, unknown> = { gated: true };
  for (const kind of REQUEST_KINDS) {
    table[kind] = async (payload: unknown) => {
      reached.push(kind);
      return { kind, payload };
    };
  }
  return table as Handlers & { readonly gated: true };
}

describe('requests to the background', () => {
  it('declares kinds once: the runtime list is the protocol table’s keys, with no duplicates', () => {
    expect(REQUEST_KINDS).toEqual(Object.keys(REQUESTS));
    expect(new Set(REQUEST_KINDS).size).toBe(REQUEST_KINDS.length);
    expect(REQUEST_KINDS.length).toBeGreaterThanOrEqual(28);
  });

  it.each(REQUEST_KINDS)('serves %s: it reaches its handler and the reply comes back as a Result', async (kind) => {
    const reached: string[] = [];
    serve(recording(reached), () => undefined);
    const replies = await fakeBrowser.runtime.onMessage.trigger({ kind, payload: { n: 1 } }, EXTENSION);
    expect(replies.find(Boolean)).toEqual({ ok: true, value: { kind, payload: { n: 1 } } });
    expect(reached).toEqual([kind]);
  });

  it('goes through `request` to the listener and back', async () => {
    serve(recording([]), () => undefined);
    // The fake's sendMessage names no sender; a page of the extension does.
    fakeBrowser.runtime.sendMessage = (async (msg: unknown) => (await fakeBrowser.runtime.onMessage.trigger(msg, EXTENSION)).find(Boolean)) as never;
    expect(await request('archive/stats', {})).toEqual({ ok: true, value: { kind: 'archive/stats', payload: {} } });
  });

  it('leaves alone what is not a declared request, and messages from elsewhere', async () => {
    const reached: string[] = [];
    serve(recording(reached), () => undefined);
    for (const msg of [
      { kind: 'panel/evil', payload: {} },
      { kind: 'toString', payload: {} },
      { kind: '__proto__', payload: {} },
      { kind: 'gated', payload: {} },
      { kind: 'panel/state' },
      'panel/state',
      null,
    ]) {
      expect(isRequestEnvelope(msg), JSON.stringify(msg)).toBe(false);
      expect((await fakeBrowser.runtime.onMessage.trigger(msg, EXTENSION)).find(Boolean)).toBeUndefined();
    }
    const other = { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' };
    expect((await fakeBrowser.runtime.onMessage.trigger({ kind: 'panel/state', payload: { tabId: 1 } }, other)).find(Boolean)).toBeUndefined();
    expect(reached).toEqual([]);
  });
});

describe('commands to the content script', () => {
  const COMMAND_KINDS = Object.keys(CONTENT_COMMANDS) as CommandName[];

  /** Handlers that record the command and payload they got, and answer with the command's own kind of value. */
  function recordingCommands(reached: [string, unknown][]): CommandHandlers {
    return {
      'content/reanalyse': (p) => (reached.push(['content/reanalyse', p]), true),
      'content/reveal': (p) => (reached.push(['content/reveal', p]), p.actorKey === 'PER:ada lovelace'),
      'content/claims': (p) => (reached.push(['content/claims', p]), true),
      'content/reveal-claim': (p) => (reached.push(['content/reveal-claim', p]), p.claimId === 'c1'),
      'content/selection': (p) => (reached.push(['content/selection', p]), 'the selected words'),
      'content/next-mark': (p) => (reached.push(['content/next-mark', p]), false),
    };
  }

  // `tell` goes through tabs.sendMessage; here the tab's content script is this module's listener.
  beforeEach(() => {
    fakeBrowser.tabs.sendMessage = (async (_tabId: number, msg: unknown) => (await fakeBrowser.runtime.onMessage.trigger(msg, { id: fakeBrowser.runtime.id })).find((r) => r !== undefined)) as never;
  });

  it('answers every command the protocol declares, with the typed value', async () => {
    const reached: [string, unknown][] = [];
    const stop = answer(recordingCommands(reached));
    expect(await tell(3, 'content/reanalyse')).toBe(true);
    expect(await tell(3, 'content/reveal', { actorKey: 'PER:ada lovelace' })).toBe(true);
    expect(await tell(3, 'content/reveal', { actorKey: 'PER:nobody' })).toBe(false);
    expect(await tell(3, 'content/claims', { claims: [] })).toBe(true);
    expect(await tell(3, 'content/reveal-claim', { claimId: 'c1' })).toBe(true);
    expect(await tell(3, 'content/selection')).toBe('the selected words');
    expect(await tell(3, 'content/next-mark')).toBe(false);
    expect(new Set(reached.map(([k]) => k))).toEqual(new Set(COMMAND_KINDS));
    expect(reached).toContainEqual(['content/reveal', { actorKey: 'PER:ada lovelace' }]);
    expect(reached).toContainEqual(['content/reanalyse', {}]);
    stop();
    expect((await fakeBrowser.runtime.onMessage.trigger({ kind: 'content/selection' }, {})).find(Boolean)).toBeUndefined();
  });

  it('takes a command without fields sent as a bare name, and ignores anything else', async () => {
    const reached: [string, unknown][] = [];
    answer(recordingCommands(reached));
    expect((await fakeBrowser.runtime.onMessage.trigger({ kind: 'content/selection' }, {})).find(Boolean)).toBe('the selected words');
    for (const msg of [{ kind: 'content/eval' }, { kind: 'content/reveal', payload: 'x' }, { kind: 'hasOwnProperty' }, { kind: 'panel/state', payload: { tabId: 1 } }]) {
      expect(isContentCommand(msg), JSON.stringify(msg)).toBe(false);
      expect((await fakeBrowser.runtime.onMessage.trigger(msg, {})).find(Boolean)).toBeUndefined();
    }
    expect(reached).toEqual([['content/selection', {}]]);
  });
});

describe('broadcasts to the pages', () => {
  it('reach every listener, typed, and nobody listening is fine', async () => {
    broadcast({ kind: 'archive/changed' }); // no listener: no error
    const got: Broadcast[] = [];
    const stop = onBroadcast((msg) => got.push(msg));
    await fakeBrowser.runtime.sendMessage({ kind: 'tab/changed', tabId: 4 });
    await fakeBrowser.runtime.sendMessage({ kind: 'panel/state', payload: { tabId: 4 } });
    stop();
    expect(got).toEqual([{ kind: 'tab/changed', tabId: 4 }]);
  });
});

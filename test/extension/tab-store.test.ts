import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { TabStore, type SessionArea } from '../../lib/background/tab-store';
import type { TabState } from '../../lib/messaging/protocol';

const working = (url: string): TabState => ({ status: 'working', url, since: 1 });

/** storage.session with its writes counted. */
function countingArea(): SessionArea & { writes: string[] } {
  const area = fakeBrowser.storage.session;
  const writes: string[] = [];
  return {
    writes,
    get: (k) => area.get(k),
    set: async (items) => {
      writes.push(JSON.stringify(items));
      await area.set(items);
    },
    remove: (k) => area.remove(k),
  };
}

beforeEach(() => fakeBrowser.reset());

describe('the per-tab state store', () => {
  it('answers with a state as soon as it is set, and a worker started afresh finds it in session storage', async () => {
    const store = new TabStore(fakeBrowser.storage.session);
    const stored = store.set(3, working('https://news.example/a'));
    expect(await store.get(3)).toEqual(working('https://news.example/a'));
    await stored;
    expect(await new TabStore(fakeBrowser.storage.session).get(3)).toEqual(working('https://news.example/a'));
    expect(await new TabStore(fakeBrowser.storage.session).get(4)).toEqual({ status: 'idle', url: null });
  });

  it('writes only the newest of states set in one go, and never brings back a removed tab', async () => {
    const area = countingArea();
    const store = new TabStore(area);
    const first = store.set(3, working('https://news.example/a'));
    const second = store.set(3, working('https://news.example/b'));
    await Promise.all([first, second]);
    expect(area.writes).toHaveLength(1);
    expect(await new TabStore(area).get(3)).toEqual(working('https://news.example/b'));
    const late = store.set(5, working('https://news.example/c'));
    const gone = store.remove(5);
    await Promise.all([late, gone]);
    expect(await store.get(5)).toEqual({ status: 'idle', url: null });
    expect(await new TabStore(area).get(5)).toEqual({ status: 'idle', url: null });
  });

  it('gives out states no caller can change under another', async () => {
    const store = new TabStore(fakeBrowser.storage.session);
    await store.set(3, working('https://news.example/a'));
    const got = await store.get(3);
    expect(() => {
      (got as { status: string }).status = 'ready';
    }).toThrow(TypeError);
    expect((await store.get(3)).status).toBe('working');
  });

  it('leaves no older state in storage when a write fails (a full session storage), and says so', async () => {
    const store = new TabStore(fakeBrowser.storage.session);
    await store.set(3, working('https://news.example/a'));
    const failing: SessionArea = {
      get: (k) => fakeBrowser.storage.session.get(k),
      set: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
      remove: (k) => fakeBrowser.storage.session.remove(k),
    };
    await expect(new TabStore(failing).set(3, working('https://news.example/b'))).rejects.toThrow(/quota/);
    expect(await new TabStore(fakeBrowser.storage.session).get(3)).toEqual({ status: 'idle', url: null });
  });
});

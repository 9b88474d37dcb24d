/**
 * Per-tab state, kept in `storage.session` so that a service worker stopped between two events
 * loses nothing (module variables would). Cleared with the browser session.
 */
import type { TabState } from '../messaging/protocol';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const key = (tabId: number) => `tab:${tabId}`;

export class TabStore {
  constructor(private readonly area: SessionArea) {}

  async get(tabId: number): Promise<TabState> {
    const got = await this.area.get(key(tabId));
    return (got[key(tabId)] as TabState | undefined) ?? { status: 'idle', url: null };
  }

  async set(tabId: number, state: TabState): Promise<void> {
    await this.area.set({ [key(tabId)]: state });
  }

  async remove(tabId: number): Promise<void> {
    await this.area.remove(key(tabId));
  }
}

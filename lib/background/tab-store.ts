/**
 * Per-tab state, kept in `storage.session` so that a service worker stopped between two events
 * loses nothing (module variables would). Cleared with the browser session.
 *
 * While the worker lives, the store also keeps each tab's latest state in memory, so that the
 * panel's read after a change does not go back through the browser's storage: on the seed page
 * that round trip (a structured copy of the whole article and its analysis, each way) was a fifth
 * of the time from "Read this page" to a filled panel. Every write goes through this one store,
 * so the copy in memory is never older than storage's.
 */
import type { TabState } from '../messaging/protocol';

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const key = (tabId: number) => `tab:${tabId}`;

export class TabStore {
  private readonly memory = new Map<number, TabState>();
  constructor(private readonly area: SessionArea) {}

  async get(tabId: number): Promise<TabState> {
    const known = this.memory.get(tabId);
    if (known) return known;
    const got = await this.area.get(key(tabId));
    // A write may have come in while storage was read: the newer state wins.
    return this.memory.get(tabId) ?? (got[key(tabId)] as TabState | undefined) ?? { status: 'idle', url: null };
  }

  /**
   * Records a tab's state: `get` gives it at once; the promise settles when it is in storage as
   * well. The state is frozen (shallowly) so that no caller changes what another reads.
   */
  async set(tabId: number, state: TabState): Promise<void> {
    this.memory.set(tabId, Object.freeze(state));
    // Storage copies the whole state on this thread: after the caller's synchronous work (such
    // as telling the panel), not before it.
    await null;
    if (this.memory.get(tabId) !== state) return; // a newer state for this tab came meanwhile; it writes itself
    try {
      await this.area.set({ [key(tabId)]: state });
    } catch (err) {
      // Storage keeps no older state than memory's: a worker started afresh finds none (idle)
      // rather than one this write should have replaced.
      await this.area.remove(key(tabId)).catch(() => undefined);
      throw err;
    }
  }

  async remove(tabId: number): Promise<void> {
    this.memory.delete(tabId);
    await this.area.remove(key(tabId));
  }
}

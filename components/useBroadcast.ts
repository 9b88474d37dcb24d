import { useEffect } from 'preact/hooks';
import type { Broadcast } from '@/lib/messaging/protocol';
import { usePorts } from './ports';

/** Calls `fn` for every broadcast the background sends while the component is mounted. */
export function useBroadcast(fn: (msg: Broadcast) => void, deps: unknown[]): void {
  const { onBroadcast } = usePorts();
  // `deps` are the caller's, as for useEffect itself: `fn` is meant to be a fresh closure each render.
  useEffect(() => onBroadcast(fn), [onBroadcast, ...deps]);
}

/** Asks the browser to keep our storage even under disk pressure. Only pages (not workers) may ask. */
export async function askPersistentStorage(): Promise<boolean | null> {
  try {
    if (!navigator.storage?.persist) return null;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}

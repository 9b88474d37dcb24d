/**
 * What the pages' shared components need from the browser, as ports (the same pattern as the
 * background's service, lib/background/service.ts): the page entrypoints hand in the real ones
 * (`browserPorts`, components/browser-ports.ts, the one component module that touches `browser`),
 * tests may hand in fakes. Components read them with `usePorts()`.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { KeyValueArea } from '@/lib/background/census';
import type { Broadcast } from '@/lib/messaging/protocol';

export interface PagePorts {
  /** Calls `fn` for every broadcast from the background; returns the function that stops it. */
  onBroadcast(fn: (msg: Broadcast) => void): () => void;
  /** The address of one of the extension's own pages ("/archive.html#/backup"). */
  url(path: `/${string}`): string;
  /** `storage.local`, where the background keeps what the pages show (the archive-loss record, backup times). */
  local: KeyValueArea & { get(keys: string[]): Promise<Record<string, unknown>> };
  /** Calls `fn` when any of these `storage.local` keys changes; returns the function that stops it. */
  onLocalChange(keys: readonly string[], fn: () => void): () => void;
}

export const Ports = createContext<PagePorts | null>(null);

export function usePorts(): PagePorts {
  const ports = useContext(Ports);
  if (!ports) throw new Error('Backstory: a component that needs the browser was rendered without <Ports.Provider>.');
  return ports;
}

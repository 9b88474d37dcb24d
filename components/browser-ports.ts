/** The real `PagePorts` (components/ports.ts), over the WebExtension APIs; the page entrypoints provide them. */
import { browser } from 'wxt/browser';
import { onBroadcast } from '@/lib/messaging/transport';
import type { PagePorts } from './ports';

export function browserPorts(): PagePorts {
  return {
    onBroadcast,
    url: (path) => browser.runtime.getURL(path as Parameters<typeof browser.runtime.getURL>[0]),
    local: browser.storage.local,
    onLocalChange(keys, fn) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'local' && keys.some((k) => k in changes)) fn();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

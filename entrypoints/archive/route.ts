/** The archive page's address: the hash is the route, so views and searches can be bookmarked and Back works. */
import { useEffect, useState } from 'preact/hooks';

export function useRoute(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/**
 * Goes to `hash`. With `replace`, the current history entry is overwritten (a search being typed
 * should not leave one entry per pause); `replaceState` fires no hashchange, so we send one.
 */
export function navigate(hash: string, replace = false): void {
  if (hash === location.hash || (hash === '#/' && location.hash === '')) return;
  if (replace) {
    history.replaceState(history.state, '', hash);
    dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

let lastList = '#/';

/** Remembers the list address (with its search) so the reader's "Back to the archive" returns to it. */
export function rememberList(hash: string): void {
  lastList = hash || '#/';
}

export function listHref(): string {
  return lastList;
}

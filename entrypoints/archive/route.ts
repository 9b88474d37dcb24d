/** The archive page's address: the hash is the route, so views and searches can be bookmarked and Back works. */
import { useEffect, useState } from 'preact/hooks';

/** What an address of the archive page shows; `query` is the part after "?" (filters, ids). */
export type Route =
  | { view: 'article'; id: number; claimId: string | null }
  | { view: 'claims'; query: string }
  | { view: 'backup'; query: string }
  | { view: 'list' };

/** The one reading of an archive address. Anything unknown is the article list (which reads its own filter). */
export function parseRoute(hash: string): Route {
  const article = /^#\/article\/(\d+)(?:\?claim=([^&]+))?$/.exec(hash);
  if (article) {
    let claimId: string | null = null;
    try {
      claimId = article[2] ? decodeURIComponent(article[2]) : null;
    } catch {
      // A broken escape in a hand-typed address: open the article without a claim.
    }
    return { view: 'article', id: Number(article[1]), claimId };
  }
  const other = /^#\/(claims|backup)(?:\?(.*))?$/.exec(hash);
  if (other) return { view: other[1] as 'claims' | 'backup', query: other[2] ?? '' };
  return { view: 'list' };
}

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

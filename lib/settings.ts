/** The reader's settings, in `storage.local`. Defaults respect privacy: nothing runs by itself. */
export type AutoRun = 'off' | 'sites' | 'all';

export interface Settings {
  /** When the extension reads pages without a click: never, on chosen sites, or everywhere. */
  autoRun: AutoRun;
  /** Origins ("https://www.theguardian.com") chosen for `autoRun: 'sites'`. */
  sites: string[];
  /** Whether named actors are highlighted in the page (toggle: side panel button or Alt+Shift+H). */
  highlights: boolean;
  /**
   * Whether every claim is marked in the page. Off: only names and the claims to doubt (unverified,
   * or reviewed as disputed or false) are marked, so they do not drown among the rest.
   */
  allClaims: boolean;
  /** Save every page read as an article to the archive, without a click on Save. Off by default. */
  autoSave: boolean;
  /** Origins never saved automatically (the reader can still save one of their articles by hand). */
  neverSave: string[];
}

export const DEFAULT_SETTINGS: Settings = { autoRun: 'off', sites: [], highlights: true, allClaims: false, autoSave: false, neverSave: [] };
export const SETTINGS_KEY = 'settings';

export function parseSettings(raw: unknown): Settings {
  const s = (raw ?? {}) as Partial<Settings>;
  const autoRun: AutoRun = s.autoRun === 'sites' || s.autoRun === 'all' ? s.autoRun : 'off';
  const origins = (xs: unknown): string[] => [...new Set(Array.isArray(xs) ? xs.filter((x): x is string => typeof x === 'string' && isOrigin(x)) : [])];
  return { autoRun, sites: origins(s.sites), highlights: s.highlights !== false, allClaims: s.allClaims === true, autoSave: s.autoSave === true, neverSave: origins(s.neverSave) };
}

/** Whether an article read at `url` is saved by itself under these settings. */
export function savesAutomatically(s: Settings, url: string): boolean {
  if (!s.autoSave) return false;
  try {
    return !s.neverSave.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

export function isOrigin(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === s;
  } catch {
    return false;
  }
}

/**
 * Reads what a reader typed ("theguardian.com", "https://www.bbc.co.uk/news/…") as an origin.
 * Returns null when it is not a web address.
 */
export function originFromInput(input: string): string | null {
  const t = input.trim();
  if (!t) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (!u.hostname.includes('.') && u.hostname !== 'localhost') return null;
    return u.origin;
  } catch {
    return null;
  }
}

/**
 * The match pattern that covers a site's pages, from its origin or any of its addresses. Match
 * patterns carry no port: in Firefox a pattern with one ("http://127.0.0.1:40000/*") is never
 * granted nor found granted, and in both browsers the portless pattern covers every port.
 */
export function originPattern(originOrUrl: string): string {
  const u = new URL(originOrUrl);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Match patterns the content script should be registered for under these settings. */
export function autoRunPatterns(s: Settings): string[] {
  if (s.autoRun === 'all') return ['http://*/*', 'https://*/*'];
  if (s.autoRun === 'sites') return s.sites.map(originPattern);
  return [];
}

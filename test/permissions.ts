/**
 * What the extension may ask the browser for, and why. test/unit/manifest.test.ts holds
 * wxt.config.ts to this list and test/e2e/bundle.test.ts holds the built manifest to it: a new
 * permission fails both until it is added here with its reason.
 */

/** Install-time API permissions, with the reason for each. */
export const PERMISSION_REASONS = {
  activeTab: 'Reading the page the reader asks for (toolbar button or Alt+Shift+B) without any standing access to sites: the grant lasts for that tab until it navigates.',
  scripting: 'Injecting the content script into that page when asked, and registering it on the sites the reader allowed in the options (automatic reading).',
  storage: 'The reader’s settings (storage.local) and each open tab’s article while the tab is open (storage.session, so a stopped service worker loses nothing).',
  unlimitedStorage:
    'The archive is meant to hold years of reading. Without it Chromium holds the extension to the ordinary per-origin quota (10 GiB measured here, against the free disk with it) and may evict its data under storage pressure, since persist() is not granted to extensions; with it the data is exempt from eviction. Firefox limits extension IndexedDB the same way and grants persistent storage only with it.',
  alarms: 'The hourly check whether a scheduled backup is due (the reader chooses daily or weekly on the Backup page); a service worker cannot keep a timer of its own. No install warning.',
  sidePanel: 'Chrome’s side panel, where the article, its actors, claims and earlier coverage are shown (Firefox uses its sidebar, which needs no permission).',
} as const;

export type Permission = keyof typeof PERMISSION_REASONS;

/** The permissions each build asks for at install. */
export const CHROME_PERMISSIONS: Permission[] = ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'alarms', 'sidePanel'];
export const FIREFOX_PERMISSIONS: Permission[] = ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'alarms'];

/**
 * API permissions asked only at the moment of use, with the reason for each. `downloads` carries an
 * install warning ("Manage your downloads"), so it is never asked at install: only when the reader
 * turns on scheduled backups, which write a file into the downloads folder without a click.
 */
export const OPTIONAL_PERMISSION_REASONS = {
  downloads: 'Scheduled backups: the backup file is written into the downloads folder (Backstory/…) while no page of the extension is open.',
} as const;
export const OPTIONAL_PERMISSIONS = Object.keys(OPTIONAL_PERMISSION_REASONS) as (keyof typeof OPTIONAL_PERMISSION_REASONS)[];

/**
 * Host access is never asked at install: only when the reader chooses automatic reading on a site
 * (or everywhere) in the options, or presses "Read this page" in the panel on a site it may not
 * read yet, and then only for that site (or all sites when that is the choice).
 */
export const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];
export const OPTIONAL_HOSTS_REASON =
  'Automatic reading on the sites the reader chooses, and the reader’s own sync server (CouchDB) when sync is turned on, each asked at that moment through permissions.request.';

/** The e2e build only: the local test server, because a headless browser cannot click the toolbar button. */
export const E2E_HOSTS = ['http://127.0.0.1/*'];

/**
 * Where the extension's pages and worker may connect besides themselves: the reader's sync server
 * (issue #23), an address chosen at run time, so any https origin, or http on this computer only.
 * Which host is actually contacted is the code's rule (none while sync is off, only the server the
 * reader gave while it is on, after its host permission was granted), checked by the e2e suites'
 * network logs (test/e2e/sync.test.ts, test/firefox/sync.test.ts).
 */
export const SYNC_CONNECT = ['https:', 'http://127.0.0.1:*', 'http://localhost:*'];
const CONNECT = `connect-src 'self' ${SYNC_CONNECT.join(' ')}`;

/** The content security policy of the extension's pages and worker, per build (the e2e build's is the store build's). */
export const CSP = {
  chrome: `default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; ${CONNECT}`,
  chromeE2e: `default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; ${CONNECT}`,
  firefox: `default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; ${CONNECT}`,
};

/** A policy as directive → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Why a policy is not strict enough, or [] when it is. */
export function cspProblems(policy: string, allowedRemote: readonly string[] = []): string[] {
  const csp = parseCsp(policy);
  const problems: string[] = [];
  if ((csp.get('default-src') ?? []).join(' ') !== "'self'") problems.push("default-src must be 'self'");
  if ((csp.get('script-src') ?? []).join(' ') !== "'self'") problems.push("script-src must be exactly 'self'");
  if ((csp.get('object-src') ?? []).join(' ') !== "'none'") problems.push("object-src must be 'none'");
  if ((csp.get('base-uri') ?? []).join(' ') !== "'none'") problems.push("base-uri must be 'none'");
  const connect = csp.get('connect-src');
  if (connect && connect.join(' ') !== ["'self'", ...SYNC_CONNECT].join(' ')) problems.push(`connect-src must be 'self' ${SYNC_CONNECT.join(' ')} (the sync server)`);
  for (const [name, sources] of csp) {
    for (const src of sources) {
      if (name === 'connect-src' && SYNC_CONNECT.includes(src)) continue;
      if (/unsafe|^\*$|^data:$|^blob:$|^https?:$/i.test(src)) problems.push(`${name} allows ${src}`);
      else if (/^(https?|wss?):\/\//i.test(src) && !allowedRemote.includes(src)) problems.push(`${name} allows ${src}`);
    }
  }
  return problems;
}

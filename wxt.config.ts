import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { quietReadabilityPlugin } from './lib/build/quiet-readability';

/** The local test server's pages, on any port (match patterns carry no port). */
const E2E_HOST = 'http://127.0.0.1/*';
/** Firefox's add-on id (the Firefox harness reads it from the built manifest). */
const GECKO_ID = 'backstory@backstory.invalid';
/**
 * Where sync may connect (lib/sync/controller.ts `serverAddress` accepts the same): https anywhere,
 * plain http only to this computer, where no network carries the password.
 */
const SYNC_CONNECT = 'https: http://127.0.0.1:* http://localhost:*';

// The e2e build (`npm run build:e2e`, mode "e2e") is the production build plus one host permission
// for the local test server, because a headless browser cannot click the toolbar button that grants
// `activeTab`. It goes to its own folder so it can never be mistaken for the store build.
export default defineConfig({
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: () => ({
    plugins: [preact(), quietReadabilityPlugin()],
    build: { chunkSizeWarningLimit: 4096 },
  }),
  manifest: ({ browser, command, manifestVersion, mode }) => {
    const e2e = mode === 'e2e';
    const optionalHosts = ['http://*/*', 'https://*/*'];
    // The extension's pages and worker run only the extension's own scripts (no eval, no remote
    // code, no plugins, no <base>, no form posts) and load nothing but the extension itself.
    // Connections (fetch) may go to the extension itself and, for sync (issue #23, docs/sync.md),
    // to a CouchDB the reader names at run time: any https origin, or http on this computer only.
    // A manifest cannot name a host chosen later (and CSP has no syntax for an IPv6 literal), so
    // which host is contacted, and when, is the code's rule, checked by the e2e suites: none while
    // sync is off; while it is on, only the server the reader gave, and only once the browser
    // granted its host permission, asked when the reader turns sync on (a CouchDB sends no CORS
    // headers by default, so without that grant the worker cannot read its answers).
    // Framing is refused in Chrome. Firefox's sidebar embeds the panel page in its own browser
    // chrome, which no test here can check, so there the directive is left out rather than risk an
    // empty sidebar. `npm run dev` serves scripts and styles from Vite's server with a live-reload
    // socket, so it goes without default-src and connect-src.
    const csp = [
      ...(command === 'serve' ? [] : ["default-src 'self'"]),
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      ...(browser === 'firefox' ? [] : ["frame-ancestors 'none'"]),
      ...(command === 'serve' ? [] : [`connect-src 'self' ${SYNC_CONNECT}`]),
    ].join('; ');
    return {
      name: 'Backstory',
      description: 'Context for the news you read: who is named, which claims are unverified, and what your archive holds. No server, no account.',
      permissions: [
        'activeTab',
        'scripting',
        'storage',
        'unlimitedStorage',
        // The hourly check for a scheduled backup (lib/archive/backup-schedule.ts).
        'alarms',
        ...(browser === 'firefox' ? [] : ['sidePanel']),
        // MV2 (Firefox) has no host_permissions: the e2e build's test server goes with the others.
        ...(e2e && manifestVersion === 2 ? [E2E_HOST] : []),
      ],
      ...(manifestVersion === 3
        ? {
            optional_host_permissions: optionalHosts,
            host_permissions: e2e ? [E2E_HOST] : [],
            // Scheduled backups into the downloads folder, asked when the reader turns them on.
            optional_permissions: ['downloads'],
          }
        : { optional_permissions: [...optionalHosts, 'downloads'] }),
      action: { default_title: 'Backstory: analyse this page' },
      commands: {
        [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
          suggested_key: { default: 'Alt+Shift+B' },
          description: 'Analyse this page and open the side panel',
        },
        'toggle-highlights': {
          suggested_key: { default: 'Alt+Shift+H' },
          description: 'Show or hide the highlights in the page',
        },
        'next-mark': {
          suggested_key: { default: 'Alt+Shift+J' },
          description: 'Go to the next name or claim marked in the page',
        },
      },
      content_security_policy: manifestVersion === 3 ? { extension_pages: csp } : csp,
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: GECKO_ID,
                // Firefox asks new add-ons to declare what they collect (nothing leaves the device);
                // the key exists from Firefox 140 (142 on Android), so those are the minimum versions.
                strict_min_version: '140.0',
                data_collection_permissions: { required: ['none'] },
              },
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : {}),
    };
  },
});

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The e2e build (`npm run build:e2e`, mode "e2e") is the production build plus one host permission
// for the local test server, because a headless browser cannot click the toolbar button that grants
// `activeTab`. It goes to its own folder so it can never be mistaken for the store build.
export default defineConfig({
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 4096 },
  }),
  manifest: ({ browser, manifestVersion, mode }) => {
    const e2e = mode === 'e2e';
    const optionalHosts = ['http://*/*', 'https://*/*'];
    return {
      name: 'Backstory',
      description:
        'Context for the news you read: who is named, which claims are unverified, and what your own archive already holds. Nothing leaves your device.',
      permissions: [
        'activeTab',
        'scripting',
        'storage',
        'unlimitedStorage',
        ...(browser === 'firefox' ? [] : ['sidePanel']),
      ],
      ...(manifestVersion === 3
        ? {
            optional_host_permissions: optionalHosts,
            host_permissions: e2e ? ['http://127.0.0.1/*'] : [],
          }
        : { optional_permissions: optionalHosts,}),
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
      },
      content_security_policy:
        manifestVersion === 3
          ? { extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'" }
          : "script-src 'self'; object-src 'self'",
      ...(browser === 'firefox'
        ? { browser_specific_settings: { gecko: { id: 'backstory@backstory.invalid', strict_min_version: '115.0' } } }
        : {}),
    };
  },
});

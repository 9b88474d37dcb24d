/**
 * The manifest wxt.config.ts produces for each build: exactly the permissions listed (with their
 * reasons) in test/permissions.ts, host access only as optional permissions asked at the moment of
 * use, and a strict content security policy. Then the extension's own source: no code that could
 * run text as code or load a script from elsewhere. (test/e2e/bundle.test.ts checks the built
 * manifest and the bundled code, dependencies included.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import config from '../../wxt.config';
import { CHROME_PERMISSIONS, CSP, cspProblems, E2E_HOSTS, FIREFOX_PERMISSIONS, OPTIONAL_HOSTS, OPTIONAL_PERMISSION_REASONS, OPTIONAL_PERMISSIONS, PERMISSION_REASONS } from '../permissions';

async function manifestFor(env: Partial<ConfigEnv>): Promise<UserManifest> {
  const m = config.manifest;
  const full: ConfigEnv = { mode: 'production', command: 'build', browser: 'chrome', manifestVersion: 3, ...env };
  return (typeof m === 'function' ? await m(full) : await m) as UserManifest;
}

const chrome = () => manifestFor({});
const firefox = () => manifestFor({ browser: 'firefox', manifestVersion: 2 });
const e2e = () => manifestFor({ mode: 'e2e' });

describe('permissions', () => {
  it('Chrome: exactly the listed ones, each with its reason', async () => {
    const m = await chrome();
    expect(m.permissions).toEqual(CHROME_PERMISSIONS);
    for (const p of m.permissions ?? []) expect(PERMISSION_REASONS[p as keyof typeof PERMISSION_REASONS], `no reason given for ${String(p)}`).toBeTruthy();
  });

  it('Chrome: no host access at install, every site only as an optional permission', async () => {
    const m = await chrome();
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
    expect(m.optional_permissions).toEqual(OPTIONAL_PERMISSIONS);
    expect(m.content_scripts ?? []).toEqual([]);
  });

  it('Firefox: the same without the side panel, and sites only as optional permissions', async () => {
    const m = await firefox();
    expect(m.permissions).toEqual(FIREFOX_PERMISSIONS);
    expect(m.optional_permissions).toEqual([...OPTIONAL_HOSTS, ...OPTIONAL_PERMISSIONS]);
    expect(m.host_permissions ?? []).toEqual([]);
  });

  it('the e2e build adds the local test server and nothing else', async () => {
    const m = await e2e();
    expect(m.permissions).toEqual(CHROME_PERMISSIONS);
    expect(m.host_permissions).toEqual(E2E_HOSTS);
    expect(m.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
  });

  it('no permission that would read or reach more than the page asked for', async () => {
    for (const m of [await chrome(), await firefox()]) {
      const all = [...(m.permissions ?? []), ...(m.optional_permissions ?? [])].map(String);
      for (const p of ['tabs', 'history', 'webRequest', 'webRequestBlocking', 'cookies', 'offscreen', 'declarativeNetRequest', '<all_urls>', 'nativeMessaging', 'management', 'debugger'])
        expect(all, p).not.toContain(p);
      // Downloads only as an optional permission, each with its reason, never at install.
      expect((m.permissions ?? []).map(String)).not.toContain('downloads');
      for (const p of OPTIONAL_PERMISSIONS) expect(OPTIONAL_PERMISSION_REASONS[p]).toBeTruthy();
    }
  });

  it('the Backup page asks for downloads at the moment the reader turns scheduled backups on, never at load', () => {
    const page = readFileSync('entrypoints/archive/BackupView.tsx', 'utf8');
    expect([...page.matchAll(/permissions\.request\(/g)].length).toBe(1);
    expect(page).toContain('async function chooseSchedule');
    const effects = [...page.matchAll(/useEffect\(\(\) => \{([\s\S]*?)\}, \[/g)].map((m) => m[1]!);
    for (const body of effects) expect(body).not.toMatch(/permissions\.request/);
  });

  it('the options ask for host access at the moment of use, never at load', () => {
    const options = readFileSync('entrypoints/options/App.tsx', 'utf8');
    // Requested only inside the handlers of the reader's choices…
    const requests = [...options.matchAll(/permissions\.request\(/g)].length;
    expect(requests).toBeGreaterThanOrEqual(2);
    for (const fn of ['async function chooseMode', 'async function addSite']) expect(options).toContain(fn);
    // …and nothing asks in an effect that runs when the page opens.
    const effects = [...options.matchAll(/useEffect\(\(\) => \{([\s\S]*?)\}, \[/g)].map((m) => m[1]!);
    for (const body of effects) expect(body).not.toMatch(/permissions\.request/);
  });

  it('the sync settings ask for the sync server alone when the reader turns sync on, never at load', () => {
    const page = readFileSync('components/SyncSettings.tsx', 'utf8');
    expect([...page.matchAll(/permissions\.request\(/g)].length).toBe(1);
    const turnOn = page.slice(page.indexOf('async function turnOn'));
    expect(turnOn.indexOf('permissions.request({ origins: [pattern] })')).toBeGreaterThan(0);
    // The request is the handler's first await, so the browser sees the reader's click.
    expect(turnOn.indexOf('await ')).toBe(turnOn.indexOf('await browser.permissions.request'));
    const effects = [...page.matchAll(/useEffect\(\(\) => \{([\s\S]*?)\}, \[/g)].map((m) => m[1]!);
    expect(effects.length).toBeGreaterThan(0);
    for (const body of effects) expect(body).not.toMatch(/permissions\.request/);
  });
});

describe('content security policy', () => {
  it('Chrome: only the extension’s own scripts, no plugins, no <base>, never framed, no connection but to a sync server', async () => {
    const m = await chrome();
    const csp = (m.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toBe(CSP.chrome);
    expect(cspProblems(csp)).toEqual([]);
  });

  it('Firefox (a string in MV2): the same policy', async () => {
    const csp = (await firefox()).content_security_policy as unknown as string;
    expect(csp).toBe(CSP.firefox);
    expect(cspProblems(csp)).toEqual([]);
  });

  it('the e2e build has the store build’s policy (its test servers are on 127.0.0.1)', async () => {
    const csp = ((await e2e()).content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toBe(CSP.chromeE2e);
    expect(cspProblems(csp, ['http://127.0.0.1:*'])).toEqual([]);
  });

  it('development (npm run dev) keeps the script rules; only default-src and connect-src give way to the dev server', async () => {
    const csp = ((await manifestFor({ command: 'serve', mode: 'development' })).content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('default-src');
  });
});

describe('no remote code in the extension’s own source', () => {
  // lib/cli is Node-only tooling, never bundled into the extension.
  const roots = ['entrypoints', 'components', 'lib'];
  function files(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return p === join('lib', 'cli') ? [] : files(p);
      return /\.(ts|tsx|html)$/.test(e.name) ? [p] : [];
    });
  }
  const sources = roots.flatMap(files).map((f) => ({ f, text: readFileSync(f, 'utf8') }));

  it.each([
    ['eval', /\beval\s*\(/],
    ['new Function', /\bnew\s+Function\s*\(/],
    ['setTimeout/setInterval with a string', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
    ['importScripts', /\bimportScripts\s*\(/],
    ['a dynamic import of a URL', /\bimport\s*\(\s*['"`](https?:)?\/\//],
    ['a script element made at run time', /createElement\s*\(\s*['"`]script['"`]/],
    ['a remote <script src>', /<script[^>]+src\s*=\s*["']?(https?:)?\/\//i],
  ])('no %s', (_, pattern) => {
    expect(sources.length).toBeGreaterThan(30);
    expect(sources.filter((s) => pattern.test(s.text)).map((s) => s.f)).toEqual([]);
  });

  it('no fetch of anything but the extension’s own files', () => {
    const fetches = sources.flatMap(({ f, text }) => [...text.matchAll(/\bfetch\s*\(([^)]*)/g)].map((m) => ({ f, arg: m[1]!.trim() })));
    // Models and tables shipped in the package, by browser.runtime.getURL (comments describing it count too).
    for (const x of fetches) expect(x.arg, `${x.f}: fetch(${x.arg})`).toMatch(/^browser\.runtime\.getURL\(/);
  });
});

describe('keyboard commands', () => {
  it('offers the read, marks and next-mark shortcuts, within the four suggested keys Chrome allows', async () => {
    for (const m of [await chrome(), await firefox()]) {
      const commands = (m as { commands?: Record<string, { suggested_key?: { default?: string } }> }).commands ?? {};
      expect(commands['next-mark']?.suggested_key?.default).toBe('Alt+Shift+J');
      expect(commands['toggle-highlights']?.suggested_key?.default).toBe('Alt+Shift+H');
      const keys = Object.values(commands)
        .map((c) => c.suggested_key?.default)
        .filter(Boolean);
      expect(keys.length).toBeLessThanOrEqual(4);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

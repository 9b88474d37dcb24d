/**
 * The built extension (the e2e build that `npm run test:e2e` makes just before: the store build's
 * code, plus one host permission and one connect-src for the local test server). Its manifest asks
 * for exactly the permissions in test/permissions.ts, and no shipped file, dependencies included,
 * can run text as code or load code from elsewhere. No browser runs here, so there is no network
 * log to check.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_BUILD } from '../../lib/cli/browser';
import { CHROME_PERMISSIONS, CSP, cspProblems, E2E_HOSTS, OPTIONAL_HOSTS, OPTIONAL_PERMISSIONS } from '../permissions';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const built = existsSync(join(E2E_BUILD, 'manifest.json'));
const all = built ? files(E2E_BUILD) : [];
const scripts = all.filter((f) => f.endsWith('.js')).map((f) => ({ f: relative(E2E_BUILD, f), text: readFileSync(f, 'utf8') }));
const pages = all.filter((f) => f.endsWith('.html')).map((f) => ({ f: relative(E2E_BUILD, f), text: readFileSync(f, 'utf8') }));

/**
 * Every http(s) address written in the shipped code, and why it is there. None is fetched or
 * loaded: the CSP would refuse it anyway, and the network log of the suite shows none.
 */
const KNOWN_ADDRESSES: Record<string, string> = {
  'http://*/*': 'the optional host permission the options ask for (all sites)',
  'https://*/*': 'the optional host permission the options ask for (all sites)',
  'http://www.w3.org/1999/xhtml': 'Preact: the XHTML namespace',
  'http://www.w3.org/2000/svg': 'Preact: the SVG namespace',
  'http://www.w3.org/1998/Math/MathML': 'Preact: the MathML namespace',
  'http://bit.ly/2kdckMn': 'Dexie: a link in the text of its PrematureCommitError',
  'https://tinyurl.com/y2uuvskb': 'Dexie: a link in the text of its MissingAPIError',
  'https://github.com/wxt-dev/wxt/issues/371': 'WXT storage (the settings item): a link in the text of one of its error messages',
  'https://wxt.dev/guide/go-further/testing.html': 'WXT storage (the settings item): a link in the text of one of its error messages',
  'http://www.w3.org/ns/anno.jsonld': 'the W3C Web Annotation context named in exported annotations (an identifier, never fetched)',
  'https://couch.example.net/backstory': 'sync: the example database address in the options form’s placeholder (never fetched)',
  'https://couch.example.net/backstory.': 'sync: the example database address in an error sentence (never fetched)',
  'https://github.com/uuidjs/uuid#getrandomvalues-not-supported': 'uuid (in PouchDB): a link in the text of one of its error messages',
};

describe('the built extension', () => {
  it('has been built', () => {
    expect(built, `no build at ${E2E_BUILD}: run npm run build:e2e`).toBe(true);
    expect(scripts.length).toBeGreaterThan(3);
  });

  it('asks for exactly the listed permissions; host access beyond the test server only when the reader allows it', () => {
    const m = JSON.parse(readFileSync(join(E2E_BUILD, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(m.permissions).toEqual(CHROME_PERMISSIONS);
    expect(m.host_permissions).toEqual(E2E_HOSTS);
    expect(m.optional_host_permissions).toEqual(OPTIONAL_HOSTS);
    expect(m.optional_permissions).toEqual(OPTIONAL_PERMISSIONS);
    expect(m.content_scripts ?? []).toEqual([]);
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    const csp = (m.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toBe(CSP.chromeE2e);
    expect(cspProblems(csp, ['http://127.0.0.1:*'])).toEqual([]);
  });

  it.each([
    ['eval', /(?<![\w$.])eval\s*\(/],
    ['new Function', /\bnew\s+Function\s*\(/],
    ['Function called on a string', /(?<![\w$.])Function\s*\(\s*['"`]/],
    ['setTimeout/setInterval with a string', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
    ['importScripts', /\bimportScripts\s*\(/],
    ['a dynamic import of a URL', /\bimport\s*\(\s*['"`](https?:)?\/\//],
    ['WebAssembly compiled from anywhere', /\bWebAssembly\s*\.\s*(instantiate|compile)/],
  ])('no %s in any shipped script', (_, pattern) => {
    expect(scripts.filter((s) => pattern.test(s.text)).map((s) => s.f)).toEqual([]);
  });

  it('pages load only the package’s own scripts and styles, and hold no inline script', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const { f, text } of pages) {
      for (const m of text.matchAll(/<(script|link)\b[^>]*>/gi)) {
        const src = /\b(?:src|href)\s*=\s*"([^"]*)"/i.exec(m[0])?.[1];
        if (src !== undefined) expect(src, `${f}: ${m[0]}`).toMatch(/^\/(?!\/)/);
      }
      // A <script> with a body would be inline code (and the CSP would refuse it).
      expect(text, f).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i);
    }
  });

  it('writes no web address in its code but the known ones (none of them fetched)', () => {
    const found = new Map<string, string>();
    for (const { f, text } of scripts) for (const m of text.matchAll(/https?:\/\/[^\s"'`)<>\\,;]+/g)) if (!found.has(m[0])) found.set(m[0], f);
    // Addresses built at run time from a page's own URL (`https://${host}`) are not written ones.
    const unknown = [...found].filter(([url]) => !(url in KNOWN_ADDRESSES) && !url.includes('${'));
    expect(
      unknown.map(([url, f]) => `${f}: ${url}`),
      'a new address in the shipped code: say why in KNOWN_ADDRESSES',
    ).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { transform } from 'esbuild';
import { DOMParser as LinkedomParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { quietReadability, quietReadabilityPlugin } from '../../lib/build/quiet-readability';

const path = createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js');
const source = readFileSync(path, 'utf8');

/** The Readability class from a version of its source, loaded as the CommonJS module it is. */
function load(code: string): new (doc: Document, opts?: object) => { parse(): { title: string; textContent: string } | null } {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports as never;
}

const page = `<html><head><title>Night trains return to the Alps</title></head><body><article><h1>Night trains return to the Alps</h1>
  ${'<p>After a gap of almost twenty years, sleeper trains run again between Vienna and Zurich, and the operator says the first month sold out.</p>'.repeat(6)}
  </article></body></html>`;
const parse = (code: string) => new (load(code))(new LinkedomParser().parseFromString(page, 'text/html') as unknown as Document).parse();

describe('Readability without its debug log', () => {
  it('reads a page exactly as Readability does', () => {
    const quiet = parse(quietReadability(source));
    expect(quiet?.textContent).toContain('sleeper trains run again');
    expect(quiet).toEqual(parse(source));
  });

  it('leaves no log call or message once minified, and touches only Readability', async () => {
    expect(source).toContain('"Grabbed: " + articleContent.innerHTML');
    const min = (await transform(quietReadability(source), { minify: true })).code;
    expect(min).not.toContain('Grabbed');
    expect(min).not.toContain('Starting grabArticle loop');
    expect(min.length).toBeLessThan((await transform(source, { minify: true })).code.length - 1000);
    const plugin = quietReadabilityPlugin();
    expect(plugin.transform(source, path)).not.toBeNull();
    expect(plugin.transform('this.log(1)', '/src/lib/page/hover.ts')).toBeNull();
  });
});

/** Builds the e2e flavour of the extension when it is missing or older than its sources. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { E2E_BUILD } from './browser';
import type { BrowserName } from './driver';
import { FIREFOX_E2E_BUILD } from './firefox';

const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const name of readdirSync(path)) {
    if (name === 'cli') continue; // Node-only tools are not part of the extension
    m = Math.max(m, newest(join(path, name)));
  }
  return m;
}

/** The e2e build for `browser` (Chromium's MV3 or Firefox's MV2), built first when stale. */
export function ensureE2EBuild(root = process.cwd(), browser: BrowserName = 'chromium'): string {
  const out = resolve(root, browser === 'firefox' ? FIREFOX_E2E_BUILD : E2E_BUILD);
  const manifest = join(out, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const src = Math.max(...SOURCES.map((s) => newest(resolve(root, s))));
  if (built < src) {
    const script = browser === 'firefox' ? 'build:e2e:firefox' : 'build:e2e';
    console.log(`Building the extension (npm run ${script})…`);
    const args = browser === 'firefox' ? ['wxt', 'build', '-b', 'firefox', '--mode', 'e2e'] : ['wxt', 'build', '--mode', 'e2e'];
    const r = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('The extension did not build; see the output above.');
  }
  return out;
}

/** Starts either browser with the e2e build (built first when stale), behind the common driver interface. */
import { launchWithExtension } from './browser';
import { ensureE2EBuild } from './build';
import { chromiumDriver, type BrowserName, type DriverBrowser } from './driver';
import { launchFirefoxWithExtension } from './firefox';

export interface DriverLaunchOptions {
  userDataDir?: string;
  proxyPort?: number;
  /** Chromium: refuse requests that leave the machine at once (see LaunchOptions.refuseRemote). */
  refuseRemote?: boolean;
}

export async function launchBrowser(name: BrowserName, opts: DriverLaunchOptions = {}): Promise<DriverBrowser> {
  const extensionPath = ensureE2EBuild(process.cwd(), name);
  if (name === 'firefox') return launchFirefoxWithExtension({ extensionPath, userDataDir: opts.userDataDir, proxyPort: opts.proxyPort });
  return chromiumDriver(await launchWithExtension({ extensionPath, ...opts }));
}

/** Reads `--browser chromium|firefox` from a command line (default Chromium). */
export function browserOption(argv: string[]): BrowserName {
  const at = argv.indexOf('--browser');
  if (at < 0) return 'chromium';
  const name = argv[at + 1];
  if (name !== 'chromium' && name !== 'firefox') throw new Error(`--browser takes chromium or firefox, not "${name ?? ''}".`);
  return name;
}

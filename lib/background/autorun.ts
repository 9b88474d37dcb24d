/**
 * Keeps the automatically injected content script in line with the reader's settings and with the
 * host permissions actually granted. Registration is the browser's, so it survives worker restarts.
 * It reaches the browser only through `AutoRunPorts`, which the background supplies (tests: fakes).
 */
import type { Browser } from 'wxt/browser';
import { autoRunPatterns, type Settings } from '../settings';

const SCRIPT_ID = 'backstory-autorun';

export interface AutoRunPorts {
  permissions: Pick<typeof Browser.permissions, 'contains'>;
  scripting: Pick<typeof Browser.scripting, 'getRegisteredContentScripts' | 'unregisterContentScripts' | 'registerContentScripts'>;
  settings(): Promise<Settings>;
}

export async function syncAutoRun(ports: AutoRunPorts): Promise<void> {
  try {
    const settings = await ports.settings();
    const wanted = autoRunPatterns(settings);
    const granted: string[] = [];
    for (const pattern of wanted) {
      if (await ports.permissions.contains({ origins: [pattern] })) granted.push(pattern);
    }
    const existing = await ports.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (existing.length) await ports.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (granted.length === 0) return;
    await ports.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        js: ['/content-scripts/content.js'],
        matches: granted,
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  } catch (err) {
    console.error('Backstory could not update automatic reading', err);
  }
}

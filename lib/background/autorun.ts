/**
 * Keeps the automatically injected content script in line with the reader's settings and with the
 * host permissions actually granted. Registration is the browser's, so it survives worker restarts.
 */
import { browser } from 'wxt/browser';
import { autoRunPatterns } from '../settings';
import { getSettings } from '../settings-item';

const SCRIPT_ID = 'backstory-autorun';

export async function syncAutoRun(): Promise<void> {
  try {
    const settings = await getSettings();
    const wanted = autoRunPatterns(settings);
    const granted: string[] = [];
    for (const pattern of wanted) {
      if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
    }
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (granted.length === 0) return;
    await browser.scripting.registerContentScripts([
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

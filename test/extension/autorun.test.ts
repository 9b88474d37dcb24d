/** Automatic reading (lib/background/autorun.ts) through its ports: registered only where the settings ask and a permission is held. */
import { describe, expect, it } from 'vitest';
import { syncAutoRun, type AutoRunPorts } from '../../lib/background/autorun';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

function ports(settings: Partial<Settings>, granted: string[], registered: string[] = []) {
  const log: string[] = [];
  let scripts = [...registered];
  const p: AutoRunPorts = {
    settings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    permissions: { contains: async ({ origins }) => (origins ?? []).every((o) => granted.includes(o)) },
    scripting: {
      getRegisteredContentScripts: (async () => scripts.map((id) => ({ id }))) as never,
      unregisterContentScripts: (async () => {
        log.push('unregister');
        scripts = [];
      }) as never,
      registerContentScripts: (async (list: { id: string; matches?: string[] }[]) => {
        for (const s of list) log.push(`register ${s.matches?.join(' ')}`);
        scripts = list.map((s) => s.id);
      }) as never,
    },
  };
  return { p, log, scripts: () => scripts };
}

describe('automatic reading', () => {
  it('registers the content script for the chosen sites the reader granted, and only those', async () => {
    const f = ports({ autoRun: 'sites', sites: ['https://news.example', 'https://other.example'] }, ['https://news.example/*']);
    await syncAutoRun(f.p);
    expect(f.log).toEqual(['register https://news.example/*']);
  });

  it('unregisters it when automatic reading is off, or no permission is left', async () => {
    const off = ports({ autoRun: 'off' }, ['https://news.example/*'], ['backstory-autorun']);
    await syncAutoRun(off.p);
    expect(off.log).toEqual(['unregister']);
    expect(off.scripts()).toEqual([]);
    const revoked = ports({ autoRun: 'all' }, [], ['backstory-autorun']);
    await syncAutoRun(revoked.p);
    expect(revoked.log).toEqual(['unregister']);
  });
});

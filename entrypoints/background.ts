/**
 * The background: sole owner of the archive and the models. It only wires things up; the logic is
 * in lib/background (handlers) and lib/archive (storage).
 */
// First: modules loaded after it register no pagehide listener (see the file for why).
import { allowPageLifecycleListeners } from '@/lib/background/page-lifecycle';
import { browser } from 'wxt/browser';
import { ArchiveDB } from '@/lib/archive/db';
import { createAnalyser } from '@/lib/background/analyser';
import { ArchiveIdf, fillFingerprints } from '@/lib/archive/coverage';
import { loadIdfTable } from '@/lib/events/idf';
import { loadMatchModel, type MatchModel } from '@/lib/claims-memory/match';
import { createService, type TabAccess } from '@/lib/background/service';
import { gate } from '@/lib/background/gate';
import { censusKeeper, checkCensus } from '@/lib/background/census';
import { TabStore } from '@/lib/background/tab-store';
import { downloadFinished, fileUrl, runScheduledBackup } from '@/lib/background/auto-backup';
import { ARCHIVE_CHANGED_KEY, AUTO_BACKUP_ALARM, DOWNLOADS_PERMISSION } from '@/lib/archive/backup-schedule';
import { syncAutoRun } from '@/lib/background/autorun';
import { broadcast, serve, tell } from '@/lib/messaging/transport';
import { originPattern } from '@/lib/settings';
import { getSettings, getSettingsStamps, updateSettings, watchSettings } from '@/lib/settings-item';
import { createSyncController, SYNC_ALARM } from '@/lib/sync/controller';
import { openPouch } from '@/lib/sync/pouch';

async function toggleHighlights(): Promise<void> {
  await updateSettings((s) => ({ highlights: !s.highlights }));
}

/**
 * The keyboard command "next mark": asks the content script of the tab (the active one when the
 * command names none) to move to its next mark. A tab Backstory has not read has no content script
 * and nothing marked: the message finds no one and nothing happens.
 */
async function nextMark(tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  await tell(id, 'content/next-mark').catch(() => undefined);
}

const CONTENT_SCRIPT = '/content-scripts/content.js';

export default defineBackground(() => {
  allowPageLifecycleListeners();
  const db = new ArchiveDB();
  // Event matching weighs words by the shipped IDF table plus the counts of this archive.
  const idf = new ArchiveIdf(db, async () => loadIdfTable(await (await fetch(browser.runtime.getURL('/models/idf.json'))).json()));
  const access: TabAccess = {
    async url(tabId) {
      try {
        return (await browser.tabs.get(tabId)).url ?? null;
      } catch {
        return null;
      }
    },
    async reanalyse(tabId) {
      try {
        await tell(tabId, 'content/reanalyse');
        return true;
      } catch {
        return false;
      }
    },
    async inject(tabId) {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    },
    async reveal(tabId, actorKey) {
      try {
        // A page's script answers: only a real `true` counts.
        return (await tell(tabId, 'content/reveal', { actorKey })) === true;
      } catch {
        return false;
      }
    },
    async revealClaim(tabId, claimId) {
      try {
        return (await tell(tabId, 'content/reveal-claim', { claimId })) === true;
      } catch {
        return false;
      }
    },
    async sendClaims(tabId, claims) {
      await tell(tabId, 'content/claims', { claims });
    },
    async selection(tabId) {
      try {
        const text: unknown = await tell(tabId, 'content/selection');
        return typeof text === 'string' ? text : null;
      } catch {
        return null;
      }
    },
    async canAccess(url) {
      try {
        return await browser.permissions.contains({ origins: [originPattern(url)] });
      } catch {
        return false;
      }
    },
  };
  // What the archive holds, kept outside IndexedDB: a database the browser discarded is noticed on start (issue #15).
  const keepCensus = censusKeeper(browser.storage.local, db, () => Date.now());
  // The claim matcher's model, loaded on first use (and again if that failed).
  let claimModel: Promise<MatchModel> | null = null;
  // Sync (issue #23, docs/sync.md): off until the reader turns it on in the options. While off it
  // contacts nothing; while on, only the server the reader gave, once its host permission is granted.
  const sync = createSyncController({
    db,
    Pouch: openPouch,
    storage: {
      get: (key) => browser.storage.local.get(key),
      set: (items) => browser.storage.local.set(items),
      remove: (key) => browser.storage.local.remove(key),
    },
    alarms: browser.alarms,
    // Only the groups the reader shares are read or written (lib/sync/shared-settings.ts).
    // Taking another device's settings holds the settings lock, as the options page's writes do.
    settings: { read: getSettings, stamps: getSettingsStamps, update: async (decide) => void (await updateSettings(decide)) },
    async mayContact(url) {
      try {
        return await browser.permissions.contains({ origins: [originPattern(url)] });
      } catch {
        return false;
      }
    },
    cycled(state) {
      // Articles that arrived from another device show on open pages at once.
      const a = state.last?.applied;
      if (a && a.added + a.updated + a.merged + a.deleted > 0) {
        keepCensus();
        broadcast({ kind: 'archive/changed' });
      }
    },
  });
  const service = createService({
    db,
    tabs: new TabStore(browser.storage.session),
    access,
    analyse: createAnalyser({
      ner: async () => (await fetch(browser.runtime.getURL('/models/ner.bin'))).arrayBuffer(),
      claims: async () => (await fetch(browser.runtime.getURL('/models/claims.json'))).json(),
      idf: async () => idf,
    }),
    idf,
    storage: typeof navigator !== 'undefined' ? navigator.storage : undefined,
    notify: (msg) => {
      broadcast(msg);
      if (msg.kind === 'archive/changed') {
        keepCensus();
        // A scheduled backup of an archive that did not change since the last one is skipped.
        void browser.storage.local.set({ [ARCHIVE_CHANGED_KEY]: Date.now() }).catch(() => undefined);
        // A change here goes to the reader's other devices soon (a cycle once changes pause).
        void sync.isOn().then((on) => on && sync.changed());
      }
    },
    now: () => Date.now(),
    settings: getSettings,
    area: browser.storage.local,
    openArchive: async (hash) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/archive.html${hash}`) });
    },
    claimMatch: () =>
      (claimModel ??= fetch(browser.runtime.getURL('/models/claim-match.json'))
        .then((r) => r.json())
        .then(loadMatchModel)
        .catch((err: unknown) => {
          claimModel = null;
          throw err;
        })),
    sync,
  });
  // Each request is checked against who sent it and what it carries (issue #15).
  serve(gate(service, browser.runtime.getURL('')), (err) => console.error('Backstory background error', err));

  // An archive that came back empty or smaller than it was left is recorded for the archive page to tell the reader.
  checkCensus(browser.storage.local, db, Date.now())
    .then((loss) => loss && console.error('Backstory: the archive holds fewer articles than it did', loss))
    .catch((err: unknown) => console.error('Backstory: the archive could not be counted on start', err));

  // Automatic backups (issue #15): checked hourly; written only when the reader chose a schedule,
  // allowed downloads, and the archive changed since the newest backup.
  void browser.alarms.get(AUTO_BACKUP_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(AUTO_BACKUP_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync.onAlarm(alarm.name);
    if (alarm.name !== AUTO_BACKUP_ALARM) return;
    void runScheduledBackup({
      db,
      area: browser.storage.local,
      permitted: () => browser.permissions.contains({ permissions: [DOWNLOADS_PERMISSION] }).catch(() => false),
      async download(text, path) {
        const file = fileUrl(text);
        try {
          const id = await browser.downloads.download({ url: file.url, filename: path, conflictAction: 'uniquify', saveAs: false });
          await downloadFinished(browser.downloads, id);
        } finally {
          file.release();
        }
      },
      now: () => Date.now(),
      settings: getSettings,
    }).then((r) => r === 'failed' && console.error('Backstory: the automatic backup failed'));
  });

  // Articles saved before fingerprints existed (or imported without them) get theirs in the
  // background, a batch at a time; until then they are simply not found as earlier coverage.
  setTimeout(() => {
    fillFingerprints(db, idf).catch((err: unknown) => console.error('Backstory: fingerprints not filled in', err));
  }, 2000);

  // The toolbar button (and its shortcut, Alt+Shift+B) opens the panel and reads the page.
  // The panel must be opened synchronously inside the click handler, or the browser refuses.
  const action = browser.action ?? browser.browserAction;
  action.onClicked.addListener((tab) => {
    if (tab.id === undefined) return;
    if (import.meta.env.FIREFOX) {
      // Firefox's sidebar; its type is not in the Chrome-based API typings.
      void (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
    } else {
      void browser.sidePanel.open({ tabId: tab.id }).catch(() => undefined);
    }
    void service.activate(tab.id);
  });

  // Alt+Shift+H: highlights on or off, everywhere (the content scripts follow the setting).
  // Alt+Shift+J: the next mark in the page, for keyboard readers (the page's tab order is left alone).
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-highlights') void toggleHighlights();
    if (command === 'next-mark') void nextMark(tab?.id);
  });

  browser.tabs.onRemoved.addListener((tabId) => void service.forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A navigation or reload unloads the content script: the tab has no article until it is read
    // again. (After a same-document navigation the content script is still there and reports again.)
    if (change.status === 'loading') void service.navigated(tabId, tab.url ?? change.url ?? null);
  });

  // The automatically injected content script follows the settings and the granted permissions.
  const autoRun = () => void syncAutoRun({ permissions: browser.permissions, scripting: browser.scripting, settings: getSettings });
  watchSettings(autoRun);
  watchSettings(() => void sync.settingsChanged());
  browser.permissions.onRemoved?.addListener(autoRun);
  browser.runtime.onInstalled.addListener(autoRun);
  browser.runtime.onStartup.addListener(autoRun);
  // A browser started after a while away catches up at once rather than at the next alarm.
  browser.runtime.onStartup.addListener(() => void sync.isOn().then(async (on) => void (on && (await sync.cycle()))));
});

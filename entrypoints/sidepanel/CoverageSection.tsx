import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CoverageView } from '@/components/coverage';
import { useBroadcast } from '@/components/useBroadcast';
import type { Coverage, SavedInfo } from '@/lib/messaging/protocol';
import { request } from '@/lib/messaging/transport';
import { parseSettings, SETTINGS_KEY } from '@/lib/settings';

interface Props {
  tabId: number;
  /** The article's URL and when it was read: a new reading of the tab is a new lookup. */
  url: string;
  at: number;
  saved: SavedInfo | null;
}

/**
 * Earlier coverage of the tab's article (issue #5). Mounted only while the tab state is `ready`.
 * Looks again when the article is read again or saved, updated or removed (the App re-reads the panel
 * state on `tab/changed`), and on `archive/changed`, since any save elsewhere can change the answer.
 */
export function CoverageSection({ tabId, url, at, saved }: Props) {
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const autoSaveOn = useAutoSave();
  // Lookups can overlap (a save changes the panel state and broadcasts): only the latest one counts.
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    const r = await request('panel/coverage', { tabId });
    if (mine !== seq.current) return;
    setLoading(false);
    if (r.ok) {
      setCoverage(r.value);
      setError(null);
    } else setError(r.error);
  }, [tabId]);

  // Another page or article: never show the previous one's coverage under it.
  useEffect(() => {
    setCoverage(null);
    setError(null);
  }, [tabId, url]);

  useEffect(() => {
    void load();
  }, [load, url, at, saved?.id, saved?.updatedAt]);

  useBroadcast(
    (msg) => {
      if (msg.kind === 'archive/changed') void load();
    },
    [load],
  );

  return (
    <CoverageView
      coverage={coverage}
      loading={loading}
      error={error}
      now={Date.now()}
      context="panel"
      autoSaveOn={autoSaveOn}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

/** Whether automatic saving is on, following the stored setting as the options page changes it. */
function useAutoSave(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const read = () => void browser.storage.local.get(SETTINGS_KEY).then((got) => setOn(parseSettings(got[SETTINGS_KEY]).autoSave));
    read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return on;
}

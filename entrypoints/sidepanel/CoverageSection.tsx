import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CoverageView } from '@/components/coverage';
import { Fold } from '@/components/Fold';
import { useBroadcast } from '@/components/useBroadcast';
import type { Coverage, SavedInfo } from '@/lib/messaging/protocol';
import { request } from '@/lib/messaging/transport';

export interface CoverageState {
  coverage: Coverage | null;
  loading: boolean;
  error: string | null;
}

/**
 * Earlier coverage of the tab's article (issue #5), for the glance line and its section. Used only
 * while the tab state is `ready`. Looks again when the article is read again or saved, updated or
 * removed (the App re-reads the panel state on `tab/changed`), and on `archive/changed`, since any
 * save elsewhere can change the answer.
 */
export function useCoverage(tabId: number, url: string, at: number, saved: SavedInfo | null): CoverageState {
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
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
  return { coverage, loading, error };
}

/** "Coverage in your archive": the event's timeline around this article, related articles, earlier statements. */
export function CoverageSection({ state, saved, autoSaveOn }: { state: CoverageState; saved: boolean; autoSaveOn: boolean }) {
  const c = state.coverage;
  return (
    <Fold id="coverage" title="Coverage in your archive" count={c ? c.same.length + c.related.length : undefined} testId="coverage-section">
      <CoverageView
        coverage={c}
        loading={state.loading}
        error={state.error}
        now={Date.now()}
        context="panel"
        embedded
        selfSaved={saved}
        autoSaveOn={autoSaveOn}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
      />
    </Fold>
  );
}

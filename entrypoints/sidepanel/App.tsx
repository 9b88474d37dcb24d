import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ArchiveLossNotice } from '@/components/ArchiveLossNotice';
import { ArticleMeta } from '@/components/ArticleMeta';
import { formatDate } from '@/components/format';
import { lastAnswer } from '@/components/last-answer';
import { memoryByClaim, MemoryContext } from '@/components/memory';
import { Notice } from '@/components/Notice';
import { askPersistentStorage, useBroadcast } from '@/components/useBroadcast';
import { useSettings } from '@/components/useSettings';
import type { PanelState } from '@/lib/messaging/protocol';
import type { Actor, Analysis, Claim } from '@/lib/types';
import { request } from '@/lib/messaging/transport';
import { originPattern } from '@/lib/settings';
import { updateSettings } from '@/lib/settings-item';
import type { ReviewDraft } from '@/components/claims';
import { ActorsSection } from './ActorsSection';
import { OtherClaimsSection, ToCheckSection } from './ClaimsSection';
import { CoverageSection, useCoverage } from './CoverageSection';
import { Glance } from './Glance';
import { HighlightsToggle } from './HighlightsToggle';
import { useActiveTab } from './useActiveTab';

const SLOW_MS = 10_000;

export function App() {
  const tabId = useActiveTab();
  const [panel, setPanel] = useState<PanelState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [slow, setSlow] = useState(false);
  // The panel's state comes back from several questions (a refresh on each broadcast, an action's
  // result); an answer overtaken by a later question is stale and is not shown.
  const latest = useMemo(() => lastAnswer(), []);

  const refresh = useCallback(async () => {
    if (tabId === null) return;
    const { current, value: r } = await latest(() => request('panel/state', { tabId }));
    if (!current) return;
    if (r.ok) {
      setPanel(r.value);
      setProblem(null);
    } else setProblem(r.error);
  }, [tabId, latest]);

  useEffect(() => {
    setPanel(null);
    void refresh();
  }, [refresh]);

  useBroadcast(
    (msg) => {
      if ((msg.kind === 'tab/changed' && msg.tabId === tabId) || msg.kind === 'archive/changed') void refresh();
    },
    [tabId, refresh],
  );

  const status = panel?.state.status;
  useEffect(() => {
    setSlow(false);
    if (status !== 'working') return;
    const t = setTimeout(() => setSlow(true), SLOW_MS);
    return () => clearTimeout(t);
  }, [status, panel?.state.url]);

  async function act(kind: 'panel/activate' | 'panel/save' | 'panel/remove') {
    if (tabId === null) return;
    setBusy(true);
    const { current, value: r } = await latest(() => request(kind, { tabId }));
    setBusy(false);
    // An action that failed says so, whatever was asked after it; one that worked shows its state
    // unless a later answer has (the archive's broadcast after a save asks again).
    if (!r.ok) return setProblem(r.error);
    if (kind === 'panel/save') void askPersistentStorage();
    if (!current) return;
    setPanel(r.value);
    setProblem(null);
  }

  /** Reading a page the extension has no standing permission for: ask for this site, then read. */
  async function readPage() {
    const url = panel?.state.url;
    if (panel && !panel.canAccess && url) {
      let granted: boolean;
      try {
        granted = await browser.permissions.request({ origins: [originPattern(url)] });
      } catch {
        granted = false;
      }
      if (!granted) {
        setProblem('Backstory needs your permission to read this site. You can also click its toolbar button on the page to read just this page.');
        return;
      }
    }
    await act('panel/activate');
  }

  return (
    <main class="panel" aria-busy={busy || status === 'working'}>
      <header class="panel-header">
        <p class="brand">Backstory</p>
        {status === 'ready' && <HighlightsToggle />}
      </header>
      <ArchiveLossNotice onRestore={() => void browser.tabs.create({ url: browser.runtime.getURL('/archive.html#/backup') })} />
      {problem && (
        <Notice title="That did not work" tone="error" testId="problem">
          <p>{problem}</p>
        </Notice>
      )}
      <Body
        panel={panel}
        busy={busy}
        slow={slow}
        onRead={readPage}
        onSave={() => act('panel/save')}
        onRemove={() => act('panel/remove')}
        onReveal={async (actor) => {
          if (tabId === null) return false;
          const r = await request('panel/reveal', { tabId, actorKey: actor.key });
          return r.ok && r.value.found;
        }}
        onRevealClaim={async (claim) => {
          if (tabId === null) return false;
          const r = await request('panel/reveal-claim', { tabId, claimId: claim.id });
          return r.ok && r.value.found;
        }}
        onReview={async (claim, review) => {
          if (tabId === null) return 'No tab.';
          const r = await request('panel/review', { tabId, claimId: claim.id, review });
          if (!r.ok) return r.error;
          setPanel(r.value);
          return null;
        }}
        onMarkSelection={async () => {
          if (tabId === null) return 'No tab.';
          const r = await request('panel/mark-claim', { tabId });
          if (!r.ok) return r.error;
          setPanel(r.value);
          return null;
        }}
      />
      <footer class="panel-footer">
        <button class="link" type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/archive.html') })}>
          Open your archive
        </button>
        <button class="link" type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </footer>
    </main>
  );
}

interface BodyProps {
  panel: PanelState | null;
  busy: boolean;
  slow: boolean;
  onRead(): void;
  onSave(): void;
  onRemove(): void;
  onReveal(actor: Actor): Promise<boolean>;
  onRevealClaim(claim: Claim): Promise<boolean>;
  onReview(claim: Claim, review: ReviewDraft | null): Promise<string | null>;
  onMarkSelection(): Promise<string | null>;
}

function Body({ panel, busy, slow, onRead, onSave, onRemove, ...rest }: BodyProps) {
  if (!panel) return <Notice title="Opening…" tone="busy" />;
  const s = panel.state;
  switch (s.status) {
    case 'idle':
      return (
        <Notice title="Backstory has not read this page" testId="idle">
          <p>Read it to see who is named, what is claimed, and what your archive already holds about it.</p>
          <p>
            <button class="primary" type="button" onClick={onRead} disabled={busy} data-testid="read-page">
              Read this page
            </button>
          </p>
          {!panel.canAccess && <p class="muted">This asks to allow Backstory on this site. To read just this one page, click the Backstory button in the toolbar (Alt+Shift+B).</p>}
        </Notice>
      );
    case 'working':
      return (
        <Notice title="Reading the page…" tone="busy" testId="working">
          {slow && (
            <p>
              This is taking longer than usual.{' '}
              <button class="link" type="button" onClick={onRead}>
                Try again
              </button>
            </p>
          )}
        </Notice>
      );
    case 'unsupported':
      return (
        <Notice title="Backstory can't read this page" testId="unsupported">
          <p>{s.message}</p>
        </Notice>
      );
    case 'not-article':
      return (
        <Notice title="This page doesn't look like an article" tone="warn" testId="not-article">
          <p>{s.message}</p>
          <p class="muted">Backstory works on news articles, reports and blog posts. Open one and click the toolbar button.</p>
        </Notice>
      );
    case 'error':
      return (
        <Notice title="Backstory couldn't read this page" tone="error" testId="error">
          <p>{s.message}</p>
          <p>
            <button type="button" onClick={onRead} disabled={busy}>
              Try again
            </button>
          </p>
        </Notice>
      );
    case 'ready':
      return <Ready panel={panel} state={s} busy={busy} onSave={onSave} onRemove={onRemove} rest={rest} />;
  }
}

type ReadyState = Extract<PanelState['state'], { status: 'ready' }>;

interface ReadyProps {
  panel: PanelState;
  state: ReadyState;
  busy: boolean;
  onSave(): void;
  onRemove(): void;
  rest: Pick<BodyProps, 'onReveal' | 'onRevealClaim' | 'onReview' | 'onMarkSelection'>;
}

/**
 * An article read: the glance line, then the claims to check, earlier coverage, the names, and the
 * other claims, each in a section that folds.
 */
function Ready({ panel, state: s, busy, onSave, onRemove, rest }: ReadyProps) {
  const a = s.article;
  const analysis: Analysis = s.analysis;
  const claims = analysis.claims ?? [];
  const memory = useMemo(() => memoryByClaim(analysis.memory), [analysis.memory]);
  const coverage = useCoverage(panel.tabId, s.url, s.at, panel.saved);
  const settings = useSettings();
  function jump(id: string) {
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'start' });
    el?.querySelector<HTMLElement>('.fold-button')?.focus({ preventScroll: true });
  }
  return (
    <>
      <article class="card article-card" data-testid="article">
        <h1 class="article-title" data-testid="title">
          {a.title}
        </h1>
        <ArticleMeta publisher={a.publisher} aggregator={a.aggregator} byline={a.byline} published={a.published} wordCount={a.wordCount} url={a.url} />
        {a.truncated && <p class="truncated">This page is very long: Backstory read its first part only.</p>}
        <Glance claims={claims} actors={analysis.actors} coverage={coverage} saved={!!panel.saved} onJump={jump} />
        <div class="actions">
          {panel.saved ? (
            <>
              <span class="saved-state" data-testid="saved-state" title={`Saved ${formatDate(panel.saved.savedAt, true)}`}>
                ✓ Saved <span class="muted">on {formatDate(panel.saved.savedAt)}</span>
              </span>
              <button type="button" class="small" onClick={onSave} disabled={busy} data-testid="save" title="Save this page's current text over the saved copy">
                Update
              </button>
              <button type="button" class="small danger" onClick={onRemove} disabled={busy} data-testid="remove" title="Remove this article from your archive">
                Remove
              </button>
            </>
          ) : (
            <button type="button" class="primary" onClick={onSave} disabled={busy} data-testid="save">
              Save to archive
            </button>
          )}
        </div>
      </article>
      <MemoryContext.Provider value={memory}>
        <ToCheckSection claims={claims} notice={analysis.notice} onReveal={rest.onRevealClaim} onReview={rest.onReview} />
        <CoverageSection state={coverage} saved={!!panel.saved} autoSaveOn={settings?.autoSave ?? false} />
        <ActorsSection analysis={analysis} onReveal={rest.onReveal} />
        <OtherClaimsSection
          claims={claims}
          notice={analysis.notice}
          onReveal={rest.onRevealClaim}
          onReview={rest.onReview}
          onMarkSelection={rest.onMarkSelection}
          allMarked={settings ? settings.allClaims : null}
          onMarkAll={(on) => void updateSettings({ allClaims: on, ...(on ? { highlights: true } : {}) })}
        />
      </MemoryContext.Provider>
    </>
  );
}

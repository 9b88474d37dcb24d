/**
 * The page lifecycle: read the page, report it to the background, paint what the background found
 * (named actors and claims) onto the live page, and start again after a same-document navigation (single-page
 * sites change the URL without a reload). Everything it adds to the page is removed when the
 * content script is invalidated (extension updated or unloaded) or the highlights are switched off.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractArticle } from '@/lib/extract';
import { answer, request } from '@/lib/messaging/transport';
import { createHighlights } from '@/lib/page/highlights';
import { parseSettings, SETTINGS_KEY } from '@/lib/settings';
import type { ExtractResult, PageAnalysis } from '@/lib/types';

/** Set on the content script's own (isolated) global, invisible to the page. */
const LOADED = Symbol.for('backstory.content.loaded');
/** How long a single-page site gets to render the new article after a URL change. */
const SETTLE_MS = 900;

type Global = typeof globalThis & { [LOADED]?: { analyse(): void } };

export function startPage(ctx: ContentScriptContext): void {
  const g = globalThis as Global;
  if (g[LOADED]) {
    // Injected a second time (the button was clicked again): read the page again.
    g[LOADED].analyse();
    return;
  }
  let timer: number | undefined;
  let showHighlights = true;
  let allClaims = false;
  /** Claims the reader asked to see from the panel: marked even when only the doubted ones are. */
  let asked = new Set<string>();
  /** What was last read and found, so highlights can be switched back on without asking again. */
  let last: { paragraphs: string[]; analysis: PageAnalysis } | null = null;

  const highlights = createHighlights(document, {
    async getArchiveInfo(actorKey) {
      const r = await request('content/actor-info', { key: actorKey });
      return r.ok ? r.value : null;
    },
    openActor(key) {
      void request('content/open-actor', { key });
    },
  });

  function paint(): void {
    if (!last || !showHighlights || !ctx.isValid) {
      highlights.hide();
      return;
    }
    highlights.show(last.paragraphs, last.analysis, allClaims, asked);
  }

  async function analyse(): Promise<void> {
    highlights.hide();
    last = null;
    asked = new Set();
    const url = location.href;
    let result: ExtractResult;
    try {
      result = extractArticle(document, url);
    } catch (err) {
      console.error('Backstory: extraction failed', err);
      result = { ok: false, reason: 'not-article', message: 'Backstory could not read this page.', ms: 0 };
    }
    if (!ctx.isValid) return;
    const reply = await request('content/report', { url, result });
    if (!ctx.isValid || location.href !== url) return; // navigated meanwhile: a newer read follows
    if (reply.ok && reply.value.analysis && result.ok) {
      last = { paragraphs: result.article.paragraphs, analysis: reply.value.analysis };
      paint();
    }
  }

  g[LOADED] = { analyse: () => void analyse() };
  ctx.onInvalidated(() => {
    delete g[LOADED];
    if (timer !== undefined) clearTimeout(timer);
    highlights.destroy();
  });

  /** Reveals an actor or a claim, showing the highlights for this page when they are off. */
  function reveal(found: () => boolean, claimId?: string): boolean {
    const add = claimId !== undefined && !allClaims && !asked.has(claimId);
    if (add) asked.add(claimId);
    if (!showHighlights || add) {
      // Revealing something while highlights are off shows them for this page only; a claim
      // not marked by default is marked from now on.
      showHighlights = true;
      paint();
    }
    return found();
  }

  // The background's commands (lib/messaging/protocol.ts, CONTENT_COMMANDS), one handler each.
  ctx.onInvalidated(
    answer({
      'content/reanalyse': () => {
        void analyse();
        return true;
      },
      'content/claims': ({ claims }) => {
        if (last) {
          last = { ...last, analysis: { ...last.analysis, claims } };
          paint();
        }
        return true;
      },
      'content/selection': () => String(window.getSelection() ?? ''),
      'content/next-mark': () => highlights.next(),
      'content/reveal': ({ actorKey }) => reveal(() => highlights.reveal(actorKey)),
      'content/reveal-claim': ({ claimId }) => reveal(() => highlights.revealClaim(claimId), claimId),
    }),
  );

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    ({ highlights: showHighlights, allClaims } = parseSettings(changes[SETTINGS_KEY]?.newValue));
    paint();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    highlights.hide();
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => void analyse(), SETTLE_MS);
  });

  void browser.storage.local
    .get(SETTINGS_KEY)
    .then((got) => {
      ({ highlights: showHighlights, allClaims } = parseSettings(got[SETTINGS_KEY]));
    })
    .catch(() => undefined)
    .finally(() => void analyse());
}

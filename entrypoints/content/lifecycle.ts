/**
 * The page lifecycle: read the page, report it to the background, and read it again after a
 * same-document navigation (single-page sites change the URL without a reload).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractArticle } from '@/lib/extract';
import { isContentCommand } from '@/lib/messaging/protocol';
import { request } from '@/lib/messaging/transport';
import type { ExtractResult } from '@/lib/types';

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

  async function analyse(): Promise<void> {
    const url = location.href;
    let result: ExtractResult;
    try {
      result = extractArticle(document, url);
    } catch (err) {
      console.error('Backstory: extraction failed', err);
      result = { ok: false, reason: 'not-article', message: 'Backstory could not read this page.', ms: 0 };
    }
    if (!ctx.isValid) return;
    await request('content/report', { url, result });
  }

  g[LOADED] = { analyse: () => void analyse() };
  ctx.onInvalidated(() => {
    delete g[LOADED];
    if (timer !== undefined) clearTimeout(timer);
  });

  const onMessage = (msg: unknown) => {
    if (!isContentCommand(msg)) return undefined;
    if (msg.kind === 'content/reanalyse') void analyse();
    return Promise.resolve(true);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => void analyse(), SETTLE_MS);
  });

  void analyse();
}

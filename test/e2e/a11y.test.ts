/**
 * End to end, issue #20: accessibility. axe-core finds no serious or critical violation on the side
 * panel, the archive's views (articles, claims, backup, reader) and the options page, in the light
 * and the dark theme; and the main journey works from the keyboard alone: read a page, save it,
 * open a claim's review and set its status, with a visible focus at every step.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED, Session } from './session';

const s = new Session();
beforeAll(() => s.start());
afterAll(() => s.stop());

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Found {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's serious and critical violations on the page as it is now. The script is evaluated
 * through the DevTools protocol, which the extension pages' CSP does not apply to (a <script> tag
 * would be refused, rightly).
 */
async function violations(page: Page): Promise<Found[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Checks the page in both themes. */
async function bothThemes(page: Page, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // A frame for the theme's styles to apply.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect(await violations(page), `${what}, ${colorScheme} theme`).toEqual([]);
  }
}

/** Presses Tab until the element with this test id has the focus (keyboard only); fails after `max` presses. */
async function tabTo(page: Page, testId: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    if (at === testId) {
      // The focus is visible: an outline (or a box shadow) is drawn around the focused element.
      const ring = await page.evaluate(() => {
        const st = getComputedStyle(document.activeElement!);
        return (st.outlineStyle !== 'none' && st.outlineWidth !== '0px') || st.boxShadow !== 'none';
      });
      expect(ring, `visible focus on ${testId}`).toBe(true);
      return;
    }
  }
  throw new Error(`${testId} was not reached with ${max} presses of Tab`);
}

describe('accessibility', () => {
  let page: Page;
  let panel: Page;
  let tabId: number;

  it('reads, saves, opens a claim and sets its status from the keyboard alone', async () => {
    ({ page, panel, tabId } = await s.openWithPanel(SEED));
    await panel.getByTestId('read-page').waitFor({ timeout: 20_000 });
    await tabTo(panel, 'read-page');
    await panel.keyboard.press('Enter');
    await panel.getByTestId('glance').waitFor({ timeout: 20_000 });
    await tabTo(panel, 'save');
    await panel.keyboard.press('Enter');
    await panel.getByText('✓ Saved').waitFor({ timeout: 20_000 });
    await tabTo(panel, 'review-open');
    const claim = panel.getByTestId('claim').filter({ has: panel.getByTestId('review-form') });
    await panel.keyboard.press('Enter');
    await claim.waitFor();
    const before = await claim.getByTestId('claim-status').textContent();
    // The radio group: Tab reaches the checked status, an arrow key moves to the next one.
    await tabTo(panel, `status-${before === 'Unverified' ? 'unverified' : 'verified'}`);
    await panel.keyboard.press('ArrowRight');
    const chosen = await panel.evaluate(() => (document.activeElement as HTMLInputElement).value);
    expect(chosen).not.toBe(before?.toLowerCase());
    await tabTo(panel, 'review-save');
    const id = await claim.getAttribute('data-claim-id');
    await panel.keyboard.press('Enter');
    const saved = panel.locator(`[data-testid="claim"][data-claim-id="${id}"]`).getByTestId('claim-status');
    await expect.poll(() => saved.textContent()).not.toBe(before);
  });

  it('moves between the page’s marks from the keyboard (Alt+Shift+J), without touching the page’s tab order', async () => {
    // The shortcut is a browser command (the page's own keys are left alone). Keys sent through the
    // DevTools protocol reach the page, not the browser's shortcut handling, so the test sends what
    // the background sends on the command (entrypoints/background.ts, nextMark) to the tab.
    const nextMark = () =>
      panel.evaluate(async (tabId) => {
        const c = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown, o: unknown): Promise<unknown> } } }).chrome;
        return c.tabs.sendMessage(tabId, { kind: 'content/next-mark' }, { frameId: 0 });
      }, tabId);
    await page.bringToFront();
    const tabStops = () => page.evaluate(() => [...document.querySelectorAll('[tabindex], a[href], button, input')].map((e) => `${e.localName}:${e.getAttribute('tabindex')}`).join());
    const before = await tabStops();
    /** The mark now flashed (the highlight registry is shared with the page): its text and where it starts. */
    const flashed = () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-flash');
        const r = h ? [...h][0] : undefined;
        return r ? { text: r.toString(), top: r.getBoundingClientRect().top + scrollY } : null;
      });
    const caret = () =>
      page.evaluate(() => {
        const sel = getSelection();
        return sel?.anchorNode ? { text: sel.anchorNode.textContent?.slice(sel.anchorOffset, sel.anchorOffset + 20) ?? '', collapsed: sel.isCollapsed } : null;
      });
    expect(await nextMark()).toBe(true);
    await expect.poll(flashed, { timeout: 5_000 }).not.toBeNull();
    const first = (await flashed())!;
    expect(first.text.length).toBeGreaterThan(1);
    // The caret stands at the mark, so Tab and a screen reader go on from there.
    expect(await caret()).toMatchObject({ collapsed: true });
    expect(first.text.startsWith((await caret())!.text.slice(0, Math.min(first.text.length, 20)))).toBe(true);
    // The card says who or what it is, as on hover.
    await expect.poll(() => page.evaluate(() => !!document.querySelector('backstory-card')), { timeout: 5_000 }).toBe(true);
    // The next press goes on to a later mark.
    expect(await nextMark()).toBe(true);
    await expect.poll(async () => (await flashed())?.text !== first.text || (await flashed())?.top !== first.top, { timeout: 5_000 }).toBe(true);
    const second = (await flashed())!;
    expect(second.top).toBeGreaterThanOrEqual(first.top - 1);
    // Escape closes the card; nothing in the page became focusable, and Tab does not jump back to the page's top.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => !!document.querySelector('backstory-card'))).toBe(false);
    await page.keyboard.press('Tab');
    expect(await tabStops()).toBe(before);
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const sel = getSelection();
      if (!el || el === document.body || !sel?.anchorNode) return 'outside or after';
      return sel.anchorNode.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING ? `before: ${el.outerHTML.slice(0, 80)}` : 'outside or after';
    });
    expect(focused).toBe('outside or after');
  });

  it('has no serious or critical violation in the side panel', async () => {
    await bothThemes(panel, 'side panel with an article');
    await page.close();
    await panel.close();
  });

  it('has no serious or critical violation in the archive’s views', async () => {
    const archive = await s.b.openExtensionPage('archive.html', { width: 1280, height: 900 });
    await archive.getByTestId('archive-item').first().waitFor({ timeout: 20_000 });
    await bothThemes(archive, 'archive: articles');
    await archive.getByTestId('nav-claims').click();
    await archive.getByTestId('claim-row').first().waitFor({ timeout: 20_000 });
    await bothThemes(archive, 'archive: claims');
    await archive.getByTestId('claim-row').first().getByTestId('claim-link').click();
    await archive.getByTestId('reader').waitFor({ timeout: 20_000 });
    await bothThemes(archive, 'archive: reader');
    await archive.getByTestId('nav-backup').click();
    await archive.getByTestId('last-backup').waitFor();
    await bothThemes(archive, 'archive: backup');
    await archive.close();
  });

  it('has no serious or critical violation on the options page', async () => {
    const options = await s.b.openExtensionPage('options.html');
    await options.getByTestId('auto-save').waitFor({ timeout: 20_000 });
    await bothThemes(options, 'options');
    await options.close();
  });
});

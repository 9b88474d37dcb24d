/**
 * End to end, issue #20: the side panel leads with what matters and the page marks inform rather
 * than cover. On the seed page, the glance line and the unverified claims are on the panel's first
 * screen (420×900) without scrolling; the page marks names and unverified claims only until "Show
 * all claims" is chosen; hovering a claim mark says who said it and why it is marked; a folded
 * section stays folded when the panel opens again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardText, SEED, Session } from './session';

const s = new Session();
beforeAll(() => s.start());
afterAll(() => s.stop());

/** Our highlight names on the page and how many ranges each holds (Highlight API or wrapping fallback). */
function marks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    for (const [name, ranges] of registry ?? []) if (name.startsWith('backstory-') && name !== 'backstory-flash') out[name.slice(10)] = ranges.size;
    for (const el of document.querySelectorAll('backstory-mark')) {
      const k = el.getAttribute('data-kind') ?? '';
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  });
}

describe('context at a glance', () => {
  let page: Page;
  let panel: Page;

  it('shows the glance line and the unverified claims on the first screen of the panel', async () => {
    ({ page, panel } = await s.openWithPanel(SEED));
    expect(panel.viewportSize()).toEqual({ width: 420, height: 900 });
    await panel.getByTestId('read-page').click();
    await panel.getByTestId('glance').waitFor({ timeout: 20_000 });
    expect(await panel.evaluate(() => window.scrollY)).toBe(0);
    const glance = await panel.getByTestId('glance').boundingBox();
    expect(glance!.y).toBeGreaterThanOrEqual(0);
    expect(glance!.y + glance!.height).toBeLessThanOrEqual(900);
    // The seed article reports several claims without saying by whom: the glance line counts them.
    const line = await panel.getByTestId('glance-claims').textContent();
    const unverified = Number(/(\d+)\s+claims? the article does not back up/.exec(line ?? '')?.[1]);
    expect(unverified).toBeGreaterThanOrEqual(2);
    // Each of them is listed, whole, on the first screen.
    const cards = panel
      .getByTestId('to-check')
      .getByTestId('claim')
      .filter({ has: panel.locator('.status-unverified') });
    expect(await cards.count()).toBe(unverified);
    for (let i = 0; i < unverified; i++) {
      const box = await cards.nth(i).boundingBox();
      expect(box!.y + box!.height, `unverified claim ${i + 1} ends within the first screen`).toBeLessThanOrEqual(900);
    }
    await expect.poll(() => panel.getByTestId('coverage').getAttribute('aria-busy')).toBe('false');
    expect(await panel.getByTestId('glance-coverage').textContent()).toMatch(/archive/);
    expect(await panel.getByTestId('glance-people').textContent()).toMatch(/^Mainly about /);
  });

  it('marks names and unverified claims only, until every claim is asked for', async () => {
    await expect.poll(async () => (await marks(page))['claim-unverified'] ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await marks(page);
    expect(before.per).toBeGreaterThan(0);
    expect(
      Object.keys(before)
        .filter((k) => k.startsWith('claim'))
        .sort(),
    ).toEqual(['claim-unverified']);
    await panel.getByTestId('toggle-all-claims').check();
    await expect.poll(async () => (await marks(page)).claim ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await marks(page))['claim-unverified']).toBe(before['claim-unverified']);
    await panel.getByTestId('toggle-all-claims').uncheck();
    await expect.poll(async () => (await marks(page)).claim ?? 0, { timeout: 10_000 }).toBe(0);
  });

  it('says who made a marked claim and why it is marked, when the pointer rests on it', async () => {
    const text = 'It is understood that';
    const point = await page.evaluate((start: string) => {
      const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
      const range = [...(registry?.get('backstory-claim-unverified') ?? [])].find((r) => r.toString().startsWith(start)) as Range | undefined;
      if (!range) return null;
      (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      return { x: r.left + 30, y: r.top + r.height / 2 };
    }, text);
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    const card = page.locator('backstory-card');
    await card.waitFor({ timeout: 5_000 });
    const shown = await cardText(page);
    expect(shown).toMatch(/Unverified claim/);
    expect(shown).toMatch(/does not say by whom/);
  });

  it('keeps a folded section folded when the panel opens again', async () => {
    const fold = panel.getByTestId('actors-fold');
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    await fold.click();
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.getByTestId('actor').count()).toBe(0);
    await panel.reload();
    await panel.getByTestId('actors-fold').waitFor({ timeout: 20_000 });
    await expect.poll(() => panel.getByTestId('actors-fold').getAttribute('aria-expanded')).toBe('false');
    await panel.getByTestId('actors-fold').click();
    await panel.getByTestId('actor').first().waitFor();
  });

  it('lists at least six saved articles on a 1280×900 archive page', async () => {
    const pages = [
      SEED,
      'demo/wikinews-uk-supreme-court-prorogation.html',
      'e2e/coverage/genoa-collapse.html',
      'e2e/coverage/genoa-toll.html',
      'e2e/coverage/genoa-emergency.html',
      'e2e/coverage/baltimore-bridge.html',
    ];
    for (const path of pages) {
      const opened = await s.openWithPanel(path);
      const read = opened.panel.getByTestId('read-page');
      await read.or(opened.panel.getByTestId('glance')).first().waitFor({ timeout: 20_000 });
      if (await read.count()) await read.click();
      await opened.panel.getByTestId('save').waitFor({ timeout: 20_000 });
      if (!(await opened.panel.getByTestId('saved-state').count())) {
        await opened.panel.getByTestId('save').click();
        await opened.panel.getByText('✓ Saved').waitFor({ timeout: 20_000 });
      }
      await opened.panel.close();
      await opened.page.close();
    }
    const archive = await s.b.openExtensionPage('archive.html', { width: 1280, height: 900 });
    await expect.poll(() => archive.getByTestId('archive-item').count(), { timeout: 20_000 }).toBe(6);
    const boxes = await archive.getByTestId('archive-item').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom));
    expect(boxes.filter((bottom) => bottom <= 900).length, 'rows wholly on the first screen').toBeGreaterThanOrEqual(6);
    // No backup reminder above (or at all on) the list of a first day's six articles.
    expect(await archive.getByTestId('backup-reminder').count()).toBe(0);
    await archive.close();
  });
});

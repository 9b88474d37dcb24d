/**
 * End to end, issue #3: named actors on the seed page in Chromium. Highlights for the expected
 * actors, a hover card on hover, the panel's actor list revealing a mention, and switching the
 * highlights off leaving the page's DOM exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURES, SEED, Session } from './session';

interface ExpectedActor {
  name: string;
  aliases: string[];
}
const expected = JSON.parse(readFileSync(join(FIXTURES, 'seed/expected.json'), 'utf8')) as {
  actors: { PER: ExpectedActor[]; ORG: ExpectedActor[]; LOC: ExpectedActor[] };
};

const s = new Session();
beforeAll(() => s.start());
afterAll(() => s.stop());

/** The painted texts by kind ("per", "org", "loc"), whichever painter the page got. */
function painted(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    if (registry) {
      for (const [name, ranges] of registry) {
        const m = /^backstory-(per|org|loc)$/.exec(name);
        if (m) out[m[1]!] = [...ranges].map((r) => r.toString());
      }
    }
    for (const el of document.querySelectorAll('backstory-mark')) {
      const kind = el.getAttribute('data-kind') ?? el.className;
      (out[kind] ??= []).push(el.textContent ?? '');
    }
    return out;
  });
}

/** The page's DOM as a string, read in the page's own world. */
const dom = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);

describe('named actors in the page', () => {
  let page: Page;
  let panel: Page;
  let before: string;

  it('highlights every expected actor by type, and lists them in the panel', async () => {
    ({ page, panel } = await s.openWithPanel(SEED));
    before = await dom(page);
    await panel.getByTestId('read-page').click();
    await panel.getByTestId('actor').first().waitFor({ timeout: 20_000 });
    await expect.poll(async () => Object.keys(await painted(page)).length, { timeout: 10_000 }).toBe(3);
    const texts = await painted(page);
    for (const type of ['PER', 'ORG', 'LOC'] as const) {
      const kind = type.toLowerCase();
      for (const actor of expected.actors[type]) {
        const found = (texts[kind] ?? []).some((t) => actor.aliases.includes(t) || t === actor.name);
        expect(found, `${type} ${actor.name} highlighted`).toBe(true);
      }
    }
    // The panel lists the eight most mentioned first; "Show all" lists the rest.
    if (await panel.getByTestId('actors-all').count()) await panel.getByTestId('actors-all').click();
    const chips = await panel.getByTestId('actor').allTextContents();
    for (const actor of expected.actors.PER)
      expect(
        chips.some((c) => c.includes(actor.name)),
        actor.name,
      ).toBe(true);
  });

  it('shows a hover card over a highlighted name', async () => {
    const box = await page.evaluate(() => {
      const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
      const ranges = registry ? [...(registry.get('backstory-per') ?? [])] : [];
      const marks = [...document.querySelectorAll('backstory-mark')].map((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return r;
      });
      const range = [...ranges, ...marks].find((r) => r.toString() === 'Volodymyr Zelensky');
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x, box!.y);
    await page.locator('backstory-card').waitFor({ state: 'attached', timeout: 5_000 });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.locator('backstory-card').waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('reveals an actor’s first mention when it is clicked in the panel', async () => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const y0 = await page.evaluate(() => window.scrollY);
    await panel.locator('[data-actor-key]', { hasText: 'Volodymyr Zelensky' }).first().click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5_000 }).toBeLessThan(y0);
    expect(await panel.getByText('could not be found in the page').count()).toBe(0);
  });

  it('switches highlights off leaving the DOM exactly as it was, and on again', async () => {
    await panel.getByTestId('toggle-highlights').click();
    await expect.poll(() => panel.getByTestId('toggle-highlights').getAttribute('aria-pressed')).toBe('false');
    expect(await panel.getByTestId('toggle-highlights').textContent()).toBe('Marks in page: off');
    await expect.poll(async () => Object.keys(await painted(page)).length).toBe(0);
    expect(await dom(page)).toBe(before);
    await panel.getByTestId('toggle-highlights').click();
    await expect.poll(() => panel.getByTestId('toggle-highlights').getAttribute('aria-pressed')).toBe('true');
    expect(await panel.getByTestId('toggle-highlights').textContent()).toBe('Marks in page: on');
    await expect.poll(async () => Object.keys(await painted(page)).length).toBe(3);
  });

  it('keeps the actors with the saved article, and the archive filters by them', async () => {
    await panel.getByTestId('save').click();
    await panel.getByText('✓ Saved').waitFor();
    const archive = await s.b.openExtensionPage('archive.html');
    await archive.getByTestId('archive-item').first().waitFor();
    await archive.getByRole('link', { name: 'Donald Trump' }).first().click();
    await archive.getByTestId('filter').waitFor();
    expect(await archive.getByTestId('filter').textContent()).toContain('Donald Trump');
    expect(await archive.getByTestId('archive-item').count()).toBe(1);
    await archive.close();
  });

  it('made no network request of its own', async () => {
    await s.expectNoNetworkOfItsOwn();
  });
});

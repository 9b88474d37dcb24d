/**
 * End to end, issue 22: follow the story, in Chromium. Three reports of one event (a dam collapse,
 * test/fixtures/e2e/memory). The reader marks a former inspector's claim disputed in the first;
 * the second report words that claim differently, and its card in the panel and its mark's hover
 * in the page show the reader's review. The archive's actor page lists the inspector's articles and
 * statements in date order, and the story page the event's articles in date order. The reports are
 * saved out of date order on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardText, Session } from './session';

const s = new Session();
beforeAll(() => s.start());
afterAll(() => s.stop());

const DIR = 'e2e/memory/';
const COLLAPSE = 'Dam collapse at Kessling reservoir kills 26 in the Arlen valley';
const TOLL = 'Kessling dam: death toll rises to 39 as inquiry is opened';
const INQUIRY = 'Kessling dam inquiry: former inspector Maria Okafor to give evidence';
const NOTE = 'The authority’s March inspection report found no cracks.';

async function read(file: string): Promise<{ page: Page; panel: Page }> {
  const opened = await s.openWithPanel(DIR + file);
  await opened.panel.getByTestId('read-page').click();
  await opened.panel.getByTestId('save').waitFor({ timeout: 20_000 });
  return opened;
}

async function save(panel: Page): Promise<void> {
  await panel.getByTestId('save').click();
  await panel.getByText('✓ Saved').waitFor();
}

describe('follow the story', () => {
  let okaforKey = '';

  it('shows the review of a claim made in another article, reworded, on the new claim’s card and hover', async () => {
    await (async () => {
      const { page, panel } = await read('kessling-inquiry.html'); // 8 May, saved first
      await save(panel);
      await panel.close();
      await page.close();
    })();
    const first = await read('kessling-collapse.html'); // 3 May
    const warned = first.panel.getByTestId('claim').filter({ hasText: 'cracks in the Kessling dam two years ago' });
    await expect.poll(() => warned.count(), { timeout: 10_000 }).toBe(1);
    await warned.getByTestId('review-open').click();
    await warned.getByTestId('status-disputed').check();
    await warned.getByTestId('review-note').fill(NOTE);
    await warned.getByTestId('review-save').click();
    await expect.poll(() => warned.getByTestId('claim-status').textContent()).toBe('Disputed');
    await first.panel.getByText('✓ Saved').waitFor();
    okaforKey = (await first.panel.getByTestId('actor').filter({ hasText: 'Maria Okafor' }).first().getAttribute('data-actor-key')) ?? '';
    expect(okaforKey).toMatch(/okafor/i);
    await first.panel.close();
    await first.page.close();

    const { page, panel } = await read('kessling-toll.html'); // 5 May: the same claim, in other words
    const card = panel.getByTestId('claim').filter({ hasText: 'had been warned of cracks in the Kessling dam years before it failed' });
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    const memory = card.getByTestId('claim-memory');
    await memory.waitFor({ timeout: 10_000 });
    expect(await memory.getByTestId('memory-flag').textContent()).toMatch(/You marked this claim disputed before/);
    const recall = memory.getByTestId('claim-recall').filter({ has: panel.getByTestId('recall-review') });
    expect(await recall.getByTestId('recall-review').textContent()).toMatch(/^You marked this disputed on /);
    expect(await recall.getByTestId('recall-note').textContent()).toBe(NOTE);
    expect(await recall.textContent()).toContain('two years ago');
    expect(((await recall.getByTestId('recall-why').textContent()) ?? '').toLowerCase()).toContain('cracks');
    // The flagged claim is among the claims to check first.
    expect(await panel.getByTestId('to-check').getByTestId('claim').filter({ hasText: 'years before it failed' }).count()).toBe(1);

    // In the page: the claim is marked, and its hover card says what the reader decided.
    const point = await page.evaluate((start: string) => {
      const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
      for (const ranges of registry?.values() ?? []) {
        const range = [...ranges].find((r) => r.toString().includes(start)) as Range | undefined;
        if (!range) continue;
        (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
        const rects = [...range.getClientRects()];
        const r = rects[rects.length - 1]!;
        return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 };
      }
      return null;
    }, 'years before it failed');
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    await page.locator('backstory-card').waitFor({ timeout: 5_000 });
    const shown = await cardText(page);
    expect(shown).toMatch(/You marked this disputed on \d+ \w+ \d{4}/);
    expect(shown).toContain('no cracks');
    await save(panel);
    await panel.close();
    await page.close();
  });

  it('lists an actor’s articles and statements in date order on their page', async () => {
    const archive = await s.b.openExtensionPage(`archive.html#/actor/${encodeURIComponent(okaforKey)}`);
    await archive.getByTestId('actor-page').waitFor({ timeout: 20_000 });
    expect(await archive.getByTestId('actor-name').textContent()).toBe('Maria Okafor');
    const titles = await archive.getByTestId('actor-article').allTextContents();
    expect(titles).toHaveLength(3);
    expect(titles[0]).toContain(COLLAPSE);
    expect(titles[1]).toContain(TOLL);
    expect(titles[2]).toContain(INQUIRY);
    const said = await archive.getByTestId('actor-statement').allTextContents();
    expect(said.length).toBeGreaterThanOrEqual(2);
    expect(said[0]).toContain('two years ago');
    expect(said[0]).toContain('Disputed');
    expect(said.findIndex((x) => x.includes('years before it failed'))).toBeGreaterThan(0);
    // Dates never go back.
    const days = await archive.getByTestId('actor-statement').locator('.tl-date').allTextContents();
    const ms = days.map((d) => Date.parse(d));
    expect(ms.every((t) => !Number.isNaN(t))).toBe(true);
    expect([...ms].sort((a, b) => a - b)).toEqual(ms);
    expect(await archive.getByTestId('actor-companions').textContent()).toContain('Hal Brennan');
    await archive.close();
  });

  it('lists an event’s articles in date order on its story page', async () => {
    const archive = await s.b.openExtensionPage('archive.html');
    await archive.getByTestId('archive-item').first().waitFor({ timeout: 20_000 });
    await archive.getByRole('link', { name: TOLL }).click();
    await archive.getByTestId('story-link').click();
    await archive.getByTestId('story-page').waitFor({ timeout: 20_000 });
    await expect.poll(() => archive.getByTestId('story-article').count(), { timeout: 10_000 }).toBe(3);
    const items = await archive.getByTestId('story-article').locator('h2').allTextContents();
    expect(items).toEqual([COLLAPSE, TOLL, INQUIRY]);
    // The reworded claim is recognised as the one first made on 3 May, which the reader disputed.
    const repeat = archive.getByTestId('story-claim').filter({ hasText: 'years before it failed' });
    expect(await repeat.getByTestId('story-earlier').textContent()).toMatch(/^Repeats a claim first made on .*2026 \(“Dam collapse at Kessling .*, marked disputed there\)$/);
    await archive.close();
  });

  it('made no network request of its own', async () => {
    await s.expectNoNetworkOfItsOwn();
  });
});

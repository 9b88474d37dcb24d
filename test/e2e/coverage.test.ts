/**
 * End to end, issue #5: earlier coverage in Chromium. Two reports of one event (the Genoa bridge
 * collapse) and one of another event of the same kind (the Baltimore bridge collapse) are saved;
 * a third report of the Genoa collapse then shows the two Genoa reports in the panel, oldest first,
 * and not the Baltimore one. They are saved in the wrong date order on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { archiveTotal, Session } from './session';

const s = new Session();
beforeAll(() => s.start());
afterAll(() => s.stop());

const DIR = 'e2e/coverage/';
const TOLL = 'Genoa bridge: death toll rises to 39 as Italy blames motorway operator';
const COLLAPSE = 'Motorway bridge collapses in Genoa, killing dozens';
const BALTIMORE = 'Baltimore bridge collapses after container ship strikes it';

async function readAndSave(file: string): Promise<void> {
  const { page, panel } = await s.openWithPanel(DIR + file);
  await panel.getByTestId('read-page').click();
  await panel.getByTestId('save').waitFor({ timeout: 20_000 });
  await panel.getByTestId('save').click();
  await panel.getByText('✓ Saved').waitFor();
  await panel.close();
  await page.close();
}

describe('earlier coverage', () => {
  let panel: Page;

  it('shows an empty archive how the section fills', async () => {
    const opened = await s.openWithPanel(DIR + 'genoa-emergency.html');
    panel = opened.panel;
    await panel.getByTestId('read-page').click();
    const empty = panel.getByTestId('coverage-empty');
    await empty.waitFor({ timeout: 20_000 });
    expect(await empty.textContent()).toMatch(/sav/i);
    await panel.close();
    await opened.page.close();
  });

  it('lists the two reports of the same event in date order, and not the other event', async () => {
    await readAndSave('genoa-toll.html');
    await readAndSave('genoa-collapse.html');
    await readAndSave('baltimore-bridge.html');

    const opened = await s.openWithPanel(DIR + 'genoa-emergency.html');
    panel = opened.panel;
    await panel.getByTestId('read-page').click();
    const same = panel.getByTestId('coverage-same');
    await expect.poll(() => same.count(), { timeout: 20_000 }).toBe(2);
    const texts = await same.allTextContents();
    expect(texts[0]).toContain(COLLAPSE);
    expect(texts[1]).toContain(TOLL);
    expect(texts[0]).toContain('Harbour Courier');
    // What the earlier reports share with this one.
    expect(texts.join(' ')).toContain('Toninelli');
    const section = await panel.getByTestId('coverage').textContent();
    expect(section).not.toContain(BALTIMORE);
    expect(await panel.getByTestId('coverage-new-here').textContent()).toContain('Mattarella');
    await panel.close();
    await opened.page.close();
  });

  it('finds articles by words and tag in the archive, shows a saved article’s coverage, and deletes several with undo', async () => {
    const archive = await s.b.openExtensionPage('archive.html');
    await archive.getByTestId('archive-item').first().waitFor({ timeout: 20_000 });
    // A plural and the start of the last word: "dozens" and "Morand".
    await archive.getByTestId('search').fill('dozens Morand');
    await expect.poll(() => archive.getByTestId('match-count').textContent(), { timeout: 10_000 }).toBe('1 article matches');
    expect(await archive.getByTestId('archive-item').first().textContent()).toContain(COLLAPSE);
    expect(archive.url()).toContain('q=dozens');
    await archive.getByTestId('search').fill('bridge');
    await expect.poll(() => archive.getByTestId('match-count').textContent()).toBe('3 articles match');

    // Tag the two Genoa reports, then filter by the tag.
    await archive.getByTestId('search').fill('genoa');
    await expect.poll(() => archive.getByTestId('match-count').textContent()).toBe('2 articles match');
    await archive.getByTestId('select-all').check();
    await archive.getByTestId('tag-input').fill('Genoa bridge');
    await archive.getByTestId('tag-add').click();
    await expect.poll(() => archive.getByTestId('row-tag').count()).toBe(2);
    await archive.getByTestId('clear-filters').click();
    await archive.getByTestId('filter-tag').selectOption('genoa bridge');
    await expect.poll(() => archive.getByTestId('match-count').textContent()).toBe('2 articles match');

    // The reader view of the first report lists the later one as coverage of the same event.
    await archive.getByRole('link', { name: COLLAPSE }).click();
    const cov = archive.getByTestId('reader-coverage');
    await cov.getByTestId('coverage-same').first().waitFor({ timeout: 10_000 });
    expect(await cov.getByTestId('coverage-same').allTextContents()).toEqual([expect.stringContaining(TOLL)]);
    await archive.goBack();

    // Delete both in one go, then undo.
    await archive.getByTestId('select-all').check();
    await archive.getByTestId('delete-selected').click();
    await expect.poll(() => archiveTotal(archive)).toBe(1);
    await archive.getByTestId('undo').click();
    await expect.poll(() => archiveTotal(archive)).toBe(3);
    await archive.close();
  });

  it('shows the whole event in date order, with this article at its place between an earlier and a later report', async () => {
    await readAndSave('genoa-emergency.html'); // 17 August: now the archive holds a later report too
    const opened = await s.openWithPanel(DIR + 'genoa-toll.html'); // 15 August
    panel = opened.panel;
    await panel.getByTestId('read-page').click();
    await expect.poll(() => panel.getByTestId('coverage-same').count(), { timeout: 20_000 }).toBe(2);
    const order = await panel
      .locator('ol.timeline > li')
      .evaluateAll((items) => items.map((li) => `${li.getAttribute('data-testid')}${li.getAttribute('data-when') ? `:${li.getAttribute('data-when')}` : ''} ${li.textContent ?? ''}`));
    expect(order.map((x) => x.split(' ')[0])).toEqual(['coverage-same:earlier', 'coverage-here', 'coverage-same:later']);
    expect(order[0]).toContain(COLLAPSE);
    expect(order[2]).toContain('Genoa');
    expect(order.join(' ')).not.toContain(BALTIMORE);
    // "New here" names people, organisations and places, never word stems.
    const fresh = (await panel.getByTestId('coverage-new-here').textContent()) ?? '';
    const names = fresh.replace(/^New here:\s*/, '').split(/,\s*/);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name, fresh).toMatch(/^\p{Lu}/u);
    await panel.close();
    await opened.page.close();
  });

  it('made no network request of its own', async () => {
    await s.expectNoNetworkOfItsOwn();
  });
});

/**
 * End to end in Firefox (firefox-esr, headless, the Firefox e2e build as a temporary add-on): what
 * a reader does first, on the seed page and a few others. The sidebar's page is opened in a tab
 * pinned to the article's tab, as the Chromium tests do with the side panel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askBackground, markByText, readWithPanel, testId, type DriverPage } from '../../lib/cli/driver';
import type { PanelState } from '../../lib/messaging/protocol';
import { archiveTotal, FIXTURES, FirefoxSession, SEED } from './session';

const expected = JSON.parse(readFileSync(join(FIXTURES, 'seed/expected.json'), 'utf8')) as {
  extraction: { title: string; publisher: string; aggregator: string };
};
const MACRON = 'I think we have changed President Trump';

const s = new FirefoxSession();
beforeAll(() => s.start());
afterAll(() => s.stop());

/** Our highlights in the page by name (CSS Custom Highlight API) or by kind (the wrapping fallback). */
function painted(page: DriverPage): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    for (const [name, ranges] of registry ?? []) if (name.startsWith('backstory-')) out[name.slice('backstory-'.length)] = [...ranges].map((r) => r.toString());
    for (const el of document.querySelectorAll('backstory-mark')) (out[el.getAttribute('data-kind') ?? el.className] ??= []).push(el.textContent ?? '');
    return out;
  }, null);
}

const dom = (page: DriverPage) => page.evaluate(() => document.documentElement.outerHTML, null);

describe('the extension in Firefox', () => {
  let page: DriverPage;
  let panel: DriverPage;
  let tabId: number;

  it('reads the seed page: title, publisher and aggregator in the sidebar page', async () => {
    ({ page, panel, tabId } = await s.openWithPanel(SEED));
    await panel.waitFor(testId('idle'));
    await readWithPanel(panel);
    expect(await panel.text(testId('title'))).toBe(expected.extraction.title);
    expect(await panel.text(testId('publisher'))).toBe(expected.extraction.publisher);
    expect(await panel.text(testId('aggregator'))).toBe(expected.extraction.aggregator);
    // The test server's port is not the default one, and its host is granted: no permission asked.
    expect(new URL(s.server.origin).port).not.toBe('');
    const state = await askBackground<PanelState>(panel, 'panel/state', { tabId });
    expect(state.ok && state.value.canAccess).toBe(true);
  });

  it('paints the names and claims, and switching highlights off restores the page exactly', async () => {
    await expect.poll(async () => Object.keys(await painted(page)).filter((k) => ['per', 'org', 'loc'].includes(k)).length, { timeout: 15_000 }).toBe(3);
    expect((await painted(page)).per).toEqual(expect.arrayContaining(['Volodymyr Zelensky']));
    expect((await painted(page))['claim-unverified']?.join(' ')).toContain('It is understood that');
    await panel.click(testId('toggle-highlights'));
    await panel.waitFor(`${testId('toggle-highlights')}[aria-pressed="false"]`);
    await expect.poll(async () => Object.keys(await painted(page)).length).toBe(0);
    // Reloaded, so the page as served is the reference, then read again with highlights off.
    await page.reload();
    const served = await dom(page);
    await readWithPanel(panel);
    await panel.waitFor(testId('claim'));
    expect(Object.keys(await painted(page))).toEqual([]);
    expect(await dom(page)).toBe(served);
    await panel.click(testId('toggle-highlights'));
    await panel.waitFor(`${testId('toggle-highlights')}[aria-pressed="true"]`);
    await expect.poll(async () => Object.keys(await painted(page)).filter((k) => ['per', 'org', 'loc'].includes(k)).length, { timeout: 15_000 }).toBe(3);
    await panel.click(testId('toggle-highlights'));
    await panel.waitFor(`${testId('toggle-highlights')}[aria-pressed="false"]`);
    await expect.poll(async () => Object.keys(await painted(page)).length).toBe(0);
    expect(await dom(page)).toBe(served);
    await panel.click(testId('toggle-highlights'));
    await panel.waitFor(`${testId('toggle-highlights')}[aria-pressed="true"]`);
  });

  it('keeps a claim review across a reload', async () => {
    expect(await markByText(panel, testId('claim'), MACRON, 'macron')).toBe(true);
    await panel.click(`[data-e2e="macron"] ${testId('review-open')}`);
    await panel.click(`[data-e2e="macron"] ${testId('status-disputed')}`);
    await panel.fill(`[data-e2e="macron"] ${testId('review-note')}`, 'His own view; no evidence offered.');
    await panel.click(`[data-e2e="macron"] ${testId('review-save')}`);
    await expect.poll(() => panel.text(`[data-e2e="macron"] ${testId('claim-status')}`)).toBe('Disputed');
    await panel.waitForText('✓ Saved'); // reviewing saved the article
    await expect.poll(async () => (await painted(page))['claim-disputed']?.join(' ') ?? '', { timeout: 10_000 }).toContain(MACRON);

    await page.reload();
    await readWithPanel(panel);
    await panel.waitFor(testId('claim'));
    expect(await markByText(panel, testId('claim'), MACRON, 'macron')).toBe(true);
    expect(await panel.text(`[data-e2e="macron"] ${testId('claim-status')}`)).toBe('Disputed');
    expect(await panel.text(`[data-e2e="macron"] ${testId('claim-note')}`)).toBe('His own view; no evidence offered.');
    await expect.poll(async () => (await painted(page))['claim-disputed']?.join(' ') ?? '', { timeout: 10_000 }).toContain(MACRON);
  });

  it('saves an article once, however often it is saved', async () => {
    await panel.click(testId('save')); // already saved by the review: "Saved" again updates it
    await panel.waitForText('✓ Saved');
    await page.reload();
    await readWithPanel(panel);
    await panel.click(testId('save'));
    await panel.waitForText('✓ Saved');
    expect(await archiveTotal(panel)).toBe(1);
    await panel.close();
    await page.close();
  });

  it('keeps the archive, and the review, across a browser restart', async () => {
    await s.restart();
    const archive = await s.b.openExtensionPage('archive.html');
    await archive.waitFor(testId('archive-item'));
    expect(await archive.count(testId('archive-item'))).toBe(1);
    expect(await archive.text(testId('archive-item'))).toContain(expected.extraction.title);
    expect(await archiveTotal(archive)).toBe(1);
    await archive.goto(`${s.b.extensionOrigin}/archive.html#/claims`);
    await archive.waitFor(testId('claim-row'));
    expect(await markByText(archive, testId('claim-row'), MACRON, 'macron')).toBe(true);
    expect(await archive.text(`[data-e2e="macron"] ${testId('claim-status')}`)).toBe('Disputed');
    await archive.close();
  });

  it('shut down cleanly: nothing of the extension’s was cut off or failed as Firefox closed', () => {
    // The log is Firefox's console: it must have been captured for this to mean anything.
    expect(s.previousLog.length, 'Firefox printed nothing: its console was not captured').toBeGreaterThan(0);
    const ours = s.previousLog.filter((l) => l.includes(s.b.extensionOrigin));
    expect(
      ours.filter((l) => /terminated|error/i.test(l)),
      s.previousLog.slice(-40).join('\n'),
    ).toEqual([]);
  });

  it('says so when the page is not an article', async () => {
    const { page, panel } = await s.openWithPanel('e2e/not-article.html');
    await readWithPanel(panel);
    expect(await panel.text(testId('not-article'))).toContain("doesn't look like an article");
    expect(await panel.count(testId('save'))).toBe(0);
    await panel.close();
    await page.close();
  });

  it('reads a site on a non-default port that the reader allowed in the options', async () => {
    // "localhost" is not among the e2e build's hosts. The reader adds the site, with its port, in
    // the options; Firefox grants it (a test profile answers permission prompts yes) as a portless
    // pattern, the only kind it matches; Backstory then reads the site's pages by itself.
    const port = new URL(s.server.origin).port;
    const site = `http://localhost:${port}`;
    const options = await s.b.openExtensionPage('options.html');
    expect(await markByText(options, '.option', 'By itself on the sites I choose', 'sites')).toBe(true);
    await options.click('[data-e2e="sites"] input[type="radio"]');
    await options.fill('#site', site);
    await options.click(testId('sites-add'));
    await options.waitForText(`Backstory will read articles on ${site} by itself.`);
    await options.close();

    const { page, panel, tabId } = await s.b.openWithPanel(`${site}/${SEED}`);
    await panel.waitFor(testId('title'), 30_000);
    expect(await panel.text(testId('title'))).toBe(expected.extraction.title);
    const state = await askBackground<PanelState>(panel, 'panel/state', { tabId });
    expect(state.ok && state.value.canAccess).toBe(true);
    expect(await panel.count(testId('problem'))).toBe(0);
    await panel.close();
    await page.close();
  });

  it('made no network request of its own during the whole run', async () => {
    expect(s.server.hits.some((h) => h.includes('inkl-independent'))).toBe(true);
    await s.expectNoNetworkOfItsOwn();
  });
});

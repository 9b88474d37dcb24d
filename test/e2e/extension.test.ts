/**
 * End to end: the built extension (e2e build) in Debian's Chromium, on pages served from 127.0.0.1.
 * Every request the browser makes is recorded; at the end, nothing may have left the machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveTotal, FIXTURES, SEED, Session } from './session';

const expected = JSON.parse(readFileSync(join(FIXTURES, 'seed/expected.json'), 'utf8')) as {
  extraction: { title: string; publisher: string; aggregator: string };
};

const s = new Session();
const openWithPanel = (path: string) => s.openWithPanel(path);

beforeAll(() => s.start());
afterAll(() => s.stop());

describe('the extension in Chromium', () => {
  it('reads the seed page: title, publisher and aggregator in the side panel', async () => {
    const { page, panel } = await openWithPanel(SEED);
    await panel.getByTestId('idle').waitFor();
    await panel.getByTestId('read-page').click();
    await panel.getByTestId('title').waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId('title').textContent()).toBe(expected.extraction.title);
    expect(await panel.getByTestId('publisher').textContent()).toBe(expected.extraction.publisher);
    expect(await panel.getByTestId('aggregator').textContent()).toBe(expected.extraction.aggregator);
    await panel.close();
    await page.close();
  });

  it('saves an article once, however often it is saved', async () => {
    const { page, panel } = await openWithPanel(SEED);
    await panel.getByTestId('read-page').click();
    await panel.getByTestId('save').waitFor();
    await panel.getByTestId('save').click();
    await panel.getByText('✓ Saved').waitFor();
    await panel.getByTestId('save').click(); // "Saved" again: updates the record
    await panel.getByText('✓ Saved').waitFor();
    // Reading the page anew and saving it again still leaves one record.
    await page.reload();
    await panel.getByTestId('idle').waitFor();
    await panel.getByTestId('read-page').click();
    await panel.getByTestId('save').waitFor();
    await panel.getByTestId('save').click();
    await panel.getByText('✓ Saved').waitFor();
    expect(await archiveTotal(panel)).toBe(1);
    await panel.close();
    await page.close();
  });

  it('says so when the page is not an article', async () => {
    const { page, panel } = await openWithPanel('e2e/not-article.html');
    await panel.getByTestId('read-page').click();
    await panel.getByTestId('not-article').waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId('not-article').textContent()).toContain("doesn't look like an article");
    expect(await panel.getByTestId('save').count()).toBe(0);
    await panel.close();
    await page.close();
  });

  it('treats a same-document URL change on a single-page site as a new page', async () => {
    const { page, panel } = await openWithPanel('spa/first');
    await panel.getByTestId('read-page').click();
    await panel.getByTestId('title').waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId('title').textContent()).toContain('ferry timetable');
    await page.click('#next');
    await panel.getByText('Lighthouse restoration finished').waitFor({ timeout: 20_000 });
    await panel.close();
    await page.close();
  });

  it('keeps the archive across a browser restart', async () => {
    await s.restart();
    const archive = await s.b.openExtensionPage('archive.html');
    await archive.getByTestId('archive-item').first().waitFor({ timeout: 20_000 });
    const items = archive.getByTestId('archive-item');
    expect(await items.count()).toBe(1);
    expect(await items.first().textContent()).toContain(expected.extraction.title);
    expect(await archive.getByTestId('stats').textContent()).toContain('1 article');
    await archive.close();
  });

  it('shows the saved text in the reader view, and deletes with undo', async () => {
    const archive = await s.b.openExtensionPage('archive.html');
    await archive.getByTestId('archive-item').first().waitFor();
    await archive.getByRole('link', { name: expected.extraction.title }).click();
    await archive.getByTestId('reader').waitFor();
    expect(await archive.getByTestId('reader').textContent()).toContain('The UK is preparing to deploy troops to Ukraine');
    await archive.getByRole('link', { name: '← Back to the archive' }).click();
    await archive
      .getByRole('button', { name: /^Delete/ })
      .first()
      .click();
    await archive.getByTestId('empty').waitFor();
    await archive.getByTestId('undo').click();
    await archive.getByTestId('archive-item').first().waitFor();
    expect(await archiveTotal(archive)).toBe(1);
    await archive.close();
  });

  it('made no network request of its own during the whole run', async () => {
    expect(s.server.hits.some((h) => h.includes('inkl-independent'))).toBe(true);
    await s.expectNoNetworkOfItsOwn();
  });
});

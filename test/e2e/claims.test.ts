/**
 * End to end, issue #4: claims on the seed page in Chromium. Claims are painted on the page and
 * listed in the panel; a status set in the panel is kept across a reload; the archive's Claims
 * view lists the reviewed claim and links back to its sentence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readInPanel } from '../../lib/cli/browser';
import { SEED, Session } from './session';

const s = new Session();
beforeAll(() => s.start());
afterAll(() => s.stop());

/** Names of our claim highlights on the page and what they cover (Highlight API or wrapping fallback). */
function claimPaint(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    for (const [name, ranges] of registry ?? []) {
      const m = /^backstory-(claim(?:-[a-z-]+)?)$/.exec(name);
      if (m) out[m[1]!] = [...ranges].map((r) => r.toString());
    }
    for (const el of document.querySelectorAll('backstory-mark[data-kind^="claim"]')) (out[el.getAttribute('data-kind')!] ??= []).push(el.textContent ?? '');
    return out;
  });
}

const MACRON = 'I think we have changed President Trump';

describe('claims', () => {
  let page: Page;
  let panel: Page;

  it('paints the claims on the page and lists them in the panel with speaker and signals', async () => {
    ({ page, panel } = await s.openWithPanel(SEED));
    await panel.getByTestId('read-page').click();
    await panel.getByTestId('claim').first().waitFor({ timeout: 20_000 });
    await expect.poll(async () => Object.keys(await claimPaint(page)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const paint = await claimPaint(page);
    expect((paint['claim-unverified'] ?? []).join(' ')).toContain('It is understood that');
    const macron = panel.getByTestId('claim').filter({ hasText: MACRON });
    await expect.poll(() => macron.count()).toBe(1);
    expect(await macron.getByTestId('claim-speaker').textContent()).toBe('Emmanuel Macron');
    const understood = panel.getByTestId('claim').filter({ hasText: 'It is understood that' });
    expect(await understood.getByTestId('signals').textContent()).toMatch(/does not say by whom/);
  });

  it('keeps a status set in the panel across a reload, on the page and in the panel', async () => {
    const macron = panel.getByTestId('claim').filter({ hasText: MACRON });
    await macron.getByTestId('review-open').click();
    await macron.getByTestId('status-disputed').check();
    await macron.getByTestId('review-note').fill('Macron’s own view; no evidence offered.');
    await macron.getByTestId('review-save').click();
    await expect.poll(() => macron.getByTestId('claim-status').textContent()).toBe('Disputed');
    // Reviewing saved the article.
    await panel.getByText('✓ Saved').waitFor();
    await expect.poll(async () => (await claimPaint(page))['claim-disputed']?.join(' ') ?? '').toContain(MACRON);

    await page.reload();
    await readInPanel(panel);
    const again = panel.getByTestId('claim').filter({ hasText: MACRON });
    await again.waitFor({ timeout: 20_000 });
    expect(await again.getByTestId('claim-status').textContent()).toBe('Disputed');
    expect(await again.getByTestId('claim-note').textContent()).toBe('Macron’s own view; no evidence offered.');
    await expect.poll(async () => (await claimPaint(page))['claim-disputed']?.join(' ') ?? '', { timeout: 10_000 }).toContain(MACRON);
  });

  it('lists the reviewed claim in the archive’s Claims view, filters it, and links back to its sentence', async () => {
    const archive = await s.b.openExtensionPage('archive.html#/claims');
    const row = archive.getByTestId('claim-row').filter({ hasText: MACRON });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('claim-status').textContent()).toBe('Disputed');
    // Unverified claims of the saved article are listed too.
    expect(await archive.getByTestId('claim-row').filter({ hasText: 'It is understood that' }).count()).toBe(1);
    await archive.getByTestId('filter-status').selectOption('disputed');
    await expect.poll(() => archive.getByTestId('claim-row').count()).toBe(1);
    await archive.getByTestId('filter-speaker').selectOption('Emmanuel Macron');
    await expect.poll(() => archive.url()).toMatch(/speaker=Emmanuel\+Macron/);
    await expect.poll(() => archive.getByTestId('claim-row').count()).toBe(1);
    await archive.getByTestId('claim-row').getByTestId('claim-link').click();
    const mark = archive.getByTestId('claim-mark').first();
    await mark.waitFor();
    expect(await mark.textContent()).toContain(MACRON);
  });

  it('made no network request of its own', async () => {
    await s.expectNoNetworkOfItsOwn();
  });
});

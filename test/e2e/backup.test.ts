/**
 * End to end, issue #6: backup and restore in Chromium. Articles are saved (one with a claim
 * review, one with a tag) and a setting changed; the archive is exported from the Backup view;
 * a second browser with a fresh profile imports the file, and every table of its IndexedDB is then
 * the first one's. Broken and hostile files are refused with their reason and change nothing.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { archiveTotal, FIXTURES, SEED, Session } from './session';
import { foldStores } from '../archive-consistency';

const MACRON = 'I think we have changed President Trump';
const NOTE = 'Macron’s own view; no evidence offered.';
const COVERAGE = ['e2e/coverage/genoa-toll.html', 'e2e/coverage/baltimore-bridge.html', 'e2e/coverage/genoa-collapse.html'];
const BALTIMORE = 'Baltimore bridge collapses after container ship strikes it';

type Tables = Record<string, unknown[]>;

/** `chrome.storage` as the archive page has it (lib/cli/chrome-in-page.d.ts declares only what the tools use). */
type PageChrome = { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } };

/**
 * Every object store of the archive's database, read with plain IndexedDB in one of the
 * extension's pages (the same origin as the background that owns it). Never creates the database.
 */
function dumpTables(page: Page): Promise<Tables> {
  return page
    .evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('backstory');
        r.onupgradeneeded = () => r.transaction?.abort();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, 'readonly');
      const out: Record<string, unknown[]> = {};
      await Promise.all(
        names.map(
          (n) =>
            new Promise<void>((resolve, reject) => {
              const q = tx.objectStore(n).getAll();
              q.onsuccess = () => {
                // Posting lists as plain arrays, which cross page.evaluate as they are.
                out[n] = n === 'postings' || n === 'keyPostings' ? q.result.map((x: { ids: Uint32Array }) => ({ ...x, ids: Array.from(x.ids) })) : (q.result as unknown[]);
                resolve();
              };
              q.onerror = () => reject(q.error);
            }),
        ),
      );
      db.close();
      return out;
    })
    .then(foldStores);
}

async function readAndSave(s: Session, path: string): Promise<void> {
  const { page, panel } = await s.openWithPanel(path);
  await panel.getByTestId('read-page').click();
  await panel.getByTestId('save').waitFor({ timeout: 20_000 });
  await panel.getByTestId('save').click();
  await panel.getByText('✓ Saved').waitFor();
  await panel.close();
  await page.close();
}

async function downloadFrom(page: Page, testId: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return download;
}

async function importFile(page: Page, path: string, settings = false): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(path);
  if (settings) await page.getByTestId('restore-settings').check();
  await page.getByTestId('import-start').click();
  await page.locator('[data-testid="import-summary"], [data-testid="import-error"]').first().waitFor({ timeout: 60_000 });
}

const a = new Session();
let aStopped = false;
let b: Session | null = null;
let tmp = '';
let backupPath = '';
let source: Tables = {};
let seedUrl = '';

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'backstory-backup-e2e-'));
  await a.start();
});
afterAll(async () => {
  if (!aStopped) await a.stop();
  await b?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('saves articles with a claim review and a tag, and the archive offers a backup', async () => {
    const { page, panel } = await a.openWithPanel(SEED);
    await panel.getByTestId('read-page').click();
    const macron = panel.getByTestId('claim').filter({ hasText: MACRON });
    await macron.waitFor({ timeout: 20_000 });
    await macron.getByTestId('review-open').click();
    await macron.getByTestId('status-disputed').check();
    await macron.getByTestId('review-note').fill(NOTE);
    await macron.getByTestId('review-save').click();
    await panel.getByText('✓ Saved').waitFor();
    await panel.close();
    await page.close();
    for (const path of COVERAGE) await readAndSave(a, path);

    const archive = await a.b.openExtensionPage('archive.html');
    await archive.getByTestId('archive-item').first().waitFor({ timeout: 20_000 });
    expect(await archiveTotal(archive)).toBe(4);
    // Deleting the third saved leaves a gap in the ids, which a restore must keep.
    await archive.getByRole('button', { name: `Delete “${BALTIMORE}”` }).click();
    await expect.poll(() => archiveTotal(archive)).toBe(3);
    await archive.getByTestId('archive-item').filter({ hasText: 'Genoa' }).first().getByTestId('select-row').check();
    await archive.getByTestId('tag-input').fill('Genoa bridge');
    await archive.getByTestId('tag-add').click();
    await expect.poll(() => archive.getByTestId('row-tag').count()).toBe(1);
    // A setting the backup carries: highlights off.
    await archive.evaluate(() =>
      (chrome as unknown as PageChrome).storage.local.set({ settings: { autoRun: 'off', sites: [], highlights: false, autoSave: false, neverSave: ['https://ads.example'] } }),
    );

    // Three articles saved a minute ago: not yet worth a reminder (20 articles, or a week since the first save).
    await archive.reload();
    await archive.getByTestId('archive-item').first().waitFor();
    await archive.waitForTimeout(1_000);
    expect(await archive.getByTestId('backup-reminder').count()).toBe(0);
    await archive.close();
  });

  it('exports the archive to one versioned file, and the reminder goes away', async () => {
    const archive = await a.b.openExtensionPage('archive.html');
    await archive.getByTestId('nav-backup').click();
    await expect.poll(() => archive.getByTestId('last-backup').textContent()).toContain('No backup made from this browser yet');
    const started = Date.now();
    const download = await downloadFrom(archive, 'export-backup');
    expect(download.suggestedFilename()).toMatch(/^backstory-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = join(tmp, download.suggestedFilename());
    await download.saveAs(backupPath);
    console.log(`backup export of 3 articles: ${Date.now() - started} ms to the download`);
    const text = await readFile(backupPath, 'utf8');
    const file = JSON.parse(text);
    expect(text.startsWith('{"backstory":{"format":"backstory-backup","formatVersion":1,"schemaVersion":7,')).toBe(true);
    expect(file.backstory.articles).toBe(3);
    expect(file.backstory.settings).toMatchObject({ highlights: false, neverSave: ['https://ads.example'] });
    expect(file.formatName).toBe('dexie');
    expect(file.data.tables.map((t: { name: string }) => t.name)).toEqual(['articles']);
    await expect.poll(() => archive.getByTestId('last-backup').textContent()).toContain('Last backup from this browser');

    await archive.getByRole('link', { name: 'Articles' }).click();
    await archive.getByTestId('archive-item').first().waitFor();
    expect(await archive.getByTestId('backup-reminder').count()).toBe(0);

    source = await dumpTables(archive);
    seedUrl = (source.articles as { url: string; title: string }[]).find((r) => /Ukraine|reassurance/i.test(r.title))!.url;
    await archive.close();
  });

  it('has a source archive worth comparing: reviews, tags and every derived table filled', () => {
    expect(Object.keys(source).sort()).toEqual(['articles', 'claims', 'events', 'keyPostings', 'memory', 'meta', 'postings', 'search', 'statements', 'terms']);
    expect((source.articles as { id: number }[]).map((r) => r.id)).toEqual([1, 2, 4]);
    const claims = source.claims as { status: string; reviewed: boolean; claim: { text: string; review?: { note: string } } }[];
    expect(claims.some((c) => c.reviewed && c.status === 'disputed' && c.claim.text.includes(MACRON) && c.claim.review?.note === NOTE)).toBe(true);
    expect((source.articles as { tags: string[] }[]).flatMap((r) => r.tags)).toEqual(['genoa bridge']);
    expect(source.events).toHaveLength(3);
    expect(source.search).toHaveLength(3);
    expect(source.terms!.length).toBeGreaterThan(100);
    // Every counted term has its posting list, holding as many articles as it counts.
    expect((source.postings as { term: string; ids: number[] }[]).map((p) => [p.term, p.ids.length])).toEqual((source.terms as { term: string; n: number }[]).map((t) => [t.term, t.n]));
    expect(source.statements!.length).toBeGreaterThan(0);
    // Claim memory's rows (schema 7): the reviewed claim is among them, with its review.
    const memory = source.memory as { claims: { text: string; review: { note: string } | null }[] }[];
    expect(memory.some((m) => m.claims.some((c) => c.text.includes(MACRON) && c.review?.note === NOTE))).toBe(true);
    expect(source.meta).toContainEqual(expect.objectContaining({ key: 'totals', articles: 3 }));
  });

  it('made no network request of its own in the first browser', async () => {
    await a.expectNoNetworkOfItsOwn();
    await a.stop();
    aStopped = true;
  });

  it('imports the file into a fresh profile: every table is identical, and the settings come back', async () => {
    b = new Session();
    await b.start();
    const page = await b.b.openExtensionPage('archive.html#/backup');
    await page.getByTestId('import-file').waitFor();
    expect(await archiveTotal(page)).toBe(0);
    await importFile(page, backupPath, true);
    expect(await page.getByTestId('import-error').count()).toBe(0);
    const counts = await page.getByTestId('import-counts').textContent();
    expect(counts).toMatch(/^Restored 3 articles from the backup of /);
    console.log(`backup import of 3 articles: ${await page.getByTestId('import-summary').locator('p.muted').textContent()}`);
    expect(await page.getByTestId('import-settings').textContent()).toBe('Your settings were restored.');
    expect(await page.evaluate(async () => (await (chrome as unknown as PageChrome).storage.local.get('settings')).settings)).toEqual({
      autoRun: 'off',
      sites: [],
      highlights: false,
      // Not in the settings the first browser stored: the backup carries the settings as read, with this newer one at its default.
      allClaims: false,
      autoSave: false,
      neverSave: ['https://ads.example'],
    });

    const target = await dumpTables(page);
    expect(Object.keys(target).sort()).toEqual(Object.keys(source).sort());
    for (const name of Object.keys(source)) expect({ table: name, rows: target[name] }).toEqual({ table: name, rows: source[name] });
    // Field for field, in the same order: the same records.
    expect(JSON.stringify(target.articles)).toBe(JSON.stringify(source.articles));

    // And the reader sees them: the list, and the review in the Claims view.
    await page.getByRole('link', { name: 'Articles' }).click();
    await expect.poll(() => page.getByTestId('archive-item').count(), { timeout: 10_000 }).toBe(3);
    await page.getByTestId('nav-claims').click();
    const row = page.getByTestId('claim-row').filter({ hasText: MACRON });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('claim-status').textContent()).toBe('Disputed');
    await page.close();
  });

  it('refuses a broken file, a hostile one and a foreign one, says why, and changes nothing', async () => {
    const s = b!;
    const page = await s.b.openExtensionPage('archive.html#/backup');
    await page.getByTestId('import-file').waitFor();
    const before = await dumpTables(page);
    const text = await readFile(backupPath, 'utf8');
    const truncated = join(tmp, 'truncated.json');
    await writeFile(truncated, text.slice(0, Math.floor(text.length / 2)));
    const foreign = join(tmp, 'foreign.json');
    await writeFile(foreign, JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'recipes', databaseVersion: 1, tables: [], data: [] } }));
    const cases: [string, RegExp][] = [
      [truncated, /^This backup file is incomplete: it ends in the middle/],
      [join(FIXTURES, 'backup/javascript-url.backup.json'), /^Article 1 \(“A harmless-looking article”\): “claims\[0\]\.review\.evidence\[0\]” is not a web address/],
      [foreign, /another program \(the Dexie database “recipes”\), not a Backstory backup/],
    ];
    for (const [path, message] of cases) {
      await importFile(page, path);
      expect(await page.getByTestId('import-summary').count()).toBe(0);
      expect(await page.getByTestId('import-error').getByRole('heading').textContent()).toBe('Nothing was imported: your archive is unchanged');
      expect(await page.getByTestId('import-error-text').textContent()).toMatch(message);
      expect(await dumpTables(page)).toEqual(before);
    }
    await page.close();
  });

  it('merges the same file again without duplicates, and says nothing changed', async () => {
    const page = await b!.b.openExtensionPage('archive.html#/backup');
    await page.getByTestId('import-file').waitFor();
    const before = await dumpTables(page);
    await importFile(page, backupPath);
    expect(await page.getByTestId('import-counts').textContent()).toMatch(/: 0 new articles, 0 articles updated, 3 articles already up to date\.$/);
    expect(await archiveTotal(page)).toBe(3);
    expect(await dumpTables(page)).toEqual(before);
    await page.close();
  });

  it('exports the claim review as a W3C Web Annotation, and articles as Markdown', async () => {
    const page = await b!.b.openExtensionPage('archive.html#/backup');
    await page.getByTestId('export-annotations').waitFor();
    const anno = JSON.parse(await readFile((await (await downloadFrom(page, 'export-annotations')).path())!, 'utf8'));
    expect(anno).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 1 });
    const item = anno.first.items[0];
    expect(item).toMatchObject({ type: 'Annotation', motivation: 'assessing', target: { source: seedUrl, selector: { type: 'TextQuoteSelector' } } });
    expect(item.target.selector.exact).toContain(MACRON);
    expect(item.body).toContainEqual({ type: 'TextualBody', purpose: 'assessing', value: 'Disputed', format: 'text/plain', language: 'en' });
    expect(item.body).toContainEqual({ type: 'TextualBody', purpose: 'commenting', value: NOTE, format: 'text/plain' });

    const md = await readFile((await (await downloadFrom(page, 'export-markdown')).path())!, 'utf8');
    expect(md.match(/^# /gm)).toHaveLength(3);
    expect(md).toContain(`- Note: ${NOTE}`);
    expect(md).toContain('- Tags: genoa bridge');

    // The articles selected in the list.
    await page.getByRole('link', { name: 'Articles' }).click();
    await page.getByTestId('archive-item').filter({ hasText: 'Genoa' }).first().getByTestId('select-row').check();
    await page.getByTestId('export-selected').click();
    expect(await page.getByTestId('scope-selection').isChecked()).toBe(true);
    const picked = JSON.parse(await readFile((await (await downloadFrom(page, 'export-json')).path())!, 'utf8'));
    expect(picked.articles.map((x: { title: string }) => x.title)).toEqual([expect.stringMatching(/Genoa/)]);

    // One article from the reader view, without a round trip to the background.
    await page.getByRole('link', { name: 'Articles' }).click();
    await page.getByTestId('archive-item').filter({ hasText: 'Genoa' }).first().getByRole('heading').getByRole('link').click();
    await page.getByTestId('reader').waitFor();
    const one = await downloadFrom(page, 'article-export-json');
    expect(one.suggestedFilename()).toMatch(/^[a-z0-9-]+\.json$/);
    const json = JSON.parse(await readFile((await one.path())!, 'utf8'));
    expect(json.articles).toHaveLength(1);
    expect(json.articles[0].title).toMatch(/Genoa/);
    expect(json.articles[0]).not.toHaveProperty('fingerprint');
    await page.close();
  });

  it('restores the good articles of a file with a bad one, lists the bad one, and writes nothing of it', async () => {
    const page = await b!.b.openExtensionPage('archive.html#/backup');
    await page.getByTestId('import-file').waitFor();
    // New articles first, a hostile one last.
    const lateBad = join(tmp, 'late-bad.json');
    const file = JSON.parse(await readFile(backupPath, 'utf8'));
    const rows = file.data.data[0].rows as { url: string }[];
    rows.forEach((r, i) => (r.url = i === rows.length - 1 ? 'javascript:alert(document.domain)' : `https://elsewhere.example/story-${i}`));
    await writeFile(lateBad, JSON.stringify(file));
    const total = await archiveTotal(page);
    await importFile(page, lateBad);
    const rejected = page.getByTestId('import-rejected');
    await rejected.waitFor();
    expect(await rejected.textContent()).toMatch(/1 article of the 3 articles in the file could not be restored/);
    expect(await rejected.textContent()).toMatch(/Article 3 \(“.+”\): “url” is not a web address \(“javascript:alert\(document\.domain\)”\)/);
    expect(await archiveTotal(page)).toBe(total + rows.length - 1);
    const urls = (await dumpTables(page)).articles!.map((a) => (a as { url: string }).url);
    expect(urls.filter((u) => u.startsWith('https://elsewhere.example/'))).toHaveLength(rows.length - 1);
    expect(urls.some((u) => !/^https?:/.test(u))).toBe(false);
    await page.close();
  });

  it('made no network request of its own in the second browser', async () => {
    await b!.expectNoNetworkOfItsOwn();
  });
});

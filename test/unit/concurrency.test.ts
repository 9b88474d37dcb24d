/**
 * Saves that overlap: the same article saved twice at once (two tabs, a double click, an automatic
 * save racing a click) must leave one record, and every derived table (claims, statements, events,
 * search words, term counts, totals) must be what a rebuild from the records gives. Different
 * articles saved at once must all land.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteArticle, deleteArticles, saveArticle, saveMany } from '../../lib/archive/articles';
import { reviewClaim } from '../../lib/archive/claims';
import { ArchiveDB } from '../../lib/archive/db';
import { createService, type TabAccess } from '../../lib/background/service';
import { TabStore } from '../../lib/background/tab-store';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { Article } from '../../lib/types';
import { derivedOf, dumpArchive, rebuildFrom, sampleAnalysis, sampleArticle } from '../archive-consistency';
import { withLayer } from '../support/dexie-layer';

let n = 0;
let name: string;
let db: ArchiveDB;
/**
 * IndexedDB transactions opened, and (when set) a table whose next put of at least `rows` rows is
 * refused for lack of room.
 */
let opened = 0;
let refuse: { table: string; rows: number } | null = null;

/** Counts transactions and can refuse a write; Dexie promises only, as a DBCore layer must. */
function instrumented(db: ArchiveDB): ArchiveDB {
  return withLayer(db, 'count-and-refuse', {
    transaction() {
      opened++;
    },
    mutate(table, req, down) {
      if (refuse?.table === table && req.type === 'put' && req.values.length >= refuse.rows) {
        refuse = null;
        return Dexie.Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      }
      return down(req);
    },
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  name = `concurrency-${++n}`;
  db = instrumented(new ArchiveDB(name));
  opened = 0;
  refuse = null;
});
afterEach(async () => {
  await db.delete();
});

async function expectConsistent(): Promise<Awaited<ReturnType<typeof dumpArchive>>> {
  const dump = await dumpArchive(db);
  expect(derivedOf(dump)).toEqual(rebuildFrom(dump.articles));
  return dump;
}

describe('the archive functions, called at once', () => {
  it('two saves of the same URL leave one record', async () => {
    const a = sampleArticle(1);
    const analysis = await sampleAnalysis(a);
    const [x, y] = await Promise.all([saveArticle(db, a, analysis, 1000), saveArticle(db, a, analysis, 1001)]);
    expect(x.id).toBe(y.id);
    const dump = await expectConsistent();
    expect(dump.articles).toHaveLength(1);
    // The first one in created it, the second updated it.
    expect(dump.articles[0]).toMatchObject({ savedAt: 1000, updatedAt: 1001 });
  });

  it('ten saves of one URL, with and without an analysis and with other words, leave one record', async () => {
    const a = sampleArticle(1);
    const b = sampleArticle(1, { title: 'A corrected headline', paragraphs: ['Other words entirely: the ferry timetable changed.', ...a.paragraphs.slice(1)] });
    const [aa, ab] = await Promise.all([sampleAnalysis(a), sampleAnalysis(b)]);
    await Promise.all(Array.from({ length: 10 }, (_, i) => saveArticle(db, i % 2 ? b : a, i % 3 === 0 ? null : i % 2 ? ab : aa, 1000 + i)));
    const dump = await expectConsistent();
    expect(dump.articles).toHaveLength(1);
    // The last save to commit wins the text; the terms follow that text, not a mix.
    expect(dump.articles[0]!.updatedAt).toBe(1009);
    expect(dump.articles[0]!.title).toBe(b.title);
  });

  it('different articles saved at once all land', async () => {
    const articles = [1, 2, 3, 4, 5, 6].map((i) => sampleArticle(i));
    const analyses = await Promise.all(articles.map((a) => sampleAnalysis(a)));
    const saved = await Promise.all(articles.map((a, i) => saveArticle(db, a, analyses[i]!, 1000 + i)));
    expect(new Set(saved.map((r) => r.id)).size).toBe(6);
    const dump = await expectConsistent();
    expect(dump.articles.map((r) => r.url).sort()).toEqual(articles.map((a) => a.url).sort());
  });

  it('a save, a review and a delete of the same article at once leave a consistent archive', async () => {
    const a = sampleArticle(1);
    const analysis = await sampleAnalysis(a);
    const first = await saveArticle(db, a, analysis, 1000);
    await Promise.all([
      saveArticle(db, a, analysis, 1001),
      reviewClaim(db, first.id, 'q-reopen', { status: 'disputed', note: '', evidence: [] }, 1002),
      saveArticle(db, sampleArticle(2), null, 1003),
      deleteArticle(db, first.id),
    ]);
    const dump = await expectConsistent();
    expect(dump.articles.map((r) => r.url)).toEqual([sampleArticle(2).url]);
  });

  it('two connections to the database (two extension contexts) saving the same URL leave one record', async () => {
    const other = instrumented(new ArchiveDB(name));
    try {
      const a = sampleArticle(1);
      const analysis = await sampleAnalysis(a);
      const results = await Promise.allSettled([saveArticle(db, a, analysis, 1000), saveArticle(other, a, analysis, 1001)]);
      // Both may succeed (one creates, one updates), or the later one may meet the unique URL index:
      // never two records.
      expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
      const dump = await expectConsistent();
      expect(dump.articles).toHaveLength(1);
    } finally {
      other.close();
    }
  });
});

describe('a save running beside an import or a bulk delete', () => {
  async function entries(ids: number[]) {
    return Promise.all(ids.map(async (i) => ({ article: sampleArticle(i), analysis: await sampleAnalysis(sampleArticle(i)) })));
  }

  it('an import and a save at once: two transactions, not one per write', async () => {
    const batch = await entries([1, 2, 3, 4, 5]);
    await db.open();
    opened = 0;
    await Promise.all([saveArticle(db, sampleArticle(9), null, 10), saveMany(db, batch, 11)]);
    expect(opened).toBe(2);
    const dump = await expectConsistent();
    expect(dump.articles).toHaveLength(6);
  });

  it('an import refused for lack of room while a save runs beside it: the save lands, nothing of the import', async () => {
    const batch = await entries([1, 2, 3, 4, 5]);
    // The import's search rows (one bulk put of 5), whichever of the two runs first.
    refuse = { table: 'search', rows: 5 };
    const [save, imported] = await Promise.allSettled([saveArticle(db, sampleArticle(9), null, 10), saveMany(db, batch, 11)]);
    expect(save.status).toBe('fulfilled');
    expect(imported.status).toBe('rejected');
    const dump = await expectConsistent();
    expect(dump.articles.map((r) => r.url)).toEqual([sampleArticle(9).url]);
  });

  it('a bulk delete and a save of one of its articles at once: no error, a consistent archive', async () => {
    const batch = await entries([1, 2, 3]);
    const ids = await saveMany(db, batch, 10);
    opened = 0;
    const [, deleted] = await Promise.all([saveArticle(db, sampleArticle(1), null, 12), deleteArticles(db, ids)]);
    expect(opened).toBe(2);
    expect(deleted).toHaveLength(3);
    const dump = await expectConsistent();
    expect(dump.articles).toEqual([]);
  });
});

describe('the background, with two tabs saving at once', () => {
  const urls = new Map<number, string>();

  function service() {
    const access: TabAccess = {
      url: async (id) => urls.get(id) ?? null,
      reanalyse: async () => true,
      inject: async () => undefined,
      canAccess: async () => true,
      reveal: async () => false,
      revealClaim: async () => false,
      sendClaims: async () => undefined,
      selection: async () => null,
    };
    let clock = 1000;
    return createService({
      db,
      tabs: new TabStore(fakeBrowser.storage.session),
      access,
      analyse: (a: Article) => sampleAnalysis(a),
      storage: undefined,
      notify: () => undefined,
      now: () => clock++,
      settings: async () => DEFAULT_SETTINGS,
    });
  }

  const sender = (tabId: number) => ({ tab: { id: tabId } as never, frameId: 0, id: 'x' });

  async function read(s: ReturnType<typeof service>, tabId: number, article: Article): Promise<void> {
    urls.set(tabId, article.pageUrl);
    await s['content/report']({ url: article.pageUrl, result: { ok: true, article, ms: 1 } }, sender(tabId));
  }

  it('the same article in two tabs, saved from both panels at once: one record, both panels say saved', async () => {
    const s = service();
    await read(s, 1, sampleArticle(1));
    await read(s, 2, sampleArticle(1));
    const [p1, p2] = await Promise.all([s['panel/save']({ tabId: 1 }), s['panel/save']({ tabId: 2 })]);
    expect(p1.saved?.id).toBeDefined();
    expect(p2.saved?.id).toBe(p1.saved?.id);
    const dump = await expectConsistent();
    expect(dump.articles).toHaveLength(1);
  });

  it('two different articles in two tabs, saved at once: both land', async () => {
    const s = service();
    await read(s, 1, sampleArticle(1));
    await read(s, 2, sampleArticle(2));
    const [p1, p2] = await Promise.all([s['panel/save']({ tabId: 1 }), s['panel/save']({ tabId: 2 })]);
    expect(p1.saved?.id).not.toBe(p2.saved?.id);
    const dump = await expectConsistent();
    expect(dump.articles).toHaveLength(2);
  });

  it('two reviews of an unsaved article from two tabs at once: one record that keeps both reviews', async () => {
    const s = service();
    await read(s, 1, sampleArticle(1));
    await read(s, 2, sampleArticle(1));
    await Promise.all([
      s['panel/review']({ tabId: 1, claimId: 'q-reopen', review: { status: 'verified', note: 'Minutes of the council', evidence: [] } }),
      s['panel/review']({ tabId: 2, claimId: 'r-cost', review: { status: 'disputed', note: '', evidence: [] } }),
      s['panel/save']({ tabId: 2 }),
    ]);
    const dump = await expectConsistent();
    expect(dump.articles).toHaveLength(1);
    const reviews = Object.fromEntries((dump.articles[0]!.claims ?? []).map((c) => [c.id, c.review?.status ?? null]));
    expect(reviews).toEqual({ 'q-reopen': 'verified', 'r-cost': 'disputed' });
  });
});

describe('every transaction scope in lib/ is declared async', () => {
  function files(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  }

  it('so that Dexie keeps each one’s writes inside it when several run at once', () => {
    const plain: string[] = [];
    let scopes = 0;
    for (const file of files('lib')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\.transaction\(\s*'(?:rw|r|readwrite|readonly)'/g)) {
        // The scope is the last argument: the first arrow or function after the call opens it.
        const rest = text.slice(m.index, m.index + 400);
        const at = rest.search(/=>|\bfunction\b/);
        if (at < 0) continue;
        scopes++;
        const head = rest.slice(0, at);
        const lastArg = head.slice(head.lastIndexOf(',') + 1);
        if (!/\basync\b/.test(lastArg)) plain.push(`${file}: ${rest.slice(0, at + 2).replace(/\s+/g, ' ')}`);
      }
    }
    expect(scopes).toBeGreaterThan(5);
    expect(plain).toEqual([]);
  });
});

/**
 * Backup and restore (issue #6): a round trip into an empty archive gives every table back
 * identical, a merge into a non-empty one follows the rules (one record per URL, the newer review
 * wins, tags unioned), and every kind of bad file is refused with its own message, changing nothing.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { articleTables, deleteArticles, indexArticle, saveArticle } from '../../lib/archive/articles';
import { importBackup } from '../../lib/archive/backup';
import { exportBackup } from '../../lib/archive/backup-export';
import { BACKUP_FORMAT, readBackup } from '../../lib/archive/backup-file';
import { mergeRecord } from '../../lib/archive/backup-merge';
import { Transfers } from '../../lib/messaging/transfers';
import { backupDue, backupWorthIt, NO_BACKUP, parseBackupState, REMIND_AFTER_MS, splitParts, WORTH_AFTER_MS } from '../../lib/archive/backup-state';
import { reviewClaim } from '../../lib/archive/claims';
import { ArchiveIdf, fillFingerprints, fingerprintOf } from '../../lib/archive/coverage';
import { ArchiveDB } from '../../lib/archive/db';
import { FILL } from '../../lib/archive/derived';
import { readTermCounts } from '../../lib/archive/terms';
import { tagArticles } from '../../lib/archive/search';
import { createService } from '../../lib/background/service';
import { TabStore } from '../../lib/background/tab-store';
import { loadIdfTable } from '../../lib/events/idf';
import type { Broadcast } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { termRows } from '../archive-consistency';
import type { Actor, Analysis, Article, Claim, SavedArticle } from '../../lib/types';

interface FixtureArticle {
  id: string;
  title: string;
  published: string;
  paragraphs: string[];
  actors: Actor[];
}
const quakes = (JSON.parse(readFileSync(new URL('../fixtures/events/earthquakes.json', import.meta.url), 'utf8')) as { articles: FixtureArticle[] }).articles;
/** The three fixture reports, then variants of them (another address, a later paragraph first) for more articles. */
const fixture = {
  articles: Array.from({ length: 8 }, (_, i): FixtureArticle => {
    const f = quakes[i % quakes.length]!;
    if (i < quakes.length) return f;
    return { ...f, id: `${f.id}-${i}`, title: `${f.title}, update ${i}`, paragraphs: [...f.paragraphs.slice(1), f.paragraphs[0]!] };
  }),
};
const shipped = loadIdfTable(readFileSync(new URL('../../public/models/idf.json', import.meta.url), 'utf8'));
const fixtureFile = (name: string) => readFileSync(new URL(`../fixtures/backup/${name}`, import.meta.url), 'utf8');

const SETTINGS: Settings = { autoRun: 'sites', sites: ['https://news.example'], highlights: false, allClaims: true, autoSave: true, neverSave: ['https://ads.example'] };

let n = 0;
const dbs: ArchiveDB[] = [];
function freshDb(): ArchiveDB {
  const db = new ArchiveDB(`backup-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
  vi.restoreAllMocks();
});

function articleOf(f: FixtureArticle): Article {
  return {
    url: `https://news.example/${f.id}`,
    pageUrl: `https://aggregator.example/read?u=${f.id}`,
    title: f.title,
    byline: 'A Reporter',
    publisher: 'Example News',
    aggregator: 'Aggregator',
    published: f.published,
    lang: 'en',
    excerpt: f.paragraphs[0]!.slice(0, 100),
    wordCount: f.paragraphs.join(' ').split(/\s+/).length,
    paragraphs: f.paragraphs,
    truncated: false,
  };
}

/** Claims on the article's own text: a quote by its first actor, and a flagged unnamed-source claim. */
function claimsOf(f: FixtureArticle): Claim[] {
  const p = f.paragraphs[1] ?? f.paragraphs[0]!;
  const who = f.actors.find((a) => a.type === 'PER') ?? f.actors[0]!;
  return [
    {
      id: `q-${f.id}`,
      spans: [{ paragraph: 0, start: 0, end: Math.min(40, f.paragraphs[0]!.length) }],
      text: f.paragraphs[0]!.slice(0, 40),
      kind: 'quote',
      speaker: who.name,
      speakerKey: who.key,
      cue: 'said',
      checkworthiness: 0.8,
      checkworthy: true,
      unverified: false,
      signals: [],
    },
    {
      id: `u-${f.id}`,
      spans: [{ paragraph: f.paragraphs[1] ? 1 : 0, start: 0, end: Math.min(30, p.length) }],
      text: p.slice(0, 30),
      kind: 'reported',
      speaker: null,
      speakerKey: null,
      cue: 'according to',
      checkworthiness: 0.6,
      checkworthy: true,
      unverified: true,
      signals: [{ code: 'unnamed-sources', reason: 'Attributed to unnamed sources', words: 'sources said' }],
    },
  ];
}

async function analysisOf(db: ArchiveDB, f: FixtureArticle): Promise<Analysis> {
  const idf = new ArchiveIdf(db, shipped);
  const fingerprint = await fingerprintOf(idf, { title: f.title, paragraphs: f.paragraphs, published: f.published, actors: f.actors });
  return { actors: f.actors, mentions: [], claims: claimsOf(f), fingerprint, timings: {} };
}

/**
 * An archive with everything a record can hold: fingerprints, claims with reviews and evidence, a
 * claim the reader marked, tags, and one record saved without an analysis (no fingerprint yet).
 */
async function filledArchive(count = 4): Promise<{ db: ArchiveDB; saved: (SavedArticle & { id: number })[] }> {
  const db = freshDb();
  const saved: (SavedArticle & { id: number })[] = [];
  for (const [i, f] of fixture.articles.slice(0, count).entries()) {
    saved.push(await saveArticle(db, articleOf(f), await analysisOf(db, f), 1_700_000_000_000 + i * 1000));
  }
  const first = saved[0]!;
  await reviewClaim(
    db,
    first.id,
    `q-${fixture.articles[0]!.id}`,
    { status: 'disputed', note: 'Contradicted by the agency’s own figures.', evidence: ['https://stats.example/quakes'] },
    1_700_000_100_000,
  );
  await reviewClaim(db, saved[1]!.id, `u-${fixture.articles[1]!.id}`, { status: 'verified', note: '', evidence: [] }, 1_700_000_200_000);
  const missed: Claim = {
    id: 'm-1',
    spans: [{ paragraph: 0, start: 5, end: 25 }],
    text: first.paragraphs[0]!.slice(5, 25),
    kind: 'factual',
    speaker: null,
    speakerKey: null,
    cue: null,
    checkworthiness: 0,
    checkworthy: false,
    unverified: true,
    signals: [],
    missed: true,
  };
  await reviewClaim(db, first.id, 'm-1', { status: 'unverified', note: 'check the magnitude', evidence: [] }, 1_700_000_300_000, missed);
  await tagArticles(db, [first.id, saved[1]!.id], ['earthquakes', 'to check'], []);
  const bare = fixture.articles[count]!;
  saved.push(await saveArticle(db, articleOf(bare), null, 1_700_000_400_000));
  return { db, saved };
}

/**
 * Every table of the archive, rows in primary-key order; the term counts as what they add up to
 * (snapshot and log folded), since a save logs its own row and an import one for all.
 */
async function dumpAll(db: ArchiveDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) if (t.name !== 'termCounts' && t.name !== 'termLog' && t.name !== 'outbox') out[t.name] = await t.toArray();
  out.terms = termRows((await readTermCounts(db)).counts);
  return out;
}

async function backupOf(db: ArchiveDB, settings: Settings | null = SETTINGS, now = 1_700_001_000_000): Promise<string> {
  return (await exportBackup(db, { settings, now })).text;
}

/** A fresh archive built from these records by the code that saves them: the reference for derived tables. */
async function rebuilt(records: SavedArticle[]): Promise<ArchiveDB> {
  const db = freshDb();
  await db.transaction('rw', articleTables(db), async () => {
    for (const r of records) {
      const id = (await db.articles.add(r)) as number;
      await indexArticle(db, { ...r, id }, 0);
    }
  });
  return db;
}

const edit = (text: string, f: (o: any) => void): string => {
  const o = JSON.parse(text);
  f(o);
  return JSON.stringify(o);
};
const rows = (o: any): any[] => o.data.data.find((t: any) => t.tableName === 'articles').rows;
/** Removes a row and keeps the counts consistent, so that only the intended fault remains. */
const setRows = (o: any, next: any[]) => {
  o.data.data.find((t: any) => t.tableName === 'articles').rows = next;
  o.data.tables.find((t: any) => t.name === 'articles').rowCount = next.length;
  o.backstory.articles = next.length;
};

describe('export', () => {
  it('writes one versioned file in Dexie’s export format: the header, then the articles table only', async () => {
    const { db, saved } = await filledArchive();
    const { text, articles, filename } = await exportBackup(db, { settings: SETTINGS, now: Date.UTC(2025, 7, 19, 10) });
    expect(text.startsWith('{"backstory":{"format":"backstory-backup","formatVersion":1,"schemaVersion":7,')).toBe(true);
    expect(filename).toBe('backstory-backup-2025-08-19.json');
    const o = JSON.parse(text);
    expect(o.backstory).toEqual({ format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: 7, exportedAt: '2025-08-19T10:00:00.000Z', articles: saved.length, settings: SETTINGS });
    expect(articles).toBe(saved.length);
    expect(o.formatName).toBe('dexie');
    expect(o.formatVersion).toBe(1);
    expect(o.data.databaseVersion).toBe(7);
    expect(o.data.tables.map((t: any) => [t.name, t.rowCount])).toEqual([['articles', saved.length]]);
    expect(o.data.tables[0].schema).toBe('++id,&url,savedAt,published,publisher,*actorKeys,*tags,date');
    // Rows are the add-on's: each with a `$types` map, here only the add-on's mark on every list.
    expect(new Set(rows(o).flatMap((r: any) => Object.values(r.$types ?? {})))).toEqual(new Set(['arrayNonindexKeys']));
    expect(readBackup(text, { schemaVersion: 7 }).records).toEqual(await db.articles.toArray());
  });

  it('is readable by Dexie’s own import add-on (the format is the add-on’s, with one extra key)', async () => {
    const { db } = await filledArchive(2);
    const text = await backupOf(db);
    const { importDB } = await import('dexie-export-import');
    const other = await importDB(new Blob([text]), { name: `backup-interop-${++n}` });
    try {
      expect(await other.table('articles').toArray()).toEqual(await db.articles.toArray());
    } finally {
      await other.delete();
    }
  });
});

describe('import into an empty archive', () => {
  it('gives back every table identical, records key for key, with the same ids', async () => {
    const { db, saved } = await filledArchive(5);
    // A gap in the ids (a deleted article), which numbering afresh would close.
    await deleteArticles(db, [saved[2]!.id]);
    const before = await dumpAll(db);
    expect((before.meta as { key: string }[]).some((m) => m.key === FILL)).toBe(true); // the bare record
    const target = freshDb();
    const report = await importBackup(target, await backupOf(db));
    expect((before.articles as SavedArticle[]).map((r) => r.id)).toEqual([1, 2, 4, 5, 6]);
    expect(report).toMatchObject({ articles: 5, added: 5, merged: 0, unchanged: 0, reviewsTaken: 0, reviewsKept: 0, intoEmpty: true, schemaVersion: 7, settings: SETTINGS });
    const after = await dumpAll(target);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) expect({ table: name, rows: after[name] }).toEqual({ table: name, rows: before[name] });
    // Key order too: a restored record is the same record.
    expect(JSON.stringify(after.articles)).toBe(JSON.stringify(before.articles));
    // The next save gets a new id after the restored ones.
    const next = await saveArticle(target, articleOf(fixture.articles[6]!), null, 1_800_000_000_000);
    expect(next.id).toBe(Math.max(...(before.articles as SavedArticle[]).map((r) => r.id!)) + 1);
  });

  it('restores an archive exported empty, and carries the settings', async () => {
    const db = freshDb();
    const report = await importBackup(freshDb(), await backupOf(db, DEFAULT_SETTINGS));
    expect(report).toMatchObject({ articles: 0, added: 0, intoEmpty: true, settings: DEFAULT_SETTINGS });
  });

  it('reads a backup of an older archive (schema 1: no claims, tags, dates or fingerprints) and indexes it', async () => {
    const db = freshDb();
    const report = await importBackup(db, fixtureFile('schema1.backup.json'));
    expect(report).toMatchObject({ articles: 2, added: 2, schemaVersion: 1, settings: null });
    const recs = await db.articles.toArray();
    expect(recs.map((r) => [r.id, r.tags, r.date])).toEqual([
      [3, [], Date.parse('2024-03-02T08:00:00Z')],
      [7, [], 1_709_000_000_000],
    ]);
    expect(await db.search.count()).toBe(2);
    expect(await db.meta.get(FILL)).toBeTruthy(); // fingerprints to be filled in by the background
    expect((await db.meta.get('totals'))!.articles).toBe(2);
  });
});

describe('import into a non-empty archive', () => {
  it('merges by URL: one record each, the newer review wins and is reported, tags are unioned', async () => {
    const { db: source, saved } = await filledArchive(3);
    const f0 = fixture.articles[0]!;
    const first = saved[0]!;
    // The file: a newer review of the unnamed-source claim of article 0, and another tag.
    await reviewClaim(source, first.id, `u-${f0.id}`, { status: 'false', note: 'from the file', evidence: [] }, 1_700_000_500_000);
    await tagArticles(source, [first.id], ['from-file'], []);
    const file = await backupOf(source);

    // This browser: article 0 with a newer review of the quote and an older one of the unnamed claim, and an article of its own.
    const here = freshDb();
    const mine = await saveArticle(here, articleOf(f0), await analysisOf(here, f0), 1_600_000_000_000);
    await reviewClaim(here, mine.id, `q-${f0.id}`, { status: 'verified', note: 'checked here, later', evidence: [] }, 1_700_000_900_000);
    await reviewClaim(here, mine.id, `u-${f0.id}`, { status: 'disputed', note: 'older here', evidence: [] }, 1_700_000_050_000);
    await tagArticles(here, [mine.id], ['mine'], []);
    const own = await saveArticle(here, articleOf(fixture.articles[5]!), await analysisOf(here, fixture.articles[5]!), 1_600_000_001_000);

    const report = await importBackup(here, file);
    expect(report).toMatchObject({ articles: 4, added: 3, merged: 1, unchanged: 0, reviewsTaken: 2, reviewsKept: 1, tagsAdded: 3, intoEmpty: false });
    expect(report.conflicts.map((c) => c.winner).sort()).toEqual(['file', 'here']);

    const recs = await here.articles.toArray();
    expect(recs.length).toBe(5);
    expect(new Set(recs.map((r) => r.url)).size).toBe(5);
    const merged = (await here.articles.get(mine.id))!;
    const review = (id: string) => merged.claims!.find((c) => c.id === id)?.review;
    expect(review(`q-${f0.id}`)).toMatchObject({ status: 'verified', note: 'checked here, later' }); // newer here: kept
    expect(review(`u-${f0.id}`)).toMatchObject({ status: 'false', note: 'from the file' }); // newer in the file: taken
    expect(review('m-1')).toMatchObject({ status: 'unverified', note: 'check the magnitude' }); // a claim the reader marked, brought over
    expect(merged.claims!.map((c) => c.id)).toEqual([`q-${f0.id}`, 'm-1', `u-${f0.id}`]); // reading order
    expect(merged.tags).toEqual(['mine', 'earthquakes', 'to check', 'from-file']);
    expect(merged.savedAt).toBe(1_600_000_000_000);
    // The new articles got new ids after this browser's own.
    expect(recs.map((r) => r.id).sort((a, b) => a! - b!)).toEqual([mine.id, own.id, own.id + 1, own.id + 2, own.id + 3]);

    // Every derived table is what saving these records from scratch gives.
    const reference = await dumpAll(await rebuilt(recs));
    const after = await dumpAll(here);
    for (const name of ['claims', 'events', 'search', 'terms', 'statements', 'meta']) expect({ table: name, rows: after[name] }).toEqual({ table: name, rows: reference[name] });

    // The same file again changes nothing.
    const again = await importBackup(here, file);
    expect(again).toMatchObject({ added: 0, merged: 0, unchanged: 4, reviewsTaken: 0, reviewsKept: 1, tagsAdded: 0 });
    expect(await dumpAll(here)).toEqual(after);
  });

  it('mergeRecord takes a newer review, keeps a newer local one, never drops a local one', () => {
    const c = (id: string, review?: Claim['review']): Claim => ({ ...claimsOf(fixture.articles[0]!)[0]!, id, ...(review ? { review } : {}) });
    const r = (at: number) => ({ status: 'verified' as const, note: `at ${at}`, evidence: [], updatedAt: at });
    const base = { ...articleOf(fixture.articles[0]!), id: 9, savedAt: 1, updatedAt: 1, actors: [], actorKeys: [], bytes: 1, tags: [] };
    const here: SavedArticle = { ...base, claims: [c('a', r(10)), c('b', r(30)), c('c', r(5)), c('d')] };
    const file: SavedArticle = { ...base, id: 2, updatedAt: 50, claims: [c('a', r(20)), c('b', r(25)), c('d', r(1)), c('e')] };
    const m = mergeRecord(here, file);
    expect(m.record.id).toBe(9);
    expect(m.record.claims!.map((x) => [x.id, x.review?.updatedAt ?? null])).toEqual([
      ['a', 20],
      ['b', 30],
      ['c', 5],
      ['d', 1],
    ]);
    expect([m.reviewsTaken, m.reviewsKept, m.changed]).toEqual([2, 1, true]);
    expect(m.record.updatedAt).toBe(50);
    expect(mergeRecord(m.record, file).changed).toBe(false);
  });
});

describe('a bad file changes nothing', () => {
  let here: ArchiveDB;
  let good: string;
  let before: Record<string, unknown[]>;

  beforeEach(async () => {
    const { db } = await filledArchive(3);
    good = await backupOf(db);
    here = freshDb();
    await saveArticle(here, articleOf(fixture.articles[6]!), await analysisOf(here, fixture.articles[6]!), 1_650_000_000_000);
    before = await dumpAll(here);
  });

  async function refused(text: string, message: RegExp, maxChars?: number) {
    await expect(importBackup(here, text, { maxChars })).rejects.toThrow(message);
    expect(await dumpAll(here)).toEqual(before);
  }

  const proto = (s: string) => s.replace('"title":', '"__proto__":{"polluted":true},"title":');

  const cases: [string, () => string, RegExp][] = [
    ['an empty file', () => '  \n', /^This file is empty\.$/],
    ['a binary file', () => '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', /not a Backstory backup.*not even a text file/],
    ['a text file', () => 'Dear reader,\nthis is not JSON.', /not a Backstory backup/],
    ['broken JSON', () => '{"backstory": {"format": "backstory-backup",\n  "formatVersion": 1 oops}}', /damaged: it is not valid JSON \(line 2, column \d+\)/],
    ['a file cut in half', () => good.slice(0, Math.floor(good.length / 2)), /incomplete: it ends in the middle/],
    ['a file missing its last character', () => good.slice(0, -1), /incomplete: it ends in the middle/],
    ['a file cut after its header', () => good.slice(0, good.indexOf('"rows":[') + 8), /incomplete: it ends in the middle/],
    ['rows removed but the brackets closed', () => edit(good, (o) => rows(o).pop()), /incomplete or was edited: its header says it holds 4 articles but it has 3\./],
    // Issue #15: the header agreed with the rows, the table list did not, and the message said "holds 3 … but has 3".
    ['a table list whose row count lies', () => edit(good, (o) => (o.data.tables[0].rowCount = 3)), /incomplete or was edited: its list of tables says it holds 3 articles but it has 4\./],
    ['a file whose one article is bad', () => edit(good, (o) => setRows(o, [{ ...rows(o)[0], url: 'javascript:alert(1)' }])), /^Article 1 \(“.+”\): “url” is not a web address/],
    [
      'a file whose every article is bad',
      () => edit(good, (o) => rows(o).forEach((r: any) => (r.savedAt = 'yesterday'))),
      /^None of the 4 articles in this file can be restored\. The first: Article 1 .*“savedAt” should be a number, not text/,
    ],
    ['some other JSON', () => '{"hello": "world"}', /not a Backstory backup/],
    ['a JSON list', () => '[1, 2, 3]', /not a Backstory backup/],
    ['another program’s Dexie export', () => edit(good, (o) => ((o.data.databaseName = 'shopping-list'), delete o.backstory)), /another program \(the Dexie database “shopping-list”\)/],
    ['a newer backup format', () => edit(good, (o) => (o.backstory.formatVersion = 2)), /made by a newer version of Backstory \(backup format 2/],
    ['a newer archive version', () => edit(good, (o) => ((o.backstory.schemaVersion = 9), (o.data.databaseVersion = 9))), /newer version of Backstory \(archive version 9; this one has version 7\)/],
    ['a “__proto__” field in a record', () => proto(good), /contains a field named “__proto__”.*attack/],
    ['a “constructor” field in the header', () => good.replace('"format":', '"constructor":{"prototype":{"polluted":true}},"format":'), /field named “(constructor|prototype)”/],
    ['unreadable settings', () => edit(good, (o) => (o.backstory.settings = 'all sites')), /settings are not readable/],
    [
      'the fixture with a javascript: link',
      () => fixtureFile('javascript-url.backup.json'),
      /^Article 1 \(“A harmless-looking article”\): “claims\[0\]\.review\.evidence\[0\]” is not a web address \(“javascript:fetch/,
    ],
  ];

  it.each(cases)('refuses %s', async (_name, make, message) => {
    await refused(make(), message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over the size limit, saying the limit', async () => {
    await refused(good, /^This file is too large \(\d+ KB\)\. Backstory reads backup files of up to 10 KB\.$/, 10 * 1024);
  });

  it('leaves the archive as it was when a write fails halfway (one transaction)', async () => {
    // One article the file will merge into (its review is older than the file's), the others are new.
    const f0 = fixture.articles[0]!;
    const mine = await saveArticle(here, articleOf(f0), await analysisOf(here, f0), 1_600_000_000_000);
    await reviewClaim(here, mine.id, `q-${f0.id}`, { status: 'verified', note: 'older', evidence: [] }, 1_600_000_000_001);
    const start = await dumpAll(here);
    const add = vi.spyOn(here.articles, 'bulkAdd');
    const put = vi.spyOn(here.articles, 'put');
    vi.spyOn(here.termLog, 'add').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    await expect(importBackup(here, good)).rejects.toThrow('disk on fire');
    // The merged record and the new ones were written before the failure…
    expect(put).toHaveBeenCalledTimes(1);
    expect(add.mock.calls[0]![0]).toHaveLength(3);
    vi.restoreAllMocks();
    // …and none of it is there.
    expect(await dumpAll(here)).toEqual(start);
    expect((await importBackup(here, good)).merged).toBe(1);
  });
});

describe('a file with some bad records restores the others and lists the bad ones (issue #15)', () => {
  let good: string;

  beforeEach(async () => {
    const { db } = await filledArchive(3);
    good = await backupOf(db);
  });

  /** Each case spoils one row of the file (0-based; 4: a fifth row it adds). */
  const cases: [string, number, (o: any) => void, RegExp][] = [
    [
      'a javascript: article address',
      1,
      (o) => {
        rows(o)[1].url = 'javascript:alert(document.cookie)';
      },
      /^Article 2 \(“.+”\): “url” is not a web address \(“javascript:alert\(document\.cookie\)”\): only http and https/,
    ],
    [
      'a data: page address',
      0,
      (o) => {
        rows(o)[0].pageUrl = 'data:text/html,<script>alert(1)</script>';
      },
      /“pageUrl” is not a web address/,
    ],
    [
      'a javascript: evidence link',
      0,
      (o) => {
        rows(o)[0].claims[0].review.evidence = ['javascript:alert(1)'];
      },
      /“claims\[0\]\.review\.evidence\[0\]” is not a web address/,
    ],
    [
      'a huge text',
      2,
      (o) => {
        rows(o)[2].paragraphs = Array.from({ length: 12 }, () => 'y'.repeat(100_000));
      },
      /^Article 3 .*: it has too much text \(1,200,000 characters; at most 1,000,000\)/,
    ],
    [
      'a number written as text',
      0,
      (o) => {
        rows(o)[0].wordCount = '120';
      },
      /“wordCount” should be a number, not text/,
    ],
    [
      'a list where text belongs',
      0,
      (o) => {
        rows(o)[0].paragraphs[3] = ['nested'];
      },
      /“paragraphs\[3\]” should be text, not a list/,
    ],
    [
      'an unknown claim status',
      0,
      (o) => {
        rows(o)[0].claims[0].review.status = 'pants-on-fire';
      },
      /is not a claim status Backstory knows \(“pants-on-fire”\)/,
    ],
    [
      'a span ending before it starts',
      0,
      (o) => {
        rows(o)[0].claims[0].spans[0] = { paragraph: 0, start: 9, end: 2 };
      },
      /“claims\[0\]\.spans\[0\]” ends before it starts/,
    ],
    [
      'a tag not as Backstory keeps them',
      0,
      (o) => {
        rows(o)[0].tags = ['Earthquakes'];
      },
      /not a tag as Backstory keeps them \(“Earthquakes”/,
    ],
    [
      'a field Backstory does not know',
      0,
      (o) => {
        rows(o)[0].onload = 'steal()';
      },
      /has a field Backstory does not know \(“onload”\)/,
    ],
    [
      'a typed value (a date)',
      0,
      (o) => {
        rows(o)[0].$types = { ...rows(o)[0].$types, savedAt: 'date' };
      },
      /holds a value of a kind Backstory never stores \(“date” at “savedAt”\)/,
    ],
    [
      'a list with named entries',
      0,
      (o) => {
        rows(o)[0].tags = { 0: 'earthquakes', length: 1, evil: 'x' };
      },
      /list with named entries at “tags”/,
    ],
    [
      'two records with one address',
      4,
      (o) => {
        setRows(o, [...rows(o), { ...rows(o)[0], id: 99 }]);
      },
      /^Article 5 .*: it has the same address as article 1 \(https:\/\/news\.example\/.+\), so only that one is restored\.$/,
    ],
    [
      'two records with one number',
      4,
      (o) => {
        setRows(o, [...rows(o), { ...rows(o)[0], url: 'https://news.example/other' }]);
      },
      /^Article 5 .*: it has the same number \(1\) as article 1, so only that one is restored\.$/,
    ],
  ];

  it.each(cases)('%s', async (_name, spoilt, spoil, message) => {
    const o = JSON.parse(good);
    const urls: string[] = rows(o).map((r: any) => r.url);
    spoil(o);
    const here = freshDb();
    const report = await importBackup(here, JSON.stringify(o));
    expect(report.rejectedCount).toBe(1);
    expect(report.rejected).toEqual([{ article: spoilt + 1, title: expect.any(String), problem: expect.stringMatching(message) }]);
    expect(report).toMatchObject({ articles: rows(o).length, added: rows(o).length - 1 });
    // Every other article of the file is in the archive.
    const kept = (await here.articles.toArray()).map((r) => r.url).sort();
    expect(kept).toEqual(urls.filter((_u, i) => i !== spoilt).sort());
  });
});

describe('the reader of a file', () => {
  it('drops undefined fields marked by the export add-on, and nothing else', async () => {
    const db = freshDb();
    const rec = await saveArticle(db, articleOf(fixture.articles[0]!), null, 1_700_000_000_000);
    await db.transaction('rw', db.articles, db.outbox, () => db.articles.put({ ...rec, excerpt: undefined as unknown as null }));
    const text = await backupOf(db);
    expect(text).toMatch(/"\$types":\{[^}]*"excerpt":"undef"/);
    const { records } = readBackup(text, { schemaVersion: 7 });
    expect('excerpt' in records[0]!).toBe(true); // absent in the file → the default, null
    expect(records[0]!.excerpt).toBeNull();
  });
});

describe('transfers between the page and the background', () => {
  it('hands out a text in parts and forgets it after the last', () => {
    const t = new Transfers(() => 0);
    const text = 'a'.repeat(10) + '😀' + 'b'.repeat(5);
    const { transfer, parts } = t.offer(text, 11);
    expect(parts).toBe(2);
    const got = [t.read(transfer, 0), t.read(transfer, 1)];
    expect(got[0]).toBe('a'.repeat(10)); // not between the halves of the emoji
    expect(got.join('')).toBe(text);
    expect(() => t.read(transfer, 1)).toThrow(/no longer waiting/);
  });

  it('receives a file in parts, in any order, and refuses what is too large or incomplete', () => {
    let now = 0;
    const t = new Transfers(() => now, 20);
    const id = crypto.randomUUID();
    t.receive(id, 1, 2, 'world');
    t.receive(id, 0, 2, 'hello ');
    expect(t.take(id)).toBe('hello world');
    expect(() => t.take(id)).toThrow(/did not reach/);
    const big = crypto.randomUUID();
    expect(() => t.receive(big, 0, 1, 'x'.repeat(21))).toThrow(/too large/);
    const half = crypto.randomUUID();
    t.receive(half, 0, 2, 'x');
    expect(() => t.take(half)).toThrow(/not .*completely/);
    expect(() => t.receive('../../etc', 0, 1, 'x')).toThrow(/bad transfer id/);
    const stale = crypto.randomUUID();
    t.receive(stale, 0, 2, 'x');
    now = 11 * 60_000;
    t.receive(crypto.randomUUID(), 0, 1, 'y');
    expect(() => t.take(stale)).toThrow(/took too long/);
  });

  it('lets a new import replace abandoned ones at once, and tells an abandoned one if it comes back (issue #15)', () => {
    const now = 0;
    const t = new Transfers(() => now, 1000);
    // Two uploads abandoned part-way (pages closed while sending): they used to block every import for 10 minutes.
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    t.receive(a, 0, 3, 'aaa');
    t.receive(b, 0, 3, 'bbb');
    const c = crypto.randomUUID();
    t.receive(c, 0, 2, 'hello ');
    t.receive(c, 1, 2, 'world');
    expect(t.take(c)).toBe('hello world');
    expect(() => t.receive(a, 1, 3, 'aaa')).toThrow(/^Another import was started meanwhile .* Choose the file again/);
    expect(() => t.take(b)).toThrow(/^Another import was started meanwhile/);
  });

  it('splits text of any length', () => {
    expect(splitParts('', 3)).toEqual(['']);
    expect(splitParts('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
  });
});

describe('the backup reminder', () => {
  const now = 1_800_000_000_000;
  it('shows when there are articles and no backup, or an old one, unless snoozed', () => {
    expect(backupDue(NO_BACKUP, 3, now)).toBe(true);
    expect(backupDue(NO_BACKUP, 0, now)).toBe(false);
    expect(backupDue({ lastAt: now - 86_400_000, snoozedUntil: null }, 3, now)).toBe(false);
    expect(backupDue({ lastAt: now - REMIND_AFTER_MS - 1, snoozedUntil: null }, 3, now)).toBe(true);
    expect(backupDue({ lastAt: null, snoozedUntil: now + 1 }, 3, now)).toBe(false);
    expect(backupDue({ lastAt: null, snoozedUntil: now - 1 }, 3, now)).toBe(true);
  });
  it('waits until there is something worth backing up: 20 articles, or a week since the first save', () => {
    expect(backupWorthIt(1, now - 60_000, now)).toBe(false);
    expect(backupWorthIt(19, now - WORTH_AFTER_MS + 1, now)).toBe(false);
    expect(backupWorthIt(20, now - 60_000, now)).toBe(true);
    expect(backupWorthIt(2, now - WORTH_AFTER_MS, now)).toBe(true);
    expect(backupWorthIt(0, now - 10 * WORTH_AFTER_MS, now)).toBe(false);
    expect(backupWorthIt(5, null, now)).toBe(false);
  });
  it('reads a damaged state as “never”', () => {
    expect(parseBackupState({ lastAt: 'yesterday', snoozedUntil: -5 })).toEqual(NO_BACKUP);
    expect(parseBackupState(undefined)).toEqual(NO_BACKUP);
    expect(parseBackupState({ lastAt: 5, snoozedUntil: 6 })).toEqual({ lastAt: 5, snoozedUntil: 6 });
  });
});

describe('through the background’s messages', () => {
  function service(db: ArchiveDB, sent: Broadcast[], settings: Settings) {
    return createService({
      db,
      tabs: new TabStore(fakeBrowser.storage.session),
      access: {} as never,
      analyse: async () => ({ actors: [], mentions: [], timings: {} }),
      storage: undefined,
      notify: (m) => sent.push(m),
      now: () => 1_700_002_000_000,
      settings: async () => settings,
      idf: new ArchiveIdf(db, shipped),
    });
  }

  it('exports in parts, imports what the page sends back, and tells the pages', async () => {
    const { db } = await filledArchive(2);
    await fillFingerprints(db, new ArchiveIdf(db, shipped)); // a complete archive: nothing for the background to fill in after the import
    const out = service(db, [], SETTINGS);
    const ticket = await out['archive/export']({ format: 'backup' });
    expect(ticket).toMatchObject({ articles: 3, filename: 'backstory-backup-2023-11-14.json', mime: 'application/json' });
    let text = '';
    for (let i = 0; i < ticket.parts; i++) text += (await out['archive/transfer']({ transfer: ticket.transfer, part: i })).text;
    expect(text.length).toBe(ticket.chars);
    await expect(out['archive/transfer']({ transfer: ticket.transfer, part: 0 })).rejects.toThrow(/no longer waiting/);

    const target = freshDb();
    const sent: Broadcast[] = [];
    const into = service(target, sent, DEFAULT_SETTINGS);
    const transfer = crypto.randomUUID();
    const parts = splitParts(text, 1000);
    for (const [i, p] of parts.entries()) await into['archive/import-part']({ transfer, part: i, parts: parts.length, text: p });
    const report = await into['archive/import']({ transfer });
    expect(report).toMatchObject({ added: 3, intoEmpty: true, settings: SETTINGS });
    expect(sent).toContainEqual({ kind: 'archive/changed' });
    expect(await dumpAll(target)).toEqual(await dumpAll(db));
  });

  it('gives fingerprints to imported records that have none, in the background', async () => {
    const db = freshDb();
    const sent: Broadcast[] = [];
    const s = service(db, sent, DEFAULT_SETTINGS);
    const transfer = crypto.randomUUID();
    await s['archive/import-part']({ transfer, part: 0, parts: 1, text: fixtureFile('schema1.backup.json') });
    expect(await s['archive/import']({ transfer })).toMatchObject({ added: 2 });
    await vi.waitFor(async () => expect(await db.meta.get(FILL)).toBeUndefined());
    expect(await db.events.count()).toBe(2);
    expect((await db.articles.toArray()).every((r) => r.fingerprint?.v === 1)).toBe(true);
    await vi.waitFor(() => expect(sent.filter((m) => m.kind === 'archive/changed').length).toBe(2));
  });

  it('answers a bad file with the reader-facing sentence, and exports for other tools', async () => {
    const { db } = await filledArchive(2);
    const s = service(db, [], SETTINGS);
    const transfer = crypto.randomUUID();
    await s['archive/import-part']({ transfer, part: 0, parts: 1, text: '{"hello":1}' });
    await expect(s['archive/import']({ transfer })).rejects.toThrow(/^This file is not a Backstory backup/);
    const ids = (await db.articles.toCollection().primaryKeys()) as number[];
    const md = await s['archive/export']({ format: 'markdown', ids: [ids[1]!] });
    expect(md).toMatchObject({ articles: 1, mime: 'text/markdown;charset=utf-8' });
    const text = (await s['archive/transfer']({ transfer: md.transfer, part: 0 })).text;
    expect(text.startsWith(`# ${fixture.articles[1]!.title.replace(/[#*_[\]<>|~&`\\]/g, '\\$&')}\n`)).toBe(true);
    await expect(s['archive/export']({ format: 'pdf' } as never)).rejects.toThrow(/Choose what to export/);
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { archiveStats } from '../../lib/archive/articles';
import { ArchiveIdf, fillFingerprints } from '../../lib/archive/coverage';
import { ArchiveDB } from '../../lib/archive/db';
import { FILL, searchWords, TOTALS } from '../../lib/archive/derived';
import { POSTINGS, snapshotChunks, TERM_SNAPSHOT } from '../../lib/archive/rows';
import { readTermCounts } from '../../lib/archive/terms';
import { saveArticle } from '../../lib/archive/articles';
import { rebuildFrom, sampleArticle } from '../archive-consistency';
import { searchArticles } from '../../lib/archive/search';
import { EMPTY_IDF } from '../../lib/events/idf';
import type { Claim, SavedArticle } from '../../lib/types';

let n = 0;

const quote: Claim = {
  id: 'q1',
  spans: [{ paragraph: 1, start: 0, end: 40 }],
  text: '“The bridge will reopen in March,” the mayor said.',
  kind: 'quote',
  speaker: 'Ana Silva',
  speakerKey: 'PER:ana silva',
  cue: 'said',
  checkworthiness: 0.7,
  checkworthy: true,
  unverified: false,
  signals: [],
  review: { status: 'disputed', note: 'Council says May', evidence: [], updatedAt: 7 },
};

/** A record as version 2 wrote it: claims, but no tags, date or fingerprint. */
function v2Record(i: number, over: Partial<SavedArticle> = {}): SavedArticle {
  return {
    url: `https://news.example/bridge-${i}`,
    pageUrl: `https://news.example/bridge-${i}`,
    title: `Harbour bridge closure, day ${i}`,
    byline: null,
    publisher: 'Harbour Gazette',
    aggregator: null,
    published: `2024-03-0${i}T10:00:00Z`,
    lang: 'en',
    excerpt: null,
    wordCount: 20,
    paragraphs: [`Harbour bridge closure, day ${i}`, 'Engineers found corrosion in the harbour bridge cables.', 'Mayor Ana Silva said the bridge will reopen.'],
    truncated: false,
    savedAt: 1000 + i,
    updatedAt: 1000 + i,
    actorKeys: ['PER:ana silva'],
    actors: [{ key: 'PER:ana silva', name: 'Ana Silva', type: 'PER', aliases: [], mentions: 2, role: 'mayor' }],
    claims: [quote],
    bytes: 500 + i,
    ...over,
  };
}

async function fillAtVersion2(name: string, records: SavedArticle[]): Promise<void> {
  const v2 = new Dexie(name);
  v2.version(1).stores({ articles: '++id, &url, savedAt, published, publisher, *actorKeys' });
  v2.version(2).stores({ claims: '&key, articleId, [status+date], speaker, date' });
  await v2.table('articles').bulkAdd(records);
  // The claims index as version 2 kept it.
  await v2.table('claims').add({
    key: '1:q1',
    articleId: 1,
    claimId: 'q1',
    status: 'disputed',
    reviewed: true,
    speaker: 'Ana Silva',
    date: 5,
    claim: quote,
    article: { title: 't', url: 'u', publisher: null, published: null },
  });
  v2.close();
}

describe('schema version 2 → current', () => {
  it('keeps every article and claim and builds the search, term, statement and totals tables', async () => {
    const name = `migrate-v2-${++n}`;
    await fillAtVersion2(name, [v2Record(1), v2Record(2, { published: null })]);
    const db = new ArchiveDB(name);
    try {
      const rows = await db.articles.orderBy('id').toArray();
      expect(db.verno).toBe(7);
      expect(rows.map((r) => r.url)).toEqual(['https://news.example/bridge-1', 'https://news.example/bridge-2']);
      expect(rows[0]).toMatchObject({ tags: [], date: Date.parse('2024-03-01T10:00:00Z'), claims: [expect.objectContaining({ id: 'q1', review: expect.objectContaining({ status: 'disputed' }) })] });
      // No published date: the saved time stands in.
      expect(rows[1]!.date).toBe(1002);
      expect(await db.claims.count()).toBe(1);
      expect((await readTermCounts(db)).counts.get('corrosion')).toBe(2);
      expect((await db.search.get(rows[0]!.id!))?.words).toEqual(expect.arrayContaining(['harbour', 'bridge', 'corrosion']));
      expect(await db.statements.where('[speakerKey+date]').between(['PER:ana silva', Dexie.minKey], ['PER:ana silva', Dexie.maxKey]).count()).toBe(2);
      expect(await db.meta.get(TOTALS)).toEqual({ key: TOTALS, articles: 2, bytes: 1003 });
      expect((await archiveStats(db, undefined)).articles).toBe(2);
      expect((await searchArticles(db, new ArchiveIdf(db, EMPTY_IDF), { text: 'corrosion', offset: 0, limit: 10 })).total).toBe(2);
      // Fingerprints need the IDF table, which the background supplies after opening.
      expect(await db.meta.get(FILL)).toBeTruthy();
      expect(await db.events.count()).toBe(0);
      expect(await fillFingerprints(db, new ArchiveIdf(db, EMPTY_IDF))).toBe(2);
      expect(await db.events.count()).toBe(2);
      expect(await db.meta.get(FILL)).toBeUndefined();
    } finally {
      await db.delete();
    }
  });

  it('upgrades an empty version 2 archive to working totals', async () => {
    const name = `migrate-v2-empty-${++n}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ articles: '++id, &url, savedAt, published, publisher, *actorKeys' });
    v2.version(2).stores({ claims: '&key, articleId, [status+date], speaker, date' });
    await v2.open();
    v2.close();
    const db = new ArchiveDB(name);
    try {
      expect(await db.meta.get(TOTALS)).toEqual({ key: TOTALS, articles: 0, bytes: 0 });
      expect(await db.meta.get(FILL)).toBeUndefined();
    } finally {
      await db.delete();
    }
  });
});

/** Version 3's schema, as it shipped. */
function v3Schema(db: Dexie): void {
  db.version(1).stores({ articles: '++id, &url, savedAt, published, publisher, *actorKeys' });
  db.version(2).stores({ claims: '&key, articleId, [status+date], speaker, date' });
  db.version(3).stores({
    articles: '++id, &url, savedAt, published, publisher, *actorKeys, *tags, date',
    events: 'id, day, *keys',
    search: 'id, *words',
    terms: 'term',
    statements: '&key, articleId, [speakerKey+date]',
    meta: 'key',
  });
}

describe('schema version 3 → 4', () => {
  it('turns the per-term rows into the snapshot of term counts, and saving goes on from there', async () => {
    const name = `migrate-v3-${++n}`;
    const records = [1, 2].map((i) => ({ ...v2Record(i), id: i, tags: [], date: 1000 + i }));
    const v3 = new Dexie(name);
    v3Schema(v3);
    // What version 3 held for these records: search words and one count row per word.
    const df = new Map<string, number>();
    const search = records.map((r) => ({ id: r.id, words: searchWords(r) }));
    for (const s of search) for (const w of s.words) df.set(w, (df.get(w) ?? 0) + 1);
    await v3.table('articles').bulkAdd(records);
    await v3.table('search').bulkAdd(search);
    await v3.table('terms').bulkAdd([...df].map(([term, n]) => ({ term, n })));
    await v3.table('meta').bulkAdd([{ key: TOTALS, articles: 2, bytes: 1003 }]);
    v3.close();
    const db = new ArchiveDB(name);
    try {
      await db.open();
      expect(db.verno).toBe(7);
      expect(db.tables.map((t) => t.name)).not.toContain('terms');
      const counts = await readTermCounts(db);
      expect(counts.counts).toEqual(df);
      expect(counts.counts.get('corrosion')).toBe(2);
      expect(await db.termLog.count()).toBe(0);
      expect(await db.meta.get(TERM_SNAPSHOT)).toEqual({ key: TERM_SNAPSHOT, seq: 0 });
      // A save after the upgrade is logged on top of the snapshot.
      await saveArticle(db, sampleArticle(9), null, 5000);
      expect(await db.termLog.count()).toBe(1);
      const all = (await db.articles.toArray()) as (SavedArticle & { id: number })[];
      const after = await readTermCounts(db);
      expect([...after.counts].sort()).toEqual(rebuildFrom(all).terms.map((t) => [t.term, t.n]));
    } finally {
      await db.delete();
    }
  });
});

describe('schema version 4 → 5', () => {
  it('drops the multi-entry index on the search words and builds posting lists in the background, searchable throughout', async () => {
    const name = `migrate-v4-${++n}`;
    const records = [1, 2, 3].map((i) => ({ ...v2Record(i), id: i, tags: [], date: 1000 + i }));
    const v4 = new Dexie(name);
    v3Schema(v4);
    v4.version(4).stores({ terms: null, termCounts: 'id', termLog: '++seq' });
    const search = records.map((r) => ({ id: r.id, words: searchWords(r) }));
    const df = new Map<string, number>();
    for (const s of search) for (const w of s.words) df.set(w, (df.get(w) ?? 0) + 1);
    await v4.table('articles').bulkAdd(records);
    await v4.table('search').bulkAdd(search);
    // What version 4 held: a snapshot of two articles' counts and a log row (no ids) for the third.
    const first = new Map<string, number>();
    for (const s of search.slice(0, 2)) for (const w of s.words) first.set(w, (first.get(w) ?? 0) + 1);
    await v4.table('termCounts').bulkAdd(snapshotChunks(first));
    await v4.table('termLog').add({ terms: search[2]!.words, deltas: search[2]!.words.map(() => 1) });
    await v4.table('meta').bulkAdd([
      { key: TOTALS, articles: 3, bytes: 1506 },
      { key: TERM_SNAPSHOT, seq: 0 },
    ]);
    v4.close();
    const db = new ArchiveDB(name);
    try {
      await db.open();
      expect(db.verno).toBe(7);
      expect(db.search.schema.indexes).toEqual([]);
      expect(await db.postings.count()).toBe(0);
      expect(await db.meta.get(POSTINGS)).toEqual({ key: POSTINGS, seq: 1, built: 0 });
      const idf = new ArchiveIdf(db, EMPTY_IDF);
      const find = async (text: string) => (await searchArticles(db, idf, { text, offset: 0, limit: 10 })).items.map((i) => i.id);
      // Before the lists are built, from the search rows.
      expect(await find('corrosion')).toEqual([3, 2, 1]);
      expect(idf.postingsStatus.building).toBe(true);
      expect(idf.archiveCount('corrosion')).toBe(3);
      await idf.compact();
      expect(idf.postingsStatus).toEqual({ pending: 0, building: false });
      expect(await db.meta.get(POSTINGS)).toMatchObject({ built: null });
      expect([...(await db.postings.get('corrosion'))!.ids]).toEqual([1, 2, 3]);
      expect(await find('corrosion')).toEqual([3, 2, 1]);
      // A save after the upgrade is found, and the counts go on from the snapshot.
      const saved = await saveArticle(db, { ...sampleArticle(9), paragraphs: ['Corrosion again on the ferry pier.'] }, null, 5000);
      expect(await find('corrosion')).toEqual([saved.id, 3, 2, 1]);
      expect((await readTermCounts(db)).counts.get('corrosion')).toBe(4);
    } finally {
      await db.delete();
    }
  });
});

describe('a new archive', () => {
  it('starts with zero totals', async () => {
    const db = new ArchiveDB(`fresh-${++n}`);
    try {
      expect(await db.meta.get(TOTALS)).toEqual({ key: TOTALS, articles: 0, bytes: 0 });
    } finally {
      await db.delete();
    }
  });
});

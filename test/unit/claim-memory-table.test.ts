/**
 * Claim memory's table (schema 7, lib/archive/rows.ts MemoryRow) and the statements' status and
 * note: what a save writes, how a review, a second save, a delete and an undo keep them in step, and
 * what the upgrade from version 6 fills in.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorPage } from '../../lib/archive/actor-page';
import { deleteArticle, restoreArticle, saveArticle } from '../../lib/archive/articles';
import { claimRows, reviewClaim } from '../../lib/archive/claims';
import { ArchiveDB, type MemoryRow, type StatementRow } from '../../lib/archive/db';
import { candidateClaims } from '../../lib/archive/memory';
import { memoryRow, statementRows } from '../../lib/archive/derived';
import { rebuildFrom } from '../archive-consistency';
import type { Analysis, Article, Claim, SavedArticle } from '../../lib/types';

const SILVA = 'PER:ana silva';
let db: ArchiveDB;
let n = 0;

function article(i: number): Article {
  return {
    url: `https://news.example/dam-${i}`,
    pageUrl: `https://news.example/dam-${i}`,
    title: `Kessling dam inquiry, day ${i}`,
    byline: null,
    publisher: 'Valley Post',
    aggregator: null,
    published: `2026-05-0${i}T08:00:00Z`,
    lang: 'en',
    excerpt: null,
    wordCount: 40,
    paragraphs: ['The inquiry into the Kessling dam opened.', 'Ana Silva said the authority had been warned twice. It is understood the gates failed. The river rose two metres.'],
    truncated: false,
  };
}

const base: Pick<Claim, 'cue' | 'checkworthiness' | 'checkworthy' | 'unverified' | 'signals'> = { cue: 'said', checkworthiness: 0.7, checkworthy: true, unverified: false, signals: [] };

/** A quote by a named speaker (a statement), a hedged claim (a claims row), a plain fact (neither), a claim by a named speaker marked not a claim. */
function claims(): Claim[] {
  return [
    { ...base, id: 'warned', spans: [{ paragraph: 1, start: 0, end: 50 }], text: 'Ana Silva said the authority had been warned twice', kind: 'reported', speaker: 'Ana Silva', speakerKey: SILVA },
    {
      ...base,
      id: 'gates',
      spans: [{ paragraph: 1, start: 52, end: 84 }],
      text: 'It is understood the gates failed',
      kind: 'factual',
      speaker: null,
      speakerKey: null,
      cue: null,
      unverified: true,
      signals: [{ code: 'hedge', reason: 'Hedged', words: 'It is understood' }],
    },
    { ...base, id: 'river', spans: [{ paragraph: 1, start: 86, end: 110 }], text: 'The river rose two metres', kind: 'factual', speaker: null, speakerKey: null, cue: null },
    {
      ...base,
      id: 'opinion',
      spans: [{ paragraph: 0, start: 0, end: 40 }],
      text: 'Ana Silva said the inquiry opened on time',
      kind: 'reported',
      speaker: 'Ana Silva',
      speakerKey: SILVA,
      review: { status: 'not-claim', note: '', evidence: [], updatedAt: 5 },
    },
  ];
}

const analysis = (cs: Claim[]): Analysis => ({ actors: [{ key: SILVA, name: 'Ana Silva', type: 'PER', aliases: [], mentions: 1, role: null }], mentions: [], claims: cs, timings: {} });

beforeEach(() => {
  db = new ArchiveDB(`memory-table-${++n}`);
});

afterEach(async () => {
  await db.delete();
});

describe('claim memory’s table', () => {
  it('holds, per saved article, its statements and flagged claims, not a plain fact nor one marked not a claim', async () => {
    const rec = await saveArticle(db, article(1), analysis(claims()), 1000);
    const row = await db.memory.get(rec.id);
    expect(row).toMatchObject({ id: rec.id, date: Date.parse('2026-05-01T08:00:00Z'), article: { title: 'Kessling dam inquiry, day 1', url: 'https://news.example/dam-1', publisher: 'Valley Post' } });
    // Statements first, then the claims index's other rows.
    expect(row!.claims.map((c) => [c.claimId, c.status, c.speaker])).toEqual([
      ['warned', null, 'Ana Silva'],
      ['gates', 'unverified', null],
    ]);
    // The statement's row has no place (it is not in the claims index); the flagged claim keeps its own.
    expect(row!.claims.find((c) => c.claimId === 'gates')!.order).toBe(1e7 + 52);
    // What claim memory reads for the article is that row.
    expect((await candidateClaims(db, [rec.id])).map((c) => c.key).sort()).toEqual([`${rec.id}:gates`, `${rec.id}:warned`]);
  });

  it('follows a review, a second save, a delete and an undo', async () => {
    const rec = await saveArticle(db, article(1), analysis(claims()), 1000);
    await reviewClaim(db, rec.id, 'warned', { status: 'disputed', note: 'Only one warning is on record', evidence: [] }, 2000);
    let row = await db.memory.get(rec.id);
    expect(row!.claims.find((c) => c.claimId === 'warned')).toMatchObject({ status: 'disputed', review: { status: 'disputed', note: 'Only one warning is on record', updatedAt: 2000 }, order: 1e7 });
    // The statement carries the status and note, and the actor page shows them without the claims index.
    const said = (await db.statements.get(`${rec.id}:warned`))!;
    expect([said.status, said.claimStatus, said.note]).toEqual(['disputed', 'disputed', 'Only one warning is on record']);
    const page = await actorPage(db, SILVA);
    expect(page!.statements.map((s) => [s.claimId, s.status, s.note])).toEqual([['warned', 'disputed', 'Only one warning is on record']]);

    // Marked not a claim: it leaves the row; the other claim stays.
    await reviewClaim(db, rec.id, 'gates', { status: 'not-claim', note: '', evidence: [] }, 2500);
    row = await db.memory.get(rec.id);
    expect(row!.claims.map((c) => c.claimId)).toEqual(['warned']);

    // A second save without the hedged claim: the review carries over, the row follows.
    const again = claims().filter((c) => c.id !== 'gates');
    await saveArticle(db, article(1), analysis(again), 3000);
    row = await db.memory.get(rec.id);
    expect(row!.claims.map((c) => [c.claimId, c.status])).toEqual([['warned', 'disputed']]);

    const gone = await deleteArticle(db, rec.id);
    expect(await db.memory.count()).toBe(0);
    const id = await restoreArticle(db, gone);
    expect((await db.memory.get(id))!.claims.map((c) => [c.claimId, c.status])).toEqual([['warned', 'disputed']]);
  });

  it('has no row for an article with nothing to match, and loses it when a review takes the last claim away', async () => {
    const plain = await saveArticle(db, article(2), analysis([claims()[2]!]), 1000);
    expect(await db.memory.get(plain.id)).toBeUndefined();
    const one = await saveArticle(db, article(3), analysis([claims()[1]!]), 1000);
    expect(await db.memory.get(one.id)).toBeDefined();
    await reviewClaim(db, one.id, 'gates', { status: 'not-claim', note: '', evidence: [] }, 2000);
    expect(await db.memory.get(one.id)).toBeUndefined();
  });
});

/** Version 6's schema, as it shipped (lib/archive/db.ts). */
function v6Schema(d: Dexie): void {
  d.version(1).stores({ articles: '++id, &url, savedAt, published, publisher, *actorKeys' });
  d.version(2).stores({ claims: '&key, articleId, [status+date], speaker, date' });
  d.version(3).stores({
    articles: '++id, &url, savedAt, published, publisher, *actorKeys, *tags, date',
    events: 'id, day, *keys',
    search: 'id, *words',
    terms: 'term',
    statements: '&key, articleId, [speakerKey+date]',
    meta: 'key',
  });
  d.version(4).stores({ terms: null, termCounts: 'id', termLog: '++seq' });
  d.version(5).stores({ search: 'id', events: 'id', postings: 'term', keyPostings: 'term' });
  d.version(6).stores({ outbox: 'url' });
}

describe('schema version 6 → 7', () => {
  it('fills claim memory’s table and the statements’ status and note from the claim and statement rows', async () => {
    const name = `memory-v6-${++n}`;
    const reviewed = claims().map((c) => (c.id === 'warned' ? { ...c, review: { status: 'false' as const, note: 'The log shows no warning', evidence: [], updatedAt: 9 } } : c));
    const records: (SavedArticle & { id: number })[] = [1, 2].map((i) => ({
      ...article(i),
      id: i,
      savedAt: 1000 + i,
      updatedAt: 1000 + i,
      actors: analysis([]).actors,
      actorKeys: [SILVA],
      claims: i === 1 ? reviewed : claims(),
      tags: [],
      date: Date.parse(article(i).published!),
      bytes: 900,
    }));
    // The statements as version 6 wrote them: with the review's status only.
    const v6Statements = (r: SavedArticle & { id: number }) =>
      (r.claims ?? [])
        .filter((c) => c.speakerKey && c.speaker && c.kind !== 'factual' && c.review?.status !== 'not-claim')
        .map((c) => ({
          key: `${r.id}:${c.id}`,
          articleId: r.id,
          claimId: c.id,
          speakerKey: c.speakerKey!,
          speaker: c.speaker!,
          date: r.date!,
          text: c.text,
          kind: c.kind,
          status: c.review?.status ?? null,
          article: { title: r.title, url: r.url, publisher: r.publisher },
        }));
    const v6 = new Dexie(name);
    v6Schema(v6);
    await v6.table('articles').bulkAdd(records);
    await v6.table('claims').bulkAdd(records.flatMap((r) => claimRows(r)));
    await v6.table('statements').bulkAdd(records.flatMap(v6Statements));
    v6.close();

    const up = new ArchiveDB(name);
    try {
      await up.open();
      expect(up.verno).toBe(7);
      const said = (await up.statements.toArray()) as StatementRow[];
      expect(said.map((s) => [s.key, s.status, s.claimStatus, s.note])).toEqual([
        ['1:warned', 'false', 'false', 'The log shows no warning'],
        ['2:warned', null, null, null],
      ]);
      const rows = (await up.memory.toArray()) as MemoryRow[];
      expect(rows.map((r) => [r.id, r.claims.map((c) => [c.claimId, c.status, c.review?.note ?? null])])).toEqual([
        [
          1,
          [
            ['warned', 'false', 'The log shows no warning'],
            ['gates', 'unverified', null],
          ],
        ],
        [
          2,
          [
            ['warned', null, null],
            ['gates', 'unverified', null],
          ],
        ],
      ]);
      // The same rows a save of these records writes.
      // (but for what statement rows keep since version 7, read as absent: where a claim stands, an
      // undated article)
      const since7 = ({ order: _order, undated: _undated, ...rest }: StatementRow) => rest;
      expect(rows).toEqual(records.map((r) => memoryRow(statementRows(r).map(since7), claimRows(r))));
      expect(said).toEqual(rebuildFrom(records).statements.map(since7));
    } finally {
      await up.delete();
    }
  });
});

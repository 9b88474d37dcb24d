import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle } from '../../lib/archive/articles';
import { reviewClaim } from '../../lib/archive/claims';
import { ArchiveIdf } from '../../lib/archive/coverage';
import { ArchiveDB } from '../../lib/archive/db';
import { assertionOf, candidateClaims, claimMemory } from '../../lib/archive/memory';
import { loadMatchModel } from '../../lib/claims-memory/match';
import { loadIdfTable } from '../../lib/events/idf';
import type { Article, Claim } from '../../lib/types';

const shipped = loadIdfTable(readFileSync(new URL('../../public/models/idf.json', import.meta.url), 'utf8'));
const model = loadMatchModel(JSON.parse(readFileSync(new URL('../../public/models/claim-match.json', import.meta.url), 'utf8')));

let db: ArchiveDB;
let idf: ArchiveIdf;
let n = 0;

function article(slug: string, title: string, published: string, paragraphs: string[], publisher = 'Example News'): Article {
  return {
    url: `https://news.example/${slug}`,
    pageUrl: `https://news.example/${slug}`,
    title,
    byline: null,
    publisher,
    aggregator: null,
    published,
    lang: 'en',
    excerpt: null,
    wordCount: 100,
    paragraphs,
    truncated: false,
  };
}

function claim(id: string, text: string, speaker: string | null, speakerKey: string | null, unverified = false): Claim {
  return {
    id,
    spans: [{ paragraph: 0, start: 0, end: text.length }],
    text,
    kind: speaker ? 'reported' : 'factual',
    speaker,
    speakerKey,
    cue: speaker ? 'said' : null,
    checkworthiness: 0.8,
    checkworthy: true,
    unverified,
    signals: [],
  };
}

async function save(slug: string, title: string, published: string, claims: Claim[], publisher?: string) {
  const a = article(slug, title, published, [title, ...claims.map((c) => c.text + '.')], publisher);
  return saveArticle(db, a, { actors: [], mentions: [], claims, timings: {} }, Date.parse(published));
}

beforeEach(async () => {
  db = new ArchiveDB(`memory-${++n}`);
  idf = new ArchiveIdf(db, shipped);
  const dam = await save('dam-1', 'Reservoir dam near Kessling gives way after storms', '2026-08-14T09:00:00Z', [
    claim('c1', 'The collapse of the Kessling dam killed 26 people and flooded three villages', null, null, true),
    claim('c2', 'Engineers warned the regional water authority about cracks in the Kessling dam two years ago', 'Maria Okafor', 'PER:maria okafor'),
    claim('c3', 'The regional water authority said in a statement that the Kessling dam had passed its last inspection in March', 'regional water authority', null, true),
  ]);
  await save('budget', 'Parliament passes budget after long night', '2026-08-10T09:00:00Z', [
    claim('b1', 'The budget raises spending on hospitals by four percent', 'Finance Minister Tomas Berg', 'PER:tomas berg'),
  ]);
  await save('football', 'Harbour City win the cup final', '2026-08-11T09:00:00Z', [claim('f1', 'The club will build a new stadium near the harbour next spring', 'Coach Lena Vik', 'PER:lena vik')]);
  // The reader judged the engineers' warning false, with a note.
  await reviewClaim(db, dam.id, 'c2', { status: 'false', note: 'The authority published the inspection: no cracks were reported.', evidence: [] }, Date.parse('2026-08-15T10:00:00Z'));
});
afterEach(async () => {
  await db.delete();
});

describe('claim memory', () => {
  it('finds a reworded claim the reader reviewed elsewhere, with the review, and flags it', async () => {
    const fresh = claim(
      'n1',
      'Maria Okafor, who inspected the Kessling dam for the regional water authority until last year, said the authority had been warned of cracks in the dam years before it failed',
      'Maria Okafor',
      'PER:maria okafor',
    );
    const other = claim('n2', 'Harbour City fans celebrated late into the night', null, null);
    const { memory } = await claimMemory(db, idf, model, [fresh, other]);
    const m = memory.find((x) => x.claimId === 'n1');
    expect(m).toBeDefined();
    expect(m!.flagged).toBe(true);
    const r = m!.recalls[0]!;
    expect(r.claimId).toBe('c2');
    expect(r.review?.status).toBe('false');
    expect(r.review?.note).toContain('no cracks');
    expect(r.line).toMatch(/^You marked this false on 15 Aug 2026: “The authority published/);
    expect(r.shared.map((s) => s.toLowerCase())).toEqual(expect.arrayContaining(['warned', 'cracks']));
    expect(memory.some((x) => x.claimId === 'n2')).toBe(false);
    // The authority's own statement shares the words of the attribution ("inspected", "regional
    // water authority"), not the assertion: not the same claim.
    expect(m!.recalls.map((x) => x.claimId)).toEqual(['c2']);
  });

  it('compares what claims assert, not how they are attributed', () => {
    expect(assertionOf('Maria Okafor, who inspected the dam, said the authority had been warned of cracks')).toBe('the authority had been warned of cracks');
    expect(assertionOf('The authority said in a statement that the dam had passed its inspection')).toBe('the dam had passed its inspection');
    // No cue, or too little after it: the whole text.
    expect(assertionOf('Engineers warned the authority about cracks in the dam')).toBe('Engineers warned the authority about cracks in the dam');
    expect(assertionOf('The dam is safe, the authority said')).toBe('The dam is safe, the authority said');
  });

  it('compares what a quote says, not the attribution after it', () => {
    expect(assertionOf('“We saw the need to accelerate that,” Steve Clarke, deputy associate administrator for exploration, said')).toBe('We saw the need to accelerate that,');
    expect(assertionOf('"The dam will hold," the engineer said, "and the town is safe."')).toBe('The dam will hold, and the town is safe.');
    // single quotes, as British outlets write them, with an apostrophe inside
    expect(assertionOf('‘We couldn’t see the need to accelerate that,’ Steve Clarke, deputy associate administrator, said')).toBe('We couldn’t see the need to accelerate that,');
    expect(assertionOf('The engineer said in a statement: “The dam will hold through the winter.”')).toBe('The dam will hold through the winter.');
    // A few quoted words in a longer claim are not the claim.
    expect(assertionOf('China said it is committed to the “one country, two systems” formula granting Hong Kong autonomy')).toBe(
      'it is committed to the “one country, two systems” formula granting Hong Kong autonomy',
    );
    // Nor is a quote of fewer than four words.
    expect(assertionOf('“Plainly outrageous” was the word for the ruling on the dam')).toBe('“Plainly outrageous” was the word for the ruling on the dam');
  });

  it('does not recall another quote of the same person because their attributions match', async () => {
    const attribution = 'Steve Clarke, deputy associate administrator for exploration in the science mission directorate, said';
    const earlier = claim('q1', `“Buying rides to the Moon to conduct science investigations lets the agency do much more for less,” ${attribution}`, 'Steve Clarke', 'PER:steve clarke');
    await save('landers-a', 'Agency picks lander companies', '2026-08-14T08:00:00Z', [earlier]);
    const same = claim('q2', `“Buying rides to the Moon for science investigations lets the agency do much more,” ${attribution}`, 'Steve Clarke', 'PER:steve clarke');
    const other = claim('q3', `“We were looking to do this a little later, but we saw the need to accelerate that,” ${attribution}`, 'Steve Clarke', 'PER:steve clarke');
    const { memory } = await claimMemory(db, idf, model, [same, other]);
    expect(memory.find((m) => m.claimId === 'q2')?.recalls.map((r) => r.claimId)).toEqual(['q1']);
    expect(memory.find((m) => m.claimId === 'q3')?.recalls ?? []).toEqual([]);
  });

  it('says which numbers moved', async () => {
    const fresh = claim('n3', 'The Kessling dam collapse killed 39 people and flooded three villages, officials now say', 'officials', null);
    const { memory } = await claimMemory(db, idf, model, [fresh]);
    const r = memory[0]!.recalls.find((x) => x.claimId === 'c1')!;
    expect(r.numbers).toEqual({ here: ['39'], there: ['26'] });
    expect(r.line).toBe('Numbers moved: 39 here; 26 in Example News, 14 Aug 2026');
    expect(memory[0]!.flagged).toBe(false);
  });

  it('says whether a match came out before or after the article read', async () => {
    const fresh = claim('n4', 'The regional water authority said the Kessling dam had passed its last inspection in March', 'regional water authority', null);
    const recallOf = async (published?: string | null) => (await claimMemory(db, idf, model, [fresh], { published })).memory[0]?.recalls.find((x) => x.claimId === 'c3');
    const later = await recallOf('2026-08-01T08:00:00Z');
    expect(later?.when).toBe('later');
    expect(later?.line).toMatch(/^Reported later \(regional water authority\) in Example News, 14 Aug 2026: “The regional water authority said/);
    expect((await recallOf('2026-08-20T08:00:00Z'))?.line).toMatch(/^Reported earlier \(regional/);
    // Within a day, or no date to compare with: neither before nor after. The dam report is of
    // 14 Aug, 09:00 UTC; a New York story of the evening of 14 Aug is the 15th in UTC.
    expect((await recallOf('2026-08-14T23:00:00Z'))?.when).toBe('also');
    expect((await recallOf('2026-08-14T22:00:00-04:00'))?.when).toBe('also');
    expect((await recallOf(null))?.line).toMatch(/^Also reported \(regional/);
  });

  it('leaves out the article itself and unrelated claims', async () => {
    const dam = (await db.articles.where('url').equals('https://news.example/dam-1').first())!;
    const same = claim('c1', 'The collapse of the Kessling dam killed 26 people and flooded three villages', null, null, true);
    expect((await claimMemory(db, idf, model, [same], { excludeId: dam.id })).memory).toEqual([]);
    const unrelated = claim('z1', 'The orchestra will tour Japan and Korea with a new conductor in the autumn', 'Director Anna Holm', 'PER:anna holm');
    expect((await claimMemory(db, idf, model, [unrelated])).memory).toEqual([]);
  });

  it('reads exactly an article’s own claims, also when another id starts with the same digits', async () => {
    for (let i = 0; i < 10; i++) {
      await save(`more-${i}`, `Council meets on the bridge, part ${i}`, '2026-08-12T09:00:00Z', [
        claim(`m${i}`, `The bridge repairs will cost ${i + 2} million euros next year`, 'Mayor Ida Lund', 'PER:ida lund', true),
      ]);
    }
    const ids = (await db.articles.toCollection().primaryKeys()) as number[];
    expect(ids).toContain(1);
    expect(ids).toContain(12);
    for (const some of [[1], [1, 12], ids]) {
      const got = await candidateClaims(db, some);
      const want = await Promise.all([db.statements.where('articleId').anyOf(some).toArray(), db.claims.where('articleId').anyOf(some).toArray()]);
      const keys = new Set([...want[0], ...want[1].filter((r) => r.status !== 'not-claim')].map((x) => x.key));
      expect(got.map((c) => c.key).sort()).toEqual([...keys].sort());
      expect(got.length).toBeGreaterThan(0);
      for (const c of got) expect(some).toContain(c.articleId);
    }
  });
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorArticles, actorPage, actorStatements, companionsOf, type ActorPageArticle } from '../../lib/archive/actor-page';
import { saveArticle } from '../../lib/archive/articles';
import { nameFromKey } from '../../lib/archive/derived';
import { ArchiveDB } from '../../lib/archive/db';
import type { Actor, Article, ArticleFingerprint, Claim } from '../../lib/types';

const LIND = 'PER:ana lind';
let db: ArchiveDB;
let n = 0;

function actor(key: string, name: string, role: string | null = null): Actor {
  return { key, name, type: key.startsWith('ORG') ? 'ORG' : 'PER', aliases: [], mentions: 2, role };
}

function article(i: number, published: string): Article {
  return {
    url: `https://news.example/lind-${i}`,
    pageUrl: `https://news.example/lind-${i}`,
    title: `Ana Lind, story ${i}`,
    byline: null,
    publisher: 'Example News',
    aggregator: null,
    published,
    lang: 'en',
    excerpt: null,
    wordCount: 100,
    paragraphs: [`Ana Lind said the harbour plan number ${i} would go ahead.`],
    truncated: false,
  };
}

function statement(i: number): Claim {
  const text = `Ana Lind said the harbour plan number ${i} would go ahead`;
  return {
    id: `s${i}`,
    spans: [{ paragraph: 0, start: 0, end: text.length }],
    text,
    kind: 'reported',
    speaker: 'Ana Lind',
    speakerKey: LIND,
    cue: 'said',
    checkworthiness: 0.8,
    checkworthy: true,
    unverified: false,
    signals: [],
  };
}

/** Saves article i, published on `day`, naming Ana Lind and a companion; with an event fingerprint when `fingerprinted`. */
async function save(i: number, day: string, companion: Actor, fingerprinted: boolean) {
  const actors = [actor(LIND, 'Ana Lind', i % 2 ? 'harbour director' : null), companion];
  const fingerprint: ArticleFingerprint | undefined = fingerprinted
    ? {
        v: 1,
        day: null,
        terms: ['harbour'],
        counts: [2],
        actors: [
          [LIND, 3],
          [companion.key, 1],
        ],
        places: [],
        dates: [],
        keys: ['t:harbour', LIND, companion.key],
        ...(companion.outlet ? { outlets: [companion.key] } : {}),
      }
    : undefined;
  const a = article(i, `${day}T09:00:00Z`);
  return saveArticle(db, a, { actors, mentions: [], claims: [statement(i)], timings: {}, ...(fingerprint ? { fingerprint } : {}) }, Date.parse(`${day}T10:00:00Z`));
}

const ids: number[] = [];
beforeEach(async () => {
  db = new ArchiveDB(`actor-page-${++n}`);
  ids.length = 0;
  const port = actor('ORG:port authority', 'Port Authority');
  const mayor = actor('PER:jon berg', 'Jon Berg');
  // Saved in this order; article 2 is published before article 1 (a timeline sorts by date).
  const days = ['2026-03-01', '2026-02-20', '2026-03-05', '2026-03-09', '2026-03-12', '2026-03-15', '2026-03-20'];
  for (let i = 0; i < days.length; i++) ids.push((await save(i, days[i]!, i < 4 ? port : mayor, i % 3 !== 0)).id!);
});
afterEach(async () => {
  await db.delete();
});

const titles = (as: readonly ActorPageArticle[]) => as.map((a) => a.title);

describe('actor page', () => {
  it('lists every article, statement and companion when they fit on one page', async () => {
    const page = (await actorPage(db, LIND))!;
    expect(page.total).toBe(7);
    expect(page.earlier).toBeNull();
    expect(titles(page.articles)).toEqual([1, 0, 2, 3, 4, 5, 6].map((i) => `Ana Lind, story ${i}`));
    expect(page.statementsTotal).toBe(7);
    expect(page.statementsEarlier).toBeNull();
    expect(page.statements.map((s) => s.claimId)).toEqual(['s1', 's0', 's2', 's3', 's4', 's5', 's6']);
    expect(page.companions.map((c) => [c.key, c.articles])).toEqual([
      ['ORG:port authority', 4],
      ['PER:jon berg', 3],
    ]);
    expect(page.companionsFrom).toBe(7);
    expect(page.roles[0]).toMatchObject({ role: 'harbour director', count: 3 });
  });

  it('does not count a news organisation the articles only cite among the companions', async () => {
    const wire: Actor = { ...actor('ORG:reuters', 'Reuters'), outlet: true };
    await save(7, '2026-03-21', wire, true);
    await save(8, '2026-03-22', wire, false);
    const page = (await actorPage(db, LIND))!;
    expect(page.total).toBe(9);
    expect(page.companions.map((c) => c.key)).toEqual(['ORG:port authority', 'PER:jon berg']);
  });

  it('opens with the latest articles and reads earlier pages on demand, each article once', async () => {
    const page = (await actorPage(db, LIND, 3))!;
    expect(page.total).toBe(7);
    // The latest three saved, in date order.
    expect(page.articles.map((a) => a.id)).toEqual(ids.slice(4));
    expect(page.earlier).toBe(ids[4]);
    // Companions are counted over the page listed.
    expect(page.companions.map((c) => [c.key, c.articles])).toEqual([['PER:jon berg', 3]]);
    expect(page.companionsFrom).toBe(3);

    const second = await actorArticles(db, LIND, page.earlier!, 3);
    expect(second.articles.map((a) => a.id)).toEqual([ids[1], ids[2], ids[3]].sort((a, b) => a! - b!));
    expect(second.earlier).toBe(ids[1]);
    const third = await actorArticles(db, LIND, second.earlier!, 3);
    expect(third.articles.map((a) => a.id)).toEqual([ids[0]]);
    expect(third.earlier).toBeNull();
    // All pages together are the one-page timeline's articles.
    const all = (await actorPage(db, LIND))!.articles;
    expect(new Set([...third.articles, ...second.articles, ...page.articles].map((a) => a.id))).toEqual(new Set(all.map((a) => a.id)));
    expect([...third.articles, ...second.articles, ...page.articles].length).toBe(7);
  });

  it('counts an article once for a companion it names two ways', async () => {
    const a = article(9, '2026-04-01T09:00:00Z');
    const corp = actor('ORG:sierra nevada corp.', 'Sierra Nevada Corp.');
    const corporation = actor('ORG:sierra nevada corporation', 'Sierra Nevada Corporation');
    await saveArticle(db, a, { actors: [actor(LIND, 'Ana Lind'), corp, corporation], mentions: [], claims: [], timings: {} }, Date.parse('2026-04-01T10:00:00Z'));
    const page = (await actorPage(db, LIND))!;
    const sierra = page.companions.filter((c) => c.key.startsWith('ORG:sierra'));
    expect(sierra.map((c) => c.articles)).toEqual([1]);
  });

  it('lists one article’s statements as the article wrote them', async () => {
    const at = (id: string, paragraph: number, text: string): Claim => ({ ...statement(0), id, text, spans: [{ paragraph, start: 0, end: text.length }] });
    const a = { ...article(9, '2026-04-01T09:00:00Z'), paragraphs: ['Ana Lind wrote that the harbour would reopen.', 'Ana Lind later wrote that it would not.'] };
    // Ids whose order says nothing of where the claims stand.
    await saveArticle(
      db,
      a,
      { actors: [actor(LIND, 'Ana Lind')], mentions: [], claims: [at('zz-first', 0, a.paragraphs[0]!), at('aa-later', 1, a.paragraphs[1]!)], timings: {} },
      Date.parse('2026-04-01T10:00:00Z'),
    );
    const page = (await actorPage(db, LIND))!;
    expect(page.statements.slice(-2).map((s) => s.claimId)).toEqual(['zz-first', 'aa-later']);
  });

  it('lists the latest statements first and reads earlier ones by whole dates, each once', async () => {
    // Three more statements on the day of article 4 (2026-03-12), in an article of their own.
    const day = '2026-03-12';
    const extra: Claim[] = [7, 8, 9].map((i) => ({ ...statement(i), id: `s${i}` }));
    const a = { ...article(7, `${day}T09:00:00Z`), url: 'https://news.example/lind-extra' };
    await saveArticle(db, a, { actors: [actor(LIND, 'Ana Lind')], mentions: [], claims: extra, timings: {} }, Date.parse(`${day}T11:00:00Z`));
    // Dates: s1 02-20, s0 03-01, s2 03-05, s3 03-09, s4 s7 s8 s9 03-12, s5 03-15, s6 03-20.
    const page = (await actorPage(db, LIND, 100, 3))!;
    expect(page.statementsTotal).toBe(10);
    // The latest three would cut 03-12 in the middle: the page stops before it.
    expect(page.statements.map((s) => s.claimId)).toEqual(['s5', 's6']);
    expect(page.statementsEarlier).toBe(Date.parse(`2026-03-15T09:00:00Z`));
    // A page that would hold only part of one date holds all of it.
    const second = await actorStatements(db, LIND, page.statementsEarlier!, 3);
    expect(second.statements.map((s) => s.claimId).sort()).toEqual(['s4', 's7', 's8', 's9']);
    expect(second.earlier).toBe(Date.parse(`${day}T09:00:00Z`));
    const third = await actorStatements(db, LIND, second.earlier!, 3);
    expect(third.statements.map((s) => s.claimId)).toEqual(['s0', 's2', 's3']);
    const fourth = await actorStatements(db, LIND, third.earlier!, 3);
    expect(fourth.statements.map((s) => s.claimId)).toEqual(['s1']);
    expect(fourth.earlier).toBeNull();
    const seen = [page, second, third].flatMap((p) => p.statements).concat(fourth.statements);
    expect(new Set(seen.map((s) => s.claimId)).size).toBe(10);
    expect(seen.length).toBe(10);
  });

  it('names a key no article at hand spells out with the small words of a name in lower case', () => {
    expect(nameFromKey('PER:keir starmer')).toBe('Keir Starmer');
    expect(nameFromKey('ORG:u.s. securities and exchange commission')).toBe('U.S. Securities and Exchange Commission');
    expect(nameFromKey("ORG:autostrade per l'italia")).toBe("Autostrade per l'Italia");
    expect(nameFromKey('LOC:the hague')).toBe('The Hague');
    expect(nameFromKey("PER:conan o'brien")).toBe("Conan O'Brien");
    expect(nameFromKey('PER:jean-luc picard')).toBe('Jean-Luc Picard');
    expect(nameFromKey("ORG:mcdonald's")).toBe("Mcdonald's");
  });

  it('says null for an actor no saved article names', async () => {
    expect(await actorPage(db, 'PER:nobody')).toBeNull();
  });
});

describe('companions', () => {
  const seen = (rows: [string, number, number][]) => new Map(rows.map(([k, articles, mentions]) => [k, { articles, mentions }]));
  it('count one name however the articles key it, shown as most of them write it', () => {
    const list = companionsOf(
      seen([
        ['PER:patrick carlineo jr.', 1, 7],
        ['PER:patrick w. carlineo jr.', 1, 4],
        ['PER:james kennedy jr.', 1, 1],
        ['ORG:sierra nevada corp.', 1, 2],
        ['ORG:sierra nevada corporation', 2, 4],
        ['LOC:new york', 1, 2],
      ]),
      'PER:ilhan omar',
    );
    // (of two forms in as many articles, the fuller one)
    expect(list).toEqual([
      ['ORG:sierra nevada corporation', 3],
      ['PER:patrick w. carlineo jr.', 2],
      ['LOC:new york', 1],
      ['PER:james kennedy jr.', 1],
    ]);
  });
  it('keep two people of one surname apart, and leave out the actor’s own other forms', () => {
    const list = companionsOf(
      seen([
        ['PER:jeb bush', 1, 3],
        ['PER:george w. bush', 1, 2],
        ['PER:omar', 1, 2],
      ]),
      'PER:ilhan omar',
    );
    expect(list.map(([k]) => k)).toEqual(['PER:jeb bush', 'PER:george w. bush']);
  });
  it('among names of as many articles, put the most mentioned first, then people and bodies before places', () => {
    const list = companionsOf(
      seen([
        ['LOC:argentina', 1, 1],
        ['LOC:central park', 1, 1],
        ['PER:tova noel', 1, 1],
        ['ORG:bureau of prisons', 1, 1],
        ['PER:michael thomas', 1, 3],
      ]),
      'PER:jeffrey epstein',
    );
    expect(list.map(([k]) => k)).toEqual(['PER:michael thomas', 'PER:tova noel', 'ORG:bureau of prisons', 'LOC:argentina', 'LOC:central park']);
  });
});

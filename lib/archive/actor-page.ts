/**
 * An actor's page in the archive (issue 22): by the actor's stable key, the articles naming them as
 * a timeline, the roles the texts gave them, their statements over time with each claim's status,
 * and the people, organisations and places they appear with most.
 *
 * It must open fast for an actor in hundreds of articles (≤ 150 ms at 500), so it reads no article
 * text for the timeline and opens with its latest page: the ids from the `actorKeys` index (all of
 * them: their number is shown), then the `events` rows (title, publisher, date, and the
 * fingerprint's names with their counts) of the latest ARTICLE_PAGE only; earlier pages are read
 * when the reader asks (`actorArticles`). Who the actor appears with is counted over that first
 * page. The latest MAX_STATEMENTS statements come from their own `[speakerKey+date]` index, read
 * newest first in one request, with their claim's status and note in their rows (schema 7; before,
 * 100 lookups in `claims`); earlier ones are read when the reader asks (`actorStatements`). Roles
 * and spellings are in the article records only, so they are read from the latest ROLE_ARTICLES
 * records.
 */
import Dexie from 'dexie';
import type { ClaimStatus, EntityType, SavedArticle } from '../types';
import type { ArchiveDB, EventRow, StatementRow } from './db';
import { articleDate, nameFromKey } from './derived';
import { matchKey, samePerson } from '../events/match';

/** Records read for the roles and names. */
export const ROLE_ARTICLES = 10;
/** Statements per page (the page opens with the latest ones; earlier pages are read on demand). */
export const MAX_STATEMENTS = 100;
/** Articles per page of the timeline: the page opens with the latest ones, earlier pages are read on demand. */
export const ARTICLE_PAGE = 100;
export const MAX_COMPANIONS = 12;

export interface ActorPageArticle {
  id: number;
  title: string;
  url: string;
  publisher: string | null;
  /** The article's date (published, else saved), ms: the timeline's order. */
  date: number;
  /** How often this article names the actor (from its fingerprint; 0 when unknown). */
  mentions: number;
}

export interface ActorPageStatement {
  articleId: number;
  claimId: string;
  text: string;
  kind: 'quote' | 'reported' | 'factual';
  date: number;
  title: string;
  publisher: string | null;
  /** The reader's status, else 'unverified' when the text gave a reason to doubt it, else null. */
  status: ClaimStatus | null;
  /** The reader's note on it, when reviewed. */
  note: string | null;
}

/** A page of earlier statements of an actor (`actorStatements`). */
export interface ActorStatementsPage {
  /** Oldest first. */
  statements: ActorPageStatement[];
  /** When there are earlier ones still: the date (ms) to ask them before; else null. */
  earlier: number | null;
}

/** A page of earlier articles of an actor (`actorArticles`). */
export interface ActorArticlesPage {
  /** Oldest first. */
  articles: ActorPageArticle[];
  /** When there are earlier ones still: the id to ask them before; else null. */
  earlier: number | null;
}

export interface ActorPage {
  key: string;
  name: string;
  type: EntityType;
  /** Other spellings the texts used. */
  aliases: string[];
  /** The latest ARTICLE_PAGE articles (by when they were saved), oldest first. */
  articles: ActorPageArticle[];
  /** How many saved articles name the actor. */
  total: number;
  /** When there are earlier articles than listed: the id to ask them before (`actorArticles`); else null. */
  earlier: number | null;
  /** Roles the texts gave the actor, most often first, with when they were first and last given (ms). */
  roles: { role: string; count: number; first: number; last: number }[];
  /** The latest statements attributed to the actor (about MAX_STATEMENTS, whole days), oldest first. */
  statements: ActorPageStatement[];
  /** How many statements are attributed to the actor in all. */
  statementsTotal: number;
  /** When there are earlier statements than listed: the date (ms) to ask them before (`actorStatements`); else null. */
  statementsEarlier: number | null;
  /** Names the actor's articles share most, with in how many of them. */
  companions: { key: string; name: string; type: EntityType; articles: number }[];
  /** The articles the companions were counted in (those listed first: the latest ARTICLE_PAGE). */
  companionsFrom: number;
  /** How many records the roles were read from (the latest ones). */
  rolesFrom: number;
  ms: number;
  /** Of `ms`: reading the index's keys, then the rows (events, records, statements). */
  parts?: { keys: number; rows: number };
}

const TYPES: Record<string, EntityType> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC' };

/** People, then organisations, then places, among names seen as often. */
const TYPE_RANK: Record<string, number> = { PER: 0, ORG: 1, LOC: 2 };

/**
 * The names seen with an actor, most often first, as [key, articles]: one name however the
 * articles key it ("PER:patrick carlineo jr." and "PER:patrick w. carlineo jr.", "ORG:sierra nevada
 * corp." and "ORG:sierra nevada corporation": `matchKey`, `samePerson`), shown by the key most
 * articles use; among names of as many articles, the most mentioned, then people and bodies before
 * places (a name in one article among many of one article is no "most").
 */
export function companionsOf(together: ReadonlyMap<string, { articles: number; mentions: number }>, self: string): [string, number][] {
  const groups: { keys: [string, number][]; articles: number; mentions: number }[] = [];
  const byMatch = new Map<string, typeof groups>();
  const selfMatch = matchKey(self);
  for (const [k, e] of together) {
    const mk = matchKey(k);
    // (another form of the actor's own name is not a companion)
    if (mk === selfMatch && samePerson(k, self)) continue;
    const list = byMatch.get(mk) ?? [];
    let g = list.find((x) => x.keys.every(([o]) => samePerson(o, k)));
    if (!g) {
      g = { keys: [], articles: 0, mentions: 0 };
      list.push(g);
      groups.push(g);
      byMatch.set(mk, list);
    }
    g.keys.push([k, e.articles]);
    g.articles += e.articles;
    g.mentions += e.mentions;
  }
  const shown = (g: (typeof groups)[number]) => [...g.keys].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0]![0];
  return groups
    .map((g) => ({ key: shown(g), articles: g.articles, mentions: g.mentions }))
    .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || (TYPE_RANK[a.key.slice(0, 3)] ?? 3) - (TYPE_RANK[b.key.slice(0, 3)] ?? 3) || (a.key < b.key ? -1 : 1))
    .map((c) => [c.key, c.articles]);
}
const typeOf = (key: string): EntityType => TYPES[key.slice(0, key.indexOf(':'))] ?? 'PER';

/**
 * The timeline entries of these articles (ascending ids), from their `events` rows, or their
 * records when they have none (no fingerprint yet); and how many of them name each other actor.
 */
async function timeline(db: ArchiveDB, key: string, ids: readonly number[], known: ReadonlyMap<number, SavedArticle>, read?: (EventRow | undefined)[]) {
  const events = read ?? (await db.events.bulkGet([...ids]));
  const byRecord = new Map(known);
  const unread = ids.filter((id, i) => !events[i] && !byRecord.has(id));
  if (unread.length) for (const r of await db.articles.bulkGet(unread)) if (r?.id !== undefined) byRecord.set(r.id, r);
  const articles: ActorPageArticle[] = [];
  // Each other name: the articles that name it, and its mentions in them.
  const together = new Map<string, { articles: number; mentions: number }>();
  // One article counts once for a name it writes two ways ("Sierra Nevada Corp." and "Sierra Nevada
  // Corporation"): the second form's mentions go to the first.
  let inArticle = new Map<string, string[]>();
  const add = (k: string, mentions: number) => {
    const mk = matchKey(k);
    const first = inArticle.get(mk)?.find((o) => samePerson(o, k));
    if (first !== undefined) {
      together.get(first)!.mentions += mentions;
      return;
    }
    inArticle.set(mk, [...(inArticle.get(mk) ?? []), k]);
    const e = together.get(k);
    if (e) {
      e.articles++;
      e.mentions += mentions;
    } else together.set(k, { articles: 1, mentions });
  };
  ids.forEach((id, i) => {
    inArticle = new Map();
    const ev: EventRow | undefined = events[i];
    if (ev) {
      const fp = ev.fingerprint;
      articles.push({
        id,
        title: ev.head.title,
        url: ev.head.url,
        publisher: ev.head.publisher,
        date: ev.head.date,
        mentions: fp.actors.find(([k]) => k === key)?.[1] ?? fp.places.find(([k]) => k === key)?.[1] ?? 0,
      });
      // (not the news organisations an article only cites: "often named with Reuters" says nothing)
      for (const [k, m] of [...fp.actors, ...fp.places]) if (k !== key && !fp.outlets?.includes(k)) add(k, m);
      return;
    }
    const r = byRecord.get(id);
    if (!r) return;
    articles.push({ id, title: r.title, url: r.url, publisher: r.publisher, date: r.date ?? articleDate(r), mentions: r.actors.find((a) => a.key === key)?.mentions ?? 0 });
    for (const a of r.actors) if (a.key !== key && !a.outlet) add(a.key, a.mentions);
  });
  articles.sort((a, b) => a.date - b.date || a.id - b.id);
  return { articles, together, records: byRecord };
}

const statementOf = (s: StatementRow): ActorPageStatement => ({
  articleId: s.articleId,
  claimId: s.claimId,
  text: s.text,
  kind: s.kind,
  date: s.date,
  title: s.article.title,
  publisher: s.article.publisher,
  // The claim's status and note travel in the statement's row (schema version 7).
  status: s.claimStatus ?? s.status,
  note: s.note,
});

/**
 * The actor's latest statements dated before `before` (ms, or Dexie.maxKey for all), oldest first:
 * about `limit` of them, read newest first in one request (IndexedDB 3's getAll with a direction,
 * where the browser has it), cut at a whole date so that the next page, the statements before the
 * oldest date listed, misses none of an article's several statements of one day; and the date to
 * ask the earlier ones before, or null when there are none.
 */
async function latestStatements(db: ArchiveDB, key: string, before: number | typeof Dexie.maxKey, limit: number): Promise<{ rows: StatementRow[]; earlier: number | null }> {
  const { rows, earlier } = await latestRows(db, key, before, limit);
  // (the index orders one date's rows by their keys, which say nothing of where they stand)
  return { rows: rows.sort((a, b) => a.date - b.date || a.articleId - b.articleId || (a.order ?? 0) - (b.order ?? 0)), earlier };
}

/** `latestStatements`' rows as the index gives them (one date's rows in the order of their keys). */
async function latestRows(db: ArchiveDB, key: string, before: number | typeof Dexie.maxKey, limit: number): Promise<{ rows: StatementRow[]; earlier: number | null }> {
  const newest = await db.statements
    .where('[speakerKey+date]')
    .between([key, Dexie.minKey], [key, before], true, false)
    .reverse()
    .limit(limit + 1)
    .toArray();
  if (newest.length <= limit) return { rows: newest.reverse(), earlier: null };
  const cut = newest[limit - 1]!.date;
  // The extra row shares the last date listed: that date may go on beyond the page. Leave it to
  // the next page, unless it is all the page holds; then read all of it, and look for anything
  // dated before it.
  let rows = newest.slice(0, limit);
  if (newest[limit]!.date !== cut) return { rows: rows.reverse(), earlier: cut };
  rows = rows.filter((r) => r.date !== cut);
  if (rows.length > 0) {
    const oldest = rows.at(-1)!.date;
    return { rows: rows.reverse(), earlier: oldest };
  }
  const [day, before_] = await Promise.all([
    db.statements.where('[speakerKey+date]').equals([key, cut]).toArray(),
    db.statements.where('[speakerKey+date]').between([key, Dexie.minKey], [key, cut], true, false).last(),
  ]);
  return { rows: day, earlier: before_ ? cut : null };
}

/** The page of the actor's statements dated before `before` (ms: a page's `statementsEarlier`), oldest first. */
export async function actorStatements(db: ArchiveDB, key: string, before: number, limit = MAX_STATEMENTS): Promise<ActorStatementsPage> {
  const { rows, earlier } = await latestStatements(db, key, before, limit);
  return { statements: rows.map(statementOf), earlier };
}

/** The ids of the articles naming the actor, ascending (the order they were saved in). */
async function articleIds(db: ArchiveDB, key: string): Promise<number[]> {
  const ids = (await db.articles.where('actorKeys').equals(key).primaryKeys()) as number[];
  return ids.sort((a, b) => a - b);
}

/**
 * The page of the actor's articles saved before the article `before` (an id: the page's
 * `earlier`): the latest `limit` of them, oldest first, and where the page before that starts.
 */
export async function actorArticles(db: ArchiveDB, key: string, before: number, limit = ARTICLE_PAGE): Promise<ActorArticlesPage> {
  const ids = (await articleIds(db, key)).filter((id) => id < before);
  const page = ids.slice(-limit);
  const { articles } = await timeline(db, key, page, new Map());
  return { articles, earlier: ids.length > page.length ? page[0]! : null };
}

/**
 * The actor's page, or null when no saved article names them: the latest `limit` articles (by
 * when they were saved) with the count of all; earlier ones are asked for with `actorArticles`.
 */
export async function actorPage(db: ArchiveDB, key: string, limit = ARTICLE_PAGE, statementLimit = MAX_STATEMENTS): Promise<ActorPage | null> {
  const t0 = performance.now();
  const [ids, said, statementsTotal] = await Promise.all([
    articleIds(db, key),
    latestStatements(db, key, Dexie.maxKey, statementLimit),
    db.statements.where('[speakerKey+date]').between([key, Dexie.minKey], [key, Dexie.maxKey]).count(),
  ]);
  if (ids.length === 0) return null;
  const total = ids.length;
  const tKeys = performance.now();
  const page = ids.slice(-limit);
  const newest = [...page].reverse();
  const latest = newest.slice(0, ROLE_ARTICLES);
  const [events, records] = await Promise.all([db.events.bulkGet(page), db.articles.bulkGet(latest)]);
  const known = new Map<number, SavedArticle>();
  for (const r of records) if (r?.id !== undefined) known.set(r.id, r);
  const { articles, together, records: byRecord } = await timeline(db, key, page, known, events);
  const tRows = performance.now();

  const names = new Map<string, string>();
  const aliases = new Map<string, number>();
  const roles = new Map<string, { role: string; count: number; first: number; last: number }>();
  let name: string | null = null;
  for (const r of [...byRecord.values()].sort((a, b) => (b.id ?? 0) - (a.id ?? 0))) {
    const date = r.date ?? articleDate(r);
    for (const a of r.actors ?? []) {
      if (!names.has(a.key)) names.set(a.key, a.name);
      if (a.key !== key) continue;
      name ??= a.name;
      for (const al of [a.name, ...(a.aliases ?? [])]) aliases.set(al, (aliases.get(al) ?? 0) + 1);
      const role = a.role?.trim();
      if (!role) continue;
      const k = role.toLowerCase();
      const e = roles.get(k);
      if (e) {
        e.count++;
        e.first = Math.min(e.first, date);
        e.last = Math.max(e.last, date);
      } else roles.set(k, { role, count: 1, first: date, last: date });
    }
  }
  name ??= said.rows.at(-1)?.speaker ?? nameFromKey(key);

  const companions = companionsOf(together, key)
    .slice(0, MAX_COMPANIONS)
    .map(([k, n]) => ({ key: k, name: names.get(k) ?? nameFromKey(k), type: typeOf(k), articles: n }));

  return {
    key,
    name,
    type: typeOf(key),
    aliases: [...aliases]
      .sort((a, b) => b[1] - a[1])
      .map(([a]) => a)
      .filter((a) => a !== name)
      .slice(0, 8),
    articles,
    total: Math.max(total, page.length),
    earlier: total > page.length ? page[0]! : null,
    roles: [...roles.values()].sort((a, b) => b.count - a.count || b.last - a.last).slice(0, 10),
    statements: said.rows.map(statementOf),
    statementsTotal,
    statementsEarlier: said.earlier,
    companions,
    companionsFrom: page.length,
    rolesFrom: byRecord.size,
    ms: performance.now() - t0,
    parts: { keys: tKeys - t0, rows: tRows - tKeys },
  };
}

/**
 * Earlier coverage from the archive (issue #5): the archive's IDF layer, the Dexie candidate source
 * for lib/events, and the "Earlier coverage" answer the side panel and the archive page show.
 */
import Dexie from 'dexie';
import { computeFingerprint, documentTerms, normKey, termWeight } from '../events/fingerprint';
import { EMPTY_IDF, type IdfTable } from '../events/idf';
import { normaliseWord, terms } from '../events/terms';
import { findEarlierCoverage, matchKey, type EarlierCoverage } from '../events/match';
import type { CandidateSource, FingerprintId, KeyHits, StoredFingerprint } from '../events/source';
import type { Coverage, CoverageItem, EarlierStatement, LookupTimes, NamedKey } from './views';
import type { Actor, ArticleFingerprint, Claim, SavedArticle } from '../types';
import type { ArchiveDB, EventRow } from './db';
import { articleDate, eventRow, FILL, nameFromKey, TOTALS } from './derived';
import { LEGAL_FORMS } from '../nlp/org-words';
import { assertionOf } from './memory';
import { changedKeys } from './articles';
import { adjustTotals, resize } from './totals';
import { buildPostings, foldPostings, Pending, postingLists, readPending, sortUnique, type ListKind } from './postings';
import { POSTINGS } from './rows';
import { compactTermLog, logChanges, readTermCounts, refreshTermCounts, termsWithPrefix, type LogChanges, type TermCounts } from './terms';

/** A table whose counts must be loaded for the terms about to be used (`df` itself is synchronous). */
export interface LoadableIdf extends IdfTable {
  load(terms: Iterable<string>): Promise<void>;
}

/** When the background folds the log into the posting lists and the counts' snapshot: pending articles, log rows, terms in them. */
export const FOLD_AFTER = { articles: 500, rows: 500, terms: 400_000 } as const;

/**
 * The background's memory of the archive's search words: the shipped IDF table with the archive's
 * own document frequencies on top (an IdfTable), and what search needs besides (the terms of a
 * prefix, the articles holding a term). The counts and the pending articles (lib/archive/terms.ts,
 * lib/archive/postings.ts) are read whole on the first `load`, then kept for the worker's lifetime;
 * every later `load` reads only the changes logged since (one small read transaction), so they are
 * exact even when another context wrote them. When the log has grown, it folds it into the posting
 * lists and the counts' snapshot, in the background; and after an upgrade it builds the lists.
 */
export class ArchiveIdf implements CoverageIndex {
  private state: TermCounts | null = null;
  private rows = new Pending();
  private ownDocs = 0;
  private base: IdfTable = EMPTY_IDF;
  private baseLoad: (() => Promise<IdfTable>) | null;
  /** Reads of the state, and changes to it, one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private maintaining: Promise<void> | null = null;
  /**
   * When to fold (FOLD_AFTER). A fold rewrites every posting list the pending articles touch, whole,
   * so while articles are loaded in bulk (the scale bench's fill) folding every 500 rewrites the
   * long lists hundreds of times; a bulk load may fold less often and `compact` at its end. The
   * lists, counts and rows come out the same either way.
   */
  foldAfter: { articles: number; rows: number; terms: number } = { ...FOLD_AFTER };

  /** `base`: the shipped table, or a function that loads it (on the first `load`; retried if it fails). */
  constructor(
    private readonly db: ArchiveDB,
    base: IdfTable | (() => Promise<IdfTable>),
  ) {
    if (typeof base === 'function') this.baseLoad = base;
    else {
      this.base = base;
      this.baseLoad = null;
    }
  }

  get docs(): number {
    return this.base.docs + this.ownDocs;
  }

  df(term: string): number {
    return this.base.df(term) + (this.state?.counts.get(term) ?? 0);
  }

  /** Saved articles (as of the last `load`). */
  get archiveDocs(): number {
    return this.ownDocs;
  }

  /** Distinct terms the archive counts (0 before the first `load`). */
  get archiveTerms(): number {
    return this.state?.counts.size ?? 0;
  }

  /** In how many saved articles `term` occurs (as of the last `load`). */
  archiveCount(term: string): number {
    return this.state?.counts.get(term) ?? 0;
  }

  /** The archive's terms that start with `prefix` (as of the last `load`). */
  termsWithPrefix(prefix: string): string[] {
    return this.state ? termsWithPrefix(this.state, prefix) : [];
  }

  /** Articles pending for the posting lists, and whether the lists are still being built (as of the last `load`). */
  get postingsStatus(): { pending: number; building: boolean } {
    return { pending: this.state?.pending.size ?? 0, building: (this.state?.built ?? null) !== null };
  }

  /** Brings the archive's counts, pending articles and article count up to date (the terms themselves need no loading). */
  async load(_terms?: Iterable<string>): Promise<void> {
    await this.loadBase();
    await this.serially(() => this.refresh());
    this.maintainSoon();
  }

  private async loadBase(): Promise<void> {
    if (!this.baseLoad) return;
    this.base = await this.baseLoad();
    this.baseLoad = null;
  }

  /** The saved articles whose search words hold any of `terms`, ascending, exact as of now. */
  async articlesWithAny(terms: readonly string[]): Promise<number[]> {
    const lists = await this.lists('words', terms);
    return lists.length === 1 ? lists[0]! : sortUnique(lists.flat());
  }

  /** For each search word, the saved articles holding it, ascending, exact as of now (claim memory's candidates). */
  async articlesWithEach(terms: readonly string[]): Promise<number[][]>;
  /**
   * The same for the words `choose` picks once the counts are up to date (it may read them:
   * `archiveCount`, `archiveDocs`), in the same read as the lists (one refresh, not two); with the
   * words chosen.
   */
  async articlesWithEach(choose: () => readonly string[]): Promise<{ terms: readonly string[]; lists: number[][] }>;
  async articlesWithEach(terms: readonly string[] | (() => readonly string[])): Promise<number[][] | { terms: readonly string[]; lists: number[][] }> {
    if (typeof terms !== 'function') return this.lists('words', terms);
    let chosen: readonly string[] = [];
    const lists = await this.lists('words', () => (chosen = terms()));
    return { terms: chosen, lists };
  }

  /** For each event key, the newest `limit` articles whose fingerprint has it, newest first. */
  async newestWithKeys(keys: readonly string[], limit: number): Promise<number[][]> {
    return (await this.lists('keys', keys)).map((l) => l.slice(-limit).reverse());
  }

  /**
   * For each event key, the newest `limit` articles whose fingerprint has it (newest first) and how
   * many have it; with the saved articles, as of the same read.
   */
  async keyHits(keys: readonly string[], limit: number): Promise<{ hits: KeyHits[]; size: number }> {
    const hits = (await this.lists('keys', keys)).map((l): KeyHits => ({ ids: l.slice(-limit).reverse(), total: l.length }));
    return { hits, size: this.ownDocs };
  }

  private async lists(kind: ListKind, which: readonly string[] | (() => readonly string[])): Promise<number[][]> {
    let out: number[][] = [];
    await this.loadBase();
    // Inside the queue, so that a fold cannot finish between taking the view and reading the lists.
    await this.serially(async () => {
      await this.refresh();
      const terms = typeof which === 'function' ? which() : which;
      out = await postingLists(this.db, { pending: this.state!.pending, rows: this.rows, built: this.state!.built }, kind, terms);
    });
    this.maintainSoon();
    return out;
  }

  /**
   * Folds the log into the posting lists and the counts' snapshot now, and builds the lists if
   * they are being built (lib/archive/postings.ts). Resolves when done.
   */
  async compact(): Promise<void> {
    await this.maintaining;
    await (this.maintaining = this.maintain(true).finally(() => (this.maintaining = null)));
  }

  private async refresh(): Promise<void> {
    const [{ state, changes }, totals] = await Promise.all([
      this.state ? refreshTermCounts(this.db, this.state) : readTermCounts(this.db).then(({ changes, ...state }) => ({ state, changes })),
      this.db.meta.get(TOTALS),
    ]);
    this.state = state;
    this.ownDocs = totals?.articles ?? 0;
    await this.takeChanges(changes);
  }

  private async takeChanges(changes: LogChanges): Promise<void> {
    if (changes.reset) this.rows = await readPending(this.db, this.state!.pending.keys());
    else if (changes.ids.length) await readPending(this.db, changes.ids, this.rows);
  }

  private due(): boolean {
    const s = this.state;
    if (!s) return false;
    const f = this.foldAfter;
    return s.built !== null || s.pending.size >= f.articles || s.logRows >= f.rows || s.logTerms >= f.terms;
  }

  /** Starts the background work when it is due and none is running. */
  private maintainSoon(): void {
    if (this.maintaining || !this.due()) return;
    this.maintaining = new Promise<void>((ok) => setTimeout(ok, 0))
      .then(() => this.maintain(false))
      .catch((err: unknown) => {
        // A closed database (the page or worker going away) leaves the work for the next start.
        if ((err as { name?: string } | null)?.name !== 'DatabaseClosedError') console.warn('Backstory: the search index was not brought up to date', err);
      })
      .finally(() => (this.maintaining = null));
  }

  /**
   * Folds the pending articles into the posting lists (outside the queue: it takes seconds, and
   * searches go on meanwhile), then records that and rewrites the counts' snapshot (inside it);
   * then builds the lists a batch at a time while they are being built.
   */
  private async maintain(force: boolean): Promise<void> {
    await this.serially(() => this.refresh());
    if (force || this.due()) {
      const upTo = await foldPostings(this.db, this.state!, this.rows);
      await this.serially(async () => {
        const { state, changes } = await compactTermLog(this.db, this.state!, { seq: upTo, built: this.state!.built });
        this.state = state;
        await this.takeChanges(changes);
      });
    }
    while (this.state!.built !== null) {
      const built = await buildPostings(this.db, this.state!.built);
      await this.serially(async () => {
        await this.db.transaction('rw', this.db.meta, async () => {
          const cur = await this.db.meta.get(POSTINGS);
          await this.db.meta.put({ key: POSTINGS, seq: cur?.seq ?? 0, built });
        });
        this.state!.built = built;
      });
    }
  }

  private serially(f: () => Promise<void>): Promise<void> {
    const run = this.queue.then(f, f);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The shipped IDF with the archive's counts, and the archive's index of event keys (ArchiveIdf). */
export interface CoverageIndex extends LoadableIdf {
  newestWithKeys(keys: readonly string[], limit: number): Promise<number[][]>;
  keyHits(keys: readonly string[], limit: number): Promise<{ hits: KeyHits[]; size: number }>;
  /** Saved articles, as of the last read of the index. */
  readonly archiveDocs: number;
}

/**
 * Candidates from the archive: per fingerprint key, the newest ids (from the key's posting list,
 * lib/archive/postings.ts), then their `events` rows. Keeps the rows it read, for the list the
 * reader sees.
 */
export class DexieCandidateSource implements CandidateSource {
  readonly rows = new Map<number, EventRow>();

  /** `asked`: called each time rows have been asked for, right after (see `earlierCoverage`). */
  constructor(
    private readonly db: ArchiveDB,
    private readonly index: CoverageIndex,
    private readonly asked?: () => void,
  ) {}

  async byKeys(keys: string[], limitPerKey: number): Promise<FingerprintId[]> {
    return (await this.index.newestWithKeys([...new Set(keys)], limitPerKey)).flat();
  }

  keyHits(keys: readonly string[], limitPerKey: number): Promise<{ hits: KeyHits[]; size: number }> {
    return this.index.keyHits(keys, limitPerKey);
  }

  async get(ids: FingerprintId[]): Promise<StoredFingerprint[]> {
    const reading = this.db.events.bulkGet(ids.map(Number));
    this.asked?.();
    const rows = (await reading).filter((r): r is EventRow => !!r);
    for (const r of rows) this.rows.set(r.id, r);
    return rows.map((r) => ({ id: r.id, fingerprint: r.fingerprint }));
  }
}

/**
 * Display names for fingerprint keys: the name the article being read gives the actor, else the
 * name as an earlier article wrote it (its fingerprint's `names`), else one made from the key. A
 * person of another article takes this article's name for them when that name holds every word of
 * theirs ("Hillary Clinton" shown as "Hillary Rodham Clinton", "Obama" as "Barack Obama"); never
 * on the surname alone (Bill Clinton is not Hillary Clinton), nor a shorter name for a fuller one.
 */
export function namer(actors: readonly Actor[], rows: Iterable<Pick<EventRow, 'fingerprint'>>): (key: string) => NamedKey {
  const exact = new Map<string, string>();
  const people: { words: string[]; name: string }[] = [];
  for (const a of [...actors].sort((x, y) => y.mentions - x.mentions)) {
    const k = normKey(a.key);
    if (exact.has(k)) continue;
    exact.set(k, a.name);
    if (k.startsWith('PER:')) people.push({ words: k.slice(4).split(' '), name: a.name });
  }
  const written = new Map<string, string>();
  for (const r of rows) for (const [k, n] of r.fingerprint.names ?? []) if (!written.has(k)) written.set(k, n);
  const person = (key: string): string | undefined => {
    if (!key.startsWith('PER:')) return undefined;
    const words = key.slice(4).split(' ');
    const within = (a: string[], b: string[]) => a.every((w) => b.includes(w));
    return people.find((p) => p.words.at(-1) === words.at(-1) && within(words, p.words))?.name;
  };
  return (key) => ({ key, name: exact.get(key) ?? person(key) ?? written.get(key) ?? nameFromKey(key) });
}

const MAX_RELATED = 10;
const MAX_ADDED = 5;
const MAX_NEW_NAMES = 6;
const MAX_SPEAKERS = 8;
const PER_SPEAKER = 3;
/** Room for the article's own statements in a speaker's newest ones, read in one request. */
const SELF_ROOM = 9;
const MAX_STATEMENTS = 12;
/** Statements on other matters than the article's story, listed after those on it. */
const MAX_OFF_STORY = 3;
/**
 * A statement is on the article's story when its words, its speaker's name left out, share this
 * much (cosine) with the article's distinctive terms. Of six statements tried against Al Bawaba's
 * report on Israeli settlements: one on the settlements in its words 0.29, one on them in other
 * words 0.03 (missed), four on other matters 0 to 0.07.
 */
export const ON_STORY = 0.1;

/** An article's distinctive terms, weighted, for `storyCosine`. */
export interface StoryTerms {
  weights: Map<string, number>;
  norm: number;
  /** Each speaker's name's terms, read once a lookup. */
  names: Map<string, Set<string>>;
}

export function storyTerms(fp: Pick<ArticleFingerprint, 'terms' | 'counts'>, table: IdfTable): StoryTerms {
  const weights = new Map<string, number>();
  let sq = 0;
  for (let i = 0; i < Math.min(fp.terms.length, fp.counts.length); i++) {
    const w = termWeight(table, fp.terms[i]!, Math.max(1, fp.counts[i]!));
    weights.set(fp.terms[i]!, w);
    sq += w * w;
  }
  return { weights, norm: Math.sqrt(sq), names: new Map() };
}

/** The cosine of a statement's words, its speaker's own name left out, with an article's distinctive terms. */
export function storyCosine(text: string, speaker: string, story: StoryTerms, table: IdfTable): number {
  if (!story.norm) return 0;
  let name = story.names.get(speaker);
  if (!name) story.names.set(speaker, (name = new Set(terms(speaker))));
  const counts = new Map<string, number>();
  let shared = false;
  for (const t of terms(text)) {
    if (name.has(t)) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
    shared ||= story.weights.has(t);
  }
  // (most of a speaker's words on other matters share no term: no weight to look up)
  if (!shared) return 0;
  let dot = 0;
  let sq = 0;
  for (const [t, c] of counts) {
    const w = termWeight(table, t, c);
    sq += w * w;
    dot += w * (story.weights.get(t) ?? 0);
  }
  return sq ? dot / (Math.sqrt(sq) * story.norm) : 0;
}

export interface CoverageQuery {
  fingerprint: ArticleFingerprint;
  /** The article's actors (for names, and for whose earlier statements to list). */
  actors: readonly Actor[];
  /** The article's own id when it is saved: left out of its own coverage. */
  excludeId?: number;
  /**
   * The article's own claims: a statement another saved article reports in the same words (the
   * same email or speech quoted twice) is no other statement of its speaker, and is left out.
   */
  claims?: readonly Pick<Claim, 'text'>[];
  /**
   * The article's date (ms): where "This article" stands on the event's timeline. Default: its
   * fingerprint's publication day, else none (then everything found is shown before it).
   */
  date?: number | null;
}

const MS_DAY = 86_400_000;

/**
 * Words that continue an organisation's short name into its full one: particles ("Autostrade per
 * l'Italia", "House of Representatives") and legal forms ("Acme Group").
 */
const ORG_TAIL: ReadonlySet<string> = new Set(['per', 'of', 'for', 'de', 'di', 'del', 'della', 'du', 'des', 'für', ...LEGAL_FORMS]);

/**
 * Whether `short` is an organisation's short name and `full` its full one ("ORG:autostrade" and
 * "ORG:autostrade per l'italia"): the timeline names them once. Articles key an organisation by the
 * name they use most, so one calls it in full and the next by its short name; the reader would see
 * it both brought in by one piece and new in the next. Not "United Nations" and "United Nations
 * Security Council": a name that goes on with another name is another body.
 */
export function shortFormOf(short: string, full: string): boolean {
  if (!short.startsWith('ORG:') || !full.startsWith(short + ' ')) return false;
  return ORG_TAIL.has(full.slice(short.length + 1).split(' ')[0]!);
}

/**
 * Whether `full` is `short` with the place it is in before it ("ORG:hong kong polytechnic
 * university" and "ORG:polytechnic university", with "LOC:hong kong" among `places`): reports of
 * one event drop the city from a body's name once the story has named it. A short name of one
 * word is too little to go on ("ORG:police", "ORG:parliament"), and one that every level of
 * government has is another body ("ORG:texas supreme court" and "ORG:supreme court": `LEVELS`).
 */
export function placeFormOf(short: string, full: string, places: ReadonlySet<string>): boolean {
  if (!short.startsWith('ORG:') || !full.startsWith('ORG:') || !full.endsWith(' ' + short.slice(4))) return false;
  const rest = short.slice(4);
  if (!rest.includes(' ') || rest.split(' ').every((w) => LEVELS.has(w))) return false;
  return places.has('LOC:' + full.slice(4, full.length - rest.length - 1));
}

/**
 * Words of bodies that a country, a state and a city each have: "Supreme Court", "National Guard",
 * "Democratic Party" after "Texas" are Texas's, not the ones a report names without a place.
 */
const LEVELS: ReadonlySet<string> = new Set(
  'supreme high appeals court courts national guard democratic republican labour conservative liberal party state city county police fire department senate house assembly legislature parliament council government ministry of the and justice health education'.split(
    ' ',
  ),
);

/** Whether two organisation keys of one event's timeline name one body (`shortFormOf`, `placeFormOf`). */
function oneBody(a: string, b: string, places: ReadonlySet<string>): boolean {
  return shortFormOf(a, b) || shortFormOf(b, a) || placeFormOf(a, b, places) || placeFormOf(b, a, places);
}

/** The earlier coverage of an article: same-event timeline, related articles, earlier statements. */
export async function earlierCoverage(db: ArchiveDB, idf: CoverageIndex, q: CoverageQuery): Promise<Coverage> {
  const t0 = performance.now();
  const fp = q.fingerprint;
  const exclude = q.excludeId === undefined ? [] : [q.excludeId];
  // The statements are asked for right after the candidates' rows: IndexedDB, which answers
  // requests in turn in the browser's own process, reads them while this one scores the
  // candidates, instead of before the key lists and rows the lookup waits on. With no candidates
  // to read, they are asked for at the end.
  let statementsP: Promise<SpokenRow[]> | null = null;
  const askStatements = (): Promise<SpokenRow[]> => {
    if (!statementsP) {
      // (the article's terms are weighed when the first statement is: askStatements is called after
      // the key lists are read, which load the IDF; before, every term would weigh the same)
      let story: StoryTerms | null = null;
      const onStory = (r: { text: string; speaker: string }) => storyCosine(r.text, r.speaker, (story ??= storyTerms(fp, idf)), idf) >= ON_STORY;
      statementsP = earlierStatements(db, q.actors, q.excludeId, q.claims ?? [], onStory);
      // Awaited below; until then a failure must not count as unhandled (nor when the lookup fails first).
      statementsP.catch(() => undefined);
    }
    return statementsP;
  };
  const source = new DexieCandidateSource(db, idf, askStatements);
  // The key lists bring the IDF and the article count up to date as they are read (ArchiveIdf
  // refreshes first, in one read for all the keys).
  const at: LookupTimes = { keys: 0, rows: 0, scored: 0 };
  const found = await findEarlierCoverage(fp, source, { idf, exclude, onStep: (step) => (at[step] = performance.now() - t0) });
  const spoken = await askStatements();
  const name = namer(q.actors, source.rows.values());
  // News organisations an article only cites ("according to Reuters") are compared like its other
  // names, but they are no actors of the event: the timeline does not show them as shared or new.
  // (The article's own actors say so too when its fingerprint was made before fingerprints did.)
  const cited = new Set([...(fp.outlets ?? []), ...q.actors.filter((a) => a.outlet).map((a) => normKey(a.key))].map(matchKey));
  const item = (c: EarlierCoverage): CoverageItem | null => {
    const row = source.rows.get(Number(c.id));
    if (!row) return null;
    const theirs = new Set((row.fingerprint.outlets ?? []).map(matchKey));
    const shown = (k: string) => !cited.has(matchKey(k)) && !theirs.has(matchKey(k));
    return {
      id: row.id,
      url: row.head.url,
      title: row.head.title,
      publisher: row.head.publisher,
      published: row.head.published,
      savedAt: row.head.savedAt,
      date: row.head.date,
      tier: c.tier === 'same' ? 'same' : 'related',
      score: c.score,
      shared: { actors: c.shared.actors.filter(shown).map(name), places: c.shared.places.map(name), kinds: c.shared.kinds },
      added: [],
    };
  };
  // The whole event in date order; "This article" stands after everything dated on or before it.
  const same = found
    .filter((c) => c.tier === 'same')
    .map(item)
    .filter((x): x is CoverageItem => !!x)
    .sort((a, b) => a.date - b.date || a.id - b.id);
  const related = found
    .filter((c) => c.tier === 'related')
    .map(item)
    .filter((x): x is CoverageItem => !!x)
    .slice(0, MAX_RELATED);
  const hereDate = q.date ?? (fp.day !== null ? fp.day * MS_DAY : null);
  const before = hereDate === null ? same.length : same.filter((it) => it.date <= hereDate).length;

  // Walking the timeline in date order, this article at its place: what each piece brought into
  // the story (the people, organisations and places no earlier piece named) and what this article
  // adds to the pieces before it. Names only: words of the text are what the score compares, but a
  // list of word stems says nothing to a reader.
  const seen = new Set<string>();
  const seenOrgs: string[] = [];
  // The places the event's pieces name, for the bodies one of them names with its city and the next without.
  const places = new Set([...fp.places, ...same.flatMap((it) => source.rows.get(it.id)!.fingerprint.places)].map(([k]) => k));
  const named = (k: string) => seen.has(matchKey(k)) || (k.startsWith('ORG:') && seenOrgs.some((o) => oneBody(k, o, places)));
  const namesOf = (f: ArticleFingerprint, own = false) =>
    [...f.actors, ...f.places]
      .filter(([k]) => !f.outlets?.includes(k) && !(own && cited.has(matchKey(k))))
      .sort((a, b) => b[1] - a[1])
      .map(([k]) => k);
  const newHere: Coverage['newHere'] = { actors: [] };
  const step = (keys: string[], first: boolean, max: number): string[] => {
    const fresh: string[] = [];
    for (const k of keys) {
      if (named(k)) continue;
      seen.add(matchKey(k));
      if (k.startsWith('ORG:')) seenOrgs.push(k);
      fresh.push(k);
    }
    // The first piece brought in everything it names; saying so would repeat its "shares".
    return first ? [] : fresh.slice(0, max);
  };
  for (let i = 0; i <= same.length; i++) {
    if (i === before) {
      const fresh = step(namesOf(fp, true), i === 0, MAX_NEW_NAMES);
      newHere.actors = fresh.map(name);
    }
    if (i === same.length) break;
    const it = same[i]!;
    it.added = step(namesOf(source.rows.get(it.id)!.fingerprint), i === 0 && before !== 0, MAX_ADDED).map(name);
    // Nothing is both shared and new on one piece: what it brought in is not listed again as shared.
    const brought = new Set(it.added.map((n) => matchKey(n.key)));
    const isBrought = (k: string) => brought.has(matchKey(k)) || it.added.some((n) => oneBody(k, n.key, places));
    it.shared = { ...it.shared, actors: it.shared.actors.filter((n) => !isBrought(n.key)), places: it.shared.places.filter((n) => !isBrought(n.key)) };
  }
  const statements = listStatements(spoken, new Set(same.map((it) => it.id)));
  return { same, before, hereDate, related, newHere, statements, archived: idf.archiveDocs, ms: performance.now() - t0, at };
}

/** What a claim's wording is compared by (`repeats`). */
interface Wording {
  /** The words of its assertion (`assertionOf`), as event matching normalises them, stop words left out. */
  words: Set<string>;
  /** Its numbers, in order. */
  numbers: string;
  /** Whether it says "not", "no", "never", "n't". */
  negated: boolean;
}

function wordingOf(text: string): Wording {
  const said = assertionOf(text).toLowerCase();
  const words = new Set<string>();
  const numbers: string[] = [];
  for (const t of said.match(/\p{N}+(?:[.,]\p{N}+)*|\p{L}+/gu) ?? []) {
    if (/\p{N}/u.test(t)) numbers.push(t);
    const w = normaliseWord(t);
    if (w !== null) words.add(w);
  }
  return { words, numbers: numbers.join(' '), negated: /\b(?:not|no|never|cannot)\b|n['’]t\b/.test(said) };
}

/** Words a wording must have to be compared, and the share of each of the two the other must hold. */
const SAME_WORDING_MIN = 5;
const SAME_WORDING_SHARE = 0.8;

/**
 * Whether a statement says in the same words one of `own` (the wordings of the article's claims):
 * the same quote or email line reported by two outlets, whatever their attributions. Each must hold
 * most of the other's words, the same numbers, and both or neither a negation: a speaker's
 * reversal ("he would not resign" after "he would resign") or a new toll is another statement.
 */
export function repeats(text: string, own: readonly Wording[]): boolean {
  const w = wordingOf(text);
  if (w.words.size < SAME_WORDING_MIN) return false;
  return own.some((o) => {
    if (o.words.size < SAME_WORDING_MIN || o.numbers !== w.numbers || o.negated !== w.negated) return false;
    let both = 0;
    for (const x of w.words) if (o.words.has(x)) both++;
    return both >= SAME_WORDING_SHARE * Math.max(w.words.size, o.words.size);
  });
}

/** The wordings of an article's claims, for `repeats`. */
export function wordings(claims: readonly Pick<Claim, 'text'>[]): Wording[] {
  return claims.map((c) => wordingOf(c.text));
}

/** The newest statements by the article's most mentioned people and organisations in other saved articles, each with whether it is on the article's story. */
async function earlierStatements(
  db: ArchiveDB,
  actors: readonly Actor[],
  excludeId: number | undefined,
  claims: readonly Pick<Claim, 'text'>[],
  onStory: (r: { text: string; speaker: string }) => boolean,
): Promise<SpokenRow[]> {
  // (the article's own wordings are read only when a speaker has statements to compare)
  let own: Wording[] | null = null;
  const repeatsOwn = (text: string) => repeats(text, (own ??= wordings(claims)));
  // (not a news organisation the article only cites: what Reuters reported elsewhere is no
  // statement of this story's people)
  const speakers = actors
    .filter((a) => a.type !== 'LOC' && !a.outlet)
    .sort((a, b) => b.mentions - a.mentions)
    .slice(0, MAX_SPEAKERS);
  // Each speaker's newest statements in one request (a filter in the query would walk them with a
  // cursor, a round trip a row), with room for the article's own, which are left out here; only
  // when the article holds more of them than that room is the cursor needed.
  const newest = (key: string) => db.statements.where('[speakerKey+date]').between([key, Dexie.minKey], [key, Dexie.maxKey]).reverse();
  const lists = await Promise.all(
    speakers.map(async (a) => {
      const rows = await newest(a.key)
        .limit(PER_SPEAKER + SELF_ROOM)
        .toArray();
      const other = (r: { articleId: number; text: string }) => r.articleId !== excludeId && !repeatsOwn(r.text);
      // (all of them: which of a speaker's are listed depends on the event's articles too, `listStatements`)
      const kept = rows.filter(other);
      const read = kept.length >= PER_SPEAKER || rows.length < PER_SPEAKER + SELF_ROOM ? kept : await newest(a.key).filter(other).limit(PER_SPEAKER).toArray();
      return read.map((r) => ({ ...r, onStory: onStory(r) }));
    }),
  );
  return lists.flat().map((r) => ({
    onStory: r.onStory,
    undated: !!r.undated,
    order: r.order ?? 0,
    key: r.key,
    statement: {
      articleId: r.articleId,
      claimId: r.claimId,
      speaker: r.speaker,
      speakerKey: r.speakerKey,
      text: r.text,
      kind: r.kind,
      date: r.date,
      title: r.article.title,
      url: r.article.url,
      publisher: r.article.publisher,
      status: r.status,
      ...(r.undated ? { undated: true as const } : {}),
    },
  }));
}

/** A statement row read for the panel, with what orders it. */
interface SpokenRow {
  statement: EarlierStatement;
  /** Its words are on the article's story (`ON_STORY`). */
  onStory: boolean;
  undated: boolean;
  /** Where it stands in its article. */
  order: number;
  key: string;
}

/**
 * The statements the panel lists, at most `PER_SPEAKER` a speaker: those on the article's story
 * first (in words, or from an article of its event), then a few on other matters; in each, the
 * dated ones before the undated (an undated article's statements carry the day it was saved), the
 * newest first, one article's as it wrote them.
 */
function listStatements(rows: readonly SpokenRow[], sameEvent: ReadonlySet<number>): EarlierStatement[] {
  const on = (r: SpokenRow) => r.onStory || sameEvent.has(r.statement.articleId);
  const sorted = [...rows].sort(
    (a, b) =>
      Number(on(b)) - Number(on(a)) ||
      Number(a.undated) - Number(b.undated) ||
      b.statement.date - a.statement.date ||
      a.statement.articleId - b.statement.articleId ||
      a.order - b.order ||
      a.key.localeCompare(b.key),
  );
  const per = new Map<string, number>();
  const take = (r: SpokenRow) => per.set(r.statement.speakerKey, (per.get(r.statement.speakerKey) ?? 0) + 1);
  const onStory = sorted.filter((r) => on(r) && (per.get(r.statement.speakerKey) ?? 0) < PER_SPEAKER && take(r));
  // On other matters, a few, one a speaker first: one prolific speaker does not fill them.
  const others = sorted.filter((r) => !on(r));
  const picked = new Set<SpokenRow>();
  const offPer = new Map<string, number>();
  for (const round of [1, PER_SPEAKER])
    for (const r of others) {
      const k = r.statement.speakerKey;
      if (picked.size >= MAX_OFF_STORY) break;
      if (picked.has(r) || (per.get(k) ?? 0) >= PER_SPEAKER || (offPer.get(k) ?? 0) >= round) continue;
      picked.add(r);
      take(r);
      offPer.set(k, (offPer.get(k) ?? 0) + 1);
    }
  return [...onStory.map((r) => ({ ...r.statement, onStory: true as const })), ...others.filter((r) => picked.has(r)).map((r) => r.statement)].slice(0, MAX_STATEMENTS);
}

/** Computes an article's fingerprint against the archive's IDF. */
export async function fingerprintOf(idf: LoadableIdf, r: Pick<SavedArticle, 'title' | 'paragraphs' | 'published' | 'actors'>): Promise<ArticleFingerprint> {
  const input = { title: r.title, paragraphs: r.paragraphs, published: r.published };
  await idf.load(documentTerms(input));
  return computeFingerprint(input, r.actors, idf);
}

/**
 * Gives fingerprints to saved articles that have none (records from before schema v3, or
 * imported ones), a batch at a time so the worker stays responsive. Returns how many it did.
 */
export async function fillFingerprints(db: ArchiveDB, idf: LoadableIdf, batch = 25): Promise<number> {
  if (!(await db.meta.get(FILL))) return 0;
  const [all, have] = await Promise.all([db.articles.toCollection().primaryKeys(), db.events.toCollection().primaryKeys()]);
  const done = new Set(have as number[]);
  const todo = (all as number[]).filter((id) => !done.has(id));
  let n = 0;
  for (let i = 0; i < todo.length; i += batch) {
    const recs = (await db.articles.bulkGet(todo.slice(i, i + batch))).filter((r): r is SavedArticle & { id: number } => r?.id !== undefined);
    const fps = new Map<number, ArticleFingerprint>();
    for (const r of recs) if (!r.fingerprint) fps.set(r.id, await fingerprintOf(idf, r));
    await db.transaction('rw', db.articles, db.events, db.termLog, db.meta, db.outbox, async () => {
      const keys = new Set<string>();
      const ids: number[] = [];
      for (const r of recs) {
        // Re-read inside the transaction: the reader may have saved or deleted it meanwhile.
        const [cur, old] = await Promise.all([db.articles.get(r.id), db.events.get(r.id)]);
        if (!cur) continue;
        const fingerprint = cur.fingerprint ?? fps.get(r.id);
        if (!fingerprint) continue;
        const next = { ...cur, id: r.id, fingerprint, date: cur.date ?? articleDate(cur) };
        if (!cur.fingerprint) {
          const delta = resize([cur], [next]);
          await db.articles.put(next);
          await adjustTotals(db, 0, delta);
        }
        const ev = eventRow(next)!;
        await db.events.put(ev);
        // The key index hears of the new keys through the log, like any other write (lib/archive/postings.ts).
        if (changedKeys(old?.keys ?? [], ev.keys, keys)) ids.push(r.id);
        n++;
      }
      await logChanges(db, { deltas: new Map(), keys, ids });
    });
  }
  // Done, unless a record without a fingerprint was saved meanwhile (it set the flag again, and
  // the next run picks it up).
  await db.transaction('rw', db.articles, db.events, db.meta, db.outbox, async () => {
    const [a, e] = await Promise.all([db.articles.count(), db.events.count()]);
    if (a === e) await db.meta.delete(FILL);
  });
  return n;
}

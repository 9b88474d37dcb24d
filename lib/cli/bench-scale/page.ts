/**
 * The scale benchmark's page (bundled by run.ts with esbuild, served from 127.0.0.1, driven by
 * Playwright): the archive's own functions on real IndexedDB in Chromium, with generated articles.
 * Everything heavy happens here, so that only small figures cross `page.evaluate`.
 */
import { saveArticle, saveMany } from '../../archive/articles';
import { ArchiveIdf, earlierCoverage, FOLD_AFTER } from '../../archive/coverage';
import { ArchiveDB } from '../../archive/db';
import { TOTALS } from '../../archive/derived';
import { searchArticles, SearchError } from '../../archive/search';
import { computeFingerprint } from '../../events/fingerprint';
import { loadIdfTable, type IdfTable } from '../../events/idf';
import { rng } from '../../nlp/claims/logreg';
import { ArticleStream, eventOfUrl, mix, type Generated } from './generate';
import { actorPage } from '../../archive/actor-page';
import { claimMemory } from '../../archive/memory';
import { loadMatchModel, type MatchModel } from '../../claims-memory/match';
import type { Coverage } from '../../archive/views';
import type { ActorPageRun, MemoryRun, FillStep, LookupRun, RequestTrace, SaveRun, ScaleBenchApi, SearchRun, StorageFigures } from './api';

const DB = 'backstory-bench-scale';
/** A fixed clock for `savedAt`: the figures must not depend on when the bench runs. */
const EPOCH = Date.UTC(2025, 0, 1);

let db: ArchiveDB;
let idf: ArchiveIdf;
let base: IdfTable;
let stream: ArticleStream;
let seed = 1;
let queryRand: () => number;
let freshRand: () => number;
let judgedRand: () => number;
let clock = 0;

/** Where the stream stands, kept beside the database so that a kept profile (--keep) can be filled further. */
const STATE = 'backstory-scale-bench';
interface StreamState {
  seed: number;
  produced: number;
  extra: number;
  clock: number;
  /** Runs of the bench on this profile before this one. */
  runs: number;
}
let runs = 0;

function saveState(): void {
  const st: StreamState = { seed, ...stream.position, clock, runs };
  localStorage.setItem(STATE, JSON.stringify(st));
}

/** Adds the fingerprint the analyser would have computed, against the archive's IDF as it is now. */
async function fingerprint(gs: Generated[]): Promise<void> {
  // The archive's counts are brought up to date whole (ArchiveIdf.load takes no terms): listing the
  // articles' terms first cost a third of this step while filling.
  await idf.load();
  for (const g of gs) g.analysis.fingerprint = computeFingerprint(g.article, g.analysis.actors, idf);
}

/** A fresh article of the stream with its fingerprint, and how long the fingerprint took (ms). */
async function freshArticle(): Promise<{ g: Generated; prepareMs: number }> {
  const g = stream.fresh(freshRand);
  const t = performance.now();
  await fingerprint([g]);
  return { g, prepareMs: performance.now() - t };
}

async function articles(): Promise<number> {
  return (await db.meta.get(TOTALS))?.articles ?? 0;
}

/**
 * Counts every IndexedDB request while `f` runs, by store (or index) and method, with the time from
 * the call to its success event: to see which requests a save or a lookup makes and what they cost.
 * Times overlap (requests run concurrently), so they say where the waiting is, not a sum of work.
 */
async function traced<T>(f: () => Promise<T>): Promise<{ result: T; ms: number; requests: RequestTrace[] }> {
  const stats = new Map<string, RequestTrace>();
  const undo: (() => void)[] = [];
  const wrap = (proto: IDBObjectStore | IDBIndex, kind: 'store' | 'index', methods: string[]) => {
    for (const m of methods) {
      const orig = (proto as unknown as Record<string, (...a: unknown[]) => IDBRequest>)[m];
      if (typeof orig !== 'function') continue;
      (proto as unknown as Record<string, unknown>)[m] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        const name = kind === 'index' ? `${(this as IDBIndex).objectStore.name}.${this.name}` : this.name;
        const key = `${name} ${m}`;
        const t = performance.now();
        const req = orig.apply(this, args);
        let row = stats.get(key);
        if (!row) stats.set(key, (row = { what: key, n: 0, ms: 0 }));
        row.n++;
        const r = row;
        req.addEventListener('success', () => (r.ms += performance.now() - t));
        return req;
      };
      undo.push(() => ((proto as unknown as Record<string, unknown>)[m] = orig));
    }
  };
  wrap(IDBObjectStore.prototype, 'store', ['get', 'getAll', 'getAllKeys', 'getKey', 'put', 'add', 'delete', 'count', 'openCursor', 'openKeyCursor', 'clear']);
  wrap(IDBIndex.prototype, 'index', ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor']);
  const t = performance.now();
  try {
    const result = await f();
    return { result, ms: performance.now() - t, requests: [...stats.values()].sort((a, b) => b.ms - a.ms) };
  } finally {
    for (const u of undo) u();
  }
}

let matchModel: MatchModel;

/**
 * Articles per event in the archive, from their URLs (read once, then kept until the next save):
 * the stream's, and the fresh ones earlier runs on a kept profile saved (their `saves`), which
 * `stream.savedOf` does not count and lookups find (recall over 1 before).
 */
let perEvent: Map<number, number> | null = null;
async function savedOfEvent(e: number): Promise<number> {
  if (!perEvent) {
    perEvent = new Map();
    for (const url of (await db.articles.orderBy('url').keys()) as string[]) {
      const ev = eventOfUrl(url);
      perEvent.set(ev, (perEvent.get(ev) ?? 0) + 1);
    }
  }
  return perEvent.get(e) ?? 0;
}

/** One lookup for a fresh article of a saved event (drawn with `r`), timed, with what it found. */
async function lookup(r: () => number): Promise<{ run: LookupRun; g: Generated; cov: Coverage }> {
  const g = stream.fresh(r);
  const t0 = performance.now();
  await fingerprint([g]);
  const prepareMs = performance.now() - t0;
  const t = performance.now();
  const cov = await earlierCoverage(db, idf, { fingerprint: g.analysis.fingerprint!, actors: g.analysis.actors });
  const ms = performance.now() - t;
  const run: LookupRun = {
    ms,
    prepareMs,
    same: cov.same.length,
    sameRight: cov.same.filter((it) => eventOfUrl(it.url) === g.event).length,
    relatedRight: cov.related.filter((it) => eventOfUrl(it.url) === g.event).length,
    related: cov.related.length,
    saved: await savedOfEvent(g.event),
    statements: cov.statements.length,
    at: cov.at ?? { keys: 0, rows: 0, scored: 0 },
  };
  return { run, g, cov };
}

/**
 * `n` actors of new articles, those named by a number of saved articles nearest to `target` first
 * (counted from the index). From up to 300 new articles and 1,000 actors: among fewer, the nearest
 * was sometimes at a fifth of the target.
 */
async function actorsNear(n: number, target: number): Promise<string[]> {
  const counts = new Map<string, number>();
  for (let i = 0; i < 300 && counts.size < 1000; i++) {
    for (const a of stream.fresh(freshRand).analysis.actors) {
      if (counts.has(a.key)) continue;
      counts.set(a.key, await db.articles.where('actorKeys').equals(a.key).count());
    }
  }
  return [...counts]
    .filter(([, c]) => c > 0)
    .sort((a, b) => Math.abs(a[1] - target) - Math.abs(b[1] - target))
    .slice(0, n)
    .map(([k]) => k);
}

const api: ScaleBenchApi = {
  async memories(runs) {
    const out: MemoryRun[] = [];
    for (let i = 0; i <= runs; i++) {
      const g = stream.fresh(freshRand);
      await fingerprint([g]);
      const claims = g.analysis.claims ?? [];
      const t = performance.now();
      const r = await claimMemory(db, idf, matchModel, claims);
      out.push({
        ms: performance.now() - t,
        matchMs: r.matchMs ?? 0,
        claims: claims.length,
        remembered: r.memory.length,
        articles: r.articles,
        candidates: r.candidates,
        parts: r.parts ?? { terms: 0, lists: 0, claims: 0, match: 0 },
      });
    }
    return out;
  },

  async actorPages(runs, target) {
    const keys = await actorsNear(runs + 1, target);
    const out: ActorPageRun[] = [];
    for (const key of keys) {
      const t = performance.now();
      const page = await actorPage(db, key);
      out.push({
        ms: performance.now() - t,
        keysMs: page?.parts?.keys ?? 0,
        rowsMs: page?.parts?.rows ?? 0,
        articles: page?.total ?? 0,
        listed: page?.articles.length ?? 0,
        statements: page?.statements.length ?? 0,
      });
    }
    return out;
  },

  async init(s) {
    seed = s;
    base = loadIdfTable(await (await fetch('/idf.json')).text());
    matchModel = loadMatchModel(await (await fetch('/claim-match.json')).json());
    db = new ArchiveDB(DB);
    await db.open();
    idf = new ArchiveIdf(db, base);
    stream = new ArticleStream(seed);
    const have = await articles();
    const saved = JSON.parse(localStorage.getItem(STATE) ?? 'null') as StreamState | null;
    runs = 0;
    if (have > 0) {
      if (!saved || saved.seed !== seed) {
        throw new Error(`This profile's archive holds ${have} articles of another run (seed ${saved?.seed ?? 'unknown'}): give a new --keep folder${saved ? `, or --seed ${saved.seed}` : ''}.`);
      }
      stream.resume(saved);
      clock = saved.clock;
      runs = saved.runs + 1;
    }
    // Each run on a kept profile gets queries and new articles of its own (the first run, those of a fresh profile).
    queryRand = rng(mix(seed, 0x717279 + runs));
    freshRand = rng(mix(seed, 0x667273 + runs));
    judgedRand = rng(mix(seed, 0x6a6467 + runs));
    saveState();
    return { articles: have };
  },

  async fill(target, batch, foldEvery) {
    const step: FillStep = { added: 0, articles: 0, generateMs: 0, fingerprintMs: 0, saveMs: 0 };
    let have = await articles();
    // A bulk load folds the search index every `foldEvery` articles instead of every 500 (see
    // ArchiveIdf.foldAfter): what is stored is the same; `settle` folds the rest before timing.
    idf.foldAfter = { articles: foldEvery, rows: Infinity, terms: Infinity };
    while (have < target) {
      const n = Math.min(batch, target - have);
      let t = performance.now();
      const gs = Array.from({ length: n }, () => stream.next());
      step.generateMs += performance.now() - t;
      t = performance.now();
      await fingerprint(gs);
      step.fingerprintMs += performance.now() - t;
      t = performance.now();
      await saveMany(
        db,
        gs.map((g) => ({ article: g.article, analysis: g.analysis })),
        EPOCH + (clock += n) * 1000,
      );
      step.saveMs += performance.now() - t;
      step.added += n;
      have += n;
      perEvent = null;
      saveState();
    }
    step.articles = have;
    idf.foldAfter = { ...FOLD_AFTER };
    return step;
  },

  async coldStarts(runs) {
    const ms: number[] = [];
    let terms = 0;
    for (let i = 0; i < runs; i++) {
      const fresh = new ArchiveIdf(db, base);
      const t = performance.now();
      await fresh.load([]);
      ms.push(performance.now() - t);
      terms = fresh.archiveTerms;
    }
    return { ms, terms };
  },

  async lookups(runs) {
    const out: LookupRun[] = [];
    for (let i = 0; i <= runs; i++) out.push((await lookup(freshRand)).run);
    return out;
  },

  async judged(runs, show) {
    const out: LookupRun[] = [];
    const wrong: string[] = [];
    for (let i = 0; i < runs; i++) {
      const { run, g, cov } = await lookup(judgedRand);
      out.push(run);
      for (const it of cov.same) {
        if (eventOfUrl(it.url) === g.event || wrong.length >= show) continue;
        wrong.push(`${g.article.published?.slice(0, 10)} "${g.article.title}" || ${new Date(it.date).toISOString().slice(0, 10)} "${it.title}"`);
      }
    }
    return { runs: out, wrong };
  },

  async searches(runs) {
    const out: SearchRun[] = [];
    for (let i = 0; i <= runs; i++) {
      const query = stream.query(queryRand, i);
      const t = performance.now();
      try {
        const res = await searchArticles(db, idf, { text: query, offset: 0, limit: 20 });
        out.push({ query, ms: performance.now() - t, total: res.total });
      } catch (err) {
        if (!(err instanceof SearchError)) throw err;
        out.push({ query, ms: performance.now() - t, total: -1 });
      }
    }
    return out;
  },

  async saves(runs) {
    const out: SaveRun[] = [];
    for (let i = 0; i <= runs; i++) {
      const { g, prepareMs } = await freshArticle();
      const t = performance.now();
      await saveArticle(db, g.article, g.analysis, EPOCH + ++clock * 1000);
      out.push({ ms: performance.now() - t, prepareMs });
      perEvent = null;
    }
    saveState();
    return out;
  },

  async storage() {
    const est = await navigator.storage.estimate();
    const totals = await db.meta.get(TOTALS);
    await idf.load([]);
    const [events, search, postings, claims, statements, termLog] = await Promise.all([
      db.events.count(),
      db.search.count(),
      db.postings.count(),
      db.claims.count(),
      db.statements.count(),
      db.termLog.count(),
    ]);
    const fig: StorageFigures = {
      usage: est.usage ?? null,
      articles: totals?.articles ?? 0,
      bytes: totals?.bytes ?? 0,
      rows: { events, search, postings, terms: idf.archiveTerms, termLog, claims, statements },
    };
    return fig;
  },

  async settle() {
    const t = performance.now();
    await idf.compact();
    return { ms: performance.now() - t };
  },

  async traceSave() {
    const g = stream.fresh(freshRand);
    await fingerprint([g]);
    const { ms, requests } = await traced(() => saveArticle(db, g.article, g.analysis, EPOCH + ++clock * 1000));
    perEvent = null;
    saveState();
    return { ms, requests };
  },

  async traceLookup() {
    const g = stream.fresh(freshRand);
    await fingerprint([g]);
    const { ms, requests } = await traced(() => earlierCoverage(db, idf, { fingerprint: g.analysis.fingerprint!, actors: g.analysis.actors }));
    return { ms, requests };
  },

  async traceMemory() {
    const g = stream.fresh(freshRand);
    await fingerprint([g]);
    const { ms, requests } = await traced(() => claimMemory(db, idf, matchModel, g.analysis.claims ?? []));
    return { ms, requests };
  },

  async traceActorPage(target) {
    const [key] = await actorsNear(1, target);
    const { ms, requests } = await traced(() => actorPage(db, key!));
    return { ms, requests };
  },

  async traceSearch(query) {
    const { ms, requests } = await traced(() => searchArticles(db, idf, { text: query, offset: 0, limit: 20 }));
    return { ms, requests };
  },

  async close() {
    db.close();
  },
};

(window as unknown as { scaleBench: ScaleBenchApi }).scaleBench = api;

/** What the scale benchmark's page (page.ts) offers the Node side (run.ts), and the figures it returns. */

export interface FillStep {
  added: number;
  /** Articles in the archive after this step. */
  articles: number;
  generateMs: number;
  /** Loading the IDF counts and computing the fingerprints (what the analyser does before a save). */
  fingerprintMs: number;
  /** `saveMany`. */
  saveMs: number;
}

export interface LookupRun {
  /** `earlierCoverage`, call to result. */
  ms: number;
  /** The fingerprint of the new article (IDF load + computeFingerprint), not part of `ms`. */
  prepareMs: number;
  /** Items in tier "same", and how many of them really are of the article's event. */
  same: number;
  sameRight: number;
  related: number;
  relatedRight: number;
  /** Articles of the article's event in the archive (from their URLs). */
  saved: number;
  statements: number;
  /** When the key lists, the candidates' rows and the scoring were done, ms into `ms` (Coverage.at). */
  at: { keys: number; rows: number; scored: number };
}

export interface SearchRun {
  query: string;
  ms: number;
  /** Matching articles; -1 when the query was refused (only stop words). */
  total: number;
}

export interface SaveRun {
  /** `saveArticle`, call to committed. */
  ms: number;
  prepareMs: number;
}

export interface StorageFigures {
  /** `navigator.storage.estimate().usage`, bytes. */
  usage: number | null;
  articles: number;
  /** The archive's own estimate (sum of `bytes` of the records). */
  bytes: number;
  rows: { events: number; search: number; postings: number; terms: number; termLog: number; claims: number; statements: number };
}

/** IndexedDB requests of one kind during a traced call: how many, and their summed call-to-success time. */
export interface RequestTrace {
  what: string;
  n: number;
  ms: number;
}

export interface Trace {
  ms: number;
  requests: RequestTrace[];
}

/** Claim memory for a new article's claims (lib/archive/memory.ts). */
export interface MemoryRun {
  ms: number;
  /** Of `ms`, the matching (the rest: reading the archive). */
  matchMs: number;
  claims: number;
  /** Claims with at least one match, and the candidates (articles, claims) looked at. */
  remembered: number;
  articles: number;
  candidates: number;
  /** Of `ms`: term counts and rare words, posting lists, the candidates' claims, matching. */
  parts: { terms: number; lists: number; claims: number; match: number };
}

/** An actor's page (lib/archive/actor-page.ts). */
export interface ActorPageRun {
  ms: number;
  /** Of `ms`: the index's keys; the rows. */
  keysMs: number;
  rowsMs: number;
  /** The saved articles naming the actor, and those the page listed (its first page). */
  articles: number;
  listed: number;
  statements: number;
}

export interface ScaleBenchApi {
  /** runs + 1 claim-memory lookups for new articles (the first one is the warm-up). */
  memories(runs: number): Promise<MemoryRun[]>;
  /** Actor pages of actors of new articles, as near `target` articles as the archive has: runs + 1 (the first one is the warm-up). */
  actorPages(runs: number, target: number): Promise<ActorPageRun[]>;
  /** The IndexedDB requests of one claim memory for a new article. */
  traceMemory(): Promise<Trace>;
  /** The IndexedDB requests of one actor page, of the actor of new articles nearest to `target` articles. */
  traceActorPage(target: number): Promise<Trace>;
  init(seed: number): Promise<{ articles: number }>;
  /**
   * Generates and saves articles until the archive holds `target`, `batch` per transaction, the
   * search index folded every `foldEvery` articles.
   */
  fill(target: number, batch: number, foldEvery: number): Promise<FillStep>;
  /**
   * `runs` loads of the archive's term counts by a new ArchiveIdf, as after the background worker
   * restarts (the first lookup then pays for it), ms each; and the number of distinct terms.
   */
  coldStarts(runs: number): Promise<{ ms: number[]; terms: number }>;
  /** runs + 1 lookups (the first one is the warm-up). */
  lookups(runs: number): Promise<LookupRun[]>;
  /**
   * `runs` more lookups, untimed, for the same-event precision and recall (the timed ones are too
   * few: about three answers each), with queries of their own; and the first `show` wrong "same
   * event" answers ("query || answer", with their dates).
   */
  judged(runs: number, show: number): Promise<{ runs: LookupRun[]; wrong: string[] }>;
  searches(runs: number): Promise<SearchRun[]>;
  saves(runs: number): Promise<SaveRun[]>;
  storage(): Promise<StorageFigures>;
  /** Waits for the background's folding of the log into the search index (ArchiveIdf.compact), ms. */
  settle(): Promise<{ ms: number }>;
  /** One `saveArticle`, `earlierCoverage` or `searchArticles` with every IndexedDB request counted. */
  traceSave(): Promise<Trace>;
  traceLookup(): Promise<Trace>;
  traceSearch(query: string): Promise<Trace>;
  close(): Promise<void>;
}

/**
 * Document frequencies for TF-IDF (issue #5).
 *
 * The package ships a background table (public/models/idf.json, built by lib/cli/train-idf.ts from
 * news corpora). The reader's archive can add its own counts on top of it with `LayeredIdf`, so
 * that words which are common in what this reader saves weigh less as the archive grows. Weights
 * are computed at query time from the current table; fingerprints store raw term counts, never
 * weights, so they do not go stale when the table changes.
 *
 * File format (JSON, compact and deterministic):
 *   { "format": "backstory-idf", "version": 1, "docs": N,
 *     "terms": "the most frequent term first, separated by single spaces",
 *     "runs": [df, count, df, count, …] }
 * Terms are sorted by document frequency (highest first), ties by code point; `runs` gives the
 * document frequency of consecutive terms as (df, how many terms have it) pairs, highest df first.
 */

export interface IdfTable {
  /** Number of documents counted. */
  readonly docs: number;
  /** In how many of them the term occurs (0 when unknown). */
  df(term: string): number;
}

export const IDF_FORMAT = 'backstory-idf';
export const IDF_VERSION = 1;

export interface IdfFile {
  format: typeof IDF_FORMAT;
  version: typeof IDF_VERSION;
  docs: number;
  terms: string;
  runs: number[];
}

/** Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1, always ≥ 1. */
export function idf(table: IdfTable, term: string): number {
  const n = table.docs;
  const d = Math.min(table.df(term), n);
  return Math.log((n + 1) / (d + 1)) + 1;
}

/** The highest IDF a term can get in this table (an unseen term). */
export function maxIdf(table: IdfTable): number {
  return Math.log(table.docs + 1) + 1;
}

/** A table held in memory. */
export class MapIdf implements IdfTable {
  constructor(
    readonly docs: number,
    private readonly counts: ReadonlyMap<string, number>,
  ) {}
  df(term: string): number {
    return this.counts.get(term) ?? 0;
  }
  get size(): number {
    return this.counts.size;
  }
  /** Every (term, df) pair, in the file's order. */
  entries(): [string, number][] {
    return [...this.counts.entries()];
  }
}

/** An empty table: every term weighs the same. */
export const EMPTY_IDF: IdfTable = { docs: 0, df: () => 0 };

/**
 * Parses and validates the content of an IDF file (a parsed object or its JSON text). Throws an
 * Error that says what is wrong.
 */
export function loadIdfTable(data: unknown): MapIdf {
  let obj = data;
  if (typeof obj === 'string') {
    try {
      obj = JSON.parse(obj);
    } catch {
      throw new Error('IDF table: not valid JSON');
    }
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('IDF table: expected a JSON object');
  const o = obj as Record<string, unknown>;
  if (o.format !== IDF_FORMAT) throw new Error(`IDF table: "format" must be "${IDF_FORMAT}", got ${JSON.stringify(o.format)}`);
  if (o.version !== IDF_VERSION) throw new Error(`IDF table: unsupported version ${JSON.stringify(o.version)} (this code reads version ${IDF_VERSION})`);
  const docs = o.docs;
  if (typeof docs !== 'number' || !Number.isInteger(docs) || docs < 1) throw new Error('IDF table: "docs" must be a positive integer');
  if (typeof o.terms !== 'string') throw new Error('IDF table: "terms" must be a string of space-separated terms');
  if (!Array.isArray(o.runs) || o.runs.length % 2 !== 0) throw new Error('IDF table: "runs" must be an array of (df, count) pairs');
  const terms = o.terms === '' ? [] : o.terms.split(' ');
  const counts = new Map<string, number>();
  let i = 0;
  let prevDf = Infinity;
  for (let r = 0; r < o.runs.length; r += 2) {
    const df = o.runs[r];
    const n = o.runs[r + 1];
    if (typeof df !== 'number' || !Number.isInteger(df) || df < 1 || df > docs) throw new Error(`IDF table: run ${r / 2} has df ${JSON.stringify(df)}, expected an integer in 1..${docs}`);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new Error(`IDF table: run ${r / 2} has count ${JSON.stringify(n)}, expected a positive integer`);
    if (df >= prevDf) throw new Error(`IDF table: runs must have strictly decreasing df (run ${r / 2})`);
    prevDf = df;
    for (let k = 0; k < n; k++, i++) {
      const t = terms[i];
      if (t === undefined) throw new Error(`IDF table: runs cover more terms than the ${terms.length} in "terms"`);
      if (t === '') throw new Error(`IDF table: empty term at position ${i}`);
      if (counts.has(t)) throw new Error(`IDF table: term "${t}" appears twice`);
      counts.set(t, df);
    }
  }
  if (i !== terms.length) throw new Error(`IDF table: runs cover ${i} terms but "terms" has ${terms.length}`);
  return new MapIdf(docs, counts);
}

/**
 * Builds the file for a set of document frequencies: keeps at most `maxTerms` terms with df ≥ `minDf`
 * (the most frequent; ties broken by code point so the output is deterministic).
 */
export function buildIdfFile(docs: number, dfs: ReadonlyMap<string, number>, opts: { maxTerms?: number; minDf?: number } = {}): IdfFile {
  const maxTerms = opts.maxTerms ?? 40_000;
  const minDf = opts.minDf ?? 2;
  const rows = [...dfs.entries()]
    .filter(([t, d]) => d >= minDf && t !== '' && !t.includes(' '))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxTerms);
  const runs: number[] = [];
  for (const [, d] of rows) {
    if (runs.length && runs[runs.length - 2] === d) runs[runs.length - 1]!++;
    else runs.push(d, 1);
  }
  return { format: IDF_FORMAT, version: IDF_VERSION, docs, terms: rows.map((r) => r[0]).join(' '), runs };
}

/**
 * The shipped table with the archive's own counts on top: docs and df are the sums of both. The
 * archive calls `add` with the distinct terms of each article it saves (see `documentTerms`) and
 * `remove` when one is deleted; `toJSON` / `fromJSON` let it persist the counts.
 */
export class LayeredIdf implements IdfTable {
  private own = new Map<string, number>();
  private ownDocs = 0;

  constructor(private readonly base: IdfTable) {}

  get docs(): number {
    return this.base.docs + this.ownDocs;
  }

  df(term: string): number {
    return this.base.df(term) + (this.own.get(term) ?? 0);
  }

  /** Counts one document with these distinct terms. */
  add(distinctTerms: Iterable<string>): void {
    this.ownDocs++;
    for (const t of new Set(distinctTerms)) this.own.set(t, (this.own.get(t) ?? 0) + 1);
  }

  /** Takes back one document counted with `add`. */
  remove(distinctTerms: Iterable<string>): void {
    if (this.ownDocs === 0) return;
    this.ownDocs--;
    for (const t of new Set(distinctTerms)) {
      const n = (this.own.get(t) ?? 0) - 1;
      if (n > 0) this.own.set(t, n);
      else this.own.delete(t);
    }
  }

  toJSON(): { docs: number; df: Record<string, number> } {
    return { docs: this.ownDocs, df: Object.fromEntries([...this.own.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) };
  }

  static fromJSON(base: IdfTable, data: { docs: number; df: Record<string, number> }): LayeredIdf {
    const l = new LayeredIdf(base);
    l.ownDocs = data.docs;
    for (const [t, n] of Object.entries(data.df)) if (n > 0) l.own.set(t, n);
    return l;
  }
}

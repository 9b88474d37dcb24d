/**
 * An in-memory inverted index of claims for claim memory (issue 22): posting lists per term over
 * two fields, the claim's wording (`text`) and an optional second wording of the same assertion
 * (`title`: a fact-check's headline, or the sentence as the reader saved it), and BM25 over each
 * field and over both together (Robertson & Zaragoza 2009).
 *
 * Posting lists hold doc numbers ascending with their term frequency; scoring a query walks only
 * the lists of its terms, so a query costs what its terms' lists hold, not the collection's size.
 * Pure: runs in the background and in Node.
 */
import { claimTerms, fold, type Term } from './tokens';

export interface ClaimDoc {
  /** The caller's id (a vclaim id, an archive claim key). */
  id: string;
  text: string;
  title?: string;
}

export interface IndexedDoc {
  id: string;
  text: string;
  title: string;
  textTerms: Term[];
  titleTerms: Term[];
}

export type Field = 'text' | 'title' | 'all';

interface Postings {
  docs: number[];
  tf: number[];
}

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** Posting lists of one field: for each term, the documents holding it and how often; and each document's length. */
export class FieldIndex {
  readonly lists = new Map<string, Postings>();
  readonly lengths: number[] = [];
  total = 0;

  add(doc: number, keys: readonly string[]): void {
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const [k, n] of counts) {
      let p = this.lists.get(k);
      if (!p) this.lists.set(k, (p = { docs: [], tf: [] }));
      p.docs.push(doc);
      p.tf.push(n);
    }
    this.lengths[doc] = keys.length;
    this.total += keys.length;
  }

  avgLength(): number {
    return this.lengths.length ? this.total / this.lengths.length || 1 : 1;
  }
}

export class ClaimIndex {
  readonly docs: IndexedDoc[] = [];
  private readonly fields: Record<Field, FieldIndex> = { text: new FieldIndex(), title: new FieldIndex(), all: new FieldIndex() };
  /** Document frequency over both fields (a term in the text or the title of a doc counts once). */
  private readonly df = new Map<string, number>();
  /** Each folded word as written in the collection → its term key (for splitting run-together hashtags in queries), made when first asked for. */
  private words = new Map<string, string>();
  private wordsOf = 0;

  /**
   * `idf`: document frequencies from elsewhere (the archive's, over many more texts than the few
   * candidate claims indexed here); without it, the index's own.
   */
  constructor(
    docs: Iterable<ClaimDoc> = [],
    private readonly idfOf?: (key: string) => number,
  ) {
    for (const d of docs) this.add(d);
  }

  get size(): number {
    return this.docs.length;
  }

  add(d: ClaimDoc): number {
    const n = this.docs.length;
    const title = d.title ?? '';
    const textTerms = claimTerms(d.text);
    const titleTerms = title ? claimTerms(title) : [];
    this.docs.push({ id: d.id, text: d.text, title, textTerms, titleTerms });
    const tk = textTerms.map((t) => t.key);
    const hk = titleTerms.map((t) => t.key);
    this.fields.text.add(n, tk);
    this.fields.title.add(n, hk);
    this.fields.all.add(n, [...tk, ...hk]);
    for (const k of new Set([...tk, ...hk])) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    return n;
  }

  get vocab(): ReadonlyMap<string, string> {
    for (; this.wordsOf < this.docs.length; this.wordsOf++) {
      const d = this.docs[this.wordsOf]!;
      for (const t of d.textTerms) if (t.kind !== 'number') this.words.set(fold(t.surface), t.key);
      for (const t of d.titleTerms) if (t.kind !== 'number') this.words.set(fold(t.surface), t.key);
    }
    return this.words;
  }

  /** Robertson–Spärck Jones IDF, floored at a small positive value so that very common terms still count a little. */
  idf(key: string): number {
    if (this.idfOf) return this.idfOf(key);
    const n = this.df.get(key) ?? 0;
    const N = this.docs.length;
    return Math.max(0.05, Math.log(1 + (N - n + 0.5) / (n + 0.5)));
  }

  docFreq(key: string): number {
    return this.df.get(key) ?? 0;
  }

  /**
   * BM25 of every document holding a query term, in `field`, added into `out` (indexed by doc
   * number) with `weight`; returns the doc numbers touched (maybe with repeats). `keys` may repeat:
   * a repeated query term counts once per repeat.
   */
  bm25Into(keys: readonly string[], field: Field, out: Float64Array, weight = 1, params: Bm25Params = DEFAULT_BM25, touched: number[] = []): number[] {
    const f = this.fields[field];
    const avg = f.avgLength();
    const { k1, b } = params;
    for (const key of keys) {
      const p = f.lists.get(key);
      if (!p) continue;
      const w = weight * this.idf(key);
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!;
        const tf = p.tf[i]!;
        const norm = k1 * (1 - b + (b * f.lengths[d]!) / avg);
        if (out[d] === 0) touched.push(d);
        out[d]! += (w * tf * (k1 + 1)) / (tf + norm);
      }
    }
    return touched;
  }

  /** Term counts of a document's field, made when first asked for (only candidates are ever asked). */
  private readonly countCache: Record<Field, (Map<string, number> | undefined)[]> = { text: [], title: [], all: [] };

  termCounts(field: Field, doc: number): Map<string, number> {
    const cache = this.countCache[field];
    let counts = cache[doc];
    if (!counts) {
      const d = this.docs[doc]!;
      const terms = field === 'text' ? d.textTerms : field === 'title' ? d.titleTerms : [...d.textTerms, ...d.titleTerms];
      counts = new Map<string, number>();
      for (const t of terms) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
      cache[doc] = counts;
    }
    return counts;
  }

  /** BM25 of one document in `field` for the query keys (for features of a candidate). */
  bm25Doc(keys: readonly string[], field: Field, doc: number, params: Bm25Params = DEFAULT_BM25): number {
    const f = this.fields[field];
    const length = f.lengths[doc] ?? 0;
    if (!length) return 0;
    const counts = this.termCounts(field, doc);
    const norm = params.k1 * (1 - params.b + (params.b * length) / f.avgLength());
    let s = 0;
    for (const key of keys) {
      const tf = counts.get(key);
      if (tf) s += (this.idf(key) * tf * (params.k1 + 1)) / (tf + norm);
    }
    return s;
  }
}

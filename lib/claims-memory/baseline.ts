/**
 * The reference point for claim matching: plain BM25 (k1 1.2, b 0.75) over a claim and its title
 * as one text, with the simplest tokenisation (lower-cased letter/digit runs, English stop words
 * dropped, no stemming). What the learned matcher (match.ts) must beat in the same run.
 */
import { FieldIndex } from './index';

const STOP = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers ' +
    'herself him himself his how i if in into is it its itself me more most my myself no nor not of off on once only ' +
    'or other our ours ourselves out over own same she should so some such than that the their theirs them themselves ' +
    'then there these they this those through to too under until up very was we were what when where which while who ' +
    'whom why will with you your yours yourself yourselves'
  ).split(' '),
);

export function plainTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w));
}

export class PlainBm25 {
  private readonly index = new FieldIndex();
  private readonly avg: number;
  readonly ids: string[] = [];

  constructor(
    docs: Iterable<{ id: string; text: string }>,
    readonly k1 = 1.2,
    readonly b = 0.75,
  ) {
    for (const d of docs) {
      this.index.add(this.ids.length, plainTokens(d.text));
      this.ids.push(d.id);
    }
    this.avg = this.index.avgLength();
  }

  /** The ids of the best `k` documents, best first (ties by collection order). */
  rank(query: string, k: number): string[] {
    const N = this.ids.length;
    const scores = new Float64Array(N);
    const touched: number[] = [];
    for (const t of plainTokens(query)) {
      const p = this.index.lists.get(t);
      if (!p) continue;
      const idf = Math.log(1 + (N - p.docs.length + 0.5) / (p.docs.length + 0.5));
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!;
        const tf = p.tf[i]!;
        if (scores[d] === 0) touched.push(d);
        scores[d]! += (idf * tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * this.index.lengths[d]!) / this.avg));
      }
    }
    return touched
      .sort((a, b) => scores[b]! - scores[a]! || a - b)
      .slice(0, k)
      .map((d) => this.ids[d]!);
  }
}

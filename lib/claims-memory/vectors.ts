/**
 * Word vectors for claim matching: a small table of unit-length word embeddings, looked up by the
 * folded word, so that "toupee" and "wig" or "slurring" and "stammers" can count as near matches.
 * The shipped table is a subset of GloVe 6B vectors (Pennington, Socher & Manning 2014; PDDL)
 * reduced in size by lib/cli/train-claim-match.ts. Pure.
 */

export interface WordVectors {
  readonly dims: number;
  /** The unit vector of a folded word, or null when the word has none. */
  vector(word: string): Float32Array | null;
}

export class MapVectors implements WordVectors {
  private readonly map = new Map<string, Float32Array>();
  readonly dims: number;

  constructor(entries: Iterable<[string, ArrayLike<number>]>, dims?: number) {
    let d = dims ?? 0;
    for (const [w, v] of entries) {
      const a = Float32Array.from(v as ArrayLike<number>);
      let n = 0;
      for (let i = 0; i < a.length; i++) n += a[i]! * a[i]!;
      n = Math.sqrt(n);
      if (!n) continue;
      for (let i = 0; i < a.length; i++) a[i]! /= n;
      this.map.set(w, a);
      d = a.length;
    }
    this.dims = d;
  }

  get size(): number {
    return this.map.size;
  }

  vector(word: string): Float32Array | null {
    return this.map.get(word) ?? null;
  }
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

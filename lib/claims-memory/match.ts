/**
 * Claim matching for claim memory (issue 22): given a claim as written in the article being read
 * (or a tweet), find the claims of a collection (the archive's claims, a fact-check collection)
 * that make the same assertion, and say why.
 *
 * Two stages, both lexical and small enough to ship:
 * 1. Candidates: BM25 over the claim and its second wording (index.ts), with Porter stems, split
 *    hashtags and camel case, canonical numbers (tokens.ts). The best `model.candidates` go on.
 * 2. Re-ranking: a linear model over a handful of features of the query–candidate pair (BM25 per
 *    field, how much of the candidate's own wording the query covers, shared word pairs, shared
 *    names and numbers, numbers or years that disagree), fitted pairwise on training queries only
 *    (lib/cli/train-claim-match.ts → public/models/claim-match.json).
 *
 * Every result carries its explanation: the words, names, numbers and phrases that matched, and
 * the numbers that differ. Pure: runs in the background (service worker / event page) and in Node.
 */
import type { ClaimIndex } from './index';
import { claimTerms, fold, STOP, type Term } from './tokens';
import { dot, type WordVectors } from './vectors';
import { Associations } from './assoc';

export interface MatchQuery {
  /** The claim's wording. */
  text: string;
  /** Who made or published it (a speaker, a tweet's author): weighed apart from the wording. */
  context?: string;
  /** The year the claim was made or published, when known. */
  year?: number;
}

export const FEATURES = [
  'bm25_rel',
  'bm25_log',
  'bm25_text_rel',
  'bm25_title_rel',
  'context_bm25',
  'doc_cover',
  'title_cover',
  'query_cover',
  'bigrams',
  'names',
  'max_idf',
  'numbers_shared',
  'numbers_differ',
  'year_same',
  'year_other',
  'rank_rr',
  'vec_cos',
  'soft_cover',
  'soft_query',
  'context_cover',
  'cos_text',
  'cos_title',
  'char_cos',
  'media_both',
  'media_doc',
  'assoc_query',
  'assoc_doc',
] as const;

export type FeatureName = (typeof FEATURES)[number];

/** The features that need no word vectors: the shipped model's. */
export const LEXICAL_FEATURES: readonly FeatureName[] = FEATURES.filter((f) => f !== 'vec_cos' && f !== 'soft_cover' && f !== 'soft_query');

export interface MatchModel {
  /** How many BM25 candidates are re-ranked. */
  candidates: number;
  /** How many more candidates are taken by BM25 of the query's context alone (its author, speaker). */
  context?: number;
  /** How many more candidates are taken by word-vector similarity (0 or absent: none). */
  dense?: number;
  features: readonly FeatureName[];
  /**
   * Learnt word associations ("term term", assoc.ts): different words that stand for each other
   * in two wordings of one assertion. Absent: none.
   */
  assoc?: string[];
  /** Weight, in the BM25 of the candidates, of the query's terms' associates (0 or absent: not used). */
  expand?: number;
  /** Feature standardisation: (x - mean) / scale. */
  mean: number[];
  scale: number[];
  weights: number[];
}

export interface TermMatch {
  /** As written in the query and in the matched claim. */
  query: string;
  claim: string;
  kind: Term['kind'];
}

export interface MatchExplanation {
  /** Words and names both share (rarest first). */
  terms: TermMatch[];
  /** Different words that the learnt associations (assoc.ts) take for the same thing ("Gitmo" / "Guantanamo"). */
  related: TermMatch[];
  /** Numbers both give. */
  numbers: string[];
  /** Word pairs both have, in the claim's words ("bed bugs"). */
  phrases: string[];
  /** Words of the query's context (its author, speaker) that the claim names. */
  context: string[];
  /** Numbers the claim gives that the query does not, and the query's own, when both give numbers. */
  numbersDiffer: { claim: string[]; query: string[] } | null;
}

export interface MatchResult {
  id: string;
  /** Position in the index. */
  doc: number;
  score: number;
  /** The BM25 score the candidate was found with. */
  bm25: number;
  explanation: MatchExplanation;
}

interface PreparedQuery {
  terms: Term[];
  keys: string[];
  keySet: Set<string>;
  contextKeys: string[];
  bigrams: Set<string>;
  numbers: Set<string>;
  year: number | null;
  idfMass: number;
  /** Distinct query words with a vector, with their idf; and the idf-weighted centroid. */
  vecs: { key: string; v: Float32Array; w: number }[];
  centroid: Float32Array | null;
  /** Idf-weighted vector norm of the distinct query terms (for cosines). */
  idfNorm: number;
  /** Character trigrams of the query's words, and their norm. */
  grams: Map<number, number>;
  gramNorm: number;
  /** The query links a picture or a video (a tweet's pic.twitter.com, a YouTube link). */
  media: boolean;
  /** The terms associated with the query's terms that the query does not have. */
  related: string[];
}

/**
 * Counts of the character trigrams of terms' lower-cased words (with word boundaries), each trigram
 * as one number (three UTF-16 code units), and the vector's norm.
 */
function trigrams(terms: readonly Term[]): { grams: Map<number, number>; norm: number } {
  const grams = new Map<number, number>();
  for (const t of terms) {
    if (t.kind === 'number') continue;
    const w = t.surface.toLowerCase();
    // 32 is the space around the word.
    let a = 32;
    let b = 32;
    for (let i = 0; i <= w.length; i++) {
      const c = i < w.length ? w.charCodeAt(i) : 32;
      if (i > 0) {
        const g = (a * 65536 + b) * 65536 + c;
        grams.set(g, (grams.get(g) ?? 0) + 1);
      }
      a = b;
      b = c;
    }
  }
  let sq = 0;
  for (const c of grams.values()) sq += c * c;
  return { grams, norm: Math.sqrt(sq) };
}

function gramCos(a: Map<number, number>, an: number, b: Map<number, number>, bn: number): number {
  if (!an || !bn) return 0;
  let s = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [g, c] of small) s += c * (big.get(g) ?? 0);
  return s / (an * bn);
}

const MEDIA_LINK = /pic\.twitter\.com\/|youtu(?:\.be|be\.com)\/|instagram\.com\/p\/|\/video\/|\/photo\//i;
const MEDIA_WORD = /\b(?:photo\w*|image\w*|picture[sd]?|pic|pics|video\w*|footage|clip|meme|screenshot\w*|gif|graphic)\b/i;

const YEAR_RE = /^(1[89]\d\d|20\d\d)$/;

function bigramsOf(keys: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < keys.length; i++) out.push(keys[i] + ' ' + keys[i + 1]);
  return out;
}

export class ClaimMatcher {
  /** Idf-weighted unit centroids of the documents (text and title), made when first needed. */
  private centroids: (Float32Array | null)[] = [];
  /** Per document (made when first needed): character trigrams, idf norms of its fields, whether it is about a picture or video. */
  private docExtras: ({ grams: Map<number, number>; gramNorm: number; textNorm: number; titleNorm: number; media: boolean } | undefined)[] = [];

  readonly assoc: Associations;

  constructor(
    readonly index: ClaimIndex,
    readonly model: MatchModel,
    readonly vectors: WordVectors | null = null,
  ) {
    this.assoc = associationsOf(model);
  }

  /** The unit idf-weighted centroid of some terms' vectors, and the terms with vectors. */
  private embed(terms: readonly Term[]): { centroid: Float32Array | null; vecs: { key: string; v: Float32Array; w: number }[] } {
    const vecs: { key: string; v: Float32Array; w: number }[] = [];
    if (!this.vectors) return { centroid: null, vecs };
    const seen = new Set<string>();
    const c = new Float32Array(this.vectors.dims);
    for (const t of terms) {
      if (t.kind === 'number' || seen.has(t.key)) continue;
      seen.add(t.key);
      const v = this.vectors.vector(fold(t.surface));
      if (!v) continue;
      const w = this.index.idf(t.key);
      vecs.push({ key: t.key, v, w });
      for (let i = 0; i < c.length; i++) c[i]! += w * v[i]!;
    }
    const n = Math.sqrt(dot(c, c));
    if (!n) return { centroid: null, vecs };
    for (let i = 0; i < c.length; i++) c[i]! /= n;
    return { centroid: c, vecs };
  }

  private docCentroid(d: number): Float32Array | null {
    if (this.centroids.length !== this.index.size) {
      for (let i = this.centroids.length; i < this.index.size; i++) {
        const doc = this.index.docs[i]!;
        this.centroids.push(this.embed([...doc.textTerms, ...doc.titleTerms]).centroid);
      }
    }
    return this.centroids[d] ?? null;
  }

  /** Idf-weighted mean over the distinct terms of `from` of their best similarity to a term of `to` (1 when the same term). */
  private softCover(from: { key: string; v: Float32Array; w: number }[], fromAll: readonly Term[], to: { key: string; v: Float32Array }[], toKeys: ReadonlySet<string>): number {
    let mass = 0;
    let hit = 0;
    const withVec = new Set(from.map((f) => f.key));
    const seen = new Set<string>();
    for (const t of fromAll) {
      if (seen.has(t.key) || withVec.has(t.key)) continue;
      seen.add(t.key);
      const w = this.index.idf(t.key);
      mass += w;
      if (toKeys.has(t.key)) hit += w;
    }
    for (const f of from) {
      mass += f.w;
      if (toKeys.has(f.key)) {
        hit += f.w;
        continue;
      }
      let best = 0;
      for (const g of to) {
        const s = dot(f.v, g.v);
        if (s > best) best = s;
      }
      hit += f.w * sharpen(best);
    }
    return mass ? hit / mass : 0;
  }

  private extras(d: number) {
    let e = this.docExtras[d];
    if (!e) {
      const doc = this.index.docs[d]!;
      const { grams, norm } = trigrams([...doc.textTerms, ...doc.titleTerms]);
      e = { grams, gramNorm: norm, textNorm: this.idfNorm(doc.textTerms), titleNorm: this.idfNorm(doc.titleTerms), media: MEDIA_WORD.test(doc.text) || MEDIA_WORD.test(doc.title) };
      this.docExtras[d] = e;
    }
    return e;
  }

  /** The norm of the idf-weighted binary vector of some terms' distinct keys. */
  private idfNorm(terms: readonly Term[]): number {
    let s = 0;
    const seen = new Set<string>();
    for (const t of terms) {
      if (seen.has(t.key)) continue;
      seen.add(t.key);
      s += this.index.idf(t.key) ** 2;
    }
    return Math.sqrt(s);
  }

  /** Idf-weighted cosine of the query's distinct keys and a field's. */
  private cosine(p: PreparedQuery, terms: readonly Term[], norm: number): number {
    if (!norm || !p.idfNorm) return 0;
    let s = 0;
    const seen = new Set<string>();
    for (const t of terms) {
      if (seen.has(t.key) || !p.keySet.has(t.key)) continue;
      seen.add(t.key);
      s += this.index.idf(t.key) ** 2;
    }
    return s / (norm * p.idfNorm);
  }

  /**
   * Run-together words the collection does not know ("#cornflakes", "#fyrefestival") split into
   * two or three words it does know ("corn flakes", "fyre festival"), each of at least 3 letters.
   */
  splitRuns(terms: Term[]): Term[] {
    const out: Term[] = [];
    for (const t of terms) {
      // Hashtags of up to 40 letters are split (a longer run is no hashtag a reader wrote, and each letter costs 23 look-ups).
      if (t.kind === 'number' || t.surface.length < 6 || t.surface.length > 40 || this.index.docFreq(t.key) > 0 || !/^[a-z]+$/i.test(t.surface)) {
        out.push(t);
        continue;
      }
      const vocab = this.index.vocab;
      const parts = segment(t.surface.toLowerCase(), vocab);
      if (!parts) {
        out.push(t);
        continue;
      }
      for (const w of parts) out.push({ key: vocab.get(w)!, surface: w, kind: t.kind });
    }
    return out;
  }

  prepare(q: MatchQuery): PreparedQuery {
    const terms = this.splitRuns(claimTerms(q.text));
    const keys = terms.map((t) => t.key);
    const keySet = new Set(keys);
    const contextKeys = q.context ? claimTerms(q.context).map((t) => t.key) : [];
    let idfMass = 0;
    for (const k of keySet) idfMass += this.index.idf(k);
    const related = new Set<string>();
    for (const k of keySet) for (const r of this.assoc.of(k)) if (!keySet.has(r)) related.add(r);
    return {
      related: [...related],
      terms,
      keys,
      keySet,
      contextKeys,
      bigrams: new Set(bigramsOf(keys)),
      numbers: new Set(terms.filter((t) => t.kind === 'number').map((t) => t.key)),
      year: q.year ?? null,
      idfMass,
      idfNorm: this.idfNorm(terms),
      ...(({ grams, norm }) => ({ grams, gramNorm: norm }))(trigrams(terms)),
      media: MEDIA_LINK.test(q.text),
      ...this.embed(terms),
    };
  }

  /**
   * The candidates: [doc, BM25 score], the best `k` by BM25 and, with word vectors, the best
   * `model.dense` by centroid similarity that BM25 ranked lower; ordered by BM25.
   */
  candidates(p: PreparedQuery, k: number): [number, number][] {
    const scores = new Float64Array(this.index.size);
    const touched = this.index.bm25Into(p.keys, 'all', scores);
    if (p.contextKeys.length) this.index.bm25Into(p.contextKeys, 'all', scores, 0.3, undefined, touched);
    const expand = this.model.expand ?? 0;
    if (expand > 0 && p.related.length) this.index.bm25Into(p.related, 'all', scores, expand, undefined, touched);
    const uniq = [...new Set(touched)];
    uniq.sort((a, b) => scores[b]! - scores[a]! || a - b);
    const out = uniq.slice(0, k);
    const byContext = this.model.context ?? 0;
    if (byContext > 0 && p.contextKeys.length) {
      const cs = new Float64Array(this.index.size);
      const ct = [...new Set(this.index.bm25Into(p.contextKeys, 'all', cs))];
      ct.sort((a, b) => cs[b]! - cs[a]! || a - b);
      const have = new Set(out);
      for (const d of ct.slice(0, byContext)) if (!have.has(d)) out.push(d);
      out.sort((a, b) => scores[b]! - scores[a]! || a - b);
    }
    const dense = this.model.dense ?? 0;
    if (dense > 0 && p.centroid) {
      const have = new Set(out);
      const best: [number, number][] = [];
      for (let d = 0; d < this.index.size; d++) {
        if (have.has(d)) continue;
        const c = this.docCentroid(d);
        if (!c) continue;
        const s = dot(p.centroid, c);
        if (best.length < dense || s > best[best.length - 1]![1]) {
          best.push([d, s]);
          best.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
          if (best.length > dense) best.pop();
        }
      }
      for (const [d] of best) out.push(d);
      out.sort((a, b) => scores[b]! - scores[a]! || a - b);
    }
    return out.map((d) => [d, scores[d]!]);
  }

  /** Feature vectors of the candidates (rows in candidate order), for ranking and training. */
  featureRows(p: PreparedQuery, cands: readonly [number, number][]): number[][] {
    const idx = this.index;
    const bodyScores = cands.map(([d]) => idx.bm25Doc(p.keys, 'all', d));
    const textScores = cands.map(([d]) => idx.bm25Doc(p.keys, 'text', d));
    const titleScores = cands.map(([d]) => idx.bm25Doc(p.keys, 'title', d));
    const maxOf = (xs: number[]) => Math.max(1e-9, ...xs);
    const mb = maxOf(bodyScores);
    const mt = maxOf(textScores);
    const mh = maxOf(titleScores);
    return cands.map(([d], i) => {
      const doc = idx.docs[d]!;
      const f: Record<FeatureName, number> = {
        bm25_rel: bodyScores[i]! / mb,
        bm25_log: Math.log1p(bodyScores[i]!),
        bm25_text_rel: textScores[i]! / mt,
        bm25_title_rel: titleScores[i]! / mh,
        context_bm25: p.contextKeys.length ? Math.log1p(idx.bm25Doc(p.contextKeys, 'all', d)) : 0,
        context_cover: 0,
        doc_cover: this.cover(doc.textTerms, p.keySet),
        title_cover: this.cover(doc.titleTerms, p.keySet),
        query_cover: 0,
        bigrams: 0,
        names: 0,
        max_idf: 0,
        numbers_shared: 0,
        numbers_differ: 0,
        year_same: 0,
        year_other: 0,
        rank_rr: 1 / (i + 1),
        vec_cos: 0,
        soft_cover: 0,
        soft_query: 0,
        cos_text: 0,
        cos_title: 0,
        char_cos: 0,
        media_both: 0,
        media_doc: 0,
        assoc_query: 0,
        assoc_doc: 0,
      };
      const ex = this.extras(d);
      f.cos_text = this.cosine(p, doc.textTerms, ex.textNorm);
      f.cos_title = this.cosine(p, doc.titleTerms, ex.titleNorm);
      f.char_cos = gramCos(p.grams, p.gramNorm, ex.grams, ex.gramNorm);
      if (ex.media) {
        if (p.media) f.media_both = 1;
        else f.media_doc = 1;
      }
      if (this.vectors && p.centroid) {
        const c = this.docCentroid(d);
        f.vec_cos = c ? dot(p.centroid, c) : 0;
        const docAll = [...doc.textTerms, ...doc.titleTerms];
        const dv = this.embed(docAll).vecs;
        f.soft_cover = this.softCover(dv, docAll, p.vecs, p.keySet);
        f.soft_query = this.softCover(p.vecs, p.terms, dv, new Set(docAll.map((t) => t.key)));
      }
      const all = [...doc.textTerms, ...doc.titleTerms];
      const docKeys = idx.termCounts('all', d);
      if (p.contextKeys.length) {
        let cm = 0;
        let ch = 0;
        for (const k of new Set(p.contextKeys)) {
          const w = idx.idf(k);
          cm += w;
          if (docKeys.has(k)) ch += w;
        }
        f.context_cover = cm ? ch / cm : 0;
      }
      let matched = 0;
      let maxIdf = 0;
      for (const k of p.keySet) {
        if (!docKeys.has(k)) continue;
        const w = idx.idf(k);
        matched += w;
        if (w > maxIdf) maxIdf = w;
      }
      f.query_cover = p.idfMass ? matched / p.idfMass : 0;
      if (this.assoc.size) {
        let qHit = 0;
        for (const k of p.keySet) if (!docKeys.has(k) && this.assoc.partnerIn(k, docKeys)) qHit += idx.idf(k);
        f.assoc_query = p.idfMass ? qHit / p.idfMass : 0;
        let dMass = 0;
        let dHit = 0;
        for (const k of docKeys.keys()) {
          const w = idx.idf(k);
          dMass += w;
          if (!p.keySet.has(k) && this.assoc.partnerIn(k, p.keySet)) dHit += w;
        }
        f.assoc_doc = dMass ? dHit / dMass : 0;
      }
      f.max_idf = maxIdf / 10;
      const docBigrams = new Set([...bigramsOf(doc.textTerms.map((t) => t.key)), ...bigramsOf(doc.titleTerms.map((t) => t.key))]);
      let shared = 0;
      for (const b of docBigrams) if (p.bigrams.has(b)) shared++;
      f.bigrams = Math.log1p(shared);
      let nameMass = 0;
      let nameHit = 0;
      const seenNames = new Set<string>();
      for (const t of all) {
        if (t.kind !== 'name' || seenNames.has(t.key)) continue;
        seenNames.add(t.key);
        const w = idx.idf(t.key);
        nameMass += w;
        if (p.keySet.has(t.key) || p.contextKeys.includes(t.key)) nameHit += w;
      }
      f.names = nameMass ? nameHit / nameMass : 0;
      const docNumbers = new Set(all.filter((t) => t.kind === 'number' && !YEAR_RE.test(t.key)).map((t) => t.key));
      const qNumbers = [...p.numbers].filter((n) => !YEAR_RE.test(n));
      let numShared = 0;
      for (const n of docNumbers) if (p.numbers.has(n)) numShared++;
      f.numbers_shared = numShared;
      f.numbers_differ = docNumbers.size > 0 && qNumbers.length > 0 && numShared === 0 ? 1 : 0;
      if (p.year !== null) {
        const years = all.filter((t) => t.kind === 'number' && YEAR_RE.test(t.key)).map((t) => Number(t.key));
        if (years.includes(p.year)) f.year_same = 1;
        else if (years.length) f.year_other = 1;
      }
      return this.model.features.map((name) => f[name]);
    });
  }

  /** Idf-weighted share of a field's distinct terms that the query holds. */
  private cover(terms: readonly Term[], keys: ReadonlySet<string>): number {
    let mass = 0;
    let hit = 0;
    const seen = new Set<string>();
    for (const t of terms) {
      if (seen.has(t.key)) continue;
      seen.add(t.key);
      const w = this.index.idf(t.key);
      mass += w;
      if (keys.has(t.key)) hit += w;
    }
    return mass ? hit / mass : 0;
  }

  score(row: readonly number[]): number {
    const m = this.model;
    let s = 0;
    for (let i = 0; i < row.length; i++) s += (m.weights[i]! * (row[i]! - m.mean[i]!)) / m.scale[i]!;
    return s;
  }

  /**
   * The best `k` claims for a query, best first, each with what matched: the first stage's
   * candidates, re-ranked. `keep`, when given, says which candidates may be answers at all; the
   * others are not scored (claim memory keeps only what its rule accepts, and scoring the rest would
   * be spent for nothing).
   */
  rank(q: MatchQuery, k = 5, keep?: (id: string) => boolean): MatchResult[] {
    const p = this.prepare(q);
    let cands = this.candidates(p, Math.max(k, this.model.candidates));
    if (keep) cands = cands.filter(([d]) => keep(this.index.docs[d]!.id));
    const rows = this.featureRows(p, cands);
    const scored = cands.map(([d, bm25], i) => ({ d, bm25, score: this.score(rows[i]!), i }));
    scored.sort((a, b) => b.score - a.score || a.i - b.i);
    return scored.slice(0, k).map((s) => ({ id: this.index.docs[s.d]!.id, doc: s.d, score: s.score, bm25: s.bm25, explanation: this.explain(p, s.d) }));
  }

  explain(p: PreparedQuery, d: number): MatchExplanation {
    const doc = this.index.docs[d]!;
    const all = [...doc.textTerms, ...doc.titleTerms];
    const qSurface = new Map<string, string>();
    for (const t of p.terms) if (!qSurface.has(t.key)) qSurface.set(t.key, t.surface);
    const seen = new Set<string>();
    const terms: TermMatch[] = [];
    const numbers: string[] = [];
    for (const t of all) {
      if (seen.has(t.key) || !qSurface.has(t.key)) continue;
      seen.add(t.key);
      if (t.kind === 'number') numbers.push(t.surface);
      else terms.push({ query: qSurface.get(t.key)!, claim: t.surface, kind: t.kind });
    }
    terms.sort((a, b) => this.index.idf(fromSurface(b, all)) - this.index.idf(fromSurface(a, all)));
    const related: TermMatch[] = [];
    if (this.assoc.size) {
      const docSurface = new Map<string, Term>();
      for (const t of all) if (!docSurface.has(t.key)) docSurface.set(t.key, t);
      for (const [k, surface] of qSurface) {
        if (docSurface.has(k)) continue;
        const partner = this.assoc.partnerIn(k, docSurface);
        if (partner) related.push({ query: surface, claim: docSurface.get(partner)!.surface, kind: 'word' });
      }
    }
    const phrases: string[] = [];
    for (const field of [doc.textTerms, doc.titleTerms]) {
      for (let i = 0; i + 1 < field.length; i++) {
        const key = field[i]!.key + ' ' + field[i + 1]!.key;
        const phrase = field[i]!.surface + ' ' + field[i + 1]!.surface;
        if (p.bigrams.has(key) && !phrases.some((x) => x.toLowerCase() === phrase.toLowerCase())) phrases.push(phrase);
      }
    }
    const docNums = all.filter((t) => t.kind === 'number');
    const qNums = p.terms.filter((t) => t.kind === 'number');
    const claimOnly = uniq(docNums.filter((t) => !p.numbers.has(t.key)).map((t) => t.surface));
    const docNumKeys = new Set(docNums.map((t) => t.key));
    const queryOnly = uniq(qNums.filter((t) => !docNumKeys.has(t.key)).map((t) => t.surface));
    const ctx = new Set(p.contextKeys);
    const context = uniq(all.filter((t) => ctx.has(t.key) && !qSurface.has(t.key)).map((t) => t.surface));
    return {
      terms,
      related,
      context,
      numbers: uniq(numbers),
      phrases,
      numbersDiffer: claimOnly.length && queryOnly.length ? { claim: claimOnly, query: queryOnly } : null,
    };
  }
}

/** Cosine similarity of unrelated words is not 0 (GloVe puts most pairs at 0.1–0.4): only what lies above a floor counts. */
const SIM_FLOOR = 0.3;
function sharpen(s: number): number {
  return s <= SIM_FLOOR ? 0 : (s - SIM_FLOOR) / (1 - SIM_FLOOR);
}

/**
 * A run-together word split into words the collection knows ("gofundme" → go, fund; "thisisamerica"
 * → america): the fewest parts (at most 4), each a known word of at least 2 letters or a stop word
 * (dropped), at least one known; ties go to the split whose shortest known part is longest. Null when none.
 */
function segment(w: string, vocab: ReadonlyMap<string, string>): string[] | null {
  const n = w.length;
  // best[i]: the best split of w[0..i) as [parts, shortest known part, known words].
  const best: ([number, number, string[]] | null)[] = new Array(n + 1).fill(null);
  best[0] = [0, Infinity, []];
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - 24); j <= i - 2; j++) {
      const prev = best[j];
      if (!prev || prev[0] >= 4) continue;
      const part = w.slice(j, i);
      const known = vocab.has(part);
      if (!known && !STOP.has(part)) continue;
      const cand: [number, number, string[]] = [prev[0] + 1, known ? Math.min(prev[1], part.length) : prev[1], known ? [...prev[2], part] : prev[2]];
      const cur = best[i];
      if (!cur || cand[0] < cur[0] || (cand[0] === cur[0] && cand[1] > cur[1])) best[i] = cand;
    }
  }
  const done = best[n];
  return done && done[2].length && done[0] >= 2 ? done[2] : null;
}

/** The look-up of a model's associations, made once per model object (claim memory makes a matcher per page). */
const assocCache = new WeakMap<MatchModel, Associations>();
function associationsOf(model: MatchModel): Associations {
  let a = assocCache.get(model);
  if (!a) assocCache.set(model, (a = new Associations(model.assoc ?? [])));
  return a;
}

function fromSurface(m: TermMatch, terms: readonly Term[]): string {
  return terms.find((t) => t.surface === m.claim)?.key ?? m.claim;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Checks and returns a model read from JSON (throws with a clear message when it is not one). */
export function loadMatchModel(data: unknown): MatchModel {
  const m = data as Partial<MatchModel> | null;
  if (!m || typeof m !== 'object') throw new Error('claim-match model: not an object');
  const feats = m.features;
  if (!Array.isArray(feats) || !feats.every((f) => (FEATURES as readonly string[]).includes(f))) throw new Error('claim-match model: unknown or missing features');
  const n = feats.length;
  for (const key of ['mean', 'scale', 'weights'] as const) {
    const v = m[key];
    if (!Array.isArray(v) || v.length !== n || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) throw new Error(`claim-match model: "${key}" must hold ${n} numbers`);
  }
  if (typeof m.candidates !== 'number' || m.candidates < 1) throw new Error('claim-match model: "candidates" must be a positive number');
  if (m.assoc !== undefined && (!Array.isArray(m.assoc) || !m.assoc.every((p) => typeof p === 'string' && /^\S+ \S+$/.test(p))))
    throw new Error('claim-match model: "assoc" must be a list of "term term" strings');
  if (m.expand !== undefined && !(typeof m.expand === 'number' && m.expand >= 0 && m.expand <= 1)) throw new Error('claim-match model: "expand" must be a number from 0 to 1');
  return m as MatchModel;
}

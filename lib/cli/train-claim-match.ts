/**
 * `npm run train:claim-match -- <clef2020-claim-retrieval dir> [--out FILE] [--no-write] [--folds K] [--l2 X] [--vectors FILE]
 *    [--assoc none|collection|train|both] [--min-count N] [--min-dice X] [--max-assoc N] [--expand W] [--without f1,f2] [--fold-seed N]`
 *
 * Fits the claim matcher's re-ranker (lib/claims-memory/match.ts) on the CLEF 2020 CheckThat!
 * task 2 training tweets only (DIR/train, collection DIR/verified_claims.tsv), prints K-fold
 * cross-validation on those tweets (MAP@5, MRR) next to BM25's candidate order, and writes the
 * model (default public/models/claim-match.json). Dev is not read: measure it with
 * `npm run eval -- claim-match DIR/dev`. The fit is deterministic: the same data gives the same file.
 * --vectors FILE (JSON word → vector) adds the word-vector features: an experiment, not the shipped model.
 *
 * Word associations (lib/claims-memory/assoc.ts), shipped in the model: learnt from the collection's
 * claim/headline pairs and from the training tweets with their relevant claims (`--assoc both`, the
 * default; count >= 2, Dice >= 0.1, at most 2000: chosen by the cross-validation). So that the
 * re-ranker does not learn to trust associations learnt from the very tweets it is fitted on, each
 * training tweet's features use associations learnt without its own fold (cross-fitting); in the
 * cross-validation, also without the held-out fold. The shipped table is learnt from all tweets.
 *
 * Folds are by position (tweet i in fold i mod K). `--fold-seed N` (N > 0) deals the tweets into
 * folds in another fixed order instead, so that a change can be checked on several partitions of
 * the same tweets: differences of ~0.002 in MAP@5 come and go from one partition to the next.
 * The shipped model is fitted with the default (its cross-fitted associations depend on the folds).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ClaimIndex } from '../claims-memory/index';
import { ClaimMatcher, FEATURES, LEXICAL_FEATURES, type FeatureName, type MatchModel } from '../claims-memory/match';
import { learnAssociations, type AlignedPair, type LearnOptions } from '../claims-memory/assoc';
import { fitMatchModel, trainingQueries, type TrainingQuery } from '../claims-memory/train';
import { loadCollection, loadSplit, loadVectors } from '../claims-memory/data';
import { averagePrecisionAt, mean, reciprocalRank } from '../claims-memory/metrics';
import { round, table } from './eval/task';

export const CANDIDATES = 50;

interface Options {
  dir: string;
  out: string;
  write: boolean;
  folds: number;
  l2: number;
  vectors: string;
  /** Where word associations are learnt from: the collection's claim/headline pairs, the training tweets and their claims. */
  assoc: 'none' | 'collection' | 'train' | 'both';
  minCount: number;
  minDice: number;
  maxAssoc: number;
  expand: number;
  /** Features left out (an experiment). */
  without: string[];
  /** 0: folds by position; otherwise the tweets are dealt into folds in an order made from this seed. */
  foldSeed: number;
}

const ASSOC_FEATURES: readonly FeatureName[] = ['assoc_query', 'assoc_doc'];

function parseArgs(argv: string[]): Options {
  const o: Options = {
    dir: '',
    out: 'public/models/claim-match.json',
    write: true,
    folds: 5,
    l2: 1e-3,
    vectors: '',
    assoc: 'both',
    minCount: 2,
    minDice: 0.1,
    maxAssoc: 2000,
    expand: 0,
    without: [],
    foldSeed: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') o.out = argv[++i] ?? '';
    else if (a === '--no-write') o.write = false;
    else if (a === '--folds') o.folds = Number(argv[++i]);
    else if (a === '--l2') o.l2 = Number(argv[++i]);
    else if (a === '--vectors') o.vectors = argv[++i] ?? '';
    else if (a === '--assoc') o.assoc = (argv[++i] ?? '') as Options['assoc'];
    else if (a === '--min-count') o.minCount = Number(argv[++i]);
    else if (a === '--min-dice') o.minDice = Number(argv[++i]);
    else if (a === '--max-assoc') o.maxAssoc = Number(argv[++i]);
    else if (a === '--expand') o.expand = Number(argv[++i]);
    else if (a === '--without') o.without = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a === '--fold-seed') o.foldSeed = Number(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.dir = a;
  }
  if (!o.dir)
    throw new Error(
      'usage: npm run train:claim-match -- <clef2020-claim-retrieval dir> [--out FILE] [--no-write] [--folds K] [--l2 X] [--vectors FILE] [--assoc none|collection|train|both] [--min-count N] [--min-dice X] [--max-assoc N] [--expand W] [--without f1,f2] [--fold-seed N]',
    );
  if (!(o.folds >= 2) || !Number.isInteger(o.folds)) throw new Error('--folds takes an integer >= 2');
  if (!(o.foldSeed >= 0) || !Number.isInteger(o.foldSeed)) throw new Error('--fold-seed takes an integer >= 0');
  if (!(o.l2 >= 0)) throw new Error('--l2 takes a number >= 0');
  if (!['none', 'collection', 'train', 'both'].includes(o.assoc)) throw new Error('--assoc takes none, collection, train or both');
  if (!(o.minCount >= 1) || !(o.minDice >= 0) || !(o.maxAssoc >= 0) || !(o.expand >= 0 && o.expand <= 1)) throw new Error('--min-count >= 1, --min-dice >= 0, --max-assoc >= 0, --expand in [0, 1]');
  return o;
}

/**
 * The fold of each of n items: by position (i mod k) for seed 0; otherwise the items are put in the
 * order of a hash of their position and the seed, then dealt round (so every fold has n/k items).
 */
function foldsOf(n: number, k: number, seed: number): (i: number) => number {
  if (!seed) return (i) => i % k;
  const hash = (i: number) => Math.imul((i + 1) ^ Math.imul(seed, 0x85ebca6b), 0x9e3779b1) >>> 0;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => hash(a) - hash(b) || a - b);
  const fold = new Array<number>(n);
  order.forEach((i, at) => (fold[i] = at % k));
  return (i) => fold[i]!;
}

/** MAP@5 and MRR of the candidates ordered by `score`. */
function measure(qs: readonly TrainingQuery[], score: (row: number[]) => number): { map5: number; mrr: number } {
  const ap: number[] = [];
  const rr: number[] = [];
  for (const q of qs) {
    const order = q.rows.map((r, i) => [score(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const ranked = order.map(([, i]) => String(i));
    const rel = new Set(q.relevant.flatMap((r, i) => (r ? [String(i)] : [])));
    // A query whose relevant claim is not among the candidates scores 0.
    ap.push(rel.size ? averagePrecisionAt(ranked, rel, 5) : 0);
    rr.push(reciprocalRank(ranked, rel));
  }
  return { map5: mean(ap), mrr: mean(rr) };
}

function main(argv: string[]): void {
  const o = parseArgs(argv);
  const claims = loadCollection(join(o.dir, 'verified_claims.tsv'));
  const { queries } = loadSplit(join(o.dir, 'train'));
  const index = new ClaimIndex(claims);
  const vectors = o.vectors ? loadVectors(o.vectors) : null;
  const withAssoc = o.assoc !== 'none';
  for (const f of o.without) if (!(FEATURES as readonly string[]).includes(f)) throw new Error(`--without: no feature "${f}"`);
  const features = (vectors ? FEATURES : LEXICAL_FEATURES).filter((f) => (withAssoc || !ASSOC_FEATURES.includes(f)) && !o.without.includes(f));
  const blank: MatchModel = { candidates: CANDIDATES, features, mean: features.map(() => 0), scale: features.map(() => 1), weights: features.map(() => 0) };
  const base = new ClaimMatcher(index, blank, vectors);
  const K = o.folds;
  const foldOf = foldsOf(queries.length, K, o.foldSeed);

  // Aligned wordings for the associations: each claim with its headline; each training tweet with its relevant claims.
  const docOf = new Map(index.docs.map((d, i) => [d.id, i]));
  const keysOf = (d: number) => {
    const doc = index.docs[d]!;
    return [...doc.textTerms, ...doc.titleTerms].map((t) => t.key);
  };
  const collectionPairs: AlignedPair[] =
    o.assoc === 'collection' || o.assoc === 'both' ? index.docs.filter((d) => d.titleTerms.length).map((d) => ({ a: d.titleTerms.map((t) => t.key), b: d.textTerms.map((t) => t.key) })) : [];
  const tweetPairs: AlignedPair[][] = queries.map((q) => {
    if (o.assoc !== 'train' && o.assoc !== 'both') return [];
    const a = base.prepare(q.query).keys;
    return [...q.relevant].flatMap((id) => (docOf.has(id) ? [{ a, b: keysOf(docOf.get(id)!) }] : []));
  });
  const learn: LearnOptions = { minCount: o.minCount, minDice: o.minDice, max: o.maxAssoc };
  // The associations learnt without the tweets of some folds (cached by the folds left out).
  const tables = new Map<string, string[] | undefined>();
  const tableWithout = (out: number[]): string[] | undefined => {
    if (!withAssoc) return undefined;
    const key = o.assoc === 'collection' ? '' : [...out].sort().join(',');
    if (!tables.has(key)) tables.set(key, learnAssociations([...collectionPairs, ...tweetPairs.flatMap((p, i) => (out.includes(foldOf(i)) ? [] : p))], learn));
    return tables.get(key);
  };
  // Feature rows of some queries with the associations learnt without the given folds' tweets.
  const rowsCache = new Map<string, TrainingQuery[]>();
  const rowsOf = (fold: number, out: number[]): TrainingQuery[] => {
    const assoc = tableWithout(out);
    const key = `${fold}|${o.assoc === 'collection' || !withAssoc ? '' : [...out].sort().join(',')}`;
    let r = rowsCache.get(key);
    if (!r) {
      const m = new ClaimMatcher(index, { ...blank, assoc, expand: o.expand }, vectors);
      r = trainingQueries(
        m,
        queries.filter((_, i) => foldOf(i) === fold),
      );
      rowsCache.set(key, r);
    }
    return r;
  };

  // The rows each training tweet is fitted on: with associations learnt without its own fold (cross-fitting).
  const own = Array.from({ length: K }, (_, g) => rowsOf(g, [g]));
  const tq = own.flat();
  const found = tq.filter((q) => q.relevant.some(Boolean)).length;
  console.log(`${claims.length} claims, ${queries.length} training tweets; the relevant claim is among the ${CANDIDATES} candidates for ${found} (${round((100 * found) / tq.length, 1)}%)`);
  if (withAssoc) console.log(`associations (${o.assoc}, count >= ${o.minCount}, Dice >= ${o.minDice}, at most ${o.maxAssoc}; expansion weight ${o.expand}): ${tableWithout([])!.length}`);

  const rankIdx = features.indexOf('rank_rr');
  const rows: (string | number)[][] = [];
  const cv: { map5: number; mrr: number }[] = [];
  const bm: { map5: number; mrr: number }[] = [];
  for (let f = 0; f < K; f++) {
    // Fitted on the other folds, each with associations learnt without fold f and without itself; measured on fold f with associations learnt without f.
    const fit = Array.from({ length: K }, (_, g) => g).flatMap((g) => (g === f ? [] : rowsOf(g, [f, g])));
    const held = rowsOf(f, [f]);
    const model = fitMatchModel(fit, { candidates: CANDIDATES, features, l2: o.l2 });
    const m = new ClaimMatcher(index, model, vectors);
    const r = measure(held, (row) => m.score(row));
    const b = measure(held, (row) => row[rankIdx]!);
    cv.push(r);
    bm.push(b);
    rows.push([`fold ${f + 1}`, held.length, round(b.map5), round(r.map5), round(r.mrr)]);
  }
  rows.push(['mean', tq.length, round(mean(bm.map((x) => x.map5))), round(mean(cv.map((x) => x.map5))), round(mean(cv.map((x) => x.mrr)))]);
  console.log(`\n${K}-fold cross-validation on the training tweets (${o.foldSeed ? `folds dealt with seed ${o.foldSeed}` : 'folds by position'}):`);
  console.log(table(['fold', 'queries', 'BM25 MAP@5', 'matcher MAP@5', 'matcher MRR'], rows));

  const fitted = fitMatchModel(tq, { candidates: CANDIDATES, features, l2: o.l2 });
  const assoc = tableWithout([]);
  const model: MatchModel = withAssoc ? { ...fitted, expand: o.expand, assoc } : fitted;
  console.log('\nweights (on standardised features):');
  console.log(
    table(
      ['feature', 'weight'],
      features.map((f, i) => [f, round(model.weights[i]!)]),
    ),
  );
  if (o.write) {
    mkdirSync(dirname(o.out), { recursive: true });
    writeFileSync(o.out, JSON.stringify(model, null, 1) + '\n');
    console.log(`\nwrote ${o.out}`);
  }
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(`train:claim-match failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

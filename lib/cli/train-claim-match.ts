/**
 * `npm run train:claim-match -- <clef2020-claim-retrieval dir> [--out FILE] [--no-write] [--folds K] [--l2 X] [--vectors FILE]`
 *
 * Fits the claim matcher's re-ranker (lib/claims-memory/match.ts) on the CLEF 2020 CheckThat!
 * task 2 training tweets only (DIR/train, collection DIR/verified_claims.tsv), prints K-fold
 * cross-validation on those tweets (MAP@5, MRR) next to BM25's candidate order, and writes the
 * model (default public/models/claim-match.json). Dev is not read: measure it with
 * `npm run eval -- claim-match DIR/dev`. The fit is deterministic: the same data gives the same file.
 * --vectors FILE (JSON word → vector) adds the word-vector features: an experiment, not the shipped model.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ClaimIndex } from '../claims-memory/index';
import { ClaimMatcher, FEATURES, LEXICAL_FEATURES, type MatchModel } from '../claims-memory/match';
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
}

function parseArgs(argv: string[]): Options {
  const o: Options = { dir: '', out: 'public/models/claim-match.json', write: true, folds: 5, l2: 1e-3, vectors: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') o.out = argv[++i] ?? '';
    else if (a === '--no-write') o.write = false;
    else if (a === '--folds') o.folds = Number(argv[++i]);
    else if (a === '--l2') o.l2 = Number(argv[++i]);
    else if (a === '--vectors') o.vectors = argv[++i] ?? '';
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.dir = a;
  }
  if (!o.dir) throw new Error('usage: npm run train:claim-match -- <clef2020-claim-retrieval dir> [--out FILE] [--no-write] [--folds K] [--l2 X] [--vectors FILE]');
  if (!(o.folds >= 2) || !Number.isInteger(o.folds)) throw new Error('--folds takes an integer >= 2');
  if (!(o.l2 >= 0)) throw new Error('--l2 takes a number >= 0');
  return o;
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
  const features = vectors ? FEATURES : LEXICAL_FEATURES;
  const blank: MatchModel = { candidates: CANDIDATES, features, mean: features.map(() => 0), scale: features.map(() => 1), weights: features.map(() => 0) };
  const tq = trainingQueries(new ClaimMatcher(index, blank, vectors), queries);
  const found = tq.filter((q) => q.relevant.some(Boolean)).length;
  console.log(`${claims.length} claims, ${queries.length} training tweets; the relevant claim is among the ${CANDIDATES} BM25 candidates for ${found} (${round((100 * found) / tq.length, 1)}%)`);

  const rankIdx = features.indexOf('rank_rr');
  const rows: (string | number)[][] = [];
  const cv: { map5: number; mrr: number }[] = [];
  const bm: { map5: number; mrr: number }[] = [];
  for (let f = 0; f < o.folds; f++) {
    const fit = tq.filter((_, i) => i % o.folds !== f);
    const held = tq.filter((_, i) => i % o.folds === f);
    const model = fitMatchModel(fit, { candidates: CANDIDATES, features, l2: o.l2 });
    const m = new ClaimMatcher(index, model, vectors);
    const r = measure(held, (row) => m.score(row));
    const b = measure(held, (row) => row[rankIdx]!);
    cv.push(r);
    bm.push(b);
    rows.push([`fold ${f + 1}`, held.length, round(b.map5), round(r.map5), round(r.mrr)]);
  }
  rows.push(['mean', tq.length, round(mean(bm.map((x) => x.map5))), round(mean(cv.map((x) => x.map5))), round(mean(cv.map((x) => x.mrr)))]);
  console.log(`\n${o.folds}-fold cross-validation on the training tweets (folds by position):`);
  console.log(table(['fold', 'queries', 'BM25 MAP@5', 'matcher MAP@5', 'matcher MRR'], rows));

  const model = fitMatchModel(tq, { candidates: CANDIDATES, features, l2: o.l2 });
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

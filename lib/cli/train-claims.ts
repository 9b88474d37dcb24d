/**
 * `npm run train:claims -- <data/claims dir> [options]`
 *
 * Trains the check-worthiness model on ClaimBuster + CLEF CheckThat! 2019 (debates) + 2020
 * (tweets), holds out a deterministic dev split of each, prints the baseline (word n-grams only)
 * and the full model side by side on it, and writes public/models/claims.json.
 *
 * Splits (no test data is used):
 *   ClaimBuster  dev = FNV-1a(id) mod 100 < 20
 *   CLEF 2019    dev = the 4 debates with the smallest FNV-1a(doc) (whole debates, none shared)
 *   CLEF 2020    dev = FNV-1a(tweet id) mod 100 < 20
 * The threshold maximises F1 on ClaimBuster out-of-fold scores from k-fold cross-validation
 * inside the training part (folds by id hash; by debate for CLEF 2019), never on dev.
 *
 * Options: --out FILE (default public/models/claims.json), --write-dev DIR (dev splits as JSONL for
 * `npm run eval -- claims`), --seed N, --epochs N, --l2 X, --eta X, --folds K, --min-count N,
 * --clef19-weight X, --no-write (figures only).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractFeatures, featureScale, type FeatureSet } from '../nlp/claims/features';
import { fnv1a, parseClaims, type ClaimRow } from '../nlp/claims/dataset';
import { predictLogReg, trainLogReg, type SparseExample } from '../nlp/claims/logreg';
import { averagePrecision, bestF1Threshold, meanAveragePrecision, prf } from '../nlp/claims/metrics';
import { MODEL_FORMAT, MODEL_VERSION, loadCheckworthyModel, scoreSentence, type CheckworthyModelFile } from '../nlp/claims/checkworthy';
import { round, table } from './eval/task';

type Source = 'claimbuster' | 'clef2019' | 'clef2020';
const GROUP: Record<Source, number> = { claimbuster: 0, clef2019: 1, clef2020: 2 };
const FILES: Record<Source, string> = {
  claimbuster: 'claimbuster/train.jsonl',
  clef2019: 'clef2019-debates/train.jsonl',
  clef2020: 'clef2020-tweets/train.tsv',
};
const CLEF19_DEV_DEBATES = 4;
/** Weights are stored as integers in units of 1/WEIGHT_SCALE. */
const WEIGHT_SCALE = 1000;

interface Row extends ClaimRow {
  source: Source;
  /** Key for folds and splits: the id, or the debate for CLEF 2019. */
  key: string;
}

interface Options {
  dir: string;
  out: string;
  writeDev: string | null;
  write: boolean;
  seed: number;
  epochs: number;
  l2: number;
  eta: number;
  folds: number;
  minCount: number;
  clef19Weight: number;
  posWeight: number;
  averageFrom: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    dir: '', out: 'public/models/claims.json', writeDev: null, write: true, seed: 1, epochs: 10, l2: 1e-5, eta: 0.1,
    folds: 5, minCount: 2, clef19Weight: 1, posWeight: 1, averageFrom: 1000,
  };
  const num = (i: number, name: string): number => {
    const v = Number(argv[i]);
    if (!Number.isFinite(v)) throw new Error(`${name} takes a number, not "${argv[i] ?? ''}"`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') o.out = argv[++i] ?? '';
    else if (a === '--write-dev') o.writeDev = argv[++i] ?? '';
    else if (a === '--no-write') o.write = false;
    else if (a === '--seed') o.seed = num(++i, a);
    else if (a === '--epochs') o.epochs = num(++i, a);
    else if (a === '--l2') o.l2 = num(++i, a);
    else if (a === '--eta') o.eta = num(++i, a);
    else if (a === '--folds') o.folds = num(++i, a);
    else if (a === '--min-count') o.minCount = num(++i, a);
    else if (a === '--clef19-weight') o.clef19Weight = num(++i, a);
    else if (a === '--pos-weight') o.posWeight = num(++i, a);
    else if (a === '--average-from') o.averageFrom = num(++i, a);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.dir = a;
  }
  if (!o.dir) throw new Error('usage: npm run train:claims -- <path to data/claims> [--out FILE] [--write-dev DIR]');
  return o;
}

function load(dir: string): Row[] {
  const rows: Row[] = [];
  for (const source of Object.keys(FILES) as Source[]) {
    const path = join(dir, FILES[source]);
    let content: string;
    try {
      content = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`cannot read ${path}`);
    }
    const parsed = parseClaims(content);
    if (parsed.malformed) console.warn(`${path}: ${parsed.malformed} malformed lines skipped`);
    for (const r of parsed.rows) rows.push({ ...r, source, key: source === 'clef2019' ? (r.doc ?? r.id) : r.id });
  }
  return rows;
}

function isDev(r: Row, clef19Dev: Set<string>): boolean {
  if (r.source === 'clef2019') return clef19Dev.has(r.key);
  return fnv1a(r.source + ':' + r.key) % 100 < 20;
}

interface Encoded {
  vocab: Map<string, number>;
  names: string[];
}

function buildVocab(feats: string[][], minCount: number): Encoded {
  const counts = new Map<string, number>();
  for (const fs of feats) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts].filter(([, c]) => c >= minCount).map(([f]) => f).sort();
  return { vocab: new Map(names.map((n, i) => [n, i])), names };
}

function encode(rows: Row[], feats: string[][], vocab: Map<string, number>, o: Options): SparseExample[] {
  return rows.map((r, i) => {
    const fs = feats[i]!;
    const idx = Int32Array.from(fs.map((f) => vocab.get(f)).filter((x): x is number => x !== undefined));
    return {
      idx,
      // Scale by the number of extracted features (known and unknown), exactly as at inference.
      scale: featureScale(fs.length),
      label: r.label,
      group: GROUP[r.source],
      weight: (r.source === 'clef2019' ? o.clef19Weight : 1) * (r.label === 1 ? o.posWeight : 1),
    };
  });
}

/** Trains on `rows`; returns a scorer that uses the ClaimBuster intercept (as the shipped model does). */
function fit(rows: Row[], feats: string[][], o: Options): { names: string[]; w: Float64Array; bias: Float64Array } {
  const { vocab, names } = buildVocab(feats, o.minCount);
  const data = encode(rows, feats, vocab, o);
  const m = trainLogReg(data, { dim: names.length, groups: 3, epochs: o.epochs, l2: o.l2, eta: o.eta, seed: o.seed, averageFrom: o.averageFrom });
  return { names, w: m.w, bias: m.bias };
}

function scoreWith(model: { names: string[]; w: Float64Array; bias: Float64Array }, feats: string[][]): number[] {
  const vocab = new Map(model.names.map((n, i) => [n, i]));
  const shipped = { w: model.w, bias: Float64Array.of(model.bias[GROUP.claimbuster]!) };
  return feats.map((fs) => {
    const idx = Int32Array.from(fs.map((f) => vocab.get(f)).filter((x): x is number => x !== undefined));
    return predictLogReg(shipped, { idx, scale: featureScale(fs.length), label: 0 });
  });
}

interface Figures {
  precision: number;
  recall: number;
  f1: number;
  ap: number;
  map: number | null;
  n: number;
  positives: number;
}

function figures(rows: Row[], scores: number[], threshold: number): Figures {
  const labels = rows.map((r) => r.label);
  const p = prf(scores, labels, threshold);
  const withDoc = rows.every((r) => r.doc !== undefined);
  return {
    precision: p.precision,
    recall: p.recall,
    f1: p.f1,
    ap: averagePrecision(scores, labels),
    map: withDoc ? meanAveragePrecision(scores, labels, rows.map((r) => r.doc!)).map : null,
    n: rows.length,
    positives: labels.filter((l) => l === 1).length,
  };
}

function run(set: FeatureSet, train: Row[], dev: Row[], o: Options) {
  const t0 = performance.now();
  const trainFeats = train.map((r) => extractFeatures(r.text, {}, set));
  const devFeats = dev.map((r) => extractFeatures(r.text, {}, set));
  // Out-of-fold scores on the training part pick the threshold (ClaimBuster rows only).
  const fold = train.map((r) => fnv1a('fold:' + r.source + ':' + r.key) % o.folds);
  const oof = new Array<number>(train.length).fill(0);
  for (let k = 0; k < o.folds; k++) {
    const inIdx = train.map((_, i) => i).filter((i) => fold[i] !== k);
    const outIdx = train.map((_, i) => i).filter((i) => fold[i] === k);
    const m = fit(inIdx.map((i) => train[i]!), inIdx.map((i) => trainFeats[i]!), o);
    const s = scoreWith(m, outIdx.map((i) => trainFeats[i]!));
    outIdx.forEach((i, j) => (oof[i] = s[j]!));
  }
  const cbIdx = train.map((_, i) => i).filter((i) => train[i]!.source === 'claimbuster');
  const { threshold, f1: oofF1 } = bestF1Threshold(cbIdx.map((i) => oof[i]!), cbIdx.map((i) => train[i]!.label));
  const model = fit(train, trainFeats, o);
  const devScores = scoreWith(model, devFeats);
  const bySource = new Map<Source, Figures>();
  for (const source of Object.keys(FILES) as Source[]) {
    const idx = dev.map((_, i) => i).filter((i) => dev[i]!.source === source);
    if (idx.length) bySource.set(source, figures(idx.map((i) => dev[i]!), idx.map((i) => devScores[i]!), threshold));
  }
  const oofFigures = figures(cbIdx.map((i) => train[i]!), cbIdx.map((i) => oof[i]!), threshold);
  return { set, model, threshold, oofF1, oofFigures, bySource, ms: performance.now() - t0 };
}

function toFile(r: ReturnType<typeof run>, meta: Record<string, unknown>): CheckworthyModelFile {
  const names: string[] = [];
  const weights: number[] = [];
  r.model.names.forEach((n, i) => {
    const w = Math.round(r.model.w[i]! * WEIGHT_SCALE);
    if (w !== 0 && !n.includes('\n')) {
      names.push(n);
      weights.push(w);
    }
  });
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    featureSet: r.set,
    threshold: round(r.threshold, 4),
    bias: round(r.model.bias[GROUP.claimbuster]!, 4),
    features: names.join('\n'),
    weights,
    weightScale: WEIGHT_SCALE,
    meta,
  };
}

function main(argv: string[]): void {
  const t0 = performance.now();
  const o = parseArgs(argv);
  const rows = load(resolve(o.dir));
  const debates = [...new Set(rows.filter((r) => r.source === 'clef2019').map((r) => r.key))].sort((a, b) => fnv1a(a) - fnv1a(b));
  const clef19Dev = new Set(debates.slice(0, CLEF19_DEV_DEBATES));
  const train = rows.filter((r) => !isDev(r, clef19Dev));
  const dev = rows.filter((r) => isDev(r, clef19Dev));
  const count = (rs: Row[], s: Source) => {
    const x = rs.filter((r) => r.source === s);
    return `${x.length} (${x.filter((r) => r.label === 1).length} pos)`;
  };
  console.log(table(['data set', 'train', 'dev'], (Object.keys(FILES) as Source[]).map((s) => [s, count(train, s), count(dev, s)])));
  console.log(`CLEF 2019 dev debates: ${[...clef19Dev].join(', ')}`);
  console.log(`options: epochs ${o.epochs}, l2 ${o.l2}, eta ${o.eta}, folds ${o.folds}, min count ${o.minCount}, clef19 weight ${o.clef19Weight}, seed ${o.seed}\n`);

  const results = (['ngrams', 'full'] as FeatureSet[]).map((set) => run(set, train, dev, o));
  const rowsOut: (string | number)[][] = [];
  for (const source of Object.keys(FILES) as Source[]) {
    for (const r of results) {
      const f = r.bySource.get(source);
      if (!f) continue;
      rowsOut.push([source, r.set === 'ngrams' ? 'baseline (n-grams)' : 'full', f.n, f.positives, round(f.precision), round(f.recall), round(f.f1), round(f.ap), f.map === null ? '-' : round(f.map)]);
    }
  }
  console.log('Held-out dev figures (threshold from ClaimBuster out-of-fold F1 on train; same learner for both):');
  console.log(table(['dev set', 'model', 'n', 'pos', 'P', 'R', 'F1', 'AP', 'MAP'], rowsOut));
  console.log('\nClaimBuster out-of-fold (train) at the chosen threshold:');
  console.log(table(['model', 'threshold', 'P', 'R', 'F1', 'AP', 'features', 'ms'], results.map((r) => [r.set, round(r.threshold), round(r.oofFigures.precision), round(r.oofFigures.recall), round(r.oofFigures.f1), round(r.oofFigures.ap), r.model.names.length, Math.round(r.ms)])));

  const full = results[1]!;
  const devFigures = Object.fromEntries(
    (Object.keys(FILES) as Source[]).flatMap((s) =>
      results.map((r) => [`${s}/${r.set}`, Object.fromEntries(Object.entries(r.bySource.get(s) ?? {}).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]))]),
    ),
  );
  const meta = {
    trained: 'npm run train:claims -- <data/claims>',
    data: 'ClaimBuster + CLEF CheckThat! 2019 debates + CLEF 2020 tweets, dev splits held out (see lib/nlp/claims/README.md)',
    options: { epochs: o.epochs, l2: o.l2, eta: o.eta, folds: o.folds, minCount: o.minCount, clef19Weight: o.clef19Weight, posWeight: o.posWeight, averageFrom: o.averageFrom, seed: o.seed },
    thresholdFrom: 'max F1 on ClaimBuster out-of-fold scores (train part)',
    dev: devFigures,
  };
  const file = toFile(full, meta);
  const json = JSON.stringify(file);
  if (o.write) {
    writeFileSync(o.out, json + '\n');
    const text = readFileSync(o.out, 'utf8');
    let loadMs = Infinity;
    let loaded = loadCheckworthyModel(JSON.parse(text));
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      loaded = loadCheckworthyModel(JSON.parse(text));
      loadMs = Math.min(loadMs, performance.now() - t);
    }
    const a = scoreSentence(loaded, 'Unemployment fell to 3.5 percent last year, the lowest in 50 years.');
    const b = scoreSentence(loaded, 'Thank you all for coming tonight.');
    const shippedRows: (string | number)[][] = [];
    for (const source of Object.keys(FILES) as Source[]) {
      const part = dev.filter((r) => r.source === source);
      if (!part.length) continue;
      const f = figures(part, part.map((r) => scoreSentence(loaded, r.text)), loaded.threshold);
      shippedRows.push([source, round(f.precision), round(f.recall), round(f.f1), round(f.ap), f.map === null ? '-' : round(f.map)]);
    }
    console.log('\nShipped model file (weights quantised to 1/1000) on dev, as `npm run eval -- claims` reports it:');
    console.log(table(['dev set', 'P', 'R', 'F1', 'AP', 'MAP'], shippedRows));
    console.log(`\nwrote ${o.out}: ${(statSync(o.out).size / 1024).toFixed(0)} KB, ${file.weights.length} weights, JSON.parse+load ${loadMs.toFixed(1)} ms (warm); sanity ${a.toFixed(3)} vs ${b.toFixed(3)}`);
  }
  if (o.writeDev) {
    mkdirSync(o.writeDev, { recursive: true });
    const names: Record<Source, string> = { claimbuster: 'claimbuster.dev.jsonl', clef2019: 'clef2019-debates.dev.jsonl', clef2020: 'clef2020-tweets.dev.jsonl' };
    for (const source of Object.keys(FILES) as Source[]) {
      const lines = dev.filter((r) => r.source === source).map((r) => JSON.stringify(r.doc !== undefined ? { id: r.id, doc: r.doc, text: r.text, label: r.label } : { id: r.id, text: r.text, label: r.label }));
      writeFileSync(join(o.writeDev, names[source]), lines.join('\n') + '\n');
    }
    console.log(`wrote dev splits to ${o.writeDev}`);
  }
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(`train:claims failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

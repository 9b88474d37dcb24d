/**
 * `npm run train:claims -- <data/claims dir> [options]`
 *
 * Trains the check-worthiness model (by default on ClaimBuster + CLEF CheckThat! 2020 tweets; CLEF
 * 2019 debates are held out for measurement only, see --sources), holds out a deterministic dev
 * split of each data set, prints the baseline (word n-grams only) and the full model side by side
 * on it, and writes public/models/claims.json.
 *
 * Splits (no test data is used):
 *   ClaimBuster  dev = FNV-1a(id) mod 100 < 20
 *   CLEF 2019    dev = the 4 debates with the smallest FNV-1a(doc) (whole debates, none shared)
 *   CLEF 2020    dev = FNV-1a(tweet id) mod 100 < 20
 * k-fold cross-validation inside the training part (folds by id hash; by debate for CLEF 2019)
 * gives out-of-fold ClaimBuster margins. On those, Platt scaling fits the calibration
 * sigmoid(a * margin + b), which is folded into the shipped weights, and the threshold maximises F1
 * of the calibrated scores. Dev is never used for any choice.
 *
 * Options: --out FILE (default public/models/claims.json), --write-dev DIR (dev splits as JSONL for
 * `npm run eval -- claims`), --no-write (figures only), --sources LIST (comma-separated, from
 * claimbuster, clef2019, clef2020), --learner adagrad|lr|sqhinge|hinge, --C X (for lr, sqhinge and
 * hinge), --seed N, --epochs N, --l2 X, --eta X (for adagrad), --folds K, --min-count N,
 * --clef19-weight X, --pos-weight X, --average-from N, --ablate PREFIXES (drop features whose names
 * start with any of the comma-separated prefixes), --no-calibrate.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { extractFeatures, featureScale, type FeatureSet } from '../nlp/claims/features';
import { fnv1a, parseClaims, type ClaimRow } from '../nlp/claims/dataset';
import { trainLogReg, type SparseExample } from '../nlp/claims/logreg';
import { fitPlatt, trainLinear, trainSvmDcd, type LinearExample } from '../nlp/claims/linear';
import { averagePrecision, bestF1Threshold, meanAveragePrecision, prf } from '../nlp/claims/metrics';
import { MODEL_FORMAT, MODEL_VERSION, loadCheckworthyModel, scoreSentence, type CheckworthyModelFile } from '../nlp/claims/checkworthy';
import { CONTEXT_FEATURES, contextFeatures, contextMargins, scoreRows, transcriptLines, type ContextModel } from '../nlp/claims/context';
import { round, table } from './eval/task';

type Source = 'claimbuster' | 'clef2019' | 'clef2020';
type Learner = 'adagrad' | 'lr' | 'sqhinge' | 'hinge';
const LEARNERS: readonly Learner[] = ['adagrad', 'lr', 'sqhinge', 'hinge'];
const GROUP: Record<Source, number> = { claimbuster: 0, clef2019: 1, clef2020: 2 };
const FILES: Record<Source, string> = {
  claimbuster: 'claimbuster/train.jsonl',
  clef2019: 'clef2019-debates/train.jsonl',
  clef2020: 'clef2020-tweets/train.tsv',
};
const CLEF19_DEV_DEBATES = 4;
/** The context features the shipped model uses (chosen by leave-one-debate-out MAP on the CLEF 2019 training debates). */
const DEFAULT_CONTEXT: readonly string[] = ['speakerShare', 'speakerMean', 'window'];
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
  sources: Source[];
  learner: Learner;
  C: number;
  ablate: string[];
  calibrate: boolean;
  /** Context re-ranking features (empty: none), trained on the CLEF 2019 training debates. */
  contextFeatures: string[];
  contextC: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    dir: '',
    out: 'public/models/claims.json',
    writeDev: null,
    write: true,
    seed: 1,
    epochs: 25,
    l2: 1e-5,
    eta: 0.1,
    folds: 5,
    minCount: 2,
    clef19Weight: 1,
    posWeight: 1,
    averageFrom: 1000,
    sources: ['claimbuster', 'clef2020'],
    learner: 'adagrad',
    C: 1,
    ablate: [],
    calibrate: true,
    contextFeatures: [...DEFAULT_CONTEXT],
    contextC: 1,
  };
  const list = (i: number, name: string): string[] => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} takes a comma-separated list`);
    return v
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
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
    else if (a === '--C') o.C = num(++i, a);
    else if (a === '--no-calibrate') o.calibrate = false;
    else if (a === '--ablate') o.ablate = list(++i, a);
    else if (a === '--no-context') o.contextFeatures = [];
    else if (a === '--context') {
      const v = list(++i, a);
      const bad = v.filter((x) => !(CONTEXT_FEATURES as readonly string[]).includes(x));
      if (bad.length) throw new Error(`--context takes names from ${CONTEXT_FEATURES.join(', ')}; got "${bad.join(',')}"`);
      o.contextFeatures = v;
    } else if (a === '--context-C') o.contextC = num(++i, a);
    else if (a === '--learner') {
      const v = argv[++i] as Learner;
      if (!LEARNERS.includes(v)) throw new Error(`--learner takes one of ${LEARNERS.join(', ')}, not "${v ?? ''}"`);
      o.learner = v;
    } else if (a === '--sources') {
      const v = list(++i, a);
      const bad = v.filter((x) => !(x in FILES));
      if (bad.length || v.length === 0) throw new Error(`--sources takes names from ${Object.keys(FILES).join(', ')}; got "${v.join(',')}"`);
      if (!v.includes('claimbuster')) throw new Error('--sources must include claimbuster (the threshold and calibration come from it)');
      o.sources = v as Source[];
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
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
  const names = [...counts]
    .filter(([, c]) => c >= minCount)
    .map(([f]) => f)
    .sort();
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

interface Fitted {
  names: string[];
  w: Float64Array;
  bias: Float64Array;
}

/** Trains on the rows of the training sources. */
function fit(rows: Row[], feats: string[][], o: Options): Fitted {
  const keep = rows.map((_, i) => i).filter((i) => o.sources.includes(rows[i]!.source));
  const useRows = keep.map((i) => rows[i]!);
  const useFeats = keep.map((i) => feats[i]!);
  const { vocab, names } = buildVocab(useFeats, o.minCount);
  const data = encode(useRows, useFeats, vocab, o);
  if (o.learner === 'adagrad') {
    const m = trainLogReg(data, { dim: names.length, groups: 3, epochs: o.epochs, l2: o.l2, eta: o.eta, seed: o.seed, averageFrom: o.averageFrom });
    return { names, w: m.w, bias: m.bias };
  }
  const lin: LinearExample[] = data.map((d) => ({ idx: d.idx, val: new Float64Array(d.idx.length).fill(d.scale), label: d.label, weight: d.weight, group: d.group }));
  const m =
    o.learner === 'hinge'
      ? trainSvmDcd(lin, { dim: names.length, groups: 3, C: o.C, epochs: 100, seed: o.seed })
      : trainLinear(lin, { dim: names.length, groups: 3, loss: o.learner === 'lr' ? 'logistic' : 'sqhinge', C: o.C });
  return { names, w: m.w, bias: m.bias };
}

/** Raw margins with the ClaimBuster intercept (the one the shipped model keeps). */
function marginsWith(model: Fitted, feats: string[][]): number[] {
  const vocab = new Map(model.names.map((n, i) => [n, i]));
  const b = model.bias[GROUP.claimbuster]!;
  return feats.map((fs) => {
    let z = 0;
    for (const f of fs) {
      const j = vocab.get(f);
      if (j !== undefined) z += model.w[j]!;
    }
    return b + z * featureScale(fs.length);
  });
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

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
    map: withDoc
      ? meanAveragePrecision(
          scores,
          labels,
          rows.map((r) => r.doc!),
        ).map
      : null,
    n: rows.length,
    positives: labels.filter((l) => l === 1).length,
  };
}

function extract(text: string, set: FeatureSet, o: Options): string[] {
  const fs = extractFeatures(text, {}, set);
  return o.ablate.length ? fs.filter((f) => !o.ablate.some((p) => f.startsWith(p))) : fs;
}

function run(set: FeatureSet, train: Row[], dev: Row[], o: Options) {
  const t0 = performance.now();
  const trainFeats = train.map((r) => extract(r.text, set, o));
  const devFeats = dev.map((r) => extract(r.text, set, o));
  // Out-of-fold margins on the training part give the calibration and the threshold.
  const fold = train.map((r) => fnv1a('fold:' + r.source + ':' + r.key) % o.folds);
  const oofMargin = new Array<number>(train.length).fill(0);
  for (let k = 0; k < o.folds; k++) {
    const inIdx = train.map((_, i) => i).filter((i) => fold[i] !== k);
    const outIdx = train.map((_, i) => i).filter((i) => fold[i] === k);
    const m = fit(
      inIdx.map((i) => train[i]!),
      inIdx.map((i) => trainFeats[i]!),
      o,
    );
    const s = marginsWith(
      m,
      outIdx.map((i) => trainFeats[i]!),
    );
    outIdx.forEach((i, j) => (oofMargin[i] = s[j]!));
  }
  const cbIdx = train.map((_, i) => i).filter((i) => train[i]!.source === 'claimbuster');
  const cbLabels = cbIdx.map((i) => train[i]!.label);
  // Platt scaling on ClaimBuster out-of-fold margins; without it, the plain sigmoid of the margin.
  const platt = o.calibrate
    ? fitPlatt(
        cbIdx.map((i) => oofMargin[i]!),
        cbLabels,
      )
    : { a: 1, b: 0 };
  const oof = oofMargin.map((z) => sigmoid(platt.a * z + platt.b));
  const { threshold } = bestF1Threshold(
    cbIdx.map((i) => oof[i]!),
    cbLabels,
  );
  const raw = fit(train, trainFeats, o);
  // Fold the calibration into the weights: sigmoid(a * (b0 + w.x) + b) = sigmoid((a b0 + b) + (a w).x).
  const model: Fitted = { names: raw.names, w: raw.w.map((x) => x * platt.a), bias: raw.bias.map((x) => x * platt.a + platt.b) };
  const devMargins = marginsWith(model, devFeats);
  const devScores = devMargins.map(sigmoid);
  const bySource = new Map<Source, Figures>();
  for (const source of Object.keys(FILES) as Source[]) {
    const idx = dev.map((_, i) => i).filter((i) => dev[i]!.source === source);
    if (idx.length)
      bySource.set(
        source,
        figures(
          idx.map((i) => dev[i]!),
          idx.map((i) => devScores[i]!),
          threshold,
        ),
      );
  }
  const oofBySource = new Map<Source, Figures>();
  for (const source of Object.keys(FILES) as Source[]) {
    const idx = train.map((_, i) => i).filter((i) => train[i]!.source === source);
    const part = idx.map((i) => train[i]!);
    // CLEF 2019 out-of-fold MAP is per debate: its rows carry the debate as `key`.
    const rowsForFigures = source === 'clef2019' ? part.map((r) => ({ ...r, doc: r.key })) : part;
    if (idx.length)
      oofBySource.set(
        source,
        figures(
          rowsForFigures,
          idx.map((i) => oof[i]!),
          threshold,
        ),
      );
  }
  const brier = cbIdx.reduce((acc, i) => acc + (oof[i]! - train[i]!.label) ** 2, 0) / cbIdx.length;
  const oofCalMargin = oofMargin.map((z) => platt.a * z + platt.b);
  return { set, model, threshold, platt, brier, oofBySource, bySource, oofCalMargin, devMargins, ms: performance.now() - t0 };
}

/** The rows of each document, in file order (line order within a debate). */
function byDocument(rows: readonly Row[], margins: readonly number[]): { doc: string; rows: Row[]; margins: number[] }[] {
  const out = new Map<string, { doc: string; rows: Row[]; margins: number[] }>();
  rows.forEach((r, i) => {
    const doc = r.doc ?? r.key;
    let d = out.get(doc);
    if (!d) out.set(doc, (d = { doc, rows: [], margins: [] }));
    d.rows.push(r);
    d.margins.push(margins[i]!);
  });
  return [...out.values()];
}

type Doc = ReturnType<typeof byDocument>[number];

/**
 * Fits the context re-ranking (./context.ts) on debates: logistic regression over the line's own
 * margin and the chosen context features, one intercept per debate (so only the ranking inside a
 * debate is learned), L2 with inverse strength C. The weights are divided by the own margin's
 * coefficient, so the sentence model's margin keeps its scale and a line without context keeps its
 * score.
 */
function fitContext(docs: readonly Doc[], names: readonly string[], C: number): ContextModel {
  const use = CONTEXT_FEATURES.map((n) => names.includes(n));
  const cols = CONTEXT_FEATURES.map((_, k) => k).filter((k) => use[k]);
  const dim = 1 + cols.length;
  const idx = Int32Array.from({ length: dim }, (_, k) => k);
  const data: LinearExample[] = [];
  docs.forEach((d, g) => {
    const feats = contextFeatures(transcriptLines(d.rows, d.margins));
    const mean = d.margins.reduce((a, b) => a + b, 0) / d.margins.length;
    d.rows.forEach((r, i) => {
      const val = new Float64Array(dim);
      val[0] = d.margins[i]! - mean;
      cols.forEach((k, j) => (val[1 + j] = feats[i]![k]!));
      data.push({ idx, val, label: r.label, group: g });
    });
  });
  const m = trainLinear(data, { dim, groups: docs.length, loss: 'logistic', C });
  const a = m.w[0]!;
  // A non-positive own-margin coefficient would mean the sentence model ranks debates backwards.
  if (!(a > 0)) throw new Error(`context re-ranking: the sentence margin's coefficient is ${a}`);
  return { features: cols.map((k) => CONTEXT_FEATURES[k]!), weights: cols.map((_, j) => round(m.w[1 + j]! / a, 4)) };
}

function docsMap(docs: readonly Doc[], margins: (d: Doc) => number[]): number {
  return meanAveragePrecision(
    docs.flatMap(margins),
    docs.flatMap((d) => d.rows.map((r) => r.label)),
    docs.flatMap((d) => d.rows.map(() => d.doc)),
  ).map;
}

/** Context stage: leave-one-debate-out MAP on the training debates, the final fit, and dev MAP. */
function runContext(full: ReturnType<typeof run>, train: Row[], dev: Row[], o: Options) {
  const pick = (rows: Row[], margins: number[]) => {
    const idx = rows.map((_, i) => i).filter((i) => rows[i]!.source === 'clef2019');
    return byDocument(
      idx.map((i) => rows[i]!),
      idx.map((i) => margins[i]!),
    );
  };
  // Training debates carry out-of-fold margins (folds by debate), dev debates the final model's.
  const trainDocs = pick(train, full.oofCalMargin);
  const devDocs = pick(dev, full.devMargins);
  const lines = (d: Doc, m: ContextModel | null) => contextMargins(m, transcriptLines(d.rows, d.margins));
  if (!o.contextFeatures.length || trainDocs.length < 2) return { model: null, trainDocs, devDocs, lodo: null, devMap: null, lodoBase: null, devBase: null };
  const lodoMargins = new Map<Doc, number[]>();
  for (const d of trainDocs)
    lodoMargins.set(
      d,
      lines(
        d,
        fitContext(
          trainDocs.filter((x) => x !== d),
          o.contextFeatures,
          o.contextC,
        ),
      ),
    );
  const model = fitContext(trainDocs, o.contextFeatures, o.contextC);
  return {
    model,
    trainDocs,
    devDocs,
    lodoBase: docsMap(trainDocs, (d) => d.margins),
    lodo: docsMap(trainDocs, (d) => lodoMargins.get(d)!),
    devBase: devDocs.length ? docsMap(devDocs, (d) => d.margins) : null,
    devMap: devDocs.length ? docsMap(devDocs, (d) => lines(d, model)) : null,
  };
}

function toFile(r: ReturnType<typeof run>, meta: Record<string, unknown>, context: ContextModel | null): CheckworthyModelFile {
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
    ...(context ? { context } : {}),
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
  console.log(
    table(
      ['data set', 'train', 'dev'],
      (Object.keys(FILES) as Source[]).map((s) => [s, count(train, s), count(dev, s)]),
    ),
  );
  console.log(`CLEF 2019 dev debates: ${[...clef19Dev].join(', ')}`);
  console.log(
    `options: sources ${o.sources.join('+')}, learner ${o.learner}${o.learner === 'adagrad' ? `, epochs ${o.epochs}, l2 ${o.l2}, eta ${o.eta}` : `, C ${o.C}`}, folds ${o.folds}, ` +
      `min count ${o.minCount}, clef19 weight ${o.clef19Weight}, calibrate ${o.calibrate}, seed ${o.seed}${o.ablate.length ? `, ablate ${o.ablate.join(',')}` : ''}\n`,
  );

  const results = (['ngrams', 'full'] as FeatureSet[]).map((set) => run(set, train, dev, o));
  const modelName = (r: (typeof results)[number]): string => (r.set === 'ngrams' ? 'baseline (n-grams)' : 'full');
  const figureRows = (pick: (r: (typeof results)[number]) => Map<Source, Figures>): (string | number)[][] => {
    const out: (string | number)[][] = [];
    for (const source of Object.keys(FILES) as Source[]) {
      for (const r of results) {
        const f = pick(r).get(source);
        if (!f) continue;
        out.push([source, modelName(r), f.n, f.positives, round(f.precision), round(f.recall), round(f.f1), round(f.ap), f.map === null ? '-' : round(f.map)]);
      }
    }
    return out;
  };
  const header = ['data set', 'model', 'n', 'pos', 'P', 'R', 'F1', 'AP', 'MAP'];
  console.log(`Out-of-fold on the training part (${o.folds}-fold cross-validation; the figures used to choose settings):`);
  console.log(
    table(
      header,
      figureRows((r) => r.oofBySource),
    ),
  );
  console.log('\nHeld-out dev figures (threshold from ClaimBuster out-of-fold F1 on train; same learner for both; report only):');
  console.log(
    table(
      header,
      figureRows((r) => r.bySource),
    ),
  );
  console.log('\nCalibration and threshold (from ClaimBuster out-of-fold margins):');
  console.log(
    table(
      ['model', 'Platt a', 'Platt b', 'Brier (oof)', 'threshold', 'features', 'ms'],
      results.map((r) => [modelName(r), round(r.platt.a), round(r.platt.b), round(r.brier), round(r.threshold), r.model.names.length, Math.round(r.ms)]),
    ),
  );

  const full = results[1]!;
  const rounded = (f: Figures | undefined) => Object.fromEntries(Object.entries(f ?? {}).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]));
  const devFigures = Object.fromEntries((Object.keys(FILES) as Source[]).flatMap((s) => results.map((r) => [`${s}/${r.set}`, rounded(r.bySource.get(s))])));
  const cvFigures = Object.fromEntries((Object.keys(FILES) as Source[]).flatMap((s) => results.map((r) => [`${s}/${r.set}`, rounded(r.oofBySource.get(s))])));
  const ctx = runContext(full, train, dev, o);
  if (ctx.model) {
    console.log(`\nContext re-ranking (lib/nlp/claims/context.ts), fitted on the ${ctx.trainDocs.length} CLEF 2019 training debates (C ${o.contextC}):`);
    console.log(
      table(
        ['CLEF 2019 MAP', 'sentence alone', 'with context'],
        [
          [`leave-one-debate-out on train (${ctx.trainDocs.length} debates)`, round(ctx.lodoBase!), round(ctx.lodo!)],
          [`held-out dev (${ctx.devDocs.length} debates)`, ctx.devBase === null ? '-' : round(ctx.devBase), ctx.devMap === null ? '-' : round(ctx.devMap)],
        ],
      ),
    );
    console.log(`weights (margin units): ${ctx.model.features.map((f, i) => `${f} ${ctx.model!.weights[i]}`).join(', ')}`);
  }
  const meta = {
    trained: 'npm run train:claims -- <data/claims>',
    data: `trained on ${o.sources.join(' + ')} (train parts); dev splits held out (see lib/nlp/claims/README.md)`,
    options: {
      sources: o.sources,
      learner: o.learner,
      epochs: o.epochs,
      l2: o.l2,
      eta: o.eta,
      C: o.C,
      folds: o.folds,
      minCount: o.minCount,
      clef19Weight: o.clef19Weight,
      posWeight: o.posWeight,
      averageFrom: o.averageFrom,
      seed: o.seed,
      ablate: o.ablate,
      calibrate: o.calibrate,
      context: o.contextFeatures,
      contextC: o.contextC,
    },
    context: ctx.model
      ? {
          trainedOn: 'CLEF 2019 training debates (out-of-fold sentence margins)',
          lodoMap: round(ctx.lodo!),
          lodoMapSentence: round(ctx.lodoBase!),
          devMap: ctx.devMap === null ? null : round(ctx.devMap),
          devMapSentence: ctx.devBase === null ? null : round(ctx.devBase),
        }
      : null,
    calibration: { method: o.calibrate ? 'Platt scaling on ClaimBuster out-of-fold margins, folded into the weights' : 'none', a: round(full.platt.a), b: round(full.platt.b) },
    thresholdFrom: 'max F1 on ClaimBuster out-of-fold calibrated scores (train part)',
    cv: cvFigures,
    dev: devFigures,
  };
  const file = toFile(full, meta, ctx.model);
  const json = JSON.stringify(file);
  if (o.write) {
    mkdirSync(dirname(resolve(o.out)), { recursive: true });
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
      const f = figures(part, scoreRows(loaded, part), loaded.threshold);
      shippedRows.push([source, round(f.precision), round(f.recall), round(f.f1), round(f.ap), f.map === null ? '-' : round(f.map)]);
    }
    console.log('\nShipped model file (weights quantised to 1/1000) on dev, as `npm run eval -- claims` reports it:');
    console.log(table(['dev set', 'P', 'R', 'F1', 'AP', 'MAP'], shippedRows));
    console.log(
      `\nwrote ${o.out}: ${(statSync(o.out).size / 1024).toFixed(0)} KB, ${file.weights.length} weights, JSON.parse+load ${loadMs.toFixed(1)} ms (warm); sanity ${a.toFixed(3)} vs ${b.toFixed(3)}`,
    );
  }
  if (o.writeDev) {
    mkdirSync(o.writeDev, { recursive: true });
    const names: Record<Source, string> = { claimbuster: 'claimbuster.dev.jsonl', clef2019: 'clef2019-debates.dev.jsonl', clef2020: 'clef2020-tweets.dev.jsonl' };
    for (const source of Object.keys(FILES) as Source[]) {
      const lines = dev
        .filter((r) => r.source === source)
        .map((r) =>
          JSON.stringify(
            r.doc !== undefined ? { id: r.id, doc: r.doc, ...(r.speaker !== undefined ? { speaker: r.speaker } : {}), text: r.text, label: r.label } : { id: r.id, text: r.text, label: r.label },
          ),
        );
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

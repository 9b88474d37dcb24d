/**
 * `npm run train:ner -- <data/ner folder> [--out public/models/ner.bin] [--epochs N] [--folds K] [--stages 1|2]
 *  [--seed S] [--min-count C] [--no-augment]`
 *
 * Trains the two-stage averaged-perceptron NER tagger (see lib/nlp/ner/model.ts) on conll2003/train.iob2 with the
 * gazetteers of the same folder, prints token errors and dev F1 (PER/ORG/LOC, MISC = O) per epoch, and writes the
 * quantised model. Stage 2 is trained on stage-1 taggings of the training documents made by K models that did not
 * see them (jackknife), so its features look like they will at tagging time. Deterministic: same data, same seed,
 * same file. The dev set is only looked at for the printed figures; nothing is selected on it.
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseConll, scoreSpans, toIob2, type ConllDoc } from '../nlp/ner/conll.ts';
import { addPriorFeatures, extractDocument, type DocFeatures } from '../nlp/ner/features.ts';
import { buildGazetteer } from '../nlp/ner/gazetteer.ts';
import { makeStage, ordinaryWordsOf, parseModel, serialiseModel, TAGS, type StageData } from '../nlp/ner/model.ts';
import { decodeStage, priorOf, tagIndices } from '../nlp/ner/tagger.ts';
import { mulberry32, trainStage, type TrainDoc } from '../nlp/ner/train.ts';
import { augmentDoc } from '../nlp/ner/augment.ts';

interface Args {
  data: string;
  out: string;
  epochs: number;
  folds: number;
  stages: number;
  seed: number;
  minCount: number;
  augment: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    data: '../shared/data/ner',
    out: 'public/models/ner.bin',
    epochs: 10,
    folds: 4,
    stages: 2,
    seed: 20250819,
    minCount: 2,
    augment: true,
  };
  const pos: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    const next = () => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${v} needs a value`);
      return x;
    };
    if (v === '--out') a.out = next();
    else if (v === '--epochs') a.epochs = Number(next());
    else if (v === '--folds') a.folds = Number(next());
    else if (v === '--stages') a.stages = Number(next());
    else if (v === '--seed') a.seed = Number(next());
    else if (v === '--min-count') a.minCount = Number(next());
    else if (v === '--no-augment') a.augment = false;
    else if (v.startsWith('--')) throw new Error(`unknown option ${v}`);
    else pos.push(v);
  }
  if (pos[0]) a.data = pos[0];
  return a;
}

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

const LEGAL_SUFFIX = /(?:,?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Ltd\.?|Limited|plc|PLC|LLC|L\.P\.|LP|N\.V\.|S\.A\.|AG|SE|Holdings?|Group|Trust|& Co\.?))+$/;

/** Reads the gazetteer lists of the data folder into the model's named lists. */
function loadLists(dir: string): Record<string, string[]> {
  const g = (f: string) => readLines(join(dir, f));
  const uniq = (xs: string[]) => [...new Set(xs)];
  const companies = uniq([...g('companies_sp500.txt'), ...g('companies_us_listed.txt')]);
  const core = uniq(companies.map((c) => c.replace(LEGAL_SUFFIX, '').trim()).filter((c, i) => c && c !== companies[i] && c.length > 2));
  return {
    country: uniq([...g('countries.txt'), ...g('countries_alt_spellings.txt')]),
    demonym: g('country_demonyms.txt'),
    capital: g('capitals.txt'),
    city: g('cities_pop100k.txt'),
    usstate: g('us_states.txt'),
    firstname: uniq([...g('first_names_us_ssa.txt'), ...g('first_names_moby.txt')]),
    intlorg: g('intl_organisations.txt'),
    orgabbr: g('intl_organisation_abbreviations.txt').filter((x) => x.split(/\s+/).length <= 2),
    company: companies,
    companycore: core,
    newsorg: g('news_organisations.txt'),
  };
}

function tagIndex(tag: string): number {
  const i = (TAGS as readonly string[]).indexOf(tag);
  if (i < 0) throw new Error(`unknown tag ${tag}`);
  return i;
}

function loadDocs(path: string): ConllDoc[] {
  if (!existsSync(path)) throw new Error(`missing ${path}`);
  return parseConll(readFileSync(path, 'utf8'), path);
}

interface Prepared {
  doc: ConllDoc;
  /** Index of the original document (an augmented copy shares it), for the jackknife folds. */
  group: number;
  augmented: boolean;
  base: DocFeatures;
  gold: Uint8Array;
}

function prepare(docs: ConllDoc[], gaz: ReturnType<typeof buildGazetteer>, groups?: number[]): Prepared[] {
  return docs.map((doc, i) => {
    const sents = doc.sentences.map((s) => s.tokens);
    const gold = Uint8Array.from(doc.sentences.flatMap((s) => toIob2(s.tags).map(tagIndex)));
    const group = groups ? groups[i]! : i;
    return { doc, group, augmented: group !== i, base: extractDocument(sents, gaz), gold };
  });
}

function devScore(prepared: Prepared[], decode: (p: Prepared) => Uint8Array): ReturnType<typeof scoreSpans> {
  const gold: string[][] = [];
  const pred: string[][] = [];
  for (const p of prepared) {
    const tags = decode(p);
    let k = 0;
    for (const s of p.doc.sentences) {
      gold.push(toIob2(s.tags));
      pred.push(Array.from(tags.subarray(k, k + s.tokens.length), (t) => TAGS[t]!));
      k += s.tokens.length;
    }
  }
  return scoreSpans(gold, pred);
}

const pct = (x: number) => (100 * x).toFixed(2);

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const dataDir = resolve(args.data);
  const lists = loadLists(join(dataDir, 'gazetteers'));
  const gaz = buildGazetteer(lists);
  const trainDocs = loadDocs(join(dataDir, 'conll2003', 'train.iob2'));
  const groups = trainDocs.map((_, i) => i);
  if (args.augment) {
    const rand = mulberry32(args.seed ^ 0x5eed);
    const n = trainDocs.length;
    for (let i = 0; i < n; i++) {
      trainDocs.push(augmentDoc(trainDocs[i]!, rand));
      groups.push(i);
    }
  }
  const train = prepare(trainDocs, gaz, groups);
  const dev = prepare(loadDocs(join(dataDir, 'conll2003', 'dev.iob2')), gaz);
  const ntok = (ps: Prepared[]) => ps.reduce((a, p) => a + p.gold.length, 0);
  console.log(`data: train ${train.length} docs / ${ntok(train)} tokens, dev ${dev.length} docs / ${ntok(dev)} tokens; ` + `gazetteer ${gaz.phrases.size} names; features in ${Date.now() - t0} ms`);

  const onEpoch =
    (label: string, decodeDev: (stage: ReturnType<typeof makeStage>, p: Prepared) => Uint8Array) => (epoch: number, data: StageData, st: { errors: number; tokens: number; ms: number }) => {
      const stage = makeStage(data);
      const sc = devScore(dev, (p) => decodeDev(stage, p));
      console.log(
        `${label} epoch ${String(epoch).padStart(2)}: train token errors ${st.errors}/${st.tokens} ` +
          `(${st.ms} ms)  dev P ${pct(sc.precision)} R ${pct(sc.recall)} F1 ${pct(sc.f1)}` +
          `  [PER ${pct(sc.perType.PER.f1)} ORG ${pct(sc.perType.ORG.f1)} LOC ${pct(sc.perType.LOC.f1)}]`,
      );
    };

  const toTrain = (ps: Prepared[], feats: (p: Prepared) => DocFeatures): TrainDoc[] => ps.map((p) => ({ features: feats(p), gold: p.gold, countWeight: p.augmented ? 0.5 : 1 }));
  const opts = { epochs: args.epochs, seed: args.seed, minCount: args.minCount, log: (m: string) => console.log(m) };

  console.log(`stage 1: ${args.epochs} epochs`);
  const s1 = trainStage(
    toTrain(train, (p) => p.base),
    {
      ...opts,
      onEpoch: onEpoch('stage 1', (stage, p) => decodeStage(stage, p.base)),
    },
  );
  const stages: StageData[] = [s1];

  if (args.stages >= 2) {
    // Jackknife stage-1 taggings of the training documents.
    const priors: Uint8Array[] = new Array<Uint8Array>(train.length);
    for (let f = 0; f < args.folds; f++) {
      const inFold = (i: number) => train[i]!.group % args.folds === f;
      const t1 = Date.now();
      const part = trainStage(
        toTrain(
          train.filter((_, i) => !inFold(i)),
          (p) => p.base,
        ),
        { ...opts, seed: args.seed + f + 1, onEpoch: () => {} },
      );
      const stage = makeStage(part);
      train.forEach((p, i) => {
        if (inFold(i)) priors[i] = priorOf(decodeStage(stage, p.base));
      });
      console.log(`stage 1 fold ${f + 1}/${args.folds} for stage-2 priors (${Date.now() - t1} ms)`);
    }
    const full1 = makeStage(s1);
    const devPriors = new Map(dev.map((p) => [p, priorOf(decodeStage(full1, p.base))]));
    const index = new Map(train.map((p, i) => [p, i]));
    console.log(`stage 2: ${args.epochs} epochs`);
    const s2 = trainStage(
      toTrain(train, (p) => addPriorFeatures(p.base, priors[index.get(p)!]!)),
      {
        ...opts,
        seed: args.seed + 100,
        onEpoch: onEpoch('stage 2', (stage, p) => decodeStage(stage, addPriorFeatures(p.base, devPriors.get(p)!))),
      },
    );
    stages.push(s2);
  }

  const trainMs = Date.now() - t0;
  // The list of ordinary words (`npm run train:words`) is not learnt here: keep the one of the file replaced.
  const ordinary = existsSync(args.out) ? ordinaryWordsOf(readFileSync(args.out)) : [];
  if (ordinary.length) console.log(`keeping the ${ordinary.length} ordinary words of ${args.out}`);
  const bytes = serialiseModel(
    stages,
    lists,
    {
      trainedOn: 'conll2003/train.iob2 (+ case-augmented copy) + gazetteers',
      augment: args.augment,
      epochs: args.epochs,
      folds: args.folds,
      seed: args.seed,
      minCount: args.minCount,
    },
    ordinary,
  );
  mkdirSync(dirname(resolve(args.out)), { recursive: true });
  writeFileSync(args.out, bytes);
  // Check the written file: reload it and score dev with the quantised model through the public path.
  const model = parseModel(bytes);
  const sc = devScore(dev, (p) =>
    tagIndices(
      model,
      p.doc.sentences.map((s) => s.tokens),
    ),
  );
  console.log(`wrote ${args.out}: ${(bytes.length / 1024 / 1024).toFixed(2)} MB, ` + `${model.stages.map((s) => s.size).join(' + ')} weight rows; trained in ${(trainMs / 1000).toFixed(1)} s`);
  console.log(`dev (quantised model) P ${pct(sc.precision)} R ${pct(sc.recall)} F1 ${pct(sc.f1)}  ` + `[PER ${pct(sc.perType.PER.f1)} ORG ${pct(sc.perType.ORG.f1)} LOC ${pct(sc.perType.LOC.f1)}]`);
}

try {
  main();
} catch (err) {
  console.error(`train:ner failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

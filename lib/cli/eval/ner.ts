/**
 * `npm run eval -- ner FILE [--model PATH]`: scores the NER tagger on a CoNLL-layout file (token first column,
 * tag last column, IOB1 or IOB2, `-DOCSTART-` between documents; each document is tagged as one text). Exact
 * span + type matches over PER/ORG/LOC (MISC and other types count as O), micro and per type, plus tagging speed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isIob1, parseConll, scoreSpans, toIob2, SCORED_TYPES } from '../../nlp/ner/conll.ts';
import { loadNerModel, tagDocument } from '../../nlp/ner/index.ts';
import { round, table, type EvalTask } from './task.ts';

export const DEFAULT_MODEL = 'public/models/ner.bin';

const task: EvalTask = {
  describe: 'NER on a CoNLL-layout file (IOB1/IOB2): P/R/F1 micro and per type (PER/ORG/LOC), tokens/s  [--model PATH]',
  async run(path: string, args: string[]): Promise<Record<string, unknown>> {
    let modelPath = DEFAULT_MODEL;
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--model') {
        const v = args[++i];
        if (!v) throw new Error('--model needs a path');
        modelPath = v;
      } else throw new Error(`unknown option for ner: ${args[i]}`);
    }
    if (!existsSync(path) || !statSync(path).isFile()) throw new Error(`no such file: ${path}`);
    if (!existsSync(modelPath)) throw new Error(`no model at ${modelPath} (train one with npm run train:ner)`);
    const docs = parseConll(readFileSync(path, 'utf8'), path);
    if (docs.length === 0) throw new Error(`${path}: no tokens found (expected CoNLL layout: token ... tag per line)`);
    const iob1 = docs.some((d) => d.sentences.some((s) => isIob1(s.tags)));
    const model = loadNerModel(readFileSync(modelPath));

    // Warm-up (JIT, caches) on the first documents, not timed: the figure is steady-state speed.
    for (const d of docs.slice(0, 5))
      tagDocument(
        model,
        d.sentences.map((s) => s.tokens),
      );

    const gold: string[][] = [];
    const pred: string[][] = [];
    let tokens = 0;
    let ms = 0;
    for (const d of docs) {
      const sents = d.sentences.map((s) => s.tokens);
      const t0 = performance.now();
      const tags = tagDocument(model, sents);
      ms += performance.now() - t0;
      for (let i = 0; i < sents.length; i++) {
        gold.push(toIob2(d.sentences[i]!.tags));
        pred.push(tags[i]!);
        tokens += sents[i]!.length;
      }
    }
    const sc = scoreSpans(gold, pred);
    const rows: (string | number)[][] = SCORED_TYPES.map((t) => {
      const x = sc.perType[t];
      return [t, x.tp + x.fn, x.tp + x.fp, round(x.precision), round(x.recall), round(x.f1)];
    });
    rows.push(['all', sc.tp + sc.fn, sc.tp + sc.fp, round(sc.precision), round(sc.recall), round(sc.f1)]);
    console.log(`${path}: ${docs.length} documents, ${gold.length} sentences, ${tokens} tokens (${iob1 ? 'IOB1, converted' : 'IOB2'}); model ${modelPath}`);
    console.log(table(['type', 'gold', 'predicted', 'precision', 'recall', 'f1'], rows));
    const tokensPerS = tokens / (ms / 1000);
    console.log(`tagging: ${Math.round(tokensPerS)} tokens/s`);
    const perType: Record<string, { precision: number; recall: number; f1: number }> = {};
    for (const t of SCORED_TYPES) {
      const x = sc.perType[t];
      perType[t] = { precision: round(x.precision), recall: round(x.recall), f1: round(x.f1) };
    }
    return {
      precision: round(sc.precision),
      recall: round(sc.recall),
      f1: round(sc.f1),
      per_type: perType,
      tokens_per_s: Math.round(tokensPerS),
    };
  },
};

export default task;

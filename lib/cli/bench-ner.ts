/**
 * `tsx lib/cli/bench-ner.ts [model] [--data FILE]`: NER model load time (median of several loads) and tagging
 * speed in tokens/s (median of several runs over a CoNLL file, default ../shared/data/ner/conll2003/dev.iob2, or
 * over the seed fixture's text when that file is absent). Prints figures; asserts nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseConll } from '../nlp/ner/conll.ts';
import { findMentions, loadNerModel, tagDocument } from '../nlp/ner/index.ts';
import { median } from './eval/task.ts';

const args = process.argv.slice(2);
let modelPath = 'public/models/ner.bin';
let dataPath = '../shared/data/ner/conll2003/dev.iob2';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--data') dataPath = args[++i] ?? dataPath;
  else modelPath = args[i]!;
}
if (!existsSync(modelPath)) {
  console.error(`no model at ${modelPath}`);
  process.exit(1);
}

const bytes = readFileSync(modelPath);
const loads: number[] = [];
let model = loadNerModel(bytes);
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  model = loadNerModel(readFileSync(modelPath));
  loads.push(performance.now() - t0);
}
console.log(`model ${modelPath}: ${(statSync(modelPath).size / 1024 / 1024).toFixed(2)} MB`);
console.log(`load (read + parse): median ${median(loads).toFixed(1)} ms over ${loads.length} (first ${loads[0]!.toFixed(1)} ms)`);

if (existsSync(dataPath)) {
  const docs = parseConll(readFileSync(dataPath, 'utf8'), dataPath).map((d) => d.sentences.map((s) => s.tokens));
  const tokens = docs.reduce((a, d) => a + d.reduce((b, s) => b + s.length, 0), 0);
  const rates: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (const d of docs) tagDocument(model, d);
    rates.push(tokens / ((performance.now() - t0) / 1000));
  }
  console.log(`tagDocument on ${dataPath} (${tokens} tokens): median ${Math.round(median(rates))} tokens/s over ${rates.length} runs`);
}

const seed = 'test/fixtures/seed-text.json';
if (existsSync(seed)) {
  const { paragraphs } = JSON.parse(readFileSync(seed, 'utf8')) as { paragraphs: string[] };
  const times: number[] = [];
  for (let r = 0; r < 20; r++) {
    const t0 = performance.now();
    findMentions(model, paragraphs);
    times.push(performance.now() - t0);
  }
  const chars = paragraphs.reduce((a, p) => a + p.length, 0);
  console.log(`findMentions on the seed article (${chars} chars): median ${median(times).toFixed(2)} ms`);
}

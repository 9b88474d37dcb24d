/**
 * `npx tsx lib/cli/train-words.ts DATA_DIR [--model FILE] [--min-lower N] [--max-name-share X]`
 * (`npm run train:words -- ../shared/data`)
 *
 * Counts how news text writes each word inside a sentence, in lower case or with a capital on its own (see
 * lib/nlp/ordinary-words.ts), in the corpora of DATA_DIR that no evaluation of names reads:
 *   - ner/conll2003/train.iob2 (Reuters, 1996);
 *   - quotes/polnear/train/text/*.txt (US election news, 2016);
 *   - unlabeled/wikinews/*.jsonl (2019–20).
 * and writes the list of ordinary words into the header of the NER model (default public/models/ner.bin),
 * leaving its weights as they are. Deterministic: files are read in sorted order and the list is sorted.
 * `npm run train:ner` keeps the list of the model file it replaces.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseModel, withOrdinaryWords } from '../nlp/ner/model.ts';
import { countCases, emptyCaseCounts, ordinaryWords } from '../nlp/ordinary-words.ts';
import { readNewsCorpora } from './corpora.ts';

function main(argv: string[]): number {
  let dataDir: string | undefined;
  let model = 'public/models/ner.bin';
  let minLower = 3;
  let maxNameShare = 0.05;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--model') model = argv[++i] ?? '';
    else if (a === '--min-lower') minLower = Number(argv[++i]);
    else if (a === '--max-name-share') maxNameShare = Number(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else dataDir = a;
  }
  if (!dataDir) {
    console.error('usage: tsx lib/cli/train-words.ts DATA_DIR [--model FILE] [--min-lower N] [--max-name-share X]');
    return 2;
  }
  if (!model || !existsSync(model)) throw new Error(`--model: no model file at ${model || '(empty)'}`);
  if (!Number.isInteger(minLower) || minLower < 1) throw new Error('--min-lower takes a positive integer');
  if (!(maxNameShare >= 0 && maxNameShare < 1)) throw new Error('--max-name-share takes a number from 0 to below 1');
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new Error(`not a folder: ${dataDir}`);

  const t0 = performance.now();
  const counts = emptyCaseCounts();
  const docs = readNewsCorpora(dataDir, (text) => (countCases(text, counts), true));
  const words = ordinaryWords(counts, { minLower, maxNameShare });
  const before = readFileSync(model);
  const after = withOrdinaryWords(before, words);
  if (parseModel(after).ordinary?.size !== words.length) throw new Error('the rewritten model does not load its list');
  writeFileSync(model, after);
  console.log(
    `${docs} documents, ${counts.lower.size} words seen in lower case, ${words.length} ordinary → ${model} ` +
      `(${before.length} → ${after.length} bytes) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return 0;
}

try {
  process.exit(main(process.argv.slice(2)));
} catch (err) {
  console.error(`train-words: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

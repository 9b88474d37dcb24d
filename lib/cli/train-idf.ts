/**
 * `npx tsx lib/cli/train-idf.ts DATA_DIR [--out FILE] [--max-terms N]`
 *
 * Builds the background document-frequency table for event matching (issue #5) from news corpora in
 * DATA_DIR (the shared data folder) that are not used to evaluate event matching:
 *   - ner/conll2003/train.iob2: Reuters documents, split at -DOCSTART- lines (token = first column);
 *   - quotes/polnear/train/text/*.txt: one article per file;
 *   - unlabeled/wikinews/*.jsonl: one article per line (title + text).
 * A corpus that is missing is skipped with a note; at least one must be present. Terms come from
 * lib/events/terms.ts, the tokeniser fingerprints use. The output (default public/models/idf.json) is
 * deterministic: files are read in sorted order and ties are broken by code point, so a rebuild
 * gives the same bytes.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { readNewsCorpora } from './corpora.ts';
import { buildIdfFile, loadIdfTable } from '../events/idf.ts';
import { terms } from '../events/terms.ts';

const DEFAULT_OUT = 'public/models/idf.json';

function main(argv: string[]): number {
  let dataDir: string | undefined;
  let out = DEFAULT_OUT;
  let maxTerms = 40_000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--out') out = argv[++i] ?? '';
    else if (a === '--max-terms') maxTerms = Number(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else dataDir = a;
  }
  if (!dataDir) {
    console.error('usage: tsx lib/cli/train-idf.ts DATA_DIR [--out FILE] [--max-terms N]');
    return 2;
  }
  if (!out) throw new Error('--out takes a path');
  if (!Number.isInteger(maxTerms) || maxTerms < 1) throw new Error('--max-terms takes a positive integer');
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new Error(`not a folder: ${dataDir}`);

  const t0 = performance.now();
  const dfs = new Map<string, number>();
  const docs = readNewsCorpora(dataDir, (text) => {
    const distinct = new Set(terms(text));
    if (distinct.size === 0) return false;
    for (const t of distinct) dfs.set(t, (dfs.get(t) ?? 0) + 1);
    return true;
  });
  const file = buildIdfFile(docs, dfs, { maxTerms });
  const text = JSON.stringify(file) + '\n';
  loadIdfTable(text); // the file must load
  writeFileSync(out, text);
  const kept = file.terms ? file.terms.split(' ').length : 0;
  console.log(`${docs} documents, ${dfs.size} distinct terms, ${kept} kept → ${out} (${(text.length / 1024).toFixed(1)} KB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

try {
  process.exit(main(process.argv.slice(2)));
} catch (err) {
  console.error(`train-idf: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

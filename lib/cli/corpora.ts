/**
 * Readers of the news corpora in the shared data folder that the training commands count words in
 * (`train-idf.ts`, `train-words.ts`). Each yields one document's text at a time, in sorted file order.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** CoNLL-2003 documents, split at -DOCSTART- lines (token = first column); a sentence ends with a line break. */
export function* conllDocuments(path: string): Generator<string> {
  let words: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      if (words.length) yield words.join(' ');
      words = [];
      continue;
    }
    const tok = line.split(' ')[0];
    if (tok) words.push(tok);
    else if (words.length && words[words.length - 1] !== '\n') words.push('\n'); // a sentence ends
  }
  if (words.length) yield words.join(' ');
}

/** One document per `.txt` file of a folder (PolNeAR's `text/`). */
export function* textFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort())
    yield readFileSync(join(dir, name), 'utf8');
}

/** One document per line of the `.jsonl` files of a folder (title and text; Wikinews). */
export function* jsonlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const o = JSON.parse(line) as { title?: unknown; text?: unknown };
        const text = [o.title, o.text].filter((x): x is string => typeof x === 'string').join('\n');
        if (text) yield text;
      } catch {
        // A malformed line is skipped; the counts below say how many documents were read.
      }
    }
  }
}

/**
 * Reads the news corpora the training commands count words in (CoNLL-2003 train, PolNeAR train, Wikinews; no
 * held-out text, and only Wikinews is also in an evaluation, the events dev stream), one document at a time, in a
 * fixed order. `use` says whether it counted the document.
 * A corpus that is missing is skipped with a note; at least one must be present. Returns the documents counted.
 */
export function readNewsCorpora(dataDir: string, use: (text: string) => boolean): number {
  const corpora: [string, string, (p: string) => Generator<string>, 'file' | 'dir'][] = [
    ['CoNLL-2003 train', join(dataDir, 'ner/conll2003/train.iob2'), conllDocuments, 'file'],
    ['PolNeAR train', join(dataDir, 'quotes/polnear/train/text'), textFiles, 'dir'],
    ['Wikinews', join(dataDir, 'unlabeled/wikinews'), jsonlFiles, 'dir'],
  ];
  let docs = 0;
  for (const [name, path, read, kind] of corpora) {
    const ok = existsSync(path) && (kind === 'file' ? statSync(path).isFile() : statSync(path).isDirectory());
    if (!ok) {
      console.log(`${name}: not found at ${path}, skipped`);
      continue;
    }
    let n = 0;
    for (const text of read(path)) if (use(text)) n++;
    docs += n;
    console.log(`${name}: ${n} documents`);
  }
  if (docs === 0) throw new Error(`no documents found under ${dataDir} (expected ner/conll2003/train.iob2, quotes/polnear/train/text/ or unlabeled/wikinews/)`);
  return docs;
}

/**
 * `npm run eval -- pages <dir> [--dom linkedom|happy-dom] [--verbose]`
 *
 * Runs the article extraction in Node on every `<dir>/NAME/source.html` (Readability's test-corpus
 * layout, read as if served from http://fakehost/test/page.html like Readability's own tests) and
 * compares it with what Readability is known to extract:
 *
 * - title: our title against `expected-metadata.json`'s title, after normalisation (Unicode NFKC,
 *   lower case, quotes/dashes unified, whitespace collapsed).
 * - text similarity: F1 over word multisets (bag-of-words overlap, as ROUGE-1): both texts are cut
 *   into words (runs of letters/digits; every Han/kana character is a word of its own, since those
 *   scripts do not put spaces between words), overlap = Σ_w min(ours(w), expected(w)),
 *   precision = overlap / |ours|, recall = overlap / |expected|, F1 = 2PR / (P + R). Recall < 1
 *   means we lost text Readability finds; precision < 1 means we added text. Word order is not
 *   scored (our paragraphs come out of the same DOM walk, so order is not where errors hide).
 *   Our text = our paragraphs joined; expected text = the text of expected.html, with a space at
 *   every block element boundary so words from adjacent paragraphs do not merge.
 *
 * Pages our gate refuses ("not an article") still count for the similarity: the text Readability
 * produced is scored anyway; `rejected` says how many the gate refused.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readPage } from '../../extract/index';
import { hostName, stripSiteFromTitle } from '../../extract/metadata';
import { domArg, makeParser } from './dom';
import { median, round, table, type EvalTask } from './task';

export const PAGE_URL = 'http://fakehost/test/page.html';

// ---------------------------------------------------------------------------------------------
// Measures

const WORD_RE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[^\s\p{P}\p{S}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/gu;

export function words(s: string): string[] {
  return s.normalize('NFKC').toLowerCase().match(WORD_RE) ?? [];
}

/** F1 over word multisets (see the header comment); 1 when both texts are empty. */
export function bagF1(ours: string[], expected: string[]): { f1: number; precision: number; recall: number } {
  if (!ours.length && !expected.length) return { f1: 1, precision: 1, recall: 1 };
  if (!ours.length || !expected.length) return { f1: 0, precision: ours.length ? 0 : 1, recall: expected.length ? 0 : 1 };
  const counts = new Map<string, number>();
  for (const w of expected) counts.set(w, (counts.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of ours) {
    const c = counts.get(w);
    if (c) {
      overlap++;
      counts.set(w, c - 1);
    }
  }
  const precision = overlap / ours.length;
  const recall = overlap / expected.length;
  const f1 = overlap ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}

export function normaliseTitle(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const BLOCK_TAGS = new Set(
  'address article aside blockquote body br caption dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

/** Text of a node with a space at every block boundary (textContent would glue "a</p><p>b" into "ab"). */
export function spacedText(root: Node): string {
  const out: string[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      out.push(n.nodeValue ?? '');
      continue;
    }
    if (n.nodeType === 1) {
      const tag = (n as Element).localName.toLowerCase();
      if (tag === 'script' || tag === 'style' || tag === 'template') continue;
      if (BLOCK_TAGS.has(tag)) out.push(' ');
    }
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out.join('');
}

// ---------------------------------------------------------------------------------------------

interface Row {
  name: string;
  titleOk: boolean;
  titleOkSansSite: boolean;
  f1: number;
  precision: number;
  recall: number;
  ms: number;
  gate: string;
  error: string;
}

function listPages(dir: string): string[] {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new Error(`No such folder: ${abs}. Pass the pages corpus, e.g. \`npm run eval -- pages ../shared/data/pages\`.`);
  }
  const names = readdirSync(abs)
    .filter((n) => existsSync(join(abs, n, 'source.html')))
    .sort();
  if (!names.length) {
    throw new Error(`${abs} holds no pages: expected sub-folders NAME/ with source.html, expected.html and expected-metadata.json.`);
  }
  return names;
}

const task: EvalTask = {
  describe: 'article extraction on a Readability-style corpus (NAME/source.html, expected.html, expected-metadata.json)',

  async run(path, args) {
    const dom = domArg(args);
    const verbose = args.includes('--verbose');
    const dir = resolve(path);
    const names = listPages(dir);
    const parser = await makeParser(dom);

    const rows: Row[] = [];
    let rejected = 0;
    let gateAgrees = 0;
    let truncated = 0;
    for (const name of names) {
      const row: Row = { name, titleOk: false, titleOkSansSite: false, f1: 0, precision: 0, recall: 0, ms: 0, gate: '', error: '' };
      try {
        const source = readFileSync(join(dir, name, 'source.html'), 'utf8');
        const metaPath = join(dir, name, 'expected-metadata.json');
        const expectedMeta = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as { title?: string | null; siteName?: string | null; readerable?: boolean }) : {};
        const expectedPath = join(dir, name, 'expected.html');
        const expectedHtml = existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8') : '';

        const doc = parser.parse(source, PAGE_URL);
        const t0 = performance.now();
        const { gate, article } = readPage(doc, PAGE_URL, { force: true });
        row.ms = performance.now() - t0;
        parser.release();
        if (article?.truncated) truncated++;
        if (!gate.article) {
          rejected++;
          row.gate = gate.reason ?? 'no';
        } else row.gate = 'article';

        row.titleOk = normaliseTitle(article?.title) === normaliseTitle(expectedMeta.title);
        // We strip " | Site" and " | Author" suffixes on purpose and Readability often keeps them:
        // also compare with the expected title stripped of the same names.
        row.titleOkSansSite =
          row.titleOk ||
          (!!article && normaliseTitle(article.title) === normaliseTitle(stripSiteFromTitle(expectedMeta.title ?? '', [article.publisher, article.aggregator, expectedMeta.siteName, hostName(PAGE_URL), article.byline])));
        if (typeof expectedMeta.readerable === 'boolean' && expectedMeta.readerable === gate.article) gateAgrees++;
        const expDoc = parser.parse(`<!DOCTYPE html><html><body>${expectedHtml}</body></html>`, PAGE_URL);
        const expectedText = spacedText(expDoc.body);
        parser.release();
        const m = bagF1(words((article?.paragraphs ?? []).join('\n')), words(expectedText));
        Object.assign(row, m);
        if (verbose && !row.titleOk) console.log(`${name}: title "${article?.title}" expected "${expectedMeta.title}"`);
      } catch (err) {
        parser.release();
        row.error = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 80) : String(err);
      }
      rows.push(row);
    }

    console.log(
      table(
        ['page', 'title', 'F1', 'P', 'R', 'ms', 'gate', 'error'],
        rows.map((r) => [r.name, r.titleOk ? 'ok' : r.titleOkSansSite ? 'ok~' : '-', round(r.f1, 3), round(r.precision, 3), round(r.recall, 3), round(r.ms, 1), r.gate, r.error]),
      ),
    );
    const ok = rows.filter((r) => !r.error);
    const ms = ok.map((r) => r.ms);
    return {
      dom,
      pages: rows.length,
      errors: rows.length - ok.length,
      rejected,
      truncated,
      title_match: round(rows.filter((r) => r.titleOk).length / rows.length),
      title_match_ignoring_site_suffix: round(rows.filter((r) => r.titleOkSansSite).length / rows.length),
      gate_agrees_with_readerable: round(gateAgrees / rows.length),
      text_similarity_median: round(median(rows.map((r) => r.f1))),
      text_similarity_mean: round(rows.reduce((s, r) => s + r.f1, 0) / rows.length),
      ms_median: round(median(ms), 1),
      ms_max: round(ms.length ? Math.max(...ms) : NaN, 1),
    };
  },
};

export default task;

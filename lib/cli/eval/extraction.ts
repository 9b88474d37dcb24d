/**
 * `npm run eval -- extraction <dir> [--dom linkedom|happy-dom] [--worst N] [--page ID] [--repeat N]`
 *
 * Article extraction against hand-made article bodies (the layout of the article-extraction
 * benchmark: `<dir>/ID/source.html` as served and `<dir>/ID/ground-truth.json` with `url` and
 * `articleBody`). Each page is parsed into a document standing at its `url` and read by the
 * extension's own code path: `readPage` of lib/extract, as `extractArticle` in the content script
 * calls it (gate included: a page it refuses as not an article gives no text). Plain Readability
 * runs on the same document in the same run, as the baseline.
 *
 * The measure (the benchmark's): tokens are the runs of word characters (Python's Unicode `\w`:
 * letters, numbers and "_"; case kept); shingles are runs of 4 tokens (a text of fewer tokens is one
 * shingle); per page, over shingle multisets, tp/fp/fn, precision tp/(tp+fp) and recall tp/(tp+fn)
 * (both 1 when the texts match exactly, empty or not). Precision is averaged over the pages with
 * some output, recall over the pages whose ground truth has text (all of them, in practice: a page
 * refused or left empty counts with recall 0); F1 is the harmonic mean of the two averages.
 * Accuracy is the share of pages whose tokens equal the ground truth's exactly. ms is the time of
 * the extraction alone (the document already parsed), the best of N runs with `--repeat N`.
 *
 * Also printed: the worst pages with the text that was extra and the text that was missing, and
 * the pages not in English (decided from the page's html lang / metadata and its ground-truth text;
 * a page whose language cannot be told is checked too) with our F1 beside Readability's: none may
 * be worse.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { textBlocks } from '../../extract/blocks';
import { readPage } from '../../extract/index';
import { findLang, nameKey, readPageMeta, titleSegments } from '../../extract/metadata';
import { isProbablyEnglish } from '../../nlp/ner';
import type { CleanReport } from '../../extract/clean';
import type { Article } from '../../types';
import { domArg, makeParser } from './dom';
import { median, round, table, type EvalTask } from './task';

// ---------------------------------------------------------------------------------------------
// The measure

/** Python's Unicode `\w`: letters (L*), numbers (N*) and the underscore; combining marks split words. */
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

export const SHINGLE = 4;

/** The shingles of a token list, in order (one shingle of all tokens when there are fewer than `n`). */
export function shingles(toks: string[], n = SHINGLE): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(1, toks.length - n + 1); i++) {
    const s = toks.slice(i, i + n);
    if (s.length) out.push(s.join(' '));
  }
  return out;
}

function counts(xs: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

export interface Match {
  tp: number;
  fp: number;
  fn: number;
}

/** tp/fp/fn over the shingle multisets of the two texts. */
export function shingleMatch(truth: string, pred: string): Match {
  const t = counts(shingles(tokens(truth)));
  const p = counts(shingles(tokens(pred)));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, pc] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [k, tc] of t) fn += Math.max(0, tc - (p.get(k) ?? 0));
  return { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }: Match): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: Match): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const harmonic = (a: number, b: number): number => (a + b > 0 ? (2 * a * b) / (a + b) : 0);

/** The benchmark's averages: precision over pages with output, recall over pages with ground truth. */
export function aggregate(matches: Match[]): { precision: number; recall: number; f1: number } {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(matches.filter((m) => m.tp + m.fp > 0).map(precisionOf));
  const recall = mean(matches.filter((m) => m.tp + m.fn > 0).map(recallOf));
  return { precision, recall, f1: harmonic(precision, recall) };
}

export function sameTokens(truth: string, pred: string): boolean {
  const a = tokens(truth);
  const b = tokens(pred);
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/**
 * The runs of `text`'s tokens that no shingle shared with `other` covers (shingles are matched in
 * reading order, each shingle of `other` at most as often as it occurs there): for `pred` against
 * the truth, what was extra; for the truth against `pred`, what was missing.
 */
export function unmatchedRuns(text: string, other: string): string[] {
  const toks = tokens(text);
  const pool = counts(shingles(tokens(other)));
  const covered = new Array<boolean>(toks.length).fill(false);
  shingles(toks).forEach((s, i) => {
    const c = pool.get(s) ?? 0;
    if (c > 0) {
      pool.set(s, c - 1);
      for (let j = i; j < Math.min(toks.length, i + SHINGLE); j++) covered[j] = true;
    }
  });
  const runs: string[] = [];
  let cur: string[] = [];
  toks.forEach((t, i) => {
    if (covered[i]) {
      if (cur.length) runs.push(cur.join(' '));
      cur = [];
    } else cur.push(t);
  });
  if (cur.length) runs.push(cur.join(' '));
  return runs;
}

// ---------------------------------------------------------------------------------------------
// The two extractors

/**
 * The article's running text, as analysis reads it for claims: its paragraphs, one a line, without
 * the ones marked as captions (which the archive keeps, marked).
 */
export function articleText(article: Article | null): string {
  if (!article) return '';
  const captions = new Set(article.captions ?? []);
  return article.paragraphs.filter((_, i) => !captions.has(i)).join('\n');
}

/** Plain Readability on a copy of the document, its content cut into paragraphs the same way. */
function plainReadability(doc: Document): string {
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability<Node>(clone, { serializer: (n) => n }).parse();
  return parsed?.content ? textBlocks(parsed.content).paragraphs.join('\n') : '';
}

// ---------------------------------------------------------------------------------------------
// Language

interface Language {
  /** "en", or the page's language ("de", "ko"), or "not en" when only the text says it is not English. */
  lang: string;
  english: boolean;
  /** Where the decision came from. */
  from: string;
}

/**
 * The page's declared language (html lang, Content-Language, og:locale, JSON-LD inLanguage) when
 * its text agrees; the text's verdict (the English test the analysis itself uses, on the
 * ground-truth text) when it does not.
 */
function pageLanguage(doc: Document, truth: string): Language {
  const declared = findLang(doc, readPageMeta(doc));
  const primary = declared?.split('-')[0] ?? null;
  // The English test says "English" for any text under 20 words: too short to tell.
  if ((truth.match(/\p{L}+/gu)?.length ?? 0) < 20) {
    return primary ? { lang: primary, english: primary === 'en', from: 'declared (text too short)' } : { lang: '?', english: false, from: 'unknown: checked as not English' };
  }
  // (Mostly letters of another script, CJK, Hangul, Cyrillic, Arabic, ..., is not English, whatever
  // Latin-script names the text quotes: `isProbablyEnglish` checks that too.)
  const textEnglish = isProbablyEnglish(truth.split(/\n+/));
  if (primary && (primary === 'en') === textEnglish) return { lang: primary, english: textEnglish, from: 'declared, text agrees' };
  if (primary) return { lang: textEnglish ? 'en' : 'not en', english: textEnglish, from: `text (declared ${declared})` };
  return { lang: textEnglish ? 'en' : 'not en', english: textEnglish, from: 'text (none declared)' };
}

// ---------------------------------------------------------------------------------------------

interface Row {
  id: string;
  url: string;
  truth: string;
  ours: string;
  base: string;
  match: Match;
  baseMatch: Match;
  ms: number;
  baseMs: number;
  gate: string;
  cleaning: CleanReport;
  language: Language | null;
  /** The metadata of the article we extracted (null when the gate refused the page). */
  meta: Pick<Article, 'publisher' | 'published' | 'byline' | 'title'> | null;
  error: string;
}

/** A publisher name written as a host, a handle or a slug ("cleveland", "usatoday", "@politifact", "https://…"), not as a name. */
export const unwrittenName = (s: string): boolean => /^(?:https?:)?\/\/|^@/i.test(s) || (/[a-z]/.test(s) && !/\p{Lu}/u.test(s));

function listPages(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`No such folder: ${dir}. Pass the extraction corpus, e.g. \`npm run eval -- extraction ../shared/data/extraction\`.`);
  }
  const ids = readdirSync(dir)
    .filter((n) => existsSync(join(dir, n, 'source.html')) && existsSync(join(dir, n, 'ground-truth.json')))
    .sort();
  if (!ids.length) throw new Error(`${dir} holds no pages: expected sub-folders ID/ with source.html and ground-truth.json.`);
  return ids;
}

const pageF1 = (m: Match): number => harmonic(precisionOf(m), recallOf(m));

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The unmatched runs, longest first, clipped to a readable line. */
function describeRuns(runs: string[], max = 6): string {
  const sorted = [...runs].sort((a, b) => b.length - a.length);
  const shown = sorted.slice(0, max).map((r) => `«${clip(r, 90)}»`);
  const words = runs.reduce((n, r) => n + r.split(' ').length, 0);
  return runs.length ? `${words} words in ${runs.length} run(s): ${shown.join(' ')}${runs.length > max ? ' …' : ''}` : '-';
}

const task: EvalTask = {
  describe: 'article text against hand-made bodies (ID/source.html + ground-truth.json): shingle P/R/F1, Readability beside',

  async run(path, args) {
    const dom = domArg(args);
    const worst = args.includes('--worst') ? Number(args[args.indexOf('--worst') + 1]) : 12;
    const only = args.includes('--page') ? args[args.indexOf('--page') + 1] : null;
    const repeat = args.includes('--repeat') ? Math.max(1, Number(args[args.indexOf('--repeat') + 1]) || 1) : 1;
    const dir = resolve(path);
    const ids = listPages(dir).filter((id) => !only || id.startsWith(only));
    const parser = await makeParser(dom);

    const rows: Row[] = [];
    for (const id of ids) {
      const empty: Match = { tp: 0, fp: 0, fn: 0 };
      const row: Row = { id, url: '', truth: '', ours: '', base: '', match: empty, baseMatch: empty, ms: 0, baseMs: 0, gate: '', cleaning: {}, language: null, meta: null, error: '' };
      try {
        const gt = JSON.parse(readFileSync(join(dir, id, 'ground-truth.json'), 'utf8')) as { url?: unknown; articleBody?: unknown };
        if (typeof gt.url !== 'string' || typeof gt.articleBody !== 'string') throw new Error('ground-truth.json needs "url" and "articleBody" strings');
        row.url = gt.url;
        row.truth = gt.articleBody;
        const source = readFileSync(join(dir, id, 'source.html'), 'utf8');

        const doc = parser.parse(source, row.url);
        row.language = pageLanguage(doc, row.truth);
        // Timed as the best of `repeat` runs each, interleaved, so that a busy machine weighs on both alike.
        row.ms = Infinity;
        row.baseMs = Infinity;
        for (let i = 0; i < repeat; i++) {
          const t0 = performance.now();
          const { gate, article, cleaning } = readPage(doc, row.url);
          row.ms = Math.min(row.ms, performance.now() - t0);
          row.cleaning = cleaning ?? {};
          row.gate = gate.article ? 'article' : (gate.reason ?? 'no');
          row.ours = gate.article ? articleText(article) : '';
          row.meta = gate.article && article ? { publisher: article.publisher, published: article.published, byline: article.byline, title: article.title } : null;
          const t1 = performance.now();
          row.base = plainReadability(doc);
          row.baseMs = Math.min(row.baseMs, performance.now() - t1);
        }
        parser.release();
      } catch (err) {
        parser.release();
        row.error = err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 100) : String(err);
        row.ours = '';
      }
      row.match = shingleMatch(row.truth, row.ours);
      row.baseMatch = shingleMatch(row.truth, row.base);
      rows.push(row);
    }

    console.log(
      table(
        ['page', 'lang', 'P', 'R', 'F1', 'Readability F1', 'ms', 'gate', 'error'],
        rows.map((r) => [
          r.id.slice(0, 10),
          r.language?.lang ?? '?',
          round(precisionOf(r.match), 3),
          round(recallOf(r.match), 3),
          round(pageF1(r.match), 3),
          round(pageF1(r.baseMatch), 3),
          round(r.ms, 1),
          r.gate,
          r.error,
        ]),
      ),
    );

    const byF1 = [...rows].sort((a, b) => pageF1(a.match) - pageF1(b.match)).slice(0, worst);
    console.log(`\nWorst ${byF1.length} pages (extra: our text the ground truth lacks; missing: ground truth we lost)`);
    for (const r of byF1) {
      console.log(
        `\n${r.id.slice(0, 10)}  ${r.url}\n  P ${round(precisionOf(r.match), 3)}  R ${round(recallOf(r.match), 3)}  F1 ${round(pageF1(r.match), 3)}  (Readability ${round(pageF1(r.baseMatch), 3)})${r.error ? `  ERROR ${r.error}` : ''}`,
      );
      console.log(`  extra:   ${describeRuns(unmatchedRuns(r.ours, r.truth))}`);
      console.log(`  missing: ${describeRuns(unmatchedRuns(r.truth, r.ours))}`);
    }

    const others = rows.filter((r) => r.language && !r.language.english);
    const worse = others.filter((r) => pageF1(r.match) < pageF1(r.baseMatch) - 1e-9);
    console.log(`\nPages not in English (${others.length}): our F1 against Readability's; none may be worse`);
    console.log(
      table(
        ['page', 'lang', 'decided from', 'F1', 'Readability F1', 'verdict'],
        others.map((r) => [r.id.slice(0, 10), r.language!.lang, r.language!.from, round(pageF1(r.match), 3), round(pageF1(r.baseMatch), 3), worse.includes(r) ? 'WORSE' : 'ok']),
      ),
    );

    if (repeat > 1) console.log(`\n(ms: best of ${repeat} runs a page)`);
    const kinds = new Map<string, { pages: number; elements: number }>();
    for (const r of rows) {
      for (const [k, n] of Object.entries(r.cleaning)) {
        const c = kinds.get(k) ?? { pages: 0, elements: 0 };
        c.pages++;
        c.elements += n ?? 0;
        kinds.set(k, c);
      }
    }
    console.log('\nClutter removed (captions: marked, not removed), by kind');
    console.log(
      table(
        ['kind', 'pages', 'elements'],
        [...kinds].sort((a, b) => b[1].pages - a[1].pages).map(([k, c]) => [k, c.pages, c.elements]),
      ),
    );

    const ok = rows.filter((r) => !r.error);
    const ms = ok.map((r) => r.ms);
    const ours = aggregate(rows.map((r) => r.match));
    const base = aggregate(rows.map((r) => r.baseMatch));
    const accuracy = rows.filter((r) => sameTokens(r.truth, r.ours)).length / rows.length;
    const baseAccuracy = rows.filter((r) => sameTokens(r.truth, r.base)).length / rows.length;
    const baseMs = ok.map((r) => r.baseMs);
    console.log(
      `\n${table(
        ['', 'precision', 'recall', 'F1', 'accuracy', 'ms median', 'ms max'],
        [
          ['Backstory', round(ours.precision), round(ours.recall), round(ours.f1), round(accuracy), round(median(ms), 1), round(Math.max(0, ...ms), 1)],
          ['Readability', round(base.precision), round(base.recall), round(base.f1), round(baseAccuracy), round(median(baseMs), 1), round(Math.max(0, ...baseMs), 1)],
        ],
      )}`,
    );

    // Metadata (no gold here: counts). A date and a publisher on every page that has them, the
    // publisher written as a name, no byline that repeats it, no author left in the title.
    const metas = rows.flatMap((r) => (r.meta ? [r.meta] : []));
    const meta = {
      with_date: metas.filter((m) => m.published).length,
      with_publisher: metas.filter((m) => m.publisher).length,
      publisher_unwritten: metas.filter((m) => m.publisher && unwrittenName(m.publisher)).length,
      byline_is_publisher: metas.filter((m) => m.byline && m.publisher && nameKey(m.byline) === nameKey(m.publisher)).length,
      author_in_title: metas.filter(
        (m) =>
          m.byline &&
          titleSegments(m.title)
            .slice(1)
            .some((t) => nameKey(t) === nameKey(m.byline!)),
      ).length,
    };
    console.log(`\nMetadata on the ${metas.length} pages read as articles: ${JSON.stringify(meta)}`);
    for (const r of rows)
      if (r.meta && (!r.meta.published || !r.meta.publisher || unwrittenName(r.meta.publisher)))
        console.log(`  ${r.id.slice(0, 10)} ${r.url.slice(0, 70)}: publisher ${r.meta.publisher}, date ${r.meta.published}`);

    return {
      pages: rows.length,
      errors: rows.length - ok.length,
      rejected: ok.filter((r) => r.gate !== 'article').length,
      precision: round(ours.precision),
      recall: round(ours.recall),
      f1: round(ours.f1),
      accuracy: round(accuracy),
      ms_median: round(median(ms), 1),
      ms_max: round(Math.max(0, ...ms), 1),
      non_english: others.length,
      non_english_worse: worse.length,
      ...meta,
      readability: { precision: round(base.precision), recall: round(base.recall), f1: round(base.f1), accuracy: round(baseAccuracy), ms_median: round(median(baseMs), 1) },
      dom,
    };
  },
};

export default task;

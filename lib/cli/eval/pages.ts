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
import { normaliseDate } from '../../extract/date';
import { hostName, nameKey, stripSiteFromTitle, titleSegments } from '../../extract/metadata';
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
  /** Metadata checks: null where expected-metadata.json does not say. */
  publisherOk: boolean | null;
  dateOk: boolean | null;
  hasDate: boolean;
  hasPublisher: boolean;
  authorInTitle: boolean;
  bylineIsPublisher: boolean;
  titleOk: boolean;
  titleOkSansSite: boolean;
  f1: number;
  precision: number;
  recall: number;
  ms: number;
  gate: string;
  error: string;
}

interface ExpectedMeta {
  title?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  byline?: string | null;
  readerable?: boolean;
}

/**
 * The metadata checks against expected-metadata.json (Readability's own output for the page):
 * - publisher: ours names the site Readability names, compared by `nameKey` (case, spaces,
 *   punctuation and a leading "The" do not count), against its whole site name or its first
 *   segment ("Mozilla Hacks – the Web developer blog": we drop the tagline on purpose);
 * - date: ours states the same calendar date as the expected time read in its own offset, and
 *   the same instant (within a minute) when both carry a time and the expected one an offset;
 * - no author in the title: no segment of our title is our byline or the expected byline;
 * - no byline that only repeats the publisher.
 */
export function metadataChecks(
  article: { title: string; byline: string | null; publisher: string | null; published: string | null } | null,
  expected: ExpectedMeta,
): Pick<Row, 'publisherOk' | 'dateOk' | 'hasDate' | 'hasPublisher' | 'authorInTitle' | 'bylineIsPublisher'> {
  const site = expected.siteName?.trim();
  const ours = article?.publisher ? nameKey(article.publisher) : '';
  const publisherOk = site ? !!ours && (ours === nameKey(site) || ours === nameKey(titleSegments(site)[0] ?? '')) : null;
  const want = normaliseDate(expected.publishedTime);
  const got = article?.published ?? null;
  let dateOk: boolean | null = want ? !!got && got.slice(0, 10) === want.slice(0, 10) : null;
  if (dateOk && want!.length > 10 && got!.length > 10 && /[+-]\d{2}:?\d{2}$|Z$/.test(expected.publishedTime!.trim())) {
    dateOk = Math.abs(Date.parse(got!) - Date.parse(want!)) <= 60_000;
  }
  const names = [article?.byline, expected.byline?.replace(/^\s*by\s+/i, '')].filter((n): n is string => !!n && n.trim().length > 2).map(nameKey);
  const segments = titleSegments(article?.title ?? '')
    .slice(1)
    .map(nameKey);
  return {
    publisherOk,
    dateOk,
    hasDate: !!got,
    hasPublisher: !!article?.publisher,
    authorInTitle: segments.some((s) => names.includes(s)),
    bylineIsPublisher: !!article?.byline && !!ours && nameKey(article.byline) === ours,
  };
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
      const row: Row = {
        name,
        publisherOk: null,
        dateOk: null,
        hasDate: false,
        hasPublisher: false,
        authorInTitle: false,
        bylineIsPublisher: false,
        titleOk: false,
        titleOkSansSite: false,
        f1: 0,
        precision: 0,
        recall: 0,
        ms: 0,
        gate: '',
        error: '',
      };
      try {
        const source = readFileSync(join(dir, name, 'source.html'), 'utf8');
        const metaPath = join(dir, name, 'expected-metadata.json');
        const expectedMeta = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as ExpectedMeta) : {};
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
          (!!article &&
            normaliseTitle(article.title) ===
              normaliseTitle(stripSiteFromTitle(expectedMeta.title ?? '', [article.publisher, article.aggregator, expectedMeta.siteName, hostName(PAGE_URL), article.byline])));
        Object.assign(row, metadataChecks(article, expectedMeta));
        if (verbose && (row.publisherOk === false || row.dateOk === false)) {
          console.log(`${name}: publisher "${article?.publisher}" expected "${expectedMeta.siteName}"; date ${article?.published} expected ${expectedMeta.publishedTime}`);
        }
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
        ['page', 'title', 'publisher', 'date', 'F1', 'P', 'R', 'ms', 'gate', 'error'],
        rows.map((r) => [
          r.name,
          r.titleOk ? 'ok' : r.titleOkSansSite ? 'ok~' : '-',
          r.publisherOk === null ? '' : r.publisherOk ? 'ok' : '-',
          r.dateOk === null ? (r.hasDate ? '(has)' : '') : r.dateOk ? 'ok' : '-',
          round(r.f1, 3),
          round(r.precision, 3),
          round(r.recall, 3),
          round(r.ms, 1),
          r.gate,
          r.error,
        ]),
      ),
    );
    const ok = rows.filter((r) => !r.error);
    const ms = ok.map((r) => r.ms);
    const withSite = rows.filter((r) => r.publisherOk !== null);
    const withDate = rows.filter((r) => r.dateOk !== null);
    return {
      dom,
      pages: rows.length,
      errors: rows.length - ok.length,
      rejected,
      truncated,
      title_match: round(rows.filter((r) => r.titleOk).length / rows.length),
      title_match_ignoring_site_suffix: round(rows.filter((r) => r.titleOkSansSite).length / rows.length),
      // Metadata (see metadataChecks): counts of pages.
      publisher_expected: withSite.length,
      publisher_right: withSite.filter((r) => r.publisherOk).length,
      date_expected: withDate.length,
      date_right: withDate.filter((r) => r.dateOk).length,
      with_date: rows.filter((r) => r.hasDate).length,
      with_publisher: rows.filter((r) => r.hasPublisher).length,
      author_in_title: rows.filter((r) => r.authorInTitle).length,
      byline_is_publisher: rows.filter((r) => r.bylineIsPublisher).length,
      gate_agrees_with_readerable: round(gateAgrees / rows.length),
      text_similarity_median: round(median(rows.map((r) => r.f1))),
      text_similarity_mean: round(rows.reduce((s, r) => s + r.f1, 0) / rows.length),
      ms_median: round(median(ms), 1),
      ms_max: round(ms.length ? Math.max(...ms) : NaN, 1),
    };
  },
};

export default task;

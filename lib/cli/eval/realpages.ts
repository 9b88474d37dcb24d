/**
 * `npm run eval -- realpages DIR [--data DATA] [--verbose] [--force] [--dom linkedom|happy-dom]`
 *
 * Actors, quotes, flags and claim density on real news pages with hand-made gold, scored as
 * ../shared/data/realpages/GUIDE.md defines them (lib/cli/eval/realpages-score.ts has the scores and
 * every reading of the guide this evaluation makes).
 *
 * Input, one of:
 * - DIR assembled: `DIR/NAME/source.html` (the page as served) and `DIR/NAME/gold.json`;
 * - `DIR --data DATA`: DIR is a folder of gold files `NAME.json` whose `"source"` field
 *   ("extraction/<ID>", "pages/<name>") names the folder of DATA holding the page's source.html
 *   (the project's own set: `npm run eval -- realpages test/realpages/gold --data ../shared/data`).
 *
 * Each page goes through the extension's own code, as in the browser: the HTML is parsed (linkedom,
 * as the `pages` evaluation does) as if served from the gold `url` (http://fakehost/test/page.html
 * when the gold has none), `readPage` extracts the article behind the same gate as the content
 * script's `extractArticle`, and `createAnalyser` (lib/background/analyser.ts) with the shipped
 * models in public/models finds the actors and claims. A page the gate refuses shows the reader
 * nothing, so it is scored with no actors and no claims (and no words); `--force` analyses the
 * text anyway, for diagnosis. A page that throws (unreadable gold, missing source, a bug) counts in
 * `errors`, is listed with its error and is left out of the figures.
 *
 * Figures pool counts over the scored pages (micro-averages): precision = Σ real / Σ listed, and so
 * on; splits per page = Σ splits / scored pages; claims per 1,000 words = 1000 · Σ claims / Σ words
 * of the extracted articles. A figure whose denominator is 0 is null in the JSON.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createAnalyser, type Analyse } from '../../background/analyser.ts';
import { readPage } from '../../extract/index.ts';
import type { Article } from '../../types.ts';
import { makeParser, type DomName } from './dom.ts';
import { PAGE_URL } from './pages.ts';
import { listAssembled, listGoldFolder, parseGold, type PageInput, type RealPageGold } from './realpages-gold.ts';
import { addCounts, containsWords, emptyCounts, figures, scorePage, textWords, type ListedActor, type PageCounts, type ScoredClaim } from './realpages-score.ts';
import { median, round, table, type EvalTask } from './task.ts';

const MODELS = new URL('../../../public/models/', import.meta.url);

/** The analyser the extension's background builds, with the model files read from disk. */
export function nodeAnalyser(): Analyse {
  return createAnalyser({
    ner: async () => {
      const buf = readFileSync(fileURLToPath(new URL('ner.bin', MODELS)));
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    },
    claims: async () => JSON.parse(readFileSync(fileURLToPath(new URL('claims.json', MODELS)), 'utf8')) as unknown,
  });
}

/** The address a page is read at: its gold `url` when there is one, else the Readability test corpus's. */
export function pageUrlFor(gold: Pick<RealPageGold, 'url' | 'page'>): string {
  if (gold.url === null) return PAGE_URL;
  let u: URL;
  try {
    u = new URL(gold.url);
  } catch {
    throw new Error(`gold "url" is not an address: ${JSON.stringify(gold.url)}`);
  }
  return u.href;
}

interface PageRow {
  name: string;
  /** "article", the gate's reason for refusing, or "" on error. */
  read: string;
  error: string;
  counts: PageCounts;
  ms: number;
  details: string[];
}

const MAX_LISTED = 10;
const clip = (s: string, n = 140): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function listed<T>(title: string, items: T[], show: (x: T) => string): string[] {
  if (!items.length) return [];
  const out = [`  ${title} (${items.length}):`];
  for (const x of items.slice(0, MAX_LISTED)) out.push(`    ${show(x)}`);
  if (items.length > MAX_LISTED) out.push(`    … ${items.length - MAX_LISTED} more`);
  return out;
}

/** The worst errors of one page, for --verbose: most-mentioned first where there are mentions. */
function describeErrors(gold: RealPageGold, article: Article | null, scored: ReturnType<typeof scorePage>): string[] {
  const textW = textWords((article?.paragraphs ?? []).join('\n'));
  const inText = (s: string) => containsWords(textW, textWords(s));
  const occurrences = (forms: string[]) => {
    let best = 0;
    for (const f of forms) {
      const w = textWords(f);
      if (!w.length) continue;
      let n = 0;
      for (let i = 0; i + w.length <= textW.length; i++) if (w.every((x, j) => textW[i + j] === x)) n++;
      best = Math.max(best, n);
    }
    return best;
  };
  const act = (a: ListedActor) => `"${a.name}" ${a.type} ×${a.mentions}`;
  const { actors, quotes, flags } = scored;
  const byMentions = (a: { actor: ListedActor }, b: { actor: ListedActor }) => b.actor.mentions - a.actor.mentions;
  const falseActors = actors.matches.filter((m) => m.gold === null).sort(byMentions);
  const wrongTypes = actors.matches.filter((m) => m.gold !== null && !m.typed).sort(byMentions);
  const missed = actors.missed.map((g) => ({ g, n: occurrences([g.name, ...g.aliases]) })).sort((a, b) => b.n - a.n);
  const missedQuotes = quotes.results.filter((r) => !r.claims.length);
  const wrongSpeakers = quotes.results.filter((r) => r.claims.length && !r.right);
  const speakers = (cs: ScoredClaim[]) => [...new Set(cs.map((c) => c.speaker ?? '(none)'))].map((s) => `"${s}"`).join(', ');
  return [
    ...listed('false actors', falseActors, (m) => act(m.actor)),
    ...listed('wrong types', wrongTypes, (m) => `${act(m.actor)}, gold ${gold.actors[m.gold!]!.type} "${gold.actors[m.gold!]!.name}"`),
    ...listed('splits', actors.splitGroups, (s) => `${s.gold.type} "${s.gold.name}": ${s.actors.map(act).join(', ')}`),
    ...listed('missed actors', missed, ({ g, n }) => `${g.type} "${g.name}" (${n ? `${n}× in the extracted text` : 'not in the extracted text'})`),
    ...listed('missed quotes', missedQuotes, (r) => `"${clip(r.quote.text)}" (${r.quote.speaker ?? 'no speaker'})${inText(r.quote.text) ? '' : ', not in the extracted text'}`),
    ...listed('wrong speakers', wrongSpeakers, (r) => `"${clip(r.quote.text, 80)}": gold "${r.quote.speaker ?? '(none)'}", got ${speakers(r.claims)}`),
    ...listed('false flags', flags.falseFlags, (c) => `"${clip(c.text)}"${c.signals?.length ? ` [${c.signals.map((s) => s.words).join('; ')}]` : ''}`),
    ...listed('missed flags', flags.missed, (f) => `"${clip(f)}"${inText(f) ? '' : ', not in the extracted text'}`),
  ];
}

const show = (x: number, digits = 3): string | number => (Number.isNaN(x) ? '-' : round(x, digits));
const frac = (n: number, d: number): string => (d ? `${n}/${d}` : '-');

function rowCells(name: string, read: string, c: PageCounts, pages: number, ms: number | string, error: string): (string | number)[] {
  const f = figures(c, pages);
  return [
    name,
    read,
    c.words,
    c.actors.listed,
    show(f.actor_precision),
    show(f.actor_precision_typed),
    show(f.actor_recall),
    c.actors.splits,
    show(f.top8_precision_typed),
    frac(c.quotes.found, c.quotes.quotes),
    frac(c.quotes.right, c.quotes.quotes),
    frac(c.flags.flaggedRight, c.flags.flagged),
    frac(c.flags.fragmentsFound, c.flags.fragments),
    show(f.claims_per_1000_words, 1),
    typeof ms === 'number' ? round(ms, 0) : ms,
    error,
  ];
}

const HEADER = ['page', 'read', 'words', 'actors', 'P', 'P typed', 'R', 'splits', 'top8 typed', 'quotes found', 'speaker right', 'flags right', 'frags flagged', 'claims/1k', 'ms', 'error'];

interface Options {
  data: string | null;
  verbose: boolean;
  force: boolean;
  dom: DomName;
}

function parseArgs(args: string[]): Options {
  const o: Options = { data: null, verbose: false, force: false, dom: 'linkedom' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--verbose') o.verbose = true;
    else if (a === '--force') o.force = true;
    else if (a === '--data') {
      const v = args[++i];
      if (!v) throw new Error('--data needs the data folder the gold files\' "source" fields point into (e.g. ../shared/data)');
      o.data = v;
    } else if (a === '--dom') {
      const v = args[++i];
      if (v !== 'linkedom' && v !== 'happy-dom') throw new Error(`--dom takes linkedom or happy-dom, not "${v}"`);
      o.dom = v;
    } else throw new Error(`unknown option for realpages: ${a} (options: --data DATA, --verbose, --force, --dom linkedom|happy-dom)`);
  }
  return o;
}

const task: EvalTask = {
  describe:
    'real news pages with gold (GUIDE.md): DIR/NAME/{source.html,gold.json}, or gold NAME.json files with --data DATA; ' +
    "actor, quote, flag and density scores through the extension's readPage + analyser; counts pooled over pages, each listed actor " +
    'credited to one gold actor, pages the article gate refuses show nothing (readings: lib/cli/eval/realpages-score.ts)  [--verbose] [--force] [--dom happy-dom]',

  async run(path, args) {
    const opts = parseArgs(args);
    const inputs: PageInput[] = opts.data ? listGoldFolder(path, opts.data) : listAssembled(path);
    const parser = await makeParser(opts.dom);
    const analyse = nodeAnalyser();

    const rows: PageRow[] = [];
    for (const input of inputs) {
      const row: PageRow = { name: input.name, read: '', error: '', counts: emptyCounts(), ms: 0, details: [] };
      try {
        const gold = parseGold(JSON.parse(readFileSync(input.goldPath, 'utf8')) as unknown, input.name);
        if (!input.sourcePath) throw new Error(input.problem ?? 'no source.html');
        const url = pageUrlFor(gold);
        const html = readFileSync(input.sourcePath, 'utf8');
        const doc = parser.parse(html, url);
        let reading: ReturnType<typeof readPage>;
        const t0 = performance.now();
        try {
          reading = readPage(doc, url, { force: opts.force });
        } finally {
          parser.release();
        }
        const { gate, article } = reading;
        row.read = gate.article ? 'article' : `refused: ${gate.reason ?? 'not-article'}`;
        const shown = article && (gate.article || opts.force) ? article : null;
        let actors: ListedActor[] = [];
        let claims: ScoredClaim[] = [];
        let modelMs = 0;
        if (shown) {
          const analysis = await analyse(shown);
          actors = analysis.actors;
          claims = analysis.claims ?? [];
          modelMs = analysis.timings.model ?? 0;
        }
        row.ms = performance.now() - t0 - modelMs;
        const scored = scorePage(gold, { actors, claims, words: shown?.wordCount ?? 0 });
        row.counts = scored.counts;
        if (opts.verbose) row.details = describeErrors(gold, shown, scored);
      } catch (err) {
        row.error = err instanceof Error ? err.message : String(err);
      }
      rows.push(row);
    }

    const ok = rows.filter((r) => !r.error);
    const total = ok.reduce((acc, r) => addCounts(acc, r.counts), emptyCounts());
    if (opts.verbose) {
      for (const r of rows) {
        if (r.error) console.log(`${r.name}: ERROR ${r.error}`);
        else if (r.details.length) console.log(`${r.name}:\n${r.details.join('\n')}`);
        else console.log(`${r.name}: no errors`);
      }
      console.log('');
    }
    console.log(
      table(HEADER, [
        ...rows.map((r) => (r.error ? [r.name, '', '', '', '', '', '', '', '', '', '', '', '', '', '', clip(r.error, 100)] : rowCells(r.name, r.read, r.counts, 1, r.ms, ''))),
        rowCells(`all (${ok.length} pages)`, '', total, ok.length, median(ok.map((r) => r.ms)), ''),
      ]),
    );
    const f = figures(total, ok.length);
    const a = total.actors;
    console.log(
      `actors: ${a.real}/${a.listed} listed are real, ${a.typed} with the right type (type accuracy ${show(f.actor_type_accuracy)}); ` +
        `${a.recalled}/${a.gold} gold actors found; ${a.splits} splits; top 8 typed ${a.top8Typed}/${a.top8}`,
    );
    console.log(
      `quotes: ${total.quotes.found}/${total.quotes.quotes} found, ${total.quotes.right} with the right speaker; ` +
        `flags: ${total.flags.flaggedRight}/${total.flags.flagged} flagged claims hold a gold fragment, ${total.flags.fragmentsFound}/${total.flags.fragments} fragments flagged; ` +
        `${total.claims} claims in ${total.words} words`,
    );
    const refused = ok.filter((r) => r.read !== 'article');
    if (refused.length)
      console.log(`${refused.length} page(s) refused by the article gate${opts.force ? ' (analysed anyway: --force)' : ', scored as showing nothing'}: ${refused.map((r) => r.name).join(', ')}`);
    const errors = rows.filter((r) => r.error);
    if (errors.length) console.log(`${errors.length} page(s) could not be scored: ${errors.map((r) => `${r.name} (${r.error})`).join('; ')}`);
    console.log(`extraction + analysis: median ${round(median(ok.map((r) => r.ms)), 0)} ms per page, counts pooled over pages (micro-averages)`);

    /** Rounded; a figure with nothing to divide by is null (JSON has no NaN). */
    const r4 = (x: number): number | null => (Number.isNaN(x) ? null : round(x));
    return {
      pages: rows.length,
      errors: errors.length,
      actor_precision: r4(f.actor_precision),
      actor_precision_typed: r4(f.actor_precision_typed),
      actor_type_accuracy: r4(f.actor_type_accuracy),
      actor_recall: r4(f.actor_recall),
      actor_splits_per_page: r4(f.actor_splits_per_page),
      top8_precision_typed: r4(f.top8_precision_typed),
      quote_found: r4(f.quote_found),
      quote_speaker_accuracy: r4(f.quote_speaker_accuracy),
      flag_precision: r4(f.flag_precision),
      flag_recall: r4(f.flag_recall),
      claims_per_1000_words: r4(f.claims_per_1000_words),
    };
  },
};

export default task;

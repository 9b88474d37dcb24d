/**
 * `npx tsx lib/cli/bench-scale/precision.ts [ARTICLES=10000] [LOOKUPS=200] [MODEL.json] [--rank keys|idf] [--max N]`: the scale
 * bench's same-event precision and recall in Node, without a browser (issue #19): the generated
 * stream of the scale bench (seed 1) in an in-memory source, then lookups for new articles of its
 * events through `findEarlierCoverage`. Prints precision, recall and the first wrong matches with
 * their signals. Its timings are not the extension's (no IndexedDB): use `npm run bench -- scale`.
 */
import { readFileSync } from 'node:fs';
import { computeFingerprint, documentTerms, findEarlierCoverage, LayeredIdf, loadIdfTable, MemoryCandidateSource, type MatchModel } from '../../events/index.ts';
import { ArticleStream } from './generate.ts';
import { rng } from '../../nlp/claims/logreg.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
// The first-stage ranking and the candidates read (FindOptions.rank, maxCandidates), to compare them.
const rank = flag('--rank') as 'keys' | 'idf' | undefined;
const max = flag('--max');
const n = Number(args[0] ?? 10000);
const runs = Number(args[1] ?? 200);
const modelPath = args[2];
const model = modelPath ? (JSON.parse(readFileSync(modelPath, 'utf8')) as MatchModel) : undefined;
const base = loadIdfTable(readFileSync('public/models/idf.json', 'utf8'));
const idf = new LayeredIdf(base);
const stream = new ArticleStream(1);
const src = new MemoryCandidateSource();
const eventOf = new Map<number, number>();
const input = (a: { title: string; paragraphs: string[]; published: string | null }) => ({ title: a.title, paragraphs: a.paragraphs, published: a.published });
const gens = [];
for (let i = 0; i < n; i++) gens.push(stream.next());
for (const g of gens) idf.add(documentTerms(input(g.article)));
gens.forEach((g, i) => {
  src.add(i, computeFingerprint(input(g.article), g.analysis.actors, idf));
  eventOf.set(i, g.event);
});
const r = rng(12345);
let same = 0,
  right = 0,
  saved = 0,
  ms = 0;
const wrong: string[] = [];
for (let k = 0; k < runs; k++) {
  const g = stream.fresh(r);
  const fp = computeFingerprint(input(g.article), g.analysis.actors, idf);
  const t0 = performance.now();
  const found = await findEarlierCoverage(fp, src, {
    idf,
    ...(model ? { model } : {}),
    ...(rank ? { rank } : {}),
    ...(max ? { maxCandidates: Number(max) } : {}),
  });
  ms += performance.now() - t0;
  const s = found.filter((c) => c.tier === 'same');
  same += s.length;
  const ok = s.filter((c) => eventOf.get(c.id as number) === g.event).length;
  right += ok;
  saved += stream.savedOf(g.event);
  for (const c of s)
    if (eventOf.get(c.id as number) !== g.event && wrong.length < 6) {
      const o = gens[c.id as number]!;
      wrong.push(
        `${g.article.published?.slice(0, 10)} ${g.article.title} || ${o.article.published?.slice(0, 10)} ${o.article.title} ${JSON.stringify(
          Object.fromEntries(
            Object.entries(c.features)
              .filter(([, v]) => v)
              .map(([k, v]) => [k, Math.round(v * 100) / 100]),
          ),
        )}`,
      );
    }
}
console.log(
  JSON.stringify({
    n,
    runs,
    rank: rank ?? 'default',
    maxCandidates: max ? Number(max) : 'default',
    precision: right / Math.max(1, same),
    recall: right / Math.max(1, saved),
    same,
    right,
    saved,
    msPerLookup: ms / runs,
  }),
);
for (const w of wrong) console.log('  wrong:', w);

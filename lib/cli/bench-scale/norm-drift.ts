/**
 * `npx tsx lib/cli/bench-scale/norm-drift.ts [ARTICLES]` (default 30,000)
 *
 * How far the norms a fingerprint keeps (made when it was saved, under the IDF table of the archive
 * as it was then) are from its norms under the table once every article is saved: the generated
 * stream of the scale bench, saved one by one into a growing table, in Node. A lookup takes a
 * candidate's norms as stored (lib/events/match.ts, `prepare`); this says what that costs.
 */
import { readFileSync } from 'node:fs';
import { computeFingerprint, documentTerms, LayeredIdf, loadIdfTable, prepare, type Fingerprint } from '../../events/index.ts';
import { ArticleStream } from './generate.ts';

const n = Number(process.argv[2] ?? 30_000);
const idf = new LayeredIdf(loadIdfTable(readFileSync(new URL('../../../public/models/idf.json', import.meta.url), 'utf8')));
const stream = new ArticleStream(1);
const fps: Fingerprint[] = [];
for (let i = 0; i < n; i++) {
  const { article, analysis } = stream.next();
  const input = { title: article.title, paragraphs: article.paragraphs, published: article.published };
  idf.add(documentTerms(input));
  fps.push(computeFingerprint(input, analysis.actors, idf));
}
const ratio = (stored: number | undefined, now: number) => (now > 0 ? (stored ?? 0) / now : 1);
const terms = fps.map((fp) => ratio(fp.norm, prepare(fp, idf, undefined, true).norm));
const heads = fps.map((fp) => ratio(fp.headNorm, prepare(fp, idf, undefined, true).headNorm));
const at = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!.toFixed(3);
const line = (xs: number[]) => `p1 ${at(xs, 0.01)}, p10 ${at(xs, 0.1)}, median ${at(xs, 0.5)}, p90 ${at(xs, 0.9)}, p99 ${at(xs, 0.99)}`;
console.log(`${n.toLocaleString('en')} articles; stored norm over the norm under the final table:`);
console.log(`  terms: ${line(terms)}; the first 1,000 saved: median ${at(terms.slice(0, 1000), 0.5)}`);
console.log(`  headline and lede: ${line(heads)}`);

/**
 * `npm run eval -- claim-match DIR [--collection FILE] [--model FILE] [--worst N] [--vectors FILE]`
 *
 * Verified-claim retrieval, CLEF 2020 CheckThat! task 2: each tweet of DIR/tweets.tsv is a query,
 * the fact-checked claims of DIR/../verified_claims.tsv (or --collection) are ranked for it by the
 * claim matcher the extension uses (lib/claims-memory/match.ts with public/models/claim-match.json
 * or --model), and DIR/qrels.tsv is the gold. Reports MAP@5 (the official measure), MRR (over the
 * matcher's re-ranked candidates; a relevant claim outside them counts 0) and recall@5, and, in the
 * same run, plain BM25 over claim and title (k1 1.2, b 0.75) as the baseline; then the worst
 * queries with what was ranked first and what matched. --vectors FILE gives a model fitted with
 * word vectors (train:claim-match --vectors) the same vectors.
 */
import { ClaimIndex } from '../../claims-memory/index';
import { ClaimMatcher, loadMatchModel, type MatchExplanation, type MatchModel } from '../../claims-memory/match';
import { PlainBm25 } from '../../claims-memory/baseline';
import { collectionPath, loadCollection, loadSplit, loadVectors } from '../../claims-memory/data';
import { averagePrecisionAt, firstRelevantRank, mean, recallAt, reciprocalRank } from '../../claims-memory/metrics';
import { readJson } from '../files';
import { round, table, type EvalTask } from './task';

const DEFAULT_MODEL = 'public/models/claim-match.json';

function loadModel(path: string): MatchModel {
  return loadMatchModel(readJson(path, 'model file'));
}

/** One line of readable text: control characters and runs of space folded, cut at `max`. */
function line(s: string, max = 160): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it folds away
  const t = s.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

export function describeMatch(e: MatchExplanation): string {
  const parts: string[] = [];
  const names = e.terms.filter((t) => t.kind === 'name').map((t) => t.claim);
  const words = e.terms.filter((t) => t.kind !== 'name').map((t) => (t.query.toLowerCase() === t.claim.toLowerCase() ? t.claim : `${t.query}~${t.claim}`));
  if (names.length) parts.push(`names: ${names.slice(0, 6).join(', ')}`);
  if (words.length) parts.push(`words: ${words.slice(0, 8).join(', ')}`);
  if (e.related.length)
    parts.push(
      `related: ${e.related
        .slice(0, 4)
        .map((t) => `${t.query}≈${t.claim}`)
        .join(', ')}`,
    );
  if (e.context.length) parts.push(`author/speaker: ${e.context.slice(0, 4).join(', ')}`);
  if (e.numbers.length) parts.push(`numbers: ${e.numbers.join(', ')}`);
  if (e.phrases.length)
    parts.push(
      `phrases: ${e.phrases
        .slice(0, 4)
        .map((p) => `"${p}"`)
        .join(', ')}`,
    );
  if (e.numbersDiffer) parts.push(`numbers differ: claim ${e.numbersDiffer.claim.join(', ')} vs ${e.numbersDiffer.query.join(', ')}`);
  return parts.join('; ') || 'nothing';
}

const task: EvalTask = {
  describe: 'verified-claim retrieval (CLEF 2020 task 2 split dir): MAP@5, MRR, R@5 of the claim matcher vs BM25 [--collection FILE] [--model FILE] [--worst N] [--vectors FILE]',
  async run(path, args) {
    let collection = '';
    let modelPath = DEFAULT_MODEL;
    let worst = 5;
    let vectorsPath = '';
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--collection') collection = args[++i] ?? '';
      else if (a === '--model') modelPath = args[++i] ?? '';
      else if (a === '--worst') worst = Number(args[++i]);
      else if (a === '--vectors') vectorsPath = args[++i] ?? '';
      else throw new Error(`unknown option for claim-match: ${a}`);
    }
    if (!collection) collection = collectionPath(path);
    if (!modelPath) throw new Error('--model takes a path');
    if (!(worst >= 0)) throw new Error('--worst takes a number >= 0');

    const claims = loadCollection(collection);
    const byId = new Map(claims.map((c) => [c.id, c]));
    const { queries, unjudged } = loadSplit(path);
    const model = loadModel(modelPath);

    let t0 = performance.now();
    const index = new ClaimIndex(claims);
    const indexMs = performance.now() - t0;
    const vectors = vectorsPath ? loadVectors(vectorsPath) : null;
    if (!vectors && model.features.some((f) => f === 'vec_cos' || f === 'soft_cover' || f === 'soft_query'))
      throw new Error(`${modelPath} was fitted with word vectors: give them with --vectors FILE`);
    const matcher = new ClaimMatcher(index, model, vectors);
    const baseline = new PlainBm25(claims.map((c) => ({ id: c.id, text: `${c.text} ${c.title}` })));

    const m = { ap: [] as number[], rr: [] as number[], r5: [] as number[] };
    const b = { ap: [] as number[], rr: [] as number[], r5: [] as number[] };
    const perQuery: { i: number; ap: number; rank: number | null; top: string; explanation: MatchExplanation | null }[] = [];
    let matcherMs = 0;
    let baselineMs = 0;
    queries.forEach((q, i) => {
      t0 = performance.now();
      const results = matcher.rank(q.query, model.candidates);
      matcherMs += performance.now() - t0;
      const ranked = results.map((r) => r.id);
      const ap = averagePrecisionAt(ranked, q.relevant, 5);
      m.ap.push(ap);
      m.rr.push(reciprocalRank(ranked, q.relevant));
      m.r5.push(recallAt(ranked, q.relevant, 5));
      perQuery.push({ i, ap, rank: firstRelevantRank(ranked, q.relevant), top: ranked[0] ?? '', explanation: results[0]?.explanation ?? null });

      t0 = performance.now();
      const base = baseline.rank(q.text, model.candidates);
      baselineMs += performance.now() - t0;
      b.ap.push(averagePrecisionAt(base, q.relevant, 5));
      b.rr.push(reciprocalRank(base, q.relevant));
      b.r5.push(recallAt(base, q.relevant, 5));
    });
    const n = queries.length;
    const figures = {
      queries: n,
      map5: round(mean(m.ap)),
      mrr: round(mean(m.rr)),
      recall5: round(mean(m.r5)),
      baseline_map5: round(mean(b.ap)),
      ms_per_query: round(matcherMs / n, 3),
      map5_gain: round(mean(m.ap) - mean(b.ap)),
      baseline_mrr: round(mean(b.rr)),
      baseline_recall5: round(mean(b.r5)),
      baseline_ms_per_query: round(baselineMs / n, 3),
      index_ms: round(indexMs, 1),
      claims: claims.length,
    };

    console.log(
      `${path}: ${n} queries${unjudged ? ` (${unjudged} tweets without judgements skipped)` : ''}; ${claims.length} claims from ${collection}; model ${modelPath} (${model.candidates} candidates re-ranked, ${model.features.length} features)`,
    );
    console.log(`index built in ${figures.index_ms} ms\n`);
    console.log(
      table(
        ['ranker', 'MAP@5', 'MRR', 'R@5', 'ms/query'],
        [
          ['claim matcher', figures.map5, figures.mrr, figures.recall5, figures.ms_per_query],
          ['BM25 (claim + title)', figures.baseline_map5, figures.baseline_mrr, figures.baseline_recall5, figures.baseline_ms_per_query],
        ],
      ),
    );
    const hist = [1, 2, 3, 4, 5].map((r) => perQuery.filter((p) => p.rank === r).length);
    const later = perQuery.filter((p) => p.rank !== null && p.rank > 5).length;
    const missing = perQuery.filter((p) => p.rank === null).length;
    console.log(`\nfirst relevant claim at rank 1..5: ${hist.join(' / ')}; later: ${later}; not among the candidates: ${missing}`);

    if (worst > 0) {
      const bad = perQuery
        .filter((p) => p.ap < 1)
        .sort((x, y) => x.ap - y.ap || (y.rank ?? 1e9) - (x.rank ?? 1e9) || x.i - y.i)
        .slice(0, worst);
      console.log(`\nworst ${bad.length} queries:`);
      for (const p of bad) {
        const q = queries[p.i]!;
        console.log(`\n- tweet ${q.id} (AP@5 ${round(p.ap)}, relevant at ${p.rank ?? '-'}): ${line(q.text)}`);
        for (const id of q.relevant) console.log(`  gold  ${id}: ${line(byId.get(id)?.text ?? '?')}`);
        const top = byId.get(p.top);
        console.log(`  first ${p.top}: ${line(top?.text ?? '?')}`);
        if (p.explanation) console.log(`  matched: ${describeMatch(p.explanation)}`);
      }
    }
    return figures;
  },
};

export default task;

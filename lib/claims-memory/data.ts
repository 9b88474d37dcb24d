/**
 * Loading a CLEF 2020 claim-retrieval split (tweets.tsv and qrels.tsv in DIR, the collection in
 * DIR/../verified_claims.tsv unless given) for the eval and the training command. Node only.
 */
import { dirname, join } from 'node:path';
import { parseQrels, parseTweets, parseVerifiedClaims, tweetQuery, type VerifiedClaim } from './clef';
import type { LabelledQuery } from './train';
import { MapVectors } from './vectors';
import { readText } from '../cli/files';

export function collectionPath(dir: string): string {
  return join(dirname(dir.replace(/\/+$/, '')), 'verified_claims.tsv');
}

export function loadCollection(path: string): VerifiedClaim[] {
  const claims = parseVerifiedClaims(readText(path, 'verified claims'), path);
  if (!claims.length) throw new Error(`${path}: no claims`);
  return claims;
}

/** The split's tweets that have relevance judgements, as queries; tweets without any are counted apart. */
export function loadSplit(dir: string): { queries: (LabelledQuery & { text: string })[]; unjudged: number } {
  const tweets = parseTweets(readText(join(dir, 'tweets.tsv'), 'tweets file'), join(dir, 'tweets.tsv'));
  const qrels = parseQrels(readText(join(dir, 'qrels.tsv'), 'qrels file'));
  if (!tweets.length) throw new Error(`${dir}/tweets.tsv: no tweets`);
  const queries: (LabelledQuery & { text: string })[] = [];
  let unjudged = 0;
  for (const t of tweets) {
    const relevant = qrels.get(t.id);
    if (!relevant?.size) {
      unjudged++;
      continue;
    }
    queries.push({ id: t.id, text: t.text, query: tweetQuery(t.text), relevant });
  }
  return { queries, unjudged };
}

/** Word vectors from a JSON object `{ "word": [numbers…], … }` (an experiment: the shipped model uses none). */
export function loadVectors(path: string): MapVectors {
  let data: unknown;
  try {
    data = JSON.parse(readText(path, 'vectors file'));
  } catch (err) {
    throw err instanceof SyntaxError ? new Error(`vectors file ${path} is not valid JSON`) : err;
  }
  const obj = (data as { vectors?: unknown })?.vectors ?? data;
  if (!obj || typeof obj !== 'object') throw new Error(`vectors file ${path}: expected an object of word → number array`);
  const entries = Object.entries(obj as Record<string, unknown>).filter((e): e is [string, number[]] => Array.isArray(e[1]) && e[1].every((x) => typeof x === 'number'));
  const v = new MapVectors(entries);
  if (!v.size) throw new Error(`vectors file ${path}: no vectors`);
  return v;
}

/**
 * `npx tsx lib/cli/events-spread.ts IN.jsonl OUT.jsonl [--days N=7] [--seed S=1]`
 *
 * A robustness check for the dated matcher, not a dev set: gives an undated events file (ECB+)
 * made-up publication dates, so that `npm run eval -- events OUT.jsonl` runs it in date order with
 * a growing archive. Each event gets a day in 2015, and each of its reports that day plus
 * ⌊u₁·u₂·(N+1)⌋ days (u uniform: most on the first days, a few up to N days later). Real reports of
 * one happening spread like this over days or weeks; how far is what the check varies. The dates
 * are invented, so the texts' own dates ("on Tuesday") do not agree with them, and an event's
 * other-event twin in its topic falls anywhere in the year: it measures how recall holds as an
 * event's reports spread, not precision on real streams.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rng } from '../nlp/claims/logreg.ts';

const MS_DAY = 86_400_000;
const START = Date.UTC(2015, 0, 1);

/** The documents with made-up dates (ISO days), oldest first; ties keep the input order. */
export function spreadDates<T extends { cluster: string }>(docs: readonly T[], days: number, seed: number): (T & { date: string })[] {
  const r = rng(seed);
  const first = new Map<string, number>();
  const out = docs.map((d, i) => {
    let day = first.get(d.cluster);
    if (day === undefined) first.set(d.cluster, (day = Math.floor(r() * 365)));
    const at = day + Math.floor(r() * r() * (days + 1));
    return { doc: { ...d, date: new Date(START + at * MS_DAY).toISOString().slice(0, 10) }, i };
  });
  return out.sort((a, b) => a.doc.date.localeCompare(b.doc.date) || a.i - b.i).map((x) => x.doc);
}

function main(argv: string[]): void {
  const flag = (name: string, dflt: number): number => {
    const i = argv.indexOf(name);
    if (i < 0) return dflt;
    const v = Number(argv.splice(i, 2)[1]);
    if (!Number.isInteger(v) || v < 0) throw new Error(`${name}: give a whole number of days or a seed.`);
    return v;
  };
  const days = flag('--days', 7);
  const seed = flag('--seed', 1);
  const [input, output] = argv;
  if (!input || !output) throw new Error('usage: events-spread.ts IN.jsonl OUT.jsonl [--days N] [--seed S]');
  const docs = readFileSync(input, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, n) => {
      const d = JSON.parse(l) as { cluster?: unknown };
      if (typeof d.cluster !== 'string') throw new Error(`${input}: line ${n + 1} has no cluster`);
      return d as { cluster: string };
    });
  const dated = spreadDates(docs, days, seed);
  writeFileSync(output, dated.map((d) => JSON.stringify(d)).join('\n') + '\n');
  console.log(`${dated.length} documents in ${new Set(docs.map((d) => d.cluster)).size} events, spread over up to ${days} days → ${output}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) main(process.argv.slice(2));

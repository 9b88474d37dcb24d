/**
 * The upgrades between the archive's schema versions (declared in lib/archive/db.ts, oldest first)
 * and the meta rows of a new database. Each upgrade fills what its version adds from the rows
 * already there, with the same functions a save uses (derived.ts, terms.ts).
 */
import type { Transaction } from 'dexie';
import { claimStatus } from '../claim-status';
import type { SavedArticle } from '../types';
import { articleDate, FILL, memoryRow, searchWords, statementRows, TOTALS } from './derived';
import { POSTINGS, snapshotChunks, TERM_SNAPSHOT, type ClaimRow, type MemoryRow, type MetaRow, type SearchRow, type StatementRow, type TermLogRow } from './rows';

/** The meta rows of a database created at the current version: zero totals, an empty snapshot, posting lists that hold every (no) article. */
export function initialMeta(): MetaRow[] {
  return [
    { key: TOTALS, articles: 0, bytes: 0 },
    { key: TERM_SNAPSHOT, seq: 0 },
    { key: POSTINGS, seq: 0, built: null },
  ];
}

export async function upgradeTo3(tx: Transaction): Promise<void> {
  const df = new Map<string, number>();
  let articles = 0;
  let bytes = 0;
  const search: SearchRow[] = [];
  const statements: StatementRow[] = [];
  await tx
    .table('articles')
    .toCollection()
    .modify((r: SavedArticle) => {
      r.tags ??= [];
      r.date = articleDate(r);
      articles++;
      bytes += r.bytes ?? 0;
      const words = searchWords(r);
      for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
      search.push({ id: r.id!, words });
      statements.push(...statementRows(r as SavedArticle & { id: number }));
    });
  await tx.table('search').bulkPut(search);
  await tx.table('statements').bulkPut(statements);
  await tx.table('terms').bulkPut([...df].map(([term, n]) => ({ term, n })));
  await tx.table('meta').put({ key: TOTALS, articles, bytes });
  if (articles > 0) await tx.table('meta').put({ key: FILL });
}

export async function upgradeTo4(tx: Transaction): Promise<void> {
  const df = new Map<string, number>();
  await tx
    .table('search')
    .toCollection()
    .each((r: SearchRow) => {
      for (const w of r.words) df.set(w, (df.get(w) ?? 0) + 1);
    });
  await tx.table('termCounts').bulkPut(snapshotChunks(df));
  await tx.table('meta').put({ key: TERM_SNAPSHOT, seq: 0 });
}

export async function upgradeTo5(tx: Transaction): Promise<void> {
  const [articles, last] = await Promise.all([tx.table('search').count(), tx.table('termLog').orderBy(':id').last() as Promise<TermLogRow | undefined>]);
  // Log rows up to here name no articles; the posting lists are built from the search rows instead.
  await tx.table('meta').put({ key: POSTINGS, seq: last?.seq ?? 0, built: articles > 0 ? 0 : null });
}

/**
 * Statements gain their claim's status and note (from the claim's row in `claims`, which every
 * claim with a status has); `memory` is filled from the two tables, by article, with the function
 * a save uses (`memoryRow`).
 */
export async function upgradeTo7(tx: Transaction): Promise<void> {
  const claims = new Map<string, ClaimRow>();
  const rowsOf = new Map<number, ClaimRow[]>();
  await tx
    .table('claims')
    .toCollection()
    .each((r: ClaimRow) => {
      claims.set(r.key, r);
      const l = rowsOf.get(r.articleId);
      if (l) l.push(r);
      else rowsOf.set(r.articleId, [r]);
    });
  const saidOf = new Map<number, StatementRow[]>();
  await tx
    .table('statements')
    .toCollection()
    .modify((s: StatementRow) => {
      const c = claims.get(s.key)?.claim;
      s.claimStatus = c ? claimStatus(c) : null;
      s.note = c?.review?.note || null;
      const l = saidOf.get(s.articleId);
      if (l) l.push({ ...s });
      else saidOf.set(s.articleId, [{ ...s }]);
    });
  const out: MemoryRow[] = [];
  for (const id of new Set([...saidOf.keys(), ...rowsOf.keys()])) {
    const row = memoryRow(saidOf.get(id) ?? [], rowsOf.get(id) ?? []);
    if (row) out.push(row);
  }
  await tx.table('memory').bulkPut(out);
}

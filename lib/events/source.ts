/**
 * Where candidates come from (issue #5). The archive stores one record per saved article with its
 * fingerprint; `keys` is a multi-entry index, so looking up a few keys gives a small candidate set
 * instead of a scan of the whole archive.
 *
 * A Dexie implementation stores, per article, `{ id, day, keys, fingerprint }` with the schema
 * `'++id, day, *keys'`, and answers `byKeys` with one query per key, newest first:
 *   db.table.where('keys').equals(key).reverse().limit(limitPerKey).primaryKeys()
 * (ids grow with time, so descending primary keys within one index key are the newest articles),
 * and `get` with `bulkGet(ids)`, dropping missing records.
 */
import type { Fingerprint } from './fingerprint.ts';

export type FingerprintId = number | string;

export interface StoredFingerprint {
  id: FingerprintId;
  fingerprint: Fingerprint;
}

/** One index key's hits: its newest ids (newest first, at most the limit asked for) and how many stored fingerprints have the key. */
export interface KeyHits {
  ids: FingerprintId[];
  total: number;
}

export interface CandidateSource {
  /**
   * For each key, up to `limitPerKey` ids of stored fingerprints whose `keys` contain it (newest
   * first). The result is the concatenation over keys: an id appears once per key it matches, and
   * callers count those repeats.
   */
  byKeys(keys: string[], limitPerKey: number): Promise<FingerprintId[]>;
  /**
   * For each key (in the order given), its hits as `byKeys` finds them and the length of its whole
   * list, which weighs the key (a key few articles have says more than one thousands have); and how
   * many fingerprints the source holds. One read of the index for all the keys.
   */
  keyHits(keys: readonly string[], limitPerKey: number): Promise<{ hits: KeyHits[]; size: number }>;
  /** The stored fingerprints for these ids, in any order; unknown ids are left out. */
  get(ids: FingerprintId[]): Promise<StoredFingerprint[]>;
}

/** An in-memory source: a posting list per key. Used by the eval and the tests. */
export class MemoryCandidateSource implements CandidateSource {
  private readonly postings = new Map<string, FingerprintId[]>();
  private readonly records = new Map<FingerprintId, StoredFingerprint>();

  /** Adds (or replaces) a fingerprint. Later additions count as newer. */
  add(id: FingerprintId, fingerprint: Fingerprint): void {
    if (this.records.has(id)) this.delete(id);
    this.records.set(id, { id, fingerprint });
    for (const k of new Set(fingerprint.keys)) {
      let list = this.postings.get(k);
      if (!list) this.postings.set(k, (list = []));
      list.push(id);
    }
  }

  delete(id: FingerprintId): void {
    const rec = this.records.get(id);
    if (!rec) return;
    this.records.delete(id);
    for (const k of new Set(rec.fingerprint.keys)) {
      const list = this.postings.get(k);
      if (!list) continue;
      const i = list.indexOf(id);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.postings.delete(k);
    }
  }

  get size(): number {
    return this.records.size;
  }

  async byKeys(keys: string[], limitPerKey: number): Promise<FingerprintId[]> {
    return (await this.keyHits([...new Set(keys)], limitPerKey)).hits.flatMap((h) => h.ids);
  }

  async keyHits(keys: readonly string[], limitPerKey: number): Promise<{ hits: KeyHits[]; size: number }> {
    const hits = keys.map((k): KeyHits => {
      const list = this.postings.get(k) ?? [];
      const ids: FingerprintId[] = [];
      for (let i = list.length - 1, n = 0; i >= 0 && n < limitPerKey; i--, n++) ids.push(list[i]!);
      return { ids, total: list.length };
    });
    return { hits, size: this.records.size };
  }

  async get(ids: FingerprintId[]): Promise<StoredFingerprint[]> {
    const out: StoredFingerprint[] = [];
    for (const id of ids) {
      const r = this.records.get(id);
      if (r) out.push(r);
    }
    return out;
  }
}

/**
 * Archive records as the sync documents that carry them, and back. A document's body is sealed
 * (lib/sync/crypto.ts); what the server stores of an article is its opaque id, its revision and two
 * base64 strings. Deletions travel as CouchDB deletions whose body is the sealed URL, so that a
 * device can find the record to delete without knowing the id's origin.
 */
import { checkRecord, RecordError } from '../archive/schema';
import type { SavedArticle } from '../types';
import { articleId, open, seal, type Sealed, type SyncKeys } from './crypto';

/** The body of a document as CouchDB stores it. */
export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  v?: number;
  iv?: string;
  ct?: string;
}

/** What a document says, once opened: an article's record, or that the article at `url` was deleted. */
export type Incoming = { url: string; record: SavedArticle } | { url: string; record: null };

/** A record without what is local to one device: its id (each archive numbers its own) and its size (always recomputed). */
export type Payload = Omit<SavedArticle, 'id' | 'bytes'>;

export function payloadOf(r: SavedArticle): Payload {
  const { id: _id, bytes: _bytes, ...rest } = r;
  return rest;
}

/** JSON with the keys of every object sorted: equal records give equal text whatever order their keys were written in. */
export function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    return v;
  });
}

export const sameContent = (a: SavedArticle, b: SavedArticle) => canonical(payloadOf(a)) === canonical(payloadOf(b));

interface Plain {
  v: 1;
  url: string;
  /** The record; absent in a deletion. */
  record?: Payload;
  deletedAt?: number;
}

/** The document for a record (a new revision is made by giving `_rev`). */
export async function articleDoc(keys: SyncKeys, r: SavedArticle): Promise<SyncDoc> {
  const _id = await articleId(keys, r.url);
  const plain: Plain = { v: 1, url: r.url, record: payloadOf(r) };
  return { _id, v: 1, ...(await seal(keys, _id, JSON.stringify(plain))) };
}

/** The deletion of the article at `url`, as a document body. */
export async function deletionDoc(keys: SyncKeys, url: string, at: number): Promise<SyncDoc> {
  const _id = await articleId(keys, url);
  const plain: Plain = { v: 1, url, deletedAt: at };
  return { _id, _deleted: true, v: 1, ...(await seal(keys, _id, JSON.stringify(plain))) };
}

/** A document that cannot be used, with the reason in words. */
export class UnreadableDoc extends Error {}

/**
 * What a document says. Throws UnreadableDoc when it cannot be opened with these keys (it was
 * changed on the server, or written with another passphrase) or its record does not fit the
 * archive's schema; a deletion without a body yields `url: null` (the caller looks the id up).
 */
export async function readDoc(keys: SyncKeys, doc: SyncDoc): Promise<Incoming | { url: null; record: null }> {
  if (typeof doc.iv !== 'string' || typeof doc.ct !== 'string') {
    if (doc._deleted) return { url: null, record: null };
    throw new UnreadableDoc('An article on the sync server has no encrypted content.');
  }
  const text = await open(keys, doc._id, { iv: doc.iv, ct: doc.ct } satisfies Sealed);
  if (text === null) throw new UnreadableDoc('An article on the sync server cannot be decrypted with this passphrase: it was changed on the server, or written by another archive.');
  let plain: Plain;
  try {
    plain = JSON.parse(text) as Plain;
  } catch {
    throw new UnreadableDoc('An article on the sync server is damaged.');
  }
  if (typeof plain?.url !== 'string') throw new UnreadableDoc('An article on the sync server is damaged (it has no address).');
  // The id must be the one this URL gives: a document cannot stand in for another article.
  if ((await articleId(keys, plain.url)) !== doc._id) throw new UnreadableDoc('An article on the sync server is stored under the wrong id.');
  if (doc._deleted || !plain.record) return { url: plain.url, record: null };
  try {
    const record = checkRecord(plain.record, 'An article from the sync server');
    if (record.url !== plain.url) throw new UnreadableDoc('An article on the sync server is damaged (its addresses disagree).');
    delete record.id;
    return { url: plain.url, record };
  } catch (err) {
    if (err instanceof RecordError) throw new UnreadableDoc(err.message);
    throw err;
  }
}

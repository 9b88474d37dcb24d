/**
 * PouchDB as the extension uses it: pouchdb-core with the IndexedDB adapter (the local database of
 * sealed documents), the HTTP adapter (the reader's CouchDB) and replication; nothing else (no
 * map/reduce, no find). Imported by the background only: the content script must never carry it.
 */
import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { PouchDatabase, PouchFactory } from './engine';

const Pouch = PouchDB.plugin(idb).plugin(http).plugin(replication);

/** A local name opens an IndexedDB database; an http(s) address, a server's database. */
export const openPouch: PouchFactory = (nameOrUrl, opts = {}) => new Pouch(nameOrUrl, { adapter: /^https?:\/\//.test(nameOrUrl) ? 'http' : 'idb', ...opts }) as PouchDatabase;

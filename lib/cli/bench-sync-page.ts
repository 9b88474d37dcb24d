/**
 * The browser sync bench's page (bundled by bench-sync-browser.ts with esbuild, served from
 * 127.0.0.1 on the same origin as the test CouchDB it forwards to, driven by Playwright): one device
 * of sync as the extension runs it, with the archive (Dexie) and the local PouchDB (PouchDB's
 * IndexedDB adapter, lib/sync/pouch.ts) on the browser's real IndexedDB. Only small figures cross
 * `page.evaluate`.
 */
import { saveMany } from '../archive/articles';
import { ArchiveDB } from '../archive/db';
import { connect, SyncEngine, type ServerConfig } from '../sync/engine';
import { openPouch } from '../sync/pouch';
import { payloadOf } from '../sync/records';
import { ArticleStream } from './bench-scale/generate';

export interface SyncPageApi {
  /** Opens this device's archive and joins (or creates) the archive on the server. */
  start(server: ServerConfig, passphrase: string, seed: number): Promise<void>;
  /** Saves `n` generated articles (the archive's own `saveMany`); returns ms and the plain record bytes. */
  fill(n: number): Promise<{ ms: number; plainBytes: number }>;
  /** One sync cycle; ms, the error if any, the articles in the archive after it. */
  cycle(): Promise<{ ms: number; lastError: string | null; articles: number }>;
  /** Saves one more generated article; returns its URL. */
  saveOne(): Promise<string>;
  has(url: string): Promise<boolean>;
  /** `navigator.storage.estimate()` usage, bytes. */
  usage(): Promise<number | null>;
}

let db: ArchiveDB;
let engine: SyncEngine;
let stream: ArticleStream;
let clock = Date.UTC(2025, 0, 1);

const api: SyncPageApi = {
  async start(server, passphrase, seed) {
    db = new ArchiveDB('backstory-bench-sync');
    await db.open();
    stream = new ArticleStream(seed);
    const joined = await connect(openPouch, server, passphrase);
    engine = new SyncEngine({ db, Pouch: openPouch, server, joined, localName: 'backstory-bench-sync-pouch' });
  },
  async fill(n) {
    const t = performance.now();
    let plainBytes = 0;
    for (let done = 0; done < n;) {
      const batch = Array.from({ length: Math.min(500, n - done) }, () => stream.next()).map((g) => ({ article: g.article, analysis: g.analysis }));
      await saveMany(db, batch, (clock += 1000));
      done += batch.length;
    }
    await db.articles.each((r) => void (plainBytes += new TextEncoder().encode(JSON.stringify(payloadOf(r))).length));
    return { ms: performance.now() - t, plainBytes };
  },
  async cycle() {
    const t = performance.now();
    const st = await engine.syncOnce();
    return { ms: performance.now() - t, lastError: st.lastError, articles: await db.articles.count() };
  },
  async saveOne() {
    const g = stream.next();
    await saveMany(db, [{ article: g.article, analysis: g.analysis }], (clock += 1000));
    return g.article.url;
  },
  async has(url) {
    return (await db.articles.where('url').equals(url).count()) > 0;
  },
  async usage() {
    return (await navigator.storage?.estimate?.())?.usage ?? null;
  },
};

(window as unknown as { syncBench: SyncPageApi }).syncBench = api;

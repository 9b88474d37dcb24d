/**
 * `npm run bench -- sync [--sizes 1000,10000] [--runs 15]`
 *
 * Sync (issue #23) in Node, against express-pouchdb on 127.0.0.1 (test/sync-server.ts), with two
 * archives on fake-indexeddb and in-memory local PouchDBs: the first sync of N generated articles
 * (lib/cli/bench-scale/generate.ts) from one device to the server and from the server to an empty
 * second device (time, bytes on the wire, bytes the server stores per article), then the delay of
 * one cycle on each side for a single new save (median of `--runs`). The browser's IndexedDB
 * adapters are faster or slower than these; the figures say what the protocol and the
 * encryption cost, not the browser.
 */
import 'fake-indexeddb/auto';
import { PerformanceObserver } from 'node:perf_hooks';
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { saveMany } from '../archive/articles';
import { ArchiveDB } from '../archive/db';
import { connect, SyncEngine, type PouchDatabase, type PouchFactory } from '../sync/engine';
import { payloadOf } from '../sync/records';
import { startCouch } from '../../test/sync-server';
import { ArticleStream } from './bench-scale/generate';
import { median, round, table } from './eval/task';

const Pouch = (PouchDB.plugin(memory) as typeof PouchDB).plugin(http).plugin(replication);
const openPouch: PouchFactory = (name, opts = {}) => new Pouch(name, { adapter: /^https?:\/\//.test(name) ? 'http' : 'memory', ...opts }) as PouchDatabase;
const AUTH = { username: 'bench', password: 'bench' };

/** Milliseconds the garbage collector has taken since the bench started (Node's gc performance entries). */
let gcMs = 0;
const gcWatch = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});

/** CPU time of this process (all threads) and GC time since `start`: on a shared machine, wall time says more about the others' load. */
function cpuSince(start: { cpu: NodeJS.CpuUsage; gc: number }): { cpuMs: number; gcMs: number } {
  const d = process.cpuUsage(start.cpu);
  return { cpuMs: (d.user + d.system) / 1000, gcMs: gcMs - start.gc };
}
const cpuNow = () => ({ cpu: process.cpuUsage(), gc: gcMs });

async function one(size: number, runs: number, k: number): Promise<Record<string, number>> {
  const couch = await startCouch(AUTH);
  try {
    const server = { url: `${couch.origin}/bench-${size}`, ...AUTH };
    const stream = new ArticleStream(1);
    const a = new ArchiveDB(`bench-sync-a-${k}`);
    const b = new ArchiveDB(`bench-sync-b-${k}`);
    for (let done = 0; done < size;) {
      const batch = Array.from({ length: Math.min(500, size - done) }, () => stream.next()).map((g) => ({ article: g.article, analysis: g.analysis }));
      await saveMany(a, batch, 1_700_000_000_000 + done);
      done += batch.length;
    }
    let plainBytes = 0;
    await a.articles.each((r) => void (plainBytes += Buffer.byteLength(JSON.stringify(payloadOf(r)))));
    const ja = await connect(openPouch, server, 'bench passphrase');
    const jb = await connect(openPouch, server, 'bench passphrase');
    const ea = new SyncEngine({ db: a, Pouch: openPouch, server, joined: ja, localName: `bench-pa-${k}` });
    const eb = new SyncEngine({ db: b, Pouch: openPouch, server, joined: jb, localName: `bench-pb-${k}` });
    let t = performance.now();
    const up = await ea.syncOnce();
    const upMs = performance.now() - t;
    if (up.lastError) throw new Error(up.lastError);
    const before = couch.traffic();
    t = performance.now();
    const c0 = cpuNow();
    const down = await eb.syncOnce();
    const downMs = performance.now() - t;
    const downCpu = cpuSince(c0);
    const heapMb = process.memoryUsage().heapUsed / 1e6;
    if (down.lastError) throw new Error(down.lastError);
    const after = couch.traffic();
    const got = await b.articles.count();
    if (got !== size) throw new Error(`The second device has ${got} articles, not ${size}.`);
    const wire = after.sent - before.sent + (after.received - before.received);
    const stored = Buffer.byteLength(await couch.rawStorage());
    // One save on A, then a cycle on A and one on B: the time the machinery adds to the wait for the next cycle.
    const delays: number[] = [];
    for (let i = 0; i < runs; i++) {
      const g = stream.next();
      const t0 = performance.now();
      await saveMany(a, [{ article: g.article, analysis: g.analysis }], 1_800_000_000_000 + i);
      await ea.syncOnce();
      await eb.syncOnce();
      if (!(await b.articles.where('url').equals(g.article.url).count())) throw new Error('A save did not reach the second device.');
      delays.push(performance.now() - t0);
    }
    // Freed before the next size: the in-memory stores outlive a closed database (MemDOWN keeps them per name).
    await Promise.all([ea.forget(), eb.forget(), a.delete(), b.delete()]);
    await openPouch(server.url, { auth: AUTH }).destroy();
    return {
      [`sync_${size}_push_ms`]: round(upMs, 0),
      [`sync_${size}_first_sync_ms`]: round(downMs, 0),
      [`sync_${size}_first_sync_ms_per_article`]: round(downMs / size, 2),
      [`sync_${size}_first_sync_cpu_ms_per_article`]: round(downCpu.cpuMs / size, 2),
      [`sync_${size}_first_sync_gc_ms_per_article`]: round(downCpu.gcMs / size, 2),
      [`sync_${size}_heap_mb_after_first_sync`]: round(heapMb, 0),
      [`sync_${size}_wire_bytes_per_article`]: round(wire / size, 0),
      [`sync_${size}_server_bytes_per_article`]: round(stored / size, 0),
      [`sync_${size}_plain_bytes_per_article`]: round(plainBytes / size, 0),
      [`sync_${size}_save_to_other_device_median_ms`]: round(median(delays), 1),
    };
  } finally {
    await couch.close();
  }
}

export async function syncBench(argv: string[]): Promise<Record<string, number>> {
  const sizesAt = argv.indexOf('--sizes');
  const sizes = sizesAt >= 0 ? argv[sizesAt + 1]!.split(',').map(Number) : [1000];
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 15) : 15;
  const figures: Record<string, number> = {};
  gcWatch.observe({ entryTypes: ['gc'] });
  let k = 0;
  for (const size of sizes) Object.assign(figures, await one(size, runs, ++k));
  gcWatch.disconnect();
  const rows = sizes.map((s) => [
    s,
    figures[`sync_${s}_push_ms`]!,
    figures[`sync_${s}_first_sync_ms`]!,
    figures[`sync_${s}_first_sync_ms_per_article`]!,
    figures[`sync_${s}_first_sync_cpu_ms_per_article`]!,
    figures[`sync_${s}_first_sync_gc_ms_per_article`]!,
    figures[`sync_${s}_heap_mb_after_first_sync`]!,
    figures[`sync_${s}_wire_bytes_per_article`]!,
    figures[`sync_${s}_server_bytes_per_article`]!,
    figures[`sync_${s}_plain_bytes_per_article`]!,
    figures[`sync_${s}_save_to_other_device_median_ms`]!,
  ]);
  console.log(
    table(
      [
        'articles',
        'first push ms',
        'first sync, empty device ms',
        'ms/article',
        'CPU ms/article',
        'GC ms/article',
        'heap MB after',
        'wire B/article',
        'server B/article',
        'plain record B/article',
        'save → other device, median ms (one cycle each)',
      ],
      rows,
    ),
  );
  return figures;
}

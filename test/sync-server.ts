/**
 * Test helper: a CouchDB-compatible server (express-pouchdb over PouchDB's in-memory adapter) on
 * 127.0.0.1, with HTTP basic authentication in front, that can be stopped and started again on the
 * same port with its data kept, and whose raw storage can be read (every key and value the
 * adapter's in-memory LevelDB holds), to check what the server actually keeps.
 *
 * To run the sync tests against Apache CouchDB instead, see docs/sync.md.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import expressPouchDB from 'express-pouchdb';
import MemDOWN from 'memdown';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';

let servers = 0;

export interface TestCouch {
  /** "http://127.0.0.1:port" */
  origin: string;
  /** Every request's method and path, in order. */
  requests: { method: string; url: string }[];
  /** Called on each request before it is served; may stop the server. */
  onRequest: ((req: http.IncomingMessage) => void) | null;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Bytes the server received and sent so far, on every connection (HTTP headers included). */
  traffic(): { received: number; sent: number };
  /** Everything the server's storage holds for its databases, keys and values, as text. */
  rawStorage(): string;
  /** Stops it for good. */
  close(): Promise<void>;
}

export async function startCouch(auth: { username: string; password: string }): Promise<TestCouch> {
  const prefix = `couch${++servers}-${process.pid}-`;
  const ServerPouch = (PouchDB.plugin(memory) as typeof PouchDB).defaults({ adapter: 'memory', prefix });
  const app = expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const sockets = new Set<Socket>();
  const closed = { received: 0, sent: 0 };
  let server: http.Server | null = null;
  let port = 0;
  const couch: TestCouch = {
    origin: '',
    requests: [],
    onRequest: null,
    async start() {
      const s = http.createServer((req, res) => {
        couch.requests.push({ method: req.method ?? '', url: req.url ?? '' });
        couch.onRequest?.(req);
        if (req.socket.destroyed) return;
        if (req.headers.authorization !== expected) {
          res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="test"' });
          res.end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
          return;
        }
        app(req, res);
      });
      s.on('connection', (sock) => {
        sockets.add(sock);
        sock.on('close', () => {
          sockets.delete(sock);
          closed.received += sock.bytesRead;
          closed.sent += sock.bytesWritten;
        });
      });
      await new Promise<void>((resolve) => s.listen(port, '127.0.0.1', resolve));
      port = (s.address() as AddressInfo).port;
      couch.origin = `http://127.0.0.1:${port}`;
      server = s;
    },
    async stop() {
      const s = server;
      server = null;
      if (!s) return;
      for (const sock of sockets) sock.destroy();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    traffic() {
      let received = closed.received;
      let sent = closed.sent;
      for (const sock of sockets) {
        received += sock.bytesRead;
        sent += sock.bytesWritten;
      }
      return { received, sent };
    },
    rawStorage() {
      // MemDOWN keeps every database in one module-level store; an instance's `_store` is that store.
      const store = (new MemDOWN(`${prefix}probe`) as unknown as { _store: Record<string, { keys: unknown[]; values: unknown[] }> })._store;
      const parts: string[] = [];
      for (const [loc, tree] of Object.entries(store)) {
        if (!loc.startsWith(`$${prefix}`)) continue;
        tree.keys.forEach((k, i) => parts.push(`${String(k)}\t${String(tree.values[i])}`));
      }
      return parts.join('\n');
    },
    async close() {
      await couch.stop();
    },
  };
  await couch.start();
  return couch;
}

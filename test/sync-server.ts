/**
 * Test helper: a CouchDB-compatible server (express-pouchdb over PouchDB's in-memory adapter) on
 * 127.0.0.1, with HTTP basic authentication in front, that can be stopped and started again on the
 * same port with its data kept, and whose raw storage can be read (every key and value the
 * adapter's in-memory LevelDB holds), to check what the server actually keeps.
 *
 * With `BACKSTORY_TEST_COUCH` set to an Apache CouchDB's address with an admin's credentials
 * ("http://admin:secret@127.0.0.1:5984"), the tests run against that server instead, through a proxy
 * on 127.0.0.1 that keeps the same abilities: it records requests, can be stopped and started (the
 * server goes away for the client), counts bytes, and reads back what the server stores (docs/sync.md).
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
  rawStorage(): Promise<string>;
  /** Stops it for good. */
  close(): Promise<void>;
}

export async function startCouch(auth: { username: string; password: string }): Promise<TestCouch> {
  const apache = process.env.BACKSTORY_TEST_COUCH;
  if (apache) return proxyCouch(apache, auth);
  const prefix = `couch${++servers}-${process.pid}-`;
  const ServerPouch = (PouchDB.plugin(memory) as typeof PouchDB).defaults({ adapter: 'memory', prefix });
  const app = expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const couch = recordingCouch(
    (req, res) => {
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="test"' });
        res.end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
        return;
      }
      app(req, res);
    },
    {
      async rawStorage() {
        // MemDOWN keeps every database in one module-level store; an instance's `_store` is that store.
        const store = (new MemDOWN(`${prefix}probe`) as unknown as { _store: Record<string, { keys: unknown[]; values: unknown[] }> })._store;
        const parts: string[] = [];
        for (const [loc, tree] of Object.entries(store)) {
          if (!loc.startsWith(`$${prefix}`)) continue;
          tree.keys.forEach((k, i) => parts.push(`${String(k)}\t${String(tree.values[i])}`));
        }
        return parts.join('\n');
      },
    },
  );
  await couch.start();
  return couch;
}

/**
 * A real CouchDB behind a proxy on 127.0.0.1. Each run's databases get a prefix of their own (the
 * proxy adds it to the first path segment: the tests name databases as if the server were theirs,
 * and a second run does not meet the first's), and are deleted by `close`. The tests' user is made
 * a server admin (CouchDB lets only admins create databases): use a throwaway CouchDB. The storage
 * read back is every document of those databases with every revision's body and deleted ones
 * (`_changes` with all_docs and include_docs, plus `_local` documents): what the server keeps, as
 * its API gives it, not its files.
 */
async function proxyCouch(address: string, auth: { username: string; password: string }): Promise<TestCouch> {
  const target = new URL(address);
  const admin = `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`;
  const base = `${target.protocol}//${target.host}`;
  const run = `bs${Date.now().toString(36)}${(++servers).toString(36)}-`;
  const asAdmin = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { ...init, headers: { authorization: admin, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  if (auth.username !== decodeURIComponent(target.username)) {
    const r = await asAdmin(`/_node/_local/_config/admins/${encodeURIComponent(auth.username)}`, { method: 'PUT', body: JSON.stringify(auth.password) });
    if (!r.ok) throw new Error(`BACKSTORY_TEST_COUCH: could not make the tests' user "${auth.username}" an admin on ${base} (${r.status}). Give an admin's credentials in the address.`);
  }
  const rewrite = (url: string) => (/^\/[a-z]/.test(url) ? `/${run}${url.slice(1)}` : url);
  const ours = async () => ((await (await asAdmin('/_all_dbs')).json()) as string[]).filter((d) => d.startsWith(run));
  const couch = recordingCouch(
    (req, res) => {
      const headers = { ...req.headers, host: target.host };
      const out = http.request({ host: target.hostname, port: target.port || 80, method: req.method, path: rewrite(req.url ?? '/'), headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      out.on('error', () => res.destroy());
      req.pipe(out);
    },
    {
      async rawStorage() {
        const parts: string[] = [];
        for (const db of await ours()) {
          const path = `/${encodeURIComponent(db)}`;
          parts.push(await (await asAdmin(`${path}/_changes?style=all_docs&include_docs=true&conflicts=true`)).text());
          parts.push(await (await asAdmin(`${path}/_local_docs?include_docs=true`)).text());
        }
        return parts.join('\n');
      },
      async afterClose() {
        for (const db of await ours()) await asAdmin(`/${encodeURIComponent(db)}`, { method: 'DELETE' });
      },
    },
  );
  await couch.start();
  return couch;
}

/**
 * The part both servers share: an HTTP server on 127.0.0.1 that records each request, lets a test
 * stop it mid-request (`onRequest`), counts the bytes of every connection, and can be stopped and
 * started again on the same port; `serve` answers the requests it lets through.
 */
function recordingCouch(serve: (req: http.IncomingMessage, res: http.ServerResponse) => void, store: { rawStorage(): Promise<string>; afterClose?(): Promise<void> }): TestCouch {
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
        serve(req, res);
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
    rawStorage: () => store.rawStorage(),
    async close() {
      await couch.stop();
      await store.afterClose?.();
    },
  };
  return couch;
}

/**
 * A door of one device's own in front of the server: an HTTP proxy on 127.0.0.1 that forwards to
 * `couch`. Stopping it takes that device off the network (its requests fail as a dropped connection
 * does) while the server stays up for the other devices. Records and counts like the server.
 */
export async function startGate(couch: TestCouch, serveHere?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean): Promise<TestCouch> {
  const gate = recordingCouch(
    (req, res) => {
      // What `serveHere` answers (a bench's page, served from the server's own origin) is not forwarded.
      if (serveHere?.(req, res)) return;
      const target = new URL(couch.origin);
      const out = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url ?? '/', headers: { ...req.headers, host: target.host } }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      out.on('error', () => res.destroy());
      req.pipe(out);
    },
    { rawStorage: () => couch.rawStorage() },
  );
  await gate.start();
  return gate;
}

// PouchDB's packages ship no types; lib/sync/engine.ts declares the part it uses (PouchDatabase).
declare module 'pouchdb-core' {
  const PouchDB: {
    new (name: string, opts?: Record<string, unknown>): unknown;
    plugin(p: unknown): typeof PouchDB;
    defaults(opts: Record<string, unknown>): typeof PouchDB;
  };
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  const expressPouchDB: (PouchDB: unknown, opts?: Record<string, unknown>) => import('node:http').RequestListener & { use(...args: unknown[]): unknown };
  export default expressPouchDB;
}
declare module 'memdown' {
  const MemDOWN: new (location: string) => unknown;
  export default MemDOWN;
}

/**
 * One DBCore layer for the tests that watch or break what the archive asks of IndexedDB: counting
 * transactions and reads, refusing a write for lack of room, stopping a worker mid-write.
 *
 * The hooks must use Dexie's own promises only (what `down` returns, or Dexie.Promise): a native
 * promise in a DBCore layer would lose Dexie's transaction zone and let later writes escape into
 * transactions of their own.
 */
import type Dexie from 'dexie';
import type { DBCore, DBCoreGetManyRequest, DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie';

export interface LayerHooks {
  /** A transaction is opened. */
  transaction?(): void;
  /** Rows of `table` are read by key. */
  getMany?(table: string, req: DBCoreGetManyRequest): void;
  /** A write to `table`: `down` does it (return what it returns to let it through). */
  mutate?(table: string, req: DBCoreMutateRequest, down: (req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>): Promise<DBCoreMutateResponse>;
}

/** Puts the hooks between `db` and IndexedDB; returns `db`. */
export function withLayer<T extends Dexie>(db: T, name: string, hooks: LayerHooks): T {
  db.use({
    stack: 'dbcore',
    name,
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction(...args: Parameters<DBCore['transaction']>) {
          hooks.transaction?.();
          return down.transaction(...args);
        },
        table(tableName) {
          const table = down.table(tableName);
          return {
            ...table,
            getMany(req) {
              hooks.getMany?.(tableName, req);
              return table.getMany(req);
            },
            mutate(req) {
              return hooks.mutate ? hooks.mutate(tableName, req, (r) => table.mutate(r)) : table.mutate(req);
            },
          };
        },
      };
    },
  });
  return db;
}

/**
 * The archive as it is on disk, read with plain IndexedDB from one of the extension's pages (the
 * worker's origin), for the end-to-end tests that check it is whole and consistent.
 */
import type { Page } from 'playwright-core';
import { foldStores, type ArchiveDump } from '../archive-consistency';

/** Every table of the archive, read with plain IndexedDB from an extension page (same origin as the worker). */
export async function readArchive(page: Page): Promise<ArchiveDump> {
  return page
    .evaluate(async () => {
      const stores = ['articles', 'claims', 'statements', 'memory', 'events', 'search', 'postings', 'keyPostings', 'termCounts', 'termLog', 'meta'] as const;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('backstory');
        // Never create the database from here: only the worker does that, with its schema.
        r.onupgradeneeded = () => r.transaction?.abort();
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      try {
        const tx = db.transaction([...stores], 'readonly');
        const out: Record<string, unknown[]> = {};
        await Promise.all(
          stores.map(
            (name) =>
              new Promise<void>((ok, fail) => {
                const r = tx.objectStore(name).getAll();
                // Posting lists as plain arrays, which cross page.evaluate as they are.
                const plain = (rows: unknown[]) => (name === 'postings' || name === 'keyPostings' ? rows.map((x) => ({ ...(x as object), ids: Array.from((x as { ids: Uint32Array }).ids) })) : rows);
                r.onsuccess = () => ok(void (out[name] = plain(r.result)));
                r.onerror = () => fail(r.error);
              }),
          ),
        );
        return out;
      } finally {
        db.close();
      }
    })
    .then((raw) => foldStores(raw) as unknown as ArchiveDump);
}

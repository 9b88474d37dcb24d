/**
 * Keeps page-lifecycle listeners (pagehide, pageshow) out of the background while its modules load.
 *
 * Dexie listens to `pagehide` to close its connections when a page goes into the back-forward
 * cache. Firefox's background is a page, but one that is never cached that way, so the listener can
 * only ever run at shutdown, where Firefox cuts it off and logs "Script terminated by timeout" each
 * time the browser closes. It has nothing to do there (it acts only on a cached page, and committed
 * IndexedDB transactions are already on disk while an unfinished one is rolled back whole), so the
 * background registers no such listener at all. Imported first by entrypoints/background.ts, so it runs
 * before Dexie's module; `allowPageLifecycleListeners()` ends it once every module has loaded. In
 * Chrome's service worker these events do not exist, and nothing changes.
 */
type Add = (type: string, ...rest: unknown[]) => void;
const scope = globalThis as unknown as { addEventListener?: Add };
const original = scope.addEventListener;
const SKIPPED = new Set(['pagehide', 'pageshow']);

if (original) {
  scope.addEventListener = function (this: unknown, type: string, ...rest: unknown[]) {
    if (SKIPPED.has(type)) return;
    original.call(this ?? globalThis, type, ...rest);
  };
}

/** Puts the global `addEventListener` back as it was. */
export function allowPageLifecycleListeners(): void {
  if (original) scope.addEventListener = original;
}

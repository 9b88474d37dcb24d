/** Sending and answering protocol messages over the WebExtension runtime. */
import { browser, type Browser } from 'wxt/browser';
import {
  isRequestEnvelope,
  type Broadcast,
  type ReplyOf,
  type RequestName,
  type RequestOf,
  type Result,
} from './protocol';

/** Sends a request to the background. Never throws: transport failures become `{ok:false}`. */
export async function request<K extends RequestName>(kind: K, payload: RequestOf<K>): Promise<Result<ReplyOf<K>>> {
  try {
    const reply = (await browser.runtime.sendMessage({ kind, payload })) as Result<ReplyOf<K>> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      return { ok: false, error: 'The extension did not answer. Reload the page and try again.' };
    }
    return reply;
  } catch (err) {
    return { ok: false, error: describeTransportError(err) };
  }
}

/** Like `request`, but throws the reader-facing message; for code paths that show errors themselves. */
export async function call<K extends RequestName>(kind: K, payload: RequestOf<K>): Promise<ReplyOf<K>> {
  const r = await request(kind, payload);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

export type Handlers = {
  [K in RequestName]: (payload: RequestOf<K>, sender?: Browser.runtime.MessageSender) => Promise<ReplyOf<K>>;
};

/** A failure whose message is meant for the reader as it is. */
export class UserFacingError extends Error {}

/**
 * Registers the background's one message listener. Unknown messages are left for other listeners.
 * It takes only handlers wrapped by `gate` (lib/background/gate.ts), which checks who sent each
 * request and what it carries: a content script inside a web page may not do what the archive page may.
 */
export function serve(handlers: Handlers & { readonly gated: true }, onUnexpected: (err: unknown) => void): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    if (!isRequestEnvelope(msg)) return undefined;
    if (sender.id !== browser.runtime.id) return undefined;
    const handler = handlers[msg.kind] as (p: unknown, s: typeof sender) => Promise<unknown>;
    return handler(msg.payload, sender).then(
      (value): Result<unknown> => ({ ok: true, value }),
      (err: unknown): Result<unknown> => {
        if (err instanceof UserFacingError) return { ok: false, error: err.message };
        onUnexpected(err);
        return { ok: false, error: describeStorageError(err) };
      },
    );
  });
}

/** Tells our open pages that something changed. Nobody listening is fine. */
export function broadcast(msg: Broadcast): void {
  browser.runtime.sendMessage(msg).catch(() => undefined);
}

function describeTransportError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/receiving end does not exist|could not establish connection/i.test(text)) {
    return 'The extension is restarting. Try again in a moment.';
  }
  return 'The extension could not be reached. Try again, or reload the extension if it keeps happening.';
}

/** What a reader is told when a write ran out of room. Writes are whole transactions: nothing half-written stays. */
export const STORAGE_FULL =
  'The browser’s storage for Backstory is full, so nothing was saved. Delete articles you no longer need from the archive (make a backup first if you want to keep them), or free some space on this device, then try again.';

/**
 * Whether a failure is the browser refusing a write for lack of room, in any of the shapes it
 * arrives in: the DOMException itself, Dexie's `QuotaExceededError` wrapping it, a transaction
 * aborted at commit (Dexie's `AbortError` with the quota error inside), or a bulk write whose
 * failures hold it.
 */
export function isQuotaError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

/** What a reader is told when the browser's storage failed a write without calling it a quota error (a disk that filled up). */
export const WRITE_FAILED =
  'The browser could not write to its storage, so nothing was saved; this happens when the device’s disk is full. Free some space on this device (or delete articles you no longer need), then try again. Your archive is as it was.';

/**
 * Whether a failure is the storage layer failing a write: Chromium on a full disk reports
 * "Failed to write blobs (IOError)" as an UnknownError, inside Dexie's AbortError or BulkError;
 * or it aborts the transaction and says no more (a BulkError whose failures are AbortErrors, seen
 * in test/e2e/disk.test.ts). Backstory never aborts a transaction itself, so an abort that gives
 * no other cause is the storage layer's.
 */
export function isWriteFailure(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'UnknownError') return true;
  // An abort that names its cause is that cause's (a database closed for an upgrade is no full disk).
  if (e.name === 'AbortError') return e.inner == null && e.cause == null ? true : isWriteFailure(e.inner ?? e.cause, depth + 1);
  if (typeof e.message === 'string' && /IOError|Failed to write|Internal error (opening|committing)/i.test(e.message)) return true;
  if (isWriteFailure(e.inner, depth + 1) || isWriteFailure(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isWriteFailure(f, depth + 1));
}

/** Turns storage failures into sentences a reader can act on. */
export function describeStorageError(err: unknown): string {
  if (isQuotaError(err)) return STORAGE_FULL;
  if (isWriteFailure(err)) return WRITE_FAILED;
  const name = (err as { name?: string; inner?: { name?: string } } | null)?.inner?.name ?? (err as { name?: string } | null)?.name;
  if (name === 'ConstraintError') return 'That article is already in the archive.';
  if (name === 'DatabaseClosedError' || name === 'OpenFailedError' || name === 'VersionError') {
    return 'The archive could not be opened. Reload the extension and try again; your saved articles are kept.';
  }
  return 'Something went wrong inside the extension. Nothing was lost; try again.';
}

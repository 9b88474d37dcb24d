/**
 * Room to write (issue #15). When the disk under the browser's profile fills up, Chromium does not
 * refuse a write cleanly: saves fail with BulkError/AbortError ("Failed to write blobs"), the
 * database may not reopen for a minute, and the browser may even discard it as corrupted. So the
 * background refuses new saves and imports itself, with the storage-full message, while there is
 * still a safety margin, judged from `navigator.storage.estimate()` (for an extension with
 * `unlimitedStorage`, its quota follows the free disk space) and from what the background wrote
 * since the browser last updated its figure (estimates lag behind writes).
 *
 * Deletes are never refused: they are how the reader makes room.
 */
import { STORAGE_FULL, UserFacingError } from '../messaging/transport';

/** Left free at all times: room for the database's own bookkeeping, compaction and the browser's other writes. */
export const SAFETY_MARGIN = 64 * 1024 * 1024;
/** A write takes several times the record's size on disk: the record, its index rows, the log, the write-ahead log. */
export const WRITE_FACTOR = 4;

type Estimator = Pick<StorageManager, 'estimate'> | undefined;

export class Room {
  private lastUsage: number | null = null;
  private writtenSince = 0;

  constructor(private readonly storage: Estimator) {}

  /**
   * Throws the storage-full message when writing about `bytes` more would leave less than the
   * safety margin. When the browser gives no figures, it lets the write go (the write's own
   * failure is still turned into the same message).
   */
  async ensure(bytes: number): Promise<void> {
    let est: StorageEstimate | undefined;
    try {
      est = await this.storage?.estimate();
    } catch {
      return;
    }
    const quota = est?.quota;
    const usage = est?.usage;
    if (typeof quota !== 'number' || typeof usage !== 'number' || !Number.isFinite(quota) || quota <= 0) return;
    // The browser's figure moved: it now counts what was written before it.
    if (usage !== this.lastUsage) {
      this.lastUsage = usage;
      this.writtenSince = 0;
    }
    const free = quota - usage - this.writtenSince;
    if (free - Math.max(0, bytes) * WRITE_FACTOR < SAFETY_MARGIN) throw new UserFacingError(STORAGE_FULL);
  }

  /** Tells it about a write that went through (its size in bytes, roughly). */
  wrote(bytes: number): void {
    if (bytes > 0) this.writtenSince += bytes * WRITE_FACTOR;
  }
}

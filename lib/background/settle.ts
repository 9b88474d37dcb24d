/**
 * After a write the disk refused (issue #15). Chromium keeps an extension's IndexedDB in LevelDB,
 * which appends every write to a log file before it applies it. When the disk fills up in the
 * middle of that append, the log keeps a torn record; the session goes on working from memory,
 * and even saves again once there is room, but on the next start of the browser LevelDB reads the
 * torn log, calls the database corrupted, and Chromium deletes it: the whole archive is gone
 * (seen in test/e2e/disk.test.ts before this existed: 2 articles before the restart, 0 after).
 *
 * LevelDB drops a log once it has written what the log holds into a table file, which it does
 * when its in-memory table outgrows its write buffer (at most 4 MiB in Chromium). So after such a
 * failure, as soon as writes go through again, the background writes and then deletes filler rows
 * larger than that buffer: the memory table, which holds every write that succeeded, lands in a
 * table file, a new log starts, and the torn one is deleted. Until then the need is remembered in
 * `storage.local`, so that a worker that stopped meanwhile settles on its next start.
 */
import type { ArchiveDB } from '../archive/db';
import type { KeyValueArea } from './census';

/** The flag, in `storage.local`, that a write failed and the log has not been settled since. */
export const UNSETTLED_KEY = 'archiveUnsettled';
/** Filler written to make LevelDB write its memory table out: three times its largest write buffer. */
export const SETTLE_BYTES = 12 * 1024 * 1024;
/** One filler row's characters: below the 64 KiB over which Chromium keeps a value as a separate blob file. */
const ROW_CHARS = 24 * 1024;
/** Filler rows per transaction (about 0.75 MiB). */
const ROWS_PER_WRITE = 32;
/** Filler rows live in `meta` under this prefix, only while settling. */
export const FILLER_PREFIX = 'settle:';

/** Writes filler rows of `bytes` in all (in several transactions), then deletes them all. */
export async function settleLog(db: ArchiveDB, bytes = SETTLE_BYTES): Promise<void> {
  // Text that does not repeat within a row: Chromium stores short runs compressed in places.
  let pad = '';
  let x = 0x2545f491;
  while (pad.length < ROW_CHARS) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    pad += (x >>> 0).toString(36);
  }
  pad = pad.slice(0, ROW_CHARS);
  const rows = Math.ceil(bytes / ROW_CHARS);
  try {
    for (let i = 0; i < rows; i += ROWS_PER_WRITE) {
      const batch = [];
      for (let j = i; j < Math.min(rows, i + ROWS_PER_WRITE); j++) batch.push({ key: `${FILLER_PREFIX}${j}`, filler: `${j}:${pad}` });
      await db.meta.bulkPut(batch);
    }
  } finally {
    await db.meta.where('key').startsWith(FILLER_PREFIX).delete();
  }
}

/**
 * Remembers that a write failed, and settles the log once writes go through again: one settling at
 * a time, retried after the next write that succeeds when it fails (the disk may still be full).
 * `ensure` is asked first whether there is room for the filler (the storage safety margin).
 */
export class Settler {
  private unsettled = false;
  /** Failures noted so far: a settling run clears the flag only if none came while it ran. */
  private failures = 0;
  private running: Promise<boolean> | null = null;

  constructor(
    private readonly area: KeyValueArea,
    private readonly db: ArchiveDB,
    private readonly ensure: (bytes: number) => Promise<void>,
    private readonly log: (msg: string, err?: unknown) => void = () => undefined,
  ) {}

  /** On start: a failure noted before the worker stopped still needs settling. */
  async load(): Promise<boolean> {
    const v = (await this.area.get(UNSETTLED_KEY))[UNSETTLED_KEY];
    if (v) this.unsettled = true;
    return this.unsettled;
  }

  /** A write failed for lack of disk: the log may be torn. */
  noteFailure(): void {
    this.failures++;
    this.unsettled = true;
    this.area.set({ [UNSETTLED_KEY]: true }).catch(() => undefined);
  }

  get pending(): boolean {
    return this.unsettled;
  }

  /** A write went through (or the archive opened again): settles now if needed. Resolves to whether the log is settled. */
  check(): Promise<boolean> {
    if (!this.unsettled) return Promise.resolve(true);
    return (this.running ??= (async () => {
      const seen = this.failures;
      try {
        // Remembered on disk now if that failed when the write did (the disk was full then).
        await this.area.set({ [UNSETTLED_KEY]: true });
        await this.ensure(SETTLE_BYTES);
        await settleLog(this.db);
        // A write that failed while the filler was written may have torn the log again: settle once more.
        if (this.failures !== seen) return false;
        this.unsettled = false;
        await this.area.remove(UNSETTLED_KEY).catch(() => undefined);
        this.log('Backstory: the archive’s log was settled after a failed write');
        return true;
      } catch (err) {
        this.log('Backstory: the archive’s log could not be settled yet', err);
        return false;
      } finally {
        this.running = null;
      }
    })());
  }
}

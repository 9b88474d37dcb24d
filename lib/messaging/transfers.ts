/**
 * Text on its way between the archive page and the background (a backup to export or import), in
 * parts small enough for one runtime message each.
 */
import { BackupError, sizeText } from '../archive/backup-file';
import { MAX_BACKUP_BYTES, splitParts } from '../archive/backup-state';

interface Transfer {
  dir: 'out' | 'in';
  parts: (string | null)[];
  at: number;
  chars: number;
}

const SUPERSEDED = 'Another import was started meanwhile (in this or another archive page), and replaced this one. Choose the file again to import it.';

const TRANSFER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Text on its way between the archive page and the background, in parts small enough for one
 * runtime message each (PART_CHARS). Kept by the service that owns it, for a few minutes at most: a
 * worker that stops meanwhile loses it, and the page then says to start again.
 */
export class Transfers {
  private readonly items = new Map<string, Transfer>();
  /** Imports replaced by a newer one, so that their next part is told so rather than starting over. */
  private readonly superseded = new Set<string>();

  constructor(
    private readonly now: () => number,
    private readonly maxChars = MAX_BACKUP_BYTES,
    private readonly ttl = 10 * 60_000,
  ) {}

  private sweep(): void {
    const t = this.now();
    for (const [id, x] of this.items) if (t - x.at > this.ttl) this.items.delete(id);
  }

  /** Keeps `text` for the page to read part by part; the last read drops it. */
  offer(text: string, partChars?: number): { transfer: string; parts: number; chars: number } {
    this.sweep();
    const transfer = crypto.randomUUID();
    const parts = splitParts(text, partChars);
    this.items.set(transfer, { dir: 'out', parts, at: this.now(), chars: text.length });
    return { transfer, parts: parts.length, chars: text.length };
  }

  read(transfer: unknown, part: unknown): string {
    const x = typeof transfer === 'string' ? this.items.get(transfer) : undefined;
    if (!x || x.dir !== 'out') throw new BackupError('The export is no longer waiting (it took too long, or the extension restarted). Start it again.');
    if (typeof part !== 'number' || !Number.isInteger(part) || part < 0 || part >= x.parts.length || x.parts[part] === null) throw new BackupError('That part of the export does not exist.');
    const text = x.parts[part]!;
    x.parts[part] = null;
    x.at = this.now();
    if (x.parts.every((p) => p === null)) this.items.delete(transfer as string);
    return text;
  }

  /** Stores one part of a file the page sends; returns the characters received so far. */
  receive(transfer: unknown, part: unknown, parts: unknown, text: unknown): number {
    this.sweep();
    if (typeof transfer !== 'string' || !TRANSFER_ID.test(transfer)) throw new BackupError('The file could not be sent to the extension (bad transfer id).');
    if (typeof parts !== 'number' || !Number.isInteger(parts) || parts < 1 || parts > 10_000) throw new BackupError('The file could not be sent to the extension (bad part count).');
    if (typeof part !== 'number' || !Number.isInteger(part) || part < 0 || part >= parts || typeof text !== 'string') throw new BackupError('The file could not be sent to the extension (bad part).');
    let x = this.items.get(transfer);
    if (!x) {
      if (this.superseded.has(transfer)) throw new BackupError(SUPERSEDED);
      // A reader sends one file at a time: a new import replaces one that was abandoned part-way (a
      // page closed or reloaded while sending), instead of waiting for it to expire (issue #15).
      for (const [id, y] of this.items) {
        if (y.dir !== 'in') continue;
        this.items.delete(id);
        this.superseded.add(id);
        if (this.superseded.size > 100) this.superseded.delete(this.superseded.values().next().value!);
      }
      x = { dir: 'in', parts: new Array<string | null>(parts).fill(null), at: this.now(), chars: 0 };
      this.items.set(transfer, x);
    }
    if (x.dir !== 'in' || x.parts.length !== parts) throw new BackupError('The file could not be sent to the extension (parts do not match).');
    x.chars += text.length - (x.parts[part]?.length ?? 0);
    x.parts[part] = text;
    x.at = this.now();
    if (x.chars > this.maxChars) {
      this.items.delete(transfer);
      throw new BackupError(`This file is too large. Backstory reads backup files of up to ${sizeText(this.maxChars)}.`);
    }
    return x.chars;
  }

  /** The whole text of a file the page sent, once every part is there; dropped from the store. */
  take(transfer: unknown): string {
    if (typeof transfer === 'string' && this.superseded.has(transfer)) throw new BackupError(SUPERSEDED);
    const x = typeof transfer === 'string' ? this.items.get(transfer) : undefined;
    if (!x || x.dir !== 'in') throw new BackupError('The file did not reach the extension (it took too long, or the extension restarted). Choose it again.');
    this.items.delete(transfer as string);
    if (x.parts.some((p) => p === null)) throw new BackupError('The file did not reach the extension completely. Choose it again.');
    return x.parts.join('');
  }
}

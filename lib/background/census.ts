/**
 * Noticing a lost archive (issue #15). After a full disk, Chromium may discard the extension's
 * IndexedDB database as corrupted ("IndexedDB recovering from a corrupted (and deleted) database")
 * and hand back an empty one: the reader's articles are gone and nothing says so. So the
 * background keeps, outside IndexedDB (in `storage.local`, which the browser stores apart), how
 * many articles the archive held after its last change; on start it counts again, and when the
 * archive came back empty or smaller it records a notice that the archive page shows, pointing to
 * the newest backup.
 */
import type { ArchiveDB } from '../archive/db';

export const CENSUS_KEY = 'archiveCensus';
export const LOSS_KEY = 'archiveLoss';

/** How many articles the archive held, and when that was counted (ms). */
export interface Census {
  articles: number;
  at: number;
}

/** An archive found smaller on start than it was left. */
export interface ArchiveLoss {
  /** Articles it held when last counted. */
  expected: number;
  /** Articles found on start. */
  found: number;
  /** When the count that was higher was made (ms). */
  countedAt: number;
  /** When the loss was noticed (ms). */
  noticedAt: number;
}

/** The part of `storage.local` this needs (so tests can hand it a fake). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

function parseCensus(x: unknown): Census | null {
  const c = x as Partial<Census> | null;
  return c && typeof c.articles === 'number' && Number.isInteger(c.articles) && c.articles >= 0 && typeof c.at === 'number' ? { articles: c.articles, at: c.at } : null;
}

export function parseLoss(x: unknown): ArchiveLoss | null {
  const l = x as Partial<ArchiveLoss> | null;
  if (!l || typeof l.expected !== 'number' || typeof l.found !== 'number' || typeof l.countedAt !== 'number' || typeof l.noticedAt !== 'number') return null;
  return { expected: l.expected, found: l.found, countedAt: l.countedAt, noticedAt: l.noticedAt };
}

/** Counts the archive now and keeps the count. Throws when the database cannot be read (the count is then left as it was). */
export async function recordCensus(area: KeyValueArea, db: ArchiveDB, now: number): Promise<Census> {
  const census: Census = { articles: await db.articles.count(), at: now };
  await area.set({ [CENSUS_KEY]: census });
  return census;
}

/**
 * On start: compares the archive with the last count. A smaller archive is recorded as a loss (kept
 * until the reader dismisses it; a later, larger loss replaces it) and returned; then the count is
 * brought up to date, so that the same loss is not noticed twice. Throws, changing nothing, when
 * the database cannot be read yet (it is checked again on the next start).
 */
export async function checkCensus(area: KeyValueArea, db: ArchiveDB, now: number): Promise<ArchiveLoss | null> {
  const found = await db.articles.count();
  const last = parseCensus((await area.get(CENSUS_KEY))[CENSUS_KEY]);
  let loss: ArchiveLoss | null = null;
  if (last && found < last.articles) {
    loss = { expected: last.articles, found, countedAt: last.at, noticedAt: now };
    const earlier = parseLoss((await area.get(LOSS_KEY))[LOSS_KEY]);
    // Two losses in a row (the archive lost more before the reader saw the notice): the notice keeps the larger count.
    if (earlier && earlier.expected > loss.expected) loss = { ...loss, expected: earlier.expected, countedAt: earlier.countedAt };
    await area.set({ [LOSS_KEY]: loss });
  }
  await area.set({ [CENSUS_KEY]: { articles: found, at: now } satisfies Census });
  return loss;
}

/** The reader read the notice (or restored a backup): it goes away. */
export async function dismissLoss(area: KeyValueArea): Promise<void> {
  await area.remove(LOSS_KEY);
}

/**
 * Keeps the count current after the archive changes: at once (a worker stopped before a delayed
 * count would make a delete look like a loss on the next start), a burst of changes counted once.
 * Failures are left for the next change.
 */
export function censusKeeper(area: KeyValueArea, db: ArchiveDB, now: () => number, delayMs = 0): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      recordCensus(area, db, now()).catch(() => undefined);
    }, delayMs);
  };
}

/** The notice's words: what happened and what to do. `lastBackupAt`: the newest backup made from this browser, if any. */
export function lossMessage(loss: ArchiveLoss, lastBackupAt: number | null, formatDate: (ms: number) => string): string {
  const what =
    loss.found === 0
      ? `Backstory’s archive held ${loss.expected.toLocaleString('en')} article${loss.expected === 1 ? '' : 's'} (counted ${formatDate(loss.countedAt)}), but it was empty when Backstory started again.`
      : `Backstory’s archive held ${loss.expected.toLocaleString('en')} articles (counted ${formatDate(loss.countedAt)}), but only ${loss.found.toLocaleString('en')} when Backstory started again.`;
  const why = 'The browser may have discarded its damaged database, which can happen after the disk was full.';
  const todo = lastBackupAt
    ? `Your newest backup from this browser was made ${formatDate(lastBackupAt)}: import it on the Backup page to restore the articles in it (articles you still have are kept).`
    : 'No backup was made from this browser. If you have a backup file from elsewhere, import it on the Backup page.';
  return `${what} ${why} ${todo}`;
}

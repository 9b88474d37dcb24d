import { useEffect, useState } from 'preact/hooks';
import { formatBytes, plural } from '@/components/format';
import { Notice } from '@/components/Notice';
import { askPersistentStorage } from '@/components/useBroadcast';
import type { ArchiveStats } from '@/lib/messaging/protocol';

/** From this share of the browser's quota on, the archive page warns. */
export const STORAGE_WARN_SHARE = 0.8;

/** The share of the quota in use (0..1), or null when the browser gives no figures. */
export function quotaShare(stats: Pick<ArchiveStats, 'usage' | 'quota'>): number | null {
  if (stats.usage === null || stats.quota === null || !(stats.quota > 0)) return null;
  return Math.min(1, Math.max(0, stats.usage / stats.quota));
}

function percent(share: number): string {
  // Never "100%" before it is full, never "0%" once something is stored.
  if (share > 0 && share < 0.01) return 'under 1%';
  return `${Math.min(share < 1 ? 99 : 100, Math.round(share * 100))}%`;
}

/**
 * The archive's size and the room the browser gives it, in plain words, whether the browser may
 * clear it when the disk runs low, and a warning when it is nearly full. Shown in the Backup view.
 */
export function StorageStats({ stats }: { stats: ArchiveStats }) {
  // The side panel asks at each save; readers whose articles are saved automatically (by the
  // background, which may not ask) are asked here, once there is something to keep.
  const [grantedHere, setGrantedHere] = useState(false);
  const persisted = grantedHere || stats.persisted;
  const ask = stats.articles > 0 && stats.persisted === false;
  useEffect(() => {
    if (!ask) return;
    let live = true;
    void askPersistentStorage().then((granted) => live && granted === true && setGrantedHere(true));
    return () => void (live = false);
  }, [ask]);

  const share = quotaShare(stats);
  return (
    <>
      <p class="stats" data-testid="stats">
        {plural(stats.articles, 'article')} ({formatBytes(stats.bytes)} of text).
        {stats.usage !== null && stats.quota !== null
          ? ` Backstory uses ${formatBytes(stats.usage)} of the ${formatBytes(stats.quota)} this browser lets it keep${share !== null ? ` (${percent(share)})` : ''}.`
          : stats.usage !== null
            ? ` Backstory uses ${formatBytes(stats.usage)} in this browser.`
            : ''}
      </p>
      <p class="stats muted" data-testid="persistence" data-persisted={String(persisted)}>
        {persisted === true && 'Kept safe: this browser will not clear your archive to free space. Only you can delete it.'}
        {persisted === false &&
          'This browser may clear your archive if the disk runs very low (Chrome and other Chromium browsers do not, thanks to Backstory’s storage permission). A backup file is the safe way to keep it.'}
        {persisted === null && 'This browser does not say whether it keeps your archive when the disk runs low. A backup file is the safe way to keep it.'}
      </p>
      <StorageWarning stats={stats} />
    </>
  );
}

/** Only when Backstory's storage is nearly full: what that means and what to do. Shown above the article list too. */
export function StorageWarning({ stats }: { stats: ArchiveStats }) {
  const share = quotaShare(stats);
  if (share === null || share < STORAGE_WARN_SHARE) return null;
  return (
    <Notice title="Storage for Backstory is nearly full" tone="warn" testId="storage-warning">
      <p>
        Your archive and Backstory’s other data use {percent(share)} of the room your browser gives it ({formatBytes(stats.usage)} of {formatBytes(stats.quota)}). When it is full, no new article can
        be saved.
      </p>
      <p>
        <a href="#/backup">Make a backup of your archive</a>, then delete articles you no longer need. Freeing space on this device also helps.
      </p>
    </Notice>
  );
}

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
 * The archive's size, the browser's usage and quota for the extension, whether its storage is
 * persistent (and what that means), and a warning when it is nearly full.
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
      <p class="stats muted" data-testid="stats">
        {plural(stats.articles, 'article')} · {formatBytes(stats.bytes)} of text
        {stats.usage !== null && ` · ${formatBytes(stats.usage)} used`}
        {stats.quota !== null && ` of ${formatBytes(stats.quota)} the browser allows`}
        {share !== null && ` (${percent(share)})`}
      </p>
      <p class="stats muted" data-testid="persistence" data-persisted={String(persisted)}>
        {persisted === true &&
          'Persistent storage: granted. The browser will not clear your archive to free space; only you can delete it.'}
        {persisted === false &&
          'Persistent storage: not granted. Browsers may clear data that is not persistent when the disk runs low; Backstory’s unlimited-storage permission keeps Chrome and other Chromium browsers from doing so, but a backup is the safe way to keep your archive.'}
        {persisted === null && 'Persistent storage: the browser does not say whether it keeps this storage when the disk runs low.'}
      </p>
      {share !== null && share >= STORAGE_WARN_SHARE && (
        <Notice title="Storage for Backstory is nearly full" tone="warn" testId="storage-warning">
          <p>
            Your archive and Backstory’s other data use {percent(share)} of the room your browser gives it ({formatBytes(stats.usage)} of{' '}
            {formatBytes(stats.quota)}). When it is full, no new article can be saved.
          </p>
          <p>
            <a href="#/backup">Make a backup of your archive</a>, then delete articles you no longer need. Freeing space on this device also helps.
          </p>
        </Notice>
      )}
    </>
  );
}

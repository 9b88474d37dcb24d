/**
 * When the archive came back empty or smaller than it was left (the browser discarded a damaged
 * database, lib/background/census.ts): says so plainly and points to the newest backup, until the
 * reader dismisses it. Shown on the archive page and at the top of the side panel, so the reader
 * learns of it wherever they next open Backstory. Reads `storage.local` only; follows its changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDate } from './format';
import { Notice } from './Notice';
import { BACKUP_KEY, parseBackupState } from '@/lib/archive/backup-state';
import { dismissLoss, LOSS_KEY, lossMessage, parseLoss, type ArchiveLoss } from '@/lib/background/census';

/** The loss on record and the newest backup's time, kept current; null until both are read. */
function useLoss(): { loss: ArchiveLoss | null; lastBackupAt: number | null } | null {
  const [state, setState] = useState<{ loss: ArchiveLoss | null; lastBackupAt: number | null } | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void browser.storage.local.get([LOSS_KEY, BACKUP_KEY]).then((r) => {
        if (live) setState({ loss: parseLoss(r[LOSS_KEY]), lastBackupAt: parseBackupState(r[BACKUP_KEY]).lastAt });
      });
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (LOSS_KEY in changes || BACKUP_KEY in changes)) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}

/**
 * `onRestore`: what "Restore from a backup" does; without it, a link to the archive page's Backup
 * view (for the archive page itself).
 */
export function ArchiveLossNotice(props: { onRestore?: () => void }) {
  const state = useLoss();
  if (!state?.loss) return null;
  const { loss, lastBackupAt } = state;
  return (
    <Notice tone="error" title={loss.found === 0 ? 'Your archive is empty: its articles were lost' : 'Articles are missing from your archive'} testId="archive-loss">
      <p data-testid="archive-loss-text">{lossMessage(loss, lastBackupAt, (ms) => formatDate(ms, true))}</p>
      <p class="backup-actions">
        {props.onRestore ? (
          <button type="button" onClick={props.onRestore} data-testid="archive-loss-restore">
            Restore from a backup
          </button>
        ) : (
          <a href="#/backup" data-testid="archive-loss-restore">
            Restore from a backup
          </a>
        )}
        <button type="button" onClick={() => void dismissLoss(browser.storage.local)} data-testid="archive-loss-dismiss">
          I understand
        </button>
      </p>
    </Notice>
  );
}

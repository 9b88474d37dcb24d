/**
 * Reviews that sync found changed on two devices between syncs (issue #23), and which one was kept:
 * shown in the options' sync section and on the archive's claims page, where the reader reviews
 * claims. Titles and claims come from the reader's own archive and are rendered as text only.
 */
import type { ReviewConflict } from '@/lib/archive/backup-merge';
import { plural } from './format';

export function SyncConflicts({ conflicts, testId = 'sync-conflicts' }: { conflicts: readonly ReviewConflict[]; testId?: string }) {
  if (!conflicts.length) return null;
  return (
    <details data-testid={testId}>
      <summary>{plural(conflicts.length, 'review')} changed on two devices between syncs</summary>
      <p class="muted">The newer review was kept, as when a backup is imported.</p>
      <ul>
        {conflicts.map((c, i) => (
          <li key={i}>
            “{c.claim}” in {c.title}: the review {c.winner === 'here' ? 'made on this device' : 'from another device'} was newer and was kept.
          </li>
        ))}
      </ul>
    </details>
  );
}

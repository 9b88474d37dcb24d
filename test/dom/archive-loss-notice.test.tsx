// @vitest-environment happy-dom
/**
 * The notice that the archive came back empty or smaller (issue #15), as the side panel and the
 * archive page show it: from what the background recorded in `storage.local`, with the newest
 * backup's date, gone once the reader dismisses it.
 */
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveLossNotice } from '../../components/ArchiveLossNotice';
import { browserPorts } from '../../components/browser-ports';
import { Ports } from '../../components/ports';
import { BACKUP_KEY } from '../../lib/archive/backup-state';
import { LOSS_KEY, type ArchiveLoss } from '../../lib/background/census';

let root: HTMLElement;
const loss: ArchiveLoss = { expected: 42, found: 0, countedAt: Date.UTC(2026, 10, 30, 9), noticedAt: Date.UTC(2026, 11, 1, 9) };
const text = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
const settle = async (ok: () => boolean) => {
  for (let i = 0; i < 50 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
};

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the lost-archive notice', () => {
  it('shows nothing while no loss is on record', async () => {
    render(
      <Ports.Provider value={browserPorts()}>
        <ArchiveLossNotice onRestore={() => undefined} />
      </Ports.Provider>,
      root,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(text('archive-loss')).toBeNull();
  });

  it('says what was lost and points to the newest backup; the restore button does what the panel asks; dismissing removes it', async () => {
    await fakeBrowser.storage.local.set({ [LOSS_KEY]: loss, [BACKUP_KEY]: { lastAt: Date.UTC(2026, 10, 28, 9), snoozedUntil: null } });
    let restores = 0;
    render(
      <Ports.Provider value={browserPorts()}>
        <ArchiveLossNotice onRestore={() => restores++} />
      </Ports.Provider>,
      root,
    );
    await settle(() => text('archive-loss') !== null);
    expect(root.querySelector('[data-testid="archive-loss"] h2')?.textContent).toBe('Your archive is empty: its articles were lost');
    expect(text('archive-loss-text')).toMatch(/^Backstory’s archive held 42 articles .* but it was empty when Backstory started again\. .*Your newest backup from this browser was made /);
    (root.querySelector('[data-testid="archive-loss-restore"]') as HTMLButtonElement).click();
    expect(restores).toBe(1);
    (root.querySelector('[data-testid="archive-loss-dismiss"]') as HTMLButtonElement).click();
    await settle(() => text('archive-loss') === null);
    expect(text('archive-loss')).toBeNull();
    expect((await fakeBrowser.storage.local.get(LOSS_KEY))[LOSS_KEY]).toBeUndefined();
  });

  it('appears when the background records a loss while it is open, and says when there is no backup', async () => {
    render(
      <Ports.Provider value={browserPorts()}>
        <ArchiveLossNotice />
      </Ports.Provider>,
      root,
    );
    await new Promise((r) => setTimeout(r, 30));
    expect(text('archive-loss')).toBeNull();
    await fakeBrowser.storage.local.set({ [LOSS_KEY]: { ...loss, found: 7 } });
    await settle(() => text('archive-loss') !== null);
    expect(text('archive-loss-text')).toMatch(/but only 7 when Backstory started again\. .*No backup was made from this browser\./);
    // On the archive page itself: a link to the Backup view.
    expect(root.querySelector('a[data-testid="archive-loss-restore"]')?.getAttribute('href')).toBe('#/backup');
  });
});

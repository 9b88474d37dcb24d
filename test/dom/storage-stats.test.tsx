// @vitest-environment happy-dom
/**
 * The archive page's storage line: size, the browser's usage and quota, whether the storage is
 * persistent (with what that means), and a warning from 80% of the quota on.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quotaShare, STORAGE_WARN_SHARE, StorageStats } from '../../entrypoints/archive/StorageStats';
import type { ArchiveStats } from '../../lib/messaging/protocol';

const GB = 1024 ** 3;
let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(over: Partial<ArchiveStats>): void {
  render(<StorageStats stats={{ articles: 12, bytes: 48_000, usage: 1 * GB, quota: 10 * GB, persisted: false, ...over }} />, root);
}

const text = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

describe('the storage line on the archive page', () => {
  it('shows the article count, usage, quota and share', () => {
    show({});
    expect(text('stats')).toBe('12 articles (47 KB of text). Backstory uses 1.0 GB of the 10 GB this browser lets it keep (10%).');
    expect(text('storage-warning')).toBeNull();
  });

  it('says whether persistent storage was granted, and what that means', () => {
    show({ persisted: true });
    expect(text('persistence')).toMatch(/^Kept safe: this browser will not clear your archive.*Only you can delete it/);
    show({ persisted: false });
    expect(text('persistence')).toMatch(/^This browser may clear your archive .*backup/);
    show({ persisted: null });
    expect(text('persistence')).toMatch(/does not say/);
  });

  it('warns from 80% of the quota, with what to do', () => {
    show({ usage: 7.9 * GB });
    expect(text('storage-warning')).toBeNull();
    show({ usage: 8 * GB });
    const warning = text('storage-warning');
    expect(warning).toMatch(/nearly full/);
    expect(warning).toMatch(/80%/);
    expect(warning).toMatch(/backup/);
    expect(warning).toMatch(/delete articles you no longer need/);
  });

  it('never claims 100% before the quota is reached, and says so when the browser gives no figures', () => {
    show({ usage: 10 * GB - 1 });
    expect(text('stats')).toMatch(/\(99%\)/);
    show({ usage: null, quota: null });
    expect(text('stats')).toBe('12 articles (47 KB of text).');
    expect(text('storage-warning')).toBeNull();
  });

  it('computes the share safely', () => {
    expect(STORAGE_WARN_SHARE).toBe(0.8);
    expect(quotaShare({ usage: 5, quota: 0 })).toBeNull();
    expect(quotaShare({ usage: 20, quota: 10 })).toBe(1);
    expect(quotaShare({ usage: 1, quota: 4 })).toBe(0.25);
  });
});

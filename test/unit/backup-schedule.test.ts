/**
 * When a scheduled backup is due (issue #15, lib/archive/backup-schedule.ts): only when the reader
 * chose a schedule and allowed downloads, there is something to back up, the period since the
 * newest backup (of any kind) has passed, and the archive changed since.
 */
import { describe, expect, it } from 'vitest';
import { autoBackupPath, EARLY_MS, parseAutoBackup, PERIOD_MS, scheduledBackup } from '../../lib/archive/backup-schedule';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 5, 12);
const base = { every: 'daily' as const, permitted: true, articles: 10, lastBackupAt: now - 2 * DAY, changedAt: now - DAY, now };

describe('a scheduled backup', () => {
  it('is due once the period passed and the archive changed since the newest backup', () => {
    expect(scheduledBackup(base)).toBe('due');
    expect(scheduledBackup({ ...base, every: 'weekly', lastBackupAt: now - 8 * DAY })).toBe('due');
  });

  it('is due at once when there was never a backup, changed or not', () => {
    expect(scheduledBackup({ ...base, lastBackupAt: null, changedAt: null })).toBe('due');
  });

  it('waits for its period, counting a manual backup as the newest one; an hour early is on time', () => {
    expect(scheduledBackup({ ...base, lastBackupAt: now - 20 * 3_600_000 })).toBe('not-yet');
    expect(scheduledBackup({ ...base, lastBackupAt: now - PERIOD_MS.daily + EARLY_MS, changedAt: now - 1000 })).toBe('due');
    expect(scheduledBackup({ ...base, every: 'weekly', lastBackupAt: now - 6 * DAY })).toBe('not-yet');
  });

  it('is skipped when nothing changed since the newest backup; an unknown change time counts as a change', () => {
    expect(scheduledBackup({ ...base, changedAt: now - 3 * DAY })).toBe('unchanged');
    expect(scheduledBackup({ ...base, changedAt: base.lastBackupAt })).toBe('unchanged');
    expect(scheduledBackup({ ...base, changedAt: null })).toBe('due');
  });

  it('never runs when off, without the downloads permission, or with an empty archive', () => {
    expect(scheduledBackup({ ...base, every: 'off' })).toBe('off');
    expect(scheduledBackup({ ...base, permitted: false })).toBe('no-permission');
    expect(scheduledBackup({ ...base, articles: 0, lastBackupAt: null })).toBe('empty');
  });

  it('keeps its state tolerantly and writes into its own folder', () => {
    expect(parseAutoBackup(undefined)).toEqual({ every: 'off', lastAt: null, lastFile: null, lastError: null });
    expect(parseAutoBackup({ every: 'hourly', lastAt: -5, lastFile: 7 })).toEqual({ every: 'off', lastAt: null, lastFile: null, lastError: null });
    expect(parseAutoBackup({ every: 'weekly', lastAt: now, lastFile: 'Backstory/x.json', lastError: null }).every).toBe('weekly');
    expect(autoBackupPath('backstory-backup-2026-12-05.json')).toBe('Backstory/backstory-backup-2026-12-05.json');
  });
});

import { normaliseTag } from '../../lib/archive/tags';
import { describe, expect, it } from 'vitest';
import {
  archiveHash,
  cleanTag,
  cleanText,
  dayEnd,
  dayStart,
  filterFromHash,
  isFiltered,
  NO_FILTER,
  parseArchiveFilter,
  parseTags,
  toArchiveQuery,
  type ArchiveFilter,
} from '../../entrypoints/archive/query';

const FULL: ArchiveFilter = {
  q: 'ceasefire talks gen',
  publisher: 'The Independent UK',
  tag: 'ukraine & eu',
  status: 'disputed',
  from: '2025-08-01',
  to: '2025-08-19',
  actor: 'PER:donald trump',
};

/** The query string part of a list address. */
const queryOf = (hash: string) => hash.replace(/^#\/\??/, '');

describe('archive filter in the address', () => {
  it('round-trips every field, including characters that need escaping', () => {
    const hash = archiveHash(FULL);
    expect(hash.startsWith('#/?')).toBe(true);
    expect(parseArchiveFilter(queryOf(hash))).toEqual(FULL);
    expect(filterFromHash(hash)).toEqual(FULL);
    // "&" in a tag must not split the query.
    expect(new URLSearchParams(queryOf(hash)).get('tag')).toBe('ukraine & eu');
  });

  it('round-trips each field on its own, and keeps the address short', () => {
    for (const k of Object.keys(FULL) as (keyof ArchiveFilter)[]) {
      const one = { ...NO_FILTER, [k]: FULL[k] } as ArchiveFilter;
      const hash = archiveHash(one);
      expect([...new URLSearchParams(queryOf(hash)).keys()]).toEqual([k]);
      expect(filterFromHash(hash)).toEqual(one);
    }
    expect(archiveHash(NO_FILTER)).toBe('#/');
  });

  it('ignores bad values and unknown keys', () => {
    const f = parseArchiveFilter('status=bogus&from=2025-13-01&to=yesterday&limit=9999&evil=%3Cscript%3E&q=%20%20');
    expect(f).toEqual(NO_FILTER);
    expect(parseArchiveFilter('from=2025-02-30').from).toBe('');
    expect(parseArchiveFilter('to=2025-2-3').to).toBe('');
    expect(parseArchiveFilter('status=false').status).toBe('false');
    expect(parseArchiveFilter('status=not-claim').status).toBe('not-claim');
    expect(parseArchiveFilter('from=2024-02-29').from).toBe('2024-02-29');
  });

  it('cleans what it keeps: collapsed search text, lower-cased tags, capped lengths', () => {
    expect(parseArchiveFilter('q=%20keir%20%20%20starmer%20').q).toBe('keir starmer');
    expect(parseArchiveFilter('tag=%20Ukraine%20').tag).toBe('ukraine');
    expect(parseArchiveFilter(`q=${'a'.repeat(1000)}`).q).toHaveLength(200);
    expect(parseArchiveFilter(`tag=${'b'.repeat(100)}`).tag).toHaveLength(40);
    expect(parseArchiveFilter(`actor=${'c'.repeat(1000)}`).actor.length).toBeLessThanOrEqual(300);
  });

  it('reads the list addresses and leaves the other views alone', () => {
    expect(filterFromHash('')).toEqual(NO_FILTER);
    expect(filterFromHash('#/')).toEqual(NO_FILTER);
    expect(filterFromHash('#/?q=nato')).toEqual({ ...NO_FILTER, q: 'nato' });
    expect(filterFromHash('#/actor/PER%3Adonald%20trump')).toEqual({ ...NO_FILTER, actor: 'PER:donald trump' });
    expect(filterFromHash('#/actor/%E0%A4%A')).toEqual(NO_FILTER);
    expect(filterFromHash('#/article/12')).toBeNull();
    expect(filterFromHash('#/claims')).toBeNull();
    expect(filterFromHash('#/claims?status=false')).toBeNull();
  });

  it('knows when anything is set', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, to: '2025-01-01' })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, actor: 'ORG:nato' })).toBe(true);
  });
});

describe('dates from a date input', () => {
  it('starts at local midnight and ends at the last millisecond of that local day', () => {
    expect(dayStart('2025-08-19')).toBe(new Date(2025, 7, 19, 0, 0, 0, 0).getTime());
    expect(dayEnd('2025-08-19')).toBe(new Date(2025, 7, 19, 23, 59, 59, 999).getTime());
    expect(dayEnd('2025-12-31')).toBe(new Date(2025, 11, 31, 23, 59, 59, 999).getTime());
  });

  it('makes "to" inclusive: an article late that day is in, one at the next midnight is out', () => {
    const end = dayEnd('2025-03-30')!;
    expect(new Date(2025, 2, 30, 22, 15).getTime()).toBeLessThanOrEqual(end);
    expect(new Date(2025, 2, 31, 0, 0).getTime()).toBe(end + 1);
  });

  it('ends a day with a clock change at the next local midnight, not 24 hours on', () => {
    // Node reads TZ again when it changes; London's clocks go forward on 2025-03-30 (a 23-hour day).
    const tz = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      expect(dayEnd('2025-03-30')! - dayStart('2025-03-30')!).toBe(23 * 3_600_000 - 1);
      expect(dayEnd('2025-10-26')! - dayStart('2025-10-26')!).toBe(25 * 3_600_000 - 1);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('rejects what is not a real date', () => {
    for (const bad of ['', '2025-02-29', '2025-00-10', '2025-04-31', '19-08-2025', '2025-08-19T00:00', 'abcd-ef-gh']) {
      expect(dayStart(bad), bad).toBeUndefined();
      expect(dayEnd(bad), bad).toBeUndefined();
    }
  });
});

describe('the archive/search request', () => {
  it('sends every set field, with the dates as an inclusive ms range', () => {
    expect(toArchiveQuery(FULL, 50, 100)).toEqual({
      offset: 50,
      limit: 100,
      text: 'ceasefire talks gen',
      actorKey: 'PER:donald trump',
      publisher: 'The Independent UK',
      tag: 'ukraine & eu',
      claimStatus: 'disputed',
      from: new Date(2025, 7, 1).getTime(),
      to: new Date(2025, 7, 20).getTime() - 1,
    });
  });

  it('leaves unset fields out rather than sending empty ones', () => {
    expect(toArchiveQuery(NO_FILTER, 0, 50)).toEqual({ offset: 0, limit: 50 });
    expect(Object.keys(toArchiveQuery({ ...NO_FILTER, to: '2025-08-19' }, 0, 50)).sort()).toEqual(['limit', 'offset', 'to']);
  });
});

describe('tags and search text typed by the reader', () => {
  it('cleans tags as the background keeps them', () => {
    expect(cleanTag('  Foreign   Policy ')).toBe('foreign policy');
    expect(cleanTag('   ')).toBe('');
    expect(cleanTag('x'.repeat(60))).toHaveLength(40);
  });

  it('agrees with the archive on control characters: what the page sends is what is stored', () => {
    for (const raw of ['war\u0000crimes', 'eu\u0007 ', '\u001bukraine\u007f', 'a\tb\nc', '  \u0001  ']) {
      expect(cleanTag(raw)).toBe(normaliseTag(raw) ?? '');
      // eslint-disable-next-line no-control-regex -- control characters are what the test looks for
      expect(cleanTag(raw)).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
    expect(cleanTag('war\u0000crimes')).toBe('war crimes');
    expect(parseTags('eu,\u0000,ukraine')).toEqual(['eu', 'ukraine']);
  });

  it('splits a comma-separated list and drops blanks and repeats', () => {
    expect(parseTags('EU, ukraine,, eu ,  ')).toEqual(['eu', 'ukraine']);
    expect(parseTags('')).toEqual([]);
  });

  it('collapses search text', () => {
    expect(cleanText('  peace\n\tplan  ')).toBe('peace plan');
  });
});

/**
 * The archive list's search and filters as kept in the address
 * (`#/?q=…&publisher=…&tag=…&status=…&from=YYYY-MM-DD&to=YYYY-MM-DD&actor=…`), so a search can be
 * bookmarked and Back works. Pure: no DOM, no messaging, so it is unit-tested on its own.
 */
import { isClaimStatus } from '@/lib/claim-status';
import type { ArchiveQuery } from '@/lib/messaging/protocol';
import type { ClaimStatus } from '@/lib/types';
import { normaliseTag, parseTags } from '@/lib/archive/tags';

export interface ArchiveFilter {
  /** Words to search for, whitespace collapsed. */
  q: string;
  publisher: string;
  tag: string;
  status: ClaimStatus | '';
  /** Dates as a date input gives them (YYYY-MM-DD, local), or ''. */
  from: string;
  to: string;
  actor: string;
}

export const NO_FILTER: Readonly<ArchiveFilter> = { q: '', publisher: '', tag: '', status: '', from: '', to: '', actor: '' };

/** Longest search text kept: a pasted paragraph is not a search, and the address stays short. */
export const MAX_TEXT = 200;
const MAX_VALUE = 300;

/** Search text as it is sent and kept: trimmed, whitespace collapsed, capped. */
export function cleanText(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT).trim();
}

/** A tag as the background keeps it ('' when nothing is left): the archive's one normaliser. */
export function cleanTag(s: string): string {
  return normaliseTag(s) ?? '';
}

export { parseTags };

/** The local midnight starting `date` (YYYY-MM-DD), in ms; undefined for anything that is not a real date. */
export function dayStart(date: string): number | undefined {
  const d = localDate(date, 0);
  return d?.getTime();
}

/** The last millisecond of `date` (YYYY-MM-DD) in local time, so a "to" date includes the whole day. */
export function dayEnd(date: string): number | undefined {
  // The next local midnight minus 1 ms: right on days with 23 or 25 hours, unlike adding 24 h.
  const d = localDate(date, 1);
  return d ? d.getTime() - 1 : undefined;
}

function localDate(date: string, addDays: number): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(y, mo - 1, day);
  // Rejects 2025-02-30 and the like, which Date would quietly roll over into March.
  if (d.getFullYear() !== y || d.getMonth() !== mo - 1 || d.getDate() !== day) return undefined;
  if (addDays) d.setDate(d.getDate() + addDays);
  return d;
}

function validDate(s: string | null): string {
  return s && dayStart(s) !== undefined ? s : '';
}

function value(s: string | null): string {
  return (s ?? '').trim().slice(0, MAX_VALUE);
}

/** The filter in a query string (without '?'). Unknown keys and bad values are ignored, never an error. */
export function parseArchiveFilter(query: string): ArchiveFilter {
  const q = new URLSearchParams(query);
  const status = q.get('status') ?? '';
  return {
    q: cleanText(q.get('q') ?? ''),
    publisher: value(q.get('publisher')),
    tag: cleanTag(q.get('tag') ?? ''),
    status: isClaimStatus(status) ? status : '',
    from: validDate(q.get('from')),
    to: validDate(q.get('to')),
    actor: value(q.get('actor')),
  };
}

/** The address of the list with `f` applied: `#/` alone when nothing is set. */
export function archiveHash(f: ArchiveFilter): string {
  const q = new URLSearchParams();
  for (const k of ['q', 'publisher', 'tag', 'status', 'from', 'to', 'actor'] as const) if (f[k]) q.set(k, f[k]);
  const s = q.toString();
  return `#/${s ? `?${s}` : ''}`;
}

/**
 * The filter in a list address: `#/?…`, the older `#/actor/<key>` (bookmarks made before search), or
 * anything else (the whole archive). Null for the other views' addresses.
 */
export function filterFromHash(hash: string): ArchiveFilter | null {
  if (/^#\/(?:article\/|claims(?:[?/]|$))/.test(hash)) return null;
  const actor = /^#\/actor\/([^?]+)$/.exec(hash);
  if (actor) {
    let key = '';
    try {
      key = decodeURIComponent(actor[1]!);
    } catch {
      // A broken escape in a hand-typed address: show everything rather than fail.
    }
    return { ...NO_FILTER, actor: value(key) };
  }
  const list = /^#\/?\?(.*)$/.exec(hash);
  return list ? parseArchiveFilter(list[1]!) : { ...NO_FILTER };
}

export function isFiltered(f: ArchiveFilter): boolean {
  return Object.values(f).some(Boolean);
}

/** The `archive/search` request for `f`, one page of it. */
export function toArchiveQuery(f: ArchiveFilter, offset: number, limit: number): ArchiveQuery {
  const from = f.from ? dayStart(f.from) : undefined;
  const to = f.to ? dayEnd(f.to) : undefined;
  return {
    offset,
    limit,
    ...(f.q ? { text: f.q } : {}),
    ...(f.actor ? { actorKey: f.actor } : {}),
    ...(f.publisher ? { publisher: f.publisher } : {}),
    ...(f.tag ? { tag: f.tag } : {}),
    ...(f.status ? { claimStatus: f.status } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

/** Small formatting helpers shared by the side panel and the archive page. */
import { statedClock } from '@/lib/extract/date';

const WORDS_PER_MINUTE = 230;

export function readingTime(words: number): string {
  if (!Number.isFinite(words) || words <= 0) return '';
  const min = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  return `${min} min read`;
}

/**
 * A date a reader takes in at a glance: "19 Aug 2025" (with the time when asked). A publication
 * date as the page states it ("2019-11-16", "2019-11-16T21:30:00+10:00") is shown with the page's
 * own calendar date and clock, wherever the reader is; a moment in UTC ("…Z": dates saved before
 * dates kept the page's zone, Unix times) and a timestamp in milliseconds in the reader's zone.
 */
export function formatDate(iso: string | number | null | undefined, withTime = false): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const clock = typeof iso === 'string' ? statedClock(iso) : null;
  const d = new Date(clock ?? iso);
  if (Number.isNaN(d.getTime())) return '';
  const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  if (withTime && !(clock !== null && (iso as string).length <= 10)) Object.assign(opts, { hour: '2-digit', minute: '2-digit' });
  if (clock !== null) opts.timeZone = 'UTC';
  return d.toLocaleString(undefined, opts);
}

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return 'unknown';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Page text shown in one line with Backstory's own, without explicit direction controls
 * (embeddings, overrides, isolates): an unclosed override in a byline turns the "· 5 min read"
 * after it backwards. Extraction drops them from new articles; saved or restored records may
 * still carry them.
 */
export function withoutDirectionControls(s: string): string {
  return s.replace(DIRECTION_CONTROLS, '');
}

/** Only http(s) links from an article may become clickable: never javascript:, data: or the like. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * A link to `text` inside the page at `url`, as a text fragment (`#:~:text=start,end`) that browsers
 * with the feature scroll to and highlight; others just open the page. Null for non-http(s) URLs.
 */
export function textFragmentHref(url: string, text: string): string | undefined {
  const href = safeHref(url);
  if (!href) return undefined;
  const words = text.replace(/[“”"]/g, ' ').split(/\s+/).filter(Boolean);
  if (!words.length) return href;
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  const directive = words.length <= 10 ? enc(words.join(' ')) : `${enc(words.slice(0, 5).join(' '))},${enc(words.slice(-5).join(' '))}`;
  return `${href.replace(/#.*$/, '')}#:~:text=${directive}`;
}

const DAY_MS = 86_400_000;
/** How far back a date still reads better as "3 weeks ago" than as a date. */
const RELATIVE_DAYS = 42;

/**
 * "today", "yesterday", "3 days ago", "2 weeks ago" for the last weeks; '' otherwise (older, in the
 * future or not a date), where the absolute date says it better. Counts calendar days, not 24-hour spans.
 */
export function relativeDay(ms: number, now: number): string {
  if (!Number.isFinite(ms) || !Number.isFinite(now)) return '';
  const start = (t: number) => {
    const d = new Date(t);
    d.setHours(0, 0, 0, 0);
    return d.getTime();
  };
  // Rounded, because a day across a clock change is 23 or 25 hours long.
  const days = Math.round((start(now) - start(ms)) / DAY_MS);
  if (days < 0 || days >= RELATIVE_DAYS) return '';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  return `${Math.floor(days / 7)} weeks ago`;
}

/** A machine-readable date for `<time datetime>`: "2025-08-19T10:00:00.000Z", or '' when it is not a date. */
export function isoDate(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** `text` cut to at most `max` characters with an ellipsis, for one-line mentions of a title. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…` : text;
}

/**
 * A claim's sentence as the article wrote it, clipped. No quotation marks are added: most claims
 * are the article's narration ("He said he was very pleased…"), and marks around them beside a
 * speaker's name would present the reporter's words as the speaker's.
 */
export function excerpt(text: string, max: number): string {
  return clip(text.trim(), max);
}

/** Characters of a speaker a claim card's heading shows at most. */
export const SPEAKER_CHARS = 48;

/**
 * A speaker as a card's heading: a long description is cut before its relative clause ("hotel
 * bosses that responded to an online thread about …" → "hotel bosses…"), or else at a word. The
 * card keeps the whole in its title.
 */
export function speakerLabel(speaker: string, max = SPEAKER_CHARS): string {
  const s = speaker.trim();
  if (s.length <= max) return s;
  const rel = s.search(/ (?:that|who|whom|which|whose) /);
  if (rel > 0 && rel <= max) return `${s.slice(0, rel).replace(/,$/, '')}…`;
  const cut = s.lastIndexOf(' ', max);
  return `${s.slice(0, cut > 0 ? cut : max).replace(/,$/, '')}…`;
}

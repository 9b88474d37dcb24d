/**
 * Publication dates as pages write them, normalised to ISO 8601 in the page's own time zone.
 *
 * Convention: a date with a time keeps the wall clock and the offset the page states, written
 * `YYYY-MM-DDTHH:MM:SS±HH:MM` ("Z", "GMT" and "UTC" become +00:00), so the calendar date shown is
 * the one the page states (a page dated 16 November at 21:30 +10:00 stays 16 November). A time
 * written without any offset keeps its wall clock and is written +00:00 (taken as UTC for ordering,
 * so the result never depends on the machine's time zone). A date without a time stays a calendar
 * date `YYYY-MM-DD`. Only a Unix time, which states an instant and no zone, is written in UTC with
 * "Z"; so are all records saved before this convention (they were converted to UTC): readers of
 * a "Z" string show it in the reader's zone, as before (see `statedClock`). Anything we cannot
 * read, or a year outside 1900–2100, gives null.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function ymd(y: number, m: number, d: number): string | null {
  return validYmd(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
}

/** The wall clock `ms` (as if UTC) written with the stated offset in minutes. */
function stated(ms: number, off: number): string | null {
  const t = utc(ms);
  if (!t) return null;
  const a = Math.abs(off);
  return `${t.slice(0, -1)}${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

function utc(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const dt = new Date(ms);
  const y = dt.getUTCFullYear();
  if (y < 1900 || y > 2100) return null;
  return dt.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// 2025-08-19, 2025-08-19T19:30, 2025-08-19 19:30:00.123+01:00, 20250819T193000Z, ...+0100, ...+01
const ISO_RE = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const ZONE_ABBR: Record<string, number> = {
  utc: 0,
  gmt: 0,
  z: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  aest: 600,
  aedt: 660,
};

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return null;
  const z = zone.toLowerCase();
  if (z in ZONE_ABBR) return ZONE_ABBR[z]!;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return null;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -mins : mins;
}

export function normaliseDate(input: string | null | undefined): string | null {
  if (input == null) return null;
  const s = String(input).trim();
  if (!s) return null;

  // Unix time in seconds or milliseconds (some sites put it in meta tags).
  if (/^\d{10}$/.test(s)) return utc(Number(s) * 1000);
  if (/^\d{13}$/.test(s)) return utc(Number(s));

  const iso = ISO_RE.exec(s.replace(/^(\d{4})\/(\d{2})\/(\d{2})\b/, '$1-$2-$3'));
  if (iso) {
    const [, y, mo, d, h, mi, sec, zone] = iso;
    if (h === undefined) return ymd(Number(y), Number(mo), Number(d));
    if (!validYmd(Number(y), Number(mo), Number(d)) || Number(h) > 24 || Number(mi) > 59 || Number(sec ?? 0) > 60) return null;
    return stated(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0)), offsetMinutes(zone) ?? 0);
  }

  // 19/08/2025 and 08/19/2025 are ambiguous; only accept them when one reading is impossible.
  const slash = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (slash) {
    const a = Number(slash[1]);
    const b = Number(slash[2]);
    const y = Number(slash[3]);
    if (a > 12 && b <= 12) return ymd(y, b, a);
    if (b > 12 && a <= 12) return ymd(y, a, b);
    if (a === b) return ymd(y, a, b);
    return null;
  }
  // "Tue, 19 Aug 2025 19:30:00 GMT", "19 August 2025", "Aug. 19, 2025 7:30 pm EDT", "1:38 PM IST Nov 20, 2019"
  return dateInText(s)?.date ?? null;
}

const MON = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
// "16 November 2019", "Nov. 16th, 2019", "2019-11-16" / "2019/11/16", "16.11.2019".
const TEXT_DATE = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+${MON},?\\s+(\\d{4})|${MON}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{4})[-/](\\d{2})[-/](\\d{2})|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}))\\b`,
  'i',
);
const TIME = '(\\d{1,2}):(\\d{2})(?::\\d{2})?\\s*(?:([ap])\\.?m\\b\\.?)?(?:\\s*\\(?([a-z]{1,5}|[+-]\\d{2}:?\\d{2})\\b\\)?)?';
const TIME_AFTER = new RegExp(`^,?\\s*(?:at\\s+|[-–—·|,]\\s*)?${TIME}`, 'i');

/**
 * The first date written in a line of text ("Published 16 November 2019", "7:07 PM EST Nov 19,
 * 2019", "Jeff Foust — November 18, 2019"), with the time that follows it if any, in the form
 * `normaliseDate` gives (a calendar date is all a dateline needs); `at` is where the date starts.
 * Null without a date.
 */
export function dateInText(s: string): { date: string; at: number } | null {
  const m = TEXT_DATE.exec(s);
  if (!m) return null;
  const g = (i: number) => Number(m[i]);
  const [y, mo, d] = m[3] ? [g(3), MONTHS[m[2]!.slice(0, 3).toLowerCase()]!, g(1)] : m[6] ? [g(6), MONTHS[m[4]!.slice(0, 3).toLowerCase()]!, g(5)] : m[7] ? [g(7), g(8), g(9)] : [g(12), g(11), g(10)];
  const day = ymd(y, mo, d);
  if (!day) return null;
  const at = m.index;
  const t = TIME_AFTER.exec(s.slice(at + m[0].length));
  let h = t ? Number(t[1]) : 99;
  const ap = t?.[3]?.toLowerCase();
  if (ap === 'p' && h < 12) h += 12;
  if (ap === 'a' && h === 12) h = 0;
  const mi = t ? Number(t[2]) : 0;
  if (h > 23 || mi > 59) return { date: day, at };
  return { date: stated(Date.UTC(y, mo - 1, d, h, mi), offsetMinutes(t![4]) ?? 0)!, at };
}

/**
 * The wall clock a stored date states, as milliseconds read in UTC (for display with timeZone
 * 'UTC'), for calendar dates and times with an offset; null for a time in UTC ("…Z", written
 * before dates kept the page's zone, or a Unix time) and anything else, which are shown in the
 * reader's own zone as before.
 */
export function statedClock(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) : null;
}

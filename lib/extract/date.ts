/**
 * Publication dates as pages write them, normalised to ISO 8601.
 *
 * Convention: a date with a time is converted to UTC and written `YYYY-MM-DDTHH:MM:SSZ` (sortable,
 * comparable as strings); a time written without any offset is taken as UTC so the result never
 * depends on the machine's time zone. A date without a time stays a calendar date `YYYY-MM-DD`
 * (we do not invent a midnight in some zone). Anything we cannot read, or a year outside
 * 1900–2100, gives null.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
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

function utc(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const dt = new Date(ms);
  const y = dt.getUTCFullYear();
  if (y < 1900 || y > 2100) return null;
  return dt.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// 2025-08-19, 2025-08-19T19:30, 2025-08-19 19:30:00.123+01:00, 20250819T193000Z, ...+0100, ...+01
const ISO_RE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;

// "Tue, 19 Aug 2025 19:30:00 GMT", "19 August 2025", "August 19, 2025", "Aug. 19 2025 7:30 pm EDT"
const DMY_RE = /^(?:[a-z]+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]+)\.?,?\s+(\d{4})(.*)$/i;
const MDY_RE = /^(?:[a-z]+\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/i;
const ZONE_ABBR: Record<string, number> = {
  utc: 0, gmt: 0, z: 0, bst: 60, cet: 60, cest: 120, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420,
  mdt: -360, pst: -480, pdt: -420,
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

/** The rest of a textual date after the year: optional "[at] 7:30[:00] [pm] [zone]". */
function textualTime(y: number, mo: number, d: number, rest: string): string | null {
  const r = rest.trim().replace(/^(?:at|,|-|–|·)\s*/i, '');
  if (!r) return ymd(y, mo, d);
  const m = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*\(?([a-z]{1,4}|[+-]\d{2}:?\d{2})?\)?$/i.exec(r);
  if (!m) return ymd(y, mo, d);
  let h = Number(m[1]);
  const ampm = m[4]?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  if (h > 23) return ymd(y, mo, d);
  if (!validYmd(y, mo, d)) return null;
  const off = offsetMinutes(m[5]) ?? 0;
  return utc(Date.UTC(y, mo - 1, d, h, Number(m[2]), Number(m[3] ?? 0)) - off * 60_000);
}

export function normaliseDate(input: string | null | undefined): string | null {
  if (input == null) return null;
  const s = String(input).trim();
  if (!s) return null;

  // Unix time in seconds or milliseconds (some sites put it in meta tags).
  if (/^\d{10}$/.test(s)) return utc(Number(s) * 1000);
  if (/^\d{13}$/.test(s)) return utc(Number(s));

  const iso = ISO_RE.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, zone] = iso;
    if (h === undefined) return ymd(Number(y), Number(mo), Number(d));
    if (!validYmd(Number(y), Number(mo), Number(d)) || Number(h) > 24 || Number(mi) > 59 || Number(sec ?? 0) > 60) return null;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    const off = offsetMinutes(zone) ?? 0;
    return utc(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0), ms) - off * 60_000);
  }

  const dmy = DMY_RE.exec(s);
  if (dmy) {
    const mo = MONTHS[dmy[2]!.slice(0, 4).toLowerCase()] ?? MONTHS[dmy[2]!.slice(0, 3).toLowerCase()];
    if (mo) return textualTime(Number(dmy[3]), mo, Number(dmy[1]), dmy[4] ?? '');
  }
  const mdy = MDY_RE.exec(s);
  if (mdy) {
    const mo = MONTHS[mdy[1]!.slice(0, 4).toLowerCase()] ?? MONTHS[mdy[1]!.slice(0, 3).toLowerCase()];
    if (mo) return textualTime(Number(mdy[3]), mo, Number(mdy[2]), mdy[4] ?? '');
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
  return null;
}

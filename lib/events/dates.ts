/**
 * The dates an article talks about (issue #5), as day intervals.
 *
 * A day is a whole number of days since 1970-01-01 (UTC). Each date found becomes an interval
 * [from, to] of days: a day ("March 3, 2019", "on Monday"), a week ("last week"), a month
 * ("March 2019", "last month") or a year ("in 2019"). Relative expressions are resolved against the
 * article's own date when it has one and dropped when it has none; a month and day without a year
 * ("March 3") take the year that puts them on or before the article's date (give or take a month).
 *
 * Deliberately simple: English only, no ambiguous numeric forms ("3/4/2019"), no ranges. A year is
 * taken only where it reads as a year ("in 2019", "2019." or "2019 and"), not as a quantity
 * ("2000 people").
 */

export type DayInterval = [from: number, to: number];

const MS_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_DAY);
}

/** The date part of an ISO 8601 string (or anything Date.parse reads) as a day, or null. */
export function parseDay(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return dayOf(y, mo, d);
    return null;
  }
  const t = Date.parse(value);
  return Number.isFinite(t) ? Math.floor(t / MS_DAY) : null;
}

/** ISO date (YYYY-MM-DD) of a day. */
export function isoDay(day: number): string {
  return new Date(day * MS_DAY).toISOString().slice(0, 10);
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, few: 3, several: 3 };

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAYNUM = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d\\d)';
const SEP = '\\s*,?\\s*';

const RE_ISO = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g;
const RE_MONTH_DAY = new RegExp(`\\b${MONTH}\\s+${DAYNUM}\\b(?:${SEP}${YEAR}\\b)?`, 'gi');
const RE_DAY_MONTH = new RegExp(`\\b${DAYNUM}\\s+(?:of\\s+)?${MONTH}\\b(?:${SEP}${YEAR}\\b)?`, 'gi');
const RE_MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?${YEAR}\\b`, 'gi');
const RE_YEAR = /\b((?:19|20)\d\d)\b/g;
const RE_WEEKDAY = /\b(?:(last|next|this|on|since|until|by|from|early|late)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi;
const RE_RELATIVE = /\b(today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night|(?:last|this|next|past) (?:week|month|year|weekend))\b/gi;
const RE_AGO = /\b(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several)\s+(day|week|month|year)s?\s+ago\b/gi;

/** Words before a four-digit number that make it a year. */
const YEAR_BEFORE = /(?:\b(?:in|since|of|by|until|till|from|before|after|during|early|late|mid|year|since|through|throughout|to|and|between|circa|c\.)\s*|[-–(]\s*)$/i;
/** A lower-case word after a four-digit number that still lets it be a year. */
const YEAR_AFTER_OK = new Set([
  'and',
  'or',
  'when',
  'as',
  'to',
  'after',
  'before',
  'in',
  'on',
  'at',
  'but',
  'was',
  'were',
  'with',
  'which',
  'that',
  'while',
  'until',
  'for',
  'by',
  'season',
  'election',
  'elections',
  'olympics',
  'games',
  'world',
  'cup',
  'census',
  'budget',
  'campaign',
  'film',
  'movie',
  'album',
  'earthquake',
  'quake',
  'tsunami',
  'attack',
  'attacks',
  'crisis',
  'war',
  'final',
]);

function monthNumber(s: string): number | null {
  const k = s.toLowerCase().replace(/\.$/, '');
  return MONTHS[k] ?? MONTHS[k.slice(0, 3)] ?? null;
}

function monthInterval(year: number, month: number): DayInterval {
  return [dayOf(year, month, 1), dayOf(year, month + 1, 1) - 1];
}

function yearInterval(year: number): DayInterval {
  return [dayOf(year, 1, 1), dayOf(year, 12, 31)];
}

/** Monday-to-Sunday week containing `day`. */
function weekInterval(day: number): DayInterval {
  const wd = (new Date(day * MS_DAY).getUTCDay() + 6) % 7; // Monday = 0
  return [day - wd, day - wd + 6];
}

function validDay(y: number, m: number, d: number): boolean {
  return d >= 1 && d <= 31 && new Date(Date.UTC(y, m - 1, d)).getUTCMonth() === m - 1;
}

/** A month and day without a year: the year that puts it on or before `ref`, allowing a month ahead. */
function yearFor(ref: number, month: number, day: number): number {
  const y = new Date(ref * MS_DAY).getUTCFullYear();
  return dayOf(y, month, day) > ref + 31 ? y - 1 : y;
}

export interface ExtractDatesOptions {
  /** The article's own date (a day), to resolve relative expressions. */
  ref: number | null;
  /** Reads at most this many characters (default 100,000). */
  maxChars?: number;
  /** Keeps at most this many intervals, the first found (default 32). */
  max?: number;
}

/**
 * The dates a text mentions, as day intervals in order of first mention, without duplicates.
 */
export function extractDates(text: string, opts: ExtractDatesOptions): DayInterval[] {
  const src = text.length > (opts.maxChars ?? 100_000) ? text.slice(0, opts.maxChars ?? 100_000) : text;
  const ref = opts.ref;
  const found: { at: number; iv: DayInterval }[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  const add = (at: number, len: number, iv: DayInterval | null) => {
    taken.push([at, at + len]);
    if (iv && iv[0] <= iv[1]) found.push({ at, iv });
  };

  for (const m of src.matchAll(RE_ISO)) {
    const y = Number(m[1]),
      mo = Number(m[2]),
      d = Number(m[3]);
    add(m.index, m[0].length, validDay(y, mo, d) ? [dayOf(y, mo, d), dayOf(y, mo, d)] : null);
  }
  for (const re of [RE_MONTH_DAY, RE_DAY_MONTH]) {
    for (const m of src.matchAll(re)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const monthFirst = re === RE_MONTH_DAY;
      const mo = monthNumber(monthFirst ? m[1]! : m[2]!);
      const d = Number(monthFirst ? m[2] : m[1]);
      if (mo === null) continue;
      // "may 5" as a verb ("may 5 people…") is rare next to a capital "May"; require the capital.
      const monthWord = monthFirst ? m[1]! : m[2]!;
      if (monthWord.toLowerCase().startsWith('may') && monthWord[0] !== 'M') continue;
      const y = m[3] ? Number(m[3]) : ref !== null ? yearFor(ref, mo, d) : null;
      if (y === null || !validDay(y, mo, d)) {
        add(m.index, m[0].length, null);
        continue;
      }
      const day = dayOf(y, mo, d);
      add(m.index, m[0].length, [day, day]);
    }
  }
  for (const m of src.matchAll(RE_MONTH_YEAR)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const mo = monthNumber(m[1]!);
    if (mo === null || (m[1]!.toLowerCase().startsWith('may') && m[1]![0] !== 'M')) continue;
    add(m.index, m[0].length, monthInterval(Number(m[2]), mo));
  }
  for (const m of src.matchAll(RE_YEAR)) {
    const end = m.index + m[0].length;
    if (!free(m.index, end)) continue;
    const before = src.slice(Math.max(0, m.index - 16), m.index);
    if (/[\d.,$£€]\s*$/.test(before) && !/[-–(]\s*$/.test(before)) continue; // part of a larger number or an amount
    const next = /^\s*([\p{L}'’%]+|[^\s\p{L}\p{N}]|$)/u.exec(src.slice(end, end + 24))?.[1] ?? '';
    if (next === '%' || (next === '.' && /^\.\d/.test(src.slice(end, end + 2)))) continue;
    const lowerWord = /^\p{Ll}/u.test(next);
    if (lowerWord && !YEAR_AFTER_OK.has(next.toLowerCase()) && !YEAR_BEFORE.test(before)) continue;
    const y = Number(m[1]);
    if (ref !== null && y > new Date(ref * MS_DAY).getUTCFullYear() + 5) continue;
    add(m.index, end - m.index, yearInterval(y));
  }

  if (ref !== null) {
    const refWd = new Date(ref * MS_DAY).getUTCDay();
    for (const m of src.matchAll(RE_WEEKDAY)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const mod = (m[1] ?? '').toLowerCase();
      const wd = WEEKDAYS[m[2]!.toLowerCase()]!;
      let day: number;
      if (mod === 'next') day = ref + ((wd - refWd + 7) % 7 || 7);
      else if (mod === 'last') day = ref - ((refWd - wd + 7) % 7 || 7);
      else if (mod === 'this') {
        const back = (refWd - wd + 7) % 7;
        day = back <= 3 ? ref - back : ref + ((wd - refWd + 7) % 7);
      } else day = ref - ((refWd - wd + 7) % 7); // news convention: the most recent such day, today included
      add(m.index, m[0].length, [day, day]);
    }
    for (const m of src.matchAll(RE_RELATIVE)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const e = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      let iv: DayInterval | null;
      if (e === 'today' || e === 'tonight' || e.startsWith('this m') || e.startsWith('this a') || e.startsWith('this e')) iv = [ref, ref];
      else if (e === 'yesterday' || e === 'last night') iv = [ref - 1, ref - 1];
      else if (e === 'tomorrow') iv = [ref + 1, ref + 1];
      else {
        const [when, unit] = e.split(' ') as [string, string];
        const date = new Date(ref * MS_DAY);
        const y = date.getUTCFullYear();
        const mo = date.getUTCMonth() + 1;
        const shift = when === 'last' ? -1 : when === 'next' ? 1 : 0;
        if (unit === 'week') iv = when === 'past' ? [ref - 7, ref] : (weekInterval(ref + 7 * shift) as DayInterval);
        else if (unit === 'weekend') {
          const sat = ref - ((refWd - 6 + 7) % 7) + (shift > 0 ? 7 : 0) - (shift < 0 && refWd === 6 ? 7 : 0);
          iv = [sat, sat + 1];
        } else if (unit === 'month') iv = when === 'past' ? [ref - 30, ref] : monthInterval(mo + shift > 12 ? y + 1 : mo + shift < 1 ? y - 1 : y, ((mo + shift + 11) % 12) + 1);
        else iv = when === 'past' ? [ref - 365, ref] : yearInterval(y + shift);
      }
      add(m.index, m[0].length, iv);
    }
    for (const m of src.matchAll(RE_AGO)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const n = /^\d/.test(m[1]!) ? Number(m[1]) : (NUMBER_WORDS[m[1]!.toLowerCase()] ?? 1);
      const unit = m[2]!.toLowerCase();
      const days = unit === 'day' ? n : unit === 'week' ? 7 * n : unit === 'month' ? 30 * n : 365 * n;
      const slack = unit === 'day' ? 0 : unit === 'week' ? 3 : unit === 'month' ? 15 : 182;
      add(m.index, m[0].length, [ref - days - slack, ref - days + slack]);
    }
  }

  found.sort((a, b) => a.at - b.at);
  const out: DayInterval[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const k = `${f.iv[0]}:${f.iv[1]}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f.iv);
    if (out.length >= (opts.max ?? 32)) break;
  }
  return out;
}

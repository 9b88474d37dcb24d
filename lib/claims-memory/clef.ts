/**
 * Readers for the CLEF 2020 CheckThat! task 2 files (verified-claim retrieval): tab-separated with
 * a header line, fields quoted CSV-style when they hold quotes, tabs or line breaks ("" is a quote
 * inside a quoted field). Used by the eval and the training command; pure.
 */

/** Parses tab-separated text with CSV-style quoting into rows of fields. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i++;
      continue;
    }
    if (c === '\t') {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    atFieldStart = false;
    i++;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

export interface VerifiedClaim {
  id: string;
  text: string;
  title: string;
}

export interface Tweet {
  id: string;
  text: string;
}

function columns(rows: string[][], what: string, want: string[]): number[] {
  const header = rows[0]?.map((h) => h.trim().toLowerCase());
  if (!header) throw new Error(`${what} is empty`);
  // The first column of these files has an empty header: it is the id.
  return want.map((w, i) => {
    const at = header.indexOf(w);
    if (at >= 0) return at;
    if (i === 0 && header[0] === '') return 0;
    throw new Error(`${what}: no "${w}" column in the header (${header.join(', ')})`);
  });
}

/** verified_claims.tsv: id, vclaim, title. */
export function parseVerifiedClaims(text: string, what = 'verified claims'): VerifiedClaim[] {
  const rows = parseTsv(text);
  const [id, claim, title] = columns(rows, what, ['vclaim_id', 'vclaim', 'title']);
  return rows
    .slice(1)
    .filter((r) => r[id!]?.trim())
    .map((r) => ({ id: r[id!]!.trim(), text: r[claim!] ?? '', title: r[title!] ?? '' }));
}

/** tweets.tsv: id, tweet_content. */
export function parseTweets(text: string, what = 'tweets'): Tweet[] {
  const rows = parseTsv(text);
  const [id, content] = columns(rows, what, ['tweet_id', 'tweet_content']);
  return rows
    .slice(1)
    .filter((r) => r[id!]?.trim())
    .map((r) => ({ id: r[id!]!.trim(), text: r[content!] ?? '' }));
}

/** qrels.tsv: `tweet_id 0 vclaim_id relevance`, no header; the relevant claims of each tweet. */
export function parseQrels(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^\d+$/.test(f[3]!)) continue;
    if (Number(f[3]) <= 0) continue;
    let s = out.get(f[0]!);
    if (!s) out.set(f[0]!, (s = new Set()));
    s.add(f[2]!);
  }
  return out;
}

const SIGNATURE = /\s*[—–-]\s*([^—–]{0,80}?)\s*\(@(\w+)\)\s+([A-Z][a-z]+)\s+\d{1,2},\s+(\d{4})\s*$/;

/**
 * A tweet as a claim-matching query: the text without its signature ("— Name (@handle) January 6,
 * 2020"), the author as context (like an article claim's speaker) and the year it was posted.
 */
export function tweetQuery(text: string): { text: string; context?: string; year?: number } {
  const m = SIGNATURE.exec(text);
  if (!m) return { text };
  return { text: text.slice(0, m.index), context: `${m[1]} @${m[2]}`, year: Number(m[4]) };
}

/**
 * Reading labelled check-worthiness data from text (pure: the CLI reads the file, this parses it).
 * Two layouts: JSONL with at least `text` and `label` (1 = check-worthy), optionally `id`, `doc`;
 * and tab-separated with a header row, as CLEF CheckThat! 2020 ships it (`tweet_text`,
 * `check_worthiness`, `tweet_id`), where any column named text/label/id/doc also works. JSONL may
 * also give `speaker` (CLEF 2019 debates), which the context re-ranking uses.
 */

export interface ClaimRow {
  id: string;
  text: string;
  label: 0 | 1;
  doc?: string;
  /** Who says the line (CLEF 2019 debates), when the file has it. */
  speaker?: string;
}

export interface ParsedClaims {
  rows: ClaimRow[];
  format: 'jsonl' | 'tsv';
  /** Lines that could not be used, with 1-based line numbers and why (first 20 kept). */
  malformed: number;
  problems: string[];
  blank: number;
}

function toLabel(v: unknown): 0 | 1 | null {
  if (v === 1 || v === '1' || v === true || v === 'true' || v === 1.0) return 1;
  if (v === 0 || v === '0' || v === false || v === 'false') return 0;
  return null;
}

const TEXT_COLS = ['text', 'tweet_text', 'sentence', 'claim_text'];
const LABEL_COLS = ['label', 'check_worthiness', 'checkworthy', 'check-worthy'];
const ID_COLS = ['id', 'tweet_id', 'line_number', 'sentence_id'];
const DOC_COLS = ['doc', 'debate', 'document'];

export function parseClaims(content: string): ParsedClaims {
  const lines = content
    .replace(/^\uFEFF/, '')
    .replace(/\r?\n$/, '')
    .split(/\r?\n/);
  const firstIdx = lines.findIndex((l) => l.trim() !== '');
  const out: ParsedClaims = { rows: [], format: 'jsonl', malformed: 0, problems: [], blank: 0 };
  if (firstIdx < 0) return out;
  const bad = (line: number, why: string): void => {
    out.malformed++;
    if (out.problems.length < 20) out.problems.push(`line ${line}: ${why}`);
  };
  const first = lines[firstIdx]!.trim();
  if (!first.startsWith('{') && first.includes('\t')) {
    out.format = 'tsv';
    const header = first.split('\t').map((h) => h.trim().toLowerCase());
    const col = (names: string[]): number => header.findIndex((h) => names.includes(h));
    const ti = col(TEXT_COLS);
    const li = col(LABEL_COLS);
    const ii = col(ID_COLS);
    const di = col(DOC_COLS);
    if (ti < 0 || li < 0) throw new Error(`TSV header needs a text column (${TEXT_COLS.join('/')}) and a label column (${LABEL_COLS.join('/')}); found: ${header.join(', ')}`);
    for (let n = firstIdx + 1; n < lines.length; n++) {
      const line = lines[n]!;
      if (line.trim() === '') {
        out.blank++;
        continue;
      }
      const cells = line.split('\t');
      const text = cells[ti]?.trim();
      const label = toLabel(cells[li]?.trim());
      if (!text) bad(n + 1, 'no text');
      else if (label === null) bad(n + 1, `label is not 0 or 1 (${JSON.stringify(cells[li] ?? null)})`);
      else {
        const row: ClaimRow = { id: ii >= 0 && cells[ii] ? cells[ii]!.trim() : String(n + 1), text, label };
        if (di >= 0 && cells[di]?.trim()) row.doc = cells[di]!.trim();
        out.rows.push(row);
      }
    }
    return out;
  }
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '') {
      out.blank++;
      continue;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      bad(n + 1, 'not valid JSON');
      continue;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      bad(n + 1, 'not a JSON object');
      continue;
    }
    const o = obj as Record<string, unknown>;
    const label = toLabel(o.label);
    if (typeof o.text !== 'string' || o.text.trim() === '') bad(n + 1, 'no "text" string');
    else if (label === null) bad(n + 1, `"label" is not 0 or 1 (${JSON.stringify(o.label ?? null)})`);
    else {
      const row: ClaimRow = { id: o.id !== undefined && o.id !== null ? String(o.id) : String(n + 1), text: o.text, label };
      if (typeof o.doc === 'string' || typeof o.doc === 'number') row.doc = String(o.doc);
      if (typeof o.speaker === 'string' && o.speaker.trim() !== '') row.speaker = o.speaker.trim();
      out.rows.push(row);
    }
  }
  return out;
}

/** FNV-1a, 32 bit: a stable hash for deterministic splits. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

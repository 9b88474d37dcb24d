/**
 * What the archive's reader view marks in a saved article, as the page marks it: the names of its
 * actors by type, and the claims to doubt (unverified, or reviewed as disputed or false), plus the
 * one claim the reader came to see. And which paragraphs it leaves out: lines that only point to
 * other stories ("Related: …", "READ MORE"), which older saves and some pages still hold as text.
 * Pure: unit-tested on its own.
 */
import { claimStatus } from '@/lib/claim-status';
import type { Actor, Claim, ClaimStatus } from '@/lib/types';

/** A run of a paragraph's text with what covers it. */
export interface Segment {
  text: string;
  /** The claim covering this run, if it is marked. */
  claim: Claim | null;
  /** The status the claim is marked with ('claim' for the one asked for without a status). */
  status: ClaimStatus | 'claim' | null;
  /** The actor whose name this run is. */
  actor: Actor | null;
}

const DOUBTED: ReadonlySet<string> = new Set(['unverified', 'disputed', 'false']);

interface Span {
  start: number;
  end: number;
}

/** Where each actor's names stand in a paragraph: whole words, longest names first, no overlaps. */
export function nameSpans(text: string, actors: readonly Actor[]): (Span & { actor: Actor })[] {
  const names: { name: string; actor: Actor }[] = [];
  for (const a of actors) for (const n of new Set([a.name, ...(a.aliases ?? [])])) if (n && n.length >= 2) names.push({ name: n, actor: a });
  names.sort((x, y) => y.name.length - x.name.length);
  const taken: (Span & { actor: Actor })[] = [];
  const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (const { name, actor } of names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      const end = i + name.length;
      if (wordChar(text[i - 1]) || wordChar(text[end])) continue;
      if (taken.some((t) => i < t.end && end > t.start)) continue;
      taken.push({ start: i, end, actor });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The paragraph cut into runs, each with the claim and the name over it. */
export function segments(text: string, paragraph: number, claims: readonly Claim[], actors: readonly Actor[], focus: string | null): Segment[] {
  const marked: (Span & { claim: Claim; status: Segment['status'] })[] = [];
  for (const c of claims) {
    const status = claimStatus(c);
    const shown = (status && DOUBTED.has(status)) || c.id === focus;
    if (!shown) continue;
    for (const s of c.spans ?? [])
      if (s.paragraph === paragraph && s.start >= 0 && s.end <= text.length && s.end > s.start) marked.push({ start: s.start, end: s.end, claim: c, status: status ?? 'claim' });
  }
  const names = nameSpans(text, actors);
  const cuts = new Set([0, text.length]);
  for (const s of [...marked, ...names]) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    // The claim asked for wins over others on the same words.
    const over = marked.filter((m) => m.start <= start && m.end >= end);
    const claim = over.find((m) => m.claim.id === focus) ?? over[0];
    const name = names.find((n) => n.start <= start && n.end >= end);
    const seg: Segment = { text: text.slice(start, end), claim: claim?.claim ?? null, status: claim?.status ?? null, actor: name?.actor ?? null };
    const last = out[out.length - 1];
    if (last && last.claim === seg.claim && last.actor === seg.actor && last.status === seg.status) last.text += seg.text;
    else out.push(seg);
  }
  return out;
}

/** Labels that open a line pointing to another story. */
const TEASER =
  /^(?:related(?: (?:post|story|stories|article|articles|news|coverage|content|reading|searches))?|read (?:more|also|next)|also read|see also|more(?: (?:on|from) [^:]{1,40})?|don[’']t miss|recommended(?: for you)?|most read|trending|watch|listen|click here[^:]*)\s*[:|—–-]?\s*/i;

/**
 * A line that only points to another story: a teaser label alone ("Read More", "related news"), or
 * a label with a colon and a headline after it ("Related: Chicago is America's most segregated
 * city"). A headline is short and does not read as a sentence of the article (no closing full stop
 * after a word, or a question). A real sentence starting with "More" ("More than 40 people died.")
 * is kept: there the label has no colon.
 */
export function isTeaserLine(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 200) return false;
  const m = TEASER.exec(t);
  if (!m) return false;
  const rest = t.slice(m[0].length);
  if (!rest) return true;
  if (!/[:|—–-]\s*$/.test(m[0])) return false;
  return rest.length <= 160 && !/\p{Ll}{2,}\.$/u.test(rest);
}

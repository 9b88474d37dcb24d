/**
 * A claim the tool missed, from the text the reader selected on the page (issue #4): located in
 * the article's paragraphs so that it can be painted and found again like any other claim.
 */
import type { Claim, TextSpan } from '../../types';
import { claimId } from './find';

export const MAX_SELECTION = 5000;

/** `text` with runs of white space collapsed, and for each character of the result its offset in `text`. */
function collapse(text: string): { out: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      at.push(i - 1);
      space = false;
    }
    out += c;
    at.push(i);
  }
  return { out, at };
}

/**
 * The claim for a selection, or a sentence saying why there is none. A selection over several
 * paragraphs is found paragraph by paragraph, in order.
 */
export function claimFromSelection(paragraphs: readonly string[], selection: string): Claim | string {
  const parts = selection
    .slice(0, MAX_SELECTION)
    .split(/\n+/)
    .map((p) => collapse(p).out)
    .filter((p) => p.length > 0);
  const words = parts.join(' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (!parts.length) return 'Select the sentence on the page first, then mark it as a claim.';
  if (words < 3) return 'Select a whole statement (at least a few words) to mark it as a claim.';
  const spans: TextSpan[] = [];
  let from = 0;
  for (const part of parts) {
    let found = false;
    for (let p = from; p < paragraphs.length && !found; p++) {
      const { out, at } = collapse(paragraphs[p]!);
      const i = out.indexOf(part);
      if (i < 0) continue;
      spans.push({ paragraph: p, start: at[i]!, end: at[i + part.length - 1]! + 1 });
      from = p + 1;
      found = true;
    }
    if (!found) return 'That selection is not in the article text Backstory read (it may be a caption, a link or an advert).';
  }
  const text = spans.map((s) => paragraphs[s.paragraph]!.slice(s.start, s.end)).join(' ');
  return {
    id: claimId(text),
    spans,
    text,
    kind: 'factual',
    speaker: null,
    speakerKey: null,
    cue: null,
    checkworthiness: 0,
    checkworthy: false,
    unverified: false,
    signals: [],
    missed: true,
  };
}

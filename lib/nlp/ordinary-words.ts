/**
 * The language's ordinary words: words that running text writes in lower case and almost never as a name on
 * their own ("lack", "common", "citizens", "wait", but not "trump", "washington" or "bush").
 *
 * Why: a heading or a sentence opens with a capital, so "Lack of mentorship" and "Citizens have every right"
 * look like names to the tagger, and an article that never uses the word again in lower case gives no evidence
 * against it. The list is counted from news text (`lib/cli/train-words.ts`) and ships in the NER model's header;
 * `nameFacts` reports a listed word as `ordinary`, and the actor builder drops a one-word name whose every mention
 * opens a sentence when it is ordinary (as it already did when the article itself writes the word in lower case).
 *
 * Counting: only words inside a sentence count (a sentence's or a paragraph's first word is capitalised by rule,
 * so it says nothing). A word is counted in lower case ("the lack of"), or as a capitalised word standing alone
 * (its neighbours are not capitalised, but for a sentence's first word: "Lack said", "Later Trump spoke", not
 * "Citizens United" nor "Common Core", which name something else than the word alone). A word is ordinary when
 * it is seen in lower case at least `minLower` times and alone with a capital in at most `maxNameShare` of its
 * uses.
 */
import { tokenize } from './tokenize.ts';

export interface CaseCounts {
  /** Uses inside a sentence written all in lower case, by word. */
  lower: Map<string, number>;
  /** Uses inside a sentence written with a capital between two words that are not capitalised, by lower-cased word. */
  alone: Map<string, number>;
}

export function emptyCaseCounts(): CaseCounts {
  return { lower: new Map(), alone: new Map() };
}

/** Tokens after which the next word opens a sentence or a quotation (its capital is the rule's, not the word's). */
const OPENING = /^[.!?…:;"“”‘’'«»([{—–-]+$/u;
const LOWER_WORD = /^\p{Ll}[\p{Ll}'’-]*$/u;
const CAPITAL_WORD = /^\p{Lu}[\p{Ll}'’-]+$/u;
const CAPITALISED = /^\p{Lu}/u;

/** Adds the uses in `text` (paragraphs separated by line breaks) to `counts`. */
export function countCases(text: string, counts: CaseCounts): void {
  for (const para of text.split(/\n+/)) {
    const toks = tokenize(para).map((t) => t.text);
    for (let i = 1; i < toks.length; i++) {
      const w = toks[i]!;
      const prev = toks[i - 1]!;
      if (OPENING.test(prev)) continue;
      if (LOWER_WORD.test(w)) counts.lower.set(w, (counts.lower.get(w) ?? 0) + 1);
      else if (CAPITAL_WORD.test(w) && !CAPITALISED.test(toks[i + 1] ?? '')) {
        // the word before may be capitalised because it opens the sentence ("Later Trump spoke")
        if (CAPITALISED.test(prev) && i > 1 && !OPENING.test(toks[i - 2]!)) continue;
        const k = w.toLowerCase();
        counts.alone.set(k, (counts.alone.get(k) ?? 0) + 1);
      }
    }
  }
}

export interface OrdinaryOptions {
  /** Least number of lower-case uses (default 3). */
  minLower?: number;
  /** Largest share of uses written with a capital alone (default 0.05). */
  maxNameShare?: number;
}

/** The ordinary words of the counts, sorted by code point (so that a rebuild gives the same list). */
export function ordinaryWords(counts: CaseCounts, options: OrdinaryOptions = {}): string[] {
  const minLower = options.minLower ?? 3;
  const maxShare = options.maxNameShare ?? 0.05;
  const out: string[] = [];
  for (const [w, low] of counts.lower) {
    if (low < minLower || w.length < 2) continue;
    const alone = counts.alone.get(w) ?? 0;
    if (alone <= maxShare * (low + alone)) out.push(w);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

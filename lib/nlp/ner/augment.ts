/**
 * Case augmentation of training documents, so that a tagger trained on Reuters copy also reads today's news pages:
 * Title Case headlines ("UK Preparing To Send Troops…"), ALL-CAPS lines, and the British habit of writing
 * pronounceable acronyms in title case ("Nato", "Opec", "Unesco"). Each training document gets one augmented copy
 * in which a seeded random subset of sentences is re-cased (tags unchanged: case does not move entity boundaries)
 * and some person names get an honorific before them ("Mr", "Sir", "President", tagged O).
 */
import type { ConllDoc } from './conll.ts';

const SMALL = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'to', 'for', 'and', 'but', 'or', 'at', 'by', 'as', 'with', "'s"]);

function cap(w: string): string {
  return w.length ? w[0]!.toUpperCase() + w.slice(1) : w;
}

/** Headline Title Case: every word capitalised except short function words (the first word always). */
export function titleCase(tokens: string[]): string[] {
  return tokens.map((w, i) => (i > 0 && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : cap(w)));
}

export function upperCase(tokens: string[]): string[] {
  return tokens.map((w) => w.toUpperCase());
}

const ACRONYM = /^[A-Z]{4,}$/;

export interface AugmentOptions {
  /** Share of sentences turned to Title Case. */
  title: number;
  /** Share of sentences turned to upper case. */
  upper: number;
  /** Chance that an all-caps entity word of 4+ letters is written in title case throughout the copy. */
  acronym: number;
  /** Chance that a person name not already preceded by a capitalised word gets an honorific before it. */
  honorific: number;
}

export const DEFAULT_AUGMENT: AugmentOptions = { title: 0.12, upper: 0.06, acronym: 0.5, honorific: 0.25 };

/**
 * Honorifics and titles written before names in today's news, rare in Reuters 1996 ("Mr" occurs 7 times in the
 * CoNLL training set). They are inserted, tagged O, before some person names of the augmented copy.
 */
const HONORIFICS = [['Mr'], ['Mr'], ['Mr'], ['Mrs'], ['Ms'], ['Dr'], ['Sir'], ['Dame'], ['Lord'], ['President'], ['Prime', 'Minister'], ['Chancellor'], ['General'], ['Senator'], ['Mr.'], ['Mrs.']];

export function augmentDoc(doc: ConllDoc, rand: () => number, o: AugmentOptions = DEFAULT_AUGMENT): ConllDoc {
  const acronyms = new Map<string, boolean>();
  return {
    sentences: doc.sentences.map((s) => {
      let tokens: string[] = [];
      const tags: string[] = [];
      s.tokens.forEach((w, i) => {
        const tag = s.tags[i]!;
        if (tag === 'B-PER' && (i === 0 || !/^[A-Z]/.test(s.tokens[i - 1]!)) && rand() < o.honorific) {
          const h = HONORIFICS[Math.floor(rand() * HONORIFICS.length)]!;
          // At the start of a sentence the honorific takes the capital; the name keeps its own.
          for (const x of h) {
            tokens.push(x);
            tags.push('O');
          }
        }
        let out = w;
        if (tag !== 'O' && ACRONYM.test(w)) {
          let yes = acronyms.get(w);
          if (yes === undefined) acronyms.set(w, (yes = rand() < o.acronym));
          if (yes) out = w[0] + w.slice(1).toLowerCase();
        }
        tokens.push(out);
        tags.push(tag);
      });
      const r = rand();
      if (r < o.title) tokens = titleCase(tokens);
      else if (r < o.title + o.upper) tokens = upperCase(tokens);
      return { tokens, tags };
    }),
  };
}

/**
 * Signals that a claim is not established by the text itself (issue #4): hedges and distancing
 * words, claims with no source or with unnamed sources, quotes nobody is named as saying, and
 * statements only suggested or said to be possible. Each signal carries a reason in plain words
 * for the reader and the words that triggered it.
 *
 * Words inside quote marks are the speaker's, not the article's: "I think" in a quote is how the
 * speaker talks, not the journalist keeping a distance. So every pattern here runs on the claim's
 * text with its quoted parts blanked out. All patterns are plain alternations with word
 * boundaries, linear in the length of the text.
 */
import type { ClaimKind, ClaimSignal, SignalCode } from '../../types';

interface Pattern {
  code: SignalCode;
  re: RegExp;
  reason: (words: string) => string;
}

const quoteWords = (w: string): string => `“${w.trim()}”`;

const PATTERNS: readonly Pattern[] = [
  {
    code: 'no-source',
    re: /\bit (?:is|was|has been) (?:understood|believed|thought|said|claimed|reported|rumou?red|alleged)\b/gi,
    reason: (w) => `${quoteWords(w)}: the article does not say by whom`,
  },
  {
    code: 'hedge',
    re: /\b(?:is|are|was|were|has been|have been) (?:widely |generally |also |now )?(?:understood|believed|thought|said|reported|rumou?red|alleged|suspected|accused) (?:to|of)\b/gi,
    reason: (w) => `${quoteWords(w)}: the article does not say who says so`,
  },
  {
    code: 'hedge',
    re: /\b(?:reportedly|allegedly|purportedly|supposedly|apparently|unconfirmed|unverified|rumou?red)\b/gi,
    reason: (w) => `Described as ${quoteWords(w.toLowerCase())}: the article does not confirm it`,
  },
  {
    // "reported" as a description ("Putin's reported suggestion", "the reported deal"), not as a
    // verb with a subject ("the BBC reported"): after a possessive or a determiner.
    code: 'hedge',
    re: /(?:['’]s|\b(?:the|a|an|his|her|its|their|this|these|those)) (?:reported|alleged|claimed|supposed|purported|rumou?red)\b/gi,
    reason: (w) => `Described as ${quoteWords(w.replace(/^.*\s/, '').toLowerCase())}: the article does not confirm it`,
  },
  {
    code: 'hedge',
    re: /\baccording to (?:reports|media reports|local media|reports in)\b/gi,
    reason: () => 'Attributed to unnamed reports',
  },
];

/** Unnamed sources in a source phrase or anywhere in narration. */
const UNNAMED_PLURAL =
  /\b(?:sources|officials|insiders|aides|diplomats|allies|people (?:familiar|close|briefed|with knowledge)|those (?:familiar|close)|observers)\b/i;
const UNNAMED_SINGLE =
  /\b(?:a|an|one|another|the) (?:(?:senior|former|government|administration|military|western|european|us|uk|security|intelligence|defence|defense|white house|party|campaign|well-placed|close) ){0,2}(?:source|official|insider|aide|diplomat|ally|person (?:familiar|close|briefed))\b/i;
const NARRATION_UNNAMED =
  /\b(?:(?:sources|officials|insiders|aides|diplomats) (?:said|say|told|believe|claim|suggest|indicated|added)|according to (?:sources|officials|insiders|aides|diplomats|people familiar|a source|an official|one official))\b/i;

/** Cues by which a speaker puts something forward without asserting it. */
const SPECULATIVE_CUES = /^(?:suggest(?:s|ed|ing)?|hint(?:s|ed|ing)?|speculat(?:es|ed|ing)|claim(?:s|ed|ing)?|alleg(?:es|ed|ing)|insinuat(?:es|ed|ing))\b/i;

/**
 * Epistemic "could/might/may" ("could be offered", "may have fled"), not ability in the past ("the
 * court found it could rule on it") or permission.
 */
const POSSIBILITY = /\b(?:could|might|may) (?:well |soon |also |yet |potentially |eventually |still )?(?:be|have|become)\b/g;

export interface SignalInput {
  /** The claim's text as written. */
  text: string;
  kind: ClaimKind;
  /** The source phrase as written ("sources", "a Downing Street spokesperson", "he"), when there is one. */
  source: string | null;
  /** True when the source was resolved to a named actor. */
  sourceNamed: boolean;
  /** The attribution cue ("said", "suggested"). */
  cue: string | null;
  /** True for a quote whose speaker could not be identified. */
  noSpeaker: boolean;
}

/** Replaces quoted passages (“…”, "…", ‘…’ where used as quotes) with spaces, keeping offsets. */
export function blankQuotes(text: string): string {
  let out = '';
  let open: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open === null) {
      if (c === '“' || c === '«' || c === '„') open = c === '«' ? '»' : '”';
      else if (c === '"') open = '"';
      out += open === null ? c : ' ';
    } else {
      if (c === open || (open === '”' && c === '"') || (c === '\n' && text[i + 1] === '\n')) open = null;
      out += ' ';
    }
  }
  return out;
}

/** The signals of one claim, at most one per code, in a fixed order (most telling first). */
export function claimSignals(input: SignalInput): ClaimSignal[] {
  const out = new Map<SignalCode, ClaimSignal>();
  const add = (code: SignalCode, reason: string, words: string): void => {
    if (!out.has(code)) out.set(code, { code, reason, words: words.trim() });
  };
  const narration = blankQuotes(input.text);

  if (input.noSpeaker) add('no-speaker', 'A quote with no identifiable speaker', '');

  if (input.source && !input.sourceNamed) {
    const single = UNNAMED_SINGLE.exec(input.source);
    if (single) add('single-unnamed-source', 'Attributed to a single unnamed source', single[0]);
    else {
      const plural = UNNAMED_PLURAL.exec(input.source);
      if (plural) add('unnamed-sources', 'Attributed to unnamed sources', plural[0]);
    }
  }
  const unnamed = NARRATION_UNNAMED.exec(narration);
  if (unnamed) {
    if (/\b(?:a source|an official|one official)\b/i.test(unnamed[0])) add('single-unnamed-source', 'Attributed to a single unnamed source', unnamed[0]);
    else add('unnamed-sources', 'Attributed to unnamed sources', unnamed[0]);
  }

  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    const m = p.re.exec(narration);
    if (m) add(p.code, p.reason(m[0]), m[0]);
  }

  if (input.cue && SPECULATIVE_CUES.test(input.cue.trim())) {
    const verb = input.cue.trim().split(/\s+/)[0]!.toLowerCase();
    add('speculative', /^claim|^alleg/.test(verb) ? `Only ${quoteWords(verb)} by the speaker` : `The speaker only ${quoteWords(verb)} it`, input.cue);
  }

  if (input.kind !== 'quote') {
    POSSIBILITY.lastIndex = 0;
    const m = POSSIBILITY.exec(narration);
    if (m) add('possibility', `Stated as a possibility (${quoteWords(m[0])})`, m[0]);
  }
  return [...out.values()];
}

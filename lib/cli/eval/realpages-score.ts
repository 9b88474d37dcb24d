/**
 * The real-page scores of ../shared/data/realpages/GUIDE.md, on one page's gold and what the
 * extension listed for it (actors and claims). Pure functions, no I/O: lib/cli/eval/realpages.ts
 * runs the extension and pools these per-page counts.
 *
 * Readings of the guide where it leaves a detail open (also in the task's `describe` and docs/evaluations.md):
 *
 * - Name forms are compared after: Unicode NFKC, lower case, curly apostrophes made straight; a
 *   possessive "'s" (or a bare "'" after s) at the end dropped; "." and "'" deleted ("U.S." = "US",
 *   "O'Neill" = "ONeill") and every other punctuation mark or symbol made a space ("Al-Shabaab" =
 *   "Al Shabaab"); white space collapsed; then a leading "the" and after it one leading honorific
 *   (HONORIFICS below) dropped, when a word remains. Titles such as "President" are not honorifics:
 *   the guide asks annotators to list "President Trump" as an alias.
 * - Each listed actor stands for one real-world actor: when its forms match several gold actors, it
 *   is credited to the one sharing the most forms, then the one of its own type, then the first in
 *   the gold file. Typed = its type is that gold actor's type; recall counts gold actors credited
 *   with at least one listed actor; splits count listed actors beyond the first credited to the same
 *   gold actor. (So a listed "Trump" that also matches "Mrs Trump" counts once, not as two finds.)
 * - Type accuracy (not defined in the guide) = typed / real: of the listed actors that are real, the
 *   share with the right type.
 * - Top 8: the listed actors sorted by mentions, most first, ties kept in the extension's own order;
 *   pages with fewer than 8 actors contribute all of them.
 * - "Contains" for quotes and flags compares word sequences: both texts cut into words (runs of
 *   letters, marks and digits, after NFKC and lower case), and the gold fragment's words must occur
 *   in a row, whole, in the claim's words. Quote marks, dashes, punctuation and line breaks between
 *   paragraphs of a multi-paragraph quote do not matter; "ask" does not match inside "asked".
 * - A quote is found when some claim contains it. Its speaker is right when the speaker of at least
 *   one claim containing it is right (a quote appears once on the panel unless claims overlap).
 *   A gold speaker that names a gold actor (by name, else by any of its forms) stands for all that
 *   actor's forms; any other speaker string stands for itself. "Holds one as a whole word" means a
 *   form of more than 3 letters occurs as whole words inside the claim's normalised speaker. A gold
 *   quote whose speaker is null (the text names none) is right when the claim has no speaker.
 * - Flags: a claim is "unverified" when `claim.unverified` is true (what the panel shows before a
 *   reader reviews anything).
 */
import type { Actor, Claim } from '../../types.ts';
import type { GoldActor, GoldQuote, RealPageGold } from './realpages-gold.ts';

/** Honorifics dropped from the start of a name form (after "." is deleted: "Mr." is "mr"). */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'mister', 'madam', 'madame', 'dr', 'doctor', 'prof', 'professor', 'sir', 'dame', 'rev', 'reverend']);

/** A name form as the scores compare it (see the header). */
export function normName(s: string): string {
  let t = s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .trim()
    .replace(/(?:'s|(?<=s)')$/u, '')
    .replace(/['.]/g, '')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (t.startsWith('the ')) t = t.slice(4);
  const sp = t.indexOf(' ');
  if (sp > 0 && HONORIFICS.has(t.slice(0, sp))) t = t.slice(sp + 1);
  return t;
}

/** The normalised forms of an actor: its name and its aliases. */
export function formsOf(a: { name: string; aliases?: readonly string[] }): Set<string> {
  const out = new Set<string>();
  for (const f of [a.name, ...(a.aliases ?? [])]) {
    const n = normName(f);
    if (n) out.add(n);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Actors

export type ListedActor = Pick<Actor, 'name' | 'type' | 'aliases' | 'mentions'>;

export interface ActorMatch {
  actor: ListedActor;
  /** Index of the gold actor it is credited to, or null when it matches none (a false actor). */
  gold: number | null;
  typed: boolean;
}

export interface ActorCounts {
  listed: number;
  real: number;
  typed: number;
  gold: number;
  recalled: number;
  splits: number;
  top8: number;
  top8Typed: number;
}

export interface ActorScore extends ActorCounts {
  matches: ActorMatch[];
  /** Gold actor index → the listed actors credited to it (only entries with two or more). */
  splitGroups: { gold: GoldActor; actors: ListedActor[] }[];
  missed: GoldActor[];
}

export const TOP_N = 8;

export function scoreActors(gold: readonly GoldActor[], listed: readonly ListedActor[]): ActorScore {
  const goldForms = gold.map(formsOf);
  const matches: ActorMatch[] = listed.map((actor) => {
    const forms = formsOf(actor);
    let best: number | null = null;
    let bestShared = 0;
    let bestSameType = false;
    goldForms.forEach((gf, gi) => {
      let shared = 0;
      for (const f of forms) if (gf.has(f)) shared++;
      if (!shared) return;
      const sameType = gold[gi]!.type === actor.type;
      if (shared > bestShared || (shared === bestShared && sameType && !bestSameType)) {
        best = gi;
        bestShared = shared;
        bestSameType = sameType;
      }
    });
    return { actor, gold: best, typed: best !== null && gold[best]!.type === actor.type };
  });
  const byGold = new Map<number, ListedActor[]>();
  for (const m of matches) {
    if (m.gold === null) continue;
    const list = byGold.get(m.gold) ?? [];
    list.push(m.actor);
    byGold.set(m.gold, list);
  }
  let splits = 0;
  const splitGroups: ActorScore['splitGroups'] = [];
  for (const [gi, actors] of byGold) {
    splits += actors.length - 1;
    if (actors.length > 1) splitGroups.push({ gold: gold[gi]!, actors: [...actors].sort((a, b) => b.mentions - a.mentions) });
  }
  // Stable sort: ties keep the extension's order.
  const top = matches
    .map((m, i) => ({ m, i }))
    .sort((a, b) => b.m.actor.mentions - a.m.actor.mentions || a.i - b.i)
    .slice(0, TOP_N);
  return {
    listed: listed.length,
    real: matches.filter((m) => m.gold !== null).length,
    typed: matches.filter((m) => m.typed).length,
    gold: gold.length,
    recalled: byGold.size,
    splits,
    top8: top.length,
    top8Typed: top.filter((t) => t.m.typed).length,
    matches,
    splitGroups,
    missed: gold.filter((_, gi) => !byGold.has(gi)),
  };
}

// ---------------------------------------------------------------------------------------------
// Text containment

/** The words of a text as "contains" compares them (see the header). */
export function textWords(s: string): string[] {
  return (
    s
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  );
}

/** Whether `hay` holds the words of `needle` in a row (whole words); an empty needle is never held. */
export function containsWords(hay: readonly string[], needle: readonly string[]): boolean {
  if (!needle.length || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Quotes

export type ScoredClaim = Pick<Claim, 'text' | 'speaker' | 'unverified'> & Partial<Pick<Claim, 'signals' | 'kind'>>;

/** The forms a gold speaker stands for: a gold actor's forms when it names one, else the string itself. */
export function speakerForms(speaker: string, actors: readonly GoldActor[]): Set<string> {
  const n = normName(speaker);
  const named = actors.find((a) => normName(a.name) === n) ?? actors.find((a) => formsOf(a).has(n));
  const forms = named ? formsOf(named) : new Set<string>();
  if (n) forms.add(n);
  return forms;
}

const letters = (s: string): number => s.match(/\p{L}/gu)?.length ?? 0;

/**
 * The guide's speaker rule: the claim's speaker is a form of the gold speaker, holds one as a whole
 * word of more than 3 letters, or is an `accept` string (all compared as normalised name forms).
 */
export function speakerRight(claimSpeaker: string | null, quote: GoldQuote, actors: readonly GoldActor[]): boolean {
  if (quote.speaker === null) return claimSpeaker === null || (!!claimSpeaker && quote.accept.some((a) => normName(a) === normName(claimSpeaker)));
  if (!claimSpeaker) return false;
  const s = normName(claimSpeaker);
  if (!s) return false;
  if (quote.accept.some((a) => normName(a) === s)) return true;
  const forms = speakerForms(quote.speaker, actors);
  if (forms.has(s)) return true;
  const padded = ` ${s} `;
  for (const f of forms) if (letters(f) > 3 && padded.includes(` ${f} `)) return true;
  return false;
}

export interface QuoteResult {
  quote: GoldQuote;
  /** The claims whose text contains the quote. */
  claims: ScoredClaim[];
  right: boolean;
}

export interface QuoteCounts {
  quotes: number;
  found: number;
  right: number;
}

export interface QuoteScore extends QuoteCounts {
  results: QuoteResult[];
}

export function scoreQuotes(gold: Pick<RealPageGold, 'quotes' | 'actors'>, claims: readonly ScoredClaim[]): QuoteScore {
  const claimWords = claims.map((c) => textWords(c.text));
  const results = gold.quotes.map((quote): QuoteResult => {
    const q = textWords(quote.text);
    const holding = claims.filter((_, i) => containsWords(claimWords[i]!, q));
    return { quote, claims: holding, right: holding.some((c) => speakerRight(c.speaker, quote, gold.actors)) };
  });
  return {
    quotes: results.length,
    found: results.filter((r) => r.claims.length > 0).length,
    right: results.filter((r) => r.right).length,
    results,
  };
}

// ---------------------------------------------------------------------------------------------
// Flags

export interface FlagCounts {
  /** Claims flagged unverified. */
  flagged: number;
  /** Of those, the ones containing a gold fragment. */
  flaggedRight: number;
  fragments: number;
  /** Gold fragments inside some flagged claim. */
  fragmentsFound: number;
}

export interface FlagScore extends FlagCounts {
  falseFlags: ScoredClaim[];
  missed: string[];
}

export function scoreFlags(fragments: readonly string[], claims: readonly ScoredClaim[]): FlagScore {
  const flagged = claims.filter((c) => c.unverified);
  const flaggedWords = flagged.map((c) => textWords(c.text));
  const fragWords = fragments.map(textWords);
  const rightClaim = flaggedWords.map((cw) => fragWords.some((fw) => containsWords(cw, fw)));
  const foundFrag = fragWords.map((fw) => flaggedWords.some((cw) => containsWords(cw, fw)));
  return {
    flagged: flagged.length,
    flaggedRight: rightClaim.filter(Boolean).length,
    fragments: fragments.length,
    fragmentsFound: foundFrag.filter(Boolean).length,
    falseFlags: flagged.filter((_, i) => !rightClaim[i]),
    missed: fragments.filter((_, i) => !foundFrag[i]),
  };
}

// ---------------------------------------------------------------------------------------------
// Pooling

export interface PageCounts {
  actors: ActorCounts;
  quotes: QuoteCounts;
  flags: FlagCounts;
  claims: number;
  /** Words of the article as the extension extracted it (Article.wordCount). */
  words: number;
}

export function emptyCounts(): PageCounts {
  return {
    actors: { listed: 0, real: 0, typed: 0, gold: 0, recalled: 0, splits: 0, top8: 0, top8Typed: 0 },
    quotes: { quotes: 0, found: 0, right: 0 },
    flags: { flagged: 0, flaggedRight: 0, fragments: 0, fragmentsFound: 0 },
    claims: 0,
    words: 0,
  };
}

export function addCounts(into: PageCounts, c: PageCounts): PageCounts {
  for (const k of Object.keys(into.actors) as (keyof ActorCounts)[]) into.actors[k] += c.actors[k];
  for (const k of Object.keys(into.quotes) as (keyof QuoteCounts)[]) into.quotes[k] += c.quotes[k];
  for (const k of Object.keys(into.flags) as (keyof FlagCounts)[]) into.flags[k] += c.flags[k];
  into.claims += c.claims;
  into.words += c.words;
  return into;
}

/** n / d, or NaN when d is 0 (shown as "-" in tables and null in JSON). */
export const ratio = (n: number, d: number): number => (d ? n / d : NaN);

export interface Figures {
  actor_precision: number;
  actor_precision_typed: number;
  actor_type_accuracy: number;
  actor_recall: number;
  actor_splits_per_page: number;
  top8_precision_typed: number;
  quote_found: number;
  quote_speaker_accuracy: number;
  flag_precision: number;
  flag_recall: number;
  claims_per_1000_words: number;
}

/** The guide's figures from counts pooled over `pages` scored pages (micro-averages; splits per page). */
export function figures(c: PageCounts, pages: number): Figures {
  return {
    actor_precision: ratio(c.actors.real, c.actors.listed),
    actor_precision_typed: ratio(c.actors.typed, c.actors.listed),
    actor_type_accuracy: ratio(c.actors.typed, c.actors.real),
    actor_recall: ratio(c.actors.recalled, c.actors.gold),
    actor_splits_per_page: ratio(c.actors.splits, pages),
    top8_precision_typed: ratio(c.actors.top8Typed, c.actors.top8),
    quote_found: ratio(c.quotes.found, c.quotes.quotes),
    quote_speaker_accuracy: ratio(c.quotes.right, c.quotes.quotes),
    flag_precision: ratio(c.flags.flaggedRight, c.flags.flagged),
    flag_recall: ratio(c.flags.fragmentsFound, c.flags.fragments),
    claims_per_1000_words: ratio(c.claims * 1000, c.words),
  };
}

/** Scores one page. */
export function scorePage(
  gold: RealPageGold,
  out: { actors: readonly ListedActor[]; claims: readonly ScoredClaim[]; words: number },
): { counts: PageCounts; actors: ActorScore; quotes: QuoteScore; flags: FlagScore } {
  const actors = scoreActors(gold.actors, out.actors);
  const quotes = scoreQuotes(gold, out.claims);
  const flags = scoreFlags(gold.unverified, out.claims);
  const pick = <T extends object>(o: T, keys: (keyof T)[]) => Object.fromEntries(keys.map((k) => [k, o[k]])) as T;
  return {
    counts: {
      actors: pick<ActorCounts>(actors, ['listed', 'real', 'typed', 'gold', 'recalled', 'splits', 'top8', 'top8Typed']),
      quotes: pick<QuoteCounts>(quotes, ['quotes', 'found', 'right']),
      flags: pick<FlagCounts>(flags, ['flagged', 'flaggedRight', 'fragments', 'fragmentsFound']),
      claims: out.claims.length,
      words: out.words,
    },
    actors,
    quotes,
    flags,
  };
}

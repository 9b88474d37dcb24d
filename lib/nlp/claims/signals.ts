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
    // Not "is reported to the Watch Tower Society", "was reported to police": told to someone, not
    // hearsay ("is reported to have", "are said to be").
    // Nor "cases were reported of the disease", "sightings were reported at the coast": "of" goes
    // with suspicion and accusation, "at" with an estimate.
    re: /\b(?:is|are|was|were|has been|have been) (?:not )?(?:widely |generally |also |now |currently |still )?(?:(?:understood|believed|thought|said|reported|rumou?red|alleged|suspected|accused|estimated)(?: [\p{L}-]+){0,2}? to(?! (?:the|a|an|his|her|its|their|our|police|authorities)\b)|(?:suspected|accused)(?: [\p{L}-]+){0,2}? of|estimated(?: [\p{L}-]+){0,2}? at)\b/giu,
    reason: (w) => `${quoteWords(w)}: the article does not say who says so`,
  },
  {
    // The same in a reduced clause: "Hilly areas, thought to represent exposed crust, …", "a man,
    // believed to be in his 40s, …".
    code: 'hedge',
    re: /, (?:widely |generally |now )?(?:understood|believed|thought|said|rumou?red|alleged|suspected) to\b/gi,
    reason: (w) => `${quoteWords(w.replace(/^,\s*/, ''))}: the article does not say who says so`,
  },
  {
    code: 'hedge',
    re: /\b(?:reportedly|allegedly|purportedly|supposedly|apparently|presumably|unconfirmed|unverified|rumou?red)\b/gi,
    reason: (w) => `Described as ${quoteWords(w.toLowerCase())}: the article does not confirm it`,
  },
  {
    // "reported" as a description ("Putin's reported suggestion", "the reported deal", "a warrant
    // for alleged war crimes"), not as a verb with a subject ("the BBC reported"): after a
    // possessive, a determiner or a preposition.
    code: 'hedge',
    re: /(?:['’]s|\b(?:the|a|an|his|her|its|their|this|these|those|for|of|over|on|with)) (?:reported|alleged|claimed|supposed|purported|rumou?red)\b/gi,
    reason: (w) => `Described as ${quoteWords(w.replace(/^.*\s/, '').toLowerCase())}: the article does not confirm it`,
  },
  {
    // "was widely seen as an attempt to …", "has been seen as weakening …": a reading of a particular
    // act or decision that the article ascribes to no one. In the plain present ("Settlements are
    // seen as one of the most difficult issues") it is the standing view the article reports as
    // background and stands behind, not a claim it keeps its distance from: not flagged.
    code: 'hedge',
    re: /\b(?:was|were|has been|have been|had been) (?:widely |generally |largely |often )?(?:seen|viewed|regarded|perceived) as\b/gi,
    reason: (w) => `${quoteWords(w)}: the article does not say by whom`,
  },
  {
    // "scientists have long suspected that …", "investigators had speculated that …": a suspicion
    // or a guess, which the article reports without standing behind it.
    code: 'hedge',
    re: /\b(?:have|has|had) (?:long |widely |also )?(?:suspected|speculated)\b/gi,
    reason: (w) => `${quoteWords(w)}: only a suspicion`,
  },
  {
    code: 'hedge',
    re: /\b(?:many|some|others) (?:saw|see|viewed|view|regarded|regard|considered|consider) (?:it |this |that |them )?as\b/gi,
    reason: (w) => `${quoteWords(w)}: the article does not say who`,
  },
  {
    // "By most accounts, the law worked.", "As those companies prosper, the thinking goes, they can hire"
    code: 'hedge',
    re: /\bby (?:most|many|some|all) accounts\b|\bthe (?:thinking|argument|theory|logic|story) goes\b/gi,
    reason: (w) => `${quoteWords(w)}: the article does not say whose view it is`,
  },
  {
    code: 'hedge',
    re: /\baccording to (?:reports|media reports|local media|reports in)\b/gi,
    reason: () => 'Attributed to unnamed reports',
  },
];

/**
 * Unnamed sources in a source phrase or anywhere in narration. Vague groups count as unnamed ("teachers
 * unions said", "Health bosses said", "Deficit hawks have warned"): the guide's "officials said"
 * with no name or body; a group whose body is named ("Berrien County officials") resolves to it.
 */
// One literal, so that the page-text regex audit (test/unit/regex-safety.test.ts) can read the patterns built from it.
// prettier-ignore
const GROUPS = 'reports|theories|sources|officials|insiders|aides|advisers|advisors|strategists|staffers|confidants|loyalists|diplomats|allies|analysts|experts|economists|observers|traders|supporters|critics|opponents|unions|bosses|hawks|groups|representatives|advocates|researchers|scientists|lawmakers|legislators|politicians|senators|donors|backers|proponents|activists|campaigners|residents|witnesses|forecasters|advertisers|investors|users';
const UNNAMED_PLURAL = new RegExp(`\\b(?:${GROUPS}|people (?:familiar|close|briefed|with knowledge)|those (?:familiar|close|in favou?r|opposed))\\b`, 'i');
/** One unnamed person: an article, up to three describing words, and a noun that names no one. */
const UNNAMED_SINGLE = /\b(?:a|an|one|another|the) (?:[\p{L}-]+ ){0,3}?(?:source|official|insider|aide|diplomat|ally|expert|analyst|user|person (?:familiar|close|briefed|with knowledge))\b/iu;
/**
 * Unnamed sources in narration: "analysts said", "officials divulged", "advocacy groups estimated",
 * "union representatives have long warned", "according to people familiar with …", "we're told". The nouns are the
 * vague groups of UNNAMED_PLURAL: a group that speaks with no name or body is unnamed whether the
 * attribution was found ("according to teachers unions") or the verb is not a speech cue ("estimated").
 */
const NARRATION_UNNAMED = new RegExp(
  // ("Backers of tariffs say": an "of" phrase before a verb of saying only; not the addressees of "a message to supporters saying")
  `\\b(?:(?<!\\bto )(?:${GROUPS})(?: of (?:the )?[\\p{L}'’-]+(?= (?:say|says|said|suggest|suggested|claim|claimed|argue|argued|warn|warned)\\b))?(?:, however,)? (?:have |had )?(?:long |also |repeatedly |previously )?(?:said|say|says|told|tell|believe|believed|claim|claimed|suggest|suggested|indicated|added|divulged|revealed|disclosed|warned|warn|warning|estimate|estimated|expect|noted|argue|argued|worry|worried|fear|feared|think|thought|contend|insist|cite|cited|regard|regarded)|` +
    // "some reports suggesting …", "conspiracy theories suggesting …", "with officials saying …"
    '(?:reports|theories|officials|sources) (?:saying|suggesting|claiming)|' +
    // "politicians are worried that …", "donors and elected officials remain skeptical", "Experts and brokerages are of the view"
    `(?:${GROUPS})(?: and (?:[\\p{L}-]+ )?[\\p{L}-]+)? (?:are|were|remain|remained) (?:worried|concerned|skeptical|sceptical|convinced|of the view|of the opinion)|` +
    // "Others fear that …", "Some say …": the indefinite pronoun as a source.
    '(?:^|[.;:] |, )(?:others|some|many) (?:say|said|argue|argued|believe|fear|feared|worry|worried|think|contend|insist)|' +
    '(?:say|said|according to) (?:sources|officials|insiders|aides|diplomats|analysts|economists|experts|most experts|many experts|several experts)|' +
    'according to (?:(?:two|three|several|multiple|many|some) )?(?:people familiar|people close|people briefed|people with knowledge|persons familiar)|' +
    'according to (?:a|an|one) (?:[\\p{L}-]+ ){0,3}?(?:source|official|insider|person familiar)|(?:people|persons) (?:familiar|close|briefed) (?:with|to|on)|' +
    '(?:a|an|one|another) (?:[\\p{L}-]+ ){0,3}?(?:source|official|insider|person familiar|person briefed) (?:said|says|told|tells)|(?:a|one|another) (?:second |third )?person (?:familiar|briefed|close)|' +
    '(?:asked|requested|spoke on condition) not to be (?:identified|named)|on (?:the )?condition of anonymity|' +
    // "We're told there is security footage …": the reporter's unnamed informants, in gossip news.
    "we(?:'re|’re| are) told(?! by))\\b",
  'iu',
);

const GROUP_START = new RegExp(`^(?:${GROUPS})\\b`, 'i');

/** "may have perished", "may have since been idled", "may have had": a possibility about the past. */
const MAY_HAVE = /\bmay (?:well |also |even |since |already )?have (?:since |already )?(?:been|had|[a-z]+(?:ed|en|wn|ght|ung|ost|ept|id|ade))\b/gi;

/** Cues by which a speaker puts something forward without asserting it. */
const SPECULATIVE_CUES = /^(?:suggest(?:s|ed|ing)?|hint(?:s|ed|ing)?|speculat(?:es|ed|ing)|claim(?:s|ed|ing)?|alleg(?:es|ed|ing)|insinuat(?:es|ed|ing))\b/i;

/**
 * Epistemic "could/might/may" ("could be offered", "may have fled"), not ability in the past ("the
 * court found it could rule on it") or permission.
 */
const MODAL = /\b(?:could|might|may|would)\b/i;
const POSSIBILITY = /\b(?:could|might|may) (?:well |soon |also |yet |potentially |eventually |still )?(?:be|have been|have [a-z]+(?:ed|en|wn)|become)\b/g;

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

/**
 * A body the article has named, taken up by a common noun before the group: "agency officials said"
 * (NASA's), "company officials", "hospital spokespeople". Not "administration officials" or
 * "government officials", the usual cover of anonymous sources.
 */
const BODY_BEFORE = /\b(?:agency|company|department|ministry|city|county|school|district|university|hospital|court|firm|club|team|league|museum|airline|bank|police)\s+$/i;

/** Does a capitalised name (or a body's common noun) stand right before `at`, inside its sentence (not the sentence's first word)? */
function namedBodyBefore(text: string, at: number): boolean {
  if (BODY_BEFORE.test(text.slice(Math.max(0, at - 14), at))) return true;
  const words = text
    .slice(Math.max(0, at - 60), at)
    .split(/\s+/)
    .filter(Boolean);
  const name = words[words.length - 1];
  const prev = words[words.length - 2];
  if (!name || !prev || !/\s/.test(text[at - 1] ?? '')) return false;
  return /^\p{Lu}/u.test(name) && !/[.!?:]["”’]?$/.test(prev);
}

/**
 * Is the group at `at` one the article has introduced? "The researchers" and "the scientists" of
 * science news are the authors of the study it is about ("the researchers believe their investment
 * has paid off"); "the two lawmakers" are the two it named. Other groups keep their flag with a bare
 * "the": "the unions said" goes back to unions the article never named.
 */
function introducedGroup(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 14), at);
  return /\bthe\s+(?:two|three|four|five|both)\s+$/i.test(before) || (/\bthe\s+$/i.test(before) && /^(?:researchers|scientists)\b/i.test(text.slice(at)));
}

/**
 * Are the people at `at` someone named's own ("Trump and his supporters claimed", "Ms Ardern and her
 * advisers said")? The one named is the source, with them. Not "Officials and their advisers".
 */
function ownPeople(text: string, at: number): boolean {
  const words = text.slice(Math.max(0, at - 60), at).split(' ');
  // [..., owner words, "and", "his", ""]
  if (words.length < 4 || words.at(-1) !== '' || !/^(?:his|her|their)$/.test(words.at(-2)!) || words.at(-3) !== 'and') return false;
  const owner: string[] = [];
  for (let i = words.length - 4; i >= 0 && owner.length < 4 && /^\p{Lu}/u.test(words[i]!); i--) owner.unshift(words[i]!);
  return owner.length > 0 && !UNNAMED_PLURAL.test(owner.join(' '));
}

/** Replaces quoted passages (“…”, "…", ''…'' in older newswire) with spaces, keeping offsets. */
export function blankQuotes(text: string): string {
  let out = '';
  let open: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open === null) {
      if (c === '“' || c === '«' || c === '„') open = c === '«' ? '»' : '”';
      else if (c === '"') open = '"';
      else if (c === "'" && text[i + 1] === "'") {
        // Two straight single quotes stand for a double quote mark in older newswire (''Yes,'' he said).
        open = "''";
        out += ' ';
        i++;
      }
      out += open === null ? c : ' ';
    } else {
      if (open === "''" && c === "'" && text[i + 1] === "'") {
        open = null;
        out += ' ';
        i++;
      } else if (c === open || (open === '”' && c === '"') || (c === '\n' && text[i + 1] === '\n')) open = null;
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

  // "Ian Hamilton, an expert in drug use, told Newsweek": a name the actors missed is still a name.
  if (input.source && !input.sourceNamed && !/^\p{Lu}[\p{Ll}.'’-]+\s+\p{Lu}[\p{Ll}'’-]+,/u.test(input.source.trim())) {
    const single = UNNAMED_SINGLE.exec(input.source) ?? /^(?:source|official|insider|aide|diplomat|expert|analyst)$/i.exec(input.source.trim());
    if (single) add('single-unnamed-source', 'Attributed to a single unnamed source', single[0]);
    else {
      const plural = UNNAMED_PLURAL.exec(input.source);
      if (plural && !ownPeople(input.source, plural.index) && !introducedGroup(input.source, plural.index) && !BODY_BEFORE.test(input.source.slice(0, plural.index)))
        add('unnamed-sources', 'Attributed to unnamed sources', plural[0]);
    }
  }
  const unnamed = NARRATION_UNNAMED.exec(narration);
  // "Berrien County Health Department officials said": the officials of a named body are not unnamed.
  if (unnamed && !ownPeople(narration, unnamed.index) && !(GROUP_START.test(unnamed[0]) && (namedBodyBefore(narration, unnamed.index) || introducedGroup(narration, unnamed.index)))) {
    if (/^(?:according to )?(?:a|an|one|another)\b|not to be|anonymity/i.test(unnamed[0])) add('single-unnamed-source', 'Attributed to a single unnamed source', unnamed[0]);
    else add('unnamed-sources', 'Attributed to unnamed sources', unnamed[0]);
  }

  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    const m = p.re.exec(narration);
    if (m) add(p.code, p.reason(m[0]), m[0]);
  }

  // "suggested that the President change his diet" is advice and "a finding that suggests …" a
  // reading: a suggestion or a hint is speculative when what is suggested is put as a possibility
  // ("suggested … could be offered"); allegations always are, in any tense ("are alleging").
  // "Andrew claims that he felt honour-bound …", "The statement claimed that …": what a speaker
  // claims is theirs, shown with who claims it, as with "said"; the guide's readers leave it
  // unflagged (on the real-page dev set, six "claimed" flags, none in the gold). A claim from an
  // unnamed source has that source's own signal.
  const verb = (input.cue?.trim() ?? '').replace(/^(?:(?:is|are|was|were|am|be|been|has|have|had|also|now|still|repeatedly)\s+)+/i, '');
  const tentative = /^(?:suggest|hint|speculat|insinuat)/i.test(verb);
  if (verb && SPECULATIVE_CUES.test(verb) && !/^claim/i.test(verb) && (!tentative || MODAL.test(narration))) {
    const word = verb.split(/\s+/)[0]!.toLowerCase();
    add('speculative', /^alleg/.test(word) ? `Only ${quoteWords(word)} by the speaker` : `The speaker only ${quoteWords(word)} it`, input.cue!);
  }

  // "More than 100 million people may have perished", "production lines may have since been idled":
  // a past event the article only thinks possible. Not "might have", mostly a counterfactual ("the
  // vaccine might have protected her, had it been available"), nor a "may have" under an "if", nor
  // "what may have been the hardest moment", a judgement rather than an event. (A "could" or "may"
  // about what is to come is the article's modality, not a hedge on a fact: see POSSIBILITY.)
  MAY_HAVE.lastIndex = 0;
  const mayHave = MAY_HAVE.exec(narration);
  if (mayHave && !/\b(?:if|unless|whether)\b|^\s*had\b/i.test(narration) && !/\bwhat\s+$/i.test(narration.slice(Math.max(0, mayHave.index - 6), mayHave.index)))
    add('hedge', `${quoteWords(mayHave[0])}: only a possibility`, mayHave[0]);

  // A "could" is a hedge when a speaker only suggests it ("suggested … could be offered by the US").
  // On its own it is the article's plain modality ("legislation that would have meant suspects could
  // be extradited", "the second test could be even more difficult"), not a claim the text does not
  // stand behind: on the real-page dev set it was wrong four times in five.
  if (input.kind !== 'quote' && out.has('speculative')) {
    POSSIBILITY.lastIndex = 0;
    const m = POSSIBILITY.exec(narration);
    if (m) add('possibility', `Stated as a possibility (${quoteWords(m[0])})`, m[0]);
  }
  return [...out.values()];
}

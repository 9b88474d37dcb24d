/**
 * Claims in an article (issue #4): quotes and reported statements with who made them, factual
 * assertions, each with a check-worthiness score and the signals that the text does not stand
 * behind it.
 *
 * 1. The paragraphs are joined into one text ("\n\n" between them) so that quotes running over
 *    several paragraphs are seen whole; offsets are mapped back to paragraphs at the end.
 * 2. Attributions (source, cue, content) come from ./attribution, except stances (`stance`: "X
 *    criticized Y", "X wants to …", a poll's share), which are not statements with a speaker.
 *    Attributions that overlap, or a
 *    sentence's later attribution with no source of its own ("…, adding that …"), form one claim.
 * 3. A claim covers whole sentences, except that a long enough stretch of a sentence outside any
 *    attribution ("Putin has been the subject of an ICC warrant since 2023, but Mr Cassis said …")
 *    becomes a factual claim of its own.
 * 4. Sentences with no attribution are factual claims when the check-worthiness model rates them
 *    at or above its threshold, or when they carry a signal (reportedly, it is understood, …).
 * 5. Speakers: a named actor inside the source phrase (its head, not a possessive: "Mr Trump's
 *    envoy, Steve Witkoff" is Witkoff); a pronoun is the last person quoted nearby; a description
 *    ("the French president") is an actor with that role, the person last quoted in the same
 *    paragraph, or the last person named with that title; anything else is the phrase itself
 *    ("Downing Street spokesperson"). A quote with no cue right after someone's statement is
 *    theirs (news style); otherwise it has no identifiable speaker.
 */
import type { Actor, Claim, ClaimKind, EntityType, Mention, TextSpan } from '../../types';
import { findQuoteSpans, splitSentences } from '../sentences';
import { findAttributions, type Attribution } from './attribution';
import { marginToScore, sentenceMargin, type CheckworthyModel } from './checkworthy';
import { contextMargins } from './context';
import { fnv1a } from './dataset';
import { ROLE_NOUNS } from './lexicons';
import { claimSignals } from './signals';

export interface FindClaimsInput {
  paragraphs: readonly string[];
  /** Named-entity mentions with their actor keys (from lib/nlp/actors). */
  mentions: readonly Mention[];
  actors: readonly Actor[];
  /** The check-worthiness model; without it every score is 0 and only attributed or signalled claims are found. */
  model: CheckworthyModel | null;
  /** Paragraphs read inside a block quotation (`Article.quoteBlocks`); see `quotationBlocks`. */
  quoteBlocks?: readonly number[];
}

/** Fewer words than this outside any attribution stay part of the attribution's claim. */
const MIN_FACTUAL_WORDS = 6;
/** Factual candidates shorter than this are not claims ("Read more."). */
const MIN_CLAIM_WORDS = 5;
/**
 * A sentence nobody is reported as saying is shown as a claim only when the model is this sure it is
 * a factual claim worth checking (numbers, records, causes, accusations), well above the model's own
 * threshold: at that threshold nearly every narrative sentence of a news story passes, and a reader
 * drowns in them (issue #18: at most about 15 claims per 1,000 words).
 */
export const FACTUAL_SHOW_MIN = 0.94;
/**
 * Reported speech (no quotation, no flag) is shown from this check-worthiness on. At 0.5 remarks such
 * as "Heyward said that he is already looking forward to facing the Browns again" passed; 0.65 (tuned
 * on the real-page dev set, issue #18) keeps reported statements of fact and drops such remarks.
 */
export const REPORTED_SHOW_MIN = 0.65;
/**
 * A dateline opening a report's first paragraph: the place in capitals, perhaps its state or
 * country or the day, perhaps the agency, then a dash ("ST. JOSEPH, Mich. (AP) — ", "BERLIN -- ",
 * "DUBAI, United Arab Emirates — ", "LONDON, Nov 19 (Reuters) - ", "WASHINGTON—"), or the agency
 * alone ("(Reuters) — ", "(CNN) "). It says where the report was filed, not what it claims: the
 * claim starts after it. Read only in the first DATELINE_PARAGRAPHS paragraphs of running text:
 * further on, "NATO – Russia relations …" is a sentence.
 */
export const DATELINE =
  /^(?:\p{Lu}[\p{Lu}.'’-]{2,20}(?: \p{Lu}[\p{Lu}.'’-]{0,20}){0,3}(?:,(?: [\p{Lu}\d][\p{L}\d.]{0,20}){1,4})?(?: \((?:AP|Reuters|AFP|CNN|UPI|dpa|Bloomberg|PTI|IANS|ANI|Xinhua)\))? ?(?:[—–] ?|--? )|\((?:AP|Reuters|AFP|CNN|UPI|dpa|Bloomberg|PTI|IANS|ANI|Xinhua)\) ?(?:(?:—|–|--?) )?)(?=\p{Lu}|[“"‘'])/u;

/** See DATELINE: the lede, after a caption or a "media playback" line that may come first. */
const DATELINE_PARAGRAPHS = 2;

/** A caption that describes a picture or a chart ("This graphic, provided by Statista, shows …"). */
const CAPTION = /^(?:this|the|a|an|in\s+this)\s+(?:graphic|photo|photograph|image|picture|chart|map|video|illustration|screenshot|file\s+photo)\b/i;
/** A quotation of at least this many words makes a sentence a claim even when no speaker is found. */
const MIN_QUOTE_WORDS = 6;
/** Upper bound on the text analysed for claims, in characters (a huge page is analysed in part). */
export const MAX_CLAIM_TEXT = 400_000;

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'him', 'her', 'it', 'his', 'their']);
/** Heads of descriptions that stand for one person ("the prime minister", "the French president"). */
const PERSON_ROLES =
  /\b(president|prime minister|premier|chancellor|minister|secretary|leader|governor|senator|mayor|king|queen|prince|pope|commander|general|ambassador|envoy|chairman|chairwoman|chair|chief executive|ceo|judge|candidate|nominee)$/i;

/** A body's or a country's one-person role: "China's ambassador to Britain", "Apple's chief executive". */
const OWNER_ROLE =
  /^\p{Lu}[\p{L}.-]*(?: \p{Lu}[\p{L}.-]*){0,3}['’]s (?:[\p{Ll}-]+ ){0,3}(?:president|prime minister|premier|chancellor|minister|secretary|leader|governor|mayor|commander|ambassador|envoy|chairman|chairwoman|chief executive|ceo|spokesman|spokeswoman|spokesperson|lawyer|attorney)\b/u;

const wordCount = (s: string): number => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

interface DocMention {
  start: number;
  end: number;
  type: EntityType;
  actorKey?: string;
}

interface Group {
  start: number;
  end: number;
  atts: Attribution[];
}

/** A sentence or clause that may become a claim, before its check-worthiness in context is known. */
interface Candidate {
  s: number;
  e: number;
  text: string;
  kind: ClaimKind;
  speaker: Speaker | null;
  cue: string | null;
  signals: ReturnType<typeof claimSignals>;
  /** Part of an attribution group (reported or quoted), not plain narration. */
  grouped: boolean;
  /** The sentence model's margin for the text alone. */
  margin: number;
  paragraph: number;
}

interface Piece {
  start: number;
  end: number;
  group: Group | null;
}

interface Speaker {
  name: string;
  key: string | null;
  /** Several speakers together ("Volker and Morrison said"): all their actor keys. */
  keys?: string[];
  type: EntityType | null;
  paragraph: number;
  /** Where the speaker's last claim starts in the joined text. */
  at?: number;
}

export function claimId(text: string): string {
  return 'c' + fnv1a(text.replace(/\s+/g, ' ').trim().toLowerCase()).toString(36);
}

export function findClaims(input: FindClaimsInput): Claim[] {
  const { paragraphs, model } = input;
  // The joined text and where each paragraph starts in it.
  const starts: number[] = [];
  let doc = '';
  // A paragraph that stops in mid-sentence and one that goes on in lower case are one sentence cut
  // in two by the page's markup (a link or an inline box between them): joined with spaces, not a
  // paragraph break, so the sentence is not cut in the middle.
  const runsOn = new Set<number>();
  for (let i = 0; i < paragraphs.length; i++) {
    if (doc.length >= MAX_CLAIM_TEXT) break;
    if (i) {
      const goesOn = !/[.!?…:;"”’)\]]\s*$/.test(paragraphs[i - 1]!) && /^\s*\p{Ll}/u.test(paragraphs[i]!);
      if (goesOn) runsOn.add(i - 1);
      doc += goesOn ? '  ' : '\n\n';
    }
    starts.push(doc.length);
    doc += paragraphs[i]!;
  }
  const paragraphAt = (pos: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const actors = new Map(input.actors.map((a) => [a.key, a]));
  const mentions: DocMention[] = [];
  for (const m of input.mentions) {
    const base = starts[m.paragraph];
    if (base === undefined) continue;
    mentions.push({ start: base + m.start, end: base + m.end, type: m.type, actorKey: m.actorKey });
  }
  mentions.sort((a, b) => a.start - b.start);

  const genders = new Map<string, Gender | null>();
  // The quotations of the text (top level, paired as the attribution finder pairs them), found the
  // first time a gender is asked for.
  let quoted: { start: number; end: number }[] | null = null;
  const genderOf = (key: string | undefined): Gender | null => {
    if (key === undefined) return null;
    let g = genders.get(key);
    if (g === undefined) genders.set(key, (g = guessGender(doc, key, mentions, actors.get(key), (quoted ??= findQuoteSpans(doc).filter((q) => q.depth === 0)))));
    return g;
  };

  // Stances, intentions and poll shares ("X criticized Y", "X wants to …", "60 percent said …") are
  // attributions in the data sense but not statements with a speaker to show: their sentences are
  // judged as narration, like any other.
  const atts = findAttributions(doc, { mentions }).filter((a) => a.content.end > a.content.start && !a.stance);
  const sentences = splitSentences(doc);
  const pieces = cutIntoPieces(doc, sentences, groupAttributions(atts, sentences));

  const claims: Claim[] = [];
  const candidates: Candidate[] = [];
  const seen = new Map<string, number>();
  let lastSpeaker: Speaker | null = null;
  let lastClaim: { speaker: Speaker | null; paragraph: number } | null = null;

  // Once per paragraph, not once per sentence: the test reads the whole paragraph.
  const headings = new Map<number, boolean>();
  const headingAt = (p: number): boolean => {
    let h = headings.get(p);
    if (h === undefined) headings.set(p, (h = !runsOn.has(p) && isHeading(paragraphs[p] ?? '')));
    return h;
  };

  // Where the dateline opening a paragraph ends (its start when there is none): only in the first
  // DATELINE_PARAGRAPHS paragraphs that are not headings.
  const datelines = new Map<number, number>();
  for (let p = 0, seen = 0; p < starts.length && seen < DATELINE_PARAGRAPHS; p++) {
    if (headingAt(p)) continue;
    seen++;
    const m = DATELINE.exec((paragraphs[p] ?? '').slice(0, 160));
    if (m) datelines.set(p, starts[p]! + m[0].length);
  }
  const datelineEnd = (p: number): number => datelines.get(p) ?? starts[p]!;

  const blocks = quotationBlocks(paragraphs, input.quoteBlocks ?? []);
  /** Who the text names for a block quotation, decided when its first words are reached (see `quotationBlocks`). */
  const blockSpeaker = (b: QuoteBlock): Speaker | null => {
    if (b.decided) return b.speaker;
    b.decided = true;
    if (b.signature !== null) {
      // "— Josh Apte (@joshapte) November 3, 2019": the name before the handle.
      const at = starts[b.signature]!;
      const sig = paragraphs[b.signature]!;
      const name = TWEET_SIGNATURE.exec(sig)![1]!;
      const from = at + sig.indexOf(name);
      b.speaker = resolveSpeaker(doc, { start: from, end: from + name.length }, mentions, actors, lastSpeaker, b.first, paragraphAt, genderOf, starts);
      return b.speaker;
    }
    // The paragraph that leads into it ("Google confirmed this in a statement:") names its speaker,
    // or a speaker goes on in the first person from the paragraph before ("…, he said." ¶ "I've been
    // building relationships …"), as a quotation with no cue does.
    let prev = b.first - 1;
    while (prev >= 0 && b.first - prev <= 3 && (!paragraphs[prev]!.trim() || headingAt(prev))) prev--;
    const lead = paragraphs[prev] ?? '';
    const words = b.paragraphs.map((i) => paragraphs[i]!).join(' ');
    if (lastClaim?.speaker && lastClaim.paragraph === prev && (/(?::|…|\.\.\.)\s*$/.test(lead) || FIRST_PERSON.test(words))) b.speaker = lastClaim.speaker;
    return b.speaker;
  };

  for (const piece of pieces) {
    const [start, e] = trimPiece(doc, piece.start, piece.end);
    if (e <= start) continue;
    let s = start;
    const paragraph = paragraphAt(start);
    // A dateline is no claim, and the sentence splitter may have cut it at an abbreviation ("Mich.").
    const dateline = datelineEnd(paragraph);
    if (e <= dateline) continue;
    if (s < dateline) s = dateline;
    const text = doc.slice(s, e);
    const block = blocks.get(paragraph);
    // ("I think …" inside the block is the block's speaker thinking)
    if (block && (!piece.group || piece.group.atts.every((a) => !a.source || /^(?:I|we)$/i.test(doc.slice(a.source.start, a.source.end).trim())))) {
      // An embedded post or statement set off without quotation marks: the words of whoever the text
      // names for it, shown as a quotation of theirs. The post's signature line is no claim; a pull
      // quote repeats the text and is none either.
      if (block.pull || paragraph === block.signature) continue;
      const speaker = blockSpeaker(block);
      if (speaker && wordCount(text) >= MIN_CLAIM_WORDS) {
        const margin = model ? sentenceMargin(model, text, { hasNamedActor: true, isQuote: true }) : 0;
        lastClaim = { speaker, paragraph: paragraphAt(e - 1) };
        lastSpeaker = { ...speaker, paragraph: paragraphAt(e - 1), at: s };
        candidates.push({ s, e, text, kind: 'quote', speaker, cue: null, signals: [], grouped: true, margin, paragraph });
        continue;
      }
    }
    const hasNamedActor = mentions.some((m) => m.start < e && m.end > s && m.type !== 'LOC');
    let kind: ClaimKind = 'factual';
    let speaker: Speaker | null = null;
    let cue: string | null = null;
    let source: string | null = null;
    let noSpeaker = false;

    // Headings, captions and credits are not claims, attributed or not ("China has warned they will
    // cease control of Hong Kong (Image: GETTY)").
    if (piece.group && headingAt(paragraph) && headingAt(paragraphAt(e - 1))) continue;
    if (CAPTION.test(text)) continue;
    if (piece.group) {
      const atts = piece.group.atts;
      const lead = atts.find((a) => a.source) ?? atts[0]!;
      kind = atts.some((a) => a.kind === 'quote') ? 'quote' : 'reported';
      cue = lead.cue ? doc.slice(lead.cue.start, lead.cue.end) : null;
      if (lead.source) {
        source = doc.slice(lead.source.start, lead.source.end);
        speaker = resolveSpeaker(doc, lead.source, mentions, actors, lastSpeaker, paragraph, paragraphAt, genderOf, starts, objectsOf(doc, lead.cue, mentions));
      } else if (kind === 'quote') {
        // A quote with no cue: a pull quote or a quoted heading or caption is not a claim; after a
        // sentence about someone in its paragraph ("Schultze once summed up the danger with a
        // metaphor. “…”") it is theirs; right after a statement by someone it continues it (news
        // style). A quote that fills its paragraph and follows none of these has a speaker the
        // reader can look for above (we failed to find it, the text did not hide it): shown without
        // a speaker, and without a flag, which would say something about the text that is not so.
        const para = paragraphs[paragraph] ?? '';
        if (pullQuote(para, text)) continue;
        // The paragraph before this one, passing over captions and subheadings between them.
        let prev = paragraph - 1;
        while (prev >= 0 && paragraph - prev <= 3 && headingAt(prev)) prev--;
        const subject = subjectBefore(doc, s, starts[paragraph]!, mentions);
        const prevSubject = !subject && prev >= 0 && fillsParagraph(para, text) ? subjectBefore(doc, starts[prev]! + (paragraphs[prev] ?? '').length, starts[prev]!, mentions, true) : null;
        if (subject) speaker = resolveSpeaker(doc, subject, mentions, actors, lastSpeaker, paragraph, paragraphAt, genderOf, starts);
        else if (lastClaim?.speaker && lastClaim.paragraph >= prev) speaker = lastClaim.speaker;
        else if (prevSubject && !(lastClaim && lastClaim.paragraph === prev)) {
          // A quotation that fills its paragraph right after a paragraph about someone ("In his
          // Instagram announcement, Van Der Beek noted …" ¶ "“…”") is theirs.
          speaker = resolveSpeaker(doc, prevSubject, mentions, actors, lastSpeaker, paragraph, paragraphAt, genderOf, starts);
        } else noSpeaker = !fillsParagraph(para, text);
      } else {
        kind = 'factual'; // "It is understood that …": no one is named; the signal says so
      }
    } else {
      if (wordCount(text) < MIN_CLAIM_WORDS || headingAt(paragraph)) continue;
    }

    const isQuote = kind === 'quote';
    const margin = model ? sentenceMargin(model, text, { hasNamedActor, isQuote }) : 0;
    const signals = claimSignals({ text, kind, source, sourceNamed: !!speaker?.key, cue, noSpeaker });
    if (piece.group) {
      // Who spoke last counts for the quotes that follow, shown or not.
      lastClaim = { speaker, paragraph: paragraphAt(e - 1) };
      if (speaker) lastSpeaker = { ...speaker, paragraph: paragraphAt(e - 1), at: s };
    }
    candidates.push({ s, e, text, kind, speaker, cue, signals, grouped: !!piece.group, margin, paragraph });
  }

  // Check-worthiness with context (./context.ts): the sentences in reading order, each with its
  // speaker and paragraph, so a long transcript's lines are ranked against one another (who speaks,
  // what the lines around score), as the model learned on debates.
  const margins = model
    ? contextMargins(
        model.context,
        candidates.map((c) => ({ margin: c.margin, speaker: c.speaker ? (c.speaker.key ?? c.speaker.name) : null, turn: c.paragraph, text: c.text })),
      )
    : [];
  for (let i = 0; i < candidates.length; i++) {
    const { s, e, text, kind, speaker, cue, signals, grouped } = candidates[i]!;
    const checkworthiness = model ? round3(marginToScore(margins[i]!)) : 0;
    const checkworthy = !!model && checkworthiness >= model.threshold;
    if (!signals.length && !holdsQuotation(text)) {
      // Narration is shown when it is a factual claim worth checking; reported speech when it is
      // more likely than not worth checking ("Heyward said he is looking forward to facing the
      // Browns again" is not); direct quotes and flagged claims always.
      if (kind === 'factual' && !grouped && checkworthiness < FACTUAL_SHOW_MIN) continue;
      if (kind === 'reported' && model && checkworthiness < REPORTED_SHOW_MIN) continue;
    }
    if (kind === 'factual' && !grouped && /\?\s*$/.test(text)) continue;

    const textKey = claimId(text);
    const n = seen.get(textKey) ?? 0;
    seen.set(textKey, n + 1);
    claims.push({
      id: n ? `${textKey}-${n}` : textKey,
      spans: toSpans(paragraphs, starts, s, e),
      text: text.replace(/(?<!\s)\s*\n\n\s*/g, ' '),
      kind,
      speaker: speaker?.name ?? null,
      speakerKey: speaker?.key ?? null,
      ...(speaker?.keys && speaker.keys.length > 1 ? { speakerKeys: speaker.keys } : {}),
      cue,
      checkworthiness,
      checkworthy,
      unverified: signals.length > 0,
      signals,
    });
  }
  return claims;
}

/** Does the text hold a quotation of at least MIN_QUOTE_WORDS words (direct speech, not a scare quote)? */
function holdsQuotation(text: string): boolean {
  // (two right single quotes close a double quotation in some wire copy: “voters are entitled …’’)
  const re = /["“”„«]([^"“”„«»’]{1,2000}(?:’(?!’)[^"“”„«»’]{0,2000})*)(?:["”“»]|’’)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (wordCount(m[1]!) >= MIN_QUOTE_WORDS) return true;
  return false;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Attributions that overlap, or a later one in the same sentence with no source, make one group. */
function groupAttributions(atts: readonly Attribution[], sentences: readonly { start: number; end: number }[]): Group[] {
  const sentenceOf = (pos: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const spans = atts
    .map((a) => {
      const parts = [a.content, a.cue, a.source].filter((x): x is NonNullable<typeof x> => !!x);
      return { a, start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
    })
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const groups: Group[] = [];
  for (const { a, start, end } of spans) {
    const last = groups[groups.length - 1];
    if (last && (start < last.end || (!a.source && sentenceOf(start) === sentenceOf(last.end - 1)))) {
      last.end = Math.max(last.end, end);
      last.atts.push(a);
    } else groups.push({ start, end, atts: [a] });
  }
  return groups;
}

/**
 * Cuts the text into claim pieces: each group grown to whole sentences, except that a stretch of a
 * sentence outside any group with at least MIN_FACTUAL_WORDS words is a piece of its own; every
 * sentence without a group is a piece.
 */
function cutIntoPieces(doc: string, sentences: readonly { start: number; end: number }[], groups: readonly Group[]): Piece[] {
  const pieces: Piece[] = [];
  const range = new Map<Group, Piece>();
  let g = 0;
  for (const sent of sentences) {
    while (g < groups.length && groups[g]!.end <= sent.start) g++;
    let cursor = sent.start;
    let prev: Piece | null = null;
    for (let k = g; k < groups.length && groups[k]!.start < sent.end; k++) {
      const group = groups[k]!;
      let piece = range.get(group);
      const a = Math.max(group.start, sent.start);
      if (a > cursor) {
        const gap = doc.slice(cursor, a);
        // A stretch before an attribution is a claim of its own only when it is a clause of its own
        // ("Putin has been … since 2023, but Mr Cassis said …"); otherwise it opens the
        // attribution's sentence ("In addition to its order of 30 jets, it announced …").
        if (wordCount(gap) >= MIN_FACTUAL_WORDS && (prev || endsClause(gap))) pieces.push({ start: cursor, end: a, group: null });
        else if (prev) prev.end = a;
        else if (!piece) group.start = cursor; // the sentence's opening words belong to its first claim
      }
      if (!piece) {
        piece = { start: Math.min(group.start, a), end: group.end, group };
        range.set(group, piece);
        pieces.push(piece);
      }
      piece.end = Math.max(piece.end, Math.min(group.end, sent.end));
      cursor = Math.max(cursor, Math.min(group.end, sent.end));
      prev = piece;
    }
    if (cursor === sent.start && !prev) {
      pieces.push({ start: sent.start, end: sent.end, group: null });
      continue;
    }
    if (cursor < sent.end) {
      const gap = doc.slice(cursor, sent.end);
      if (wordCount(gap) >= MIN_FACTUAL_WORDS) pieces.push({ start: cursor, end: sent.end, group: null });
      else if (prev) prev.end = Math.max(prev.end, sent.end);
    }
  }
  return pieces.sort((x, y) => x.start - y.start);
}

/** Does a stretch end at a clause break: a semicolon, a dash, or a coordinating conjunction? */
function endsClause(gap: string): boolean {
  return /(?:[;–—]|\b(?:but|and|while|whereas|yet))[\s,]*$/i.test(gap.slice(-40));
}

const JOINER = /[\s,;:–—-]/;
const TAIL_CONJUNCTIONS = ['whereas', 'adding', 'saying', 'while', 'and', 'but', 'as'];

/** Drops white space, dangling conjunctions and joining punctuation at either end of a piece. */
function trimPiece(doc: string, start: number, end: number): [number, number] {
  let text = doc.slice(start, end);
  // A conjunction left over in mid-sentence goes; a capitalised one opening its sentence ("But as the
  // economy strengthened, …") stays, or the sentence reads as a fragment.
  const lead = /^[\s,;:–—-]*(?:(?:and|but|while|whereas)\s+)?/.exec(text)![0].length;
  text = text.slice(lead);
  // The longest tail of the form (joiners, conjunction)? joiners, scanned from the end: the regular
  // expression for it backtracks quadratically on a long run of joiners inside the text.
  let e = text.length;
  while (e > 0 && JOINER.test(text[e - 1]!)) e--;
  const word = TAIL_CONJUNCTIONS.find((w) => e - w.length > 0 && text.slice(e - w.length, e).toLowerCase() === w && JOINER.test(text[e - w.length - 1]!));
  if (word) {
    e -= word.length;
    while (e > 0 && JOINER.test(text[e - 1]!)) e--;
  }
  return [start + lead, end - (text.length - e)];
}

/**
 * A headline, subheading or picture caption rather than running text: no sentence punctuation at
 * the end, once a trailing picture credit such as "(AFP/Getty)" is set aside.
 */
function isHeading(paragraph: string): boolean {
  const t = paragraph.trim().replace(/(?<!\s)\s*\([^()]{1,80}\)$/, '');
  return !/[.!?…:]["”’)\]]*$/.test(t) && wordCount(t) < 40;
}

function toSpans(paragraphs: readonly string[], starts: readonly number[], s: number, e: number): TextSpan[] {
  const out: TextSpan[] = [];
  for (let i = 0; i < starts.length; i++) {
    const p = paragraphs[i]!;
    const ps = starts[i]!;
    if (ps >= e || ps + p.length <= s) continue;
    let a = Math.max(0, s - ps);
    let b = Math.min(p.length, e - ps);
    while (a < b && /\s/.test(p[a]!)) a++;
    while (b > a && /\s/.test(p[b - 1]!)) b--;
    if (b > a) out.push({ paragraph: i, start: a, end: b });
  }
  return out;
}

type Gender = 'm' | 'f';

/** Is `at` inside one of the spans (sorted by start, not overlapping)? */
function inSpans(spans: readonly { start: number; end: number }[], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const sp = spans[mid]!;
    if (at < sp.start) hi = mid - 1;
    else if (at >= sp.end) lo = mid + 1;
    else return true;
  }
  return false;
}
/**
 * Nouns a person's name modifies ("the Obama administration", "Clinton aides", "Clinton spokesman Brian Fallon"):
 * there the name is not who acts, so it is not what a later "he" or "she" stands for.
 */
const ATTRIBUTIVE_HEAD =
  /^[’']?s?\s+(?:administration|campaign|camp|aides?|advis[eo]rs?|allies|supporters|backers|loyalists|voters|family|foundation|era|years|presidency|doctrine|team|staff|spokes(?:man|woman|person)|officials?|government|cabinet|policy|policies|regime|estate|lawyers?|attorneys?)\b/i;
const attributive = (doc: string, m: { type: EntityType; end: number }): boolean => m.type === 'PER' && ATTRIBUTIVE_HEAD.test(doc.slice(m.end, m.end + 24));
/** What only sets the scene before a sentence's subject: a capitalised opening phrase and its comma ("During the visit, "). */
const SCENE = /[A-Z][^,;:.!?“”"]{2,60},\s+/;
/** A sentence that opens with "She"/"Her" or "He"/"His", after a scene or not (plain templates, so the regex-safety test reads them). */
const OPENS_WITH: Record<Gender, RegExp> = {
  f: new RegExp(`(?:^|[.!?]["”’]?\\s+)(?:(?:She|Her)\\b|${SCENE.source}(?:she|her)\\b)`),
  m: new RegExp(`(?:^|[.!?]["”’]?\\s+)(?:(?:He|His)\\b|${SCENE.source}(?:he|his)\\b)`),
};
/**
 * A sentence of the paragraph opens with this pronoun ("She also said …"), or with a scene and then
 * the pronoun ("During the visit, he was photographed …"): the paragraph goes on about someone named before.
 */
const opensWith = (text: string, gender: Gender): boolean => OPENS_WITH[gender].test(text);
/** A sentence's opening pronoun, after a scene or not (`leadsSentence`). */
const PRONOUN_LEADS = new RegExp(`^[\\s"“”]*(?:${SCENE.source})?(?:he|she|they|it|his|her|their)\\b`, 'i');
const MALE = /^(?:he|him|his|himself)$/i;
const FEMALE = /^(?:she|her|hers|herself)$/i;
const RELATIVE = /^(?:who|whom|which|that)$/i;

/**
 * A person's gender as the article shows it: an honorific among the actor's forms (Mr, Ms, Mrs),
 * else the first he/his or she/her right after one of the mentions (in the rest of its sentence and
 * the next). Null when the text does not say.
 */
function guessGender(doc: string, key: string, mentions: readonly DocMention[], actor: Actor | undefined, quoted: readonly { start: number; end: number }[]): Gender | null {
  if (!actor || actor.type !== 'PER') return null;
  for (const a of actor.aliases) {
    if (/^(?:mr|sir|lord|king|prince)\b/i.test(a)) return 'm';
    if (/^(?:ms|mrs|miss|lady|dame|queen|princess)\b/i.test(a)) return 'f';
  }
  let m = 0;
  let f = 0;
  for (const x of mentions) {
    if (x.actorKey !== key) continue;
    // An owner's pronoun is its head's ("Carlineo’s attorney … her client"), and a name inside a
    // quotation is not who the narration goes on about ("“Pat Carlineo is passionate …,” she said").
    if (/^['’]s?\b/.test(doc.slice(x.end, x.end + 2)) || inSpans(quoted, x.start)) continue;
    // A pronoun inside a quotation is the speaker's word for someone else ("“He told us to keep
    // going,” Lopez said" says nothing of Lopez), even when the quotation holds an unbalanced inner
    // quote: the quotations are the paired ones, not a count of marks.
    const re = /\b(he|him|his|she|her|hers)\b/gi;
    const after = doc.slice(x.end, x.end + 160);
    for (let w = re.exec(after); w; w = re.exec(after)) {
      if (inSpans(quoted, x.end + w.index)) continue;
      if (MALE.test(w[1]!)) m++;
      else f++;
      break;
    }
  }
  return m > f ? 'm' : f > m ? 'f' : null;
}

/**
 * The mention that a source phrase names: in the first comma-separated part of the phrase that
 * names anyone (a possessive owner does not count: "Mr Trump's envoy, Steve Witkoff" is Witkoff),
 * a person before a body or place ("Dr. Joneigh Khaldun of the Michigan Department of Health",
 * "Mitch McConnell of Kentucky"), the last person when there are several (a title then a name), else
 * the first name. An apposition after the name ("Avi Bell, senior fellow at … in Israel") is
 * never the speaker when the head names someone.
 */
function headMention(doc: string, src: { start: number; end: number }, mentions: readonly DocMention[]): DocMention | null {
  // A possessive owner, or a name after a preposition ("China’s ambassador to Britain", "a spokesman for
  // the campaign"), is not who the phrase names.
  const inside = mentions.filter(
    (m) =>
      m.start >= src.start &&
      m.end <= src.end &&
      !/^['’]s?\b/.test(doc.slice(m.end, m.end + 2)) &&
      // (capitalised words may stand between: "health authorities in China’s Inner Mongolia")
      !(m.type === 'LOC' && /\b(?:[Tt]o|[Oo]f|[Ff]or|[Ff]rom|[Ii]n|[Aa]t)\s+(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u.test(doc.slice(src.start, m.start))) &&
      // nor is a body that some of its members speak for ("Some members of Congress have suggested")
      !SOME_MEMBERS_OF.test(doc.slice(src.start, m.start)),
  );
  if (!inside.length) return null;
  // Cut the phrase at commas and relative pronouns ("Jason Foy, who represents Noel").
  const cuts: { at: number; relative: boolean }[] = [];
  const re = /,|\b(?:who|whose|which)\b/g;
  const phrase = doc.slice(src.start, src.end);
  for (let m = re.exec(phrase); m; m = re.exec(phrase)) cuts.push({ at: src.start + m.index, relative: m[0] !== ',' });
  cuts.push({ at: src.end, relative: false });
  let from = src.start;
  let firstNamed: DocMention[] | null = null;
  // Inside a relative clause after a head that names no one ("The statement, which was obtained by
  // Variety,"): the names there are not who the phrase names.
  let relative = false;
  for (const cut of cuts) {
    // A name is the head of its part when nothing but a prepositional phrase follows it ("Middle
    // East observers" names no one; "Dr. Joneigh Khaldun of the Michigan Department of Health" does),
    // or the noun for what it is ("the nationalist Global Times tabloid", "the Xinhua news agency").
    const part = relative ? [] : inside.filter((m) => m.start >= from && m.end <= cut.at && NAME_ENDS_PART.test(doc.slice(m.end, cut.at)));
    from = cut.at + 1;
    relative = cut.relative || (relative && cut.at < src.end && doc[cut.at] !== ',');
    if (!part.length) continue;
    const people = part.filter((m) => m.type === 'PER');
    if (people.length) return people[people.length - 1]!;
    firstNamed ??= part;
  }
  if (!firstNamed) return null;
  return officeAround(doc, src.start, firstNamed[firstNamed.length - 1]!) ?? firstNamed[0]!;
}

/** Some of a body's people, before its name: "some members of", "several lawmakers in the", "a few of the staff at". */
const SOME_MEMBERS_OF = /^(?:some|several|many|most|other|a few|a number of|a handful of)\s+(?:of\s+(?:the|its)\s+)?\p{Ll}+\s+(?:of|in|at|from)\s+(?:the\s+)?$/iu;

/** What may follow the name that heads a source phrase's part (see `headMention`). */
const NAME_ENDS_PART =
  /^(?:\s+(?:news\s+)?(?:tabloid|newspaper|paper|magazine|daily|weekly|agency|network|broadcaster|website|outlet|channel|station|think\s+tank)s?)?(?:[\s.;:)]*$|\s*\(|\s+(?:of|at|for|from|in|with|on)\b)/;

/** Words that make a capitalised run before "for" or "of" the name of an office or body. */
const OFFICE_WORD =
  /\b(?:High Commissioner|Commissioner|Secretary|Minister|Ministry|Department|Office|Council|Committee|Commission|Bureau|Agency|Institute|Centers?|Centres?|Board|Secretariat|Representative|Envoy|Rapporteur|Director|Administration|Authority|Society|Foundation|Association|Coalition|Alliance|League|Fund|Court)$/;

/**
 * The office or body whose name ends in the one the tagger found: "The United Nations High Commissioner for Human
 * Rights said" names the commissioner, not "Human Rights"; "the Office for National Statistics". A mention with no
 * actor key, spanning the whole name. Null when the name found is not the end of such a run.
 */
function officeAround(doc: string, from: number, m: DocMention): DocMention | null {
  if (m.type === 'PER') return null;
  const before = doc.slice(Math.max(from, m.start - 120), m.start);
  // Word by word from the name back: "the" at most, then "for" or "of", then the capitalised run.
  const words = [...before.matchAll(/\S+/g)];
  let k = words.length - 1;
  if (k >= 0 && words[k]![0] === 'the') k--;
  if (k < 0 || (words[k]![0] !== 'for' && words[k]![0] !== 'of')) return null;
  let first = k;
  while (first > 0 && /^\p{Lu}[\p{L}.'’-]*$/u.test(words[first - 1]![0])) first--;
  const run = words.slice(first, k).map((w) => w[0]);
  if (!run.length || !OFFICE_WORD.test(run.join(' '))) return null;
  let start = m.start - before.length + words[first]!.index;
  if (/^(?:The|A|An)$/.test(words[first]![0]) && first + 1 < k) start = m.start - before.length + words[first + 1]!.index;
  return { start, end: m.end, type: 'ORG' };
}

/** A person's name by its shape: two to four capitalised words, perhaps after a title ("Cmdr. Sean Robertson"). */
function looksLikeName(s: string): boolean {
  return /^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Cmdr|Lt|Sgt|Rev)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+)){1,3}$/u.test(s.trim());
}

/** Heads of descriptions that stand for one person, beyond titles ("the actor", "the singer", "the patient"). */
const PERSON_NOUN =
  /(?:^|\s)(?:actor|actress|singer|star|rapper|musician|player|athlete|coach|author|writer|founder|co-founder|billionaire|businessman|businesswoman|entrepreneur|patient|victim|suspect|defendant|mother|father|wife|husband|son|daughter|scientist|researcher|doctor|lawmaker|congressman|congresswoman|politician|official|spokesman|spokeswoman|spokesperson|host|comedian|director|producer|model|journalist|reporter|artist|designer|chef|teen|teenager|boy|girl|man|woman)$/;

/**
 * The person the article named earlier with the description's head noun next to the name:
 * "Wikileaks co-founder Julian Assange" or "Julian Assange, the Wikileaks founder" for "the
 * Wikileaks founder". Every other word of the description must be there too. The latest such
 * mention before `at`.
 */
function namedWithRole(doc: string, at: number, description: string, mentions: readonly DocMention[]): DocMention | null {
  const ws = description
    .replace(/[“”"‘’']/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1);
  const head = ws[ws.length - 1];
  if (!head || !/^[\p{L}-]+$/u.test(head)) return null;
  const isHead = (w: string): boolean => w === head || w.endsWith(`-${head}`);
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end > at || m.type !== 'PER') continue;
    if (at - m.start > 20_000) break;
    const before = doc
      .slice(Math.max(0, m.start - 60), m.start)
      .split(/[.;:!?\n]/)
      .pop()!
      .trim()
      .toLowerCase();
    const after = /^,\s*([^,.;]{3,80})/.exec(doc.slice(m.end, m.end + 90))?.[1]?.toLowerCase() ?? '';
    for (const side of [before.split(/\s+/).slice(-5).join(' '), after]) {
      const sw = side.split(/\s+/);
      const at2 = sw.findIndex(isHead);
      if (at2 < 0 || (side === after ? false : at2 !== sw.length - 1)) continue;
      if (ws.slice(0, -1).every((w) => side.includes(w))) return m;
    }
  }
  return null;
}

/** A quotation with no cue that is a heading, a pull quote or a caption: short and alone in its paragraph, in capitals, or with a picture credit. */
function pullQuote(paragraph: string, quote: string): boolean {
  const p = paragraph.trim();
  if (/\b(?:Photograph|Photo|Image|Picture|Credit)\s*:/.test(p.slice(quote.length - 5))) return true;
  const letters = p.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 8 && letters === letters.toUpperCase()) return true;
  return fillsParagraph(p, quote) && wordCount(p) <= 8;
}

/** The signature line of an embedded post: "— Josh Apte (@joshapte) November 3, 2019". */
const TWEET_SIGNATURE = /^[—–-]\s*([^()@\n]{2,60}?)\s*\(@\w{1,20}\)(?:\s+\p{L}+\.?\s+\d{1,2},\s+\d{4})?\s*$/u;
/** Words of someone speaking for themselves or their body. */
const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|we|we're|we’re|we've|we’ve|our|us)\b/;

interface QuoteBlock {
  /** The block's paragraphs, in order (the signature line included). */
  paragraphs: number[];
  first: number;
  /** The paragraph that signs an embedded post, when there is one (its last). */
  signature: number | null;
  /** A pull quote: its words are in the running text too. */
  pull: boolean;
  decided: boolean;
  speaker: Speaker | null;
}

/**
 * The block quotations of an article, by paragraph: runs of consecutive `quoteBlocks` paragraphs, cut
 * after each post's signature line (two embedded posts in a row are two blocks). A block whose
 * words all appear elsewhere in the text is a pull quote.
 */
function quotationBlocks(paragraphs: readonly string[], marked: readonly number[]): Map<number, QuoteBlock> {
  const out = new Map<number, QuoteBlock>();
  const set = new Set(marked.filter((i) => i >= 0 && i < paragraphs.length && paragraphs[i]!.trim()));
  const runs: number[][] = [];
  for (const i of [...set].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last === i - 1 && !TWEET_SIGNATURE.test(paragraphs[last]!)) run.push(i);
    else runs.push([i]);
  }
  const norm = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  let others: string | null = null;
  for (const run of runs) {
    const lastP = run[run.length - 1]!;
    const signature = TWEET_SIGNATURE.test(paragraphs[lastP]!) ? lastP : null;
    const words = norm(
      run
        .filter((i) => i !== signature)
        .map((i) => paragraphs[i]!)
        .join(' '),
    );
    if (!words) continue;
    others ??= norm(paragraphs.filter((_, i) => !set.has(i)).join(' \n '));
    const pull = words.split(' ').length >= 6 && others.includes(words);
    const block: QuoteBlock = { paragraphs: run, first: run[0]!, signature, pull, decided: false, speaker: null };
    for (const i of run) out.set(i, block);
  }
  return out;
}

/** Is the quotation all there is in its paragraph? */
function fillsParagraph(paragraph: string, quote: string): boolean {
  return wordCount(paragraph) - wordCount(quote) <= 0;
}

/**
 * A person named as the subject of a sentence earlier in the paragraph (from `from` to `at`), as a
 * source span. `afterOpener`: also the subject of a main clause after an opening phrase and a comma
 * ("In his first announcement, Van Der Beek noted …").
 */
function subjectBefore(doc: string, at: number, from: number, mentions: readonly DocMention[], afterOpener = false): { start: number; end: number } | null {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end > at) continue;
    if (m.start < from) break;
    if (m.type !== 'PER' || insideQuote(doc, m.start, from)) continue;
    if (opensSentence(doc, m.start, from) || (afterOpener && opensMainClause(doc, m, from))) return { start: m.start, end: m.end };
  }
  return null;
}

/** Does only an opening phrase and its comma stand between the start of its sentence and `at` ("In his first announcement, ")? */
function afterOpeningPhrase(doc: string, at: number, from: number): boolean {
  const before = doc.slice(Math.max(from, at - 120), at);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const lead = cut >= 0 ? before.slice(cut + 2) : at - 120 <= from ? before : null;
  return lead !== null && /^[A-Z][^,;:“”"]{2,100},\s*$/.test(lead);
}

/** Does the name at `m` open the main clause of its sentence after an opening phrase and a comma, with a verb after it? */
function opensMainClause(doc: string, m: { start: number; end: number }, from: number): boolean {
  return afterOpeningPhrase(doc, m.start, from) && /^\s+(?:\p{Ll}+ly\s+)?(?:has |had |was |is |also |even )?\p{Ll}+(?:ed|s)\b/u.test(doc.slice(m.end, m.end + 40));
}

/**
 * A name right after a sentence's opening phrase and its comma, followed by a word in lower case: the
 * subject of the main clause ("As of October, Emirates had a fleet of 270 aircraft"), which a pronoun
 * of the next sentence stands for rather than a name in passing ("In addition to its order of 30
 * Boeing jets, it announced …" is Emirates, not Boeing).
 */
function afterOpening(doc: string, m: { start: number; end: number }, from: number): boolean {
  return afterOpeningPhrase(doc, m.start, from) && /^\s+\p{Ll}/u.test(doc.slice(m.end, m.end + 3));
}

/** Is `at` inside a quotation opened earlier in its paragraph (which starts at `from`)? */
function insideQuote(doc: string, at: number, from: number): boolean {
  let open = false;
  for (let i = from; i < at; i++) {
    const c = doc[i]!;
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = !open;
  }
  return open;
}

/** Does the name at `at` open its sentence, perhaps after a title ("Senator James Lankford")? */
function opensSentence(doc: string, at: number, from: number): boolean {
  const start = sentenceStart(doc, at, from);
  return start !== null && !/\p{Ll}{2,}/u.test(doc.slice(start, at).replace(/^[”"\s]+/, ''));
}

/** Where the sentence holding `at` starts (looking back at most 200 characters, not before `from`), or null when it starts further back. */
function sentenceStart(doc: string, at: number, from: number): number | null {
  const before = doc.slice(Math.max(from, at - 200), at);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), before.lastIndexOf('.” '), before.lastIndexOf('." '));
  if (cut >= 0) return at - before.length + cut + 2;
  return at - 200 <= from ? at - before.length : null;
}

/**
 * The first person a sentence names, after what only sets the scene ("On Monday night, Clinton leaned in"), in a
 * sentence that does not open with a pronoun, after a scene or not ("She skirted the question from John Dickerson"
 * and "During the visit, he was photographed with Epstein" are about "she" and "he").
 */
function leadsSentence(doc: string, mentions: readonly DocMention[], i: number, from: number): boolean {
  const m = mentions[i]!;
  const at = sentenceStart(doc, m.start, from);
  if (at === null) return false;
  if (PRONOUN_LEADS.test(doc.slice(at, m.start))) return false;
  // Mentions are in text order: only those of this sentence before it are looked at.
  for (let j = i - 1; j >= 0 && mentions[j]!.start >= at; j--) if (mentions[j]!.type === 'PER') return false;
  return true;
}

/**
 * Nouns that stand for a body named shortly before ("the agency", "the ministry", "the company").
 * Not "union", "government" or "administration": "the union" is seldom the European Union, and
 * "the administration" is a government, not the Food and Drug Administration.
 */
const BODY_NOUN =
  /^(?:agency|ministry|department|committee|commission|council|court|bank|university|party|company|corporation|firm|group|organization|organisation|police|service|office|board|authority|institute|association|foundation|hospital|network)$/;
/** "The organization": the body the article names most, as "the company" is (not a news organisation). */
const ORGANIZATION_NOUN = /^organi[sz]ation$/;
/** Of those, the ones a news story uses for the company it is about. */
const FIRM_NOUN = /^(?:company|firm|corporation)$/;
/** Names a government agency goes by: an acronym ("NASA", "FBI"), or a name ending in administration, bureau or service. */
const AGENCY_NAME = /^(?:\p{Lu}{2,6}|.*\b(?:Administration|Bureau|Service|Agency))$/u;
/** How many paragraphs back "the agency" looks for the agency. */
const BODY_NOUN_REACH = 3;

/**
 * Nouns a story introduces a body with in apposition and then calls it by ("The group, WeWorkers
 * Coalition, formed …" … "the group said"; "Acme, a union of nurses, …" … "the union said"). Not
 * "company" or "firm": "JLL, a real estate company," does not make JLL what a story about WeWork
 * calls "the company" (see FIRM_NOUN).
 */
const INTRODUCED_NOUN = /^(?:group|coalition|organi[sz]ation|union|charity|alliance|campaign|nonprofit|movement|association|foundation|network)$/;
/** "The group, " right before a name: the noun the name is introduced with. */
const NOUN_THEN_NAME = /\b(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,2}?(\p{L}+),\s*$/iu;
/** ", a group of …" right after a name: the words of the apposition that says what it is. */
const NAME_THEN_NOUN = /^,\s+(?:the|a|an)\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)/u;

/** The body last introduced as "the `noun`, X," or "X, a `noun` …" within BODY_NOUN_REACH paragraphs before `pos`. */
function introducedAs(doc: string, pos: number, noun: string, mentions: readonly DocMention[], paragraph: number, paragraphAt: (pos: number) => number): DocMention | null {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end > pos || m.type !== 'ORG') continue;
    if (paragraphAt(m.start) < paragraph - BODY_NOUN_REACH) break;
    const pre = NOUN_THEN_NAME.exec(doc.slice(Math.max(0, m.start - 40), m.start))?.[1]?.toLowerCase();
    const post =
      NAME_THEN_NOUN.exec(doc.slice(m.end, m.end + 60))?.[1]
        ?.toLowerCase()
        .split(/\s+/) ?? [];
    if (pre === noun || post.includes(noun)) return m;
  }
  return null;
}

/**
 * The people a cue is done to, named right after it ("he called Rubio …", "she thanked Ms Ortiz"): a
 * pronoun before the cue does not stand for them.
 */
function objectsOf(doc: string, cue: { start: number; end: number } | null | undefined, mentions: readonly DocMention[]): Set<string> {
  const out = new Set<string>();
  if (!cue) return out;
  for (const m of mentions)
    if (m.start >= cue.end && m.type === 'PER' && m.actorKey !== undefined && /^\s+(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.?\s+)?$/.test(doc.slice(cue.end, m.start))) out.add(m.actorKey);
  return out;
}

/** Who a source phrase stands for (see the file comment). */
function resolveSpeaker(
  doc: string,
  src: { start: number; end: number },
  mentions: readonly DocMention[],
  actors: ReadonlyMap<string, Actor>,
  last: Speaker | null,
  paragraph: number,
  paragraphAt: (pos: number) => number,
  genderOf: (key: string | undefined) => Gender | null,
  starts: readonly number[],
  notOf: ReadonlySet<string> = new Set(),
): Speaker | null {
  const phrase = doc.slice(src.start, src.end).trim();
  const asActor = (m: DocMention): Speaker => {
    const actor = m.actorKey !== undefined ? actors.get(m.actorKey) : undefined;
    return { name: actor?.name ?? doc.slice(m.start, m.end), key: actor?.key ?? null, type: m.type, paragraph };
  };
  // "Volker and Morrison said", "Ruiz, Cole and Park told": names joined by "and" speak together.
  const joint = jointSpeakers(doc, src, mentions, actors, asActor, paragraph);
  if (joint) return joint;
  // "Omar Lamrani, a senior military analyst at Stratfor": a name the NER missed heads the phrase,
  // and the body in its apposition is not the speaker.
  const comma = phrase.indexOf(',');
  const first = comma > 0 ? phrase.slice(0, comma).trim() : undefined;
  if (first && looksLikeName(first) && !mentions.some((m) => m.start >= src.start && m.end <= src.start + first.length + 1)) {
    const f = first.toLowerCase();
    for (const a of actors.values()) if (a.aliases.some((x) => x.toLowerCase() === f)) return { name: a.name, key: a.key, type: a.type, paragraph };
    return { name: first, key: null, type: 'PER', paragraph };
  }
  const head = headMention(doc, src, mentions);
  if (head) return asActor(head);
  // Naming no one, the phrase stands for its head, before any apposition or relative clause: "The
  // company, which is expected to lay off thousands …, confirmed" is "company".
  const headPart = phrase.replace(/^([^,]+),.*$/s, '$1');
  const lower = headPart.toLowerCase();
  // A relative pronoun stands for the name just before it ("Assange, who denies …"); a bare one is
  // never a speaker.
  if (RELATIVE.test(lower)) {
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i]!;
      if (m.end > src.start) continue;
      const between = doc.slice(m.end, src.start).trim();
      return between === '' || between === ',' ? asActor(m) : null;
    }
    return null;
  }
  // "We called it “…”" in the narration: the ones who wrote the article, no name it has mentioned
  // (one spelling, so that the archive's speaker filter lists them once).
  if (lower === 'we') return { name: 'We', key: null, type: null, paragraph };
  if (PRONOUNS.has(lower)) {
    const plural = lower === 'they' || lower === 'their';
    const thing = lower === 'it';
    const gender: Gender | null = MALE.test(lower) ? 'm' : FEMALE.test(lower) ? 'f' : null;
    const fits = (type: EntityType | null, key: string | null | undefined): boolean => {
      // (not whom the cue is done to: "he called Rubio “Little Marco”" is not Rubio's)
      if (key && notOf.has(key)) return false;
      // ("they" are people or a body: a place named as a government is "it")
      if (plural) return type !== 'LOC';
      if (thing) return type === 'ORG' || type === 'LOC';
      if (type !== 'PER') return false;
      const g = gender && key ? genderOf(key) : null;
      return !g || g === gender;
    };
    // Names the pronoun can stand for in paragraph p, before it, outside quotations (words inside a
    // quote are the speaker's, not the narration's), the subjects of sentences first, then the
    // nearest ("Figgins declined to say whether Thomas slept the night Epstein died. “…,” he said").
    // In an earlier paragraph whose sentences go on with this same pronoun ("She skirted the question
    // from John Dickerson …"), the pronoun's person is a subject named before, not a name in passing.
    const named = (p: number): DocMention | null => {
      let nearest: DocMention | null = null;
      const chain = p < paragraph && gender !== null && opensWith(doc.slice(starts[p]!, starts[p + 1] ?? doc.length), gender);
      for (let i = mentions.length - 1; i >= 0; i--) {
        const m = mentions[i]!;
        if (m.end > src.start) continue;
        const mp = paragraphAt(m.start);
        if (mp < p) break;
        if (mp > p || !fits(m.type, m.actorKey) || /^['’]s?\b/.test(doc.slice(m.end, m.end + 2)) || attributive(doc, m) || insideQuote(doc, m.start, starts[mp]!)) continue;
        if (opensSentence(doc, m.start, starts[mp]!) || afterOpening(doc, m, starts[mp]!)) return m;
        if (chain && leadsSentence(doc, mentions, i, starts[mp]!)) return m;
        if (!chain) nearest ??= m;
      }
      return nearest;
    };
    // The person quoted last in this paragraph is who "he said" means (news style); else a name in
    // this paragraph; else whoever spoke in the paragraph before; else a name there; else whoever
    // spoke in the last three paragraphs.
    if (last && last.paragraph === paragraph && fits(last.type, last.key)) return { ...last, paragraph };
    const here = named(paragraph);
    if (here) return asActor(here);
    if (last && last.paragraph >= paragraph - 1 && fits(last.type, last.key)) return { ...last, paragraph };
    const before = paragraph > 0 ? named(paragraph - 1) : null;
    if (before) return asActor(before);
    if (last && paragraph - last.paragraph <= 3 && fits(last.type, last.key)) return { ...last, paragraph };
    for (let p = paragraph - 2; p >= 0 && p >= paragraph - 3; p--) {
      const m = named(p);
      if (m) return asActor(m);
    }
    return null;
  }
  const description = lower.replace(/^(?:the|a|an)\s+/, '');
  const role = PERSON_ROLES.exec(description)?.[1];
  if (/^the\s/.test(lower) && !role) {
    // "the Wikileaks founder", "the “Pose” actor": the person the article has named with that role
    // ("Wikileaks co-founder Julian Assange"), else, for a one-person noun, the person quoted last.
    const named = namedWithRole(doc, src.start, description, mentions);
    if (named) return asActor(named);
    if (PERSON_NOUN.test(description) && last && last.type === 'PER' && paragraph - last.paragraph <= 3) return { ...last, paragraph };
  }
  // "China's ambassador to Britain", "Apple's chief executive": the person the article has named
  // with that role ("China's ambassador to Britain Liu Xiaming").
  if (OWNER_ROLE.test(headPart)) {
    const named = namedWithRole(doc, src.start, description, mentions);
    if (named) return asActor(named);
  }
  if (/^the\s/.test(lower) && role) {
    for (const a of actors.values()) {
      if (
        a.type === 'PER' &&
        a.role &&
        a.role
          .toLowerCase()
          .replace(/^.*?['’]s\s+/, '')
          .endsWith(description)
      )
        return { name: a.name, key: a.key, type: 'PER', paragraph };
    }
    if (last && last.paragraph === paragraph && last.type === 'PER') return { ...last, paragraph };
    // The last person named with that title ("President Trump" for "the US president").
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i]!;
      if (m.end > src.start || m.type !== 'PER') continue;
      const actor = m.actorKey !== undefined ? actors.get(m.actorKey) : undefined;
      if (actor?.aliases.some((x) => x.toLowerCase().startsWith(role + ' '))) return asActor(m);
    }
  }
  // "The group said" after "The group, WeWorkers Coalition, formed …": the body introduced so.
  if (/^the\s/.test(lower) && INTRODUCED_NOUN.test(description)) {
    const m = introducedAs(doc, src.start, description, mentions, paragraph, paragraphAt);
    if (m) return asActor(m);
  }
  // "The agency said": the body named before whose name has that noun ("European Space Agency");
  // "the company" / "the firm": the company the article is about, the one named most so far.
  if (/^the\s/.test(lower) && BODY_NOUN.test(description)) {
    const noun = description;
    let most: { m: DocMention; n: number } | null = null;
    const counts = new Map<string, number>();
    for (let i = mentions.length - 1; i >= 0; i--) {
      const m = mentions[i]!;
      if (m.end > src.start || m.type !== 'ORG' || m.actorKey === undefined) continue;
      const actor = actors.get(m.actorKey);
      if (!actor) continue;
      if (actor.name.toLowerCase().split(/\s+/).includes(noun) && paragraphAt(m.start) >= paragraph - BODY_NOUN_REACH) return asActor(m);
      counts.set(m.actorKey, (counts.get(m.actorKey) ?? 0) + 1);
    }
    // ("the agency" with no body named so: the government agency the article names most, an
    // acronym or an administration, bureau or service: "NASA", "the Federal Aviation Administration";
    // "the organization": the body the article names most, "Amnesty International")
    const agency = description === 'agency';
    const organization = ORGANIZATION_NOUN.test(description);
    if (FIRM_NOUN.test(description) || agency || organization) {
      for (let i = mentions.length - 1; i >= 0; i--) {
        const m = mentions[i]!;
        if (m.end > src.start || m.type !== 'ORG' || m.actorKey === undefined) continue;
        if (agency && !AGENCY_NAME.test(actors.get(m.actorKey)?.name ?? '')) continue;
        // (not a news organisation the article cites or speaks as: "the organization" is not Reuters)
        if (organization && actors.get(m.actorKey)?.outlet) continue;
        const n = counts.get(m.actorKey) ?? 0;
        if (!most || n > most.n) most = { m, n };
      }
      if (most && most.n >= 2) return asActor(most.m);
    }
  }
  const name = headPart.replace(/^(?:the|a|an)\s+/i, '').replace(/(?<![\s,;:])[\s,;:]+$/, '');
  // An unnamed person ("the patient", "a man") is still a person a later "he" or "she" can mean.
  return name ? { name, key: null, type: PERSON_NOUN.test(description) ? 'PER' : null, paragraph } : null;
}

/** "A and B", "A, B and C", each part a capitalised name of one to four words. */
const NAME_LIST = /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})((?:, \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}){0,3}),? and (\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})$/u;

/** Several speakers as one: canonical names joined ("A and B", "A, B and C"), every actor key. */
function together(out: Speaker[], paragraph: number): Speaker {
  const names = out.map((x) => x.name);
  const name = names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const keys = out.map((x) => x.key).filter((k): k is string => k !== null);
  // Not one person: a later "he" or "she" does not stand for them together ("they" does).
  return { name, key: keys[0] ?? null, keys, type: null, paragraph };
}

/**
 * People with their roles joined by "and" ("Interior minister Matteo Salvini and transport minister
 * Danilo Toninelli"): each part ends with a person's name the tagger found, and holds no other.
 */
function rolesAndNames(doc: string, src: { start: number; end: number }, mentions: readonly DocMention[], asActor: (m: DocMention) => Speaker, paragraph: number): Speaker | null {
  const out: Speaker[] = [];
  let from = src.start;
  const cuts = [...doc.slice(src.start, src.end).matchAll(/,? and |, /g)].map((x) => ({ at: src.start + x.index, len: x[0].length }));
  const last = cuts.at(-1);
  // A list of people ends with "and" ("A, B and C"); "Jason Foy, who represents Tova Noel" is not one.
  if (!last || cuts.length > 3 || !doc.slice(last.at, last.at + last.len).endsWith(' and ')) return null;
  for (const [i, end] of [...cuts.map((c) => c.at), src.end].entries()) {
    const inside = mentions.filter((x) => x.start >= from && x.end <= end);
    const person = inside.length === 1 ? inside[0]! : null;
    if (!person || person.type !== 'PER' || doc.slice(person.end, end).trim() !== '') return null;
    // Before the name, a role and up to two words of it ("transport minister"), or nothing.
    const before = doc.slice(from, person.start).trim().split(/\s+/).filter(Boolean);
    if (before.length > 3 || (before.length > 0 && !ROLE_NOUNS.has(before.at(-1)!.toLowerCase()))) return null;
    out.push(asActor(person));
    if (i < cuts.length) from = cuts[i]!.at + cuts[i]!.len;
  }
  return together(out, paragraph);
}

/**
 * Names joined by "and" in a source phrase ("Volker and Morrison", "Ruiz, Cole and Park"): each is an
 * actor when a mention or an alias says so, else the name as written; the speaker names them all,
 * canonical names joined, with every actor key. Null when the phrase is not such a list, or when one
 * mention spans the "and" (a body's name: "Johnson and Johnson", "Health and Human Services").
 */
function jointSpeakers(
  doc: string,
  src: { start: number; end: number },
  mentions: readonly DocMention[],
  actors: ReadonlyMap<string, Actor>,
  asActor: (m: DocMention) => Speaker,
  paragraph: number,
): Speaker | null {
  const phrase = doc.slice(src.start, src.end);
  if (phrase.length > 200) return null;
  const m = NAME_LIST.exec(phrase);
  if (!m) return rolesAndNames(doc, src, mentions, asActor, paragraph);
  const parts = [m[1]!, ...m[2]!.split(', ').filter(Boolean), m[3]!];
  if (mentions.some((x) => x.start < src.end && x.end > src.start && / and /.test(doc.slice(Math.max(x.start, src.start), Math.min(x.end, src.end))))) return null;
  const out: Speaker[] = [];
  let from = src.start;
  for (const part of parts) {
    const at = doc.indexOf(part, from);
    if (at < 0 || at + part.length > src.end) return null;
    from = at + part.length;
    const inside = mentions.filter((x) => x.start >= at && x.end <= at + part.length);
    const mention = inside.find((x) => x.type === 'PER') ?? inside[0];
    if (mention) {
      out.push(asActor(mention));
      continue;
    }
    const lower = part.toLowerCase();
    const actor = [...actors.values()].find((a) => a.aliases.some((x) => x.toLowerCase() === lower));
    out.push(actor ? { name: actor.name, key: actor.key, type: actor.type, paragraph } : { name: part, key: null, type: null, paragraph });
  }
  return together(out, paragraph);
}

/**
 * The data model shared by every part of the extension. Pure types: no runtime code, so any
 * module (content script, background, UI, Node tools) can import it for free.
 */

/** One article as the content script extracts it. Text and metadata only, never DOM. */
export interface Article {
  /** Normalised canonical URL: the archive's identity for the article. */
  url: string;
  /** The address the page was read at (may differ from the canonical one). */
  pageUrl: string;
  title: string;
  byline: string | null;
  /** Who wrote/published the piece (e.g. "The Independent UK"). */
  publisher: string | null;
  /** The site that carried it, when that is not the publisher (e.g. "inkl"). */
  aggregator: string | null;
  /** ISO 8601, or null when the page does not say. */
  published: string | null;
  /** BCP 47 language tag from the page, lower-cased primary subtag first (e.g. "en-gb"), or null. */
  lang: string | null;
  excerpt: string | null;
  wordCount: number;
  /** The readable text, one entry per paragraph (headings and list items are paragraphs too). */
  paragraphs: string[];
  /**
   * Indices (ascending) of the paragraphs that are captions of a photo or figure, not the running
   * text: analysis reads no claims in them. Absent on articles extracted before captions were marked.
   */
  captions?: number[];
  /**
   * Indices (ascending) of the paragraphs read inside a block quotation (<blockquote>): an embedded
   * post, a statement or a passage set off from the text, often without quotation marks. Analysis
   * reads them as the words of whoever the text names for them. Absent when there are none.
   */
  quoteBlocks?: number[];
  /** True when the page was too large and only its first part was analysed. */
  truncated: boolean;
}

export type NotArticleReason = 'not-article' | 'empty' | 'unsupported-page';

export type ExtractResult =
  | { ok: true; article: Article; ms: number }
  /** `message`: empty, or the sentence of an internal failure; the panel's text is `readerMessage` (lib/extract/messages.ts). */
  | { ok: false; reason: NotArticleReason; message: string; ms: number };

export type EntityType = 'PER' | 'ORG' | 'LOC';

/** A named-entity mention inside one paragraph of an article. Offsets are UTF-16 code units. */
export interface Mention {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Key of the actor this mention belongs to, once aliases are merged. */
  actorKey?: string;
}

export interface Actor {
  /** Stable across articles: the same person gets the same key in every article. */
  key: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
  role: string | null;
  /**
   * A news organisation the article names as the source of what it reports ("according to
   * Reuters", "told The New York Times"), or its own publisher as its voice (lib/nlp/outlets.ts):
   * listed with the article's names, but no
   * actor of its event (not among the names of the event's timeline, nor what the article is mainly
   * about).
   * Absent otherwise, and in analyses made before it existed.
   */
  outlet?: true;
}

/** Where a piece of text is in `Article.paragraphs`: UTF-16 offsets into one paragraph. */
export interface TextSpan {
  paragraph: number;
  start: number;
  end: number;
}

/** quote: direct speech in quote marks; reported: indirect speech or attribution; factual: a statement of fact. */
export type ClaimKind = 'quote' | 'reported' | 'factual';

/** A reader's verdict on a claim. `unverified` is also what a claim with signals starts as. */
export type ClaimStatus = 'unverified' | 'verified' | 'disputed' | 'false' | 'not-claim';

/** Why the text itself does not establish a claim. */
export type SignalCode = 'hedge' | 'no-source' | 'unnamed-sources' | 'single-unnamed-source' | 'no-speaker' | 'speculative' | 'possibility';

export interface ClaimSignal {
  code: SignalCode;
  /** A sentence for the reader: "Attributed to unnamed sources". */
  reason: string;
  /** The words in the text that gave the signal ("reportedly", "sources said"). */
  words: string;
}

export interface ClaimReview {
  status: ClaimStatus;
  note: string;
  /** http(s) links the reader gave as evidence. */
  evidence: string[];
  updatedAt: number;
}

export interface Claim {
  /** Stable for the same text in the same article (a hash of its normalised text), so reviews survive re-reading. */
  id: string;
  /** Where the claim is, in reading order; one span per paragraph it covers. */
  spans: TextSpan[];
  /** The claim as written (for a quote over several paragraphs, the paragraphs' parts joined by a space). */
  text: string;
  kind: ClaimKind;
  /** Who the statement is attributed to: an actor's name, or the source phrase ("Downing Street spokesperson"). */
  speaker: string | null;
  /** The actor key of the speaker when it is a named actor of the article. */
  speakerKey: string | null;
  /**
   * When several speakers make the statement together ("Volker and Morrison said"): every one's actor
   * key, in the order written (`speaker` then names them all, "Kurt Volker and Scott Morrison", and
   * `speakerKey` is the first's). Absent for one speaker.
   */
  speakerKeys?: string[];
  /** The attribution cue ("said", "told the BBC", "according to"). */
  cue: string | null;
  /** 0..1: how much it looks like a factual claim worth checking. */
  checkworthiness: number;
  checkworthy: boolean;
  /** True when the text gives a signal that the claim is not established (see `signals`). */
  unverified: boolean;
  signals: ClaimSignal[];
  /** The reader's review, when there is one. */
  review?: ClaimReview;
  /** True for a sentence the reader marked as a claim the tool missed. */
  missed?: boolean;
}

/**
 * What event matching keeps of an article (lib/events/fingerprint.ts): distinctive terms with their
 * counts, actor and place keys, the dates it talks about and its own day, and the index keys.
 */
export interface ArticleFingerprint {
  v: 1;
  /** The article's own date, in days since 1970-01-01 UTC, or null when unknown. */
  day: number | null;
  /**
   * The most distinctive terms (by TF-IDF at analysis time), most distinctive first, and how often
   * each occurs (title words count twice). Counts, not weights: weights come from the IDF table
   * at query time, so they follow the table as the archive grows.
   */
  terms: string[];
  counts: number[];
  /** People and organisations: [actor key, mentions], most mentioned first ("PER:tara reid"). */
  actors: [string, number][];
  /** Places: [LOC actor key, mentions], most mentioned first. */
  places: [string, number][];
  /** Dates the article talks about, as day intervals flattened: [from0, to0, from1, to1, …]. */
  dates: number[];
  /**
   * Index keys for candidate retrieval (a multi-entry index): "t:" + each of the top terms, and
   * the actor and place keys ("PER:…", "ORG:…", "LOC:…").
   */
  keys: string[];
  /**
   * What the headline and lede report (issue #19, lib/events/happening.ts): the kinds of happening
   * they name ("debate", "crash"), the day intervals they put it on (flattened; the article's own
   * day when they name none) and their distinct terms. Absent in fingerprints made before.
   */
  kinds?: string[];
  /**
   * Which lexicon named `kinds` (KINDS_VERSION of lib/events/happening.ts); absent: the first. Kinds
   * named by two lexicons are not compared: a "disaster" of the first is no clash with an
   * "earthquake" of the second.
   */
  kindsV?: number;
  kindDays?: number[];
  head?: string[];
  /**
   * Who the headline's happening befalls or is done by, when it names a personal kind of happening
   * (lib/events/happening.ts, PERSONAL_KINDS): those kinds, and the people it names, in order
   * ("PER:kay hagan"). Absent when it names none, and in fingerprints made before.
   */
  subject?: { kinds: string[]; people: string[] };
  /** The numbered parts of a series the headline names ("round:3"; `seriesIn`). Absent when none. */
  series?: string[];
  /**
   * The norms of the term vector (`terms` weighted by their counts and IDF) and of the headline's
   * and lede's terms (weighted by IDF), under the IDF table the fingerprint was made with: a lookup
   * takes them as they are instead of weighing each of a candidate's terms again (lib/events/match.ts,
   * `prepare`). Absent in fingerprints made before; then they are computed.
   */
  norm?: number;
  headNorm?: number;
  /**
   * [key, name as written] for the actors and places whose name `nameFromKey` (lib/events/names.ts)
   * does not give back from the key ("ORG:gop" is "GOP", "LOC:zurich" is "Zürich"), so that
   * another article's panel can show them as this one wrote them. Absent when there are none, and
   * in fingerprints made before.
   */
  names?: [string, string][];
  /**
   * Keys among `actors` of the news organisations the article names only as the source of what it
   * reports (`Actor.outlet`): compared like the others, not shown as the event's names. Absent when
   * none, and in fingerprints made before.
   */
  outlets?: string[];
}

/** See `ClaimRecall.when`. */
export type RecallWhen = 'earlier' | 'later' | 'also';

/**
 * An earlier claim of the archive that makes the same assertion as one of this article's (claim
 * memory, issue 22), with what matched. Made in the background; every string is text to show as
 * text.
 */
export interface ClaimRecall {
  articleId: number;
  claimId: string;
  /** The claim as written there (at most 400 characters). */
  text: string;
  speaker: string | null;
  /** The other article's date (ms). */
  date: number;
  /**
   * When the other article came out, against the one read: a day or more before, a day or more
   * after, or within a day (also when the one read has no date). A reader can save an older
   * article after a newer one, so the archive's match is not always earlier. The other article's
   * date is its saving time when it gave none (claim memory's rows do not say which).
   */
  when: RecallWhen;
  title: string;
  url: string;
  publisher: string | null;
  /** The reader's review of the earlier claim, when there is one. */
  review: { status: ClaimStatus; note: string; updatedAt: number } | null;
  /** Words and names both wordings share, as written here, rarest first. */
  shared: string[];
  /** When both give numbers and they differ: the numbers here and there ("39" / "26"). */
  numbers: { here: string[]; there: string[] } | null;
  /** 0..1: how much of the shorter wording the other one covers (weighted by rarity). */
  overlap: number;
  /** One sentence for the page's hover card ("You marked this false on 3 May 2026: …"). */
  line: string;
}

/**
 * What the page's own content script gets of claim memory: whether memory flags the claim, and the
 * hover card's sentences. No more: the page's context is hostile, and other saved articles' addresses,
 * titles, wordings and the reader's notes stay with the background and our own pages (issue #15).
 */
export interface PageClaimMemory {
  claimId: string;
  flagged: boolean;
  recalls: { line: string }[];
}

/** The analysis as the page's content script gets it: claim memory cut down to `PageClaimMemory`. */
export type PageAnalysis = Omit<Analysis, 'memory'> & { memory?: PageClaimMemory[] };

/** What the archive knows about one claim of the article. */
export interface ClaimMemory {
  claimId: string;
  /** True when the reader marked an earlier wording of it false or disputed. */
  flagged: boolean;
  /** Reviewed ones first, then newest first. */
  recalls: ClaimRecall[];
}

export interface Analysis {
  actors: Actor[];
  mentions: Mention[];
  /** Claims in reading order. Absent in analyses made before claims existed. */
  claims?: Claim[];
  /** The article's event fingerprint (absent when the analysis could not make one). */
  fingerprint?: ArticleFingerprint;
  /** Claim memory: the article's claims found again in the archive (only claims with a match are listed). */
  memory?: ClaimMemory[];
  /** Something the reader should know about this analysis (e.g. the text is not in a language the tagger knows). */
  notice?: string;
  /** Milliseconds spent, by stage. */
  timings: Record<string, number>;
}

/** What the archive keeps for one saved article. */
export interface SavedArticle extends Article {
  id?: number;
  savedAt: number;
  updatedAt: number;
  /** Keys of the actors the article mentions (multi-entry index). */
  actorKeys: string[];
  actors: Actor[];
  /** The article's claims, with the reader's reviews; absent in records saved before claims existed. */
  claims?: Claim[];
  /** Size of the stored record in bytes (approximate, UTF-16 text + metadata). */
  bytes: number;
  /** The reader's tags, lower-cased and trimmed (multi-entry index). Absent before schema v3. */
  tags?: string[];
  /** The article's date for ordering and date filters: published time when known, else when saved (ms). */
  date?: number;
  /** The event fingerprint; absent in records saved before schema v3 until the background fills it in. */
  fingerprint?: ArticleFingerprint;
}

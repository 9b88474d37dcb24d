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
  /** True when the page was too large and only its first part was analysed. */
  truncated: boolean;
}

export type NotArticleReason = 'not-article' | 'empty' | 'unsupported-page';

export type ExtractResult =
  | { ok: true; article: Article; ms: number }
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
}

export interface Analysis {
  actors: Actor[];
  mentions: Mention[];
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
  /** Size of the stored record in bytes (approximate, UTF-16 text + metadata). */
  bytes: number;
}

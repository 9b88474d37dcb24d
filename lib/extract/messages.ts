/**
 * What the side panel says when a page is not read. Kept out of the content script (which only
 * reports a reason, see `extractArticle`) so that its bundle stays small: the background turns the
 * reason into the sentence.
 */
import type { ExtractResult, NotArticleReason } from '../types';

export const MESSAGES: Record<NotArticleReason | 'failed', string> = {
  'not-article': 'This page does not look like a news article or blog post, so there is nothing here for Backstory to read.',
  empty: 'This page has no text to read (yet): if it is still loading, try again once it has finished.',
  'unsupported-page': 'Backstory can only read web pages; this one is a browser page, an image, a PDF or another kind of file.',
  failed: 'Backstory could not read this page because of an internal error; the page itself was not changed.',
};

/** The sentence for a refusal: the message it carries (an internal error's), else its reason's. */
export function readerMessage(r: Extract<ExtractResult, { ok: false }>): string {
  return r.message || MESSAGES[r.reason];
}

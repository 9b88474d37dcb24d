/**
 * The small story the background's service and gate tests read: an article whose second paragraph
 * holds one claim attributed to unnamed officials. Each test file sets what it needs to differ.
 */
import type { Article, Claim } from '../../lib/types';
import { testArticle } from './builders';

export function bridgeArticle(over: Partial<Article> = {}): Article {
  return testArticle({ wordCount: 300, paragraphs: ['One.', 'Officials said the bridge will close in May. The mayor denied it.'], ...over });
}

/** The claim of the article's second paragraph, unverified for its unnamed sources. */
export const bridgeClaim: Claim = {
  id: 'cbridge',
  spans: [{ paragraph: 1, start: 0, end: 44 }],
  text: 'Officials said the bridge will close in May.',
  kind: 'reported',
  speaker: 'Officials',
  speakerKey: null,
  cue: 'said',
  checkworthiness: 0.7,
  checkworthy: true,
  unverified: true,
  signals: [{ code: 'unnamed-sources', reason: 'Attributed to unnamed sources', words: 'Officials' }],
};

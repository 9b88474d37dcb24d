/**
 * Articles and claims for tests, with plain defaults: each test file overrides what it is about.
 */
import type { Article, Claim } from '../../lib/types';

/** An English article of two short paragraphs from Example News, undated, not truncated. */
export function testArticle(over: Partial<Article> = {}): Article {
  return {
    url: 'https://news.example/story',
    pageUrl: 'https://news.example/story',
    title: 'A story',
    byline: null,
    publisher: 'Example News',
    aggregator: null,
    published: null,
    lang: 'en',
    excerpt: null,
    wordCount: 120,
    paragraphs: ['First paragraph.', 'Second paragraph.'],
    truncated: false,
    ...over,
  };
}

/** A reported claim at the start of the first paragraph, check-worthy, with no speaker, signal or review. */
export function testClaim(id: string, over: Partial<Claim> = {}): Claim {
  return {
    id,
    spans: [{ paragraph: 0, start: 0, end: 10 }],
    text: `claim ${id}`,
    kind: 'reported',
    speaker: null,
    speakerKey: null,
    cue: 'said',
    checkworthiness: 0.5,
    checkworthy: true,
    unverified: false,
    signals: [],
    ...over,
  };
}

/**
 * Readability's content as plain-text paragraphs.
 *
 * Every block-level element (p, h1–h6, li, blockquote, pre, figcaption, div, ...) ends the current
 * paragraph, so a paragraph is a maximal run of inline text between block boundaries: a list item
 * holding two <p> gives two paragraphs, a <div> with bare text gives one. A table row is one
 * paragraph with its cells joined by " | " (cells are not paragraphs of their own). Whitespace is
 * collapsed, paragraphs without a letter or digit are dropped. Only text nodes are read, so markup
 * can never leak into a paragraph.
 *
 * A paragraph read inside an element carrying CAPTION_ATTR (lib/extract/clean.ts marks figure
 * captions so) is flagged in `captions`, at the same index; one read inside a <blockquote>, in
 * `quotes`.
 */
import { CAPTION_ATTR } from './clean';

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'html',
  'legend',
  'listing',
  'plaintext',
  'xmp',
]);

/** Elements whose text is never article text. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
]);

const CELL = new Set(['td', 'th']);

export interface BlocksResult {
  paragraphs: string[];
  /** `captions[i]` is true when `paragraphs[i]` is a caption. */
  captions: boolean[];
  /** `quotes[i]` is true when `paragraphs[i]` was read inside a <blockquote>. */
  quotes: boolean[];
  /** True when the text was cut at `maxChars`. */
  truncated: boolean;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/** Splits `root`'s text into paragraphs, stopping (on a paragraph boundary) after `maxChars` characters. */
export function textBlocks(root: Node, maxChars = Infinity): BlocksResult {
  const paragraphs: string[] = [];
  const captions: boolean[] = [];
  const quotes: boolean[] = [];
  let total = 0;
  let truncated = false;
  let buf: string[] = [];
  /** Whether the text in `buf` was read inside a caption, and inside a block quotation. */
  let bufCaption = false;
  let bufQuote = false;

  const flush = (): boolean => {
    if (!buf.length) return true;
    const p = buf.join('').replace(/\s+/g, ' ').trim();
    buf = [];
    if (!p || !HAS_WORD.test(p)) return true;
    if (total + p.length > maxChars) {
      truncated = true;
      // Whole paragraphs only, unless not even the first one fits: then cut it at a word boundary.
      if (!paragraphs.length) {
        const cut = p.slice(0, maxChars);
        const sp = cut.lastIndexOf(' ');
        paragraphs.push(sp > maxChars / 2 ? cut.slice(0, sp) : cut);
        captions.push(bufCaption);
        quotes.push(bufQuote);
      }
      return false;
    }
    paragraphs.push(p);
    captions.push(bufCaption);
    quotes.push(bufQuote);
    total += p.length + 1;
    return true;
  };

  // Iterative walk (no recursion: pages can nest deeply). An entry is a node to enter or, when
  // `exit` is set, the end of a block element.
  type Item = { node: Node; exit: boolean; caption: boolean; quote: boolean };
  const stack: Item[] = [{ node: root, exit: false, caption: false, quote: false }];
  while (stack.length) {
    const { node, exit, caption: inCaption, quote: inQuote } = stack.pop()!;
    if (exit) {
      if (!flush()) break;
      continue;
    }
    if (node.nodeType === 3 /* TEXT_NODE */) {
      const v = node.nodeValue ?? '';
      // A run is a caption when its first words are (a caption is its own block in practice).
      if (!buf.some((x) => /\S/.test(x))) {
        bufCaption = inCaption;
        bufQuote = inQuote;
      }
      buf.push(v);
      continue;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */ && node.nodeType !== 9 /* DOCUMENT */ && node.nodeType !== 11 /* FRAGMENT */) continue;
    const tag = node.nodeType === 1 ? (node as Element).localName.toLowerCase() : '';
    if (SKIP.has(tag)) continue;
    if (tag === 'br') {
      buf.push(' ');
      continue;
    }
    if (CELL.has(tag) && buf.some((s) => /\S/.test(s))) buf.push(' | ');
    const caption = inCaption || (node.nodeType === 1 && (node as Element).hasAttribute(CAPTION_ATTR));
    const quote = inQuote || tag === 'blockquote';
    // A caption starts and ends a paragraph of its own, even when it is marked on an inline element.
    const block = BLOCK.has(tag) || caption !== inCaption;
    if (block) {
      if (!flush()) break;
      stack.push({ node, exit: true, caption: inCaption, quote: inQuote });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, exit: false, caption, quote });
  }
  if (!truncated) flush();
  return { paragraphs, captions, quotes, truncated };
}

/** Words for counting: runs of letters/digits (an apostrophe inside a word does not split it); each CJK character counts as one word. */
const WORD_RE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[^\s\p{P}\p{S}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/gu;

export function countWords(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.replace(/(\p{L})['’](?=\p{L})/gu, '$1').match(WORD_RE)?.length ?? 0;
  return n;
}

// @vitest-environment happy-dom
/**
 * Text-quote anchoring into a live DOM (issue #3): lib/page/text-index.ts + lib/page/anchor.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { anchorQuotes, locateQuotes, quoteFor, type AnchorQuote } from '../../lib/page/anchor';
import { buildTextIndex, domPosition, rangeFor } from '../../lib/page/text-index';

const norm = (s: string) => s.replace(/\s+/g, ' ');
const q = (paragraph: string, exact: string, nth = 0, hint?: number): AnchorQuote => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = paragraph.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`"${exact}" not in paragraph`);
  return { ...quoteFor(paragraph, at, at + exact.length), hint };
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('quoteFor', () => {
  it('takes exact text and up to `context` characters either side, whitespace-normalised', () => {
    const p = 'The Prime Minister, Keir Starmer, said on Monday that troops would go.';
    const at = p.indexOf('Keir Starmer');
    expect(quoteFor(p, at, at + 12, 10)).toEqual({ exact: 'Keir Starmer', prefix: 'Minister, ', suffix: ', said on ' });
    expect(quoteFor(p, 0, 3)).toEqual({ exact: 'The', prefix: '', suffix: p.slice(3, 35) });
    expect(quoteFor('a  \n b   c', 5, 6, 3)).toEqual({ exact: 'b', prefix: 'a ', suffix: ' c' });
  });
  it('trims whitespace off the edges of the exact text and clamps offsets', () => {
    expect(quoteFor('say  Anna  now', 3, 11).exact).toBe('Anna');
    expect(quoteFor('short', -5, 99).exact).toBe('short');
  });
});

describe('buildTextIndex', () => {
  it('collapses whitespace, reads block boundaries as spaces, skips non-text elements and our own UI', () => {
    document.body.innerHTML =
      '<h1>Head\n\t line</h1><div>one</div><div>two<br>three</div>' +
      '<script>var Starmer = 1;</script><style>.Starmer{}</style><noscript>Starmer</noscript>' +
      '<template><p>Starmer</p></template><textarea>Starmer</textarea><svg><text>Starmer</text></svg>' +
      '<backstory-card>Starmer</backstory-card><div hidden>Starmer</div><span aria-hidden="true">Starmer</span>' +
      '<p>  tail\u00a0 end </p>';
    const index = buildTextIndex(document.body);
    expect(index.text.trim()).toBe('Head line one two three tail end');
    expect(index.truncated).toBe(false);
    expect(index.text).not.toContain('Starmer');
  });
  it('caps the indexed length and says so', () => {
    document.body.innerHTML = `<p>${'word '.repeat(1000)}</p><p>late text</p>`;
    const index = buildTextIndex(document.body, { maxChars: 100 });
    expect(index.text.length).toBeLessThanOrEqual(100);
    expect(index.truncated).toBe(true);
    expect(anchorQuotes(index, [{ exact: 'late text', prefix: '', suffix: '' }])).toEqual([null]);
  });
  it('maps normalised offsets back to the right text node and raw offset', () => {
    document.body.innerHTML = '<p id="p">  alpha \n\n  beta<b>  gamma</b></p>';
    const index = buildTextIndex(document.body);
    const at = index.text.indexOf('beta gamma');
    const r = rangeFor(index, at, at + 'beta gamma'.length)!;
    expect(norm(r.toString())).toBe('beta gamma');
    expect((r.startContainer as Text).data).toBe('  alpha \n\n  beta');
    expect(r.startOffset).toBe(12);
    expect(r.endContainer.parentElement!.localName).toBe('b');
  });
});

describe('anchorQuotes', () => {
  it('finds a name across inline markup and irregular whitespace', () => {
    document.body.innerHTML =
      '<nav>Home World Politics</nav><article><p>The Prime\n   Minister, <a href="/p/ks"><em>Keir</em>\n  Star<b>mer</b></a>,   said on ' +
      'Monday that <span>British</span> troops would go.</p></article>';
    const p = 'The Prime Minister, Keir Starmer, said on Monday that British troops would go.';
    const [r] = anchorQuotes(buildTextIndex(document.body), [q(p, 'Keir Starmer', 0, 0)]);
    expect(r).toBeTruthy();
    expect(norm(r!.toString())).toBe('Keir Starmer');
    expect(r!.startContainer.parentElement!.localName).toBe('em');
    expect(r!.endContainer.parentElement!.localName).toBe('b');
  });

  it('chooses the right occurrence by prefix and suffix', () => {
    document.body.innerHTML =
      '<aside id="related"><p>Read more: Smith resigns over expenses scandal</p></aside>' +
      '<article><p id="a">Labour leader John Smith said the vote was lost.</p>' +
      '<p id="b">Critics of Smith argued otherwise, and Smith replied on Tuesday.</p></article>';
    const pa = 'Labour leader John Smith said the vote was lost.';
    const pb = 'Critics of Smith argued otherwise, and Smith replied on Tuesday.';
    const quotes = [q(pb, 'Smith', 1, 1 / 2), q(pa, 'Smith', 0, 0), q(pb, 'Smith', 0, 1 / 2)];
    const ranges = anchorQuotes(buildTextIndex(document.body), quotes);
    // Each range is in the expected paragraph, after the expected words.
    const ctx = ranges.map((r) => {
      const t = (r!.startContainer as Text).data;
      return [r!.startContainer.parentElement!.id, t.slice(0, r!.startOffset).split(' ').slice(-2).join(' ')];
    });
    expect(ctx).toEqual([
      ['b', 'and '],
      ['a', 'John '],
      ['b', 'of '],
    ]);
  });

  it('gives each of several identical quotes its own occurrence, in hint order', () => {
    document.body.innerHTML = '<p>Paris.</p><p>filler text here</p><p>Paris.</p><p>more filler</p><p>Paris.</p>';
    const quote = { exact: 'Paris', prefix: '', suffix: '.' };
    const ranges = anchorQuotes(buildTextIndex(document.body), [
      { ...quote, hint: 1 },
      { ...quote, hint: 0 },
      { ...quote, hint: 0.5 },
      { ...quote, hint: 0.5 },
    ]);
    const ps = [...document.querySelectorAll('p')];
    const at = ranges.map((r) => (r ? ps.indexOf(r.startContainer.parentElement as HTMLParagraphElement) : null));
    expect(at).toEqual([4, 0, 2, null]);
  });

  it('prefers a whole-word occurrence over one inside a longer word', () => {
    document.body.innerHTML = '<p>Students at Oxford met.</p><p>Then Ford announced cuts.</p>';
    const [r] = anchorQuotes(buildTextIndex(document.body), [{ exact: 'Ford', prefix: '', suffix: '' }]);
    expect((r!.startContainer as Text).data).toBe('Then Ford announced cuts.');
  });

  it('tolerates small differences in the context', () => {
    document.body.innerHTML = '<p>Ms Khan told the BBC on Friday.</p><p>Mrs. Khan told reporters on Friday.</p>';
    const quote = quoteFor('Mrs Khan told reporter on Friday.', 4, 8);
    const [r] = anchorQuotes(buildTextIndex(document.body), [quote]);
    expect((r!.startContainer as Text).data).toBe('Mrs. Khan told reporters on Friday.');
  });

  it('returns null for text that is not on the page (or only in a script)', () => {
    document.body.innerHTML = '<p>Nothing to see.</p><script>const s = "Volodymyr Zelensky";</script>';
    const ranges = anchorQuotes(buildTextIndex(document.body), [
      { exact: 'Volodymyr Zelensky', prefix: '', suffix: '' },
      { exact: '', prefix: '', suffix: '' },
      { exact: 'see', prefix: 'to ', suffix: '.' },
    ]);
    expect(ranges[0]).toBeNull();
    expect(ranges[1]).toBeNull();
    expect(ranges[2]!.toString()).toBe('see');
  });

  it('handles a hostile page with 100k text nodes in bounded time', { timeout: 60_000 }, () => {
    const names = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Tim Berners-Lee'];
    const tBuild = performance.now();
    const frag = document.createDocumentFragment();
    const paragraphs: string[] = [];
    for (let i = 0; i < 25_000; i++) {
      const p = document.createElement('p');
      const name = names[i % names.length]!;
      // 4 text nodes per paragraph, the name split across an <a> and a <b>.
      const [first, last] = name.split(' ');
      const a = document.createElement('a');
      const b = document.createElement('b');
      a.append(`${first} `);
      b.append(last!);
      a.append(b);
      p.append(`Item ${i}:\n  `, a, ` spoke\tabout topic ${i % 97}.`);
      if (i % 50 === 0) {
        const s = document.createElement('script');
        s.textContent = `var x = "${name}";`;
        p.append(s);
      }
      frag.append(p);
      paragraphs.push(`Item ${i}: ${name} spoke about topic ${i % 97}.`);
    }
    document.body.append(frag);
    const t0 = performance.now();
    console.log(`[page-anchor] building the page took ${(t0 - tBuild).toFixed(0)} ms`);
    const index = buildTextIndex(document.body);
    const t1 = performance.now();
    const quotes: AnchorQuote[] = [];
    for (let i = 0; i < paragraphs.length; i += 83) {
      const name = names[i % names.length]!;
      quotes.push(q(paragraphs[i]!, name, 0, i / paragraphs.length));
    }
    const spans = locateQuotes(index, quotes);
    const t2 = performance.now();
    // Ranges for a sample only: happy-dom's Range.setStart walks the whole tree (~100 ms each on
    // this page); browsers do it in O(depth).
    const sample = anchorQuotes(index, quotes.slice(0, 3));
    const t3 = performance.now();
    console.log(
      `[page-anchor] ${index.nodeCount} text nodes, ${index.text.length} chars: index ${(t1 - t0).toFixed(0)} ms, ` +
        `locate ${quotes.length} quotes ${(t2 - t1).toFixed(0)} ms (happy-dom: 3 Ranges ${(t3 - t2).toFixed(0)} ms)`,
    );
    expect(index.nodeCount).toBeGreaterThanOrEqual(100_000);
    expect(index.text).not.toContain('var x');
    expect(sample.map((r) => norm(r!.toString()))).toEqual(quotes.slice(0, 3).map((x) => x.exact));
    // Each quote lands on its own paragraph's name.
    spans.forEach((span, k) => {
      const pos = domPosition(index, span![0], 'start')!;
      const p = pos.node.parentElement!.closest('p')!;
      expect(p.firstChild!.textContent).toBe(`Item ${k * 83}:\n  `);
      expect(pos.offset).toBe(0);
    });
  });
});

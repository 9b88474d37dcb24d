// @vitest-environment happy-dom
/**
 * Painters (issue #3): the wrapping fallback must leave the page exactly as it found it; the
 * Highlight API painter must only ever touch its own names in the shared registry. happy-dom has
 * no CSS.highlights, so that painter runs against a small fake registry installed here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPainter, flash, HighlightApiPainter, WrapPainter, type PaintItem } from '../../lib/page/painter';
import { buildTextIndex, rangeFor } from '../../lib/page/text-index';

const norm = (s: string) => s.replace(/\s+/g, ' ');

const PAGE =
  '<article>\n  <h1>Title <i>here</i></h1>\n' +
  '  <p id="p1">Boris  Johnson met <a href="#x">Emmanuel\n <b>Macron</b></a> in Paris.</p>\n' +
  '  <ul>\n    <li>NATO</li>\n    <li>and the EU</li>\n  </ul>\n' +
  '  <table><tbody>\n<tr><td>Kyiv</td>\n<td>Lviv</td></tr>\n</tbody></table>\n' +
  '  <p>Tail   text\n</p><!-- a comment -->\n</article>';

function textNodes(root: Node = document.body): Text[] {
  const out: Text[] = [];
  const w = document.createTreeWalker(root, 4);
  for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
  return out;
}

/** A Range over the `nth` occurrence of `s` in the normalised page text. */
function rangeOf(s: string, nth = 0): Range {
  const index = buildTextIndex(document.body);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = index.text.indexOf(s, at + 1);
  if (at < 0) throw new Error(`"${s}" not on the page`);
  return rangeFor(index, at, at + s.length)!;
}

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** Installs a minimal CSS.highlights + Highlight on the document's window; returns the registry. */
function installFakeHighlightApi(): Map<string, FakeHighlight> {
  const win = document.defaultView as unknown as Record<string, unknown>;
  const registry = new Map<string, FakeHighlight>();
  const saved = { CSS: Object.getOwnPropertyDescriptor(win, 'CSS'), Highlight: Object.getOwnPropertyDescriptor(win, 'Highlight') };
  Object.defineProperty(win, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
  Object.defineProperty(win, 'Highlight', { value: FakeHighlight, configurable: true, writable: true });
  restore.push(() => {
    for (const [k, d] of Object.entries(saved)) {
      if (d) Object.defineProperty(win, k, d);
      else delete win[k];
    }
  });
  return registry;
}
const restore: (() => void)[] = [];

beforeEach(() => {
  document.head.innerHTML = '<title>t</title>';
  document.body.innerHTML = PAGE;
});
afterEach(() => {
  while (restore.length) restore.pop()!();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('WrapPainter', () => {
  it('paints with <backstory-mark> and clear() restores the page exactly, with the same text node objects', () => {
    const beforeHtml = document.documentElement.outerHTML;
    const before = textNodes(document.documentElement);
    const data = before.map((t) => t.data);
    const painter = new WrapPainter(document);
    const items: PaintItem[] = [
      { id: 'a', kind: 'per', range: rangeOf('Boris Johnson') },
      { id: 'b', kind: 'per', range: rangeOf('Emmanuel Macron') },
      { id: 'c', kind: 'loc', range: rangeOf('Paris') },
      { id: 'd', kind: 'org', range: rangeOf('NATO') },
      { id: 'e', kind: 'loc', range: rangeOf('Kyiv Lviv') },
    ];
    painter.paint(items);

    const marks = [...document.querySelectorAll('backstory-mark')];
    expect(marks.length).toBeGreaterThanOrEqual(7);
    expect(marks.every((m) => /\S/.test(m.textContent ?? ''))).toBe(true); // blank nodes (table/list whitespace) stay unwrapped
    expect(document.querySelector('tr > backstory-mark, tbody > backstory-mark')).toBeNull();
    expect(document.body.textContent).toBe(new DOMParser().parseFromString(PAGE, 'text/html').body.textContent);
    expect(document.getElementById('backstory-style')?.parentNode).toBe(document.head);
    expect(painter.ranges().map((r) => [r.id, norm(r.range.toString())])).toEqual([
      ['a', 'Boris Johnson'],
      ['b', 'Emmanuel Macron'],
      ['c', 'Paris'],
      ['d', 'NATO'],
      ['e', 'Kyiv Lviv'],
    ]);
    expect(marks.find((m) => m.textContent === 'Paris')!.getAttribute('data-kind')).toBe('loc');

    painter.clear();
    expect(document.documentElement.outerHTML).toBe(beforeHtml);
    const after = textNodes(document.documentElement);
    expect(after.length).toBe(before.length);
    after.forEach((t, i) => expect(t).toBe(before[i]));
    expect(after.map((t) => t.data)).toEqual(data);
    expect(painter.ranges()).toEqual([]);
  });

  it('keeps overlapping, adjacent and duplicate ranges from corrupting the text', () => {
    const beforeHtml = document.body.innerHTML;
    const before = textNodes();
    const painter = new WrapPainter(document);
    painter.paint([
      { id: '1', kind: 'per', range: rangeOf('Boris Johnson') },
      { id: '2', kind: 'org', range: rangeOf('Johnson met') }, // overlaps 1
      { id: '3', kind: 'loc', range: rangeOf(' Emmanuel') }, // adjacent to 2
      { id: '4', kind: 'loc', range: rangeOf('ris') }, // inside one word
      { id: '5', kind: 'per', range: rangeOf('Boris Johnson') }, // duplicate of 1
      { id: '6', kind: 'other', range: rangeOf('Title here Boris') }, // across blocks
    ]);
    expect(document.body.textContent).toBe(new DOMParser().parseFromString(PAGE, 'text/html').body.textContent);
    expect(document.querySelector('backstory-mark backstory-mark')).toBeNull();
    expect(painter.ranges().map((r) => norm(r.range.toString()).trim())).toEqual(['Boris Johnson', 'Johnson met', 'Emmanuel', 'ris', 'Boris Johnson', 'Title here Boris']);
    painter.clear();
    expect(document.body.innerHTML).toBe(beforeHtml);
    textNodes().forEach((t, i) => expect(t).toBe(before[i]));
  });

  it('re-paints instead of double painting, and survives a page that removed painted nodes', () => {
    const beforeHtml = document.body.innerHTML;
    const painter = new WrapPainter(document);
    painter.paint([{ id: 'a', kind: 'per', range: rangeOf('Boris Johnson') }]);
    painter.paint([{ id: 'a', kind: 'per', range: rangeOf('Boris Johnson') }]);
    expect(document.querySelectorAll('backstory-mark').length).toBe(1);
    painter.clear();
    expect(document.body.innerHTML).toBe(beforeHtml);

    painter.paint([
      { id: 'a', kind: 'per', range: rangeOf('Boris Johnson') },
      { id: 'b', kind: 'loc', range: rangeOf('Tail') },
    ]);
    document.getElementById('p1')!.remove(); // a page script throws the paragraph away
    expect(() => painter.clear()).not.toThrow();
    expect(document.querySelector('backstory-mark')).toBeNull();
    expect(document.getElementById('backstory-style')).toBeNull();
    expect(document.body.innerHTML).toBe(beforeHtml.replace(/<p id="p1">.*?<\/p>/s, ''));
  });

  it('accepts ranges whose boundaries are elements', () => {
    const beforeHtml = document.body.innerHTML;
    const a = document.querySelector('a')!;
    const r = document.createRange();
    r.setStart(a, 0);
    r.setEnd(a, a.childNodes.length);
    const painter = new WrapPainter(document);
    painter.paint([{ id: 'x', kind: 'per', range: r }]);
    expect(norm(painter.ranges()[0]!.range.toString())).toBe('Emmanuel Macron');
    painter.clear();
    expect(document.body.innerHTML).toBe(beforeHtml);
  });
});

describe('HighlightApiPainter (fake registry)', () => {
  it('registers only backstory- names and clear() removes only those', () => {
    const registry = installFakeHighlightApi();
    const foreign = new FakeHighlight(rangeOf('Paris'));
    registry.set('foreign-search', foreign);
    const beforeHtml = document.documentElement.outerHTML;

    const painter = createPainter(document);
    expect(painter).toBeInstanceOf(HighlightApiPainter);
    const johnson = rangeOf('Boris Johnson');
    const nato = rangeOf('NATO');
    painter.paint([
      { id: 'a', kind: 'per', range: johnson },
      { id: 'b', kind: 'org', range: nato },
      { id: 'c', kind: 'loc', range: rangeOf('Kyiv') },
      { id: 'd', kind: 'loc', range: rangeOf('Lviv') },
      { id: 'e', kind: 'claim-Strong"){}*{display:none}', range: rangeOf('Tail text') },
    ]);
    expect([...registry.keys()].sort()).toEqual(['backstory-claim-strongdisplaynone', 'backstory-loc', 'backstory-org', 'backstory-per', 'foreign-search']);
    expect([...registry.get('backstory-per')!]).toEqual([johnson]);
    expect(registry.get('backstory-loc')!.size).toBe(2);
    expect(document.querySelector('backstory-mark')).toBeNull(); // the page's DOM is untouched...
    const style = document.querySelectorAll('style');
    expect(style.length).toBe(1); // ...but for one style element
    expect(style[0]!.id).toBe('backstory-style');
    expect(style[0]!.textContent).toContain('::highlight(backstory-per)');
    expect(style[0]!.textContent).toContain('::highlight(backstory-claim-strongdisplaynone)');
    expect(style[0]!.textContent).not.toContain('display:none');
    expect(painter.ranges().map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);

    painter.clear();
    expect([...registry.keys()]).toEqual(['foreign-search']);
    expect(registry.get('foreign-search')).toBe(foreign);
    expect(document.documentElement.outerHTML).toBe(beforeHtml);
  });

  it('does not delete an entry another instance has put under our name since', () => {
    const registry = installFakeHighlightApi();
    const painter = new HighlightApiPainter(document);
    painter.paint([{ id: 'a', kind: 'per', range: rangeOf('Paris') }]);
    const newer = new FakeHighlight();
    registry.set('backstory-per', newer);
    painter.clear();
    expect(registry.get('backstory-per')).toBe(newer);
  });

  it('createPainter falls back to wrapping without the API', () => {
    expect(createPainter(document)).toBeInstanceOf(WrapPainter);
  });
});

describe('flash', () => {
  it('scrolls to the range and shows a self-removing highlight (Highlight API)', () => {
    vi.useFakeTimers();
    const registry = installFakeHighlightApi();
    const scroll = vi.fn();
    Element.prototype.scrollIntoView = scroll;
    const r = rangeOf('Macron');
    flash(r);
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ block: 'center' }));
    expect(registry.has('backstory-flash')).toBe(true);
    expect(document.getElementById('backstory-style')).not.toBeNull();
    vi.advanceTimersByTime(1300);
    expect(registry.has('backstory-flash')).toBe(false);
    expect(document.getElementById('backstory-style')).toBeNull();
  });

  it('marks the wrapped text briefly (wrap fallback) and honours reduced motion', () => {
    vi.useFakeTimers();
    const scroll = vi.fn();
    Element.prototype.scrollIntoView = scroll;
    vi.spyOn(window, 'matchMedia').mockImplementation((q: string) => ({ matches: q.includes('reduce'), media: q }) as unknown as MediaQueryList);
    const painter = new WrapPainter(document);
    painter.paint([{ id: 'a', kind: 'per', range: rangeOf('Emmanuel Macron') }]);
    flash(painter.ranges()[0]!.range);
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ behavior: 'auto' }));
    expect(document.querySelectorAll('backstory-mark[data-flash]').length).toBe(2);
    vi.advanceTimersByTime(1300);
    expect(document.querySelectorAll('backstory-mark[data-flash]').length).toBe(0);
    painter.clear();
    expect(document.body.innerHTML).toBe(PAGE);
  });
});

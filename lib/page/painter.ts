/**
 * Painting anchored ranges on the live page (issue #3, "Inline highlights"), behind one interface
 * with two renderers, after recogito/text-annotator-js's Painter idea:
 *
 * - HighlightApiPainter: the CSS Custom Highlight API. Nothing in the page's DOM changes apart from
 *   one <style>; one named highlight per kind (`backstory-per`, ...). The registry is shared with the
 *   page and other extensions, so we only ever set and delete our own entries.
 * - WrapPainter: the fallback, in the manner of hypothesis/client: split text nodes at range edges
 *   and wrap each covered text node in a <backstory-mark>. `clear()` puts back the very same text
 *   node objects with their data re-joined and removes every node we created; nothing else on the
 *   page is touched (no normalize()).
 */
import { acquireStyle, kindName, MARK_TAG, releaseStyle } from './style';

export interface PaintItem {
  id: string;
  kind: string;
  range: Range;
  /** Where items overlap, the higher priority shows (default 0; claims under names use -1). */
  priority?: number;
}

export interface Painter {
  /** Replaces whatever this painter painted before with `items`. */
  paint(items: PaintItem[]): void;
  /** Removes everything this painter added. */
  clear(): void;
  /** What is painted, each with a live range over it (empty after clear). */
  ranges(): PaintItem[];
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

/** The page's highlight registry and constructor, when the browser has the API. */
function highlightApi(doc: Document): { registry: HighlightRegistry; Ctor: HighlightCtor } | null {
  const win = (doc.defaultView ?? globalThis) as typeof globalThis;
  const registry = (win.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Ctor = (win as { Highlight?: HighlightCtor }).Highlight;
  return registry && typeof registry.set === 'function' && typeof Ctor === 'function' ? { registry, Ctor } : null;
}

export class HighlightApiPainter implements Painter {
  private readonly api: { registry: HighlightRegistry; Ctor: HighlightCtor };
  private readonly mine = new Map<string, Highlight>();
  private items: PaintItem[] = [];

  constructor(private readonly doc: Document) {
    const api = highlightApi(doc);
    if (!api) throw new Error('CSS Custom Highlight API not available');
    this.api = api;
  }

  paint(items: PaintItem[]): void {
    this.clear();
    if (!items.length) return;
    const byKind = new Map<string, Range[]>();
    const priority = new Map<string, number>();
    for (const it of items) {
      const k = kindName(it.kind);
      const list = byKind.get(k);
      if (list) list.push(it.range);
      else byKind.set(k, [it.range]);
      priority.set(k, Math.max(priority.get(k) ?? -Infinity, it.priority ?? 0));
    }
    acquireStyle(this.doc, this, byKind.keys());
    for (const [k, ranges] of byKind) {
      const h = new this.api.Ctor(...ranges);
      h.priority = priority.get(k) ?? 0;
      const name = `backstory-${k}`;
      this.api.registry.set(name, h);
      this.mine.set(name, h);
    }
    this.items = items.slice();
  }

  clear(): void {
    for (const [name, h] of this.mine) {
      // Only if the entry is still ours (a newer instance of the script may have replaced it).
      if (this.api.registry.get(name) === h) this.api.registry.delete(name);
    }
    this.mine.clear();
    this.items = [];
    releaseStyle(this.doc, this);
  }

  ranges(): PaintItem[] {
    return this.items.slice();
  }
}

interface Split {
  /** The page's node, which keeps the first piece. */
  node: Text;
  /** Our new nodes holding the rest, in order. */
  tails: Text[];
}

/** Text inside these is never wrapped (a range that crosses one still paints around it). */
const SKIP_PARENT = /^(script|style|noscript|template|textarea|title|select|option)$/i;

export class WrapPainter implements Painter {
  private splits: Split[] = [];
  private marks: HTMLElement[] = [];
  private items: PaintItem[] = [];

  constructor(private readonly doc: Document) {}

  paint(items: PaintItem[]): void {
    this.clear();
    const doc = this.doc;
    // A piece of text gets one wrapper, of the first item that covers it: higher priority first.
    items = items
      .map((it, i) => ({ it, i }))
      .sort((a, b) => (b.it.priority ?? 0) - (a.it.priority ?? 0) || a.i - b.i)
      .map((x) => x.it);
    // 1. Each item as segments (text node, from, to), all read before anything changes.
    const segments = items.map((item) => {
      const r = item.range;
      const out: [Text, number, number][] = [];
      const root = r.commonAncestorContainer;
      const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
      for (let n: Node | null = root.nodeType === 3 ? root : walker.nextNode(); n; n = walker.nextNode()) {
        const t = n as Text;
        if (r.comparePoint(t, 0) > 0) break; // past the end
        const from = t === r.startContainer ? r.startOffset : 0;
        const to = t === r.endContainer ? r.endOffset : t.data.length;
        const parent = t.parentNode;
        if (to <= from || r.comparePoint(t, t.data.length) < 0 || !parent || !/\S/.test(t.data)) continue;
        if (parent.nodeType === 1 && SKIP_PARENT.test((parent as Element).localName)) continue;
        out.push([t, from, to]);
      }
      return out;
    });
    // 2. Split each text node once at all its cut points, from the end so offsets stay valid.
    const cuts = new Map<Text, Set<number>>();
    for (const segs of segments) {
      for (const [t, from, to] of segs) {
        let set = cuts.get(t);
        if (!set) cuts.set(t, (set = new Set()));
        set.add(from).add(to);
      }
    }
    /** node → its pieces, each with its start offset in the original data. */
    const pieces = new Map<Text, [number, Text][]>();
    for (const [node, set] of cuts) {
      const list: [number, Text][] = [];
      const len = node.data.length;
      for (const at of [...set].sort((x, y) => y - x)) if (at > 0 && at < len) list.unshift([at, node.splitText(at)]);
      list.unshift([0, node]);
      pieces.set(node, list);
      if (list.length > 1) this.splits.push({ node, tails: list.slice(1).map((p) => p[1]) });
    }
    // 3. Wrap each piece once; an item's painted range runs from its first to its last wrapper.
    const wrapped = new Map<Text, HTMLElement>();
    const kinds = new Set<string>();
    const painted: PaintItem[] = [];
    segments.forEach((segs, i) => {
      const item = items[i]!;
      const kind = kindName(item.kind);
      const marks: HTMLElement[] = [];
      for (const [t, from, to] of segs) {
        for (const [at, piece] of pieces.get(t)!) {
          if (at < from || at >= to) continue;
          let mark = wrapped.get(piece);
          if (!mark) {
            mark = doc.createElement(MARK_TAG);
            mark.setAttribute('data-kind', kind);
            piece.parentNode!.insertBefore(mark, piece);
            mark.appendChild(piece);
            wrapped.set(piece, mark);
            this.marks.push(mark);
            kinds.add(kind);
          }
          marks.push(mark);
        }
      }
      const first = marks[0];
      if (!first) return;
      const range = doc.createRange();
      range.setStartBefore(first);
      range.setEndAfter(marks[marks.length - 1]!);
      painted.push({ id: item.id, kind: item.kind, range });
    });
    if (this.marks.length || this.splits.length) acquireStyle(doc, this, kinds);
    this.items = painted;
  }

  clear(): void {
    // Unwrap in reverse order of wrapping, then re-join split nodes into the page's original node.
    for (let i = this.marks.length - 1; i >= 0; i--) {
      const mark = this.marks[i]!;
      const parent = mark.parentNode;
      if (parent) {
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        parent.removeChild(mark);
      }
    }
    for (let i = this.splits.length - 1; i >= 0; i--) {
      const { node, tails } = this.splits[i]!;
      let data = node.data;
      for (const t of tails) {
        data += t.data;
        t.parentNode?.removeChild(t);
      }
      if (node.data !== data) node.data = data;
    }
    this.marks = [];
    this.splits = [];
    this.items = [];
    releaseStyle(this.doc, this);
  }

  ranges(): PaintItem[] {
    return this.items.slice();
  }
}

/** The Highlight API painter when the browser has it, else the wrapping fallback. */
export function createPainter(doc: Document): Painter {
  return highlightApi(doc) ? new HighlightApiPainter(doc) : new WrapPainter(doc);
}

const FLASH_MS = 1200;

/**
 * Scrolls `range` to the middle of the viewport (smoothly unless the reader prefers reduced motion)
 * and flashes it for about a second. Returns a function that ends the flash early.
 */
export function flash(range: Range, ms = FLASH_MS): () => void {
  const start = range.startContainer;
  const doc = start.ownerDocument ?? (start as Document);
  const win = doc.defaultView;
  const child = start.childNodes[range.startOffset];
  const el = child?.nodeType === 1 ? (child as Element) : start.nodeType === 1 ? (start as Element) : start.parentElement;
  const behavior = win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  try {
    // Centre the element holding the start, or, when that is taller than most of the viewport
    // (a long paragraph), the range itself.
    const vh = win?.innerHeight ?? 0;
    const rect = range.getBoundingClientRect();
    if (win && rect.height && el && el.getBoundingClientRect().height > vh * 0.6) {
      win.scrollBy({ top: rect.top - vh / 2 + rect.height / 2, behavior });
    } else el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
  } catch {
    /* detached or exotic node: no scroll */
  }
  const owner = {};
  let undo: () => void;
  const api = highlightApi(doc);
  if (api) {
    acquireStyle(doc, owner);
    const h = new api.Ctor(range.cloneRange());
    h.priority = 1;
    api.registry.set('backstory-flash', h);
    undo = () => {
      if (api.registry.get('backstory-flash') === h) api.registry.delete('backstory-flash');
    };
  } else {
    // Fallback: mark the wrapper elements already covering the range (no new nodes in the page text).
    const root = range.commonAncestorContainer;
    const scope = root.nodeType === 1 ? (root as Element) : root.parentElement;
    const hits = new Set<Element>();
    const up = (n: Node): void => {
      const m = (n.nodeType === 1 ? (n as Element) : n.parentElement)?.closest(MARK_TAG);
      if (m) hits.add(m);
    };
    up(range.startContainer);
    scope?.querySelectorAll(MARK_TAG).forEach((m) => {
      if (range.intersectsNode(m)) hits.add(m);
    });
    for (const m of hits) m.setAttribute('data-flash', '');
    undo = () => hits.forEach((m) => m.removeAttribute('data-flash'));
  }
  let done = false;
  const end = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    undo();
    releaseStyle(doc, owner);
  };
  const timer = setTimeout(end, ms);
  return end;
}

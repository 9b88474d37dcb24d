/**
 * Hover detection and the hover card (issue #3, "Hover card").
 *
 * Hit testing. Highlight API ranges are not elements, so there is no event target to hover. On
 * pointermove (at most once per animation frame) we ask the browser for the caret position under
 * the pointer (`caretPositionFromPoint`, or WebKit/Blink's `caretRangeFromPoint`), binary-search
 * the painted ranges (kept in document order) with `Range.comparePoint`, and confirm the one or two
 * candidates with their `getClientRects()` (a caret snaps to the nearest character even when the
 * pointer is in the margin beside it). This costs O(log n) DOM comparisons plus one small layout
 * query per frame, and stays right when the page reflows (images loading, ads, fonts) — unlike a
 * cache of client rects, which every such reflow would silently stale and which needs O(n) rect
 * reads to rebuild. Where no caret API exists we fall back to the ranges that intersect the
 * element under the pointer, confirmed by rects. It works the same with both painters.
 *
 * The card is one <backstory-card> appended to <html> only while shown, with a closed shadow root
 * so page CSS cannot reach inside. Every string in it is set with textContent; links are made only
 * for http(s) URLs.
 */
import type { PaintItem } from './painter';

export interface ArchiveInfo {
  count: number;
  latest: { title: string; url: string; savedAt: number }[];
}

export type GetArchiveInfo = (actorKey: string) => Promise<ArchiveInfo | null>;

/** What a card says: a name (a person's, or a claim's speaker), a line under it, then short lines. */
export interface CardInfo {
  name: string;
  sub: string;
  lines: string[];
  /** When set, the card asks the archive about this actor. */
  actorKey?: string;
}

export interface HoverOptions {
  describe(id: string): CardInfo | null;
  getArchiveInfo?: GetArchiveInfo;
  /** Opens the actor's page in the archive. */
  openActor?(actorKey: string): void;
}

export interface Hover {
  /** Starts listening; `items` must be in document order. */
  start(items: PaintItem[]): void;
  /** Stops listening and removes the card. */
  stop(): void;
  /** The painted item under a viewport point, or null. */
  hitTest(x: number, y: number, target?: EventTarget | null): PaintItem | null;
  /** Shows the card for an item (near `rect`, else near the item's range). */
  showCard(id: string, rect?: DOMRect): void;
  hideCard(): void;
}

export const CARD_TAG = 'backstory-card';
const GRACE_MS = 300;

const CARD_CSS =
  ':host{all:initial}' +
  '.c{box-sizing:border-box;max-width:320px;min-width:180px;padding:10px 12px;border-radius:8px;' +
  'font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#fff;' +
  'border:1px solid rgba(0,0,0,.14);box-shadow:0 6px 24px rgba(0,0,0,.2);overflow-wrap:anywhere;text-align:left}' +
  '.n{font-weight:600;font-size:14px;color:inherit}.m{color:#4b5563;margin-top:2px}.r{margin-top:6px}' +
  'button{all:unset;color:#1d4ed8;text-decoration:underline;cursor:pointer}ul{margin:3px 0 0;padding-left:16px}li{margin:1px 0}a{color:#1d4ed8}small{color:#6b7280}' +
  '@media (prefers-color-scheme:dark){.c{color:#f3f4f6;background:#1f2937;border-color:rgba(255,255,255,.18)}' +
  '.m,small{color:#9ca3af}a{color:#93c5fd}}';

export const clip = (s: unknown, n: number): string => {
  const t = typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '';
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

/** The URL, normalised, when it is http(s); anything else (javascript:, data:, junk) gives null. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function inRects(range: Range, x: number, y: number): DOMRect | null {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return r;
  }
  return null;
}

export function createHover(doc: Document, opts: HoverOptions): Hover {
  const win = (doc.defaultView ?? globalThis) as Window & typeof globalThis;
  let items: PaintItem[] = [];
  let listening = false;
  let host: HTMLElement | null = null;
  let shown: PaintItem | null = null;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  let pointer: { x: number; y: number; target: EventTarget | null } | null = null;
  let token = 0;
  const archive = new Map<string, Promise<ArchiveInfo | null>>();

  const raf = (cb: () => void): number => (typeof win.requestAnimationFrame === 'function' ? win.requestAnimationFrame(cb) : (setTimeout(cb, 16) as unknown as number));
  const caf = (id: number): void => (typeof win.cancelAnimationFrame === 'function' ? win.cancelAnimationFrame(id) : clearTimeout(id));

  /** The caret under a point; null when there is none, undefined when the browser has no caret API. */
  function caretAt(x: number, y: number): { node: Node; offset: number } | null | undefined {
    const d = doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    try {
      if (typeof d.caretPositionFromPoint === 'function') {
        const p = d.caretPositionFromPoint(x, y);
        return p ? { node: p.offsetNode, offset: p.offset } : null;
      }
      if (typeof d.caretRangeFromPoint === 'function') {
        const r = d.caretRangeFromPoint(x, y);
        return r ? { node: r.startContainer, offset: r.startOffset } : null;
      }
    } catch {
      /* fall through to the element path */
    }
    return undefined;
  }

  function hitTest(x: number, y: number, target: EventTarget | null = null): PaintItem | null {
    if (!items.length) return null;
    const caret = caretAt(x, y);
    const candidates: PaintItem[] = [];
    if (caret) {
      // Last item whose start is at or before the caret; check it and a few before (overlaps).
      let lo = 0;
      let hi = items.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        let c: number;
        try {
          c = items[mid]!.range.comparePoint(caret.node, caret.offset);
        } catch {
          c = -1;
        }
        if (c >= 0) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      for (let i = at; i >= 0 && i > at - 3; i--) candidates.push(items[i]!);
    } else if (caret === null) {
      return null; // a caret API exists and found no text under the pointer
    } else if (target && (target as Node).nodeType === 1) {
      for (const it of items) if (it.range.intersectsNode(target as Node)) candidates.push(it);
    }
    for (const it of candidates) if (inRects(it.range, x, y)) return it;
    return null;
  }

  function clearHideTimer(): void {
    if (hideTimer !== undefined) clearTimeout(hideTimer);
    hideTimer = undefined;
  }

  function hideCard(): void {
    clearHideTimer();
    token++;
    shown = null;
    host?.remove();
    host = null;
  }

  function scheduleHide(): void {
    if (shown && hideTimer === undefined) hideTimer = setTimeout(hideCard, GRACE_MS);
  }

  function place(rect: DOMRect | null): void {
    if (!host) return;
    const box = host.getBoundingClientRect();
    const vw = doc.documentElement.clientWidth || win.innerWidth || 0;
    const vh = win.innerHeight || doc.documentElement.clientHeight || 0;
    const r = rect ?? { left: 8, top: 8, bottom: 8 };
    const clamp = (v: number, max: number): number => Math.max(8, Math.min(v, max - 8));
    let top = r.bottom + 6;
    if (top + box.height > vh - 8 && r.top - 6 - box.height >= 8) top = r.top - 6 - box.height;
    host.style.setProperty('left', `${Math.round(clamp(r.left, vw - box.width))}px`, 'important');
    host.style.setProperty('top', `${Math.round(clamp(top, vh - box.height))}px`, 'important');
  }

  function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function renderArchive(line: HTMLElement, value: HTMLElement, info: ArchiveInfo | null, key: string): void {
    const count = info && Number.isFinite(info.count) ? Math.max(0, Math.floor(info.count)) : null;
    value.textContent = count === null ? 'not available' : count === 0 ? 'no saved articles' : `${count} saved article${count === 1 ? '' : 's'}`;
    const latest = count && Array.isArray(info?.latest) ? info.latest.slice(0, 3) : [];
    if (!latest.length) return;
    const ul = el('ul');
    for (const a of latest) {
      const li = el('li');
      const title = clip(a?.title, 120) || clip(a?.url, 120) || 'Untitled';
      const href = safeHref(a?.url);
      if (href) {
        const link = el('a', undefined, title);
        link.href = href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        li.appendChild(link);
      } else li.appendChild(doc.createTextNode(title));
      if (a.savedAt > 0) li.append(' ', el('small', undefined, new Date(a.savedAt).toLocaleDateString()));
      ul.appendChild(li);
    }
    line.appendChild(ul);
    const open = opts.openActor;
    if (open) {
      const b = el('button', undefined, 'Open their page in your archive');
      b.onclick = () => open(key);
      line.appendChild(b);
    }
  }

  function showCard(id: string, rect?: DOMRect): void {
    const item = items.find((it) => it.id === id);
    const info = item ? opts.describe(id) : null;
    if (!item || !info) return hideCard();
    hideCard();
    const my = ++token;
    shown = item;
    host = doc.createElement(CARD_TAG);
    host.style.cssText = 'all:initial!important;position:fixed!important;z-index:2147483647!important;display:block!important;' + 'left:0!important;top:0!important;pointer-events:auto!important';
    const root = host.attachShadow({ mode: 'closed' });
    const style = el('style', undefined, CARD_CSS);
    const card = el('div', 'c');
    card.appendChild(el('div', 'n', clip(info.name, 200) || '—'));
    card.appendChild(el('div', 'm', clip(info.sub, 160)));
    for (const line of info.lines.slice(0, 6)) card.appendChild(el('div', 'r', clip(line, 300)));
    const anchorRect = rect ?? (item.range.getClientRects()[0] as DOMRect | undefined) ?? item.range.getBoundingClientRect();
    const key = info.actorKey;
    const getInfo = opts.getArchiveInfo;
    if (key && getInfo) {
      const line = el('div', 'r', 'In your archive: ');
      const value = el('span', undefined, '…');
      line.appendChild(value);
      card.appendChild(line);
      let p = archive.get(key);
      if (!p) {
        p = Promise.resolve()
          .then(() => getInfo(key))
          .catch(() => null);
        archive.set(key, p);
      }
      void p.then((res) => {
        if (my !== token || !host) return;
        renderArchive(line, value, res, key);
        place(anchorRect);
      });
    }
    root.append(style, card);
    doc.documentElement.appendChild(host);
    place(anchorRect);
  }

  function tick(): void {
    frame = undefined;
    if (!pointer) return;
    const hit = hitTest(pointer.x, pointer.y, pointer.target);
    if (hit) {
      clearHideTimer();
      if (hit !== shown) showCard(hit.id, inRects(hit.range, pointer.x, pointer.y) ?? undefined);
    } else scheduleHide();
  }

  const onMove = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return;
    if (host && e.target === host) {
      clearHideTimer(); // the pointer reached the card
      return;
    }
    pointer = { x: e.clientX, y: e.clientY, target: e.target };
    if (frame === undefined) frame = raf(tick);
  };
  const onOut = (e: PointerEvent): void => {
    if (!e.relatedTarget) scheduleHide(); // left the window
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') hideCard();
  };
  const onScroll = (e: Event): void => {
    if (!shown) return;
    // The document scrolled, or an element around the hovered text (not some unrelated carousel).
    const t = e.target as Node | null;
    if (!t || t.nodeType !== 1 || t.contains(shown.range.startContainer)) hideCard();
  };
  const onResize = (): void => hideCard();

  const LISTENERS: [string, EventListener][] = [
    ['pointermove', onMove as EventListener],
    ['pointerout', onOut as EventListener],
    ['keydown', onKey as EventListener],
    ['scroll', onScroll],
    ['resize', onResize],
  ];

  return {
    start(next) {
      items = next.slice();
      hideCard();
      archive.clear();
      if (!listening) {
        for (const [type, fn] of LISTENERS) win.addEventListener(type, fn, { capture: true, passive: true });
        listening = true;
      }
    },
    stop() {
      if (listening) for (const [type, fn] of LISTENERS) win.removeEventListener(type, fn, { capture: true });
      listening = false;
      if (frame !== undefined) caf(frame);
      frame = undefined;
      pointer = null;
      items = [];
      archive.clear();
      hideCard();
    },
    hitTest,
    showCard,
    hideCard,
  };
}

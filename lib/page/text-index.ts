/**
 * A whitespace-normalised view of the live page's text, with a compact map back to DOM text nodes
 * (issue #3, "Inline highlights"). Pure function of a root node: no globals, no layout, no mutation.
 *
 * The string matches how lib/extract/blocks.ts writes paragraphs: runs of `\s` collapse to one space
 * and block boundaries read as a space. A block boundary that has no whitespace text node in the
 * DOM (`<div>a</div><div>b</div>`) gets a "virtual" space that maps to no node.
 *
 * The map keeps, per contributing text node, only its start in the string, its length and whether
 * the string ended in a space just before it: three numbers per node. Offsets inside a node are
 * recovered by replaying the collapse over that one node (only done for range edges).
 */

const SKIP = new Set('script style noscript template textarea iframe svg math head title select object canvas video audio'.split(' '));

const BLOCK = new Set(
  (
    'address article aside blockquote body br caption center dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table tbody td th ' +
    'tfoot thead tr ul legend'
  ).split(' '),
);

const WS_RUN = /\s+/g;
const WS_ONE = /\s/;

/** Collapses runs of whitespace to one space (same rule as the extracted paragraphs). */
export const normalizeWs = (s: string): string => s.replace(WS_RUN, ' ');

export interface TextIndexOptions {
  /** Stop indexing after this many characters (default 2,000,000); `truncated` says so. */
  maxChars?: number;
  /** Stop after visiting this many nodes (default 1,000,000). */
  maxNodes?: number;
}

export interface TextIndex {
  /** The normalised text. */
  readonly text: string;
  /** True when `maxChars`/`maxNodes` cut the walk short: text after the cut cannot be anchored. */
  readonly truncated: boolean;
  /** Number of text nodes that contribute characters. */
  readonly nodeCount: number;
  /** Milliseconds spent building. */
  readonly ms: number;
  /** @internal */ readonly nodes: Text[];
  /** @internal start of each node's contribution in `text` */ readonly starts: number[];
  /** @internal length of each node's contribution */ readonly lens: number[];
  /** @internal 1 when the text before the node ended with a (collapsed) space */ readonly lead: Uint8Array;
}

/** The getter (or method) `key` of an object's prototype chain, cached per prototype; null when it has none. */
const protoMembers = new WeakMap<object, Map<string, ((this: unknown, ...args: unknown[]) => unknown) | null>>();
function protoMember(obj: object, key: string, kind: 'get' | 'value'): ((this: unknown, ...args: unknown[]) => unknown) | null {
  const proto = Object.getPrototypeOf(obj) as object | null;
  if (!proto) return null;
  let members = protoMembers.get(proto);
  if (!members) protoMembers.set(proto, (members = new Map()));
  const k = `${kind}:${key}`;
  let f = members.get(k);
  if (f === undefined) {
    f = null;
    for (let p: object | null = proto; p; p = Object.getPrototypeOf(p) as object | null) {
      const d = Object.getOwnPropertyDescriptor(p, key);
      if (!d) continue;
      f = (kind === 'get' ? d.get : typeof d.value === 'function' ? d.value : null) ?? null;
      break;
    }
    members.set(k, f ?? null);
  }
  return f ?? null;
}

/**
 * A DOM property read through the prototype's getter. A <form> exposes its controls as properties
 * named after them that shadow its DOM properties: with `<input name="nextSibling">` in it,
 * `form.nextSibling` is that input (an endless walk), with `<input name="localName">` it is not a
 * string. The prototypes' own getters cannot be shadowed by a page.
 */
function prop<T>(node: Node, key: string): T {
  const get = protoMember(node, key, 'get');
  return (get ? get.call(node) : (node as unknown as Record<string, unknown>)[key]) as T;
}

/** An element's attribute, through the prototype's method (see prop). */
function attr(el: Element, name: string): string | null {
  const get = protoMember(el, 'getAttribute', 'value');
  return (get ? get.call(el, name) : el.getAttribute(name)) as string | null;
}

const nameOf = (el: Element): string => String(prop<string>(el, 'localName') ?? '').toLowerCase();

/**
 * Elements whose text we never index: non-rendered content, form fields, hidden subtrees, and our
 * own UI (`backstory-*`) except the fallback painter's <backstory-mark>, which wraps page text.
 */
function skipped(el: Element): boolean {
  const name = nameOf(el);
  return SKIP.has(name) || (name.startsWith('backstory-') && name !== 'backstory-mark') || attr(el, 'hidden') !== null || attr(el, 'aria-hidden') === 'true';
}

const isBlock = (n: Node): boolean => prop<number>(n, 'nodeType') === 1 && BLOCK.has(nameOf(n as Element));

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function buildTextIndex(root: Node, opts: TextIndexOptions = {}): TextIndex {
  const t0 = now();
  const maxChars = opts.maxChars ?? 2_000_000;
  const maxNodes = opts.maxNodes ?? 1_000_000;
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const lens: number[] = [];
  const lead: number[] = [];
  let len = 0;
  let space = true; // the text so far ends with a space (or is empty)
  let visited = 0;
  let truncated = false;

  const sep = (): void => {
    if (!space) {
      parts.push(' ');
      len++;
      space = true;
    }
  };

  // Iterative depth-first walk over firstChild/nextSibling: no recursion (deep pages), no TreeWalker
  // filter callbacks (slow), skipped subtrees are never entered.
  let node: Node | null = root;
  walk: while (node) {
    if (++visited > maxNodes) {
      truncated = true;
      break;
    }
    let enter = false;
    const type = prop<number>(node, 'nodeType');
    if (type === 3) {
      const data = (node as Text).data;
      if (data) {
        let norm = normalizeWs(data);
        const before = space;
        if (space && norm.charCodeAt(0) === 32) norm = norm.slice(1);
        if (norm) {
          if (len + norm.length >= maxChars) {
            norm = norm.slice(0, maxChars - len);
            truncated = true;
          }
          nodes.push(node as Text);
          starts.push(len);
          lens.push(norm.length);
          lead.push(before ? 1 : 0);
          parts.push(norm);
          len += norm.length;
          space = norm.charCodeAt(norm.length - 1) === 32;
          if (truncated) break;
        }
      }
    } else if (type === 1) {
      if (node === root || !skipped(node as Element)) {
        if (isBlock(node)) sep();
        enter = true;
      }
    } else if (type === 9 || type === 11) {
      enter = true;
    }
    const first: Node | null = enter ? prop<Node | null>(node, 'firstChild') : null;
    if (first) {
      node = first;
      continue;
    }
    // Leave `node` (and every ancestor that has no next sibling) until a sibling is found.
    while (node) {
      if (isBlock(node)) sep();
      if (node === root) break walk;
      const next: Node | null = prop<Node | null>(node, 'nextSibling');
      if (next) {
        node = next;
        continue walk;
      }
      node = prop<Node | null>(node, 'parentNode');
    }
  }

  return {
    text: parts.join(''),
    truncated,
    nodeCount: nodes.length,
    ms: now() - t0,
    nodes,
    starts,
    lens,
    lead: Uint8Array.from(lead),
  };
}

/** Index of the last node whose contribution starts at or before `off` (-1 when none). */
function nodeAt(index: TextIndex, off: number): number {
  const { starts } = index;
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= off) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Raw offset in `data` of the `k`-th normalised character (data.length when past the end). */
function rawOffset(data: string, k: number, lead: boolean): number {
  let emitted = 0;
  let prevWs = lead;
  for (let r = 0; r < data.length; r++) {
    const ws = WS_ONE.test(data[r]!);
    if (ws && prevWs) continue;
    if (emitted === k) return r;
    emitted++;
    prevWs = ws;
  }
  return data.length;
}

/**
 * The DOM position of normalised offset `off`: `edge` 'start' gives the position just before the
 * character at `off`, 'end' the position just after it. Offsets on a virtual space snap to the
 * nearest node edge. Null when `off` lies outside the indexed text.
 */
export function domPosition(index: TextIndex, off: number, edge: 'start' | 'end'): { node: Text; offset: number } | null {
  if (off < 0 || off >= index.text.length) return null;
  let i = nodeAt(index, off);
  if (i < 0) {
    if (edge === 'end' || !index.nodes.length) return null;
    i = 0;
    off = index.starts[0]!;
  }
  const node = index.nodes[i]!;
  const k = off - index.starts[i]!;
  if (k >= index.lens[i]!) {
    // A virtual space after node i.
    if (edge === 'end') return { node, offset: node.data.length };
    const next = index.nodes[i + 1];
    return next ? { node: next, offset: 0 } : null;
  }
  const r = rawOffset(node.data, k, index.lead[i] === 1);
  return { node, offset: edge === 'start' ? r : Math.min(r + 1, node.data.length) };
}

/** A DOM Range for the normalised span [start, end), or null when it cannot be mapped. */
export function rangeFor(index: TextIndex, start: number, end: number): Range | null {
  if (end <= start) return null;
  const a = domPosition(index, start, 'start');
  const b = domPosition(index, end - 1, 'end');
  if (!a || !b) return null;
  const doc = a.node.ownerDocument;
  if (!doc) return null;
  try {
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range.collapsed ? null : range;
  } catch {
    return null; // the page moved the node since indexing
  }
}

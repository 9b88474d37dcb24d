// @vitest-environment happy-dom
/**
 * The page controller (issue #3): show → anchored highlights + hover card; hide → the page exactly
 * as before; hostile strings stay text. happy-dom has no CSS.highlights and no layout, so hover is
 * driven with a stubbed caretRangeFromPoint and Range.getClientRects.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlights } from '../../lib/page/highlights';
import type { ArchiveInfo } from '../../lib/page/hover';
import type { Actor, Claim, EntityType, Mention } from '../../lib/types';

const PAGE =
  '<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/t/macron">Macron</a></nav></header>\n' +
  '<main><article>\n<h1>Leaders meet in Paris</h1>\n' +
  '<p>French President <a href="/t/macron">Emmanuel\n <b>Macron</b></a> hosted <em>Keir Starmer</em> in Paris on Monday.</p>\n' +
  '<p>Starmer said   the <abbr>UK</abbr> would help. Macron agreed.</p>\n' +
  '<p>Officials from NATO attended.</p>\n</article></main>\n' +
  '<script>window.x = "Macron Starmer";</script>';

const PARAGRAPHS = [
  'Leaders meet in Paris',
  'French President Emmanuel Macron hosted Keir Starmer in Paris on Monday.',
  'Starmer said the UK would help. Macron agreed.',
  'Officials from NATO attended.',
];

const HOSTILE = '<img src=x onerror=alert(1)>';

function mention(paragraph: number, text: string, type: EntityType, actorKey?: string, nth = 0): Mention {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = PARAGRAPHS[paragraph]!.indexOf(text, start + 1);
  if (start < 0) throw new Error(`${text} not in paragraph ${paragraph}`);
  return { paragraph, start, end: start + text.length, text, type, actorKey };
}

const ACTORS: Actor[] = [
  { key: 'per:emmanuel-macron', name: 'Emmanuel Macron', type: 'PER', aliases: ['Macron'], mentions: 2, role: 'French President' },
  { key: 'per:keir-starmer', name: HOSTILE, type: 'PER', aliases: ['Starmer', '<script>alert(2)</script>'], mentions: 2, role: '<b>PM</b>' },
  { key: 'loc:paris', name: 'Paris', type: 'LOC', aliases: [], mentions: 2, role: null },
  { key: 'org:nato', name: 'NATO', type: 'ORG', aliases: [], mentions: 1, role: null },
];

const MENTIONS: Mention[] = [
  mention(0, 'Paris', 'LOC', 'loc:paris'),
  mention(1, 'Emmanuel Macron', 'PER', 'per:emmanuel-macron'),
  mention(1, 'Keir Starmer', 'PER', 'per:keir-starmer'),
  mention(1, 'Paris', 'LOC', 'loc:paris'),
  mention(2, 'Starmer', 'PER', 'per:keir-starmer'),
  mention(2, 'UK', 'LOC'),
  mention(2, 'Macron', 'PER', 'per:emmanuel-macron'),
  mention(3, 'NATO', 'ORG', 'org:nato'),
];
const ANALYSIS = { mentions: MENTIONS, actors: ACTORS };

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const w = document.createTreeWalker(root, 4);
  for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
  return out;
}

/** Captures the (closed) shadow roots our code creates, so the card's content can be checked. */
function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const orig = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = orig.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

/** Makes the pointer at (50, 50) sit on the text of `range` (first character). */
function pointAt(getRange: () => Range | undefined) {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  doc.caretRangeFromPoint = (x: number, y: number) => {
    const target = getRange();
    if (!target || x !== 50 || y !== 50) return null;
    const r = document.createRange();
    const t = target.startContainer.nodeType === 3 ? target.startContainer : target.startContainer.childNodes[target.startOffset]!.firstChild!;
    r.setStart(t, target.startContainer.nodeType === 3 ? target.startOffset + 1 : 1);
    return r;
  };
  const rect = { left: 40, top: 40, right: 120, bottom: 60, width: 80, height: 20, x: 40, y: 40 } as DOMRect;
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const target = getRange();
    const hit = target && this.compareBoundaryPoints(0, target) === 0 && this.compareBoundaryPoints(2, target) === 0;
    return (hit ? [rect] : []) as unknown as DOMRectList;
  });
  return () => {
    delete (doc as { caretRangeFromPoint?: unknown }).caretRangeFromPoint;
  };
}

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

function move(x: number, y: number, target: Element = document.body) {
  target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse' }));
}

/** Rests the pointer on the element `find` gives (its whole range), and waits for the card. */
async function restOn(find: () => Element | undefined): Promise<void> {
  cleanups.push(
    pointAt(() => {
      const m = find();
      if (!m) return undefined;
      const r = document.createRange();
      r.setStartBefore(m);
      r.setEndAfter(m);
      return r;
    }),
  );
  move(50, 50, find()!);
  await tick();
}

const cleanups: (() => void)[] = [];

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...r: AbstractRange[]) {
    super(r);
  }
}

/** Gives the page a fake CSS Custom Highlight API (happy-dom has none) until the test ends; returns the registry. */
function fakeHighlightApi(): Map<string, FakeHighlight> {
  const win = document.defaultView as unknown as Record<string, unknown>;
  const registry = new Map<string, FakeHighlight>();
  const saved = [Object.getOwnPropertyDescriptor(win, 'CSS'), Object.getOwnPropertyDescriptor(win, 'Highlight')] as const;
  Object.defineProperty(win, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
  Object.defineProperty(win, 'Highlight', { value: FakeHighlight, configurable: true, writable: true });
  cleanups.push(() => {
    if (saved[0]) Object.defineProperty(win, 'CSS', saved[0]);
    if (saved[1]) Object.defineProperty(win, 'Highlight', saved[1]);
    else delete win.Highlight;
  });
  return registry;
}

beforeEach(() => {
  document.head.innerHTML = '<title>News</title><style>p { color: #222 }</style>';
  document.body.innerHTML = PAGE;
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.restoreAllMocks();
});

describe('createHighlights', () => {
  it('anchors and paints the mentions, and hide() leaves the page exactly as before', () => {
    const before = document.documentElement.outerHTML;
    const nodes = textNodes(document.documentElement);
    const h = createHighlights(document, { getArchiveInfo: async () => null });
    cleanups.push(() => h.destroy());
    expect(h.show(PARAGRAPHS, ANALYSIS)).toEqual({ anchored: 8, missed: 0 });
    expect(h.isShown()).toBe(true);
    const marks = [...document.querySelectorAll('backstory-mark')];
    const painted = marks.map((m) => `${m.getAttribute('data-kind')}:${m.textContent!.replace(/\s+/g, ' ')}`);
    expect(painted).toEqual(['loc:Paris', 'per:Emmanuel ', 'per:Macron', 'per:Keir Starmer', 'loc:Paris', 'per:Starmer', 'loc:UK', 'per:Macron', 'org:NATO']);
    // Navigation links and the script's text are left alone.
    expect(document.querySelector('nav backstory-mark, script backstory-mark')).toBeNull();

    h.hide();
    expect(h.isShown()).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
    textNodes(document.documentElement).forEach((t, i) => expect(t).toBe(nodes[i]));
  });

  it('is idempotent: show twice re-paints instead of painting twice', () => {
    const before = document.documentElement.outerHTML;
    const h = createHighlights(document);
    cleanups.push(() => h.destroy());
    h.show(PARAGRAPHS, ANALYSIS);
    const n = document.querySelectorAll('backstory-mark').length;
    expect(h.show(PARAGRAPHS, ANALYSIS)).toEqual({ anchored: 8, missed: 0 });
    expect(document.querySelectorAll('backstory-mark').length).toBe(n);
    expect(document.querySelectorAll('#backstory-style').length).toBe(1);
    h.hide();
    h.hide();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('counts what cannot be anchored and ignores malformed mentions', () => {
    const h = createHighlights(document);
    cleanups.push(() => h.destroy());
    const odd = [
      { paragraph: 1, start: 0, end: 6, text: 'French', type: 'LOC' as const },
      { paragraph: 9, start: 0, end: 3, text: 'Nope', type: 'PER' as const },
      { paragraph: 2, start: 40, end: 10, text: 'bad', type: 'PER' as const },
    ];
    const paragraphs = [...PARAGRAPHS];
    paragraphs[1] = paragraphs[1]!.replace('French', 'Gallic');
    const res = h.show(paragraphs, { mentions: [...MENTIONS.slice(0, 2), ...odd], actors: ACTORS });
    expect(res).toEqual({ anchored: 2, missed: 1 });
  });

  it('shows a hover card with hostile strings as text, safe links only, and archive info when it arrives', async () => {
    const roots = captureShadowRoots();
    let resolve!: (v: ArchiveInfo | null) => void;
    const getArchiveInfo = vi.fn(() => new Promise<ArchiveInfo | null>((r) => (resolve = r)));
    const before = document.documentElement.outerHTML;
    const h = createHighlights(document, { getArchiveInfo });
    cleanups.push(() => h.destroy());
    h.show(PARAGRAPHS, ANALYSIS);
    // The pointer rests on "Keir Starmer" (the third painted range).
    const starmer = () => [...document.querySelectorAll('backstory-mark')].find((m) => m.textContent === 'Keir Starmer');
    await restOn(starmer);

    const host = document.documentElement.lastElementChild!;
    expect(host.localName).toBe('backstory-card');
    expect(host.shadowRoot).toBeNull(); // closed
    expect(roots.length).toBe(1);
    const root = roots[0]!;
    expect(root.querySelector('img, script, b')).toBeNull();
    const text = root.textContent!;
    expect(text).toContain(HOSTILE);
    expect(text).toContain('Person · <b>PM</b>');
    expect(text).toContain('Also: Starmer, <script>alert(2)</script>');
    expect(text).toContain('Mentions in this article: 2');
    expect(text).toContain('In your archive: …');
    expect(getArchiveInfo).toHaveBeenCalledWith('per:keir-starmer');

    resolve({
      count: 3,
      latest: [
        { title: 'Starmer visits <i>Kyiv</i>', url: 'https://news.example/kyiv', savedAt: Date.UTC(2025, 0, 2) },
        { title: 'Click me', url: 'javascript:alert(3)', savedAt: Date.UTC(2025, 0, 1) },
        { title: '', url: 'data:text/html,<script>alert(4)</script>', savedAt: NaN },
      ],
    });
    await tick();
    expect(root.textContent).toContain('In your archive: 3 saved articles');
    const links = [...root.querySelectorAll('a')];
    expect(links.length).toBe(1);
    expect(links[0]!.getAttribute('href')).toBe('https://news.example/kyiv');
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(links[0]!.getAttribute('target')).toBe('_blank');
    expect(links[0]!.textContent).toBe('Starmer visits <i>Kyiv</i>');
    expect(root.textContent).toContain('Click me');
    expect(root.querySelector('i, script')).toBeNull();

    // The same actor again: the archive is asked once per show.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector('backstory-card')).toBeNull();
    move(1, 1);
    await tick();
    move(50, 50, starmer()!);
    await tick();
    expect(document.querySelector('backstory-card')).not.toBeNull();
    expect(getArchiveInfo).toHaveBeenCalledTimes(1);

    // Moving off the highlight hides the card after a grace period; moving onto the card keeps it.
    move(5, 5);
    await tick();
    const card = document.querySelector('backstory-card')!;
    move(10, 10, card);
    await tick(400);
    expect(document.querySelector('backstory-card')).not.toBeNull();
    move(5, 5);
    await tick(400);
    expect(document.querySelector('backstory-card')).toBeNull();

    // Scrolling hides it too, and hide() leaves nothing behind.
    move(50, 50, starmer()!);
    await tick();
    expect(document.querySelector('backstory-card')).not.toBeNull();
    document.dispatchEvent(new Event('scroll'));
    expect(document.querySelector('backstory-card')).toBeNull();
    move(50, 50, starmer()!);
    await tick();
    h.hide();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('reveal() flashes the first anchored mention of an actor in document order', () => {
    vi.useFakeTimers();
    try {
      const h = createHighlights(document);
      cleanups.push(() => h.destroy());
      expect(h.reveal('per:emmanuel-macron')).toBe(false); // nothing shown yet
      // Mentions listed out of document order: the later one first.
      h.show(PARAGRAPHS, { mentions: [MENTIONS[6]!, MENTIONS[1]!], actors: ACTORS });
      expect(h.reveal('per:nobody')).toBe(false);
      expect(h.reveal('per:emmanuel-macron')).toBe(true);
      expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
      const flashed = [...document.querySelectorAll('backstory-mark[data-flash]')].map((m) => m.textContent!.trim());
      expect(flashed).toEqual(['Emmanuel', 'Macron']);
      vi.advanceTimersByTime(1500);
      expect(document.querySelector('backstory-mark[data-flash]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('destroy() removes every listener it added and leaves the page as before', async () => {
    const before = document.documentElement.outerHTML;
    const win = document.defaultView!;
    const addSpy = vi.spyOn(win, 'addEventListener');
    const removeSpy = vi.spyOn(win, 'removeEventListener');
    const h = createHighlights(document);
    h.show(PARAGRAPHS, ANALYSIS);
    const added = addSpy.mock.calls.map((c) => `${c[0]}:${String(c[1])}`);
    expect(added.length).toBeGreaterThan(0);
    h.destroy();
    const removed = removeSpy.mock.calls.map((c) => `${c[0]}:${String(c[1])}`);
    expect(new Set(removed)).toEqual(new Set(added));
    expect(addSpy.mock.calls.map((c) => c[1])).toEqual(removeSpy.mock.calls.map((c) => c[1]));
    expect(h.show(PARAGRAPHS, ANALYSIS)).toEqual({ anchored: 0, missed: 0 });
    expect(h.isShown()).toBe(false);
    cleanups.push(pointAt(() => document.createRange()));
    move(50, 50);
    await tick();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('createHighlights with the Highlight API (fake registry)', () => {
  it('paints by type into backstory- highlights and hide() removes only those', () => {
    const registry = fakeHighlightApi();
    registry.set('page-own', new FakeHighlight());

    const before = document.documentElement.outerHTML;
    const h = createHighlights(document);
    cleanups.push(() => h.destroy());
    expect(h.show(PARAGRAPHS, ANALYSIS)).toEqual({ anchored: 8, missed: 0 });
    expect([...registry.keys()].sort()).toEqual(['backstory-loc', 'backstory-org', 'backstory-per', 'page-own']);
    expect(registry.get('backstory-per')!.size).toBe(4);
    expect(registry.get('backstory-loc')!.size).toBe(3);
    expect([...registry.get('backstory-org')!].map((r) => (r as Range).toString())).toEqual(['NATO']);
    expect(document.querySelector('backstory-mark')).toBeNull();
    h.hide();
    expect([...registry.keys()]).toEqual(['page-own']);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

function claimOn(paragraph: number, text: string, over: Partial<Claim> = {}): Claim {
  const start = PARAGRAPHS[paragraph]!.indexOf(text);
  if (start < 0) throw new Error(`${text} not in paragraph ${paragraph}`);
  return {
    id: `c-${paragraph}-${start}`,
    spans: [{ paragraph, start, end: start + text.length }],
    text,
    kind: 'reported',
    speaker: null,
    speakerKey: null,
    cue: null,
    checkworthiness: 0.5,
    checkworthy: true,
    unverified: false,
    signals: [],
    ...over,
  };
}

describe('claims on the page', () => {
  const CLAIMS = [
    claimOn(2, 'Starmer said the UK would help.', { unverified: true }),
    claimOn(3, 'Officials from NATO attended.', { review: { status: 'verified', note: '', evidence: [], updatedAt: 1 } }),
    claimOn(1, 'hosted Keir Starmer in Paris on Monday', { review: { status: 'not-claim', note: '', evidence: [], updatedAt: 1 } }),
  ];

  it('paints claims by status under the names (wrapping fallback), reveals one, and hide() restores the page', () => {
    const before = document.documentElement.outerHTML;
    const h = createHighlights(document);
    cleanups.push(() => h.destroy());
    const res = h.show(PARAGRAPHS, { ...ANALYSIS, claims: CLAIMS }, true);
    expect(res.missed).toBe(0);
    const kinds = [...document.querySelectorAll('backstory-mark')].map((m) => `${m.getAttribute('data-kind')}:${m.textContent!.replace(/\s+/g, ' ')}`);
    // Names keep their own colour inside a claim; the rest of the sentence carries the claim's status.
    expect(kinds).toContain('per:Starmer');
    expect(kinds).toContain('claim-unverified: said the ');
    expect(kinds).toContain('claim-verified:Officials from ');
    expect(kinds.some((k) => k.startsWith('claim-not-claim'))).toBe(false);
    expect(document.getElementById('backstory-style')!.textContent).toMatch(/claim-unverified[^}]*wavy/);
    expect(h.revealClaim(CLAIMS[1]!.id)).toBe(true);
    expect(h.revealClaim(CLAIMS[2]!.id)).toBe(false); // not painted
    expect(h.revealClaim('nope')).toBe(false);
    h.hide();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('uses a claim highlight with lower priority than names (Highlight API)', () => {
    const registry = fakeHighlightApi();
    const h = createHighlights(document);
    cleanups.push(() => h.destroy());
    h.show(PARAGRAPHS, { ...ANALYSIS, claims: CLAIMS }, true);
    expect(registry.get('backstory-claim-unverified')!.priority).toBe(-1);
    expect(registry.get('backstory-per')!.priority).toBe(0);
    expect([...registry.get('backstory-claim-verified')!].map((r) => (r as Range).toString())).toEqual(['Officials from NATO attended.']);
    expect(registry.has('backstory-claim-not-claim')).toBe(false);
  });

  it('marks only the claims to doubt unless every claim is asked for, or one is', () => {
    const registry = fakeHighlightApi();
    const h = createHighlights(document);
    cleanups.push(() => h.destroy());
    const plain = claimOn(2, 'Macron agreed.', { id: 'plain' });
    const disputed = claimOn(1, 'hosted Keir Starmer in Paris on Monday', { review: { status: 'disputed', note: '', evidence: [], updatedAt: 1 } });
    const claims = [CLAIMS[0]!, CLAIMS[1]!, plain, disputed];
    h.show(PARAGRAPHS, { ...ANALYSIS, claims });
    const painted = () => [...registry.keys()].filter((k) => k.startsWith('backstory-claim')).sort();
    // Unverified by the text, and disputed by the reader: marked. Verified and plain: not yet.
    expect(painted()).toEqual(['backstory-claim-disputed', 'backstory-claim-unverified']);
    expect(registry.get('backstory-per')!.size).toBe(4);
    expect(h.revealClaim(plain.id)).toBe(false);
    // The reader asked to see one claim from the panel.
    h.show(PARAGRAPHS, { ...ANALYSIS, claims }, false, new Set([plain.id]));
    expect(painted()).toEqual(['backstory-claim', 'backstory-claim-disputed', 'backstory-claim-unverified']);
    expect(h.revealClaim(plain.id)).toBe(true);
    // "Show all claims".
    h.show(PARAGRAPHS, { ...ANALYSIS, claims }, true);
    expect(painted()).toEqual(['backstory-claim', 'backstory-claim-disputed', 'backstory-claim-unverified', 'backstory-claim-verified']);
  });

  it('shows who said a marked claim and why it is marked, as text', async () => {
    const roots = captureShadowRoots();
    const h = createHighlights(document);
    cleanups.push(() => h.destroy());
    const claim = claimOn(0, 'Leaders meet in', {
      unverified: true,
      speaker: '<b>Keir</b> Starmer',
      signals: [{ code: 'hedge', reason: 'Stated as a possibility (“would”) <img src=x>', words: 'would' }],
    });
    h.show(PARAGRAPHS, { ...ANALYSIS, claims: [claim] });
    // The pointer rests on the claim (no name inside it).
    const mark = () => document.querySelector('backstory-mark[data-kind="claim-unverified"]') ?? undefined;
    await restOn(mark);
    const root = roots[roots.length - 1]!;
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.textContent).toContain('<b>Keir</b> Starmer');
    expect(root.textContent).toContain('Unverified claim');
    expect(root.textContent).toContain('Stated as a possibility (“would”) <img src=x>');
    expect(root.textContent).not.toContain('In your archive');
  });

  it('says on the hover card of a claim the reader doubted in another article why it is marked, not just "Claim"', async () => {
    const roots = captureShadowRoots();
    const h = createHighlights(document);
    cleanups.push(() => h.destroy());
    const claim = claimOn(0, 'Leaders meet in', { speaker: 'Keir Starmer' });
    h.show(PARAGRAPHS, { ...ANALYSIS, claims: [claim], memory: [{ claimId: claim.id, flagged: true, recalls: [{ line: 'You marked this disputed on 3 May 2026' }] }] });
    const mark = () => document.querySelector('backstory-mark[data-kind^="claim"]') ?? undefined;
    expect(mark()).toBeDefined();
    await restOn(mark);
    const text = roots[roots.length - 1]!.textContent ?? '';
    expect(text).toContain('You marked it false or disputed before');
    expect(text).toContain('You marked this disputed on 3 May 2026');
  });
});

/**
 * Inline highlights on the live page (issue #3): anchor an analysis's mentions, paint them by
 * actor type, and show a hover card. The content script's single entry point to lib/page.
 *
 * API
 *
 *   const highlights = createHighlights(document, {
 *     getArchiveInfo: (actorKey) => Promise<{ count, latest: { title, url, savedAt }[] } | null>,
 *   });
 *   highlights.show(article.paragraphs, analysis)  // → { anchored, missed }. Paints every mention
 *       // (kind 'per' | 'org' | 'loc'), wires the hover card. Calling it again re-paints (it hides
 *       // first), so it is idempotent. `paragraphs` must be the same strings the mentions' offsets
 *       // refer to.
 *   highlights.hide()          // removes highlights, card, <style> and listeners; with the wrapping
 *       // fallback the page DOM is exactly as before show() (same text node objects).
 *   highlights.reveal(key)     // → boolean. Scrolls to the actor's first anchored mention in
 *       // document order and flashes it; false when nothing of that actor is painted.
 *   highlights.isShown()       // → boolean
 *   highlights.destroy()       // hide() for good: later calls do nothing. Call on ctx.onInvalidated.
 *
 * Nothing runs at import time; nothing is left on the page after hide()/destroy().
 */
import { claimStatus } from '../claim-status';
import type { Actor, Claim, Mention, PageClaimMemory } from '../types';
import { anchorQuotes, quoteFor, type AnchorQuote } from './anchor';
import { clip, createHover, type CardInfo, type GetArchiveInfo } from './hover';
import { createPainter, flash, type PaintItem, type Painter } from './painter';
import { buildTextIndex } from './text-index';

export type { ArchiveInfo, GetArchiveInfo } from './hover';

export interface HighlightsOptions {
  getArchiveInfo?: GetArchiveInfo;
  /** Opens the actor's page in the archive (asked of the background). */
  openActor?(actorKey: string): void;
}

export interface Highlights {
  /**
   * Paints names and the claims to doubt; every claim with `allClaims`, and the claims whose ids are
   * in `also` (ones the reader asked to see).
   */
  show(
    paragraphs: string[],
    analysis: { mentions: Mention[]; actors: Actor[]; claims?: Claim[]; memory?: PageClaimMemory[] },
    allClaims?: boolean,
    also?: Set<string>,
  ): { anchored: number; missed: number };
  hide(): void;
  reveal(actorKey: string): boolean;
  /** Scrolls to a claim and flashes it; false when it is not painted. */
  revealClaim(claimId: string): boolean;
  /**
   * Moves to the next painted mark in reading order (after the last one moved to, else the first
   * below the top of the window), wrapping at the end: scrolls to it, flashes it, focuses its
   * paragraph with the caret at its start (so Tab goes on from there, not from the top) and shows
   * its card. False when nothing is painted. The page's own tab order is not touched.
   */
  next(): boolean;
  isShown(): boolean;
  destroy(): void;
}

/** Upper bound on painted mentions (a long page with a name on every line is still bounded). */
const MAX_MENTIONS = 5000;

const KIND: Record<string, string> = { PER: 'per', ORG: 'org', LOC: 'loc' };
const TYPE_WORDS: Record<string, string> = { PER: 'Person', ORG: 'Organisation', LOC: 'Place' };
/** The claims painted without "show all claims": the ones the text, or the reader, gives reason to doubt. */
const DOUBTED = ['claim-unverified', 'claim-disputed', 'claim-false'];
const STATUS_WORDS: Record<string, string> = { unverified: 'Unverified claim', verified: 'Verified', disputed: 'Disputed', false: 'False' };
/** Upper bound on painted claims. */
const MAX_CLAIMS = 1000;

/**
 * How a claim is painted: by the reader's status, else unverified when the text gives a signal,
 * else faintly when it is check-worthy. Claims the reader marked "not a claim" and the rest are not
 * painted.
 */
export function claimPaintKind(c: Claim): string | null {
  const status = claimStatus(c);
  if (status === 'not-claim') return null;
  if (status) return `claim-${status}`;
  return c.checkworthy || c.kind !== 'factual' ? 'claim' : null;
}

/** Sorts items into document order by their start. */
function inDocumentOrder(items: PaintItem[]): PaintItem[] {
  return items.sort((a, b) => {
    try {
      return a.range.compareBoundaryPoints(0 /* START_TO_START */, b.range);
    } catch {
      return 0;
    }
  });
}

export function createHighlights(doc: Document, opts: HighlightsOptions = {}): Highlights {
  let painter: Painter | null = null;
  let shown = false;
  let destroyed = false;
  let stopFlash: (() => void) | null = null;
  /** Painted items in document order, and what each one stands for. */
  let items: PaintItem[] = [];
  let info = new Map<string, { mention: Mention; actor: Actor | undefined; count: number }>();
  /** Painted item id → claim. */
  let claimOf = new Map<string, Claim>();
  /** The mark last moved to with `next`. */
  let at = -1;
  /** Claim id → claim memory's sentences (made in the background), and whether memory flags it. */
  let recalled = new Map<string, PageClaimMemory>();

  const hover = createHover(doc, {
    describe(id): CardInfo | null {
      const c = claimOf.get(id);
      if (c) {
        // A claim: who said it, and why it is marked (the text's signals, or the reader's review).
        const status = claimStatus(c);
        const memory = recalled.get(c.id);
        return {
          name: c.speaker || 'No speaker named',
          sub: status
            ? STATUS_WORDS[status] + (c.review ? ' (your review)' : '')
            : memory?.flagged
              ? 'You marked it false or disputed before'
              : memory?.recalls?.length
                ? 'In your archive before'
                : 'Claim',
          lines: [...(Array.isArray(c.signals) ? c.signals : []).map((g) => g?.reason), ...(recalled.get(c.id)?.recalls ?? []).slice(0, 3).map((r) => clip(r?.line, 300))],
        };
      }
      const m = info.get(id);
      if (!m) return null;
      const { mention, actor, count } = m;
      const name = actor?.name ?? mention.text;
      const role = clip(actor?.role, 120);
      const aliases = (actor?.aliases ?? []).map((a) => clip(a, 80)).filter((a) => a && a !== clip(name, 200));
      return {
        name,
        sub: (TYPE_WORDS[mention.type] ?? '') + (role ? ` · ${role}` : ''),
        lines: [...(aliases.length ? [`Also: ${aliases.slice(0, 6).join(', ')}`] : []), `Mentions in this article: ${Math.max(0, Math.floor(count) || 0)}`],
        actorKey: actor?.key,
      };
    },
    getArchiveInfo: opts.getArchiveInfo,
    openActor: opts.openActor,
  });

  function hide(): void {
    stopFlash?.();
    stopFlash = null;
    hover.stop();
    painter?.clear();
    items = [];
    info = new Map();
    claimOf = new Map();
    recalled = new Map();
    shown = false;
    at = -1;
  }

  function show(
    paragraphs: string[],
    analysis: { mentions: Mention[]; actors: Actor[]; claims?: Claim[]; memory?: PageClaimMemory[] },
    allClaims = false,
    also?: Set<string>,
  ): { anchored: number; missed: number } {
    if (destroyed) return { anchored: 0, missed: 0 };
    hide();
    const actors = new Map<string, Actor>();
    for (const a of analysis.actors ?? []) if (a && typeof a.key === 'string') actors.set(a.key, a);
    const counts = new Map<string, number>();
    const quotes: AnchorQuote[] = [];
    const used: Mention[] = [];
    const total = Math.max(1, paragraphs.length);
    for (const m of (analysis.mentions ?? []).slice(0, MAX_MENTIONS)) {
      const p = paragraphs[m?.paragraph];
      if (typeof p !== 'string' || !Number.isInteger(m.start) || !Number.isInteger(m.end)) continue;
      if (m.start < 0 || m.end > p.length || m.end <= m.start) continue;
      quotes.push({ ...quoteFor(p, m.start, m.end), hint: m.paragraph / total });
      used.push(m);
      const k = m.actorKey ?? `\0${m.text}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    // Claims: one quote per paragraph span, painted under the names (lower priority).
    const claimParts: { claim: Claim; kind: string }[] = [];
    for (const m of Array.isArray(analysis.memory) ? analysis.memory : []) if (m && Array.isArray(m.recalls)) recalled.set(m.claimId, m);
    for (const c of (Array.isArray(analysis.claims) ? analysis.claims : []).slice(0, MAX_CLAIMS)) {
      let kind = c && typeof c.id === 'string' && Array.isArray(c.spans) ? claimPaintKind(c) : null;
      // A claim whose earlier wording the reader marked false or disputed is painted as one to doubt.
      if (recalled.get(c.id)?.flagged && (kind === null || kind === 'claim')) kind = 'claim-unverified';
      if (!kind || !(allClaims || DOUBTED.includes(kind) || also?.has(c.id))) continue;
      for (const sp of c.spans) {
        const p = paragraphs[sp?.paragraph];
        if (typeof p !== 'string' || !Number.isInteger(sp.start) || !Number.isInteger(sp.end)) continue;
        if (sp.start < 0 || sp.end > p.length || sp.end <= sp.start) continue;
        quotes.push({ ...quoteFor(p, sp.start, sp.end), hint: sp.paragraph / total });
        claimParts.push({ claim: c, kind });
      }
    }
    const root = doc.body ?? doc.documentElement;
    if (!root || !quotes.length) return { anchored: 0, missed: quotes.length };
    const ranges = anchorQuotes(buildTextIndex(root), quotes);
    const toPaint: PaintItem[] = [];
    ranges.forEach((range, i) => {
      if (!range) return;
      if (i >= used.length) {
        const part = claimParts[i - used.length]!;
        const id = `c${i}`;
        toPaint.push({ id, kind: part.kind, range, priority: -1 });
        claimOf.set(id, part.claim);
        return;
      }
      const m = used[i]!;
      const id = `m${i}`;
      const actor = m.actorKey !== undefined ? actors.get(m.actorKey) : undefined;
      toPaint.push({ id, kind: KIND[m.type] ?? 'other', range });
      info.set(id, { mention: m, actor, count: actor?.mentions || counts.get(m.actorKey ?? `\0${m.text}`) || 1 });
    });
    painter ??= createPainter(doc);
    painter.paint(toPaint);
    // The painter's ranges: for the wrapping fallback they cover the new wrapper elements.
    items = inDocumentOrder(painter.ranges());
    hover.start(items); // names first where a name lies inside a claim (the later start)
    shown = true;
    return { anchored: items.length, missed: quotes.length - items.length };
  }

  return {
    show,
    hide,
    reveal(actorKey) {
      if (!shown) return false;
      const first = items.find((it) => info.get(it.id)?.mention.actorKey === actorKey);
      if (!first) return false;
      stopFlash?.();
      stopFlash = flash(first.range);
      return true;
    },
    revealClaim(claimId) {
      if (!shown) return false;
      const first = items.find((it) => claimOf.get(it.id)?.id === claimId);
      if (!first) return false;
      stopFlash?.();
      stopFlash = flash(first.range);
      // Shown from the panel (keyboard included): the card says who said it and why it is marked,
      // once the page has scrolled there (a scroll hides a card).
      setTimeout(() => shown && hover.showCard(first.id), 600);
      return true;
    },
    next() {
      if (!shown || !items.length) return false;
      let i = at + 1;
      if (at < 0)
        i = Math.max(
          0,
          items.findIndex((it) => it.range.getBoundingClientRect().bottom > 0),
        );
      const it = items[(at = i % items.length)]!;
      stopFlash?.();
      stopFlash = flash(it.range);
      // Tab goes on from the mark: its paragraph takes the focus, focusable only until it loses it
      // (tabindex -1 is never in the page's tab order), and the caret stands at the mark's start.
      const node = it.range.startContainer;
      const block = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest<HTMLElement>('p,li,blockquote,h1,h2,h3,h4,h5,h6,td,dd,figcaption,div');
      if (block && !block.hasAttribute('tabindex')) {
        block.setAttribute('tabindex', '-1');
        block.addEventListener('blur', () => block.removeAttribute('tabindex'), { once: true });
      }
      block?.focus({ preventScroll: true });
      doc.getSelection()?.collapse(node, it.range.startOffset);
      setTimeout(() => shown && items.includes(it) && hover.showCard(it.id), 600);
      return true;
    },
    isShown: () => shown,
    destroy() {
      hide();
      destroyed = true;
      painter = null;
    },
  };
}

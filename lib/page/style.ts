/**
 * The one `<style id="backstory-style">` our page layer adds (issue #3). Colours are defined here
 * once, for both painters: a translucent background plus an underline in the same hue, so the
 * page's own text colour stays and reads on light and dark pages alike. Users register and release
 * the element; it leaves the page when the last one releases it.
 */

export const STYLE_ID = 'backstory-style';
export const MARK_TAG = 'backstory-mark';

/** Hue (r, g, b) per actor highlight kind. Unknown kinds use `other`; claims have their own lines (CLAIM_DECL). */
const COLOURS: Record<string, string> = {
  per: '245,158,11',
  org: '59,130,246',
  loc: '16,185,129',
  other: '107,114,128',
};

/** Highlight kinds reduced to a safe name part: lower-case letters, digits and dashes. */
export const kindName = (kind: string): string =>
  kind
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')
    .slice(0, 40) || 'other';

const hue = (kind: string): string => COLOURS[kind] ?? COLOURS.other!;

const decl = (rgb: string): string => `background-color:rgba(${rgb},.2);text-decoration:underline 2px rgba(${rgb},.85);text-underline-offset:2px;`;

/**
 * Claims are underlined only, never filled, so they read as a different layer from names: the
 * line's style says the status (wavy: unverified, solid: verified, dashed: disputed, double:
 * false, dotted: found but not reviewed).
 */
const CLAIM_DECL: Record<string, string> = {
  claim: 'text-decoration:underline dotted 2px rgba(107,114,128,.9);text-underline-offset:3px;',
  'claim-unverified': 'text-decoration:underline wavy 1.5px rgb(234,88,12);text-underline-offset:3px;',
  'claim-verified': 'text-decoration:underline solid 2px rgb(22,163,74);text-underline-offset:3px;',
  'claim-disputed': 'text-decoration:underline dashed 2px rgb(147,51,234);text-underline-offset:3px;',
  'claim-false': 'text-decoration:underline double 3px rgb(220,38,38);text-underline-offset:3px;',
};

const declFor = (kind: string): string => CLAIM_DECL[kind] ?? decl(hue(kind));

const FLASH = 'background-color:rgba(250,204,21,.6);';

function css(kinds: Iterable<string>): string {
  let out =
    // The fallback's wrapper: an inline box that takes no space and inherits everything.
    `${MARK_TAG}{all:unset;display:inline;${decl(COLOURS.other!)}}` + `${MARK_TAG}[data-flash]{${FLASH}}` + `::highlight(backstory-flash){${FLASH}}`;
  for (const k of kinds) {
    out += `::highlight(backstory-${k}){${declFor(k)}}${MARK_TAG}[data-kind="${k}"]{${declFor(k)}}`;
  }
  return out;
}

interface Entry {
  el: HTMLStyleElement;
  users: Map<object, Set<string>>;
}

const entries = new WeakMap<Document, Entry>();

/** Makes sure the style element is on the page with rules for `kinds`, on behalf of `user`. */
export function acquireStyle(doc: Document, user: object, kinds: Iterable<string> = []): void {
  let e = entries.get(doc);
  if (!e) {
    const el = doc.createElement('style');
    el.id = STYLE_ID;
    e = { el, users: new Map() };
    entries.set(doc, e);
  }
  e.users.set(user, new Set([...(e.users.get(user) ?? []), ...[...kinds].map(kindName)]));
  const all = new Set(['per', 'org', 'loc']);
  for (const ks of e.users.values()) for (const k of ks) all.add(k);
  const text = css(all);
  if (e.el.textContent !== text) e.el.textContent = text;
  if (!e.el.isConnected) (doc.head ?? doc.documentElement).appendChild(e.el);
}

/** Drops `user`'s claim on the style element; the last user removes it from the page. */
export function releaseStyle(doc: Document, user: object): void {
  const e = entries.get(doc);
  if (!e || !e.users.delete(user)) return;
  if (!e.users.size) {
    e.el.remove();
    entries.delete(doc);
  }
}

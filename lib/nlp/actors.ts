/**
 * Actors: the mentions of one person, organisation or place within an article, merged (issue #3).
 *
 * Rules, applied to the mentions the tagger found:
 * - honorifics and titles ("Mr", "Sir", "Dame", "Dr", "President", "Prime Minister", …) before a name or at the
 *   start of its span are part of the alias as written ("Sir Keir Starmer", "Mr Trump") but not of the canonical
 *   name; a personal honorific makes the mention a person whatever the tagger said;
 * - possessives ("Nato’s", "Trump's") are never part of a name;
 * - a one-word person mention joins the full name it is the surname of ("Starmer", "Mr Trump"), or the first name
 *   of ("Sir Keir"), when that full name is unambiguous in the article; a shorter name whose words are a subset of
 *   a longer one with the same surname joins it ("Keir Starmer" → "Keir Rodney Starmer");
 * - names that differ only in case ("NATO", "Nato") are one actor; an acronym joins the name whose initials it is
 *   when both occur ("ICC" / "International Criminal Court", "UK" / "United Kingdom");
 * - the same name string tagged with different types is one actor, of the type most of its mentions (and the
 *   honorifics around them) support;
 * - a role phrase written next to a person's name becomes the actor's role: "French president Emmanuel Macron",
 *   "Mr Trump's envoy, Steve Witkoff", "its foreign minister, Ignazio Cassis" (with "its" resolved to the nearest
 *   organisation or place before it: "Switzerland's foreign minister"), "Emmanuel Macron, the French president".
 *
 * Actor key = type + ":" + lower-cased canonical name (the longest full form, no honorific), so the same actor gets
 * the same key in every article. Pure, no dependencies.
 */
import type { Actor, EntityType, Mention } from '../types.ts';

/** Titles that can stand before a person's name (multi-word ones first). Compared case-sensitively. */
const TITLES = [
  'Prime Minister', 'Deputy Prime Minister', 'Vice President', 'Vice-President', 'Foreign Secretary',
  'Home Secretary', 'Defence Secretary', 'Defense Secretary', 'Secretary of State', 'Crown Prince',
  'Chief Justice', 'First Minister', 'Health Secretary', 'Chancellor of the Exchequer',
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Mx', 'Mx.', 'Sir', 'Dame', 'Dr', 'Dr.', 'Lord', 'Lady',
  'Baroness', 'Baron', 'President', 'Chancellor', 'King', 'Queen', 'Prince', 'Princess', 'Pope', 'General',
  'Gen.', 'Gen', 'Senator', 'Sen.', 'Rep.', 'Representative', 'Congressman', 'Congresswoman', 'Governor', 'Gov.',
  'Judge', 'Justice', 'Professor', 'Prof', 'Prof.', 'Rev', 'Rev.', 'Reverend', 'Father', 'Sheikh', 'Imam',
  'Rabbi', 'Cardinal', 'Archbishop', 'Bishop', 'Captain', 'Capt.', 'Colonel', 'Col.', 'Major', 'Lieutenant',
  'Admiral', 'Marshal', 'Field Marshal', 'Sergeant', 'Commander', 'Minister', 'Secretary', 'Ambassador',
  'Chairman', 'Speaker', 'Mayor', 'Emperor', 'Empress', 'Duke', 'Duchess', 'Earl', 'Countess', 'Ayatollah',
  'Commissioner', 'Inspector', 'Detective', 'Officer', 'Agent', 'Coach', 'Saint', 'St', 'St.',
].sort((a, b) => b.length - a.length);

/** Titles that say "this is a person" even when the tagger said otherwise. */
const PERSONAL = new Set(['Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Mx', 'Mx.', 'Sir', 'Dame', 'Dr', 'Dr.', 'Lord', 'Lady', 'President', 'Prime Minister', 'Pope', 'Senator', 'Baroness']);
/**
 * Royal and similar titles make a person only before a single name or a name with a regnal number
 * ("Queen Elizabeth II", "King Charles"), not before longer names ("Queen Mary University",
 * "Prince Edward Island").
 */
const ROYAL = new Set(['King', 'Queen', 'Prince', 'Princess', 'Emperor', 'Empress', 'Duke', 'Duchess', 'Crown Prince']);

function titleMakesPerson(title: string | null, rest: string): boolean {
  if (title === null) return false;
  if (PERSONAL.has(title)) return true;
  if (!ROYAL.has(title)) return false;
  const words = rest.trim().split(/\s+/);
  return words.length === 1 || (words.length === 2 && /^[IVX]+$/.test(words[1]!));
}

/** Titles used with a first name in British usage ("Sir Keir", "Dame Judi", "Lady Diana"). */
const FIRST_NAME_TITLES = new Set(['Sir', 'Dame', 'Lady', 'Lord', 'Prince', 'Princess', 'King', 'Queen', 'Pope']);

const POSSESSIVE_RE = /(?:['’]s|['’])$/;
const CONNECT = new Set(['of', 'the', 'and', 'for', '&', 'de', 'on', 'in', 'du', 'des', 'la', 'le', 'at']);

/** Role nouns for role phrases next to a name. */
const ROLE_WORDS = new Set(
  (
    'president minister secretary chancellor envoy ambassador spokesman spokeswoman spokesperson leader chief head ' +
    'director chairman chairwoman chair ceo founder governor mayor senator general commander king queen prince ' +
    'princess pope adviser advisor aide official judge candidate deputy negotiator counterpart staff lawmaker mp ' +
    'representative executive officer correspondent editor reporter analyst economist professor coach manager ' +
    'captain striker player premier chancellor commissioner prosecutor attorney lawyer owner boss star actor ' +
    'singer writer author journalist presenter host spokesperson diplomat general admiral colonel inspector ' +
    'detective sheriff cardinal archbishop bishop pastor priest imam rabbi ayatollah monarch emperor leader ' +
    'counsel economist strategist campaigner activist founder co-founder chief-executive'
  ).split(' '),
);
const ROLE_MODIFIERS = new Set(
  ('foreign defence defense home interior finance justice health prime vice deputy former then acting chief ' +
    'general executive senior special top military security national state press communications campaign ' +
    'opposition shadow labour conservative democratic republican party white house trade economy education ' +
    'energy environment transport culture foreign-affairs of for and the staff affairs').split(' '),
);

export interface BuildActorsOptions {
  /**
   * Canonical name for a name of a type, or null: lets a caller map known variants to one name across articles
   * (e.g. "UK" → "United Kingdom" from a country list). Default: none.
   */
  canonical?: (name: string, type: EntityType) => string | null;
}

interface Item {
  m: Mention;
  /** Name without title or possessive. */
  core: string;
  words: string[];
  /** Title as written, if any ("Sir", "Prime Minister"). */
  title: string | null;
  /** Surface form with the title as it appears. */
  alias: string;
  type: EntityType;
  personal: boolean;
}

function normSpace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').replace(/[’‘]/g, "'").trim();
}

function lowerKey(s: string): string {
  return normSpace(s).toLowerCase();
}

/** Title at the end of `before` (text just before a mention), written with a capital, separated by a space. */
function titleBefore(before: string): string | null {
  const b = before.trimEnd();
  if (b.length === before.length) return null; // no space between title and name
  for (const t of TITLES) {
    if (b.endsWith(t)) {
      const prev = b[b.length - t.length - 1];
      if (prev === undefined || /[\s"“‘'(\[—–-]/.test(prev)) return t;
    }
  }
  return null;
}

function titleAtStart(text: string): string | null {
  for (const t of TITLES) if (text.startsWith(t + ' ') && text.length > t.length + 1) return t;
  return null;
}

function initials(words: string[]): string {
  return words
    .filter((w) => !CONNECT.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function isAcronym(word: string): boolean {
  const w = word.replace(/\./g, '');
  return w.length >= 2 && w.length <= 6 && /^\p{L}+$/u.test(w);
}

/** Prepares one mention: strips possessive, finds the title inside or just before it. */
function prepare(paragraphs: string[], m: Mention): Item {
  const para = paragraphs[m.paragraph] ?? '';
  let start = m.start;
  let end = m.end;
  let text = para.slice(start, end) || m.text;
  const pm = POSSESSIVE_RE.exec(text);
  if (pm && text.length > pm[0].length + 1) {
    end -= pm[0].length;
    text = text.slice(0, -pm[0].length);
  }
  let title: string | null = null;
  let core = text;
  const atStart = titleAtStart(text);
  const inner = m.type === 'PER' || titleMakesPerson(atStart, atStart ? text.slice(atStart.length + 1) : '') ? atStart : null;
  if (inner) {
    title = inner;
    core = text.slice(inner.length + 1);
  } else {
    const before = titleBefore(para.slice(Math.max(0, start - 40), start));
    // Only titles that can only mean a person change a non-person mention; others only join a person mention.
    if (before && (m.type === 'PER' || PERSONAL.has(before))) {
      title = before;
      start -= before.length + (para.slice(0, start).length - para.slice(0, start).trimEnd().length);
      text = para.slice(start, end);
    }
  }
  core = normSpace(core);
  const personal = titleMakesPerson(title, core);
  const type: EntityType = personal ? 'PER' : m.type;
  return {
    m: { ...m, start, end, text, type },
    core,
    words: core.split(' '),
    title,
    alias: normSpace(text) === text ? text : normSpace(text),
    type,
    personal,
  };
}

interface Group {
  items: Item[];
  /** Votes per type. */
  votes: Record<EntityType, number>;
  type: EntityType;
  parent: Group | null;
}

function find(g: Group): Group {
  while (g.parent) g = g.parent;
  return g;
}

function union(a: Group, b: Group): void {
  const ra = find(a);
  const rb = find(b);
  if (ra !== rb) rb.parent = ra;
}

/** Merges the mentions of one article into actors; returns the actors and the mentions with `actorKey` set. */
export function buildActors(
  paragraphs: string[],
  mentions: Mention[],
  options: BuildActorsOptions = {},
): { actors: Actor[]; mentions: Mention[] } {
  const items = mentions.filter((m) => m.text.trim()).map((m) => prepare(paragraphs, m));

  // 1. Groups of identical names (case-insensitive), across types.
  const byName = new Map<string, Group>();
  for (const it of items) {
    const k = lowerKey(it.core);
    let g = byName.get(k);
    if (!g) byName.set(k, (g = { items: [], votes: { PER: 0, ORG: 0, LOC: 0 }, type: it.type, parent: null }));
    g.items.push(it);
    g.votes[it.type] += it.personal ? 3 : 1;
  }
  const groups = [...byName.values()];
  const wordsOf = (g: Group) => g.items[0]!.words;

  // 2. Person evidence flows from a surname to the full names ending with it ("Zelensky" → "Volodymyr Zelensky").
  const single = new Map<string, Group>();
  for (const g of groups) if (wordsOf(g).length === 1) single.set(wordsOf(g)[0]!.toLowerCase(), g);
  for (const g of groups) {
    const w = wordsOf(g);
    if (w.length < 2) continue;
    const s = single.get(w[w.length - 1]!.toLowerCase());
    if (s && s.votes.PER > 0) g.votes.PER += s.votes.PER;
  }
  const decide = (g: Group) => {
    const v = g.votes;
    g.type = v.PER >= v.ORG && v.PER >= v.LOC ? 'PER' : v.ORG >= v.LOC ? 'ORG' : 'LOC';
  };
  groups.forEach(decide);

  // 3. People: surname and first-name forms join an unambiguous full name; shorter full names join longer ones.
  const people = groups.filter((g) => g.type === 'PER');
  const full = people.filter((g) => wordsOf(g).length >= 2);
  for (const g of full) {
    const w = wordsOf(g).map((x) => x.toLowerCase());
    const longer = full.filter((h) => {
      const hw = wordsOf(h).map((x) => x.toLowerCase());
      return hw.length > w.length && hw[hw.length - 1] === w[w.length - 1] && w.every((x) => hw.includes(x));
    });
    if (longer.length === 1) union(longer[0]!, g);
  }
  for (const g of people) {
    const w = wordsOf(g);
    if (w.length !== 1) continue;
    const x = w[0]!.toLowerCase();
    const bySurname = full.filter((h) => wordsOf(h)[wordsOf(h).length - 1]!.toLowerCase() === x);
    const roots = new Set(bySurname.map(find));
    if (roots.size === 1) {
      union([...roots][0]!, g);
      continue;
    }
    if (roots.size > 1) continue;
    const byFirst = new Set(full.filter((h) => wordsOf(h)[0]!.toLowerCase() === x).map(find));
    const firstTitled = g.items.some((it) => it.title && FIRST_NAME_TITLES.has(it.title));
    if (byFirst.size === 1 && (firstTitled || g.items.every((it) => !it.title))) union([...byFirst][0]!, g);
  }

  // 4. Acronyms join the name they abbreviate (same type family: ORG/LOC).
  const nonPer = groups.filter((g) => g.type !== 'PER');
  for (const g of nonPer) {
    const w = wordsOf(g);
    if (w.length !== 1 || !isAcronym(w[0]!)) continue;
    const acr = w[0]!.replace(/\./g, '').toUpperCase();
    const cands = new Set(
      nonPer.filter((h) => wordsOf(h).length >= 2 && initials(wordsOf(h)) === acr).map(find),
    );
    if (cands.size === 1) union([...cands][0]!, g);
  }

  // 5. Actors from the merged groups.
  const clusters = new Map<Group, Item[]>();
  for (const g of groups) {
    const r = find(g);
    let list = clusters.get(r);
    if (!list) clusters.set(r, (list = []));
    list.push(...g.items);
  }
  const actors: (Actor & { first: number })[] = [];
  const keyOf = new Map<Item, string>();
  for (const [root, its] of clusters) {
    // type: the root's type for people merges; votes of all members otherwise
    const votes: Record<EntityType, number> = { PER: 0, ORG: 0, LOC: 0 };
    for (const it of its) votes[it.type] += it.personal ? 3 : 1;
    let type: EntityType = votes.PER >= votes.ORG && votes.PER >= votes.LOC ? 'PER' : votes.ORG >= votes.LOC ? 'ORG' : 'LOC';
    if (root.type === 'PER' && its.some((it) => it.personal)) type = 'PER';
    // canonical: the longest form (most words, then most characters, then most frequent), no title
    const counts = new Map<string, number>();
    for (const it of its) counts.set(it.core, (counts.get(it.core) ?? 0) + 1);
    const forms = [...counts.keys()];
    forms.sort(
      (a, b) =>
        b.split(' ').length - a.split(' ').length || b.length - a.length || counts.get(b)! - counts.get(a)! || (a < b ? -1 : 1),
    );
    let name = forms[0]!;
    // prefer a form not written in all capitals when one exists with the same words ("Nato" over "NATO" is not
    // decided here: both are kept as aliases; the name is the most frequent spelling of the chosen form)
    const same = forms.filter((f) => f.toLowerCase() === name.toLowerCase());
    if (same.length > 1) name = same.sort((a, b) => counts.get(b)! - counts.get(a)!)[0]!;
    const canon = options.canonical?.(name, type) ?? name;
    const key = `${type}:${lowerKey(canon)}`;
    const aliases: string[] = [];
    for (const it of its) if (!aliases.includes(it.alias)) aliases.push(it.alias);
    for (const it of its) keyOf.set(it, key);
    const first = Math.min(...its.map((it) => it.m.paragraph * 1e6 + it.m.start));
    actors.push({ key, name: canon, type, aliases, mentions: its.length, role: null, first });
  }

  // Clusters that end up with the same key (e.g. through `canonical`) are one actor.
  const byKey = new Map<string, Actor & { first: number }>();
  for (const a of actors) {
    const b = byKey.get(a.key);
    if (!b) byKey.set(a.key, a);
    else {
      b.mentions += a.mentions;
      for (const x of a.aliases) if (!b.aliases.includes(x)) b.aliases.push(x);
      b.first = Math.min(b.first, a.first);
    }
  }

  const outMentions = items.map((it) => ({ ...it.m, type: byKey.get(keyOf.get(it)!)!.type, actorKey: keyOf.get(it)! }));

  // 6. Roles.
  const roleVotes = new Map<string, Map<string, number>>();
  for (const m of outMentions) {
    if (m.type !== 'PER') continue;
    const role = findRole(paragraphs[m.paragraph] ?? '', m, outMentions);
    if (!role) continue;
    let v = roleVotes.get(m.actorKey);
    if (!v) roleVotes.set(m.actorKey, (v = new Map()));
    v.set(role, (v.get(role) ?? 0) + 1);
  }
  const result = [...byKey.values()];
  for (const a of result) {
    const v = roleVotes.get(a.key);
    if (v) a.role = [...v.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
  }
  result.sort((a, b) => b.mentions - a.mentions || a.first - b.first);
  return {
    actors: result.map(({ first: _first, ...a }) => a),
    mentions: outMentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Role phrases

interface W {
  text: string;
  start: number;
  end: number;
}

function wordsIn(s: string, offset: number): W[] {
  const out: W[] = [];
  for (const m of s.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*|[,;:()“”"]/gu)) {
    out.push({ text: m[0], start: offset + m.index!, end: offset + m.index! + m[0].length });
  }
  return out;
}

const isRoleWord = (w: string) => ROLE_WORDS.has(w.toLowerCase().replace(/['’]s$/, ''));
const isLowerWord = (w: string) => /^\p{Ll}/u.test(w);

/**
 * Role phrase next to a person mention: before it ("French president Emmanuel Macron", "Mr Trump's envoy, Steve
 * Witkoff,") or after it in apposition ("Emmanuel Macron, the French president,").
 */
function findRole(para: string, m: Mention, all: Mention[]): string | null {
  // Before the name.
  const beforeText = para.slice(Math.max(0, m.start - 80), m.start);
  const bw = wordsIn(beforeText, Math.max(0, m.start - 80));
  let i = bw.length - 1;
  let comma = false;
  if (i >= 0 && bw[i]!.text === ',') {
    comma = true;
    i--;
  }
  // the head: a role word right before the name (or the comma)
  if (i >= 0 && isLowerWord(bw[i]!.text) && isRoleWord(bw[i]!.text)) {
    let j = i;
    // extend left over role words, modifiers and "of"
    while (j - 1 >= 0 && isLowerWord(bw[j - 1]!.text) && (isRoleWord(bw[j - 1]!.text) || ROLE_MODIFIERS.has(bw[j - 1]!.text.toLowerCase()))) j--;
    while (j <= i && ['of', 'and', 'for', 'the'].includes(bw[j]!.text.toLowerCase())) j++;
    let phrase = para.slice(bw[j]!.start, bw[i]!.end);
    // a capitalised modifier or possessive owner right before: "French president", "Mr Trump's envoy"
    const k = j - 1;
    if (k >= 0) {
      const prev = bw[k]!;
      const ownerEnd = prev.end - (/['’]s$/.test(prev.text) ? 2 : 0);
      const owner = all.find((o) => o.paragraph === m.paragraph && o.end === ownerEnd && o !== m);
      if (/['’]s$/.test(prev.text) && owner) {
        phrase = para.slice(owner.start, bw[i]!.end);
      } else if (/^\p{Lu}/u.test(prev.text) && !/['’]s$/.test(prev.text)) {
        // "French president", "US president", "Labour leader" — a capitalised word (not sentence-initial "The")
        if (!/^(The|A|An|And|But|Its|His|Her|Their|Meanwhile)$/.test(prev.text)) phrase = para.slice(prev.start, bw[i]!.end);
      } else if (/^(its|their)$/i.test(prev.text)) {
        const ownerOrg = [...all]
          .filter((o) => o.paragraph === m.paragraph && o.end <= prev.start && o.type !== 'PER' && prev.start - o.end < 200)
          .sort((a, b) => b.end - a.end)[0];
        const apos = para.includes('’') ? '’' : "'";
        if (ownerOrg) phrase = `${ownerOrg.text.replace(POSSESSIVE_RE, '')}${apos}s ${phrase}`;
      }
    }
    if (comma) {
      // apposition before a name must be closed by a comma after it ("envoy, Steve Witkoff, suggested")
      const after = para.slice(m.end, m.end + 3);
      if (!/^\s*[,;:.)]/.test(after) && m.end < para.length) return null;
    }
    if (phrase.split(/\s+/).length <= 8) return phrase.replace(/\s+/g, ' ').trim();
  }
  // After the name: ", the French president," / ", chief of defence staff,"
  const afterText = para.slice(m.end, m.end + 80);
  const am = /^\s*,\s+((?:the|a|an)\s+)?((?:[\p{Lu}][\p{L}.'’-]*\s+)?(?:[\p{Ll}][\p{L}'’-]*\s+){0,4}?[\p{Ll}][\p{L}'’-]*)\s*[,.;)]/u.exec(afterText);
  if (am) {
    const words = am[2]!.split(/\s+/);
    const last = words[words.length - 1]!;
    if (isRoleWord(last) || (words.includes('of') && words.some(isRoleWord))) return am[2]!.replace(/\s+/g, ' ').trim();
  }
  return null;
}

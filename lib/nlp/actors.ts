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
import { citedOutlets, isOutletName } from './outlets.ts';
import type { Actor, EntityType, Mention } from '../types.ts';
import { wholeWordsAt } from '../whole-words.ts';
import {
  captionLabelLength,
  creditOnlyParagraph,
  creditReason,
  generalKnowledge,
  bodyType,
  interjectionLength,
  isNotAName,
  inQuotedTitle,
  isHeadWord,
  isOrdinaryWord,
  isPeopleName,
  isPlatform,
  isProductName,
  isThingName,
  joinParticleNames,
  mentionCues,
  nameShapeType,
  thingCue,
  type TypeCues,
} from './actor-cues.ts';
import { GOVERNING_NOUNS, LEGAL_FORMS, PARTY_MEMBERS, PRODUCT_NAMES, THING_ABBREVIATIONS } from './org-words.ts';

/** Personal honorifics: a title before a name, and a sign it is a person's ("Mr", "Dame", "Dr."). */
const HONORIFICS = ['Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Mx', 'Mx.', 'Sir', 'Dame', 'Dr', 'Dr.', 'Lord', 'Lady'];
const HONORIFIC_SET = new Set([...HONORIFICS, 'Hon', 'Fr', 'Father', 'Rev', 'Reverend', 'Prof']);

/** Military and police ranks, honorifics of clergy and members ("Lt Col", "Sgt.", "Hon."): titles that make a person. */
const RANKS = [
  'Lt',
  'Lt.',
  'Lt Col',
  'Lt. Col.',
  'Lt Gen',
  'Lt. Gen.',
  'Lieutenant Colonel',
  'Lieutenant General',
  'Maj.',
  'Maj Gen',
  'Maj. Gen.',
  'Major General',
  'Brig Gen',
  'Brig. Gen.',
  'Brigadier General',
  'Sgt',
  'Sgt.',
  'Staff Sgt.',
  'Cpl',
  'Cpl.',
  'Pvt.',
  'Adm.',
  'Rear Admiral',
  'Vice Admiral',
  'Cmdr.',
  'Det.',
  'Hon.',
  'Fr.',
];

/** Titles that can stand before a person's name (multi-word ones first). Compared case-sensitively. */
const TITLES = [
  'Prime Minister',
  'Deputy Prime Minister',
  'President-elect',
  'Vice President',
  'Vice-President',
  'Foreign Secretary',
  'Home Secretary',
  'Defence Secretary',
  'Defense Secretary',
  'Secretary of State',
  'Crown Prince',
  'Chief Justice',
  'First Minister',
  'Health Secretary',
  'Chancellor of the Exchequer',
  ...HONORIFICS,
  'Baroness',
  'Baron',
  'President',
  'Chancellor',
  'King',
  'Queen',
  'Prince',
  'Princess',
  'Pope',
  'General',
  'Gen.',
  'Gen',
  'Senator',
  'Sen.',
  'Rep.',
  'Representative',
  'Congressman',
  'Congresswoman',
  'Governor',
  'Gov.',
  'Judge',
  'Justice',
  'Professor',
  'Prof',
  'Prof.',
  'Rev',
  'Rev.',
  'Reverend',
  'Father',
  'Sheikh',
  'Imam',
  'Rabbi',
  'Cardinal',
  'Archbishop',
  'Bishop',
  'Captain',
  'Capt.',
  'Colonel',
  'Col.',
  'Major',
  'Lieutenant',
  'Admiral',
  'Marshal',
  'Field Marshal',
  'Sergeant',
  'Commander',
  'Minister',
  'Secretary',
  'Ambassador',
  'Chairman',
  'Speaker',
  'Mayor',
  'Emperor',
  'Empress',
  'Duke',
  'Duchess',
  'Earl',
  'Countess',
  'Ayatollah',
  'Commissioner',
  'Inspector',
  'Detective',
  'Officer',
  'Agent',
  'Coach',
  'Saint',
  'St',
  'St.',
  // ranks and offices, written out or abbreviated as the US and British press do
  ...RANKS,
  'Maj',
  'Brig',
  'Brig.',
  'Brigadier',
  'Chairwoman',
  'Chairperson',
  'Councillor',
  'Cllr',
  'Councilman',
  'Councilwoman',
  'Assemblyman',
  'Assemblywoman',
  'Attorney General',
  'Solicitor General',
  'Sheriff',
  'Superintendent',
  'Supt',
].sort((a, b) => b.length - a.length);

/** Titles that are abbreviations or several words: never a name on their own ("Lt Col", "Vice President"). */
const titleOnly = (text: string): boolean => TITLE_SET.has(text) && (/[.\s]/.test(text) || ABBREVIATED.has(text));
const ABBREVIATED = new Set(['Lt', 'Maj', 'Brig', 'Sgt', 'Cpl', 'Cllr', 'Supt', 'Gen', 'Gov', 'Sen', 'Rep', 'Prof', 'Rev', 'Dr', 'Mr', 'Mrs', 'Ms', 'Mx', 'St']);

const TITLE_SET = new Set(TITLES);

/** Abbreviated titles written out, for a role ("Gov." is "Governor"). */
const TITLE_WORDS: Readonly<Record<string, string>> = {
  Gov: 'Governor',
  'Lt Gov': 'Lieutenant Governor',
  Sen: 'Senator',
  Rep: 'Representative',
  Gen: 'General',
  'Lt Gen': 'Lieutenant General',
  'Maj Gen': 'Major General',
  'Brig Gen': 'Brigadier General',
  'Lt Col': 'Lieutenant Colonel',
  Col: 'Colonel',
  Maj: 'Major',
  Capt: 'Captain',
  Sgt: 'Sergeant',
  Cpl: 'Corporal',
  Adm: 'Admiral',
  Cllr: 'Councillor',
  Supt: 'Superintendent',
  Det: 'Detective',
  Insp: 'Inspector',
};

/**
 * Verbs of travel before a place: it is where someone went, not whose title follows. (Not "to",
 * "in", "from": "spoke to Florida Sen. Marco Rubio" gives the senator his state.)
 */
const PLACE_GOES = /\b(?:visiting|visited|visit|leaving|left|leave|touring|toured|tour|reaching|reached|arriving in|arrived in|returning from|returned from)\s+(?:the\s+)?$/i;

/** The role a title before a name gives: itself written out, or none for an honorific ("Mr", "Dr", "Sir"). */
function titleRole(title: string | null): string | null {
  if (!title || HONORIFIC_SET.has(title) || HONORIFIC_SET.has(title.replace(/\.$/, ''))) return null;
  const bare = title.replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  // ("Lt Col" is as much an abbreviation as "Lt. Col."; "Lt." alone may be the start of "Lt. Gov.")
  return TITLE_WORDS[bare] ?? (title.includes('.') || ABBREVIATED.has(bare) ? null : title);
}

/**
 * Offices and ranks that make a person of a name ("Chairman Schiff", "Lt Col Vindman"), but only of
 * one that reads as a person's name: "Ambassador Bridge", "Chairman of the Joint Chiefs" and "Imam
 * Reza Shrine" stay what they are (`personalName`).
 */
const OFFICES = new Set([
  'Vice President',
  'Vice-President',
  'Deputy Prime Minister',
  'Foreign Secretary',
  'Home Secretary',
  'Defence Secretary',
  'Defense Secretary',
  'Health Secretary',
  'Secretary of State',
  'First Minister',
  'Chief Justice',
  'Attorney General',
  'Solicitor General',
  'Chairman',
  'Chairwoman',
  'Sen.',
  'Rep.',
  'Gov.',
  'Congressman',
  'Congresswoman',
  'Assemblyman',
  'Assemblywoman',
  'Councilman',
  'Councilwoman',
  'Cllr',
  'Ambassador',
  'Professor',
  'Prof.',
  'Rev.',
  'Reverend',
  'Rabbi',
  'Imam',
  'Ayatollah',
  'Col.',
  'Capt.',
  ...RANKS,
]);

/** Titles that say "this is a person" even when the tagger said otherwise. */
const PERSONAL = new Set([...HONORIFICS, 'President', 'President-elect', 'Prime Minister', 'Pope', 'Senator', 'Baroness']);
/**
 * Royal and similar titles make a person only before a single name or a name with a regnal number
 * ("Queen Elizabeth II", "King Charles"), not before longer names ("Queen Mary University",
 * "Prince Edward Island").
 */
const ROYAL = new Set(['King', 'Queen', 'Prince', 'Princess', 'Emperor', 'Empress', 'Duke', 'Duchess', 'Crown Prince']);

/** Words that make a body or a place of a capitalised run ("Ambassador Bridge", "Theatre Group"). */
const BODY_WORDS =
  /\b(?:Bridge|Group|Foundation|Theatre|Theater|Hotel|Hospital|School|College|University|Institute|Centre|Center|Shrine|Mosque|Church|Cathedral|Street|Road|Avenue|Square|Park|Airport|Station|Company|Corporation|Party|Council|Committee|Office|Department|Ministry|Agency|Bank|Fund|Trust|Award|Prize|Stadium|Hall|Museum|Library|House|Island|River|Bay|Lake|Mountain|County|City|Club|Team|Society|League|Orchestra|Band)\b/;

/**
 * A rank written out and one body word after it: a body's name, not a person's title ("General
 * Assembly", "General Motors", "Chief Rabbinate"). Not an abbreviated title nor a longer name:
 * "Gov. Janet Mills", "Lt. Gen. Court" are people.
 */
const RANK_BODY = /^(?:General|Chief) (?:Assembly|Motors|Electric|Dynamics|Mills|Staff|Secretariat|Command|Directorate|Council|Committee|Synod|Conference|Hospital|Rabbinate)$/;

/** Whether `rest` reads as a person's name: one to three capitalised words, no small word, no body word. */
function personalName(rest: string): boolean {
  const words = rest.trim().split(/\s+/);
  return words.length >= 1 && words.length <= 3 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w)) && !BODY_WORDS.test(rest);
}

function titleMakesPerson(title: string | null, rest: string): boolean {
  if (title === null) return false;
  if (PERSONAL.has(title)) return true;
  if (OFFICES.has(title)) return personalName(rest);
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
    'counsel economist strategist campaigner activist founder co-founder chief-executive teacher administrator ' +
    'researcher scientist physician doctor nurse surgeon student agent investigator engineer pilot soldier veteran ' +
    'farmer superintendent lecturer historian commentator columnist consultant trustee treasurer trooper marshal ' +
    'warden firefighter entrepreneur investor banker designer artist musician producer filmmaker photographer ' +
    'athlete quarterback rapper comedian expert specialist resident'
  ).split(' '),
);
const ROLE_MODIFIERS = new Set(
  (
    'foreign defence defense home interior finance justice health prime vice deputy former then acting chief ' +
    'general executive senior special top military security national state press communications campaign ' +
    'opposition shadow labour conservative democratic republican party white house trade economy education ' +
    'energy environment transport culture foreign-affairs of for and the staff affairs'
  ).split(' '),
);

export interface BuildActorsOptions {
  /**
   * Canonical name for a name of a type, or null: lets a caller map known variants to one name across articles
   * (e.g. "UK" → "United Kingdom" from a country list). Default: none.
   */
  canonical?: (name: string, type: EntityType) => string | null;
  /**
   * What general name lists know about a name (listed organisation, listed place, first name), e.g. from the
   * gazetteers shipped in the NER model (`nameFacts` in lib/nlp/ner). Default: nothing known.
   */
  facts?: (name: string) => NameFacts;
  /** The article's headline: an actor it names ranks before others with as many mentions (salience). */
  title?: string;
  /**
   * Who published the page, and the site that carried it (`Article.publisher`, `aggregator`): a name
   * that is one of them is that organisation, however the text uses it ("Wikinews interviews …",
   * "((Wikinews)) What made you run?", read as a person or a place from its spot in the sentence),
   * unless the lists know it as a place (the publisher of cleveland.com is "Cleveland").
   */
  publishers?: (string | null)[];
}

/** The keys of the names a page's publishers go by: "The Independent UK" → "independent uk", "independent". */
function publisherKeys(names: (string | null)[] | undefined): Set<string> {
  const keys = new Set<string>();
  for (const n of names ?? []) {
    if (!n) continue;
    const key = lowerKey(n.replace(/^the\s+/i, '').replace(/\.(?:com|org|net|co\.uk)$/i, ''));
    if (!key) continue;
    keys.add(key);
    // A country or an edition after the name: "The Independent UK", "Mail Online".
    const short = key.replace(/ (?:uk|us|usa|online)$/, '');
    if (short !== key && short) keys.add(short);
  }
  return keys;
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
  /** A title stands right before the name, whatever the tagger called it ("Gov. Eric Holcomb" tagged a place). */
  titled: boolean;
  /** Type cues from the list the mention stands in ("Blue Origin, Ceres Robotics and SpaceX"). */
  listCues: TypeCues;
}

/** Whether the words `w` stand in `hw` in the same order (not necessarily side by side). */
function inOrder(w: readonly string[], hw: readonly string[]): boolean {
  let j = 0;
  for (const x of hw) if (x === w[j]) j++;
  return j === w.length;
}

function normSpace(s: string): string {
  return s
    .replace(/\u00ad/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[’‘]/g, "'")
    .trim();
}

function lowerKey(s: string): string {
  return normSpace(s).toLowerCase();
}

/** Title at the end of `before` (text just before a mention), written with a capital, separated by a space. */
function titleBefore(before: string): string | null {
  let b = before.trimEnd();
  if (b.length === before.length) return null; // no space between title and name
  if (/\w[\])]$/.test(b)) b = b.slice(0, -1); // an editor's bracket: "[President] Biden"
  for (const t of TITLES) {
    if (b.endsWith(t)) {
      const prev = b[b.length - t.length - 1];
      if (prev === undefined || /[\s"“‘'([—–-]/.test(prev)) return t;
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

/** Initials of every word, connectors and "The" included ("TRD" for "The Real Deal"). */
function allInitials(words: string[]): string {
  return words.map((w) => w[0]!.toUpperCase()).join('');
}
/**
 * Is `acr` the initials of the words, with any of their first three connectors kept or left out ("MOTIE" for
 * "Ministry of Trade, Industry and Energy": "of" kept, "and" left out)?
 */
function initialsWithSomeConnectors(words: string[], acr: string): boolean {
  const connectors = words.flatMap((w, i) => (CONNECT.has(w.toLowerCase()) ? [i] : [])).slice(0, 3);
  for (let keep = 0; keep < 1 << connectors.length; keep++) {
    const kept = new Set(connectors.filter((_, j) => keep & (1 << j)));
    const form = words
      .filter((w, i) => !CONNECT.has(w.toLowerCase()) || kept.has(i))
      .map((w) => w[0]!.toUpperCase())
      .join('');
    if (form === acr) return true;
  }
  return false;
}

/** Name particles: "bin Laden", "al-Assad", "de Gaulle", "van der Beek". */
const PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'abu', 'ben']);

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
  const rest = atStart ? text.slice(atStart.length + 1) : '';
  // (a rank before a body's word is the body's name: "General Assembly", "General Motors")
  let body = RANK_BODY.test(text);
  const inner = !body && (m.type === 'PER' || titleMakesPerson(atStart, rest)) ? atStart : null;
  if (inner) {
    title = inner;
    core = text.slice(inner.length + 1);
  } else {
    const before = titleBefore(para.slice(Math.max(0, start - 40), start));
    if (before && RANK_BODY.test(`${before} ${text}`) && para.slice(0, start).endsWith(`${before} `)) {
      // the tagger left the rank out of the body's name ("the General Assembly")
      body = true;
      start -= before.length + 1;
      text = para.slice(start, end);
      core = text;
    } else if (before && (m.type === 'PER' || PERSONAL.has(before) || (OFFICES.has(before) && personalName(text.replace(POSSESSIVE_RE, ''))))) {
      // Only titles that can only mean a person change a non-person mention; others only join a person mention.
      title = before;
      // the alias takes the title as written, but not an editor's bracketed one ("[President] Biden")
      if (!/[\])]\s*$/.test(para.slice(0, start))) {
        start -= before.length + (para.slice(0, start).length - para.slice(0, start).trimEnd().length);
        text = para.slice(start, end);
      }
    }
  }
  core = normSpace(core);
  const personal = titleMakesPerson(title, core);
  const type: EntityType = personal ? 'PER' : body && m.type === 'PER' ? 'ORG' : m.type;
  const titled = !body && (title !== null || titleBefore(para.slice(Math.max(0, m.start - 40), m.start)) !== null);
  return {
    titled,
    listCues: { PER: 0, ORG: 0, LOC: 0 },
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

/** What general lists (gazetteers) know about a name: a listed organisation, a listed place, a first name. */
export interface NameFacts {
  org: boolean;
  loc: boolean;
  /** Known as a place only from a list of cities, which holds many surnames ("Hamilton", "Jackson"). */
  cityOnly: boolean;
  firstName: boolean;
  /** A listed demonym ("Israeli", "American"). */
  demonym?: boolean;
  /** One of the language's ordinary words, written in lower case in running text ("lack", "citizens"). */
  ordinary?: boolean;
}

const NO_FACTS: NameFacts = { org: false, loc: false, cityOnly: false, firstName: false, demonym: false };

/** Grouping key of a name: lower case, no leading "the" ("The New York State Attorney General"). */
function nameKey(core: string): string {
  return (
    lowerKey(core)
      .replace(/^the\s+(?=\S)/, '')
      .replace(/^([\p{L}-]+)\.(?:com|org|net|info|io|co|news)$/u, '$1') // "Snopes.com" is "Snopes"
      // "Department of Defense" is "Defense Department", "Department of Homeland Security" "Homeland Security Department"
      .replace(/^(department|ministry|office) of (?:the )?((?:[\p{L}-]+ ){0,3}[\p{L}-]+)$/u, '$2 $1')
      // "Tyvak Nano-Satellite Systems, Inc." is "Tyvak Nano-Satellite Systems Inc."
      .replace(LEGAL_COMMA, ' ')
  );
}

/** A country's or a state's formal name, as a key: "state of israel", "kingdom of saudi arabia". */
const FORMAL_STATE = /^(state|republic|kingdom|commonwealth|principality|sultanate|grand duchy) of (?:the )?((?:[\p{L}-]+ ){0,2}[\p{L}-]+)$/u;

/** The comma before a company's legal form at the end of its name (", Inc."). */
const LEGAL_COMMA = /, ?(?=(?:inc|corp|co|ltd|llc|plc|limited)\.?$)/u;
/** A company's legal form at the end of its name, with its comma (", Inc.", " Ltd"; keys have single spaces). */
const LEGAL_TAIL = /,? (?:inc|corp|co|ltd|llc|plc|limited)\.?$/u;

/** Everything known about one group of mentions that decides its type. */
interface Evidence {
  votes: Record<EntityType, number>;
  cues: TypeCues;
  personal: boolean;
  /** A form of two or more words that starts with a known first name ("Sheldon Richardson"). */
  firstNamed: boolean;
  multiWord: boolean;
  /** Some mention has a title right before it. */
  titled: boolean;
}

function evidenceOf(items: Item[], paragraphs: string[], facts: (name: string) => NameFacts): Evidence {
  const votes: Record<EntityType, number> = { PER: 0, ORG: 0, LOC: 0 };
  const cues: TypeCues = { PER: 0, ORG: 0, LOC: 0, apposition: 0, team: 0 };
  let personal = false;
  let firstNamed = false;
  let multiWord = false;
  let titled = false;
  for (const it of items) {
    votes[it.m.type] += it.personal ? 3 : 1;
    if (it.titled) titled = true;
    cues.PER += it.listCues.PER;
    // people listed with it count as firmly as a role in apposition
    cues.apposition = (cues.apposition ?? 0) + it.listCues.PER;
    cues.ORG += it.listCues.ORG;
    cues.LOC += it.listCues.LOC;
    if (it.personal || (it.title && (PERSONAL.has(it.title) || OFFICES.has(it.title)))) personal = true;
    if (it.words.length >= 2) {
      multiWord = true;
      if (startsWithFirstName(it.words, facts)) firstNamed = true;
    }
    const c = mentionCues(paragraphs[it.m.paragraph] ?? '', it.m);
    cues.PER += c.PER;
    cues.ORG += c.ORG;
    cues.LOC += c.LOC;
    cues.apposition = (cues.apposition ?? 0) + (c.apposition ?? 0);
    cues.team = (cues.team ?? 0) + (c.team ?? 0);
  }
  return { votes, cues, personal, firstNamed, multiWord, titled };
}

/** Words that begin place names and are also given names ("West Bank", "North Dakota", "New Jersey"). */
const PLACE_STARTERS = new Set([
  'north',
  'south',
  'east',
  'west',
  'new',
  'upper',
  'lower',
  'central',
  'greater',
  'little',
  'mount',
  'fort',
  'port',
  'lake',
  'saint',
  'st',
  'san',
  'santa',
  'los',
  'las',
  'el',
]);

/**
 * A name that starts like a person's: a known first name that is not also a country or a US state, not a word that
 * begins place names, and a name without a head noun ("… Hospital", "… County").
 */
function startsWithFirstName(words: string[], facts: (name: string) => NameFacts): boolean {
  const f = facts(words[0]!);
  if (!f.firstName || (f.loc && !f.cityOnly) || f.org) return false;
  if (PLACE_STARTERS.has(words[0]!.toLowerCase().replace(/\.$/, ''))) return false;
  return nameShapeType(words.join(' ')) === null;
}

/** A name whose first word is a listed country or US state ("Indiana State Police", "Britain Liu") is no person. */
function startsWithPlace(name: string, facts: (name: string) => NameFacts): boolean {
  const w = name.split(' ');
  if (w.length < 2) return false;
  const f = facts(w[0]!);
  return f.loc && !f.cityOnly;
}

const argmax = (v: Record<EntityType, number>): EntityType => (v.PER >= v.ORG && v.PER >= v.LOC ? 'PER' : v.ORG >= v.LOC ? 'ORG' : 'LOC');

/**
 * One type for everything a group's mentions call one name, from all the evidence in the article:
 * 1. a personal honorific ("Mr", "Sir", "President") makes a person; a name a box score writes as a team in half
 *    its mentions or more is an organisation, whatever place it also names;
 * 2. a name the general lists know as an organisation or a place is that (both: the text's cues and the tagger
 *    decide between the two);
 * 3. the name's own shape: a head noun ("… Robotics", "… County"), a web address, an inner capital ("WeWork");
 * 4. otherwise the tagger's majority, checked against the cues: a "person" that never appears with a known first
 *    name, a title, or person cues (he/she, "who", an age) is an organisation or a place; organisations and places
 *    are decided by tagger votes plus twice the cues.
 */
function decideType(name: string, ev: Evidence, facts: (name: string) => NameFacts, surnames: ReadonlySet<string>): EntityType {
  if (ev.personal) return 'PER';
  // a party's members named as a body ("Republicans who …" reads as people, but names the party)
  if (PARTY_MEMBERS.has(name)) return 'ORG';
  // a place that a box score writes as a team, in half its mentions or more ("Melbourne d. Cocoa 8-0")
  const c = ev.cues;
  if (2 * (c.team ?? 0) >= ev.votes.PER + ev.votes.ORG + ev.votes.LOC && (c.team ?? 0) > 0) return 'ORG';
  const general = generalKnowledge(name) ?? bodyType(name);
  if (general) return general;
  const f = facts(name);
  const orgOrLoc = (): EntityType =>
    ev.votes.ORG + 2 * c.ORG > ev.votes.LOC + 2 * c.LOC ? 'ORG' : ev.votes.LOC + 2 * c.LOC > ev.votes.ORG + 2 * c.ORG ? 'LOC' : ev.votes.ORG >= ev.votes.LOC ? 'ORG' : 'LOC';
  if (f.org && !f.loc) return 'ORG';
  if (f.loc && !f.org && !(f.cityOnly && ev.firstNamed)) return 'LOC';
  if (f.org && f.loc) return orgOrLoc();
  const shape = nameShapeType(name);
  if (shape) return shape;
  // a known first name before a surname after a title ("Gov. Eric Holcomb"), or called a person at least once and
  // not standing among organisations or places ("Blue Origin, Ceres Robotics and SpaceX")
  if (ev.firstNamed && ev.titled) return 'PER';
  // (the cues against are summed, but a name the tagger mostly calls a person outweighs them: "Trump's campaign",
  // "a spokeswoman for Trump" and "critical of Trump" read as an organisation's or a place's, beside six mentions
  // tagged as a person)
  const perScore = ev.votes.PER + 2 * c.PER;
  const perLeads = perScore > Math.max(ev.votes.ORG + 2 * c.ORG, ev.votes.LOC + 2 * c.LOC);
  if (ev.firstNamed && (ev.votes.PER > 0 || c.PER > 0) && (c.ORG + c.LOC < c.PER + 2 || perLeads)) return 'PER';
  // A city's name that is also a first name, before a word no list knows and that is no word of the
  // language: a person the tagger read as a place ("Florence Pugh", "Nancy Cordes"), when nothing
  // around it says place or body ("Jackson Hole" and "Chad Wolf" end in a word of the language,
  // "Florence County" in a head word).
  const words = name.split(' ');
  if (words.length === 2 && ev.votes.LOC > 0 && c.ORG + c.LOC === 0 && /^\p{Lu}\p{Ll}+$/u.test(words[1]!)) {
    const first = facts(words[0]!);
    const last = facts(words[1]!);
    if (first.firstName && first.cityOnly && !last.loc && !last.org && !last.ordinary && !last.firstName && !last.demonym) return 'PER';
  }
  const base = argmax(ev.votes);
  if (base === 'PER') {
    if ((ev.firstNamed && c.ORG + c.LOC < c.PER + 2) || (ev.titled && ev.multiWord)) return 'PER';
    // (a place's name first, "Jordan Munoz", is a person's when the text around says person more than anything else)
    if (startsWithPlace(name, facts) && c.PER <= c.ORG + c.LOC) return orgOrLoc();
    // a name made only of the language's ordinary words, none of them a first name, names a thing or
    // a body, not a person ("Big Machine", "Grateful Dead", "Camp Closure"): surnames that are also words
    // ("Brown", "Bush") are written with a capital too often to be counted ordinary
    if (ev.multiWord && name.split(' ').every((w) => facts(w).ordinary === true && !facts(w).firstName)) return c.LOC > c.ORG ? 'LOC' : 'ORG';
    const otherCues = Math.max(c.ORG, c.LOC);
    if (!ev.multiWord) {
      // one word, never with a first name or a title: a person only with person cues or when it is a first name
      if ((f.firstName && c.PER >= otherCues) || c.PER > otherCues) return 'PER';
      return c.LOC > c.ORG ? 'LOC' : 'ORG';
    }
    if (c.ORG + c.LOC > c.PER) return c.LOC > c.ORG ? 'LOC' : 'ORG';
    return 'PER';
  }
  if (c.PER > 0 && (ev.votes.PER > 0 || (c.apposition ?? 0) > 0) && perLeads) return 'PER';
  // The tagger never called it a person, but the text around it does, over and over, and it is the
  // surname of someone the article names in full: "Ford wrote", "Ford's novels", "he" after "Ford"
  // (Slate on John M. Ford: 47 mentions tagged as an organisation, 24 person cues against 2). A
  // first name alone is not enough: "Navy" is one.
  if (c.PER >= 3 && c.PER > 2 * (c.ORG + c.LOC) && !ev.multiWord && surnames.has(name.toLowerCase())) return 'PER';
  return orgOrLoc();
}

/**
 * Two names the tagger read as one: "Colorado,Washington" (a comma with no space), or "ABC News and Politifact" when
 * both halves are names on their own (each is tagged alone elsewhere in the article, or listed).
 */
/** A name that reads as a body or a place by its own words ("Bureau of Prisons", "Department of Justice", "Gulf of Mexico"). */
const bodyLike = (name: string): boolean =>
  /^\p{Lu}[\p{L}'’.-]*(?: (?:of|for|on)(?: the)? \p{Lu}[\p{L}'’.-]*)+$|\b(?:Department|Ministry|Office|Bureau|Agency|Council|Committee|Commission|Court|Service|Police|Army|Navy|Party|Government|University|Bank|Board|Authority|Institute|Association|Union|Foundation|Corporation|Company)\b/u.test(
    name,
  );

/** Whether a name stands on its own: written alone in the article (`alone`, lower-cased keys), or a listed body or place (not a city only). */
function knownName(alone: ReadonlySet<string>, facts: (name: string) => NameFacts): (name: string) => boolean {
  return (s) => alone.has(lowerKey(s)) || facts(s).org || (facts(s).loc && !facts(s).cityOnly);
}

/**
 * Two names the tagger cut at "and" or "&" where the whole is a listed place or body ("Bosnia" and
 * "Herzegovina" in "Bosnia and Herzegovina", "Trinidad and Tobago"): one name.
 */
function joinListedNames(paragraphs: string[], mentions: Mention[], facts: (name: string) => NameFacts): Mention[] {
  const out: Mention[] = [];
  for (const m of [...mentions].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)) {
    const prev = out[out.length - 1];
    const para = paragraphs[m.paragraph] ?? '';
    if (prev && prev.paragraph === m.paragraph && /^\s+(?:and|&)\s+$/.test(para.slice(prev.end, m.start))) {
      const f = facts(para.slice(prev.start, m.end));
      if (f.loc || f.org) {
        out[out.length - 1] = { ...prev, end: m.end, text: para.slice(prev.start, m.end), type: f.loc && !f.org ? 'LOC' : 'ORG' };
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

function splitJoinedNames(paragraphs: string[], mentions: Mention[], facts: (name: string) => NameFacts): Mention[] {
  const alone = new Set(mentions.filter((m) => !/\sand\s/.test(m.text)).map((m) => lowerKey(m.text.replace(POSSESSIVE_RE, ''))));
  // a company named with its legal form is known without it ("Tyvak Nano-Satellite Systems, Inc.")
  for (const key of [...alone]) if (LEGAL_TAIL.test(key)) alone.add(key.replace(LEGAL_TAIL, ''));
  // the surname of a person named in full ("Warren and Sanders" after "Bernie Sanders")
  for (const m of mentions) {
    const words = m.type === 'PER' && !/\sand\s/.test(m.text) ? m.text.replace(POSSESSIVE_RE, '').split(/\s+/) : [];
    if (words.length >= 2) alone.add(lowerKey(words[words.length - 1]!));
  }
  const known = knownName(alone, facts);
  const out: Mention[] = [];
  for (const m of mentions) {
    const para = paragraphs[m.paragraph] ?? '';
    const text = para.slice(m.start, m.end) || m.text;
    const comma = /^(\p{Lu}[^,]*),(\p{Lu}.*)$/u.exec(text);
    const and = /^(\p{Lu}.*?) and (\p{Lu}.*)$/u.exec(text);
    // "the Bureau of Prisons and the Department of Justice": a second "the" starts a second name
    const andThe = /^(\p{Lu}.*?) and the (\p{Lu}.*)$/u.exec(text);
    const parts = comma
      ? [comma[1]!, comma[2]!]
      : and && known(and[1]!) && known(and[2]!.replace(POSSESSIVE_RE, ''))
        ? [and[1]!, and[2]!]
        : andThe && (bodyLike(andThe[1]!) || known(andThe[1]!)) && (bodyLike(andThe[2]!) || known(andThe[2]!.replace(POSSESSIVE_RE, '')))
          ? [andThe[1]!, andThe[2]!]
          : null;
    if (!parts) {
      out.push(m);
      continue;
    }
    const second = m.start + text.length - parts[1]!.length;
    out.push({ ...m, end: m.start + parts[0]!.length, text: parts[0]! });
    out.push({ ...m, start: second, text: parts[1]! });
  }
  return out;
}

/**
 * A person's name the tagger glued to the organisation or place before it, through a role or a
 * position ("Supreme Court Justice Ruth Bader Ginsburg", "Conservative MP Philip Hammond", "Cleveland
 * DL Larry Ogunjobi", "Scotland Nicola Sturgeon" with Sturgeon a person elsewhere): one organisation
 * or place made of both, so the person was missing and the body was a name nobody writes. The tail
 * is a person when it starts with a known first name, is two to four capitalised words that do not
 * name a body ("Santa Barbara County Sheriff" stays), and either a role word or a position's
 * abbreviation stands right before it, or its last word is a person elsewhere in the article. The
 * part before the role is kept when it is a name the article or the lists know on its own.
 */
function splitRoleNames(paragraphs: string[], mentions: Mention[], facts: (name: string) => NameFacts): Mention[] {
  const people = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const words = m.text.replace(POSSESSIVE_RE, '').split(/\s+/);
    people.add(lowerKey(words[words.length - 1]!));
  }
  const alone = new Set(mentions.map((m) => lowerKey(m.text.replace(POSSESSIVE_RE, ''))));
  const known = knownName(alone, facts);
  const out: Mention[] = [];
  for (const m of mentions) {
    const text = (paragraphs[m.paragraph] ?? '').slice(m.start, m.end) || m.text;
    const words = [...text.matchAll(/\S+/g)];
    let split = false;
    for (let k = 1; m.type !== 'PER' && words.length >= 3 && k <= words.length - 2 && !split; k++) {
      const tail = words.slice(k);
      if (tail.length > 4 || !facts(tail[0]![0]).firstName || !tail.every((w) => /^\p{Lu}/u.test(w[0]))) continue;
      const tailText = text.slice(tail[0]!.index);
      if (bodyLike(tailText) || BODY_WORDS.test(tailText) || facts(tailText.replace(POSSESSIVE_RE, '')).org || facts(tailText).loc) continue;
      const before = words[k - 1]![0].replace(POSSESSIVE_RE, '');
      // a saint's title begins places and bodies more often than it stands before a person here ("Saint Louis Chess Club")
      const role = isRoleWord(before) || (TITLE_SET.has(before) && !/^(?:Saint|St\.?)$/.test(before)) || /^\p{Lu}{2,3}$/u.test(before);
      if (!role && !people.has(lowerKey(tail[tail.length - 1]![0].replace(POSSESSIVE_RE, '')))) continue;
      const headEnd = role ? k - 1 : k;
      const head = headEnd > 0 ? text.slice(0, words[headEnd - 1]!.index + words[headEnd - 1]![0].length) : '';
      if (head && known(head)) out.push({ ...m, end: m.start + head.length, text: head });
      out.push({ ...m, start: m.start + tail[0]!.index, text: tailText, type: 'PER' });
      split = true;
    }
    if (!split) out.push(m);
  }
  return out;
}

/**
 * Nicknames the text introduces right after a person's name: "Grace Mugabe, known as Gucci Grace", "Jane Roe (also
 * called “Red Jane”)", "Tom Poe, nicknamed Big Tom". Maps the nickname's mention to the person's.
 */
function nicknames(paragraphs: string[], items: Item[]): Map<Item, Item> {
  const out = new Map<Item, Item>();
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1]!;
    const it = items[i]!;
    if (prev.m.paragraph !== it.m.paragraph || prev.type !== 'PER') continue;
    const between = (paragraphs[it.m.paragraph] ?? '').slice(prev.m.end, it.m.start);
    if (/^\s*(?:,|\(|—|–)\s*(?:also\s+|widely\s+|better\s+|popularly\s+)?(?:known\s+as|called|dubbed|nicknamed)\s+(?:the\s+)?["“‘']?$/i.test(between)) {
      out.set(it, out.get(prev) ?? prev);
    }
  }
  return out;
}

/**
 * How much an actor matters beyond its count of mentions: named in the headline, in the lead (the first three
 * paragraphs), as a speaker ("X said", "said X", "according to X"), with firm evidence of its type (a title, a known
 * first name, a listed name, a name's own head word).
 */
function salienceOf(its: Item[], paragraphs: string[], title: string, ev: Evidence): number {
  let s = 0;
  const forms = new Set(its.map((it) => it.core.toLowerCase()));
  const t = title.toLowerCase();
  if (t && [...forms].some((f) => f.length > 2 && wholeWordsAt(t, f) >= 0)) s += 2;
  if (its.some((it) => it.m.paragraph < 3)) s += 1;
  const speaks = its.some((it) => {
    const para = paragraphs[it.m.paragraph] ?? '';
    return (
      /^(?:['’]s?)?\s*(?:,[^,]{0,60},\s*)?(?:said|says|told|added|wrote|tweeted|announced)\b/.test(para.slice(it.m.end, it.m.end + 80)) ||
      /\b(?:said|says|according\s+to|told)\s+$/.test(para.slice(Math.max(0, it.m.start - 20), it.m.start))
    );
  });
  if (speaks) s += 1;
  if (ev.personal || ev.titled || ev.firstNamed) s += 1;
  return s;
}

/** A name the lists or its own head word type ("Acme Robotics", a listed country or company). */
function firmlyTyped(name: string, facts: (name: string) => NameFacts): boolean {
  const f = facts(name);
  return (f.org !== f.loc && !f.cityOnly) || nameShapeType(name) !== null || generalKnowledge(name) !== null;
}

/** What a name is on its own evidence (a personal title, the lists, its shape), for its neighbours in a list. */
function strongType(it: Item, facts: (name: string) => NameFacts): EntityType | null {
  if (it.personal) return 'PER';
  const name = it.core.replace(/^the\s+/i, '');
  const general = generalKnowledge(name) ?? bodyType(name);
  if (general) return general;
  const f = facts(name);
  if (f.org && !f.loc) return 'ORG';
  if (f.loc && !f.org && !f.cityOnly) return 'LOC';
  const shape = nameShapeType(name);
  if (shape) return shape;
  if (it.m.type === 'PER' && it.words.length >= 2 && startsWithFirstName(it.words, facts)) return 'PER';
  return null;
}

/** What may stand between two names of a list, with white space made single spaces and trimmed. */
const LIST_JOIN = /^(?:\([^()]{1,12}\) ?|\) ?)?(?:,|(?:, ?| )?(?:and|or)(?: the)?)$|^\($/;
const LIST_LOC_NOUN = /^\s+(?:counties|states|provinces|regions|cities|towns|countries|districts)\b/;
const LIST_ORG_NOUN = /^\s+(?:companies|firms|groups|parties|newspapers|agencies|universities|banks|airlines|teams|clubs)\b/;

/**
 * Names listed together are of one kind: each name in "Blue Origin, Ceres Robotics, Sierra Nevada Corporation and
 * SpaceX" gets a cue for each type its neighbours have on their own evidence (at most two per type), and a plural
 * noun closing the list types them all ("Barry, Cass and Van Buren counties").
 */
function addListCues(paragraphs: string[], items: Item[], facts: (name: string) => NameFacts): void {
  let chain: Item[] = [];
  let coordinated = false;
  const close = () => {
    // a list has "and" or "or" in it, or three names: "Speaking to Acme, Sir Keir said" is no list
    if (chain.length >= 3 || (chain.length === 2 && coordinated)) {
      const strong = chain.map((it) => strongType(it, facts));
      const last = chain[chain.length - 1]!;
      const after = (paragraphs[last.m.paragraph] ?? '').slice(last.m.end, last.m.end + 30);
      const noun: EntityType | null = LIST_LOC_NOUN.test(after) ? 'LOC' : LIST_ORG_NOUN.test(after) ? 'ORG' : null;
      chain.forEach((it, i) => {
        for (const t of ['PER', 'ORG', 'LOC'] as EntityType[]) {
          const n = strong.filter((x, j) => j !== i && x === t).length;
          it.listCues[t] += Math.min(2, n);
        }
        if (noun) it.listCues[noun] += 2;
      });
    }
    chain = [];
    coordinated = false;
  };
  for (const it of items) {
    const prev = chain[chain.length - 1];
    const between = prev && prev.m.paragraph === it.m.paragraph ? (paragraphs[it.m.paragraph] ?? '').slice(prev.m.end, it.m.start) : null;
    if (between !== null && between.length < 40 && LIST_JOIN.test(between.replace(/\s+/g, ' ').trim())) {
      chain.push(it);
      if (/\s(?:and|or)\s/.test(between)) coordinated = true;
      continue;
    }
    close();
    chain = [it];
  }
  close();
}

/**
 * True when the text around an acronym spells it out in lower-case words ("hypersensitivity pneumonitis" for "HP",
 * "initial public offering" for "IPO"): it abbreviates a common noun, not a name. (Acronyms of names are spelled out
 * in capitals and join that name.)
 */
function spelledInLowerCase(acr: string, texts: string[]): boolean {
  const n = acr.length;
  const a = acr.toLowerCase();
  for (const p of texts) {
    if (!p.includes(' ')) continue;
    const words = p.split(/[\s-]+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
    for (let i = 0; i + n <= words.length; i++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const w = words[i + j]!;
        ok = w.length > 2 && w[0] === a[j] && /^\p{Ll}+$/u.test(w);
      }
      if (ok) return true;
    }
  }
  return false;
}

/** The rest of a place named with a possessive, after its first word ("’s Vineyard" of "Martha’s Vineyard"). */
const POSSESSIVE_PLACE = /^['’]s\s+(?:Vineyard|Island|Wood|Cross|Bay|Point|Harbou?r|Landing|Wharf|Kitchen|End|Creek|Cove)\b/u;

/**
 * An ordinary word of the language, unless the lists know it as a country or a state ("Turkey" stays). The other
 * lists hold ordinary words among their names (the first names list has "Wait", the companies' "Citizens"), and
 * how news text writes the word says more than they do.
 */
function ordinaryInLanguage(word: string, facts: (name: string) => NameFacts): boolean {
  const f = facts(word);
  return f.ordinary === true && !(f.loc && !f.cityOnly);
}

/**
 * Does the text before `start` end a sentence, or open a paragraph (after an emoji: "📱 Torn between
 * …") or a quotation? With `headings`, also any word of a heading written in title case ("Power and
 * Performance"): it opens nothing, but its capital says as little.
 */
function opensSentence(para: string, start: number, headings = false): boolean {
  if (headings && titleCaseHeading(para)) return true;
  const before = (start > 12 ? 'x' : '') + para.slice(Math.max(0, start - 12), start);
  // …or follow the speaker's label that opens a transcript's paragraph ("Q: Well, …", "STALLMAN: Yes,
  // …", "((Richard Stallman)) Well, …").
  return /(?:^[\s\p{So}]*|[.!?…][”’"')\]]*\s+|[“‘"'([]\s*)$/u.test(before) || (start <= 48 && SPEAKER_LABEL.test(para.slice(0, start)));
}

/**
 * A short paragraph that is a heading in title case: two to twelve words, no full stop at its end, and
 * every word of four letters or more capitalised ("Power and Performance", "Common Problems in Student
 * Newsrooms").
 */
function titleCaseHeading(para: string): boolean {
  const text = para.trim();
  if (text.length > 120 || /[.!;,]$/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 12) return false;
  let long = 0;
  for (const w of words) {
    const letters = w.replace(/[^\p{L}]/gu, '');
    if (letters.length < 4) continue;
    if (!/^\p{Lu}/u.test(letters)) return false;
    long++;
  }
  return long >= 2;
}

/** A transcript's speaker label, all the text before a paragraph's first word (see `opensSentence`). */
const SPEAKER_LABEL = /^\s*(?:\(\([^()]{1,40}\)\)|\[[^\]]{1,40}\]|[\p{L} .'’-]{1,40}:)\s*$/u;

/**
 * A company's product or service named after it, which the tagger took for a place or a person:
 * "Google Stadia" (a place six times on two pages), "Amazon Alexa". The first word is a company or a
 * platform the lists know (no place, no ordinary word: not "Southern California") that the article
 * also names on its own (`singles`: "Google's offices"), the rest no word of a body's name ("Amazon Web
 * Services" stays), and half its mentions or more are tagged as a place or a person.
 */
function companyProduct(name: string, its: Item[], singles: ReadonlySet<string>, facts: (name: string) => NameFacts): boolean {
  const words = name.split(' ');
  const company = words[0]!;
  if (words.length < 2 || words.length > 3 || !singles.has(company) || nameShapeType(name) || generalKnowledge(name)) return false;
  const f = facts(company);
  if (!isPlatform(company) && !(f.org && !f.loc && !f.ordinary && !f.firstName)) return false;
  // a name the lists know, or a place after the word ("Southern California"), is no product
  const whole = facts(name);
  if (whole.org || whole.loc || facts(words.slice(1).join(' ')).loc) return false;
  return 2 * its.filter((it) => it.m.type === 'LOC' || it.m.type === 'PER').length >= its.length;
}

/**
 * A merged group of mentions that names no actor: a thing (its longest name ends in a thing word, "Hubble Space
 * Telescope", or at least half its mentions are written as a thing, "the Progress cargo ship", "“Super Mario Run”"),
 * or a people ("Uighurs", "South Dakotans"), or a company's product named after it (`companyProduct`). Names the
 * lists know as organisations or places and names with a personal title are kept.
 */
function notAnActor(its: Item[], paragraphs: string[], facts: (name: string) => NameFacts, singles: ReadonlySet<string> = new Set()): boolean {
  if (its.some((it) => it.personal)) return false;
  const longest = its.reduce((a, b) => (b.core.length > a.core.length ? b : a)).core.replace(/^the\s+/i, '');
  if (
    /^[A-Z]{2,5}$/.test(longest) &&
    spelledInLowerCase(
      longest,
      its.map((it) => (paragraphs[it.m.paragraph] ?? '').slice(Math.max(0, it.m.start - 150), it.m.end + 150)),
    )
  )
    return true;
  if (isThingName(longest)) return true;
  if (isProductName(longest) && its.every((it) => it.type !== 'PER')) return true;
  if (companyProduct(longest, its, singles, facts)) return true;
  if (its.every((it) => THING_ABBREVIATIONS.has(it.core.replace(/^the\s+/i, '')))) return true;
  // a product named by its brand alone, whichever of its forms ("Xbox", "the Xbox"; "Xbox One" is a model of it)
  // (not a body named after it: "Android Authority", "Bitcoin Foundation")
  if (its.every((it) => PRODUCT_NAMES.has(it.core.replace(/^the\s+/i, '').split(' ')[0]!)) && !nameShapeType(longest)) return true;
  if (isPeopleName(longest, facts)) return true;
  // A member's description in apposition ("Senator Chris Coons, Democrat of Delaware"): the person is named beside it.
  if (/^(?:Democrat|Republican|Independent) of \p{Lu}/u.test(longest)) return true;
  const f = facts(longest);
  if (f.org || f.loc || generalKnowledge(longest)) return false;
  // One ordinary word of the language, named once or twice and never as part of more: a word the
  // tagger took for a name ("Advocacy" of "Research and Advocacy Director", "Overhaul", "Thriller",
  // "Congressman"), not a body's head word ("the Legislature"), a first name, a people, a name the
  // tagger calls a person (a word's capital inside a sentence is its own: "Nobody was Torn about
  // it"), a state's code ("CA"), nor a word the text around calls a body, a place or a person
  // ("Time magazine", "Heritage d. Titusville 53-9").
  if (
    its.length <= 2 &&
    !/\s/.test(longest) &&
    !/^[A-Z]{2}$/.test(longest) &&
    f.ordinary &&
    !f.firstName &&
    !f.demonym &&
    !isHeadWord(longest) &&
    !GOVERNING_NOUNS.includes(longest.toLowerCase()) &&
    its.every((it) => it.m.type !== 'PER') &&
    its.every((it) => {
      const c = mentionCues(paragraphs[it.m.paragraph] ?? '', it.m);
      return c.PER + c.ORG + c.LOC + (c.team ?? 0) === 0;
    })
  )
    return true;
  // A name inside a quoted title is part of the work's name ("Paradise Built" of "A Paradise Built in
  // Hell: The Extraordinary Communities that Arise in Disaster"), unless it is a person's, first name
  // and all, tagged as one ("“The Late Show with Stephen Colbert”").
  const person = its.some((it) => it.m.type === 'PER') && startsWithFirstName(longest.split(' '), facts);
  let things = 0;
  for (const it of its) {
    const para = paragraphs[it.m.paragraph] ?? '';
    const t = thingCue(para, it.m) || (!person && inQuotedTitle(para, it.m) ? 1 : 0);
    if (t === 2) return true;
    if (t) things++;
  }
  return things > 0 && 2 * things >= its.length;
}

/** Drops mentions that are credits, bylines, navigation or ordinary words; trims glued caption labels. */
function keepMention(paragraphs: string[], m: Mention): Mention | null {
  const para = paragraphs[m.paragraph] ?? '';
  let start = m.start;
  const text = para.slice(m.start, m.end) || m.text;
  // A bracket the name does not close is an editor's insertion cut in two ("Coach (Frank) Vogel"
  // tagged as "Frank) Vogel"): the name is what stands after it.
  const close = text.indexOf(')');
  const cut = close >= 0 && !text.slice(0, close).includes('(') ? close + 1 + (/^\s*/.exec(text.slice(close + 1))?.[0].length ?? 0) : 0;
  const label = cut || captionLabelLength(text) || interjectionLength(text);
  if (label) start += label;
  const mm = { ...m, start, text: para.slice(start, m.end) || text.slice(label) };
  if (!mm.text.trim() || (cut && !/^\p{L}/u.test(mm.text))) return null;
  if (creditReason(para, mm) !== null) return null;
  if (isOrdinaryWord(mm.text.replace(POSSESSIVE_RE, '')) || isNotAName(mm.text)) return null;
  if (titleOnly(normSpace(mm.text.replace(POSSESSIVE_RE, '')))) return null;
  if (WEEKDAY.test(mm.text) && DATE_AFTER.test(para.slice(m.end, m.end + 12))) return null;
  return mm;
}

/** A day of the week, whole or cut short ("Sun", "Thurs."), and a day's number after it: a date ("Sun, 06 Dec 2026"), not the Sun. */
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|\.)?$|^(?:tues|wednes|thurs|satur)day$/i;
const DATE_AFTER = /^\.?,?\s*(?:\d{1,2}\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)/i;

// ---------------------------------------------------------------------------------------------------------------
// Display names written in capitals

/** A form with no lower-case letter and a run of capitals: "MADRID", "CARRIE ANN INABA", also "NATO". */
function shouted(form: string): boolean {
  return !/\p{Ll}/u.test(form) && /\p{Lu}{2}/u.test(form);
}

/** Small words that stay lower case inside a name ("Bank of England", "Ludwig van Beethoven"). */
const NAME_SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'y']);

/** "O'NEILL" → "O'Neill", "JEAN-PIERRE" → "Jean-Pierre". */
function titleWord(w: string): string {
  return w.toLowerCase().replace(/(^|[-'\u2019.])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/**
 * How the article spells a word outside capitals: its title-case spelling when it has one ("Inaba"),
 * whether it also uses the word in lower case ("new"), and whether it writes the capitals alone inside
 * running text, after a word in lower case ("the NASA mission"), as an acronym is written. A word
 * seen only at the start of a paragraph or in a run of capitals (a dateline, a caption) is shouted.
 */
/** The article lower-cased once for `spellings`, and how many more words it may look up (a hostile page can shout thousands of names). */
interface SpellingScan {
  paragraphs: string[];
  lower: string[] | null;
  left: number;
}

/** Words looked up per article at most; names past it are title-cased by their shape alone. */
const MAX_SPELLING_LOOKUPS = 64;

function spellings(word: string, scan: SpellingScan): { title: string | null; lower: boolean; acronym: boolean } {
  const titles = new Map<string, number>();
  const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const needle = word.toLowerCase();
  let lower = false;
  let acronym = false;
  if (scan.left <= 0) return { title: null, lower, acronym };
  scan.left--;
  scan.lower ??= scan.paragraphs.map((p) => p.toLowerCase());
  for (const [n, para] of scan.paragraphs.entries()) {
    const low = scan.lower[n]!;
    if (low.length !== para.length) continue; // lower-casing moved the offsets (rare letters): skip the paragraph
    for (let i = low.indexOf(needle); i >= 0; i = low.indexOf(needle, i + 1)) {
      if (wordChar(para[i - 1]) || wordChar(para[i + needle.length])) continue;
      const w = para.slice(i, i + needle.length);
      if (!/\p{Ll}/u.test(w)) {
        const before = para.slice(Math.max(0, i - 40), i);
        const prev = before.trimEnd();
        const next =
          para
            .slice(i + needle.length, i + needle.length + 40)
            .trimStart()
            .split(/\s/)[0] ?? '';
        // Written alone among ordinary words ("the NASA mission"), not inside a run of capitals ("Judge CARRIE ANN INABA").
        if (prev.length < before.length && /\p{Ll}/u.test(prev.split(/\s/).pop() ?? '') && !shouted(next)) acronym = true;
      } else if (/^\p{Lu}/u.test(w)) titles.set(w, (titles.get(w) ?? 0) + 1);
      else lower = true;
    }
  }
  const title = [...titles.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
  return { title, lower, acronym };
}

/**
 * A display name for a name the article only writes in capitals. Each word takes the article's own
 * ordinary spelling when it has one; a word the article uses as an acronym ("NATO", "BBC", "US") or
 * that has no vowel stays in capitals; the rest is title-cased ("MADRID" → "Madrid", "CARRIE ANN
 * INABA" → "Carrie Ann Inaba"). Only names in capitals come here, so this costs nothing on most pages.
 */
function unshout(name: string, scan: SpellingScan, facts: (name: string) => NameFacts): string {
  const words = name.split(' ');
  const out = words.map((w, i) => {
    const letters = w.replace(/[^\p{L}]/gu, '');
    if (letters.length < 2) return w;
    if (i > 0 && NAME_SMALL_WORDS.has(w.toLowerCase())) return w.toLowerCase();
    if (letters.length === 2) return w; // "US", "UK", "EU"
    if (/^[A-Z]+$/.test(letters) && !/[AEIOUY]/.test(letters)) return w; // "BBC", "NHS", "CNN"
    const seen = spellings(w, scan);
    if (seen.title) return seen.title;
    if (seen.acronym) return w;
    if (words.length === 1 && letters.length <= 5 && facts(w).org) return w; // a listed body written as an acronym ("NATO", "OPEC")
    // "CIA", "ABC"; not "ANN", a first name, nor the "NEW", "LOS" or "SAN" that begins a place ("NEW YORK")
    if (letters.length === 3 && !seen.lower && !facts(titleWord(w)).firstName && !(i === 0 && words.length > 1 && PLACE_STARTERS.has(w.toLowerCase()))) return w;
    return titleWord(w);
  });
  return out.join(' ');
}

/** Merges the mentions of one article into actors; returns the actors and the mentions with `actorKey` set. */
/** Adjectives of a faith, which the tagger takes for a name in "Muslim women", "Sunni militias". */
const FAITHS: ReadonlySet<string> = new Set(['Muslim', 'Jewish', 'Catholic', 'Protestant', 'Hindu', 'Sikh', 'Buddhist', 'Islamic', 'Evangelical', 'Mormon', 'Shia', 'Shiite', 'Sunni']);

/**
 * A faith's adjective alone before a lower-case word ("Muslim women elected to Congress"): no name,
 * and not the short form of one ("Muslim Brotherhood" is not the Muslim of "Muslim women").
 */
function religiousAdjective(paragraphs: string[], m: Mention): boolean {
  return FAITHS.has(m.text.trim()) && /^\s+\p{Ll}/u.test((paragraphs[m.paragraph] ?? '').slice(m.end, m.end + 3));
}

export function buildActors(paragraphs: string[], mentions: Mention[], options: BuildActorsOptions = {}): { actors: Actor[]; mentions: Mention[] } {
  const facts = options.facts ?? (() => NO_FACTS);
  const own = publisherKeys(options.publishers);
  const kept: Mention[] = [];
  const split = splitRoleNames(
    paragraphs,
    splitJoinedNames(
      paragraphs,
      joinListedNames(
        paragraphs,
        joinParticleNames(
          paragraphs,
          mentions.filter((m) => m.text.trim() && !religiousAdjective(paragraphs, m)),
        ),
        facts,
      ),
      facts,
    ),
    facts,
  );
  // A name ending in a capital letter that ends its sentence takes the full stop for an initial ("sold
  // the Xbox One S."): not when the article writes the name without it too.
  const plain = new Set(split.map((m) => m.text));
  const joined = split.map((m) => {
    if (/\s\p{Lu}\.$/u.test(m.text) && plain.has(m.text.slice(0, -1))) return { ...m, end: m.end - 1, text: m.text.slice(0, -1) };
    // A person's name that begins a place's ("Martha’s Vineyard", "Land’s End"): the place.
    const para = paragraphs[m.paragraph] ?? '';
    const place = m.type === 'PER' && !/\s/.test(m.text) ? POSSESSIVE_PLACE.exec(para.slice(m.end, m.end + 24)) : null;
    return place ? { ...m, end: m.end + place[0].length, text: para.slice(m.start, m.end + place[0].length), type: 'LOC' as const } : m;
  });
  const creditParas = new Set<number>();
  const byPara = new Map<number, Mention[]>();
  for (const m of joined) {
    let list = byPara.get(m.paragraph);
    if (!list) byPara.set(m.paragraph, (list = []));
    list.push(m);
  }
  for (const [p, here] of byPara) if (creditOnlyParagraph(paragraphs[p] ?? '', here)) creditParas.add(p);
  for (const m of joined) {
    if (creditParas.has(m.paragraph)) continue;
    const k = keepMention(paragraphs, m);
    if (k) kept.push(k);
  }
  const items = kept.map((m) => prepare(paragraphs, m)).filter((it) => it.core.length > 0);
  addListCues(paragraphs, items, facts);
  const nicknameOf = nicknames(paragraphs, items);

  // 1. Groups of identical names (case-insensitive, no leading "the"), across types.
  const byName = new Map<string, Group>();
  for (const it of items) {
    const k = nameKey(it.core);
    let g = byName.get(k);
    if (!g) byName.set(k, (g = { items: [], votes: { PER: 0, ORG: 0, LOC: 0 }, type: it.type, parent: null }));
    g.items.push(it);
    g.votes[it.type] += it.personal ? 3 : 1;
  }
  const groups = [...byName.values()];
  const wordsOf = (g: Group) => nameKey(g.items[0]!.core).split(' ');
  const nameOf = (g: Group) => g.items[0]!.core.replace(/^the\s+/i, '');

  // 2. Person evidence flows from a surname to the full names ending with it ("Zelensky" → "Volodymyr Zelensky").
  const single = new Map<string, Group>();
  for (const g of groups) if (wordsOf(g).length === 1) single.set(wordsOf(g)[0]!, g);
  for (const g of groups) {
    const w = wordsOf(g);
    if (w.length < 2) continue;
    const s = single.get(w[w.length - 1]!);
    if (s && s.votes.PER > 0 && !PARTY_MEMBERS.has(nameOf(s))) g.votes.PER += s.votes.PER;
  }
  // The surnames of the people the tagger named in full (for `decideType`).
  const surnames = new Set(groups.filter((g) => wordsOf(g).length >= 2 && g.votes.PER > g.votes.ORG + g.votes.LOC).map((g) => wordsOf(g).at(-1)!));
  // A first decision per name, from all its mentions.
  for (const g of groups) {
    const ev = evidenceOf(g.items, paragraphs, facts);
    ev.votes = g.votes;
    g.type = decideType(nameOf(g), ev, facts, surnames);
  }

  // 3. People: surname and first-name forms join an unambiguous full name; shorter full names join longer ones.
  // the tagger's people, before the one-word ones without a first name were retyped (a surname may join below)
  const personLike = (g: Group) => {
    if (g.type === 'PER') return true;
    const v = g.votes;
    if (v.PER < v.ORG || v.PER < v.LOC) return false;
    const f = facts(nameOf(g));
    return !f.org && !(f.loc && !f.cityOnly) && !nameShapeType(nameOf(g)) && !generalKnowledge(nameOf(g)) && !bodyType(nameOf(g));
  };
  const people = groups.filter(personLike);
  const full = people.filter((g) => wordsOf(g).length >= 2);
  for (const g of full) {
    const w = wordsOf(g);
    const longer = full.filter((h) => {
      const hw = wordsOf(h);
      return hw.length > w.length && hw[hw.length - 1] === w[w.length - 1] && w.every((x) => hw.includes(x));
    });
    if (longer.length === 1) union(longer[0]!, g);
  }
  // Full names with one surname whose first names are short and long forms ("Pat Carlineo", "Patrick W. Carlineo",
  // "Patrick Carlineo Jr."): one person when every such name in the article agrees.
  const bySurnameFull = new Map<string, Group[]>();
  for (const g of full) {
    const hw = wordsOf(g).filter((x) => !/^(?:jr|sr|ii|iii|iv)\.?$/.test(x));
    if (hw.length < 2) continue;
    const k = hw[hw.length - 1]!;
    let list = bySurnameFull.get(k);
    if (!list) bySurnameFull.set(k, (list = []));
    list.push(g);
  }
  for (const list of bySurnameFull.values()) {
    if (list.length < 2) continue;
    const firsts = list.map((g) => wordsOf(g)[0]!);
    const ok = firsts.every((a) => firsts.every((b) => a.length >= 2 && b.length >= 2 && (a.startsWith(b) || b.startsWith(a))));
    if (ok) for (const g of list.slice(1)) union(list[0]!, g);
  }
  // Surnames join a full name whatever the tagger called them ("Richardson" ORG + "Sheldon Richardson"), unless the
  // lists know the word as an organisation or a place ("Washington" beside "George Washington").
  const joinedBySurname = new Set<Group>();
  for (const g of groups) {
    const w = wordsOf(g);
    if (w.length !== 1) continue;
    const x = w[0]!;
    // A one-word name the tagger did not call a person may still be one's first name ("Rose-Lynn" ORG
    // beside "Rose-Lynn Harlan"), unless the lists know it as a place ("Austin", "Charlotte").
    let firstNameToo = g.type === 'PER';
    if (g.type !== 'PER') {
      const f = facts(nameOf(g));
      if (
        f.org ||
        (f.loc && !f.cityOnly) ||
        generalKnowledge(nameOf(g)) ||
        nameShapeType(nameOf(g)) ||
        PARTY_MEMBERS.has(nameOf(g)) ||
        g.items.some((it) => it.title && !PERSONAL.has(it.title) && !OFFICES.has(it.title))
      )
        continue;
      // nor is a legislature's or a platform's name a first name ("Google" before "Google Stadia")
      firstNameToo = !f.loc && !bodyType(nameOf(g));
    }
    const bySurname = full.filter((h) => {
      const hw = wordsOf(h);
      return hw[hw.length - 1] === x || (hw.length >= 3 && /^(?:jr|sr|ii|iii|iv)\.?$/.test(hw[hw.length - 1]!) && hw[hw.length - 2] === x);
    });
    const roots = new Set(bySurname.map(find));
    if (roots.size === 1) {
      union([...roots][0]!, g);
      joinedBySurname.add(g);
      continue;
    }
    if (roots.size > 1 || !firstNameToo) continue;
    const byFirst = new Set(full.filter((h) => wordsOf(h)[0] === x).map(find));
    const firstTitled = g.items.some((it) => it.title && FIRST_NAME_TITLES.has(it.title));
    if (byFirst.size === 1 && (firstTitled || g.items.every((it) => !it.title))) union([...byFirst][0]!, g);
  }
  // Surname-first and particle forms: "Yoon" + "Yoon Suk Yeol", "Bin Laden"/"Laden" + "Osama bin Laden".
  for (const g of people) {
    if (find(g) !== g || joinedBySurname.has(g)) continue;
    const w = wordsOf(g);
    if (w.length > 2) continue;
    const cands = new Set(
      full
        .filter((h) => h !== g && wordsOf(h).length > w.length)
        .filter((h) => {
          const hw = wordsOf(h);
          // a contiguous run of the longer name that starts it (surname first) or ends it after a particle
          const at = hw.findIndex((_, i) => w.every((x, j) => hw[i + j] === x));
          if (at < 0) return false;
          if (at === 0 && w.length === 1 && facts(w[0]!).firstName) return false; // a first name: handled above
          if (at === 0) return true;
          return at + w.length === hw.length || PARTICLES.has(hw[at - 1]!) || PARTICLES.has(w[0]!);
        })
        .map(find),
    );
    if (cands.size === 1 && find(g) === g) union([...cands][0]!, g);
  }

  // A nickname the text introduces ("Grace Mugabe, known as Gucci Grace") is one more name of that person.
  for (const [nick, person] of nicknameOf) union(byName.get(nameKey(person.core))!, byName.get(nameKey(nick.core))!);

  // 4. Organisations and places named several ways.
  // A word capitalised only because it opens a sentence, and written in lower case elsewhere, is no
  // short form of a longer name ("“Music is in my genes,” she said" beside "Music City" and "my brain
  // was only music").
  const scan: SpellingScan = { paragraphs, lower: null, left: MAX_SPELLING_LOOKUPS };
  const capitalOnly = new Map<Group, boolean>();
  /** One word, capitalised, and every mention opens a sentence. */
  const onlyOpens = (g: Group, headings = false): boolean =>
    wordsOf(g).length === 1 && /^\p{Lu}/u.test(nameOf(g)) && g.items.every((it) => opensSentence(paragraphs[it.m.paragraph] ?? '', it.m.start, headings));
  const sentenceCapital = (g: Group): boolean => {
    let v = capitalOnly.get(g);
    if (v === undefined) {
      v = onlyOpens(g) && spellings(nameOf(g), scan).lower;
      capitalOnly.set(g, v);
    }
    return v;
  };
  const nonPer = groups.filter((g) => g.type !== 'PER');
  for (const g of nonPer) {
    const w = wordsOf(g);
    // acronyms: initials of the words, with or without the connectors ("ICC", "TRD" for "The Real Deal")
    if (w.length === 1 && isAcronym(nameOf(g)) && nameOf(g) === nameOf(g).toUpperCase()) {
      const acr = nameOf(g).replace(/\./g, '').toUpperCase();
      const cands = new Set(
        nonPer
          .filter((h) => {
            if (h === g) return false;
            const hw = h.items[0]!.core.split(' ');
            if (hw.length < 2) return false;
            if (initials(hw) === acr || allInitials(hw) === acr || initialsWithSomeConnectors(hw, acr)) return true;
            // "The" left out of the mention ("TRD" for "The Real Deal"), one word left out of the acronym ("NYAG" for
            // "New York State Attorney General")
            if (h.items.some((it) => /\bThe\s+$/.test((paragraphs[it.m.paragraph] ?? '').slice(Math.max(0, it.m.start - 4), it.m.start))) && 'T' + allInitials(hw) === acr) return true;
            const ini = initials(hw);
            return (
              acr.length >= 3 &&
              ini.length === acr.length + 1 &&
              [...ini].some((_, i) => ini.slice(0, i) + ini.slice(i + 1) === acr) &&
              ini[0] === acr[0] &&
              ini[ini.length - 1] === acr[acr.length - 1]
            );
          })
          .map(find),
      );
      if (cands.size === 1) union([...cands][0]!, g);
      continue;
    }
    // plural of a party's adjective: "Conservatives" → "Conservative Party"
    if (w.length === 1 && /s$/.test(w[0]!)) {
      // ("Republicans" → "Republican Party", "Democrats" → "Democratic Party")
      const party = byName.get(`${w[0]!.slice(0, -1)} party`) ?? byName.get(`${w[0]!.slice(0, -1)}ic party`);
      if (party && party.type === 'ORG') {
        union(party, g);
        continue;
      }
      // and the party's members join no other body's name ("Reagan Democrats", "Senate Democrats")
      if (PARTY_MEMBERS.has(nameOf(g))) continue;
    }
    // a name general knowledge types on its own ("Europa", "Jupiter") is itself, not part of a longer name
    if (generalKnowledge(nameOf(g)) || sentenceCapital(g)) continue;
    // a surname already joined to its person is not also a body's short name ("Trump", in "Trump's
    // administration", beside "Donald Trump" and "the Trump administration")
    if (joinedBySurname.has(g)) continue;
    // a shorter form that is the start or the end of exactly one longer name of an organisation or a place
    // ("Alibaba" / "Alibaba Group", "Keck Observatory" / "W.M. Keck Observatory"), unless the lists know the
    // shorter one as something else ("New York" / "New York Times").
    const f = facts(nameOf(g));
    const cands = new Set(
      nonPer
        .filter((h) => {
          const hw = wordsOf(h);
          if (hw.length <= w.length) return false;
          const prefix = w.every((x, i) => hw[i] === x);
          const suffix = w.every((x, i) => hw[hw.length - w.length + i] === x);
          // a body named short by its first word and its head, the longer name's words between left
          // out ("House Committee" / "House Select Committee on Intelligence")
          if (!prefix && !suffix) return w.length >= 2 && g.type === 'ORG' && h.type === 'ORG' && hw[0] === w[0] && nameShapeType(nameOf(g)) === 'ORG' && inOrder(w, hw);
          // a place that begins an organisation's name is that place ("Berrien County" / "Berrien County Health Department")
          // a capitalised head noun alone is the one longer name it heads ("the Statehouse" / "Indiana Statehouse")
          if (suffix && w.length === 1 && nameShapeType(nameOf(h)) !== null && nameShapeType(`X ${nameOf(g)}`) !== null) return true;
          // a body's name after an acronym of its parent ("Security Council" / "UN Security Council")
          if (suffix && !prefix && h.type === g.type && hw.slice(0, hw.length - w.length).every((x, i) => /^[A-Z.]{2,6}$/.test(h.items[0]!.core.split(' ')[i] ?? ''))) return true;
          if (h.type !== g.type) return false;
          if ((f.org || f.loc) && h.type !== g.type) return false;
          if (f.loc && h.type === 'LOC') return false; // "Washington" / "Washington State"
          // a listed company or a platform joins only its own full name ("Alibaba" / "Alibaba Group"), not
          // "Apple Daily" nor a product ("Google Stadia Founder's Edition")
          if ((f.org || isPlatform(nameOf(g))) && h.type === 'ORG' && !(prefix && hw.slice(w.length).every((x) => LEGAL_FORMS.has(x)))) return false;
          if (suffix && !prefix && w.length === 1 && (f.loc || f.org)) return false;
          return true;
        })
        .map(find),
    );
    if (cands.size === 1) union([...cands][0]!, g);
  }
  // A country or a state under its formal name is the one the article also names short ("State of
  // Israel" / "Israel", "Republic of Ireland" / "Ireland", "Kingdom of Saudi Arabia" / "Saudi Arabia"):
  // a listed country or US state, so never a city's ("State of Washington" stays apart from the city
  // when the lists only know a city). "Republic of China" is Taiwan, not China.
  for (const g of nonPer) {
    const m = FORMAL_STATE.exec(nameKey(g.items[0]!.core));
    if (!m || m[2] === 'china') continue;
    const short = byName.get(m[2]!);
    const f = facts(m[2]!);
    if (short && short !== g && short.type === 'LOC' && f.loc && !f.cityOnly) union(short, g);
  }
  // Person-looking single words that begin exactly one organisation or place name ("Goddard" / "Goddard Space
  // Flight Center") and were not joined to a person.
  for (const g of people) {
    if (find(g) !== g || wordsOf(g).length !== 1 || g.items.some((it) => it.title)) continue;
    if (sentenceCapital(g)) continue;
    const x = wordsOf(g)[0]!;
    const cands = new Set(nonPer.filter((h) => wordsOf(h).length >= 2 && wordsOf(h)[0] === x).map(find));
    if (cands.size === 1 && !people.some((h) => h !== g && wordsOf(h).includes(x))) union([...cands][0]!, g);
  }
  // Likewise a "person" of several words that begins organisations' names ending in a company's or a
  // body's head ("Big Machine" / "Big Machine Records", "Big Machine Label Group"), with no known first
  // name nor a title: the company named short, one with those names.
  for (const g of people) {
    const w = wordsOf(g);
    if (find(g) !== g || w.length < 2 || g.items.some((it) => it.title) || facts(g.items[0]!.core.split(' ')[0]!).firstName) continue;
    const cands = new Set(
      nonPer
        .filter((h) => {
          const hw = wordsOf(h);
          return h.type === 'ORG' && hw.length > w.length && w.every((x, i) => hw[i] === x) && nameShapeType(nameOf(h)) === 'ORG';
        })
        .map(find),
    );
    for (const h of cands) union(h, g);
  }

  // 5. Actors from the merged groups.
  const clusters = new Map<Group, Item[]>();
  for (const g of groups) {
    const r = find(g);
    let list = clusters.get(r);
    if (!list) clusters.set(r, (list = []));
    list.push(...g.items);
  }
  const actors: (Actor & { first: number; salience: number })[] = [];
  const keyOf = new Map<Item, string>();
  const dropped = new Set<Item>();
  // one-word names the article uses on their own ("Google"), for `companyProduct`
  const singles = new Set(items.filter((it) => !/\s/.test(it.core)).map((it) => it.core));
  for (const [root, its] of clusters) {
    // A word that only opens sentences and is no short form of another name is no actor when the article
    // writes it in lower case elsewhere, or when it is an ordinary word of the language ("Lack of
    // mentorship" as a heading, "Citizens have every right", "Wait, what?"). ("Police said" stays the
    // police force it joined above.)
    // (A box score's team opens its lines: "Heritage d. Titusville 53-9".)
    const opener =
      its.length === root.items.length &&
      (sentenceCapital(root) || (ordinaryInLanguage(nameOf(root), facts) && onlyOpens(root, true))) &&
      !its.some((it) => mentionCues(paragraphs[it.m.paragraph] ?? '', it.m).team);
    if (notAnActor(its, paragraphs, facts, singles) || opener) {
      for (const it of its) dropped.add(it);
      continue;
    }
    // canonical: the longest form (most words, then most characters, then most frequent), no title
    const counts = new Map<string, number>();
    const nickForms = new Set(its.filter((it) => nicknameOf.has(it)).map((it) => it.core));
    for (const it of its) if (!nickForms.has(it.core) || its.every((x) => nickForms.has(x.core))) counts.set(it.core, (counts.get(it.core) ?? 0) + 1);
    const forms = [...counts.keys()];
    const bare = (f: string) => f.replace(/^the\s+/i, '');
    forms.sort((a, b) => bare(b).split(' ').length - bare(a).split(' ').length || bare(b).length - bare(a).length || counts.get(b)! - counts.get(a)! || a.length - b.length || (a < b ? -1 : 1));
    let name = forms[0]!;
    // a country known by its short name as well is called by it ("Israel", not "State of Israel")
    const formal = FORMAL_STATE.exec(nameKey(name));
    if (formal) name = forms.find((f) => nameKey(f) === formal[2]) ?? name;
    const same = forms.filter((f) => f.toLowerCase() === name.toLowerCase());
    // The ordinary-case spelling over a shouted one ("Argentina", not the dateline's "ARGENTINA"), then the usual one.
    if (same.length > 1) name = same.sort((a, b) => Number(shouted(a)) - Number(shouted(b)) || counts.get(b)! - counts.get(a)!)[0]!;
    if (shouted(name)) name = unshout(name, scan, facts);
    // the running text's "the" is no part of the name ("the Council on Foreign Relations"; "The Hague" keeps its own)
    name = name.replace(/^the\s+(?=\p{Lu})/u, '');
    // type: one decision for the whole actor, from all its mentions
    const ev = evidenceOf(its, paragraphs, facts);
    const unled = name.replace(/^the\s+/i, '');
    // The page's own publisher, unless it is named for a listed place (cleveland.com's "Cleveland").
    const type = own.has(lowerKey(unled)) && !facts(unled).loc ? 'ORG' : decideType(unled, ev, facts, surnames);
    const canon = options.canonical?.(name, type) ?? name;
    const key = `${type}:${lowerKey(canon)}`;
    const aliases: string[] = [];
    for (const it of its) if (!aliases.includes(it.alias)) aliases.push(it.alias);
    for (const it of its) keyOf.set(it, key);
    const first = Math.min(...its.map((it) => it.m.paragraph * 1e6 + it.m.start));
    actors.push({
      key,
      name: canon,
      type,
      aliases,
      mentions: its.length,
      role: null,
      first,
      salience: salienceOf(its, paragraphs, options.title ?? '', ev) + (firmlyTyped(unled, facts) ? 1 : 0),
    });
  }

  // Clusters that end up with the same key (e.g. through `canonical`) are one actor.
  const byKey = new Map<string, Actor & { first: number; salience: number }>();
  for (const a of actors) {
    const b = byKey.get(a.key);
    if (!b) byKey.set(a.key, a);
    else {
      b.mentions += a.mentions;
      for (const x of a.aliases) if (!b.aliases.includes(x)) b.aliases.push(x);
      b.first = Math.min(b.first, a.first);
      b.salience = Math.max(b.salience, a.salience);
    }
  }

  const keptItems = items.filter((it) => !dropped.has(it));
  const outMentions = keptItems.map((it) => ({ ...it.m, type: byKey.get(keyOf.get(it)!)!.type, actorKey: keyOf.get(it)! }));

  // 6. Roles: a role phrase beside the name, else the title the text put before it ("Governor
  // Hal Brennan", "Gov. Eric Holcomb" written out), not an honorific, with the place right before
  // it ("South Dakota Gov. Kristi Noem": "South Dakota Governor").
  // Each role with how often it is given and where first.
  const roleVotes = new Map<string, Map<string, { n: number; at: number }>>();
  for (const [n, m] of outMentions.entries()) {
    if (m.type !== 'PER') continue;
    const para = paragraphs[m.paragraph] ?? '';
    const title = titleRole(keptItems[n]!.title);
    const role = findRole(para, m, outMentions) ?? (title && titleInFull(para, m, title, outMentions, facts));
    if (!role) continue;
    let v = roleVotes.get(m.actorKey);
    if (!v) roleVotes.set(m.actorKey, (v = new Map()));
    const at = m.paragraph * 1e7 + m.start;
    const seen = v.get(role);
    v.set(role, { n: (seen?.n ?? 0) + 1, at: Math.min(seen?.at ?? at, at) });
  }
  const result = [...byKey.values()];
  for (const a of result) {
    const v = roleVotes.get(a.key);
    // (the most given, then the first: an article introduces someone by what they are, "President
    // Donald Trump", and may describe them later, "a former reality TV star")
    // (…unless another as often given says the same and more: "Ohio Governor" over "governor")
    if (v) {
      const ranked = [...v.entries()].sort((x, y) => y[1].n - x[1].n || x[1].at - y[1].at);
      const first = ranked[0]!;
      const words = (r: string) => r.toLowerCase().split(' ');
      const fuller = ranked.filter(([r, c]) => c.n === first[1].n && r.length > first[0].length && words(first[0]).every((w) => words(r).includes(w)));
      a.role = (fuller.sort((x, y) => y[0].length - x[0].length)[0] ?? first)[0];
    }
  }
  // 7. News organisations named only as the source of a report ("according to Reuters").
  const outlets = citedOutlets(paragraphs, outMentions, result, { publishers: options.publishers, place: (n) => facts(n).loc, title: options.title });
  for (const a of result) if (outlets.has(a.key)) a.outlet = true;
  // Most mentioned first (what the panel sorts by); among equals, the more salient, then the earlier.
  result.sort((a, b) => b.mentions - a.mentions || b.salience - a.salience || a.first - b.first);
  return {
    actors: result.map(({ first: _first, salience: _salience, ...a }) => a),
    mentions: outMentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Role phrases

/** Capitalised words that make one office of the title after them ("Foreign Minister", "Press Secretary"). */
const OFFICE_WORDS = new Set([
  // (the modifiers of a lower-case role, less those that are no office's: a time, a party, a body, a small word)
  ...[...ROLE_MODIFIERS].filter((w) => !/^(?:former|then|top|general|white|house|party|labour|conservative|democratic|republican|staff|affairs|foreign-affairs|of|for|and|the)$/.test(w)),
  ...'economic treasury commerce labor agriculture housing immigration assistant associate principal majority minority'.split(' '),
]);

/**
 * A title before a name, with the words before it that belong to it: capitalised office words
 * ("Jordanian Foreign Minister", "White House Press Secretary"), then whose office it is, when it is
 * written right before: a place or body the article names ("South Dakota Gov. Kristi Noem" is the
 * "South Dakota Governor") or a listed nationality ("Jordanian"). Not a place the sentence goes to or
 * comes from ("After visiting Ukraine Sen. Lindsey Graham"), not a person, not another title.
 */
function titleInFull(para: string, m: Mention, title: string, all: Mention[], facts: (name: string) => NameFacts): string {
  let start = m.start;
  const words: string[] = [];
  for (;;) {
    const w = /(\p{Lu}[\p{L}-]*)\s+$/u.exec(para.slice(Math.max(0, start - 40), start));
    if (!w || !OFFICE_WORDS.has(w[1]!.toLowerCase()) || words.length >= 3) break;
    words.unshift(w[1]!);
    start -= w[0].length;
  }
  const before = para.slice(Math.max(0, start - 10), start);
  const gap = before.length - before.trimEnd().length;
  const owner = all.find((o) => o.paragraph === m.paragraph && o.type !== 'PER' && o.end === start - gap && gap > 0);
  let of: string | null = null;
  const ownerText = owner ? para.slice(owner.start, owner.end) : '';
  // (not another title, "Committee Chairman Rep. Jason Chaffetz", nor the end of one, "Speaker of the House Rep. Paul Ryan")
  const lastWord = ownerText.split(/\s+/).pop() ?? '';
  // (nor a news organisation the sentence cites: "In an interview with CNN Sen. Lindsey Graham said")
  const ownerOk = owner && !isRoleWord(lastWord) && !TITLE_SET.has(lastWord) && !isOutletName(ownerText) && !/\b(?:of|of the)\s+$/i.test(para.slice(Math.max(0, owner.start - 10), owner.start));
  if (ownerOk && !PLACE_GOES.test(para.slice(Math.max(0, owner.start - 20), owner.start))) of = ownerText;
  else {
    const w = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+)\s+$/u.exec(para.slice(Math.max(0, start - 30), start));
    if (w && facts(w[1]!).demonym) of = w[1]!;
  }
  // (a past office says so: "former Vice President Joe Biden", "then-Secretary of State …"; not
  // "then" the adverb: "The crowd cheered, then Senator Ann Lee spoke")
  const then = /(?:^|[^\p{L}])(former\s+|then-|ex-)$/iu.exec(para.slice(Math.max(0, (of ? start - gap - of.length : start) - 12), of ? start - gap - of.length : start));
  const past = then ? (/^former/i.test(then[1]!) ? 'former' : then[1]!.slice(0, -1).toLowerCase()) : null;
  return [past === 'ex' ? 'former' : past, of, ...words, title].filter(Boolean).join(' ');
}

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
  // a role with the place or body it serves, right before the name: "ambassador to Britain Liu
  // Xiaming", "minister of Finance Ana Brisco" (the head is then the role word, the phrase runs on
  // to the end of the place's or body's name)
  const end = i;
  // (not when the name comes with a title of its own: "advisor for U.S. President Donald Trump",
  // "spokesman for House Speaker Paul Ryan" name someone else's role)
  const ownTitle = m.text.split(/\s+/)[0] ?? '';
  if (i >= 0 && !comma && /^\p{Lu}/u.test(bw[i]!.text) && !TITLE_SET.has(ownTitle) && !isRoleWord(ownTitle)) {
    const body = all.find((o) => o.paragraph === m.paragraph && o.end === bw[i]!.end && o.type !== 'PER' && o !== m);
    let q = i;
    while (body && q >= 0 && bw[q]!.start > body.start) q--;
    if (body && q >= 0 && bw[q]!.start === body.start) {
      q--;
      if (q >= 0 && bw[q]!.text.toLowerCase() === 'the') q--;
      if (q >= 1 && /^(?:to|of|for|at|in)$/.test(bw[q]!.text) && isLowerWord(bw[q - 1]!.text) && isRoleWord(bw[q - 1]!.text)) i = q - 1;
    }
  }
  // the head: a role word right before the name (or the comma)
  if (i >= 0 && isLowerWord(bw[i]!.text) && isRoleWord(bw[i]!.text)) {
    let j = i;
    // extend left over role words, modifiers and "of"
    // (over "of" only from a role word: "chief of staff", not "the beach house of investor …")
    while (
      j - 1 >= 0 &&
      isLowerWord(bw[j - 1]!.text) &&
      (isRoleWord(bw[j - 1]!.text) || ROLE_MODIFIERS.has(bw[j - 1]!.text.toLowerCase())) &&
      !(bw[j - 1]!.text === 'of' && !(j - 2 >= 0 && isRoleWord(bw[j - 2]!.text)))
    )
      j--;
    while (j <= i && ['of', 'and', 'for', 'the'].includes(bw[j]!.text.toLowerCase())) j++;
    let phrase = para.slice(bw[j]!.start, bw[end]!.end);
    // a capitalised modifier or possessive owner right before: "French president", "Mr Trump's envoy"
    const k = j - 1;
    if (k >= 0) {
      const prev = bw[k]!;
      const ownerEnd = prev.end - (/['’]s$/.test(prev.text) ? 2 : 0);
      const owner = all.find((o) => o.paragraph === m.paragraph && o.end === ownerEnd && o !== m);
      // (a body or place of several words before it is whole: "White House press secretary",
      // "South Dakota governor")
      if (owner && (/['’]s$/.test(prev.text) || (owner.type !== 'PER' && owner.start < prev.start))) {
        phrase = para.slice(owner.start, bw[end]!.end);
      } else if (/^\p{Lu}/u.test(prev.text) && !/['’]s$/.test(prev.text)) {
        // "French president", "US president", "Labour leader" — a capitalised word (not sentence-initial "The")
        if (!/^(The|A|An|And|But|Its|His|Her|Their|Meanwhile)$/.test(prev.text)) phrase = para.slice(prev.start, bw[end]!.end);
      } else if (/^(its|their)$/i.test(prev.text)) {
        const ownerOrg = [...all].filter((o) => o.paragraph === m.paragraph && o.end <= prev.start && o.type !== 'PER' && prev.start - o.end < 200).sort((a, b) => b.end - a.end)[0];
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
  return roleWithComplement(para.slice(m.end, m.end + 160));
}

/**
 * A role in apposition after a name, with the body or person it serves: ", a senior military analyst
 * at Stratfor,", ", a top national security aide to Vice President Pence,", ", another top NSC aide,".
 * The phrase runs from its determiner to the next comma, stop or bracket; a role word comes within
 * its first five words, after modifiers only, and what follows it opens with a preposition.
 */
function roleWithComplement(after: string): string | null {
  const head = /^\s*,\s+(?:(?:the|a|an|another)\s+)?/.exec(after);
  if (!head) return null;
  const rest = after.slice(head[0].length);
  // (up to a comma, a colon, a bracket, a dash or a full stop, not a dot inside a word or a number,
  // nor an abbreviation's: "aide to Mrs. Clinton")
  let end = -1;
  for (const p of rest.matchAll(/[,;:()“”"]|\.(?=\s|$)|\s[-–—]\s/g)) {
    if (p[0] === '.' && ABBREVIATION_END.test(rest.slice(Math.max(0, p.index! - 5), p.index!))) continue;
    end = p.index!;
    break;
  }
  if (end <= 0) return null;
  // (a full stop that ends an initialism or a company's name is theirs too: "ambassador to the U.S.")
  if (rest[end] === '.' && /(?:(?:\p{Lu}\.)+\p{Lu}|\b(?:Inc|Co|Corp|Ltd|Jr|Sr))$/u.test(rest.slice(0, end))) end++;
  const words = rest.slice(0, end).trim().split(/\s+/);
  if (words.length > 24) return null;
  for (let i = 0; i < Math.min(5, words.length); i++) {
    const w = words[i]!;
    if (isRoleWord(w) && /^\p{Ll}/u.test(w)) {
      // (the last of a run of role words is the head: "chief executive of Acme", "president and chief executive")
      let h = i;
      while (h + 1 < words.length && (isRoleWord(words[h + 1]!) || (words[h + 1] === 'and' && isRoleWord(words[h + 2] ?? '')))) h++;
      if (h + 1 < words.length && !/^(?:at|for|of|with|to|in|on)$/.test(words[h + 1]!)) return null;
      // (not the clause that may follow it: "former governor of Pennsylvania who is close to …")
      // (nor what it goes on to say of the person: "… aide to Vice President Pence on Trump's phone call")
      // (a preposition between two words of a name is the name's: "Council on Energy")
      const inName = (k: number) => /^\p{Lu}/u.test(words[k - 1]!) && /^\p{Lu}/u.test(words[k + 1] ?? '') && !/['’]s$/.test(words[k + 1]!);
      const clause = words.findIndex(
        (x, k) =>
          k > h &&
          (/^(?:who|whose|whom|which|that|where|when|is|was|are|were|has|had|said|says|stated|told|added|noted|wrote|explained|announced)$/.test(x) ||
            (x === 'and' && /^(?:a|an|the)$/.test(words[k + 1] ?? '')) ||
            (k > h + 2 && /^(?:on|about|over|during|after|before|since|as|while)$/.test(x) && !inName(k))),
      );
      const kept = clause < 0 ? words : words.slice(0, clause);
      // (nor a preposition the clause took: "adviser with whom …")
      while (kept.length > h + 1 && /^(?:at|for|of|with|to|in|on|the|a|an)$/.test(kept[kept.length - 1]!)) kept.pop();
      return kept.length <= 14 ? kept.join(' ') : null;
    }
    // before the role word: modifiers ("senior", "top national security", "math"), or a place's or
    // body's name ("NSC", "Ukraine specialist"); not a small word, a verb's form or a description
    // ("accompanied by a lawyer", "married to a doctor", "his lawyer", "the only doctor on stage")
    if (!/^\p{L}[\p{L}-]*$/u.test(w) || NOT_MODIFIER.test(w) || (/^\p{Ll}/u.test(w) && /(?:ed|ing)$/.test(w) && !ROLE_PARTICIPLES.has(w))) return null;
  }
  return null;
}

/** An abbreviation before a name or a number, whose dot is no full stop ("Mrs.", "Prof.", "No."). */
const ABBREVIATION_END = /(?:^|\s)(?:\p{Lu}|Mrs?|Ms|Dr|Prof|Rev|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Adm|St|Mt|Ft|No|Nos|Vol)$/u;
/** Words that are no modifier of a role in apposition. */
const NOT_MODIFIER =
  /^(?:who|whose|whom|which|that|where|when|said|says|was|is|has|had|and|or|but|as|by|to|like|with|for|of|in|on|at|from|his|her|their|its|our|my|your|herself|himself|themselves|itself|not|no|every|each|all|any|some|also|still|now|just|served|serving|became|becoming|named|only|first|lone|sole|daughter|son|wife|husband|mother|father|brother|sister|friend)$/i;
/** Forms in -ed and -ing that do describe a role ("retired teacher", "acting director"). */
const ROLE_PARTICIPLES = new Set([
  'retired',
  'acting',
  'leading',
  'managing',
  'founding',
  'elected',
  'ranking',
  'decorated',
  'distinguished',
  'visiting',
  'presiding',
  'supervising',
  'consulting',
  'contributing',
  'longstanding',
]);

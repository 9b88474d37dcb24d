/**
 * Document-level evidence for actors (issue #17): which tagged spans are not actors of the article at all (photo
 * credits, bylines, navigation, capitalised ordinary words), and what the text around each mention says about the
 * type of the thing named (a person, an organisation, a place). Pure, no dependencies; used by actors.ts.
 */
import type { EntityType, Mention } from '../types.ts';
import { COMPANY_WORDS } from './org-words.ts';

// ---------------------------------------------------------------------------------------------------------------
// Credits, bylines, navigation

/** Words that introduce a photo credit right before a name ("Photo: X", "Credit: X", "Image copyright X"). */
const CREDIT_BEFORE =
  /(?:\b(?:photo|photograph|picture|image|video|graphic)s?\s*(?:credit|copyright|courtesy)?\s*(?:by|:|of)?|\bcredit(?:s)?\s*:?|\bcopyright\s*(?:\(c\)|©)?|©|\bcourtesy(?:\s+of)?|\b(?:photo|image|picture)\s+via)\s*$/i;
/** Paragraph openings of bylines and reporting credits. */
const BYLINE_PARA = /^\s*[([]?\s*(?:by\s+\p{Lu}|(?:additional\s+)?(?:reporting|writing|editing|compiled|contributing|contributors?|edited|reported)\b(?:\s+by)?\s*:?)/iu;
/** Reporting credits anywhere in a paragraph ("…; Editing by Y", "X contributed to this report"). */
const CREDIT_ANYWHERE = /\b(?:editing|reporting|writing)\s+by\b|\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting)\b/i;
/** Author biographies: "X is a reporter for…", "X covers the White House", "X has covered economics since…". */
const BIO_AFTER =
  /^\s*(?:is|was)\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,3}(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|producer|author|intern|fellow)\b|^\s*(?:covers|has\s+covered|writes\s+about|reports\s+on)\b/iu;
/** A name that is itself a credit ("Getty Images", "AP Photo", "Reuters Pictures"). */
const CREDIT_NAME = /\b(?:Images|Photos?|Pictures|Photography)$|^(?:Credit|Photo|Image|Picture|Enlarge)\b/i;
/** Caption labels glued to the caption ("Media captionJulian Assange"). */
const CAPTION_LABEL = /^(?:Media\s+caption|Image\s+caption|Caption)\s*/i;

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * Why a mention is not an actor of the article, or null when it may be one. Looks only at the structure of the
 * paragraph around it: credit and byline patterns, a paragraph that is nothing but the name (navigation, credits),
 * a name inside a slash-joined credit ("REUTERS/Jane Doe", "Jane Doe/AFP/Getty Images"), a parenthesised source
 * that closes a paragraph or a dateline ("(AP)", "LONDON (Reuters) —"), pipe-separated lists ("News | Sports").
 */
export function creditReason(para: string, m: Pick<Mention, 'start' | 'end' | 'type'>): string | null {
  const text = para.slice(m.start, m.end);
  const before = para.slice(Math.max(0, m.start - 40), m.start);
  const after = para.slice(m.end, m.end + 80);
  const flags = paragraphFlags(para);
  if (CREDIT_NAME.test(text.replace(/['’]s$/, ''))) return 'credit name';
  if (CREDIT_BEFORE.test(before) || /©\s*(?:\d{4}\s*)?$/.test(before)) return 'credit';
  if (/\/\s*$/.test(before) || /^\s*\//.test(after) || /\/\s/.test(text)) return 'slash credit';
  // "(Jane Roe/ Wirefoto photo via AP)", "Powered by Acme.com"
  if (/^\s*(?:photo|image|picture)s?\s+(?:via|by|courtesy)\b/i.test(after) || /\bpowered\s+by\s*$/i.test(before)) return 'credit';
  // the whole paragraph is the name (navigation, a credit line, a lone source)
  if (para.length <= text.length + 12) {
    const rest = (para.slice(0, m.start) + para.slice(m.end)).replace(/['’]s\b/g, '');
    if (wordCount(rest) === 0) return 'alone';
  }
  if (flags.byline && m.type !== 'LOC') return 'byline';
  if (flags.authorNote) return 'author note';
  if (flags.headline) return 'headline';
  if (flags.reportingCredit && m.type === 'PER') return 'reporting credit';
  const starts = m.start < 2;
  if (starts && BIO_AFTER.test(para.slice(m.end, m.end + 120).replace(/^['’]s\b/, ''))) return 'author bio';
  // "(AP)" closing a paragraph or in a dateline "LONDON (AP) —"
  if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) {
    const close = after.replace(/^\s*\)/, '');
    if ((/^\s*[.,;]?\s*$/.test(close) && m.end + 80 >= para.length) || /^\s*[—–-]/.test(close)) return 'source in parentheses';
  }
  // pipe-separated items: "Natalie Naccache | Bloomberg | Getty Images", "Today's Paper | Subscribe"
  if (flags.pipes) {
    const open = /\|\s*$/.test(before) || (m.start < 40 && before.trim() === '');
    const shut = /^\s*\|/.test(after) || (m.end + 80 >= para.length && after.trim() === '');
    if (open && shut) return 'pipe list';
  }
  return null;
}

/**
 * A paragraph about the writer rather than the story: a biography that opens with the writer's name ("Jane Roe has
 * covered economics since 2012. … She joined The Times in 2007"), a follow-me line ("Follow him on Twitter
 * @janeroe"), a sign-off ("Jane Roe, BBC diplomatic correspondent").
 */
const AUTHOR_NOTE = [
  /\bfollow\s+(?:him|her|them|us|me)\s+on\s+(?:twitter|facebook|instagram|x)\b/i,
  /(?:^|\s)@\w{2,}\s*$/,
  /^\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s+(?:(?:is|was)\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,3}(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|producer)\b|(?:covers|has\s+covered|writes\s+about|reports\s+on)\b)/u,
  /^\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3},\s+(?:[\p{L}'’.-]+\s+){0,4}(?:correspondent|editor|reporter|writer|journalist|columnist|producer)\s*$/u,
];

/**
 * A paragraph that is a headline of another story (a "related" link, a teaser): short, every word of four letters or
 * more capitalised, no sentence end ("Pizza Man Making Special Delivery to Afghanistan During Super Bowl").
 */
function isHeadlineLine(para: string): boolean {
  // (a tweet's signature, "— Jane Roe (@janeroe) November 18, 2019", names its writer)
  if (para.length > 160 || /[.!?]["”'’)]?\s*$/.test(para) || /\d/.test(para) || /^\s*[—–-]/.test(para)) return false;
  const long = para.match(/\p{L}[\p{L}'’]{3,}/gu) ?? [];
  return long.length >= 4 && long.every((w) => /^\p{Lu}/u.test(w));
}

interface ParagraphFlags {
  headline: boolean;
  authorNote: boolean;
  byline: boolean;
  reportingCredit: boolean;
  pipes: boolean;
}

/** Paragraph-wide facts, computed once per paragraph (the last one asked about is remembered). */
let lastPara: string | null = null;
let lastFlags: ParagraphFlags = { headline: false, authorNote: false, byline: false, reportingCredit: false, pipes: false };
function paragraphFlags(para: string): ParagraphFlags {
  if (para !== lastPara) {
    lastPara = para;
    lastFlags = {
      headline: isHeadlineLine(para),
      authorNote: para.length < 600 && AUTHOR_NOTE.some((re) => re.test(para)),
      byline: BYLINE_PARA.test(para.slice(0, 80)),
      reportingCredit: CREDIT_ANYWHERE.test(para),
      pipes: para.includes('|'),
    };
  }
  return lastFlags;
}

/** Strips a caption label glued before a name; returns how many characters to drop from the start. */
export function captionLabelLength(text: string): number {
  const m = CAPTION_LABEL.exec(text);
  return m && m[0].length < text.length ? m[0].length : 0;
}

/** Credit markers that may open a paragraph of credits ("Photo: X, AP", "By X and Y"). */
const CREDIT_MARKERS = /\b(?:photos?|photograph|pictures?|images?|credits?|by|via|copyright|courtesy|and|of|for|the|staff|writers?|reporters?|correspondents?)\b|[©|/,:;()\-–—]|\d+/gi;

/**
 * A paragraph made of nothing but names and credit words: "Meg Kinnard and Errin Haines, Associated Press",
 * "Photo: Jane Roe, AP", "Jane Roe | Bloomberg | Stock Images". Needs a credit marker or an organisation after a
 * person (a caption that only lists people is kept).
 */
export function creditOnlyParagraph(para: string, mentions: Pick<Mention, 'start' | 'end' | 'type'>[]): boolean {
  if (para.length > 300) return false;
  let rest = '';
  let at = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    rest += para.slice(at, m.start) + ' ';
    at = Math.max(at, m.end);
  }
  rest += para.slice(at);
  const leftover = rest.replace(/['’]s\b/g, '').replace(CREDIT_MARKERS, ' ');
  if (wordCount(leftover) > 0) return false;
  const marker = /\b(?:photo|photograph|picture|image|credit|by|via|copyright|courtesy)\b|[©|/]/i.test(rest);
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let seenPerson = false;
  let orgAfterPerson = false;
  for (const m of sorted) {
    if (m.type !== 'PER' && seenPerson) orgAfterPerson = true;
    if (m.type === 'PER') seenPerson = true;
  }
  return marker || orgAfterPerson;
}

/**
 * One name written around a particle that the tagger cut in two: a person's ("Sheikh Mohammed" + "bin" + "Rashid Al
 * Maktoum", "Charles" + "de" + "Gaulle") or an organisation's, whose second part may read as a place ("Autostrade" +
 * "per" + "l'Italia", "Banco" + "de" + "España"): one mention. Not across English "of": "Democrat of Delaware" is no
 * name, and the tagger keeps "Bank of England" whole.
 */
export function joinParticleNames(paragraphs: string[], mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  const out: Mention[] = [];
  for (const m of sorted) {
    const prev = out[out.length - 1];
    const person = prev?.type === 'PER' && m.type === 'PER';
    const body = prev?.type === 'ORG' && (m.type === 'ORG' || m.type === 'LOC');
    if (prev && prev.paragraph === m.paragraph && (person || body)) {
      const between = (paragraphs[m.paragraph] ?? '').slice(prev.end, m.start);
      const particle = person ? /^\s+(?:bin|ibn|bint|de|da|di|del|van|von|al|el|abu)\s+$/i : /^\s+(?:per|de|da|di|del|della|delle|dei|degli|des|du|do|dos|das)\s+$/;
      if (particle.test(between)) {
        const para = paragraphs[m.paragraph] ?? '';
        out[out.length - 1] = { ...prev, end: m.end, text: para.slice(prev.start, m.end) };
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// General knowledge: a few classes of names whose type news does not state

/** Planets, the Moon and the Sun and the large moons news writes about: places. */
const SKY_PLACES = new Set('earth moon sun mercury venus mars jupiter saturn uranus neptune pluto ceres europa ganymede callisto io titan enceladus triton charon'.split(' '));
/** Institutions named after their buildings or seats ("the White House said"): organisations. */
const SEATS = new Set(['white house', 'pentagon', 'kremlin', 'elysee', 'élysée', 'elysée', "quai d'orsay", 'blue house', 'vatican', 'downing street', 'whitehall', 'foggy bottom']);

/** Legislatures, which news puts after "in" like places ("a vote in Congress", "in the Senate"): organisations. */
const BODIES = new Set([
  'congress',
  'senate',
  'house',
  'house of representatives',
  'house of commons',
  'house of lords',
  'parliament',
  'european parliament',
  'bundestag',
  'knesset',
  'duma',
  'state duma',
]);
/**
 * The platforms people post "on" ("wrote on Facebook"): organisations, and companies whose longer
 * names are their products ("Google Stadia").
 */
const PLATFORMS = new Set(['facebook', 'twitter', 'instagram', 'youtube', 'tiktok', 'whatsapp', 'snapchat', 'linkedin', 'reddit', 'telegram', 'wechat', 'weibo', 'google']);

/**
 * The type the name of a legislature or a platform has (BODIES, PLATFORMS), or null. Unlike `generalKnowledge`,
 * it types the name only: "House" and "Congress" still join "House of Representatives" and "U.S.
 * Congress" as their short forms.
 */
export function bodyType(name: string): EntityType | null {
  const k = name.toLowerCase().replace(/^the\s+/, '');
  return BODIES.has(k) || PLATFORMS.has(k) ? 'ORG' : null;
}

/** Whether the name is a platform's (PLATFORMS): a company whose longer names are its products ("Google Stadia"). */
export function isPlatform(name: string): boolean {
  return PLATFORMS.has(name.toLowerCase());
}

/** The type a general list gives a name, or null. */
export function generalKnowledge(name: string): EntityType | null {
  const k = name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[’]/g, "'");
  if (SKY_PLACES.has(k)) return 'LOC';
  if (SEATS.has(k)) return 'ORG';
  return null;
}

/** Events, holidays and periods that are capitalised but are not actors ("Brexit", "Christmas"); gods ("God bless America"); the bare "PAC" of "a super PAC". */
const NOT_ACTORS = new Set('brexit covid covid-19 coronavirus christmas easter thanksgiving halloween ramadan hanukkah diwali passover lent god allah pac'.split(' '));
/** Time-zone abbreviations that start datelines and timestamps ("11:04 PM EST"). */
const TIME_ZONES = new Set('est edt cst cdt mst mdt pst pdt gmt bst cet cest utc ist aest am pm a.m. p.m.'.split(' '));

/** True for an instrument code or ticker in market reports ("LCOc1", "CMCU3", "GBP="). */
const TICKER = /(?:^|\s)(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{4,}=?(?:\s|$)|[A-Z]{2,}=(?:\s|$)/;

/**
 * True for text of several names glued together by a page that lost its spaces ("Jane RoeJane Mary RoeSpringfield"):
 * a word with a capital inside whose pieces repeat another piece of the span. Brand names with an inner capital
 * ("SoftBank", "YouTube") repeat nothing.
 */
export function isGluedNames(text: string): boolean {
  if (!/\p{Ll}\p{Lu}/u.test(text)) return false;
  const pieces = text
    .split(/[\s-]+/)
    .flatMap((w) => w.split(/(?<=\p{Ll})(?=\p{Lu})/u))
    .filter((p) => p.length >= 3);
  return new Set(pieces.map((p) => p.toLowerCase())).size < pieces.length;
}

/** True when a mention is an event, a time-zone stamp or a market code rather than a name. */
/** Interjections and fillers that transcripts capitalise at the start of a turn, as written. */
const INTERJECTIONS = new Set('Ah Oh Um Uh Er Mm Hmm Hm Yeah Yep Nope Wow Hey Do'.split(' '));

/** Interjections and greetings that may open a mention before a name; not "Do" ("Do Kwon" is a name). */
const BEFORE_NAME = new Set([...INTERJECTIONS, 'Hi', 'Hello'].filter((w) => w !== 'Do'));

/** How many characters of a mention open with an interjection or greeting before the name ("Hey Twitter", "Oh Lord"): 0 when none. */
export function interjectionLength(text: string): number {
  const m = /^(\p{L}+)\s+(?=\p{Lu})/u.exec(text);
  return m && BEFORE_NAME.has(m[1]!) ? m[0].length : 0;
}

export function isNotAName(text: string): boolean {
  const t = text.trim();
  if (isGluedNames(t)) return true;
  if (NOT_ACTORS.has(t.toLowerCase())) return true;
  if (TIME_ZONES.has(t.split(/\s+/)[0]!.toLowerCase())) return true;
  // a lawmaker's party and state ("R-Texas", "D-N.Y.")
  if (/^[RDI]-\p{Lu}/u.test(t)) return true;
  // an interjection of a transcript ("Um", "Yeah"; not "OH", Ohio)
  if (INTERJECTIONS.has(t)) return true;
  // a lone initial ("Y." of "Y. pestis", "E."), or one or two letters after marks (">I", "*A", "...I")
  if (/^\p{L}\.?$/u.test(t) || /^[^\p{L}\p{N}]+\p{L}{0,2}$/u.test(t)) return true;
  return TICKER.test(t + ' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Things named like actors: works, products, vehicles, programmes, laws, events

/**
 * Last words that make a name a thing rather than an actor: instruments and vehicles ("Hubble Space Telescope"),
 * laws ("First Amendment", "Flag Code"), shows and contests ("Dubai Air Show", "ATP Finals"), periods and
 * epidemics ("Great Depression", "Black Death"), market indices, ideas and illnesses ("Kuznets Curve").
 */
const THING_HEADS = new Set(
  (
    'telescope spacecraft rover lander satellite amendment act bill code treaty accord protocol doctrine show expo ' +
    'finals championship championships olympics tournament festival awards prize depression recession death ' +
    'index socialism ' +
    // ideas, effects and illnesses named after someone or something ("Environmental Kuznets Curve", "Streisand
    // Effect", "Lyme Disease", "Spanish Flu")
    'curve theory effect paradox hypothesis principle syndrome disease fever flu'
  ).split(' '),
);

/**
 * True when a name's own last word says it is a thing, not a person, organisation or place; or when it
 * is one word naming a creed, a movement or a system ("Communism", "Judaism", "Marxism").
 */
export function isThingName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length === 1) return /^\p{Lu}\p{Ll}{2,}isms?$/u.test(name);
  return THING_HEADS.has(words[words.length - 1]!.toLowerCase()) || STORM.test(name);
}

/**
 * A product named by its model: a name that ends in a model number, code or letter ("Sportback 50",
 * "Boeing 737", "Galaxy S10", "Xbox One X", "Planet Earth II") or in a model word ("PS4 Pro",
 * "Chromecast Ultra", "Premiere Editions"). Not a
 * station or a numbered place ("NBC 5", "Channel 4", "Route 66", "Area 51": NUMBERED_NAMES, a
 * broadcaster's call letters, "Radio", "Fox", "Sky", "Studio", "Camp" …), and only for a name nobody called a person ("Peter Max").
 */
export function isProductName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2) return false;
  const last = words[words.length - 1]!;
  const head = words.slice(0, -1).join(' ');
  if (MODEL_WORDS.test(last)) return true;
  // a number or a code ("50", "S10", "2K20"), a letter ("Xbox One X", not "I"), a Roman numeral ("Planet Earth II")
  if (!/^(?:\d+[A-Za-z]*|[A-Z]{1,3}\d+[A-Za-z]*|[A-HJ-Z]|X{0,2}(?:IX|IV|V?I{2,3}|V)|XX?)$/.test(last)) return false;
  return !NUMBERED_NAMES.test(head) && !/^(?:[A-Z]{2,5}|Radio|Fox|Sky|BBC\s+Radio)$/.test(head) && !/\b(?:Area|Studio|Building|Camp|Unit|Station)$/.test(head) && !/\d{4}$/.test(last);
}
const MODEL_WORDS = /^(?:Pro|Max|Ultra|Mini|Lite|Editions?)$/;

/**
 * A named storm is an event, not an actor ("Hurricane Sandy"), whatever the tagger made of its name:
 * a person, mostly, and the name alone when it left the title out ("Hurricane" + "Dorian"). Not a
 * bare "Storm": "Storm Ciara", but also "Storm Reid".
 */
const STORM = /^(?:(?:Super\s+)?(?:Hurricane|Typhoon|Cyclone)|(?:Tropical|Subtropical|Winter)\s+Storm|Tropical\s+Depression)\s+\p{Lu}/u;
const STORM_BEFORE = /\b(?:Hurricane|Typhoon|Cyclone|(?:Tropical|Subtropical|Winter)\s+Storm|Tropical\s+Depression)\s+$/;

/**
 * Lower-case nouns that, written right after a name, make the name a modifier of a thing: "the Progress MS-04 cargo
 * ship", "the CLPS contracts", "Boeing's 787-9 Dreamliner jets", "NASA's Galileo spacecraft", "the Excalibur
 * portfolio". A model code ("MS-04") or an acronym in brackets may come between.
 */
const THING_AFTER = new RegExp(
  '^(?:\\s+\\([A-Z]{2,6}\\))?(?:\\s+[A-Z0-9]*\\d[A-Z0-9-]*)?\\s+(?:cargo\\s+|space\\s+)?(?:' +
    'spacecraft|ship|ships|rocket|booster|lander|rover|probe|missions?|awards?|task\\s+orders?|telescope|satellite|capsule|vehicle|module|' +
    'programs?|programmes?|contracts?|jets?|aircraft|planes?|airliners?|game|games|console|version|smartphones?|' +
    'portfolio|structure|notes?|bonds?|yields?|index|dress|exam|' +
    'test|vaccine|drug|pill|engine|engines|chip|chips|software|operating\\s+system|browser|sneakers?|franchise' +
    ')\\b',
);

/** Names that take a number as part of them ("Route 1", "Region 11", "Channel 4"). */
const NUMBERED_NAMES = /\b(?:Route|Highway|Interstate|Region|District|Ward|Section|Channel|Terminal|Gate|Zone|Phase|Article|Chapter|Level|Platform|Pier|Precinct|Division|Group|League)$/;
/** A list of works before a name ("films such as Alien and …", "games like Temple Run"). */
const WORKS_LIST = /\b(?:films|movies|books|novels|songs|albums|shows|series|games|apps)\s+(?:like|such\s+as|including|from)\s+[^.;]{0,80}$/i;
/** A work named in apposition ("his first novel, Web of Angels, …"). */
const WORK_APPOSITION = /\b(?:his|her|their|its|the|a|an)\s+(?:[\p{Ll}-]+\s+){0,2}(?:novel|book|memoir|film|movie|album|song|play|poem|documentary|series|show|game|painting|opera|musical)s?,\s+$/u;
/** A thing noun right before a name ("the cargo ship Progress"), or naming it ("a mission called X"). */
const THING_BEFORE = /\b(?:spacecraft|ship|rocket|lander|rover|probe|telescope|satellite|capsule|game|album|film|movie|song|novel|musical|series)\s+$/;
const THING_CALLED = /\b(?:mission|program|programme|project|spacecraft|lander|rover|probe|game|app|software|drug|vaccine|initiative)\s+(?:called|named|dubbed)\s+$/;

/** The short words a title leaves in lower case ("A Paradise Built in Hell", "Communities that Arise"). */
const TITLE_SMALL_WORDS = new Set('a an and as at but by for from in into nor of on or over per than that the to upon via vs with'.split(' '));

/**
 * Does the mention stand inside a quotation written as a title: three words or more, every one capitalised but
 * the small words titles leave in lower case ("In her book “A Paradise Built in Hell: The Extraordinary
 * Communities that Arise in Disaster”")? Quoted speech reads as a sentence, not so. Curly quotation marks only:
 * typeset pages use them, and straight ones in plain text also hold addresses and case names ("Mr. and Mrs.
 * Khan, Charlottesville, VA.").
 */
export function inQuotedTitle(para: string, m: Pick<Mention, 'start' | 'end'>): boolean {
  const open = para.lastIndexOf('“', m.start);
  if (open < 0 || para.lastIndexOf('”', m.start) > open) return false;
  const close = para.indexOf('”', m.end);
  if (close < 0 || m.start - open > 120 || close - m.end > 120) return false;
  const words = para
    .slice(open + 1, close)
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /\p{L}/u.test(w));
  if (words.length < 3) return false;
  let capitals = 0;
  for (const w of words) {
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (!TITLE_SMALL_WORDS.has(w)) return false;
  }
  return capitals >= 3;
}

/**
 * How firmly one mention is written as a thing: 2 when the text says so (a title in quotation marks, "“Super Mario
 * Run,” the game"; "so-called X"; "a mission called X"; "the cargo ship X"), 1 for a name before a thing noun ("the
 * Progress cargo ship") or after a model number ("787-9 Dreamliner"), else 0.
 */
export function thingCue(para: string, m: Pick<Mention, 'start' | 'end'>): 0 | 1 | 2 {
  const before = para.slice(Math.max(0, m.start - 40), m.start);
  const after = para.slice(m.end, m.end + 50);
  if (/(?:[“"‘]|(?:^|\s)')\s*(?:\p{Lu}[\p{L}'’-]*\s+){0,3}$/u.test(before) && /^(?:['’]s)?(?:\s+\p{Lu}[\p{L}'’-]*){0,3}[,.!?]?(?:[”"]|['’](?!\p{L}))/u.test(after)) {
    // one quoted word may be the word itself ("a name without “Acme” in it"); a quoted title of two words is a work
    return /\s/.test(para.slice(m.start, m.end).trim()) ? 2 : 1;
  }
  if (/\bso-called\s+(?:the\s+)?$/i.test(before) || THING_CALLED.test(before) || STORM_BEFORE.test(before)) return 2;
  // a work named in apposition: "his first novel, Web of Angels, a cyberpunk book"
  if (WORK_APPOSITION.test(before) && /^\s*[,)]/.test(after)) return 2;
  // "Tropical" + "Storm Humberto"
  if (/\b(?:Tropical|Subtropical|Winter)\s+$/.test(before) && STORM.test(`Tropical ${para.slice(m.start, m.end)}`)) return 2;
  if (THING_BEFORE.test(before)) return 1;
  // the items of a list of works ("films such as Alien and 2001: A Space Odyssey", "movies from Event Horizon to Passengers")
  if (WORKS_LIST.test(para.slice(Math.max(0, m.start - 90), m.start))) return 1;
  // a common noun written with a capital: "ate an infected Marmot." ("a Reuters report" goes on with a noun)
  if (/(?:^|\s)(?:a|an)\s+(?:[\p{Ll}-]+\s+)?$/u.test(before) && /^\s*(?:[.,;:!?]|\s[-–—]\s|$)/.test(after)) return 1;
  // a sequel's or a model's number after the name ("Destiny 2 runs at 1080p", "Red Dead Redemption 2."), not
  // a score ("Rockledge 14 11 6", "Viera 3, Cocoa 1") nor a channel ("NBC 5 reported")
  if (
    /^\s\d{1,2}(?=\s+\p{Ll}|[.!?)]|$)/u.test(after) &&
    !/^\s\d{1,2}\s+(?:and|or|reported|said|says|news|reports|years?|months?|weeks?|days?|hours?|minutes?|points?|percent|per|people|times|million|billion|of)\b/i.test(after) &&
    !statLine(after) &&
    !NUMBERED_NAMES.test(para.slice(m.start, m.end)) &&
    !/\d\s*[,;]\s*$/.test(before)
  )
    return 1;
  // a model number before the name ("787-9 Dreamliner", "737 Max", "F-35 Lightning")
  if (/(?:^|\s)(?:[A-Z]{1,4}-?\d+|\d+-[\dA-Z]+|\d{3})\s+$/.test(before)) return 1;
  return THING_AFTER.test(after) ? 1 : 0;
}

/** Peoples and faiths written as plural nouns ("Uighurs", "Muslims"): groups of people, not organisations. */
const PEOPLES = new Set(
  (
    'muslims christians jews hindus buddhists sikhs catholics protestants evangelicals mormons uighurs uyghurs kurds ' +
    'rohingya tamils arabs sunnis shias shiites alawites druze pashtuns hazaras yazidis copts bedouins'
  ).split(' '),
);

/** The same faiths and peoples as adjectives or in the singular ("Muslim refugees", "a Christian"). */
const PEOPLE_WORDS = new Set(
  (
    'muslim christian jewish jew hindu buddhist sikh catholic protestant evangelical mormon uighur uyghur kurd kurdish ' + 'arab sunni shia shiite alawite pashtun hazara yazidi copt coptic bedouin'
  ).split(' '),
);

/**
 * True for a name of a people rather than a body: a faith or people in the plural or as a lone adjective ("Muslim
 * refugees", "a Sunni"), a plural demonym ("Israelis", "Americans" when "Israeli", "American" are listed demonyms;
 * not a lone one: the list holds "Vatican" and "Gibraltar") or the people of a listed place ("South Dakotans").
 */
export function isPeopleName(name: string, facts: (name: string) => { loc: boolean; demonym?: boolean }): boolean {
  const n = name.trim();
  const lower = n.toLowerCase();
  if (PEOPLES.has(lower) || PEOPLE_WORDS.has(lower)) return true;
  if (!/^\p{Lu}[\p{L}\s-]+s$/u.test(n)) return false;
  if (facts(n.slice(0, -1)).demonym) return true;
  // "Dakotans" → "Dakota", "Californians" → "California", "Texans" → "Texas" is not tried (rare, and "Texans" is a team)
  if (/ns$/.test(n) && facts(n.slice(0, -2)).loc) return true;
  if (/ians$/.test(n) && facts(n.slice(0, -4) + 'ia').loc) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Capitalised ordinary words

/**
 * Ordinary English words that news capitalises at the start of a sentence, a heading or a button and that a tagger
 * sometimes takes for a name. Only words that are (almost) never a name on their own.
 */
const ORDINARY = new Set(
  (
    'again all also although another any around back because before both but check click comment comments contact ' +
    'despite during each early either emerging even every everyone everything few finally first follow further ' +
    'gallery gonna graphic here however image images instead last later latest less live many meanwhile more ' +
    'most much new news next none now often once only other others our over perhaps photo photos please popular ' +
    'rather read related roughly several share since some such than that then there these this those though ' +
    'through today together top trending under until video videos watch what when where whether which while who ' +
    'why yet yes advertisement sponsored subscribe sign login newsletter menu search home opinion sports business ' +
    'classifieds jobs cars homes obituaries weather entertainment lifestyle politics health science technology tech ' +
    'world local national editorial editorials print more breaking exclusive update updated ipo vip ok ceo cfo gdp ' +
    'faq sheriff zero one two three four five six seven eight nine ten third fourth fifth sixth seventh eighth ninth tenth'
  ).split(' '),
);

/** True when a one-word mention is an ordinary word, not a name ("Again", "Roughly", "Subscribe"). */
export function isOrdinaryWord(text: string): boolean {
  const w = text.trim();
  if (/\s/.test(w)) return false;
  return ORDINARY.has(w.toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------------
// Type cues

export interface TypeCues {
  PER: number;
  ORG: number;
  LOC: number;
  /** How many of the PER cues are firm: a person's role in apposition ("X, the commander of …"), people listed with it. */
  apposition?: number;
  /** Mentions written as a team in a box score's line ("Palm Bay d. Rockledge 70-44", "Viera (4-0): …"). */
  team?: number;
}

/** After a team's name at the start of a box score's line: "d. Rockledge", "(4-0):", "14 11 6 15 — 44". */
const TEAM_AFTER = /^(?:\s+d\.\s+\p{Lu}|\s*\(\s*(?:\d{1,3}(?:-\d{1,3}){1,2}|NR)\s*\)\s*:|(?:\s+\d{1,3}){3,}\s+[—–-]\s+\d)/u;
/** Before the second team of "Palm Bay d. Rockledge 70-44": the first team's name and "d.". */
const TEAM_BEFORE = /(?:^|[.!?]\s+)\p{Lu}[\p{L}'’ -]{0,40}\s+d\.\s+$/u;
/** After the second team: a score and the line's end. */
const TEAM_SCORE_END = /^(?:\s+\d{1,3}-\d{1,3})?\s*$/;

// ("over" a place, not a score's or a win's "over": "112-107 over the Thunder", "a victory over Ohio State")
const LOC_BEFORE =
  /\b(?:in|near|from|across|(?<![\d,;]\s|\b(?:win|wins|won|victory|victories|lead|edge|upset)\s)over|outside|inside|throughout|towards?|into|around|within|northern|southern|eastern|western|central|visit(?:ed|ing)?|travel(?:led|ed|ing)? to)\s+(?:the\s+)?$/i;
const ORG_BEFORE =
  /\b(?:company|firm|startup|start-up|rival|giant|platform|app|website|site|agency|network|broadcaster|newspaper|magazine|outlet|subsidiary|owner|maker|retailer|carrier|airline|bank|lender|insurer|brand|service|group|studio|publisher|conglomerate|developer|joined|join|left|quit|owned by|acquired by|bought by|sold to|stake in|shares (?:of|in)|investors? in|co-?founder of|founder of|founded|ceo of|chief executive of|president of|chairman of|employees? (?:of|at)|works? (?:for|at)|worked (?:for|at)|spokes(?:man|woman|person) for|representatives? (?:of|for)|(?:buyout|takeover|acquisition|purchase) of|bought|acquired|layoffs at|(?:professor|economist|analyst|researcher|scientist|fellow|student|lecturer|engineer|teacher|epidemiologist)s? (?:at|with))\s+(?:the\s+)?$/i;
const ORG_AFTER =
  /^(?:['’]s?)?\s*(?:shares|stock|ceo|chief executive|founder|co-?founder|board|employees|staff|workers|spokes(?:man|woman|person)|executives?|app|platform|website|site|users|customers|headquarters|hq|subsidiary|acquisition|ipo|valuation|investors|shareholders|account|accounts|post|posts|feed|page|inc\b|corp\b|ltd\b|llc\b|announced|acquired|reported (?:revenue|earnings|profit|a loss)|agreed to (?:buy|acquire|sell)|laid off|hired|employs|said in a statement|declined to comment|did not (?:immediately )?respond|didn['’]t respond|told (?:employees|staff)|is valued|was valued|plans to)\b/i;
/** A lower-case noun after the name that makes it a publication or an institution ("Vulture magazine"). */
const ORG_NOUN_AFTER = /^\s+(?:magazine|newspaper|tabloid|schools|school\s+district|university)\b/i;
/** The title of one of its officers after a body's name ("Emirates President Tim Clark", "Acme CEO Jane Roe"). */
const OFFICER_AFTER = /^['’]?s?\s+(?:President|Chairman|Chairwoman|CEO|Chief\s+Executive|Director|Spokesman|Spokeswoman|Speaker|Chief)\s+\p{Lu}/u;
/** Apposition that says what a name is: ", the Texas-based intelligence organisation," / ", the commander of". */
const ORG_APPOSITION =
  /^\s*,\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,4}?(?:company|firm|organi[sz]ation|group|agency|startup|publisher|newspaper|magazine|website|network|charity|non-?profit|think\s+tank|broadcaster|party|union|airline|bank)\b/iu;
const PER_APPOSITION =
  /^\s*,\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,4}?(?:commander|president|minister|secretary|spokes(?:man|woman|person)|leader|chief|director|founder|co-founder|governor|mayor|senator|lawmaker|professor|analyst|economist|lawyer|attorney|teacher|officer|ambassador|executive|actor|actress|singer|player|coach|author|writer|resident|mother|father|son|daughter|wife|husband|brother|sister|student|researcher|scientist|doctor|chairman|chairwoman|manager|owner|judge|prosecutor)s?\b/iu;
/**
 * A kinship or working tie written with a possessive right before the name: "her colleague Iván
 * Espinosa", "his late wife Ana". Only people are called that ("partner" is left out: companies
 * have partners too).
 */
const PER_BEFORE =
  /\b(?:his|her|their|my|our|your)\s+(?:(?:former|late|longtime|long-time|fellow|new|then)\s+)?(?:colleague|co-?worker|wife|husband|spouse|son|daughter|mother|father|mum|mom|dad|brother|sister|friend|girlfriend|boyfriend|fianc[eé]e?|widow|widower|uncle|aunt|cousin|nephew|niece|grandson|granddaughter|grandmother|grandfather|stepfather|stepmother|stepson|stepdaughter|boss|assistant|lawyer|attorney|teammate|co-?star)s?\s+$/i;
const LOC_AFTER = /^(?:-based\b|\s*,\s*(?:where|which is)\b|\s+(?:county|counties|province|region|state|city)\b)/i;
const PER_AFTER = /^(?:\s*,\s*(?:who|\d{1,3}\s*,)|\s*\(\s*\d{1,3}\s*\)|\s+(?:and\s+(?:his|her)|himself|herself)\b)/i;
/** What a player's line in a box score counts ("Tolivert 25 points.", "A. Sanger 2 saves."); also read by the tagger's `boxScores`. */
export const STAT_NOUNS: ReadonlySet<string> = new Set(
  'point points goal goals assist assists save saves steal steals rebound rebounds block blocks tackle tackles sack sacks kill kills dig digs ace aces hit hits run runs strikeout strikeouts yards touchdown touchdowns interception interceptions total'.split(
    ' ',
  ),
);
const NUMBER_THEN_WORD = /^\s+\d{1,3}\s+(\p{L}+)(?=\s*(?:[.,;]|and\b|$))/u;
/** A player's line in a box score after the name: "Burgher 10 points.", "A. Sanger 2 saves, 1 assist"; not "Liverpool 3 points clear". */
function statLine(after: string): boolean {
  const m = NUMBER_THEN_WORD.exec(after);
  return m !== null && STAT_NOUNS.has(m[1]!.toLowerCase());
}
const PRONOUN_PER = /\b(?:he|she|his|her|him|himself|herself)\b/gi;
const PRONOUN_ORG = /\b(?:its|it)\b/gi;

/**
 * Cues for one mention from the words around it in its paragraph: "in X" and "X-based" say place; "X's shares",
 * "the company X", "X announced" say organisation; "X, who", "X, 54," and he/she/his/her later in the same sentence
 * say person. Each cue is one vote.
 */
export function mentionCues(para: string, m: Pick<Mention, 'start' | 'end'>): TypeCues {
  const cues: TypeCues = { PER: 0, ORG: 0, LOC: 0 };
  const before = para.slice(Math.max(0, m.start - 40), m.start);
  const after = para.slice(m.end, m.end + 60);
  if (LOC_BEFORE.test(before)) cues.LOC++;
  if (ORG_BEFORE.test(before)) cues.ORG++;
  if (ORG_AFTER.test(after)) cues.ORG++;
  if (LOC_AFTER.test(after)) cues.LOC++;
  // a name that completes an "of" phrase is not what an apposition or a "who" after it describes:
  // "Dr. Tristan Smith of University College London, a shipping researcher" is about Smith
  const ofComplement = /\bof\s+(?:the\s+)?$/i.test(before);
  if ((PER_AFTER.test(after) || statLine(after)) && !ofComplement) cues.PER++;
  const lineStart = /(?:^|[.!?]\s+)$/.test(before);
  if ((lineStart && TEAM_AFTER.test(after)) || (TEAM_BEFORE.test(before) && TEAM_SCORE_END.test(after))) cues.team = 1;
  // a person's role in apposition is the strongest cue a text gives, and so is a tie to someone before the name
  if ((PER_APPOSITION.test(after) && !ofComplement) || PER_BEFORE.test(before)) {
    cues.PER += 2;
    cues.apposition = 1;
  }
  if (ORG_NOUN_AFTER.test(after) || OFFICER_AFTER.test(after) || ORG_APPOSITION.test(after)) cues.ORG++;
  // "The" with a capital inside a sentence belongs to a title ("told The Hill"): no person's name takes it
  // (only when the tagger left "The" out: "The Hague" is a place)
  if (/[^.!?:"“\s]\s+The\s+$/.test(before)) cues.ORG += 2;
  // pronouns in the rest of the sentence
  const rest = para.slice(m.end, m.end + 160);
  const stop = rest.search(/[.!?]["”’]?\s+\p{Lu}/u);
  const sentence = stop >= 0 ? rest.slice(0, stop) : rest;
  const per = sentence.match(PRONOUN_PER)?.length ?? 0;
  const org = sentence.match(PRONOUN_ORG)?.length ?? 0;
  if (per > org) cues.PER++;
  else if (org > per && /\bits\b/i.test(sentence)) cues.ORG++;
  return cues;
}

// ---------------------------------------------------------------------------------------------------------------
// Type from the name itself

const ORG_HEADS = new Set([
  ...COMPANY_WORDS,
  ...(
    'bank university college school academy institute foundation association society council committee commission ' +
    'agency department ministry office bureau service services authority administration party union league ' +
    'federation organisation organization times post news journal herald tribune gazette magazine press network ' +
    'police court tribunal senate congress parliament assembly army navy force forces guard club team fund trust ' +
    'project coalition alliance board church clinic cabinet government center centre hospital museum gallery orchestra ' +
    'philharmonic ' +
    // a newspaper's or a magazine's title ("Daily Mirror", "Condé Nast Traveller", "Christian Science Monitor")
    'mirror chronicle observer telegraph traveller traveler monitor weekly review inquirer examiner dispatch sentinel bulletin digest courier'
  ).split(' '),
]);
const LOC_HEADS = new Set(
  (
    'county river island islands street avenue road lane boulevard square mountain mountains valley lake sea ocean ' +
    'bay gulf peninsula desert forest canyon province region district city town village park bridge airport ' +
    'station prison jail observatory plateau coast strait border crossing camp hill beach statehouse capitol'
  ).split(' '),
);

/** Whether a word is the head of a body's or a place's name ("Legislature", "Police", "Forum", "County"). */
export function isHeadWord(word: string): boolean {
  const w = word.toLowerCase();
  return ORG_HEADS.has(w) || LOC_HEADS.has(w);
}

/** The type a name's own words say ("Ceres Robotics" ORG, "Cass County" LOC, "WeWork" ORG), or null. */
export function nameShapeType(name: string): EntityType | null {
  const words = name.split(/\s+/);
  const last = words[words.length - 1]!.toLowerCase();
  // "The Hill", "The Times": a name made of "The" and one word is a title, not a described thing
  if (words.length === 2 && words[0] === 'The') return null;
  // a compass point before a head word is a region ("West Bank", "East Coast"), not a bank or a body
  if (words.length === 2 && /^(?:North|South|East|West)$/.test(words[0]!) && (ORG_HEADS.has(last) || LOC_HEADS.has(last))) return 'LOC';
  if (words.length >= 2 && ORG_HEADS.has(last)) return 'ORG';
  // "Pro Football Hall of Fame": a body, whatever "inducted into" makes it sound like
  if (/\bHall of Fame$/.test(name)) return 'ORG';
  // "University of Colorado", "Ministry of Defence"
  if (words.length >= 3 && words[1] === 'of' && ORG_HEADS.has(words[0]!.toLowerCase())) return 'ORG';
  if (words.length >= 2 && LOC_HEADS.has(last)) return 'LOC';
  if (words.length === 1) {
    const w = words[0]!;
    // a web address as a name ("Snopes.com", "Polygraph.info")
    if (/^[\p{L}\p{N}-]+\.(?:com|org|net|info|io|co|tv|news)$/iu.test(w)) return 'ORG';
    // inner capital in one word, not a surname prefix ("WeWork", "SoftBank"; not "McDermid", "DeSantis", "LeBron")
    if (/^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(w) && !/^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|O)\p{Lu}/u.test(w)) return 'ORG';
  }
  return null;
}

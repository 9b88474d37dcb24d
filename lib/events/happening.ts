/**
 * What an article is mainly about, read from its headline and lede (issue #19): the kind of
 * happening it reports (a debate, a primary, a crash, a resignation…) and the days its lede puts
 * that happening on ("Tuesday's debate", "on Saturday"). News writing puts the happening in the
 * headline and the first sentence and the background after, so two reports of one happening agree
 * there even when their bodies share few words (a fact check and a report of one debate), and two
 * happenings of one story (a debate and the primary three days later) differ there even when their
 * bodies name the same candidates.
 *
 * Deliberately simple: English only; a lexicon of event words (triggers) grouped into kinds, matched
 * on whole words of the headline and lede; the lede's dates from `extractDates`, resolved against
 * the article's own date.
 */
import { extractDates } from './dates.ts';
import { fold, terms } from './terms.ts';
import { wholeWordsAt } from '../whole-words.ts';

/**
 * The kinds of happening and the words that name them (lower case, diacritics folded; a trailing
 * `*` matches any ending). One word may name one kind only. Kept to words that name a happening,
 * not a topic: "vote" is a happening, "economy" is not.
 */
export const EVENT_KINDS: Readonly<Record<string, readonly string[]>> = {
  debate: ['debate', 'debates', 'debated', 'debating'],
  primary: ['primary', 'primaries'],
  caucus: ['caucus', 'caucuses', 'caucused', 'caucusing', 'caucusgoers'],
  convention: ['convention', 'conventions'],
  election: ['election', 'elections', 'elected', 'reelected', 're-elected', 'by-election', 'referendum', 'runoff'],
  vote: ['vote', 'votes', 'voted'],
  poll: ['poll', 'polls', 'survey', 'surveys'],
  speech: ['speech', 'speeches'],
  rally: ['rally', 'rallies', 'town hall'],
  interview: ['interview', 'interviews', 'interviewed'],
  endorsement: ['endorse*', 'endorsement*'],
  exit: ['drops out', 'dropped out', 'suspends', 'suspended', 'withdraws', 'withdrew'],
  resignation: ['resign*', 'steps down', 'stepped down'],
  dismissal: ['sacked', 'sacking', 'sacks', 'ousted', 'ouster'],
  nomination: ['nominat*', 'running mate'],
  attack: [
    'shooting',
    'shootings',
    'gunman',
    'gunmen',
    'bombing',
    'bomber',
    'massacre',
    'stabbing',
    'terror attack',
    'terrorist attack',
    'attacks in',
    'air strike*',
    'airstrike*',
    'drone strike*',
    'missile strike*',
    'shelling',
  ],
  crash: ['crash', 'crashes', 'crashed', 'collision', 'collided', 'derail*', 'pileup', 'accident'],
  fire: ['blaze', 'blazes', 'wildfire', 'wildfires', 'bushfire*', 'forest fire*', 'inferno'],
  // Natural disasters, each its own kind: an earthquake and a storm of the same week are two events
  // (a storm's floods name both, and share one).
  earthquake: ['earthquake', 'earthquakes', 'quake', 'quakes', 'aftershock*', 'tremor', 'tremors', 'tsunami'],
  flood: ['flood', 'floods', 'flooding', 'flooded', 'floodwater*'],
  storm: ['storm', 'storms', 'hurricane', 'hurricanes', 'typhoon', 'typhoons', 'cyclone', 'cyclones', 'tornado', 'tornadoes', 'blizzard'],
  eruption: ['eruption', 'erupts', 'erupted', 'erupting'],
  landslide: ['landslide', 'landslides', 'mudslide', 'mudslides', 'avalanche'],
  collapse: ['collapse', 'collapses', 'collapsed'],
  explosion: ['explosion', 'explosions', 'exploded'],
  heat: ['heatwave', 'heat wave', 'drought'],
  outbreak: ['outbreak', 'outbreaks', 'epidemic', 'pandemic'],
  court: ['court', 'ruling', 'ruled', 'judge', 'verdict', 'trial', 'sentenc*', 'plead*', 'plea', 'indict*', 'lawsuit', 'sued', 'convicted', 'acquitted', 'jury', 'testif*'],
  arrest: ['arrest', 'arrested', 'arrests', 'detained'],
  kidnapping: ['kidnap*', 'abduct*', 'hostage*'],
  // A death reported for its own sake; the dead of a disaster or an attack are its toll, not another happening.
  death: ['dies', 'obituary', 'passed away'],
  legislation: ['legislation', 'veto*', 'executive order', 'passes bill', 'signs bill', 'signed into law'],
  leak: ['emails', 'leak', 'leaked', 'leaks', 'tax returns'],
  protest: ['protest*', 'demonstrat*', 'boycott*'],
  strike: ['general strike', 'walkout*', 'industrial action', 'on strike'],
  talks: ['ceasefire', 'cease-fire', 'truce', 'peace talks', 'peace deal', 'negotiat*'],
  summit: ['summit', 'summits'],
  visit: ['visit', 'visits', 'visited'],
  announcement: ['announce*', 'unveil*'],
  merger: ['merger', 'mergers', 'takeover', 'takeovers', 'acquisition', 'buyout'],
  layoffs: ['layoff*', 'job cuts', 'bankrupt*'],
  rates: ['interest rate*', 'rate cut*', 'rate hike*', 'raises rates', 'cuts rates'],
  sport: ['championship', 'tournament', 'olympic*', 'grand prix', 'world cup', 'semi-final*', 'semifinal*', 'quarter-final*', 'quarterfinal*', 'play-off*', 'playoff*', 'cup final'],
};

/**
 * The lexicon's version, kept in each fingerprint (`kindsV`): fingerprints whose kinds were named by
 * another lexicon are not compared on kinds (match.ts, `headSignals`). 1 (absent): the election
 * kinds of the first dated stream; 2: the kinds of news beyond elections, disasters apart.
 */
export const KINDS_VERSION = 2;

/** The first lexicon's one kind for the natural disasters the second tells apart. */
const DISASTERS_V1 = new Set(['earthquake', 'flood', 'storm', 'eruption', 'landslide', 'collapse', 'explosion']);

/**
 * Kinds named by the current lexicon, as the first one (version 1) would have named them, so that a
 * fingerprint saved before the lexicon grew is still compared on kinds: the disasters are one
 * "disaster", and the kinds it did not have are left out (it could not name them, so their absence
 * there says nothing).
 */
export function kindsAsFirst(kinds: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of kinds) {
    const old = DISASTERS_V1.has(k) ? 'disaster' : KINDS_V1.has(k) ? k : null;
    if (old && !out.includes(old)) out.push(old);
  }
  return out;
}

const KINDS_V1 = new Set([
  'debate',
  'primary',
  'caucus',
  'convention',
  'election',
  'vote',
  'poll',
  'speech',
  'rally',
  'interview',
  'endorsement',
  'exit',
  'resignation',
  'nomination',
  'attack',
  'crash',
  'fire',
  'court',
  'arrest',
  'death',
  'legislation',
  'leak',
  'protest',
  'summit',
  'visit',
  'announcement',
  'sport',
]);

/** Word → kind; prefixes (from `word*`) and phrases apart. */
const WORDS = new Map<string, string>();
const PREFIXES: [string, string][] = [];
/** Phrases: [words, kind, whether a longer last word matches too (`word*`)]. */
const PHRASES: [string, string, boolean][] = [];
for (const [kind, list] of Object.entries(EVENT_KINDS)) {
  for (const w of list) {
    if (w.includes(' ')) PHRASES.push(w.endsWith('*') ? [w.slice(0, -1), kind, true] : [w, kind, false]);
    else if (w.endsWith('*')) PREFIXES.push([w.slice(0, -1), kind]);
    else WORDS.set(w, kind);
  }
}

/** The kind a word names, or null. */
export function kindOfWord(word: string): string | null {
  const w = fold(word).toLowerCase();
  const k = WORDS.get(w);
  if (k) return k;
  for (const [p, kind] of PREFIXES) if (w.startsWith(p)) return kind;
  return null;
}

/**
 * Kinds of happening that befall one person or are done by one (a death, an arrest, an endorsement,
 * an interview…): two headlines naming such a kind about two different people name two happenings,
 * however alike the rest of their words ("Kay Hagan dies at 66" and "John Conyers dies at 90" the
 * day after; "Warren endorses Biden" and "Sanders endorses Biden"). Not a nomination: its headline
 * names the one who nominates as often as the nominee ("Obama nominates Regina Benjamin").
 */
export const PERSONAL_KINDS: ReadonlySet<string> = new Set(['death', 'interview', 'endorsement', 'exit', 'resignation', 'dismissal', 'arrest']);

/** The personal kinds (PERSONAL_KINDS) a headline names. */
export function personalKinds(title: string): string[] {
  return kindsIn(title).filter((k) => PERSONAL_KINDS.has(k));
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** The number an ordinal or a number names ("third", "3rd", "three", "3"), or null. */
function ordinal(word: string): number | null {
  const i = Math.max(ORDINAL_WORDS.indexOf(word), NUMBER_WORDS.indexOf(word));
  if (i >= 0) return i + 1;
  const n = parseInt(word, 10);
  return Number.isFinite(n) ? n : null;
}

/**
 * The numbered parts of a series a headline names, as "noun:number" ("third round", "round five",
 * "Game 7", "the second presidential debate" → "round:3", "round:5", "game:7", "debate:2"). Two
 * headlines naming the same series noun with different numbers report two happenings of one
 * series, a week apart or a day apart, whatever they share (a rugby season's rounds, a race's
 * stages, a campaign's debates). Not days, halves or quarters: "the fourth day of protests" is the
 * same protest as the third, and a game's halves are one game.
 */
export function seriesIn(title: string): string[] {
  const out = new Set<string>();
  const low = fold(title).toLowerCase();
  for (const m of low.matchAll(
    /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))[ -](?:[a-z]+ )?(round|stage|leg|game|match|test|heat|episode|debate|ballot)\b/g,
  )) {
    const n = ordinal(m[1]!);
    if (n !== null) out.add(`${m[2]}:${n}`);
  }
  for (const m of low.matchAll(/\b(round|stage|leg|game|match|test|heat|episode|debate|ballot) (\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\b/g)) {
    const n = ordinal(m[2]!);
    if (n !== null) out.add(`${m[1]}:${n}`);
  }
  return [...out];
}

/** Whether two headlines' series parts (`seriesIn`) name one series noun with different numbers only. */
export function seriesClash(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  let clash = false;
  for (const x of a) {
    const noun = x.slice(0, x.indexOf(':'));
    for (const y of b) {
      if (x === y) return false;
      if (y.startsWith(noun + ':')) clash = true;
    }
  }
  return clash;
}

/** Headline and lede: the title and the body's first sentences, up to this many characters of body. */
export const LEDE_CHARS = 320;

/** The lede: the first sentences of the body, up to LEDE_CHARS (whole sentences, at least one). */
export function lede(paragraphs: readonly string[]): string {
  let out = '';
  for (const p of paragraphs) {
    const sentences = p.match(/[^.!?]+(?:[.!?]+["”’)]?|$)/g) ?? [p];
    for (const s of sentences) {
      if (out && out.length + s.length > LEDE_CHARS) return out;
      out += (out ? ' ' : '') + s.trim();
    }
    if (out.length >= LEDE_CHARS / 2) return out;
  }
  return out;
}

/** The kinds of happening a text names, in order of first mention, each once. */
export function kindsIn(text: string): string[] {
  const low = fold(text).toLowerCase();
  const found: [number, string][] = [];
  for (const m of low.matchAll(/[a-z][a-z'-]*/g)) {
    const k = kindOfWord(m[0].replace(/'s$/, ''));
    if (k) found.push([m.index, k]);
  }
  for (const [phrase, kind, open] of PHRASES) {
    const at = wholeWordsAt(low, phrase, open);
    if (at >= 0) found.push([at, kind]);
  }
  found.sort((a, b) => a[0] - b[0]);
  return [...new Set(found.map(([, k]) => k))];
}

export interface Happening {
  /** Kinds of happening the headline and lede name (at most MAX_KINDS): the headline's first, each in order of mention; the first is the main one. */
  kinds: string[];
  /** The days the headline and lede put things on ("Tuesday's debate"), as day intervals of at most 3 days, flattened. */
  days: number[];
  /** The distinct terms of the headline and lede (at most MAX_HEAD_TERMS). */
  head: string[];
}

export const MAX_KINDS = 4;
export const MAX_HEAD_TERMS = 40;

/** The happening an article's headline and lede report (see the file's header). */
export function happeningOf(title: string, body: readonly string[], day: number | null): Happening {
  const first = lede(body);
  const text = `${title}\n${first}`;
  // The headline's kinds first: the first one is the article's main kind of happening.
  const kinds = [...new Set([...kindsIn(title), ...kindsIn(first)])].slice(0, MAX_KINDS);
  const days: number[] = [];
  for (const [a, b] of extractDates(text, { ref: day, max: 6 })) if (b - a <= 2) days.push(a, b);
  const head = [...new Set(terms(text))].slice(0, MAX_HEAD_TERMS);
  return { kinds, days, head };
}

/** Whether two flattened day-interval lists have intervals within `slack` days of each other. */
export function daysAgree(a: readonly number[], b: readonly number[], slack = 1): boolean {
  for (let i = 0; i + 1 < a.length; i += 2) for (let j = 0; j + 1 < b.length; j += 2) if (a[i]! <= b[j + 1]! + slack && b[j]! <= a[i + 1]! + slack) return true;
  return false;
}

/**
 * A deterministic generator of news articles for the scale benchmark (issue #5). Nothing is
 * copied from a corpus: the text is assembled from the word lists in words.ts with a seeded PRNG.
 *
 * What makes the archive realistic for the indexes under test:
 * - length: 10–25 paragraphs, about 500–1,200 words, like a news article;
 * - words: the filler nouns follow a Zipf-like law over a vocabulary of ~60,000 words (the
 *   hand-written common ones first, then made-up ones), so the search and term tables get a long
 *   tail as well as very common words;
 * - structure: articles come in events (1–8 articles over a few days) that share their people,
 *   organisations, places, key terms, figures and dates, within topics (earthquakes, elections,
 *   trials…) that share vocabulary and sentence shapes; each country has recurring figures that
 *   appear across many events (heads of state and government most: words.ts, NATIONAL_PROMINENCE),
 *   so some index keys have long posting lists and some people are named by hundreds of articles;
 * - analysis: actors with mentions, and claims (quotes, reported and hedged statements, some with
 *   signals, a few reviewed) as the analyser would give them, so the claims and statements
 *   indexes get rows.
 * Every event and every article is generated from its own seed, so any article can be made again
 * on its own (a fresh article of an old event for a lookup, or a query about a saved event).
 */
import { rng } from '../../nlp/claims/logreg.ts';
import { claimId } from '../../nlp/claims/find.ts';
import { dayOf, isoDay } from '../../events/dates.ts';
import type { Actor, Analysis, Article, Claim, ClaimSignal, EntityType, Mention } from '../../types.ts';
import * as W from './words.ts';

/** Published dates are spread over three years from this day. */
export const DAY0 = dayOf(2022, 1, 1);
export const SPAN_DAYS = 3 * 365;
const MS_DAY = 86_400_000;

/** Share of events that are hard negatives of an earlier event (see `ArticleStream.eventPlan`), and how far back that one may be. */
export const SIBLING_SHARE = 0.3;
const SIBLING_BACK = 50;

/** Size of the Zipf vocabulary (common words, then made-up ones). */
export const VOCABULARY = 60_000;

type Rand = () => number;

/** A 32-bit hash of a few integers (murmur3's finaliser over a running mix), to seed per-event and per-article generators. */
export function mix(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Same folding as the analyser's actor keys: lower case, no diacritics, single spaces. */
function keyOf(type: EntityType, name: string): string {
  return `${type}:${name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()}`;
}

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z', 'sk', 'th'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'ie', 'y'];
const CODAS = ['', '', '', 'n', 'r', 'l', 'm', 't', 'nd', 'rk', 'lt', 'ck', 'ng'];

/** A made-up word of 2–3 syllables that does not end in "s" (so the plural stemmer leaves it alone). */
function pseudoWord(r: Rand): string {
  const n = r() < 0.6 ? 2 : 3;
  let w = '';
  for (let i = 0; i < n; i++) w += pick(r, ONSETS) + pick(r, VOWELS) + (i === n - 1 ? pick(r, CODAS) : r() < 0.3 ? pick(r, CODAS) : '');
  return w;
}

/** The Zipf vocabulary: common news nouns first, then made-up words, all distinct. */
export class Vocabulary {
  readonly words: string[];
  private readonly logV: number;
  constructor(seed: number, size = VOCABULARY) {
    const r = rng(mix(seed, 0x766f63));
    const seen = new Set<string>();
    const words: string[] = [];
    const add = (w: string) => {
      if (seen.has(w)) return;
      seen.add(w);
      words.push(w);
    };
    for (const w of W.COMMON_NOUNS) add(w);
    while (words.length < size) {
      const w = pseudoWord(r);
      if (w.length >= 4) add(w);
    }
    this.words = words;
    this.logV = Math.log(size + 1);
  }
  /** A word drawn with probability about proportional to 1 / rank (continuous Zipf, s = 1). */
  zipf(r: Rand): string {
    const rank = Math.min(this.words.length - 1, Math.floor(Math.exp(r() * this.logV)) - 1);
    return this.words[rank]!;
  }
  /** A word of rank in [lo, hi). */
  ranked(r: Rand, lo: number, hi: number): string {
    return this.words[int(r, lo, Math.min(hi, this.words.length) - 1)]!;
  }
}

export interface Person {
  name: string;
  surname: string;
  key: string;
  role: string;
}

export interface Named {
  name: string;
  key: string;
  type: EntityType;
}

/** Everything the articles of one event share. */
export interface EventPlan {
  index: number;
  topic: W.Topic;
  country: Named;
  city: Named;
  /** The event's own people; the first is the main one ({P1}). */
  people: Person[];
  /** Recurring national figures of the country who appear in this event ({R}). */
  recurring: Person[];
  orgs: Named[];
  /** Distinctive words of the event ({K}); the first is in most titles. */
  keyTerms: string[];
  /** The event's own figure ({M}), as written. */
  figure: string;
  startDay: number;
  /** Day offset of each planned article from `startDay`. */
  offsets: number[];
}

export interface Generated {
  article: Article;
  analysis: Analysis;
  event: number;
  /** Position of the article in its event. */
  index: number;
}

const COUNT_WEIGHTS = [30, 22, 15, 10, 8, 6, 5, 4]; // 1..8 articles per event, mostly few

function weighted<T>(r: Rand, xs: readonly T[], weight: (x: T) => number): T {
  const total = xs.reduce((s, x) => s + weight(x), 0);
  let u = r() * total;
  for (const x of xs) if ((u -= weight(x)) < 0) return x;
  return xs[xs.length - 1]!;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const weekday = (day: number): string => WEEKDAY_NAMES[new Date(day * MS_DAY).getUTCDay()]!;
const dayMonth = (day: number): string => {
  const d = new Date(day * MS_DAY);
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]}`;
};

/** Builds the paragraphs and records where each name was written (the analysis' mentions). */
class Writer {
  paragraphs: string[] = [];
  mentions: Mention[] = [];
  counts = new Map<string, { named: Named | Person; type: EntityType; n: number }>();
  claims: Claim[] = [];
  words = 0;
  cur = '';
  /** Names already written in full in this article (later mentions use the surname). */
  introduced = new Set<string>();

  text(s: string): void {
    this.cur += s;
  }
  name(who: Named | Person, type: EntityType, text: string): void {
    const start = this.cur.length;
    this.cur += text;
    this.mentions.push({ paragraph: this.paragraphs.length, start, end: this.cur.length, text, type, actorKey: who.key });
    const c = this.counts.get(who.key);
    if (c) c.n++;
    else this.counts.set(who.key, { named: who, type, n: 1 });
  }
  endParagraph(): void {
    if (!this.cur) return;
    this.words += this.cur.split(/\s+/).length;
    this.paragraphs.push(this.cur);
    this.cur = '';
  }
}

/** The article stream: events one after the other, each article generated from its own seed. */
export class ArticleStream {
  readonly vocab: Vocabulary;
  private readonly cities: Named[][];
  private readonly national: Person[][];
  private ev = 0;
  private pos = 0;
  private plan: EventPlan;
  private extra = 0;
  /** Articles handed out by `next`. */
  produced = 0;

  constructor(readonly seed: number) {
    this.vocab = new Vocabulary(seed);
    const r = rng(mix(seed, 0x636974));
    // 30 cities per country, made-up names, some with a prefix or suffix.
    const seen = new Set<string>();
    this.cities = W.COUNTRIES.map(() => {
      const out: Named[] = [];
      while (out.length < 30) {
        const base = cap(pseudoWord(r));
        const u = r();
        const name = u < 0.15 ? `Port ${base}` : u < 0.25 ? `San ${base}` : u < 0.35 ? `${base}burg` : u < 0.42 ? `${base}ford` : base;
        if (seen.has(name)) continue;
        seen.add(name);
        out.push({ name, key: keyOf('LOC', name), type: 'LOC' });
      }
      return out;
    });
    this.national = W.COUNTRIES.map((_, ci) =>
      W.NATIONAL_ROLES.map((role, ri) => {
        const pr = rng(mix(seed, 0x6e6174, ci, ri));
        return this.person(pr, role);
      }),
    );
    this.plan = this.eventPlan(0);
  }

  private person(r: Rand, role: string): Person {
    const first = pick(r, W.FIRST_NAMES);
    const surname = r() < 0.55 ? pick(r, W.SURNAMES) : cap(pseudoWord(r));
    const name = `${first} ${surname}`;
    return { name, surname, key: keyOf('PER', name), role };
  }

  /**
   * The plan of event `e`: the same every time it is asked for. About a third of events are hard
   * negatives for an earlier one (issue #19): the same kind of event in the same place, two to eight
   * weeks after it (another fire in the same city, the next council vote), with its own people, key
   * terms and figure; the place's organisations and recurring figures are the same. Independent
   * events alone would make the bench's same-event precision easy: two events rarely share a city.
   */
  eventPlan(e: number): EventPlan {
    const own = this.ownPlan(e);
    if (e < 1) return own;
    const r = rng(mix(this.seed, 0x736962, e));
    if (r() >= SIBLING_SHARE) return own;
    const parent = this.ownPlan(e - 1 - Math.floor(r() * Math.min(e, SIBLING_BACK)));
    const topic = parent.topic;
    const [lo, hi, dec] = topic.figure;
    const fig = lo + r() * (hi - lo);
    const key0 = cap(parent.keyTerms[0]!);
    const standing = parent.orgs.filter((o) => !o.name.includes(key0));
    return {
      ...own,
      topic,
      country: parent.country,
      city: parent.city,
      people: own.people.map((p) => ({ ...p, role: pick(r, topic.roles) })),
      recurring: parent.recurring,
      // The place's standing organisations, not those named after the earlier event's key term.
      orgs: standing.length ? standing : own.orgs,
      figure: dec ? fig.toFixed(dec) : String(Math.round(fig)),
      startDay: Math.min(DAY0 + SPAN_DAYS - 14, parent.startDay + int(r, 14, 56)),
    };
  }

  /** The plan of event `e` drawn on its own (before any hard-negative pairing). */
  private ownPlan(e: number): EventPlan {
    const r = rng(mix(this.seed, 0x657674, e));
    const topic = weighted(r, W.TOPICS, (t) => t.weight);
    const ci = Math.floor(r() * W.COUNTRIES.length);
    const country: Named = { name: W.COUNTRIES[ci]!, key: keyOf('LOC', W.COUNTRIES[ci]!), type: 'LOC' };
    const city = pick(r, this.cities[ci]!);
    const keyTerms: string[] = [];
    const nKeys = int(r, 3, 5);
    while (keyTerms.length < nKeys) {
      const k = this.vocab.ranked(r, 1500, VOCABULARY);
      if (!keyTerms.includes(k)) keyTerms.push(k);
    }
    const people = Array.from({ length: int(r, 2, 4) }, () => this.person(r, pick(r, topic.roles)));
    const recurringShare = topic.name === 'election' || topic.name === 'summit' ? 0.9 : 0.4;
    const national = this.national[ci]!;
    const prominent = () => weighted(r, national, (p) => W.NATIONAL_PROMINENCE[national.indexOf(p)] ?? 1);
    const recurring = r() < recurringShare ? [prominent()] : [];
    if (r() < 0.2) recurring.push(prominent());
    const fill = (tpl: string) => tpl.replace('{X}', country.name).replace('{C}', city.name).replace('{K}', cap(keyTerms[0]!));
    const orgNames = [...new Set([pick(r, topic.orgs), pick(r, topic.orgs)].map(fill))];
    if (r() < 0.25) orgNames.push(pick(r, W.GLOBAL_ORGS));
    const orgs = [...new Set(orgNames)].map((name): Named => ({ name, key: keyOf('ORG', name), type: 'ORG' }));
    const [lo, hi, dec] = topic.figure;
    const fig = lo + r() * (hi - lo);
    const figure = dec ? fig.toFixed(dec) : String(Math.round(fig));
    const startDay = DAY0 + Math.floor(r() * (SPAN_DAYS - 14));
    const count = 1 + COUNT_WEIGHTS.indexOf(weighted(r, COUNT_WEIGHTS, (w) => w));
    const offsets = [0];
    for (let i = 1; i < count; i++) {
      const u = r();
      offsets.push(offsets[i - 1]! + (u < 0.4 ? 0 : u < 0.8 ? 1 : int(r, 2, 3)));
    }
    return { index: e, topic, country, city, people, recurring, orgs, keyTerms, figure, startDay, offsets };
  }

  /** The next article of the stream. */
  next(): Generated {
    if (this.pos >= this.plan.offsets.length) {
      this.ev++;
      this.pos = 0;
      this.plan = this.eventPlan(this.ev);
    }
    const g = this.article(this.plan, this.pos++);
    this.produced++;
    return g;
  }

  /** Moves on by `n` articles without generating them (to continue a stream saved earlier). */
  skip(n: number): void {
    for (let i = 0; i < n; i++) {
      if (this.pos >= this.plan.offsets.length) {
        this.ev++;
        this.pos = 0;
        this.plan = this.eventPlan(this.ev);
      }
      this.pos++;
      this.produced++;
    }
  }

  /** Where the stream is: what `resume` needs to continue it in a later run. */
  get position(): { produced: number; extra: number } {
    return { produced: this.produced, extra: this.extra };
  }

  /** Continues from `position` (a stream of the same seed). */
  resume(position: { produced: number; extra: number }): void {
    this.skip(position.produced - this.produced);
    this.extra = position.extra;
  }

  /** Events whose articles are all in the stream so far (the one in progress is left out). */
  get completeEvents(): number {
    return this.pos >= this.plan.offsets.length ? this.ev + 1 : this.ev;
  }

  /**
   * A new article about an event already handed out, with a URL never used before: what a reader
   * reads next about a story they have saved. Not part of the stream.
   */
  fresh(r: Rand): Generated {
    const e = Math.floor(r() * Math.max(1, this.completeEvents));
    const plan = this.eventPlan(e);
    return this.article(plan, plan.offsets.length + this.extra++);
  }

  /** How many articles of event `e` the stream has handed out. */
  savedOf(e: number): number {
    if (e < this.ev) return this.eventPlan(e).offsets.length;
    return e === this.ev ? this.pos : 0;
  }

  /**
   * A search query as a reader types it: 1–3 words about a saved event or from the vocabulary,
   * rare and common, sometimes with the last word unfinished.
   */
  query(r: Rand, i: number): string {
    const plan = this.eventPlan(Math.floor(r() * Math.max(1, this.completeEvents)));
    const prefix = (w: string) => w.slice(0, Math.min(w.length - 1, int(r, 3, 5)));
    switch (i % 6) {
      case 0: // a rare word of one event
        return pick(r, plan.keyTerms);
      case 1: // a person and what happened
        return `${pick(r, plan.people).surname} ${pick(r, plan.topic.words)}`;
      case 2: // a place, the kind of story, and a key term being typed
        return `${plan.city.name} ${pick(r, plan.topic.words)} ${prefix(pick(r, plan.keyTerms))}`;
      case 3: // one very common word
        return this.vocab.ranked(r, 0, 100);
      case 4: // two common words, the last one being typed
        return `${this.vocab.ranked(r, 0, 300)} ${prefix(this.vocab.ranked(r, 0, 600))}`;
      default: // a full name
        return pick(r, [...plan.people, ...plan.recurring]).name;
    }
  }

  /** Article `j` of an event (j beyond the planned count: a later follow-up). */
  article(plan: EventPlan, j: number): Generated {
    const r = rng(mix(this.seed, 0x617274, plan.index, j));
    const n = plan.offsets.length;
    const day = plan.startDay + (j < n ? plan.offsets[j]! : plan.offsets[n - 1]! + 1 + ((j - n) % 3));
    const w = new Writer();
    const topic = plan.topic;
    const people = plan.people;
    // Each article names most, not all, of the event's people; the main one always.
    const cast = people.filter((_, i) => i === 0 || r() < 0.75);

    /** Writes a name: in full the first time, the surname after (without a mention in titles). */
    const named = (who: Named | Person, type: EntityType, mentions = true): void => {
      if (!mentions) return w.text(who.name);
      const full = !w.introduced.has(who.key);
      w.introduced.add(who.key);
      w.name(who, type, full || !('surname' in who) ? who.name : who.surname);
    };
    const slot = (s: string, mentions: boolean): void => {
      switch (s) {
        case 'P':
          return named(pick(r, cast), 'PER', mentions);
        case 'P1':
          return named(people[0]!, 'PER', mentions);
        case 'R':
          return named(plan.recurring.length ? pick(r, plan.recurring) : pick(r, cast), 'PER', mentions);
        case 'O':
          return named(pick(r, plan.orgs), 'ORG', mentions);
        case 'C':
          return named(plan.city, 'LOC', mentions);
        case 'X':
          return named(plan.country, 'LOC', mentions);
        case 'T':
          return w.text(pick(r, topic.words));
        case 'K':
          return w.text(r() < 0.6 ? plan.keyTerms[0]! : pick(r, plan.keyTerms));
        case 'N':
          return w.text(this.vocab.zipf(r));
        case 'A':
          return w.text(pick(r, W.ADJECTIVES));
        case 'V':
          return w.text(pick(r, W.PAST_VERBS));
        case 'B':
          return w.text(pick(r, W.BASE_VERBS));
        case 'M':
          return w.text(plan.figure);
        case 'G':
          return w.text(`${int(r, 1, 4)}-${int(r, 0, 2)}`);
        case 'Q': {
          const u = r();
          const q = u < 0.6 ? int(r, 2, 99) : u < 0.9 ? int(r, 100, 999) : int(r, 1000, 99_999);
          return w.text(q.toLocaleString('en-GB'));
        }
        case 'E':
          return w.text(day - plan.startDay <= 6 ? `on ${weekday(plan.startDay)}` : `on ${dayMonth(plan.startDay)}`);
        case 'D': {
          const u = r();
          if (u < 0.5) return w.text(day - plan.startDay <= 6 ? `on ${weekday(plan.startDay)}` : `on ${dayMonth(plan.startDay)}`);
          if (u < 0.7) return w.text(`on ${dayMonth(day)}`);
          if (u < 0.85) return w.text('last week');
          const d = new Date((day - int(r, 60, 500)) * MS_DAY);
          return w.text(`in ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`);
        }
        default:
          return w.text(s);
      }
    };
    /** Writes a template into the current paragraph (without mentions: for the title). */
    const render = (tpl: string, mentions = true, sentence = true): void => {
      const start = w.cur.length;
      let last = 0;
      for (const m of tpl.matchAll(/\{(\w+)\}/g)) {
        w.text(tpl.slice(last, m.index));
        slot(m[1]!, mentions);
        last = m.index + m[0].length;
      }
      w.text(tpl.slice(last));
      // Sentence case: a slot at the start may have written a lower-case word.
      const c = w.cur.charAt(start);
      if (sentence && c && c !== c.toUpperCase()) w.cur = w.cur.slice(0, start) + c.toUpperCase() + w.cur.slice(start + 1);
    };
    const asText = (tpl: string): string => {
      const saved = w.cur;
      w.cur = '';
      render(tpl, false);
      const out = w.cur;
      w.cur = saved;
      return out;
    };
    /** Topic sentences are used at most once per article (they are few); generic ones vary by their slots. */
    const unused = [...topic.body];
    const sentence = (): string => (unused.length && r() < 0.35 ? unused.splice(Math.floor(r() * unused.length), 1)[0]! : pick(r, W.GENERIC));
    /** A sentence to go after "said that": its first word in lower case unless it is a name slot. */
    const clause = (): string => {
      const s = sentence();
      return s[0] === '{' ? s : s[0]!.toLowerCase() + s.slice(1);
    };
    const addClaim = (c: Omit<Claim, 'id' | 'checkworthiness' | 'checkworthy'>): void => {
      const score = Math.round((0.2 + r() * 0.78) * 1000) / 1000;
      const claim: Claim = { id: claimId(c.text), ...c, checkworthiness: score, checkworthy: score >= 0.5 };
      if (r() < 0.02) claim.review = { status: pick(r, ['verified', 'disputed', 'false'] as const), note: '', evidence: [], updatedAt: (day + 2) * MS_DAY };
      w.claims.push(claim);
    };
    /** Writes a template as one claim: `before` + content + `after`, the content being the claim. */
    const claimSentence = (before: () => void, content: string, after: () => void, make: (text: string, span: { paragraph: number; start: number; end: number }) => void): void => {
      before();
      const start = w.cur.length;
      render(content, true, false);
      let end = w.cur.length;
      if (w.cur.endsWith('.')) end--; // the claim is the statement, without its full stop
      const text = w.cur.slice(start, end);
      after();
      make(text, { paragraph: w.paragraphs.length, start, end });
    };

    const title = asText(pick(r, topic.titles));
    const paragraphs = int(r, 10, 25);
    const target = int(r, 500, 1200);
    const budget = target / paragraphs;

    for (let p = 0; p < paragraphs; p++) {
      const before = w.words + w.cur.split(/\s+/).length;
      if (p === 0) render(pick(r, topic.leads));
      else {
        const u = r();
        if (u < 0.25) {
          // A direct quote by one of the event's people (or a national figure).
          const who = plan.recurring.length && r() < 0.2 ? pick(r, plan.recurring) : pick(r, cast);
          const cue = pick(r, W.SAID);
          const quote = pick(r, topic.quotes) + (r() < 0.4 ? ', and ' + clause().replace(/\.$/, '') : '');
          claimSentence(
            () => w.text('“'),
            quote,
            () => {
              w.text(',” ');
              named(who, 'PER');
              w.text(` ${cue}.`);
            },
            (text, span) => addClaim({ spans: [span], text, kind: 'quote', speaker: who.name, speakerKey: who.key, cue, unverified: false, signals: [] }),
          );
        } else if (u < 0.35) {
          // Reported speech by a named person.
          const who = pick(r, cast);
          claimSentence(
            () => {
              named(who, 'PER');
              w.text(' said that ');
            },
            clause(),
            () => undefined,
            (text, span) => addClaim({ spans: [span], text, kind: 'reported', speaker: who.name, speakerKey: who.key, cue: 'said', unverified: false, signals: [] }),
          );
        } else if (u < 0.42) {
          // A statement the text does not stand behind: hedged or from unnamed sources.
          const hedged = r() < 0.5;
          const words = hedged ? 'It is understood' : 'Sources familiar with the matter said';
          const signal: ClaimSignal = hedged
            ? { code: 'hedge', reason: '“It is understood”: the article does not say by whom', words }
            : { code: 'unnamed-sources', reason: 'Attributed to unnamed sources', words: 'Sources familiar with the matter' };
          claimSentence(
            () => w.text(`${words} that `),
            clause(),
            () => undefined,
            (text, span) =>
              addClaim({
                spans: [span],
                text,
                kind: hedged ? 'factual' : 'reported',
                speaker: hedged ? null : 'Sources familiar with the matter',
                speakerKey: null,
                cue: hedged ? null : 'said',
                unverified: true,
                signals: [signal],
              }),
          );
        } else render(sentence());
      }
      // Fill the paragraph to its share of the article's words.
      while (w.words + w.cur.split(/\s+/).length - before < budget - 6) {
        w.text(' ');
        render(sentence());
      }
      w.endParagraph();
    }

    const actors: Actor[] = [...w.counts.values()]
      .map(({ named, type, n }): Actor => ({
        key: named.key,
        name: named.name,
        type,
        aliases: 'surname' in named ? [named.surname] : [],
        mentions: n,
        role: 'role' in named ? named.role : null,
      }))
      .sort((a, b) => b.mentions - a.mentions || (a.key < b.key ? -1 : 1));
    const [pubName, domain] = pick(r, W.PUBLISHERS);
    const date = new Date(day * MS_DAY + int(r, 6 * 60, 22 * 60) * 60_000);
    const iso = isoDay(day);
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .split('-')
      .slice(0, 8)
      .join('-');
    const url = `https://${domain}/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${slug}-e${plan.index}-${j}`;
    const reporter = `${pick(r, W.FIRST_NAMES)} ${pick(r, W.SURNAMES)}`;
    const first = w.paragraphs[0] ?? '';
    const article: Article = {
      url,
      pageUrl: url,
      title,
      byline: `By ${reporter}`,
      publisher: pubName,
      aggregator: r() < 0.1 ? pick(r, W.AGGREGATORS) : null,
      published: date.toISOString(),
      lang: 'en',
      excerpt: first.length > 200 ? first.slice(0, 199) + '…' : first,
      wordCount: w.words,
      paragraphs: w.paragraphs,
      truncated: false,
    };
    const analysis: Analysis = { actors, mentions: w.mentions, claims: w.claims, timings: {} };
    return { article, analysis, event: plan.index, index: j };
  }
}

/** The event an article of the stream belongs to, from its URL (…-e123-4), or -1. */
export function eventOfUrl(url: string): number {
  const m = /-e(\d+)-\d+$/.exec(url);
  return m ? Number(m[1]) : -1;
}

/**
 * News organisations an article names as the source of what it reports (issue #19): "according
 * to Reuters", "Bloomberg first reported", "told The New York Times", "a CNN poll", or as its own
 * voice (the page's publisher: "Polygraph.info has previously established"). They are named,
 * so the article's list of names keeps them, but they are no actors of its event: a reader of the
 * timeline learns nothing from "Brought in: Bloomberg, Reuters", and a layoffs report is not "mainly
 * about" the outlet that saw the memo. (The matcher still compares them: the outlet that broke a
 * story is cited by every report of it; see `outlets` in lib/events/fingerprint.ts.) Over the 208
 * readable pages of the shared data, 25 organisations are named this way only, all newspapers,
 * broadcasters and agencies (ABC News, AFP, Bloomberg, Fox News, The Hill, Reuters, USA Today, …);
 * the police, ministries and agencies an article also cites ("according to the CDC") are actors of
 * the story, so a name must also read as a news organisation's.
 *
 * Deliberately simple: English only; a mention counts as cited from the few words around it.
 */
import type { Actor, Mention } from '../types.ts';
import { wholeWordsAt } from '../whole-words.ts';

/**
 * Words before a name that cite it: "according to", "told", "reported by", "in an interview with",
 * "in an email to", ", citing", "Photo:"; or an opening bracket (a wire report's credit, "MOSCOW (Reuters) —").
 */
const CITE_BEFORE =
  /\b(?:according to|reported by|first reported by|cited by|quoted by|obtained by|reviewed by|seen by|published by|contacted by|asked by|confirmed to|told|tell|tells|telling|speaking to|spoke to|spoke with|talking to|interview with|interviewed by|interview on|(?:statement|email|e-mail|message|letter|comments?|remarks) to|(?:said|says|wrote|writes|writing|appeared|appearing|speaking) (?:on|in|for)|citing|via|per|(?:photo|photograph|picture|image|credit)s?(?: by)?:?)\s+(?:the\s+)?$|\(\s*$/i;

/**
 * Words after a name that cite it: "reported", "first reported", "has learned", "'s report", "poll",
 * "contributed to this report", "host" (its reporters and hosts speak for it), "'s request for
 * comment" (what the outlet asked).
 */
const CITE_AFTER =
  /^(?:['’]s?)?\s*(?:,\s*which\s+)?(?:(?:first|also|previously|earlier|originally|initially|exclusively|later|has|have|had)\s+)*(?:reported|reports|reporting|report|learned|revealed|broke the news|cited|citing|obtained|published|wrote|writes|story|stories|investigation|analysis|poll|polls|survey|interview|article|coverage|contributed to this report|reporter|reporters|correspondent|columnist|host|anchor|editor|journalist|contributor|requests? for comment|inquiry|inquiries)\b/i;

/** A name after the outlet's: its reporter ("CNN's Jake Tapper"), or its photographer after a slash ("Reuters/Jane Roe"). */
const CITE_STAFF = /^['’]s\s+\p{Lu}\p{Ll}+\s+\p{Lu}|^\s*\/\s*\p{Lu}/u;

/**
 * A news organisation's name: one that ends in a newspaper's, broadcaster's or agency's word ("The
 * Washington Post", "Fox News", "Sioux Falls Argus Leader", "Xinhua News Agency"), or begins with
 * "Daily", "Weekly" or "Radio" ("Radio Free Asia"). At the end only: "Guardian Council", "Post
 * Office", "Times Square Alliance" and "White House Press Office" are bodies of a story.
 */
const NEWS_NAME =
  /\b(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Chronicle|Examiner|Observer|Press|Wire|Radio|Television|TV|Broadcasting|Magazine|Daily|Weekly|Reporter|Insider|Mirror|Inquirer|Courier|Dispatch|Sentinel|Leader|Today|Newswire|Newsweek|Globe|Mail|Star|Sun|Independent|Standard|Bulletin|Register)(?:\s+(?:Agency|Service|Network))?$|^(?:Daily|Weekly|Radio)\s/i;

/** Words that make a name with a news word another body: "Oxford University Press", "Medical Examiner", "The New York Times Company". */
const NOT_NEWS = /\b(?:University|Medical|Corporation|Company|Co|Corp|Inc|Ltd|Group|Holdings)\b/i;

/** News organisations whose names NEWS_NAME does not read (lower case, without a leading "the"). */
const OUTLETS: ReadonlySet<string> = new Set([
  'reuters',
  'afp',
  'agence france-presse',
  'ap',
  'bloomberg',
  'cnn',
  'bbc',
  'nbc',
  'cbs',
  'abc',
  'npr',
  'pbs',
  'msnbc',
  'cnbc',
  'politico',
  'axios',
  'techcrunch',
  'wired',
  'variety',
  'tmz',
  'al jazeera',
  'xinhua',
  'tass',
  'interfax',
  'kyodo',
  'yonhap',
  'sky',
  'itv',
  'hill',
  'vice',
  'slate',
  'salon',
  'buzzfeed',
  'huffpost',
  'huffington post',
  'breitbart',
  'mashable',
  'engadget',
  'verge',
  'gizmodo',
  'propublica',
  'deadline',
  'billboard',
  'rolling stone',
  'forbes',
  'fortune',
  'economist',
  'atlantic',
  'new yorker',
  'mother jones',
  'le monde',
  'der spiegel',
  'spiegel',
  'el país',
  'el pais',
  'haaretz',
  'kommersant',
  'ria novosti',
  'sputnik',
  'anadolu',
  'voa',
  'voice of america',
  'rferl',
  'politifact',
  'snopes',
  'wsj',
  'nyt',
  'ft',
  'cbc',
  'newsmax',
  'newsday',
  'euronews',
  'nhk',
  'france 24',
  'rte',
  'rté',
]);

/** Whether a name reads as a news organisation's: a newspaper's or broadcaster's name, or a known one. */
export function isOutletName(name: string): boolean {
  const n = name
    .trim()
    .replace(/['’]s$/, '')
    .replace(/^the\s+/i, '');
  return (NEWS_NAME.test(n) && !NOT_NEWS.test(n)) || OUTLETS.has(n.toLowerCase());
}

/** How far around a mention its citing words are read, in characters. */
const REACH_BEFORE = 40;
const REACH_AFTER = 60;

/** A company's own results after its name: "reported a 9% rise", "reports its quarterly earnings". */
const RESULTS_AFTER = /^\s*(?:also\s+)?report(?:ed|s)\s+(?:a\s+[\d$£€]|its|their|record|quarterly|annual|net|revenue|profit|loss|earnings|sales|[\d$£€])/i;

/** Whether the mention at `m` cites its name as the source of a report. */
export function citedAt(paragraph: string, m: Pick<Mention, 'start' | 'end'>): boolean {
  const after = paragraph.slice(m.end, m.end + REACH_AFTER);
  if (RESULTS_AFTER.test(after)) return false;
  return CITE_BEFORE.test(paragraph.slice(Math.max(0, m.start - REACH_BEFORE), m.start)) || CITE_AFTER.test(after) || CITE_STAFF.test(after);
}

/** A name as compared with a publisher's: lower case, without a leading "the" or a trailing ".com". */
function plain(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\.(?:com|org|net|co\.uk)$/, '');
}

/**
 * Whether `name` is the page's publisher's or aggregator's, or its start followed by a place (an
 * edition: "The Real Deal" of "The Real Deal New York"), not by another word ("Google" of "Google
 * News", "Washington" of "The Washington Post").
 */
function isPublisher(name: string, publishers: readonly string[], place: (name: string) => boolean): boolean {
  const n = plain(name);
  return n.length > 1 && publishers.some((p) => p === n || (p.startsWith(n + ' ') && place(p.slice(n.length + 1))));
}

/** What `citedOutlets` knows of the page. */
export interface OutletContext {
  /** The page's publisher and the site that carried it (`Article.publisher`, `aggregator`). */
  publishers?: readonly (string | null | undefined)[];
  /** Whether a name is a place's (the name lists'), for a publisher's edition. Default: none is. */
  place?: (name: string) => boolean;
  /** The headline: an organisation it names is what the article is about, whatever it cites. */
  title?: string;
}

/**
 * The keys of the news organisations an article names as the source of what it reports, not as
 * its subject: its name (or one of the names it goes by in the article) reads as a news
 * organisation's or is the page's own publisher's or aggregator's, and every mention of it cites
 * it; or it is the page's own publisher, read as news or cited at least once (then it is the
 * article's voice, whatever else it does in it). Never when the headline names it ("Reuters
 * journalist killed": then the article is about it).
 */
export function citedOutlets(paragraphs: readonly string[], mentions: readonly Mention[], actors: readonly Actor[], context: OutletContext = {}): Set<string> {
  const own = (context.publishers ?? []).filter((p): p is string => !!p).map(plain);
  const place = context.place ?? (() => false);
  const title = (context.title ?? '').toLowerCase();
  const out = new Set<string>();
  for (const a of actors) {
    if (a.type !== 'ORG') continue;
    const all = [a.name, ...a.aliases];
    const news = all.some((n) => isOutletName(n));
    const publisher = all.some((n) => isPublisher(n, own, place));
    if (!news && !publisher) continue;
    if (all.some((n) => n.length > 1 && wholeWordsAt(title, n.toLowerCase()) >= 0)) continue;
    const cited = mentions.filter((m) => m.actorKey === a.key).map((m) => citedAt(paragraphs[m.paragraph] ?? '', m));
    if (!cited.length) continue;
    // Cited every time; or the page's own publisher, the voice of the article whatever it does in
    // it ("Polygraph.info has previously established …"), when it reads as news or is cited at least
    // once ("told Polygraph.info"): a company's, an agency's or a charity's own page about its work
    // (NASA's, Amnesty's) keeps it as an actor.
    if (cited.every(Boolean) || (publisher && (news || cited.some(Boolean)))) out.add(a.key);
  }
  return out;
}

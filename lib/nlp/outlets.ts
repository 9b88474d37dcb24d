/**
 * News organisations an article names only as the source of what it reports (issue #19): "according
 * to Reuters", "Bloomberg first reported", "told The New York Times", "a CNN poll". They are named,
 * so the article's list of names keeps them, but they are no actors of its event: a reader of the
 * timeline learns nothing from "Brought in: Bloomberg, Reuters", and a layoffs report is not "mainly
 * about" the outlet that saw the memo. (The matcher still compares them: the outlet that broke a
 * story is cited by every report of it; see `outlets` in lib/events/fingerprint.ts.) Over the 208
 * readable pages of the shared data, 25 organisations were named this way only: newspapers,
 * broadcasters and agencies (ABC News, AFP, Bloomberg, Fox News, The Hill, Reuters, USA Today, …),
 * and once a network's reporter the tagger read as the network; the police, ministries and agencies an article also cites ("according to the
 * CDC") are actors of the story, so a name must also read as a news organisation's.
 *
 * Deliberately simple: English only; a mention counts as cited from the few words around it.
 */
import type { Actor, Mention } from '../types.ts';

/**
 * Words before a name that cite it: "according to", "told", "reported by", "in an interview with";
 * or an opening bracket (a wire report's credit, "MOSCOW (Reuters) —").
 */
const CITE_BEFORE =
  /\b(?:according to|reported by|first reported by|cited by|quoted by|obtained by|reviewed by|seen by|published by|contacted by|asked by|confirmed to|told|tell|tells|telling|speaking to|spoke to|spoke with|talking to|interview with|interviewed by|statement to|(?:said|says|wrote|writes|writing|appeared|appearing) (?:on|in|for)|via|per)\s+(?:the\s+)?$|\(\s*$/i;

/**
 * Words after a name that cite it: "reported", "first reported", "has learned", "'s report", "poll",
 * "contributed to this report", "host" (its reporters and hosts speak for it).
 */
const CITE_AFTER =
  /^(?:['’]s?)?\s*(?:,\s*which\s+)?(?:(?:first|also|previously|earlier|originally|initially|exclusively|later|has|have|had|was|were)\s+)*(?:reported|reports|reporting|report|learned|revealed|broke the news|cited|citing|obtained|published|wrote|writes|story|stories|investigation|analysis|poll|polls|survey|interview|article|coverage|contributed to this report|reporter|reporters|correspondent|columnist|host|anchor|editor|journalist|contributor)\b/i;

/** Words in a news organisation's name. */
const NEWS_WORDS =
  /\b(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Chronicle|Examiner|Observer|Press|Wire|Radio|Television|TV|Broadcasting|Magazine|Daily|Weekly|Reporter|Insider|Mirror|Inquirer|Courier|Dispatch|Sentinel|Leader|Today|Newswire|Newsweek)\b/;

/** News organisations whose names have none of NEWS_WORDS (lower case). */
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
  'vox',
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
  'the hill',
  'vice',
  'slate',
  'salon',
  'buzzfeed',
  'huffpost',
  'huffington post',
  'breitbart',
  'mashable',
  'engadget',
  'the verge',
  'verge',
  'gizmodo',
  'propublica',
  'deadline',
  'billboard',
  'rolling stone',
  'forbes',
  'fortune',
  'the economist',
  'economist',
  'the atlantic',
  'the new yorker',
  'new yorker',
  'mother jones',
  'the daily beast',
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
]);

/** Whether a name reads as a news organisation's: words of one ("Times", "News") or a known name. */
export function isOutletName(name: string): boolean {
  const n = name.trim().replace(/['’]s$/, '');
  return NEWS_WORDS.test(n) || OUTLETS.has(n.toLowerCase());
}

/** How far around a mention its citing words are read, in characters. */
const REACH_BEFORE = 40;
const REACH_AFTER = 60;

/** Whether the mention at `m` cites its name as the source of a report. */
export function citedAt(paragraph: string, m: Pick<Mention, 'start' | 'end'>): boolean {
  return CITE_BEFORE.test(paragraph.slice(Math.max(0, m.start - REACH_BEFORE), m.start)) || CITE_AFTER.test(paragraph.slice(m.end, m.end + REACH_AFTER));
}

/** A name as compared with a publisher's: lower case, without a leading "the" or a trailing ".com". */
function plain(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\.(?:com|org|net|co\.uk)$/, '');
}

/** Whether `name` is the page's own publisher's, or its start ("The Real Deal" of "The Real Deal New York"). */
function isPublisher(name: string, publishers: readonly string[]): boolean {
  const n = plain(name);
  return n.length > 1 && publishers.some((p) => p === n || p.startsWith(n + ' '));
}

/**
 * The keys of the organisations an article names only as the source of what it reports: every
 * mention of it cites it, and its name (or one of the names it goes by in the article) reads as a
 * news organisation's, or is the page's own publisher's or aggregator's (`publishers`).
 */
export function citedOutlets(paragraphs: readonly string[], mentions: readonly Mention[], actors: readonly Actor[], publishers: readonly (string | null | undefined)[] = []): Set<string> {
  const own = publishers.filter((p): p is string => !!p).map(plain);
  const out = new Set<string>();
  for (const a of actors) {
    if (a.type !== 'ORG') continue;
    const names = [a.name, ...a.aliases];
    if (!names.some((n) => isOutletName(n) || isPublisher(n, own))) continue;
    const ms = mentions.filter((m) => m.actorKey === a.key);
    if (ms.length > 0 && ms.every((m) => citedAt(paragraphs[m.paragraph] ?? '', m))) out.add(a.key);
  }
  return out;
}

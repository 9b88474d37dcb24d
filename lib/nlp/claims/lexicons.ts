/**
 * Small closed-class word lists used as check-worthiness features (and reusable by the claim
 * rules: attribution cues, hedges). Lower-case; multi-word cues are matched on the token sequence.
 * Written for this project from general English grammar, not copied from a lexicon.
 */

/** Reporting / attribution verbs and nouns. */
export const ATTRIBUTION_VERBS = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'stated', 'states', 'claimed', 'claims', 'claim', 'announced',
  'announces', 'reported', 'reports', 'insisted', 'insists', 'admitted', 'admits', 'added', 'adds', 'argued', 'argues',
  'warned', 'warns', 'suggested', 'suggests', 'confirmed', 'confirms', 'denied', 'denies', 'alleged', 'alleges',
  'noted', 'notes', 'explained', 'explains', 'acknowledged', 'acknowledges', 'estimated', 'estimates', 'predicted',
  'predicts', 'testified', 'wrote', 'writes', 'tweeted', 'revealed', 'reveals', 'showed', 'shows', 'found', 'finds',
  'concluded', 'concludes', 'declared', 'declares', 'pledged', 'promised', 'vowed',
]);

/** Sources of evidence: a sentence citing one is usually reporting a fact. */
export const EVIDENCE_NOUNS = new Set([
  'report', 'reports', 'study', 'studies', 'survey', 'surveys', 'poll', 'polls', 'data', 'statistics', 'figures',
  'census', 'research', 'analysis', 'record', 'records', 'budget', 'cbo', 'bureau', 'department', 'commission',
  'office', 'agency', 'index', 'rate', 'rates', 'percentage', 'average', 'estimate',
]);

/** Hedges and markers of uncertainty or opinion. */
export const HEDGES = new Set([
  'maybe', 'perhaps', 'probably', 'possibly', 'likely', 'unlikely', 'apparently', 'reportedly', 'allegedly',
  'seemingly', 'seems', 'seem', 'seemed', 'appears', 'appear', 'appeared', 'suggest', 'suppose', 'guess', 'believe',
  'believes', 'think', 'thinks', 'feel', 'feels', 'hope', 'hopes', 'roughly', 'approximately', 'nearly', 'almost',
  'around', 'about', 'somewhat', 'arguably', 'presumably', 'supposedly', 'understood', 'rumoured', 'rumored',
]);
export const HEDGE_PHRASES: readonly string[][] = [
  ['i', 'think'], ['i', 'believe'], ['i', 'feel'], ['we', 'think'], ['we', 'believe'], ['sort', 'of'], ['kind', 'of'],
  ['it', 'is', 'understood'], ['it', 'is', 'believed'], ['it', 'is', 'thought'], ['in', 'my', 'opinion'],
  ['according', 'to'],
];

export const MODALS_POSSIBILITY = new Set(['may', 'might', 'could', 'can', 'cannot', "can't", "couldn't"]);
export const MODALS_OBLIGATION = new Set(['must', 'should', 'ought', "shouldn't", "mustn't", 'need', 'needs']);
export const MODALS_FUTURE = new Set(['will', "won't", "'ll", 'shall', 'gonna']);
export const MODALS_CONDITIONAL = new Set(['would', "wouldn't", "'d"]);

/** Irregular past-tense forms that do not end in -ed. */
export const IRREGULAR_PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'made', 'went', 'got', 'gave', 'took', 'came', 'saw', 'knew', 'thought', 'told',
  'found', 'left', 'felt', 'kept', 'began', 'brought', 'bought', 'built', 'sent', 'spent', 'lost', 'paid', 'met',
  'ran', 'won', 'led', 'fell', 'rose', 'grew', 'cut', 'put', 'set', 'became', 'held', 'stood', 'sold', 'wrote',
  'voted', 'drove', 'fought', 'taught', 'caught', 'meant', 'hit', 'shot', 'struck', 'threw', 'broke', 'chose', 'spoke',
]);
export const NOT_PAST_ED = new Set(['need', 'needed', 'red', 'bed', 'indeed', 'speed', 'seed', 'feed', 'shed', 'hundred', 'proceed', 'exceed', 'succeed', 'united', 'limited', 'interested', 'concerned', 'supposed', 'used']);
export const PRESENT_BE = new Set(['is', 'are', 'am', "'s", "'re", "'m", "isn't", "aren't"]);
export const PERFECT_AUX = new Set(['has', 'have', 'had', "'ve", "hasn't", "haven't", "hadn't"]);

export const FIRST_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);
export const FIRST_PLURAL = new Set(['we', 'us', 'our', 'ours', 'ourselves', "we're", "we've", "we'd", "we'll", "let's"]);
export const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves', "you're", "you've", "you'd", "you'll"]);
export const THIRD_PERSON = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'his', 'their', 'hers', 'theirs']);

export const NEGATIONS = new Set(['not', "n't", 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "cannot"]);

/** Superlatives and record words that do not follow the -est pattern (or are too common to guess). */
export const SUPERLATIVES = new Set([
  'best', 'worst', 'most', 'least', 'first', 'last', 'only', 'record', 'ever', 'highest', 'lowest', 'largest',
  'biggest', 'smallest', 'fastest', 'slowest', 'greatest', 'longest', 'shortest', 'oldest', 'youngest', 'richest',
  'poorest', 'deadliest', 'strongest', 'weakest', 'top', 'unprecedented',
]);
export const NOT_SUPERLATIVE_EST = new Set(['interest', 'west', 'test', 'best', 'rest', 'protest', 'request', 'honest', 'modest', 'forest', 'arrest', 'suggest', 'invest', 'latest', 'guest', 'nest', 'chest', 'quest', 'contest', 'harvest', 'manifest', 'earnest', 'midwest', 'southwest', 'northwest', 'conquest', 'digest', 'lest', 'pest', 'vest', 'zest', 'attest', 'detest', 'divest', 'infest', 'ingest', 'molest', 'priest']);
export const COMPARATIVE_WORDS = new Set(['more', 'less', 'fewer', 'better', 'worse', 'higher', 'lower', 'larger', 'bigger', 'smaller', 'greater', 'faster', 'slower', 'cheaper', 'stronger', 'weaker', 'richer', 'poorer', 'longer', 'shorter', 'older', 'younger']);

/** Verbs and nouns of change in quantity. */
export const CHANGE_WORDS = new Set([
  'increase', 'increased', 'increases', 'increasing', 'decrease', 'decreased', 'decreases', 'rise', 'rose', 'risen',
  'rising', 'fall', 'fell', 'fallen', 'falling', 'doubled', 'tripled', 'tripled', 'quadrupled', 'halved', 'cut', 'cuts',
  'grew', 'grown', 'growth', 'dropped', 'drop', 'declined', 'decline', 'soared', 'surged', 'plunged', 'jumped',
  'raised', 'lowered', 'reduced', 'reduction', 'created', 'lost', 'added', 'spent', 'spending', 'deficit', 'debt',
]);

export const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
  'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'dozen', 'dozens', 'half',
  'twice', 'double', 'triple', 'quarter', 'third', 'percent', 'million', 'millions', 'billion', 'billions',
  'trillion', 'trillions',
]);
export const MAGNITUDES = new Set(['million', 'millions', 'billion', 'billions', 'trillion', 'trillions', 'thousand', 'thousands', 'hundred', 'hundreds']);
export const MONEY_WORDS = new Set(['dollar', 'dollars', 'pound', 'pounds', 'euro', 'euros', 'cents', 'taxpayer', 'taxpayers', 'tax', 'taxes', 'budget', 'salary', 'wage', 'wages', 'income', 'cost', 'costs', 'price', 'prices', 'paid', 'pay', 'fund', 'funding']);
export const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export const TIME_WORDS = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'decade', 'decades', 'century', 'ago', 'since', 'today', 'yesterday', 'annually', 'daily', 'quarter']);

/** Honorifics and offices that introduce a named actor ("Mr Trump", "Senator Sanders"). */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'lady', 'president', 'senator', 'sen', 'governor', 'gov', 'secretary',
  'minister', 'congressman', 'congresswoman', 'representative', 'rep', 'mayor', 'judge', 'justice', 'general', 'gen',
  'chancellor', 'speaker', 'leader', 'prince', 'king', 'queen', 'pope', 'chairman', 'chief', 'director', 'prof', 'professor',
]);

/** Social and procedural talk: greetings, thanks, moderator lines. */
export const SOCIAL = new Set(['thank', 'thanks', 'welcome', 'hello', 'goodnight', 'applause', 'laughter', 'crosstalk', 'congratulations', 'bless', 'please', 'sorry', 'okay', 'ok', 'yes', 'yeah', 'well', 'oh', 'wow']);

/** Words for opinion and evaluation; statements built on them are less often checkable facts. */
export const OPINION = new Set(['great', 'terrible', 'wonderful', 'horrible', 'disaster', 'disgrace', 'tremendous', 'incredible', 'amazing', 'beautiful', 'awful', 'love', 'hate', 'wrong', 'right', 'ridiculous', 'stupid', 'smart', 'nice', 'bad', 'good', 'fantastic', 'sad', 'unfair', 'fair', 'weak', 'strong']);

/**
 * Small closed-class word lists used as check-worthiness features (and reusable by the claim
 * rules: attribution cues, hedges). Lower-case; multi-word cues are matched on the token sequence.
 * Written for this project from general English grammar, not copied from a lexicon.
 */

/** Reporting / attribution verbs and nouns. */
export const ATTRIBUTION_VERBS = new Set([
  'said',
  'says',
  'say',
  'saying',
  'told',
  'tells',
  'tell',
  'stated',
  'states',
  'claimed',
  'claims',
  'claim',
  'announced',
  'announces',
  'reported',
  'reports',
  'insisted',
  'insists',
  'admitted',
  'admits',
  'added',
  'adds',
  'argued',
  'argues',
  'warned',
  'warns',
  'suggested',
  'suggests',
  'confirmed',
  'confirms',
  'denied',
  'denies',
  'alleged',
  'alleges',
  'noted',
  'notes',
  'explained',
  'explains',
  'acknowledged',
  'acknowledges',
  'estimated',
  'estimates',
  'predicted',
  'predicts',
  'testified',
  'wrote',
  'writes',
  'tweeted',
  'revealed',
  'reveals',
  'showed',
  'shows',
  'found',
  'finds',
  'concluded',
  'concludes',
  'declared',
  'declares',
  'pledged',
  'promised',
  'vowed',
]);

/** Sources of evidence: a sentence citing one is usually reporting a fact. */
export const EVIDENCE_NOUNS = new Set([
  'report',
  'reports',
  'study',
  'studies',
  'survey',
  'surveys',
  'poll',
  'polls',
  'data',
  'statistics',
  'figures',
  'census',
  'research',
  'analysis',
  'record',
  'records',
  'budget',
  'cbo',
  'bureau',
  'department',
  'commission',
  'office',
  'agency',
  'index',
  'rate',
  'rates',
  'percentage',
  'average',
  'estimate',
]);

/** Hedges and markers of uncertainty or opinion. */
export const HEDGES = new Set([
  'maybe',
  'perhaps',
  'probably',
  'possibly',
  'likely',
  'unlikely',
  'apparently',
  'reportedly',
  'allegedly',
  'seemingly',
  'seems',
  'seem',
  'seemed',
  'appears',
  'appear',
  'appeared',
  'suggest',
  'suppose',
  'guess',
  'believe',
  'believes',
  'think',
  'thinks',
  'feel',
  'feels',
  'hope',
  'hopes',
  'roughly',
  'approximately',
  'nearly',
  'almost',
  'around',
  'about',
  'somewhat',
  'arguably',
  'presumably',
  'supposedly',
  'understood',
  'rumoured',
  'rumored',
]);
export const HEDGE_PHRASES: readonly string[][] = [
  ['i', 'think'],
  ['i', 'believe'],
  ['i', 'feel'],
  ['we', 'think'],
  ['we', 'believe'],
  ['sort', 'of'],
  ['kind', 'of'],
  ['it', 'is', 'understood'],
  ['it', 'is', 'believed'],
  ['it', 'is', 'thought'],
  ['in', 'my', 'opinion'],
  ['according', 'to'],
];

export const MODALS_POSSIBILITY = new Set(['may', 'might', 'could', 'can', 'cannot', "can't", "couldn't"]);
export const MODALS_OBLIGATION = new Set(['must', 'should', 'ought', "shouldn't", "mustn't", 'need', 'needs']);
export const MODALS_FUTURE = new Set(['will', "won't", "'ll", 'shall', 'gonna']);
export const MODALS_CONDITIONAL = new Set(['would', "wouldn't", "'d"]);

/** Irregular past-tense forms that do not end in -ed. */
export const IRREGULAR_PAST = new Set([
  'was',
  'were',
  'had',
  'did',
  'said',
  'made',
  'went',
  'got',
  'gave',
  'took',
  'came',
  'saw',
  'knew',
  'thought',
  'told',
  'found',
  'left',
  'felt',
  'kept',
  'began',
  'brought',
  'bought',
  'built',
  'sent',
  'spent',
  'lost',
  'paid',
  'met',
  'ran',
  'won',
  'led',
  'fell',
  'rose',
  'grew',
  'cut',
  'put',
  'set',
  'became',
  'held',
  'stood',
  'sold',
  'wrote',
  'voted',
  'drove',
  'fought',
  'taught',
  'caught',
  'meant',
  'hit',
  'shot',
  'struck',
  'threw',
  'broke',
  'chose',
  'spoke',
]);
export const NOT_PAST_ED = new Set([
  'need',
  'needed',
  'red',
  'bed',
  'indeed',
  'speed',
  'seed',
  'feed',
  'shed',
  'hundred',
  'proceed',
  'exceed',
  'succeed',
  'united',
  'limited',
  'interested',
  'concerned',
  'supposed',
  'used',
]);
export const PRESENT_BE = new Set(['is', 'are', 'am', "'s", "'re", "'m", "isn't", "aren't"]);
export const PERFECT_AUX = new Set(['has', 'have', 'had', "'ve", "hasn't", "haven't", "hadn't"]);

export const FIRST_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);
export const FIRST_PLURAL = new Set(['we', 'us', 'our', 'ours', 'ourselves', "we're", "we've", "we'd", "we'll", "let's"]);
export const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves', "you're", "you've", "you'd", "you'll"]);
export const THIRD_PERSON = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'his', 'their', 'hers', 'theirs']);

export const NEGATIONS = new Set([
  'not',
  "n't",
  'no',
  'never',
  'nobody',
  'nothing',
  'none',
  'neither',
  'nor',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "won't",
  "can't",
  'cannot',
]);

/** Superlatives and record words that do not follow the -est pattern (or are too common to guess). */
export const SUPERLATIVES = new Set([
  'best',
  'worst',
  'most',
  'least',
  'first',
  'last',
  'only',
  'record',
  'ever',
  'highest',
  'lowest',
  'largest',
  'biggest',
  'smallest',
  'fastest',
  'slowest',
  'greatest',
  'longest',
  'shortest',
  'oldest',
  'youngest',
  'richest',
  'poorest',
  'deadliest',
  'strongest',
  'weakest',
  'top',
  'unprecedented',
]);
export const NOT_SUPERLATIVE_EST = new Set([
  'interest',
  'west',
  'test',
  'best',
  'rest',
  'protest',
  'request',
  'honest',
  'modest',
  'forest',
  'arrest',
  'suggest',
  'invest',
  'latest',
  'guest',
  'nest',
  'chest',
  'quest',
  'contest',
  'harvest',
  'manifest',
  'earnest',
  'midwest',
  'southwest',
  'northwest',
  'conquest',
  'digest',
  'lest',
  'pest',
  'vest',
  'zest',
  'attest',
  'detest',
  'divest',
  'infest',
  'ingest',
  'molest',
  'priest',
]);
export const COMPARATIVE_WORDS = new Set([
  'more',
  'less',
  'fewer',
  'better',
  'worse',
  'higher',
  'lower',
  'larger',
  'bigger',
  'smaller',
  'greater',
  'faster',
  'slower',
  'cheaper',
  'stronger',
  'weaker',
  'richer',
  'poorer',
  'longer',
  'shorter',
  'older',
  'younger',
]);

/** Verbs and nouns of change in quantity. */
export const CHANGE_WORDS = new Set([
  'increase',
  'increased',
  'increases',
  'increasing',
  'decrease',
  'decreased',
  'decreases',
  'rise',
  'rose',
  'risen',
  'rising',
  'fall',
  'fell',
  'fallen',
  'falling',
  'doubled',
  'tripled',
  'tripled',
  'quadrupled',
  'halved',
  'cut',
  'cuts',
  'grew',
  'grown',
  'growth',
  'dropped',
  'drop',
  'declined',
  'decline',
  'soared',
  'surged',
  'plunged',
  'jumped',
  'raised',
  'lowered',
  'reduced',
  'reduction',
  'created',
  'lost',
  'added',
  'spent',
  'spending',
  'deficit',
  'debt',
]);

export const NUMBER_WORDS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'dozen',
  'dozens',
  'half',
  'twice',
  'double',
  'triple',
  'quarter',
  'third',
  'percent',
  'million',
  'millions',
  'billion',
  'billions',
  'trillion',
  'trillions',
]);
export const MAGNITUDES = new Set(['million', 'millions', 'billion', 'billions', 'trillion', 'trillions', 'thousand', 'thousands', 'hundred', 'hundreds']);
export const MONEY_WORDS = new Set([
  'dollar',
  'dollars',
  'pound',
  'pounds',
  'euro',
  'euros',
  'cents',
  'taxpayer',
  'taxpayers',
  'tax',
  'taxes',
  'budget',
  'salary',
  'wage',
  'wages',
  'income',
  'cost',
  'costs',
  'price',
  'prices',
  'paid',
  'pay',
  'fund',
  'funding',
]);
export const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export const TIME_WORDS = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'decade', 'decades', 'century', 'ago', 'since', 'today', 'yesterday', 'annually', 'daily', 'quarter']);

/** Honorifics and offices that introduce a named actor ("Mr Trump", "Senator Sanders"). */
export const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'president',
  'senator',
  'sen',
  'governor',
  'gov',
  'secretary',
  'minister',
  'congressman',
  'congresswoman',
  'representative',
  'rep',
  'mayor',
  'judge',
  'justice',
  'general',
  'gen',
  'chancellor',
  'speaker',
  'leader',
  'prince',
  'king',
  'queen',
  'pope',
  'chairman',
  'chief',
  'director',
  'prof',
  'professor',
]);

/** Social and procedural talk: greetings, thanks, moderator lines. */
export const SOCIAL = new Set([
  'thank',
  'thanks',
  'welcome',
  'hello',
  'goodnight',
  'applause',
  'laughter',
  'crosstalk',
  'congratulations',
  'bless',
  'please',
  'sorry',
  'okay',
  'ok',
  'yes',
  'yeah',
  'well',
  'oh',
  'wow',
]);

/** Words for opinion and evaluation; statements built on them are less often checkable facts. */
export const OPINION = new Set([
  'great',
  'terrible',
  'wonderful',
  'horrible',
  'disaster',
  'disgrace',
  'tremendous',
  'incredible',
  'amazing',
  'beautiful',
  'awful',
  'love',
  'hate',
  'wrong',
  'right',
  'ridiculous',
  'stupid',
  'smart',
  'nice',
  'bad',
  'good',
  'fantastic',
  'sad',
  'unfair',
  'fair',
  'weak',
  'strong',
]);

// ---------------------------------------------------------------------------------------------------------------
// Attribution cues: the word lists of the attribution finder (./attribution.ts) and of the sentence splitter
// (../sentences.ts), which asks whether "“…?” she asked." is one sentence. One list of verbs of saying
// (SPEECH_VERBS) serves both. ATTRIBUTION_VERBS above is a different thing: a feature of the trained
// check-worthiness model, kept as it is because the model's weights were fitted with it.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Verbs of saying: finite forms that introduce speech or a statement. */
export const SPEECH_VERBS = words(`
  said says say told tells added adds insisted insists admitted admits argued argues warned warns claimed claims
  suggested suggests stressed stresses noted notes announced announces denied denies explained explains
  acknowledged acknowledges confirmed confirms asserted asserts declared declares maintained maintains contended
  contends predicted predicts revealed reveals reported reports wrote writes tweeted tweets posted asked asks
  replied replies responded responds answered continued recalled recalls conceded concedes emphasized emphasised
  emphasizes emphasises observed remarked alleged alleges charged testified complained complains promised promises
  vowed vows pledged pledges countered agreed agrees estimated speculated joked quipped boasted bragged lamented
  stated states reiterated echoed echoes reiterates mused cautioned cautions disclosed conceded retorted explained informed
  concluded concludes wondered acknowledged signalled signaled indicated indicates hinted hints urged urges
  ask shouted cried exclaimed demanded snapped yelled sings sang chanted chants
  argue warn insist suggest contend predict acknowledge deny admit explain concede complain assert maintain respond
`);
/** Verbs of finding and showing: attributions only with a "that" clause ("a report found that …"). */
export const THAT_VERBS = words(`found finds shows showed show determined`);
/** Words in capitals before a colon that label a page part, not a speaker in a transcript. */
export const LABELS = words(
  `update updated editor editor's note watch related photos photo gallery slideshow video read more see also listen breaking exclusive live opinion analysis correction clarification warning source sources credit image images q a`,
);
/**
 * Verbs that introduce speech only when a colon or comma and a quotation follow, or right after a
 * quotation: among them the manner of saying news puts after a quote ("“…,” McDowell laughed"),
 * which before anything else is no speech ("he laughed at the idea").
 */
export const COLON_VERBS = words(
  `commented comments reads read chanted chants shouted shouts yelled wrote written laughed laughs sighed sighs smiled smiles chuckled chuckles shrugged shrugs grinned scoffed scoffs`,
);
/** "claim" in its sense of taking ("claimed responsibility", "claimed victory") has no clause after it. */
export const CLAIM_VERBS = words(`claimed claims claim`);
/**
 * Verbs of saying that also take a plain object in another sense ("concluded its hearings", "recalled the
 * product", "maintained its lead", "observed the eclipse"): speech only before "that", a quotation, a
 * colon or a clause that opens with a subject pronoun. ("added" stays out: "added a few" is rare next
 * to "added the plan was …", and PolNeAR counts it.)
 */
export const CLAUSE_ONLY_VERBS = words(`concluded concludes conclude recalled recalls recall maintained maintains maintain observed observes observe sings sang chanted chants`);
/** Sources that deny there is a speaker. */
export const NEGATED_SOURCE = words(`no nobody none neither nor never`);
/** Verbs of belief and intention: attributions too, but only in the verb-first frame. */
export const BELIEF_VERBS = words(`believes believe believed thinks think fears feared worries worried hopes hoped expects expected doubts doubted understood understands`);
/** Verbs that name a quotation: `X hailed Y as “…”`, `X called it “…”`. */
export const NAMING_VERBS = words(`
  hailed hails called calls described describes dubbed dubs labelled labeled labels branded brands praised praises
  slammed slams denounced denounces condemned condemns decried decries welcomed welcomes termed terms urged urges
`);
/** Verbs that take the addressee as object before the content: `told the BBC (that) …`. */
export const ADDRESSEE_VERBS = words(`told tells telling informed assured reminded warned warning promised urged urges`);
/**
 * Addressee verbs whose speaker never follows them: "…, said Smith" and "…, warned Smith" put the
 * speaker after the verb, but in "…, told CBS News" and "…, informed the court" what follows is
 * who was told.
 */
export const UNINVERTED_VERBS = words(`told tells informed informs assured assures reminded reminds`);
/** Participles that continue the speaker's previous attribution: `…, adding that …`. */
export const PARTICIPLES = words(`
  adding saying noting arguing insisting warning stressing claiming suggesting explaining telling acknowledging
  admitting declaring predicting asserting writing alleging stating
`);
/**
 * Verbs of a stance, an intention or an act of support or attack, not of words: "X criticized Y",
 * "X endorsed Y", "X wants to …", "X called for …". PolNeAR annotates them as attributions, and the
 * finder reports them (with `stance`), but they are not statements a reader can check against the
 * speaker's words, so the claims the reader sees are not built from them (./find.ts).
 */
export const STANCE_VERBS = words(`
  criticized criticizes criticised criticises endorsed endorses praised praises supported supports backed backs
  opposed opposes defended defends accused accuses proposed proposes refused refuses sought seeks wants want wanted
  questioned questions cited cites mocked mocks dismissed dismisses thanked thanks attacked attacks highlighted
  highlights mentioned mentions rejected rejects blamed blames applauded applauds touted touts blasted blasts
  lambasted ridiculed slammed condemned denounced welcomed hailed described describes called calls prefer prefers
  preferred plans planned declined pledged pledges discussed named fear fears feared knew know knows thought shows
  showed show reveal revealed suggest suggested predicted indicate indicated support oppose endorse back criticize
  discuss defend reject praise seemed seems appears appeared sees see saw hoping expressed expresses voiced voices
  embraced embraces offered offers seem
`);
/** Verbs by which a thing shows something as well as a person says it ("the results suggest that …"). */
export const EVIDENTIAL_VERBS = words(`suggest suggests suggested show shows showed indicate indicates indicated reveal reveals revealed confirm confirms confirmed`);
/** Heads of a source that is a piece of evidence rather than a speaker: "the latest poll showed …". */
export const EVIDENCE_HEADS = words(
  `poll polls survey surveys report reports record records data figures results study studies video analysis filings documents numbers statistics count tally research paper papers release filing estimates estimate`,
);
/**
 * Written things that speak for whoever wrote them, after a verb of saying ("said a report from
 * Kotak Institutional Equities", "said a statement by the ministry"): the papers among
 * EVIDENCE_HEADS, and statements and memos.
 */
export const PAPERS = words(`report study survey poll analysis paper statement memo note`);
/**
 * What a speaker issues, sends or posts, which then "says" something: "issued a statement warning that
 * …", "sent a letter to management stating that …", "posted a video saying …".
 */
export const ISSUED_THINGS = words(`statement statements letter letters note memo message tweet tweets post video email release notice op-ed column`);
/** Verbs by which a speaker puts out such a thing. */
export const ISSUE_VERBS = words(`issued issues issue released releases release sent sends send posted posts post published publishes wrote writes penned shared shares signed put`);
/** Words after a role noun that say how its holders know ("people familiar with the matter", "officials briefed on the talks"). */
export const KNOWING = words(`familiar briefed close knowledgeable involved privy`);
/**
 * Verbs of promising, threatening and asking: attributions (stances) when a to-infinitive follows,
 * directly or after the addressee ("vowed to fight", "urged Congress to act").
 */
export const COMMISSIVE_VERBS = words(`
  vowed vows vow pledged pledges pledge promised promises promise threatened threatens threaten agreed agrees
  offered offers urged urges asked asks demanded demands told tells warned warns encouraged encourages
  implored begged called vowing pledging promising threatening refusing refused refuses refuse
`);
/** Verbs of talking about a topic: attributions with "about" or "of" ("spoke about the economy"). */
export const ABOUT_VERBS = words(`spoke speaks speaking talked talks talking wrote writes complained complains joked boasted bragged warned`);
/** Particles after a stance verb that belong to its cue: "called for", "referred to", "called on". */
export const STANCE_PARTICLE_VERBS = words(`called calls calling referred refers referring pointed points pointing voted votes voting`);
/** Participles of stance: "…, calling him a “loser”", "…, accusing her of …". */
export const STANCE_PARTICIPLES = words(`
  calling accusing praising criticizing criticising urging vowing pledging backing supporting citing blaming
  mocking attacking defending describing seeking denouncing hoping referring
`);
/** Heads of a poll share as a source: "Sixty-six percent said", "nearly half say", "4 in 10 said". */
export const SHARE_WORDS = words(`percent % half third thirds quarter quarters three-quarters majority plurality minority`);
/** Words before a share: "nearly half", "more than 4 in 10", "about a third". */
export const SHARE_MODIFIERS = words(`nearly about almost roughly just only some over under around more less fewer than a the slightly another`);
export const AUX = words(`has have had also would will later then previously repeatedly again further once reportedly has've`);
export const PASSIVE_AUX = words(`is was are were be been being`);
export const SUBJECT_PRONOUNS = words(`he she they we i it you`);
export const OBJECT_PRONOUNS = words(`him her them us me you reporters journalists supporters voters`);
export const DETERMINERS = words(`a an the his her their its our my your this these those some many several other both all most few`);
export const SOURCE_NUMBER_WORDS = words(`one two three four five six seven eight nine ten dozens hundreds`);
/** Nouns that head a source phrase ("a spokesperson", "senior officials", "police"). */
export const ROLE_NOUNS = words(`
  spokesperson spokesman spokeswoman spokespeople spokesmen official officials minister ministers president
  presidents premier chancellor secretary secretaries source sources police officer officers aide aides adviser
  advisers advisor advisors analyst analysts expert experts diplomat diplomats leader leaders envoy ambassador
  spokesperson's campaign government administration department ministry office agency committee party company
  firm group lawyer lawyers attorney attorneys counsel prosecutor prosecutors judge court statement report
  survey poll study researchers scientists economists officials critics supporters opponents residents people
  witnesses activists campaigners members member chairman chairwoman chair head director executive chief ceo
  founder candidate nominee senator senators congressman congresswoman governor mayor lawmaker lawmakers
  representative representatives delegate delegates strategist strategists staffer staffers insider insiders
  operative operatives pollster pollsters commentator commentators host anchor reporter reporters journalist
  journalists correspondent editor editors columnist newspaper network channel broadcaster agency website
  authorities military army ministry kremlin spokesperson administration white house daughter son wife husband
  mother father friend friends brother sister voters voter fans fan team manager coach doctor doctors officer
  investigators regulator regulators economist observers organisers organizers union unions man woman men women
  teacher teachers student students worker workers clinton trump bosses hawks representative representatives user users
  commissioner commissioners professor professors historian historians scholar scholars researcher scientist
  hospital university school council commission bank institute foundation association authority corporation
  charity club airline aunt uncle cousin grandmother grandfather niece nephew partner colleague neighbor neighbour
  rep reps agent agents publicist publicists
`);
/** Modifiers allowed inside a source phrase before the head. */
export const MODIFIERS = words(`
  senior junior former top chief deputy foreign defence defense interior prime vice assistant press
  communications campaign white house state federal local national regional international european american
  british french german russian ukrainian chinese us uk eu un nato military security intelligence government
  unnamed anonymous independent leading prominent key other two three four several many some longtime
  long-time veteran spokes new latest conservative liberal democratic republican labour tory progressive
`);
/** Capitalised words that open a sentence or clause but are never part of a source phrase. */
export const CAP_STOP = words(`
  but and or so yet meanwhile however while when as after before since although though if because in on at for
  with from to by of also still then now earlier later last this that these those there here what why how who
  where which speaking asked asking writing talking according it is was are were will would has have had do does
  did not no yes thus instead indeed moreover furthermore speaking despite during under over until unless
  whether once even only just nor having being given monday tuesday wednesday thursday friday saturday sunday
  today yesterday tonight within across inside outside throughout beyond among amid amongst along around behind
  below beneath between near towards toward upon via without like unlike
`);
export const CLAUSE_WORDS = words(`and but or while as when that because although though since after before if so whereas once where which who`);
export const SUBORDINATORS = words(`while although though as when if because since whereas after before once`);
export const SUBJECT_START = words(`
  that the a an he she they we i it you his her their its our my your this these those there some many no
  nobody everyone everybody no-one all any each every one if what how why whether when mr mrs ms dr sir
`);
export const PREPOSITIONS = words(`in on at to during after before with for by about of from over under into through since until against among via`);
/** Words that, right after "said", show it is not introducing a statement ("said so", "said nothing"). */
export const REJECT_START = words(`so nothing goodbye yes no not too as than and or but which who whom whose what`);
export const CUE_ADVERBIALS = words(`
  on in at during over last this earlier later yesterday today tonight monday tuesday wednesday thursday friday
  saturday sunday week weekend month year morning afternoon evening night recently previously again years
  months weeks days decades time times hours ago long privately publicly openly repeatedly separately later
  earlier first also twitter facebook instagram television radio interview statement
`);

/**
 * Frequency and time adverbs without "-ly" that stand between a subject and its verb ("He instead
 * told the BBC", "The minister yesterday said"). Not "first": "When Ghani first announced the
 * exchange, he said …" made an attribution of the "when" clause.
 */
export const PLAIN_ADVERBS = words(
  `always also often never later again still once already since long then now just soon even flat-out instead earlier twice too meanwhile yesterday today nonetheless nevertheless afterwards thereafter`,
);
export const NOT_ADVERBS = words(`family assembly supply reply rally italy anomaly monopoly homily butterfly jelly belly holly`);
/** Verbs of "As X said, …" beyond the verbs of saying ("As he related, …", "as the authors explain"). */
export const AS_VERBS = words(`related relates explain note put write say tell recall recalled describe described`);

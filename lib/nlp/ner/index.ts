/**
 * Named-entity recognition for Backstory (issue #3): the public API.
 *
 *   const model = loadNerModel(await (await fetch(browser.runtime.getURL('/models/ner.bin'))).arrayBuffer());
 *   const mentions = findMentions(model, article.paragraphs);
 *
 * The model (see model.ts for the design and the file format) is trained by `npm run train:ner`. Pure TypeScript,
 * no DOM, no `browser`: runs in the background service worker, in tests and in Node tools.
 */
import type { EntityType, Mention } from '../../types.ts';
import { splitSentences, tokenize, type Token } from '../tokenize.ts';
import { spans } from './conll.ts';
import { parseModel, TAGS, type NerModel } from './model.ts';
import { tagIndices } from './tagger.ts';
import { foldAccents, GAZ_LISTS, listsOf, phraseKey, type GazList } from './gazetteer.ts';
import { COMPANY_WORDS, GOVERNING_NOUNS, PARTY_MEMBERS } from '../org-words.ts';
import { nameShapeType, STAT_NOUNS } from '../actor-cues.ts';
import { CAP_STOP, MONTHS, TITLES, WEEKDAYS } from '../claims/lexicons.ts';

export type { NerModel } from './model.ts';

/**
 * Loads a model from the content of `public/models/ner.bin`: an ArrayBuffer or Uint8Array (what `fetch` or
 * `readFileSync` give), the file as a base64 string, or an already loaded model (returned as is).
 */
export function loadNerModel(data: ArrayBuffer | Uint8Array | string | object): NerModel {
  return parseModel(data);
}

const SCORED = new Set(['PER', 'ORG', 'LOC']);

/**
 * Tags the sentences of one document (tokens already split, e.g. a CoNLL document); returns IOB2 tags per token
 * over PER/ORG/LOC (the model's MISC entities come out as O). The sentences form one document, so
 * document-level features apply.
 */
export function tagDocument(model: NerModel, sentences: string[][]): string[][] {
  const idx = tagIndices(model, sentences);
  const out: string[][] = [];
  let k = 0;
  for (const s of sentences) {
    const tags: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const t = TAGS[idx[k++]!]!;
      tags.push(t === 'O' || SCORED.has(t.slice(2)) ? t : 'O');
    }
    out.push(tags);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Raw text

const EN_FUNCTION_WORDS = new Set(
  (
    'the of and to a in is that for it was on with as he be by at his have are from this not but had an they ' +
    'were has said which their been would she who will we there her its one after also more than when about'
  ).split(' '),
);

/**
 * Share of word tokens that are common English function words: about 0.3–0.45 in English news, under 0.05 in most
 * other languages. The tagger only knows English; findMentions returns nothing below `MIN_ENGLISH`.
 */
export function englishScore(paragraphs: string[]): number {
  let words = 0;
  let hits = 0;
  for (const p of paragraphs) {
    for (const m of p.toLowerCase().matchAll(/\p{L}+/gu)) {
      words++;
      if (EN_FUNCTION_WORDS.has(m[0])) hits++;
      if (words > 5000) break;
    }
  }
  return words ? hits / words : 0;
}

export const MIN_ENGLISH = 0.08;

/**
 * Is the text English enough for the tagger? A text written mostly in another script than the Latin alphabet is
 * not, whatever English words it quotes; short texts in it (under 20 words and 120 letters) get the benefit of the
 * doubt. Letters count because scripts written without spaces make few, long "words": a Japanese review of
 * "Kindle for PC" is a few runs of letters, and two of them "for".
 */
export function isProbablyEnglish(paragraphs: string[], ordinary?: ReadonlySet<string>): boolean {
  let words = 0;
  let letters = 0;
  let latin = 0;
  for (const p of paragraphs) {
    for (const m of p.matchAll(/\p{L}+/gu)) {
      words++;
      letters += m[0].length;
      latin += m[0].match(/\p{Script=Latin}/gu)?.length ?? 0;
    }
    if (letters > 20_000) break;
  }
  if (2 * latin < letters) return false;
  return (words < 20 && letters < 120) || englishScore(paragraphs) >= MIN_ENGLISH || (ordinary !== undefined && ordinaryShare(paragraphs, ordinary) >= MIN_ORDINARY);
}

/** Lower-case words a text must have before `ordinaryShare` says anything. */
const MIN_LOWER_WORDS = 20;
/**
 * English with little prose (a sports round-up of results and scorers, a table of figures) has few
 * function words but its lower-case words are English ones: on the 208 pages of the shared corpora
 * such a box score has 0.97 of them, pages in other languages at most 0.19.
 */
const MIN_ORDINARY = 0.6;

/**
 * Share of the lower-case words of three letters or more that are ordinary English words (a plural
 * in -s or -es counted by its singular); 0 under MIN_LOWER_WORDS such words.
 */
export function ordinaryShare(paragraphs: string[], ordinary: ReadonlySet<string>): number {
  let words = 0;
  let known = 0;
  for (const p of paragraphs) {
    for (const m of p.matchAll(/(?<!\p{L})\p{Ll}{3,}(?!\p{L})/gu)) {
      const w = m[0];
      words++;
      if (ordinary.has(w) || (w.endsWith('s') && (ordinary.has(w.slice(0, -1)) || (w.endsWith('es') && ordinary.has(w.slice(0, -2)))))) known++;
    }
    if (words > 5000) break;
  }
  return words < MIN_LOWER_WORDS ? 0 : known / words;
}

const POSSESSIVE = /^['’](s|S)?$/;
const TRIM_EDGE = /^[\p{P}\p{S}]+$/u;
/** Where a body is based or a person was born, before the name: "the Delhi-based Council on Energy", "German-born Anna Meyer". */
const ORIGIN_FIRST = /^\p{L}[\p{L}.-]*-(?:based|born)$/iu;

/**
 * The words of a tagged span `[a, b)` that make the name: without a possessive or punctuation at its
 * edges, nor a first word that says where the body is based or the person was born (the tagger takes
 * "Delhi-based" into "the Delhi-based Council on Energy, …"). Empty (a ≥ b) when nothing is left.
 */
export function nameBounds(tokens: readonly string[], a: number, b: number): [number, number] {
  while (b > a && (POSSESSIVE.test(tokens[b - 1]!) || TRIM_EDGE.test(tokens[b - 1]!))) b--;
  while (a < b && (TRIM_EDGE.test(tokens[a]!) || (a < b - 1 && ORIGIN_FIRST.test(tokens[a]!)))) a++;
  return [a, b];
}

interface Placed {
  token: Token;
  paragraph: number;
}

/**
 * Finds the PER/ORG/LOC mentions in the paragraphs of one article. Offsets are UTF-16 code units into each
 * paragraph; possessive "'s" is never part of a mention. After tagging, a capitalised token sequence tagged as an
 * entity somewhere in the article is also an entity where the tagger left it untagged (document consistency).
 * Returns [] for text that is clearly not English (see isProbablyEnglish).
 */
export function findMentions(model: NerModel, paragraphs: string[]): Mention[] {
  if (!isProbablyEnglish(paragraphs, model.ordinary)) return [];
  const sentences: Placed[][] = [];
  paragraphs.forEach((p, pi) => {
    for (const s of splitSentences(tokenize(p))) sentences.push(s.map((token) => ({ token, paragraph: pi })));
  });
  const words = sentences.map((s) => s.map((x) => x.token.text));
  const tags = tagWithMisc(model, words);
  joinCoordinatedOrgs(words, tags, nameFacts(model));
  rescueMisc(model, words, tags);
  governingBodies(model, words, tags);
  adjectiveGroups(words, tags);
  for (const ts of tags) for (let i = 0; i < ts.length; i++) if (ts[i]!.endsWith('-MISC')) ts[i] = 'O';
  regionPrefixes(words, tags);
  partyMembers(words, tags);
  hallsOfFame(words, tags);
  teamNames(words, tags);
  trimOpeningWords(words, tags, (w) => model.ordinary?.has(w) === true);
  boxScores(words, tags);
  chineseNames(words, tags);
  extendBodyNames(words, tags);
  coordinatedFields(words, tags);
  companyNames(words, tags);
  titledNames(words, tags);
  trailingTitles(words, tags);
  namedAfterPeople(words, tags);
  propagate(words, tags);
  const out: Mention[] = [];
  sentences.forEach((s, si) => {
    for (const sp of spans(tags[si]!)) {
      const [a, b] = nameBounds(words[si]!, sp.start, sp.end);
      if (a >= b) continue;
      const first = s[a]!;
      const last = s[b - 1]!;
      if (first.paragraph !== last.paragraph) continue;
      // (markup left in a text glues to the name's first word: `2016">Donald Trump` of a page's
      // `<tweet tweet-date="March 4, 2016">Donald Trump knows …`)
      const lead = MARKUP_LEAD.exec(paragraphs[first.paragraph]!.slice(first.token.start, last.token.end))?.[0].length ?? 0;
      const start = first.token.start + lead;
      out.push({
        paragraph: first.paragraph,
        start,
        end: last.token.end,
        text: paragraphs[first.paragraph]!.slice(start, last.token.end),
        type: sp.type as EntityType,
      });
    }
  });
  return out;
}

/** Characters with no letter before a name, ending in a markup's quote or bracket (see `findMentions`). */
const MARKUP_LEAD = /^[^\p{L}\s]*["'>](?=\p{L})/u;

/** IOB2 tags of all four types, MISC included (see `rescueMisc`). */
function tagWithMisc(model: NerModel, sentences: string[][]): string[][] {
  const idx = tagIndices(model, sentences);
  let k = 0;
  return sentences.map((s) => s.map(() => TAGS[idx[k++]!]!));
}

/** Last words that make an organisation of a name ("Democratic National Committee", "Indian Railways"). */
const ORG_HEADS = new Set(
  'Committee Commission Council Coalition Party Survey Railways Railway Airlines Airways Systems Project Agency Department Ministry Association Union Institute Foundation Network Corporation Company Bank Court Army Police Authority Board Bureau Service Services Organisation Organization Federation Centre Center Society'.split(
    ' ',
  ),
);
/** Verbs by which a name acts: a group or a company, not a product, a work or an event. */
const AGENT_VERBS = new Set(
  'said says say told tells announced claimed denied confirmed rejected refused agreed demanded warned accused vowed threatened released seized captured killed attacked launched signed urged insisted responded sued ordered blamed admitted'.split(
    ' ',
  ),
);

/**
 * Organisations the tagger calls MISC. Its training data (CoNLL-2003, Reuters 1996) label some groups
 * MISC ("Taleban") and a company before its product MISC ("Boeing jets"), and MISC is no actor, so the
 * Taliban, named ten times on a page about a hostage swap, and Boeing, five times on a page about an
 * order of its planes, were not in the article's actors at all. A MISC name becomes an organisation
 * when (a) it ends in an organisation's head word and has two words or more ("Democratic National
 * Committee"); (b) it is a listed organisation and not a people's name, used as a noun at least once
 * ("Boeing's 787", "Boeing also"; not "the first Southern primary", nor after "degrees": a unit named
 * after a person, "Celsius", is also a listed company); or (c) the article shows it acting
 * twice or more ("held by the Taliban", "the Taliban released", "the Taliban, who"), it is not a
 * plural, an adjective or a people's name ("Democrats", "Islamic", "Thai"), and no occurrence of it is
 * tagged as another type (a person the tagger once called MISC is left to `propagate`). Mutates `tags`.
 */
export function rescueMisc(model: NerModel, words: string[][], tags: string[][]): void {
  const facts = nameFacts(model);
  const acts = new Map<string, number>();
  const other = new Set<string>();
  const found: { si: number; start: number; end: number; text: string }[] = [];
  const heads = new Set<string>();
  words.forEach((ws, si) => {
    const all = spans(tags[si]!);
    for (let i = 0; i < all.length; i++) {
      const sp = all[i]!;
      // two MISC spans side by side are one name the tagger cut ("Goddard Space" + "Flight Center")
      while (sp.type === 'MISC' && all[i + 1]?.type === 'MISC' && all[i + 1]!.start === sp.end) sp.end = all[++i]!.end;
      const text = ws.slice(sp.start, sp.end).join(' ');
      if (sp.type !== 'MISC') {
        other.add(text);
        continue;
      }
      found.push({ si, start: sp.start, end: sp.end, text });
      const next = ws[sp.end]?.toLowerCase() ?? '';
      const agent = AGENT_VERBS.has(next) || (next === ',' && ws[sp.end + 1]?.toLowerCase() === 'who') || (ws[sp.start - 1]?.toLowerCase() === 'the' && ws[sp.start - 2]?.toLowerCase() === 'by');
      if (agent) acts.set(text, (acts.get(text) ?? 0) + 1);
      // used as a noun at least once, not only before another word ("Southern primary")
      if (agent || !/^\p{L}/u.test(next) || /^(?:['’]s|also|has|have|had|is|was|will|would)$/.test(next)) heads.add(text);
    }
  });
  for (const f of found) {
    const ws = words[f.si]!;
    const last = ws[f.end - 1]!;
    const fa = facts(f.text);
    const listed = fa.org && !fa.demonym && !fa.loc && heads.has(f.text) && !/^degrees?$|°$/i.test(ws[f.start - 1] ?? '');
    const headed = f.end - f.start >= 2 && ORG_HEADS.has(last);
    const acting = (acts.get(f.text) ?? 0) >= 2 && !/(?:s|ic|ian|ese|ish)$/.test(last) && !fa.demonym && !other.has(f.text);
    // (d) one word shaped like a company's name, a capital inside it ("SpaceX", "WeWork"), used as a noun
    const shaped = f.end - f.start === 1 && COMPANY_SHAPE.test(f.text) && heads.has(f.text);
    // not a plural of initials ("super PACs"), nor a digest's label glued to a name ("OLYMPICS The International …")
    if ((!listed && !headed && !acting && !shaped) || /^\p{Lu}{2,}s$/u.test(f.text) || ws.slice(f.start + 1, f.end).includes('The')) continue;
    const ts = tags[f.si]!;
    ts[f.start] = 'B-ORG';
    for (let j = f.start + 1; j < f.end; j++) ts[j] = 'I-ORG';
  }
}

/** A capital inside one word, not after a surname's prefix ("SpaceX", "WeWork"; not "McDonald", "DeSantis"). */
const COMPANY_SHAPE = /^(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|O)\p{Lu})\p{Lu}\p{Ll}+\p{Lu}/u;

/** Last words of bodies whose names join two words with "and" ("Customs and Border Protection"). */
const AND_HEADS = new Set([...ORG_HEADS, 'Protection', 'Administration', 'Management', 'Enforcement', 'Presidency', 'Security', 'Safety']);

/**
 * A body's name the tagger cut at its "and": the first word MISC, untagged, or a name of one word, the
 * rest an organisation or a place ("Customs" + "and" + "Border Protection",
 * "Immigration and" + "Customs Enforcement", "Free and Equal Elections Foundation"). One organisation
 * when the rest has two words or more and ends in a body's head word, so two bodies or peoples named
 * side by side stay apart ("Democratic and Republican Parties", "Enceladus and Europa"), and so do
 * two bodies sharing a head after adjectives ("Democratic and Republican Party"). A first word that is
 * not MISC must be no listed name (`facts`: "Britain and France Telecom") and be written with a
 * capital nowhere else in the text ("Trump and Justice Department" after "Trump said"). Mutates `tags`.
 */
export function joinCoordinatedOrgs(words: string[][], tags: string[][], facts?: (name: string) => NameFacts): void {
  // Capitalised words the text writes outside this pattern (not before "and" and a capital).
  const elsewhere = new Set<string>();
  for (const ws of words) for (let j = 0; j < ws.length; j++) if (/^\p{Lu}/u.test(ws[j]!) && !(ws[j + 1] === 'and' && /^\p{Lu}/u.test(ws[j + 2] ?? ''))) elsewhere.add(ws[j]!);
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (let i = 0; i + 3 < ws.length; i++) {
      const first = ts[i]!;
      if (ts[i + 1] !== 'O' || ws[i + 1] !== 'and' || !/^\p{Lu}/u.test(ws[i]!)) continue;
      const rest = ts[i + 2]!;
      if (rest !== 'B-ORG' && (first === 'B-MISC' || rest !== 'B-LOC')) continue;
      if (first !== 'B-MISC') {
        // one word, not an acronym (a name of its own), and no capitalised word before it
        if (!facts || first.startsWith('I-') || !/^\p{Lu}\p{Ll}/u.test(ws[i]!) || /^\p{Lu}/u.test(ws[i - 1] ?? '')) continue;
        const f = facts(ws[i]!);
        if (f.org || f.loc || f.firstName || f.demonym || CAP_STOP.has(ws[i]!.toLowerCase()) || elsewhere.has(ws[i]!)) continue;
      }
      let end = i + 3;
      while (end < ws.length && ts[end] === `I-${rest.slice(2)}`) end++;
      // an adjective first is one of two bodies' names side by side ("Democratic and Republican Party";
      // "Fish and Wildlife Service" is no adjective)
      if (end - (i + 2) < 2 || !AND_HEADS.has(ws[end - 1]!) || /\p{L}{2}(?:ic|an|ese|ish)$/u.test(ws[i]!)) continue;
      ts[i] = 'B-ORG';
      for (let j = i + 1; j < end; j++) ts[j] = 'I-ORG';
    }
  });
}

/** Head words of bodies whose names go on with "of …" or "for …" ("University of Kabul", "School of Public Health"). */
const OF_HEADS = new Set(
  'University School College Institute Center Centre Department Ministry Academy Museum Council Committee Commission Office Bureau Agency Foundation Society Association Federation Alliance Coalition Fund Trust League Forum Network Campaign Union Party Board Authority'.split(
    ' ',
  ),
);
/** Head words whose names go on with "on" and a subject ("Council on Foreign Relations"; not "Hofstra University on Long Island"). */
const ON_HEADS = new Set('Council Committee Commission Board Forum Center Centre Institute'.split(' '));
/** Capitalised words that are no part of a body's name after "on" or "for": a day or a month ("the Committee on Monday"). */
const CALENDAR = new Set([...WEEKDAYS, ...MONTHS].map((w) => w.toLowerCase()));
const capitalised = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}/u.test(w);

/**
 * A body's name the tagger cut before its "of" part: "American University" + "of Kabul", "Columbia
 * University" + "Mailman School of Public Health". An organisation ending in a body's head word (or
 * followed by untagged capitalised words that end in one) runs on over "of" or "for" and the
 * capitalised words after it, "and" between untagged ones included ("of Arts and Sciences"), not
 * over a person nor into a second body ("Ministry of Defence and Foreign Office"). Mutates `tags`.
 */
export function extendBodyNames(words: string[][], tags: string[][]): void {
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (const sp of spans(ts)) {
      // an organisation, a head word alone that the tagger took for a place ("the Alliance"), or a
      // "person" of two words or more that ends in a head word ("Stern School" + "of Business")
      const single = sp.end - sp.start === 1;
      if (sp.type !== 'ORG' && !(OF_HEADS.has(ws[sp.end - 1]!) && (sp.type !== 'PER' || !single))) continue;
      let j = sp.end;
      let k = j;
      while (k < ws.length && ts[k] === 'O' && capitalised(ws[k])) k++;
      if (k > j && OF_HEADS.has(ws[k - 1]!)) j = k;
      if (
        !OF_HEADS.has(ws[j - 1]!) ||
        !(ws[j] === 'of' || ws[j] === 'for' || (ws[j] === 'on' && ON_HEADS.has(ws[j - 1]!))) ||
        ts[j] !== 'O' ||
        !capitalised(ws[j + 1]) ||
        CALENDAR.has(ws[j + 1]!.toLowerCase())
      )
        continue;
      k = j + 1;
      while (k < ws.length && !ts[k]!.endsWith('-PER') && (capitalised(ws[k]) || ((ws[k] === 'and' || ws[k] === '&') && ts[k + 1] === 'O' && capitalised(ws[k + 1])))) {
        if (k > j + 1 && ts[k]!.startsWith('B-') && ts[k - 1] !== 'O') break;
        k++;
      }
      if (k === j + 1) continue;
      ts[sp.start] = 'B-ORG';
      for (let i = sp.start + 1; i < k; i++) ts[i] = 'I-ORG';
    }
    headBeforeOf(ws, ts);
  });
}

/** Capitalised function words, which open a sentence or a heading's words and are no part of a body's name before its head. */
const NOT_NAME_START = new Set('The A An This That These Those Its His Her Their Our At In On For Of From By With And But Or As'.split(' '));

/**
 * The other cut: the tagger took the "of" part for the name and left its head out, "the Center for" +
 * "Environmental Politics", "Stanford University's Center on" + "Poverty and Inequality", "the Centre
 * for" + "Economic Policy Research". An organisation or a place right after "of" or "for" (or "on",
 * after the heads that take it) is one body with the untagged head word before it and the untagged
 * capitalised words before that ("the American Sign Museum"), a sentence's opening word left out.
 * Runs after the forward rule, which joins a tagged organisation before the head ("MRC" + "Centre for
 * Global …"). Mutates `ts`.
 */
function headBeforeOf(ws: readonly string[], ts: string[]): void {
  for (const sp of spans(ts)) {
    if (sp.type !== 'ORG' && sp.type !== 'LOC') continue;
    const c = sp.start - 1;
    const h = c - 1;
    const joint = ws[c];
    if (h < 0 || ts[c] !== 'O' || ts[h] !== 'O' || !OF_HEADS.has(ws[h]!)) continue;
    if (!(joint === 'of' || joint === 'for' || (joint === 'on' && ON_HEADS.has(ws[h]!)))) continue;
    // (the sentence's first word only when it is the head: "Remarked Center for …" opens with a verb)
    let a = h;
    while (a > 1 && ts[a - 1] === 'O' && capitalised(ws[a - 1]) && !NOT_NAME_START.has(ws[a - 1]!)) a--;
    ts[a] = 'B-ORG';
    for (let i = a + 1; i < sp.end; i++) ts[i] = 'I-ORG';
  }
}

/**
 * A body's name whose "of" part lists fields, which the tagger cuts at the first comma: "American
 * Academy of Allergy" + ", Asthma and Immunology". An organisation with "of", "on" or "for" inside runs
 * on over ", Field" items and a last "and Field" (capitalised words of one word each, untagged or an
 * organisation of one word), when the list has a comma or its last field is untagged: "the University
 * of Texas and Harvard" stays two. Mutates `tags`.
 */
export function coordinatedFields(words: string[][], tags: string[][]): void {
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    const field = (k: number) => capitalised(ws[k]) && (ts[k] === 'O' || (ts[k] === 'B-ORG' && !ts[k + 1]?.startsWith('I-')));
    for (const sp of spans(ts)) {
      if (sp.type !== 'ORG' || !ws.slice(sp.start + 1, sp.end - 1).some((w) => w === 'of' || w === 'on' || w === 'for')) continue;
      let j = sp.end;
      let commas = 0;
      while (ws[j] === ',' && field(j + 1) && ws[j + 2] !== undefined && (ws[j + 2] === ',' || ws[j + 2] === 'and')) {
        j += 2;
        commas++;
      }
      // (", and" only after a list: "Department of Energy, and Office of Naval Research" are two bodies)
      if (ws[j] === ',' && ws[j + 1] === 'and' && commas) j++;
      // the last field is not the head of another body ("and Office of Naval Research")
      // (after a list with commas the last field may be a word the tagger took alone for a person or a
      // place: "Council on Energy, Environment and Water")
      const lastField = field(j + 1) || (commas > 0 && capitalised(ws[j + 1]) && ts[j + 1]!.startsWith('B-') && !ts[j + 2]?.startsWith('I-'));
      if (ws[j] !== 'and' || !lastField || capitalised(ws[j + 2]) || /^(?:of|for|on)$/.test(ws[j + 2] ?? '') || (!commas && ts[j + 1] !== 'O')) continue;
      for (let i = sp.end; i <= j + 1; i++) ts[i] = 'I-ORG';
    }
  });
}

/** Second words of armed groups and movements named after a faith or a people ("Islamic Jihad", "Muslim Brotherhood"). */
const GROUP_HEADS = new Set('Jihad Front Brotherhood Movement Guard Guards Forces Army Resistance Brigade Brigades Mujahideen Emirate Caliphate Party'.split(' '));

/**
 * A group named with an adjective the tagger calls MISC and a head it leaves untagged or tags on its own:
 * "Islamic" + "Jihad" (a person to the tagger), "Syrian Democratic" + "Forces". One organisation; and
 * "Islamic State" (the tagger knows "Islamic" only as an adjective), the one such name whose head is
 * an ordinary word. Mutates `tags`.
 */
export function adjectiveGroups(words: string[][], tags: string[][]): void {
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (const sp of spans(ts)) {
      if (sp.type !== 'MISC') continue;
      const h = sp.end;
      const head = ws[h];
      if (!head || !(GROUP_HEADS.has(head) || (head === 'State' && ws[h - 1] === 'Islamic'))) continue;
      // the head untagged, or a name of one word
      if (ts[h] !== 'O' && !(ts[h]!.startsWith('B-') && !ts[h + 1]?.startsWith('I-'))) continue;
      // with the MISC words right before ("Syrian" + "Democratic" + "Forces")
      let start = sp.start;
      while (start > 0 && ts[start - 1]!.endsWith('-MISC')) start--;
      ts[start] = 'B-ORG';
      for (let i = start + 1; i <= h; i++) ts[i] = 'I-ORG';
    }
  });
}

/**
 * Party members named as a body are that party: the tagger calls "Democrats" and "Republicans" MISC
 * (or nothing), and MISC is dropped, so the parties of a US politics report were missing. Such a word
 * is an organisation unless it is part of a longer name ("Liberal Democrats", "Republicans Overseas"
 * stay as tagged). Mutates `tags`.
 */
export function partyMembers(words: string[][], tags: string[][]): void {
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (let i = 0; i < ws.length; i++) {
      if (ts[i] !== 'O' || !PARTY_MEMBERS.has(ws[i]!)) continue;
      if (ts[i + 1]?.startsWith('I-') || (i > 0 && ts[i - 1] !== 'O' && /^\p{Lu}/u.test(ws[i - 1]!)) || /^\p{Lu}/u.test(ws[i + 1] ?? '')) continue;
      ts[i] = 'B-ORG';
    }
  });
}

/**
 * A hall of fame is one body with the words before it that name its field, "and" between them
 * included ("Rock and Roll Hall of Fame", "Pro Football Hall of Fame"): the tagger made a person of
 * "Rock", another of "Roll Hall" and an organisation of "Fame Induction", or nothing at all. What
 * follows "Fame" in the tagger's span ("Induction", "Class") is no part of it. Mutates `tags`.
 */
export function hallsOfFame(words: string[][], tags: string[][]): void {
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (let i = 0; i + 2 < ws.length; i++) {
      if (ws[i] !== 'Hall' || ws[i + 1] !== 'of' || !/^Fame(?:['’]s?)?$/.test(ws[i + 2]!)) continue;
      let start = i;
      while (start > 0 && (capitalised(ws[start - 1]) || ((ws[start - 1] === 'and' || ws[start - 1] === '&') && capitalised(ws[start - 2])))) start--;
      // a capitalised "The" opens the sentence, not the name
      if (ws[start] === 'The') start++;
      ts[start] = 'B-ORG';
      for (let k = start + 1; k <= i + 2; k++) ts[k] = 'I-ORG';
      for (let k = i + 3; k < ws.length && ts[k]!.startsWith('I-'); k++) ts[k] = 'O';
    }
  });
}

/** Words after a place that make it a bigger place or a body, not a team ("Oklahoma City", "Cass County", "Ohio State"). */
const PLACE_TAILS = new Set(
  'City County State Province Region District Island Islands Bay Beach Valley Heights Park Airport Station Street Avenue Road Square Center Centre University College School Police Council Court Government'.split(
    ' ',
  ),
);

/** Words of a game's report. */
const SPORT_WORDS = new Set(
  'game games season points scored score coach rebounds assists quarterback touchdown touchdowns goal goals inning innings playoff playoffs win wins victory defeat league match'.split(' '),
);
/** Words that follow a team's name used as a noun ("the Thunder won", "for the Thunder, who", "against the Thunder in"). */
const AFTER_TEAM = new Set(
  "and or but in on at to of for from with against who which that have has had is are was were will would wo can ca could did do does won lost beat scored trailed led lead leads played play host hosts visit visits 's".split(
    ' ',
  ),
);

/** How a sports round-up writes "defeated" between two teams: "Palm Bay d. Rockledge 70-44". */
const DEFEATED = new Set(['d.', 'def.']);
/** A score, a win-loss record or a period's points: "70-44", "3-0", "1-1-1". */
const SCORE = /^\d{1,3}(?:-\d{1,3}){1,2}$/;
/** Words a name in a box score is made of: capitalised words and initials ("K. Hupfer", "Bean-Laing", "O'Hara"). */
const nameWord = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}[\p{L}'’.-]*$/u.test(w) && !CAP_STOP.has(w.toLowerCase());
/** The end of the run of name words from `i` (i itself when there is none). */
const nameRun = (ws: readonly string[], i: number): number => {
  let k = i;
  while (k < ws.length && k - i < 5 && nameWord(ws[k])) k++;
  return k;
};
const tagAs = (ts: string[], a: number, b: number, type: string): void => {
  for (let i = a; i < b; i++) ts[i] = `${i === a ? 'B' : 'I'}-${type}`;
};

/**
 * A sports round-up's box score, lines the tagger reads as prose: "Palm Bay d. Rockledge 70-44" (the
 * tagger took "Palm Bay d. Rockledge" for one person), "Viera (4-0): …" and "Rockledge 14 11 6 15 —
 * 44" name teams; "Tolivert 25 points." and "A. Sanger 2 saves." name players. Each line must be all
 * of its sentence: two names around "d." with nothing but a score after; a name, its record in
 * brackets and a colon at the start; a name followed by numbers only. A player's line ("Name",
 * a number, what it counts; "Jordan Spira and Megan Cook 4 total") is read so only where the article
 * has a team's line. Mutates `tags`.
 */
export function boxScores(words: string[][], tags: string[][]): void {
  let teams = false;
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    const a = nameRun(ws, 0);
    if (a === 0) return;
    const n = ws.length;
    let rest = a;
    if (DEFEATED.has(ws[a] ?? '')) {
      const b = nameRun(ws, a + 1);
      if (b === a + 1 || !(b === n || (SCORE.test(ws[b]!) && b + 1 >= n - (ws[n - 1] === '.' ? 1 : 0)))) return;
      tagAs(ts, 0, a, 'ORG');
      ts[a] = 'O';
      tagAs(ts, a + 1, b, 'ORG');
      for (let i = b; i < n; i++) ts[i] = 'O';
      teams = true;
      return;
    }
    if (ws[rest] === '(' && (SCORE.test(ws[rest + 1] ?? '') || ws[rest + 1] === 'NR') && ws[rest + 2] === ')' && ws[rest + 3] === ':') {
      tagAs(ts, 0, a, 'ORG');
      playerLine(ws, ts, rest + 4);
      teams = true;
      return;
    }
    let numbers = 0;
    while (rest < n && /^(?:\d+|[—–-])$/.test(ws[rest]!)) {
      if (/\d/.test(ws[rest]!)) numbers++;
      rest++;
    }
    if (rest === n && numbers >= 3) {
      tagAs(ts, 0, a, 'ORG');
      for (let i = a; i < n; i++) ts[i] = 'O';
      teams = true;
    }
  });
  if (teams) words.forEach((ws, si) => playerLine(ws, tags[si]!, 0));
}

/** A player's line of a box score from `i`: one name or two joined by "and", a number and what it counts. Mutates `ts`. */
function playerLine(ws: readonly string[], ts: string[], i: number): void {
  const a = nameRun(ws, i);
  if (a === i) return;
  let k = a;
  let second = -1;
  if (ws[k] === 'and' && nameRun(ws, k + 1) > k + 1) {
    second = k + 1;
    k = nameRun(ws, k + 1);
  }
  if (!/^\d+$/.test(ws[k] ?? '') || !STAT_NOUNS.has(ws[k + 1] ?? '')) return;
  tagAs(ts, i, a, 'PER');
  if (second >= 0) {
    ts[a] = 'O';
    tagAs(ts, second, k, 'PER');
  }
}

/**
 * Teams named by a place and a nickname, the nickname an ordinary word: "Oklahoma City" + "Thunder",
 * then "the Thunder" on its own. The tagger keeps the place and leaves the nickname, so the team,
 * named eleven times in a game report, was no actor. A place followed by a capitalised word the
 * tagger left untagged is a team when the article also writes "the" + that word, capitalised, in the
 * middle of a sentence; then every such "the …" is the team too. Mutates `tags`.
 */
export function teamNames(words: string[][], tags: string[][]): void {
  // only in a game's report
  let sport = 0;
  for (const ws of words) for (const w of ws) if (SPORT_WORDS.has(w.toLowerCase())) sport++;
  if (sport < 3) return;
  // (not a place's part, an office, a party's or a people's word: "U.S. President", "Iowa Republican")
  const nick = (ws: string[], ts: string[], i: number) =>
    i < ws.length &&
    ts[i] === 'O' &&
    /^\p{Lu}\p{Ll}+$/u.test(ws[i]!) &&
    !PLACE_TAILS.has(ws[i]!) &&
    !TITLES.has(ws[i]!.toLowerCase()) &&
    !/(?:an|ic|ish|ese)$/.test(ws[i]!) &&
    !/^\p{Lu}/u.test(ws[i + 1] ?? '');
  // "the Thunder" as a noun: before punctuation, a function word or a verb of the game, not before a noun ("the Republican primary")
  const asNoun = (w: string | undefined) => w === undefined || !/^\p{L}/u.test(w) || AFTER_TEAM.has(w.toLowerCase());
  const alone = new Set<string>();
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (let i = 1; i < ws.length; i++) if (ws[i - 1]!.toLowerCase() === 'the' && nick(ws, ts, i) && asNoun(ws[i + 1])) alone.add(ws[i]!);
  });
  if (!alone.size) return;
  const teams = new Set<string>();
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (const sp of spans(ts)) {
      if (sp.type !== 'LOC' || !nick(ws, ts, sp.end) || !alone.has(ws[sp.end]!)) continue;
      teams.add(ws[sp.end]!);
      ts[sp.start] = 'B-ORG';
      for (let i = sp.start + 1; i <= sp.end; i++) ts[i] = 'I-ORG';
    }
  });
  if (!teams.size) return;
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (let i = 1; i < ws.length; i++) if (ws[i - 1]!.toLowerCase() === 'the' && teams.has(ws[i]!) && ts[i] === 'O' && asNoun(ws[i + 1])) ts[i] = 'B-ORG';
  });
}

/**
 * The opening word of a sentence (a preposition or a linking word, `CAP_STOP`) that the tagger took into
 * the name after it: "Within Delhi", "Since Diwali" (a person). Left out of the name, unless the article writes the whole name in the middle of
 * a sentence too ("Beyond Meat"). So is an ordinary word of the language (`ordinary`, see
 * lib/nlp/ordinary-words.ts) before a name of two words or more that the article writes without it
 * ("Key Security Council powers" beside "the UN Security Council"; "Former Soviet Union" beside
 * "the Soviet Union"; not "White House"). Mutates `tags`.
 */
export function trimOpeningWords(words: string[][], tags: string[][], ordinary?: (word: string) => boolean): void {
  const inside = new Set<string>();
  const named = new Set<string>();
  words.forEach((ws, si) => {
    for (const sp of spans(tags[si]!)) {
      const text = ws.slice(sp.start, sp.end).join(' ');
      if (sp.start > 0 && /^\p{L}/u.test(ws[sp.start - 1]!)) inside.add(text);
      named.add(text);
    }
  });
  // A name written elsewhere without the opener: on its own or as the end of another ("UN Security
  // Council"), not after the same word ("The New York Times" for "New York Times").
  const writtenAlone = (opener: string, name: string): boolean => {
    if (!/^\p{Lu}/u.test(name)) return false; // "Transport for London", "Member of Parliament"
    for (const n of named) if (n === name || (n.endsWith(` ${name}`) && !n.endsWith(`${opener} ${name}`))) return true;
    return false;
  };
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    const first = ws.findIndex((w) => /^\p{L}/u.test(w));
    if (first < 0 || ts[first] === 'O' || !ts[first]!.startsWith('B-')) return;
    let end = first + 1;
    while (ts[end]?.startsWith('I-')) end++;
    if (end - first < 2 || inside.has(ws.slice(first, end).join(' '))) return;
    const opener = ws[first]!.toLowerCase();
    if (!CAP_STOP.has(opener) && !(end - first >= 3 && opener !== 'the' && ordinary?.(opener) && writtenAlone(ws[first]!, ws.slice(first + 1, end).join(' ')))) return;
    ts[first + 1] = `B-${ts[first]!.slice(2)}`;
    ts[first] = 'O';
  });
}

/** Common Chinese family names in pinyin (the names of most of China's people; a fact list). */
const CHINESE_SURNAMES = new Set(
  'Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Fu Zhong Cui Tan Liao Fan Wen Shi Jia Xia Fang Bai Zou Meng Qin Qiu Hou Xiong Mao Hao Gu Kong Yan Lei Duan Qian Qi Xi Hua Gong Ling Wan Mo Zhan Kang Niu Yin Ge Dai Lai Yi Geng Ji Chai Chang Bo Zhai Lou Ou'.split(
    ' ',
  ),
);
/** One to three pinyin syllables, as a Chinese given name is written ("Jinping", "Keqiang", "He"). */
const PINYIN_NAME = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|er|a|o|e|i|u|ü|v)){1,3}$/;
/** Offices before a name ("vice-premier Liu He", "Ambassador Liu Xiaoming"). */
const OFFICE_BEFORE =
  /^(?:premier|vice-premier|president|vice-president|minister|ambassador|spokesman|spokeswoman|spokesperson|chairman|secretary|general|governor|mayor|envoy|official|leader|mr|mr\.|ms|ms\.|mrs|mrs\.|dr|dr\.)$/i;

/**
 * Chinese names, family name first, that the tagger misses or cuts: "under Xi Jinping" (untagged),
 * "vice-premier Liu He" ("Liu" an organisation, "He" left as a pronoun), a listed family name and a
 * given name written in pinyin. A given name that is also an English word ("He", "An", "Long") only
 * after an office ("vice-premier Liu He"). Not inside another name, and never over a tagged name of
 * two words or more. Mutates `tags`.
 */
export function chineseNames(words: string[][], tags: string[][]): void {
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (let i = 0; i + 1 < ws.length; i++) {
      const a = ws[i]!;
      const b = ws[i + 1]!;
      if (!CHINESE_SURNAMES.has(a) || !/^\p{Lu}\p{Ll}+$/u.test(b) || !PINYIN_NAME.test(b.toLowerCase())) continue;
      // the name at the end of a longer span, after a place the tagger ran into it ("China's ambassador
      // to Britain Liu Xiaoming" as one organisation): the place (after "to", "in" or "from"), then the
      // person
      if (i > 0 && ts[i]!.startsWith('I-') && ts[i + 1]!.startsWith('I-') && !ts[i + 2]?.startsWith('I-') && b.length > 2 && !EN_FUNCTION_WORDS.has(b.toLowerCase())) {
        let j = i - 1;
        while (j > 0 && ts[j]!.startsWith('I-')) j--;
        if (/^(?:to|in|from)$/.test(ws[j - 1] ?? '')) for (let k = j; k < i; k++) ts[k] = k === j ? 'B-LOC' : 'I-LOC';
        ts[i] = 'B-PER';
        ts[i + 1] = 'I-PER';
        continue;
      }
      // the two words untagged, or the family name tagged alone and the given name untagged
      const aAlone = ts[i] === 'O' || (ts[i]!.startsWith('B-') && !ts[i + 1]!.startsWith('I-'));
      if (!aAlone || ts[i + 1] !== 'O' || ts[i - 1]?.startsWith('B-') || ts[i - 1]?.startsWith('I-') || /^\p{Lu}/u.test(ws[i + 2] ?? '')) continue;
      const english = b.length <= 2 || EN_FUNCTION_WORDS.has(b.toLowerCase());
      if (english && !OFFICE_BEFORE.test(ws[i - 1] ?? '')) continue;
      // a sentence's first word is a name only when the tagger saw one there
      if (i === 0 && ts[0] === 'O') continue;
      ts[i] = 'B-PER';
      ts[i + 1] = 'I-PER';
    }
  });
}

/** Words that open a region's name ("Inner Mongolia", "Northern Ireland", "Upper Egypt"). */
const REGION_PREFIXES = new Set('Inner Outer Upper Lower Northern Southern Eastern Western Central North South East West Greater'.split(' '));

/** A place the tagger cut after such a word: "Inner" + "Mongolia". Mutates `tags`. */
export function regionPrefixes(words: string[][], tags: string[][]): void {
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (const sp of spans(ts)) {
      if (sp.type !== 'LOC' || sp.start === 0 || ts[sp.start - 1] !== 'O' || !REGION_PREFIXES.has(ws[sp.start - 1]!)) continue;
      ts[sp.start - 1] = 'B-LOC';
      ts[sp.start] = 'I-LOC';
    }
  });
}

/**
 * A company named after a person or a place, or with words the tagger left untagged: "Dick Clark" (a
 * person to the tagger) + "Productions", "Big Machine Records" (nothing tagged). A run of two or more
 * capitalised words ending in a company's head word is one organisation, taking in a name tagged right
 * before the head; not at a sentence's first word unless tagged (a headline's or a sentence's opening
 * "Records" is a word), nor when a capitalised word follows the head (title case: "Big Machine
 * Records Denies …"). Mutates `tags`.
 */
export function companyNames(words: string[][], tags: string[][]): void {
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (let h = 1; h < ws.length; h++) {
      if (!(capitalised(ws[h]) && COMPANY_WORDS.has(ws[h]!.toLowerCase())) || capitalised(ws[h + 1]) || (ts[h] !== 'O' && !ts[h]!.endsWith('-ORG'))) continue;
      let j = h;
      // (nor over a day, a month or a description: "on Friday Ford Motor Company", "Virginia-based Symplicity Corporation")
      const stop = (w: string) => /^(?:The|A|An)$/.test(w) || /-based$/.test(w) || WEEKDAYS.has(w.toLowerCase()) || MONTHS.has(w.toLowerCase());
      while (j > 0 && capitalised(ws[j - 1]) && !stop(ws[j - 1]!) && (j - 1 > 0 || ts[0] !== 'O')) j--;
      if (h - j < 1) continue;
      // a span tagged before the run is taken whole, or not at all
      if (ts[j]!.startsWith('I-')) continue;
      ts[j] = 'B-ORG';
      for (let i = j + 1; i <= h; i++) ts[i] = 'I-ORG';
    }
  });
}

/** Bodies a country, a city or a leader has, named with a lower-case noun ("the Syrian government"). */
const BODY_NOUNS = new Set(GOVERNING_NOUNS);
/** Words between the name and a ministry ("the Syrian defense ministry"). */
const MINISTRY_OF = new Set(['defense', 'defence', 'foreign', 'interior', 'finance', 'health', 'commerce', 'justice', 'trade', 'education', 'economy']);

/**
 * Governing bodies named with a lower-case noun after a country's adjective, a place or a leader:
 * "the Syrian government", "the Syrian defense ministry", "Hong Kong police", "the U.S. military",
 * "the Obama administration". The tagger leaves the noun out (CoNLL tags the adjective MISC and the
 * place LOC), so the body, which the article shows acting ("the Syrian government says …"), was no
 * actor at all. An administration is a leader's (a name before it that the lists do not know as a
 * place, a body or an ordinary word, whatever the tagger made of it); the other bodies are a place's
 * or a people's. A sentence's opening "The" the tagger took into the span is left out. Mutates `tags`.
 */
export function governingBodies(model: NerModel, words: string[][], tags: string[][]): void {
  const facts = nameFacts(model);
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (const sp of spans(ts)) {
      let j = sp.end;
      if (ts[j] === 'O' && MINISTRY_OF.has(ws[j]?.toLowerCase() ?? '') && ws[j + 1]?.toLowerCase() === 'ministry') j++;
      const noun = ws[j]?.toLowerCase() ?? '';
      if (ts[j] !== 'O' || !BODY_NOUNS.has(noun) || ws[j] !== noun) continue;
      // a sentence's opening "The" taken into the span is no part of the name ("The Carter administration")
      const a = ws[sp.start] === 'The' && sp.end - sp.start > 1 ? sp.start + 1 : sp.start;
      const name = ws.slice(a, sp.end).join(' ');
      const f = facts(name);
      // a leader's name before "administration" is often tagged a place or a thing ("the Carter
      // administration", "the Obama administration"): any name but a known place's, body's or ordinary
      // word's ("The City administration") is a leader's
      const whose = noun === 'administration' ? sp.type === 'PER' || (sp.end - a <= 3 && !f.loc && !f.org && !f.ordinary) : sp.type === 'LOC' || (sp.type === 'MISC' && f.demonym);
      if (!whose) continue;
      if (a > sp.start) ts[sp.start] = 'O';
      ts[a] = 'B-ORG';
      for (let i = a + 1; i <= j; i++) ts[i] = 'I-ORG';
    }
  });
}

/** Titles that only stand before a person's name (dotted forms too). */
const PERSON_TITLES = new Set('Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Baroness President Pope Senator Sen Rep Gov Prof Professor Rev Reverend Sheikh Cardinal Archbishop Chancellor Judge'.split(' '));
const SKIP_BETWEEN = new Set([']', ')', '[', '(']);
/** Titles written before a person's name, which the tagger may run a place or a body into ("Texas Sen. Ted Cruz", "Iowa Lt. Gov."). */
const TRAILING_TITLES = new Set([...PERSON_TITLES, ...'Governor Lt Col Gen Sgt Capt Atty Sec Cmdr Adm Maj Supt Det Cpl Pvt Amb'.split(' ')]);

/**
 * A place or a body that the tagger ran on into the title of the person named after it: "Texas Sen." +
 * "Ted Cruz" was a place called "Texas Sen.", "Iowa Lt." + "Gov. Kim Reynolds" one called "Iowa Lt.".
 * The titles at the end of such a span are left out of it when a person's name follows (after more
 * titles, if any: "PG&E President and CEO Andy Vesey"): "Notre Dame" and "the Office of the President"
 * keep theirs. Mutates `tags`.
 */
export function trailingTitles(words: string[][], tags: string[][]): void {
  const title = (w: string | undefined): boolean => w !== undefined && TRAILING_TITLES.has(w.replace(/\.$/, ''));
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (const sp of spans(ts)) {
      if (sp.type === 'PER') continue;
      // (more titles may come first: "Gov.", "and CEO")
      let k = sp.end;
      while (k < ws.length && k < sp.end + 4 && ts[k] === 'O' && (title(ws[k]) || ws[k] === 'and' || /^[A-Z]{2,4}$/.test(ws[k]!))) k++;
      if (ts[k] !== 'B-PER') continue;
      let e = sp.end;
      while (e - 1 > sp.start && title(ws[e - 1]) && !/^(?:the|of)$/i.test(ws[e - 2]!)) ts[--e] = 'O';
    }
  });
}

/**
 * A place or a body the tagger cut after its first words: named after a person ("José Martí" +
 * "International Airport", "George" + "Washington Bridge"), or after a place ("Sandy Hook" +
 * "Elementary School", where the tagger made "School" a person). A span followed by up to three
 * capitalised words ending in a place's or a body's head word is one name, typed by that head word
 * (see `nameShapeType`). The words after are untagged, or the head word alone as a name of its own,
 * or, after a lone first name, a place's or a body's name ("Washington Bridge"; not "Hillary Clinton"
 * + "Washington Post"). Mutates `tags`.
 */
export function namedAfterPeople(words: string[][], tags: string[][]): void {
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    // (not in a headline's title case: "Ted Cruz Hints Trump Would Get Border Wall Contract")
    const letters = ws.filter((w) => /^\p{L}/u.test(w));
    if (letters.length >= 4 && letters.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.6 * letters.length) return;
    for (const sp of spans(ts)) {
      const lone = sp.type === 'PER' && sp.end - sp.start === 1;
      // (after a place or a body, only a head word the tagger made a person: "Sandy Hook" + "School";
      // "U.S." + "Senate" and "Paris" + "Police" stay as the tagger read them)
      const headAlone = (k: number): boolean => ts[k]!.startsWith('B-') && !ts[k + 1]?.startsWith('I-') && (sp.type === 'PER' || ts[k] === 'B-PER');
      const after = (k: number): boolean => (ts[k] === 'O' && sp.type === 'PER') || (lone && !ts[k]!.endsWith('PER'));
      // (a span that already ends in a head word is a name of its own)
      if (nameShapeType(ws.slice(sp.start, sp.end).join(' ')) !== null) continue;
      let end = -1;
      for (let k = sp.end; k < ws.length && k < sp.end + 3 && /^\p{Lu}\p{Ll}/u.test(ws[k]!); k++) {
        if (nameShapeType(ws.slice(sp.start, k + 1).join(' ')) && (after(k) || headAlone(k))) end = k + 1;
        if (!after(k)) break;
      }
      // (the words after must be all of the name they are tagged as: "Washington Bridge", not "Washington" of "Washington Post")
      if (end < 0 || ts[end]?.startsWith('I-')) continue;
      const type = nameShapeType(ws.slice(sp.start, end).join(' '))!;
      for (let k = sp.start; k < end; k++) ts[k] = `${k === sp.start ? 'B' : 'I'}-${type}`;
    }
  });
}

/**
 * Honorific rule: a capitalised word the tagger left untagged right after a personal title ("Mr Cassis",
 * "[President] Biden", "Dr. Smith") starts a person name, which runs over the following capitalised untagged words.
 * Mutates `tags`.
 */
export function titledNames(words: string[][], tags: string[][]): void {
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (let i = 1; i < ws.length; i++) {
      if (ts[i] !== 'O' || !/^\p{Lu}\p{Ll}/u.test(ws[i]!) || STOP_CAP.has(ws[i]!)) continue;
      let j = i - 1;
      while (j > 0 && SKIP_BETWEEN.has(ws[j]!)) j--;
      const title = ws[j]!.replace(/\.$/, '');
      if (ts[j] !== 'O' || !PERSON_TITLES.has(title)) continue;
      ts[i] = 'B-PER';
      let k = i + 1;
      while (k < ws.length && ts[k] === 'O' && /^\p{Lu}\p{Ll}/u.test(ws[k]!) && !STOP_CAP.has(ws[k]!)) ts[k++] = 'I-PER';
      i = k - 1;
    }
  });
}

const STOP_CAP = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'He', 'She', 'It', 'But', 'And', 'I', 'We', 'They']);

/**
 * Document consistency: every entity string found once (exact tokens, starting with a capital letter) is labelled
 * with its majority type wherever it occurs untagged in the document, unless the occurrence is part of a longer
 * capitalised sequence. Mutates `tags`.
 */
export function propagate(words: string[][], tags: string[][]): void {
  const votes = new Map<string, Map<string, number>>();
  /** For each first word, the lengths (in words) of the entity strings that start with it. */
  const lengths = new Map<string, Set<number>>();
  words.forEach((ws, si) => {
    for (const sp of spans(tags[si]!)) {
      const key = ws.slice(sp.start, sp.end).join(' ');
      if (!/^\p{Lu}/u.test(key) || (sp.end - sp.start === 1 && STOP_CAP.has(key))) continue;
      let v = votes.get(key);
      if (!v) votes.set(key, (v = new Map()));
      v.set(sp.type, (v.get(sp.type) ?? 0) + 1);
      let ls = lengths.get(ws[sp.start]!);
      if (!ls) lengths.set(ws[sp.start]!, (ls = new Set()));
      ls.add(sp.end - sp.start);
    }
  });
  if (!votes.size) return;
  const best = new Map<string, string>();
  for (const [k, v] of votes) best.set(k, [...v.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
  const longestFirst = new Map([...lengths].map(([w, ls]) => [w, [...ls].sort((a, b) => b - a)]));
  const capital = (w: string | undefined) => w !== undefined && /^\p{Lu}/u.test(w);
  words.forEach((ws, si) => {
    const ts = tags[si]!;
    for (let i = 0; i < ws.length; i++) {
      if (ts[i] !== 'O' || !capital(ws[i])) continue;
      // Longest first, only the lengths of known strings starting with this word (trying every
      // length up to the longest entity costs quadratic time on pages of capitalised words).
      for (const L of longestFirst.get(ws[i]!) ?? []) {
        if (L > ws.length - i) continue;
        const type = best.get(ws.slice(i, i + L).join(' '));
        if (!type) continue;
        let free = true;
        for (let j = i; j < i + L; j++) if (ts[j] !== 'O') free = false;
        // not inside a longer capitalised run (e.g. "Washington Post" when only "Washington" is known)
        if (!free || capital(ws[i + L]) || (i > 0 && capital(ws[i - 1]) && ts[i - 1] === 'O' && i - 1 > 0)) break;
        ts[i] = 'B-' + type;
        for (let j = i + 1; j < i + L; j++) ts[j] = 'I-' + type;
        i += L - 1;
        break;
      }
    }
  });
}

const ORG_LISTS = ['intlorg', 'orgabbr', 'company', 'companycore', 'newsorg'] as const;
const PLACE_LISTS = ['country', 'usstate'] as const;
const CITY_LISTS = ['capital', 'city'] as const;

type NameFacts = { org: boolean; loc: boolean; cityOnly: boolean; firstName: boolean; demonym: boolean; ordinary?: boolean };
const factsOfModel = new WeakMap<NerModel, (name: string) => NameFacts>();

/**
 * What the gazetteers inside the model know about a whole name: a listed organisation (international
 * organisations, companies, news organisations), a listed place (countries, US states, capitals, cities), a first
 * name, a people's name; and whether a one-word name is one of the language's ordinary words (the model's
 * `ordinary` list). For buildActors' `facts` option and the rules of `findMentions`. Made once per model, with
 * one cache of the names looked up.
 */
export function nameFacts(model: NerModel): (name: string) => NameFacts {
  let f = factsOfModel.get(model);
  if (!f) factsOfModel.set(model, (f = lookUpNames(model)));
  return f;
}

function lookUpNames(model: NerModel): (name: string) => NameFacts {
  const bit = (l: GazList) => 1 << GAZ_LISTS.indexOf(l);
  const orgMask = ORG_LISTS.reduce((a, l) => a | bit(l), 0);
  const placeMask = PLACE_LISTS.reduce((a, l) => a | bit(l), 0);
  const cityMask = CITY_LISTS.reduce((a, l) => a | bit(l), 0);
  const firstMask = bit('firstname');
  const demonymMask = bit('demonym');
  const cache = new Map<string, NameFacts>();
  return (name) => {
    let r = cache.get(name);
    if (r) return r;
    const key = phraseKey(name);
    // (a name written with accents is also looked up without them: "Iván" is the listed "ivan")
    const mask = listsOf(model.gazetteer, key) ?? model.gazetteer.phrases.get(foldAccents(key)) ?? 0;
    const place = (mask & placeMask) !== 0;
    const city = (mask & cityMask) !== 0;
    const ordinary = !!model.ordinary?.size && !/\s/u.test(name) && model.ordinary.has(name.toLowerCase());
    r = { org: (mask & orgMask) !== 0, loc: place || city, cityOnly: city && !place, firstName: (mask & firstMask) !== 0, demonym: (mask & demonymMask) !== 0, ordinary };
    cache.set(name, r);
    return r;
  };
}

/**
 * Feature extraction for the check-worthiness model. ONE function, `extractFeatures`, is used by
 * training (lib/cli/train-claims.ts) and inference (checkworthy.ts), so the two cannot drift.
 *
 * Feature names are strings; a sentence becomes a set of names, each with value 1, scaled by
 * 1/sqrt(number of features) so long and short sentences weigh alike. Prefixes:
 *   w:  lower-cased word unigram        b:  word bigram (with <s> and </s> boundaries)
 *   and, for the full model (`FeatureSet` 'full'), cue features named `f:…` (see below).
 * Pure: no Node or DOM APIs.
 */
import {
  ATTRIBUTION_VERBS,
  CHANGE_WORDS,
  COMPARATIVE_WORDS,
  EVIDENCE_NOUNS,
  FIRST_PLURAL,
  FIRST_SINGULAR,
  HEDGES,
  HEDGE_PHRASES,
  IRREGULAR_PAST,
  MAGNITUDES,
  MODALS_CONDITIONAL,
  MODALS_FUTURE,
  MODALS_OBLIGATION,
  MODALS_POSSIBILITY,
  MONEY_WORDS,
  MONTHS,
  NEGATIONS,
  NOT_PAST_ED,
  NOT_SUPERLATIVE_EST,
  NUMBER_WORDS,
  OPINION,
  PERFECT_AUX,
  PRESENT_BE,
  SECOND_PERSON,
  SOCIAL,
  SUPERLATIVES,
  THIRD_PERSON,
  TIME_WORDS,
  TITLES,
  WEEKDAYS,
} from './lexicons';

export type FeatureSet = 'ngrams' | 'full';

export interface FeatureContext {
  /** The caller's NER found a named person/organisation in the sentence. */
  hasNamedActor?: boolean;
  /** The sentence is (inside) a quotation. */
  isQuote?: boolean;
}

export interface Tok {
  /** Lower-cased, apostrophes normalised (’ → '). */
  norm: string;
  /** As written. */
  raw: string;
  /** 'word' | 'num' | 'sym' */
  kind: 'word' | 'num' | 'sym';
}

const TOKEN_RE = /(https?:\/\/\S+|www\.\S+)|([@#][\w_]+)|(\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s|m|bn|k)?)|([\p{L}][\p{L}\p{M}]*(?:['’][\p{L}]+)*|['’](?:s|re|ve|ll|d|m|t)\b)|([$£€%?!])/giu;

/** Splits a sentence into word, number and a few symbol tokens (other punctuation is dropped). */
export function tokenize(sentence: string): Tok[] {
  const out: Tok[] = [];
  for (const m of sentence.matchAll(TOKEN_RE)) {
    const raw = m[0];
    if (m[1]) out.push({ raw, norm: '<url>', kind: 'sym' });
    else if (m[2]) {
      if (raw[0] === '@') out.push({ raw, norm: '<user>', kind: 'sym' });
      else out.push({ raw: raw.slice(1), norm: raw.slice(1).toLowerCase(), kind: 'word' });
    } else if (m[3]) out.push({ raw, norm: raw.toLowerCase(), kind: 'num' });
    else if (m[4]) out.push({ raw, norm: raw.toLowerCase().replace(/’/g, "'"), kind: 'word' });
    else out.push({ raw, norm: raw, kind: 'sym' });
  }
  return out;
}

/** Shape of a number token: year, decade, ordinal, decimal, large or small integer. */
export function numShape(n: string): string {
  if (/^(1[89]|20)\d\d$/.test(n)) return '<year>';
  if (/^\d+s$/.test(n)) return '<decade>';
  if (/(st|nd|rd|th)$/.test(n)) return '<ord>';
  if (/[.]\d/.test(n)) return '<dec>';
  if (/[,]\d{3}/.test(n) || /(m|bn|k)$/.test(n) || n.length > 4) return '<big>';
  return '<num>';
}

/** A crude suffix-stripping stem (enough to merge grow/grows/growing/grew-less forms). */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  for (const suf of ['ational', 'ization', 'ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ness', 'edly', 'ies', 'ied', 'ly', 'ed', 'es', 's']) {
    if (w.endsWith(suf) && w.length - suf.length >= 3) return w.slice(0, w.length - suf.length);
  }
  return w;
}

const lenBucket = (n: number): string => (n <= 3 ? '1-3' : n <= 6 ? '4-6' : n <= 10 ? '7-10' : n <= 15 ? '11-15' : n <= 25 ? '16-25' : n <= 40 ? '26-40' : '41+');

function hasPhrase(norms: string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= norms.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (norms[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

const isCap = (raw: string): boolean => /^\p{Lu}/u.test(raw);
const isAcronym = (raw: string): boolean => /^\p{Lu}{2,6}s?$/u.test(raw);

/**
 * Named-actor-ish spans by shape: runs of capitalised words that are not the sentence's first word
 * (unless a title or a second capitalised word follows), acronyms, and title + name ("Mr Trump").
 */
export function capitalisedSpans(toks: Tok[]): { spans: number; multi: number; titled: boolean; acronyms: number } {
  let spans = 0;
  let multi = 0;
  let titled = false;
  let acronyms = 0;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.kind === 'word' && isCap(t.raw) && t.norm !== 'i' && !/^i'/.test(t.norm)) {
      let j = i + 1;
      while (j < toks.length && toks[j]!.kind === 'word' && isCap(toks[j]!.raw)) j++;
      const len = j - i;
      const first = i === 0;
      for (let a = i; a < j; a++) if (isAcronym(toks[a]!.raw)) acronyms++;
      if (!first || len > 1 || TITLES.has(t.norm)) {
        spans++;
        if (len > 1) multi++;
        if (TITLES.has(t.norm) && len > 1) titled = true;
      }
      i = j;
    } else i++;
  }
  return { spans, multi, titled, acronyms };
}

/**
 * The features of one sentence. `set` 'ngrams' gives the baseline (word uni- and bigrams only);
 * 'full' adds the cue features. Returns distinct names (order irrelevant).
 */
export function extractFeatures(sentence: string, context: FeatureContext = {}, set: FeatureSet = 'full'): string[] {
  const toks = tokenize(sentence);
  const norms = toks.map((t) => t.norm);
  const feats = new Set<string>();
  let prev = '<s>';
  for (const n of norms) {
    feats.add('w:' + n);
    feats.add('b:' + prev + ' ' + n);
    prev = n;
  }
  feats.add('b:' + prev + ' </s>');
  if (set === 'ngrams') return [...feats];

  const f = (name: string): void => void feats.add('f:' + name);
  // Generalised n-grams: numbers by shape and words by a crude stem, so "grew 3 percent" and
  // "growing 12 percent" share "g:grow <num> percent".
  const gen = toks.map((t) => (t.kind === 'num' ? numShape(t.norm) : t.norm));
  for (let i = 0; i < gen.length; i++) {
    if (toks[i]!.kind !== 'num') continue;
    feats.add('g:' + gen[i]);
    feats.add('g:' + (gen[i - 1] ?? '<s>') + ' ' + gen[i]);
    feats.add('g:' + gen[i] + ' ' + (gen[i + 1] ?? '</s>'));
  }
  const words = toks.filter((t) => t.kind === 'word');
  for (const t of words) if (t.norm.length > 5) feats.add('p:' + t.norm.slice(0, 5));
  f('len:' + lenBucket(words.length));

  // Numbers, quantities, money, dates.
  let nums = 0;
  let year = false;
  let pct = false;
  let money = false;
  let magnitude = false;
  let date = false;
  let numWord = false;
  let decimal = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const nx = toks[i + 1]?.norm;
    if (t.kind === 'num') {
      nums++;
      if (/^(1[89]|20)\d\d(s)?$/.test(t.norm)) year = true;
      if (/[.,]\d/.test(t.norm) && !/^\d{1,3}(,\d{3})+$/.test(t.norm)) decimal = true;
      if (/(m|bn|k)$/.test(t.norm)) magnitude = true;
    }
    if (t.norm === '%' || t.norm === 'percent' || (t.norm === 'per' && nx === 'cent') || t.norm === 'percentage') pct = true;
    if (t.norm === '$' || t.norm === '£' || t.norm === '€' || MONEY_WORDS.has(t.norm)) money = true;
    if (MAGNITUDES.has(t.norm)) magnitude = true;
    if (MONTHS.has(t.norm) && (t.norm !== 'may' || isCap(t.raw)) && (t.norm !== 'march' || isCap(t.raw))) date = true;
    if (WEEKDAYS.has(t.norm)) date = true;
    if (NUMBER_WORDS.has(t.norm)) numWord = true;
  }
  if (nums > 0) f('num');
  if (nums > 1) f('num:2+');
  if (numWord) f('num:word');
  if (nums > 0 || numWord) f('quantity');
  if (year) f('num:year');
  if (pct) f('num:pct');
  if (money) f('num:money');
  if (magnitude) f('num:magnitude');
  if (decimal) f('num:decimal');
  if (date) f('date');
  const time = norms.some((n) => TIME_WORDS.has(n));
  if (time) f('time');

  // Attribution and evidence.
  const attr = norms.some((n) => ATTRIBUTION_VERBS.has(n)) || hasPhrase(norms, ['according', 'to']);
  if (attr) f('attr');
  if (hasPhrase(norms, ['according', 'to'])) f('attr:according');
  const evidence = norms.some((n) => EVIDENCE_NOUNS.has(n));
  if (evidence) f('evidence');

  // Named-actor-ish spans.
  const caps = capitalisedSpans(toks);
  const actor = caps.spans > 0 || caps.acronyms > 0 || context.hasNamedActor === true;
  f('cap:' + Math.min(caps.spans, 3));
  if (caps.multi > 0) f('cap:multi');
  if (caps.titled) f('actor:titled');
  if (caps.acronyms > 0) f('acronym');
  if (actor) f('actor');

  // Tense and modality.
  let past = false;
  let present = false;
  let perfect = false;
  for (let i = 0; i < norms.length; i++) {
    const n = norms[i]!;
    if (IRREGULAR_PAST.has(n) || (n.length > 4 && n.endsWith('ed') && !NOT_PAST_ED.has(n))) past = true;
    if (PRESENT_BE.has(n)) present = true;
    if (PERFECT_AUX.has(n)) {
      const nx = norms[i + 1] ?? '';
      if (nx === 'been' || (nx.endsWith('ed') && nx.length > 4) || IRREGULAR_PAST.has(nx)) perfect = true;
    }
  }
  const future = norms.some((n) => MODALS_FUTURE.has(n)) || hasPhrase(norms, ['going', 'to']);
  const possibility = norms.some((n) => MODALS_POSSIBILITY.has(n));
  const obligation = norms.some((n) => MODALS_OBLIGATION.has(n)) || hasPhrase(norms, ['have', 'to']);
  const conditional = norms.some((n) => MODALS_CONDITIONAL.has(n)) || norms.includes('if');
  if (past) f('tense:past');
  if (present) f('tense:present');
  if (perfect) f('tense:perfect');
  if (future) f('tense:future');
  if (possibility) f('modal:possible');
  if (obligation) f('modal:obligation');
  if (conditional) f('modal:conditional');
  if (!past && !present && !perfect && !future) f('tense:none');

  // Hedges, opinion, negation.
  const hedge = norms.some((n) => HEDGES.has(n)) || HEDGE_PHRASES.some((p) => hasPhrase(norms, p));
  if (hedge) f('hedge');
  if (hasPhrase(norms, ['i', 'think']) || hasPhrase(norms, ['i', 'believe'])) f('hedge:ithink');
  if (norms.some((n) => OPINION.has(n))) f('opinion');
  if (norms.some((n) => NEGATIONS.has(n) || n.endsWith("n't"))) f('neg');

  // Comparatives and superlatives.
  const than = norms.includes('than');
  const comparative = than || norms.some((n) => COMPARATIVE_WORDS.has(n));
  const superlative = norms.some((n) => SUPERLATIVES.has(n) || (n.length > 5 && n.endsWith('est') && !NOT_SUPERLATIVE_EST.has(n)));
  if (comparative) f('cmp');
  if (than) f('cmp:than');
  if (superlative) f('sup');
  const change = norms.some((n) => CHANGE_WORDS.has(n));
  if (change) f('change');

  // Person, questions, social talk.
  const p1s = norms.some((n) => FIRST_SINGULAR.has(n));
  const p1p = norms.some((n) => FIRST_PLURAL.has(n));
  const p2 = norms.some((n) => SECOND_PERSON.has(n));
  const p3 = norms.some((n) => THIRD_PERSON.has(n));
  if (p1s) f('pron:1sg');
  if (p1p) f('pron:1pl');
  if (p2) f('pron:2');
  if (p3) f('pron:3');
  const question = /\?\s*["”’')\]]*\s*$/.test(sentence) || norms.includes('?');
  if (question) f('question');
  if (norms.includes('!')) f('exclaim');
  if (norms.some((n) => SOCIAL.has(n))) f('social');
  if (/^\s*(?:\[|\()?(?:applause|laughter|crosstalk|inaudible)/i.test(sentence)) f('stage');
  if (/[:;]\s*$|^\s*\p{Ll}/u.test(sentence) || words.length === 0) f('fragment');

  // Quotation and tweet markup.
  const quoted = context.isQuote === true || /["“”]/.test(sentence);
  if (quoted) f('quote');
  if (norms.includes('<url>')) f('url');
  if (norms.includes('<user>')) f('mention');
  if (/#\w/.test(sentence)) f('hashtag');

  // A few conjunctions a linear model cannot form itself.
  const quant = nums > 0 || numWord || pct || money;
  if (quant && past) f('x:quant&past');
  if (quant && actor) f('x:quant&actor');
  if (quant && (comparative || superlative)) f('x:quant&cmp');
  if (quant && change) f('x:quant&change');
  if (quant && attr) f('x:quant&attr');
  if (quant && time) f('x:quant&time');
  if (actor && past) f('x:actor&past');
  if (attr && actor) f('x:attr&actor');
  if (p1s && future) f('x:1sg&future');
  if (p1p && (future || obligation)) f('x:1pl&future');
  if (p2 && question) f('x:2&question');
  if (hedge && !quant) f('x:hedge&noquant');
  if (!quant && !actor && !past) f('x:bare');
  return [...feats];
}

/** Value of every active feature: 1/sqrt(n), so each sentence's vector has unit length. */
export function featureScale(n: number): number {
  return n > 0 ? 1 / Math.sqrt(n) : 0;
}

/**
 * Feature extraction for the NER tagger. Features are strings hashed to 32-bit integers (FNV-1a + a final mix), so
 * neither training nor tagging keeps a feature dictionary of strings: the model stores the hashes of the features it
 * kept. Features of one token:
 *
 * - lexical: the word (lower-cased, digits → 0), its exact form, prefixes and suffixes of 1–4 characters, the parts
 *   of a hyphenated word;
 * - shape: long ("Xxxxx-Xxx") and collapsed ("Xx-Xx") shapes of the word and of its neighbours;
 * - context: words at −2…+2 and the bigrams around the word;
 * - case in context: the word's case class combined with its position and the case mode of its sentence (normal,
 *   ALL CAPS, Title Case headline), which lets one model read headlines and body text;
 * - gazetteers: which lists the word begins or continues a match of, and the same for its neighbours;
 * - document: whether the same word occurs elsewhere in the document in lower case, or capitalised in mid-sentence
 *   of a normal sentence (tells a sentence-initial or headline "Will" from a name); with a stage-1 tagging
 *   (`prior`), the types the other occurrences of the word and of its neighbours got elsewhere in the document.
 */
import { GAZ_LISTS, matchGazetteer, type Gazetteer } from './gazetteer.ts';
import { normToken } from './normalize.ts';

// ---------------------------------------------------------------------------------------------------------------
// Hashing

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

function hashStr(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** Hash of a feature: template number plus one or more string parts. Never 0 (0 marks an empty slot). */
export function fhash(tpl: number, a: string, b?: string, c?: string): number {
  let h = Math.imul(FNV_OFFSET ^ tpl, FNV_PRIME);
  h = hashStr(h, a);
  if (b !== undefined) {
    h = Math.imul(h ^ 0x1f, FNV_PRIME);
    h = hashStr(h, b);
  }
  if (c !== undefined) {
    h = Math.imul(h ^ 0x1e, FNV_PRIME);
    h = hashStr(h, c);
  }
  const r = fmix(h);
  return r === 0 ? 1 : r;
}

// ---------------------------------------------------------------------------------------------------------------
// Word classes

const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /[0-9]/g;

/** Case class: l lower, t Title, u UPPER, m mIxed, d digits, p punctuation/other. */
export function caseClass(w: string): string {
  if (!LETTER_RE.test(w)) return /[0-9]/.test(w) ? 'd' : 'p';
  const first = w[0]!;
  const hasUpper = UPPER_RE.test(w);
  const hasLower = LOWER_RE.test(w);
  if (!hasUpper) return 'l';
  if (!hasLower) return 'u';
  if (first !== first.toLowerCase() && !UPPER_RE.test(w.slice(1))) return 't';
  if (first !== first.toLowerCase()) return 'T'; // McDonald, O'Neill, iPhone-like inner capitals start upper
  return 'm';
}

export function shape(w: string): string {
  let s = '';
  for (let i = 0; i < w.length && i < 12; i++) {
    const c = w[i]!;
    if (c >= '0' && c <= '9') s += 'd';
    else if (c !== c.toLowerCase()) s += 'X';
    else if (c !== c.toUpperCase()) s += 'x';
    else s += c;
  }
  return s;
}

export function shortShape(w: string): string {
  const s = shape(w);
  let out = '';
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) out += s[i];
  return out;
}

/** Sentence case mode: n normal, u ALL CAPS, t Title Case (headline). */
function sentenceMode(words: string[]): string {
  let letters = 0;
  let upper = 0;
  let longWords = 0;
  let titled = 0;
  for (const w of words) {
    if (!LETTER_RE.test(w)) continue;
    letters++;
    const cc = caseClass(w);
    if (cc === 'u') upper++;
    if (w.length > 3) {
      longWords++;
      if (cc === 't' || cc === 'u' || cc === 'T') titled++;
    }
  }
  if (letters >= 2 && upper / letters >= 0.8) return 'u';
  if (longWords >= 3 && titled / longWords >= 0.8) return 't';
  return 'n';
}

// ---------------------------------------------------------------------------------------------------------------
// Word-intrinsic features, cached per distinct word form (most tokens of a text are repeats)

const wordCache = new Map<string, number[]>();

function wordFeatures(D: string, d: string, cc: string, ss: string): number[] {
  const hit = wordCache.get(D);
  if (hit) return hit;
  const out: number[] = [];
  out.push(fhash(TEMPLATES.bias, ''));
  out.push(fhash(TEMPLATES.w, d));
  out.push(fhash(TEMPLATES.W, D));
  const L = d.length;
  for (let a = 1; a <= 4 && a < L; a++) {
    out.push(fhash(TEMPLATES.pre, d.slice(0, a)));
    out.push(fhash(TEMPLATES.suf, d.slice(L - a)));
  }
  out.push(fhash(TEMPLATES.sh, shape(D)));
  out.push(fhash(TEMPLATES.ss, ss));
  out.push(fhash(TEMPLATES.len, String(Math.min(L, 8)), cc));
  const hy = d.indexOf('-');
  if (hy > 0 && hy < L - 1) {
    out.push(fhash(TEMPLATES.hy1, d.slice(0, hy)));
    out.push(fhash(TEMPLATES.hyL, d.slice(d.lastIndexOf('-') + 1)));
  }
  if (wordCache.size > 100_000) wordCache.clear();
  wordCache.set(D, out);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Document features

export interface DocFeatures {
  /** Feature hashes of all tokens, in document order. */
  feats: Int32Array;
  /** Token i's features are feats[offs[i] .. offs[i+1]). */
  offs: Int32Array;
  /** Number of tokens per sentence. */
  lengths: number[];
  /** Lower-cased normalised tokens per sentence. */
  lowers: string[][];
  /** Case class per token per sentence (see caseClass). */
  cases: string[][];
}

/** Stage-1 entity type per token for the second stage: 0 O, 1 PER, 2 ORG, 3 LOC, 4 MISC. */
export type Prior = Uint8Array;
const PRIOR_NAMES = ['O', 'PER', 'ORG', 'LOC', 'MISC'];

export const TEMPLATES = {
  bias: 1,
  w: 2,
  W: 3,
  pre: 4,
  suf: 5,
  sh: 6,
  ss: 7,
  wm1: 8,
  wm2: 9,
  wp1: 10,
  wp2: 11,
  bgl: 12,
  bgr: 13,
  ss3: 14,
  ssl: 15,
  ssr: 16,
  cc: 17,
  hy1: 18,
  hyL: 19,
  gB: 20,
  gI: 21,
  gm1: 22,
  gp1: 23,
  dc: 24,
  dcm1: 25,
  dcp1: 26,
  p1self: 27,
  p1maj: 28,
  p1m1: 29,
  p1p1: 30,
  p1sw: 31,
  Wm1: 32,
  gBw: 33,
  len: 34,
  p1span: 35,
  dcw: 36,
};

interface DocStats {
  /** lower-cased word → bit 1: seen in lower case; bit 2: seen Title case mid-sentence in a normal sentence. */
  caseSeen: Map<string, number>;
}

function docStats(lowers: string[][], norms: string[][], modes: string[]): DocStats {
  const caseSeen = new Map<string, number>();
  for (let s = 0; s < norms.length; s++) {
    const ws = norms[s]!;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      const cc = caseClass(w);
      let bit = 0;
      if (cc === 'l') bit = 1;
      else if ((cc === 't' || cc === 'T') && modes[s] === 'n' && i > 0 && !/^["'(-]/.test(ws[i - 1]!)) bit = 2;
      else if (cc === 'u' && modes[s] === 'n' && w.length > 1) bit = 4;
      if (bit) {
        const k = lowers[s]![i]!;
        caseSeen.set(k, (caseSeen.get(k) ?? 0) | bit);
      }
    }
  }
  return { caseSeen };
}

/**
 * Majority stage-1 type of each lower-cased word over the document (only words tagged as part of an entity at
 * least once). Returns word → PRIOR index, and a per-type count string.
 */
function priorStats(lowers: string[][], prior: Prior): Map<string, number[]> {
  const m = new Map<string, number[]>();
  let k = 0;
  for (const ws of lowers) {
    for (const w of ws) {
      const p = prior[k++]!;
      if (!LETTER_RE.test(w)) continue;
      let c = m.get(w);
      if (!c) m.set(w, (c = [0, 0, 0, 0, 0]));
      c[p]!++;
    }
  }
  return m;
}

function majority(c: number[] | undefined, self: number): string {
  if (!c) return 'none';
  const cc = c.slice();
  if (self >= 0) cc[self]!--; // occurrences other than this one
  let best = 0;
  let bestN = 0;
  let total = 0;
  for (let t = 0; t < 5; t++) {
    total += cc[t]!;
    if (t > 0 && cc[t]! > bestN) {
      best = t;
      bestN = cc[t]!;
    }
  }
  if (total === 0) return 'none';
  if (bestN === 0) return 'O';
  return PRIOR_NAMES[best]! + (bestN * 2 >= total ? '+' : '-');
}

/**
 * Extracts the features of one document (sentences of tokens). `prior` is the stage-1 tagging of the same document
 * (types per token in document order) for the second stage, or undefined for the first stage.
 */
export function extractDocument(doc: string[][], gaz: Gazetteer): DocFeatures {
  const norms = doc.map((s) => s.map(normToken));
  const lowers = norms.map((s) => s.map((w) => w.toLowerCase()));
  const modes = norms.map(sentenceMode);
  const stats = docStats(lowers, norms, modes);
  const cases: string[][] = [];
  const total = doc.reduce((a, s) => a + s.length, 0);
  const feats: number[] = [];
  const offs = new Int32Array(total + 1);
  let k = 0;
  for (let s = 0; s < doc.length; s++) {
    const ws = norms[s]!;
    const ls = lowers[s]!;
    const n = ws.length;
    const mode = modes[s]!;
    const ds = ls.map((l) => l.replace(DIGIT_RE, '0'));
    const Ds = ws.map((w) => w.replace(DIGIT_RE, '0'));
    const sss = ws.map(shortShape);
    const ccs = ws.map(caseClass);
    cases.push(ccs);
    const dcs = ls.map((l, i) => {
      const seen = stats.caseSeen.get(l) ?? 0;
      return ccs[i] + String(seen);
    });
    const { begin, inside } = matchGazetteer(gaz, ws, ls);
    const wAt = (i: number) => (i < 0 ? '<S>' : i >= n ? '</S>' : ds[i]!);
    for (let i = 0; i < n; i++) {
      offs[k] = feats.length;
      const d = ds[i]!;
      const D = Ds[i]!;
      const cc = ccs[i]!;
      for (const h of wordFeatures(D, d, cc, sss[i]!)) feats.push(h);
      feats.push(fhash(TEMPLATES.wm1, wAt(i - 1)));
      feats.push(fhash(TEMPLATES.wm2, wAt(i - 2)));
      feats.push(fhash(TEMPLATES.wp1, wAt(i + 1)));
      feats.push(fhash(TEMPLATES.wp2, wAt(i + 2)));
      feats.push(fhash(TEMPLATES.bgl, wAt(i - 1), d));
      feats.push(fhash(TEMPLATES.bgr, d, wAt(i + 1)));
      feats.push(fhash(TEMPLATES.Wm1, i > 0 ? Ds[i - 1]! : '<S>', cc));
      const ssm1 = i > 0 ? sss[i - 1]! : '<S>';
      const ssp1 = i + 1 < n ? sss[i + 1]! : '</S>';
      feats.push(fhash(TEMPLATES.ss3, ssm1, sss[i]!, ssp1));
      feats.push(fhash(TEMPLATES.ssl, ssm1, sss[i]!));
      feats.push(fhash(TEMPLATES.ssr, sss[i]!, ssp1));
      feats.push(fhash(TEMPLATES.cc, cc, mode, i === 0 ? 'first' : /^["'(\-:]/.test(ws[i - 1]!) ? 'afterq' : 'mid'));
      // gazetteers
      const b = begin[i]!;
      const ins = inside[i]!;
      if (b | ins) {
        for (let g = 0; g < GAZ_LISTS.length; g++) {
          const bit = 1 << g;
          if (b & bit) {
            feats.push(fhash(TEMPLATES.gB, String(g)));
            feats.push(fhash(TEMPLATES.gBw, String(g), mode));
          }
          if (ins & bit) feats.push(fhash(TEMPLATES.gI, String(g)));
        }
      }
      if (i > 0) {
        const m = begin[i - 1]! | inside[i - 1]!;
        for (let g = 0; m && g < GAZ_LISTS.length; g++) if (m & (1 << g)) feats.push(fhash(TEMPLATES.gm1, String(g)));
      }
      if (i + 1 < n) {
        const m = begin[i + 1]! | inside[i + 1]!;
        for (let g = 0; m && g < GAZ_LISTS.length; g++) if (m & (1 << g)) feats.push(fhash(TEMPLATES.gp1, String(g)));
      }
      // document case features
      feats.push(fhash(TEMPLATES.dc, dcs[i]!, mode));
      feats.push(fhash(TEMPLATES.dcw, dcs[i]!, d));
      feats.push(fhash(TEMPLATES.dcm1, i > 0 ? dcs[i - 1]! : '<S>', dcs[i]!));
      feats.push(fhash(TEMPLATES.dcp1, dcs[i]!, i + 1 < n ? dcs[i + 1]! : '</S>'));
      k++;
    }
  }
  offs[k] = feats.length;
  return { feats: Int32Array.from(feats), offs, lengths: doc.map((s) => s.length), lowers, cases };
}

/**
 * Second-stage features of a document from its stage-1 tagging (`prior`: entity type per token in document order):
 * the token's own stage-1 type, the majority type of the other occurrences of the same word in the document, and
 * the same for its neighbours. Appended to the stage-1 features of each token.
 */
export function addPriorFeatures(base: DocFeatures, prior: Prior): DocFeatures {
  const lowers = base.lowers;
  const pstats = priorStats(lowers, prior);
  const feats: number[] = [];
  const offs = new Int32Array(base.offs.length);
  let k = 0;
  for (let s = 0; s < lowers.length; s++) {
    const ls = lowers[s]!;
    const n = ls.length;
    for (let i = 0; i < n; i++) {
      offs[k] = feats.length;
      for (let j = base.offs[k]!; j < base.offs[k + 1]!; j++) feats.push(base.feats[j]!);
      const cc = base.cases[s]![i]!;
      // second stage
      const self = prior[k]!;
      const selfName = PRIOR_NAMES[self]!;
      const maj = majority(pstats.get(ls[i]!), self);
      feats.push(fhash(TEMPLATES.p1self, selfName));
      feats.push(fhash(TEMPLATES.p1maj, maj, cc));
      feats.push(fhash(TEMPLATES.p1sw, selfName, maj));
      feats.push(fhash(TEMPLATES.p1m1, i > 0 ? PRIOR_NAMES[prior[k - 1]!]! : '<S>', selfName));
      feats.push(fhash(TEMPLATES.p1p1, selfName, i + 1 < n ? PRIOR_NAMES[prior[k + 1]!]! : '</S>'));
      const mm1 = i > 0 ? majority(pstats.get(ls[i - 1]!), prior[k - 1]!) : '<S>';
      const mp1 = i + 1 < n ? majority(pstats.get(ls[i + 1]!), prior[k + 1]!) : '</S>';
      feats.push(fhash(TEMPLATES.p1span, mm1, maj, mp1));
      k++;
    }
  }
  offs[k] = feats.length;
  return { feats: Int32Array.from(feats), offs, lengths: base.lengths, lowers, cases: base.cases };
}

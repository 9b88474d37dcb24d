/**
 * CoNLL-layout reading and span scoring (conlleval convention), shared by training, evaluation and tests.
 *
 * Layout: one token a line, the token in the first column and the tag in the last; a blank line between sentences;
 * a line whose first column is "-DOCSTART-" between documents. Tags may be IOB1 (I- starts an entity unless it
 * follows a token of the same type; B- only between two adjacent entities of the same type) or IOB2 (every entity
 * begins with B-); `toIob2` converts either to IOB2.
 */

export interface ConllDoc {
  sentences: { tokens: string[]; tags: string[] }[];
}

export type ScoredType = 'PER' | 'ORG' | 'LOC';
export const SCORED_TYPES: ScoredType[] = ['PER', 'ORG', 'LOC'];

const TAG_RE = /^(O|[BIES]-[A-Za-z][\w-]*)$/;

/** Parses CoNLL text into documents. Throws with a line number on malformed input. */
export function parseConll(text: string, source = 'input'): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = { sentences: [] };
  let tokens: string[] = [];
  let tags: string[] = [];
  const endSentence = () => {
    if (tokens.length) doc.sentences.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  const endDoc = () => {
    endSentence();
    if (doc.sentences.length) docs.push(doc);
    doc = { sentences: [] };
  };
  const lines = text.split(/\r?\n/);
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln]!.trim();
    if (!line) {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endDoc();
      continue;
    }
    if (cols.length < 2) throw new Error(`${source}:${ln + 1}: expected "token ... tag", got "${line.slice(0, 60)}"`);
    const tag = cols[cols.length - 1]!;
    if (!TAG_RE.test(tag)) throw new Error(`${source}:${ln + 1}: "${tag}" is not a BIO tag (O, B-X, I-X)`);
    tokens.push(cols[0]!);
    tags.push(tag);
  }
  endDoc();
  return docs;
}

/** Does this tag sequence use IOB1 (an I- tag that starts an entity)? */
export function isIob1(tags: string[]): boolean {
  let prev = 'O';
  for (const t of tags) {
    if (t.startsWith('I-') && (prev === 'O' || prev.slice(2) !== t.slice(2))) return true;
    prev = t;
  }
  return false;
}

/** Converts IOB1 (or IOBES, or already IOB2) tags of one sentence to IOB2. */
export function toIob2(tags: string[]): string[] {
  const out: string[] = [];
  let prev = 'O';
  for (const raw of tags) {
    let t = raw;
    if (t.startsWith('E-')) t = 'I-' + t.slice(2);
    else if (t.startsWith('S-')) t = 'B-' + t.slice(2);
    if (t.startsWith('I-') && (prev === 'O' || prev.slice(2) !== t.slice(2))) t = 'B-' + t.slice(2);
    out.push(t);
    prev = t;
  }
  return out;
}

/** Maps tags of unscored types (MISC, …) to O, keeping PER/ORG/LOC. */
export function keepScored(tags: string[]): string[] {
  return tags.map((t) => (t === 'O' || SCORED_TYPES.includes(t.slice(2) as ScoredType) ? t : 'O'));
}

export interface Span {
  start: number;
  end: number;
  type: string;
}

/** Entity spans of an IOB2 sentence (end exclusive). A stray I- starts a new span (conlleval does the same). */
export function spans(tags: string[]): Span[] {
  const out: Span[] = [];
  let cur: Span | null = null;
  tags.forEach((t, i) => {
    if (t === 'O') {
      cur = null;
      return;
    }
    const type = t.slice(2);
    if (t.startsWith('B-') || !cur || cur.type !== type) {
      cur = { start: i, end: i + 1, type };
      out.push(cur);
    } else cur.end = i + 1;
  });
  return out;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn };
}

export interface Score extends PRF {
  perType: Record<ScoredType, PRF>;
}

/** Exact span + type scoring over sentences of gold and predicted IOB2 tags; only PER/ORG/LOC count. */
export function scoreSpans(gold: string[][], pred: string[][]): Score {
  const c: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const t of SCORED_TYPES) c[t] = { tp: 0, fp: 0, fn: 0 };
  for (let s = 0; s < gold.length; s++) {
    const g = spans(keepScored(gold[s]!));
    const p = spans(keepScored(pred[s] ?? []));
    const key = (x: Span) => `${x.start}:${x.end}:${x.type}`;
    const gs = new Set(g.map(key));
    const ps = new Set(p.map(key));
    for (const x of p) c[x.type]![gs.has(key(x)) ? 'tp' : 'fp']++;
    for (const x of g) if (!ps.has(key(x))) c[x.type]!.fn++;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perType = {} as Record<ScoredType, PRF>;
  for (const t of SCORED_TYPES) {
    const x = c[t]!;
    tp += x.tp;
    fp += x.fp;
    fn += x.fn;
    perType[t] = prf(x.tp, x.fp, x.fn);
  }
  return { ...prf(tp, fp, fn), perType };
}

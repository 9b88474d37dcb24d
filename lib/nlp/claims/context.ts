/**
 * Context re-ranking for check-worthiness (issue #18, "ranking in long transcripts"). The sentence
 * model scores each sentence alone; in a long text (a debate transcript, a speech, an article) what
 * is around a sentence also says whether it is worth checking: who says it (a moderator who mostly
 * asks questions, or a speaker whose lines score high), what the neighbouring lines score, where
 * the line sits in its turn, how long it is.
 *
 * `contextFeatures` turns a document, given as its lines in reading order with the sentence
 * model's margins, into a few dense features per line. All of them are computed from what a page
 * gives at run time (the text, the attributed speaker if any, the paragraph or turn): no labels.
 * Margins enter as deviations from the document's mean, and every feature is centred over the
 * document, so the context moves lines up and down against one another but leaves the document's
 * mean margin as it was; a text of one line keeps its score.
 *
 * `contextMargins` adds the learned weighted sum to each line's own margin. The weights are
 * trained by `npm run train:claims` on the CLEF CheckThat! 2019 training debates (a logistic
 * regression over the line's margin and these features, divided by the margin's coefficient so
 * the sentence model's scale and calibration stay), and shipped in public/models/claims.json as
 * `context`. A line with no context (all features 0) keeps its own score.
 *
 * Pure: no Node or DOM APIs.
 */
import { marginToScore, sentenceMargin, type CheckworthyModel, type ContextModel } from './checkworthy';

export interface ContextLine {
  /** The sentence model's margin (log-odds) for the line. */
  margin: number;
  /** Who says it (a speaker name or actor key), or null when no one is named. */
  speaker: string | null;
  /** The turn or paragraph the line belongs to; lines of one turn are contiguous. */
  turn: number;
  text: string;
}

/** The feature names, in the order of the vectors `contextFeatures` returns. */
export const CONTEXT_FEATURES = [
  'prev', // previous line's margin (relative to the document mean)
  'next', // next line's margin
  'turnMean', // mean margin of the other lines of the turn
  'turnMax', // highest margin among the other lines of the turn
  'speakerMean', // mean margin of the speaker's lines in the document
  'speakerQuestions', // share of the speaker's lines that are questions (a moderator asks them)
  'speakerShare', // share of the document's lines that are the speaker's
  'first', // first line of its turn
  'last', // last line of its turn
  'turnLines', // log2 of the turn's number of lines
  'words', // log2 of the line's number of words, minus 4 (about 16 words is 0)
  'answer', // the previous turn, by someone else, ended with a question
  'window', // mean margin of the two lines before and the two after
  'topSpeaker', // the speaker has the most lines in the document
] as const;

export type ContextFeatureName = (typeof CONTEXT_FEATURES)[number];

export type { ContextModel } from './checkworthy';

const isQuestion = (text: string): boolean => /\?\s*["”’')\]]*\s*$/.test(text);
const wordCount = (s: string): number => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** One feature vector (in CONTEXT_FEATURES order) per line. */
export function contextFeatures(lines: readonly ContextLine[]): Float64Array[] {
  const n = lines.length;
  if (n === 0) return [];
  const mean = lines.reduce((a, l) => a + l.margin, 0) / n;
  const rel = lines.map((l) => l.margin - mean);
  // Turns: contiguous runs of the same `turn`.
  const turnStart = new Array<number>(n);
  const turnEnd = new Array<number>(n);
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && lines[j]!.turn === lines[i]!.turn) j++;
    for (let k = i; k < j; k++) {
      turnStart[k] = i;
      turnEnd[k] = j;
    }
    i = j;
  }
  const bySpeaker = new Map<string, { sum: number; count: number; questions: number }>();
  lines.forEach((l, i) => {
    if (l.speaker === null) return;
    const s = bySpeaker.get(l.speaker) ?? { sum: 0, count: 0, questions: 0 };
    s.sum += rel[i]!;
    s.count++;
    if (isQuestion(l.text)) s.questions++;
    bySpeaker.set(l.speaker, s);
  });
  let topCount = 0;
  for (const s of bySpeaker.values()) topCount = Math.max(topCount, s.count);
  const out: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const v = new Float64Array(CONTEXT_FEATURES.length);
    const a = turnStart[i]!;
    const b = turnEnd[i]!;
    v[0] = i > 0 ? rel[i - 1]! : 0;
    v[1] = i + 1 < n ? rel[i + 1]! : 0;
    if (b - a > 1) {
      let sum = 0;
      let max = -Infinity;
      for (let k = a; k < b; k++) {
        if (k === i) continue;
        sum += rel[k]!;
        if (rel[k]! > max) max = rel[k]!;
      }
      v[2] = sum / (b - a - 1);
      v[3] = max;
    }
    const sp = lines[i]!.speaker;
    const s = sp === null ? undefined : bySpeaker.get(sp);
    if (s) {
      v[4] = s.sum / s.count;
      v[5] = s.questions / s.count;
      v[6] = s.count / n;
    }
    v[7] = i === a ? 1 : 0;
    v[8] = i === b - 1 ? 1 : 0;
    v[9] = Math.log2(b - a);
    v[10] = Math.log2(1 + wordCount(lines[i]!.text)) - 4;
    if (a > 0) {
      const p = lines[a - 1]!;
      v[11] = isQuestion(p.text) && p.speaker !== sp ? 1 : 0;
    }
    let wsum = 0;
    let wn = 0;
    for (let k = Math.max(0, i - 2); k <= Math.min(n - 1, i + 2); k++) {
      if (k === i) continue;
      wsum += rel[k]!;
      wn++;
    }
    v[12] = wn ? wsum / wn : 0;
    v[13] = s && s.count === topCount ? 1 : 0;
    out.push(v);
  }
  // Centred over the document: a shift shared by every line changes no ranking, and centring keeps
  // the document's mean margin, so a speech by one speaker is not pushed up as a whole.
  for (let k = 0; k < CONTEXT_FEATURES.length; k++) {
    let sum = 0;
    for (const v of out) sum += v[k]!;
    const m = sum / n;
    for (const v of out) v[k]! -= m;
  }
  return out;
}

/**
 * The weights were learned on transcripts, where every line has a speaker. A text where fewer than
 * this share of the lines have one (a news story: mostly the writer's own narration, a few quotes)
 * is not re-ranked: there the speaker features would only move narration against quotations.
 */
export const MIN_SPEAKER_SHARE = 0.5;

/** Does the context re-ranking apply to these lines (enough of them have a speaker)? */
export function readsAsTranscript(lines: readonly ContextLine[]): boolean {
  let withSpeaker = 0;
  for (const l of lines) if (l.speaker !== null) withSpeaker++;
  return lines.length > 1 && withSpeaker >= MIN_SPEAKER_SHARE * lines.length;
}

/**
 * Each line's margin with its context: own margin + the weighted context features. Lines that do
 * not read as a transcript (`readsAsTranscript`) keep their own margins.
 */
export function contextMargins(model: ContextModel | null, lines: readonly ContextLine[]): number[] {
  if (!model || !readsAsTranscript(lines)) return lines.map((l) => l.margin);
  const w = CONTEXT_FEATURES.map((name) => {
    const j = model.features.indexOf(name);
    return j < 0 ? 0 : model.weights[j]!;
  });
  return contextFeatures(lines).map((v, i) => {
    let z = lines[i]!.margin;
    for (let k = 0; k < w.length; k++) z += w[k]! * v[k]!;
    return z;
  });
}

/**
 * A transcript's lines (CLEF 2019 debates, or any text with a speaker per line) as context lines:
 * a turn is a run of consecutive lines by the same speaker; a line with no speaker is a turn of
 * its own.
 */
export function transcriptLines(rows: readonly { text: string; speaker?: string | null }[], margins: readonly number[]): ContextLine[] {
  let turn = 0;
  return rows.map((r, i) => {
    const speaker = r.speaker ?? null;
    if (i > 0 && (speaker === null || speaker !== (rows[i - 1]!.speaker ?? null))) turn++;
    return { margin: margins[i]!, speaker, turn, text: r.text };
  });
}

/**
 * Scores of labelled rows (training and `npm run eval -- claims`): each document's rows, in order,
 * are a transcript scored with context when the model has context weights; rows without documents
 * are scored alone.
 */
export function scoreRows(model: CheckworthyModel, rows: readonly { text: string; doc?: string; speaker?: string }[]): number[] {
  const margins = rows.map((r) => sentenceMargin(model, r.text));
  if (!model.context || !rows.every((r) => r.doc !== undefined)) return margins.map(marginToScore);
  const out = new Array<number>(rows.length);
  const docs = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = docs.get(r.doc!);
    if (list) list.push(i);
    else docs.set(r.doc!, [i]);
  });
  for (const idx of docs.values()) {
    const z = contextMargins(
      model.context,
      transcriptLines(
        idx.map((i) => rows[i]!),
        idx.map((i) => margins[i]!),
      ),
    );
    idx.forEach((i, j) => (out[i] = marginToScore(z[j]!)));
  }
  return out;
}

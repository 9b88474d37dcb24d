/**
 * The NER model: a linear-chain sequence tagger (structured averaged perceptron, Collins 2002) over BIO tags with
 * first-order transitions and exact Viterbi decoding, in two stages (Ratinov & Roth 2009 style): stage 2 sees the
 * stage-1 tagging of the whole document as extra features ("what the same word was tagged as elsewhere").
 *
 * Why this design, not a neural model or a CRF:
 * - it runs in a few milliseconds per article in plain TypeScript, with no runtime dependency and no WASM, in the
 *   extension's background and in Node;
 * - the averaged perceptron reaches CRF-level accuracy on CoNLL-2003 with rich features, trains in minutes on two
 *   cores (no gradient of a partition function, no L-BFGS), and training is deterministic given a seed;
 * - weights are sparse: pruning rare features and quantising the rest to int8 gives a model of a few MB;
 * - feature hashing (no string dictionary) keeps the file small and loading fast: the model stores 32-bit feature
 *   hashes and int8 weight rows, and loading builds one open-addressing table.
 *
 * File layout (`public/models/ner.bin`, little-endian):
 *   "BSNER" 0x01 0x00 0x00 | u32 header length | header JSON (UTF-8) | per stage: u32 feature count n,
 *   u32 byte length of the keys block, keys (sorted u32 hashes as delta varints), n row-scale bytes
 *   (log scale), n × TAGS int8 weight rows,
 *   (TAGS + 1) × TAGS float32 transition scores (last row: start of sentence).
 * The header holds the tag names, the feature count per stage, the gazetteer (normalised phrase keys and list
 * masks, see gazetteer.ts), training metadata and, when `npm run train:words` has run, the language's ordinary
 * words (`ordinary`: one space-separated string, see lib/nlp/ordinary-words.ts), which the tagger does not use as
 * features: the actor builder reads them through `nameFacts`.
 */
import { buildGazetteer, compileGazetteer, loadGazetteer, type CompiledGazetteer, type Gazetteer } from './gazetteer.ts';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const NT = TAGS.length;
/** Entity type index per tag, as used by stage-2 priors: 0 O, 1 PER, 2 ORG, 3 LOC, 4 MISC. */
export const TAG_TYPE = Uint8Array.from([0, 1, 1, 2, 2, 3, 3, 4, 4]);

/** One stage: a feature-hash → weight-row table and transition scores. */
export interface Stage {
  /** Open-addressing table of feature hashes (0 = empty), size a power of two. */
  slots: Int32Array;
  /** Row of the feature in `weights` for each slot. */
  rows: Int32Array;
  mask: number;
  /** n × NT weights (already multiplied by the scale). */
  weights: Float32Array;
  /** (NT + 1) × NT transition scores; row NT is the start of a sentence. Disallowed moves are -Infinity. */
  trans: Float64Array;
  /** Number of features. */
  size: number;
}

export interface NerModel {
  tags: readonly string[];
  gazetteer: Gazetteer;
  stages: Stage[];
  meta: Record<string, unknown>;
  /** The language's ordinary words, lower case (empty or absent when the file has none). */
  ordinary?: ReadonlySet<string>;
}

/** Is the move prev → cur allowed in IOB2? (prev = NT means the start of a sentence.) */
export function allowed(prev: number, cur: number): boolean {
  const t = TAGS[cur]!;
  if (!t.startsWith('I-')) return true;
  if (prev === NT) return false;
  const p = TAGS[prev]!;
  return p !== 'O' && p.slice(2) === t.slice(2);
}

export function constrainTransitions(trans: Float64Array): Float64Array {
  for (let p = 0; p <= NT; p++) for (let c = 0; c < NT; c++) if (!allowed(p, c)) trans[p * NT + c] = -Infinity;
  return trans;
}

/** Builds the lookup table for a set of feature hashes (row i = keys[i]). */
export function buildTable(keys: Int32Array): { slots: Int32Array; rows: Int32Array; mask: number } {
  let size = 1;
  while (size < keys.length * 2) size <<= 1;
  const slots = new Int32Array(size);
  const rows = new Int32Array(size);
  const mask = size - 1;
  for (let r = 0; r < keys.length; r++) {
    const h = keys[r]!;
    let s = h & mask;
    while (slots[s] !== 0 && slots[s] !== h) s = (s + 1) & mask;
    slots[s] = h;
    rows[s] = r;
  }
  return { slots, rows, mask };
}

/** Row of a feature hash, or -1. */
export function lookup(stage: Pick<Stage, 'slots' | 'rows' | 'mask'>, h: number): number {
  const { slots, mask } = stage;
  let s = h & mask;
  for (;;) {
    const v = slots[s]!;
    if (v === h) return stage.rows[s]!;
    if (v === 0) return -1;
    s = (s + 1) & mask;
  }
}

/**
 * Emission scores of tokens [from, to) into `out` ((to-from) × NT), from features (hashes) and offsets.
 */
export function emissions(stage: Stage, feats: Int32Array, offs: Int32Array, from: number, to: number, out: Float64Array): void {
  const w = stage.weights;
  out.fill(0, 0, (to - from) * NT);
  for (let i = from; i < to; i++) {
    const o = (i - from) * NT;
    for (let j = offs[i]!; j < offs[i + 1]!; j++) {
      const r = lookup(stage, feats[j]!);
      if (r < 0) continue;
      const b = r * NT;
      for (let t = 0; t < NT; t++) out[o + t] = out[o + t]! + w[b + t]!;
    }
  }
}

/** Viterbi over emission scores (n × NT) and transitions; writes the best tag indices into `tags`. */
export function viterbi(em: Float64Array, n: number, trans: Float64Array, tags: Uint8Array): void {
  if (n === 0) return;
  const score = new Float64Array(n * NT);
  const back = new Uint8Array(n * NT);
  for (let c = 0; c < NT; c++) score[c] = em[c]! + trans[NT * NT + c]!;
  for (let i = 1; i < n; i++) {
    const o = i * NT;
    const po = o - NT;
    for (let c = 0; c < NT; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < NT; p++) {
        const v = score[po + p]! + trans[p * NT + c]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[o + c] = best + em[o + c]!;
      back[o + c] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * NT;
  for (let c = 0; c < NT; c++) {
    if (score[last + c]! > best) {
      best = score[last + c]!;
      arg = c;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    if (i > 0) arg = back[i * NT + arg]!;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Serialisation

const MAGIC = [0x42, 0x53, 0x4e, 0x45, 0x52, 0x01, 0x00, 0x00]; // "BSNER" v1

export interface StageData {
  /** Feature hashes, one per row. */
  keys: Int32Array;
  /** Float weights, keys.length × NT. */
  weights: Float32Array | Float64Array;
  trans: Float64Array;
}

/** Per-row scales are stored as one byte: scale = exp(LOG_MIN + e · LOG_STEP), e = 0…255. */
const LOG_MIN = Math.log(1e-5);
const LOG_STEP = (Math.log(1e3) - LOG_MIN) / 255;

/**
 * Quantises weights to int8 with one scale per row (feature), kept as a log-scale byte: every feature keeps its
 * relative precision (a single global scale would zero out most of the small but useful weights). Rows whose
 * weights are all below the smallest step are dropped.
 */
function quantise(stage: StageData): { keys: Uint32Array; q: Int8Array; e: Uint8Array } {
  const n = stage.keys.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (stage.keys[a]! >>> 0) - (stage.keys[b]! >>> 0));
  const keys: number[] = [];
  const rows: number[] = [];
  const exps: number[] = [];
  for (const r of order) {
    let max = 0;
    for (let t = 0; t < NT; t++) max = Math.max(max, Math.abs(stage.weights[r * NT + t]!));
    if (max < 1e-4) continue;
    // smallest scale whose 127 steps cover the row
    const e = Math.max(0, Math.min(255, Math.ceil((Math.log(max / 127) - LOG_MIN) / LOG_STEP)));
    const scale = Math.exp(LOG_MIN + e * LOG_STEP);
    keys.push(stage.keys[r]! >>> 0);
    exps.push(e);
    for (let t = 0; t < NT; t++) {
      rows.push(Math.max(-127, Math.min(127, Math.round(stage.weights[r * NT + t]! / scale))));
    }
  }
  return { keys: Uint32Array.from(keys), q: Int8Array.from(rows), e: Uint8Array.from(exps) };
}

function writeVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** Serialises a model (stages as float weights) to the binary file format. */
export function serialiseModel(stages: StageData[], lists: Record<string, string[]>, meta: Record<string, unknown>, ordinary: readonly string[] = []): Uint8Array {
  const parts: Uint8Array[] = [];
  const qs = stages.map(quantise);
  const header: ModelHeader = {
    format: 'backstory-ner',
    version: 1,
    tags: TAGS,
    stages: qs.map((q) => ({ features: q.keys.length })),
    meta,
    gazetteer: compileGazetteer(buildGazetteer(lists)),
  };
  if (ordinary.length) header.ordinary = ordinary.join(' ');
  parts.push(headerBytes(header));
  qs.forEach((q, si) => {
    const kb: number[] = [];
    let prev = 0;
    for (let i = 0; i < q.keys.length; i++) {
      writeVarint(kb, q.keys[i]! - prev);
      prev = q.keys[i]!;
    }
    const hdr = new Uint8Array(8);
    const dv = new DataView(hdr.buffer);
    dv.setUint32(0, q.keys.length, true);
    dv.setUint32(4, kb.length, true);
    parts.push(hdr, Uint8Array.from(kb), q.e, new Uint8Array(q.q.buffer, q.q.byteOffset, q.q.byteLength));
    const tr = new Uint8Array((NT + 1) * NT * 4);
    const tdv = new DataView(tr.buffer);
    const trans = stages[si]!.trans;
    for (let i = 0; i < (NT + 1) * NT; i++) {
      const v = trans[i]!;
      tdv.setFloat32(i * 4, Number.isFinite(v) ? v : -1e30, true);
    }
    parts.push(tr);
  });
  const total = parts.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

interface ModelHeader {
  format?: string;
  version?: number;
  tags: readonly string[];
  stages: { features: number }[];
  meta: Record<string, unknown>;
  gazetteer: CompiledGazetteer;
  ordinary?: string;
}

/** The magic, the header's length and the header. */
function headerBytes(header: ModelHeader): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(12 + json.length);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  return out;
}

function readHeader(bytes: Uint8Array): { header: ModelHeader; end: number } {
  if (bytes.length < 12 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new Error('loadNerModel: not a Backstory NER model file (bad magic)');
  }
  const hlen = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + hlen))) as ModelHeader;
  return { header, end: 12 + hlen };
}

/**
 * The model file with its list of ordinary words replaced (the weights are copied byte for byte): how
 * `npm run train:words` adds the list to a trained model.
 */
export function withOrdinaryWords(bytes: Uint8Array, ordinary: readonly string[]): Uint8Array {
  const { header, end } = readHeader(bytes);
  if (ordinary.length) header.ordinary = ordinary.join(' ');
  else delete header.ordinary;
  const head = headerBytes(header);
  const out = new Uint8Array(head.length + bytes.length - end);
  out.set(head, 0);
  out.set(bytes.subarray(end), head.length);
  return out;
}

/** The list of ordinary words a model file holds (empty when none). */
export function ordinaryWordsOf(bytes: Uint8Array): string[] {
  const { header } = readHeader(bytes);
  return header.ordinary ? header.ordinary.split(' ') : [];
}

/** Builds an in-memory stage from float weights (used in training for dev evaluation and in tests). */
export function makeStage(data: StageData): Stage {
  const table = buildTable(data.keys);
  return {
    ...table,
    weights: data.weights instanceof Float32Array ? data.weights : Float32Array.from(data.weights),
    trans: constrainTransitions(Float64Array.from(data.trans)),
    size: data.keys.length,
  };
}

function base64ToBytes(s: string): Uint8Array {
  const bin = atob(s.replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Parses the binary model file. */
export function parseModel(input: ArrayBuffer | Uint8Array | string | object): NerModel {
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
  else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  else if (typeof input === 'string') bytes = base64ToBytes(input);
  else if (input && typeof input === 'object' && 'stages' in input && 'gazetteer' in input) return input as NerModel;
  else throw new Error('loadNerModel: expected the bytes of ner.bin (ArrayBuffer/Uint8Array) or its base64 text');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = readHeader(bytes);
  const header = read.header;
  let o = read.end;
  if (header.tags.join() !== TAGS.join()) throw new Error('loadNerModel: unexpected tag set');
  const stages: Stage[] = [];
  for (let si = 0; si < header.stages.length; si++) {
    const n = dv.getUint32(o, true);
    const kbytes = dv.getUint32(o + 4, true);
    o += 8;
    const keys = new Int32Array(n);
    let p = o;
    let prev = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      let mul = 1;
      for (;;) {
        const b = bytes[p++]!;
        v += (b & 0x7f) * mul;
        if (b < 0x80) break;
        mul *= 128;
      }
      prev += v;
      keys[i] = prev | 0;
    }
    o += kbytes;
    const exps = bytes.subarray(o, o + n);
    o += n;
    const q = new Int8Array(bytes.buffer, bytes.byteOffset + o, n * NT);
    const weights = new Float32Array(n * NT);
    for (let r = 0; r < n; r++) {
      const scale = Math.exp(LOG_MIN + exps[r]! * LOG_STEP);
      for (let t = 0; t < NT; t++) weights[r * NT + t] = q[r * NT + t]! * scale;
    }
    o += n * NT;
    const trans = new Float64Array((NT + 1) * NT);
    for (let i = 0; i < trans.length; i++) trans[i] = dv.getFloat32(o + i * 4, true);
    o += trans.length * 4;
    stages.push({ ...buildTable(keys), weights, trans: constrainTransitions(trans), size: n });
  }
  return {
    tags: TAGS,
    gazetteer: loadGazetteer(header.gazetteer),
    stages,
    meta: header.meta,
    ordinary: new Set(header.ordinary ? header.ordinary.split(' ') : []),
  };
}

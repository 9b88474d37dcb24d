/**
 * Tagging with a loaded model: stage 1 over the document, then (when the model has it) stage 2 with the stage-1
 * tagging of the whole document as extra features.
 */
import { addPriorFeatures, extractDocument, type DocFeatures } from './features.ts';
import { emissions, NT, TAG_TYPE, viterbi, type NerModel, type Stage } from './model.ts';

/** Decodes every sentence of a document with one stage; returns tag indices in document order. */
export function decodeStage(stage: Stage, df: DocFeatures): Uint8Array {
  const total = df.offs.length - 1;
  const out = new Uint8Array(total);
  let maxLen = 0;
  for (const n of df.lengths) maxLen = Math.max(maxLen, n);
  const em = new Float64Array(maxLen * NT);
  let k = 0;
  for (const n of df.lengths) {
    emissions(stage, df.feats, df.offs, k, k + n, em);
    viterbi(em, n, stage.trans, out.subarray(k, k + n));
    k += n;
  }
  return out;
}

export function priorOf(tags: Uint8Array): Uint8Array {
  const p = new Uint8Array(tags.length);
  for (let i = 0; i < tags.length; i++) p[i] = TAG_TYPE[tags[i]!]!;
  return p;
}

/** Tags one document (sentences of tokens); returns tag indices in document order (all four types). */
export function tagIndices(model: NerModel, doc: string[][]): Uint8Array {
  const base = extractDocument(doc, model.gazetteer);
  let tags = decodeStage(model.stages[0]!, base);
  for (let s = 1; s < model.stages.length; s++) {
    tags = decodeStage(model.stages[s]!, addPriorFeatures(base, priorOf(tags)));
  }
  return tags;
}

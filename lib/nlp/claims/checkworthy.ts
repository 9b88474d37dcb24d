/**
 * Check-worthiness scoring (issue #4): how much a sentence looks like a factual claim worth
 * checking, 0..1. A logistic-regression model over `extractFeatures` (word uni/bigrams plus cue
 * features), trained by `npm run train:claims` and shipped as public/models/claims.json. Training
 * folds a Platt calibration into the weights and intercept, so the score estimates the probability
 * that ClaimBuster's annotators would call the sentence a check-worthy factual claim.
 *
 * No Node-only imports: the background worker fetches the JSON and calls `loadCheckworthyModel`.
 */
import { extractFeatures, featureScale, type FeatureContext, type FeatureSet } from './features';

export const MODEL_FORMAT = 'backstory-checkworthy';
export const MODEL_VERSION = 1;

/** The `context` part of the model file (lib/nlp/claims/context.ts): one weight per feature, in margin units. */
export interface ContextModel {
  features: string[];
  weights: number[];
}

/** The JSON layout of public/models/claims.json. */
export interface CheckworthyModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  featureSet: FeatureSet;
  /** Scores >= threshold count as check-worthy. */
  threshold: number;
  bias: number;
  /** Feature names joined by "\n" (one string parses far faster than 40k object keys). */
  features: string;
  /** Integer weights, one per feature, in units of 1/weightScale (features absent weigh 0). */
  weights: number[];
  weightScale: number;
  /**
   * Optional context re-ranking weights (./context.ts): one weight, in margin units, per context
   * feature name. A file without it scores every sentence alone.
   */
  context?: ContextModel;
  /** Free-form training details (data, figures); not used for scoring. */
  meta?: Record<string, unknown>;
}

export interface CheckworthyModel {
  featureSet: FeatureSet;
  threshold: number;
  bias: number;
  weights: Map<string, number>;
  /** Context re-ranking weights, or null when the file has none. */
  context: ContextModel | null;
  meta: Record<string, unknown>;
}

/** Builds a model from the parsed JSON (or its text). Throws a clear Error when it is not one. */
export function loadCheckworthyModel(data: unknown): CheckworthyModel {
  const obj: unknown = typeof data === 'string' ? JSON.parse(data) : data;
  if (!obj || typeof obj !== 'object') throw new Error('check-worthiness model: not an object');
  const m = obj as Partial<CheckworthyModelFile>;
  if (m.format !== MODEL_FORMAT) throw new Error(`check-worthiness model: format is ${String(m.format)}, expected ${MODEL_FORMAT}`);
  if (m.version !== MODEL_VERSION) throw new Error(`check-worthiness model: version ${String(m.version)} is not supported`);
  if (m.featureSet !== 'full' && m.featureSet !== 'ngrams') throw new Error('check-worthiness model: unknown featureSet');
  if (typeof m.threshold !== 'number' || typeof m.bias !== 'number' || typeof m.features !== 'string' || !Array.isArray(m.weights) || typeof m.weightScale !== 'number')
    throw new Error('check-worthiness model: threshold, bias, features, weights and weightScale are required');
  if (!(m.threshold >= 0 && m.threshold <= 1)) throw new Error(`check-worthiness model: threshold ${m.threshold} is outside 0..1`);
  if (!Number.isFinite(m.bias)) throw new Error('check-worthiness model: bias is not a finite number');
  if (!(m.weightScale > 0) || !Number.isFinite(m.weightScale)) throw new Error('check-worthiness model: weightScale must be a positive number');
  const names = m.features === '' ? [] : m.features.split('\n');
  if (names.length !== m.weights.length) throw new Error(`check-worthiness model: ${names.length} features but ${m.weights.length} weights`);
  const weights = new Map<string, number>();
  const k = 1 / m.weightScale;
  for (let i = 0; i < names.length; i++) {
    const w: unknown = m.weights[i];
    if (typeof w !== 'number' || !Number.isFinite(w)) throw new Error(`check-worthiness model: weight ${i} (${names[i]}) is not a finite number`);
    weights.set(names[i]!, w * k);
  }
  let context: ContextModel | null = null;
  if (m.context !== undefined) {
    const c = m.context as Partial<ContextModel> | null;
    if (!c || !Array.isArray(c.features) || !Array.isArray(c.weights) || c.features.length !== c.weights.length)
      throw new Error('check-worthiness model: context needs features and weights of the same length');
    if (!c.features.every((f) => typeof f === 'string') || !c.weights.every((w) => typeof w === 'number' && Number.isFinite(w)))
      throw new Error('check-worthiness model: context features must be names and its weights finite numbers');
    context = { features: [...c.features], weights: [...c.weights] };
  }
  return { featureSet: m.featureSet, threshold: m.threshold, bias: m.bias, weights, context, meta: m.meta ?? {} };
}

/** The model's raw margin (log-odds) for a list of features. */
export function marginOf(model: Pick<CheckworthyModel, 'bias' | 'weights'>, feats: readonly string[]): number {
  const scale = featureScale(feats.length);
  let z = model.bias;
  for (const f of feats) z += (model.weights.get(f) ?? 0) * scale;
  return z;
}

/** The sentence's margin (log-odds) from its own words, before any context. */
export function sentenceMargin(model: CheckworthyModel, sentence: string, context?: FeatureContext): number {
  return marginOf(model, extractFeatures(sentence, context, model.featureSet));
}

/** The logistic function: a margin to a 0..1 score. */
export function marginToScore(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Check-worthiness of one sentence, 0..1. */
export function scoreSentence(model: CheckworthyModel, sentence: string, context?: FeatureContext): number {
  return marginToScore(sentenceMargin(model, sentence, context));
}

/** True when the sentence's score reaches the model's threshold. */
export function isCheckworthy(model: CheckworthyModel, sentence: string, context?: FeatureContext): boolean {
  return scoreSentence(model, sentence, context) >= model.threshold;
}

/** The features that moved the score most, for explanations in the UI ("mentions a percentage"). */
export function explainScore(model: CheckworthyModel, sentence: string, context?: FeatureContext, top = 5): { feature: string; weight: number }[] {
  return extractFeatures(sentence, context, model.featureSet)
    .map((feature) => ({ feature, weight: model.weights.get(feature) ?? 0 }))
    .filter((x) => x.weight !== 0)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, top);
}

/**
 * Turns an extracted article into an Analysis: named-entity mentions (lib/nlp/ner) merged into
 * actors (lib/nlp/actors), then claims (lib/nlp/claims/find) scored by the check-worthiness model.
 * Each model is loaded once per worker lifetime, on first use; that cache is only a cache, and a
 * restarted worker loads the models again. A model that fails to load is tried again next time.
 */
import { buildActors } from '../nlp/actors';
import { canonicalName } from '../nlp/canonical-names';
import { loadCheckworthyModel, type CheckworthyModel } from '../nlp/claims/checkworthy';
import { findClaims } from '../nlp/claims/find';
import { findMentions, isProbablyEnglish, loadNerModel, type NerModel } from '../nlp/ner';
import type { Analysis, Article } from '../types';

export type Analyse = (article: Article) => Promise<Analysis>;

export interface ModelSources {
  /** The content of the NER model file (in the extension: fetched from the package). */
  ner(): Promise<ArrayBuffer>;
  /** The parsed check-worthiness model file. */
  claims(): Promise<unknown>;
}

/** A lazily loaded value that forgets a failed load, so the next call tries again. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => {
    p ??= load().catch((err: unknown) => {
      p = null;
      throw err;
    });
    return p;
  };
}

export function createAnalyser(sources: ModelSources): Analyse {
  const ner = lazy(async () => loadNerModel(await sources.ner()));
  const claimsModel = lazy(async () => loadCheckworthyModel(await sources.claims()));
  return async (article) => {
    const t0 = performance.now();
    const [tagger, scorer] = await Promise.all([ner(), claimsModel()]) as [NerModel, CheckworthyModel];
    const t1 = performance.now();
    const english = isProbablyEnglish(article.paragraphs);
    const found = english ? findMentions(tagger, article.paragraphs) : [];
    const t2 = performance.now();
    const { actors, mentions } = buildActors(article.paragraphs, found, { canonical: canonicalName });
    const t3 = performance.now();
    const claims = english ? findClaims({ paragraphs: article.paragraphs, mentions, actors, model: scorer }) : [];
    const t4 = performance.now();
    return {
      actors,
      mentions,
      claims,
      ...(english ? {} : { notice: 'Backstory finds names and claims in English text only, and this article seems to be in another language.' }),
      timings: { model: t1 - t0, ner: t2 - t1, actors: t3 - t2, claims: t4 - t3 },
    };
  };
}

/**
 * Turns an extracted article into an Analysis: named-entity mentions (lib/nlp/ner) merged into
 * actors (lib/nlp/actors). The model is loaded once per worker lifetime, on first use; that cache is
 * only a cache, and a restarted worker loads the model again.
 */
import { buildActors } from '../nlp/actors';
import { canonicalName } from '../nlp/canonical-names';
import { findMentions, isProbablyEnglish, loadNerModel, type NerModel } from '../nlp/ner';
import type { Analysis, Article } from '../types';

export type Analyse = (article: Article) => Promise<Analysis>;

/** `loadModel` returns the content of the model file (in the extension: fetched from the package). */
export function createAnalyser(loadModel: () => Promise<ArrayBuffer>): Analyse {
  let model: Promise<NerModel> | null = null;
  return async (article) => {
    const t0 = performance.now();
    model ??= loadModel().then(loadNerModel);
    let ner: NerModel;
    try {
      ner = await model;
    } catch (err) {
      model = null; // try again next time rather than failing for the worker's whole life
      throw err;
    }
    const t1 = performance.now();
    const english = isProbablyEnglish(article.paragraphs);
    const found = english ? findMentions(ner, article.paragraphs) : [];
    const t2 = performance.now();
    const { actors, mentions } = buildActors(article.paragraphs, found, { canonical: canonicalName });
    const t3 = performance.now();
    return {
      actors,
      mentions,
      ...(english ? {} : { notice: 'Backstory finds names in English text only, and this article seems to be in another language.' }),
      timings: { model: t1 - t0, ner: t2 - t1, actors: t3 - t2 },
    };
  };
}

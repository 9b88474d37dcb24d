/**
 * Turns an extracted article into an Analysis: named-entity mentions (lib/nlp/ner) merged into
 * actors (lib/nlp/actors), then claims (lib/nlp/claims/find) scored by the check-worthiness model,
 * then the event fingerprint (lib/events) for earlier coverage.
 * Each model is loaded once per worker lifetime, on first use; that cache is only a cache, and a
 * restarted worker loads the models again. A model that fails to load is tried again next time.
 */
import { buildActors } from '../nlp/actors';
import { canonicalName } from '../nlp/canonical-names';
import { loadCheckworthyModel, type CheckworthyModel } from '../nlp/claims/checkworthy';
import { findClaims } from '../nlp/claims/find';
import { findMentions, isProbablyEnglish, loadNerModel, nameFacts, type NerModel } from '../nlp/ner';
import { computeFingerprint, documentTerms } from '../events/fingerprint';
import type { LoadableIdf } from '../archive/coverage';
import type { Analysis, Article } from '../types';

export type Analyse = (article: Article) => Promise<Analysis>;

export interface ModelSources {
  /** The content of the NER model file (in the extension: fetched from the package). */
  ner(): Promise<ArrayBuffer>;
  /** The parsed check-worthiness model file. */
  claims(): Promise<unknown>;
  /**
   * The IDF table for event fingerprints (the shipped table with the archive's counts on top).
   * Without it, analyses have no fingerprint.
   */
  idf?(): Promise<LoadableIdf>;
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
  const idfTable = sources.idf ? lazy(sources.idf) : null;
  return async (article) => {
    const t0 = performance.now();
    const input = { title: article.title, paragraphs: article.paragraphs, published: article.published };
    // The archive's word counts are read (from IndexedDB) while the text is tagged and its claims found.
    const idfReady = idfTable ? idfTable().then(async (idf) => (await idf.load(documentTerms(input)), idf)) : null;
    idfReady?.catch(() => undefined); // awaited (and thrown) below
    const [tagger, scorer] = (await Promise.all([ner(), claimsModel()])) as [NerModel, CheckworthyModel];
    const t1 = performance.now();
    const english = isProbablyEnglish(article.paragraphs, tagger.ordinary);
    const found = english ? findMentions(tagger, article.paragraphs) : [];
    const t2 = performance.now();
    const { actors, mentions } = buildActors(article.paragraphs, found, {
      canonical: canonicalName,
      facts: nameFacts(tagger),
      title: article.title,
      publishers: [article.publisher, article.aggregator],
    });
    const t3 = performance.now();
    // A caption is never a claim: claims are read in the running text only (caption paragraphs
    // are left empty, so paragraph numbers and offsets stay those of the article).
    const captions = new Set(article.captions ?? []);
    const running = captions.size ? article.paragraphs.map((p, i) => (captions.has(i) ? '' : p)) : article.paragraphs;
    const claims = english
      ? findClaims({ paragraphs: running, mentions: captions.size ? mentions.filter((m) => !captions.has(m.paragraph)) : mentions, actors, model: scorer, quoteBlocks: article.quoteBlocks })
      : [];
    const t4 = performance.now();
    const fingerprint = idfReady ? computeFingerprint(input, actors, await idfReady) : undefined;
    const t5 = performance.now();
    return {
      actors,
      mentions,
      claims,
      ...(fingerprint ? { fingerprint } : {}),
      ...(english ? {} : { notice: 'Backstory finds names and claims in English text only, and this article seems to be in another language.' }),
      timings: { model: t1 - t0, ner: t2 - t1, actors: t3 - t2, claims: t4 - t3, fingerprint: t5 - t4 },
    };
  };
}

/**
 * Event matching (issue #5): article fingerprints, candidate retrieval through index keys, and the
 * ranking of earlier coverage into "same event" and "related".
 *
 *   const idf = loadIdfTable(await (await fetch(browser.runtime.getURL('/models/idf.json'))).json());
 *   const fp = computeFingerprint({ title, paragraphs, published }, analysis.actors, idf);
 *   const found = await findEarlierCoverage(fp, source, { idf, exclude: [ownId] });
 *
 * Pure TypeScript, no DOM and no `browser`.
 */
export * from './dates.ts';
export * from './fingerprint.ts';
export * from './happening.ts';
export * from './idf.ts';
export * from './match.ts';
export * from './source.ts';
export { fold, normaliseWord, stem, terms } from './terms.ts';

/**
 * Organisation words shared by more than one part of the analysis, each list in one place.
 */

/**
 * Words of an organisation's legal form, lower-cased ("Acme Group", "Acme Holdings Ltd", "Autostrade
 * SpA"): what a name may end with and still be the same body as the name without them. Shared by
 * the actor merging (lib/nlp/actors.ts) and the timeline's short names (lib/archive/coverage.ts); a
 * module of its own so that the archive page does not load the actor builder for a word list.
 */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'group',
  'inc',
  'inc.',
  'corp',
  'corp.',
  'corporation',
  'co',
  'co.',
  'company',
  'holdings',
  'holding',
  'ltd',
  'ltd.',
  'plc',
  'llc',
  'sa',
  'spa',
  'ag',
  'limited',
]);

/**
 * Lower-case nouns for the governing bodies of a country, a city or a leader ("the Syrian government",
 * "Hong Kong police", "the Obama administration"): the NER takes them with the name before them
 * (`governingBodies` in lib/nlp/ner), and the canonical names give a country's body the country's
 * name ("US government" = "United States government", lib/nlp/canonical-names.ts).
 */
export const GOVERNING_NOUNS: readonly string[] = ['government', 'administration', 'military', 'army', 'navy', 'police', 'ministry', 'parliament', 'cabinet', 'junta', 'legislature'];

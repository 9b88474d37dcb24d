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

/** Display names for actor keys ("PER:keir starmer"), which keep names folded to lower case. */

/** Words a name keeps in lower case inside it: "Securities and Exchange Commission", "Autostrade per l'Italia". */
const NAME_SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'per', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'y']);

/** "U.S.", "Jean-Luc", "O'Brien": a capital at the start and after a dot or a hyphen, and after an apostrophe that a word follows (not "McDonald's"). */
const capitalise = (w: string): string => w.replace(/(^|[.-]|['’](?=\p{Ll}{2}))(\p{Ll})/gu, (_, p: string, c: string) => p + c.toUpperCase());

/**
 * "Keir Starmer" for "PER:keir starmer", "U.S. Securities and Exchange Commission" for its key: a
 * name to show when no article at hand gives it as written. The first word is always capitalised.
 */
export function nameFromKey(key: string): string {
  return key
    .slice(key.indexOf(':') + 1)
    .split(' ')
    .map((w, i) => {
      if (!w || (i > 0 && NAME_SMALL_WORDS.has(w))) return w;
      // An elided article keeps its case inside a name and gives it to the word it joins ("per l'Italia").
      const elided = /^([dl]['’])(.+)$/.exec(w);
      if (elided && i > 0) return elided[1]! + capitalise(elided[2]!);
      return capitalise(w);
    })
    .join(' ');
}

/**
 * Where `phrase` first stands in `text` as whole words: no letter touching it on either side ("Lee"
 * not in "Leeds"), or only before it when `open` ("air strike" in "air strikes"). -1 when nowhere.
 * Plain string search: no expression is built from the phrase.
 */
export function wholeWordsAt(text: string, phrase: string, open = false): number {
  const letter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    if (!letter(text[i - 1]) && (open || !letter(text[i + phrase.length]))) return i;
  }
  return -1;
}

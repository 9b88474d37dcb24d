/** Speaker names as the Claims view groups them. Pure, no imports: the archive page uses it too. */

/**
 * The group a speaker name belongs to: names that differ only in case, spacing, a possessive or a
 * plural ending ("Officials", "officials", "official's", "the officials'") are one speaker to a
 * reader filtering claims. Different words stay apart ("agency officials" is not "officials").
 */
export function speakerGroup(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[\u2019\u2018`]/g, "'")
    .replace(/^(?:the|a|an)\s+/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length) return '';
  const last = words.length - 1;
  words[last] = singular(words[last]!.replace(/'s?$/, ''));
  return words.join(' ');
}

/** The last word without a plural "s"/"es", kept where the "s" is part of the word (boss, status, Paris). */
function singular(w: string): string {
  if (w.length <= 3 || !/\p{L}$/u.test(w)) return w;
  if (/(?:ss|us|is|ys)$/.test(w)) return w;
  if (/(?:ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
  if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}

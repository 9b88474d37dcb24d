/**
 * Word associations for claim matching (issue 22): pairs of terms that stand for each other across
 * two wordings of one assertion although they are different words ("gitmo" / "guantanamo",
 * "photo" / "imag", "bedbug" / "bug"), learnt by counting from aligned pairs of wordings: a
 * fact-check's claim and its headline, a training tweet and the claim it is about.
 *
 * For each aligned pair, every term only the first wording has is counted with every term only the
 * second has (terms both have say nothing about paraphrase). A pair of terms is kept when it was
 * counted in at least `minCount` aligned pairs and its Dice coefficient (2·c / (n₁ + n₂), where nᵢ
 * counts the aligned pairs in which the term was one-sided) is at least `minDice`: a term seen
 * with many partners is kept with none. Associations are symmetric. Deterministic (ties broken by
 * the terms' order), pure, no dependencies.
 */

export interface AlignedPair {
  /** Term keys (tokens.ts `key`) of the two wordings. */
  a: readonly string[];
  b: readonly string[];
}

export interface LearnOptions {
  minCount: number;
  minDice: number;
  /** At most this many associations, the strongest (highest Dice, then count) kept. */
  max: number;
  /** Terms that never take part (numbers are always left out). */
  skip?: (key: string) => boolean;
}

const NUMBER = /^[\d.]+$/;

/** The associations as "term term" strings, each pair once with its terms in order, strongest first. */
export function learnAssociations(pairs: readonly AlignedPair[], o: LearnOptions): string[] {
  const counts = new Map<string, number>();
  const sided = new Map<string, number>();
  const ok = (k: string) => !NUMBER.test(k) && !(o.skip?.(k) ?? false);
  for (const p of pairs) {
    const a = new Set(p.a.filter(ok));
    const b = new Set(p.b.filter(ok));
    const onlyA = [...a].filter((k) => !b.has(k));
    const onlyB = [...b].filter((k) => !a.has(k));
    // A term counts once per aligned pair however many partners it has.
    for (const k of new Set([...onlyA, ...onlyB])) sided.set(k, (sided.get(k) ?? 0) + 1);
    const seen = new Set<string>();
    for (const x of onlyA)
      for (const y of onlyB) {
        if (x === y) continue;
        const key = x < y ? x + ' ' + y : y + ' ' + x;
        if (seen.has(key)) continue;
        seen.add(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  }
  const kept: [string, number, number][] = [];
  for (const [key, c] of counts) {
    if (c < o.minCount) continue;
    const sp = key.indexOf(' ');
    const n1 = sided.get(key.slice(0, sp)) ?? 0;
    const n2 = sided.get(key.slice(sp + 1)) ?? 0;
    const dice = (2 * c) / (n1 + n2);
    if (dice >= o.minDice) kept.push([key, dice, c]);
  }
  kept.sort((x, y) => y[1] - x[1] || y[2] - x[2] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return kept.slice(0, o.max).map((k) => k[0]);
}

/** Associations for look-up: each term → the terms it stands for. */
export class Associations {
  private readonly map = new Map<string, string[]>();

  constructor(pairs: readonly string[] = []) {
    for (const p of pairs) {
      const sp = p.indexOf(' ');
      if (sp <= 0 || sp === p.length - 1) continue;
      const x = p.slice(0, sp);
      const y = p.slice(sp + 1);
      this.link(x, y);
      this.link(y, x);
    }
  }

  private link(x: string, y: string): void {
    const l = this.map.get(x);
    if (l) {
      if (!l.includes(y)) l.push(y);
    } else this.map.set(x, [y]);
  }

  get size(): number {
    return this.map.size;
  }

  /** The terms `key` is associated with (empty when none). */
  of(key: string): readonly string[] {
    return this.map.get(key) ?? NONE;
  }

  /** The first term of `keys` associated with `key`, or null. */
  partnerIn(key: string, keys: { has(k: string): boolean }): string | null {
    const l = this.map.get(key);
    if (!l) return null;
    for (const y of l) if (keys.has(y)) return y;
    return null;
  }
}

const NONE: readonly string[] = [];

/** The contract every evaluation task module fulfils (lib/cli/eval/<task>.ts). */
export interface EvalTask {
  /** One line shown by `npm run eval -- --help`. */
  describe: string;
  /**
   * Runs the evaluation on `path`, prints a readable table to stdout, and returns the figures.
   * The dispatcher prints the returned object as the last line, as JSON, with "task" first.
   * Throws an Error with a clear message on bad input (missing path, wrong format).
   */
  run(path: string, args: string[]): Promise<Record<string, unknown>>;
}

/** Formats rows as an aligned plain-text table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => String(c ?? '').padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Rounds to 4 significant decimals for display and JSON. */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(round(n));
}

export function round(n: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

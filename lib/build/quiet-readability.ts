/**
 * A Vite plugin for the extension's build: Readability's debug log calls become dead code, which the
 * minifier then drops. Readability logs only with `debug: true`, which Backstory never sets, but
 * it still builds the arguments of most calls, one of them the whole article as HTML
 * (`"Grabbed: " + articleContent.innerHTML`, once per page read), and the calls and their messages
 * take about 1.1 KB of the content script, which has a size budget (README).
 */

/** The module the plugin rewrites. */
export const READABILITY_MODULE = /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/;

/** Readability's source with every `this.log(…)` call made unreachable (`false && this.log(…)`). */
export function quietReadability(code: string): string {
  return code.replaceAll('this.log(', 'false && this.log(');
}

export function quietReadabilityPlugin(): { name: string; enforce: 'pre'; transform(code: string, id: string): string | null } {
  return {
    name: 'backstory-quiet-readability',
    enforce: 'pre',
    transform: (code, id) => (READABILITY_MODULE.test(id.split('?')[0]!) ? quietReadability(code) : null),
  };
}

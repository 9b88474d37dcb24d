/**
 * Issue #6: no regular expression that runs on page text can be driven into catastrophic (or
 * quadratic) backtracking.
 *
 * The expressions are collected from the source, not listed by hand: every regular-expression
 * literal and every `new RegExp(...)` built from constant strings in the files below, so a new
 * expression is tested the day it is written. For each one the test works out which characters its
 * repeated parts (`x+`, `x*`, `x{2,}`) accept, and feeds it long runs of those characters, of pairs
 * of them and of the words it spells, each followed by a character that makes the match fail (the
 * input that forces a backtracking engine to try every way of splitting the run). Every run must
 * finish within BUDGET_MS. A linear expression takes well under a millisecond on these inputs; a
 * quadratic one takes seconds on 50,000 characters.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/** Every file whose code runs on text or markup that came from a web page or from the reader. */
const FILES = [
  'lib/extract/index.ts',
  'lib/extract/blocks.ts',
  'lib/extract/metadata.ts',
  'lib/extract/date.ts',
  'lib/extract/url.ts',
  'lib/nlp/tokenize.ts',
  'lib/nlp/sentences.ts',
  'lib/nlp/actors.ts',
  'lib/nlp/outlets.ts',
  'lib/nlp/canonical-names.ts',
  'lib/nlp/ner/index.ts',
  'lib/nlp/ner/features.ts',
  'lib/nlp/ner/normalize.ts',
  'lib/nlp/ner/gazetteer.ts',
  'lib/nlp/claims/attribution.ts',
  'lib/nlp/claims/find.ts',
  'lib/nlp/claims/signals.ts',
  'lib/nlp/claims/features.ts',
  'lib/nlp/claims/checkworthy.ts',
  'lib/nlp/claims/missed.ts',
  'lib/events/dates.ts',
  'lib/events/terms.ts',
  'lib/events/fingerprint.ts',
  'lib/events/happening.ts',
  'lib/whole-words.ts',
  'lib/events/match.ts',
  'lib/events/idf.ts',
  'lib/archive/coverage.ts',
  'lib/archive/memory.ts',
  'lib/archive/search.ts',
  'lib/page/anchor.ts',
  'lib/page/text-index.ts',
  'lib/page/hover.ts',
  'lib/page/style.ts',
  'lib/page/painter.ts',
  'lib/page/highlights.ts',
];

/** Per run of one expression on one input. */
const BUDGET_MS = 200;
/** Length of the single-character runs. */
const RUN = 50_000;
/** Length of the two-character and word runs. */
const MIX = 20_000;
/** Distinct characters tried per expression (their pairs are tried too). */
const MAX_CHARS = 10;

const ROOT = new URL('../../', import.meta.url);

interface Found {
  where: string;
  source: string;
  flags: string;
}

/** The regular expressions in one file: literals, and `new RegExp(...)` of constant strings and other expressions' `.source`. */
function collect(file: string): { found: Found[]; unresolved: string[] } {
  const text = readFileSync(fileURLToPath(new URL(file, ROOT)), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const unresolved: string[] = [];
  const strings = new Map<string, string>();
  const regexes = new Map<string, string>();
  const where = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;

  // Constants first (a RegExp may be built from constants declared after it in the file).
  const consts = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const init = n.initializer;
      if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) strings.set(n.name.text, init.text);
      if (init.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = (init as ts.RegularExpressionLiteral).text;
        regexes.set(n.name.text, lit.slice(1, lit.lastIndexOf('/')));
      }
    }
    ts.forEachChild(n, consts);
  };
  consts(sf);

  const value = (e: ts.Expression): string | null => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isIdentifier(e)) return strings.get(e.text) ?? null;
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'source' && ts.isIdentifier(e.expression)) return regexes.get(e.expression.text) ?? null;
    if (ts.isParenthesizedExpression(e)) return value(e.expression);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const a = value(e.left);
      const b = value(e.right);
      return a === null || b === null ? null : a + b;
    }
    if (ts.isTemplateExpression(e)) {
      let out = e.head.text;
      for (const span of e.templateSpans) {
        const v = value(span.expression);
        if (v === null) return null;
        out += v + span.literal.text;
      }
      return out;
    }
    return null;
  };

  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = (n as ts.RegularExpressionLiteral).text;
      const cut = lit.lastIndexOf('/');
      found.push({ where: where(n), source: lit.slice(1, cut), flags: lit.slice(cut + 1) });
    } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
      const args = n.arguments ?? [];
      const source = args[0] ? value(args[0]) : null;
      const flags = args[1] ? value(args[1]) : '';
      if (source === null || flags === null) unresolved.push(`${where(n)}: ${n.getText(sf)}`);
      else found.push({ where: where(n), source, flags });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { found, unresolved };
}

/**
 * Candidate characters: ASCII, typographic punctuation, spaces of several kinds, letters of other
 * scripts, combining marks, direction marks, an astral character, a lone surrogate and controls.
 */
const POOL: string[] = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  '\n',
  '\t',
  '\r',
  '\u00a0',
  '\u2009',
  '\u200b',
  '\u2028',
  '\ufeff',
  'é',
  'É',
  'ß',
  'ø',
  'ı',
  'ǅ',
  'я',
  'Я',
  'ع',
  'א',
  '中',
  'ア',
  '한',
  'ſ',
  'K',
  '’',
  '‘',
  '“',
  '”',
  '„',
  '‚',
  '«',
  '»',
  '‹',
  '›',
  '–',
  '—',
  '―',
  '‒',
  '…',
  '·',
  '•',
  '§',
  '©',
  '€',
  '£',
  '°',
  '½',
  '²',
  '٣',
  '\u0301',
  '\u0300',
  '\u20dd',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '😀',
  '\ud800',
  '\udc00',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\ufffd',
];

/** The atoms of a pattern that carry a repeating quantifier (+, *, {n,}, {n,m} with m > 1). */
function quantifiedAtoms(src: string): string[] {
  const atoms: string[] = [];
  const starts: number[] = []; // open group positions
  let i = 0;
  let last: [number, number] | null = null; // the atom just read
  while (i < src.length) {
    const c = src[i]!;
    let atom: [number, number] | null;
    if (c === '\\') {
      let j = i + 2;
      if (/[pPu]/.test(src[i + 1] ?? '') && src[i + 2] === '{') j = src.indexOf('}', i) + 1;
      else if (src[i + 1] === 'u') j = i + 6;
      else if (src[i + 1] === 'x') j = i + 4;
      atom = [i, j];
      i = j;
    } else if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      atom = [i, j + 1];
      i = j + 1;
    } else if (c === '(') {
      starts.push(i);
      i++;
      last = null;
      continue;
    } else if (c === ')') {
      const s = starts.pop() ?? 0;
      atom = [s, i + 1];
      i++;
    } else if (c === '|' || c === '^' || c === '$') {
      i++;
      last = null;
      continue;
    } else if (c === '*' || c === '+' || c === '{' || c === '?') {
      let j = i + 1;
      let repeats = c !== '?';
      if (c === '{') {
        const close = src.indexOf('}', i);
        const q = src.slice(i + 1, close);
        j = close + 1;
        const m = /^(\d+)(,(\d*))?$/.exec(q);
        repeats = !!m && (m[2] !== undefined ? m[3] === '' || Number(m[3]) > 1 : Number(m[1]) > 1);
      }
      if (src[j] === '?') j++; // lazy
      if (repeats && last) atoms.push(src.slice(last[0], last[1]));
      last = null;
      i = j;
      continue;
    } else {
      atom = [i, i + 1];
      i++;
    }
    last = atom;
  }
  return atoms;
}

/** One character per distinct way the quantified atoms treat it, plus a character none of them takes. */
function alphabet(src: string, flags: string): { chars: string[]; breaker: string } {
  const f = flags.replace(/[gy]/g, '');
  const tests: RegExp[] = [];
  for (const a of quantifiedAtoms(src)) {
    try {
      tests.push(new RegExp(`^(?:${a})$`, f));
    } catch {
      // a fragment that is not a pattern on its own (e.g. a group with a back-reference): skip
    }
  }
  const bySignature = new Map<string, string>();
  // Letters the pattern spells count too (a case-insensitive `said` quantified by a group, etc.).
  const literal = [...new Set(src.replace(/\\[pPu]\{[^}]*\}|\\./g, ' ').match(/[\p{L}\p{N}]/gu) ?? [])];
  for (const c of [...POOL, ...literal]) {
    const sig = tests.map((t) => (t.test(c) ? '1' : '0')).join('');
    if (!bySignature.has(sig)) bySignature.set(sig, c);
  }
  const none = '0'.repeat(tests.length);
  const breaker = bySignature.get(none) ?? '\u0000';
  bySignature.delete(none);
  // The characters most atoms accept first: overlapping repetitions are what backtracking feeds on.
  const ones = (sig: string) => sig.split('').filter((b) => b === '1').length;
  const chars = [...bySignature.entries()]
    .sort((a, b) => ones(b[0]) - ones(a[0]))
    .map(([, c]) => c)
    .slice(0, MAX_CHARS);
  return { chars, breaker };
}

/** Words (letter runs of two or more) the pattern spells, for inputs like "said said said …". */
function words(src: string): string[] {
  const out = new Set<string>();
  for (const m of src.replace(/\\[pPu]\{[^}]*\}|\\[a-zA-Z]/g, ' ').matchAll(/[A-Za-z’']{2,}/g)) out.add(m[0]);
  return [...out].slice(0, 12);
}

function attacks(src: string, flags: string): { name: string; input: string }[] {
  const { chars, breaker } = alphabet(src, flags);
  const out: { name: string; input: string }[] = [];
  const show = (s: string) => JSON.stringify(s).slice(1, -1);
  for (const c of chars) {
    out.push({ name: `"${show(c)}" × ${RUN}`, input: c.repeat(RUN) });
    out.push({ name: `"${show(c)}" × ${RUN} + "${show(breaker)}"`, input: c.repeat(RUN) + breaker });
  }
  for (const a of chars) {
    for (const b of chars) {
      if (a === b) continue;
      out.push({ name: `"${show(a + b)}" × ${MIX / 2} + "${show(breaker)}"`, input: (a + b).repeat(MIX / 2) + breaker });
      out.push({ name: `"${show(a)}" × ${MIX / 2}, "${show(b)}" × ${MIX / 2} + "${show(breaker)}"`, input: a.repeat(MIX / 2) + b.repeat(MIX / 2) + breaker });
    }
  }
  for (const w of words(src)) {
    for (const sep of [' ', '', '. ', ', ']) {
      const unit = w + sep;
      const n = Math.ceil(MIX / unit.length);
      out.push({ name: `"${show(unit)}" × ${n} + "${show(breaker)}"`, input: unit.repeat(n) + breaker });
      const cap = w[0]!.toUpperCase() + w.slice(1) + sep;
      out.push({ name: `"${show(cap)}" × ${n} + "${show(breaker)}"`, input: cap.repeat(n) + breaker });
    }
  }
  return out;
}

/**
 * The expressions run in a worker thread, so that one that never finishes fails its test instead
 * of hanging the run: the worker runs every input and reports each time; the test waits at most
 * WALL_MS for the lot.
 */
const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ source, flags, inputs }) => {
  const re = new RegExp(source, flags);
  const times = [];
  for (const input of inputs) {
    const t0 = performance.now();
    if (re.global || re.sticky) {
      re.lastIndex = 0;
      let guard = 0;
      while (re.exec(input) && guard++ < 1000000) if (re.lastIndex === 0) break;
      re.lastIndex = 0;
    } else re.exec(input);
    times.push(performance.now() - t0);
  }
  parentPort.postMessage(times);
});
`;
const WALL_MS = 30_000;

let worker: Worker | null = null;

function timesFor(source: string, flags: string, inputs: string[]): Promise<number[] | null> {
  worker ??= new Worker(WORKER, { eval: true });
  const w = worker;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      // Still running: kill it (the next expression gets a fresh worker).
      void w.terminate();
      worker = null;
      resolve(null);
    }, WALL_MS);
    w.once('message', (times: number[]) => {
      clearTimeout(timer);
      resolve(times);
    });
    w.postMessage({ source, flags, inputs });
  });
}

const collected = FILES.map((f) => ({ file: f, ...collect(f) }));
const all = collected.flatMap((c) => c.found);

afterAll(async () => {
  await worker?.terminate();
});

describe('regular expressions on page text', () => {
  it('collects every expression in the files that read page text', () => {
    expect(collected.flatMap((c) => c.unresolved)).toEqual([]);
    // Sanity: the collector sees the files' expressions (there are hundreds).
    expect(all.length).toBeGreaterThan(200);
  });

  it.each(all.map((r) => [`${r.where} /${r.source.length > 80 ? `${r.source.slice(0, 77)}...` : r.source}/${r.flags}`, r] as const))(
    '%s stays linear on pathological input',
    async (_name, r) => {
      const list = attacks(r.source, r.flags);
      const times = await timesFor(
        r.source,
        r.flags,
        list.map((a) => a.input),
      );
      expect(times, `${r.where} /${r.source}/${r.flags} did not finish within ${WALL_MS} ms`).not.toBeNull();
      const slow = list.flatMap((a, i) => (times![i]! > BUDGET_MS ? [`${a.name}: ${times![i]!.toFixed(0)} ms`] : []));
      expect(slow, `${r.where} /${r.source}/${r.flags}`).toEqual([]);
    },
    WALL_MS + 10_000,
  );
});

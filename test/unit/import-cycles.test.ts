/**
 * No import cycles among the extension's own modules (lib/, components/, entrypoints/). Type-only
 * imports count too: a cycle of types still means two modules that cannot be read, moved or tested
 * one without the other, and the cure is the same (the shared types in a module of their own).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const FOLDERS = ['lib', 'components', 'entrypoints'];
const EXTENSIONS = ['.ts', '.tsx'];

/** Imports left out of the graph, as [importer, imported folder or module]: none. */
const ALLOWED: readonly (readonly [string, string])[] = [];

const allowed = (from: string, to: string) => ALLOWED.some(([a, b]) => from === a && to.startsWith(b));

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && EXTENSIONS.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** The module a specifier names, as a path from the root, or null for a package. */
function target(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  let base: string;
  if (specifier.startsWith('.')) base = join(dirname(from), specifier);
  else if (/^[@~]{1,2}\//.test(specifier)) base = specifier.replace(/^[@~]{1,2}\//, '');
  else return null;
  base = relative(ROOT, resolve(ROOT, base));
  for (const candidate of [base, ...EXTENSIONS.map((x) => base + x), ...EXTENSIONS.map((x) => join(base, 'index' + x))]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

/** Every module a file imports or re-exports from, type-only or not, static or dynamic. */
function importsOf(file: string, files: ReadonlySet<string>): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out = new Set<string>();
  const visit = (node: ts.Node): void => {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) specifier = node.moduleSpecifier;
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) specifier = node.argument.literal;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) specifier = node.arguments[0];
    if (specifier && ts.isStringLiteral(specifier)) {
      const to = target(file, specifier.text, files);
      if (to) out.add(to);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...out];
}

/** The cycles of the graph, one per strongly connected component, each as one closed path. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  // One shortest closed path through each component, from its alphabetically first module.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      for (const w of graph.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          const path = [v];
          while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
          return path;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    return [start];
  });
}

describe('import graph', () => {
  const files = new Set(FOLDERS.flatMap(sourceFiles));
  const graph = new Map([...files].map((f) => [f, importsOf(f, files).filter((to) => !allowed(f, to))] as const));

  it('reads the modules and their imports', () => {
    expect(files.size).toBeGreaterThan(100);
    expect(graph.get('entrypoints/background.ts')).toContain('lib/background/service.ts');
  });

  it('has no import cycles (type-only imports count)', () => {
    expect(cycles(graph).map((path) => [...path, path[0]].join(' -> '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const toy = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cycles(toy)).toEqual([['a', 'b', 'c']]);
  });
});

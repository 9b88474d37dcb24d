/**
 * `npm run realpages:assemble -- [DATA] [OUT] [--gold GOLD]`
 *
 * Builds the folder `npm run eval -- realpages OUT` reads from the project's real-page gold files:
 * for every `GOLD/NAME.json` (default test/realpages/gold), copies `DATA/<source>/source.html`
 * (DATA defaults to ../shared/data; `source` is the gold file's "extraction/<ID>" or "pages/<name>")
 * to `OUT/NAME/source.html` and the gold file itself to `OUT/NAME/gold.json` (OUT defaults to
 * .cache/realpages). `DATA=…`, `OUT=…` and `GOLD=…` are accepted as well as the positional form.
 *
 * Folders of OUT that hold a gold.json but have no gold file any more are removed, so OUT always is
 * exactly the current set. A gold file that cannot be assembled (unreadable, no "source", source
 * missing) is reported and skipped, and the command then exits 1.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGold, sourceFolder } from './eval/realpages-gold.ts';

const USAGE = 'usage: npm run realpages:assemble -- [DATA=../shared/data] [OUT=.cache/realpages] [--gold test/realpages/gold]';

export interface AssembleResult {
  written: string[];
  removed: string[];
  /** Gold files that could not be assembled, and why. */
  problems: string[];
  /** Assembled, but worth a look. */
  warnings: string[];
}

export function assemble(goldDir: string, dataDir: string, outDir: string): AssembleResult {
  const gold = resolve(goldDir);
  if (!existsSync(gold)) throw new Error(`No such gold folder: ${gold}`);
  if (!existsSync(resolve(dataDir))) throw new Error(`No such data folder: ${resolve(dataDir)}`);
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const files = readdirSync(gold)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const result: AssembleResult = { written: [], removed: [], problems: [], warnings: [] };
  const names = new Set<string>();
  for (const file of files) {
    const name = file.slice(0, -'.json'.length);
    names.add(name);
    try {
      const text = readFileSync(join(gold, file), 'utf8');
      const g = parseGold(JSON.parse(text) as unknown, name);
      if (g.page !== name) result.warnings.push(`${file}: "page" is ${JSON.stringify(g.page)}, the file name says ${JSON.stringify(name)} (assembled as ${name})`);
      const folder = sourceFolder(dataDir, g.source);
      if ('problem' in folder) throw new Error(folder.problem);
      const src = join(folder.path, 'source.html');
      if (!existsSync(src)) throw new Error(`no ${src}`);
      mkdirSync(join(out, name), { recursive: true });
      copyFileSync(src, join(out, name, 'source.html'));
      copyFileSync(join(gold, file), join(out, name, 'gold.json'));
      result.written.push(name);
    } catch (err) {
      result.problems.push(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  for (const entry of readdirSync(out)) {
    if (names.has(entry) || !existsSync(join(out, entry, 'gold.json'))) continue;
    rmSync(join(out, entry), { recursive: true, force: true });
    result.removed.push(entry);
  }
  return result;
}

function parseArgs(argv: string[]): { data: string; out: string; gold: string } {
  const o = { data: '../shared/data', out: '.cache/realpages', gold: 'test/realpages/gold' };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const kv = /^(DATA|OUT|GOLD)=(.+)$/.exec(a);
    if (kv) o[kv[1]!.toLowerCase() as 'data' | 'out' | 'gold'] = kv[2]!;
    else if (a === '--gold') {
      const v = argv[++i];
      if (!v) throw new Error(`--gold needs a folder. ${USAGE}`);
      o.gold = v;
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('-')) throw new Error(`Unknown option ${a}. ${USAGE}`);
    else positional.push(a);
  }
  if (positional.length > 2) throw new Error(`Too many arguments. ${USAGE}`);
  if (positional[0]) o.data = positional[0];
  if (positional[1]) o.out = positional[1];
  return o;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const r = assemble(args.gold, args.data, args.out);
    for (const w of r.warnings) console.error(`warning: ${w}`);
    for (const p of r.problems) console.error(`not assembled: ${p}`);
    if (r.removed.length) console.log(`removed ${r.removed.length} page(s) no longer in ${args.gold}: ${r.removed.join(', ')}`);
    if (!r.written.length && !r.problems.length) {
      console.error(`${args.gold} holds no gold files (NAME.json): nothing to assemble.`);
      process.exit(1);
    }
    console.log(`assembled ${r.written.length} page(s) from ${args.gold} and ${args.data} into ${resolve(args.out)}`);
    console.log(`evaluate with: npm run eval -- realpages ${args.out}`);
    process.exit(r.problems.length ? 1 : 0);
  } catch (err) {
    console.error(`realpages:assemble failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

/**
 * `npm run eval -- <task> <path> [--expect key>=value ...]`
 *
 * Runs one evaluation task, prints its table and, as the very last line, one JSON object with its
 * figures. `--expect` turns a figure into a gate: the command exits 1 when it is not met (CI uses
 * this for the targets the issues set).
 */
import type { EvalTask } from './eval/task';

const TASK_NAMES = ['pages', 'extraction', 'ner', 'claims', 'quotes', 'events', 'realpages', 'claim-match'] as const;
/** Each task lives in ./eval/<name>.ts; a task not built yet says so instead of failing to import. */
const TASKS: Record<string, () => Promise<{ default: EvalTask }>> = Object.fromEntries(TASK_NAMES.map((name) => [name, () => import(`./eval/${name}.ts`) as Promise<{ default: EvalTask }>]));

interface Expectation {
  key: string;
  op: '>=' | '<=' | '==';
  value: number;
}

function parseExpect(s: string): Expectation {
  const m = /^([\w.]+)\s*(>=|<=|==)\s*(-?[\d.]+)$/.exec(s);
  if (!m) throw new Error(`--expect takes key>=number, key<=number or key==number, not "${s}"`);
  return { key: m[1]!, op: m[2] as Expectation['op'], value: Number(m[3]) };
}

function lookup(obj: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

async function main(argv: string[]): Promise<number> {
  const expects: Expectation[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--expect') expects.push(parseExpect(argv[++i] ?? ''));
    else rest.push(argv[i]!);
  }
  const [task, path, ...args] = rest;
  if (!task || task === '--help' || !path) {
    console.log('usage: npm run eval -- <task> <path> [--expect key>=value ...]\ntasks:');
    for (const [name, load] of Object.entries(TASKS)) {
      const describe = await load().then(
        (m) => m.default.describe,
        () => '(not built yet)',
      );
      console.log(`  ${name.padEnd(9)} ${describe}`);
    }
    return task ? 0 : 2;
  }
  const load = TASKS[task];
  if (!load) {
    console.error(`Unknown task "${task}". Known tasks: ${Object.keys(TASKS).join(', ')}.`);
    return 2;
  }
  let mod: { default: EvalTask };
  try {
    mod = await load();
  } catch {
    console.error(`The "${task}" evaluation is not part of this version yet.`);
    return 2;
  }
  const figures = await mod.default.run(path, args);
  const failed: string[] = [];
  for (const e of expects) {
    const v = lookup(figures, e.key);
    const ok = typeof v === 'number' && (e.op === '>=' ? v >= e.value : e.op === '<=' ? v <= e.value : v === e.value);
    if (!ok) failed.push(`${e.key} = ${String(v)}, expected ${e.op} ${e.value}`);
  }
  for (const f of failed) console.error(`TARGET MISSED: ${f}`);
  console.log(JSON.stringify({ task, ...figures }));
  return failed.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`eval failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);

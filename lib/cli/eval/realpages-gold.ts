/**
 * The real-page gold format (../shared/data/realpages/GUIDE.md) and the two folder layouts that hold it:
 *
 * - assembled: `DIR/NAME/source.html` (the page as served) + `DIR/NAME/gold.json`: what
 *   `npm run eval -- realpages DIR` reads, and what `npm run realpages:assemble` writes;
 * - gold folder: `GOLD/NAME.json`, each with a `"source": "extraction/<ID>"` or `"pages/<name>"` field
 *   naming the folder of DATA (../shared/data) whose `source.html` is the page. That is how the
 *   project keeps its own dev set (test/realpages/gold) without copying pages it does not own.
 *
 * Pure file handling, no analysis: shared by the eval task and the assemble script.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve } from 'node:path';
import type { EntityType } from '../../types.ts';

export interface GoldActor {
  name: string;
  type: EntityType;
  /** Every form the article uses (the name itself need not be repeated here). */
  aliases: string[];
}

export interface GoldQuote {
  /** Verbatim words from inside the quotation marks. */
  text: string;
  /** A gold actor's name, or the phrase that identifies the speaker; null when the text gives none. */
  speaker: string | null;
  /** Other speaker strings that count as right. */
  accept: string[];
}

export interface RealPageGold {
  page: string;
  url: string | null;
  actors: GoldActor[];
  quotes: GoldQuote[];
  /** Verbatim fragments of sentences the article does not stand behind. */
  unverified: string[];
  /** Where the page comes from inside DATA (gold-folder layout only). */
  source: string | null;
  notes: string | null;
}

const TYPES = new Set<EntityType>(['PER', 'ORG', 'LOC']);

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function strings(x: unknown, where: string): string[] {
  if (x === undefined || x === null) return [];
  if (!Array.isArray(x) || x.some((s) => typeof s !== 'string')) throw new Error(`${where} must be a list of strings`);
  return (x as string[]).map((s) => s.trim()).filter(Boolean);
}

/**
 * Reads and checks one gold object. Throws an Error naming the page and the field on anything the
 * scores cannot use (a type other than PER/ORG/LOC, a quote without text, …). Missing `quotes` and
 * `unverified` are empty lists; a missing `page` is the folder or file name.
 */
export function parseGold(json: unknown, name: string): RealPageGold {
  const at = (field: string) => `${name}: ${field}`;
  if (!isObj(json)) throw new Error(`${name}: gold.json must hold one JSON object`);
  const url = json.url === undefined || json.url === null || json.url === '' ? null : json.url;
  if (url !== null && typeof url !== 'string') throw new Error(at('"url" must be a string'));
  if (!Array.isArray(json.actors)) throw new Error(at('"actors" must be a list'));
  const actors = json.actors.map((a, i): GoldActor => {
    if (!isObj(a) || typeof a.name !== 'string' || !a.name.trim()) throw new Error(at(`actors[${i}] needs a "name"`));
    if (typeof a.type !== 'string' || !TYPES.has(a.type as EntityType)) throw new Error(at(`actors[${i}] ("${a.name}") has type ${JSON.stringify(a.type)}; PER, ORG or LOC`));
    return { name: a.name.trim(), type: a.type as EntityType, aliases: strings(a.aliases, at(`actors[${i}].aliases`)) };
  });
  const quotesRaw = json.quotes ?? [];
  if (!Array.isArray(quotesRaw)) throw new Error(at('"quotes" must be a list'));
  const quotes = quotesRaw.map((q, i): GoldQuote => {
    if (!isObj(q) || typeof q.text !== 'string' || !q.text.trim()) throw new Error(at(`quotes[${i}] needs a "text"`));
    if (q.speaker !== undefined && q.speaker !== null && typeof q.speaker !== 'string') throw new Error(at(`quotes[${i}].speaker must be a string`));
    const speaker = typeof q.speaker === 'string' && q.speaker.trim() ? q.speaker.trim() : null;
    return { text: q.text.trim(), speaker, accept: strings(q.accept, at(`quotes[${i}].accept`)) };
  });
  const unverified = strings(json.unverified, at('"unverified"'));
  const page = typeof json.page === 'string' && json.page.trim() ? json.page.trim() : name;
  const source = typeof json.source === 'string' && json.source.trim() ? json.source.trim() : null;
  const notes = typeof json.notes === 'string' ? json.notes : null;
  return { page, url, actors, quotes, unverified, source, notes };
}

/** One page to evaluate: where its gold and its HTML are, or why it cannot be read. */
export interface PageInput {
  name: string;
  goldPath: string;
  /** Null when the page's HTML cannot be located (`problem` says why). */
  sourcePath: string | null;
  problem: string | null;
}

function isDir(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/** The pages of an assembled folder: every sub-folder holding a gold.json, in name order. */
export function listAssembled(dir: string): PageInput[] {
  const abs = resolve(dir);
  if (!isDir(abs)) throw new Error(`No such folder: ${abs}`);
  const names = readdirSync(abs)
    .filter((n) => existsSync(join(abs, n, 'gold.json')))
    .sort();
  if (!names.length) {
    const loose = readdirSync(abs).filter((n) => n.endsWith('.json'));
    throw new Error(
      loose.length
        ? `${abs} holds gold files (NAME.json) but no NAME/gold.json: pass the data folder their "source" fields point into with --data (e.g. --data ../shared/data), or assemble it first with npm run realpages:assemble.`
        : `${abs} holds no pages: expected sub-folders NAME/ with source.html and gold.json (see ../shared/data/realpages/GUIDE.md).`,
    );
  }
  return names.map((name) => {
    const sourcePath = join(abs, name, 'source.html');
    const ok = existsSync(sourcePath);
    return { name, goldPath: join(abs, name, 'gold.json'), sourcePath: ok ? sourcePath : null, problem: ok ? null : 'no source.html' };
  });
}

/**
 * The folder of DATA a gold file's `source` names, or an explanation of why it cannot be used.
 * Only relative paths that stay inside DATA are accepted.
 */
export function sourceFolder(dataDir: string, source: string | null): { path: string } | { problem: string } {
  if (!source) return { problem: 'the gold file has no "source" (e.g. "extraction/<ID>" or "pages/<name>")' };
  const rel = normalize(source).replace(/[\\/]+$/, '');
  if (isAbsolute(source) || rel.startsWith('..') || rel === '.') return { problem: `"source" must be a folder inside the data folder, not ${JSON.stringify(source)}` };
  return { path: join(resolve(dataDir), rel) };
}

/** The pages of a gold folder (GOLD/NAME.json) whose `source` fields point into DATA. */
export function listGoldFolder(goldDir: string, dataDir: string): PageInput[] {
  const abs = resolve(goldDir);
  if (!isDir(abs)) throw new Error(`No such gold folder: ${abs}`);
  if (!isDir(resolve(dataDir))) throw new Error(`No such data folder: ${resolve(dataDir)} (--data points at ../shared/data or a copy of it)`);
  const files = readdirSync(abs)
    .filter((n) => n.endsWith('.json'))
    .sort();
  if (!files.length) throw new Error(`${abs} holds no gold files (NAME.json).`);
  return files.map((file) => {
    const name = file.slice(0, -'.json'.length);
    const goldPath = join(abs, file);
    let source: string | null;
    try {
      const json: unknown = JSON.parse(readFileSync(goldPath, 'utf8'));
      source = isObj(json) && typeof json.source === 'string' ? json.source : null;
    } catch {
      // The gold is unreadable: reading it again when the page is evaluated reports why.
      return { name, goldPath, sourcePath: null, problem: null };
    }
    const folder = sourceFolder(dataDir, source);
    if ('problem' in folder) return { name, goldPath, sourcePath: null, problem: folder.problem };
    const sourcePath = join(folder.path, 'source.html');
    return existsSync(sourcePath) ? { name, goldPath, sourcePath, problem: null } : { name, goldPath, sourcePath: null, problem: `no ${sourcePath}` };
  });
}

/** Reading the files the command-line tools are given, with messages that name what was missing. */
import { readFileSync } from 'node:fs';

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${what} not found: ${path}` : code === 'EISDIR' ? `${what} is a directory: ${path}` : `cannot read ${what} ${path}: ${code ?? String(err)}`, {
      cause: err,
    });
  }
}

/** A JSON file, parsed; `what` names it in the error ("model file"). */
export function readJson(path: string, what: string): unknown {
  const text = readText(path, what);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} ${path} is not valid JSON`);
  }
}

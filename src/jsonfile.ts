import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type JsonFileRead =
  | { state: 'missing' }
  | { state: 'ok'; data: Record<string, unknown> }
  | { state: 'unreadable'; code: string }
  | { state: 'corrupt'; reason: string };

/**
 * Reads a conf-written JSON file directly. conf itself is only loaded to write: importing it
 * costs ~0.25 s (ajv), more than a whole warm lookup may take, and a read needs none of it.
 */
export function readJsonObject(path: string): JsonFileRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A missing file, or a path that cannot hold one, simply has nothing in it yet.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { state: 'missing' };
    return { state: 'unreadable', code: code ?? 'error' };
  }
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      return { state: 'ok', data: data as Record<string, unknown> };
    }
    return { state: 'corrupt', reason: 'it is not a JSON object' };
  } catch {
    return { state: 'corrupt', reason: text.trim() ? 'it is not valid JSON' : 'it is empty' };
  }
}

/**
 * Creates `dir` and its missing parents one level at a time. `mkdirSync(dir, {recursive: true})`,
 * which conf uses, loops forever where mkdir says ENOENT for a parent that exists (e.g. under
 * /proc); doing it here first turns that into an error conf never meets.
 */
export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    ensureDir(parent);
    mkdirSync(dir); // ENOENT again, with the parent now there, is final
  }
}

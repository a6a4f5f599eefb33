// `restaurant-menu cache path|info|clear`.
import type { CacheCleared, CacheInfo, CachePathResult } from './results.js';
import { statSync } from 'node:fs';
import { OUTPUT_OPTIONS, type CommandSpec, type Runner } from '../cli/command.js';
import { cacheFileIn, DiskCache, readCacheFile, validEntries } from '../store/cache.js';
import { LocalError } from '../errors.js';
import { fileErrorReason } from '../store/files.js';
import type { Notices } from '../cli/notices.js';
import { cacheDir } from '../store/paths.js';
import { renderCacheCleared, renderCacheInfo, renderCachePath } from '../render/admin.js';

export function cachePath(dir: string): CachePathResult {
  return { status: 'cache_path', file: cacheFileIn(dir) };
}

export function cacheInfo(dir: string): CacheInfo {
  const file = cacheFileIn(dir);
  const read = readCacheFile(file);
  if (read.state === 'unreadable') throw new LocalError('CACHE_FILE', `cannot read the cache file ${file} (${read.reason})`);
  const times = validEntries(read).map(([, e]) => e.fetchedAt).sort((a, b) => a - b);
  let bytes = 0;
  try {
    bytes = statSync(file).size;
  } catch {
    // no cache file yet (or a dangling link to none)
  }
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return {
    status: 'cache_info',
    file,
    state: read.state,
    problem: read.state === 'damaged' ? read.reason : null,
    entries: times.length,
    bytes,
    oldest: iso(times[0]),
    newest: iso(times.at(-1)),
  };
}

export async function clearCache(dir: string, notices: Notices): Promise<CacheCleared> {
  const cache = new DiskCache(dir, notices);
  try {
    return { status: 'cache_cleared', file: cache.file, removed: await cache.clear() };
  } catch (error) {
    throw new LocalError('CACHE_FILE', `cannot clear the cache file ${cache.file} (${fileErrorReason(error)})`);
  }
}

export const command = {
  name: 'cache',
  description: 'the disk cache of API answers: path, info, clear',
  subcommands: [
    { name: 'path', description: 'print where the cache lives', options: ['json'] },
    { name: 'info', description: 'entries, size, oldest and newest', options: OUTPUT_OPTIONS },
    { name: 'clear', description: 'delete every cached answer', options: ['json'] },
  ],
} as const satisfies CommandSpec;

export const run: Record<(typeof command.subcommands)[number]['name'], Runner> = {
  path: async (run) => run.print(renderCachePath(cachePath(cacheDir(run.env)), await run.style())),
  info: async (run) => run.print(renderCacheInfo(cacheInfo(cacheDir(run.env)), await run.style(), run.now())),
  clear: async (run) => run.print(renderCacheCleared(await clearCache(cacheDir(run.env), run.notices), await run.style())),
};

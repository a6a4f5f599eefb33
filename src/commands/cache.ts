import { statSync } from 'node:fs';
import { cacheFileIn, DiskCache } from '../cache/store.js';
import type { Notices } from '../notices.js';
import { cacheDir } from '../paths.js';

export interface CacheInfo {
  file: string;
  entries: number;
  bytes: number;
  oldest: string | null;
  newest: string | null;
}

export function cachePath(): string {
  return cacheFileIn(cacheDir());
}

export function cacheInfo(notices: Notices): CacheInfo {
  const cache = new DiskCache(cacheDir(), notices);
  const times = Object.values(cache.all()).map((e) => e.fetchedAt).sort((a, b) => a - b);
  let bytes = 0;
  try {
    bytes = statSync(cache.file).size;
  } catch {
    // no cache file yet
  }
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return { file: cache.file, entries: times.length, bytes, oldest: iso(times[0]), newest: iso(times.at(-1)) };
}

export async function clearCache(notices: Notices): Promise<{ removed: number; file: string }> {
  const cache = new DiskCache(cacheDir(), notices);
  return { removed: await cache.clear(), file: cache.file };
}

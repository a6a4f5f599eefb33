// Turns flags, environment and saved settings into the values a lookup runs with.
// Precedence: command-line flag > environment variable > saved setting > default.
import { DiskCache } from './cache/store.js';
import { ConfigStore, effectiveSetting } from './config.js';
import { parseDuration } from './duration.js';
import { UsageError } from './errors.js';
import type { Notices } from './notices.js';
import { cacheDir, configDir } from './paths.js';
import { MenuSource, type CacheMode, type StaleUse } from './source.js';

export interface LookupFlags {
  api?: string;
  timeout?: string;
  ttl?: string;
  concurrency?: string;
  refresh?: boolean;
  /** commander's `--no-cache`: false when given. */
  cache?: boolean;
}

export interface LookupContext {
  source: MenuSource;
  concurrency: number;
}

export function lookupContext(flags: LookupFlags, notices: Notices, onStale?: (use: StaleUse) => void): LookupContext {
  const saved = new ConfigStore(configDir(), notices).read();
  const setting = (key: 'api' | 'timeout' | 'ttl' | 'concurrency') => effectiveSetting(key, flags[key], saved).value;
  if (flags.refresh && flags.cache === false) throw new UsageError('--refresh and --no-cache cannot be used together');
  const cacheMode: CacheMode = flags.cache === false ? 'off' : flags.refresh ? 'refresh' : 'use';
  return {
    source: new MenuSource({
      api: setting('api'),
      timeoutMs: parseDuration(setting('timeout')),
      menuTtlMs: parseDuration(setting('ttl')),
      cacheMode,
      cache: new DiskCache(cacheDir(), notices),
      notices,
      onStale,
    }),
    concurrency: Number(setting('concurrency')),
  };
}

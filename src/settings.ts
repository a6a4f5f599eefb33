// Turns flags, environment and saved settings into the values a lookup runs with.
// Precedence: command-line flag > environment variable > saved setting > default.
import { DiskCache } from './cache/store.js';
import { ConfigStore, DEFAULT_API, SETTINGS, type SettingKey } from './config.js';
import { parseDuration } from './duration.js';
import { UsageError } from './errors.js';
import type { Notices } from './notices.js';
import { cacheDir, configDir } from './paths.js';
import { DEFAULT_MENU_TTL_MS, MenuSource, type CacheMode, type StaleUse } from './source.js';

export interface LookupFlags {
  api?: string;
  timeout?: string;
  ttl?: string;
  concurrency?: string;
  refresh?: boolean;
  /** commander's `--no-cache`: false when given. */
  cache?: boolean;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_CONCURRENCY = 4;

/** One setting's value, checked, with an error that names where the bad value came from. */
function resolve(key: SettingKey, flag: string | undefined, saved: Partial<Record<SettingKey, string>>): string | undefined {
  const { check, env } = SETTINGS[key];
  const [value, origin] =
    flag !== undefined ? [flag, `--${key}`] : process.env[env] ? [process.env[env]!, env] : [saved[key], 'the saved setting'];
  if (value === undefined) return undefined;
  try {
    return check(value);
  } catch (error) {
    throw new UsageError(`${origin}: ${(error as Error).message}`);
  }
}

export interface LookupContext {
  source: MenuSource;
  concurrency: number;
}

export function lookupContext(flags: LookupFlags, notices: Notices, onStale?: (use: StaleUse) => void): LookupContext {
  const saved = new ConfigStore(configDir(), notices).read();
  const api = resolve('api', flags.api, saved) ?? DEFAULT_API;
  const timeout = resolve('timeout', flags.timeout, saved);
  const ttl = resolve('ttl', flags.ttl, saved);
  const concurrency = resolve('concurrency', flags.concurrency, saved);
  if (flags.refresh && flags.cache === false) throw new UsageError('--refresh and --no-cache cannot be used together');
  const cacheMode: CacheMode = flags.cache === false ? 'off' : flags.refresh ? 'refresh' : 'use';
  return {
    source: new MenuSource({
      api,
      timeoutMs: timeout ? parseDuration(timeout) : DEFAULT_TIMEOUT_MS,
      menuTtlMs: ttl ? parseDuration(ttl) : DEFAULT_MENU_TTL_MS,
      cacheMode,
      cache: new DiskCache(cacheDir(), notices),
      notices,
      onStale,
    }),
    concurrency: concurrency ? Number(concurrency) : DEFAULT_CONCURRENCY,
  };
}

// Saved settings (`restaurant-menu config ...`), stored with conf as config.json in the user's
// config directory. Precedence everywhere: command-line flag > environment > saved > default.
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseDuration } from './duration.js';
import { ConfigWriteError, UsageError } from './errors.js';
import { ensureDir, readJsonObject } from './jsonfile.js';
import type { Notices } from './notices.js';

export const DEFAULT_API = 'https://menu.dckube.scilifelab.se/api';

/** Checks a value and returns it in canonical form; throws UsageError when it is unusable. */
type Check = (value: string) => string;

export function checkApiUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new UsageError(`'${value.slice(0, 60)}' is not a URL: give the API base, e.g. ${DEFAULT_API}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`the API URL must start with http:// or https:// (got ${url.protocol})`);
  }
  if (url.search || url.hash) throw new UsageError('the API URL must not contain ? or #');
  return url.href.replace(/\/+$/, '');
}

function checkConcurrency(value: string): string {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new UsageError(`concurrency must be a whole number from 1 to 16 (got '${value.slice(0, 20)}')`);
  return String(n);
}

function checkDuration(what: string, min: number): Check {
  return (value) => {
    const ms = parseDuration(value, what);
    if (ms < min) throw new UsageError(`${what} must be at least ${min / 1000} s`);
    return value.trim();
  };
}

export const SETTINGS = {
  api: { check: checkApiUrl, env: 'RESTAURANT_MENU_API', default: DEFAULT_API, describe: 'menu API base URL (or a relay)' },
  ttl: { check: checkDuration('ttl', 0), env: 'RESTAURANT_MENU_TTL', default: '1h', describe: 'how long a cached menu stays fresh' },
  timeout: { check: checkDuration('timeout', 1000), env: 'RESTAURANT_MENU_TIMEOUT', default: '30s', describe: 'time budget for API calls' },
  concurrency: { check: checkConcurrency, env: 'RESTAURANT_MENU_CONCURRENCY', default: '4', describe: 'menus fetched at once by today/find' },
} as const satisfies Record<string, { check: Check; env: string; default: string; describe: string }>;

export type SettingKey = keyof typeof SETTINGS;

export type Saved = Partial<Record<SettingKey, string>>;

/**
 * A setting's value and where it came from: flag > environment variable > saved > default.
 * Checked; a bad value is a usage error naming its origin.
 */
export function effectiveSetting(key: SettingKey, flag: string | undefined, saved: Saved): { value: string; from: 'flag' | 'env' | 'saved' | 'default' } {
  const { check, env } = SETTINGS[key];
  const envValue = process.env[env];
  const [value, from, origin] =
    flag !== undefined
      ? ([flag, 'flag', `--${key}`] as const)
      : envValue
        ? ([envValue, 'env', env] as const)
        : saved[key] !== undefined
          ? ([saved[key]!, 'saved', 'the saved setting'] as const)
          : ([SETTINGS[key].default, 'default', 'the default'] as const);
  try {
    return { value: check(value), from };
  } catch (error) {
    throw new UsageError(`${origin}: ${(error as Error).message}`);
  }
}

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

export const configFileIn = (dir: string) => join(dir, 'config.json');

export class ConfigStore {
  readonly file: string;

  constructor(
    readonly dir: string,
    private readonly notices: Notices,
  ) {
    this.file = configFileIn(dir);
  }

  /**
   * The saved settings that are valid. A damaged file is moved aside (never erased) with a
   * warning; a single bad value is ignored with a warning.
   */
  read(): Saved {
    const read = readJsonObject(this.file);
    if (read.state === 'missing') return {};
    if (read.state === 'unreadable') {
      this.notices.warn(`cannot read your config file ${this.file} (${read.code}); using defaults`);
      return {};
    }
    if (read.state === 'corrupt') {
      const aside = `${this.file}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(this.file, aside);
        this.notices.warn(`your config file ${this.file} was damaged (${read.reason}); moved it to ${aside} and using defaults`);
      } catch {
        this.notices.warn(`your config file ${this.file} is damaged (${read.reason}); using defaults`);
      }
      return {};
    }
    const settings: Saved = {};
    for (const [key, value] of Object.entries(read.data)) {
      if (!isSettingKey(key)) continue;
      try {
        settings[key] = SETTINGS[key].check(String(value));
      } catch (error) {
        this.notices.warn(`ignoring the saved setting ${key}: ${(error as Error).message}`);
      }
    }
    return settings;
  }

  async set(key: SettingKey, value: string): Promise<string> {
    const canonical = SETTINGS[key].check(value);
    await this.change((conf) => conf.set(key, canonical));
    return canonical;
  }

  async unset(key: SettingKey): Promise<void> {
    await this.change((conf) => conf.delete(key));
  }

  private async change(edit: (conf: { set(k: string, v: string): void; delete(k: string): void }) => void): Promise<void> {
    this.read(); // moves a damaged file aside first, so conf starts from a clean slate
    const { default: Conf } = await import('conf');
    try {
      ensureDir(this.dir);
      edit(new Conf<Record<string, string>>({ cwd: this.dir, configName: 'config', accessPropertiesByDotNotation: false }));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new ConfigWriteError(`cannot save settings to ${this.file} (${reason}); nothing was changed`);
    }
  }
}

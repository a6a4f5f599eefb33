// Every option and setting of the tool, described once. The command table (cli.ts) declares its
// commander options from here, help text and `config list` show these descriptions and
// defaults, the router (route.ts) learns which options take a value, and one function resolves
// each value with its origin: command-line flag > environment variable > saved > default.
import { durationText, parseBytes, parseDuration } from './duration.js';
import { UsageError } from './errors.js';
import { DIET_FILTERS, type DietFilter } from './food/filter.js';
import { REGION_ALIASES, regionKey } from './restaurants.js';
import { closeWord } from './route.js';
import { clip, quote, redactUrl } from './text.js';

export const DEFAULT_API = 'https://menu.dckube.scilifelab.se/api';

export type Env = Record<string, string | undefined>;

export interface SettingDef<T> {
  /** commander flags, e.g. `--api <url>`, `-f, --favorites`, `--no-cache`. */
  flag?: string;
  /** A `--no-<name>` that turns a valued or saved setting off (`--no-color`, `--no-english`). */
  negate?: string;
  env?: string;
  /** As text, the way a user would type it. */
  default: string;
  /** Checks a value and returns it parsed; throws with a message that does not name the origin. */
  parse(text: string): T;
  /** The canonical text of a value: what `config set` stores and `config list` shows. */
  show?(value: T): string;
  describe: string;
  /** Whether `config set` can save it. */
  saved?: boolean;
  /** The values it takes, for help and shell completion. */
  values?: readonly string[];
  /** Help group: options shared by the lookup commands, or by everything that prints. */
  group?: 'lookup' | 'output';
}

const def = <T>(d: SettingDef<T>) => d;

function integer(min: number, max: number) {
  return (text: string) => {
    const n = Number(text.trim());
    if (!text.trim() || !Number.isInteger(n) || n < min || n > max) {
      throw new UsageError(`must be a whole number from ${min} to ${max} (got ${quote(text, 20)})`);
    }
    return n;
  };
}

/** Durations have a floor and a ceiling: a timer cannot hold more than 24.8 days, and none needs to. */
function duration(min: number, max: number) {
  return (text: string) => {
    const ms = parseDuration(text);
    if (ms < min) throw new UsageError(`must be at least ${durationText(min)} (got ${quote(text, 20)})`);
    if (ms > max) throw new UsageError(`must be at most ${durationText(max)} (got ${quote(text, 20)})`);
    return ms;
  };
}

const showDuration = durationText;

function oneOf<V extends string>(values: readonly V[], aliases: Record<string, V> = {}) {
  return (text: string): V => {
    const wanted = text.trim().toLowerCase();
    const found = values.find((v) => v === wanted) ?? (Object.hasOwn(aliases, wanted) ? aliases[wanted] : undefined);
    if (!found) {
      const close = closeWord(wanted, values);
      throw new UsageError(`must be one of ${values.join(', ')} (got ${quote(text, 20)}${close ? `; did you mean '${close}'?` : ''})`);
    }
    return found;
  };
}

function boolean(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(t)) return true;
  if (['0', 'false', 'no', 'off'].includes(t)) return false;
  throw new UsageError(`must be true or false (got ${quote(text, 20)})`);
}

function nonEmpty(text: string): string {
  if (!text.trim()) throw new UsageError('must not be empty');
  return text.trim();
}

export function httpUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UsageError(`${quote(text, 60)} is not a URL: give the API base, e.g. ${DEFAULT_API}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`the URL must start with http:// or https:// (got ${clip(url.protocol, 20)})`);
  }
  if (url.search || url.hash) throw new UsageError('the URL must not contain ? or #');
  return url.href.replace(/\/+$/, '');
}

function redisUrl(text: string): string {
  if (!text.trim()) return '';
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    // The text may hold a password: never echo it.
    throw new UsageError(`${quote(redactUrl(text), 60)} is not a URL: e.g. redis://127.0.0.1:6379/0`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new UsageError('the URL must start with redis:// or rediss://');
  return url.href;
}

/** A region as typed (checked against the restaurants' regions when they are known). */
function region(text: string): string {
  const t = nonEmpty(text);
  if (t.length > 60) throw new UsageError(`is too long (${t.length} characters)`);
  return t;
}

/** Favourites, comma-separated: `config set` saves identifiers; the environment may give names. */
function idList(text: string): string[] {
  const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length > 100) throw new UsageError('at most 100 favourites');
  return [...new Set(ids)];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SETTINGS = {
  // What a lookup asks and how.
  api: def({
    flag: '--api <url>',
    env: 'RESTAURANT_MENU_API',
    default: DEFAULT_API,
    parse: httpUrl,
    describe: 'menu API base URL, or a relay',
    saved: true,
    group: 'lookup',
  }),
  timeout: def({
    flag: '--timeout <duration>',
    env: 'RESTAURANT_MENU_TIMEOUT',
    default: '30s',
    parse: duration(SECOND, 10 * MINUTE),
    show: showDuration,
    describe: 'give up on the API after this long, retries included (1s to 10m)',
    saved: true,
    group: 'lookup',
  }),
  ttl: def({
    flag: '--ttl <duration>',
    env: 'RESTAURANT_MENU_TTL',
    default: '1h',
    parse: duration(0, DAY),
    show: showDuration,
    describe: 'how long a cached menu stays fresh, never past midnight (0 to 1d)',
    saved: true,
    group: 'lookup',
  }),
  refresh: def({ flag: '--refresh', default: 'false', parse: boolean, describe: 'ignore cached answers (still stores the new ones)', group: 'lookup' }),
  cache: def({ flag: '--no-cache', default: 'true', parse: boolean, describe: 'neither read nor write the disk cache', group: 'lookup' }),

  // What a lookup shows.
  region: def({
    flag: '--region <name>',
    env: 'RESTAURANT_MENU_REGION',
    default: 'all',
    parse: region,
    // Saved as the region it means, folded: `ki` and `Solna` are both saved as `solna`.
    show: regionKey,
    describe: `only this region: uppsala, solna, all, or an alias (${Object.keys(REGION_ALIASES).slice(0, 3).join(', ')}, ...)`,
    saved: true,
    values: ['all', 'uppsala', 'solna', ...Object.keys(REGION_ALIASES)],
  }),
  diet: def({
    flag: '--diet <diet>',
    env: 'RESTAURANT_MENU_DIET',
    default: 'any',
    parse: oneOf<'any' | DietFilter>(['any', ...DIET_FILTERS], { vego: 'vegetarian', veggie: 'vegetarian', pescatarian: 'pescetarian' }),
    describe: `only dishes that fit: ${DIET_FILTERS.join(', ')} (any: all dishes)`,
    saved: true,
    values: ['any', ...DIET_FILTERS],
  }),
  english: def({
    flag: '--english',
    negate: '--no-english',
    env: 'RESTAURANT_MENU_ENGLISH',
    default: 'false',
    parse: boolean,
    describe: 'add a short English gloss to Swedish dishes',
    saved: true,
    values: ['true', 'false'],
  }),
  favorites: def({
    env: 'RESTAURANT_MENU_FAVORITES',
    default: '',
    parse: idList,
    show: (ids: string[]) => ids.join(','),
    describe: 'favourite restaurants, shown first by today (config set favorites "bikupan, sven dufva")',
    saved: true,
  }),
  onlyFavorites: def({ flag: '-f, --favorites', default: 'false', parse: boolean, describe: 'only your favourite restaurants' }),
  concurrency: def({
    flag: '--concurrency <n>',
    env: 'RESTAURANT_MENU_CONCURRENCY',
    default: '4',
    parse: integer(1, 16),
    describe: 'menus fetched at once (1 to 16)',
    saved: true,
  }),
  open: def({
    flag: '--open <link>',
    default: '',
    parse: (text: string) => (text === '' ? '' : oneOf(['map', 'menu', 'homepage'] as const)(text)),
    describe: 'open the map, menu page or homepage in the browser',
    values: ['map', 'menu', 'homepage'],
  }),

  // How anything is printed.
  json: def({ flag: '--json', default: 'false', parse: boolean, describe: 'print JSON only (stable shapes, see README)', group: 'output' }),
  color: def({
    flag: '--color <when>',
    negate: '--no-color',
    default: 'auto',
    parse: oneOf(['auto', 'always', 'never'] as const),
    describe: 'colour: auto, always or never (NO_COLOR and FORCE_COLOR are honoured)',
    saved: true,
    values: ['auto', 'always', 'never'],
    group: 'output',
  }),
  input: def({ flag: '--no-input', default: 'true', parse: boolean, describe: 'never ask: no picker for ambiguous names', group: 'output' }),

  // The relay (`serve`): flags and environment variables, as containers are configured.
  host: def({ flag: '--host <host>', env: 'HOST', default: '127.0.0.1', parse: nonEmpty, describe: 'address to listen on' }),
  port: def({ flag: '--port <port>', env: 'PORT', default: '8000', parse: integer(0, 65535), describe: 'port to listen on (0: any free port)' }),
  upstream: def({ flag: '--upstream <url>', env: 'UPSTREAM_URL', default: DEFAULT_API, parse: httpUrl, describe: 'the menu API to relay; unset, the saved api (config set api)' }),
  relayTtl: def({
    flag: '--ttl <duration>',
    env: 'CACHE_TTL',
    default: '10s',
    parse: duration(0, DAY),
    show: showDuration,
    describe: 'how long an answer is fresh (0 to 1d)',
  }),
  maxStale: def({
    flag: '--max-stale <duration>',
    env: 'CACHE_MAX_STALE',
    default: '24h',
    parse: duration(0, 7 * DAY),
    show: showDuration,
    describe: 'serve an expired copy this long while refreshing or while upstream fails (0 to 7d)',
  }),
  workers: def({ flag: '--workers <n>', env: 'WORKERS', default: '1', parse: integer(1, 64), describe: 'worker processes (without --redis, each has its own cache)' }),
  maxEntries: def({ flag: '--max-entries <n>', env: 'CACHE_MAX_ENTRIES', default: '1000', parse: integer(1, 10_000_000), describe: 'memory cache bound in entries' }),
  maxBytes: def({
    flag: '--max-bytes <size>',
    env: 'CACHE_MAX_BYTES',
    default: '64MB',
    parse: (text: string) => {
      const n = parseBytes(text);
      if (n < 1024 || n > 4 * 1024 ** 3) throw new UsageError(`must be from 1KB to 4GB (got ${quote(text, 20)})`);
      return n;
    },
    describe: 'memory cache bound in bytes, e.g. 64MB (1KB to 4GB)',
  }),
  upstreamTimeout: def({
    flag: '--upstream-timeout <duration>',
    env: 'UPSTREAM_TIMEOUT',
    default: '10s',
    parse: duration(100, 5 * MINUTE),
    show: showDuration,
    describe: 'give up on an upstream call after this long: 504 (100ms to 5m)',
  }),
  upstreamConcurrency: def({
    flag: '--upstream-concurrency <n>',
    env: 'UPSTREAM_CONCURRENCY',
    default: '4',
    parse: integer(1, 64),
    describe: 'at most this many upstream calls at once',
  }),
  redis: def({
    flag: '--redis <url>',
    env: 'REDIS_URL',
    default: '',
    parse: redisUrl,
    describe: 'share the cache through Redis, e.g. redis://127.0.0.1:6379/0',
  }),
  redisTimeout: def({
    flag: '--redis-timeout <duration>',
    env: 'REDIS_TIMEOUT',
    default: '50ms',
    parse: duration(1, 10 * SECOND),
    show: showDuration,
    describe: 'give up on a Redis call after this long (1ms to 10s)',
  }),
  logLevel: def({
    flag: '--log-level <level>',
    env: 'LOG_LEVEL',
    default: 'info',
    parse: oneOf(['error', 'warn', 'info', 'debug'] as const),
    describe: 'error, warn, info or debug',
    values: ['error', 'warn', 'info', 'debug'],
  }),
  logFormat: def({
    flag: '--log-format <format>',
    env: 'LOG_FORMAT',
    default: 'auto',
    parse: oneOf(['auto', 'text', 'json'] as const),
    describe: 'text or json (auto: text on a terminal, else JSON lines)',
    values: ['auto', 'text', 'json'],
  }),
  accessLog: def({ flag: '--access-log', env: 'ACCESS_LOG', default: 'false', parse: boolean, describe: 'log one line per request (costs throughput)' }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = ReturnType<(typeof SETTINGS)[K]['parse']>;
export type Origin = 'flag' | 'env' | 'saved' | 'default';

/** Saved settings as stored: canonical text by key. */
export type Saved = Partial<Record<SettingKey, string>>;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** A setting's description, without the per-key value type. */
export const settingDef = (key: SettingKey): SettingDef<unknown> => SETTINGS[key] as SettingDef<unknown>;
const setting = settingDef;

/** The long flag without its value: `--api`, `--favorites`, `--no-cache`. */
export function longFlag(key: SettingKey): string | undefined {
  return setting(key).flag?.match(/--[\w-]+/)?.[0];
}

/** The name commander gives an option's value: `--no-cache` → `cache`, `--max-stale` → `maxStale`. */
export function attributeOf(key: SettingKey): string | undefined {
  const flag = longFlag(key);
  return flag?.replace(/^--(no-)?/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Every option that takes a value, as the router must know them. */
export function valueFlags(): Set<string> {
  return new Set(
    (Object.keys(SETTINGS) as SettingKey[]).filter((k) => setting(k).flag?.includes('<')).map((k) => longFlag(k)!),
  );
}

/** The canonical text of a value, as saved and listed. */
export function canonical(key: SettingKey, text: string): string {
  const d = setting(key);
  const value = d.parse(text);
  return d.show ? d.show(value) : Array.isArray(value) ? value.join(',') : String(value);
}

export interface Resolved<T> {
  value: T;
  from: Origin;
  /** The text the value was parsed from. */
  text: string;
}

/**
 * A setting's value and where it came from: flag > environment variable > saved > default. An
 * empty environment variable counts as unset; an empty flag is an error. A bad value is a
 * usage error naming its origin (`--port: must be ...`, `PORT: must be ...`).
 */
export function resolve<K extends SettingKey>(
  key: K,
  sources: { flags?: Record<string, unknown>; env: Env; saved?: Saved },
): Resolved<SettingValue<K>> {
  const { text, from, origin } = pick(key, sources);
  try {
    return { value: setting(key).parse(text) as SettingValue<K>, from, text };
  } catch (error) {
    throw new UsageError(`${origin}: ${(error as Error).message}`);
  }
}

/**
 * The text a setting takes, unparsed: where it comes from, and that source's name for messages
 * (`--ttl`, `RESTAURANT_MENU_TTL`, `the saved setting ttl`).
 */
export function pick(
  key: SettingKey,
  sources: { flags?: Record<string, unknown>; env: Env; saved?: Saved },
): { text: string; from: Origin; origin: string } {
  const d = setting(key);
  const attr = attributeOf(key);
  const flag = attr === undefined ? undefined : sources.flags?.[attr];
  const envValue = d.env ? sources.env[d.env] : undefined;
  const savedValue = d.saved ? sources.saved?.[key] : undefined;
  // `--no-color` and `--no-english` turn a valued setting off: `never`, or `false`.
  const negated = flag === false && d.negate !== undefined;
  const off = d.values?.includes('never') ? 'never' : 'false';
  if (flag !== undefined) return { text: negated ? off : String(flag), from: 'flag', origin: negated ? d.negate! : longFlag(key)! };
  if (envValue) return { text: envValue, from: 'env', origin: d.env! };
  if (savedValue !== undefined) return { text: savedValue, from: 'saved', origin: `the saved setting ${key}` };
  return { text: d.default, from: 'default', origin: `the default ${key}` };
}

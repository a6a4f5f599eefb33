// Every option and setting of the tool, described once. Commands declare their commander
// options from here, help text and `config list` show these descriptions and defaults, the
// router (cli/route.ts) learns which options take a value, and one function resolves each value
// with its origin: command-line flag > environment variable > saved > default. The relay's
// options are described beside the relay (relay/options.ts) and resolved here alike.
import { UsageError } from '../errors.js';
import { RELAY_OPTIONS } from '../relay/options.js';
import { boolean, DAY, def, DEFAULT_API, diet, DIET_WORDS, duration, httpUrl, idList, integer, MINUTE, oneOf, REGION_ALIAS_EXAMPLES, REGION_WORDS, regionKey, regionName, SECOND, showDuration, type Env, type SettingDef } from './values.js';

export { DEFAULT_API, type Env, type SettingDef };

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
    parse: regionName,
    // Saved as the region it means, folded: `ki` and `Solna` are both saved as `solna`.
    show: regionKey,
    describe: `only this region: uppsala, solna, all, or an alias (${REGION_ALIAS_EXAMPLES}, ...)`,
    saved: true,
    values: REGION_WORDS,
  }),
  diet: def({
    flag: '--diet <diet>',
    env: 'RESTAURANT_MENU_DIET',
    default: 'any',
    parse: diet,
    describe: `only dishes that fit: ${DIET_WORDS.slice(1).join(', ')} (any: all dishes)`,
    saved: true,
    values: DIET_WORDS,
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

  ...RELAY_OPTIONS,
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
  sources: { flags?: Partial<Record<SettingKey, unknown>>; env: Env; saved?: Saved },
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
  sources: { flags?: Partial<Record<SettingKey, unknown>>; env: Env; saved?: Saved },
): { text: string; from: Origin; origin: string } {
  const d = setting(key);
  const flag = sources.flags?.[key];
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

// What a setting's value may be: the parsers the settings table (table.ts) and the relay's
// options (relay/options.ts) are written with. A parser checks a value and returns it parsed, or
// throws a UsageError whose message does not name where the value came from (resolve() adds it).
import { durationText, parseBytes, parseDuration } from '../duration.js';
import { UsageError } from '../errors.js';
import { DIET_FILTERS, type DietFilter } from '../food/filter.js';
import { REGION_ALIASES, regionKey } from '../menu/restaurants.js';
import { closeWord } from '../suggest.js';
import { clip, quote, redactUrl } from '../text.js';

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

export const def = <T>(d: SettingDef<T>) => d;

export function integer(min: number, max: number) {
  return (text: string) => {
    const n = Number(text.trim());
    if (!text.trim() || !Number.isInteger(n) || n < min || n > max) {
      throw new UsageError(`must be a whole number from ${min} to ${max} (got ${quote(text, 20)})`);
    }
    return n;
  };
}

/** Durations have a floor and a ceiling: a timer cannot hold more than 24.8 days, and none needs to. */
export function duration(min: number, max: number) {
  return (text: string) => {
    const ms = parseDuration(text);
    if (ms < min) throw new UsageError(`must be at least ${durationText(min)} (got ${quote(text, 20)})`);
    if (ms > max) throw new UsageError(`must be at most ${durationText(max)} (got ${quote(text, 20)})`);
    return ms;
  };
}

export const showDuration = durationText;

export function oneOf<V extends string>(values: readonly V[], aliases: Record<string, V> = {}) {
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

export function boolean(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(t)) return true;
  if (['0', 'false', 'no', 'off'].includes(t)) return false;
  throw new UsageError(`must be true or false (got ${quote(text, 20)})`);
}

export function nonEmpty(text: string): string {
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

export function redisUrl(text: string): string {
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
export function regionName(text: string): string {
  const t = nonEmpty(text);
  if (t.length > 60) throw new UsageError(`is too long (${t.length} characters)`);
  return t;
}

/** Favourites, comma-separated: `config set` saves identifiers; the environment may give names. */
export function idList(text: string): string[] {
  const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length > 100) throw new UsageError('at most 100 favourites');
  return [...new Set(ids)];
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What `--region` takes: all, a region, or an alias of one; saved as the region it means, folded. */
export const REGION_WORDS = ['all', 'uppsala', 'solna', ...Object.keys(REGION_ALIASES)];
export const REGION_ALIAS_EXAMPLES = Object.keys(REGION_ALIASES).slice(0, 3).join(', ');
export { regionKey };

/** What `--diet` takes, with the spellings people use for them. */
export const DIET_WORDS = ['any', ...DIET_FILTERS] as const;
export const diet = oneOf<'any' | DietFilter>(DIET_WORDS, { vego: 'vegetarian', veggie: 'vegetarian', pescatarian: 'pescetarian' });
export const bytes = (min: number, max: number, minText: string, maxText: string) => (text: string) => {
  const n = parseBytes(text);
  if (n < min || n > max) throw new UsageError(`must be from ${minText} to ${maxText} (got ${quote(text, 20)})`);
  return n;
};

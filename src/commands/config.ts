// `restaurant-menu config get|set|unset|list|path`: saved settings.
import type { ConfigResult, SettingRow } from './results.js';
import type { Restaurant } from '../api/model.js';
import { OUTPUT_OPTIONS, type Args, type CommandSpec, type Runner } from '../cli/command.js';
import type { Run } from '../cli/run.js';
import { UsageError } from '../errors.js';
import { lookup } from '../menu/lookup.js';
import { plausibleRegion, KNOWN_REGIONS } from '../menu/restaurants.js';
import { canonical, isSettingKey, pick, settingDef, SETTINGS, type Env, type Saved, type SettingKey } from '../settings/table.js';
import { cachedRestaurants } from '../store/cache.js';
import { cacheDir, configDir } from '../store/paths.js';
import { configFileIn, type SettingsStore } from '../store/settings-store.js';
import { renderConfig } from '../render/admin.js';
import { closeWord } from '../suggest.js';
import { joinWords, neutralise, quote } from '../text.js';

/** The settings `config` can save, in table order. */
export const SAVED_KEYS = (Object.keys(SETTINGS) as SettingKey[]).filter((k) => SETTINGS[k].saved);

function checkKey(key: string): SettingKey {
  if (!isSettingKey(key) || !SETTINGS[key].saved) {
    const close = closeWord(key, SAVED_KEYS);
    throw new UsageError(`unknown setting ${quote(key)}${close ? `. Did you mean '${close}'?` : ` (settings: ${SAVED_KEYS.join(', ')})`}`);
  }
  return key;
}

/** A setting as `config get/list` show it: a bad value is shown as found, with why, not refused. */
function row(key: SettingKey, env: Env, saved: Saved, restaurants?: Restaurant[]): SettingRow {
  const def = settingDef(key);
  const { text, from, origin } = pick(key, { env, saved });
  const shown = (value: string, invalid?: string): SettingRow => ({
    key,
    value,
    from: from as SettingRow['from'],
    env: def.env ?? null,
    default: def.default,
    describe: def.describe,
    ...(invalid ? { invalid } : {}),
  });
  try {
    const value = canonical(key, text);
    if (key === 'region' && !plausibleRegion(text, restaurants)) return shown(value, `${origin}: unknown region ${quote(text)}`);
    return shown(value);
  } catch (error) {
    return shown(neutralise(text), `${origin}: ${(error as Error).message}`);
  }
}

export function configPath(dir: string): ConfigResult {
  return { status: 'config_path', file: configFileIn(dir) };
}

/** A setting's effective value without flags, and where it comes from. */
export function configGet(key: string, store: SettingsStore, env: Env, restaurants?: Restaurant[]): ConfigResult {
  return { status: 'config_get', setting: row(checkKey(key), env, store.read(), restaurants) };
}

export function configList(store: SettingsStore, env: Env, restaurants?: Restaurant[]): ConfigResult {
  const saved = store.read();
  return { status: 'config_list', settings: SAVED_KEYS.map((key) => row(key, env, saved, restaurants)) };
}

export interface SetContext {
  store: SettingsStore;
  /** The restaurant list, for settings that name restaurants or regions (fetched only then). */
  restaurants(): Promise<Restaurant[]>;
  /** The list from the cache alone, if there is one. */
  cachedRestaurants(): Restaurant[] | undefined;
}

export async function configSet(key: string, value: string, ctx: SetContext): Promise<ConfigResult> {
  const k = checkKey(key);
  // `config set favorites ""` empties the list: the same as unsetting it.
  if (k === 'favorites' && !value.split(',').some((s) => s.trim())) return configUnset(k, ctx.store);
  let text: string;
  try {
    text = canonical(k, value);
  } catch (error) {
    throw new UsageError(`${k}: ${(error as Error).message}`);
  }
  if (k === 'favorites') {
    // Names the cached list knows are saved without a request (the API may be down); others are checked against the API's list.
    const cached = ctx.cachedRestaurants();
    let chosen = cached?.length ? favoriteIds(value, cached) : undefined;
    if (!chosen || 'refused' in chosen) chosen = favoriteIds(value, await ctx.restaurants());
    if ('refused' in chosen) throw new UsageError(chosen.refused);
    text = chosen.ids;
  }
  if (k === 'region' && !plausibleRegion(value, ctx.cachedRestaurants())) {
    throw new UsageError(`unknown region ${quote(value)} (known: ${joinWords([...KNOWN_REGIONS, 'all'])}, or ki, bmc, uu, ...)`);
  }
  await ctx.store.set(k, text);
  return { status: 'config_set', key: k, value: text, file: ctx.store.file };
}

export async function configUnset(key: string, store: SettingsStore): Promise<ConfigResult> {
  const k = checkKey(key);
  return { status: 'config_unset', key: k, removed: await store.unset(k), file: store.file };
}

/**
 * Favourites are typed as names (`bikupan, sven dufva`) and saved as identifiers. Every name
 * must find exactly one restaurant, or nothing is saved: the identifiers, or why not.
 */
function favoriteIds(value: string, restaurants: Restaurant[]): { ids: string } | { refused: string } {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const ids: string[] = [];
  for (const name of names) {
    const match = lookup(name, restaurants);
    if (match.kind === 'found') ids.push(match.restaurant.id);
    else if (match.kind === 'ambiguous') {
      return { refused: `${quote(name)} fits ${match.candidates.length} restaurants: ${someOf(match.candidates)}; nothing was saved` };
    } else {
      const hint = match.suggestions.length ? ` (did you mean ${someOf(match.suggestions, 'or')}?)` : '';
      return { refused: `${quote(name)} is no restaurant${hint}; nothing was saved` };
    }
  }
  return { ids: canonical('favorites', [...new Set(ids)].join(',')) };
}

/** `Name (id)` for each, up to six; of more, five and how many more. */
function someOf(restaurants: Restaurant[], last = 'and'): string {
  const shown = restaurants.slice(0, restaurants.length > 6 ? 5 : 6).map((r) => `${r.name} (${r.id})`);
  const more = restaurants.length - shown.length;
  return more ? `${shown.join(', ')} and ${more} more` : joinWords(shown, last);
}

/** Prints a result of `config`. */
const printed = async (run: Run, result: ConfigResult | Promise<ConfigResult>) => run.print(renderConfig(await result, await run.style()));
const key = (args: Args) => String(args[0]);
/** The cached restaurant list, whichever API or relay answered it: a name is a name. */
const cachedList = (run: Run) => cachedRestaurants(cacheDir(run.env));

export const command = {
  name: 'config',
  description: 'saved settings (flag > environment > saved > default)',
  subcommands: [
    { name: 'get', description: "a setting's value and where it comes from", args: ['<key>'], needs: 'a setting', options: OUTPUT_OPTIONS, examples: ['restaurant-menu config get region'] },
    {
      name: 'set',
      description: 'save a setting (checked first; favourites are names)',
      args: ['<key>', '<value>'],
      // Favourites are checked against the restaurant list, which may have to be asked for.
      options: ['api', 'timeout', 'json'],
      examples: ['restaurant-menu config set region solna', 'restaurant-menu config set favorites "bikupan, sven dufva"', 'restaurant-menu config set diet vegetarian'],
    },
    { name: 'unset', description: 'remove a saved setting', args: ['<key>'], needs: 'a setting', options: ['json'], examples: ['restaurant-menu config unset region'] },
    { name: 'list', description: 'every setting with its value and where it comes from', options: OUTPUT_OPTIONS },
    { name: 'path', description: 'print where the settings are saved', options: ['json'] },
  ],
} as const satisfies CommandSpec;

export const run: Record<(typeof command.subcommands)[number]['name'], Runner> = {
  get: (run, args) => printed(run, configGet(key(args), run.settingsStore(), run.env, cachedList(run))),
  set: (run, args) =>
    printed(
      run,
      configSet(key(args), String(args[1]), {
        store: run.settingsStore(),
        restaurants: async () => (await run.source().restaurants()).restaurants,
        cachedRestaurants: () => cachedList(run),
      }),
    ),
  unset: (run, args) => {
    // The bad saved value being removed is not complained about while it is removed.
    run.settingsStore().quiet.add(key(args));
    return printed(run, configUnset(key(args), run.settingsStore()));
  },
  list: (run) => printed(run, configList(run.settingsStore(), run.env, cachedList(run))),
  path: (run) => printed(run, configPath(configDir(run.env))),
};

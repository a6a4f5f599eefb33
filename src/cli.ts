// The command table: each command's words, arguments and options (from the settings table),
// and how its result is computed, rendered and mapped to an exit code. main.ts turns this table
// into a commander program. The small command modules are imported statically (one bundle file
// loads faster than many chunks); what is heavy (the HTTP client, the relay, the picker) is
// imported lazily deeper down, where it is used.
import { cacheInfo, cachePath, clearCache } from './commands/cache.js';
import { configGet, configList, configPath, configSet, configUnset } from './commands/config.js';
import { find, findExitCode } from './commands/find.js';
import { show, showExitCode } from './commands/show.js';
import { today, todayExitCode } from './commands/today.js';
import type { Run } from './context.js';
import { EXIT } from './errors.js';
import { cacheDir, configDir } from './paths.js';
import { renderCacheCleared, renderCacheInfo, renderCachePath, renderConfig } from './render/admin.js';
import { renderFind, renderToday } from './render/menus.js';
import { renderShow } from './render/show.js';
import type { SettingKey } from './settings.js';

export interface CommandSpec {
  name: string;
  description: string;
  /** commander argument specs, e.g. `[name...]`. */
  args?: string[];
  /** Options, from the settings table; shared ones are shown in their help group. */
  options?: SettingKey[];
  examples?: string[];
  subcommands?: CommandSpec[];
  /** Runs the command with its positional arguments (a variadic one is a list); returns the exit code. */
  run?: (run: Run, args: Args) => Promise<number>;
}

export type Args = (string | string[])[];
const text = (args: Args, i: number) => String(args[i] ?? '');
const list = (args: Args, i: number) => (Array.isArray(args[i]) ? (args[i] as string[]) : []);

const LOOKUP: SettingKey[] = ['api', 'timeout', 'ttl', 'refresh', 'cache'];
const OUTPUT: SettingKey[] = ['json', 'color'];

export const EXIT_CODES =
  'Exit codes: 0 found or listed; 1 not found, ambiguous, or nothing matched;\n' +
  '2 usage error; 3 the menu API failed; 4 a local file or port failed.';

export const COMMANDS: CommandSpec[] = [
  {
    name: 'show',
    description: "a restaurant's dishes today; without a name, every restaurant (the default command)",
    args: ['[name...]'],
    options: ['region', 'diet', 'english', 'open', ...LOOKUP, ...OUTPUT, 'input'],
    examples: [
      'restaurant-menu "Restaurang Bikupan"   today\'s dishes at Bikupan',
      'restaurant-menu jons jacob             quotes, case and accents are optional',
      'restaurant-menu                        every restaurant, by region',
      'restaurant-menu --region ki            the restaurants in Solna',
      'restaurant-menu dufva --diet vegan     only the vegan dishes',
      "restaurant-menu dufva --json | jq -r '.dishes[]'",
      'restaurant-menu show today             a restaurant called "today"',
    ],
    run: async (run, args) => {
      const words = list(args, 0);
      const named = words.length > 0;
      const result = await show({
        words,
        // A named lookup honours only an explicit --region: a home region must not hide a restaurant.
        region: !named || run.given('region') ? run.region() : null,
        diet: run.diet(),
        source: run.source(),
        now: run.now,
        choose: await run.picker(),
      });
      const code = run.print(renderShow(result, run.style()), showExitCode(result));
      if (result.status === 'found') await run.open(result.restaurant);
      return code;
    },
  },
  {
    name: 'today',
    description: "every restaurant's menu today, grouped by region, favourites first",
    options: ['region', 'diet', 'english', 'onlyFavorites', 'concurrency', ...LOOKUP, ...OUTPUT],
    examples: ['restaurant-menu today --region uppsala', 'restaurant-menu today -f                only your favourites', 'restaurant-menu today --diet vegetarian --english'],
    run: async (run) => {
      const result = await today(run.menusOptions());
      return run.print(renderToday(result, run.style()), todayExitCode(result));
    },
  },
  {
    name: 'find',
    description: 'where can I eat X today? searches every menu, in Swedish or English',
    args: ['<words...>'],
    options: ['region', 'diet', 'english', 'onlyFavorites', 'concurrency', ...LOOKUP, ...OUTPUT],
    examples: ['restaurant-menu find chicken            finds Kycklinggryta too', 'restaurant-menu find kyckling curry      every word must match', 'restaurant-menu find vegetarian --region ki'],
    run: async (run, args) => {
      const result = await find(list(args, 0), run.menusOptions());
      return run.print(renderFind(result, run.style()), findExitCode(result));
    },
  },
  {
    name: 'serve',
    description: 'run the caching relay: GET /<path> answered with <upstream>/<path>',
    options: ['host', 'port', 'upstream', 'relayTtl', 'maxStale', 'workers', 'maxEntries', 'maxBytes', 'upstreamTimeout', 'upstreamConcurrency', 'redis', 'redisTimeout', 'logLevel', 'logFormat', 'accessLog'],
    examples: ['restaurant-menu serve --port 8000 --ttl 10s', 'PORT=8080 UPSTREAM_URL=https://... restaurant-menu serve'],
    run: async (run) => {
      // Lazy: the relay and its metrics never load for a lookup.
      const { serve } = await import('./commands/serve.js');
      return serve(run);
    },
  },
  {
    name: 'cache',
    description: 'the disk cache of API answers: path, info, clear',
    subcommands: [
      { name: 'path', description: 'print where the cache lives', options: ['json'], run: async (run) => run.print(renderCachePath(cachePath(cacheDir(run.env)), run.style())) },
      {
        name: 'info',
        description: 'entries, size, oldest and newest',
        options: OUTPUT,
        run: async (run) => run.print(renderCacheInfo(cacheInfo(cacheDir(run.env)), run.style(), run.now())),
      },
      {
        name: 'clear',
        description: 'delete every cached answer',
        options: ['json'],
        run: async (run) => run.print(renderCacheCleared(await clearCache(cacheDir(run.env), run.notices), run.style())),
      },
    ],
  },
  {
    name: 'config',
    description: 'saved settings (flag > environment > saved > default)',
    subcommands: [
      {
        name: 'get',
        description: "a setting's value and where it comes from",
        args: ['<key>'],
        options: OUTPUT,
        run: async (run, args) => run.print(renderConfig(configGet(text(args, 0), run.settingsStore(), run.env), run.style())),
      },
      {
        name: 'set',
        description: 'save a setting (checked first; favourites are names)',
        args: ['<key>', '<value>'],
        options: ['json'],
        examples: ['restaurant-menu config set region solna', 'restaurant-menu config set favorites "bikupan, sven dufva"', 'restaurant-menu config set diet vegetarian'],
        run: async (run, args) => {
          const result = await configSet(text(args, 0), text(args, 1), {
            store: run.settingsStore(),
            restaurants: async () => (await run.source().restaurants()).restaurants,
            cachedRestaurants: () => run.cachedRestaurants(),
          });
          return run.print(renderConfig(result, run.style()));
        },
      },
      {
        name: 'unset',
        description: 'remove a saved setting',
        args: ['<key>'],
        options: ['json'],
        run: async (run, args) => run.print(renderConfig(await configUnset(text(args, 0), run.settingsStore()), run.style())),
      },
      {
        name: 'list',
        description: 'every setting with its value and where it comes from',
        options: OUTPUT,
        run: async (run) => run.print(renderConfig(configList(run.settingsStore(), run.env), run.style())),
      },
      { name: 'path', description: 'print where the settings are saved', options: ['json'], run: async (run) => run.print(renderConfig(configPath(configDir(run.env)), run.style())) },
    ],
  },
  {
    name: 'completion',
    description: 'print a shell completion script: bash, zsh or fish',
    args: ['<shell>'],
    examples: ['restaurant-menu completion bash >> ~/.bashrc', 'restaurant-menu completion zsh > "${fpath[1]}/_restaurant-menu"'],
    run: async (run, args) => {
      const { completionScript } = await import('./commands/completion.js');
      return run.print({ stdout: completionScript(text(args, 0)), notes: [] }, EXIT.ok);
    },
  },
];

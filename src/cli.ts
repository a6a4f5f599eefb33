// What each command does: how its result is computed, rendered and mapped to an exit code.
// What the commands are (words, arguments, options, help) is in command-table.ts; this file
// adds a run function to each, and main.ts turns the result into a commander program. The
// small command modules are imported statically (one bundle file loads faster than many
// chunks); what is heavy (the HTTP client, the relay, the picker) is imported lazily deeper
// down, where it is used.
import { cachedRestaurants } from './store/cache.js';
import { COMMAND_TABLE, type CommandInfo, type CommandPath } from './command-table.js';
import { cacheInfo, cachePath, clearCache } from './commands/cache.js';
import { configGet, configList, configPath, configSet, configUnset } from './commands/config.js';
import { find, findExitCode } from './commands/find.js';
import { show, showExitCode } from './commands/show.js';
import { today, todayExitCode } from './commands/today.js';
import type { Run } from './cli/run.js';
import { EXIT, UsageError } from './errors.js';
import { cacheDir, configDir } from './store/paths.js';
import { renderCacheCleared, renderCacheInfo, renderCachePath, renderConfig } from './render/admin.js';
import { renderFind, renderToday } from './render/menus.js';
import { renderShow } from './render/show.js';

export interface CommandSpec extends CommandInfo {
  readonly subcommands?: readonly CommandSpec[];
  /** Runs the command with its positional arguments (a variadic one is a list); returns the exit code. */
  readonly run?: Runner;
}

export type Args = (string | string[])[];
type Runner = (run: Run, args: Args) => Promise<number>;
const text = (args: Args, i: number) => String(args[i] ?? '');
const list = (args: Args, i: number) => (Array.isArray(args[i]) ? (args[i] as string[]) : []);

export const EXIT_CODES = [
  'Exit codes:',
  '  0  found or listed',
  '  1  not found, ambiguous, or nothing matched',
  '  2  usage error',
  '  3  the menu API failed',
  '  4  a local file or port failed',
].join('\n');

/** One run function for every command of the table, and none for a command it lacks (checked by tsc). */
const RUNS: Record<CommandPath, Runner> = {
  show: async (run, args) => {
    const words = list(args, 0);
    const named = words.length > 0;
    if (!named && run.setting('open')) throw new UsageError(`--open needs one restaurant, as in: restaurant-menu dufva --open ${run.setting('open')}`);
    const result = await show({
      words,
      // A named lookup honours only an explicit --region: a home region must not hide a restaurant.
      region: !named || run.given('region') ? run.region() : null,
      regionFrom: run.regionFrom(),
      diet: run.diet(),
      source: run.source(),
      now: run.now,
      choose: await run.picker(),
    });
    const code = run.print(renderShow(result, await run.style(), run.source().warnings()), showExitCode(result));
    if (result.status === 'found') await run.open(result.restaurant);
    return code;
  },
  today: async (run) => {
    const result = await today(run.menusOptions());
    return run.print(renderToday(result, await run.style(), run.source().warnings()), todayExitCode(result));
  },
  find: async (run, args) => {
    const result = await find(list(args, 0), run.menusOptions());
    return run.print(renderFind(result, await run.style(), run.source().warnings()), findExitCode(result));
  },
  serve: async (run) => {
    // Lazy: the relay and its metrics never load for a lookup.
    const { serve } = await import('./commands/serve.js');
    return serve(run);
  },
  'cache path': async (run) => run.print(renderCachePath(cachePath(cacheDir(run.env)), await run.style())),
  'cache info': async (run) => run.print(renderCacheInfo(cacheInfo(cacheDir(run.env)), await run.style(), run.now())),
  'cache clear': async (run) => run.print(renderCacheCleared(await clearCache(cacheDir(run.env), run.notices), await run.style())),
  'config get': async (run, args) => run.print(renderConfig(configGet(text(args, 0), run.settingsStore(), run.env, cachedRestaurants(cacheDir(run.env))), await run.style())),
  'config set': async (run, args) => {
    const result = await configSet(text(args, 0), text(args, 1), {
      store: run.settingsStore(),
      restaurants: async () => (await run.source().restaurants()).restaurants,
      // Whichever API or relay answered it: a name is a name (the list of this run's API may not be cached).
      cachedRestaurants: () => cachedRestaurants(cacheDir(run.env)),
    });
    return run.print(renderConfig(result, await run.style()));
  },
  'config unset': async (run, args) => {
    run.settingsStore().quiet.add(text(args, 0));
    return run.print(renderConfig(await configUnset(text(args, 0), run.settingsStore()), await run.style()));
  },
  'config list': async (run) => run.print(renderConfig(configList(run.settingsStore(), run.env, cachedRestaurants(cacheDir(run.env))), await run.style())),
  'config path': async (run) => run.print(renderConfig(configPath(configDir(run.env)), await run.style())),
  completion: async (run, args) => {
    const { completionScript } = await import('./commands/completion.js');
    return run.print({ stdout: completionScript(text(args, 0)), notes: [] }, EXIT.ok);
  },
};

function withRuns(table: readonly CommandInfo[], parent = ''): CommandSpec[] {
  return table.map((info) => {
    const path = `${parent}${info.name}`;
    return info.subcommands ? { ...info, subcommands: withRuns(info.subcommands, `${path} `) } : { ...info, run: RUNS[path as CommandPath] };
  });
}

export const COMMANDS: readonly CommandSpec[] = withRuns(COMMAND_TABLE);

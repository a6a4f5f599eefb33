// The command table. Declares flags, turns them into options, runs the command, and is the one
// place that prints results and maps failures to exit codes. The small command modules are
// imported statically (one bundle file loads faster than many chunks); what is heavy (got,
// conf, the relay) is imported lazily deeper down, where it is used.
import { Command, CommanderError } from 'commander';
import { AppError, EXIT } from './errors.js';
import { Notices } from './notices.js';
import type { Rendered } from './render/common.js';
import { makeStyle, type OutputMode, type Style } from './render/style.js';
import { route } from './route.js';
import { VERSION } from './version.js';
import { cacheInfo, cachePath, clearCache } from './commands/cache.js';
import { configGet, configList, configPath, configSet, configUnset } from './commands/config.js';
import { find } from './commands/find.js';
import type { MenusOptions } from './commands/menus.js';
import { show } from './commands/show.js';
import { today } from './commands/today.js';
import { renderCacheInfo, renderConfigList } from './render/admin.js';
import { renderFind, renderToday } from './render/menus.js';
import { renderShow } from './render/show.js';
import { lookupContext, type LookupFlags } from './settings.js';
import { describeAge, type StaleUse } from './source.js';

interface OutputFlags {
  json?: boolean;
  color?: boolean;
}

interface ShowFlags extends LookupFlags, OutputFlags {
  region?: string;
}

const EXAMPLES = `
Examples:
  $ restaurant-menu "Restaurang Bikupan"     today's dishes at Bikupan
  $ restaurant-menu jons jacob               quotes are optional; case and accents don't matter
  $ restaurant-menu                          every restaurant, by region
  $ restaurant-menu --region solna           the restaurants in Solna
  $ restaurant-menu dufva --json | jq .dishes
  $ restaurant-menu find kyckling curry      where can I eat chicken curry today?
  $ restaurant-menu today --region uppsala   every menu in Uppsala
  $ restaurant-menu show today               a restaurant whose name is a command word

Exit codes: 0 found or listed, 1 not found or ambiguous (or find matched nothing), 2 usage error,
3 the menu API failed, 4 settings could not be saved or the relay's port bound.`;

const notices = new Notices();

function outputMode(flags: OutputFlags): OutputMode {
  if (flags.json) return 'json';
  return process.stdout.isTTY ? 'table' : 'plain';
}

function style(flags: OutputFlags): Style {
  return makeStyle({ color: flags.color !== false && !flags.json, isTTY: Boolean(process.stdout.isTTY), columns: process.stdout.columns });
}

function emit(rendered: Rendered, exitCode: number): void {
  for (const line of rendered.stderr) notices.warn(line);
  if (rendered.stdout) process.stdout.write(rendered.stdout);
  process.exitCode = exitCode;
}

/** Flags shared by every command that reads menus. */
function withLookupFlags(cmd: Command): Command {
  return cmd
    .option('--api <url>', 'menu API base URL, or a relay (env RESTAURANT_MENU_API)')
    .option('--json', 'print JSON only (stable shape, see README)')
    .option('--timeout <duration>', 'give up on the API after this long, retries included (default 30s)')
    .option('--ttl <duration>', 'how long a cached menu stays fresh (default 1h)')
    .option('--refresh', 'ignore cached answers (still stores the new ones)')
    .option('--no-cache', 'neither read nor write the disk cache')
    .option('--no-color', 'no colours (NO_COLOR is honoured too)');
}

/** `Fetching menus 7/18` on a terminal's stderr, erased when done; nothing when piped or --json. */
function progress(flags: OutputFlags) {
  const show = Boolean(process.stderr.isTTY) && !flags.json;
  return {
    onProgress: show ? (done: number, total: number) => process.stderr.write(`\rFetching menus ${done}/${total}`) : undefined,
    clear: () => show && process.stderr.write('\r\x1b[K'),
  };
}

/**
 * For commands that read many menus: one warning for all the stale copies served while the API
 * is down, instead of one per restaurant.
 */
function staleSummary() {
  const uses: StaleUse[] = [];
  return {
    collect: (use: StaleUse) => uses.push(use),
    report() {
      if (uses.length === 0) return;
      const oldest = Math.min(...uses.map((u) => u.fetchedAt));
      const copies = uses.length === 1 ? `${uses[0]!.what}` : `${uses.length} cached answers`;
      notices.warn(`${uses[0]!.reason}; showing ${copies}, the oldest fetched ${describeAge(oldest, Date.now())}`);
    },
  };
}

async function runShow(words: string[], flags: ShowFlags): Promise<void> {
  const { source } = lookupContext(flags, notices);
  const result = await show({ words, region: flags.region, source });
  const failed = result.status === 'ambiguous' || result.status === 'not_found';
  emit(renderShow(result, outputMode(flags), style(flags)), failed ? EXIT.noMatch : EXIT.ok);
}

/** Runs a many-menu command (`today`, `find`) with progress and one summary of stale copies. */
async function runMenus<R>(flags: ShowFlags, command: (options: MenusOptions) => Promise<R>): Promise<R> {
  const stale = staleSummary();
  const { source, concurrency } = lookupContext(flags, notices, stale.collect);
  const bar = progress(flags);
  try {
    return await command({ source, concurrency, region: flags.region, onProgress: bar.onProgress });
  } finally {
    bar.clear();
    stale.report();
  }
}

export function buildProgram(): Command {
  const program = new Command('restaurant-menu')
    .description("Today's lunch at the SciLifeLab sites in Uppsala and Solna.")
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`restaurant-menu: ${text.replace(/^error: /, '')}`) })
    .addHelpText('after', `${EXAMPLES}\n\nLookup options (--api, --json, --region, --ttl, ...): restaurant-menu show --help`);

  withLookupFlags(
    program
      .command('show')
      .description("a restaurant's dishes today; without a name, every restaurant (the default command)")
      .argument('[name...]', 'restaurant name or identifier (quotes optional)'),
  )
    .option('--region <name>', 'only restaurants in this region (Uppsala, Solna, ...)')
    .addHelpText('after', EXAMPLES)
    .action((words: string[], flags: ShowFlags) => runShow(words, flags));

  withLookupFlags(
    program
      .command('today')
      .description("every restaurant's menu today, grouped by region")
      .option('--region <name>', 'only restaurants in this region')
      .option('--concurrency <n>', 'menus fetched at once (default 4)'),
  ).action(async (flags: ShowFlags) => {
    const result = await runMenus(flags, today);
    const fetchedNone = result.regions.length === 0 && result.noMenu.length === 0 && result.failed.length > 0;
    emit(renderToday(result, outputMode(flags), style(flags)), fetchedNone ? EXIT.api : EXIT.ok);
  });

  withLookupFlags(
    program
      .command('find')
      .description('where can I eat X today? searches every menu (all words must appear, any order)')
      .argument('<words...>', 'what to look for, e.g. vegan, lax, kyckling curry')
      .option('--region <name>', 'only restaurants in this region')
      .option('--concurrency <n>', 'menus fetched at once (default 4)'),
  ).action(async (words: string[], flags: ShowFlags) => {
    const result = await runMenus(flags, (options) => find(words, options));
    const fetchedNone = result.searched === 0 && result.failed.length > 0;
    emit(renderFind(result, outputMode(flags), style(flags)), fetchedNone ? EXIT.api : result.status === 'matches' ? EXIT.ok : EXIT.noMatch);
  });

  const cache = program.command('cache').description('the disk cache of API answers');
  cache
    .command('path')
    .description('print where the cache lives')
    .action(async () => {
      process.stdout.write(`${cachePath()}\n`);
    });
  cache
    .command('info')
    .description('entries, size, oldest and newest')
    .option('--json', 'print JSON')
    .action(async (flags: OutputFlags) => {
      emit(renderCacheInfo(cacheInfo(notices), outputMode(flags)), EXIT.ok);
    });
  cache
    .command('clear')
    .description('delete every cached answer')
    .action(async () => {
      const { removed, file } = await clearCache(notices);
      process.stdout.write(`removed ${removed} cached ${removed === 1 ? 'entry' : 'entries'} from ${file}\n`);
    });

  const config = program
    .command('config')
    .description('saved settings: api, ttl, timeout, concurrency (flag > env > saved > default)');
  config
    .command('get')
    .argument('<key>')
    .description('print a saved setting')
    .action(async (key: string) => {
      const value = configGet(key, notices);
      if (value === undefined) {
        notices.warn(`${key} is not set`);
        process.exitCode = EXIT.noMatch;
      } else process.stdout.write(`${value}\n`);
    });
  config
    .command('set')
    .argument('<key>')
    .argument('<value>')
    .description('save a setting')
    .action(async (key: string, value: string) => {
      process.stdout.write(`${key} = ${await configSet(key, value, notices)}\n`);
    });
  config
    .command('unset')
    .argument('<key>')
    .description('remove a saved setting')
    .action(async (key: string) => {
      await configUnset(key, notices);
    });
  config
    .command('list')
    .description('every setting with its value and where it comes from')
    .option('--json', 'print JSON')
    .action(async (flags: OutputFlags) => {
      emit(renderConfigList(configList(notices), outputMode(flags)), EXIT.ok);
    });
  config
    .command('path')
    .description('print where the settings are saved')
    .action(async () => {
      process.stdout.write(`${configPath()}\n`);
    });

  program
    .command('serve')
    .description('run the caching relay: GET /<path> answered with <upstream>/<path>')
    .option('--host <host>', 'address to listen on (env HOST; default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (env PORT; default 8000)')
    .option('--upstream <url>', `menu API base (env UPSTREAM_URL; default ${'https://menu.dckube.scilifelab.se/api'})`)
    .option('--ttl <duration>', 'how long an answer is fresh (env CACHE_TTL; default 10s; a bare number is seconds)')
    .option('--max-stale <duration>', 'serve an expired copy this long while refreshing or while upstream fails (env CACHE_MAX_STALE; default 24h)')
    .option('--workers <n>', 'worker processes, each with its own cache (env WORKERS; default 1)')
    .option('--max-entries <n>', 'cache bound in entries (env CACHE_MAX_ENTRIES; default 1000)')
    .option('--max-bytes <size>', 'cache bound in bytes, e.g. 64MB (env CACHE_MAX_BYTES; default 64MB)')
    .option('--upstream-timeout <duration>', 'give up on an upstream call after this long: 504 (env UPSTREAM_TIMEOUT; default 10s)')
    .option('--upstream-concurrency <n>', 'at most this many upstream calls at once (env UPSTREAM_CONCURRENCY; default 4)')
    .option('--log-level <level>', 'error, warn, info or debug (env LOG_LEVEL; default info)')
    .option('--access-log', 'log one JSON line per request (env ACCESS_LOG=1; off by default: it costs throughput)')
    .action(async (flags: import('./commands/serve.js').ServeFlags) => {
      // Lazy: the relay and prom-client never load for a lookup.
      const { serve } = await import('./commands/serve.js');
      await serve(flags);
    });

  return program;
}

function wantsJson(argv: string[]): boolean {
  return argv.includes('--json');
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  // `restaurant-menu … | head -1`: a closed pipe is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    const program = buildProgram();
    const commands = program.commands.map((c) => c.name());
    await program.parseAsync(route(argv, [...commands, 'help']), { from: 'user' });
  } catch (error) {
    process.exitCode = report(error, wantsJson(argv));
  }
}

/** The one map from a failure to what the user sees and the exit code. */
function report(error: unknown, json: boolean): number {
  if (error instanceof CommanderError) {
    // Help and --version "fail" with exit code 0; real parse errors were already printed.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof AppError) {
    notices.warn(error.message);
    if (json) process.stdout.write(`${JSON.stringify({ status: 'error', error: { code: error.code, message: error.message } }, null, 2)}\n`);
    return error.exitCode;
  }
  process.stderr.write(`restaurant-menu: internal error, please report it: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.internal;
}

await main();

// The entry: `main(argv, io)` routes the arguments, runs the command through the commander
// program, and reports any failure as one line (or a JSON error) with a documented exit code. It
// returns the exit code; bin/ sets it on the process.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMAND_NAMES, runProgram } from './cli/program.js';
import { route } from './cli/route.js';
import { Run } from './cli/run.js';
import { AppError, report, UsageError } from './errors.js';
import type { Io } from './cli/io.js';
import { namesRestaurant } from './menu/lookup.js';
import { valueFlags } from './settings/table.js';
import { cachedRestaurants } from './store/cache.js';
import { cacheDir } from './store/paths.js';

export { processIo } from './cli/io.js';

export async function main(argv: string[], io: Io): Promise<number> {
  // The shell completion scripts' callback (bin/ sends it to dist/complete.js without loading this bundle).
  if (argv[0] === '__complete') return (await import('./completion/complete.js')).main(argv, io);
  const run = new Run(io);
  const json = wantsJson(argv);
  let code: number;
  let failed: { json: boolean } | undefined;
  try {
    const routed = route(argv, COMMAND_NAMES, valueFlags(), (word) => namesRestaurant(word, cachedRestaurants(cacheDir(io.env))));
    if (routed.kind === 'unknown-command') throw new UsageError(`unknown command '${routed.word}'. Did you mean '${routed.suggestion}'?`);
    code = await runProgram(run, routed.argv);
  } catch (error) {
    code = report(withOfflineHint(error), run, json);
    failed = { json };
  }
  try {
    await run.finish(failed);
  } catch (error) {
    code = report(error, run, false);
  }
  return code;
}

/** `--json` anywhere before `--`: errors must then be JSON too, whatever else is wrong. */
function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/**
 * Run from a clone (the stand-in's script is beside the build; a published package has none), an
 * API that cannot be reached is answered with how to try the tool offline.
 */
function withOfflineHint(error: unknown): unknown {
  // The menu API itself, not a proxy on the way.
  if (error instanceof AppError && error.code === 'API_UNREACHABLE' && error.message.startsWith('cannot reach the menu API')) {
    if (existsSync(fileURLToPath(new URL('../bench/stand-in-api.ts', import.meta.url)))) error.message += '; offline, from this clone: npm run stand-in';
  }
  return error;
}

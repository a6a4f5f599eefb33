// Which command an argument list means; pure, so it is table-tested.

/** Lookup options that take a value, so that routing does not mistake the value for a name. */
const VALUE_OPTIONS = new Set(['--api', '--timeout', '--ttl', '--region', '--concurrency']);

/**
 * Puts the command word first, inserting `show` when there is none, so that a bare name works
 * (`restaurant-menu sven dufva`) and options may come anywhere (`restaurant-menu --json dufva`).
 * commander's own default command cannot do this: an option before the name hides the name.
 */
export function route(argv: string[], commands: string[]): string[] {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (VALUE_OPTIONS.has(arg)) i++;
      continue;
    }
    return commands.includes(arg) ? [arg, ...argv.slice(0, i), ...argv.slice(i + 1)] : ['show', ...argv];
  }
  // No command word and no name: --help/--version belong to the program; anything else lists.
  const programOnly = argv.length > 0 && argv.every((a) => ['-h', '--help', '-V', '--version'].includes(a));
  return programOnly ? argv : ['show', ...argv];
}

// Which command an argument list means; pure, so it is table-tested.
import { closeWord } from '../suggest.js';

export type Routed =
  | { kind: 'run'; argv: string[] }
  /** A mistyped command (`todya`, `Today`, `confg`), answered as git and gh do, without a request. */
  | { kind: 'unknown-command'; word: string; suggestion: string };

/**
 * Puts the command word first, inserting `show` when there is none, so that a bare name works
 * (`restaurant-menu sven dufva`) and options may come anywhere (`restaurant-menu --json dufva`).
 * commander's own default command cannot do this: an option before the name hides the name.
 * A first word that looks like a mistyped command is one, unless it names a restaurant
 * (`isRestaurant`, answered from the cache alone); `show <name>` reaches any restaurant.
 */
export function route(argv: string[], commands: string[], valueFlags: Set<string>, isRestaurant: (word: string) => boolean = () => false): Routed {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (valueFlags.has(arg)) i++;
      continue;
    }
    if (commands.includes(arg)) return { kind: 'run', argv: [arg, ...argv.slice(0, i), ...argv.slice(i + 1)] };
    // `restaurant-menu version` means --version (as in `git version`).
    const suggestion = arg.toLowerCase() === 'version' ? '--version' : closeWord(arg, commands);
    if (suggestion && !isRestaurant(arg)) return { kind: 'unknown-command', word: arg, suggestion };
    return { kind: 'run', argv: ['show', ...argv] };
  }
  // No command word and no name: --help/--version belong to the program; anything else lists.
  const programOnly = argv.length > 0 && argv.every((a) => ['-h', '--help', '-V', '--version'].includes(a));
  return { kind: 'run', argv: programOnly ? argv : ['show', ...argv] };
}

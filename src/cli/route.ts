// Which command an argument list means; pure, so it is table-tested.

export type Routed =
  | { kind: 'run'; argv: string[] }
  /** A mistyped command (`todya`, `Today`, `confg`), answered as git and gh do, without a request. */
  | { kind: 'unknown-command'; word: string; suggestion: string };

/** Edits between two words, a swap of neighbours counting as one (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** A word this long that begins exactly one of the words is taken to mean it: `complet` is `completion`. */
const PREFIX_LENGTH = 4;

/**
 * The word (a command, a setting, a value) a word seems to mean: same letters in another case,
 * the beginning of only that word (at least PREFIX_LENGTH letters), or one or two edits away.
 */
export function closeWord(word: string, commands: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (commands.includes(lower)) return lower;
  if (!/^[a-z]+$/.test(lower)) return undefined;
  const begun = commands.filter((c) => c.startsWith(lower));
  if (lower.length >= PREFIX_LENGTH && begun.length === 1) return begun[0];
  const allowed = lower.length >= 5 ? 2 : 1;
  const scored = commands.map((c) => ({ c, d: editDistance(lower, c) })).filter((s) => s.d <= allowed);
  scored.sort((x, y) => x.d - y.d);
  return scored[0]?.c;
}

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

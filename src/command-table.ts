// What the commands are: their words, arguments, options (from the settings table), help
// examples and subcommands. Data only, with no imports but types, so that shell completion
// (dist/complete.js, run on every <TAB>) can read it without loading what the commands do.
// cli.ts adds what each command does; main.ts turns both into a commander program.
import type { SettingKey } from './settings/table.js';

export interface CommandInfo {
  readonly name: string;
  readonly description: string;
  /** commander argument specs, e.g. `[name...]`. */
  readonly args?: readonly string[];
  /** Options, from the settings table; shared ones are shown in their help group. */
  readonly options?: readonly SettingKey[];
  /** `command  # what it does`: help aligns the comments, or puts them under a long command. */
  readonly examples?: readonly string[];
  readonly subcommands?: readonly CommandInfo[];
  /** What its required argument is, for the error when it is missing: `a shell: bash, zsh or fish`. */
  readonly needs?: string;
}

const LOOKUP = ['api', 'timeout', 'ttl', 'refresh', 'cache'] as const satisfies readonly SettingKey[];
const OUTPUT = ['json', 'color'] as const satisfies readonly SettingKey[];

export const COMMAND_TABLE = [
  {
    name: 'show',
    description: "a restaurant's dishes today; without a name, every restaurant (the default command)",
    args: ['[name...]'],
    options: ['region', 'diet', 'english', 'open', ...LOOKUP, ...OUTPUT, 'input'],
    examples: [
      'restaurant-menu "Restaurang Bikupan"  # today\'s dishes at Bikupan',
      'restaurant-menu jons jacob  # quotes, case, accents optional',
      'restaurant-menu  # every restaurant, by region',
      'restaurant-menu --region ki  # the restaurants in Solna',
      'restaurant-menu dufva --diet vegan  # only the vegan dishes',
      "restaurant-menu dufva --json | jq -r '.dishes[]'",
      'restaurant-menu show today  # a restaurant called "today"',
    ],
  },
  {
    name: 'today',
    description: "every restaurant's menu today, grouped by region, favourites first",
    options: ['region', 'diet', 'english', 'onlyFavorites', 'concurrency', ...LOOKUP, ...OUTPUT],
    examples: ['restaurant-menu today --region uppsala', 'restaurant-menu today -f  # only your favourites', 'restaurant-menu today --diet vegetarian --english'],
  },
  {
    name: 'find',
    description: 'where can I eat X today? searches every menu, in Swedish or English',
    args: ['<words...>'],
    needs: 'words to look for',
    options: ['region', 'diet', 'english', 'onlyFavorites', 'concurrency', ...LOOKUP, ...OUTPUT],
    examples: ['restaurant-menu find chicken  # finds Kycklinggryta too', 'restaurant-menu find kyckling curry  # every word must match', 'restaurant-menu find vegetarian --region ki'],
  },
  {
    name: 'serve',
    description: 'run the caching relay: GET /<path> answered with <upstream>/<path>',
    options: ['host', 'port', 'upstream', 'relayTtl', 'maxStale', 'workers', 'maxEntries', 'maxBytes', 'upstreamTimeout', 'upstreamConcurrency', 'redis', 'redisTimeout', 'logLevel', 'logFormat', 'accessLog'],
    examples: ['restaurant-menu serve --port 8000 --ttl 10s', 'PORT=8080 UPSTREAM_URL=https://... restaurant-menu serve'],
  },
  {
    name: 'cache',
    description: 'the disk cache of API answers: path, info, clear',
    subcommands: [
      { name: 'path', description: 'print where the cache lives', options: ['json'] },
      { name: 'info', description: 'entries, size, oldest and newest', options: OUTPUT },
      { name: 'clear', description: 'delete every cached answer', options: ['json'] },
    ],
  },
  {
    name: 'config',
    description: 'saved settings (flag > environment > saved > default)',
    subcommands: [
      { name: 'get', description: "a setting's value and where it comes from", args: ['<key>'], needs: 'a setting', options: OUTPUT, examples: ['restaurant-menu config get region'] },
      {
        name: 'set',
        description: 'save a setting (checked first; favourites are names)',
        args: ['<key>', '<value>'],
        options: ['json'],
        examples: ['restaurant-menu config set region solna', 'restaurant-menu config set favorites "bikupan, sven dufva"', 'restaurant-menu config set diet vegetarian'],
      },
      { name: 'unset', description: 'remove a saved setting', args: ['<key>'], needs: 'a setting', options: ['json'], examples: ['restaurant-menu config unset region'] },
      { name: 'list', description: 'every setting with its value and where it comes from', options: OUTPUT },
      { name: 'path', description: 'print where the settings are saved', options: ['json'] },
    ],
  },
  {
    name: 'completion',
    description: 'print a shell completion script: bash, zsh or fish',
    args: ['<shell>'],
    needs: 'a shell: bash, zsh or fish',
    examples: [
      'restaurant-menu completion bash >> ~/.bashrc',
      'restaurant-menu completion zsh > ~/.zfunc/_restaurant-menu  # in $fpath',
      'restaurant-menu completion fish | source  # in config.fish',
    ],
  },
] as const satisfies readonly CommandInfo[];

/** Every command that runs, by its words: `show`, `cache info`, `config set`, ... */
export type CommandPath = PathOf<(typeof COMMAND_TABLE)[number]>;
type PathOf<C> = C extends { name: infer N extends string; subcommands: readonly (infer S)[] } ? `${N} ${PathOf<S>}` : C extends { name: infer N extends string } ? N : never;

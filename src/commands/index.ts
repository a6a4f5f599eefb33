// Every command, in the order help lists them. A command is one file of this folder: what it is
// (`command`: words, arguments, options, examples) and what it does (`run`). `show` is also what
// runs when no command word is given (`restaurant-menu sven dufva`).
import type { CommandSpec, Runner } from '../cli/command.js';
import * as cache from './cache.js';
import * as completion from './completion.js';
import * as config from './config.js';
import * as find from './find.js';
import * as serve from './serve.js';
import * as show from './show.js';
import * as today from './today.js';

/** What the commands are: all that help and shell completion read. */
export const COMMANDS: readonly CommandSpec[] = [show.command, today.command, find.command, serve.command, cache.command, config.command, completion.command];

/** What each command does, by its words: `show`, `config set`. */
export const RUNS: Readonly<Record<string, Runner | Readonly<Record<string, Runner>>>> = {
  show: show.run,
  today: today.run,
  find: find.run,
  serve: serve.run,
  cache: cache.run,
  config: config.run,
  completion: completion.run,
};

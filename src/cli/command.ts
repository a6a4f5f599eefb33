// What a command is. Each file in src/commands/ exports its `command` (words, arguments, options:
// data that help and shell completion read) next to the `run` that does it. They are separate
// exports so that the completion bundle, which reads only the data, leaves the runs out.
import type { SettingKey } from '../settings/table.js';
import type { Run } from './run.js';

/** A command's positional arguments as commander gives them: a variadic one is a list. */
export type Args = (string | string[])[];

export interface CommandSpec {
  readonly name: string;
  readonly description: string;
  /** commander argument specs, e.g. `[name...]`. */
  readonly args?: readonly string[];
  /** Options, from the settings table; shared ones are shown in their help group. */
  readonly options?: readonly SettingKey[];
  /** `command  # what it does`: help aligns the comments, or puts them under a long command. */
  readonly examples?: readonly string[];
  /** What its required argument is, for the error when it is missing: `a shell: bash, zsh or fish`. */
  readonly needs?: string;
  readonly subcommands?: readonly CommandSpec[];
}

/**
 * Does a command with its arguments; returns the exit code. A command file exports its spec as
 * `command` and this as `run`; a group (`config`) exports one for each subcommand.
 */
export type Runner = (run: Run, args: Args) => Promise<number>;

/** The options every lookup command takes, and every command that prints. */
export const LOOKUP_OPTIONS = ['api', 'timeout', 'ttl', 'refresh', 'cache'] as const satisfies readonly SettingKey[];
export const OUTPUT_OPTIONS = ['json', 'color'] as const satisfies readonly SettingKey[];


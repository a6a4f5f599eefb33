// The commander program, built from the commands (src/commands/): options from the settings
// table, help in groups with examples and exit codes, and commander's parse errors said as ours.
import { Command, CommanderError, Help, Option } from 'commander';
import { COMMANDS, RUNS } from '../commands/index.js';
import { EXIT, EXIT_CODES, UsageError } from '../errors.js';
import { longFlag, settingDef, type SettingKey } from '../settings/table.js';
import { displayWidth, fitLines, joinWords, largest, pad, quote, wrap } from '../text.js';
import { VERSION } from '../version.js';
import type { CommandSpec } from './command.js';
import type { Run } from './run.js';
import { closeWord } from '../suggest.js';

const GROUPS = { lookup: 'Lookup options:', output: 'Output options:' } as const;
const GLOBAL = 'Global options:';

/** Every command word the router knows: the commands and `help`. */
export const COMMAND_NAMES = [...COMMANDS.map((c) => c.name), 'help'];

/** The commander options of a setting, each with the setting it stands for. */
function optionsFor(key: SettingKey): Option[] {
  const def = settingDef(key);
  if (!def.flag) return [];
  const facts = [def.env ? `env ${def.env}` : '', def.flag.includes('<') && def.default ? `default ${def.default}` : ''].filter(Boolean);
  const option = new Option(def.flag, facts.length ? `${def.describe} (${facts.join('; ')})` : def.describe);
  const out = [option];
  if (def.negate) out.push(new Option(def.negate, `turn ${longFlag(key)} off`));
  const group = def.group ? GROUPS[def.group] : undefined;
  if (group) for (const o of out) o.helpGroup(group);
  return out;
}

/**
 * The examples, each `$ command  # comment`, the comments in one column; when a line would not
 * fit the width, every comment goes on a line of its own above its command (as gh does).
 */
function examples(spec: CommandSpec, width: number): string {
  if (!spec.examples?.length) return '';
  const rows = spec.examples.map((e) => {
    const [command, comment] = e.split('  # ');
    return { command: `  $ ${command}`, comment };
  });
  const commented = rows.filter((r) => r.comment);
  const column = largest(commented.map((r) => displayWidth(r.command))) + 2;
  const inline = commented.every((r) => column + 2 + displayWidth(r.comment!) <= width);
  const lines = rows.flatMap((r) => (!r.comment ? [r.command] : inline ? [`${pad(r.command, column)}# ${r.comment}`] : [`  # ${r.comment}`, r.command]));
  return `\nExamples:\n${lines.join('\n')}\n`;
}

/** The help and version options, grouped last as gh shows its inherited flags. */
function globalOptions(cmd: Command, withVersion: boolean): void {
  cmd.addHelpOption(new Option('-h, --help', 'show help').helpGroup(GLOBAL));
  if (withVersion) {
    cmd.version(VERSION, '-V, --version', 'print the version');
    cmd.options.at(-1)?.helpGroup(GLOBAL);
  }
}

/** What a command's help says about an unknown subcommand word: a close one, or the list. */
function unknownCommand(word: string, names: string[], parent?: string): UsageError {
  // `help` is a word of every group too, suggested but not listed.
  const close = closeWord(word, parent ? [...names, 'help'] : names);
  const where = parent ? ` for '${parent}'` : '';
  const hint = close ? `. Did you mean '${close}'?` : parent ? `; it has ${joinWords(names.map((n) => `'${n}'`), 'and')}` : `; 'restaurant-menu --help' lists them`;
  return new UsageError(`unknown command ${quote(word)}${where}${hint}`);
}

function addCommand(parent: Command, spec: CommandSpec, run: Run, helpWidth: number, runs: (typeof RUNS)[string] | undefined): void {
  const cmd = parent.command(spec.name).description(spec.description);
  configure(cmd, run, helpWidth);
  for (const arg of spec.args ?? []) cmd.argument(arg);
  // Which setting each option's value is, by commander's own name for it (`--no-cache` → `cache`).
  const keys = new Map<string, SettingKey>();
  for (const key of spec.options ?? []) {
    for (const option of optionsFor(key)) {
      keys.set(option.attributeName(), key);
      cmd.addOption(option);
    }
  }
  globalOptions(cmd, false);
  if (spec.examples) cmd.addHelpText('after', examples(spec, helpWidth));
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, run, helpWidth, typeof runs === 'object' ? runs[sub.name] : undefined);
  // A group (`config`, `cache`) given alone shows its help, on stdout, exit 0.
  if (spec.subcommands) {
    const names = spec.subcommands.map((s) => s.name);
    // commander drops its `help` subcommand from a command with an action: declared again.
    cmd.helpCommand('help [command]', 'show help for a command');
    cmd.allowExcessArguments().action(() => {
      const word = cmd.args[0];
      if (word === undefined) return cmd.outputHelp();
      throw unknownCommand(word, names, spec.name);
    });
  }
  const action = typeof runs === 'function' ? runs : undefined;
  if (action) {
    cmd.action(async (...params: unknown[]) => {
      const opts = (params.at(-1) as Command).opts();
      run.flags = Object.fromEntries([...keys].filter(([attribute]) => opts[attribute] !== undefined).map(([attribute, key]) => [key, opts[attribute]]));
      // Every option given (flag or environment variable) is checked before anything runs: a bad
      // value is a usage error, never a request. Saved values are read where they are used (a
      // command such as `config set` may not need the settings file, which may be unreadable).
      for (const key of spec.options ?? []) {
        const env = settingDef(key).env;
        if (run.given(key) || !settingDef(key).saved || (env && run.env[env])) run.setting(key);
      }
      run.exitCode = await action(run, params.slice(0, -2) as (string | string[])[]);
    });
  }
}

function configure(cmd: Command, run: Run, helpWidth: number): void {
  cmd
    .exitOverride()
    .showSuggestionAfterError()
    // minWidthToWrap: descriptions wrap even in a narrow column (commander's default, 40, gives up below ~70 columns).
    .configureHelp({ helpWidth, minWidthToWrap: 16, sortSubcommands: false, sortOptions: false, formatItem: stackedWhenNarrow })
    .configureOutput({
      writeOut: (text) => run.io.stdout.write(helpLines(text, helpWidth)),
      writeErr: (text) => run.io.stderr.write(text),
      // Parse errors become one line, said by main (as JSON too with --json).
      outputError: (text) => run.parseErrors.push(commanderError(text)),
    });
}

/**
 * An option or command of the help, as commander lays it out (term, then its description beside
 * it); where the terminal leaves the description too little room for its words, the description
 * goes under the term instead, indented, wrapped at word boundaries (commander would leave it
 * unwrapped, for the terminal to break mid-word).
 */
function stackedWhenNarrow(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
  const width = this.helpWidth ?? 80;
  if (!description || width - termWidth - 4 >= (this.minWidthToWrap ?? 16)) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
  // Indented under the term, less where that lets a long word (RESTAURANT_MENU_REGION) stay whole.
  const longest = largest(description.split(' ').map(displayWidth).filter((w) => w <= width - 2));
  const indent = ' '.repeat(Math.max(2, Math.min(6, width - longest)));
  return [`  ${term}`, ...wrap(description, width - indent.length).map((l) => indent + l)].join('\n');
}

/**
 * Help text for the terminal: a line wider than it (the usage, an exit code, an example's
 * comment) wraps at word boundaries; an example's command (`  $ …`) is left whole, to copy.
 */
function helpLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => (line.startsWith('  $ ') ? line : fitLines(line, width, '  ')))
    .join('\n');
}

/** commander's error text as one line, its suggestion worded as ours: `… Did you mean '--json'?`. */
function commanderError(text: string): string {
  const line = text.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim();
  return line.replace(/\s*\(Did you mean (\S+)\?\)$/, ". Did you mean '$1'?");
}

/**
 * The commander program. With `only`, just that command is declared (and the program's own
 * options for the top-level help are left out): a run never needs the rest, and declaring every
 * command with every option cost several milliseconds of each start-up.
 */
function buildProgram(run: Run, helpWidth: number, only?: string): Command {
  const program = new Command('restaurant-menu').description("Today's lunch at the SciLifeLab sites in Uppsala and Solna.");
  // Every argument list is routed to start with its command, so the options declared here (for
  // the top-level help) are never parsed here: each command parses its own.
  program.enablePositionalOptions();
  configure(program, run, helpWidth);
  // The bare form runs `show`, so the top-level help lists show's options too.
  const show = COMMANDS.find((c) => c.name === 'show')!;
  program.usage('[name...] [options]\n       restaurant-menu <command> [options]');
  if (!only) for (const key of show.options ?? []) for (const option of optionsFor(key)) program.addOption(option);
  globalOptions(program, true);
  program.helpCommand('help [command]', 'show help for a command');
  program.addHelpText('after', `${examples(show, helpWidth)}\n${EXIT_CODES}\n`);
  for (const spec of COMMANDS) if (!only || spec.name === only) addCommand(program, spec, run, helpWidth, RUNS[spec.name]);
  return program;
}

/**
 * Runs a routed argument list (its command first) and returns the exit code: the command's, or
 * 0 for help and --version. A parse error is a UsageError that says what the command needs.
 */
export async function runProgram(run: Run, argv: string[]): Promise<number> {
  argv = helpAsFlag(argv);
  // Help (of anything) needs the whole program; a run needs only its command.
  const wantsHelp = argv.some((a) => a === '-h' || a === '--help') || !COMMANDS.some((c) => c.name === argv[0]);
  const helpWidth = run.io.stdout.isTTY ? Math.min(run.io.stdout.columns || 80, 100) : 80;
  try {
    await buildProgram(run, helpWidth, wantsHelp ? undefined : argv[0]).parseAsync(argv, { from: 'user' });
    return run.exitCode;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and --version "fail" with exit code 0.
    if (error.exitCode === 0) return EXIT.ok;
    const message = run.parseErrors.join(' ') || error.message.replace(/^error: /, '');
    throw new UsageError(usageAdvice(error.code, message, commandPathOf(argv)));
  }
}

/**
 * `help [command [subcommand]]` and `<group> help [subcommand]` become `<command…> --help`, the
 * command path checked first: commander's own help command answered `help help` and `help nosuch`
 * with the whole help on stderr and '(outputHelp)'.
 */
function helpAsFlag(argv: string[]): string[] {
  const group = COMMANDS.find((c) => c.name === argv[0] && c.subcommands);
  const at = argv[0] === 'help' ? 0 : group && argv[1] === 'help' ? 1 : -1;
  if (at === -1) return argv;
  const path = [...argv.slice(0, at), ...argv.slice(at + 1).filter((a) => !a.startsWith('-'))];
  let level: readonly CommandSpec[] | undefined = COMMANDS;
  let parent: string | undefined;
  const valid: string[] = [];
  for (const word of path) {
    // `help help`: the program's help, which lists `help [command]`.
    if (word === 'help' && !parent) break;
    const spec: CommandSpec | undefined = level?.find((c) => c.name === word);
    if (!spec) {
      if (!level) break; // a command without subcommands: the rest are its arguments
      throw unknownCommand(word, level.map((c) => c.name), parent);
    }
    valid.push(word);
    parent = word;
    level = spec.subcommands;
  }
  return [...valid, '--help'];
}

/** The command a routed argument list runs: `['today']`, `['config', 'set']`. */
function commandPathOf(argv: string[]): string[] {
  const spec = COMMANDS.find((c) => c.name === argv[0]);
  if (!spec) return [];
  const sub = spec.subcommands?.find((c) => c.name === argv[1]);
  return sub ? [spec.name, sub.name] : [spec.name];
}

/**
 * commander's parse errors, said as ours: what the command needs, with an example to copy
 * (`find needs words to look for, as in: restaurant-menu find chicken`), and where help is.
 */
function usageAdvice(code: string, message: string, path: string[]): string {
  const spec = path.reduce<CommandSpec | undefined>((at, name) => (at ? at.subcommands : COMMANDS)?.find((c) => c.name === name), undefined);
  const name = path.join(' ');
  const help = `see 'restaurant-menu ${name ? `${name} ` : ''}--help'`;
  if (code === 'commander.unknownOption') return message.includes('Did you mean') ? message : `${message}; ${help}`;
  if (!spec) return message;
  const example = spec.examples?.[0]?.split('  # ')[0]?.replace(/\s*[|>].*$/, '');
  if (code === 'commander.missingArgument') {
    const needs = spec.needs ?? `its ${message.match(/'([^']+)'/)?.[1] ?? 'arguments'}`;
    return `${name} needs ${needs}${example ? `, as in: ${example}` : `; ${help}`}`;
  }
  if (code === 'commander.excessArguments') {
    const count = spec.args?.length ?? 0;
    const takes = count === 0 ? 'takes no arguments' : `takes ${count} argument${count > 1 ? 's' : ''} (${spec.args!.join(' ')})`;
    return `${name} ${takes}; ${help}`;
  }
  return message;
}

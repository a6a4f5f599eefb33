// The entry: `main(argv, io)` routes the arguments, builds the commander program from the
// command table, runs the command, and maps every failure to one line (or a JSON error) and a
// documented exit code. It returns the exit code; bin/ sets it on the process.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Help, Option } from 'commander';
import { COMMANDS, EXIT_CODES, type Args, type CommandSpec } from './cli.js';
import { Run } from './context.js';
import { AppError, EXIT, UsageError } from './errors.js';
import type { Io } from './io.js';
import { cachedRestaurants } from './cache/store.js';
import { namesRestaurant } from './lookup.js';
import { cacheDir } from './paths.js';
import { jsonText } from './render/common.js';
import { closeWord, route } from './route.js';
import { longFlag, settingDef, valueFlags, type SettingKey } from './settings.js';
import { displayWidth, fitLines, joinWords, largest, pad, quote, wrap } from './text.js';
import { VERSION } from './version.js';

export { processIo } from './io.js';

const GROUPS = { lookup: 'Lookup options:', output: 'Output options:' } as const;
const GLOBAL = 'Global options:';

function optionFor(key: SettingKey): Option[] {
  const def = settingDef(key);
  if (!def.flag) return [];
  const facts = [def.env ? `env ${def.env}` : '', def.flag.includes('<') && def.default ? `default ${def.default}` : ''].filter(Boolean);
  const option = new Option(def.flag, facts.length ? `${def.describe} (${facts.join('; ')})` : def.describe);
  const group = def.group ? GROUPS[def.group] : undefined;
  if (group) option.helpGroup(group);
  const out = [option];
  if (def.negate) {
    const negate = new Option(def.negate, `turn ${longFlag(key)} off`);
    if (group) negate.helpGroup(group);
    out.push(negate);
  }
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

interface Wiring {
  run: Run;
  help: { helpWidth: number };
  errors: string[];
  setCode(code: number): void;
}

function addCommand(parent: Command, spec: CommandSpec, wiring: Wiring): void {
  const cmd = parent.command(spec.name).description(spec.description);
  configure(cmd, wiring);
  for (const arg of spec.args ?? []) cmd.argument(arg);
  for (const key of spec.options ?? []) for (const option of optionFor(key)) cmd.addOption(option);
  globalOptions(cmd, false);
  if (spec.examples) cmd.addHelpText('after', examples(spec, wiring.help.helpWidth));
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, wiring);
  // A group (`config`, `cache`) given alone shows its help, on stdout, exit 0.
  if (spec.subcommands && !spec.run) {
    const names = spec.subcommands.map((s) => s.name);
    // commander drops its `help` subcommand from a command with an action: declared again.
    cmd.helpCommand('help [command]', 'show help for a command');
    cmd.allowExcessArguments().action(() => {
      const word = cmd.args[0];
      if (word === undefined) return cmd.outputHelp();
      const close = closeWord(word, [...names, 'help']);
      const hint = close ? `. Did you mean '${close}'?` : `; it has ${joinWords(names.map((n) => `'${n}'`), 'and')}`;
      throw new UsageError(`unknown command ${quote(word)} for '${spec.name}'${hint}`);
    });
  }
  if (spec.run) {
    const run = spec.run;
    cmd.action(async (...params: unknown[]) => {
      const command = params.at(-1) as Command;
      wiring.run.flags = command.opts();
      // Every option is checked before anything runs: a bad value is a usage error, never a request.
      for (const key of spec.options ?? []) wiring.run.setting(key);
      wiring.setCode(await run(wiring.run, params.slice(0, -2) as Args));
    });
  }
}

function configure(cmd: Command, wiring: Wiring): void {
  cmd
    .exitOverride()
    .showSuggestionAfterError()
    // minWidthToWrap: descriptions wrap even in a narrow column (commander's default, 40, gives up below ~70 columns).
    .configureHelp({ helpWidth: wiring.help.helpWidth, minWidthToWrap: 16, sortSubcommands: false, sortOptions: false, formatItem: stackedWhenNarrow })
    .configureOutput({
      writeOut: (text) => wiring.run.io.stdout.write(helpLines(text, wiring.help.helpWidth)),
      writeErr: (text) => wiring.run.io.stderr.write(text),
      // Parse errors become one line, said by main (as JSON too with --json).
      outputError: (text) => wiring.errors.push(commanderError(text)),
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
export function buildProgram(wiring: Wiring, only?: string): Command {
  const program = new Command('restaurant-menu').description("Today's lunch at the SciLifeLab sites in Uppsala and Solna.");
  // Every argument list is routed to start with its command, so the options declared here (for
  // the top-level help) are never parsed here: each command parses its own.
  program.enablePositionalOptions();
  configure(program, wiring);
  // The bare form runs `show`, so the top-level help lists show's options too.
  const show = COMMANDS.find((c) => c.name === 'show')!;
  program.usage('[name...] [options]\n       restaurant-menu <command> [options]');
  if (!only) for (const key of show.options ?? []) for (const option of optionFor(key)) program.addOption(option);
  globalOptions(program, true);
  program.helpCommand('help [command]', 'show help for a command');
  program.addHelpText('after', `${examples(show, wiring.help.helpWidth)}\n${EXIT_CODES}\n`);
  for (const spec of COMMANDS) if (!only || spec.name === only) addCommand(program, spec, wiring);
  return program;
}

export const COMMAND_NAMES = [...COMMANDS.map((c) => c.name), 'help'];

/** `--json` anywhere before `--`: errors must then be JSON too, whatever else is wrong. */
function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
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
      const names = level.map((c) => c.name);
      const close = closeWord(word, names);
      const where = parent ? ` for '${parent}'` : '';
      const hint = close ? `. Did you mean '${close}'?` : parent ? `; it has ${joinWords(names.map((n) => `'${n}'`), 'and')}` : `; 'restaurant-menu --help' lists them`;
      throw new UsageError(`unknown command ${quote(word)}${where}${hint}`);
    }
    valid.push(word);
    parent = word;
    level = spec.subcommands;
  }
  return [...valid, '--help'];
}

export async function main(argv: string[], io: Io): Promise<number> {
  // The shell completion scripts' callback (bin/ sends it to dist/complete.js without loading this bundle).
  if (argv[0] === '__complete') return (await import('./commands/completion.js')).main(argv, io);
  const run = new Run(io);
  let code: number = EXIT.ok;
  const wiring: Wiring = {
    run,
    help: { helpWidth: io.stdout.isTTY ? Math.min(io.stdout.columns || 80, 100) : 80 },
    errors: [],
    setCode: (c) => (code = c),
  };
  let commandPath: string[] = [];
  let failed: { json: boolean } | undefined;
  try {
    const routed = route(argv, COMMAND_NAMES, valueFlags(), (word) => namesRestaurant(word, cachedRestaurants(cacheDir(io.env))));
    if (routed.kind === 'unknown-command') throw new UsageError(`unknown command '${routed.word}'. Did you mean '${routed.suggestion}'?`);
    routed.argv = helpAsFlag(routed.argv);
    commandPath = commandPathOf(routed.argv);
    // Help (of anything) needs the whole program; a run needs only its command.
    const wantsHelp = routed.argv.some((a) => a === '-h' || a === '--help') || !COMMANDS.some((c) => c.name === routed.argv[0]);
    await buildProgram(wiring, wantsHelp ? undefined : routed.argv[0]).parseAsync(routed.argv, { from: 'user' });
  } catch (error) {
    code = report(error, run, wiring.errors, wantsJson(argv), commandPath);
    failed = { json: wantsJson(argv) };
  }
  try {
    await run.finish(failed);
  } catch (error) {
    code = report(error, run, [], false);
  }
  return code;
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
  if (!spec) return code === 'commander.unknownOption' && !message.includes('Did you mean') ? `${message}; ${help}` : message;
  const example = spec.examples?.[0]?.split('  # ')[0]?.replace(/\s*[|>].*$/, '');
  switch (code) {
    case 'commander.missingArgument': {
      const needs = spec.needs ?? `its ${message.match(/'([^']+)'/)?.[1] ?? 'arguments'}`;
      return `${name} needs ${needs}${example ? `, as in: ${example}` : `; ${help}`}`;
    }
    case 'commander.excessArguments': {
      const count = spec.args?.length ?? 0;
      const takes = count === 0 ? 'takes no arguments' : `takes ${count} argument${count > 1 ? 's' : ''} (${spec.args!.join(' ')})`;
      return `${name} ${takes}; ${help}`;
    }
    case 'commander.unknownOption':
      return message.includes('Did you mean') ? message : `${message}; ${help}`;
    default:
      return message;
  }
}

/**
 * Run from a clone (the stand-in's script is beside the build; a published package has none), an
 * API that cannot be reached is answered with how to try the tool offline.
 */
function offlineHint(error: AppError): string {
  // The menu API itself, not a proxy on the way.
  if (error.code !== 'API_UNREACHABLE' || !error.message.startsWith('cannot reach the menu API')) return '';
  return existsSync(fileURLToPath(new URL('../bench/stand-in-api.ts', import.meta.url))) ? '; offline, from this clone: npm run stand-in' : '';
}

/** The one map from a failure to what the user sees and the exit code. */
function report(error: unknown, run: Run, parseErrors: string[], json: boolean, commandPath: string[] = []): number {
  let failure: { code: string; message: string; exitCode: number; details?: Record<string, unknown> };
  if (error instanceof CommanderError) {
    // Help and --version "fail" with exit code 0.
    if (error.exitCode === 0) return EXIT.ok;
    const message = parseErrors.join(' ') || error.message.replace(/^error: /, '');
    failure = { code: 'USAGE', message: usageAdvice(error.code, message, commandPath), exitCode: EXIT.usage };
  } else if (error instanceof AppError) {
    failure = { code: error.code, message: error.message + offlineHint(error), exitCode: error.exitCode, details: error.details };
  } else {
    run.io.stderr.write(`restaurant-menu: internal error, please report it: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.internal;
  }
  if (json) {
    // Said once: the error object on stdout is the whole answer, for a script and a person alike.
    const body = { code: failure.code, message: failure.message, ...(failure.details ? { details: failure.details } : {}) };
    run.io.stdout.write(jsonText({ status: 'error', error: body }));
  } else {
    run.notices.warn(failure.message);
  }
  return failure.exitCode;
}

// Shell completion. `restaurant-menu completion bash|zsh|fish` prints a script; on every <TAB>
// the script runs `restaurant-menu __complete <index> -- <words...>` (the words after the
// program name, up to the one being completed, which is word <index> and may be empty) and
// offers what it prints, one candidate a line: commands, options and their values (from the
// command and settings tables), config keys and values, and restaurant identifiers and names
// from the disk cache. It never makes a network request, and never writes to stderr.
//
// This module is also an entry of its own, dist/complete.js: bin/ loads it instead of
// dist/cli.js for `__complete`, so a <TAB> parses the command table and the settings table,
// not commander, the renderers or the food glossary. Keep its imports light.
import { readNamesIndex } from '../store/names-index.js';
import { cacheFileIn, cachedRestaurants } from '../store/cache.js';
import type { CommandSpec } from '../cli/command.js';
import { COMMANDS } from '../commands/index.js';
import { EXIT } from '../errors.js';
import type { Io } from '../cli/io.js';
import { cacheDir } from '../store/paths.js';
import { longFlag, settingDef, SETTINGS, valueFlags, type Env, type SettingKey } from '../settings/table.js';
import type { Restaurant } from '../api/model.js';
import { foldFast, foldHead, head, MATCHED_LENGTH } from '../menu/matching.js';
import { fold } from '../text.js';

export { processIo } from '../cli/io.js';

/** The shells `completion` prints a script for (scripts.ts). */
const SHELLS = ['bash', 'zsh', 'fish'];

/**
 * `restaurant-menu __complete <index> [--shell bash|zsh|fish] [--text <text>] -- <word>...`: the
 * candidates, one a line. The same signature as main.ts's main, as dist/complete.js and
 * dist/cli.js are loaded alike by bin/. Malformed arguments print nothing.
 *
 * For bash each line is what goes on the command line, quoted for the state of the word being
 * completed (bashReplies); zsh and fish get the bare candidates and quote them themselves. A
 * caller that does not name its shell (a script printed by an older version, still in someone's
 * ~/.bashrc, added bare candidates to a quoted word) gets no candidate that would need quoting
 * inside the quote its word begins with.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  const index = Number(argv[1]);
  if (argv[0] !== '__complete' || !Number.isInteger(index) || index < 0) return EXIT.usage;
  const options: { shell?: string; text?: string } = {};
  let i = 2;
  for (; argv[i] === '--shell' || argv[i] === '--text'; i += 2) {
    if (argv[i + 1] === undefined) return EXIT.usage;
    options[argv[i] === '--shell' ? 'shell' : 'text'] = argv[i + 1];
  }
  const words = argv.slice(argv[i] === '--' ? i + 1 : i);
  const current = words[index] ?? '';
  const candidates = complete(COMMANDS, index, words, io.env).filter((c) => !CONTROL.test(c));
  const lines =
    options.shell === 'bash'
      ? bashReplies(candidates, current, options.text)
      : options.shell === 'zsh' || options.shell === 'fish'
        ? candidates
        : candidates.filter((c) => !UNSAFE_IN_QUOTE[current[0] ?? '']?.test(c));
  if (lines.length) io.stdout.write(lines.map((c) => `${c}\n`).join(''));
  return EXIT.ok;
}

/** No candidate with a control character is offered (the model has none; a line cannot hold one). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** What cannot stand bare inside a quote in bash: it would end the quote or expand. */
const UNSAFE_IN_QUOTE: Record<string, RegExp> = { '"': /["\\$`!]/, "'": /'/ };

type Quote = '' | '"' | "'";

/**
 * The whole word, as bash should read it back as `candidate`, in the quoting the word being
 * completed began with: `Qq\"\;\ x`, `"Qq\"; x`, `'Ss'\''; x`. Every character bash treats
 * specially is escaped; characters beyond ASCII are left as they are (bash gives none a meaning),
 * so `Jöns\ Jacob` reads well in any locale, and so is `:` (readline splits the word there: the
 * part before it stays on the line as typed). Inside double quotes `!` is written outside them
 * (`"Yo"\!" Sushi"`): a backslash before it inside double quotes would stop history expansion but
 * stay in the word. readline adds the closing quote after a single match unless the line already
 * ends with that quote character, so a word that would end with one (`\"`, or a quote reopened
 * after `'\''` or `"\!"`) gets its closing quote here.
 */
export function bashWord(candidate: string, quote: Quote): string {
  let word: string;
  if (quote === "'") word = `'${candidate.replace(/'/g, "'\\''")}`;
  else if (quote === '"') word = `"${candidate.replace(/["\\$`]/g, '\\$&').replace(/!/g, '"\\!"')}`;
  else return candidate.replace(/[^\w./@%+,:\u0080-\u{10ffff}-]/gu, '\\$&');
  return word.length > 1 && word.endsWith(quote) ? word + quote : word;
}

/**
 * What bash is to put in COMPREPLY for each candidate. readline replaces only `text`, the end of
 * the word being completed after its last opening quote or word-break character (`$2` of the
 * completion function); `word` is the whole word as bash split it (COMP_WORDS). A reply is the
 * rest of the candidate's quoted word (bashWord) after what stays on the line, so that the line
 * ends up holding exactly that quoted word. A candidate whose quoted word does not begin with
 * what stays (the word was quoted in a way bashWord would not have) is left out: nothing is ever
 * added to a line in a quoting state it was not written for.
 */
export function bashReplies(candidates: readonly string[], word: string, text?: string): string[] {
  // bash splits `--region=k` into `--region`, `=`, `k`: the value after a lone `=` is a word of its own.
  if (word === '=') [word, text] = ['', ''];
  const quote: Quote = word[0] === '"' || word[0] === "'" ? word[0] : '';
  // Called by hand (not by readline): readline would replace what follows the opening quote.
  text ??= quote ? word.slice(1) : word;
  if (!word.endsWith(text)) return [];
  const stays = word.slice(0, word.length - text.length);
  const replies: string[] = [];
  for (const candidate of candidates) {
    const quoted = bashWord(candidate, quote);
    const start = quoted.slice(0, stays.length);
    // What was typed may differ in case (`"sven d` → `"Sven Dufva"`); quotes and escapes may not.
    if (start === stays || (start.length === stays.length && start.toLowerCase() === stays.toLowerCase())) replies.push(quoted.slice(stays.length));
  }
  return [...new Set(replies)];
}

/**
 * The restaurants of the disk cache (any API, any age) as completion asks about them, each
 * question given what was typed, folded; none when there is no usable cache.
 */
interface Cached {
  /** Each restaurant's identifier and name as words to offer (restaurantWords), that begin with `typed`. */
  words(typed: string): Word[];
  /** The names that begin with `typed` (at least: those that may continue it), folded where that is known. */
  names(typed: string): (string | Word)[];
  /** The identifiers that begin with `typed`. */
  ids(typed: string): string[];
  /** Their regions, lower case. */
  regions(): string[];
}

/**
 * From the completion index (cache/names-index.ts), already checked and folded, when it is that
 * of the cache file as it is now: only the lines that begin with what was typed are looked at.
 * Else from the cache file itself, every name checked and folded.
 */
function cachedIn(env: Env): Cached {
  const dir = cacheDir(env);
  const index = readNamesIndex(dir, cacheFileIn(dir));
  if (index) {
    return {
      words: (typed) => index.find(typed, 'in'),
      names: (typed) => index.find(typed, 'n'),
      ids: (typed) => index.find(typed, 'ij').map((line) => line.text),
      regions: () => index.regions(),
    };
  }
  const restaurants = cachedRestaurants(dir);
  let words: Word[] | undefined;
  return {
    words: (typed) => (words ??= restaurantWords(restaurants)).filter((w) => w.folded.startsWith(typed)),
    names: () => restaurants.map((r) => r.name),
    ids: (typed) => restaurants.map((r) => r.id).filter((id) => foldHead(id).startsWith(typed)),
    regions: () => restaurants.map((r) => r.region.toLowerCase()),
  };
}

const SAVED = (Object.keys(SETTINGS) as SettingKey[]).filter((k) => settingDef(k).saved);
const VALUE_FLAGS = valueFlags();
/** commander's own: every command has --help, the program has --version and `help [command]`. */
const HELP = '--help';
const VERSION = '--version';
const HELP_COMMAND = 'help';

/** A word as the shell will pass it: `'Sven Dufva'`, `"Sven Dufva"` and `Sven\ Dufva` are `Sven Dufva`. */
function unquote(word: string): string {
  const m = word.match(/^'([^']*)'?$/) ?? word.match(/^"((?:[^"\\]|\\.)*)"?$/);
  return m ? m[1]!.replace(/\\(["\\$`])/g, '$1') : word.replace(/\\(.)/g, '$1');
}

/** The setting an option of `spec` stands for: `--ttl` is `ttl` for show, `relayTtl` for serve. */
function optionKey(spec: CommandSpec, flag: string): SettingKey | undefined {
  const own = spec.options?.find((k) => longFlag(k) === flag);
  return own ?? (Object.keys(SETTINGS) as SettingKey[]).find((k) => longFlag(k) === flag);
}

function optionFlags(spec: CommandSpec, topLevel: boolean): string[] {
  const flags = (spec.options ?? []).flatMap((k) => [longFlag(k), settingDef(k).negate]).filter((f): f is string => Boolean(f));
  return [...flags, HELP, ...(topLevel ? [VERSION] : [])];
}

interface Context {
  /** The command (its subcommand, if it has one), or undefined while the first word is being typed. */
  command?: CommandSpec;
  /** Its words (`show`, `config set`); none for an unknown subcommand. */
  path?: string;
  /** Waiting for a subcommand of this command. */
  parent?: CommandSpec;
  /** `help [command]`. */
  help: boolean;
  /** The arguments already given to the command, unquoted. */
  args: string[];
  /** After `--`: every word is an argument. */
  argsOnly: boolean;
}

/** What the words before the completed one say: which command, which arguments so far. */
function contextOf(commands: readonly CommandSpec[], before: readonly string[]): Context {
  const show = commands.find((c) => c.name === 'show')!;
  const ctx: Context = { help: false, args: [], argsOnly: false };
  for (let i = 0; i < before.length; i++) {
    const word = before[i]!;
    if (!ctx.argsOnly && word === '--') {
      ctx.argsOnly = true;
      // Before any command word, `--` ends the options of the default command, `show`.
      if (!ctx.command && !ctx.parent && !ctx.help) [ctx.command, ctx.path] = [show, 'show'];
      continue;
    }
    if (!ctx.argsOnly && word.startsWith('-') && word.length > 1) {
      // An option's value is the next word (bash splits `--region=ki` into three words).
      if (VALUE_FLAGS.has(word)) i += before[i + 1] === '=' ? 2 : 1;
      continue;
    }
    const plain = unquote(word);
    if (ctx.parent) {
      const sub = ctx.parent.subcommands!.find((c) => c.name === plain);
      ctx.command = sub ?? { name: plain, description: '' };
      ctx.path = sub ? (`${ctx.parent.name} ${sub.name}`) : undefined;
      ctx.parent = undefined;
    } else if (ctx.command || ctx.help) {
      ctx.args.push(plain);
    } else if (plain === HELP_COMMAND) {
      ctx.help = true;
    } else {
      const command = commands.find((c) => c.name === plain);
      if (command?.subcommands) ctx.parent = command;
      else if (command) [ctx.command, ctx.path] = [command, command.name];
      else [ctx.command, ctx.path, ctx.args] = [show, 'show', [plain]]; // a bare name runs `show`
    }
  }
  return ctx;
}

/** A candidate and what it is matched on, folded once. */
interface Word {
  text: string;
  folded: string;
}
const word = (text: string): Word => ({ text, folded: foldHead(text) });

/**
 * Candidates for `words[index]`, the word being completed (it may be empty or missing): each
 * fits what has been typed of it, ignoring case and accents (`jons` → `Jöns Jacob`). The cache is
 * read once and each name folded once, on its first MATCHED_LENGTH characters: a <TAB> costs
 * time in proportion to the number of restaurants, however long their names.
 */
export function complete(commands: readonly CommandSpec[], index: number, words: readonly string[], env: Env): string[] {
  const before = words.slice(0, index);
  const current = words[index] ?? '';
  const ctx = contextOf(commands, before);
  const show = commands.find((c) => c.name === 'show')!;
  const optionsOf = ctx.command ?? ctx.parent ?? show;
  const typed = fold(current);
  let cachedNames: Cached | undefined;
  const cached = () => (cachedNames ??= cachedIn(env));
  /** The candidates (each once) that begin with what was typed, folded. */
  const fitting = (candidates: Iterable<string | Word>, typedText = typed) => {
    const out = new Set<string>();
    for (const c of candidates) {
      const w = typeof c === 'string' ? word(c) : c;
      if (!out.has(w.text) && w.folded.startsWith(typedText)) out.add(w.text);
    }
    return [...out];
  };

  // An option's value: `--region <TAB>`, `--region=<TAB>` (one word in zsh and fish; in bash
  // `--region`, `=` and the value, and bash replaces only what follows the `=`).
  if (!ctx.argsOnly) {
    const valueOf = (flag: string | undefined, prefix: string, text: string) => {
      const key = flag && VALUE_FLAGS.has(flag) ? optionKey(optionsOf, flag) : undefined;
      if (!key) return undefined;
      return fitting(new Set(valuesOf(key, cached)), fold(text)).map((v) => prefix + v);
    };
    const previous = before.at(-1);
    const split =
      current === '=' ? valueOf(previous, '', '') : previous === '=' ? valueOf(before.at(-2), '', current) : undefined;
    if (split) return split;
    const joined = current.match(/^(--[\w-]+)=(.*)$/);
    if (joined) return valueOf(joined[1], `${joined[1]}=`, joined[2]!) ?? [];
    if (previous !== undefined && VALUE_FLAGS.has(previous)) return valueOf(previous, '', current) ?? [];
    if (current.startsWith('-')) return optionFlags(optionsOf, !ctx.command && !ctx.parent && !ctx.help).filter((f) => f.startsWith(current));
  }

  // A cached name or identifier that begins with '-' (`--api=http://…`) would be read as an
  // option once on the line: offered only after `--`.
  const notOptions = (candidates: string[]) => (ctx.argsOnly ? candidates : candidates.filter((c) => !c.startsWith('-')));
  const commandNames = commands.map((c) => c.name);
  if (ctx.help) return ctx.args.length === 0 ? fitting(commandNames) : [];
  if (ctx.parent) return fitting(ctx.parent.subcommands!.map((c) => c.name));
  if (!ctx.command) return notOptions(fitting([...commandNames, HELP_COMMAND, ...cached().words(typed)]));

  const { path, args } = ctx;
  if (path === 'show') {
    if (args.length === 0) return notOptions(fitting(cached().words(typed)));
    const typedArgs = fold(args.join(' '));
    return notOptions(nameContinuations(cached().names(typedArgs), typedArgs, current));
  }
  if (path === 'completion') return args.length === 0 ? fitting(SHELLS) : [];
  if (path === 'config get' || path === 'config unset' || path === 'config set') {
    if (args.length === 0) return fitting(SAVED);
    if (path === 'config set' && args.length === 1 && (SAVED as string[]).includes(args[0]!)) {
      const key = args[0] as SettingKey;
      return notOptions(key === 'favorites' ? favoriteCandidates(cached(), current) : fitting(new Set(valuesOf(key, cached))));
    }
  }
  return [];
}

/** What a setting takes, for completion: its listed values; regions also from the cache. */
function valuesOf(key: SettingKey, cached: () => Cached): string[] {
  const values = [...(settingDef(key).values ?? [])];
  if (key === 'region') values.push(...cached().regions());
  return values;
}

/** Each restaurant's identifier and name (the name alone when they differ only in case or accents). */
function restaurantWords(restaurants: Restaurant[]): Word[] {
  return restaurants.flatMap((r) => {
    const [id, name] = [word(r.id), word(r.name)];
    return id.folded === name.folded ? [name] : [id, name];
  });
}

/**
 * `restaurant-menu sven <TAB>` → `Dufva`: the rest of each name that begins with the words
 * typed. One pass over each name's first MATCHED_LENGTH characters, each word folded once,
 * stopping at the first word that does not continue what was typed. Where words that fold to
 * nothing (`-`) make several places fit (`Café - Bar` after `cafe`), the first and the last are
 * offered (`- Bar`, `Bar`).
 */
function nameContinuations(names: (string | Word)[], typed: string, current: string): string[] {
  const want = fold(current);
  const out = new Set<string>();
  for (const entry of names) {
    const name = typeof entry === 'string' ? entry : entry.text;
    // A plain name, folded to itself in lower case (`Restaurang Bikupan`): its words are those of
    // its folded form, at the same places, so the rest after what was typed is read off that.
    const plain = typeof entry === 'string' ? undefined : entry.folded;
    if (plain !== undefined && name.length <= MATCHED_LENGTH && plain.length === name.length && plain === name.toLowerCase()) {
      if (typed && plain.charCodeAt(typed.length) === 32 /* space */ && plain.startsWith(typed) && plain.startsWith(want, typed.length + 1)) out.add(name.slice(typed.length + 1));
      continue;
    }
    const matched = head(name);
    const fits: number[] = [];
    let at = 0; // how much of `typed` the words so far cover
    for (let start = 0; start < matched.length; ) {
      const space = matched.indexOf(' ', start);
      const end = space < 0 ? matched.length : space;
      // A word cut off at the end of the matched part ends nowhere.
      if (space < 0 && matched.length < name.length && name[end] !== ' ') break;
      const folded = end > start ? foldFast(matched.slice(start, end)) : '';
      if (folded) {
        const sep = at > 0 ? 1 : 0;
        if ((sep && typed[at] !== ' ') || !typed.startsWith(folded, at + sep)) break;
        at += sep + folded.length;
      }
      if (at === typed.length && end > start) fits.push(end);
      start = end + 1;
    }
    for (const end of new Set([fits[0], fits.at(-1)])) {
      if (end === undefined) continue;
      const rest = name.slice(end).split(' ').filter(Boolean).join(' ');
      if (rest && foldHead(rest).startsWith(want)) out.add(rest);
    }
  }
  return [...out];
}

/** `config set favorites bikupan,<TAB>`: favourites are a comma-separated list of identifiers. */
function favoriteCandidates(cached: Cached, current: string): string[] {
  const comma = current.lastIndexOf(',');
  const listed = current.slice(0, comma + 1);
  const chosen = new Set(listed.split(',').map((s) => s.trim()));
  return cached
    .ids(fold(current.slice(comma + 1)))
    .filter((id) => !chosen.has(id))
    .map((id) => listed + id);
}

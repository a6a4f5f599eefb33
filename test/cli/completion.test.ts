// Shell completion's candidates, computed in-process: `complete()` with the real command and
// settings tables and a disk cache written into a temp dir (the real restaurant list). What each
// shell does with them is tested through the shells themselves in completion.e2e.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CommandSpec } from '../../src/cli/command.js';
import { COMMANDS } from '../../src/commands/index.js';
import { bashReplies, bashWord, complete, main } from '../../src/completion/complete.js';
import { completionScript } from '../../src/completion/scripts.js';
import type { Io } from '../../src/cli/io.js';
import { longFlag, settingDef } from '../../src/settings/table.js';
import { RESTAURANTS } from '../helpers/menu-api.js';

const COMMAND_WORDS = ['show', 'today', 'find', 'serve', 'cache', 'config', 'completion', 'help'];
const IDS = RESTAURANTS.map((r) => r.identifier);
const NAMES = RESTAURANTS.map((r) => r.name.trim());
/** What the first word offers: ids and names, except `elma`, whose name `Elma` differs only in case. */
const RESTAURANT_WORDS = [...IDS.filter((id) => id !== 'elma'), ...NAMES];
const REGIONS = ['all', 'uppsala', 'solna', 'ki', 'karolinska', 'karolinska institutet', 'biomedicum', 'bmc', 'uu', 'uppsala universitet', 'uppsala university'];
const DIETS = ['any', 'vegan', 'vegetarian', 'pescetarian', 'fish', 'meat'];
const SAVED_KEYS = ['api', 'timeout', 'ttl', 'region', 'diet', 'english', 'favorites', 'concurrency', 'color'];
const TODAY_OPTIONS = ['--region', '--diet', '--english', '--no-english', '--favorites', '--concurrency', '--api', '--timeout', '--ttl', '--refresh', '--no-cache', '--json', '--color', '--no-color', '--help'];

/** The cache as the CLI writes it: the model's restaurants under `<api base>/restaurant`. */
function cacheBody(restaurants = RESTAURANTS) {
  const body = restaurants.map((r) => ({ id: r.identifier, name: r.name, region: r.region, homepage: String(r.homepage ?? ''), menuUrl: String(r.menuUrl ?? ''), mapUrl: '' }));
  return { format: 1, entries: { 'https://menu.dckube.scilifelab.se/api/restaurant': { fetchedAt: Date.now(), body } } };
}

let home: string;
let env: Record<string, string>;
const cacheFile = () => join(home, '.cache', 'restaurant-menu', 'cache.json');
function writeCache(content: unknown) {
  mkdirSync(join(home, '.cache', 'restaurant-menu'), { recursive: true });
  writeFileSync(cacheFile(), typeof content === 'string' ? content : JSON.stringify(content));
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'rm-complete-'));
  env = { HOME: home, XDG_CACHE_HOME: join(home, '.cache') };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** The candidates for the last of `words` (the line as typed, after the program name). */
const candidates = (...words: string[]) => complete(COMMANDS, words.length - 1, words, env);

describe('with the real restaurant list in the cache', () => {
  beforeEach(() => writeCache(cacheBody()));

  test.each([
    // The first word: a command, or a restaurant (the bare form runs `show`).
    [[''], [...COMMAND_WORDS, ...RESTAURANT_WORDS]],
    [['tod'], ['today']],
    [['co'], ['config', 'completion']],
    [['he'], ['help']],
    [['jons'], ['jons', 'Jöns Jacob']], // accents folded
    [['JÖNS J'], ['Jöns Jacob']],
    [['sven'], ['Sven Dufva']], // a name with a space, as one candidate
    [['"Sven D'], ['Sven Dufva']], // a word begun with a quote
    [['Livet\\ ['], ['livet', 'Livet [Restaurant]']],
    [['el'], ['Elma']],
    [['cafe'], ['Café Biomedicum', 'Café Delta', 'Café Erik Jorpes']],
    [['nothing-like-it'], []],
    // Options come before the name, and the command word may follow them.
    [['--json', 'tod'], ['today']],
    [['--region', 'ki', 'sv'], ['Sven Dufva', 'svarta', 'Svarta Räfven']],
    // After `--`, every word is a name (`restaurant-menu -- today` looks up a restaurant).
    [['--', 'tod'], []],
    [['--', 's'], ['Sven Dufva', 'street', 'STHLM Street Lunch', 'svarta', 'Svarta Räfven']],
    // More words of a name typed without quotes: the rest of the names they begin.
    [['sven', ''], ['Dufva']],
    [['restaurang', ''], ['Bikupan', 'Hubben', 'Nanna Svartz', 'Omni']],
    [['restaurang', 'n'], ['Nanna Svartz']],
    [['show', 'jons', 'j'], ['Jacob']],
    [['show', 'sv'], ['svarta', 'Svarta Räfven', 'Sven Dufva']],
    [['dufva', ''], []],
  ])('%j → %j', (words, expected) => {
    expect(sorted(candidates(...words))).toEqual(sorted(expected));
  });

  test.each([
    // Option values: regions and their aliases, diets, colours, ...
    [['--region', ''], REGIONS],
    [['--region', 'k'], ['ki', 'karolinska', 'karolinska institutet']],
    [['today', '--region', 'UPP'], ['uppsala', 'uppsala universitet', 'uppsala university']],
    [['--diet', ''], DIETS],
    [['find', 'lax', '--diet', 'veg'], ['vegan', 'vegetarian']],
    [['--color', ''], ['auto', 'always', 'never']],
    [['today', '--color', 'a'], ['auto', 'always']],
    [['--open', ''], ['map', 'menu', 'homepage']],
    [['serve', '--log-level', ''], ['error', 'warn', 'info', 'debug']],
    [['serve', '--log-format', 't'], ['text']],
    // Values that are not a list offer nothing (not file names, not commands).
    [['--api', ''], []],
    [['serve', '--ttl', ''], []],
    [['--timeout', '3'], []],
    // `--region=k` is one word in zsh and fish: the candidates keep the option.
    [['--region=k'], ['--region=ki', '--region=karolinska', '--region=karolinska institutet']],
    [['today', '--diet=v'], ['--diet=vegan', '--diet=vegetarian']],
    [['--api=h'], []],
    // bash splits it at `=` into three words and replaces only what follows the `=`.
    [['--region', '=', 'k'], ['ki', 'karolinska', 'karolinska institutet']],
    [['--region', '='], REGIONS],
    [['--color', '=', 'n'], ['never']],
    // A value given, the next word is a command or a name again.
    [['--region', '=', 'ki', 'tod'], ['today']],
    [['--region', 'ki', 'tod'], ['today']],
    [['--diet', 'vegan', 'sven'], ['Sven Dufva']],
  ])('values: %j → %j', (words, expected) => {
    expect(sorted(candidates(...words))).toEqual(sorted(expected));
  });

  test.each([
    // Each command's own options (and --help); the program's also --version.
    [['today', '--'], TODAY_OPTIONS],
    [['today', '--c'], ['--concurrency', '--color']],
    [['today', '--no-'], ['--no-english', '--no-cache', '--no-color']],
    [['--ope'], ['--open']],
    [['--ver'], ['--version']],
    [['dufva', '--js'], ['--json']],
    [['find', '--op'], []], // --open is show's alone
    [['serve', '--max-'], ['--max-stale', '--max-entries', '--max-bytes']],
    [['cache', 'info', '--'], ['--json', '--color', '--no-color', '--help']],
    [['config', 'set', '--'], ['--api', '--timeout', '--json', '--help']],
    [['config', '--'], ['--help']],
  ])('options: %j → %j', (words, expected) => {
    expect(sorted(candidates(...words))).toEqual(sorted(expected));
  });

  test.each([
    [['config', ''], ['get', 'set', 'unset', 'list', 'path']],
    [['config', 'u'], ['unset']],
    [['cache', ''], ['path', 'info', 'clear']],
    [['config', 'set', ''], SAVED_KEYS],
    [['config', 'get', 'd'], ['diet']],
    [['config', 'unset', 'co'], ['concurrency', 'color']],
    [['config', 'set', 'diet', ''], DIETS],
    [['config', 'set', 'diet', 'p'], ['pescetarian']],
    [['config', 'set', '"diet"', ''], DIETS], // words before are read as the shell will pass them
    [['config', 'set', 'favo\\rites', 'o'], ['omni']],
    [['config', 'set', 'region', 'kar'], ['karolinska', 'karolinska institutet']],
    [['config', 'set', 'english', ''], ['true', 'false']],
    [['config', 'set', 'color', ''], ['auto', 'always', 'never']],
    [['config', 'set', 'favorites', ''], IDS],
    [['config', 'set', 'favorites', 'j'], ['jons', 'jorpes']],
    // Favourites are a comma-separated list: complete its last item, without repeats.
    [['config', 'set', 'favorites', 'jons,'], IDS.filter((id) => id !== 'jons').map((id) => `jons,${id}`)],
    [['config', 'set', 'favorites', 'bikupan,d'], ['bikupan,delta', 'bikupan,dufva']],
    [['config', 'set', 'api', ''], []],
    [['config', 'set', 'nonsense', ''], []],
    [['config', 'set', 'diet', 'vegan', ''], []],
    [['config', 'list', ''], []],
    [['config', 'bogus', ''], []],
    [['completion', ''], ['bash', 'zsh', 'fish']],
    [['completion', 'z'], ['zsh']],
    [['completion', 'bash', ''], []],
    [['help', ''], COMMAND_WORDS.filter((w) => w !== 'help')],
    [['help', 'c'], ['cache', 'config', 'completion']],
    [['today', ''], []],
    [['find', ''], []],
  ])('commands: %j → %j', (words, expected) => {
    expect(sorted(candidates(...words))).toEqual(sorted(expected));
  });

  test('every command, subcommand, option and listed option value of the tables is offered', () => {
    expect(sorted(candidates('').filter((c) => !RESTAURANT_WORDS.includes(c)))).toEqual(sorted([...COMMANDS.map((c) => c.name), 'help']));
    const leaves = (COMMANDS as readonly CommandSpec[]).flatMap((c) => (c.subcommands ?? [c]).map((s) => ({ words: s === c ? [c.name] : [c.name, s.name], options: s.options ?? [] })));
    expect(leaves).toHaveLength(13);
    for (const command of COMMANDS as readonly CommandSpec[]) {
      expect(sorted(candidates(command.name, ''))).toEqual(command.subcommands ? sorted(command.subcommands.map((s) => s.name)) : expect.any(Array));
    }
    for (const { words, options } of leaves) {
      const flags = candidates(...words, '--');
      for (const key of options) {
        const def = settingDef(key);
        const flag = longFlag(key)!;
        expect(flags).toContain(flag);
        if (def.negate) expect(flags).toContain(def.negate);
        if (def.flag!.includes('<')) expect(sorted(candidates(...words, flag, ''))).toEqual(sorted([...(def.values ?? [])]));
      }
    }
  });

  test('a region only the cache knows is offered too', () => {
    writeCache(cacheBody([...RESTAURANTS, { identifier: 'kc', name: 'Kemicentrum', region: 'Lund' }]));
    expect(candidates('--region', 'l')).toEqual(['lund']);
    expect(candidates('config', 'set', 'region', 'l')).toEqual(['lund']);
  });

  test('a cached name that begins with "-" is offered only after --: on the line it would be read as an option', () => {
    writeCache(cacheBody([...RESTAURANTS, { identifier: 'evil', name: '--api=http://evil.example', region: 'Uppsala' }, { identifier: 'cafe', name: 'Cafe --api=http://evil.example', region: 'Uppsala' }]));
    expect(candidates('')).not.toContain('--api=http://evil.example');
    expect(candidates('show', '')).not.toContain('--api=http://evil.example');
    expect(candidates('cafe', '')).not.toContain('--api=http://evil.example');
    expect(candidates('config', 'set', 'favorites', '')).not.toContain('--api=http://evil.example');
    expect(candidates('--', '')).toContain('--api=http://evil.example');
  });

  test('restaurants from every API base in the cache, each once', () => {
    const one = cacheBody();
    const other = cacheBody([RESTAURANTS[0]!, { identifier: 'relay', name: 'Relay Only', region: 'Solna' }]).entries['https://menu.dckube.scilifelab.se/api/restaurant'];
    writeCache({ ...one, entries: { ...one.entries, 'http://relay.example/restaurant': other } });
    expect(sorted(candidates('re'))).toEqual(sorted(['relay', 'Relay Only', 'Restaurang Bikupan', 'Restaurang Hubben', 'Restaurang Nanna Svartz', 'Restaurang Omni']));
    expect(candidates('bik')).toEqual(['bikupan']);
  });
});

describe('without a usable cache: commands and options, no restaurant, no error', () => {
  test.each([
    ['no cache file', () => {}],
    ['not JSON', () => writeCache('{"format": 1, "entries": {"https://x/restaurant": ')],
    ['another format', () => writeCache({ format: 99, entries: cacheBody().entries })],
    ['entries not an object', () => writeCache({ format: 1, entries: [1, 2] })],
    ['a list of the wrong shape', () => writeCache({ format: 1, entries: { 'https://x/restaurant': { fetchedAt: 1, body: [{ id: 5 }, null] } } })],
    ['a body that is not a list', () => writeCache({ format: 1, entries: { 'https://x/restaurant': { fetchedAt: 1, body: 'none' } } })],
    ['a directory in its place', () => mkdirSync(cacheFile(), { recursive: true })],
    ['an empty file', () => writeCache('')],
  ])('%s', (_, damage) => {
    damage();
    expect(candidates('')).toEqual(COMMAND_WORDS);
    expect(candidates('sv')).toEqual([]);
    expect(candidates('--region', '')).toEqual(REGIONS);
    expect(candidates('config', 'set', 'favorites', '')).toEqual([]);
  });

  test('a cache file that is a FIFO does not hang completion', () => {
    mkdirSync(join(home, '.cache', 'restaurant-menu'), { recursive: true });
    expect(spawnSync('mkfifo', [cacheFile()]).status).toBe(0);
    expect(candidates('')).toEqual(COMMAND_WORDS);
  });
});

describe('__complete, as the scripts call it', () => {
  function io() {
    const out = { stdout: '', stderr: '' };
    const value: Io = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, env, now: Date.now };
    return { io: value, out };
  }

  test('prints one candidate a line, a name with spaces as one line', async () => {
    writeCache(cacheBody());
    const { io: value, out } = io();
    expect(await main(['__complete', '0', '--', 'sv'], value)).toBe(0);
    expect(out.stdout).toBe('Sven Dufva\nsvarta\nSvarta Räfven\n');
    expect(out.stderr).toBe('');
  });

  test('the index may point past the last word: an empty word is completed', async () => {
    const { io: value, out } = io();
    expect(await main(['__complete', '1', '--', 'completion'], value)).toBe(0);
    expect(out.stdout).toBe('bash\nzsh\nfish\n');
  });

  test.each([[['__complete']], [['__complete', 'x', '--', 'a']], [['__complete', '-1', '--', 'a']], [['__complete', '1.5', '--']]])('%j prints nothing', async (argv) => {
    const { io: value, out } = io();
    expect(await main(argv, value)).toBe(2);
    expect(out).toEqual({ stdout: '', stderr: '' });
  });
});

describe('bash: each candidate quoted for the state of the word it completes', () => {
  test.each([
    // [candidate, no quote, in double quotes, in single quotes]
    ['Sven Dufva', 'Sven\\ Dufva', '"Sven Dufva', "'Sven Dufva"],
    ['Jöns Jacob', 'Jöns\\ Jacob', '"Jöns Jacob', "'Jöns Jacob"],
    ['Qq"; touch ~/pwned #', 'Qq\\"\\;\\ touch\\ \\~/pwned\\ \\#', '"Qq\\"; touch ~/pwned #', '\'Qq"; touch ~/pwned #'],
    ["Ss'; touch ~/pwned #", "Ss\\'\\;\\ touch\\ \\~/pwned\\ \\#", '"Ss\'; touch ~/pwned #', "'Ss'\\''; touch ~/pwned #"],
    ['Dd $(touch ~/pwned)', 'Dd\\ \\$\\(touch\\ \\~/pwned\\)', '"Dd \\$(touch ~/pwned)', "'Dd $(touch ~/pwned)"],
    ['Bq `x`', 'Bq\\ \\`x\\`', '"Bq \\`x\\`', "'Bq `x`"],
    // `!` outside the double quotes: a backslash inside them would stay in the word.
    ['Yo! Sushi', 'Yo\\!\\ Sushi', '"Yo"\\!" Sushi', "'Yo! Sushi"],
    // Ending with the quote character (escaped or reopened): the word closes it itself.
    ['Ee "end"', 'Ee\\ \\"end\\"', '"Ee \\"end\\""', '\'Ee "end"'],
    ['Ee!', 'Ee\\!', '"Ee"\\!""', "'Ee!"],
    ["Aa 'end'", "Aa\\ \\'end\\'", '"Aa \'end\'', "'Aa '\\''end'\\'''"],
    ['back\\', 'back\\\\', '"back\\\\', "'back\\"],
    // `:` stays bare: readline splits the word there, and what precedes it stays as typed.
    ['{a,b}*?[x]=y:z', '\\{a,b\\}\\*\\?\\[x\\]\\=y:z', '"{a,b}*?[x]=y:z', "'{a,b}*?[x]=y:z"],
  ])('%s', (candidate, bare, double, single) => {
    expect(bashWord(candidate, '')).toBe(bare);
    expect(bashWord(candidate, '"')).toBe(double);
    expect(bashWord(candidate, "'")).toBe(single);
  });

  test.each([
    // [candidates, word (COMP_WORDS), text readline replaces ($2), replies]
    [['Sven Dufva'], 'sv', 'sv', ['Sven\\ Dufva']],
    [['Sven Dufva'], '"sv', 'sv', ['Sven Dufva']],
    [['Qq"; touch ~/pwned #'], '"q', 'q', ['Qq\\"; touch ~/pwned #']],
    [["Ss'; touch ~/pwned #"], "'s", 's', ["Ss'\\''; touch ~/pwned #"]],
    // Not called by readline ($2 missing): as readline would have called it.
    [['Qq"; touch ~/pwned #'], '"q', undefined, ['Qq\\"; touch ~/pwned #']],
    // After a <TAB> that closed and reopened the quote, readline replaces what follows the last quote.
    [['Yo! Sushi', 'Yo! Salad'], '"Yo"\\!" S', ' S', [' Sushi', ' Salad']],
    [["Ss'; touch ~/pwned #"], "'ss'\\''; t", '; t', ['; touch ~/pwned #']],
    // What stays on the line must begin the quoted word (in any case): otherwise nothing.
    [["Ss'; touch ~/pwned #"], "'ss'; t", ' t', []],
    [['Sven Dufva'], 'x"sv', 'sv', []],
    // bash splits `--color=` into `--color`, `=`: the values go after the `=`.
    [['auto'], '=', '', ['auto']],
    [['karolinska institutet'], 'k', 'k', ['karolinska\\ institutet']],
    // A name with a colon, typed up to it: readline replaces what follows the colon.
    [['Bar: Foo'], 'bar:', '', ['\\ Foo']],
  ])('%j, word %j, text %j → %j', (candidates, word, text, replies) => {
    expect(bashReplies(candidates, word, text)).toEqual(replies);
  });
});

describe('__complete names its shell', () => {
  const HOSTILE = ['Qq"; touch ~/pwned #', "Ss'; touch ~/pwned #", 'Dd $(touch ~/pwned)', 'Yo! Sushi'];
  beforeEach(() => writeCache(cacheBody([...RESTAURANTS, ...HOSTILE.map((name, i) => ({ identifier: `evil${i}`, name, region: 'Solna' }))])));

  async function run(...argv: string[]) {
    let stdout = '';
    const value: Io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => {} }, env, now: Date.now };
    expect(await main(['__complete', ...argv], value)).toBe(0);
    return stdout.split('\n').slice(0, -1);
  }

  test('bash: quoted for the line', async () => {
    expect(await run('0', '--shell', 'bash', '--text', 'q', '--', '"q')).toEqual(['Qq\\"; touch ~/pwned #']);
    expect(await run('0', '--shell', 'bash', '--', 'dd')).toEqual(['Dd\\ \\$\\(touch\\ \\~/pwned\\)']);
  });

  test('zsh and fish: bare (they quote for the line)', async () => {
    expect(await run('0', '--shell', 'zsh', '--', '"q')).toEqual(['Qq"; touch ~/pwned #']);
    expect(await run('0', '--shell', 'fish', '--', "'s")).toEqual(expect.arrayContaining(["Ss'; touch ~/pwned #"]));
  });

  test('no shell named (a script of an older version): no candidate that would break out of the quote its word begins with', async () => {
    expect(await run('0', '--', '"q')).toEqual([]);
    expect(await run('0', '--', '"y')).toEqual([]);
    expect(sorted(await run('0', '--', "'s"))).toEqual(sorted(['show', 'serve', 'street', 'STHLM Street Lunch', 'svarta', 'Svarta Räfven', 'Sven Dufva']));
    // Unquoted, that script quoted every candidate itself (printf %q).
    expect(await run('0', '--', 'q')).toEqual(['Qq"; touch ~/pwned #']);
  });
});

describe('the scripts', () => {
  test.each([
    ['bash', /complete -F _restaurant_menu restaurant-menu/],
    ['zsh', /^#compdef restaurant-menu\n/],
    ['fish', /complete -c restaurant-menu -f -a '\(__restaurant_menu_complete\)'/],
    [' ZSH ', /^#compdef restaurant-menu\n/],
  ])('%s', (shell, pattern) => {
    const script = completionScript(shell);
    expect(script).toMatch(pattern);
    // It calls the binary back, naming its shell.
    expect(script).toContain('__complete');
    expect(script).toContain(`--shell ${shell.trim().toLowerCase()}`);
  });

  test('an unknown shell is a usage error naming the shells', () => {
    expect(() => completionScript('powershell')).toThrow(/no completion for 'powershell': choose bash, zsh or fish/);
  });
});

function sorted(xs: readonly string[]): string[] {
  return [...xs].sort();
}

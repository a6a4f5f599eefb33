// Shell completion through the real shells and their own completion machinery, with the built
// binary on PATH (as `restaurant-menu`, through a wrapper script) and a disk cache filled by a
// real lookup against the stand-in API:
//   bash: the script registered with `complete -F`, called as readline would (COMP_WORDS/COMP_CWORD);
//   zsh:  an interactive zsh on a pseudo-terminal (zsh/zpty) with compinit; keys are typed, <TAB>
//         runs compinit's completion, which calls the script's function and compadd; the line is read back;
//   fish: `complete --do-complete`, fish's own completion of a command line.
// The stand-in API is also the API every shell's environment names: completing must not call it.
// zsh and fish are Debian packages CI installs; when one is missing its tests fail and say which.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { outsideFaketime } from './helpers/redis-server.js';
import { BIN, sandbox, useBinary } from './helpers/run-cli.js';

const REGIONS = ['all', 'biomedicum', 'bmc', 'karolinska', 'karolinska institutet', 'ki', 'solna', 'uppsala', 'uppsala universitet', 'uppsala university', 'uu'];
const DIETS = ['any', 'fish', 'meat', 'pescetarian', 'vegan', 'vegetarian'];
const SHELL_TIMEOUT_MS = 30_000;

const t = useBinary();
/** The cache file a real lookup wrote, with the real restaurant list: each test's HOME starts with it. */
let seededCache: string;
/** The environment the shells run in: the test's HOME, the wrapper first on PATH, the stand-in as API. */
let env: Record<string, string>;
const cacheFileOf = (box: { env: Record<string, string> }) => join(box.env.XDG_CACHE_HOME!, 'restaurant-menu', 'cache.json');

beforeAll(async () => {
  const seed = sandbox();
  try {
    const r = await seed.run(['--api', t.api.url, 'sven dufva']);
    expect(r.code, r.stderr).toBe(0);
    seededCache = readFileSync(cacheFileOf(seed), 'utf8');
  } finally {
    seed.cleanup();
  }
});

beforeEach(() => {
  t.api.reset();
  mkdirSync(join(t.box.env.XDG_CACHE_HOME!, 'restaurant-menu'), { recursive: true });
  writeFileSync(cacheFileOf(t.box), seededCache);
  const bin = join(t.box.home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'restaurant-menu'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'restaurant-menu'), 0o755);
  // Completion needs no pinned clock; without the preload each <TAB> starts as a user's does.
  const { NODE_OPTIONS: _, RESTAURANT_MENU_TEST_CLOCK: __, ...rest } = t.box.env;
  env = { ...rest, PATH: `${bin}:${t.box.env.PATH ?? '/usr/bin:/bin'}`, LANG: 'C.UTF-8', TERM: 'dumb', RESTAURANT_MENU_API: t.api.url };
});

/**
 * Runs a shell to the end, within a bound; a hang fails with what it printed so far. Outside
 * libfaketime when any-day.sh preloads it (completion has no clock; see outsideFaketime).
 */
function runShell(argv: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const [command, args, shellEnv] = outsideFaketime(argv[0]!, argv.slice(1), { ...env, ...extraEnv });
    const child = spawn(command, args, { env: shellEnv, stdio: ['ignore', 'pipe', 'pipe'], cwd: t.box.home });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${argv[0]} did not finish within ${SHELL_TIMEOUT_MS / 1000}s.\nstdout so far: ${JSON.stringify(stdout)}\nstderr: ${stderr}`));
    }, SHELL_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A shell the tests need: missing, the tests fail (never skip) and name the Debian package. */
function requireShell(shell: string, debianPackage: string): void {
  const probe = spawnSync(shell, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`${shell} is not installed, and the completion tests run it: install the Debian package '${debianPackage}' (apt-get install ${debianPackage})`);
  }
}

const sorted = (xs: string[]) => [...xs].sort();

describe('bash', () => {
  beforeEach(() => requireShell('bash', 'bash'));

  /**
   * Loads the script as docs/completion.md says into a bash without rc files (so without the
   * bash-completion package), prints what
   * `complete -p` says, then calls the function it registered as readline would for the words
   * typed (the last one is being completed) and prints COMPREPLY, NUL-separated.
   */
  async function bashComplete(...typed: string[]) {
    const script = `
      eval "$(restaurant-menu completion bash)" || exit 3
      complete -p restaurant-menu || exit 4
      spec=$(complete -p restaurant-menu); fn=\${spec#*-F }; fn=\${fn%% *}
      COMP_WORDS=(restaurant-menu "$@"); COMP_CWORD=$#
      COMP_LINE="\${COMP_WORDS[*]}"; COMP_POINT=\${#COMP_LINE}
      "$fn" restaurant-menu "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
      printf '%s\\0' "\${COMPREPLY[@]}"`;
    const r = await runShell(['bash', '--norc', '--noprofile', '-c', script, 'bash', ...typed]);
    expect(r.code, r.stderr).toBe(0);
    const [registration, ...rest] = r.stdout.split('\n');
    const replies = rest.join('\n').split('\0').slice(0, -1);
    return { registration, replies };
  }

  test('the script registers a function with complete -F, and a command completes', async () => {
    const { registration, replies } = await bashComplete('tod');
    expect(registration).toBe('complete -F _restaurant_menu restaurant-menu');
    expect(replies).toEqual(['today']);
  });

  test('appended to ~/.bashrc, as docs/completion.md says, it registers the same way', async () => {
    const r = await runShell(['sh', '-c', 'restaurant-menu completion bash >> ~/.bashrc && bash --norc --noprofile -c "source ~/.bashrc && complete -p restaurant-menu"']);
        expect(r.stdout, r.stderr).toBe('complete -F _restaurant_menu restaurant-menu\n');
  });

  test('the first word: commands and the cached restaurants', async () => {
    const { replies } = await bashComplete('');
    expect(replies).toEqual(expect.arrayContaining(['today', 'config', 'bikupan', 'Restaurang\\ Bikupan', 'Jöns\\ Jacob']));
    expect(replies).toHaveLength(8 + 18 * 2 - 1);
  });

  test('option values: --region <TAB>, with a value that has a space quoted', async () => {
    const { replies } = await bashComplete('--region', '');
    expect(sorted(replies)).toEqual(sorted(REGIONS.map((r) => r.replace(/ /g, '\\ '))));
  });

  test('--region=<TAB>: bash splits the word at "=", the values follow it', async () => {
    expect(sorted((await bashComplete('--region', '=', 'k')).replies)).toEqual(['karolinska', 'karolinska\\ institutet', 'ki']);
    expect((await bashComplete('today', '--color', '=')).replies).toEqual(['auto', 'always', 'never']);
  });

  test('a restaurant name with spaces comes back shell-quoted, and bash reads it back as one word', async () => {
    const { replies } = await bashComplete('sven');
    expect(replies).toEqual(['Sven\\ Dufva']);
    const words = await runShell(['bash', '--norc', '--noprofile', '-c', 'eval "words=($1)"; printf "%s\\0" "${words[@]}"', 'bash', replies[0]!]);
    expect(words.stdout.split('\0').slice(0, -1)).toEqual(['Sven Dufva']);
    // A name with glob characters is quoted too; accents are folded for matching.
    expect((await bashComplete('livet\\ [')).replies).toEqual(['livet', 'Livet\\ \\[Restaurant\\]']);
    expect((await bashComplete('jons')).replies).toEqual(['jons', 'Jöns\\ Jacob']);
  });

  test('a word begun with a quote gets the bare name (readline closes the quote)', async () => {
    expect((await bashComplete('"Sven D')).replies).toEqual(['Sven Dufva']);
  });

  test('config set diet <TAB>, config set <TAB>, completion <TAB>', async () => {
    expect(sorted((await bashComplete('config', 'set', 'diet', '')).replies)).toEqual(DIETS);
    expect((await bashComplete('config', 'set', '')).replies).toEqual(['api', 'timeout', 'ttl', 'region', 'diet', 'english', 'favorites', 'concurrency', 'color']);
    expect((await bashComplete('completion', '')).replies).toEqual(['bash', 'zsh', 'fish']);
  });

  test('today --<TAB>: the options of today', async () => {
    const { replies } = await bashComplete('today', '--c');
    expect(replies).toEqual(['--concurrency', '--color']);
  });

  test('no request reaches the API, even with --api on the line', async () => {
    await bashComplete('--api', t.api.url, 'sv');
    await bashComplete('');
    await bashComplete('config', 'set', 'favorites', '');
    expect(t.api.totalCalls()).toBe(0);
  });
});

// Interactive zsh on a pseudo-terminal: .zshrc loads compinit and the script as a user would;
// two test widgets read the result. ^T prints the line (and its words, unquoted, as zsh parses
// them) and clears it. ^G asks the next completion to insert every match, so that a list of
// candidates can be read from the line: a completion function (comppostfuncs) sets
// compstate[insert]=all after compinit's own completion has run. Without ^G, <TAB> does what
// it does for a user.
const ZSHRC_TESTING = `
_rm_test_insert_all() { compstate[insert]=all; compstate[list]=''; }
_rm_test_arm() { comppostfuncs=(_rm_test_insert_all); }
zle -N _rm_test_arm; bindkey '^G' _rm_test_arm
_rm_test_dump() { zle -I; print -r -- '<<BUFFER'; print -r -- "$BUFFER"; print -rl -- '<<WORDS' "\${(@Q)\${(@z)BUFFER}}" '<<END>>'; BUFFER=''; }
zle -N _rm_test_dump; bindkey '^T' _rm_test_dump
print '<<READY>>'
`;

const ZSH_DRIVER = `
zmodload zsh/zpty || { print -u2 'the zsh/zpty module is missing'; exit 3 }
zpty rm 'zsh -i'
zpty -r rm out '*<<READY>>*' || exit 4
for keys in "$@"; do
  zpty -w -n rm "$keys"
  zpty -r rm out '*<<END>>*' || exit 5
  print -rn -- "$out"
done
zpty -d rm
`;

describe('zsh', () => {
  beforeEach(() => requireShell('zsh', 'zsh'));

  interface Typed {
    /** What is typed before <TAB>. */
    line: string;
    /** Insert every match (to read a list of candidates) instead of what <TAB> does alone. */
    all?: boolean;
  }

  /** Types each line and <TAB> into one interactive zsh; returns the line after each completion. */
  async function zshComplete(zshrc: string, ...typed: Typed[]) {
    const zdotdir = join(t.box.home, 'zdotdir');
    mkdirSync(zdotdir);
    writeFileSync(join(zdotdir, '.zshrc'), `PS1='%% '\n${zshrc}\n${ZSHRC_TESTING}`);
    const driver = join(zdotdir, 'driver.zsh');
    writeFileSync(driver, ZSH_DRIVER);
    const keys = typed.map((t) => `${t.all ? '\x07' : ''}${t.line}\t\x14`);
    const r = await runShell(['zsh', '-f', driver, ...keys], { ZDOTDIR: zdotdir });
    expect(r.code, `${r.stderr}\n${r.stdout}`).toBe(0);
    const results = [...r.stdout.replace(/\r/g, '').matchAll(/<<BUFFER\n(.*)\n<<WORDS\n([\s\S]*?)<<END>>/g)].map((m) => ({
      buffer: m[1]!,
      words: m[2]!.split('\n').slice(0, -1),
    }));
    expect(results, r.stdout).toHaveLength(typed.length);
    return results;
  }

  const EVAL_SETUP = 'autoload -U compinit && compinit -u -D\neval "$(restaurant-menu completion zsh)"';

  test('loaded with eval after compinit: commands, option values, names, config keys and values', async () => {
    const [today, regions, sven, jons, diet, veg, keys, shells, eq] = await zshComplete(
      EVAL_SETUP,
      { line: 'restaurant-menu tod' },
      { line: 'restaurant-menu --region ', all: true },
      { line: 'restaurant-menu sven' },
      { line: 'restaurant-menu jons', all: true },
      { line: 'restaurant-menu config set diet ', all: true },
      { line: 'restaurant-menu config set diet ve' },
      { line: 'restaurant-menu config set ', all: true },
      { line: 'restaurant-menu completion ', all: true },
      { line: 'restaurant-menu --region=k', all: true },
    );
    // A unique match is inserted, with a space after it.
    expect(today!.buffer).toBe('restaurant-menu today ');
    expect(sorted(regions!.words.slice(2))).toEqual(REGIONS);
    expect(regions!.buffer).toContain(' karolinska\\ institutet ');
    // A name with a space is inserted quoted, as one word.
    expect(sven!.buffer).toBe('restaurant-menu Sven\\ Dufva ');
    expect(sven!.words).toEqual(['restaurant-menu', 'Sven Dufva']);
    // Accents folded: compadd -U keeps the name that zsh's own matching would drop.
    expect(sorted(jons!.words.slice(1))).toEqual(['Jöns Jacob', 'jons']);
    expect(sorted(diet!.words.slice(4))).toEqual(DIETS);
    // Ambiguous: <TAB> inserts what the matches share.
    expect(veg!.buffer).toBe('restaurant-menu config set diet veg');
    expect(sorted(keys!.words.slice(3))).toEqual(sorted(['api', 'timeout', 'ttl', 'region', 'diet', 'english', 'favorites', 'concurrency', 'color']));
    expect(sorted(shells!.words.slice(2))).toEqual(['bash', 'fish', 'zsh']);
    expect(sorted(eq!.words.slice(1))).toEqual(['--region=karolinska', '--region=karolinska institutet', '--region=ki']);
    expect(t.api.totalCalls()).toBe(0);
  });

  test('today --<TAB> offers the options of today', async () => {
    const [options] = await zshComplete(EVAL_SETUP, { line: 'restaurant-menu today --c', all: true });
    expect(sorted(options!.words.slice(2))).toEqual(['--color', '--concurrency']);
    expect(t.api.totalCalls()).toBe(0);
  });

  test('saved in a directory of $fpath before compinit (autoloaded by #compdef), it completes at the first <TAB>', async () => {
    // As docs/completion.md says.
    const setup = `mkdir -p ~/.zfunc && restaurant-menu completion zsh > ~/.zfunc/_restaurant-menu
fpath=(~/.zfunc $fpath)
autoload -U compinit && compinit -u -D`;
    const [first, second] = await zshComplete(setup, { line: 'restaurant-menu tod' }, { line: 'restaurant-menu --api x sven' });
    expect(first!.buffer).toBe('restaurant-menu today ');
    expect(second!.buffer).toBe('restaurant-menu --api x Sven\\ Dufva ');
    expect(t.api.totalCalls()).toBe(0);
  });
});

describe('fish', () => {
  beforeEach(() => requireShell('fish', 'fish'));

  /** What fish's own completion offers for each command line (the cursor at its end). */
  async function fishComplete(setup: string, ...lines: string[]): Promise<string[][]> {
    const script = `${setup}
for line in $argv
    complete --do-complete "$line"
    echo '<<END>>'
end`;
    const r = await runShell(['fish', ...(setup ? ['--no-config'] : []), '-c', script, ...lines]);
    expect(r.code, r.stderr).toBe(0);
    const blocks = r.stdout.split('<<END>>\n').slice(0, -1);
    expect(blocks, r.stdout).toHaveLength(lines.length);
    return blocks.map((b) => b.split('\n').filter(Boolean));
  }

  const SOURCED = 'restaurant-menu completion fish | source';

  test('commands, option values, names, config keys and values', async () => {
    const [today, first, regions, sven, diet, keys, shells, options, eq, favorites] = await fishComplete(
      SOURCED,
      'restaurant-menu tod',
      'restaurant-menu ',
      'restaurant-menu --region ',
      'restaurant-menu sven',
      'restaurant-menu config set diet ',
      'restaurant-menu config set ',
      'restaurant-menu completion ',
      'restaurant-menu today --c',
      'restaurant-menu --region=k',
      'restaurant-menu config set favorites bikupan,d',
    );
    expect(today).toEqual(['today']);
    expect(first).toEqual(expect.arrayContaining(['today', 'config', 'help', 'dufva', 'Sven Dufva', 'Livet [Restaurant]']));
    expect(first).toHaveLength(8 + 18 * 2 - 1);
    expect(regions).toEqual(REGIONS);
    expect(sven).toEqual(['Sven Dufva']);
    expect(diet).toEqual(DIETS);
    expect(sorted(keys!)).toEqual(sorted(['api', 'timeout', 'ttl', 'region', 'diet', 'english', 'favorites', 'concurrency', 'color']));
    expect(shells).toEqual(['bash', 'fish', 'zsh']);
    expect(options).toEqual(['--color', '--concurrency']);
    expect(eq).toEqual(['--region=karolinska', '--region=karolinska institutet', '--region=ki']);
    expect(favorites).toEqual(['bikupan,delta', 'bikupan,dufva']);
    expect(t.api.totalCalls()).toBe(0);
  });

  test('saved in ~/.config/fish/completions, fish loads it by itself', async () => {
    mkdirSync(join(t.box.env.XDG_CONFIG_HOME!, 'fish', 'completions'), { recursive: true });
    const saved = await runShell(['sh', '-c', 'restaurant-menu completion fish > ~/.config/fish/completions/restaurant-menu.fish']);
    expect(saved.code, saved.stderr).toBe(0);
    const [today, sven] = await fishComplete('', 'restaurant-menu tod', 'restaurant-menu sven');
    expect(today).toEqual(['today']);
    expect(sven).toEqual(['Sven Dufva']);
    expect(t.api.totalCalls()).toBe(0);
  });
});

test('__complete loads dist/complete.js alone: not the CLI bundle, none of its chunks, not commander or the food glossary', async () => {
  const trace = join(t.box.home, 'trace.txt');
  const hook = fileURLToPath(new URL('./helpers/trace-imports.mjs', import.meta.url));
  const r = await runShell(['restaurant-menu', '__complete', '0', '--', 'sv'], { NODE_OPTIONS: `--import=${hook}`, TRACE_IMPORTS_FILE: trace });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('Sven Dufva\nsvarta\nSvarta Räfven\n');
  const loaded = readFileSync(trace, 'utf8').trim().split('\n').filter((u) => u.includes('/dist/'));
  expect(loaded.map((u) => u.replace(/^.*\/dist\//, 'dist/'))).toEqual(['dist/complete.js']);
  const text = readFileSync(fileURLToPath(loaded[0]!), 'utf8');
  expect(text).not.toContain('unknown option'); // commander's
  expect(text).not.toContain('lingon'); // the glossary's
  expect(t.api.totalCalls()).toBe(0);
});

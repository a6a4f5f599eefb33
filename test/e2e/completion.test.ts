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
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { RESTAURANTS } from '../helpers/menu-api.js';
import { outsideFaketime } from '../helpers/redis-server.js';
import { BIN, sandbox, useBinary } from '../helpers/binary.js';
import { onPty, type Pty } from '../helpers/pty.js';

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

// Restaurant names written to run a command when pasted into a shell line: each is served by the
// API, cached by a real lookup, then completed. `typed` is what the user types of it; each name
// is the only candidate its `typed` fits.
const HOSTILE = [
  { name: 'Qq"; touch ~/pwned #', typed: 'qq' },
  { name: "Ss'; touch ~/pwned #", typed: 'ss' },
  { name: 'Dd $(touch ~/pwned)', typed: 'dd' },
  { name: 'Bq `touch ~/pwned`', typed: 'bq' },
  // History expansion (an interactive bash): !! is the previous line, !-1 too.
  { name: 'Hh!! $(touch ~/pwned) !-1', typed: 'hh' },
  // Ending with a quote character or a backslash: the closing quote must still close.
  { name: 'Ee "end\\"', typed: 'ee' },
  { name: "Aa 'end'", typed: 'aa' },
  { name: 'Tt ~/pwned;{a,b}* \\', typed: 'tt' },
];
/** Two names sharing a prefix with a `!` in it: <TAB> inserts the shared part, a second one the rest. */
const TWINS = ['Yo! Sushi', 'Yo! Salad'];

/** Makes the stand-in serve the hostile restaurants too, and caches the list with a real lookup. */
async function cacheHostileNames() {
  const template = RESTAURANTS.find((r) => r.region === 'Solna')!;
  t.api.restaurants = [
    ...t.api.restaurants,
    ...[...HOSTILE.map((h) => h.name), ...TWINS].map((name, i) => ({ ...template, identifier: `evil${i}`, name })),
  ];
  rmSync(cacheFileOf(t.box));
  const r = await t.box.run(['--api', t.api.url]);
  expect(r.code, r.stderr).toBe(0);
  const cached = readFileSync(cacheFileOf(t.box), 'utf8');
  for (const h of HOSTILE) expect(cached).toContain(JSON.stringify(h.name).slice(1, -1));
  t.api.reset();
}

/**
 * Replaces `restaurant-menu` on PATH by a recorder for every run but completion's: it appends
 * its arguments (NUL-terminated, one run a line) to ~/argv and says <<RAN>>; `records()` reads them.
 */
function recordRuns() {
  const wrapper = join(t.box.home, 'bin', 'restaurant-menu');
  writeFileSync(
    wrapper,
    `#!/bin/sh\ncase $1 in __complete|completion) exec '${process.execPath}' '${BIN}' "$@";; esac\nprintf '%s\\0' "$@" >> "$HOME/argv"; printf '\\n' >> "$HOME/argv"; echo '<<RAN>>'\n`,
  );
  chmodSync(wrapper, 0o755);
  const file = join(t.box.home, 'argv');
  return () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(0, -1).map((run) => run.split('\0').slice(0, -1)) : []);
}

const pwned = () => existsSync(join(t.box.home, 'pwned'));

/** A shell on a pseudo-terminal, keys typed into it. */
const onShellPty = (command: string, extraEnv: Record<string, string> = {}): Pty =>
  onPty(command, { env: { ...env, ...extraEnv }, cwd: t.box.home, timeoutMs: SHELL_TIMEOUT_MS, outsideFaketime: true });

/**
 * Types each line (ending with Enter) at a prompt, each once the line before has run (its
 * <<RAN>>, from recordRuns) and the prompt is back, then `exit`.
 */
async function typeLines(pty: Pty, prompt: string, lines: string[]) {
  for (const [i, line] of [...lines, 'exit\r'].entries()) {
    await pty.waitUntil((out) => {
      const runs = out.split('<<RAN>>');
      return runs.length > i && runs[i]!.includes(prompt);
    }, `${prompt} after ${i} runs`);
    pty.type(line);
  }
  await pty.exited;
}

describe('bash', () => {
  beforeEach(() => requireShell('bash', 'bash'));

  /**
   * Loads the script as docs/completion.md says into a bash without rc files (so without the
   * bash-completion package), prints what `complete -p` says, then calls the function it
   * registered for the words typed (the last one is being completed) and prints COMPREPLY,
   * NUL-separated. As readline calls it, with the text readline replaces as $2 (`text`); or, with
   * `text` null, with no arguments at all, as a user would by hand.
   */
  async function bashCompleteWith(text: string | null, ...typed: string[]) {
    const script = `
      eval "$(restaurant-menu completion bash)" || exit 3
      complete -p restaurant-menu || exit 4
      spec=$(complete -p restaurant-menu); fn=\${spec#*-F }; fn=\${fn%% *}
      how=$1 text=$2; shift 2
      COMP_WORDS=(restaurant-menu "$@"); COMP_CWORD=$#
      COMP_LINE="\${COMP_WORDS[*]}"; COMP_POINT=\${#COMP_LINE}
      if [[ $how == by-hand ]]; then "$fn"; else "$fn" restaurant-menu "$text" "\${COMP_WORDS[COMP_CWORD-1]}"; fi
      printf '%s\\0' "\${COMPREPLY[@]}"`;
    const r = await runShell(['bash', '--norc', '--noprofile', '-c', script, 'bash', text === null ? 'by-hand' : 'readline', text ?? '', ...typed]);
    expect(r.code, r.stderr).toBe(0);
    const [registration, ...rest] = r.stdout.split('\n');
    const replies = rest.join('\n').split('\0').slice(0, -1);
    return { registration, replies };
  }

  /** What readline replaces of a word: what follows its opening quote (for a word with one quote), or a word-break `=`. */
  const readlineText = (word: string) => (word === '=' ? '' : word.replace(/^["']/, ''));
  const bashComplete = (...typed: string[]) => bashCompleteWith(readlineText(typed.at(-1) ?? ''), ...typed);

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

  test('after a URL: bash splits it at each `:` (COMP_WORDBREAKS), the script joins the pieces again', async () => {
    const script = `
      eval "$(restaurant-menu completion bash)" || exit 3
      COMP_LINE="restaurant-menu --api http://127.0.0.1:8080 sv"; COMP_POINT=\${#COMP_LINE}
      COMP_WORDS=(restaurant-menu --api http : //127.0.0.1 : 8080 sv); COMP_CWORD=7
      _restaurant_menu restaurant-menu sv 8080; printf '%s\\0' "\${COMPREPLY[@]}"; printf '<<NEXT>>'
      # The same with a space before a colon: two words, the second not an option's value.
      COMP_LINE="restaurant-menu --api http :sv"; COMP_POINT=\${#COMP_LINE}
      COMP_WORDS=(restaurant-menu --api http : sv); COMP_CWORD=4
      _restaurant_menu restaurant-menu sv :; (( \${#COMPREPLY[@]} )) && printf '%s\\0' "\${COMPREPLY[@]}"; true`;
    const r = await runShell(['bash', '--norc', '--noprofile', '-c', script]);
    expect(r.code, r.stderr).toBe(0);
    const [url, spaced] = r.stdout.split('<<NEXT>>').map((replies) => replies.split('\0').slice(0, -1));
    expect(sorted(url!)).toEqual(['Svarta\\ Räfven', 'Sven\\ Dufva', 'svarta']);
    // `:sv` is one word after `http`, a name: nothing begins with `:sv`.
    expect(spaced).toEqual([]);
    expect(t.api.totalCalls()).toBe(0);
  });

  test('without LANG (the C locale), a name beyond ASCII is offered as it is, not as $\'J\\303\\266ns Jacob\'', async () => {
    const { LANG: _, ...rest } = env;
    env = { ...rest, LC_ALL: 'C' };
    expect((await bashComplete('jons')).replies).toEqual(['jons', 'Jöns\\ Jacob']);
    expect((await bashComplete('"jöns')).replies).toEqual(['jons', 'Jöns Jacob']);
  });

  /**
   * The line readline makes of a reply to `typed`: it replaces what follows the opening quote
   * (readlineText) and, after a single match, adds the closing quote unless the line already ends
   * with that character.
   */
  function lineAfter(typed: string, reply: string) {
    const quote = /^["']/.test(typed) ? typed[0]! : '';
    const line = typed.slice(0, typed.length - readlineText(typed).length) + reply;
    return `restaurant-menu ${line}${quote && !line.endsWith(quote) ? quote : ''}`;
  }

  /** Runs each line in a bash where `restaurant-menu` prints its arguments; one record a line, what it ran. */
  async function runLines(lines: string[]) {
    const script = `restaurant-menu() { printf '%s\\0' "$@"; printf '\\n'; }
      for line in "$@"; do eval "$line"; printf '<<LINE>>\\n'; done`;
    const r = await runShell(['bash', '--norc', '--noprofile', '-c', script, 'bash', ...lines]);
    return r.stdout.split('<<LINE>>\n').slice(0, -1).map((out) => out.split('\n').slice(0, -1).map((run) => run.split('\0').slice(0, -1)));
  }

  /**
   * For each word, in one bash: COMPREPLY when the function is called as readline calls it, and
   * when it is called by hand, as in `COMP_WORDS=(restaurant-menu '"qq'); COMP_CWORD=1; _restaurant_menu`.
   */
  async function bashCompleteEach(words: string[]) {
    const script = `
      eval "$(restaurant-menu completion bash)" || exit 3
      for word in "$@"; do
        COMP_WORDS=(restaurant-menu "$word"); COMP_CWORD=1; COMP_LINE="restaurant-menu $word"; COMP_POINT=\${#COMP_LINE}
        text=\${word#[\\"\\']}
        _restaurant_menu restaurant-menu "$text" restaurant-menu; printf '%s\\0' "\${COMPREPLY[@]}"; printf '<<BY-HAND>>'
        _restaurant_menu; printf '%s\\0' "\${COMPREPLY[@]}"; printf '<<WORD>>'
      done`;
    const r = await runShell(['bash', '--norc', '--noprofile', '-c', script, 'bash', ...words]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout
      .split('<<WORD>>')
      .slice(0, -1)
      .map((w) => w.split('<<BY-HAND>>').map((replies) => replies.split('\0').slice(0, -1)));
  }

  test('hostile names, the word begun with a double quote, a single quote or none: each reply makes a line that passes the name as one argument and runs nothing else', async () => {
    await cacheHostileNames();
    const words = ['"', "'", ''].flatMap((quote) => HOSTILE.map((h) => quote + h.typed));
    const lines: string[] = [];
    // One bash per quoting state (each run within runShell's bound on a busy machine).
    const replies = [];
    for (let i = 0; i < words.length; i += HOSTILE.length) replies.push(...(await bashCompleteEach(words.slice(i, i + HOSTILE.length))));
    for (const [i, [readline, byHand]] of replies.entries()) {
      const name = HOSTILE[i % HOSTILE.length]!.name;
      expect(byHand, name).toEqual(readline);
      expect(readline, name).toHaveLength(1);
      lines.push(lineAfter(words[i]!, readline![0]!));
    }
    const runs = await runLines(lines);
    expect(pwned(), lines.join('\n')).toBe(false);
    expect(runs, lines.join('\n')).toEqual([...HOSTILE, ...HOSTILE, ...HOSTILE].map((h) => [[h.name]]));
    expect(t.api.totalCalls()).toBe(0);
  });

  test('hostile names: after a <TAB> left a quote closed and reopened, the next <TAB> completes the same word', async () => {
    await cacheHostileNames();
    // `"yo<TAB>`: readline inserts what the twins' replies share, `Yo"\!" S`, after the quote typed.
    const { replies: twins } = await bashComplete('"yo');
    expect(twins).toEqual(['Yo"\\!" Sushi', 'Yo"\\!" Salad']);
    // `"Yo"\!" Su<TAB>`: readline replaces what follows the last opening quote, ` Su`.
    const sushi = await bashCompleteWith(' Su', '"Yo"\\!" Su');
    expect(sushi.replies).toEqual([' Sushi']);
    // `'ss'\''; t<TAB>`: the same with the single quote closed, escaped and reopened.
    const ss = await bashCompleteWith('; t', "'ss'\\''; t");
    expect(ss.replies).toEqual(['; touch ~/pwned #']);
    const runs = await runLines([`restaurant-menu "Yo"\\!"${sushi.replies[0]}"`, `restaurant-menu 'ss'\\''${ss.replies[0]}'`]);
    expect(pwned()).toBe(false);
    expect(runs).toEqual([[['Yo! Sushi']], [["ss'; touch ~/pwned #"]]]);
  });
  test('interactive bash on a pseudo-terminal: <TAB> then Enter runs restaurant-menu with the hostile name as its one argument, and nothing else', async () => {
    await cacheHostileNames();
    const records = recordRuns();
    const rc = join(t.box.home, 'bashrc');
    // History expansion is on, as in any interactive bash.
    writeFileSync(rc, `PS1='<<READY>> '\nunset HISTFILE\neval "$(restaurant-menu completion bash)"\n[[ $- == *H* ]] || echo 'history expansion is off'\n`);
    const pty = onShellPty(`bash --noprofile --rcfile ${rc} -i`);
    await typeLines(pty, '<<READY>>', [
      'restaurant-menu "qq\t\r',
      "restaurant-menu 'ss\t\r",
      'restaurant-menu dd\t\r',
      'restaurant-menu "hh\t\r',
      'restaurant-menu "bq\t\r',
      'restaurant-menu "yo\tu\t\r', // the twins: the shared part, then the rest
      'restaurant-menu --api http://127.0.0.1:8080 sven\t\r', // a URL, which bash splits at each `:`
    ]);
    expect(pty.output()).not.toContain('history expansion is off');
    expect(pwned()).toBe(false);
    expect(records()).toEqual([['Qq"; touch ~/pwned #'], ["Ss'; touch ~/pwned #"], ['Dd $(touch ~/pwned)'], ['Hh!! $(touch ~/pwned) !-1'], ['Bq `touch ~/pwned`'], ['Yo! Sushi'], ['--api', 'http://127.0.0.1:8080', 'Sven Dufva']]);
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

  test('several that fit the word only with case or accents folded: <TAB> keeps the word and lists them, a second <TAB> chooses one', async () => {
    const [jons, sv, bi, twice, veg] = await zshComplete(
      EVAL_SETUP,
      { line: 'restaurant-menu jons' },
      { line: 'restaurant-menu sv' },
      { line: 'restaurant-menu bi' },
      { line: 'restaurant-menu jons\t' },
      { line: 'restaurant-menu config set diet ve' },
    );
    expect(jons!.buffer).toBe('restaurant-menu jons');
    expect(sv!.buffer).toBe('restaurant-menu sv');
    expect(bi!.buffer).toBe('restaurant-menu bi');
    expect(twice!.words).toEqual(['restaurant-menu', 'Jöns Jacob']);
    // What the matches share, when it begins with the word, is still inserted.
    expect(veg!.buffer).toBe('restaurant-menu config set diet veg');
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

  test('hostile names on a pseudo-terminal: <TAB> then Enter runs restaurant-menu with the name as its one argument, and nothing else', async () => {
    await cacheHostileNames();
    const records = recordRuns();
    const zdotdir = join(t.box.home, 'zdotdir');
    mkdirSync(zdotdir);
    writeFileSync(join(zdotdir, '.zshrc'), `PS1='<<READY>> '\n${EVAL_SETUP}\n`);
    const pty = onShellPty('zsh -i', { ZDOTDIR: zdotdir });
    const lines = [...HOSTILE.map((h) => h.typed), ...HOSTILE.map((h) => `"${h.typed}`), ...HOSTILE.map((h) => `'${h.typed}`)];
    await typeLines(pty, '<<READY>>', [...lines.map((l) => `restaurant-menu ${l}\t\r`), 'restaurant-menu "yo\tu\t\r']);
    expect(pwned()).toBe(false);
    expect(records()).toEqual([...HOSTILE, ...HOSTILE, ...HOSTILE].map((h) => [h.name]).concat([['Yo! Sushi']]));
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

  test('hostile names on a pseudo-terminal: <TAB> then Enter runs restaurant-menu with the name as its one argument, and nothing else', async () => {
    await cacheHostileNames();
    const records = recordRuns();
    const init = `restaurant-menu completion fish | source; set -g fish_greeting; function fish_prompt; echo '<<READY>> '; end`;
    const pty = onShellPty(`fish --no-config --init-command ${JSON.stringify(init).replace(/\$/g, '\\$')}`);
    const lines = [...HOSTILE.map((h) => h.typed), ...HOSTILE.map((h) => `"${h.typed}`), ...HOSTILE.map((h) => `'${h.typed}`)];
    await typeLines(pty, '<<READY>>', [...lines.map((l) => `restaurant-menu ${l}\t\r`), 'restaurant-menu "yo\tu\t\r']);
    expect(pwned()).toBe(false);
    expect(records()).toEqual([...HOSTILE, ...HOSTILE, ...HOSTILE].map((h) => [h.name]).concat([['Yo! Sushi']]));
    expect(t.api.totalCalls()).toBe(0);
  });
});

test('__complete loads dist/complete.js alone: not the CLI bundle, none of its chunks, not commander or the food glossary', async () => {
  const trace = join(t.box.home, 'trace.txt');
  const hook = fileURLToPath(new URL('../helpers/trace-imports.mjs', import.meta.url));
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

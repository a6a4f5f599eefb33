// The warm path stays light: a cached lookup must not load the HTTP client (got), the food rules
// (the glossary: what they said of each dish is in the cache), the picker, Redis, the browser
// opener or conf, and piped, neither chalk nor cli-table3 (each costs start-up time a warm lookup
// does not have). Checked by recording which files the process loads, not by timing; the timing is
// measured by `npm run bench:startup`.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { BIN, useBinary } from '../helpers/binary.js';

const hook = fileURLToPath(new URL('../helpers/trace-imports.mjs', import.meta.url));

/** A string each heavy part's chunk contains. */
const HEAVY = {
  client: '(+https://www.npmjs.com/package/restaurant-menu-cli)',
  relay: 'relay listening',
  picker: 'fits several restaurants; which one?',
  redis: 'rm:v1:',
  open: 'xdg-open',
  food: 'pytt|pytt i panna|pyttipanna',
  // The four libraries, each in its own chunk.
  got: 'beforeRetry',
  chalk: 'GITHUB_ACTIONS',
  table: 'wrapOnWordBoundary',
  conf: '__internal__',
};

const t = useBinary();

/** Runs the CLI and returns which heavy parts the files it loaded contain. */
async function heavyPartsLoaded(args: string[], where: 'piped' | 'terminal' = 'piped'): Promise<string[]> {
  const trace = join(t.box.home, 'trace.txt');
  rmSync(trace, { force: true });
  const env = { NODE_OPTIONS: `${t.box.env.NODE_OPTIONS} --import=${hook}`, TRACE_IMPORTS_FILE: trace };
  const api = args[0] === 'config' ? [] : ['--api', t.api.url];
  const r = where === 'piped' ? await t.box.run([...api, ...args], env) : await onTerminal(args, env);
  expect(r.code, r.stderr).toBe(0);
  const files = readFileSync(trace, 'utf8').trim().split('\n').filter((u) => u.includes('/dist/'));
  expect(files.some((u) => u.endsWith('/dist/cli.js'))).toBe(true);
  const text = files.map((u) => readFileSync(fileURLToPath(u), 'utf8')).join('\n');
  return Object.entries(HEAVY)
    .filter(([, marker]) => text.includes(marker))
    .map(([name]) => name);
}

/** Runs the CLI with its output on a pseudo-terminal (util-linux `script`). */
function onTerminal(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, '--api', t.api.url, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qefc', `stty cols 100 rows 50; ${command}`, '/dev/null'], { env: Object.fromEntries(Object.entries({ ...t.box.env, TERM: 'xterm-256color', ...env }).filter(([, v]) => v !== undefined)) as Record<string, string>, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stdin.end();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr: out })));
}

test('a cold lookup loads the HTTP client (got) and the food rules; a warm one loads none of the heavy parts', async () => {
  expect(await heavyPartsLoaded(['sven dufva'])).toEqual(['client', 'food', 'got']);
  expect(await heavyPartsLoaded(['sven dufva'])).toEqual([]);
  expect(t.api.totalCalls()).toBe(2);
});

test('warm today, with diets and English, loads none of the heavy parts either; find needs only the food rules', async () => {
  await t.box.run(['--api', t.api.url, 'today']);
  expect(await heavyPartsLoaded(['today', '--diet', 'vegetarian', '--english'])).toEqual([]);
  expect(await heavyPartsLoaded(['find', 'lax'])).toEqual(['food']);
});

test('on a terminal, a warm lookup and a warm today load chalk (colour) and cli-table3 (tables), and nothing else heavy; without colour, only cli-table3', async () => {
  await t.box.run(['--api', t.api.url, 'today']);
  expect(await heavyPartsLoaded(['sven dufva'], 'terminal')).toEqual(['chalk', 'table']);
  expect(await heavyPartsLoaded(['today', '--diet', 'vegetarian', '--english'], 'terminal')).toEqual(['chalk', 'table']);
  expect(await heavyPartsLoaded(['sven dufva', '--color', 'never'], 'terminal')).toEqual(['table']);
  expect(await heavyPartsLoaded(['sven dufva', '--color', 'always'])).toEqual(['chalk']);
});

test('settings are read without conf; conf is loaded to write them', async () => {
  expect(await heavyPartsLoaded(['config', 'get', 'diet'])).toEqual([]);
  expect(await heavyPartsLoaded(['config', 'set', 'diet', 'vegan'])).toEqual(['conf']);
  await t.box.run(['--api', t.api.url, 'sven dufva']);
  // A warm lookup reads the saved diet without conf.
  expect(await heavyPartsLoaded(['sven dufva'])).toEqual([]);
});

test("a dish memo of another build's food rules is not read: the warm lookup loads the rules, and remembers under its own", async () => {
  await t.box.run(['--api', t.api.url, 'sven dufva']);
  const file = join(t.box.env.XDG_CACHE_HOME!, 'restaurant-menu', 'cache.json');
  const cache = JSON.parse(readFileSync(file, 'utf8'));
  const [ours] = Object.keys(cache.entries).filter((k) => k.startsWith('#dishes:'));
  expect(ours).toMatch(/^#dishes:[0-9a-f]{16}$/);
  cache.entries['#dishes:another build'] = cache.entries[ours!];
  delete cache.entries[ours!];
  writeFileSync(file, JSON.stringify(cache));
  expect(await heavyPartsLoaded(['sven dufva'])).toEqual(['food']);
  expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries)).toContain(ours);
  expect(await heavyPartsLoaded(['sven dufva'])).toEqual([]);
});

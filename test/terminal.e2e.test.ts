// On a real terminal (a pseudo-terminal from util-linux `script`): tables, colour, progress.
import { execFileSync, spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMenuApi, type MenuApi } from './helpers/menu-api.js';
import { BIN, sandbox, type Sandbox } from './helpers/run-cli.js';

let api: MenuApi;
let box: Sandbox;

beforeAll(async () => {
  api = await startMenuApi();
  box = sandbox();
});
afterAll(async () => {
  await api.close();
  box.cleanup();
});

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs the CLI with stdout and stderr on a pseudo-terminal of `columns` columns. */
function onTerminal(args: string[], columns: number, env: Record<string, string> = {}): Promise<string> {
  const quoted = [process.execPath, BIN, '--api', api.url, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', `stty cols ${columns} rows 50; ${quoted}`, '/dev/null'], {
      env: { ...box.env, TERM: 'xterm-256color', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out.replace(/\r\n/g, '\n')));
  });
}

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

test.runIf(hasScript)('a boxed table that fits the terminal, in colour', async () => {
  const out = await onTerminal(['livet', '--refresh'], 50);
  expect(out).toMatch(/\x1b\[1mLivet \[Restaurant\]/); // bold name
  const table = stripAnsi(out).split('\n').filter((l) => /^[┌│├└]/.test(l));
  expect(table.length).toBeGreaterThan(5);
  for (const line of table) expect([...line].length).toBeLessThanOrEqual(50);
});

test.runIf(hasScript)('NO_COLOR and --no-color turn colour off on a terminal', async () => {
  expect(await onTerminal(['livet'], 80, { NO_COLOR: '1' })).not.toMatch(/\x1b\[\d+m/);
  expect(await onTerminal(['livet', '--no-color'], 80)).not.toMatch(/\x1b\[\d+m/);
});

test.runIf(hasScript)('today shows progress on the terminal and erases it', async () => {
  const out = await onTerminal(['today', '--refresh'], 100);
  expect(out).toContain('Fetching menus 1/18');
  expect(out).toContain('Fetching menus 18/18\r\x1b[K');
  expect(stripAnsi(out)).toContain('Lunch today,');
});

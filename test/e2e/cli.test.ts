// The CLI face as a real process: the built binary, a sandboxed HOME, the test's clock (through
// the test-only preload), the stand-in API. What only a process shows: the bin and bundle wiring,
// the clock reaching the binary, closed pipes, and several processes on one cache or settings file.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { SATURDAY } from '../helpers/clock.js';
import { BIN, sandbox, useBinary } from '../helpers/binary.js';

const t = useBinary();

const run = (...args: string[]) => t.box.run(['--api', t.api.url, ...args]);

test('a lookup, then the same lookup warm from the cache: same output, no request', async () => {
  const cold = await run('sven dufva');
  expect(cold.code, cold.stderr).toBe(0);
  expect(cold.stdout).toMatch(/^Uppsala\tdufva\tSven Dufva\tPytt i panna med rödbetor\tmeat\t/);
  expect(t.api.totalCalls()).toBe(2);
  t.api.reset();
  const warm = await run('sven dufva');
  expect(warm).toEqual(cold);
  expect(t.api.totalCalls()).toBe(0);
});

test("the binary's clock is the test's: a pinned Saturday is a Saturday", async () => {
  const weekday = JSON.parse((await run('delta', '--json')).stdout);
  expect(weekday).toMatchObject({ date: '2026-12-02', weekend: false });
  const saturday = sandbox(SATURDAY);
  try {
    const r = await saturday.run(['--api', t.api.url, 'delta', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ date: '2026-12-05', weekend: true });
  } finally {
    saturday.cleanup();
  }
});

test('--version prints the package version', async () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  expect(await t.box.run(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
});

test('--open with no browser to open (no xdg-open on PATH): the link is printed, exit 0', async () => {
  // An empty folder as PATH: /usr/bin (node's folder here) may hold an xdg-open.
  const empty = join(t.box.home, 'empty-path');
  mkdirSync(empty);
  const r = await t.box.run(['--api', t.api.url, 'dufva', '--open', 'map'], { PATH: empty });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('restaurant-menu: could not open a browser; the map link is in the output above\n');
  expect(r.stdout).toContain('https://www.openstreetmap.org/?mlat=59.84292&mlon=17.64129#map=19/59.84292/17.64129');
});

test('--open with a working opener on PATH: the page is opened, the run ends normally (exit 0, cache written)', async () => {
  // A real opener script stands in for xdg-open: it records its argument and exits 0 at once, as
  // xdg-open does once it has handed the link to the browser.
  const bin = join(t.box.home, 'bin');
  mkdirSync(bin);
  const opened = join(t.box.home, 'opened.txt');
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" > '${opened}'\n`, { mode: 0o755 });
  const PATH = `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`;
  const r = await t.box.run(['--api', t.api.url, 'dufva', '--open', 'map'], { PATH });
  expect(r.code, r.stderr).toBe(0);
  expect(readFileSync(opened, 'utf8')).toBe('https://www.openstreetmap.org/?mlat=59.84292&mlon=17.64129#map=19/59.84292/17.64129\n');
  expect(r.stdout).toMatch(/^Uppsala\tdufva\tSven Dufva\t/);
  // The cache was written: the same lookup again makes no request.
  t.api.reset();
  expect((await t.box.run(['--api', t.api.url, 'dufva'])).code).toBe(0);
  expect(t.api.totalCalls()).toBe(0);
});

test('--open with an opener that stays running (it became the browser): the run still ends, exit 0', async () => {
  const bin = join(t.box.home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
  const PATH = `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`;
  const r = await t.box.run(['--api', t.api.url, 'dufva', '--open', 'map'], { PATH });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
});

test('a closed pipe (| head -1) ends the CLI quietly with exit 0', async () => {
  const child = spawn(process.execPath, [BIN, '--api', t.api.url, 'today'], { env: t.box.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
});

test('ten processes at once on a cold cache all succeed and leave one valid file with every answer', async () => {
  const names = ['dufva', 'bikupan', 'jons', 'jorpes', 'hubben', 'svarta', 'livet', 'nanna', 'omni', 'rudbeck'];
  const results = await Promise.all(names.map((n) => run(n)));
  for (const r of results) expect(r.code, r.stderr).toBe(0);
  const dir = join(t.box.home, '.cache', 'restaurant-menu');
  const cache = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8'));
  expect(cache.format).toBe(1);
  // Writes are merged under a lock: no process loses another's menu.
  for (const n of names) expect(cache.entries[`${t.api.url}/restaurant/${n}`]).toBeDefined();
  expect(readdirSync(dir)).toEqual(['cache.json']);
});

test('ten concurrent `config set` of different keys keep every key', async () => {
  const settings: [string, string][] = [
    ['ttl', '5m'],
    ['timeout', '20s'],
    ['concurrency', '3'],
    ['diet', 'vegan'],
    ['english', 'true'],
    ['color', 'never'],
    ['region', 'solna'],
    ['api', t.api.url],
    ['favorites', 'dufva'],
    ['ttl', '5m'],
  ];
  const results = await Promise.all(settings.map(([k, v]) => t.box.run(['config', 'set', k, v], { RESTAURANT_MENU_API: t.api.url })));
  for (const r of results) expect(r.code, r.stderr).toBe(0);
  const saved = JSON.parse(readFileSync(join(t.box.home, '.config', 'restaurant-menu', 'config.json'), 'utf8'));
  expect(saved).toEqual({ ttl: '5m', timeout: '20s', concurrency: '3', diet: 'vegan', english: 'true', color: 'never', region: 'solna', api: t.api.url, favorites: 'dufva' });
});

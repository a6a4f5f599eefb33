// The built binary where the disk gives out or is not there: stdout on a full disk (/dev/full),
// the cache and the settings on a full disk (a small tmpfs, filled), and no home folder to keep
// them in. What must hold: one clear line, a documented exit code, nothing wedged afterwards
// (no lock, no temp file), nothing written where it does not belong.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, useBinary } from '../helpers/binary.js';
import { smallDisk, type SmallDisk } from '../helpers/small-disk.js';

const t = useBinary();

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the binary with `stdout` as its stdout ('pipe', or a descriptor such as /dev/full's), in `cwd`. */
function runBinary(args: string[], options: { env?: Record<string, string | undefined>; stdout?: 'pipe' | number; cwd?: string } = {}): Promise<Ran> {
  const env = Object.fromEntries(Object.entries({ ...t.box.env, ...options.env }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd, stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lines = (text: string) => text.trimEnd().split('\n').filter(Boolean);

function expectOneLine(r: Ran, code: number, pattern: RegExp) {
  expect(r.code, r.stderr).toBe(code);
  expect(lines(r.stderr)).toEqual([expect.stringMatching(pattern)]);
}

describe('stdout on a full disk (> /dev/full)', () => {
  const FULL = 'restaurant-menu: cannot write the output (the disk is full)';
  test.each([
    ['a lookup', ['dufva'], true],
    ['today', ['today'], true],
    ['a lookup with --json', ['dufva', '--json'], true],
    ['shell completion (__complete, its own bundle)', ['__complete', '0', '--', ''], false],
  ])('%s: one line on stderr, exit 4, no stack trace; the cache is still written', async (_, args, lookup) => {
    const full = openSync('/dev/full', 'w');
    let r: Ran;
    try {
      r = await runBinary(lookup ? ['--api', t.api.url, ...args] : args, { stdout: full });
    } finally {
      closeSync(full);
    }
    expect(r.code, r.stderr).toBe(4);
    expect(lines(r.stderr).filter((l) => l.includes('cannot write the output'))).toEqual([FULL]);
    expect(r.stderr).not.toMatch(/internal error|ENOSPC|\n\s+at /);
    // `today` also says which restaurants have no menu today; nothing else is said.
    for (const line of lines(r.stderr)) expect(line).toMatch(/^restaurant-menu: (cannot write the output|no menu today)/);
    if (lookup) {
      const cache = JSON.parse(readFileSync(join(t.box.home, '.cache', 'restaurant-menu', 'cache.json'), 'utf8'));
      expect(cache.entries[`${t.api.url}/restaurant/dufva`]).toBeDefined();
    }
  });
});

describe('the cache and the settings on a full disk (a small tmpfs)', () => {
  let disk: SmallDisk;
  beforeAll(() => {
    disk = smallDisk(256);
  });
  afterAll(() => disk?.unmount());

  test('a cache write on a full disk: the lookup works with one note, leaves no lock or temp file, and the next run on a freed disk saves at once', async () => {
    const cacheDir = join(disk.dir, 'cache');
    const env = { RESTAURANT_MENU_CACHE_DIR: cacheDir };
    try {
      expect((await runBinary(['--api', t.api.url, 'dufva'], { env })).code).toBe(0);
      disk.fill();
      const full = await runBinary(['--api', t.api.url, 'bikupan'], { env });
      expectOneLine(full, 0, /^restaurant-menu: cannot write the cache .*cache\.json \(the disk is full\); continuing without saving$/);
      expect(full.stdout).toMatch(/^Uppsala\tbikupan\tRestaurang Bikupan\t/);
      expect(readdirSync(cacheDir)).toEqual(['cache.json']);
      disk.free();
      const freed = await runBinary(['--api', t.api.url, 'jons'], { env });
      expect(freed.code, freed.stderr).toBe(0);
      expect(freed.stderr).toBe('');
      expect(JSON.parse(readFileSync(join(cacheDir, 'cache.json'), 'utf8')).entries[`${t.api.url}/restaurant/jons`]).toBeDefined();
    } finally {
      disk.free();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  test('config set on a full disk: exit 4, one line, no lock left; once the disk is freed, config set works at once', async () => {
    const configDir = join(disk.dir, 'config');
    mkdirSync(configDir);
    const env = { RESTAURANT_MENU_CONFIG_DIR: configDir };
    try {
      disk.fill();
      const full = await runBinary(['config', 'set', 'region', 'solna'], { env });
      expectOneLine(full, 4, /^restaurant-menu: cannot save settings to .*config\.json \(the disk is full\); nothing was changed$/);
      expect(readdirSync(configDir)).toEqual([]);
      disk.free();
      const freed = await runBinary(['config', 'set', 'region', 'solna'], { env });
      expect(freed.code, freed.stderr).toBe(0);
      expect((await runBinary(['config', 'get', 'region'], { env })).stdout).toBe('solna\n');
    } finally {
      disk.free();
      rmSync(configDir, { recursive: true, force: true });
    }
  });
});

describe('no home folder to keep the files in', () => {
  const noXdg = { XDG_CACHE_HOME: undefined, XDG_CONFIG_HOME: undefined };

  test('an empty HOME: lookups work without a cache (a note each for cache and settings), config set exits 4, nothing lands in the current directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rm-cwd-'));
    try {
      const env = { ...noXdg, HOME: '' };
      const lookup = await runBinary(['--api', t.api.url, 'dufva'], { env, cwd });
      expect(lookup.code, lookup.stderr).toBe(0);
      expect(lookup.stdout).toMatch(/^Uppsala\tdufva\tSven Dufva\t/);
      expect(lines(lookup.stderr).length).toBeGreaterThan(0);
      for (const line of lines(lookup.stderr)) expect(line).toMatch(/there is no home folder to keep it in: HOME is empty or not an absolute path/);
      const set = await runBinary(['config', 'set', 'ttl', '5m'], { env, cwd });
      expectOneLine(set, 4, /^restaurant-menu: cannot save settings to .*config\.json \(there is no home folder to keep it in: HOME is empty or not an absolute path\); nothing was changed$/);
      const completion = await runBinary(['__complete', '0', '--', 'con'], { env, cwd });
      expect(completion).toEqual({ code: 0, stdout: 'config\n', stderr: '' });
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  test('relative XDG_CACHE_HOME and XDG_CONFIG_HOME are ignored, as the XDG spec says: the files go under HOME', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rm-cwd-'));
    try {
      const env = { XDG_CACHE_HOME: 'relative-cache', XDG_CONFIG_HOME: 'relative-config' };
      const lookup = await runBinary(['--api', t.api.url, 'dufva'], { env, cwd });
      expect(lookup.code, lookup.stderr).toBe(0);
      expect((await runBinary(['config', 'set', 'ttl', '5m'], { env, cwd })).code).toBe(0);
      expect(readdirSync(cwd)).toEqual([]);
      expect(readdirSync(join(t.box.home, '.cache', 'restaurant-menu'))).toEqual(['cache.json']);
      expect(readdirSync(join(t.box.home, '.config', 'restaurant-menu'))).toEqual(['config.json']);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

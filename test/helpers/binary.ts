// Runs the built binary as a user would, with HOME, XDG dirs and the cache in a fresh temp dir,
// no proxy and no colour settings inherited from the developer's shell, and the test's clock.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { clockEnv, WEEKDAY } from './clock.js';
import { startMenuApi, type MenuApi } from './menu-api.js';

export const BIN = fileURLToPath(new URL('../../bin/restaurant-menu.js', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Sandbox {
  home: string;
  env: Record<string, string>;
  run(args: string[], env?: Record<string, string | undefined>): Promise<RunResult>;
  cleanup(): void;
}

// FAKETIME_SHARED: under ../shared/tools/any-day.sh (libfaketime 0.9.10 in ld.so.preload) every
// process that does not inherit it creates its own semaphore, and a forked child of that process
// (a shell's `$(...)`) unlinks it when it exits, so the next program the shell starts may fail to
// start (exit 1, 'sem_open failed'); fixed upstream in libfaketime 0c76f27. Passing the test
// runner's on lets what the tests start join its long-lived one. That made such failures rarer,
// not gone, so the completion tests' shells also run outside the preload (outsideFaketime).
// Absent, as everywhere else, it is unset.
const INHERITED = ['PATH', 'SYSTEMROOT', 'TMPDIR', 'LANG', 'FAKETIME_SHARED'];

/** A fresh HOME; the binary's clock reads `at` (default: a weekday lunch time). */
export function sandbox(at = WEEKDAY): Sandbox {
  const home = mkdtempSync(join(tmpdir(), 'rm-test-'));
  const env: Record<string, string> = {
    HOME: home,
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_CONFIG_HOME: join(home, '.config'),
    TZ: 'Europe/Stockholm',
    ...clockEnv(at),
  };
  for (const key of INHERITED) if (process.env[key]) env[key] = process.env[key]!;
  return {
    home,
    env,
    run: (args, extra = {}) => runBin(args, { ...env, ...extra }),
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Runs `command` (the built binary by default) with `args`, without blocking this process (whose stand-in API it may call). */
export function runBin(args: string[], env: Record<string, string | undefined>, command = [process.execPath, BIN], cwd?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const child = spawn(command[0]!, [...command.slice(1), ...args], { env: clean, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The usual set-up of an end-to-end file: one stand-in API (reset before each test), a fresh HOME per test. */
export function useBinary(): { api: MenuApi; box: Sandbox } {
  const ctx = {} as { api: MenuApi; box: Sandbox };
  beforeAll(async () => {
    ctx.api = await startMenuApi();
  });
  afterAll(() => ctx.api.close());
  beforeEach(() => {
    ctx.api.reset();
    ctx.box = sandbox();
  });
  afterEach(() => ctx.box.cleanup());
  return ctx;
}

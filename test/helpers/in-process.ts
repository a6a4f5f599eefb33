// Runs the CLI in-process: `main(argv, io)` with captured output, a sandboxed HOME, the clock
// the test chose and no back-off between retries. Most CLI tests use this; only a few start the
// real binary (binary.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/main.js';
import { pinnedClock, WEEKDAY } from './clock.js';
import { startMenuApi, type MenuApi } from './menu-api.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** The clock; default: the sandbox's. */
  now?: () => number;
  /** Pretend stdout (and stderr) are a terminal this wide. */
  columns?: number;
  openUrl?: Io['openUrl'];
}

export interface Home {
  dir: string;
  env: Record<string, string>;
  cleanup(): void;
}

export function tempHome(): Home {
  const dir = mkdtempSync(join(tmpdir(), 'rm-test-'));
  return {
    dir,
    // No colour unless a test asks for it (NO_COLOR: undefined).
    env: { HOME: dir, XDG_CACHE_HOME: join(dir, '.cache'), XDG_CONFIG_HOME: join(dir, '.config'), TZ: 'Europe/Stockholm', NO_COLOR: '1' },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function cli(args: string[], options: CliOptions & { home: Home; now: () => number }): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const tty = options.columns !== undefined;
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: tty, columns: options.columns },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
    env: Object.fromEntries(Object.entries({ ...options.home.env, ...options.env }).filter(([, v]) => v !== undefined)),
    now: options.now,
    retryDelayMs: () => 0,
    openUrl: options.openUrl,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export interface CliContext {
  api: MenuApi;
  home: Home;
  /** The clock of this test; `at(instant)` pins it. */
  now: () => number;
  at(instant: number): void;
  /** Runs `restaurant-menu --api <stand-in> ...args`. */
  run(...args: string[]): Promise<CliResult>;
  /** Runs with exactly these arguments and options. */
  runWith(args: string[], options?: CliOptions): Promise<CliResult>;
}

/** One stand-in API per file (reset before each test), a fresh HOME and a weekday clock per test. */
export function useCli(options: { at?: number } = {}): CliContext {
  let clock = pinnedClock(options.at ?? WEEKDAY);
  const ctx: CliContext = {
    api: undefined as unknown as MenuApi,
    home: undefined as unknown as Home,
    now: () => clock(),
    at: (instant) => (clock = pinnedClock(instant)),
    run: (...args) => ctx.runWith(['--api', ctx.api.url, ...args]),
    runWith: (args, opts = {}) => cli(args, { ...opts, home: ctx.home, now: opts.now ?? ctx.now }),
  };
  beforeAll(async () => {
    ctx.api = await startMenuApi();
  });
  afterAll(() => ctx.api.close());
  beforeEach(() => {
    ctx.api.reset();
    ctx.home = tempHome();
    clock = pinnedClock(options.at ?? WEEKDAY);
  });
  afterEach(() => ctx.home.cleanup());
  return ctx;
}

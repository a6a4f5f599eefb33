// What a command runs against: where output goes, the environment, and the clock. `main` takes
// one of these, so tests run the whole CLI in-process with a pinned clock and captured output,
// and only a few end-to-end tests need the real binary.
import type { Env } from './settings.js';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  /** For the interactive picker; absent or not a terminal means no picker. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Env;
  now(): number;
  /** Back-off before retry `attempt` (1, 2, ...) of a failed API call, in ms. Tests make it 0. */
  retryDelayMs?(attempt: number): number;
  /** Opens a URL in the browser; resolves false when none could be opened. */
  openUrl?(url: string): Promise<boolean>;
  /** Replaces what happens when stdout is closed (EPIPE); by default the CLI exits quietly. */
  whenStdoutCloses?(handler: () => void): void;
}

let stdoutClosed: () => void = () => process.exit(process.exitCode ?? 0);

/** The real process: its streams, environment and clock. */
export function processIo(): Io {
  // `restaurant-menu today | head -1`: a closed pipe is not an error for a command that prints.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') stdoutClosed();
    else throw error;
  });
  return {
    stdout: process.stdout,
    // Getters: touching process.stderr or process.stdin sets up a stream (a pipe loads node:net),
    // which most runs never need.
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    now: Date.now,
    whenStdoutCloses: (handler) => (stdoutClosed = handler),
  };
}

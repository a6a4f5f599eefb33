// What a command runs against: where output goes, the environment, and the clock. `main` takes
// one of these, so tests run the whole CLI in-process with a pinned clock and captured output,
// and only a few end-to-end tests need the real binary.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { EXIT } from '../errors.js';
import { fileErrorReason } from '../store/files.js';
import type { Env } from '../settings/table.js';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  /** The stream itself, for what needs one (the picker draws on it). */
  stream?: NodeJS.WritableStream;
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
  /**
   * Replaces what happens when stdout cannot be written (a full disk, a disk error): by default
   * the CLI says so once on stderr and exits 4 (see `exitCode`), and the rest of the output is
   * dropped; the run goes on (the cache is still written). The relay's log tries its next line.
   */
  whenStdoutFails?(handler: (reason: string) => StdoutFailure): void;
  /** The exit code of a run whose command returned `code`, given what became of its output. */
  exitCode?(code: number): number;
}

let stdoutClosed: () => void = () => process.exit(process.exitCode ?? 0);
/** Why stdout could not be written, once it could not. */
let outputLost: string | undefined;
/** What becomes of stdout after a failed write: the rest of a command's output is dropped; a log may try its next line. */
export type StdoutFailure = 'drop-the-rest' | 'try-next-write';

let stdoutFailed: (reason: string) => StdoutFailure = (reason) => {
  if (outputLost !== undefined) return 'drop-the-rest';
  outputLost = reason;
  writeQuietly(2, `restaurant-menu: cannot write the output (${reason})\n`);
  // A failure after bin/ set the code (a stream's write that failed later).
  if (process.exitCode !== undefined) process.exitCode = lostOutputCode(Number(process.exitCode));
  return 'drop-the-rest';
};

/** A run whose output was lost exits 4 (a local resource failed), unless it had already failed otherwise (2, 3, 4, 70). */
function lostOutputCode(code: number): number {
  return outputLost !== undefined && (code === EXIT.ok || code === EXIT.noMatch) ? EXIT.io : code;
}

/** Why a write to the output failed, in words: a full disk, a quota, a disk error. */
function outputReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code === 'EBADF' ? 'it is closed' : fileErrorReason(error);
}

function writeQuietly(fd: number, text: string): void {
  try {
    writeSync(fd, text);
  } catch {
    // stderr itself cannot be written: nowhere left to say it
  }
}

/**
 * stdout or stderr, written with write(2) on the descriptor. Setting up process.stdout or
 * process.stderr for a pipe loads node:net and the stream machinery (~10 ms CPU, 7-10% of a
 * `node -e` process on Node 20-24: `npx tsx bench/claims.ts`), for output that is written once;
 * the stream is set up only when the pipe is full (EAGAIN), when the descriptor is a terminal
 * (for its width), or on Windows, whose console wants the stream.
 */
function fileDescriptorOutput(fd: 1 | 2, stream: () => NodeJS.WriteStream, closed: () => void, failed: (reason: string) => StdoutFailure): Output {
  let viaStream = process.platform === 'win32';
  /** After a write error other than a closed pipe, the rest is dropped (a partial line is never finished by a later write). */
  let dead = false;
  let maybeTerminal: boolean | undefined;
  const terminal = () => ((maybeTerminal ??= couldBeTerminal(fd)) ? stream() : undefined);
  return {
    write(text: string) {
      if (dead) return;
      if (viaStream) return stream().write(text);
      const buffer = Buffer.from(text);
      let offset = 0;
      try {
        while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') return closed();
        if (code !== 'EAGAIN') {
          // ENOSPC (`> /dev/full`, a full disk), EDQUOT, EIO, EFBIG, EBADF (`>&-`): not a bug of ours.
          dead = failed(outputReason(error)) === 'drop-the-rest';
          return;
        }
        viaStream = true;
        stream().write(buffer.subarray(offset));
      }
    },
    get isTTY() {
      return Boolean(terminal()?.isTTY);
    },
    get columns() {
      return terminal()?.columns;
    },
    get stream() {
      return stream();
    },
  };
}

/** A terminal is a character device; /dev/null (where `>/dev/null` and ignored output go) is one too, but no terminal. */
function couldBeTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isCharacterDevice() && stat.rdev !== statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

let stdoutStream: NodeJS.WriteStream | undefined;
function processStdout(): NodeJS.WriteStream {
  if (!stdoutStream) {
    stdoutStream = process.stdout;
    // `restaurant-menu today | head -1`: a closed pipe is not an error for a command that prints.
    stdoutStream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') stdoutClosed();
      else void stdoutFailed(outputReason(error));
    });
  }
  return stdoutStream;
}

/** The real process: its output, environment and clock. */
export function processIo(): Io {
  return {
    stdout: fileDescriptorOutput(1, processStdout, () => stdoutClosed(), (reason) => stdoutFailed(reason)),
    // Notes that cannot be written (`2> /dev/full`) are lost, and nothing else is.
    stderr: fileDescriptorOutput(2, () => process.stderr, () => {}, () => 'drop-the-rest'),
    // A getter: touching process.stdin sets up a stream, which most runs never need.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    now: Date.now,
    whenStdoutCloses: (handler) => (stdoutClosed = handler),
    whenStdoutFails: (handler) => (stdoutFailed = handler),
    exitCode: lostOutputCode,
  };
}

// Every failure the user can cause or meet has a class here with a stable `code`, and the one
// map from a failure to what the user sees and the exit code (`report`). Commands throw these;
// only main (main.ts) reports them.
import { jsonText } from './json.js';

export const EXIT = {
  ok: 0,
  /** Not found, ambiguous, nothing matched a dish search, or the picker was left. */
  noMatch: 1,
  usage: 2,
  /** The menu API (or relay) failed and no usable cached copy exists. */
  api: 3,
  /** A local resource failed: the settings or cache file, the relay's port, or the output (a full disk; io.ts). */
  io: 4,
  /** A bug in this tool. */
  internal: 70,
} as const;

/** The exit codes as help lists them. */
export const EXIT_CODES = [
  'Exit codes:',
  '  0  found or listed',
  '  1  not found, ambiguous, or nothing matched',
  '  2  usage error',
  '  3  the menu API failed',
  '  4  a local file or port failed',
].join('\n');

export type ErrorCode =
  | 'USAGE'
  | 'CONFIG_WRITE'
  | 'CACHE_FILE'
  | 'LISTEN'
  | 'API_UNREACHABLE'
  | 'API_TIMEOUT'
  | 'API_STATUS'
  | 'API_RATE_LIMITED'
  | 'API_BAD_RESPONSE'
  | 'API_INCONSISTENT'
  | 'API_NO_MENUS';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly exitCode: number,
    /** More for `--json` (e.g. which menus failed). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UsageError extends AppError {
  constructor(message: string) {
    super('USAGE', message, EXIT.usage);
  }
}

/**
 * A local resource failed: the settings file could not be written (CONFIG_WRITE), a cache
 * command met a cache file it cannot use (CACHE_FILE), or the relay could not listen (LISTEN).
 */
export class LocalError extends AppError {
  declare readonly code: 'CONFIG_WRITE' | 'CACHE_FILE' | 'LISTEN';

  constructor(code: 'CONFIG_WRITE' | 'CACHE_FILE' | 'LISTEN', message: string) {
    super(code, message, EXIT.io);
  }
}

export type ApiErrorCode = Exclude<ErrorCode, 'USAGE' | 'CONFIG_WRITE' | 'CACHE_FILE' | 'LISTEN'>;

export class ApiError extends AppError {
  declare readonly code: ApiErrorCode;

  constructor(
    code: ApiErrorCode,
    message: string,
    /** Whether a cached copy may stand in for the answer (network, timeout, 5xx, 429). */
    readonly transient = false,
    details?: Record<string, unknown>,
  ) {
    super(code, message, EXIT.api, details);
  }
}

/** Where a failure is said: a run's output (cli/run.ts) and its notes for stderr. */
interface Reporting {
  readonly io: { readonly stdout: { write(text: string): unknown }; readonly stderr: { write(text: string): unknown } };
  readonly notices: { warn(message: string): void };
}

/**
 * What the user sees of a failure, and the exit code: one line on stderr, or with `--json` the
 * error object on stdout (said once: it is the whole answer, for a script and a person alike).
 * Anything but an AppError is a bug, reported with its stack.
 */
export function report(error: unknown, run: Reporting, json: boolean): number {
  if (!(error instanceof AppError)) {
    run.io.stderr.write(`restaurant-menu: internal error, please report it: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.internal;
  }
  const { message } = error;
  if (json) {
    const body = { code: error.code, message, ...(error.details ? { details: error.details } : {}) };
    run.io.stdout.write(jsonText({ status: 'error', error: body }));
  } else {
    run.notices.warn(message);
  }
  return error.exitCode;
}


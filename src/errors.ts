// Every failure the user can cause or meet has a class here with a stable `code`.
// Commands throw these; only main (main.ts) turns them into a message and an exit code.

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

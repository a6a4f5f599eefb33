// The relay's own errors: each with a stable code and the HTTP status it answers with. Every
// answer the relay makes itself is JSON: `{"error": "<message>", "code": "<CODE>"}`.

export const RELAY_ERRORS = {
  PATH_REFUSED: 400,
  BAD_REQUEST: 400,
  UNKNOWN_ENDPOINT: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  TARGET_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  UPSTREAM_UNREACHABLE: 502,
  UPSTREAM_STATUS: 502,
  UPSTREAM_NOT_JSON: 502,
  UPSTREAM_TOO_LARGE: 502,
  UPSTREAM_TIMEOUT: 504,
  INTERNAL: 500,
} as const;

export type RelayErrorCode = keyof typeof RELAY_ERRORS;

export class RelayError extends Error {
  readonly status: number;

  constructor(
    readonly code: RelayErrorCode,
    message: string,
  ) {
    super(message);
    this.status = RELAY_ERRORS[code];
  }
}

export function errorBody(code: RelayErrorCode, message: string): Buffer {
  return Buffer.from(JSON.stringify({ error: message, code }));
}

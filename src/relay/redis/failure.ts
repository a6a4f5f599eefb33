// Why the lock's owner failed to fetch a key (…fail:<path>, with the owner's token), kept for a
// second, so that the processes waiting on that owner (coalesce.ts) fail with it instead of all
// retrying. What Redis holds is not trusted: a failure that is not from the lock's owner, or not
// one a fetch can fail with, is ignored.
import { parseUntrusted } from '../../json.js';
import { neutralise } from '../../text.js';
import { RelayError, type RelayErrorCode } from '../errors.js';
import type { Reply } from './client.js';

/** How long a failed fetch is remembered for the processes that waited on it. */
export const FAIL_MS = 1_000;
/** The errors an owner's fetch can fail with, which are passed on to its waiters. */
const FETCH_ERRORS: ReadonlySet<string> = new Set<RelayErrorCode>([
  'UPSTREAM_UNREACHABLE',
  'UPSTREAM_STATUS',
  'UPSTREAM_NOT_JSON',
  'UPSTREAM_TOO_LARGE',
  'UPSTREAM_TIMEOUT',
  'PATH_REFUSED',
]);

/** What the owner stores. */
export const failureRecord = (token: string, error: RelayError): string => JSON.stringify({ token, code: error.code, message: error.message });

/**
 * The failure the lock's owner stored, if it is one: from that owner (its token), with an error
 * a fetch can fail with, a short message, and stored for at most FAIL_MS (`ttl`, from PTTL).
 */
export function failure(raw: Reply, ttl: unknown, holder: string): RelayError | undefined {
  if (!raw || typeof ttl !== 'number' || ttl <= 0 || ttl > FAIL_MS) return undefined;
  try {
    const stored = parseUntrusted(raw.toString('utf8')) as unknown;
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { token, code, message } = stored as Record<string, unknown>;
    if (token !== holder || typeof code !== 'string' || !FETCH_ERRORS.has(code) || typeof message !== 'string' || message.length > 300) return undefined;
    return new RelayError(code as RelayErrorCode, neutralise(message));
  } catch {
    return undefined;
  }
}

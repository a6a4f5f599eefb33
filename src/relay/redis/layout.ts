// What the relay keeps in Redis. Every key starts with `rm:v1:<upstream>:`, <upstream> a hash of
// the upstream URL (redisPrefix), so that relays for different upstreams never share keys.
//   …entry:<path>  the answer: a JSON header line (status, content type, fetch time), then the
//                  body bytes (encode, decode)
//   …lock:<path>   who is fetching it (coalesce.ts)
//   …fail:<path>   why the owner's fetch failed (coalesce.ts)
//   …done          pub/sub channel: a path was fetched (or failed) (coalesce.ts)
//   …probe         read by the probe while Redis is marked down (health.ts)
// What Redis holds is not trusted: an entry the relay would not have written (a status it does
// not cache, a body that is not JSON, a fetch time in the future) is ignored.
import { createHash } from 'node:crypto';
import { parseUntrusted } from '../../json.js';
import { JSON_TYPE } from '../headers.js';
import type { CachedAnswer } from '../shared.js';

/**
 * `rm:v1:<12 hex digits>:`, the digits from a hash of the upstream URL (without credentials or a
 * trailing /): relays of one upstream share keys, relays of another never see them. `v1` is the
 * format of the values.
 */
export function redisPrefix(upstream: string): string {
  const url = new URL(upstream);
  url.username = '';
  url.password = '';
  const id = createHash('sha256').update(url.href.replace(/\/+$/, '')).digest('hex').slice(0, 12);
  return `rm:v1:${id}:`;
}

/** The keys under a prefix (redisPrefix). */
export function redisKeys(prefix: string) {
  return {
    entry: (key: string) => `${prefix}entry:${key}`,
    lock: (key: string) => `${prefix}lock:${key}`,
    fail: (key: string) => `${prefix}fail:${key}`,
    channel: `${prefix}done`,
    probe: `${prefix}probe`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;

/** How far in the future an entry's fetch time may be (the clocks of two hosts differ). */
const MAX_CLOCK_SKEW_MS = 60_000;

/** The statuses the relay stores (see cacheable in server.ts). */
const storable = (status: unknown): status is number => Number.isInteger(status) && (((status as number) >= 200 && (status as number) < 300) || status === 404);

interface Header {
  status: number;
  type: string;
  fetchedAt: number;
}

export function encode(answer: CachedAnswer): Buffer {
  const head: Header = { status: answer.status, type: JSON_TYPE, fetchedAt: answer.fetchedAt };
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), answer.body]);
}

/**
 * An entry as the relay writes it, or undefined: a status the relay stores (2xx, 404), a fetch
 * time that is a whole number of ms and not in the future (beyond clock skew), a JSON body.
 */
export function decode(raw: unknown, now: number): CachedAnswer | undefined {
  if (!Buffer.isBuffer(raw)) return undefined;
  const nl = raw.indexOf(0x0a);
  if (nl < 0) return undefined;
  try {
    const head = parseUntrusted(raw.subarray(0, nl).toString('utf8')) as unknown;
    if (typeof head !== 'object' || head === null) return undefined;
    const { status, fetchedAt } = head as Partial<Record<keyof Header, unknown>>;
    if (!storable(status) || !Number.isSafeInteger(fetchedAt) || (fetchedAt as number) <= 0 || (fetchedAt as number) > now + MAX_CLOCK_SKEW_MS) return undefined;
    const body = Buffer.from(raw.subarray(nl + 1));
    parseUntrusted(body.toString('utf8')); // a body nested deeper than any answer is no entry a relay wrote
    return { status, fetchedAt: fetchedAt as number, body };
  } catch {
    return undefined;
  }
}

// The shared store on Redis (node-redis): every relay process and instance that names the same
// Redis and the same upstream shares one cache, and a key missing everywhere is fetched by
// exactly one of them. Every key starts with `rm:v1:<upstream>:`, <upstream> a hash of the
// upstream URL (redisPrefix), so that relays for different upstreams never share keys.
//   …entry:<path>  the answer: a JSON header line (status, content type, fetch time), then the
//                  body bytes; expires at the stale horizon (max(--ttl, --max-stale)), a 404
//                  after the fresh TTL
//   …lock:<path>   who is fetching it (`host/pid/random`): SET NX PX, the expiry longer than an
//                  upstream call; released only by its owner (compare-and-delete script). A lock
//                  no relay wrote (no expiry, or a longer one) is taken over or cut short.
//   …fail:<path>   why the owner's fetch failed (with its token), for a second, so that the
//                  processes waiting on that owner fail with it instead of all retrying
//   …done          pub/sub channel: a path was fetched (or failed); waiters also poll
// What Redis holds is not trusted: an entry the relay would not have written (a status it does
// not cache, a body that is not JSON, a fetch time in the future), a failure that is not from
// the lock's owner, is ignored; a reply of the wrong type is a Redis that misbehaves, handled as
// one that is down.
// Redis accelerates; it is never needed to answer. Every call has a short deadline. A call that
// fails or times out marks Redis down: no call is made until a probe (every second) or a new
// connection succeeds, so a Redis that hangs costs one deadline, not one per request. The
// client reconnects by itself with back-off. The loss is logged once and the recovery once.
// Loaded lazily, only by `serve --redis`.
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createClient, RESP_TYPES } from '@redis/client';
import { parseUntrusted } from '../json.js';
import { neutralise, redactUrl } from '../text.js';
import type { CachedAnswer } from './shared.js';
import { RelayError, type RelayErrorCode } from './errors.js';
import { JSON_TYPE } from './headers.js';
import type { Logger } from './log.js';
import type { SharedStore } from './shared.js';

export interface RedisOptions {
  url: string;
  /** Deadline of every Redis call. */
  timeoutMs: number;
  log: Logger;
  /** The lock outlives an upstream call by LOCK_MARGIN_MS, so a live owner never loses it. */
  upstreamTimeoutMs: number;
  /** Entries expire in Redis at the stale horizon... */
  maxStaleMs: number;
  /** ...or after the fresh TTL, whichever is later. */
  ttlMs: number;
  /** How long start-up waits for the first connection before serving without Redis. */
  connectWaitMs?: number;
  /** The start of every key (redisPrefix). */
  prefix: string;
  now?: () => number;
}

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

/** How long the lock outlives the upstream timeout. */
export const LOCK_MARGIN_MS = 1_000;
/** While Redis is marked down after a failed call, it is probed this often. */
const PROBE_MS = 1_000;
/** How often a process waiting on another's fetch looks, besides the pub/sub notification. */
const POLL_MS = 100;
/** How long a failed fetch is remembered for the processes that waited on it. */
const FAIL_MS = 1_000;
/** How far in the future an entry's fetch time may be (the clocks of two hosts differ). */
const MAX_CLOCK_SKEW_MS = 60_000;
/** The errors an owner's fetch can fail with, which are passed on to its waiters. */
const FETCH_ERRORS: ReadonlySet<string> = new Set<RelayErrorCode>([
  'UPSTREAM_UNREACHABLE',
  'UPSTREAM_STATUS',
  'UPSTREAM_NOT_JSON',
  'UPSTREAM_TOO_LARGE',
  'UPSTREAM_TIMEOUT',
  'PATH_REFUSED',
]);
/** Reconnection back-off: 50 ms doubling up to 2 s, with jitter so that instances spread out. */
const reconnectStrategy = (retries: number) => Math.round(Math.min(50 * 2 ** retries, 2_000) * (0.75 + Math.random() * 0.25));
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/**
 * Takes the lock (KEYS[1]) for ARGV[1] with the expiry ARGV[2] ms, in one round trip, and returns
 * {1 if taken, else 0; the lock's holder; the entry (KEYS[2])}. A lock without an expiry is no
 * relay's (they always set one): it is taken over. One that would outlive ARGV[2] is cut to it,
 * so that no lock makes a request wait longer than one lock's life.
 */
const LOCK = `
local taken = redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])
if not taken then
  local ttl = redis.call('pttl', KEYS[1])
  if ttl == -1 then
    redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
    taken = true
  elseif ttl > tonumber(ARGV[2]) then
    redis.call('pexpire', KEYS[1], ARGV[2])
  end
end
return {taken and 1 or 0, redis.call('get', KEYS[1]) or false, redis.call('get', KEYS[2]) or false}`;

/** A reply of a type the command does not give: a server that is not Redis, or misbehaves. */
class Malformed extends Error {
  constructor(what: string) {
    super(`malformed reply to ${what}`);
  }
}

type Reply = Buffer | null;
const isReply = (value: unknown): value is Reply => value === null || Buffer.isBuffer(value);
/** The statuses the relay stores (see cacheable in server.ts). */
const storable = (status: unknown): status is number => Number.isInteger(status) && (((status as number) >= 200 && (status as number) < 300) || status === 404);

class Timeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

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

/** The password of a URL, as written and decoded, for scrubbing it from error messages. */
function secretsOf(url: string): string[] {
  try {
    const { password } = new URL(url);
    return password ? [...new Set([password, decodeURIComponent(password)])] : [];
  } catch {
    return [];
  }
}

/**
 * The commands used here, typed by hand. node-redis's own client type is generic over modules,
 * functions, scripts, RESP version and type mapping; instantiating it cost 1.4 s of every
 * type-check of the project (a third of it) for these nine calls.
 */
interface Connection {
  readonly isReady: boolean;
  connect(): Promise<unknown>;
  destroy(): void;
  on(event: 'ready' | 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  off(event: 'ready' | 'error', listener: (...args: never[]) => void): unknown;
  ping(): Promise<unknown>;
  get(key: string): Promise<unknown>;
  pTTL(key: string): Promise<unknown>;
  set(key: string, value: string | Buffer, options: { PX: number; NX?: boolean }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  withTypeMapping(mapping: object): Connection;
}
const connection = createClient as unknown as (options: object) => Connection;

const isLockReply = (reply: unknown): reply is [0 | 1, Reply, Reply] =>
  Array.isArray(reply) && reply.length === 3 && (reply[0] === 0 || reply[0] === 1) && isReply(reply[1]) && isReply(reply[2]);
const isSeenReply = (reply: unknown): reply is [Reply, Reply, Reply, number] =>
  Array.isArray(reply) && reply.length === 4 && isReply(reply[0]) && isReply(reply[1]) && isReply(reply[2]) && typeof reply[3] === 'number';

export async function connectRedis(options: RedisOptions): Promise<SharedStore> {
  const { log } = options;
  const now = options.now ?? Date.now;
  const where = redactUrl(options.url);
  const secrets = secretsOf(options.url);
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join('***'), text);
  const reason = (error: unknown) => scrub((error as Error)?.message || String(error));
  const socket = { connectTimeout: 2_000, reconnectStrategy };
  const client = connection({ url: options.url, disableOfflineQueue: true, socket }).withTypeMapping({
    [RESP_TYPES.BLOB_STRING]: Buffer,
  });
  // Pub/sub needs a connection of its own; it only speeds up waiting (waiters also poll). Its
  // SUBSCRIBE may wait for a connection; node-redis renews it on every reconnection.
  const subscriber = connection({ url: options.url, socket });
  const tokenPrefix = `${hostname()}/${process.pid}/`;
  const { prefix } = options;
  const CHANNEL = `${prefix}done`;
  const entryKey = (key: string) => `${prefix}entry:${key}`;
  const lockKey = (key: string) => `${prefix}lock:${key}`;
  const failKey = (key: string) => `${prefix}fail:${key}`;
  /** Read by the probe: any answer but a string or nothing is a Redis that misbehaves. */
  const probeKey = `${prefix}probe`;

  // 'starting' until the first connection or failure; 'down' after a lost connection or a
  // failed call, until a new connection or a probe succeeds.
  let state: 'starting' | 'up' | 'down' = 'starting';
  let closing = false;
  let errors = 0;
  let probe: NodeJS.Timeout | undefined;

  const markUp = () => {
    if (closing || state === 'up') return;
    if (state === 'down') log.info('redis available again; sharing the cache', { redis: where });
    else log.debug('redis connected', { redis: where });
    state = 'up';
  };
  const markDown = (why: string) => {
    if (closing || state === 'down') return;
    log.warn('redis unavailable; serving from memory and upstream', { redis: where, error: why });
    state = 'down';
  };
  const ready = () => client.isReady && state === 'up';

  /** While marked down with a live connection (a Redis that hangs or fails calls), ask again. */
  const scheduleProbe = () => {
    if (probe || closing) return;
    probe = setTimeout(() => {
      probe = undefined;
      if (closing || state !== 'down' || !client.isReady) return; // a new connection marks it up
      withDeadline(() => client.get(probeKey))
        .then((reply) => {
          if (!isReply(reply)) throw new Malformed('GET');
        })
        .then(markUp, (error: unknown) => {
        errors++;
        log.debug('redis probe failed', { error: reason(error) });
        scheduleProbe();
      });
    }, PROBE_MS);
    probe.unref();
  };

  client.on('ready', markUp);
  client.on('error', (error: unknown) => {
    errors++;
    markDown(reason(error));
  });
  client.on('end', () => markDown('connection closed'));
  subscriber.on('error', () => {}); // the main client reports; the subscriber only reconnects

  /**
   * The call's answer, or a Timeout `timeoutMs` after the command left for Redis. The time
   * measured is Redis's, not this process's: node-redis writes commands in a setImmediate, so a
   * process busy with a burst of requests may write them late, and the clock starts in the
   * setImmediate queued after that write. Likewise, when the deadline fires, the socket is read
   * once more (setImmediate runs after the poll phase): an answer that arrived while this
   * process was busy still counts.
   */
  function withDeadline<T>(run: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const answer = run();
    const deadline = new Promise<never>((_, reject) => {
      setImmediate(() => {
        if (!settled) timer = setTimeout(() => setImmediate(() => reject(new Timeout(options.timeoutMs))), options.timeoutMs);
      });
    });
    return Promise.race([answer, deadline]).finally(() => {
      settled = true;
      clearTimeout(timer);
    });
  }

  const UNAVAILABLE = Symbol('unavailable');
  /**
   * A Redis call with a deadline; UNAVAILABLE (at once, when Redis is marked down) instead of
   * failing. A reply that `valid` refuses is a failure too: it marks Redis down like a timeout.
   */
  async function call<T, R extends T = T>(run: () => Promise<T>, valid?: (reply: T) => reply is R): Promise<R | typeof UNAVAILABLE> {
    if (!ready()) return UNAVAILABLE;
    try {
      const reply = await withDeadline(run);
      if (valid && !valid(reply)) throw new Malformed('a command');
      return reply as R;
    } catch (error) {
      errors++;
      if (error instanceof Timeout) log.debug('redis call timed out', { ms: options.timeoutMs });
      markDown(reason(error));
      scheduleProbe();
      return UNAVAILABLE;
    }
  }

  /** A copy this young was fetched during the current TTL window. */
  const fresh = (answer: CachedAnswer | undefined): boolean => {
    const age = answer ? now() - answer.fetchedAt : -1;
    return age >= 0 && age < options.ttlMs;
  };

  /** Concurrent lookups of one key in this process share one GET (a burst of near-cache misses). */
  const reading = new Map<string, Promise<CachedAnswer | undefined>>();
  function get(key: string): Promise<CachedAnswer | undefined> {
    let pending = reading.get(key);
    if (!pending) {
      pending = call(() => client.get(entryKey(key)), isReply)
        .then((raw) => (raw === UNAVAILABLE ? undefined : decode(raw, now())))
        .finally(() => reading.delete(key));
      reading.set(key, pending);
    }
    return pending;
  }

  async function set(key: string, answer: CachedAnswer): Promise<void> {
    // A 404 is kept only while it is fresh: distinct unknown paths (anyone can make them up) must
    // not fill Redis for a day.
    const horizon = answer.status === 404 ? options.ttlMs : Math.max(options.ttlMs, options.maxStaleMs);
    const ttl = horizon - (now() - answer.fetchedAt);
    if (ttl < 1) return;
    await call(() => client.set(entryKey(key), encode(answer), { PX: ttl }));
  }

  /**
   * Releases a lock this process may hold. Sent even while Redis is marked down, as long as the
   * connection lives: a lock request that timed out may still be carried out, and Redis runs
   * the commands of one connection in order, so the release comes after it.
   */
  function release(key: string, token: string): Promise<unknown> {
    if (!client.isReady) return Promise.resolve();
    const sent = client.eval(RELEASE, { keys: [lockKey(key)], arguments: [token] });
    sent.catch(() => {});
    return ready() ? call(() => sent) : Promise.resolve();
  }

  /** Resolves when the key is announced on the channel, or after `ms`. */
  const waiters = new Map<string, Set<() => void>>();
  function announced(key: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = waiters.get(key) ?? new Set();
      waiters.set(key, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) waiters.delete(key);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
  }

  /**
   * The failure the lock's owner stored, if it is one: from that owner (its token), with an error
   * a fetch can fail with, a short message, and stored for at most FAIL_MS (`ttl`, from PTTL).
   */
  const failure = (raw: Reply, ttl: unknown, holder: string): RelayError | undefined => {
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
  };

  /** Fetches as the lock's owner: stores a failure for the waiters, releases, announces. */
  async function own(key: string, token: string, fetch: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    try {
      return await fetch();
    } catch (error) {
      if (error instanceof RelayError) {
        await call(() => client.set(failKey(key), JSON.stringify({ token, code: error.code, message: error.message }), { PX: FAIL_MS }));
      }
      throw error;
    } finally {
      await release(key, token);
      await call(() => client.publish(CHANNEL, key));
    }
  }

  async function coalesce(key: string, fetch: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    const lockMs = options.upstreamTimeoutMs + LOCK_MARGIN_MS;
    // However many owners come and go, this request waits at most about one lock's life.
    const deadline = Date.now() + lockMs;
    for (;;) {
      const token = tokenPrefix + randomUUID();
      let sent = false;
      const taken = await call(() => {
        sent = true;
        // One round trip: the lock, who holds it if not us, and the copy there is now.
        return client.eval(LOCK, { keys: [lockKey(key), entryKey(key)], arguments: [token, String(lockMs)] });
      }, isLockReply);
      if (taken === UNAVAILABLE) {
        // Redis is down or slow: this process decides alone (it still coalesces its own
        // requests). A lock request that timed out may yet be carried out: release it after.
        if (!sent) return fetch();
        return fetch().finally(() => void release(key, token));
      }
      const [acquired, holderRaw, currentRaw] = taken;
      const before = decode(currentRaw, now());
      if (acquired === 1) {
        // Another process may have stored a fresh copy between this one's look and its lock.
        if (before && fresh(before)) {
          await release(key, token);
          return before;
        }
        return own(key, token, fetch);
      }
      if (Date.now() >= deadline) return fetch(); // waited long enough on owners that never answered
      const holder = holderRaw?.toString('utf8');
      if (!holder) continue; // released or expired in between: try again
      // Another process is fetching it: wait for its answer (announced, or seen by polling). If
      // the owner dies, its lock expires and this process tries to take it.
      for (;;) {
        await announced(key, Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
        const seen = await call(
          () => Promise.all([client.get(entryKey(key)), client.get(failKey(key)), client.get(lockKey(key)), client.pTTL(failKey(key))]),
          isSeenReply,
        );
        if (seen === UNAVAILABLE) return fetch(); // Redis went away while waiting: don't wait on it
        const [entryRaw, failRaw, lockRaw, failTtl] = seen;
        const answer = decode(entryRaw, now());
        if (answer && (fresh(answer) || !before || answer.fetchedAt > before.fetchedAt)) return answer;
        const failed = failure(failRaw, failTtl, holder);
        if (failed) throw failed;
        if (lockRaw?.toString('utf8') !== holder || Date.now() >= deadline) break; // the owner is gone: try to take over
      }
    }
  }

  // A Redis that is not reachable at start must not stop the relay from serving: start-up waits
  // a moment for the first connection, then goes on; the clients keep reconnecting.
  const connected = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, options.connectWaitMs ?? 1_000);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      client.off('error', done);
      resolve();
    };
    client.on('ready', done);
    client.on('error', done);
  });
  client.connect().catch((error: unknown) => markDown(reason(error)));
  subscriber
    .connect()
    .then(() =>
      subscriber.subscribe(CHANNEL, (message) => {
        for (const done of [...(waiters.get(message) ?? [])]) done();
      }),
    )
    .catch(() => {});
  await connected;
  if (state === 'starting' && !client.isReady) markDown(`no connection within ${options.connectWaitMs ?? 1_000} ms`);

  return {
    get,
    set,
    coalesce,
    get up() {
      return ready();
    },
    get errors() {
      return errors;
    },
    async close() {
      closing = true;
      clearTimeout(probe);
      for (const c of [client, subscriber]) {
        try {
          c.destroy();
        } catch {
          // already closed
        }
      }
    },
  };
}

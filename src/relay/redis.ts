// The shared store on Redis (node-redis): every relay process and instance that names the same
// Redis shares one cache, and a key missing everywhere is fetched by exactly one of them.
//   rm:v1:entry:<path>  the answer: a JSON header line, then the body bytes; expires at the stale horizon
//   rm:v1:lock:<path>   who is fetching it: SET NX PX, released only by its owner (compare-and-delete)
//   rm:v1:fail:<path>   why the last fetch failed, for a second, so waiters don't all retry
//   rm:v1:done          pub/sub channel: a path was fetched (or failed)
// Redis accelerates; it is never needed to answer. Every call has a short timeout; a timeout or
// a lost connection opens a breaker for a second (no call waits on a Redis that hangs), and the
// client reconnects by itself with back-off. Loaded lazily, only by `serve --redis`.
import { randomUUID } from 'node:crypto';
import { createClient, RESP_TYPES } from '@redis/client';
import { redactUrl } from '../text.js';
import type { CachedAnswer } from './cache.js';
import { RelayError, type RelayErrorCode } from './errors.js';
import type { Logger } from './log.js';
import type { SharedStore } from './shared.js';

export interface RedisOptions {
  url: string;
  /** Per-call timeout. */
  timeoutMs: number;
  log: Logger;
  /** The lock outlives an upstream call by this margin, so a live owner never loses it. */
  upstreamTimeoutMs: number;
  /** Entries expire in Redis at the stale horizon. */
  maxStaleMs: number;
  /** A value this young counts as just fetched by the lock owner. */
  ttlMs: number;
}

const PREFIX = 'rm:v1:';
const CHANNEL = `${PREFIX}done`;
const BREAKER_MS = 1_000;
const POLL_MS = 100;
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

class Timeout extends Error {}

function encode(answer: CachedAnswer): Buffer {
  return Buffer.concat([Buffer.from(`${JSON.stringify({ status: answer.status, fetchedAt: answer.fetchedAt })}\n`), answer.body]);
}

function decode(raw: Buffer | null): CachedAnswer | undefined {
  if (!raw) return undefined;
  const nl = raw.indexOf(0x0a);
  try {
    const head = JSON.parse(raw.subarray(0, nl).toString('utf8')) as { status: number; fetchedAt: number };
    if (!Number.isInteger(head.status) || !Number.isFinite(head.fetchedAt)) return undefined;
    return { status: head.status, fetchedAt: head.fetchedAt, body: raw.subarray(nl + 1) };
  } catch {
    return undefined;
  }
}

export async function connectRedis(options: RedisOptions): Promise<SharedStore> {
  const { log } = options;
  const where = redactUrl(options.url);
  const reconnectStrategy = (retries: number) => Math.min(50 * 2 ** retries, 5_000);
  const client = createClient({ url: options.url, disableOfflineQueue: true, socket: { connectTimeout: 2_000, reconnectStrategy } }).withTypeMapping({
    [RESP_TYPES.BLOB_STRING]: Buffer,
  });
  const subscriber = createClient({ url: options.url, socket: { connectTimeout: 2_000, reconnectStrategy } });
  let up = false;
  let wasDown = false;
  let openUntil = 0;
  let errors = 0;
  const waiters = new Map<string, Set<() => void>>();

  const markDown = (reason: string) => {
    if (up || !wasDown) log.warn('redis unavailable; serving from memory and upstream', { redis: where, error: reason });
    up = false;
    wasDown = true;
  };
  client.on('ready', () => {
    if (wasDown) log.info('redis available again; sharing the cache', { redis: where });
    up = true;
    openUntil = 0;
  });
  client.on('error', (error: Error) => {
    errors++;
    if (up || !wasDown) markDown(error.message || String(error));
  });
  client.on('end', () => markDown('connection closed'));
  subscriber.on('error', () => {}); // the main client reports; the subscriber only reconnects

  /** A Redis call with a deadline; undefined when Redis is down, slow or failing. */
  async function call<T>(run: () => Promise<T>): Promise<T | undefined> {
    if (!up || Date.now() < openUntil) return undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([run(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout()), options.timeoutMs)))]);
    } catch (error) {
      errors++;
      // A hanging Redis (e.g. stopped) keeps its socket: stop asking it for a moment.
      openUntil = Date.now() + BREAKER_MS;
      if (error instanceof Timeout) log.debug('redis call timed out', { ms: options.timeoutMs });
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  const entryKey = (key: string) => `${PREFIX}entry:${key}`;
  const lockKey = (key: string) => `${PREFIX}lock:${key}`;
  const failKey = (key: string) => `${PREFIX}fail:${key}`;

  async function get(key: string): Promise<CachedAnswer | undefined> {
    return decode((await call(() => client.get(entryKey(key)))) ?? null);
  }

  async function set(key: string, answer: CachedAnswer): Promise<void> {
    const ttl = Math.max(1, options.maxStaleMs - (Date.now() - answer.fetchedAt));
    await call(() => client.set(entryKey(key), encode(answer), { PX: ttl }));
  }

  /** Resolves when the key is announced on the channel, or after `ms`. */
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

  async function coalesce(key: string, fetch: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    const lockMs = options.upstreamTimeoutMs + 2_000;
    const token = randomUUID();
    for (;;) {
      const acquired = await call(() => client.set(lockKey(key), token, { NX: true, PX: lockMs }));
      // Redis unavailable: this process alone decides (it still coalesces its own requests).
      if (acquired === undefined) return fetch();
      if (acquired !== null) {
        try {
          return await fetch();
        } catch (error) {
          if (error instanceof RelayError) await call(() => client.set(failKey(key), JSON.stringify({ code: error.code, message: error.message }), { PX: 1_000 }));
          throw error;
        } finally {
          await call(() => client.eval(RELEASE, { keys: [lockKey(key)], arguments: [token] }));
          await call(() => client.publish(CHANNEL, key));
        }
      }
      // Another process is fetching it: wait for its answer (announced, or seen by polling),
      // up to the lock's life; if the owner died, the lock expires and this process tries again.
      const deadline = Date.now() + lockMs;
      while (Date.now() < deadline) {
        await announced(key, POLL_MS);
        const answer = await get(key);
        if (answer && Date.now() - answer.fetchedAt < options.ttlMs) return answer;
        const failed = await call(() => client.get(failKey(key)));
        if (failed) {
          const { code, message } = JSON.parse(failed.toString('utf8')) as { code: RelayErrorCode; message: string };
          throw new RelayError(code, message);
        }
        if (!up) return fetch();
        const held = await call(() => client.exists(lockKey(key)));
        if (held === 0) break; // released without an answer we can use, or expired: try to take it
      }
    }
  }

  // Not awaited: a Redis that is not reachable at start must not delay serving; the clients keep
  // reconnecting in the background, and the subscription is renewed on every reconnect.
  client.connect().catch((error: Error) => markDown(error.message || 'cannot connect'));
  subscriber
    .connect()
    .then(() =>
      subscriber.subscribe(CHANNEL, (message) => {
        for (const done of [...(waiters.get(message) ?? [])]) done();
      }),
    )
    .catch(() => {});

  return {
    get,
    set,
    coalesce,
    get up() {
      return up && Date.now() >= openUntil;
    },
    get errors() {
      return errors;
    },
    async close() {
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

// The shared store on Redis (node-redis): every relay process and instance that names the same
// Redis and the same upstream shares one cache (the keys and values: layout.ts), and a key missing
// everywhere is fetched by exactly one of them (coalesce.ts). Redis accelerates; it is never
// needed to answer: a Redis that is down, slow or misbehaving is used by no call (health.ts).
// Loaded lazily, only by `serve --redis`.
import type { Logger } from '../log.js';
import type { CachedAnswer, SharedStore } from '../shared.js';
import { isReply } from './client.js';
import { coalescing } from './coalesce.js';
import { UNAVAILABLE, watchRedis } from './health.js';
import { decode, encode, redisKeys } from './layout.js';

export interface RedisOptions {
  url: string;
  /** Deadline of every Redis call. */
  timeoutMs: number;
  log: Logger;
  /** The lock outlives an upstream call (coalesce.ts), so a live owner never loses it. */
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

export async function connectRedis(options: RedisOptions): Promise<SharedStore> {
  const now = options.now ?? Date.now;
  const keys = redisKeys(options.prefix);
  const redis = watchRedis({ url: options.url, timeoutMs: options.timeoutMs, log: options.log, connectWaitMs: options.connectWaitMs, probeKey: keys.probe });
  const { client, call } = redis;
  const coalesce = coalescing(redis, keys, { upstreamTimeoutMs: options.upstreamTimeoutMs, ttlMs: options.ttlMs, now });

  /** Concurrent lookups of one key in this process share one GET (a burst of near-cache misses). */
  const reading = new Map<string, Promise<CachedAnswer | undefined>>();
  function get(key: string): Promise<CachedAnswer | undefined> {
    let pending = reading.get(key);
    if (!pending) {
      pending = call(() => client.get(keys.entry(key)), isReply)
        .then((raw) => (raw === UNAVAILABLE ? undefined : decode(raw, now())))
        .finally(() => reading.delete(key));
      reading.set(key, pending);
    }
    return pending;
  }

  /**
   * An entry expires at the stale horizon (max(--ttl, --max-stale)), a 404 after the fresh TTL:
   * distinct unknown paths (anyone can make them up) must not fill Redis for a day.
   */
  async function set(key: string, answer: CachedAnswer): Promise<void> {
    const horizon = answer.status === 404 ? options.ttlMs : Math.max(options.ttlMs, options.maxStaleMs);
    const ttl = horizon - (now() - answer.fetchedAt);
    if (ttl < 1) return;
    await call(() => client.set(keys.entry(key), encode(answer), { PX: ttl }));
  }

  await redis.started;
  return {
    get,
    set,
    coalesce,
    get up() {
      return redis.up;
    },
    get errors() {
      return redis.errors;
    },
    async close() {
      redis.close();
    },
  };
}

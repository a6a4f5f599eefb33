// One fetch of a key across every relay process that shares Redis. The first to take the key's
// lock fetches it and stores the answer; the others wait for that answer, bounded.
//   …lock:<path>   who is fetching it (`host/pid/random`): SET NX PX, the expiry longer than an
//                  upstream call; released only by its owner (compare-and-delete script). A lock
//                  no relay wrote (no expiry, or a longer one) is taken over or cut short.
//   …fail:<path>   why the owner's fetch failed (failure.ts)
//   …done          pub/sub channel: a path was fetched (or failed); waiters also poll
// A reply of the wrong type is a Redis that misbehaves (health.ts). Without Redis, a process
// decides alone.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { RelayError } from '../errors.js';
import type { CachedAnswer } from '../shared.js';
import { isReply, type Reply } from './client.js';
import { FAIL_MS, failure, failureRecord } from './failure.js';
import { UNAVAILABLE, type RedisHealth } from './health.js';
import { decode, type RedisKeys } from './layout.js';

export interface CoalesceOptions {
  /** The lock outlives an upstream call by LOCK_MARGIN_MS, so a live owner never loses it. */
  upstreamTimeoutMs: number;
  /** A copy younger than this was fetched during the current TTL window. */
  ttlMs: number;
  now: () => number;
}

/** How long the lock outlives the upstream timeout. */
const LOCK_MARGIN_MS = 1_000;
/** How often a process waiting on another's fetch looks, besides the pub/sub notification. */
const POLL_MS = 100;
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

const isLockReply = (reply: unknown): reply is [0 | 1, Reply, Reply] =>
  Array.isArray(reply) && reply.length === 3 && (reply[0] === 0 || reply[0] === 1) && isReply(reply[1]) && isReply(reply[2]);
const isSeenReply = (reply: unknown): reply is [Reply, Reply, Reply, number] =>
  Array.isArray(reply) && reply.length === 4 && isReply(reply[0]) && isReply(reply[1]) && isReply(reply[2]) && typeof reply[3] === 'number';

/** SharedStore.coalesce on Redis; listens on the channel from now on. */
export function coalescing(redis: RedisHealth, keys: RedisKeys, options: CoalesceOptions) {
  const { client, call } = redis;
  const { now } = options;
  const tokenPrefix = `${hostname()}/${process.pid}/`;

  /** A copy this young was fetched during the current TTL window. */
  const fresh = (answer: CachedAnswer | undefined): boolean => {
    const age = answer ? now() - answer.fetchedAt : -1;
    return age >= 0 && age < options.ttlMs;
  };

  /**
   * Releases a lock this process may hold. Sent even while Redis is marked down, as long as the
   * connection lives: a lock request that timed out may still be carried out, and Redis runs
   * the commands of one connection in order, so the release comes after it.
   */
  function release(key: string, token: string): Promise<unknown> {
    if (!client.isReady) return Promise.resolve();
    const sent = client.eval(RELEASE, { keys: [keys.lock(key)], arguments: [token] });
    sent.catch(() => {});
    return redis.up ? call(() => sent) : Promise.resolve();
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
  redis.subscribe(keys.channel, (message) => {
    for (const done of [...(waiters.get(message) ?? [])]) done();
  });

  /** Fetches as the lock's owner: stores a failure for the waiters, releases, announces. */
  async function own(key: string, token: string, fetch: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    try {
      return await fetch();
    } catch (error) {
      if (error instanceof RelayError) {
        await call(() => client.set(keys.fail(key), failureRecord(token, error), { PX: FAIL_MS }));
      }
      throw error;
    } finally {
      await release(key, token);
      await call(() => client.publish(keys.channel, key));
    }
  }

  return async function coalesce(key: string, fetch: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    const lockMs = options.upstreamTimeoutMs + LOCK_MARGIN_MS;
    // However many owners come and go, this request waits at most about one lock's life.
    const deadline = Date.now() + lockMs;
    for (;;) {
      const token = tokenPrefix + randomUUID();
      let sent = false;
      const taken = await call(() => {
        sent = true;
        // One round trip: the lock, who holds it if not us, and the copy there is now.
        return client.eval(LOCK, { keys: [keys.lock(key), keys.entry(key)], arguments: [token, String(lockMs)] });
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
          () => Promise.all([client.get(keys.entry(key)), client.get(keys.fail(key)), client.get(keys.lock(key)), client.pTTL(keys.fail(key))]),
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
  };
}

// The relay's cache alone, with a clock and an upstream the test controls: no sockets, no sleeping.
import { describe, expect, test } from 'vitest';
import { RelayCache } from '../../src/relay/cache.js';
import type { CachedAnswer } from '../../src/relay/shared.js';
import { RelayError } from '../../src/relay/errors.js';

/** An upstream whose answers the test releases one by one. */
function controlledUpstream() {
  const calls: { key: string; resolve: (a: Omit<CachedAnswer, 'fetchedAt'>) => void; reject: (e: unknown) => void }[] = [];
  return {
    calls,
    fetch: (key: string) => new Promise<Omit<CachedAnswer, 'fetchedAt'>>((resolve, reject) => calls.push({ key, resolve, reject })),
    answer: (i: number, text: string) => calls[i]!.resolve({ status: 200, body: Buffer.from(text) }),
    fail: (i: number) => calls[i]!.reject(new RelayError('UPSTREAM_STATUS', 'upstream answered 500')),
  };
}

function cacheWith(upstream: ReturnType<typeof controlledUpstream>, clock: { t: number }, ttlMs = 10_000, maxStaleMs = 60_000) {
  return new RelayCache({
    ttlMs,
    maxStaleMs,
    maxEntries: 100,
    maxBytes: 1 << 20,
    fetch: upstream.fetch,
    cacheable: (a) => a.status < 300 || a.status === 404,
    now: () => clock.t,
  });
}

const settle = () => new Promise((r) => setImmediate(r));

/** A cache holding '/k' (answered `body` at 1,000,000 ms), with its upstream and clock. */
async function primed(body = 'old') {
  const up = controlledUpstream();
  const clock = { t: 1_000_000 };
  const cache = cacheWith(up, clock);
  const first = cache.get('/k');
  await settle();
  up.answer(0, body);
  await first;
  return { up, clock, cache };
}

describe('RelayCache', () => {
  test('MISS: concurrent requests share one upstream call; then HIT within the TTL', async () => {
    const up = controlledUpstream();
    const clock = { t: 1_000_000 };
    const cache = cacheWith(up, clock);
    const pending = Array.from({ length: 50 }, () => cache.get('/k'));
    await settle();
    expect(up.calls).toHaveLength(1);
    up.answer(0, 'one');
    const results = await Promise.all(pending);
    expect(results.every((r) => r.result === 'MISS' && r.answer.body.toString() === 'one')).toBe(true);
    clock.t += 9_999;
    expect((await cache.get('/k')).result).toBe('HIT');
    expect(up.calls).toHaveLength(1);
  });

  test('expired: STALE at once, and exactly one background refresh however many requests and however long it takes', async () => {
    const { up, clock, cache } = await primed();
    clock.t += 10_000;
    for (let i = 0; i < 100; i++) {
      const r = await cache.get('/k');
      expect(r).toMatchObject({ result: 'STALE' });
      expect(r.answer.body.toString()).toBe('old');
      clock.t += 10; // requests keep coming while the refresh hangs
    }
    expect(up.calls).toHaveLength(2);
    up.answer(1, 'new');
    await settle();
    await settle();
    const fresh = await cache.get('/k');
    expect(fresh.result).toBe('HIT');
    expect(fresh.answer.body.toString()).toBe('new');
    expect(up.calls).toHaveLength(2);
  });

  test('a failed refresh is not retried within the next TTL window (stale-if-error without hammering the upstream)', async () => {
    const { up, clock, cache } = await primed();
    clock.t += 10_000;
    await cache.get('/k');
    up.fail(1);
    await settle();
    await settle();
    for (let i = 0; i < 20; i++) {
      clock.t += 400;
      expect((await cache.get('/k')).result).toBe('STALE');
    }
    expect(up.calls).toHaveLength(2); // 8 s later: still inside the window after the failure
    clock.t += 2_001;
    expect((await cache.get('/k')).result).toBe('STALE');
    expect(up.calls).toHaveLength(3); // the next window: one more try
  });

  test('past the stale horizon: a MISS that waits for the upstream, and its failure is the answer', async () => {
    const up = controlledUpstream();
    const clock = { t: 1_000_000 };
    const cache = cacheWith(up, clock, 10_000, 60_000);
    const first = cache.get('/k');
    await settle();
    up.answer(0, 'old');
    await first;
    clock.t += 60_000;
    const miss = cache.get('/k');
    await settle();
    up.fail(1);
    await expect(miss).rejects.toThrow('upstream answered 500');
  });

  test('an entry dated in the future (clock moved back) is neither fresh nor stale', async () => {
    const { up, clock, cache } = await primed('x');
    clock.t -= 5_000;
    const again = cache.get('/k');
    await settle();
    expect(up.calls).toHaveLength(2);
    up.answer(1, 'y');
    expect((await again).result).toBe('MISS');
  });
});

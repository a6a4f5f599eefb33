// The board's results are shared through Redis like every answer of the relay: two relays (in this
// process, port 0) on one real redis-server compute a query once between them.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { silentLogger } from '../../src/relay/log.js';
import { redisPrefix } from '../../src/relay/redis/layout.js';
import { connectRedis } from '../../src/relay/redis/store.js';
import type { Relay } from '../../src/relay/server.js';
import type { SharedStore } from '../../src/relay/shared.js';
import { startMenuApi, type MenuApi } from '../helpers/menu-api.js';
import { findProgram, startRedis, type RedisServer } from '../helpers/redis-server.js';
import { relayFor } from '../helpers/relay.js';

let api: MenuApi;
let redis: RedisServer;
const stores: SharedStore[] = [];
const relays: Relay[] = [];

beforeAll(async () => {
  findProgram('redis-server', 'redis-server');
  api = await startMenuApi();
  redis = await startRedis();
  for (let i = 0; i < 2; i++) {
    const shared = await connectRedis({ url: redis.url, prefix: redisPrefix(api.url), timeoutMs: 500, log: silentLogger, upstreamTimeoutMs: 2_000, maxStaleMs: 86_400_000, ttlMs: 10_000 });
    stores.push(shared);
    relays.push(await relayFor(api.url, { shared }));
  }
});
afterAll(async () => {
  for (const relay of relays) await relay.close(100);
  for (const store of stores) await store.close();
  await redis?.close();
  await api?.close();
});

test('a query computed by one relay is a HIT on the other; concurrent requests on both cost one upstream call per key', async () => {
  const [a, b] = relays as [Relay, Relay];
  api.latencyMs = 100;
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`${(i % 2 ? a : b).url}/-/board?region=solna&i=${i}`)));
  expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
  const solna = api.restaurants.filter((r) => r.region === 'Solna').length;
  expect(api.totalCalls()).toBe(1 + solna);
  // Another query, computed by a, read by b from Redis.
  const first = await fetch(`${a.url}/-/today?region=uppsala`);
  expect(first.headers.get('x-cache')).toBe('MISS');
  const second = await fetch(`${b.url}/-/today?region=bmc`);
  expect(second.headers.get('x-cache')).toBe('HIT');
  expect(await second.text()).toBe(await first.text());
});

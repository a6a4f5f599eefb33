// What the relay accepts from Redis (issue 18): decode() is the one gate between a Redis entry
// and an answer, so a forged entry is refused here (the whole path, against a real redis-server,
// is in redis.e2e.test.ts). And the key prefix.
import { expect, test } from 'vitest';
import { decode, encode, redisPrefix } from '../../src/relay/redis/layout.js';

const NOW = 1_790_000_000_000;
const entry = (head: unknown, body = '{"restaurants": []}') => Buffer.from(`${JSON.stringify(head)}\n${body}`);

test.each([
  ['status 101', entry({ status: 101, fetchedAt: NOW })],
  ['status 100', entry({ status: 100, fetchedAt: NOW })],
  ['status 302', entry({ status: 302, fetchedAt: NOW })],
  ['status 500', entry({ status: 500, fetchedAt: NOW })],
  ['status 999', entry({ status: 999, fetchedAt: NOW })],
  ['status 0', entry({ status: 0, fetchedAt: NOW })],
  ['status -1', entry({ status: -1, fetchedAt: NOW })],
  ['status 1000', entry({ status: 1000, fetchedAt: NOW })],
  ['an HTML body', entry({ status: 200, fetchedAt: NOW }, '<html><script>alert(1)</script>')],
  ['an empty body', entry({ status: 200, fetchedAt: NOW }, '')],
  ['a fetch time a day ahead', entry({ status: 200, fetchedAt: NOW + 86_400_000 })],
  ['a fetch time of 0', entry({ status: 200, fetchedAt: 0 })],
  ['a fetch time of -1', entry({ status: 200, fetchedAt: -1 })],
  ['a fractional fetch time', entry({ status: 200, fetchedAt: NOW - 0.5 })],
  // Parsing it would hold the event loop for seconds (JSON.parse: ~10 µs per level): refused unparsed.
  ['a body nested three million deep', entry({ status: 200, fetchedAt: NOW }, '['.repeat(3_000_000) + ']'.repeat(3_000_000))],
])('a forged entry (%s) is refused; what the relay writes is read back as written', (_, raw) => {
  expect(decode(raw, NOW)).toBeUndefined();
  for (const status of [200, 203, 404]) {
    const answer = { status, fetchedAt: NOW - 5_000, body: Buffer.from('{"a": 1}') };
    expect(decode(encode(answer), NOW)).toEqual(answer);
  }
});

test('a reply that is not a string (an integer) is no entry, not an exception', () => {
  expect(decode(42, NOW)).toBeUndefined();
});

test('the key prefix names the upstream (a hash of its URL, without credentials), so deployments of different upstreams never share keys', () => {
  const prefix = redisPrefix('https://menu.example/api');
  expect(prefix).toMatch(/^rm:v1:[0-9a-f]{12}:$/);
  expect(redisPrefix('https://menu.example/api/')).toBe(prefix);
  expect(redisPrefix('https://alice:secret@menu.example/api')).toBe(prefix);
  expect(redisPrefix('https://menu.example/other')).not.toBe(prefix);
  expect(redisPrefix('https://staging.menu.example/api')).not.toBe(prefix);
});

// Found by the adversarial round (h-adv): serve's choice of upstream when --upstream is unset
// (relay/main.ts upstreamOf) passes over an API that is another machine, and relays one that is
// this relay by another spelling of the loopback address.
import { expect, test } from 'vitest';
import { upstreamOf } from '../../src/relay/main.js';
import { DEFAULT_API } from '../../src/settings/table.js';

/** What upstreamOf reads of a run: the saved api, nothing else given. */
const savedApi = (api: string) => ({
  setting: ((key: string) => (key === 'api' ? api : key === 'upstream' ? DEFAULT_API : undefined)) as never,
  origin: ((key: string) => (key === 'api' ? 'saved' : 'default')) as never,
});

test('a relay listening on every interface (0.0.0.0:8080) relays a saved api on another host at the same port', () => {
  // The usual container set-up: `serve --host 0.0.0.0 --port 8080` beside a menu API at
  // http://menu-api:8080/api. That is not this relay; it was replaced by the public API.
  expect(upstreamOf(savedApi('http://menu-api:8080/api'), '0.0.0.0', 8080)).toBe('http://menu-api:8080/api');
  expect(upstreamOf(savedApi('http://10.1.2.3:8080/api'), '::', 8080)).toBe('http://10.1.2.3:8080/api');
});

test('a saved api that is this relay by an IPv4-mapped IPv6 address is passed over (it would call itself)', () => {
  // http://[::ffff:127.0.0.1]:P reaches a relay on 127.0.0.1:P; every request then loops
  // (/api/api/api/...) until the upstream timeout, and answers 504.
  expect(upstreamOf(savedApi('http://[::ffff:127.0.0.1]:18732/api'), '127.0.0.1', 18732)).toBe(DEFAULT_API);
  expect(upstreamOf(savedApi('http://[0:0:0:0:0:0:0:1]:18732/api'), '::1', 18732)).toBe(DEFAULT_API);
});

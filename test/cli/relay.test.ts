// The relay against the stand-in API, both on port 0.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Relay } from '../../src/relay/server.js';
import { closedPortUrl, startMenuApi, type MenuApi } from '../helpers/menu-api.js';
import { startNginx } from '../helpers/nginx.js';
import { json, rawRequest, relayFor } from '../helpers/relay.js';

let api: MenuApi;
let relay: Relay | undefined;

beforeAll(async () => {
  api = await startMenuApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());
afterEach(async () => {
  await relay?.close(100);
  relay = undefined;
});

/** A clock the test moves by hand, so expiry is tested without sleeping. */
function fakeClock() {
  let t = Date.now();
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("the original design's checks", () => {
  test('/restaurant answers 200, application/json, a body with restaurants', async () => {
    relay = await relayFor(api.url);
    const res = await fetch(`${relay.url}/restaurant`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await json(res)).restaurants).toHaveLength(18);
  });

  test.each(['new', 'old'] as const)('an unknown restaurant answers non-200 with application/json (%s deployment)', async (variant) => {
    const upstream = await startMenuApi({ variant });
    relay = await relayFor(upstream.url);
    try {
      const res = await fetch(`${relay.url}/restaurant/nope`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await json(res);
      expect(variant === 'new' ? body : body.error).toEqual(variant === 'new' ? { detail: 'Restaurant not found' } : 'not found upstream');
    } finally {
      await upstream.close();
    }
  });
});

describe('relaying', () => {
  test('same status and body bytes, in its own JSON content type with the headers of a public JSON API; HEAD has no body', async () => {
    relay = await relayFor(api.url);
    const direct = await fetch(`${api.url}/restaurant/dufva`);
    const relayed = await fetch(`${relay.url}/restaurant/dufva`);
    expect(relayed.status).toBe(direct.status);
    expect(relayed.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(relayed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(relayed.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(relayed.headers.get('x-frame-options')).toBe('DENY');
    expect(relayed.headers.get('referrer-policy')).toBe('no-referrer');
    expect(Buffer.from(await relayed.arrayBuffer())).toEqual(Buffer.from(await direct.arrayBuffer()));
    const head = await fetch(`${relay.url}/restaurant/dufva`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  test('client headers are not forwarded', async () => {
    relay = await relayFor(api.url);
    await fetch(`${relay.url}/restaurant`, { headers: { cookie: 'session=secret', authorization: 'Bearer secret', 'x-forwarded-for': '6.6.6.6' } });
    expect(api.lastHeaders.cookie).toBeUndefined();
    expect(api.lastHeaders.authorization).toBeUndefined();
    expect(api.lastHeaders['x-forwarded-for']).toBeUndefined();
    expect(api.lastHeaders.host).toBe(new URL(api.url).host);
  });

  test('upstream 5xx or unreachable: 502 JSON; 200 that is not JSON: 502 JSON', async () => {
    relay = await relayFor(api.url);
    api.fault = '500';
    let res = await fetch(`${relay.url}/restaurant`);
    expect(res.status).toBe(502);
    expect(await json(res)).toEqual({ error: 'upstream answered 500', code: 'UPSTREAM_STATUS' });
    api.fault = 'html';
    res = await fetch(`${relay.url}/restaurant`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    await relay.close(100);
    relay = await relayFor(await closedPortUrl());
    res = await fetch(`${relay.url}/restaurant`);
    expect(res.status).toBe(502);
    expect(await json(res)).toEqual({ error: 'upstream unreachable (ECONNREFUSED)', code: 'UPSTREAM_UNREACHABLE' });
  });

  test('an upstream hang gives 504 within the timeout', async () => {
    relay = await relayFor(api.url, { upstreamTimeoutMs: 500 });
    api.fault = 'hang';
    const started = Date.now();
    const res = await fetch(`${relay.url}/restaurant`);
    expect(res.status).toBe(504);
    expect(await json(res)).toEqual({ error: 'upstream did not answer within 500 ms', code: 'UPSTREAM_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('cache', () => {
  test('50 concurrent requests to a cold key with a 300 ms upstream make 1 upstream call', async () => {
    relay = await relayFor(api.url);
    api.latencyMs = 300;
    const responses = await Promise.all(Array.from({ length: 50 }, () => fetch(`${relay!.url}/restaurant`)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(responses.map((r) => r.headers.get('x-cache'))).toEqual(Array(50).fill('MISS'));
    expect(api.calls.get('/restaurant')).toBe(1);
  });

  test('HIT within the TTL, with Age and max-age', async () => {
    const clock = fakeClock();
    relay = await relayFor(api.url, { ttlMs: 10_000, now: clock.now });
    let res = await fetch(`${relay.url}/restaurant/dufva`);
    expect(res.headers.get('x-cache')).toBe('MISS');
    expect(res.headers.get('cache-control')).toBe('max-age=10');
    clock.advance(4_000);
    res = await fetch(`${relay.url}/restaurant/dufva`);
    expect(res.headers.get('x-cache')).toBe('HIT');
    expect(res.headers.get('age')).toBe('4');
    expect(res.headers.get('cache-control')).toBe('max-age=6');
    expect(api.calls.get('/restaurant/dufva')).toBe(1);
  });

  test('a HIT is sent within the request event (no promise to wait for), reading the clock once, all its headers; then STALE on the same entry says so', async () => {
    const clock = fakeClock();
    let reads = 0;
    relay = await relayFor(api.url, { ttlMs: 10_000, maxStaleMs: 20_000, now: () => (reads++, clock.now()), upstreamTimeoutMs: 120_000 });
    const miss = await fetch(`${relay.url}/restaurant/dufva`);
    const body = Buffer.from(await miss.arrayBuffer());
    // Runs after the relay's own listener: a response answered there has ended by now.
    const ended: boolean[] = [];
    relay.server.on('request', (_req, res) => ended.push(res.writableEnded));
    clock.advance(1_500);
    reads = 0;
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${relay.url}/restaurant/dufva`);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(body);
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => {
        if (!['date', 'connection', 'keep-alive'].includes(key)) headers[key] = value;
      });
      expect(headers).toEqual({
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(body.length),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'x-cache': 'HIT',
        age: '1',
        'cache-control': 'max-age=9',
      });
    }
    expect(ended).toEqual([true, true, true]);
    expect(reads).toBe(3);
    // The same entry, expired: its headers say STALE, its age and max-age 0 (the refresh hangs).
    clock.advance(10_000);
    api.fault = 'hang';
    const stale = await fetch(`${relay.url}/restaurant/dufva`);
    expect([stale.headers.get('x-cache'), stale.headers.get('age'), stale.headers.get('cache-control')]).toEqual(['STALE', '11', 'max-age=0']);
    expect(Buffer.from(await stale.arrayBuffer())).toEqual(body);
    // The background refresh reaches the stand-in before the test ends (else the next test counts it).
    await vi.waitFor(() => expect(api.calls.get('/restaurant/dufva')).toBe(2), { timeout: 5_000 });
  });

  test('expired while the upstream hangs: every request STALE at once, exactly one background refresh', async () => {
    const clock = fakeClock();
    // The refresh hangs for the whole test: a request that waited for it would never finish.
    relay = await relayFor(api.url, { ttlMs: 10_000, now: clock.now, upstreamTimeoutMs: 120_000 });
    await (await fetch(`${relay.url}/restaurant/dufva`)).arrayBuffer();
    clock.advance(11_000);
    api.fault = 'hang';
    for (let round = 0; round < 4; round++) {
      const stale = await Promise.all(Array.from({ length: 20 }, () => fetch(`${relay!.url}/restaurant/dufva`)));
      expect(stale.map((r) => r.headers.get('x-cache'))).toEqual(Array(20).fill('STALE'));
      expect(stale[0]!.headers.get('cache-control')).toBe('max-age=0');
      expect((await json(stale[0]!)).restaurant.menu).toHaveLength(3);
      clock.advance(1_000);
    }
    expect(api.calls.get('/restaurant/dufva')).toBe(2);
    expect(relay.cache.pending).toBe(1);
  });

  test('expired, upstream fine: STALE, the refresh lands, then HIT on the new copy', async () => {
    const clock = fakeClock();
    relay = await relayFor(api.url, { ttlMs: 10_000, now: clock.now });
    await (await fetch(`${relay.url}/restaurant/dufva`)).arrayBuffer();
    clock.advance(11_000);
    api.dishes.dufva = ['Ny rätt'];
    expect((await fetch(`${relay.url}/restaurant/dufva`)).headers.get('x-cache')).toBe('STALE');
    await until(() => relay!.cache.pending === 0);
    const res = await fetch(`${relay.url}/restaurant/dufva`);
    expect(res.headers.get('x-cache')).toBe('HIT');
    expect((await json(res)).restaurant.menu).toEqual([{ dish: 'Ny rätt' }]);
    expect(api.calls.get('/restaurant/dufva')).toBe(2);
  });

  test('stale-if-error: the last good copy is served while the upstream fails, up to the limit', async () => {
    const clock = fakeClock();
    relay = await relayFor(api.url, { ttlMs: 10_000, maxStaleMs: 3_600_000, now: clock.now });
    await fetch(`${relay.url}/restaurant`);
    api.fault = '500';
    let age = 0;
    for (const minutes of [1, 30, 59]) {
      clock.advance(minutes * 60_000 - age);
      age = minutes * 60_000;
      const res = await fetch(`${relay.url}/restaurant`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache')).toBe('STALE');
      await until(() => relay!.cache.pending === 0);
    }
    // One refresh per TTL window while it fails: three windows, three tries.
    expect(api.calls.get('/restaurant')).toBe(4);
    clock.advance(2 * 60_000); // 61 minutes old: too old to stand in
    const res = await fetch(`${relay.url}/restaurant`);
    expect(res.status).toBe(502);
    expect(res.headers.get('x-cache')).toBeNull();
  });

  test('stale-if-error while the upstream refuses connections', async () => {
    const upstream = await startMenuApi();
    const clock = fakeClock();
    relay = await relayFor(upstream.url, { ttlMs: 1_000, now: clock.now });
    await fetch(`${relay.url}/restaurant`);
    await upstream.close();
    clock.advance(5_000);
    const res = await fetch(`${relay.url}/restaurant`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cache')).toBe('STALE');
    expect((await json(res)).restaurants).toHaveLength(18);
  });

  test('404 is cached; 5xx is not', async () => {
    relay = await relayFor(api.url);
    await fetch(`${relay.url}/restaurant/nope`);
    const again = await fetch(`${relay.url}/restaurant/nope`);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(api.calls.get('/restaurant/nope')).toBe(1);
    api.faults.set('/restaurant/dufva', '503');
    await fetch(`${relay.url}/restaurant/dufva`);
    await fetch(`${relay.url}/restaurant/dufva`);
    expect(api.calls.get('/restaurant/dufva')).toBe(2);
  });

  test('the LRU bound holds under 600 distinct paths', async () => {
    relay = await relayFor(api.url, { maxEntries: 50, maxBytes: 1024 * 1024 });
    for (let batch = 0; batch < 12; batch++) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(`${relay!.url}/restaurant/x${batch * 50 + i}`).then((r) => r.arrayBuffer())));
      expect(relay.cache.size).toBeLessThanOrEqual(50);
    }
    expect(api.totalCalls()).toBe(600);
    // The newest are kept, the oldest evicted.
    expect((await fetch(`${relay.url}/restaurant/x599`)).headers.get('x-cache')).toBe('HIT');
    expect((await fetch(`${relay.url}/restaurant/x0`)).headers.get('x-cache')).toBe('MISS');
  });

  test('the byte bound holds', async () => {
    relay = await relayFor(api.url, { maxEntries: 1000, maxBytes: 20_000 });
    for (const id of ['bikupan', 'dufva', 'jons', 'jorpes', 'hubben', 'svarta', 'livet', 'nanna', 'omni', 'rudbeck']) {
      api.dishes[id] = Array.from({ length: 50 }, (_, i) => `Rätt nummer ${i} med en lång beskrivning av såsen`); // ~4 KB each
      await (await fetch(`${relay.url}/restaurant/${id}`)).arrayBuffer();
    }
    expect(relay.cache.bytes).toBeLessThanOrEqual(20_000);
    expect(relay.cache.size).toBeLessThan(10);
  });
});

describe('safety', () => {
  test.each([
    'GET http://evil.example/ HTTP/1.1',
    'GET //evil.example/restaurant HTTP/1.1',
    'GET /restaurant/../../etc/passwd HTTP/1.1',
    'GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1',
    'GET /.%2e/secret HTTP/1.1',
    'GET /restaurant%2f..%2f..%2fadmin HTTP/1.1',
    'GET /restaurant\\..\\admin HTTP/1.1',
    'GET /restaurant%00 HTTP/1.1',
    'GET /restaurant%0d%0aSet-Cookie:%20x HTTP/1.1',
    'GET /%252e%252e/secret HTTP/1.1',
  ])('%s → 400 JSON, no upstream call', async (line) => {
    relay = await relayFor(api.url);
    const res = await rawRequest(relay.url, line);
    expect(res.status).toBe(400);
    expect(res.head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(res.body).error).toEqual(expect.any(String));
    expect(api.totalCalls()).toBe(0);
  });

  test.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s → 405 with Allow', async (method) => {
    relay = await relayFor(api.url);
    const res = await fetch(`${relay.url}/restaurant`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await json(res)).toEqual({ error: 'only GET and HEAD are allowed', code: 'METHOD_NOT_ALLOWED' });
    expect(api.totalCalls()).toBe(0);
  });
});

describe('operations', () => {
  test('health makes no upstream call; metrics in Prometheus text format', async () => {
    relay = await relayFor(api.url);
    const health = await fetch(`${relay.url}/-/health`);
    expect(health.status).toBe(200);
    expect(await json(health)).toEqual({ status: 'ok' });
    expect(health.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(api.totalCalls()).toBe(0);
    await fetch(`${relay.url}/restaurant`);
    await fetch(`${relay.url}/restaurant`);
    const metrics = await (await fetch(`${relay.url}/-/metrics`)).text();
    expect(metrics).toContain('relay_cache_lookups_total{result="hit"} 1');
    expect(metrics).toContain('relay_cache_lookups_total{result="miss"} 1');
    expect(metrics).toContain('relay_upstream_requests_total{outcome="ok"} 1');
    expect(metrics).toContain('relay_cache_entries 1');
    expect(metrics).toMatch(/relay_requests_total\{status="200"\} [23]/);
    expect(metrics).toMatch(/relay_upstream_duration_seconds_count 1/);
  });

  test('graceful shutdown: a request in flight completes, new connections are refused', async () => {
    relay = await relayFor(api.url);
    api.latencyMs = 300;
    const inFlight = fetch(`${relay.url}/restaurant`);
    await until(() => api.totalCalls() === 1);
    const url = relay.url;
    const closing = relay.close();
    relay = undefined;
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect((await json(res)).restaurants).toHaveLength(18);
    await closing;
    await expect(fetch(`${url}/restaurant`)).rejects.toThrow();
  });
});

describe('hostile upstreams and clients', () => {
  test("the upstream's content type is never relayed: a body meant to be HTML is refused, and JSON is served as the relay's own JSON", async () => {
    relay = await relayFor(api.url);
    api.fault = 'html-type';
    const res = await fetch(`${relay.url}/restaurant`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  test('the query is dropped: 500 distinct query strings make one upstream call', async () => {
    relay = await relayFor(api.url);
    for (let batch = 0; batch < 10; batch++) {
      const res = await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(`${relay!.url}/restaurant/dufva?bust=${batch * 50 + i}`)));
      expect(res.every((r) => r.status === 200)).toBe(true);
    }
    expect(api.totalCalls()).toBe(1);
  });

  test('a fragment on the raw request line (#1 ... #300): one cache entry, one upstream call', async () => {
    relay = await relayFor(api.url);
    for (let i = 1; i <= 300; i++) {
      const res = await rawRequest(relay.url, `GET /restaurant/bikupan#${i} HTTP/1.1`);
      expect(res.status).toBe(200);
    }
    expect(api.calls.get('/restaurant/bikupan')).toBe(1);
    expect(api.totalCalls()).toBe(1);
    expect(relay.cache.size).toBe(1);
  });

  test('the same fragments behind the shipped nginx config: one upstream call', async () => {
    relay = await relayFor(api.url);
    const lb = await startNginx([relay.url]);
    try {
      for (let i = 1; i <= 50; i++) expect((await rawRequest(lb.url, `GET /restaurant/bikupan#${i} HTTP/1.1`)).status).toBe(200);
    } finally {
      await lb.close();
    }
    expect(api.calls.get('/restaurant/bikupan')).toBe(1);
    expect(relay.cache.size).toBe(1);
  });

  test('percent-encoded unreserved characters: every spelling is one entry and one upstream call, and they push nothing out', async () => {
    relay = await relayFor(api.url, { maxEntries: 3 });
    await fetch(`${relay.url}/restaurant/dufva`);
    const id = 'bikupan';
    // Each letter plain, %xx or %XX: 200 distinct spellings of the 3^7 combinations.
    const all = Array.from({ length: 3 ** id.length }, (_, n) =>
      [...id]
        .map((ch, i) => {
          const form = Math.floor(n / 3 ** i) % 3;
          const code = ch.charCodeAt(0).toString(16);
          return form === 0 ? ch : form === 1 ? `%${code}` : `%${code.toUpperCase()}`;
        })
        .join(''),
    );
    const spellings = [...new Set(all)].slice(0, 200);
    expect(spellings).toHaveLength(200);
    for (const spelling of spellings) {
      const res = await rawRequest(relay.url, `GET /restaurant/${spelling} HTTP/1.1`);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).restaurant.title).toBe('Restaurang Bikupan');
    }
    expect(api.calls.get('/restaurant/bikupan')).toBe(1);
    expect(api.totalCalls()).toBe(2);
    expect(relay.cache.size).toBe(2);
    // The real entry is still there.
    expect((await fetch(`${relay.url}/restaurant/dufva`)).headers.get('x-cache')).toBe('HIT');
    expect(api.totalCalls()).toBe(2);
  });

  test('an identifier with an encoded / or % gives the same answer through the relay as from the API', async () => {
    api.restaurants = [...api.restaurants, { ...api.restaurants[0]!, identifier: 'a/b', name: 'Slash' }, { ...api.restaurants[0]!, identifier: '50%', name: 'Percent' }];
    api.dishes['a/b'] = ['Snedstreck'];
    api.dishes['50%'] = ['Procent'];
    relay = await relayFor(api.url);
    for (const id of ['a/b', '50%']) {
      const path = `/restaurant/${encodeURIComponent(id)}`;
      const direct = await fetch(api.url + path);
      const relayed = await fetch(relay.url + path);
      expect(relayed.status).toBe(direct.status);
      expect(await relayed.text()).toBe(await direct.text());
    }
  });

  test.each([
    ['a malformed request line', 'GARBAGE\u0001 / HTTP/1.1', [], 400, 'BAD_REQUEST'],
    ['an oversized header', 'GET /restaurant HTTP/1.1', [`X-Big: ${'a'.repeat(20_000)}`], 431, 'HEADERS_TOO_LARGE'],
    ['CONNECT', 'CONNECT evil.example:443 HTTP/1.1', [], 405, 'METHOD_NOT_ALLOWED'],
  ])('%s: a JSON answer with a status, not an empty reply', async (_, line, headers, status, code) => {
    relay = await relayFor(api.url);
    const res = await rawRequest(relay.url, line as string, headers as string[]);
    expect(res.status).toBe(status);
    expect(res.head).toMatch(/content-type: application\/json; charset=utf-8/i);
    expect(JSON.parse(res.body)).toMatchObject({ code });
    expect(api.totalCalls()).toBe(0);
  });

  test.each(['/-/health?x', '/-/metrics#x', '/-/nosuch', '/-/health/'])('%s is the relay\'s own namespace: answered here, never relayed upstream', async (target) => {
    relay = await relayFor(api.url);
    const res = await rawRequest(relay.url, `GET ${target} HTTP/1.1`);
    expect([200, 404]).toContain(res.status);
    expect(res.head).not.toMatch(/x-cache/i);
    expect(api.totalCalls()).toBe(0);
  });

  test('an HTTP/1.1 request without Host: our JSON 400 with the security headers (Node\'s own was a bare 400)', async () => {
    relay = await relayFor(api.url);
    const res = await rawRequest(relay.url, 'GET /restaurant HTTP/1.1', [], { host: false });
    expect(res.status).toBe(400);
    expect(res.head).toMatch(/content-type: application\/json; charset=utf-8/i);
    expect(res.head).toMatch(/x-content-type-options: nosniff/i);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'BAD_REQUEST' });
    expect(api.totalCalls()).toBe(0);
  });

  test('each upstream failure is logged once', async () => {
    const lines: string[] = [];
    const { createLogger } = await import('../../src/relay/log.js');
    relay = await relayFor(api.url, { log: createLogger({ level: 'info', format: 'json', out: { write: (l: string) => lines.push(l) } }) });
    api.fault = '500';
    await fetch(`${relay.url}/restaurant`);
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['upstream failed']);
  });
});

/** Waits for a condition the test cannot await directly (a background refresh); bounded. */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setImmediate(r));
  }
}

// `/-/today` fails as the relayed paths fail (issue 21): when the upstream does, the same status,
// code and words as `GET /restaurant` through the same relay, in the relay's one error shape.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Relay } from '../../src/relay/server.js';
import { startMenuApi, type Fault, type MenuApi } from '../helpers/menu-api.js';
import { json, relayFor } from '../helpers/relay.js';

let api: MenuApi;
beforeAll(async () => {
  api = await startMenuApi();
});
afterAll(() => api.close());

async function answer(relay: Relay, path: string) {
  const res = await fetch(`${relay.url}${path}`);
  return { status: res.status, body: await json(res) };
}

test.each<[Fault | 'unreachable']>([['500'], ['503'], ['html'], ['hang'], ['unreachable']])('upstream %s: /-/today answers as /restaurant does', async (fault) => {
  api.reset();
  if (fault !== 'unreachable') api.fault = fault;
  // Each path on its own relay, so that neither answers from what the other cached.
  const upstream = fault === 'unreachable' ? 'http://127.0.0.1:9' : api.url;
  const [a, b] = await Promise.all([relayFor(upstream, { upstreamTimeoutMs: 300 }), relayFor(upstream, { upstreamTimeoutMs: 300 })]);
  try {
    const relayed = await answer(a, '/restaurant');
    expect(relayed.status).toBeGreaterThanOrEqual(500);
    expect(Object.keys(relayed.body).sort()).toEqual(['code', 'error']);
    expect(await answer(b, '/-/today')).toEqual(relayed);
  } finally {
    await Promise.all([a.close(100), b.close(100)]);
  }
});

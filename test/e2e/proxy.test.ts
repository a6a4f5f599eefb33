// Users behind a corporate proxy: HTTP_PROXY is honoured and NO_PROXY exempts hosts; a proxy
// that cannot be reached is named as such. The proxy is a real forward proxy (the `proxy` package) on port 0.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { closedPortUrl, startMenuApi, type MenuApi } from '../helpers/menu-api.js';
import { sandbox } from '../helpers/binary.js';

let api: MenuApi;
let proxy: Server;
let proxyUrl: string;
let proxied: string[] = [];

beforeAll(async () => {
  api = await startMenuApi();
  proxy = createProxy(createServer());
  // hpagent tunnels plain HTTP through CONNECT too; count both kinds of proxied request.
  proxy.on('request', (req) => proxied.push(`GET ${req.url}`));
  proxy.on('connect', (req) => proxied.push(`CONNECT ${req.url}`));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await api.close();
  proxy.closeAllConnections?.();
  await new Promise((resolve) => proxy.close(resolve));
});
beforeEach(() => {
  proxied = [];
  api.reset();
});

test('a lookup goes through HTTP_PROXY, and the proxy sees the request', async () => {
  const box = sandbox();
  const r = await box.run(['--api', api.url, 'dufva', '--no-cache'], { HTTP_PROXY: proxyUrl });
  box.cleanup();
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/^Uppsala\tdufva\tSven Dufva\t/);
  // Both API calls went through tunnels to the stand-in (usually one, kept alive).
  expect(proxied.length).toBeGreaterThanOrEqual(1);
  expect(new Set(proxied)).toEqual(new Set([`CONNECT ${new URL(api.url).host}`]));
  expect(api.totalCalls()).toBe(2);
});

test('NO_PROXY bypasses the proxy', async () => {
  const box = sandbox();
  const r = await box.run(['--api', api.url, 'dufva', '--no-cache'], { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
  box.cleanup();
  expect(r.code, r.stderr).toBe(0);
  expect(proxied).toEqual([]);
  expect(api.totalCalls()).toBe(2);
});

test('a proxy that cannot be reached is named, not the API', async () => {
  const box = sandbox();
  const broken = await closedPortUrl();
  const r = await box.run(['--api', api.url, 'dufva', '--no-cache'], { HTTP_PROXY: broken });
  box.cleanup();
  expect(r.code).toBe(3);
  expect(r.stderr.trim()).toMatch(
    new RegExp(`^restaurant-menu: cannot reach the proxy ${new URL(broken).host.replace(/\./g, '\\.')} \\(connection refused\\); check HTTPS_PROXY/HTTP_PROXY, or NO_PROXY$`),
  );
  expect(api.totalCalls()).toBe(0);
});

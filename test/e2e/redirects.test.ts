// Redirects the menu API answers with, through the built binary: followed within the same
// security, never from https down to plain http (an https answer must not come over a connection
// anyone on the way can read and change). The https side is a real TLS server with a throw-away
// CA the binary trusts through NODE_EXTRA_CA_CERTS.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useBinary } from '../helpers/binary.js';
import { testCa, type TestCa } from '../helpers/redis-server.js';

const t = useBinary();
let ca: TestCa;
let plainCalls = 0;
let plain: http.Server;
let secure: https.Server;
let secureUrl: string;
/** Where the https server sends every request: set by each test. */
let redirectTo: (path: string) => string;

const listen = (server: http.Server | https.Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(String((server.address() as AddressInfo).port))));

beforeAll(async () => {
  ca = testCa();
  plain = http.createServer((_req, res) => {
    plainCalls++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  secure = https.createServer({ cert: readFileSync(ca.cert), key: readFileSync(ca.key) }, (req, res) => {
    res.writeHead(302, { location: redirectTo(req.url ?? '/') }).end();
  });
  const plainPort = await listen(plain);
  secureUrl = `https://127.0.0.1:${await listen(secure)}/api`;
  redirectTo = (path) => `http://127.0.0.1:${plainPort}${path}`;
});
afterAll(() => {
  plain.close();
  secure.close();
});

test('https redirected to plain http: not followed, one line, exit 3, nothing asked of the http server', async () => {
  plainCalls = 0;
  const r = await t.box.run(['--api', secureUrl, '--no-cache', 'today'], { NODE_EXTRA_CA_CERTS: ca.ca });
  expect(r.code, r.stderr).toBe(3);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/redirected to plain http \(127\.0\.0\.1:\d+\); not followed/);
  expect(plainCalls).toBe(0);
});

test('https redirected to https (the stand-in behind a second address) is followed', async () => {
  // The stand-in speaks plain http, so the second https hop is this same TLS server's own path,
  // which then fails the same way: what matters is that an https → https hop is taken.
  let hops = 0;
  redirectTo = (path) => {
    hops++;
    return hops === 1 ? `${secureUrl}/moved${path.replace(/^\/api/, '')}` : `http://127.0.0.1:1${path}`;
  };
  const r = await t.box.run(['--api', secureUrl, '--no-cache', 'today'], { NODE_EXTRA_CA_CERTS: ca.ca });
  expect(hops).toBeGreaterThanOrEqual(2);
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/redirected to plain http/);
});

test('plain http redirected to plain http is followed as before', async () => {
  const hop = http.createServer((req, res) => res.writeHead(301, { location: `${t.api.url}${req.url!.replace(/^\/old/, '')}` }).end());
  const port = await listen(hop);
  try {
    const r = await t.box.run(['--api', `http://127.0.0.1:${port}/old`, '--no-cache', 'dufva']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Pytt i panna');
  } finally {
    hop.close();
  }
});

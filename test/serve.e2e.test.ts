// `restaurant-menu serve` as a real process: start-up, the CLI going through it, signals.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import { json } from './helpers/relay.js';
import { BIN } from './helpers/run-cli.js';
import { useStandIn } from './helpers/stand-in.js';

const t = useStandIn();
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

interface Served {
  child: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
}

/** Starts the relay on port 0 and waits for its "listening" log line(s). */
function serve(args: string[], env: Record<string, string> = {}, listeners = 1): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--upstream', t.api.url, ...args], {
    env: { ...t.box.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        logs.push(JSON.parse(line));
        const listening = logs.filter((l) => l.msg === 'relay listening');
        if (listening.length === listeners) resolve({ child, url: listening[0]!.url as string, logs, exited });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code} before listening`)));
  });
}

test('the CLI through the relay prints exactly what the direct lookup prints', async () => {
  const relay = await serve([]);
  for (const args of [['Sven Dufva'], ['restaurang'], ['--region', 'solna'], ['delta', '--json']]) {
    const direct = await t.box.run(['--api', t.api.url, '--no-cache', ...args]);
    const relayed = await t.box.run(['--api', relay.url, '--no-cache', ...args]);
    const strip = (s: string) => s.replace(/"fetchedAt": "[^"]+"/, '');
    expect(strip(relayed.stdout)).toBe(strip(direct.stdout));
    expect(relayed.stderr).toBe(direct.stderr);
    expect(relayed.code).toBe(direct.code);
  }
});

test('SIGTERM: stops accepting, finishes the request in flight, exits 0', async () => {
  const relay = await serve([]);
  t.api.latencyMs = 500;
  const inFlight = fetch(`${relay.url}/restaurant`);
  while (t.api.totalCalls() === 0) await new Promise((r) => setImmediate(r));
  relay.child.kill('SIGTERM');
  const res = await inFlight;
  expect(res.status).toBe(200);
  expect((await json(res)).restaurants).toHaveLength(18);
  expect(await relay.exited).toBe(0);
  expect(relay.logs.map((l) => l.msg)).toEqual(['relay listening', 'shutting down', 'stopped']);
});

test('configuration from the environment, as in a container', async () => {
  const relay = await serve(['--upstream', t.api.url], { CACHE_TTL: '2m', CACHE_MAX_ENTRIES: '50', HOST: '127.0.0.1' });
  expect(relay.logs[0]).toMatchObject({ ttlMs: 120_000, maxEntries: 50 });
  const res = await fetch(`${relay.url}/restaurant`);
  expect(res.headers.get('cache-control')).toBe('max-age=120');
  relay.child.kill('SIGINT');
  expect(await relay.exited).toBe(0);
});

test('--access-log writes one JSON line per request', async () => {
  const relay = await serve(['--access-log']);
  await (await fetch(`${relay.url}/restaurant`)).arrayBuffer();
  await (await fetch(`${relay.url}/restaurant`)).arrayBuffer();
  relay.child.kill('SIGTERM');
  await relay.exited;
  const access = relay.logs.filter((l) => l.msg === 'request');
  expect(access.map((l) => [l.method, l.path, l.status, l.cache])).toEqual([
    ['GET', '/restaurant', 200, 'MISS'],
    ['GET', '/restaurant', 200, 'HIT'],
  ]);
  expect(typeof access[0]!.ms).toBe('number');
});

test('--workers 2: two workers share the port; SIGTERM stops them all', async () => {
  const relay = await serve(['--workers', '2'], {}, 2);
  const pids = new Set(relay.logs.filter((l) => l.msg === 'relay listening').map((l) => l.pid));
  expect(pids.size).toBe(2);
  expect((await fetch(`${relay.url}/-/health`)).status).toBe(200);
  relay.child.kill('SIGTERM');
  expect(await relay.exited).toBe(0);
});

test.each([
  [['--port', 'eighty'], /port must be a whole number from 0 to 65535/],
  [['--ttl', 'soon'], /invalid ttl 'soon'/],
  [['--upstream', 'not a url'], /--upstream: 'not a url' is not a URL/],
  [['--max-bytes', 'lots'], /invalid size 'lots'/],
  [['--log-level', 'loud'], /--log-level must be one of error, warn, info, debug/],
])('serve %j → exit 2 with one line', async (args, pattern) => {
  const r = await t.box.run(['serve', ...args]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
});

test('a port in use is a clear error', async () => {
  const relay = await serve([]);
  const port = new URL(relay.url).port;
  const r = await t.box.run(['serve', '--port', port, '--upstream', t.api.url]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/port \d+ is already in use/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

// `restaurant-menu serve` as a real process: start-up, the CLI going through it, signals,
// workers, listen failures, a closed log output, configuration by flags and environment.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { freePort } from '../helpers/redis-server.js';
import { json } from '../helpers/relay.js';
import { BIN, useBinary } from '../helpers/binary.js';

const t = useBinary();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

interface Served {
  child: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Waits for a condition the test cannot await directly; bounded. */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Starts the relay on port 0 and waits for its "listening" log line(s). */
function serve(args: string[], env: Record<string, string> = {}, listeners = 1): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--upstream', t.api.url, ...args], { env: { ...t.box.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
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
        if (listening.length === listeners) resolve({ child, url: listening[0]!.url as string, logs, stderr: () => stderr, exited });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code} before listening: ${stderr}`)));
  });
}

test('the CLI through the relay prints exactly what the direct lookup prints', async () => {
  const relay = await serve([]);
  // (More commands are compared through an in-process relay in hostile.test.ts.)
  for (const args of [['Sven Dufva'], ['today', '--json']]) {
    const direct = await t.box.run(['--api', t.api.url, '--no-cache', ...args]);
    const relayed = await t.box.run(['--api', relay.url, '--no-cache', ...args]);
    const strip = (s: string) => s.replace(/"fetchedAt": "[^"]+"/g, '');
    expect(strip(relayed.stdout)).toBe(strip(direct.stdout));
    expect(relayed.stderr).toBe(direct.stderr);
    expect(relayed.code).toBe(direct.code);
  }
});

test('SIGTERM: stops accepting, finishes the request in flight, exits 0', async () => {
  const relay = await serve([]);
  t.api.latencyMs = 500;
  const inFlight = fetch(`${relay.url}/restaurant`);
  await until(() => t.api.totalCalls() > 0);
  relay.child.kill('SIGTERM');
  const res = await inFlight;
  expect(res.status).toBe(200);
  expect((await json(res)).restaurants).toHaveLength(18);
  expect(await relay.exited).toBe(0);
  expect(relay.logs.map((l) => l.msg)).toEqual(['relay listening', 'shutting down', 'stopped']);
});

test('configuration from the environment, as in a container; credentials in the upstream are not logged', async () => {
  const upstream = t.api.url.replace('//', '//alice:S3cret@');
  const relay = await serve(['--upstream', upstream], { CACHE_TTL: '2m', CACHE_MAX_ENTRIES: '50', HOST: '127.0.0.1' });
  expect(relay.logs[0]).toMatchObject({ ttl: '2m', maxEntries: 50, maxBytes: '64MB', upstream: upstream.replace('S3cret', '***') });
  expect(JSON.stringify(relay.logs)).not.toContain('S3cret');
  const res = await fetch(`${relay.url}/restaurant`);
  expect(res.headers.get('cache-control')).toBe('max-age=120');
  relay.child.kill('SIGINT');
  expect(await relay.exited).toBe(0);
});

test('--access-log writes one line per request', async () => {
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

test('--log-format text: readable lines, one per event', async () => {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--upstream', t.api.url, '--log-format', 'text'], { env: t.box.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  await new Promise<void>((resolve) =>
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve();
    }),
  );
  expect(out).toMatch(/^\d\d:\d\d:\d\d info  relay listening  url=http:\/\/127\.0\.0\.1:\d+ upstream=http:\/\/127\.0\.0\.1:\d+ /);
});

test('--workers 2: two workers share the port; SIGTERM stops them all', async () => {
  const relay = await serve(['--workers', '2', '--log-level', 'debug']);
  // One line says the relay listens (after every worker does); the workers are named at debug level.
  expect(relay.logs.filter((l) => l.msg === 'relay listening')).toEqual([expect.objectContaining({ workers: 2, url: relay.url })]);
  const pids = new Set(relay.logs.filter((l) => l.msg === 'worker listening').map((l) => l.pid));
  expect(pids.size).toBe(2);
  expect((await fetch(`${relay.url}/-/health`)).status).toBe(200);
  relay.child.kill('SIGTERM');
  expect(await relay.exited).toBe(0);
  const said = relay.logs.filter((l) => l.level !== 'debug').map((l) => l.msg);
  expect(said).toEqual(['starting workers', 'relay listening', 'shutting down workers', 'stopped']);
});

test('a bad flag: exit 2 with one line naming the flag (the rest of these are in-process, in cli.test)', async () => {
  const r = await t.box.run(['serve', '--port', 'eighty']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe("restaurant-menu: --port: must be a whole number from 0 to 65535 (got 'eighty')\n");
});

/** A port that something holds for the test's lifetime. */
async function heldPort(): Promise<{ port: number; close: () => void }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}

test.each([['one process', []], ['--workers 3', ['--workers', '3']]])('a port in use (%s): exit 4, one line saying what to do', async (_, extra) => {
  const held = await heldPort();
  try {
    const r = await t.box.run(['serve', '--port', String(held.port), '--upstream', t.api.url, ...extra]);
    expect(r.code).toBe(4);
    expect(r.stderr.trim()).toBe(`restaurant-menu: cannot start the relay: port ${held.port} is already in use on 127.0.0.1; choose another with --port`);
  } finally {
    held.close();
  }
});

test.each([['one process', []], ['--workers 2', ['--workers', '2']]])('an address not on this machine (%s): exit 4, one line', async (_, extra) => {
  const r = await t.box.run(['serve', '--host', '192.0.2.1', '--port', '0', '--upstream', t.api.url, ...extra]);
  expect(r.code).toBe(4);
  expect(r.stderr.trim()).toMatch(/^restaurant-menu: cannot start the relay: cannot listen on 192\.0\.2\.1: no such address on this machine/);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
});

test('a closed log output: the relay keeps serving, says so once on stderr, and never exits 0 by itself', async () => {
  const relay = await serve([]);
  relay.child.stdout!.destroy(); // the log shipper went away
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${relay.url}/restaurant/dufva?i=${i}`);
    expect(res.status).toBe(200);
    t.api.fault = '500'; // failures are logged: the writes hit the closed pipe
    await (await fetch(`${relay.url}/restaurant/x${i}`)).arrayBuffer();
    t.api.fault = 'none';
  }
  expect(relay.child.exitCode).toBeNull();
  expect(relay.stderr().match(/the log output was closed; the relay keeps serving without logs/g)).toHaveLength(1);
  relay.child.kill('SIGTERM');
  expect(await relay.exited).toBe(0);
});

/**
 * A log destination with no space left: a file on a small tmpfs filled to the brim (and a way
 * to free it) where one can be mounted (root), else /dev/full (every write fails ENOSPC).
 */
function fullDisk(): { path: string; free?: () => void; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rm-full-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (!mounted) {
    rmSync(dir, { recursive: true, force: true });
    return { path: '/dev/full', cleanup: () => {} };
  }
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (;;) writeSync(fd, Buffer.alloc(4096, 0x61));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return {
    path: join(dir, 'relay.log'),
    free: () => rmSync(filler),
    cleanup: () => {
      spawnSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The relay with its log (stdout) on `logPath`: found by its port, since its log cannot be read. */
async function serveLoggingTo(logPath: string, args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string; exited: Promise<number | null> }> {
  const port = await freePort();
  const out = openSync(logPath, 'a');
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--upstream', t.api.url, '--log-format', 'json', ...args], { env: t.box.env, stdio: ['ignore', out, 'pipe'] });
  closeSync(out);
  children.push(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/-/health`)).status === 200) break;
    } catch {
      if (Date.now() > deadline) throw new Error(`serve did not listen: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  return { child, url, stderr: () => stderr, exited };
}

test.each([
  ['/dev/full', () => ({ path: '/dev/full', cleanup: () => {} }) as ReturnType<typeof fullDisk>],
  ['a full disk (tmpfs where it can be mounted)', fullDisk],
])('the log on %s: the relay keeps serving, errors and access lines dropped, said once on stderr', async (_, disk) => {
  const full = disk();
  try {
    const relay = await serveLoggingTo(full.path, ['--access-log']);
    for (let i = 0; i < 5; i++) {
      t.api.fault = '500'; // each 502 logs a warning, and every answer an access line
      expect((await fetch(`${relay.url}/restaurant/x${i}`)).status).toBe(502);
      t.api.fault = 'none';
      expect((await fetch(`${relay.url}/restaurant/dufva`)).status).toBe(200);
    }
    // Still answering after the failed writes.
    expect((await fetch(`${relay.url}/restaurant`)).status).toBe(200);
    expect(relay.child.exitCode).toBeNull();
    expect(relay.stderr()).toBe('restaurant-menu: cannot write the log: the disk is full; the relay keeps serving without logs\n');
    if (full.free) {
      // Space again: the next lines are written.
      full.free();
      expect((await fetch(`${relay.url}/restaurant?after`)).status).toBe(200);
      // The access line is written when the answer has finished, which may be after the client has it.
      const lines = () => readFileSync(full.path, 'utf8').split('\n').filter((l) => l.includes('"/restaurant?after"'));
      await until(() => lines().length > 0);
      expect(JSON.parse(lines()[0]!)).toMatchObject({ msg: 'request', path: '/restaurant?after', status: 200 });
    }
    relay.child.kill('SIGTERM');
    expect(await relay.exited).toBe(0);
  } finally {
    full.cleanup();
  }
});

test.each([
  ['--log-level', 'constructor'],
  ['--log-level', '__proto__'],
  ['--log-format', 'constructor'],
  ['--log-format', '__proto__'],
])('%s %s (a word that names a property of every object) is refused: exit 2, one line', async (flag, word) => {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--upstream', t.api.url, flag, word], { env: t.box.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(2);
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(new RegExp(`^restaurant-menu: ${flag}: must be one of `));
});

test('the log and stderr both on /dev/full: nothing can be said, and the relay still serves and stops cleanly', async () => {
  const port = await freePort();
  const full = openSync('/dev/full', 'w');
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--upstream', t.api.url, '--access-log'], { env: t.box.env, stdio: ['ignore', full, full] });
  closeSync(full);
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    expect(child.exitCode).toBeNull();
    const up = await fetch(`${url}/-/health`).then((r) => r.status === 200, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error('serve did not listen');
    await new Promise((r) => setTimeout(r, 20));
  }
  t.api.fault = '500';
  expect((await fetch(`${url}/restaurant/x`)).status).toBe(502);
  t.api.fault = 'none';
  expect((await fetch(`${url}/restaurant`)).status).toBe(200);
  expect(child.exitCode).toBeNull();
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

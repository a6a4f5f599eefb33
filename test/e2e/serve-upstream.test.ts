// `restaurant-menu serve` relays the API the user saved with `config set api` when no --upstream
// or UPSTREAM_URL says otherwise (issue 21), but never its own address (it would call itself).
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import { DEFAULT_API } from '../../src/settings/table.js';
import { freePort } from '../helpers/redis-server.js';
import { BIN, useBinary } from '../helpers/binary.js';

const t = useBinary();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts the relay and resolves with its log lines up to "relay listening". */
function serve(args: string[]): Promise<Record<string, unknown>[]> {
  const child = spawn(process.execPath, [BIN, 'serve', '--log-format', 'json', ...args], { env: t.box.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const logs: Record<string, unknown>[] = [];
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
        logs.push(JSON.parse(buffer.slice(0, nl)));
        buffer = buffer.slice(nl + 1);
        if (logs.at(-1)!.msg === 'relay listening') resolve(logs);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code} before listening: ${stderr}`)));
  });
}

test('serve relays the saved api; a saved api that is the relay itself is passed over, said in the log', async () => {
  expect((await t.box.run(['config', 'set', 'api', t.api.url])).code).toBe(0);
  const logs = await serve(['--port', '0']);
  const listening = logs.at(-1)!;
  expect(listening.upstream).toBe(t.api.url);
  expect(logs.some((l) => String(l.msg).includes("relaying the saved api ('config set api')"))).toBe(true);
  // A lookup through the relay reaches the saved API.
  const before = t.api.totalCalls();
  const r = await t.box.run(['--api', String(listening.url), 'dufva', '--no-cache']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('Falafel med tahinisås');
  expect(t.api.totalCalls()).toBeGreaterThan(before);
  // --upstream still wins.
  expect((await serve(['--port', '0', '--upstream', 'http://127.0.0.1:9/api'])).at(-1)!.upstream).toBe('http://127.0.0.1:9/api');

  // The CLI pointed at the relay (the usual set-up): the relay must not relay itself.
  const port = await freePort();
  expect((await t.box.run(['config', 'set', 'api', `http://localhost:${port}`])).code).toBe(0);
  const own = await serve(['--port', String(port)]);
  expect(own.at(-1)!.upstream).toBe(DEFAULT_API);
  expect(own.some((l) => l.level === 'warn' && String(l.msg).includes("is this relay's own address"))).toBe(true);
});

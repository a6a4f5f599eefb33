// Relay throughput and cache exactness.   npm run bench:relay [-- --seconds 10 --soak 30]
//  1. autocannon, 20 connections, against a cached key: the relay vs a bare node:http server
//     answering the same bytes (target: relay >= 80% of bare), p99 latency reported.
//  2. 200 connections for --soak seconds, TTL 10 s, upstream latency 300 ms: upstream calls
//     counted at the stand-in API (target: exactly one per TTL window, 3 in 30 s).
// Servers run as separate processes; autocannon and the stand-in API run in this one.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startMenuApi } from '../test/helpers/menu-api.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, soak: { type: 'string', default: '30' }, rounds: { type: 'string', default: '2' } } });
const seconds = Number(values.seconds);
const bin = fileURLToPath(new URL('../bin/restaurant-menu.js', import.meta.url));
const bare = fileURLToPath(new URL('./bare-server.js', import.meta.url));

function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buffer += d;
      const line = buffer.split('\n').find((l) => l.includes('"relay listening"'));
      if (line) resolve({ child, url: JSON.parse(line).url });
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`)));
  });
}

async function load(url: string, connections: number, duration: number) {
  const result = await autocannon({ url, connections, duration, pipelining: 1 });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

const api = await startMenuApi();
const body = await (await fetch(`${api.url}/restaurant`)).text();
const relay = await start([bin, 'serve', '--port', '0', '--upstream', api.url, '--ttl', '1h']);
const baseline = await start([bare], { BODY: body });
const key = '/restaurant';
await fetch(relay.url + key); // cache the key

console.log(`node ${process.version}; autocannon, 20 connections, ${seconds} s per run, alternating, cached key ${key} (${body.length} bytes)`);
const runs: Record<string, { rps: number; p99: number }[]> = { bare: [], relay: [] };
for (let round = 0; round < Number(values.rounds); round++) {
  runs.bare!.push(await load(baseline.url + key, 20, seconds));
  runs.relay!.push(await load(relay.url + key, 20, seconds));
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const [name, xs] of Object.entries(runs)) {
  console.log(`${name.padEnd(6)} ${mean(xs.map((x) => x.rps)).toFixed(0).padStart(7)} req/s   p99 ${Math.max(...xs.map((x) => x.p99))} ms   (runs: ${xs.map((x) => x.rps.toFixed(0)).join(', ')})`);
}
const ratio = mean(runs.relay!.map((x) => x.rps)) / mean(runs.bare!.map((x) => x.rps));
console.log(`relay/bare: ${(ratio * 100).toFixed(0)}% ${ratio >= 0.8 ? 'OK (>= 80%)' : 'MISSED (target 80%)'}`);
relay.child.kill('SIGTERM');
baseline.child.kill('SIGTERM');

// 2. Exactly one upstream call per TTL window under load.
const soak = Number(values.soak);
api.reset();
api.latencyMs = 300;
const ttlRelay = await start([bin, 'serve', '--port', '0', '--upstream', api.url, '--ttl', '10s']);
const soakResult = await load(`${ttlRelay.url}/restaurant/dufva`, 200, soak);
const calls = api.calls.get('/restaurant/dufva') ?? 0;
const expected = Math.ceil(soak / 10);
console.log(
  `soak: 200 connections, ${soak} s, TTL 10 s, upstream 300 ms: ${soakResult.total} requests, ${soakResult.rps.toFixed(0)} req/s, p99 ${soakResult.p99} ms, ` +
    `${calls} upstream calls ${calls === expected ? `OK (one per TTL window: ${expected})` : `MISSED (expected ${expected})`}`,
);
ttlRelay.child.kill('SIGTERM');
await api.close();

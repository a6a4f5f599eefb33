// The relay as a cluster.   npm run bench:cluster [-- --seconds 10 --soak 30 --rounds 2 --connections 50]
// The tested topology (and docker-compose.yml's): two relay processes sharing a redis-server,
// behind nginx (round robin). The stand-in API and autocannon run in this process; Redis, nginx
// and every relay are processes of their own. All on 127.0.0.1.
//  1. Hot-key throughput, autocannon, --connections, --seconds per run, the targets alternating
//     for --rounds rounds: the cluster through nginx, against a single relay without Redis
//     measured in the same run, both directly (the issue's baseline: target cluster >= 0.7x) and
//     through an nginx of its own (the same proxy hop as the cluster, to show what Redis and the
//     second relay cost, apart from nginx).
//  2. Soak through the cluster: 200 connections for --soak seconds, TTL 10 s, upstream latency
//     300 ms, a cold key: upstream calls counted at the stand-in API (target: one per TTL window
//     for the whole cluster, 3 in 30 s).
//  3. The same soak with Redis killed: throughput and upstream calls (each relay on its own:
//     expected one call per relay per window, 6 in 30 s).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startMenuApi } from '../test/helpers/menu-api.js';
import { startNginx, type Nginx } from '../test/helpers/nginx.js';
import { startRedis, type RedisServer } from '../test/helpers/redis-server.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    soak: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
  },
});
const seconds = Number(values.seconds);
const soak = Number(values.soak);
const connections = Number(values.connections);
const TTL_S = 10;
const bin = fileURLToPath(new URL('../bin/restaurant-menu.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'rm-bench-'));
const children: ChildProcess[] = [];
process.once('exit', () => children.forEach((child) => child.kill('SIGKILL'))); // if this script dies first

/** `restaurant-menu serve` on port 0; resolves with its URL once it logs "relay listening". */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--host', '127.0.0.1', '--port', '0', '--ttl', `${TTL_S}s`, ...args], {
    env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buffer += d;
      let nl;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const line = JSON.parse(buffer.slice(0, nl)) as { msg: string; url?: string; level: string };
        buffer = buffer.slice(nl + 1);
        if (line.msg === 'relay listening') resolve({ child, url: line.url! });
        else if (line.level !== 'info') process.stderr.write(`  relay ${child.pid}: ${line.level} ${line.msg}\n`);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve ${args.join(' ')} exited ${code}`)));
    setTimeout(() => reject(new Error(`serve ${args.join(' ')}: no "relay listening" line within 30 s`)), 30_000).unref();
  });
}

/** CPU seconds used so far by processes and their children (Linux /proc; 0 elsewhere). */
function cpuSeconds(pids: number[]): number {
  const tick = 100; // USER_HZ
  const stat = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    } catch {
      return undefined;
    }
  };
  const all = new Set(pids);
  try {
    for (const entry of readdirSync('/proc')) {
      const fields = /^\d+$/.test(entry) ? stat(Number(entry)) : undefined;
      if (fields && all.has(Number(fields[1]))) all.add(Number(entry)); // a child (nginx's workers)
    }
  } catch {
    return 0;
  }
  let sum = 0;
  for (const pid of all) {
    const fields = stat(pid);
    if (fields) sum += (Number(fields[11]) + Number(fields[12])) / tick;
  }
  return sum;
}

async function load(url: string, conns: number, duration: number) {
  const result = await autocannon({ url, connections: conns, duration, pipelining: 1 });
  if (result.non2xx || result.errors || result.timeouts) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

const upstreamOf = async (url: string) => {
  const text = await (await fetch(`${url}/-/metrics`)).text();
  return [...text.matchAll(/^relay_upstream_requests_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
};

const api = await startMenuApi();
let redis: RedisServer | undefined;
const balancers: Nginx[] = [];
try {
  redis = await startRedis();
  const shared = ['--upstream', api.url, '--redis', redis.url];
  const [a, b, single] = await Promise.all([serve(shared), serve(shared), serve(['--upstream', api.url])]);
  const cluster = await startNginx([a.url, b.url]);
  const singleLb = await startNginx([single.url]);
  balancers.push(cluster, singleLb);

  // 1. Hot-key throughput, and where the CPU goes (this machine's cores are shared by the load
  // generator, nginx, the relays and Redis: a second hop costs CPU that the direct run does not pay).
  const key = '/restaurant';
  const body = await (await fetch(api.url + key)).text();
  const pid = (c: ChildProcess) => c.pid!;
  const targets: Record<string, { label: string; url: string; parts: Record<string, number[]> }> = {
    cluster: { label: 'cluster: nginx -> 2 relays + Redis', url: cluster.url, parts: { nginx: [cluster.pid], relays: [pid(a.child), pid(b.child)], redis: [redis.pid] } },
    single: { label: 'single relay, no Redis, direct', url: single.url, parts: { relay: [pid(single.child)] } },
    'single+nginx': { label: 'single relay, no Redis, via nginx', url: singleLb.url, parts: { nginx: [singleLb.pid], relay: [pid(single.child)] } },
  };
  for (const { url } of Object.values(targets)) await load(url + key, connections, 3); // cache the key, warm up (JIT)
  console.log(
    `node ${process.version}; nginx round robin; redis-server; autocannon ${connections} connections, ${seconds} s per run, ` +
      `targets alternating, ${values.rounds} rounds; hot key ${key} (${body.length} bytes)`,
  );
  const runs: Record<string, { rps: number; p99: number; cpu: Record<string, number> }[]> = { cluster: [], single: [], 'single+nginx': [] };
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [name, { url, parts }] of Object.entries(targets)) {
      const before = Object.fromEntries(Object.entries(parts).map(([part, pids]) => [part, cpuSeconds(pids)]));
      const self = process.cpuUsage();
      const result = await load(url + key, connections, seconds);
      const used = process.cpuUsage(self);
      const perRequest = (cpu: number) => (cpu / result.total) * 1e6;
      const cpu = Object.fromEntries(Object.entries(parts).map(([part, pids]) => [part, perRequest(cpuSeconds(pids) - before[part]!)]));
      cpu['load generator'] = perRequest((used.user + used.system) / 1e6);
      runs[name]!.push({ ...result, cpu });
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const rps = (name: string) => mean(runs[name]!.map((x) => x.rps));
  for (const [name, xs] of Object.entries(runs)) {
    const cpu = Object.keys(xs[0]!.cpu)
      .map((part) => `${part} ${mean(xs.map((x) => x.cpu[part]!)).toFixed(0)}`)
      .join(', ');
    console.log(
      `  ${targets[name]!.label.padEnd(36)} ${rps(name).toFixed(0).padStart(7)} req/s   p99 ${Math.max(...xs.map((x) => x.p99))} ms   ` +
        `(runs: ${xs.map((x) => x.rps.toFixed(0)).join(', ')})   CPU µs per request: ${cpu}`,
    );
  }
  const direct = rps('cluster') / rps('single');
  const proxied = rps('cluster') / rps('single+nginx');
  console.log(`  cluster / single relay direct (the issue's baseline): ${direct.toFixed(2)}x ${direct >= 0.7 ? 'OK (>= 0.7x)' : 'MISSED (target 0.7x)'}`);
  console.log(`  cluster / single relay via nginx (same proxy hop):    ${proxied.toFixed(2)}x ${proxied >= 0.7 ? 'OK (>= 0.7x)' : 'MISSED (target 0.7x)'}`);
  single.child.kill('SIGTERM');
  await singleLb.close();

  // 2. and 3. Upstream calls under load, Redis up, then killed.
  const expected = Math.ceil(soak / TTL_S);
  const soakRun = async (label: string, path: string, want: number) => {
    api.latencyMs = 300;
    const before = await Promise.all([a.url, b.url].map(upstreamOf));
    const result = await load(cluster.url + path, 200, soak);
    const byRelay = (await Promise.all([a.url, b.url].map(upstreamOf))).map((n, i) => n - before[i]!);
    const calls = api.calls.get(path) ?? 0;
    console.log(
      `soak, ${label}: 200 connections, ${soak} s, TTL ${TTL_S} s, upstream 300 ms: ${result.total} requests, ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, ` +
        `${calls} upstream calls (relay A ${byRelay[0]}, relay B ${byRelay[1]}) ${calls === want ? `OK (expected ${want})` : `MISSED (expected ${want})`}`,
    );
  };
  await soakRun('Redis up', '/restaurant/dufva', expected);
  await redis.kill();
  await soakRun('Redis killed', '/restaurant/bikupan', 2 * expected);
} finally {
  for (const lb of balancers) await lb.close();
  for (const child of children) child.kill('SIGTERM');
  await redis?.close();
  await api.close();
  rmSync(home, { recursive: true, force: true });
}

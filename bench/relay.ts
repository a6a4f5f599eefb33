// The relay's cached answer against its ceiling, and cache exactness.
//   npm run bench:relay [-- --seconds 5 --rounds 7 --soak 30 --profile]
//  1. CPU per cached answer: `wrk -t1 -c20` against one cached key of
//       bare   a bare node:http server sending the relay's exact body and headers (captured from
//              the relay in this run, bench/bare-server.js),
//       relay  `restaurant-menu serve` (dist/, built at the start of this script),
//       nginx  nginx with proxy_cache in front of the same stand-in API (when nginx is installed),
//     each in its own process, alternating, --rounds times. The figure is the server's CPU time
//     (utime + stime from /proc/<pid>/stat, nginx's workers included) over the requests wrk
//     counted; throughput is printed for reference only (on two shared cores it moves with
//     whatever else runs; CPU per request does not). Target: relay <= 1.15x bare, as the median
//     of the per-round ratios.
//  2. --profile: the relay alone under wrk with `node --cpu-prof`; prints the top frames by self
//     time (the profile stays in a temp dir, path printed).
//  3. 200 connections for --soak seconds (0 skips), TTL 10 s, upstream latency 300 ms: upstream
//     calls counted at the stand-in API (target: exactly one per TTL window, 3 in 30 s).
// wrk is the load generator for 1 and 2 (it costs the servers' core less than a Node client);
// load goes to 127.0.0.1 only, each run bounded by --seconds.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startMenuApi } from '../test/helpers/menu-api.js';
import { launchNginx, type Nginx } from '../test/helpers/nginx.js';
import { findProgram } from '../test/helpers/redis-server.js';
import { median, startListening } from './lib.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '7' },
    soak: { type: 'string', default: '30' },
    profile: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const root = new URL('..', import.meta.url);
const bin = fileURLToPath(new URL('bin/restaurant-menu.js', root));
const bare = fileURLToPath(new URL('bench/bare-server.js', root));

const built = spawnSync(process.execPath, [fileURLToPath(new URL('scripts/build.js', root))], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build failed');
const wrk = findProgram('wrk', 'wrk');

function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  return startListening(args, { ...process.env, ...env });
}

/** CPU seconds used so far by a process and its children (nginx's workers), from /proc. */
function cpuSeconds(pid: number): number {
  const tick = 100; // USER_HZ
  const stat = (p: number | string) => {
    try {
      return readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
    } catch {
      return undefined;
    }
  };
  const pids = [pid];
  for (const entry of readdirSync('/proc')) if (/^\d+$/.test(entry) && Number(stat(entry)?.[1]) === pid) pids.push(Number(entry));
  let sum = 0;
  for (const p of pids) {
    const fields = stat(p);
    if (fields) sum += (Number(fields[11]) + Number(fields[12])) / tick;
  }
  return sum;
}

/**
 * One wrk run: requests counted and req/s, or an error if any answer was not 2xx or a connection
 * failed. A request still unanswered after 10 s (a server descheduled that long on a busy
 * machine) is only counted: it is not an error of the server's.
 */
function runWrk(url: string, duration: number, connections = 20): Promise<{ requests: number; rps: number; timeouts: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(wrk, ['-t1', `-c${connections}`, `-d${duration}s`, '--timeout', '10s', url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
      const rps = Number(/Requests\/sec:\s*([\d.]+)/.exec(out)?.[1]);
      const errors = /Socket errors: connect (\d+), read (\d+), write (\d+)/.exec(out)?.slice(1).map(Number) ?? [0, 0, 0];
      if (code !== 0 || !requests || /Non-2xx/.test(out) || errors.some((n) => n > 0)) reject(new Error(`wrk ${url}: exit ${code}\n${out}`));
      else resolve({ requests, rps, timeouts: Number(/timeout (\d+)/.exec(out)?.[1] ?? 0) });
    });
  });
}

/** The relay's answer for `url`: body and its own headers (not date/connection/keep-alive, which Node adds to any answer). */
function capture(url: string): Promise<{ body: string; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i]!.toLowerCase();
            if (!['date', 'connection', 'keep-alive', 'content-length'].includes(name)) headers[name] = res.rawHeaders[i + 1]!;
          }
          resolve({ body, headers });
        });
      })
      .on('error', reject);
  });
}

/** nginx with proxy_cache in front of `upstream` (test/helpers/nginx.ts runs it). */
function startNginxCache(upstream: string): Promise<Nginx> {
  const { host } = new URL(upstream);
  // The same headers the relay adds; x-cache says what the cache did.
  return launchNginx((dir, port, token) => {
    mkdirSync(join(dir, 'cache'), { recursive: true, mode: 0o777 });
    return `keepalive_requests 1000000;  # like the relay: no cap on requests per connection
proxy_cache_path ${dir}/cache keys_zone=menu:1m max_size=64m inactive=1h use_temp_path=off;
upstream api { server ${host}; keepalive 4; }
server {
  listen 127.0.0.1:${port};
  location = /-/nginx { return 200 "${token}"; }
  location / {
    proxy_pass http://api;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_cache menu;
    proxy_cache_valid 200 404 1h;
    proxy_cache_lock on;
    proxy_cache_use_stale error timeout updating;
    add_header x-cache $upstream_cache_status always;
    add_header x-content-type-options nosniff always;
    add_header content-security-policy "default-src 'none'; frame-ancestors 'none'" always;
    add_header x-frame-options DENY always;
    add_header referrer-policy no-referrer always;
  }
}
`;
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const api = await startMenuApi();
const key = '/restaurant';
const serveArgs = [bin, 'serve', '--port', '0', '--upstream', api.url, '--ttl', '1h', '--log-format', 'json'];

if (values.profile) {
  // 2. Where a cached answer's CPU goes.
  const dir = mkdtempSync(join(tmpdir(), 'rm-relay-prof-'));
  const relay = await start(['--cpu-prof', '--cpu-prof-dir', dir, ...serveArgs]);
  await capture(relay.url + key);
  await runWrk(relay.url + key, seconds);
  await stop(relay.child);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile in ${dir}`);
  type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number };
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: Node[] };
  // dist/ is minified: its frames are named by their source (src/…, node_modules/…) through its source maps.
  const maps = new Map<string, SourceMap | undefined>();
  const mapped = (url: string, line: number, column: number): string | undefined => {
    if (!url.includes('/dist/')) return undefined;
    if (!maps.has(url)) {
      try {
        maps.set(url, new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8'))));
      } catch {
        maps.set(url, undefined);
      }
    }
    const entry = maps.get(url)?.findEntry(line, column) as { originalSource?: string; originalLine?: number; name?: string } | undefined;
    if (!entry?.originalSource) return undefined;
    return `${entry.name ?? ''} ${entry.originalSource.replace(/^.*?\/(src|node_modules)\//, '$1/')}:${(entry.originalLine ?? 0) + 1}`.trim();
  };
  const self = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    const where = mapped(url, lineNumber, columnNumber) ?? `${functionName || '(anonymous)'} ${url ? `${url.replace(/^node:/, '')}:${lineNumber + 1}` : ''}`.trim();
    self.set(where, (self.get(where) ?? 0) + (n.hitCount ?? 0));
    total += n.hitCount ?? 0;
    if (functionName === '(idle)') idle += n.hitCount ?? 0;
  }
  const busy = total - idle;
  console.log(`node ${process.version}; relay under wrk -t1 -c20 for ${seconds} s; ${busy} busy samples of ${total}; top frames by self time, % of busy samples`);
  console.log(`(profile: ${join(dir, file)})`);
  for (const [name, hits] of [...self].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${((hits / busy) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
  const ours = [...self].filter(([name]) => name.startsWith('src/') || / src\//.test(name)).reduce((sum, [, hits]) => sum + hits, 0);
  console.log(`self time in src/ (the relay's own code): ${((ours / busy) * 100).toFixed(1)}% of busy samples`);
  await api.close();
  process.exit(0);
}

// 1. CPU per cached answer, alternating.
const relay = await start(serveArgs);
await capture(relay.url + key); // MISS: cached from now on
const answer = await capture(relay.url + key);
if (answer.headers['x-cache'] !== 'HIT') throw new Error(`the relay did not answer ${key} from its cache`);
const baseline = await start([bare], { BODY: answer.body, HEADERS: JSON.stringify(answer.headers) });
let nginx: Nginx | undefined;
try {
  nginx = await startNginxCache(api.url);
  await capture(nginx.url + key);
  if ((await capture(nginx.url + key)).headers['x-cache'] !== 'HIT') throw new Error('nginx did not answer from its cache');
} catch (error) {
  console.log(`(no nginx line: ${(error as Error).message.split('\n')[0]})`);
  nginx = undefined;
}
const servers: Record<string, { pid: number; url: string }> = {
  bare: { pid: baseline.child.pid!, url: baseline.url },
  relay: { pid: relay.child.pid!, url: relay.url },
  ...(nginx ? { nginx: { pid: nginx.pid, url: nginx.url } } : {}),
};

console.log(
  `node ${process.version}; wrk -t1 -c20, ${seconds} s per run, ${rounds} rounds alternating ${Object.keys(servers).join(', ')}; ` +
    `cached key ${key}: ${answer.body.length} bytes, headers ${Object.keys(answer.headers).join(', ')}`,
);
for (const { url } of Object.values(servers)) await runWrk(url + key, 1); // warm up (JIT, connections)
const runs: Record<string, { cpu: number; rps: number }[]> = Object.fromEntries(Object.keys(servers).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, { pid, url }] of Object.entries(servers)) {
    const before = cpuSeconds(pid);
    const { requests, rps, timeouts } = await runWrk(url + key, seconds);
    runs[name]!.push({ cpu: ((cpuSeconds(pid) - before) / requests) * 1e6, rps });
    if (timeouts) console.log(`(round ${round + 1}, ${name}: ${timeouts} requests unanswered after 10 s: the machine is busy)`);
  }
}
const fmt = (xs: number[], digits = 1) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)})`;
console.log('         CPU µs/request, median (range)   req/s, median (range)');
for (const [name, xs] of Object.entries(runs)) {
  console.log(`${name.padEnd(7)}  ${fmt(xs.map((x) => x.cpu)).padEnd(32)} ${fmt(xs.map((x) => x.rps), 0)}`);
}
const ratios = runs.relay!.map((r, i) => r.cpu / runs.bare![i]!.cpu);
const ratio = median(ratios);
console.log(
  `relay/bare CPU per request: ${ratio.toFixed(2)}x ${ratio <= 1.15 ? 'OK (<= 1.15x)' : 'MISSED (target <= 1.15x)'}   ` +
    `(per round: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
);
if (nginx) {
  const perRound = (f: (r: { cpu: number; rps: number }) => number) => median(runs.relay!.map((r, i) => f(r) / f(runs.nginx![i]!)));
  console.log(`relay/nginx: CPU per request ${perRound((r) => r.cpu).toFixed(2)}x, req/s ${perRound((r) => r.rps).toFixed(2)}x (medians of per-round ratios)`);
}
await Promise.all([stop(relay.child), stop(baseline.child), nginx?.close()]);

// 3. Exactly one upstream call per TTL window under load.
const soak = Number(values.soak);
if (soak > 0) {
  api.reset();
  api.latencyMs = 300;
  const ttlRelay = await start([bin, 'serve', '--port', '0', '--upstream', api.url, '--ttl', '10s']);
  const result = await autocannon({ url: `${ttlRelay.url}/restaurant/dufva`, connections: 200, duration: soak, pipelining: 1 });
  if (result.non2xx || result.errors) throw new Error(`soak: ${result.non2xx} non-2xx, ${result.errors} errors`);
  const calls = api.calls.get('/restaurant/dufva') ?? 0;
  const expected = Math.ceil(soak / 10);
  console.log(
    `soak: 200 connections, ${soak} s, TTL 10 s, upstream 300 ms: ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms, ` +
      `${calls} upstream calls ${calls === expected ? `OK (one per TTL window: ${expected})` : `MISSED (expected ${expected})`}`,
  );
  await stop(ttlRelay.child);
}
await api.close();

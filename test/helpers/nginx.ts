// A real nginx, run in the foreground as a child process with everything (config, pid file, temp
// paths) in a temp dir (launchNginx). As the load balancer in front of relay processes
// (startNginx), its balancing config is the one docker-compose.yml deploys (the `nginx-relays`
// config: round robin, reused connections), with the relays' addresses and the port put in, so
// that what the tests and the benchmark run through is what the compose file documents. The
// port is chosen like redis-server's (see redis-server.ts): a free port passed on at once, and a
// retry on a new one if nginx reports it taken.
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProgram, launch, onFreePort, type Started } from './redis-server.js';

export interface Nginx {
  url: string;
  port: number;
  /** The master's process id (its workers are its children). */
  pid: number;
  close(): Promise<void>;
}

const COMPOSE = new URL('../../docker-compose.yml', import.meta.url);

/** The text of docker-compose.yml's `nginx-relays` config (a YAML block scalar). */
export function composeNginxConfig(): string {
  const lines = readFileSync(COMPOSE, 'utf8').split('\n');
  const name = lines.findIndex((l) => /^\s+nginx-relays:\s*$/.test(l));
  const start = lines.findIndex((l, i) => i > name && /^\s+content: \|\s*$/.test(l));
  if (name < 0 || start < 0) throw new Error('docker-compose.yml has no configs.nginx-relays.content block');
  const indent = (l: string) => l.length - l.trimStart().length;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() && indent(line) <= indent(lines[start]!)) break;
    body.push(line);
  }
  const cut = Math.min(...body.filter((l) => l.trim()).map(indent));
  return body.map((l) => l.slice(cut)).join('\n');
}

/** The compose file's balancer for `backends` (http://host:port URLs) on `port`: the directives of an http block. */
function balancerConfig(port: number, backends: string[], token: string): string {
  const compose = composeNginxConfig();
  const servers = backends.map((b) => `  server ${new URL(b).host};`).join('\n');
  const balancer = compose
    .replace(/^(upstream relays \{\n)((?:\s*server [^\n]*;\n)+)/m, (_, head: string) => `${head}${servers}\n`)
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`)
    // Answered by nginx itself: tells the caller that this nginx (and no other server) listens.
    .replace(/^(\s*)location \/ \{$/m, `$1location = /-/nginx { return 200 "${token}"; }\n$&`);
  for (const needed of [`listen 127.0.0.1:${port};`, servers, token]) {
    if (!balancer.includes(needed)) throw new Error(`docker-compose.yml's nginx-relays config is not as expected (${needed})`);
  }
  return balancer;
}

/**
 * A whole nginx.conf: nginx in the foreground with its pid file and temp paths in `dir`, and
 * `http`, the directives of its http block.
 */
function nginxConfig(dir: string, http: string): string {
  return `daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
worker_rlimit_nofile 8192;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${http.replace(/^(?=.)/gm, '  ')}
}
`;
}

/** nginx in front of relays (http://host:port URLs), balancing as docker-compose.yml does. */
export function startNginx(backends: string[]): Promise<Nginx> {
  return launchNginx((_, port, token) => balancerConfig(port, backends, token));
}

/**
 * nginx with the http block that `http` writes for its temp dir and port: it listens on
 * 127.0.0.1:<port> and answers GET /-/nginx with `token` (how the caller knows it is up).
 */
export async function launchNginx(http: (dir: string, port: number, token: string) => string): Promise<Nginx> {
  const bin = findProgram('nginx', 'nginx');
  const dir = mkdtempSync(join(tmpdir(), 'rm-nginx-'));
  // Run as root, nginx's workers switch to an unprivileged user, which must reach the temp paths.
  chmodSync(dir, 0o755);
  const token = randomUUID();
  let started: Started | undefined;
  const port = await onFreePort(async (p) => {
    const conf = join(dir, 'nginx.conf');
    writeFileSync(conf, nginxConfig(dir, http(dir, p, token)));
    started = await launch(
      bin,
      ['-p', dir, '-e', 'stderr', '-c', conf],
      async () => {
        try {
          const res = await fetch(`http://127.0.0.1:${p}/-/nginx`);
          return (await res.text()) === token;
        } catch {
          return false;
        }
      },
      { stopSignal: 'SIGTERM' },
    );
    return p;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: started!.child.pid!,
    async close() {
      const { child, exited } = started!;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

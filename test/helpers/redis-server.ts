// A real redis-server for the tests and the cluster benchmark: 127.0.0.1 on a free port, no
// persistence (--save '' --appendonly no), its working dir a fresh temp dir, optionally a
// password. It can be killed, frozen and thawed, and started again on the same port.
//
// The port: redis-server cannot listen on port 0 and report the port it got, so this file asks
// the kernel for a free port (listen on 0, read it, close) and passes it on at once. Another
// process would have to be handed the same number in those few microseconds; if it happens,
// redis-server says "Address already in use" and exits, and the start is retried on a new port,
// so a lost race costs a retry, never a failure. (A unix socket would avoid ports, but the
// relays take a redis:// URL, as in production.)
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';

/** A program's path, from PATH or the usual system dirs; if missing, an error naming the Debian package. */
export function findProgram(name: string, debianPackage: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
  for (const dir of dirs.filter(Boolean)) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  throw new Error(
    `${name} is not installed, and these tests start a real ${name}: install the Debian package '${debianPackage}' (apt-get install -y ${debianPackage}).`,
  );
}

/** A port on 127.0.0.1 that nothing listened on a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Stops every child still running if the test process exits without stopping it. */
const running = new Map<ChildProcess, NodeJS.Signals>();
process.once('exit', () => {
  for (const [child, signal] of running) child.kill(signal);
});

export interface Started {
  child: ChildProcess;
  /** Everything it wrote so far (stdout and stderr). */
  output(): string;
  exited: Promise<number | null>;
}

/**
 * A program run outside libfaketime, which ../shared/tools/any-day.sh preloads into every process
 * to run the suite at other instants: without LD_PRELOAD, and, when the preload is system-wide
 * (/etc/ld.so.preload bind-mounted in a private mount namespace), in a mount namespace of its own
 * with that /etc unmounted; unshare and sh exec, so the program keeps the pid we signal. For
 * programs whose clock does not matter to a test:
 * - redis-server cannot run under libfaketime (it recurses into clock_gettime at start-up and
 *   never becomes ready); keys expire by relative PX times, and fetch times are the relays';
 * - the shells of the completion tests fork subshells that start programs, and libfaketime 0.9.10
 *   makes some of those starts fail (see FAKETIME_SHARED in binary.ts); completion has no clock.
 * Elsewhere (no libfaketime) the program runs as it is.
 */
export function outsideFaketime(bin: string, args: string[], base: NodeJS.ProcessEnv = process.env): [string, string[], NodeJS.ProcessEnv] {
  const env = { ...base };
  if (env.LD_PRELOAD?.includes('faketime')) delete env.LD_PRELOAD;
  let preload = '';
  try {
    preload = readFileSync('/etc/ld.so.preload', 'utf8');
  } catch {
    // no system-wide preload
  }
  if (!preload.includes('faketime')) return [bin, args, env];
  return ['unshare', ['-m', 'sh', '-c', 'umount /etc && exec "$0" "$@"', bin, ...args], env];
}

/**
 * Spawns a server and resolves once `ready(output)` holds; rejects if it exits first (with its
 * output, and `inUse` when its port was taken) or is not ready within `timeoutMs`. `stopSignal`
 * stops it for good (nginx: SIGTERM, so that the master takes its workers along).
 */
export function launch(
  bin: string,
  args: string[],
  ready: (output: string) => boolean | Promise<boolean>,
  { timeoutMs = 10_000, stopSignal = 'SIGKILL' as NodeJS.Signals } = {},
): Promise<Started> {
  const [command, commandArgs, env] = basename(bin).startsWith('redis-server') ? outsideFaketime(bin, args) : [bin, args, { ...process.env }];
  const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], env });
  running.set(child, stopSignal);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  void exited.then(() => running.delete(child));
  const append = (chunk: string) => {
    output = (output + chunk).slice(-64 * 1024);
  };
  child.stdout!.setEncoding('utf8').on('data', append);
  child.stderr!.setEncoding('utf8').on('data', append);
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill(stopSignal);
      reject(Object.assign(new Error(`${message}\n${output.trim().split('\n').slice(-10).join('\n')}`), { inUse: /address already in use/i.test(output) }));
    };
    const timer = setTimeout(() => fail(`${bin} was not ready within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) => fail(`${bin} could not start: ${error.message}`));
    void exited.then((code) => fail(`${bin} exited (${code}) before it was ready`));
    const check = async () => {
      while (!settled) {
        if (await ready(output)) {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          return resolve({ child, output: () => output, exited });
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    void check();
  });
}

/** Starts on a fresh free port, retrying a few times if the port was taken in between. */
export async function onFreePort<T>(start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (!(error as { inUse?: boolean }).inUse || attempt >= 5) throw error;
    }
  }
}

export interface RedisServer {
  port: number;
  /** redis://[:password@]127.0.0.1:port/0 (rediss:// with TLS) */
  url: string;
  readonly pid: number;
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing was persisted). */
  restart(): Promise<void>;
  /** SIGSTOP: the connections stay open and nothing answers. */
  freeze(): void;
  /** SIGCONT. */
  thaw(): void;
  /** Stops it and removes its dir. */
  close(): Promise<void>;
}

export interface RedisOptions {
  password?: string;
  /** TLS only (rediss://), with a certificate for 127.0.0.1 signed by a CA made for it (see testCa). */
  tls?: TestCa;
}

export async function startRedis(options: RedisOptions = {}): Promise<RedisServer> {
  const bin = findProgram('redis-server', 'redis-server');
  const dir = mkdtempSync(join(tmpdir(), 'rm-redis-'));
  const { tls } = options;
  const listen = (port: number) =>
    tls
      ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', tls.cert, '--tls-key-file', tls.key, '--tls-ca-cert-file', tls.ca, '--tls-auth-clients', 'no']
      : ['--port', String(port)];
  const args = (port: number) => [
    ...listen(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--daemonize',
    'no',
    '--logfile',
    '',
    '--loglevel',
    'notice',
    ...(options.password ? ['--requirepass', options.password] : []),
  ];
  const run = (port: number) => launch(bin, args(port), (output) => /Ready to accept connections/.test(output));
  let port = 0;
  let current = await onFreePort(async (p) => {
    const started = await run(p);
    port = p;
    return started;
  });
  const stop = async (signal: NodeJS.Signals) => {
    if (current.child.exitCode === null && current.child.signalCode === null) {
      current.child.kill(signal);
      await current.exited;
    }
  };
  return {
    port,
    url: `${tls ? 'rediss' : 'redis'}://${options.password ? `:${encodeURIComponent(options.password)}@` : ''}127.0.0.1:${port}/0`,
    get pid() {
      return current.child.pid!;
    },
    kill: () => stop('SIGKILL'),
    async restart() {
      await stop('SIGKILL');
      current = await run(port);
    },
    freeze: () => void current.child.kill('SIGSTOP'),
    thaw: () => void current.child.kill('SIGCONT'),
    async close() {
      await stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestCa {
  /** The CA certificate (PEM file): give it to clients, e.g. NODE_EXTRA_CA_CERTS. */
  ca: string;
  /** A server certificate for 127.0.0.1 and its key (PEM files). */
  cert: string;
  key: string;
  dir: string;
}

/** A throw-away CA and a server certificate for 127.0.0.1, made with openssl in a temp dir. */
export function testCa(): TestCa {
  const openssl = findProgram('openssl', 'openssl');
  const dir = mkdtempSync(join(tmpdir(), 'rm-ca-'));
  const at = (name: string) => join(dir, name);
  const run = (...args: string[]) => execFileSync(openssl, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-days', '2', '-subj', '/CN=restaurant-menu test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign', '-keyout', at('ca.key'), '-out', at('ca.pem'));
  run('req', ...ec, '-subj', '/CN=127.0.0.1', '-keyout', at('server.key'), '-out', at('server.csr'));
  writeFileSync(at('server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  run('x509', '-req', '-in', at('server.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', at('server.ext'), '-out', at('server.pem'));
  return { ca: at('ca.pem'), cert: at('server.pem'), key: at('server.key'), dir };
}

/**
 * A stand-in that speaks RESP but lies: it answers the connection handshake, PING, SET and
 * PUBLISH as Redis would, and GET (and every other command) with `reply`, raw RESP such as
 * `:42\r\n` (an integer where a string or nothing is due). On port 0; counts the GETs.
 */
export async function startLyingRedis(reply: string): Promise<{ url: string; gets: () => number; close: () => Promise<void> }> {
  const { createServer } = await import('node:net');
  let gets = 0;
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const parsed = parseCommand(buffer);
        if (!parsed) break;
        buffer = buffer.subarray(parsed.used);
        const [name = '', ...args] = parsed.args;
        const command = name.toUpperCase();
        if (command === 'GET') gets++;
        if (command === 'PING') socket.write('+PONG\r\n');
        else if (command === 'HELLO' || command === 'CLIENT' || command === 'SELECT' || command === 'AUTH' || command === 'SET') socket.write('+OK\r\n');
        else if (command === 'PUBLISH') socket.write(':0\r\n');
        else if (command === 'SUBSCRIBE') for (const channel of args) socket.write(`*3\r\n$9\r\nsubscribe\r\n$${Buffer.byteLength(channel)}\r\n${channel}\r\n:1\r\n`);
        else socket.write(reply);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}/0`,
    gets: () => gets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** One RESP command (an array of bulk strings) from the start of `buffer`, or undefined if incomplete. */
function parseCommand(buffer: Buffer): { args: string[]; used: number } | undefined {
  const line = (from: number) => {
    const end = buffer.indexOf('\r\n', from);
    return end < 0 ? undefined : { text: buffer.subarray(from, end).toString(), next: end + 2 };
  };
  const head = line(0);
  if (!head) return undefined;
  if (!head.text.startsWith('*')) return { args: head.text.split(' '), used: head.next }; // inline command
  const args: string[] = [];
  let at = head.next;
  for (let i = 0; i < Number(head.text.slice(1)); i++) {
    const size = line(at);
    if (!size) return undefined;
    const length = Number(size.text.slice(1));
    if (buffer.length < size.next + length + 2) return undefined;
    args.push(buffer.subarray(size.next, size.next + length).toString());
    at = size.next + length + 2;
  }
  return { args, used: at };
}

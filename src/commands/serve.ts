// `restaurant-menu serve`: runs the relay, in one process or in N cluster workers (like
// gunicorn's workers). Each worker has its own memory cache, so with N workers a key can cost
// up to N upstream calls per TTL window; one worker is the default and handles thousands of
// requests per second.
import cluster from 'node:cluster';
import { DEFAULT_API, checkApiUrl } from '../config.js';
import { parseDuration } from '../duration.js';
import { UsageError } from '../errors.js';
import { createLogger, LOG_LEVELS, type LogLevel } from '../relay/log.js';
import { startRelay, type RelayOptions } from '../relay/server.js';
import { VERSION } from '../version.js';

export interface ServeFlags {
  host?: string;
  port?: string;
  upstream?: string;
  ttl?: string;
  workers?: string;
  maxEntries?: string;
  maxBytes?: string;
  maxStale?: string;
  upstreamTimeout?: string;
  upstreamConcurrency?: string;
  logLevel?: string;
  accessLog?: boolean;
}

/** Flag, else environment variable, else default. */
function pick(flag: string | undefined, env: string, fallback: string): [string, string] {
  if (flag !== undefined) return [flag, 'flag'];
  const value = process.env[env];
  return value ? [value, env] : [fallback, 'default'];
}

function integer(value: [string, string], name: string, min: number, max: number): number {
  const n = Number(value[0]);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max} (got '${value[0].slice(0, 20)}' from ${value[1]})`);
  return n;
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

export function parseBytes(text: string): number {
  const m = text.trim().toLowerCase().match(/^(\d+(?:\.\d+)?)\s*([kmg]?b?)$/);
  if (!m) throw new UsageError(`invalid size '${text.slice(0, 20)}': use bytes or e.g. 64MB, 512KB`);
  return Math.floor(Number(m[1]) * BYTE_UNITS[m[2]!]!);
}

export function serveOptions(flags: ServeFlags): RelayOptions & { workers: number } {
  const logLevel = pick(flags.logLevel, 'LOG_LEVEL', 'info')[0] as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  const duration = (value: [string, string], name: string, min: number) => {
    const ms = parseDuration(value[0], name);
    if (ms < min) throw new UsageError(`${name} must be at least ${min / 1000} s`);
    return ms;
  };
  const upstream = pick(flags.upstream, 'UPSTREAM_URL', DEFAULT_API);
  let upstreamUrl: string;
  try {
    upstreamUrl = checkApiUrl(upstream[0]);
  } catch (error) {
    throw new UsageError(`--upstream: ${(error as Error).message}`);
  }
  const accessLog = flags.accessLog ?? ['1', 'true', 'yes'].includes((process.env.ACCESS_LOG ?? '').toLowerCase());
  return {
    host: pick(flags.host, 'HOST', '127.0.0.1')[0],
    port: integer(pick(flags.port, 'PORT', '8000'), 'port', 0, 65535),
    upstream: upstreamUrl,
    ttlMs: duration(pick(flags.ttl, 'CACHE_TTL', '10s'), 'ttl', 0),
    maxStaleMs: duration(pick(flags.maxStale, 'CACHE_MAX_STALE', '24h'), 'max-stale', 0),
    workers: integer(pick(flags.workers, 'WORKERS', '1'), 'workers', 1, 64),
    maxEntries: integer(pick(flags.maxEntries, 'CACHE_MAX_ENTRIES', '1000'), 'max-entries', 1, 10_000_000),
    maxBytes: parseBytes(pick(flags.maxBytes, 'CACHE_MAX_BYTES', '64MB')[0]),
    upstreamTimeoutMs: duration(pick(flags.upstreamTimeout, 'UPSTREAM_TIMEOUT', '10s'), 'upstream-timeout', 100),
    upstreamConcurrency: integer(pick(flags.upstreamConcurrency, 'UPSTREAM_CONCURRENCY', '4'), 'upstream-concurrency', 1, 64),
    accessLog,
    log: createLogger(logLevel),
    userAgent: `restaurant-menu-cli/${VERSION} relay`,
  };
}

/** Runs until SIGTERM/SIGINT, then shuts down gracefully (in-flight requests finish). */
export async function serve(flags: ServeFlags): Promise<void> {
  const { workers, ...options } = serveOptions(flags);
  const { log } = options;
  if (workers > 1 && cluster.isPrimary) return runPrimary(workers, options);

  const relay = await startRelay(options);
  log.info('relay listening', {
    url: relay.url,
    upstream: options.upstream,
    ttlMs: options.ttlMs,
    maxEntries: options.maxEntries,
    maxBytes: options.maxBytes,
    worker: cluster.isWorker ? cluster.worker?.id : undefined,
  });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info('shutting down', { signal });
      relay.close().then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    // In a cluster, the primary asks workers to stop with a message (signals may not reach them).
    process.on('message', (msg) => msg === 'shutdown' && stop('shutdown'));
  });
  log.info('stopped');
  if (cluster.isWorker) process.disconnect();
}

async function runPrimary(workers: number, options: Omit<RelayOptions, 'log'> & { log: RelayOptions['log'] }): Promise<void> {
  const { log } = options;
  log.info('starting workers', { workers, note: 'each worker has its own cache' });
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log.error('worker died; starting another', { worker: worker.id, code, signal });
    cluster.fork();
  });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info('shutting down workers', { signal });
      for (const worker of Object.values(cluster.workers ?? {})) worker?.send('shutdown');
      const check = setInterval(() => {
        if (Object.keys(cluster.workers ?? {}).length === 0) {
          clearInterval(check);
          resolve();
        }
      }, 50);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  log.info('stopped');
}

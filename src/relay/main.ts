// `restaurant-menu serve`: runs the relay, in one process or in N cluster workers (like
// gunicorn's workers). Without --redis each worker has its own memory cache, so a key can cost
// up to N upstream calls per TTL window; with --redis they (and other instances) share one.
import cluster from 'node:cluster';
import { networkInterfaces } from 'node:os';
import type { Run } from '../cli/run.js';
import { durationText, formatBytes } from '../duration.js';
import { EXIT, LocalError, UsageError } from '../errors.js';
import { createLogger, LOG_LEVELS, logOutput, type Logger } from './log.js';
import { startRelay, type RelayOptions } from './server.js';
import type { SharedStore } from './shared.js';
import { redactUrl } from '../text.js';
import { VERSION } from '../version.js';
import { runPrimary, type Message } from './workers.js';

const LOG_FORMATS = ['auto', 'text', 'json'] as const;

/** Whether a host (lower case, IPv6 without brackets, as URL normalises it) reaches this machine itself. */
function isLoopback(host: string): boolean {
  // 127.0.0.0/8, ::1, :: and 0.0.0.0 (which reach the local machine), and IPv4-mapped 127.x (::ffff:7f00:1).
  return host === 'localhost' || /^127\./.test(host) || host === '::1' || host === '::' || host === '0.0.0.0' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
}

/** Whether `hostname` is the address the relay listens on: itself, loopback, or one of this machine's addresses when it listens on all. */
function isOwnAddress(hostname: string, listenHost: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === listenHost.toLowerCase() || isLoopback(host)) return true;
  if (listenHost !== '0.0.0.0' && listenHost !== '::') return false;
  return Object.values(networkInterfaces()).some((addresses) => addresses?.some((a) => a.address.toLowerCase() === host));
}

/**
 * The menu API to relay: --upstream or UPSTREAM_URL; else the API the CLI uses (`config set api`
 * or RESTAURANT_MENU_API), so that a user who pointed the CLI at their own menu API relays that
 * one; else the public API. The CLI's API is passed over when it is this relay's own address
 * (the CLI pointed at the relay): the relay would call itself.
 */
export function upstreamOf(run: Pick<Run, 'setting' | 'origin'>, host: string, port: number, log?: Logger): string {
  if (run.origin('upstream') !== 'default' || run.origin('api') === 'default') return run.setting('upstream');
  const api = run.setting('api');
  const url = new URL(api);
  const apiPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const self = port !== 0 && apiPort === port && isOwnAddress(url.hostname, host);
  const where = run.origin('api') === 'saved' ? "the saved api ('config set api')" : 'RESTAURANT_MENU_API';
  if (self) {
    log?.warn(`${where} is this relay's own address; relaying the public API instead (choose one with --upstream)`, { api: redactUrl(api) });
    return run.setting('upstream');
  }
  log?.info(`relaying ${where}`, { api: redactUrl(api) });
  return api;
}

function relayOptions(run: Run, log: Logger): Omit<RelayOptions, 'shared'> {
  const host = run.setting('host');
  const port = run.setting('port');
  return {
    host,
    port,
    upstream: upstreamOf(run, host, port, cluster.isWorker ? undefined : log),
    ttlMs: run.setting('relayTtl'),
    maxStaleMs: run.setting('maxStale'),
    maxEntries: run.setting('maxEntries'),
    maxBytes: run.setting('maxBytes'),
    upstreamTimeoutMs: run.setting('upstreamTimeout'),
    upstreamConcurrency: run.setting('upstreamConcurrency'),
    accessLog: run.setting('accessLog'),
    log,
    userAgent: `restaurant-menu-cli/${VERSION} relay`,
  };
}

/** Resolves when the process is asked to stop: SIGTERM, SIGINT, or the primary's message. */
function stopRequested(log: Logger): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      // A worker's stop is the primary's to say, once for all of them.
      if (cluster.isWorker) log.debug('worker shutting down', { worker: cluster.worker?.id, signal });
      else log.info('shutting down', { signal });
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    process.on('message', (msg: Message) => msg === 'shutdown' && stop('shutdown'));
  });
}

/** Runs until SIGTERM/SIGINT, then shuts down gracefully (in-flight requests finish). */
export async function serve(run: Run): Promise<number> {
  const level = run.setting('logLevel');
  const format = run.setting('logFormat');
  // The words are checked where they are parsed (options.ts); again here, against the logger's
  // own lists, so that no word that happens to name a property of a plain object ('constructor')
  // can make a logger that logs nothing.
  if (!(LOG_LEVELS as readonly unknown[]).includes(level)) throw new UsageError(`--log-level: must be one of ${LOG_LEVELS.join(', ')}`);
  if (!(LOG_FORMATS as readonly unknown[]).includes(format)) throw new UsageError(`--log-format: must be one of ${LOG_FORMATS.join(', ')}`);
  const log = createLogger({
    level,
    format: format === 'auto' ? (run.io.stdout.isTTY ? 'text' : 'json') : format,
    out: logOutput(run.io),
    now: run.now,
  });
  const options = relayOptions(run, log);
  const workers = run.setting('workers');
  const redis = run.setting('redis');
  // The start-up line: as the flags take them (`--ttl 10s --max-bytes 64MB`), not as milliseconds and bytes.
  const redisKeys = redis ? (await import('./redis/layout.js')).redisPrefix(options.upstream) : undefined;
  const listening = (url: string, extra: Record<string, unknown> = {}) =>
    log.info('relay listening', {
      url,
      ...extra,
      upstream: redactUrl(options.upstream),
      redis: redis ? redactUrl(redis) : undefined,
      redisKeys: redisKeys && `${redisKeys}*`,
      ttl: durationText(options.ttlMs),
      maxEntries: options.maxEntries,
      maxBytes: formatBytes(options.maxBytes).replace(' ', ''),
    });
  if (workers > 1 && cluster.isPrimary) return runPrimary(workers, log, Boolean(redis), (url) => listening(url, { workers }));

  let shared: SharedStore | undefined;
  if (redis) {
    const { connectRedis } = await import('./redis/store.js');
    shared = await connectRedis({
      url: redis,
      prefix: redisKeys!,
      timeoutMs: run.setting('redisTimeout'),
      log,
      upstreamTimeoutMs: options.upstreamTimeoutMs,
      maxStaleMs: options.maxStaleMs,
      ttlMs: options.ttlMs,
    });
  }
  let relay;
  try {
    relay = await startRelay({ ...options, shared });
  } catch (error) {
    await shared?.close();
    // A worker tells the primary, which says it once for all of them.
    if (cluster.isWorker && error instanceof LocalError && error.code === 'LISTEN') {
      process.send?.({ type: 'failed', message: error.message } satisfies Message);
      process.disconnect();
      return EXIT.io;
    }
    throw error;
  }
  // A worker is named at debug level; the primary says once that the relay listens.
  if (cluster.isWorker) log.debug('worker listening', { worker: cluster.worker?.id, url: relay.url });
  else listening(relay.url);
  if (cluster.isWorker) process.send?.({ type: 'listening', url: relay.url } satisfies Message);
  await stopRequested(log);
  await relay.close();
  await shared?.close();
  if (cluster.isWorker) {
    log.debug('worker stopped', { worker: cluster.worker?.id });
    process.disconnect();
  } else {
    log.info('stopped');
  }
  return EXIT.ok;
}

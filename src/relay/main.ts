// `restaurant-menu serve`: runs the relay, in one process or in N cluster workers (like
// gunicorn's workers). Without --redis each worker has its own memory cache, so a key can cost
// up to N upstream calls per TTL window; with --redis they (and other instances) share one.
import cluster from 'node:cluster';
import type { Run } from '../cli/run.js';
import { durationText, formatBytes } from '../duration.js';
import { EXIT, LocalError, UsageError } from '../errors.js';
import type { Io, Output } from '../cli/io.js';
import { createLogger, LOG_LEVELS, type Logger } from './log.js';
import { startRelay, type RelayOptions } from './server.js';
import type { SharedStore } from './shared.js';
import { redactUrl } from '../text.js';
import { VERSION } from '../version.js';

const LOG_FORMATS = ['auto', 'text', 'json'] as const;

type Message = { type: 'listening'; url: string } | { type: 'failed'; message: string } | 'shutdown';

/**
 * The log's output: stdout, until it is closed (a log shipper that restarts, `| head`) or fails
 * (a full disk, `> /dev/full`). Losing the log never stops the relay: it says so once on stderr
 * and goes on serving. A failed write drops that line; later lines are tried again (the disk may
 * be freed), a closed output is not written again. If stderr fails too, nothing more is said.
 */
export function logOutput(io: Pick<Io, 'stdout' | 'stderr' | 'whenStdoutCloses' | 'whenStdoutFails'>): Output {
  let closed = false;
  let said = false;
  const say = (why: string) => {
    if (said) return;
    said = true;
    try {
      io.stderr.write(`restaurant-menu: ${why}; the relay keeps serving without logs\n`);
    } catch {
      // stderr failed as well: nowhere left to say it
    }
  };
  io.whenStdoutCloses?.(() => {
    closed = true;
    say('the log output was closed');
  });
  // A write that fails on the process's stdout (a full disk) drops that line; the next is tried.
  io.whenStdoutFails?.((reason) => {
    say(`cannot write the log: ${reason}`);
    return 'try-next-write';
  });
  return {
    write: (text: string) => {
      if (closed) return;
      try {
        io.stdout.write(text);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException)?.code;
        say(code === 'ENOSPC' ? 'cannot write the log: the disk is full' : `cannot write the log (${code ?? String(error)})`);
      }
    },
  };
}

function relayOptions(run: Run, log: Logger): Omit<RelayOptions, 'shared'> {
  return {
    host: run.setting('host'),
    port: run.setting('port'),
    upstream: run.setting('upstream'),
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
  // The words are checked where they are parsed (settings.ts); again here, against the logger's
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

/**
 * Starts the workers and restarts one that dies once serving. A worker that cannot start (its
 * port taken, no permission) stops them all: the primary exits 4 with one line.
 */
async function runPrimary(workers: number, log: Logger, shared: boolean, listening: (url: string) => void): Promise<number> {
  log.info('starting workers', { workers, cache: shared ? 'shared through Redis' : 'each worker has its own' });
  const ready = new Set<number>();
  let announced = false;
  let stopping = false;
  let failure: string | undefined;
  const stopAll = () => {
    stopping = true;
    // A worker that has already gone (or is going) has no channel to write to.
    for (const worker of Object.values(cluster.workers ?? {})) if (worker?.isConnected()) worker.send('shutdown', () => {});
  };
  const allExited = new Promise<void>((resolve) => {
    cluster.on('message', (worker, msg: Message) => {
      if (typeof msg !== 'object') return;
      if (msg.type === 'listening') {
        ready.add(worker.id);
        // Once, when every worker listens (a worker started again later is not announced again).
        if (ready.size === workers && !announced) {
          announced = true;
          listening(msg.url);
        }
      }
      if (msg.type === 'failed' && !stopping) {
        failure = msg.message;
        stopAll();
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      if (!stopping && !ready.has(worker.id)) {
        failure = `cannot start the relay: a worker exited before listening (${signal ?? `exit code ${code}`})`;
        stopAll();
      } else if (!stopping) {
        log.error('worker died; starting another', { worker: worker.id, code, signal });
        cluster.fork();
      }
      if (stopping && Object.keys(cluster.workers ?? {}).length === 0) resolve();
    });
  });
  cluster.on('fork', (worker) => worker.on('error', () => {})); // its exit is what counts, below
  for (let i = 0; i < workers; i++) cluster.fork();
  const signalled = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      if (stopping) return;
      log.info('shutting down workers', { signal });
      stopAll();
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await Promise.race([signalled, allExited]);
  await allExited;
  if (failure) throw new LocalError('LISTEN', failure);
  log.info('stopped');
  return EXIT.ok;
}

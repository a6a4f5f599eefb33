// Whether Redis is used, call by call. Redis accelerates; it is never needed to answer. Every
// call has a short deadline. A call that fails or times out, or whose reply is of the wrong type
// (a Redis that misbehaves), marks Redis down: no call is made until a probe (every second) or a
// new connection succeeds, so a Redis that hangs costs one deadline, not one per request. The
// client reconnects by itself with back-off (client.ts). The loss is logged once and the
// recovery once.
import { redactUrl } from '../../text.js';
import type { Logger } from '../log.js';
import { commandConnection, errorText, isReply, Malformed, subscriberConnection, type Connection } from './client.js';
import { Timeout, withDeadline } from './deadline.js';

/** While Redis is marked down after a failed call, it is probed this often. */
const PROBE_MS = 1_000;

export interface HealthOptions {
  url: string;
  /** Deadline of every Redis call. */
  timeoutMs: number;
  log: Logger;
  /** How long start-up waits for the first connection before serving without Redis. */
  connectWaitMs?: number;
  /** The key the probe reads (any answer but a string or nothing is a Redis that misbehaves). */
  probeKey: string;
}

export const UNAVAILABLE = Symbol('unavailable');

export interface RedisHealth {
  /** The connection for commands. */
  readonly client: Connection;
  /** Connected and not marked down: calls are made. */
  readonly up: boolean;
  /** Failed calls, probes and connection errors so far. */
  readonly errors: number;
  /** Resolves once connected, or after `connectWaitMs` (Redis then marked down). */
  readonly started: Promise<void>;
  /**
   * A Redis call with a deadline; UNAVAILABLE (at once, when Redis is marked down) instead of
   * failing. A reply that `valid` refuses is a failure too: it marks Redis down like a timeout.
   */
  call<T, R extends T = T>(run: () => Promise<T>, valid?: (reply: T) => reply is R): Promise<R | typeof UNAVAILABLE>;
  /** Listens on a pub/sub channel, on a connection of its own, from when it connects. */
  subscribe(channel: string, listener: (message: string) => void): void;
  close(): void;
}

/** Connects to Redis (both connections) and watches its health; `started` says when to go on. */
export function watchRedis(options: HealthOptions): RedisHealth {
  const { log } = options;
  const where = redactUrl(options.url);
  const reason = errorText(options.url);
  const client = commandConnection(options.url);
  // The subscriber only speeds up waiting on another process's fetch (waiters also poll).
  const subscriber = subscriberConnection(options.url);

  // 'starting' until the first connection or failure; 'down' after a lost connection or a
  // failed call, until a new connection or a probe succeeds.
  let state: 'starting' | 'up' | 'down' = 'starting';
  let closing = false;
  let errors = 0;
  let probe: NodeJS.Timeout | undefined;

  const markUp = () => {
    if (closing || state === 'up') return;
    if (state === 'down') log.info('redis available again; sharing the cache', { redis: where });
    else log.debug('redis connected', { redis: where });
    state = 'up';
  };
  const markDown = (why: string) => {
    if (closing || state === 'down') return;
    log.warn('redis unavailable; serving from memory and upstream', { redis: where, error: why });
    state = 'down';
  };
  const ready = () => client.isReady && state === 'up';

  /** While marked down with a live connection (a Redis that hangs or fails calls), ask again. */
  const scheduleProbe = () => {
    if (probe || closing) return;
    probe = setTimeout(() => {
      probe = undefined;
      if (closing || state !== 'down' || !client.isReady) return; // a new connection marks it up
      withDeadline(() => client.get(options.probeKey), options.timeoutMs)
        .then((reply) => {
          if (!isReply(reply)) throw new Malformed('GET');
        })
        .then(markUp, (error: unknown) => {
          errors++;
          log.debug('redis probe failed', { error: reason(error) });
          scheduleProbe();
        });
    }, PROBE_MS);
    probe.unref();
  };

  client.on('ready', markUp);
  client.on('error', (error: unknown) => {
    errors++;
    markDown(reason(error));
  });
  client.on('end', () => markDown('connection closed'));
  subscriber.on('error', () => {}); // the main client reports; the subscriber only reconnects

  async function call<T, R extends T = T>(run: () => Promise<T>, valid?: (reply: T) => reply is R): Promise<R | typeof UNAVAILABLE> {
    if (!ready()) return UNAVAILABLE;
    try {
      const reply = await withDeadline(run, options.timeoutMs);
      if (valid && !valid(reply)) throw new Malformed('a command');
      return reply as R;
    } catch (error) {
      errors++;
      if (error instanceof Timeout) log.debug('redis call timed out', { ms: options.timeoutMs });
      markDown(reason(error));
      scheduleProbe();
      return UNAVAILABLE;
    }
  }

  // A Redis that is not reachable at start must not stop the relay from serving: start-up waits
  // a moment for the first connection, then goes on; the clients keep reconnecting.
  const connectWaitMs = options.connectWaitMs ?? 1_000;
  const connected = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, connectWaitMs);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      client.off('error', done);
      resolve();
    };
    client.on('ready', done);
    client.on('error', done);
  });
  client.connect().catch((error: unknown) => markDown(reason(error)));
  const subscribed = subscriber.connect();
  subscribed.catch(() => {}); // the main client reports

  return {
    client,
    get up() {
      return ready();
    },
    get errors() {
      return errors;
    },
    started: connected.then(() => {
      if (state === 'starting' && !client.isReady) markDown(`no connection within ${connectWaitMs} ms`);
    }),
    call,
    subscribe(channel, listener) {
      subscribed.then(() => subscriber.subscribe(channel, listener)).catch(() => {});
    },
    close() {
      closing = true;
      clearTimeout(probe);
      for (const c of [client, subscriber]) {
        try {
          c.destroy();
        } catch {
          // already closed
        }
      }
    },
  };
}

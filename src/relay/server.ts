// The relay's lifecycle: wiring (upstream, cache, shared store, metrics, request handler),
// listening, the answers Node would otherwise make itself, and a graceful close. The process
// and its signals are in main.ts, cluster workers in workers.ts; the request path is in handler.ts.
import { createServer, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { LocalError } from '../errors.js';
import { RelayCache } from './cache.js';
import { errorBody, RelayError, type RelayErrorCode } from './errors.js';
import { createHandler, type InFlight } from './handler.js';
import { JSON_TYPE, SECURITY_HEADERS } from './headers.js';
import type { Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { upstreamUrl } from './safe-path.js';
import type { SharedStore } from './shared.js';
import { createUpstream } from './upstream.js';

export interface RelayOptions {
  host: string;
  port: number;
  upstream: string;
  ttlMs: number;
  maxStaleMs: number;
  maxEntries: number;
  maxBytes: number;
  upstreamTimeoutMs: number;
  upstreamConcurrency: number;
  accessLog: boolean;
  log: Logger;
  userAgent: string;
  /** A store shared with other relay processes (Redis), if any. */
  shared?: SharedStore;
  /** Clock, for tests of expiry. */
  now?: () => number;
}

export interface Relay {
  server: Server;
  url: string;
  cache: RelayCache;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

/** A raw JSON answer on a socket that has no request object (a parse error, CONNECT). */
function answerSocket(socket: Socket, code: RelayErrorCode, message: string): void {
  const error = new RelayError(code, message);
  const body = errorBody(code, message);
  const headers = Object.entries({ 'content-type': JSON_TYPE, 'content-length': body.length, connection: 'close', ...SECURITY_HEADERS })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n${headers}\r\n${body.toString()}`);
}

const LISTEN_REASONS: Record<string, (o: RelayOptions) => string> = {
  EADDRINUSE: (o) => `port ${o.port} is already in use on ${o.host}; choose another with --port`,
  EACCES: (o) => `no permission to listen on port ${o.port}${o.port < 1024 ? ' (ports below 1024 need privileges)' : ''}; choose another with --port, e.g. 8000`,
  EADDRNOTAVAIL: (o) => `cannot listen on ${o.host}: no such address on this machine; use --host 127.0.0.1, or 0.0.0.0 for every interface`,
  ENOTFOUND: (o) => `cannot listen on ${o.host}: host not found`,
  EAI_AGAIN: (o) => `cannot listen on ${o.host}: host name lookup failed`,
};

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const base = new URL(options.upstream);
  const { log } = options;
  const now = options.now ?? Date.now;
  const upstream = createUpstream({ timeoutMs: options.upstreamTimeoutMs, maxConcurrent: options.upstreamConcurrency, userAgent: options.userAgent });
  const cache = new RelayCache({
    now,
    ttlMs: options.ttlMs,
    maxStaleMs: options.maxStaleMs,
    maxEntries: options.maxEntries,
    maxBytes: options.maxBytes,
    shared: options.shared,
    cacheable: (a) => (a.status >= 200 && a.status < 300) || a.status === 404,
    fetch: async (path) => {
      // checkTarget already refuses every escape; this is the last line of defence, run only
      // before an upstream call so that cache hits don't pay for a URL parse.
      const url = upstreamUrl(base, path);
      if (!url) throw new RelayError('PATH_REFUSED', 'the path would leave the upstream base');
      const started = performance.now();
      try {
        const answer = await upstream.get(url);
        metrics.upstream(true, (performance.now() - started) / 1000);
        return answer;
      } catch (error) {
        metrics.upstream(false, (performance.now() - started) / 1000);
        if (error instanceof RelayError) log.warn('upstream failed', { path, code: error.code, error: error.message });
        throw error;
      }
    },
  });
  const metrics = createMetrics(cache, options.shared);
  const health = () => (options.shared ? { status: options.shared.up ? 'ok' : 'degraded', redis: options.shared.up ? 'up' : 'down' } : { status: 'ok' });
  const board = { ttlMs: options.ttlMs, shared: options.shared };
  // Responses still being made when the relay closes end their connection, so that closing
  // does not wait for idle keep-alive connections to time out. The handler keeps the set: only
  // answers that wait (a miss, the shared store) are in it; a cached one is sent before it returns.
  const inFlight: InFlight = { closing: false, open: new Set<ServerResponse>() };
  // A missing Host is refused by the handler, in JSON with our headers (Node's own refusal is a bare 400).
  const server = createServer({ requireHostHeader: false }, createHandler({ cache, metrics, log, accessLog: options.accessLog, health, now, inFlight, board }));

  // What Node would answer itself (an empty 400 or 431, a closed socket for CONNECT) is JSON too.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    if (error.code === 'HPE_HEADER_OVERFLOW') return answerSocket(socket, 'HEADERS_TOO_LARGE', 'request headers too large');
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return answerSocket(socket, 'REQUEST_TIMEOUT', 'the request took too long');
    answerSocket(socket, 'BAD_REQUEST', 'malformed HTTP request');
  });
  server.on('connect', (_req, socket: Socket) => answerSocket(socket, 'METHOD_NOT_ALLOWED', 'only GET and HEAD are allowed'));
  // Slow or idle clients cannot hold connections for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      upstream.close();
      const reason = error.code && Object.hasOwn(LISTEN_REASONS, error.code) ? LISTEN_REASONS[error.code]!(options) : error.message;
      reject(new LocalError('LISTEN', `cannot start the relay: ${reason}`));
    });
    server.listen(options.port, options.host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    server,
    url: `http://${host}:${address.port}`,
    cache,
    close: (graceMs = 9_000) =>
      new Promise<void>((resolve) => {
        inFlight.closing = true;
        for (const res of inFlight.open) res.shouldKeepAlive = false;
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          upstream.close();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

// The relay: GET /<path> answered with <upstream>/<path>, from a bounded memory cache.
// Every answer, including the relay's own errors, is JSON.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListenError } from '../errors.js';
import { RelayCache, type CachedAnswer, type CacheResult } from './cache.js';
import type { Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { checkTarget, upstreamUrl } from './safe-path.js';
import { createUpstream, UpstreamError, type UpstreamAnswer } from './upstream.js';

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

const JSON_TYPE = 'application/json; charset=utf-8';

function isJson(answer: UpstreamAnswer): boolean {
  if (!/\bjson\b/i.test(answer.contentType)) return false;
  try {
    JSON.parse(answer.body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const base = new URL(options.upstream);
  const { log } = options;
  const upstream = createUpstream({ timeoutMs: options.upstreamTimeoutMs, maxConcurrent: options.upstreamConcurrency, userAgent: options.userAgent });

  const now = options.now ?? Date.now;
  const cache: RelayCache = new RelayCache({
    now,
    ttlMs: options.ttlMs,
    maxStaleMs: options.maxStaleMs,
    maxEntries: options.maxEntries,
    maxBytes: options.maxBytes,
    cacheable: (a) => (a.status >= 200 && a.status < 300) || a.status === 404,
    fetch: async (path) => {
      // checkTarget already refuses every escape; this is the last line of defence, run only
      // before an upstream call so that cache hits don't pay for a URL parse.
      const url = upstreamUrl(base, path);
      if (!url) throw new PathRefused();
      const started = performance.now();
      try {
        const answer = await upstream.get(url);
        metrics.upstream(answer.status < 500, (performance.now() - started) / 1000);
        return normalise(answer, path);
      } catch (error) {
        if (error instanceof UpstreamError) {
          metrics.upstream(false, (performance.now() - started) / 1000);
          log.warn('upstream failed', { path, error: error.message });
        }
        throw error;
      }
    },
    onBackgroundError: (path, error) => log.warn('background refresh failed; serving the cached copy', { path, error: String((error as Error).message ?? error) }),
  });
  const metrics = createMetrics(cache);

  /** Upstream answers become relay answers: JSON passes through; anything else becomes a JSON error. */
  function normalise(answer: UpstreamAnswer, path: string): UpstreamAnswer {
    if (answer.status >= 200 && answer.status < 300) {
      if (isJson(answer)) return answer;
      log.warn('upstream answered 2xx with something that is not JSON', { path, contentType: answer.contentType });
      throw new UpstreamError(502, 'upstream answered with something that is not JSON');
    }
    if (answer.status === 404) {
      return isJson(answer) ? answer : { status: 404, contentType: JSON_TYPE, body: jsonBody({ error: 'not found upstream' }) };
    }
    log.warn('upstream failed', { path, status: answer.status });
    throw new UpstreamError(502, `upstream answered ${answer.status}`);
  }

  function send(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer, headers: Record<string, string | number>) {
    res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': body.length, 'x-content-type-options': 'nosniff', ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
    metrics.request(status);
  }

  function sendError(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
    send(req, res, status, jsonBody({ error: message }), { 'cache-control': 'no-store', ...headers });
  }

  function sendCached(req: IncomingMessage, res: ServerResponse, answer: CachedAnswer, result: CacheResult) {
    if (options.accessLog) cacheResults.set(res, result);
    send(req, res, answer.status, answer.body, {
      'content-type': answer.contentType || JSON_TYPE,
      'x-cache': result,
      age: Math.max(0, Math.floor((now() - answer.fetchedAt) / 1000)),
      'cache-control': `max-age=${cache.remainingSeconds(answer)}`,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(req, res, 405, 'only GET and HEAD are allowed', { allow: 'GET, HEAD' });
    const target = req.url ?? '';
    if (target === '/-/health') return send(req, res, 200, jsonBody({ status: 'ok' }), { 'cache-control': 'no-store' });
    if (target === '/-/metrics') {
      const text = Buffer.from(await metrics.text());
      return send(req, res, 200, text, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
    }
    const checked = checkTarget(target);
    if (!checked.ok) return sendError(req, res, checked.status, checked.reason);
    try {
      const { answer, result } = await cache.get(checked.path);
      sendCached(req, res, answer, result);
    } catch (error) {
      if (error instanceof UpstreamError) return sendError(req, res, error.status, error.message);
      if (error instanceof PathRefused) return sendError(req, res, 400, error.message);
      throw error;
    }
  }

  const cacheResults = new WeakMap<ServerResponse, CacheResult>();
  const server = createServer((req, res) => {
    const started = options.accessLog ? performance.now() : 0;
    if (options.accessLog) {
      res.on('finish', () =>
        log.info('request', {
          method: req.method,
          path: req.url,
          status: res.statusCode,
          cache: cacheResults.get(res) ?? null,
          ms: Math.round((performance.now() - started) * 10) / 10,
        }),
      );
    }
    handle(req, res).catch((error) => {
      log.error('request failed', { path: req.url, error: String((error as Error)?.stack ?? error) });
      if (!res.headersSent) sendError(req, res, 500, 'internal error');
      else res.destroy();
    });
  });
  // Slow or idle clients cannot hold connections for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      upstream.close();
      const reasons: Record<string, string> = {
        EADDRINUSE: `port ${options.port} is already in use on ${options.host}`,
        EACCES: `no permission to listen on port ${options.port}`,
        EADDRNOTAVAIL: `cannot listen on ${options.host}: no such local address`,
      };
      reject(new ListenError(`cannot start the relay: ${reasons[error.code ?? ''] ?? error.message}`));
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

class PathRefused extends Error {
  constructor() {
    super('the path would leave the upstream base');
  }
}

function jsonBody(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

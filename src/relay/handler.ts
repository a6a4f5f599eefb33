// The relay's request path, top to bottom: method → own endpoints → safe path → cache →
// response. Every answer carries the relay's own JSON content type and the headers a JSON API
// on a public address should send, whatever the upstream said.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedAnswer, CacheResult, RelayCache } from './cache.js';
import { errorBody, RelayError, type RelayErrorCode } from './errors.js';
import { boardRoute, lazyBoard, type BoardDeps } from './board/route.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { checkTarget } from './safe-path.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Sent with every answer: never sniffed as HTML, never framed, never a referrer. */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

export interface HandlerDeps {
  cache: RelayCache;
  metrics: Metrics;
  log: Logger;
  accessLog: boolean;
  /** The body of GET /-/health. */
  health: () => Record<string, unknown>;
  now: () => number;
  /** The lunch board's settings (board/); without them, the relay has no board. */
  board?: Pick<BoardDeps, 'ttlMs' | 'shared'>;
}

export function createHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { cache, metrics, log } = deps;
  const board = deps.board && lazyBoard({ ...deps.board, cache, metrics, log, now: deps.now });

  function send(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer, headers: Record<string, string | number> = {}) {
    res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': body.length, ...SECURITY_HEADERS, ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
    metrics.request(status);
  }

  function sendError(req: IncomingMessage, res: ServerResponse, code: RelayErrorCode, message: string, headers: Record<string, string> = {}) {
    send(req, res, new RelayError(code, message).status, errorBody(code, message), { 'cache-control': 'no-store', ...headers });
  }

  function sendCached(req: IncomingMessage, res: ServerResponse, answer: CachedAnswer, result: CacheResult) {
    send(req, res, answer.status, answer.body, {
      'x-cache': result,
      age: Math.max(0, Math.floor((deps.now() - answer.fetchedAt) / 1000)),
      'cache-control': `max-age=${cache.remainingSeconds(answer)}`,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, note: (result: CacheResult) => void): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(req, res, 'METHOD_NOT_ALLOWED', 'only GET and HEAD are allowed', { allow: 'GET, HEAD' });
    const target = req.url ?? '';
    if (req.headers.host === undefined && req.httpVersionMinor === 1) return sendError(req, res, 'BAD_REQUEST', 'an HTTP/1.1 request needs a Host header');
    const route = board && boardRoute(target, req.headers.accept);
    if (board && route) return board(req, res, route, note);
    // The relay's own namespace: never relayed upstream, whatever query or fragment follows.
    if (target.startsWith('/-/')) {
      const own = target.split(/[?#]/, 1)[0];
      if (own === '/-/health') return send(req, res, 200, Buffer.from(JSON.stringify(deps.health())), { 'cache-control': 'no-store' });
      if (own === '/-/metrics') return send(req, res, 200, Buffer.from(await metrics.text()), { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
      return sendError(req, res, 'UNKNOWN_ENDPOINT', 'no such relay endpoint: /-/health, /-/metrics, /-/board and /-/today are (docs/relay.md)');
    }
    if (target === '/' || target.startsWith('/?')) res.setHeader('vary', 'Accept'); // a browser gets the board there
    const path = checkTarget(target);
    if (typeof path !== 'string') return sendError(req, res, path.status === 414 ? 'TARGET_TOO_LONG' : 'PATH_REFUSED', path.reason);
    try {
      const { answer, result } = await cache.get(path);
      note(result);
      sendCached(req, res, answer, result);
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      sendError(req, res, error.code, error.message);
    }
  }

  return (req, res) => {
    const started = deps.accessLog ? performance.now() : 0;
    let cacheResult: CacheResult | null = null;
    if (deps.accessLog) {
      res.on('finish', () =>
        log.info('request', {
          method: req.method,
          path: req.url,
          status: res.statusCode,
          cache: cacheResult,
          ms: Math.round((performance.now() - started) * 10) / 10,
        }),
      );
    }
    handle(req, res, (result) => (cacheResult = result)).catch((error: unknown) => {
      log.error('request failed', { path: req.url, error: String((error as Error)?.stack ?? error) });
      if (!res.headersSent) sendError(req, res, 'INTERNAL', 'internal error');
      else res.destroy();
    });
  };
}

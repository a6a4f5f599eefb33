// The relay's request path, top to bottom: method → own endpoints → safe path → cache →
// response. Every answer carries the relay's own JSON content type and the headers a JSON API
// on a public address should send, whatever the upstream said.
//
// A cached answer is the hot path and costs little more than a bare node:http server sending the
// same bytes (bench/relay.ts measures it): it is answered synchronously (no promise, no closure),
// from headers kept per cache entry as the flat array writeHead takes (cached-head.ts: no object
// or spread per request), with one clock read. Only a lookup that must wait (the shared store,
// the upstream) or an own endpoint that must (metrics) goes async. The lunch board (board/) is
// loaded on its first request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BoardDeps, BoardHandler } from './board/board.js';
import { boardRoute } from './board/route.js';
import { CachedHead } from './cached-head.js';
import type { CacheResult, RelayCache } from './cache.js';
import { errorBody, RelayError, type RelayErrorCode } from './errors.js';
import { JSON_TYPE, SECURITY_HEADERS } from './headers.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { checkTarget } from './safe-path.js';
import type { CachedAnswer } from './shared.js';

/**
 * Responses the relay has not finished when its handler returns (a lookup waiting for the shared
 * store or the upstream, a metrics scrape), and whether the relay is closing: a closing relay
 * answers with `Connection: close`, and makes those still open do the same (server.ts).
 */
export interface InFlight {
  closing: boolean;
  readonly open: Set<ServerResponse>;
}

export interface HandlerDeps {
  cache: RelayCache;
  metrics: Metrics;
  log: Logger;
  accessLog: boolean;
  /** The body of GET /-/health. */
  health: () => Record<string, unknown>;
  now: () => number;
  inFlight?: InFlight;
  /** The lunch board's settings (board/); without them, the relay has no board. */
  board?: Pick<BoardDeps, 'ttlMs' | 'shared'>;
}

const ignore = (): void => {};

/** The board's handler, its code imported on the first request for it: the relay starts without it. */
function lazyBoard(deps: BoardDeps): BoardHandler {
  let board: Promise<BoardHandler> | undefined;
  return async (req, res, route, note) => {
    board ??= import('./board/board.js').then((m) => m.createBoard(deps));
    return (await board)(req, res, route, note);
  };
}

export function createHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { cache, metrics, log } = deps;
  const board = deps.board && lazyBoard({ ...deps.board, cache, metrics, log, now: deps.now });
  const inFlight = deps.inFlight ?? { closing: false, open: new Set<ServerResponse>() };
  // Entries' heads go with the entries: an answer evicted from the cache takes its head along.
  const heads = new WeakMap<CachedAnswer, CachedHead>();

  function send(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer, headers: Record<string, string | number> = {}) {
    res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': body.length, ...SECURITY_HEADERS, ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
    metrics.request(status);
  }

  function sendError(req: IncomingMessage, res: ServerResponse, code: RelayErrorCode, message: string, headers: Record<string, string> = {}) {
    send(req, res, new RelayError(code, message).status, errorBody(code, message), { 'cache-control': 'no-store', ...headers });
  }

  function sendCached(req: IncomingMessage, res: ServerResponse, answer: CachedAnswer, result: CacheResult, now: number) {
    let head = heads.get(answer);
    if (head === undefined) heads.set(answer, (head = new CachedHead(answer.body)));
    const age = Math.max(0, Math.floor((now - answer.fetchedAt) / 1000));
    res.writeHead(answer.status, head.fill(result, age, cache.remainingSeconds(answer, now)));
    res.end(req.method === 'HEAD' ? undefined : answer.body);
    metrics.request(answer.status);
  }

  async function sendMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await metrics.text();
    send(req, res, 200, Buffer.from(text), { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
  }

  /** A lookup the memory cache could not answer fresh: the shared store, a stale copy, or the upstream. */
  async function lookup(req: IncomingMessage, res: ServerResponse, path: string, note: (result: CacheResult) => void): Promise<void> {
    try {
      const { answer, result } = await cache.get(path);
      note(result);
      sendCached(req, res, answer, result, deps.now());
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      sendError(req, res, error.code, error.message);
    }
  }

  /** Answers at once where it can; returns a promise only for what must wait. */
  function handle(req: IncomingMessage, res: ServerResponse, note: (result: CacheResult) => void): void | Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(req, res, 'METHOD_NOT_ALLOWED', 'only GET and HEAD are allowed', { allow: 'GET, HEAD' });
    const target = req.url ?? '';
    if (req.headers.host === undefined && req.httpVersionMinor === 1) return sendError(req, res, 'BAD_REQUEST', 'an HTTP/1.1 request needs a Host header');
    // The relay's own namespace: never relayed upstream, whatever query or fragment follows.
    if (target.startsWith('/-/')) {
      const own = target.split(/[?#]/, 1)[0];
      if (own === '/-/health') return send(req, res, 200, Buffer.from(JSON.stringify(deps.health())), { 'cache-control': 'no-store' });
      if (own === '/-/metrics') return sendMetrics(req, res);
      const route = board && boardRoute(target, req.headers.accept);
      if (board && route) return board(req, res, route, note);
      return sendError(req, res, 'UNKNOWN_ENDPOINT', 'no such relay endpoint: /-/health, /-/metrics, /-/board and /-/today are (docs/relay.md)');
    }
    if (target === '/' || target.startsWith('/?')) {
      // A browser gets the board there; an API client the relayed root.
      const route = board && boardRoute(target, req.headers.accept);
      if (board && route) return board(req, res, route, note);
      res.setHeader('vary', 'Accept');
    }
    const path = checkTarget(target);
    if (typeof path !== 'string') return sendError(req, res, path.status === 414 ? 'TARGET_TOO_LONG' : 'PATH_REFUSED', path.reason);
    const now = deps.now();
    const fresh = cache.hit(path, now);
    if (fresh === undefined) return lookup(req, res, path, note);
    note('HIT');
    sendCached(req, res, fresh, 'HIT', now);
  }

  function failed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    log.error('request failed', { path: req.url, error: String((error as Error)?.stack ?? error) });
    if (!res.headersSent) sendError(req, res, 'INTERNAL', 'internal error');
    else res.destroy();
  }

  function run(req: IncomingMessage, res: ServerResponse, note: (result: CacheResult) => void): void {
    if (inFlight.closing) res.shouldKeepAlive = false;
    let pending: void | Promise<void>;
    try {
      pending = handle(req, res, note);
    } catch (error) {
      return failed(req, res, error);
    }
    if (pending === undefined) return;
    inFlight.open.add(res);
    pending.then(
      () => inFlight.open.delete(res),
      (error: unknown) => {
        inFlight.open.delete(res);
        failed(req, res, error);
      },
    );
  }

  return (req, res) => {
    if (!deps.accessLog) return run(req, res, ignore);
    const started = performance.now();
    let cacheResult: CacheResult | null = null;
    res.on('finish', () =>
      log.info('request', {
        method: req.method,
        path: req.url,
        status: res.statusCode,
        cache: cacheResult,
        ms: Math.round((performance.now() - started) * 10) / 10,
      }),
    );
    run(req, res, (result) => (cacheResult = result));
  };
}

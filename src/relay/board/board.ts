// The lunch board: today's menus, computed by the CLI's own `today` (commands/today.ts) from the
// relay's cache of the API's answers, served as JSON (`/-/today`, the shape of `today --json`)
// and as a page (`/-/board`). The result for a query is cached like any other answer of the relay
// (a RelayCache: fresh for --ttl, one computation at a time per query, shared through Redis with
// --redis), under a canonical key, so a hundred screens cost the API nothing more.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Restaurant } from '../../api/model.js';
import type { TodayResult } from '../../commands/results.js';
import { today } from '../../commands/today.js';
import { ApiError, UsageError } from '../../errors.js';
import { jsonWithWarnings } from '../../render/common.js';
import { regionsOf } from '../../menu/restaurants.js';
import { RelayCache, type CacheResult } from '../cache.js';
import { errorBody, RelayError } from '../errors.js';
import { JSON_TYPE, SECURITY_HEADERS } from '../headers.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { CachedAnswer, SharedStore } from '../shared.js';
import { boardPage, errorPage, REFRESH_SECONDS } from './page.js';
import { canonical, fromKey, keyOf, parseQuery, type BoardQuery, type Canonical } from './query.js';
import type { BoardRoute } from './route.js';
import { RelaySource } from './source.js';
import { ASSET_VERSION, CSS, ICON } from './style.js';

/** How many menus are read at once (from the relay's cache; its upstream has its own cap). */
const CONCURRENCY = 8;

const HTML_TYPE = 'text/html; charset=utf-8';

/**
 * The page's policy: its stylesheet and icon from the relay, nothing else (no script, no inline
 * style, no form, no frame, no other origin).
 */
export const PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The stylesheet and icon: fixed for the life of the process (versioned in the page's links). */
const ASSETS = {
  css: { type: 'text/css; charset=utf-8', body: Buffer.from(CSS) },
  icon: { type: 'image/svg+xml', body: Buffer.from(ICON) },
};

/** What the board is built with: the relay's own cache, metrics and settings. */
export interface BoardDeps {
  /** The relay's cache of upstream answers. */
  cache: RelayCache;
  metrics: Metrics;
  log: Logger;
  now: () => number;
  ttlMs: number;
  /** The store shared with other relays (Redis), if any: the board's results are shared too. */
  shared?: SharedStore;
}

export type BoardHandler = (req: IncomingMessage, res: ServerResponse, route: BoardRoute, note: (result: CacheResult) => void) => Promise<void>;

/** A failure as the relay words its own: 400 for a bad option, 502/504 when there is nothing to show. */
function failure(error: unknown): RelayError {
  if (error instanceof RelayError) return error;
  if (error instanceof UsageError) return new RelayError('BAD_REQUEST', error.message);
  // The upstream's own failure: answered with the code, status and words of the relayed paths.
  if (error instanceof ApiError && error.cause instanceof RelayError) return error.cause;
  if (error instanceof ApiError) return new RelayError(error.transient ? 'UPSTREAM_UNREACHABLE' : 'UPSTREAM_STATUS', error.message);
  throw error;
}

export function createBoard(deps: BoardDeps): BoardHandler {
  const results = new RelayCache({
    ttlMs: deps.ttlMs,
    // Never an expired result: it is computed again (the menus in it stand in, marked stale,
    // while the API fails; a result of an earlier day must not).
    maxStaleMs: 0,
    maxEntries: 256,
    maxBytes: 16 * 1024 * 1024,
    shared: deps.shared,
    now: deps.now,
    cacheable: (answer) => answer.status === 200,
    fetch: async (key) => {
      const c = fromKey(key);
      const source = new RelaySource(deps.cache, deps.now);
      try {
        const result = await today({
          source,
          region: c.region,
          diet: c.diet,
          concurrency: CONCURRENCY,
          favorites: c.only,
          onlyFavorites: c.only.length > 0,
          regionGiven: c.region !== null,
          favoritesFromEnv: false,
          now: deps.now,
          note: () => {},
        });
        return { status: 200, body: Buffer.from(jsonWithWarnings(result, source.warnings())) };
      } catch (error) {
        // Failures travel as the relay's errors (so that relays waiting on this one through Redis fail alike).
        throw failure(error);
      }
    },
  });

  const regionLists = new WeakMap<Restaurant[], string[]>();
  /** Today's result for a query: its cache entry (the JSON body), what the cache did, and the options resolved. */
  async function result(query: BoardQuery) {
    const { restaurants } = await new RelaySource(deps.cache, deps.now).restaurants();
    const c = canonical(query, restaurants);
    let regions = regionLists.get(restaurants);
    if (!regions) regionLists.set(restaurants, (regions = regionsOf(restaurants)));
    return { ...(await results.get(keyOf(c))), canonical: c, regions };
  }

  // Each page is rendered once per result and view, and kept as long as the result is cached.
  const pages = new WeakMap<CachedAnswer, Map<string, Buffer>>();
  function page(answer: CachedAnswer, query: BoardQuery, c: Canonical, regions: string[]): Buffer {
    let views = pages.get(answer);
    if (!views) pages.set(answer, (views = new Map()));
    const view = `${query.english}/${query.tv}`;
    let html = views.get(view);
    if (!html) {
      const today = JSON.parse(answer.body.toString('utf8')) as TodayResult;
      html = Buffer.from(boardPage(today, { english: query.english, tv: query.tv, region: c.region, only: c.only, regions, computedAt: answer.fetchedAt }));
      views.set(view, html);
    }
    return html;
  }

  function send(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer, headers: Record<string, string | number>) {
    res.writeHead(status, { 'content-length': body.length, ...SECURITY_HEADERS, ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
    deps.metrics.request(status);
  }

  const cacheHeaders = (answer: CachedAnswer, result: string) => ({
    'x-cache': result,
    age: Math.max(0, Math.floor((deps.now() - answer.fetchedAt) / 1000)),
    'cache-control': `max-age=${results.remainingSeconds(answer)}`,
  });

  return async (req: IncomingMessage, res: ServerResponse, route: BoardRoute, note) => {
    if (route.kind === 'css' || route.kind === 'icon') {
      const asset = ASSETS[route.kind];
      const current = new URLSearchParams(route.query).get('v') === ASSET_VERSION;
      return send(req, res, 200, asset.body, { 'content-type': asset.type, 'cache-control': current ? 'max-age=86400, immutable' : 'max-age=60' });
    }
    const html = route.kind === 'page';
    // The answer at / depends on Accept (a browser gets this page, an API client the API's root).
    const vary: Record<string, string> = route.root ? { vary: 'Accept' } : {};
    // The TV page reloads itself (and so does its error page, so that a screen recovers by itself).
    const tv = (query: BoardQuery | undefined): Record<string, string> => (query?.tv ? { refresh: String(REFRESH_SECONDS) } : {});
    let query: BoardQuery | undefined;
    try {
      query = parseQuery(route.query);
      const { answer, result: got, canonical: c, regions } = await result(query);
      note(got);
      if (!html) return send(req, res, answer.status, answer.body, { 'content-type': JSON_TYPE, ...cacheHeaders(answer, got) });
      send(req, res, 200, page(answer, query, c, regions), { 'content-type': HTML_TYPE, 'content-security-policy': PAGE_POLICY, ...cacheHeaders(answer, got), ...vary, ...tv(query) });
    } catch (error) {
      const e = failure(error);
      if (!html) return send(req, res, e.status, errorBody(e.code, e.message), { 'content-type': JSON_TYPE, 'cache-control': 'no-store' });
      const body = Buffer.from(errorPage(e.status, e.message, query?.tv ?? false));
      send(req, res, e.status, body, { 'content-type': HTML_TYPE, 'content-security-policy': PAGE_POLICY, 'cache-control': 'no-store', ...vary, ...tv(query) });
    }
  };
}

// The lunch board: today's menus, computed by the CLI's own `today` (commands/today.ts) from the
// relay's cache of the API's answers, served as JSON (`/-/today`, the shape of `today --json`)
// and as a page (`/-/board`). The result for a query is cached like any other answer of the relay
// (a RelayCache: fresh for --ttl, one computation at a time per query, shared through Redis with
// --redis), under a canonical key, so a hundred screens cost the API nothing more.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Restaurant } from '../../api/model.js';
import { today } from '../../commands/today.js';
import { ApiError, UsageError } from '../../errors.js';
import type { DietFilter } from '../../food/filter.js';
import { lookup } from '../../lookup.js';
import { jsonText } from '../../render/common.js';
import { resolveRegion } from '../../restaurants.js';
import { SETTINGS } from '../../settings.js';
import { joinWords, quote } from '../../text.js';
import { RelayCache, type CachedAnswer } from '../cache.js';
import { errorBody, RelayError } from '../errors.js';
import { JSON_TYPE, SECURITY_HEADERS } from '../handler.js';
import type { BoardDeps, BoardHandler } from './route.js';
import { RelaySource } from './source.js';

/** How many menus are read at once (from the relay's cache; its upstream has its own cap). */
const CONCURRENCY = 8;
/** A query longer than this is refused: options are a few short words. */
const MAX_QUERY = 1_000;
const MAX_ONLY = 30;

/** The options a board's address may carry, as typed. */
export interface BoardQuery {
  region: string | null;
  diet: DietFilter | null;
  only: string[];
  /** English glosses under the dishes. */
  english: boolean;
  tv: boolean;
}

/** Reads the options of a board's address; unknown parameters are ignored (cache-busters), bad values refused. */
export function parseQuery(query: string): BoardQuery {
  if (query.length > MAX_QUERY) throw new UsageError(`the options are too long (${query.length} characters; at most ${MAX_QUERY})`);
  const params = new URLSearchParams(query);
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const option = <T>(name: string, parse: (text: string) => T): T | undefined => {
    const value = text(name);
    try {
      return value === undefined ? undefined : parse(value);
    } catch (error) {
      throw error instanceof UsageError ? new UsageError(`${name}: ${error.message}`) : error;
    }
  };
  const diet = option('diet', SETTINGS.diet.parse);
  const lang = option('lang', (v) => {
    if (v !== 'sv' && v !== 'en') throw new UsageError(`must be sv (the menus as written) or en (with English glosses) (got ${quote(v, 20)})`);
    return v;
  });
  const only = (text('only') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (only.length > MAX_ONLY) throw new UsageError(`only: at most ${MAX_ONLY} restaurants (got ${only.length})`);
  return {
    region: text('region') ?? null,
    diet: diet === undefined || diet === 'any' ? null : diet,
    only,
    english: lang === 'en',
    tv: option('tv', SETTINGS.accessLog.parse) ?? false,
  };
}

/** What a result depends on, resolved against the restaurant list: its cache key. */
interface Canonical {
  region: string | null;
  diet: DietFilter | null;
  /** Identifiers, sorted. */
  only: string[];
}

const keyOf = (c: Canonical) => `/-/today/${encodeURIComponent(c.region ?? 'all')}/${c.diet ?? 'any'}/${c.only.map(encodeURIComponent).join(',') || '-'}`;

function fromKey(key: string): Canonical {
  const [region = 'all', diet = 'any', only = '-'] = key.slice('/-/today/'.length).split('/');
  return {
    region: region === 'all' ? null : decodeURIComponent(region),
    diet: diet === 'any' ? null : (diet as DietFilter),
    only: only === '-' ? [] : only.split(',').map(decodeURIComponent),
  };
}

/** The region as the restaurants spell it, and `only` as identifiers: one cache entry per meaning. */
function canonical(query: BoardQuery, restaurants: Restaurant[]): Canonical {
  const region = resolveRegion(query.region, restaurants, 'region');
  const ids = new Set<string>();
  for (const text of query.only) {
    const match = lookup(text, restaurants);
    if (match.kind === 'found' && match.via !== 'typo') ids.add(match.restaurant.id);
    else throw new UsageError(`only: ${quote(text)} ${match.kind === 'ambiguous' ? `fits ${match.candidates.length} restaurants` : 'is not in the restaurant list'}`);
  }
  const chosen = restaurants.filter((r) => ids.has(r.id));
  if (region !== null && chosen.length > 0 && !chosen.some((r) => r.region === region)) {
    throw new UsageError(`none of ${joinWords(chosen.map((r) => r.name), 'and')} is in ${region}`);
  }
  return { region, diet: query.diet, only: [...ids].sort() };
}

/** Sent with every answer of the board, besides its own content type and policy. */
const HEADERS = { ...SECURITY_HEADERS };

export function createBoard(deps: BoardDeps): BoardHandler {
  const source = new RelaySource(deps.cache, deps.now);
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
        return { status: 200, body: Buffer.from(jsonText(result)) };
      } catch (error) {
        // Failures travel as the relay's errors (so that relays waiting on this one through Redis fail alike).
        if (error instanceof ApiError) throw new RelayError(error.transient ? 'UPSTREAM_UNREACHABLE' : 'UPSTREAM_STATUS', error.message);
        if (error instanceof UsageError) throw new RelayError('BAD_REQUEST', error.message);
        throw error;
      }
    },
  });

  /** Today's result for a query: its cache entry (the JSON body) and what the cache did. */
  async function result(query: BoardQuery) {
    const { restaurants } = await source.restaurants();
    return results.get(keyOf(canonical(query, restaurants)));
  }

  function send(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer, headers: Record<string, string | number>) {
    res.writeHead(status, { 'content-length': body.length, ...HEADERS, ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
    deps.metrics.request(status);
  }

  const cacheHeaders = (answer: CachedAnswer, result: string) => ({
    'x-cache': result,
    age: Math.max(0, Math.floor((deps.now() - answer.fetchedAt) / 1000)),
    'cache-control': `max-age=${results.remainingSeconds(answer)}`,
  });

  /** A failure as the relay words its own: 400 for a bad option, 502/504 when there is nothing to show. */
  function failure(error: unknown): RelayError {
    if (error instanceof RelayError) return error;
    if (error instanceof UsageError) return new RelayError('BAD_REQUEST', error.message);
    if (error instanceof ApiError) return new RelayError(error.transient ? 'UPSTREAM_UNREACHABLE' : 'UPSTREAM_STATUS', error.message);
    throw error;
  }

  return async (req, res, route, note) => {
    try {
      const { answer, result: got } = await result(parseQuery(route.query));
      note(got);
      send(req, res, answer.status, answer.body, { 'content-type': JSON_TYPE, ...cacheHeaders(answer, got) });
    } catch (error) {
      const e = failure(error);
      send(req, res, e.status, errorBody(e.code, e.message), { 'content-type': JSON_TYPE, 'cache-control': 'no-store' });
    }
  };
}

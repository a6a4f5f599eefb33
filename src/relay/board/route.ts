// Which requests the lunch board answers (see docs/board.md), and the board's code loaded on the
// first of them: the relay starts without it, and the CLI never loads it.
//   GET /-/board?...        the page (HTML)
//   GET /?...               the page too, for a browser (an Accept naming text/html); an API
//                           client (application/json, */*) still gets the relayed API root
//   GET /-/today?...        the same data as JSON, in the shape of `today --json`
//   GET /-/board.css, /-/board.svg   the page's stylesheet and icon
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelayCache, CacheResult } from '../cache.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { SharedStore } from '../shared.js';

export type BoardKind = 'page' | 'today' | 'css' | 'icon';

export interface BoardRoute {
  kind: BoardKind;
  /** The query string, without `?`. */
  query: string;
  /** Whether the path was `/` (the answer varies with Accept). */
  root: boolean;
}

const PATHS: Record<string, BoardKind> = { '/-/board': 'page', '/-/today': 'today', '/-/board.css': 'css', '/-/board.svg': 'icon' };

/** A browser asking for a page names text/html; API clients send application/json or *\/*. */
const wantsHtml = (accept: string | undefined) => accept !== undefined && /(^|,)\s*text\/html\s*(;|,|$)/i.test(accept);

export function boardRoute(target: string, accept: string | undefined): BoardRoute | undefined {
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q + 1);
  if (path === '/') return wantsHtml(accept) ? { kind: 'page', query, root: true } : undefined;
  const kind = Object.hasOwn(PATHS, path) ? PATHS[path] : undefined;
  return kind && { kind, query, root: false };
}

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

/** The board's handler, its code imported on the first request for it. */
export function lazyBoard(deps: BoardDeps): BoardHandler {
  let board: Promise<BoardHandler> | undefined;
  return async (req, res, route, note) => {
    board ??= import('./board.js').then((m) => m.createBoard(deps));
    return (await board)(req, res, route, note);
  };
}

// Which requests the lunch board answers (see docs/board.md).
//   GET /-/board?...        the page (HTML)
//   GET /?...               the page too, for a browser (an Accept naming text/html); an API
//                           client (application/json, */*) still gets the relayed API root
//   GET /-/today?...        the same data as JSON, in the shape of `today --json`
//   GET /-/board.css, /-/board.svg   the page's stylesheet and icon
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

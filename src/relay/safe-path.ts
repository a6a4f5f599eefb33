// Which request targets the relay forwards. The upstream URL is the configured base followed by
// the request's path; everything that could make it leave that base is refused. The query
// string is dropped: the API takes none, and forwarding it would let every distinct query
// become an upstream call (a cache-buster that defeats the relay's protection of the API).
// Pure and table-tested (test/relay-safe-path.test.ts).

export const MAX_TARGET_LENGTH = 2048;

export type Target = { ok: true; path: string } | { ok: false; status: 400 | 414; reason: string };

const refuse = (reason: string): Target => ({ ok: false, status: 400, reason });

const isDotSegment = (s: string) => s === '.' || s === '..';

export function checkTarget(rawTarget: string): Target {
  if (rawTarget.length > MAX_TARGET_LENGTH) return { ok: false, status: 414, reason: 'request target too long' };
  // Origin-form only: `GET http://evil/ HTTP/1.1` (absolute-form) and `//host/...` are refused.
  if (!rawTarget.startsWith('/') || rawTarget.startsWith('//')) return refuse('the request target must be a path starting with a single /');
  if (/[\x00-\x20\x7f\\]/.test(rawTarget)) return refuse('control characters, spaces and backslashes are not allowed');
  const q = rawTarget.indexOf('?');
  const rawPath = q === -1 ? rawTarget : rawTarget.slice(0, q);
  if (/%(0[0-9a-f]|1[0-9a-f]|7f)/i.test(rawPath)) return refuse('encoded control characters are not allowed');
  // Each segment is decoded on its own, so that an identifier may hold an encoded `/` or `%`
  // (the CLI encodes one as one segment), but no spelling of `.` or `..` gets through.
  for (const segment of rawPath.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refuse('malformed percent-encoding');
    }
    if (decoded.split(/[/\\]/).some(isDotSegment)) return refuse('dot segments are not allowed');
    if (/%[0-9a-f]{2}/i.test(decoded)) return refuse('double percent-encoding is not allowed');
  }
  // One spelling per path, so `%2f` and `%2F` are one cache entry.
  return { ok: true, path: rawPath.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase()) };
}

/** The upstream URL for a checked path, or undefined if it would not stay under `base`. */
export function upstreamUrl(base: URL, path: string): URL | undefined {
  const url = new URL(base.href.replace(/\/+$/, '') + path);
  const basePath = base.pathname.replace(/\/+$/, '');
  const inside = url.origin === base.origin && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`) || basePath === '');
  return inside && !url.search ? url : undefined;
}

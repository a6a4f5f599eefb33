// Which request targets the relay forwards. The upstream URL is the configured base followed by
// the request's path and query; everything that could make it leave that base is refused.
// Pure and table-tested (test/relay-safe-path.test.ts).

export const MAX_TARGET_LENGTH = 2048;

export type Target = { ok: true; path: string } | { ok: false; status: 400 | 414; reason: string };

const refuse = (reason: string): Target => ({ ok: false, status: 400, reason });

export function checkTarget(rawTarget: string): Target {
  if (rawTarget.length > MAX_TARGET_LENGTH) return { ok: false, status: 414, reason: 'request target too long' };
  // Origin-form only: `GET http://evil/ HTTP/1.1` (absolute-form) and `//host/...` are refused.
  if (!rawTarget.startsWith('/') || rawTarget.startsWith('//')) return refuse('the request target must be a path starting with a single /');
  if (/[\x00-\x20\x7f\\]/.test(rawTarget)) return refuse('control characters, spaces and backslashes are not allowed');
  const [rawPath = '', query] = splitOnce(rawTarget, '?');
  if (/%(2f|5c|00|0[0-9a-f]|1[0-9a-f]|7f|25)/i.test(rawPath)) {
    return refuse('encoded slashes, backslashes, percent signs and control characters are not allowed in the path');
  }
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return refuse('malformed percent-encoding');
  }
  // `..` and `.` in any spelling (`%2e%2e`, `.%2e`) are caught after decoding.
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return refuse('dot segments are not allowed');
  if (query !== undefined && /%(00|0[0-9a-f]|1[0-9a-f]|7f)/i.test(query)) return refuse('encoded control characters are not allowed');
  return { ok: true, path: rawTarget };
}

/** The upstream URL for a checked path, or undefined if it would not stay under `base`. */
export function upstreamUrl(base: URL, path: string): URL | undefined {
  const url = new URL(base.href.replace(/\/+$/, '') + path);
  const basePath = base.pathname.replace(/\/+$/, '');
  const inside = url.origin === base.origin && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`) || basePath === '');
  return inside ? url : undefined;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const i = text.indexOf(separator);
  return i === -1 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

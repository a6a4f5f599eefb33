// Which request targets the relay forwards, and the one spelling each is cached under. The
// upstream URL is the configured base followed by the request's path; everything that could
// make it leave that base is refused. The query string and a fragment are dropped: the API takes
// no query, a fragment is never sent by a client that follows RFC 9110, and forwarding either
// would let every distinct spelling become an upstream call (a cache-buster that defeats the
// relay's protection of the API). Percent-encoding is normalised as RFC 3986 section 6.2.2 says:
// unreserved characters (A-Z a-z 0-9 - . _ ~) are decoded, other escapes get upper-case hex, so
// `/restaurant/%62ikupan` and `/restaurant/bikupan` are one cache entry and one upstream call.
// A path that is already canonical (the usual case) is checked in one pass over its characters
// and returned as is: no regular expression, no allocation.
// Pure and table-tested (test/unit/relay-safe-path.test.ts).
import { BACKSLASH, DEL, DOT, FRAGMENT, PERCENT, QUERY, SLASH } from '../char-codes.js';

export const MAX_TARGET_LENGTH = 2048;

export interface Refusal {
  readonly status: 400 | 414;
  readonly reason: string;
}

/** The path to relay and cache (a string), or why the target is refused. */
export type Target = string | Refusal;

const refusal = (reason: string, status: 400 | 414 = 400): Refusal => Object.freeze({ status, reason });
const TOO_LONG = refusal('request target too long', 414);
const NOT_ORIGIN = refusal('the request target must be a path starting with a single /');
const CONTROL = refusal('control characters, spaces and backslashes are not allowed');
const ENCODED_CONTROL = refusal('encoded control characters are not allowed');
const MALFORMED = refusal('malformed percent-encoding');
const DOT_SEGMENT = refusal('dot segments are not allowed');
const DOUBLE_ENCODED = refusal('double percent-encoding is not allowed');

/**
 * Characters that the URL the upstream request is made from percent-encodes in a path (the
 * WHATWG path percent-encode set, less what is refused or ends the path here): encoded here too,
 * so that `/a"b` and `/a%22b` are one cache entry, spelled as they are sent.
 */
const ENCODED_BY_URL = new Uint8Array(128);
for (const c of '"<>`{}') ENCODED_BY_URL[c.charCodeAt(0)] = 1;

/** Whether raw[start, end) is `.` or `..`. */
function isRawDotSegment(raw: string, start: number, end: number): boolean {
  const n = end - start;
  return (n === 1 && raw.charCodeAt(start) === DOT) || (n === 2 && raw.charCodeAt(start) === DOT && raw.charCodeAt(start + 1) === DOT);
}

export function checkTarget(raw: string): Target {
  const length = raw.length;
  if (length > MAX_TARGET_LENGTH) return TOO_LONG;
  // Origin-form only: `GET http://evil/ HTTP/1.1` (absolute-form) and `//host/...` are refused.
  if (length === 0 || raw.charCodeAt(0) !== SLASH || (length > 1 && raw.charCodeAt(1) === SLASH)) return NOT_ORIGIN;
  let end = length; // where the path ends: the first `?` or `#`
  let escaped = false;
  let segment = 1;
  for (let i = 1; i < length; i++) {
    const c = raw.charCodeAt(i);
    // In the query and fragment too: nothing of the kind is relayed, or logged, raw.
    if (c <= 0x20 || c === DEL || c === BACKSLASH) return CONTROL;
    if (i >= end) continue;
    if (c === SLASH || c === QUERY || c === FRAGMENT) {
      if (isRawDotSegment(raw, segment, i)) return DOT_SEGMENT;
      segment = i + 1;
      if (c !== SLASH) end = i;
    } else if (c === PERCENT || (c < 128 && ENCODED_BY_URL[c] === 1)) {
      escaped = true;
    }
  }
  if (end === length && isRawDotSegment(raw, segment, length)) return DOT_SEGMENT;
  if (!escaped) return end === length ? raw : raw.slice(0, end);
  return normaliseEscapes(end === length ? raw : raw.slice(0, end));
}

const hex = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);

const isUnreserved = (b: number): boolean =>
  (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e || b === 0x5f || b === 0x7e;

const UPPER_HEX = '0123456789ABCDEF';

/**
 * The slow path, for a path with percent-escapes: each segment is decoded on its own, so that an
 * identifier may hold an encoded `/` or `%` (the CLI encodes one as one segment), but no spelling
 * of `.` or `..` gets through; then the escapes are normalised.
 */
function normaliseEscapes(path: string): Target {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(seg);
    } catch {
      return MALFORMED;
    }
    let dots = 0;
    let run = 0; // length of the current piece between encoded `/` or `\`
    for (let i = 0; i <= decoded.length; i++) {
      const c = i < decoded.length ? decoded.charCodeAt(i) : SLASH;
      if (c === SLASH || c === BACKSLASH) {
        if (run > 0 && dots === run && run <= 2) return DOT_SEGMENT;
        dots = run = 0;
      } else {
        run++;
        if (c === DOT) dots++;
        if (c < 0x20 || c === DEL) return ENCODED_CONTROL;
        if (c === PERCENT && hex(decoded.charCodeAt(i + 1)) >= 0 && hex(decoded.charCodeAt(i + 2)) >= 0) return DOUBLE_ENCODED;
      }
    }
    let spelled = '';
    for (let i = 0; i < seg.length; i++) {
      const c = seg.charCodeAt(i);
      if (c < 128 && ENCODED_BY_URL[c] === 1) {
        spelled += `%${UPPER_HEX[c >> 4]}${UPPER_HEX[c & 15]}`;
        continue;
      }
      if (c !== PERCENT) {
        spelled += seg[i];
        continue;
      }
      // decodeURIComponent accepted the segment, so two hex digits follow.
      const b = hex(seg.charCodeAt(i + 1)) * 16 + hex(seg.charCodeAt(i + 2));
      spelled += isUnreserved(b) ? String.fromCharCode(b) : `%${UPPER_HEX[b >> 4]}${UPPER_HEX[b & 15]}`;
      i += 2;
    }
    out.push(spelled);
  }
  return out.join('/');
}

/** The upstream URL for a checked path, or undefined if it would not stay under `base`. */
export function upstreamUrl(base: URL, path: string): URL | undefined {
  const url = new URL(base.href.replace(/\/+$/, '') + path);
  const basePath = base.pathname.replace(/\/+$/, '');
  const inside = url.origin === base.origin && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`) || basePath === '');
  return inside && !url.search ? url : undefined;
}

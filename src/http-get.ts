// One HTTP GET with the limits both faces need: a time limit, a cap on the body (after
// decompression, so a small gzip bomb cannot inflate into gigabytes), and failures sorted into
// a few kinds that read the same on every Node version. Used by the CLI's API client and by the
// relay's upstream; each adds its own policy (retries, proxies, redirects) on top.
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface GetOptions {
  agent?: http.Agent;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  /** Decompress gzip/deflate/br bodies (and ask for them). The relay passes bytes through instead. */
  decompress?: boolean;
}

export interface GetAnswer {
  status: number;
  statusMessage: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type FailureKind = 'timeout' | 'too-large' | 'network' | 'bad-encoding';

export class GetFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    /** For `network`: the short reason (`connection refused`, `host not found`, ...). */
    readonly reason: string,
    /** The system error code when there is one (ECONNREFUSED, ...). */
    readonly code?: string,
  ) {
    super(reason);
  }
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EAI_FAIL: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
  ECONNABORTED: 'connection reset',
  // Node 22+ gives up on every address of a dual-stack host (happy eyeballs) with an
  // AggregateError (its first known cause is reported).
  ERR_SOCKET_CONNECTION_TIMEOUT: 'connection timed out',
  ERR_SOCKET_CLOSED_BEFORE_CONNECTION: 'the connection failed',
  HPE_INVALID_CONSTANT: 'not an HTTP server',
  HPE_INVALID_VERSION: 'not an HTTP server',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate is not trusted',
};

/** The first known system error code in an error, its cause, or the errors it aggregates. */
function systemCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown[] };
  if (typeof e.code === 'string' && NETWORK_REASONS[e.code]) return e.code;
  for (const inner of e.errors ?? []) {
    const code = systemCode(inner, depth + 1);
    if (code) return code;
  }
  return systemCode(e.cause, depth + 1) ?? (typeof e.code === 'string' ? e.code : undefined);
}

/** A connection-level failure as a GetFailure with a short, true reason. */
export function networkFailure(error: unknown): GetFailure {
  if (error instanceof GetFailure) return error;
  const code = systemCode(error);
  const reason = (code && NETWORK_REASONS[code]) ?? (code ? `error ${code}` : 'the connection failed');
  return new GetFailure('network', reason, code);
}

function decoder(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

export function httpGet(url: URL, options: GetOptions): Promise<GetAnswer> {
  const transport = url.protocol === 'https:' ? https : http;
  const headers = options.decompress ? { 'accept-encoding': 'gzip, deflate, br', ...options.headers } : options.headers;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (failure: GetFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(failure);
    };
    const req = transport.get(url, { agent: options.agent, headers });
    const timer = setTimeout(() => fail(new GetFailure('timeout', 'no answer in time')), options.timeoutMs);
    req.on('error', (error) => fail(networkFailure(error)));
    req.on('response', (res) => {
      const declared = Number(res.headers['content-length']);
      if (!options.decompress && declared > options.maxBytes) return fail(new GetFailure('too-large', 'the answer is too large'));
      let stream: Readable = res;
      const inflate = options.decompress ? decoder(res.headers['content-encoding']) : undefined;
      if (inflate) {
        stream = res.pipe(inflate);
        inflate.on('error', () => fail(new GetFailure('bad-encoding', 'the answer could not be decompressed')));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          inflate?.destroy();
          fail(new GetFailure('too-large', 'the answer is too large'));
        } else chunks.push(chunk);
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', (error) => fail(networkFailure(error)));
      res.on('aborted', () => fail(new GetFailure('network', 'connection reset', 'ECONNRESET')));
    });
  });
}

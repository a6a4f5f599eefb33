// The relay's one connection to the menu API, with got (the project's one HTTP client): keep-alive,
// a small cap on concurrent requests (the API is rate-limited), a timeout and a size cap, no
// retries (the cache serves stale copies instead), no redirects. Bodies are relayed as bytes,
// not parsed into objects, and not decompressed (none is asked for).
import http from 'node:http';
import https from 'node:https';
import got, { RequestError, type Response } from 'got';
import { capBody } from '../api/body-cap.js';
import { RelayError } from './errors.js';

export interface UpstreamAnswer {
  status: number;
  body: Buffer;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface UpstreamOptions {
  timeoutMs: number;
  maxConcurrent: number;
  userAgent: string;
}

/** The first specific system error code in an error, its cause, or the errors it aggregates. */
function systemCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown[] };
  for (const inner of [...(Array.isArray(e.errors) ? e.errors : []), e.cause]) {
    const code = systemCode(inner, depth + 1);
    if (code) return code;
  }
  return typeof e.code === 'string' && e.code !== 'ERR_GOT_REQUEST_ERROR' ? e.code : undefined;
}

export function createUpstream(options: UpstreamOptions) {
  // maxSockets queues requests beyond the cap instead of opening more connections.
  const agentOptions = { keepAlive: true, maxSockets: options.maxConcurrent, maxFreeSockets: options.maxConcurrent };
  const agent = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  const client = got.extend({
    agent,
    // Nothing from the client is forwarded: only these headers reach the API.
    headers: { 'user-agent': options.userAgent, accept: 'application/json' },
    responseType: 'buffer',
    decompress: false,
    followRedirect: false,
    throwHttpErrors: false,
    retry: { limit: 0 },
    timeout: { request: options.timeoutMs },
  });

  /** The upstream's answer: 2xx JSON or 404 pass; anything else is a RelayError. */
  async function get(url: URL): Promise<UpstreamAnswer> {
    const request = client(url);
    const tooLarge = capBody(request, MAX_BODY_BYTES);
    let answer: Response<Buffer>;
    try {
      answer = await request;
    } catch (error) {
      if (tooLarge()) throw new RelayError('UPSTREAM_TOO_LARGE', 'upstream answer too large');
      // got 14 on Node 24 may let a socket error out unwrapped (a plain Error with a code).
      if (!(error instanceof RequestError) && typeof (error as { code?: unknown } | undefined)?.code !== 'string') throw error;
      if (error instanceof RequestError && error.name === 'TimeoutError') throw new RelayError('UPSTREAM_TIMEOUT', `upstream did not answer within ${options.timeoutMs} ms`);
      throw new RelayError('UPSTREAM_UNREACHABLE', `upstream unreachable (${systemCode(error) ?? 'the connection failed'})`);
    }
    const status = answer.statusCode;
    const body = answer.body;
    // Compressed bodies are not asked for; one that comes anyway cannot be checked as JSON.
    const encoded = answer.headers['content-encoding'] && answer.headers['content-encoding'] !== 'identity';
    if (status >= 200 && status < 300) {
      if (!encoded && /\bjson\b/i.test(String(answer.headers['content-type'] ?? '')) && isJson(body)) return { status, body };
      throw new RelayError('UPSTREAM_NOT_JSON', 'upstream answered with something that is not JSON');
    }
    if (status === 404) return { status, body: !encoded && isJson(body) ? body : Buffer.from(JSON.stringify({ error: 'not found upstream', code: 'NOT_FOUND' })) };
    throw new RelayError('UPSTREAM_STATUS', `upstream answered ${status}`);
  }

  return {
    get,
    close() {
      agent.http.destroy();
      agent.https.destroy();
    },
  };
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

export type Upstream = ReturnType<typeof createUpstream>;

// The relay's one connection to the menu API: keep-alive, a small cap on concurrent requests
// (the API is rate-limited), a timeout and a size cap, no retries (the cache serves stale
// copies instead). Bodies are relayed as bytes, not parsed into objects.
import http from 'node:http';
import https from 'node:https';
import { GetFailure, httpGet } from '../http-get.js';
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

export function createUpstream(options: UpstreamOptions) {
  // maxSockets queues requests beyond the cap instead of opening more connections.
  const agentOptions = { keepAlive: true, maxSockets: options.maxConcurrent, maxFreeSockets: options.maxConcurrent };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

  /** The upstream's answer: 2xx JSON or 404 pass; anything else is a RelayError. */
  async function get(url: URL): Promise<UpstreamAnswer> {
    let answer;
    try {
      answer = await httpGet(url, {
        agent: agents[url.protocol as 'http:' | 'https:'],
        // Nothing from the client is forwarded: only these headers reach the API.
        headers: { 'user-agent': options.userAgent, accept: 'application/json' },
        timeoutMs: options.timeoutMs,
        maxBytes: MAX_BODY_BYTES,
      });
    } catch (error) {
      if (!(error instanceof GetFailure)) throw error;
      if (error.kind === 'timeout') throw new RelayError('UPSTREAM_TIMEOUT', `upstream did not answer within ${options.timeoutMs} ms`);
      if (error.kind === 'too-large') throw new RelayError('UPSTREAM_TOO_LARGE', 'upstream answer too large');
      throw new RelayError('UPSTREAM_UNREACHABLE', `upstream unreachable (${error.code ?? error.reason})`);
    }
    const { status, body } = answer;
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
      agents['http:'].destroy();
      agents['https:'].destroy();
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

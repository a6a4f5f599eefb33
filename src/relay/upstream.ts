// The relay's one connection to the menu API: keep-alive, a small cap on concurrent requests
// (the API is rate-limited), a timeout, no retries (the cache serves stale copies instead).
// Bodies are relayed as bytes, not parsed into objects.
import http from 'node:http';
import https from 'node:https';

export interface UpstreamAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

export class UpstreamError extends Error {
  constructor(
    /** 502 (failed, or answered with something unusable) or 504 (timed out). */
    readonly status: 502 | 504,
    message: string,
  ) {
    super(message);
  }
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

  function get(url: URL): Promise<UpstreamAnswer> {
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.get(url, {
        agent: agents[url.protocol as 'http:' | 'https:'],
        // Nothing from the client is forwarded: only these headers reach the API.
        headers: { 'user-agent': options.userAgent, accept: 'application/json' },
      });
      const timer = setTimeout(() => {
        req.destroy();
        reject(new UpstreamError(504, `upstream did not answer within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new UpstreamError(502, `upstream unreachable (${error.code ?? error.message})`));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy();
            clearTimeout(timer);
            reject(new UpstreamError(502, 'upstream answer too large'));
          } else chunks.push(chunk);
        });
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 502, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) });
        });
        res.on('error', (error) => {
          clearTimeout(timer);
          reject(new UpstreamError(502, `upstream answer broken off (${error.message})`));
        });
      });
    });
  }

  return {
    get,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

export type Upstream = ReturnType<typeof createUpstream>;

// The only module that speaks HTTP to the menu API (or to our relay, which serves the same
// paths). Loaded lazily: a warm, cached lookup never pays for importing got.
import http from 'node:http';
import https from 'node:https';
import got, { HTTPError, RequestError, type Agents } from 'got';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { getProxyForUrl } from 'proxy-from-env';
import { ApiError } from '../errors.js';
import { formatDuration } from '../duration.js';
import { VERSION } from '../version.js';

export interface HttpOptions {
  /** Budget for the whole call, retries included. */
  timeoutMs: number;
  /** Retries after the first attempt (network errors, 429, 5xx; GET only). */
  retries?: number;
}

export type JsonAnswer = { status: 200; body: unknown } | { status: 404 };

const USER_AGENT = `restaurant-menu-cli/${VERSION} (+https://www.npmjs.com/package/restaurant-menu-cli)`;
/** A Retry-After longer than this is not waited for: the call fails at once, naming the wait. */
const MAX_RETRY_AFTER_MS = 5_000;
const RETRY_STATUS = [429, 500, 502, 503, 504];

// Keep-alive lets `today`/`find` reuse a few connections; sockets are unref'd while idle.
const directAgents: Agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 8 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 8 }),
};
const proxyAgents = new Map<string, Agents>();

/** got ignores HTTP(S)_PROXY/NO_PROXY; proxy-from-env applies the usual rules to each URL. */
function agentsFor(url: string): Agents {
  const proxy = getProxyForUrl(url);
  if (!proxy) return directAgents;
  let agents = proxyAgents.get(proxy);
  if (!agents) {
    const options = { proxy, keepAlive: true, maxSockets: 8 };
    agents = { http: new HttpProxyAgent(options), https: new HttpsProxyAgent(options) };
    proxyAgents.set(proxy, agents);
  }
  return agents;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** GET a JSON document. 200 → parsed body; 404 → `{status: 404}`; anything else → ApiError. */
export async function getJson(url: string, options: HttpOptions): Promise<JsonAnswer> {
  const deadline = Date.now() + options.timeoutMs;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response;
  try {
    response = await got(url, {
      signal,
      agent: agentsFor(url),
      headers: { 'user-agent': USER_AGENT, accept: 'application/json' },
      // A hung API gets two attempts that together fit the budget; the signal is the hard stop.
      timeout: { request: Math.ceil(options.timeoutMs / 2) },
      retry: {
        limit: options.retries ?? 2,
        methods: ['GET'],
        statusCodes: RETRY_STATUS,
        maxRetryAfter: MAX_RETRY_AFTER_MS,
        calculateDelay: ({ attemptCount, computedValue, retryAfter }) => {
          if (computedValue === 0) return 0;
          // 0 means "do not retry" to got, so a `Retry-After: 0` becomes the backoff instead.
          const delay = retryAfter || 250 * 2 ** (attemptCount - 1);
          return Date.now() + delay < deadline - 100 ? delay : 0;
        },
      },
      throwHttpErrors: false,
      followRedirect: true,
    });
  } catch (error) {
    throw toApiError(error, url, options, signal.aborted);
  }
  const { statusCode } = response;
  const type = String(response.headers['content-type'] ?? '');
  if (statusCode === 404) return { status: 404 };
  if (statusCode === 429) {
    const wait = Number(response.headers['retry-after']);
    const hint = Number.isFinite(wait) && wait > 0 ? ` (it asks to wait ${formatDuration(wait * 1000)})` : '';
    throw new ApiError('API_RATE_LIMITED', `the menu API at ${hostOf(url)} is rate-limiting requests${hint}`, true);
  }
  if (statusCode < 200 || statusCode >= 300) {
    const message = `the menu API at ${hostOf(url)} answered ${statusCode} ${response.statusMessage ?? ''}`.trim();
    throw new ApiError('API_STATUS', message, statusCode >= 500);
  }
  if (/html/i.test(type) || /^\s*</.test(response.body)) {
    throw new ApiError('API_BAD_RESPONSE', `the menu API at ${hostOf(url)} sent a web page instead of JSON`);
  }
  try {
    return { status: 200, body: JSON.parse(response.body) };
  } catch {
    throw new ApiError('API_BAD_RESPONSE', `the menu API at ${hostOf(url)} sent malformed JSON`);
  }
}

function toApiError(error: unknown, url: string, options: HttpOptions, aborted: boolean): ApiError {
  const host = hostOf(url);
  const code = (error as { code?: string })?.code ?? '';
  if (aborted || code === 'ETIMEDOUT' || (error instanceof RequestError && error.name === 'TimeoutError')) {
    return new ApiError('API_TIMEOUT', `the menu API at ${host} did not answer within ${formatDuration(options.timeoutMs)}`, true);
  }
  if (error instanceof HTTPError) {
    return new ApiError('API_STATUS', `the menu API at ${host} answered ${error.response.statusCode}`, true);
  }
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'DNS lookup failed',
    ECONNRESET: 'connection reset',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
  };
  const reason = reasons[code] ?? (error instanceof Error ? error.message : String(error));
  return new ApiError('API_UNREACHABLE', `cannot reach the menu API at ${host} (${reason})`, true);
}

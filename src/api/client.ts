// The only module that speaks HTTP to the menu API (or to our relay, which serves the same
// paths), with got: retries with back-off and Retry-After, the whole command's time limit,
// redirects, decompression, proxies (HTTP(S)_PROXY/NO_PROXY through hpagent). Loaded lazily: a
// warm, cached lookup never loads it or got. Every failure is worded once, here, from got's
// error code and its cause.
import { capBody } from './body-cap.js';
import http from 'node:http';
import https from 'node:https';
import got, { HTTPError, MaxRedirectsError, RequestError, type Agents, type Response } from 'got';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { getProxyForUrl } from 'proxy-from-env';
import { formatDuration } from '../duration.js';
import { ApiError } from '../errors.js';
import { parseUntrusted } from '../json.js';
import { clip, neutralise, redactUrl } from '../text.js';
import { VERSION } from '../version.js';

export interface HttpOptions {
  /** When the whole command's budget runs out (ms, on `now`'s clock). */
  deadline: number;
  /** The budget as given, for messages. */
  budgetMs: number;
  now(): number;
  /** Back-off before retry `attempt` (1, 2, ...). Default 250 ms, then 500 ms. */
  retryDelayMs?(attempt: number): number;
  /** Retries after the first attempt (network errors, 429, 5xx). */
  retries?: number;
}

/**
 * A JSON answer. A cache on the way (a relay, `restaurant-menu serve`) says how old its copy is
 * (`Age`, in seconds) and whether it is one it serves because the API failed (`X-Cache: STALE`).
 */
export type JsonAnswer = { status: 200; body: unknown; ageMs: number; stale: boolean } | { status: 404 };

/** The longest `Age` believed: a week (the relay keeps nothing longer). */
const MAX_AGE_MS = 7 * 86_400_000;

const USER_AGENT = `restaurant-menu-cli/${VERSION} (+https://www.npmjs.com/package/restaurant-menu-cli)`;
/** A Retry-After longer than this is not waited for: the call fails at once, naming the wait. */
const MAX_RETRY_AFTER_MS = 5_000;
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
/** The relay caps upstream answers at 8 MB; a menu or the list is a few KB. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
const MAX_REDIRECTS = 5;

// Keep-alive lets `today`/`find` reuse a few connections; Node unrefs idle sockets.
const direct: Agents = { http: new http.Agent({ keepAlive: true, maxSockets: 8 }), https: new https.Agent({ keepAlive: true, maxSockets: 8 }) };
const viaProxy = new Map<string, Agents>();

/** The agents for a URL, and the proxy they go through (HTTP(S)_PROXY and NO_PROXY, as curl reads them). */
function agentsFor(url: URL): { agent: Agents; proxy?: string } {
  const proxy = getProxyForUrl(url.href);
  if (!proxy) return { agent: direct };
  let agent = viaProxy.get(proxy);
  if (!agent) {
    const options = { proxy, keepAlive: true, maxSockets: 8 };
    agent = { http: new HttpProxyAgent(options), https: new HttpsProxyAgent(options) };
    viaProxy.set(proxy, agent);
  }
  return { agent, proxy };
}

/** What a system error code means, in a few words. */
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
  ERR_SOCKET_CONNECTION_TIMEOUT: 'connection timed out',
  HPE_INVALID_CONSTANT: 'not an HTTP server',
  HPE_INVALID_VERSION: 'not an HTTP server',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate is not trusted',
};
/**
 * Codes that say only that a connection failed, not why: Node 24 under got 14 reports a refused
 * connection on a retried attempt as ERR_SOCKET_CLOSED_BEFORE_CONNECTION (got issue 2469), and
 * Node 22+ gives up on every address of a dual-stack host with an AggregateError. The reason is
 * looked for in the cause, the aggregated errors and the earlier attempts first.
 */
const VAGUE = new Set(['ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'ERR_GOT_REQUEST_ERROR', 'ERR_RETRYING']);

/** The known system error codes in an error, its cause, and the errors it aggregates, outermost first. */
function codesIn(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 5) return [];
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown[] };
  const own = typeof e.code === 'string' ? [e.code] : [];
  return [...own, ...(Array.isArray(e.errors) ? e.errors : []).flatMap((inner) => codesIn(inner, depth + 1)), ...codesIn(e.cause, depth + 1)];
}

/** The reason a connection failed, from this error and those of earlier attempts. */
function networkReason(errors: unknown[]): string {
  const codes = errors.toReversed().flatMap((error) => codesIn(error));
  const known = codes.find((code) => NETWORK_REASONS[code]);
  if (known) return NETWORK_REASONS[known]!;
  const specific = codes.find((code) => !VAGUE.has(code));
  return specific ? `error ${specific}` : 'the connection failed';
}

function hostOf(url: URL | string): string {
  try {
    return new URL(url).host;
  } catch {
    return clip(redactUrl(String(url)), 60);
  }
}

/** GET a JSON document. 200 → parsed body; 404 → `{status: 404}`; anything else → ApiError. */
export async function getJson(target: string, options: HttpOptions): Promise<JsonAnswer> {
  const url = new URL(target);
  const remaining = () => options.deadline - options.now();
  if (remaining() <= 0) throw timedOut(url, options);
  const { agent, proxy } = agentsFor(url);
  const attempts: unknown[] = [];
  const retryDelay = options.retryDelayMs ?? ((n: number) => 250 * 2 ** (n - 1));
  // A redirect from https to plain http is not followed: what an https address answers must not
  // come over a connection anyone on the way can read and change.
  let downgradedTo: URL | undefined;
  const request = got(url, {
    agent,
    headers: { 'user-agent': USER_AGENT, accept: 'application/json' },
    responseType: 'buffer',
    decompress: true,
    maxRedirects: MAX_REDIRECTS,
    followRedirect: (answer) => {
      const to = new URL(String(answer.headers.location ?? ''), answer.url);
      if (new URL(answer.url).protocol === 'https:' && to.protocol !== 'https:') downgradedTo = to;
      return downgradedTo === undefined;
    },
    timeout: { request: remaining() },
    retry: {
      limit: options.retries ?? 2,
      methods: ['GET'],
      statusCodes: [...RETRY_STATUS],
      // A longer Retry-After is not waited for: the call fails at once, naming the wait.
      maxRetryAfter: MAX_RETRY_AFTER_MS,
      calculateDelay: ({ attemptCount, retryAfter, computedValue }) => {
        if (computedValue === 0) return 0;
        const delay = retryAfter && retryAfter > 1 ? retryAfter : retryDelay(attemptCount);
        // No retry that the command's time limit would cut short.
        if (delay >= remaining() - 100) return 0;
        return Math.max(1, delay);
      },
    },
    hooks: {
      // Each attempt and each redirect gets what is left of the command's time.
      beforeRetry: [
        (error) => {
          attempts.push(error);
          error.options.timeout = { request: Math.max(1, remaining()) };
        },
      ],
      beforeRedirect: [
        (redirected) => {
          redirected.timeout = { request: Math.max(1, remaining()) };
        },
      ],
    },
  });
  // The body is capped after decompression, so a small gzip bomb cannot inflate into gigabytes:
  // got's download progress counts the decompressed bytes. It reports progress only while that
  // count is below Content-Length, which for a compressed answer is the compressed size: the
  // length of a compressed answer is dropped before got reads it, so that every chunk is reported.
  request.on('request', (outgoing: http.ClientRequest) => {
    // What the connection said, for the message: on Node 24, got 14 then rejects with a bare
    // ERR_SOCKET_CLOSED_BEFORE_CONNECTION (got issue 2469) that carries no cause.
    outgoing.on('error', (error) => attempts.push(error));
    outgoing.prependListener('response', (incoming: http.IncomingMessage) => {
      if (incoming.headers['content-encoding']) delete incoming.headers['content-length'];
    });
  });
  const tooLarge = capBody(request, MAX_BODY_BYTES);
  let response: Response<Buffer>;
  try {
    response = await request;
  } catch (error) {
    if (tooLarge()) throw new ApiError('API_BAD_RESPONSE', `the menu API at ${hostOf(url)} sent an answer larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    if (error instanceof HTTPError || error instanceof MaxRedirectsError) {
      if (error.response.statusCode === 404) return { status: 404 };
      throw statusError(error.response, url);
    }
    throw toApiError(error, [...attempts, error], url, proxy, options);
  }
  if (downgradedTo) {
    throw new ApiError('API_BAD_RESPONSE', `the menu API at ${hostOf(url)} redirected to plain http (${hostOf(downgradedTo)}); not followed, an https answer must stay https`);
  }
  return toJsonAnswer(response, url);
}

function retryAfter(answer: Response): number | undefined {
  const header = answer.headers['retry-after'];
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function rateLimited(url: URL, waitMs: number | undefined): ApiError {
  const when = waitMs && waitMs >= 1000 ? `in ${formatDuration(waitMs)}` : 'in a minute';
  const asks = waitMs && waitMs >= 1000 ? ` (it asks to wait ${formatDuration(waitMs)})` : '';
  return new ApiError('API_RATE_LIMITED', `the menu API at ${hostOf(url)} is rate-limiting requests${asks}; try again ${when}`, true);
}

function statusError(answer: Response, url: URL): ApiError {
  if (answer.statusCode === 429) return rateLimited(url, retryAfter(answer));
  // The reason phrase is the server's text: neutralised like everything else from the network.
  const reason = clip(neutralise(answer.statusMessage ?? ''), 60);
  const why = relayReason(answer);
  const advice = answer.statusCode >= 500 ? '; try again later' : '';
  return new ApiError('API_STATUS', `the menu API at ${hostOf(url)} answered ${answer.statusCode} ${reason}`.trim() + why + advice, answer.statusCode >= 500);
}

/**
 * What a relay (`restaurant-menu serve`) said of its failure: its JSON error body names the cause
 * (`upstream unreachable (ENOTFOUND)`), which the status alone does not. Neutralised and clipped.
 */
function relayReason(answer: Response): string {
  const body = answer.body;
  if (!Buffer.isBuffer(body) || body.length > 4096 || !/json/i.test(String(answer.headers['content-type'] ?? ''))) return '';
  try {
    const parsed = parseUntrusted(body.toString('utf8'), 4) as { error?: unknown; code?: unknown } | null;
    return parsed && typeof parsed.error === 'string' && typeof parsed.code === 'string' ? ` (${clip(neutralise(parsed.error), 120)})` : '';
  } catch {
    return '';
  }
}

function toJsonAnswer(answer: Response<Buffer>, url: URL): JsonAnswer {
  if (answer.statusCode < 200 || answer.statusCode >= 300) throw statusError(answer, url);
  const type = String(answer.headers['content-type'] ?? '');
  const text = answer.body.toString('utf8');
  if (/html/i.test(type) || /^\s*</.test(text)) {
    throw new ApiError('API_BAD_RESPONSE', `the menu API at ${hostOf(url)} sent a web page instead of JSON; is the API URL right?`);
  }
  try {
    // Nesting counted first: parsing millions of levels would hold the process past any time limit.
    const body = parseUntrusted(text);
    const age = Number(answer.headers.age);
    const ageMs = Number.isSafeInteger(age) && age > 0 ? Math.min(age * 1000, MAX_AGE_MS) : 0;
    return { status: 200, body, ageMs, stale: String(answer.headers['x-cache'] ?? '').toUpperCase() === 'STALE' };
  } catch {
    throw new ApiError('API_BAD_RESPONSE', `the menu API at ${hostOf(url)} sent malformed JSON`);
  }
}

function timedOut(url: URL, options: HttpOptions): ApiError {
  return new ApiError('API_TIMEOUT', `the menu API at ${hostOf(url)} did not answer within ${formatDuration(options.budgetMs)}; try again later, or allow longer with --timeout`, true);
}

function toApiError(error: unknown, attempts: unknown[], url: URL, proxy: string | undefined, options: HttpOptions): ApiError {
  // got 14 on Node 24 lets a retried attempt's socket error out unwrapped (a plain Error with a code).
  const code = (error as { code?: unknown } | undefined)?.code;
  if (!(error instanceof RequestError) && typeof code !== 'string') throw error;
  if (error instanceof RequestError && error.name === 'TimeoutError') return timedOut(url, options);
  if (code === 'ERR_BODY_PARSE_FAILURE' || codesIn(error).some((code) => code.startsWith('Z_') || code === 'ERR__ERROR' || code === 'ERR_BROTLI_DECOMPRESSION_FAILED')) {
    return new ApiError('API_BAD_RESPONSE', `the menu API at ${hostOf(url)} sent a damaged compressed answer`);
  }
  const reason = networkReason(attempts);
  if (proxy) return new ApiError('API_UNREACHABLE', `cannot reach the proxy ${hostOf(proxy)} (${reason}); check HTTPS_PROXY/HTTP_PROXY, or NO_PROXY`, true);
  return new ApiError('API_UNREACHABLE', `cannot reach the menu API at ${hostOf(url)} (${reason}); give another with --api or 'config set api', or use a relay`, true);
}

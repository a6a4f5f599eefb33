// The only module that speaks HTTP to the menu API (or to our relay, which serves the same
// paths). Loaded lazily: a warm, cached lookup never pays for it. Retries are done here rather
// than by an HTTP library, so that every failure reads the same on every Node version (got's
// retried attempts on Node 24 report a refused connection as "Socket closed before the
// connection was established") and back-off can be injected by tests.
import http from 'node:http';
import https from 'node:https';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { getProxyForUrl } from 'proxy-from-env';
import { formatDuration } from '../duration.js';
import { ApiError } from '../errors.js';
import { GetFailure, httpGet, type GetAnswer } from '../http-get.js';
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

export type JsonAnswer = { status: 200; body: unknown } | { status: 404 };

const USER_AGENT = `restaurant-menu-cli/${VERSION} (+https://www.npmjs.com/package/restaurant-menu-cli)`;
/** A Retry-After longer than this is not waited for: the call fails at once, naming the wait. */
const MAX_RETRY_AFTER_MS = 5_000;
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
/** The relay caps upstream answers at 8 MB; a menu or the list is a few KB. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
const MAX_REDIRECTS = 5;

// Keep-alive lets `today`/`find` reuse a few connections; Node unrefs idle sockets.
const direct = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 8 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 8 }) };
const viaProxy = new Map<string, http.Agent>();

/** The agent for a URL, and the proxy it goes through (HTTP(S)_PROXY and NO_PROXY, as curl reads them). */
function agentFor(url: URL): { agent: http.Agent; proxy?: string } {
  const proxy = getProxyForUrl(url.href);
  if (!proxy) return { agent: direct[url.protocol as 'http:' | 'https:'] };
  const key = `${url.protocol}${proxy}`;
  let agent = viaProxy.get(key);
  if (!agent) {
    const options = { proxy, keepAlive: true, maxSockets: 8 };
    agent = url.protocol === 'https:' ? new HttpsProxyAgent(options) : new HttpProxyAgent(options);
    viaProxy.set(key, agent);
  }
  return { agent, proxy };
}

function hostOf(url: URL | string): string {
  try {
    return new URL(url).host;
  } catch {
    return clip(redactUrl(String(url)), 60);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET a JSON document. 200 → parsed body; 404 → `{status: 404}`; anything else → ApiError. */
export async function getJson(target: string, options: HttpOptions): Promise<JsonAnswer> {
  const url = new URL(target);
  const retries = options.retries ?? 2;
  for (let attempt = 0; ; attempt++) {
    let outcome: { answer: GetAnswer } | { error: ApiError; retryAfterMs?: number };
    try {
      outcome = { answer: await getFollowingRedirects(url, options) };
    } catch (error) {
      outcome = { error: toApiError(error, url, options) };
    }
    if ('answer' in outcome) {
      const { answer } = outcome;
      if (!RETRY_STATUS.has(answer.status)) return toJsonAnswer(answer, url);
      const retryAfterMs = retryAfter(answer);
      if (answer.status === 429 && retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) {
        throw rateLimited(url, retryAfterMs);
      }
      outcome = { error: statusError(answer, url), retryAfterMs };
    }
    const { error } = outcome;
    if (!error.transient || attempt >= retries) throw error;
    const delay = outcome.retryAfterMs || (options.retryDelayMs ?? ((n) => 250 * 2 ** (n - 1)))(attempt + 1);
    if (options.now() + delay >= options.deadline - 100) throw error;
    if (delay > 0) await sleep(delay);
  }
}

async function getFollowingRedirects(start: URL, options: HttpOptions): Promise<GetAnswer> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const remaining = options.deadline - options.now();
    if (remaining <= 0) throw new GetFailure('timeout', 'no answer in time');
    const { agent, proxy } = agentFor(url);
    let answer: GetAnswer;
    try {
      answer = await httpGet(url, {
        agent,
        headers: { 'user-agent': USER_AGENT, accept: 'application/json' },
        timeoutMs: remaining,
        maxBytes: MAX_BODY_BYTES,
        decompress: true,
      });
    } catch (error) {
      if (proxy && error instanceof GetFailure && error.kind === 'network') throw new ProxyFailure(proxy, error.reason);
      throw error;
    }
    const location = answer.headers.location;
    if (answer.status < 300 || answer.status >= 400 || answer.status === 304 || !location) return answer;
    const next = new URL(location, url);
    if (hop >= MAX_REDIRECTS || (next.protocol !== 'http:' && next.protocol !== 'https:')) return answer;
    url = next;
  }
}

class ProxyFailure extends Error {
  constructor(
    readonly proxy: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function retryAfter(answer: GetAnswer): number | undefined {
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

function statusError(answer: GetAnswer, url: URL): ApiError {
  if (answer.status === 429) return rateLimited(url, retryAfter(answer));
  // The reason phrase is the server's text: neutralised like everything else from the network.
  const reason = clip(neutralise(answer.statusMessage), 60);
  const advice = answer.status >= 500 ? '; try again later' : '';
  return new ApiError('API_STATUS', `the menu API at ${hostOf(url)} answered ${answer.status} ${reason}`.trim() + advice, answer.status >= 500);
}

function toJsonAnswer(answer: GetAnswer, url: URL): JsonAnswer {
  if (answer.status === 404) return { status: 404 };
  if (answer.status < 200 || answer.status >= 300) throw statusError(answer, url);
  const type = String(answer.headers['content-type'] ?? '');
  const text = answer.body.toString('utf8');
  if (/html/i.test(type) || /^\s*</.test(text)) {
    throw new ApiError('API_BAD_RESPONSE', `the menu API at ${hostOf(url)} sent a web page instead of JSON; is the API URL right?`);
  }
  try {
    return { status: 200, body: JSON.parse(text) };
  } catch {
    throw new ApiError('API_BAD_RESPONSE', `the menu API at ${hostOf(url)} sent malformed JSON`);
  }
}

function toApiError(error: unknown, url: URL, options: HttpOptions): ApiError {
  const host = hostOf(url);
  if (error instanceof ProxyFailure) {
    return new ApiError('API_UNREACHABLE', `cannot reach the proxy ${hostOf(error.proxy)} (${error.reason}); check HTTPS_PROXY/HTTP_PROXY, or NO_PROXY`, true);
  }
  if (error instanceof GetFailure) {
    if (error.kind === 'timeout') {
      return new ApiError('API_TIMEOUT', `the menu API at ${host} did not answer within ${formatDuration(options.budgetMs)}; try again later, or allow longer with --timeout`, true);
    }
    if (error.kind === 'too-large') return new ApiError('API_BAD_RESPONSE', `the menu API at ${host} sent an answer larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    if (error.kind === 'bad-encoding') return new ApiError('API_BAD_RESPONSE', `the menu API at ${host} sent a damaged compressed answer`);
    return new ApiError(
      'API_UNREACHABLE',
      `cannot reach the menu API at ${host} (${error.reason}); give another with --api or 'config set api', or use a relay`,
      true,
    );
  }
  throw error;
}

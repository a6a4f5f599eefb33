// Where restaurant lists and menus come from: the disk cache when fresh, else the API (through
// the lazily loaded HTTP client), else, when the API fails, an older cached copy with a warning.
import { isMenu, isRestaurantList, parseMenu, parseRestaurantList, type Menu, type Restaurant } from './api/model.js';
import type { HttpOptions, JsonAnswer } from './api/client.js';
import type { CacheEntry, DiskCache } from './cache/store.js';
import { formatDuration } from './duration.js';
import { ApiError } from './errors.js';
import type { Notices } from './notices.js';
import { stockholmDate, stockholmDayLabel, stockholmTime } from './stockholm.js';

export const LIST_TTL_MS = 24 * 3_600_000;
/** A list this old is pruned; younger ones may still stand in while the API is down. */
const KEEP_LIST_MS = 30 * 86_400_000;

export type CacheMode = 'use' | 'refresh' | 'off';

/** Where an answer came from: the `source` object in `--json` output. */
export interface Provenance {
  fetchedAt: string;
  fromCache: boolean;
  stale: boolean;
}

/** A cached copy served because the API failed. */
export interface StaleUse {
  what: string;
  /** The API failure, as a message. */
  reason: string;
  fetchedAt: number;
}

export interface SourceOptions {
  api: string;
  timeoutMs: number;
  menuTtlMs: number;
  cacheMode: CacheMode;
  cache: DiskCache;
  notices: Notices;
  /** Told of each stale copy served; by default each one is a warning of its own. */
  onStale?: (use: StaleUse) => void;
  now?: () => number;
}

type Fetch = (url: string, options: HttpOptions) => Promise<JsonAnswer>;

const LIST_PATH = '/restaurant';
const menuPath = (id: string) => `/restaurant/${encodeURIComponent(id)}`;

/** Past, and no older than `ttl`. An entry dated in the future (clock moved back) is never fresh. */
function withinTtl(entry: CacheEntry, now: number, ttl: number): boolean {
  const age = now - entry.fetchedAt;
  return age >= 0 && age < ttl;
}

function sameStockholmDay(entry: CacheEntry, now: number): boolean {
  return entry.fetchedAt <= now && stockholmDate(entry.fetchedAt) === stockholmDate(now);
}

export class MenuSource {
  private readonly now: () => number;
  private readonly deadline: number;
  private fetchJson: Fetch | undefined;

  constructor(private readonly options: SourceOptions) {
    this.now = options.now ?? Date.now;
    // One budget for the whole command, so a hung API fails within --timeout however many calls it needed.
    this.deadline = this.now() + options.timeoutMs;
  }

  async restaurants(): Promise<{ restaurants: Restaurant[]; source: Provenance }> {
    const key = this.options.api + LIST_PATH;
    const { value, source } = await this.load(key, {
      parse: parseRestaurantList,
      isValid: isRestaurantList,
      fresh: (entry, now) => withinTtl(entry, now, LIST_TTL_MS),
      usableWhenDown: () => true,
      what: 'the restaurant list',
      fetch: async () => {
        let answer = await this.get(LIST_PATH);
        // Very old deployments only answer on the trailing-slash form.
        if (answer.status === 404) answer = await this.get(`${LIST_PATH}/`);
        if (answer.status === 404) throw new ApiError('API_STATUS', `the menu API at ${this.options.api} has no restaurant list (404): is the API URL right?`);
        return answer.body;
      },
    });
    return { restaurants: value, source };
  }

  async menu(restaurant: Restaurant): Promise<{ menu: Menu; source: Provenance }> {
    const path = menuPath(restaurant.id);
    const { value, source } = await this.load(this.options.api + path, {
      parse: parseMenu,
      isValid: isMenu,
      fresh: (entry, now) => withinTtl(entry, now, this.options.menuTtlMs) && sameStockholmDay(entry, now),
      usableWhenDown: sameStockholmDay,
      what: `the menu of ${restaurant.name}`,
      fetch: async () => {
        const answer = await this.get(path);
        if (answer.status === 404) {
          throw new ApiError('API_INCONSISTENT', `the menu API lists ${restaurant.name} (${restaurant.id}) but has no menu for it (404)`);
        }
        return answer.body;
      },
    });
    return { menu: value, source };
  }

  private async load<T>(
    key: string,
    how: {
      parse: (body: unknown) => T;
      isValid: (cached: unknown) => cached is T;
      fresh: (entry: CacheEntry, now: number) => boolean;
      usableWhenDown: (entry: CacheEntry, now: number) => boolean;
      what: string;
      fetch: () => Promise<unknown>;
    },
  ): Promise<{ value: T; source: Provenance }> {
    const { cache, cacheMode, notices } = this.options;
    const cached = cacheMode === 'off' ? undefined : this.cachedValue(key, how.isValid);
    if (cached && cacheMode === 'use' && how.fresh(cached.entry, this.now())) {
      return { value: cached.value, source: { fetchedAt: iso(cached.entry.fetchedAt), fromCache: true, stale: false } };
    }
    let body: unknown;
    try {
      body = await how.fetch();
    } catch (error) {
      if (!(error instanceof ApiError) || !error.transient || !cached) throw error;
      const now = this.now();
      const age = describeAge(cached.entry.fetchedAt, now);
      if (!how.usableWhenDown(cached.entry, now)) {
        throw new ApiError(error.code, `${error.message}; the last copy of ${how.what} was fetched ${age}, not today, so it is not shown`, true);
      }
      if (this.options.onStale) this.options.onStale({ what: how.what, reason: error.message, fetchedAt: cached.entry.fetchedAt });
      else notices.warn(`${error.message}; showing ${how.what} fetched ${age}`);
      return { value: cached.value, source: { fetchedAt: iso(cached.entry.fetchedAt), fromCache: true, stale: true } };
    }
    const value = how.parse(body);
    const fetchedAt = this.now();
    if (cacheMode !== 'off') await cache.put(key, { fetchedAt, body: value }, (k, e) => this.keep(k, e));
    return { value, source: { fetchedAt: iso(fetchedAt), fromCache: false, stale: false } };
  }

  /** A cached value that still has the right shape (an old or hand-edited file may not). */
  private cachedValue<T>(key: string, isValid: (cached: unknown) => cached is T): { entry: CacheEntry; value: T } | undefined {
    const entry = this.options.cache.get(key);
    return entry && isValid(entry.body) ? { entry, value: entry.body } : undefined;
  }

  /**
   * Pruning rule applied on every write: drop what can never be served again: menus from an
   * earlier Stockholm day, lists older than 30 days, and anything dated in the future.
   */
  private keep(key: string, entry: CacheEntry): boolean {
    const now = this.now();
    if (entry.fetchedAt > now) return false;
    return key.endsWith(LIST_PATH) ? now - entry.fetchedAt < KEEP_LIST_MS : sameStockholmDay(entry, now);
  }

  private async get(path: string): Promise<JsonAnswer> {
    const remaining = this.deadline - this.now();
    if (remaining <= 0) throw new ApiError('API_TIMEOUT', `the menu API did not answer within ${formatDuration(this.options.timeoutMs)}`, true);
    this.fetchJson ??= (await import('./api/client.js')).getJson;
    return this.fetchJson(this.options.api + path, { timeoutMs: remaining });
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function describeAge(fetchedAt: number, now: number): string {
  if (fetchedAt > now) return `at a time in the future (${iso(fetchedAt)}; is the clock right?)`;
  const sameDay = stockholmDate(fetchedAt) === stockholmDate(now);
  const ago = `${formatDuration(now - fetchedAt)} ago`;
  return sameDay ? ago : `${ago} (${stockholmDayLabel(fetchedAt)} ${stockholmTime(fetchedAt)})`;
}

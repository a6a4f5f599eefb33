// Where restaurant lists and menus come from: the disk cache when fresh, else the API (through
// the lazily loaded HTTP client), else, when the API fails, an older cached copy with a warning.
import { cachedMenu, cachedRestaurantList, parseMenu, parseRestaurantList, type Dropped, type Menu, type Restaurant } from '../api/model.js';
import type { HttpOptions, JsonAnswer } from '../api/client.js';
import { StoredDishMemo } from '../store/dish-memo.js';
import type { CacheEntry, DiskCache } from '../store/cache.js';
import type { DishMemo } from './dishes.js';
import { formatDuration } from '../duration.js';
import { describeAge, type StaleUse } from '../render/wording.js';
import { ApiError } from '../errors.js';
import { sameStockholmDay } from './stockholm.js';
import { plural, redactUrl } from '../text.js';

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

/**
 * Something the run's answers lacked that the user should know: the `warnings` list in `--json`
 * output (each is also said once on stderr).
 */
export interface Warning {
  /** API_BAD_RECORDS: some restaurants of the list, or dishes of a menu, were malformed and left out. */
  code: 'API_BAD_RECORDS';
  message: string;
}

/** At most this many reasons are named in a warning; the rest are counted. */
const REASONS_SHOWN = 3;

export interface SourceOptions {
  api: string;
  timeoutMs: number;
  menuTtlMs: number;
  cacheMode: CacheMode;
  cache: DiskCache;
  /** Told of each stale copy served (the run says it once, for all of them). */
  onStale: (use: StaleUse) => void;
  /** Told of each warning when it first arises (to say it on stderr). */
  onWarning?: (warning: Warning) => void;
  now: () => number;
  /** Back-off before a retry (tests make it 0). */
  retryDelayMs?: (attempt: number) => number;
  /** Told when a request for `what` starts (true) and ends (false), for a progress line. */
  onFetching?: (what: string, started: boolean) => void;
}

type Fetch = (url: string, options: HttpOptions) => Promise<JsonAnswer>;

const LIST_PATH = '/restaurant';
const NOTE_PREFIX = '#note:';
const menuPath = (id: string) => `/restaurant/${encodeURIComponent(id)}`;

/** Past, and no older than `ttl`. An entry dated in the future (clock moved back) is never fresh. */
function withinTtl(entry: CacheEntry, now: number, ttl: number): boolean {
  const age = now - entry.fetchedAt;
  return age >= 0 && age < ttl;
}

const fetchedToday = (entry: CacheEntry, now: number): boolean => sameStockholmDay(entry.fetchedAt, now);

/**
 * One warning for the records of an answer that were left out: how many, and why (the first
 * few reasons). A malformed record is an upstream bug worth knowing of, not a reason to fail.
 */
export function droppedWarning(what: string, kind: StaleUse['kind'], reasons: Dropped): Warning | undefined {
  if (reasons.length === 0) return undefined;
  const count = plural(reasons.length, kind === 'list' ? 'malformed restaurant' : 'malformed dish', kind === 'list' ? 'malformed restaurants' : 'malformed dishes');
  const more = reasons.length > REASONS_SHOWN ? `; and ${reasons.length - REASONS_SHOWN} more` : '';
  return { code: 'API_BAD_RECORDS', message: `${what} has ${count}, left out (${reasons.slice(0, REASONS_SHOWN).join('; ')}${more})` };
}

export class MenuSource {
  private readonly now: () => number;
  private deadline: number;
  /** The API base as shown and used in cache keys: credentials redacted. */
  private readonly base: string;
  private fetchJson: Fetch | undefined;
  private memo: DishMemo | undefined;
  private readonly warned: Warning[] = [];

  constructor(private readonly options: SourceOptions) {
    this.now = options.now;
    // One budget for the whole command, so a hung API fails within --timeout however many calls it needed.
    this.deadline = this.now() + options.timeoutMs;
    this.base = redactUrl(options.api);
  }

  /**
   * Runs `wait` (a person choosing in the picker) outside the time budget: the limit covers the
   * requests, so the deadline moves on by however long the person took.
   */
  async outsideBudget<T>(wait: () => Promise<T>): Promise<T> {
    const started = this.now();
    try {
      return await wait();
    } finally {
      this.deadline += Math.max(0, this.now() - started);
    }
  }

  /** What this run's answers lacked, in the order it was found, each once. */
  warnings(): Warning[] {
    return [...this.warned];
  }

  /** The restaurant list from the cache only, whatever its age: for decisions that must not make a request. */
  cachedRestaurants(): Restaurant[] | undefined {
    if (this.options.cacheMode === 'off') return undefined;
    return cachedRestaurantList(this.options.cache.get(this.base + LIST_PATH)?.body);
  }

  async restaurants(): Promise<{ restaurants: Restaurant[]; source: Provenance }> {
    const key = this.base + LIST_PATH;
    const { value, source } = await this.load(key, {
      parse: parseRestaurantList,
      fromCache: cachedRestaurantList,
      fresh: (entry, now) => withinTtl(entry, now, LIST_TTL_MS),
      usableWhenDown: () => true,
      kind: 'list',
      what: 'the restaurant list',
      fetch: async () => {
        let answer = await this.get(LIST_PATH);
        // Very old deployments only answer on the trailing-slash form.
        if (answer.status === 404) answer = await this.get(`${LIST_PATH}/`);
        if (answer.status === 404) throw new ApiError('API_STATUS', `the menu API at ${this.base} has no restaurant list (404): is the API URL right?`);
        return answer;
      },
    });
    return { restaurants: value, source };
  }

  async menu(restaurant: Restaurant): Promise<{ menu: Menu; source: Provenance }> {
    const path = menuPath(restaurant.id);
    const { value, source } = await this.load(this.base + path, {
      parse: parseMenu,
      fromCache: cachedMenu,
      fresh: (entry, now) => withinTtl(entry, now, this.options.menuTtlMs) && fetchedToday(entry, now),
      usableWhenDown: fetchedToday,
      kind: 'menu',
      what: `the menu of ${restaurant.name}`,
      fetch: async () => {
        const answer = await this.get(path);
        if (answer.status === 404) {
          throw new ApiError('API_INCONSISTENT', `the menu API lists ${restaurant.name} (${restaurant.id}) but has no menu for it (404)`);
        }
        return answer;
      },
    });
    return { menu: value, source };
  }

  private async load<T>(
    key: string,
    how: {
      /** The answer as the model; the reasons for records left out go to `dropped`. */
      parse: (body: unknown, dropped: Dropped) => T;
      /** A cached body checked (and neutralised again): an old or hand-edited file may hold anything. */
      fromCache: (cached: unknown, dropped: Dropped) => T | undefined;
      fresh: (entry: CacheEntry, now: number) => boolean;
      usableWhenDown: (entry: CacheEntry, now: number) => boolean;
      kind: StaleUse['kind'];
      what: string;
      fetch: () => Promise<Extract<JsonAnswer, { status: 200 }>>;
    },
  ): Promise<{ value: T; source: Provenance }> {
    const { cache, cacheMode } = this.options;
    const cached = cacheMode === 'off' ? undefined : this.cachedValue(key, how.fromCache);
    if (cached && cacheMode === 'use' && how.fresh(cached.entry, this.now())) {
      this.dropped(`${how.what} (cached copy)`, how.kind, cached.dropped);
      return { value: cached.value, source: { fetchedAt: iso(cached.entry.fetchedAt), fromCache: true, stale: false } };
    }
    let answer: Extract<JsonAnswer, { status: 200 }>;
    try {
      this.options.onFetching?.(how.what, true);
      answer = await how.fetch();
    } catch (error) {
      if (!(error instanceof ApiError) || !error.transient || !cached) throw error;
      const now = this.now();
      const age = describeAge(cached.entry.fetchedAt, now);
      if (!how.usableWhenDown(cached.entry, now)) {
        throw new ApiError(error.code, `${error.message}; the last copy of ${how.what} was fetched ${age}, not today, so it is not shown`, true);
      }
      this.options.onStale({ kind: how.kind, what: how.what, reason: error.message, fetchedAt: cached.entry.fetchedAt });
      this.dropped(`${how.what} (cached copy)`, how.kind, cached.dropped);
      return { value: cached.value, source: { fetchedAt: iso(cached.entry.fetchedAt), fromCache: true, stale: true } };
    } finally {
      this.options.onFetching?.(how.what, false);
    }
    const dropped: Dropped = [];
    const value = how.parse(answer.body, dropped);
    this.dropped(`${how.what} from the menu API`, how.kind, dropped);
    // A relay's copy is as old as it says (Age), and when it serves it because the API failed
    // (X-Cache: STALE) it is a stale copy like one of our own cache: said, and shown only if usable.
    const now = this.now();
    const fetchedAt = now - answer.ageMs;
    if (answer.stale) {
      const reason = `the relay at ${this.base} could not refresh it from the menu API`;
      if (!how.usableWhenDown({ fetchedAt, body: value }, now)) {
        throw new ApiError('API_UNREACHABLE', `${reason}; its copy of ${how.what} was fetched ${describeAge(fetchedAt, now)}, not today, so it is not shown`, true);
      }
      this.options.onStale({ kind: how.kind, what: how.what, reason, fetchedAt });
    }
    if (cacheMode !== 'off') cache.put(key, { fetchedAt, body: value });
    return { value, source: { fetchedAt: iso(fetchedAt), fromCache: false, stale: answer.stale } };
  }

  /** A cached value that still has the right shape (an old or hand-edited file may not). */
  private cachedValue<T>(key: string, fromCache: (cached: unknown, dropped: Dropped) => T | undefined): { entry: CacheEntry; value: T; dropped: Dropped } | undefined {
    const entry = this.options.cache.get(key);
    const dropped: Dropped = [];
    const value = entry && fromCache(entry.body, dropped);
    return entry && value ? { entry, value, dropped } : undefined;
  }

  private dropped(what: string, kind: StaleUse['kind'], reasons: Dropped): void {
    const warning = droppedWarning(what, kind, reasons);
    if (!warning || this.warned.some((w) => w.message === warning.message)) return;
    this.warned.push(warning);
    this.options.onWarning?.(warning);
  }

  /**
   * What the food rules said of dish texts earlier today, kept in the disk cache: none without a
   * cache; with --refresh, not read (what the rules say now is written).
   */
  dishMemo(): DishMemo | undefined {
    if (this.options.cacheMode === 'off') return undefined;
    return (this.memo ??= new StoredDishMemo(this.options.cache, this.now, this.options.cacheMode === 'use'));
  }

  /**
   * Whether a note is said for the first time (in 30 days) for this API: some facts (a favourite
   * that is gone) are worth saying once, not every day. Remembered in the disk cache.
   */
  firstTime(note: string): boolean {
    if (this.options.cacheMode === 'off') return true;
    const key = `${this.base}${NOTE_PREFIX}${note}`;
    if (this.options.cache.get(key)) return false;
    this.options.cache.put(key, { fetchedAt: this.now(), body: null });
    return true;
  }

  /** Writes the answers this run fetched to the disk cache, once, at the end of the run. */
  flush(): Promise<void> {
    return this.options.cacheMode === 'off' ? Promise.resolve() : this.options.cache.flush((k, e) => this.keep(k, e));
  }

  /**
   * Pruning rule applied on every write: drop what can never be served again: menus (and the dish
   * memo) from an earlier Stockholm day, lists and notes older than 30 days, and anything dated in
   * the future.
   */
  private keep(key: string, entry: CacheEntry): boolean {
    const now = this.now();
    if (entry.fetchedAt > now) return false;
    return key.endsWith(LIST_PATH) || key.includes(NOTE_PREFIX) ? now - entry.fetchedAt < KEEP_LIST_MS : fetchedToday(entry, now);
  }

  private async get(path: string): Promise<JsonAnswer> {
    if (this.deadline - this.now() <= 0) throw new ApiError('API_TIMEOUT', `the menu API did not answer within ${formatDuration(this.options.timeoutMs)}`, true);
    this.fetchJson ??= (await import('../api/client.js')).getJson;
    return this.fetchJson(this.options.api + path, {
      deadline: this.deadline,
      budgetMs: this.options.timeoutMs,
      now: this.now,
      retryDelayMs: this.options.retryDelayMs,
    });
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

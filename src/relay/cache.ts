// The relay's cache. lru-cache holds the entries in memory and enforces the bounds (entries and
// bytes, least recently used out first), because any client can ask for any path. Freshness,
// coalescing and stale serving are done here, in a few explicit lines, so that each response
// can say exactly what happened (X-Cache: HIT | MISS | STALE):
//   fresh            → HIT, no upstream call
//   expired, < max   → STALE at once, and at most one background refresh per key per TTL window
//                      (stale-while-revalidate; while the upstream fails the old copy keeps
//                      being served, and it is asked again only after another TTL: stale-if-error)
//   missing / too old→ MISS: wait for the upstream; concurrent requests share one call
// With a shared store (Redis, see shared.ts), the memory cache is a near-cache in front of it and
// "one call" holds across every process that shares the store.
import { LRUCache } from 'lru-cache';
import type { CachedAnswer, SharedStore } from './shared.js';

export type CacheResult = 'HIT' | 'MISS' | 'STALE';

export interface RelayCacheOptions {
  ttlMs: number;
  /** How old a copy may be and still be served while the upstream fails or is being asked. */
  maxStaleMs: number;
  maxEntries: number;
  maxBytes: number;
  /** Fetches a key from upstream; rejects on failure. */
  fetch: (key: string) => Promise<Omit<CachedAnswer, 'fetchedAt'>>;
  /** Whether an answer may be stored (2xx and 404). */
  cacheable: (answer: Omit<CachedAnswer, 'fetchedAt'>) => boolean;
  /** The store shared with other relay processes, if any. */
  shared?: SharedStore;
  now: () => number;
}

/** Rough per-entry overhead besides body and key, so tiny bodies still count. */
const ENTRY_OVERHEAD = 200;

export class RelayCache {
  private readonly lru: LRUCache<string, CachedAnswer>;
  private readonly inflight = new Map<string, Promise<CachedAnswer>>();
  /** Keys whose last background refresh failed: not asked again before this time. */
  private readonly retryAt = new Map<string, number>();
  readonly stats = { hits: 0, misses: 0, stale: 0 };

  constructor(private readonly options: RelayCacheOptions) {
    this.lru = new LRUCache<string, CachedAnswer>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (value, key) => value.body.length + key.length + ENTRY_OVERHEAD,
    });
  }

  get size(): number {
    return this.lru.size;
  }

  get bytes(): number {
    return this.lru.calculatedSize;
  }

  get pending(): number {
    return this.inflight.size;
  }

  private age(answer: CachedAnswer): number {
    return this.options.now() - answer.fetchedAt;
  }

  /** The answer if it is fresh. */
  private fresh(answer: CachedAnswer | undefined): CachedAnswer | undefined {
    const age = answer && this.age(answer);
    return age !== undefined && age >= 0 && age < this.options.ttlMs ? answer : undefined;
  }

  /** The answer if it may still stand in, stale. */
  private usable(answer: CachedAnswer | undefined): CachedAnswer | undefined {
    const age = answer && this.age(answer);
    return age !== undefined && age >= 0 && age < this.options.maxStaleMs ? answer : undefined;
  }

  /**
   * The near-cache's answer if it is fresh (a HIT, counted), else undefined: then `get` asks the
   * shared store and the upstream. Synchronous, so that the relay answers a hit without a promise.
   */
  hit(key: string, now: number = this.options.now()): CachedAnswer | undefined {
    const answer = this.lru.get(key);
    if (answer === undefined) return undefined;
    const age = now - answer.fetchedAt;
    if (age < 0 || age >= this.options.ttlMs) return undefined;
    this.stats.hits++;
    return answer;
  }

  async get(key: string): Promise<{ answer: CachedAnswer; result: CacheResult }> {
    const near = this.hit(key);
    if (near) return { answer: near, result: 'HIT' };
    let cached = this.lru.get(key);
    // The near-cache missed or holds an expired copy: the shared store may have a newer one.
    const shared = this.options.shared ? await this.options.shared.get(key) : undefined;
    if (shared && (!cached || shared.fetchedAt > cached.fetchedAt)) {
      cached = shared;
      this.remember(key, shared);
    }
    const fresh = this.fresh(cached);
    if (fresh) {
      this.stats.hits++;
      return { answer: fresh, result: 'HIT' };
    }
    const stale = this.usable(cached);
    if (stale) {
      this.stats.stale++;
      this.refreshInBackground(key);
      return { answer: stale, result: 'STALE' };
    }
    this.stats.misses++;
    return { answer: await this.load(key), result: 'MISS' };
  }

  /**
   * Like get(), for answers built from other answers (the lunch board): an expired copy is
   * refreshed before answering (sharing the refresh with any other request), so that what is
   * built from it is not a TTL behind. The expired copy is the answer, STALE, only when that
   * refresh fails (`error`), or failed within the last TTL (stale-if-error, not asked again).
   */
  async getFresh(key: string): Promise<{ answer: CachedAnswer; result: CacheResult; error?: unknown }> {
    const got = await this.get(key);
    const refreshing = got.result === 'STALE' ? this.inflight.get(key) : undefined;
    if (!refreshing) return got;
    try {
      return { answer: await refreshing, result: 'MISS' };
    } catch (error) {
      return { ...got, error };
    }
  }

  /** Whole seconds until the answer expires, rounded up (0 once stale). */
  remainingSeconds(answer: CachedAnswer, now: number = this.options.now()): number {
    return Math.max(0, Math.ceil((answer.fetchedAt + this.options.ttlMs - now) / 1000));
  }

  /** One refresh per expired key, however many requests see it stale and whatever the scheduling. */
  private refreshInBackground(key: string): void {
    if (this.inflight.has(key) || (this.retryAt.get(key) ?? 0) > this.options.now()) return;
    this.load(key).then(
      () => this.retryAt.delete(key),
      () => this.retryAt.set(key, this.options.now() + this.options.ttlMs),
    );
  }

  private remember(key: string, answer: CachedAnswer): void {
    if (this.options.cacheable(answer)) this.lru.set(key, answer);
  }

  /** One upstream call per key at a time in this process (and, with a shared store, in all of them). */
  private load(key: string): Promise<CachedAnswer> {
    let pending = this.inflight.get(key);
    if (!pending) {
      const shared = this.options.shared;
      pending = (shared ? shared.coalesce(key, () => this.fetchAndStore(key)) : this.fetchAndStore(key))
        .then((answer) => {
          this.remember(key, answer);
          return answer;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private async fetchAndStore(key: string): Promise<CachedAnswer> {
    const answer = { ...(await this.options.fetch(key)), fetchedAt: this.options.now() };
    if (this.options.cacheable(answer)) await this.options.shared?.set(key, answer);
    return answer;
  }
}

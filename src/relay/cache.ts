// The relay's memory cache. lru-cache holds the entries and enforces the bounds (entries and
// bytes, least recently used out first), because any client can ask for any path. Freshness,
// coalescing and stale serving are done here, in a few explicit lines, so that each response
// can say exactly what happened (X-Cache: HIT | MISS | STALE):
//   fresh            → HIT, no upstream call
//   expired, < max   → STALE at once, and one background refresh (stale-while-revalidate;
//                      while the upstream fails the old copy keeps being served: stale-if-error)
//   missing / too old→ MISS: wait for the upstream; concurrent requests share one call
import { LRUCache } from 'lru-cache';

export interface CachedAnswer {
  status: number;
  contentType: string;
  body: Buffer;
  /** When the answer arrived from upstream (ms). */
  fetchedAt: number;
}

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
  onBackgroundError?: (key: string, error: unknown) => void;
  now?: () => number;
}

/** Rough per-entry overhead besides body and key, so tiny bodies still count. */
const ENTRY_OVERHEAD = 200;

export class RelayCache {
  private readonly lru: LRUCache<string, CachedAnswer>;
  private readonly inflight = new Map<string, Promise<CachedAnswer>>();
  private readonly now: () => number;
  readonly stats = { hits: 0, misses: 0, stale: 0 };

  constructor(private readonly options: RelayCacheOptions) {
    this.now = options.now ?? Date.now;
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

  async get(key: string): Promise<{ answer: CachedAnswer; result: CacheResult }> {
    const cached = this.lru.get(key);
    if (cached) {
      const age = this.now() - cached.fetchedAt;
      if (age >= 0 && age < this.options.ttlMs) {
        this.stats.hits++;
        return { answer: cached, result: 'HIT' };
      }
      if (age >= 0 && age < this.options.maxStaleMs) {
        this.stats.stale++;
        this.load(key).catch((error) => this.options.onBackgroundError?.(key, error));
        return { answer: cached, result: 'STALE' };
      }
    }
    this.stats.misses++;
    return { answer: await this.load(key), result: 'MISS' };
  }

  /** Whole seconds until the answer expires, rounded up (0 once stale). */
  remainingSeconds(answer: CachedAnswer): number {
    return Math.max(0, Math.ceil((answer.fetchedAt + this.options.ttlMs - this.now()) / 1000));
  }

  /** One upstream call per key at a time, however many requests wait for it. */
  private load(key: string): Promise<CachedAnswer> {
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.options
        .fetch(key)
        .then((fresh) => {
          const answer = { ...fresh, fetchedAt: this.now() };
          if (this.options.cacheable(answer)) this.lru.set(key, answer);
          return answer;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }
}

// What the relay keeps of an upstream answer, and what its cache (cache.ts) needs from a store
// shared by several relay processes (Redis, in redis/). Every method of the store degrades
// instead of failing: a store that is down or slow must never stop the relay from answering from
// memory and upstream.

/** An upstream answer as the relay keeps it: in memory, and in the shared store. */
export interface CachedAnswer {
  status: number;
  body: Buffer;
  /** When the answer arrived from upstream (ms). */
  fetchedAt: number;
}

export interface SharedStore {
  /** The shared copy of a key, or undefined (missing, or the store is unavailable). */
  get(key: string): Promise<CachedAnswer | undefined>;
  /** Stores an answer for every process; failures are counted and logged, not thrown. */
  set(key: string, answer: CachedAnswer): Promise<void>;
  /**
   * Runs `fetch` in exactly one process across all that share the store (a lock per key); the
   * others wait for its answer, bounded, and fetch themselves only if none comes.
   */
  coalesce(key: string, fetch: () => Promise<CachedAnswer>): Promise<CachedAnswer>;
  /** `up` while the store answers. */
  readonly up: boolean;
  readonly errors: number;
  close(): Promise<void>;
}

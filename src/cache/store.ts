// The disk cache: one JSON file, `cache.json`, in the user's cache directory.
//   { "format": 1, "entries": { "<api base><path>": { "fetchedAt": <ms>, "body": <model> } } }
// Keys of answers include the API base (credentials redacted), so the direct API and a relay never
// share entries; `#dishes:<rules>` (cache/dish-memo.ts) holds no answer, only what the food rules
// said of dish texts. Reads parse the file once per run; the answers a run fetches are written once, at its
// end, merged into what is on disk then, under a lock (so concurrent runs keep each other's
// entries), atomically, and pruned of what can never be served again.
import { join } from 'node:path';
import { cachedRestaurantList, type Restaurant } from '../api/model.js';
import { fileErrorReason, Locked, readJsonObject, withLock, writeFileAtomic, type FileRead } from '../files.js';
import type { Notices } from '../notices.js';

export interface CacheEntry {
  fetchedAt: number;
  body: unknown;
}

export type Entries = Record<string, CacheEntry>;

const FORMAT = 1;
/** A cache file larger than this is not ours to parse (a 2,000-restaurant cache is ~1 MB). */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

export const cacheFileIn = (dir: string) => join(dir, 'cache.json');

/**
 * How deep a cached body may nest. What the tool stores is a few levels deep (a list of
 * restaurants, a menu, the dish memo); a hand-edited body nested 200,000 deep parses (JSON.parse
 * does not recurse) but would break every later write (JSON.stringify does: RangeError).
 */
export const MAX_BODY_DEPTH = 32;

function isEntry(value: unknown): value is CacheEntry {
  const v = value as CacheEntry;
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, 'fetchedAt') && Number.isFinite(v.fetchedAt) && Object.hasOwn(v, 'body');
}

/**
 * Whether a parsed body is no deeper than MAX_BODY_DEPTH, found without recursing. (A `__proto__`
 * key inside a body is an own data property, as JSON.parse makes it, and stays one: the dish memo
 * holds dish texts as keys in a null-prototype map, and a dish may be called anything.)
 */
function withinDepth(body: unknown): boolean {
  const stack: [unknown, number][] = [[body, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) return false;
    for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push([item, depth + 1]);
  }
  return true;
}

/** What the file holds: its entries, or why it holds none. */
export type CacheRead = { state: 'ok' | 'missing'; entries: Entries } | { state: 'unreadable' | 'damaged'; entries: Entries; reason: string };

const noEntries = (): Entries => Object.create(null) as Entries;

export function readCacheFile(file: string): CacheRead {
  const read: FileRead = readJsonObject(file, MAX_FILE_BYTES, { followLinks: false });
  if (read.state === 'missing') return { state: 'missing', entries: noEntries() };
  if (read.state === 'unreadable') return { state: 'unreadable', entries: noEntries(), reason: read.reason };
  if (read.state === 'corrupt') return { state: 'damaged', entries: noEntries(), reason: read.reason };
  const raw = read.data.entries;
  if (read.data.format !== FORMAT || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { state: 'damaged', entries: noEntries(), reason: 'not a cache file of this version' };
  }
  // The file is hand-editable, so untrusted: a null-prototype map, read by own keys only (no
  // lookup finds anything it does not hold; a key `__proto__` is never one of ours and is
  // dropped), and an entry that fails is dropped, not the whole cache.
  const entries = noEntries();
  for (const [key, value] of Object.entries(raw)) if (key !== '__proto__' && isEntry(value) && withinDepth(value.body)) entries[key] = { fetchedAt: value.fetchedAt, body: value.body };
  return { state: 'ok', entries };
}

export class DiskCache {
  readonly file: string;
  private read: CacheRead | undefined;
  private readonly pending = new Map<string, CacheEntry>();

  constructor(
    readonly dir: string,
    private readonly notices: Notices,
  ) {
    this.file = cacheFileIn(dir);
  }

  /** The file's entries as this run first saw them; a damaged or unreadable file counts as empty, with one note. */
  private load(): CacheRead {
    if (!this.read) {
      this.read = readCacheFile(this.file);
      if (this.read.state === 'damaged') this.notices.warn(`ignoring the damaged cache file ${this.file} (${this.read.reason}); it will be rebuilt`);
      if (this.read.state === 'unreadable') this.notices.warn(`cannot read the cache file ${this.file} (${this.read.reason}); continuing without a cache`);
    }
    return this.read;
  }

  get(key: string): CacheEntry | undefined {
    const entries = this.load().entries;
    return this.pending.get(key) ?? (Object.hasOwn(entries, key) ? entries[key] : undefined);
  }

  /** Keeps an answer to be written by `flush`. */
  put(key: string, entry: CacheEntry): void {
    this.pending.set(key, entry);
  }

  /**
   * Writes this run's answers, merged into the file as it is now, dropping every entry `keep`
   * rejects. Never throws: a cache that cannot be written is a note, and the run goes on.
   */
  async flush(keep: (key: string, entry: CacheEntry) => boolean): Promise<void> {
    if (this.pending.size === 0) return;
    if (this.load().state === 'unreadable') return; // already said; writing would fail the same way
    try {
      await withLock(
        this.file,
        () => {
          const now = readCacheFile(this.file);
          const entries: Entries = Object.assign(noEntries(), now.state === 'unreadable' ? {} : now.entries, Object.fromEntries(this.pending));
          for (const k of Object.keys(entries)) if (!keep(k, entries[k]!)) delete entries[k];
          writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, entries }));
        },
        2_000,
      );
      this.pending.clear();
    } catch (error) {
      const reason = error instanceof Locked ? 'another process is writing it' : fileErrorReason(error);
      this.notices.warn(`cannot write the cache ${this.file} (${reason}); continuing without saving`);
    }
  }

  /** Empties the cache; returns how many entries it held. Throws when the file cannot be written. */
  async clear(): Promise<number> {
    return withLock(this.file, () => {
      const before = readCacheFile(this.file);
      if (before.state === 'unreadable') throw Object.assign(new Error(before.reason), { code: undefined });
      if (before.state === 'missing') return 0;
      writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, entries: {} }));
      return Object.keys(before.entries).length;
    });
  }
}

/**
 * Every restaurant in the cache, from any API base and of any age: for decisions that must not
 * make a request (is this word a restaurant or a mistyped command? shell completion).
 */
export function cachedRestaurants(dir: string): Restaurant[] {
  const byId = new Map<string, Restaurant>();
  for (const [key, entry] of Object.entries(readCacheFile(cacheFileIn(dir)).entries)) {
    if (!key.endsWith('/restaurant')) continue;
    for (const r of cachedRestaurantList(entry.body) ?? []) byId.set(r.id, r);
  }
  return [...byId.values()];
}

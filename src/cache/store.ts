// The disk cache: one conf-managed JSON file, `cache.json`, in the user's cache directory.
//   { "format": 1, "entries": { "<api base><path>": { "fetchedAt": <ms>, "body": <model> } } }
// Keys include the API base, so the direct API and a relay never share entries.
// Reads parse the file directly (fast path); writes go through conf (atomic temp-file + rename,
// so ten processes writing at once leave a valid file: the last writer wins).
import { join } from 'node:path';
import { ensureDir, readJsonObject } from '../jsonfile.js';
import type { Notices } from '../notices.js';

export interface CacheEntry {
  fetchedAt: number;
  body: unknown;
}

type Entries = Record<string, CacheEntry>;

const FORMAT = 1;

export const cacheFileIn = (dir: string) => join(dir, 'cache.json');

function isEntry(value: unknown): value is CacheEntry {
  const v = value as CacheEntry;
  return typeof v === 'object' && v !== null && Number.isFinite(v.fetchedAt) && 'body' in v;
}

export class DiskCache {
  readonly file: string;
  private entries: Entries | undefined;
  private writable = true;

  constructor(
    readonly dir: string,
    private readonly notices: Notices,
  ) {
    this.file = cacheFileIn(dir);
  }

  /** The entries on disk now; a damaged file counts as empty (with one warning) and is rebuilt on the next write. */
  private load(warn: boolean): Entries {
    const read = readJsonObject(this.file);
    // An unreadable file (e.g. a directory in its place) also fails to write; put() says so once.
    if (read.state === 'missing' || read.state === 'unreadable') return {};
    const raw = read.state === 'ok' ? read.data.entries : undefined;
    if (read.state === 'corrupt' || read.data.format !== FORMAT || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      if (warn) this.notices.warn(`ignoring the damaged cache file ${this.file}; it will be rebuilt`);
      return {};
    }
    const entries: Entries = {};
    for (const [key, value] of Object.entries(raw)) if (isEntry(value)) entries[key] = value;
    return entries;
  }

  get(key: string): CacheEntry | undefined {
    this.entries ??= this.load(true);
    return this.entries[key];
  }

  all(): Entries {
    this.entries ??= this.load(true);
    return this.entries;
  }

  /**
   * Stores an entry, dropping every entry `keep` rejects. Never throws: a cache that cannot be
   * written turns caching off for this run, with one warning.
   */
  async put(key: string, entry: CacheEntry, keep: (key: string, entry: CacheEntry) => boolean): Promise<void> {
    if (!this.writable) return;
    try {
      const entries = { ...this.load(false), [key]: entry };
      for (const k of Object.keys(entries)) if (!keep(k, entries[k]!)) delete entries[k];
      await this.writeStore({ format: FORMAT, entries });
      this.entries = entries;
    } catch (error) {
      this.writable = false;
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      this.notices.warn(`cannot write the cache in ${this.dir} (${code}); continuing without a cache`);
    }
  }

  async clear(): Promise<number> {
    const count = Object.keys(this.load(false)).length;
    await this.writeStore({ format: FORMAT, entries: {} });
    this.entries = {};
    return count;
  }

  private async writeStore(store: Record<string, unknown>): Promise<void> {
    ensureDir(this.dir);
    const { default: Conf } = await import('conf');
    const conf = new Conf({
      cwd: this.dir,
      configName: 'cache',
      clearInvalidConfig: true,
      accessPropertiesByDotNotation: false,
    });
    conf.store = store;
  }
}

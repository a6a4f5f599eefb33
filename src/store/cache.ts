// The disk cache: one JSON file, `cache.json`, in the user's cache directory, laid out one entry
// per line so that a run parses only the entries it asks for:
//   {"format":1,"entries":{
//   "<api base><path>":{"fetchedAt":<ms>,"body":<model>},
//   ...
//   }}
// It is still one JSON document of format 1 (what earlier versions wrote on one line, and still
// read). Reading it splits the lines and parses each key and date, cheaply; a body is parsed (and
// checked) only when its entry is asked for. A file not in this layout (one written by an earlier
// version, or hand-edited) is parsed whole, and rewritten in lines at once (migrated).
// Keys of answers include the API base (credentials redacted), so the direct API and a relay never
// share entries; `#dishes:<rules>` (store/dish-memo.ts) holds no answer, only what the food rules
// said of dish texts. The answers a run fetches are written once, at its end, merged into what is
// on disk then, under a lock (so concurrent runs keep each other's entries), atomically, and
// pruned of what can never be served again.
import { join } from 'node:path';
import { cachedRestaurantList, type Restaurant } from '../api/model.js';
import { fileErrorReason, Locked, parseJsonObject, readOwnText, withLock, writeFileAtomic } from './files.js';
import { cacheStamp, NAMES_INDEX_MIN, removeNamesIndex, restampNamesIndex, writeNamesIndex } from './names-index.js';
import type { Notices } from '../cli/notices.js';

export interface CacheEntry {
  fetchedAt: number;
  body: unknown;
}

const FORMAT = 1;
/** A cache file larger than this is not ours to parse (a 2,000-restaurant cache is ~1.3 MB). */
const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** The first line of a file in lines; what follows it is one entry per line. */
const HEAD = `{"format":${FORMAT},"entries":{\n`;
const TAIL = '\n}}\n';
/** Between an entry's key and its date, in lines (a `"` inside a JSON string is always escaped, so this never occurs inside a key). */
const KEY_END = '":{"fetchedAt":';
const BODY_START = ',"body":';
const PLAIN_KEY = /^[^\\\u0000-\u001f"]*$/;
const DIGITS = /^[0-9]{1,15}$/;

export const cacheFileIn = (dir: string) => join(dir, 'cache.json');

/**
 * How deep a cached body may nest. What the tool stores is a few levels deep (a list of
 * restaurants, a menu, the dish memo); a hand-edited body nested 200,000 deep parses (JSON.parse
 * does not recurse) but would break whatever walks it recursively (JSON.stringify: RangeError).
 */
export const MAX_BODY_DEPTH = 32;

/**
 * Whether a parsed body is no deeper than MAX_BODY_DEPTH. Recursive, but never more than
 * MAX_BODY_DEPTH calls deep, and allocates nothing. (A `__proto__` key inside a body is an own
 * data property, as JSON.parse makes it, and stays one: the dish memo holds dish texts as keys in
 * a null-prototype map, and a dish may be called anything.)
 */
function withinDepth(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= MAX_BODY_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!withinDepth(value[i], depth + 1)) return false;
    return true;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) if (Object.hasOwn(object, key) && !withinDepth(object[key], depth + 1)) return false;
  return true;
}

/**
 * One entry as the file holds it: its date, and its body as text, parsed each time it is asked
 * for (`entry`: null once it failed, or the entry itself when the file was parsed whole).
 */
interface Slot {
  fetchedAt: number;
  text: string | undefined;
  entry?: CacheEntry | null;
}

/** An entry's body, parsed and checked on first use; null when it fails (the entry is dropped alone). */
function entryOf(slot: Slot): CacheEntry | null {
  if (slot.entry !== undefined) return slot.entry;
  let body: unknown;
  try {
    body = JSON.parse(slot.text!);
  } catch {
    return (slot.entry = null);
  }
  // A good entry is not kept here: its reader keeps what it makes of it (a checked model), and
  // the parsed body, left to die young, costs the garbage collector nothing to copy.
  return withinDepth(body) ? { fetchedAt: slot.fetchedAt, body } : (slot.entry = null);
}

/**
 * What the file holds: its entries (a Map, so no key of the file can reach a prototype; a key
 * `__proto__` is never one of ours and is dropped anyway), or why it holds none. `lines`: it is
 * laid out one entry per line (else it was parsed whole, and is rewritten in lines).
 */
export type CacheRead =
  | { state: 'ok'; slots: Map<string, Slot>; lines: boolean }
  | { state: 'missing'; slots: Map<string, Slot>; lines: false }
  | { state: 'unreadable' | 'damaged'; slots: Map<string, Slot>; lines: false; reason: string };

/** The file's index: each line's key and date; bodies are left as text. Lines that do not read as an entry are dropped alone. */
function readLines(text: string): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  for (let start = HEAD.length, end = 0; start < text.length; start = end + 1) {
    end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // One line, without a carriage return (a hand edit) or the comma between entries. (Searches stay inside it: linear in the file.)
    let stop = text.charCodeAt(end - 1) === 13 /* \r */ ? end - 1 : end;
    if (text.charCodeAt(stop - 1) === 44 /* , */) stop--;
    const line = text.slice(start, stop);
    const keyEnd = line.indexOf(KEY_END);
    const bodyStart = keyEnd === -1 ? -1 : line.indexOf(BODY_START, keyEnd + KEY_END.length);
    if (bodyStart === -1 || line.charCodeAt(0) !== 34 /* " */ || line.charCodeAt(line.length - 1) !== 125 /* } */) continue;
    // A key without escapes or control characters is its text as is; a date of digits, its number.
    const keyText = line.slice(1, keyEnd);
    const dateText = line.slice(keyEnd + KEY_END.length, bodyStart);
    let key: unknown = PLAIN_KEY.test(keyText) ? keyText : undefined;
    let fetchedAt: unknown = DIGITS.test(dateText) ? Number(dateText) : undefined;
    try {
      key ??= JSON.parse(line.slice(0, keyEnd + 1));
      fetchedAt ??= JSON.parse(dateText);
    } catch {
      continue;
    }
    if (typeof key !== 'string' || key === '__proto__' || typeof fetchedAt !== 'number' || !Number.isFinite(fetchedAt)) continue;
    slots.delete(key); // a key given twice: the last one counts, as in JSON.parse
    slots.set(key, { fetchedAt, text: line.slice(bodyStart + BODY_START.length, line.length - 1) });
  }
  return slots;
}

/** A file in another layout (an earlier version's one line, a hand edit), parsed whole; each entry checked now. */
function readWhole(text: string): CacheRead {
  const parsed = parseJsonObject(text);
  if (parsed.state === 'corrupt') return { state: 'damaged', slots: new Map(), lines: false, reason: parsed.reason };
  const raw = parsed.data.entries;
  if (parsed.data.format !== FORMAT || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { state: 'damaged', slots: new Map(), lines: false, reason: 'not a cache file of this version' };
  }
  const slots = new Map<string, Slot>();
  for (const [key, value] of Object.entries(raw)) {
    const v = value as CacheEntry;
    if (key === '__proto__' || typeof v !== 'object' || v === null || Array.isArray(v) || !Object.hasOwn(v, 'fetchedAt') || !Number.isFinite(v.fetchedAt) || !Object.hasOwn(v, 'body')) continue;
    if (withinDepth(v.body)) slots.set(key, { fetchedAt: v.fetchedAt, text: undefined, entry: { fetchedAt: v.fetchedAt, body: v.body } });
  }
  return { state: 'ok', slots, lines: false };
}

/** Reads the cache file: untrusted (it is hand-editable), so every entry that fails is dropped alone. */
export function readCacheFile(file: string): CacheRead {
  const read = readOwnText(file, MAX_FILE_BYTES, { followLinks: false });
  if (read.state === 'missing') return { state: 'missing', slots: new Map(), lines: false };
  if (read.state === 'unreadable') return { state: 'unreadable', slots: new Map(), lines: false, reason: read.reason };
  if (read.text.startsWith(HEAD)) return { state: 'ok', slots: readLines(read.text), lines: true };
  return readWhole(read.text);
}

/** Every entry of a read that passes its checks (each body parsed): for writes and `cache info`. */
export function validEntries(read: CacheRead): [string, CacheEntry][] {
  const out: [string, CacheEntry][] = [];
  for (const [key, slot] of read.slots) {
    const entry = entryOf(slot);
    if (entry) out.push([key, entry]);
  }
  return out;
}

/** One entry's line: the body as the file held it when it came from there, else as JSON. */
function lineOf(key: string, fetchedAt: number, body: string): string {
  return `${JSON.stringify(key)}${KEY_END.slice(1)}${fetchedAt}${BODY_START}${body}}`;
}

/** Writes entries in lines, atomically (the caller holds the lock). */
function writeLines(file: string, lines: string[]): void {
  writeFileAtomic(file, HEAD + lines.join(',\n') + TAIL);
}

/**
 * The lines of the valid entries of a read that `keep` accepts and this run did not replace; the
 * restaurant lists among them are added to `lists` (for the completion index).
 */
function carriedLines(
  read: CacheRead,
  replaced: ReadonlySet<string> | Map<string, unknown>,
  keep: (key: string, entry: CacheEntry) => boolean,
  lists: [string, CacheEntry][] = [],
): string[] {
  const lines: string[] = [];
  for (const [key, slot] of read.slots) {
    if (replaced.has(key)) continue;
    const entry = entryOf(slot);
    if (!entry || !keep(key, entry)) continue;
    lines.push(lineOf(key, entry.fetchedAt, slot.text ?? JSON.stringify(entry.body)));
    if (isListKey(key)) lists.push([key, entry]);
  }
  return lines;
}

const isListKey = (key: string) => key.endsWith('/restaurant');

/** The restaurants of some cached lists, each once (by identifier, the last list's copy), each checked by the model. */
function restaurantsOf(lists: Iterable<[string, CacheEntry]>): Restaurant[] {
  const byId = new Map<string, Restaurant>();
  for (const [, entry] of lists) for (const r of cachedRestaurantList(entry.body) ?? []) byId.set(r.id, r);
  return [...byId.values()];
}

/**
 * Writes the completion index (cache/names-index.ts) after the cache file was written with the
 * restaurant lists `lists` (the caller holds the lock). When the lists are the ones the file held
 * (`unchanged`) and the index was that file's (`before`: the file's stamp as it was read), the
 * index is only stamped anew. A cache of too few restaurants has none. Best effort: an index that cannot be written stays stale, and
 * completion reads the cache file instead.
 */
function updateNamesIndex(dir: string, file: string, lists: [string, CacheEntry][], unchanged: boolean, before: string): void {
  let size = 0;
  for (const [, entry] of lists) size += Array.isArray(entry.body) ? entry.body.length : 0;
  if (size < NAMES_INDEX_MIN) return removeNamesIndex(dir);
  try {
    if (!unchanged || !restampNamesIndex(dir, file, before)) writeNamesIndex(dir, file, restaurantsOf(lists));
  } catch {
    // stale: never used
  }
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
      if (this.read.state === 'ok' && !this.read.lines) this.migrate();
    }
    return this.read;
  }

  /**
   * Rewrites a file read whole (an earlier version's, or hand-edited) in lines, at once, so that
   * it is parsed whole only once. Best effort and silent: when it cannot be done now (another
   * process holds the lock, a read-only disk), this run goes on with what it read, and the next
   * write (or run) does it.
   */
  private migrate(): void {
    void withLock(
      this.file,
      () => {
        const now = readCacheFile(this.file);
        if (now.state !== 'ok' || now.lines) return;
        const lists: [string, CacheEntry][] = [];
        writeLines(this.file, carriedLines(now, new Set(), () => true, lists));
        updateNamesIndex(this.dir, this.file, lists, false, '');
      },
      0,
    ).catch(() => undefined);
  }

  get(key: string): CacheEntry | undefined {
    const pending = this.pending.get(key);
    if (pending) return pending;
    const slot = this.load().slots.get(key);
    return (slot && entryOf(slot)) ?? undefined;
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
          const before = cacheStamp(this.file); // after the read: a file replaced meanwhile is another stamp
          const lists: [string, CacheEntry][] = [];
          const lines = now.state === 'unreadable' ? [] : carriedLines(now, this.pending, keep, lists);
          // The restaurant lists are the file's own when none was written, replaced or dropped.
          let unchanged = now.state === 'ok' && now.lines && lists.length === [...now.slots.keys()].filter(isListKey).length;
          for (const [key, entry] of this.pending) {
            if (!keep(key, entry)) continue;
            lines.push(lineOf(key, entry.fetchedAt, JSON.stringify(entry.body)));
            if (!isListKey(key)) continue;
            lists.push([key, entry]);
            unchanged = false;
          }
          writeLines(this.file, lines);
          updateNamesIndex(this.dir, this.file, lists, unchanged, before);
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
      writeLines(this.file, []);
      updateNamesIndex(this.dir, this.file, [], false, '');
      return validEntries(before).length;
    });
  }
}

/**
 * Every restaurant in the cache, from any API base and of any age: for decisions that must not
 * make a request (is this word a restaurant or a mistyped command? shell completion). Only the
 * list entries are parsed.
 */
export function cachedRestaurants(dir: string): Restaurant[] {
  const lists: [string, CacheEntry][] = [];
  for (const [key, slot] of readCacheFile(cacheFileIn(dir)).slots) {
    const entry = isListKey(key) ? entryOf(slot) : null;
    if (entry) lists.push([key, entry]);
  }
  return restaurantsOf(lists);
}

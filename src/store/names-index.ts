// The completion index: the restaurant identifiers, names and regions of every restaurant list in
// the disk cache, already checked by the model and folded for matching, in a small text file next
// to `cache.json`, so that a shell completion <TAB> reads one file and looks only at the lines
// that begin with what was typed, instead of parsing, neutralising and folding every cached name
// (20,000 of them took 300 ms). Laid out as
//   restaurant-menu names 1<TAB><stamp of cache.json><TAB><regions, a JSON list>
//   <folded><TAB><kind><TAB><text>          one line per identifier and per name
// kind: `n` a name, `i` an identifier offered as a word of its own, `j` one that is not (it
// folds to its name: `elma`, `Elma`). The lines are sorted (by their UTF-8 bytes), so the lines
// that begin with what was typed are next to each other, and found by a binary search.
// It is written by the cache's own writes, under the cache's lock, right after `cache.json`, with
// the same atomic write, 0600 and link rules (files.ts), and stamped with what `cache.json` was
// then (device, inode, size, mtime: an atomic write makes a new file): a `cache.json` written since
// by anything else (an older version, a hand edit, a crash between the two writes) makes the index
// stale, and completion reads the cache itself. A restaurant list pruned from the cache leaves it
// the next time the cache is written. Only a cache of NAMES_INDEX_MIN restaurants or more has an
// index: below that, reading the list itself costs a <TAB> a few milliseconds at most, less than
// a second atomic (fsynced) write would cost every run that writes the cache.
// The file is ours but could be tampered with: every line completion offers is checked to be
// exactly what the model makes of a cached identifier or name (checked, not neutralised again:
// a line that fails is left out), and completion quotes every candidate for the shell anyway.
import { lstatSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isModelId, isModelShortField, type Restaurant } from '../api/model.js';
import { readOwnBytes, readOwnText, writeFileAtomic } from './files.js';
import { foldHead } from '../menu/matching.js';

export const namesIndexIn = (dir: string) => join(dir, 'names.index');

const MAGIC = 'restaurant-menu names 1';
/** A cache with fewer restaurants than this (in all its lists) has no index. */
export const NAMES_INDEX_MIN = 100;
/** Larger than the cache file it is made from can be (cache/store.ts). */
const MAX_FILE_BYTES = 32 * 1024 * 1024;
const NEWLINE = 10;

/** What `cache.json` is now, as the index records it; '' when it cannot be looked at. */
export function cacheStamp(cacheFile: string): string {
  try {
    const s = lstatSync(cacheFile, { bigint: true });
    return s.isFile() ? `${s.dev}.${s.ino}.${s.size}.${s.mtimeNs}` : '';
  } catch {
    return '';
  }
}

/** The index of `restaurants` (each once, by identifier), for `cache.json` as `stamp` says it is. */
export function namesIndexText(restaurants: readonly Restaurant[], stamp: string): string {
  const regions = new Set<string>();
  const lines: Buffer[] = [];
  for (const r of restaurants) {
    regions.add(r.region.toLowerCase());
    const [id, name] = [foldHead(r.id), foldHead(r.name)];
    lines.push(Buffer.from(`${id}\t${id === name ? 'j' : 'i'}\t${r.id}\n`), Buffer.from(`${name}\tn\t${r.name}\n`));
  }
  lines.sort(Buffer.compare);
  return `${MAGIC}\t${stamp}\t${JSON.stringify([...regions])}\n${Buffer.concat(lines).toString('utf8')}`;
}

/** Writes the index of `restaurants` for `cacheFile` as it is now (the caller holds the cache's lock). */
export function writeNamesIndex(dir: string, cacheFile: string, restaurants: readonly Restaurant[]): void {
  writeFileAtomic(namesIndexIn(dir), namesIndexText(restaurants, cacheStamp(cacheFile)));
}

/**
 * Re-stamps the index for `cacheFile` as it is now, when it was the index of `cacheFile` as
 * `before` (the same restaurant lists were written again, with other entries); false when it was
 * not (the caller writes it anew).
 */
export function restampNamesIndex(dir: string, cacheFile: string, before: string): boolean {
  const read = readOwnText(namesIndexIn(dir), MAX_FILE_BYTES, { followLinks: false });
  if (read.state !== 'ok' || !before) return false;
  const head = `${MAGIC}\t${before}\t`;
  if (!read.text.startsWith(head)) return false;
  writeFileAtomic(namesIndexIn(dir), `${MAGIC}\t${cacheStamp(cacheFile)}\t${read.text.slice(head.length)}`);
  return true;
}

/** Removes the index (the cache has too few restaurants to need one); best effort. */
export function removeNamesIndex(dir: string): void {
  try {
    unlinkSync(namesIndexIn(dir));
  } catch {
    // none there (or not removable: it is stale, and never used)
  }
}

/**
 * The start of the first line at or after `lo` (a line start) for which `past` holds, in lines
 * sorted so that `past` holds from some line on; the end of the bytes when it holds for none.
 */
function firstLine(bytes: Buffer, lo: number, past: (at: number) => boolean): number {
  let hi = bytes.length;
  while (lo < hi) {
    // The start of the line that holds the middle byte (not before `lo`: a line start).
    const at = bytes.lastIndexOf(NEWLINE, lo + ((hi - lo) >> 1) - 1) + 1;
    const start = at < lo ? lo : at;
    if (past(start)) hi = start;
    else {
      const end = bytes.indexOf(NEWLINE, start);
      lo = end === -1 ? bytes.length : end + 1;
    }
  }
  return lo;
}

export type NameKind = 'n' | 'i' | 'j';

export interface NamesIndex {
  /** The lines whose folded text begins with `typed` (folded) and whose kind is one of `kinds`, in the order of the file; each checked. */
  find(typed: string, kinds: string): { folded: string; kind: NameKind; text: string }[];
  /** The regions of the cached restaurants, lower case, each checked. */
  regions(): string[];
}

/** The index of the cache in `dir`, when there is one and `cache.json` is still what it was made from. */
export function readNamesIndex(dir: string, cacheFile: string): NamesIndex | undefined {
  // Undecoded: only the lines asked for are decoded (a folded word is ASCII or UTF-8 alike).
  const read = readOwnBytes(namesIndexIn(dir), MAX_FILE_BYTES, { followLinks: false });
  if (read.state !== 'ok') return undefined;
  const bytes = read.bytes;
  const headEnd = bytes.indexOf(NEWLINE);
  const head = bytes.toString('utf8', 0, headEnd === -1 ? 0 : headEnd).split('\t');
  const stamp = cacheStamp(cacheFile);
  if (headEnd === -1 || head.length !== 3 || head[0] !== MAGIC || !stamp || head[1] !== stamp) return undefined;
  return {
    find(typed, kinds) {
      const found: { folded: string; kind: NameKind; text: string }[] = [];
      // The lines that begin with `typed`, one after another (a folded word holds no tab or
      // newline, and sorts after a line that ends sooner): decoded at once.
      const needle = Buffer.from(typed);
      const from = firstLine(bytes, headEnd + 1, (at) => bytes.compare(needle, 0, needle.length, at, Math.min(at + needle.length, bytes.length)) >= 0);
      const to = firstLine(bytes, from, (at) => bytes.compare(needle, 0, needle.length, at, Math.min(at + needle.length, bytes.length)) > 0);
      if (to <= from) return found;
      for (const line of bytes.toString('utf8', from, to).split('\n')) {
        const tab = line.indexOf('\t');
        const kind = line[tab + 2] === '\t' ? line[tab + 1]! : '';
        const text = line.slice(tab + 3);
        if (tab === -1 || !kind || !kinds.includes(kind) || text.includes('\t')) continue;
        if (kind === 'n' ? text && isModelShortField(text) : isModelId(text)) found.push({ folded: line.slice(0, tab), kind: kind as NameKind, text });
      }
      return found;
    },
    regions() {
      let regions: unknown;
      try {
        regions = JSON.parse(head[2]!);
      } catch {
        return [];
      }
      if (!Array.isArray(regions)) return [];
      return regions.filter((r): r is string => typeof r === 'string' && isModelShortField(r) && r === r.toLowerCase());
    },
  };
}

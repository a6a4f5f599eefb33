// The file layer (src/store/files.ts) on its own: locks that a crash or a full disk cannot wedge, and
// temp files that a killed write cannot leave behind for good. The back-off between lock
// attempts is a parameter, so a test counts the waits instead of timing them.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Locked, TEMP_STALE_MS, withLock, writeFileAtomic } from '../../src/store/files.js';
import { smallDisk, type SmallDisk } from '../helpers/small-disk.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rm-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A back-off that does not wait, counting how often it was asked to. */
function countingWait() {
  const waits: number[] = [];
  return { waits, wait: async (ms: number) => void waits.push(ms) };
}

/** Sets a file's mtime `ms` before its own (the file system's clock, not this process's). */
function age(path: string, ms: number) {
  const then = new Date(statSync(path).mtimeMs - ms);
  utimesSync(path, then, then);
}

describe('a lock whose owner cannot be read (empty, half-written, garbage) is judged by its age', () => {
  test.each([
    ['empty', ''],
    ['half-written', '{"pid":12'],
    ['garbage', '\u0000\u0013\u0037'],
  ])('%s: a fresh one is waited for, one two days old is taken over at once', async (_, content) => {
    const file = join(dir, 'config.json');
    writeFileSync(`${file}.lock`, content);
    // Fresh: it may be a lock being written right now, so it is waited for (to the deadline).
    const fresh = countingWait();
    await expect(withLock(file, () => 'changed', 50, fresh.wait)).rejects.toThrow(Locked);
    expect(fresh.waits.length).toBeGreaterThan(0);
    // Two days old: left by a crash; taken over without a single wait.
    age(`${file}.lock`, 2 * 24 * 3_600_000);
    const old = countingWait();
    expect(await withLock(file, () => 'changed', 5_000, old.wait)).toBe('changed');
    expect(old.waits).toEqual([]);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('on a full disk', () => {
  let disk: SmallDisk;
  beforeAll(() => {
    disk = smallDisk(64);
  });
  afterAll(() => disk?.unmount());
  afterEach(() => disk.free());

  test('a lock whose owner could not be written is removed at once: the next change, on a freed disk, does not wait', async () => {
    const folder = join(disk.dir, 'config');
    mkdirSync(folder);
    const file = join(folder, 'config.json');
    disk.fill();
    await expect(withLock(file, () => 'changed')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readdirSync(folder)).toEqual([]);
    disk.free();
    const next = countingWait();
    expect(await withLock(file, () => 'changed', 5_000, next.wait)).toBe('changed');
    expect(next.waits).toEqual([]);
  });
});

describe('temp files of a write that was killed (SIGKILL between create and rename)', () => {
  test('are swept on the next write: only our exact name shape, only older than the bound by the file system clock', () => {
    const file = join(dir, 'cache.json');
    const names = {
      killed: '.cache.json.4242.k3j5x9q1w.tmp',
      killedToo: '.cache.json.77.a.tmp',
      writingNow: '.cache.json.4343.z8y7.tmp', // another process's write in progress: fresh
      otherFile: '.config.json.4242.k3j5x9q1w.tmp',
      notOurShape: '.cache.json.4242.k3j5x9q1w.tmp.keep',
      userFile: 'cache.json.4242.k3j5x9q1w.tmp',
    };
    for (const name of Object.values(names)) writeFileSync(join(dir, name), 'partial');
    for (const key of ['killed', 'killedToo', 'otherFile', 'notOurShape', 'userFile'] as const) age(join(dir, names[key]), TEMP_STALE_MS + 60_000);
    writeFileAtomic(file, '{}');
    expect(readdirSync(dir).sort()).toEqual(['cache.json', names.writingNow, names.otherFile, names.notOurShape, names.userFile].sort());
  });
});

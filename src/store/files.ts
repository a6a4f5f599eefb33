// The tool's own files (settings and cache): read only what is a regular file of a sane size,
// write atomically without ever writing through a symbolic link or over a file that is not
// ours, create files readable by their owner only and keep the mode of an existing one, and
// change them under a lock so that concurrent processes don't lose each other's changes.
import { chmodSync, closeSync, constants, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';

export type FileRead =
  | { state: 'missing' }
  | { state: 'ok'; data: Record<string, unknown> }
  /** There, but not something we can read: a directory, a FIFO, a device, too large, no permission. */
  | { state: 'unreadable'; reason: string }
  | { state: 'corrupt'; reason: string };

const REASONS: Record<string, string> = {
  EISDIR: 'it is a directory',
  EACCES: 'no permission',
  EPERM: 'no permission',
  ELOOP: 'a loop of symbolic links',
  EROFS: 'a read-only file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'a folder on its path does not exist',
  ENOTDIR: 'a part of its path is a file, not a folder',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
  EIO: 'a disk error',
  EFBIG: 'the file is too large for the disk',
};

/** A short, human reason for a file-system error. */
export function fileErrorReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e instanceof FileRefused) return e.message;
  return (e.code && REASONS[e.code]) ?? e.code ?? e.message;
}

/** A write we refuse to make, with the reason as its message. */
export class FileRefused extends Error {}

const LINK_REFUSED = 'it is a symbolic link, and is neither read nor written through';
const OTHER_USER = 'it belongs to another user';
/**
 * paths.ts gives a relative path only when there is no home folder (HOME empty or relative, and
 * no absolute XDG_*_HOME): such a path would land in whatever the current directory is, so no
 * file of ours is ever read, written or locked there.
 */
const NO_HOME = 'there is no home folder to keep it in: HOME is empty or not an absolute path';

function refuseRelative(path: string): void {
  if (!isAbsolute(path)) throw new FileRefused(NO_HOME);
}

/** Whether a file's owner is someone else than the user running this (never on Windows, which has no uid). */
function ownedByOther(uid: number): boolean {
  const me = process.getuid?.();
  return me !== undefined && uid !== me;
}

/** What a file of ours holds as text, or why it cannot be read. */
export type TextRead = { state: 'missing' } | { state: 'ok'; text: string } | { state: 'unreadable'; reason: string };
/** What a file of ours holds, undecoded (for a reader that decodes only what it looks at). */
export type BytesRead = { state: 'missing' } | { state: 'ok'; bytes: Buffer } | { state: 'unreadable'; reason: string };

/**
 * Reads a file of ours as text. Opened non-blocking and checked before reading, so a FIFO or a
 * link to /dev/zero in its place cannot hang or exhaust memory. `followLinks: false` for a file
 * only this tool writes (the cache): a link there is refused, as the writer would refuse it.
 */
export function readOwnText(path: string, maxBytes: number, options: { followLinks?: boolean } = {}): TextRead {
  const read = readOwnBytes(path, maxBytes, options);
  return read.state === 'ok' ? { state: 'ok', text: read.bytes.toString('utf8') } : read;
}

/** readOwnText, undecoded. */
export function readOwnBytes(path: string, maxBytes: number, { followLinks = true } = {}): BytesRead {
  if (!isAbsolute(path)) return { state: 'unreadable', reason: NO_HOME };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (followLinks ? 0 : constants.O_NOFOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!followLinks && code === 'ELOOP') return { state: 'unreadable', reason: LINK_REFUSED };
    // A missing file (or a dangling link), or a path that cannot hold one, has nothing in it yet.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { state: 'missing' };
    return { state: 'unreadable', reason: fileErrorReason(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { state: 'unreadable', reason: REASONS.EISDIR! };
    if (!stat.isFile()) return { state: 'unreadable', reason: 'it is not a regular file' };
    // Another user's file is not ours to trust (it could say anything), as it is not ours to replace.
    if (ownedByOther(stat.uid)) return { state: 'unreadable', reason: OTHER_USER };
    if (stat.size > maxBytes) return { state: 'unreadable', reason: `it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { state: 'ok', bytes: read < stat.size ? buffer.subarray(0, read) : buffer };
  } catch (error) {
    return { state: 'unreadable', reason: fileErrorReason(error) };
  } finally {
    closeSync(fd);
  }
}

/** A JSON object parsed from a file's text, or why it is not one. */
export function parseJsonObject(text: string): { state: 'ok'; data: Record<string, unknown> } | { state: 'corrupt'; reason: string } {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return { state: 'ok', data: data as Record<string, unknown> };
    return { state: 'corrupt', reason: 'it is not a JSON object' };
  } catch {
    return { state: 'corrupt', reason: text.trim() ? 'it is not valid JSON' : 'it is empty' };
  }
}

/** Reads a JSON object file (see readOwnText for what is read at all). */
export function readJsonObject(path: string, maxBytes: number, options: { followLinks?: boolean } = {}): FileRead {
  const read = readOwnText(path, maxBytes, options);
  return read.state === 'ok' ? parseJsonObject(read.text) : read;
}

/**
 * Replaces `path` with `text` atomically (temp file, fsync, rename). Refuses to write through a
 * symbolic link or over something that is not a regular file of ours; a new file is 0600, an
 * existing one keeps its mode.
 */
export function writeFileAtomic(path: string, text: string): void {
  refuseRelative(path);
  const mode = writableMode(path);
  ensureDir(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  // (The name's shape is what sweepTemps recognises: keep the two in step.)
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  let failed = false;
  try {
    const buffer = Buffer.from(text);
    let written = 0;
    while (written < buffer.length) written += writeSync(fd, buffer, written);
    fsyncSync(fd);
    closeSync(fd);
    chmodSync(temp, mode); // the umask may have narrowed it at creation
    renameSync(temp, path);
  } catch (error) {
    failed = true;
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(temp);
    } catch {
      // never created or already renamed
    }
    throw error;
  } finally {
    if (!failed) sweepTemps(dirname(path), basename(path));
  }
}

/** A temp file older than this (by the file system's clock) belongs to a write that was killed: no write takes minutes. */
export const TEMP_STALE_MS = 15 * 60_000;

/**
 * Removes the temp files of `name` that writes killed mid-way (SIGKILL, a power cut) left behind:
 * only names of exactly writeFileAtomic's shape, regular files of ours, older than TEMP_STALE_MS.
 * Best effort: a sweep that fails changes nothing.
 */
function sweepTemps(dir: string, name: string): void {
  try {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const shape = new RegExp(`^\\.${escaped}\\.\\d+\\.[0-9a-z]+\\.tmp$`);
    const temps = readdirSync(dir).filter((f) => shape.test(f));
    if (temps.length === 0) return;
    const now = fileSystemNow(dir);
    for (const temp of temps) {
      const file = join(dir, temp);
      try {
        const stat = lstatSync(file);
        if (stat.isFile() && !ownedByOther(stat.uid) && now - stat.mtimeMs > TEMP_STALE_MS) unlinkSync(file);
      } catch {
        // gone meanwhile, or not ours to remove
      }
    }
  } catch {
    // an unlistable folder: nothing swept
  }
}

/**
 * Whether `path` may be replaced by an atomic write, and the mode to write it with: refused
 * through a link, onto a directory or a special file, or another user's file; an existing file
 * keeps its mode, a new one is 0600.
 */
export function writableMode(path: string): number {
  let mode = 0o600;
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) throw new FileRefused(LINK_REFUSED);
    if (stat.isDirectory()) throw new FileRefused(REASONS.EISDIR!);
    if (!stat.isFile()) throw new FileRefused('it is not a regular file');
    if (ownedByOther(stat.uid)) throw new FileRefused(OTHER_USER);
    mode = stat.mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return mode;
}

/** The lock could not be had within the wait: another process holds it. */
export class Locked extends Error {}

interface LockOwner {
  pid: number;
  host: string;
}

/**
 * The file system's clock: the mtime of a file written now. Lock ages are measured against it,
 * not against Date.now(), so a process whose clock is shifted (libfaketime, a test's pinned
 * clock, a wrong system clock against a network file system) cannot mistake a live lock for a
 * stale one. (proper-lockfile compares mtimes with Date.now(), and broke exactly so.)
 */
function fileSystemNow(dir: string): number {
  const probe = join(dir, `.probe.${process.pid}.${Math.random().toString(36).slice(2)}`);
  writeFileSync(probe, '');
  try {
    return statSync(probe).mtimeMs;
  } finally {
    unlinkSync(probe);
  }
}

/** A lock older than this (by the file system's clock) is taken over: no change holds one that long. */
const LOCK_STALE_MS = 30_000;

/**
 * A lock is stale when its owner on this host has died, or when it is older than any change
 * takes. A lock whose owner cannot be read (empty, half-written, garbage) is judged by its age
 * alone: a fresh one may be being written right now, an old one was left by a crash.
 */
function isStale(lock: string): boolean {
  let mtime: number;
  try {
    mtime = statSync(lock).mtimeMs;
  } catch {
    return false; // released meanwhile (or cannot be looked at): just retry
  }
  let owner: Partial<LockOwner> | undefined;
  try {
    owner = JSON.parse(readFileSync(lock, 'utf8')) as Partial<LockOwner>;
  } catch {
    owner = undefined;
  }
  if (owner && typeof owner === 'object' && owner.host === hostname() && typeof owner.pid === 'number') {
    try {
      process.kill(owner.pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
    }
  }
  return fileSystemNow(dirname(lock)) - mtime > LOCK_STALE_MS;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Takes `lock` (O_EXCL) and writes its owner; a lock whose owner could not be written is removed at once. */
function takeLock(lock: string, me: LockOwner): void {
  const fd = openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600); // EEXIST: not ours to remove
  try {
    try {
      const buffer = Buffer.from(JSON.stringify(me));
      let written = 0;
      while (written < buffer.length) written += writeSync(fd, buffer, written);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    // A full disk: an empty or half-written lock left here would hold every later change off.
    try {
      unlinkSync(lock);
    } catch {
      // nothing to remove
    }
    throw error;
  }
}

/**
 * Runs `change` while holding `<path>.lock` (created with O_EXCL, holding our pid and host), so
 * a read-modify-write of the file cannot lose another process's change. A lock left behind by
 * a process that died is taken over. (Two processes that find the same dead lock at the same
 * moment could both take it over; that needs a crash while holding a lock held for
 * milliseconds, and costs at most what locking prevents otherwise: one lost change.)
 * `wait` is the back-off between attempts (tests count its calls).
 */
export async function withLock<T>(path: string, change: () => T | Promise<T>, waitMs = 5_000, wait: (ms: number) => Promise<void> = sleep): Promise<T> {
  refuseRelative(path);
  ensureDir(dirname(path));
  const lock = `${path}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname() };
  const deadline = performance.now() + waitMs;
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    try {
      takeLock(lock, me);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lock)) {
        try {
          unlinkSync(lock);
        } catch {
          // someone else took it over first
        }
        continue;
      }
      if (performance.now() > deadline) throw new Locked(`another restaurant-menu process holds ${lock}`);
      await wait(delay);
    }
  }
  try {
    return await change();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // gone already: nothing to release
    }
  }
}

/**
 * Creates `dir` and its missing parents one level at a time. `mkdirSync(dir, {recursive: true})`
 * loops forever where mkdir says ENOENT for a parent that exists (e.g. under /proc).
 */
export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, 0o700);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    ensureDir(parent);
    try {
      mkdirSync(dir, 0o700); // ENOENT again, with the parent now there, is final
    } catch (again) {
      // Another process made it meanwhile (ten runs at once on a fresh HOME).
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    }
  }
}

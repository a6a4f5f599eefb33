// A small real disk that can be filled: a tmpfs of a few pages, mounted for the test (as root, or
// through `sudo -n` when the runner may). ENOSPC then comes from the kernel, at whatever write
// happens to need the next page, as on a real full disk.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Fills every free page (a file `filler`, written until ENOSPC). */
  fill(): void;
  /** Frees it again. */
  free(): void;
  unmount(): void;
}

function privileged(command: string, args: string[]): void {
  if (process.getuid?.() === 0) execFileSync(command, args, { stdio: 'pipe' });
  else execFileSync('sudo', ['-n', command, ...args], { stdio: 'pipe' });
}

/** Mounts a tmpfs of `kb` kilobytes; throws with the reason when this runner cannot mount (not root, no sudo). */
export function smallDisk(kb = 256): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'rm-disk-'));
  try {
    privileged('mount', ['-t', 'tmpfs', '-o', `size=${kb}k,mode=0700`, 'tmpfs', dir]);
  } catch (error) {
    rmdirSync(dir);
    throw new Error(`the disk-full tests mount a small tmpfs, which needs root or passwordless sudo: ${(error as Error).message}`);
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      const page = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, page);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        // The last partial page too: byte by byte until not one more fits.
        try {
          for (;;) writeSync(fd, page, 0, 1);
        } catch {
          // full
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    unmount() {
      try {
        unlinkSync(filler);
      } catch {
        // not filled
      }
      privileged('umount', [dir]);
      rmdirSync(dir);
    },
  };
}

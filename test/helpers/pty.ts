// A command on a pseudo-terminal (util-linux `script`), for what only a terminal shows: keys are
// typed into it and everything it shows is read back. Used by the terminal and completion tests.
import { execFileSync, spawn } from 'node:child_process';
import { outsideFaketime } from './redis-server.js';

try {
  execFileSync('script', ['--version'], { stdio: 'ignore' });
} catch {
  throw new Error('these tests need util-linux `script` for a pseudo-terminal (Debian package bsdutils)');
}

export interface Pty {
  /** Everything the terminal showed so far. */
  output(): string;
  type(keys: string): void;
  /** Resolves once `ready(output)` holds, within `ms`; otherwise kills it and fails with the output so far. */
  waitUntil(ready: (output: string) => boolean, what: string, ms?: number): Promise<void>;
  exited: Promise<number | null>;
}

export interface PtyOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** How long waitUntil waits unless told otherwise. */
  timeoutMs?: number;
  /** Run outside a faketime preload (shells: see outsideFaketime). */
  outsideFaketime?: boolean;
}

/** A shell command line on a pseudo-terminal. */
export function onPty(command: string, options: PtyOptions): Pty {
  const env = Object.fromEntries(Object.entries(options.env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  const [bin, args, ptyEnv] = options.outsideFaketime ? outsideFaketime('script', ['-qefc', command, '/dev/null'], env) : ['script', ['-qefc', command, '/dev/null'], env];
  const child = spawn(bin, args, { env: ptyEnv, stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd });
  let out = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    for (const l of listeners) l();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    output: () => out,
    type: (keys) => child.stdin.write(keys),
    exited,
    waitUntil: (ready, what, ms = options.timeoutMs ?? 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!ready(out)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          child.kill('SIGKILL');
          reject(new Error(`the terminal never showed ${what}; it showed:\n${out}`));
        }, ms);
        listeners.add(check);
        check();
      }),
  };
}

/** A word quoted for a POSIX shell command line. */
export const shellQuote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;

// The deadline of every Redis call (health.ts), measured as Redis's time.

export class Timeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/**
 * The call's answer, or a Timeout `ms` after the command left for Redis. The time measured is
 * Redis's, not this process's: node-redis writes commands in a setImmediate, so a process busy
 * with a burst of requests may write them late, and the clock starts in the setImmediate queued
 * after that write. Likewise, when the deadline fires, the socket is read once more
 * (setImmediate runs after the poll phase): an answer that arrived while this process was busy
 * still counts.
 */
export function withDeadline<T>(run: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let settled = false;
  const answer = run();
  const deadline = new Promise<never>((_, reject) => {
    setImmediate(() => {
      if (!settled) timer = setTimeout(() => setImmediate(() => reject(new Timeout(ms))), ms);
    });
  });
  return Promise.race([answer, deadline]).finally(() => {
    settled = true;
    clearTimeout(timer);
  });
}

// The primary of `serve --workers N`: starts N cluster workers (each runs serve() in main.ts),
// says once that the relay listens when all of them do, starts another when one dies, and
// stops them all on SIGTERM/SIGINT.
import cluster from 'node:cluster';
import { EXIT, LocalError } from '../errors.js';
import type { Logger } from './log.js';

/** What a worker tells the primary, and the primary a worker. */
export type Message = { type: 'listening'; url: string } | { type: 'failed'; message: string } | 'shutdown';

/**
 * Starts the workers and restarts one that dies once serving. A worker that cannot start (its
 * port taken, no permission) stops them all: the primary exits 4 with one line.
 */
export async function runPrimary(workers: number, log: Logger, shared: boolean, listening: (url: string) => void): Promise<number> {
  log.info('starting workers', { workers, cache: shared ? 'shared through Redis' : 'each worker has its own' });
  const ready = new Set<number>();
  let announced = false;
  let stopping = false;
  let failure: string | undefined;
  const stopAll = () => {
    stopping = true;
    // A worker that has already gone (or is going) has no channel to write to.
    for (const worker of Object.values(cluster.workers ?? {})) if (worker?.isConnected()) worker.send('shutdown', () => {});
  };
  const allExited = new Promise<void>((resolve) => {
    cluster.on('message', (worker, msg: Message) => {
      if (typeof msg !== 'object') return;
      if (msg.type === 'listening') {
        ready.add(worker.id);
        // Once, when every worker listens (a worker started again later is not announced again).
        if (ready.size === workers && !announced) {
          announced = true;
          listening(msg.url);
        }
      }
      if (msg.type === 'failed' && !stopping) {
        failure = msg.message;
        stopAll();
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      if (!stopping && !ready.has(worker.id)) {
        failure = `cannot start the relay: a worker exited before listening (${signal ?? `exit code ${code}`})`;
        stopAll();
      } else if (!stopping) {
        log.error('worker died; starting another', { worker: worker.id, code, signal });
        cluster.fork();
      }
      if (stopping && Object.keys(cluster.workers ?? {}).length === 0) resolve();
    });
  });
  cluster.on('fork', (worker) => worker.on('error', () => {})); // its exit is what counts, below
  for (let i = 0; i < workers; i++) cluster.fork();
  const signalled = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      if (stopping) return;
      log.info('shutting down workers', { signal });
      stopAll();
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await Promise.race([signalled, allExited]);
  await allExited;
  if (failure) throw new LocalError('LISTEN', failure);
  log.info('stopped');
  return EXIT.ok;
}

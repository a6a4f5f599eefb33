// Shared by the benchmark scripts: timing whole commands, alternately, in one run.
import { spawn, type ChildProcess } from 'node:child_process';

/** Wall time of one run, in ms. Async, so that a stand-in API in this process can answer. */
export function timeCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === 0) resolve(ms);
      else reject(new Error(`${argv.join(' ')} exited ${code}: ${stderr}`));
    });
  });
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/** Runs each command `runs` times, interleaved so that machine noise hits all of them alike. */
export async function alternate(commands: Record<string, string[]>, env: NodeJS.ProcessEnv, runs: number): Promise<Record<string, number[]>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const argv of Object.values(commands)) await timeCommand(argv, env); // warm the OS file cache
  for (let i = 0; i < runs; i++) for (const [name, argv] of Object.entries(commands)) times[name]!.push(await timeCommand(argv, env));
  return times;
}

/**
 * `node <args>` for a server that logs JSON lines (the relay, or the bare baseline that logs as it
 * does); resolves with the process and the URL of its "relay listening" line.
 */
export function startListening(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buffer += d;
      const line = buffer.split('\n').find((l) => l.includes('"relay listening"'));
      if (line) resolve({ child, url: JSON.parse(line).url });
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`)));
  });
}

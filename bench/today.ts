// `today` and `find` against the stand-in API.   npm run bench:today [-- --runs 20 --cold 5]
//  1. 18 restaurants, 300 ms per request: a cold `today` within 2.5 s (4 in flight); a warm
//     `today` or `find` within 1.6x of `node -e 0`, making no request.
//  2. 2,000 restaurants, an instant API: a cold `today` with the cache costs at most 1.5x the
//     same run with --no-cache (the cache is written once per run, not once per menu), and a
//     warm `today` (target 2.5x) and a warm lookup at that size against `node -e 0`: wall time,
//     then CPU time (user + system of each process, from a preload that reports
//     process.cpuUsage() at exit; steadier than wall time on a busy machine), alternating.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RESTAURANTS, startMenuApi } from '../test/helpers/menu-api.js';
import { alternate, median, percentile, timeCommand } from './lib.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, cold: { type: 'string', default: '5' } } });
const bin = fileURLToPath(new URL('../bin/restaurant-menu.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'rm-bench-'));
const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1' };
const report = (name: string, xs: number[], base: number) =>
  console.log(`${name.padEnd(26)} median ${median(xs).toFixed(1)} ms  p90 ${percentile(xs, 90).toFixed(1)} ms  (${(median(xs) / base).toFixed(2)}x node -e 0)`);

// 1. The real list, a slow API.
{
  const api = await startMenuApi({ latencyMs: 300 });
  const cli = (...args: string[]) => [process.execPath, bin, '--api', api.url, ...args];
  const cold: number[] = [];
  for (let i = 0; i < Number(values.cold); i++) {
    rmSync(join(home, 'cache'), { recursive: true, force: true });
    cold.push(await timeCommand(cli('today'), env));
  }
  console.log(`node ${process.version}; stand-in API with 300 ms per request, 18 restaurants`);
  console.log(`cold today (list + 18 menus, 4 in flight): median ${median(cold).toFixed(0)} ms, max ${Math.max(...cold).toFixed(0)} ms over ${cold.length} runs ${Math.max(...cold) <= 2500 ? 'OK (<= 2.5 s)' : 'MISSED (target 2.5 s)'}`);
  console.log(`  API calls per cold run: ${api.totalCalls() / cold.length}, most in flight: ${api.maxInFlight}`);
  api.reset();
  const times = await alternate(
    { 'node -e 0': [process.execPath, '-e', '0'], 'warm today': cli('today'), 'warm find': cli('find', 'kyckling'), 'warm today --diet --english': cli('today', '--diet', 'vegetarian', '--english') },
    env,
    Number(values.runs),
  );
  const base = median(times['node -e 0']!);
  for (const [name, xs] of Object.entries(times)) report(name, xs, base);
  console.log(`HTTP requests during the warm runs: ${api.totalCalls()}`);
  await api.close();
}

// 2. 2,000 restaurants, an instant API.
{
  const api = await startMenuApi();
  const many = Array.from({ length: 2000 }, (_, i) => ({ ...RESTAURANTS[i % RESTAURANTS.length]!, identifier: `r${i}`, name: `Restaurang ${i}` }));
  const dishes = Object.fromEntries(many.map((r, i) => [r.identifier, [`Dagens ${i}: kycklinggryta med ris`, 'Vegetarisk lasagne', 'Stekt lax med dillsås']]));
  const setUp = () => {
    api.restaurants = many;
    Object.assign(api.dishes, dishes);
  };
  setUp();
  const cli = (...args: string[]) => [process.execPath, bin, '--api', api.url, '--timeout', '5m', ...args];
  const withCache: number[] = [];
  const noCache: number[] = [];
  for (let i = 0; i < Number(values.cold); i++) {
    rmSync(join(home, 'cache'), { recursive: true, force: true });
    withCache.push(await timeCommand(cli('today'), env));
    noCache.push(await timeCommand(cli('today', '--no-cache'), env));
  }
  const ratio = median(withCache) / median(noCache);
  console.log(`\n2,000 restaurants, instant stand-in API, ${withCache.length} alternating cold runs each`);
  console.log(`cold today --no-cache   median ${median(noCache).toFixed(0)} ms`);
  console.log(`cold today (cache)      median ${median(withCache).toFixed(0)} ms  = ${ratio.toFixed(2)}x --no-cache ${ratio <= 1.5 ? 'OK (<= 1.5x)' : 'MISSED (target 1.5x)'}`);
  api.reset();
  setUp();
  const commands = { 'node -e 0': [process.execPath, '-e', '0'], 'warm today, 2,000': cli('today'), 'warm lookup, 2,000': cli('r1234') };
  const runs = Math.max(5, Math.round(Number(values.runs) / 2));
  const times = await alternate(commands, env, runs);
  const base = median(times['node -e 0']!);
  for (const [name, xs] of Object.entries(times)) report(name, xs, base);
  const cpu = await alternateCpu(commands, runs);
  const cpuBase = median(cpu['node -e 0']!);
  console.log(`CPU time (user + system), ${runs} alternating runs each:`);
  for (const [name, xs] of Object.entries(cpu)) console.log(`${name.padEnd(26)} median ${median(xs).toFixed(1)} ms CPU  (${(median(xs) / cpuBase).toFixed(2)}x node -e 0)`);
  const warmRatio = median(times['warm today, 2,000']!) / base;
  console.log(`${warmRatio <= 2.5 ? 'OK' : 'MISSED'}: warm today, 2,000 restaurants ${warmRatio.toFixed(2)}x node -e 0 (target 2.5x)`);
  console.log(`HTTP requests during the warm runs: ${api.totalCalls()}`);
  await api.close();
}

/** CPU ms (user + system) of one run, as the process itself counts it at exit. */
function cpuOfCommand(argv: string[]): Promise<number> {
  const report = join(home, 'cpu-report');
  const preload = join(home, 'cpu-report.cjs');
  writeFileSync(preload, `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(${JSON.stringify(report)}, String((u.user + u.system) / 1000)); });`);
  const options = { ...env, NODE_OPTIONS: `--require=${preload}` };
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { env: options, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Number(readFileSync(report, 'utf8'))) : reject(new Error(`${argv.join(' ')} exited ${code}`))));
  });
}

async function alternateCpu(commands: Record<string, string[]>, runs: number): Promise<Record<string, number[]>> {
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [name, argv] of Object.entries(commands)) cpu[name]!.push(await cpuOfCommand(argv));
  return cpu;
}
rmSync(home, { recursive: true, force: true });

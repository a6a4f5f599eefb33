// The food rules on hostile dish text (issue 18, item 2), against ordinary dishes in the same run.
//   npm run bench:food [-- --runs 3]            (part 2 needs `npm run build` first)
//  1. In this process: describing (diet and English gloss) and matching a search against 1 MB of
//     each hostile shape of test/helpers/hostile-dishes.ts, as dishes of 4 KB and as one dish of
//     1 MB, against 1 MB of the hand-labelled dishes. Target: every shape under 1 s. Each run
//     builds new hostile text (another seed), so the rules' word memos never help it.
//  2. The CLI against the stand-in API, a menu with the two dishes ('kyckling ' + 10,000
//     a's: 366 s before; 'utan ' x 80,000: 29 s before) against the same menu with ordinary
//     dishes, --no-cache (so every run describes them).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeDish } from '../src/food/describe.js';
import { analyse } from '../src/food/glossary.js';
import { MAX_ANALYSED_CHARS } from '../src/food/limits.js';
import { compileQuery, matchesDish } from '../src/food/search.js';
import { hostileDishes, MB, ordinaryDishes } from '../test/helpers/hostile-dishes.js';
import { startMenuApi } from '../test/helpers/menu-api.js';
import { alternate, median } from './lib.js';

const TARGET_MS = 1000;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs));

// ── 1. The rules, in this process ──────────────────────────────────────────────────────────────
analyse('Köttbullar med potatismos'); // builds the glossary's index, outside every timing
const query = compileQuery('kycklinggryta vegetarian chicken')!;

/** Wall and CPU ms to describe and search every dish. */
function timeRules(dishes: readonly string[]): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const dish of dishes) {
    describeDish(dish);
    matchesDish(query, dish);
  }
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - started) / 1e6, cpu: (used.user + used.system) / 1000 };
}

const cases: Record<string, (run: number) => string[]> = { 'ordinary dishes (baseline)': () => ordinaryDishes(MB) };
for (const [shape, make] of Object.entries(hostileDishes)) {
  cases[`${shape}, 4 KB dishes`] = (run) => make(MB, MAX_ANALYSED_CHARS, run + 1);
  cases[`${shape}, one 1 MB dish`] = (run) => make(MB, MB, run + 1);
}
const wall: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
// One pass to compile the rules' code (not counted: a warm JIT for every case alike), then the runs,
// interleaved, so that noise on the machine hits every case alike.
for (const make of Object.values(cases)) timeRules(make(-1));
for (let run = 0; run < runs; run++) {
  for (const [name, make] of Object.entries(cases)) {
    const t = timeRules(make(run));
    wall[name]!.push(t.wall);
    cpu[name]!.push(t.cpu);
  }
}
const base = median(wall['ordinary dishes (baseline)']!);
console.log(`node ${process.version}; 1 MB of dish text per case, described and searched; median of ${runs} runs (wall, and the process's CPU time)`);
let missed = 0;
for (const name of Object.keys(cases)) {
  const ms = median(wall[name]!);
  const verdict = name.startsWith('ordinary') ? '' : ms < TARGET_MS ? 'OK' : 'MISSED';
  if (verdict === 'MISSED') missed++;
  console.log(
    `${name.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms  (cpu ${median(cpu[name]!).toFixed(0).padStart(5)} ms)  ${(ms / base).toFixed(2).padStart(5)}x baseline  ${verdict}`,
  );
}
console.log(missed === 0 ? `OK: every hostile shape under ${TARGET_MS} ms` : `MISSED: ${missed} shapes over ${TARGET_MS} ms`);

// ── 2. The CLI, end to end ─────────────────────────────────────────────────────────────────────
const bin = fileURLToPath(new URL('../bin/restaurant-menu.js', import.meta.url));
if (!existsSync(fileURLToPath(new URL('../dist/cli.js', import.meta.url)))) {
  console.log('\n(no dist/: run `npm run build` for the CLI part)');
} else {
  const api = await startMenuApi();
  const home = mkdtempSync(join(tmpdir(), 'rm-bench-'));
  const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1' };
  const ordinary = ['Köttbullar med gräddsås, potatismos och rårörda lingon', 'Vegansk linsgryta med kokosmjölk och koriander'];
  const hostile = ['kyckling ' + 'a'.repeat(10_000), 'utan '.repeat(80_000).trim()];
  const cli = (id: string) => [process.execPath, bin, '--api', api.url, '--no-cache', '--english', id];
  api.restaurants = [
    { ...api.restaurants[0]!, identifier: 'ordinary', name: 'Ordinary' },
    { ...api.restaurants[0]!, identifier: 'hostile', name: 'Hostile' },
  ];
  api.dishes = { ordinary, hostile };
  const cliTimes = await alternate({ 'ordinary menu': cli('ordinary'), "the issue's two dishes": cli('hostile') }, env, Math.max(5, runs * 2));
  const cliBase = median(cliTimes['ordinary menu']!);
  console.log(`\nThe CLI (--no-cache --english), stand-in API, ${cliTimes['ordinary menu']!.length} alternating runs each`);
  for (const [name, xs] of Object.entries(cliTimes)) {
    console.log(`${name.padEnd(46)} ${median(xs).toFixed(0).padStart(6)} ms  ${(median(xs) / cliBase).toFixed(2).padStart(5)}x ordinary`);
  }
  await api.close();
  rmSync(home, { recursive: true, force: true });
}

// The figures in src/ and scripts/ comments that argue for our own code over a library or a
// built-in, measured on the Node running this script (one line per claim):
//   npx tsx bench/claims.ts [--runs 11]
// A start-up or first-use cost is measured in fresh processes: `node` with and without the thing,
// alternated, and the median of the per-round differences (with the median of the baseline, so
// the difference can be read against a start-up on this machine). Run it on each Node line by
// putting that Node's bin first on PATH.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { lookup } from '../src/menu/lookup.js';
import { shortField, type Restaurant } from '../src/api/model.js';
import { fold } from '../src/text.js';
import { boxTable, loadTable } from '../src/render/table.js';
import { chooseStyle } from '../src/render/style.js';
import { median } from './lib.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '11' } } });
const runs = Number(values.runs);
const node = process.execPath;
const require = createRequire(import.meta.url);

/** Wall ms of `node ...args`, stdout a pipe (read to the end), or undefined when it exceeds `timeout`. */
function run(args: string[], timeout = 0): Promise<{ ms: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === 0) resolve({ ms, out, err });
      else reject(new Error(`node ${args.join(' ')}: ${signal ?? `exit ${code}`} ${err}`));
    });
  });
}

/**
 * The first use of `code` in a fresh process: the CPU time (user + system) and wall time of that
 * statement alone, and the CPU time of the whole process (its start-up included), reported on
 * stderr by fs.writeSync (console.log would set up process.stdout). Medians over `runs` processes.
 * CPU time, because the machine is shared: wall time there is mostly waiting for a core.
 */
async function firstUse(code: string): Promise<{ cpu: number; wall: number; process: number }> {
  const script = `const fs=require('fs');const c0=process.cpuUsage(),t0=performance.now();${code};const t=performance.now()-t0,c=process.cpuUsage(c0),a=process.cpuUsage();fs.writeSync(2,JSON.stringify([(c.user+c.system)/1e3,t,(a.user+a.system)/1e3]))`;
  const got: number[][] = [];
  for (let i = 0; i < runs; i++) got.push(JSON.parse((await run(['-e', script])).err) as number[]);
  return { cpu: median(got.map((g) => g[0]!)), wall: median(got.map((g) => g[1]!)), process: median(got.map((g) => g[2]!)) };
}

/** CPU time (user + system) of a whole `node file` (which reports it on stderr), `runs` times alternated with `baseline`: the median per-round difference. */
async function wholeProcess(file: string, baseline: string): Promise<{ cost: number; base: number }> {
  const cpu = async (f: string) => {
    const { err } = await run([f]);
    return Number(err);
  };
  const diffs: number[] = [];
  const bases: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = await cpu(baseline);
    const b = await cpu(file);
    diffs.push(b - a);
    bases.push(a);
  }
  return { cost: median(diffs), base: median(bases) };
}

const ms = (x: number) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ms`;
const line = (claim: string, figure: string) => console.log(`${claim.padEnd(34)} ${figure}`);
const startUp = (claim: string, r: { cpu: number; wall: number; process: number }) =>
  line(claim, `${ms(r.cpu)} CPU, ${ms(r.wall)} wall (the whole process ${ms(r.process)} CPU: ${((100 * r.cpu) / r.process).toFixed(0)}%; medians of ${runs} processes)`);

const dir = mkdtempSync(join(tmpdir(), 'claims-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

console.log(`node ${process.version}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
try {
  // src/text.ts, displayWidth(): string-width constructs an Intl.Segmenter when it loads.
  startUp('Intl.Segmenter at load', await firstUse('new Intl.Segmenter()'));

  // src/menu/restaurants.ts, groupByRegion(): localeCompare's first use.
  startUp('localeCompare first use', await firstUse("'å'.localeCompare('ä', 'sv')"));

  // src/menu/stockholm.ts: Intl.DateTimeFormat with a timeZone, first use.
  startUp(
    'DateTimeFormat timeZone first use',
    await firstUse("new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(0)"),
  );

  // src/cli/io.ts: process.stdout set up for a pipe (stdout is a pipe in run()).
  startUp('process.stdout on a pipe', await firstUse('process.stdout'));

  // scripts/build.js: an ES-module import of node:fs (a facade of every export) against the
  // bundle's banner (createRequire, then require).
  const report = 'const a = process.cpuUsage();\nwriteSync(2, String((a.user + a.system) / 1e3));\n';
  const facade = file('facade.mjs', `import { readFileSync, writeSync } from 'node:fs';\nreadFileSync;\n${report}`);
  const banner = file('banner.mjs', `import { createRequire as __cr } from 'node:module';\nconst require = __cr(import.meta.url);\nconst { readFileSync, writeSync } = require('node:fs');\nreadFileSync;\n${report}`);
  const esm = await wholeProcess(facade, banner);
  line('ESM import of node:fs vs require', `+${ms(esm.cost)} CPU (median of ${runs} paired runs; the banner's process ${ms(esm.base)} CPU)`);

  // src/json.ts: JSON.parse of deep nesting, in a fresh process each.
  for (const n of [300_000, 1_000_000, 3_000_000]) {
    const code = `const n=${n};const s='['.repeat(n)+']'.repeat(n);const t=performance.now();try{JSON.parse(s)}catch(e){console.log('threw',e.message)}console.log(performance.now()-t)`;
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(Number((await run(['-e', code], 300_000)).out.trim().split('\n').pop()));
    const t = median(times);
    line(`JSON.parse ${n.toLocaleString('en')} levels`, `${ms(t)} (${((1000 * t) / n).toFixed(2)} µs per level; median of 3 processes)`);
  }

  // src/render/table.ts: cli-table3's own word wrap on one long cell, in a fresh process each;
  // against boxTable(), which clips every line before cli-table3 sees it.
  const cli3 = require.resolve('cli-table3');
  const cellTimes = new Map<number, number>();
  for (const kb of [24, 48]) {
    const code = `const Table=require(${JSON.stringify(cli3)});const w='smörgås med räkor och ägg ';const s=w.repeat(Math.ceil(${kb}*1024/w.length)).slice(0,${kb}*1024);const t=new Table({colWidths:[60],wordWrap:true});t.push([s]);const a=performance.now();t.toString();console.log(performance.now()-a)`;
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(Number((await run(['-e', code], 600_000)).out.trim()));
    cellTimes.set(kb, median(times));
  }
  line(
    'cli-table3 wordWrap, one cell',
    `24 KB ${ms(cellTimes.get(24)!)}, 48 KB ${ms(cellTimes.get(48)!)} (x${(cellTimes.get(48)! / cellTimes.get(24)!).toFixed(1)} for twice the text; median of 3 processes)`,
  );
  await loadTable();
  const style = chooseStyle({ json: false, color: 'never' }, { write: () => {}, isTTY: true, columns: 80 }, {});
  const dish = 'smörgås med räkor och ägg '.repeat(Math.ceil((240 * 1024) / 26)).slice(0, 240 * 1024);
  const ours: number[] = [];
  for (let i = 0; i < 5; i++) {
    const a = performance.now();
    boxTable(style, [{ head: 'Restaurant' }, { head: 'Dish' }], [[[['Dufva'], [dish]]]]);
    ours.push(performance.now() - a);
  }
  line('boxTable(), one 240 KB dish', `${ms(median(ours))} (median of 5, in process)`);

  // src/api/model.ts: what matching does with a name the API sent as 10 KB, raw and clipped.
  const raw = 'Den Glada Restaurangen '.repeat(Math.ceil(10_240 / 23)).slice(0, 10_240);
  const restaurant = (name: string): Restaurant => ({ id: 'x', name, region: 'Solna', homepage: '', menuUrl: '', mapUrl: '' });
  const time = (f: () => void) => {
    const xs: number[] = [];
    for (let i = 0; i < 9; i++) {
      const a = performance.now();
      f();
      xs.push(performance.now() - a);
    }
    return median(xs);
  };
  const rawLookup = time(() => lookup('glada restaurnagen', [restaurant(raw)]));
  const clippedLookup = time(() => lookup('glada restaurnagen', [restaurant(shortField(raw))]));
  const rawFold = time(() => fold(raw));
  line(
    '10 KB name: lookup() (typo)',
    `raw ${ms(rawLookup)}, clipped by shortField() ${ms(clippedLookup)}; fold() of the raw name ${ms(rawFold)} (median of 9, in process)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

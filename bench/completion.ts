// Shell completion's wall time against `node -e 0`, measured alternately in one run: what one
// <TAB> costs, the binary started as the scripts start it, with a warm cache of the real
// restaurant list.
//   npm run bench:completion [-- --runs 40]
// Target (the completion issue): every median `__complete` within 1.5x of `node -e 0`, with zero
// HTTP requests. For scale, the same completion through the CLI bundle (dist/cli.js, which loads
// commander, the renderers and the food glossary first), as it ran before it had its own entry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMenuApi } from '../test/helpers/menu-api.js';
import { alternate, median, percentile, timeCommand } from './lib.js';

const TARGET = 1.5;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '40' } } });
const runs = Number(values.runs);
const bin = fileURLToPath(new URL('../bin/restaurant-menu.js', import.meta.url));
const cliBundle = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const api = await startMenuApi();
const home = mkdtempSync(join(tmpdir(), 'rm-bench-'));
// The API a completion would call, if it called one: the stand-in, which counts.
const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1', RESTAURANT_MENU_API: api.url, NODE_PATH: '' };

await timeCommand([process.execPath, bin, 'sven dufva'], env); // fills the cache with the restaurant list
api.reset();

const complete = (...args: string[]) => [process.execPath, bin, '__complete', ...args];
const viaCli = (...args: string[]) => [
  process.execPath,
  '--input-type=module',
  '-e',
  `const { main, processIo } = await import(${JSON.stringify(cliBundle)}); process.exitCode = await main(${JSON.stringify(['__complete', ...args])}, processIo());`,
];
const commands: Record<string, string[]> = {
  'node -e 0': [process.execPath, '-e', '0'],
  "first word 's'": complete('0', '--', 's'),
  "config set region ''": complete('3', '--', 'config', 'set', 'region', ''),
  "'s' via dist/cli.js": viaCli('0', '--', 's'),
};
const times = await alternate(commands, env, runs);
const requests = api.totalCalls();
await api.close();
rmSync(home, { recursive: true, force: true });

const base = median(times['node -e 0']!);
console.log(`node ${process.version}, ${runs} alternating runs each, ${requests} HTTP requests`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(22)} median ${median(xs).toFixed(1)} ms  p90 ${percentile(xs, 90).toFixed(1)} ms  (${(median(xs) / base).toFixed(2)}x node -e 0)`);
}
for (const name of ["first word 's'", "config set region ''"]) {
  const ratio = median(times[name]!) / base;
  console.log(`${ratio <= TARGET && requests === 0 ? 'OK' : 'MISSED'}: ${name} ${ratio.toFixed(2)}x (target ${TARGET}x), ${requests} requests`);
}

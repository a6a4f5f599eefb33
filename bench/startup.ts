// Warm start-up against `node -e 0`, measured alternately in one run.
//   npm run bench:startup [-- --runs 40]
// Target: a warm lookup, and a warm `today --diet vegetarian --english`, within 1.6x of
// `node -e 0`, making no HTTP request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMenuApi } from '../test/helpers/menu-api.js';
import { alternate, median, percentile, timeCommand } from './lib.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '40' } } });
const runs = Number(values.runs);
const bin = fileURLToPath(new URL('../bin/restaurant-menu.js', import.meta.url));
const api = await startMenuApi();
const home = mkdtempSync(join(tmpdir(), 'rm-bench-'));
const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1' };
const cli = (...args: string[]) => [process.execPath, bin, '--api', api.url, ...args];

const commands = {
  'node -e 0': [process.execPath, '-e', '0'],
  'warm lookup': cli('sven dufva'),
  'warm today --diet --english': cli('today', '--diet', 'vegetarian', '--english'),
};
await timeCommand(cli('today'), env); // fills the cache
api.reset();
const times = await alternate(commands, env, runs);
const requests = api.totalCalls();
await api.close();
rmSync(home, { recursive: true, force: true });

const base = median(times['node -e 0']!);
console.log(`node ${process.version}, ${runs} alternating runs each, output piped`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(28)} median ${median(xs).toFixed(1)} ms  p90 ${percentile(xs, 90).toFixed(1)} ms  (${(median(xs) / base).toFixed(2)}x node -e 0)`);
}
console.log(`HTTP requests during the warm runs: ${requests}`);
for (const name of ['warm lookup', 'warm today --diet --english']) {
  const ratio = median(times[name]!) / base;
  console.log(`${ratio <= 1.6 && requests === 0 ? 'OK' : 'MISSED'}: ${name} ${ratio.toFixed(2)}x (target 1.6x)`);
}

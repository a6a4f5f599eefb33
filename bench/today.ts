// `today` and `find` against the stand-in API with 300 ms latency per request, 18 restaurants.
//   npm run bench:today [-- --runs 20]
// Targets (issue #5): a cold `today` within 2.5 s (4 in flight); a warm `today` or `find`
// within 1.6x of `node -e 0`, making no request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMenuApi } from '../test/helpers/menu-api.js';
import { alternate, median, percentile, timeCommand } from './lib.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, cold: { type: 'string', default: '5' } } });
const bin = fileURLToPath(new URL('../bin/restaurant-menu.js', import.meta.url));
const api = await startMenuApi({ latencyMs: 300 });
const home = mkdtempSync(join(tmpdir(), 'rm-bench-'));
const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1' };
const cli = (...args: string[]) => [process.execPath, bin, '--api', api.url, ...args];

const cold: number[] = [];
for (let i = 0; i < Number(values.cold); i++) {
  rmSync(join(home, 'cache'), { recursive: true, force: true });
  cold.push(await timeCommand(cli('today'), env));
}
console.log(`node ${process.version}; stand-in API with 300 ms per request, 18 restaurants`);
console.log(`cold today (list + 18 menus, 4 in flight): median ${median(cold).toFixed(0)} ms, max ${Math.max(...cold).toFixed(0)} ms over ${cold.length} runs ${Math.max(...cold) <= 2500 ? 'OK (<= 2.5 s)' : 'MISSED (target 2.5 s)'}`);
console.log(`  API calls in the last cold run: ${api.totalCalls() / cold.length}, most in flight: ${api.maxInFlight}`);

api.reset();
const runs = Number(values.runs);
const times = await alternate({ 'node -e 0': [process.execPath, '-e', '0'], 'warm today': cli('today'), 'warm find': cli('find', 'kyckling') }, env, runs);
const base = median(times['node -e 0']!);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(11)} median ${median(xs).toFixed(1)} ms  p90 ${percentile(xs, 90).toFixed(1)} ms  (${(median(xs) / base).toFixed(2)}x node -e 0)`);
}
console.log(`HTTP requests during the warm runs: ${api.totalCalls()}`);
await api.close();
rmSync(home, { recursive: true, force: true });

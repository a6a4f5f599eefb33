// Warm lookup wall time against `node -e 0`, measured alternately in one run.
//   npm run bench:startup [-- --runs 40]
// Target (issue #3): the median warm lookup within 1.6x of `node -e 0`, with zero HTTP requests.
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

const lookup = [process.execPath, bin, '--api', api.url, 'sven dufva'];
await timeCommand(lookup, env); // fills the cache
api.reset();
// For scale: what merely importing got and conf (unbundled) costs, which a warm lookup avoids.
const naive = [process.execPath, '--input-type=module', '-e', "await import('got'); await import('conf');"];
const times = await alternate({ 'node -e 0': [process.execPath, '-e', '0'], 'warm lookup': lookup, 'import got+conf': naive }, { ...env, NODE_PATH: '' }, runs);
const requests = api.totalCalls();
await api.close();
rmSync(home, { recursive: true, force: true });

const base = median(times['node -e 0']!);
console.log(`node ${process.version}, ${runs} alternating runs each`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(15)} median ${median(xs).toFixed(1)} ms  p90 ${percentile(xs, 90).toFixed(1)} ms  (${(median(xs) / base).toFixed(2)}x node -e 0)`);
}
console.log(`HTTP requests during the warm lookups: ${requests}`);
const ratio = median(times['warm lookup']!) / base;
console.log(ratio <= 1.6 && requests === 0 ? `OK: ${ratio.toFixed(2)}x <= 1.6x` : `MISSED: ${ratio.toFixed(2)}x (target 1.6x), ${requests} requests`);

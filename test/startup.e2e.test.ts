// The warm path stays light: a cached lookup must not load the HTTP client, conf or the relay
// (their import alone costs more than the whole start-up budget). Checked by recording which
// files the process loads, not by timing; the timing is measured by `npm run bench:startup`.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { useStandIn } from './helpers/stand-in.js';

const t = useStandIn();
const hook = fileURLToPath(new URL('./helpers/trace-imports.mjs', import.meta.url));

const HEAVY = {
  got: 'sindresorhus/got',
  conf: 'Config schema violation',
  relay: 'relay listening',
};

/** Runs the CLI and returns which heavy parts the files it loaded contain. */
async function heavyPartsLoaded(args: string[]): Promise<string[]> {
  const trace = join(t.box.home, 'trace.txt');
  rmSync(trace, { force: true });
  const r = await t.box.run(['--api', t.api.url, ...args], { NODE_OPTIONS: `--import=${hook}`, TRACE_IMPORTS_FILE: trace });
  expect(r.code, r.stderr).toBe(0);
  const files = readFileSync(trace, 'utf8').trim().split('\n').filter((u) => u.includes('/dist/'));
  expect(files.some((u) => u.endsWith('/dist/cli.js'))).toBe(true);
  const text = files.map((u) => readFileSync(fileURLToPath(u), 'utf8')).join('\n');
  return Object.entries(HEAVY)
    .filter(([, marker]) => text.includes(marker))
    .map(([name]) => name);
}

test('a cold lookup loads got and conf; a warm one loads none of the heavy parts', async () => {
  expect(await heavyPartsLoaded(['sven dufva'])).toEqual(['got', 'conf']);
  expect(await heavyPartsLoaded(['sven dufva'])).toEqual([]);
  expect(t.api.totalCalls()).toBe(2);
});

test('warm today and find load none of the heavy parts either', async () => {
  await t.run('today');
  expect(await heavyPartsLoaded(['today'])).toEqual([]);
  expect(await heavyPartsLoaded(['find', 'lax'])).toEqual([]);
});

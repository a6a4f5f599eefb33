// Text from the network is hostile: no byte of it reaches a terminal raw, in any output format,
// in notes and errors, or through the relay. (The pseudo-terminal check is in terminal.e2e.)
import { afterEach, describe, expect, test } from 'vitest';
import type { Relay } from '../src/relay/server.js';
import { useCli, type CliResult } from './helpers/cli.js';
import { HOSTILE_DISHES, serveHostile, strayControls } from './helpers/hostile.js';
import { HOSTILE_REASON } from './helpers/menu-api.js';
import { relayFor } from './helpers/relay.js';

const t = useCli();
let relay: Relay | undefined;
afterEach(async () => {
  await relay?.close(100);
  relay = undefined;
});

/** No stray control character; on a terminal, the progress line's own \r and erase are ours. */
function clean(r: CliResult, colour = false) {
  expect(strayControls(r.stdout, colour), r.stdout).toEqual([]);
  expect(strayControls(r.stderr.replace(/\r(\x1b\[K)?/g, ''), colour), r.stderr).toEqual([]);
}

const COMMANDS = [
  ['evil'],
  ['evil', '--english'],
  ['evil', '--json'],
  ['xevil'], // a typo: the note names the restaurant
  [],
  ['--json'],
  ['today'],
  ['today', '--json'],
  ['find', 'soup'],
  ['find', 'soup', '--json'],
  ['pwned'],
  ['nothing-like-it'],
];

describe.each([
  ['piped', undefined],
  ['on a terminal (colour)', 100],
  ['on a narrow terminal', 40],
])('%s', (_, columns) => {
  test.each(COMMANDS)('%j writes no stray control character', async (...args) => {
    serveHostile(t.api);
    const r = await t.runWith(['--api', t.api.url, ...args], { columns, env: { NO_COLOR: columns === 100 ? undefined : '1' } });
    expect(r.code, r.stderr).toBeLessThan(3);
    clean(r, columns === 100);
  });
});

test('the hostile text is shown, visibly, not dropped', async () => {
  serveHostile(t.api);
  const r = await t.run('evil');
  expect(r.stdout).toContain('Soup ␛]52;c;ZWNobyBwd25lZA==␇␛[2J');
  expect(r.stdout).toContain('X␛]0;pwned␇ \ufffdevil');
  expect(r.stdout.trimEnd().split('\n')).toHaveLength(HOSTILE_DISHES.length);
  for (const line of r.stdout.trimEnd().split('\n')) expect(line.split('\t')).toHaveLength(9); // no field breaks the format
});

test('only http(s) links are printed: a javascript: homepage and map link are left out', async () => {
  serveHostile(t.api);
  for (const args of [['evil'], ['evil', '--json'], ['today', '--json']]) {
    const r = await t.run(...args);
    expect(r.stdout).not.toContain('javascript');
  }
  const j = JSON.parse((await t.run('evil', '--json')).stdout);
  expect(j.restaurant).toMatchObject({ homepage: '', menuUrl: 'https://evil.example/menu%1B]8;;http://x/', mapUrl: expect.stringMatching(/^https:\/\/www\.openstreetmap\.org\//) });
});

test('JSON carries the same neutralised text (so `jq -r` prints nothing raw)', async () => {
  serveHostile(t.api);
  const j = JSON.parse((await t.run('evil', '--json')).stdout);
  for (const dish of j.dishes) expect(strayControls(dish)).toEqual([]);
  expect(strayControls(j.restaurant.name)).toEqual([]);
  expect(strayControls(j.restaurant.region)).toEqual([]);
});

test("the upstream's reason phrase in an error message is neutralised, in the note and in the JSON error", async () => {
  t.api.fault = '503-hostile';
  const r = await t.run('dufva');
  expect(r.code).toBe(3);
  clean(r);
  expect(r.stderr).toContain('answered 503 Service ␛]8;;http://evil/␇Unavailable');
  t.api.fault = '503-hostile';
  const j = await t.run('dufva', '--json');
  clean(j);
  expect(strayControls(JSON.parse(j.stdout).error.message)).toEqual([]);
  expect(HOSTILE_REASON).toMatch(/\u001b/);
});

test('through the relay: the same neutralised output as from the API directly', async () => {
  serveHostile(t.api);
  relay = await relayFor(t.api.url);
  for (const args of [['evil'], ['today'], ['evil', '--json']]) {
    const direct = await t.runWith(['--api', t.api.url, '--no-cache', ...args]);
    const relayed = await t.runWith(['--api', relay.url, '--no-cache', ...args]);
    clean(relayed);
    const noTimes = (s: string) => s.replace(/"fetchedAt": "[^"]+"/g, '');
    expect(noTimes(relayed.stdout)).toBe(noTimes(direct.stdout));
  }
});

test("identifiers with '/', '%' are one path segment: the CLI gets the same menu through the relay as from the API", async () => {
  t.api.restaurants = [...t.api.restaurants, { ...t.api.restaurants[0]!, identifier: 'a/b', name: 'Slash' }, { ...t.api.restaurants[0]!, identifier: '50%', name: 'Percent' }];
  t.api.dishes['a/b'] = ['Snedstreck'];
  t.api.dishes['50%'] = ['Procent'];
  relay = await relayFor(t.api.url);
  for (const id of ['a/b', '50%']) {
    const direct = await t.runWith(['--api', t.api.url, '--no-cache', id, '--json']);
    const relayed = await t.runWith(['--api', relay.url, '--no-cache', id, '--json']);
    expect(direct.code, direct.stderr).toBe(0);
    expect(JSON.parse(relayed.stdout).dishes).toEqual(JSON.parse(direct.stdout).dishes);
    expect(JSON.parse(relayed.stdout).dishes).toHaveLength(1);
  }
});

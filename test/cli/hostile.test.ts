// Text from the network is hostile: no byte of it reaches a terminal raw, in any output format,
// in notes and errors, or through the relay. (The pseudo-terminal check is in terminal.e2e.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Relay } from '../../src/relay/server.js';
import { useCli, type CliResult } from '../helpers/in-process.js';
import { HOSTILE_DISHES, serveHostile, strayControls } from '../helpers/hostile.js';
import { HOSTILE_REASON, MALFORMED_DISH, RESTAURANTS } from '../helpers/menu-api.js';
import { relayFor } from '../helpers/relay.js';

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
  expect(r.stdout).toContain('X␛]0;pwned␇ \ufffdevil\ufffd\ufffd');
  expect(r.stdout).toContain('Invisible Biku\ufffdpan\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd');
  expect(r.stdout).toContain('Hangul fillers \ufffd\ufffd\ufffd\ufffd and a zalgo e\u0301\u0301\u0301\t');
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

describe('one malformed record from the API is left out, said once, and the rest served', () => {
  const NOTE = "the restaurant list from the menu API has 1 malformed restaurant, left out (restaurant #1 has the identifier '..')";
  const count = (text: string, part: string) => text.split(part).length - 1;

  test.each([
    ['a lookup', ['bikupan'], 'Köttbullar med gräddsås'],
    ['the list', [], 'Restaurang Bikupan'],
    ['today', ['today'], 'Pytt i panna'],
    ['find', ['find', 'köttbullar'], 'Köttbullar med gräddsås'],
  ])('%s: exit 0, the well-formed restaurants served, one note on stderr', async (_, args, shown) => {
    t.api.faults.set('/restaurant', 'malformed-record');
    const r = await t.run(...args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(shown);
    expect(count(r.stderr, NOTE), r.stderr).toBe(1);
    expect(t.api.calls.get('/restaurant/..')).toBeUndefined();
  });

  test.each([[['bikupan']], [[]], [['today']], [['find', 'köttbullar']]])('%j --json: the same, with the note in "warnings"', async (args) => {
    t.api.faults.set('/restaurant', 'malformed-record');
    const r = await t.run(...args, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toEqual([{ code: 'API_BAD_RECORDS', message: NOTE }]);
    expect(count(r.stderr, NOTE)).toBe(1);
  });

  test('a well-formed answer has an empty "warnings" list', async () => {
    expect(JSON.parse((await t.run('bikupan', '--json')).stdout).warnings).toEqual([]);
  });

  test('a dish that is not text: left out, the other dishes served, said once (lookup, today, --json)', async () => {
    t.api.faults.set('/restaurant/dufva', 'malformed-record');
    const note = 'the menu of Sven Dufva from the menu API has 1 malformed dish, left out (dish #1 is not text)';
    const r = await t.run('dufva');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Falafel med tahinisås');
    expect(count(r.stderr, note)).toBe(1);
    expect(JSON.stringify(MALFORMED_DISH)).toContain('Fiskgratäng');
    expect(r.stdout).not.toContain('Fiskgratäng');
    const today = await t.run('today', '--no-cache', '--json');
    expect(today.code, today.stderr).toBe(0);
    expect(JSON.parse(today.stdout).warnings).toEqual([{ code: 'API_BAD_RECORDS', message: note }]);
    expect(count(today.stderr, note)).toBe(1);
    // Every dish malformed: the unexpected-answer error for that menu.
    t.api.faults.clear();
    t.api.dishes.dufva = [{ dish: 5 }];
    const none = await t.run('dufva', '--no-cache');
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('the menu API sent an unexpected answer (dish #1 is not text)');
  });

  test('every restaurant malformed: still the unexpected-answer error (exit 3)', async () => {
    t.api.restaurants = [{ identifier: '..', name: 'Up a level', region: 'Uppsala' }, { identifier: '.', name: 'Here', region: 'Uppsala' }];
    const r = await t.run('today');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("the menu API sent an unexpected answer (restaurant #1 has the identifier '..', and 1 more malformed records; none is usable)");
  });

  test('a cached list holding a malformed record (old or hand-edited): served without it, said, no request', async () => {
    expect((await t.run('bikupan')).code).toBe(0);
    const file = join(t.home.dir, '.cache', 'restaurant-menu', 'cache.json');
    const cache = JSON.parse(readFileSync(file, 'utf8'));
    const key = `${t.api.url}/restaurant`;
    cache.entries[key].body.unshift({ id: '..', name: 'Up a level', region: 'Uppsala', homepage: '', menuUrl: '', mapUrl: '' });
    writeFileSync(file, JSON.stringify(cache));
    t.api.calls.clear();
    for (const args of [['bikupan'], ['today']]) {
      const r = await t.run(...args);
      expect(r.code, r.stderr).toBe(0);
      expect(count(r.stderr, "the restaurant list (cached copy) has 1 malformed restaurant, left out (restaurant #1 has the identifier '..')")).toBe(1);
    }
    expect(t.api.calls.get('/restaurant')).toBeUndefined();
    expect(t.api.calls.get('/restaurant/..')).toBeUndefined();
  });
});

test('a restaurant name and region of 10 KB are clipped in every output, JSON included', async () => {
  const long = `Bikupan ${'och mera '.repeat(1_200)}`;
  t.api.restaurants = [{ ...RESTAURANTS[0]!, name: long, region: long }];
  for (const args of [['bikupan', '--json'], ['--json'], ['today', '--json']]) {
    const r = await t.run(...args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeLessThan(10_000);
    expect(r.stdout).toContain(`"name": "${long.slice(0, 100)}…"`);
  }
  for (const args of [['bikupan'], [], ['today']]) {
    const r = await t.run(...args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeLessThan(3_000);
  }
});

// The disk cache and saved settings, in-process, with the clock pinned: freshness by the
// Stockholm calendar, stale copies while the API is down, pruning, the cache and config
// commands, and every broken-file state each command can meet.
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DISH_MEMO_PREFIX, FOOD_RULES } from '../../src/store/dish-memo.js';
import { DAY, stockholm, WEEKDAY } from '../helpers/clock.js';
import { useCli, type CliResult } from '../helpers/in-process.js';
import { closedPortUrl, DISHES, startMenuApi } from '../helpers/menu-api.js';

const t = useCli();
const run = t.run;
const cacheDir = () => join(t.home.dir, '.cache', 'restaurant-menu');
const configDir = () => join(t.home.dir, '.config', 'restaurant-menu');
const cacheFile = () => join(cacheDir(), 'cache.json');
const configFile = () => join(configDir(), 'config.json');
const readCache = () => JSON.parse(readFileSync(cacheFile(), 'utf8'));
const json = (r: CliResult) => JSON.parse(r.stdout);
const YESTERDAY_NOON = stockholm('2026-12-01T12:00');
const MENU = { title: 'x', region: 'y', homepage: '', mapUrl: '', dishes: ['Gårdagens gryta'] };
const DUFVA_DISHES = DISHES.dufva!.filter((d) => d.trim());
/** The dish memo's key for the rules this process runs (src/: a token of the process). */
const MEMO = DISH_MEMO_PREFIX + FOOD_RULES;
const DUFVA = { id: 'dufva', name: 'Sven Dufva', region: 'Uppsala', homepage: '', menuUrl: '', mapUrl: '' };

/** Writes a cache file by hand: `entries` maps API paths to [fetchedAt, body]. */
function seedCache(base: string, entries: Record<string, [number, unknown]>) {
  mkdirSync(cacheDir(), { recursive: true });
  const out = Object.fromEntries(Object.entries(entries).map(([path, [fetchedAt, body]]) => [base + path, { fetchedAt, body }]));
  writeFileSync(cacheFile(), JSON.stringify({ format: 1, entries: out }));
}

function expectOneLine(r: CliResult, code: number, pattern: RegExp) {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.trimEnd()).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('repeat lookups', () => {
  test('a warm lookup makes zero requests and says it came from the cache', async () => {
    const cold = json(await run('dufva', '--json'));
    expect(cold.source).toMatchObject({ fromCache: false, stale: false });
    expect(t.api.totalCalls()).toBe(2);
    t.api.reset();
    const warm = await run('dufva', '--json');
    expect(warm.code).toBe(0);
    expect(t.api.totalCalls()).toBe(0);
    expect(json(warm).source).toEqual({ fetchedAt: cold.source.fetchedAt, fromCache: true, stale: false });
  });

  test('the cache lives in XDG_CACHE_HOME, or in RESTAURANT_MENU_CACHE_DIR; it is created 0600 in a 0700 directory', async () => {
    expect((await t.runWith(['cache', 'path'])).stdout.trim()).toBe(cacheFile());
    await run('dufva');
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    const dir = join(t.home.dir, 'elsewhere');
    expect((await t.runWith(['cache', 'path'], { env: { RESTAURANT_MENU_CACHE_DIR: dir } })).stdout.trim()).toBe(join(dir, 'cache.json'));
  });

  test('entries are keyed by API base: another base (a relay) does not reuse them', async () => {
    await run('dufva');
    const other = await startMenuApi();
    try {
      await t.runWith(['--api', other.url, 'dufva']);
      expect(other.totalCalls()).toBe(2);
      expect(Object.keys(readCache().entries).sort()).toEqual(
        [MEMO, `${t.api.url}/restaurant`, `${t.api.url}/restaurant/dufva`, `${other.url}/restaurant`, `${other.url}/restaurant/dufva`].sort(),
      );
    } finally {
      await other.close();
    }
  });

  test('--refresh skips the cache and stores the new answer; --no-cache neither reads nor writes', async () => {
    await run('dufva');
    t.api.reset();
    await run('dufva', '--refresh');
    expect(t.api.totalCalls()).toBe(2);
    t.api.reset();
    await run('dufva');
    expect(t.api.totalCalls()).toBe(0);
    const before = readFileSync(cacheFile(), 'utf8');
    await run('bikupan', '--no-cache');
    await run('bikupan', '--no-cache');
    expect(t.api.totalCalls()).toBe(4);
    expect(readFileSync(cacheFile(), 'utf8')).toBe(before);
  });

  test('--ttl and the saved ttl shorten menu freshness; the list keeps its 24 h', async () => {
    await run('dufva');
    t.api.reset();
    await run('dufva', '--ttl', '0');
    expect(t.api.calls.get('/restaurant/dufva')).toBe(1);
    expect(t.api.calls.get('/restaurant')).toBeUndefined();
    await t.runWith(['config', 'set', 'ttl', '0s']);
    await run('dufva');
    expect(t.api.calls.get('/restaurant/dufva')).toBe(2);
  });

  test('an entry dated in the future (clock moved back) is expired, not fresh forever, and pruned', async () => {
    seedCache(t.api.url, { '/restaurant': [WEEKDAY + DAY, []] });
    const r = await run('--json');
    expect(r.code).toBe(0);
    expect(t.api.calls.get('/restaurant')).toBe(1);
    expect(json(r).source.fromCache).toBe(false);
    expect(readCache().entries[`${t.api.url}/restaurant`].fetchedAt).toBeLessThanOrEqual(t.now());
  });

  test("pruning on write drops what can never be used: earlier days' menus and dish memo, month-old lists", async () => {
    const other = 'http://127.0.0.1:9';
    seedCache(t.api.url, { '/restaurant/yesterday': [YESTERDAY_NOON, MENU], '/restaurant/ghost': [WEEKDAY - 40 * DAY, MENU] });
    const cache = readCache();
    cache.entries[`${other}/restaurant`] = { fetchedAt: WEEKDAY - 31 * DAY, body: [] };
    cache.entries[`${other}/restaurant/bikupan`] = { fetchedAt: WEEKDAY - 1000, body: MENU };
    cache.entries[MEMO] = { fetchedAt: YESTERDAY_NOON, body: { dishes: { 'Gårdagens gryta': ['meat', 'stew'] } } };
    writeFileSync(cacheFile(), JSON.stringify(cache));
    await run('dufva');
    const after = readCache().entries;
    expect(Object.keys(after).sort()).toEqual([MEMO, `${other}/restaurant/bikupan`, `${t.api.url}/restaurant`, `${t.api.url}/restaurant/dufva`].sort());
    // Today's memo starts afresh: yesterday's dishes are not carried over.
    expect(Object.keys(after[MEMO].body.dishes)).toEqual(DUFVA_DISHES);
  });
});

describe('the Stockholm day decides what is today', () => {
  test('a menu from yesterday is not fresh today, even within its TTL', async () => {
    seedCache(t.api.url, { '/restaurant': [WEEKDAY - 1000, [DUFVA]], '/restaurant/dufva': [stockholm('2026-12-01T23:59'), MENU] });
    const r = await run('dufva', '--ttl', '1d', '--json');
    expect(t.api.calls.get('/restaurant/dufva')).toBe(1);
    expect(json(r).dishes).not.toContain('Gårdagens gryta');
  });

  test('one second after midnight, a menu fetched half a second after midnight is today\'s', async () => {
    const justAfter = stockholm('2026-12-03T00:00') + 1000;
    t.at(justAfter);
    seedCache(t.api.url, { '/restaurant': [justAfter - 600, [DUFVA]], '/restaurant/dufva': [justAfter - 500, MENU] });
    const r = await run('dufva', '--json');
    expect(t.api.totalCalls()).toBe(0);
    expect(json(r)).toMatchObject({ date: '2026-12-03', dishes: ['Gårdagens gryta'], source: { fromCache: true } });
  });

  test('when midnight passes between two runs, the second fetches the new day', async () => {
    t.at(stockholm('2026-12-02T23:59') + 59_000);
    const before = json(await run('dufva', '--json'));
    expect(before.date).toBe('2026-12-02');
    t.at(stockholm('2026-12-03T00:00') + 1_000);
    t.api.reset();
    const after = json(await run('dufva', '--json'));
    expect(after).toMatchObject({ date: '2026-12-03', source: { fromCache: false } });
    expect(t.api.calls.get('/restaurant/dufva')).toBe(1);
  });

  test('the 25-hour day: a menu from 00:30 is still today at 23:30 on 25 October 2026', async () => {
    const early = stockholm('2026-10-25T00:30');
    t.at(stockholm('2026-10-25T23:30'));
    seedCache(t.api.url, { '/restaurant': [early, [DUFVA]], '/restaurant/dufva': [early, MENU] });
    t.api.fault = '503';
    const r = await run('dufva', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ date: '2026-10-25', dishes: ['Gårdagens gryta'], source: { stale: true } });
  });
});

describe('honest answers while the API is down', () => {
  test('stale-if-error: a menu from today is served with its age; exit 0', async () => {
    await run('dufva');
    t.at(WEEKDAY + 5 * 60_000);
    t.api.fault = '500';
    const r = await run('dufva', '--ttl', '1m', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ status: 'found', dishes: ['Pytt i panna med rödbetor', 'Falafel med tahinisås'], source: { fromCache: true, stale: true } });
    expectOneLine(r, 0, /answered 500 Internal Server Error; try again later; showing the menu of Sven Dufva fetched 5 min ago$/);
  });

  test('stale-if-error when the API refuses connections, for the list too (any age)', async () => {
    const base = await closedPortUrl();
    seedCache(base, { '/restaurant': [WEEKDAY - 7 * DAY, [{ ...DUFVA, id: 'x', name: 'Gamla Stället' }]] });
    const r = await t.runWith(['--api', base, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).regions[0].restaurants[0].name).toBe('Gamla Stället');
    expect(r.stderr).toMatch(/connection refused\); .*; showing the restaurant list fetched 7 days ago \(Wednesday 25 Nov 11:30\)/);
  });

  test('when the list is stale too, the note is about the menu shown', async () => {
    const base = await closedPortUrl();
    seedCache(base, { '/restaurant': [WEEKDAY - 2 * DAY, [DUFVA]], '/restaurant/dufva': [WEEKDAY - 2 * 3600_000, MENU] });
    const r = await t.runWith(['--api', base, 'dufva', '--ttl', '1m']);
    expectOneLine(r, 0, /connection refused\); .*; showing the menu of Sven Dufva fetched 2 h ago$/);
  });

  test("yesterday's menu is never shown as today's: exit 3, saying when it was fetched", async () => {
    seedCache(t.api.url, { '/restaurant': [WEEKDAY - 1000, [DUFVA]], '/restaurant/dufva': [YESTERDAY_NOON, MENU] });
    t.api.fault = '503';
    const r = await run('dufva');
    expect(r.stdout).toBe('');
    expectOneLine(r, 3, /answered 503 .*; the last copy of the menu of Sven Dufva was fetched 23 h 30 min ago \(Tuesday 1 Dec 12:00\), not today, so it is not shown$/);
  });
});

describe('the dish memo: what the food rules said of each dish text, for these rules and this day', () => {
  const FALAFEL = 'Falafel med tahinisås';
  const memo = () => readCache().entries[MEMO];
  /** Rewrites the memo by hand, as a person could; under another key, this build's memo is removed. */
  function editMemo(body: unknown, fetchedAt = memo().fetchedAt, key = MEMO) {
    const cache = readCache();
    delete cache.entries[MEMO];
    cache.entries[key] = { fetchedAt, body };
    writeFileSync(cacheFile(), JSON.stringify(cache));
  }
  const details = (r: CliResult) => json(r).dishDetails.map((d: { dish: string; tags: string[]; english: string | null }) => [d.dish, d.tags, d.english]);
  const BY_RULES = [FALAFEL, ['vegan', 'vegetarian'], expect.stringContaining('falafel')];

  test('a lookup remembers each dish; the warm run takes tags and glosses from the memo and writes nothing', async () => {
    const cold = await run('dufva', '--json');
    expect(memo().body).toEqual({
      dishes: { 'Pytt i panna med rödbetor': ['meat', expect.stringContaining('beetroot')], [FALAFEL]: ['vegan', expect.stringContaining('falafel')] },
    });
    editMemo({ dishes: { ...memo().body.dishes, [FALAFEL]: ['fish', 'as the memo says'] } });
    const before = readCache();
    const warm = await run('dufva', '--json');
    expect(details(warm)).toEqual([details(cold)[0], [FALAFEL, ['fish'], 'as the memo says']]);
    // (The hand-edited file, on one line, is rewritten one entry per line: the same entries.)
    expect(readCache()).toEqual(before);
  });

  test('a memo of other rules, of an earlier day, or dated in the future is not used', async () => {
    await run('dufva');
    const { fetchedAt, body } = memo();
    const edited = { dishes: { ...body.dishes, [FALAFEL]: ['fish', 'as the memo says'] } };
    for (const [key, at] of [
      ['#dishes:another build', fetchedAt],
      [MEMO, YESTERDAY_NOON],
      [MEMO, t.now() + DAY],
    ] as const) {
      editMemo(edited, at, key);
      const warm = await run('dufva', '--json');
      expect(details(warm)[1], key).toEqual(BY_RULES);
      // Written again for these rules and this day, with what the rules said.
      expect(memo().body.dishes[FALAFEL][0]).toBe('vegan');
      expect(memo().fetchedAt).toBeGreaterThanOrEqual(fetchedAt);
      expect(memo().fetchedAt).toBeLessThanOrEqual(t.now());
    }
  });

  test('a damaged memo is ignored where damaged; hostile text in it is shown neutralised', async () => {
    await run('dufva');
    for (const damaged of [null, 'x', [], {}, { dishes: [] }, { dishes: { [FALAFEL]: ['carnivore', null] } }, { dishes: { [FALAFEL]: ['vegan'] } }, { dishes: { [FALAFEL]: [null, 5] } }]) {
      editMemo(damaged);
      const r = await run('dufva', '--json');
      expect(r.code, JSON.stringify(damaged)).toBe(0);
      expect(details(r)[1], JSON.stringify(damaged)).toEqual(BY_RULES);
    }
    editMemo({ dishes: { [FALAFEL]: [null, 'chickpeas \u001b]0;pwned\u0007\u202e'] } });
    const r = await run('dufva', '--english');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('chickpeas ␛]0;pwned␇');
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  test('--no-cache neither reads nor writes the memo; --refresh does not read it, and writes what the rules say', async () => {
    await run('dufva');
    editMemo({ dishes: { [FALAFEL]: ['fish', 'as the memo says'] } });
    const before = readFileSync(cacheFile(), 'utf8');
    const r = await run('dufva', '--json', '--no-cache');
    expect(details(r)[1]).toEqual(BY_RULES);
    expect(readFileSync(cacheFile(), 'utf8')).toBe(before);
    const refreshed = await run('dufva', '--json', '--refresh');
    expect(details(refreshed)[1]).toEqual(BY_RULES);
    expect(memo().body.dishes[FALAFEL]).toEqual(['vegan', expect.stringContaining('falafel')]);
  });
});

describe('cache commands', () => {
  test('info: local times, human sizes; --json: ISO times and bytes; clear', async () => {
    await run('dufva');
    t.at(WEEKDAY + 2 * 60_000);
    await run('bikupan');
    const info = json(await t.runWith(['cache', 'info', '--json']));
    // The list, two menus, and the memo of their dishes.
    expect(info).toMatchObject({ status: 'cache_info', file: cacheFile(), state: 'ok', entries: 4, problem: null });
    expect(info.bytes).toBeGreaterThan(100);
    expect(Date.parse(info.oldest)).toBeLessThan(Date.parse(info.newest));
    const table = await t.runWith(['cache', 'info'], { columns: 80 });
    expect(table.stdout).toMatch(/^file +\S+cache\.json$/m);
    expect(table.stdout).toMatch(/^size +\d+(\.\d)? KB$/m);
    expect(table.stdout).toMatch(/^oldest +2026-12-02 11:30 \(2 min ago\)$/m);
    const cleared = await t.runWith(['cache', 'clear']);
    expect(cleared.stdout).toBe(`removed 4 cached entries from ${cacheFile()}\n`);
    expect(json(await t.runWith(['cache', 'info', '--json'])).entries).toBe(0);
  });

  test('a tiny cache is a few bytes, said as such', async () => {
    seedCache(t.api.url, {});
    expect((await t.runWith(['cache', 'info'], { columns: 80 })).stdout).toMatch(/^size +\d+ B$/m);
  });
});

describe('settings', () => {
  test('set, get (value and origin), list, unset', async () => {
    expect((await t.runWith(['config', 'set', 'api', `${t.api.url}/`])).stdout).toBe(`api = ${t.api.url}\n`);
    expect((await t.runWith(['config', 'get', 'api'])).stdout).toBe(`${t.api.url}\n`);
    expect((await t.runWith(['config', 'get', 'api'], { columns: 80 })).stdout).toBe(`${t.api.url}  (saved)\n`);
    const r = await t.runWith(['dufva']);
    expect(r.code, r.stderr).toBe(0);
    expect(t.api.calls.get('/restaurant/dufva')).toBe(1);
    const list = json(await t.runWith(['config', 'list', '--json'])).settings;
    expect(list).toContainEqual(expect.objectContaining({ key: 'api', value: t.api.url, from: 'saved' }));
    expect(list).toContainEqual(expect.objectContaining({ key: 'ttl', value: '1h', from: 'default', env: 'RESTAURANT_MENU_TTL' }));
    expect((await t.runWith(['config', 'unset', 'api'])).stdout).toBe('removed the saved api\n');
    const unset = await t.runWith(['config', 'get', 'api'], { columns: 80 });
    expect(unset).toMatchObject({ code: 0, stdout: 'https://menu.dckube.scilifelab.se/api  (default)\n' });
    expect((await t.runWith(['config', 'get', 'ttl'], { env: { RESTAURANT_MENU_TTL: '2m' }, columns: 80 })).stdout).toBe('2m  (from RESTAURANT_MENU_TTL)\n');
  });

  test('config list aligns its columns on a terminal', async () => {
    const lines = (await t.runWith(['config', 'list'], { columns: 100 })).stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    const originStart = lines.map((l) => l.length - l.split(/ {2,}/).at(-1)!.length);
    expect(new Set(originStart).size).toBe(1);
  });

  test('values are saved in canonical form', async () => {
    expect((await t.runWith(['config', 'set', 'ttl', '5'])).stdout).toBe('ttl = 5s\n');
    expect(JSON.parse(readFileSync(configFile(), 'utf8'))).toEqual({ ttl: '5s' });
  });

  test('precedence: flag > env > saved > default', async () => {
    const saved = await closedPortUrl();
    const envApi = await startMenuApi();
    try {
      await t.runWith(['config', 'set', 'api', saved]);
      expect((await t.runWith(['dufva'], { env: { RESTAURANT_MENU_API: envApi.url } })).code).toBe(0);
      expect(envApi.calls.get('/restaurant/dufva')).toBe(1);
      expect((await t.runWith(['--api', t.api.url, 'dufva', '--no-cache'], { env: { RESTAURANT_MENU_API: saved } })).code).toBe(0);
      expect(t.api.calls.get('/restaurant/dufva')).toBe(1);
      expect((await t.runWith(['dufva', '--no-cache'])).code).toBe(3); // the saved, unreachable one
    } finally {
      await envApi.close();
    }
  });

  test.each([
    [['config', 'set', 'ttl', 'banana'], /invalid duration 'banana'/],
    [['config', 'set', 'timeout', '25d'], /must be at most 10m \(got '25d'\)/],
    [['config', 'set', 'api', 'not a url'], /is not a URL/],
    [['config', 'set', 'colour', 'red'], /^restaurant-menu: unknown setting 'colour'\. Did you mean 'color'\?$/],
    [['config', 'set', 'favourites', 'dufva'], /^restaurant-menu: unknown setting 'favourites'\. Did you mean 'favorites'\?$/],
    [['config', 'set', 'diet', 'vegetarien'], /^restaurant-menu: diet: must be one of any, .* \(got 'vegetarien'; did you mean 'vegetarian'\?\)$/],
    [['config', 'set', 'english', 'maybe'], /^restaurant-menu: english: must be true or false/],
    [['config', 'set', 'version', '1'], /^restaurant-menu: unknown setting 'version' \(settings: /],
    [['config', 'set', 'port', '80'], /^restaurant-menu: unknown setting 'port' \(settings: api, timeout, ttl, region, diet, english, favorites, concurrency, color\)$/],
    [['config', 'set', 'concurrency', '100'], /must be a whole number from 1 to 16/],
  ])('%j is refused and changes nothing', async (args, pattern) => {
    await t.runWith(['config', 'set', 'ttl', '15m']);
    const before = readFileSync(configFile(), 'utf8');
    const r = await t.runWith(args);
    expectOneLine(r, 2, pattern);
    expect(readFileSync(configFile(), 'utf8')).toBe(before);
  });

  test('a damaged config file is moved aside, not erased, and the lookup still works', async () => {
    mkdirSync(configDir(), { recursive: true });
    writeFileSync(configFile(), '{"api": "http://exa');
    const r = await run('dufva');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/your config file .* was damaged \(it is not valid JSON\); moved it to .*config\.json\.bad-2026-12-02T10-30/);
    const files = readdirSync(configDir());
    const aside = files.find((f) => f.startsWith('config.json.bad-'))!;
    expect(readFileSync(join(configDir(), aside), 'utf8')).toBe('{"api": "http://exa');
    await t.runWith(['config', 'set', 'ttl', '30m']);
    expect(JSON.parse(readFileSync(configFile(), 'utf8'))).toEqual({ ttl: '30m' });
  });

  test('a bad environment value: config get/list show it as found, marked, with why (exit 0); a lookup refuses it', async () => {
    const env = { RESTAURANT_MENU_TTL: 'forever' };
    const get = await t.runWith(['config', 'get', 'ttl'], { env });
    expect(get).toMatchObject({ code: 0, stdout: 'forever\n' });
    expect(get.stderr).toBe("restaurant-menu: RESTAURANT_MENU_TTL: invalid duration 'forever': use a number of seconds or e.g. 90s, 15m, 2h (commands that use ttl refuse it until it is fixed)\n");
    const list = await t.runWith(['config', 'list'], { env, columns: 100 });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ttl +forever +from RESTAURANT_MENU_TTL, invalid$/m);
    expect(list.stdout).toMatch(/^region +all +default$/m);
    const body = json(await t.runWith(['config', 'list', '--json'], { env })).settings;
    expect(body).toContainEqual(expect.objectContaining({ key: 'ttl', value: 'forever', from: 'env', invalid: expect.stringMatching(/^RESTAURANT_MENU_TTL: invalid duration/) }));
    expectOneLine(await t.runWith(['--api', t.api.url, 'dufva'], { env }), 2, /^restaurant-menu: RESTAURANT_MENU_TTL: invalid duration 'forever'/);
  });

  test('a bad saved value is ignored with a note', async () => {
    mkdirSync(configDir(), { recursive: true });
    writeFileSync(configFile(), JSON.stringify({ ttl: 'forever', timeout: '25d' }));
    const r = await run('dufva');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ignoring the saved setting ttl: invalid duration 'forever'.*; to drop it: restaurant-menu config unset ttl\n/);
    expect(r.stderr).toMatch(/ignoring the saved setting timeout: must be at most 10m/);
  });

  test('config get on a terminal: an unset list reads "none (default)"; a bad value is marked invalid', async () => {
    const none = await t.runWith(['config', 'get', 'favorites'], { columns: 80 });
    expect(none).toMatchObject({ code: 0, stdout: 'none  (default)\n' });
    const bad = await t.runWith(['config', 'get', 'ttl'], { columns: 80, env: { RESTAURANT_MENU_TTL: 'forever' } });
    expect(bad.stdout).toBe('forever  (from RESTAURANT_MENU_TTL, invalid)\n');
  });

  test('config unset of a bad saved value removes it without the note about it', async () => {
    mkdirSync(configDir(), { recursive: true });
    writeFileSync(configFile(), JSON.stringify({ color: 'sometimes', ttl: 'forever' }));
    const r = await t.runWith(['config', 'unset', 'color'], { env: { NO_COLOR: undefined }, columns: 80 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/saved setting color/);
    expect(JSON.parse(readFileSync(configFile(), 'utf8'))).toEqual({ ttl: 'forever' });
  });

  test('a new settings file is 0600; an existing one keeps its mode', async () => {
    await t.runWith(['config', 'set', 'ttl', '5m']);
    expect(statSync(configFile()).mode & 0o777).toBe(0o600);
    chmodSync(configFile(), 0o640);
    await t.runWith(['config', 'set', 'ttl', '6m']);
    expect(statSync(configFile()).mode & 0o777).toBe(0o640);
  });

  test('settings under a directory that cannot be created: a clear error, exit 4, no hang', async () => {
    const r = await t.runWith(['config', 'set', 'ttl', '5m'], { env: { RESTAURANT_MENU_CONFIG_DIR: '/proc/restaurant-menu-test/config' } });
    expectOneLine(r, 4, /cannot save settings to \/proc\/restaurant-menu-test\/config\/config\.json \(a folder on its path does not exist\); nothing was changed/);
  });

  test('settings under a file: the reason in words, exit 4', async () => {
    writeFileSync(join(t.home.dir, 'a-file'), 'x');
    const r = await t.runWith(['config', 'set', 'ttl', '5m'], { env: { RESTAURANT_MENU_CONFIG_DIR: join(t.home.dir, 'a-file', 'config') } });
    expectOneLine(r, 4, /cannot save settings to .*a-file\/config\/config\.json \(a part of its path is a file, not a folder\); nothing was changed$/);
  });

  test('a cache directory under /proc: lookups work without caching, one note', async () => {
    const r = await t.runWith(['--api', t.api.url, 'dufva'], { env: { RESTAURANT_MENU_CACHE_DIR: '/proc/restaurant-menu-test/cache' } });
    expectOneLine(r, 0, /cannot write the cache .* \(a folder on its path does not exist\); continuing without saving/);
  });
});

// Every command meets every broken state of its file with one line and the documented exit code.
const fifo = (path: string) => execFileSync('mkfifo', [path]);
const STATES: Record<string, (path: string, other: string) => void> = {
  'a directory': (path) => mkdirSync(path),
  'a dangling link': (path) => symlinkSync('/nonexistent/restaurant-menu-target', path),
  'a link to a file of the user': (path, other) => {
    writeFileSync(other, '{"precious": true}', { mode: 0o600 });
    symlinkSync(other, path);
  },
  garbage: (path) => writeFileSync(path, Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37])),
  'a FIFO': (path) => fifo(path),
  'a link to /dev/zero': (path) => symlinkSync('/dev/zero', path),
};

describe.each(Object.keys(STATES))('cache.json is %s', (state) => {
  const prepare = () => {
    mkdirSync(cacheDir(), { recursive: true });
    STATES[state]!(cacheFile(), join(t.home.dir, 'precious.json'));
  };
  const untouched = () => {
    if (state === 'a link to a file of the user') {
      expect(lstatSync(cacheFile()).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(t.home.dir, 'precious.json'), 'utf8')).toBe('{"precious": true}');
      expect(statSync(join(t.home.dir, 'precious.json')).mode & 0o777).toBe(0o600);
    }
  };

  test('a lookup works, with at most two notes, and leaves what is there alone', async () => {
    prepare();
    const r = await run('dufva');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Uppsala\tdufva\tSven Dufva/);
    const notes = r.stderr.trimEnd().split('\n').filter(Boolean);
    expect(notes.length).toBeLessThanOrEqual(2);
    for (const note of notes) expect(note).toMatch(/^restaurant-menu: (cannot (read|write) the cache|ignoring the damaged cache file)/);
    // A link is said once, as what it is: not read as a damaged cache, then refused on writing.
    if (state.includes('link')) expect(notes).toEqual([expect.stringMatching(/cannot read the cache file .* \(it is a symbolic link, and is neither read nor written through\); continuing without a cache$/)]);
    untouched();
  });

  test('cache path, info and clear: one line each, documented exit codes', async () => {
    prepare();
    expect((await t.runWith(['cache', 'path'])).code).toBe(0);
    const info = await t.runWith(['cache', 'info']);
    expect([0, 4]).toContain(info.code); // 0 when readable (maybe damaged), 4 when not
    if (info.code === 4) expectOneLine(info, 4, /^restaurant-menu: cannot read the cache file .* \((it is a directory|it is not a regular file|it is a symbolic link, and is neither read nor written through)\)$/);
    const clear = await t.runWith(['cache', 'clear']);
    if (clear.code === 4) expectOneLine(clear, 4, /^restaurant-menu: cannot clear the cache file .* \(it (is a directory|is not a regular file|is a symbolic link, and is neither read nor written through)\)$/);
    else expect(clear.code).toBe(0);
    untouched();
  });
});

describe.each(['a directory', 'a dangling link', 'a link to a file of the user', 'garbage', 'a FIFO'])('config.json is %s', (state) => {
  const prepare = () => {
    mkdirSync(configDir(), { recursive: true });
    STATES[state]!(configFile(), join(t.home.dir, 'precious.json'));
  };

  test('lookups and config get/list work with defaults and at most one note', async () => {
    prepare();
    for (const args of [['--api', t.api.url, 'dufva'], ['config', 'get', 'ttl'], ['config', 'list']]) {
      const r = await t.runWith(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stderr.trimEnd().split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  test('config set and unset: saved (garbage is moved aside first) or exit 4, never through a link', async () => {
    prepare();
    const r = await t.runWith(['config', 'set', 'ttl', '5m']);
    if (state === 'garbage' || state === 'a dangling link') {
      // A dangling link is refused too: nothing is written through a link.
      if (state === 'garbage') expect(r.code, r.stderr).toBe(0);
      else expectOneLine(r, 4, /cannot save settings to .* \(it is a symbolic link, and is neither read nor written through\); nothing was changed/);
    } else {
      expectOneLine(r, 4, /cannot save settings to .*config\.json \((it is a directory|it is not a regular file|it is a symbolic link, and is neither read nor written through)\); nothing was changed$/);
    }
    if (state === 'a link to a file of the user') expect(readFileSync(join(t.home.dir, 'precious.json'), 'utf8')).toBe('{"precious": true}');
    const u = await t.runWith(['config', 'unset', 'ttl']);
    expect([0, 4]).toContain(u.code);
    expect(u.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the lock around a change', () => {
  const deadPid = () => {
    const child = spawnSync(process.execPath, ['-e', '0']);
    return child.pid!;
  };

  test('a lock left by a process that died is taken over', async () => {
    mkdirSync(configDir(), { recursive: true });
    writeFileSync(`${configFile()}.lock`, JSON.stringify({ pid: deadPid(), host: hostname() }));
    const r = await t.runWith(['config', 'set', 'ttl', '5m']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(`${configFile()}.lock`)).toBe(false);
  });

  test('a lock older than any change (by the file system clock) is taken over, even from a live pid', async () => {
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(`${cacheFile()}.lock`, JSON.stringify({ pid: process.pid, host: 'another-host' }));
    // Two minutes old by the file system's clock (which a shifted process clock does not move).
    const old = new Date(statSync(`${cacheFile()}.lock`).mtimeMs - 120_000);
    utimesSync(`${cacheFile()}.lock`, old, old);
    const r = await run('dufva');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(readCache().entries[`${t.api.url}/restaurant/dufva`]).toBeDefined();
  });
});

test('nothing of ours is left behind: no temp files, no lock', async () => {
  await run('today');
  await t.runWith(['config', 'set', 'ttl', '5m']);
  expect(readdirSync(cacheDir())).toEqual(['cache.json']);
  expect(readdirSync(configDir())).toEqual(['config.json']);
  expect(existsSync(`${cacheFile()}.lock`)).toBe(false);
});

// Files that are not ours to trust: another user's, or hand-edited into shapes we never write.
describe('files not to be trusted', () => {
  /** Gives a file to another user (nobody, 65534): the tests run as root (or with passwordless sudo) for this. */
  const giveAway = (path: string) => {
    if (process.getuid?.() === 0) chownSync(path, 65534, 65534);
    else execFileSync('sudo', ['-n', 'chown', '65534:65534', path]);
  };

  test("a cache file owned by another user is neither read nor replaced: one note, the answers come from the API", async () => {
    await run('dufva');
    giveAway(cacheFile());
    t.api.reset();
    const r = await run('dufva');
    expectOneLine(r, 0, /^restaurant-menu: cannot read the cache file .*cache\.json \(it belongs to another user\); continuing without a cache$/);
    expect(t.api.totalCalls()).toBe(2);
    expect(statSync(cacheFile()).uid).toBe(65534);
  });

  test('a settings file owned by another user is not read: defaults, one note; config set is refused, exit 4', async () => {
    await t.runWith(['config', 'set', 'region', 'solna']);
    giveAway(configFile());
    const get = await t.runWith(['config', 'get', 'region']);
    expect(get.stdout).toBe('all\n');
    expectOneLine(get, 0, /^restaurant-menu: cannot read your config file .*config\.json \(it belongs to another user\); using defaults$/);
    const set = await t.runWith(['config', 'set', 'region', 'uppsala']);
    expect(set.code).toBe(4);
    expect(set.stderr).toMatch(/^restaurant-menu: cannot save settings to .*config\.json \(it belongs to another user\); nothing was changed$/m);
    expect(set.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(readFileSync(configFile(), 'utf8'))).toEqual({ region: 'solna' });
  });

  test('a cache entry keyed __proto__ answers nothing (here: a forged restaurant list) and is dropped on the next write', async () => {
    mkdirSync(cacheDir(), { recursive: true });
    const forged = { [`${t.api.url}/restaurant`]: { fetchedAt: t.now(), body: [{ ...DUFVA, name: 'Forged Dufva' }] } };
    // Written as text: in a JS object literal, `__proto__` would set the prototype, not a key.
    writeFileSync(cacheFile(), `{"format":1,"entries":{"__proto__":${JSON.stringify({ fetchedAt: t.now(), body: [], ...forged })}}}`);
    const r = await run('dufva');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Uppsala\tdufva\tSven Dufva\t/);
    expect(t.api.calls.get('/restaurant')).toBe(1);
    expect(Object.keys(readCache().entries)).not.toContain('__proto__');
  });

  test('a cached body nested 200,000 deep drops that entry, not the cache: the next write works, without a note', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    await run('dufva');
    const text = readFileSync(cacheFile(), 'utf8').replace('"entries":{', `"entries":{"${t.api.url}/restaurant/deep":{"fetchedAt":${t.now()},"body":${deep}},`);
    writeFileSync(cacheFile(), text);
    t.api.reset();
    const r = await run('bikupan');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(t.api.calls.get('/restaurant')).toBeUndefined(); // the rest of the cache still served
    const entries = readCache().entries;
    expect(entries[`${t.api.url}/restaurant/bikupan`]).toBeDefined();
    expect(entries[`${t.api.url}/restaurant/dufva`]).toBeDefined();
    expect(entries[`${t.api.url}/restaurant/deep`]).toBeUndefined();
  });

  test('a settings file with __proto__, constructor and a non-text value: those are ignored (one clear note), the rest kept', async () => {
    mkdirSync(configDir(), { recursive: true });
    writeFileSync(configFile(), '{"__proto__":{"ttl":"5m"},"constructor":"x","timeout":{"toString":1},"diet":"vegan"}');
    const get = await t.runWith(['config', 'get', 'timeout']);
    expect(get.stdout).toBe('30s\n');
    expectOneLine(get, 0, /^restaurant-menu: ignoring the saved setting timeout: it is not a text, a number or true\/false; to drop it: restaurant-menu config unset timeout$/);
    expect((await t.runWith(['config', 'get', 'ttl'])).stdout).toBe('1h\n');
    expect((await t.runWith(['config', 'get', 'diet'])).stdout).toBe('vegan\n');
  });
});

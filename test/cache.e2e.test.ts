// The disk cache and saved settings, end to end: the built binary, a temp HOME, the stand-in API.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { closedPortUrl, startMenuApi } from './helpers/menu-api.js';
import { useStandIn } from './helpers/stand-in.js';

const t = useStandIn();
const run = t.run;
const cacheFile = () => join(t.box.home, '.cache', 'restaurant-menu', 'cache.json');
const configFile = () => join(t.box.home, '.config', 'restaurant-menu', 'config.json');
const readCache = () => JSON.parse(readFileSync(cacheFile(), 'utf8'));

/** Writes a cache file by hand: `entries` maps API paths to [fetchedAt, body]. */
function seedCache(base: string, entries: Record<string, [number, unknown]>) {
  mkdirSync(join(t.box.home, '.cache', 'restaurant-menu'), { recursive: true });
  const out = Object.fromEntries(Object.entries(entries).map(([path, [fetchedAt, body]]) => [base + path, { fetchedAt, body }]));
  writeFileSync(cacheFile(), JSON.stringify({ format: 1, entries: out }));
}

describe('repeat lookups', () => {
  test('a warm lookup makes zero requests and says it came from the cache', async () => {
    const cold = JSON.parse((await run('dufva', '--json')).stdout);
    expect(cold.source).toMatchObject({ fromCache: false, stale: false });
    expect(t.api.totalCalls()).toBe(2);
    t.api.reset();
    const warm = await run('dufva', '--json');
    expect(warm.code).toBe(0);
    expect(t.api.totalCalls()).toBe(0);
    const json = JSON.parse(warm.stdout);
    expect(json.source).toEqual({ fetchedAt: cold.source.fetchedAt, fromCache: true, stale: false });
    expect(json.dishes).toEqual(cold.dishes);
  });

  test('the cache lives in XDG_CACHE_HOME, or in RESTAURANT_MENU_CACHE_DIR', async () => {
    expect((await t.box.run(['cache', 'path'])).stdout.trim()).toBe(cacheFile());
    await run('dufva');
    expect(existsSync(cacheFile())).toBe(true);
    const dir = join(t.box.home, 'elsewhere');
    expect((await t.box.run(['cache', 'path'], { RESTAURANT_MENU_CACHE_DIR: dir })).stdout.trim()).toBe(join(dir, 'cache.json'));
  });

  test('entries are keyed by API base: another base (a relay) does not reuse them', async () => {
    await run('dufva');
    const other = await startMenuApi();
    try {
      await t.box.run(['--api', other.url, 'dufva']);
      expect(other.totalCalls()).toBe(2);
      expect(Object.keys(readCache().entries).sort()).toEqual(
        [`${t.api.url}/restaurant`, `${t.api.url}/restaurant/dufva`, `${other.url}/restaurant`, `${other.url}/restaurant/dufva`].sort(),
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
    await t.box.run(['config', 'set', 'ttl', '0s']);
    await run('dufva');
    expect(t.api.calls.get('/restaurant/dufva')).toBe(2);
  });

  test('an entry dated in the future (clock moved back) is expired, not fresh forever', async () => {
    const future = Date.now() + 86_400_000;
    seedCache(t.api.url, { '/restaurant': [future, []] });
    const r = await run('--json');
    expect(r.code).toBe(0);
    expect(t.api.calls.get('/restaurant')).toBe(1);
    expect(JSON.parse(r.stdout).source.fromCache).toBe(false);
    // ...and the rewrite pruned it.
    expect(readCache().entries[`${t.api.url}/restaurant`].fetchedAt).toBeLessThanOrEqual(Date.now());
  });

  test("pruning on write drops entries that can never be used: earlier days' menus, month-old lists", async () => {
    const menu = { title: 'x', region: 'y', homepage: '', mapUrl: '', dishes: [] };
    const other = 'http://127.0.0.1:9';
    seedCache(t.api.url, {
      '/restaurant/yesterday': [Date.now() - 86_400_000, menu],
      '/restaurant/ghost': [Date.now() - 40 * 86_400_000, menu],
    });
    const cache = readCache();
    cache.entries[`${other}/restaurant`] = { fetchedAt: Date.now() - 31 * 86_400_000, body: [] };
    cache.entries[`${other}/restaurant/bikupan`] = { fetchedAt: Date.now() - 1000, body: menu };
    writeFileSync(cacheFile(), JSON.stringify(cache));
    await run('dufva');
    expect(Object.keys(readCache().entries).sort()).toEqual(
      [`${other}/restaurant/bikupan`, `${t.api.url}/restaurant`, `${t.api.url}/restaurant/dufva`].sort(),
    );
  });
});

describe('honest answers while the API is down', () => {
  test('stale-if-error: a menu from today is served with its age; exit 0', async () => {
    await run('dufva', '--ttl', '0'); // fetched now, already expired for --ttl 0
    t.api.fault = '500';
    const r = await run('dufva', '--ttl', '0', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'found', dishes: ['Pytt i panna med rödbetor', 'Falafel med tahinisås'], source: { fromCache: true, stale: true } });
    expect(r.stderr).toMatch(/answered 500 Internal Server Error; showing the menu of Sven Dufva fetched \d+ s ago/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('stale-if-error when the API refuses connections, for the list too (any age)', async () => {
    const base = await closedPortUrl();
    const week = Date.now() - 7 * 86_400_000;
    seedCache(base, { '/restaurant': [week, [{ id: 'x', name: 'Gamla Stället', region: 'Uppsala', homepage: '', menuUrl: '', mapUrl: '' }]] });
    const r = await t.box.run(['--api', base, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).regions[0].restaurants[0].name).toBe('Gamla Stället');
    expect(r.stderr).toMatch(/connection refused\); showing the restaurant list fetched 7 days ago/);
  });

  test("yesterday's menu is never shown as today's: exit 3, saying when it was fetched", async () => {
    await run('dufva');
    const entries = readCache().entries;
    const yesterday = Date.now() - 86_400_000;
    seedCache(t.api.url, {
      '/restaurant': [entries[`${t.api.url}/restaurant`].fetchedAt, entries[`${t.api.url}/restaurant`].body],
      '/restaurant/dufva': [yesterday, entries[`${t.api.url}/restaurant/dufva`].body],
    });
    t.api.fault = '503';
    const r = await run('dufva');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/answered 503 .*; the last copy of the menu of Sven Dufva was fetched 24 h ago \(\w+ \d+ \w+ \d\d:\d\d\), not today, so it is not shown/);
  });

  test('a fresh menu from yesterday is not fresh today, even within its TTL', async () => {
    await run('dufva');
    const entries = readCache().entries;
    // 1 minute before the last Stockholm midnight: well within a 1 h TTL only if it is just past midnight,
    // so use a TTL long enough that only the day boundary can expire it.
    const body = entries[`${t.api.url}/restaurant/dufva`].body;
    seedCache(t.api.url, {
      '/restaurant': [entries[`${t.api.url}/restaurant`].fetchedAt, entries[`${t.api.url}/restaurant`].body],
      '/restaurant/dufva': [Date.now() - 86_400_000, { ...body, dishes: ['Gårdagens gryta'] }],
    });
    t.api.reset();
    const r = await run('dufva', '--ttl', '2d', '--json');
    expect(t.api.calls.get('/restaurant/dufva')).toBe(1);
    expect(JSON.parse(r.stdout).dishes).not.toContain('Gårdagens gryta');
  });
});

describe('a damaged cache is ignored and rebuilt', () => {
  test.each([
    ['garbage bytes', Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37])],
    ['a lone brace', '{'],
    ['a JSON array', '[1,2,3]'],
    ['entries of the wrong shape', JSON.stringify({ format: 1, entries: { a: 5, b: { fetchedAt: 'yesterday' } } })],
    ['a menu of the wrong shape', null],
  ])('%s', async (_, content) => {
    mkdirSync(join(t.box.home, '.cache', 'restaurant-menu'), { recursive: true });
    if (content === null) {
      seedCache(t.api.url, {
        '/restaurant': [Date.now(), [{ id: 'dufva', name: 'Sven Dufva', region: 'Uppsala', homepage: '', menuUrl: '', mapUrl: '' }]],
        '/restaurant/dufva': [Date.now(), { dishes: 'not a list' }],
      });
    } else writeFileSync(cacheFile(), content);
    const r = await run('dufva');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^restaurant\tSven Dufva/);
    expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(1);
    const rebuilt = readCache();
    expect(rebuilt.format).toBe(1);
    expect(Object.keys(rebuilt.entries)).toContain(`${t.api.url}/restaurant/dufva`);
    t.api.reset();
    await run('dufva');
    expect(t.api.totalCalls()).toBe(0);
  });
});

describe('a cache that cannot be written', () => {
  test.each([
    ['a file where the directory should be', (home: string) => {
      writeFileSync(join(home, 'blocker'), 'x');
      return join(home, 'blocker');
    }],
    // Node's recursive mkdir loops forever here (mkdir says ENOENT although /proc exists).
    ['a directory under /proc', () => '/proc/restaurant-menu-test/cache'],
    ['a directory where the cache file should be', (home: string) => {
      mkdirSync(join(home, 'c', 'cache.json'), { recursive: true });
      return join(home, 'c');
    }],
  ])('%s: works without caching, warns once', async (_, makeDir) => {
    const dir = makeDir(t.box.home);
    const r = await t.box.run(['--api', t.api.url, 'dufva'], { RESTAURANT_MENU_CACHE_DIR: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^restaurant\tSven Dufva/);
    const warnings = r.stderr.trim().split('\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/cannot write the cache in .*; continuing without a cache/);
  });
});

test('ten processes at once on a cold cache all succeed and leave a valid file', async () => {
  const names = ['dufva', 'bikupan', 'jons', 'jorpes', 'hubben', 'svarta', 'livet', 'nanna', 'omni', 'rudbeck'];
  const results = await Promise.all(names.map((n) => run(n)));
  for (const r of results) expect(r.code, r.stderr).toBe(0);
  const cache = readCache();
  expect(cache.format).toBe(1);
  expect(cache.entries[`${t.api.url}/restaurant`]).toBeDefined();
  // No temp files left behind by the atomic writes.
  expect(readdirSync(join(t.box.home, '.cache', 'restaurant-menu'))).toEqual(['cache.json']);
});

describe('cache commands', () => {
  test('info, clear', async () => {
    await run('dufva');
    await run('bikupan');
    const info = JSON.parse((await t.box.run(['cache', 'info', '--json'])).stdout);
    expect(info).toMatchObject({ file: cacheFile(), entries: 3 });
    expect(info.bytes).toBeGreaterThan(100);
    expect(Date.parse(info.oldest)).toBeLessThanOrEqual(Date.parse(info.newest));
    const cleared = await t.box.run(['cache', 'clear']);
    expect(cleared.stdout).toBe(`removed 3 cached entries from ${cacheFile()}\n`);
    expect(JSON.parse((await t.box.run(['cache', 'info', '--json'])).stdout).entries).toBe(0);
  });
});

describe('settings', () => {
  test('set, get, list, unset', async () => {
    expect((await t.box.run(['config', 'set', 'api', `${t.api.url}/`])).stdout).toBe(`api = ${t.api.url}\n`);
    expect((await t.box.run(['config', 'get', 'api'])).stdout).toBe(`${t.api.url}\n`);
    // The saved API is used without --t.api.
    const r = await t.box.run(['dufva']);
    expect(r.code, r.stderr).toBe(0);
    expect(t.api.calls.get('/restaurant/dufva')).toBe(1);
    const list = JSON.parse((await t.box.run(['config', 'list', '--json'])).stdout);
    expect(list).toContainEqual(expect.objectContaining({ key: 'api', value: t.api.url, from: 'saved' }));
    expect(list).toContainEqual(expect.objectContaining({ key: 'ttl', value: '1h', from: 'default' }));
    await t.box.run(['config', 'unset', 'api']);
    const unset = await t.box.run(['config', 'get', 'api']);
    expect(unset.code).toBe(1);
    expect(unset.stderr).toMatch(/api is not set/);
  });

  test('precedence: flag > env > saved > default', async () => {
    const saved = await closedPortUrl();
    const envApi = await startMenuApi();
    try {
      await t.box.run(['config', 'set', 'api', saved]);
      expect((await t.box.run(['dufva'], { RESTAURANT_MENU_API: envApi.url })).code).toBe(0);
      expect(envApi.calls.get('/restaurant/dufva')).toBe(1);
      expect((await t.box.run(['--api', t.api.url, 'dufva', '--no-cache'], { RESTAURANT_MENU_API: saved })).code).toBe(0);
      expect(t.api.calls.get('/restaurant/dufva')).toBe(1);
      expect((await t.box.run(['dufva', '--no-cache'])).code).toBe(3); // the saved, unreachable one
    } finally {
      await envApi.close();
    }
  });

  test.each([
    [['config', 'set', 'ttl', 'banana'], /invalid ttl 'banana'/],
    [['config', 'set', 'api', 'not a url'], /is not a URL/],
    [['config', 'set', 'colour', 'red'], /unknown setting 'colour'/],
    [['config', 'set', 'concurrency', '100'], /concurrency must be a whole number from 1 to 16/],
  ])('%j is refused and changes nothing', async (args, pattern) => {
    await t.box.run(['config', 'set', 'ttl', '15m']);
    const before = readFileSync(configFile(), 'utf8');
    const r = await t.box.run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(configFile(), 'utf8')).toBe(before);
  });

  test('a damaged config file is moved aside, not erased, and the lookup still works', async () => {
    mkdirSync(join(t.box.home, '.config', 'restaurant-menu'), { recursive: true });
    writeFileSync(configFile(), '{"api": "http://exa');
    const r = await run('dufva');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/your config file .* was damaged \(it is not valid JSON\); moved it to .*config\.json\.bad-/);
    const files = readdirSync(join(t.box.home, '.config', 'restaurant-menu'));
    const aside = files.find((f) => f.startsWith('config.json.bad-'))!;
    expect(readFileSync(join(t.box.home, '.config', 'restaurant-menu', aside), 'utf8')).toBe('{"api": "http://exa');
    expect(files).not.toContain('config.json');
    // Saving a setting afterwards starts a clean file.
    await t.box.run(['config', 'set', 'ttl', '30m']);
    expect(JSON.parse(readFileSync(configFile(), 'utf8'))).toEqual({ ttl: '30m' });
  });

  test('a bad saved value is ignored with a warning', async () => {
    mkdirSync(join(t.box.home, '.config', 'restaurant-menu'), { recursive: true });
    writeFileSync(configFile(), JSON.stringify({ ttl: 'forever' }));
    const r = await run('dufva');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ignoring the saved setting ttl: invalid ttl 'forever'/);
  });
});

test('settings that cannot be saved: a clear error, exit 4', async () => {
  mkdirSync(join(t.box.home, '.config', 'restaurant-menu', 'config.json'), { recursive: true });
  const r = await t.box.run(['config', 'set', 'ttl', '5m']);
  expect(r.code).toBe(4);
  expect(r.stderr).toMatch(/cannot save settings to .*config\.json \(EISDIR\); nothing was changed/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('settings under a directory that cannot be created: a clear error, exit 4, no hang', async () => {
  const r = await t.box.run(['config', 'set', 'ttl', '5m'], { RESTAURANT_MENU_CONFIG_DIR: '/proc/restaurant-menu-test/config' });
  expect(r.code).toBe(4);
  expect(r.stderr).toMatch(/cannot save settings to \/proc\/restaurant-menu-test\/config\/config\.json \(ENOENT\)/);
});

// The disk cache laid out one entry per line: a run parses only the entries it asks for, a file
// of the earlier one-line layout is read once and rewritten in lines, and a broken line is dropped
// alone. In-process, with the clock pinned (the fixture was written on WEEKDAY).
import { readFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { DISH_MEMO_PREFIX, FOOD_RULES } from '../../src/store/dish-memo.js';
import { cachedRestaurants } from '../../src/store/cache.js';
import { WEEKDAY } from '../helpers/clock.js';
import { useCli } from '../helpers/in-process.js';

const t = useCli();
const cacheDir = () => join(t.home.dir, '.cache', 'restaurant-menu');
const cacheFile = () => join(cacheDir(), 'cache.json');
const readCache = () => JSON.parse(readFileSync(cacheFile(), 'utf8'));
const HEAD = '{"format":1,"entries":{\n';
/** A cache file written by the build before this layout (`today`, then `dufva`, on WEEKDAY), API base replaced. */
const ONE_LINE = readFileSync(new URL('../fixtures/cache-one-line.json', import.meta.url), 'utf8');

afterEach(() => {
  vi.restoreAllMocks();
});

/** How many characters JSON.parse is given while `run` runs. */
async function charactersParsed<T>(run: () => Promise<T> | T): Promise<{ result: T; characters: number }> {
  let characters = 0;
  const parse = JSON.parse;
  vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) => {
    characters += String(text).length;
    return parse(text, reviver);
  });
  const result = await run();
  vi.restoreAllMocks();
  return { result, characters };
}

describe('a cache file of the earlier one-line layout', () => {
  const seed = () => {
    t.at(WEEKDAY + 60_000); // a minute after it was written
    mkdirSync(cacheDir(), { recursive: true });
    // Its dish memo is of that build's food rules: made this process's, so that it is used as such.
    const text = ONE_LINE.replaceAll('http://stand-in.invalid', t.api.url).replace(/"#dishes:[0-9a-f]+"/, JSON.stringify(DISH_MEMO_PREFIX + FOOD_RULES));
    writeFileSync(cacheFile(), text, { mode: 0o600 });
  };

  test('is read as it is (no request) and rewritten at once one entry per line, with the same entries, 0600', async () => {
    seed();
    const before = readCache();
    expect(ONE_LINE.split('\n')).toHaveLength(1);
    const r = await t.run('today', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/cache/);
    expect(t.api.totalCalls()).toBe(0);
    expect(JSON.parse(r.stdout).regions.length).toBeGreaterThan(0);
    const text = readFileSync(cacheFile(), 'utf8');
    expect(text.startsWith(HEAD)).toBe(true);
    expect(text.split('\n')).toHaveLength(Object.keys(before.entries).length + 3); // head, the entries, }}, and the final newline
    expect(readCache()).toEqual(before);
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
  });

  test('is rewritten once: the next runs read the lines and leave the file as it is', async () => {
    seed();
    await t.run('dufva');
    const migrated = statSync(cacheFile());
    const text = readFileSync(cacheFile(), 'utf8');
    expect(text.startsWith(HEAD)).toBe(true);
    await t.run('today');
    await t.run('dufva');
    expect(t.api.totalCalls()).toBe(0);
    expect(readFileSync(cacheFile(), 'utf8')).toBe(text);
    expect(statSync(cacheFile()).ino).toBe(migrated.ino); // never replaced since
  });

  test('a run that fetches merges its answer into the migrated entries', async () => {
    seed();
    const before = Object.keys(readCache().entries);
    const r = await t.run('dufva', '--refresh');
    expect(r.code, r.stderr).toBe(0);
    expect(t.api.totalCalls()).toBe(2);
    expect(Object.keys(readCache().entries).sort()).toEqual(before.sort());
    expect(readFileSync(cacheFile(), 'utf8').startsWith(HEAD)).toBe(true);
  });
});

describe('a warm run parses only the entries it asks for', () => {
  /** The real list and menus from a cold run, plus 2,000 menus of restaurants the lookups never ask for, in lines. */
  async function bigCache() {
    await t.run('today');
    const cache = readCache();
    const menu = { title: 'Elsewhere', region: 'Nowhere', homepage: 'https://example.org/', mapUrl: '', dishes: ['Dagens kycklinggryta med ris', 'Vegetarisk lasagne', 'Stekt lax med dillsås'] };
    for (let i = 0; i < 2000; i++) cache.entries[`${t.api.url}/restaurant/other${i}`] = { fetchedAt: t.now(), body: { ...menu, title: `Elsewhere ${i}` } };
    writeFileSync(cacheFile(), JSON.stringify(cache));
    await t.run('dufva'); // rewrites it in lines
    expect(readFileSync(cacheFile(), 'utf8').startsWith(HEAD)).toBe(true);
    t.api.reset();
    return statSync(cacheFile()).size;
  }

  test('a warm lookup parses under a fifth of a 2,000-menu file: the list, its menu and the dish memo', async () => {
    const size = await bigCache();
    const { result, characters } = await charactersParsed(() => t.run('dufva', '--json'));
    expect(result.code, result.stderr).toBe(0);
    expect(t.api.totalCalls()).toBe(0);
    expect(JSON.parse(result.stdout).source.fromCache).toBe(true);
    expect(characters).toBeLessThan(size / 5);
  });

  test('the cached restaurant names (completion, routing) come from the list entries alone', async () => {
    const size = await bigCache();
    const { result, characters } = await charactersParsed(() => cachedRestaurants(cacheDir()));
    expect(result.map((r) => r.id)).toContain('dufva');
    expect(characters).toBeLessThan(size / 5);
  });
});

describe('a line that does not read as an entry is dropped alone', () => {
  test('bad JSON, a body 200,000 deep, a __proto__ key, a stray line: the rest is served, and the next write drops them', async () => {
    await t.run('dufva');
    const now = t.now();
    const forged = JSON.stringify([{ id: 'dufva', name: 'Forged Dufva', region: 'Uppsala', homepage: '', menuUrl: '', mapUrl: '' }]);
    const bad = [
      `"${t.api.url}/restaurant/broken":{"fetchedAt":${now},"body":{"title":"x",}},`,
      `"${t.api.url}/restaurant/deep":{"fetchedAt":${now},"body":${'['.repeat(200_000)}${']'.repeat(200_000)}},`,
      `"__proto__":{"fetchedAt":${now},"body":${forged}},`,
      `"${t.api.url}/restaurant/undated":{"fetchedAt":"soon","body":{}},`,
      'not an entry at all,',
    ];
    const written = readFileSync(cacheFile(), 'utf8');
    expect(written.startsWith(HEAD)).toBe(true);
    writeFileSync(cacheFile(), HEAD + bad.join('\n') + '\n' + written.slice(HEAD.length));
    t.api.reset();
    const warm = await t.run('dufva');
    expect(warm.code, warm.stderr).toBe(0);
    expect(warm.stderr).toBe('');
    expect(warm.stdout).toMatch(/^Uppsala\tdufva\tSven Dufva\t/);
    expect(t.api.totalCalls()).toBe(0);
    const info = JSON.parse((await t.runWith(['cache', 'info', '--json'])).stdout);
    expect(info).toMatchObject({ state: 'ok', entries: 3 }); // the list, dufva's menu, the dish memo
    await t.run('bikupan');
    expect(t.api.calls.get('/restaurant')).toBeUndefined();
    expect(Object.keys(readCache().entries).filter((k) => !k.startsWith('#')).sort()).toEqual([`${t.api.url}/restaurant`, `${t.api.url}/restaurant/bikupan`, `${t.api.url}/restaurant/dufva`]);
  });

  test('entry lines ending in CRLF (a Windows editor) read as well: no request', async () => {
    await t.run('dufva');
    const written = readFileSync(cacheFile(), 'utf8');
    expect(written.startsWith(HEAD)).toBe(true);
    writeFileSync(cacheFile(), HEAD + written.slice(HEAD.length).replaceAll('\n', '\r\n'));
    t.api.reset();
    const r = await t.run('dufva');
    expect(r.code, r.stderr).toBe(0);
    expect(t.api.totalCalls()).toBe(0);
  });
});

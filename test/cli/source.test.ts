// MenuSource with an injected clock: what is fresh, what may stand in while the API is down,
// what is pruned, and the one time budget for a whole command.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DiskCache } from '../../src/store/cache.js';
import { Notices } from '../../src/cli/notices.js';
import { MenuSource } from '../../src/menu/source.js';
import type { StaleUse } from '../../src/render/wording.js';
import { DAY, HOUR, stockholm, WEEKDAY } from '../helpers/clock.js';
import { startMenuApi, type MenuApi } from '../helpers/menu-api.js';

let api: MenuApi;
let dir: string;
beforeAll(async () => {
  api = await startMenuApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  dir = mkdtempSync(join(tmpdir(), 'rm-source-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A source on a clock the test sets; each call is a new "run" that shares the cache directory. */
function sourceAt(now: number | (() => number), options: { ttl?: number; timeout?: number } = {}) {
  const stale: StaleUse[] = [];
  const source = new MenuSource({
    api: api.url,
    timeoutMs: options.timeout ?? 30_000,
    menuTtlMs: options.ttl ?? HOUR,
    cacheMode: 'use',
    cache: new DiskCache(dir, new Notices()),
    onStale: (use) => stale.push(use),
    now: typeof now === 'number' ? () => now : now,
    retryDelayMs: () => 0,
  });
  return { source, stale };
}

const dufva = async (now: number, options?: { ttl?: number }) => {
  const { source, stale } = sourceAt(now, options);
  const { restaurants } = await source.restaurants();
  const result = await source.menu(restaurants.find((r) => r.id === 'dufva')!);
  await source.flush();
  return { ...result, stale };
};

describe('MenuSource', () => {
  test('fresh within the TTL: no request', async () => {
    await dufva(WEEKDAY);
    api.reset();
    const warm = await dufva(WEEKDAY + 59 * 60_000);
    expect(warm.source).toMatchObject({ fromCache: true, stale: false });
    expect(api.totalCalls()).toBe(0);
  });

  test('past the TTL: asked again', async () => {
    await dufva(WEEKDAY);
    api.reset();
    expect((await dufva(WEEKDAY + HOUR)).source.fromCache).toBe(false);
    expect(api.calls.get('/restaurant/dufva')).toBe(1);
  });

  test("never past Stockholm midnight, whatever the TTL", async () => {
    const late = stockholm('2026-12-02T23:59');
    await dufva(late, { ttl: DAY });
    api.reset();
    expect((await dufva(late + 2 * 60_000, { ttl: DAY })).source.fromCache).toBe(false);
  });

  test('API down: a copy from today stands in, told once to the run', async () => {
    await dufva(WEEKDAY);
    api.fault = '503';
    const r = await dufva(WEEKDAY + 2 * HOUR);
    expect(r.source).toMatchObject({ fromCache: true, stale: true });
    expect(r.stale.map((u) => u.what)).toEqual(['the menu of Sven Dufva']);
  });

  test("API down: a copy from an earlier Stockholm day is refused (a 25-hour day included)", async () => {
    await dufva(stockholm('2026-10-24T23:30'));
    api.fault = '503';
    // 25 October 2026 has 25 hours; 00:20 is less than an hour of wall time after 23:30, but another day.
    await expect(dufva(stockholm('2026-10-25T00:20'))).rejects.toThrow(/not today, so it is not shown/);
  });

  test('a future-dated copy is neither fresh nor used while the API is down', async () => {
    await dufva(WEEKDAY + HOUR);
    api.reset();
    expect((await dufva(WEEKDAY)).source.fromCache).toBe(false);
  });

  test('one write per run, pruned: earlier days and future-dated entries are dropped', async () => {
    await dufva(WEEKDAY - DAY);
    await dufva(WEEKDAY);
    const entries = Object.keys(JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')).entries);
    expect(entries.sort()).toEqual([`${api.url}/restaurant`, `${api.url}/restaurant/dufva`]);
  });

  test('one time budget for the whole run: a hung API fails within it, however many calls were due', async () => {
    api.fault = 'hang';
    const { source } = sourceAt(Date.now, { timeout: 1_000 });
    const started = performance.now();
    await expect(source.restaurants()).rejects.toThrow(/did not answer within 1 s/);
    expect(performance.now() - started).toBeLessThan(2_500); // a hang guard, not a speed test
    expect(api.calls.get('/restaurant')).toBe(1); // no retry once the budget is spent
  });
});

// The dish memo against a disk cache in a temp dir and a clock the test moves: what it reads, what
// it writes back, and a run that crosses Stockholm midnight.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { DISH_MEMO_PREFIX, StoredDishMemo } from '../../src/store/dish-memo.js';
import { DiskCache } from '../../src/store/cache.js';
import { Notices } from '../../src/cli/notices.js';
import { stockholm } from '../helpers/clock.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const KEY = `${DISH_MEMO_PREFIX}r1`;

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'rm-memo-'));
  dirs.push(dir);
  let now = stockholm('2026-12-02T11:30');
  return {
    clock: { set: (ms: number) => (now = ms) },
    /** One run: its cache and memo, and a flush at its end that keeps everything. */
    run(read = true) {
      const cache = new DiskCache(dir, new Notices());
      const memo = new StoredDishMemo(cache, () => now, read, 'r1');
      return { memo, end: () => cache.flush(() => true) };
    },
    stored: () => JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')).entries[KEY],
  };
}

test('what one run remembers, the next run of the same day reads; it adds to it, and writes nothing when it adds nothing', async () => {
  const m = setUp();
  const first = m.run();
  expect(first.memo.get('Lax')).toBeUndefined();
  first.memo.remember('Lax', { diet: 'fish', english: 'salmon' });
  await first.end();
  const second = m.run();
  expect(second.memo.get('Lax')).toEqual({ diet: 'fish', english: 'salmon' });
  second.memo.remember('Soppa', { diet: undefined, english: 'soup' });
  await second.end();
  expect(m.stored().body.dishes).toEqual({ Lax: ['fish', 'salmon'], Soppa: [null, 'soup'] });
  const written = m.stored().fetchedAt;
  m.clock.set(stockholm('2026-12-02T15:00'));
  const third = m.run();
  third.memo.remember('Lax', { diet: 'fish', english: 'salmon' });
  await third.end();
  expect(m.stored().fetchedAt).toBe(written);
});

test('on the next day the memo starts afresh', async () => {
  const m = setUp();
  const first = m.run();
  first.memo.remember('Lax', { diet: 'fish', english: 'salmon' });
  await first.end();
  m.clock.set(stockholm('2026-12-03T00:00') + 1_000);
  const next = m.run();
  expect(next.memo.get('Lax')).toBeUndefined();
  next.memo.remember('Soppa', { diet: undefined, english: 'soup' });
  await next.end();
  expect(m.stored().body.dishes).toEqual({ Soppa: [null, 'soup'] });
});

test('a run that crosses midnight between reading and remembering does not carry the earlier day into the new one', async () => {
  const m = setUp();
  const first = m.run();
  first.memo.remember('Lax', { diet: 'fish', english: 'salmon' });
  await first.end();
  m.clock.set(stockholm('2026-12-02T23:59') + 59_000);
  const late = m.run();
  expect(late.memo.get('Lax')).toEqual({ diet: 'fish', english: 'salmon' });
  m.clock.set(stockholm('2026-12-03T00:00') + 1_000);
  late.memo.remember('Soppa', { diet: undefined, english: 'soup' });
  await late.end();
  expect(m.stored()).toEqual({ fetchedAt: stockholm('2026-12-03T00:00') + 1_000, body: { dishes: { Soppa: [null, 'soup'] } } });
});

test('not reading (--refresh): nothing is taken from the memo, and what the rules say now replaces it', async () => {
  const m = setUp();
  const first = m.run();
  first.memo.remember('Lax', { diet: 'meat', english: 'wrong' });
  await first.end();
  const refresh = m.run(false);
  expect(refresh.memo.get('Lax')).toBeUndefined();
  refresh.memo.remember('Lax', { diet: 'fish', english: 'salmon' });
  await refresh.end();
  expect(m.stored().body.dishes).toEqual({ Lax: ['fish', 'salmon'] });
});

test('dish texts that are names of Object.prototype members are plain keys', async () => {
  const m = setUp();
  const first = m.run();
  for (const text of ['__proto__', 'constructor', 'toString']) first.memo.remember(text, { diet: 'vegan', english: text });
  await first.end();
  const second = m.run();
  for (const text of ['__proto__', 'constructor', 'toString']) expect(second.memo.get(text)).toEqual({ diet: 'vegan', english: text });
  expect(second.memo.get('hasOwnProperty')).toBeUndefined();
});

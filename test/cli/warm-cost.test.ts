// What a warm run does with what it reads back from the disk cache, counted, not timed (the time
// is bench/today.ts's): cached text is checked, and neutralised again only when it needs it (an
// old or hand-edited file), once per text, and only for what the run asks for. neutralise() is
// counted through a wrapper of text.js.
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { DiskCache } from '../../src/store/cache.js';
import { stockholm } from '../helpers/clock.js';

const counted = vi.hoisted(() => ({ neutralise: 0 }));
vi.mock('../../src/text.js', async (importOriginal) => {
  const text = await importOriginal<typeof import('../../src/text.js')>();
  return {
    ...text,
    neutralise: (s: string) => {
      counted.neutralise++;
      return text.neutralise(s);
    },
  };
});

// The suite shares modules between files (isolate: false): imported afresh, to see the counting neutralise().
let memoModule: typeof import('../../src/store/dish-memo.js');
let model: typeof import('../../src/api/model.js');
beforeAll(async () => {
  vi.resetModules();
  memoModule = await import('../../src/store/dish-memo.js');
  model = await import('../../src/api/model.js');
});
afterEach(() => {
  counted.neutralise = 0;
});

const NOW = stockholm('2026-12-02T11:30');

test("a run's dishes are looked up in the day's stored memo: only the texts it asks for are checked", () => {
  const dishes: Record<string, unknown> = {};
  for (let i = 0; i < 1_000; i++) dishes[`Dagens ${i}: kycklinggryta`] = ['meat', `Today's ${i}: chicken stew`];
  dishes['Evil'] = ['meat', 'chicken \u001b[2J stew'];
  dishes['Bad'] = ['cheese', null];
  const cache = { get: () => ({ fetchedAt: NOW - 60_000, body: { dishes } }), put: () => {} } as unknown as DiskCache;
  const memo = new memoModule.StoredDishMemo(cache, () => NOW, true, 'r1');
  counted.neutralise = 0;
  expect(memo.get('Dagens 7: kycklinggryta')).toEqual({ diet: 'meat', english: "Today's 7: chicken stew" });
  expect(memo.get('Dagens 7: kycklinggryta')).toEqual({ diet: 'meat', english: "Today's 7: chicken stew" });
  expect(memo.get('Dagens 8: kycklinggryta')).toEqual({ diet: 'meat', english: "Today's 8: chicken stew" });
  expect(memo.get('Evil')).toEqual({ diet: 'meat', english: 'chicken ␛[2J stew' });
  expect(memo.get('Bad')).toBeUndefined();
  expect(memo.get('toString')).toBeUndefined();
  expect(memo.get('Dagens 1000: kycklinggryta')).toBeUndefined();
  expect(counted.neutralise).toBe(3);
});

test('a cached restaurant list: each identifier is checked once, not neutralised three times', () => {
  const list = Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, name: `Restaurang ${i}`, region: 'Uppsala', homepage: '', menuUrl: '', mapUrl: '' }));
  counted.neutralise = 0;
  const restaurants = model.cachedRestaurantList([...list, { ...list[0]!, id: 'r\u001b' }, { ...list[0]!, id: '..' }]);
  expect(restaurants?.map((r) => r.id)).toEqual([...list.map((r) => r.id), 'r␛']);
  // Identifier, name, region: once each.
  expect(counted.neutralise).toBeLessThanOrEqual(3 * (list.length + 2) + 4);
});

// Dish text is written by strangers: the food rules must do work linear in it, and read at most
// MAX_ANALYSED_CHARS of one dish. Proved by counting the work (src/food/limits.ts's meter: the
// characters every glossary lookup hashes, one per step of a scan over a dish's words), never by
// the clock; `npm run bench:food` times the same shapes.
import { afterEach, describe, expect, test } from 'vitest';
import { dietOf } from '../../src/food/diet.js';
import { englishGloss } from '../../src/food/gloss.js';
import { analyse } from '../../src/food/glossary.js';
import { MAX_ANALYSED_CHARS, MAX_COMPOUND_CHARS, meterWork } from '../../src/food/limits.js';
import { compileQuery, matchesDish } from '../../src/food/search.js';
import { hostileDishes, ordinaryDishes, MB } from '../helpers/hostile-dishes.js';

/**
 * Work per character of text that no dish, ordinary or hostile, may exceed. Measured: ordinary
 * dishes 0.14 (menus repeat words, and words are memoised), the hostile shapes up to 3 (many short
 * compounds, all different, each split). Before the rules were bounded, one long word of 4 KB took
 * some 10^10, and 4 KB of repeated negations, "fri" or "vego" some 60 per character (a scan per word).
 */
const WORK_PER_CHAR = 16;

class OverBudget extends Error {}

/**
 * Everything the rules do with a dish (its diet, its gloss, a search), with the meter on. The meter
 * throws as soon as the budget is spent, so rules that are not linear fail at once, not after hours.
 */
function analyseAll(dishes: readonly string[], budget: number): number {
  let spent = 0;
  meterWork((units) => {
    spent += units;
    if (spent > budget) throw new OverBudget(`over the budget of ${budget} units of work`);
  });
  const query = compileQuery('kycklinggryta vegetarian chicken')!;
  try {
    for (const dish of dishes) {
      dietOf(dish);
      englishGloss(dish);
      matchesDish(query, dish);
    }
  } finally {
    meterWork(undefined);
  }
  return spent;
}

afterEach(() => meterWork(undefined));

describe('the food rules do work linear in hostile dish text', () => {
  test('1 MB of ordinary dishes: the meter sees the work, within the budget', () => {
    const dishes = ordinaryDishes(MB);
    const chars = dishes.reduce((n, d) => n + d.length, 0);
    const spent = analyseAll(dishes, WORK_PER_CHAR * chars);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(WORK_PER_CHAR * chars);
  });

  for (const [shape, make] of Object.entries(hostileDishes)) {
    test(`${shape}: 1 MB as dishes of ${MAX_ANALYSED_CHARS} characters, within ${WORK_PER_CHAR} units per character`, () => {
      const dishes = make(MB, MAX_ANALYSED_CHARS);
      const chars = dishes.reduce((n, d) => n + d.length, 0);
      expect(chars).toBeGreaterThanOrEqual(MB);
      expect(analyseAll(dishes, WORK_PER_CHAR * chars)).toBeLessThanOrEqual(WORK_PER_CHAR * chars);
    });

    test(`${shape}: one dish of 1 MB costs no more than one of ${MAX_ANALYSED_CHARS} characters`, () => {
      const [dish] = make(MB, MB);
      expect(dish!.length).toBeGreaterThanOrEqual(MB);
      expect(analyseAll([dish!], WORK_PER_CHAR * MAX_ANALYSED_CHARS)).toBeLessThanOrEqual(WORK_PER_CHAR * MAX_ANALYSED_CHARS);
      // Every analysed word comes from the first MAX_ANALYSED_CHARS characters.
      const analysed = analyse(dish!);
      expect(analysed.reduce((n, u) => n + u.text.length + 1, 0)).toBeLessThanOrEqual(MAX_ANALYSED_CHARS + 1);
    });
  }
});

describe('the caps', () => {
  test('a word longer than the compound cap is not split; one at the cap still is', () => {
    // "kyckling" + "gryta" repeated: known parts throughout.
    const long = 'kycklinggryta'.repeat(4); // 52 characters
    const atCap = `kyckling${'lax'.repeat(9)}gryta`; // 40 characters
    expect(atCap.length).toBe(MAX_COMPOUND_CHARS);
    expect(analyse(atCap)[0]!.parts?.length).toBe(11);
    expect(analyse(long)[0]!.parts).toBeUndefined();
    // The word is still seen to start with chicken: a dish with it is meat, not unknown.
    expect(dietOf(long)).toBe('meat');
  });

  test('a dish longer than the analysed cap is never called vegan, vegetarian or fish from its first part', () => {
    const filler = 'tomatsås och '.repeat(Math.ceil(MAX_ANALYSED_CHARS / 13));
    expect(dietOf(`Pasta med ${filler}basilika`)).toBeUndefined();
    expect(dietOf(`Lax med ${filler}potatis`)).toBeUndefined();
    // Meat in the part read is still meat.
    expect(dietOf(`Kyckling med ${filler}ris`)).toBe('meat');
    // Under the cap, the same kind of text is judged as ever.
    expect(dietOf('Pasta med tomatsås och tomatsås och basilika')).toBe('vegan');
  });
});

describe('words that are also Object.prototype properties', () => {
  test('"constructor" is an unknown word, not a label, and not a diet in search', () => {
    expect(dietOf('Pasta med tomatsås (constructor)')).toBeUndefined();
    expect(dietOf('Constructor')).toBeUndefined();
    expect(englishGloss('Constructor, köttbullar')).toBe('meatballs');
    expect(matchesDish(compileQuery('constructor')!, 'Pasta med tomatsås')).toBe(false);
  });
});

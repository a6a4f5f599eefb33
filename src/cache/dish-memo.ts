// The disk cache's memo of what the food rules said of dish texts, one entry:
//   "#dishes": { "fetchedAt": <ms>, "body": { "rules": "<hash>", "dishes": { "<text>": [<diet> | null, <english> | null] } } }
// It counts only for the rules it was written with (a hash of src/food/ made by the build) and on
// the Stockholm day it was written: so it holds one day's dishes, and the first write of a new day
// prunes it with the menus. Read back through the same checks as any cached text (a hand-edited
// file may hold anything). Runs that write at once may drop each other's additions: the texts are
// then described again, and remembered by a later run.
import type { Described, DishMemo } from '../dishes.js';
import { DIETS, type Diet } from '../food/filter.js';
import { stockholmDate } from '../stockholm.js';
import { neutralise } from '../text.js';
import type { DiskCache } from './store.js';

declare const __FOOD_RULES__: string | undefined;

/** Set by the build from the food rules' source; tests that import src/ see 'dev'. */
export const FOOD_RULES: string = typeof __FOOD_RULES__ === 'string' ? __FOOD_RULES__ : 'dev';
export const DISH_MEMO_KEY = '#dishes';

type Stored = [diet: Diet | null, english: string | null];

export class StoredDishMemo implements DishMemo {
  private known: Map<string, Described> | undefined;
  /** What this run writes back: the day's memo as read, plus what it added. */
  private written: Record<string, Stored> | undefined;

  constructor(
    private readonly cache: DiskCache,
    private readonly now: () => number,
    private readonly rules = FOOD_RULES,
  ) {}

  get(dish: string): Described | undefined {
    return this.load().get(dish);
  }

  remember(dish: string, described: Described): void {
    const known = this.load();
    if (known.has(dish)) return;
    known.set(dish, described);
    if (!this.written) {
      this.written = Object.create(null) as Record<string, Stored>;
      for (const [text, d] of known) this.written[text] = [d.diet ?? null, d.english];
      this.cache.put(DISH_MEMO_KEY, { fetchedAt: this.now(), body: { rules: this.rules, dishes: this.written } });
    }
    this.written[dish] = [described.diet ?? null, described.english];
  }

  private load(): Map<string, Described> {
    if (this.known) return this.known;
    this.known = new Map();
    const entry = this.cache.get(DISH_MEMO_KEY);
    const body = entry?.body as { rules?: unknown; dishes?: unknown } | null | undefined;
    const now = this.now();
    if (!entry || entry.fetchedAt > now || stockholmDate(entry.fetchedAt) !== stockholmDate(now)) return this.known;
    if (typeof body !== 'object' || body === null || body.rules !== this.rules) return this.known;
    if (typeof body.dishes !== 'object' || body.dishes === null || Array.isArray(body.dishes)) return this.known;
    for (const [text, value] of Object.entries(body.dishes)) {
      if (!Array.isArray(value) || value.length !== 2) continue;
      const [diet, english] = value as unknown[];
      if (!(diet === null || DIETS.includes(diet as Diet)) || !(english === null || typeof english === 'string')) continue;
      this.known.set(text, { diet: (diet as Diet | null) ?? undefined, english: english === null ? null : neutralise(english) || null });
    }
    return this.known;
  }
}

// The disk cache's memo of what the food rules said of dish texts, one entry per build of the rules:
//   "#dishes:<rules>": { "fetchedAt": <ms>, "body": { "dishes": { "<text>": [<diet> | null, <english> | null] } } }
// <rules> is a hash of every source file the food rules are built from (made by scripts/build.js),
// so another build never reads it. It counts only on the Stockholm day it was written: it holds one
// day's dishes, and the first write of a new day prunes it with the menus. Read back through the
// same checks as any cached text (a hand-edited file may hold anything). Runs that write at once
// may drop each other's additions: those texts are described again, and remembered by a later run.
import type { Described, DishMemo } from '../menu/dishes.js';
import { DIETS, type Diet } from '../food/filter.js';
import { sameStockholmDay } from '../menu/stockholm.js';
import { neutralise } from '../text.js';
import type { DiskCache } from './cache.js';

declare const __FOOD_RULES__: string | undefined;

/**
 * The build's hash of the food rules. Run from src/ (tests, tsx), the rules may have been edited
 * since any memo was written: a token of this process then, so no memo outlives it.
 */
export const FOOD_RULES: string = typeof __FOOD_RULES__ === 'string' ? __FOOD_RULES__ : `dev-${process.pid}-${Math.random().toString(36).slice(2)}`;
export const DISH_MEMO_PREFIX = '#dishes:';

type Stored = [diet: Diet | null, english: string | null];

export class StoredDishMemo implements DishMemo {
  private known: Map<string, Described> | undefined;
  /** When it was read. */
  private readAt = 0;
  /** What this run writes back: the day's memo as read, plus what it added. */
  private written: Record<string, Stored> | undefined;
  private readonly key: string;

  constructor(
    private readonly cache: DiskCache,
    private readonly now: () => number,
    /** false (--refresh): start afresh, and write what the rules say now. */
    private readonly read = true,
    rules = FOOD_RULES,
  ) {
    this.key = DISH_MEMO_PREFIX + rules;
  }

  get(dish: string): Described | undefined {
    return this.load().get(dish);
  }

  remember(dish: string, described: Described): void {
    const known = this.load();
    if (known.has(dish)) return;
    known.set(dish, described);
    if (!this.written) {
      const now = this.now();
      this.written = Object.create(null) as Record<string, Stored>;
      // Past midnight since the read (a long run), what was read belongs to yesterday's memo.
      if (sameStockholmDay(this.readAt, now)) for (const [text, d] of known) this.written[text] = [d.diet ?? null, d.english];
      this.cache.put(this.key, { fetchedAt: now, body: { dishes: this.written } });
    }
    this.written[dish] = [described.diet ?? null, described.english];
  }

  private load(): Map<string, Described> {
    if (this.known) return this.known;
    this.known = new Map();
    const now = (this.readAt = this.now());
    const entry = this.read ? this.cache.get(this.key) : undefined;
    if (!entry || !sameStockholmDay(entry.fetchedAt, now)) return this.known;
    const dishes = (entry.body as { dishes?: unknown } | null)?.dishes;
    if (typeof dishes !== 'object' || dishes === null || Array.isArray(dishes)) return this.known;
    for (const [text, value] of Object.entries(dishes)) {
      if (!Array.isArray(value) || value.length !== 2) continue;
      const [diet, english] = value as unknown[];
      if (!(diet === null || DIETS.includes(diet as Diet)) || !(english === null || typeof english === 'string')) continue;
      this.known.set(text, { diet: (diet as Diet | null) ?? undefined, english: english === null ? null : neutralise(english) || null });
    }
    return this.known;
  }
}

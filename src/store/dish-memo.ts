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

/** A stored value as the model knows it, or undefined when it is not one (a hand-edited file may hold anything). */
function described(value: unknown): Described | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [diet, english] = value as unknown[];
  if (!(diet === null || DIETS.includes(diet as Diet)) || !(english === null || typeof english === 'string')) return undefined;
  return { diet: (diet as Diet | null) ?? undefined, english: english === null ? null : neutralise(english) || null };
}

export class StoredDishMemo implements DishMemo {
  /** What was checked of the stored memo, and what this run added. */
  private readonly known = new Map<string, Described>();
  /**
   * The day's stored memo as parsed, each text checked only when asked for (a run asks for its
   * own dishes, not for every text the day's runs have seen); undefined before it is read.
   */
  private stored: Record<string, unknown> | null | undefined;
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
    const known = this.known.get(dish);
    if (known) return known;
    const stored = this.load();
    if (!stored || !Object.hasOwn(stored, dish)) return undefined;
    const value = described(stored[dish]);
    if (value) this.known.set(dish, value);
    return value;
  }

  remember(dish: string, described: Described): void {
    if (this.get(dish)) return;
    if (!this.written) {
      const now = this.now();
      this.written = Object.create(null) as Record<string, Stored>;
      // Past midnight since the read (a long run), what was read belongs to yesterday's memo.
      if (sameStockholmDay(this.readAt, now)) {
        const stored = this.load();
        for (const text in stored) if (Object.hasOwn(stored, text)) this.get(text);
        for (const [text, d] of this.known) this.written[text] = [d.diet ?? null, d.english];
      }
      this.cache.put(this.key, { fetchedAt: now, body: { dishes: this.written } });
    }
    this.known.set(dish, described);
    this.written[dish] = [described.diet ?? null, described.english];
  }

  private load(): Record<string, unknown> | null {
    if (this.stored !== undefined) return this.stored;
    this.stored = null;
    const now = (this.readAt = this.now());
    const entry = this.read ? this.cache.get(this.key) : undefined;
    if (!entry || !sameStockholmDay(entry.fetchedAt, now)) return null;
    const dishes = (entry.body as { dishes?: unknown } | null)?.dishes;
    if (typeof dishes !== 'object' || dishes === null || Array.isArray(dishes)) return null;
    return (this.stored = dishes as Record<string, unknown>);
  }
}

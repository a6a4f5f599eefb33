// What the tool knows about a dish beyond its text: its diet tags (inferred from the text) and
// an English gloss (from the glossary). Shared by every command that shows dishes.
//
// The food rules are the heaviest part of a warm run's start-up (the glossary and its index), and
// the same dish texts are shown all day: what the rules said of each text is remembered in the
// disk cache (a DishMemo), and the rules are loaded only for texts it does not know.
import type { Described } from '../food/describe.js';
import { fitsDiet, tagsOf, type Diet, type DietFilter, type DietTag } from '../food/filter.js';

export type { Described };

export interface DishInfo {
  dish: string;
  /** `["vegan", "vegetarian"]`, `["vegetarian"]`, `["fish"]`, `["meat"]`, or `[]` when the text does not tell. */
  tags: DietTag[];
  /** A short English gloss built from the glossary, or null when it knows none of the words. */
  english: string | null;
}

/** What the food rules said of dish texts in earlier runs. */
export interface DishMemo {
  get(dish: string): Described | undefined;
  remember(dish: string, described: Described): void;
}

// The same text often appears at several restaurants: the rules run once per text and process.
const byRules = new Map<string, Described>();

/** Each text described: from the memo when it knows the text, else by the food rules (then remembered). */
export async function describeDishes(texts: readonly string[], memo: DishMemo | undefined): Promise<DishInfo[]> {
  const found = new Map<string, Described>();
  const missing = new Set<string>();
  for (const text of texts) {
    const known = found.get(text) ?? memo?.get(text);
    if (known) found.set(text, known);
    else missing.add(text);
  }
  if (missing.size > 0) {
    const { describeDish } = await import('../food/describe.js');
    for (const text of missing) {
      let described = byRules.get(text);
      if (!described) byRules.set(text, (described = describeDish(text)));
      memo?.remember(text, described);
      found.set(text, described);
    }
  }
  return texts.map((dish) => dishInfo(dish, found.get(dish)!));
}

export const dishInfo = (dish: string, { diet, english }: Described): DishInfo => ({ dish, tags: tagsOf(diet), english });

/** The most specific tag: the one a label shows. */
export const dietLabel = (info: DishInfo): Diet | undefined => info.tags[0];

export function fits(info: DishInfo, diet: DietFilter | null): boolean {
  return diet === null || fitsDiet(dietLabel(info), diet);
}

export interface Dishes {
  /** The dish texts shown (those that fit the diet, if one is chosen). */
  dishes: string[];
  /** The same dishes with their diet tags and English gloss. */
  dishDetails: DishInfo[];
  /** How many dishes the diet left out. */
  hidden: number;
}

/** A restaurant's dishes today, narrowed to a diet. */
export async function dishesOf(texts: string[], diet: DietFilter | null, memo: DishMemo | undefined): Promise<Dishes> {
  const all = await describeDishes(texts, memo);
  const shown = all.filter((d) => fits(d, diet));
  return { dishes: shown.map((d) => d.dish), dishDetails: shown, hidden: all.length - shown.length };
}

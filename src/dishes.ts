// What the tool knows about a dish beyond its text: its diet tags (inferred from the text) and
// an English gloss (from the glossary). Shared by every command that shows dishes.
import { dietOf, fitsDiet, type Diet, type DietFilter } from './food/diet.js';
import { englishGloss } from './food/gloss.js';

export type DietTag = Diet;

export interface DishInfo {
  dish: string;
  /** `["vegan", "vegetarian"]`, `["vegetarian"]`, `["fish"]`, `["meat"]`, or `[]` when the text does not tell. */
  tags: DietTag[];
  /** A short English gloss built from the glossary, or null when it knows none of the words. */
  english: string | null;
}

const TAGS: Record<Diet, DietTag[]> = { vegan: ['vegan', 'vegetarian'], vegetarian: ['vegetarian'], fish: ['fish'], meat: ['meat'] };

// The same dish text often appears at several restaurants (and on every day's `today`): each
// text is analysed once per run.
const described = new Map<string, DishInfo>();

export function describeDish(dish: string): DishInfo {
  let info = described.get(dish);
  if (!info) {
    const diet = dietOf(dish);
    info = { dish, tags: diet ? TAGS[diet] : [], english: englishGloss(dish) ?? null };
    described.set(dish, info);
  }
  return info;
}

/** The most specific tag: the one a label shows. */
export const dietLabel = (info: DishInfo): Diet | undefined => info.tags[0];

export function fits(info: DishInfo, diet: DietFilter | null): boolean {
  return diet === null || fitsDiet(dietLabel(info), diet);
}

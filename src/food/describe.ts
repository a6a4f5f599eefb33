// What the food rules say of a dish's text: its diet and an English gloss. The heavy half of
// dishes.ts (the glossary, its index and the rules), loaded only for texts not described before.
import { dietOf } from './diet.js';
import type { Diet } from './filter.js';
import { englishGloss } from './gloss.js';

export interface Described {
  diet: Diet | undefined;
  english: string | null;
}

export function describeDish(dish: string): Described {
  return { diet: dietOf(dish), english: englishGloss(dish) ?? null };
}

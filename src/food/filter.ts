// The diets a dish can have and a user can ask for, and which fits which. Light on purpose (no
// glossary): settings, completion and the filtering of dishes already described import it.
export type Diet = 'vegan' | 'vegetarian' | 'fish' | 'meat';
export type DietTag = Diet;
export type DietFilter = 'vegan' | 'vegetarian' | 'pescetarian' | 'fish' | 'meat';

export const DIET_FILTERS: readonly DietFilter[] = ['vegan', 'vegetarian', 'pescetarian', 'fish', 'meat'];
export const DIETS: readonly Diet[] = ['vegan', 'vegetarian', 'fish', 'meat'];

/** Whether a dish of this diet fits the filter; a dish whose diet is unknown fits none. */
export function fitsDiet(diet: Diet | undefined, filter: DietFilter): boolean {
  switch (filter) {
    case 'vegan':
      return diet === 'vegan';
    case 'vegetarian':
      return diet === 'vegan' || diet === 'vegetarian';
    case 'pescetarian':
      return diet === 'vegan' || diet === 'vegetarian' || diet === 'fish';
    case 'fish':
      return diet === 'fish';
    case 'meat':
      return diet === 'meat';
  }
}

const TAGS: Record<Diet, readonly DietTag[]> = { vegan: ['vegan', 'vegetarian'], vegetarian: ['vegetarian'], fish: ['fish'], meat: ['meat'] };

/** `['vegan', 'vegetarian']`, `['vegetarian']`, `['fish']`, `['meat']`, or `[]` when the diet is unknown. */
export function tagsOf(diet: Diet | undefined): DietTag[] {
  return diet ? [...TAGS[diet]] : [];
}

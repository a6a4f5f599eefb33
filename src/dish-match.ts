// Matching a dish query (`kyckling curry`, `vegan`, `lax`) against dish names. Pure, table-tested.
import { fold } from './text.js';

/** The query's words, folded (case, accents, spacing); empty when the query has none. */
export function queryWords(query: string): string[] {
  return fold(query).split(' ').filter(Boolean);
}

/** Every word appears in the dish, in any order, as a whole word or a part of one (`vegan` ~ `Vegansk`). */
export function dishMatches(words: string[], dish: string): boolean {
  const text = fold(dish);
  return words.length > 0 && words.every((word) => text.includes(word));
}

// Matching a typed name to a restaurant. Pure and table-tested (test/lookup.test.ts).
import { distance } from 'fastest-levenshtein';
import type { Restaurant } from './api/model.js';
import { byName } from './restaurants.js';
import { fold } from './text.js';

export type MatchKind = 'identifier' | 'name' | 'partial' | 'typo';

export type LookupResult =
  | { kind: 'found'; restaurant: Restaurant; via: MatchKind }
  | { kind: 'ambiguous'; candidates: Restaurant[] }
  | { kind: 'none'; suggestions: Restaurant[] };

interface Folded {
  restaurant: Restaurant;
  id: string;
  name: string;
}

/** How far `query` is from the closest part of the restaurant's identifier or name. */
function typoDistance(query: string, r: Folded): number {
  const words = r.name.split(' ');
  const width = query.split(' ').length;
  const candidates = [r.id, r.name];
  // Also compare against each run of as many words as the query has: `bikupn` ~ `bikupan`.
  for (let i = 0; i + width <= words.length; i++) candidates.push(words.slice(i, i + width).join(' '));
  return Math.min(...candidates.map((c) => distance(query, c)));
}

/** Typos allowed for a query of this length: 1 up to 7 letters, 2 up to 11, then 3. */
function typoBudget(query: string): number {
  return query.length <= 3 ? 0 : query.length <= 7 ? 1 : query.length <= 11 ? 2 : 3;
}

export function lookup(query: string, restaurants: Restaurant[]): LookupResult {
  const q = fold(query);
  if (!q) return { kind: 'none', suggestions: [] };
  const folded: Folded[] = restaurants.map((restaurant) => ({ restaurant, id: fold(restaurant.id), name: fold(restaurant.name) }));

  const byId = folded.find((r) => r.id === q);
  if (byId) return { kind: 'found', restaurant: byId.restaurant, via: 'identifier' };

  const byFoldedName = folded.find((r) => r.name === q);
  if (byFoldedName) return { kind: 'found', restaurant: byFoldedName.restaurant, via: 'name' };

  // Every query word is a part of the name or identifier, in any order: `bikupan`, `erik jorp`.
  const words = q.split(' ');
  const partial = folded.filter((r) => words.every((w) => r.name.includes(w) || r.id.includes(w))).map((r) => r.restaurant);
  if (partial.length === 1) return { kind: 'found', restaurant: partial[0]!, via: 'partial' };
  if (partial.length > 1) return { kind: 'ambiguous', candidates: byName(partial, (r) => r) };

  const scored = byName(
    folded.map((r) => ({ restaurant: r.restaurant, d: typoDistance(q, r) })),
    (s) => s.restaurant,
  ).sort((a, b) => a.d - b.d);
  const budget = typoBudget(q);
  const close = scored.filter((s) => s.d <= budget);
  if (close.length >= 1 && (close.length === 1 || close[1]!.d > close[0]!.d)) {
    return { kind: 'found', restaurant: close[0]!.restaurant, via: 'typo' };
  }
  if (close.length > 1) {
    return { kind: 'ambiguous', candidates: close.filter((s) => s.d === close[0]!.d).map((s) => s.restaurant) };
  }
  // Nothing close enough to pick; offer what is within twice the budget as "did you mean".
  const suggestions = scored.filter((s) => s.d <= Math.max(2, budget * 2)).slice(0, 3);
  return { kind: 'none', suggestions: suggestions.map((s) => s.restaurant) };
}

/** Whether a word names a restaurant by identifier, name or a unique or shared partial match. */
export function namesRestaurant(query: string, restaurants: Restaurant[]): boolean {
  const result = lookup(query, restaurants);
  return result.kind === 'ambiguous' || (result.kind === 'found' && result.via !== 'typo');
}

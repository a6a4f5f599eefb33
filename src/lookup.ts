// Matching a typed name to a restaurant. Pure and table-tested (test/lookup.test.ts).
import { distance } from 'fastest-levenshtein';
import type { Restaurant } from './api/model.js';
import { fold } from './text.js';

export { fold };

export type MatchKind = 'identifier' | 'name' | 'partial' | 'typo';

export type LookupResult =
  | { kind: 'found'; restaurant: Restaurant; via: MatchKind }
  | { kind: 'ambiguous'; candidates: Restaurant[] }
  | { kind: 'none'; suggestions: Restaurant[] };

/** How far `query` is from the closest part of the restaurant's identifier or name. */
function typoDistance(query: string, restaurant: Restaurant): number {
  const name = fold(restaurant.name);
  const words = name.split(' ');
  const width = query.split(' ').length;
  const candidates = [fold(restaurant.id), name];
  // Also compare against each run of as many words as the query has: `bikupn` ~ `bikupan`.
  for (let i = 0; i + width <= words.length; i++) candidates.push(words.slice(i, i + width).join(' '));
  return Math.min(...candidates.map((c) => distance(query, c)));
}

/** Typos allowed for a query of this length: 1 up to 7 letters, 2 up to 11, then 3. */
function typoBudget(query: string): number {
  return query.length <= 3 ? 0 : query.length <= 7 ? 1 : query.length <= 11 ? 2 : 3;
}

// Plain comparison of folded names: String#localeCompare would load ICU collation data on first
// use, ~10 ms of a warm lookup, to order names that folding has already made plain.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byName(a: Restaurant, b: Restaurant): number {
  return compare(fold(a.name), fold(b.name));
}

export function lookup(query: string, restaurants: Restaurant[]): LookupResult {
  const q = fold(query);
  if (!q) return { kind: 'none', suggestions: [] };

  const byId = restaurants.find((r) => fold(r.id) === q);
  if (byId) return { kind: 'found', restaurant: byId, via: 'identifier' };

  const byFoldedName = restaurants.find((r) => fold(r.name) === q);
  if (byFoldedName) return { kind: 'found', restaurant: byFoldedName, via: 'name' };

  // Every query word is a part of the name or identifier, in any order: `bikupan`, `erik jorp`.
  const words = q.split(' ');
  const partial = restaurants.filter((r) => {
    const haystack = `${fold(r.name)} ${fold(r.id)}`;
    return words.every((w) => haystack.includes(w));
  });
  if (partial.length === 1) return { kind: 'found', restaurant: partial[0]!, via: 'partial' };
  if (partial.length > 1) return { kind: 'ambiguous', candidates: partial.sort(byName) };

  const scored = restaurants
    .map((restaurant) => ({ restaurant, d: typoDistance(q, restaurant) }))
    .sort((a, b) => a.d - b.d || byName(a.restaurant, b.restaurant));
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

const REGION_ORDER = ['uppsala', 'solna'];

/** Restaurants grouped by region: Uppsala, Solna, then any other region A-Z; names A-Z within. */
export function groupByRegion(restaurants: Restaurant[]): { region: string; restaurants: Restaurant[] }[] {
  const groups = new Map<string, Restaurant[]>();
  for (const r of restaurants) {
    const list = groups.get(r.region) ?? [];
    list.push(r);
    groups.set(r.region, list);
  }
  const rank = (region: string) => {
    const i = REGION_ORDER.indexOf(fold(region));
    return i === -1 ? REGION_ORDER.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || compare(fold(a), fold(b)))
    .map(([region, list]) => ({ region, restaurants: list.sort(byName) }));
}

// Matching a typed name to a restaurant. Pure and table-tested (test/unit/lookup.test.ts).
import type { Restaurant } from '../api/model.js';
import { byName } from './restaurants.js';
import { foldHead } from './matching.js';
import { UsageError } from '../errors.js';
import { nameDistance } from '../suggest.js';
import { fold } from '../text.js';

export type MatchKind = 'identifier' | 'name' | 'partial' | 'typo';

export type LookupResult =
  | { kind: 'found'; restaurant: Restaurant; via: MatchKind }
  | { kind: 'ambiguous'; candidates: Restaurant[] }
  | { kind: 'none'; suggestions: Restaurant[] };

interface Folded {
  restaurant: Restaurant;
  /** The identifier and name, folded once, on their first MATCHED_LENGTH characters. */
  id: string;
  name: string;
}

/** Queries longer than this (folded) are not matched as typos: no restaurant name is that long. */
export const TYPO_QUERY_LENGTH = 64;

/**
 * How far `query` is from the closest part of the restaurant's identifier or name, when that is
 * at most `limit` (Infinity otherwise). Two strings whose lengths differ by more than `limit` are
 * further apart than that, so only the parts of a length within `limit` of the query's are
 * compared: with the query at most TYPO_QUERY_LENGTH long and the name at most MATCHED_LENGTH, a
 * restaurant costs a bounded number of bounded comparisons.
 */
function typoDistance(query: string, r: Folded, limit: number): number {
  let best = Infinity;
  const consider = (text: string) => {
    if (Math.abs(text.length - query.length) <= limit) best = Math.min(best, nameDistance(query, text));
  };
  consider(r.id);
  consider(r.name);
  // Also each run of as many words as the query has: `bikupn` ~ `bikupan`. One pass: a run's
  // length is known before it is built, from the lengths of its words.
  const words = r.name.split(' ');
  const width = query.split(' ').length;
  let length = -1; // of words[i .. i + width - 1] joined by spaces
  for (let j = 0; j < words.length; j++) {
    length += words[j]!.length + 1;
    const i = j - width + 1;
    if (i < 0) continue;
    if (i > 0) length -= words[i - 1]!.length + 1;
    if (width < words.length && Math.abs(length - query.length) <= limit) consider(words.slice(i, j + 1).join(' '));
  }
  return best;
}

/** Typos allowed for a query of this length: 1 up to 7 letters, 2 up to 11, then 3. */
function typoBudget(query: string): number {
  return query.length <= 3 ? 0 : query.length <= 7 ? 1 : query.length <= 11 ? 2 : 3;
}

/** How far a name may be from the query to be offered as "did you mean". */
const suggestionLimit = (budget: number) => Math.max(2, budget * 2);

export function lookup(query: string, restaurants: Restaurant[]): LookupResult {
  const q = fold(query);
  if (!q) return { kind: 'none', suggestions: [] };
  const folded: Folded[] = restaurants.map((restaurant) => ({ restaurant, id: foldHead(restaurant.id), name: foldHead(restaurant.name) }));

  const byId = folded.find((r) => r.id === q);
  if (byId) return { kind: 'found', restaurant: byId.restaurant, via: 'identifier' };

  const byFoldedName = folded.find((r) => r.name === q);
  if (byFoldedName) return { kind: 'found', restaurant: byFoldedName.restaurant, via: 'name' };

  // Every query word is a part of the name or identifier, in any order: `bikupan`, `erik jorp`.
  const words = [...new Set(q.split(' '))];
  const partial = folded.filter((r) => words.every((w) => r.name.includes(w) || r.id.includes(w))).map((r) => r.restaurant);
  if (partial.length === 1) return { kind: 'found', restaurant: partial[0]!, via: 'partial' };
  if (partial.length > 1) return { kind: 'ambiguous', candidates: byName(partial, (r) => r) };

  if (q.length > TYPO_QUERY_LENGTH) return { kind: 'none', suggestions: [] };
  const budget = typoBudget(q);
  const limit = suggestionLimit(budget);
  const scored = byName(
    folded.map((r) => ({ restaurant: r.restaurant, d: typoDistance(q, r, limit) })).filter((s) => s.d <= limit),
    (s) => s.restaurant,
  ).sort((a, b) => a.d - b.d);
  const close = scored.filter((s) => s.d <= budget);
  if (close.length >= 1 && (close.length === 1 || close[1]!.d > close[0]!.d)) {
    return { kind: 'found', restaurant: close[0]!.restaurant, via: 'typo' };
  }
  if (close.length > 1) {
    return { kind: 'ambiguous', candidates: close.filter((s) => s.d === close[0]!.d).map((s) => s.restaurant) };
  }
  // Nothing close enough to pick; offer what is within twice the budget as "did you mean".
  const suggestions = scored.slice(0, 3);
  return { kind: 'none', suggestions: suggestions.map((s) => s.restaurant) };
}

/** Whether a word names a restaurant by identifier, name or a unique or shared partial match. */
export function namesRestaurant(query: string, restaurants: Restaurant[]): boolean {
  const result = lookup(query, restaurants);
  return result.kind === 'ambiguous' || (result.kind === 'found' && result.via !== 'typo');
}

/** Typed queries longer than this (a name, a search) are refused: no name or dish is that long. */
export const MAX_QUERY_LENGTH = 200;

/** The words as one query, spacing normalised; too long is a usage error. */
export function joinQuery(words: string[], noun: string): string {
  const query = words.join(' ').replace(/\s+/g, ' ').trim();
  if (query.length > MAX_QUERY_LENGTH) throw new UsageError(`the ${noun} is too long (${query.length} characters; at most ${MAX_QUERY_LENGTH})`);
  return query;
}

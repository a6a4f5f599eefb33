// `restaurant-menu [show] [name...]`: one restaurant's dishes today, or the list of restaurants.
import type { Restaurant } from '../api/model.js';
import { fold, groupByRegion, lookup, type MatchKind } from '../lookup.js';
import { UsageError } from '../errors.js';
import { isStockholmWeekend, stockholmDate } from '../stockholm.js';
import type { MenuSource, Provenance } from '../source.js';

export const MAX_QUERY_LENGTH = 200;

export interface RegionGroup {
  region: string;
  restaurants: Restaurant[];
}

export type ShowResult =
  | {
      status: 'found';
      query: string;
      match: MatchKind;
      restaurant: Restaurant;
      date: string;
      weekend: boolean;
      dishes: string[];
      source: Provenance;
    }
  | { status: 'ambiguous'; query: string; candidates: Restaurant[]; source: Provenance }
  | { status: 'not_found'; query: string; suggestions: Restaurant[]; regions: RegionGroup[]; source: Provenance }
  | { status: 'list'; region: string | null; regions: RegionGroup[]; source: Provenance };

export interface ShowOptions {
  words: string[];
  region?: string;
  source: MenuSource;
  now?: () => number;
}

/** The words as one query, spacing normalised; too long is a usage error. */
export function joinQuery(words: string[], noun: string): string {
  const query = words.join(' ').replace(/\s+/g, ' ').trim();
  if (query.length > MAX_QUERY_LENGTH) throw new UsageError(`the ${noun} is too long (${query.length} characters; at most ${MAX_QUERY_LENGTH})`);
  return query;
}

export function checkQuery(words: string[]): string {
  const query = joinQuery(words, 'name');
  if (words.length > 0 && !query) throw new UsageError('the restaurant name is empty; run without a name to list restaurants');
  return query;
}

/** The restaurants of one region (case- and accent-insensitive), or all of them. */
export function filterRegion(restaurants: Restaurant[], region: string | undefined): Restaurant[] {
  if (region === undefined) return restaurants;
  const wanted = fold(region);
  const inRegion = restaurants.filter((r) => fold(r.region) === wanted);
  if (!wanted || inRegion.length === 0) {
    const known = [...new Set(restaurants.map((r) => r.region))].join(', ');
    throw new UsageError(`unknown region '${region.slice(0, 40)}' (known: ${known})`);
  }
  return inRegion;
}

export async function show(options: ShowOptions): Promise<ShowResult> {
  const query = checkQuery(options.words);
  const { restaurants, source } = await options.source.restaurants();
  const inRegion = filterRegion(restaurants, options.region);
  if (!query) return { status: 'list', region: options.region ?? null, regions: groupByRegion(inRegion), source };

  const match = lookup(query, inRegion);
  if (match.kind === 'ambiguous') return { status: 'ambiguous', query, candidates: match.candidates, source };
  if (match.kind === 'none') {
    return { status: 'not_found', query, suggestions: match.suggestions, regions: groupByRegion(inRegion), source };
  }
  const { menu, source: menuSource } = await options.source.menu(match.restaurant);
  const now = (options.now ?? Date.now)();
  return {
    status: 'found',
    query,
    match: match.via,
    // The menu's own links are the more current; the list's fill in what it leaves out.
    restaurant: {
      ...match.restaurant,
      homepage: match.restaurant.homepage || menu.homepage,
      mapUrl: menu.mapUrl || match.restaurant.mapUrl,
    },
    date: stockholmDate(now),
    weekend: isStockholmWeekend(now),
    dishes: menu.dishes,
    source: menuSource,
  };
}

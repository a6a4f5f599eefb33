// `restaurant-menu [show] [name...]`: one restaurant's dishes today, or the list of restaurants.
import type { Restaurant } from '../api/model.js';
import { describeDishes, fits, type DishInfo, type DishMemo } from '../menu/dishes.js';
import { EXIT, UsageError } from '../errors.js';
import type { DietFilter } from '../food/filter.js';
import { lookup, type MatchKind } from '../menu/lookup.js';
import { filterRegion, groupByRegion, resolveRegion, type RegionGroup } from '../menu/restaurants.js';
import type { MenuSource, Provenance } from '../menu/source.js';
import { isStockholmWeekend, stockholmDate } from '../menu/stockholm.js';

export const MAX_QUERY_LENGTH = 200;

export interface Dishes {
  /** The dish texts shown (those that fit the diet, if one is chosen). */
  dishes: string[];
  /** The same dishes with their diet tags and English gloss. */
  dishDetails: DishInfo[];
  /** How many dishes the diet left out. */
  hidden: number;
}

export type ShowResult =
  | ({
      status: 'found';
      query: string;
      match: MatchKind | 'picked';
      restaurant: Restaurant;
      date: string;
      weekend: boolean;
      diet: DietFilter | null;
      source: Provenance;
    } & Dishes)
  | { status: 'ambiguous'; query: string; candidates: Restaurant[]; source: Provenance }
  | {
      status: 'not_found';
      query: string;
      region: string | null;
      suggestions: Restaurant[];
      /** The query reads as a dish ("kyckling"): `find` is what was meant. */
      looksLikeDish: boolean;
      regions: RegionGroup<Restaurant>[];
      source: Provenance;
    }
  /** The name matches a restaurant, but not in the region asked for. */
  | { status: 'elsewhere'; query: string; region: string; restaurant: Restaurant; source: Provenance }
  | { status: 'list'; region: string | null; regions: RegionGroup<Restaurant>[]; source: Provenance }
  /** The picker was offered and left without a choice. */
  | { status: 'cancelled'; query: string };

export function showExitCode(result: ShowResult): number {
  return result.status === 'found' || result.status === 'list' ? EXIT.ok : EXIT.noMatch;
}

export interface ShowOptions {
  words: string[];
  /** The region as typed, or null for all. A named lookup only honours an explicit one. */
  region: string | null;
  /** Where the region came from when not typed on the command line (`RESTAURANT_MENU_REGION`), for errors. */
  regionFrom?: string;
  diet: DietFilter | null;
  source: MenuSource;
  now: () => number;
  /** Offers a list to choose from; `fits` is false when the query matched nothing and the whole list is offered. */
  choose?: (query: string, candidates: Restaurant[], fits: boolean) => Promise<Restaurant | undefined>;
}

/** The words as one query, spacing normalised; too long is a usage error. */
export function joinQuery(words: string[], noun: string): string {
  const query = words.join(' ').replace(/\s+/g, ' ').trim();
  if (query.length > MAX_QUERY_LENGTH) throw new UsageError(`the ${noun} is too long (${query.length} characters; at most ${MAX_QUERY_LENGTH})`);
  return query;
}

/** A restaurant's dishes today, narrowed to a diet. */
export async function dishesOf(texts: string[], diet: DietFilter | null, memo: DishMemo | undefined): Promise<Dishes> {
  const all = await describeDishes(texts, memo);
  const shown = all.filter((d) => fits(d, diet));
  return { dishes: shown.map((d) => d.dish), dishDetails: shown, hidden: all.length - shown.length };
}

export async function show(options: ShowOptions): Promise<ShowResult> {
  const query = joinQuery(options.words, 'name');
  if (options.words.length > 0 && !query) throw new UsageError('the restaurant name is empty; run without a name to list restaurants');
  const { restaurants, source } = await options.source.restaurants();
  const region = resolveRegion(options.region, restaurants, options.regionFrom);
  const inRegion = filterRegion(restaurants, region);
  if (!query) return { status: 'list', region, regions: groupByRegion(inRegion, (r) => r), source };

  const match = lookup(query, inRegion);
  let restaurant: Restaurant | undefined;
  let via: MatchKind | 'picked' | undefined;
  let dish = false;
  if (match.kind === 'found') {
    restaurant = match.restaurant;
    via = match.via;
  } else {
    if (region !== null) {
      const anywhere = lookup(query, restaurants);
      if (anywhere.kind === 'found') return { status: 'elsewhere', query, region, restaurant: anywhere.restaurant, source };
    }
    // A dish's name ("kyckling") is answered with a hint to `find`, not with a list to pick from.
    // Only words (no shell syntax), as the hint is a command to paste.
    dish = match.kind === 'none' && /^[\p{L}\p{M}\p{N} -]+$/u.test(query) && (await import('../food/search.js')).looksLikeDish(query);
    if (options.choose && !dish) {
      restaurant = await options.choose(query, match.kind === 'ambiguous' ? match.candidates : inRegion, match.kind === 'ambiguous');
      if (!restaurant) return { status: 'cancelled', query };
      via = 'picked';
    }
  }
  if (!restaurant || !via) {
    return match.kind === 'ambiguous'
      ? { status: 'ambiguous', query, candidates: match.candidates, source }
      : {
          status: 'not_found',
          query,
          region,
          suggestions: match.kind === 'none' ? match.suggestions : [],
          looksLikeDish: dish,
          regions: groupByRegion(inRegion, (r) => r),
          source,
        };
  }
  const { menu, source: menuSource } = await options.source.menu(restaurant);
  const now = options.now();
  return {
    status: 'found',
    query,
    match: via,
    // The list's links are the restaurant's one shape; the menu's fill in what it leaves out.
    restaurant: { ...restaurant, homepage: restaurant.homepage || menu.homepage, mapUrl: restaurant.mapUrl || menu.mapUrl },
    date: stockholmDate(now),
    weekend: isStockholmWeekend(now),
    diet: options.diet,
    ...(await dishesOf(menu.dishes, options.diet, options.source.dishMemo())),
    source: menuSource,
  };
}

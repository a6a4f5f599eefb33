// `restaurant-menu find <words...>`: where can I eat X today? Every word must match, in
// Swedish or English (through the food glossary), or name a diet the dish fits.
import { EXIT, UsageError } from '../errors.js';
import type { DietFilter } from '../food/filter.js';
import { groupByRegion, type RegionGroup } from '../menu/restaurants.js';
import { allMenus, describeMenus, type MenuFailure, type MenusOptions, type RestaurantMenu } from '../menu/menus.js';
import { joinQuery } from './show.js';

export interface FindResult {
  status: 'matches' | 'no_matches';
  query: string;
  date: string;
  weekend: boolean;
  region: string | null;
  diet: DietFilter | null;
  /** Matching dishes only, grouped by region and restaurant. */
  regions: RegionGroup<RestaurantMenu>[];
  /** How many menus were searched, and how many of them had any dish. */
  searched: number;
  withDishes: number;
  failed: MenuFailure[];
}

export const findExitCode = (result: FindResult) => (result.status === 'matches' ? EXIT.ok : EXIT.noMatch);

export async function find(words: string[], options: MenusOptions): Promise<FindResult> {
  const query = joinQuery(words, 'search');
  // The search needs the food glossary whatever is cached: loaded here, off the other commands' path.
  const { compileQuery, matchesDish } = await import('../food/search.js');
  const compiled = compileQuery(query);
  if (!compiled) throw new UsageError('say what to look for, e.g. restaurant-menu find vegan');
  const all = await allMenus(options);
  const hits = (await describeMenus(all, options, (d) => matchesDish(compiled, d))).filter((m) => m.dishes.length > 0);
  return {
    status: hits.length ? 'matches' : 'no_matches',
    query,
    date: all.date,
    weekend: all.weekend,
    region: all.region,
    diet: options.diet,
    regions: groupByRegion(hits, (m) => m.restaurant),
    searched: all.menus.length,
    withDishes: all.menus.filter((m) => m.dishes.length > 0).length,
    failed: all.failed,
  };
}

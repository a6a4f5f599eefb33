// `restaurant-menu find <words...>`: where can I eat X today?
import { dishMatches, queryWords } from '../dish-match.js';
import { UsageError } from '../errors.js';
import { allMenus, groupMenus, type MenuFailure, type MenusOptions, type RestaurantMenu } from './menus.js';
import { joinQuery } from './show.js';

export interface FindResult {
  status: 'matches' | 'no_matches';
  query: string;
  date: string;
  weekend: boolean;
  region: string | null;
  /** Matching dishes only, grouped by region and restaurant. */
  regions: { region: string; restaurants: RestaurantMenu[] }[];
  /** How many menus were searched. */
  searched: number;
  failed: MenuFailure[];
}

export async function find(words: string[], options: MenusOptions): Promise<FindResult> {
  const query = joinQuery(words, 'search');
  const folded = queryWords(query);
  if (folded.length === 0) throw new UsageError('say what to look for, e.g. restaurant-menu find vegan');
  const all = await allMenus(options);
  const hits = all.menus
    .map((m) => ({ ...m, dishes: m.dishes.filter((d) => dishMatches(folded, d)) }))
    .filter((m) => m.dishes.length > 0);
  return {
    status: hits.length ? 'matches' : 'no_matches',
    query,
    date: all.date,
    weekend: all.weekend,
    region: options.region ?? null,
    regions: groupMenus(hits),
    searched: all.menus.length,
    failed: all.failed,
  };
}

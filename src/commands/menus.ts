// Today's menus of many restaurants at once, for `today` and `find`: fetched concurrently but
// politely (at most `concurrency` requests in flight), through the disk cache, with partial
// failure: restaurants whose menu cannot be had are reported, not fatal.
import pLimit from 'p-limit';
import type { Restaurant } from '../api/model.js';
import { ApiError, type ApiErrorCode } from '../errors.js';
import { groupByRegion } from '../lookup.js';
import { isStockholmWeekend, stockholmDate } from '../stockholm.js';
import type { MenuSource, Provenance } from '../source.js';
import { filterRegion } from './show.js';

export interface RestaurantMenu {
  restaurant: Restaurant;
  dishes: string[];
  source: Provenance;
}

export interface MenuFailure {
  restaurant: Restaurant;
  error: { code: ApiErrorCode; message: string };
}

export interface MenusOptions {
  source: MenuSource;
  region?: string;
  concurrency: number;
  /** Called after each menu, fetched or failed: (done, total). */
  onProgress?: (done: number, total: number) => void;
  now?: () => number;
}

export interface AllMenus {
  date: string;
  weekend: boolean;
  menus: RestaurantMenu[];
  failed: MenuFailure[];
}

export async function allMenus(options: MenusOptions): Promise<AllMenus> {
  const { restaurants } = await options.source.restaurants();
  const chosen = filterRegion(restaurants, options.region);
  const limit = pLimit(options.concurrency);
  let done = 0;
  const outcomes = await Promise.all(
    chosen.map((restaurant) =>
      limit(async () => {
        try {
          const { menu, source } = await options.source.menu(restaurant);
          return { restaurant, dishes: menu.dishes, source };
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          return { restaurant, error: { code: error.code, message: error.message } };
        } finally {
          options.onProgress?.(++done, chosen.length);
        }
      }),
    ),
  );
  const now = (options.now ?? Date.now)();
  return {
    date: stockholmDate(now),
    weekend: isStockholmWeekend(now),
    menus: outcomes.filter((o): o is RestaurantMenu => 'dishes' in o),
    failed: outcomes.filter((o): o is MenuFailure => 'error' in o),
  };
}

/** Menus grouped like every list: Uppsala, Solna, other regions; names A-Z. */
export function groupMenus(menus: RestaurantMenu[]): { region: string; restaurants: RestaurantMenu[] }[] {
  const byId = new Map(menus.map((m) => [m.restaurant.id, m]));
  return groupByRegion(menus.map((m) => m.restaurant)).map((g) => ({
    region: g.region,
    restaurants: g.restaurants.map((r) => byId.get(r.id)!),
  }));
}



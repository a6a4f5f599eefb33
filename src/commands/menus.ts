// Today's menus of many restaurants at once, for `today` and `find`: fetched concurrently but
// politely (at most `concurrency` requests in flight), through the disk cache, with partial
// failure: restaurants whose menu cannot be had are reported, not fatal.
import pLimit from 'p-limit';
import type { Restaurant } from '../api/model.js';
import { ApiError, UsageError, type ApiErrorCode } from '../errors.js';
import type { DietFilter } from '../food/diet.js';
import { filterRegion, resolveRegion } from '../restaurants.js';
import type { MenuSource, Provenance } from '../source.js';
import { isStockholmWeekend, stockholmDate } from '../stockholm.js';
import type { Dishes } from './show.js';

export interface RestaurantMenu extends Dishes {
  restaurant: Restaurant;
  source: Provenance;
  /** One of the user's saved favourites. */
  favorite: boolean;
}

export interface MenuFailure {
  restaurant: Restaurant;
  error: { code: ApiErrorCode; message: string };
}

export interface MenusOptions {
  source: MenuSource;
  /** As typed, or null for every region. */
  region: string | null;
  diet: DietFilter | null;
  concurrency: number;
  /** Saved favourite identifiers. */
  favorites: string[];
  /** Only the favourites. */
  onlyFavorites: boolean;
  now: () => number;
  /** Called after each menu, fetched or failed: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** A note for stderr (a favourite that is gone, ...). */
  note: (message: string) => void;
}

export interface AllMenus {
  date: string;
  weekend: boolean;
  region: string | null;
  menus: { restaurant: Restaurant; dishes: string[]; source: Provenance; favorite: boolean }[];
  failed: MenuFailure[];
}

export async function allMenus(options: MenusOptions): Promise<AllMenus> {
  const { restaurants } = await options.source.restaurants();
  const region = resolveRegion(options.region, restaurants);
  const favorites = new Set(options.favorites);
  for (const id of favorites) {
    if (!restaurants.some((r) => r.id === id) && options.source.firstTime(`favorite-gone:${id}`)) {
      options.note(`your favourite '${id}' is no longer in the restaurant list; 'config set favorites' to update your favourites`);
    }
  }
  if (options.onlyFavorites && favorites.size === 0) {
    throw new UsageError(`no favourites saved yet: restaurant-menu config set favorites "bikupan, sven dufva"`);
  }
  const chosen = filterRegion(restaurants, region).filter((r) => !options.onlyFavorites || favorites.has(r.id));
  const limit = pLimit(options.concurrency);
  let done = 0;
  const outcomes = await Promise.all(
    chosen.map((restaurant) =>
      limit(async () => {
        try {
          const { menu, source } = await options.source.menu(restaurant);
          return { restaurant, dishes: menu.dishes, source, favorite: favorites.has(restaurant.id) };
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          return { restaurant, error: { code: error.code, message: error.message } };
        } finally {
          options.onProgress?.(++done, chosen.length);
        }
      }),
    ),
  );
  const menus = outcomes.filter((o): o is AllMenus['menus'][number] => 'dishes' in o);
  const failed = outcomes.filter((o): o is MenuFailure => 'error' in o);
  if (menus.length === 0 && failed.length > 0) {
    const message = `no menu could be fetched (${failed[0]!.error.message}${failed.length > 1 ? `; ${failed.length} restaurants failed` : ''})`;
    throw new ApiError('API_NO_MENUS', message, false, { failed });
  }
  const now = options.now();
  return { date: stockholmDate(now), weekend: isStockholmWeekend(now), region, menus, failed };
}

// Today's menus of many restaurants at once, for `today` and `find`: fetched concurrently but
// politely (at most `concurrency` requests in flight), through the disk cache, with partial
// failure: restaurants whose menu cannot be had are reported, not fatal.
import pLimit from 'p-limit';
import type { Restaurant } from '../api/model.js';
import { ApiError, UsageError, type ApiErrorCode } from '../errors.js';
import type { DietFilter } from '../food/filter.js';
import { lookup } from './lookup.js';
import { filterRegion, resolveRegion } from './restaurants.js';
import { joinWords, quote } from '../text.js';
import type { MenuSource, Provenance } from './source.js';
import { isStockholmWeekend, stockholmDate } from './stockholm.js';
import { dishesOf, type Dishes } from './dishes.js';

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

/**
 * What the many-menu commands read restaurants and menus from: the disk cache and the API
 * (MenuSource), or the relay's cache (the lunch board, relay/board/source.ts).
 */
export type MenuReader = Pick<MenuSource, 'restaurants' | 'menu' | 'dishMemo' | 'firstTime'>;

export interface MenusOptions {
  source: MenuReader;
  /** As typed, or null for every region. */
  region: string | null;
  /** Where the region came from when not typed on the command line (`RESTAURANT_MENU_REGION`), for errors. */
  regionFrom?: string;
  diet: DietFilter | null;
  concurrency: number;
  /** Saved favourite identifiers. */
  favorites: string[];
  /** Only the favourites. */
  onlyFavorites: boolean;
  /** Whether the region was given on the command line (a home region does not hide favourites). */
  regionGiven: boolean;
  /** Whether the favourites come from the environment (then `config set` would not change them). */
  favoritesFromEnv: boolean;
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

/** Each menu with its dishes (those `keep` lets through) described and narrowed to the diet. */
export function describeMenus(all: AllMenus, options: MenusOptions, keep: (dish: string) => boolean = () => true): Promise<RestaurantMenu[]> {
  const memo = options.source.dishMemo();
  return Promise.all(
    all.menus.map(async (m) => ({ restaurant: m.restaurant, favorite: m.favorite, ...(await dishesOf(m.dishes.filter(keep), options.diet, memo)), source: m.source })),
  );
}

/** A favourite that names no one restaurant, and why. */
interface Unmatched {
  text: string;
  why: string;
}

/**
 * Saved favourites are identifiers (`config set` resolves names), but one given in the
 * environment may be a name: each is taken as an identifier, else matched like a typed name
 * (exactly, or by a unique part; not by a guess at a typo).
 */
function resolveFavorites(texts: string[], restaurants: Restaurant[]): { ids: Set<string>; unmatched: Unmatched[] } {
  const ids = new Set<string>();
  const unmatched: Unmatched[] = [];
  for (const text of texts) {
    if (restaurants.some((r) => r.id === text)) {
      ids.add(text);
      continue;
    }
    const match = lookup(text, restaurants);
    if (match.kind === 'found' && match.via !== 'typo') ids.add(match.restaurant.id);
    else unmatched.push({ text, why: match.kind === 'ambiguous' ? `fits ${match.candidates.length} restaurants` : 'is not in the restaurant list' });
  }
  return { ids, unmatched };
}

/**
 * Which restaurants a many-menu command reads: the region's (a home region, or --region), plus
 * the favourites wherever they are unless --region was given; with --favorites, the favourites
 * only (in the --region given, if any).
 */
function choose(options: MenusOptions, restaurants: Restaurant[], region: string | null, favorites: Set<string>): Restaurant[] {
  if (options.onlyFavorites) {
    const mine = restaurants.filter((r) => favorites.has(r.id));
    const inRegion = options.regionGiven ? filterRegion(mine, region) : mine;
    if (inRegion.length === 0 && region !== null) {
      throw new UsageError(`none of your favourites is in ${region} (${joinWords(mine.map((r) => `${r.name}: ${r.region}`), 'and')}); drop --region or --favorites`);
    }
    return inRegion;
  }
  const inRegion = filterRegion(restaurants, region);
  if (options.regionGiven || region === null) return inRegion;
  return [...inRegion, ...restaurants.filter((r) => favorites.has(r.id) && r.region !== region)];
}

export async function allMenus(options: MenusOptions): Promise<AllMenus> {
  const { restaurants } = await options.source.restaurants();
  const region = resolveRegion(options.region, restaurants, options.regionFrom);
  if (options.onlyFavorites && options.favorites.length === 0) {
    throw new UsageError(`no favourites saved yet: restaurant-menu config set favorites "bikupan, sven dufva"`);
  }
  const { ids: favorites, unmatched } = resolveFavorites(options.favorites, restaurants);
  // The fix depends on where they come from: the environment outranks the saved setting.
  const fix = options.favoritesFromEnv ? 'change RESTAURANT_MENU_FAVORITES' : "'restaurant-menu config set favorites' to update them";
  if (options.onlyFavorites && favorites.size === 0) {
    throw new UsageError(`none of your favourites matches a restaurant (${joinWords(unmatched.map((u) => `${quote(u.text)} ${u.why}`), 'and')}); ${fix}`);
  }
  for (const u of unmatched) {
    if (options.source.firstTime(`favorite-unknown:${u.text}`)) options.note(`your favourite ${quote(u.text)} ${u.why}; ${fix}`);
  }
  const chosen = choose(options, restaurants, region, favorites);
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

// `restaurant-menu today`: every restaurant's menu today, grouped by region.
import type { Restaurant } from '../api/model.js';
import { allMenus, groupMenus, type MenuFailure, type MenusOptions, type RestaurantMenu } from './menus.js';

export interface TodayResult {
  status: 'today';
  date: string;
  weekend: boolean;
  region: string | null;
  regions: { region: string; restaurants: RestaurantMenu[] }[];
  /** Restaurants that published no menu today. */
  noMenu: Restaurant[];
  failed: MenuFailure[];
}

export async function today(options: MenusOptions): Promise<TodayResult> {
  const all = await allMenus(options);
  return {
    status: 'today',
    date: all.date,
    weekend: all.weekend,
    region: options.region ?? null,
    regions: groupMenus(all.menus.filter((m) => m.dishes.length > 0)),
    noMenu: groupMenus(all.menus.filter((m) => m.dishes.length === 0)).flatMap((g) => g.restaurants.map((m) => m.restaurant)),
    failed: all.failed,
  };
}

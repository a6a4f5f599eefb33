// `restaurant-menu today`: every restaurant's menu today, grouped by region.
import type { TodayResult } from './results.js';
import type { Restaurant } from '../api/model.js';
import { LOOKUP_OPTIONS, OUTPUT_OPTIONS, type CommandSpec } from '../cli/command.js';
import type { Run } from '../cli/run.js';
import { EXIT } from '../errors.js';
import { groupByRegion } from '../menu/restaurants.js';
import { allMenus, describeMenus, type MenusOptions } from '../menu/menus.js';
import { renderToday } from '../render/menus.js';

export const todayExitCode = (_: TodayResult) => EXIT.ok;

export async function today(options: MenusOptions): Promise<TodayResult> {
  const all = await allMenus(options);
  const menus = await describeMenus(all, options);
  return {
    status: 'today',
    date: all.date,
    weekend: all.weekend,
    region: all.region,
    diet: options.diet,
    regions: groupByRegion(menus.filter((m) => m.dishes.length > 0), (m) => m.restaurant),
    noMenu: restaurantsOf(menus.filter((m) => m.dishes.length === 0 && m.hidden === 0)),
    nothingFits: restaurantsOf(menus.filter((m) => m.dishes.length === 0 && m.hidden > 0)),
    failed: all.failed,
  };
}

/** The restaurants of some menus, in the usual order. */
export function restaurantsOf(menus: { restaurant: Restaurant }[]): Restaurant[] {
  return groupByRegion(menus, (m) => m.restaurant).flatMap((g) => g.restaurants.map((m) => m.restaurant));
}

export const command = {
  name: 'today',
  description: "every restaurant's menu today, grouped by region, favourites first",
  options: ['region', 'diet', 'english', 'onlyFavorites', 'concurrency', ...LOOKUP_OPTIONS, ...OUTPUT_OPTIONS],
  examples: ['restaurant-menu today --region uppsala', 'restaurant-menu today -f  # only your favourites', 'restaurant-menu today --diet vegetarian --english'],
} as const satisfies CommandSpec;

export async function run(run: Run): Promise<number> {
  const result = await today(run.menusOptions());
  return run.print(renderToday(result, await run.style(), run.source().warnings()), todayExitCode(result));
}

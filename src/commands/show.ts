// `restaurant-menu [show] [name...]`: one restaurant's dishes today, or the list of restaurants.
import type { ShowResult } from './results.js';
import type { Restaurant } from '../api/model.js';
import { LOOKUP_OPTIONS, OUTPUT_OPTIONS, type Args, type CommandSpec } from '../cli/command.js';
import type { Run } from '../cli/run.js';
import { dishesOf } from '../menu/dishes.js';
import { EXIT, UsageError } from '../errors.js';
import type { DietFilter } from '../food/filter.js';
import { joinQuery, lookup, type MatchKind } from '../menu/lookup.js';
import { filterRegion, groupByRegion, resolveRegion } from '../menu/restaurants.js';
import type { MenuSource } from '../menu/source.js';
import { isStockholmWeekend, stockholmDate } from '../menu/stockholm.js';
import { renderShow } from '../render/show.js';

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

export const command = {
  name: 'show',
  description: "a restaurant's dishes today; without a name, every restaurant (the default command)",
  args: ['[name...]'],
  options: ['region', 'diet', 'english', 'open', ...LOOKUP_OPTIONS, ...OUTPUT_OPTIONS, 'input'],
  examples: [
    'restaurant-menu "Restaurang Bikupan"  # today\'s dishes at Bikupan',
    'restaurant-menu jons jacob  # quotes, case, accents optional',
    'restaurant-menu  # every restaurant, by region',
    'restaurant-menu --region ki  # the restaurants in Solna',
    'restaurant-menu dufva --diet vegan  # only the vegan dishes',
    "restaurant-menu dufva --json | jq -r '.dishes[]'",
    'restaurant-menu show today  # a restaurant called "today"',
  ],
} as const satisfies CommandSpec;

export async function run(run: Run, [words = []]: Args): Promise<number> {
  const named = words.length > 0;
  if (!named && run.setting('open')) throw new UsageError(`--open needs one restaurant, as in: restaurant-menu dufva --open ${run.setting('open')}`);
  const result = await show({
    words: words as string[],
    // A named lookup honours only an explicit --region: a home region must not hide a restaurant.
    region: !named || run.given('region') ? run.region() : null,
    regionFrom: run.regionFrom(),
    diet: run.diet(),
    source: run.source(),
    now: run.now,
    choose: await run.picker(),
  });
  const code = run.print(renderShow(result, await run.style(), run.source().warnings()), showExitCode(result));
  if (result.status === 'found') await run.open(result.restaurant);
  return code;
}

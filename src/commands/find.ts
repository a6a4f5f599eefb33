// `restaurant-menu find <words...>`: where can I eat X today? Every word must match, in
// Swedish or English (through the food glossary), or name a diet the dish fits.
import type { FindResult } from './results.js';
import { LOOKUP_OPTIONS, OUTPUT_OPTIONS, type Args, type CommandSpec } from '../cli/command.js';
import type { Run } from '../cli/run.js';
import { EXIT, UsageError } from '../errors.js';
import { groupByRegion } from '../menu/restaurants.js';
import { allMenus, describeMenus, type MenusOptions } from '../menu/menus.js';
import { joinQuery } from '../menu/lookup.js';
import { renderFind } from '../render/menus.js';

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

export const command = {
  name: 'find',
  description: 'where can I eat X today? searches every menu, in Swedish or English',
  args: ['<words...>'],
  needs: 'words to look for',
  options: ['region', 'diet', 'english', 'onlyFavorites', 'concurrency', ...LOOKUP_OPTIONS, ...OUTPUT_OPTIONS],
  examples: ['restaurant-menu find chicken  # finds Kycklinggryta too', 'restaurant-menu find kyckling curry  # every word must match', 'restaurant-menu find vegetarian --region ki'],
} as const satisfies CommandSpec;

export async function run(run: Run, [words = []]: Args): Promise<number> {
  const result = await find(words as string[], run.menusOptions());
  return run.print(renderFind(result, await run.style(), run.source().warnings()), findExitCode(result));
}

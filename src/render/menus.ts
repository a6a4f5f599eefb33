// Output of `today` and `find`: one table per region (restaurant | dish), then where to go.
import type { FindResult } from '../commands/find.js';
import type { MenuFailure, RestaurantMenu } from '../commands/menus.js';
import type { TodayResult } from '../commands/today.js';
import { stockholmDayLabel } from '../stockholm.js';
import { boxTable, tsv, type Rendered } from './common.js';
import type { OutputMode, Style } from './style.js';

type Groups = { region: string; restaurants: RestaurantMenu[] }[];

function failureNotes(failed: MenuFailure[]): string[] {
  if (failed.length === 0) return [];
  const names = failed.map((f) => f.restaurant.name).join(', ');
  return [`no menu could be fetched for ${names} (${failed[0]!.error.message}${failed.length > 1 ? ', ...' : ''})`];
}

const dayOf = (date: string) => stockholmDayLabel(Date.parse(`${date}T12:00:00Z`));

/** A table per region, a row per restaurant, its dishes one per line. */
function regionTables(style: Style, groups: Groups): string[] {
  const lines: string[] = [];
  for (const group of groups) {
    const rows = group.restaurants.map((m) => [m.restaurant.name, m.dishes.map((d) => `• ${d}`).join('\n')]);
    lines.push(style.c.bold(group.region), boxTable(style, ['Restaurant', 'Dish'], rows, [1, 2]));
  }
  return lines;
}

function plainRows(groups: Groups, withMap: boolean): string[] {
  return groups.flatMap((g) =>
    g.restaurants.flatMap((m) =>
      m.dishes.map((dish) => tsv(g.region, m.restaurant.id, m.restaurant.name, dish, ...(withMap ? [m.restaurant.mapUrl] : []))),
    ),
  );
}

const output = (lines: string[], stderr: string[]): Rendered => ({ stdout: lines.length ? `${lines.join('\n')}\n` : '', stderr });

export function renderToday(result: TodayResult, mode: OutputMode, style: Style): Rendered {
  const noMenu = result.noMenu.map((r) => r.name).join(', ');
  const noMenuNote = noMenu ? `no menu today: ${noMenu}${result.weekend ? ' (restaurants are usually closed on weekends)' : ''}` : '';
  const stderr = failureNotes(result.failed);
  if (mode === 'json') return output([JSON.stringify(result, null, 2)], stderr);
  if (mode === 'plain') return output(plainRows(result.regions, false), noMenuNote ? [...stderr, noMenuNote] : stderr);
  const lines = [style.c.dim(`Lunch today, ${dayOf(result.date)}`), ...regionTables(style, result.regions)];
  if (result.regions.length === 0) lines.push(style.c.yellow('No restaurant has published a menu for today.'));
  if (noMenu) lines.push(style.c.dim(`No menu today: ${noMenu}`));
  if (noMenu && result.weekend) lines.push('Restaurants are usually closed on weekends.');
  return output(lines, stderr);
}

export function renderFind(result: FindResult, mode: OutputMode, style: Style): Rendered {
  const stderr = failureNotes(result.failed);
  if (result.status === 'no_matches') {
    stderr.push(`no dish today matches '${result.query}' (searched ${result.searched} menus${result.weekend ? '; restaurants are usually closed on weekends' : ''})`);
  }
  if (mode === 'json') return output([JSON.stringify(result, null, 2)], stderr);
  if (mode === 'plain') return output(plainRows(result.regions, true), stderr);
  const lines = regionTables(style, result.regions);
  const places = result.regions.flatMap((g) => g.restaurants.map((m) => m.restaurant)).filter((r) => r.mapUrl);
  if (places.length) {
    const width = Math.max(...places.map((r) => r.name.length));
    lines.push(style.c.bold('Where to go'), ...places.map((r) => `  ${r.name.padEnd(width)}  ${r.mapUrl}`));
  }
  return output(lines, stderr);
}

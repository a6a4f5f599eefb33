// Output of `today` and `find`: a table per region (restaurant | dish | diet), favourites first,
// and at the end what is missing and why.
import type { FindResult } from '../commands/results.js';
import type { RestaurantMenu } from '../menu/menus.js';
import type { TodayResult } from '../commands/results.js';
import type { RegionGroup } from '../menu/restaurants.js';
import type { Warning } from '../menu/source.js';
import { stockholmDayLabel } from '../menu/stockholm.js';
import { displayWidth, largest, pad, quote, safeUrl } from '../text.js';
import { missingFacts as missing, nothingToday, WEEKEND_HINT } from './wording.js';
import { dietCell, dietColumn, dishCell, dishRecord, jsonWithWarnings, linkText, lines, prose, rendered, type Rendered } from './common.js';
import { link, type Style } from './style.js';
import { boxTable, fit, holdsWords, type Cell, type Row } from './table.js';

type Groups = RegionGroup<RestaurantMenu>[];

const dayOf = (date: string) => stockholmDayLabel(Date.parse(`${date}T12:00:00Z`));
/** Favourites first (all regions), then each region with the rest. */
function sections(groups: Groups): { title: string; menus: RestaurantMenu[]; withRegion: boolean }[] {
  const favorites = groups.flatMap((g) => g.restaurants.filter((m) => m.favorite));
  const rest = groups.map((g) => ({ title: g.region, menus: g.restaurants.filter((m) => !m.favorite), withRegion: false }));
  return [...(favorites.length ? [{ title: '★ Favourites', menus: favorites, withRegion: true }] : []), ...rest.filter((s) => s.menus.length)];
}

function restaurantCell(style: Style, m: RestaurantMenu, withRegion: boolean): Cell {
  const cell: Cell = [m.restaurant.name];
  if (withRegion) cell.push({ text: m.restaurant.region, paint: style.c.dim });
  if (m.source.stale) cell.push({ text: '(cached copy)', paint: style.c.yellow });
  return cell;
}

/** A table grows by at most this many columns to line up with the others of the page. */
const SHARE_SLACK = 6;

/**
 * A table per section. The tables share one layout, so that they line up, where that widens none
 * of them by more than a few columns past its own content. Each dish has a bullet, so that a long
 * dish wrapped onto two lines does not read as two dishes. Where the terminal is too narrow for
 * a restaurant column and a dish column to hold their words whole, each restaurant's name stands
 * above its dishes instead (as a single restaurant is shown).
 */
function tables(style: Style, groups: Groups): string[] {
  const withDiet = dietColumn(style, groups.flatMap((g) => g.restaurants.flatMap((m) => m.dishDetails)));
  const columns = [{ head: 'Restaurant', min: 10 }, { head: 'Dish', min: 16 }, ...(withDiet ? [{ head: 'Diet', min: 5 }] : [])];
  const built = sections(groups).map((section) => ({
    title: section.title,
    withRegion: section.withRegion,
    menus: section.menus,
    rowGroups: section.menus.map((m) =>
      m.dishDetails.map((d, i): Row => [
        i === 0 ? restaurantCell(style, m, section.withRegion) : [],
        dishCell(style, d, { bullet: true, withLabel: !withDiet }),
        ...(withDiet ? [[dietCell(style, d)]] : []),
      ]),
    ),
  }));
  const allRows = built.flatMap((b) => b.rowGroups.flat());
  if (!holdsWords(style, columns, allRows)) return built.flatMap((b) => stacked(style, b.title, b.menus, b.withRegion));
  const shared = fit(style, columns, allRows);
  const total = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
  return built.flatMap((b) => {
    const own = fit(style, columns, b.rowGroups.flat());
    return [style.c.bold(b.title), boxTable(style, columns, b.rowGroups, total(shared) - total(own) <= SHARE_SLACK ? shared : own)];
  });
}

/** A section on a narrow terminal: one column headed by the section's title, each restaurant's name (bold) above its dishes. */
function stacked(style: Style, title: string, menus: RestaurantMenu[], withRegion: boolean): string[] {
  const rowGroups = menus.map((m): Row[] => {
    const [name, ...about] = restaurantCell(style, m, withRegion);
    const cell: Cell = [{ text: name as string, paint: style.c.bold }, ...about, ...m.dishDetails.flatMap((d) => dishCell(style, d, { bullet: true, withLabel: true }))];
    return [[cell]];
  });
  // The section's title heads its one column.
  return [boxTable(style, [{ head: title, min: 12 }], rowGroups)];
}

/** Tab-separated records, favourites first: the same columns as a found restaurant's dishes. */
function records(style: Style, groups: Groups): string[] {
  const all = sections(groups).flatMap((s) => s.menus);
  return all.flatMap((m) => m.dishDetails.map((d) => dishRecord(style, m.restaurant, d)));
}

function footer(style: Style, facts: string[]): string[] {
  return facts.flatMap((fact) => prose(style, capitalise(fact) + '.', style.c.dim));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function renderToday(result: TodayResult, style: Style, warnings: Warning[] = []): Rendered {
  const noneOpen = result.regions.length === 0 && result.nothingFits.length === 0;
  const facts = missing(result, noneOpen);
  if (style.mode === 'json') return rendered(jsonWithWarnings(result, warnings), facts);
  if (style.mode === 'plain') return rendered(lines(records(style, result.regions)), facts);
  const diet = result.diet ? ` · ${result.diet} only` : '';
  const out = [...prose(style, `Lunch today, ${dayOf(result.date)}${diet}`, style.c.dim), ...tables(style, result.regions)];
  if (result.regions.length === 0 && (result.diet || !facts.length)) out.push(...prose(style, nothingToday(result.diet), style.c.yellow));
  for (const line of footer(style, facts)) out.push(line);
  return rendered(lines(out));
}

/** How many menus were searched: those with dishes; a restaurant that published none is not counted as searched. */
function searchedWhat(result: FindResult): string {
  const empty = result.searched - result.withDishes;
  if (result.withDishes === 0 && empty > 0) {
    const none = empty === 1 ? 'the one restaurant has published no menu today' : `none of the ${empty} restaurants has published a menu today`;
    return `${none}${result.weekend ? `; ${WEEKEND_HINT}` : ''}`;
  }
  const unpublished = empty > 0 ? `; ${empty} ${empty === 1 ? 'restaurant has' : 'restaurants have'} published none today` : '';
  return `searched ${result.withDishes} ${result.withDishes === 1 ? 'menu' : 'menus'}${unpublished}`;
}

export function renderFind(result: FindResult, style: Style, warnings: Warning[] = []): Rendered {
  const facts = missing(result, result.withDishes === 0);
  const notes: string[] = [];
  if (result.status === 'no_matches') {
    const diet = result.diet ? ` ${result.diet}` : '';
    notes.push(`no${diet} dish today matches ${quote(result.query)} (${searchedWhat(result)})`);
  }
  if (style.mode === 'json') return rendered(jsonWithWarnings(result, warnings), [...notes, ...facts]);
  if (style.mode === 'plain') return rendered(lines(records(style, result.regions)), [...notes, ...facts]);
  const out = tables(style, result.regions);
  const places = sections(result.regions).flatMap((s) => s.menus.map((m) => m.restaurant)).filter((r) => safeUrl(r.mapUrl));
  if (places.length) {
    const width = largest(places.map((r) => displayWidth(r.name)));
    out.push(style.c.bold('Where to go'));
    for (const r of places) out.push(`  ${pad(r.name, width)}  ${link(style, r.mapUrl, linkText(r.mapUrl))}`);
  }
  if (result.status === 'matches') for (const line of footer(style, facts)) out.push(line);
  return rendered(lines(out), result.status === 'matches' ? notes : [...notes, ...facts]);
}

// Layout on narrow and wide terminals (issue 21): the stacked layout of `today` and `find` where
// a two-column table cannot hold words whole, a bullet that stays with its dish, no blank line
// inside a cell, tables that share widths only where it costs little, and our own lines wrapped
// at word boundaries (URLs kept whole). Pure: result + style → text.
import { beforeAll, describe, expect, test } from 'vitest';
import type { RestaurantMenu } from '../../src/menu/menus.js';
import type { TodayResult } from '../../src/commands/results.js';
import { dishInfo } from '../../src/menu/dishes.js';
import { describeDish } from '../../src/food/describe.js';
import { listLines } from '../../src/render/common.js';
import { renderConfig } from '../../src/render/admin.js';
import type { SettingRow } from '../../src/commands/results.js';
import { renderToday } from '../../src/render/menus.js';
import { loadPainter, painter } from '../../src/render/paint.js';
import { chooseStyle, type Style } from '../../src/render/style.js';
import { boxTable, holdsWords, loadTable } from '../../src/render/table.js';
import { displayWidth, fitLines, wrap } from '../../src/text.js';
import { DISHES, RESTAURANTS } from '../helpers/menu-api.js';

beforeAll(async () => {
  await loadPainter(painter(true));
  await loadTable();
});

const terminal = (columns: number): Style => chooseStyle({ json: false, color: 'never' }, { write: () => {}, isTTY: true, columns }, {});
const source = { fetchedAt: '2026-12-02T10:00:00.000Z', fromCache: false, stale: false };

/** A restaurant of the stand-in, with its dishes there. */
function menu(id: string, extra: Partial<RestaurantMenu> = {}): RestaurantMenu {
  const r = RESTAURANTS.find((x) => x.identifier === id)!;
  const dishes = DISHES[id]!.map((d) => d.trim()).filter((d, i, all) => d && all.indexOf(d) === i);
  return {
    restaurant: { id, name: r.name, region: r.region, homepage: 'https://example.org/', menuUrl: '', mapUrl: 'https://example.org/map' },
    dishes,
    dishDetails: dishes.map((d) => dishInfo(d, describeDish(d))),
    hidden: 0,
    source,
    favorite: false,
    ...extra,
  } as RestaurantMenu;
}

/** Today at the stand-in: every restaurant with dishes, by region. */
function today(tweak: (m: RestaurantMenu) => RestaurantMenu = (m) => m): TodayResult {
  const region = (name: string) => ({
    region: name,
    restaurants: RESTAURANTS.filter((r) => r.region === name && DISHES[r.identifier]!.length).map((r) => tweak(menu(r.identifier))),
  });
  return { status: 'today', date: '2026-12-02', weekend: false, region: null, diet: null, regions: [region('Uppsala'), region('Solna')], noMenu: [], nothingFits: [], failed: [] };
}

/** The words of every line, box drawing left out. */
const tokens = (out: string) => new Set(out.replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ').split(/\s+/));
const everyWord = (result: TodayResult) =>
  result.regions.flatMap((g) => g.restaurants.flatMap((m) => [...m.restaurant.name.split(' '), ...m.dishes.flatMap((d) => d.split(' '))]));

describe('today at 24 and 40 columns', () => {
  test.each([24, 30, 40])('%d columns: every name and dish word is whole, every line fits', (columns) => {
    const result = today();
    const out = renderToday(result, terminal(columns)).stdout;
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    const seen = tokens(out);
    for (const word of everyWord(result)) expect(seen.has(word) || seen.has(`${word}`.replace(/,$/, '') + ',')).toBe(true);
    expect([...seen]).not.toContain('Rest');
  });

  test('24 columns: each restaurant stands above its dishes, in one column headed by the region', () => {
    const out = renderToday(today(), terminal(24)).stdout.split('\n');
    expect(out).toContain('│ Uppsala              │');
    expect(out).toContain('│ Restaurang Bikupan   │');
    expect(out[out.indexOf('│ Restaurang Bikupan   │') + 1]).toBe('│ • Köttbullar med     │');
    // No line of the tables has two cells.
    expect(out.filter((l) => /│.*│.*│/.test(l))).toEqual([]);
  });

  test('40 columns: two columns still hold the words, so the table stays; no bullet stands alone', () => {
    const style = terminal(40);
    const columns = [{ head: 'Restaurant', min: 10 }, { head: 'Dish', min: 16 }];
    const rows = [[['Restaurang Hubben'], ['• Halloumiburgare 🍔 med pommes']]];
    expect(holdsWords(style, columns, rows)).toBe(true);
    expect(holdsWords(terminal(24), columns, rows)).toBe(false);
    const out = renderToday(today(), style).stdout;
    expect(out).toMatch(/│ Restaurant +│ Dish +│/);
    expect(out).not.toMatch(/• +│/);
    expect(out).toMatch(/│ • Halloumiburgare/);
  });

  test('a bullet is never alone on its line, even where the word after it is cut', () => {
    const table = boxTable(terminal(20), [{ head: 'Dish', min: 3 }], [[[['• Halloumiburgarekombination med pommes']]]]);
    expect(table).not.toMatch(/• +│/);
    expect(table).toMatch(/│ • Halloumi/);
  });

  test('the title wraps at word boundaries', () => {
    const out = renderToday({ ...today(), diet: 'vegetarian' }, terminal(24)).stdout.split('\n');
    expect(out.slice(0, 2)).toEqual(['Lunch today, Wednesday 2', 'Dec · vegetarian only']);
  });
});

describe('no blank line inside a cell', () => {
  /** The dish column of the group that starts with `name`, up to the next rule. */
  function dishColumn(out: string, name: string): string[] {
    const lines = out.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`│ ${name} `));
    const end = lines.findIndex((l, i) => i > start && /^[├└]/.test(l));
    return lines.slice(start, end).map((l) => l.split('│')[2]!.trim());
  }

  test('a stale row: "(cached copy)" runs on beside the next dish', () => {
    const result = today((m) => (m.restaurant.id === 'dufva' ? { ...m, source: { ...source, stale: true } } : m));
    const out = renderToday(result, terminal(100)).stdout;
    expect(out).toMatch(/│ \(cached copy\) +│ • Falafel med tahinisås/);
    expect(dishColumn(out, 'Sven Dufva')).not.toContain('');
    // With one dish, the name keeps every line of its cell.
    const one = boxTable(terminal(80), [{ head: 'Restaurant' }, { head: 'Dish' }], [[[['Gamma', '(cached copy)'], ['• Soppa']]]]);
    expect(one).toMatch(/│ Gamma +│ • Soppa │\n│ \(cached copy\) │ +│/);
  });

  test('a favourite: its region runs on beside the next dish', () => {
    const result = today((m) => (m.restaurant.id === 'dufva' ? { ...m, favorite: true } : m));
    const out = renderToday(result, terminal(100)).stdout;
    expect(out).toMatch(/│ Uppsala +│ • Falafel med tahinisås/);
    expect(dishColumn(out, 'Sven Dufva')).not.toContain('');
  });
});

describe('tables share a layout only where it costs little', () => {
  test('200 columns: Uppsala is as wide as its own dishes, not as wide as Solna', () => {
    const out = renderToday(today(), terminal(200)).stdout.split('\n');
    const tops = out.filter((l) => l.startsWith('┌')).map(displayWidth);
    expect(tops).toHaveLength(2);
    // Uppsala's longest line: its longest dish (54 columns), a bullet, a Diet column and borders.
    const longest = Math.max(...today().regions[0]!.restaurants.flatMap((m) => m.dishes.map(displayWidth)));
    expect(tops[0]!).toBeLessThanOrEqual(longest + 2 + 20 + 12 + 10 + 6);
    expect(tops[1]!).toBeGreaterThan(tops[0]! + 40);
    // Tables of nearly the same width still line up.
    const close = today((m) => ({ ...m, dishes: ['Dagens rätt med ris'], dishDetails: [dishInfo('Dagens rätt med ris', describeDish('Dagens rätt med ris'))] }));
    const sameTops = renderToday(close, terminal(200)).stdout.split('\n').filter((l) => l.startsWith('┌'));
    expect(sameTops[0]).toBe(sameTops[1]);
  });
});

describe('our own lines wrap at word boundaries', () => {
  test('notes and titles wrap between words; a URL stays whole: on a line of its own, or where it is when no line could hold it', () => {
    for (const [width, line] of [
      [80, "restaurant-menu: no restaurant is called 'bikupn'; showing Restaurang Bikupan (bikupan)"],
      [80, 'restaurant-menu: cannot reach the menu API at http://127.0.0.1:9/ (connection refused); is the address right?'],
      [24, 'Restaurang Bikupan · Uppsala  (cached copy: the API did not answer)'],
    ] as const) {
      const out = fitLines(line, width, '  ').split('\n');
      expect(out.length).toBeGreaterThan(1);
      for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(width);
      expect(out.flatMap((l) => l.trim().split(/ +/))).toEqual(line.split(/ +/));
    }
    expect(fitLines('Homepage  https://www.hors.se/17/3/', 30).split('\n')).toEqual(['Homepage', 'https://www.hors.se/17/3/']);
    const long = 'https://www.openstreetmap.org/?mlat=59.8422&mlon=17.63403#map=19/59.8422/17.63403';
    expect(fitLines(`Map  ${long}`, 24)).toBe(`Map  ${long}`);
    // A file's path is kept whole too: on a line of its own when it fits one, else where it is.
    expect(fitLines('file     /home/a/.cache/restaurant-menu/x.json', 40).split('\n')).toEqual(['file', '/home/a/.cache/restaurant-menu/x.json']);
    expect(fitLines('file     /home/someone/.cache/restaurant-menu/cache.json', 40)).toBe('file     /home/someone/.cache/restaurant-menu/cache.json');
    // A name padded to a column, then a link no line can hold: kept as it is, padding and all.
    const map = 'https://www.openstreetmap.org/?mlat=59.84827&mlon=17.63534#map=19/59.84827/17.63534';
    expect(fitLines(`  Hotel von Kraemer       ${map}`, 80)).toBe(`  Hotel von Kraemer       ${map}`);
    // A `key  value` line wraps under its value.
    expect(fitLines("  1  not found, ambiguous, or nothing matched", 24).split("\n")).toEqual(["  1  not found,", "     ambiguous, or", "     nothing matched"]);
    expect(wrap(`see ${long} now`, 24, '', (w) => w.startsWith('http'))).toEqual([`see ${long}`, 'now']);
    // Lines that fit are left alone; a word of ours longer than a line may be cut.
    expect(fitLines('short  line\n', 24)).toBe('short  line\n');
    expect(fitLines('Donaudampfschifffahrtsgesellschaftskapitän', 24).split('\n')[0]).toHaveLength(24);
  });

  test('a wrapped name in the restaurant list hangs under the names, not under the identifiers', () => {
    const restaurants = ['bikupan', 'kraemer', 'elma'].map((id) => menu(id).restaurant);
    const out = listLines(terminal(24), [{ region: 'Uppsala', restaurants }]);
    expect(out).toEqual(['Uppsala (3)', '  bikupan  Restaurang', '           Bikupan', '  kraemer  Hotel von', '           Kraemer', '  elma     Elma']);
  });

  test.each([24, 30, 40, 80])('%d columns: every line of the restaurant list fits and every word of a name is whole', (columns) => {
    const solna = RESTAURANTS.filter((r) => r.region === 'Solna').map((r) => menu(r.identifier).restaurant);
    const out = listLines(terminal(columns), [{ region: 'Solna', restaurants: solna }]);
    for (const line of out) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    const words = new Set(out.join('\n').split(/\s+/));
    for (const r of solna) for (const word of r.name.split(/\s+/).filter(Boolean)) expect(words, word).toContain(word);
  });

  test('config list at 40 columns, where the three columns cannot line up: each value is followed by its origin', () => {
    const row = (key: string, value: string) => ({ key, value, from: 'default', env: null, default: value, describe: '' }) as SettingRow;
    const settings = [row('api', 'https://menu.dckube.scilifelab.se/api'), row('timeout', '30s'), row('favorites', '')];
    const narrow = renderConfig({ status: 'config_list', settings }, terminal(40)).stdout;
    expect(narrow.split('\n')).toContain('timeout    30s (default)');
    expect(narrow.split('\n')).toContain('favorites  (default)');
    const wide = renderConfig({ status: 'config_list', settings }, terminal(80)).stdout;
    expect(wide.split('\n')).toContain('timeout    30s                                    default');
  });
});

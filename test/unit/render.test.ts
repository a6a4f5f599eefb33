// Renderers are pure: result + style → text. Tables at every width, the piped records, JSON,
// and the colour, layout and link decisions.
import { beforeAll, describe, expect, test } from 'vitest';
import type { FindResult, ShowResult, TodayResult } from '../../src/commands/results.js';
import { dishInfo } from '../../src/menu/dishes.js';
import { describeDish } from '../../src/food/describe.js';
import { linkText } from '../../src/render/common.js';
import { renderFind, renderToday } from '../../src/render/menus.js';
import { renderShow } from '../../src/render/show.js';
import { loadPainter, painter } from '../../src/render/paint.js';
import { chooseStyle, supportsHyperlinks, type ColorWhen, type Style } from '../../src/render/style.js';
import { boxTable, loadTable } from '../../src/render/table.js';
import { displayWidth } from '../../src/text.js';

const restaurant = {
  id: 'livet',
  name: 'Livet [Restaurant]',
  region: 'Solna',
  homepage: 'https://livet.example/',
  menuUrl: 'https://livet.example/meny',
  mapUrl: 'https://www.openstreetmap.org/?mlat=59.3&mlon=18#map=19/59.3/18',
};
/** A restaurant's dishes as the commands describe them (all shown). */
const dishesOf = (texts: string[], _diet: null) => ({ dishes: texts, dishDetails: texts.map((t) => dishInfo(t, describeDish(t))), hidden: 0 });
const source = { fetchedAt: '2026-11-26T10:00:00.000Z', fromCache: false, stale: false };
const found = (dishes: string[], extra: Partial<Extract<ShowResult, { status: 'found' }>> = {}): ShowResult => ({
  status: 'found',
  query: 'livet',
  match: 'identifier',
  restaurant,
  date: '2026-11-26',
  weekend: false,
  diet: null,
  ...dishesOf(dishes, null),
  source,
  ...extra,
});

/** `find` found a dish at this restaurant. */
const findResult = (r: typeof restaurant): FindResult => ({
  status: 'matches',
  query: 'pasta',
  date: '2026-11-26',
  weekend: false,
  region: null,
  diet: null,
  regions: [{ region: r.region, restaurants: [{ restaurant: r, favorite: false, ...dishesOf(['Pasta carbonara'], null), source }] }],
  searched: 1,
  withDishes: 1,
  failed: [],
});

// What a run loads before it renders (Run.style()): chalk for colour, cli-table3 for tables.
beforeAll(async () => {
  await loadPainter(painter(true));
  await loadTable();
});

const LONG = 'Vegansk pasta med svamp och tryffel, serveras med ruccolasallad, rostade pinjenötter och ett glas hemgjord lemonad (laktosfri)';
const DISHES = ['Räksmörgås med ägg', 'Halloumiburgare 🍔 med pommes 🍟', LONG, 'Ärtsoppa med pannkakor, sylt och grädde — torsdag som vanligt'];
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').replace(/\x1b\]8;;[^\x1b]*\x1b\\/g, '');

function terminal(columns: number, options: { color?: ColorWhen; english?: boolean; env?: Record<string, string> } = {}): Style {
  return chooseStyle({ json: false, color: options.color ?? 'never', english: options.english }, { write: () => {}, isTTY: true, columns }, options.env ?? {});
}
const piped = (english = false): Style => chooseStyle({ json: false, color: 'auto', english }, { write: () => {} }, {});

describe('terminal table', () => {
  test.each([40, 60, 80, 100, 200])('fits %d columns, colour or not, wrapping long dishes at word boundaries', (columns) => {
    for (const color of ['always', 'never'] as const) {
      const out = renderShow(found(DISHES), terminal(columns, { color })).stdout;
      const lines = out.split('\n').filter((l) => /[│┌└├]/.test(strip(l)));
      expect(lines.length).toBeGreaterThan(DISHES.length + 3);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
      // Every boxed row has the same display width: å/ä/ö and emoji are measured right.
      expect(new Set(lines.map((l) => displayWidth(l))).size).toBe(1);
      // Words are never cut: every word of every dish is on one line.
      const text = strip(out);
      for (const word of DISHES.join(' ').split(' ')) expect(text).toContain(word);
    }
  });

  test('as wide as the content needs, not as wide as the terminal', () => {
    const out = strip(renderShow(found(['Pasta', 'Soppa']), terminal(200)).stdout);
    const width = Math.max(...out.split('\n').filter((l) => l.startsWith('┌')).map((l) => displayWidth(l)));
    expect(width).toBeLessThan(40);
  });

  test('wrapped lines of a gloss hang under its first word', () => {
    const out = strip(renderShow(found(['Köttbullar med gräddsås, potatismos och rårörda lingon']), terminal(40, { english: true })).stdout);
    const gloss = out.split('\n').filter((l) => l.includes('meatballs') || /^│ {3}\S/.test(l));
    expect(gloss[0]).toMatch(/^│ — meatballs/);
    expect(gloss.slice(1).every((l) => /^│ {3}\S/.test(l))).toBe(true);
  });

  test('says where to go; diet labels are words', () => {
    const out = renderShow(found(['Pasta carbonara', 'Falafel med tahinisås']), terminal(80)).stdout;
    expect(out).toMatch(/^Livet \[Restaurant\] · Solna\n/);
    expect(out).toContain('Homepage  https://livet.example/');
    expect(out).toContain('Map       https://www.openstreetmap.org/?mlat=59.3&mlon=18#map=19/59.3/18');
    expect(out).toContain('Menu page https://livet.example/meny');
    expect(out).toContain('Today, Thursday 26 Nov');
    expect(out).toMatch(/│ Pasta carbonara +│ meat +│/);
    expect(out).toMatch(/│ Falafel med tahinisås +│ vegan │/);
    expect(renderShow(found(['Vegetarisk lasagne']), terminal(80)).stdout).toMatch(/│ Vegetarisk lasagne +│ vegetarian │/);
  });

  test('below 64 columns there is no Diet column: the label follows the dish, in brackets', () => {
    const narrow = strip(renderShow(found(['Pasta carbonara', 'Falafel med tahinisås']), terminal(63)).stdout);
    expect(narrow).not.toContain('Diet');
    expect(narrow).toMatch(/│ Pasta carbonara \(meat\) +│/);
    expect(narrow).toMatch(/│ Falafel med tahinisås \(vegan\) +│/);
    expect(strip(renderShow(found(['Pasta carbonara']), terminal(64)).stdout)).toContain('Diet');
  });

  test('on terminals that show hyperlinks: short link text, the URL behind it', () => {
    const style = terminal(80, { env: { TERM_PROGRAM: 'WezTerm' } });
    const out = renderShow(found(['Pasta']), style).stdout;
    expect(out).toContain('\x1b]8;;https://livet.example/\x1b\\livet.example\x1b]8;;\x1b\\');
    expect(out).toContain('\x1b]8;;https://www.openstreetmap.org/?mlat=59.3&mlon=18#map=19/59.3/18\x1b\\openstreetmap.org\x1b]8;;\x1b\\');
  });

  test('a link is labelled by where it goes, not by the field it came in: a "map" link to a phishing page says so', () => {
    const style = terminal(80, { env: { TERM_PROGRAM: 'WezTerm' } });
    const phish = { ...restaurant, mapUrl: 'https://evil.example/phish' };
    const out = renderShow(found(['Pasta'], { restaurant: phish }), style).stdout;
    expect(out).toContain('\x1b]8;;https://evil.example/phish\x1b\\evil.example/phish\x1b]8;;\x1b\\');
    expect(out).not.toContain('OpenStreetMap');
    const where = renderFind(findResult(phish), style).stdout;
    expect(where).toContain('Where to go');
    expect(where).toContain('\x1b]8;;https://evil.example/phish\x1b\\evil.example/phish\x1b]8;;\x1b\\');
    expect(where).not.toContain('OpenStreetMap');
    expect(renderFind(findResult(restaurant), style).stdout).toContain('\x1b\\openstreetmap.org\x1b]8;;');
  });

  test.each([
    ['https://www.openstreetmap.org/?mlat=59.3&mlon=18#map=19/59.3/18', 'openstreetmap.org'],
    ['https://evil.example/phish', 'evil.example/phish'],
    ['https://openstreetmap.org@evil.example/', 'evil.example'],
    ['https://оpenstreetmap.org/', 'xn--penstreetmap-3fk.org'],
    // A long host keeps its end (whose site it is), not its start.
    ['https://www.openstreetmap.org.a-very-long-subdomain-of.evil.example/x', '…g.a-very-long-subdomain-of.evil.example'],
    ['https://livet.example/meny/idag/lunch/vecka-48/torsdag', 'livet.example/meny/idag/lunch/vecka-48/…'],
  ])('link text of %s: %s', (url, text) => {
    expect(linkText(url)).toBe(text);
    expect(text.length).toBeLessThanOrEqual(40);
  });

  test('only http(s) links are ever shown, even from a result built by hand', () => {
    const out = renderShow(found(['Pasta'], { restaurant: { ...restaurant, homepage: 'javascript:alert(1)', menuUrl: '' } }), terminal(80, { env: { TERM_PROGRAM: 'WezTerm' } })).stdout;
    expect(out).not.toContain('javascript');
    expect(out).not.toContain('Homepage');
  });

  test('no colour codes unless enabled', () => {
    expect(renderShow(found(DISHES), terminal(80)).stdout).not.toMatch(/\x1b\[/);
  });

  test('empty menu on a weekend: said once, on stdout, with the hint', () => {
    const r = renderShow(found([], { weekend: true, date: '2026-11-28' }), terminal(80));
    expect(r.stdout).toContain('No menu is published for today, Saturday 28 Nov. Restaurants are usually closed\non weekends.');
    expect(r.stdout).toContain('Menu page https://livet.example/meny');
    expect(r.notes).toEqual([]);
  });

  test('a 240 KB dish renders at once, clipped; JSON keeps it whole', () => {
    const huge = `Gryta ${'med mycket mer '.repeat(16_000)}`;
    const started = performance.now();
    const out = renderShow(found([huge]), terminal(80)).stdout;
    expect(performance.now() - started).toBeLessThan(2_000); // a hang guard: it took 117 s with cli-table3
    expect(out.length).toBeLessThan(5_000);
    expect(out).toContain('…');
    expect(JSON.parse(renderShow(found([huge]), chooseStyle({ json: true, color: 'auto' }, { write: () => {} }, {})).stdout).dishes[0]).toBe(huge);
  });
});

describe('today on a terminal', () => {
  const menu = (id: string, name: string, region: string, dishes: string[], extra = {}) => ({
    restaurant: { ...restaurant, id, name, region },
    ...dishesOf(dishes, null),
    source,
    favorite: false,
    ...extra,
  });
  const today = (extra: Partial<TodayResult> = {}): TodayResult => ({
    status: 'today',
    date: '2026-11-26',
    weekend: false,
    region: null,
    diet: null,
    regions: [
      { region: 'Uppsala', restaurants: [menu('a', 'Alfa', 'Uppsala', ['Köttbullar'], { favorite: true }), menu('b', 'Beta', 'Uppsala', ['Lax'])] },
      { region: 'Solna', restaurants: [menu('c', 'Gamma', 'Solna', ['Soppa'], { source: { ...source, stale: true } })] },
    ],
    noMenu: [{ ...restaurant, id: 'd', name: 'Delta' }],
    nothingFits: [],
    failed: [{ restaurant: { ...restaurant, id: 'e', name: 'Epsilon' }, error: { code: 'API_STATUS', message: 'the menu API answered 500' } }],
    ...extra,
  });

  test('favourites first and marked, stale rows marked, and the end names what is missing and why', () => {
    const out = strip(renderToday(today(), terminal(80)).stdout);
    const lines = out.trimEnd().split('\n');
    expect(lines[1]).toBe('★ Favourites');
    expect(out.indexOf('Alfa')).toBeLessThan(out.indexOf('Beta'));
    expect(out).toMatch(/│ \(cached copy\) +│/);
    expect(lines.at(-2)).toBe('No menu today: Delta.');
    expect(lines.at(-1)).toBe('Could not fetch the menu of Epsilon (the menu API answered 500).');
    expect(renderToday(today(), terminal(80)).notes).toEqual([]);
  });

  test('every dish has a bullet; a gloss and a wrapped line hang under the text', () => {
    const long = 'Vegansk pasta med svamp och tryffel, serveras med ruccolasallad och rostade pinjenötter';
    const result = today({ regions: [{ region: 'Solna', restaurants: [menu('c', 'Gamma', 'Solna', ['Köttbullar med gräddsås', long])] }] });
    const out = strip(renderToday(result, terminal(70, { english: true })).stdout).split('\n');
    const dish = (l: string) => l.split('│')[2]!;
    const cells = out.filter((l) => l.startsWith('│ ') && !l.includes('Restaurant')).map(dish);
    expect(cells[0]).toMatch(/^ • Köttbullar med gräddsås/);
    expect(cells[1]).toMatch(/^ {3}— meatballs, cream sauce/);
    expect(cells[2]).toMatch(/^ • Vegansk pasta/);
    // Everything up to the next bullet is indented under the text: no line reads as a dish of its own.
    expect(cells.slice(3).every((c) => /^ {3,}\S/.test(c)), cells.join("\n")).toBe(true);
  });

  test('the region tables share one layout, so they line up (where that widens one by a few columns at most: see layout.test.ts)', () => {
    const result = today({
      regions: [
        { region: 'Uppsala', restaurants: [menu('a', 'Restaurang med ett kort namn', 'Uppsala', ['Pasta carbonara med bacon och ost'])] },
        { region: 'Solna', restaurants: [menu('c', 'Restaurang med ett långt namn', 'Solna', ['Pasta carbonara med bacon och parmesan'])] },
      ],
    });
    const out = strip(renderToday(result, terminal(100)).stdout).split('\n');
    const tops = out.filter((l) => l.startsWith('┌'));
    expect(tops).toHaveLength(2);
    expect(tops[0]).toBe(tops[1]);
  });

  test('piped, the same facts go to stderr, after the records; favourites first', () => {
    const r = renderToday(today(), piped());
    expect(r.stdout.trimEnd().split('\n').map((l) => l.split('\t')[1])).toEqual(['a', 'b', 'c']);
    expect(r.notes).toEqual(['no menu today: Delta', 'could not fetch the menu of Epsilon (the menu API answered 500)']);
  });

  test('footer prose wraps at word boundaries at 40 columns', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ ...restaurant, id: `n${i}`, name: `Restaurang Nummer${i}` }));
    const out = strip(renderToday(today({ noMenu: many, failed: [] }), terminal(40)).stdout);
    const footer = out.trimEnd().split('\n').slice(-6);
    for (const line of footer) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(footer.join(' ')).toContain('Restaurang Nummer3');
  });
});

test('200,000 restaurants: the list, a table and the footer render without spreading them into a call', () => {
  const many = Array.from({ length: 200_000 }, (_, i) => ({ ...restaurant, id: `r${i}`, name: `R${i}` }));
  const list = renderShow({ status: 'list', region: null, regions: [{ region: 'Solna', restaurants: many }], source }, terminal(80));
  expect(list.stdout.split('\n').length).toBeGreaterThan(200_000);
  expect(boxTable(terminal(80), [{ head: 'Restaurant' }], [many.map((r) => [[r.name]])]).split('\n').length).toBe(200_004);
  const today: TodayResult = { status: 'today', date: '2026-11-26', weekend: false, region: null, diet: null, regions: [], noMenu: many, nothingFits: [], failed: [{ restaurant, error: { code: 'API_STATUS', message: 'the menu API answered 500' } }] };
  expect(renderToday(today, terminal(80)).stdout).toContain('R199999');
});

describe('piped output', () => {
  test('one tab-separated record per dish, no box drawing, no colour', () => {
    const out = renderShow(found(DISHES), piped()).stdout;
    expect(out).not.toMatch(/[│┌└─\x1b]/);
    const links = `${restaurant.mapUrl}\t${restaurant.homepage}\t${restaurant.menuUrl}`;
    expect(out.trimEnd().split('\n')[0]).toBe(`Solna\tlivet\tLivet [Restaurant]\tRäksmörgås med ägg\tfish\t\t${links}`);
    expect(out.trimEnd().split('\n')).toHaveLength(DISHES.length);
  });

  test('the list: region, identifier, name', () => {
    const out = renderShow({ status: 'list', region: null, regions: [{ region: 'Solna', restaurants: [restaurant] }], source }, piped()).stdout;
    expect(out).toBe('Solna\tlivet\tLivet [Restaurant]\n');
  });
});

test('JSON is the result object itself', () => {
  const result = found(['Pasta']);
  expect(JSON.parse(renderShow(result, chooseStyle({ json: true, color: 'always' }, { write: () => {}, isTTY: true }, {})).stdout)).toEqual({ ...result, warnings: [] });
});

test('JSON carries the warnings of the run (records the API sent malformed), after the result', () => {
  const warnings = [{ code: 'API_BAD_RECORDS' as const, message: "the restaurant list from the menu API has 1 malformed restaurant, left out (restaurant #1 has the identifier '..')" }];
  const json = chooseStyle({ json: true, color: 'never' }, { write: () => {} }, {});
  expect(JSON.parse(renderShow(found(['Pasta']), json, warnings).stdout).warnings).toEqual(warnings);
  expect(JSON.parse(renderFind(findResult(restaurant), json, warnings).stdout).warnings).toEqual(warnings);
});

describe('layout, colour and link decisions', () => {
  const tty = { write: () => {}, isTTY: true, columns: 120 };
  const pipe = { write: () => {} };
  test.each([
    ['a terminal', tty, {}, 'auto', 'table', true],
    ['a terminal with NO_COLOR', tty, { NO_COLOR: '1' }, 'auto', 'table', false],
    ['a terminal with an empty NO_COLOR', tty, { NO_COLOR: '' }, 'auto', 'table', true],
    ['a terminal with --color never', tty, {}, 'never', 'table', false],
    ['a dumb terminal', tty, { TERM: 'dumb' }, 'auto', 'table', false],
    ['a pipe', pipe, {}, 'auto', 'plain', false],
    ['a pipe with FORCE_COLOR', pipe, { FORCE_COLOR: '1' }, 'auto', 'plain', true],
    ['a pipe with FORCE_COLOR=0', pipe, { FORCE_COLOR: '0' }, 'auto', 'plain', false],
    ['a pipe with --color always', pipe, {}, 'always', 'plain', true],
    ['a pipe with RESTAURANT_MENU_FORCE_TTY', pipe, { RESTAURANT_MENU_FORCE_TTY: '1' }, 'auto', 'table', true],
    ['NO_COLOR and --color always', tty, { NO_COLOR: '1' }, 'always', 'table', true],
  ] as const)('%s → %s, colour %s', (_, stdout, env, color, mode, colored) => {
    const style = chooseStyle({ json: false, color }, stdout, env);
    expect(style.mode).toBe(mode);
    expect(style.c.level > 0).toBe(colored);
  });

  test('RESTAURANT_MENU_FORCE_TTY=<n> sets the width, as GH_FORCE_TTY does', () => {
    expect(chooseStyle({ json: false, color: 'auto' }, pipe, { RESTAURANT_MENU_FORCE_TTY: '60' }).columns).toBe(60);
  });

  test('JSON is never coloured', () => {
    expect(chooseStyle({ json: true, color: 'always' }, tty, {}).c.level).toBe(0);
  });

  test.each([
    [{ TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4.0' }, true],
    [{ TERM_PROGRAM: 'WezTerm' }, true],
    [{ VTE_VERSION: '6003' }, true],
    [{ VTE_VERSION: '4000' }, false],
    [{ WT_SESSION: 'x' }, true],
    [{ TERM: 'xterm-256color' }, false],
    [{ TERM_PROGRAM: 'WezTerm', TMUX: '/tmp/x' }, false],
    [{ FORCE_HYPERLINK: '1', TERM: 'dumb' }, true],
    [{ FORCE_HYPERLINK: '0', TERM_PROGRAM: 'WezTerm' }, false],
  ])('hyperlinks with %j: %s', (env, expected) => expect(supportsHyperlinks(env)).toBe(expected));
});

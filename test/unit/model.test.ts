import { describe, expect, test } from 'vitest';
import { cachedMenu, cachedRestaurantList, cleanDishes, MAX_SHORT_FIELD, parseMenu, parseRestaurantList } from '../../src/api/model.js';
import { ApiError } from '../../src/errors.js';
import { RESTAURANTS } from '../helpers/menu-api.js';

describe('restaurant list variants', () => {
  test('newest deployment: no osm, map link built from coordinate', () => {
    const [first] = parseRestaurantList({ restaurants: RESTAURANTS });
    expect(first).toEqual({
      id: 'bikupan',
      name: 'Restaurang Bikupan',
      region: 'Uppsala',
      homepage: 'https://www.hors.se/uppsala/17/3/restaurang-bikupan/',
      menuUrl: 'https://www.hors.se/uppsala/17/3/restaurang-bikupan/',
      mapUrl: 'https://www.openstreetmap.org/?mlat=59.8422&mlon=17.63403#map=19/59.8422/17.63403',
    });
  });

  test('older deployment: top-level url and osm links; the map link is built from the coordinate wherever it exists', () => {
    const list = parseRestaurantList({ url: 'http://x/restaurant', restaurants: [{ ...RESTAURANTS[0], osm: 'https://osm.example/1' }] });
    expect(list[0]!.mapUrl).toBe('https://www.openstreetmap.org/?mlat=59.8422&mlon=17.63403#map=19/59.8422/17.63403');
    const { coordinate: _, ...noCoordinate } = RESTAURANTS[0]!;
    expect(parseRestaurantList({ restaurants: [{ ...noCoordinate, osm: 'https://osm.example/1' }] })[0]!.mapUrl).toBe('https://osm.example/1');
  });

  test('even older field names: campus, url, menu_url', () => {
    const [r] = parseRestaurantList({
      restaurants: [{ identifier: 'x', name: 'Gamla  Stället ', campus: 'Uppsala', url: 'https://home', menu_url: 'https://menu' }],
    });
    expect(r).toEqual({ id: 'x', name: 'Gamla Stället', region: 'Uppsala', homepage: 'https://home', menuUrl: 'https://menu', mapUrl: '' });
  });

  test.each([
    [null],
    [[]],
    [{ restaurants: 'none' }],
    [{ restaurants: [42] }],
    [{ restaurants: [{ name: 'no identifier' }] }],
    [{ restaurants: [{ identifier: '..', name: 'Up a level' }] }],
    [{ restaurants: [{ identifier: '.', name: 'Here' }] }],
    [{ restaurant: {} }],
  ])('wrong shape %j is an API error, not a crash', (body) => {
    expect(() => parseRestaurantList(body)).toThrow(ApiError);
  });
});

describe('one malformed record is left out, not fatal', () => {
  test.each([
    ['a number', 42, 'restaurant #1 is not an object'],
    ['no identifier', { name: 'no identifier' }, 'restaurant #1 has no identifier'],
    ['a blank identifier', { identifier: '  ', name: 'Blank' }, 'restaurant #1 has no identifier'],
    ['the identifier ..', { identifier: '..', name: 'Up a level' }, "restaurant #1 has the identifier '..'"],
    ['the identifier " . "', { identifier: ' . ', name: 'Here' }, "restaurant #1 has the identifier '.'"],
    ['an identifier that reads as an option', { identifier: '--api=http://evil', name: 'Evil' }, "restaurant #1 has the identifier '--api=http://evil', which begins with '-'"],
    ['an identifier of 10,000 characters', { identifier: 'x'.repeat(10_000), name: 'Long' }, 'restaurant #1 has an identifier of 10000 characters (at most 100)'],
    ['no name', { identifier: 'noname' }, "restaurant #1 ('noname') has no name"],
  ])('%s, among good restaurants: the rest are kept, and why it was left out is said', (_, entry, reason) => {
    const dropped: string[] = [];
    const list = parseRestaurantList({ restaurants: [entry, ...RESTAURANTS] }, dropped);
    expect(list.map((r) => r.id)).toEqual(RESTAURANTS.map((r) => r.identifier));
    expect(dropped).toEqual([reason]);
  });

  test('every restaurant malformed: the unexpected-answer error, naming the first and counting the rest', () => {
    expect(() => parseRestaurantList({ restaurants: [{ identifier: '..', name: 'a' }, 7, 8] })).toThrow(
      "the menu API sent an unexpected answer (restaurant #1 has the identifier '..', and 2 more malformed records; none is usable)",
    );
  });

  test('a dish that is not text is left out; the other dishes are served', () => {
    const dropped: string[] = [];
    const menu = parseMenu({ restaurant: { title: 'A', location: 'B', menu: [{ dish: { sv: 'Fisk' } }, { dish: 'Pytt i panna' }, 5, { dish: null }] } }, dropped);
    expect(menu.dishes).toEqual(['Pytt i panna']);
    expect(dropped).toEqual(['dish #1 is not text', 'dish #3 is not text']);
  });

  test('a cached list with malformed records: the rest are served, and said; none usable is no copy', () => {
    const good = { id: 'a', name: 'A', region: 'Uppsala', homepage: '', menuUrl: '', mapUrl: '' };
    const dropped: string[] = [];
    expect(cachedRestaurantList([{ ...good, id: '..' }, good, { id: 'b' }], dropped)).toEqual([good]);
    expect(dropped).toEqual(["restaurant #1 has the identifier '..'", 'restaurant #3 is not a restaurant of this cache format']);
    expect(cachedRestaurantList([{ ...good, id: '..' }])).toBeUndefined();
    expect(cachedRestaurantList([])).toEqual([]);
  });

  test('a cached menu with a dish that is not text: the rest are served, and said', () => {
    const dropped: string[] = [];
    expect(cachedMenu({ title: 'A', region: '', homepage: '', mapUrl: '', dishes: [5, 'Soppa'] }, dropped)?.dishes).toEqual(['Soppa']);
    expect(dropped).toEqual(['dish #1 is not text']);
    expect(cachedMenu({ title: 'A', region: '', homepage: '', mapUrl: '', dishes: [5] })).toBeUndefined();
  });
});

describe('names, regions and titles are clipped where they enter the model', () => {
  const long = `Restaurang ${'Bikupan '.repeat(1_300)}`; // 10 KB

  test.each([
    ['a name', { identifier: 'x', name: long, region: 'Uppsala' }, 'name'],
    ['a region', { identifier: 'x', name: 'X', region: long }, 'region'],
  ] as const)('%s of 10 KB: at most 100 characters and an ellipsis', (_, entry, field) => {
    const [r] = parseRestaurantList({ restaurants: [entry] });
    expect(r![field].length).toBeLessThanOrEqual(MAX_SHORT_FIELD + 1);
    expect(r![field]).toMatch(/^Restaurang Bikupan Bikupan .*…$/);
  });

  test('in a menu and in a cached copy too', () => {
    const menu = parseMenu({ restaurant: { title: long, location: long, menu: [] } });
    expect([menu.title.length, menu.region.length]).toEqual([MAX_SHORT_FIELD + 1, MAX_SHORT_FIELD + 1]);
    const [cached] = cachedRestaurantList([{ id: 'a', name: long, region: long, homepage: '', menuUrl: '', mapUrl: '' }])!;
    expect([cached!.name.length, cached!.region.length]).toEqual([MAX_SHORT_FIELD + 1, MAX_SHORT_FIELD + 1]);
    expect(cachedMenu({ title: long, region: long, homepage: '', mapUrl: '', dishes: [] })!.title.length).toBe(MAX_SHORT_FIELD + 1);
  });

  test('only the start of a huge field is neutralised, and a clipped emoji joiner never joins the ellipsis', () => {
    const [r] = parseRestaurantList({ restaurants: [{ identifier: 'x', name: `${'a'.repeat(98)}👩‍🍳${'b'.repeat(5_000_000)}` }] });
    expect(r!.name).toBe(`${'a'.repeat(98)}👩…`);
  });
});

describe('menus', () => {
  test('blank and duplicate dishes are dropped; whitespace collapsed', () => {
    expect(cleanDishes([' Pytt i panna ', '', '   ', 'pytt  i PANNA', 'Falafel\tmed tahinisås'])).toEqual(['Pytt i panna', 'Falafel med tahinisås']);
  });

  test('the README example', () => {
    const menu = parseMenu({
      restaurant: {
        title: 'Sven Dufva',
        location: 'Uppsala',
        url: 'http://svendufva.se/',
        map_url: 'https://www.openstreetmap.org/#map=19/59.84292/17.64129',
        menu: [{ dish: 'Pytt i panna med rödbetor' }, { dish: ' ' }, { dish: 'Falafel med tahinisås' }],
      },
    });
    expect(menu).toEqual({
      title: 'Sven Dufva',
      region: 'Uppsala',
      homepage: 'http://svendufva.se/',
      mapUrl: 'https://www.openstreetmap.org/#map=19/59.84292/17.64129',
      dishes: ['Pytt i panna med rödbetor', 'Falafel med tahinisås'],
    });
  });

  test('an empty menu is a menu', () => {
    expect(parseMenu({ url: 'x', restaurant: { title: 'A', location: 'B', url: '', map_url: '', menu: [] } }).dishes).toEqual([]);
  });

  test.each([[{}], [{ restaurant: { menu: 'x' } }], [{ restaurant: { menu: [{ dish: 5 }] } }], [{ restaurants: [] }]])(
    'wrong shape %j is an API error',
    (body) => expect(() => parseMenu(body)).toThrow(ApiError),
  );
});

describe('text from the network is neutralised on the way in', () => {
  const ESC = '\u001b';
  const hostile = {
    identifier: 'evil',
    name: `X${ESC}]0;pwned\u0007`,
    region: `Solna\u202e`,
    homepage: 'javascript:alert(1)',
    menuUrl: `https://evil.example/menu${ESC}[2J`,
    coordinate: [59.3, 18],
  };

  test('names, regions and URLs', () => {
    const [r] = parseRestaurantList({ restaurants: [hostile] });
    expect(r).toEqual({
      id: 'evil',
      name: 'X␛]0;pwned␇',
      region: 'Solna\ufffd',
      homepage: '',
      menuUrl: 'https://evil.example/menu%1B[2J',
      mapUrl: 'https://www.openstreetmap.org/?mlat=59.3&mlon=18#map=19/59.3/18',
    });
  });

  test('dishes: escapes visible, tabs and newlines a space, C1 and bidi controls replaced', () => {
    const menu = parseMenu({
      restaurant: { title: 't', location: 'l', url: '', map_url: '', menu: [{ dish: `Soup ${ESC}]52;c;ZWNobyBwd25lZA==\u0007${ESC}[2J` }, { dish: 'a\tb\nc\u009b31m\u2066x\u007f' }] },
    });
    expect(menu.dishes).toEqual(['Soup ␛]52;c;ZWNobyBwd25lZA==␇␛[2J', 'a b c\ufffd31m\ufffdx␡']);
    for (const dish of menu.dishes) expect(dish).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  test('a cached copy (hand-edited, or from before neutralising) is neutralised again', () => {
    const list = cachedRestaurantList([{ id: 'a', name: `B${ESC}[31m`, region: 'Uppsala', homepage: 'javascript:x', menuUrl: '', mapUrl: '' }]);
    expect(list).toEqual([{ id: 'a', name: 'B␛[31m', region: 'Uppsala', homepage: '', menuUrl: '', mapUrl: '' }]);
    expect(cachedMenu({ title: '', region: '', homepage: '', mapUrl: '', dishes: [`${ESC}]0;x\u0007`] })?.dishes).toEqual(['␛]0;x␇']);
    expect(cachedMenu({ dishes: 'no' })).toBeUndefined();
  });
});

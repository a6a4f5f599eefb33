import { describe, expect, test } from 'vitest';
import { cachedMenu, cachedRestaurantList, cleanDishes, parseMenu, parseRestaurantList } from '../src/api/model.js';
import { ApiError } from '../src/errors.js';
import { RESTAURANTS } from './helpers/menu-api.js';

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

import { describe, expect, test } from 'vitest';
import { cleanDishes, parseMenu, parseRestaurantList } from '../src/api/model.js';
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

  test('older deployment: top-level url and osm links', () => {
    const list = parseRestaurantList({ url: 'http://x/restaurant', restaurants: [{ ...RESTAURANTS[0], osm: 'https://osm.example/1' }] });
    expect(list[0]!.mapUrl).toBe('https://osm.example/1');
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

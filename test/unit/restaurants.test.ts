import { expect, test } from 'vitest';
import { parseRestaurantList } from '../../src/api/model.js';
import { UsageError } from '../../src/errors.js';
import { plausibleRegion, resolveRegion } from '../../src/menu/restaurants.js';
import { RESTAURANTS } from '../helpers/menu-api.js';

const restaurants = parseRestaurantList({ restaurants: RESTAURANTS });

test.each([
  ['Solna', 'Solna'],
  ['sOlNa', 'Solna'],
  ['UPPSALA', 'Uppsala'],
  ['ki', 'Solna'],
  ['KI', 'Solna'],
  ['Karolinska', 'Solna'],
  ['biomedicum', 'Solna'],
  ['bmc', 'Uppsala'],
  ['uu', 'Uppsala'],
  ['Uppsala universitet', 'Uppsala'],
  ['uppsala  UNIVERSITET', 'Uppsala'],
  ['all', null],
  ['ALL', null],
])('region %j is %j, spelled as the API spells it', (typed, expected) => expect(resolveRegion(typed, restaurants)).toBe(expected));

test('an unknown region is a usage error naming the known ones', () => {
  expect(() => resolveRegion('Narnia', restaurants)).toThrow(new UsageError("unknown region 'Narnia' (known: Uppsala, Solna or all)"));
});

test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('%j is an unknown region, not an inherited property of the alias table', (typed) => {
  expect(() => resolveRegion(typed, restaurants)).toThrow(new UsageError(`unknown region '${typed}' (known: Uppsala, Solna or all)`));
});

test('a region the API adds later is accepted', () => {
  const lund = [...restaurants, { ...restaurants[0]!, id: 'x', region: 'Lund' }];
  expect(resolveRegion('lund', lund)).toBe('Lund');
  expect(plausibleRegion('lund', lund)).toBe(true);
  expect(plausibleRegion('lund')).toBe(false);
  expect(plausibleRegion('ki')).toBe(true);
});

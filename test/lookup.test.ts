import { describe, expect, test } from 'vitest';
import { parseRestaurantList } from '../src/api/model.js';
import { lookup } from '../src/lookup.js';
import { groupByRegion } from '../src/restaurants.js';
import { fold } from '../src/text.js';
import { RESTAURANTS } from './helpers/menu-api.js';

const restaurants = parseRestaurantList({ restaurants: RESTAURANTS });

describe('fold', () => {
  test.each([
    ['Jöns Jacob ', 'jons jacob'],
    ['  Café   Erik Jorpes', 'cafe erik jorpes'],
    ['Livet [Restaurant]', 'livet restaurant'],
    ['SVARTA RÄFVEN', 'svarta rafven'],
    ['Haga gatukök', 'haga gatukok'],
  ])('%j → %j', (input, expected) => expect(fold(input)).toBe(expected));
});

describe('lookup finds what the user meant', () => {
  test.each([
    // [query, expected identifier, how]
    ['dufva', 'dufva', 'identifier'],
    ['DUFVA', 'dufva', 'identifier'],
    ['Restaurang Bikupan', 'bikupan', 'name'],
    ['restaurang bikupan', 'bikupan', 'name'],
    ['jons jacob', 'jons', 'name'],
    ['Jöns Jacob', 'jons', 'name'],
    ['cafe erik jorpes', 'jorpes', 'name'],
    ['  Café   Erik   Jorpes  ', 'jorpes', 'name'],
    ['sven dufva', 'dufva', 'name'],
    ['Livet [Restaurant]', 'livet', 'name'],
    ['svarta rafven', 'svarta', 'name'],
    ['bikupan', 'bikupan', 'identifier'],
    ['nanna', 'nanna', 'identifier'],
    ['Nanna Svartz', 'nanna', 'partial'],
    ['erik jorp', 'jorpes', 'partial'],
    ['gatukök', 'haga', 'partial'],
    ['räfven', 'svarta', 'partial'],
    ['Bikupn', 'bikupan', 'typo'],
    ['hubbn', 'hubben', 'typo'],
    ['Svarta Räven', 'svarta', 'typo'],
    ['Kramer', 'kraemer', 'typo'],
  ])('%j → %s (%s)', (query, id, via) => {
    const result = lookup(query, restaurants);
    expect(result).toMatchObject({ kind: 'found', via, restaurant: { id } });
  });

  test.each([
    ['restaurang', ['bikupan', 'glada', 'hubben', 'nanna', 'omni']],
    ['café', ['biomedicum', 'delta', 'jorpes']],
  ])('%j is ambiguous', (query, ids) => {
    const result = lookup(query, restaurants);
    expect(result.kind).toBe('ambiguous');
    if (result.kind === 'ambiguous') expect(result.candidates.map((r) => r.id).sort()).toEqual(ids);
  });

  test.each([
    ['xyzzy', []],
    ['"; DROP TABLE', []],
    ['*', []],
    ['🍕🍕🍕', []],
    ['pizza hut', []],
    ['bikupanxyz', ['bikupan']],
  ])('%j matches nothing (suggesting %j)', (query, suggestions) => {
    const result = lookup(query, restaurants);
    expect(result.kind).toBe('none');
    if (result.kind === 'none') expect(result.suggestions.map((r) => r.id)).toEqual(suggestions);
  });
});

test('groupByRegion puts Uppsala, then Solna, then other regions A-Z, names A-Z', () => {
  const extra = [...restaurants, { ...restaurants[0]!, id: 'x', name: 'Flottiljen', region: 'Lund' }];
  const groups = groupByRegion(extra, (r) => r);
  expect(groups.map((g) => g.region)).toEqual(['Uppsala', 'Solna', 'Lund']);
  expect(groups[0]!.restaurants.map((r) => r.id)).toEqual(['rudbeck', 'elma', 'kraemer', 'bikupan', 'hubben', 'dufva']);
  expect(groups.reduce((n, g) => n + g.restaurants.length, 0)).toBe(19);
});

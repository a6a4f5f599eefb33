// The picker lists restaurants by the name it shows, as Swedish sorts them (issue 21), not by
// identifier.
import { Separator } from '@inquirer/search';
import { expect, test } from 'vitest';
import type { Restaurant } from '../../src/api/model.js';
import { pickerSource } from '../../src/render/picker.js';
import { RESTAURANTS } from '../helpers/menu-api.js';

const restaurant = (id: string, name: string, region = 'Solna'): Restaurant => ({ id, name, region, homepage: '', menuUrl: '', mapUrl: '' });
const names = (list: Restaurant[], term = '') =>
  pickerSource(list)(term)
    .filter((c) => !(c instanceof Separator))
    .map((c) => (c as { value: Restaurant }).value.name);

test('by displayed name, Swedish collation: Å, Ä, Ö after Z, case not first, numbers as numbers', () => {
  const list = [
    restaurant('a1', 'Östra station'),
    restaurant('b2', 'Ängen'),
    restaurant('c3', 'Zeta'),
    restaurant('d4', 'Åkern'),
    restaurant('e5', 'café Delta'),
    restaurant('f6', 'Café Biomedicum'),
    restaurant('g7', 'Kök 10'),
    restaurant('h8', 'Kök 9'),
  ];
  expect(names(list)).toEqual(['Café Biomedicum', 'café Delta', 'Kök 9', 'Kök 10', 'Zeta', 'Åkern', 'Ängen', 'Östra station']);
  // Filtering keeps the order.
  expect(names(list, 'kök')).toEqual(['Kök 9', 'Kök 10']);
});

test('the real list: in the order of its names, not its identifiers', () => {
  const list = RESTAURANTS.map((r) => restaurant(r.identifier, r.name, r.region));
  const shown = names(list);
  expect(shown).toEqual([...shown].sort(new Intl.Collator('sv').compare));
  expect(shown[0]).toBe('Bistro Rudbeck');
  expect(shown.indexOf('Jöns Jacob')).toBeLessThan(shown.indexOf('Livet [Restaurant]'));
});

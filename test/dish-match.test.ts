import { expect, test } from 'vitest';
import { dishMatches, queryWords } from '../src/dish-match.js';

test.each([
  ['vegan', 'Vegansk linsgryta med kokosmjölk', true],
  ['VEGAN', 'vegansk chili sin carne', true],
  ['lax', 'Ugnsbakad lax med dillsås', true],
  ['lax', 'Laxfilé med citron', true],
  ['kyckling curry', 'Kyckling curry med jasminris', true],
  ['curry kyckling', 'Kyckling curry med jasminris', true],
  ['kyckling curry', 'Kycklinggryta med curry och ris', true],
  ['kyckling curry', 'Grillad kyckling med tzatziki', false],
  ['räksmörgås', 'Räksmörgås med ägg', true],
  ['raksmorgas', 'Räksmörgås med ägg', true],
  ['gradd', 'Köttbullar med gräddsås', true],
  ['gradde', 'Köttbullar med gräddsås', false],
  ['  pytt   i  panna ', 'Pytt i panna med rödbetor', true],
  ['köttbullar', 'Pytt i panna med rödbetor', false],
  ['🍔', 'Halloumiburgare 🍔 med pommes', false],
  ['burgare', 'Halloumiburgare 🍔 med pommes', true],
])('%j in %j: %s', (query, dish, expected) => {
  expect(dishMatches(queryWords(query), dish)).toBe(expected);
});

test('a query of only punctuation has no words and matches nothing', () => {
  expect(queryWords('*** !!')).toEqual([]);
  expect(dishMatches([], 'Anything')).toBe(false);
});

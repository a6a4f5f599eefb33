import { Separator } from '@inquirer/search';
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseRestaurantList } from '../../src/api/model.js';
import { lookup } from '../../src/menu/lookup.js';
import { foldFast, MATCHED_LENGTH } from '../../src/menu/matching.js';
import { SHOWN_CHOICES } from '../../src/render/picker.js';
import { groupByRegion } from '../../src/menu/restaurants.js';
import { fold } from '../../src/text.js';
import { RESTAURANTS } from '../helpers/menu-api.js';

const restaurants = parseRestaurantList({ restaurants: RESTAURANTS });

/** What matching did: the characters given to fold(), and the lengths of each edit-distance comparison. */
const cost = vi.hoisted(() => ({ folded: 0, compared: [] as Array<[number, number]> }));
vi.mock('../../src/text.js', async (importOriginal) => {
  const text = await importOriginal<typeof import('../../src/text.js')>();
  return {
    ...text,
    fold: (s: string) => {
      cost.folded += s.length;
      return text.fold(s);
    },
  };
});
vi.mock('fastest-levenshtein', async (importOriginal) => {
  const original = await importOriginal<typeof import('fastest-levenshtein')>();
  return {
    ...original,
    distance: (a: string, b: string) => {
      cost.compared.push([a.length, b.length]);
      return original.distance(a, b);
    },
  };
});

describe('fold', () => {
  test.each([
    ['Jöns Jacob ', 'jons jacob'],
    ['  Café   Erik Jorpes', 'cafe erik jorpes'],
    ['Livet [Restaurant]', 'livet restaurant'],
    ['SVARTA RÄFVEN', 'svarta rafven'],
    ['Haga gatukök', 'haga gatukok'],
  ])('%j → %j', (input, expected) => expect(fold(input)).toBe(expected));

  test('foldFast is fold, for every printable ASCII text', () => {
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    for (let i = 0; i < ascii.length; i++) {
      const text = ascii.slice(i) + ascii.slice(0, i) + ' Mixed-Case_words, 42!';
      expect(foldFast(text)).toBe(fold(text));
    }
    expect(foldFast('Jöns Jacob')).toBe('jons jacob');
  });
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

// What matching costs with long names, counted, not timed (bench/completion.ts times it): the
// characters fold() is given (the names here are not plain ASCII, so the ASCII fast path hands
// them on to it), and each edit-distance comparison's two lengths.
const kok = (i: number, words = 2_000) => ({ ...restaurants[0]!, id: `r${i}`, name: `Kök ${'kök '.repeat(words - 2)}${i}` });

describe('the cost of matching long names', () => {
  // The suite shares modules between files (isolate: false): lookup.ts and picker.ts are imported
  // afresh, so that they see the counting fold() and distance() whatever another file loaded.
  let lookup: typeof import('../../src/menu/lookup.js').lookup;
  let pickerSource: typeof import('../../src/render/picker.js').pickerSource;
  beforeAll(async () => {
    vi.resetModules();
    ({ lookup } = await import('../../src/menu/lookup.js'));
    ({ pickerSource } = await import('../../src/render/picker.js'));
  });
  beforeEach(() => {
    cost.folded = 0;
    cost.compared = [];
  });

  test('a 100-word typo query against 50 names of 10 KB: no name folded past MATCHED_LENGTH, no edit distance at all', () => {
    const list = Array.from({ length: 50 }, (_, i) => kok(i));
    const query = Array.from({ length: 100 }, (_, i) => `kökk${i}`).join(' ');
    expect(lookup(query, list).kind).toBe('none');
    expect(cost.folded, 'fold() is counted').toBeGreaterThan(0);
    expect(cost.compared).toEqual([]);
    expect(cost.folded).toBeLessThanOrEqual(list.length * (MATCHED_LENGTH + 2) + query.length);
  });

  test('a short typo query against 50 names of 10 KB: only parts of about its length are compared', () => {
    const list = [...Array.from({ length: 50 }, (_, i) => kok(i)), { ...restaurants[0]!, id: 'bikupan', name: 'Restaurang Bikupan' }];
    expect(lookup('bikupn', list)).toMatchObject({ kind: 'found', via: 'typo', restaurant: { id: 'bikupan' } });
    const limit = 2; // suggestions go up to twice the budget of a 6-letter query (1), at least 2
    expect(cost.compared.length).toBeGreaterThan(0);
    for (const [a, b] of cost.compared) expect(Math.abs(a - b)).toBeLessThanOrEqual(limit);
    // Runs of one word among the first MATCHED_LENGTH characters of each name, and the name and identifier.
    expect(cost.compared.length).toBeLessThanOrEqual(list.length * (MATCHED_LENGTH / 2 + 2));
    expect(cost.folded).toBeLessThanOrEqual(list.length * (MATCHED_LENGTH + 20) + 10);
  });

  test('the picker: each restaurant folded once when the list opens, a keystroke folds only the term, a choice is one short line', () => {
    const list = Array.from({ length: 2_000 }, (_, i) => kok(i, 600));
    const source = pickerSource(list);
    expect(cost.folded).toBeLessThanOrEqual(list.length * 3 * (MATCHED_LENGTH + 10));
    cost.folded = 0;
    const shown = source('kök');
    expect(cost.folded).toBe('kök'.length);
    // Every one of them: more than the list holds at once.
    const choices = shown.filter((c) => !(c instanceof Separator));
    expect(choices).toHaveLength(SHOWN_CHOICES);
    expect(shown.at(-1)).toBeInstanceOf(Separator);
    expect((shown.at(-1) as Separator).separator).toBe(`… ${2_000 - SHOWN_CHOICES} more; type to narrow the list`);
    for (const c of choices) expect((c as { name: string }).name.length).toBeLessThanOrEqual(100);
    expect(source('KOK r1999')).toEqual([expect.objectContaining({ value: list[1999] })]);
  });
});

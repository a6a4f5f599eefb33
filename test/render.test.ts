import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import type { ShowResult } from '../src/commands/show.js';
import { renderShow } from '../src/render/show.js';
import { makeStyle } from '../src/render/style.js';

const restaurant = {
  id: 'livet',
  name: 'Livet [Restaurant]',
  region: 'Solna',
  homepage: 'https://livet.example/',
  menuUrl: 'https://livet.example/meny',
  mapUrl: 'https://www.openstreetmap.org/#map=19/59.3/18.0',
};
const source = { fetchedAt: '2026-11-26T10:00:00.000Z', fromCache: false, stale: false };
const found = (dishes: string[], extra: Partial<ShowResult> = {}): ShowResult => ({
  status: 'found',
  query: 'livet',
  match: 'identifier',
  restaurant,
  date: '2026-11-26',
  weekend: false,
  dishes,
  source,
  ...(extra as object),
});

const LONG = 'Vegansk pasta med svamp och tryffel, serveras med ruccolasallad, rostade pinjenötter och ett glas hemgjord lemonad (laktosfri)';
const DISHES = ['Räksmörgås med ägg', 'Halloumiburgare 🍔 med pommes 🍟', LONG, 'Ärtsoppa med pannkakor, sylt och grädde — torsdag som vanligt'];

describe('terminal table', () => {
  test.each([40, 60, 80, 100, 200])('fits %d columns, colour or not, wrapping long dishes', (columns) => {
    for (const color of [true, false]) {
      const style = makeStyle({ color, isTTY: true, columns });
      const out = renderShow(found(DISHES), 'table', style).stdout;
      const lines = out.split('\n').filter((l) => /[│┌└├]/.test(l));
      expect(lines.length).toBeGreaterThan(DISHES.length + 3);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(Math.min(columns, 120));
      // All the words of every dish are there, wrapped or not.
      const text = out.replace(/\x1b\[[0-9;]*m/g, '').replace(/[│\s]+/g, ' ');
      for (const dish of DISHES) expect(text).toContain(dish.split(' ').slice(-2).join(' '));
      // Every boxed row has the same display width: å/ä/ö and emoji are measured right.
      expect(new Set(lines.map((l) => stringWidth(l))).size).toBe(1);
    }
  });

  test('says where to go', () => {
    const out = renderShow(found(['Pasta']), 'table', makeStyle({ color: false, isTTY: true, columns: 80 })).stdout;
    expect(out).toMatch(/^Livet \[Restaurant\] · Solna\n/);
    expect(out).toContain('Homepage  https://livet.example/');
    expect(out).toContain('Map       https://www.openstreetmap.org/#map=19/59.3/18.0');
    expect(out).toContain('Menu page https://livet.example/meny');
    expect(out).toContain('Today, Thursday 26 Nov');
  });

  test('no colour codes unless enabled', () => {
    const plainStyle = makeStyle({ color: false, isTTY: true, columns: 80 });
    expect(renderShow(found(DISHES), 'table', plainStyle).stdout).not.toMatch(/\x1b\[/);
  });

  test('empty menu on a weekend', () => {
    const r = renderShow(found([], { weekend: true, date: '2026-11-28' }), 'table', makeStyle({ color: false, isTTY: true, columns: 80 }));
    expect(r.stdout).toContain('No menu is published for today, Saturday 28 Nov.');
    expect(r.stdout).toContain('Restaurants are usually closed on weekends.');
    expect(r.stdout).toContain('Menu page https://livet.example/meny');
    expect(r.stderr).toEqual(['Livet [Restaurant] has published no menu for today; restaurants are usually closed on weekends']);
  });
});

describe('piped output', () => {
  const style = makeStyle({ color: true, isTTY: false, columns: 80 });

  test('one tab-separated record per line, no box drawing, no colour', () => {
    const out = renderShow(found(DISHES), 'plain', style).stdout;
    expect(out).not.toMatch(/[│┌└─\x1b]/);
    expect(out.trimEnd().split('\n')).toEqual([
      'restaurant\tLivet [Restaurant]\tSolna\tlivet',
      ...DISHES.map((d) => `dish\t${d}`),
      'homepage\thttps://livet.example/',
      'map\thttps://www.openstreetmap.org/#map=19/59.3/18.0',
      'menu\thttps://livet.example/meny',
    ]);
  });

  test('the list: region, identifier, name', () => {
    const out = renderShow(
      { status: 'list', region: null, regions: [{ region: 'Solna', restaurants: [restaurant] }], source },
      'plain',
      style,
    ).stdout;
    expect(out).toBe('Solna\tlivet\tLivet [Restaurant]\n');
  });
});

test('JSON is the result object itself', () => {
  const result = found(['Pasta']);
  expect(JSON.parse(renderShow(result, 'json', makeStyle({ color: true, isTTY: true })).stdout)).toEqual(result);
});

describe('colour decisions', () => {
  const saved = process.env.NO_COLOR;
  const withNoColor = (value: string | undefined, fn: () => void) => {
    if (value === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = value;
    try {
      fn();
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  };

  test.each([
    [{ color: true, isTTY: true }, undefined, true],
    [{ color: true, isTTY: true }, '1', false],
    [{ color: true, isTTY: true }, '', true], // NO_COLOR counts only when non-empty
    [{ color: false, isTTY: true }, undefined, false], // --no-color
    [{ color: true, isTTY: false }, undefined, false], // piped
  ])('%j with NO_COLOR=%j → colour %s', (options, noColor, expected) => {
    withNoColor(noColor, () => expect(makeStyle(options).c.level > 0).toBe(expected));
  });
});

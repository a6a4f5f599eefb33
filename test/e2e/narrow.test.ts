// Narrow and wide terminals, on a real pseudo-terminal (util-linux `script`) at 24,
// 40, 80 and 200 columns: the built binary against the stand-in API, the test's clock. Words are
// never cut where a layout could keep them whole, our own lines wrap at word boundaries, no
// blank line sits inside a cell, and a table is not widened to line up with a much wider one.
import { describe, expect, test } from 'vitest';
import { DISHES, RESTAURANTS } from '../helpers/menu-api.js';
import { BIN, useBinary } from '../helpers/binary.js';
import { onPty, shellQuote } from '../helpers/pty.js';

const t = useBinary();

/** What a run shows on a terminal of `columns` columns (stdout and stderr both on it), escapes left out. */
async function screen(args: string[], columns: number, env: Record<string, string> = {}): Promise<string[]> {
  const command = [process.execPath, BIN, ...args].map(shellQuote).join(' ');
  const pty = onPty(`stty cols ${columns} rows 50; ${command}`, { env: { ...t.box.env, TERM: 'xterm-256color', ...env } });
  pty.type('\u0004');
  await pty.exited;
  const out = pty.output();
  const plain = out.replace(/\r\n/g, '\n').replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\x1b\]8;;[^\x1b]*\x1b\\/g, '');
  // What a progress line wrote is overwritten (\r): what stays on a line is after the last \r.
  return plain.split('\n').map((l) => l.split('\r').at(-1)!);
}

const width = (s: string) => [...s].reduce((n, c) => n + (/\p{Extended_Pictographic}/u.test(c) ? 2 : 1), 0);
/** Every word on the screen, box drawing left out. */
const words = (lines: string[]) => new Set(lines.join('\n').replace(/[│┌┐└┘├┤┬┴┼─]/g, ' ').split(/\s+/));
const nameWords = (ids: string[]) => ids.flatMap((id) => RESTAURANTS.find((r) => r.identifier === id)!.name.split(' '));
const dishWords = (ids: string[]) => ids.flatMap((id) => DISHES[id]!.flatMap((d) => d.trim().split(/\s+/).filter(Boolean)));
const api = () => ['--api', t.api.url];

describe('today and find at 24 and 40 columns', () => {
  test.each([24, 40])('today at %d columns: every line fits, every name and dish word is whole, no bullet alone', async (columns) => {
    const lines = await screen([...api(), 'today'], columns);
    for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(columns);
    const seen = words(lines);
    const withDishes = Object.keys(DISHES).filter((id) => DISHES[id]!.length);
    for (const word of [...nameWords(withDishes), ...dishWords(withDishes)]) expect(seen, word).toContain(word);
    expect(lines.filter((l) => /• *│/.test(l))).toEqual([]);
  });

  test('find at 24 columns: the same stacked layout, words whole', async () => {
    const lines = await screen([...api(), 'find', 'vegansk'], 24);
    // Every line fits but a map link's, which stays whole.
    for (const line of lines.filter((l) => !l.includes('https://'))) expect(width(line), line).toBeLessThanOrEqual(24);
    const seen = words(lines);
    for (const word of ['Vegansk', 'linsgryta', 'kokosmjölk', 'koriander', 'Restaurang', 'Bikupan', '(vegan)']) expect(seen, word).toContain(word);
    expect(lines).toContain('│ Restaurang Bikupan   │');
  });

  test('a single restaurant at 24 columns: its title wraps between words', async () => {
    const lines = await screen([...api(), 'bikupan'], 24);
    expect(lines.slice(0, 2)).toEqual(['Restaurang Bikupan ·', 'Uppsala']);
  });

  test('the restaurant list at 24 columns: a long name wraps under the names', async () => {
    const lines = await screen([...api(), '--region', 'uppsala'], 24);
    const at = lines.findIndex((l) => l.includes('kraemer'));
    expect(lines.slice(at, at + 2)).toEqual(['  kraemer  Hotel von', '           Kraemer']);
  });
});

describe('notes on stderr wrap at 80 columns', () => {
  test('a typo: the note wraps between words, the continuation indented', async () => {
    const lines = await screen([...api(), 'bikupn'], 80);
    const at = lines.findIndex((l) => l.startsWith('restaurant-menu: no restaurant is called'));
    expect(lines.slice(at, at + 2)).toEqual(["restaurant-menu: no restaurant is called 'bikupn'; showing Restaurang Bikupan", '  (bikupan)']);
  });

  test('an API that refuses the connection: every line fits, no word cut', async () => {
    const lines = await screen(['--api', 'http://127.0.0.1:9', 'today', '--no-cache'], 80);
    const note = lines.slice(lines.findIndex((l) => l.startsWith('restaurant-menu:'))).filter(Boolean);
    expect(note.length).toBeGreaterThan(1);
    for (const line of note) expect(width(line), line).toBeLessThanOrEqual(80);
    expect(note[0]).toMatch(/\(connection refused\);?$/);
  });
});

describe('no blank line inside a cell (80 columns)', () => {
  test('a stale row and a favourite: the name cell runs on beside the next dish', async () => {
    expect((await t.box.run([...api(), 'today'])).code).toBe(0);
    t.api.fault = '500';
    const lines = await screen([...api(), 'today', '--ttl', '0'], 80, { RESTAURANT_MENU_FAVORITES: 'dufva' });
    // Sven Dufva, a favourite: name, region, (cached copy), beside its two dishes and no blank.
    const at = lines.findIndex((l) => l.startsWith('│ Sven Dufva '));
    const group = lines.slice(at, lines.findIndex((l, i) => i > at && /^[├└]/.test(l)));
    expect(group.map((l) => l.split('│')[1]!.trim())).toEqual(['Sven Dufva', 'Uppsala', '(cached copy)']);
    // The dishes follow one another; a cell may only end in blank lines.
    const dishes = group.map((l) => l.split('│')[2]!.trim());
    expect(dishes.join('\n').trim().split('\n').every(Boolean), group.join('\n')).toBe(true);
  });
});

describe('200 columns', () => {
  test('the Uppsala table is as wide as its own content, not as wide as Solna', async () => {
    const lines = await screen([...api(), 'today'], 200);
    const tops = lines.filter((l) => l.startsWith('┌')).map(width);
    expect(tops).toHaveLength(2);
    const longestDish = Math.max(...['rudbeck', 'elma', 'kraemer', 'bikupan', 'hubben', 'dufva'].flatMap((id) => DISHES[id]!.map(width)));
    // restaurant column, bullet, dish, Diet column, borders: a few columns more at most.
    expect(tops[0]!).toBeLessThanOrEqual(18 + 2 + longestDish + 10 + 10 + 6);
    expect(tops[1]!).toBeGreaterThan(tops[0]!);
  });
});

describe('help at 24 columns', () => {
  test.each([[['--help']], [['find', '--help']], [['config', '--help']]])('%j: every line fits but an example command, no word broken', async (args) => {
    const lines = await screen(args, 24);
    const long = lines.filter((l) => width(l) > 24 && !l.startsWith('  $ '));
    expect(long).toEqual([]);
    const seen = words(lines);
    // Words that commander left for the terminal to break.
    const expected: Record<string, string[]> = {
      '--help': ['vegetarian,', 'RESTAURANT_MENU_DIET;', 'favourites', 'ambiguous,', '[options]'],
      find: ['<words...>', 'pescetarian,', 'RESTAURANT_MENU_DIET;'],
      config: ['favourites', 'setting', '[command]'],
    };
    for (const word of expected[args[0]!]!) expect(seen, word).toContain(word);
  });
});

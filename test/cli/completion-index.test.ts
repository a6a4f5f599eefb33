// The completion index (src/cache/names-index.ts): written by the cache's own writes, next to
// cache.json, for a cache of many restaurants; read by a <TAB> instead of the restaurant lists,
// so that no cached name is neutralised or folded again (counted here, not timed: the time is
// bench/completion.ts's). It offers exactly what the lists themselves would, is never used once
// cache.json was written by anything else, and a line of it that is not what the model makes of
// a name is left out.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CacheEntry } from '../../src/store/cache.js';
import { COMMANDS } from '../../src/commands/index.js';
import type { Io } from '../../src/cli/io.js';
import { RESTAURANTS } from '../helpers/menu-api.js';

const folded = vi.hoisted(() => ({ chars: 0 }));
vi.mock('../../src/text.js', async (importOriginal) => {
  const text = await importOriginal<typeof import('../../src/text.js')>();
  return {
    ...text,
    fold: (s: string) => {
      folded.chars += s.length;
      return text.fold(s);
    },
  };
});

// The suite shares modules between files (isolate: false): imported afresh, to see the counting fold().
let completion: typeof import('../../src/completion/complete.js');
let store: typeof import('../../src/store/cache.js');
let NAMES_INDEX_MIN: number;
beforeAll(async () => {
  vi.resetModules();
  completion = await import('../../src/completion/complete.js');
  store = await import('../../src/store/cache.js');
  ({ NAMES_INDEX_MIN } = await import('../../src/store/names-index.js'));
});

let home: string;
let env: Record<string, string>;
const cacheDir = () => join(home, '.cache', 'restaurant-menu');
const indexFile = () => join(cacheDir(), 'names.index');
const LIST = 'https://menu.dckube.scilifelab.se/api/restaurant';
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'rm-complete-index-'));
  env = { HOME: home, XDG_CACHE_HOME: join(home, '.cache') };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const HOSTILE = ['Qq"; touch ~/pwned #', "Ss'; touch ~/pwned #", 'Dd $(touch ~/pwned)', 'Yo! Sushi', 'Esc \u001b[2J Bar', 'Bidi \u202eabc Kök', `Lång ${'kök '.repeat(100)}`, 'Kök \u{20000} Astral', '\u{1D504}\u{1D51F}\u{1D520} Café', '\uFFE6 Won', '\u{20001}'];
const cached = (id: string, name: string, region = 'Uppsala') => ({ id, name, region, homepage: '', menuUrl: '', mapUrl: '' });
/** The real list, hostile names (as raw as a hand-edited cache could hold them), and fillers with names that fold() must handle (not plain ASCII). */
function restaurants(fillers = NAMES_INDEX_MIN) {
  return [
    ...RESTAURANTS.map((r) => cached(r.identifier, r.name, r.region)),
    ...HOSTILE.map((name, i) => cached(`evil${i}`, name, 'Solna')),
    ...Array.from({ length: fillers }, (_, i) => cached(`fyll-${i}`, `Kök Fyllnad ${i}`, i % 2 ? 'Lund' : 'Uppsala')),
  ];
}

/** Writes entries as a run does: merged into the file, under the lock, by the cache's own writer. */
async function write(entries: Record<string, CacheEntry>, keep: (key: string) => boolean = () => true) {
  const cache = new store.DiskCache(cacheDir(), { warn: (m: string) => expect.fail(m) } as never);
  for (const [key, entry] of Object.entries(entries)) cache.put(key, entry);
  await cache.flush((key) => keep(key));
}

const candidates = (...words: string[]) => completion.complete(COMMANDS, words.length - 1, words, env);
/** Characters fold() is given while the last of `words` is completed. */
function foldedFor(...words: string[]) {
  folded.chars = 0;
  const result = candidates(...words);
  return { result, chars: folded.chars };
}

const CASES: string[][] = [
  [''],
  ['s'],
  ['kö'],
  ['KÖK F'],
  ['"q'],
  ['jons'],
  ['cafe'],
  ['--', 's'],
  ['show', 'sv'],
  ['sven', ''],
  ['restaurang', ''],
  ['RESTAURANG', 'b'],
  ['restaurang', 'bikupan', ''],
  ['restaura', ''],
  ['sven', 'DU'],
  ['kok', 'fyllnad', '1'],
  ['lang', 'kok', ''],
  ['bidi', ''],
  ['kok', '\u{20000}', ''],
  ['\u{20000}'],
  ['\u{20001}'],
  ['abc'],
  ['\uFFE6'],
  ['--region', ''],
  ['--region=l'],
  ['config', 'set', 'region', ''],
  ['config', 'set', 'favorites', 'b'],
  ['config', 'set', 'favorites', 'bikupan,fyll-1'],
];

describe('a cache of many restaurants', () => {
  beforeEach(() => write({ [LIST]: { fetchedAt: Date.now(), body: restaurants() } }));

  test('has an index next to it, 0600, and nothing else of ours is left there', () => {
    expect(readdirSync(cacheDir()).sort()).toEqual(['cache.json', 'names.index']);
    expect(statSync(indexFile()).mode & 0o777).toBe(0o600);
  });

  test('a <TAB> folds no cached name: the first word', () => {
    const { result, chars } = foldedFor('kök fyll');
    expect(result).toHaveLength(NAMES_INDEX_MIN);
    expect(chars).toBeLessThan(10); // what was typed
  });

  test('a <TAB> folds no cached name but the few that begin with the words typed: continuing a name', () => {
    const { result, chars } = foldedFor('kok', 'fyllnad', '1');
    expect(result.sort()).toEqual(['1', ...Array.from({ length: 10 }, (_, i) => `1${i}`)]);
    // Only `Kök Fyllnad …`, not the other names: each one's words up to what was typed, and the rest.
    expect(chars).toBeLessThanOrEqual(11 * 'Kök Fyllnad 10'.length * 2 + 50);
    expect(foldedFor('restaurang', '').chars).toBeLessThan(100);
  });

  test('offers exactly what the restaurant lists themselves would (hostile names quoted alike)', async () => {
    // In any order: the shells sort what they offer.
    const sortedCandidates = (words: string[]) => candidates(...words).sort();
    const sortedLines = (text: string) => text.split('\n').sort().join('\n');
    const fromIndex = CASES.map(sortedCandidates);
    const run = async (...argv: string[]) => {
      let stdout = '';
      const io: Io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => {} }, env, now: Date.now };
      expect(await completion.main(['__complete', ...argv], io)).toBe(0);
      return stdout;
    };
    const bash = [await run('0', '--shell', 'bash', '--text', 'q', '--', '"q'), await run('0', '--shell', 'bash', '--', 'd'), await run('0', '--', "'s")].map(sortedLines);
    expect(fromIndex.flat().length).toBeGreaterThan(3 * NAMES_INDEX_MIN);
    rmSync(indexFile());
    expect(CASES.map(sortedCandidates)).toEqual(fromIndex);
    expect([await run('0', '--shell', 'bash', '--text', 'q', '--', '"q'), await run('0', '--shell', 'bash', '--', 'd'), await run('0', '--', "'s")].map(sortedLines)).toEqual(bash);
    expect(bash[0]).toBe('\nQq\\"; touch ~/pwned #');
  });

  test('a menu written later keeps the index (stamped anew, not rebuilt from the lists)', async () => {
    const before = readFileSync(indexFile(), 'utf8');
    await write({ [`${LIST}/bikupan`]: { fetchedAt: Date.now(), body: { title: 'Bikupan', region: 'Uppsala', homepage: '', mapUrl: '', dishes: ['Lax'] } } });
    const after = readFileSync(indexFile(), 'utf8');
    expect(after).not.toBe(before);
    expect(after.slice(after.indexOf('\n'))).toBe(before.slice(before.indexOf('\n')));
    expect(foldedFor('kök fyll').chars).toBeLessThan(10);
  });

  test('cache.json written since by anything else (an earlier version, a hand edit): the index is not used', () => {
    expect(existsSync(indexFile())).toBe(true);
    expect(candidates('kok', 'fyllnad', '7')).toContain('7');
    const text = readFileSync(join(cacheDir(), 'cache.json'), 'utf8');
    writeFileSync(join(cacheDir(), 'cache.json'), text.replace('Kök Fyllnad 7"', 'Nytt Namn 7"'));
    expect(candidates('nytt')).toEqual(['Nytt Namn 7']);
    expect(candidates('kok', 'fyllnad', '7')).not.toContain('7');
    expect(candidates('kok', 'fyllnad', '7')).toContain('70');
  });

  test('a line of the index that is not what the model makes of a name or identifier is left out', () => {
    let text = readFileSync(indexFile(), 'utf8');
    const tamper = (from: string, to: string) => {
      expect(text).toContain(from);
      text = text.replace(from, to);
    };
    tamper('\tn\tKök Fyllnad 1\n', '\tn\tKök Fyllnad 1 \u001b]0;pwned\u0007\n');
    tamper('\tn\tKök Fyllnad 2\n', '\tn\tKök \u202e Fyllnad 2\n');
    tamper('\tn\tKök Fyllnad 3\n', `\tn\tKök Fyllnad 3${'x'.repeat(200)}\n`);
    tamper('\ti\tfyll-4\n', '\ti\t..\n');
    tamper('\ti\tfyll-5\n', '\ti\tfyll-5\tmore\n');
    tamper('["uppsala"', '["uppsala\\u001b[2J","uppsala"');
    writeFileSync(indexFile(), text);
    const continued = candidates('kok', 'fyllnad', '');
    for (const gone of ['1', '2', '3']) expect(continued).not.toContain(gone);
    expect(continued).toEqual(expect.arrayContaining(['0', '4', '5', '10']));
    expect(candidates('kok fyllnad').some((c) => /[\u001b\u202e]/.test(c))).toBe(false);
    expect(candidates('fyll-')).not.toContain('..');
    expect(candidates('fyll-')).toContain('fyll-6');
    expect(candidates('fyll-5')).not.toContain('fyll-5');
    expect(candidates('fyll-5')).toContain('fyll-50');
    expect(candidates('--region', '')).toEqual(expect.arrayContaining(['uppsala', 'solna', 'lund']));
    expect(candidates('--region', '').some((c) => c.includes('\u001b'))).toBe(false);
  });

  test('a list pruned from the cache leaves the index with it; a cleared cache has none', async () => {
    expect(existsSync(indexFile())).toBe(true);
    await write({ [`${LIST}/bikupan`]: { fetchedAt: Date.now(), body: null } }, (key) => !key.endsWith('/restaurant'));
    expect(existsSync(indexFile())).toBe(false);
    expect(candidates('kök fyll')).toEqual([]);
    await write({ [LIST]: { fetchedAt: Date.now(), body: restaurants() } });
    expect(candidates('kök fyll')).toHaveLength(NAMES_INDEX_MIN);
    await new store.DiskCache(cacheDir(), { warn: () => {} } as never).clear();
    expect(existsSync(indexFile())).toBe(false);
    expect(candidates('kök fyll')).toEqual([]);
  });

  test('a list from a second API is merged into the index; completion writes nothing', async () => {
    await write({ 'http://relay.example/restaurant': { fetchedAt: Date.now(), body: [cached('kc', 'Kemicentrum', 'Lund')] } });
    const files = readdirSync(cacheDir()).map((f) => [f, statSync(join(cacheDir(), f)).mtimeMs]);
    expect(foldedFor('kem')).toEqual({ result: ['Kemicentrum'], chars: 3 });
    expect(candidates('kök fyll')).toHaveLength(NAMES_INDEX_MIN);
    expect(readdirSync(cacheDir()).map((f) => [f, statSync(join(cacheDir(), f)).mtimeMs])).toEqual(files);
  });
});

test('a cache of few restaurants has no index (one is removed when the lists shrink)', async () => {
  await write({ [LIST]: { fetchedAt: Date.now(), body: restaurants() } });
  expect(existsSync(indexFile())).toBe(true);
  await write({ [LIST]: { fetchedAt: Date.now(), body: restaurants(0) } });
  expect(readdirSync(cacheDir())).toEqual(['cache.json']);
  expect(candidates('sven')).toEqual(['Sven Dufva']);
});

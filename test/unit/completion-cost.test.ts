// What one <TAB> costs with long restaurant names, counted, not timed: every character that
// completion folds goes through fold() (the names here are not plain ASCII, so the ASCII fast
// path hands them on to it too), and the test counts them. Names come from the network: one of
// 10 KB, or hundreds of them, must not cost more per name than a name of a few hundred
// characters. Wall time is measured by bench/completion.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { MATCHED_LENGTH } from '../../src/menu/matching.js';

const folded = vi.hoisted(() => ({ calls: 0, chars: 0 }));
vi.mock('../../src/text.js', async (importOriginal) => {
  const text = await importOriginal<typeof import('../../src/text.js')>();
  return {
    ...text,
    fold: (s: string) => {
      folded.calls++;
      folded.chars += s.length;
      return text.fold(s);
    },
  };
});

// The suite shares modules between files (isolate: false): completion.ts is imported afresh, so
// that it sees the counting fold() whatever another file loaded before.
let complete: typeof import('../../src/completion/complete.js').complete;
beforeAll(async () => {
  vi.resetModules();
  ({ complete } = await import('../../src/completion/complete.js'));
});

let home: string;
let env: Record<string, string>;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'rm-complete-cost-'));
  env = { HOME: home, XDG_CACHE_HOME: join(home, '.cache') };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function cacheNames(names: string[]) {
  const body = names.map((name, i) => ({ id: `r${i}`, name, region: 'Uppsala', homepage: '', menuUrl: '', mapUrl: '' }));
  mkdirSync(join(home, '.cache', 'restaurant-menu'), { recursive: true });
  writeFileSync(join(home, '.cache', 'restaurant-menu', 'cache.json'), JSON.stringify({ format: 1, entries: { 'https://x/api/restaurant': { fetchedAt: Date.now(), body } } }));
}

/** Characters folded to complete the last of `words`. */
function foldedFor(...words: string[]) {
  folded.calls = folded.chars = 0;
  const candidates = complete(COMMANDS, words.length - 1, words, env);
  expect(folded.calls, 'fold() is counted').toBeGreaterThan(0);
  return { candidates, chars: folded.chars };
}

// 2,000 words of about 4 characters: `Kök kök kök 17 kök …`, 8 KB each, told apart early (the model
// clips what it reads of a cached name, so a difference at the end would not survive).
const longName = (i: number, words = 2_000) => `Kök kök kök ${i} ${'kök '.repeat(words - 5)}kök`;

test('continuing a name: each name is folded once, on its first MATCHED_LENGTH characters, however long it is', () => {
  const names = Array.from({ length: 50 }, (_, i) => longName(i));
  cacheNames(names);
  const typed = ['kok', 'kok', 'kok'];
  const { candidates, chars } = foldedFor(...typed, '');
  // Every name continues `kok kok kok`, with the rest of its 2,000 words.
  expect(candidates).toHaveLength(50);
  expect(candidates[0]).toMatch(/^0 kök kök kök/);
  // The name's words up to what was typed, then the rest's first MATCHED_LENGTH characters, for
  // the two places where the rest may start at most; the typed words themselves.
  const perName = 2 * MATCHED_LENGTH + 3 * MATCHED_LENGTH;
  expect(chars).toBeLessThanOrEqual(names.length * perName + 100);
});

test('the first word: each name and identifier folded once, on its first MATCHED_LENGTH characters', () => {
  const names = Array.from({ length: 50 }, (_, i) => longName(i));
  cacheNames(names);
  const { candidates, chars } = foldedFor('kö');
  expect(candidates).toHaveLength(50);
  expect(chars).toBeLessThanOrEqual(names.length * (MATCHED_LENGTH + 2) + 100);
});

test('the work per name does not grow with its length: 1,000 and 4,000 words cost the same', () => {
  cacheNames(Array.from({ length: 20 }, (_, i) => longName(i, 1_000)));
  const shorter = foldedFor('kok', 'kok', '').chars;
  const shorterFirst = foldedFor('kö').chars;
  cacheNames(Array.from({ length: 20 }, (_, i) => longName(i, 4_000)));
  expect(foldedFor('kok', 'kok', '').chars).toBe(shorter);
  expect(foldedFor('kö').chars).toBe(shorterFirst);
});

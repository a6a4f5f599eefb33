// What a mistyped word (a command, a setting, a value) seems to mean, for "Did you mean …?".
// Edit distance is fastest-levenshtein's, as for restaurant names (menu/lookup.ts).
import { distance } from 'fastest-levenshtein';

/** Edits between two words, a swap of neighbours counting as one edit (`todya` → `today`). */
export function editDistance(a: string, b: string): number {
  const d = distance(a, b);
  return d === 2 && isOneSwap(a, b) ? 1 : d;
}

/** Whether `b` is `a` with two neighbouring characters swapped. */
function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** A word this long that begins exactly one of the words is taken to mean it: `complet` is `completion`. */
const PREFIX_LENGTH = 4;

/**
 * The word a word seems to mean: same letters in another case, the beginning of only that word
 * (at least PREFIX_LENGTH letters), or one edit away (two for words of five letters or more).
 */
export function closeWord(word: string, words: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (words.includes(lower)) return lower;
  if (!/^[a-z]+$/.test(lower)) return undefined;
  const begun = words.filter((c) => c.startsWith(lower));
  if (lower.length >= PREFIX_LENGTH && begun.length === 1) return begun[0];
  const allowed = lower.length >= 5 ? 2 : 1;
  const scored = words.map((c) => ({ c, d: editDistance(lower, c) })).filter((s) => s.d <= allowed);
  scored.sort((x, y) => x.d - y.d);
  return scored[0]?.c;
}

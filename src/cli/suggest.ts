// What a mistyped word (a command, a setting, a value) seems to mean, for "Did you mean …?".
// Words are short and few, so the distance is optimal string alignment (damerau-levenshtein: a
// swap of neighbours is one edit, `todya` → `today`, `tdoya` → `today` two). Restaurant names,
// many and long, are matched with fastest-levenshtein instead (menu/lookup.ts).
import damerauLevenshtein from 'damerau-levenshtein';

/** Edits between two words, a swap of neighbours counting as one edit. */
export const editDistance = (a: string, b: string): number => damerauLevenshtein(a, b).steps;

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

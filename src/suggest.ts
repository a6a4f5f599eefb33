// How far apart two typed things are, for "Did you mean …?" and for typos in restaurant names:
// the one home of fuzzy matching. Two libraries, each where it fits:
// - words (commands, settings, values) are short and few: optimal string alignment
//   (damerau-levenshtein), where a swap of neighbours is one edit (`todya` → `today`: 1,
//   `tdoya` → `today`: 2);
// - restaurant names are many and long (menu/lookup.ts compares every part of every name):
//   Levenshtein distance from fastest-levenshtein, the faster of the two.
import damerauLevenshtein from 'damerau-levenshtein';
import { distance } from 'fastest-levenshtein';

/** Edits between two words, a swap of neighbours counting as one edit. */
export const editDistance = (a: string, b: string): number => damerauLevenshtein(a, b).steps;

/** Edits between two folded names (insertions, deletions, substitutions). */
export const nameDistance = (a: string, b: string): number => distance(a, b);

/** Longer than any word of the tool's (the longest, `upstreamConcurrency`, has 19 letters). */
const MAX_WORD_LENGTH = 40;

/** A word this long that begins exactly one of the words is taken to mean it: `complet` is `completion`. */
const PREFIX_LENGTH = 4;

/**
 * The word a word seems to mean: same letters in another case, the beginning of only that word
 * (at least PREFIX_LENGTH letters), or one edit away (two for words of five letters or more).
 */
export function closeWord(word: string, words: readonly string[]): string | undefined {
  // No command, setting or value is this long: a longer word is no typo of one (and the distance
  // table would grow with the square of its length).
  if (word.length > MAX_WORD_LENGTH) return undefined;
  const lower = word.toLowerCase();
  if (words.includes(lower)) return lower;
  if (!/^[a-z]+$/.test(lower)) return undefined;
  const begun = words.filter((c) => c.startsWith(lower));
  if (lower.length >= PREFIX_LENGTH && begun.length === 1) return begun[0];
  const allowed = lower.length >= 5 ? 2 : 1;
  // Words whose lengths differ by more than the edits allowed are further apart than that.
  const scored = words.filter((c) => Math.abs(c.length - lower.length) <= allowed).map((c) => ({ c, d: editDistance(lower, c) })).filter((s) => s.d <= allowed);
  scored.sort((x, y) => x.d - y.d);
  return scored[0]?.c;
}

// The bounds that keep the food rules linear in a dish's text, which strangers write (menu pages
// are scraped): one place for the caps, and a meter that tests use to prove the work is bounded.
// Light on purpose (no glossary): the model or any other module may import the caps.

/**
 * The food rules read at most this many characters of a dish (UTF-16 code units). Real dish texts
 * are under 300 (the longest of the 419 hand-labelled ones is 62); this leaves ten times that, and
 * bounds one dish's analysis to a few milliseconds whatever the text. What the rules say of a longer
 * dish is said of its first part only, and so never more than "meat" (see dietOf in diet.ts). The
 * display clip (render/) is separate and shorter.
 */
export const MAX_ANALYSED_CHARS = 4096;

/**
 * Compound splitting (glossary.ts) considers words of at most this many characters; a longer word
 * is an unknown word (which keeps a dish from being called vegetarian). Real food compounds are far
 * shorter: the glossary's longest form is 18 characters ("hasselbackspotatis"), the longest
 * compound of the labelled dishes 17 ("kycklingschnitzel"), long menu compounds 20 to 25
 * ("hasselbackspotatisgratäng"). 40 is room for two of the longest forms, a linking s and a short
 * third part. Splitting is then at most 40 positions times the longest stem, per word.
 */
export const MAX_COMPOUND_CHARS = 40;

/**
 * Words and texts up to this long are memoised by the rules (menus repeat them); longer ones are
 * analysed each time (cheaply: they are not split), so that hostile text cannot fill the memos
 * with kilobyte keys.
 */
export const MAX_MEMO_WORD_CHARS = 64;

/** The part of a dish the rules read: all of it, or its first MAX_ANALYSED_CHARS, cut at a space when one is near. */
export function analysedPart(dish: string): string {
  if (dish.length <= MAX_ANALYSED_CHARS) return dish;
  let cut = MAX_ANALYSED_CHARS;
  // Don't cut a surrogate pair in half.
  const code = dish.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  const space = dish.lastIndexOf(' ', cut);
  if (space > cut - 64) cut = space;
  return dish.slice(0, cut);
}

/** Whether the rules read only part of the dish. */
export const isClipped = (dish: string): boolean => dish.length > MAX_ANALYSED_CHARS;

/**
 * Counts the rules' work, for tests: every glossary lookup adds the length of the text it looks up
 * (hashing it is the cost), every step of a scan over a dish's words adds one. Unset, it costs one
 * check per lookup.
 */
export type WorkMeter = (units: number) => void;

let meter: WorkMeter | undefined;

/** Sets (or, with undefined, removes) the meter. */
export function meterWork(next: WorkMeter | undefined): void {
  meter = next;
}

export function work(units: number): void {
  if (meter) meter(units);
}

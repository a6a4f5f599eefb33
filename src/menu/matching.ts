// Bounds for matching typed words against restaurant names, shared by completion, lookup and the
// picker. Names come from the network: whatever their length, matching one costs at most a
// fixed amount of work. A name is matched on its first MATCHED_LENGTH characters, which is far
// more than any real name has (the longest real one has 23) and more than anyone types.
import { fold } from '../text.js';

export const MATCHED_LENGTH = 256;

/** The first `max` characters, without cutting a surrogate pair in half. */
export function head(text: string, max = MATCHED_LENGTH): string {
  if (text.length <= max) return text;
  const cut = /[\ud800-\udbff]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, cut);
}

/** fold() of the first MATCHED_LENGTH characters: what a name is matched on. */
export const foldHead = (text: string): string => foldFast(head(text));

/** fold(), without its Unicode steps for printable ASCII (which they leave as it is). */
export function foldFast(text: string): string {
  return /^[ -~]*$/.test(text) ? text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() : fold(text);
}

// Mistyped words of five letters or more with a swap of neighbours AND one more edit are still
// "Did you mean …?", as before the restructuring (f5a39be: optimal string alignment, where a
// swap is one edit anywhere in the word). fastest-levenshtein plus "exactly one swap" counts
// `tdoya` (a swap, then another swap) as 3 edits, so it fell through to a restaurant lookup.
import { expect, test } from 'vitest';
import { useCli } from '../helpers/in-process.js';

const t = useCli();

test.each([
  ['tdoya', 'today'],
  ['cnofg', 'config'],
  ['srevre', 'serve'],
  ['comlpetoin', 'completion'],
])('%j (a swap and one more edit) → did you mean %j? (exit 2, no request)', async (word, suggestion) => {
  const r = await t.run(word);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trimEnd()).toBe(`restaurant-menu: unknown command '${word}'. Did you mean '${suggestion}'?`);
  expect(t.api.totalCalls()).toBe(0);
});

test.each([
  [['help', 'cnofg'], "unknown command 'cnofg'. Did you mean 'config'?"],
  [['config', 'usnte', 'region'], "unknown command 'usnte' for 'config'. Did you mean 'unset'?"],
  [['config', 'get', 'reigons'], "unknown setting 'reigons'. Did you mean 'region'?"],
  [['today', '--diet', 'pescatarain'], "--diet: must be one of any, vegan, vegetarian, pescetarian, fish, meat (got 'pescatarain'; did you mean 'pescetarian'?)"],
])('%j: the close word is still suggested', async (args, message) => {
  const r = await t.runWith(args); // no --api: `help` and `config` take none
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trimEnd()).toBe(`restaurant-menu: ${message}`);
  expect(t.api.totalCalls()).toBe(0);
});

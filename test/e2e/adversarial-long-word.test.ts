// Found by the adversarial round (h-adv): "Did you mean …?" (cli/suggest.ts closeWord) runs the
// damerau-levenshtein package on the whole mistyped word, and that package allocates a
// (longest length + 1)² matrix before it compares anything: one long word (a paste gone wrong)
// as a name, a command, or the value of --diet/--color (or RESTAURANT_MENU_DIET) takes
// gigabytes and minutes (10,000 letters: over 60 s; 5,000 with a 64 MB heap: killed by V8,
// exit 134 and a native stack trace) instead of one line and exit 2. The memory limit makes the
// failure a crash rather than a slow run, so no clock is read.
import { expect, test } from 'vitest';
import { useBinary } from '../helpers/binary.js';

const t = useBinary();
const LONG = 'a'.repeat(6000);
const SMALL_HEAP = { NODE_OPTIONS: '--max-old-space-size=64' };

test.each([
  ['a name or command', [LONG]],
  ['--diet', ['today', '--diet', LONG]],
  ['--color', ['today', '--color', LONG]],
])('one long word as %s is one line and exit 2, in little memory', async (_, args) => {
  const r = await t.box.run([...args, '--api', t.api.url, '--no-cache'], SMALL_HEAP);
  expect(r.code, r.stderr.slice(0, 300)).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(t.api.totalCalls()).toBe(0);
});

test('a long RESTAURANT_MENU_DIET is one line and exit 2, in little memory', async () => {
  const r = await t.box.run(['today', '--api', t.api.url, '--no-cache'], { ...SMALL_HEAP, RESTAURANT_MENU_DIET: LONG });
  expect(r.code, r.stderr.slice(0, 300)).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
});

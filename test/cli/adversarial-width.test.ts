// An emoji with a skin-tone modifier (👍🏽, 👩🏽‍💻) takes two
// columns on a terminal, as one emoji; text.ts displayWidth counts the modifier as a third, so a
// table row holding one is drawn without its padding (`│ Sven Dufva │ • Tacos 👍🏽 med salsa │ │`).
import { expect, test } from 'vitest';
import { useCli } from '../helpers/in-process.js';

const t = useCli();

test('a dish with a skin-toned emoji keeps the table\'s borders in line', async () => {
  t.api.dishes.dufva = ['Tacos 👍🏽 med salsa', 'Pytt i panna med rödbetor'];
  const r = await t.runWith(['--api', t.api.url, '--no-cache', 'today'], { columns: 100, env: { NO_COLOR: '1' } });
  expect(r.code, r.stderr).toBe(0);
  // Each line of the box, the emoji written as the two columns a terminal gives it: all as wide.
  const box = r.stdout.split('\n').filter((l) => /^[┌│├└]/.test(l)).map((l) => l.replace(/\p{Extended_Pictographic}\p{Emoji_Modifier}?/gu, '##'));
  expect(box.some((l) => l.includes('Tacos ##'))).toBe(true);
  const widths = new Set(box.map((l) => [...l].length));
  expect([...widths], box.join('\n')).toHaveLength(1);
});

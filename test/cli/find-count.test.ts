// `find` says honestly how many menus it searched (issue 21): a restaurant that published no
// menu today is not a menu searched.
import { expect, test } from 'vitest';
import { useCli } from '../helpers/in-process.js';

const t = useCli();

test.each([
  // The stand-in: 18 restaurants, Café Biomedicum and Café Delta (Solna) publish nothing.
  [['find', 'surströmming'], '(searched 16 menus; 2 restaurants have published none today)'],
  [['find', 'surströmming', '--region', 'solna'], '(searched 10 menus; 2 restaurants have published none today)'],
  [['find', 'lax', '-f'], '(the one restaurant has published no menu today)', 'biomedicum'],
  [['find', 'lax', '-f'], '(none of the 2 restaurants has published a menu today)', 'biomedicum, delta'],
])('%j says %s', async (args, said, favorites?: string) => {
  const r = await t.runWith(['--api', t.api.url, ...args], { env: { RESTAURANT_MENU_FAVORITES: favorites } });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(said);
});

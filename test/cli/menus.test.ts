// `find` and `today` in-process against the stand-in API: grouping, columns, diets, English,
// favourites, partial failure, stale copies, politeness, and what is said when.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SATURDAY } from '../helpers/clock.js';
import { useCli, type CliResult } from '../helpers/in-process.js';
import { closedPortUrl } from '../helpers/menu-api.js';

const t = useCli();
const run = t.run;
const json = (r: CliResult) => JSON.parse(r.stdout);
const ids = (groups: { restaurants: { restaurant: { id: string } }[] }[]) => groups.flatMap((g) => g.restaurants.map((m) => m.restaurant.id));
const ALL_IDS = ['bikupan', 'dufva', 'elma', 'hubben', 'kraemer', 'rudbeck', 'biomedicum', 'delta', 'glada', 'haga', 'jons', 'jorpes', 'livet', 'maethai', 'nanna', 'omni', 'street', 'svarta'];

describe('find', () => {
  test('every word in any order, grouped by region, with the same columns as today', async () => {
    const r = await run('find', 'curry', 'kyckling');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => l.split('\t').slice(0, 5))).toEqual([
      ['Uppsala', 'hubben', 'Restaurang Hubben', 'Kycklinggryta med curry och ris', 'meat'],
      ['Solna', 'jons', 'Jöns Jacob', 'Kyckling curry med jasminris', 'meat'],
    ]);
    expect(r.stdout.split('\n')[0]!.split('\t')).toHaveLength(9);
    expect(r.stdout.split('\n')[0]!.split('\t')[6]).toMatch(/^https:\/\/www\.openstreetmap\.org\/\?mlat=/);
    expect(r.stderr).toBe('');
  });

  test.each([
    ['chicken', ['hubben', 'elma', 'jons', 'maethai']],
    ['salmon', ['jorpes', 'nanna']],
    ['lax', ['jorpes', 'nanna']],
    ['meatballs', ['bikupan']],
    ['vegetarian', ['rudbeck', 'bikupan', 'hubben', 'dufva', 'jorpes', 'livet', 'maethai', 'street']],
  ])('bilingual: find %j finds %j', async (word, expected) => {
    const r = await run('find', word, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(ids(json(r).regions).sort()).toEqual([...expected].sort());
  });

  test('--region narrows it (canonical region in JSON); --json has the documented shape', async () => {
    const r = await run('find', 'vegan', '--region', 'bmc', '--json');
    expect(r.code).toBe(0);
    const j = json(r);
    expect(j).toMatchObject({ status: 'matches', query: 'vegan', region: 'Uppsala', diet: null, searched: 6, failed: [] });
    expect(j.regions).toEqual([
      {
        region: 'Uppsala',
        restaurants: [
          expect.objectContaining({ restaurant: expect.objectContaining({ id: 'bikupan' }), dishes: ['Vegansk linsgryta med kokosmjölk och koriander'] }),
          expect.objectContaining({ restaurant: expect.objectContaining({ id: 'dufva' }), dishes: ['Falafel med tahinisås'] }),
        ],
      },
    ]);
    expect(j.regions[0].restaurants[0].source).toMatchObject({ fromCache: false, stale: false });
    expect(j.regions[0].restaurants[0].dishDetails[0]).toMatchObject({ tags: ['vegan', 'vegetarian'] });
  });

  test('nothing found on a weekday: says so without a weekend hint, exit 1', async () => {
    const r = await run('find', 'surströmming');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("restaurant-menu: no dish today matches 'surströmming' (searched 16 menus; 2 restaurants have published none today)\n");
    expect(json(await run('find', 'surströmming', '--json')).status).toBe('no_matches');
  });

  test('on a Saturday with most menus published, no weekend hint either', async () => {
    t.at(SATURDAY);
    const r = await run('find', 'surströmming');
    expect(r.stderr).toBe("restaurant-menu: no dish today matches 'surströmming' (searched 16 menus; 2 restaurants have published none today)\n");
  });

  test('on a Saturday with no menu published anywhere: the weekend hint', async () => {
    t.at(SATURDAY);
    for (const id of ALL_IDS) t.api.dishes[id] = [];
    const r = await run('find', 'lax');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no dish today matches 'lax' \(none of the 18 restaurants has published a menu today; restaurants are usually closed on weekends\)/);
  });

  test.each([
    [['***'], /say what to look for/],
    [['lax'.repeat(100)], /the search is too long \(300 characters; at most 200\)/],
  ])('find %j is a usage error without a request', async (words, pattern) => {
    const r = await run('find', ...words);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(t.api.totalCalls()).toBe(0);
  });

  test('a second find within the TTL makes no request at all', async () => {
    await run('find', 'lax');
    expect(t.api.totalCalls()).toBe(19);
    t.api.reset();
    expect((await run('find', 'kyckling')).code).toBe(0);
    expect(t.api.totalCalls()).toBe(0);
  });
});

describe('diets', () => {
  test.each([
    ['vegan', ['bikupan', 'dufva', 'jorpes', 'livet', 'maethai', 'street']],
    ['vegetarian', ['rudbeck', 'bikupan', 'hubben', 'dufva', 'jorpes', 'livet', 'maethai', 'street']],
    ['pescetarian', ['rudbeck', 'bikupan', 'hubben', 'dufva', 'jorpes', 'jons', 'livet', 'maethai', 'street', 'nanna', 'svarta']],
    ['fish', ['rudbeck', 'jorpes', 'jons', 'nanna', 'svarta']],
  ])('today --diet %s: only dishes that fit', async (diet, expected) => {
    const r = await run('today', '--diet', diet, '--json');
    expect(r.code, r.stderr).toBe(0);
    const j = json(r);
    expect(j.diet).toBe(diet);
    expect(ids(j.regions).sort()).toEqual([...expected].sort());
    expect(j.nothingFits.length + ids(j.regions).length + j.noMenu.length).toBe(18);
  });

  test('restaurants left with nothing are listed compactly', async () => {
    const r = await run('today', '--diet', 'vegan');
    expect(r.stderr).toMatch(/^restaurant-menu: no vegan dishes today at Bistro Rudbeck, Elma, Hotel von Kraemer, .* and Svarta Räfven$/m);
  });

  test('a saved diet is the default; --diet any overrides it', async () => {
    await t.runWith(['config', 'set', 'diet', 'vegan']);
    expect(ids(json(await run('today', '--json')).regions)).toHaveLength(6);
    expect(ids(json(await run('today', '--diet', 'any', '--json')).regions)).toHaveLength(16);
  });

  test('a lookup with a diet: the other dishes are counted, not shown', async () => {
    const j = json(await run('dufva', '--diet', 'vegan', '--json'));
    expect(j).toMatchObject({ dishes: ['Falafel med tahinisås'], hidden: 1, diet: 'vegan' });
    const r = await run('elma', '--diet', 'vegan');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('restaurant-menu: no vegan dishes today at Elma (1 other dish)\n');
  });

  test('find with a diet', async () => {
    const j = json(await run('find', 'curry', '--diet', 'vegan', '--json'));
    expect(ids(j.regions)).toEqual(['maethai']);
  });
});

describe('English glosses', () => {
  test('--english fills the gloss column when piped; JSON always carries it', async () => {
    const r = await run('bikupan', '--english');
    expect(r.stdout.split('\n')[0]!.split('\t')[5]).toBe('meatballs, cream sauce, mashed potatoes, lingonberries');
    expect((await run('bikupan')).stdout.split('\n')[0]!.split('\t')[5]).toBe('');
    expect(json(await run('bikupan', '--json')).dishDetails[0].english).toBe('meatballs, cream sauce, mashed potatoes, lingonberries');
  });

  test('config set english true makes it the default; --no-english turns it off', async () => {
    await t.runWith(['config', 'set', 'english', 'true']);
    expect((await run('bikupan')).stdout.split('\t')[5]).toMatch(/meatballs/);
    expect((await run('bikupan', '--no-english')).stdout.split('\t')[5]).toBe('');
  });
});

describe('today', () => {
  test('every menu grouped by region; empty menus listed compactly; no weekend hint on a weekday', async () => {
    const r = await run('today', '--json');
    expect(r.code).toBe(0);
    const j = json(r);
    expect(j).toMatchObject({ status: 'today', date: '2026-12-02', weekend: false, region: null });
    expect(j.regions.map((g: { region: string }) => g.region)).toEqual(['Uppsala', 'Solna']);
    expect(ids(j.regions)).toHaveLength(16);
    expect(j.noMenu.map((x: { id: string }) => x.id)).toEqual(['biomedicum', 'delta']);
    const piped = await run('today');
    expect(piped.stdout).toMatch(/^Uppsala\trudbeck\tBistro Rudbeck\tVegetarisk lasagne\tvegetarian\t/);
    expect(piped.stderr).toBe('restaurant-menu: no menu today: Café Biomedicum and Café Delta\n');
  });

  test('on a Saturday with some menus published: no weekend hint', async () => {
    t.at(SATURDAY);
    const r = await run('today');
    expect(r.stderr).toBe('restaurant-menu: no menu today: Café Biomedicum and Café Delta\n');
  });

  test('on a Saturday with no menu at all: the weekend hint, once', async () => {
    t.at(SATURDAY);
    for (const id of ALL_IDS) t.api.dishes[id] = [];
    const r = await run('today');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    // Said once, without naming all 18 restaurants.
    expect(r.stderr).toBe('restaurant-menu: no restaurant has published a menu for today (restaurants are usually closed on weekends)\n');
    const term = await t.runWith(['--api', t.api.url, 'today'], { columns: 80 });
    expect(term.stdout.match(/published a menu/g)).toHaveLength(1);
    expect(term.stdout).not.toContain('Bikupan');
  });

  test('never more than the cap in flight at the API (default 4, --concurrency, the saved setting)', async () => {
    t.api.latencyMs = 30;
    await run('today', '--no-cache');
    expect(t.api.maxInFlight).toBe(4);
    t.api.reset();
    t.api.latencyMs = 30;
    await run('today', '--no-cache', '--concurrency', '2');
    expect(t.api.maxInFlight).toBe(2);
    t.api.reset();
    t.api.latencyMs = 30;
    await t.runWith(['config', 'set', 'concurrency', '3']);
    await run('today', '--no-cache');
    expect(t.api.maxInFlight).toBe(3);
  });

  test('partial failure: the rest are shown; the end of the output names what is missing and why; exit 0', async () => {
    t.api.faults.set('/restaurant/dufva', '500');
    t.api.faults.set('/restaurant/jons', 'html');
    const r = await run('today');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Bistro Rudbeck/);
    expect(r.stdout).not.toMatch(/Sven Dufva|Jöns Jacob/);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^restaurant-menu: could not fetch the menu of Sven Dufva \(the menu API at .* answered 500 Internal Server Error; try again later\); Jöns Jacob \(the menu API at .* sent a web page instead of JSON; is the API URL right\?\)$/,
    );
    const j = json(await run('today', '--json', '--refresh'));
    expect(j.failed.map((f: { restaurant: { id: string } }) => f.restaurant.id)).toEqual(['dufva', 'jons']);
    expect(j.failed[0].error.code).toBe('API_STATUS');
  });

  test('no menu at all could be fetched: exit 3, and with --json the error object with what failed', async () => {
    await run('--region', 'uppsala'); // the list is cached; every menu then fails
    for (const id of ALL_IDS) t.api.faults.set(`/restaurant/${id}`, '503');
    const r = await run('today');
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^restaurant-menu: no menu could be fetched \(the menu API .* answered 503 .*; 18 restaurants failed\)$/)]);
    const j = await run('today', '--json');
    expect(j.code).toBe(3);
    const body = json(j);
    expect(body).toMatchObject({ status: 'error', error: { code: 'API_NO_MENUS', message: expect.stringMatching(/^no menu could be fetched/) } });
    expect(body.error.details.failed).toHaveLength(18);
    const f = await run('find', 'lax', '--json');
    expect(f.code).toBe(3);
    expect(json(f).error.code).toBe('API_NO_MENUS');
  });

  test('a restaurant called "today" is reachable with show', async () => {
    const r = await run('show', 'today');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no restaurant matches 'today'/);
  });
});

describe('favourites', () => {
  test('saved by name, stored as identifiers; unknown or ambiguous names save nothing', async () => {
    const set = await t.runWith(['--api', t.api.url, 'config', 'set', 'favorites', 'bikupan, sven dufva'].slice(2), { env: { RESTAURANT_MENU_API: t.api.url } });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('favorites = bikupan,dufva\n');
    const unknown = await t.runWith(['config', 'set', 'favorites', 'bikupan, nowhere'], { env: { RESTAURANT_MENU_API: t.api.url } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("restaurant-menu: 'nowhere' is no restaurant; nothing was saved\n");
    const ambiguous = await t.runWith(['config', 'set', 'favorites', 'restaurang'], { env: { RESTAURANT_MENU_API: t.api.url } });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/^restaurant-menu: 'restaurang' fits \d+ restaurants: .*Restaurang Bikupan \(bikupan\).*; nothing was saved\n$/);
    expect((await t.runWith(['config', 'get', 'favorites'])).stdout).toBe('bikupan,dufva\n');
    expect((await t.runWith(['config', 'set', 'favorites', ' , '])).stdout).toBe('removed the saved favorites\n');
    expect((await t.runWith(['config', 'get', 'favorites'])).stdout).toBe('\n');
  });

  test('config set favorites takes --api and --timeout, as the advice of an unreachable API says', async () => {
    const set = await t.runWith(['config', 'set', 'favorites', 'bikupan', '--api', t.api.url, '--timeout', '5s']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('favorites = bikupan\n');
    const down = await t.runWith(['config', 'set', 'favorites', 'nowhere', '--api', await closedPortUrl()]);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/give another with --api/);
  });

  test('names a cached list knows are saved without a request, so the API may be down', async () => {
    expect((await run('today')).code).toBe(0); // the list is cached, from the stand-in
    t.api.reset();
    // This run's API is down (and not the one the list came from, as after using a relay once).
    const env = { RESTAURANT_MENU_API: await closedPortUrl() };
    const set = await t.runWith(['config', 'set', 'favorites', 'bikupan, sven dufva'], { env });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('favorites = bikupan,dufva\n');
    // A name no cached list knows is checked against the API: down, so exit 3 and nothing saved.
    const unknown = await t.runWith(['config', 'set', 'favorites', 'nowhere'], { env });
    expect(unknown.code).toBe(3);
    expect((await t.runWith(['config', 'get', 'favorites'])).stdout).toBe('bikupan,dufva\n');
    expect(t.api.totalCalls()).toBe(0);
  });

  test('today --favorites (-f) shows only them; plain today marks them and shows them first', async () => {
    await t.runWith(['config', 'set', 'favorites', 'jons, dufva'], { env: { RESTAURANT_MENU_API: t.api.url } });
    const only = json(await run('today', '-f', '--json'));
    expect(ids(only.regions).sort()).toEqual(['dufva', 'jons']);
    const all = json(await run('today', '--json'));
    const marked = all.regions.flatMap((g: { restaurants: { favorite: boolean; restaurant: { id: string } }[] }) => g.restaurants.filter((m) => m.favorite).map((m) => m.restaurant.id));
    expect(marked).toEqual(['dufva', 'jons']);
    const piped = (await run('today')).stdout.split('\n');
    expect(piped.slice(0, 4).map((l) => l.split('\t')[1])).toEqual(['dufva', 'dufva', 'jons', 'jons']);
    const table = await run('today', '--color', 'never');
    expect(table.code).toBe(0);
  });

  test('--favorites without saved favourites is a usage error', async () => {
    const r = await run('today', '--favorites');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no favourites saved yet/);
  });

  test('a favourite that disappears from the API is reported once, not fatal', async () => {
    await t.runWith(['config', 'set', 'favorites', 'dufva, omni'], { env: { RESTAURANT_MENU_API: t.api.url } });
    t.api.restaurants = t.api.restaurants.filter((r) => r.identifier !== 'omni');
    const first = await run('today', '--refresh');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/your favourite 'omni' is not in the restaurant list; 'restaurant-menu config set favorites' to update them/);
    const second = await run('today');
    expect(second.stderr).not.toMatch(/omni/);
    const only = await t.runWith(['--api', t.api.url, 'today', '-f'], { env: { RESTAURANT_MENU_FAVORITES: 'omni' } });
    // One line: the error, without the note before it.
    expect(only).toMatchObject({
      code: 2,
      stderr: "restaurant-menu: none of your favourites matches a restaurant ('omni' is not in the restaurant list); change RESTAURANT_MENU_FAVORITES\n",
    });
  });

  test('favourites given in the environment may be names; a name that fits several is said so, with the fix that works', async () => {
    const r = await t.runWith(['--api', t.api.url, 'today', '-f', '--json'], { env: { RESTAURANT_MENU_FAVORITES: 'sven dufva,jons' } });
    expect(r.code, r.stderr).toBe(0);
    expect(ids(json(r).regions).sort()).toEqual(['dufva', 'jons']);
    const several = await t.runWith(['--api', t.api.url, 'today', '-f'], { env: { RESTAURANT_MENU_FAVORITES: 'jons,restaurang' } });
    expect(several.code).toBe(0);
    expect(several.stderr).toContain("restaurant-menu: your favourite 'restaurang' fits 5 restaurants; change RESTAURANT_MENU_FAVORITES\n");
  });

  test('with a home region, favourites elsewhere are still shown; --region limits them; -f with none there is a usage error', async () => {
    await t.runWith(['config', 'set', 'favorites', 'dufva'], { env: { RESTAURANT_MENU_API: t.api.url } });
    await t.runWith(['config', 'set', 'region', 'solna']);
    const plain = json(await run('today', '--json'));
    const shown = plain.regions.flatMap((g: { restaurants: { restaurant: { id: string; region: string } }[] }) => g.restaurants.map((m) => m.restaurant));
    expect(shown.map((r: { id: string }) => r.id)).toContain('dufva');
    // The rest are the home region's, all of them.
    const rest = shown.filter((r: { id: string }) => r.id !== 'dufva');
    expect(rest.every((r: { region: string }) => r.region === 'Solna')).toBe(true);
    expect(rest.length + plain.noMenu.length + plain.nothingFits.length).toBe(12);
    expect(ids(json(await run('today', '-f', '--json')).regions)).toEqual(['dufva']);
    expect(ids(json(await run('today', '--region', 'solna', '--json')).regions)).not.toContain('dufva');
    const none = await run('today', '-f', '--region', 'solna');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^restaurant-menu: none of your favourites is in Solna \(Sven Dufva: Uppsala\); drop --region or --favorites\n$/);
  });
});

describe('a home region', () => {
  test('config set region makes today, find and the list default to it; --region all overrides', async () => {
    // Saved as the region it means, so `config get` says Solna, not an alias to decode.
    expect((await t.runWith(['config', 'set', 'region', 'ki'])).stdout).toBe('region = solna\n');
    expect(json(await run('today', '--json')).region).toBe('Solna');
    expect(json(await run('find', 'lax', '--json')).region).toBe('Solna');
    expect(json(await run('--json')).regions.map((g: { region: string }) => g.region)).toEqual(['Solna']);
    expect(json(await run('today', '--region', 'all', '--json')).region).toBeNull();
  });

  test('a named lookup still finds a restaurant outside the home region', async () => {
    await t.runWith(['config', 'set', 'region', 'solna']);
    const r = await run('bikupan', '--json');
    expect(r.code).toBe(0);
    expect(json(r).restaurant.id).toBe('bikupan');
  });

  test.each([
    ['Uppsala', 'uppsala'],
    ['KAROLINSKA', 'solna'],
    ['All', 'all'],
  ])('config set region %s saves the canonical %s', async (typed, saved) => {
    expect((await t.runWith(['config', 'set', 'region', typed])).stdout).toBe(`region = ${saved}\n`);
    expect((await t.runWith(['config', 'get', 'region'])).stdout).toBe(`${saved}\n`);
  });

  test('a bad region from the environment is named by its variable; config get marks it invalid', async () => {
    const env = { RESTAURANT_MENU_REGION: 'bogus' };
    const r = await t.runWith(['--api', t.api.url, 'today'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("restaurant-menu: RESTAURANT_MENU_REGION: unknown region 'bogus' (known: Uppsala, Solna or all)\n");
    const get = await t.runWith(['config', 'get', 'region', '--json'], { env });
    expect(JSON.parse(get.stdout).setting).toMatchObject({ value: 'bogus', from: 'env', invalid: "RESTAURANT_MENU_REGION: unknown region 'bogus'" });
  });

  test('a bad saved region says how to fix it', async () => {
    const file = join(t.home.env.XDG_CONFIG_HOME!, 'restaurant-menu', 'config.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ region: 'atlantis' }));
    const r = await run('today');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("restaurant-menu: the saved setting region: unknown region 'atlantis' (known: Uppsala, Solna or all); restaurant-menu config unset region\n");
  });

  test('an unknown home region is refused and nothing is saved', async () => {
    const r = await t.runWith(['config', 'set', 'region', 'Narnia']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown region 'Narnia'/);
    expect((await t.runWith(['config', 'get', 'region'])).stdout).toBe('all\n');
  });
});

test('API down: today serves the cached menus with one warning for all of them, and marks them', async () => {
  await run('today', '--ttl', '0');
  t.api.fault = '500';
  const r = await run('today', '--ttl', '0', '--json');
  expect(r.code, r.stderr).toBe(0);
  const j = json(r);
  const stale = j.regions.flatMap((g: { restaurants: { source: { stale: boolean } }[] }) => g.restaurants.map((m) => m.source.stale));
  expect(stale).toEqual(Array(16).fill(true));
  expect(r.stderr.trim().split('\n')).toEqual([
    'restaurant-menu: no menu today: Café Biomedicum and Café Delta',
    expect.stringMatching(/^restaurant-menu: the menu API at .* answered 500 Internal Server Error; try again later; showing 18 cached menus, the oldest fetched \d+ (ms|s) ago$/),
  ]);
  const table = await t.runWith(['--api', t.api.url, 'today', '--ttl', '0'], { columns: 100 });
  expect(table.stdout).toContain('(cached copy)');
});

describe('--open', () => {
  test('opens the chosen link of the restaurant shown', async () => {
    const opened: string[] = [];
    const r = await t.runWith(['--api', t.api.url, 'dufva', '--open', 'map'], { openUrl: async (url) => (opened.push(url), true) });
    expect(r.code).toBe(0);
    expect(opened).toEqual(['https://www.openstreetmap.org/?mlat=59.84292&mlon=17.64129#map=19/59.84292/17.64129']);
    expect(r.stderr).toBe('');
  });

  test('when no browser can be opened, the link is pointed to (it is in the output), not printed again', async () => {
    const r = await t.runWith(['--api', t.api.url, 'dufva', '--open', 'menu'], { openUrl: async () => false });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('https://matfest.se/veckans-lunch/');
    expect(r.stderr).toBe('restaurant-menu: could not open a browser; the menu link is in the output above\n');
    // Where a terminal shows links as short clickable text, the note gives the whole link.
    const linked = await t.runWith(['--api', t.api.url, 'dufva', '--open', 'menu'], { openUrl: async () => false, columns: 80, env: { FORCE_HYPERLINK: '1' } });
    // (Wrapped to the terminal's 80 columns, the link whole on a line of its own.)
    expect(linked.stderr).toBe('restaurant-menu: could not open a browser; the menu link is\n  https://matfest.se/veckans-lunch/\n');
  });

  test('a restaurant without that link says so', async () => {
    const r = await t.runWith(['--api', t.api.url, 'delta', '--open', 'homepage'], { openUrl: async () => true });
    expect(r.stderr).toMatch(/Café Delta has no homepage link/);
  });

  test('--open with another value is a usage error', async () => {
    expect((await run('dufva', '--open', 'mail')).code).toBe(2);
  });
});

// `find` and `today`, end to end against the stand-in API.
import { describe, expect, test } from 'vitest';
import { useStandIn } from './helpers/stand-in.js';

const t = useStandIn();
const run = t.run;

describe('find', () => {
  test('every word in any order, grouped by region, with the map link', async () => {
    const r = await run('find', 'curry', 'kyckling');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => l.split('\t').slice(0, 4))).toEqual([
      ['Uppsala', 'hubben', 'Restaurang Hubben', 'Kycklinggryta med curry och ris'],
      ['Solna', 'jons', 'Jöns Jacob', 'Kyckling curry med jasminris'],
    ]);
    expect(r.stdout.split('\n')[0]!.split('\t')[4]).toMatch(/^https:\/\/www\.openstreetmap\.org\//);
    expect(r.stderr).toBe('');
  });

  test('--region narrows it; --json has the documented shape', async () => {
    const r = await run('find', 'vegan', '--region', 'uppsala', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ status: 'matches', query: 'vegan', region: 'uppsala', searched: 6, failed: [] });
    expect(json.regions).toEqual([
      {
        region: 'Uppsala',
        restaurants: [expect.objectContaining({ restaurant: expect.objectContaining({ id: 'bikupan' }), dishes: ['Vegansk linsgryta med kokosmjölk och koriander'] })],
      },
    ]);
    expect(json.regions[0].restaurants[0].source).toMatchObject({ fromCache: false, stale: false });
  });

  test('nothing found: says so, exit 1', async () => {
    const r = await run('find', 'surströmming');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("restaurant-menu: no dish today matches 'surströmming' (searched 18 menus)\n");
    expect(JSON.parse((await run('find', 'surströmming', '--json')).stdout).status).toBe('no_matches');
  });

  test.each([
    [['***'], /say what to look for/],
    [['lax'.repeat(100)], /the search is too long \(300 characters; at most 200\)/],
  ])('find %j is a usage error', async (words, pattern) => {
    const r = await run('find', ...words);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(t.api.totalCalls()).toBe(0);
  });

  test('a second find within the TTL makes no request at all', async () => {
    await run('find', 'lax');
    expect(t.api.totalCalls()).toBe(19);
    t.api.reset();
    const r = await run('find', 'kyckling');
    expect(r.code).toBe(0);
    expect(t.api.totalCalls()).toBe(0);
  });
});

describe('today', () => {
  test('every menu grouped by region; empty menus listed compactly at the end', async () => {
    const r = await run('today', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.status).toBe('today');
    expect(json.regions.map((g: { region: string }) => g.region)).toEqual(['Uppsala', 'Solna']);
    expect(json.regions.flatMap((g: { restaurants: unknown[] }) => g.restaurants)).toHaveLength(16);
    expect(json.noMenu.map((x: { id: string }) => x.id)).toEqual(['biomedicum', 'delta']);
    const piped = await run('today');
    expect(piped.stdout).toMatch(/^Uppsala\trudbeck\tBistro Rudbeck\tVegetarisk lasagne\n/);
    expect(piped.stderr).toBe('restaurant-menu: no menu today: Café Biomedicum, Café Delta\n');
  });

  test('no progress output when piped or with --json', async () => {
    const r = await run('today');
    expect(r.stderr).not.toMatch(/Fetching/);
    expect((await run('today', '--json', '--refresh')).stderr).not.toMatch(/Fetching/);
  });

  test('never more than the cap in flight at the API (default 4, and --concurrency)', async () => {
    t.api.latencyMs = 50;
    await run('today', '--no-cache');
    expect(t.api.maxInFlight).toBe(4);
    t.api.reset();
    t.api.latencyMs = 50;
    await run('today', '--no-cache', '--concurrency', '2');
    expect(t.api.maxInFlight).toBe(2);
    t.api.reset();
    t.api.latencyMs = 50;
    await t.box.run(['config', 'set', 'concurrency', '3']);
    await run('today', '--no-cache');
    expect(t.api.maxInFlight).toBe(3);
  });

  test('partial failure: the rest are shown, the missing named on stderr, exit 0; listed in --json', async () => {
    t.api.faults.set('/restaurant/dufva', '500');
    t.api.faults.set('/restaurant/jons', 'html');
    const r = await run('today');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Bistro Rudbeck/);
    expect(r.stdout).not.toMatch(/Sven Dufva|Jöns Jacob/);
    expect(r.stderr).toMatch(/no menu could be fetched for Sven Dufva, Jöns Jacob/);
    const json = JSON.parse((await run('today', '--json', '--refresh')).stdout);
    expect(json.failed.map((f: { restaurant: { id: string } }) => f.restaurant.id)).toEqual(['dufva', 'jons']);
    expect(json.failed[0].error.code).toBe('API_STATUS');
  });

  test('no menu at all could be fetched: exit 3', async () => {
    await run('--region', 'uppsala'); // the list is cached; every menu then fails
    for (const id of ['bikupan', 'dufva', 'elma', 'hubben', 'kraemer', 'rudbeck', 'biomedicum', 'delta', 'glada', 'haga', 'jons', 'jorpes', 'livet', 'maethai', 'nanna', 'omni', 'street', 'svarta']) {
      t.api.faults.set(`/restaurant/${id}`, '503');
    }
    const r = await run('today');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no menu could be fetched for/);
  });

  test('a restaurant called "today" is reachable with show', async () => {
    const r = await run('show', 'today');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no restaurant matches 'today'/);
  });
});

test('API down: today serves the cached menus with one warning for all of them', async () => {
  await run('today', '--ttl', '0');
  t.api.fault = '500';
  const r = await run('today', '--ttl', '0', '--json');
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout);
  const sources = json.regions.flatMap((g: { restaurants: { source: { stale: boolean } }[] }) => g.restaurants.map((m) => m.source.stale));
  expect(sources).toEqual(Array(16).fill(true));
  expect(r.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^restaurant-menu: the menu API at .* answered 500 Internal Server Error; showing 18 cached answers, the oldest fetched \d+ s ago$/),
  ]);
});

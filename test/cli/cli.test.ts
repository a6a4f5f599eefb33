// The CLI in-process (`main(argv, io)`) against the stand-in API: finding, listing, bad input,
// API failures, mistyped commands, help, exit codes, stdout/stderr, JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SATURDAY } from '../helpers/clock.js';
import { useCli, type CliResult } from '../helpers/in-process.js';
import { closedPortUrl, RESTAURANTS, startMenuApi } from '../helpers/menu-api.js';
import { relayFor } from '../helpers/relay.js';

const t = useCli();
const run = t.run;

/** A clean failure: the expected exit code, one line on stderr, no stack trace. */
function expectOneLineError(r: CliResult, code: number, pattern: RegExp) {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.trimEnd()).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const json = (r: CliResult) => JSON.parse(r.stdout);
const DUFVA_LINKS = 'https://www.openstreetmap.org/?mlat=59.84292&mlon=17.64129#map=19/59.84292/17.64129\thttp://svendufva.se/\thttps://matfest.se/veckans-lunch/';

test.each([
  [['--color', 'always'], {}],
  [[], { FORCE_COLOR: '1', NO_COLOR: undefined }],
])('piped with %j %j: the same tab-separated records, coloured', async (flags, env) => {
  const plainRun = await run('sven dufva');
  const r = await t.runWith(['--api', t.api.url, 'sven dufva', ...flags], { env });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/\x1b\[1mSven Dufva\x1b\[22m/);
  expect(r.stdout).toMatch(/\x1b\[31mmeat\x1b\[39m/);
  const stripped = r.stdout.replace(/\x1b\[\d+m/g, '');
  expect(stripped).toBe(plainRun.stdout);
  expect(r.stdout.split('\n')[0]!.split('\t')).toHaveLength(plainRun.stdout.split('\n')[0]!.split('\t').length);
});

test('an ambiguous name on a terminal (--no-input) is said once: the list says it, stderr does not repeat it', async () => {
  const r = await t.runWith(['--api', t.api.url, 'restaurang', '--no-input'], { columns: 80 });
  expect(r.code).toBe(1);
  expect(r.stdout.split('\n')[0]).toBe("'restaurang' matches 5 restaurants; add more of the name or use an identifier:");
  expect(r.stdout).toContain('Restaurang Omni');
  expect(r.stderr).toBe('');
  const piped = await run('restaurang');
  expect(piped.stderr).toBe("restaurant-menu: 'restaurang' matches 5 restaurants; add more of the name or use an identifier\n");
});

describe('finding a restaurant', () => {
  test.each([
    [['dufva'], 'dufva', 'identifier'],
    [['sven', 'dufva'], 'dufva', 'name'],
    [['Restaurang Bikupan'], 'bikupan', 'name'],
    [['jons jacob'], 'jons', 'name'],
    [['cafe erik jorpes'], 'jorpes', 'name'],
    [['bikupan'], 'bikupan', 'identifier'],
    [['nanna'], 'nanna', 'identifier'],
    [['erik', 'jorp'], 'jorpes', 'partial'],
    [['show', 'dufva'], 'dufva', 'identifier'],
    [['"Bikupan"'], 'bikupan', 'identifier'],
    [['[restaurant]*'], 'livet', 'partial'],
  ])('%j finds %s (%s)', async (words, id, match) => {
    const r = await run(...words, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r)).toMatchObject({ status: 'found', match, restaurant: { id } });
    expect(r.stderr).toBe('');
  });

  test('piped: one line per dish, region⇥id⇥name first, then dish, diet, gloss, links', async () => {
    const r = await run('sven dufva');
    expect(r.stdout).toBe(
      [`Uppsala\tdufva\tSven Dufva\tPytt i panna med rödbetor\tmeat\t\t${DUFVA_LINKS}`, `Uppsala\tdufva\tSven Dufva\tFalafel med tahinisås\tvegan,vegetarian\t\t${DUFVA_LINKS}`, ''].join('\n'),
    );
    expect(r.stderr).toBe('');
  });

  test('blank and repeated dishes are dropped', async () => {
    const r = await run('bikupan', '--json');
    expect(json(r).dishes).toEqual(['Köttbullar med gräddsås, potatismos och rårörda lingon', 'Vegansk linsgryta med kokosmjölk och koriander']);
  });

  test('a close typo picks the restaurant and says so on stderr', async () => {
    const r = await run('Bikupn');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Uppsala\tbikupan\tRestaurang Bikupan\t/);
    expect(r.stderr).toBe("restaurant-menu: no restaurant is called 'Bikupn'; showing Restaurang Bikupan (bikupan)\n");
  });

  test('--json: the documented shape, with diet tags and English glosses per dish', async () => {
    const r = await run('dufva', '--json');
    expect(r.code).toBe(0);
    expect(json(r)).toEqual({
      status: 'found',
      query: 'dufva',
      match: 'identifier',
      restaurant: {
        id: 'dufva',
        name: 'Sven Dufva',
        region: 'Uppsala',
        homepage: 'http://svendufva.se/',
        menuUrl: 'https://matfest.se/veckans-lunch/',
        mapUrl: 'https://www.openstreetmap.org/?mlat=59.84292&mlon=17.64129#map=19/59.84292/17.64129',
      },
      date: '2026-12-02',
      weekend: false,
      diet: null,
      dishes: ['Pytt i panna med rödbetor', 'Falafel med tahinisås'],
      dishDetails: [
        { dish: 'Pytt i panna med rödbetor', tags: ['meat'], english: expect.stringMatching(/hash/) },
        { dish: 'Falafel med tahinisås', tags: ['vegan', 'vegetarian'], english: expect.stringMatching(/falafel/) },
      ],
      hidden: 0,
      source: { fetchedAt: expect.any(String), fromCache: false, stale: false },
      warnings: [],
    });
  });

  test('a restaurant has one shape wherever it appears (found, list, today, find)', async () => {
    const found = json(await run('dufva', '--json')).restaurant;
    const listed = json(await run('--json')).regions[0].restaurants.find((r: { id: string }) => r.id === 'dufva');
    const today = json(await run('today', '--json')).regions[0].restaurants.find((m: { restaurant: { id: string } }) => m.restaurant.id === 'dufva').restaurant;
    const found2 = json(await run('find', 'falafel', '--json')).regions[0].restaurants[0].restaurant;
    expect(listed).toEqual(found);
    expect(today).toEqual(found);
    expect(found2).toEqual(found);
  });

  test('an empty menu on a weekday says so on stderr, without a weekend hint', async () => {
    const r = await run('delta');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('restaurant-menu: Café Delta has published no menu for today\n');
    expect(json(await run('delta', '--json'))).toMatchObject({ status: 'found', dishes: [], weekend: false });
  });

  test('an empty menu on a Saturday adds the weekend hint', async () => {
    t.at(SATURDAY);
    const r = await run('delta');
    expect(r.stderr).toBe('restaurant-menu: Café Delta has published no menu for today; restaurants are usually closed on weekends\n');
    expect(json(await run('delta', '--json'))).toMatchObject({ date: '2026-12-05', weekend: true });
  });

  test('the User-Agent names the tool and its version', async () => {
    await run('dufva');
    expect(t.api.lastHeaders['user-agent']).toMatch(/^restaurant-menu-cli\/\S+ /);
  });

  test('the API base can come from RESTAURANT_MENU_API', async () => {
    const r = await t.runWith(['dufva'], { env: { RESTAURANT_MENU_API: t.api.url } });
    expect(r.code).toBe(0);
    expect(t.api.calls.get('/restaurant/dufva')).toBe(1);
  });

  test('older deployment (osm links, top-level url, HTML 404) gives the same restaurant', async () => {
    const old = await startMenuApi({ variant: 'old' });
    try {
      const r = await t.runWith(['--api', old.url, 'jorpes', '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(json(r).restaurant.mapUrl).toBe('https://www.openstreetmap.org/?mlat=59.34849&mlon=18.02719#map=19/59.34849/18.02719');
    } finally {
      await old.close();
    }
  });
});

describe('ambiguous and unknown names', () => {
  test('ambiguous: says so and lists the candidates; exit 1', async () => {
    const r = await run('restaurang');
    expectOneLineError(r, 1, /'restaurang' matches 5 restaurants/);
    expect(r.stdout.trimEnd().split('\n').map((l) => l.split('\t')[1]).sort()).toEqual(['bikupan', 'glada', 'hubben', 'nanna', 'omni']);
    const j = json(await run('restaurang', '--json'));
    expect(j.status).toBe('ambiguous');
    expect(j.candidates).toHaveLength(5);
  });

  test('not found: one line with "did you mean", every restaurant grouped by region on stdout; exit 1', async () => {
    const r = await run('bikupanxyz');
    expectOneLineError(r, 1, /no restaurant matches 'bikupanxyz'; did you mean Restaurang Bikupan \(bikupan\)\?/);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(RESTAURANTS.length);
    const j = json(await run('bikupanxyz', '--json'));
    expect(j).toMatchObject({ status: 'not_found', suggestions: [{ id: 'bikupan' }] });
    expect(j.regions.map((g: { region: string }) => g.region)).toEqual(['Uppsala', 'Solna']);
  });

  test.each([
    [['kyckling'], /; looking for a dish\? restaurant-menu find kyckling$/, true],
    [['chicken', 'curry'], /; looking for a dish\? restaurant-menu find chicken curry$/, true],
    [['nowhere'], /; here are all of them$/, false],
    // A hint is a command to paste: never one built from shell syntax.
    [['lax$(touch x)'], /; here are all of them$/, false],
  ])('not found %j: a name that reads as a dish points to find, another gets the list', async (words, pattern, dish) => {
    expectOneLineError(await run(...words), 1, pattern);
    expect(json(await run(...words, '--json'))).toMatchObject({ status: 'not_found', looksLikeDish: dish });
  });

  test.each([["'; rm -rf / #"], ['🍕 pizza 🍕'], ['*']])('odd characters %j: a clean not-found, exit 1', async (name) => {
    expectOneLineError(await run(name), 1, /no restaurant matches/);
  });

  test('in another region than asked: says where it is; exit 1', async () => {
    const r = await run('nanna', '--region', 'uppsala');
    expectOneLineError(r, 1, /^restaurant-menu: Restaurang Nanna Svartz is in Solna, not Uppsala: drop --region, or use --region solna$/);
    expect(r.stdout).toBe('');
    expect(json(await run('nanna', '--region', 'uppsala', '--json'))).toMatchObject({ status: 'elsewhere', region: 'Uppsala', restaurant: { id: 'nanna' } });
  });

  test('a command word is reachable as a restaurant name with `show`', async () => {
    expectOneLineError(await run('show', 'cache'), 1, /no restaurant matches 'cache'/);
  });
});

describe('mistyped commands are answered without a request', () => {
  test.each([
    ['todya', 'today'],
    ['Today', 'today'],
    ['fnd', 'find'],
    ['confg', 'config'],
    ['version', '--version'],
    ['serv', 'serve'],
  ])('%j → did you mean %j? (exit 2)', async (word, suggestion) => {
    const r = await run(word, 'list');
    expectOneLineError(r, 2, new RegExp(`^restaurant-menu: unknown command '${word}'\\. Did you mean '${suggestion}'\\?$`));
    expect(t.api.totalCalls()).toBe(0);
  });

  test('with --json the error is JSON', async () => {
    const r = await run('todya', '--json');
    expect(r.code).toBe(2);
    expect(json(r)).toEqual({ status: 'error', error: { code: 'USAGE', message: "unknown command 'todya'. Did you mean 'today'?" } });
  });

  test('a restaurant whose name is close to a command stays reachable when the cached list names it', async () => {
    t.api.restaurants = [...t.api.restaurants, { ...RESTAURANTS[0]!, identifier: 'finn', name: 'Finn' }];
    t.api.dishes.finn = ['Fiskbullar'];
    await run('--region', 'uppsala'); // caches the list
    const r = await run('finn');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\tfinn\tFinn\tFiskbullar/);
  });
});

describe('listing', () => {
  test('no name: every restaurant, Uppsala first, region⇥id⇥name', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(18);
    expect(lines[0]).toBe('Uppsala\trudbeck\tBistro Rudbeck');
    expect(lines.at(-1)).toBe('Solna\tsvarta\tSvarta Räfven');
  });

  test.each([['SOLNA'], ['ki'], ['Karolinska'], ['biomedicum']])('--region %j narrows the list; the region in JSON is canonical', async (region) => {
    const r = await run('--region', region, '--json');
    expect(r.code).toBe(0);
    const j = json(r);
    expect(j).toMatchObject({ status: 'list', region: 'Solna' });
    expect(j.regions).toHaveLength(1);
    expect(j.regions[0].restaurants).toHaveLength(12);
  });

  test('an unknown region is a usage error naming the known ones', async () => {
    expectOneLineError(await run('--region', 'Narnia'), 2, /unknown region 'Narnia' \(known: Uppsala, Solna or all\)/);
  });
});

describe('bad input', () => {
  test.each([
    [['   '], /the restaurant name is empty/],
    [['x'.repeat(2000)], /the name is too long \(2000 characters; at most 200\)/],
    [['--timeout', 'soon', 'dufva'], /--timeout: invalid duration 'soon'/],
    [['--timeout', '25d', 'dufva'], /--timeout: must be at most 10m \(got '25d'\)/],
    [['--timeout', '50d', 'dufva'], /--timeout: must be at most 10m/],
    [['--ttl', '-1', 'dufva'], /--ttl: invalid duration/],
    [['--concurrency', '0', 'today'], /--concurrency: must be a whole number from 1 to 16/],
    [['--diet', 'carnivore', 'today'], /--diet: must be one of any, vegan, vegetarian, pescetarian, fish, meat/],
    [['--color', 'sometimes'], /--color: must be one of auto, always, never \(got 'sometimes'\)$/],
    [['--diet', 'vegn', 'today'], /--diet: must be one of .* \(got 'vegn'; did you mean 'vegan'\?\)$/],
    [['--bogus'], /unknown option '--bogus'/],
    [['--jsn', 'dufva'], /unknown option '--jsn'\. Did you mean '--json'\?$/],
    [['--refresh', '--no-cache', 'dufva'], /--refresh and --no-cache cannot be used together/],
  ])('%j → exit 2, one line, no request', async (args, pattern) => {
    expectOneLineError(await run(...args), 2, pattern);
    expect(t.api.totalCalls()).toBe(0);
  });

  test.each([['not a url'], ['ftp://example.org'], ['http://']])('--api %j → exit 2', async (url) => {
    expectOneLineError(await t.runWith(['--api', url, 'dufva']), 2, /--api: /);
  });

  test.each([
    [['--region', 'Narnia', '--json'], 'USAGE', /unknown region/],
    [['--json', '--jsn', 'dufva'], 'USAGE', /unknown option '--jsn'/],
    [['--jsn', '--json', 'dufva'], 'USAGE', /unknown option '--jsn'/],
    [['dufva', '--json', '--timeout'], 'USAGE', /option '--timeout <duration>' argument missing/],
    [['find', '--json'], 'USAGE', /^find needs words to look for, as in: restaurant-menu find chicken$/],
  ])('every failure under --json prints the error object, said once (stdout only): %j', async (args, code, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(json(r)).toEqual({ status: 'error', error: { code, message: expect.stringMatching(message) } });
    expect(r.stderr).toBe('');
  });

  test.each([
    [['completion'], /^restaurant-menu: completion needs a shell: bash, zsh or fish, as in: restaurant-menu completion bash$/],
    [['find'], /^restaurant-menu: find needs words to look for, as in: restaurant-menu find chicken$/],
    [['today', 'extra'], /^restaurant-menu: today takes no arguments; see 'restaurant-menu today --help'$/],
    [['today', '--bogus'], /^restaurant-menu: unknown option '--bogus'; see 'restaurant-menu today --help'$/],
    [['config', 'get'], /^restaurant-menu: config get needs a setting, as in: restaurant-menu config get region$/],
  ])('%j: a parse error says what to type next', async (args, pattern) => {
    expectOneLineError(await t.runWith(args), 2, pattern);
  });
});

test('through a relay whose upstream is down: the relay\'s reason is shown, not only its status', async () => {
  const relay = await relayFor(await closedPortUrl());
  try {
    const r = await t.runWith(['--api', relay.url, 'dufva', '--refresh']);
    expectOneLineError(r, 3, /answered 502 Bad Gateway \(cannot reach the upstream.*\); try again later$|answered 502 Bad Gateway \(.*(refused|unreachable).*\); try again later$/);
  } finally {
    await relay.close();
  }
});

test('through a relay serving a stale copy (its API down): dated by its Age and marked stale, as a direct lookup would be', async () => {
  let relayTime = Date.now();
  const relay = await relayFor(t.api.url, { now: () => relayTime, ttlMs: 10_000 });
  try {
    expect((await t.runWith(['--api', relay.url, 'dufva'])).code).toBe(0);
    relayTime += 5 * 60_000; // the relay's copy is five minutes old, and the API now fails
    t.api.fault = '500';
    const r = await t.runWith(['--api', relay.url, 'dufva', '--refresh', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const body = json(r);
    expect(body.source).toMatchObject({ stale: true });
    expect(t.now() - Date.parse(body.source.fetchedAt)).toBeGreaterThanOrEqual(5 * 60_000 - 1_000);
    expect(r.stderr).toMatch(/could not refresh it from the menu API/);
  } finally {
    await relay.close();
  }
});

test('a run that fails after using a stale list says the failure once, and not that it is showing anything', async () => {
  expect((await run('--region', 'uppsala')).code).toBe(0); // the list is cached
  t.api.fault = 'hang';
  const plain = await run('dufva', '--refresh', '--timeout', '1s');
  expectOneLineError(plain, 3, /did not answer within 1 s/);
  expect(plain.stderr).not.toContain('showing');
  const asJson = await run('dufva', '--refresh', '--timeout', '1s', '--json');
  expect(asJson.code).toBe(3);
  expect(json(asJson)).toMatchObject({ status: 'error', error: { code: 'API_TIMEOUT' } });
  expect(asJson.stderr).toBe('');
});

describe('API failures → exit 3 with one clear line saying what to do', () => {
  test('connection refused names the API, --api, config set api and the relay', async () => {
    const r = await t.runWith(['--api', await closedPortUrl(), 'dufva']);
    // Run from a clone, it also says how to try the tool offline (a published package has no stand-in).
    expectOneLineError(r, 3, /^restaurant-menu: cannot reach the menu API at 127\.0\.0\.2:\d+ \(connection refused\); give another with --api or 'config set api', or use a relay; offline, from this clone: npm run stand-in$/);
  });

  test('host not found', async () => {
    const r = await t.runWith(['--api', 'http://no-such-host.invalid', 'dufva']);
    expectOneLineError(r, 3, /cannot reach the menu API at no-such-host\.invalid \(host (not found|name lookup failed)\)/);
  });

  test('a hung API fails within --timeout', async () => {
    t.api.fault = 'hang';
    const started = Date.now();
    expectOneLineError(await run('--timeout', '1s', 'dufva'), 3, /did not answer within 1 s; try again later, or allow longer with --timeout/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('500: retried, then reported', async () => {
    t.api.fault = '500';
    expectOneLineError(await run('dufva'), 3, /answered 500 Internal Server Error; try again later/);
    expect(t.api.calls.get('/restaurant')).toBe(3); // the first try and two retries
  });

  test('429: retried, then reported as rate limiting with when to try again', async () => {
    t.api.fault = '429';
    expectOneLineError(await run('dufva'), 3, /is rate-limiting requests; try again in a minute/);
    expect(t.api.calls.get('/restaurant')).toBe(3);
  });

  test('429 with an hour-long Retry-After fails at once instead of waiting', async () => {
    t.api.fault = '429-long';
    expectOneLineError(await run('dufva'), 3, /rate-limiting requests \(it asks to wait 1 h\); try again in 1 h/);
    expect(t.api.calls.get('/restaurant')).toBe(1);
  });

  test.each([
    ['html', /sent a web page instead of JSON/],
    ['truncated', /sent malformed JSON/],
    ['wrong-shape', /unexpected answer \(no "restaurants" list\)/],
    ['html-type', /sent a web page instead of JSON/],
    ['gzip-bomb', /sent an answer larger than 8 MB/],
    ['huge', /sent an answer larger than 8 MB/],
  ] as const)('a 200 with %s: API_BAD_RESPONSE', async (fault, pattern) => {
    t.api.fault = fault;
    expectOneLineError(await run('dufva'), 3, pattern);
    t.api.fault = fault;
    expect(json(await run('dufva', '--json')).error.code).toBe('API_BAD_RESPONSE');
  });

  test('a menu of the wrong shape', async () => {
    t.api.faults.set('/restaurant/dufva', 'wrong-shape');
    expectOneLineError(await run('dufva'), 3, /unexpected answer \(no "restaurant" object\)/);
  });

  test('404 for a restaurant the list contains: the API contradicts itself', async () => {
    t.api.faults.set('/restaurant/dufva', '404');
    expectOneLineError(await run('dufva'), 3, /lists Sven Dufva \(dufva\) but has no menu for it \(404\)/);
  });

  test('--json on API failure: an error object on stdout', async () => {
    t.api.fault = 'html';
    const r = await run('dufva', '--json');
    expect(r.code).toBe(3);
    expect(json(r)).toMatchObject({ status: 'error', error: { code: 'API_BAD_RESPONSE' } });
  });

  test('credentials in the API URL never show: not in messages, JSON errors or cache keys', async () => {
    const base = (await closedPortUrl()).replace('//', '//alice:S3cretPass@');
    const r = await t.runWith(['dufva', '--json'], { env: { RESTAURANT_MENU_API: base } });
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).not.toContain('S3cretPass');
    const withCreds = t.api.url.replace('//', '//alice:S3cretPass@');
    const ok = await t.runWith(['--api', withCreds, 'dufva']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(join(t.home.dir, '.cache', 'restaurant-menu', 'cache.json'), 'utf8')).not.toContain('S3cretPass');
    t.api.fault = '404';
    const r404 = await t.runWith(['--api', withCreds, '--refresh', 'dufva']);
    expect(r404.stderr).toMatch(/alice:\*\*\*@/);
    expect(r404.stderr).not.toContain('S3cretPass');
  });
});

describe('serve: flag errors name the flag; nothing starts', () => {
  test.each([
    [['--port', ''], /^restaurant-menu: --port: must be a whole number from 0 to 65535 \(got ''\)$/],
    [['--host', ''], /^restaurant-menu: --host: must not be empty$/],
    [['--ttl', 'soon'], /^restaurant-menu: --ttl: invalid duration 'soon'/],
    [['--upstream', 'not a url'], /^restaurant-menu: --upstream: 'not a url' is not a URL/],
    [['--max-bytes', 'lots'], /^restaurant-menu: --max-bytes: invalid size 'lots'/],
    [['--max-bytes', '0'], /^restaurant-menu: --max-bytes: must be from 1KB to 4GB \(got '0'\)$/],
    [['--upstream-timeout', '25d'], /^restaurant-menu: --upstream-timeout: must be at most 5m \(got '25d'\)$/],
    [['--log-level', 'loud'], /^restaurant-menu: --log-level: must be one of error, warn, info, debug \(got 'loud'\)$/],
    [['--redis', 'http://x'], /^restaurant-menu: --redis: the URL must start with redis:\/\/ or rediss:\/\/$/],
  ])('serve %j → exit 2', async (args, pattern) => {
    expectOneLineError(await t.runWith(['serve', ...args]), 2, pattern);
  });

  test('PORT from the environment is checked the same way, naming the variable', async () => {
    expectOneLineError(await t.runWith(['serve'], { env: { PORT: '99999' } }), 2, /^restaurant-menu: PORT: must be a whole number from 0 to 65535 \(got '99999'\)$/);
  });
});

describe('help and version', () => {
  test('top-level help: every option that works there, commands, examples, exit codes; fits 80 columns without a broken word', async () => {
    const r = await t.runWith(['--help']);
    expect(r.code).toBe(0);
    for (const text of ['--json', '--region <name>', '--api <url>', '--diet <diet>', '--color <when>', 'today', 'find', 'serve', 'completion', 'Exit codes:', '-V, --version']) {
      expect(r.stdout).toContain(text);
    }
    const lines = r.stdout.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    // Sections in one order everywhere: own options, lookup options, output options, global options.
    const order = ['Options:', 'Lookup options:', 'Output options:', 'Global options:'].map((h) => lines.indexOf(h));
    expect(order.every((i, k) => i > -1 && (k === 0 || i > order[k - 1]!))).toBe(true);
  });

  test.each([['today'], ['find'], ['show'], ['serve'], ['config'], ['cache'], ['completion']])('%s --help fits 80 columns and shows its options', async (cmd) => {
    const r = await t.runWith([cmd, '--help']);
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('-h, --help');
  });

  test.each([[50], [64]])('on a %i-column terminal, help wraps to fit (but for one unbreakable word); example comments go above their commands', async (columns) => {
    for (const args of [['--help'], ['today', '--help'], ['serve', '--help'], ['completion', '--help']]) {
      const r = await t.runWith(args, { columns });
      expect(r.code).toBe(0);
      const long = r.stdout.split('\n').filter((line) => line.length > columns);
      // Only a single word (a URL, a variable's name), a usage line or an example command may overflow: breaking them spoils them.
      for (const line of long) expect(line.trim(), `${args.join(' ')}: ${line}`).toMatch(/^(\S+|\$ .*|Usage: .*)$/);
    }
    const top = (await t.runWith(['--help'], { columns })).stdout.split('\n');
    const at = top.indexOf('  $ restaurant-menu --region ki');
    expect(top[at - 1]).toBe('  # the restaurants in Solna');
  });

  test.each([['config'], ['cache']])('%s alone, or `%s help`, shows its help on stdout, exit 0', async (group) => {
    for (const args of [[group], [group, 'help']]) {
      const r = await t.runWith(args);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(new RegExp(`^Usage: restaurant-menu ${group} `));
      expect(r.stdout).toContain('Commands:');
      expect(r.stdout).toContain('help [command]');
    }
    const sub = await t.runWith([group, 'help', 'path']);
    expect(sub).toMatchObject({ code: 0, stderr: '' });
    expect(sub.stdout).toMatch(new RegExp(`^Usage: restaurant-menu ${group} path `));
  });

  test.each([
    [['config', 'lst'], /^restaurant-menu: unknown command 'lst' for 'config'\. Did you mean 'list'\?$/],
    [['cache', 'wipe'], /^restaurant-menu: unknown command 'wipe' for 'cache'; it has 'path', 'info' and 'clear'$/],
    [['config', 'version'], /^restaurant-menu: unknown command 'version' for 'config'; it has /],
    [['config', '\x1b]0;X\x07'], /^restaurant-menu: unknown command '␛]0;X␇' for 'config'/],
  ])('%j: an unknown subcommand is one line, exit 2', async (args, pattern) => {
    expectOneLineError(await t.runWith(args), 2, pattern);
  });

  test.each([
    [['help'], /^Usage: restaurant-menu \[name\.\.\.\]/],
    [['help', 'help'], /^Usage: restaurant-menu \[name\.\.\.\]/],
    [['help', '--help'], /^Usage: restaurant-menu \[name\.\.\.\]/],
    [['help', 'today'], /^Usage: restaurant-menu today /],
    [['help', 'config', 'set'], /^Usage: restaurant-menu config set /],
    [['config', 'help', 'set'], /^Usage: restaurant-menu config set /],
  ])('%j shows that help on stdout, exit 0', async (args, usage) => {
    const r = await t.runWith(args);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(usage);
  });

  test('--open without a restaurant is a usage error, before any request', async () => {
    const r = await run('--open', 'map');
    expectOneLineError(r, 2, /^restaurant-menu: --open needs one restaurant, as in: restaurant-menu dufva --open map$/);
    expect(r.stdout).toBe('');
    expect(t.api.totalCalls()).toBe(0);
  });

  test.each([
    [['help', 'nosuch'], /^restaurant-menu: unknown command 'nosuch'; 'restaurant-menu --help' lists them$/],
    [['help', 'todya'], /^restaurant-menu: unknown command 'todya'\. Did you mean 'today'\?$/],
    [['cache', 'help', 'nosuch'], /^restaurant-menu: unknown command 'nosuch' for 'cache'; it has 'path', 'info' and 'clear'$/],
    [['help', 'config', 'lst'], /^restaurant-menu: unknown command 'lst' for 'config'\. Did you mean 'list'\?$/],
  ])('%j: help for an unknown command is one line, exit 2', async (args, pattern) => {
    const r = await t.runWith(args);
    expectOneLineError(r, 2, pattern);
    expect(r.stdout).toBe('');
  });

  test('today --help groups lookup and output options after its own', async () => {
    const r = await t.runWith(['today', '--help']);
    expect(r.stdout.indexOf('--favorites')).toBeLessThan(r.stdout.indexOf('Lookup options:'));
    expect(r.stdout.indexOf('--api <url>')).toBeGreaterThan(r.stdout.indexOf('Lookup options:'));
    expect(r.stdout.indexOf('--json')).toBeGreaterThan(r.stdout.indexOf('Output options:'));
  });

  test('--version prints the version', async () => {
    const r = await t.runWith(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: 'dev\n' });
  });
});

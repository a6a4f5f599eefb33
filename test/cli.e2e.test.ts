// End-to-end: the built binary against the stand-in API, checking stdout, stderr and exit code.
import { describe, expect, test } from 'vitest';
import { closedPortUrl, RESTAURANTS, startMenuApi } from './helpers/menu-api.js';
import type { RunResult } from './helpers/run-cli.js';
import { useStandIn } from './helpers/stand-in.js';

const t = useStandIn();
const run = t.run;

/** A clean failure: the expected exit code, one line on stderr, no stack trace. */
function expectOneLineError(r: RunResult, code: number, pattern: RegExp) {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('finding a restaurant', () => {
  test.each([
    [['dufva'], 'Sven Dufva'],
    [['sven', 'dufva'], 'Sven Dufva'],
    [['Restaurang Bikupan'], 'Restaurang Bikupan'],
    [['jons jacob'], 'Jöns Jacob'],
    [['cafe erik jorpes'], 'Café Erik Jorpes'],
    [['bikupan'], 'Restaurang Bikupan'],
    [['nanna'], 'Restaurang Nanna Svartz'],
    [['show', 'dufva'], 'Sven Dufva'],
  ])('%j finds %s', async (words, name) => {
    const r = await run(...words);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^restaurant\\t${name}\\t`));
    expect(r.stderr).toBe('');
  });

  test('piped output: dishes without blanks or repeats, and where to go', async () => {
    const r = await run('Restaurang Bikupan');
    expect(r.stdout).toBe(
      [
        'restaurant\tRestaurang Bikupan\tUppsala\tbikupan',
        'dish\tKöttbullar med gräddsås, potatismos och rårörda lingon',
        'dish\tVegansk linsgryta med kokosmjölk och koriander',
        'homepage\thttps://www.hors.se/uppsala/17/3/restaurang-bikupan/',
        'map\thttps://www.openstreetmap.org/#map=19/59.8422/17.63403',
        'menu\thttps://www.hors.se/uppsala/17/3/restaurang-bikupan/',
        '',
      ].join('\n'),
    );
  });

  test('a close typo picks the restaurant and says so on stderr', async () => {
    const r = await run('Bikupn');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^restaurant\tRestaurang Bikupan/);
    expect(r.stderr).toBe("restaurant-menu: no restaurant is called 'Bikupn'; showing Restaurang Bikupan (bikupan)\n");
  });

  test('--json: found', async () => {
    const r = await run('dufva', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      status: 'found',
      query: 'dufva',
      match: 'identifier',
      restaurant: { id: 'dufva', name: 'Sven Dufva', region: 'Uppsala', homepage: 'http://svendufva.se/' },
      dishes: ['Pytt i panna med rödbetor', 'Falafel med tahinisås'],
      source: { fromCache: false, stale: false },
    });
    expect(json.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof json.weekend).toBe('boolean');
  });

  test('an empty menu says so and still says where to go', async () => {
    const r = await run('delta');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^restaurant\tCafé Delta\tSolna\tdelta\n/);
    expect(r.stdout).not.toMatch(/^dish/m);
    expect(r.stderr).toMatch(/Café Delta has published no menu for today/);
    const json = JSON.parse((await run('delta', '--json')).stdout);
    expect(json).toMatchObject({ status: 'found', dishes: [] });
  });

  test('the User-Agent names the tool and its version', async () => {
    await run('dufva');
    expect(t.api.lastHeaders['user-agent']).toMatch(/^restaurant-menu-cli\/\d+\.\d+\.\d+ /);
  });

  test('the API base can come from RESTAURANT_MENU_API', async () => {
    const r = await t.box.run(['dufva'], { RESTAURANT_MENU_API: t.api.url });
    expect(r.code).toBe(0);
    expect(t.api.calls.get('/restaurant/dufva')).toBe(1);
  });

  test('older deployment (osm links, top-level url, HTML 404) works the same', async () => {
    const old = await startMenuApi({ variant: 'old' });
    try {
      const r = await t.box.run(['--api', old.url, 'jorpes', '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ restaurant: { id: 'jorpes', mapUrl: 'https://www.openstreetmap.org/#map=19/59.34849/18.02719' } });
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
    const json = JSON.parse((await run('restaurang', '--json')).stdout);
    expect(json.status).toBe('ambiguous');
    expect(json.candidates).toHaveLength(5);
  });

  test('not found: one line with "did you mean", every restaurant grouped by region on stdout; exit 1', async () => {
    const r = await run('bikupanxyz');
    expectOneLineError(r, 1, /no restaurant matches 'bikupanxyz'; did you mean Restaurang Bikupan \(bikupan\)\?/);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(RESTAURANTS.length);
    const regions = lines.map((l) => l.split('\t')[0]);
    expect(regions).toEqual([...regions].sort((a, b) => (a === b ? 0 : a === 'Uppsala' ? -1 : 1)));
    const json = JSON.parse((await run('bikupanxyz', '--json')).stdout);
    expect(json).toMatchObject({ status: 'not_found', suggestions: [{ id: 'bikupan' }] });
    expect(json.regions.map((g: { region: string }) => g.region)).toEqual(['Uppsala', 'Solna']);
  });

  test.each([['"Bikupan"'], ['[restaurant]*'], ["'; rm -rf / #"], ['🍕 pizza 🍕'], ['*']])('odd characters %j: a clean not-found', async (name) => {
    const r = await run(name);
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (r.code === 1) expectOneLineError(r, 1, /matches|no restaurant/);
  });

  test('a command word is reachable as a restaurant name with `show`', async () => {
    const r = await run('show', 'cache');
    expectOneLineError(r, 1, /no restaurant matches 'cache'/);
  });
});

describe('listing', () => {
  test('no name: every restaurant, Uppsala first', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(18);
    expect(lines[0]).toBe('Uppsala\trudbeck\tBistro Rudbeck');
    expect(lines.at(-1)).toBe('Solna\tsvarta\tSvarta Räfven');
  });

  test('--region narrows the list, any case', async () => {
    const r = await run('--region', 'SOLNA', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ status: 'list', region: 'SOLNA' });
    expect(json.regions).toHaveLength(1);
    expect(json.regions[0].restaurants).toHaveLength(12);
  });

  test('an unknown region is a usage error naming the known ones', async () => {
    expectOneLineError(await run('--region', 'Narnia'), 2, /unknown region 'Narnia' \(known: Uppsala, Solna\)/);
  });
});

describe('bad input', () => {
  test.each([
    [['   '], /the restaurant name is empty/],
    [['x'.repeat(2000)], /the name is too long \(2000 characters; at most 200\)/],
    [['--timeout', 'soon', 'dufva'], /--timeout: invalid timeout 'soon'/],
    [['--ttl', '-1', 'dufva'], /--ttl: invalid ttl/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('%j → exit 2', async (args, pattern) => {
    expectOneLineError(await run(...args), 2, pattern);
    expect(t.api.totalCalls()).toBe(0);
  });

  test.each([['not a url'], ['ftp://example.org'], ['http://']])('--api %j → exit 2', async (url) => {
    expectOneLineError(await t.box.run(['--api', url, 'dufva']), 2, /--api: /);
  });

  test('--json errors are JSON too', async () => {
    const r = await run('--region', 'Narnia', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ status: 'error', error: { code: 'USAGE', message: expect.stringMatching(/unknown region/) } });
  });
});

describe('API failures → exit 3 with one clear line', () => {
  test('connection refused', async () => {
    const r = await t.box.run(['--api', await closedPortUrl(), 'dufva']);
    expectOneLineError(r, 3, /cannot reach the menu API at 127\.0\.0\.1:\d+ \(connection refused\)/);
  });

  test('a hung API fails within --timeout', async () => {
    t.api.fault = 'hang';
    const started = Date.now();
    const r = await run('--timeout', '1s', 'dufva');
    expectOneLineError(r, 3, /did not answer within 1 s/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('500: retried, then reported', async () => {
    t.api.fault = '500';
    expectOneLineError(await run('dufva'), 3, /answered 500 Internal Server Error/);
    expect(t.api.calls.get('/restaurant')).toBe(3); // the first try and two retries
  });

  test('429: retried, then reported as rate limiting', async () => {
    t.api.fault = '429';
    expectOneLineError(await run('dufva'), 3, /rate-limiting/);
    expect(t.api.calls.get('/restaurant')).toBe(3);
  });

  test('429 with an hour-long Retry-After fails at once instead of waiting', async () => {
    t.api.fault = '429-long';
    const started = Date.now();
    expectOneLineError(await run('dufva'), 3, /rate-limiting requests \(it asks to wait 1 h\)/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(t.api.calls.get('/restaurant')).toBe(1);
  });

  test.each([
    ['html', /sent a web page instead of JSON/],
    ['truncated', /sent malformed JSON/],
    ['wrong-shape', /unexpected answer \(no "restaurants" list\)/],
  ] as const)('a 200 with %s', async (fault, pattern) => {
    t.api.fault = fault;
    expectOneLineError(await run('dufva'), 3, pattern);
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
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'error', error: { code: 'API_BAD_RESPONSE' } });
  });
});

describe('help and version', () => {
  test('--help shows examples and exit codes', async () => {
    const r = await t.box.run(['show', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('restaurant-menu "Restaurang Bikupan"');
    expect(r.stdout).toContain('Exit codes:');
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')));
    const r = await t.box.run(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

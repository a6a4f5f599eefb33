// The lunch board's data and page from an in-process relay (port 0) in front of the stand-in API:
// the JSON at /-/today is the CLI's `today --json`, computed once per TTL from the relay's cache,
// and what the API being down does to it. The page in a real browser: board.e2e.test.ts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Relay } from '../../src/relay/server.js';
import { cli, tempHome, type Home } from '../helpers/in-process.js';
import { pinnedClock, SATURDAY, WEEKDAY } from '../helpers/clock.js';
import { startMenuApi, type MenuApi } from '../helpers/menu-api.js';
import { json, relayFor } from '../helpers/relay.js';

let api: MenuApi;
let relay: Relay | undefined;
let home: Home;
/** The test's clock: a weekday lunch, moved on by hand past the relay's TTL (10 s in relayFor). */
let offset = 0;
const base = pinnedClock(WEEKDAY);
const now = () => base() + offset;

beforeAll(async () => {
  api = await startMenuApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.reset();
  offset = 0;
  home = tempHome();
});
afterEach(async () => {
  await relay?.close(100);
  relay = undefined;
  home.cleanup();
});

async function start() {
  relay = await relayFor(api.url, { now });
  return relay.url;
}

/** `today --json` of the CLI, straight from the stand-in. */
async function cliToday(...args: string[]) {
  const r = await cli(['--api', api.url, '--no-cache', 'today', '--json', ...args], { home, now });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** Where an answer came from differs (the CLI fetched it itself; the board read the relay's cache); the rest must not. */
function withoutProvenance(result: any) {
  return JSON.parse(JSON.stringify(result), (key, value) => (key === 'source' ? undefined : value));
}

describe('GET /-/today', () => {
  test.each([
    ['region=solna', ['--region', 'solna']],
    ['region=KI&diet=vegetarian', ['--region', 'ki', '--diet', 'vegetarian']],
    ['diet=vego', ['--diet', 'vego']],
    ['region=uppsala&diet=fish', ['--region', 'uppsala', '--diet', 'fish']],
    ['', []],
  ])('?%s is what `today --json %s` prints', async (query, args) => {
    const url = await start();
    const res = await fetch(`${url}/-/today?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const board = await json(res);
    expect(withoutProvenance(board)).toEqual(withoutProvenance(await cliToday(...args)));
    expect(board.regions.length).toBeGreaterThan(0);
    for (const m of board.regions.flatMap((g: any) => g.restaurants)) expect(m.source).toEqual({ fetchedAt: new Date(m.source.fetchedAt).toISOString(), fromCache: false, stale: false });
  });

  test('?only= names restaurants as the CLI names favourites (identifier or name), as `today --favorites` does', async () => {
    const url = await start();
    const board = await json(await fetch(`${url}/-/today?only=${encodeURIComponent('bikupan, Sven Dufva')}`));
    const r = await cli(['--api', api.url, '--no-cache', 'today', '--json', '--favorites'], { home, now, env: { RESTAURANT_MENU_FAVORITES: 'bikupan,dufva' } });
    expect(withoutProvenance(board)).toEqual(withoutProvenance(JSON.parse(r.stdout)));
    expect(board.regions.flatMap((g: any) => g.restaurants.map((m: any) => m.restaurant.id)).sort()).toEqual(['bikupan', 'dufva']);
  });

  test('computed once per TTL: concurrent requests and every spelling of one query share one computation and one upstream call per key', async () => {
    const url = await start();
    const spellings = ['region=solna', 'region=Solna', 'region=ki&diet=any', 'region=karolinska&x=cache-buster', 'diet=&region=SOLNA'];
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => fetch(`${url}/-/today?${spellings[i % spellings.length]}`)));
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    const solna = api.restaurants.filter((r) => r.region === 'Solna').length;
    // The list once, each Solna menu once.
    expect(api.calls.get('/restaurant')).toBe(1);
    expect(api.totalCalls()).toBe(1 + solna);
    const again = await fetch(`${url}/-/today?region=solna`);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(await again.text()).toBe(bodies[0]);
    expect(api.totalCalls()).toBe(1 + solna);
    // After the TTL, computed again from refreshed answers: one more call per key.
    offset += 11_000;
    expect((await fetch(`${url}/-/today?region=ki`)).status).toBe(200);
    expect(api.totalCalls()).toBe(2 * (1 + solna));
  });

  test('after the TTL the result is computed from refreshed answers, not from the expired copies (not a TTL behind, not marked stale)', async () => {
    const url = await start();
    const before = await json(await fetch(`${url}/-/today?only=dufva`));
    expect(before.regions[0].restaurants[0].dishes).toEqual(['Pytt i panna med rödbetor', 'Falafel med tahinisås']);
    api.dishes.dufva = ['Fiskgratäng med dill'];
    offset += 11_000;
    const after = await json(await fetch(`${url}/-/today?only=dufva`));
    expect(after.regions[0].restaurants[0].dishes).toEqual(['Fiskgratäng med dill']);
    expect(after.regions[0].restaurants[0].source).toMatchObject({ fromCache: false, stale: false });
  });

  test('a bad option is a 400 with one clear line and the relay error shape; nothing is cached or fetched for it', async () => {
    const url = await start();
    const cases: [string, RegExp][] = [
      ['region=mars', /^region: unknown region 'mars' \(known: Uppsala, Solna or all\)$/],
      ['diet=keto', /^diet: must be one of any, vegan, vegetarian, pescetarian, fish, meat \(got 'keto'/],
      ['lang=fr', /^lang: must be sv .* or en .*\(got 'fr'\)$/],
      ['tv=maybe', /^tv: /],
      ['only=nowhere', /^only: 'nowhere' is not in the restaurant list$/],
      ['only=bikupan&region=solna', /^none of Restaurang Bikupan is in Solna$/],
      [`region=${'x'.repeat(2000)}`, /^the options are too long/],
    ];
    for (const [query, message] of cases) {
      const res = await fetch(`${url}/-/today?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = await json(res);
      expect(body.code).toBe('BAD_REQUEST');
      expect(body.error).toMatch(message);
    }
    expect(api.totalCalls()).toBe(1); // the list, to resolve names; no menu
  });

  test('the API down: the last good menus, each marked stale with the time it was fetched; yesterday\'s are not shown', async () => {
    const url = await start();
    const first = await json(await fetch(`${url}/-/today?region=solna`));
    const fetchedAt = new Map(first.regions[0].restaurants.map((m: any) => [m.restaurant.id, m.source.fetchedAt]));
    api.fault = '500';
    offset += 60_000;
    const res = await fetch(`${url}/-/today?region=solna`);
    expect(res.status).toBe(200);
    const down = await json(res);
    expect(withoutProvenance(down)).toEqual(withoutProvenance(first));
    for (const m of down.regions[0].restaurants) expect(m.source).toEqual({ fetchedAt: fetchedAt.get(m.restaurant.id), fromCache: true, stale: true });
    // After midnight the copies are of another day: the API is down and nothing is left to show.
    offset += 13 * 3_600_000;
    const later = await fetch(`${url}/-/today?region=solna`);
    expect(later.status).toBe(502);
    expect((await json(later)).error).toMatch(/^no menu could be fetched \(the menu API failed: upstream answered 500; the last copy of the menu of .* was fetched .* ago \(Wednesday 2 Dec 11:3\d\), not today, so it is not shown/);
  });

  test('the API down with nothing cached: 502 in the relay error shape', async () => {
    const url = await start();
    api.fault = '503';
    const res = await fetch(`${url}/-/today`);
    expect(res.status).toBe(502);
    // The upstream's failure as the relayed paths answer it (board-errors.test.ts).
    expect(await json(res)).toEqual({ error: 'upstream answered 503', code: 'UPSTREAM_STATUS' });
  });
});

const PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('GET /-/board', () => {
  test('HTML under its own strict policy and the relay\'s security headers, cached with the result; HEAD has no body', async () => {
    const url = await start();
    const res = await fetch(`${url}/-/board?region=solna`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(PAGE_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-cache')).toBe('MISS');
    expect(res.headers.get('cache-control')).toBe('max-age=10');
    expect(res.headers.get('refresh')).toBeNull(); // only the TV page reloads itself
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).not.toMatch(/<script|style=/i);
    // The page and the JSON are one cache entry: the JSON is a HIT now, and no new upstream call.
    const calls = api.totalCalls();
    const again = await fetch(`${url}/-/today?region=ki`);
    expect(again.headers.get('x-cache')).toBe('HIT');
    const tv = await fetch(`${url}/-/board?region=solna&tv=1`);
    expect(tv.headers.get('x-cache')).toBe('HIT');
    expect(tv.headers.get('refresh')).toBe('60');
    expect(await tv.text()).toMatch(/^<!doctype html><html lang="en" class="tv">/);
    expect(api.totalCalls()).toBe(calls);
    const head = await fetch(`${url}/-/board?region=solna`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  test('its stylesheet and icon from the relay, and nothing from anywhere else', async () => {
    const url = await start();
    const html = await (await fetch(`${url}/-/board`)).text();
    const links = [...html.matchAll(/<link [^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link).toMatch(/^\/-\/board\.(css|svg)\?v=[0-9a-f]{10}$/);
      const res = await fetch(url + link);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(link.includes('.css') ? /^text\/css/ : /^image\/svg\+xml$/);
      expect(res.headers.get('cache-control')).toBe('max-age=86400, immutable');
    }
    expect(html.match(/(src|href)="[^"]*"/g)!.filter((a) => !/="(\/-\/|https?:\/\/)/.test(a))).toEqual([]);
  });

  test('GET / is the board for a browser (Vary: Accept) and still the relayed API root for an API client', async () => {
    const url = await start();
    const page = await fetch(`${url}/?region=uppsala`, { headers: { accept: BROWSER } });
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('vary')).toBe('Accept');
    expect(await page.text()).toContain('<h2 id="region-0">Uppsala</h2>');
    for (const accept of ['application/json', '*/*']) {
      const res = await fetch(`${url}/`, { headers: { accept } });
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('vary')).toBe('Accept');
      expect(await json(res)).toEqual({ message: 'lunch menu API' });
    }
    expect(api.calls.get('/')).toBe(1);
  });

  test('a bad option: a 400 page saying what is wrong, under the same policy', async () => {
    const url = await start();
    const res = await fetch(`${url}/-/board?region=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-security-policy')).toBe(PAGE_POLICY);
    const html = await res.text();
    expect(html).toContain("<p>Region: unknown region '&lt;script>alert(1)&lt;/script>' (known: Uppsala, Solna or all).</p>");
    expect(html).not.toContain('<script>');
  });

  test('the weekend and no-menu-yet states are worded as `today` words them', async () => {
    const url = await start();
    offset = SATURDAY - WEEKDAY;
    for (const id of Object.keys(api.dishes)) api.dishes[id] = [];
    const html = await (await fetch(`${url}/-/board`)).text();
    // On a (very wide) terminal, and as the note of a plain run.
    const terminal = await cli(['--api', api.url, '--no-cache', 'today'], { home, now, columns: 2000 });
    // Said once: no restaurant has a menu (not a 'nothing today' line and then every name).
    const [, facts, more] = terminal.stdout.trim().split('\n');
    expect(facts).toBe('No restaurant has published a menu for today (restaurants are usually closed on weekends).');
    expect(more).toBeUndefined();
    const plain = await cli(['--api', api.url, '--no-cache', 'today'], { home, now });
    expect(plain.stderr).toBe(`restaurant-menu: ${facts!.charAt(0).toLowerCase()}${facts!.slice(1, -1)}\n`);
    expect(html).not.toContain('<p class="empty">');
    expect(html).toContain(`<ul class="facts"><li>${facts}</li></ul>`);
    expect(html).toContain('<h1>Lunch today, Saturday 5 Dec</h1>');
    const vegan = await (await fetch(`${url}/-/board?diet=vegan`)).text();
    expect(vegan).toContain('<p class="empty">No vegan dishes today.</p>'); // as `today --diet vegan` says it
  });
});

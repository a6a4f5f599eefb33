// The lunch board in a real browser: Debian's headless Chromium driven by playwright-core, against
// the built binary's `serve` on port 0 in front of the stand-in API (the test's clock, through the
// preload). What a person sees: every dish with its label, the diet and English views, the page
// at a phone's and a TV's size (screenshots in test-output/board/), hostile menus as plain text
// under the page's policy, axe-core's accessibility rules, and the page while the API is down.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { HOSTILE_DISHES, serveHostile } from '../helpers/hostile.js';
import { DISHES } from '../helpers/menu-api.js';
import { BIN, useBinary } from '../helpers/binary.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = new URL('../../test-output/board/', import.meta.url);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const t = useBinary();
let browser: Browser;
let context: BrowserContext | undefined;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Playwright gives each launch a fresh, empty profile (its own --user-data-dir).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(() => browser?.close());
afterEach(async () => {
  await context?.close();
  context = undefined;
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts `restaurant-menu serve` on port 0 in front of the stand-in; resolves with its URL. */
function serve(args: string[] = []): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--upstream', t.api.url, '--log-format', 'json', ...args], { env: t.box.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl; (nl = buffer.indexOf('\n')) !== -1; buffer = buffer.slice(nl + 1)) {
        const line = JSON.parse(buffer.slice(0, nl));
        if (line.msg === 'relay listening') resolve(line.url);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

interface Watched {
  page: Page;
  dialogs: string[];
  /** CSP violations the page reported (recorded by a script the browser runs outside the page's policy). */
  violations: () => Promise<string[]>;
}

async function open(url: string, viewport = { width: 1280, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Watched> {
  context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const res = await page.goto(url);
  expect(res?.status()).toBe(200);
  return { page, dialogs, violations: () => page.evaluate(() => (window as any).__violations as string[]) };
}

/** The dishes and labels on the page, by restaurant. */
function shown(page: Page) {
  return page.$$eval('li.menu', (menus) =>
    menus.map((m) => ({
      name: m.querySelector('h3')!.textContent,
      dishes: Array.from(m.querySelectorAll('.dishes > li')).map((li) => ({
        dish: li.querySelector('.dish')!.textContent,
        diet: li.querySelector('.diet')?.textContent ?? null,
        english: li.querySelector('.gloss')?.textContent ?? null,
      })),
    })),
  );
}

/** The same result as JSON, from the relay. */
async function todayJson(url: string, query = ''): Promise<any> {
  return (await fetch(`${url}/-/today?${query}`)).json();
}

/** What the page should show for a result: each restaurant's dishes with the label and gloss of the CLI. */
const expected = (result: any, english: boolean) =>
  result.regions.flatMap((g: any) =>
    g.restaurants.map((m: any) => ({
      name: m.restaurant.name,
      dishes: m.dishDetails.map((d: any) => ({ dish: d.dish, diet: d.tags[0] ?? null, english: english ? d.english : null })),
    })),
  );

/** Whether the page scrolls: the horizontal and vertical overflow of the document. */
const overflow = (page: Page) =>
  page.evaluate(() => ({ x: document.documentElement.scrollWidth - innerWidth, y: document.documentElement.scrollHeight - innerHeight }));

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE); // run by the browser's debugger, not as a page script: the policy stays on
  const results = await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: any) => `${v.id} (${v.impact}): ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
}

describe('what the board shows', () => {
  test('every restaurant and every dish of the stand-in, each with its diet label, grouped by region', async () => {
    const url = await serve();
    const { page } = await open(`${url}/-/board`);
    const result = await todayJson(url);
    expect(await shown(page)).toEqual(expected(result, false));
    // Every dish the stand-in serves (blanks and repeats dropped), at every restaurant that has any.
    const dishes = (await shown(page)).flatMap((m) => m.dishes.map((d) => d.dish));
    const served = new Set(Object.values(DISHES).flat().map((d) => d.trim()).filter(Boolean));
    expect(new Set(dishes)).toEqual(served);
    const withDishes = t.api.restaurants.filter((r) => DISHES[r.identifier]?.length).map((r) => r.name.trim());
    expect((await shown(page)).map((m) => m.name).sort()).toEqual(withDishes.sort());
    expect(await page.$$eval('h2', (hs) => hs.map((h) => h.textContent))).toEqual(['Uppsala', 'Solna']);
    expect(await page.$$eval('.dish', (ds) => ds.every((d) => d.getAttribute('lang') === 'sv'))).toBe(true);
    // The restaurants with no menu are named as the CLI names them.
    expect(await page.textContent('.facts')).toBe('No menu today: Café Biomedicum and Café Delta.');
    // Each restaurant's links; no gloss without ?lang=en.
    expect(await page.$$eval('li.menu', (ms) => ms.every((m) => m.querySelector('.links a[href^="https://www.openstreetmap.org/"]')))).toBe(true);
    expect(await page.$$('.gloss')).toHaveLength(0);
  });

  test('?diet=vegetarian leaves only vegetarian and vegan dishes; ?lang=en adds the English glosses (lang="en")', async () => {
    const url = await serve();
    const { page } = await open(`${url}/-/board?diet=vegetarian&lang=en`);
    const vegetarian = await todayJson(url, 'diet=vegetarian');
    const menus = await shown(page);
    expect(menus).toEqual(expected(vegetarian, true));
    const labels = new Set(menus.flatMap((m) => m.dishes.map((d) => d.diet)));
    expect([...labels].sort()).toEqual(['vegan', 'vegetarian']);
    const glosses = menus.flatMap((m) => m.dishes.map((d) => d.english)).filter(Boolean);
    expect(glosses.length).toBeGreaterThan(3);
    expect(await page.$$eval('.gloss', (gs) => gs.every((g) => g.getAttribute('lang') === 'en'))).toBe(true);
    expect(await page.textContent('h1')).toMatch(/^Lunch today, Wednesday 2 Dec · vegetarian only$/);
  });
});

describe('sizes', () => {
  test.each(['solna', 'uppsala'])('TV mode (?tv=1) at 1920×1080: %s\'s day fits without scrolling, large type and no links', async (region) => {
    const url = await serve();
    const { page } = await open(`${url}/-/board?tv=1&region=${region}&lang=en`, { width: 1920, height: 1080 });
    await page.screenshot({ path: new URL(`tv-${region}-1920x1080.png`, OUT).pathname });
    expect(await overflow(page)).toEqual({ x: expect.toSatisfy((x: number) => x <= 0), y: expect.toSatisfy((y: number) => y <= 0) });
    expect(await page.$$('a')).toHaveLength(0);
    const dishSize = await page.$eval('.dish', (d) => parseFloat(getComputedStyle(d).fontSize));
    expect(dishSize).toBeGreaterThanOrEqual(24);
    expect((await shown(page)).length).toBe(t.api.restaurants.filter((r) => r.region.toLowerCase() === region && DISHES[r.identifier]?.length).length);
  });

  test('a phone at 390×844: nothing overflows horizontally, with the longest dish and the hostile restaurant', async () => {
    serveHostile(t.api);
    const url = await serve();
    const { page } = await open(`${url}/-/board?lang=en`, { width: 390, height: 844 });
    await page.screenshot({ path: new URL('phone-390x844.png', OUT).pathname, fullPage: true });
    expect((await overflow(page)).x).toBeLessThanOrEqual(0);
  });
});

/** HTML, script, links, event handlers and CSS escapes, on top of the terminal attacks of serveHostile. */
const HTML_ATTACKS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned=\'img\'">',
  '"><svg onload=alert(1)>',
  "'><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
  '<a href="javascript:alert(2)">click</a>',
  '</span></li></ul><style>body{display:none}</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(3)">',
  'Gratäng \\3c script\\3e  expression(alert(4)) url(javascript:alert(5))',
  '<div style="background:url(//evil.example/x.png)">styled</div>',
  '{{constructor.constructor("alert(6)")()}} ${alert(7)}',
];

describe('a hostile menu', () => {
  test('renders as text: no script runs, no dialog opens, no policy violation, no element or attribute the template did not write', async () => {
    serveHostile(t.api);
    t.api.restaurants.at(-1)!.name = `<b onmouseover="alert(8)">Evil</b> \u202eevil`;
    t.api.dishes.evil = [...HOSTILE_DISHES, ...HTML_ATTACKS];
    const url = await serve();
    const { page, dialogs, violations } = await open(`${url}/-/board?lang=en`);
    await page.screenshot({ path: new URL('hostile-1280.png', OUT).pathname, fullPage: true });
    await page.hover('text=Evil').catch(() => {});
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await violations()).toEqual([]);
    // Each attack is there, as the text of its dish.
    const dishes = await page.$$eval('.dish', (ds) => ds.map((d) => d.textContent));
    for (const attack of HTML_ATTACKS) expect(dishes).toContain(attack.replace(/ {2,}/g, ' ').trim());
    expect(await page.$$eval('h3', (hs) => hs.map((h) => h.textContent))).toContain('<b onmouseover="alert(8)">Evil</b> \ufffdevil');
    // Only the elements and attributes the template writes.
    const elements = await page.$$eval('*', (all) => [...new Set(all.map((e) => e.tagName.toLowerCase()))].sort());
    expect(elements).toEqual(['a', 'body', 'h1', 'h2', 'h3', 'head', 'header', 'html', 'li', 'link', 'main', 'meta', 'nav', 'p', 'section', 'span', 'title', 'ul']);
    const attributes = await page.$$eval('*', (all) => [...new Set(all.flatMap((e) => e.getAttributeNames()))].sort());
    expect(attributes).toEqual(['aria-current', 'aria-label', 'aria-labelledby', 'charset', 'class', 'content', 'href', 'id', 'lang', 'name', 'rel', 'type']);
    const hrefs = await page.$$eval('[href]', (all) => all.map((e) => e.getAttribute('href')!));
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|\/-\/)/);
    // The hostile restaurant's javascript: links are gone; its menu page link is http(s) and escaped.
    const evil = page.locator('li.menu', { hasText: 'Evil' });
    expect(await evil.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'https://www.openstreetmap.org/?mlat=59.35&mlon=18.02#map=19/59.35/18.02',
      expect.stringMatching(/^https:\/\/evil\.example\/menu/),
    ]);
  });
});

describe('accessibility (axe-core)', () => {
  test.each([
    ['phone, light', { width: 390, height: 844 }, 'light', '?lang=en'],
    ['phone, dark', { width: 390, height: 844 }, 'dark', '?diet=vegan'],
    ['TV, light', { width: 1920, height: 1080 }, 'light', '?tv=1&region=solna&lang=en'],
    ['TV, dark', { width: 1920, height: 1080 }, 'dark', '?tv=1&region=uppsala'],
  ] as const)('no serious or critical violation: %s', async (_, viewport, scheme, query) => {
    const url = await serve();
    const { page } = await open(`${url}/-/board${query}`, viewport, scheme);
    if (scheme === 'dark') await page.screenshot({ path: new URL(`dark-${viewport.width}.png`, OUT).pathname });
    expect(await axe(page)).toEqual([]);
  });
});

describe('the API down', () => {
  test('the page still shows the last good menus, each marked stale with the time it was fetched', async () => {
    // --ttl 0: every request asks the API again, so the test needs no clock to move.
    const url = await serve(['--ttl', '0']);
    const before = await open(`${url}/-/board?region=solna`);
    const good = await shown(before.page);
    expect(await before.page.$$('.stale')).toHaveLength(0);
    const fetched = await todayJson(url, 'region=solna');
    t.api.fault = '500';
    const down = await open(`${url}/-/board?region=solna`);
    await down.page.screenshot({ path: new URL('api-down-1280.png', OUT).pathname, fullPage: true });
    expect(await shown(down.page)).toEqual(good);
    const times = fetched.regions[0].restaurants.map((m: any) => new Date(m.source.fetchedAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }));
    expect(await down.page.$$eval('.stale', (ss) => ss.map((s) => s.textContent))).toEqual(times.map((time: string) => `cached copy from ${time}: the API did not answer`));
    expect(await down.page.textContent('.notice')).toMatch(/^The menu API did not answer: these menus are the last copies/);
    expect(await down.page.textContent('.asof')).toBe(`as of ${times.sort()[0]}`);
  });
});

/** @jsxImportSource preact */
// The board as HTML: another renderer of the result `today` computes (as render/menus.ts is for
// a terminal). JSX rendered to a string by preact-render-to-string, which escapes every text and
// attribute value: a dish or a name is text, whatever it holds. Links are the model's (http(s)
// only, safeUrl). No script, no inline style, nothing loaded from elsewhere.
import type { ComponentChildren } from 'preact';
import { renderToStaticMarkup } from 'preact-render-to-string';
import type { RestaurantMenu } from '../../menu/menus.js';
import type { TodayResult } from '../../commands/results.js';
import { dietLabel, type DishInfo } from '../../menu/dishes.js';
import { stockholmDayLabel, stockholmTime } from '../../menu/stockholm.js';
import { missingFacts, nothingToday } from '../../render/wording.js';
import { ASSET_VERSION } from './style.js';

/**
 * How often the TV page reloads itself (a screen on a wall, with no one to press reload). Sent as
 * a `Refresh` header by board.ts, only in TV mode: a page that reloads under a person reading it
 * (on a phone, with a screen reader) breaks WCAG 2.2.1, which axe-core checks.
 */
export const REFRESH_SECONDS = 60;

export interface PageOptions {
  english: boolean;
  tv: boolean;
  /** The query as resolved (for the links to other views). */
  region: string | null;
  only: string[];
  /** The regions there are, for the links. */
  regions: string[];
  /** When the result was computed (ms): its time when no menu says one. */
  computedAt: number;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const dayOf = (date: string) => stockholmDayLabel(Date.parse(`${date}T12:00:00Z`));
const timeOf = (iso: string) => stockholmTime(Date.parse(iso));

/** The address of another view of the board (or of its JSON), keeping the rest of the options. */
function boardHref(options: { region: string | null; diet: string | null; only: string[]; english: boolean; tv: boolean }, path = '/-/board'): string {
  const params = new URLSearchParams();
  if (options.region) params.set('region', options.region.toLowerCase());
  if (options.diet) params.set('diet', options.diet);
  if (options.only.length) params.set('only', options.only.join(','));
  if (options.english && path === '/-/board') params.set('lang', 'en');
  if (options.tv && path === '/-/board') params.set('tv', '1');
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}`;
}

function Document(props: { title: string; tv: boolean; children: ComponentChildren }) {
  return (
    <html lang="en" class={props.tv ? 'tv' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={`/-/board.css?v=${ASSET_VERSION}`} />
        <link rel="icon" type="image/svg+xml" href={`/-/board.svg?v=${ASSET_VERSION}`} />
      </head>
      <body>{props.children}</body>
    </html>
  );
}

function Dish({ info, english }: { info: DishInfo; english: boolean }) {
  const label = dietLabel(info);
  return (
    <li>
      <span class="dish" lang="sv">
        {info.dish}
      </span>
      {label && ' '}
      {label && <span class={`diet diet-${label}`}>{label}</span>}
      {english && info.english && ' '}
      {english && info.english && (
        <span class="gloss" lang="en">
          {info.english}
        </span>
      )}
    </li>
  );
}

function Links({ menu }: { menu: RestaurantMenu }) {
  const r = menu.restaurant;
  const links = [
    { href: r.mapUrl, text: 'Map' },
    { href: r.menuUrl && r.menuUrl !== r.homepage ? r.menuUrl : '', text: 'Menu page' },
    { href: r.homepage, text: 'Homepage' },
  ].filter((l) => l.href);
  if (links.length === 0) return null;
  return (
    <p class="links">
      {links.map((l) => (
        <a href={l.href}>{l.text}</a>
      ))}
    </p>
  );
}

function Menu({ menu, options }: { menu: RestaurantMenu; options: PageOptions }) {
  return (
    <li class="menu">
      <h3 lang="sv">{menu.restaurant.name}</h3>
      {menu.source.stale && <p class="stale">cached copy from {timeOf(menu.source.fetchedAt)}: the API did not answer</p>}
      <ul class="dishes">
        {menu.dishDetails.map((d) => (
          <Dish info={d} english={options.english} />
        ))}
      </ul>
      {!options.tv && <Links menu={menu} />}
    </li>
  );
}

function Nav({ result, options }: { result: TodayResult; options: PageOptions }) {
  const now = { region: options.region, diet: result.diet, only: options.only, english: options.english, tv: false };
  const item = (text: string, to: Partial<typeof now>, current: boolean) => (
    <li>
      <a href={boardHref({ ...now, ...to })} aria-current={current ? 'page' : undefined}>
        {text}
      </a>
    </li>
  );
  return (
    <nav aria-label="Other views">
      <ul>
        {item('All regions', { region: null }, options.region === null)}
        {options.regions.map((region) => item(region, { region }, options.region === region))}
        {item('Any diet', { diet: null }, result.diet === null)}
        {item('Vegetarian', { diet: 'vegetarian' }, result.diet === 'vegetarian')}
        {item('Vegan', { diet: 'vegan' }, result.diet === 'vegan')}
        {item(options.english ? 'Without English' : 'In English too', { english: !options.english }, false)}
        {item('TV mode', { tv: true }, false)}
        <li>
          <a href={boardHref(now, '/-/today')}>JSON</a>
        </li>
      </ul>
    </nav>
  );
}

/** The page for a result of `today`. */
export function boardPage(result: TodayResult, options: PageOptions): string {
  const menus = result.regions.flatMap((g) => g.restaurants);
  const times = menus.map((m) => Date.parse(m.source.fetchedAt));
  const asOf = stockholmTime(times.length ? Math.min(...times) : options.computedAt);
  const stale = menus.filter((m) => m.source.stale);
  const noneOpen = result.regions.length === 0 && result.nothingFits.length === 0;
  const facts = missingFacts(result, noneOpen);
  const where = options.region ?? (options.only.length ? 'your restaurants' : 'Uppsala and Solna');
  const diet = result.diet ? ` · ${result.diet} only` : '';
  const title = `Lunch today, ${dayOf(result.date)}${diet}`;
  const page = (
    <Document title={`${title} · ${where}`} tv={options.tv}>
      <header>
        <h1>{title}</h1>
        <p class="asof">as of {asOf}</p>
        {stale.length > 0 && (
          <p class="notice" role="status">
            The menu API did not answer: {stale.length === menus.length ? 'these menus are' : `${stale.length} of these menus are`} the last copies, marked
            with the time they were fetched.
          </p>
        )}
      </header>
      <main>
        {result.regions.map((group, i) => (
          <section aria-labelledby={`region-${i}`}>
            <h2 id={`region-${i}`}>{group.region}</h2>
            <ul class="menus">
              {group.restaurants.map((m) => (
                <Menu menu={m} options={options} />
              ))}
            </ul>
          </section>
        ))}
        {result.regions.length === 0 && (result.diet || !facts.length) && <p class="empty">{nothingToday(result.diet)}</p>}
        {facts.length > 0 && (
          <ul class="facts">
            {facts.map((f) => (
              <li>{capitalise(f)}.</li>
            ))}
          </ul>
        )}
      </main>
      {!options.tv && <Nav result={result} options={options} />}
    </Document>
  );
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}

/** A page that says what went wrong (a bad option, no menu to be had): one clear line. */
export function errorPage(status: number, message: string, tv: boolean): string {
  const page = (
    <Document title="Lunch board: error" tv={tv}>
      <main>
        <h1>{status >= 500 ? 'No menus to show' : 'This address does not work'}</h1>
        <p>{capitalise(message)}.</p>
        <p>
          <a href="/-/board">All of today's menus</a>
        </p>
      </main>
    </Document>
  );
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}

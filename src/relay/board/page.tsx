/** @jsxImportSource preact */
// The board as HTML: another renderer of the result `today` computes (as render/menus.ts is for
// a terminal). JSX rendered to a string by preact-render-to-string, which escapes every text and
// attribute value: a dish or a name is text, whatever it holds. Links are the model's (http(s)
// only, safeUrl). No script, no inline style, nothing loaded from elsewhere.
import type { ComponentChildren } from 'preact';
import { renderToStaticMarkup } from 'preact-render-to-string';
import type { TodayResult } from '../../commands/results.js';
import { stockholmDayLabel, stockholmTime } from '../../menu/stockholm.js';
import { missingFacts, nothingToday } from '../../render/wording.js';
import { Menu } from './menu.js';
import { Nav } from './nav.js';
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
                <Menu menu={m} english={options.english} tv={options.tv} />
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

/** @jsxImportSource preact */
// One restaurant's menu on the board's page (page.tsx): its dishes with their diet labels and,
// if asked, their English glosses; whether it is a cached copy; its links (not in TV mode).
import type { RestaurantMenu } from '../../menu/menus.js';
import { dietLabel, type DishInfo } from '../../menu/dishes.js';
import { stockholmTime } from '../../menu/stockholm.js';

const timeOf = (iso: string) => stockholmTime(Date.parse(iso));

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

export function Menu({ menu, english, tv }: { menu: RestaurantMenu; english: boolean; tv: boolean }) {
  return (
    <li class="menu">
      <h3 lang="sv">{menu.restaurant.name}</h3>
      {menu.source.stale && <p class="stale">cached copy from {timeOf(menu.source.fetchedAt)}: the API did not answer</p>}
      <ul class="dishes">
        {menu.dishDetails.map((d) => (
          <Dish info={d} english={english} />
        ))}
      </ul>
      {!tv && <Links menu={menu} />}
    </li>
  );
}

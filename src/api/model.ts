// The one internal model of the menu API's answers. Every deployment variant listed in
// shared/api/README.md is turned into these shapes here, and anything else is rejected with a
// clear error instead of leaking `undefined` into a table. Every string is neutralised here, on
// the way in (scraped text is written by strangers), and every link is http(s) or nothing.
// No dependencies: the warm path uses it.
import { ApiError } from '../errors.js';
import { neutralise, safeUrl } from '../text.js';

export interface Restaurant {
  id: string;
  name: string;
  region: string;
  homepage: string;
  menuUrl: string;
  mapUrl: string;
}

export interface Menu {
  title: string;
  region: string;
  homepage: string;
  mapUrl: string;
  dishes: string[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(what: string): never {
  throw new ApiError('API_BAD_RESPONSE', `the menu API sent an unexpected answer (${what})`);
}

/** The first of `keys` that holds a string, neutralised; `undefined` when none is present. */
function pickString(obj: Json, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = obj[key];
    if (typeof value === 'string') return neutralise(value);
  }
  return undefined;
}

function pickUrl(obj: Json, ...keys: string[]): string {
  for (const key of keys) {
    const value = obj[key];
    if (typeof value === 'string' && value) return safeUrl(value);
  }
  return '';
}

function mapLink(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=19/${lat}/${lon}`;
}

function toRestaurant(entry: unknown, index: number): Restaurant {
  if (!isObject(entry)) bad(`restaurant #${index + 1} is not an object`);
  const id = pickString(entry, 'identifier');
  const name = pickString(entry, 'name');
  if (!id || name === undefined) bad(`restaurant #${index + 1} has no identifier or name`);
  // The identifier becomes one path segment of a request; `.` and `..` would leave it.
  if (id === '.' || id === '..') bad(`restaurant #${index + 1} has the identifier '${id}'`);
  const coordinate = entry.coordinate;
  const hasCoordinate =
    Array.isArray(coordinate) &&
    coordinate.length === 2 &&
    coordinate.every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= 180);
  // One map link for a restaurant wherever it appears: built from its coordinates (a marker),
  // else the deployment's own OpenStreetMap link.
  return {
    id,
    name: name || id,
    region: pickString(entry, 'region', 'campus', 'location') || 'Other',
    homepage: pickUrl(entry, 'homepage', 'url'),
    menuUrl: pickUrl(entry, 'menuUrl', 'menu_url'),
    mapUrl: hasCoordinate ? mapLink(coordinate[0] as number, coordinate[1] as number) : pickUrl(entry, 'osm', 'map_url'),
  };
}

/** `GET /restaurant` → the restaurants, in the API's order. */
export function parseRestaurantList(body: unknown): Restaurant[] {
  if (!isObject(body) || !Array.isArray(body.restaurants)) bad('no "restaurants" list');
  const seen = new Set<string>();
  const list: Restaurant[] = [];
  for (const [i, entry] of body.restaurants.entries()) {
    const restaurant = toRestaurant(entry, i);
    if (seen.has(restaurant.id)) continue;
    seen.add(restaurant.id);
    list.push(restaurant);
  }
  return list;
}

/** Neutralises, trims and collapses whitespace, drops blanks and repeats (ignoring case and spacing). */
export function cleanDishes(raw: string[]): string[] {
  const seen = new Set<string>();
  const dishes: string[] = [];
  for (const text of raw) {
    const dish = neutralise(text);
    const key = dish.toLowerCase();
    if (!dish || seen.has(key)) continue;
    seen.add(key);
    dishes.push(dish);
  }
  return dishes;
}

/** `GET /restaurant/<id>` → today's menu. */
export function parseMenu(body: unknown): Menu {
  if (!isObject(body) || !isObject(body.restaurant)) bad('no "restaurant" object');
  const r = body.restaurant;
  if (!Array.isArray(r.menu)) bad('the menu is not a list');
  const raw = r.menu.map((item, i) => {
    if (typeof item === 'string') return item;
    if (isObject(item) && typeof item.dish === 'string') return item.dish;
    if (isObject(item) && item.dish == null) return '';
    return bad(`dish #${i + 1} is not text`);
  });
  return {
    title: pickString(r, 'title', 'name') ?? '',
    region: pickString(r, 'location', 'region', 'campus') ?? '',
    homepage: pickUrl(r, 'url', 'homepage'),
    mapUrl: pickUrl(r, 'map_url', 'osm'),
    dishes: cleanDishes(raw),
  };
}

// Cached copies are stored in the internal model, but an old or hand-edited cache file may hold
// anything: they are checked and neutralised again on the way in, like an API answer.
const RESTAURANT_FIELDS = ['id', 'name', 'region', 'homepage', 'menuUrl', 'mapUrl'] as const;

export function cachedRestaurantList(value: unknown): Restaurant[] | undefined {
  if (!Array.isArray(value) || !value.every((r) => isObject(r) && RESTAURANT_FIELDS.every((f) => typeof r[f] === 'string'))) return undefined;
  return (value as Restaurant[]).map((r) => ({
    id: neutralise(r.id),
    name: neutralise(r.name),
    region: neutralise(r.region),
    homepage: safeUrl(r.homepage),
    menuUrl: safeUrl(r.menuUrl),
    mapUrl: safeUrl(r.mapUrl),
  }));
}

export function cachedMenu(value: unknown): Menu | undefined {
  if (!isObject(value) || !['title', 'region', 'homepage', 'mapUrl'].every((f) => typeof value[f] === 'string')) return undefined;
  if (!Array.isArray(value.dishes) || !value.dishes.every((d) => typeof d === 'string')) return undefined;
  const m = value as unknown as Menu;
  return { title: neutralise(m.title), region: neutralise(m.region), homepage: safeUrl(m.homepage), mapUrl: safeUrl(m.mapUrl), dishes: cleanDishes(m.dishes) };
}

// The one internal model of the menu API's answers. Every deployment variant listed in
// shared/api/README.md is turned into these shapes here, and anything else is rejected with a
// clear error instead of leaking `undefined` into a table. No dependencies: the warm path uses it.
import { ApiError } from '../errors.js';

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

/** The first of `keys` that holds a string; `undefined` when none is present. */
function pickString(obj: Json, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = obj[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

function mapLink(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=19/${lat}/${lon}`;
}

function toRestaurant(entry: unknown, index: number): Restaurant {
  if (!isObject(entry)) bad(`restaurant #${index + 1} is not an object`);
  const id = pickString(entry, 'identifier');
  const name = pickString(entry, 'name');
  if (!id?.trim() || name === undefined) bad(`restaurant #${index + 1} has no identifier or name`);
  const coordinate = entry.coordinate;
  const hasCoordinate =
    Array.isArray(coordinate) && coordinate.length === 2 && coordinate.every((n) => typeof n === 'number' && Number.isFinite(n));
  const osm = pickString(entry, 'osm', 'map_url');
  return {
    id: id.trim(),
    name: name.trim().replace(/\s+/g, ' ') || id.trim(),
    region: (pickString(entry, 'region', 'campus', 'location') ?? '').trim() || 'Other',
    homepage: pickString(entry, 'homepage', 'url') ?? '',
    menuUrl: pickString(entry, 'menuUrl', 'menu_url') ?? '',
    mapUrl: osm || (hasCoordinate ? mapLink(coordinate[0] as number, coordinate[1] as number) : ''),
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

/** Trims and collapses whitespace, drops blanks and repeats (ignoring case and spacing). */
export function cleanDishes(raw: string[]): string[] {
  const seen = new Set<string>();
  const dishes: string[] = [];
  for (const text of raw) {
    const dish = text.replace(/\s+/g, ' ').trim();
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
    title: (pickString(r, 'title', 'name') ?? '').trim(),
    region: (pickString(r, 'location', 'region', 'campus') ?? '').trim(),
    homepage: pickString(r, 'url', 'homepage') ?? '',
    mapUrl: pickString(r, 'map_url', 'osm') ?? '',
    dishes: cleanDishes(raw),
  };
}

// Checks for cached copies, which are stored in the internal model (an old or hand-edited cache
// file may hold anything).
const RESTAURANT_FIELDS = ['id', 'name', 'region', 'homepage', 'menuUrl', 'mapUrl'] as const;

export function isRestaurantList(value: unknown): value is Restaurant[] {
  return Array.isArray(value) && value.every((r) => isObject(r) && RESTAURANT_FIELDS.every((f) => typeof r[f] === 'string'));
}

export function isMenu(value: unknown): value is Menu {
  return (
    isObject(value) &&
    ['title', 'region', 'homepage', 'mapUrl'].every((f) => typeof value[f] === 'string') &&
    Array.isArray(value.dishes) &&
    value.dishes.every((d) => typeof d === 'string')
  );
}

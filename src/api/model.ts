// The one internal model of the menu API's answers. Every deployment variant listed in
// shared/api/README.md is turned into these shapes here, and anything else is rejected with a
// clear error instead of leaking `undefined` into a table. Every string is neutralised here, on
// the way in (scraped text is written by strangers), and every link is http(s) or nothing.
// One malformed record (a restaurant of the list, a dish of a menu) is left out and said, not
// fatal: a scraper bug upstream must not take the tool down for every other restaurant; only an
// answer with no usable record at all is an error.
// No dependencies: the warm path uses it.
import { ApiError } from '../errors.js';
import { clip, neutralise, quote, safeUrl } from '../text.js';

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

/**
 * Names, regions and titles are clipped to this many characters where they enter the model, as
 * dishes are clipped for display: the longest real name is 23 characters ("Den Glada
 * Restaurangen"); 100 keeps any plausible name whole, fits a line of a normal terminal, and
 * bounds what completion, the picker and typo matching do per name (a typo lookup() against one
 * 10 KB name takes 0.2-2.5 ms on Node 20-24, clipped under 0.1 ms: `npx tsx bench/claims.ts`;
 * matching also reads only MATCHED_LENGTH characters). An identifier cannot be clipped (it is the
 * menu's request path): a longer one is refused.
 */
export const MAX_SHORT_FIELD = 100;
/** Only this much of a short field is looked at: neutralising 10 MB to keep 100 characters is waste. */
const READ_SHORT_FIELD = 10 * MAX_SHORT_FIELD;

/** Why some records of an answer were left out, one reason each (`restaurant #3 has ...`). */
export type Dropped = string[];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(what: string): never {
  throw new ApiError('API_BAD_RESPONSE', `the menu API sent an unexpected answer (${what})`);
}

/** A short field from the network: neutralised and clipped (see MAX_SHORT_FIELD). */
export function shortField(raw: string): string {
  const text = neutralise(raw.length > READ_SHORT_FIELD ? clip(raw, READ_SHORT_FIELD) : raw);
  if (text.length <= MAX_SHORT_FIELD) return text;
  // A joiner left at the cut would join the ellipsis to the character before it.
  return clip(text, MAX_SHORT_FIELD).replace(/\u200d…$/, '…');
}

/**
 * Whether text read back from a file of ours (the completion index) is exactly what the model
 * makes of a short field: checked, not neutralised again (cheap for a name already clean), so
 * that text which fails is refused.
 */
export const isModelShortField = (text: string): boolean => text.length <= READ_SHORT_FIELD && shortField(text) === text;

/** Whether text read back from a file of ours is an identifier as the model keeps it. */
export const isModelId = (text: string): boolean =>
  text.length > 0 && text.length <= MAX_SHORT_FIELD && text !== '.' && text !== '..' && text[0] !== '-' && neutralise(text) === text;

/** The first of `keys` that holds a string, as a short field; `undefined` when none is present. */
function pickString(obj: Json, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = obj[key];
    if (typeof value === 'string') return shortField(value);
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

/** What is wrong with an identifier (it becomes one path segment of a request), or undefined. */
function identifierProblem(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || !neutralise(raw.slice(0, READ_SHORT_FIELD))) return 'has no identifier';
  if (raw.length > MAX_SHORT_FIELD) return `has an identifier of ${raw.length} characters (at most ${MAX_SHORT_FIELD})`;
  // `.` and `..` would leave the path segment.
  const id = neutralise(raw);
  if (id === '.' || id === '..') return `has the identifier ${quote(id)}`;
  // `-rf`, `--api=…`: typed or completed, it would be read as an option.
  if (id.startsWith('-')) return `has the identifier ${quote(id)}, which begins with '-'`;
  return undefined;
}

/** A restaurant of the API's list, or why it cannot be one. */
function toRestaurant(entry: unknown): Restaurant | string {
  if (!isObject(entry)) return 'is not an object';
  const problem = identifierProblem(entry.identifier);
  if (problem) return problem;
  const id = neutralise(entry.identifier as string);
  const name = pickString(entry, 'name');
  if (name === undefined) return `(${quote(id)}) has no name`;
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

/** The records of a list that `convert` accepts, and why each other one cannot be used (also added to `dropped`). */
function usable<T>(entries: unknown[], noun: string, convert: (entry: unknown) => T | string, dropped: Dropped): { value: T[]; problems: string[] } {
  const value: T[] = [];
  const problems: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const result = convert(entries[i]);
    if (typeof result === 'string') problems.push(`${noun} #${i + 1} ${result}`);
    else value.push(result);
  }
  dropped.push(...problems);
  return { value, problems };
}

/** `GET /restaurant` → the restaurants, in the API's order; malformed ones are left out (see `dropped`). */
export function parseRestaurantList(body: unknown, dropped: Dropped = []): Restaurant[] {
  if (!isObject(body) || !Array.isArray(body.restaurants)) bad('no "restaurants" list');
  const { value, problems } = usable(body.restaurants, 'restaurant', toRestaurant, dropped);
  if (value.length === 0 && problems.length > 0) bad(allBad(problems));
  const seen = new Set<string>();
  return value.filter((r) => !seen.has(r.id) && Boolean(seen.add(r.id)));
}

/** The first reason, and how many more: when every record is malformed. */
function allBad(problems: string[]): string {
  return problems.length === 1 ? problems[0]! : `${problems[0]}, and ${problems.length - 1} more malformed records; none is usable`;
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

/** A dish of a menu as text ('' for a blank one), or why it is not one. */
function dishText(item: unknown): { text: string } | string {
  if (typeof item === 'string') return { text: item };
  if (isObject(item) && typeof item.dish === 'string') return { text: item.dish };
  if (isObject(item) && item.dish == null) return { text: '' };
  return 'is not text';
}

/** `GET /restaurant/<id>` → today's menu; malformed dishes are left out (see `dropped`). */
export function parseMenu(body: unknown, dropped: Dropped = []): Menu {
  if (!isObject(body) || !isObject(body.restaurant)) bad('no "restaurant" object');
  const r = body.restaurant;
  if (!Array.isArray(r.menu)) bad('the menu is not a list');
  const { value, problems } = usable(r.menu, 'dish', dishText, dropped);
  if (value.length === 0 && problems.length > 0) bad(allBad(problems));
  return {
    title: pickString(r, 'title', 'name') ?? '',
    region: pickString(r, 'location', 'region', 'campus') ?? '',
    homepage: pickUrl(r, 'url', 'homepage'),
    mapUrl: pickUrl(r, 'map_url', 'osm'),
    dishes: cleanDishes(value.map((d) => d.text)),
  };
}

// Cached copies are stored in the internal model, but an old or hand-edited cache file may hold
// anything: they are checked and neutralised again on the way in, like an API answer.
// A cached copy with some malformed records is served without them, as an answer would be; one
// with none usable is no copy (`undefined`: fetched again).
const RESTAURANT_FIELDS = ['id', 'name', 'region', 'homepage', 'menuUrl', 'mapUrl'] as const;

function cachedRestaurant(r: unknown): Restaurant | string {
  if (!isObject(r)) return 'is not a restaurant of this cache format';
  for (let i = 0; i < RESTAURANT_FIELDS.length; i++) if (typeof r[RESTAURANT_FIELDS[i]!] !== 'string') return 'is not a restaurant of this cache format';
  // An identifier as the model keeps it (the common case) is checked once, not neutralised three times.
  const plainId = isModelId(r.id as string);
  const problem = plainId ? undefined : identifierProblem(r.id);
  if (problem) return problem;
  const id = plainId ? (r.id as string) : neutralise(r.id as string);
  return {
    id,
    name: shortField(r.name as string) || id,
    region: shortField(r.region as string),
    homepage: safeUrl(r.homepage as string),
    menuUrl: safeUrl(r.menuUrl as string),
    mapUrl: safeUrl(r.mapUrl as string),
  };
}

export function cachedRestaurantList(value: unknown, dropped: Dropped = []): Restaurant[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const { value: list, problems } = usable(value, 'restaurant', cachedRestaurant, []);
  if (list.length === 0 && problems.length > 0) return undefined;
  dropped.push(...problems);
  return list;
}

export function cachedMenu(value: unknown, dropped: Dropped = []): Menu | undefined {
  if (!isObject(value) || !['title', 'region', 'homepage', 'mapUrl'].every((f) => typeof value[f] === 'string')) return undefined;
  if (!Array.isArray(value.dishes)) return undefined;
  const m = value as unknown as Menu;
  let texts: string[] = value.dishes as string[];
  // Every dish text (the common case): as it is, without a copy. Else those that are, and why not the others.
  if (!texts.every((d) => typeof d === 'string')) {
    const { value: dishes, problems } = usable(value.dishes, 'dish', (d) => (typeof d === 'string' ? { text: d } : 'is not text'), []);
    if (dishes.length === 0 && problems.length > 0) return undefined;
    dropped.push(...problems);
    texts = dishes.map((d) => d.text);
  }
  return { title: shortField(m.title), region: shortField(m.region), homepage: safeUrl(m.homepage), mapUrl: safeUrl(m.mapUrl), dishes: cleanDishes(texts) };
}

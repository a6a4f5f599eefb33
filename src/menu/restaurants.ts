// Regions and how restaurants are grouped and ordered: Uppsala, Solna, then any other region
// A-Z; names A-Z within a region. Pure.
import type { Restaurant } from '../api/model.js';
import { UsageError } from '../errors.js';
import { fold, joinWords, quote } from '../text.js';
import { foldFast } from './matching.js';

/** Any list of things that belong to a restaurant, grouped by its region. */
export interface RegionGroup<T> {
  region: string;
  restaurants: T[];
}

/**
 * Names people use for the two sites (folded), as the lunch-menu service's own Slack command
 * knows them: Karolinska Institutet and Biomedicum are in Solna, BMC and the university in Uppsala.
 */
export const REGION_ALIASES: Record<string, string> = {
  ki: 'solna',
  karolinska: 'solna',
  'karolinska institutet': 'solna',
  biomedicum: 'solna',
  bmc: 'uppsala',
  uu: 'uppsala',
  'uppsala universitet': 'uppsala',
  'uppsala university': 'uppsala',
};

const REGION_ORDER = ['uppsala', 'solna'];

/** The regions a user can name without a restaurant list at hand. */
export const KNOWN_REGIONS = ['Uppsala', 'Solna'];

/** 'all' (no filter), a region, or an alias, folded and with aliases applied. */
export function regionKey(typed: string): string {
  const key = fold(typed);
  return Object.hasOwn(REGION_ALIASES, key) ? REGION_ALIASES[key]! : key;
}

/**
 * The region a user means, spelled as the restaurants spell it (`sOlNa`, `ki` → `Solna`), or
 * null for every region. An unknown region is a usage error naming the known ones.
 */
export function resolveRegion(typed: string | null | undefined, restaurants: Restaurant[], from?: string): string | null {
  if (typed == null) return null;
  const key = regionKey(typed);
  if (key === 'all') return null;
  const regions = regionsOf(restaurants);
  const found = regions.find((r) => fold(r) === key);
  if (!found) {
    const fix = from?.startsWith('the saved setting') ? '; restaurant-menu config unset region' : '';
    throw new UsageError(`${from ? `${from}: ` : ''}unknown region ${quote(typed)} (known: ${joinWords([...regions, 'all'])})${fix}`);
  }
  return found;
}

/** Whether a typed region could be valid before the restaurant list is known (for `config set`). */
export function plausibleRegion(typed: string, restaurants: Restaurant[] = []): boolean {
  const key = regionKey(typed);
  return key === 'all' || [...KNOWN_REGIONS, ...regionsOf(restaurants)].some((r) => fold(r) === key);
}

/** The distinct regions, in display order. */
export function regionsOf(restaurants: Restaurant[]): string[] {
  return groupByRegion(restaurants, (r) => r).map((g) => g.region);
}

export function filterRegion(restaurants: Restaurant[], region: string | null): Restaurant[] {
  return region === null ? restaurants : restaurants.filter((r) => r.region === region);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rank(regionFolded: string): number {
  const i = REGION_ORDER.indexOf(regionFolded);
  return i === -1 ? REGION_ORDER.length : i;
}

/** Restaurants sorted by folded name (each name folded once, not once per comparison; a plain ASCII name cheaply). */
export function byName<T>(items: T[], restaurantOf: (item: T) => Restaurant): T[] {
  return items
    .map((item) => ({ item, key: foldFast(restaurantOf(item).name) }))
    .sort((a, b) => compare(a.key, b.key))
    .map((x) => x.item);
}

/**
 * Things grouped by their restaurant's region: Uppsala, Solna, then other regions A-Z; names
 * A-Z within each. Plain comparison of folded text: localeCompare would load ICU collation data
 * on first use (12-19 ms CPU on Node 20-24: `npx tsx bench/claims.ts`), to order names that
 * folding has already made plain.
 */
export function groupByRegion<T>(items: T[], restaurantOf: (item: T) => Restaurant): RegionGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const region = restaurantOf(item).region;
    let list = groups.get(region);
    if (!list) groups.set(region, (list = []));
    list.push(item);
  }
  return [...groups.entries()]
    .map(([region, list]) => ({ region, key: fold(region), list }))
    .sort((a, b) => rank(a.key) - rank(b.key) || compare(a.key, b.key))
    .map(({ region, list }) => ({ region, restaurants: byName(list, restaurantOf) }));
}

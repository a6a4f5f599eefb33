// The options of a board's address: as typed (parseQuery), and resolved against the restaurant
// list into what a result depends on (canonical), which is the result's cache key (keyOf, fromKey).
import type { Restaurant } from '../../api/model.js';
import { UsageError } from '../../errors.js';
import type { DietFilter } from '../../food/filter.js';
import { lookup } from '../../menu/lookup.js';
import { regionKey, resolveRegion } from '../../menu/restaurants.js';
import { SETTINGS } from '../../settings/table.js';
import { joinWords, quote } from '../../text.js';

/** A query longer than this is refused: options are a few short words. */
const MAX_QUERY = 1_000;
const MAX_ONLY = 30;

/** The options a board's address may carry, as typed. */
export interface BoardQuery {
  region: string | null;
  diet: DietFilter | null;
  only: string[];
  /** English glosses under the dishes. */
  english: boolean;
  tv: boolean;
}

/** Reads the options of a board's address; unknown parameters are ignored (cache-busters), bad values refused. */
export function parseQuery(query: string): BoardQuery {
  if (query.length > MAX_QUERY) throw new UsageError(`the options are too long (${query.length} characters; at most ${MAX_QUERY})`);
  const params = new URLSearchParams(query);
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const option = <T>(name: string, parse: (text: string) => T): T | undefined => {
    const value = text(name);
    try {
      return value === undefined ? undefined : parse(value);
    } catch (error) {
      throw error instanceof UsageError ? new UsageError(`${name}: ${error.message}`) : error;
    }
  };
  const diet = option('diet', SETTINGS.diet.parse);
  const lang = option('lang', (v) => {
    if (v !== 'sv' && v !== 'en') throw new UsageError(`must be sv (the menus as written) or en (with English glosses) (got ${quote(v, 20)})`);
    return v;
  });
  const only = (text('only') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (only.length > MAX_ONLY) throw new UsageError(`only: at most ${MAX_ONLY} restaurants (got ${only.length})`);
  return {
    region: text('region') ?? null,
    diet: diet === undefined || diet === 'any' ? null : diet,
    only,
    english: lang === 'en',
    tv: option('tv', SETTINGS.accessLog.parse) ?? false,
  };
}

/** What a result depends on, resolved against the restaurant list: its cache key. */
export interface Canonical {
  region: string | null;
  diet: DietFilter | null;
  /** Identifiers, sorted. */
  only: string[];
}

export const keyOf = (c: Canonical) => `/-/today/${encodeURIComponent(c.region ?? 'all')}/${c.diet ?? 'any'}/${c.only.map(encodeURIComponent).join(',') || '-'}`;

export function fromKey(key: string): Canonical {
  const [region = 'all', diet = 'any', only = '-'] = key.slice('/-/today/'.length).split('/');
  return {
    region: region === 'all' ? null : decodeURIComponent(region),
    diet: diet === 'any' ? null : (diet as DietFilter),
    only: only === '-' ? [] : only.split(',').map(decodeURIComponent),
  };
}

/** Regions resolved against a restaurant list, by folded spelling (so at most one per region and alias). */
const resolved = new WeakMap<Restaurant[], Map<string, string | null>>();

function regionOf(typed: string | null, restaurants: Restaurant[]): string | null {
  if (typed === null) return null;
  let known = resolved.get(restaurants);
  if (!known) resolved.set(restaurants, (known = new Map()));
  const key = regionKey(typed);
  let region = known.get(key);
  if (region === undefined) known.set(key, (region = resolveRegion(typed, restaurants, 'region')));
  return region;
}

/** The region as the restaurants spell it, and `only` as identifiers: one cache entry per meaning. */
export function canonical(query: BoardQuery, restaurants: Restaurant[]): Canonical {
  const region = regionOf(query.region, restaurants);
  const ids = new Set<string>();
  for (const text of query.only) {
    const match = lookup(text, restaurants);
    if (match.kind === 'found' && match.via !== 'typo') ids.add(match.restaurant.id);
    else throw new UsageError(`only: ${quote(text)} ${match.kind === 'ambiguous' ? `fits ${match.candidates.length} restaurants` : 'is not in the restaurant list'}`);
  }
  const chosen = restaurants.filter((r) => ids.has(r.id));
  if (region !== null && chosen.length > 0 && !chosen.some((r) => r.region === region)) {
    throw new UsageError(`none of ${joinWords(chosen.map((r) => r.name), 'and')} is in ${region}`);
  }
  return { region, diet: query.diet, only: [...ids].sort() };
}

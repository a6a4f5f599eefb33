// What each command computes: the result objects its renderer takes (render/) and `--json`
// prints as they are, so these shapes are the tool's stable output (README, "JSON").
import type { Restaurant } from '../api/model.js';
import type { DietFilter } from '../food/filter.js';
import type { Dishes } from '../menu/dishes.js';
import type { MatchKind } from '../menu/lookup.js';
import type { MenuFailure, RestaurantMenu } from '../menu/menus.js';
import type { RegionGroup } from '../menu/restaurants.js';
import type { Provenance } from '../menu/source.js';
import type { Origin, SettingKey } from '../settings/table.js';

export interface CachePathResult {
  status: 'cache_path';
  file: string;
}

export interface CacheInfo {
  status: 'cache_info';
  file: string;
  /** ok, missing (nothing cached yet) or damaged (ignored, rebuilt on the next lookup). */
  state: 'ok' | 'missing' | 'damaged';
  problem: string | null;
  entries: number;
  bytes: number;
  oldest: string | null;
  newest: string | null;
}

export interface CacheCleared {
  status: 'cache_cleared';
  file: string;
  removed: number;
}

export interface SettingRow {
  key: SettingKey;
  value: string;
  from: Exclude<Origin, 'flag'>;
  /** The environment variable that sets it. */
  env: string | null;
  default: string;
  describe: string;
  /** Why the value does not parse (a hand-edited file, a bad environment variable); it is then shown as found. */
  invalid?: string;
}

export type ConfigResult =
  | { status: 'config_path'; file: string }
  | { status: 'config_get'; setting: SettingRow }
  | { status: 'config_set'; key: SettingKey; value: string; file: string }
  | { status: 'config_unset'; key: SettingKey; removed: boolean; file: string }
  | { status: 'config_list'; settings: SettingRow[] };

export interface FindResult {
  status: 'matches' | 'no_matches';
  query: string;
  date: string;
  weekend: boolean;
  region: string | null;
  diet: DietFilter | null;
  /** Matching dishes only, grouped by region and restaurant. */
  regions: RegionGroup<RestaurantMenu>[];
  /** How many menus were searched, and how many of them had any dish. */
  searched: number;
  withDishes: number;
  failed: MenuFailure[];
}

export type ShowResult =
  | ({
      status: 'found';
      query: string;
      match: MatchKind | 'picked';
      restaurant: Restaurant;
      date: string;
      weekend: boolean;
      diet: DietFilter | null;
      source: Provenance;
    } & Dishes)
  | { status: 'ambiguous'; query: string; candidates: Restaurant[]; source: Provenance }
  | {
      status: 'not_found';
      query: string;
      region: string | null;
      suggestions: Restaurant[];
      /** The query reads as a dish ("kyckling"): `find` is what was meant. */
      looksLikeDish: boolean;
      regions: RegionGroup<Restaurant>[];
      source: Provenance;
    }
  /** The name matches a restaurant, but not in the region asked for. */
  | { status: 'elsewhere'; query: string; region: string; restaurant: Restaurant; source: Provenance }
  | { status: 'list'; region: string | null; regions: RegionGroup<Restaurant>[]; source: Provenance }
  /** The picker was offered and left without a choice. */
  | { status: 'cancelled'; query: string };

export interface TodayResult {
  status: 'today';
  date: string;
  weekend: boolean;
  region: string | null;
  diet: DietFilter | null;
  /** Restaurants with dishes to show (favourites are marked; a terminal shows them first). */
  regions: RegionGroup<RestaurantMenu>[];
  /** Restaurants that published no menu today. */
  noMenu: Restaurant[];
  /** Restaurants whose dishes today all fall outside the diet. */
  nothingFits: Restaurant[];
  failed: MenuFailure[];
}

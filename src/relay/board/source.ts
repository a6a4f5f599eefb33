// The board's menus come from the relay's own cache of the API's answers, not from the API: the
// same entries (and the same one upstream call per key per TTL window) as every client of the
// relay. Parsed and neutralised by the CLI's model, with the CLI's rules for copies that stand in
// while the API fails: a restaurant list of any age, a menu only if it was fetched today.
import { parseMenu, parseRestaurantList, type Dropped, type Menu, type Restaurant } from '../../api/model.js';
import type { MenuReader } from '../../menu/menus.js';
import type { DishMemo } from '../../menu/dishes.js';
import { ApiError, type ApiErrorCode } from '../../errors.js';
import { parseUntrusted } from '../../json.js';
import { droppedWarning, type Provenance, type Warning } from '../../menu/source.js';
import { sameStockholmDay } from '../../menu/stockholm.js';
import { describeAge } from '../../render/wording.js';
import type { RelayCache } from '../cache.js';
import type { CachedAnswer } from '../shared.js';
import { RelayError, type RelayErrorCode } from '../errors.js';

const API_CODES: Partial<Record<RelayErrorCode, ApiErrorCode>> = {
  UPSTREAM_TIMEOUT: 'API_TIMEOUT',
  UPSTREAM_UNREACHABLE: 'API_UNREACHABLE',
  UPSTREAM_STATUS: 'API_STATUS',
};

/** The relay's failure, as the CLI's error: transient (a copy may stand in) unless the API's answer was bad. */
export function apiErrorOf(error: RelayError): ApiError {
  const code = API_CODES[error.code] ?? 'API_BAD_RESPONSE';
  const apiError = new ApiError(code, `the menu API failed: ${error.message}`, code !== 'API_BAD_RESPONSE');
  // Kept, so that `/-/today` answers a failed upstream exactly as the relayed paths do.
  apiError.cause = error;
  return apiError;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Each cached restaurant list parsed once (every board request resolves its options against it), with what was left out of it. */
const lists = new WeakMap<CachedAnswer, { restaurants: Restaurant[]; dropped: Dropped }>();

/** One computation's reader: what its answers lacked is its own `warnings()`, as the CLI's source has them. */
export class RelaySource implements MenuReader {
  private readonly warned: Warning[] = [];

  constructor(
    private readonly cache: RelayCache,
    private readonly now: () => number,
  ) {}

  async restaurants(): Promise<{ restaurants: Restaurant[]; source: Provenance }> {
    let got = await this.read('/restaurant');
    // Very old deployments only answer on the trailing-slash form.
    if (got.answer.status === 404) got = await this.read('/restaurant/');
    if (got.answer.status === 404) throw new ApiError('API_STATUS', 'the menu API has no restaurant list (404): is the relay\'s --upstream right?');
    let list = lists.get(got.answer);
    if (!list) {
      const dropped: Dropped = [];
      list = { restaurants: parseRestaurantList(parse(got.answer), dropped), dropped };
      lists.set(got.answer, list);
    }
    this.warn(droppedWarning('the restaurant list from the menu API', 'list', list.dropped));
    return { restaurants: list.restaurants, source: got.source };
  }

  async menu(restaurant: Restaurant): Promise<{ menu: Menu; source: Provenance }> {
    const { answer, source, reason } = await this.read(`/restaurant/${encodeURIComponent(restaurant.id)}`);
    if (answer.status === 404) throw new ApiError('API_INCONSISTENT', `the menu API lists ${restaurant.name} (${restaurant.id}) but has no menu for it (404)`);
    const now = this.now();
    if (source.stale && !sameStockholmDay(answer.fetchedAt, now)) {
      const age = describeAge(answer.fetchedAt, now);
      throw new ApiError('API_UNREACHABLE', `${reason}; the last copy of the menu of ${restaurant.name} was fetched ${age}, not today, so it is not shown`, true);
    }
    const dropped: Dropped = [];
    const menu = parseMenu(parse(answer), dropped);
    this.warn(droppedWarning(`the menu of ${restaurant.name} from the menu API`, 'menu', dropped));
    return { menu, source };
  }

  /** What this computation's answers lacked, each once (the `warnings` of `today --json`). */
  warnings(): Warning[] {
    return [...this.warned];
  }

  private warn(warning: Warning | undefined): void {
    if (warning && !this.warned.some((w) => w.message === warning.message)) this.warned.push(warning);
  }

  /** The relay keeps no dish memo: the food rules remember each text for the life of the process. */
  dishMemo(): DishMemo | undefined {
    return undefined;
  }

  /** No one-time notes: the board has no reader to tell them to but the page. */
  firstTime(): boolean {
    return false;
  }

  /** An answer from the relay's cache, refreshed first if expired; an expired copy only when the API fails. */
  private async read(path: string): Promise<{ answer: CachedAnswer; source: Provenance; reason: string }> {
    try {
      const { answer, result, error } = await this.cache.getFresh(path);
      const stale = result === 'STALE';
      const reason = error instanceof RelayError ? apiErrorOf(error).message : 'the menu API did not answer';
      return { answer, source: { fetchedAt: iso(answer.fetchedAt), fromCache: result !== 'MISS', stale }, reason };
    } catch (error) {
      throw error instanceof RelayError ? apiErrorOf(error) : error;
    }
  }
}

/** The body as JSON (the relay stores only JSON answers; anything else is the API's fault). */
function parse(answer: CachedAnswer): unknown {
  try {
    return parseUntrusted(answer.body.toString('utf8'));
  } catch {
    throw new ApiError('API_BAD_RESPONSE', 'the menu API sent malformed JSON');
  }
}

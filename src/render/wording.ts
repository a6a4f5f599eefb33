// Facts the tool states in more than one place, worded once.
import type { Restaurant } from '../api/model.js';

/** A restaurant whose menu could not be had, and why (menu/menus.ts's Failure). */
interface Failure {
  restaurant: Restaurant;
  error: { message: string };
}
import { formatDuration } from '../duration.js';
import { stockholmDate, stockholmDayLabel, stockholmTime } from '../menu/stockholm.js';
import { joinWords } from '../text.js';

export const WEEKEND_HINT = 'restaurants are usually closed on weekends';

/** When no restaurant shows a dish today: `today` on a terminal and the lunch board. */
export const nothingToday = (diet: string | null) => (diet ? `No ${diet} dishes today.` : 'No restaurant has published a menu for today.');

const names = (restaurants: Restaurant[]) => joinWords(restaurants.map((r) => r.name), 'and');

/** Failed restaurants grouped by reason: `Sven Dufva and Jöns Jacob (the menu API ... answered 500)`. */
function failureText(failed: Failure[]): string {
  const byReason = new Map<string, Restaurant[]>();
  for (const f of failed) byReason.set(f.error.message, [...(byReason.get(f.error.message) ?? []), f.restaurant]);
  return [...byReason].map(([reason, rs]) => `${names(rs)} (${reason})`).join('; ');
}

/**
 * What a many-menu result is missing (no menu today, nothing fits the diet, could not fetch),
 * one fact each, for the footer of `today`/`find`, their notes, and the lunch board.
 */
export function missingFacts(result: { noMenu?: Restaurant[]; nothingFits?: Restaurant[]; failed: Failure[]; diet: string | null; weekend: boolean }, noneOpen: boolean): string[] {
  const out: string[] = [];
  // None has one: said once, without naming every restaurant of the list.
  if (result.noMenu?.length && noneOpen && !result.failed.length) out.push(`no restaurant has published a menu for today${result.weekend ? ` (${WEEKEND_HINT})` : ''}`);
  else if (result.noMenu?.length) out.push(`no menu today: ${names(result.noMenu)}${noneOpen && result.weekend ? ` (${WEEKEND_HINT})` : ''}`);
  if (result.nothingFits?.length) out.push(`no ${result.diet} dishes today at ${names(result.nothingFits)}`);
  if (result.failed.length) out.push(`could not fetch the menu of ${failureText(result.failed)}`);
  return out;
}

/** `5 min ago`, or `2 days ago (Thursday 26 Nov 11:02)` when it was not today in Stockholm. */
export function describeAge(fetchedAt: number, now: number): string {
  if (fetchedAt > now) return `at a time in the future (${new Date(fetchedAt).toISOString()}; is the clock right?)`;
  const sameDay = stockholmDate(fetchedAt) === stockholmDate(now);
  const ago = `${formatDuration(now - fetchedAt)} ago`;
  return sameDay ? ago : `${ago} (${stockholmDayLabel(fetchedAt)} ${stockholmTime(fetchedAt)})`;
}

/** A cached copy served because the API failed. */
export interface StaleUse {
  kind: 'list' | 'menu';
  what: string;
  /** The API failure, as a message. */
  reason: string;
  fetchedAt: number;
}

/**
 * One note for every stale copy a run served: the failure, and how old the (oldest) menu shown
 * is. The menus are what the user reads; a cached restaurant list is named only when it is all.
 */
export function staleNote(uses: StaleUse[], now: number): string | undefined {
  if (uses.length === 0) return undefined;
  const menus = uses.filter((u) => u.kind === 'menu');
  const shown = menus.length ? menus : uses;
  const oldest = shown.reduce((min, u) => Math.min(min, u.fetchedAt), Infinity);
  const copies = shown.length === 1 ? shown[0]!.what : `${shown.length} cached menus, the oldest`;
  return `${uses[0]!.reason}; showing ${copies} fetched ${describeAge(oldest, now)}`;
}

// Facts the tool states in more than one place, worded once.
import { formatDuration } from './duration.js';
import { stockholmDate, stockholmDayLabel, stockholmTime } from './stockholm.js';

export const WEEKEND_HINT = 'restaurants are usually closed on weekends';

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

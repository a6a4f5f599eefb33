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
  what: string;
  /** The API failure, as a message. */
  reason: string;
  fetchedAt: number;
}

/** One note for every stale copy a run served: the failure, and how old the oldest copy is. */
export function staleNote(uses: StaleUse[], now: number): string | undefined {
  if (uses.length === 0) return undefined;
  const oldest = uses.reduce((min, u) => Math.min(min, u.fetchedAt), Infinity);
  const copies = uses.length === 1 ? uses[0]!.what : `${uses.length} cached answers, the oldest`;
  return `${uses[0]!.reason}; showing ${copies} fetched ${describeAge(oldest, now)}`;
}

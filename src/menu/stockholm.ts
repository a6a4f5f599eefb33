// The Stockholm calendar day decides whether a cached menu is still "today's" and whether it is
// a weekend. Intl.DateTimeFormat with a timeZone would do this, but its first use costs 28-30 ms
// CPU of ICU loading on Node 20-24 (`npx tsx bench/claims.ts`), a large slice of a warm lookup's budget. Sweden follows the EU rule (CET,
// UTC+1; CEST, UTC+2 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October), so a few lines of arithmetic suffice; a test checks them against Intl.

const HOUR = 3_600_000;

function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

export function stockholmOffsetMs(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9);
  return summer ? 2 * HOUR : HOUR;
}

/** The wall-clock time in Stockholm, as a Date whose UTC fields read as local fields. */
function wallClock(ms: number): Date {
  return new Date(ms + stockholmOffsetMs(ms));
}

const DAY = 24 * HOUR;
/** The last Stockholm day computed, [from, to) in UTC ms, when one offset held throughout it. */
let lastDay = { from: 0, to: 0, date: '' };

/**
 * `YYYY-MM-DD` in Europe/Stockholm. A run asks this of thousands of cache dates, nearly all on
 * the same day: the last day computed is remembered (except a day with a DST switch).
 */
export function stockholmDate(ms: number): string {
  if (ms >= lastDay.from && ms < lastDay.to) return lastDay.date;
  const offset = stockholmOffsetMs(ms);
  const date = new Date(ms + offset).toISOString().slice(0, 10);
  const from = ms - ((((ms + offset) % DAY) + DAY) % DAY);
  if (stockholmOffsetMs(from) === offset && stockholmOffsetMs(from + DAY - 1) === offset) lastDay = { from, to: from + DAY, date };
  return date;
}

/** Whether `at` is on the Stockholm day of `now`, and not after `now` (a clock moved back). */
export function sameStockholmDay(at: number, now: number): boolean {
  return at <= now && stockholmDate(at) === stockholmDate(now);
}

export function isStockholmWeekend(ms: number): boolean {
  const day = wallClock(ms).getUTCDay();
  return day === 0 || day === 6;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Thursday 26 Nov` in Europe/Stockholm. */
export function stockholmDayLabel(ms: number): string {
  const d = wallClock(ms);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** `HH:MM` in Europe/Stockholm. */
export function stockholmTime(ms: number): string {
  return wallClock(ms).toISOString().slice(11, 16);
}

// The tests decide what "now" is. In-process runs get a `now` function; the binaries the
// end-to-end tests start get the same clock through a test-only preload (pin-clock.mjs) that
// shifts Date: no flag or variable of the tool's own, so no user can set it by accident.
// A pinned clock still moves with real time, so that two runs a test makes are ordered.
import { fileURLToPath } from 'node:url';

/** The instant a Stockholm wall-clock time (`2026-12-02T11:30`) names, computed with Intl. */
export function stockholm(local: string): number {
  const guess = Date.parse(`${local}:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(guess));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return guess - (shown - guess);
}

/** A Wednesday at lunch time, far from midnight: the default instant of every test. */
export const WEEKDAY = stockholm('2026-12-02T11:30');
/** A Saturday noon, for the weekend behaviour. */
export const SATURDAY = stockholm('2026-12-05T12:00');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A clock that reads `at` now and moves on with real time. */
export function pinnedClock(at: number): () => number {
  const anchor = performance.now();
  return () => Math.round(at + (performance.now() - anchor));
}

const PRELOAD = fileURLToPath(new URL('./pin-clock.mjs', import.meta.url));

/** Environment that makes a started binary's clock read `at` now (and move on from there). */
export function clockEnv(at: number): Record<string, string> {
  return { NODE_OPTIONS: `--import=${PRELOAD}`, RESTAURANT_MENU_TEST_CLOCK: `${at}:${Date.now()}` };
}

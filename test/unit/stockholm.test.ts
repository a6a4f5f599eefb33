import { describe, expect, test } from 'vitest';
import { isStockholmWeekend, stockholmDate, stockholmDayLabel, stockholmOffsetMs } from '../../src/menu/stockholm.js';

const intlDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('Stockholm calendar without Intl', () => {
  test('agrees with Intl every 20 minutes around each DST switch and midnight, 2020-2032', () => {
    let checked = 0;
    for (let year = 2020; year <= 2032; year++) {
      for (const month of [2, 9]) {
        // Sweep the whole last week of March/October, where the switch happens.
        const start = Date.UTC(year, month, 24);
        for (let t = start; t < start + 9 * 86_400_000; t += 20 * 60_000) {
          expect(stockholmDate(t), new Date(t).toISOString()).toBe(intlDate.format(t));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  test('agrees with Intl at every hour of 2026', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      expect(stockholmDate(t), new Date(t).toISOString()).toBe(intlDate.format(t));
    }
  });

  test.each([
    ['2026-11-26T22:59:59Z', '2026-11-26', false],
    ['2026-11-26T23:00:00Z', '2026-11-27', false],
    ['2026-11-27T23:00:00Z', '2026-11-28', true], // Saturday from midnight Stockholm time
    ['2026-06-27T21:59:00Z', '2026-06-27', true],
    ['2026-06-28T22:00:00Z', '2026-06-29', false], // Monday 00:00 CEST
  ])('%s is %s in Stockholm (weekend: %s)', (iso, date, weekend) => {
    const t = Date.parse(iso);
    expect(stockholmDate(t)).toBe(date);
    expect(isStockholmWeekend(t)).toBe(weekend);
  });

  test('offsets and labels', () => {
    expect(stockholmOffsetMs(Date.parse('2026-01-15T12:00:00Z'))).toBe(3_600_000);
    expect(stockholmOffsetMs(Date.parse('2026-07-15T12:00:00Z'))).toBe(7_200_000);
    expect(stockholmDayLabel(Date.parse('2026-11-26T12:00:00Z'))).toBe('Thursday 26 Nov');
  });
});

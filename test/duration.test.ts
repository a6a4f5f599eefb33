import { expect, test } from 'vitest';
import { formatDuration, parseDuration } from '../src/duration.js';
import { UsageError } from '../src/errors.js';

test.each([
  ['90s', 90_000],
  ['15m', 900_000],
  ['2h', 7_200_000],
  ['1d', 86_400_000],
  ['500ms', 500],
  ['1h30m', 5_400_000],
  ['10', 10_000],
  ['0.5', 500],
  [' 2H ', 7_200_000],
])('parseDuration(%j) = %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

test.each(['', 'soon', '-5s', '5 minutes', '1w', 's', '1.2.3s'])('parseDuration(%j) is a usage error', (text) => {
  expect(() => parseDuration(text)).toThrow(UsageError);
});

test.each([
  [12_000, '12 s'],
  [42 * 60_000, '42 min'],
  [3 * 3_600_000 + 5 * 60_000, '3 h 5 min'],
  [5 * 86_400_000, '5 days'],
])('formatDuration(%d) = %j', (ms, text) => expect(formatDuration(ms)).toBe(text));

import { expect, test } from 'vitest';
import { durationText, formatBytes, formatDuration, parseBytes, parseDuration } from '../../src/duration.js';
import { UsageError } from '../../src/errors.js';

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

test.each([
  [0, '0s'],
  [5_000, '5s'],
  [5_400_000, '1h30m'],
  [500, '500ms'],
  [86_400_000, '1d'],
  [90_061_500, '1d1h1m1s500ms'],
])('durationText(%d) = %j, and parses back', (ms, text) => {
  expect(durationText(ms)).toBe(text);
  expect(parseDuration(text)).toBe(ms);
});

test.each(['1'.repeat(13), '9'.repeat(400) + 's', '1e400'])('an absurdly long number %j is a usage error, not Infinity', (text) => {
  expect(() => parseDuration(text)).toThrow(UsageError);
});

test.each([
  [32, '32 B'],
  [1023, '1023 B'],
  [4300, '4.2 KB'],
  [64 * 1024 * 1024, '64 MB'],
])('formatBytes(%d) = %j', (n, text) => expect(formatBytes(n)).toBe(text));

test.each([
  ['64MB', 64 * 1024 * 1024],
  ['512kb', 512 * 1024],
  ['1048576', 1048576],
])('parseBytes(%j) = %d', (text, n) => expect(parseBytes(text)).toBe(n));

// The one settings table: precedence, origins named in errors, bounds, canonical forms, and the
// README's table of settings generated facts (defaults, environment variables) kept true.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { canonical, resolve, settingDef, SETTINGS, valueFlags, type SettingKey } from '../../src/settings/table.js';

describe('precedence: flag > environment > saved > default, with the origin', () => {
  test.each([
    [{ flags: { ttl: '5m' }, env: { RESTAURANT_MENU_TTL: '10m' }, saved: { ttl: '15m' } }, 300_000, 'flag'],
    [{ flags: {}, env: { RESTAURANT_MENU_TTL: '10m' }, saved: { ttl: '15m' } }, 600_000, 'env'],
    [{ flags: {}, env: { RESTAURANT_MENU_TTL: '' }, saved: { ttl: '15m' } }, 900_000, 'saved'],
    [{ flags: {}, env: {}, saved: {} }, 3_600_000, 'default'],
  ])('%j → %d from %s', (sources, value, from) => expect(resolve('ttl', sources)).toMatchObject({ value, from }));
});

describe('a bad value is a usage error naming where it came from', () => {
  test.each([
    ['port', { flags: { port: 'eighty' }, env: {} }, "--port: must be a whole number from 0 to 65535 (got 'eighty')"],
    ['port', { flags: {}, env: { PORT: '99999' } }, "PORT: must be a whole number from 0 to 65535 (got '99999')"],
    ['port', { flags: { port: '' }, env: {} }, "--port: must be a whole number from 0 to 65535 (got '')"],
    ['host', { flags: { host: '' }, env: {} }, '--host: must not be empty'],
    ['host', { flags: { host: '   ' }, env: {} }, '--host: must not be empty'],
    ['maxBytes', { flags: { maxBytes: '0' }, env: {} }, "--max-bytes: must be from 1KB to 4GB (got '0')"],
    ['timeout', { flags: { timeout: '25d' }, env: {} }, "--timeout: must be at most 10m (got '25d')"],
    ['timeout', { flags: { timeout: '50d' }, env: {} }, "--timeout: must be at most 10m (got '50d')"],
    ['timeout', { flags: {}, env: {}, saved: { timeout: '25d' } }, "the saved setting timeout: must be at most 10m (got '25d')"],
    ['upstreamTimeout', { flags: { upstreamTimeout: '25d' }, env: {} }, "--upstream-timeout: must be at most 5m (got '25d')"],
    ['relayTtl', { flags: {}, env: { CACHE_TTL: '2d' } }, "CACHE_TTL: must be at most 1d (got '2d')"],
    ['maxStale', { flags: { maxStale: '8d' }, env: {} }, "--max-stale: must be at most 7d (got '8d')"],
    ['redisTimeout', { flags: { redisTimeout: '1m' }, env: {} }, "--redis-timeout: must be at most 10s (got '1m')"],
    ['diet', { flags: { diet: 'carnivore' }, env: {} }, "--diet: must be one of any, vegan, vegetarian, pescetarian, fish, meat (got 'carnivore')"],
    ['color', { flags: { color: 'sometimes' }, env: {} }, "--color: must be one of auto, always, never (got 'sometimes')"],
    ['api', { flags: { api: 'ftp://x' }, env: {} }, '--api: the URL must start with http:// or https:// (got ftp:)'],
    // A user's word indexes a table by own properties only: inherited names are not values.
    ['color', { flags: { color: 'constructor' }, env: {} }, "--color: must be one of auto, always, never (got 'constructor')"],
    ['open', { flags: { open: 'constructor' }, env: {} }, "--open: must be one of map, menu, homepage (got 'constructor')"],
    ['diet', { flags: {}, env: { RESTAURANT_MENU_DIET: 'toString' } }, "RESTAURANT_MENU_DIET: must be one of any, vegan, vegetarian, pescetarian, fish, meat (got 'toString')"],
    ['color', { flags: {}, env: {}, saved: { color: '__proto__' } }, "the saved setting color: must be one of auto, always, never (got '__proto__')"],
    ['logLevel', { flags: { logLevel: 'constructor' }, env: {} }, "--log-level: must be one of error, warn, info, debug (got 'constructor')"],
    ['redis', { flags: { redis: 'http://x' }, env: {} }, '--redis: the URL must start with redis:// or rediss://'],
  ] as const)('%s %j', (key, sources, message) => {
    expect(() => resolve(key as SettingKey, sources)).toThrow(new UsageError(message));
  });
});

test('every duration fits in a timer (at most 24.8 days), whatever is typed', () => {
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const def = settingDef(key);
    if (!def.flag?.includes('<duration>')) continue;
    expect(() => def.parse('25d')).toThrow(UsageError);
    expect(def.parse(def.default) as number).toBeLessThan(2 ** 31 - 1);
  }
});

test.each([
  ['ttl', '5', '5s'],
  ['ttl', '90m', '1h30m'],
  ['timeout', ' 30S ', '30s'],
  ['concurrency', '08', '8'],
  ['diet', 'Vego', 'vegetarian'],
  ['english', 'yes', 'true'],
  ['api', 'https://menu.example/api/', 'https://menu.example/api'],
  ['favorites', ' bikupan, dufva ,bikupan', 'bikupan,dufva'],
] as const)('config set %s %j saves %j', (key, text, saved) => expect(canonical(key, text)).toBe(saved));

test('--no-color and --no-english turn a saved setting off', () => {
  expect(resolve('color', { flags: { color: false }, env: {}, saved: { color: 'always' } }).value).toBe('never');
  expect(resolve('english', { flags: { english: false }, env: {}, saved: { english: 'true' } }).value).toBe(false);
});

test('the router knows every option that takes a value, from the table', () => {
  const flags = valueFlags();
  for (const flag of ['--api', '--timeout', '--ttl', '--region', '--diet', '--concurrency', '--open', '--color', '--port', '--redis']) expect(flags).toContain(flag);
  for (const flag of ['--json', '--refresh', '--no-cache', '--english', '--favorites']) expect(flags).not.toContain(flag);
});

test("the README's settings table says what the table says", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const def = settingDef(key);
    if (!def.saved) continue;
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${key}\``));
    expect(row, `README has a row for ${key}`).toBeDefined();
    if (def.env) expect(row).toContain(`\`${def.env}\``);
    if (def.default) expect(row).toContain(`\`${def.default}\``);
  }
});

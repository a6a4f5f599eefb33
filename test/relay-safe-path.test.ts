import { expect, test } from 'vitest';
import { checkTarget, upstreamUrl } from '../src/relay/safe-path.js';

test.each([
  '/restaurant',
  '/restaurant/',
  '/restaurant/bikupan',
  '/restaurant/j%C3%B6ns',
  '/restaurant?x=1&y=2',
  '/version',
  '/',
])('%s is relayed', (target) => expect(checkTarget(target)).toEqual({ ok: true, path: target }));

test.each([
  ['http://evil.example/', 'absolute-form'],
  ['https://evil.example/restaurant', 'absolute-form'],
  ['evil.example:443', 'authority-form'],
  ['*', 'asterisk-form'],
  ['//evil.example/restaurant', 'protocol-relative'],
  ['/..', 'dot-dot'],
  ['/restaurant/../../etc/passwd', 'dot-dot'],
  ['/%2e%2e/secret', 'encoded dot-dot'],
  ['/%2E%2E/secret', 'encoded dot-dot, upper case'],
  ['/.%2e/secret', 'half-encoded dot-dot'],
  ['/%2e./secret', 'half-encoded dot-dot'],
  ['/restaurant/./x', 'dot segment'],
  ['/%252e%252e/secret', 'double-encoded dot-dot'],
  ['/restaurant%2f..%2fadmin', 'encoded slash'],
  ['/restaurant%2F..', 'encoded slash, upper case'],
  ['/restaurant%5c..%5cadmin', 'encoded backslash'],
  ['/restaurant\\..\\admin', 'backslash'],
  ['/restaurant%00', 'encoded NUL'],
  ['/restaurant%0d%0aX-Injected: 1', 'encoded CRLF'],
  ['/restaurant\x01', 'raw control character'],
  ['/restaurant?q=%0d%0a', 'encoded CRLF in the query'],
  ['/%c0%ae%c0%ae/secret', 'overlong UTF-8 dot'],
  ['/restaurant/%e0%a4%a', 'malformed percent-encoding'],
])('%j is refused (%s)', (target) => {
  const result = checkTarget(target);
  expect(result.ok).toBe(false);
});

test('very long targets get 414', () => {
  expect(checkTarget(`/${'a'.repeat(3000)}`)).toMatchObject({ ok: false, status: 414 });
});

test('upstream URLs stay under the base path', () => {
  const base = new URL('https://menu.example/api');
  expect(upstreamUrl(base, '/restaurant/bikupan')?.href).toBe('https://menu.example/api/restaurant/bikupan');
  expect(upstreamUrl(base, '/restaurant?x=1')?.href).toBe('https://menu.example/api/restaurant?x=1');
  expect(upstreamUrl(new URL('http://h:1'), '/restaurant')?.href).toBe('http://h:1/restaurant');
});

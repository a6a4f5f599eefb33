import { expect, test } from 'vitest';
import { checkTarget, upstreamUrl } from '../../src/relay/safe-path.js';

test.each([
  ['/restaurant', '/restaurant'],
  ['/restaurant/', '/restaurant/'],
  ['/restaurant/bikupan', '/restaurant/bikupan'],
  ['/restaurant/j%c3%b6ns', '/restaurant/j%C3%B6ns'],
  ['/restaurant/a%2fb', '/restaurant/a%2Fb'],
  ['/restaurant/50%25', '/restaurant/50%25'],
  ['/version', '/version'],
  ['/', '/'],
])('%s is relayed as %s (one spelling, one cache entry)', (target, path) => expect(checkTarget(target)).toBe(path));

test.each([
  ['/restaurant?x=1&y=2', '/restaurant'],
  ['/restaurant?q=%0d%0a', '/restaurant'],
  ['/restaurant/dufva?cachebuster=123', '/restaurant/dufva'],
])('the query of %s is dropped: the API takes none', (target, path) => expect(checkTarget(target)).toBe(path));

test.each([
  ['/restaurant/bikupan#1', '/restaurant/bikupan'],
  ['/restaurant/bikupan#300', '/restaurant/bikupan'],
  ['/restaurant/bikupan#x?y=1', '/restaurant/bikupan'],
  ['/restaurant/bikupan?y=1#x', '/restaurant/bikupan'],
  ['/restaurant/#', '/restaurant/'],
])('the fragment of %s is dropped, as the query is: one entry, one upstream call', (target, path) => expect(checkTarget(target)).toBe(path));

test.each([
  ['/restaurant/%62ikupan', '/restaurant/bikupan'],
  ['/restaurant/b%69kupan', '/restaurant/bikupan'],
  ['/%72estaurant/%62%69%6B%75%70%61%6e', '/restaurant/bikupan'],
  ['/restaurant/%41-%5a%30%2D%2e%5F%7E', '/restaurant/A-Z0-._~'],
  ['/restaurant/j%c3%b6ns%2fx', '/restaurant/j%C3%B6ns%2Fx'],
  ['/restaurant/%62ikupan#1', '/restaurant/bikupan'],
  ['/restaurant/a%2E', '/restaurant/a.'],
  ['/restaurant/%20x', '/restaurant/%20x'],
  // What the upstream URL percent-encodes is encoded in the key too: one entry, spelled as sent.
  ['/restaurant/a"b', '/restaurant/a%22b'],
  ['/restaurant/a%22b', '/restaurant/a%22b'],
  ['/restaurant/{x}', '/restaurant/%7Bx%7D'],
  ['/restaurant/<x>`', '/restaurant/%3Cx%3E%60'],
  ['/restaurant/a^b|c', '/restaurant/a^b|c'],
])('%s is normalised to %s (RFC 3986 6.2.2: unreserved characters decoded, hex in upper case)', (target, path) => expect(checkTarget(target)).toBe(path));

test.each([
  ['/restaurant/..#x', 'dot-dot before a fragment'],
  ['/restaurant/.?x', 'dot before a query'],
  ['/restaurant#\x01', 'control character in the fragment'],
  ['/%25%34%31', 'double encoding spelled with encoded unreserved characters'],
  ['/restaurant/%', 'a lone %'],
  ['/restaurant/%g1', 'not hex'],
])('%j is refused (%s)', (target) => {
  expect(checkTarget(target)).toMatchObject({ status: 400 });
});

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
  ['/restaurant%2f..%2fadmin', 'encoded slash around dot-dot'],
  ['/restaurant%2F..', 'encoded slash before dot-dot, upper case'],
  ['/restaurant%5c..%5cadmin', 'encoded backslash around dot-dot'],
  ['/restaurant/%2e', 'encoded dot segment'],
  ['/restaurant\\..\\admin', 'backslash'],
  ['/restaurant%00', 'encoded NUL'],
  ['/restaurant%0d%0aX-Injected: 1', 'encoded CRLF'],
  ['/restaurant\x01', 'raw control character'],
  ['/%c0%ae%c0%ae/secret', 'overlong UTF-8 dot'],
  ['/restaurant/%e0%a4%a', 'malformed percent-encoding'],
])('%j is refused (%s)', (target) => {
  expect(checkTarget(target)).toMatchObject({ status: 400 });
});

test('very long targets get 414', () => {
  expect(checkTarget(`/${'a'.repeat(3000)}`)).toMatchObject({ status: 414 });
});

test('upstream URLs stay under the base path', () => {
  const base = new URL('https://menu.example/api');
  expect(upstreamUrl(base, '/restaurant/bikupan')?.href).toBe('https://menu.example/api/restaurant/bikupan');
  expect(upstreamUrl(base, '/restaurant/a%2Fb')?.href).toBe('https://menu.example/api/restaurant/a%2Fb');
  expect(upstreamUrl(base, '/restaurant?x=1')).toBeUndefined();
  expect(upstreamUrl(new URL('http://h:1'), '/restaurant')?.href).toBe('http://h:1/restaurant');
});

test.each(['/restaurant/a"b', '/restaurant/{x}', '/restaurant/<x>`'])('%s: the cache key is the path the upstream URL is made of', (target) => {
  const path = checkTarget(target) as string;
  expect(upstreamUrl(new URL('http://api.example/api'), path)?.pathname).toBe(`/api${path}`);
});

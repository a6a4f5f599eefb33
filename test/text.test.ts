import { describe, expect, test } from 'vitest';
import { clip, displayWidth, neutralise, redactUrl, safeUrl, wrap } from '../src/text.js';

describe('neutralise', () => {
  test.each([
    ['X\u001b]0;pwned\u0007', 'X␛]0;pwned␇'],
    ['Soup \u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b[2J', 'Soup ␛]52;c;ZWNobyBwd25lZA==␇␛[2J'],
    ['\u001b]8;;http://evil/\u0007click\u001b]8;;\u0007', '␛]8;;http://evil/␇click␛]8;;␇'],
    ['a\tb\r\nc', 'a b c'],
    ['  lots   of\n\n space ', 'lots of space'],
    ['csi\u009b2J and nel\u0085here', 'csi\ufffd2J and nel here'],
    ['del\u007f', 'del␡'],
    ['abc\u202egnp.exe', 'abc\ufffdgnp.exe'],
    ['\u2066isolate\u2069', '\ufffdisolate\ufffd'],
    ['Räksmörgås 🍤', 'Räksmörgås 🍤'],
  ])('%j → %j', (input, expected) => expect(neutralise(input)).toBe(expected));

  test('nothing below 0x20, nothing in 0x7f-0x9f, no bidi control survives, for every code point below 0x3000', () => {
    let all = '';
    for (let c = 0; c < 0x3000; c++) if (c < 0xd800 || c > 0xdfff) all += String.fromCharCode(c);
    expect(neutralise(all)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('safeUrl: only http and https, canonical', () => {
  test.each([
    ['https://example.org/menu', 'https://example.org/menu'],
    ['http://svendufva.se/', 'http://svendufva.se/'],
    ['javascript:alert(1)', ''],
    ['data:text/html,<script>', ''],
    ['file:///etc/passwd', ''],
    ['not a url', ''],
    ['', ''],
    ['https://x.example/a b\u001b[2J', 'https://x.example/a%20b%1B[2J'],
  ])('%j → %j', (input, expected) => expect(safeUrl(input)).toBe(expected));
});

describe('redactUrl', () => {
  test.each([
    ['http://alice:S3cretPass@host/api', 'http://alice:***@host/api'],
    ['redis://:pw@127.0.0.1:6379/0', 'redis://:***@127.0.0.1:6379/0'],
    ['https://menu.example/api', 'https://menu.example/api'],
    ['not a url with //user:pw@host', 'not a url with //***@host'],
  ])('%j → %j', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
    expect(redactUrl(input)).not.toMatch(/S3cret|:pw@/);
  });
});

describe('wrap', () => {
  test('at word boundaries, with a hanging indent', () => {
    expect(wrap('Köttbullar med gräddsås, potatismos och rårörda lingon', 20, '  ')).toEqual([
      'Köttbullar med',
      '  gräddsås,',
      '  potatismos och',
      '  rårörda lingon',
    ]);
  });

  test('a word longer than the line is cut; nothing is lost', () => {
    const lines = wrap(`${'a'.repeat(25)} b`, 10);
    expect(lines.every((l) => displayWidth(l) <= 10)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe(`${'a'.repeat(25)}b`);
  });

  test.each([
    ['🍔', 2],
    ['Räksmörgås', 10],
    ['Cafe\u0301', 4],
    ['食堂', 4],
    ['👩‍🍳', 2],
    ['🇸🇪', 2],
    ['❤️', 2],
    ['©', 1],
    ['a\u200bb', 2],
  ])('displayWidth(%j) = %d', (text, width) => expect(displayWidth(text)).toBe(width));

  test('wide characters count two columns', () => {
    expect(displayWidth('🍔')).toBe(2);
    expect(displayWidth('\u001b[1mhé\u001b[22m')).toBe(2);
    expect(wrap('🍔🍔🍔 🍟', 6).every((l) => displayWidth(l) <= 6)).toBe(true);
  });

  test('a room narrower than one wide character: one character per line, never a hang', () => {
    expect(wrap('• 🍕🍕🍕', 3, '  ')).toEqual(['•', '  🍕', '  🍕', '  🍕']);
    expect(wrap('🍕🍕', 1)).toEqual(['🍕', '🍕']);
  });
});

test('clip keeps surrogate pairs whole', () => {
  expect(clip('ab🍔cd', 3)).toBe('ab…');
  expect(clip('short', 40)).toBe('short');
});

import { describe, expect, test } from 'vitest';
import { clip, displayWidth, neutralise, redactUrl, safeUrl, wrap } from '../../src/text.js';

describe('neutralise', () => {
  test.each([
    ['X\u001b]0;pwned\u0007', 'X␛]0;pwned␇'],
    ['Soup \u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b[2J', 'Soup ␛]52;c;ZWNobyBwd25lZA==␇␛[2J'],
    ['\u001b]8;;http://evil/\u0007click\u001b]8;;\u0007', '␛]8;;http://evil/␇click␛]8;;␇'],
    ['a\tb\r\nc', 'a b c'],
    ['  lots   of\n\n space \n here \u0085 and\t there', 'lots of space here and there'],
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

  // Invisible and spoofing characters: format characters (Unicode category Cf) and the Hangul
  // fillers become a visible �, so two names that differ only by them never look the same.
  test.each([
    ['zero-width space', 'Restaurang Biku\u200bpan', 'Restaurang Biku\ufffdpan'],
    ['zero-width non-joiner', 'a\u200cb', 'a\ufffdb'],
    ['zero-width joiner between letters', 'a\u200db', 'a\ufffdb'],
    ['LRM and RLM', 'a\u200eb\u200fc', 'a\ufffdb\ufffdc'],
    ['Arabic letter mark', 'a\u061cb', 'a\ufffdb'],
    ['word joiner and invisible operators', 'a\u2060\u2061\u2062\u2063\u2064b', 'a\ufffd\ufffd\ufffd\ufffd\ufffdb'],
    ['deprecated format characters', '\u206a\u206b\u206c\u206d\u206e\u206fx', '\ufffd\ufffd\ufffd\ufffd\ufffd\ufffdx'],
    ['interlinear annotation', '\ufff9a\ufffab\ufffb', '\ufffda\ufffdb\ufffd'],
    ['tag characters', 'Bikupan\u{e0001}\u{e0041}\u{e007f}', 'Bikupan\ufffd\ufffd\ufffd'],
    ['soft hyphen and BOM', 'Biku\u00adpan\ufeff!', 'Biku\ufffdpan\ufffd!'],
    ['Hangul fillers', '\u3164x\u115fy\u1160z\uffa0', '\ufffdx\ufffdy\ufffdz\ufffd'],
    ['an emoji joined by ZWJ is kept', 'Kock 👩‍🍳 och ❤️‍🔥 och 👩🏽‍🍳', 'Kock 👩‍🍳 och ❤️‍🔥 och 👩🏽‍🍳'],
    ['a subdivision flag is kept', 'Haggis 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', 'Haggis 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'],
    ['a keycap (two marks) is kept', '1\ufe0f\u20e3 dish', '1\ufe0f\u20e3 dish'],
    ['Vietnamese (two marks) is kept', 'Phở be\u0323\u0302p', 'Phở be\u0323\u0302p'],
    ['a zalgo stack keeps three marks', `e${'\u0301'.repeat(400)}x`, 'e\u0301\u0301\u0301x'],
    ['marks across a whitespace run stay per character', `a${'\u0301'.repeat(5)}\n\n${'\u0302'.repeat(5)}b`, 'a\u0301\u0301\u0301 \u0302\u0302\u0302b'],
  ])('%s', (_, input, expected) => expect(neutralise(input)).toBe(expected));

  test('no format character, Hangul filler or run of more than 3 combining marks survives, for every code point of planes 0, 1 and 14', () => {
    let all = '';
    for (let c = 0; c <= 0x1ffff; c++) if (c < 0xd800 || c > 0xdfff) all += String.fromCodePoint(c);
    for (let c = 0xe0000; c <= 0xeffff; c++) all += String.fromCodePoint(c);
    const out = neutralise(all);
    const hex = (m: RegExpMatchArray) => `U+${m[0].codePointAt(0)!.toString(16)}`;
    expect([...out.matchAll(/[\p{Cf}\u115f\u1160\u3164\uffa0]/gu)].map(hex)).toEqual([]);
    expect([...out.matchAll(/\p{M}{4}/gu)].map(hex)).toEqual([]);
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
    // Conjoining Hangul: an initial (wide) and the vowel and final that join it are one syllable.
    ['\u1100\u1161\u11a8', 2],
    ['\u1112\u1161\u11ab\u1100\u1173\u11af', 4],
    ['\u1100\ud7b0\ud7cb', 2],
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

// JSON from the network: the nesting is counted before parsing, in one pass.
import { expect, test } from 'vitest';
import { MAX_JSON_DEPTH, nestingWithin, parseUntrusted } from '../../src/json.js';

test.each([
  ['{"restaurants": [{"identifier": "a", "coordinate": [1, 2]}]}', 4, true],
  ['[[[1]]]', 3, true],
  ['[[[[1]]]]', 3, false],
  ['{"a": "[[[[[[[[[[[["}', 1, true], // brackets inside a string do not count
  ['{"a": "\\"[[[[[[", "b": 1}', 1, true], // nor after an escaped quote
  ['{"a": "\\\\", "b": [[[1]]]}', 3, false], // an escaped backslash ends before the quote
])('%s nests within %i: %s', (text, max, within) => expect(nestingWithin(text, max)).toBe(within));

test('three million levels are refused unparsed, as a SyntaxError, in one linear pass', () => {
  const deep = '['.repeat(3_000_000) + ']'.repeat(3_000_000);
  expect(() => parseUntrusted(deep)).toThrow(SyntaxError);
  expect(() => parseUntrusted(deep)).toThrow(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  // The scan stops at the first level past the limit: it never reads the rest of the text.
  expect(nestingWithin('['.repeat(MAX_JSON_DEPTH + 1) + 'x'.repeat(10))).toBe(false);
});

test('an answer of the API parses as JSON.parse parses it', () => {
  const body = { restaurant: { title: 'Sven Dufva', menu: [{ dish: 'Pytt i panna [med] {rödbetor}' }] } };
  expect(parseUntrusted(JSON.stringify(body))).toEqual(body);
});

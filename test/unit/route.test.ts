import { expect, test } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/program.js';
import { route } from '../../src/cli/route.js';
import { editDistance } from '../../src/suggest.js';
import { valueFlags } from '../../src/settings/table.js';

const run = (argv: string[], isRestaurant?: (w: string) => boolean) => route(argv, COMMAND_NAMES, valueFlags(), isRestaurant);

test.each([
  [[], ['show']],
  [['sven', 'dufva'], ['show', 'sven', 'dufva']],
  [['--json', 'dufva'], ['show', '--json', 'dufva']],
  [['--api', 'http://x', 'dufva'], ['show', '--api', 'http://x', 'dufva']],
  [['--api', 'http://x', 'show', 'cache'], ['show', '--api', 'http://x', 'cache']],
  [['--json', 'cache', 'info'], ['cache', '--json', 'info']],
  [['show', 'today'], ['show', 'today']],
  [['--region', 'cache'], ['show', '--region', 'cache']],
  [['--diet', 'today', 'dufva'], ['show', '--diet', 'today', 'dufva']],
  [['--region', 'solna'], ['show', '--region', 'solna']],
  [['--timeout', '5s', 'today'], ['today', '--timeout', '5s']],
  [['--help'], ['--help']],
  [['-V'], ['-V']],
  [['dufva', '--help'], ['show', 'dufva', '--help']],
  [['--json'], ['show', '--json']],
  [['--', 'today'], ['show', '--', 'today']],
  [['completion', 'bash'], ['completion', 'bash']],
])('%j → %j', (argv, expected) => expect(run(argv)).toEqual({ kind: 'run', argv: expected }));

test.each([
  ['todya', 'today'],
  ['Today', 'today'],
  ['TODAY', 'today'],
  ['fnd', 'find'],
  ['confg', 'config'],
  ['cahce', 'cache'],
  ['serv', 'serve'],
  ['version', '--version'],
  ['completoin', 'completion'],
  // The beginning of one command only, four letters or more.
  ['complet', 'completion'],
  ['Compl', 'completion'],
  ['conf', 'config'],
])('%j is a mistyped command: did you mean %j?', (word, suggestion) => {
  expect(run([word, 'x'])).toEqual({ kind: 'unknown-command', word, suggestion });
});

test.each(['dufva', 'sven', 'bikupan', 'elma', 'haga', 'omni', 'delta', 'jons', 'hubben', 'kraemer', 'restaurang'])(
  '%j is a name, not a mistyped command',
  (word) => expect(run([word])).toEqual({ kind: 'run', argv: ['show', word] }),
);

test('a word close to a command that names a restaurant stays a name', () => {
  expect(run(['Serv'], (w) => w === 'Serv')).toEqual({ kind: 'run', argv: ['show', 'Serv'] });
  expect(run(['Serv'], () => false)).toMatchObject({ kind: 'unknown-command' });
});

test.each([
  ['todya', 'today', 1],
  ['fnd', 'find', 1],
  ['abc', 'abc', 0],
  ['kitten', 'sitting', 3],
])('editDistance(%j, %j) = %d (a swap counts once)', (a, b, d) => expect(editDistance(a, b)).toBe(d));

import { expect, test } from 'vitest';
import { route } from '../src/route.js';

const COMMANDS = ['show', 'cache', 'config', 'help'];

test.each([
  [[], ['show']],
  [['sven', 'dufva'], ['show', 'sven', 'dufva']],
  [['--json', 'dufva'], ['show', '--json', 'dufva']],
  [['--api', 'http://x', 'dufva'], ['show', '--api', 'http://x', 'dufva']],
  [['--api', 'http://x', 'show', 'cache'], ['show', '--api', 'http://x', 'cache']],
  [['--json', 'cache', 'info'], ['cache', '--json', 'info']],
  [['show', 'today'], ['show', 'today']],
  [['--region', 'cache'], ['show', '--region', 'cache']],
  [['--region', 'solna'], ['show', '--region', 'solna']],
  [['--help'], ['--help']],
  [['-V'], ['-V']],
  [['dufva', '--help'], ['show', 'dufva', '--help']],
  [['--json'], ['show', '--json']],
])('%j → %j', (argv, expected) => expect(route(argv, COMMANDS)).toEqual(expected));

// Where the cache and the settings live, from the environment the command runs with:
// XDG dirs on Linux, ~/Library/... on macOS, %LOCALAPPDATA% on Windows (the same places
// env-paths chooses), each overridable for tests and unusual setups.
//
// Only absolute folders count, as the XDG Base Directory spec says of XDG_*_HOME: a relative
// XDG_CACHE_HOME is ignored, and an empty or relative HOME is no home at all. With no home, the
// paths given are relative ('.cache/restaurant-menu'), and files.ts refuses to read, write or
// lock anything at a relative path: the tool then runs without a cache and with default
// settings (one note each), `config set` fails with exit 4, and nothing lands in the current
// directory.
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Env } from '../settings/table.js';

const NAME = 'restaurant-menu';

const absolute = (dir: string | undefined): string | undefined => (dir && isAbsolute(dir) ? dir : undefined);

/**
 * The home folder: HOME (USERPROFILE on Windows); the system's idea of it (the password database)
 * only when neither is set at all. Set empty, or relative, is none ('' joins into a relative path).
 */
function home(env: Env): string {
  const given = env.HOME || env.USERPROFILE;
  if (given) return absolute(given) ?? '';
  if (env.HOME === '' || env.USERPROFILE === '') return '';
  return absolute(homedir()) ?? '';
}

/** Our own override: a relative one is the user's intent, taken from the current directory. */
const override = (dir: string | undefined) => (dir ? resolve(dir) : undefined);

/** Where each kind of folder lives: our own override, then the platform's place for it. */
const PLACES = {
  cache: { own: 'RESTAURANT_MENU_CACHE_DIR', darwin: 'Caches', windows: ['LOCALAPPDATA', 'Local', 'Cache'], xdg: ['XDG_CACHE_HOME', '.cache'] },
  config: { own: 'RESTAURANT_MENU_CONFIG_DIR', darwin: 'Preferences', windows: ['APPDATA', 'Roaming', 'Config'], xdg: ['XDG_CONFIG_HOME', '.config'] },
} as const;

function dirFor(kind: keyof typeof PLACES, env: Env, platform: NodeJS.Platform): string {
  const place = PLACES[kind];
  const own = override(env[place.own]);
  if (own) return own;
  if (platform === 'darwin') return join(home(env), 'Library', place.darwin, NAME);
  const [winVar, winDefault, winLeaf] = place.windows;
  if (platform === 'win32') return join(absolute(env[winVar]) ?? join(home(env), 'AppData', winDefault), NAME, winLeaf);
  const [xdgVar, xdgDefault] = place.xdg;
  return join(absolute(env[xdgVar]) ?? join(home(env), xdgDefault), NAME);
}

export const cacheDir = (env: Env, platform = process.platform): string => dirFor('cache', env, platform);
export const configDir = (env: Env, platform = process.platform): string => dirFor('config', env, platform);

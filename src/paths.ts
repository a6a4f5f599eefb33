// Where the cache and the settings live, from the environment the command runs with:
// XDG dirs on Linux, ~/Library/... on macOS, %LOCALAPPDATA% on Windows (the same places
// env-paths chooses), each overridable for tests and unusual setups.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from './settings.js';

const NAME = 'restaurant-menu';

function home(env: Env): string {
  return env.HOME || env.USERPROFILE || homedir();
}

export function cacheDir(env: Env, platform = process.platform): string {
  if (env.RESTAURANT_MENU_CACHE_DIR) return env.RESTAURANT_MENU_CACHE_DIR;
  if (platform === 'darwin') return join(home(env), 'Library', 'Caches', NAME);
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home(env), 'AppData', 'Local'), NAME, 'Cache');
  return join(env.XDG_CACHE_HOME || join(home(env), '.cache'), NAME);
}

export function configDir(env: Env, platform = process.platform): string {
  if (env.RESTAURANT_MENU_CONFIG_DIR) return env.RESTAURANT_MENU_CONFIG_DIR;
  if (platform === 'darwin') return join(home(env), 'Library', 'Preferences', NAME);
  if (platform === 'win32') return join(env.APPDATA || join(home(env), 'AppData', 'Roaming'), NAME, 'Config');
  return join(env.XDG_CONFIG_HOME || join(home(env), '.config'), NAME);
}
